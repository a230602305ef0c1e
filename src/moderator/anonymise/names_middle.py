"""A known person's middle name, found between their given name and surname or after their
name written surname first in capitals (moved out of :mod:`.layer_sounds`, which keeps to the
project's limit of about 400 lines)."""

from __future__ import annotations

import re

from moderator.anonymise.state import State


def join_middle_names(st: State) -> None:
    """One capitalised word between a known person's given name and their surname is their
    middle name ("EBERE NGOZIKA NWANKWO", "Baljit Singh Dhaliwal")."""
    text = st.text
    by_start = {c.start: c for c in st.cands if c.kind in ("child", "family", "worker")}
    for c in list(by_start.values()):
        m = _MIDDLE_RE.match(text, c.end)
        if m is None:
            continue
        after = by_start.get(m.end())
        if after is None or after.ident not in (c.ident, "FAMILY") or not st.free(*m.span("w")):
            continue
        st.take(m.start("w"), m.end("w"), c.kind, c.ident, 60)
        after.kind, after.ident = c.kind, c.ident  # a shared surname is this person's here


_MIDDLE_RE = re.compile(r"[ \t]+(?P<w>[A-Z][\w'’-]*)[ \t]+")
# "KIRBY, BRANDON LEE": a police form's surname first, the given names after its comma
_SHOUTED_AFTER = re.compile(r"[ \t]+(?P<w>[A-Z]{2,}(?:-[A-Z]{2,})?)(?![\w'’-])")


def join_shouted_middle(st: State) -> None:
    """A listed given name in capitals after a known person written surname first in capitals
    is their middle name ("KIRBY, BRANDON LEE")."""
    text = st.text
    for c in [c for c in st.cands if c.kind in ("child", "family", "worker")]:
        written = text[c.start : c.end]
        if "," not in written or not written.isupper():
            continue
        m = _SHOUTED_AFTER.match(text, c.end)
        if m is None or not st.free(*m.span("w")):
            continue
        key = m.group("w").lower()
        if key in st.lex.given and m.group("w") not in st.lex.acronyms:
            st.grow(c, c.start, m.end("w"))
