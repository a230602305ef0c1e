"""The audits behind a number on the drift dashboard; Enter opens one, read-only."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Static

from moderator.tui.actions import bindings_for
from moderator.tui.base import ModeratorScreen
from moderator.tui.text import drift_words
from moderator.tui.widgets.drift_charts import Palette
from moderator.tui.widgets.footer import Footer
from moderator.tui.widgets.header import Header
from moderator.tui.widgets.row_table import RowTable
from moderator.tui.widgets.tables import Cell, Row, fill_table

if TYPE_CHECKING:
    from moderator.analysis.drilldown import AuditDrift


def drift_text(drift: int, palette: Palette) -> Text:
    """A drift as ``2 down``/``agreed``/``1 up`` (:func:`drift_words`), coloured: optimistic
    (worse), agreed, pessimistic."""
    if drift > 0:
        return Text(drift_words(drift), style=palette.fg(palette.worse, bold=drift > 1))
    if drift < 0:
        return Text(drift_words(drift), style=palette.fg(palette.better))
    return Text(drift_words(drift), style=palette.fg(palette.agree))


class DriftAuditsScreen(ModeratorScreen):
    """A list of moderated audits (case, date, manager's and moderated grade, drift)."""

    SCOPE = "drift-audits"
    TITLE = "Audits behind a number"
    BINDINGS = bindings_for("drift-audits")
    AUTO_FOCUS = "#drift-audits"

    class Loaded(Message):
        """The audits were picked out of the report's paired grades."""

        def __init__(self, audits: list[AuditDrift]) -> None:
            super().__init__()
            self.audits = audits

    def __init__(
        self,
        title: str,
        detail: str,
        load: Callable[[], list[AuditDrift]],
        *,
        show_manager: bool = True,
        note: str = "",
    ) -> None:
        """``load`` picks the audits; it runs on a worker thread. ``note``: a line under the
        detail (how to read its figures), if any."""
        super().__init__()
        self.heading = title
        self.detail = detail
        self.note = note
        self.load = load
        self.show_manager = show_manager
        self.audits: list[AuditDrift] = []
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.heading, id="drift-title", markup=False)
        yield Static(self.detail, id="drift-detail", markup=False)
        if self.note:
            yield Static(self.note, id="drift-note", markup=False)
        yield RowTable(id="drift-audits")
        yield Static("Loading…", id="drift-empty", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.pick_audits()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.render_rows())

    @work(thread=True, exclusive=True, group="drill", exit_on_error=False)
    def pick_audits(self) -> None:
        """Pick the audits (worker thread: no widgets here)."""
        self.post_message(self.Loaded(self.load()))

    def on_drift_audits_screen_loaded(self, message: Loaded) -> None:
        self.audits = message.audits
        self.loaded = True
        self.render_rows()

    def render_rows(self) -> None:
        """Fill the table (again, after a theme switch)."""
        if not self.is_mounted:
            return
        criteria = {a.criterion for a in self.audits}
        show_criterion = len(criteria) > 1
        # What the number is made of first, so it is in view on 80 columns; who and where after.
        columns: list[tuple[Cell, str]] = [
            ("Case", "case"),
            ("Audited on", "date"),
            ("Manager's", "manager_grade"),
            ("Moderated", "moderated_grade"),
            ("Drift", "drift"),
        ]
        if show_criterion:
            columns.append(("Criterion", "criterion"))
        if self.show_manager:
            columns += [("Manager", "manager"), ("Team", "team")]
        palette = Palette.from_variables(self.app.theme_variables)
        rows: list[Row] = []
        for a in self.audits:
            cells: list[Cell] = [
                Text(a.case_ref, style="bold"),
                a.audited_on.isoformat(),
                a.manager_grade.short,
                a.moderated_grade.short,
                drift_text(a.drift, palette),
            ]
            if show_criterion:
                cells.append(a.criterion)
            if self.show_manager:
                cells += [a.manager, a.team]
            rows.append((a.audit_id, cells))
        fill_table(self.query_one("#drift-audits", DataTable), columns, rows)
        empty = self.query_one("#drift-empty", Static)
        empty.display = not self.audits
        empty.update("No moderated audits behind this number.")

    def current(self) -> AuditDrift | None:
        """The audit under the cursor."""
        table = self.query_one("#drift-audits", DataTable)
        if 0 <= table.cursor_row < len(self.audits):
            return self.audits[table.cursor_row]
        return None

    @on(DataTable.RowSelected, "#drift-audits")
    def row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_audit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_audit":
            return True if self.current() is not None else None
        return True

    def action_open_audit(self) -> None:
        audit = self.current()
        if audit is None:
            return
        try:
            audit_id = int(audit.audit_id)
        except ValueError:
            self.notify(f"Audit {audit.audit_id} is not in this database.", severity="warning")
            return
        self.workbench.open_audit(audit_id)  # the feedback view once reviewed

    def action_move(self, step: int) -> None:
        table = self.query_one("#drift-audits", DataTable)
        if step > 0:
            table.action_cursor_down()
        else:
            table.action_cursor_up()

    def action_back(self) -> None:
        self.app.pop_screen()
