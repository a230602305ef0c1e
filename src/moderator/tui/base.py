"""What every screen shares: failures become messages; the app is reached through one protocol.

Screens never import the app (that would be a cycle: the app imports the
screens). They reach it through :class:`Workbench`, the few things a screen may
ask of the workbench, via :attr:`ModeratorScreen.workbench`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, cast

from textual.events import Mount
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

    async def ready_for(self, key: str) -> None:
        """Return once this screen can act on ``key``, a key on its way to the bindings.

        At once here. A screen still reading what its keys act on (a list its first rows,
        the dashboard its report) waits: the app holds the key, and every key after it,
        until then (``ModeratorApp.on_key``). Keys sent in a burst as the screen opens (a
        paste, tmux send-keys) may have gone to the screen before it, and reach the
        bindings of this one without passing through it: held here, they act in order on
        what this screen shows rather than on empty tables that drop them.
        """
        return


class ModeratorModal(ReportsWorkerFailures, ModalScreen[Any]):
    """A dialog of the workbench."""

    @property
    def workbench(self) -> Workbench:
        """The app, through the only interface a dialog uses."""
        return workbench_of(self)

    def _on_mount(self, event: Mount) -> None:
        apply_cursor_blink(self)
