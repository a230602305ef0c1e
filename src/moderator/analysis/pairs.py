"""Paired grades: one row per audit × criterion, the manager's grade beside the moderated one.

This is the table every drift statistic is computed from, whether it comes from
the database or from a paired-grades CSV (PRODUCT.md §7)::

    audit_id,case_ref,rubric,criterion,manager,team,service_area,audited_on,manager_grade,moderated_grade

``criterion`` is ``overall`` for the audit's overall grade; grades are words or
1-4; an empty ``moderated_grade`` means the audit was not moderated. Extra
columns are allowed; a ``domain`` column (the rubric domain of the criterion)
is kept for the per-domain breakdown.

The table is held column by column: text columns as :class:`Categorical`
(integer codes into a tuple of distinct labels), dates as ``datetime64[D]``,
grades as small integers (moderated grade 0 = not moderated). Reading interns
each distinct string once, so a million-row file parses in a few seconds and
grouping is a ``bincount`` over codes.
"""

from __future__ import annotations

import csv
import gc
import io
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any, TextIO, cast

import numpy as np
import numpy.typing as npt

from moderator.domain.grades import Grade
from moderator.errors import BadInput
from moderator.files import open_private

HEADER: tuple[str, ...] = (
    "audit_id",
    "case_ref",
    "rubric",
    "criterion",
    "manager",
    "team",
    "service_area",
    "audited_on",
    "manager_grade",
    "moderated_grade",
)
"""The paired-grades CSV columns, in the order they are written."""

OPTIONAL_COLUMNS: tuple[str, ...] = ("domain",)
"""Extra columns that are read when present."""

OVERALL = "overall"
"""The ``criterion`` value of an audit's overall grade."""

TEXT_COLUMNS: tuple[str, ...] = (
    "audit_id",
    "case_ref",
    "rubric",
    "criterion",
    "manager",
    "team",
    "service_area",
)
REQUIRED_TEXT = frozenset({"audit_id", "criterion", "manager"})
"""Text columns that may not be empty (the others may, e.g. an unknown team)."""

MAX_REPORTED_PROBLEMS = 100
"""How many bad rows an error lists before summarising the rest."""

CodeArray = npt.NDArray[np.int32]
GradeArray = npt.NDArray[np.int8]
DateArray = npt.NDArray[np.datetime64]


@dataclass(frozen=True)
class Categorical:
    """A text column stored as integer codes into a tuple of distinct labels.

    Attributes:
        codes: one code per row, indexing ``levels``.
        levels: the distinct labels (not necessarily all used after a selection).
    """

    codes: CodeArray
    levels: tuple[str, ...]

    def __len__(self) -> int:
        return int(self.codes.shape[0])

    def values(self) -> npt.NDArray[np.object_]:
        """The column as an object array of strings (one per row)."""
        return np.asarray(self.levels, dtype=object)[self.codes]

    def take(self, index: npt.NDArray[Any]) -> Categorical:
        """The rows at ``index`` (a boolean mask or integer indices), same levels."""
        return Categorical(self.codes[index], self.levels)

    def mask(self, predicate: Callable[[str], bool]) -> npt.NDArray[np.bool_]:
        """A row mask: rows whose label satisfies ``predicate`` (evaluated once per level)."""
        lut = np.array([bool(predicate(s)) for s in self.levels] or [False], dtype=bool)
        return lut[self.codes]

    @classmethod
    def from_values(cls, values: Sequence[str]) -> Categorical:
        """Intern a sequence of strings (leading/trailing spaces are stripped)."""
        codes, levels = _intern(values)
        return _strip_levels(codes, levels)


