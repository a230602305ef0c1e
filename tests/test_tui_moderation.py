"""Blind moderation and the disagreement review in the workbench, driven by keyboard.

The moderator never sees the manager's grades or notes on screen before submitting;
the review records moderated grades with rationales; the manager then reads the outcome.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select

from moderator.domain.grades import Grade
from moderator.services.audits import get_audit, list_audits
from moderator.services.moderation import compare_moderation
from moderator.services.sampling import draw_sample
from moderator.services.users import get_user
from moderator.store import open_store
from moderator.tui.screens.home import HomeScreen
from moderator.tui.screens.queue import QueueScreen
from moderator.tui.screens.review import ReviewScreen
from tests.test_tui_grading import (
    keys,
    make_app,
    open_case,
    settle,
    type_note,
    wait_for_screen,
)
from tests.tui_support import build_workbench_db, fixed_clock

pytestmark = pytest.mark.usefixtures("mini_rubrics")


@pytest.fixture
def db(tmp_path: Path, mini_rubrics: Path) -> Path:
    path = build_workbench_db(tmp_path / "work.db")
    with open_store(path) as store:
        fixed_clock(store)
        lee = get_user(store, "lee")
        draw_sample(store, lee, rate=1, seed=7, moderator="oli")
    return path


def screen_text(pilot: Pilot[None]) -> str:
    """Everything the screen shows, as text."""
    return "\n".join(str(w.render()) for w in pilot.app.screen.query("*") if w.display)


async def wait_for_review(pilot: Pilot[None]) -> ReviewScreen:
    deadline = time.monotonic() + 60  # bounds a hang; no measurement
    while time.monotonic() < deadline:
        await settle(pilot)
        screen = pilot.app.screen
        if isinstance(screen, ReviewScreen) and screen.comparison is not None:
            return screen
        await pilot.pause()
    raise AssertionError(f"no review screen; on {pilot.app.screen!r}")


async def test_blind_moderation_then_review_by_keyboard(db: Path) -> None:
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        grading = await open_case(pilot, "C-103")
        assert grading.sheet is not None and grading.sheet.kind == "moderation"
        shown = screen_text(pilot)
        # mia's evidence notes and overall grade are nowhere on screen
        assert "Evidence on file." not in shown
        assert all(e.grade is None for e in grading.entries.values())

        await pilot.press("4")
        await type_note(pilot, "Safety plan never checked.")
        await pilot.press("j", "2")
        await type_note(pilot, "Seen alone twice.")
        await pilot.press("j", "3")
        await type_note(pilot, "No timescales.")
        await settle(pilot)
        assert "Evidence on file." not in screen_text(pilot)

        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # confirm the submission
        review = await wait_for_review(pilot)

        # Disagreements first, with drift; the manager's notes are visible only now
        assert review.comparison is not None
        assert [r.criterion for r in review.comparison.rows[:2]] == ["risk", "plan"]
        assert "Evidence on file." in screen_text(pilot)

        await pilot.press("4", "r")  # risk: moderated Inadequate; r opens the rationale
        await pilot.press(*keys("Meets inadequate descriptor"), "enter")
        await settle(pilot)
        await pilot.press("3", "r")  # plan (the cursor moved on): Requires improvement
        await pilot.press(*keys("No timescales on file"), "enter")
        await settle(pilot)
        assert not isinstance(pilot.app.focused, Input)

        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # confirm completing the review
        for _ in range(40):
            await settle(pilot)
            if review.comparison is not None and review.comparison.status == "reviewed":
                break
        assert review.comparison.status == "reviewed"
        assert not review.editable

    with open_store(db) as store:
        oli, mia = get_user(store, "oli"), get_user(store, "mia")
        audit = next(a for a in list_audits(store, mia) if a.case_ref == "C-103")
        moderation_id = int(
            store.scalar("SELECT id FROM moderations WHERE audit_id = ?", [audit.id])
        )
        done = compare_moderation(store, oli, moderation_id)
        assert done.status == "reviewed" and done.outcome == "downgraded"
        decided = {r.criterion: (r.moderated_grade, r.rationale) for r in done.rows}
        assert decided["risk"] == (Grade.INADEQUATE, "Meets inadequate descriptor")
        assert decided["plan"] == (Grade.REQUIRES_IMPROVEMENT, "No timescales on file")
        assert decided["seen"][0] is Grade.GOOD  # agreed
        # the manager reads the outcome and the rationale
        mine = get_audit(store, mia, audit.id)
        rows = {f["criterion"]: f for f in mine.feedback}
        assert rows["overall"]["outcome"] == "downgraded"
        assert rows["risk"]["rationale"] == "Meets inadequate descriptor"


async def test_the_case_pane_says_ready_to_submit_once_every_criterion_is_graded(
    db: Path,
) -> None:
    """The case pane's state follows the grading: it said "To do" with every criterion graded."""
    from textual.widgets import Static

    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        grading = await open_case(pilot, "C-103")

        def state() -> str:
            return str(grading.query_one("#case-meta", Static).render()).splitlines()[-1]

        assert state().endswith("· To do"), state()
        await pilot.press("4")
        await settle(pilot)
        assert state().endswith("· Draft"), state()  # begun: no longer to do
        await type_note(pilot, "Safety plan never checked.")
        for grade, note in (("2", "Seen alone twice."), ("3", "No timescales.")):
            await pilot.press("j", grade)
            await type_note(pilot, note)
        await settle(pilot)
        assert state().endswith("· Ready to submit"), state()
        assert "To do" not in state()


