"""Each role's part of the moderation loop, end to end in the workbench, on one real database.

A lead draws a sample naming no moderator → a moderator sees it as claimable,
claims it, grades blind, submits and reviews → the manager opens the audit and
reads the moderated grades and the rationale → the lead's sample view and
dashboard drill-down show both gradings. At each step the counts on screen are
checked against what is stored.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from moderator.store import open_store
from moderator.tui.commands import available_actions
from moderator.tui.screens.drift_audits import DriftAuditsScreen
from moderator.tui.screens.feedback import FeedbackScreen
from moderator.tui.screens.grading import GradingScreen
from moderator.tui.screens.home import HomeScreen
from moderator.tui.screens.listing import ListScreen
from moderator.tui.screens.queue import QueueScreen
from moderator.tui.screens.review import ReviewScreen
from moderator.tui.screens.sample_dialog import SampleDialog
from moderator.tui.screens.samples import SamplesScreen
from tests.test_tui_dashboard import open_dashboard
from tests.test_tui_grading import keys, make_app, settle, type_note, wait_for_screen
from tests.tui_support import build_workbench_db

pytestmark = pytest.mark.usefixtures("mini_rubrics")


async def until(pilot: Pilot[None], check: Callable[[], bool], what: str) -> None:
    """Let the app run until ``check`` holds; the deadline bounds a hang, it is no measure."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        await settle(pilot)  # (background work done, its messages handled)
        if check():
            return
    raise AssertionError(f"{what}; on {pilot.app.screen!r}")


def stored(db: Path, sql: str) -> int:
    with open_store(db) as store:
        return int(store.scalar(sql) or 0)


def tab_counts(screen: ListScreen) -> dict[str, int]:  # type: ignore[type-arg]
    """The count on each state tab, as shown."""
    out = {}
    for state in screen.STATES:
        label = str(screen.query_one(f"#state-{state}").label)  # type: ignore[attr-defined]
        out[state] = int(label.rsplit(" ", 1)[1])
    return out


def queue_counts_stored(db: Path, moderator: str) -> dict[str, int]:
    """The queue's counts from the moderations table itself."""
    me = f"(SELECT id FROM users WHERE name = '{moderator}')"
    mine = f"SELECT count(*) FROM moderations WHERE moderator_id = {me}"
    return {
        "claimable": stored(
            db,
            "SELECT count(*) FROM moderations WHERE moderator_id IS NULL"
            " AND pack_id IS NULL AND status = 'todo'",
        ),
        "todo": stored(db, mine + " AND status = 'todo'"),
        "draft": stored(db, mine + " AND status = 'draft'"),
        "to_review": stored(db, mine + " AND status = 'submitted'"),
        "reviewed": stored(db, mine + " AND status = 'reviewed'"),
    }


def shown_queue(screen: QueueScreen) -> dict[str, int]:
    counts = tab_counts(screen)
    counts.pop("all")
    return counts


def screen_text(pilot: Pilot[None]) -> str:
    return "\n".join(str(w.render()) for w in pilot.app.screen.query("*") if w.display)


