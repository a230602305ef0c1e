"""Undo, a changed grade and a rationale too short in the disagreement review, as a new
moderator met them: ctrl+z puts back the decision replaced (with its rationale), a new
grade keeps the rationale, and a rationale under ten characters is said at once to leave
the criterion undecided, with one count of what is left."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from moderator.domain.grades import Grade
from tests.test_tui_grading import keys, make_app, settle
from tests.test_tui_moderation import db, screen_text, stored_decision, submitted_moderation
from tests.test_tui_review_rows import states
from tests.test_tui_review_typing import open_review

pytestmark = pytest.mark.usefixtures("mini_rubrics")
__all__ = ["db"]


def said(pilot: Pilot[None]) -> str:
    """Every notification shown so far, one a line."""
    return "\n".join(str(n.message) for n in pilot.app._notifications)


def status(pilot: Pilot[None]) -> str:
    return str(pilot.app.screen.query_one("#review-overall", Static).render())


async def test_undo_after_a_new_grade_puts_back_the_decision_with_its_rationale(
    db: Path,
) -> None:
    """4, r, "too short", Enter; 2; ctrl+z: Inadequate with "too short" is back, on screen
    and recorded, not "The first decision on a criterion cannot be undone"."""
    mid = submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(pilot)
        await pilot.press("4", "r", *keys("too short"), "enter")
        await settle(pilot)
        assert stored_decision(db, mid, "risk") == (Grade.INADEQUATE, "too short")
        await pilot.press("2")
        await settle(pilot)
        row = review.current_row()
        assert row is not None and row.criterion == "risk"  # still on the criterion
        assert review.decisions["risk"].grade is Grade.GOOD
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert "cannot be undone" not in said(pilot)
        assert review.decisions["risk"].grade is Grade.INADEQUATE
        assert review.decisions["risk"].rationale == "too short"
        assert review.query_one("#review-rationale", Input).value == "too short"
        assert stored_decision(db, mid, "risk") == (Grade.INADEQUATE, "too short")
        assert "back to Inadequate" in said(pilot)


async def test_undo_puts_back_a_recorded_decision_replaced_by_another(db: Path) -> None:
    mid = submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(pilot)
        await pilot.press("4", "r", *keys("No safety plan was checked"), "enter")
        await settle(pilot)
        await pilot.press("k", "3", "r", *keys(" at all"), "enter")
        await settle(pilot)
        assert stored_decision(db, mid, "risk") == (
            Grade.REQUIRES_IMPROVEMENT,
            "No safety plan was checked at all",
        )
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert stored_decision(db, mid, "risk") == (Grade.INADEQUATE, "No safety plan was checked")
        assert review.query_one("#review-rationale", Input).value == "No safety plan was checked"


async def test_a_new_grade_keeps_the_saved_rationale(db: Path) -> None:
    """2 after a saved rationale: r shows the rationale, with the new grade."""
    mid = submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(pilot)
        await pilot.press("4", "r", *keys("too short"), "enter")
        await settle(pilot)
        await pilot.press("2", "r")
        await settle(pilot)
        assert review.query_one("#review-rationale", Input).value == "too short"
        await pilot.press(*keys(" for a plan"), "enter")
        await settle(pilot)
        assert stored_decision(db, mid, "risk") == (Grade.GOOD, "too short for a plan")


async def test_a_rationale_too_short_is_said_at_once_and_the_counts_agree(db: Path) -> None:
    mid = submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(pilot)
        await pilot.press("4", "r", *keys("short"), "enter")
        await settle(pilot)
        assert stored_decision(db, mid, "risk") == (Grade.INADEQUATE, "short")  # a draft
        shown = said(pilot)
        assert "rationale too short (at least 10 characters" in shown
        assert "this criterion is not decided yet" in shown
        assert "Recorded: Inadequate." not in shown
        row = review.current_row()
        assert row is not None and row.criterion == "risk"  # not moved on: not decided
        assert states(review)["risk"] == "too short"
        assert "2 to decide" in status(pilot)
        assert "not yet decided" not in status(pilot)  # one count, one wording


async def test_esc_with_a_rationale_and_no_grade_says_it_is_kept_not_recorded(db: Path) -> None:
    mid = submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(pilot)
        await pilot.press("r", *keys("Plan reviewed late"), "escape")
        await settle(pilot)
        assert stored_decision(db, mid, "risk") == (None, None)
        assert said(pilot).count("Rationale kept here, not recorded") == 1
        await pilot.press("j", "k")
        await settle(pilot)
        assert review.query_one("#review-rationale", Input).value == "Plan reviewed late"


async def test_undo_of_a_stray_grade_key_puts_back_no_grade(db: Path) -> None:
    """A digit pressed by mistake on an undecided row: ctrl+z takes it back, nothing recorded."""
    mid = submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert review.decisions["risk"].grade is Grade.REQUIRES_IMPROVEMENT
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert review.decisions["risk"].grade is None
        assert "back to no moderated grade" in said(pilot)
        assert "cannot be undone" not in said(pilot)
        assert stored_decision(db, mid, "risk") == (None, None)


async def test_a_rationale_kept_by_esc_is_recorded_with_the_grade_chosen_next(db: Path) -> None:
    """Esc said "choose the moderated grade (1-4) to record it": the grade key does."""
    mid = submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        await pilot.press("r", *keys("Plan reviewed late"), "escape")
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert stored_decision(db, mid, "risk") == (
            Grade.REQUIRES_IMPROVEMENT,
            "Plan reviewed late",
        )


async def test_leaving_with_a_new_grade_not_recorded_says_its_rationale_is_not_recorded(
    db: Path,
) -> None:
    """A new grade on a row with a rationale was listed as "Good but no rationale"."""
    submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        await pilot.press("4", "r", *keys("Risk was never acted on"), "enter")
        await settle(pilot)
        await pilot.press("k", "2", "escape")
        await settle(pilot)
        shown = screen_text(pilot)
        assert "Risk identified and acted on: Good with its rationale, not recorded" in shown
        assert "Good but no rationale" not in shown
