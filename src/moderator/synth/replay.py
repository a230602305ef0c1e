"""Apply a plan through the service functions, in the order things happened.

This is how the demo database is built: every user, import, assignment,
grade, override, submission, blind moderation and review goes through the same
service call a person's key press would make, with the store's clock set to
the plan's historical timestamp, so the event log reads like a real history.
Actions are sorted by time before they run, so the log is in time order too.

The one step not made through a service is recording the quarterly samples
themselves (:func:`record_sample`): the plan already says which audits each
sample holds, and ``draw_sample`` picks them with its own generator. It writes
exactly the rows ``draw_sample`` writes (a ``samples`` row, ``sample_items``,
``todo`` moderations and the same events), recording the rate and seed the
plan used. Hand-picked samples (the monitoring visit) go through ``draw_sample``.
"""

from __future__ import annotations

import heapq
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from moderator.errors import BadInput
from moderator.services.audits import assign_audit, save_criterion, set_override, submit_audit
from moderator.services.cases import import_cases, store_case
from moderator.services.users import User, add_user, get_user
from moderator.store.db import Store
from moderator.synth.bulk_rows import record_sample
from moderator.synth.calendar import grading_stamp, setup_time
from moderator.synth.plan import (
    AuditSpec,
    CaseSpec,
    Chunk,
    ModerationSpec,
    Plan,
    SampleSpec,
    case_batches,
)

Action = Callable[[], None]


@dataclass(order=True)
class _Step:
    at: str
    order: int
    run: Action = field(compare=False)


@dataclass
class ReplayState:
    """What the replay has created, by the plan's keys."""

    users: dict[str, User] = field(default_factory=dict)
    case_refs: dict[str, str] = field(default_factory=dict)
    """Plan case key (raw case_id, or the synth reference) -> stored case_ref."""
    audit_ids: dict[str, int] = field(default_factory=dict)
    sample_ids: dict[str, int] = field(default_factory=dict)
    moderation_ids: dict[str, int] = field(default_factory=dict)
    """Audit key -> moderation id."""


