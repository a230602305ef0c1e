"""The grading screen: case text beside the rubric; grade, write evidence, override, submit.

It works on any :class:`~moderator.services.grading.GradingTarget` (a
manager's audit today, a moderator's blind grading later), so nothing here
knows whether it is grading an audit or a moderation.

Never lose work: every change lands in :attr:`GradingScreen.pending` first
and is written by a background worker straight away (grades) or after a short
pause in typing (notes, and always when the note loses focus or the screen is
left); see :mod:`moderator.tui.grading_writer`. ``ctrl+z`` undoes the last
grade change by saving the grade it replaced, like any other change (so the
undo is in the event log too).

Two windows on one sheet: a change is written only while the sheet is as this window
last read it, the submit dialog lists the grades as saved, and a change made elsewhere
is shown (with a word) instead; see :mod:`moderator.tui.grading_writer`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events, on, work
from textual.message import Message
from textual.timer import Timer
from textual.widgets import TextArea
from textual.worker import Worker

from moderator.domain.grades import Grade
from moderator.tui.actions import bindings_for
from moderator.tui.elsewhere import look_every_few_seconds, may_look
from moderator.tui.grading_writer import Batch, BatchWriter, Outcome
from moderator.tui.key_routing import route_key, route_paste
from moderator.tui.screens.grading_note import KeepsNotesInBounds
from moderator.tui.widgets.criterion_list import CriterionList
from moderator.tui.widgets.descriptor_panel import DescriptorPanel, GradeChoice
from moderator.tui.widgets.overall_bar import OverallBar

if TYPE_CHECKING:
    from moderator.services.audits import CriterionEntry
    from moderator.services.grading import GradingSheet, GradingTarget

NOTE_DEBOUNCE_S = 0.4
"""Pause in typing after which a note is saved."""


class GradingScreen(KeepsNotesInBounds):
    """Grade one case against its rubric."""

    SCOPE = "grading"
    TITLE = "Grading"  # the sub-title names the audit, once read
    BINDINGS = bindings_for("grading")

    class Saved(Message):
        """A batch of changes is in the database."""

        def __init__(self, batch: Batch, outcome: Outcome) -> None:
            super().__init__()
            self.batch = batch
            self.outcome = outcome

    def __init__(self, open_target: Callable[[], GradingTarget]) -> None:
        """``open_target`` builds the target; it may block (it runs on a worker thread)."""
        super().__init__(open_target)
        self.writer: BatchWriter | None = None
        self.pending: dict[str, CriterionEntry] = {}
        self.pending_override: tuple[Grade | None, str | None] | None = None
        self.seq = 0
        self.submitting = False
        self.note_timer: Timer | None = None
        self.last_write: Worker[None] | None = None
        """The newest write started (:meth:`save_pending` waits for it)."""
        self.undo_stack: list[tuple[str, Grade | None]] = []
        """Grade changes as (criterion, the grade it replaced), newest last."""
        self.generation = 0
        """How many changes made elsewhere this screen has shown (see :class:`Batch`)."""
        self.restored: tuple[str, str] | None = None

    def target_loaded(self, target: GradingTarget, sheet: GradingSheet) -> None:
        self.writer = BatchWriter(target, sheet.version)
        look_every_few_seconds(self, self.look_elsewhere)

    def look_elsewhere(self) -> None:
        """Show a change made in another window without waiting for a key here."""
        idle = self.editable and not self.pending and self.pending_override is None
        if idle and may_look(self):
            self.check_elsewhere()

    @work(thread=True, group="check", exit_on_error=False)
    def check_elsewhere(self) -> None:
        """Read the sheet again if it changed elsewhere (worker thread: no widgets here)."""
        assert self.writer is not None
        outcome = self.writer.check()
        if outcome is not None:
            self.post_message(self.Saved(Batch(0, generation=outcome.generation), outcome))

    @on(CriterionList.Highlighted, "#criteria")
    def criterion_highlighted(self) -> None:
        self.save_note_now()  # the box's text for the criterion it was typed for, first
        if self.restored is not None and self.restored[0] != self.current_id:
            self.drop_restored()
        self.show_criterion()

    async def take_key(self, event: events.Key | events.Paste) -> bool:
        """Every key and paste acts as the app reads it, in the order typed
        (:mod:`moderator.tui.key_routing`): what is typed or pasted right after ``n`` goes
        into the note, not to the list as commands, and an Esc (or Ctrl+Q) typed right
        after the note's text saves all of it."""
        note = self.query_one("#note", TextArea)
        if self.refuse_over_limit(event, note):
            return True
        if isinstance(event, events.Paste):
            return await route_paste(self, event, note)
        if await route_key(self, event, note):
            return True
        return self.say_read_only(event.key)

    def say_read_only(self, key: str) -> bool:
        """A grade key on a sheet that cannot change says why nothing happened (True)."""
        sheet = self.sheet
        if sheet is None or not sheet.read_only or self.app.screen is not self:
            return False
        bound = self._bindings.key_to_bindings.get(key, ())
        if not any(b.action.startswith("grade(") for b in bound):
            return False
        reason = sheet.read_only_reason or "read-only"
        self.notify(
            f"Nothing changed: {reason[:1].lower()}{reason[1:]}.",
            title="Read-only",
            timeout=4,
        )
        return True

    @on(GradeChoice.Chosen)
    def grade_clicked(self, event: GradeChoice.Chosen) -> None:
        self.action_grade(int(event.grade))

    # -- editing ------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Keys that change the sheet are not offered on one that cannot change (submitted,
        # another's, being submitted): the note is read in place, so n is not offered either.
        if action in ("grade", "override", "submit", "next_missing", "undo", "edit_note"):
            return self.editable
        return True

    def action_grade(self, value: int) -> None:
        cid = self.current_id
        if not self.editable or cid is None:
            return
        grade = None if value == 0 else Grade(value)
        if self.entries[cid].grade != grade:
            self.undo_stack.append((cid, self.entries[cid].grade))
            self.set_grade(cid, grade)

    def action_undo(self) -> None:
        if not self.editable or not self.undo_stack:
            self.notify("Nothing to undo.", timeout=2)
            return
        cid, grade = self.undo_stack.pop()
        criteria = self.query_one("#criteria", CriterionList)
        assert self.sheet is not None
        criteria.index = [c.id for c in self.sheet.rubric.criteria].index(cid)
        self.set_grade(cid, grade)
        title = self.sheet.rubric.criterion(cid).title
        self.notify(f"Undone: {title} is {grade.label if grade else 'ungraded'} again.", timeout=3)

    def set_grade(self, cid: str, grade: Grade | None) -> None:
        """Change one criterion's grade on screen and save it."""
        entry = self.entries[cid]
        entry.grade = grade
        self.pending[cid] = entry.model_copy()
        self.show_entry(cid)
        if cid == self.current_id:
            self.query_one(DescriptorPanel).mark(grade)
        self.show_overall()
        self.flush()

    def action_move(self, step: int) -> None:
        criteria = self.query_one("#criteria", CriterionList)
        if step > 0:
            criteria.action_cursor_down()
        else:
            criteria.action_cursor_up()

    def action_scroll_descriptors(self, step: int) -> None:
        self.query_one(DescriptorPanel).page(step)

    def action_next_missing(self) -> None:
        if self.sheet is None:
            return
        criteria = self.query_one("#criteria", CriterionList)
        ids = [c.id for c in self.sheet.rubric.criteria]
        start = criteria.index or 0
        for offset in range(1, len(ids) + 1):
            i = (start + offset) % len(ids)
            e = self.entries[ids[i]]
            if e.grade is None or not e.note.strip():
                criteria.index = i
                return
        self.notify("Every criterion has a grade and a note: ready to submit (Ctrl+S).")

    def action_edit_note(self) -> None:
        """Into the highlighted criterion's note, at once: the keys typed next go into it
        (Textual's ``focus()`` waits for the next turn of the app, and they went to the list)."""
        if not self.editable:
            return
        if self.note_for != self.current_id:
            self.save_note_now()  # a move just made: its criterion's note, not the last's
            self.show_criterion()
        note = self.query_one("#note", TextArea)
        note.move_cursor(note.document.end)  # a note with text goes on: typing adds to it
        self.set_focus(note)

    @on(TextArea.Changed, "#note")
    def note_changed(self) -> None:
        if self.take_note():
            if self.note_timer is not None:
                self.note_timer.stop()
            self.note_timer = self.set_timer(NOTE_DEBOUNCE_S, self.flush)

    def take_note(self) -> bool:
        """Keep the note box's text, read from the box itself, for the criterion it is for
        (True if it changed). Leaving, moving on or saving does not wait for the box's
        Changed messages: keys typed fast are in the box before those are handled."""
        cid = self.note_for
        if cid is None or not self.editable:
            return False
        entry = self.entries[cid]
        text = self.query_one("#note", TextArea).text
        if self.restored is not None and self.restored[0] == cid:
            if self.restored[1] == text:
                return False  # put back after a change elsewhere: saved only when kept
            self.restored = None  # edited: the user's decision, on what is saved now
            self.mark_note()
        if self.over_limit(cid, text):
            return False  # kept in the box, marked not saved: never sent to be refused
        if entry.note == text:
            return False
        entry.note = text
        self.pending[cid] = entry.model_copy()
        self.show_entry(cid)
        self.show_overall()
        self.query_one(OverallBar).saving("saving")
        return True

    def on_descendant_blur(self, event: Any) -> None:
        if getattr(event, "widget", None) is self.query_one("#note", TextArea):
            self.save_note_now()

    def save_note_now(self) -> None:
        """Write a note being typed without waiting for the pause (if there is one)."""
        typed = self.take_note() or self.note_timer is not None
        self.stop_note_timer()
        if typed:
            self.flush()

    def stop_note_timer(self) -> None:
        if self.note_timer is not None:
            self.note_timer.stop()
            self.note_timer = None

    def action_next_missing_from_start(self) -> None:
        """Go to the first criterion still missing something."""
        if self.sheet is None:
            return
        self.query_one("#criteria", CriterionList).index = self.first_incomplete_index()
        self.query_one("#criteria", CriterionList).focus()

    def action_toggle_case(self) -> None:
        self.toggle_class("-case-hidden")

    async def action_back(self) -> None:
        if self.focused is self.query_one("#note", TextArea):  # has_focus waits for Focus
            if self.restored is not None and self.restored[0] == self.note_for:
                self.restored = None  # Esc keeps a note put back: it is saved now
                self.mark_note()
            self.save_note_now()
            self.set_focus(self.query_one("#criteria", CriterionList))  # at once, as n
            return
        if self.holds_leaving():
            return
        self.drop_restored()
        if await self.save_pending():
            self.dismiss(None)
        else:  # held: say why, not silence (the failure's own message says what failed)
            self.notify(
                "Not left: what you changed here is not saved yet (see the message above)."
                " Esc tries again; Ctrl+Q twice quits without it.",
                title="Still here",
                severity="warning",
                timeout=8,
            )

    # -- saving -------------------------------------------------------------------------
    def flush(
        self, *, submit: bool = False, submit_version: int | None = None, reread: bool = False
    ) -> Worker[None] | None:
        """Start writing everything pending (and submit, or read the sheet back, if asked)."""
        if self.writer is None or (
            not self.pending and self.pending_override is None and not submit and not reread
        ):
            return None
        self.seq += 1
        batch = Batch(
            self.seq,
            dict(self.pending),
            self.pending_override,
            submit,
            submit_version=submit_version,
            reread=reread,
            generation=self.generation,
        )
        self.query_one(OverallBar).saving("saving")
        worker: Worker[None] = self.write(batch)
        self.last_write = worker
        return worker

    @work(thread=True, exclusive=True, group="db", exit_on_error=False)
    def write(self, batch: Batch) -> None:
        """Write a batch (worker thread: no widgets here)."""
        assert self.writer is not None
        self.post_message(self.Saved(batch, self.writer.write(batch)))

    def on_grading_screen_saved(self, message: Saved) -> None:
        batch, outcome, sheet = message.batch, message.outcome, message.outcome.sheet
        if outcome.changed and sheet is not None:
            self.changed_elsewhere(sheet, outcome.generation, submit=batch.submit)
            return
        for cid, entry in batch.entries.items():
            if self.pending.get(cid) == entry:
                del self.pending[cid]
        if batch.override is not None and self.pending_override == batch.override:
            self.pending_override = None
        if batch.reread:
            if sheet is not None:
                self.confirm_submit(sheet)
            else:
                self.stop_submitting()
            return
        if sheet is not None:
            self.submitting = False
            self.show_sheet(sheet)
            overall = sheet.override or self.target_final()
            self.app.notify(  # the app's: it says what was done on the screen gone back to
                f"{sheet.title} submitted"
                + (f": overall {overall.label}" if overall else "")
                + ". It is now read-only.",
                title="Submitted",
            )
            if sheet.kind == "moderation":
                # Blind grading done: now the two gradings can be compared.
                self.app.pop_screen()
                self.workbench.open_review(sheet.key)
            return
        done = not self.pending and self.pending_override is None
        if self.sheet is not None and not self.sheet.read_only:
            self.query_one(OverallBar).saving("saved" if done else "saving")

    def target_final(self) -> Grade | None:
        """The overall grade the entries give now."""
        if self.target is None:
            return None
        view = self.target.overall(list(self.entries.values()), self.override, self.override_reason)
        return view.final

    def worker_failed(self, worker: Worker[Any], error: BaseException | None) -> None:
        """A save or submit failed: say so beside the grade and keep the changes pending."""
        if worker.name != "write":
            return
        if self.submitting:
            self.submitting = False
            self.refresh_bindings()
        if self.sheet is not None and not self.sheet.read_only and self.is_mounted:
            self.query_one(OverallBar).saving("failed")

    async def save_pending(self) -> bool:
        """Write everything pending and wait for it; False if saving failed."""
        from textual.worker import WorkerCancelled, WorkerFailed

        self.take_note()  # what is in the box, whether or not its messages have come
        self.stop_note_timer()
        if self.holds_leaving():
            return False  # a note over the limit: said once, then left without it
        worker = self.flush()
        while worker is not None:
            try:
                await worker.wait()
                break
            except WorkerFailed:
                return False
            except WorkerCancelled:
                # A newer write started meanwhile (a note saved as its box lost focus): it
                # carries everything this one did, so it is the one to wait for.
                if self.last_write is worker:
                    return False
                worker = self.last_write
        if worker is None:
            return True
        graded = sum(e.grade is not None for e in self.entries.values())
        self.notify(f"Draft saved: {graded}/{len(self.entries)} graded.", timeout=3)
        return True
