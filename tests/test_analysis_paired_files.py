"""Paired-grades files: several at once, Parquet, and bounded reading of hostile input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from moderator.analysis.paired_csv import read_paired_csv, read_paired_parquet
from moderator.analysis.pairs import HEADER
from moderator.cli import cli
from moderator.errors import BadInput
from tests.report_samples import contract_csv

HEAD = ",".join(HEADER)
ROW = "A1,C1,r,overall,m,t,s,2020-01-01,Good,Inadequate\n"


def _problem(path: Path) -> str:
    with pytest.raises(BadInput) as caught:
        read_paired_csv(path)
    return "\n".join([caught.value.message, *(caught.value.details or [])])


def test_several_files_are_pooled_and_their_audits_kept_apart(tmp_path: Path) -> None:
    one = contract_csv(tmp_path / "north.csv")
    two = tmp_path / "south.csv"
    two.write_bytes(one.read_bytes())  # the same audit ids, another authority
    run = CliRunner().invoke
    single = json.loads(run(cli, ["report", "--from-csv", str(one), "--format", "json"]).output)
    result = run(cli, ["report", "--from-csv", str(one), str(two), "--format", "json"])
    assert result.exit_code == 0, result.output
    pooled = json.loads(result.output)
    assert pooled["audits"] == 2 * single["audits"]
    assert pooled["overall"]["n"] == 2 * single["overall"]["n"]
    assert pooled["overall"]["overrides"] is None  # a CSV does not record overrides
    assert all(m["overrides"] is None for m in pooled["by_manager"])


def test_parquet_reads_like_the_csv(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.csv as pc
    import pyarrow.parquet as pq

    csv_path = contract_csv(tmp_path / "pairs.csv")
    table = pc.read_csv(csv_path)  # typed by inference: dates as dates, some grades as numbers
    pq.write_table(table, tmp_path / "pairs.parquet")
    a, b = read_paired_csv(csv_path), read_paired_parquet(tmp_path / "pairs.parquet")
    assert a.manager.values().tolist() == b.manager.values().tolist()
    assert a.moderated_grade.tolist() == b.moderated_grade.tolist()
    assert a.audited_on.tolist() == b.audited_on.tolist()
    result = CliRunner().invoke(
        cli, ["report", "--from-csv", str(tmp_path / "pairs.parquet"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert isinstance(pa.table({"x": [1]}), pa.Table)


def test_a_device_or_a_directory_is_refused(tmp_path: Path) -> None:
    assert "not a regular file" in _problem(Path("/dev/zero"))
    assert "not a regular file" in _problem(tmp_path)
    result = CliRunner().invoke(cli, ["report", "--from-csv", "/dev/zero"])
    assert result.exit_code == 1
    assert "/dev/zero" in result.output


def test_a_huge_field_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text(f'{HEAD}\n{ROW}A2,C2,r,overall,"{"x" * 300_000}",t,s,2020-01-01,1,2\n')
    message = _problem(path)
    assert f"{path}:3: row:" in message
    assert "longer than" in message or "field larger than field limit" in message


def test_a_huge_number_is_named_not_echoed(tmp_path: Path) -> None:
    path = tmp_path / "number.csv"
    path.write_text(f"{HEAD}\n{ROW}A2,C2,r,overall,m,t,s,2020-01-01,{'9' * 5000},\n")
    message = _problem(path)
    assert f"{path}:3: manager_grade: not a grade: '99999999999999999999'… (5,000 characters)" in (
        message
    )
    assert len(message) < 1000


def test_a_huge_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_text("x" * 100_000 + "\n")
    assert f"{path}:1: header: longer than" in _problem(path)


def test_files_only_with_from_csv(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["report", str(tmp_path / "a.csv")])
    assert result.exit_code == 2