class Replayer:
    """Runs a plan's actions through the services with the store's clock at their time."""

    def __init__(self, store: Store, plan: Plan, *, key_path: Path | None = None) -> None:
        self.store = store
        self.plan = plan
        self.key_path = key_path
        self.state = ReplayState()
        self._steps: list[_Step] = []
        self._order = 0
        self._now = ""
        self._saved_clock = store.clock

    # -- scheduling ----------------------------------------------------------------------------
    def at(self, when: str, action: Action) -> None:
        """Schedule ``action`` at ``when`` (ties run in scheduling order)."""
        self._order += 1
        heapq.heappush(self._steps, _Step(when, self._order, action))

    def run(self, progress: Callable[[int, int], None] | None = None) -> ReplayState:
        """Run every scheduled action in time order."""
        self.store.clock = lambda: self._now
        total = len(self._steps)
        done = 0
        try:
            while self._steps:
                step = heapq.heappop(self._steps)
                self._now = step.at
                step.run()
                done += 1
                if progress and (done % 200 == 0 or not self._steps):
                    progress(done, total)
        finally:
            self.store.clock = self._saved_clock
        return self.state

    def user(self, name: str) -> User:
        found = self.state.users.get(name)
        if found is None:
            found = get_user(self.store, name)
            self.state.users[name] = found
        return found

    # -- people ----------------------------------------------------------------------------------
    def people(self, when: str) -> None:
        """Add every user: leads first (the first needs no actor), then everyone else."""
        leads = [p for p in self.plan.people if p.role == "lead"]
        others = [p for p in self.plan.people if p.role != "lead"]
        if not leads:
            raise BadInput("the plan has no lead to assign audits")
        first = leads[0].name

        def add_all() -> None:
            for i, person in enumerate([*leads, *others]):
                created = add_user(
                    self.store,
                    None if i == 0 else first,
                    person.name,
                    person.role,
                    team=person.team,
                    authority=person.authority,
                )
                self.state.users[created.name] = created

        self.at(when, add_all)

    # -- cases ------------------------------------------------------------------------------------
    def import_raw_cases(self, batches: list[tuple[str, list[CaseSpec]]], workdir: Path) -> None:
        """Import raw case records through ``import_cases``, one import per batch at its time.

        Each batch is written as a JSONL file in ``workdir`` (the caller's
        temporary folder) and imported by the lead; the pseudonym each raw
        ``case_id`` received is read back by import order.
        """
        if self.key_path is None:
            raise BadInput("importing raw cases needs a key file")
        key_path = self.key_path
        lead = next(p.name for p in self.plan.people if p.role == "lead")
        for number, (when, cases) in enumerate(batches, start=1):
            path = workdir / f"import-{number:03d}.jsonl"
            path.write_text(
                "".join(json.dumps(c.raw, ensure_ascii=False) + "\n" for c in cases),
                encoding="utf-8",
            )

            def run(path: Path = path, cases: list[CaseSpec] = cases) -> None:
                result = import_cases(self.store, lead, path, key_path=key_path)
                path.unlink()
                import_id = self.store.scalar("SELECT max(id) FROM imports")
                refs = [
                    r["case_ref"]
                    for r in self.store.rows(
                        "SELECT case_ref FROM cases WHERE import_id = ? ORDER BY id", [import_id]
                    )
                ]
                if result.added != len(cases) or len(refs) != len(cases):
                    raise BadInput(
                        f"sample cases: expected {len(cases)} new cases, the import added"
                        f" {result.added} (are two case_ids the same person?)"
                    )
                for case, ref in zip(cases, refs, strict=True):
                    self.state.case_refs[case.key] = ref

            self.at(when, run)

    def store_anonymised_cases(self, when: str, cases: list[CaseSpec]) -> None:
        """Store already-anonymised (synth) cases with ``store_case``."""

        def run() -> None:
            with self.store.transaction():
                for case in cases:
                    store_case(self.store, case, import_id=None, stamp=self._now)
                    self.state.case_refs[case.key] = case.key

        self.at(when, run)

    # -- audits --------------------------------------------------------------------------------------
    def audit(self, spec: AuditSpec) -> None:
        """Assign, grade, override and submit one audit, each at its time."""
        store = self.store

        def assign() -> None:
            self.state.audit_ids[spec.key] = assign_audit(
                store,
                self.user(spec.assigned_by),
                self.state.case_refs[spec.case_key],
                spec.manager,
                spec.rubric_id,
                spec.due,
                programme=spec.programme,
            )

        self.at(spec.assigned_at, assign)
        if spec.grades:
            assert spec.graded_from is not None
            for index, (criterion, entry) in enumerate(spec.grades.items()):

                def grade(criterion: str = criterion, entry: Any = entry) -> None:
                    save_criterion(
                        store,
                        self.user(spec.manager),
                        self.state.audit_ids[spec.key],
                        criterion,
                        grade=entry.grade,
                        note=entry.note,
                    )

                self.at(grading_stamp(spec.graded_from, index), grade)
        if spec.override is not None:
            assert spec.override_at is not None

            def override() -> None:
                set_override(
                    store,
                    self.user(spec.manager),
                    self.state.audit_ids[spec.key],
                    spec.override,
                    spec.override_reason,
                )

            self.at(spec.override_at, override)
        if spec.status == "submitted":
            assert spec.submitted_at is not None

            def submit() -> None:
                done = submit_audit(store, self.user(spec.manager), self.state.audit_ids[spec.key])
                if spec.overall is not None and done.summary.overall != spec.overall:
                    raise BadInput(
                        f"audit {spec.key}: the rubric derives {done.summary.overall} overall,"
                        f" the sample file says {spec.overall.label} (regenerate the sample)"
                    )

            self.at(spec.submitted_at, submit)

    # -- samples and moderations --------------------------------------------------------------------
    def sample(self, spec: SampleSpec) -> None:
        """Record a sample at its time: hand-picked through ``draw_sample``, others mirrored."""

        def run() -> None:
            ids = [self.state.audit_ids[k] for k in spec.audit_keys]
            lead = self.user(spec.drawn_by)
            if spec.hand_picked:
                from moderator.services.sampling import draw_sample

                result = draw_sample(
                    self.store,
                    lead,
                    rate=0,
                    seed=spec.seed,
                    min_per_manager=0,
                    exclude_months=0,
                    hand_picked=ids,
                )
                assert result.id is not None
                sample_id = result.id
                for item in result.items:
                    assert item.moderation_id is not None
                    key = spec.audit_keys[ids.index(item.audit_id)]
                    self.state.moderation_ids[key] = item.moderation_id
            else:
                sample_id, moderation_ids = record_sample(self.store, lead, spec, ids)
                for key, mid in zip(spec.audit_keys, moderation_ids, strict=True):
                    self.state.moderation_ids[key] = mid
            self.state.sample_ids[spec.key] = sample_id

        self.at(spec.drawn_at, run)

    def moderation(self, spec: ModerationSpec) -> None:
        """Blind grading, submission and review of one sampled audit, each at its time."""
        from moderator.services.moderation import (
            complete_review,
            record_review,
            save_moderation_grade,
            set_moderated_overall,
            submit_moderation,
        )

        store = self.store
        # Samples leave moderations unassigned: the moderator claims one by grading it.
        if spec.grades:
            assert spec.graded_from is not None
            for index, (criterion, entry) in enumerate(spec.grades.items()):

                def grade(criterion: str = criterion, entry: Any = entry) -> None:
                    save_moderation_grade(
                        store,
                        self.user(spec.moderator),
                        self.state.moderation_ids[spec.audit_key],
                        criterion,
                        grade=entry.grade,
                        note=entry.note,
                    )

                self.at(grading_stamp(spec.graded_from, index), grade)
        if spec.submitted_at is None:
            return

        def submit() -> None:
            submit_moderation(
                store, self.user(spec.moderator), self.state.moderation_ids[spec.audit_key]
            )

        self.at(spec.submitted_at, submit)
        if spec.reviewed_at is None:
            return
        reviewer = spec.reviewed_by or spec.moderator
        disagreements = [(c, r) for c, r in spec.review.items() if r.rationale]
        for criterion, review in disagreements:

            def decide(criterion: str = criterion, review: Any = review) -> None:
                record_review(
                    store,
                    self.user(reviewer),
                    self.state.moderation_ids[spec.audit_key],
                    criterion,
                    review.grade,
                    review.rationale,
                )

            self.at(spec.reviewed_at, decide)

        def complete() -> None:
            moderation_id = self.state.moderation_ids[spec.audit_key]
            if spec.overall_rationale:
                set_moderated_overall(
                    store, self.user(reviewer), moderation_id, None, spec.overall_rationale
                )
            done = complete_review(store, self.user(reviewer), moderation_id)
            if spec.outcome and done.outcome != spec.outcome:
                raise BadInput(
                    f"moderation of {spec.audit_key}: the review gives {done.outcome},"
                    f" the sample file says {spec.outcome} (regenerate the sample)"
                )

        self.at(spec.reviewed_at, complete)


