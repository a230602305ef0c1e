"""The drift dashboard's tables as rows: managers, criteria, periods, managers' trends.

Each function returns the objects behind the rows (so a chosen row opens the
right audits), the columns ``(heading, key)`` and the rows ``(key, cells)`` for
:func:`moderator.tui.widgets.tables.fill_table`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from rich.text import Text

from moderator.reports.formatting import (
    calibration_left_out,
    criteria_ranked,
    fmt,
    managers_by_leniency,
)
from moderator.tui.widgets.drift_charts import Palette, Scale, drift_bar, interval_plot, sparkline
from moderator.tui.widgets.drift_panels import leniency_verdict

if TYPE_CHECKING:
    from moderator.analysis.report import ManagerStats, Report, Stats

Table = tuple[list[Any], list[tuple[str | Text, str]], list[tuple[str, list[str | Text]]]]
"""The objects behind the rows, the columns and the rows."""


def _overrides(m: ManagerStats) -> str:
    """Overall grades set by hand, and how many of those are better than the derived grade
    (the legend under the table says "than derived")."""
    if m.overrides is None:
        return "–"
    o = m.overrides
    return f"{o.count:,} ({o.raised:,} better)" if o.count else "0"


def manager_table(report: Report, palette: Palette, plot_width: int, *, is_lead: bool) -> Table:
    """Managers, most lenient first: leniency with its interval plot, drift, coverage,
    compliance and overrides.

    The headings are short so that every column fits a wide terminal;
    :func:`~moderator.tui.widgets.drift_panels.managers_legend` spells them out."""
    managers = managers_by_leniency(report)
    values: list[float | None] = []
    for m in managers:
        values.append(m.leniency)
        if m.leniency_ci is not None:
            values.extend(m.leniency_ci)
    scale = Scale.covering(values, plot_width)
    coverage = {r.key: r for r in report.coverage.by_manager}
    compliance = {r.key: r for r in report.compliance.by_manager}
    calibration = {c.key: c for c in report.calibration.by_manager} if report.calibration else {}
    rows: list[tuple[str, list[str | Text]]] = []
    for m in managers:
        cov = coverage.get(m.key)
        comp = compliance.get(m.key)
        judged = None if comp is None else comp.on_time + comp.late + comp.overdue
        rows.append(
            (
                m.key,
                [
                    Text(m.key, style="bold" if m.optimistic else ""),
                    Text(fmt(m.n, "int"), justify="right"),
                    Text(fmt(m.leniency, "signed"), justify="right"),
                    interval_plot(m.leniency, m.leniency_ci, scale, palette, flagged=m.optimistic),
                    leniency_verdict(m, palette),
                    fmt(m.leniency_ci, "ci"),
                    Text(fmt(m.mean_drift, "signed"), justify="right"),
                    Text(fmt(m.downgraded, "pct"), justify="right"),
                    "–"
                    if cov is None
                    else f"{cov.moderated}/{cov.submitted} {fmt(cov.rate, 'pct')}",
                    "–" if comp is None else f"{comp.on_time}/{judged}",
                    Text(_overrides(m), justify="right"),
                    *([_calibration(calibration.get(m.key))] if calibration else []),
                ],
            )
        )
    columns: list[tuple[str | Text, str]] = [
        ("Manager" if is_lead else "You", "manager"),
        ("n", "n"),
        ("Leniency", "leniency"),
        (scale.header(), "plot"),
        ("", "verdict"),
        ("90% interval", "interval"),
        ("Drift", "mean"),
        ("Down", "down"),
        ("Moderated", "coverage"),
        ("On time", "on_time"),
        ("By hand", "overrides"),
    ]
    if calibration:
        columns.append(("Calibration", "calibration"))
    return managers, columns, rows


def _calibration(c: Any) -> Text:
    """Mean distance from the panel's agreed grades, with its interval (+ = more optimistic)."""
    if c is None or c.mean_distance is None:
        return Text("–", justify="right")
    ci = c.mean_distance_ci
    shown = fmt(c.mean_distance, "signed") + ("" if ci is None else f" {fmt(ci, 'ci')}")
    return Text(shown, style="bold" if ci is not None and ci[0] > 0 else "")


def criteria_table(
    report: Report, palette: Palette, plot_width: int, titles: dict[str, str]
) -> Table:
    """Criteria in the report's order (:func:`criteria_ranked`: the surest drift first)."""
    criteria = criteria_ranked(report.by_criterion)
    scale = Scale.covering([g.mean_drift for g in criteria], plot_width)
    several_rubrics = any("/" in g.key for g in criteria)
    rows: list[tuple[str, list[str | Text]]] = []
    for g in criteria:
        title = Text(titles.get(g.key, g.key), style="bold", overflow="ellipsis", no_wrap=True)
        cells: list[str | Text] = [
            title,
            Text(fmt(g.n, "int"), justify="right"),
            Text(fmt(g.mean_drift, "signed"), justify="right"),
            Text(fmt(g.mean_drift_ci, "ci"), justify="right"),
            drift_bar(g.mean_drift, scale, palette),
            Text(fmt(g.downgraded, "pct"), justify="right"),
            Text(fmt(g.to_inadequate, "int"), justify="right"),
            Text(fmt(g.exact_agreement, "pct"), justify="right"),
            Text(fmt(g.weighted_kappa, "num"), justify="right"),
        ]
        if several_rubrics:
            cells.append(Text(g.key.split("/", 1)[0], style=palette.fg(palette.muted)))
        rows.append((g.key, cells))
    columns: list[tuple[str | Text, str]] = [
        ("Criterion", "criterion"),
        ("n", "n"),
        ("Drift", "mean"),
        ("95% interval", "ci"),
        (scale.header(), "bar"),
        ("Down", "down"),
        ("To Inad.", "inadequate"),
        ("Agreed", "agreed"),
        ("Kappa", "kappa"),
    ]
    if several_rubrics:
        columns.append(("Rubric", "rubric"))
    return criteria, columns, rows


