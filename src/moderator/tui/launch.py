"""Running the workbench: ``moderator`` on a database, ``moderator demo`` on the samples.

The CLI imports this module only when it opens the workbench, so the other commands
never import Textual.

The demo says what it is doing while it builds its database (a few seconds), and leaves
nothing behind however it ends: ctrl+q, ctrl+c, or the terminal closed or the process
told to stop (SIGHUP, SIGTERM) all leave through the same clean-up.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType
from typing import Any

from moderator.tui.app import ModeratorApp, create_app

BUILDING_MESSAGE = "Building the demo database from the sample audits…"


def _run(app: ModeratorApp) -> None:
    app.run()
    if app.fatal is not None:
        raise app.fatal


def run_app(db_path: Path, user: str | None) -> None:
    """``moderator``: the workbench on ``db_path`` as ``user``.

    Raises:
        ModeratorError: the database could not be opened (the CLI prints it).
    """
    _run(create_app(db_path, user))


def prepare_demo_database(path: Path, progress: Callable[[int, int], None] | None = None) -> None:
    """Fill ``path`` with the sample audits (the configured folder, else the bundled one).

    Everything the build writes on the way stays in ``path``'s folder (the demo's own).
    """
    from moderator.demo import build_demo_db
    from moderator.settings import apply_settings, load_settings

    settings = load_settings()
    apply_settings(settings)
    build_demo_db(path, source=settings.sample_audits, progress=progress, work_dir=path.parent)


def demo_parent() -> Path:
    """Where the demo's temporary copies go: the system's temporary folder (``TMPDIR``)."""
    import tempfile

    return Path(tempfile.gettempdir())


def build_demo_with_progress(path: Path) -> None:
    """Build the demo database at ``path``, saying so on stderr with a progress bar.

    While it builds, keys typed are not echoed: they wait for the workbench, which
    handles them once it opens.
    """
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

    console = Console(stderr=True)
    console.print(BUILDING_MESSAGE)
    with (
        _no_echo(),
        Progress(
            TextColumn("  replaying the history"),
            BarColumn(),
            TaskProgressColumn(),
            console=console,
            transient=True,
        ) as bar,
    ):
        task = bar.add_task("replay", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        prepare_demo_database(path, progress)


@contextmanager
def _no_echo() -> Iterator[None]:
    """Stop the terminal echoing keys (they stay queued for the workbench); restore it after."""
    try:
        import termios
    except ImportError:  # not POSIX
        yield
        return
    stdin = sys.stdin
    try:
        fd = stdin.fileno() if stdin is not None and stdin.isatty() else -1
        before = termios.tcgetattr(fd) if fd >= 0 else None
    except (OSError, ValueError, termios.error):
        before = None
    if before is None:
        yield
        return
    quiet = list(before)
    quiet[3] &= ~termios.ECHO
    try:
        termios.tcsetattr(fd, termios.TCSANOW, quiet)
        yield
    finally:
        with suppress(termios.error):  # the terminal has gone (closed mid-build)
            termios.tcsetattr(fd, termios.TCSANOW, before)


class _StopOnSignal:
    """SIGHUP and SIGTERM end the demo through its clean-up, as ctrl+q does.

    While the workbench runs, the signal asks it to exit (so it also puts the terminal
    back); before or after, it raises :class:`SystemExit` where the program is. Either
    way the ``with`` blocks around the run remove the temporary copy; the process then
    exits with 128 + the signal's number, as a shell reports a killed program.
    """

    SIGNALS = tuple(
        getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name)
    )
    GRACE = 20.0
    """Seconds the workbench has to close after its terminal hung up, before the copy is
    removed and the process ends without it: with the terminal gone there is nothing to put
    back, and a shutdown stuck on a dead terminal must not leave the copy or the process."""

    def __init__(
        self, grace: float | None = None, hard_exit: Callable[[int], None] = os._exit
    ) -> None:
        self.app: ModeratorApp | None = None
        self.received: int | None = None
        self.folder: Path | None = None
        self.grace = self.GRACE if grace is None else grace
        self._hard_exit = hard_exit

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        first = self.received is None
        self.received = signum
        app = self.app
        if first and app is not None and app.is_running:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                pass
            else:
                loop.call_soon_threadsafe(app.exit)
                if signum == getattr(signal, "SIGHUP", None):
                    self._arm_watchdog(signum)
                return
        raise SystemExit(128 + signum)

    def _arm_watchdog(self, signum: int) -> None:
        """End the process after :attr:`grace` seconds if the workbench has not closed."""
        timer = threading.Timer(self.grace, self._force, args=(signum,))
        timer.daemon = True  # (a process that ends first does not wait for it)
        timer.start()

    def _force(self, signum: int) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
        self._hard_exit(128 + signum)

    def exit_if_received(self) -> None:
        if self.received is not None:
            raise SystemExit(128 + self.received)

    @contextmanager
    def installed(self) -> Iterator[_StopOnSignal]:
        """Handle the signals for the ``with`` block (main thread only), then put back the old."""
        if threading.current_thread() is not threading.main_thread():
            yield self
            return
        before: dict[int, Any] = {}
        try:
            for signum in self.SIGNALS:
                before[signum] = signal.signal(signum, self)
            yield self
        finally:
            for signum, handler in before.items():
                signal.signal(signum, handler)


def run_demo(user: str | None) -> None:
    """``moderator demo``: the workbench on a fresh temporary copy of the sample audits.

    The copy is removed however the demo ends (see :class:`_StopOnSignal`), and a copy left
    by an earlier demo killed outright is removed when the next one starts.
    """
    from moderator.demo import demo_folder
    from moderator.settings import load_settings

    stop = _StopOnSignal()
    with stop.installed(), demo_folder(demo_parent()) as folder:
        stop.folder = folder
        db_path = folder / "demo.db"
        build_demo_with_progress(db_path)
        stop.exit_if_received()
        settings = load_settings().model_copy(update={"db": db_path, "user": user})
        stop.app = create_app(settings, remember_user=False, demo=True)
        try:
            _run(stop.app)
        finally:
            stop.app = None
        stop.exit_if_received()
