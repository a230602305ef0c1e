"""Count tables: the paired grades grouped into counts, which every drift statistic needs.

Every statistic of the drift report is a function of 4×4 tables of counts
(manager's grade × moderated grade) per group, and coverage is a count of
audits per group. So the report is built from two small tables of counts,
however many audits there are:

- :class:`AuditCounts`: submitted audits counted by manager, team, service
  area, rubric, month, overall grade, moderated overall grade and whether the
  audit counts as moderated. The manager, team, service-area, rubric, period
  and trend breakdowns, the leniency and the coverage are roll-ups of it.
- :class:`CriterionCounts`: criterion grades counted by rubric, criterion,
  domain, manager's grade and moderated grade, for the criterion and domain
  breakdowns.

The database fills them with ``GROUP BY`` queries, the CSV reader groups while
it reads, and :func:`counts_from_pairs` counts an in-memory table of paired
rows (the row path, used for the small views of managers and moderators).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from moderator.analysis.pairs import PairedGrades

Codes = npt.NDArray[np.int64]
Grades = npt.NDArray[np.int8]


@dataclass(frozen=True)
class Key:
    """A grouping column of a count table: one code per cell, indexing ``labels``."""

    codes: Codes
    labels: tuple[str, ...]

    @classmethod
    def of(cls, values: Sequence[object]) -> Key:
        """Intern values (None becomes "", surrounding spaces are dropped)."""
        index: dict[str, int] = {}
        codes = [index.setdefault("" if v is None else str(v).strip(), len(index)) for v in values]
        return cls(np.asarray(codes, dtype=np.int64), tuple(index))

    def take(self, rows: npt.NDArray[Any]) -> Key:
        """The cells at ``rows`` (mask or indices), same labels."""
        return Key(self.codes[rows], self.labels)


@dataclass(frozen=True)
class AuditCounts:
    """Submitted audits, counted. Cell ``i`` stands for ``count[i]`` audits.

    Attributes:
        manager, team, service_area, rubric: grouping keys.
        month: the audit's month, as months since January 1970.
        manager_grade: the overall grade 1-4 (0: the source has no overall row for it).
        moderated_grade: the moderated overall grade 1-4 (0: not moderated).
        moderated: whether these audits count as moderated for coverage.
        count: audits in the cell.
    """

    manager: Key
    team: Key
    service_area: Key
    rubric: Key
    month: Codes
    manager_grade: Grades
    moderated_grade: Grades
    moderated: npt.NDArray[np.bool_]
    count: Codes

    def __len__(self) -> int:
        return int(self.count.shape[0])


@dataclass(frozen=True)
class CriterionCounts:
    """Criterion grades, counted. Cell ``i`` stands for ``count[i]`` grades.

    Attributes:
        rubric, criterion, domain: grouping keys (domain "" when unknown).
        manager_grade: 1-4.
        moderated_grade: 1-4 (0: not moderated).
        count: grades in the cell.
        has_domain: whether the source knows domains at all.
    """

    rubric: Key
    criterion: Key
    domain: Key
    manager_grade: Grades
    moderated_grade: Grades
    count: Codes
    has_domain: bool = True

    def __len__(self) -> int:
        return int(self.count.shape[0])


@dataclass(frozen=True)
class Overrides:
    """Overall grades set by hand, per manager: ``(overridden, raised, lowered)``.

    ``raised`` overrides gave a better grade than the one the rubric derives from
    the criterion grades (Outstanding is better than Good); ``lowered`` a worse one.
    """

    by_manager: Mapping[str, tuple[int, int, int]]


@dataclass(frozen=True)
class GradeCounts:
    """What a drift report is built from: the two count tables and the overrides.

    ``overrides`` is None when the source has no override information (a
    paired-grades CSV). ``leniency_from``: the audits each manager's leniency is estimated
    on, when wider than ``audits`` (a manager's own report holds the authority's, filtered
    alike, so that the manager reads the figure, interval and flag their lead reads: the
    shrinkage and the variance floor need colleagues' audits). The report shows nothing else
    of them. None: ``audits``.
    """

    audits: AuditCounts
    criteria: CriterionCounts
    overrides: Overrides | None = None
    leniency_from: AuditCounts | None = None


def audit_counts(
    columns: Sequence[Sequence[Any]],
) -> AuditCounts:
    """Build :class:`AuditCounts` from grouped rows, column by column, in the order
    manager, team, service_area, rubric, month (``YYYY-MM`` text or an int),
    manager_grade, moderated_grade, moderated, count (None grades are 0)."""
    mgr, team, area, rubric, month, grade, moderated, is_moderated, count = columns
    return AuditCounts(
        manager=Key.of(mgr),
        team=Key.of(team),
        service_area=Key.of(area),
        rubric=Key.of(rubric),
        month=_months(month),
        manager_grade=_grades(grade),
        moderated_grade=_grades(moderated),
        moderated=np.asarray([bool(v) for v in is_moderated], dtype=bool),
        count=np.asarray(count, dtype=np.int64),
    )


def criterion_counts(
    columns: Sequence[Sequence[Any]], *, has_domain: bool = True
) -> CriterionCounts:
    """Build :class:`CriterionCounts` from grouped rows, column by column, in the order
    rubric, criterion, domain, manager_grade, moderated_grade, count."""
    rubric, criterion, domain, grade, moderated, count = columns
    return CriterionCounts(
        rubric=Key.of(rubric),
        criterion=Key.of(criterion),
        domain=Key.of(domain),
        manager_grade=_grades(grade),
        moderated_grade=_grades(moderated),
        count=np.asarray(count, dtype=np.int64),
        has_domain=has_domain,
    )


def _grades(values: Sequence[Any]) -> Grades:
    return np.asarray([v or 0 for v in values], dtype=np.int8)


def _months(values: Sequence[Any]) -> Codes:
    out = np.zeros(len(values), dtype=np.int64)
    for i, v in enumerate(values):
        if isinstance(v, str):
            out[i] = (int(v[:4]) - 1970) * 12 + int(v[5:7]) - 1
        else:
            out[i] = int(v)
    return out


def _group(columns: list[npt.NDArray[Any]]) -> tuple[Any, Codes]:
    """Distinct rows of the integer columns (non-negative), and how many rows each has.

    The columns are combined into one mixed-radix integer key, so grouping is one
    sort of a flat array (or a ``bincount`` when the key space is small).
    """
    cols = [np.asarray(c, dtype=np.int64) for c in columns]
    n = cols[0].shape[0] if cols else 0
    if n == 0:
        return np.zeros((0, len(cols)), dtype=np.int64), np.zeros(0, dtype=np.int64)
    radix = [int(c.max()) + 1 for c in cols]
    if float(np.prod(np.asarray(radix, dtype=np.float64))) >= 2.0**62:
        unique, counts = np.unique(np.stack(cols, axis=1), axis=0, return_counts=True)
        return unique, counts.astype(np.int64)
    key = np.zeros(n, dtype=np.int64)
    for c, r in zip(cols, radix, strict=True):
        key = key * r + c
    size = int(np.prod(radix))
    if size <= 4 * n + 1024:
        tally = np.bincount(key, minlength=size)
        values = np.flatnonzero(tally)
        counts = tally[values]
    else:
        values, counts = np.unique(key, return_counts=True)
    out = np.zeros((values.shape[0], len(cols)), dtype=np.int64)
    for i in range(len(cols) - 1, -1, -1):
        values, out[:, i] = np.divmod(values, radix[i])
    return out, counts.astype(np.int64)


def counts_from_pairs(pairs: PairedGrades, overrides: Overrides | None = None) -> GradeCounts:
    """Count an in-memory paired-grades table (the row path).

    An audit's overall row gives its overall grades; an audit counts as
    moderated when its overall grade is, or, with no overall row, when any of
    its criterion grades is.
    """
    overall_rows = pairs.is_overall
    audit = pairs.audit_id.codes.astype(np.int64)
    n_a = len(pairs.audit_id.levels)
    present = np.bincount(audit, minlength=n_a)[:n_a] > 0
    has_overall = np.bincount(audit[overall_rows], minlength=n_a)[:n_a] > 0
    mod_any = np.bincount(audit[pairs.is_moderated], minlength=n_a)[:n_a] > 0
    # Audit-level columns from each audit's rows (consistent by construction).
    first = np.zeros(n_a, dtype=np.int64)
    first[audit[::-1]] = np.arange(len(pairs), dtype=np.int64)[::-1]
    grade = np.zeros(n_a, dtype=np.int64)
    moderated = np.zeros(n_a, dtype=np.int64)
    grade[audit[overall_rows]] = pairs.manager_grade[overall_rows]
    moderated[audit[overall_rows]] = pairs.moderated_grade[overall_rows]
    counted = np.where(has_overall, moderated > 0, mod_any)
    months = pairs.audited_on.astype("datetime64[M]").astype(np.int64)
    keys = [pairs.manager, pairs.team, pairs.service_area, pairs.rubric]
    ids = np.flatnonzero(present)
    rows = first[ids]
    base = int(months[rows].min()) if rows.size else 0  # grouping wants non-negative codes
    unique, count = _group(
        [
            *(k.codes[rows] for k in keys),
            months[rows] - base,
            grade[ids],
            moderated[ids],
            counted[ids],
        ]
    )
    mgr_key, team_key, area_key, rubric_key = (
        Key(unique[:, i], k.levels) for i, k in enumerate(keys)
    )
    audits = AuditCounts(
        manager=mgr_key,
        team=team_key,
        service_area=area_key,
        rubric=rubric_key,
        month=unique[:, 4] + base,
        manager_grade=unique[:, 5].astype(np.int8),
        moderated_grade=unique[:, 6].astype(np.int8),
        moderated=unique[:, 7].astype(bool),
        count=count,
    )
    crit = ~overall_rows
    domain = pairs.domain
    domain_codes = domain.codes[crit] if domain is not None else np.zeros(int(crit.sum()), np.int64)
    unique, count = _group(
        [
            pairs.rubric.codes[crit],
            pairs.criterion.codes[crit],
            domain_codes,
            pairs.manager_grade[crit],
            pairs.moderated_grade[crit],
        ]
    )
    criteria = CriterionCounts(
        rubric=Key(unique[:, 0], pairs.rubric.levels),
        criterion=Key(unique[:, 1], pairs.criterion.levels),
        domain=Key(unique[:, 2], domain.levels if domain is not None else ("",)),
        manager_grade=unique[:, 3].astype(np.int8),
        moderated_grade=unique[:, 4].astype(np.int8),
        count=count,
        has_domain=domain is not None,
    )
    if overrides is None and pairs.derived_grade is not None:
        overrides = _overrides_of(pairs, overall_rows)
    return GradeCounts(audits=audits, criteria=criteria, overrides=overrides)


def _overrides_of(pairs: PairedGrades, overall_rows: npt.NDArray[np.bool_]) -> Overrides:
    """Overrides from a table's ``derived_grade`` column (set on overridden overall rows)."""
    assert pairs.derived_grade is not None
    rows = overall_rows & (pairs.derived_grade > 0)
    manager = pairs.manager.codes[rows]
    grade = pairs.manager_grade[rows]
    derived = pairs.derived_grade[rows]
    k = len(pairs.manager.levels)
    count = np.bincount(manager, minlength=k)
    raised = np.bincount(manager, weights=grade < derived, minlength=k)
    lowered = np.bincount(manager, weights=grade > derived, minlength=k)
    return Overrides(
        {
            pairs.manager.levels[m]: (int(count[m]), int(raised[m]), int(lowered[m]))
            for m in np.flatnonzero(count).tolist()
        }
    )


def merge_counts(parts: Sequence[GradeCounts]) -> GradeCounts:
    """Count tables one after another: every roll-up is a sum, so cells need not be merged.

    Keys are mapped onto their union of labels. Overrides are known only if every
    part knows them.
    """
    if len(parts) == 1:
        return parts[0]
    audits = [p.audits for p in parts]
    crit = [p.criteria for p in parts]
    overrides = None
    if parts and all(p.overrides is not None for p in parts):
        total: dict[str, tuple[int, int, int]] = {}
        for p in parts:
            assert p.overrides is not None
            for name, c in p.overrides.by_manager.items():
                old = total.get(name, (0, 0, 0))
                total[name] = (old[0] + c[0], old[1] + c[1], old[2] + c[2])
        overrides = Overrides(total)
    return GradeCounts(
        audits=AuditCounts(
            manager=_union([a.manager for a in audits]),
            team=_union([a.team for a in audits]),
            service_area=_union([a.service_area for a in audits]),
            rubric=_union([a.rubric for a in audits]),
            month=_cat([a.month for a in audits]),
            manager_grade=_cat([a.manager_grade for a in audits]).astype(np.int8),
            moderated_grade=_cat([a.moderated_grade for a in audits]).astype(np.int8),
            moderated=_cat([a.moderated for a in audits]).astype(bool),
            count=_cat([a.count for a in audits]),
        ),
        criteria=CriterionCounts(
            rubric=_union([c.rubric for c in crit]),
            criterion=_union([c.criterion for c in crit]),
            domain=_union([c.domain for c in crit]),
            manager_grade=_cat([c.manager_grade for c in crit]).astype(np.int8),
            moderated_grade=_cat([c.moderated_grade for c in crit]).astype(np.int8),
            count=_cat([c.count for c in crit]),
            has_domain=all(c.has_domain for c in crit),
        ),
        overrides=overrides,
    )


def _cat(arrays: Sequence[npt.NDArray[Any]]) -> npt.NDArray[Any]:
    return np.concatenate([np.asarray(a, dtype=np.int64) for a in arrays])


def _union(keys: Sequence[Key]) -> Key:
    labels: dict[str, int] = {}
    parts = []
    for key in keys:
        remap = np.array([labels.setdefault(s, len(labels)) for s in key.labels] or [0])
        parts.append(remap[key.codes].astype(np.int64))
    return Key(np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64), tuple(labels))