@dataclass(frozen=True)
class PairedGrades:
    """The paired-grades table, column by column (all columns have the same length).

    Attributes:
        audit_id, case_ref, rubric, criterion, manager, team, service_area: text columns.
        audited_on: the audit's date (``datetime64[D]``).
        manager_grade: 1-4 (Outstanding ... Inadequate).
        moderated_grade: 1-4, or 0 where the audit was not moderated.
        domain: the rubric domain of each criterion row, when known.
    """

    audit_id: Categorical
    case_ref: Categorical
    rubric: Categorical
    criterion: Categorical
    manager: Categorical
    team: Categorical
    service_area: Categorical
    audited_on: DateArray
    manager_grade: GradeArray
    moderated_grade: GradeArray
    domain: Categorical | None = None

    def __len__(self) -> int:
        return int(self.manager_grade.shape[0])

    @property
    def is_overall(self) -> npt.NDArray[np.bool_]:
        """Rows holding an audit's overall grade."""
        return self.criterion.mask(lambda s: s.lower() == OVERALL)

    @property
    def is_moderated(self) -> npt.NDArray[np.bool_]:
        """Rows with a moderated grade."""
        return self.moderated_grade > 0

    @property
    def drift(self) -> npt.NDArray[np.int8]:
        """Moderated minus manager grade (meaningful only where moderated)."""
        return (self.moderated_grade - self.manager_grade).astype(np.int8)

    def select(self, index: npt.NDArray[Any]) -> PairedGrades:
        """The rows at ``index`` (a boolean mask or integer indices)."""
        return PairedGrades(
            audit_id=self.audit_id.take(index),
            case_ref=self.case_ref.take(index),
            rubric=self.rubric.take(index),
            criterion=self.criterion.take(index),
            manager=self.manager.take(index),
            team=self.team.take(index),
            service_area=self.service_area.take(index),
            audited_on=self.audited_on[index],
            manager_grade=self.manager_grade[index],
            moderated_grade=self.moderated_grade[index],
            domain=None if self.domain is None else self.domain.take(index),
        )

    @classmethod
    def empty(cls) -> PairedGrades:
        """A table with no rows."""
        return cls.from_columns({name: [] for name in HEADER})

    @classmethod
    def from_columns(
        cls, columns: Mapping[str, Sequence[object]], *, source: str = "row"
    ) -> PairedGrades:
        """Build the table from whole columns (the fast path for the database).

        Args:
            columns: a sequence per name of :data:`HEADER` (and optionally ``domain``).
                Text columns hold strings; ``audited_on`` dates or ISO strings;
                grades :class:`Grade`, 1-4 or words; ``moderated_grade`` None or
                "" where not moderated.
            source: how problems name a row: ``"{source} {n}"`` (1-based).

        Raises:
            BadInput: one detail line per bad value; nothing is returned.
        """
        missing = [name for name in HEADER if name not in columns]
        if missing:
            raise BadInput(f"{source}s: missing column(s): {', '.join(missing)}")
        n = len(columns["audit_id"])
        if any(len(columns[name]) != n for name in HEADER):
            raise BadInput(f"{source}s: columns have different lengths")
        names = [*HEADER, *(c for c in OPTIONAL_COLUMNS if c in columns)]
        interned = {name: _intern(columns[name]) for name in names}
        return _build(interned, n, lambda i: f"{source} {i + 1}", f"{source}s")

    @classmethod
    def from_rows(
        cls, rows: Iterable[Mapping[str, object] | Sequence[object]], *, source: str = "row"
    ) -> PairedGrades:
        """Build the table from rows: mappings keyed by column name, or sequences in
        :data:`HEADER` order (optionally followed by ``domain``).

        Values are as for :meth:`from_columns`. Raises :class:`BadInput` naming
        every bad row.
        """
        materialised = list(rows)
        if not materialised:
            return cls.empty()
        names = [*HEADER, *OPTIONAL_COLUMNS]
        columns: dict[str, list[object]] = {}
        if isinstance(materialised[0], Mapping):
            mappings = cast(list[Mapping[str, object]], materialised)
            present = [name for name in names if name in mappings[0]]
            for name in present:
                columns[name] = [row.get(name) for row in mappings]
        else:
            width = len(materialised[0])
            transposed = list(zip(*materialised, strict=False))
            if any(len(row) != width for row in materialised):
                raise BadInput(f"{source}s: every row must have {width} values")
            for name, column in zip(names, transposed, strict=False):
                columns[name] = list(column)
        return cls.from_columns(columns, source=source)


# ----------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class _Problem:
    row: int  # 0-based data row
    column: str
    message: str


Interned = tuple[CodeArray, list[Any]]
"""A column as codes plus its distinct raw values in order of first appearance."""


class _Irregular(Exception):
    """The fast reader met a record it cannot take as is (blank line, wrong field count)."""


def read_paired_csv(path: Path | str) -> PairedGrades:
    """Read a paired-grades CSV (header as :data:`HEADER`; extra columns allowed).

    Raises:
        BadInput: naming ``file:line: column: message`` for every bad row (the
            first :data:`MAX_REPORTED_PROBLEMS`, then a count); nothing partial
            is returned.
    """
    path = Path(path)
    try:
        handle = open(path, newline="", encoding="utf-8-sig")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise BadInput(f"{path}: cannot read the file: {exc.strerror or exc}") from exc
    with handle:
        try:
            wanted, interned, n = _scan_csv(handle, path)
        except UnicodeDecodeError as exc:
            raise BadInput(f"{path}: not UTF-8 text ({exc.reason})") from exc

    def where(row: int) -> str:
        return f"{path}:{lines()[row]}"

    lines_cache: list[list[int]] = []

    def lines() -> list[int]:
        if not lines_cache:
            lines_cache.append(_data_lines(path))
        return lines_cache[0]

    return _build(dict(zip(wanted, interned, strict=True)), n, where, str(path))


