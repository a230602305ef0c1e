"""A long alternation of words rewritten to branch on its first letter, matching the same.

Python's regex engine tries the alternatives of ``(?:Club|Church|…)`` one after another at
each position (a hundred and fifty of them, for the organisations' nouns, after every
capitalised word of a text); ``(?:C(?:lub|hurch|…)|…)`` decides on the first letter once.
The order of the alternatives that share a first letter is kept, and alternatives with
different first letters never match at the same position, so the matches are the same.
"""

from __future__ import annotations


def _split_top(pattern: str) -> list[str]:
    """The alternatives of ``pattern`` at its own level (not inside groups or classes)."""
    parts: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _closing(pattern: str, at: int) -> int:
    """The index of the parenthesis closing the group opened at ``at``."""
    depth, i = 0, at
    while True:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        depth += (c == "(") - (c == ")")
        if depth == 0:
            return i
        i += 1


def _expanded(alt: str) -> list[str]:
    """``alt`` as alternatives that each start with a literal letter, tried in the same order:
    ``(?:a|b)c`` is ``ac|bc``, ``(?:a)?c`` is ``ac|c`` and ``A?c`` is ``Ac|c`` (greedy)."""
    if alt.startswith("(?:"):
        close = _closing(alt, 0)
        inner, rest = alt[3:close], alt[close + 1 :]
        optional = rest.startswith("?") and not rest.startswith("??")
        rest = rest[1:] if optional else rest
        if rest[:1] in ("*", "+", "{", "?"):
            raise ValueError(f"cannot expand {alt!r}")
        out = [x for a in _split_top(inner) for x in _expanded(a + rest)]
        return out + _expanded(rest) if optional else out
    if len(alt) >= 2 and alt[0].isalpha() and alt[1] == "?" and alt[2:3] != "?":
        return [*_expanded(alt[0] + alt[2:]), *_expanded(alt[2:])]
    if not alt or not alt[0].isalpha() or alt[1:2] in ("*", "+", "{", "?"):
        raise ValueError(f"cannot expand {alt!r}")
    return [alt]


def by_first_letter(alternation: str) -> str:
    """``(?:…)``, an alternation of words, as one group per first letter (same matches)."""
    inner = alternation[3:-1] if alternation.startswith("(?:") else alternation
    if alternation.startswith("(?:") and _closing(alternation, 0) != len(alternation) - 1:
        inner = alternation
    groups: dict[str, list[str]] = {}
    for alt in _split_top(inner):
        for x in _expanded(alt):
            groups.setdefault(x[0], []).append(x[1:])
    return "(?:" + "|".join(f"{k}(?:{'|'.join(v)})" for k, v in groups.items()) + ")"
