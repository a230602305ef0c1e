"""The drift dashboard: who grades optimistically, on which criteria, since when, how much
is moderated, and whether audits are done on time.

A lead sees every manager; a manager sees their own audits (the service layer's
role rules decide, through :func:`moderator.services.reporting.report_inputs`).
The paired grades are read once in a worker; changing a filter or the period
rebuilds the report from them in another worker, so numpy and scipy are only
imported when the dashboard is first opened, never at start-up.
"""

from __future__ import annotations

import math
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from rich.console import RenderableType
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, HorizontalScroll, VerticalScroll
from textual.events import Resize
from textual.message import Message
from textual.validation import Function
from textual.widget import Widget
from textual.widgets import (
    DataTable,
    Footer,
    Header,
    Input,
    Label,
    Select,
    Static,
    TabbedContent,
    TabPane,
)

from moderator.analysis.inputs import ReportFilters
from moderator.reports.formatting import fmt, managers_by_leniency
from moderator.tui.actions import bindings_for
from moderator.tui.base import ModeratorScreen
from moderator.tui.widgets.drift_charts import (
    Chart,
    Palette,
    Scale,
    drift_bar,
    interval_plot,
    sparkline,
)
from moderator.tui.widgets.drift_panels import (
    compliance_panel,
    coverage_panel,
    criteria_legend,
    heatmap_panel,
    key_figures,
    leniency_verdict,
    managers_legend,
    trend_panel,
    worst_first,
)
from moderator.tui.widgets.tables import fill_table

if TYPE_CHECKING:
    from textual.worker import Worker

    from moderator.analysis.drilldown import Dimension
    from moderator.analysis.inputs import Assignment
    from moderator.analysis.pairs import PairedGrades
    from moderator.analysis.report import GroupStats, ManagerStats, Report, Stats
    from moderator.services.users import User
    from moderator.store import Store
    from moderator.tui.app import ModeratorApp
    from moderator.tui.screens.export import ExportRequest

TABS = ("tab-overview", "tab-managers", "tab-criteria", "tab-trend")
MAIN_WIDGET = {
    "tab-overview": "#overview",
    "tab-managers": "#managers",
    "tab-criteria": "#criteria-table",
    "tab-trend": "#periods",
}
"""What takes the focus when a tab is shown."""

DRILLABLE: dict[str, Dimension] = {
    "managers": "manager",
    "criteria-table": "criterion",
    "periods": "period",
    "manager-trends": "manager",
}
"""Tables whose rows open the audits behind them, and the breakdown each row belongs to."""


def _valid_date(value: str) -> bool:
    if not value.strip():
        return True
    try:
        date.fromisoformat(value.strip())
    except ValueError:
        return False
    return True


def criterion_titles(store: Store) -> dict[str, str]:
    """Criterion titles keyed as the report keys criteria: ``id`` and ``rubric/id``."""
    from moderator.services.rubrics import rubric_by_hash

    titles: dict[str, str] = {}
    hashes = store.execute("SELECT DISTINCT rubric_hash FROM audits WHERE status = 'submitted'")
    for (digest,) in hashes.fetchall():
        rubric = rubric_by_hash(store, digest)
        for criterion in rubric.criteria:
            titles.setdefault(criterion.id, criterion.title)
            titles[f"{rubric.id}/{criterion.id}"] = criterion.title
    return titles


