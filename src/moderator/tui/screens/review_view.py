"""The disagreement review on screen: both gradings side by side, the detail and the outcome.

:class:`ReviewView` lays the review out, reads the comparison on a worker and
shows it: the table of criteria (disagreements with their drift in grade steps),
the descriptors and notes behind the highlighted row, and the moderated overall
grade with the outcome. :class:`~moderator.tui.screens.review.ReviewScreen` adds
the decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Input, Static

from moderator.domain.grade_sheet import rationale_problem
from moderator.domain.grades import Grade
from moderator.tui.base import ModeratorScreen
from moderator.tui.text import drift_text, grade_abbrev
from moderator.tui.widgets.footer import Footer
from moderator.tui.widgets.header import Header
from moderator.tui.widgets.row_table import RowTable

if TYPE_CHECKING:
    from moderator.services.moderation import ComparisonRow, ModerationComparison
    from moderator.services.review import Decision, ReviewSession


CRITERION_WIDTH = 30
"""Characters of a criterion's title in the table at 100 columns (the detail below has it in
full); narrower on 80 columns, so every decision column and the state stay in view, and
wider where there is room (:func:`criterion_width`)."""
OTHER_COLUMNS_WIDTH = 58
"""Manager, Moderator, Drift, Moderated and the state ("to decide") with the table's padding
and scroll bar."""


def title_cell(title: str, limiting: bool, width: int) -> str:
    """A criterion's title in ``width`` characters, cut with an ellipsis; the limiting mark kept."""
    mark = "  ⚑" if limiting else ""
    room = width - len(mark)
    return (title if len(title) <= room else title[: room - 1] + "…") + mark


def criterion_width(screen_width: int) -> int:
    """The criterion column's width on a screen this wide: what the other columns leave."""
    return max(16, min(60, screen_width - OTHER_COLUMNS_WIDTH))


def _grade(g: Grade | None) -> str:
    return "—" if g is None else g.short


