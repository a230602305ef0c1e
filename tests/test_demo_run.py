"""``moderator demo`` run for real in a pseudo-terminal: what it says while it builds,
and that its temporary copy goes however the demo ends.

README: the demo works on a fresh temporary copy and writes nothing anywhere else, so
the copy must go on SIGTERM and SIGHUP (the terminal closed) as it does on ctrl+q, and a
copy left by a demo killed outright (kill -9) goes when the next demo starts. Every step
waits for a condition with a deadline (a busy machine is slow, not wrong).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import termios
from collections.abc import Iterator
from pathlib import Path

import pytest

from moderator.demo import DEMO_LEAD, OWNER_FILE
from tests.pty_terminal import Terminal, wait_until

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or not hasattr(signal, "SIGHUP"),
    reason="needs a POSIX pty and signals",
)

BUILDING = "Building the demo database from the sample audits"
HOME_DRAWN = "/ Search"  # the lead's home screen's footer: the workbench is open


class Demo(Terminal):
    """``moderator demo`` under a pty with its own TMPDIR."""

    def __init__(self, tmpdir: Path) -> None:
        self.tmpdir = tmpdir
        env = {
            **os.environ,
            "TMPDIR": str(tmpdir),
            "TERM": "xterm-256color",
            "TEXTUAL_ANIMATIONS": "none",
        }
        argv = [sys.executable, "-m", "moderator", "demo", "--as", DEMO_LEAD]
        super().__init__(argv, env, (120, 40))
        self.status: int | None = None

    def wait_for_text(self, needle: str) -> None:
        wait_until(
            lambda: needle in self.text() or self.exited(),
            f"{needle!r} never shown; screen: {self.text()[-600:]!r}",
        )
        assert needle in self.text(), f"the demo ended first; screen: {self.text()[-600:]!r}"

    def copies(self) -> list[Path]:
        return sorted(self.tmpdir.glob("moderator-demo-*"))

    def wait_for_copy(self) -> Path:
        wait_until(lambda: any((c / "demo.db").exists() for c in self.copies()), "no copy was made")
        return next(c for c in self.copies() if (c / "demo.db").exists())

    def exited(self) -> bool:
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
        return self.status is not None

    def wait_for_exit(self) -> int:
        wait_until(self.exited, f"the demo never exited; screen: {self.text()[-600:]!r}")
        assert self.status is not None
        return self.status

    def end(self) -> None:
        if not self.exited():
            os.kill(self.pid, signal.SIGKILL)
            self.wait_for_exit()
        self.hang_up()  # once only: a test may have closed the terminal already


@pytest.fixture
def tmpdir_for_demo(tmp_path: Path) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    return folder


@pytest.fixture
def demo(tmpdir_for_demo: Path) -> Iterator[Demo]:
    running = Demo(tmpdir_for_demo)
    try:
        yield running
    finally:
        running.end()


def ended_by(status: int, signum: int) -> bool:
    """Left through the clean-up (exit 128 + signal), not killed by the signal."""
    return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 128 + signum


def test_the_demo_says_it_is_building_and_keys_typed_meanwhile_wait_for_the_workbench(
    demo: Demo,
) -> None:
    demo.wait_for_text(BUILDING)
    if HOME_DRAWN not in demo.text():  # still building: the terminal must not echo keys
        lflag = termios.tcgetattr(demo.fd)[3]
        assert not lflag & termios.ECHO
    os.write(demo.fd, b"?")  # typed while it builds: kept for the workbench
    demo.wait_for_text(HOME_DRAWN)
    demo.wait_for_text("Esc closes")  # the help the key asked for
    shown = demo.text()
    assert shown.index(BUILDING) < shown.index(HOME_DRAWN)  # said before the workbench opened
    os.kill(demo.pid, signal.SIGTERM)
    assert ended_by(demo.wait_for_exit(), signal.SIGTERM)
    assert demo.copies() == []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_while_the_workbench_is_open_removes_the_copy(demo: Demo, signum: int) -> None:
    demo.wait_for_text(HOME_DRAWN)
    demo.wait_for_copy()
    os.kill(demo.pid, signum)
    assert ended_by(demo.wait_for_exit(), signum)
    assert demo.copies() == []


def test_sigterm_while_the_demo_database_is_built_removes_the_copy(demo: Demo) -> None:
    demo.wait_for_text(BUILDING)
    demo.wait_for_copy()
    os.kill(demo.pid, signal.SIGTERM)
    assert ended_by(demo.wait_for_exit(), signal.SIGTERM)
    assert demo.copies() == []


def test_closing_the_terminal_removes_the_copy(demo: Demo) -> None:
    demo.wait_for_text(HOME_DRAWN)
    demo.wait_for_copy()
    demo.hang_up()  # the terminal goes: the kernel sends the demo SIGHUP
    demo.wait_for_exit()
    assert demo.copies() == []


def test_a_copy_left_by_a_demo_killed_outright_goes_when_the_next_demo_starts(
    tmpdir_for_demo: Path,
) -> None:
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    stale = tmpdir_for_demo / "moderator-demo-stale"
    stale.mkdir()
    (stale / OWNER_FILE).write_text(gone.stdout)
    (stale / "demo.db").write_bytes(b"left by kill -9")
    running = tmpdir_for_demo / "moderator-demo-running"  # another demo, still running
    running.mkdir()
    (running / OWNER_FILE).write_text(f"{os.getpid()}\n")
    unnamed = tmpdir_for_demo / "moderator-demo-unnamed"  # no owner named: left alone
    unnamed.mkdir()

    first = Demo(tmpdir_for_demo)
    try:
        first.wait_for_text(BUILDING)
        wait_until(lambda: not stale.exists(), "the stale copy was not removed")
        assert running.is_dir() and unnamed.is_dir()
        new = first.wait_for_copy()
        os.kill(first.pid, signal.SIGKILL)  # this one is killed outright too
        first.wait_for_exit()
    finally:
        first.end()
    assert new.is_dir()

    second = Demo(tmpdir_for_demo)
    try:
        second.wait_for_text(BUILDING)
        wait_until(lambda: not new.exists(), "the copy of the demo killed with -9 stayed")
        os.kill(second.pid, signal.SIGTERM)
        assert ended_by(second.wait_for_exit(), signal.SIGTERM)
    finally:
        second.end()
    assert sorted(p.name for p in tmpdir_for_demo.iterdir()) == [
        "moderator-demo-running",
        "moderator-demo-unnamed",
    ]