def periods_table(report: Report, palette: Palette, plot_width: int) -> Table:
    """Drift period by period (overall grades)."""
    periods = list(report.by_period)
    scale = Scale.covering([g.mean_drift for g in periods], plot_width)
    rows: list[tuple[str, list[str | Text]]] = [
        (
            g.key,
            [
                Text(g.key, style="bold"),
                Text(fmt(g.n, "int"), justify="right"),
                Text(fmt(g.mean_drift, "signed"), justify="right"),
                drift_bar(g.mean_drift, scale, palette),
                fmt(g.mean_drift_ci, "ci"),
                Text(fmt(g.downgraded, "pct"), justify="right"),
                Text(fmt(g.to_inadequate, "int"), justify="right"),
            ],
        )
        for g in periods
    ]
    columns: list[tuple[str | Text, str]] = [
        (report.period.capitalize(), "period"),
        ("n", "n"),
        ("Mean drift", "mean"),
        (scale.header(), "bar"),
        ("95% interval", "ci"),
        ("Downgraded", "down"),
        ("To Inad.", "inadequate"),
    ]
    return periods, columns, rows


def manager_trends_table(report: Report, palette: Palette, *, is_lead: bool) -> Table:
    """Each manager's drift as a sparkline over the periods, first and latest."""
    periods = [p.key for p in report.by_period]
    values = [pt.mean_drift for s in report.trend for pt in s.points]
    present = [v for v in values if v is not None and math.isfinite(v)]
    low, high = (min(present), max(present)) if present else (0.0, 1.0)
    rows: list[tuple[str, list[str | Text]]] = []
    for series in report.trend:
        by_period = {pt.period: pt for pt in series.points}
        line = [by_period[p].mean_drift if p in by_period else None for p in periods]
        known = [pt for pt in series.points if pt.mean_drift is not None]
        colour = palette.worse if known and (known[-1].mean_drift or 0) > 0 else palette.agree
        rows.append(
            (
                series.key,
                [
                    Text(series.key, style="bold"),
                    Text(sparkline(line, low, high), style=palette.fg(colour)),
                    fmt(known[0].mean_drift, "signed") if known else "–",
                    fmt(known[-1].mean_drift, "signed") if known else "–",
                    Text(f"{sum(pt.n for pt in series.points):,}", justify="right"),
                ],
            )
        )
    first, last = (periods[0], periods[-1]) if periods else ("", "")
    columns: list[tuple[str | Text, str]] = [
        ("Manager" if is_lead else "You", "manager"),
        (f"Drift {first} … {last}" if periods else "Drift", "spark"),
        ("First", "first"),
        ("Latest", "latest"),
        ("n", "n"),
    ]
    return [key for key, _ in rows], columns, rows


def report_caption(
    report: Report, whose: str, *, with_filters: bool = False, width: int | None = None
) -> str:
    """Whose audits and how many; the filters too (``with_filters``) where the bar is not shown.

    Longer than ``width`` with calibration audits left out, it says so in fewer words ("143
    submitted, 68 moderated (24 calibration not counted)"): at 80x24 the figures were cut.
    """
    full = _report_caption(report, whose, with_filters=with_filters)
    n = report.calibration_left_out
    if width is None or len(full) <= width or not n:
        return full
    return _report_caption(report, whose, with_filters=with_filters, short=True)


def _report_caption(
    report: Report, whose: str, *, with_filters: bool = False, short: bool = False
) -> str:
    parts = [whose]
    if with_filters:
        f = report.filters
        parts.append(f"team {f.team}" if f.team else "all teams")
        if f.since or f.until:
            since = f.since.isoformat() if f.since else "the start"
            until = f.until.isoformat() if f.until else "today"
            parts.append(f"{since} to {until}")
        else:
            parts.append("all dates")
    left_out = calibration_left_out(report)
    if short:
        parts.append(
            f"{report.audits:,} submitted, {report.coverage.moderated:,} moderated"
            f" ({report.calibration_left_out:,} calibration not counted)"
        )
        return " · ".join(parts)
    parts.append(
        f"{report.audits:,} submitted audits"
        + (f" ({left_out})" if left_out else "")
        + f", {report.coverage.moderated:,} moderated"
    )
    return " · ".join(parts)


def drill_heading(
    *, report: Report, dimension: str, key: str, stats: Stats, title: str, caption: str
) -> tuple[str, str]:
    """The title and the one-line detail of the list of audits behind a row."""
    what = {
        "manager": f"{key}: overall grades",
        "criterion": f"Criterion: {title}",
        "period": f"{report.period.capitalize()} {key}: overall grades",
        "team": f"Team {key}",
    }[dimension]
    detail = (
        f"{stats.n:,} moderated · mean drift {fmt(stats.mean_drift, 'signed')}"
        f" (95% {fmt(stats.mean_drift_ci, 'ci')}) · downgraded {fmt(stats.downgraded, 'pct')}"
        f" · {caption}"
    )
    return what, detail


def drill_note(report: Report, dimension: str) -> str:
    """One plain line under a manager's audits: why the drift there has a 95% interval when
    the dashboard showed the manager's leniency with a 90% one (empty for other rows)."""
    if dimension != "manager":
        return ""
    level = report.leniency.level if report.leniency else 0.9
    return (
        f"95% is this drift's interval; the dashboard's {level:.0%} is the leniency flag's, "
        "which asks one way only: is the manager more optimistic?"
    )
