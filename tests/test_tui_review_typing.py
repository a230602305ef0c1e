"""Grading a disagreement, then writing its rationale, at full speed.

A grade key sets the moderated grade and leaves the keys where they were: the footer's
``r`` (or Enter) opens the rationale, Enter there records both and goes on to the next
disagreement. Keys typed in one burst (a paste, tmux send-keys, a fast typist) act in
the order they were typed: every character after ``r`` lands in the rationale, none
runs as a command, and the rationale saved is the whole of what was typed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from moderator.domain.grades import Grade
from moderator.tui.screens.queue import QueueScreen
from moderator.tui.screens.review import ReviewScreen
from tests.test_tui_burst import burst, until
from tests.test_tui_grading import keys, make_app, settle, wait_for_screen
from tests.test_tui_moderation import (
    db,
    footer_text,
    stored_decision,
    submitted_moderation,
    wait_for_footer,
    wait_for_review,
)

pytestmark = pytest.mark.usefixtures("mini_rubrics")
__all__ = ["db"]


async def open_review(pilot: Pilot[None]) -> ReviewScreen:
    await wait_for_screen(pilot, QueueScreen)
    await pilot.press("slash", *"C-103", "enter")
    return await wait_for_review(pilot)


async def test_a_grade_keeps_the_keys_the_footer_offers(db: Path) -> None:
    """After 1-4 the footer still offers r and the moves, and they do what it says."""
    mid = submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(pilot)
        await wait_for_footer(pilot, "Rationale")
        await pilot.press("4")
        await settle(pilot)
        assert isinstance(pilot.app.focused, DataTable)
        assert "Rationale" in footer_text(pilot)
        assert review.decisions["risk"].grade is Grade.INADEQUATE
        await pilot.press("r")  # opens the rationale: not typed into it
        await settle(pilot)
        assert isinstance(pilot.app.focused, Input)
        assert review.query_one("#review-rationale", Input).value == ""
        assert "Rationale" not in footer_text(pilot)
        await pilot.press(*keys("No family time plan"), "enter")
        await settle(pilot)
        assert stored_decision(db, mid, "risk") == (Grade.INADEQUATE, "No family time plan")
        assert isinstance(pilot.app.focused, DataTable)
        current = review.current_row()
        assert current is not None and current.criterion == "plan"  # on to the next
        await pilot.press("k")  # a move, as the footer offers: nothing typed anywhere
        await settle(pilot)
        current = review.current_row()
        assert current is not None and current.criterion == "risk"
        assert stored_decision(db, mid, "risk") == (Grade.INADEQUATE, "No family time plan")


async def test_a_grade_and_its_rationale_typed_in_one_burst_are_recorded_whole(
    db: Path,
) -> None:
    """Every character after r lands in the box: the o of "No" does not open Override."""
    from moderator.tui.screens.dialogs import OverrideDialog

    mid = submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(pilot)
        burst(pilot, "4", "r", *keys("No family time plan on file"), "enter")
        burst(pilot, "3", "r", *keys("Plan lacks timescales, owners"), "enter")
        await until(
            pilot,
            lambda: stored_decision(db, mid, "plan")[1] is not None,
            "the second rationale recorded",
        )
        assert not pilot.app.screen.query(OverrideDialog)
        assert pilot.app.screen is review and review.override is None
        assert stored_decision(db, mid, "risk") == (Grade.INADEQUATE, "No family time plan on file")
        assert stored_decision(db, mid, "plan") == (
            Grade.REQUIRES_IMPROVEMENT,
            "Plan lacks timescales, owners",
        )
        assert isinstance(pilot.app.focused, DataTable)


async def test_a_rationale_typed_fast_then_enter_is_saved_whole(db: Path) -> None:
    """Enter waits for the characters typed before it: none is cut off, and none goes into
    the next criterion's box."""
    mid = submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(pilot)
        await pilot.press("3")
        review.action_rationale()  # in the box, however it was opened
        await settle(pilot)
        assert isinstance(pilot.app.focused, Input)
        text = "Plan late: reviewed after the deadline, no owner named"
        burst(pilot, *keys(text), "enter")
        await until(pilot, lambda: stored_decision(db, mid, "risk")[1] is not None, "risk recorded")
        assert stored_decision(db, mid, "risk") == (Grade.REQUIRES_IMPROVEMENT, text)
        current = review.current_row()
        assert current is not None and current.criterion == "plan"
        await until(pilot, lambda: review.shown == "plan", "the next criterion shown")
        assert review.decisions["plan"].rationale == ""
        assert review.query_one("#review-rationale", Input).value == ""


async def test_a_move_then_a_rationale_in_one_burst_go_to_the_row_moved_to(db: Path) -> None:
    """j, a grade, r, the rationale, Enter: recorded on the row j reached, and Esc typed
    in the same burst leaves the field rather than the screen."""
    mid = submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(pilot)
        burst(pilot, "j", "2", "r", *keys("Plan has dates and owners"), "escape")
        await until(pilot, lambda: stored_decision(db, mid, "plan")[1] is not None, "plan")
        assert stored_decision(db, mid, "plan") == (Grade.GOOD, "Plan has dates and owners")
        assert stored_decision(db, mid, "risk") == (None, None)
        assert pilot.app.screen is review and isinstance(pilot.app.focused, DataTable)


def paste_then(pilot: Pilot[None], text: str, *keys_after: str) -> None:
    """A bracketed paste of ``text`` and the keys after it, handed to the app at once as a
    terminal delivers them (the paste's text is one event, in its place in the order)."""
    from textual import events

    driver = pilot.app._driver
    assert driver is not None
    paste = events.Paste(text)
    paste.set_sender(pilot.app)
    driver.send_message(paste)
    burst(pilot, *keys_after)


async def test_a_rationale_pasted_then_enter_in_one_burst_is_saved_whole(db: Path) -> None:
    """A grade, r, a pasted rationale and Enter in one burst: the whole of the paste is
    saved, for the criterion it was pasted on, and none of it lands in the next one's box."""
    mid = submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(pilot)
        text = "Plan late: reviewed after the deadline, no owner named"
        burst(pilot, "3", "r")
        paste_then(pilot, text, "enter")
        await until(pilot, lambda: stored_decision(db, mid, "risk")[1] is not None, "risk recorded")
        assert stored_decision(db, mid, "risk") == (Grade.REQUIRES_IMPROVEMENT, text)
        await until(pilot, lambda: review.shown == "plan", "the next criterion shown")
        assert review.decisions["plan"].rationale == ""
        assert review.query_one("#review-rationale", Input).value == ""
        assert stored_decision(db, mid, "plan") == (None, None)
        assert isinstance(pilot.app.focused, DataTable)


async def test_a_paste_after_escape_in_one_burst_is_not_typed_into_the_rationale(
    db: Path,
) -> None:
    """r, a paste, Esc, then another paste: the first is kept as the rationale, the second
    (pasted on the table after Esc) does not join it."""
    mid = submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(pilot)
        burst(pilot, "2", "r")
        paste_then(pilot, "Dates and owners on file", "escape")
        paste_then(pilot, " and more")
        await until(pilot, lambda: stored_decision(db, mid, "risk")[1] is not None, "risk recorded")
        await settle(pilot)
        assert stored_decision(db, mid, "risk") == (Grade.GOOD, "Dates and owners on file")
        assert review.decisions["risk"].rationale == "Dates and owners on file"
        assert isinstance(pilot.app.focused, DataTable)
