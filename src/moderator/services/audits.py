"""Audits: who may see what, an audit as each role reads it, and its grade sheet.

The manager grades their audit through the one grade sheet
(:mod:`moderator.services.grade_sheet`); this module only says who may change
it. Assigning audits is :mod:`moderator.services.assignment` (its functions are
re-exported here).

Roles are enforced here, not in the faces: a manager works on their own
audits; a lead assigns and reads everything; a moderator never obtains a
manager's grades, notes or overall grade for a case before submitting their
own moderation of it (see :func:`can_see_manager_grades`).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

# The grade sheet's names are re-exported for callers that grade audits.
from moderator.domain.grade_sheet import MAX_NOTE as MAX_NOTE
from moderator.domain.grade_sheet import MAX_REASON as MAX_REASON
from moderator.domain.grade_sheet import CriterionEntry as CriterionEntry
from moderator.domain.grade_sheet import KeepOrGrade
from moderator.domain.grade_sheet import OverallView as OverallView
from moderator.domain.grade_sheet import overall_view as overall_view
from moderator.domain.grades import Grade
from moderator.domain.rubric import Rubric
from moderator.errors import NotFound, Refused
from moderator.services.assignment import assign_audit as assign_audit
from moderator.services.assignment import assign_programme as assign_programme
from moderator.services.assignment import parse_due
from moderator.services.grade_sheet import (
    AUDIT,
    OpenSheet,
    read_entries,
    save_entry,
    save_override,
    submit_sheet,
)
from moderator.services.rubrics import rubric_by_hash
from moderator.services.users import Role, User
from moderator.store.db import Store

AuditStatus = Literal["todo", "draft", "submitted"]


class AuditSummary(BaseModel):
    """A row of an audit list."""

    model_config = ConfigDict(frozen=True)

    id: int
    case_ref: str
    team: str
    service_area: str
    rubric_id: str
    rubric_title: str
    manager: str
    status: AuditStatus
    graded: int
    total: int
    due: date | None
    submitted_at: str | None
    overall: Grade | None
    """Hidden (None) when the viewer may not see the manager's grades."""
    moderation: str | None = None
    """Moderation state for leads and the audit's manager: None, in progress, or the outcome."""


class AuditDetail(BaseModel):
    """Everything about one audit that the viewer may see."""

    model_config = ConfigDict(defer_build=True)  # built when an audit is first opened, not at start

    summary: AuditSummary
    case_text: str
    opened: str | None
    rubric_hash: str
    entries: list[CriterionEntry]
    """Empty when the viewer is a moderator who has not yet submitted their own grading."""
    overall: OverallView | None
    blind: bool
    """True when the manager's grading is withheld from this viewer."""
    feedback: list[dict[str, Any]] = []
    """Moderation outcome per criterion, for the manager once reviewed."""

    @property
    def rubric_id(self) -> str:
        return self.summary.rubric_id


# -- helpers ------------------------------------------------------------------


def _audit_row(store: Store, audit_id: int) -> dict[str, Any]:
    row = store.row(
        "SELECT a.*, c.case_ref, c.team, c.service_area, c.text, c.opened, u.name AS manager"
        " FROM audits a JOIN cases c ON c.id = a.case_id JOIN users u ON u.id = a.manager_id"
        " WHERE a.id = ?",
        [audit_id],
    )
    if row is None:
        raise NotFound(f"no audit {audit_id}")
    return row


def can_see_manager_grades(store: Store, user: User, audit_id: int) -> bool:
    """Whether ``user`` may see the manager's grades, notes and overall grade for this audit.

    Leads may; a manager may for their own audits; a moderator only once
    their own moderation of the audit is submitted. Every path that reveals
    manager grades (TUI, CLI, export, pack) goes through this check.
    """
    if user.role is Role.LEAD:
        return True
    if user.role is Role.MANAGER:
        owner = store.scalar("SELECT manager_id FROM audits WHERE id = ?", [audit_id])
        return bool(owner == user.id)
    status = store.scalar(
        "SELECT status FROM moderations WHERE audit_id = ? AND moderator_id = ?",
        [audit_id, user.id],
    )
    return status in ("submitted", "reviewed")


