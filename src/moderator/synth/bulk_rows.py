"""Rows exactly as the service functions write them: events, a moderation, a planned sample.

:mod:`moderator.synth.bulk` inserts these with ``executemany``; a test builds
the same small plan through the services and compares every table.
:func:`record_sample` is the replay's one write not made through a service.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from moderator.domain.grades import Grade
from moderator.services.users import User
from moderator.store.db import Store
from moderator.synth.calendar import grading_stamp
from moderator.synth.plan import ModerationSpec, SampleSpec

Row = tuple[Any, ...]


def event_row(
    at: str,
    actor: str,
    kind: str,
    entity: str,
    entity_id: object,
    *,
    field: str | None = None,
    before: object = None,
    after: object = None,
    detail: dict[str, Any] | None = None,
) -> tuple[Any, ...]:
    """An events row exactly as :meth:`Store.record_event` writes it."""
    return (
        at,
        actor,
        kind,
        entity,
        None if entity_id is None else str(entity_id),
        field,
        None if before is None else str(before),
        None if after is None else str(after),
        None if detail is None else json.dumps(detail, sort_keys=True, default=str),
    )


@dataclass
class ModerationRows:
    """What one sampled audit's moderation adds, in the order the services would."""

    row: Row
    """The ``moderations`` row as created (``todo`` or ``draft``)."""
    grades: list[Row] = field(default_factory=list)
    final: dict[str, Any] | None = None
    """The update that submits (and reviews) it, applied after its grades are in."""
    events: list[Row] = field(default_factory=list)
    reviewed: bool = False


def moderation_rows(
    spec: ModerationSpec,
    sample: SampleSpec,
    *,
    ids: tuple[int, int, int, int],
    rubric_hash: str,
    manager_overall: Grade,
    user_ids: Mapping[str, int],
) -> ModerationRows:
    """The rows of one moderation; ``ids`` are (moderation, audit, case, sample) ids."""
    moderation_id, audit_id, case_id, sample_id = ids
    events = [
        event_row(
            sample.drawn_at,
            sample.drawn_by,
            "moderation.create",
            "moderation",
            moderation_id,
            detail={
                "audit_id": audit_id,
                "sample_id": sample_id,
                "hand_picked": sample.hand_picked,
            },
        )
    ]
    moderator_id: int | None = None
    moderator_name: str | None = None
    status = "todo"
    updated = sample.drawn_at
    grades: list[Row] = []
    if spec.grades:
        assert spec.graded_from is not None
        moderator_id = user_ids[spec.moderator]
        moderator_name = spec.moderator
        status = "draft"
        events.append(
            event_row(
                spec.graded_from,
                spec.moderator,
                "moderation.claim",
                "moderation",
                moderation_id,
                after=spec.moderator,
            )
        )
        for index, (criterion, entry) in enumerate(spec.grades.items()):
            updated = grading_stamp(spec.graded_from, index)
            moderated: int | None = None
            rationale: str | None = None
            stamp = updated
            if spec.reviewed_at is not None:
                review = spec.review[criterion]
                moderated, rationale, stamp = int(review.grade), review.rationale, spec.reviewed_at
            grades.append(
                (
                    moderation_id,
                    criterion,
                    int(entry.grade),
                    entry.note,
                    moderated,
                    rationale,
                    stamp,
                )
            )
    out = ModerationRows(
        row=(
            moderation_id,
            audit_id,
            case_id,
            rubric_hash,
            sample_id,
            moderator_id,
            moderator_name,
            status,
            sample.drawn_at,
            updated,
        ),
        grades=grades,
        events=events,
    )
    if spec.submitted_at is not None:
        _finish(out, spec, moderation_id, audit_id, manager_overall)
    return out