async def test_the_review_refuses_to_complete_with_decisions_missing(db: Path) -> None:
    from moderator.services.moderation import save_moderation_grade, submit_moderation

    with open_store(db) as store:
        oli = get_user(store, "oli")
        mid = int(store.scalar("SELECT id FROM moderations"))
        for crit, grade in (("risk", Grade.INADEQUATE), ("seen", Grade.GOOD), ("plan", Grade.GOOD)):
            save_moderation_grade(store, oli, mid, crit, grade=grade, note="n")
        submit_moderation(store, oli, mid)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, QueueScreen)
        # a submitted moderation opens on its review
        await pilot.press("slash", *"C-103", "enter")
        review = await wait_for_review(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Not ready" in screen_text(pilot)
        assert review.comparison is not None and review.comparison.status == "submitted"


async def test_a_lead_draws_a_moderation_sample_from_the_workbench(tmp_path: Path) -> None:
    db = build_workbench_db(tmp_path / "lead.db")
    app = make_app(db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("m")
        await pilot.pause()
        rate = pilot.app.screen.query_one("#rate", Input)
        rate.value = "1"
        pilot.app.screen.query_one("#seed", Input).value = "5"
        await settle(pilot)  # the moderators to choose from are read in the background
        pilot.app.screen.query_one("#moderator", Select).value = "oli"
        await pilot.press("enter")
        for _ in range(20):
            await settle(pilot)
    with open_store(db) as store:
        sample = store.row("SELECT drawn_by, seed, rate FROM samples")
        assert sample == {"drawn_by": "lee", "seed": 5, "rate": 1.0}
        assert (
            store.scalar(
                "SELECT count(*) FROM moderations WHERE moderator_name = 'oli' OR moderator_id IS NOT NULL"
            )
            >= 1
        )


REVIEW_SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]


@pytest.mark.parametrize("size", REVIEW_SIZES)
def test_review_snapshot(snap_compare, db: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """Layout guard for the review screen: a submitted moderation with two disagreements."""
    from moderator.services.moderation import save_moderation_grade, submit_moderation

    with open_store(db) as store:
        fixed_clock(store)
        oli = get_user(store, "oli")
        mid = int(store.scalar("SELECT id FROM moderations"))
        for crit, grade in (
            ("risk", Grade.INADEQUATE),
            ("seen", Grade.GOOD),
            ("plan", Grade.REQUIRES_IMPROVEMENT),
        ):
            save_moderation_grade(store, oli, mid, crit, grade=grade, note=f"Moderator: {crit}")
        submit_moderation(store, oli, mid)

    async def run_before(pilot: Pilot[None]) -> None:
        await wait_for_screen(pilot, QueueScreen)
        await pilot.press("slash", *"C-103", "enter")
        await wait_for_review(pilot)
        await pilot.press("4", "r")  # a grade, and the rationale open with its keys
        await settle(pilot)

    assert snap_compare(make_app(db, "oli"), terminal_size=size, run_before=run_before)


def submitted_moderation(db: Path) -> int:
    """oli's blind grading of C-103 submitted: risk and plan disagree with mia's."""
    from moderator.services.moderation import save_moderation_grade, submit_moderation

    with open_store(db) as store:
        oli = get_user(store, "oli")
        mid = int(store.scalar("SELECT id FROM moderations"))
        for crit, grade in (("risk", Grade.INADEQUATE), ("seen", Grade.GOOD), ("plan", Grade.GOOD)):
            save_moderation_grade(store, oli, mid, crit, grade=grade, note="n")
        submit_moderation(store, oli, mid)
    return mid


def stored_decision(db: Path, mid: int, criterion: str) -> tuple[Grade | None, str | None]:
    with open_store(db) as store:
        row = next(
            r
            for r in compare_moderation(store, get_user(store, "oli"), mid).rows
            if r.criterion == criterion
        )
        return row.moderated_grade, row.rationale


async def test_esc_in_the_rationale_leaves_the_field_and_keeps_the_decision(db: Path) -> None:
    mid = submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, QueueScreen)
        await pilot.press("slash", *"C-103", "enter")
        review = await wait_for_review(pilot)
        await pilot.press("3", "r")  # risk: Requires improvement; r opens the rationale
        assert isinstance(pilot.app.focused, Input)
        await pilot.press(*keys("Plan reviewed late"), "escape")
        await settle(pilot)
        # Esc left the field, not the screen, and the decision is recorded as typed
        assert pilot.app.screen is review
        assert not isinstance(pilot.app.focused, Input)
        assert stored_decision(db, mid, "risk") == (
            Grade.REQUIRES_IMPROVEMENT,
            "Plan reviewed late",
        )
        await pilot.press("escape")  # now back to the queue: nothing left unrecorded
        await wait_for_screen(pilot, QueueScreen)
        await pilot.press("slash", *"C-103", "enter")
        again = await wait_for_review(pilot)
        assert "Plan reviewed late" in screen_text(pilot)
        assert again.decisions["risk"].grade is Grade.REQUIRES_IMPROVEMENT


async def test_leaving_the_review_with_an_unrecorded_decision_asks_first(db: Path) -> None:
    mid = submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, QueueScreen)
        await pilot.press("slash", *"C-103", "enter")
        review = await wait_for_review(pilot)
        await pilot.press("3")  # a grade chosen, no rationale yet: cannot be recorded
        await settle(pilot)
        assert pilot.app.screen is review
        await pilot.press("escape")  # leaving would lose the grade: asked, not done
        await settle(pilot)
        assert "not recorded" in screen_text(pilot)
        await pilot.press("escape")  # no: stay, with the grade still chosen
        await settle(pilot)
        assert pilot.app.screen is review
        assert review.decisions["risk"].grade is Grade.REQUIRES_IMPROVEMENT
        await pilot.press("r", *keys("Plan reviewed late"), "enter")
        await settle(pilot)
        assert stored_decision(db, mid, "risk")[1] == "Plan reviewed late"
        await pilot.press("escape")  # everything recorded: straight back to the queue
        await wait_for_screen(pilot, QueueScreen)


