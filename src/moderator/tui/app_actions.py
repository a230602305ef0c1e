"""The workbench's app-wide actions: the palette's way to a screen and an action there,
help, import, the theme, quitting with everything saved, a failed download.

A mixin of :class:`~moderator.tui.app.ModeratorApp` (split from ``app.py``, which stays
about who is working and which database is open).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, SystemCommand

from moderator.tui.base import ModeratorScreen

if TYPE_CHECKING:
    from textual.screen import Screen

    from moderator.services.users import User
    from moderator.settings import Settings

    _AppBase = App[None]
else:
    _AppBase = object

LIGHT, DARK = "textual-light", "textual-dark"
WAIT_FOR_SCREEN = 60.0
"""Seconds the palette waits for a screen it opened to read its data before acting there."""


class AppActions(_AppBase):
    """App mixin: navigation for the palette and the actions every screen shares."""

    user: User | None
    settings: Settings
    served: bool
    demo: bool
    db_path: Path
    user_name: str | None
    quit_warned: bool

    if TYPE_CHECKING:

        def choose_user(self) -> None: ...

    def run_from_home(self, action: str) -> None:
        """Go back to the user's list and run one of its actions there (the palette's way)."""
        self.call_later(self._run_from_home, action)

    async def _run_from_home(self, action: str) -> None:
        while len(self.screen_stack) > 2 and not getattr(self.screen, "IS_HOME", False):
            if not await self._leave_screen():
                return
        await self.screen.run_action(action)

    def run_on(self, scope: str, opener: str, action: str | None) -> None:
        """Show the screen of ``scope`` (back to it if it is open, else opened from the
        user's list with ``opener``) and run ``action`` there once it has its data."""
        self.call_later(self._run_on, scope, opener, action)

    async def _run_on(self, scope: str, opener: str, action: str | None) -> None:
        if any(getattr(s, "SCOPE", None) == scope for s in self.screen_stack):
            while getattr(self.screen, "SCOPE", None) != scope:
                if not await self._leave_screen():
                    return
        else:
            await self._run_from_home(opener)
        deadline = time.monotonic() + WAIT_FOR_SCREEN
        while time.monotonic() < deadline:
            screen = self.screen
            ready = isinstance(screen, ModeratorScreen) and not screen.waits_for_data()
            if getattr(screen, "SCOPE", None) == scope and ready:
                if action is not None:
                    await screen.run_action(action)
                return
            await asyncio.sleep(0.05)  # the screen is still reading what the action acts on

    async def _leave_screen(self) -> bool:
        """Save what the screen on top holds and leave it (False: it could not save)."""
        saver = getattr(self.screen, "save_pending", None)
        if saver is not None and not await saver():
            return False  # the screen says what could not be saved; stay on it
        await self.pop_screen()
        return True

    # -- app-wide actions ----------------------------------------------------------------
    def action_help(self) -> None:
        from moderator.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
            return
        scope = getattr(self.screen, "SCOPE", None)
        role = None if self.user is None else self.user.role.value
        self.push_screen(HelpScreen(scope, self.settings.keys, role, under=self.screen))

    def action_import_cases(self) -> None:
        if self.served:  # a browser user must not name files on the server
            from moderator.tui.actions import IMPORT_ON_SERVER

            self.notify(
                IMPORT_ON_SERVER,
                title="Import",
                severity="warning",
                timeout=10,
            )
            return
        from moderator.settings import default_key_path
        from moderator.tui.screens.import_cases import ImportScreen

        if self.demo:  # the demo's key and decisions stay in its temporary folder
            from moderator.demo import demo_key_path

            key = demo_key_path(self.db_path)
        else:
            key = default_key_path()
        self.push_screen(ImportScreen(self.db_path, key, self.user_name))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own palette entries, less Maximize: every screen already gives its
        list or form the room there is, and it would only hide the keys and the title.
        In a browser tab, less Quit too: it would leave a dead page (Sign out instead)."""
        for command in super().get_system_commands(screen):
            if command.title == "Quit" and self.served:
                continue
            if command.title not in ("Maximize", "Minimize") or screen.maximized is not None:
                yield command

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.current_theme.dark else DARK
        from moderator.settings import save_theme

        try:
            save_theme(self.theme)
        except (OSError, ValueError) as exc:
            self.notify(f"Could not remember the theme: {exc}", severity="warning")

    async def action_quit(self) -> None:
        """Save what is pending on any screen, then quit."""
        if await self._saved_all("Press Ctrl+Q again to quit anyway."):
            self.exit()

    async def action_sign_out(self) -> None:
        """A browser tab's way out (``app.sign-out``): save what is pending on any screen,
        then back to who is working, with nobody (a quit would leave a dead page)."""
        if not await self._saved_all("Choose Sign out again to sign out anyway."):
            return
        self.quit_warned = False
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        self.user = None
        self.sub_title = ""
        self.choose_user()
        # The next person sees who is working asked again; the one leaving, that it went well.
        self.notify("Signed out; your work was saved.", title="Signed out")

    async def _saved_all(self, again: str) -> bool:
        """Save what every screen holds (False: something could not be, said the first
        time; the second time the user goes anyway)."""
        for screen in reversed(self.screen_stack):
            saver = getattr(screen, "save_pending", None)
            if saver is not None and not await saver() and not self.quit_warned:
                self.quit_warned = True
                self.notify(f"Some changes could not be saved. {again}", severity="error")
                return False
        return True

    def on_delivery_failed(self, event: events.DeliveryFailed) -> None:
        """A download the browser did not get (an export): say so, not silence."""
        self.notify(
            f"The download failed: {event.exception}", severity="error", timeout=15, markup=False
        )
