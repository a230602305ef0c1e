"""Checking a paired-grades table: every value parsed, every audit consistent.

Columns arrive interned (codes into the distinct raw values), so each distinct
spelling of a grade or a date is parsed once however many rows use it, and the
consistency checks are integer array operations. Every problem is collected and
named ``where(row): column: message``; nothing partial is returned.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import numpy as np

from moderator.analysis.pairs import (
    HEADER,
    MAX_REPORTED_PROBLEMS,
    REQUIRED_TEXT,
    TEXT_COLUMNS,
    Categorical,
    CodeArray,
    DateArray,
    GradeArray,
    PairedGrades,
)
from moderator.domain.grades import Grade
from moderator.errors import BadInput

Interned = tuple[CodeArray, list[Any]]
"""A column as codes plus its distinct raw values in order of first appearance."""

MAX_SHOWN = 40
"""Longest value quoted whole in a message (a huge field is cut, not echoed)."""


@dataclass(frozen=True)
class _Problem:
    row: int  # 0-based data row
    column: str
    message: str


def bad_rows(label: object, problems: list[str]) -> BadInput:
    """The error for a table with problems: a count, then the first few, then how many more."""
    shown = problems[:MAX_REPORTED_PROBLEMS]
    more = len(problems) - len(shown)
    details = [*shown, f"... and {more} more problem(s)"] if more else shown
    return BadInput(f"{label}: {len(problems)} problem(s); nothing was read", details=details)


def build_table(
    columns: Mapping[str, Interned],
    n: int,
    where: Callable[[int], str],
    label: str,
) -> PairedGrades:
    """Convert interned columns into a :class:`PairedGrades`, collecting every problem.

    ``where(row)`` names a data row; ``label`` the input.

    Raises:
        BadInput: one detail line per problem (the first :data:`MAX_REPORTED_PROBLEMS`).
    """

    def interned(name: str) -> Interned:
        return columns[name]

    problems: list[_Problem] = []
    text: dict[str, Categorical] = {}
    for name in TEXT_COLUMNS:
        codes, levels = interned(name)
        cat = strip_levels(codes, ["" if v is None else str(v) for v in levels])
        text[name] = cat
        if name in REQUIRED_TEXT and "" in cat.levels:
            blank = cat.levels.index("")
            for row in np.flatnonzero(cat.codes == blank).tolist():
                problems.append(_Problem(row, name, "empty"))
    domain = None
    if "domain" in columns:
        codes, levels = interned("domain")
        domain = strip_levels(codes, ["" if v is None else str(v) for v in levels])

    manager_grade = _grades(interned("manager_grade"), "manager_grade", problems, optional=False)
    moderated_grade = _grades(
        interned("moderated_grade"), "moderated_grade", problems, optional=True
    )
    derived_grade = None
    if "derived_grade" in columns:
        derived_grade = _grades(interned("derived_grade"), "derived_grade", problems, optional=True)
    audited_on = _dates(interned("audited_on"), problems)
    if n and not problems:
        _check_consistency(text, audited_on, problems)
    if problems:
        order = {name: i for i, name in enumerate(HEADER)}
        problems.sort(key=lambda p: (p.row, order.get(p.column, 99)))
        raise bad_rows(label, [f"{where(p.row)}: {p.column}: {p.message}" for p in problems])
    return PairedGrades(
        **text,
        audited_on=audited_on,
        manager_grade=manager_grade,
        moderated_grade=moderated_grade,
        domain=domain,
        derived_grade=derived_grade,
    )


def intern(values: Sequence[Any]) -> Interned:
    """Codes for each value, and the distinct values in order of first appearance."""
    index: dict[Any, int] = {}
    codes = np.array([index.setdefault(v, len(index)) for v in values], dtype=np.int32)
    return codes, list(index)


def strip_levels(codes: CodeArray, levels: list[str]) -> Categorical:
    """A categorical with surrounding spaces dropped from its labels (equal labels merged)."""
    stripped = [s.strip() for s in levels]
    if stripped == levels:
        return Categorical(codes, tuple(levels))
    merged: dict[str, int] = {}
    remap = np.array([merged.setdefault(s, len(merged)) for s in stripped] or [0], dtype=np.int32)
    return Categorical(remap[codes], tuple(merged))


def _grades(
    column_values: Interned, column: str, problems: list[_Problem], *, optional: bool
) -> GradeArray:
    """Grades as int8 (0 = none); each distinct spelling is parsed once."""
    codes, levels = column_values
    lut = np.zeros(max(len(levels), 1), dtype=np.int8)
    bad: dict[int, str] = {}
    for i, value in enumerate(levels):
        if isinstance(value, str) and len(value) > MAX_SHOWN:
            bad[i] = f"not a grade: {_cut(value)}"
            continue
        try:
            grade = Grade.parse_optional(value)
        except BadInput as exc:
            bad[i] = str(exc)
            continue
        if grade is None:
            if not optional:
                bad[i] = "missing (every row needs the manager's grade)"
            continue
        lut[i] = int(grade)
    if bad:
        bad_codes = np.array(sorted(bad), dtype=np.int32)
        for row in np.flatnonzero(np.isin(codes, bad_codes)).tolist():
            problems.append(_Problem(row, column, bad[int(codes[row])]))
    return lut[codes]


def _parse_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:
            return None
    return None


def _dates(column_values: Interned, problems: list[_Problem]) -> DateArray:
    codes, levels = column_values
    lut = np.zeros(max(len(levels), 1), dtype="datetime64[D]")
    bad: dict[int, str] = {}
    for i, value in enumerate(levels):
        parsed = None if isinstance(value, str) and len(value) > MAX_SHOWN else _parse_date(value)
        if parsed is None:
            shown = "" if value is None else str(value)
            bad[i] = (
                "missing date"
                if not shown.strip()
                else f"not a date: {_cut(shown)} (use YYYY-MM-DD)"
            )
        else:
            lut[i] = np.datetime64(parsed, "D")
    if bad:
        bad_codes = np.array(sorted(bad), dtype=np.int32)
        for row in np.flatnonzero(np.isin(codes, bad_codes)).tolist():
            problems.append(_Problem(row, "audited_on", bad[int(codes[row])]))
    return lut[codes]


def _check_consistency(
    text: Mapping[str, Categorical], audited_on: DateArray, problems: list[_Problem]
) -> None:
    """Each audit appears once per criterion, with one manager, team, case, rubric and date."""
    audit = text["audit_id"].codes
    criterion = text["criterion"].codes
    n = audit.shape[0]
    n_audits = len(text["audit_id"].levels)
    rows = np.arange(n, dtype=np.int64)
    # First row of each audit: assigning in reverse order leaves the earliest row.
    first = np.zeros(n_audits, dtype=np.int64)
    first[audit[::-1]] = rows[::-1]
    audit_labels = text["audit_id"].levels
    for name in ("manager", "team", "case_ref", "rubric", "service_area"):
        col = text[name]
        differs = np.flatnonzero(col.codes != col.codes[first[audit]])
        for row in differs[: MAX_REPORTED_PROBLEMS + 1].tolist():
            origin = int(first[audit[row]])
            problems.append(
                _Problem(
                    row,
                    name,
                    f"audit {audit_labels[audit[row]]!r} has {name} "
                    f"{col.levels[col.codes[row]]!r} here but {col.levels[col.codes[origin]]!r} "
                    f"on its first row",
                )
            )
    differs = np.flatnonzero(audited_on != audited_on[first[audit]])
    for row in differs[: MAX_REPORTED_PROBLEMS + 1].tolist():
        problems.append(
            _Problem(
                row,
                "audited_on",
                f"audit {audit_labels[audit[row]]!r} is dated {audited_on[row]} here but "
                f"{audited_on[first[audit[row]]]} on its first row",
            )
        )
    n_criteria = max(len(text["criterion"].levels), 1)
    key = audit.astype(np.int64) * n_criteria + criterion
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    repeats = np.flatnonzero(ordered[1:] == ordered[:-1])
    for k in repeats[: MAX_REPORTED_PROBLEMS + 1].tolist():
        row, earlier = int(order[k + 1]), int(order[k])
        problems.append(
            _Problem(
                row,
                "criterion",
                f"audit {audit_labels[audit[row]]!r} already has a "
                f"{text['criterion'].levels[criterion[row]]!r} row (data row {earlier + 1})",
            )
        )


def _cut(value: str) -> str:
    """A value for a message: quoted whole if short, else its start and its length."""
    if len(value) <= MAX_SHOWN:
        return repr(value)
    return f"{value[:20]!r}… ({len(value):,} characters)"
