"""A named professional's or person's initials, where the note goes on to use them.

Minutes and supervision notes name someone once in full, then write their initials:
``Supervisor: Marcus Hale … MH acknowledged the impact; … by review (MH)``. Once a name of two
or three capitalised words is redacted as a person, their initials (``MH``) are that person
wherever they stand alone in the note, with the same placeholder. Initials that are also an
acronym (``MH`` for mental health) are taken only where a person stands: before a verb in
lower case or alone in brackets; and initials two people share are no one's.
"""

from __future__ import annotations

import re

from moderator.anonymise.layer_orgs import whole_words
from moderator.anonymise.state import Cand, State

_PEOPLE = frozenset({"person", "professional", "worker", "family", "child"})
_NAME_WORD = re.compile(r"[A-Z][a-z'’-]+")
# where a person stands: opening a sentence before a lower-case word, or alone in brackets
_LOWER_AFTER = re.compile(
    r"[ \t]+(?!(?:needs|services|service|team|support|issues|concerns"
    r"|assessment|difficulties|problems|input|referral|plan|provision|worker|nurse)\b)[a-z]"
)
_SENTENCE_BEFORE = re.compile(r"(?:^|[.;:!?]|\n)[ \t]*$")


def _stands_as_person(text: str, start: int, end: int) -> bool:
    """Whether initials that are also an acronym stand where a person does: ``(MH)``, or
    ``MH acknowledged …`` opening a sentence."""
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        return True
    opens = _SENTENCE_BEFORE.search(text, max(0, start - 3), start) is not None
    return opens and _LOWER_AFTER.match(text, end) is not None


def _initials(st: State, c: Cand) -> str | None:
    words = st.text[c.start : c.end].split()
    if not 2 <= len(words) <= 3 or not all(_NAME_WORD.fullmatch(w) for w in words):
        return None
    return "".join(w[0] for w in words)


def find_found_initials(st: State) -> None:
    """Take the initials of the people redacted by name (see the module)."""
    text = st.text
    owners: dict[str, list[Cand]] = {}
    for c in st.cands:
        initials = _initials(st, c) if c.kind in _PEOPLE else None
        if initials is not None and initials in text:
            owners.setdefault(initials, []).append(c)
    acronyms = st.lex.acronyms
    for initials, cands in owners.items():
        if len({c.ident for c in cands}) != 1:
            continue  # two people share them
        c = cands[0]
        for start, end in whole_words(text, initials):
            if not st.free(start, end):
                continue
            if initials in acronyms and not _stands_as_person(text, start, end):
                continue  # "Refer to MH services": the acronym
            st.take(start, end, c.kind, c.ident, 50, 0.75)
