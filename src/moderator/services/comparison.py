"""The comparison: both gradings of a case side by side, once the blind grading is submitted."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from moderator.domain.grade_sheet import (
    CriterionEntry,
    Outcome,
    OverallView,
    moderation_outcome,
    overall_view,
    rationale_problem,
)
from moderator.domain.grades import Grade
from moderator.domain.rubric import Rubric
from moderator.errors import BadInput, Refused
from moderator.services.audits import can_see_manager_grades
from moderator.services.blind_grading import ModerationStatus, moderation_row
from moderator.services.rubrics import rubric_by_hash
from moderator.services.users import Role, User, require_role
from moderator.store.db import Store


class ComparisonRow(BaseModel):
    """One criterion, both gradings side by side, and the review decision."""

    criterion: str
    title: str
    domain: str
    limiting: bool
    manager_grade: Grade | None
    manager_note: str
    moderator_grade: Grade | None
    moderator_note: str
    drift: int | None
    """Moderator grade − manager grade in grade steps (positive: the manager was more optimistic)."""
    agreed: bool
    moderated_grade: Grade | None
    """The review's decision (the agreed grade, automatically, where they agree)."""
    rationale: str | None
    descriptor: str | None
    """The rubric descriptor of the moderated grade: what the rationale answers to."""
    decided: bool


class ModerationComparison(BaseModel):
    """The review screen's data: disagreements first, then agreed criteria."""

    moderation_id: int
    audit_id: int
    case_ref: str
    manager: str
    moderator: str | None
    status: ModerationStatus
    rows: list[ComparisonRow]
    manager_overall: Grade | None
    moderator_overall: Grade | None
    moderated_overall: OverallView
    outcome: Outcome | None
    """The outcome once reviewed, or what it would be now (a preview)."""
    to_decide: list[str]
    """Criteria (ids) still needing a moderated grade and rationale (one too short counts)."""
    version: int = 0
    """Which change of the moderation this read saw (set by
    :class:`moderator.services.review.ReviewSession`; 0 when not asked)."""

    @property
    def disagreements(self) -> list[ComparisonRow]:
        """The rows where manager and moderator graded differently."""
        return [r for r in self.rows if not r.agreed]


def reviewable_moderation(
    store: Store, user: User, moderation_id: int
) -> tuple[dict[str, Any], Rubric]:
    """The moderation, if ``user`` may see both gradings of it; else Refused."""
    require_role(user, Role.MODERATOR, Role.LEAD, doing="review a moderation")
    row = moderation_row(store, moderation_id)
    if row["audit_id"] is None:
        raise BadInput(
            f"moderation {moderation_id} came in a pack from "
            f"{row.get('source_authority') or 'another authority'}; it is reviewed there,"
            " after you send it back with `moderator pack return`"
        )
    if user.role is Role.MODERATOR and row["moderator_id"] != user.id:
        raise Refused(f"moderation {moderation_id} is not {user.name}'s")
    if row["status"] in ("todo", "draft"):
        raise Refused(
            f"moderation {moderation_id} is not submitted yet: the manager's grading stays"
            " hidden until the blind grading is submitted"
        )
    # The one blindness check, whatever the status says.
    if not can_see_manager_grades(store, user, row["audit_id"]):
        raise Refused(f"{user.name} may not see the manager's grading of audit {row['audit_id']}")
    return row, rubric_by_hash(store, row["rubric_hash"])


def comparison_of(store: Store, row: dict[str, Any], rubric: Rubric) -> ModerationComparison:
    """Both gradings of a reviewable moderation (see :func:`reviewable_moderation`)."""
    audit = store.row(
        "SELECT a.overall_grade, u.name AS manager FROM audits a"
        " JOIN users u ON u.id = a.manager_id WHERE a.id = ?",
        [row["audit_id"]],
    )
    assert audit is not None
    manager_rows = {
        r["criterion"]: r
        for r in store.rows(
            "SELECT criterion, grade, note FROM criterion_grades WHERE audit_id = ?",
            [row["audit_id"]],
        )
    }
    moderator_rows = {
        r["criterion"]: r
        for r in store.rows(
            "SELECT criterion, grade, note, moderated_grade, rationale FROM moderation_grades"
            " WHERE moderation_id = ?",
            [row["id"]],
        )
    }
    rows: list[ComparisonRow] = []
    for crit in rubric.criteria:
        mg = manager_rows.get(crit.id, {})
        md = moderator_rows.get(crit.id, {})
        manager_grade = Grade.parse_optional(mg.get("grade"))
        moderator_grade = Grade.parse_optional(md.get("grade"))
        agreed = manager_grade is not None and manager_grade == moderator_grade
        decided_grade = Grade.parse_optional(md.get("moderated_grade"))
        rationale = md.get("rationale") or None
        moderated = manager_grade if agreed else decided_grade
        rows.append(
            ComparisonRow(
                criterion=crit.id,
                title=crit.title,
                domain=rubric.domain_of(crit.id).title,
                limiting=crit.limiting,
                manager_grade=manager_grade,
                manager_note=mg.get("note") or "",
                moderator_grade=moderator_grade,
                moderator_note=md.get("note") or "",
                drift=(
                    None
                    if manager_grade is None or moderator_grade is None
                    else int(moderator_grade) - int(manager_grade)
                ),
                agreed=agreed,
                moderated_grade=moderated,
                rationale=rationale,
                descriptor=None if moderated is None else crit.descriptors.for_grade(moderated),
                decided=agreed
                or (decided_grade is not None and rationale_problem(rationale) is None),
            )
        )
    order = {r.criterion: i for i, r in enumerate(rows)}
    rows.sort(key=lambda r: (r.agreed, -abs(r.drift or 0), order[r.criterion]))
    moderated_entries = [
        CriterionEntry(criterion=r.criterion, grade=r.moderated_grade) for r in rows
    ]
    override = Grade.parse_optional(row["moderated_override"])
    # what is left is counted once, as to_decide (a too-short rationale included), not
    # again in the explanation by grades alone ("9 not yet decided" beside 10 to decide)
    moderated_overall = overall_view(
        rubric,
        moderated_entries,
        override,
        row["overall_rationale"],
        pending="decided",
        count_pending=False,
    )
    manager_overall = Grade.parse_optional(audit["overall_grade"])
    if row["status"] == "reviewed":
        outcome: Outcome | None = row["outcome"]
    else:
        complete = all(r.decided for r in rows)
        outcome = moderation_outcome(manager_overall, moderated_overall.final) if complete else None
    return ModerationComparison(
        moderation_id=row["id"],
        audit_id=row["audit_id"],
        case_ref=row["case_ref"],
        manager=audit["manager"],
        moderator=row["moderator_name"],
        status=row["status"],
        rows=rows,
        manager_overall=manager_overall,
        moderator_overall=Grade.parse_optional(row["overall_grade"]),
        moderated_overall=moderated_overall,
        outcome=outcome,
        to_decide=[r.criterion for r in rows if not r.decided],
    )


def compare_moderation(store: Store, user: User, moderation_id: int) -> ModerationComparison:
    """Both gradings side by side, disagreements first (only after the blind grading is submitted).

    Refused for a moderator before they submit, and for anyone but the
    moderation's own moderator or a lead.
    """
    row, rubric = reviewable_moderation(store, user, moderation_id)
    return comparison_of(store, row, rubric)
