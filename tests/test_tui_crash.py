"""Kill -9 mid-audit: the real app in a pseudo-terminal, then the database read back.

docs/architecture.md (saving as you go): a crash loses at most the keystrokes of the
field being edited. Every key is sent only once the screen or the database shows
the previous one took effect, so the test holds on a busy machine.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from moderator.domain.grades import Grade
from moderator.services.audits import get_audit, list_audits
from moderator.services.users import get_user
from moderator.store import open_store
from tests.pty_terminal import Terminal as PtyTerminal
from tests.pty_terminal import wait_until
from tests.tui_support import build_workbench_db

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


class Terminal(PtyTerminal):
    """The app running under a pty: send keys, wait for text to appear on screen."""

    def wait_for_text(self, needle: str, since: int = 0, timeout: float = 60) -> None:
        """Poll until ``needle`` is drawn (after ``since``); fail with the screen's tail."""
        try:
            wait_until(lambda: needle in self.text(since), timeout=timeout)
        except AssertionError:
            tail = self.text(since)[-600:]
            raise AssertionError(f"{needle!r} never drawn; screen: {tail!r}") from None

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        self.hang_up()


def wait_until_saved(check: Callable[[], bool]) -> None:
    wait_until(check, "the database never showed the change", timeout=60)


def entries(db: Path) -> dict[str, tuple[Grade | None, str]]:
    with open_store(db) as store:
        mia = get_user(store, "mia")
        audit = next(a for a in list_audits(store, mia) if a.case_ref == "C-101")
        detail = get_audit(store, mia, audit.id)
        return {e.criterion: (e.grade, e.note) for e in detail.entries}


def test_kill_9_mid_audit_keeps_the_draft(tmp_path: Path, mini_rubrics: Path) -> None:
    db = build_workbench_db(tmp_path / "crash.db")
    env = {**os.environ, "TERM": "xterm-256color", "TEXTUAL_ANIMATIONS": "none"}
    argv = [sys.executable, "-m", "moderator", "--db", str(db), "--as", "mia"]
    term = Terminal(argv, env, (120, 40))
    try:
        term.wait_for_text("/ Search")
        mark = term.mark()
        term.send("/")
        term.wait_for_text("/ Search  ^q Quit", since=mark)  # the search box has the keys
        mark = term.mark()
        term.send("C-101")
        term.wait_for_text("C-101", since=mark)
        mark = term.mark()
        term.send("\r")
        # The grading screen, drawn after Enter (the home list shows "graded" counts too).
        term.wait_for_text("Evidence note · Risk identified", since=mark)
        assert entries(db)["risk"] == (None, "")  # nothing graded before the first key
        term.send("2")  # Risk: Good, saved at once
        wait_until_saved(lambda: entries(db)["risk"][0] is Grade.GOOD)
        mark = term.mark()
        term.send("n")
        term.wait_for_text("Submit  esc Back", since=mark)  # the note editor has the keys
        term.send("Strategy discussion same day")
        term.wait_for_text("Strategy discussion same day", since=mark)
        term.send("\x1b")  # Esc: back to the criteria (saves the note)
        wait_until_saved(lambda: entries(db)["risk"][1] == "Strategy discussion same day")
        mark = term.mark()
        term.send("j")
        term.wait_for_text("Evidence note · The child seen", since=mark)
        term.send("3")  # Seen: RI
        wait_until_saved(lambda: entries(db)["seen"][0] is Grade.REQUIRES_IMPROVEMENT)
        mark = term.mark()
        term.send("n")
        term.wait_for_text("Submit  esc Back", since=mark)
        term.send("Seen once, not alone")
        # A pause in typing: the note is written without leaving the field.
        wait_until_saved(lambda: entries(db)["seen"][1] == "Seen once, not alone")
    finally:
        term.kill()  # kill -9: no chance to clean up

    after = entries(db)
    assert after["risk"] == (Grade.GOOD, "Strategy discussion same day")
    assert after["seen"] == (Grade.REQUIRES_IMPROVEMENT, "Seen once, not alone")
    assert after["plan"] == (None, "")
    with open_store(db) as store:
        assert store.scalar("PRAGMA integrity_check") == "ok"