async def test_c_on_a_row_that_cannot_be_claimed_says_why(db: Path) -> None:
    from moderator.services.moderation import save_moderation_grade

    with open_store(db) as store:
        oli = get_user(store, "oli")
        mid = int(store.scalar("SELECT id FROM moderations"))
        save_moderation_grade(store, oli, mid, "risk", grade=Grade.GOOD, note="n")
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, QueueScreen)
        queue = pilot.app.screen
        assert isinstance(queue, QueueScreen)
        row = queue.current()
        assert row is not None and row.state == "draft"
        await pilot.press("c")
        await settle(pilot)
        said = [str(n.message) for n in pilot.app._notifications]
        assert said == [
            "C-103 is already claimed by you and in draft (1/3 graded): Enter opens it."
        ]


async def test_the_queues_notice_goes_when_the_case_opens(db: Path) -> None:
    """'Not claimable' stayed over the grading screen's descriptors at 80x24."""
    from moderator.services.moderation import save_moderation_grade
    from moderator.tui.screens.grading import GradingScreen

    with open_store(db) as store:
        oli = get_user(store, "oli")
        mid = int(store.scalar("SELECT id FROM moderations"))
        save_moderation_grade(store, oli, mid, "risk", grade=Grade.GOOD, note="n")
    app = make_app(db, "oli")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, QueueScreen)
        await pilot.press("c")
        await settle(pilot)
        assert "Not claimable" in [n.title for n in pilot.app._notifications]
        await pilot.press("enter")  # as the notice says: Enter opens it
        await wait_for_screen(pilot, GradingScreen)
        await settle(pilot)
        assert not list(pilot.app._notifications)
        assert "Not claimable" not in screen_text(pilot)


