"""The title bar says which screen the user is on (and, from the app, who they are)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from textual.pilot import Pilot

from moderator.tui.screens.dashboard import DashboardScreen
from moderator.tui.screens.drift_audits import DriftAuditsScreen
from moderator.tui.screens.grading import GradingScreen
from moderator.tui.screens.home import HomeScreen
from moderator.tui.screens.lead_home import LeadHomeScreen
from moderator.tui.screens.queue import QueueScreen
from moderator.tui.screens.review import ReviewScreen
from moderator.tui.widgets.header import Header
from tests.dashboard_support import build_drift_db
from tests.test_tui_dashboard import open_dashboard
from tests.test_tui_grading import make_app, open_case, wait_for_screen
from tests.tui_support import build_workbench_db

pytestmark = pytest.mark.usefixtures("mini_rubrics")


def title_bar(pilot: Pilot[None]) -> str:
    return pilot.app.screen.query_one(Header).render().plain.strip()


async def wait_for_title(pilot: Pilot[None], words: str) -> str:
    """The title bar once it holds ``words`` (a screen may name its subject once read)."""
    deadline = time.monotonic() + 60  # bounds a hang; no measurement
    while time.monotonic() < deadline:
        if words in title_bar(pilot):
            break
        await pilot.pause()
    return title_bar(pilot)


async def test_a_managers_screens_name_themselves(tmp_path: Path) -> None:
    db = build_drift_db(tmp_path / "drift.db")
    app = make_app(db, "noa")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        assert title_bar(pilot).endswith(" My audits — noa · manager")
        await open_dashboard(pilot)
        assert title_bar(pilot).endswith("Drift dashboard — noa · manager")
        await pilot.press("right_square_bracket", "enter")  # the audits behind her row
        await wait_for_screen(pilot, DriftAuditsScreen)
        assert title_bar(pilot).endswith("Audits behind a number — noa · manager")
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, DashboardScreen)
        assert title_bar(pilot).endswith("Drift dashboard — noa · manager")


async def test_the_grading_screen_says_it_is_grading_and_which_audit(tmp_path: Path) -> None:
    db = build_workbench_db(tmp_path / "work.db")
    app = make_app(db, "mia")
    async with app.run_test(size=(120, 30)) as pilot:
        await open_case(pilot, "C-101")
        assert isinstance(pilot.app.screen, GradingScreen)
        said = await wait_for_title(pilot, "C-101")
        assert said.split(maxsplit=1)[1].startswith("Grading — Audit ")
        assert "C-101" in said


async def test_a_leads_and_a_moderators_screens_name_themselves(tmp_path: Path) -> None:
    db = build_drift_db(tmp_path / "drift.db")
    app = make_app(db, "lee")
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_screen(pilot, LeadHomeScreen)
        assert title_bar(pilot).endswith("Every audit — lee · lead")
        await open_dashboard(pilot)
        assert title_bar(pilot).endswith("Drift dashboard — lee · lead")
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_screen(pilot, QueueScreen)
        assert title_bar(pilot).endswith("Moderation queue — oli · moderator")
        await pilot.press("enter")  # a reviewed moderation: its review, read-only
        await wait_for_screen(pilot, ReviewScreen)
        assert (
            (await wait_for_title(pilot, "Review · ")).split(maxsplit=1)[1].startswith("Review · ")
        )
