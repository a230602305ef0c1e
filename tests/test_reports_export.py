"""Exporting a report to a file: every format, the default name, and clear failures."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from moderator.analysis.build import build_report
from moderator.analysis.inputs import ReportFilters
from moderator.analysis.paired_csv import read_paired_csv
from moderator.errors import BadInput, UsageProblem
from moderator.reports.export import EXPORT_FORMATS, default_export_path, export_report
from tests.report_samples import contract_csv


@pytest.fixture
def pairs(tmp_path: Path):  # type: ignore[no-untyped-def]
    return read_paired_csv(contract_csv(tmp_path / "in.csv"))


def test_every_format_writes_a_file_a_lead_can_open(pairs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = build_report(pairs)
    for fmt in EXPORT_FORMATS:
        path = tmp_path / f"out.{fmt}"
        assert export_report(report, fmt, path, pairs=pairs) == path
        assert path.stat().st_size > 0, fmt
    assert json.loads((tmp_path / "out.json").read_text())["headline"] == report.headline
    assert report.headline in (tmp_path / "out.md").read_text()
    assert (tmp_path / "out.xlsx").read_bytes()[:2] == b"PK"
    assert "<svg" in (tmp_path / "out.html").read_text()


def test_csv_export_applies_the_reports_filters(pairs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    filters = ReportFilters(team="t0")
    report = build_report(pairs, filters=filters)
    out = tmp_path / "pairs.csv"
    export_report(report, "csv", out, pairs=pairs, filters=filters)
    back = read_paired_csv(out)
    assert set(back.team.values()) == {"t0"}
    assert build_report(back).overall.n == report.overall.n


def test_default_name_carries_the_date_and_format(tmp_path: Path) -> None:
    assert default_export_path("xlsx", date(2020, 2, 10), tmp_path) == (
        tmp_path / "drift-report-2020-02-10.xlsx"
    )
    assert default_export_path("md", date(2020, 2, 10)).parent == Path.cwd()


def test_failures_say_what_and_where(pairs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = build_report(pairs)
    with pytest.raises(UsageProblem):
        export_report(report, "pdf", tmp_path / "x.pdf")
    with pytest.raises(UsageProblem):
        export_report(report, "csv", tmp_path / "x.csv")  # no pairs
    missing = tmp_path / "no" / "such" / "folder" / "x.md"
    with pytest.raises(BadInput, match="cannot write"):
        export_report(report, "md", missing)
    assert not missing.exists()


def test_a_file_named_for_another_format_is_refused(pairs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = build_report(pairs)
    wrong = tmp_path / "mismatch.csv"
    with pytest.raises(UsageProblem, match=r"the name says CSV but the format is HTML"):
        export_report(report, "html", wrong)
    assert not wrong.exists()
    own = tmp_path / "report.txt"  # an extension no format claims is the user's own choice
    assert export_report(report, "md", own) == own
    assert export_report(report, "html", tmp_path / "REPORT.HTM").exists()
