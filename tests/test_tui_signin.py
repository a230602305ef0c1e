"""The workbench in a secured database: sign-in, a lead's temporary password, `u`, the idle lock."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from moderator.services.auth import set_password
from moderator.services.users import get_user
from moderator.settings import load_settings
from moderator.store import open_store
from moderator.tui.app import ModeratorApp, create_app
from moderator.tui.screens.grading import GradingScreen
from moderator.tui.screens.home import HomeScreen
from moderator.tui.screens.picker import PickerScreen
from moderator.tui.screens.signin import LockScreen, NewPasswordDialog, SignInScreen
from tests.test_tui_grading import keys, open_case, settle, wait_for_screen
from tests.tui_support import TODAY, build_workbench_db

LEE_PW = "lee's long passphrase"
MIA_PW = "mia's own passphrase"
MAX_TEMP = "temporary for max 7"


@pytest.fixture
def db(tmp_path: Path, mini_rubrics: Path) -> Path:
    """The workbench database, secured: lee and mia chose their passwords, max has a temporary one."""
    path = build_workbench_db(tmp_path / "work.db")
    with open_store(path) as store:
        lee, mia = get_user(store, "lee"), get_user(store, "mia")
        set_password(store, lee, "lee", LEE_PW)
        set_password(store, lee, "mia", "set by lee for mia")
        set_password(store, mia, "mia", MIA_PW)
        set_password(store, lee, "max", MAX_TEMP)
    return path


def make_app(db: Path, user: str | None = "mia", idle_minutes: float = 15) -> ModeratorApp:
    settings = load_settings(
        db=db, user=user, signin_delay_seconds=0, idle_lock_minutes=idle_minutes
    )
    return create_app(settings, today=lambda: TODAY, cursor_blink=False)


async def sign_in(pilot: Pilot[None], name: str | None, password: str) -> None:
    await wait_for_screen(pilot, SignInScreen)
    if name is not None:
        await pilot.press(*keys(name), "enter")
    await pilot.press(*keys(password), "enter")
    await settle(pilot)


def problem(pilot: Pilot[None]) -> str:
    return str(pilot.app.screen.query_one("#picker-problem", Static).render())


async def wait_until(pilot: Pilot[None], condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 60  # bounds a hang; no measurement
    while time.monotonic() < deadline and not condition():
        await pilot.pause()
    assert condition()


@pytest.fixture
def slow_check(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Each password check waits until the test sets the event (the pause after failures)."""
    from moderator.services import auth

    gate, real = threading.Event(), auth.sign_in

    def held(*args: object, **kwargs: object) -> object:
        assert gate.wait(60)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(auth, "sign_in", held)
    return gate


async def test_the_next_password_typed_during_a_slow_check_stays_hidden(
    db: Path, slow_check: threading.Event
) -> None:
    """Typing the next try while a wrong one is checked: it goes in the password field,
    never into the name in plain text; "Checking…" is not shown as an error."""
    app = make_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, SignInScreen)
        screen = pilot.app.screen
        name = screen.query_one("#signin-name", Input)
        password = screen.query_one("#signin-password", Input)
        line = screen.query_one("#picker-problem", Static)
        await pilot.press(*keys("not it"), "enter")
        await wait_until(pilot, lambda: "Checking" in problem(pilot))
        checking_colour = line.styles.color
        await pilot.press(*keys("bad-password-5"))
        await pilot.pause()
        assert screen.focused is password
        assert name.value == "mia"
        assert password.value == "bad-password-5"  # the next try, hidden, not lost
        slow_check.set()
        await wait_until(pilot, lambda: "sign-in failed" in problem(pilot))
        assert line.styles.color != checking_colour  # the refusal is the error, not the check
        assert screen.focused is password and password.value == "bad-password-5"
        assert name.value == "mia"
        # Enter typed while a check runs sends the next try once the check says no.
        slow_check.clear()
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Checking" in problem(pilot))
        await pilot.press(*keys(MIA_PW), "enter")
        assert screen.focused is password and name.value == "mia"
        slow_check.set()
        await wait_for_screen(pilot, HomeScreen)
        assert app.user is not None and app.user.name == "mia"


