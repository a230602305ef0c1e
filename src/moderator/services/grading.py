"""Grading targets: what a grading screen works on, whatever is being graded.

A manager grades an *audit*; an external moderator grades a *moderation*
blind (:class:`ModerationTarget`: the case, the rubric and the moderator's own
grading, never the manager's). Both show a case beside a rubric, take a grade and an evidence note per
criterion, derive an overall grade (overridable with a written reason) and
end with a submission that makes the work read-only. The grading screen talks
only to a :class:`GradingTarget`, so the same screen serves both.

Methods marked *pure* run on the UI thread and must not touch the database;
the others are called from background threads and may block.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict

from moderator.domain.grade_sheet import (
    CriterionEntry,
    KeepOrGrade,
    OverallView,
    incomplete_reasons,
    overall_view,
)
from moderator.domain.grades import Grade
from moderator.domain.rubric import Rubric
from moderator.services.users import Role, User
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


class GradingSheet(BaseModel):
    """One read of a grading target: everything the grading screen shows."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    kind: str
    """What is graded, as a word for messages: ``audit`` or ``moderation``."""
    key: int
    """The target's id (audit id or moderation id)."""
    title: str
    """A short heading, such as ``Audit 12 · C-1``."""
    case_ref: str
    team: str
    service_area: str
    opened: str | None
    case_text: str
    rubric: Rubric
    entries: list[CriterionEntry]
    """One entry per rubric criterion, in rubric order."""
    override: Grade | None = None
    override_reason: str | None = None
    status: str
    owner: str
    """Whose grading this is (the manager or the moderator)."""
    due: date | None = None
    read_only: bool = False
    read_only_reason: str | None = None
    """Why the sheet cannot be changed (submitted, or someone else's work)."""
    submit_note: str | None = None
    """What happens after submitting, for the confirmation (a moderation opens its review)."""
    feedback: ModerationFeedback | None = None
    """The reviewed moderation of an audit, for its manager (never on a moderation)."""


@runtime_checkable
class GradingTarget(Protocol):
    """What the grading screen needs from the thing being graded."""

    kind: str
    """``audit`` or ``moderation`` (used in messages: "Submit this audit?")."""

    def load(self) -> GradingSheet:
        """Read the current state (blocking; called from a worker thread)."""
        ...

    def save(self, criterion: str, *, grade: KeepOrGrade = "keep", note: str | None = None) -> None:
        """Save one criterion's grade and/or note as a draft (blocking).

        ``grade="keep"`` leaves the grade alone, ``None`` clears it; ``note=None``
        leaves the note alone.
        """
        ...

    def set_override(self, grade: Grade | None, reason: str | None) -> None:
        """Override the derived overall grade (reason required) or clear it (blocking)."""
        ...

    def submit(self) -> GradingSheet:
        """Check completeness, lock, and return the read-only sheet (blocking)."""
        ...

    def overall(
        self, entries: Iterable[CriterionEntry], override: Grade | None, reason: str | None
    ) -> OverallView:
        """*Pure*: the overall grade these entries give, and why."""
        ...

    def missing(
        self, entries: Iterable[CriterionEntry], override: Grade | None, reason: str | None
    ) -> list[str]:
        """*Pure*: what stops these entries being submitted (empty when complete)."""
        ...


class _SheetTarget:
    """What both targets share: the rubric's pure rules over the entries on screen."""

    kind = ""

    def __init__(self, store: Store, user: User, key: int, rubric: Rubric) -> None:
        self.store = store
        self.user = user
        self.key = key
        self.rubric = rubric

    def overall(
        self, entries: Iterable[CriterionEntry], override: Grade | None, reason: str | None
    ) -> OverallView:
        """The derived overall grade and the sentence that explains it."""
        return overall_view(self.rubric, entries, override, reason)

    def missing(
        self, entries: Iterable[CriterionEntry], override: Grade | None, reason: str | None
    ) -> list[str]:
        """What is still needed before submitting (the same rule the submission applies)."""
        return incomplete_reasons(self.rubric, entries, override, reason)


