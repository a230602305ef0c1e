"""The town written after a street address, in a labelled corpus.

Issue #14 counts a town swallowed by the address before it as over-redaction: in
``Flat 7, 101 Wimbrel Street, Bolsover`` the street and house identify the family, the town
alone does not, and the redactor keeps it. Some writers of the corpus labelled the town as
part of the address all the same. The evaluator scores the address without such a town (the
*core*), and reports the strict figure, town included, beside it. An organisation's,
school's or practice's label is scored the same way without a town written after a comma
(``Seagull Youth Project, Great Yarmouth``): the redactor keeps such a town too.
"""

from __future__ import annotations

import re
from functools import cache

from moderator.anonymise.lexicon import lexicon, more_places, phrase_key

# the last one to three words of a label, after a comma, a space or a line break
_TAIL_RE = re.compile(r"[,\s]+((?:[A-Za-z][\w'’.&-]*[ \t]+){0,2}[A-Za-z][\w'’.-]*)\Z")
_STREETISH_RE = re.compile(r"\d|,")


@cache
def _towns() -> frozenset[tuple[str, ...]]:
    return lexicon().places | more_places()


def address_core(label: str) -> str:
    """``label`` without a real town written after the street; ``label`` itself otherwise.

    The rest must still read as an address (a number or a comma in it), so a town that is
    the whole label, or a house name followed by a village, stays as labelled.
    """
    match = _TAIL_RE.search(label)
    if match is None:
        return label
    words = match.group(1).split()
    for size in range(len(words), 0, -1):
        tail = " ".join(words[-size:])
        if phrase_key(tail) not in _towns():
            continue
        head = label[: label.rindex(tail)].rstrip(", \t\n")
        if head and _STREETISH_RE.search(head) and len(head.split()) >= 2:
            return head
        return label
    return label


def place_core(label: str) -> str:
    """An organisation's, school's or practice's ``label`` without a real town written after
    a comma (``Normanton Park Academy, Derby``); ``label`` itself otherwise. A town run into
    the name (``Oasis Academy Wintringham``) is a branch's name, and stays in the label."""
    head, comma, tail = label.rpartition(",")
    if not comma or not head.strip() or phrase_key(tail) not in _towns():
        return label
    return head.rstrip()
