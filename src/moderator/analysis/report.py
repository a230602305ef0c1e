"""The drift report: its models (the JSON contract of PRODUCT.md §7) and how it is built.

:func:`build_report` turns a :class:`~moderator.analysis.pairs.PairedGrades`
table (and, from the database, the audit assignments) into a :class:`Report`.
Renderers in :mod:`moderator.reports` print it; ``Report.model_dump_json()`` is
the ``--format json`` output, with top-level keys ``headline``, ``overall``,
``criteria``, ``by_manager``, ``by_team``, ``by_criterion``, ``by_period``,
``coverage``, ``compliance`` and some more (``by_service_area``, ``by_domain``,
``by_rubric``, ``trend``, ``leniency``, ``period``, ``generated_at``,
``filters``, ``source``, ``definitions``).

``overall`` is computed over the ``overall`` criterion rows (one per audit),
``criteria`` over every other row. The manager, team, service-area, rubric and
period breakdowns use the overall rows; the criterion and domain breakdowns use
the criterion rows.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import asdict
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from moderator.analysis.inputs import PERIODS, Assignment, ReportFilters

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from moderator.analysis.pairs import Categorical, PairedGrades
    from moderator.analysis.stats import DriftStats

Period = Literal["month", "quarter"]

DEFINITIONS: dict[str, str] = {
    "drift": "moderated grade minus the manager's grade, in grade steps (Outstanding 1 … "
    "Inadequate 4); positive means the manager was more optimistic than the moderator.",
    "n": "moderated pairs only; audits or criteria without a moderated grade are not counted.",
    "exact_agreement": "share of pairs where the moderated grade equals the manager's grade.",
    "adjacent_agreement": "share of pairs within one grade of each other.",
    "downgraded": "share of pairs the moderator graded worse than the manager.",
    "upgraded": "share of pairs the moderator graded better than the manager.",
    "to_inadequate": "number of pairs moderated to Inadequate from a better manager grade.",
    "mean_drift_ci": "95% Student-t interval for the mean drift (needs 2 or more pairs).",
    "weighted_kappa": "Cohen's weighted kappa with quadratic weights over the four grades; "
    "undefined when both graders used one and the same grade throughout.",
    "alpha_ordinal": "Krippendorff's alpha, ordinal metric, two coders; undefined when every "
    "grade is the same.",
    "sign_test_p": "one-sided exact sign test for optimism (downgrades vs upgrades, ties "
    "dropped); small values mean more downgrades than chance explains.",
    "confusion": "rows: manager's grade Outstanding…Inadequate; columns: moderated grade.",
    "leniency": "the manager's mean overall drift shrunk towards the overall mean "
    "(empirical Bayes, never more than one standard error from the manager's own mean).",
    "leniency_ci": "90% interval for the manager's own mean overall drift (Student-t with a "
    "pooled-variance floor, extended to zero unless the exact sign-flip test excludes it).",
    "optimistic": "true only when the whole leniency interval is above zero: a one-sided 5% "
    "test on the manager's own audits, so a manager who grades like the moderators is "
    "flagged at most 5% of the time whatever their colleagues do.",
    "p_optimistic": "exact one-sided sign-flip (randomisation) p-value of the manager's own "
    "overall drifts; unlike the sign test it weighs a two-grade downgrade more than a "
    "one-grade one. Optimistic needs it at or below 0.05.",
    "coverage": "share of submitted audits that have been moderated (an audit counts as "
    "moderated when its overall grade has a moderated grade).",
    "compliance": "audits assigned against audits submitted by their due date, per manager.",
}


class Stats(BaseModel):
    """Drift statistics for one set of (manager, moderated) pairs. ``None`` = undefined."""

    n: int = Field(description="moderated pairs")
    exact_agreement: float | None
    adjacent_agreement: float | None
    downgraded: float | None
    upgraded: float | None
    to_inadequate: int
    mean_drift: float | None
    mean_drift_ci: tuple[float, float] | None
    weighted_kappa: float | None
    alpha_ordinal: float | None
    sign_test_p: float | None
    confusion: list[list[int]]
    not_moderated: int = Field(0, description="pairs without a moderated grade")

    @property
    def downgraded_count(self) -> int:
        """Pairs the moderator graded worse than the manager."""
        return sum(self.confusion[i][j] for i in range(4) for j in range(4) if j > i)

    @property
    def upgraded_count(self) -> int:
        """Pairs the moderator graded better than the manager."""
        return sum(self.confusion[i][j] for i in range(4) for j in range(4) if j < i)

    @property
    def exact_count(self) -> int:
        """Pairs on which manager and moderator agreed exactly."""
        return sum(self.confusion[i][i] for i in range(4))


class GroupStats(Stats):
    """Stats for one group of a breakdown (a team, a criterion, a period …)."""

    key: str


class ManagerStats(GroupStats):
    """A manager's stats over their overall grades, with their leniency."""

    leniency: float | None = None
    leniency_ci: tuple[float, float] | None = None
    optimistic: bool = False
    p_optimistic: float | None = Field(
        None, description="exact one-sided sign-flip p-value of the manager's own drift"
    )
    teams: list[str] = Field(default_factory=list)


