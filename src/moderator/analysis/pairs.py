"""Paired grades: one row per audit × criterion, the manager's grade beside the moderated one.

The drift report counts this table (:mod:`moderator.analysis.counts`); it is
read from a paired-grades CSV or Parquet file (:mod:`moderator.analysis.paired_csv`)
or from the rows a manager or moderator may see, and written back as CSV::

    audit_id,case_ref,rubric,criterion,manager,team,service_area,audited_on,manager_grade,moderated_grade

``criterion`` is ``overall`` for the audit's overall grade; grades are words or
1-4; an empty ``moderated_grade`` means the audit was not moderated. Extra
columns are allowed; a ``domain`` column (the rubric domain of the criterion)
is kept for the per-domain breakdown, and a ``derived_grade`` column records
overrides: on the overall row of an audit whose overall grade the manager set
by hand, the grade the rubric derived from the criterion grades (empty
elsewhere). Without that column a file says nothing about overrides.

The table is held column by column: text columns as :class:`Categorical`
(integer codes into a tuple of distinct labels: Arrow's dictionary encoding,
which the CSV reader hands over as is), dates as ``datetime64[D]``, grades as
small integers (moderated grade 0 = not moderated). Checking it
(:mod:`moderator.analysis.pairs_check`) parses each distinct value once.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO, cast

import numpy as np
import numpy.typing as npt

from moderator.domain.grades import Grade
from moderator.domain.text import spreadsheet_cell
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

OPTIONAL_COLUMNS: tuple[str, ...] = ("domain", "derived_grade")
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
        from moderator.analysis.pairs_check import intern, strip_levels

        codes, levels = intern(values)
        return strip_levels(codes, levels)


@dataclass(frozen=True)
class PairedGrades:
    """The paired-grades table, column by column (all columns have the same length).

    Attributes:
        audit_id, case_ref, rubric, criterion, manager, team, service_area: text columns.
        audited_on: the audit's date (``datetime64[D]``).
        manager_grade: 1-4 (Outstanding ... Inadequate).
        moderated_grade: 1-4, or 0 where the audit was not moderated.
        domain: the rubric domain of each criterion row, when known.
        derived_grade: on overridden overall rows the derived grade 1-4, else 0;
            None when the source does not record overrides.
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
    derived_grade: GradeArray | None = None

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
            derived_grade=None if self.derived_grade is None else self.derived_grade[index],
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
        from moderator.analysis.pairs_check import build_table, intern

        names = [*HEADER, *(c for c in OPTIONAL_COLUMNS if c in columns)]
        interned = {name: intern(columns[name]) for name in names}
        return build_table(interned, n, lambda i: f"{source} {i + 1}", f"{source}s")

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


def concat(tables: Sequence[PairedGrades]) -> PairedGrades:
    """Tables one after another (labels merged; a domain column only if every table has one)."""
    if not tables:
        return PairedGrades.empty()
    if len(tables) == 1:
        return tables[0]

    def joined(cats: list[Categorical]) -> Categorical:
        levels: dict[str, int] = {}
        parts = []
        for cat in cats:
            remap = np.array(
                [levels.setdefault(s, len(levels)) for s in cat.levels] or [0], dtype=np.int32
            )
            parts.append(remap[cat.codes])
        return Categorical(np.concatenate(parts).astype(np.int32), tuple(levels))

    text = {name: joined([getattr(t, name) for t in tables]) for name in TEXT_COLUMNS}
    domains = [t.domain for t in tables]
    derived = [t.derived_grade for t in tables]
    return PairedGrades(
        **text,
        audited_on=np.concatenate([t.audited_on for t in tables]),
        manager_grade=np.concatenate([t.manager_grade for t in tables]),
        moderated_grade=np.concatenate([t.moderated_grade for t in tables]),
        domain=None if any(d is None for d in domains) else joined(domains),  # type: ignore[arg-type]
        derived_grade=(
            None if any(d is None for d in derived) else np.concatenate(derived)  # type: ignore[arg-type]
        ),
    )


# ----------------------------------------------------------------------------- writing


def write_paired_csv(
    pairs: PairedGrades, out: Path | str | TextIO, words: Mapping[str, str] | None = None
) -> None:
    """Write the table as a paired-grades CSV that :func:`read_paired_csv` reads back.

    Grades are written in full words; a missing moderated grade is an empty
    cell; ``domain`` and ``derived_grade`` columns are added when the table has them.
    With ``words`` (criterion titles keyed ``rubric/criterion`` or ``criterion``, and
    service-area words keyed by id), ``criterion_title`` and ``service_area_label``
    columns follow for people (the reader ignores them).
    """
    if isinstance(out, (str, Path)):
        with open_private(out, "w", newline="", encoding="utf-8") as handle:
            _write(pairs, handle, words)
    else:
        _write(pairs, out, words)


def _human_columns(pairs: PairedGrades, words: Mapping[str, str]) -> list[list[str]]:
    rubrics, criteria = pairs.rubric.values().tolist(), pairs.criterion.values().tolist()
    titles = [
        words.get(f"{r}/{c}", words.get(c, "Overall grade" if c == "overall" else c))
        for r, c in zip(rubrics, criteria, strict=True)
    ]
    areas = [words.get(a, a) for a in pairs.service_area.values().tolist()]
    return [titles, areas]


def _write(
    pairs: PairedGrades, handle: TextIO | io.StringIO, words: Mapping[str, str] | None = None
) -> None:
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
    if pairs.derived_grade is not None:
        columns.append(labels[pairs.derived_grade].tolist())
        header.append("derived_grade")
    if words is not None:
        columns += _human_columns(pairs, words)
        header += ["criterion_title", "service_area_label"]
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(header)
    # names and teams are user-supplied: never a formula in a spreadsheet (OWASP CSV injection)
    writer.writerows(map(spreadsheet_cell, row) for row in zip(*columns, strict=True))
