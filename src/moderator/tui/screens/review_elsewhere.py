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

from typing import TYPE_CHECKING

from textual import work
from textual.timer import Timer
from textual.widgets import Input

from moderator.tui.elsewhere import look_every_few_seconds, may_look
from moderator.tui.screens.review_view import ReviewView

if TYPE_CHECKING:
    from moderator.services.moderation import ModerationComparison
    from moderator.services.review import Decision

CHANGED = "This review was changed in another window; showing what is recorded now."


class ReviewElsewhere(ReviewView):
    """The review's look for changes elsewhere and what it keeps when one is shown."""

    looking: Timer | None = None

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
        given) and say so, with what was decided here and refused (worker thread: no widgets)."""
        assert self.session is not None
        if comparison is None:
            comparison = self.session.load()
        self.post_message(self.Loaded(self.session, comparison, elsewhere=True))
        self.app.call_from_thread(
            self.notify,
            ("Not completed. " if completing else "") + CHANGED,
            title="Changed elsewhere",
            severity="warning",
            timeout=8,
        )
        if lost:
            self.app.call_from_thread(
                self.notify,
                f"{lost} was not recorded: decide again on what is recorded now.",
                title="Not recorded",
                severity="warning",
                timeout=60,
                markup=False,
            )

    # -- showing, keeping what was typed ---------------------------------------------------
    def show_loaded(self, message: ReviewView.Loaded) -> None:
        if self.looking is None:
            self.looking = look_every_few_seconds(self, self.look_elsewhere)
        if not message.elsewhere or self.comparison is None:
            super().show_loaded(message)
            return
        field = self.query_one("#review-rationale", Input)
        typing = self.focused is field
        cursor = field.cursor_position
        typed = self.typed_here(field)
        before = dict(self.recorded)
        undo = list(self.undo_stack)
        super().show_loaded(message)
        kept = self.keep_typed(typed, before)
        self.undo_stack[:] = [u for u in undo if u[2] or u[0] in kept]
        if not kept:
            return
        self.render_rows()
        self.show_detail()
        text = typed[self.shown][1] if self.shown in kept else None
        if text is not None:  # what is in the field, as typed (spaces and cursor too)
            field.value = text
            field.cursor_position = min(cursor, len(text)) if typing else len(text)
        titles = ", ".join(self.title_of(c) for c in kept)
        self.notify(
            f"Kept here, not recorded yet: what you decided for {titles}.",
            title="Not recorded",
            severity="warning",
            timeout=8,
            markup=False,
        )

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
    ) -> list[str]:
        """Put back on screen (not recorded) what was typed here where the other window left
        the criterion as it was; say what was typed where it did not. The criteria kept."""
        kept = []
        for criterion, (decision, text) in typed.items():
            if self.editable and self.recorded.get(criterion) == before.get(criterion):
                self.decisions[criterion] = decision  # the field's text goes back in later
                kept.append(criterion)
                continue
            rationale = decision.rationale if text is None else text.strip()
            said = [] if decision.grade is None else [decision.grade.label]
            said += [f"“{rationale}”"] if rationale else []
            why = "the review was completed" if not self.editable else "it was decided"
            self.notify(
                f"Your decision for {self.title_of(criterion)} was replaced: {why} in another"
                f" window. What you had: {', '.join(said)}",
                title="Not recorded",
                severity="warning",
                timeout=60,
                markup=False,
            )
        return kept

    def title_of(self, criterion: str) -> str:
        assert self.session is not None
        return self.session.rubric.criterion(criterion).title
