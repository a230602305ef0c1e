"""Keys held for a screen's first data leave the rest of the workbench free.

A key typed before the dashboard has its report (or a list its first rows) waits for it,
in order with the keys after it; meanwhile quitting, leaving the screen and help act at
once (on a lead's 100,000 audits the report takes seconds). The report is held by the
test until it says so: each test sees the app while a key is still waiting.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from textual.pilot import Pilot

from moderator.tui.screens.dashboard import DashboardScreen
from moderator.tui.screens.drift_audits import DriftAuditsScreen
from moderator.tui.screens.grading import GradingScreen
from moderator.tui.screens.help import HelpScreen
from moderator.tui.screens.home import HomeScreen
from moderator.tui.screens.lead_home import LeadHomeScreen
from tests.test_tui_burst import burst, opened_case, until
from tests.test_tui_grading import make_app, wait_for_screen

pytestmark = pytest.mark.usefixtures("mini_rubrics")


@pytest.fixture
def drift_db(tmp_path: Path, mini_rubrics: Path) -> Path:
    """Moderated audits of three managers, and a sample drawn (the dashboard's tests' data)."""
    from tests.dashboard_support import build_drift_db

    return build_drift_db(tmp_path / "drift.db")


@pytest.fixture
def db(tmp_path: Path, mini_rubrics: Path) -> Path:
    from tests.tui_support import build_workbench_db

    return build_workbench_db(tmp_path / "work.db")


class HeldCount(NamedTuple):
    started: threading.Event
    """Set once the count has begun (and is held)."""
    go: threading.Event
    """Set by the test: the count goes on."""


@pytest.fixture
def held_report(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldCount]:
    """The dashboard's count of the audits waits until the test lets it go (else until the
    test ends: the app has closed the database by then, and the count fails at once)."""
    from moderator.services import reporting

    report_counts = reporting.report_counts
    held = HeldCount(threading.Event(), threading.Event())

    def held_report_counts(*args: Any, **kwargs: Any) -> Any:
        held.started.set()
        assert held.go.wait(60)  # the test lets it go when it has seen what it wants
        return report_counts(*args, **kwargs)

    monkeypatch.setattr(reporting, "report_counts", held_report_counts)
    yield held
    held.go.set()


async def running_until(pilot: Pilot[None], condition: Callable[[], bool]) -> bool:
    """Let the app run until ``condition`` holds (True) or a bound on a hang passes (False).

    Neither settle() nor pause(): the one waits for the held count, the other for the
    app's messages, which a held key may keep from being handled."""
    deadline = time.monotonic() + 60  # bounds a hang; no measurement
    while time.monotonic() < deadline:
        if condition():
            return True
        await asyncio.sleep(0)
    return condition()


async def dashboard_waiting_for_its_report(
    pilot: Pilot[None], held_report: HeldCount
) -> DashboardScreen:
    """The lead's dashboard, opened, counting the audits for its report (held)."""
    await wait_for_screen(pilot, HomeScreen)
    burst(pilot, "d")
    assert await running_until(pilot, held_report.started.is_set), "the count never started"
    dash = pilot.app.screen
    assert isinstance(dash, DashboardScreen) and not dash.loaded
    return dash


@pytest.mark.parametrize("key", ["escape", "ctrl+q", "f1"])
async def test_leaving_quitting_and_help_act_while_a_key_waits_for_the_report(
    drift_db: Path, held_report: HeldCount, key: str
) -> None:
    """j typed before the report, then Escape (or Ctrl+Q, or F1): the dashboard is left (the
    app quits, help opens) at once, while the report is still being built (the app handled
    no key at all until the report came: j waiting for it held the whole app)."""
    app = make_app(drift_db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        dash = await dashboard_waiting_for_its_report(pilot, held_report)
        # j typed, and handled as far as the app goes until the process is idle (as press()
        # does, without its wait for the app's messages to be handled); then the key.
        await pilot.app._press_keys(["j"])
        burst(pilot, key)
        acted = {
            "escape": lambda: isinstance(pilot.app.screen, HomeScreen),
            "ctrl+q": lambda: pilot.app.return_code is not None,
            "f1": lambda: isinstance(pilot.app.screen, HelpScreen),
        }[key]
        assert await running_until(pilot, acted), f"{key} waited for the report"
        assert not dash.loaded  # the report is still held
        if key == "escape":
            home = pilot.app.screen
            assert isinstance(home, LeadHomeScreen)  # read again, as a list is when back to it
            assert await running_until(pilot, lambda: home.loaded and not home.waiting)
        elif key == "f1":
            held_report.go.set()
            await until(pilot, lambda: dash.loaded, "the dashboard's report")
    if key == "escape":
        assert dash.held_keys == []  # the keys held for the dashboard went with it


async def test_keys_held_for_the_report_act_in_order_once_it_is_on_the_dashboard(
    drift_db: Path, held_report: HeldCount
) -> None:
    """], j, Enter typed before the report, then F1: help opens at once, and the report
    comes while it is open. The held keys act on the dashboard, not on help: once help is
    closed, they move to the managers, down to the second and open noa's audits."""
    app = make_app(drift_db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        dash = await dashboard_waiting_for_its_report(pilot, held_report)
        burst(pilot, "right_square_bracket", "j", "enter", "f1")
        assert await running_until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen)), (
            "help waited for the report"
        )
        held_report.go.set()
        await until(pilot, lambda: dash.loaded, "the dashboard's report")
        assert isinstance(pilot.app.screen, HelpScreen)  # the held keys did not act on help
        burst(pilot, "escape")
        await until(pilot, lambda: isinstance(pilot.app.screen, DriftAuditsScreen), "a drill")
        drill = pilot.app.screen
        assert isinstance(drill, DriftAuditsScreen)
        assert drill.heading.startswith("noa")  # managers: mia, noa, max


async def test_help_opens_while_keys_wait_for_a_lists_rows(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """j and Enter typed before a manager's list has its rows, then F1: help opens at once
    (it waited for the rows: the list handled nothing of its own while reading them). The
    rows come while help is open; once it is closed, j and Enter open the second audit."""
    read_rows = HomeScreen.read_rows
    go = threading.Event()

    def held_read_rows(self: HomeScreen) -> Any:
        assert go.wait(60)  # the test lets the read finish when it has seen help open
        return read_rows(self)

    monkeypatch.setattr(HomeScreen, "read_rows", held_read_rows)
    app = make_app(db)
    async with app.run_test(size=(120, 30)) as pilot:
        try:
            assert await running_until(pilot, lambda: isinstance(pilot.app.screen, HomeScreen))
            home = pilot.app.screen
            assert isinstance(home, HomeScreen) and not home.loaded
            burst(pilot, "j", "enter", "f1")
            assert await running_until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen)), (
                "help waited for the list's rows"
            )
            assert not home.loaded
        finally:
            go.set()
        await until(pilot, lambda: home.loaded, "the list's rows")
        assert isinstance(pilot.app.screen, HelpScreen)  # the held keys did not act on help
        assert [a.case_ref for a in home.shown] == ["C-102", "C-101", "C-103"]
        burst(pilot, "escape")
        assert await opened_case(pilot) == "C-101"
        assert isinstance(pilot.app.screen, GradingScreen)
