"""Blind grading: the moderator's queue, claiming a moderation, and grading it blind.

A moderation is a grade sheet (:mod:`moderator.services.grade_sheet`) that
belongs to a moderator: this module says who may open, claim and change it,
and never returns the manager's grades, notes or overall grade.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from moderator.domain.grade_sheet import (
    CriterionEntry,
    KeepOrGrade,
    Outcome,
    OverallView,
    overall_view,
)
from moderator.domain.grades import Grade
from moderator.domain.rubric import Rubric
from moderator.errors import BadInput, NotFound, Refused
from moderator.services.grade_sheet import (
    MODERATION,
    OpenSheet,
    read_entries,
    save_entry,
    save_override,
    submit_sheet,
)
from moderator.services.rubrics import rubric_by_hash
from moderator.services.users import Role, User, require_role
from moderator.store.db import Store

ModerationStatus = Literal["todo", "draft", "submitted", "reviewed"]
STATUSES: tuple[str, ...] = ("todo", "draft", "submitted", "reviewed")


class ModerationSummary(BaseModel):
    """A row of the moderation queue. Never carries the manager's grading."""

    id: int
    audit_id: int | None
    """The local audit; None for a case received in a pack from another authority."""
    remote_audit_id: int | None = None
    """For a received case: the audit's id at the authority that sent it."""
    source_authority: str | None = None
    """For a received case: the authority that sent it."""
    case_ref: str
    team: str
    service_area: str
    rubric_id: str
    rubric_title: str
    moderator: str | None
    """None while unassigned (any moderator may claim it)."""
    status: ModerationStatus
    graded: int
    total: int
    sample_id: int | None
    external: bool
    """True when the case went out in a pack to another authority's moderators."""
    outcome: Outcome | None = None
    created_at: str
    submitted_at: str | None = None
    reviewed_at: str | None = None


class ModerationDetail(BaseModel):
    """One moderation as its moderator works on it: the case, the rubric, their own grading."""

    summary: ModerationSummary
    case_text: str
    opened: str | None
    rubric_hash: str
    entries: list[CriterionEntry]
    """The moderator's own grades and notes (never the manager's)."""
    overall: OverallView
    editable: bool


# -- reading -------------------------------------------------------------------


_SELECT = (
    "SELECT m.*, c.case_ref, c.team, c.service_area, c.text, c.opened,"
    " p.source_authority,"
    " (SELECT count(*) FROM moderation_grades g WHERE g.moderation_id = m.id"
    "   AND g.grade IS NOT NULL) AS graded"
    " FROM moderations m JOIN cases c ON c.id = m.case_id"
    " LEFT JOIN pack_requests p ON p.id = m.request_id"
)


def moderation_row(store: Store, moderation_id: int) -> dict[str, Any]:
    """The moderation's row with its case and progress; NotFound when there is none."""
    row = store.row(_SELECT + " WHERE m.id = ?", [moderation_id])
    if row is None:
        raise NotFound(f"no moderation {moderation_id}")
    return row


def _summary(row: dict[str, Any], rubric: Rubric) -> ModerationSummary:
    return ModerationSummary(
        id=row["id"],
        audit_id=row["audit_id"],
        remote_audit_id=row["remote_audit_id"],
        source_authority=row.get("source_authority"),
        case_ref=row["case_ref"],
        team=row["team"],
        service_area=row["service_area"],
        rubric_id=rubric.id,
        rubric_title=rubric.title,
        moderator=row["moderator_name"],
        status=row["status"],
        graded=int(row.get("graded") or 0),
        total=len(rubric.criteria),
        sample_id=row["sample_id"],
        external=row["pack_id"] is not None,
        outcome=row["outcome"],
        created_at=row["created_at"],
        submitted_at=row["submitted_at"],
        reviewed_at=row["reviewed_at"],
    )


def _claimable(row: dict[str, Any]) -> bool:
    return row["moderator_id"] is None and row["pack_id"] is None and row["status"] == "todo"


def _may_open(user: User, row: dict[str, Any]) -> bool:
    if user.role is Role.LEAD:
        return True
    if user.role is Role.MODERATOR:
        return row["moderator_id"] == user.id or _claimable(row)
    return False


def moderation_rubric(store: Store, moderation_id: int) -> Rubric:
    """The exact rubric a moderation is graded against (the audit's)."""
    digest = store.scalar("SELECT rubric_hash FROM moderations WHERE id = ?", [moderation_id])
    if digest is None:
        raise NotFound(f"no moderation {moderation_id}")
    return rubric_by_hash(store, digest)


def moderation_queue(
    store: Store, user: User, *, status: str | None = None, include_unassigned: bool = True
) -> list[ModerationSummary]:
    """The moderations this user may work on or oversee.

    A moderator sees their own and (with ``include_unassigned``) the unassigned
    ones they may claim; a lead sees all. Work in progress comes first, then
    to do, then awaiting review, then reviewed.
    """
    require_role(user, Role.MODERATOR, Role.LEAD, doing="see the moderation queue")
    where: list[str] = []
    params: list[Any] = []
    if user.role is Role.MODERATOR:
        if include_unassigned:
            where.append(
                "(m.moderator_id = ? OR (m.moderator_id IS NULL AND m.pack_id IS NULL"
                " AND m.status = 'todo'))"
            )
        else:
            where.append("m.moderator_id = ?")
        params.append(user.id)
    if status:
        if status not in STATUSES:
            raise BadInput(f"unknown status {status!r}; use {', '.join(STATUSES)}")
        where.append("m.status = ?")
        params.append(status)
    sql = (
        _SELECT
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY CASE m.status WHEN 'draft' THEN 0 WHEN 'todo' THEN 1"
        " WHEN 'submitted' THEN 2 ELSE 3 END, m.id"
    )
    return [
        _summary(row, rubric_by_hash(store, row["rubric_hash"])) for row in store.rows(sql, params)
    ]