class CoverageRow(BaseModel):
    """Moderation coverage of one manager or team."""

    key: str
    submitted: int
    moderated: int
    rate: float | None
    meets_target: bool | None


class Coverage(BaseModel):
    """Share of submitted audits that were moderated, against a target."""

    target: float
    submitted: int
    moderated: int
    rate: float | None
    meets_target: bool | None
    by_manager: list[CoverageRow] = Field(default_factory=list)
    by_team: list[CoverageRow] = Field(default_factory=list)


class ComplianceRow(BaseModel):
    """One manager's assigned audits and what became of them."""

    key: str
    assigned: int
    submitted: int
    on_time: int
    late: int
    overdue: int = Field(description="not submitted and past the due date")
    pending: int = Field(description="not submitted, not yet due")
    on_time_rate: float | None = Field(
        description="on time / (on time + late + overdue); pending audits are not counted"
    )


class Compliance(BaseModel):
    """Audits assigned vs submitted on time. Unavailable (nulls) without assignment data."""

    available: bool
    as_of: date | None = None
    assigned: int | None = None
    submitted: int | None = None
    on_time: int | None = None
    late: int | None = None
    overdue: int | None = None
    pending: int | None = None
    on_time_rate: float | None = None
    by_manager: list[ComplianceRow] = Field(default_factory=list)
    note: str | None = None


class TrendPoint(BaseModel):
    """Drift in one period."""

    period: str
    n: int
    mean_drift: float | None
    mean_drift_ci: tuple[float, float] | None
    downgraded: float | None


class TrendSeries(BaseModel):
    """A manager's drift period by period."""

    key: str
    points: list[TrendPoint]


class LeniencySummary(BaseModel):
    """How the per-manager leniency was computed."""

    level: float = Field(description="two-sided level of leniency_ci")
    centre: float | None = Field(description="overall mean drift the estimates shrink towards")
    between_sd: float | None = Field(description="estimated spread of true leniency")
    optimistic: list[str] = Field(description="managers flagged optimistic")


class Filters(BaseModel):
    """The filters the report was built with."""

    since: date | None = None
    until: date | None = None
    team: str | None = None
    rubric: str | None = None


class Report(BaseModel):
    """The drift report (PRODUCT.md §6-7)."""

    headline: str
    overall: Stats
    criteria: Stats
    by_manager: list[ManagerStats]
    by_team: list[GroupStats]
    by_criterion: list[GroupStats]
    by_period: list[GroupStats]
    coverage: Coverage
    compliance: Compliance
    by_service_area: list[GroupStats] = Field(default_factory=list)
    by_domain: list[GroupStats] = Field(default_factory=list)
    by_rubric: list[GroupStats] = Field(default_factory=list)
    trend: list[TrendSeries] = Field(default_factory=list)
    leniency: LeniencySummary | None = None
    period: Period = "quarter"
    audits: int = Field(0, description="submitted audits in the report")
    generated_at: datetime
    filters: Filters = Field(default_factory=Filters)
    source: str | None = None
    definitions: dict[str, str] = Field(default_factory=lambda: dict(DEFINITIONS))


# ----------------------------------------------------------------------------- building


