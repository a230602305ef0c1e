"""Write a drift report to a file in any export format (the TUI's export; same output as the CLI)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from moderator.errors import BadInput, UsageProblem
from moderator.files import write_private

if TYPE_CHECKING:
    from moderator.analysis.inputs import ReportFilters
    from moderator.analysis.pairs import PairedGrades
    from moderator.analysis.report import Report

EXPORT_FORMATS: dict[str, str] = {
    "html": "Web page with charts (self-contained)",
    "xlsx": "Excel workbook",
    "md": "Markdown",
    "csv": "Paired grades (CSV, one row per audit × criterion)",
    "json": "JSON (every figure)",
}
"""Export formats and what each is, in the order a lead is offered them."""


FORMAT_NAMES: dict[str, str] = {
    "html": "HTML",
    "xlsx": "Excel",
    "md": "Markdown",
    "csv": "CSV",
    "json": "JSON",
    "pack": "evidence pack (zip)",
}
"""Each format as a person names it, for messages."""

EXTENSIONS: dict[str, str] = {
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
    ".md": "md",
    ".markdown": "md",
    ".csv": "csv",
    ".json": "json",
    ".zip": "pack",
}
"""File extensions that say which format a file holds."""


def extension_problem(fmt: str, path: Path) -> str | None:
    """Why ``path`` is the wrong name for a ``fmt`` file, or None when it is not.

    A known extension (``.html``, ``.xlsx``, ``.md``, ``.csv``, ``.json``, ``.zip``)
    that names another format is refused rather than followed: HTML written into
    ``report.csv`` opens as rubbish wherever the name is trusted. Any other
    extension, or none, is the user's own choice.
    """
    named = EXTENSIONS.get(path.suffix.lower())
    if named is None or named == fmt:
        return None
    wanted = "zip" if fmt == "pack" else fmt
    return (
        f"{path.name}: the name says {FORMAT_NAMES[named]} but the format is "
        f"{FORMAT_NAMES.get(fmt, fmt)}; name it {path.with_suffix('.' + wanted).name}, "
        f"or choose the {named} format"
    )


def default_export_path(fmt: str, today: date, folder: Path | None = None) -> Path:
    """``drift-report-YYYY-MM-DD.<fmt>`` in ``folder`` (default: the current directory)."""
    return (folder or Path.cwd()) / f"drift-report-{today.isoformat()}.{fmt}"


def export_report(
    report: Report,
    fmt: str,
    path: Path,
    *,
    pairs: PairedGrades | None = None,
    filters: ReportFilters | None = None,
) -> Path:
    """Write ``report`` as ``fmt`` to ``path``; returns the path written.

    ``csv`` writes the paired-grades table the report was built from, so it
    needs ``pairs`` (and the report's ``filters``, applied here).

    Raises:
        UsageProblem: an unknown format, ``csv`` without pairs, or a file name whose
            extension names another format (see :func:`extension_problem`).
        BadInput: the file cannot be written (the message names it).
    """
    if (problem := extension_problem(fmt, path)) is not None:
        raise UsageProblem(problem)
    data = render_export(report, fmt, pairs=pairs, filters=filters)
    try:
        write_private(path, data)
    except OSError as exc:
        raise BadInput(f"{path}: cannot write: {exc.strerror or exc}") from exc
    return path


def render_export(
    report: Report,
    fmt: str,
    *,
    pairs: PairedGrades | None = None,
    filters: ReportFilters | None = None,
) -> bytes:
    """``report`` as the bytes of a ``fmt`` file, written nowhere (a browser's download).

    Raises:
        UsageProblem: an unknown format, or ``csv`` without pairs.
    """
    if fmt not in EXPORT_FORMATS:
        raise UsageProblem(f"unknown export format {fmt!r}: use {', '.join(EXPORT_FORMATS)}")
    if fmt == "csv":
        if pairs is None:
            raise UsageProblem("a CSV export needs the paired grades")
        from moderator.analysis.build import apply_filters
        from moderator.analysis.pairs import write_paired_csv

        table = io.StringIO(newline="")
        write_paired_csv(apply_filters(pairs, filters), table)
        return table.getvalue().encode("utf-8")
    if fmt == "xlsx":
        from moderator.reports.xlsx import write_xlsx

        book = io.BytesIO()
        write_xlsx(report, book)
        return book.getvalue()
    if fmt == "json":
        from moderator.reports import render_json

        text = render_json(report) + "\n"
    elif fmt == "md":
        from moderator.reports.markdown import render_markdown

        text = render_markdown(report)
    else:
        from moderator.reports.html import render_html

        text = render_html(report)
    return text.encode("utf-8")
