"""Writing an evidence note at full speed on the grading screen.

``n`` opens the note; what is typed or pasted after it, in the same burst (a fast typist, a
paste, tmux send-keys), lands in the note in the order it was typed, and the note is saved
whole however the screen is left straight after: Esc Esc, or Ctrl+Q. A grade key typed
right after the Esc that leaves the note grades the criterion; it is not typed into the note.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from moderator.domain.grades import Grade
from moderator.tui.screens.grading import GradingScreen
from moderator.tui.screens.home import HomeScreen
from moderator.tui.widgets.criterion_list import CriterionList
from tests.test_tui_burst import burst, until
from tests.test_tui_grading import keys, make_app, open_case, settle, stored, wait_for_screen
from tests.test_tui_review_typing import paste_then

pytestmark = pytest.mark.usefixtures("mini_rubrics")

NOTE = "Strategy discussion held the same day, with police and health.\nSeen alone twice."


@pytest.fixture
def db(tmp_path: Path, mini_rubrics: Path) -> Path:
    from tests.tui_support import build_workbench_db

    return build_workbench_db(tmp_path / "work.db")


def stored_entry(db: Path, criterion: str) -> tuple[Grade | None, str]:
    detail, _ = stored(db, "C-101")
    entry = next(e for e in detail.entries if e.criterion == criterion)
    return entry.grade, entry.note


async def test_a_note_pasted_then_esc_esc_in_one_burst_is_saved_whole(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_case(pilot, "C-101")
        burst(pilot, "n")
        paste_then(pilot, NOTE, "escape", "escape")
        await wait_for_screen(pilot, HomeScreen)
        await settle(pilot)
    assert stored_entry(db, "risk")[1] == NOTE


async def test_a_note_typed_fast_then_esc_esc_is_saved_whole(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_case(pilot, "C-101")
        burst(pilot, "n", *"Quick", "escape", "escape")
        await wait_for_screen(pilot, HomeScreen)
        await settle(pilot)
    assert stored_entry(db, "risk")[1] == "Quick"


async def test_a_note_pasted_then_ctrl_q_in_one_burst_is_saved_before_quitting(
    db: Path,
) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_case(pilot, "C-101")
        burst(pilot, "n")
        paste_then(pilot, NOTE, "ctrl+q")
        deadline = time.monotonic() + 60  # bounds a hang; no measurement
        while app.is_running and time.monotonic() < deadline:
            await asyncio.sleep(0.01)  # until the app has quit
        assert not app.is_running, "Ctrl+Q did not quit"
    assert stored_entry(db, "risk")[1] == NOTE


async def test_a_grade_typed_right_after_the_notes_esc_grades_the_criterion(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-101")
        text = "Strategy discussion same day"
        burst(pilot, "n", *keys(text), "escape", "3")
        await until(pilot, lambda: stored_entry(db, "risk")[0] is not None, "risk graded")
        await until(pilot, lambda: not screen.pending, "everything saved")
        assert stored_entry(db, "risk") == (Grade.REQUIRES_IMPROVEMENT, text)
        assert pilot.app.screen is screen and screen.current_id == "risk"
        assert isinstance(pilot.app.focused, CriterionList)


async def test_a_note_typed_fast_then_a_move_keeps_the_note_on_its_criterion(db: Path) -> None:
    """Esc then j in the burst: the note stays with the criterion it was typed for, and the
    next criterion's box shows that criterion's own note."""
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-101")
        burst(pilot, "n", *keys("Seen the same day"), "escape", "j", "2")
        await until(pilot, lambda: stored_entry(db, "seen")[0] is not None, "seen graded")
        await until(pilot, lambda: not screen.pending, "everything saved")
        assert stored_entry(db, "risk") == (None, "Seen the same day")
        assert stored_entry(db, "seen") == (Grade.GOOD, "")
        assert isinstance(pilot.app.screen, GradingScreen) and screen.current_id == "seen"


async def test_a_note_typed_fast_after_enter_is_saved_whole(db: Path) -> None:
    """Enter on the criteria opens the note as n does: what is typed after it goes in."""
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_case(pilot, "C-101")
        burst(pilot, "enter", *"Quick", "escape", "escape")
        await wait_for_screen(pilot, HomeScreen)
        await settle(pilot)
    assert stored_entry(db, "risk")[1] == "Quick"


async def test_after_a_paste_and_esc_the_keys_stay_on_the_criteria(db: Path) -> None:
    """n, a paste, Esc in one burst, then a grade key a moment later: the paste does not
    pull the focus back into the note, so the grade key grades."""
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-101")
        burst(pilot, "n")
        paste_then(pilot, NOTE, "escape")
        await until(pilot, lambda: stored_entry(db, "risk")[1] == NOTE, "the note saved")
        assert isinstance(pilot.app.focused, CriterionList)
        await pilot.press("3")
        await until(pilot, lambda: stored_entry(db, "risk")[0] is not None, "risk graded")
        assert stored_entry(db, "risk") == (Grade.REQUIRES_IMPROVEMENT, NOTE)
        assert isinstance(pilot.app.focused, CriterionList) and screen.current_id == "risk"
