"""The workbench's import screen: the redactor's doubts decided by keyboard, then imported."""

from __future__ import annotations

import json
import time
from pathlib import Path

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Static

from moderator.anonymise.pseudonym import load_or_create_key
from moderator.anonymise.review import Decisions, decisions_path
from moderator.store import open_store
from moderator.tui.screens.import_cases import ImportScreen
from moderator.tui.widgets.footer import Footer
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


EXAMPLE = Path(__file__).parents[1] / "sample_audits" / "import_example.jsonl"


def _bar(pilot: Pilot[None]) -> str:
    return str(pilot.app.screen.query_one(Footer).render())


async def _read(pilot: Pilot[None], path: str) -> None:
    await pilot.click("#import-file")
    await pilot.press(*path, "enter")


async def test_the_bundled_example_has_doubts_to_decide(tmp_path: Path) -> None:
    """The bundled sample cases had no doubts, so a new user never saw the doubt review."""
    app = _Host(ImportScreen(tmp_path / "m.db", tmp_path / "key"))
    async with app.run_test(size=(100, 30)) as pilot:
        await _read(pilot, str(EXAMPLE))
        await _until(pilot, "Doubt 1 of")
        doubts = pilot.app.screen.doubts  # type: ignore[attr-defined]
        assert len(doubts) >= 5
        values = [d.value for d in doubts]
        assert values.count("Marsh") == 3  # a surname that is also an everyday word
        assert "Kestrel" in values


async def test_one_decision_says_it_applies_everywhere_and_can_be_changed(tmp_path: Path) -> None:
    """One r decided all three 'Marsh' and jumped on without saying so; "All doubts seen
    (1 decided)" counted words, not doubts; and then k and s did nothing, silently."""
    key = tmp_path / "key"
    app = _Host(ImportScreen(tmp_path / "m.db", key))
    async with app.run_test(size=(100, 30)) as pilot:
        await _read(pilot, str(EXAMPLE))
        shown = await _until(pilot, "Doubt 1 of")
        screen = pilot.app.screen
        assert isinstance(screen, ImportScreen)
        total = len(screen.doubts)
        assert screen.doubts[0].value == "Marsh"
        assert "'Marsh' is written in 3 places" in shown
        assert "Redact" in _bar(pilot) and "Read" not in _bar(pilot)
        await pilot.press("r")
        await _until(pilot, "Redact 'Marsh': applies to all 3 places 'Marsh' is written")
        while screen.index < total:
            await pilot.press("k")
            await pilot.pause()
        shown = await _until(pilot, f"All doubts seen: {total} of {total} decided")
        assert f"(3 redact, {total - 3} keep)" in shown
        await pilot.press("k")  # nothing on screen to keep: it says how to go back
        await _until(pilot, "press ↑ (or p) to go back")
        await pilot.press("up")
        shown = await _until(pilot, f"Doubt {total} of {total}")
        assert "All doubts are seen" not in shown  # the hint went with the summary
        last = screen.doubts[-1].value
        await pilot.press("r")  # changed: kept, now redacted
        await _until(pilot, f"Redact '{last}'")
        await pilot.press("p", "p")
        await _until(pilot, f"Doubt {total - 1} of {total}")
    remembered = Decisions.load(load_or_create_key(key), decisions_path(key))
    assert remembered.lookup(last) == "redact" and remembered.lookup("Marsh") == "redact"


async def test_the_path_field_says_plainly_what_is_wrong(tmp_path: Path) -> None:
    """Enter on an empty field said ".: is a directory, not a case file"; a missing relative
    path did not say where it was looked for; a path through a file said "Not a directory"."""
    cases = tmp_path / "cases.jsonl"
    cases.write_text(json.dumps(CASE) + "\n", encoding="utf-8")
    app = _Host(ImportScreen(tmp_path / "m.db", tmp_path / "key"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.click("#import-file")
        assert "⏎ Read" in _bar(pilot)
        assert "Redact" not in _bar(pilot)  # typing: r types an r
        await pilot.press("enter")
        await _until(pilot, "Type the path of a JSONL or CSV case file.")
        await pilot.press(*"no-such-cases.jsonl", "enter")
        await _until(pilot, f"looked for in {Path.cwd()}")
        field = pilot.app.screen.query_one("#import-file", Input)
        field.value = f"{cases}/x"
        await pilot.press("enter")
        await _until(pilot, f"{cases} is a file, not a folder")


async def test_ctrl_a_in_the_path_field_selects_the_path(tmp_path: Path) -> None:
    """Ctrl+A moved to the start (the new path went in front of the old one), while in the
    export form's File field it selects all."""
    app = _Host(ImportScreen(tmp_path / "m.db", tmp_path / "key"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.click("#import-file")
        await pilot.press(*"old.jsonl", "ctrl+a", *"new.jsonl")
        assert pilot.app.screen.query_one("#import-file", Input).value == "new.jsonl"
