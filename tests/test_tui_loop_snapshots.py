"""Layout guards for the moderation loop's screens at 80×24 and 160×48.

The moderator's queue (a draft with progress, one claimable, one to review,
one reviewed), the manager's feedback view and the lead's sample view, on fixed
data with a fixed clock. Regenerate after an intended change with
``pytest tests/test_tui_loop_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from moderator.domain.grades import Grade
from moderator.services.audits import assign_audit, save_criterion, submit_audit
from moderator.services.moderation import (
    claim_moderation,
    complete_review,
    record_review,
    save_moderation_grade,
    submit_moderation,
)
from moderator.services.sampling import draw_sample
from moderator.services.users import get_user
from moderator.store import open_store
from moderator.tui.screens.feedback import FeedbackScreen
from moderator.tui.screens.home import HomeScreen
from moderator.tui.screens.queue import QueueScreen
from moderator.tui.screens.samples import SamplesScreen
from tests.helpers import add_case
from tests.test_tui_grading import make_app, wait_for_screen
from tests.test_tui_loop import until
from tests.tui_support import build_workbench_db, fixed_clock

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]
GRADES = {"risk": Grade.GOOD, "seen": Grade.GOOD, "plan": Grade.REQUIRES_IMPROVEMENT}


@pytest.fixture
def db(tmp_path: Path, mini_rubrics: Path) -> Path:
    """mia's audits in every state of moderation: reviewed, to review, in draft, claimable."""
    path = build_workbench_db(tmp_path / "loop.db")
    with open_store(path) as store:
        fixed_clock(store)
        lee, mia, oli = (get_user(store, n) for n in ("lee", "mia", "oli"))
        audits = {}
        for ref in ("C-201", "C-202", "C-203"):
            add_case(store, ref, team="Safeguarding North")
            audit = assign_audit(store, lee, ref, "mia", "mini", "2020-01-31")
            audits[ref] = audit
            for crit, grade in GRADES.items():
                save_criterion(store, mia, audit, crit, grade=grade, note="On file.")
            submit_audit(store, mia, audit)
        sample = draw_sample(
            store, lee, rate=1, seed=3, exclude_months=0, hand_picked=[audits["C-203"]]
        )
        ids = {item.case_ref: item.moderation_id for item in sample.items}
        for ref in ("C-103", "C-201", "C-202"):
            claim_moderation(store, oli, ids[ref])
        for ref in ("C-103", "C-201"):
            mid = ids[ref]
            for crit in GRADES:
                grade = Grade.INADEQUATE if crit == "risk" else GRADES[crit]
                if ref == "C-103" and crit == "plan":
                    grade = Grade.REQUIRES_IMPROVEMENT
                save_moderation_grade(store, oli, mid, crit, grade=grade, note="Moderator note.")
            submit_moderation(store, oli, mid)
        record_review(
            store, oli, ids["C-103"], "risk", Grade.INADEQUATE, "No safety plan review on file."
        )
        record_review(
            store, oli, ids["C-103"], "plan", Grade.REQUIRES_IMPROVEMENT, "No timescales."
        )
        complete_review(store, oli, ids["C-103"])
        save_moderation_grade(store, oli, ids["C-202"], "risk", grade=Grade.GOOD, note="n")
    return path


def on_queue() -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        await wait_for_screen(pilot, QueueScreen)

    return run_before


def on_feedback() -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("slash", *"C-103", "enter")
        await until(pilot, lambda: isinstance(pilot.app.screen, FeedbackScreen), "no feedback")

    return run_before


def on_samples() -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("v")
        await until(
            pilot,
            lambda: isinstance(pilot.app.screen, SamplesScreen) and pilot.app.screen.loaded,
            "no sample view",
        )

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_queue_snapshot(snap_compare, db: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(db, "oli"), terminal_size=size, run_before=on_queue())


@pytest.mark.parametrize("size", SIZES)
def test_feedback_snapshot(snap_compare, db: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(db, "mia"), terminal_size=size, run_before=on_feedback())


@pytest.mark.parametrize("size", SIZES)
def test_samples_snapshot(snap_compare, db: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(db, "lee"), terminal_size=size, run_before=on_samples())
