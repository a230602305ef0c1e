"""The drift dashboard's panels: pure drawings of a report in the theme's palette.

Each takes the report, a :class:`~moderator.tui.widgets.drift_charts.Palette` and
the width it may use, and returns a Rich renderable; the dashboard screen puts
them in :class:`~moderator.tui.widgets.drift_charts.Chart` widgets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from moderator.reports.formatting import RANKING_RULE, calibration_left_out, fmt
from moderator.tui.widgets.drift_charts import (
    Palette,
    gauge,
    heatmap,
    heatmap_legend,
    heatmap_title,
)
from moderator.tui.widgets.drift_periods import column_chart

if TYPE_CHECKING:
    from moderator.analysis.report import ManagerStats, Report


def leniency_verdict(m: ManagerStats, palette: Palette) -> Text:
    """Flagged, too few to judge, or within chance, said plainly."""
    if m.optimistic:
        return Text("▲ optimistic", style=palette.fg(palette.worse, bold=True))
    if m.leniency_ci is None:
        return Text("too few", style=palette.fg(palette.muted))
    return Text("within chance", style=palette.fg(palette.muted))


def heatmap_panel(report: Report, palette: Palette, width: int) -> RenderableType:
    """The manager × moderator table of overall grades with its title and legend."""
    confusion = report.overall.confusion
    return Group(
        heatmap_title(palette),
        heatmap(confusion, palette),
        Text(""),
        heatmap_legend(confusion, palette),
    )


def key_figures(report: Report, palette: Palette, width: int) -> RenderableType:
    """The summary statistics, overall grades beside criterion grades."""
    table = Table(box=None, padding=(0, 1), show_edge=False, pad_edge=False)
    table.add_column("", style=palette.fg(palette.muted), no_wrap=True)
    table.add_column("Overall", justify="right", no_wrap=True)
    table.add_column("Criteria", justify="right", no_wrap=True)
    rows: list[tuple[str, Any]] = [
        ("Moderated", lambda s: fmt(s.n, "int")),
        ("Agreed exactly", lambda s: fmt(s.exact_agreement, "pct")),
        ("Within one grade", lambda s: fmt(s.adjacent_agreement, "pct")),
        ("Downgraded", lambda s: fmt(s.downgraded, "pct")),
        ("Upgraded", lambda s: fmt(s.upgraded, "pct")),
        ("To Inadequate", lambda s: fmt(s.to_inadequate, "int")),
        ("Mean drift", lambda s: fmt(s.mean_drift, "signed")),
        ("95% interval", lambda s: fmt(s.mean_drift_ci, "ci")),
        ("Kappa (quadratic)", lambda s: fmt(s.weighted_kappa, "num")),
        ("Alpha (ordinal)", lambda s: fmt(s.alpha_ordinal, "num")),
        ("Sign test p", lambda s: fmt(s.sign_test_p, "p")),
    ]
    for label, get in rows:
        table.add_row(label, get(report.overall), get(report.criteria))
    o = report.overall.overrides
    if o is not None:  # overall grades set by hand; the criteria have none
        # As the report says it: how many were set by hand, and of those how many are
        # better or worse than the grade the rubric derives from the criterion grades.
        table.add_row("Set by hand", fmt(o.count, "int"), "")
        table.add_row("… better than derived", fmt(o.raised, "int"), "")
        table.add_row("… worse than derived", fmt(o.lowered, "int"), "")
    return table


def coverage_panel(
    report: Report, palette: Palette, width: int, *, by_team: bool = True
) -> RenderableType:
    """Moderated share against the target, overall and (for a lead) per team."""
    cov = report.coverage
    bar_width = max(10, min(40, width // 3))
    out = Text()
    out.append("Coverage ", "bold")
    out.append_text(gauge(cov.rate, cov.target, bar_width, palette))
    if cov.rate is None:
        out.append("  no submitted audits")
    else:
        verdict = "meets the target" if cov.meets_target else "below target"
        out.append(
            f"  {fmt(cov.rate, 'pct')} of {cov.submitted:,} submitted audits moderated "
            f"(target {fmt(cov.target, 'pct')}): "
        )
        out.append(verdict, palette.fg(palette.agree if cov.meets_target else palette.worse))
    if left_out := calibration_left_out(report):
        out.append(f"; {left_out} (they are measured against agreed grades)")
    rows = cov.by_team if by_team else []
    if len(rows) > 1:
        name_width = min(28, max(len(r.key) for r in rows))
        for r in rows:
            out.append("\n  ")
            out.append(r.key[:name_width].ljust(name_width + 1))
            out.append_text(gauge(r.rate, cov.target, max(8, bar_width - 10), palette))
            out.append(f" {fmt(r.rate, 'pct'):>4} ({r.moderated:,} of {r.submitted:,})")
    return out


def compliance_panel(report: Report, palette: Palette, width: int) -> RenderableType:
    """Audits submitted on time, late and overdue."""
    comp = report.compliance
    out = Text()
    out.append("On time  ", "bold")
    if not comp.available or not comp.assigned:
        out.append(comp.note or "No assigned audits.", palette.fg(palette.muted))
        return out
    judged = (comp.on_time or 0) + (comp.late or 0) + (comp.overdue or 0)
    out.append(f"{fmt(comp.on_time_rate, 'pct')}", "bold")
    out.append(
        f" of {judged:,} audits due by {comp.as_of.isoformat() if comp.as_of else 'today'}"
        f" were submitted on time ({comp.on_time:,}); {comp.late:,} late, "
    )
    out.append(f"{comp.overdue:,} overdue", palette.fg(palette.worse) if comp.overdue else "")
    out.append(f"; {comp.pending:,} not yet due.")
    return out


def trend_panel(report: Report, palette: Palette, width: int, *, height: int = 8) -> RenderableType:
    """Mean drift per period as a column chart (``width`` cells to spread over)."""
    points = [(p.key, p.mean_drift, p.n) for p in report.by_period]
    if not points:
        return Text("No moderated audits in any period yet.", style=palette.fg(palette.muted))
    shown = points
    while len(shown) > 1 and chart_width(column_chart(shown, palette, height=1)) > width:
        shown = shown[1:]  # the latest periods, whole: a column half off the screen is cut
    chart = column_chart(shown, palette, height=height, width=width)
    if len(shown) == len(points):
        return chart
    left = len(points) - len(shown)
    note = f"The latest {len(shown)} {report.period}s; the {left} before them are in the table."
    return Group(Text(note, style=palette.fg(palette.muted)), chart)


def chart_width(chart: Text) -> int:
    """The cells a drawing's widest line takes."""
    return max(cell_len(line.plain) for line in chart.split("\n"))


