"""What moderator writes about cases and grades is readable by its owner only (0600)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from moderator.cli import cli
from moderator.files import write_private
from moderator.store import open_store
from tests.helpers import people
from tests.moderation_helpers import submitted_audit

pytestmark = pytest.mark.usefixtures("mini_rubrics")


@pytest.fixture(autouse=True)
def lax_umask():  # type: ignore[no-untyped-def]
    old = os.umask(0o022)  # what most desktops use: files would be 0644
    yield
    os.umask(old)


def test_write_private_makes_even_an_existing_file_private(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text("old")
    path.chmod(0o644)
    write_private(path, "# Report\n")
    assert path.read_text() == "# Report\n"
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("fmt", ["md", "html", "json", "xlsx"])
def test_reports_written_from_the_database_are_private(tmp_path: Path, fmt: str) -> None:
    db = tmp_path / "m.db"
    with open_store(db) as store:
        u = people(store)
        submitted_audit(store, u["lee"], u["mia"], "C-1")
    out = tmp_path / f"report.{fmt}"
    result = CliRunner().invoke(
        cli, ["report", "--db", str(db), "--as", "lee", "--format", fmt, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.stat().st_mode & 0o777 == 0o600
    assert db.stat().st_mode & 0o777 == 0o600
