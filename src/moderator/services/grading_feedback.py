"""What moderation decided on a manager's audit, as the grading screen shows it.

Split from :mod:`moderator.services.grading` (kept under 500 lines); imported from there too.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from moderator.domain.grades import Grade
from moderator.services.audits import audit_rubric
from moderator.services.users import User
from moderator.store.db import Store


class CriterionFeedback(BaseModel):
    """What moderation decided for one criterion of a manager's audit."""

    criterion: str
    title: str
    manager_grade: Grade | None
    moderated_grade: Grade | None
    drift: int | None
    """Moderated − manager, in grade steps (positive: downgraded)."""
    rationale: str | None
    descriptor: str | None
    """The rubric descriptor of the moderated grade."""


class ModerationFeedback(BaseModel):
    """A reviewed moderation as the audit's manager reads it: the outcome and why."""

    outcome: str | None
    """``agreed``, ``downgraded`` or ``upgraded``."""
    moderator: str | None
    reviewed_at: str | None
    manager_overall: Grade | None
    moderated_overall: Grade | None
    overall_rationale: str | None
    """The reason for an override of the moderated overall grade, if any."""
    criteria: list[CriterionFeedback]
    kind: Literal["moderation", "calibration"] = "moderation"
    """``calibration``: the audit was a calibration case; "moderated" reads "agreed by a panel"."""

    @classmethod
    def from_rows(cls, rows: list[dict[str, Any]]) -> ModerationFeedback | None:
        """Build from :attr:`moderator.services.audits.AuditDetail.feedback` (None when empty)."""
        overall = next((r for r in rows if r["criterion"] == "overall"), None)
        if overall is None:
            return None
        return cls(
            outcome=overall.get("outcome"),
            moderator=overall.get("moderator"),
            reviewed_at=overall.get("reviewed_at"),
            manager_overall=Grade.parse_optional(overall.get("manager_grade")),
            moderated_overall=Grade.parse_optional(overall.get("moderated_grade")),
            overall_rationale=overall.get("rationale"),
            criteria=[
                CriterionFeedback(
                    criterion=r["criterion"],
                    title=r["title"],
                    manager_grade=Grade.parse_optional(r.get("manager_grade")),
                    moderated_grade=Grade.parse_optional(r.get("moderated_grade")),
                    drift=r.get("drift"),
                    rationale=r.get("rationale"),
                    descriptor=r.get("descriptor"),
                )
                for r in rows
                if r["criterion"] != "overall"
            ],
        )

    def for_criterion(self, criterion: str) -> CriterionFeedback | None:
        """The decision for one criterion."""
        return next((c for c in self.criteria if c.criterion == criterion), None)

    @property
    def changed(self) -> int:
        """How many criteria the moderation moved away from the manager's grade."""
        return sum(bool(c.drift) for c in self.criteria)

    def headline(self) -> str:
        """One line: ``Moderated by oli on 2020-02-03: downgraded, Good → Inadequate (2 of 3 criteria changed)``."""
        when = (self.reviewed_at or "")[:10]
        who = f"Moderated by {self.moderator}" if self.moderator else "Moderated"
        mine = "—" if self.manager_overall is None else self.manager_overall.label
        theirs = "—" if self.moderated_overall is None else self.moderated_overall.label
        grades = mine if self.outcome == "agreed" else f"{mine} → {theirs}"
        return (
            f"{who}{' on ' + when if when else ''}: {self.outcome or 'reviewed'}, {grades}"
            f" ({self.changed} of {len(self.criteria)} criteria changed)"
        )


def calibration_feedback_of(
    store: Store, user: User, audit_id: int, detail: Any
) -> ModerationFeedback | None:
    """A submitted calibration audit's agreed grades, as feedback (None for any other audit)."""
    from moderator.services.calibration import calibration_case_of_audit, calibration_feedback

    rows = calibration_feedback(store, user, audit_id)
    if not rows:
        return None
    case = calibration_case_of_audit(store, audit_id)
    rubric = audit_rubric(store, audit_id)
    return ModerationFeedback(
        kind="calibration",
        outcome="calibration",
        moderator=case.panel,
        reviewed_at=case.agreed_at,
        manager_overall=detail.overall.final if detail.overall else None,
        moderated_overall=case.overall,
        overall_rationale=None,
        criteria=[
            CriterionFeedback(
                criterion=r.criterion,
                title=r.title,
                manager_grade=r.manager_grade,
                moderated_grade=r.agreed_grade,
                drift=r.distance,
                rationale=r.reason,
                descriptor=rubric.criterion(r.criterion).descriptors.for_grade(r.agreed_grade),
            )
            for r in rows
        ],
    )
