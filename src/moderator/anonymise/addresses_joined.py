"""The words around an address that belong to it, once its pieces are found.

The town or village written after an address stays, listed or not: the labelled batches
keep it as often as they count it part of the address (``…, 22 Gosby Road, Quernfleet``).

* a compass point ending the street (``15 Grange Road West``) and a building's word after it
  (``Flat 7, Kennet Wharf Lofts``);
* a Scottish flat's position before it (``2F1, 16 Bridge Street``), and a house number
  before a street found by its noun alone (``19 Rhes y Felin``).
"""

from __future__ import annotations

import re

from moderator.anonymise.state import Cand, State

_WORD_AFTER = re.compile(
    r"[ \t]+(?:North|South|East|West|Lofts|Apartments|Mansions|Buildings)(?=[ \t]*(?:[.;:,)\n|]|$))"
)
_FLAT_POSITION_BEFORE = re.compile(r"(?<![\w/])(?:\d{1,2}F\d|PF\d|GF\d?)[ \t]*,[ \t]*$")
# a house number before a street found by its noun alone ("19 Rhes y Felin", "4 Heol …")
_NUMBER_BEFORE = re.compile(r"(?<![\w/.:-])\d{1,4}[a-z]?[ \t]+$")


def _grow(st: State, c: Cand, end: int) -> None:
    st.taken[c.end : end] = b"\x01" * (end - c.end)
    c.end = end


def join_address_edges(st: State) -> None:
    """Addresses take the words around them that are theirs (see the module's doc)."""
    text = st.text
    for c in [c for c in st.cands if c.kind == "address"]:
        word = _WORD_AFTER.match(text, c.end)
        if word is not None and st.free(c.end, word.end()):
            _grow(st, c, word.end())
        number = _NUMBER_BEFORE.search(text, max(0, c.start - 6), c.start)
        if number is not None and st.free(number.start(), c.start):
            st.taken[number.start() : c.start] = b"\x01" * (c.start - number.start())
            c.start = number.start()
        flat = _FLAT_POSITION_BEFORE.search(text, max(0, c.start - 8), c.start)
        if flat is not None and st.free(flat.start(), c.start):
            st.taken[flat.start() : c.start] = b"\x01" * (c.start - flat.start())
            c.start = flat.start()
