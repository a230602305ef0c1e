"""The grade sheet: grading one case against a rubric, as pure rules.

A manager's audit and a moderator's blind grading are the same act: a grade
and an evidence note per criterion, an overall grade derived by the rubric's
rule (and the reason for it), an optional override with a written reason,
and a completeness check before the sheet is submitted and locked. This
module holds those rules once; :mod:`moderator.services.grade_sheet` stores
sheets, and the faces show them. Nothing here touches a database.

It also holds the one rule that compares two sheets' results:
:func:`moderation_outcome`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict

from moderator.domain.grades import Grade
from moderator.domain.rubric import Rubric
from moderator.domain.text import require_plain_text
from moderator.errors import BadInput

MAX_NOTE = 4000
"""Longest evidence note or rationale, in characters."""
MAX_REASON = 2000
"""Longest override reason, in characters."""
MIN_REASON = 10
"""Fewest characters (spaces not counted) an override's reason needs: overriding the overall
grade weighs as much as a disagreement, whose rationale needs :data:`MIN_RATIONALE`."""
MIN_RATIONALE = 10
"""Fewest characters (spaces not counted) a review's rationale needs to be one: fewer is a
stray key or a word begun (``r``), not which descriptor the evidence meets and why."""

Outcome = Literal["agreed", "downgraded", "upgraded"]
KeepOrGrade = Grade | Literal["keep"] | None
"""A grade change: a grade, ``None`` to clear it, or ``"keep"`` to leave it alone."""


class CriterionEntry(BaseModel):
    """One criterion's grade and evidence note on a grade sheet."""

    model_config = ConfigDict(defer_build=True)  # built when a sheet is first read, not at start

    criterion: str
    grade: Grade | None = None
    note: str = ""


class OverallView(BaseModel):
    """The overall grade as shown: derived, overridden, and why."""

    model_config = ConfigDict(defer_build=True)  # built when a sheet is first read, not at start

    derived: Grade | None
    explanation: str
    limited_by: list[str]
    complete: bool
    override: Grade | None
    override_reason: str | None
    final: Grade | None


def overall_view(
    rubric: Rubric,
    entries: Iterable[CriterionEntry],
    override: Grade | None,
    reason: str | None,
    *,
    pending: str = "graded",
    count_pending: bool = True,
) -> OverallView:
    """Derive the overall grade from entries and combine it with any override.

    ``pending`` is what an ungraded criterion waits for, in the explanation: a grade sheet's
    are "graded", a review's "decided"; ``count_pending=False`` leaves their count out (a
    review counts what is left to decide itself, too-short rationales included).
    """
    grades = {e.criterion: e.grade for e in entries if e.grade is not None}
    derived = rubric.derive_overall(grades, pending=pending, count_pending=count_pending)
    if derived is None:
        return OverallView(
            derived=None,
            explanation=f"No criteria {pending} yet",
            limited_by=[],
            complete=False,
            override=override,
            override_reason=reason,
            final=override,
        )
    explanation = derived.explanation
    if override is not None and override != derived.grade:
        explanation = (
            f"{override.label}: overridden ({reason or 'no reason given'}); derived {explanation}"
        )
    return OverallView(
        derived=derived.grade,
        explanation=explanation,
        limited_by=list(derived.limited_by),
        complete=derived.complete,
        override=override,
        override_reason=reason,
        final=override or derived.grade,
    )


def incomplete_reasons(
    rubric: Rubric,
    entries: Iterable[CriterionEntry],
    override: Grade | None,
    reason: str | None,
) -> list[str]:
    """Why a sheet cannot be submitted yet, in rubric order (empty when it can).

    The one completeness rule: every criterion graded, every grade backed by
    an evidence note, and an override only with a written reason. The
    workbench's live preview and the submission both ask this function.
    """
    titles = {c.id: c.title for c in rubric.criteria}
    return [
        why if crit is None else f"{titles[crit]}: {why}"
        for crit, why in incomplete_items(rubric, entries, override, reason)
    ]


