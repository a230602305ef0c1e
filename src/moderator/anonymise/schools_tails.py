"""A school's kind written after a street or a place taken before it.

Dictation and a child's typing name a school by its street or its area and its kind, in
lower case: ``castle view first school``, ``greenland lane primary``, ``dere street first``.
The street's or the place's words are found first, as an address (or the first word alone, as
a school), and the school's kind is left after them. A school's kind straight after an address (or a name no one of the record
holds) makes the whole one school: the redaction grows over it and names a school.
"""

from __future__ import annotations

import re

from moderator.anonymise.state import State

_SCHOOL_TAIL = re.compile(
    r"[ \t]+(?i:(?:first|primary|junior|juniors|infant|infants|nursery|middle|high|secondary)"
    r"(?:[ \t]+(?:school|academy))?|school|academy)(?![\w'’-])"
)
_KINDS = frozenset({"address", "person", "school"})
# a school found by its first word alone ("greenland" of "greenland lane primary"): the
# street's word between it and its kind
_STREET_WORD = re.compile(r"[ \t]+(?i:lane|street|road|view|park|hill|green|fields|way|avenue)")

# a school's kind ending a school's name, and the noun that may follow it
_ENDS_KIND = re.compile(
    r"(?<![\w'’-])(?i:first|primary|junior|infant|middle|high|secondary|catholic|c of e|cofe)\Z"
)
_NOUN_AFTER = re.compile(r"[ \t]+(?i:school|academy)(?![\w'’-])")


def join_school_tails(st: State) -> None:
    """Grow an address (or an unknown person's name) over a school's kind after it."""
    text = st.text
    if not any(
        w in text.lower()
        for w in (
            "first",
            "primary",
            "junior",
            "infant",
            "nursery",
            "middle",
            "high",
            "secondary",
            "school",
            "academy",
        )
    ):
        return
    for c in sorted(st.cands, key=lambda c: c.start):
        if c.kind not in _KINDS or (c.kind == "person" and not c.ident.startswith("p:")):
            continue
        if c.ident == "home":
            continue  # the record's own address: "lives on Elm Road. High School …" is no school
        at = c.end
        if c.kind == "school":
            street = _STREET_WORD.match(text, at)
            if street is None:
                # "[black combe high] school": a school found up to its kind, its noun left
                m = _NOUN_AFTER.match(text, at) if _ENDS_KIND.search(text, c.start, at) else None
                if m is not None and st.free(at, m.end()):
                    st.grow(c, c.start, m.end())
                continue
            at = street.end()
        m = _SCHOOL_TAIL.match(text, at)
        if m is None or not st.free(c.end + 1, m.end()):
            continue
        st.grow(c, c.start, m.end())
        c.kind = "school"
        c.ident = "school:" + " ".join(text[c.start : c.end].lower().split())
