"""My audits: what to do, what is in draft, what is submitted; filter, search and sort."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Input, Static, Tab, Tabs

from moderator.tui.actions import bindings_for
from moderator.tui.base import ModeratorScreen
from moderator.tui.text import grade_label, service_area_label, status_label

if TYPE_CHECKING:
    from moderator.services.audits import AuditSummary
    from moderator.services.users import User
    from moderator.tui.app import ModeratorApp
    from moderator.tui.screens.dialogs import ProgrammeRequest, SampleRequest

STATES = ("all", "todo", "draft", "submitted")
STATE_TITLES = {"all": "All", "todo": "To do", "draft": "Drafts", "submitted": "Submitted"}
STATUS_ORDER = {"draft": 0, "todo": 1, "submitted": 2}
MAX_ROWS = 1000
"""Rows drawn at once; a lead with a very large database narrows the list by searching."""


@dataclass(frozen=True)
class Column:
    """A column of the audit table and how it sorts."""

    key: str
    title: str
    sort_key: Callable[[AuditSummary], Any]
    leads_only: bool = False


def _due_key(a: AuditSummary) -> tuple[bool, date]:
    return (a.due is None, a.due or date.max)


COLUMNS: tuple[Column, ...] = (
    Column("case", "Case", lambda a: a.case_ref.lower()),
    Column("manager", "Manager", lambda a: a.manager.lower(), leads_only=True),
    Column("state", "State", lambda a: (STATUS_ORDER.get(a.status, 9), _due_key(a))),
    Column("progress", "Progress", lambda a: (a.graded / a.total if a.total else 0, a.graded)),
    Column("due", "Due", _due_key),
    Column("team", "Team", lambda a: a.team.lower()),
    Column("area", "Service area", lambda a: a.service_area),
    Column("rubric", "Rubric", lambda a: a.rubric_title.lower()),
)


def search_text(a: AuditSummary) -> str:
    """What a search looks in: every visible field of the audit, lower-cased."""
    return " ".join(
        [
            a.case_ref,
            a.team,
            service_area_label(a.service_area),
            a.rubric_id,
            a.rubric_title,
            a.manager,
            status_label(a.status),
        ]
    ).lower()


def matches(a: AuditSummary, query: str, haystack: str | None = None) -> bool:
    """Whether an audit matches a search (every word, in any of its visible fields)."""
    text = search_text(a) if haystack is None else haystack
    return all(word in text for word in query.lower().split())


class HomeScreen(ModeratorScreen):
    """The user's audits with counts per state, search as you type and sortable columns."""

    SCOPE = "home"
    BINDINGS = bindings_for("home")
    AUTO_FOCUS = "#audits"

    class AuditsLoaded(Message):
        """The audit list was read from the database."""

        def __init__(self, audits: list[AuditSummary], managers: int) -> None:
            super().__init__()
            self.audits = audits
            self.managers = managers

    class ProgrammeAssigned(Message):
        """A programme was assigned."""

        def __init__(self, count: int, due: date) -> None:
            super().__init__()
            self.count = count
            self.due = due

    def __init__(self, user: User) -> None:
        super().__init__()
        self.user = user
        self.audits: list[AuditSummary] = []
        self.haystacks: dict[int, str] = {}
        self.shown: list[AuditSummary] = []
        self.managers = 0
        self.state = "all"
        self.query_text = ""
        self.sort_column: str | None = None
        self.sort_reverse = False
        self.loaded = False
        self.reload_on_resume = False
        """Set when an audit is opened: its progress may have changed when we come back."""

    @property
    def moderator_app(self) -> ModeratorApp:
        from moderator.tui.app import ModeratorApp

        assert isinstance(self.app, ModeratorApp)
        return self.app

    @property
    def is_lead(self) -> bool:
        return self.user.role.value == "lead"

    def columns(self) -> list[Column]:
        """The columns this user sees (leads also see the manager)."""
        return [c for c in COLUMNS if self.is_lead or not c.leads_only]

    # -- layout ------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="home-bar"):
            yield Tabs(*[Tab(STATE_TITLES[s], id=f"state-{s}") for s in STATES], id="states")
            yield Input(placeholder="Search (/)", id="search", compact=True)
        yield Static("Loading…", id="summary")
        table: DataTable[Any] = DataTable(id="audits", cursor_type="row", zebra_stripes=True)
        for column in self.columns():
            table.add_column(column.title, key=column.key)
        yield table
        yield Static("", id="empty", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.load_audits()

    def on_screen_resume(self) -> None:
        if self.loaded and self.reload_on_resume:
            self.reload_on_resume = False
            self.load_audits()

    # -- data ----------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="db", exit_on_error=False)
    def load_audits(self) -> None:
        """Read this user's audits (worker thread: no widgets here)."""
        from moderator.services.audits import list_audits

        store = self.moderator_app.require_store()
        audits = list_audits(store, self.user)
        managers = 0
        if self.is_lead:
            managers = int(store.scalar("SELECT count(*) FROM users WHERE role = 'manager'"))
        self.post_message(self.AuditsLoaded(audits, managers))

    def on_home_screen_audits_loaded(self, message: AuditsLoaded) -> None:
        self.audits = message.audits
        # Built once per load, so searching a lead's very long list stays instant as they type.
        self.haystacks = {a.id: search_text(a) for a in message.audits}
        self.managers = message.managers
        self.loaded = True
        self.refresh_counts()
        self.render_rows()
        self.moderator_app.mark_ready()

    def refresh_counts(self) -> None:
        """Show how many audits are in each state, on the tabs and in the summary line."""
        counts = {s: sum(a.status == s for a in self.audits) for s in STATES[1:]}
        counts["all"] = len(self.audits)
        tabs = self.query_one("#states", Tabs)
        for s in STATES:
            tab = tabs.query_one(f"#state-{s}", Tab)
            tab.label = f"{STATE_TITLES[s]} {counts[s]}"
        today = self.moderator_app.today()
        overdue = sum(
            a.due is not None and a.due < today and a.status != "submitted" for a in self.audits
        )
        who = f"{self.user.name} ({self.user.role.value})"
        parts = [
            f"{counts['todo']} to do",
            f"{counts['draft']} in draft",
            f"{counts['submitted']} submitted",
        ]
        if overdue:
            parts.append(f"{overdue} overdue")
        scope = "All audits" if self.is_lead else "Your audits"
        if self.user.role.value == "moderator":
            scope = "Audits you moderate"
        self.query_one("#summary", Static).update(Text(f"{scope}, {who}: " + " · ".join(parts)))

    def visible_audits(self) -> list[AuditSummary]:
        """The audits of the chosen state that match the search, sorted."""
        rows = [a for a in self.audits if self.state == "all" or a.status == self.state]
        if self.query_text.strip():
            rows = [a for a in rows if matches(a, self.query_text, self.haystacks.get(a.id))]
        if self.sort_column is not None:
            column = next(c for c in COLUMNS if c.key == self.sort_column)
            rows.sort(key=column.sort_key, reverse=self.sort_reverse)
        return rows

    def render_rows(self) -> None:
        """Redraw the table, keeping the cursor on the same audit where possible."""
        table = self.query_one("#audits", DataTable)
        keep = self.current_audit()
        rows = self.visible_audits()
        self.shown = rows[:MAX_ROWS]
        table.clear()
        today = self.moderator_app.today()
        cols = self.columns()
        for a in self.shown:
            table.add_row(*[self.cell(c.key, a, today) for c in cols], key=str(a.id))
        for c in cols:
            arrow = ""
            if c.key == self.sort_column:
                arrow = " ▼" if self.sort_reverse else " ▲"
            table.columns[c.key].label = Text(c.title + arrow)  # type: ignore[index]
        table.refresh()
        if keep is not None:
            for i, a in enumerate(self.shown):
                if a.id == keep.id:
                    table.move_cursor(row=i, animate=False)
                    break
        empty = self.query_one("#empty", Static)
        if rows:
            empty.display = len(rows) > MAX_ROWS
            empty.update(f"Showing {MAX_ROWS} of {len(rows)}: search to narrow the list.")
        else:
            empty.display = True
            if not self.audits:
                empty.update(self.nothing_assigned())
            else:
                empty.update("Nothing here matches. Esc clears the search; [ and ] switch state.")

    def nothing_assigned(self) -> str:
        """What to say when the user has no audits at all."""
        if self.is_lead:
            return "No audits yet. Press a to assign a monthly programme to the managers."
        if self.user.role.value == "moderator":
            return "No audits are waiting for your moderation."
        return "No audits assigned to you yet. Your lead assigns them (moderator audit programme)."

    def cell(self, key: str, a: AuditSummary, today: date) -> Text:
        """One table cell."""
        if key == "case":
            return Text(a.case_ref, style="bold")
        if key == "manager":
            return Text(a.manager)
        if key == "state" and self.user.role.value == "moderator":
            # A moderator's state is their moderation's (the audit itself is submitted).
            moderation = a.moderation
            if moderation is None or moderation in ("todo", "draft"):
                return Text("To moderate (blind)", style="bold")
            if moderation == "submitted":
                return Text("To review", style="italic")
            return Text(f"Reviewed · {moderation}", style="dim")
        if key == "state":
            label = status_label(a.status)
            if a.status == "submitted" and a.overall is not None:
                label += f" · {grade_label(a.overall, short=True)}"
            style = {"todo": "", "draft": "italic", "submitted": "dim"}.get(a.status, "")
            return Text(label, style=style)
        if key == "progress":
            if self.user.role.value == "moderator" and a.status != "submitted":
                return Text("—")
            return Text(f"{a.graded}/{a.total}")
        if key == "due":
            if a.due is None:
                return Text("—")
            overdue = a.due < today and a.status != "submitted"
            return Text(
                a.due.isoformat() + (" overdue" if overdue else ""), style="bold" if overdue else ""
            )
        if key == "team":
            return Text(a.team)
        if key == "area":
            return Text(service_area_label(a.service_area))
        if key == "rubric":
            return Text(a.rubric_title)
        raise KeyError(key)

    def current_audit(self) -> AuditSummary | None:
        """The audit under the cursor."""
        table = self.query_one("#audits", DataTable)
        if not self.shown or table.cursor_row is None:
            return None
        if 0 <= table.cursor_row < len(self.shown):
            return self.shown[table.cursor_row]
        return None

    # -- events -------------------------------------------------------------------------
    @on(Tabs.TabActivated, "#states")
    def state_chosen(self, event: Tabs.TabActivated) -> None:
        tab_id = event.tab.id or "state-all"
        self.state = tab_id.removeprefix("state-")
        if self.loaded:
            self.render_rows()

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        if self.loaded:
            self.render_rows()

    @on(Input.Submitted, "#search")
    def search_done(self) -> None:
        self.query_one("#audits", DataTable).focus()

    @on(DataTable.RowSelected, "#audits")
    def row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_audit()

    @on(DataTable.HeaderSelected, "#audits")
    def header_clicked(self, event: DataTable.HeaderSelected) -> None:
        key = str(event.column_key.value)
        if key == self.sort_column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = key, False
        self.render_rows()

    # -- actions ------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("assign_programme", "draw_sample"):
            return self.is_lead
        if action == "open_audit":
            return True if self.current_audit() is not None else None
        if action == "open_dashboard":
            return self.user.role.value in ("lead", "manager")
        return True

    def action_open_audit(self) -> None:
        audit = self.current_audit()
        if audit is None:
            return
        self.query_one("#audits", DataTable).focus()  # where the user lands on coming back
        self.reload_on_resume = True
        self.moderator_app.open_audit(audit.id)

    def action_move(self, step: int) -> None:
        table = self.query_one("#audits", DataTable)
        if step > 0:
            table.action_cursor_down()
        else:
            table.action_cursor_up()

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.focus()
        search.select_all()  # typing replaces the last search

    def action_clear_search(self) -> None:
        search = self.query_one("#search", Input)
        if search.value:
            search.value = ""
        self.query_one("#audits", DataTable).focus()

    def action_switch_state(self, step: int) -> None:
        index = STATES.index(self.state)
        new = STATES[(index + step) % len(STATES)]
        self.query_one("#states", Tabs).active = f"state-{new}"

    def action_sort_next(self) -> None:
        keys = [c.key for c in self.columns()]
        if self.sort_column not in keys:
            self.sort_column = keys[0]
        else:
            self.sort_column = keys[(keys.index(self.sort_column) + 1) % len(keys)]
        self.sort_reverse = False
        self.render_rows()
        title = next(c.title for c in COLUMNS if c.key == self.sort_column)
        self.notify(f"Sorted by {title}", timeout=2)

    def action_sort_reverse(self) -> None:
        if self.sort_column is None:
            self.sort_column = self.columns()[0].key
        else:
            self.sort_reverse = not self.sort_reverse
        self.render_rows()

    def action_refresh_list(self) -> None:
        self.load_audits()

    def action_switch_user(self) -> None:
        self.moderator_app.choose_user()

    def action_open_dashboard(self) -> None:
        from moderator.tui.screens.dashboard import DashboardScreen

        self.app.push_screen(DashboardScreen(self.user))

    def action_assign_programme(self) -> None:
        from moderator.tui.screens.dialogs import ProgrammeDialog

        def chosen(request: ProgrammeRequest | None) -> None:
            if request is not None:
                self.assign_programme(request)

        self.app.push_screen(ProgrammeDialog(self.moderator_app.today(), self.managers), chosen)

    def action_draw_sample(self) -> None:
        from moderator.tui.screens.dialogs import SampleDialog

        def chosen(request: SampleRequest | None) -> None:
            if request is not None:
                self.draw_sample(request)

        self.app.push_screen(
            SampleDialog(self.moderator_app.settings.sample, classes="dialog"), chosen
        )

    @work(thread=True, exclusive=True, group="db-write", exit_on_error=False)
    def draw_sample(self, request: SampleRequest) -> None:
        """Draw the sample (worker thread) and say what was drawn."""
        from moderator.services.sampling import draw_sample

        store = self.moderator_app.require_store()
        result = draw_sample(
            store,
            self.user,
            rate=request.rate,
            seed=request.seed,
            min_per_manager=request.min_per_manager,
            exclude_months=request.exclude_months,
            moderator=request.moderator,
        )
        managers = len({item.manager for item in result.items})
        self.app.call_from_thread(
            self.notify,
            f"Sample {result.id}: {len(result.items)} of {result.eligible} eligible audits"
            f" ({managers} managers), seed {result.seed}.",
            title="Moderation sample drawn",
        )

    @work(thread=True, exclusive=True, group="db-write", exit_on_error=False)
    def assign_programme(self, request: ProgrammeRequest) -> None:
        """Assign the programme (worker thread).

        Its own group: a list reload (group ``db``) must never cancel a write.
        """
        from moderator.services.audits import assign_programme

        store = self.moderator_app.require_store()
        ids = assign_programme(
            store,
            self.user,
            per_manager=request.per_manager,
            due=request.due,
            exclude_own_team=request.peer,
        )
        self.post_message(self.ProgrammeAssigned(len(ids), request.due))

    def on_home_screen_programme_assigned(self, message: ProgrammeAssigned) -> None:
        if message.count:
            self.notify(f"Assigned {message.count} audits, due {message.due.isoformat()}.")
        else:
            self.notify(
                "No unaudited cases were left to assign.",
                severity="warning",
                title="Nothing assigned",
            )
        self.load_audits()
