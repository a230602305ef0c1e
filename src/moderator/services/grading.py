"""Grading targets: what a grading screen works on, whatever is being graded.

A manager grades an *audit*; an external moderator grades a *moderation*
blind. Both show a case beside a rubric, take a grade and an evidence note per
criterion, derive an overall grade (overridable with a written reason) and
end with a submission that makes the work read-only. The grading screen talks
only to a :class:`GradingTarget`, so the same screen serves both.

Methods marked *pure* run on the UI thread and must not touch the database;
the others are called from background threads and may block.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Literal, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict

from moderator.domain.grades import Grade
from moderator.domain.rubric import Rubric
from moderator.services.audits import CriterionEntry, OverallView, overall_view
from moderator.services.users import Role, User
from moderator.store.db import Store

KeepOrGrade = Grade | Literal["keep"] | None


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


def missing_evidence(
    rubric: Rubric,
    entries: Iterable[CriterionEntry],
    override: Grade | None,
    reason: str | None,
) -> list[str]:
    """Why a grading cannot be submitted: ungraded criteria, missing evidence notes, bare override."""
    titles = {c.id: c.title for c in rubric.criteria}
    by_id = {e.criterion: e for e in entries}
    problems = []
    for crit in rubric.criteria:
        entry = by_id.get(crit.id)
        if entry is None or entry.grade is None:
            problems.append(f"{titles[crit.id]}: not graded")
        elif not entry.note.strip():
            problems.append(f"{titles[crit.id]}: no evidence note")
    if override is not None and not (reason or "").strip():
        problems.append("overall override has no reason")
    return problems


class AuditTarget:
    """A manager's audit as a grading target (read-only for anyone but its manager)."""

    kind = "audit"

    def __init__(self, store: Store, user: User, audit_id: int, rubric: Rubric) -> None:
        self.store = store
        self.user = user
        self.audit_id = audit_id
        self.rubric = rubric

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

    def overall(
        self, entries: Iterable[CriterionEntry], override: Grade | None, reason: str | None
    ) -> OverallView:
        """The derived overall grade and the sentence that explains it."""
        return overall_view(self.rubric, entries, override, reason)

    def missing(
        self, entries: Iterable[CriterionEntry], override: Grade | None, reason: str | None
    ) -> list[str]:
        """What is still needed before the audit can be submitted."""
        return missing_evidence(self.rubric, entries, override, reason)