def incomplete_items(
    rubric: Rubric,
    entries: Iterable[CriterionEntry],
    override: Grade | None,
    reason: str | None,
) -> list[tuple[str | None, str]]:
    """:func:`incomplete_reasons` as ``(criterion id, what is missing)`` pairs (id None for
    the overall override), for a command line that names criteria by id."""
    by_id = {e.criterion: e for e in entries}
    problems: list[tuple[str | None, str]] = []
    for crit in rubric.criteria:
        entry = by_id.get(crit.id)
        if entry is None or entry.grade is None:
            problems.append((crit.id, "not graded"))
        elif not entry.note.strip():
            problems.append((crit.id, "no evidence note"))
    if override is not None and not (reason or "").strip():
        problems.append((None, "overall override has no reason"))
    return problems


def moderation_outcome(manager: Grade | None, moderated: Grade | None) -> Outcome | None:
    """``agreed``, ``downgraded`` (moderated worse than the manager's) or ``upgraded``.

    None while either overall grade is missing.
    """
    if manager is None or moderated is None:
        return None
    if moderated == manager:
        return "agreed"
    return "downgraded" if moderated > manager else "upgraded"


def rationale_problem(rationale: str | None) -> str | None:
    """What is wrong with a disagreement's rationale for completing a review (None: nothing).

    Missing, or shorter than :data:`MIN_RATIONALE` characters once spaces are left out.
    """
    text = (rationale or "").strip()
    if not text:
        return "no rationale"
    if len("".join(text.split())) < MIN_RATIONALE:
        return (
            f'the rationale "{text}" is too short: say which descriptor the evidence meets,'
            f" and why, in {MIN_RATIONALE} characters or more"
        )
    return None


def check_criterion(rubric: Rubric, criterion: str) -> None:
    """Refuse a criterion id the rubric does not have, listing the ones it has."""
    if criterion not in {c.id for c in rubric.criteria}:
        known = ", ".join(c.id for c in rubric.criteria)
        raise BadInput(f"rubric {rubric.id} has no criterion {criterion!r} (criteria: {known})")


def check_override_grade(grade: Grade | None, derived: Grade | None) -> None:
    """Refuse an override to the grade the rubric's rule gives now (``derived``)."""
    if grade is not None and grade == derived:
        raise BadInput(
            f"the rubric's rule already gives {grade.label}: an override must give another"
            " grade (to keep the rule's grade, remove the override)"
        )


def check_override(
    grade: Grade | None,
    reason: str | None,
    *,
    derived: Grade | None = None,
    what: str = "overall grade",
) -> str:
    """The override's reason, stripped; refused when missing for a grade, shorter than
    :data:`MIN_REASON` characters (spaces not counted), or too long.

    An override to the grade the rubric's rule gives now (``derived``) is refused: it
    would change nothing but say it had, and would stay when the grades under it change.
    """
    check_override_grade(grade, derived)
    reason = (reason or "").strip()
    if grade is not None and not reason:
        raise BadInput(f"overriding the {what} needs a written reason")
    if len(reason) > MAX_REASON:
        raise BadInput(f"reason is too long ({len(reason)} > {MAX_REASON} characters)")
    reason = require_plain_text(reason, "reason")
    if grade is not None and len("".join(reason.split())) < MIN_REASON:
        raise BadInput(
            f'the reason "{reason}" is too short: say why the {what} is {grade.label},'
            f" in {MIN_REASON} characters or more"
        )
    return reason


def changed_entry(
    criterion: str, current: CriterionEntry | None, grade: KeepOrGrade, note: str | None
) -> CriterionEntry | None:
    """The criterion's entry after a change, or None when the change changes nothing stored.

    ``current`` is None when nothing is stored for the criterion yet; then even
    an empty change is stored (the criterion has been touched). A note that is
    too long is refused.
    """
    if note is not None and len(note) > MAX_NOTE:
        raise BadInput(f"evidence note is too long ({len(note)} > {MAX_NOTE} characters)")
    if note is not None:
        note = require_plain_text(note, "evidence note")
    old = current or CriterionEntry(criterion=criterion)
    new = CriterionEntry(
        criterion=criterion,
        grade=old.grade if grade == "keep" else grade,
        note=old.note if note is None else note,
    )
    if current is not None and new == current:
        return None
    return new
