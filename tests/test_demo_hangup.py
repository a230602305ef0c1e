"""The demo's terminal closing while the workbench cannot close: the copy still goes.

A closed terminal sends SIGHUP; the workbench is asked to exit, which puts the terminal back
and leaves through the clean-up. If that shutdown sticks (the terminal it writes to is gone),
the demo must not stay behind with its copy: after a grace period the copy is removed and
the process ends with 128 + the signal's number (``tui/launch.py``).
"""

from __future__ import annotations

import asyncio
import signal
import threading
from pathlib import Path
from typing import Any, cast

import pytest

from moderator.tui.launch import _StopOnSignal

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="needs POSIX signals")


class _StuckApp:
    """A workbench whose exit never finishes."""

    is_running = True

    def exit(self) -> None:
        pass


async def test_a_hang_up_removes_the_copy_and_ends_even_if_the_workbench_never_closes(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "moderator-demo-test"
    folder.mkdir()
    (folder / "demo.db").write_bytes(b"demo")
    ended: list[int] = []
    done = threading.Event()

    def hard_exit(status: int) -> None:
        ended.append(status)
        done.set()

    stop = _StopOnSignal(grace=0.05, hard_exit=hard_exit)
    stop.folder = folder
    stop.app = cast(Any, _StuckApp())
    stop(signal.SIGHUP, None)  # inside the running loop, as the handler runs
    await asyncio.to_thread(done.wait, 60)  # the watchdog's end (60 s bounds a hang only)
    assert ended == [128 + signal.SIGHUP]
    assert not folder.exists()
