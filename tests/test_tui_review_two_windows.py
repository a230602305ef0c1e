"""Two windows (two moderator workbenches) on one review: a decision made on a stale
screen does not overwrite the one recorded in the other window; the screen shows what is
recorded now and says so, with the rationale typed here, so it can be recorded again."""

from __future__ import annotations

from pathlib import Path

import pytest

from moderator.domain.grades import Grade
from tests.test_tui_grading import keys, make_app, settle
from tests.test_tui_moderation import db, stored_decision, submitted_moderation
from tests.test_tui_review_typing import open_review

pytestmark = pytest.mark.usefixtures("mini_rubrics")
__all__ = ["db"]

CHANGED = "This review was changed in another window; showing what is recorded now."


async def test_two_windows_on_one_review_a_stale_decision_is_not_recorded(db: Path) -> None:
    mid = submitted_moderation(db)
    tab_a, tab_b = make_app(db, "oli"), make_app(db, "oli")
    async with tab_a.run_test(size=(120, 40)) as a, tab_b.run_test(size=(120, 40)) as b:
        review_a = await open_review(a)
        await open_review(b)
        await b.press("4", "r", *keys("No plan for family time"), "enter")
        await settle(b)
        assert stored_decision(db, mid, "risk") == (Grade.INADEQUATE, "No plan for family time")

        await a.press("3", "r", *keys("Plan seen"), "enter")  # on a screen without B's
        await settle(a)
        messages = [n.message for n in a.app._notifications]
        assert CHANGED in messages
        assert any("Plan seen" in m for m in messages)  # what was typed is not lost
        assert review_a.decisions["risk"].grade is Grade.INADEQUATE  # B's, as recorded
        assert stored_decision(db, mid, "risk") == (Grade.INADEQUATE, "No plan for family time")

        current = review_a.current_row()
        if current is not None and current.criterion != "risk":  # moved on after Enter
            await a.press("k")
        # decided again, on what is recorded now (B's rationale is in the field, to edit)
        await a.press("3", "r", "ctrl+u", *keys("Plan seen"), "enter")
        await settle(a)
    assert stored_decision(db, mid, "risk") == (Grade.REQUIRES_IMPROVEMENT, "Plan seen")


def test_the_review_service_refuses_a_decision_on_a_stale_version(db: Path) -> None:
    from moderator.errors import SheetChanged
    from moderator.services.review import ReviewSession
    from moderator.services.users import get_user
    from moderator.store import open_store

    mid = submitted_moderation(db)
    with open_store(db) as store:
        oli = get_user(store, "oli")
        a, b = ReviewSession.open(store, oli, mid), ReviewSession.open(store, oli, mid)
        a.load()
        b.load()
        b.decide("risk", Grade.INADEQUATE, "No plan for family time")
        with pytest.raises(SheetChanged):
            a.decide("risk", Grade.GOOD, "Plan seen")
        with pytest.raises(SheetChanged):
            a.set_override(Grade.GOOD, "Because the plan has dates now")
        a.load()
        a.decide("risk", Grade.GOOD, "Plan seen")
    assert stored_decision(db, mid, "risk") == (Grade.GOOD, "Plan seen")
