"""The workbench app: who is working, which database, and the screens on top.

``create_app`` builds the app for the CLI and for every UI test; ``tui/launch.py``
runs it for ``moderator`` and ``moderator demo``. Screens
live in ``tui/screens/`` and import lazily, so the first screen shows fast.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import App
from textual.message import Message
from textual.worker import Worker

from moderator.tui.actions import bindings_for
from moderator.tui.app_actions import AppActions
from moderator.tui.base import ModeratorScreen, ReportsWorkerFailures
from moderator.tui.commands import ActionCommands
from moderator.tui.idle import IdleLock
from moderator.tui.opening import OpensWork

if TYPE_CHECKING:
    from moderator.services.users import User
    from moderator.settings import Settings
    from moderator.store import Store

AFTER_FIRST_LIST = 0.5
"""Seconds after the first list is drawn before the integrity check and the loading of the
dashboard's libraries start: neither is needed to show it, and both would slow its drawing."""


class ModeratorApp(OpensWork, AppActions, IdleLock, ReportsWorkerFailures, App[None]):
    """The grading workbench."""

    CSS_PATH = "app.tcss"
    TITLE = "moderator"
    BINDINGS = bindings_for("app")
    COMMANDS = App.COMMANDS | {ActionCommands}

    class SessionOpened(Message):
        """The database is open; the user is known (or must be picked)."""

        def __init__(
            self,
            store: Store,
            user: User | None,
            users: list[User],
            problem: str | None,
            *,
            secured: bool = False,
        ) -> None:
            super().__init__()
            self.store = store
            self.user = user
            self.users = users
            self.problem = problem
            self.secured = secured
            """Everyone signs in (the sign-in screen instead of the picker)."""

    def __init__(
        self,
        settings: Settings,
        *,
        today: Callable[[], date] | None = None,
        notice: str | None = None,
        remember_user: bool = True,
        cursor_blink: bool = True,
        demo: bool = False,
        served: bool = False,
    ) -> None:
        self.started = time.perf_counter()
        super().__init__()
        self.settings = settings
        self.db_path = settings.db_path()
        self.user_name = settings.user or settings.remembered_user(self.db_path)
        """Who to open as (given, else the name last picked on this database)."""
        self.today: Callable[[], date] = today or date.today
        self.demo = demo
        """The demo: what the user does takes the demo's own clock (:attr:`store_clock`)."""
        self.store_clock: Callable[[], str] | None = None
        """The demo's clock once the session is open (None: the real one); every store the
        workbench opens on this database takes it."""
        self._fixed_today = today is not None
        self.notice = notice
        self.remember_user = remember_user
        self.cursor_blink = cursor_blink
        self.served = served
        """A browser tab's workbench (``moderator serve``): files go to the browser as downloads,
        nothing is read from or written to a path the user names on the server."""
        self.store: Store | None = None
        self.user: User | None = None
        self.secured = False
        self.idle_lock_seconds = settings.idle_lock_minutes * 60
        self.integrity_pending = False
        """The integrity check waits for the first screen's data (see :meth:`mark_ready`)."""
        self.integrity_checked = False
        """The integrity check has run (and warned, if it found anything)."""
        self.ready_after: float | None = None
        """Seconds from creation to the first screen with data (cold-start measure)."""
        self.quit_warned = False
        self.fatal: BaseException | None = None
        """Why the app could not start (re-raised by ``launch.run_app`` for the CLI to report)."""
        if settings.keys:
            self.set_keymap(settings.keys)

    # -- start-up ------------------------------------------------------------------------
    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        if self.notice:
            self.notify(self.notice, title="Demo", severity="warning", timeout=10)
        self.open_session()

    @work(thread=True, exclusive=True, group="db", exit_on_error=False)
    def open_session(self) -> None:
        """Open the database and find the user (worker thread)."""
        from moderator.services.auth import is_secured
        from moderator.services.users import find_user, list_users
        from moderator.store import open_store

        store = open_store(self.db_path)
        if self.demo:
            from moderator.demo import demo_clock

            self.store_clock = store.clock = demo_clock(store)
            if not self._fixed_today:
                clock = self.store_clock
                self.today = lambda: date.fromisoformat(clock()[:10])
        if is_secured(store):
            self.post_message(self.SessionOpened(store, None, [], None, secured=True))
            return
        user = find_user(store, self.user_name) if self.user_name else None
        problem = None
        if self.user_name and user is None:
            problem = f"There is no user {self.user_name!r} in {self.db_path}."
        users = [] if user is not None else list_users(store)
        self.post_message(self.SessionOpened(store, user, users, problem))

    def on_moderator_app_session_opened(self, message: SessionOpened) -> None:
        first = self.store is None
        self.store = message.store
        self.secured = message.secured
        if first and message.user is not None and not message.secured:
            # Their list comes first: the check starts once it is on screen (mark_ready).
            self.integrity_pending = True
        elif first:
            self.check_integrity()
        if message.secured:
            from moderator.tui.screens.signin import SignInScreen

            # Switching user (u) starts blank; at start-up, the remembered name is offered.
            name = None if self.user is not None else self.user_name
            self.push_screen(SignInScreen(name))
        elif message.user is not None:
            self.work_as(message.user, remember=False)
        else:
            from moderator.tui.screens.picker import PickerScreen

            self.push_screen(PickerScreen(message.users, message.problem))

    @work(thread=True, group="integrity", exit_on_error=False)
    def check_integrity(self) -> None:
        """Warn once, visibly, when the database was altered outside moderator (worker thread)."""
        from moderator.store.chain import check_chain_on_open

        warning = check_chain_on_open(self.require_store())
        if warning:
            self.call_from_thread(
                self.notify, warning, title="Integrity", severity="error", timeout=60
            )
        self.integrity_checked = True

    @work(thread=True, group="warm-up", exit_on_error=False)
    def warm_up(self) -> None:
        """Load the drift dashboard and what it computes with while the user reads their list."""
        from moderator.services.reporting import load_report_libraries
        from moderator.tui.screens import dashboard  # noqa: F401 - for its import

        load_report_libraries()

    def worker_failed(self, worker: Worker[Any], error: BaseException | None) -> None:
        """Without a database there is nothing to show: quit and let the CLI say why."""
        if worker.name == "open_session":
            self.fatal = error
            self.exit(return_code=int(getattr(error, "exit_code", 1)))

    def require_store(self) -> Store:
        """The open store (screens call this from their workers)."""
        if self.store is None:
            from moderator.errors import ModeratorError

            raise ModeratorError("the database is not open yet")
        return self.store

    def work_as(self, user: User, *, remember: bool) -> None:
        """Show ``user``'s audits (and remember the choice for next time)."""
        self.user = user
        self.sub_title = f"{user.name} · {user.role.value}"
        if self.secured:
            self.start_idle_lock()
        if remember and self.remember_user:
            from moderator.errors import ModeratorError
            from moderator.settings import save_user_choice

            try:
                save_user_choice(user.name, self.db_path)
            except (OSError, ValueError, ModeratorError) as exc:
                self.notify(f"Could not remember the choice: {exc}", severity="warning")
        while len(self.screen_stack) > 1:
            self.pop_screen()
        # A moderator's home is their queue; managers see their audits; a lead sees every
        # audit, a page at a time (there may be 100,000). Only the one shown is imported:
        # each pulls in its own services.
        if user.role.value == "moderator":
            from moderator.tui.screens.queue import QueueScreen

            self.push_screen(QueueScreen(user))
        elif user.role.value == "lead":
            from moderator.tui.screens.lead_home import LeadHomeScreen

            self.push_screen(LeadHomeScreen(user))
        else:
            from moderator.tui.screens.home import HomeScreen

            self.push_screen(HomeScreen(user))

    async def on_event(self, event: events.Event) -> None:
        # A key or a paste as read from the terminal, before Textual hands it to the focused
        # widget: a screen may take it there and then, in the order it was typed (the review
        # does: ReviewScreen.take_key). A paste is one unit in that order.
        if (
            isinstance(event, (events.Key, events.Paste))
            and not event.is_forwarded
            and self.screen_stack
            and isinstance(self.screen, ModeratorScreen)
            and await self.screen.take_key(event)
        ):
            self.last_activity = time.monotonic()  # a key, for the idle lock, as any other
            return
        await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        """A key on its way to the bindings (Textual's own handler looks them up next): it
        waits, with the keys after it, while the screen shown is still reading what it acts
        on (:meth:`ModeratorScreen.holds`). It waits on the screen, not here: the app goes on
        handling keys meanwhile (quit, leave, help), and :meth:`release_keys` lets it act."""
        screen = self.screen
        if isinstance(screen, ModeratorScreen) and screen.holds(event.key):
            event.prevent_default()  # not to the bindings yet
            event.stop()
            screen.held_keys.append(event)

    def release_keys(self, screen: ModeratorScreen) -> None:
        """Let the keys held for ``screen`` act, in order, now that it has its data."""
        self.call_later(self._release_keys, screen)

    async def _release_keys(self, screen: ModeratorScreen) -> None:
        # Called as a message of the app's: keys typed meanwhile have joined the held ones.
        if self.screen is not screen or screen.waits_for_data():
            return  # covered by another screen: they act once it is shown again
        keys, screen.held_keys = screen.held_keys, []
        for event in keys:
            shown = self.screen  # a key before this one may have opened another screen
            if isinstance(shown, ModeratorScreen) and shown.holds(event.key):
                shown.held_keys.append(event)  # it waits for that screen's data in turn
            else:
                await App._on_key(self, event)  # what Textual does with a key: its binding

    def mark_ready(self) -> None:
        """Record the cold-start time when the first screen has its data."""
        if self.ready_after is None:
            self.ready_after = time.perf_counter() - self.started
            self.log.info(f"first screen ready after {self.ready_after:.3f}s")
        if self.integrity_pending:
            self.integrity_pending = False
            self.set_timer(AFTER_FIRST_LIST, self.check_integrity)
            if self.user is not None and self.user.role.value != "moderator":
                self.set_timer(AFTER_FIRST_LIST, self.warm_up)  # moderators have no dashboard

    # -- navigation ----------------------------------------------------------------------
    def choose_user(self) -> None:
        """Show the user picker."""
        self.list_users_for_picker()

    @work(thread=True, exclusive=True, group="db", exit_on_error=False)
    def list_users_for_picker(self) -> None:
        """Read the users for the picker (worker thread)."""
        from moderator.services.auth import is_secured
        from moderator.services.users import list_users

        store = self.require_store()
        if is_secured(store):
            self.post_message(self.SessionOpened(store, None, [], None, secured=True))
            return
        self.post_message(self.SessionOpened(store, None, list_users(store), None))

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()


