"""Places named by a building's or a site's word, with no number or cue before them.

``Oakridge House``, ``HEATHFIELD HOUSE``: a house's name whose words are not everyday ones
names a home, a hostel or an office where a child lives or is seen, wherever it is written.
A house named by everyday words (``Hope House``, ``the White House``), by a town
(``Knaresborough House``, ``Tredegar House``), after ``HMP`` or as a protected phrase is not
taken here: the learned layer reads the first two (:func:`.learned._named_by_words`, since
session 57), and the others stay.

``the Penstraze site``, ``Osbrook Lane site``, ``plot 7``, ``PITCH 9``, ``caravan 114``: in a
note about a family on a Travellers' site (a trailer, a Traveller, a static or a site is
mentioned), the site's name before ``site`` (not an everyday one, nor a council's) and a
plot's, pitch's, bay's or caravan's number are its address, in whatever case they are
written.

``Denington Industrial Estate``, ``WESTGATE RETAIL PARK``: an industrial or trading estate,
a business or retail park, is an address wherever it is named (a park alone, after a word of
place, is :mod:`.addresses_parks`'s).
"""

from __future__ import annotations

import re

from moderator.anonymise.lexicon import Lexicon, more_places, phrase_key
from moderator.anonymise.nearby import starting_with_folded
from moderator.anonymise.orgs_brands import national_charity
from moderator.anonymise.orgs_runs import protected_inside
from moderator.anonymise.state import State

_WORD = r"[A-Z][A-Za-z'’-]+"
HOUSE_RE = re.compile(rf"(?<![\w])(?:{_WORD}[ \t]+){{1,2}}(?:House|HOUSE)(?![\w])")
SITE_RE = re.compile(rf"(?<![\w])(?P<n>(?:{_WORD}[ \t]+){{1,3}})(?:site|Site|SITE)(?![\w])")
# an industrial estate or a business park, wherever it is named ("Denington Industrial
# Estate", "SWAN YARD INDUSTRIAL ESTATE"); a park alone is :mod:`.addresses_parks`'s
ESTATE_RE = re.compile(
    rf"(?<![\w'’-])(?P<n>(?:{_WORD}[ \t]+){{1,3}})"
    r"(?:(?:Industrial|Trading|Business|Retail|Distribution|Enterprise)[ \t]+"
    r"(?:Estate|Park|Centre)|(?:INDUSTRIAL|TRADING|BUSINESS|RETAIL)[ \t]+(?:ESTATE|PARK))"
    r"(?![\w'’-])"
)
_PREPOSITIONS = frozenset({"at", "in", "near", "to", "by", "from", "on", "the", "into", "off"})
_NEXT_CAPITAL = re.compile(r"[ \t]+[A-Z]")
_UNIT_RE = re.compile(
    r"(?<![\w])(?:[Pp]lot|PLOT|[Pp]itch|PITCH|[Bb]ay|BAY|[Cc]aravan|CARAVAN)[ \t]+\d{1,3}[A-Za-z]?"
    r"(?![\w/.:-])"
)
# a note about a family on a site: one of these words, in any case (a plot or a caravan
# alone may be a building plot's or a holiday's)
_SITE_NOTE = re.compile(
    r"(?i:\b(?:trailers?|travell?ers?|gyps(?:y|ies)|sites?|statics?|chalets?)\b)"
)
# what each match of _SITE_NOTE starts with (in lower case), where it is tried
_SITE_STARTS = ("trailer", "travel", "gyps", "site", "static", "chalet")
_NOT_SITE = frozenset({"the", "a", "this", "that", "same", "other", "building", "council"})
_BEFORE_HOUSE = ("HMP ", "HM Prison ", "Prison ")
_ACRONYM = re.compile(r"[A-Z]{2,4}")
# what comes before a plot where someone lives: a comma or a bracket after their name, or
# "on", "onto", "in", "at", "to", "from", "has", "re"
_UNIT_CUE = re.compile(r"(?:[,(]|\b(?i:on|onto|in|at|to|from|has|re))[ \t]*$")
_PUBLIC = frozenset({"council", "borough", "county", "authority", "police", "nhs"})
_PUBLIC |= {"hospital", "school", "college", "academy", "university", "prison", "station"}
_OF_NAME = re.compile(r"[ \t]+of[ \t]+[A-Z][a-z'’-]+")
_PRISONS = frozenset({"HMP", "HMYOI", "YOI", "HM"})


def find_named_places(st: State) -> None:
    """Take the houses named by words no list holds, and a site's name and plots."""
    text = st.text
    lex = st.lex
    if "House" in text or "HOUSE" in text:
        for m in HOUSE_RE.finditer(text):
            _house(st, lex, m.start(), m.end())
    if "Estate" in text or "ESTATE" in text or "Park" in text or "PARK" in text:
        for m in ESTATE_RE.finditer(text):
            _estate(st, lex, m)
    if not starting_with_folded(_SITE_NOTE, text, _SITE_STARTS):
        return
    if "site" in text or "Site" in text or "SITE" in text:
        for m in SITE_RE.finditer(text):
            _site(st, lex, m)
    for m in _UNIT_RE.finditer(text):
        if _UNIT_CUE.search(text, max(0, m.start() - 8), m.start()) is None:
            continue  # "Plot 7 is empty": a plot the note names, not where someone lives
        if st.free(m.start(), m.end()):
            st.take(m.start(), m.end(), "address", "unit:" + m.group().lower(), 52, 0.7)