async def test_a_secured_database_signs_in_instead_of_picking(db: Path) -> None:
    app = make_app(db)  # the config's user is only offered, not trusted
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, SignInScreen)
        assert pilot.app.screen.query_one("#signin-name", Input).value == "mia"
        await pilot.press(*keys("not it"), "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SignInScreen)
        assert "sign-in failed" in problem(pilot)
        assert app.user is None
        await pilot.press(*keys(MIA_PW), "enter")
        await wait_for_screen(pilot, HomeScreen)
        assert app.user is not None and app.user.name == "mia"
    with open_store(db) as store:
        kinds = [e["kind"] for e in store.events("user") if e["kind"].startswith("signin")]
    assert kinds == ["signin.fail", "signin.ok"]


async def test_a_temporary_password_is_replaced_at_first_sign_in(db: Path) -> None:
    app = make_app(db, user=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, "max", MAX_TEMP)
        await wait_for_screen(pilot, NewPasswordDialog)
        await pilot.press(*keys("max's new one 1"), "enter", *keys("max's new one 2"), "enter")
        await settle(pilot)
        assert "differ" in str(pilot.app.screen.query_one("#new-password-problem").render())
        await pilot.press(*keys("max's new one 1"), "enter")
        await wait_for_screen(pilot, HomeScreen)
        assert app.user is not None and app.user.name == "max"
    with open_store(db) as store:
        row = store.row(
            "SELECT temporary FROM credentials JOIN users ON id = user_id WHERE name = 'max'"
        )
    assert row == {"temporary": 0}


async def test_switching_user_signs_in_again(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, None, MIA_PW)
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("u")
        await wait_for_screen(pilot, SignInScreen)
        assert pilot.app.screen.query_one("#signin-name", Input).value == ""
        await sign_in(pilot, "lee", "mia's own passphrase")  # mia's password is not lee's
        assert isinstance(pilot.app.screen, SignInScreen)
        await pilot.press(*keys(LEE_PW), "enter")
        await wait_for_screen(pilot, HomeScreen)
        assert app.user is not None and app.user.name == "lee"


async def test_an_idle_workbench_locks_and_unlocks_where_it_was(db: Path) -> None:
    app = make_app(db, idle_minutes=15)
    assert app.idle_lock_seconds == 15 * 60
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, None, MIA_PW)
        screen = await open_case(pilot, "C-101")
        await pilot.press("n", *keys("half a sentence"))  # a draft note, still being typed
        app.idle_lock_seconds = 0.2  # tiny, so the test need not wait 15 minutes
        app.start_idle_lock()
        deadline = time.monotonic() + 60  # a bound on a hang, not a measurement
        while time.monotonic() < deadline and not isinstance(pilot.app.screen, LockScreen):
            await pilot.pause()  # the app runs its timer and its messages; no fixed wait
        assert isinstance(pilot.app.screen, LockScreen)
        app.idle_lock_seconds = 0  # no second lock while the test types
        await pilot.press("question_mark")  # the app's own keys do nothing while locked
        assert isinstance(pilot.app.screen, LockScreen)
        await pilot.press(*keys("wrong"), "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, LockScreen)
        assert str(pilot.app.screen.query_one("#lock-problem").render()) == "Wrong password."
        await pilot.press(*keys(MIA_PW), "enter")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert isinstance(screen, GradingScreen)
        assert screen.query_one("#note", TextArea).text == "half a sentence"


async def test_the_open_demo_needs_no_password(tmp_path: Path) -> None:
    from moderator.tui.launch import prepare_demo_database

    path = tmp_path / "demo.db"
    prepare_demo_database(path)
    app = create_app(path, None, cursor_blink=False, remember_user=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, PickerScreen)
        assert not app.secured


@pytest.mark.parametrize("served", [False, True], ids=["terminal", "browser-tab"])
async def test_after_an_unlock_the_keys_work_and_the_lock_comes_back(
    db: Path, served: bool
) -> None:
    """Once unlocked, the app stayed 'locked' for good: the lock's callback was owed to the
    sign-in screen, gone by then, so `?`, Ctrl+P and the footer's keys were refused and no
    idle spell ever locked the workbench again."""
    from tests.test_tui_home import footer_text
    from tests.test_tui_palette import HelpScreen

    idle = 0.01  # minutes: under a second, so the test need not wait 15 minutes
    settings = load_settings(db=db, user="mia", signin_delay_seconds=0, idle_lock_minutes=idle)
    app = create_app(settings, today=lambda: TODAY, cursor_blink=False, served=served)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, None, MIA_PW)  # the lock is watched from here, as in use
        for spell in range(2):
            app.idle_lock_seconds = idle * 60
            await wait_for_screen(pilot, LockScreen)
            app.idle_lock_seconds = 0  # no lock while the test types
            await pilot.press(*keys(MIA_PW), "enter")
            await wait_for_screen(pilot, HomeScreen)
            assert not app.locked, spell
            assert "? Help" in footer_text(pilot) and "^p Commands" in footer_text(pilot)
            await pilot.press("question_mark")
            await wait_for_screen(pilot, HelpScreen)
            await pilot.press("escape")
            await wait_for_screen(pilot, HomeScreen)
            await pilot.press("ctrl+p")
            await wait_until(pilot, lambda: type(pilot.app.screen).__name__ == "CommandPalette")
            await pilot.press("escape")
            await wait_for_screen(pilot, HomeScreen)


