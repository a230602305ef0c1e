"""`moderator serve`: localhost by default; an open database is never served beyond it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from moderator.cli import cli
from moderator.cli.serve_cmd import is_local, tab_command
from moderator.store import open_store
from tests.helpers import people


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"])
def test_loopback_addresses_are_local(host: str) -> None:
    assert is_local(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "moderation.example.org"])
def test_other_addresses_are_not(host: str) -> None:
    assert not is_local(host)


def test_an_open_database_is_not_served_beyond_this_machine(tmp_path: Path) -> None:
    db = tmp_path / "open.db"
    with open_store(db) as store:
        people(store)
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--host", "0.0.0.0"])
    assert result.exit_code == 3
    assert "open (no passwords yet)" in result.output
    assert "moderator user password" in result.output


def test_each_tab_runs_its_own_workbench_on_the_database(tmp_path: Path) -> None:
    command = tab_command(tmp_path / "a b.db", demo=False)
    assert "moderator.cli.serve_tab" in command and "'" in command  # the path is quoted
    assert tab_command(tmp_path / "d.db", demo=True).endswith("--demo")
