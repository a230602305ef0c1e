"""Keys sent in one burst (a paste, tmux send-keys, a macro) act in the order they were typed.

Each test delivers its keys the way a terminal does for a burst: every key event is handed
to the app before the first one has been handled (``burst``), with no pause between them.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from moderator.tui.screens.dashboard import DashboardScreen
from moderator.tui.screens.drift_audits import DriftAuditsScreen
from moderator.tui.screens.feedback import FeedbackScreen
from moderator.tui.screens.grading import GradingScreen
from moderator.tui.screens.home import HomeScreen
from moderator.tui.screens.lead_home import LeadHomeScreen
from moderator.tui.screens.paged import View
from moderator.tui.screens.samples import SamplesScreen
from tests.test_tui_grading import make_app, settle, wait_for_screen

pytestmark = pytest.mark.usefixtures("mini_rubrics")

CHARACTERS = {
    "enter": "\r",
    "tab": "\t",
    "escape": "\x1b",
    "space": " ",
    "full_stop": ".",
    "comma": ",",
}


@pytest.fixture
def db(tmp_path: Path, mini_rubrics: Path) -> Path:
    from tests.tui_support import build_workbench_db

    return build_workbench_db(tmp_path / "work.db")


@pytest.fixture
def drift_db(tmp_path: Path, mini_rubrics: Path) -> Path:
    """Moderated audits of three managers, and a sample drawn (the dashboard's tests' data)."""
    from tests.dashboard_support import build_drift_db

    return build_drift_db(tmp_path / "drift.db")


def burst(pilot: Pilot[None], *keys: str) -> None:
    """Hand every key to the app at once, as a terminal delivers a paste or send-keys."""
    driver = pilot.app._driver
    assert driver is not None
    for key in keys:
        character = key if len(key) == 1 else CHARACTERS.get(key)
        event = events.Key(key, character)
        event.set_sender(pilot.app)
        driver.send_message(event)


async def until(pilot: Pilot[None], condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 60  # bounds a hang; no measurement
    while time.monotonic() < deadline:
        await settle(pilot)
        if condition():
            return
        await pilot.pause()
    raise AssertionError(f"never happened: {what}; on {pilot.app.screen!r}")


async def spin(condition: Callable[[], bool], deadline: float) -> None:
    """Yield to the app until ``condition`` holds or ``deadline`` passes: neither settle()
    nor pause(), which would wait for a read the test holds back."""
    while not condition() and time.monotonic() < deadline:
        await asyncio.sleep(0)


async def keys_handed_on(pilot: Pilot[None], deadline: float) -> None:
    """Let the app hand on the keys sent, before the read held back comes."""
    await spin(lambda: pilot.app._message_queue.empty(), deadline)


async def opened_case(pilot: Pilot[None]) -> str:
    """The case of the grading screen the keys opened."""
    await wait_for_screen(pilot, GradingScreen)
    screen = pilot.app.screen
    assert isinstance(screen, GradingScreen) and screen.sheet is not None
    return screen.sheet.case_ref


async def test_a_burst_on_a_managers_list_opens_the_row_the_keys_reached(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        assert [a.case_ref for a in home.shown] == ["C-102", "C-101", "C-103"]
        burst(pilot, "j", "j", "enter")
        assert await opened_case(pilot) == "C-103"


async def test_jump_keys_and_moves_in_one_burst_act_in_order(db: Path) -> None:
    """End, then k, then Enter: the row above the last, not the last."""
    app = make_app(db)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        burst(pilot, "end", "k", "enter")
        assert await opened_case(pilot) == "C-101"


async def test_a_burst_on_a_leads_list_opens_the_row_the_keys_reached(db: Path) -> None:
    app = make_app(db, "lee")
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_screen(pilot, LeadHomeScreen)
        home = pilot.app.screen
        assert isinstance(home, LeadHomeScreen)
        await until(pilot, lambda: len(home.shown) == 4, "the four audits")
        third = home.shown[2].case_ref
        burst(pilot, "j", "j", "enter")
        assert await opened_case(pilot) == third


async def open_dashboard(pilot: Pilot[None]) -> DashboardScreen:
    await wait_for_screen(pilot, HomeScreen)
    await pilot.press("d")
    await until(
        pilot,
        lambda: isinstance(pilot.app.screen, DashboardScreen) and pilot.app.screen.loaded,
        "the dashboard's report",
    )
    dash = pilot.app.screen
    assert isinstance(dash, DashboardScreen)
    return dash


async def test_a_burst_on_the_dashboard_drills_into_the_row_the_keys_reached(
    drift_db: Path,
) -> None:
    """] to the managers, j to the second, Enter: that manager's audits."""
    app = make_app(drift_db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_dashboard(pilot)
        burst(pilot, "right_square_bracket", "j", "enter")
        await until(pilot, lambda: isinstance(pilot.app.screen, DriftAuditsScreen), "a drill")
        drill = pilot.app.screen
        assert isinstance(drill, DriftAuditsScreen)
        assert drill.heading.startswith("noa")  # managers: mia, noa, max


async def test_a_burst_on_the_audits_behind_a_number_opens_the_row_the_keys_reached(
    drift_db: Path,
) -> None:
    app = make_app(drift_db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_dashboard(pilot)
        await pilot.press("right_square_bracket", "enter")  # mia's audits
        await until(
            pilot,
            lambda: isinstance(pilot.app.screen, DriftAuditsScreen) and pilot.app.screen.loaded,
            "mia's audits",
        )
        drill = pilot.app.screen
        assert isinstance(drill, DriftAuditsScreen)
        third = drill.audits[2].case_ref
        burst(pilot, "j", "j", "enter")
        await wait_for_screen(pilot, FeedbackScreen)
        feedback = pilot.app.screen
        assert isinstance(feedback, FeedbackScreen)
        assert feedback.sheet.case_ref == third


@pytest.mark.parametrize("keys", [("tab", "down", "enter"), ("enter", "down", "enter")])
async def test_a_burst_on_the_samples_opens_the_audit_the_keys_reached(
    drift_db: Path, keys: tuple[str, ...]
) -> None:
    """Tab (or Enter) to the sample's audits, down to the second, Enter: that audit."""
    app = make_app(drift_db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("v")
        await until(
            pilot,
            lambda: isinstance(pilot.app.screen, SamplesScreen) and pilot.app.screen.loaded,
            "the samples",
        )
        samples = pilot.app.screen
        assert isinstance(samples, SamplesScreen)
        second = samples.samples[0].lines[1].case_ref
        burst(pilot, *keys)
        await until(
            pilot, lambda: isinstance(pilot.app.screen, FeedbackScreen | GradingScreen), "an audit"
        )
        screen = pilot.app.screen
        assert isinstance(screen, FeedbackScreen | GradingScreen) and screen.sheet is not None
        assert screen.sheet.case_ref == second


async def test_moves_made_while_a_leads_list_is_read_again_are_kept(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """F5 (or coming back to the list) reads it again; j, j typed meanwhile stay done."""
    read_page = LeadHomeScreen.read_page
    go = threading.Event()
    go.set()

    def held_read_page(self: LeadHomeScreen, view: View, offset: int, limit: int) -> Any:
        assert go.wait(60)  # the test lets the read finish once the keys are handled
        return read_page(self, view, offset, limit)

    monkeypatch.setattr(LeadHomeScreen, "read_page", held_read_page)
    app = make_app(db, "lee")
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_screen(pilot, LeadHomeScreen)
        home = pilot.app.screen
        assert isinstance(home, LeadHomeScreen)
        await until(pilot, lambda: len(home.shown) == 4, "the four audits")
        third = home.shown[2].case_ref
        go.clear()
        burst(pilot, "f5", "j", "j")
        table = home.query_one("#audits", DataTable)
        deadline = time.monotonic() + 60  # bounds a hang; no measurement
        while table.cursor_row != 2 and time.monotonic() < deadline:
            await pilot.pause()  # not settle(): it would wait for the held read
        assert home.waiting  # the list is still being read
        go.set()
        await until(pilot, lambda: not home.waiting, "the list read again")
        assert home.current() is not None and home.current().case_ref == third  # type: ignore[union-attr]
        await pilot.press("enter")
        assert await opened_case(pilot) == third


async def test_keys_typed_before_the_list_has_its_rows_act_on_them(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """j, j, Enter sent while the list is still being read: the third row opens."""
    read_rows = HomeScreen.read_rows
    go = threading.Event()

    def held_read_rows(self: HomeScreen) -> Any:
        assert go.wait(60)  # the test lets the read finish once the keys are sent
        return read_rows(self)

    monkeypatch.setattr(HomeScreen, "read_rows", held_read_rows)
    app = make_app(db)
    async with app.run_test(size=(120, 30)) as pilot:
        deadline = time.monotonic() + 60  # bounds a hang; no measurement
        # Neither settle() nor pause(): the one waits for the held read, the other for the
        # screen, which (once it is shown) waits for its rows.
        await spin(lambda: isinstance(pilot.app.screen, HomeScreen), deadline)
        home = pilot.app.screen
        assert isinstance(home, HomeScreen) and not home.loaded
        burst(pilot, "j", "j", "enter")
        await keys_handed_on(pilot, deadline)
        go.set()
        assert await opened_case(pilot) == "C-103"


async def test_a_settle_queued_on_a_list_that_was_left_does_nothing(db: Path) -> None:
    """``u`` pressed while the lead's list still put its rows in place, then another user
    chosen: the settle queued by the list's last scroll runs after the list has gone, and
    must find nothing to do (it crashed, looking for the list's position line)."""
    from moderator.tui.screens.picker import PickerScreen

    app = make_app(db, "lee")
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_screen(pilot, LeadHomeScreen)
        home = pilot.app.screen
        assert isinstance(home, LeadHomeScreen)
        await until(pilot, lambda: len(home.shown) == 4, "the four audits")
        burst(pilot, "u")
        await wait_for_screen(pilot, PickerScreen)
        burst(pilot, "enter")  # the first user on the picker: the lead's list is left
        await until(pilot, lambda: not home.is_attached, "the lead's list gone")
        # what may still be queued for it: a settle, a scroll's last event, its position
        home.settle()
        home.scrolled(0.0)
        home.show_position()
        await settle(pilot)
        assert pilot.app.screen is not home


async def test_keys_typed_before_a_leads_list_has_its_first_page_act_on_it(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """j, j, Enter sent the moment the lead's list opens, while its first page is read:
    they wait for the page, then the third audit opens (they were dropped on the empty
    table, and the list stayed on its first row)."""
    read_page = LeadHomeScreen.read_page
    go = threading.Event()

    def held_read_page(self: LeadHomeScreen, view: View, offset: int, limit: int) -> Any:
        assert go.wait(60)  # the test lets the read finish once the keys are sent
        return read_page(self, view, offset, limit)

    monkeypatch.setattr(LeadHomeScreen, "read_page", held_read_page)
    app = make_app(db, "lee")
    async with app.run_test(size=(120, 30)) as pilot:
        deadline = time.monotonic() + 60  # bounds a hang; no measurement
        # Neither settle() nor pause(): the one waits for the held read, the other for the
        # screen, which (once it is shown) waits for its first page.
        await spin(lambda: isinstance(pilot.app.screen, LeadHomeScreen), deadline)
        home = pilot.app.screen
        assert isinstance(home, LeadHomeScreen) and not home.loaded
        burst(pilot, "j", "j", "enter")
        await keys_handed_on(pilot, deadline)
        go.set()
        await until(pilot, lambda: home.loaded, "the first page")
        await settle(pilot)
        assert pilot.app.screen is not home, "the keys typed before the first page were dropped"
        assert await opened_case(pilot) == home.shown[2].case_ref


async def test_a_burst_that_opens_the_dashboard_drills_into_the_row_the_keys_reached(
    drift_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """d, then ] to the managers, j to the second and Enter, in one burst while the report
    is still being built: the keys wait for it, and noa's audits open (j and Enter were
    dropped on the empty table, and the dashboard stayed on the first manager)."""
    from moderator.services import reporting

    report_counts = reporting.report_counts
    go = threading.Event()

    def held_report_counts(*args: Any, **kwargs: Any) -> Any:
        assert go.wait(60)  # the test lets the count finish once the keys are handled
        return report_counts(*args, **kwargs)

    monkeypatch.setattr(reporting, "report_counts", held_report_counts)
    app = make_app(drift_db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        home = pilot.app.screen
        burst(pilot, "d", "right_square_bracket", "j", "enter")
        deadline = time.monotonic() + 60  # bounds a hang; no measurement
        # Not until(): its settle() would wait for the held count.
        await spin(lambda: pilot.app.screen is not home, deadline)
        dash = pilot.app.screen
        assert isinstance(dash, DashboardScreen) and not dash.loaded
        await keys_handed_on(pilot, deadline)
        go.set()
        await until(pilot, lambda: dash.loaded, "the dashboard's report")
        await settle(pilot)
        drill = pilot.app.screen
        assert isinstance(drill, DriftAuditsScreen), "the keys typed before the report were dropped"
        assert drill.heading.startswith("noa")  # managers: mia, noa, max


async def test_a_leads_list_reads_its_counts_once_as_it_opens(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first page is read before the list is shown; showing it does not read it again
    (a lead's counts are a GROUP BY over every audit)."""
    read_counts = LeadHomeScreen.read_counts
    reads: list[int] = []

    def counted(self: LeadHomeScreen) -> Any:
        reads.append(1)
        return read_counts(self)

    monkeypatch.setattr(LeadHomeScreen, "read_counts", counted)
    app = make_app(db, "lee")
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_screen(pilot, LeadHomeScreen)
        await settle(pilot)
        assert len(reads) == 1
        await pilot.press("enter")  # an audit, and back: the list is read again
        await wait_for_screen(pilot, GradingScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, LeadHomeScreen)
        await until(pilot, lambda: len(reads) == 2, "the list read again")


@pytest.mark.parametrize("moves", [(), ("down", "up")])
async def test_keys_sent_with_the_enter_that_signs_a_lead_in_act_on_their_list(
    db: Path, moves: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the user picker, Enter on the lead then j, j, Enter in one burst: the lead's list
    opens and the third audit with it (the j's were typed into the picker's search, which
    then found no one, and Enter chose no one). The first page is held until the keys are
    in: they reach the list's bindings from the picker, and wait there for its rows."""
    from moderator.tui.screens.picker import PickerScreen

    read_page = LeadHomeScreen.read_page
    go = threading.Event()

    def held_read_page(self: LeadHomeScreen, view: View, offset: int, limit: int) -> Any:
        assert go.wait(60)  # the test lets the read finish once the keys are sent
        return read_page(self, view, offset, limit)

    monkeypatch.setattr(LeadHomeScreen, "read_page", held_read_page)
    app = make_app(db, user=None)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_screen(pilot, PickerScreen)
        picker = pilot.app.screen
        assert isinstance(picker, PickerScreen) and picker.users[0].name == "lee"
        find = picker.query_one("#find", Input)
        burst(pilot, *moves, "enter", "j", "j", "enter")
        deadline = time.monotonic() + 60  # bounds a hang; no measurement
        # Not until(): its settle() would wait for the held read.
        await spin(
            lambda: any(isinstance(s, LeadHomeScreen) for s in pilot.app.screen_stack), deadline
        )
        await keys_handed_on(pilot, deadline)
        go.set()
        await until(
            pilot,
            lambda: isinstance(pilot.app.screen, GradingScreen) or bool(find.value),
            "an audit opened, or the keys typed into the search",
        )
        assert not find.value, "the keys after Enter were typed into the picker's search"
        case = await opened_case(pilot)
        home = pilot.app.screen_stack[-2]
        assert isinstance(home, LeadHomeScreen) and case == home.shown[2].case_ref
