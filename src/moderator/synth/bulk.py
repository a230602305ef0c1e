"""Write a plan with bulk inserts: large synthetic databases in minutes.

The rows are the ones the service functions would write for the same plan
(statuses, overall grades derived with the rubric rule, moderated grades and
outcomes, timestamps), checked by a test that builds the same small plan both
ways. The event log is kept lean: users added, audits assigned, overridden
and submitted, samples drawn, moderations created, claimed, submitted and
reviewed, but not every grade change (a real database logs each key press).

Each month of the plan is written in one transaction with ``executemany``,
in the order the database's own locks allow: an audit's grades before it is
marked submitted, a moderation's grades before it is marked submitted or
reviewed.

Synth data never contains identities, not even invented ones: its cases are
generated already anonymised (``[CHILD]``, ``[MOTHER]`` ...) and stored
with :func:`moderator.services.cases.store_case`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from moderator.domain.grades import Grade
from moderator.domain.rubric import Rubric
from moderator.errors import BadInput
from moderator.services.cases import store_case
from moderator.services.rubrics import ensure_rubric
from moderator.services.users import SYSTEM
from moderator.store.chain import append_events
from moderator.store.db import Store
from moderator.synth.bulk_rows import Row, event_row, moderation_rows, sample_params
from moderator.synth.calendar import grading_stamp
from moderator.synth.config import SynthConfig
from moderator.synth.generator import synthesise_plan
from moderator.synth.plan import AuditSpec, Chunk, ModerationSpec, Plan, SampleSpec, case_batches

Progress = Callable[[int, int], None]


@dataclass
class SynthResult:
    """What ``moderator synth`` wrote."""

    users: int = 0
    cases: int = 0
    audits: int = 0
    submitted: int = 0
    samples: int = 0
    moderations: int = 0
    reviewed: int = 0
    events: int = 0


class BulkWriter:
    """Writes a plan's chunks into an empty database."""

    def __init__(self, store: Store, plan: Plan, rubrics: dict[str, Rubric]) -> None:
        self.store = store
        self.plan = plan
        self.rubrics = rubrics
        self.result = SynthResult()
        self.user_ids: dict[str, int] = {}
        self.case_ids: dict[str, int] = {}
        self.audit_ids: dict[str, int] = {}
        self.submitted: dict[str, tuple[str, str, Grade]] = {}
        """Submitted audits not yet sampled: key -> (case key, rubric id, overall grade)."""
        self.rubric_hash: dict[str, str] = {}
        self.next_case = 1
        self.next_audit = 1
        self.next_sample = 1
        self.next_moderation = 1
        self.events: list[tuple[Any, ...]] = []

    # -- setup ------------------------------------------------------------------------------------
    def check_empty(self) -> None:
        """Refuse a database that already holds data (synth never mixes with real records)."""
        for table in ("users", "cases", "audits"):
            if self.store.scalar(f"SELECT 1 FROM {table} LIMIT 1") is not None:
                where = self.store.path or "the database"
                raise BadInput(
                    f"{where}: already holds {table}; synth writes only to a new, empty database"
                )

    def people(self) -> None:
        """Users as ``add_user`` creates them (the first lead by 'system', the rest by it)."""
        started = self.plan.started
        leads = [p for p in self.plan.people if p.role == "lead"]
        others = [p for p in self.plan.people if p.role != "lead"]
        rows = []
        for i, person in enumerate([*leads, *others], start=1):
            rows.append((i, person.name, person.role, person.team, person.authority, started))
            self.user_ids[person.name] = i
            actor = SYSTEM if i == 1 else leads[0].name
            self.events.append(event_row(started, actor, "user.add", "user", i, after=person.role))
        with self.store.transaction():
            self.store.executemany(
                "INSERT INTO users (id, name, role, team, authority, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
            self._flush_events()
        self.result.users = len(rows)

    def _flush_events(self) -> None:
        append_events(self.store, self.events)
        self.result.events += len(self.events)
        self.events = []

    # -- a chunk -------------------------------------------------------------------------------------
    def write(self, chunk: Chunk) -> None:
        """Write one chunk in one transaction."""
        store = self.store
        with store.transaction():
            for when, cases in case_batches(chunk):
                for case in cases:
                    if case.raw is not None:
                        raise BadInput("bulk writing takes anonymised cases only")
                    store_case(store, case, import_id=None, stamp=when)
                    self.case_ids[case.key] = self.next_case
                    self.next_case += 1
            self.result.cases += len(chunk.cases)
            self._audits(chunk.audits)
            for sample in sorted(chunk.samples, key=lambda s: s.drawn_at):
                self._sample(sample, [m for m in chunk.moderations if m.sample_key == sample.key])
            self._flush_events()

    def _rubric(self, rubric_id: str, first_use: str) -> str:
        digest = self.rubric_hash.get(rubric_id)
        if digest is None:
            saved = self.store.clock
            self.store.clock = lambda: first_use
            try:
                digest = ensure_rubric(self.store, self.rubrics[rubric_id])
            finally:
                self.store.clock = saved
            self.rubric_hash[rubric_id] = digest
        return digest

    def _audits(self, audits: list[AuditSpec]) -> None:
        audit_rows = []
        grade_rows = []
        submit_rows = []
        for spec in audits:
            audit_id = self.next_audit
            self.next_audit += 1
            self.audit_ids[spec.key] = audit_id
            digest = self._rubric(spec.rubric_id, spec.assigned_at)
            updated = spec.assigned_at
            status = "todo"
            if spec.grades:
                assert spec.graded_from is not None
                status = "draft"
                for index, (criterion, entry) in enumerate(spec.grades.items()):
                    updated = grading_stamp(spec.graded_from, index)
                    grade_rows.append((audit_id, criterion, int(entry.grade), entry.note, updated))
            if spec.override is not None and spec.override_at is not None:
                status = "draft"
                updated = max(updated, spec.override_at)
            audit_rows.append(
                (
                    audit_id,
                    self.case_ids[spec.case_key],
                    digest,
                    self.user_ids[spec.manager],
                    spec.assigned_by,
                    spec.assigned_at,
                    spec.due,
                    spec.programme,
                    status,
                    None if spec.override is None else int(spec.override),
                    spec.override_reason,
                    updated,
                )
            )
            self.events.append(
                event_row(
                    spec.assigned_at,
                    spec.assigned_by,
                    "audit.assign",
                    "audit",
                    audit_id,
                    after=spec.manager,
                    detail={
                        "rubric": spec.rubric_id,
                        "rubric_hash": digest,
                        "due": spec.due,
                        "programme": spec.programme,
                    },
                )
            )
            if spec.override is not None and spec.override_at is not None:
                self.events.append(
                    event_row(
                        spec.override_at,
                        spec.manager,
                        "audit.override",
                        "audit",
                        audit_id,
                        field="overall",
                        after=spec.override.label,
                        detail={"reason_chars": len((spec.override_reason or "").strip())},
                    )
                )
            if spec.status == "submitted":
                assert spec.overall is not None and spec.submitted_at is not None
                self.submitted[spec.key] = (spec.case_key, spec.rubric_id, spec.overall)
                submit_rows.append(
                    (int(spec.overall), spec.submitted_at, spec.submitted_at, audit_id)
                )
                self.events.append(
                    event_row(
                        spec.submitted_at,
                        spec.manager,
                        "audit.submit",
                        "audit",
                        audit_id,
                        field="overall",
                        after=spec.overall.label,
                    )
                )
        store = self.store
        store.executemany(
            "INSERT INTO audits (id, case_id, rubric_hash, manager_id, assigned_by, assigned_at,"
            " due, programme, status, overall_override, override_reason, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            audit_rows,
        )
        store.executemany(
            "INSERT INTO criterion_grades (audit_id, criterion, grade, note, updated_at)"
            " VALUES (?, ?, ?, ?, ?)",
            grade_rows,
        )
        # Only now may they be locked: the database refuses grades on a submitted audit.
        store.executemany(
            "UPDATE audits SET status = 'submitted', overall_grade = ?, submitted_at = ?,"
            " updated_at = ? WHERE id = ?",
            submit_rows,
        )
        self.result.audits += len(audit_rows)
        self.result.submitted += len(submit_rows)

    def _sample(self, sample: SampleSpec, moderations: list[ModerationSpec]) -> None:
        sample_id = self.next_sample
        self.next_sample += 1
        audit_ids = [self.audit_ids[k] for k in sample.audit_keys]
        record = sample_params(sample, audit_ids if sample.hand_picked else [])
        store = self.store
        store.execute(
            "INSERT INTO samples (id, drawn_by, drawn_at, seed, rate, params)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                sample_id,
                sample.drawn_by,
                sample.drawn_at,
                sample.seed,
                sample.rate,
                json.dumps(record, sort_keys=True),
            ),
        )
        by_audit = {m.audit_key: m for m in moderations}
        item_rows = []
        created: list[Row] = []
        grade_rows = []
        final_rows = []
        for key, audit_id in zip(sample.audit_keys, audit_ids, strict=True):
            moderation_id = self.next_moderation
            self.next_moderation += 1
            case_key, rubric_id, manager_overall = self.submitted.pop(key)
            item_rows.append((sample_id, audit_id, int(sample.hand_picked)))
            rows = moderation_rows(
                by_audit[key],
                sample,
                ids=(moderation_id, audit_id, self.case_ids[case_key], sample_id),
                rubric_hash=self.rubric_hash[rubric_id],
                manager_overall=manager_overall,
                user_ids=self.user_ids,
            )
            self.events.extend(rows.events)
            created.append(rows.row)
            grade_rows.extend(rows.grades)
            if rows.final is not None:
                final_rows.append(rows.final)
            self.result.reviewed += rows.reviewed
        self.events.append(
            event_row(
                sample.drawn_at,
                sample.drawn_by,
                "sample.draw",
                "sample",
                sample_id,
                after=f"{len(audit_ids)} audits",
                detail={**record, "audit_ids": audit_ids},
            )
        )
        store.executemany(
            "INSERT INTO sample_items (sample_id, audit_id, hand_picked) VALUES (?, ?, ?)",
            item_rows,
        )
        store.executemany(
            "INSERT INTO moderations (id, audit_id, case_id, rubric_hash, sample_id, moderator_id,"
            " moderator_name, status, source, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'local', ?, ?)",
            created,
        )
        store.executemany(
            "INSERT INTO moderation_grades (moderation_id, criterion, grade, note,"
            " moderated_grade, rationale, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            grade_rows,
        )
        # Locked last: the database refuses grade changes on a submitted moderation.
        store.executemany(
            "UPDATE moderations SET status = :status, overall_grade = :overall_grade,"
            " submitted_at = :submitted_at, moderated_overall = :moderated_overall,"
            " overall_rationale = :overall_rationale, outcome = :outcome,"
            " reviewed_at = :reviewed_at, reviewed_by = :reviewed_by, updated_at = :updated_at"
            " WHERE id = :id",
            final_rows,
        )
        self.result.samples += 1
        self.result.moderations += len(created)


def write_plan_bulk(
    store: Store,
    plan: Plan,
    rubrics: dict[str, Rubric],
    progress: Progress | None = None,
) -> SynthResult:
    """Write a plan into an empty database with bulk inserts, a month per transaction."""
    writer = BulkWriter(store, plan, rubrics)
    writer.check_empty()
    writer.people()
    for chunk in plan.chunks:
        writer.write(chunk)
        if progress:
            progress(writer.result.audits, plan.audits_total or writer.result.audits)
    return writer.result


def synthesise(
    store: Store,
    config: SynthConfig,
    rubrics: dict[str, Rubric],
    progress: Progress | None = None,
) -> SynthResult:
    """Generate and write a synthetic dataset (``moderator synth``) into an empty database.

    ``progress(done, total)`` is called after each month with audits written so far.
    """
    plan = synthesise_plan(config, rubrics)
    return write_plan_bulk(store, plan, rubrics, progress)
