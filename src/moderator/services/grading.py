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

from abc import ABC, abstractmethod
from collections.abc import Iterable
from datetime import date
from typing import Any, Protocol, Self, runtime_checkable

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
from moderator.errors import SheetChanged
from moderator.services.audits import audit_rubric, audit_sheet, get_audit
from moderator.services.blind_grading import get_moderation, moderation_rubric, moderation_sheet
from moderator.services.grade_sheet import (
    AUDIT,
    MODERATION,
    OpenSheet,
    SheetKind,
    save_entries,
    save_entry,
    save_override,
    sheet_version,
    submit_sheet,
)
from moderator.services.grading_feedback import CriterionFeedback as CriterionFeedback
from moderator.services.grading_feedback import ModerationFeedback as ModerationFeedback
from moderator.services.grading_feedback import calibration_feedback_of
from moderator.services.users import Role, User
from moderator.store.db import Store


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
    version: int = 0
    """Which change this read saw (:func:`moderator.services.grade_sheet.sheet_version`):
    a change decided on this sheet is written only while the sheet is still at it."""

    def submit_question(self, final: Grade | None) -> str:
        """The submit dialog's text: the overall grade and each criterion's, as read."""
        return (
            f"Overall grade: {'—' if final is None else final.label}.\n\n"
            + "\n".join(self.grades_lines())
            + f"\n\nOnce submitted the {self.kind} is read-only: "
            "no grade, note or override can change."
        )

    def changed_message(self, *, submitting: bool) -> str:
        """What a window says when it finds the sheet changed elsewhere (and shows this read)."""
        if self.status in ("submitted", "reviewed"):  # whatever was decided here: no longer
            return "Submitted in another window; it is now read-only."
        return ("Not submitted. " if submitting else "") + (
            f"This {self.kind} was changed in another window; showing what is saved now."
        )

    def grades_lines(self) -> list[str]:
        """One line per criterion, ``Risk identified and acted on: Good`` (for a confirmation)."""
        grades = {e.criterion: e.grade for e in self.entries}
        lines = []
        for c in self.rubric.criteria:
            grade = grades.get(c.id)
            lines.append(f"{c.title}: {'—' if grade is None else grade.label}")
        return lines


@runtime_checkable
class GradingTarget(Protocol):
    """What the grading screen needs from the thing being graded."""

    kind: str
    """``audit`` or ``moderation`` (used in messages: "Submit this audit?")."""

    def load(self) -> GradingSheet:
        """Read the current state (blocking; called from a worker thread)."""
        ...

    def version(self) -> int:
        """Which change the sheet is at now (blocking)."""
        ...

    def save(
        self,
        criterion: str,
        *,
        grade: KeepOrGrade = "keep",
        note: str | None = None,
        expected: int | None = None,
    ) -> int:
        """Save one criterion's grade and/or note as a draft (blocking); the new version.

        ``grade="keep"`` leaves the grade alone, ``None`` clears it; ``note=None``
        leaves the note alone. With ``expected``, SheetChanged (nothing written) unless
        the sheet is still at that version.
        """
        ...

    def set_override(
        self, grade: Grade | None, reason: str | None, *, expected: int | None = None
    ) -> int:
        """Override the derived overall grade (reason required) or clear it (blocking)."""
        ...

    def save_all(
        self,
        entries: Iterable[CriterionEntry],
        override: tuple[Grade | None, str | None] | None = None,
        *,
        expected: int | None = None,
    ) -> int:
        """Save several criteria (and the override) in one transaction: all or nothing."""
        ...

    def submit(self, *, expected: int | None = None) -> GradingSheet:
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


def _locked(what: str, stamp: str | None) -> str:
    """``Submitted 2020-02-03: read-only`` (the date left out when unknown)."""
    return f"{what} {(stamp or '')[:10]}".strip() + ": read-only"


