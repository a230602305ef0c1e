"""`moderator serve`: localhost by default; an open database is never served beyond it."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

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
    assert "Serving" not in result.output  # it never says it serves, then refuses


class FakeServer:
    """textual-serve's Server as far as ``serve`` uses it: serving returns at once."""

    served: ClassVar[list[str]] = []

    def __init__(self, command: str, **options: object) -> None:
        self.command = command
        self.public_url = "http://127.0.0.1:8000"

    def serve(self) -> None:
        FakeServer.served.append(self.command)


def test_serving_is_announced_only_when_it_serves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import textual_serve.server

    monkeypatch.setattr(textual_serve.server, "Server", FakeServer)
    db = tmp_path / "open.db"
    with open_store(db) as store:
        people(store)
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert f"Serving the workbench on {db} at http://127.0.0.1:8123" in result.output
    assert len(FakeServer.served) == 1


def test_each_tab_runs_its_own_workbench_on_the_database(tmp_path: Path) -> None:
    command = tab_command(tmp_path / "a b.db", demo=False)
    assert "moderator.cli.serve_tab" in command and "'" in command  # the path is quoted
    assert tab_command(tmp_path / "d.db", demo=True).endswith("--demo")
