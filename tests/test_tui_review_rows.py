"""The review's rows, status line and keys say what completing the review will say.

A row is marked ✓ only when completion would take it (a rationale too short is no
rationale), the count of what is left agrees with the rows marked "to decide", Home and
End go through the criteria, and the wording is the review's ("decided", one colon).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from moderator.domain.grades import Grade
from moderator.services.users import get_user
from moderator.store import open_store
from moderator.tui.screens.queue import QueueScreen
from moderator.tui.screens.review import ReviewScreen
from tests.test_tui_grading import make_app, settle, wait_for_screen
from tests.test_tui_moderation import db, screen_text, submitted_moderation, wait_for_review

pytestmark = pytest.mark.usefixtures("mini_rubrics")
__all__ = ["db"]


async def open_review(pilot: Pilot[None]) -> ReviewScreen:
    await wait_for_screen(pilot, QueueScreen)
    await pilot.press("slash", *"C-103", "enter")
    return await wait_for_review(pilot)


def states(review: ReviewScreen) -> dict[str, str]:
    """Each row's state cell: ✓, "to decide", or "too short" (a rationale under 10 characters)."""
    table = review.query_one(DataTable)
    return {str(key.value): str(table.get_row(key)[-1]) for key in table.rows}


def status(review: ReviewScreen) -> str:
    return str(review.query_one("#review-overall", Static).render())


async def test_a_rationale_too_short_is_to_decide_on_its_row_and_in_the_count(db: Path) -> None:
    from moderator.services.review import record_review

    mid = submitted_moderation(db)
    with open_store(db) as store:
        oli = get_user(store, "oli")
        record_review(store, oli, mid, "risk", Grade.REQUIRES_IMPROVEMENT, "r")
        record_review(store, oli, mid, "plan", Grade.GOOD, "Plan has dates and owners")
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(pilot)
        shown = states(review)
        # "r" would not let the review complete; the row says why, not just "to decide"
        assert shown["risk"] == "too short"
        assert shown["plan"] == "✓" and shown["seen"] == "✓"
        left = sum(state != "✓" for state in shown.values())
        assert f"{left} to decide" in status(review)


async def test_home_and_end_go_to_the_first_and_last_criterion(db: Path) -> None:
    submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(pilot)
        table = review.query_one(DataTable)
        assert table.row_count == 3 and table.cursor_row == 0
        await pilot.press("end")
        await settle(pilot)
        assert table.cursor_row == 2
        await pilot.press("home")
        await settle(pilot)
        assert table.cursor_row == 0


async def test_the_review_says_decided_and_one_colon(db: Path) -> None:
    from moderator.services.review import record_review

    mid = submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(pilot)
        # the agreed criterion has its grade; the two disagreements wait for a decision,
        # counted once ("not yet decided" beside "to decide" counted grades, and disagreed)
        assert "2 to decide" in status(review)
        assert "not yet decided" not in status(review)
        assert "graded" not in status(review)
        await pilot.press("escape")
        await wait_for_screen(pilot, QueueScreen)
    with open_store(db) as store:
        oli = get_user(store, "oli")
        record_review(store, oli, mid, "risk", Grade.INADEQUATE, "Safety plan never checked")
        record_review(store, oli, mid, "plan", Grade.GOOD, "Plan has dates and owners")
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = screen_text(pilot)
        assert "Complete the review?" in shown
        assert "Moderated overall Inadequate: limited by" in shown
        assert "Moderated overall:" not in shown