class ReviewView(ModeratorScreen):
    """One submitted moderation's comparison on screen (read-only by itself)."""

    TITLE = "Review"  # "Review · <case>" once the comparison is read

    class Loaded(Message):
        """A (re)read of the comparison, from a worker."""

        def __init__(
            self,
            session: ReviewSession,
            comparison: ModerationComparison,
            *,
            elsewhere: bool = False,
            said: tuple[str, ...] = (),
        ) -> None:
            self.session = session
            self.comparison = comparison
            self.elsewhere = elsewhere
            """Read again because another window changed the review."""
            self.said = said
            """What the reload says first (the change elsewhere, what here was refused): the
            screen adds what it keeps or lost, in one notice."""
            super().__init__()

    def __init__(self, open_session: Callable[[], ReviewSession]) -> None:
        super().__init__()
        self.open_session = open_session
        self.session: ReviewSession | None = None
        self.comparison: ModerationComparison | None = None
        self.decisions: dict[str, Decision] = {}
        self.override: Grade | None = None
        self.override_reason: str | None = None
        self.recorded: dict[str, Decision] = {}
        """What the database holds for each disagreement (what an undo goes back to)."""
        self.undo_stack: list[tuple[str, Decision, bool]] = []
        """Changes as (criterion, the decision it replaced, recorded), newest last: a decision
        recorded, or a grade key not recorded yet (ctrl+z puts the screen's grade back)."""
        self.shown: str | None = None
        """The criterion whose detail and rationale are shown."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="review-body"):
            yield Static("Loading…", id="review-summary")
            # Home, End, PageUp, PageDown go to the screen's jumps through the criteria
            yield RowTable(id="review-table", jumps=True)
            with VerticalScroll(id="review-detail-box"):
                yield Static("", id="review-detail")
            yield Input(
                placeholder="Rationale: which descriptor does the evidence meet? (Enter to record)",
                id="review-rationale",
                # r opens the rationale to add to it: selected whole, the first key typed
                # replaced it ("too short" gone after a new grade and r)
                select_on_focus=False,
            )
            yield Static("", id="review-overall")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # The decision columns come first after the criterion, whose width is capped, so
        # Drift and Moderated stay in view on 80 columns.
        table.add_column("Criterion", key="criterion")
        table.add_columns("Manager", "Moderator", "Drift", "Moderated", "")
        self.load()

    # -- loading ---------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="db", exit_on_error=False)
    def load(self) -> None:
        session = self.session or self.open_session()
        self.post_message(self.Loaded(session, session.load()))

    def on_review_view_loaded(self, message: Loaded) -> None:
        self.show_loaded(message)

    def show_loaded(self, message: Loaded) -> None:
        """Show the comparison read, as recorded (what the screen had decided is replaced)."""
        from moderator.services.review import decision_of

        self.session = message.session
        self.comparison = message.comparison
        self.decisions = {
            r.criterion: decision_of(r) for r in message.comparison.rows if not r.agreed
        }
        self.recorded = dict(self.decisions)
        # a grade key's undo is for the screen it was pressed on, not one read again
        self.undo_stack[:] = [u for u in self.undo_stack if u[2]]
        view = message.comparison.moderated_overall
        self.override = view.override
        self.override_reason = view.override_reason
        self.title = f"Review · {message.comparison.case_ref}"
        self.render_rows()
        self.show_detail()
        # Once complete, the footer must stop offering grades, rationale and complete.
        self.refresh_bindings()

    @property
    def editable(self) -> bool:
        return self.comparison is not None and self.comparison.status == "submitted"

    # -- rendering -------------------------------------------------------------------------
    def render_rows(self) -> None:
        assert self.comparison is not None
        table = self.query_one(DataTable)
        row_index = table.cursor_row
        table.clear()
        # The rule completion enforces (a rationale too short is no rationale): the row's
        # mark and the count of what is left on the status line both follow it.
        left = set(self.to_decide())
        for r in self.comparison.rows:
            decided = r.agreed or r.criterion not in left
            moderated = r.manager_grade if r.agreed else self.decisions[r.criterion].grade
            # why it is still to decide, where a grade and a rationale are there
            short = not decided and moderated is not None and self.decisions[r.criterion].complete
            table.add_row(
                Text(title_cell(r.title, r.limiting, criterion_width(self.app.size.width))),
                grade_abbrev(r.manager_grade),
                grade_abbrev(r.moderator_grade),
                drift_text(r.drift),
                grade_abbrev(moderated),
                Text("✓", style="green")
                if decided
                else Text("too short" if short else "to decide", style="yellow"),
                key=r.criterion,
            )
        if self.comparison.rows:
            table.move_cursor(row=min(max(row_index, 0), len(self.comparison.rows) - 1))
        self.show_overall()

    def to_decide(self) -> list[str]:
        """The disagreements completion would refuse as they are on screen (its one rule: a
        rationale too short is none), for the rows' marks and the one count of what is left."""
        assert self.comparison is not None and self.session is not None
        return self.session.preview(
            self.comparison, self.decisions, self.override, self.override_reason
        ).to_decide

    def show_overall(self) -> None:
        assert self.comparison is not None and self.session is not None
        c = self.comparison
        preview = self.session.preview(c, self.decisions, self.override, self.override_reason)
        state = {
            "submitted": "Review in progress",
            "reviewed": f"Review complete: {c.outcome}",
        }.get(c.status, c.status)
        self.query_one("#review-summary", Static).update(
            Text.assemble(
                (f"{state}", "bold"),
                f" · {c.case_ref} · manager {c.manager}"
                f" · manager overall {_grade(c.manager_overall)}"
                f" · your blind overall {_grade(c.moderator_overall)}",
            )
        )
        outcome = preview.outcome or "—"
        left = len(preview.to_decide)
        line = Text.assemble(
            ("Moderated overall ", "bold"),
            (preview.overall.explanation, ""),
            "   Outcome: ",
            (outcome, "bold red" if outcome == "downgraded" else "bold"),
            f"   {left} to decide" if self.editable else "",
        )
        self.query_one("#review-overall", Static).update(line)
        self.query_one("#review-rationale", Input).display = self.editable

    def current_row(self) -> ComparisonRow | None:
        if self.comparison is None or not self.comparison.rows:
            return None
        index = self.query_one(DataTable).cursor_row
        if 0 <= index < len(self.comparison.rows):
            return self.comparison.rows[index]
        return None

    def shown_row(self) -> ComparisonRow | None:
        """The row whose detail and rationale are on screen."""
        if self.comparison is None:
            return None
        return next((r for r in self.comparison.rows if r.criterion == self.shown), None)

    def show_detail(self) -> None:
        row = self.current_row()
        detail = self.query_one("#review-detail", Static)
        rationale = self.query_one("#review-rationale", Input)
        if row is None or self.session is None:
            detail.update("")
            self.shown = None
            return
        self.shown = row.criterion
        crit = self.session.rubric.criterion(row.criterion)
        text = Text()
        text.append(f"{row.title}\n", style="bold")
        text.append(f"{crit.question}\n\n", style="italic")
        text.append(f"Manager ({_grade(row.manager_grade)}): ", style="bold")
        text.append(f"{row.manager_note or '(no note)'}\n")
        text.append(f"Moderator ({_grade(row.moderator_grade)}): ", style="bold")
        text.append(f"{row.moderator_note or '(no note)'}\n\n")
        for g in Grade:
            mark = (
                "●"
                if (row.agreed and g == row.manager_grade)
                or (not row.agreed and self.decisions[row.criterion].grade == g)
                else " "
            )
            text.append(f"{mark} {int(g)} {g.label}: ", style="bold")
            text.append(f"{crit.descriptors.for_grade(g)}\n")
        if row.agreed:
            text.append("\nAgreed: the moderated grade is the agreed grade.", style="green")
        elif self.decisions[row.criterion].rationale:
            decision = self.decisions[row.criterion]
            text.append(f"\nModerated {_grade(decision.grade)}: ", style="bold")
            text.append(decision.rationale)
            if problem := rationale_problem(decision.rationale):
                text.append(f"\nNot decided yet: {problem}.", style="yellow")
        detail.update(text)
        if not row.agreed:
            rationale.value = self.decisions[row.criterion].rationale
            rationale.disabled = not self.editable
        else:
            rationale.value = ""
            rationale.disabled = True

    def show_undone(self, criterion: str, before: Decision) -> None:
        """On the criterion undone, with its grade and rationale back, and say so."""
        assert self.comparison is not None and self.session is not None
        index = [r.criterion for r in self.comparison.rows].index(criterion)
        self.query_one(DataTable).move_cursor(row=index)
        self.render_rows()
        self.show_detail()
        grade = "no moderated grade" if before.grade is None else before.grade.label
        with_rationale = f", “{before.rationale}”" if before.rationale else ""
        title = self.session.rubric.criterion(criterion).title
        self.notify(f"Undone: {title} is back to {grade}{with_rationale}.", markup=False)

    def say_too_short(self, criterion: str) -> None:
        from moderator.domain.grade_sheet import MIN_RATIONALE

        assert self.session is not None
        self.notify(
            f"{self.session.rubric.criterion(criterion).title}: rationale too short (at least"
            f" {MIN_RATIONALE} characters, spaces not counted): this criterion is not decided"
            " yet. Saved as a draft; r adds to it.",
            title="Not decided",
            severity="warning",
            timeout=8,
            markup=False,
        )

    @on(DataTable.RowHighlighted)
    def row_moved(self) -> None:
        # Only for a row not shown yet: the table says a row is highlighted after every
        # refill too, and by then a rationale may be being typed for the row shown.
        row = self.current_row()
        if row is None or row.criterion != self.shown:
            self.moved_on()
            self.show_detail()

    def moved_on(self) -> None:
        """The user moved to another criterion (a notice about the last one may go)."""
