"""A reviewed audit's moderation feedback: the manager's grades beside the moderated ones, and why.

Opened instead of the grading screen for an audit whose moderation review is
complete (by its manager, or a lead, including from the dashboard's
drill-down). Per criterion: the manager's grade, the moderated grade, the
drift in grade steps and the moderator's rationale; above them, the moderated
overall grade and the outcome. ``g`` opens the manager's grading of the case
(read-only). Nothing here appears before the review is complete: the service
only returns feedback for reviewed moderations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from moderator.tui.actions import bindings_for
from moderator.tui.base import ModeratorScreen
from moderator.tui.text import drift_text, grade_abbrev, grade_label
from moderator.tui.widgets.footer import Footer
from moderator.tui.widgets.header import Header
from moderator.tui.widgets.row_table import RowTable, jump_row, refill_in_place
from moderator.tui.widgets.tables import (
    SCROLLBAR,
    Cell,
    Row,
    fill_table,
    fit_widths,
    natural_widths,
)

if TYPE_CHECKING:
    from moderator.services.grading import (
        CriterionFeedback,
        GradingSheet,
        GradingTarget,
        ModerationFeedback,
    )

SHRINK = (("rationale", 24), ("criterion", 32), ("rationale", 12), ("criterion", 16))
"""How the columns give up room to fit the screen (see :func:`fit_widths`)."""
OUTCOME_STYLES = {"downgraded": "bold red", "upgraded": "bold yellow", "agreed": "bold green"}


class FeedbackScreen(ModeratorScreen):
    """One reviewed audit: the two gradings per criterion, the drift and the rationales."""

    SCOPE = "feedback"
    BINDINGS = bindings_for("feedback")
    AUTO_FOCUS = "#feedback-table"

    def __init__(self, target: GradingTarget, sheet: GradingSheet) -> None:
        super().__init__()
        assert sheet.feedback is not None
        self.target = target
        self.sheet = sheet
        self.feedback: ModerationFeedback = sheet.feedback
        self.notes = {e.criterion: e.note for e in sheet.entries}
        self.fitted_width = 0
        """The screen's width when the columns were last fitted to it."""

    @property
    def calibration(self) -> bool:
        """Whether this is a calibration case: the other column is the panel's agreed grade."""
        return self.feedback.kind == "calibration"

    @property
    def own(self) -> bool:
        """Whether the viewer is the audit's manager (the columns then say "Yours")."""
        user = self.workbench.user
        return user is not None and user.name == self.sheet.owner

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="feedback-body"):
            yield Static("", id="feedback-headline")
            yield RowTable(id="feedback-table", jumps=True)
            with VerticalScroll(id="feedback-detail-box"):
                yield Static("", id="feedback-detail")
        yield Footer()

    def on_mount(self) -> None:
        what = "Calibration" if self.calibration else "Moderation feedback"
        self.title = what  # the sub-title names the audit and its case
        self.sub_title = f"{self.sheet.title} · {self.sheet.owner}"
        self.fill_table()
        self.query_one("#feedback-headline", Static).update(self.headline())
        self.show_detail()

    def fill_table(self) -> None:
        """The criteria, fitted to the screen's width: a title or a rationale too long for
        its column is cut with ``…`` (the detail below has both in full)."""
        table: DataTable[Any] = self.query_one(DataTable)
        self.fitted_width = self.app.size.width
        columns: list[tuple[Cell, str]] = [
            ("Criterion", "criterion"),
            ("Yours" if self.own else "Manager", "manager"),
            ("Agreed" if self.calibration else "Moderated", "moderated"),
            ("Distance" if self.calibration else "Drift", "drift"),
            ("Panel's reason" if self.calibration else "Rationale", "rationale"),
        ]
        rows: list[Row] = []
        for c in self.feedback.criteria:
            rationale = (c.rationale or ("agreed" if c.drift == 0 else "—")).replace("\n", " ")
            cells: list[Cell] = [
                Text(c.title),
                grade_abbrev(c.manager_grade),
                grade_abbrev(c.moderated_grade),
                drift_text(c.drift),
                Text(rationale, style="dim" if not c.rationale else ""),
            ]
            rows.append((c.criterion, cells))
        # The rationale gives up room first, then the criterion's title, so Drift and the
        # rationale's start stay in view on 80 columns.
        room = self.fitted_width - SCROLLBAR
        widths = fit_widths(natural_widths(columns, rows), room, SHRINK)
        fill_table(table, columns, rows, widths=widths)

    def on_resize(self) -> None:
        """A new width: fit the columns to it, the cursor and the view where they were."""
        if self.fitted_width and self.app.size.width != self.fitted_width:
            table = self.query_one(DataTable)
            refill_in_place(table, self.fill_table)

    def headline(self) -> Text:
        """The outcome, the two overall grades and who moderated, in two lines."""
        f = self.feedback
        if self.calibration:
            return self.calibration_headline()
        outcome = f.outcome or "reviewed"
        mine = "Your" if self.own else f"{self.sheet.owner}'s"
        text = Text.assemble(
            ("Moderation: ", "bold"),
            (outcome, OUTCOME_STYLES.get(outcome, "bold")),
            f" · {mine} overall {grade_label(f.manager_overall)}",
            " · moderated overall ",
            (grade_label(f.moderated_overall), "bold"),
        )
        when = (f.reviewed_at or "")[:10]
        text.append(
            f"\nReviewed by {f.moderator or 'a moderator'}"
            + (f" on {when}" if when else "")
            + f" · {f.changed} of {len(f.criteria)} criteria changed",
            style="dim",
        )
        if f.overall_rationale:
            # The moderator's own words, which often begin "Overall …" themselves.
            text.append("\nThe moderator on the overall grade: ", style="bold")
            text.append(f.overall_rationale)
        return text

    def calibration_headline(self) -> Text:
        """A calibration case, said plainly now that the audit is submitted."""
        f = self.feedback
        mine = "Your" if self.own else f"{self.sheet.owner}'s"
        closer = sum(1 for c in f.criteria if c.drift == 0)
        text = Text.assemble(
            ("Calibration case: ", "bold"),
            "a panel agreed these grades before it reached you",
            f"\n{mine} overall {grade_label(f.manager_overall)} · agreed overall ",
            (grade_label(f.moderated_overall), "bold"),
        )
        text.append(
            f"\nAgreed by {f.moderator or 'a panel'} · {closer} of {len(f.criteria)} criteria"
            " the same as the panel's",
            style="dim",
        )
        return text

    def current(self) -> CriterionFeedback | None:
        """The criterion under the cursor."""
        index = self.query_one(DataTable).cursor_row
        if 0 <= index < len(self.feedback.criteria):
            return self.feedback.criteria[index]
        return None

    def show_detail(self) -> None:
        """The highlighted criterion in full: both grades, the note, the rationale, the descriptor."""
        c = self.current()
        detail = self.query_one("#feedback-detail", Static)
        if c is None:
            detail.update("")
            return
        whose = "Your" if self.own else "Manager's"
        text = Text()
        text.append(f"{c.title}\n", style="bold")
        text.append(f"{whose} grade: {grade_label(c.manager_grade)}", style="bold")
        other = "agreed" if self.calibration else "moderated"
        text.append(f"  ·  {other}: {grade_label(c.moderated_grade)}  ·  ", style="bold")
        text.append_text(drift_text(c.drift))
        note = self.notes.get(c.criterion, "").strip()
        text.append(f"\n{whose} evidence: ", style="bold")
        text.append(note or "(no note)")
        text.append(
            "\nThe panel's reason: " if self.calibration else "\nModerator's rationale: ",
            style="bold",
        )
        text.append(c.rationale or ("the grades agreed" if c.drift == 0 else "(none)"))
        if c.descriptor and c.moderated_grade is not None:
            text.append(f"\n\n{c.moderated_grade.label} means: ", style="italic")
            text.append(c.descriptor, style="italic")
        detail.update(text)

    @on(DataTable.RowHighlighted)
    def row_moved(self) -> None:
        self.show_detail()

    def action_move(self, step: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.cursor_row + step)

    def action_jump(self, where: str) -> None:
        jump_row(self.query_one(DataTable), where)

    def action_open_sheet(self) -> None:
        from moderator.tui.screens.grading import GradingScreen

        target = self.target
        self.app.push_screen(GradingScreen(lambda: target))

    def action_back(self) -> None:
        self.dismiss(None)
