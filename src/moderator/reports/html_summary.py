"""The printable summary that opens the HTML report: what an inspector reads first, on two
A4 pages, before the detail that follows as an appendix."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from moderator.analysis.report import ManagerStats, Report, Stats
from moderator.reports import svg
from moderator.reports.formatting import (
    GRADE_LABELS,
    INTERVENTION_COLUMNS,
    MIN_RANKED_N,
    Column,
    caption,
    criteria_drifting_most,
    fmt,
    managers_by_leniency,
    overrides_line,
    row,
    title,
)

OPTIMISTIC_COLUMNS: tuple[Column, ...] = (
    Column("Manager", "text", lambda m: m.key),
    Column("Moderated", "int", lambda m: m.n),
    Column("Leniency", "signed", lambda m: m.leniency),
    Column("90% interval", "ci", lambda m: m.leniency_ci),
    Column("Exact p", "p", lambda m: m.p_optimistic),
    Column("Overrides", "int", lambda m: m.overrides.count if m.overrides else None),
)

SLOT = "slot"
"""CSS class of a section with nothing to show yet (kept, so the layout stays the same)."""


def table_html(
    objects: Sequence[object], columns: tuple[Column, ...], flagged: str | None = None
) -> str:
    """A table of ``objects`` with one column per :class:`Column` (numbers right-aligned)."""
    head = "".join(
        f'<th class="{"num" if c.kind != "text" else ""}">{escape(c.heading)}</th>' for c in columns
    )
    body = []
    for obj in objects:
        cls = ' class="flagged"' if flagged and getattr(obj, flagged, False) else ""
        cells = "".join(
            f'<td class="{"num" if c.kind != "text" else ""}">{escape(text)}</td>'
            for c, text in zip(columns, row(obj, columns), strict=True)
        )
        body.append(f"<tr{cls}>{cells}</tr>")
    return (
        f'<div class="scroll"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def confusion_table_html(stats: Stats) -> str:
    """The 4×4 manager × moderator counts as a table."""
    head = "<th>Manager / Moderator</th>" + "".join(
        f'<th class="num">{escape(g)}</th>' for g in GRADE_LABELS
    )
    rows = []
    for label, counts in zip(GRADE_LABELS, stats.confusion, strict=True):
        cells = "".join(f'<td class="num">{c:,}</td>' for c in counts)
        rows.append(f"<tr><th>{escape(label)}</th>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _section(name: str, heading: str, content: list[str]) -> str:
    return (
        f'<section class="part" id="{name}"><h2>{escape(heading)}</h2>{"".join(content)}</section>'
    )


def _optimistic(report: Report) -> list[str]:
    flagged: list[ManagerStats] = [m for m in managers_by_leniency(report) if m.optimistic]
    measured = sum(1 for m in report.by_manager if m.leniency_ci is not None)
    if not flagged:
        return [
            f"<p>No manager's grades are consistently more optimistic ({measured} measured).</p>"
        ]
    columns, note = OPTIMISTIC_COLUMNS, ""
    if report.calibration is not None:
        # Beside the leniency: how far the same manager was from the agreed grades.
        distance = {c.key: c.mean_distance for c in report.calibration.by_manager}
        columns = (*columns, Column("Calibration", "signed", lambda m: distance.get(m.key)))
        note = " Calibration: mean distance from the agreed grades in calibration exercises."
    return [
        f"<p>{len(flagged)} of {measured} managers measured: the whole 90% interval of their "
        f"own audits' drift is above zero (a one-sided 5% test).{note}</p>",
        table_html(flagged, columns),
    ]


def _criteria(report: Report) -> list[str]:
    ranked = criteria_drifting_most(report)
    if not ranked:
        return [
            f'<p class="note">No criterion with {MIN_RANKED_N} or more moderated pairs drifts '
            "surely above zero.</p>"
        ]
    names = report.labels.criteria
    columns = (
        Column("Criterion", "text", lambda g: names.get(g.key, g.key)),
        Column("Moderated", "int", lambda g: g.n),
        Column("Mean drift", "signed", lambda g: g.mean_drift),
        Column("95% interval", "ci", lambda g: g.mean_drift_ci),
        Column("Downgraded", "pct", lambda g: g.downgraded),
    )
    return [
        f'<p class="note">Ranked on the lower end of the 95% interval, so a criterion with a '
        f"handful of pairs cannot top the list; {MIN_RANKED_N} pairs at least.</p>",
        table_html(ranked, columns),
    ]


def _coverage(report: Report) -> list[str]:
    cov = report.coverage
    if cov.rate is None:
        return ['<p class="note">No submitted audits.</p>']
    met = "meets" if cov.meets_target else "is below"
    below = [t.key for t in cov.by_team if t.meets_target is False]
    text = (
        f"<p>{cov.moderated:,} of {cov.submitted:,} submitted audits were moderated "
        f"({fmt(cov.rate, 'pct')}), which {met} the target of {fmt(cov.target, 'pct')}."
    )
    if below:
        text += f" Teams below the target: {escape(', '.join(below))}."
    return [text + "</p>"]


def _compliance(report: Report) -> list[str]:
    comp = report.compliance
    if not comp.available:
        return [f'<p class="note">{escape(comp.note or "Not available.")}</p>']
    return [
        f"<p>{comp.on_time or 0:,} of {comp.assigned or 0:,} assigned audits were submitted on "
        f"time; {comp.late or 0:,} late, {comp.overdue or 0:,} overdue, {comp.pending or 0:,} not "
        f"yet due. On-time rate: {fmt(comp.on_time_rate, 'pct')}.</p>"
    ]


def _overrides(report: Report) -> list[str]:
    line = overrides_line(report)
    if line is None:
        return [f'<p class="note {SLOT}">Overrides are not recorded by this source.</p>']
    most = sorted(
        (m for m in report.by_manager if m.overrides and m.overrides.count),
        key=lambda m: -(m.overrides.count if m.overrides else 0),
    )[:5]
    out = [f"<p>{escape(line)}</p>"]
    if most:
        shown = ", ".join(
            f"{m.key} {m.overrides.count} ({m.overrides.raised} raised)"
            for m in most
            if m.overrides
        )
        out.append(f"<p>Most overrides: {escape(shown)}.</p>")
    return out


def _interventions(report: Report) -> list[str]:
    if not report.interventions:
        return [
            f'<p class="note {SLOT}">No intervention recorded (moderator intervention add).</p>'
        ]
    window = report.interventions[0].window_days
    return [
        f'<p class="note">Mean drift of overall grades in the {window} days before each date '
        "and from it on; a negative change means managers became less optimistic.</p>",
        table_html(report.interventions, INTERVENTION_COLUMNS),
    ]


def summary_html(report: Report) -> str:
    """The summary pages: authority and period, headline, heat map, optimistic managers,
    criteria drifting most, coverage, compliance, overrides and interventions."""
    return "".join(
        [
            '<div class="summary">',
            f"<h1>{escape(title(report))}</h1>",
            f'<p class="caption">{escape(caption(report))}</p>',
            f'<p class="headline">{escape(report.headline)}</p>',
            '<div class="pair">',
            _section(
                "heatmap",
                "Manager's grade against moderated grade",
                [svg.confusion_svg(report.overall, "Overall grades: manager against moderator")],
            ),
            _section("optimistic", "Consistently optimistic managers", _optimistic(report)),
            "</div>",
            _section("criteria", "Criteria that drift most", _criteria(report)),
            '<div class="pair">',
            _section("coverage", "Coverage", _coverage(report)),
            _section("compliance", "Compliance", _compliance(report)),
            "</div>",
            _section("overrides", "Overrides", _overrides(report)),
            _section("interventions", "Interventions: before and after", _interventions(report)),
            "</div>",
        ]
    )
