"""Modal dialogs: confirm, a list of what is missing, override with a reason, assign a programme."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from moderator.domain.dates import parse_day
from moderator.domain.grade_sheet import check_override, check_override_grade
from moderator.domain.grades import Grade
from moderator.errors import BadInput
from moderator.tui.actions import bindings_for
from moderator.tui.base import ModeratorModal


class _Dialog(ModeratorModal):
    SCOPE = "dialog"
    BINDINGS = bindings_for("dialog")
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012 - Textual's plain attribute
    """On a short terminal (80x24) a dialog drops its blank lines, so its buttons fit in view
    (app.tcss)."""

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_confirm(self) -> None:  # pragma: no cover - overridden
        self.dismiss(None)


class ConfirmDialog(_Dialog):
    """Ask a yes/no question; dismisses with True or False."""

    def __init__(self, title: str, body: str, confirm: str = "OK") -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.body = body
        self.confirm_label = confirm
        self.name_key("dialog.confirm", confirm)  # ^s Submit, ^s Claim and open

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.body, classes="dialog-body", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.confirm_label, variant="primary", id="confirm", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        # At the top: in a short window (a browser's 113x23) focusing the button scrolled the
        # box to the bottom, out of view of the question and its "Overall grade" line.
        # Ctrl+S, Enter and Esc work from there (the button is below, one scroll away).
        self.query_one("#confirm", Button).focus(scroll_visible=False)

    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)


class MessageDialog(_Dialog):
    """Tell the user something that needs reading (for example, what is missing)."""

    CONFIRM_KEY = None  # Ctrl+S closes it, as Esc does: one key on the bar, "esc Close"

    def __init__(self, title: str, lines: list[str], *, then: str | None = None) -> None:
        """``then``: what to do next, after the list (a sentence, not a bullet)."""
        super().__init__(classes="dialog")
        self.title_text = title
        self.lines = lines
        self.then = then
        self.name_key("dialog.cancel", "Close")  # nothing to cancel: it only tells

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Static(
                "\n".join(f"• {line}" for line in self.lines), classes="dialog-body", markup=False
            )
            if self.then:
                yield Static(self.then, classes="dialog-body dialog-then", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK", variant="primary", id="ok", compact=True)

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus(scroll_visible=False)  # at the top, as Confirm's

    @on(Button.Pressed, "#ok")
    def action_confirm(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class OverrideChoice:
    """What the override dialog returns: a grade and reason, or ``grade=None`` to clear."""

    grade: Grade | None
    reason: str


class OverrideDialog(_Dialog):
    """Choose an overall grade different from the derived one, with a written reason."""

    CONFIRM_KEY = "Override"

    def __init__(self, derived: Grade | None, current: Grade | None, reason: str | None) -> None:
        super().__init__(classes="dialog")
        self.derived = derived
        self.current = current
        self.reason = reason or ""
        self.typed_reason: str | None = None
        """The reason as it was in the box when the dialog was cancelled (None: not cancelled),
        for the screen to keep for the next time it opens the dialog."""

    def compose(self) -> ComposeResult:
        derived = "nothing graded yet" if self.derived is None else self.derived.label
        with VerticalScroll(classes="dialog-box"):
            yield Label("Override the overall grade", classes="dialog-title")
            yield Static(
                f"The rubric's rule gives: {derived}. An override gives another grade"
                " and says why: pick a grade (1-4, or ↑↓ and Enter), then Tab moves to"
                " the reason.",
                classes="dialog-body",
                markup=False,
            )
            yield OptionList(
                *[
                    Option(
                        f"{int(g)}  {g.label}"
                        + ("  (the rule's grade)" if g == self.derived else ""),
                        id=f"grade-{int(g)}",
                    )
                    for g in Grade
                ],
                id="override-grade",
            )
            yield Label("Reason (required; Tab from the grades)", classes="field-label")
            yield TextArea(self.reason, id="override-reason", soft_wrap=True, tab_behavior="focus")
            yield Label("", id="override-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Override", variant="primary", id="confirm", compact=True)
                if self.current is not None:
                    yield Button("Remove override", variant="warning", id="clear", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        grades = self.query_one("#override-grade", OptionList)
        preselect = self.current or self.derived
        grades.highlighted = 0 if preselect is None else int(preselect) - 1
        grades.focus()
        reason = self.query_one("#override-reason", TextArea)
        reason.move_cursor(reason.document.end)  # what is typed goes after the saved reason

    def _chosen(self) -> Grade | None:
        highlighted = self.query_one("#override-grade", OptionList).highlighted
        return None if highlighted is None else Grade(highlighted + 1)

    def on_key(self, event: events.Key) -> None:
        """A digit on the list of grades picks that grade (the list shows 1 to 4). Text typed
        while a button has focus goes into the reason: after a digit moved on to the reason, a
        Tab too many put the user on a button, and the reason typed there was silently lost."""
        if isinstance(self.focused, Button) and event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            reason = self.query_one("#override-reason", TextArea)
            reason.focus()
            reason.move_cursor(reason.document.end)
            reason.insert(event.character)
            return
        grades = self.query_one("#override-grade", OptionList)
        if grades.has_focus and event.character in {str(int(g)) for g in Grade}:
            event.stop()
            event.prevent_default()
            grades.highlighted = int(event.character or 0) - 1
            self.grade_chosen()

    @on(OptionList.OptionSelected, "#override-grade")
    def grade_chosen(self) -> None:
        refusal = self._refusal()
        self.query_one("#override-error", Label).update(refusal or "")
        if refusal is None:
            self.query_one("#override-reason", TextArea).focus()

    @on(OptionList.OptionHighlighted, "#override-grade")
    def grade_highlighted(self) -> None:
        if self._refusal() is None:
            self.query_one("#override-error", Label).update("")  # the grade now is allowed

    def _refusal(self) -> str | None:
        """Why the grade chosen cannot be the override, as the rule for every override says."""
        try:
            check_override_grade(self._chosen(), self.derived)
        except BadInput as exc:
            return sentence(exc)
        return None

    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        grade = self._chosen()
        reason = self.query_one("#override-reason", TextArea).text.strip()
        error = self.query_one("#override-error", Label)
        if grade is None:
            error.update("Choose a grade.")
            return
        refusal = self._refusal()
        if refusal is not None:
            error.update(refusal)
            self.query_one("#override-grade", OptionList).focus()
            return
        if not reason:
            error.update("Write the reason: an override without one is not accepted.")
            self.query_one("#override-reason", TextArea).focus()
            return
        try:  # the service's own rule (long enough to say why, not too long, plain text)
            reason = check_override(grade, reason, derived=self.derived)
        except BadInput as exc:
            error.update(Content(sentence(exc)))
            self.query_one("#override-reason", TextArea).focus()
            return
        self.dismiss(OverrideChoice(grade, reason))

    @on(Button.Pressed, "#clear")
    def clear(self) -> None:
        self.dismiss(OverrideChoice(None, ""))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.typed_reason = self.query_one("#override-reason", TextArea).text
        self.dismiss(None)


def sentence(error: BadInput) -> str:
    """A refusal as a sentence: capital first, full stop last."""
    text = str(error)
    return text[:1].upper() + text[1:] + "."


@dataclass(frozen=True)
class ProgrammeRequest:
    """A monthly audit programme as the lead asked for it."""

    per_manager: int
    due: date
    peer: bool


def end_of_next_month(today: date) -> date:
    """The last day of the month after ``today`` (a sensible default due date)."""
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return date(year, month, calendar.monthrange(year, month)[1])


class ProgrammeDialog(_Dialog):
    """Assign a monthly programme: cases per manager, due date, peer audit."""

    CONFIRM_KEY = "Assign"

    def __init__(self, today: date, managers: int) -> None:
        super().__init__(classes="dialog")
        self.today = today
        self.managers = managers

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box"):
            yield Label("Assign a monthly audit programme", classes="dialog-title")
            yield Static(
                f"Every manager ({self.managers}) gets this many unaudited cases, chosen at random;"
                " each case is audited against its service area's rubric.",
                classes="dialog-body",
                markup=False,
            )
            yield Label("Cases per manager", classes="field-label")
            yield Input("2", id="per-manager", type="integer", compact=True)
            yield Label("Due date (YYYY-MM-DD)", classes="field-label")
            yield Input(end_of_next_month(self.today).isoformat(), id="due", compact=True)
            yield Checkbox(
                "Peer audit: never a manager's own team's cases", True, id="peer", compact=True
            )
            yield Label("", id="programme-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Assign", variant="primary", id="confirm", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#per-manager", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        error = self.query_one("#programme-error", Label)
        try:
            count = int(self.query_one("#per-manager", Input).value)
        except ValueError:
            count = 0
        if count < 1:
            error.update("Cases per manager must be a whole number, at least 1.")
            return
        try:
            due = parse_day(self.query_one("#due", Input).value)
        except BadInput as problem:
            error.update(f"{problem.message}.")
            return
        peer = self.query_one("#peer", Checkbox).value
        self.dismiss(ProgrammeRequest(count, due, peer))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
