"""Keys typed after the Enter that chooses a user from the picker's search act on that user's list.

A name typed into the picker's search, Enter, then ``j j Enter``, all in one burst (a fast
typist, a paste, tmux send-keys): the chosen user's list opens with the row the two j's
reached. The keys are handed to the app the way a terminal delivers a burst (``burst``).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from moderator.tui.screens.home import HomeScreen
from moderator.tui.screens.lead_home import LeadHomeScreen
from moderator.tui.screens.paged import View
from moderator.tui.screens.picker import PickerScreen
from tests.test_tui_burst import burst, keys_handed_on, opened_case, spin, until
from tests.test_tui_grading import make_app, settle, wait_for_screen

pytestmark = pytest.mark.usefixtures("mini_rubrics")


@pytest.fixture
def db(tmp_path: Path, mini_rubrics: Path) -> Path:
    from tests.tui_support import build_workbench_db

    return build_workbench_db(tmp_path / "work.db")


async def picker_of(pilot: Pilot[None]) -> PickerScreen:
    """The user picker, as the app opens on a database where no one was chosen."""
    await wait_for_screen(pilot, PickerScreen)
    picker = pilot.app.screen
    assert isinstance(picker, PickerScreen)
    assert [u.name for u in picker.users] == ["lee", "max", "mia", "oli"]
    return picker


@pytest.mark.parametrize("send", ["burst", "press"])
@pytest.mark.parametrize("name", ["mi", "mia"])
async def test_a_name_searched_then_enter_j_j_enter_in_one_burst_opens_the_third_audit(
    db: Path, name: str, send: str
) -> None:
    """m i (typed on the list: they start the search), Enter, j, j, Enter: mia's list opens
    and the third of her audits with it (in a burst, the list opened on its first row and
    nothing opened: the Enter reached the search box's own submit, and the keys after it
    were read by the picker, which has no use for them). ``press`` hands on each key only
    once the app is idle: it passed before the fix too, and must still."""
    app = make_app(db, user=None)
    async with app.run_test(size=(120, 30)) as pilot:
        await picker_of(pilot)
        keys = (*name, "enter", "j", "j", "enter")
        if send == "burst":
            burst(pilot, *keys)
        else:
            await pilot.press(*keys)
        assert await opened_case(pilot) == "C-103"  # mia's list: C-102, C-101, C-103
        home = pilot.app.screen_stack[-2]
        assert isinstance(home, HomeScreen) and home.user.name == "mia"


async def test_keys_sent_after_the_enter_that_chooses_from_the_search_box_reach_the_list(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search box already has the name (typed a key at a time); then Enter j j Enter in
    one burst, while the lead's first page is still being read: the keys after Enter wait
    for it and act on it, in order; none is typed into the search (they were, and the
    picker stayed, finding no one)."""
    read_page = LeadHomeScreen.read_page
    go = threading.Event()
    go.set()

    def held_read_page(self: LeadHomeScreen, view: View, offset: int, limit: int) -> Any:
        assert go.wait(60)  # the test lets the read finish once the keys are sent
        return read_page(self, view, offset, limit)

    monkeypatch.setattr(LeadHomeScreen, "read_page", held_read_page)
    app = make_app(db, user=None)
    async with app.run_test(size=(120, 30)) as pilot:
        picker = await picker_of(pilot)
        await pilot.press("l", "e", "e")
        find = picker.query_one("#find", Input)
        assert find.has_focus and find.value == "lee"
        assert [u.name for u in picker.shown] == ["lee"]
        go.clear()
        try:
            burst(pilot, "enter", "j", "j", "enter")
            deadline = time.monotonic() + 60  # bounds a hang; no measurement
            # Not until(): its settle() would wait for the held read.
            await spin(lambda: isinstance(pilot.app.screen, LeadHomeScreen), deadline)
            await keys_handed_on(pilot, deadline)
        finally:
            go.set()
        case = await opened_case(pilot)
        assert find.value == "lee", "the keys after Enter were typed into the search"
        home = pilot.app.screen_stack[-2]
        assert isinstance(home, LeadHomeScreen) and case == home.shown[2].case_ref


async def test_enter_in_the_search_box_says_when_no_one_matches(db: Path) -> None:
    """Nobody matches: Enter chooses no one and says so; the search stays as typed, to be
    corrected, and the keys typed after the Enter are typed into it."""
    app = make_app(db, user=None)
    async with app.run_test(size=(120, 30)) as pilot:
        picker = await picker_of(pilot)
        burst(pilot, "z", "z", "enter", "b")
        find = picker.query_one("#find", Input)
        await until(pilot, lambda: find.value == "zzb", "the key after Enter typed")
        await settle(pilot)
        assert pilot.app.screen is picker and pilot.app.user is None  # type: ignore[attr-defined]
        said = [n.message for n in pilot.app._notifications]
        assert said == ["No user matches 'zz': change the search to find a name."]
        assert find.has_focus and picker.shown == []
        await pilot.press("backspace", "backspace", "backspace", "l", "e", "e")
        assert [u.name for u in picker.shown] == ["lee"]
        await pilot.press("enter")
        await wait_for_screen(pilot, LeadHomeScreen)