def apply_filters(pairs: PairedGrades, filters: ReportFilters | None) -> PairedGrades:
    """The rows of ``pairs`` that pass ``filters`` (dates inclusive; names case-insensitive)."""
    import numpy as np

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
    pairs: PairedGrades,
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
        pairs: the paired grades (unfiltered; ``filters`` are applied here).
        assignments: audit assignments for the compliance figures; None when the
            source has none (a paired-grades CSV), which makes compliance unavailable.
        coverage_target: the share of submitted audits that should be moderated.
        period: ``"month"`` or ``"quarter"`` for ``by_period`` and ``trend``.
        filters: since/until (``audited_on``), team, rubric.
        source: where the pairs came from, for the record.
        as_of: the date compliance is judged at (default today).
        generated_at: timestamp to record (default now, UTC).
    """
    import numpy as np

    from moderator.analysis.leniency import manager_leniency
    from moderator.analysis.stats import (
        confusion_by_group,
        stats_from_confusion,
        unmoderated_by_group,
    )

    if period not in PERIODS:
        from moderator.errors import UsageProblem

        raise UsageProblem(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    filters = filters or ReportFilters()
    pairs = apply_filters(pairs, filters)
    overall_rows = pairs.is_overall
    criterion_rows = ~overall_rows

    def stats_of(rows: npt.NDArray[np.bool_]) -> Stats:
        conf = confusion_by_group(pairs.manager_grade[rows], pairs.moderated_grade[rows])
        missing = unmoderated_by_group(pairs.moderated_grade[rows])
        return _stats(stats_from_confusion(conf, missing)[0])

    def breakdown(
        codes: npt.NDArray[Any], labels: list[str], rows: npt.NDArray[np.bool_]
    ) -> list[tuple[str, DriftStats]]:
        """Stats per group code among ``rows``, for the codes that occur, sorted by label."""
        sel = codes[rows]
        if sel.size == 0:
            return []
        k = len(labels)
        conf = confusion_by_group(pairs.manager_grade[rows], pairs.moderated_grade[rows], sel, k)
        missing = unmoderated_by_group(pairs.moderated_grade[rows], sel, k)
        present = np.flatnonzero(np.bincount(sel, minlength=k)[:k] > 0)
        computed = stats_from_confusion(conf[present], missing[present])
        out = [(labels[int(g)], s) for g, s in zip(present, computed, strict=True)]
        return sorted(out, key=lambda item: _sort_key(item[0]))

    def by_category(cat: Categorical, rows: npt.NDArray[np.bool_]) -> list[GroupStats]:
        return [
            GroupStats(key=label or "(none)", **_fields(s))
            for label, s in breakdown(cat.codes, list(cat.levels), rows)
        ]

    # Period codes and labels.
    period_codes, period_labels = _periods(pairs.audited_on, period)

    # Criteria: group by (rubric, criterion) so equal ids in different rubrics stay apart.
    crit_codes, crit_labels = _combined(pairs.rubric, pairs.criterion, criterion_rows)

    overall = stats_of(overall_rows)
    criteria = stats_of(criterion_rows)

    # Managers: overall stats plus leniency from overall moderated drifts.
    mgr = pairs.manager
    n_mgr = len(mgr.levels)
    moderated_overall = overall_rows & pairs.is_moderated
    table = manager_leniency(pairs.drift[moderated_overall], mgr.codes[moderated_overall], n_mgr)
    manager_stats = dict(breakdown(mgr.codes, list(mgr.levels), overall_rows))
    teams_of = _teams_of_managers(pairs)
    present_managers = np.flatnonzero(np.bincount(mgr.codes, minlength=n_mgr)[:n_mgr] > 0)
    by_manager: list[ManagerStats] = []
    empty = _empty_stats()
    for code in present_managers.tolist():
        label = mgr.levels[code]
        stats = manager_stats.get(label)
        fields = _fields(stats) if stats is not None else empty
        le = table.managers[code]
        by_manager.append(
            ManagerStats(
                key=label,
                **fields,
                leniency=le.estimate,
                leniency_ci=le.interval,
                optimistic=le.optimistic,
                p_optimistic=le.p_optimistic,
                teams=teams_of.get(code, []),
            )
        )
    by_manager.sort(key=lambda m: _sort_key(m.key))

    by_period = [
        GroupStats(key=label, **_fields(s))
        for label, s in breakdown(period_codes, period_labels, overall_rows)
    ]
    by_period.sort(key=lambda g: g.key)

    by_domain: list[GroupStats] = []
    if pairs.domain is not None:
        by_domain = by_category(pairs.domain, criterion_rows)

    coverage = _coverage(pairs, overall_rows, coverage_target)
    compliance = _compliance(assignments, filters, as_of or date.today())
    trend = _trend(pairs, overall_rows, period_codes, period_labels)
    flagged = [m.key for m in by_manager if m.optimistic]
    measured = sum(1 for m in by_manager if m.leniency_ci is not None)
    audits = coverage.submitted

    return Report(
        headline=compose_headline(overall, criteria, coverage, audits, len(flagged), measured),
        overall=overall,
        criteria=criteria,
        by_manager=by_manager,
        by_team=by_category(pairs.team, overall_rows),
        by_criterion=[
            GroupStats(key=label, **_fields(s))
            for label, s in breakdown(crit_codes, crit_labels, criterion_rows)
        ],
        by_period=by_period,
        coverage=coverage,
        compliance=compliance,
        by_service_area=by_category(pairs.service_area, overall_rows),
        by_domain=by_domain,
        by_rubric=by_category(pairs.rubric, overall_rows),
        trend=trend,
        leniency=LeniencySummary(
            level=table.level,
            centre=table.centre,
            between_sd=table.between_sd,
            optimistic=flagged,
        ),
        period=period,
        audits=audits,
        generated_at=generated_at or datetime.now(UTC).replace(microsecond=0),
        filters=Filters(**asdict(filters)),
        source=source,
    )


def _stats(s: DriftStats) -> Stats:
    return Stats(**_fields(s))


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


def _empty_stats() -> dict[str, Any]:
    import numpy as np

    from moderator.analysis.stats import stats_from_confusion

    return _fields(stats_from_confusion(np.zeros((1, 4, 4), dtype=np.int64))[0])


def _sort_key(label: str) -> tuple[tuple[int, int | str], ...]:
    """Natural order, case-insensitive: team2 before team10."""
    parts = re.split(r"(\d+)", label.casefold())
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts if p)


def _periods(
    audited_on: npt.NDArray[np.datetime64], period: str
) -> tuple[npt.NDArray[np.int64], list[str]]:
    """Period index per row and the period labels (``2020-Q1`` or ``2020-01``)."""
    import numpy as np

    months = audited_on.astype("datetime64[M]").astype(np.int64)
    raw = months // 3 if period == "quarter" else months
    if raw.size == 0:
        return raw, []
    values, codes = np.unique(raw, return_inverse=True)
    labels = []
    for v in values.tolist():
        if period == "quarter":
            labels.append(f"{1970 + v // 4}-Q{v % 4 + 1}")
        else:
            labels.append(f"{1970 + v // 12}-{v % 12 + 1:02d}")
    return codes.astype(np.int64).ravel(), labels


def _combined(
    rubric: Categorical, criterion: Categorical, rows: npt.NDArray[np.bool_]
) -> tuple[npt.NDArray[np.int64], list[str]]:
    """Codes for (rubric, criterion) pairs; labels are the criterion alone when one rubric
    is in play among ``rows``, ``rubric/criterion`` otherwise."""
    import numpy as np

    key = rubric.codes.astype(np.int64) * max(len(criterion.levels), 1) + criterion.codes
    if key.size == 0:
        return key, []
    values, codes = np.unique(key, return_inverse=True)
    rubrics_in_play = np.unique(rubric.codes[rows]) if rows.any() else np.array([], dtype=int)
    single = rubrics_in_play.size <= 1
    n_crit = max(len(criterion.levels), 1)
    labels = []
    for v in values.tolist():
        r, c = divmod(v, n_crit)
        labels.append(
            criterion.levels[c] if single else f"{rubric.levels[r]}/{criterion.levels[c]}"
        )
    return codes.astype(np.int64).ravel(), labels


def _teams_of_managers(pairs: PairedGrades) -> dict[int, list[str]]:
    import numpy as np

    if len(pairs) == 0:
        return {}
    n_team = max(len(pairs.team.levels), 1)
    combos = np.unique(pairs.manager.codes.astype(np.int64) * n_team + pairs.team.codes)
    out: dict[int, list[str]] = defaultdict(list)
    for v in combos.tolist():
        m, t = divmod(v, n_team)
        if pairs.team.levels[t]:
            out[m].append(pairs.team.levels[t])
    return {m: sorted(ts, key=_sort_key) for m, ts in out.items()}


def _coverage(pairs: PairedGrades, overall_rows: npt.NDArray[np.bool_], target: float) -> Coverage:
    """Audits submitted vs moderated, overall, per manager and per team."""
    import numpy as np

    audit = pairs.audit_id.codes
    n_a = len(pairs.audit_id.levels)
    if len(pairs) == 0 or n_a == 0:
        return Coverage(target=target, submitted=0, moderated=0, rate=None, meets_target=None)
    moderated = pairs.is_moderated
    present = np.bincount(audit, minlength=n_a)[:n_a] > 0
    has_overall = np.bincount(audit[overall_rows], minlength=n_a)[:n_a] > 0
    mod_overall = np.bincount(audit[overall_rows & moderated], minlength=n_a)[:n_a] > 0
    mod_any = np.bincount(audit[moderated], minlength=n_a)[:n_a] > 0
    is_moderated = present & np.where(has_overall, mod_overall, mod_any)
    manager_of = np.zeros(n_a, dtype=np.int64)
    manager_of[audit] = pairs.manager.codes
    team_of = np.zeros(n_a, dtype=np.int64)
    team_of[audit] = pairs.team.codes

    def rows(of: npt.NDArray[np.int64], labels: tuple[str, ...]) -> list[CoverageRow]:
        k = len(labels)
        sub = np.bincount(of[present], minlength=k)[:k]
        mod = np.bincount(of[is_moderated], minlength=k)[:k]
        out = []
        for code in np.flatnonzero(sub > 0).tolist():
            rate = float(mod[code] / sub[code])
            out.append(
                CoverageRow(
                    key=labels[code] or "(none)",
                    submitted=int(sub[code]),
                    moderated=int(mod[code]),
                    rate=rate,
                    meets_target=rate >= target,
                )
            )
        return sorted(out, key=lambda r: _sort_key(r.key))

    submitted = int(present.sum())
    moderated_count = int(is_moderated.sum())
    rate = moderated_count / submitted if submitted else None
    return Coverage(
        target=target,
        submitted=submitted,
        moderated=moderated_count,
        rate=rate,
        meets_target=None if rate is None else rate >= target,
        by_manager=rows(manager_of, pairs.manager.levels),
        by_team=rows(team_of, pairs.team.levels),
    )


def _compliance(
    assignments: list[Assignment] | None, filters: ReportFilters, as_of: date
) -> Compliance:
    """Assigned vs submitted on time, per manager (unavailable without assignments)."""
    if assignments is None:
        return Compliance(
            available=False,
            note="No assignment data in this source (a paired-grades CSV has none), "
            "so compliance cannot be measured.",
        )
    team = filters.team.strip().casefold() if filters.team else None
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for a in assignments:
        if team and a.team.strip().casefold() != team:
            continue
        if filters.since and a.due < filters.since:
            continue
        if filters.until and a.due > filters.until:
            continue
        c = counts[a.manager]
        c["assigned"] += 1
        if a.submitted_on is not None:
            c["submitted"] += 1
            c["on_time" if a.submitted_on <= a.due else "late"] += 1
        elif a.due < as_of:
            c["overdue"] += 1
        else:
            c["pending"] += 1

    def rate(c: Counter[str]) -> float | None:
        judged = c["on_time"] + c["late"] + c["overdue"]
        return c["on_time"] / judged if judged else None

    rows = [
        ComplianceRow(
            key=manager,
            assigned=c["assigned"],
            submitted=c["submitted"],
            on_time=c["on_time"],
            late=c["late"],
            overdue=c["overdue"],
            pending=c["pending"],
            on_time_rate=rate(c),
        )
        for manager, c in counts.items()
    ]
    rows.sort(key=lambda r: _sort_key(r.key))
    total: Counter[str] = Counter()
    for c in counts.values():
        total.update(c)
    return Compliance(
        available=True,
        as_of=as_of,
        assigned=total["assigned"],
        submitted=total["submitted"],
        on_time=total["on_time"],
        late=total["late"],
        overdue=total["overdue"],
        pending=total["pending"],
        on_time_rate=rate(total),
        by_manager=rows,
        note=None if rows else "No audits were assigned in this period.",
    )


def _trend(
    pairs: PairedGrades,
    overall_rows: npt.NDArray[np.bool_],
    period_codes: npt.NDArray[np.int64],
    period_labels: list[str],
) -> list[TrendSeries]:
    """Per manager, drift in each period in which they had moderated audits."""
    import numpy as np

    from moderator.analysis.stats import confusion_by_group, stats_from_confusion

    rows = overall_rows & pairs.is_moderated
    p = max(len(period_labels), 1)
    groups = pairs.manager.codes[rows].astype(np.int64) * p + period_codes[rows]
    if groups.size == 0:
        return []
    present = np.unique(groups)
    index = np.searchsorted(present, groups)
    conf = confusion_by_group(
        pairs.manager_grade[rows], pairs.moderated_grade[rows], index, present.size
    )
    computed = stats_from_confusion(conf)
    series: dict[int, list[TrendPoint]] = defaultdict(list)
    for g, s in zip(present.tolist(), computed, strict=True):
        m, per = divmod(g, p)
        series[m].append(
            TrendPoint(
                period=period_labels[per],
                n=s.n,
                mean_drift=s.mean_drift,
                mean_drift_ci=s.mean_drift_ci,
                downgraded=s.downgraded,
            )
        )
    out = [
        TrendSeries(key=pairs.manager.levels[m], points=sorted(points, key=lambda t: t.period))
        for m, points in series.items()
    ]
    return sorted(out, key=lambda t: _sort_key(t.key))


# ----------------------------------------------------------------------------- headline


def _pct(x: float) -> str:
    return f"{int(x * 100 + 0.5)}%"


def _plural(n: int, one: str, many: str | None = None) -> str:
    return one if n == 1 else (many or one + "s")


def compose_headline(
    overall: Stats,
    criteria: Stats,
    coverage: Coverage,
    audits: int,
    flagged: int = 0,
    measured: int = 0,
) -> str:
    """A plain-English summary in the inspectors' register, from the numbers only.

    e.g. "Moderators downgraded 19 of 24 audits (79%); 15 were rated inadequate.
    Only 48% of submitted audits were moderated (target 50%)."
    """
    if audits == 0:
        return "There are no submitted audits in this report."
    sentences: list[str] = []
    stats, noun = overall, "audit"
    if overall.n == 0 and criteria.n > 0:
        stats, noun = criteria, "criterion grade"
    n = stats.n
    if n == 0:
        sentences.append(
            f"None of the {audits} submitted {_plural(audits, 'audit')} "
            f"{'has' if audits == 1 else 'have'} been moderated, so grading drift cannot "
            "yet be measured."
        )
    else:
        sentences.append(_drift_sentence(stats, noun))
    if coverage.rate is not None and n > 0:
        share = f"{_pct(coverage.rate)} of submitted audits were moderated"
        target = f"(target {_pct(coverage.target)})"
        if coverage.rate < coverage.target:
            sentences.append(f"Only {share} {target}.")
        else:
            sentences.append(f"{share[0].upper()}{share[1:]} {target}.")
    if flagged:
        sentences.append(
            f"{flagged} of {measured} {_plural(measured, 'manager')}' grades are consistently "
            "more optimistic than the moderators'."
            if measured != 1
            else "The one manager with enough moderated audits grades consistently more "
            "optimistically than the moderators."
        )
    return " ".join(sentences)


def _drift_sentence(stats: Stats, noun: str) -> str:
    n = stats.n
    down, up, inadequate = stats.downgraded_count, stats.upgraded_count, stats.to_inadequate
    nouns = _plural(n, noun)
    if n == 1:
        if down:
            to = " to Inadequate" if inadequate else ""
            return f"The only moderated {noun} was downgraded{to} by the moderator."
        if up:
            return f"The only moderated {noun} was upgraded by the moderator."
        return f"The moderator agreed with the manager's grade on the only moderated {noun}."
    if down == 0 and up == 0:
        return f"Moderators agreed with the managers' grades on all {n} moderated {nouns}."
    if down == 0:
        return (
            f"Moderators downgraded none of the {n} moderated {nouns} and upgraded "
            f"{up} ({_pct(up / n)})."
        )
    text = f"Moderators downgraded {down} of {n} {nouns} ({_pct(down / n)})"
    if up:
        text += f" and upgraded {up} ({_pct(up / n)})"
    if inadequate:
        verb = "was" if inadequate == 1 else "were"
        if inadequate == down and down > 1:
            text += f"; all {down} {verb} rated inadequate"
        else:
            text += f"; {inadequate} {verb} rated inadequate"
    return text + "."
