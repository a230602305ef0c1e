"""The last steps of the name layers: what joins names found by the layers before.

* **Propagation**: once a name is found with evidence, its other mentions in the same text
  are redacted too, with the same placeholder.
* **Titles** go with their names ("Mrs Pennant", "PC 2281 Newbold"), and **quoted
  nicknames** inside a name ("Jimmy 'Bones' Quilligan") are part of it.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import HONORIFICS
from moderator.anonymise.lexicon import word_key
from moderator.anonymise.state import NAME_KINDS, State, Tok


def propagate(st: State, toks: list[Tok]) -> None:
    """Other mentions of names found with evidence get the same placeholder."""
    if not st.found:
        return
    common = st.lex.common
    firsts = {k[0] for k in st.found}
    max_n = max(len(k) for k in st.found)
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if t.key not in firsts or (not t.cap and t.key in common):
            i += 1
            continue
        hit = st.longest(toks, i, st.found, max_n)
        if hit is not None:
            size, (kind, ident) = hit
            if size > 1 or not st.protected[i]:
                st.take(t.start, toks[i + size - 1].end, kind, ident, 30)
                i += size
                continue
        i += 1


# (the look-ahead at the titles' first letters, implied by the titles themselves, rules out
# most positions before the slower look-behind and alternatives are tried)
_TITLE_BEFORE = re.compile(
    r"(?=(?i:[" + "".join(sorted({h[0] for h in HONORIFICS})) + r"]))"
    r"(?<![\w])(?i:" + "|".join(sorted(HONORIFICS, key=len, reverse=True)) + r")\.?[ \t]+"
    r"(?:\d{2,6}[ \t]+)?(?:[A-Z]\.[ \t]*)?$"
)


def absorb_titles(st: State) -> None:
    """A person's title goes with their name: "Mrs Pennant", "PC 2281 Newbold", "Dr R. Okafor"
    become one placeholder, so that neither the title's sex nor a collar number is left."""
    text = st.text
    # (looked for before each name, not over the whole text: a note has few names)
    for c in st.cands:
        if c.kind not in NAME_KINDS or c.start == 0 or text[c.start - 1] not in " \t.":
            continue
        m = _TITLE_BEFORE.search(text, max(0, c.start - 20), c.start)
        if m is not None and st.free(m.start(), c.start):
            st.taken[m.start() : c.start] = b"\x01" * (c.start - m.start())
            c.start = m.start()


_NICKNAMED_BEFORE = re.compile(
    r"(?<![\w])(?P<a>[A-Z][\w'’-]+)[ \t]+['\"“‘][^'\"“”‘’\n]{1,20}['\"”’][ \t]+$"
)


def join_quoted_nicknames(st: State) -> None:
    """A nickname in quotes inside a name is part of it: "Jimmy 'Bones' Quilligan" is one
    person, quotes and all, when the name after it is redacted."""
    text = st.text
    for after in [c for c in st.cands if c.kind in NAME_KINDS]:
        if after.start < 4 or text[after.start - 2] not in "'\"”’":
            continue  # quick: no closing quote just before the name
        m = _NICKNAMED_BEFORE.search(text, max(0, after.start - 50), after.start)
        if m is None:
            continue
        first = word_key(m.group("a"))
        if st.free(*m.span("a")) and (first in st.lex.common or first in st.lex.protected_words):
            continue  # "He said 'Hello' Tom": no name before the quotes
        inside = [d for d in st.cands if m.start() <= d.start and d.end <= after.end]
        if any(d.kind not in NAME_KINDS for d in inside):
            continue
        for d in inside:
            st.cands.remove(d)
        st.taken[m.start() : after.end] = bytes(after.end - m.start())
        st.take(m.start(), after.end, after.kind, after.ident, after.priority, after.confidence)
