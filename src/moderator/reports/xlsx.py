"""The drift report as an Excel workbook: one sheet per breakdown, readable as opened.

Bold, shaded header rows frozen in place, sensible column widths, real numbers
with number formats (percentages as percentages), empty cells where a statistic
is undefined, and the manager × moderator table laid out as a grid.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from moderator.analysis.report import Report
from moderator.domain.text import spreadsheet_cell
from moderator.files import open_private
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
    managers_by_leniency,
    names_for,
    summary_rows,
    title,
    with_key,
)
from moderator.reports.formatting import (
    summary_columns as summary_column_list,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

NUMBER_FORMATS = {
    "int": "#,##0",
    "pct": "0%",
    "signed": "+0.00;-0.00;0.00",
    "num": "0.00",
    "p": "0.0000",
}


def _put(ws: Worksheet, *, row: int, column: int, value: Any) -> Any:
    """Set a cell; text is always text, never a formula (names and teams are user-supplied).

    The OWASP rule for spreadsheet injection: text that starts like a formula
    gets a leading ``'`` and the cell is typed as a string; control characters
    (which openpyxl refuses) are removed. Numbers stay numbers.
    """
    cell = ws.cell(row=row, column=column, value=spreadsheet_cell(value))  # type: ignore[call-overload]
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _write_table(
    ws: Worksheet,
    objects: Sequence[object],
    columns: tuple[Column, ...],
    *,
    start_row: int = 1,
    freeze: bool = True,
    flagged: str | None = None,
) -> int:
    """Write a header and one row per object; returns the next free row."""
    from openpyxl.styles import Alignment, Font, PatternFill

    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="E4E7EB")
    flag_fill = PatternFill("solid", fgColor="FFF4E5")
    col = 1
    spans: list[tuple[Column, int]] = []
    for c in columns:
        width = 2 if c.kind == "ci" else 1
        spans.append((c, col))
        headings = [f"{c.heading} low", f"{c.heading} high"] if c.kind == "ci" else [c.heading]
        for offset, heading in enumerate(headings):
            cell = _put(ws, row=start_row, column=col + offset, value=heading)
            cell.font = header_font
            cell.fill = header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            letter = cell.column_letter
            current = ws.column_dimensions[letter].width or 0
            ws.column_dimensions[letter].width = max(current, c.width + 2, len(heading) + 2)
        col += width
    r = start_row + 1
    for obj in objects:
        fill = flag_fill if flagged and getattr(obj, flagged, False) else None
        for c, first in spans:
            value = c.get(obj)
            cells: list[tuple[int, Any, str | None]]
            if c.kind == "ci":
                low, high = value if value is not None else (None, None)
                cells = [
                    (first, low, NUMBER_FORMATS["signed"]),
                    (first + 1, high, NUMBER_FORMATS["signed"]),
                ]
            elif c.kind == "flag":
                cells = [(first, None if value is None else ("yes" if value else "no"), None)]
            else:
                cells = [(first, value, NUMBER_FORMATS.get(c.kind))]
            for column, v, number_format in cells:
                cell = _put(ws, row=r, column=column, value=v)
                if number_format:
                    cell.number_format = number_format
                if fill is not None:
                    cell.fill = fill
        r += 1
    if freeze and start_row == 1:
        ws.freeze_panes = "B2"
    return r


def _write_confusion(ws: Worksheet, stats: Any, start_row: int, title: str) -> int:
    from openpyxl.styles import Font, PatternFill

    bold = Font(bold=True)
    _put(ws, row=start_row, column=1, value=title).font = bold
    header = start_row + 1
    _put(ws, row=header, column=1, value="Manager / Moderator").font = bold
    for j, label in enumerate([*GRADE_LABELS, "Total"], start=2):
        cell = _put(ws, row=header, column=j, value=label)
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="E4E7EB")
    for i, label in enumerate(GRADE_LABELS):
        r = header + 1 + i
        _put(ws, row=r, column=1, value=label).font = bold
        for j in range(4):
            cell = _put(ws, row=r, column=2 + j, value=stats.confusion[i][j])
            cell.number_format = NUMBER_FORMATS["int"]
            if i == j:
                cell.fill = PatternFill("solid", fgColor="E8F5E9")
            elif j > i and stats.confusion[i][j]:
                cell.fill = PatternFill("solid", fgColor="FBE9E7")
        _put(ws, row=r, column=6, value=sum(stats.confusion[i])).number_format = NUMBER_FORMATS[
            "int"
        ]
    total_row = header + 5
    _put(ws, row=total_row, column=1, value="Total").font = bold
    for j in range(4):
        _put(ws, row=total_row, column=2 + j, value=sum(stats.confusion[i][j] for i in range(4)))
    _put(ws, row=total_row, column=6, value=stats.n)
    return total_row + 2


def write_xlsx(report: Report, path: Path | str | BinaryIO) -> None:
    """Write the report as an ``.xlsx`` workbook at ``path`` (or into a binary file object)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Summary"
    _put(ws, row=1, column=1, value=title(report))
    ws["A1"].font = Font(bold=True, size=14)
    _put(ws, row=2, column=1, value=caption(report))
    _put(ws, row=3, column=1, value=report.headline)
    ws["A3"].font = Font(bold=True)
    ws["A3"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A3:L3")
    ws.row_dimensions[3].height = 48
    summary_columns = summary_column_list()
    next_row = _write_table(ws, summary_rows(report), summary_columns, start_row=5, freeze=False)
    cov = report.coverage
    facts: list[tuple[str, Any, str | None]] = [
        ("Submitted audits", cov.submitted, NUMBER_FORMATS["int"]),
        ("Moderated audits", cov.moderated, NUMBER_FORMATS["int"]),
        ("Coverage", cov.rate, NUMBER_FORMATS["pct"]),
        ("Coverage target", cov.target, NUMBER_FORMATS["pct"]),
        ("Overall grades set by hand", _overrides(report, "count"), NUMBER_FORMATS["int"]),
        ("… better than derived", _overrides(report, "raised"), NUMBER_FORMATS["int"]),
        (
            "Managers flagged optimistic",
            len(report.leniency.optimistic) if report.leniency else 0,
            None,
        ),
        ("On-time rate (compliance)", report.compliance.on_time_rate, NUMBER_FORMATS["pct"]),
    ]
    r = next_row + 1
    for label, value, number_format in facts:
        _put(ws, row=r, column=1, value=label).font = Font(bold=True)
        cell = _put(ws, row=r, column=2, value=value)
        if number_format:
            cell.number_format = number_format
        r += 1
    ws.column_dimensions["A"].width = 30

    conf = wb.create_sheet("Confusion")
    nxt = _write_confusion(conf, report.overall, 1, "Overall grades")
    _write_confusion(conf, report.criteria, nxt, "Criterion grades")
    conf.column_dimensions["A"].width = 32
    for letter in "BCDEF":
        conf.column_dimensions[letter].width = 16

    managers = wb.create_sheet("Managers")
    _write_table(managers, managers_by_leniency(report), LENIENCY_COLUMNS, flagged="optimistic")
    detail = wb.create_sheet("Manager statistics")
    _write_table(detail, report.by_manager, with_key("Manager"), flagged="optimistic")

    for attribute, heading, key in BREAKDOWNS:
        sheet = wb.create_sheet(heading)
        _write_table(
            sheet, breakdown(report, attribute), with_key(key, names_for(report, attribute))
        )

    coverage = wb.create_sheet("Coverage")
    nxt = _write_table(coverage, cov.by_manager, _renamed(COVERAGE_COLUMNS, "Manager"))
    _write_table(coverage, cov.by_team, _renamed(COVERAGE_COLUMNS, "Team"), start_row=nxt + 1)

    compliance = wb.create_sheet("Compliance")
    if report.compliance.available:
        _write_table(compliance, report.compliance.by_manager, COMPLIANCE_COLUMNS)
    else:
        _put(compliance, row=1, column=1, value=report.compliance.note or "Not available.")

    trend = wb.create_sheet("Trend")
    points = [(series.key, p) for series in report.trend for p in series.points]
    trend_columns = (
        Column("Manager", "text", lambda t: t[0], 24),
        Column("Period", "text", lambda t: t[1].period, 10),
        Column("Moderated", "int", lambda t: t[1].n, 10),
        Column("Mean drift", "signed", lambda t: t[1].mean_drift, 10),
        Column("95% CI", "ci", lambda t: t[1].mean_drift_ci, 12),
        Column("Downgraded", "pct", lambda t: t[1].downgraded, 11),
    )
    _write_table(trend, points, trend_columns)

    if report.interventions:
        _write_table(wb.create_sheet("Interventions"), report.interventions, INTERVENTION_COLUMNS)

    definitions = wb.create_sheet("Definitions")
    for column, heading in ((1, "Term"), (2, "Definition")):
        _put(definitions, row=1, column=column, value=heading).font = Font(bold=True)
    for k, (name, text) in enumerate(report.definitions.items(), start=2):
        _put(definitions, row=k, column=1, value=name)
        _put(definitions, row=k, column=2, value=text).alignment = Alignment(wrap_text=True)
    definitions.column_dimensions["A"].width = 22
    definitions.column_dimensions["B"].width = 100
    definitions.freeze_panes = "A2"

    if not isinstance(path, (str, Path)):
        wb.save(path)
        return
    with open_private(path, "wb") as handle:
        wb.save(handle)


def _renamed(columns: tuple[Column, ...], heading: str) -> tuple[Column, ...]:
    first = columns[0]
    return (Column(heading, first.kind, first.get, first.width), *columns[1:])


def _overrides(report: Report, field: str) -> int | None:
    o = report.overall.overrides
    return None if o is None else int(getattr(o, field))
