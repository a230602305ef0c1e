"""Layer 2 of the redactor: the record's own people.

Full names, given names, surnames, short forms (Will for William), initials
(K.S., KS), possessives, any letter case, hyphen and apostrophe variants,
one-letter typos. Each person keeps one placeholder throughout.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import (
    FEMALE,
    MALE,
)
from moderator.anonymise.patterns import (
    INITIAL_AFTER,
    INITIAL_BEFORE,
    INITIALS_RE,
    clean_left,
)
from moderator.anonymise.state import State, Tok


def find_known_people(st: State, toks: list[Tok]) -> None:
    """The record's people: names, short forms, surnames, typos, initials."""
    known = st.known
    lex = st.lex
    common, protected = lex.common, lex.protected_words
    firsts = known.first_keys
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        key = t.key
        if key in firsts and st.free(t.start, t.end):
            hit = st.longest(toks, i, known.ngrams, known.max_n)
            if hit is not None:
                size, who = hit
                if size > 1 or not (t.lower and (key in common or key in protected)):
                    _take_known(st, t.start, toks[i + size - 1].end, who)
                    i += size
                    continue
        owners = known.surname_owners.get(key)
        if owners is None and "-" in key:
            owners = known.hyphenated_owners(key)
        if owners:
            if not (t.lower and key in common) and st.free(t.start, t.end):
                _take_known(st, t.start, t.end, _resolve(st, owners, toks, i))
        elif (
            t.cap
            and not t.upper
            and len(key) >= 3
            and key not in common
            and key not in protected
            and key not in lex.given
            and key not in lex.surnames
            and st.free(t.start, t.end)
        ):
            slip = known.near_miss(key)  # "Kaydn", "Kay" for Kayden
            if slip is not None:
                _take_known(st, t.start, t.end, slip)
        i += 1
    for m in INITIALS_RE.finditer(st.text):
        if not clean_left(st.text, m.start(), "."):
            continue
        letters = re.sub(r"[^A-Z]", "", m.group())
        owner = known.initials.get(letters)
        if owner is None or not st.free(m.start(), m.end()):
            continue
        dotted = "." in m.group()
        if not dotted and m.group() in st.lex.acronyms:
            continue
        _take_known(st, m.start(), m.end(), owner)


def _resolve(st: State, owners: list[int], toks: list[Tok], i: int) -> int:
    if len(set(owners)) == 1:
        return owners[0]
    prev = ""
    if i > 0 and toks[i].start - toks[i - 1].end <= 2:  # "Mrs Smith", "Mrs. Smith"
        prev = toks[i - 1].key
    want = "f" if prev in FEMALE else "m" if prev in MALE else None
    if want:
        for o in owners:
            if st.known.people[o].gender == want:
                return o
    initial = INITIAL_BEFORE.search(st.text, max(0, toks[i].start - 6), toks[i].start)
    if initial is not None:  # "K. Smith"
        for o in owners:
            if st.known.initial_of.get(o, ("", ""))[0] == initial.group(1):
                return o
    return -1  # shared surname, no way to tell whose: [FAMILY]


def _take_known(st: State, start: int, end: int, who: int) -> None:
    text = st.text
    if who >= 0:
        first, last = st.known.initial_of.get(who, ("", ""))
        # "K. Smith" / "K Smith" and "Kayden S." / "Kayden S"
        m = INITIAL_BEFORE.search(text, max(0, start - 6), start)
        if m and m.group(1) == first and st.free(m.start(), start):
            start = m.start()
        m = INITIAL_AFTER.match(text, end)
        if m and m.group(1) == last and st.free(end, m.end(1)):
            end = m.end(1)
        person = st.known.people[who]
        st.take(start, end, person.kind, person.label, 60)
    else:
        st.take(start, end, "family", "FAMILY", 60)
