"""The idle lock: in a secured database the workbench locks itself after a while unused.

The lock is a modal over whatever screen was open, so the screen, its cursor
and any draft are exactly as they were once the password is typed again.
"""

from __future__ import annotations

import time
from typing import Any

from textual import events

_ACTIVITY = (
    events.Key,
    events.MouseDown,
    events.MouseScrollDown,
    events.MouseScrollUp,
    events.Paste,
)
_ALLOWED_WHILE_LOCKED = {"quit", "sign_out"}


class IdleLock:
    """App mixin: note the last key or click, lock when idle, refuse app actions while locked.

    The app sets :attr:`idle_lock_seconds` (0: never lock) and calls
    :meth:`start_idle_lock` once someone has signed in to a secured database.
    """

    idle_lock_seconds: float = 0.0
    last_activity: float = 0.0

    @property
    def locked(self) -> bool:
        """Whether the lock is shown: read from the screens, so that it ends with the lock
        however that goes (unlocked, signed out). A flag cleared by the lock's callback
        stayed on for good: Textual owes that callback to whatever pushed the lock (the
        timer's sign-in screen, long gone), so no key of the app's worked after an unlock
        and no idle spell locked again."""
        app: Any = self
        return any(getattr(screen, "LOCKS_APP", False) for screen in app.screen_stack)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, _ACTIVITY):
            self.last_activity = time.monotonic()
        await super().on_event(event)  # type: ignore[misc]

    def start_idle_lock(self) -> None:
        """Watch for idleness from now on, with the current :attr:`idle_lock_seconds`."""
        app: Any = self
        self.last_activity = time.monotonic()
        timer = getattr(self, "_idle_timer", None)
        if timer is not None:
            timer.stop()
            self._idle_timer = None
        if self.idle_lock_seconds <= 0:
            return
        # Check a few times per period, so the lock comes at most a quarter late.
        every = max(0.05, min(self.idle_lock_seconds / 4, 5.0))
        self._idle_timer = app.set_interval(every, self._check_idle, name="idle-lock")

    def _check_idle(self) -> None:
        app: Any = self
        if self.locked or app.user is None or self.idle_lock_seconds <= 0:
            return
        if time.monotonic() - self.last_activity < self.idle_lock_seconds:
            return
        from moderator.tui.screens.signin import LockScreen, SignInScreen

        if isinstance(app.screen, SignInScreen):
            return
        app.push_screen(LockScreen(app.user))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While locked, only quitting (a browser tab: signing out) is allowed from the app's own keys and palette."""
        if self.locked and action not in _ALLOWED_WHILE_LOCKED:
            return False
        result: bool | None = super().check_action(action, parameters)  # type: ignore[misc]
        return result
