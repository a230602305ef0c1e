"""Initials in a table's column of authors, and initials signing as a role.

A school's log or a chronology set out as a table gives each entry's author a column of its
own (``| Date | Category | Logged by | Summary |``, ``date,type,recorded_by,detail``); two
or three capitals in that column are a person's initials (``| 02/12/24 | Physical injury |
AH | …``). A review's record is signed with initials and the role they sign as (``HB / IRO``
on a line of its own). :mod:`.initials_more` keeps them as initials, unless they are an
acronym or a word, and redacts them wherever they recur.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import ROLE_CUES

# a column's heading that names who wrote the entry
_AUTHOR_HEADING = re.compile(
    r"(?:(?:logged|recorded|entered|completed|signed|reported|updated|added|written|actioned"
    r"|raised|made)[ _]by|by|author|initials|staff|staff[ _]member|worker|officer|who)",
    re.I,
)
_INITIALS_CELL = re.compile(r"[A-Z]{2,3}|[A-Z]\.[ ]?[A-Z]\.(?:[ ]?[A-Z]\.)?")
_RULE_ROW = re.compile(r"[\s|:+-]*")  # a mark-down table's row of dashes
_SEPARATORS = ("|", "\t", ",")
# initials and the role they sign as, on a line of their own: "HB / IRO", "KT/SW"
_SIGNED_AS = re.compile(r"(?m)^[ \t]*(?P<i>[A-Z]{2,3})[ \t]*/[ \t]*(?P<role>[A-Za-z]{2,4})[ \t]*$")


def _cells(line: str, sep: str) -> list[str]:
    cells = [c.strip().strip("*_").strip() for c in line.split(sep)]
    if sep == "|":
        cells = cells[1:] if line.lstrip().startswith("|") else cells
        cells = cells[:-1] if line.rstrip().endswith("|") else cells
    return cells


def signed_initials(text: str) -> list[str]:
    """Initials signing as a role on a line of their own (``HB / IRO``), as written; not a
    role's letters (``SW / TM``)."""
    if "/" not in text:
        return []
    return [
        m.group("i")
        for m in _SIGNED_AS.finditer(text)
        if m.group("role").lower() in ROLE_CUES and m.group("i").lower() not in ROLE_CUES
    ]


def column_initials(text: str) -> list[str]:
    """Initials in a table's column of authors, as written."""
    found: list[str] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        sep = next((s for s in _SEPARATORS if line.count(s) >= 2), None)
        i += 1
        if sep is None:
            continue
        heads = _cells(line, sep)
        columns = [j for j, h in enumerate(heads) if _AUTHOR_HEADING.fullmatch(h)]
        if not columns or len(heads) < 3:
            continue
        while i < len(lines) and lines[i].count(sep) >= 2:
            row = lines[i]
            i += 1
            if sep == "|" and _RULE_ROW.fullmatch(row):
                continue
            cells = _cells(row, sep)
            if len(cells) != len(heads):
                continue  # (a cell holding the separator: the columns cannot be told)
            found += [cells[j] for j in columns if _INITIALS_CELL.fullmatch(cells[j])]
    return found
