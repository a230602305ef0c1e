"""Submitting a sheet from the grading screen, and showing a change another window made
(a note typed here and refused is given back: into the box, unsaved, or in a message).

Split from :mod:`.grading` (the ~400-line limit per screen): ``ctrl+s`` saves what is pending
and reads the sheet back, the dialog lists the grades as saved, and the submission is
written only if the sheet is still so (see :mod:`moderator.tui.grading_writer`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Label, TextArea

from moderator.domain.grades import Grade
from moderator.tui.screens.grading_view import SheetView

if TYPE_CHECKING:
    from textual.worker import Worker

    from moderator.services.audits import CriterionEntry
    from moderator.services.grading import GradingSheet


class SubmitsSheet(SheetView):
    """The grading screen's submission and its word on a change made elsewhere."""

    pending: dict[str, CriterionEntry]
    pending_override: tuple[Grade | None, str | None] | None
    undo_stack: list[tuple[str, Grade | None]]
    submitting: bool
    generation: int
    restored: tuple[str, str] | None
    """A note refused by a change elsewhere, put back in the box unsaved: (criterion, text)."""

    @property
    def editable(self) -> bool:
        """Whether changes are allowed now."""
        return self.sheet is not None and not self.sheet.read_only and not self.submitting

    if TYPE_CHECKING:  # the grading screen provides these

        def stop_note_timer(self) -> None: ...

        def take_note(self) -> bool: ...

        def flush(
            self, *, submit: bool = False, submit_version: int | None = None, reread: bool = False
        ) -> Worker[None] | None: ...

        def action_next_missing_from_start(self) -> None: ...

    def action_submit(self) -> None:
        """Save what is pending and read the sheet back; the dialog then shows what is saved."""
        if not self.editable or self.target is None or self.sheet is None:
            return
        self.stop_note_timer()
        self.submitting = True  # no change from here: the dialog shows what is saved
        self.refresh_bindings()
        self.flush(reread=True)

    def confirm_submit(self, sheet: GradingSheet) -> None:
        """Ask, showing the grades as saved now; submit only if they are still so then."""
        from moderator.tui.screens.dialogs import ConfirmDialog, MessageDialog

        assert self.target is not None
        self.show_sheet(sheet)
        missing = self.target.missing(sheet.entries, sheet.override, sheet.override_reason)
        if missing:
            self.stop_submitting()

            def go_to_first(_: object) -> None:
                self.action_next_missing_from_start()

            from moderator.tui.actions import action_by_id, display_keys

            next_key = display_keys(action_by_id("grading.next-missing"))
            note_key = display_keys(action_by_id("grading.note"))
            then = (
                f"OK goes to the first to do; {next_key} goes to the next one. A grade is a"
                f" digit (1-4); {note_key} writes the evidence note."
            )
            self.app.push_screen(
                MessageDialog(f"Not ready to submit: {len(missing)} to do", missing, then=then),
                go_to_first,
            )
            return
        view = self.target.overall(sheet.entries, sheet.override, sheet.override_reason)

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.flush(submit=True, submit_version=sheet.version)
            else:
                self.stop_submitting()

        self.app.push_screen(
            ConfirmDialog(
                f"Submit this {sheet.kind}?", sheet.submit_question(view.final), confirm="Submit"
            ),
            confirmed,
        )

    def stop_submitting(self) -> None:
        self.submitting = False
        self.refresh_bindings()

    def changed_elsewhere(self, sheet: GradingSheet, generation: int, *, submit: bool) -> None:
        """Another window changed the sheet: nothing pending was written; show what is saved.

        A note typed here is not dropped with the rest: it comes back into the box, marked
        not saved, or (when the other window changed that very note, or it is not the one
        in the box) its text is in a message, to be saved again if it is still wanted.
        """
        self.take_note()  # the box's text as it is now, keys typed since the write included
        typed = self.typed_notes(sheet)
        refused = self.refused_grades()
        self.stop_note_timer()
        self.pending.clear()
        self.pending_override = None
        self.undo_stack.clear()
        self.submitting = False
        self.restored = None
        self.show_sheet(sheet)
        self.give_back(sheet, typed)
        if generation == self.generation:
            return  # a late batch from before the screen showed the change: said already
        self.generation = generation
        self.notify(
            sheet.changed_message(submitting=submit) + refused,
            title="Changed elsewhere",
            severity="warning",
            timeout=8,
        )

    def refused_grades(self) -> str:
        """What a change elsewhere refused of the grade keys pressed here (said with it):
        " The key was not applied: your 4 for Timeliness was not saved." ("" if none)."""
        if self.sheet is None:
            return ""
        before = {e.criterion: e.grade for e in self.sheet.entries}
        said = [
            f"your {e.grade.value} for {self.sheet.rubric.criterion(cid).title}"
            for cid, e in self.pending.items()
            if e.grade is not None and e.grade != before.get(cid)
        ]
        if not said:
            return ""
        keys = "key was" if len(said) == 1 else "keys were"
        verb = "was" if len(said) == 1 else "were"
        return f" The {keys} not applied: {' and '.join(said)} {verb} not saved."

    def show_criterion(self) -> None:
        super().show_criterion()
        if self.restored is not None and self.restored[0] == self.note_for:
            note = self.query_one("#note", TextArea)
            if note.text != self.restored[1]:  # read again meanwhile: still the user's text
                note.load_text(self.restored[1])
        self.mark_note()

    def mark_note(self) -> None:
        """The note box's label; a refused note put back in it says it is not saved."""
        if self.sheet is None or self.note_for is None:
            return
        title = self.sheet.rubric.criterion(self.note_for).title
        unsaved = self.restored is not None and self.restored[0] == self.note_for
        self.query_one("#note-label", Label).update(
            f"Evidence note · {title}"
            + (
                " · NOT SAVED (changed in another window): Esc in the note saves it"
                if unsaved
                else ""
            )
        )

    def drop_restored(self) -> None:
        """Leave a refused note unsaved: its text stays in a message, not lost silently."""
        if self.restored is None or self.sheet is None:
            return
        cid, text = self.restored
        self.restored = None
        self.mark_note()
        title = self.sheet.rubric.criterion(cid).title
        self.notify(
            f"Your note for {title} was left unsaved. What you typed: “{text}”",
            title="Note not saved",
            severity="warning",
            timeout=60,
            markup=False,
        )

    def typed_notes(self, sheet: GradingSheet) -> dict[str, tuple[str, bool]]:
        """Notes typed here and not saved that differ from what is saved now, each with
        whether the other window changed that same note."""
        before = {} if self.sheet is None else {e.criterion: e.note for e in self.sheet.entries}
        now = {e.criterion: e.note for e in sheet.entries}
        typed = {cid: e.note for cid, e in self.pending.items()}
        if self.restored is not None:  # one given back before, still not saved
            typed.setdefault(*self.restored)
        return {
            cid: (note, now.get(cid, "") != before.get(cid, ""))
            for cid, note in typed.items()
            if note.strip() and note not in (before.get(cid, ""), now.get(cid, ""))
        }

    def give_back(self, sheet: GradingSheet, typed: dict[str, tuple[str, bool]]) -> None:
        """Put a refused note back in the box (unsaved) or show its text in a message."""
        for cid, (text, clash) in typed.items():
            title = sheet.rubric.criterion(cid).title
            if cid == self.note_for and not clash and not sheet.read_only:
                self.restored = (cid, text)
                note = self.query_one("#note", TextArea)
                note.load_text(text)
                note.move_cursor(note.document.end)
                self.mark_note()
                self.notify(
                    f"Your note for {title} was not saved. It is back in the note box,"
                    " marked not saved: Esc in the note saves it.",
                    title="Note not saved",
                    severity="warning",
                    timeout=12,
                )
                continue
            why = " (the other window changed this note too)" if clash else ""
            self.notify(
                f"Your note for {title} was not saved{why}. What you typed: “{text}”",
                title="Note not saved",
                severity="warning",
                timeout=60,
                markup=False,
            )
