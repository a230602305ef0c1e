"""What a new user found on the command line: a mistyped --as name, and tables in a pipe."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from moderator.cli import cli
from tests import test_tui_layout as layout

demo_db = layout.demo_db


def test_a_mistyped_name_is_offered_the_near_one(demo_db: Path) -> None:
    """`--as 'Philp Mensah'` said only "no user 'Philp Mensah'": in an open database (whose
    picker lists every name) the near miss is named. Still bad input, exit 1."""
    result = CliRunner().invoke(
        cli, ["moderation", "list", "--db", str(demo_db), "--as", "Philp Mensah"]
    )
    assert result.exit_code == 1, result.output
    assert "did you mean 'Philip Mensah'?" in result.output, result.output


def test_a_table_in_a_pipe_is_one_record_a_line(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Piped, `moderation list` wrapped every cell over several lines at 80 columns."""
    monkeypatch.delenv("COLUMNS", raising=False)
    args = ["moderation", "list", "--db", str(demo_db), "--as", "Philip Mensah"]
    as_json = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    records = json.loads(as_json.output)
    assert records
    table = CliRunner().invoke(cli, args)
    assert table.exit_code == 0, table.output
    lines = table.output.splitlines()
    for record in records:
        line = next((x for x in lines if f" {record['id']} " in x), "")
        assert record["case_ref"] in line and record["status"] in line, (record, lines[:8])