class DashboardScreen(ModeratorScreen):
    """Headline, heat map, per-manager leniency, per-criterion drift, trend, coverage."""

    SCOPE = "dashboard"
    BINDINGS = bindings_for("dashboard")
    AUTO_FOCUS = ""
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012 - Textual's plain attribute

    class InputsLoaded(Message):
        """The paired grades and assignments this user may see were read."""

        def __init__(
            self,
            pairs: PairedGrades,
            assignments: list[Assignment],
            teams: list[str],
            titles: dict[str, str],
        ) -> None:
            super().__init__()
            self.pairs = pairs
            self.assignments = assignments
            self.teams = teams
            self.titles = titles

    class ReportBuilt(Message):
        """A report was built for the filters and period of the moment."""

        def __init__(self, report: Report, filters: ReportFilters, period: str) -> None:
            super().__init__()
            self.report = report
            self.filters = filters
            self.period = period

    class Exported(Message):
        """The report was written to a file."""

        def __init__(self, request: ExportRequest) -> None:
            super().__init__()
            self.request = request

    def __init__(self, user: User) -> None:
        super().__init__()
        self.user = user
        self.pairs: PairedGrades | None = None
        self.assignments: list[Assignment] = []
        self.teams: list[str] = []
        self.titles: dict[str, str] = {}
        """Criterion titles by the report's criterion keys."""
        self.report: Report | None = None
        self.filters = ReportFilters()
        self.period = "quarter"
        self.loaded = False
        """True once the first report is on screen."""
        self.managers: list[ManagerStats] = []
        self.criteria: list[GroupStats] = []
        self.periods: list[GroupStats] = []
        self.trend_keys: list[str] = []
        self.plot_width = 0

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
        with Horizontal(id="dash-filters"):
            yield Label("Team", classes="filter-label")
            yield Select[str]([], prompt="All teams", id="dash-team", compact=True)
            yield Label("From", classes="filter-label")
            date_ok = Function(_valid_date, "not a date (YYYY-MM-DD)")
            yield Input(
                placeholder="YYYY-MM-DD", id="dash-since", compact=True, validators=[date_ok]
            )
            yield Label("to", classes="filter-label")
            yield Input(
                placeholder="YYYY-MM-DD", id="dash-until", compact=True, validators=[date_ok]
            )
            yield Select[str](
                [("By quarter", "quarter"), ("By month", "month")],
                value="quarter",
                allow_blank=False,
                id="dash-period",
                compact=True,
            )
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
                yield DataTable(id="managers", cursor_type="row", zebra_stripes=True)
                yield Chart(id="managers-legend")
            with TabPane("Criteria", id="tab-criteria"):
                yield DataTable(id="criteria-table", cursor_type="row", zebra_stripes=True)
                yield Chart(id="criteria-legend")
            with TabPane("Trend", id="tab-trend"), VerticalScroll(id="trend"):
                yield Static("", id="trend-title", markup=False)
                with HorizontalScroll(id="trend-chart-box"):
                    yield Chart(id="trend-chart", natural_width=True)
                yield DataTable(id="periods", cursor_type="row", zebra_stripes=True)
                yield DataTable(id="manager-trends", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.render_tables())
        self.load_inputs()

    def on_resize(self, event: Resize) -> None:
        if self.report is not None and self.wanted_plot_width() != self.plot_width:
            self.render_tables()

    def wanted_plot_width(self) -> int:
        """Cells for the interval plots and bars: more on a wide terminal."""
        return 31 if self.size.width >= 140 else 21 if self.size.width >= 100 else 15

    # -- data ----------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="db", exit_on_error=False)
    def load_inputs(self) -> None:
        """Read the paired grades this user may see, then build the report (worker thread)."""
        from moderator.services.reporting import report_inputs

        store = self.moderator_app.require_store()
        pairs, assignments = report_inputs(store, self.user)
        teams = sorted({t for t in pairs.team.levels if t}, key=str.casefold)
        self.post_message(self.InputsLoaded(pairs, assignments, teams, criterion_titles(store)))

    def build(
        self,
        pairs: PairedGrades,
        assignments: list[Assignment],
        filters: ReportFilters,
        period: str,
    ) -> ReportBuilt:
        """Build the report (on a worker thread: numpy and scipy load here)."""
        from moderator.analysis.build import build_report

        report = build_report(
            pairs,
            assignments=assignments,
            coverage_target=self.moderator_app.settings.coverage_target,
            period=period,
            filters=filters,
            source=str(self.moderator_app.db_path),
            as_of=self.moderator_app.today(),
        )
        return self.ReportBuilt(report, filters, period)

    @work(thread=True, exclusive=True, group="report", exit_on_error=False)
    def rebuild(self, filters: ReportFilters, period: str) -> None:
        """Rebuild the report for new filters or period from the pairs already read."""
        if self.pairs is None:
            return
        self.post_message(self.build(self.pairs, self.assignments, filters, period))

    def on_dashboard_screen_inputs_loaded(self, message: InputsLoaded) -> None:
        self.pairs = message.pairs
        self.assignments = message.assignments
        self.teams = message.teams
        self.titles = message.titles
        team = self.query_one("#dash-team", Select)
        team.set_options([(t, t) for t in self.teams])
        if self.filters.team in self.teams:
            team.value = self.filters.team
        self.rebuild(self.filters, self.period)

    def on_dashboard_screen_report_built(self, message: ReportBuilt) -> None:
        if (message.filters, message.period) != (self.filters, self.period):
            return  # the filters changed again meanwhile; a newer report is coming
        self.report = message.report
        first = not self.loaded
        self.loaded = True
        self.render_report()
        if first:
            self.focus_tab_content()

    def worker_failed(self, worker: Worker[Any], error: BaseException | None) -> None:
        """Say on screen that there is no report (the notification says why)."""
        if worker.group in ("db", "report") and self.report is None:
            self.query_one("#dash-headline", Static).update(
                "The drift report could not be built. F5 tries again."
            )
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
        self.query_one("#heatmap", Chart).draw(partial(heatmap_panel, report))
        self.query_one("#key-figures", Chart).draw(partial(key_figures, report))
        self.query_one("#coverage", Chart).draw(
            partial(coverage_panel, report, by_team=self.is_lead)
        )
        self.query_one("#compliance", Chart).draw(partial(compliance_panel, report))
        self.query_one("#trend-title", Static).update(
            f"Mean drift per {report.period}, overall grades (positive: managers more optimistic)"
        )
        self.query_one("#trend-chart", Chart).draw(self.draw_trend)
        self.call_after_refresh(self.show_latest_periods)
        self.query_one("#managers-legend", Chart).draw(partial(managers_legend, level))
        self.query_one("#criteria-legend", Chart).draw(criteria_legend)
        self.render_tables()
        self.refresh_bindings()

    def caption(self, report: Report, *, with_filters: bool = False) -> str:
        """Whose audits and how many; the filters too where the filter bar is not in view."""
        parts = ["Every manager" if self.is_lead else f"Your audits ({self.user.name})"]
        if with_filters:
            f = report.filters
            parts.append(f"team {f.team}" if f.team else "all teams")
            if f.since or f.until:
                since = f.since.isoformat() if f.since else "the start"
                until = f.until.isoformat() if f.until else "today"
                parts.append(f"{since} to {until}")
            else:
                parts.append("all dates")
        parts.append(f"{report.audits:,} submitted audits, {report.coverage.moderated:,} moderated")
        return " · ".join(parts)

    def draw_trend(self, palette: Palette, width: int) -> RenderableType:
        """The trend chart, spread over the screen's width, taller on a tall screen."""
        if self.report is None:
            return ""
        height = 8 if self.size.height >= 40 else 5
        return trend_panel(self.report, palette, self.size.width - 4, height=height)

    def render_tables(self) -> None:
        """Fill the managers, criteria and trend tables (again after a theme or size change)."""
        report = self.report
        if report is None or not self.is_mounted:
            return
        palette = self.palette()
        self.plot_width = self.wanted_plot_width()
        self.render_managers(report, palette)
        self.render_criteria(report, palette)
        self.render_periods(report, palette)
        self.render_manager_trends(report, palette)

    def render_managers(self, report: Report, palette: Palette) -> None:
        self.managers = managers_by_leniency(report)
        values: list[float | None] = []
        for m in self.managers:
            values.append(m.leniency)
            if m.leniency_ci is not None:
                values.extend(m.leniency_ci)
        scale = Scale.covering(values, self.plot_width)
        coverage = {r.key: r for r in report.coverage.by_manager}
        compliance = {r.key: r for r in report.compliance.by_manager}
        rows: list[tuple[str, list[str | Text]]] = []
        for m in self.managers:
            cov = coverage.get(m.key)
            comp = compliance.get(m.key)
            judged = None if comp is None else comp.on_time + comp.late + comp.overdue
            rows.append(
                (
                    m.key,
                    [
                        Text(m.key, style="bold" if m.optimistic else ""),
                        Text(fmt(m.n, "int"), justify="right"),
                        Text(fmt(m.leniency, "signed"), justify="right"),
                        interval_plot(
                            m.leniency, m.leniency_ci, scale, palette, flagged=m.optimistic
                        ),
                        leniency_verdict(m, palette),
                        fmt(m.leniency_ci, "ci"),
                        Text(fmt(m.mean_drift, "signed"), justify="right"),
                        Text(fmt(m.downgraded, "pct"), justify="right"),
                        "–"
                        if cov is None
                        else f"{cov.moderated}/{cov.submitted} {fmt(cov.rate, 'pct')}",
                        "–" if comp is None else f"{comp.on_time}/{judged}",
                    ],
                )
            )
        columns: list[tuple[str | Text, str]] = [
            ("Manager" if self.is_lead else "You", "manager"),
            ("n", "n"),
            ("Leniency", "leniency"),
            (scale.header(), "plot"),
            ("", "verdict"),
            ("90% interval", "interval"),
            ("Mean drift", "mean"),
            ("Downgraded", "down"),
            ("Moderated", "coverage"),
            ("On time", "on_time"),
        ]
        fill_table(self.query_one("#managers", DataTable), columns, rows)

    def render_criteria(self, report: Report, palette: Palette) -> None:
        self.criteria = worst_first(report.by_criterion)
        scale = Scale.covering([g.mean_drift for g in self.criteria], self.plot_width)
        several_rubrics = any("/" in g.key for g in self.criteria)
        rows: list[tuple[str, list[str | Text]]] = []
        for g in self.criteria:
            title = Text(
                self.titles.get(g.key, g.key), style="bold", overflow="ellipsis", no_wrap=True
            )
            cells: list[str | Text] = [
                title,
                Text(fmt(g.n, "int"), justify="right"),
                Text(fmt(g.mean_drift, "signed"), justify="right"),
                drift_bar(g.mean_drift, scale, palette),
                Text(fmt(g.downgraded, "pct"), justify="right"),
                Text(fmt(g.to_inadequate, "int"), justify="right"),
                Text(fmt(g.exact_agreement, "pct"), justify="right"),
                Text(fmt(g.weighted_kappa, "num"), justify="right"),
            ]
            if several_rubrics:
                cells.append(Text(g.key.split("/", 1)[0], style=palette.fg(palette.muted)))
            rows.append((g.key, cells))
        columns: list[tuple[str | Text, str]] = [
            ("Criterion", "criterion"),
            ("n", "n"),
            ("Mean drift", "mean"),
            (scale.header(), "bar"),
            ("Downgraded", "down"),
            ("To Inad.", "inadequate"),
            ("Agreed", "agreed"),
            ("Kappa", "kappa"),
        ]
        if several_rubrics:
            columns.append(("Rubric", "rubric"))
        title_width = 28 if self.size.width < 100 else 40 if self.size.width < 140 else 56
        fill_table(
            self.query_one("#criteria-table", DataTable),
            columns,
            rows,
            max_width={"criterion": title_width},
        )

    def render_periods(self, report: Report, palette: Palette) -> None:
        self.periods = list(report.by_period)
        scale = Scale.covering([g.mean_drift for g in self.periods], self.plot_width)
        rows: list[tuple[str, list[str | Text]]] = [
            (
                g.key,
                [
                    Text(g.key, style="bold"),
                    Text(fmt(g.n, "int"), justify="right"),
                    Text(fmt(g.mean_drift, "signed"), justify="right"),
                    drift_bar(g.mean_drift, scale, palette),
                    fmt(g.mean_drift_ci, "ci"),
                    Text(fmt(g.downgraded, "pct"), justify="right"),
                    Text(fmt(g.to_inadequate, "int"), justify="right"),
                ],
            )
            for g in self.periods
        ]
        columns: list[tuple[str | Text, str]] = [
            (report.period.capitalize(), "period"),
            ("n", "n"),
            ("Mean drift", "mean"),
            (scale.header(), "bar"),
            ("95% interval", "ci"),
            ("Downgraded", "down"),
            ("To Inad.", "inadequate"),
        ]
        fill_table(self.query_one("#periods", DataTable), columns, rows)

    def render_manager_trends(self, report: Report, palette: Palette) -> None:
        periods = [p.key for p in report.by_period]
        values = [pt.mean_drift for s in report.trend for pt in s.points]
        present = [v for v in values if v is not None and math.isfinite(v)]
        low, high = (min(present), max(present)) if present else (0.0, 1.0)
        rows: list[tuple[str, list[str | Text]]] = []
        for series in report.trend:
            by_period = {pt.period: pt for pt in series.points}
            line = [by_period[p].mean_drift if p in by_period else None for p in periods]
            known = [pt for pt in series.points if pt.mean_drift is not None]
            colour = palette.worse if known and (known[-1].mean_drift or 0) > 0 else palette.agree
            rows.append(
                (
                    series.key,
                    [
                        Text(series.key, style="bold"),
                        Text(sparkline(line, low, high), style=palette.fg(colour)),
                        fmt(known[0].mean_drift, "signed") if known else "–",
                        fmt(known[-1].mean_drift, "signed") if known else "–",
                        Text(f"{sum(pt.n for pt in series.points):,}", justify="right"),
                    ],
                )
            )
        self.trend_keys = [key for key, _ in rows]
        first, last = (periods[0], periods[-1]) if periods else ("", "")
        columns: list[tuple[str | Text, str]] = [
            ("Manager" if self.is_lead else "You", "manager"),
            (f"Drift {first} … {last}" if periods else "Drift", "spark"),
            ("First", "first"),
            ("Latest", "latest"),
            ("n", "n"),
        ]
        fill_table(self.query_one("#manager-trends", DataTable), columns, rows)

    # -- filters -------------------------------------------------------------------------
    @on(Select.Changed, "#dash-team")
    def team_chosen(self, event: Select.Changed) -> None:
        value = event.value
        team = value if isinstance(value, str) else None
        self.apply(filters=ReportFilters(self.filters.since, self.filters.until, team))

    @on(Select.Changed, "#dash-period")
    def period_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.apply(period=event.value)

    @on(Input.Submitted, "#dash-since, #dash-until")
    @on(Input.Blurred, "#dash-since, #dash-until")
    def dates_entered(self, event: Input.Submitted | Input.Blurred) -> None:
        raw = {
            name: self.query_one(f"#dash-{name}", Input).value.strip()
            for name in ("since", "until")
        }
        try:
            since, until = (
                date.fromisoformat(raw[n]) if raw[n] else None for n in ("since", "until")
            )
        except ValueError:
            self.notify("Dates are written YYYY-MM-DD, e.g. 2020-04-01.", severity="warning")
            return
        if since and until and since > until:
            self.notify(f"{since} is after {until}: nothing would be shown.", severity="warning")
            return
        self.apply(filters=ReportFilters(since, until, self.filters.team))
        if isinstance(event, Input.Submitted):
            self.focus_tab_content()

    # -- tabs and focus --------------------------------------------------------------------
    def active_tab(self) -> str:
        return self.query_one("#dash-tabs", TabbedContent).active or TABS[0]

    def focus_tab_content(self) -> None:
        """Focus the main widget of the shown tab (so Enter and j/k act on it)."""
        self.query_one(MAIN_WIDGET.get(self.active_tab(), "#overview")).focus()

    @on(TabbedContent.TabActivated, "#dash-tabs")
    def tab_shown(self) -> None:
        self.focus_tab_content()
        if self.active_tab() == "tab-trend":
            self.call_after_refresh(self.show_latest_periods)

    def show_latest_periods(self) -> None:
        """The latest periods matter most: when the chart is wider than the screen, show its end."""
        box = self.query_one("#trend-chart-box", HorizontalScroll)
        box.scroll_to(x=box.max_scroll_x, animate=False, immediate=True)

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
            return self.drill_table() is not None and self.pairs is not None
        if action == "export":
            return True if self.report is not None else None
        return True

    @on(DataTable.RowSelected)
    def row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_drill()

    def action_drill(self) -> None:
        table = self.drill_table()
        if table is None or self.pairs is None or self.report is None:
            return
        from moderator.analysis.drilldown import audits_behind
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
        what = {
            "manager": f"{key}: overall grades",
            "criterion": f"Criterion: {self.titles.get(key, key)}",
            "period": f"{self.report.period.capitalize()} {key}: overall grades",
            "team": f"Team {key}",
        }[dimension]
        detail = (
            f"{stats.n:,} moderated · mean drift {fmt(stats.mean_drift, 'signed')}"
            f" (95% {fmt(stats.mean_drift_ci, 'ci')}) · downgraded {fmt(stats.downgraded, 'pct')}"
            f" · {self.caption(self.report, with_filters=True)}"
        )
        load = partial(
            audits_behind, self.pairs, dimension, key, filters=self.filters, period=self.period
        )
        self.app.push_screen(
            DriftAuditsScreen(
                what, detail, load, show_manager=self.is_lead and dimension != "manager"
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
        self.query_one("#dash-team", Select).focus()

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

        self.app.push_screen(ExportDialog(self.moderator_app.today()), chosen)

    @work(thread=True, group="export", exit_on_error=False)
    def export(self, request: ExportRequest) -> None:
        """Write the report on screen to a file (worker thread)."""
        from moderator.reports.export import export_report

        report = self.report
        if report is None:
            return
        filters = ReportFilters(**report.filters.model_dump())
        export_report(report, request.fmt, request.path, pairs=self.pairs, filters=filters)
        self.post_message(self.Exported(request))

    def on_dashboard_screen_exported(self, message: Exported) -> None:
        self.notify(f"Wrote {message.request.path}", title="Exported", timeout=8)
