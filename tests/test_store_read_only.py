"""A database file that can be read but not written: said plainly, nothing written, exit 1.

The tests run as root, who may write any file whatever its mode, so the file is made
read-only to SQLite itself (``PRAGMA query_only``): SQLite then refuses each write with
the same "attempt to write a readonly database" a read-only file or disk gives.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from moderator.cli import cli
from moderator.errors import BadInput
from moderator.services.users import add_user
from moderator.store import db as store_db
from moderator.store import open_store
from tests.helpers import people


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "m.db"
    with open_store(path) as store:
        people(store)
    return path


def users(path: Path) -> list[str]:
    with open_store(path) as store:
        return [r["name"] for r in store.rows("SELECT name FROM users ORDER BY id")]


def test_a_write_to_a_read_only_database_says_so(db: Path) -> None:
    before = users(db)
    with open_store(db) as store:
        store.conn.execute("PRAGMA query_only = 1")
        with pytest.raises(BadInput) as caught:
            add_user(store, "lee", "ann", "manager", team="Safeguarding North")
        assert str(caught.value) == f"{db} is read-only: nothing was written"
        assert not store.conn.in_transaction  # and the store is left ready to read
    assert users(db) == before


def test_a_write_refused_inside_a_transaction_says_so_too(db: Path) -> None:
    """Refused at a statement after the transaction began (not at its start)."""
    with open_store(db) as store:
        refused = pytest.raises(BadInput, match=r"is read-only: nothing was written$")
        with refused, store.transaction() as conn:
            conn.execute("PRAGMA query_only = 1")
            conn.execute("UPDATE users SET team = 'Elsewhere' WHERE name = 'mia'")
        assert not store.conn.in_transaction
        store.conn.execute("PRAGMA query_only = 0")
        assert store.scalar("SELECT team FROM users WHERE name = 'mia'") == "Safeguarding North"


def test_the_command_line_says_the_file_is_read_only_and_exits_1(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``moderator user add`` on a file it may not write once ended in SQLite's raw
    "attempt to write a readonly database"."""
    configure = store_db._configure

    def read_only(conn: sqlite3.Connection) -> None:
        configure(conn)
        conn.execute("PRAGMA query_only = 1")

    before = users(db)
    monkeypatch.setattr(store_db, "_configure", read_only)
    args = ["user", "add", "ann", "--role", "manager", "--team", "North"]
    result = CliRunner().invoke(cli, [*args, "--db", str(db), "--as", "lee"])
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert f"{db} is read-only: nothing was written" in said, said
    assert "readonly database" not in said and "Traceback" not in said, said
    monkeypatch.undo()
    assert users(db) == before


def test_many_rows_written_outside_a_transaction_say_so_too(db: Path) -> None:
    """``executemany`` once let SQLite's raw "attempt to write a readonly database" through."""
    before = users(db)
    with open_store(db) as store:
        store.conn.execute("PRAGMA query_only = 1")
        with pytest.raises(BadInput) as caught:
            store.executemany("UPDATE users SET team = ? WHERE name = ?", [("Elsewhere", "mia")])
        assert str(caught.value) == f"{db} is read-only: nothing was written"
    assert users(db) == before
