"""What every screen shares: failures become messages; the app is reached through one protocol.

Screens never import the app (that would be a cycle: the app imports the
screens). They reach it through :class:`Workbench`, the few things a screen may
ask of the workbench, via :attr:`ModeratorScreen.workbench`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, cast

from textual import events
from textual.events import Mount
from textual.notifications import Notification, SeverityLevel
from textual.screen import ModalScreen, Screen
from textual.worker import Worker, WorkerState

if TYPE_CHECKING:
    from moderator.services.users import User
    from moderator.settings import Settings
    from moderator.store import Store
    from moderator.tui.actions import Scope


class Workbench(Protocol):
    """What a screen may ask of the app: the store, the user, the date, where to go next."""

    settings: Settings
    db_path: Path
    user: User | None
    today: Callable[[], date]
    remember_user: bool
    """A chosen user is kept in the config for next time (not in the demo or a browser tab)."""
    served: bool
    """In a browser tab (``moderator serve``): the browser keeps some keys for itself."""

    def require_store(self) -> Store:
        """The open store (raises ModeratorError before it is open)."""
        ...

    def mark_ready(self) -> None:
        """Record that the first screen has its data."""
        ...

    def work_as(self, user: User, *, remember: bool) -> None:
        """Switch to ``user`` and show their list."""
        ...

    def choose_user(self) -> None:
        """Show the user picker."""
        ...

    def open_audit(self, audit_id: int) -> None:
        """Open an audit the way this user sees it (grading, feedback or moderation)."""
        ...

    def open_moderation(self, moderation_id: int) -> None:
        """Open a moderation: blind grading until submitted, then its review."""
        ...

    def open_review(self, moderation_id: int) -> None:
        """Open the disagreement review of a submitted moderation."""
        ...

    def run_from_home(self, action: str) -> None:
        """Go back to the user's list and run one of its actions there."""
        ...

    def run_on(self, scope: str, opener: str, action: str | None) -> None:
        """Show the screen of ``scope`` (opened from the list with ``opener``) and run
        ``action`` there."""
        ...

    def release_keys(self, screen: ModeratorScreen) -> None:
        """Let the keys held for ``screen`` act, in order (it has its data now)."""
        ...


def workbench_of(node: Any) -> Workbench:
    """The app of a screen or widget, as the :class:`Workbench` it is."""
    return cast(Workbench, node.app)


def describe_error(error: BaseException | None) -> tuple[str, str]:
    """A (title, message) pair for a failure, fit to show a user.

    A :class:`~moderator.errors.ModeratorError` carries a message written for
    people; anything else is a bug and says so with its type.
    """
    from moderator.errors import ModeratorError, Refused

    if isinstance(error, Refused):
        return "Not allowed", str(error)
    if isinstance(error, ModeratorError):
        return "Not done", str(error)
    if error is None:
        return "Something went wrong", "A background task failed."
    return "Unexpected error", f"{type(error).__name__}: {error}"


class ReportsWorkerFailures:
    """Mixin: turns any failed worker of this node into an error notification.

    Every database job runs in a ``@work(thread=True, exit_on_error=False)``
    worker; this is the single handler that makes their failures visible.
    A node may define ``worker_failed(worker, error)`` to also repair its own
    state (for example, show "not saved").
    """

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is not WorkerState.ERROR:
            return
        error = event.worker.error
        node: Any = self
        title, message = describe_error(error)
        node.app.log.error(f"worker {event.worker.name!r} failed: {error!r}")
        showing = {(n.title, n.message) for n in node.app._notifications}
        if (title, message) not in showing:  # a retry that fails alike: one message, not a pile
            node.app.notify(message, title=title, severity="error", timeout=8, markup=False)
        hook = getattr(node, "worker_failed", None)
        if hook is not None:
            hook(event.worker, error)


def apply_cursor_blink(screen: Screen[Any]) -> None:
    """Stop text cursors blinking when the app says so (snapshots must not depend on timing)."""
    if getattr(screen.app, "cursor_blink", True):
        return
    for widget in screen.query("Input, TextArea"):
        widget.cursor_blink = False  # type: ignore[attr-defined]