def _finish(
    out: ModerationRows,
    spec: ModerationSpec,
    moderation_id: int,
    audit_id: int,
    manager_overall: Grade,
) -> None:
    """The submission (and, when reviewed, the review) of a moderation."""
    assert spec.overall is not None and spec.submitted_at is not None
    out.events.append(
        event_row(
            spec.submitted_at,
            spec.moderator,
            "moderation.submit",
            "moderation",
            moderation_id,
            field="overall",
            after=spec.overall.label,
            detail={"audit_id": audit_id},
        )
    )
    final: dict[str, Any] = {
        "id": moderation_id,
        "status": "submitted",
        "overall_grade": int(spec.overall),
        "submitted_at": spec.submitted_at,
        "updated_at": spec.submitted_at,
        "moderated_overall": None,
        "overall_rationale": None,
        "outcome": None,
        "reviewed_at": None,
        "reviewed_by": None,
    }
    if spec.reviewed_at is not None:
        assert spec.moderated_overall is not None
        reviewer = spec.reviewed_by or spec.moderator
        final.update(
            status="reviewed",
            moderated_overall=int(spec.moderated_overall),
            overall_rationale=spec.overall_rationale,
            outcome=spec.outcome,
            reviewed_at=spec.reviewed_at,
            reviewed_by=reviewer,
            updated_at=spec.reviewed_at,
        )
        out.events.append(
            event_row(
                spec.reviewed_at,
                reviewer,
                "moderation.reviewed",
                "moderation",
                moderation_id,
                field="overall",
                before=manager_overall.label,
                after=Grade(spec.moderated_overall).label,
                detail={
                    "audit_id": audit_id,
                    "outcome": spec.outcome,
                    "disagreements": sum(1 for r in spec.review.values() if r.rationale),
                },
            )
        )
        out.reviewed = True
    out.final = final


def sample_params(spec: SampleSpec, hand_picked: list[int]) -> dict[str, Any]:
    """The ``params`` a planned sample records: its rate and seed, and what was hand-picked."""
    return {
        "rate": spec.rate,
        "seed": spec.seed,
        "stratified_by": "manager",
        "hand_picked": hand_picked,
        "moderator": None,
        "eligible": None,
        "source": "planned (sample_audits or moderator synth)",
    }


def record_sample(
    store: Store, lead: User, spec: SampleSpec, audit_ids: list[int]
) -> tuple[int, list[int]]:
    """Write a planned sample exactly as ``draw_sample`` would store it; return its ids.

    The isolated exception to "everything through the services": the plan
    fixed which audits the sample holds (stratified by manager at its rate,
    with its own seed), so the rows are written here, in one transaction,
    with the same columns and events as ``draw_sample``.
    """
    drawn_at = store.now()
    record = sample_params(spec, [])
    with store.transaction():
        cur = store.execute(
            "INSERT INTO samples (drawn_by, drawn_at, seed, rate, params) VALUES (?, ?, ?, ?, ?)",
            (lead.name, drawn_at, spec.seed, spec.rate, json.dumps(record, sort_keys=True)),
        )
        sample_id = int(cur.lastrowid or 0)
        ids = []
        for audit_id in audit_ids:
            row = store.row("SELECT case_id, rubric_hash FROM audits WHERE id = ?", [audit_id])
            assert row is not None
            store.execute(
                "INSERT INTO sample_items (sample_id, audit_id, hand_picked) VALUES (?, ?, 0)",
                (sample_id, audit_id),
            )
            cur = store.execute(
                "INSERT INTO moderations (audit_id, case_id, rubric_hash, sample_id,"
                " moderator_id, moderator_name, status, source, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, NULL, NULL, 'todo', 'local', ?, ?)",
                (audit_id, row["case_id"], row["rubric_hash"], sample_id, drawn_at, drawn_at),
            )
            moderation_id = int(cur.lastrowid or 0)
            ids.append(moderation_id)
            store.record_event(
                lead.name,
                "moderation.create",
                "moderation",
                moderation_id,
                detail={"audit_id": audit_id, "sample_id": sample_id, "hand_picked": False},
                at=drawn_at,
            )
        store.record_event(
            lead.name,
            "sample.draw",
            "sample",
            sample_id,
            after=f"{len(audit_ids)} audits",
            detail={**record, "audit_ids": audit_ids},
            at=drawn_at,
        )
    return sample_id, ids
