"""Shared presentation of report numbers: columns, labels and number formats.

Every renderer (Markdown, HTML, XLSX, and the CLI's terminal table) lays out
the same columns with the same headings, so a lead sees the same report
whichever format they open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from moderator.analysis.report import GroupStats, ManagerStats, Report, Stats
from moderator.domain.grades import Grade
from moderator.domain.service_areas import SERVICE_AREAS as SERVICE_AREAS
from moderator.domain.service_areas import service_area_label as service_area_label

Kind = Literal["text", "int", "pct", "signed", "num", "ci", "p", "flag"]

GRADE_LABELS: tuple[str, ...] = tuple(g.label for g in Grade)
GRADE_SHORT: tuple[str, ...] = tuple(g.short for g in Grade)


@dataclass(frozen=True)
class Column:
    """One column of a report table."""

    heading: str
    kind: Kind
    get: Callable[[Any], Any]
    width: int = 12


STATS_COLUMNS: tuple[Column, ...] = (
    Column("Moderated", "int", lambda s: s.n, 10),
    Column("Agreed", "pct", lambda s: s.exact_agreement, 8),
    Column("Within one", "pct", lambda s: s.adjacent_agreement, 10),
    Column("Downgraded", "pct", lambda s: s.downgraded, 11),
    Column("Upgraded", "pct", lambda s: s.upgraded, 9),
    Column("To Inadequate", "int", lambda s: s.to_inadequate, 13),
    Column("Mean drift", "signed", lambda s: s.mean_drift, 10),
    Column("95% CI", "ci", lambda s: s.mean_drift_ci, 16),
    Column("Kappa (quadratic)", "num", lambda s: s.weighted_kappa, 16),
    Column("Alpha (ordinal)", "num", lambda s: s.alpha_ordinal, 15),
    Column("Sign test p", "p", lambda s: s.sign_test_p, 11),
)

KEY_COLUMN = Column("", "text", lambda s: s.key, 28)

LENIENCY_COLUMNS: tuple[Column, ...] = (
    Column("Manager", "text", lambda m: m.key, 24),
    Column("Moderated", "int", lambda m: m.n, 10),
    Column("Mean drift", "signed", lambda m: m.mean_drift, 10),
    Column("Leniency", "signed", lambda m: m.leniency, 10),
    Column("90% interval", "ci", lambda m: m.leniency_ci, 16),
    Column("Optimistic", "flag", lambda m: m.optimistic, 10),
    Column("Exact p", "p", lambda m: m.p_optimistic, 8),
    Column("Downgraded", "pct", lambda m: m.downgraded, 11),
    Column("To Inadequate", "int", lambda m: m.to_inadequate, 13),
    Column("Overrides", "int", lambda m: m.overrides.count if m.overrides else None, 10),
    Column("Raised", "int", lambda m: m.overrides.raised if m.overrides else None, 7),
)
"""Per manager. ``Overrides``: overall grades set by hand; ``Raised``: of those, better
than the grade the rubric derives (en dash when the source does not record overrides)."""

COVERAGE_COLUMNS: tuple[Column, ...] = (
    Column("", "text", lambda r: r.key, 28),
    Column("Submitted", "int", lambda r: r.submitted, 10),
    Column("Moderated", "int", lambda r: r.moderated, 10),
    Column("Coverage", "pct", lambda r: r.rate, 9),
    Column("Meets target", "flag", lambda r: r.meets_target, 12),
)

COMPLIANCE_COLUMNS: tuple[Column, ...] = (
    Column("Manager", "text", lambda r: r.key, 24),
    Column("Assigned", "int", lambda r: r.assigned, 9),
    Column("Submitted", "int", lambda r: r.submitted, 10),
    Column("On time", "int", lambda r: r.on_time, 8),
    Column("Late", "int", lambda r: r.late, 6),
    Column("Overdue", "int", lambda r: r.overdue, 8),
    Column("Not yet due", "int", lambda r: r.pending, 11),
    Column("On-time rate", "pct", lambda r: r.on_time_rate, 12),
)

INTERVENTION_COLUMNS: tuple[Column, ...] = (
    Column("Date", "text", lambda i: i.date.isoformat(), 11),
    Column("Intervention", "text", lambda i: i.title, 30),
    Column("Team", "text", lambda i: i.team or "every team", 16),
    Column("Before: n", "int", lambda i: i.before.n, 9),
    Column("Before: drift", "signed", lambda i: i.before.mean_drift, 12),
    Column("After: n", "int", lambda i: i.after.n, 9),
    Column("After: drift", "signed", lambda i: i.after.mean_drift, 12),
    Column("Change", "signed", lambda i: i.drift_difference, 8),
    Column("95% CI", "ci", lambda i: i.drift_difference_ci, 16),
)
"""Per intervention: mean drift in the window before and after, and the change."""


def with_key(heading: str, names: dict[str, str] | None = None) -> tuple[Column, ...]:
    """The stats columns preceded by a key column with the given heading, showing each
    key's word from ``names`` (the key itself when it has none)."""
    if not names:
        return (Column(heading, "text", KEY_COLUMN.get, KEY_COLUMN.width), *STATS_COLUMNS)
    words = names

    def get(s: Any) -> str:
        key = str(s.key)
        return words.get(key, key)

    return (Column(heading, "text", get, KEY_COLUMN.width), *STATS_COLUMNS)