class ModeratorScreen(ReportsWorkerFailures, Screen[None]):
    """A full screen of the workbench, with its scope in the action registry."""

    SCOPE: ClassVar[Scope]

    @property
    def workbench(self) -> Workbench:
        """The app, through the only interface a screen uses."""
        return workbench_of(self)

    def _on_mount(self, event: Mount) -> None:
        apply_cursor_blink(self)

    WITHOUT_DATA: ClassVar[frozenset[str]] = frozenset()
    """Actions of this screen that need none of the data it reads as it opens: their keys
    act at once, as the app's own keys do (quit, help, the palette)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.first_shown = True
        """False while the screen reads what its keys act on as it opens (a list its first
        rows, the dashboard its report; such a screen starts with False): keys wait for it
        (:meth:`holds`) until :meth:`first_data_shown`."""
        self.held_keys: list[events.Key] = []
        """Keys that wait for this screen's first data, in the order they were typed
        (:meth:`holds`); they go with the screen if it is left first."""
        self.notices: list[Notification] = []
        """The notices this screen raised that may still show (:meth:`notify`)."""

    def waits_for_data(self) -> bool:
        """Whether this screen is still reading what its keys act on."""
        return not self.first_shown

    def first_data_shown(self) -> None:
        """The screen's first data is on screen, or there will be none (it could not be
        read): keys stop waiting, and those held act now, in order."""
        self.first_shown = True
        self.let_keys_go()

    def acts_at_once(self, key: str) -> bool:
        """Whether ``key`` needs none of the screen's data: an app's key (quit, help, the
        palette) or one of :attr:`WITHOUT_DATA` (leaving, reading again)."""
        bound = self.active_bindings.get(key)
        if bound is None:
            return False
        action = bound.binding.action
        return bound.node is self.app or action.startswith("app.") or action in self.WITHOUT_DATA

    async def take_key(self, event: events.Key | events.Paste) -> bool:
        """A key or a paste as the app reads it, before it is handed to the focused widget:
        True if the screen has dealt with it (``ModeratorApp.on_event``); most screens leave
        every key to Textual (False)."""
        return False

    def holds(self, key: str) -> bool:
        """Whether ``key``, on its way to the bindings, must wait (``ModeratorApp.on_key``).

        Keys sent in a burst as the screen opens (a paste, tmux send-keys) may have gone to
        the screen before it, and reach the bindings of this one without passing through
        it. While the screen is still reading its data they wait, and every key after them
        joins them, so that they act in order on what the screen shows rather than on empty
        tables that drop them. The app is not held meanwhile: keys that need no data act at
        once (:meth:`acts_at_once`), and leaving the screen drops the keys held for it.
        """
        if not self.held_keys and not self.waits_for_data():
            return False  # most keys: at once, without looking their binding up
        return not self.acts_at_once(key)

    def let_keys_go(self) -> None:
        """The keys held for the screen act, in order, if it is shown (else once it is shown
        again)."""
        if self.held_keys and self.is_attached:
            self.workbench.release_keys(self)

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self.waits_for_data():
            self.let_keys_go()  # keys held while another screen covered this one

    def _on_unmount(self) -> None:
        self.held_keys.clear()  # the screen was left: the keys held for it go with it
        self.withdraw_notices()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A notice about this screen: it goes when the screen is left (:meth:`withdraw_notices`).

        Textual's notices belong to the app and outlived the screen that raised them: the
        queue's "Claimed" covered the grading screen's descriptors at 80x24."""
        self.show_notice(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def show_notice(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> Notification:
        """Show a notice of this screen now, and return it (to withdraw it when it no longer
        holds, as a date error once the date is fixed)."""
        app = self.app
        if severity == "information":  # news replaces news: toasts no longer pile up
            old = [n for n in self.notices if n.severity == "information"]
            if old:  # none to replace withdrew every notice (a warning still true with them)
                self.withdraw_notices(*old)
        notice = Notification(
            message,
            title,
            severity,
            app.NOTIFICATION_TIMEOUT if timeout is None else timeout,
            markup=markup,
        )
        self.notices.append(notice)
        # As App._on_notify, but at once: a screen left right after must find it to withdraw.
        app._notifications.add(notice)
        app._refresh_notifications()
        return notice

    def withdraw_notices(self, *notices: Notification) -> None:
        """Take ``notices`` (all this screen's, by default) off the screen.

        Textual (8.2) has no public way to take one notice back: ``App.clear_notifications``
        would take the app's own (a failed save's error) too, and ``App.notify`` returns no
        handle. ``App._unnotify`` is what its own toasts call when they time out."""
        gone = notices or tuple(self.notices)
        self.notices = [n for n in self.notices if n not in gone]
        if not gone:
            return
        app = self.app
        for notice in gone:
            if notice in app._notifications:
                app._unnotify(notice, refresh=False)
        app._refresh_notifications()

    def on_screen_suspend(self) -> None:
        self.withdraw_notices()  # another screen (or a dialog) covers this one now


class ModeratorModal(ReportsWorkerFailures, ModalScreen[Any]):
    """A dialog of the workbench, with its own key bar.

    Without one, the bar of the screen behind shows through below the dialog, offering
    keys that do nothing while it is open (``n Note``, ``s Sort``): the dialog's bar
    covers it, with the dialog's keys only.
    """

    CONFIRM_KEY: ClassVar[str | None] = "OK"
    """What Ctrl+S (the registry's ``dialog.confirm``) does on this dialog, as its key bar
    names it: the word of the dialog's main button ("Draw", "Override"). None keeps the key
    off the bar, where Enter does the same and is shown. A dialog may name it per instance
    with :meth:`name_key`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.name_key("dialog.confirm", self.CONFIRM_KEY)
        self.result_waiting: tuple[Any] | None = None
        """What the dialog closes with once it is shown again (:meth:`finish`)."""

    def finish(self, result: Any) -> None:
        """Close with ``result``: now if the dialog is on top, else once it is again.

        Work in the background may end while a screen covers the dialog (help, the idle
        lock). Textual's ``dismiss`` closes the screen on top, whichever it is: it would
        close help, or unlock the workbench, and leave the dialog open."""
        if self.is_active:
            self.dismiss(result)
        else:
            self.result_waiting = (result,)

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        if self.result_waiting is not None:
            (result,), self.result_waiting = self.result_waiting, None
            self.dismiss(result)

    def name_key(self, action_id: str, label: str | None) -> None:
        """Name the key of ``action_id`` on this dialog's bar ``label`` (None: off the bar).

        The registry's label is one for every dialog ("OK"); what the key does is the
        dialog's. Only this dialog's bindings change (the class's are shared)."""
        keys = self._bindings.key_to_bindings
        for key, bindings in list(keys.items()):
            keys[key] = [  # a new list: the old one is the class's
                replace(b, description=label or b.description, show=b.show and label is not None)
                if b.id == action_id
                else b
                for b in bindings
            ]

    @property
    def workbench(self) -> Workbench:
        """The app, through the only interface a dialog uses."""
        return workbench_of(self)

    def _on_mount(self, event: Mount) -> None:
        from moderator.tui.widgets.footer import Footer

        apply_cursor_blink(self)
        self.mount(Footer())
        # The dialog may have focused its first field before the bar was there to hear it.
        self.call_after_refresh(self.refresh_bindings)
