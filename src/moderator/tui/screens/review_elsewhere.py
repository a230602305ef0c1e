"""The disagreement review and a change made in another window (another terminal, a
browser tab): seen within seconds, shown as recorded, with a word; what was typed here and
not recorded is kept.

Like the grading screen (:mod:`moderator.tui.elsewhere`), the review looks every few seconds
whether the moderation is still at the version it read or wrote, and reads it again if not;
a decision written on a stale screen is refused (nothing written) and read again the same way.
On such a reload a rationale (or a grade) decided here but not recorded stays on screen,
still not recorded, unless the other window decided that same criterion (or completed the
review): then a message gives back what was typed, so it is never replaced silently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.notifications import Notification
from textual.timer import Timer
from textual.widgets import DataTable, Input

from moderator.tui.elsewhere import look_every_few_seconds, may_look
from moderator.tui.screens.review_view import ReviewView

if TYPE_CHECKING:
    from moderator.services.moderation import ModerationComparison
    from moderator.services.review import Decision

RATIONALE_DEBOUNCE_S = 0.4
"""A rationale being typed is saved this long after the last key (as grading's notes)."""

CHANGED = "This review was changed in another window; showing what is recorded now."


class ReviewElsewhere(ReviewView):
    """The review's look for changes elsewhere and what it keeps when one is shown."""

    looking: Timer | None = None

    if TYPE_CHECKING:  # the review screen's (a worker): grade, rationale, draft=, said=

        def write_decision(self, *args: Any, **kwargs: Any) -> Any: ...

    elsewhere_notice: Notification | None = None
    """The last reload's notice (the next one, or a move to another criterion, takes it)."""

    # -- looking ----------------------------------------------------------------------------
    def look_elsewhere(self) -> None:
        """Show a change made in another window without waiting for a key here."""
        if self.editable and may_look(self):
            self.check_elsewhere()

    @work(thread=True, group="check", exit_on_error=False)
    def check_elsewhere(self) -> None:
        """Read the review again if it changed elsewhere (worker thread: no widgets here)."""
        assert self.session is not None
        comparison = self.session.check()
        if comparison is not None:
            self.changed_elsewhere("", comparison=comparison)

    def changed_elsewhere(
        self,
        lost: str,
        *,
        completing: bool = False,
        comparison: ModerationComparison | None = None,
    ) -> None:
        """Another window recorded on this review: show what is recorded now (read unless
        given) and say so, with what was decided here and refused (worker thread: no widgets).
        It is said once the reload is shown, in one notice with what that keeps or replaces."""
        assert self.session is not None
        if comparison is None:
            comparison = self.session.load()
        said = [("Not completed. " if completing else "") + CHANGED]
        if lost:
            said.append(f"{lost} was not recorded: decide again on what is recorded now.")
        self.post_message(self.Loaded(self.session, comparison, elsewhere=True, said=tuple(said)))

    # -- a rationale being typed: kept as a draft ---------------------------------------
    draft_timer: Timer | None = None

    @on(Input.Changed, "#review-rationale")
    def rationale_typed(self, event: Input.Changed) -> None:
        """A rationale typed and not recorded with Enter was lost on a browser reload (or
        when the session ended), without a word. As grading's notes, it is saved
        :data:`RATIONALE_DEBOUNCE_S` after the last key, with the row's grade (the service
        records a rationale with a grade only: without one it stays on screen)."""
        if self.draft_timer is not None:
            self.draft_timer.stop()
        if event.input.has_focus:
            self.draft_timer = self.set_timer(RATIONALE_DEBOUNCE_S, self.save_rationale_draft)

    def save_rationale_draft(self) -> None:
        from moderator.services.review import Decision

        self.draft_timer = None
        field = self.query_one("#review-rationale", Input)
        row = self.shown_row()
        if row is None or row.agreed or not self.editable or not field.has_focus:
            return  # left the field: what it took is said and recorded there
        old = self.decisions.get(row.criterion)
        text = field.value.strip()
        if old is None or old.grade is None or not text:
            return
        new = Decision(old.grade, text)
        before = self.recorded.get(row.criterion, Decision(None, ""))
        if new == before:
            return
        self.decisions[row.criterion] = new
        self.undo_stack[:] = [u for u in self.undo_stack if u[0] != row.criterion or u[2]]
        if not self.undo_stack or self.undo_stack[-1][:2] != (row.criterion, before):
            self.undo_stack.append((row.criterion, before, True))
        self.recorded[row.criterion] = new
        self.write_decision(row.criterion, new.grade, new.rationale, draft=True)
        self.render_rows()

    # -- showing, keeping what was typed ---------------------------------------------------
    def show_loaded(self, message: ReviewView.Loaded) -> None:
        if self.looking is None:
            self.looking = look_every_few_seconds(self, self.look_elsewhere)
        if not message.elsewhere or self.comparison is None:
            super().show_loaded(message)
            self.say_elsewhere(list(message.said[:1]), list(message.said[1:]))
            return
        field = self.query_one("#review-rationale", Input)
        typing = self.focused is field
        cursor = field.cursor_position
        typed = self.typed_here(field)
        before = dict(self.recorded)
        undo = list(self.undo_stack)
        super().show_loaded(message)
        kept, replaced = self.keep_typed(typed, before)
        said = list(message.said[:1])
        given = list(message.said[1:])  # a decision refused: what it was, given back
        self.undo_stack[:] = [u for u in undo if u[2] or u[0] in kept]
        if replaced:
            given.extend(replaced.values())
            if typing and self.shown in replaced:
                # the field shows the other window's rationale now, as recorded: not to be
                # typed on as if it were this window's (what was typed is in the notice)
                self.set_focus(self.query_one(DataTable))
        if kept:
            self.render_rows()
            self.show_detail()
            text = typed[self.shown][1] if self.shown in kept else None
            if text is not None:  # what is in the field, as typed (spaces and cursor too)
                field.value = text
                field.cursor_position = min(cursor, len(text)) if typing else len(text)
            titles = ", ".join(self.title_of(c) for c in kept)
            said.append(f"Kept here, not recorded yet: what you decided for {titles}.")
        self.say_elsewhere(said, given)

    def say_elsewhere(self, said: list[str], given: list[str]) -> None:
        """One notice for one reload (they piled up, three or four to a change, over half the
        screen), for a notice's time, and gone once the user moves to another criterion: it
        stayed a minute over the descriptors and the rationale box. What it gives back of
        what was typed here (``given``) is a notice of its own, kept a minute as grading's."""
        if said:
            self.moved_on()  # the last reload's word goes with this one
            self.elsewhere_notice = self.show_notice(
                "\n".join(said),
                title="Changed elsewhere",
                severity="warning",
                timeout=8,
                markup=False,
            )
        if given:
            self.show_notice(
                "\n".join(given),
                title="Not recorded",
                severity="warning",
                timeout=60,
                markup=False,
            )

    def moved_on(self) -> None:
        if self.elsewhere_notice is not None:
            self.withdraw_notices(self.elsewhere_notice)
            self.elsewhere_notice = None

    def typed_here(self, field: Input) -> dict[str, tuple[Decision, str | None]]:
        """Decisions on screen that are not recorded, each with the field's text as typed
        when it is that row's and not taken yet (None otherwise)."""
        typed: dict[str, tuple[Decision, str | None]] = {}
        for criterion, decision in self.decisions.items():
            text = None
            if (
                criterion == self.shown
                and field.display
                and field.value.strip() != decision.rationale
            ):
                text = field.value
            if text is not None or decision != self.recorded.get(criterion):
                typed[criterion] = (decision, text)
        return typed

    def keep_typed(
        self, typed: dict[str, tuple[Decision, str | None]], before: dict[str, Decision]
    ) -> tuple[list[str], dict[str, str]]:
        """Put back on screen (not recorded) what was typed here where the other window left
        the criterion as it was. The criteria kept, and for each where it did not, what is
        said of it: what was typed, given back."""
        kept = []
        replaced: dict[str, str] = {}
        for criterion, (decision, text) in typed.items():
            if self.editable and self.recorded.get(criterion) == before.get(criterion):
                self.decisions[criterion] = decision  # the field's text goes back in later
                kept.append(criterion)
                continue
            rationale = decision.rationale if text is None else text.strip()
            title = self.title_of(criterion)
            by = (
                "the review was completed in another window"
                if not self.editable
                else "a decision made in another window"
            )
            if decision.grade is None:
                replaced[criterion] = (
                    f"Your unrecorded rationale for {title} was replaced by {by}."
                    f" What you typed: “{rationale}”"
                )
                continue
            said = decision.grade.label + (f", “{rationale}”" if rationale else "")
            replaced[criterion] = (
                f"Your unrecorded decision for {title} was replaced by {by}. What you had: {said}"
            )
        return kept, replaced

    def title_of(self, criterion: str) -> str:
        assert self.session is not None
        return self.session.rubric.criterion(criterion).title
