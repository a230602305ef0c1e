"""Renderers for the drift report: Markdown, self-contained HTML, XLSX, JSON, CSV.

Pure (no textual/rich); openpyxl is imported only when a workbook is written.
The CSV format is the paired-grades table itself
(:func:`moderator.analysis.pairs.write_paired_csv`), which ``report --from-csv``
reads back.
"""

from __future__ import annotations

from moderator.analysis.report import Report
from moderator.reports.html import render_html
from moderator.reports.markdown import render_markdown
from moderator.reports.xlsx import write_xlsx


def render_json(report: Report) -> str:
    """The report as JSON (the ``--format json`` contract of docs/formats.md)."""
    return report.model_dump_json(indent=2)


__all__ = ["render_html", "render_json", "render_markdown", "write_xlsx"]