def replay_plan(
    store: Store,
    plan: Plan,
    *,
    key_path: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    schedule_more: Callable[[Replayer], None] | None = None,
    work_dir: Path | None = None,
) -> ReplayState:
    """Apply a whole (small) plan through the services, in time order.

    ``schedule_more`` may schedule further actions (``Replayer.at``) to run in
    the same timeline, so that the event log stays in time order.

    Raw cases (the sample files) are imported through ``import_cases`` a
    month at a time with ``key_path``; already-anonymised ones (synth) are
    stored with ``store_case``, also a month at a time. The files those imports
    read are written in a temporary folder made in ``work_dir`` (default: the
    system's temporary folder) and removed at the end.
    """
    chunk: Chunk = plan.merged()
    if not chunk.audits:
        raise BadInput("the plan has no audits")
    replayer = Replayer(store, plan, key_path=key_path)
    first = min(a.assigned_at for a in chunk.audits)
    replayer.people(plan.started or setup_time(datetime.fromisoformat(first).date()))
    with tempfile.TemporaryDirectory(prefix="moderator-import-", dir=work_dir) as tmp:
        # Cases arrive a month at a time, the morning their programme is assigned.
        batches = case_batches(chunk)
        raw = [(when, cases) for when, cases in batches if cases[0].raw is not None]
        if raw:
            replayer.import_raw_cases(raw, Path(tmp))
        for when, cases in batches:
            if cases[0].raw is None:
                replayer.store_anonymised_cases(when, cases)
        for audit in chunk.audits:
            replayer.audit(audit)
        for sample in chunk.samples:
            replayer.sample(sample)
        for moderation in chunk.moderations:
            replayer.moderation(moderation)
        if schedule_more is not None:
            schedule_more(replayer)
        return replayer.run(progress)
