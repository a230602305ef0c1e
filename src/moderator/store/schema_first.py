"""Migration 1, the first schema: users, rubrics, imported cases, audits and their
grades, moderation samples, moderations, the pack register and the append-only event log.

Shipped: never edit it (see :mod:`moderator.store.schema`).
"""

from __future__ import annotations

FIRST_SCHEMA = """
    CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        role TEXT NOT NULL CHECK (role IN ('manager', 'moderator', 'lead')),
        team TEXT,
        authority TEXT,
        created_at TEXT NOT NULL
    );

    CREATE TABLE rubrics (
        hash TEXT PRIMARY KEY,
        id TEXT NOT NULL,
        version TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        stored_at TEXT NOT NULL
    );
    CREATE INDEX rubrics_id ON rubrics(id);

    CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        by TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        cases_added INTEGER NOT NULL,
        cases_skipped INTEGER NOT NULL
    );

    CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        case_ref TEXT NOT NULL UNIQUE,
        team TEXT NOT NULL,
        service_area TEXT NOT NULL,
        opened TEXT,
        closed TEXT,
        worker_ref TEXT,
        child_ref TEXT,
        text TEXT NOT NULL,
        redaction_counts TEXT NOT NULL DEFAULT '{}',
        import_id INTEGER REFERENCES imports(id),
        imported_at TEXT NOT NULL
    );
    CREATE INDEX cases_team ON cases(team);

    CREATE TABLE audits (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        rubric_hash TEXT NOT NULL REFERENCES rubrics(hash),
        manager_id INTEGER NOT NULL REFERENCES users(id),
        assigned_by TEXT NOT NULL,
        assigned_at TEXT NOT NULL,
        due TEXT,
        programme TEXT,
        status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'draft', 'submitted')),
        overall_override INTEGER CHECK (overall_override BETWEEN 1 AND 4),
        override_reason TEXT,
        overall_grade INTEGER CHECK (overall_grade BETWEEN 1 AND 4),
        submitted_at TEXT,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX audits_manager ON audits(manager_id, status);
    CREATE INDEX audits_case ON audits(case_id);
    CREATE INDEX audits_status ON audits(status, submitted_at);

    CREATE TABLE criterion_grades (
        audit_id INTEGER NOT NULL REFERENCES audits(id),
        criterion TEXT NOT NULL,
        grade INTEGER CHECK (grade BETWEEN 1 AND 4),
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (audit_id, criterion)
    ) WITHOUT ROWID;

    -- A submitted audit is read-only: the database itself refuses changes.
    CREATE TRIGGER criterion_grades_locked_update BEFORE UPDATE ON criterion_grades
    WHEN (SELECT status FROM audits WHERE id = OLD.audit_id) = 'submitted'
    BEGIN SELECT RAISE(ABORT, 'audit is submitted and read-only'); END;
    CREATE TRIGGER criterion_grades_locked_insert BEFORE INSERT ON criterion_grades
    WHEN (SELECT status FROM audits WHERE id = NEW.audit_id) = 'submitted'
    BEGIN SELECT RAISE(ABORT, 'audit is submitted and read-only'); END;
    CREATE TRIGGER criterion_grades_no_delete BEFORE DELETE ON criterion_grades
    WHEN (SELECT status FROM audits WHERE id = OLD.audit_id) = 'submitted'
    BEGIN SELECT RAISE(ABORT, 'audit is submitted and read-only'); END;
    CREATE TRIGGER audits_locked BEFORE UPDATE ON audits
    WHEN OLD.status = 'submitted'
    BEGIN SELECT RAISE(ABORT, 'audit is submitted and read-only'); END;

    CREATE TABLE samples (
        id INTEGER PRIMARY KEY,
        drawn_by TEXT NOT NULL,
        drawn_at TEXT NOT NULL,
        seed INTEGER,
        rate REAL,
        params TEXT NOT NULL DEFAULT '{}'
    );

    CREATE TABLE sample_items (
        sample_id INTEGER NOT NULL REFERENCES samples(id),
        audit_id INTEGER NOT NULL REFERENCES audits(id),
        hand_picked INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (sample_id, audit_id)
    );
    CREATE INDEX sample_items_audit ON sample_items(audit_id);

    CREATE TABLE moderations (
        id INTEGER PRIMARY KEY,
        audit_id INTEGER NOT NULL UNIQUE REFERENCES audits(id),
        sample_id INTEGER REFERENCES samples(id),
        moderator_id INTEGER REFERENCES users(id),
        moderator_name TEXT,
        status TEXT NOT NULL DEFAULT 'todo'
            CHECK (status IN ('todo', 'draft', 'submitted', 'reviewed')),
        overall_grade INTEGER CHECK (overall_grade BETWEEN 1 AND 4),
        overall_override INTEGER CHECK (overall_override BETWEEN 1 AND 4),
        override_reason TEXT,
        moderated_overall INTEGER CHECK (moderated_overall BETWEEN 1 AND 4),
        overall_rationale TEXT,
        outcome TEXT CHECK (outcome IN ('agreed', 'downgraded', 'upgraded')),
        source TEXT NOT NULL DEFAULT 'local',
        submitted_at TEXT,
        reviewed_at TEXT,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX moderations_moderator ON moderations(moderator_id, status);

    CREATE TABLE moderation_grades (
        moderation_id INTEGER NOT NULL REFERENCES moderations(id),
        criterion TEXT NOT NULL,
        grade INTEGER CHECK (grade BETWEEN 1 AND 4),
        note TEXT NOT NULL DEFAULT '',
        moderated_grade INTEGER CHECK (moderated_grade BETWEEN 1 AND 4),
        rationale TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (moderation_id, criterion)
    ) WITHOUT ROWID;

    CREATE TABLE packs (
        id TEXT PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('export', 'import')),
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        by TEXT NOT NULL,
        sample_id INTEGER,
        seal TEXT NOT NULL
    );

    -- The append-only event log: who did what, when, with before and after.
    CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        kind TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT,
        field TEXT,
        before TEXT,
        after TEXT,
        detail TEXT
    );
    CREATE INDEX events_entity ON events(entity, entity_id);
    CREATE TRIGGER events_no_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only: UPDATE refused'); END;
    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only: DELETE refused'); END;
    """
