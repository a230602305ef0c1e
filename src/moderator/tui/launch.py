"""Running the workbench: ``moderator`` on a database, ``moderator demo`` on the samples.

The CLI imports this module only when it opens the workbench, so the other commands
never import Textual.

The demo says what it is doing while it builds its database (a few seconds).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

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
    """Fill ``path`` with the sample audits (the configured folder, else the bundled one)."""
    from moderator.demo import build_demo_db
    from moderator.settings import apply_settings, load_settings

    settings = load_settings()
    apply_settings(settings)
    build_demo_db(path, source=settings.sample_audits, progress=progress)


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


def run_demo(user: str | None) -> None:
    """``moderator demo``: the workbench on a fresh temporary copy of the sample audits."""
    import tempfile

    from moderator.settings import load_settings

    with tempfile.TemporaryDirectory(prefix="moderator-demo-") as folder:
        db_path = Path(folder) / "demo.db"
        build_demo_with_progress(db_path)
        settings = load_settings().model_copy(update={"db": db_path, "user": user})
        _run(create_app(settings, remember_user=False))