def managers_legend(
    level: float, palette: Palette, width: int, *, calibration: bool = False
) -> RenderableType:
    """How to read the interval plots, why a handful of audits is not flagged, and what the
    short headings of the other columns mean."""
    headings = (
        "Drift: mean drift of the overall grades in grade steps. Down: share downgraded by "
        "the moderators. Moderated: moderated of submitted. On time: submitted by the due "
        "day, of those due. By hand: overall grades set by hand, and how many of them are "
        "better than the grade the rubric derives."
    )
    if calibration:
        headings += (
            " Calibration: mean distance from the panel's agreed grades on calibration "
            "cases, with its 95% interval (+: more optimistic)."
        )
    return Text.assemble(
        ("├──●──┤ ", palette.fg(palette.text)),
        f"{level:.0%} interval and estimate of each manager's leniency (drift after "
        "shrinking towards the overall mean); ",
        ("┊", palette.fg(palette.muted)),
        " zero. Flagged ",
        ("▲ optimistic", palette.fg(palette.worse, bold=True)),
        " only when the whole interval is above zero: a handful of audits gives a wide "
        "interval and no flag; an interval that stops at exactly 0.00 is one the exact test "
        "could not lift off zero. Enter: the audits behind a row.\n",
        headings,
        style=palette.fg(palette.muted),
    )


def criteria_legend(palette: Palette, width: int) -> RenderableType:
    """How to read the criterion bars and the short headings."""
    return Text.assemble(
        f"{RANKING_RULE} (as in the report). Bar: mean drift of each criterion's grades, ",
        ("█", palette.fg(palette.worse)),
        " right of ",
        ("┊", palette.fg(palette.muted)),
        " = managers more optimistic than moderators. Enter: the audits behind a row.\n"
        "Drift: mean drift in grade steps. Down: share downgraded. To Inad.: downgraded to "
        "Inadequate. Agreed: share of exact agreement. Kappa: weighted kappa.",
        style=palette.fg(palette.muted),
    )
