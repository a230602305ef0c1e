"""The drift dashboard: who grades optimistically, on which criteria, since when, how much
is moderated, and whether audits are done on time.

:class:`~moderator.tui.screens.dashboard_view.DashboardView` builds the report and draws
it; :class:`DashboardScreen` adds the keys: the filters, moving between tabs and rows, the
audits behind a number and export. The paired rows are read only to list the audits behind
a number or to export them as CSV.
"""

from __future__ import annotations

from functools import partial
from io import BytesIO
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable, Select, Static, TabbedContent

from moderator.analysis.inputs import ReportFilters
from moderator.tui.actions import bindings_for
from moderator.tui.screens.dashboard_view import TABS, DashboardView
from moderator.tui.widgets import drift_tables as tables
from moderator.tui.widgets.drift_filters import DriftFilters

if TYPE_CHECKING:
    from moderator.analysis.drilldown import Dimension
    from moderator.analysis.report import Stats
    from moderator.tui.screens.export import ExportRequest

DRILLABLE: dict[str, Dimension] = {
    "managers": "manager",
    "criteria-table": "criterion",
    "periods": "period",
    "manager-trends": "manager",
}
"""Tables whose rows open the audits behind them, and the breakdown each row belongs to."""


class DashboardScreen(DashboardView):
    """Headline, heat map, per-manager leniency, per-criterion drift, trend, coverage."""

    SCOPE = "dashboard"
    BINDINGS = bindings_for("dashboard")
    WITHOUT_DATA = frozenset({"back", "refresh_report"})
    """The actions that need no report on screen: their keys act at once, as the app's own
    (help, the palette, quit) do. The keys that act on the report (rows, tabs, filters,
    export) wait until it is on screen, and the keys after them too, in order."""

    class Exported(Message):
        """The report was written to a file (or, for a download, rendered as ``data``)."""

        def __init__(self, request: ExportRequest, data: bytes | None = None) -> None:
            super().__init__()
            self.request = request
            self.data = data

    # -- filters -------------------------------------------------------------------------
    @on(DriftFilters.Changed)
    def filters_changed(self, event: DriftFilters.Changed) -> None:
        self.apply(filters=event.filters, period=event.period)
        if event.submitted:
            self.focus_tab_content()

    # -- where the focus is -------------------------------------------------------------
    def in_filters(self) -> bool:
        focused = self.focused
        bar = self.query_one("#dash-filters")
        return focused is not None and (focused is bar or bar in focused.ancestors)

    def drill_table(self) -> DataTable[Any] | None:
        """The focused table if its rows open audits and it has any."""
        focused = self.focused
        if isinstance(focused, DataTable) and focused.id in DRILLABLE and focused.row_count:
            return focused
        return None

    # -- actions ------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "drill":
            # False (not None) lets Enter through to the filters and the tabs.
            return self.drill_table() is not None and self.report is not None
        if action == "export":
            return True if self.report is not None else None
        return True

    @on(DataTable.RowSelected)
    def row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_drill()

    def action_drill(self) -> None:
        table = self.drill_table()
        if table is None or self.report is None:
            return
        from moderator.services.paired_rows import drift_audits
        from moderator.tui.screens.drift_audits import DriftAuditsScreen

        dimension = DRILLABLE[table.id or ""]
        row = table.cursor_row
        if table.id == "managers":
            stats: Stats = self.managers[row]
            key = self.managers[row].key
        elif table.id == "criteria-table":
            stats = self.criteria[row]
            key = self.criteria[row].key
        elif table.id == "periods":
            stats = self.periods[row]
            key = self.periods[row].key
        else:
            key = self.trend_keys[row]
            stats = next(m for m in self.report.by_manager if m.key == key)
        what, detail = tables.drill_heading(
            report=self.report,
            dimension=dimension,
            key=key,
            stats=stats,
            title=self.titles.get(key, key),
            caption=self.caption(self.report, with_filters=True),
        )
        load = partial(
            drift_audits,
            self.moderator_app.require_store(),
            self.user,
            dimension,
            key,
            filters=self.filters,
            period=self.period,
        )
        self.app.push_screen(
            DriftAuditsScreen(
                what,
                detail,
                load,
                show_manager=self.is_lead and dimension != "manager",
                note=tables.drill_note(self.report, dimension),
            )
        )

    def action_switch_tab(self, step: int) -> None:
        tabs = self.query_one("#dash-tabs", TabbedContent)
        index = TABS.index(self.active_tab()) if self.active_tab() in TABS else 0
        tabs.active = TABS[(index + step) % len(TABS)]
        self.focus_tab_content()

    def action_move(self, step: int) -> None:
        focused = self.focused
        if isinstance(focused, DataTable):
            if step > 0:
                focused.action_cursor_down()
            else:
                focused.action_cursor_up()
        elif isinstance(focused, Widget) and focused.allow_vertical_scroll:
            focused.scroll_relative(y=step * 2, animate=False)

    def action_filter(self) -> None:
        # A manager has no team to choose (their own audits only): the dates come first.
        self.query_one("#dash-team" if self.is_lead else "#dash-since").focus()

    def action_toggle_period(self) -> None:
        select = self.query_one("#dash-period", Select)
        select.value = "month" if self.period == "quarter" else "quarter"

    def action_refresh_report(self) -> None:
        self.query_one("#dash-caption", Static).update("Reading the audits again…")
        self.load_inputs()

    def action_back(self) -> None:
        if self.in_filters():
            self.focus_tab_content()
            return
        self.app.pop_screen()

    def action_export(self) -> None:
        from moderator.tui.screens.export import ExportDialog

        def chosen(request: ExportRequest | None) -> None:
            if request is not None:
                self.export(request)

        served = self.moderator_app.served  # a browser tab: a download, nothing written here
        self.app.push_screen(ExportDialog(self.moderator_app.today(), download=served), chosen)

    @work(thread=True, group="export", exit_on_error=False)
    def export(self, request: ExportRequest) -> None:
        """Write the report on screen to a file, or render a download's bytes (worker thread)."""
        from moderator.reports.export import export_report, render_export

        report = self.report
        if report is None:
            return
        filters = ReportFilters(**report.filters.model_dump())
        pairs = None
        if request.fmt == "csv":  # the paired rows themselves: read only for this
            from moderator.services.paired_rows import report_inputs

            pairs = report_inputs(self.moderator_app.require_store(), self.user, filters)[0]
        from moderator.services.report_context import context_of

        store, authority = self.moderator_app.require_store(), self.moderator_app.settings.authority
        report = report.model_copy(
            update=context_of(store, self.user, filters, authority=authority)
        )
        if request.download:
            data = render_export(report, request.fmt, pairs=pairs, filters=filters)
            self.post_message(self.Exported(request, data))
            return
        export_report(report, request.fmt, request.path, pairs=pairs, filters=filters)
        self.post_message(self.Exported(request))

    def on_dashboard_screen_exported(self, message: Exported) -> None:
        name = message.request.path.name
        if message.data is None:
            self.notify(f"Wrote {message.request.path}", title="Exported", timeout=8)
            return
        self.app.deliver_binary(BytesIO(message.data), save_filename=name)
        self.notify(f"Sent {name} to your browser as a download.", title="Exported", timeout=8)