async def test_enter_in_the_search_box_with_several_matches_moves_to_them(db: Path) -> None:
    """m finds max, mia and oli (a moderator): Enter moves to the list of them, the first
    highlighted, and a second Enter chooses the one highlighted (as before)."""
    app = make_app(db, user=None)
    async with app.run_test(size=(120, 30)) as pilot:
        picker = await picker_of(pilot)
        await pilot.press("m", "enter")
        options = picker.query_one("#users", OptionList)
        assert [u.name for u in picker.shown] == ["max", "mia", "oli"]
        assert options.has_focus and options.highlighted == 0
        await pilot.press("down", "enter")
        await wait_for_screen(pilot, HomeScreen)
        assert pilot.app.user.name == "mia"  # type: ignore[attr-defined]


async def test_a_burst_through_several_matches_chooses_the_one_the_keys_reached(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """m, Enter (three match: on to the list of them), Down, Enter, then j, j, Enter, in
    one burst while mia's list is still being read: mia is chosen, and the third of her
    audits opens once her list has its rows."""
    read_rows = HomeScreen.read_rows
    go = threading.Event()

    def held_read_rows(self: HomeScreen) -> Any:
        assert go.wait(60)  # the test lets the read finish once the keys are sent
        return read_rows(self)

    monkeypatch.setattr(HomeScreen, "read_rows", held_read_rows)
    app = make_app(db, user=None)
    async with app.run_test(size=(120, 30)) as pilot:
        try:
            await picker_of(pilot)
            burst(pilot, "m", "enter", "down", "enter", "j", "j", "enter")
            deadline = time.monotonic() + 60  # bounds a hang; no measurement
            # Not until(): its settle() would wait for the held read.
            await spin(lambda: isinstance(pilot.app.screen, HomeScreen), deadline)
            await keys_handed_on(pilot, deadline)
        finally:
            go.set()
        assert await opened_case(pilot) == "C-103"
        home = pilot.app.screen_stack[-2]
        assert isinstance(home, HomeScreen) and home.user.name == "mia"


@pytest.mark.parametrize("focus", ["list", "search"])
async def test_the_picker_takes_keys_again_after_help_took_the_enter_before_it(
    db: Path, focus: str
) -> None:
    """Enter then ? in one burst, on the list (or in the search, finding lee): help opens
    at once, before the Enter has chosen, and the Enter goes to help. Back on the picker,
    typing finds a name again and Enter chooses (the picker stayed waiting for its Enter,
    and kept every key typed from the search)."""
    from moderator.tui.screens.help import HelpScreen

    app = make_app(db, user=None)
    async with app.run_test(size=(120, 30)) as pilot:
        picker = await picker_of(pilot)
        if focus == "search":
            await pilot.press("l", "e", "e")
        burst(pilot, "enter", "question_mark")
        await until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen), "help")
        await pilot.press("escape")
        await wait_for_screen(pilot, PickerScreen)
        find = picker.query_one("#find", Input)
        await pilot.press(*("backspace",) * len(find.value), "o", "l")
        assert find.value == "ol" and [u.name for u in picker.shown] == ["oli"]
        await pilot.press("enter")
        await until(pilot, lambda: pilot.app.user is not None, "someone chosen")  # type: ignore[attr-defined]
        assert pilot.app.user.name == "oli"  # type: ignore[attr-defined]


@pytest.mark.parametrize("focus", ["list", "search"])
async def test_escape_on_the_picker_opened_with_u_goes_back_to_the_list_as_you_were(
    db: Path, focus: str
) -> None:
    """u opens the picker over mia's list; Esc (on the names, or after typing a search)
    leaves it: back on mia's list, still mia, on the audit she was on (the picker could
    only be left by choosing someone). At start-up, with no one chosen, Esc stays."""
    from moderator.tui.widgets.footer import Footer

    app = make_app(db, user=None)
    async with app.run_test(size=(120, 30)) as pilot:
        picker = await picker_of(pilot)
        await pilot.press("escape")  # nobody works yet: nowhere to go back to
        await settle(pilot)
        assert pilot.app.screen is picker
        assert "Back" not in picker.query_one(Footer).render().plain
        await pilot.press(*"mia", "enter")
        await wait_for_screen(pilot, HomeScreen)
        home = pilot.app.screen
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        on_row = home.query_one("DataTable").cursor_row  # type: ignore[attr-defined]
        await pilot.press("u")
        await wait_for_screen(pilot, PickerScreen)
        again = pilot.app.screen
        assert "esc Back" in again.query_one(Footer).render().plain
        if focus == "search":
            await pilot.press(*"ol")
        await pilot.press("escape")
        await until(pilot, lambda: pilot.app.screen is home, "back on mia's list")
        assert pilot.app.user.name == "mia"  # type: ignore[attr-defined]
        assert home.query_one("DataTable").cursor_row == on_row  # type: ignore[attr-defined]
