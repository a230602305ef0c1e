"""Layout guards: the home, grading and help screens at 80×24 and 160×48.

Fixed data, a fixed "today", a fixed store clock and no cursor blink make
these deterministic. Regenerate after an intended change with
``pytest tests/test_tui_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from moderator.tui.screens.grading import GradingScreen
from moderator.tui.screens.help import HelpScreen
from moderator.tui.screens.home import HomeScreen
from tests.test_tui_grading import make_app, settle, wait_for_screen
from tests.tui_support import build_workbench_db

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]


@pytest.fixture
def db(tmp_path: Path, mini_rubrics: Path) -> Path:
    return build_workbench_db(tmp_path / "snap.db")


def at_home() -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        await wait_for_screen(pilot, HomeScreen)

    return run_before


def grading_the_draft() -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("enter")  # C-102, the draft, is first
        await wait_for_screen(pilot, GradingScreen)
        await pilot.press("3")  # The child seen and heard: RI (unsaved note shows as missing)
        await settle(pilot)

    return run_before


def help_on_grading() -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        await grading_the_draft()(pilot)
        await pilot.press("question_mark")
        await wait_for_screen(pilot, HelpScreen)

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_home_snapshot(snap_compare, db: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(db), terminal_size=size, run_before=at_home())


@pytest.mark.parametrize("size", SIZES)
def test_grading_snapshot(snap_compare, db: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(db), terminal_size=size, run_before=grading_the_draft())


@pytest.mark.parametrize("size", SIZES)
def test_help_snapshot(snap_compare, db: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(db), terminal_size=size, run_before=help_on_grading())
