"""Calibration against agreed grades, per manager: a second, moderator-independent leniency.

Inputs are counts of (manager, quarter, manager's grade, agreed grade) over the
criterion grades of submitted calibration audits; each manager's 4×4 table
gives exact and within-one agreement and the mean signed distance (agreed −
manager, the sign of drift: positive = more optimistic than the panel) with its
95% interval, by the same arithmetic as drift (``docs/statistics.md``,
"Calibration"). Set beside the manager's moderation leniency, the two should
tell the same story.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pydantic import BaseModel, Field


class CalibrationPoint(BaseModel):
    """One quarter of one manager's calibration grading."""

    period: str
    n: int
    mean_distance: float | None


class CalibrationStats(BaseModel):
    """Agreement with the agreed grades for one manager (or everyone)."""

    key: str
    audits: int = Field(description="submitted calibration audits")
    n: int = Field(description="criterion grades compared with the agreed grade")
    exact_agreement: float | None
    adjacent_agreement: float | None
    mean_distance: float | None
    mean_distance_ci: tuple[float, float] | None
    trend: list[CalibrationPoint] = Field(default_factory=list)
    moderation_leniency: float | None = Field(
        None, description="the same manager's leniency from moderation, for comparison"
    )
    moderation_leniency_ci: tuple[float, float] | None = None


class CalibrationSummary(BaseModel):
    """The ``calibration`` block of the drift report."""

    overall: CalibrationStats
    by_manager: list[CalibrationStats]


def quarter_of(month: str) -> str:
    """``2020-07`` → ``2020-Q3``."""
    year, mon = month.split("-")
    return f"{year}-Q{(int(mon) - 1) // 3 + 1}"


def summarise_calibration(
    rows: Iterable[Mapping[str, Any]], audits: Mapping[str, int]
) -> CalibrationSummary:
    """The summary from grouped counts.

    Args:
        rows: mappings with ``manager``, ``month`` (YYYY-MM), ``mine`` and
            ``agreed`` (grades 1–4) and ``n`` (how many criterion grades).
        audits: submitted calibration audits per manager.
    """
    import numpy as np

    from moderator.analysis.stats import stats_from_confusion

    rows = list(rows)
    managers = sorted({r["manager"] for r in rows} | set(audits))
    periods = sorted({quarter_of(r["month"]) for r in rows})
    index = {m: i for i, m in enumerate(managers)}
    p_index = {p: i for i, p in enumerate(periods)}
    conf = np.zeros((len(managers) + 1, 4, 4), dtype=np.int64)
    by_period = np.zeros((len(managers), max(len(periods), 1), 4, 4), dtype=np.int64)
    for r in rows:
        cell = (int(r["mine"]) - 1, int(r["agreed"]) - 1)
        conf[index[r["manager"]]][cell] += r["n"]
        conf[-1][cell] += r["n"]
        by_period[index[r["manager"]], p_index[quarter_of(r["month"])]][cell] += r["n"]
    stats = stats_from_confusion(conf)

    def entry(key: str, k: int, n_audits: int, trend: list[CalibrationPoint]) -> CalibrationStats:
        s = stats[k]
        return CalibrationStats(
            key=key,
            audits=n_audits,
            n=s.n,
            exact_agreement=s.exact_agreement,
            adjacent_agreement=s.adjacent_agreement,
            mean_distance=s.mean_drift,
            mean_distance_ci=s.mean_drift_ci,
            trend=trend,
        )

    out = []
    for manager, k in index.items():
        trend_stats = stats_from_confusion(by_period[k]) if periods else []
        trend = [
            CalibrationPoint(period=p, n=t.n, mean_distance=t.mean_drift)
            for p, t in zip(periods, trend_stats, strict=False)
            if t.n
        ]
        out.append(entry(manager, k, audits.get(manager, 0), trend))
    return CalibrationSummary(
        overall=entry("everyone", len(managers), sum(audits.values()), []), by_manager=out
    )


def beside_moderation(summary: CalibrationSummary, by_manager: Sequence[Any]) -> CalibrationSummary:
    """The summary with each manager's moderation leniency (from the report) set beside it."""
    leniency = {m.key: (m.leniency, m.leniency_ci) for m in by_manager}
    return summary.model_copy(
        update={
            "by_manager": [
                s.model_copy(
                    update={
                        "moderation_leniency": leniency.get(s.key, (None, None))[0],
                        "moderation_leniency_ci": leniency.get(s.key, (None, None))[1],
                    }
                )
                for s in summary.by_manager
            ]
        }
    )
