"""Moderation: blind second grading, then a review of each disagreement.

The life of a moderation (one per sampled audit):

``todo`` → ``draft`` (the moderator grades the case blind: grade and note per
criterion, autosaved, every change logged) → ``submitted`` (completeness
checked as for audits; the blind grading is now read-only, in the database
too) → review: the moderator (or a lead) sees both gradings side by side,
records a moderated grade and a rationale for every criterion where they
disagree; agreed criteria keep the agreed grade → ``reviewed`` (the moderated
overall grade is derived by the rubric's rule, overridable with a reason, and
the outcome — agreed, downgraded, upgraded — compares it with the manager's
overall grade; read-only from then on). The manager then reads the outcome and
the rationales on their audit.

Where each step lives (everything is re-exported here):
:mod:`~moderator.services.blind_grading` (the queue, claiming, the blind
grade sheet), :mod:`~moderator.services.comparison` (both gradings side by
side), :mod:`~moderator.services.review` (decisions, completing the review) and
:mod:`~moderator.services.paired_grades` (the paired-grades export).

Blindness is enforced there, not in the faces: nothing in them gives a
moderator the manager's grades, notes or overall grade unless
:func:`moderator.services.audits.can_see_manager_grades` says so, and that is
true for a moderator only once their own moderation of that audit is submitted.

Moderations can also come from another authority in a pack (see
:mod:`moderator.exchange`): on the receiving side they have no local audit
(``audit_id`` is None) and are graded with the same functions; their review
happens back at the authority that sent them.
"""

from __future__ import annotations

from moderator.domain.grade_sheet import Outcome
from moderator.services.blind_grading import (
    STATUSES,
    ModerationDetail,
    ModerationStatus,
    ModerationSummary,
    claim_moderation,
    get_moderation,
    moderation_of_audit,
    moderation_queue,
    moderation_rubric,
    save_moderation_grade,
    set_moderation_override,
    submit_moderation,
)
from moderator.services.comparison import ComparisonRow, ModerationComparison, compare_moderation
from moderator.services.paired_grades import paired_grades
from moderator.services.review import complete_review, record_review, set_moderated_overall

__all__ = [
    "STATUSES",
    "ComparisonRow",
    "ModerationComparison",
    "ModerationDetail",
    "ModerationStatus",
    "ModerationSummary",
    "Outcome",
    "claim_moderation",
    "compare_moderation",
    "complete_review",
    "get_moderation",
    "moderation_of_audit",
    "moderation_queue",
    "moderation_rubric",
    "paired_grades",
    "record_review",
    "save_moderation_grade",
    "set_moderated_overall",
    "set_moderation_override",
    "submit_moderation",
]