def names_for(report: Report, attribute: str) -> dict[str, str]:
    """Words for the keys of one breakdown (criterion, domain and rubric titles, service
    areas)."""
    if attribute == "by_criterion":
        return report.labels.criteria
    if attribute == "by_domain":
        return report.labels.domains
    if attribute == "by_rubric":
        return report.labels.rubrics
    if attribute == "by_service_area":
        return {g.key: service_area_label(g.key) for g in report.by_service_area} | (
            report.labels.service_areas
        )
    return {}


def labelled(report: Report, attribute: str) -> list[GroupStats]:
    """A breakdown with each key replaced by its word (for charts)."""
    names = names_for(report, attribute)
    return [
        g.model_copy(update={"key": names.get(g.key, g.key)}) for g in breakdown(report, attribute)
    ]


BREAKDOWNS: tuple[tuple[str, str, str], ...] = (
    ("by_team", "Teams", "Team"),
    ("by_criterion", "Criteria", "Criterion"),
    ("by_domain", "Domains", "Domain"),
    ("by_service_area", "Service areas", "Service area"),
    ("by_rubric", "Rubrics", "Rubric"),
    ("by_period", "Periods", "Period"),
)
"""(report attribute, section title, key heading) of the plain breakdown tables."""


def fmt(value: Any, kind: Kind) -> str:
    """A value as text; undefined values print as an en dash, never as a made-up number."""
    if value is None:
        return "–"
    if kind == "int":
        return f"{int(value):,}"
    if kind == "pct":
        return f"{value * 100:.0f}%"
    if kind == "signed":
        return f"{value:+.2f}"
    if kind == "num":
        return f"{value:.2f}"
    if kind == "ci":
        low, high = value
        return f"{low:+.2f} to {high:+.2f}"
    if kind == "p":
        return "<0.001" if value < 0.001 else f"{value:.3f}"
    if kind == "flag":
        return "yes" if value else "no"
    return str(value)


def row(obj: Any, columns: tuple[Column, ...]) -> list[str]:
    """One table row as text."""
    return [fmt(c.get(obj), c.kind) for c in columns]


def summary_columns() -> tuple[Column, ...]:
    """Columns for :func:`summary_rows`: a label, then the stats columns."""

    def label(r: tuple[str, Stats]) -> str:
        return r[0]

    def lift(c: Column) -> Column:
        def get(r: tuple[str, Stats]) -> Any:
            return c.get(r[1])

        return Column(c.heading, c.kind, get, c.width)

    return (Column("", "text", label, 18), *(lift(c) for c in STATS_COLUMNS))


def summary_rows(report: Report) -> list[tuple[str, Stats]]:
    """The two summary rows: overall grades and criterion grades."""
    return [("Overall grades", report.overall), ("Criterion grades", report.criteria)]


def managers_by_leniency(report: Report) -> list[ManagerStats]:
    """Managers, most lenient first (those without an estimate last)."""
    return sorted(
        report.by_manager,
        key=lambda m: (m.leniency is None, -(m.leniency or 0.0), m.key.casefold()),
    )


MIN_RANKED_N = 5
"""A criterion needs this many moderated pairs to be ranked among those that drift most."""


RANKING_RULE = (
    "Ranked on the lower end of the 95% interval, so a criterion with a handful of pairs "
    f"cannot top the list; under {MIN_RANKED_N} pairs last"
)
"""The ranking of criteria in words, for every place that lists them in that order."""