def _estate(st: State, lex: Lexicon, m: re.Match[str]) -> None:
    """Take an industrial estate or a business park named by a place's words."""
    text = st.text
    start, end = m.start("n"), m.end()
    words = m.group("n").split()
    last = max((i for i, w in enumerate(words) if w.lower() in _PREPOSITIONS), default=-1)
    if last >= 0:  # "OFF SWAN YARD INDUSTRIAL ESTATE": the estate after the preposition
        if last + 1 == len(words):
            return
        start = text.index(words[last + 1], start + len(" ".join(words[: last + 1])))
        words = words[last + 1 :]
    if not m.group().isupper() and _NEXT_CAPITAL.match(text, end):
        return  # "… Business Park Surgery": another reading's
    keys = phrase_key(text[start:end])
    name = phrase_key(" ".join(words))
    if name in lex.places or name in more_places():
        return  # "Leeds Retail Park": a town's, a public place
    if any(k in _PUBLIC for k in keys) or not st.free(start, end):
        return
    st.take(start, end, "address", "estate:" + " ".join(keys), 52, 0.7)


def _house(st: State, lex: Lexicon, start: int, end: int) -> None:
    """Take ``text[start:end]`` (words and ``House``) when its words name one place."""
    text = st.text
    words = text[start:end].split()
    # "The Oakridge House", "Then Oakridge House": an everyday word before the name
    while len(words) > 2 and (
        words[0].lower() in _NOT_SITE or _everyday(lex, phrase_key(words[0]))
    ):
        start = text.index(words[1], start)
        words = words[1:]
    keys = phrase_key(" ".join(words))
    name = keys[:-1]
    if (
        not name
        or not st.free(start, end)
        or text[max(0, start - 12) : start].endswith(_BEFORE_HOUSE)
    ):
        return
    if words[0] in _PRISONS or _a_place(lex, name[:1], name[1:]):
        return  # "HMP Holme House"; "Knaresborough House", "Buxton Opera House"
    if (
        _everyday(lex, name)
        and not _LIVED_IN_AFTER.match(text, end)
        and not _LIVED_IN_BEFORE.search(text, max(0, start - 24), start)
    ):
        return  # "Hope House" (a charity's); but "Beacon House semi-independent" is a home
    if protected_inside(lex, keys) or national_charity(text[start:end]):
        return
    named = _OF_NAME.match(text, end)  # "RCCG House of Praise": the whole name
    end = named.end() if named is not None and st.free(end, named.end()) else end
    st.take(start, end, "address", "house:" + " ".join(keys), 52, 0.7)


# after a house's name: the kind of place a young person lives in
_LIVED_IN_AFTER = re.compile(
    r"[ \t]*[,(–-]?[ \t]*(?i:semi-independent|supported[ \t]+(?:accommodation|lodgings|housing)"
    r"|hostel|foyer|children['’]s[ \t]+home|residential[ \t]+home|refuge)\b"
)


# ... or before it: a placement's cue ("Placement: Oakwood House", "placed at Ivy House")
_LIVED_IN_BEFORE = re.compile(
    r"(?i:placement[ \t]*:|placed[ \t]+at|liv(?:es|ing)[ \t]+at|resident[ \t]+at"
    r"|moved[ \t]+(?:in[ \t]+)?to|staying[ \t]+at)[ \t]+(?:the[ \t]+)?\Z"
)


def _site(st: State, lex: Lexicon, m: re.Match[str]) -> None:
    """Take a site's name and ``site`` (``the Penstraze site``) when the name is one place's."""
    text = st.text
    start, end = m.start("n"), m.end()
    words = m.group("n").split()
    while words and words[0].lower() in _NOT_SITE:
        start = text.index(words[1], start) if len(words) > 1 else end
        words = words[1:]
    if not words:
        return
    name = phrase_key(" ".join(words))
    if any(k in _PUBLIC for k in name) or (len(words) == 1 and _ACRONYM.fullmatch(words[0])):
        return  # "Rochdale Council site": the council's own; "the DHL site": a company's
    if _everyday(lex, name) or name in lex.places or protected_inside(lex, name):
        return  # "Travellers' site", "Council Site", "Selby site"
    if not st.free(start, end):
        return
    st.take(start, end, "address", "site:" + " ".join(name), 52, 0.7)


def _a_place(lex: Lexicon, first: tuple[str, ...], rest: tuple[str, ...]) -> bool:
    """Whether the words are a place (a town), alone or before everyday words."""
    whole = first + rest
    if whole in lex.places or whole in more_places():
        return True
    return (first in lex.places or first in more_places()) and _everyday(lex, rest)


def _everyday(lex: Lexicon, keys: tuple[str, ...]) -> bool:
    return all(k in lex.words or k in lex.common or not k.isalpha() for k in keys)