def _scan_csv(handle: TextIO, path: Path) -> tuple[list[str], list[Interned], int]:
    """Read the header and intern every wanted column, streaming (no row list is kept).

    Returns the wanted column names, each column interned, and the number of rows.
    """
    reader = csv.reader(handle)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise BadInput(
            f"{path}:1: header: the file is empty; expected the columns {','.join(HEADER)}"
        ) from None
    except csv.Error as exc:
        raise BadInput(f"{path}:{reader.line_num}: header: {exc}") from exc
    missing = [name for name in HEADER if name not in header]
    if missing:
        raise BadInput(
            f"{path}:1: header: missing column(s) {', '.join(missing)}; expected {','.join(HEADER)}"
        )
    duplicated = sorted({h for h in header if h and header.count(h) > 1})
    if duplicated:
        raise BadInput(f"{path}:1: header: duplicated column(s) {', '.join(duplicated)}")
    wanted = [*HEADER, *(c for c in OPTIONAL_COLUMNS if c in header)]
    indices = [header.index(name) for name in wanted]
    width = len(header)
    collecting = gc.isenabled()
    gc.disable()  # millions of short-lived strings: the cyclic collector only slows this down
    try:
        try:
            interned, n = _intern_stream(reader, indices, width)
        except _Irregular:
            handle.seek(0)
            interned, n = _intern_checked(csv.reader(handle), indices, width, path)
        except csv.Error as exc:
            raise BadInput(f"{path}:{reader.line_num}: row: {exc}") from exc
    finally:
        if collecting:
            gc.enable()
    return wanted, interned, n


def _intern_stream(
    reader: Iterable[list[str]], indices: list[int], width: int
) -> tuple[list[Interned], int]:
    """The fast path: every record has ``width`` fields. Raises :class:`_Irregular` otherwise.

    Unrolled for eleven columns (the tenth-and-a-domain case; without a domain
    the last slot repeats the first column and is discarded): a loop over
    columns inside the loop over rows costs a fifth more time.
    """
    picks = [*indices, indices[0]] if len(indices) == len(HEADER) else indices
    getter = itemgetter(*picks)
    ds: list[dict[str, int]] = [{} for _ in picks]
    outs = [array("i") for _ in picks]
    d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10 = ds
    s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10 = (d.setdefault for d in ds)
    a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10 = (o.append for o in outs)
    n = 0
    for row in reader:
        if len(row) != width:
            raise _Irregular
        v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10 = getter(row)
        a0(s0(v0, len(d0)))
        a1(s1(v1, len(d1)))
        a2(s2(v2, len(d2)))
        a3(s3(v3, len(d3)))
        a4(s4(v4, len(d4)))
        a5(s5(v5, len(d5)))
        a6(s6(v6, len(d6)))
        a7(s7(v7, len(d7)))
        a8(s8(v8, len(d8)))
        a9(s9(v9, len(d9)))
        a10(s10(v10, len(d10)))
        n += 1
    result = [
        (np.frombuffer(o, dtype=np.int32).copy(), list(d)) for o, d in zip(outs, ds, strict=True)
    ]
    return result[: len(indices)], n


def _intern_checked(
    reader: Any, indices: list[int], width: int, path: Path
) -> tuple[list[Interned], int]:
    """The careful path (reader at the start of the file): skips blank lines and names
    every record of the wrong width."""
    ds: list[dict[str, int]] = [{} for _ in indices]
    outs = [array("i") for _ in indices]
    problems: list[str] = []
    n = 0
    next(reader)  # the header, already checked
    start = reader.line_num + 1
    try:
        for row in reader:
            if not row or all(not cell.strip() for cell in row):
                start = reader.line_num + 1
                continue
            if len(row) != width:
                problems.append(
                    f"{path}:{start}: row: expected {width} fields as in the header, "
                    f"found {len(row)}"
                )
            else:
                for i, d, out in zip(indices, ds, outs, strict=True):
                    out.append(d.setdefault(row[i], len(d)))
                n += 1
            start = reader.line_num + 1
    except csv.Error as exc:
        raise BadInput(f"{path}:{reader.line_num}: row: {exc}") from exc
    if problems:
        raise _bad_rows(path, problems)
    return [
        (np.frombuffer(o, dtype=np.int32).copy(), list(d)) for o, d in zip(outs, ds, strict=True)
    ], n


