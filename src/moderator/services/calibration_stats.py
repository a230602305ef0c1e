"""Each manager's distance from the agreed grades of the calibration cases they audited.

Counted over criterion grades of submitted calibration audits: a 4×4 table of
(manager's grade, agreed grade) per manager, from which the same arithmetic as
drift gives exact and within-one agreement and the mean signed distance
(agreed − manager: positive means more optimistic than the panel) with its
95% interval (``docs/statistics.md``, "Calibration").
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from moderator.store.db import Store


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


class CalibrationSummary(BaseModel):
    """The ``calibration`` block of the drift report."""

    overall: CalibrationStats
    by_manager: list[CalibrationStats]


def _quarter(month: str) -> str:
    year, mon = month.split("-")
    return f"{year}-Q{(int(mon) - 1) // 3 + 1}"


def calibration_summary(store: Store) -> CalibrationSummary:
    """Calibration agreement overall and per manager, with each manager's quarterly trend."""
    import numpy as np

    from moderator.analysis.stats import stats_from_confusion

    rows = store.rows(
        "SELECT u.name AS manager, substr(a.submitted_at, 1, 7) AS month,"
        " g.grade AS mine, k.grade AS agreed, count(*) AS n"
        " FROM calibration_audits ka JOIN audits a ON a.id = ka.audit_id"
        " JOIN users u ON u.id = a.manager_id"
        " JOIN criterion_grades g ON g.audit_id = a.id AND g.grade IS NOT NULL"
        " JOIN calibration_grades k ON k.calibration_id = ka.calibration_id"
        "  AND k.criterion = g.criterion"
        " WHERE a.status = 'submitted' GROUP BY 1, 2, 3, 4"
    )
    audits = {
        r["name"]: r["n"]
        for r in store.rows(
            "SELECT u.name, count(*) AS n FROM calibration_audits ka"
            " JOIN audits a ON a.id = ka.audit_id JOIN users u ON u.id = a.manager_id"
            " WHERE a.status = 'submitted' GROUP BY u.name"
        )
    }
    managers = sorted({r["manager"] for r in rows} | set(audits))
    periods = sorted({_quarter(r["month"]) for r in rows})
    index = {m: i for i, m in enumerate(managers)}
    p_index = {p: i for i, p in enumerate(periods)}
    conf = np.zeros((len(managers) + 1, 4, 4), dtype=np.int64)
    by_period = np.zeros((len(managers), max(len(periods), 1), 4, 4), dtype=np.int64)
    for r in rows:
        cell = (r["mine"] - 1, r["agreed"] - 1)
        conf[index[r["manager"]]][cell] += r["n"]
        conf[-1][cell] += r["n"]
        by_period[index[r["manager"]], p_index[_quarter(r["month"])]][cell] += r["n"]
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
    for m, k in index.items():
        trend_stats = stats_from_confusion(by_period[k]) if periods else []
        trend = [
            CalibrationPoint(period=p, n=t.n, mean_distance=t.mean_drift)
            for p, t in zip(periods, trend_stats, strict=False)
            if t.n
        ]
        out.append(entry(m, k, audits.get(m, 0), trend))
    return CalibrationSummary(
        overall=entry("everyone", len(managers), sum(audits.values()), []), by_manager=out
    )
