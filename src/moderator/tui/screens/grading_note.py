"""The grading screen's note box at its limit, and the override dialog's reason kept.

Split from :mod:`.grading` (the ~400-line limit per screen).

A note can hold :data:`~moderator.domain.grade_sheet.MAX_NOTE` characters. A paste that
would take the box past it is refused, with one message naming the criterion; a character
typed at the limit is too. Text that reaches the box past it another way (the box's own
paste) is kept in the box but never sent to be saved, where the refusal came back at every
key and stacked a copy of itself over the screen: the box's label counts it, its row shows
``!`` (not saved) instead of ``✎``, and Esc on the list says why it stays before it leaves
without it.

The override dialog's reason, typed and then closed with Esc, is kept for the next time the
dialog opens on this screen (and the screen says so).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.notifications import Notification
from textual.widgets import Label, TextArea

from moderator.domain.grade_sheet import MAX_NOTE
from moderator.tui.screens.grading_submit import SubmitsSheet
from moderator.tui.widgets.criterion_list import CriterionList

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.worker import Worker

    from moderator.services.grading import GradingTarget
    from moderator.tui.screens.dialogs import OverrideChoice


class KeepsNotesInBounds(SubmitsSheet):
    """Notes kept within their limit; the override's reason kept when its dialog is closed."""

    if TYPE_CHECKING:  # the grading screen provides these

        def flush(
            self, *, submit: bool = False, submit_version: int | None = None, reread: bool = False
        ) -> Worker[None] | None: ...

    def __init__(self, open_target: Callable[[], GradingTarget]) -> None:
        super().__init__(open_target)
        self.too_long: dict[str, str] = {}
        """Notes over the limit, kept in the box but not saved: criterion to text."""
        self.limit_notice: Notification | None = None
        """The one message about the limit showing now (a new one replaces it)."""
        self.leave_warned = False
        """Esc on the list has said once that leaving drops the notes over the limit."""
        self.override_draft: str | None = None
        """A reason typed in the override dialog, closed without overriding."""

    # -- the note's limit ---------------------------------------------------------------
    def say_limit(self, message: str) -> None:
        """One message about the limit: it replaces the last, never stacks on it."""
        if self.limit_notice is not None:
            self.withdraw_notices(self.limit_notice)
        self.limit_notice = self.show_notice(
            message, title="Note too long", severity="warning", timeout=12, markup=False
        )

    def criterion_title(self, cid: str) -> str:
        assert self.sheet is not None
        return self.sheet.rubric.criterion(cid).title

    def refuse_over_limit(self, event: events.Key | events.Paste, note: TextArea) -> bool:
        """Refuse (True) a paste, or a character, that would take the note past its limit."""
        if self.focused is not note or note.read_only or self.note_for is None:
            return False
        if isinstance(event, events.Paste):
            adding = len(event.text)
        elif event.is_printable and event.character:
            adding = 1
        else:
            return False
        after = len(note.text) - len(note.selected_text) + adding
        if after <= MAX_NOTE:
            return False
        title = self.criterion_title(self.note_for)
        if isinstance(event, events.Paste):
            self.say_limit(
                f"Not pasted: the note for {title} would be {after:,} characters, and a note"
                f" holds {MAX_NOTE:,}. Shorten the text, then paste it again."
            )
        else:
            self.say_limit(f"The note for {title} is full: a note holds {MAX_NOTE:,} characters.")
        return True

    def over_limit(self, cid: str, text: str) -> bool:
        """Whether ``text`` is too long to save as ``cid``'s note (then it is kept, unsaved)."""
        if len(text) <= MAX_NOTE:
            if self.too_long.pop(cid, None) is not None:
                self.leave_warned = False
                self.mark_unsaved(cid)
                if self.limit_notice is not None:
                    self.withdraw_notices(self.limit_notice)
                    self.limit_notice = None
            return False
        first = cid not in self.too_long
        self.too_long[cid] = text
        if first:
            self.leave_warned = False
            self.mark_unsaved(cid)
            self.say_limit(
                f"The note for {self.criterion_title(cid)} is {len(text):,} characters, and a"
                f" note holds {MAX_NOTE:,}: it is not saved. Cut {len(text) - MAX_NOTE:,}"
                " characters and it saves."
            )
        else:
            self.mark_note()  # the count on the label
        return True

    def mark_unsaved(self, cid: str) -> None:
        self.query_one("#criteria", CriterionList).row(cid).mark_unsaved(cid in self.too_long)
        self.mark_note()

    def mark_note(self) -> None:
        super().mark_note()
        cid = self.note_for
        if cid is None or cid not in self.too_long:
            return
        self.query_one("#note-label", Label).update(
            f"Evidence note · {self.criterion_title(cid)} · TOO LONG, NOT SAVED:"
            f" {len(self.too_long[cid]):,} of {MAX_NOTE:,} characters"
        )

    def show_criterion(self) -> None:
        super().show_criterion()
        text = self.too_long.get(self.note_for or "")
        if text is not None:  # back on a note over the limit: the text is still the user's
            note = self.query_one("#note", TextArea)
            if note.text != text:
                note.load_text(text)
                note.move_cursor(note.document.end)
            self.mark_note()

    def holds_leaving(self) -> bool:
        """Esc on the list with notes over the limit: the first says why it stays (True);
        the next leaves without them."""
        if not self.too_long or self.leave_warned:
            return False
        self.leave_warned = True
        titles = ", ".join(self.criterion_title(cid) for cid in self.too_long)
        self.say_limit(
            f"Not left yet: the note for {titles} is over {MAX_NOTE:,} characters and is not"
            " saved. Shorten it (n), or press Esc again to leave without it (Ctrl+Q again"
            " to quit without it)."
        )
        return True

    def action_submit(self) -> None:
        if self.too_long:
            titles = ", ".join(self.criterion_title(cid) for cid in self.too_long)
            self.say_limit(
                f"Not submitted: the note for {titles} is over {MAX_NOTE:,} characters and"
                " is not saved. Shorten it first."
            )
            return
        super().action_submit()

    # -- the override dialog ------------------------------------------------------------
    def action_override(self) -> None:
        if not self.editable or self.target is None:
            return
        from moderator.tui.screens.dialogs import OverrideDialog

        view = self.target.overall(list(self.entries.values()), None, None)
        reason = self.override_reason if self.override_draft is None else self.override_draft
        dialog = OverrideDialog(view.derived, self.override, reason)

        def chosen(choice: OverrideChoice | None) -> None:
            if choice is None:
                self.keep_draft(dialog.typed_reason)
                return
            self.override_draft = None
            self.override = choice.grade
            self.override_reason = choice.reason if choice.grade is not None else None
            self.pending_override = (self.override, self.override_reason)
            self.show_overall()
            self.flush()
            self.notify(
                "Override removed."
                if choice.grade is None
                else f"Overall grade overridden to {choice.grade.label}."
            )

        self.app.push_screen(dialog, chosen)

    def keep_draft(self, typed: str | None) -> None:
        """The dialog closed without overriding: a reason typed in it waits for the next o."""
        if typed is None or typed.strip() == (self.override_reason or "").strip():
            self.override_draft = None
            return
        self.override_draft = typed if typed.strip() else None
        if self.override_draft is not None:
            self.notify(
                "Override not changed. The reason you typed is kept: o opens it again.",
                timeout=6,
            )