def _may_view(store: Store, user: User, row: dict[str, Any]) -> bool:
    if user.role is Role.LEAD or row["manager_id"] == user.id:
        return True
    if user.role is Role.MODERATOR:
        return (
            store.scalar(
                "SELECT 1 FROM moderations WHERE audit_id = ? AND moderator_id = ?",
                [row["id"], user.id],
            )
            is not None
        )
    return False


def _summary(row: dict[str, Any], rubric: Rubric, visible: bool) -> AuditSummary:
    overall = row.get("overall_grade") if visible else None
    return AuditSummary(
        id=row["id"],
        case_ref=row["case_ref"],
        team=row["team"],
        service_area=row["service_area"],
        rubric_id=rubric.id,
        rubric_title=rubric.title,
        manager=row["manager"],
        status=row["status"],
        graded=int(row.get("graded") or 0) if visible else 0,
        total=len(rubric.criteria),
        due=parse_due(row.get("due")),
        submitted_at=row.get("submitted_at"),
        overall=None if overall is None else Grade(overall),
        moderation=row.get("moderation") if visible else None,
    )


# -- reading ---------------------------------------------------------------------


def list_audits(
    store: Store,
    user: User,
    *,
    status: str | None = None,
    search: str | None = None,
    manager: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[AuditSummary]:
    """The audits this user may list: a manager's own, a lead's all, a moderator's moderated ones.

    For a moderator, the manager's progress and overall grade stay hidden until
    their own moderation of that audit is submitted. Every audit unless
    ``limit`` is given (then a page of that many from ``offset``; a list that
    pages, sorts or searches by words uses :mod:`moderator.services.audit_pages`).
    """
    from moderator.services.audit_pages import AuditQuery, select_audits

    query = AuditQuery(status=status, search=search, manager=manager)
    return summaries(store, user, select_audits(store, user, query, offset=offset, limit=limit))


def summaries(store: Store, user: User, rows: list[dict[str, Any]]) -> list[AuditSummary]:
    """List rows as this user may see them (blind for a moderator who has not submitted)."""
    out = []
    for row in rows:
        rubric = rubric_by_hash(store, row["rubric_hash"])
        visible = user.role is not Role.MODERATOR or can_see_manager_grades(store, user, row["id"])
        out.append(_summary(row, rubric, visible))
    return out


def get_audit(store: Store, user: User, audit_id: int) -> AuditDetail:
    """One audit as this user may see it (blind for a moderator who has not submitted)."""
    row = _audit_row(store, audit_id)
    if not _may_view(store, user, row):
        raise Refused(f"{user.name} may not open audit {audit_id}")
    rubric = rubric_by_hash(store, row["rubric_hash"])
    visible = can_see_manager_grades(store, user, audit_id)
    entries = read_entries(store, AUDIT, rubric, audit_id) if visible else []
    row["graded"] = sum(e.grade is not None for e in entries)
    row["moderation"] = store.scalar(
        "SELECT coalesce(outcome, status) FROM moderations WHERE audit_id = ?", [audit_id]
    )
    overall = None
    if visible:
        override = None if row["overall_override"] is None else Grade(row["overall_override"])
        overall = overall_view(rubric, entries, override, row["override_reason"])
    feedback: list[dict[str, Any]] = []
    if visible and row["moderation"] in ("agreed", "downgraded", "upgraded"):
        feedback = _feedback(store, rubric, audit_id, entries)
    return AuditDetail(
        summary=_summary(row, rubric, visible),
        case_text=row["text"],
        opened=row["opened"],
        rubric_hash=row["rubric_hash"],
        entries=entries,
        overall=overall,
        blind=not visible,
        feedback=feedback,
    )


def _label(value: object) -> str | None:
    grade = Grade.parse_optional(value)
    return None if grade is None else grade.label


def _feedback(
    store: Store, rubric: Rubric, audit_id: int, entries: list[CriterionEntry]
) -> list[dict[str, Any]]:
    """The reviewed moderation of an audit, per criterion in rubric order, then overall.

    Each row: criterion, title, manager_grade, moderator_grade (blind),
    moderated_grade, drift (moderated − manager, in grade steps), rationale and
    the rubric descriptor of the moderated grade; the last row (criterion
    ``overall``) carries the outcome and any override reason.
    """
    moderation = store.row(
        "SELECT id, overall_grade, moderated_overall, overall_rationale, outcome, moderator_name,"
        " reviewed_at FROM moderations WHERE audit_id = ?",
        [audit_id],
    )
    if moderation is None:
        return []
    graded = {
        r["criterion"]: r
        for r in store.rows(
            "SELECT criterion, grade, moderated_grade, rationale FROM moderation_grades"
            " WHERE moderation_id = ?",
            [moderation["id"]],
        )
    }
    manager = {e.criterion: e.grade for e in entries}
    out: list[dict[str, Any]] = []
    for crit in rubric.criteria:
        g = graded.get(crit.id, {})
        moderated = Grade.parse_optional(g.get("moderated_grade"))
        mine = manager.get(crit.id)
        out.append(
            {
                "criterion": crit.id,
                "title": crit.title,
                "manager_grade": None if mine is None else mine.label,
                "moderator_grade": _label(g.get("grade")),
                "moderated_grade": None if moderated is None else moderated.label,
                "drift": None if mine is None or moderated is None else int(moderated) - int(mine),
                "rationale": g.get("rationale"),
                "descriptor": None if moderated is None else crit.descriptors.for_grade(moderated),
            }
        )
    own_overall = store.scalar("SELECT overall_grade FROM audits WHERE id = ?", [audit_id])
    final = Grade.parse_optional(moderation["moderated_overall"])
    out.append(
        {
            "criterion": "overall",
            "title": "Overall grade",
            "manager_grade": _label(own_overall),
            "moderator_grade": _label(moderation["overall_grade"]),
            "moderated_grade": None if final is None else final.label,
            "drift": None
            if final is None or own_overall is None
            else int(final) - int(own_overall),
            "rationale": moderation["overall_rationale"],
            "descriptor": None,
            "outcome": moderation["outcome"],
            "moderator": moderation["moderator_name"],
            "reviewed_at": moderation["reviewed_at"],
        }
    )
    return out


def audit_rubric(store: Store, audit_id: int) -> Rubric:
    """The exact rubric an audit is graded against."""
    digest = store.scalar("SELECT rubric_hash FROM audits WHERE id = ?", [audit_id])
    if digest is None:
        raise NotFound(f"no audit {audit_id}")
    return rubric_by_hash(store, digest)


# -- grading: the grade sheet, for the audit's own manager --------------------------------


def audit_sheet(store: Store, user: User, audit_id: int) -> OpenSheet:
    """The audit as a sheet its manager may change; Refused for anyone else or once submitted."""
    row = _audit_row(store, audit_id)
    if row["manager_id"] != user.id:
        raise Refused(f"audit {audit_id} belongs to {row['manager']}; {user.name} may not grade it")
    if row["status"] == "submitted":
        raise Refused(f"audit {audit_id} is submitted and read-only")
    return OpenSheet(AUDIT, audit_id, row, rubric_by_hash(store, row["rubric_hash"]))


def save_criterion(
    store: Store,
    user: User,
    audit_id: int,
    criterion: str,
    *,
    grade: KeepOrGrade = "keep",
    note: str | None = None,
) -> None:
    """Autosave a criterion of the manager's own audit (see :func:`grade_sheet.save_entry`)."""
    save_entry(store, user, audit_sheet(store, user, audit_id), criterion, grade=grade, note=note)


def set_override(
    store: Store, user: User, audit_id: int, grade: Grade | None, reason: str | None
) -> None:
    """Override the audit's derived overall grade (a written reason is required), or clear it."""
    save_override(store, user, audit_sheet(store, user, audit_id), grade, reason)


def submit_audit(
    store: Store, user: User, audit_id: int, *, expected_version: int | None = None
) -> AuditDetail:
    """Check completeness (every criterion graded with evidence), then lock the audit.

    With ``expected_version`` (what the user confirmed, see
    :func:`moderator.services.grade_sheet.sheet_version`), SheetChanged and nothing
    written when the audit changed since.
    """
    submit_sheet(store, user, audit_sheet(store, user, audit_id), expected_version=expected_version)
    return get_audit(store, user, audit_id)
