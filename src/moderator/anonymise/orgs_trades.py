"""Small businesses named by their trade and their owner, and fostering agencies by their brand.

* **A trade "by" its owner** (``Nails by Leanne``, ``Fades by Kofi``, ``Kutz by Kez``,
  ``Crowned by Grace``): a trade's word (or a word no list holds) and ``by`` before a given
  name is a salon's, a barber's or a baker's name, which narrows where a family lives and
  works. ``Seen by Jo``, ``Minutes by Sam``: a verb or a record's word before ``by`` is no
  business.
* **A fostering agency by its brand** (``Severn Foster Care``, ``Foster Care Partners``,
  ``Foster Plus NW``, ``Fostering Solutions Midlands``): a capitalised brand word before
  ``Foster Care`` or ``Fostering``, or a company's word after it, names one independent
  agency; ``Foster Care`` alone, ``Local Authority Foster Care`` or a protected phrase
  (``Foster Care Agreement``) names a kind of care and stays.
"""

from __future__ import annotations

import re

from moderator.anonymise.lexicon import more_places, phrase_key
from moderator.anonymise.orgs_runs import protected_inside
from moderator.anonymise.state import State

_BY_RE = re.compile(
    # (from the first capital, the look-behind after it: the engine skips to a capital)
    r"(?P<n>[A-Z](?<![\w'’-][A-Z])[\w'’-]+)[ \t]+by[ \t]+(?P<g>[A-Z][a-z'’-]+)(?![\w'’-])"
)
_TRADES = frozenset(
    {"nails", "hair", "cuts", "cutz", "kutz", "fades", "fadez", "polished", "crowned", "lashes"}
)
_TRADES |= {"brows", "beauty", "cakes", "bakes", "treats", "designs", "tattoos", "ink", "glam"}
_TRADES |= {"photography", "styles", "blooms", "flowers", "creations", "looks", "braids"}
_TRADES |= {"trims", "clips", "tanning", "waxing", "barbering", "grooming", "bites", "kitchen"}
_FOSTER_RE = re.compile(
    r"(?<![\w'’-])(?P<b>(?:[A-Z][\w'’-]+ ){0,2})"
    r"(?:Foster[ \t]+Care|Foster[ \t]+Plus|Fostering|Fostercare|FOSTER[ \t]+CARE|FOSTERING)"
    r"(?P<t>(?:[ \t]+(?:Partners|Partnership|Solutions|Associates|Midlands|North|South|East|West"
    r"|NW|NE|SW|SE|UK|Group|People|Ltd|Limited|Agency|Services))*)(?![\w'’-])"
)
# words before "Foster Care" that name a kind of care, not an agency's brand
_NOT_BRAND = frozenset(
    {"local", "authority", "independent", "in-house", "council", "private", "kinship", "the"}
)
_NOT_BRAND |= {"short-term", "long-term", "emergency", "respite", "agency", "our", "his", "her"}
_NOT_BRAND |= {"their", "in", "house", "and", "or", "of", "for", "to", "from", "with", "a", "an"}
_NOT_BRAND |= {"mainstream", "specialist", "therapeutic", "connected", "person", "family", "ifa"}
_NOT_BRAND |= {"lac", "cla", "current", "previous", "new", "moved", "into", "at", "on", "by"}
_TOKEN = re.compile(r"\S+")
_NEXT_WORD = re.compile(r"[ \t]+([A-Z][a-z]+)")
# a company's word after "Foster Care" that makes it a brand alone ("Foster Care Partners")
_BRAND_TAILS = frozenset({"partners", "partnership", "solutions", "associates", "people"})
_BRAND_TAILS |= {"group", "ltd", "limited"}
_PUBLIC = frozenset({"council", "county", "city", "borough", "authority", "nhs"})
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][a-z'’-]+[ \t]$")


def find_trades_and_agencies(st: State) -> None:
    """Take a trade named by its owner and a fostering agency named by its brand."""
    text = st.text
    lex = st.lex
    if " by " in text:
        for m in _BY_RE.finditer(text):
            trade = m.group("n").lower()
            known = trade in lex.words or trade in lex.common or trade in lex.given
            if trade not in _TRADES and (
                known or trade in lex.surnames or trade in lex.rarer or m.group("n").isupper()
            ):
                continue  # "Seen by Jo", "Minutes by Sam", "RHI by Amy"
            if _CAPITALISED_BEFORE.search(text, max(0, m.start() - 20), m.start()):
                continue  # "Carol Dyer by Arber": a name's last word
            if phrase_key(m.group("g"))[0] not in lex.given:
                continue
            _take_over_orgs(st, m.start(), m.end(), "trade:" + m.group().lower())
    if "oster" not in text and "OSTER" not in text:
        return
    for m in _FOSTER_RE.finditer(text):
        words = m.group("b").split()
        while words and words[0].lower() in _NOT_BRAND:
            words = words[1:]  # "Local Authority Foster Care", "moved to Severn Foster Care"
        keys = phrase_key(" ".join(words)) if words else ()
        if any(k in _PUBLIC or (k,) in lex.places or (k,) in more_places() for k in keys):
            continue  # "Cumberland Council Fostering", "Rutland Fostering": a council's service
        if keys and keys[0] in lex.given and keys[0] not in lex.words:
            continue  # "Olivia Marsden Fostering SW": a person, then her team
        tail = phrase_key(m.group("t")) if m.group("t").strip() else ()
        if not words and not any(t in _BRAND_TAILS for t in tail) and "Plus" not in m.group():
            continue  # "Foster Care", "Fostering Services", "Fostering North"
        tokens = [t.start() for t in _TOKEN.finditer(m.group("b"))]
        start = m.start("b") + (tokens[len(tokens) - len(words)] if words else len(m.group("b")))
        keys = phrase_key(text[start : m.end()])
        after = _NEXT_WORD.match(text, m.end())
        if after is not None and protected_inside(lex, keys + phrase_key(after.group(1))):
            continue  # "Foster Care Agreement", "Foster Care Fortnight"
        _take_over_orgs(st, start, m.end(), "fostering:" + " ".join(keys))


def _take_over_orgs(st: State, start: int, end: int, ident: str) -> None:
    """Take ``text[start:end]`` as one organisation, in place of the organisations found
    inside it (``Nails`` of ``Nails by Leanne``); nothing else may lie there."""
    inside = [c for c in st.cands if c.start < end and start < c.end]
    if any(c.kind != "org" or c.start < start or c.end > end for c in inside):
        return
    for c in inside:
        st.cands.remove(c)
    st.take(start, end, "org", ident, 55, 0.75)
