"""The overall grade, live: what it is, why, progress, and whether everything is saved."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

from moderator.services.audits import OverallView
from moderator.tui.widgets.grade_badge import GradeBadge


class OverallBar(Horizontal):
    """One line under the rubric: ``Overall [Inadequate] limited by … · 3/12 graded · Saved``."""

    # Updating a label re-lays out the screen; typing a note must not do that per keystroke.
    _shown: tuple[object, ...] | None = None
    _state: str | None = None

    def compose(self) -> ComposeResult:
        yield Label("Overall", id="overall-label")
        yield GradeBadge(None, short=False, id="overall-grade")
        yield Label("", id="overall-why", markup=False)
        yield Label("", id="progress")
        yield Label("", id="save-state")

    def show(self, view: OverallView, graded: int, total: int, notes_missing: int) -> None:
        """Show the overall grade and progress."""
        key = (view.final, view.explanation, graded, total, notes_missing)
        if key == self._shown:
            return
        self._shown = key
        self.query_one("#overall-grade", GradeBadge).set_grade(view.final)
        why = view.explanation
        if view.final is not None and why.startswith(view.final.label + ": "):
            why = why[len(view.final.label) + 2 :]
        self.query_one("#overall-why", Label).update(why)
        progress = f"{graded}/{total} graded"
        if notes_missing:
            progress += f" · {notes_missing} note{'s' if notes_missing != 1 else ''} missing"
        self.query_one("#progress", Label).update(progress)

    def saving(self, state: str) -> None:
        """Show the save state: ``saved``, ``saving``, ``failed`` or ``read-only``."""
        if state == self._state:
            return
        self._state = state
        label = self.query_one("#save-state", Label)
        text = {
            "saved": "✓ Saved",
            "saving": "… Saving",
            "failed": "✗ Not saved",
            "read-only": "Read-only",
        }[state]
        label.update(text)
        for name in ("saved", "saving", "failed", "read-only"):
            label.set_class(name == state, f"-{name}")
