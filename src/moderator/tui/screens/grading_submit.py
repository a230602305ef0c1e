"""Submitting a sheet from the grading screen, and showing a change another window made.

Split from :mod:`.grading` (the ~400-line limit per screen): ``ctrl+s`` saves what is pending
and reads the sheet back, the dialog lists the grades as saved, and the submission is
written only if the sheet is still so (see :mod:`moderator.tui.grading_writer`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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

    @property
    def editable(self) -> bool:
        """Whether changes are allowed now."""
        return self.sheet is not None and not self.sheet.read_only and not self.submitting

    if TYPE_CHECKING:  # the grading screen provides these

        def stop_note_timer(self) -> None: ...

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

            self.app.push_screen(
                MessageDialog(f"Not ready to submit: {len(missing)} to do", missing), go_to_first
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
        """Another window changed the sheet: nothing pending was written; show what is saved."""
        self.stop_note_timer()
        self.pending.clear()
        self.pending_override = None
        self.undo_stack.clear()
        self.submitting = False
        self.show_sheet(sheet)
        if generation == self.generation:
            return  # a late batch from before the screen showed the change: said already
        self.generation = generation
        self.notify(
            sheet.changed_message(submitting=submit),
            title="Changed elsewhere",
            severity="warning",
            timeout=8,
        )
