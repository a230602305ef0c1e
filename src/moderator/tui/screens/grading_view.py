"""The grading screen's view: the case beside the rubric, the descriptors, the overall grade.

:class:`SheetView` lays the screen out, reads the target and shows a sheet;
:class:`~moderator.tui.screens.grading.GradingScreen` adds editing and saving.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Label, Static, TextArea

from moderator.tui.base import ModeratorScreen
from moderator.tui.text import service_area_label, status_label
from moderator.tui.widgets.criterion_list import CriterionList, CriterionRow
from moderator.tui.widgets.descriptor_panel import DescriptorPanel
from moderator.tui.widgets.footer import Footer
from moderator.tui.widgets.header import Header
from moderator.tui.widgets.overall_bar import OverallBar

if TYPE_CHECKING:
    from moderator.domain.grades import Grade
    from moderator.services.audits import CriterionEntry
    from moderator.services.grading import GradingSheet, GradingTarget


class SheetView(ModeratorScreen):
    """One grading sheet on screen (read-only by itself)."""

    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 - Textual declares it a plain class attribute
        (0, "-narrow"),
        (100, "-normal"),
        (140, "-wide"),
    ]
    VERTICAL_BREAKPOINTS = [  # noqa: RUF012 - Textual declares it a plain class attribute
        (0, "-shortest"),  # a small laptop's browser window (1024x497: 113x23)
        (26, "-short"),
        (32, "-tall"),
    ]

    class Loaded(Message):
        """The target was read."""

        def __init__(self, target: GradingTarget, sheet: GradingSheet) -> None:
            super().__init__()
            self.target = target
            self.sheet = sheet

    def __init__(self, open_target: Callable[[], GradingTarget]) -> None:
        """``open_target`` builds the target; it may block (it runs on a worker thread)."""
        super().__init__()
        self.open_target = open_target
        self.target: GradingTarget | None = None
        self.sheet: GradingSheet | None = None
        self.entries: dict[str, CriterionEntry] = {}
        self.override: Grade | None = None
        self.override_reason: str | None = None
        self.note_for: str | None = None
        """The criterion whose note is in the editor."""

    # -- layout -------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="banner", markup=False)
        with Horizontal(id="body"):
            with VerticalScroll(id="case-pane"):
                yield Static("", id="case-meta", markup=False)
                yield Static("Loading…", id="case-text", markup=False)
            with Horizontal(id="rubric-pane"):
                yield CriterionList(id="criteria")
                with Vertical(id="detail-pane"):
                    yield DescriptorPanel(id="descriptors")
                    yield Label("Evidence note", id="note-label")
                    yield TextArea(
                        "",
                        id="note",
                        soft_wrap=True,
                        tab_behavior="focus",
                        placeholder="What on file supports this grade? (needed before submitting)",
                    )
        yield OverallBar(id="overall")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#case-pane").border_title = "Case (anonymised)"
        self.query_one("#criteria").border_title = "Criteria"
        self.load()

    # -- loading ------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="db", exit_on_error=False)
    def load(self) -> None:
        """Open and read the target (worker thread)."""
        target = self.open_target()
        self.post_message(self.Loaded(target, target.load()))

    def on_sheet_view_loaded(self, message: Loaded) -> None:
        self.target = message.target
        self.target_loaded(message.target, message.sheet)
        self.show_sheet(message.sheet, first_load=True)

    def target_loaded(self, target: GradingTarget, sheet: GradingSheet) -> None:
        """A subclass's hook: the target is open."""

    def show_sheet(self, sheet: GradingSheet, *, first_load: bool = False) -> None:
        """Show a freshly read sheet (on opening, and after submitting)."""
        self.sheet = sheet
        self.entries = {e.criterion: e.model_copy() for e in sheet.entries}
        self.override, self.override_reason = sheet.override, sheet.override_reason
        self.sub_title = f"{sheet.title} · {sheet.owner}"
        self.query_one("#case-text", Static).update(sheet.case_text)
        criteria = self.query_one("#criteria", CriterionList)
        if first_load:
            rows = [
                CriterionRow(c, self.entries[c.id], i)
                for i, c in enumerate(sheet.rubric.criteria, start=1)
            ]
            criteria.extend(rows)
            for row in rows:
                row.set_class(row.entry.grade is None or not row.entry.note.strip(), "-incomplete")
            criteria.index = self.first_incomplete_index()
            criteria.focus()
        else:
            for row in criteria.rows():
                row.show(self.entries[row.criterion.id])
        self.set_class(sheet.read_only, "-read-only")
        banner = self.query_one("#banner", Static)
        banner.update(sheet.read_only_reason or "")
        banner.display = sheet.read_only
        note = self.query_one("#note", TextArea)
        note.read_only = sheet.read_only
        self.show_criterion()
        self.show_overall()
        self.query_one(OverallBar).saving("read-only" if sheet.read_only else "saved")
        self.refresh_bindings()

    def first_incomplete_index(self) -> int:
        """Where to resume: the first criterion missing a grade or a note."""
        assert self.sheet is not None
        for i, c in enumerate(self.sheet.rubric.criteria):
            e = self.entries[c.id]
            if e.grade is None or not e.note.strip():
                return i
        return 0

    # -- what is on screen --------------------------------------------------------------
    @property
    def current_id(self) -> str | None:
        """The highlighted criterion's id."""
        row = self.query_one("#criteria", CriterionList).current
        return None if row is None else row.criterion.id

    def show_criterion(self) -> None:
        """Show the highlighted criterion's descriptors and note."""
        if self.sheet is None:
            return
        cid = self.current_id
        if cid is None:
            return
        rubric = self.sheet.rubric
        criterion = rubric.criterion(cid)
        entry = self.entries[cid]
        self.query_one(DescriptorPanel).show(criterion, rubric.domain_of(cid).title, entry.grade)
        note = self.query_one("#note", TextArea)
        self.note_for = cid
        if note.text != entry.note:
            note.load_text(entry.note)
        self.query_one("#note-label", Label).update(f"Evidence note · {criterion.title}")

    def show_overall(self) -> None:
        """Derive and show the overall grade from the entries as they are now."""
        if self.target is None or self.sheet is None:
            return
        entries = list(self.entries.values())
        view = self.target.overall(entries, self.override, self.override_reason)
        graded = sum(e.grade is not None for e in entries)
        notes_missing = sum(e.grade is not None and not e.note.strip() for e in entries)
        self.query_one(OverallBar).show(view, graded, len(entries), notes_missing)
        self.show_case_meta()

    def live_status(self) -> str:
        """The sheet's state as the grading on screen makes it, not as it was when opened.

        The stored state is read once on opening, so a sheet opened "to do" would still say
        so with every criterion graded: while it can be edited, the words follow the entries.
        """
        assert self.sheet is not None
        status = self.sheet.status
        if self.sheet.read_only or status not in ("todo", "draft"):
            return status_label(status)
        entries = list(self.entries.values())
        if all(e.grade is not None and e.note.strip() for e in entries):
            return "Ready to submit"
        if any(e.grade is not None or e.note.strip() for e in entries):
            return status_label("draft")
        return status_label(status)

    def show_case_meta(self) -> None:
        """The case's line above its text: case, team, rubric, and the sheet's state now."""
        if self.sheet is None:
            return
        sheet = self.sheet
        self.query_one("#case-meta", Static).update(
            f"{sheet.case_ref} · {sheet.team} · {service_area_label(sheet.service_area)}"
            + (f" · opened {sheet.opened}" if sheet.opened else "")
            + f"\n{sheet.rubric.title} v{sheet.rubric.version} · {self.live_status()}"
            + (f" · due {sheet.due.isoformat()}" if sheet.due else "")
        )

    def show_entry(self, cid: str) -> None:
        """Redraw one criterion's row."""
        row = self.query_one("#criteria", CriterionList).row(cid)
        row.show(self.entries[cid])