def criteria_ranked(groups: Sequence[GroupStats]) -> list[GroupStats]:
    """Every criterion, the surest drift first: by the lower end of its 95% interval.

    A criterion with a handful of pairs has a wide interval, so it cannot top the list
    on a lucky mean. Criteria with fewer than :data:`MIN_RANKED_N` pairs, or no interval,
    come after the rest (in the same order among themselves). The report's "criteria
    that drift most" and the dashboard's criteria tab both list criteria in this order.
    """

    def key(g: GroupStats) -> tuple[bool, bool, float, int, str]:
        ci = g.mean_drift_ci
        return (g.n < MIN_RANKED_N, ci is None, -(ci[0] if ci else 0.0), -g.n, g.key)

    return sorted(groups, key=key)


def criteria_drifting_most(report: Report, top: int = 5) -> list[GroupStats]:
    """The criteria whose drift is surely largest: the first of :func:`criteria_ranked`
    with :data:`MIN_RANKED_N` pairs or more and an interval above zero."""
    ranked = [
        g
        for g in criteria_ranked(report.by_criterion)
        if g.n >= MIN_RANKED_N and g.mean_drift_ci is not None and g.mean_drift_ci[0] > 0
    ]
    return ranked[:top]


def period_of(day: date, period: str) -> str:
    """The report's period label a date falls in (``2026-Q4`` or ``2026-11``)."""
    if period == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}-{day.month:02d}"


def intervention_markers(report: Report) -> list[tuple[str, str]]:
    """(period, title) of each intervention, for the trend chart's markers."""
    return [
        (period_of(i.date, report.period), f"{i.date.isoformat()} {i.title}")
        for i in report.interventions
    ]


def breakdown(report: Report, attribute: str) -> list[GroupStats]:
    """One of the plain breakdown lists by attribute name."""
    value: list[GroupStats] = getattr(report, attribute)
    return value


def describe_filters(report: Report) -> str:
    """The filters as a phrase, or "all audits"."""
    f = report.filters
    parts = []
    if f.team:
        parts.append(f"team {f.team}")
    if f.rubric:
        parts.append(f"rubric {f.rubric}")
    if f.since:
        parts.append(f"audited on or after {f.since.isoformat()}")
    if f.until:
        parts.append(f"audited on or before {f.until.isoformat()}")
    return "; ".join(parts) if parts else "all audits"


def title(report: Report) -> str:
    """The report's title, naming the authority when it is known, and whose audits it
    covers when not all of them (a manager's report: her own audits only)."""
    base = f"{report.authority}: grade drift" if report.authority else "Grade drift report"
    return f"{base} — {report.covers}" if report.covers else base


def covered_period(report: Report) -> str:
    """The period the figures cover, from the filters or else the periods present."""
    f = report.filters
    if f.since or f.until:
        start = f.since.isoformat() if f.since else "the first audit"
        end = f.until.isoformat() if f.until else "today"
        return f"{start} to {end}"
    keys = [g.key for g in report.by_period]
    if not keys:
        return "no audits yet"
    return keys[0] if len(keys) == 1 else f"{keys[0]} to {keys[-1]}"


def caption(report: Report) -> str:
    """A one-line description under the title (which names the authority): what, when;
    never where the data was read from."""
    when = report.generated_at.strftime("%Y-%m-%d %H:%M UTC")
    left_out = calibration_left_out(report)
    return (
        f"{describe_filters(report).capitalize()}, {covered_period(report)}; "
        f"{report.audits:,} submitted audits{f' ({left_out})' if left_out else ''}; "
        f"by {report.period}; generated {when}."
    )


def calibration_left_out(report: Report) -> str:
    """How many submitted calibration audits the figures leave out, as a phrase ("2
    calibration audits not counted"); empty when none are."""
    n = report.calibration_left_out
    if not n:
        return ""
    return f"{n:,} calibration audit{'' if n == 1 else 's'} not counted"


def overrides_line(report: Report) -> str | None:
    """One sentence on overall grades set by hand, or None when the source has no record."""
    o = report.overall.overrides
    if o is None:
        return None
    if o.count == 0:
        return "No overall grade was set by hand: every one is the grade the rubric derives."
    grades = "grade was" if o.count == 1 else "grades were"
    return (
        f"Overrides: {o.count:,} overall {grades} set by hand; {o.raised:,} better than the "
        f"grade the rubric derives from the criterion grades, {o.lowered:,} worse."
    )
