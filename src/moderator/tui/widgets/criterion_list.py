"""The rubric's criteria as a list: grade badge, title, limiting mark and evidence mark."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label, ListItem, ListView

from moderator.domain.rubric import Criterion
from moderator.services.audits import CriterionEntry
from moderator.tui.widgets.grade_badge import GradeBadge


class CriterionRow(ListItem):
    """One criterion: its grade, its title and whether it has an evidence note."""

    def __init__(self, criterion: Criterion, entry: CriterionEntry, number: int) -> None:
        super().__init__(id=f"crit-{criterion.id}", classes="criterion-row")
        self.criterion = criterion
        self.entry = entry
        self.number = number
        self.unsaved = False
        """Its note box holds text that is not saved (too long to be): ``!``, not ``✎``."""
        self._shown = (entry.grade, bool(entry.note.strip()), False)

    def compose(self) -> ComposeResult:
        yield GradeBadge(self.entry.grade, abbrev=True, classes="row-grade")
        title = f"{self.number}. {self.criterion.title}"
        yield Label(title, classes="row-title", markup=False)
        if self.criterion.limiting:
            yield Label("⚑", classes="row-limiting")
        yield Label(self._note_mark(), classes="row-note")

    def _note_mark(self) -> str:
        if self.unsaved:
            return "!"
        return "✎" if self.entry.note.strip() else " "

    def mark_unsaved(self, unsaved: bool) -> None:
        """Say the note typed for this criterion is not saved (or is again as stored)."""
        self.unsaved = unsaved
        self.show(self.entry)

    def show(self, entry: CriterionEntry) -> None:
        """Show a changed grade or note."""
        self.entry = entry
        shown = (entry.grade, bool(entry.note.strip()), self.unsaved)
        if not self.is_mounted or shown == self._shown:
            return  # re-drawing an unchanged row would re-lay out the screen on every keystroke
        self._shown = shown
        self.query_one(".row-grade", GradeBadge).set_grade(entry.grade)
        self.query_one(".row-note", Label).update(self._note_mark())
        self.set_class(entry.grade is None or not entry.note.strip(), "-incomplete")


class CriterionList(ListView):
    """The criteria of a rubric. Enter asks to edit the focused criterion's note."""

    def rows(self) -> list[CriterionRow]:
        """The rows, in rubric order."""
        return list(self.query(CriterionRow))

    def row(self, criterion_id: str) -> CriterionRow:
        """The row of one criterion."""
        return self.query_one(f"#crit-{criterion_id}", CriterionRow)

    @property
    def current(self) -> CriterionRow | None:
        """The highlighted row."""
        child = self.highlighted_child
        return child if isinstance(child, CriterionRow) else None

    def action_select_cursor(self) -> None:
        # Enter means "write the evidence": the screen's n (nothing on a read-only sheet),
        # run there and then, not posted as a message, so the keys typed right after it go
        # into the note (a message came a turn later, and they went to the list). A mouse
        # click only moves the highlight.
        edit_note = getattr(self.screen, "action_edit_note", None)
        if edit_note is not None:
            edit_note()
