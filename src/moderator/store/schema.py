"""The schema as forward migrations. Each entry moves the database one version on.

Never edit a migration that has shipped: add a new one. ``PRAGMA user_version``
holds the current version.
"""

from __future__ import annotations

from moderator.store.chain import GENESIS

MIGRATIONS: list[str] = [
    # 1: the first schema
    """
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
    """,
    # 2: moderation in earnest. A moderation can now be of a case received in a
    # pack from another authority (no local audit), so it carries its own case
    # and rubric; moderations record when they were created (the sampling
    # exclusion window) and which pack they went out or came in with; the
    # database refuses changes to a moderator's submitted grading and to a
    # completed review; received requests keep their return token.
    """
    CREATE TABLE pack_requests (
        id TEXT PRIMARY KEY,
        source_authority TEXT NOT NULL,
        source_sample_id INTEGER,
        created TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        opened_by TEXT NOT NULL,
        return_token TEXT NOT NULL,
        fingerprint TEXT NOT NULL
    );

    CREATE TABLE moderations_new (
        id INTEGER PRIMARY KEY,
        audit_id INTEGER UNIQUE REFERENCES audits(id),
        case_id INTEGER NOT NULL REFERENCES cases(id),
        rubric_hash TEXT NOT NULL REFERENCES rubrics(hash),
        sample_id INTEGER REFERENCES samples(id),
        moderator_id INTEGER REFERENCES users(id),
        moderator_name TEXT,
        status TEXT NOT NULL DEFAULT 'todo'
            CHECK (status IN ('todo', 'draft', 'submitted', 'reviewed')),
        overall_grade INTEGER CHECK (overall_grade BETWEEN 1 AND 4),
        overall_override INTEGER CHECK (overall_override BETWEEN 1 AND 4),
        override_reason TEXT,
        moderated_overall INTEGER CHECK (moderated_overall BETWEEN 1 AND 4),
        moderated_override INTEGER CHECK (moderated_override BETWEEN 1 AND 4),
        overall_rationale TEXT,
        outcome TEXT CHECK (outcome IN ('agreed', 'downgraded', 'upgraded')),
        source TEXT NOT NULL DEFAULT 'local',
        pack_id TEXT,
        request_id TEXT REFERENCES pack_requests(id),
        remote_audit_id INTEGER,
        returned_in TEXT,
        created_at TEXT NOT NULL,
        submitted_at TEXT,
        reviewed_at TEXT,
        reviewed_by TEXT,
        updated_at TEXT NOT NULL,
        CHECK ((audit_id IS NULL) = (request_id IS NOT NULL)),
        UNIQUE (request_id, remote_audit_id)
    );
    INSERT INTO moderations_new (id, audit_id, case_id, rubric_hash, sample_id, moderator_id,
        moderator_name, status, overall_grade, overall_override, override_reason,
        moderated_overall, overall_rationale, outcome, source, created_at, submitted_at,
        reviewed_at, updated_at)
    SELECT m.id, m.audit_id, a.case_id, a.rubric_hash, m.sample_id, m.moderator_id,
        m.moderator_name, m.status, m.overall_grade, m.overall_override, m.override_reason,
        m.moderated_overall, m.overall_rationale, m.outcome, m.source, m.updated_at,
        m.submitted_at, m.reviewed_at, m.updated_at
    FROM moderations m JOIN audits a ON a.id = m.audit_id;

    CREATE TABLE moderation_grades_new (
        moderation_id INTEGER NOT NULL REFERENCES moderations_new(id),
        criterion TEXT NOT NULL,
        grade INTEGER CHECK (grade BETWEEN 1 AND 4),
        note TEXT NOT NULL DEFAULT '',
        moderated_grade INTEGER CHECK (moderated_grade BETWEEN 1 AND 4),
        rationale TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (moderation_id, criterion)
    ) WITHOUT ROWID;
    INSERT INTO moderation_grades_new SELECT * FROM moderation_grades;

    -- Children first, so dropping the old tables never orphans a row; renaming
    -- moderations_new rewrites the reference in moderation_grades_new.
    DROP TABLE moderation_grades;
    DROP TABLE moderations;
    ALTER TABLE moderations_new RENAME TO moderations;
    ALTER TABLE moderation_grades_new RENAME TO moderation_grades;
    CREATE INDEX moderations_moderator ON moderations(moderator_id, status);
    CREATE INDEX moderations_case ON moderations(case_id);
    CREATE INDEX moderations_sample ON moderations(sample_id);
    CREATE INDEX moderations_pack ON moderations(pack_id);

    -- A submitted moderation keeps the moderator's blind grading as submitted:
    -- only the review columns may change; a reviewed one is read-only.
    CREATE TRIGGER moderations_reviewed_locked BEFORE UPDATE ON moderations
    WHEN OLD.status = 'reviewed'
    BEGIN SELECT RAISE(ABORT, 'moderation is reviewed and read-only'); END;
    CREATE TRIGGER moderations_submitted_locked BEFORE UPDATE ON moderations
    WHEN OLD.status = 'submitted' AND (
        NEW.status NOT IN ('submitted', 'reviewed')
        OR NEW.overall_grade IS NOT OLD.overall_grade
        OR NEW.overall_override IS NOT OLD.overall_override
        OR NEW.override_reason IS NOT OLD.override_reason
        OR NEW.moderator_id IS NOT OLD.moderator_id
        OR NEW.moderator_name IS NOT OLD.moderator_name
        OR NEW.audit_id IS NOT OLD.audit_id
        OR NEW.case_id IS NOT OLD.case_id
        OR NEW.rubric_hash IS NOT OLD.rubric_hash
        OR NEW.submitted_at IS NOT OLD.submitted_at)
    BEGIN SELECT RAISE(ABORT, 'moderation is submitted: the blind grading is read-only'); END;
    CREATE TRIGGER moderations_no_delete BEFORE DELETE ON moderations
    WHEN OLD.status IN ('submitted', 'reviewed')
    BEGIN SELECT RAISE(ABORT, 'moderation is submitted and cannot be deleted'); END;

    CREATE TRIGGER moderation_grades_locked_update BEFORE UPDATE ON moderation_grades
    WHEN (SELECT status FROM moderations WHERE id = OLD.moderation_id) = 'reviewed'
      OR ((SELECT status FROM moderations WHERE id = OLD.moderation_id) = 'submitted'
          AND (NEW.grade IS NOT OLD.grade OR NEW.note IS NOT OLD.note
               OR NEW.criterion IS NOT OLD.criterion
               OR NEW.moderation_id IS NOT OLD.moderation_id))
    BEGIN SELECT RAISE(ABORT, 'moderation is submitted: the blind grading is read-only'); END;
    CREATE TRIGGER moderation_grades_locked_insert BEFORE INSERT ON moderation_grades
    WHEN (SELECT status FROM moderations WHERE id = NEW.moderation_id)
        IN ('submitted', 'reviewed')
    BEGIN SELECT RAISE(ABORT, 'moderation is submitted: the blind grading is read-only'); END;
    CREATE TRIGGER moderation_grades_no_delete BEFORE DELETE ON moderation_grades
    WHEN (SELECT status FROM moderations WHERE id = OLD.moderation_id)
        IN ('submitted', 'reviewed')
    BEGIN SELECT RAISE(ABORT, 'moderation is submitted: the blind grading is read-only'); END;

    -- What a pack was about: the other party, the request a return answers,
    -- how many items, and the file's SHA-256 (what the two sides compare).
    ALTER TABLE packs ADD COLUMN authority TEXT;
    ALTER TABLE packs ADD COLUMN ref TEXT;
    ALTER TABLE packs ADD COLUMN items INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE packs ADD COLUMN sha256 TEXT;
    CREATE TRIGGER packs_no_update BEFORE UPDATE ON packs
    BEGIN SELECT RAISE(ABORT, 'the pack register is append-only: UPDATE refused'); END;
    CREATE TRIGGER packs_no_delete BEFORE DELETE ON packs
    BEGIN SELECT RAISE(ABORT, 'the pack register is append-only: DELETE refused'); END;
    """,
    # 3: dated interventions (training, a new audit tool, a practice week) that
    # the drift trend marks and the report compares before and after.
    """
    CREATE TABLE interventions (
        id INTEGER PRIMARY KEY,
        on_date TEXT NOT NULL,
        title TEXT NOT NULL,
        detail TEXT,
        team TEXT,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
    );
    CREATE INDEX interventions_on_date ON interventions(on_date);
    """,
    # 4: calibration cases. A panel's agreed grades for a case, and the audits
    # that slipped it into managers' programmes. Agreed grades never change.
    """
    CREATE TABLE calibration_cases (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL UNIQUE REFERENCES cases(id),
        rubric_hash TEXT NOT NULL REFERENCES rubrics(hash),
        panel TEXT NOT NULL,
        agreed_by TEXT NOT NULL,
        agreed_at TEXT NOT NULL,
        overall_grade INTEGER CHECK (overall_grade BETWEEN 1 AND 4)
    );
    CREATE TABLE calibration_grades (
        calibration_id INTEGER NOT NULL REFERENCES calibration_cases(id),
        criterion TEXT NOT NULL,
        grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),
        reason TEXT NOT NULL,
        PRIMARY KEY (calibration_id, criterion)
    );
    CREATE TABLE calibration_audits (
        audit_id INTEGER PRIMARY KEY REFERENCES audits(id),
        calibration_id INTEGER NOT NULL REFERENCES calibration_cases(id)
    );
    CREATE INDEX calibration_audits_case ON calibration_audits(calibration_id);
    CREATE TRIGGER calibration_cases_no_update BEFORE UPDATE ON calibration_cases
    BEGIN SELECT RAISE(ABORT, 'agreed calibration grades are final: UPDATE refused'); END;
    CREATE TRIGGER calibration_cases_no_delete BEFORE DELETE ON calibration_cases
    BEGIN SELECT RAISE(ABORT, 'agreed calibration grades are final: DELETE refused'); END;
    CREATE TRIGGER calibration_grades_no_update BEFORE UPDATE ON calibration_grades
    BEGIN SELECT RAISE(ABORT, 'agreed calibration grades are final: UPDATE refused'); END;
    CREATE TRIGGER calibration_grades_no_delete BEFORE DELETE ON calibration_grades
    BEGIN SELECT RAISE(ABORT, 'agreed calibration grades are final: DELETE refused'); END;
    CREATE TRIGGER calibration_audits_no_update BEFORE UPDATE ON calibration_audits
    BEGIN SELECT RAISE(ABORT, 'the calibration register is append-only: UPDATE refused'); END;
    CREATE TRIGGER calibration_audits_no_delete BEFORE DELETE ON calibration_audits
    BEGIN SELECT RAISE(ABORT, 'the calibration register is append-only: DELETE refused'); END;
    CREATE TRIGGER calibration_cases_no_replace BEFORE INSERT ON calibration_cases
    WHEN EXISTS (SELECT 1 FROM calibration_cases WHERE id = NEW.id OR case_id = NEW.case_id)
    BEGIN SELECT RAISE(ABORT, 'agreed calibration grades are final: REPLACE refused'); END;
    CREATE TRIGGER calibration_grades_no_replace BEFORE INSERT ON calibration_grades
    WHEN EXISTS (SELECT 1 FROM calibration_grades
        WHERE calibration_id = NEW.calibration_id AND criterion = NEW.criterion)
    BEGIN SELECT RAISE(ABORT, 'agreed calibration grades are final: REPLACE refused'); END;
    CREATE TRIGGER calibration_audits_no_replace BEFORE INSERT ON calibration_audits
    WHEN EXISTS (SELECT 1 FROM calibration_audits WHERE audit_id = NEW.audit_id)
    BEGIN SELECT RAISE(ABORT, 'the calibration register is append-only: REPLACE refused'); END;
    """,
    # 5: tamper evidence. Each event seals the one before it (prev_hash, hash:
    # see moderator.store.chain; the events written before are chained here in
    # id order, with the hash function moderator registers on its connections).
    # SQLite itself refuses writing an event anywhere but at the end of the
    # chain, and REPLACE (a DELETE and an INSERT that skip the UPDATE and DELETE
    # triggers) over a locked audit, moderation, event or pack.
    """
    ALTER TABLE events ADD COLUMN prev_hash TEXT;
    ALTER TABLE events ADD COLUMN hash TEXT;
    DROP TRIGGER events_no_update;
    CREATE TEMP TABLE chain_backfill AS
    WITH RECURSIVE chain(id, prev, h) AS (
        SELECT e.id, 'GENESIS', moderator_event_hash('GENESIS', e.id, e.at, e.actor, e.kind,
            e.entity, e.entity_id, e.field, e.before, e.after, e.detail)
        FROM events e WHERE e.id = (SELECT min(id) FROM events)
        UNION ALL
        SELECT e.id, c.h, moderator_event_hash(c.h, e.id, e.at, e.actor, e.kind,
            e.entity, e.entity_id, e.field, e.before, e.after, e.detail)
        FROM chain c JOIN events e ON e.id = (SELECT min(id) FROM events WHERE id > c.id)
    )
    SELECT id, prev, h FROM chain;
    UPDATE events SET prev_hash = c.prev, hash = c.h FROM chain_backfill c WHERE c.id = events.id;
    DROP TABLE chain_backfill;
    CREATE TRIGGER events_no_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only: UPDATE refused'); END;

    CREATE TRIGGER events_append_at_end BEFORE INSERT ON events
    WHEN NEW.id IS NULL OR NEW.id <= coalesce((SELECT max(id) FROM events), 0)
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only: only a new event at the end'); END;
    CREATE TRIGGER events_chained BEFORE INSERT ON events
    WHEN NEW.hash IS NULL OR NEW.prev_hash IS NOT coalesce(
        (SELECT hash FROM events ORDER BY id DESC LIMIT 1), 'GENESIS')
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only: an event must seal the last one'); END;

    CREATE TRIGGER audits_no_replace BEFORE INSERT ON audits
    WHEN EXISTS (SELECT 1 FROM audits WHERE id = NEW.id AND status = 'submitted')
    BEGIN SELECT RAISE(ABORT, 'audit is submitted and read-only'); END;
    CREATE TRIGGER audits_no_delete BEFORE DELETE ON audits
    WHEN OLD.status = 'submitted'
    BEGIN SELECT RAISE(ABORT, 'audit is submitted and read-only'); END;
    CREATE TRIGGER moderations_no_replace BEFORE INSERT ON moderations
    WHEN EXISTS (SELECT 1 FROM moderations
        WHERE status IN ('submitted', 'reviewed') AND (id = NEW.id OR audit_id = NEW.audit_id
            OR (request_id = NEW.request_id AND remote_audit_id = NEW.remote_audit_id)))
    BEGIN SELECT RAISE(ABORT, 'moderation is submitted and read-only'); END;
    CREATE TRIGGER packs_no_replace BEFORE INSERT ON packs
    WHEN EXISTS (SELECT 1 FROM packs WHERE id = NEW.id)
    BEGIN SELECT RAISE(ABORT, 'the pack register is append-only: REPLACE refused'); END;
    """.replace("GENESIS", GENESIS),
    # 6: identity: passwords. The first row secures the database (every session
    # signs in from then on). Only argon2id hashes are accepted, never a
    # password; failures and locks are kept here, each also an event.
    """
    CREATE TABLE credentials (
        user_id INTEGER PRIMARY KEY REFERENCES users(id),
        hash TEXT NOT NULL CHECK (hash LIKE '$argon2id$%'),
        temporary INTEGER NOT NULL DEFAULT 0 CHECK (temporary IN (0, 1)),
        set_at TEXT NOT NULL,
        set_by TEXT NOT NULL,
        failures INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT
    );
    """,
    # 7: a lead's list, a page at a time: its default order (drafts, to do, submitted;
    # soonest due first) as an index, so the first page of 100,000 audits and the last
    # are read without sorting them all. The expression is the one the list's ORDER BY
    # uses (services/audit_pages.py DEFAULT_ORDER); SQLite matches it term for term.
    """
    CREATE INDEX audits_list_order ON audits(
        CASE status WHEN 'draft' THEN 0 WHEN 'todo' THEN 1 ELSE 2 END, due IS NULL, due, id);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
