"""Migrations 3 to 7, the features added since moderation: interventions, calibration
cases, tamper evidence (the hash chain), passwords and the lead's list order.

Shipped: never edit them (see :mod:`moderator.store.schema`).
"""

from __future__ import annotations

from moderator.store.chain import GENESIS

# 3: dated interventions (training, a new audit tool, a practice week) that
# the drift trend marks and the report compares before and after.
INTERVENTIONS = """
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
    """

# 4: calibration cases. A panel's agreed grades for a case, and the audits
# that slipped it into managers' programmes. Agreed grades never change.
CALIBRATION = """
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
    """

# 5: tamper evidence. Each event seals the one before it (prev_hash, hash:
# see moderator.store.chain; the events written before are chained here in
# id order, with the hash function moderator registers on its connections).
# SQLite itself refuses writing an event anywhere but at the end of the
# chain, and REPLACE (a DELETE and an INSERT that skip the UPDATE and DELETE
# triggers) over a locked audit, moderation, event or pack.
TAMPER_EVIDENCE = """
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
    """.replace("GENESIS", GENESIS)

# 6: identity: passwords. The first row secures the database (every session
# signs in from then on). Only argon2id hashes are accepted, never a
# password; failures and locks are kept here, each also an event.
CREDENTIALS = """
    CREATE TABLE credentials (
        user_id INTEGER PRIMARY KEY REFERENCES users(id),
        hash TEXT NOT NULL CHECK (hash LIKE '$argon2id$%'),
        temporary INTEGER NOT NULL DEFAULT 0 CHECK (temporary IN (0, 1)),
        set_at TEXT NOT NULL,
        set_by TEXT NOT NULL,
        failures INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT
    );
    """

# 7: a lead's list, a page at a time: its default order (drafts, to do, submitted;
# soonest due first) as an index, so the first page of 100,000 audits and the last
# are read without sorting them all. The expression is the one the list's ORDER BY
# uses (services/audit_pages.py DEFAULT_ORDER); SQLite matches it term for term.
AUDIT_LIST_ORDER = """
    CREATE INDEX audits_list_order ON audits(
        CASE status WHEN 'draft' THEN 0 WHEN 'todo' THEN 1 ELSE 2 END, due IS NULL, due, id);
    """

# 8: what a database says about itself, one value a name. The first: "demo", in a demo
# built to a file (``moderator demo --build-only``), so that opened later it keeps the
# demo's own clock (moderator.demo.is_demo_database).
ABOUT = """
    CREATE TABLE about (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """
