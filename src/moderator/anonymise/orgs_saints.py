"""A saint's dedication named alone: a church, a parish or its hall, never a person.

``Church at St Andrew's``, ``mass at St Thomas of Canterbury``, ``First Holy Communion at St
Joseph the Worker``, ``St Mary Star of the Sea hall``, ``St Peter and St Paul``: ``St`` (or
``Saint``, ``Ss``) before a capitalised name is a saint, and the saint with what follows in
the dedication (``of Canterbury``, ``the Worker``, ``and St Paul``, ``Star of the Sea``) and
the building's noun after it (``Church``, ``RC Church``, ``Parish``, ``Hall``) name one place
where a family worships or meets. A saint's name before a street's, a school's or a
hospital's word is left to those readings (``St Thomas Road``, ``St Bede's Primary``); a
town named after a saint (``St Helens``, ``St Neots``, or any saint's name after an address's
comma) and a saint inside a longer name (``Society of St James``) stay.
"""

from __future__ import annotations

import re

from moderator.anonymise.lexicon import Lexicon, more_places, phrase_key
from moderator.anonymise.patterns import STREET_TYPES
from moderator.anonymise.state import State

_NAME = r"[A-Z][a-z]+(?:['’]s?)?"
_SAINT = r"(?:St|Saint|Ss|Saints)\.?"
SAINT_RE = re.compile(
    rf"(?<![\w.]){_SAINT}[ \t]+{_NAME}(?:[ \t]+(?P<second>{_NAME}))?"
    # the dedication's tail: "and St Paul", "of Canterbury", "of the Cross", "the Worker",
    # "Star of the Sea"
    r"(?:[ \t]+and[ \t]+All[ \t]+(?:Angels|Saints)"
    rf"|[ \t]+(?:and|&)[ \t]+(?:{_SAINT}[ \t]+)?(?!All\b){_NAME}"
    r"|[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?"
    r"|[ \t]+the[ \t]+(?:Worker|Martyr|Apostle|Baptist|Evangelist|Great|Divine|Confessor|Less)"
    r"|[ \t]+Star[ \t]+of[ \t]+the[ \t]+Sea)*"
    r"(?:[ \t]+(?:(?:RC|R\.C\.|Catholic|C[ \t]?of[ \t]?E|CE|Methodist|Anglican|Orthodox|Parish)[ \t]+)?"
    r"(?:Church|Parish|Chapel|Cathedral|Hall|Church[ \t]+Hall|Centre|Youth[ \t]+Club)\b)?"
)
# a capitalised word just before "St" (in a line not in capitals): "High St", a street
_WORD_BEFORE = re.compile(r"(?<![.!?:;\n] )(?<![.!?:;\n])\b[A-Z][a-z]+[ \t]+$")
# the same without a second name ("St Mary's Hospital": the hospital's word is no name)
SAINT_ONE_RE = re.compile(SAINT_RE.pattern.replace(rf"(?:[ \t]+(?P<second>{_NAME}))?", "", 1))
# what makes the saint part of a longer name or a town after an address
_INSIDE = re.compile(r"(?:\bof|\band|&|,)[ \t]+$")
# a street's, a school's, a hospital's word after the saint's name: another reading's
_OTHERS = re.compile(
    rf"[ \t]+(?:{STREET_TYPES}|Primary|School|Academy|College|Infants?|Junior|Nursery|High"
    r"|Hospital|Hospice|Surgery|Medical|Day|Eve|Night|Catholic[ \t]+(?:Primary|High|School|Academy|College)"
    r"|C[ \t]?of[ \t]?E[ \t]+(?:Primary|School|Academy)|RC[ \t]+(?:Primary|High|School))\b"
)


def _second_name(lex: Lexicon, word: str) -> bool:
    """Whether a second word after the saint's name is more of it ("St Mary Magdalen's", "St
    Thomas More"): a possessive, or a name that is no everyday word."""
    key = phrase_key(word)[0] if phrase_key(word) else ""
    if word.endswith(("'s", "’s")):
        return not _OTHERS.match(" " + word[:-2])
    return (
        (key in lex.surnames or key in lex.given) and key not in lex.words and key not in lex.common
    )


def find_saints(st: State) -> None:
    """Take a saint's dedication named alone as the church (or hall) it names."""
    text = st.text
    if "St" not in text and "ST" not in text and "Saint" not in text and "SAINT" not in text:
        return
    lex = st.lex
    for found in SAINT_RE.finditer(text):
        m: re.Match[str] | None = found
        second = found.group("second")
        if second is not None and not _second_name(lex, second):
            m = SAINT_ONE_RE.match(text, found.start())
        if m is None:
            continue
        start, end = m.span()
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        if before is not None and not before.group().isupper():
            continue  # "High St Mary …": a street's short word, then a name
        if _INSIDE.search(text, max(0, start - 6), start):
            continue  # "Society of St James", "Guy's and St Thomas'", "…, St Leonards": a name's
            # part, or a town after an address
        if _OTHERS.match(text, end):
            continue  # "St Thomas Road", "St Bede's Primary": the street's, the school's
        first_two = phrase_key(" ".join(m.group().split()[:2]))
        if first_two in lex.places or first_two in more_places():
            continue  # "St Helens", "St Neots": a town
        # an organisation found in the dedication's tail joins it ("… Star of the Sea hall")
        inside = [c for c in st.cands if c.start < end and start < c.end]
        if all(c.kind == "org" and start < c.start for c in inside):
            for c in inside:
                end = max(end, c.end)
                st.cands.remove(c)
            st.take(start, end, "org", "saint:" + " ".join(phrase_key(m.group())), 56, 0.75)
