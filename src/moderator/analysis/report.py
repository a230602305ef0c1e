"""The drift report's model: the JSON contract of ``moderator report --format json``.

:func:`moderator.analysis.build.build_report` builds a :class:`Report` from
count tables (and, from the database, the audit assignments). Renderers in :mod:`moderator.reports` print it; ``Report.model_dump_json()`` is
the ``--format json`` output, with top-level keys ``headline``, ``overall``,
``criteria``, ``by_manager``, ``by_team``, ``by_criterion``, ``by_period``,
``coverage``, ``compliance`` and some more (``by_service_area``, ``by_domain``,
``by_rubric``, ``trend``, ``leniency``, ``period``, ``generated_at``,
``filters``, ``source``, ``definitions``, ``authority``, ``labels``,
``interventions``). ``overall`` and each ``by_manager``
entry carry ``overrides`` (null when the source has no override information).

``overall`` is computed over the ``overall`` criterion rows (one per audit),
``criteria`` over every other row. The manager, team, service-area, rubric and
period breakdowns use the overall rows; the criterion and domain breakdowns use
the criterion rows.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from moderator.analysis.calibration import CalibrationSummary
from moderator.analysis.drift_stats import DriftStats

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
    "mean_drift_ci": "95% Student-t interval for the mean drift (needs 2 or more pairs), "
    "clipped to the scale (-3 to +3 grade steps); trend charts draw it from 5 pairs on.",
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
    "intervention": "drift on overall grades of audits submitted in a window before an "
    "intervention's date and from it on; the difference is after minus before (negative: "
    "managers became less optimistic) with a Welch 95% interval.",
    "overrides": "overall grades the manager set by hand instead of the grade the rubric "
    "derives from the criterion grades (count), and how many of those were better than the "
    "derived grade (raised) or worse (lowered); null when the source does not record them.",
}


class Stats(DriftStats):
    """Drift statistics for one set of (manager, moderated) pairs. ``None`` = undefined.

    The fields and their meaning are those of :class:`~moderator.analysis.stats.DriftStats`.
    """


class OverrideCounts(BaseModel):
    """Overall grades set by hand rather than derived from the criterion grades."""

    count: int = Field(0, description="overall grades set by hand (overrides)")
    raised: int = Field(0, description="overrides better than the derived grade")
    lowered: int = Field(0, description="overrides worse than the derived grade")


class OverallStats(Stats):
    """Stats over every audit's overall grade, with the overrides."""

    overrides: OverrideCounts | None = None


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
    overrides: OverrideCounts | None = None


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


class InterventionEffect(BaseModel):
    """Drift on overall grades in a window before and after one intervention."""

    date: date
    title: str
    team: str | None = Field(None, description="the team it was aimed at; null = every team")
    window_days: int
    before: Stats = Field(description="audits submitted in the window_days before the date")
    after: Stats = Field(description="audits submitted on the date and the window_days after")
    drift_difference: float | None = Field(description="after − before mean drift")
    drift_difference_ci: tuple[float, float] | None = Field(description="Welch 95% interval")


class Labels(BaseModel):
    """Words for the ids the breakdowns are keyed by (renderers show these, JSON keeps ids)."""

    criteria: dict[str, str] = Field(default_factory=dict)
    domains: dict[str, str] = Field(default_factory=dict)
    service_areas: dict[str, str] = Field(default_factory=dict)
    rubrics: dict[str, str] = Field(default_factory=dict)


class Filters(BaseModel):
    """The filters the report was built with."""

    since: date | None = None
    until: date | None = None
    team: str | None = None
    rubric: str | None = None


class Report(BaseModel):
    """The drift report."""

    headline: str
    overall: OverallStats
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
    calibration_left_out: int = Field(
        0,
        description="submitted calibration audits the filters take in but the figures leave "
        "out (they are measured against agreed grades instead; databases only)",
    )
    generated_at: datetime
    filters: Filters = Field(default_factory=Filters)
    source: str | None = None
    definitions: dict[str, str] = Field(default_factory=lambda: dict(DEFINITIONS))
    authority: str | None = Field(None, description="the authority the report is about")
    covers: str | None = Field(
        None,
        description="whose audits the figures cover when not the whole authority's, for the "
        "title (\"Naomi Okonkwo's audits only\"); null for a lead's report or a CSV",
    )
    labels: Labels = Field(default_factory=Labels)
    interventions: list[InterventionEffect] = Field(default_factory=list)
    calibration: CalibrationSummary | None = Field(
        None, description="distance from agreed grades per manager (databases with calibration)"
    )