async def test_the_feedback_says_overall_once_and_the_case_once(db: Path) -> None:
    from moderator.services.review import complete_review, record_review, set_moderated_overall
    from moderator.tui.screens.feedback import FeedbackScreen

    mid = submitted_moderation(db)
    with open_store(db) as store:
        oli = get_user(store, "oli")
        record_review(store, oli, mid, "risk", Grade.INADEQUATE, "Safety plan never checked.")
        record_review(store, oli, mid, "plan", Grade.GOOD, "Plan has dates.")
        # the words the demo's moderators write for the overall grade
        set_moderated_overall(
            store, oli, mid, Grade.REQUIRES_IMPROVEMENT, "Overall Requires improvement: see risk."
        )
        complete_review(store, oli, mid)
    app = make_app(db, "mia")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("slash", *"C-103", "enter")
        deadline = time.monotonic() + 60  # bounds a hang; no measurement
        while not isinstance(pilot.app.screen, FeedbackScreen) and time.monotonic() < deadline:
            await settle(pilot)
        feedback = pilot.app.screen
        assert isinstance(feedback, FeedbackScreen)
        await settle(pilot)
        headline = str(feedback.query_one("#feedback-headline").render())
        assert "Overall Requires improvement: see risk." in headline
        assert "Overall: Overall" not in headline
        header = f"{feedback.title} {feedback.sub_title}"
        assert header.count("C-103") == 1, header


def footer_text(pilot: Pilot[None]) -> str:
    """The keys the footer offers now, as text."""
    from moderator.tui.widgets.footer import Footer

    return str(pilot.app.screen.query_one(Footer).render())


async def wait_for_footer(pilot: Pilot[None], words: str) -> str:
    deadline = time.monotonic() + 60  # bounds a hang; no measurement
    while time.monotonic() < deadline:
        await settle(pilot)
        shown = footer_text(pilot)
        if words in shown:
            return shown
    raise AssertionError(f"the footer never offered {words!r}: {footer_text(pilot)!r}")


async def test_regrading_a_row_with_a_rationale_then_r_adds_to_the_rationale(
    db: Path,
) -> None:
    """The grade keeps the keys on the table; r opens the rationale as it stands, and the
    words typed next go into it, never run as keys (the o of "Good" used to open the
    Override pop-up); Enter records the new grade with it."""
    from moderator.services.review import record_review
    from moderator.tui.screens.dialogs import OverrideDialog

    mid = submitted_moderation(db)
    with open_store(db) as store:
        record_review(
            store, get_user(store, "oli"), mid, "risk", Grade.REQUIRES_IMPROVEMENT, "Plan late"
        )
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, QueueScreen)
        await pilot.press("slash", *"C-103", "enter")
        review = await wait_for_review(pilot)
        assert review.current_row() is not None and review.current_row().criterion == "risk"
        await pilot.press("2", "r")  # risk already has a rationale: Good, then into it
        await settle(pilot)
        assert isinstance(pilot.app.focused, Input)
        await pilot.press(*keys(" Good overall"))
        await settle(pilot)
        assert pilot.app.screen is review
        assert not pilot.app.screen.query(OverrideDialog)
        assert review.override is None
        assert "Good overall" in review.query_one("#review-rationale", Input).value
        await pilot.press("enter")
        await settle(pilot)
        grade, rationale = stored_decision(db, mid, "risk")
        assert grade is Grade.GOOD and rationale is not None and "Good overall" in rationale


async def test_in_the_rationale_the_footer_offers_the_fields_keys_and_a_stray_r_stops_the_review(
    db: Path,
) -> None:
    """The footer shows Enter and Esc for the field, not "r Rationale" (an r there is typed);
    a stray r saved as the rationale does not let the review complete."""
    mid = submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, QueueScreen)
        await pilot.press("slash", *"C-103", "enter")
        review = await wait_for_review(pilot)
        in_table = await wait_for_footer(pilot, "Rationale")
        assert "Leave field" not in in_table and "Record" not in in_table
        await pilot.press("3", "r")  # risk: Requires improvement; r opens the rationale
        assert isinstance(pilot.app.focused, Input)
        in_field = await wait_for_footer(pilot, "Leave field")
        assert "Record" in in_field
        assert "Rationale" not in in_field and "Override" not in in_field
        assert "Back" not in in_field
        await pilot.press("r", "escape")  # the r the footer no longer offers is typed
        await wait_for_footer(pilot, "Rationale")
        assert stored_decision(db, mid, "risk") == (Grade.REQUIRES_IMPROVEMENT, "r")
        await pilot.press("j", "2", "r", *keys("Plan has dates and owners"), "enter")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = screen_text(pilot)
        assert "Not ready: 1 to do" in shown
        assert 'Risk identified and acted on: the rationale "r" is too short' in shown
        await pilot.press("escape")
        await settle(pilot)
        assert review.comparison is not None and review.comparison.status == "submitted"
        assert stored_decision(db, mid, "risk") == (Grade.REQUIRES_IMPROVEMENT, "r")


