"""Schema v2: moderations migrate from v1 intact, and the database guards what the services promise."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from moderator.store import open_store
from moderator.store.schema import MIGRATIONS


def test_a_version_1_database_migrates_with_its_moderations(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA foreign_keys = ON")
    raw.executescript(f"BEGIN; {MIGRATIONS[0]} PRAGMA user_version = 1; COMMIT;")
    raw.executescript(
        """
        INSERT INTO users VALUES (1, 'mia', 'manager', NULL, NULL, '2020-01-01');
        INSERT INTO users VALUES (2, 'oli', 'moderator', NULL, NULL, '2020-01-01');
        INSERT INTO rubrics VALUES ('h1', 'mini', '1.0', 'Mini', '{}', '2020-01-01');
        INSERT INTO cases (id, case_ref, team, service_area, text, imported_at)
            VALUES (7, 'C-7', 'North', 'help_and_protection', 'text', '2020-01-01');
        INSERT INTO audits (id, case_id, rubric_hash, manager_id, assigned_by, assigned_at,
            status, updated_at) VALUES (3, 7, 'h1', 1, 'lee', '2020-01-01', 'draft', '2020-01-02');
        INSERT INTO samples (id, drawn_by, drawn_at, seed, rate) VALUES (1, 'lee', '2020-02-01', 5, 0.1);
        INSERT INTO moderations (id, audit_id, sample_id, moderator_id, moderator_name, status,
            updated_at) VALUES (9, 3, 1, 2, 'oli', 'draft', '2020-02-03');
        INSERT INTO moderation_grades VALUES (9, 'risk', 4, 'no plan', NULL, NULL, '2020-02-03');
        """
    )
    raw.close()
    with open_store(path) as store:
        assert store.schema_version == len(MIGRATIONS)
        row = store.row("SELECT * FROM moderations WHERE id = 9")
        assert row is not None
        assert (row["audit_id"], row["case_id"], row["rubric_hash"]) == (3, 7, "h1")
        assert (row["moderator_name"], row["status"], row["created_at"]) == (
            "oli",
            "draft",
            "2020-02-03",
        )
        grades = store.rows("SELECT criterion, grade, note FROM moderation_grades")
        assert grades == [{"criterion": "risk", "grade": 4, "note": "no plan"}]
        assert store.rows("PRAGMA foreign_key_check") == []
        # moderation_grades still points at the (rebuilt) moderations table.
        with pytest.raises(sqlite3.IntegrityError), store.transaction():
            store.execute(
                "INSERT INTO moderation_grades (moderation_id, criterion, updated_at)"
                " VALUES (999, 'risk', 'x')"
            )


def test_the_pack_register_is_append_only(store) -> None:  # type: ignore[no-untyped-def]
    with store.transaction():
        store.execute(
            "INSERT INTO packs (id, direction, kind, at, by, seal) VALUES"
            " ('p1', 'export', 'moderation-request', 't', 'lee', 's')"
        )
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), store.transaction():
        store.execute("DELETE FROM packs")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), store.transaction():
        store.execute("UPDATE packs SET by = 'someone else'")


def test_a_moderation_is_of_a_local_audit_or_a_received_case_never_neither(store) -> None:  # type: ignore[no-untyped-def]
    with store.transaction():
        store.execute("INSERT INTO rubrics VALUES ('h1', 'mini', '1.0', 'Mini', '{}', 't')")
        store.execute(
            "INSERT INTO cases (id, case_ref, team, service_area, text, imported_at)"
            " VALUES (1, 'C', 'T', 'help_and_protection', 'x', 't')"
        )
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"), store.transaction():
        store.execute(
            "INSERT INTO moderations (case_id, rubric_hash, created_at, updated_at)"
            " VALUES (1, 'h1', 't', 't')"
        )
