"""How a person's name as written breaks into the parts the record's tables hold.

:func:`name_parts` gives a name's word keys (honorifics and other :data:`.cues.NAME_SKIP`
words left out), its words broken at apostrophes and hyphens (``O'Neill`` as ``o neill``),
the ways its initials are written (Mary-Kate Olsen-Twin: MKOT, MKO, MOT, MO, MT, MK) and the
first letters of its first and last words; :mod:`.known` registers each person from these.
They live apart from :mod:`.known` (the tables and their look-ups) to keep that module under
the project's limit of about 400 lines.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from moderator.anonymise.cues import NAME_SKIP
from moderator.anonymise.lexicon import word_key, words_of


def _name_words(name: str) -> list[str]:
    # (words_of: the words WORD_RE finds, without a match object each)
    return [w for w in words_of(name) if word_key(w) not in NAME_SKIP]


class NameParts(NamedTuple):
    """What a name as written gives the tables, whoever it belongs to."""

    keys: tuple[str, ...]
    splits: tuple[tuple[str, ...], ...]  # words broken at apostrophes or hyphens ("o", "neill")
    initials: tuple[str, ...]
    initial_of: tuple[str, str] | None  # the first letters of its first and last words


@lru_cache(maxsize=4096)
def name_parts(name: str) -> NameParts | None:
    """The keys, split forms and initials of a name (cached: workers and names recur)."""
    words = _name_words(name)
    if not words:
        return None
    splits = []
    for word in words:
        if word.isalpha():
            continue  # (no apostrophe or hyphen: nothing to split; most names, so tested first)
        split = tuple(word_key(p) for p in _APOSTROPHE_OR_HYPHEN.split(word) if p)
        if len(split) > 1:
            splits.append(split)
    return NameParts(
        tuple(word_key(w) for w in words),
        tuple(splits),
        tuple(_initials(words)),
        (words[0][0].upper(), words[-1][0].upper()) if len(words) > 1 else None,
    )


_APOSTROPHE_OR_HYPHEN = re.compile(r"['’`\-]")
_PART_BREAK = re.compile(r"[-‐–'’]")


def _initials(words: list[str]) -> set[str]:
    """The ways initials are written: Mary-Kate Olsen-Twin is MKOT, MKO, MOT, MO, MT and MK."""
    # (a word of letters only, as most are, is one part: its first letter, without a split)
    parts = [
        [w[0].upper()]
        if w.isalpha()
        else [p[0].upper() for p in _PART_BREAK.split(w) if p and p[0].isalpha()]
        for w in words
    ]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return set()
    given, surname = parts[:-1], parts[-1]
    every_given = "".join("".join(g) for g in given)
    first_given = "".join(g[0] for g in given)
    out = {
        every_given + "".join(surname),
        every_given + surname[0],
        first_given + "".join(surname),
        first_given + surname[0],
        given[0][0] + surname[0],
        given[0][0] + surname[-1],
    }
    if len(given[0]) > 1:
        out.add("".join(given[0]))  # Jamie-Lee Wood: "JL"
    if len(given) > 1:
        out.add(first_given)  # Patrick Joseph Mongen: "PJ", Abdel Hadi Quresha: "AH"
    return {i for i in out if len(i) >= 2}