def _data_lines(path: Path) -> list[int]:
    """The line on which each data record starts (blank lines skipped), for messages."""
    lines: list[int] = []
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        next(reader)
        start = reader.line_num + 1
        for row in reader:
            if row and any(cell.strip() for cell in row):
                lines.append(start)
            start = reader.line_num + 1
    return lines


def _bad_rows(label: Path | str, problems: list[str]) -> BadInput:
    shown = problems[:MAX_REPORTED_PROBLEMS]
    more = len(problems) - len(shown)
    details = [*shown, f"... and {more} more problem(s)"] if more else shown
    return BadInput(f"{label}: {len(problems)} problem(s); nothing was read", details=details)


def _build(
    columns: Mapping[str, Interned],
    n: int,
    where: Callable[[int], str],
    label: str,
) -> PairedGrades:
    """Convert interned columns into a :class:`PairedGrades`,
    collecting every problem. ``where(row)`` names a data row; ``label`` the input.
    """

    def interned(name: str) -> Interned:
        return columns[name]

    problems: list[_Problem] = []
    text: dict[str, Categorical] = {}
    for name in TEXT_COLUMNS:
        codes, levels = interned(name)
        cat = _strip_levels(codes, ["" if v is None else str(v) for v in levels])
        text[name] = cat
        if name in REQUIRED_TEXT and "" in cat.levels:
            blank = cat.levels.index("")
            for row in np.flatnonzero(cat.codes == blank).tolist():
                problems.append(_Problem(row, name, "empty"))
    domain = None
    if "domain" in columns:
        codes, levels = interned("domain")
        domain = _strip_levels(codes, ["" if v is None else str(v) for v in levels])

    manager_grade = _grades(interned("manager_grade"), "manager_grade", problems, optional=False)
    moderated_grade = _grades(
        interned("moderated_grade"), "moderated_grade", problems, optional=True
    )
    audited_on = _dates(interned("audited_on"), problems)
    if n and not problems:
        _check_consistency(text, audited_on, problems)
    if problems:
        order = {name: i for i, name in enumerate(HEADER)}
        problems.sort(key=lambda p: (p.row, order.get(p.column, 99)))
        raise _bad_rows(label, [f"{where(p.row)}: {p.column}: {p.message}" for p in problems])
    return PairedGrades(
        **text,
        audited_on=audited_on,
        manager_grade=manager_grade,
        moderated_grade=moderated_grade,
        domain=domain,
    )


def _intern(values: Sequence[Any]) -> Interned:
    """Codes for each value, and the distinct values in order of first appearance."""
    index: dict[Any, int] = {}
    codes = np.array([index.setdefault(v, len(index)) for v in values], dtype=np.int32)
    return codes, list(index)


def _strip_levels(codes: CodeArray, levels: list[str]) -> Categorical:
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
        parsed = _parse_date(value)
        if parsed is None:
            shown = "" if value is None else str(value)
            bad[i] = (
                "missing date" if not shown.strip() else f"not a date: {shown!r} (use YYYY-MM-DD)"
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


# ----------------------------------------------------------------------------- writing


def write_paired_csv(pairs: PairedGrades, out: Path | str | TextIO) -> None:
    """Write the table as a paired-grades CSV that :func:`read_paired_csv` reads back.

    Grades are written in full words; a missing moderated grade is an empty
    cell; a ``domain`` column is added when the table has domains.
    """
    if isinstance(out, (str, Path)):
        with open_private(out, "w", newline="", encoding="utf-8") as handle:
            _write(pairs, handle)
    else:
        _write(pairs, out)


def _write(pairs: PairedGrades, handle: TextIO | io.StringIO) -> None:
    labels = np.array(["", *(g.label for g in Grade)], dtype=object)
    columns: list[Sequence[object]] = [
        getattr(pairs, name).values().tolist() for name in TEXT_COLUMNS
    ]
    columns.append(np.datetime_as_string(pairs.audited_on, unit="D").tolist())
    columns.append(labels[pairs.manager_grade].tolist())
    columns.append(labels[pairs.moderated_grade].tolist())
    header = list(HEADER)
    if pairs.domain is not None:
        columns.append(pairs.domain.values().tolist())
        header.append("domain")
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(zip(*columns, strict=True))