class _SheetTarget(ABC):
    """What both targets share: the rubric's pure rules over the entries on screen."""

    kind = ""
    sheet_kind: SheetKind

    def __init__(self, store: Store, user: User, key: int, rubric: Rubric) -> None:
        self.store = store
        self.user = user
        self.key = key
        """The audit's or the moderation's id."""
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

    @classmethod
    def open(cls, store: Store, user: User, key: int) -> Self:
        """The target for the audit or moderation ``key`` as ``user`` (blocking: reads its rubric)."""
        return cls(store, user, key, cls._rubric_of(store, key))

    @staticmethod
    @abstractmethod
    def _rubric_of(store: Store, key: int, /) -> Rubric:
        """The exact rubric the sheet is graded against (blocking)."""

    @staticmethod
    @abstractmethod
    def _sheet_of(store: Store, user: User, key: int, /) -> OpenSheet:
        """The sheet, if this user may change it (Refused otherwise; blocking)."""

    def version(self) -> int:
        """Which change the sheet is at now (the last event logged for it)."""
        return sheet_version(self.store, self.sheet_kind, self.key)

    def _open_sheet(self, expected: int | None = None) -> OpenSheet:
        # A sheet changed elsewhere says so first, even when the change made it read-only
        # (submitted, claimed): the window then shows what is saved (checked again inside
        # the change's transaction).
        if expected is not None and self.version() != expected:
            raise SheetChanged(
                f"{self.kind} {self.key} was changed elsewhere since it was read; nothing was saved"
            )
        return self._sheet_of(self.store, self.user, self.key)

    def save(
        self,
        criterion: str,
        *,
        grade: KeepOrGrade = "keep",
        note: str | None = None,
        expected: int | None = None,
    ) -> int:
        """Autosave one criterion (see :func:`moderator.services.grade_sheet.save_entry`)."""
        return save_entry(
            self.store,
            self.user,
            self._open_sheet(expected),
            criterion,
            grade=grade,
            note=note,
            expected_version=expected,
        )

    def set_override(
        self, grade: Grade | None, reason: str | None, *, expected: int | None = None
    ) -> int:
        """Override the derived overall grade (a reason is required), or clear the override."""
        return save_override(
            self.store,
            self.user,
            self._open_sheet(expected),
            grade,
            reason,
            expected_version=expected,
        )

    def save_all(
        self,
        entries: Iterable[CriterionEntry],
        override: tuple[Grade | None, str | None] | None = None,
        *,
        expected: int | None = None,
    ) -> int:
        """Several changes as one (see :func:`moderator.services.grade_sheet.save_entries`)."""
        return save_entries(
            self.store,
            self.user,
            self._open_sheet(expected),
            {e.criterion: (e.grade, e.note) for e in entries},
            override,
            expected_version=expected,
        )

    def submit(self, *, expected: int | None = None) -> GradingSheet:
        """Check completeness, lock the sheet, and return it read-only (SheetChanged, nothing
        written, when ``expected`` is given and the sheet is no longer at it)."""
        submit_sheet(self.store, self.user, self._open_sheet(expected), expected_version=expected)
        return self.load()

    @abstractmethod
    def load(self) -> GradingSheet:
        """Read the sheet as this user may see it (blocking)."""

    def _viewer(self) -> str:
        """The user's role as a read-only notice names it (``Lead view of …``)."""
        return "Lead" if self.user.role is Role.LEAD else self.user.role.value.title()

    def _sheet(
        self, version: int, summary: Any, detail: Any, overall: OverallView | None, **fields: Any
    ) -> GradingSheet:
        """The sheet from an audit's or a moderation's summary and detail (same case fields)."""
        return GradingSheet(
            kind=self.kind,
            key=summary.id,
            title=f"{self.kind.title()} {summary.id} · {summary.case_ref}",
            case_ref=summary.case_ref,
            team=summary.team,
            service_area=summary.service_area,
            opened=detail.opened,
            case_text=detail.case_text,
            rubric=self.rubric,
            entries=detail.entries,
            override=None if overall is None else overall.override,
            override_reason=None if overall is None else overall.override_reason,
            status=summary.status,
            read_only=fields.get("read_only_reason") is not None,
            version=version,
            **fields,
        )


class AuditTarget(_SheetTarget):
    """A manager's audit as a grading target (read-only for anyone but its manager)."""

    kind = "audit"
    sheet_kind = AUDIT

    _rubric_of = staticmethod(audit_rubric)
    _sheet_of = staticmethod(audit_sheet)

    @property
    def audit_id(self) -> int:
        """The audit graded."""
        return self.key

    def load(self) -> GradingSheet:
        """Read the audit as this user may see it (a calibration case's agreed grades once submitted)."""
        with self.store.snapshot():  # the version and the sheet from one state
            version = self.version()
            detail = get_audit(self.store, self.user, self.key)
        feedback = ModerationFeedback.from_rows(detail.feedback)
        if feedback is None and detail.summary.status == "submitted":
            feedback = calibration_feedback_of(self.store, self.user, self.key, detail)
        s = detail.summary
        reason: str | None = None
        if s.status == "submitted":
            reason = _locked("Submitted", s.submitted_at)
        elif s.manager != self.user.name:
            reason = f"{self._viewer()} view of {s.manager}'s audit: read-only"
        return self._sheet(
            version,
            s,
            detail,
            detail.overall,
            owner=s.manager,
            due=s.due,
            read_only_reason=reason,
            feedback=feedback,
        )


class ModerationTarget(_SheetTarget):
    """A moderator's blind grading as a grading target.

    Everything comes from :mod:`moderator.services.blind_grading`, which never
    returns the manager's grades, notes or overall grade from these calls; the
    sheet therefore shows the case, the rubric and the moderator's own grading
    only. Read-only once submitted, and for anyone but its moderator.
    """

    kind = "moderation"
    sheet_kind = MODERATION

    _rubric_of = staticmethod(moderation_rubric)
    _sheet_of = staticmethod(moderation_sheet)  # the first write claims an unassigned moderation

    @property
    def moderation_id(self) -> int:
        """The moderation graded."""
        return self.key

    def load(self) -> GradingSheet:
        """Read the moderation as this user may see it: case, rubric, own grading."""
        with self.store.snapshot():  # the version and the sheet from one state
            version = self.version()
            detail = get_moderation(self.store, self.user, self.key)
        s = detail.summary
        reason: str | None = None
        if s.status == "submitted":
            reason = _locked("Submitted", s.submitted_at) + "; the review is open from the queue"
        elif s.status == "reviewed":
            reason = _locked("Reviewed", s.reviewed_at)
        elif not detail.editable:
            whose = s.moderator or "an unassigned"
            reason = f"{self._viewer()} view of {whose} moderation: read-only"
        return self._sheet(
            version,
            s,
            detail,
            detail.overall,
            owner=s.moderator or "unassigned",
            read_only_reason=reason,
            submit_note=(
                "Then you see the manager's grading beside yours and review each disagreement."
            ),
        )
