"""The drift dashboard's view: the report built, drawn and shown tab by tab.

:class:`DashboardView` lays the screen out, builds the report and draws it;
:class:`~moderator.tui.screens.dashboard.DashboardScreen` adds the keys: the
filters, moving between tabs and rows, the audits behind a number, export.

A lead sees every manager; a manager sees their own audits (the service layer's
role rules decide, through :func:`moderator.services.reporting.report_counts`).
The report is built from count tables in a worker thread (SQLite counts; no
paired row is read), and the headline is put on screen before the tables are
drawn. Changing the period rebuilds from the same counts; changing a filter
counts again. numpy and scipy are imported only in that worker, never at
start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from rich.console import RenderableType
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, HorizontalScroll, VerticalScroll
from textual.events import Resize
from textual.message import Message
from textual.widgets import DataTable, Select, Static, TabbedContent, TabPane

from moderator.analysis.inputs import ReportFilters
from moderator.tui.base import ModeratorScreen
from moderator.tui.widgets import drift_panels as panels
from moderator.tui.widgets import drift_tables as tables
from moderator.tui.widgets.drift_charts import Chart, Palette
from moderator.tui.widgets.drift_filters import DriftFilters
from moderator.tui.widgets.footer import Footer
from moderator.tui.widgets.header import Header
from moderator.tui.widgets.row_table import RowTable
from moderator.tui.widgets.tables import SCROLLBAR, Cell, fill_table, fit_widths, natural_widths

if TYPE_CHECKING:
    from textual.worker import Worker

    from moderator.analysis.counts import GradeCounts
    from moderator.analysis.inputs import Assignment
    from moderator.analysis.report import GroupStats, ManagerStats, Report
    from moderator.services.users import User
    from moderator.tui.app import ModeratorApp

PLOT_LEAST = 15
"""The narrowest interval plot or bar: its scale's labels still fit."""

TABS = ("tab-overview", "tab-managers", "tab-criteria", "tab-trend")
MAIN_WIDGET = {
    "tab-overview": "#overview",
    "tab-managers": "#managers",
    "tab-criteria": "#criteria-table",
    "tab-trend": "#periods",
}
"""What takes the focus when a tab is shown."""


