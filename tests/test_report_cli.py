"""``moderator report``: formats, files, filters, errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from moderator.analysis.paired_csv import read_paired_csv
from moderator.analysis.report import Report
from moderator.cli import cli
from tests.report_samples import contract_csv


@pytest.fixture
def pairs_csv(tmp_path: Path) -> Path:
    return contract_csv(tmp_path / "pairs.csv")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_json_to_stdout(pairs_csv: Path) -> None:
    code, out, _ = run("report", "--from-csv", str(pairs_csv), "--format", "json")
    assert code == 0
    report = Report.model_validate_json(out)
    assert report.overall.n == 32
    assert report.source == "pairs.csv"  # the file name, never where it lies on the disk


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv", "xlsx"])
def test_every_file_format_writes_its_file(pairs_csv: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    code, stdout, stderr = run(
        "report", "--from-csv", str(pairs_csv), "--format", fmt, "--out", str(out)
    )
    assert code == 0, stderr
    assert stdout == ""
    assert out.stat().st_mode & 0o777 == 0o600  # names managers and grades: owner only
    assert f"Wrote {out}" in stderr
    assert out.stat().st_size > 0
    if fmt == "xlsx":
        assert "Summary" in load_workbook(out).sheetnames


def test_xlsx_without_out_writes_report_xlsx_here(
    pairs_csv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, stderr = run("report", "--from-csv", str(pairs_csv), "--format", "xlsx")
    assert code == 0
    assert "Wrote report.xlsx" in stderr
    assert (tmp_path / "report.xlsx").exists()


def test_csv_round_trips_through_from_csv(pairs_csv: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.csv"
    assert (
        run("report", "--from-csv", str(pairs_csv), "--format", "csv", "--out", str(copy))[0] == 0
    )
    original = json.loads(run("report", "--from-csv", str(pairs_csv), "--format", "json")[1])
    again = json.loads(run("report", "--from-csv", str(copy), "--format", "json")[1])
    for key in (
        "headline",
        "overall",
        "criteria",
        "by_manager",
        "by_team",
        "by_period",
        "coverage",
    ):
        assert again[key] == original[key], key
    a, b = read_paired_csv(pairs_csv), read_paired_csv(copy)
    assert a.manager_grade.tolist() == b.manager_grade.tolist()
    assert a.moderated_grade.tolist() == b.moderated_grade.tolist()


def test_csv_to_stdout_respects_filters(pairs_csv: Path) -> None:
    code, out, _ = run("report", "--from-csv", str(pairs_csv), "--format", "csv", "--team", "t0")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("audit_id,case_ref,rubric,criterion")
    assert len(lines) == 1 + 40  # 20 audits of team t0, two rows each
    assert all(",t0," in line for line in lines[1:])


def test_filters_period_and_target(pairs_csv: Path) -> None:
    args = ["report", "--from-csv", str(pairs_csv), "--format", "json"]
    since = json.loads(run(*args, "--since", "2020-05-01", "--until", "2020-06-30")[1])
    assert since["filters"] == {
        "since": "2020-05-01",
        "until": "2020-06-30",
        "team": None,
        "rubric": None,
    }
    assert {p["key"] for p in since["by_period"]} == {"2020-Q2"}
    monthly = json.loads(run(*args, "--period", "month")[1])
    assert [p["key"] for p in monthly["by_period"]][:2] == ["2020-01", "2020-02"]
    strict = json.loads(run(*args, "--target", "0.9")[1])
    assert strict["coverage"]["target"] == 0.9 and strict["coverage"]["meets_target"] is False
    assert "Only 80% of submitted audits were moderated (target 90%)." in strict["headline"]


def test_table_shows_headline_confusion_and_managers(pairs_csv: Path) -> None:
    code, out, _ = run("report", "--from-csv", str(pairs_csv))
    assert code == 0
    assert "Moderators downgraded 32 of 32 audits (100%)" in " ".join(out.split())
    assert "Manager / Moderator" in out
    assert "most lenient first" in out
    for manager in ("m0", "m1", "m2", "m3"):
        assert manager in out


def test_bad_csv_is_exit_1_with_file_line_and_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "audit_id,case_ref,rubric,criterion,manager,team,service_area,audited_on,manager_grade,"
        "moderated_grade\nA1,C1,r,overall,m,t,s,2020-01-01,Great,\n",
        encoding="utf-8",
    )
    code, out, err = run("report", "--from-csv", str(bad), "--format", "json")
    assert code == 1
    assert out == ""
    assert f"{bad}:2: manager_grade: not a grade: 'Great'" in err
    assert "Traceback" not in err


def test_usage_problems_exit_2(pairs_csv: Path, tmp_path: Path) -> None:
    code, _, err = run(
        "report", "--from-csv", str(pairs_csv), "--since", "2021-01-01", "--until", "2020-01-01"
    )
    assert code == 2 and "after --until" in err
    code, _, err = run("report", "--from-csv", str(pairs_csv), "--since", "last week")
    assert code == 2 and "not a date" in err
    code, _, err = run("report", "--from-csv", str(pairs_csv), "--until", "2021-02-29")
    assert code == 2 and "2021-02-29 is not a date: February 2021 has 28 days" in err
    code, _, err = run("report", "--from-csv", str(pairs_csv), "--out", str(tmp_path / "x.txt"))
    assert code == 2 and "--out needs a file format" in err
    assert run("report", "--from-csv", str(pairs_csv), "--format", "pdf")[0] == 2


def test_database_report_on_a_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    code, out, err = run("report", "--db", str(tmp_path / "x.db"), "--as", "lead")
    assert code == 1
    assert "no database at" in err and "Traceback" not in err
    assert out == ""


def test_help_does_not_import_numerical_libraries() -> None:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from moderator.cli import cli\n"
        "CliRunner().invoke(cli, ['report', '--help'])\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('numpy', 'scipy', 'openpyxl')]\n"
        "print(','.join(sorted(set(m.split('.')[0] for m in bad))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


@pytest.mark.parametrize(
    ("fmt", "name", "says"),
    [
        ("html", "mismatch.csv", "the name says CSV but the format is HTML; name it mismatch.html"),
        ("csv", "pairs.xlsx", "the name says Excel but the format is CSV; name it pairs.csv"),
        ("xlsx", "book.json", "the name says JSON but the format is Excel"),
        ("json", "evidence.zip", "the name says evidence pack (zip) but the format is JSON"),
        ("md", "notes.html", "the name says HTML but the format is Markdown"),
    ],
)
def test_report_refuses_an_out_file_named_for_another_format(
    tmp_path: Path, fmt: str, name: str, says: str
) -> None:
    out = tmp_path / name
    pairs = str(contract_csv(tmp_path / "in.csv"))
    code, _out, err = run("report", "--from-csv", pairs, "--format", fmt, "--out", str(out))
    assert code == 2, err
    assert says in err
    assert not out.exists()
