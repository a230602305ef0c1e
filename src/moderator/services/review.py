"""The review of a submitted moderation: a decision per disagreement, then the outcome.

The moderator (or a lead) records a moderated grade and a rationale for every
criterion where the two gradings disagree, may override the moderated overall
grade with a reason, and completes the review, which locks it and records the
outcome (:func:`moderator.domain.grade_sheet.moderation_outcome`).

:class:`ReviewSession` wraps these functions for a screen and adds the *pure*
preview a screen needs while the moderator is still deciding: the moderated
overall grade the decisions so far give, the outcome it would mean, and what
is still to decide. Methods marked
*pure* run on the UI thread and touch no database; the others block.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from moderator.domain.grade_sheet import (
    MAX_NOTE,
    CriterionEntry,
    Outcome,
    OverallView,
    check_criterion,
    check_override,
    moderation_outcome,
    overall_view,
    rationale_problem,
)
from moderator.domain.grades import Grade
from moderator.domain.rubric import Rubric
from moderator.domain.text import require_plain_text
from moderator.errors import BadInput, Refused, SheetChanged
from moderator.services.blind_grading import moderation_rubric
from moderator.services.comparison import (
    ComparisonRow,
    ModerationComparison,
    compare_moderation,
    comparison_of,
    reviewable_moderation,
)
from moderator.services.grade_sheet import MODERATION, sheet_version
from moderator.services.users import User
from moderator.store.db import Store


def check_review_unchanged(store: Store, moderation_id: int, expected: int | None) -> None:
    """SheetChanged (nothing written) when the moderation is no longer at ``expected``
    (None: any): another window recorded, overrode or completed meanwhile."""
    if expected is not None and sheet_version(store, MODERATION, moderation_id) != expected:
        raise SheetChanged(
            f"moderation {moderation_id} was changed elsewhere since it was read; nothing was saved"
        )


def _read_at(store: Store, user: User, moderation_id: int, version: int) -> ModerationComparison:
    return compare_moderation(store, user, moderation_id).model_copy(update={"version": version})


def _open_review(store: Store, user: User, moderation_id: int) -> tuple[dict[str, Any], Rubric]:
    row, rubric = reviewable_moderation(store, user, moderation_id)
    if row["status"] == "reviewed":
        raise Refused(f"moderation {moderation_id} is reviewed and read-only")
    return row, rubric


def record_review(
    store: Store,
    user: User,
    moderation_id: int,
    criterion: str,
    grade: Grade,
    rationale: str,
    *,
    expected_version: int | None = None,
) -> ModerationComparison:
    """Record the moderated grade and its rationale for one disagreement.

    The rationale is required: it should say which rubric descriptor the
    evidence meets (the comparison shows the descriptor of the chosen grade).
    Criteria where manager and moderator agree take the agreed grade and
    cannot be decided here. With ``expected_version`` (the version the window read), nothing
    is written (SheetChanged) unless the moderation is still at it.
    """
    check_review_unchanged(store, moderation_id, expected_version)
    row, rubric = _open_review(store, user, moderation_id)
    check_criterion(rubric, criterion)
    rationale = (rationale or "").strip()
    if not rationale:
        raise BadInput(
            f"{rubric.criterion(criterion).title}: a disagreement needs a rationale"
            " (which descriptor does the evidence meet, and why?)"
        )
    if len(rationale) > MAX_NOTE:
        raise BadInput(f"rationale is too long ({len(rationale)} > {MAX_NOTE} characters)")
    rationale = require_plain_text(rationale, "rationale")
    comparison = comparison_of(store, row, rubric)
    current = next(r for r in comparison.rows if r.criterion == criterion)
    if current.agreed:
        raise BadInput(
            f"{current.title}: manager and moderator agreed ({current.moderated_grade}); "
            "the agreed grade stands"
        )
    old = store.row(
        "SELECT moderated_grade, rationale FROM moderation_grades"
        " WHERE moderation_id = ? AND criterion = ?",
        [moderation_id, criterion],
    )
    if old is None:
        raise BadInput(f"{current.title}: the moderator did not grade this criterion")
    with store.transaction():
        check_review_unchanged(store, moderation_id, expected_version)
        stamp = store.now()
        store.execute(
            "UPDATE moderation_grades SET moderated_grade = ?, rationale = ?, updated_at = ?"
            " WHERE moderation_id = ? AND criterion = ?",
            (int(grade), rationale, stamp, moderation_id, criterion),
        )
        store.execute("UPDATE moderations SET updated_at = ? WHERE id = ?", (stamp, moderation_id))
        store.record_event(
            user.name,
            "moderation.review",
            "moderation",
            moderation_id,
            field=criterion,
            before=Grade.parse_optional(old["moderated_grade"]),
            after=grade.label,
            detail={
                "manager": None if current.manager_grade is None else current.manager_grade.label,
                "moderator": (
                    None if current.moderator_grade is None else current.moderator_grade.label
                ),
                "rationale_chars": len(rationale),
            },
            at=stamp,
        )
        version = sheet_version(store, MODERATION, moderation_id)
    return _read_at(store, user, moderation_id, version)


def set_moderated_overall(
    store: Store,
    user: User,
    moderation_id: int,
    grade: Grade | None,
    reason: str | None,
    *,
    expected_version: int | None = None,
) -> ModerationComparison:
    """Override the derived moderated overall grade (a reason is required), or clear it
    (``expected_version`` as for :func:`record_review`)."""
    check_review_unchanged(store, moderation_id, expected_version)
    row, _rubric = _open_review(store, user, moderation_id)
    derived = compare_moderation(store, user, moderation_id).moderated_overall.derived
    reason = check_override(grade, reason, derived=derived, what="moderated overall grade")
    old = row["moderated_override"]
    with store.transaction():
        check_review_unchanged(store, moderation_id, expected_version)
        stamp = store.now()
        store.execute(
            "UPDATE moderations SET moderated_override = ?, overall_rationale = ?, updated_at = ?"
            " WHERE id = ?",
            (None if grade is None else int(grade), reason or None, stamp, moderation_id),
        )
        store.record_event(
            user.name,
            "moderation.review_override",
            "moderation",
            moderation_id,
            field="overall",
            before=None if old is None else Grade(old).label,
            after=None if grade is None else grade.label,
            detail={"reason_chars": len(reason)},
            at=stamp,
        )
        version = sheet_version(store, MODERATION, moderation_id)
    return _read_at(store, user, moderation_id, version)


def complete_review(
    store: Store, user: User, moderation_id: int, *, expected_version: int | None = None
) -> ModerationComparison:
    """Finish the review: every disagreement decided with a rationale, then lock it.

    Agreed criteria take the agreed grade; the moderated overall grade is
    derived from the moderated criterion grades by the rubric's rule (or the
    override, with its reason); the outcome compares it with the manager's
    overall grade. The manager can then read the outcome on their audit.
    ``expected_version`` as for :func:`record_review`.
    """
    check_review_unchanged(store, moderation_id, expected_version)
    row, rubric = _open_review(store, user, moderation_id)
    comparison = comparison_of(store, row, rubric)
    overall = comparison.moderated_overall
    problems = [
        f"  - {problem}"
        if r is None
        else f"  - {r.title}: {problem} (manager {r.manager_grade}, moderator {r.moderator_grade})"
        for r, problem in review_gaps(comparison, {}, overall.override, overall.override_reason)
    ]
    if problems:
        raise BadInput(
            f"review of moderation {moderation_id} is not complete ({len(problems)} to do)",
            details=problems,
        )
    final = overall.final
    assert final is not None
    outcome = moderation_outcome(comparison.manager_overall, final)
    with store.transaction():
        check_review_unchanged(store, moderation_id, expected_version)
        stamp = store.now()
        for r in comparison.rows:
            if r.agreed:
                store.execute(
                    "UPDATE moderation_grades SET moderated_grade = ?, updated_at = ?"
                    " WHERE moderation_id = ? AND criterion = ?",
                    (int(r.moderated_grade or 0), stamp, moderation_id, r.criterion),
                )
        store.execute(
            "UPDATE moderations SET status = 'reviewed', moderated_overall = ?, outcome = ?,"
            " reviewed_at = ?, reviewed_by = ?, updated_at = ? WHERE id = ?",
            (int(final), outcome, stamp, user.name, stamp, moderation_id),
        )
        store.record_event(
            user.name,
            "moderation.reviewed",
            "moderation",
            moderation_id,
            field="overall",
            before=None if comparison.manager_overall is None else comparison.manager_overall.label,
            after=final.label,
            detail={
                "audit_id": row["audit_id"],
                "outcome": outcome,
                "disagreements": len(comparison.disagreements),
            },
            at=stamp,
        )
        version = sheet_version(store, MODERATION, moderation_id)
    return _read_at(store, user, moderation_id, version)


# -- a review on screen ---------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """The moderated grade and rationale chosen for one disagreement (either may be missing)."""

    grade: Grade | None
    rationale: str

    @property
    def complete(self) -> bool:
        """Both a grade and a rationale: ready to record."""
        return self.grade is not None and bool(self.rationale.strip())

    @property
    def too_short(self) -> bool:
        """A rationale written but too short to count (completion's rule): a draft."""
        return bool(self.rationale.strip()) and rationale_problem(self.rationale) is not None


class ReviewPreview(BaseModel):
    """The review as it stands on screen: moderated overall, outcome, what is left."""

    overall: OverallView
    outcome: Outcome | None
    """What completing the review now would give (None while a disagreement has no grade)."""
    to_decide: list[str]
    """Criterion ids still needing a moderated grade or a rationale (one too short counts)."""


def review_gaps(
    comparison: ModerationComparison,
    decisions: Mapping[str, Decision],
    override: Grade | None,
    reason: str | None,
) -> list[tuple[ComparisonRow | None, str]]:
    """What stops a review being completed: the one rule for the preview and the completion.

    One ``(row, problem)`` per disagreement without a moderated grade or with
    no rationale, or one too short to be one (a stray key: ``r``; see
    :func:`~moderator.domain.grade_sheet.rationale_problem`), where ``decisions``
    on screen take the place of the stored ones; then ``(None, problem)`` for an
    override without a reason.
    """
    gaps: list[tuple[ComparisonRow | None, str]] = []
    for row in comparison.rows:
        if row.agreed:
            continue
        decision = decisions.get(row.criterion, decision_of(row))
        if decision.grade is None:
            gaps.append((row, "no moderated grade"))
        elif problem := rationale_problem(decision.rationale):
            gaps.append((row, problem))
    if override is not None and not (reason or "").strip():
        gaps.append((None, "moderated overall override has no reason"))
    return gaps


def decision_of(row: ComparisonRow) -> Decision:
    """The decision already stored for a row (agreed rows carry the agreed grade)."""
    return Decision(row.moderated_grade, row.rationale or "")


class ReviewSession:
    """One moderation's review for one user: read, decide, override, complete."""

    def __init__(self, store: Store, user: User, moderation_id: int, rubric: Rubric) -> None:
        self.store = store
        self.user = user
        self.moderation_id = moderation_id
        self.rubric = rubric
        self.version: int | None = None
        """The version last read or written here; a write is refused once the moderation
        moved on from it (another window: SheetChanged). None until read."""
        self._lock = threading.Lock()

    @classmethod
    def open(cls, store: Store, user: User, moderation_id: int) -> ReviewSession:
        """The review of ``moderation_id`` as ``user`` (blocking: reads the rubric)."""
        return cls(store, user, moderation_id, moderation_rubric(store, moderation_id))

    # -- blocking ---------------------------------------------------------------------
    def load(self) -> ModerationComparison:
        """Both gradings side by side (Refused before the blind grading is submitted)."""
        with self._lock:
            return self._read()

    def check(self) -> ModerationComparison | None:
        """The review read again if it changed elsewhere since this session last read or
        wrote it (None if not): one indexed query when nothing changed, the query the grading
        screen's look makes (:meth:`~moderator.services.grading.GradingTarget.version`)."""
        with self._lock:
            if self.version is None:
                return None
            if sheet_version(self.store, MODERATION, self.moderation_id) == self.version:
                return None
            return self._read()

    def _read(self) -> ModerationComparison:
        with self.store.snapshot():  # the version and the comparison: one state
            version = sheet_version(self.store, MODERATION, self.moderation_id)
            comparison = _read_at(self.store, self.user, self.moderation_id, version)
            self.version = version
            return comparison

    def decide(self, criterion: str, grade: Grade, rationale: str) -> None:
        """Record the moderated grade and rationale of one disagreement (SheetChanged,
        nothing written, if the moderation changed since this session read it)."""
        with self._lock:
            self.version = record_review(
                self.store,
                self.user,
                self.moderation_id,
                criterion,
                grade,
                rationale,
                expected_version=self.version,
            ).version

    def set_override(self, grade: Grade | None, reason: str | None) -> None:
        """Override the derived moderated overall grade (reason required), or clear it."""
        with self._lock:
            self.version = set_moderated_overall(
                self.store,
                self.user,
                self.moderation_id,
                grade,
                reason,
                expected_version=self.version,
            ).version

    def complete(self) -> ModerationComparison:
        """Finish the review and return it read-only."""
        with self._lock:
            comparison = complete_review(
                self.store, self.user, self.moderation_id, expected_version=self.version
            )
            self.version = comparison.version
            return comparison

    # -- pure ---------------------------------------------------------------------------
    def preview(
        self,
        comparison: ModerationComparison,
        decisions: Mapping[str, Decision],
        override: Grade | None,
        reason: str | None,
    ) -> ReviewPreview:
        """*Pure*: the moderated overall grade and outcome these decisions give."""
        entries = []
        to_decide = []
        for row in comparison.rows:
            if row.agreed:
                grade = row.manager_grade
            else:
                decision = decisions.get(row.criterion, decision_of(row))
                grade = decision.grade
                if not decision.complete or rationale_problem(decision.rationale):
                    to_decide.append(row.criterion)
            entries.append(CriterionEntry(criterion=row.criterion, grade=grade))
        view = overall_view(
            self.rubric, entries, override, reason, pending="decided", count_pending=False
        )
        every_grade = all(e.grade is not None for e in entries)
        outcome = (
            moderation_outcome(comparison.manager_overall, view.final) if every_grade else None
        )
        return ReviewPreview(overall=view, outcome=outcome, to_decide=to_decide)

    def missing(
        self,
        comparison: ModerationComparison,
        decisions: Mapping[str, Decision],
        override: Grade | None,
        reason: str | None,
    ) -> list[str]:
        """*Pure*: what stops the review being completed (empty when it can be)."""
        return [
            problem if row is None else f"{row.title}: {problem}"
            for row, problem in review_gaps(comparison, decisions, override, reason)
        ]
