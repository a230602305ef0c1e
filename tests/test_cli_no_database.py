"""A mistyped --db is refused: no file, no folder; only the commands that start a database make one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from moderator.cli import cli

READERS = [
    ["audit", "list", "--as", "Kenneth Obi"],
    ["audit", "show", "1", "--as", "Kenneth Obi"],
    ["user", "list"],
    ["user", "password", "Kenneth Obi", "--as", "Kenneth Obi"],
    ["moderation", "list", "--as", "Eleanor Rowbotham"],
    ["sample", "--rate", "0.5", "--seed", "1", "--as", "Kenneth Obi"],
    ["report", "--as", "Kenneth Obi"],
    ["report", "--format", "csv", "--as", "Kenneth Obi"],
    ["report", "--format", "pack", "--as", "Kenneth Obi"],
    ["verify"],
    ["calibration", "list", "--as", "Kenneth Obi"],
    ["intervention", "list", "--as", "Kenneth Obi"],
    ["pack", "list", "--as", "Kenneth Obi"],
    ["agreement", "--as", "Kenneth Obi"],
    ["serve"],
]


@pytest.mark.parametrize("args", READERS, ids=lambda a: " ".join(a[:2]))
def test_a_command_that_reads_a_database_creates_nothing_where_there_is_none(
    tmp_path: Path, args: list[str]
) -> None:
    missing = tmp_path / "nonexistent" / "dir" / "x.db"
    result = CliRunner().invoke(cli, [*args, "--db", str(missing)], input="")
    assert result.exit_code == 1, result.output
    assert f"no database at {missing}" in result.output
    assert "moderator user add NAME --role lead" in result.output  # how to start one
    assert "no user" not in result.output
    assert not (tmp_path / "nonexistent").exists()  # no file, no folder


def test_the_workbench_is_not_opened_on_a_database_that_is_not_there(tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "x.db"
    result = CliRunner().invoke(cli, ["--db", str(missing), "--as", "mia"])
    assert result.exit_code == 1, result.output
    assert f"no database at {missing}" in result.output
    assert not (tmp_path / "typo").exists()


def test_the_default_database_is_not_created_by_a_command_that_reads_it(
    isolated_environment: Path,
) -> None:
    result = CliRunner().invoke(cli, ["audit", "list", "--as", "Kenneth Obi"])
    assert result.exit_code == 1
    assert "no database at" in result.output
    assert not (isolated_environment / "data").exists()


def _users(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM users ORDER BY name")]


def test_the_first_lead_starts_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "new" / "authority.db"
    result = CliRunner().invoke(cli, ["user", "add", "lee", "--role", "lead", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert _users(path) == ["lee"]
    listed = CliRunner().invoke(cli, ["user", "list", "--db", str(path)])
    assert listed.exit_code == 0 and "lee" in listed.output


def test_synth_and_the_demo_build_still_create_their_database(tmp_path: Path) -> None:
    synth = tmp_path / "s" / "synth.db"
    result = CliRunner().invoke(
        cli, ["synth", "--audits", "20", "--seed", "1", "--db", str(synth), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert _users(synth)
    demo = tmp_path / "d" / "demo.db"
    result = CliRunner().invoke(cli, ["demo", "--build-only", str(demo)])
    assert result.exit_code == 0, result.output
    assert "Kenneth Obi" in _users(demo)
