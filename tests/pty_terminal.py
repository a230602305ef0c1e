"""The real app run in a pseudo-terminal, for the tests that must see a real process:
its screen's text read as it is drawn, keys sent, and every wait a poll for a condition
whose deadline only bounds a hang (a busy machine is slow, not wrong)."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import termios
import threading
import time
from collections.abc import Callable

ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][A-Za-z0-9]|\x1b[=>]|\x1b\][^\x07]*\x07")


def wait_until(check: Callable[[], bool], what: str = "", timeout: float = 90) -> None:
    """Poll ``check`` until it holds; ``timeout`` only bounds a hang, it is not a measurement."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(what or "the condition never held")


class Terminal:
    """``argv`` running under a pty of ``size`` (columns, rows), its output kept as drawn."""

    def __init__(self, argv: list[str], env: dict[str, str], size: tuple[int, int]) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become the app
            os.execvpe(argv[0], argv, env)
        cols, rows = size
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.output = bytearray()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._closed = False
        self._drainer = threading.Thread(target=self._drain, daemon=True)
        self._drainer.start()

    def _drain(self) -> None:
        # Waits in select with a short timeout rather than blocking in read: a thread
        # blocked in read holds the terminal open, so closing the fd from another thread
        # would not hang it up (no SIGHUP reaches the app until the app writes again).
        while not self._stop.is_set():
            try:
                ready, _, _ = select.select([self.fd], [], [], 0.05)
                if not ready:
                    continue
                chunk = os.read(self.fd, 65536)
            except (OSError, ValueError):
                return
            if not chunk:
                return
            with self._lock:
                self.output.extend(chunk)

    def hang_up(self) -> None:
        """Close the terminal as a user closing its window does: the kernel then sends
        the app SIGHUP. The reader stops first, so this close is the last reference."""
        self._stop.set()
        self._drainer.join()
        if not self._closed:
            self._closed = True
            os.close(self.fd)

    def mark(self) -> int:
        """Where the output is now: text after it ignores older screens."""
        with self._lock:
            return len(self.output)

    def text(self, since: int = 0) -> str:
        """What was drawn (after ``since``), without the terminal's control sequences."""
        with self._lock:
            raw = bytes(self.output[since:]).decode("utf-8", "replace")
        return ANSI.sub("", raw)

    def send(self, data: str) -> None:
        os.write(self.fd, data.encode())
