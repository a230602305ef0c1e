"""The review of a submitted moderation, as a screen works on it (no UI here).

:class:`ReviewSession` wraps the review functions of
:mod:`moderator.services.moderation` (which enforce who may see both
gradings, and when) and adds the *pure* preview a screen needs while the
moderator is still deciding: the moderated overall grade the decisions so far
give, the outcome it would mean, and what is still to decide. Methods marked
*pure* run on the UI thread and touch no database; the others block.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import BaseModel

from moderator.domain.grade_sheet import (
    CriterionEntry,
    Outcome,
    OverallView,
    moderation_outcome,
    overall_view,
)
from moderator.domain.grades import Grade
from moderator.domain.rubric import Rubric
from moderator.services.moderation import ComparisonRow, ModerationComparison
from moderator.services.users import User
from moderator.store.db import Store


@dataclass(frozen=True)
class Decision:
    """The moderated grade and rationale chosen for one disagreement (either may be missing)."""

    grade: Grade | None
    rationale: str

    @property
    def complete(self) -> bool:
        """Both a grade and a rationale: ready to record."""
        return self.grade is not None and bool(self.rationale.strip())


class ReviewPreview(BaseModel):
    """The review as it stands on screen: moderated overall, outcome, what is left."""

    overall: OverallView
    outcome: Outcome | None
    """What completing the review now would give (None while a disagreement has no grade)."""
    to_decide: list[str]
    """Criterion ids still needing a moderated grade or a rationale."""


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

    @classmethod
    def open(cls, store: Store, user: User, moderation_id: int) -> ReviewSession:
        """The review of ``moderation_id`` as ``user`` (blocking: reads the rubric)."""
        from moderator.services.moderation import moderation_rubric

        return cls(store, user, moderation_id, moderation_rubric(store, moderation_id))

    # -- blocking ---------------------------------------------------------------------
    def load(self) -> ModerationComparison:
        """Both gradings side by side (Refused before the blind grading is submitted)."""
        from moderator.services.moderation import compare_moderation

        return compare_moderation(self.store, self.user, self.moderation_id)

    def decide(self, criterion: str, grade: Grade, rationale: str) -> None:
        """Record the moderated grade and rationale of one disagreement."""
        from moderator.services.moderation import record_review

        record_review(self.store, self.user, self.moderation_id, criterion, grade, rationale)

    def set_override(self, grade: Grade | None, reason: str | None) -> None:
        """Override the derived moderated overall grade (reason required), or clear it."""
        from moderator.services.moderation import set_moderated_overall

        set_moderated_overall(self.store, self.user, self.moderation_id, grade, reason)

    def complete(self) -> ModerationComparison:
        """Finish the review and return it read-only."""
        from moderator.services.moderation import complete_review

        return complete_review(self.store, self.user, self.moderation_id)

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
                if not decision.complete:
                    to_decide.append(row.criterion)
            entries.append(CriterionEntry(criterion=row.criterion, grade=grade))
        view = overall_view(self.rubric, entries, override, reason)
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
        problems = []
        for row in comparison.rows:
            if row.agreed:
                continue
            decision = decisions.get(row.criterion, decision_of(row))
            if decision.grade is None:
                problems.append(f"{row.title}: no moderated grade")
            elif not decision.rationale.strip():
                problems.append(f"{row.title}: no rationale")
        if override is not None and not (reason or "").strip():
            problems.append("moderated overall override has no reason")
        return problems
