from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from moderator.errors import BadInput
from moderator.store import open_store
from moderator.store.schema import SCHEMA_VERSION


def test_new_database_is_wal_with_foreign_keys_and_current_schema(tmp_path: Path) -> None:
    with open_store(tmp_path / "a" / "m.db") as s:
        assert s.scalar("PRAGMA journal_mode") == "wal"
        assert s.scalar("PRAGMA foreign_keys") == 1
        assert s.schema_version == SCHEMA_VERSION


def test_reopening_does_not_migrate_twice(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with open_store(path) as s, s.transaction():
        s.record_event("t", "x", "thing", 1)
    with open_store(path) as s:
        assert len(s.events()) == 1


def test_event_log_refuses_update_and_delete_in_sqlite_itself(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with open_store(path) as s, s.transaction():
        s.record_event("alice", "audit.grade", "audit", 7, before="Good", after="Inadequate")
    raw = sqlite3.connect(path)  # a plain connection: no moderator code in the way
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        raw.execute("UPDATE events SET after = 'Good'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        raw.execute("DELETE FROM events")
    assert raw.execute("SELECT after FROM events").fetchall() == [("Inadequate",)]
    raw.close()


def test_a_failed_transaction_writes_nothing(store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RuntimeError), store.transaction():
        store.record_event("a", "x", "thing", 1)
        raise RuntimeError("boom")
    assert store.events() == []


def test_newer_schema_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    raw.close()
    with pytest.raises(BadInput, match="newer"):
        open_store(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(BadInput, match="not a moderator database"):
        open_store(path)


def test_two_connections_writing_at_once_both_land(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    a = open_store(path)
    b = open_store(path)
    with a.transaction():
        a.record_event("a", "x", "thing", 1)
    with b.transaction():
        b.record_event("b", "x", "thing", 2)
    assert [e["actor"] for e in a.events()] == ["a", "b"]
    a.close()
    b.close()


def test_database_and_its_wal_are_private_and_commits_are_durable(tmp_path: Path) -> None:
    import os
    import threading

    old = os.umask(0o022)  # a typical umask would give 0644
    try:
        path = tmp_path / "m.db"
        with open_store(path) as s:
            with s.transaction():
                s.record_event("a", "x", "thing", 1)
            for name in ("m.db", "m.db-wal", "m.db-shm"):
                assert (tmp_path / name).stat().st_mode & 0o777 == 0o600, name
            sync: list[int] = []
            worker = threading.Thread(target=lambda: sync.append(s.scalar("PRAGMA synchronous")))
            worker.start()
            worker.join()
            assert [s.scalar("PRAGMA synchronous"), *sync] == [2, 2]  # FULL on every connection
    finally:
        os.umask(old)
