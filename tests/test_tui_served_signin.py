"""Signing in from a browser tab (``moderator serve``): the picker's clicks, its wording, the browser's keys.

A browser page takes a first click to get focus, and keeps some keys for itself (Ctrl+T is
a new tab, Ctrl+Q quits Firefox); a tab remembers no one. The tab's app is built as
``serve_tab`` builds it (:func:`tab_app`), so the code path is the served one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from moderator.cli.serve_tab import tab_app
from moderator.tui.screens.home import HomeScreen
from moderator.tui.screens.picker import PickerScreen
from tests.test_tui_grading import make_app, settle, wait_for_screen
from tests.test_tui_home import footer_text
from tests.test_tui_palette import help_sections, palette_entries
from tests.tui_support import build_workbench_db

pytestmark = pytest.mark.usefixtures("mini_rubrics")

NAMES = ["lee", "max", "mia", "oli"]


@pytest.fixture
def db(tmp_path: Path, mini_rubrics: Path) -> Path:
    return build_workbench_db(tmp_path / "work.db")


async def picker_of(pilot: Pilot[None]) -> PickerScreen:
    await wait_for_screen(pilot, PickerScreen)
    picker = pilot.app.screen
    assert isinstance(picker, PickerScreen)
    assert [u.name for u in picker.users] == NAMES
    return picker


async def click_name(pilot: Pilot[None], picker: PickerScreen, name: str) -> None:
    users = picker.query_one("#users", OptionList)
    top = users.content_region.y  # a name a line, the first at the top
    await pilot.click(offset=(users.content_region.x + 4, top + NAMES.index(name)))
    await settle(pilot)


def hint(picker: PickerScreen) -> str:
    return str(picker.query_one(".hint", Static).render())


async def test_one_click_on_a_name_highlights_it_and_a_second_click_chooses(db: Path) -> None:
    app = make_app(db, user=None)
    async with app.run_test(size=(100, 30)) as pilot:
        picker = await picker_of(pilot)
        users = picker.query_one("#users", OptionList)
        await click_name(pilot, picker, "lee")  # the first name, highlighted already
        assert pilot.app.screen is picker and app.user is None
        await click_name(pilot, picker, "mia")
        assert pilot.app.screen is picker and app.user is None
        assert users.highlighted == NAMES.index("mia")
        await click_name(pilot, picker, "mia")
        await wait_for_screen(pilot, HomeScreen)
        assert app.user is not None and app.user.name == "mia"


async def test_enter_chooses_the_name_a_click_highlighted(db: Path) -> None:
    app = make_app(db, user=None)
    async with app.run_test(size=(100, 30)) as pilot:
        picker = await picker_of(pilot)
        await click_name(pilot, picker, "max")
        assert app.user is None
        await pilot.press("enter")
        await wait_for_screen(pilot, HomeScreen)
        assert app.user is not None and app.user.name == "max"


async def test_a_browser_tab_promises_no_remembering(db: Path) -> None:
    async with make_app(db, user=None).run_test(size=(100, 30)) as pilot:
        assert "remembers the choice" in hint(await picker_of(pilot))  # the terminal does
    async with tab_app(db).run_test(size=(100, 30)) as pilot:
        said = hint(await picker_of(pilot))
        assert "remember" not in said and "once you work, u switches user" in said, said
        assert "click a name twice" in said


async def test_a_browser_tab_has_no_quit_or_theme_key_and_signs_out_instead(db: Path) -> None:
    """A browser keeps Ctrl+T (a new tab) and Ctrl+Q (Firefox quits); quitting a tab's
    workbench left a dead "Session ended." page. In a tab neither key is bound nor shown,
    and the palette's way out is Sign out: back to the picker, the page alive."""
    async with make_app(db, user="lee").run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        assert "^q Quit" in footer_text(pilot)  # the terminal keeps its keys
        entries = await palette_entries(pilot, "", "Switch between dark and light")
        assert any("Ctrl+T" in e for e in entries), entries
        assert not any("sign out" in e for e in entries), entries
    app = tab_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await picker_of(pilot)
        await pilot.press("enter")  # lee
        await wait_for_screen(pilot, HomeScreen)
        shown = footer_text(pilot)
        assert "Quit" not in shown and "^q" not in shown, shown
        theme = app.theme
        await pilot.press("ctrl+t", "ctrl+q")
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert app.theme == theme and isinstance(app.screen, HomeScreen)
        entries = await palette_entries(pilot, "", "Save everything and sign out")
        assert not any("Switch between dark and light" in e for e in entries), entries
        assert not any("quit" in e.lower() for e in entries), entries
        assert not any("Maximize" in e for e in entries), entries
        await pilot.press("escape")
        await settle(pilot)
        await palette_entries(pilot, "sign out", "Save everything and sign out")
        await pilot.press("enter")
        picker = await picker_of(pilot)
        assert app.is_running and app.user is None
        assert pilot.app.screen_stack[1:] == [picker]  # lee's list is gone, not underneath
        await pilot.press("escape")  # nowhere to go back to: nobody is working
        await settle(pilot)
        assert pilot.app.screen is picker
        await click_name(pilot, picker, "mia")
        await pilot.press("enter")
        await wait_for_screen(pilot, HomeScreen)
        assert app.user is not None and app.user.name == "mia"


