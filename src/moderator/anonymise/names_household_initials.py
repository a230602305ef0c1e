"""Two people's initials after the surname they share, as a record's header or a table of
carers writes a household: ``STONE, K & M``, ``Hollinworth J & K``. The initials go with the
surname when one of them is a given name's initial of the record's people; the pairs a note
writes for a service or a shop (``A & E``, ``M & S``, ``B & Q``) stay.
"""

from __future__ import annotations

import re

from moderator.anonymise.state import NAME_KINDS, State

_PAIR = re.compile(r",?[ \t]+([A-Z])\.?[ \t]*(?:&|and)[ \t]*([A-Z])\.?(?![\w'’&-])")
# the second initial after a name taken with its first ("[Hollinworth J] & K")
_SECOND = re.compile(r"[ \t]*(?:&|and)[ \t]*([A-Z])\.?(?![\w'’&-])")
_NOT_PEOPLE = frozenset({"AE", "BB", "QA", "MS", "HM", "PO", "RB", "DG", "BQ", "CA", "TC"})


def absorb_household_initials(st: State) -> None:
    """Give ``K & M`` to the surname before it (see the module)."""
    text = st.text
    if "&" not in text and " and " not in text:
        return
    firsts = {first for first, _ in st.known.initial_of.values() if first}
    if not firsts:
        return
    for c in list(st.cands):
        if c.kind not in NAME_KINDS or not text[c.start : c.start + 1].isupper():
            continue
        m = _PAIR.match(text, c.end)
        if m is not None:
            pair = m.group(1) + m.group(2)
        elif c.end - c.start > 3 and text[c.end - 2] in " \t" and text[c.end - 1].isupper():
            m = _SECOND.match(text, c.end)
            pair = text[c.end - 1] + m.group(1) if m is not None else ""
        if m is None or pair in _NOT_PEOPLE:
            continue
        if (pair[0] in firsts or pair[1] in firsts) and st.free(c.end, m.end()):
            st.grow(c, c.start, m.end())
