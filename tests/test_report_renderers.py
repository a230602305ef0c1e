"""The report renderers: Markdown, self-contained HTML, XLSX, JSON."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from moderator.analysis.build import build_report
from moderator.analysis.inputs import Assignment
from moderator.analysis.pairs import PairedGrades
from moderator.analysis.report import Report
from moderator.reports import render_html, render_json, render_markdown, write_xlsx


def _rows() -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    plan = [
        ("Sam <b>", "North & East", 2, 4),
        ("Sam <b>", "North & East", 2, 3),
        ("Sam <b>", "North & East", 1, 3),
        ("Kim | K", "South", 2, 2),
        ("Kim | K", "South", 3, 2),
        ("Kim | K", "South", 3, None),
    ]
    for k, (manager, team, g, m) in enumerate(plan * 4):
        on = f"2024-{1 + k % 6:02d}-15"
        audit = f"A{k}"
        rows.append((audit, "C" + audit, "ilacs", "overall", manager, team, "hp", on, g, m, None))
        rows.append((audit, "C" + audit, "ilacs", "risk", manager, team, "hp", on, g, m, "Safety"))
        voice = None if m is None else min(4, g + 1)
        rows.append(
            (audit, "C" + audit, "ilacs", "voice", manager, team, "hp", on, g, voice, "Voice")
        )
    return rows


@pytest.fixture
def report() -> Report:
    assignments = [Assignment("Sam <b>", "North & East", datetime(2024, 1, 1).date(), None)]
    return build_report(
        PairedGrades.from_rows(_rows()),
        assignments=assignments,
        source="test data",
        generated_at=datetime(2024, 7, 1, 12, 0),
    )


def test_markdown_has_the_headline_and_every_section(report: Report) -> None:
    text = render_markdown(report)
    assert f"**{report.headline}**" in text
    for section in (
        "## Summary",
        "## Manager's grade against moderated grade (overall grades)",
        "## Managers",
        "## Teams",
        "## Criteria",
        "## Domains",
        "## Periods",
        "## Coverage",
        "## Compliance",
        "## Definitions",
    ):
        assert section in text, section
    assert "Kim \\| K" in text  # a pipe in a name does not break the table
    table_lines = [line for line in text.splitlines() if line.startswith("| Overall grades")]
    assert len(table_lines) == 1
    assert table_lines[0].count(" | ") == 11  # label + 11 statistics


def test_html_is_one_self_contained_file(report: Report) -> None:
    html = render_html(report)
    assert html.startswith("<!doctype html>")
    assert not re.search(r"https?:", html, re.IGNORECASE)
    assert "<script" not in html.lower()
    assert not re.search(r"\b(src|href)\s*=", html, re.IGNORECASE)
    assert "@import" not in html and "url(" not in html
    svgs = re.findall(r"<svg\b.*?</svg>", html, re.DOTALL)
    assert len(svgs) >= 4  # confusion, leniency, per-criterion drift, period trend
    for svg in svgs:
        ET.fromstring(svg)  # well-formed
    # names are escaped, not markup
    assert "Sam &lt;b&gt;" in html and "<b>" not in html
    assert "North &amp; East" in html
    assert report.headline.replace("'", "&#x27;") in html


def test_xlsx_opens_with_the_expected_sheets(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    write_xlsx(report, path)
    wb = load_workbook(path)
    assert wb.sheetnames == [
        "Summary",
        "Confusion",
        "Managers",
        "Manager statistics",
        "Teams",
        "Criteria",
        "Domains",
        "Service areas",
        "Rubrics",
        "Periods",
        "Coverage",
        "Compliance",
        "Trend",
        "Definitions",
    ]
    summary = wb["Summary"]
    assert summary["A3"].value == report.headline
    assert summary["A6"].value == "Overall grades"
    assert summary["B6"].value == report.overall.n
    assert summary["C6"].value == pytest.approx(report.overall.exact_agreement)
    assert summary["C6"].number_format == "0%"

    managers = wb["Managers"]
    assert managers.freeze_panes == "B2"
    assert managers["A1"].value == "Manager" and managers["A1"].font.b
    headings = [c.value for c in managers[1]]
    assert "90% interval low" in headings and "90% interval high" in headings
    assert managers.column_dimensions["A"].width >= 20

    confusion = wb["Confusion"]
    grid = [[confusion.cell(row=3 + i, column=2 + j).value for j in range(4)] for i in range(4)]
    assert grid == report.overall.confusion
    assert confusion["A2"].value == "Manager / Moderator"

    teams = wb["Teams"]
    keys = [teams.cell(row=r, column=1).value for r in range(2, teams.max_row + 1)]
    assert keys == [g.key for g in report.by_team]
    # undefined statistics are empty cells, not zeros or text
    compliance = wb["Compliance"]
    assert compliance["A2"].value == "Sam <b>"
    assert compliance.cell(row=2, column=8).value == pytest.approx(0.0)  # overdue: 0% on time


def test_json_round_trips_through_the_model(report: Report) -> None:
    text = render_json(report)
    assert Report.model_validate_json(text) == report


def test_renderers_cope_with_an_empty_report(tmp_path: Path) -> None:
    empty = build_report(PairedGrades.empty())
    assert "There are no submitted audits" in render_markdown(empty)
    html = render_html(empty)
    assert "There are no submitted audits" in html
    for svg in re.findall(r"<svg\b.*?</svg>", html, re.DOTALL):
        ET.fromstring(svg)
    write_xlsx(empty, tmp_path / "empty.xlsx")
    assert load_workbook(tmp_path / "empty.xlsx")["Summary"]["A1"].value == "Grade drift report"
