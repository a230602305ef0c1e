"""The drift report as one self-contained HTML file: inline CSS, inline SVG charts,
no scripts, no fonts or images from anywhere else (it must open on a locked-down
council laptop and survive being emailed)."""

from __future__ import annotations

from html import escape

from moderator.analysis.report import Report
from moderator.reports import svg
from moderator.reports.formatting import (
    BREAKDOWNS,
    COMPLIANCE_COLUMNS,
    COVERAGE_COLUMNS,
    LENIENCY_COLUMNS,
    breakdown,
    fmt,
    intervention_markers,
    labelled,
    managers_by_leniency,
    names_for,
    summary_rows,
    title,
    with_key,
)
from moderator.reports.formatting import (
    summary_columns as summary_column_list,
)
from moderator.reports.html_summary import confusion_table_html, summary_html
from moderator.reports.html_summary import table_html as _table

CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, sans-serif; color: #1f2933; margin: 2rem auto; max-width: 1100px;
       padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #d9dee3; padding-bottom: .2rem; }
h3 { font-size: 1rem; margin-top: 1.4rem; }
.caption { color: #616e7c; margin-top: 0; }
.headline { font-size: 1.15rem; font-weight: 600; background: #fff4e5; border-left: 4px solid #bf360c;
            padding: .8rem 1rem; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .9rem; }
th, td { padding: .25rem .6rem; border-bottom: 1px solid #e4e7eb; }
th { text-align: left; background: #f5f7fa; position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.flagged td { background: #fff4e5; }
.note { color: #616e7c; font-size: .9rem; }
.scroll { overflow-x: auto; }
td.num { white-space: nowrap; }
.pair { display: flex; flex-wrap: wrap; gap: 0 2rem; align-items: flex-start; }
.pair > section { flex: 1 1 22rem; }
.summary h2 { margin-top: 1.2rem; }
.appendix { margin-top: 3rem; }
svg.chart { display: block; margin: .6rem 0 1rem; max-width: 100%; height: auto; }
dl dt { font-weight: 600; } dl dd { margin: 0 0 .5rem 1rem; color: #3e4c59; }
@page { size: A4; margin: 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9pt; line-height: 1.3; }
  h1 { font-size: 14pt; } h2 { font-size: 11pt; margin-top: 1rem; break-after: avoid; }
  h3 { font-size: 10pt; margin-top: .8rem; break-after: avoid; }
  table { font-size: 7pt; margin: .3rem 0 .6rem; width: 100%; }
  th, td { padding: .1rem .15rem; } th { vertical-align: bottom; }
  th { position: static; } .scroll { overflow: visible; }
  svg, section.part, tr { break-inside: avoid; }
  .screen-only { display: none; }
  dl { column-count: 2; column-gap: 1.5rem; } dl dd { break-before: avoid; }
  .summary svg.chart { max-height: 70mm; width: auto; }
  .appendix { break-before: page; margin-top: 0; }
  .headline { padding: .4rem .6rem; }
}
"""


def render_html(report: Report) -> str:
    """The whole report as one HTML document (UTF-8 text)."""
    parts: list[str] = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title(report))}</title>",
        f"<style>{CSS}</style></head><body>",
        summary_html(report),
        '<div class="appendix">',
        "<h1>Appendix: the detail</h1>",
        "<h2>All figures</h2>",
    ]
    summary_columns = summary_column_list()
    parts.append(_table(summary_rows(report), summary_columns))

    # The overall heat map is on the summary's first page; the counts behind it are here.
    parts.append("<h2>Manager's grade against moderated grade</h2>")
    parts.append(confusion_table_html(report.overall))
    if report.criteria.n:
        parts.append("<h3>Criterion grades</h3>")
        parts.append(
            svg.confusion_svg(report.criteria, "Criterion grades: manager against moderator")
        )

    parts.append("<h2>Managers</h2>")
    managers = managers_by_leniency(report)
    if managers:
        centre = report.leniency.centre if report.leniency else None
        towards = (
            f"the overall mean ({fmt(centre, 'signed')})"
            if centre is not None
            else "the overall mean"
        )
        parts.append(
            f'<p class="note">Leniency is each manager\'s mean drift on overall grades, shrunk '
            f"towards {escape(towards)} so a manager with few audits is not ranked on noise. "
            "A manager is marked optimistic only when the whole 90% interval, computed from their "
            "own moderated audits, is above zero.</p>"
        )
        if any(m.leniency is not None for m in managers):
            parts.append(svg.leniency_svg(managers))
        parts.append(_table(managers, LENIENCY_COLUMNS, flagged="optimistic"))
        parts.append("<h3>All statistics per manager</h3>")
        parts.append(_table(report.by_manager, with_key("Manager"), flagged="optimistic"))
    else:
        parts.append('<p class="note">No managers in this report.</p>')

    charts = {
        "by_criterion": "Mean drift per criterion",
        "by_domain": "Mean drift per domain",
        "by_team": "Mean drift per team",
    }
    for attribute, heading, key in BREAKDOWNS:
        groups = breakdown(report, attribute)
        if not groups or (attribute in ("by_rubric", "by_service_area") and len(groups) <= 1):
            continue
        parts.append(f"<h2>{escape(heading)}</h2>")
        if attribute == "by_period":
            parts.append(
                svg.trend_svg(
                    groups, f"Mean drift by {report.period}", intervention_markers(report)
                )
            )
        elif attribute in charts and any(g.n for g in groups):
            chart = svg.drift_bars_svg(labelled(report, attribute), charts[attribute])
            # on paper the table beside it carries the same figures in a third of the space
            parts.append(f'<div class="screen-only">{chart}</div>')
        parts.append(_table(groups, with_key(key, names_for(report, attribute))))

    cov = report.coverage
    parts.append("<h2>Coverage</h2>")
    if cov.rate is None:
        parts.append('<p class="note">No submitted audits.</p>')
    else:
        met = "meets" if cov.meets_target else "is below"
        parts.append(
            f"<p>{cov.moderated:,} of {cov.submitted:,} submitted audits were moderated "
            f"({fmt(cov.rate, 'pct')}), which {met} the target of {fmt(cov.target, 'pct')}.</p>"
        )
        parts.append("<h3>By manager</h3>" + _table(cov.by_manager, COVERAGE_COLUMNS))
        parts.append("<h3>By team</h3>" + _table(cov.by_team, COVERAGE_COLUMNS))

    comp = report.compliance
    parts.append("<h2>Compliance</h2>")
    if not comp.available:
        parts.append(f'<p class="note">{escape(comp.note or "Not available.")}</p>')
    else:
        as_of = comp.as_of.isoformat() if comp.as_of else ""
        parts.append(
            f"<p>{comp.on_time or 0:,} of {comp.assigned or 0:,} assigned audits were submitted on "
            f"time; {comp.late or 0:,} late, {comp.overdue or 0:,} overdue and {comp.pending or 0:,} "
            f"not yet due (as of {escape(as_of)}). On-time rate: {fmt(comp.on_time_rate, 'pct')}.</p>"
        )
        if comp.by_manager:
            parts.append(_table(comp.by_manager, COMPLIANCE_COLUMNS))

    parts.append("<h2>Definitions</h2><dl>")
    for name, text in report.definitions.items():
        parts.append(f"<dt>{escape(name)}</dt><dd>{escape(text)}</dd>")
    parts.append("</dl></div></body></html>")
    return "\n".join(parts)
