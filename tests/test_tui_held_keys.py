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
from typing import Any

import pytest
from textual.pilot import Pilot

from moderator.tui.screens.dashboard import DashboardScreen
from moderator.tui.screens.drift_audits import DriftAuditsScreen
from moderator.tui.screens.help import HelpScreen
from moderator.tui.screens.home import HomeScreen
from tests.test_tui_burst import burst, until
from tests.test_tui_grading import make_app, wait_for_screen

pytestmark = pytest.mark.usefixtures("mini_rubrics")


@pytest.fixture
def drift_db(tmp_path: Path, mini_rubrics: Path) -> Path:
    """Moderated audits of three managers, and a sample drawn (the dashboard's tests' data)."""
    from tests.dashboard_support import build_drift_db

    return build_drift_db(tmp_path / "drift.db")


@pytest.fixture
def held_report(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The dashboard's count of the audits waits until the test sets the event it returns."""
    from moderator.services import reporting

    report_counts = reporting.report_counts
    go = threading.Event()

    def held_report_counts(*args: Any, **kwargs: Any) -> Any:
        assert go.wait(60)  # the test lets the count finish when it has seen what it wants
        return report_counts(*args, **kwargs)

    monkeypatch.setattr(reporting, "report_counts", held_report_counts)
    yield go
    go.set()


async def running_until(pilot: Pilot[None], condition: Callable[[], bool]) -> bool:
    """Let the app run until ``condition`` holds (True) or a bound on a hang passes (False).

    Neither settle() nor pause(): the one waits for the held count, the other for the
    app's messages, which a held key may keep from being handled."""
    deadline = time.monotonic() + 20  # bounds a hang; no measurement
    while time.monotonic() < deadline:
        if condition():
            return True
        await asyncio.sleep(0)
    return condition()


async def dashboard_waiting_for_its_report(pilot: Pilot[None]) -> DashboardScreen:
    await wait_for_screen(pilot, HomeScreen)
    burst(pilot, "d")
    assert await running_until(pilot, lambda: isinstance(pilot.app.screen, DashboardScreen))
    dash = pilot.app.screen
    assert isinstance(dash, DashboardScreen) and not dash.loaded
    return dash


@pytest.mark.parametrize("key", ["escape", "ctrl+q", "f1"])
async def test_leaving_quitting_and_help_act_while_a_key_waits_for_the_report(
    drift_db: Path, held_report: threading.Event, key: str
) -> None:
    """j typed before the report, then Escape (or Ctrl+Q, or F1): the dashboard is left (the
    app quits, help opens) at once, while the report is still being built (the app handled
    no key at all until the report came: j held the whole app)."""
    app = make_app(drift_db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        dash = await dashboard_waiting_for_its_report(pilot)
        burst(pilot, "j", key)
        acted = {
            "escape": lambda: isinstance(pilot.app.screen, HomeScreen),
            "ctrl+q": lambda: pilot.app.return_code is not None,
            "f1": lambda: isinstance(pilot.app.screen, HelpScreen),
        }[key]
        assert await running_until(pilot, acted), f"{key} waited for the report"
        assert not dash.loaded  # the report is still held
        held_report.set()
    if key == "escape":
        assert dash.held_keys == []  # the keys held for the dashboard went with it


async def test_keys_held_for_the_report_act_in_order_once_it_is_on_the_dashboard(
    drift_db: Path, held_report: threading.Event
) -> None:
    """], j, Enter typed before the report, then F1: help opens at once, and the report
    comes while it is open. The held keys act on the dashboard, not on help: once help is
    closed, they move to the managers, down to the second and open noa's audits."""
    app = make_app(drift_db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        dash = await dashboard_waiting_for_its_report(pilot)
        burst(pilot, "right_square_bracket", "j", "enter", "f1")
        assert await running_until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen)), (
            "help waited for the report"
        )
        held_report.set()
        await until(pilot, lambda: dash.loaded, "the dashboard's report")
        assert isinstance(pilot.app.screen, HelpScreen)  # the held keys did not act on help
        burst(pilot, "escape")
        await until(pilot, lambda: isinstance(pilot.app.screen, DriftAuditsScreen), "a drill")
        drill = pilot.app.screen
        assert isinstance(drill, DriftAuditsScreen)
        assert drill.heading.startswith("noa")  # managers: mia, noa, max