async def test_the_queue_shows_a_moderation_submitted_elsewhere_without_a_key(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new user's walk: the queue stayed at "To moderate" after the moderation was
    submitted in another window (or from the command line) until a key read it again. It
    now looks every few seconds, as the grading and review screens do."""
    from moderator.tui import elsewhere as elsewhere_look
    from tests.test_tui_burst import until

    monkeypatch.setattr(elsewhere_look, "CHECK_ELSEWHERE_S", 0.2)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, QueueScreen)
        queue = pilot.app.screen
        assert isinstance(queue, QueueScreen)
        row = queue.current()
        assert row is not None and row.state in ("todo", "claimable")
        submitted_moderation(db)  # the other window
        await until(
            pilot,
            lambda: (r := queue.current()) is not None and r.state == "to_review",
            "the queue never showed the moderation submitted elsewhere",
        )
        assert "To review" in screen_text(pilot)


async def test_the_queue_reads_itself_again_only_for_a_change_that_can_move_it(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The queue read all its rows again every 2 s whenever anything at all was logged (a
    manager's grade, a sign-in in another window). It now reads them again only for an
    event about a moderation, a sample or a pack, and still shows those within seconds."""
    from moderator.services import queue as queue_service
    from moderator.tui import elsewhere as elsewhere_look
    from tests.test_tui_burst import until

    monkeypatch.setattr(elsewhere_look, "CHECK_ELSEWHERE_S", 0.2)
    looks, reads = [0], [0]
    version, rows = queue_service.queue_version, queue_service.moderator_queue

    def counted_version(store: Any) -> int:
        looks[0] += 1
        return version(store)

    def counted_rows(store: Any, user: Any) -> Any:
        reads[0] += 1
        return rows(store, user)

    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, QueueScreen)
        queue = pilot.app.screen
        assert isinstance(queue, QueueScreen)
        monkeypatch.setattr(queue_service, "queue_version", counted_version)
        monkeypatch.setattr(queue_service, "moderator_queue", counted_rows)
        with open_store(db) as store, store.transaction():  # another window: not the queue's
            store.record_event("mia", "signin.ok", "user", 1)
            store.record_event("mia", "audit.note", "audit", 1, field="risk")
        await until(pilot, lambda: looks[0] >= 3, "the queue stopped looking")
        assert reads[0] == 0, "the queue was read again for events that cannot change it"
        submitted_moderation(db)  # the other window: this one moves the queue
        await until(
            pilot,
            lambda: (r := queue.current()) is not None and r.state == "to_review",
            "the queue never showed the moderation submitted elsewhere",
        )
        assert reads[0] >= 1


async def test_the_reviews_not_ready_list_says_how_to_get_to_each_to_do(db: Path) -> None:
    """The review's "Not ready: 2 to do" gave no hint how to act (the grading screen's says
    "OK goes to the first to do; m goes to the next one"). It now says so too, and does it."""
    from textual.widgets import Static

    from moderator.tui.screens.dialogs import MessageDialog
    from tests.test_tui_burst import until

    submitted_moderation(db)
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, QueueScreen)
        await pilot.press("slash", *"C-103", "enter")
        review = await wait_for_review(pilot)

        def on() -> str | None:
            row = review.current_row()
            return None if row is None else row.criterion

        await pilot.press("end")
        await until(pilot, lambda: on() == "seen", "End did not reach the agreed criterion")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, MessageDialog), "no message")
        said = " ".join(" ".join(str(s.render()) for s in pilot.app.screen.query(Static)).split())
        assert "Not ready: 2 to do" in said
        assert "OK goes to the first to do; m goes to the next one." in said, said
        assert "r writes its rationale" in said, said
        await pilot.press("enter")
        await until(pilot, lambda: pilot.app.screen is review, "the message did not close")
        await until(pilot, lambda: on() == "risk", "OK did not go to the first to do")
        await pilot.press("m")
        await until(pilot, lambda: on() == "plan", "m did not go to the next to do")
        await pilot.press("m")
        await until(pilot, lambda: on() == "risk", "m did not come round to the first")