def get_moderation(store: Store, user: User, moderation_id: int) -> ModerationDetail:
    """One moderation: the case text, the rubric, and the moderator's own grading only.

    It never carries the manager's grades, notes or overall grade, whoever asks
    (a lead reads those with the audit, a moderator in the review after submitting).
    """
    row = moderation_row(store, moderation_id)
    if not _may_open(user, row):
        raise Refused(f"{user.name} may not open moderation {moderation_id}")
    rubric = rubric_by_hash(store, row["rubric_hash"])
    entries = read_entries(store, MODERATION, rubric, moderation_id)
    override = None if row["overall_override"] is None else Grade(row["overall_override"])
    overall = overall_view(rubric, entries, override, row["override_reason"])
    editable = (
        user.role is Role.MODERATOR
        and row["status"] in ("todo", "draft")
        and (row["moderator_id"] == user.id or _claimable(row))
    )
    return ModerationDetail(
        summary=_summary(row, rubric),
        case_text=row["text"],
        opened=row["opened"],
        rubric_hash=row["rubric_hash"],
        entries=entries,
        overall=overall,
        editable=editable,
    )


# -- blind grading ------------------------------------------------------------------


def _claim(store: Store, user: User, row: dict[str, Any], stamp: str) -> None:
    """Take an unassigned moderation (inside the caller's transaction)."""
    cur = store.execute(
        "UPDATE moderations SET moderator_id = ?, moderator_name = ?, updated_at = ?"
        " WHERE id = ? AND moderator_id IS NULL",
        (user.id, user.name, stamp, row["id"]),
    )
    if cur.rowcount != 1:  # someone else claimed it a moment ago
        raise Refused(f"moderation {row['id']} was just claimed by another moderator")
    store.record_event(
        user.name, "moderation.claim", "moderation", row["id"], after=user.name, at=stamp
    )


def claim_moderation(store: Store, user: User, moderation_id: int) -> ModerationDetail:
    """A moderator takes an unassigned moderation from the queue."""
    require_role(user, Role.MODERATOR, doing="claim a moderation")
    row = moderation_row(store, moderation_id)
    if row["moderator_id"] == user.id:
        return get_moderation(store, user, moderation_id)
    if not _claimable(row):
        who = row["moderator_name"] or "another authority's moderators"
        raise Refused(f"moderation {moderation_id} is assigned to {who}")
    with store.transaction():
        _claim(store, user, row, store.now())
    return get_moderation(store, user, moderation_id)


def moderation_sheet(store: Store, user: User, moderation_id: int) -> OpenSheet:
    """The blind grading as a sheet this moderator may change (claiming it on the first write)."""
    require_role(user, Role.MODERATOR, doing="grade a moderation")
    row = moderation_row(store, moderation_id)
    if row["status"] in ("submitted", "reviewed"):
        raise Refused(f"moderation {moderation_id} is submitted and read-only")
    if row["moderator_id"] != user.id and not _claimable(row):
        who = row["moderator_name"] or "another authority's moderators"
        raise Refused(
            f"moderation {moderation_id} is assigned to {who}; {user.name} may not grade it"
        )

    def claim(stamp: str) -> None:
        if row["moderator_id"] is None:
            _claim(store, user, row, stamp)

    return OpenSheet(
        MODERATION,
        moderation_id,
        row,
        rubric_by_hash(store, row["rubric_hash"]),
        before_write=claim,
        submit_detail={"audit_id": row["audit_id"]},
        cannot_submit=None
        if row["moderator_id"] == user.id
        else f"moderation {moderation_id} is not assigned to {user.name}; grade it first",
    )


def save_moderation_grade(
    store: Store,
    user: User,
    moderation_id: int,
    criterion: str,
    *,
    grade: KeepOrGrade = "keep",
    note: str | None = None,
) -> None:
    """Autosave one criterion of the blind grading (see :func:`grade_sheet.save_entry`).

    An unassigned moderation is claimed by the first moderator who grades it.
    """
    sheet = moderation_sheet(store, user, moderation_id)
    save_entry(store, user, sheet, criterion, grade=grade, note=note)


def set_moderation_override(
    store: Store, user: User, moderation_id: int, grade: Grade | None, reason: str | None
) -> None:
    """Override the moderator's derived overall grade (a reason is required), or clear it."""
    save_override(store, user, moderation_sheet(store, user, moderation_id), grade, reason)


def submit_moderation(store: Store, user: User, moderation_id: int) -> ModerationDetail:
    """Check completeness (every criterion graded with a note), then lock the blind grading.

    After this the moderator may see the manager's grading and review the disagreements.
    """
    submit_sheet(store, user, moderation_sheet(store, user, moderation_id))
    return get_moderation(store, user, moderation_id)


def moderation_of_audit(store: Store, user: User, audit_id: int) -> tuple[int, str]:
    """The id and status of this moderator's moderation of an audit.

    Raises:
        Refused: the user has no moderation of this audit.
    """
    row = store.row(
        "SELECT id, status FROM moderations WHERE audit_id = ? AND moderator_id = ?",
        [audit_id, user.id],
    )
    if row is None:
        raise Refused(f"{user.name} has no moderation of audit {audit_id}")
    return int(row["id"]), str(row["status"])
