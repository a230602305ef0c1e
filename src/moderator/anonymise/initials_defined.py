"""Initials a note defines for a person: a letter in brackets, initials after a dash.

* **One letter in brackets after a name** (``Inese Bērziņa (M)``, ``Jason Whalley (mum's
  partner, J)``): a short note then writes that person by the letter alone (``M answered``,
  ``E said J "plays xbox"``): a given name's first letter, or a relation's (M for mum). ``A``
  and ``I`` are words, never taken so. It is redacted where it stands alone as a word.
* **Initials after a dash ending an attendance list's item** (``Chair: Sandra Hulme (IRO) -
  SH``, ``PC Owen Taylor, GMP Rochdale - OT;``): the minutes then write them as the speaker
  (``OT: 3 DA call-outs``). Defined so, they are that person's even where they spell an
  acronym (``OT``, ``LD``, ``CP``), and a name in the item that no other layer took
  (``Minutes: Carl Pilling (minute taker) - CP``) is taken with them.
"""

from __future__ import annotations

import re

from moderator.anonymise.names_initials import agree_initials
from moderator.anonymise.state import NAME_KINDS, State

# "(M)", "(mum's partner, J)": one capital, alone or after a description and a comma
_LETTER_AFTER = re.compile(r"[ \t]*\((?:[^()\n,]{1,30},[ \t]*)?(?P<i>[B-HJ-Z])\)")
# a letter standing alone as a word: not part of "A&E", "M6", "J.", "E-mail", "U/S"
_ALONE = r"(?<![\w&/.'’-]){}(?![\w&/-]|\.\w)"
# " - SH" ending an item of a list (a line, or a part of one between semicolons)
_DASHED = re.compile(r"[ \t]+[-–—][ \t]*(?P<i>[A-Z]{2,3})[ \t]*(?=[;|\n]|\Z)")
_ITEM_START = re.compile(r"[;|\n]")
# a name the other layers left: two or three capitalised words after the item's field label
_UNTAKEN_NAME = re.compile(
    r"(?m)(?:^|:[ \t]*)(?P<n>[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){1,2})(?=[ \t]*[(,-])"
)


def _letter_spots(text: str, letter: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(_ALONE.format(letter), text)]


def find_defined_initials(st: State) -> None:
    """Letters and initials a note defines for a person (see the module's text)."""
    text = st.text
    if "(" in text:
        for c in [c for c in st.cands if c.kind in NAME_KINDS]:
            m = _LETTER_AFTER.match(text, c.end)
            if m is None:
                continue
            for start, end in _letter_spots(text, m.group("i")):
                if st.free(start, end):
                    st.take(start, end, c.kind, c.ident, 52)
    if " - " in text or " – " in text:
        _dashed(st)


def _dashed(st: State) -> None:
    text = st.text
    for m in _DASHED.finditer(text):
        initials = m.group("i")
        if not st.free(m.start("i"), m.end("i")):
            continue
        before = text.rfind("\n", 0, m.start())
        semi = max(text.rfind(";", 0, m.start()), text.rfind("|", 0, m.start()))
        item = max(before, semi) + 1
        owner = next(
            (
                c
                for c in st.cands
                if c.kind in NAME_KINDS
                and item <= c.start < m.start()
                and " " in text[c.start : c.end]
                and agree_initials(initials, text[c.start : c.end])
            ),
            None,
        )
        if owner is None:
            name = _UNTAKEN_NAME.search(text, item, m.start())
            if name is None or not agree_initials(initials, name.group("n")):
                continue
            if name.group("n").split()[0].lower() not in st.lex.given:
                continue  # "Deputy Head - DH": a role, not a name
            if not st.free(name.start("n"), name.end("n")):
                continue
            ident = "p:" + name.group("n").lower()
            st.take(name.start("n"), name.end("n"), "professional", ident, 50, 0.8)
            kind = "professional"
        else:
            kind, ident = owner.kind, owner.ident
        for start, end in _letter_spots(text, initials):
            if st.free(start, end):
                st.take(start, end, kind, ident, 52)
