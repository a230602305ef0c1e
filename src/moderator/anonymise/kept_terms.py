"""Terms the layers may take for names that a note uses as the practice's vocabulary.

A police operation's name (``Op Rowan``, ``Operation Sceptre``, ``OPERATION ENCOMPASS``) is a
force's programme, the same for every family it meets: whatever a layer took inside it (the
name read as an organisation or a person) is given back, and noted as kept for the person
importing to see. Run last, after every join, so that nothing takes it again.
"""

from __future__ import annotations

import re

from moderator.anonymise.state import State

_OPERATION = re.compile(
    r"(?<![\w])(?:Op|OP|Operation|OPERATION)\.?[ \t]+(?P<n>[A-Z][A-Za-z]+(?:[ \t]+[A-Z][a-z]+)?)"
    r"(?![\w'’-])"
)


def keep_police_operations(st: State) -> None:
    """Give back what the layers took inside a police operation's name (see the module)."""
    text = st.text
    if "Op" not in text and "OP" not in text:
        return
    for m in _OPERATION.finditer(text):
        inside = [c for c in st.cands if m.start() <= c.start and c.end <= m.end()]
        for c in inside:
            if c.kind in ("child", "family", "worker"):
                break  # one of the record's own people, named like an operation
        else:
            for c in inside:
                st.cands.remove(c)
                st.taken[c.start : c.end] = bytes(c.end - c.start)
                st.keep(c.start, c.end, c.kind, c.ident, 0.3)
