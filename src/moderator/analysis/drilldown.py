"""The audits behind a number of the drift report: a manager's, a criterion's or a period's.

A lead who sees "mia: leniency +0.8" wants to read the audits that make it up.
:func:`audits_behind` picks the moderated pairs a report statistic was computed
from, with the same filters, so the list and the number always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from moderator.analysis.inputs import ReportFilters
from moderator.domain.grades import Grade

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from moderator.analysis.pairs import PairedGrades

Dimension = Literal["manager", "criterion", "period", "team"]


@dataclass(frozen=True)
class AuditDrift:
    """One moderated grade behind a report number.

    Attributes:
        audit_id: the audit (as the source names it; a number for the database).
        case_ref: the case's pseudonymous reference.
        manager: who graded it.
        team: the case's team.
        criterion: ``overall`` or the criterion id.
        audited_on: the date the audit was submitted.
        manager_grade: the manager's grade.
        moderated_grade: the moderated (agreed) grade.
    """

    audit_id: str
    case_ref: str
    manager: str
    team: str
    criterion: str
    audited_on: date
    manager_grade: Grade
    moderated_grade: Grade

    @property
    def drift(self) -> int:
        """Moderated minus manager grade: positive when the manager was more optimistic."""
        return int(self.moderated_grade) - int(self.manager_grade)


def period_label(day: date, period: str) -> str:
    """The report's label for the period ``day`` falls in (``2020-Q1`` or ``2020-01``)."""
    if period == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}-{day.month:02d}"


def _criterion_mask(pairs: PairedGrades, key: str) -> npt.NDArray[np.bool_]:
    """Rows of the criterion a report labels ``key``: ``criterion`` or ``rubric/criterion``."""
    mask = pairs.criterion.mask(lambda s: s == key)
    if "/" in key:
        rubric, criterion = key.split("/", 1)
        mask = mask | (
            pairs.rubric.mask(lambda s: s == rubric)
            & pairs.criterion.mask(lambda s: s == criterion)
        )
    return mask & ~pairs.is_overall


def _period_mask(pairs: PairedGrades, key: str, period: str) -> npt.NDArray[np.bool_]:
    """Rows audited in the period labelled ``key`` (``2020-Q1`` or ``2020-01``)."""
    import re

    import numpy as np

    months = pairs.audited_on.astype("datetime64[M]").astype(np.int64)
    quarter = re.fullmatch(r"(\d{4})-Q([1-4])", key)
    month = re.fullmatch(r"(\d{4})-(\d{2})", key)
    if period == "quarter" and quarter:
        first = (int(quarter[1]) - 1970) * 12 + (int(quarter[2]) - 1) * 3
        result: npt.NDArray[np.bool_] = (months >= first) & (months < first + 3)
        return result
    if period == "month" and month:
        same: npt.NDArray[np.bool_] = months == (int(month[1]) - 1970) * 12 + int(month[2]) - 1
        return same
    return np.zeros(len(pairs), dtype=bool)


def audits_behind(
    pairs: PairedGrades,
    dimension: Dimension,
    key: str,
    *,
    filters: ReportFilters | None = None,
    period: str = "quarter",
) -> list[AuditDrift]:
    """The moderated grades behind one row of a report breakdown, worst drift first.

    Args:
        pairs: the paired grades the report was built from (unfiltered).
        dimension: which breakdown the row belongs to. ``manager``, ``team`` and
            ``period`` rows are computed over overall grades; ``criterion`` rows
            over that criterion's grades.
        key: the row's key as the report shows it.
        filters: the report's filters (applied here as in the report).
        period: ``month`` or ``quarter`` when ``dimension`` is ``period``.
    """
    import numpy as np

    from moderator.analysis.build import apply_filters

    pairs = apply_filters(pairs, filters)
    rows = pairs.is_moderated
    if dimension == "criterion":
        rows = rows & _criterion_mask(pairs, key)
    else:
        rows = rows & pairs.is_overall
        if dimension == "manager":
            rows = rows & pairs.manager.mask(lambda s: s == key)
        elif dimension == "team":
            wanted = "" if key == "(none)" else key
            rows = rows & pairs.team.mask(lambda s: s == wanted)
        else:
            rows = rows & _period_mask(pairs, key, period)
    picked = pairs.select(np.flatnonzero(rows))
    out = [
        AuditDrift(
            audit_id=str(audit_id),
            case_ref=str(case_ref),
            manager=str(manager),
            team=str(team),
            criterion=str(criterion),
            audited_on=audited_on,
            manager_grade=Grade(int(mgr)),
            moderated_grade=Grade(int(mod)),
        )
        for audit_id, case_ref, manager, team, criterion, audited_on, mgr, mod in zip(
            picked.audit_id.values().tolist(),
            picked.case_ref.values().tolist(),
            picked.manager.values().tolist(),
            picked.team.values().tolist(),
            picked.criterion.values().tolist(),
            picked.audited_on.tolist(),
            picked.manager_grade.tolist(),
            picked.moderated_grade.tolist(),
            strict=True,
        )
    ]
    out.sort(key=lambda a: (-a.drift, a.audited_on, a.case_ref))
    return out
