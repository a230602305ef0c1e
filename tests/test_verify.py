"""Tamper evidence: SQLite refuses REPLACE over locked rows and the log; the event log is
a hash chain; `moderator verify` names the first event or row altered outside moderator."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from moderator.cli import cli
from moderator.domain.grades import Grade
from moderator.services.rubrics import shipped_rubrics
from moderator.store import open_store
from moderator.store.chain import GENESIS, chain_head, check_chain, check_chain_on_open
from moderator.store.schema import MIGRATIONS
from moderator.synth.bulk import synthesise
from moderator.synth.config import SynthConfig
from tests.helpers import people
from tests.moderation_helpers import submitted_audit
from tests.test_reporting_db import _moderate_all

pytestmark = pytest.mark.usefixtures("mini_rubrics")
G, RI, INAD = Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Three submitted audits, all moderated and reviewed, through the services."""
    path = tmp_path / "m.db"
    with open_store(path) as store:
        u = people(store)
        submitted_audit(store, u["lee"], u["mia"], "C-1", {"risk": G, "seen": G, "plan": G})
        submitted_audit(store, u["lee"], u["max"], "C-2", {"risk": INAD, "seen": G, "plan": RI})
        _moderate_all(store, u)
    return path


@contextmanager
def raw(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection: no moderator code in the way, as an attacker would use."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


def verify(path: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["verify", "--db", str(path), *extra])
    return result.exit_code, result.output


def test_an_untouched_database_verifies(db: Path) -> None:
    code, out = verify(db)
    assert code == 0, out
    assert out.startswith("ok: ") and "2 audits and 2 moderations" in out
    with open_store(db) as store:
        head = chain_head(store)
        assert head.event_id == store.scalar("SELECT max(id) FROM events")
        assert check_chain_on_open(store) is None


def test_replace_on_the_log_and_on_locked_rows_is_refused_by_sqlite(db: Path) -> None:
    with raw(db) as conn:
        before = conn.execute("SELECT * FROM events ORDER BY id").fetchall()
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("INSERT OR REPLACE INTO events SELECT * FROM events WHERE id = 3")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute(
                "REPLACE INTO events (id, at, actor, kind, entity) VALUES (2, 'x', 'y', 'z', 'w')"
            )
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):  # not chained
            conn.execute("INSERT INTO events (at, actor, kind, entity) VALUES ('x', 'y', 'z', 'w')")
        with pytest.raises(sqlite3.IntegrityError, match="submitted and read-only"):
            conn.execute(
                "REPLACE INTO audits SELECT id, case_id, rubric_hash, manager_id, assigned_by,"
                " assigned_at, due, programme, 'draft', overall_override, override_reason,"
                " overall_grade, submitted_at, updated_at FROM audits WHERE status = 'submitted'"
            )
        with pytest.raises(sqlite3.IntegrityError, match="read-only"):
            conn.execute(
                "INSERT OR REPLACE INTO moderations SELECT * FROM moderations WHERE status = 'reviewed'"
            )
        with pytest.raises(sqlite3.IntegrityError, match="submitted and read-only"):
            conn.execute("DELETE FROM audits WHERE status = 'submitted'")
        assert conn.execute("SELECT * FROM events ORDER BY id").fetchall() == before
        assert conn.execute(
            "SELECT count(*) FROM audits WHERE status = 'submitted'"
        ).fetchone() == (2,)
    assert verify(db)[0] == 0


def test_an_event_changed_after_dropping_its_guard_is_named(db: Path) -> None:
    with raw(db) as conn:
        conn.execute("DROP TRIGGER events_no_update")
        conn.execute("UPDATE events SET after = 'Outstanding' WHERE id = 7")
    code, out = verify(db)
    assert code == 1
    assert "event 7: its content does not match its hash" in out
    with open_store(db) as store:
        warning = check_chain_on_open(store)
    # The quick check on opening names the dropped guard first ...
    assert warning is not None and "events_no_update" in warning
    with raw(db) as conn:  # ... and, with the guard put back, the altered event.
        conn.execute(
            "CREATE TRIGGER events_no_update BEFORE UPDATE ON events"
            " BEGIN SELECT RAISE(ABORT, 'the event log is append-only: UPDATE refused'); END"
        )
    with open_store(db) as store:
        warning = check_chain_on_open(store)
    assert warning is not None and "event 7" in warning


def test_a_removed_event_breaks_the_chain_after_it(db: Path) -> None:
    with raw(db) as conn:
        conn.execute("DROP TRIGGER events_no_delete")
        conn.execute("DELETE FROM events WHERE id = 5")
    code, out = verify(db)
    assert code == 1 and "event 6: its link to the event before it is broken" in out


