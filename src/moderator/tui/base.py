"""What every screen shares: the one place where a failed background job becomes a message."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.events import Mount
from textual.screen import ModalScreen, Screen
from textual.worker import Worker, WorkerState

if TYPE_CHECKING:
    from moderator.tui.actions import Scope


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

    def _on_mount(self, event: Mount) -> None:
        apply_cursor_blink(self)


class ModeratorModal(ReportsWorkerFailures, ModalScreen[Any]):
    """A dialog of the workbench."""

    def _on_mount(self, event: Mount) -> None:
        apply_cursor_blink(self)
