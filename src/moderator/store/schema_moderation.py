"""Migration 2, moderation in earnest: moderations of cases received in packs, the
locks on a moderator's submitted grading and on a completed review, the pack register.

Shipped: never edit it (see :mod:`moderator.store.schema`).
"""

from __future__ import annotations

# 2: moderation in earnest. A moderation can now be of a case received in a
# pack from another authority (no local audit), so it carries its own case
# and rubric; moderations record when they were created (the sampling
# exclusion window) and which pack they went out or came in with; the
# database refuses changes to a moderator's submitted grading and to a
# completed review; received requests keep their return token.
MODERATION = """
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
    """
