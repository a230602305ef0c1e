"""A lead's home on a few hundred audits, read ten at a time: every audit is reachable."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable, Static, Tabs

from moderator.services.audits import AuditSummary, list_audits
from moderator.services.users import get_user
from moderator.store import open_store
from moderator.tui.screens.grading import GradingScreen
from moderator.tui.screens.lead_home import LeadHomeScreen
from tests.paging_support import many_audits_db
from tests.test_tui_grading import make_app, settle, wait_for_screen
from tests.tui_support import TODAY

pytestmark = pytest.mark.usefixtures("mini_rubrics")

PAGE = 10


@pytest.fixture
def many(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    monkeypatch.setattr(LeadHomeScreen, "PAGE_SIZE", PAGE)
    return many_audits_db(tmp_path, tmp_path_factory.getbasetemp(), 300)


def stored(db: Path) -> list[AuditSummary]:
    with open_store(db) as store:
        return list_audits(store, get_user(store, "lee"))


async def until(pilot: Pilot[None], condition: Callable[[], bool], what: str) -> None:
    """Poll until ``condition`` holds (the pages are read in the background)."""
    deadline = time.monotonic() + 60  # bounds a hang; no measurement
    while time.monotonic() < deadline:
        await settle(pilot)
        if condition():
            return
        await pilot.pause()
    raise AssertionError(f"never happened: {what}")


async def lead_home(pilot: Pilot[None]) -> LeadHomeScreen:
    await wait_for_screen(pilot, LeadHomeScreen)
    home = pilot.app.screen
    assert isinstance(home, LeadHomeScreen)
    await until(pilot, lambda: bool(home.tab_counts), "the counts")
    return home


def position(home: LeadHomeScreen) -> str:
    return str(home.query_one("#empty", Static).render())


def last_row(home: LeadHomeScreen) -> str:
    table = home.query_one("#audits", DataTable)
    return str(table.get_row_at(table.row_count - 1)[0])


def current_case(home: LeadHomeScreen) -> str | None:
    audit = home.current()
    return None if audit is None else audit.case_ref


async def test_end_pagedown_and_the_wheel_reach_the_last_audit_holding_a_window(
    many: Path,
) -> None:
    everything = stored(many)
    cases = [a.case_ref for a in everything]
    app = make_app(many, "lee")
    async with app.run_test(size=(120, 30)) as pilot:
        home = await lead_home(pilot)
        assert home.window_start == 0 and len(home.shown) < len(cases)
        assert [a.case_ref for a in home.shown] == cases[: len(home.shown)]
        assert position(home).startswith("Audits 1–") and position(home).endswith("of 300")

        await pilot.press("end")  # the true last audit, without reading the ones between
        await until(pilot, lambda: current_case(home) == cases[-1], "End on the last audit")
        assert last_row(home) == cases[-1] and position(home).endswith("–300 of 300")
        assert len(home.shown) <= home.window_limit()
        await pilot.press("home")
        await until(pilot, lambda: current_case(home) == cases[0], "Home on the first audit")

        seen: list[str] = []
        for _ in range(100):  # PageDown, a screenful at a time, to the end
            await pilot.press("pagedown")
            await settle(pilot)
            seen.append(current_case(home) or "")
            assert len(home.shown) <= home.window_limit()
            if seen[-1] == cases[-1]:
                break
        assert seen[-1] == cases[-1]
        assert [c for c in cases if c in seen] == seen  # in the list's order, none skipped back

        await pilot.press("home")
        await until(pilot, lambda: current_case(home) == cases[0], "back to the first audit")
        table = home.query_one("#audits", DataTable)
        for _ in range(200):  # the mouse wheel over the table, to the bottom
            table.post_message(events.MouseScrollDown(table, 5, 5, 0, 1, 0, False, False, False))
            await settle(pilot)
            if last_row(home) == cases[-1] and position(home).endswith("–300 of 300"):
                break
        assert last_row(home) == cases[-1] and position(home).endswith("–300 of 300")


async def test_the_counts_shown_are_the_stored_states(many: Path) -> None:
    everything = stored(many)
    by_state = Counter(a.status for a in everything)
    overdue = sum(
        a.due is not None and a.due < TODAY and a.status != "submitted" for a in everything
    )
    app = make_app(many, "lee")
    async with app.run_test(size=(120, 30)) as pilot:
        home = await lead_home(pilot)
        labels = [str(t.label) for t in home.query_one("#states", Tabs).query("Tab")]
        assert labels == [
            "All 300",
            f"To do {by_state['todo']}",
            f"Drafts {by_state['draft']}",
            f"Submitted {by_state['submitted']}",
        ]
        summary = str(home.query_one("#summary", Static).render())
        todo, draft, done = by_state["todo"], by_state["draft"], by_state["submitted"]
        assert f"{todo} to do · {draft} in draft · {done} submitted · {overdue} overdue" in summary


async def test_state_search_and_sort_are_read_from_the_database_page_by_page(many: Path) -> None:
    everything = stored(many)
    submitted = [a.case_ref for a in everything if a.status == "submitted"]
    south = [a.case_ref for a in everything if a.status == "submitted" and "South" in a.team]
    app = make_app(many, "lee")
    async with app.run_test(size=(120, 30)) as pilot:
        home = await lead_home(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await until(pilot, lambda: position(home).endswith(f"of {len(submitted)}"), "Submitted")
        assert current_case(home) == submitted[0]
        await pilot.press("end")
        await until(pilot, lambda: current_case(home) == submitted[-1], "the last submitted")

        await pilot.press("slash", *"south", "tab")
        await until(pilot, lambda: position(home).endswith(f"of {len(south)}"), "the search")
        assert [a.case_ref for a in home.shown] == south[: len(home.shown)]
        await pilot.press("end")
        await until(pilot, lambda: current_case(home) == south[-1], "the last match")
        assert home.total == len(south) < home.tab_counts["submitted"]  # the whole list's

        await pilot.press("escape")  # clear the search; then Drafts, To do, All
        await pilot.press("left_square_bracket", "left_square_bracket", "left_square_bracket")
        await until(pilot, lambda: position(home).endswith("of 300"), "All again")
        await pilot.press("s")  # sort by case
        await until(pilot, lambda: current_case(home) == "P-0000", "sorted by case")
        await pilot.press("r")  # reversed
        await until(pilot, lambda: current_case(home) == "P-0299", "sorted by case, reversed")
        await pilot.press("end")
        await until(pilot, lambda: current_case(home) == "P-0000", "the last of the reversed list")


async def test_enter_in_the_search_opens_the_match_and_coming_back_keeps_it(many: Path) -> None:
    app = make_app(many, "lee")
    async with app.run_test(size=(120, 30)) as pilot:
        home = await lead_home(pilot)
        await pilot.press("slash", *"p-0123", "enter")  # typed faster than the pages are read
        await wait_for_screen(pilot, GradingScreen)
        screen = pilot.app.screen
        assert isinstance(screen, GradingScreen)
        assert screen.sheet is not None and screen.sheet.case_ref == "P-0123"
        await pilot.press("escape")
        await wait_for_screen(pilot, LeadHomeScreen)
        await until(pilot, lambda: current_case(home) == "P-0123", "back on the audit opened")
        assert position(home) == "Audits 1–1 of 1"


async def test_from_the_end_the_wheel_and_pageup_climb_back_to_the_first_audit(many: Path) -> None:
    cases = [a.case_ref for a in stored(many)]
    app = make_app(many, "lee")
    async with app.run_test(size=(120, 30)) as pilot:
        home = await lead_home(pilot)
        table = home.query_one("#audits", DataTable)
        await pilot.press("end")
        await until(pilot, lambda: current_case(home) == cases[-1], "End on the last audit")
        for _ in range(200):  # the wheel up, to the top: the pages before are read in turn
            table.post_message(events.MouseScrollUp(table, 5, 5, 0, -1, 0, False, False, False))
            await settle(pilot)
            if position(home).startswith("Audits 1–"):
                break
        assert home.window_start == 0 and position(home).startswith("Audits 1–")
        assert str(table.get_row_at(0)[0]) == cases[0]
        held = [a.case_ref for a in home.shown]
        assert held == cases[: len(held)]  # the window is the list, in order, nothing lost

        await pilot.press("end")
        await until(pilot, lambda: current_case(home) == cases[-1], "End again")
        for _ in range(100):
            await pilot.press("pageup")
            await settle(pilot)
            if current_case(home) == cases[0]:
                break
        assert current_case(home) == cases[0]


async def test_the_tabs_count_what_the_search_leaves_from_the_database(many: Path) -> None:
    everything = stored(many)
    south = Counter(a.status for a in everything if "South" in a.team)
    app = make_app(many, "lee")
    async with app.run_test(size=(120, 30)) as pilot:
        home = await lead_home(pilot)

        def labels() -> list[str]:
            return [str(t.label) for t in home.query_one("#states", Tabs).query("Tab")]

        found = [
            f"All {south.total()}",
            f"To do {south['todo']}",
            f"Drafts {south['draft']}",
            f"Submitted {south['submitted']}",
        ]
        await pilot.press("slash", *"south")
        await until(pilot, lambda: labels() == found, "the tabs counting the search")
        summary = str(home.query_one("#summary", Static).render())
        assert f"{south.total()} of 300 match the search" in summary
        await pilot.press("tab", "end")  # a page read from the end keeps the search's counts
        await until(pilot, lambda: position(home).endswith(f"of {south.total()}"), "the end")
        assert labels() == found
        await pilot.press("escape")
        await until(pilot, lambda: labels()[0] == "All 300", "the whole list's counts again")
        assert "match the search" not in str(home.query_one("#summary", Static).render())
