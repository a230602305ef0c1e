"""The workbench's import screen: the redactor's doubts decided by keyboard, then imported."""

from __future__ import annotations

import json
import time
from pathlib import Path

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static

from moderator.anonymise.pseudonym import load_or_create_key
from moderator.anonymise.review import Decisions, decisions_path
from moderator.store import open_store
from moderator.tui.screens.import_cases import ImportScreen
from moderator.tui.widgets.header import Header
from tests.test_anonymise_review import CASE

SECOND = {
    **CASE,
    "case_id": "MOS-700002",
    "text": "Gemma went to Stafford again. Her friend Evie Ward rang.",
}


class _Host(App[None]):
    def __init__(self, screen: ImportScreen) -> None:
        super().__init__()
        self._import = screen

    def on_mount(self) -> None:
        self.push_screen(self._import)


async def _until(pilot: Pilot[None], text: str) -> str:
    """Poll the status and doubt panes until ``text`` shows (no fixed sleep).

    Bounded by a generous deadline, not a count of polls: on a busy machine the first
    import loads the word lists slowly, and a count of short pauses would run out first.
    """
    shown = ""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        await pilot.pause()  # the app handles what it was sent, then the panes are read
        screen = pilot.app.screen
        shown = "\n".join(str(w.render()) for w in screen.query(Static))
        if text in shown:
            return shown
    raise AssertionError(f"{text!r} never shown; screen:\n{shown}")


async def test_doubts_are_decided_by_keyboard_and_the_import_applies_them(tmp_path: Path) -> None:
    cases = tmp_path / "cases.jsonl"
    cases.write_text(json.dumps(CASE) + "\n" + json.dumps(SECOND) + "\n", encoding="utf-8")
    db, key = tmp_path / "m.db", tmp_path / "key"
    app = _Host(ImportScreen(db, key))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.click("#import-file")
        await pilot.press(*str(cases), "enter")
        shown = await _until(pilot, "Doubt 1 of")
        assert "⟦Stafford⟧ last year" in shown
        await pilot.press("k")  # reject: Stafford here is the town
        await _until(pilot, "All doubts seen")
        await pilot.press("i")
        shown = await _until(pilot, "Imported 2 case(s)")
        assert "Press i to import" not in shown  # done: no longer offered
        assert "Press Esc to go back" in shown
        bar = str(pilot.app.screen.query_one(Header).render())
        assert "⭘" in bar and "Import cases" in bar  # a title bar, as every screen has
    with open_store(db) as store:
        texts = [r["text"] for r in store.rows("SELECT text FROM cases ORDER BY id")]
    assert texts[0] == "[MOTHER] moved to Stafford last year. [CHILD] is settled at school."
    assert texts[1].startswith(
        "[MOTHER] went to Stafford again."
    )  # the decision applies to every case
    remembered = Decisions.load(load_or_create_key(key), decisions_path(key))
    assert remembered.lookup("Stafford") == "keep" and len(remembered) == 1
