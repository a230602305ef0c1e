"""A newborn's name as a hospital writes it before the child is named: ``Baby boy TOYNE``,
``Baby Girl TINDALL``, ``Baby IQBAL``, ``TINDALL, Baby Girl``. The words ``Baby`` and its sex
are part of the name the record goes by, so they go with the surname the layers found; the
word ``baby`` alone before a name written as a sentence writes it (``the baby Ayaan``) stays.
"""

from __future__ import annotations

import re

from moderator.anonymise.state import NAME_KINDS, State

_SEX = r"(?:[ \t]+(?:boy|girl|Boy|Girl|BOY|GIRL))"
_BEFORE = re.compile(rf"(?<![\w'’-])(?:Baby|BABY)(?P<sex>{_SEX})?[ \t]+\Z")
_AFTER = re.compile(rf",[ \t]*(?:Baby|BABY)(?P<sex>{_SEX})?(?![\w'’-])")


def absorb_newborn_words(st: State) -> None:
    """Give ``Baby`` (and ``boy`` or ``girl``) to the surname after it, or after it and a comma,
    when the surname is in capitals as a hospital's form writes it or the sex is said."""
    text = st.text
    if "aby" not in text and "ABY" not in text:
        return
    for c in list(st.cands):
        if c.kind not in NAME_KINDS:
            continue
        shouted = text[c.start : c.end].isupper()
        m = _BEFORE.search(text, max(0, c.start - 16), c.start)
        if m is not None and (shouted or m.group("sex")) and st.free(m.start(), c.start):
            st.grow(c, m.start(), c.end)
        m = _AFTER.match(text, c.end)
        if m is not None and shouted and st.free(c.end, m.end()):
            st.grow(c, c.start, m.end())
