"""The drift report as Markdown (GitHub-flavoured tables)."""

from __future__ import annotations

from moderator.analysis.report import Report, Stats
from moderator.reports.formatting import (
    BREAKDOWNS,
    COMPLIANCE_COLUMNS,
    COVERAGE_COLUMNS,
    GRADE_LABELS,
    INTERVENTION_COLUMNS,
    LENIENCY_COLUMNS,
    Column,
    breakdown,
    caption,
    fmt,
    managers_by_leniency,
    names_for,
    overrides_line,
    row,
    summary_rows,
    title,
    with_key,
)
from moderator.reports.formatting import (
    summary_columns as summary_column_list,
)


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _table(headings: list[str], rows: list[list[str]], numeric_from: int = 1) -> list[str]:
    align = [":--" if i < numeric_from else "--:" for i in range(len(headings))]
    lines = [
        "| " + " | ".join(_cell(h) for h in headings) + " |",
        "| " + " | ".join(align) + " |",
    ]
    lines += ["| " + " | ".join(_cell(c) for c in r) + " |" for r in rows]
    return lines


def _objects_table(objects: list[object], columns: tuple[Column, ...]) -> list[str]:
    return _table([c.heading for c in columns], [row(o, columns) for o in objects])


def confusion_markdown(stats: Stats) -> list[str]:
    """The 4×4 manager × moderator table."""
    headings = ["Manager / Moderator", *GRADE_LABELS, "Total"]
    rows = []
    for label, counts in zip(GRADE_LABELS, stats.confusion, strict=True):
        rows.append([label, *(f"{c:,}" for c in counts), f"{sum(counts):,}"])
    totals = [sum(stats.confusion[i][j] for i in range(4)) for j in range(4)]
    rows.append(["Total", *(f"{t:,}" for t in totals), f"{sum(totals):,}"])
    return _table(headings, rows)


def render_markdown(report: Report) -> str:
    """The whole report as one Markdown document."""
    out: list[str] = [f"# {title(report)}", "", f"_{caption(report)}_", ""]
    out += [f"**{report.headline}**", ""]
    if (line := overrides_line(report)) is not None:
        out += [line, ""]

    out += ["## Summary", ""]
    summary_columns = summary_column_list()
    out += [*_objects_table(list(summary_rows(report)), summary_columns), ""]

    out += ["## Manager's grade against moderated grade (overall grades)", ""]
    out += [*confusion_markdown(report.overall), ""]
    if report.criteria.n:
        out += ["## Manager's grade against moderated grade (criterion grades)", ""]
        out += [*confusion_markdown(report.criteria), ""]

    out += ["## Managers", ""]
    if report.by_manager:
        centre = report.leniency.centre if report.leniency else None
        out += [
            "Leniency is each manager's mean drift on overall grades, shrunk towards the "
            + (f"overall mean ({fmt(centre, 'signed')})" if centre is not None else "overall mean")
            + "; a manager is marked optimistic only when the whole 90% interval, computed "
            "from their own moderated audits, is above zero.",
            "",
        ]
        out += [*_objects_table(list(managers_by_leniency(report)), LENIENCY_COLUMNS), ""]
        out += ["### Managers: all statistics", ""]
        out += [*_objects_table(list(report.by_manager), with_key("Manager")), ""]
    else:
        out += ["No managers in this report.", ""]

    for attribute, heading, key in BREAKDOWNS:
        groups = breakdown(report, attribute)
        if attribute in ("by_rubric", "by_service_area") and len(groups) <= 1:
            continue
        if not groups:
            continue
        out += [f"## {heading}", ""]
        out += [*_objects_table(list(groups), with_key(key, names_for(report, attribute))), ""]

    cov = report.coverage
    out += ["## Coverage", ""]
    if cov.rate is None:
        out += ["No submitted audits.", ""]
    else:
        met = "meets" if cov.meets_target else "is below"
        out += [
            f"{cov.moderated:,} of {cov.submitted:,} submitted audits were moderated "
            f"({fmt(cov.rate, 'pct')}), which {met} the target of {fmt(cov.target, 'pct')}.",
            "",
        ]
        for part, rows in (("By manager", cov.by_manager), ("By team", cov.by_team)):
            out += [f"### {part}", ""]
            out += [*_objects_table(list(rows), COVERAGE_COLUMNS), ""]

    comp = report.compliance
    out += ["## Compliance", ""]
    if not comp.available:
        out += [comp.note or "Compliance cannot be measured from this source.", ""]
    else:
        as_of = comp.as_of.isoformat() if comp.as_of else ""
        out += [
            f"{comp.on_time or 0:,} of {comp.assigned or 0:,} assigned audits were submitted on "
            f"time; {comp.late or 0:,} late, {comp.overdue or 0:,} overdue and "
            f"{comp.pending or 0:,} not yet due (as of {as_of}). "
            f"On-time rate: {fmt(comp.on_time_rate, 'pct')}.",
            "",
        ]
        if comp.by_manager:
            out += [*_objects_table(list(comp.by_manager), COMPLIANCE_COLUMNS), ""]

    if report.interventions:
        out += ["## Interventions", ""]
        out += [*_objects_table(list(report.interventions), INTERVENTION_COLUMNS), ""]

    out += ["## Definitions", ""]
    out += [f"- **{name}**: {text}" for name, text in report.definitions.items()]
    out.append("")
    return "\n".join(out)
