"""Two windows (two moderator workbenches) on one review: a decision made on a stale
screen does not overwrite the one recorded in the other window; the screen shows what is
recorded now and says so, with the rationale typed here, so it can be recorded again."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from moderator.domain.grades import Grade
from moderator.services.review import Decision, ReviewSession
from moderator.services.users import get_user
from moderator.store import open_store
from moderator.tui import elsewhere as elsewhere_look
from moderator.tui.screens.review import ReviewScreen
from tests.test_tui_burst import until
from tests.test_tui_grading import keys, make_app, settle
from tests.test_tui_moderation import db, stored_decision, submitted_moderation
from tests.test_tui_review_typing import open_review

pytestmark = pytest.mark.usefixtures("mini_rubrics")
__all__ = ["db"]

CHANGED = "This review was changed in another window; showing what is recorded now."


@pytest.fixture(autouse=True)
def keys_before_the_look(monkeypatch: pytest.MonkeyPatch) -> None:
    """The review looks for changes elsewhere every few seconds; these tests press their keys
    before it looks (the tests that wait for the look set their own interval)."""
    monkeypatch.setattr(elsewhere_look, "CHECK_ELSEWHERE_S", 3600.0)


def decide_elsewhere(db: Path, mid: int, criterion: str, grade: Grade, rationale: str) -> None:
    """The other window: oli records a decision on the same review, on the same database."""
    with open_store(db) as store:
        session = ReviewSession.open(store, get_user(store, "oli"), mid)
        session.load()
        session.decide(criterion, grade, rationale)


def notes(pilot: Pilot[None]) -> list[str]:
    return [str(n.message) for n in pilot.app._notifications]


async def on_row(pilot: Pilot[None], review: ReviewScreen, criterion: str) -> None:
    for _ in range(5):
        row = review.current_row()
        if row is not None and row.criterion == criterion:
            return
        await pilot.press("j")
        await settle(pilot)
    raise AssertionError(f"no row {criterion}")


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
        assert any(CHANGED in m for m in messages)
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


async def test_an_open_review_shows_a_decision_made_elsewhere_and_keeps_the_rationale_typed(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The review had no look for changes elsewhere (the grading screen looks every 2 s): a
    decision recorded in another window showed only when a key here was refused. Now it shows
    without a key, with a word, and the rationale being typed stays in the field, as typed."""
    monkeypatch.setattr(elsewhere_look, "CHECK_ELSEWHERE_S", 0.2)
    mid = submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(pilot)
        await on_row(pilot, review, "risk")
        await pilot.press("r", *keys("Risk plan seen late "))  # being typed: not taken yet
        decide_elsewhere(db, mid, "plan", Grade.GOOD, "Plan agreed with dates")
        await until(
            pilot,
            lambda: review.decisions["plan"] == Decision(Grade.GOOD, "Plan agreed with dates"),
            "the decision made elsewhere shown",
        )
        assert any(CHANGED in n for n in notes(pilot))
        field = review.query_one("#review-rationale", Input)
        assert field.value == "Risk plan seen late " and pilot.app.focused is field
        await pilot.press(*keys("too"), "escape", "3")  # typing goes on; then the grade
        await settle(pilot)
    assert stored_decision(db, mid, "risk") == (
        Grade.REQUIRES_IMPROVEMENT,
        "Risk plan seen late too",
    )
    assert stored_decision(db, mid, "plan") == (Grade.GOOD, "Plan agreed with dates")


async def test_a_rationale_without_a_grade_is_kept_when_the_review_is_read_again(
    db: Path,
) -> None:
    """A rationale kept without a grade (Esc) was replaced with no word when a stale decision
    on another row made the review read again. Now it stays, not recorded, and is said kept."""
    mid = submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(pilot)
        await on_row(pilot, review, "risk")
        await pilot.press("r", *keys("Risk plan seen late"), "escape")
        await settle(pilot)
        decide_elsewhere(db, mid, "plan", Grade.GOOD, "Plan agreed with dates")
        await on_row(pilot, review, "plan")
        await pilot.press("4", "r", *keys("Plan has no dates"), "enter")  # refused: stale
        await settle(pilot)
        assert any(CHANGED in n for n in notes(pilot))
        assert review.decisions["plan"] == Decision(Grade.GOOD, "Plan agreed with dates")
        assert review.decisions["risk"] == Decision(None, "Risk plan seen late")
        assert any("Kept here" in n and "Risk" in n for n in notes(pilot)), notes(pilot)
        await on_row(pilot, review, "risk")
        await pilot.press("3")  # the kept rationale is recorded with the grade
        await settle(pilot)
    assert stored_decision(db, mid, "risk") == (Grade.REQUIRES_IMPROVEMENT, "Risk plan seen late")


