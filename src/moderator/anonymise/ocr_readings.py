"""What a word a scan read may have been: each digit OCR reads for a letter (``0`` for O,
``1`` for l or I, ``5`` for S), a small l for a capital I among capitals and a capital I for
an l among small letters, tried in turn (:mod:`.reading` and :mod:`.reading_spaced` ask)."""

from __future__ import annotations

import re

# a word in capitals with a small l among them ("RASHlD", "PRlMARY", "RlVERSlDE"), and the
# letters no English word has after an opening l (a capital I's misreading: "lqbal", "lvan")
CAPITALS_WITH_L = re.compile(r"(?=(?:[A-Zl015]*[A-Z]){3})[A-Z015]*l[A-Zl015]*")
NOT_AFTER_L = frozenset("bcdfghjkmnpqrstvwxz")
_OCR_FIRST = {"0": "O", "1": "IL", "5": "S"}
_OCR_INSIDE = {"0": "o", "1": "li", "5": "s"}


def readings(word: str) -> list[str]:
    """What ``word`` may have been before OCR, at most 16 readings, the word itself first; in
    capitals when its letters are (``KE1LY`` may be ``KELLY``)."""
    shouted = sum(c.isupper() for c in word) > 1 and not any(c.islower() for c in word)
    if CAPITALS_WITH_L.fullmatch(word):
        word, shouted = word.replace("l", "I"), True  # "RASHlD": OCR's small l for a capital I
    options = [""]
    for i, c in enumerate(word):
        if c == "l" and i == 0 and word[1:2] in NOT_AFTER_L:
            choices = "lI"  # "lqbal": no word opens "lq"; a capital I does
        elif c in "015":
            choices = c + (_OCR_FIRST if i == 0 else _OCR_INSIDE)[c]
        elif c == "I" and i and word[i - 1].islower():
            choices = "Il"
        else:
            choices = c
        if shouted:
            choices = "".join(dict.fromkeys(choices.upper()))
        options = [o + ch for o in options for ch in choices][:16]
    return options