def test_a_submitted_grade_changed_behind_the_guards_is_named(db: Path) -> None:
    with raw(db) as conn:
        (sql,) = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'criterion_grades_locked_update'"
        ).fetchone()
        audit_id = conn.execute("SELECT min(id) FROM audits WHERE status = 'submitted'").fetchone()[
            0
        ]
        conn.execute("DROP TRIGGER criterion_grades_locked_update")
        conn.execute(
            "UPDATE criterion_grades SET grade = 1 WHERE audit_id = ? AND criterion = 'risk'",
            (audit_id,),
        )
        conn.execute(sql)  # the guard put back exactly as it was: only the replay can tell
    code, out = verify(db)
    assert code == 1
    assert (
        f"audit {audit_id}, criterion risk: the grade in the database differs from the log" in out
    )
    assert "Outstanding" not in out and "Good" not in out  # verify never shows a grade


def test_a_dropped_guard_is_named(db: Path) -> None:
    with raw(db) as conn:
        conn.execute("DROP TRIGGER audits_locked")
    code, out = verify(db, "--format", "json")
    assert code == 1 and "trigger audits_locked is missing" in out


def test_a_reopened_audit_and_a_changed_outcome_are_named(db: Path) -> None:
    with raw(db) as conn:
        conn.execute("DROP TRIGGER moderations_reviewed_locked")
        mid = conn.execute("SELECT min(id) FROM moderations").fetchone()[0]
        conn.execute("UPDATE moderations SET outcome = 'upgraded' WHERE id = ?", (mid,))
    assert verify(db, "--format", "json")[0] == 1
    with open_store(db) as store:
        from moderator.store.verify import verify as run

        found = run(store)
    assert found.problem is not None and "moderations_reviewed_locked is missing" in found.problem
    assert found.problems == 2  # the dropped guard and the outcome the log does not record

    with raw(db) as conn:
        conn.execute("DROP TRIGGER audits_locked")
        conn.execute("UPDATE audits SET status = 'draft' WHERE id = 1")
        (submit,) = conn.execute(
            "SELECT id FROM events WHERE kind = 'audit.submit' AND entity_id = '1'"
        ).fetchone()
    with open_store(db) as store:
        from moderator.store.verify import _audit_problems, _replay

        audits, _ = _replay(store)
        problems = [p for p in _audit_problems(store, audits) if p]
    assert problems == [
        f"audit 1: status draft in the database differs from the log (event {submit})"
    ]


def test_a_version_2_log_is_chained_by_the_migration(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    with raw(path) as conn:
        conn.executescript(
            f"BEGIN; {MIGRATIONS[0]} {MIGRATIONS[1]} PRAGMA user_version = 2; COMMIT;"
        )
        for i in range(1, 6):
            conn.execute(
                "INSERT INTO events (at, actor, kind, entity, entity_id, after)"
                " VALUES ('2020-01-0' || ?, 'lee', 'user.add', 'user', ?, 'lead')",
                (i, i),
            )
    with open_store(path) as store:
        assert store.scalar("SELECT prev_hash FROM events WHERE id = 1") == GENESIS
        assert check_chain(store) is None
        with store.transaction():
            store.record_event("lee", "user.add", "user", 6, after="manager")
        assert check_chain(store) is None
        assert chain_head(store).event_id == 6


def test_a_synthetic_database_with_its_lean_log_verifies(tmp_path: Path) -> None:
    path = tmp_path / "synth.db"
    with open_store(path) as store:
        synthesise(store, SynthConfig(audits=80, seed=5), shipped_rubrics())
    code, out = verify(path)
    assert code == 0, out


def test_report_warns_once_on_stderr_when_the_log_was_altered(db: Path) -> None:
    with raw(db) as conn:
        conn.execute("DROP TRIGGER events_no_update")
        conn.execute("UPDATE events SET actor = 'someone else' WHERE id = 2")
    result = CliRunner().invoke(cli, ["report", "--db", str(db), "--as", "lee", "--format", "json"])
    assert result.exit_code == 0
    assert result.stderr.count("altered outside moderator") == 1
    assert "altered" not in result.stdout


def test_a_page_of_the_file_overwritten_on_disk_is_named(db: Path) -> None:
    """Someone with the file writes over one of its pages (not through SQLite): the rows
    verify reads may still chain and replay, but SQLite's own check of the file finds it."""
    with raw(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        # the event log's first page: a page of rows, not the schema's
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'events'").fetchone()
    assert pages > 2 and root[0] > 1
    with db.open("r+b") as f:
        f.seek((root[0] - 1) * page_size)
        f.write(b"\xab" * page_size)
    code, out = verify(db)
    assert code == 1, out
    assert "the file is damaged" in out, out
