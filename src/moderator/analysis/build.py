"""Building the drift report from count tables.

:func:`build_report` turns :class:`~moderator.analysis.counts.GradeCounts`
(or, for small in-memory sources and tests, a
:class:`~moderator.analysis.pairs.PairedGrades` table, which is counted first)
into a :class:`~moderator.analysis.report.Report`. Every breakdown is a roll-up
of the two count tables: a weighted ``bincount`` into a ``(groups, 4, 4)``
stack of confusion tables, then array arithmetic (:mod:`moderator.analysis.stats`).

``overall`` is computed over the audits' overall grades, ``criteria`` over the
criterion grades. The manager, team, service-area, rubric and period
breakdowns use the overall grades; the criterion and domain breakdowns the
criterion grades.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict
from datetime import UTC, date, datetime
from typing import Any

import numpy as np
import numpy.typing as npt

from moderator.analysis.counts import AuditCounts, GradeCounts, Key, counts_from_pairs
from moderator.analysis.coverage import compliance, coverage
from moderator.analysis.headline import compose_headline
from moderator.analysis.inputs import PERIODS, Assignment, ReportFilters
from moderator.analysis.leniency import Leniency, LeniencyTable, manager_leniency
from moderator.analysis.pairs import PairedGrades
from moderator.analysis.report import (
    Filters,
    GroupStats,
    LeniencySummary,
    ManagerStats,
    OverallStats,
    OverrideCounts,
    Report,
    Stats,
    TrendPoint,
    TrendSeries,
)
from moderator.analysis.sorting import natural_key
from moderator.analysis.stats import (
    DriftStats,
    confusion_by_group,
    drift_summary,
    stats_from_confusion,
    unmoderated_by_group,
)

MIN_TREND_N = 5
"""A trend point's interval is left out below this many pairs: from two or three pairs it
spans most of the scale and says nothing about the period."""

Cells = tuple[npt.NDArray[np.int8], npt.NDArray[np.int8], npt.NDArray[np.int64]]
"""Manager grades, moderated grades and counts of some cells of a count table."""


def apply_filters(pairs: PairedGrades, filters: ReportFilters | None) -> PairedGrades:
    """The rows of ``pairs`` that pass ``filters`` (dates inclusive; names case-insensitive)."""
    if filters is None or not any((filters.since, filters.until, filters.team, filters.rubric)):
        return pairs
    mask = np.ones(len(pairs), dtype=bool)
    if filters.since:
        mask &= pairs.audited_on >= np.datetime64(filters.since, "D")
    if filters.until:
        mask &= pairs.audited_on <= np.datetime64(filters.until, "D")
    if filters.team:
        wanted = filters.team.strip().casefold()
        mask &= pairs.team.mask(lambda s: s.casefold() == wanted)
    if filters.rubric:
        wanted_rubric = filters.rubric.strip().casefold()
        mask &= pairs.rubric.mask(lambda s: s.casefold() == wanted_rubric)
    return pairs.select(mask)


def build_report(
    data: GradeCounts | PairedGrades,
    *,
    assignments: list[Assignment] | None = None,
    coverage_target: float = 0.5,
    period: str = "quarter",
    filters: ReportFilters | None = None,
    source: str | None = None,
    as_of: date | None = None,
    generated_at: datetime | None = None,
) -> Report:
    """Build the drift report.

    Args:
        data: the count tables, already filtered by the source (the database and
            the CSV reader filter before they count); or a paired-grades table,
            unfiltered, which is filtered and counted here.
        assignments: audit assignments for the compliance figures; None when the
            source has none (a paired-grades CSV), which makes compliance unavailable.
        coverage_target: the share of submitted audits that should be moderated.
        period: ``"month"`` or ``"quarter"`` for ``by_period`` and ``trend``.
        filters: since/until (``audited_on``), team, rubric.
        source: where the pairs came from, for the record.
        as_of: the date compliance is judged at (default today).
        generated_at: timestamp to record (default now, UTC).

    Each manager's leniency is estimated on ``data.leniency_from`` where the source gives it
    (a manager's own report: see :class:`~moderator.analysis.counts.GradeCounts`).
    """
    if period not in PERIODS:
        from moderator.errors import UsageProblem

        raise UsageProblem(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    filters = filters or ReportFilters()
    if isinstance(data, PairedGrades):
        data = counts_from_pairs(apply_filters(data, filters))
    audits, crit = data.audits, data.criteria
    graded = audits.manager_grade > 0
    overall_cells: Cells = (audits.manager_grade, audits.moderated_grade, audits.count)
    crit_cells: Cells = (crit.manager_grade, crit.moderated_grade, crit.count)

    override_counts = _override_counts(data, audits)
    overall = OverallStats(
        **_fields(_stats(overall_cells, graded)),
        overrides=None if override_counts is None else override_counts.get(None),
    )
    criteria = Stats(**_fields(_stats(crit_cells, np.ones(len(crit), dtype=bool))))

    wide = audits if data.leniency_from is None else data.leniency_from
    table = _leniency_table(wide, wide.manager_grade > 0)
    leniency = {label: table.managers[i] for i, label in enumerate(wide.manager.labels)}
    by_manager = _managers(audits, graded, leniency, override_counts)
    period_codes, period_labels = _periods(audits.month, period)
    by_period = _groups(Key(period_codes, tuple(period_labels)), overall_cells, graded)
    by_period.sort(key=lambda g: g.key)
    crit_key = _criterion_key(crit)
    cov = coverage(audits, coverage_target)
    flagged = [m.key for m in by_manager if m.optimistic]
    measured = sum(1 for m in by_manager if m.leniency_ci is not None)
    return Report(
        headline=compose_headline(overall, criteria, cov, cov.submitted, len(flagged), measured),
        overall=overall,
        criteria=criteria,
        by_manager=by_manager,
        by_team=_groups(audits.team, overall_cells, graded, blank="(none)"),
        by_criterion=_groups(crit_key, crit_cells, np.ones(len(crit), dtype=bool)),
        by_period=by_period,
        coverage=cov,
        compliance=compliance(assignments, filters, as_of or date.today()),
        by_service_area=_groups(audits.service_area, overall_cells, graded, blank="(none)"),
        by_domain=(
            _groups(crit.domain, crit_cells, np.ones(len(crit), dtype=bool), blank="(none)")
            if crit.has_domain
            else []
        ),
        by_rubric=_groups(audits.rubric, overall_cells, graded, blank="(none)"),
        trend=_trend(audits, graded, period_codes, period_labels),
        leniency=LeniencySummary(
            level=table.level, centre=table.centre, between_sd=table.between_sd, optimistic=flagged
        ),
        period=period,
        audits=cov.submitted,
        generated_at=generated_at or datetime.now(UTC).replace(microsecond=0),
        filters=Filters(**asdict(filters)),
        source=source,
    )


def overall_stats(data: GradeCounts) -> Stats:
    """Drift statistics over the audits' overall grades of ``data`` (already filtered)."""
    audits = data.audits
    cells: Cells = (audits.manager_grade, audits.moderated_grade, audits.count)
    return Stats(**_fields(_stats(cells, audits.manager_grade > 0)))


def _stats(cells: Cells, rows: npt.NDArray[np.bool_]) -> DriftStats:
    mgr, mod, count = cells
    conf = confusion_by_group(mgr[rows], mod[rows], weights=count[rows])
    missing = unmoderated_by_group(mod[rows], weights=count[rows])
    return stats_from_confusion(conf, missing)[0]


def _breakdown(key: Key, cells: Cells, rows: npt.NDArray[np.bool_]) -> list[tuple[int, DriftStats]]:
    """Stats per key code among ``rows``, for the codes that occur."""
    mgr, mod, count = cells
    sel = key.codes[rows]
    if sel.size == 0:
        return []
    k = len(key.labels)
    w = count[rows]
    conf = confusion_by_group(mgr[rows], mod[rows], sel, k, weights=w)
    missing = unmoderated_by_group(mod[rows], sel, k, weights=w)
    present = np.flatnonzero(np.bincount(sel, weights=w, minlength=k)[:k] > 0)
    computed = stats_from_confusion(conf[present], missing[present])
    return [(int(g), s) for g, s in zip(present, computed, strict=True)]


def _groups(
    key: Key, cells: Cells, rows: npt.NDArray[np.bool_], *, blank: str = ""
) -> list[GroupStats]:
    out = [
        GroupStats(key=key.labels[code] or blank, **_fields(s))
        for code, s in _breakdown(key, cells, rows)
    ]
    return sorted(out, key=lambda g: natural_key(g.key))


_NO_LENIENCY = Leniency(0, None, None, None, None, False)
"""A manager with no moderated audit among those leniency is estimated on."""


def _leniency_table(audits: AuditCounts, graded: npt.NDArray[np.bool_]) -> LeniencyTable:

    rows = graded & (audits.moderated_grade > 0)
    drift = audits.moderated_grade[rows].astype(np.int64) - audits.manager_grade[rows]
    return manager_leniency(
        drift,
        audits.manager.codes[rows],
        len(audits.manager.labels),
        weights=audits.count[rows],
    )


def _managers(
    audits: AuditCounts,
    graded: npt.NDArray[np.bool_],
    leniency: dict[str, Leniency],
    overrides: dict[str | None, OverrideCounts] | None,
) -> list[ManagerStats]:
    """Every manager with a submitted audit: overall stats, leniency, teams, overrides."""
    mgr = audits.manager
    n_mgr = len(mgr.labels)
    cells: Cells = (audits.manager_grade, audits.moderated_grade, audits.count)
    stats = dict(_breakdown(mgr, cells, graded))
    teams = _teams_of_managers(audits)
    present = np.flatnonzero(np.bincount(mgr.codes, weights=audits.count, minlength=n_mgr) > 0)
    empty = _fields(stats_from_confusion(np.zeros((1, 4, 4), dtype=np.int64))[0])
    out: list[ManagerStats] = []
    for code in present.tolist():
        label = mgr.labels[code]
        le = leniency.get(label, _NO_LENIENCY)
        out.append(
            ManagerStats(
                key=label,
                **(_fields(stats[code]) if code in stats else empty),
                leniency=le.estimate,
                leniency_ci=le.interval,
                optimistic=le.optimistic,
                p_optimistic=le.p_optimistic,
                teams=teams.get(code, []),
                overrides=None if overrides is None else overrides.get(label, OverrideCounts()),
            )
        )
    return sorted(out, key=lambda m: natural_key(m.key))


def _override_counts(
    data: GradeCounts, audits: AuditCounts
) -> dict[str | None, OverrideCounts] | None:
    """Override counts per manager name, and overall under the key None."""
    if data.overrides is None:
        return None
    out: dict[str | None, OverrideCounts] = {}
    total = OverrideCounts()
    for name, (count, raised, lowered) in data.overrides.by_manager.items():
        out[name] = OverrideCounts(count=count, raised=raised, lowered=lowered)
        total = OverrideCounts(
            count=total.count + count, raised=total.raised + raised, lowered=total.lowered + lowered
        )
    out[None] = total
    return out


def _fields(s: DriftStats) -> dict[str, Any]:
    return {
        "n": s.n,
        "exact_agreement": s.exact_agreement,
        "adjacent_agreement": s.adjacent_agreement,
        "downgraded": s.downgraded,
        "upgraded": s.upgraded,
        "to_inadequate": s.to_inadequate,
        "mean_drift": s.mean_drift,
        "mean_drift_ci": s.mean_drift_ci,
        "weighted_kappa": s.weighted_kappa,
        "alpha_ordinal": s.alpha_ordinal,
        "sign_test_p": s.sign_test_p,
        "confusion": s.confusion,
        "not_moderated": s.not_moderated,
    }


def _periods(months: npt.NDArray[np.int64], period: str) -> tuple[npt.NDArray[np.int64], list[str]]:
    """Period code per cell and the period labels (``2020-Q1`` or ``2020-01``)."""
    raw = months // 3 if period == "quarter" else months
    if raw.size == 0:
        return raw.astype(np.int64), []
    values, codes = np.unique(raw, return_inverse=True)
    labels = []
    for v in values.tolist():
        if period == "quarter":
            labels.append(f"{1970 + v // 4}-Q{v % 4 + 1}")
        else:
            labels.append(f"{1970 + v // 12}-{v % 12 + 1:02d}")
    return codes.astype(np.int64).ravel(), labels


def _criterion_key(crit: Any) -> Key:
    """Codes for (rubric, criterion) pairs; labels are the criterion alone when one rubric
    is in play, ``rubric/criterion`` otherwise (so equal ids in different rubrics stay apart)."""
    n_crit = max(len(crit.criterion.labels), 1)
    key = crit.rubric.codes.astype(np.int64) * n_crit + crit.criterion.codes
    if key.size == 0:
        return Key(key, ())
    values, codes = np.unique(key, return_inverse=True)
    single = np.unique(crit.rubric.codes).size <= 1
    labels = []
    for v in values.tolist():
        r, c = divmod(v, n_crit)
        name = crit.criterion.labels[c]
        labels.append(name if single else f"{crit.rubric.labels[r]}/{name}")
    return Key(codes.astype(np.int64).ravel(), tuple(labels))


def _teams_of_managers(audits: AuditCounts) -> dict[int, list[str]]:
    if len(audits) == 0:
        return {}
    n_team = max(len(audits.team.labels), 1)
    combos = np.unique(audits.manager.codes.astype(np.int64) * n_team + audits.team.codes)
    out: dict[int, list[str]] = defaultdict(list)
    for v in combos.tolist():
        m, t = divmod(v, n_team)
        if audits.team.labels[t]:
            out[m].append(audits.team.labels[t])
    return {m: sorted(ts, key=natural_key) for m, ts in out.items()}


def _trend(
    audits: AuditCounts,
    graded: npt.NDArray[np.bool_],
    period_codes: npt.NDArray[np.int64],
    period_labels: list[str],
) -> list[TrendSeries]:
    """Per manager, drift in each period in which they had moderated audits."""
    rows = graded & (audits.moderated_grade > 0)
    p = max(len(period_labels), 1)
    groups = audits.manager.codes[rows].astype(np.int64) * p + period_codes[rows]
    if groups.size == 0:
        return []
    present = np.unique(groups)
    index = np.searchsorted(present, groups)
    conf = confusion_by_group(
        audits.manager_grade[rows],
        audits.moderated_grade[rows],
        index,
        present.size,
        weights=audits.count[rows],
    )
    n, mean, low, high, down = (a.tolist() for a in drift_summary(conf))
    series: dict[int, list[TrendPoint]] = defaultdict(list)
    for i, g in enumerate(present.tolist()):
        m, per = divmod(g, p)
        # Built without validation: thousands of points, every value computed here.
        series[m].append(
            TrendPoint.model_construct(
                period=period_labels[per],
                n=int(n[i]),
                mean_drift=_finite(mean[i]),
                mean_drift_ci=(
                    None if low[i] != low[i] or n[i] < MIN_TREND_N else (low[i], high[i])
                ),
                downgraded=_finite(down[i]),
            )
        )
    out = [
        TrendSeries(key=audits.manager.labels[m], points=sorted(pts, key=lambda t: t.period))
        for m, pts in series.items()
    ]
    return sorted(out, key=lambda t: natural_key(t.key))


def _finite(x: float) -> float | None:
    return None if x != x else x  # NaN is the only value not equal to itself