async def test_the_moderation_loop_reaches_every_role(tmp_path: Path) -> None:
    db = build_workbench_db(tmp_path / "loop.db")

    # -- the lead draws a sample, leaving the moderator to "any" -----------------------------
    async with make_app(db, "lee").run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("m")
        await until(pilot, lambda: isinstance(pilot.app.screen, SampleDialog), "no dialog")
        dialog = pilot.app.screen
        dialog.query_one("#rate", Input).value = "2"  # a typo: the dialog says so and stays
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is dialog
        assert "rate must be" in str(dialog.query_one("#sample-error").render())
        dialog.query_one("#rate", Input).value = "1"
        dialog.query_one("#seed", Input).value = "5"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(pilot.app.screen, HomeScreen), "still in dialog")
        # the notice says what was drawn and where to see it (the list shows audits)
        drawn = [n.message for n in pilot.app._notifications if "Sample" in n.message]
        assert drawn and drawn[-1].endswith("v lists the samples."), drawn
    assert stored(db, "SELECT count(*) FROM moderations WHERE moderator_id IS NULL") == 1

    # -- the moderator: claimable → claimed → blind grading → submitted → reviewed ------------
    async with make_app(db, "oli").run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, QueueScreen)
        queue = pilot.app.screen
        assert isinstance(queue, QueueScreen)
        assert shown_queue(queue) == queue_counts_stored(db, "oli")
        assert shown_queue(queue)["claimable"] == 1
        assert "1 claimable" in str(queue.query_one("#summary", Static).render())

        await pilot.press("c")  # claim
        await until(pilot, lambda: shown_queue(queue)["todo"] == 1, "the claim did not show")
        assert shown_queue(queue) == queue_counts_stored(db, "oli")
        assert stored(db, "SELECT count(*) FROM moderations WHERE moderator_name = 'oli'") == 1

        await pilot.press("enter")
        await wait_for_screen(pilot, GradingScreen)
        assert "Evidence on file." not in screen_text(pilot)  # blind
        await pilot.press("4")
        await type_note(pilot, "Safety plan never checked.")
        await pilot.press("escape")  # back to the queue: a draft with 1 of 3 graded
        await until(pilot, lambda: shown_queue(queue)["draft"] == 1, "no draft")
        assert shown_queue(queue) == queue_counts_stored(db, "oli")
        table = queue.query_one("#audits", DataTable)
        assert str(table.get_row_at(0)[2]) == "1/3"

        await pilot.press("enter")
        await wait_for_screen(pilot, GradingScreen)  # resumes at the first criterion to do
        await pilot.press("2")
        await type_note(pilot, "Seen alone twice.")
        await pilot.press("j", "3")
        await type_note(pilot, "No timescales.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # confirm: the review opens
        await until(
            pilot,
            lambda: (
                isinstance(pilot.app.screen, ReviewScreen)
                and pilot.app.screen.comparison is not None
            ),
            "no review",
        )
        review = pilot.app.screen
        assert isinstance(review, ReviewScreen)
        await pilot.press("4", "r", *keys("Meets inadequate descriptor"), "enter")
        await settle(pilot)
        await pilot.press("3", "r", *keys("No timescales on file"), "enter")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # confirm completing
        await until(
            pilot,
            lambda: review.comparison is not None and review.comparison.status == "reviewed",
            "the review did not complete",
        )
        ids = {a.id for a, _ in available_actions(pilot.app, review)}
        assert not ids & {"review.grade-1", "review.rationale", "review.complete"}
        await pilot.press("escape")
        await until(pilot, lambda: shown_queue(queue)["reviewed"] == 1, "still to review")
        assert shown_queue(queue) == queue_counts_stored(db, "oli")
        assert shown_queue(queue)["to_review"] == 0

    # -- the manager reads the feedback; the list marks it new until opened ---------------------
    async with make_app(db, "mia").run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        assert "1 with new moderation feedback" in str(home.query_one("#summary").render())
        assert tab_counts(home)["submitted"] == stored(
            db,
            "SELECT count(*) FROM audits a JOIN users u ON u.id = a.manager_id"
            " WHERE u.name = 'mia' AND a.status = 'submitted'",
        )
        await pilot.press("slash", *"C-103", "enter")
        await until(pilot, lambda: isinstance(pilot.app.screen, FeedbackScreen), "no feedback")
        shown = screen_text(pilot)
        assert "downgraded" in shown and "Meets inadequate descriptor" in shown
        feedback = pilot.app.screen
        rows = feedback.query_one(DataTable)
        risk = [str(c) for c in rows.get_row_at(0)]
        assert risk[:4] == ["Risk identified and acted on", "Good", "Inad", "2 down"]
        assert stored(db, "SELECT count(*) FROM events WHERE kind = 'audit.feedback_seen'") == 1
        await pilot.press("escape")
        await until(pilot, lambda: not home.unread, "still marked new")
        assert "new moderation feedback" not in str(home.query_one("#summary").render())

    # -- the lead sees the sample's state and opens the audit: both gradings ------------------
    async with make_app(db, "lee").run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("v")
        await until(
            pilot,
            lambda: isinstance(pilot.app.screen, SamplesScreen) and pilot.app.screen.loaded,
            "no sample view",
        )
        samples = pilot.app.screen
        assert isinstance(samples, SamplesScreen)
        (sample,) = samples.samples
        assert sample.seed == 5 and sample.moderator is None
        assert [line.state_text for line in sample.lines] == ["reviewed: downgraded (oli)"]
        await pilot.press("tab", "enter")
        await until(pilot, lambda: isinstance(pilot.app.screen, FeedbackScreen), "no feedback")
        assert "Meets inadequate descriptor" in screen_text(pilot)

        # the dashboard's drill-down opens the same side-by-side view
        await pilot.press("escape", "escape")
        dash = await open_dashboard(pilot)
        await pilot.press("right_square_bracket", "enter")  # managers: mia's audits
        await until(pilot, lambda: isinstance(pilot.app.screen, DriftAuditsScreen), "no drill")
        drill = pilot.app.screen
        await until(pilot, lambda: drill.loaded, "the drill-down did not load")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(pilot.app.screen, FeedbackScreen), "no feedback")
        shown = screen_text(pilot)
        assert "Meets inadequate descriptor" in shown and "Manager" in shown
        assert dash.report is not None
    # the lead's reading is not the manager's acknowledgement
    assert stored(db, "SELECT count(*) FROM events WHERE kind = 'audit.feedback_seen'") == 1