class DashboardView(ModeratorScreen):
    """The report on screen: headline, heat map, per-manager leniency, per-criterion drift,
    trend, coverage (read-only by itself)."""

    TITLE = "Drift dashboard"
    AUTO_FOCUS = ""
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012 - Textual's plain attribute

    class ReportBuilt(Message):
        """A report was built for the filters and period of the moment."""

        def __init__(
            self,
            report: Report,
            filters: ReportFilters,
            period: str,
            teams: list[str] | None = None,
            titles: dict[str, str] | None = None,
        ) -> None:
            super().__init__()
            self.report = report
            self.filters = filters
            self.period = period
            self.teams = teams
            """Every team (from the first, unfiltered count), for the filter."""
            self.titles = titles

    def __init__(self, user: User) -> None:
        super().__init__()
        self.user = user
        self.counted: tuple[ReportFilters, GradeCounts, list[Assignment]] | None = None
        """The last count tables and the filters they were counted with (worker threads only)."""
        self.teams: list[str] = []
        self.titles: dict[str, str] = {}
        """Criterion titles by the report's criterion keys."""
        self.report: Report | None = None
        self.filters = ReportFilters()
        self.period = "quarter"
        self.loaded = False
        """True once the first report is on screen."""
        self.first_shown = False  # until the first report is on screen (or could not be built)
        self.managers: list[ManagerStats] = []
        self.criteria: list[GroupStats] = []
        self.periods: list[GroupStats] = []
        self.trend_keys: list[str] = []
        self.plot_width = 0
        self.drawn_width = 0
        """The screen's width when the tables were last fitted to it."""

    @property
    def moderator_app(self) -> ModeratorApp:
        from moderator.tui.app import ModeratorApp

        assert isinstance(self.app, ModeratorApp)
        return self.app

    @property
    def is_lead(self) -> bool:
        return self.user.role.value == "lead"

    # -- layout ------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield DriftFilters(id="dash-filters", own_audits_only=not self.is_lead)
        yield Static("Building the drift report…", id="dash-headline", markup=False)
        yield Static("", id="dash-caption", markup=False)
        with TabbedContent(id="dash-tabs", initial="tab-overview"):
            with TabPane("Overview", id="tab-overview"), VerticalScroll(id="overview"):
                with Horizontal(id="overview-top"):
                    yield Chart(id="heatmap")
                    yield Chart(id="key-figures")
                yield Chart(id="coverage")
                yield Chart(id="compliance")
            with TabPane("Managers", id="tab-managers"):
                yield RowTable(id="managers")
                yield Static("", id="managers-more", classes="left-out", markup=False)
                yield Chart(id="managers-legend")
            with TabPane("Criteria", id="tab-criteria"):
                yield RowTable(id="criteria-table")
                yield Static("", id="criteria-more", classes="left-out", markup=False)
                yield Chart(id="criteria-legend")
            with TabPane("Trend", id="tab-trend"), VerticalScroll(id="trend"):
                yield Static("", id="trend-title", markup=False)
                with HorizontalScroll(id="trend-chart-box"):
                    yield Chart(id="trend-chart", natural_width=True)
                yield RowTable(id="periods")
                yield RowTable(id="manager-trends")
        yield Footer()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.render_tables())
        self.load_inputs()

    def on_resize(self, event: Resize) -> None:
        if self.report is not None and self.size.width != self.drawn_width:
            self.query_one("#dash-caption", Static).update(self.caption(self.report))
            self.render_tables()

    def wanted_plot_width(self) -> int:
        """Cells for the interval plots and bars at most: more on a wide terminal (fewer
        where the other columns need the room: :meth:`fitted`)."""
        return 31 if self.size.width >= 140 else 21 if self.size.width >= 100 else PLOT_LEAST

    # -- data ----------------------------------------------------------------------------
    def load_inputs(self) -> None:
        """Count the audits again (first open, F5) and build the report."""
        self.counted = None
        self.rebuild(self.filters, self.period)

    @work(thread=True, exclusive=True, group="report", exit_on_error=False)
    def rebuild(self, filters: ReportFilters, period: str) -> None:
        """Count (unless these filters were just counted) and build the report (worker thread:
        numpy and scipy load here)."""
        from moderator.analysis.build import build_report
        from moderator.services.calibration_stats import with_calibration
        from moderator.services.reporting import criterion_titles, report_counts

        store = self.moderator_app.require_store()
        first = not self.titles
        if self.counted is None or self.counted[0] != filters:
            counts, assignments = report_counts(store, self.user, filters)
            self.counted = (filters, counts, assignments)
        _, counts, assignments = self.counted
        report = build_report(
            counts,
            assignments=assignments,
            coverage_target=self.moderator_app.settings.coverage_target,
            period=period,
            filters=filters,
            source="database",
            as_of=self.moderator_app.today(),
            # the store's clock: the demo's own on the demo, so an export says when it was made
            generated_at=datetime.fromisoformat(store.now()),
        )
        report = with_calibration(store, self.user, report)  # a lead's: beside leniency
        teams = titles = None
        if first:
            teams = sorted({t for t in counts.audits.team.labels if t}, key=str.casefold)
            titles = criterion_titles(store)
        self.post_message(self.ReportBuilt(report, filters, period, teams, titles))

    def on_dashboard_view_report_built(self, message: ReportBuilt) -> None:
        if message.titles is not None:
            self.titles = message.titles
        if message.teams is not None and not self.teams and self.is_lead:
            self.teams = message.teams
            team = self.query_one("#dash-team", Select)
            team.set_options([(t, t) for t in self.teams])
            if self.filters.team in self.teams:
                team.value = self.filters.team
        if (message.filters, message.period) != (self.filters, self.period):
            return  # the filters changed again meanwhile; a newer report is coming
        self.report = message.report
        # The headline first: the tables and charts follow on the next refresh.
        self.query_one("#dash-headline", Static).update(message.report.headline)
        self.query_one("#dash-caption", Static).update(self.caption(message.report))
        self.call_after_refresh(self.show_report)

    def show_report(self) -> None:
        """Draw the report on screen (after its headline), and focus the tab the first time."""
        first = not self.loaded
        self.loaded = True
        self.render_report()
        if first:
            self.focus_tab_content()
            self.first_data_shown()

    def worker_failed(self, worker: Worker[Any], error: BaseException | None) -> None:
        """Say on screen that there is no report (the notification says why)."""
        if worker.group == "report" and self.report is None:
            self.query_one("#dash-headline", Static).update(
                "The drift report could not be built. F5 tries again."
            )
            self.first_data_shown()  # nothing to wait for: the keys held act
        elif worker.group == "report":
            self.query_one("#dash-caption", Static).update(
                "Not updated: the report for these filters could not be built."
            )

    def apply(self, filters: ReportFilters | None = None, period: str | None = None) -> None:
        """Rebuild the report if the filters or the period changed."""
        filters = filters or self.filters
        period = period or self.period
        if (filters, period) == (self.filters, self.period):
            return
        self.filters, self.period = filters, period
        self.query_one("#dash-caption", Static).update("Updating…")
        self.rebuild(filters, period)

    # -- drawing -------------------------------------------------------------------------
    def palette(self) -> Palette:
        return Palette.from_variables(self.app.theme_variables)

    def render_report(self) -> None:
        """Put the report on screen."""
        report = self.report
        if report is None:
            return
        self.query_one("#dash-headline", Static).update(report.headline)
        self.query_one("#dash-caption", Static).update(self.caption(report))
        level = report.leniency.level if report.leniency else 0.9
        self.query_one("#heatmap", Chart).draw(partial(panels.heatmap_panel, report))
        self.query_one("#key-figures", Chart).draw(partial(panels.key_figures, report))
        self.query_one("#coverage", Chart).draw(
            partial(panels.coverage_panel, report, by_team=self.is_lead)
        )
        self.query_one("#compliance", Chart).draw(partial(panels.compliance_panel, report))
        self.query_one("#trend-title", Static).update(
            f"Mean drift per {report.period}, overall grades (positive: managers more optimistic)"
        )
        self.query_one("#trend-chart", Chart).draw(self.draw_trend)
        self.call_after_refresh(self.show_latest_periods)
        self.query_one("#managers-legend", Chart).draw(
            partial(
                panels.managers_legend,
                level,
                calibration=bool(report.calibration and report.calibration.by_manager),
            )
        )
        self.query_one("#criteria-legend", Chart).draw(panels.criteria_legend)
        self.render_tables()
        self.refresh_bindings()

    def caption(self, report: Report, *, with_filters: bool = False) -> str:
        """Whose audits and how many; the filters too where the filter bar is not in view."""
        team = f" in {report.filters.team}" if report.filters.team else ""
        whose = f"Every manager{team}" if self.is_lead else f"Your audits ({self.user.name})"
        # the caption's room: the screen less its padding (at 80x24 the figures were cut)
        width = self.size.width - 2 if self.size.width and not with_filters else None
        return tables.report_caption(report, whose, with_filters=with_filters, width=width)

    def draw_trend(self, palette: Palette, width: int) -> RenderableType:
        """The trend chart, spread over the screen's width, taller on a tall screen."""
        if self.report is None:
            return ""
        height = 8 if self.size.height >= 40 else 5
        return panels.trend_panel(self.report, palette, self.size.width - 4, height=height)

    def render_tables(self) -> None:
        """Fill the managers, criteria and trend tables (again after a theme or size change)."""
        report = self.report
        if report is None or not self.is_mounted:
            return
        palette = self.palette()
        self.plot_width = self.wanted_plot_width()
        self.drawn_width = self.size.width
        self.render_managers(report, palette)
        self.render_criteria(report, palette)
        self.render_periods(report, palette)
        self.render_manager_trends(report, palette)

    def table_room(self) -> int:
        """Cells a dashboard table may fill without scrolling sideways (its scrollbar kept)."""
        return self.size.width - SCROLLBAR

    def trend_room(self) -> int:
        """Cells a table of the trend tab may fill: less its padding and its scrollbar."""
        return self.size.width - 2 - SCROLLBAR

    def fitted(
        self,
        build: Callable[[int], tables.Table],
        shrink: list[tuple[str, int]],
        *,
        first: tuple[list[tuple[str, int]], str] | None = None,
    ) -> tuple[tables.Table, dict[str, int]]:
        """A table with an interval plot or bar, and its column widths, fitted to the screen.

        Built with the widest plot for the screen; where the columns do not all fit, they
        narrow in the order of ``shrink`` (:func:`fit_widths`): the plot is built again
        at its new width, other columns are cut with ``…``. What still does not fit
        scrolls sideways, and the first columns stay whole. ``first``, a gentler shrink
        and a column: tried before ``shrink``, and kept when that column is still shown
        (trailing columns are left out rather than a name cut short).
        """
        table = build(self.plot_width)
        _, columns, rows = table
        plot = next(key for _, key in columns if key in ("plot", "bar"))
        natural = natural_widths(columns, rows)
        widths = fit_widths(natural, self.table_room(), shrink)
        if first is not None:
            gentle = fit_widths(natural, self.table_room(), first[0])
            if first[1] in gentle:
                widths = gentle
        if plot not in widths:  # (the table's first columns fill the screen)
            return table, widths
        widths[plot] = max(PLOT_LEAST, widths[plot])
        if widths[plot] < self.plot_width:
            table = build(widths[plot])
        return table, widths

    def render_managers(self, report: Report, palette: Palette) -> None:
        (self.managers, columns, rows), widths = self.fitted(
            partial(tables.manager_table, report, palette, is_lead=self.is_lead),
            [("plot", 21), ("manager", 14), ("plot", PLOT_LEAST), ("manager", 12)],
            # A browser (151 or 113 wide) cut names to 14 cells to keep a wide plot and the
            # last columns: the plot gives way first, then the last columns, while the
            # interval stays whole; only narrower than that do names go to 14 and 12.
            first=([("plot", PLOT_LEAST), ("manager", 16)], "interval"),
        )
        shown = fill_table(self.query_one("#managers", DataTable), columns, rows, widths=widths)
        self.say_left_out("#managers-more", columns, shown)

    def render_criteria(self, report: Report, palette: Palette) -> None:
        (self.criteria, columns, rows), widths = self.fitted(
            partial(tables.criteria_table, report, palette, titles=self.titles),
            [
                ("bar", 21),
                ("criterion", 56),
                ("bar", PLOT_LEAST),
                ("criterion", 40),
                ("rubric", 12),
                ("criterion", 20),
            ],
        )
        shown = fill_table(
            self.query_one("#criteria-table", DataTable), columns, rows, widths=widths
        )
        self.say_left_out("#criteria-more", columns, shown)

    def say_left_out(self, where: str, columns: list[tuple[Cell, str]], shown: list[str]) -> None:
        """Name the columns too wide for the screen, which the table leaves out rather than
        show cut short, so that the reader knows they exist and how to see them."""
        titles = [
            (title.plain if isinstance(title, Text) else str(title)).strip()
            for title, key in columns
            if key not in shown
        ]
        line = self.query_one(where, Static)
        widen = "window" if self.moderator_app.served else "terminal"
        line.update(
            f"Left out at this width: {', '.join(titles)}. Widen the {widen} to see them."
            if titles
            else ""
        )
        line.display = bool(titles)

    def render_periods(self, report: Report, palette: Palette) -> None:
        self.periods, columns, rows = tables.periods_table(report, palette, self.plot_width)
        fill_table(self.query_one("#periods", DataTable), columns, rows, room=self.trend_room())

    def render_manager_trends(self, report: Report, palette: Palette) -> None:
        self.trend_keys, columns, rows = tables.manager_trends_table(
            report, palette, is_lead=self.is_lead
        )
        room = self.trend_room()
        fill_table(self.query_one("#manager-trends", DataTable), columns, rows, room=room)

    # -- tabs and focus --------------------------------------------------------------------
    def active_tab(self) -> str:
        return self.query_one("#dash-tabs", TabbedContent).active or TABS[0]

    def focus_tab_content(self) -> None:
        """Focus the main widget of the shown tab (so Enter and j/k act on it).

        At once, not after a refresh (``focus()``): the keys typed after ``]`` act on the tab.
        """
        self.set_focus(self.query_one(MAIN_WIDGET.get(self.active_tab(), "#overview")))

    @on(TabbedContent.TabActivated, "#dash-tabs")
    def tab_shown(self) -> None:
        self.focus_tab_content()
        if self.active_tab() == "tab-trend":
            self.call_after_refresh(self.show_latest_periods)

    def show_latest_periods(self) -> None:
        """The latest periods matter most: when the chart is wider than the screen, show its end."""
        box = self.query_one("#trend-chart-box", HorizontalScroll)
        box.scroll_to(x=box.max_scroll_x, animate=False, immediate=True)
