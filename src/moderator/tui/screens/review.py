"""The disagreement review: both gradings side by side, then a moderated grade and a reason.

Opened for a moderator once their blind grading is submitted (never before:
:func:`moderator.services.moderation.compare_moderation` refuses). Disagreements
come first, with the drift in grade steps; for each one the moderator sets the
moderated grade (``1``-``4``, staying on the table) and writes a rationale tied to the
descriptor (``r`` or Enter opens it, Enter records both). Every key acts as it is read,
in the order typed (:meth:`ReviewScreen.take_key`).
The moderated overall grade and the outcome update as decisions are made;
completing the review locks it and gives the manager their feedback. What the
screen shows is :class:`~moderator.tui.screens.review_view.ReviewView`'s; this
module makes the decisions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, work
from textual.binding import BindingType
from textual.widgets import DataTable, Input

from moderator.domain.grades import Grade
from moderator.errors import SheetChanged
from moderator.tui.actions import actions_for, bindings_for
from moderator.tui.key_routing import route_key, route_paste
from moderator.tui.screens.review_elsewhere import ReviewElsewhere
from moderator.tui.widgets.row_table import jump_row

if TYPE_CHECKING:
    from moderator.tui.screens.dialogs import OverrideChoice


class ReviewScreen(ReviewElsewhere):
    """Review each disagreement of a submitted moderation."""

    SCOPE = "review"
    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings_for("review"),
        # the rationale field's keys (Enter, Esc), shown only while it has focus
        *(a.binding() for a in actions_for("review-field")),
    ]

    # -- actions -----------------------------------------------------------------------------
    FIELD_ACTIONS = frozenset({"record_rationale", "leave_field"})
    """The keys of the rationale field, offered only while it has focus."""
    LIST_ACTIONS = frozenset(
        {"grade", "rationale", "override", "complete", "undo", "move", "jump", "back"}
        | {"next_to_decide"}
    )
    """The keys of the table, hidden while the rationale field has focus: there a letter
    or digit is typed into the field, so the footer must not offer it."""

    def in_rationale(self) -> bool:
        """Whether the rationale field has focus (what the footer's keys follow)."""
        rationale = self.query("#review-rationale")
        return bool(rationale) and self.focused is rationale.first()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        in_field = self.in_rationale()
        if action in self.FIELD_ACTIONS:
            return in_field
        if in_field and action in self.LIST_ACTIONS:
            return False
        if action in ("grade", "override", "complete", "rationale", "undo"):
            return self.editable
        return True

    def action_move(self, step: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.cursor_row + step)

    def action_jump(self, where: str) -> None:
        """Home, End, PageUp, PageDown: through the criteria."""
        jump_row(self.query_one(DataTable), where)

    def action_grade(self, value: int) -> None:
        from moderator.services.review import Decision

        row = self.current_row()
        if row is None or not self.editable:
            return
        if row.agreed:
            self.notify("Agreed criteria keep the agreed grade.", severity="warning")
            return
        old = self.decisions[row.criterion]
        if old.grade == Grade(value):
            return
        # the rationale stays with the new grade (r shows it, Enter records both); ctrl+z
        # puts the grade back, even before anything is recorded (a stray digit)
        self.undo_stack.append((row.criterion, old, False))
        self.decisions[row.criterion] = Decision(Grade(value), old.rationale)
        self.render_rows()
        self.show_detail()
        if old.grade is None and self.decisions[row.criterion].complete:
            # the rationale kept waiting for its grade (Esc said so): recorded with it now
            self.record(row.criterion, advance=False)
        # The keys stay on the table: what the footer offers (r, Enter, j, k) still does
        # what it says; r or Enter opens the rationale, which is recorded with the grade.

    def action_rationale(self) -> None:
        """``r`` or Enter on a disagreement: into its rationale, at once (the keys typed
        next go into it: :meth:`take_key`)."""
        row = self.current_row()
        if row is not None and not row.agreed and self.editable:
            if self.shown != row.criterion:
                self.show_detail()  # a move just made: its row's rationale, not the last's
            field = self.query_one("#review-rationale", Input)
            field.cursor_position = len(field.value)  # typed after what is there
            self.set_focus(field)

    def action_record_rationale(self) -> None:
        """Enter in the rationale field: record it with the grade, on to the next to decide."""
        self.take_rationale(self.query_one("#review-rationale", Input).value, advance=True)
        self.set_focus(self.query_one(DataTable))

    def action_leave_field(self) -> None:
        """Esc in the rationale field: back to the table, keeping what was typed."""
        self.take_rationale(self.query_one("#review-rationale", Input).value, advance=False)
        self.set_focus(self.query_one(DataTable))

    async def take_key(self, event: events.Key | events.Paste) -> bool:
        """Every key of the review acts as the app reads it, in the order typed
        (:mod:`moderator.tui.key_routing`): keys typed fast after ``r`` go into the
        rationale, none runs as a command (the o of "No" opened Override), and an Enter
        typed fast after a rationale records all of it, not a rationale cut short with the
        rest typed into the next criterion's. A paste is one unit in that order: its text
        goes into the field before the Enter typed after it is read.
        """
        rationale = self.query_one("#review-rationale", Input)
        if isinstance(event, events.Paste):
            return await route_paste(self, event, rationale)
        return await route_key(self, event, rationale)

    def on_descendant_blur(self, event: Any) -> None:
        # Leaving the field any way (a click elsewhere, a dialog) keeps what was typed.
        rationale = self.query_one("#review-rationale", Input)
        if getattr(event, "widget", None) is rationale and rationale.display:
            self.take_rationale(rationale.value, advance=False)

    def take_rationale(self, text: str, *, advance: bool) -> None:
        """Keep the rationale typed for the row it was typed for (the row shown: the cursor
        may have moved on already); record it once it has a grade."""
        from moderator.services.review import Decision

        row = self.shown_row()
        if row is None or row.agreed or not self.editable:
            return
        old = self.decisions[row.criterion]
        new = Decision(old.grade, text.strip())
        if new != old:
            self.decisions[row.criterion] = new
            self.render_rows()
            self.show_detail()
        elif not advance and (new == self.recorded.get(row.criterion) or not new.complete):
            return  # leaving the field with nothing new typed or graded (said already)
        if new.complete:
            if new != self.recorded.get(row.criterion):
                self.record(row.criterion, advance=advance)
            elif advance and not new.too_short:
                self.next_to_decide()
            elif advance:
                self.say_too_short(row.criterion)
        elif new.grade is None and new.rationale:
            self.notify(
                "Rationale kept here, not recorded: choose the moderated grade (1-4) to"
                " record it with the grade.",
                severity="warning",
            )
        elif new.grade is not None and advance:
            self.notify(
                "Write the rationale too: it is recorded with the grade.", severity="warning"
            )

    def record(self, criterion: str, *, advance: bool = True) -> None:
        from moderator.services.review import Decision

        decision = self.decisions[criterion]
        assert decision.grade is not None
        # the grade keys' steps on this criterion are in this one now: undone together
        self.undo_stack[:] = [u for u in self.undo_stack if u[0] != criterion or u[2]]
        self.undo_stack.append((criterion, self.recorded.get(criterion, Decision(None, "")), True))
        self.recorded[criterion] = decision
        short = decision.too_short
        self.write_decision(criterion, decision.grade, decision.rationale, draft=short)
        if short:
            self.say_too_short(criterion)  # at once, and the cursor stays on it
        elif advance:
            self.next_to_decide()

    def unrecorded(self) -> list[str]:
        """One line per disagreement whose grade or rationale on screen is not recorded."""
        assert self.comparison is not None
        lines = []
        for row in self.comparison.rows:
            decision = self.decisions.get(row.criterion)
            if row.agreed or decision is None or decision == self.recorded.get(row.criterion):
                continue
            if decision.grade is None:
                lines.append(f"{row.title}: a rationale but no moderated grade (1-4)")
            elif decision.rationale:
                lines.append(
                    f"{row.title}: {decision.grade.label} with its rationale, not recorded"
                )
            else:
                lines.append(f"{row.title}: {decision.grade.label} but no rationale")
        return lines

    def action_undo(self) -> None:
        """Put back the decision the last recorded one replaced (recorded, so it is logged)."""
        if not self.editable or not self.undo_stack:
            self.notify("Nothing to undo.", timeout=2)
            return
        criterion, before, recorded = self.undo_stack[-1]
        if not recorded:  # a grade key not recorded yet: put the grade on screen back
            self.undo_stack.pop()
            self.decisions[criterion] = before
            self.show_undone(criterion, before)
            return
        if before.grade is None:
            # Nothing was recorded before the first decision, and a recorded decision is
            # never erased (the log keeps it): the way back is another grade.
            self.notify(
                "The first decision on a criterion cannot be undone: choose another grade (1-4).",
                severity="warning",
            )
            return
        self.undo_stack.pop()
        self.decisions[criterion] = before
        self.recorded[criterion] = before
        self.write_decision(criterion, before.grade, before.rationale, said=False)
        self.show_undone(criterion, before)

    def action_next_to_decide(self) -> None:
        self.next_to_decide()

    def next_to_decide(self, *, from_start: bool = False) -> None:
        """Move to the next disagreement still without a grade and a rationale (the first
        one, ``from_start``)."""
        if self.comparison is None:
            return
        table = self.query_one(DataTable)
        rows = self.comparison.rows
        left = set(self.to_decide())
        start = -1 if from_start else table.cursor_row
        for offset in range(1, len(rows) + 1):
            index = (start + offset) % len(rows)
            row = rows[index]
            if row.criterion in left:
                table.move_cursor(row=index)
                return

    @work(thread=True, group="db-write", exit_on_error=False)
    def write_decision(
        self,
        criterion: str,
        grade: Grade,
        rationale: str,
        *,
        draft: bool = False,
        said: bool = True,
    ) -> None:
        assert self.session is not None
        try:
            self.session.decide(criterion, grade, rationale)
        except SheetChanged:
            title = self.session.rubric.criterion(criterion).title
            self.changed_elsewhere(f"Your decision for {title}: {grade.label}, “{rationale}”")
            return
        if said and not draft:  # a draft was said at once (say_too_short), an undo too
            self.app.call_from_thread(self.notify, f"Recorded: {grade.label}.", timeout=2)

    def action_override(self) -> None:
        from moderator.tui.screens.dialogs import OverrideDialog

        if self.session is None or self.comparison is None:
            return
        preview = self.session.preview(self.comparison, self.decisions, None, None)

        def chosen(choice: OverrideChoice | None) -> None:
            if choice is None:
                return
            self.override = choice.grade
            self.override_reason = choice.reason if choice.grade is not None else None
            self.show_overall()
            self.write_override(self.override, self.override_reason)

        self.app.push_screen(
            OverrideDialog(preview.overall.derived, self.override, self.override_reason), chosen
        )

    @work(thread=True, group="db-write", exit_on_error=False)
    def write_override(self, grade: Grade | None, reason: str | None) -> None:
        assert self.session is not None
        try:
            self.session.set_override(grade, reason)
        except SheetChanged:
            said = "removed" if grade is None else f"{grade.label}, “{reason or ''}”"
            self.changed_elsewhere(f"Your override of the moderated overall grade ({said})")

    def action_complete(self) -> None:
        from moderator.tui.screens.dialogs import ConfirmDialog, MessageDialog

        if self.session is None or self.comparison is None:
            return
        missing = self.session.missing(
            self.comparison, self.decisions, self.override, self.override_reason
        )
        if missing:
            from moderator.tui.actions import action_by_id, display_keys

            next_key = display_keys(action_by_id("review.next-to-decide"))
            rationale_key = display_keys(action_by_id("review.rationale"))
            then = (
                f"OK goes to the first to do; {next_key} goes to the next one. A moderated"
                f" grade is a digit (1-4); {rationale_key} writes its rationale, Enter records it."
            )
            self.app.push_screen(
                MessageDialog(f"Not ready: {len(missing)} to do", missing, then=then),
                lambda _: self.next_to_decide(from_start=True),
            )
            return
        preview = self.session.preview(
            self.comparison, self.decisions, self.override, self.override_reason
        )

        def confirmed(ok: bool | None) -> None:
            if ok:
                self.complete()

        self.app.push_screen(
            ConfirmDialog(
                "Complete the review?",
                f"Moderated overall {preview.overall.explanation}.\n"
                f"Outcome: {preview.outcome}.\n\nThe manager will see the outcome and your "
                "rationales; the review is then read-only.",
                "Complete review",
            ),
            confirmed,
        )

    @work(thread=True, exclusive=True, group="db-write", exit_on_error=False)
    def complete(self) -> None:
        assert self.session is not None
        try:
            comparison = self.session.complete()
        except SheetChanged:
            self.changed_elsewhere("", completing=True)
            return
        self.post_message(self.Loaded(self.session, comparison))
        self.app.call_from_thread(
            self.notify, f"Review complete: {comparison.outcome}.", title="Reviewed"
        )

    def action_back(self) -> None:
        """Leave the rationale (keeping what was typed), else go back to the queue.

        A decision is recorded once it has a grade and a rationale; leaving with
        one half-made asks first, since it cannot be kept.
        """
        from moderator.tui.screens.dialogs import ConfirmDialog

        rationale = self.query_one("#review-rationale", Input)
        if rationale.has_focus:
            self.take_rationale(rationale.value, advance=False)
            self.set_focus(self.query_one(DataTable))
            return
        missing = self.unrecorded() if self.editable else []
        if not missing:
            self.dismiss(None)
            return

        def confirmed(leave: bool | None) -> None:
            if leave:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog(
                "Leave the review?",
                "These decisions are not recorded: a decision is recorded once it has both "
                "a moderated grade and a rationale.\n\n"
                + "\n".join(f"• {line}" for line in missing)
                + "\n\nLeaving now discards them.",
                "Discard and leave",
            ),
            confirmed,
        )
