"""Words that a scanned page's OCR broke across a line with a hyphen, joined again.

The redactor's layers run on the note with such words joined (``Str-⏎eet`` read as
``Street``), and the spans they find are mapped back to the note as written.
"""

from __future__ import annotations

import re

# a word broken across a line by a hyphen, as a scanned letter's OCR gives it ("Str-⏎eet",
# "Feb-⏎ruary", "Acad-⏎emy"): between two lower-case letters (checked in Python)
_BROKEN_AT_LINE = re.compile(r"-[ \t]*\n[ \t]*")


def join_broken_words(text: str) -> tuple[str, list[int]] | None:
    """The note with its words broken across lines joined, and each of its offsets' offset in
    the note as written; None when no word is broken."""
    pieces: list[str] = []
    back: list[int] = []
    last = 0
    for m in _BROKEN_AT_LINE.finditer(text):
        start, end = m.span()
        if not (start and text[start - 1].islower() and text[end : end + 1].islower()):
            continue
        pieces.append(text[last:start])
        back.extend(range(last, start))
        last = end
    if not pieces:
        return None
    pieces.append(text[last:])
    back.extend(range(last, len(text) + 1))
    return "".join(pieces), back
