"""Shared presentation of report numbers: columns, labels and number formats.

Every renderer (Markdown, HTML, XLSX, and the CLI's terminal table) lays out
the same columns with the same headings, so a lead sees the same report
whichever format they open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from moderator.analysis.report import GroupStats, ManagerStats, Report, Stats
from moderator.domain.grades import Grade

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


def with_key(heading: str) -> tuple[Column, ...]:
    """The stats columns preceded by a key column with the given heading."""
    return (Column(heading, "text", KEY_COLUMN.get, KEY_COLUMN.width), *STATS_COLUMNS)


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


def caption(report: Report) -> str:
    """A one-line description: what, from where, when."""
    when = report.generated_at.strftime("%Y-%m-%d %H:%M UTC")
    source = f" from {report.source}" if report.source else ""
    return (
        f"{describe_filters(report).capitalize()}{source}; "
        f"{report.audits:,} submitted audits; by {report.period}; generated {when}."
    )


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