async def test_a_browser_tabs_help_lists_sign_out_and_no_theme_or_quit(db: Path) -> None:
    app = tab_app(db)
    async with app.run_test(size=(100, 40)) as pilot:
        await picker_of(pilot)
        await pilot.press("enter")  # lee
        await wait_for_screen(pilot, HomeScreen)
        rows = dict((d, k) for entries in (await help_sections(pilot)).values() for k, d in entries)
        assert rows["Save everything and sign out"] == "palette"
        assert "Switch between dark and light" not in rows
        assert "Save everything and quit" not in rows
        assert rows["Show every key and what it does (F1 while typing in a field)"] == "? / F1"
    async with make_app(db, user="lee").run_test(size=(100, 40)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        rows = dict((d, k) for entries in (await help_sections(pilot)).values() for k, d in entries)
        assert rows["Save everything and quit"] == "Ctrl+Q"
        assert rows["Switch between dark and light"] == "Ctrl+T"
        assert "Save everything and sign out" not in rows


async def test_a_locked_browser_tab_signs_out_keeping_the_draft(
    tmp_path: Path, mini_rubrics: Path
) -> None:
    """A tab's idle lock promised "the palette's Quit (Ctrl+P)", but the palette is shut
    while locked (and Ctrl+Q is the browser's): it has a Sign out button, which saves the
    draft note and hands the tab over."""
    from moderator.services.auth import set_password
    from moderator.services.users import get_user
    from moderator.settings import load_settings
    from moderator.store import open_store
    from moderator.tui.app import create_app
    from moderator.tui.screens.signin import LockScreen, SignInScreen
    from tests.test_tui_grading import keys, open_case

    path = build_workbench_db(tmp_path / "secured.db")
    with open_store(path) as store:
        lee, mia = get_user(store, "lee"), get_user(store, "mia")
        set_password(store, lee, "lee", "lee's long passphrase")
        set_password(store, lee, "mia", "set by lee for mia")
        set_password(store, mia, "mia", "mia's long passphrase")  # her own: no new one asked
    settings = load_settings(db=path, user=None, signin_delay_seconds=0)
    app = create_app(settings, cursor_blink=False, remember_user=False, served=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, SignInScreen)
        await pilot.press(*keys("mia"), "enter", *keys("mia's long passphrase"), "enter")
        await open_case(pilot, "C-101")
        await pilot.press("n", *keys("half a sentence"))
        app.idle_lock_seconds = 0.2  # tiny, so the test need not wait 15 minutes
        app.start_idle_lock()
        await wait_for_screen(pilot, LockScreen)
        app.idle_lock_seconds = 0
        said = str(pilot.app.screen.query_one(".dialog-body", Static).render())
        assert "Sign out" in said and "Ctrl+" not in said, said
        await pilot.click("#lock-sign-out")
        await wait_for_screen(pilot, SignInScreen)
        assert app.is_running and app.user is None and not app.locked
        said = [str(n.message) for n in app._notifications]
        assert said == ["Signed out; your work was saved."], said  # a word, not silence
        assert len(pilot.app.screen_stack) == 2  # mia's screens are gone
    with open_store(path) as store:
        notes = store.rows("SELECT note FROM criterion_grades")
    assert any(n["note"] == "half a sentence" for n in notes), notes


async def test_signing_out_from_the_palette_says_so_on_the_picker(db: Path) -> None:
    """The palette's "Save everything and sign out" went back to the names without a word."""
    from moderator.tui.app import create_app
    from moderator.tui.screens.grading import GradingScreen
    from tests.test_tui_grading import keys, open_case

    app = create_app(db, "mia", cursor_blink=False, remember_user=False, served=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_case(pilot, "C-101")
        await pilot.press("ctrl+p", *keys("sign out"))
        await settle(pilot)
        await pilot.press("enter")
        await wait_for_screen(pilot, PickerScreen)
        assert app.user is None and not isinstance(pilot.app.screen, GradingScreen)
        said = [str(n.message) for n in app._notifications]
        assert said == ["Signed out; your work was saved."], said