async def test_the_lock_hides_the_work_and_its_refusals_fit_the_dialog(db: Path) -> None:
    """The lock's backdrop showed the case, grades and note around the dialog; a wrong
    password spoke of a name the lock never asks, and ran onto the Sign out button."""
    from textual.widgets import Button

    settings = load_settings(
        db=db, user="mia", signin_delay_seconds=0, idle_lock_minutes=15, signin_max_failures=1
    )
    app = create_app(settings, today=lambda: TODAY, cursor_blink=False, served=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, None, MIA_PW)
        await open_case(pilot, "C-101")
        await pilot.press("n", *keys("halfwritten note"))
        assert "halfwritten" in app.export_screenshot() and "Criteria" in app.export_screenshot()
        app.idle_lock_seconds = 0.2  # tiny, so the test need not wait 15 minutes
        app.start_idle_lock()
        await wait_for_screen(pilot, LockScreen)
        app.idle_lock_seconds = 0
        shown = app.export_screenshot()
        assert "Locked" in shown
        assert "halfwritten" not in shown and "Criteria" not in shown  # nothing shows through
        lock = pilot.app.screen
        problem = lock.query_one("#lock-problem", Static)
        box, button = lock.query_one("#lock-box"), lock.query_one("#lock-sign-out", Button)
        await pilot.press(*keys("wrong"), "enter")
        await wait_until(pilot, lambda: str(problem.render()) != "Checking…")
        assert str(problem.render()) == "Wrong password."
        await pilot.press(*keys("wrong"), "enter")  # one failure locks mia's account
        await wait_until(pilot, lambda: "too many" in str(problem.render()))
        await pilot.pause()
        said = problem.content_region
        assert said.height >= 2  # wrapped, within the dialog, clear of the button's border
        assert box.region.contains_region(said)
        assert said.bottom < button.region.y, (said, button.region)


async def test_a_new_password_refused_shows_as_an_error_with_nothing_checking_behind(
    db: Path,
) -> None:
    """'Choose your own password': its "too short" was plain text, with the sign-in's
    "Checking…" still showing behind the dialog."""
    app = make_app(db, user=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, "max", MAX_TEMP)
        await wait_for_screen(pilot, NewPasswordDialog)
        signin = pilot.app.screen_stack[-2]
        assert isinstance(signin, SignInScreen)
        assert problem_of(signin) == ""  # the check is over: no "Checking…" behind
        await pilot.press(*keys("short"), "enter", *keys("short"), "enter")
        await settle(pilot)
        line = pilot.app.screen.query_one("#new-password-problem", Static)
        assert "too short" in str(line.render())
        error = signin.query_one("#picker-problem", Static)  # the sign-in's error colour
        assert line.styles.color == error.styles.color != signin.query_one(".hint").styles.color


def problem_of(screen: SignInScreen) -> str:
    return str(screen.query_one("#picker-problem", Static).render())