class AuditTarget(_SheetTarget):
    """A manager's audit as a grading target (read-only for anyone but its manager)."""

    kind = "audit"

    @property
    def audit_id(self) -> int:
        """The audit graded."""
        return self.key

    @classmethod
    def open(cls, store: Store, user: User, audit_id: int) -> AuditTarget:
        """The target for ``audit_id`` as ``user`` (blocking: reads the audit's rubric)."""
        from moderator.services.audits import audit_rubric

        return cls(store, user, audit_id, audit_rubric(store, audit_id))

    def load(self) -> GradingSheet:
        """Read the audit as this user may see it."""
        from moderator.services.audits import get_audit

        detail = get_audit(self.store, self.user, self.audit_id)
        s = detail.summary
        overall = detail.overall
        reason: str | None = None
        if s.status == "submitted":
            when = (s.submitted_at or "")[:10]
            reason = f"Submitted {when}".strip() + ": read-only"
        elif s.manager != self.user.name:
            role = "Lead" if self.user.role is Role.LEAD else self.user.role.value.title()
            reason = f"{role} view of {s.manager}'s audit: read-only"
        return GradingSheet(
            kind=self.kind,
            key=s.id,
            title=f"Audit {s.id} · {s.case_ref}",
            case_ref=s.case_ref,
            team=s.team,
            service_area=s.service_area,
            opened=detail.opened,
            case_text=detail.case_text,
            rubric=self.rubric,
            entries=detail.entries,
            override=None if overall is None else overall.override,
            override_reason=None if overall is None else overall.override_reason,
            status=s.status,
            owner=s.manager,
            due=s.due,
            read_only=reason is not None,
            read_only_reason=reason,
            feedback=ModerationFeedback.from_rows(detail.feedback),
        )

    def save(self, criterion: str, *, grade: KeepOrGrade = "keep", note: str | None = None) -> None:
        """Autosave one criterion (see :func:`moderator.services.audits.save_criterion`)."""
        from moderator.services.audits import save_criterion

        save_criterion(self.store, self.user, self.audit_id, criterion, grade=grade, note=note)

    def set_override(self, grade: Grade | None, reason: str | None) -> None:
        """Override the audit's overall grade, or clear the override."""
        from moderator.services.audits import set_override

        set_override(self.store, self.user, self.audit_id, grade, reason)

    def submit(self) -> GradingSheet:
        """Submit the audit and return it read-only."""
        from moderator.services.audits import submit_audit

        submit_audit(self.store, self.user, self.audit_id)
        return self.load()


class ModerationTarget(_SheetTarget):
    """A moderator's blind grading as a grading target.

    Everything comes from :mod:`moderator.services.blind_grading`, which never
    returns the manager's grades, notes or overall grade from these calls; the
    sheet therefore shows the case, the rubric and the moderator's own grading
    only. Read-only once submitted, and for anyone but its moderator.
    """

    kind = "moderation"

    @property
    def moderation_id(self) -> int:
        """The moderation graded."""
        return self.key

    @classmethod
    def open(cls, store: Store, user: User, moderation_id: int) -> ModerationTarget:
        """The target for ``moderation_id`` as ``user`` (blocking: reads the rubric)."""
        from moderator.services.blind_grading import moderation_rubric

        return cls(store, user, moderation_id, moderation_rubric(store, moderation_id))

    def load(self) -> GradingSheet:
        """Read the moderation as this user may see it: case, rubric, own grading."""
        from moderator.services.blind_grading import get_moderation

        detail = get_moderation(self.store, self.user, self.moderation_id)
        s = detail.summary
        reason: str | None = None
        if s.status == "submitted":
            when = (s.submitted_at or "")[:10]
            reason = f"Submitted {when}".strip() + ": read-only; the review is open from the queue"
        elif s.status == "reviewed":
            when = (s.reviewed_at or "")[:10]
            reason = f"Reviewed {when}".strip() + ": read-only"
        elif not detail.editable:
            role = "Lead" if self.user.role is Role.LEAD else self.user.role.value.title()
            reason = f"{role} view of {s.moderator or 'an unassigned'} moderation: read-only"
        return GradingSheet(
            kind=self.kind,
            key=s.id,
            title=f"Moderation {s.id} · {s.case_ref}",
            case_ref=s.case_ref,
            team=s.team,
            service_area=s.service_area,
            opened=detail.opened,
            case_text=detail.case_text,
            rubric=self.rubric,
            entries=detail.entries,
            override=detail.overall.override,
            override_reason=detail.overall.override_reason,
            status=s.status,
            owner=s.moderator or "unassigned",
            read_only=reason is not None,
            read_only_reason=reason,
            submit_note=(
                "Then you see the manager's grading beside yours and review each disagreement."
            ),
        )

    def save(self, criterion: str, *, grade: KeepOrGrade = "keep", note: str | None = None) -> None:
        """Autosave one criterion of the blind grading (claims an unassigned moderation)."""
        from moderator.services.blind_grading import save_moderation_grade

        save_moderation_grade(
            self.store, self.user, self.moderation_id, criterion, grade=grade, note=note
        )

    def set_override(self, grade: Grade | None, reason: str | None) -> None:
        """Override the moderator's derived overall grade, or clear the override."""
        from moderator.services.blind_grading import set_moderation_override

        set_moderation_override(self.store, self.user, self.moderation_id, grade, reason)

    def submit(self) -> GradingSheet:
        """Submit the blind grading and return it read-only."""
        from moderator.services.blind_grading import submit_moderation

        submit_moderation(self.store, self.user, self.moderation_id)
        return self.load()
