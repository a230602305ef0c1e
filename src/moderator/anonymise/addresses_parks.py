"""Parks, bays and other open places named after a word of place: ``fell off his bike at
Radnor Park``, ``I GOT ROBBED IN HOGLANDS PARK``, ``Went to Westbrook Bay``.

Where a child was hurt, found or met someone narrows where they live, as a street does, and
most writers of the labelled corpus label such a place as an address. Some keep it as a
place, so each is redacted below the review threshold: the import lists it for the person
importing to confirm or keep. Not taken: a kind of park rather than a name (``the skate
park``, ``Retail Park``, ``Country Park`` alone), a prison (``HMP Eastwood Park``), a name
followed by an institution's noun (``Sutton Park Academy``: the school's layers'), or a place
that is a protected phrase.
"""

from __future__ import annotations

import re

from moderator.anonymise.lexicon import phrase_key
from moderator.anonymise.state import State

_OPEN_WORDS = (
    "Park", "Bay", "Abbey", "Woods", "Common", "Rec", "Recreation Ground", "Playing Fields",
    "Fields", "Meadows?", "Beach", "Pier", "Lake", "Reservoir", "Gardens", "Pool", "Baths",
    "Lido",
)  # fmt: skip
_OPEN = "|".join(w.replace(" ", r"[ \t]+") for w in (*_OPEN_WORDS, *map(str.upper, _OPEN_WORDS)))
# a word of place (or a police form's "ATTENDED"), then one or two capitalised words and the
# open place's noun (as written, or all in capitals)
_PARK_RE = re.compile(
    r"(?<![\w'’-])(?i:at|in|to|from|near|behind|outside|round|around|into|through|attended)"
    r"[ \t]+"
    r"(?:(?i:the)[ \t]+)?"
    rf"(?P<n>(?:[A-Z][\w'’-]*[ \t]+){{1,2}}(?:{_OPEN}))(?![\w'’-])"
)
# the words that make a kind of park, not one park's name ("the skate park", "Retail Park")
_KINDS = frozenset(
    {"skate", "country", "retail", "business", "industrial", "trading", "holiday", "caravan"}
    | {"theme", "water", "safari", "science", "technology", "enterprise", "leisure", "car"}
    | {"national", "city", "town", "village", "local", "public", "play", "sports", "the"}
    | {"boating", "fishing", "swimming", "paddling", "model", "lower", "upper", "splash"}
    | {"indoor", "outdoor", "hydrotherapy"}
)
# the same after a town, a kind of place the town has ("Walsall Skate Park", "Leeds Retail
# Park"; but "Irchester Country Park", "Corby Boating Lake" are named)
_KINDS_INSIDE = frozenset(
    {"skate", "retail", "business", "industrial", "trading", "enterprise", "science", "car"}
    | {"technology", "leisure", "holiday", "caravan", "theme", "water", "safari"}
)
_PRISONS = frozenset({"hmp", "hmyoi", "yoi", "prison"})
# after the place: the place is part of another name ("Sutton Park Academy", "Bay Primary")
_INSTITUTION_AFTER = re.compile(
    r"['’]?s?[ \t]+(?i:academy|primary|school|college|hospital|mosque|church|medical|surgery"
    r"|health|stables|racecourse|house|hall|road|street|lane|avenue|drive|close|way|estate"
    r"|fish|car)\b"
)
# a building in the park, named by it: the two are one organisation ("Coley Park Library")
_BUILDING_AFTER = re.compile(
    r"[ \t]+(?:Library|(?:Leisure|Community|Sports)[ \t]+Centre|Pavilion|Caf[eé]|Museum)"
    r"(?![\w'’-])"
)
_GATE = tuple(sorted({w.split()[0].lower().rstrip("s?") for w in _OPEN_WORDS}))
_PRIORITY = 57  # below the review threshold (0.6): listed for a person to confirm


def find_open_places(st: State) -> None:
    """Take the parks and open places named after a word of place (see the module)."""
    text = st.text
    low = text.lower()
    if not any(w in low for w in _GATE):
        return
    lex = st.lex
    for m in _PARK_RE.finditer(text):
        start, end = m.span("n")
        words = phrase_key(m.group("n"))
        if words[0] in _KINDS or (len(words) > 2 and words[1] in _KINDS_INSIDE):
            continue  # "the Skate Park", "at Country Park", "Walsall Skate Park"
        before = phrase_key(text[max(0, m.start() - 8) : m.start()])
        if (before and before[-1] in _PRISONS) or _PRISONS.intersection(words):
            continue  # "HMP Eastwood Park", "in HMP Eastwood Park": a prison
        if _INSTITUTION_AFTER.match(text, end):
            continue  # "Sutton Park Academy", "Abbey Park cafe": another layer's name
        if len(words) > 1 and words in lex.phrases.get(words[0], ()):
            continue  # a protected phrase ("Pleasure Beach" where the vocabulary holds it)
        kind = "address"
        if (building := _BUILDING_AFTER.match(text, end)) is not None:
            kind, end = "org", building.end()
        if st.free(start, end):
            st.take(start, end, kind, "park:" + " ".join(phrase_key(text[start:end])), _PRIORITY)