async def test_a_rationale_replaced_by_a_decision_elsewhere_is_given_back_in_a_message(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other window decided the very criterion: its decision shows, and what was typed
    here is in a message, not replaced silently."""
    monkeypatch.setattr(elsewhere_look, "CHECK_ELSEWHERE_S", 0.2)
    mid = submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(pilot)
        await on_row(pilot, review, "risk")
        await pilot.press("r", *keys("Risk plan seen late"), "escape")
        await settle(pilot)
        decide_elsewhere(db, mid, "risk", Grade.INADEQUATE, "No plan for family time")
        await until(
            pilot,
            lambda: review.decisions["risk"].grade is Grade.INADEQUATE,
            "the decision made elsewhere shown",
        )
        replaced = [n for n in notes(pilot) if "replaced" in n]
        assert replaced and "“Risk plan seen late”" in replaced[0], notes(pilot)
    assert stored_decision(db, mid, "risk") == (Grade.INADEQUATE, "No plan for family time")


async def test_a_rationale_being_typed_replaced_by_a_decision_elsewhere_is_said_so_in_one_notice(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new user's walk: window A had typed a rationale (no grade, not recorded) when B
    recorded a decision on the same criterion. A said "Your decision for … was replaced"
    though A had decided nothing, left B's text in A's field with the cursor in it as if A
    were typing it, and the notices of one reload piled up over half the screen. Now: one
    notice of the change, and one which says A's unrecorded rationale was replaced by a
    decision made in another window and gives A's text back; the field shows B's rationale
    as recorded, not edited."""
    monkeypatch.setattr(elsewhere_look, "CHECK_ELSEWHERE_S", 0.2)
    mid = submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(pilot)
        await on_row(pilot, review, "risk")
        await pilot.press("r", *keys("Risk plan seen late"))  # typing: in the field
        field = review.query_one("#review-rationale", Input)
        assert pilot.app.focused is field
        decide_elsewhere(db, mid, "risk", Grade.INADEQUATE, "No plan for family time")
        await until(
            pilot,
            lambda: review.decisions["risk"].grade is Grade.INADEQUATE,
            "the decision made elsewhere shown",
        )
        await settle(pilot)
        said = notes(pilot)
        # one word of the change (which goes with a move: see the test below), and one
        # notice that gives back what was typed (kept a minute, as grading's note)
        assert len(said) == 2, said
        assert CHANGED in said[0]
        assert (
            "Your unrecorded rationale for Risk identified and acted on was replaced by a"
            " decision made in another window" in said[1]
        ), said
        assert "“Risk plan seen late”" in said[1]
        assert not any("Your decision for" in n for n in said)
        assert field.value == "No plan for family time"
        assert pilot.app.focused is not field  # not left as if A were typing B's text
    assert stored_decision(db, mid, "risk") == (Grade.INADEQUATE, "No plan for family time")


async def test_the_word_of_a_change_elsewhere_goes_when_the_user_moves_on(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a browser walk the review's "changed in another window" notice stayed ~25 s over
    the descriptors and the rationale box. It goes when the user moves to another criterion
    (and after a notice's time, as grading's does), at a small browser tab's size; what was
    typed here and replaced is given back in a notice of its own, which stays."""
    monkeypatch.setattr(elsewhere_look, "CHECK_ELSEWHERE_S", 0.2)
    mid = submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(113, 23)) as pilot:
        review = await open_review(pilot)
        await on_row(pilot, review, "risk")
        await pilot.press("r", *keys("Risk plan seen late"), "escape")
        await settle(pilot)
        decide_elsewhere(db, mid, "risk", Grade.INADEQUATE, "No plan for family time")
        await until(pilot, lambda: any(CHANGED in n for n in notes(pilot)), "no word")
        notice = next(n for n in pilot.app._notifications if CHANGED in str(n.message))
        assert notice.timeout <= 10, notice.timeout
        await on_row(pilot, review, "plan")
        await settle(pilot)
        assert not any(CHANGED in n for n in notes(pilot)), notes(pilot)
        assert any("“Risk plan seen late”" in n for n in notes(pilot)), notes(pilot)


async def test_a_rationale_typed_and_not_recorded_is_saved_as_a_draft(db: Path) -> None:
    """A browser walk: a rationale typed (no Enter) was lost on a reload of the tab, without
    a word; grading's notes save 0.4 s after the last key. The rationale is saved so too,
    with the row's grade, and a new window (a reload) shows it; Enter still moves on."""
    mid = submitted_moderation(db)
    async with make_app(db, "oli").run_test(size=(113, 23)) as pilot:
        review = await open_review(pilot)
        await on_row(pilot, review, "risk")
        await pilot.press("3", "r", *keys("Risk plan seen late on file"))  # no Enter
        field = review.query_one("#review-rationale", Input)
        assert pilot.app.focused is field
        await until(
            pilot,
            lambda: (
                stored_decision(db, mid, "risk")
                == (Grade.REQUIRES_IMPROVEMENT, "Risk plan seen late on file")
            ),
            "the rationale typed was not saved",
        )
        assert field.value == "Risk plan seen late on file" and pilot.app.focused is field
    async with make_app(db, "oli").run_test(size=(113, 23)) as pilot:  # the tab reloaded
        review = await open_review(pilot)
        assert review.decisions["risk"] == Decision(
            Grade.REQUIRES_IMPROVEMENT, "Risk plan seen late on file"
        )