def create_app(
    settings_or_db_path: Settings | Path | str,
    user_name: str | None = None,
    *,
    today: Callable[[], date] | None = None,
    notice: str | None = None,
    remember_user: bool = True,
    cursor_blink: bool = True,
    demo: bool = False,
    served: bool = False,
) -> ModeratorApp:
    """Build the app on a database as a user (None: the config's user, else the picker).

    ``today`` fixes the date used for "overdue" and ``cursor_blink=False`` stops text
    cursors blinking (tests and snapshots); ``notice`` is shown once on start;
    ``remember_user=False`` keeps a picked user out of the config (the demo); ``demo``
    stamps what the user does with the demo's own clock (December 2020), not today's date;
    ``served=True``: the workbench of a browser tab (``moderator serve``), whose
    browser keeps some keys (Ctrl+T, Ctrl+Q) for itself.
    """
    from moderator.settings import Settings, apply_settings, load_settings

    if isinstance(settings_or_db_path, Settings):
        settings = settings_or_db_path
        if user_name:
            settings = settings.model_copy(update={"user": user_name})
    else:
        settings = load_settings(db=Path(settings_or_db_path), user=user_name)
    apply_settings(settings)
    return ModeratorApp(
        settings,
        today=today,
        notice=notice,
        remember_user=remember_user,
        cursor_blink=cursor_blink,
        demo=demo,
        served=served,
    )
