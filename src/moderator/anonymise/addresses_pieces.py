"""An address's pieces, found apart, become one address.

A redaction the name layers made of a street (``Cartwheel Yard``, ``Lon Cefnwerthyn``) or of a
part of the record's own address written another way (``Ty Clyd``) is an address; and an
address takes what is written with it: the ``c/o`` or ``flat nine`` before it, a house number
in words (``seven Wellmeadow Brae``), the next piece or street after a comma (``Ty Clyd, Lon
Cefnwerthyn``, ``Cartwheel Yard, Old Thorley Road``) and the shops or flats after it (``on
Kingston Road shops``). Called from :func:`.layer_extra.join_identifier_parts`; they live apart
from :mod:`.layer_extra` to keep that module under the project's limit of about 400 lines.
"""

from __future__ import annotations

import re

from moderator.anonymise.lexicon import phrase_key
from moderator.anonymise.patterns import STREET_TYPES
from moderator.anonymise.state import Cand, State

_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    "|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
)
_ADDRESS_BEFORE_WORDS = frozenset(
    {"c/o", "of", "flat", "unit", "apartment", "apt", "room", *_NUMBER_WORDS.split("|")}
)
# before an address: "c/o ", "flat nine ", "flat ", "seven " (a house number in words)
_ADDRESS_BEFORE = re.compile(
    rf"(?i:c/o|care[ \t]+of|(?:flat|unit|apartment|apt|room)(?:[ \t]+(?:\d{{1,4}}[a-z]?|{_NUMBER_WORDS}))?"
    rf"|{_NUMBER_WORDS}),?[ \t]+$"
)
# after an address and a comma: another street ("…Yard, Old Thorley Road")
_STREET_AFTER = re.compile(rf",[ \t]+(?:[A-Z][\w'’-]+[ \t]+){{1,3}}(?:{STREET_TYPES})(?![\w])")
_COMMA = re.compile(r",[ \t]+")


_ROAD_WORDS = frozenset(
    {"road", "street", "yard", "avenue", "close", "drive", "crescent", "terrace", "mews", "rise",
     "parade", "row", "wynd", "brae", "drove", "lon", "heol", "ffordd", "stryd"}
)  # fmt: skip


_OWN_INITIALS = re.compile(r"[ \t]*\([ \t]*([A-Z]{2,3})[ \t]*[,)]")


def addresses_taken_for_names(st: State) -> None:
    """A redaction the name layers made of a street ("Cartwheel Yard", "Lon Cefnwerthyn") or
    of a part of the record's own address written another way ("Ty Clyd") is an address."""
    text = st.text
    parts: set[tuple[str, ...]] | None = None
    for c in st.cands:
        if c.kind != "person":
            continue
        written = text[c.start : c.end].split()
        if not 1 < len(written) < 5 or not written[0][:1].isupper():
            continue
        if parts is None:
            parts = {phrase_key(p) for p in (st.case.child.address or "").split(",")}
        words = phrase_key(" ".join(written))
        after = _OWN_INITIALS.match(text, c.end)
        if after is not None and after.group(1) == "".join(w[0] for w in written):
            continue  # "Tom Street (TS)": their initials follow; a person (see names_initials)
        if len(words) > 1 and (words in parts or {words[0], words[-1]} & _ROAD_WORDS):
            c.kind, c.ident = "address", "home" if words in parts else " ".join(words)


def grow_address(st: State, c: Cand, gone: set[int]) -> None:
    """The address ``c`` grown by what is written with it (see the module's doc); an address
    after a comma that it takes in is added to ``gone`` (by ``id``)."""
    text = st.text
    before = text[max(0, c.start - 12) : c.start].split()
    if before and (
        before[-1].strip(",([").lower() in _ADDRESS_BEFORE_WORDS or before[-1][0].isdigit()
    ):
        m = _ADDRESS_BEFORE.search(text, max(0, c.start - 24), c.start)
        if m is not None and st.free(m.start(), c.start):
            st.grow(c, m.start(), c.end)
    # the next address piece after a comma ("Ty Clyd, Lon Cefnwerthyn") is the same address
    gap = _COMMA.match(text, c.end)
    if gap is not None and st.taken[gap.end() : gap.end() + 1] == b"\x01":  # (else none starts)
        nxt = st.starting_at(gap.end())
        if nxt is not None and nxt.kind == "address":
            st.drop(nxt)
            gone.add(id(nxt))
            st.grow(c, c.start, nxt.end)
            return
    s = _STREET_AFTER.match(text, c.end) if gap is not None else None
    if s is not None and st.free(c.end, s.end()):
        st.grow(c, c.start, s.end())
    shops = _SHOPS_AFTER.match(text, c.end)
    if shops is not None and st.free(c.end, shops.end()):
        st.grow(c, c.start, shops.end())  # "on Kingston Road shops": the parade is the place


_SHOPS_AFTER = re.compile(r"[ \t]+(?:shops|flats|parade)(?![\w'’-])")
