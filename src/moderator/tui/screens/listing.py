"""What every list of the workbench shares: state tabs with counts, search as you type, sorting.

:class:`ListScreen` is the user's home list (audits for managers and leads,
the moderation queue for moderators). A subclass says what its rows are, how
each is drawn and which state it is in; the counts on the tabs and in the
summary line are made from the same rows the table lists, so they agree. The
summary line counts the whole list; while a search is typed the tabs count what
it leaves (what each tab would list) and the summary says how many of the whole
list that is ("2 of 19 match the search").
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import DataTable, Input, Static, Tab, Tabs

from moderator.tui.screens.list_loading import ListLoading
from moderator.tui.screens.list_rows import NO_MATCH, count_states, matches
from moderator.tui.widgets.footer import Footer
from moderator.tui.widgets.header import Header
from moderator.tui.widgets.row_table import RowTable, cursor_to_key, jump_row, refill_in_place
from moderator.tui.widgets.tables import (
    SCROLLBAR,
    Cell,
    Row,
    fill_table,
    fit_widths,
    natural_widths,
)

T = TypeVar("T")

MAX_ROWS = 1000
"""Rows drawn at once; a lead with a very large database narrows the list by searching."""


@dataclass(frozen=True)
class Column(Generic[T]):
    """A column of a list and how it sorts."""

    key: str
    title: str
    sort_key: Callable[[T], Any]
    leads_only: bool = False


class ListScreen(ListLoading, Generic[T]):
    """A list of rows with state tabs, a summary line, search and sortable columns."""

    AUTO_FOCUS = "#audits"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-normal")]  # noqa: RUF012 - Textual's type
    IS_HOME = True
    """The bottom of the user's screens: the palette comes back here to run list actions."""
    STATES: ClassVar[tuple[str, ...]]
    STATE_TITLES: ClassVar[dict[str, str]]
    SHRINK: ClassVar[tuple[tuple[str, int], ...]] = ()
    """Columns that give up room, in turn, so the list fits the screen without scrolling
    sideways (:func:`~moderator.tui.widgets.tables.fit_widths`); their cells end in ``…``.
    The columns that still do not fit are left out, from the last."""

    EMPTY_STATES: ClassVar[dict[str, str]] = {}
    """What to say, by state, under a state tab that lists nothing while no search is typed
    (other states: "Nothing under To do.")."""

    class RowsLoaded(Message):
        """The rows were read from the database (by a worker)."""

        def __init__(self, rows: Sequence[Any], extra: dict[str, Any]) -> None:
            super().__init__()
            self.rows = list(rows)
            self.extra = extra

    def __init__(self) -> None:
        super().__init__()
        self.items: list[T] = []
        self.haystacks: dict[str, str] = {}
        self.shown: list[T] = []
        self.state = "all"
        self.query_text = ""
        self.sort_column: str | None = None
        self.sort_reverse = False
        self.fitted_width = 0
        """The screen's width when the columns were last fitted to it."""
        self.narrowed: dict[str, int] = {}
        self.shown_keys: list[str] = []
        """The keys of the columns on screen: those that fit it (see :meth:`fill_table`)."""
        """The columns narrowed to fit the screen, and their widths (see :attr:`SHRINK`)."""

    # -- what a subclass says ----------------------------------------------------------
    @abstractmethod
    def columns(self) -> list[Column[T]]:
        """The columns this user sees."""

    @abstractmethod
    def row_key(self, item: T) -> str:
        """A stable key for a row."""

    @abstractmethod
    def state_of(self, item: T) -> str:
        """Which state tab a row belongs to."""

    @abstractmethod
    def search_text(self, item: T) -> str:
        """Everything a search looks in, lower-cased."""

    @abstractmethod
    def cell(self, key: str, item: T) -> Text:
        """One table cell."""

    @abstractmethod
    def summary(self, counts: dict[str, int]) -> str:
        """The line above the table."""

    @abstractmethod
    def nothing_here(self) -> str:
        """What to say when the list is empty before any search."""

    @abstractmethod
    def read_rows(self) -> tuple[Sequence[T], dict[str, Any]]:
        """The rows and anything else the list needs (runs on a worker thread: no widgets)."""

    def load_rows(self) -> None:
        """Read the rows in the background; :class:`RowsLoaded` brings them back."""
        self.run_worker(
            self._read, thread=True, exclusive=True, group="db", exit_on_error=False, name="load"
        )

    def _read(self) -> None:
        rows, extra = self.read_rows()
        self.post_message(self.RowsLoaded(rows, extra))

    def rows_loaded(self, extra: dict[str, Any]) -> None:
        """A subclass's hook for what came with the rows."""

    # -- layout ------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="home-bar"):
            tabs = [Tab(self.STATE_TITLES[s], id=f"state-{s}") for s in self.STATES]
            yield Tabs(*tabs, id="states")
            yield Input(placeholder="Search (/)", id="search", compact=True)
        yield Static("Loading…", id="summary", markup=False)
        table = RowTable(id="audits", jumps=True)
        for column in self.columns():
            # A Text label: a str would be parsed as markup (and emoji codes, whose table
            # costs a hundredth of a second to load) though our titles carry none.
            table.add_column(Text(column.title), key=column.key)
        yield table
        yield Static("", id="empty", markup=False)
        yield Footer()

    async def first_rows(self) -> None:
        """Read the rows and show them before the keys that act on them (see :class:`ListLoading`)."""
        from textual.worker import WorkerCancelled, WorkerFailed

        worker = self.run_worker(
            self.read_rows, thread=True, exclusive=True, group="db", exit_on_error=False
        )
        try:
            rows, extra = await worker.wait()
        except (WorkerFailed, WorkerCancelled):
            pass  # the failure is reported (ReportsWorkerFailures); F5 reads again
        else:
            self.on_list_screen_rows_loaded(self.RowsLoaded(rows, extra))
        finally:
            self.first_data_shown()

    def on_list_screen_rows_loaded(self, message: RowsLoaded) -> None:
        self.items = message.rows
        # Built once per load, so searching a lead's very long list stays instant as they type.
        self.haystacks = {self.row_key(i): self.search_text(i) for i in message.rows}
        self.rows_loaded(message.extra)
        self.loaded = True
        self.render_rows()
        self.refresh_counts()  # after the rows: it says the sort if its column is left off
        self.refresh_bindings()
        self.workbench.mark_ready()

    def counts_of(self, rows: Sequence[T]) -> dict[str, int]:
        """How many of these rows are in each state (and ``all``)."""
        return count_states(rows, self.STATES, self.state_of)

    def counts(self) -> dict[str, int]:
        """How many rows are in each state (and ``all``): from the rows themselves."""
        return self.counts_of(self.items)

    def search_counts(self) -> dict[str, int] | None:
        """How many rows the search leaves in each state (and ``all``); None without a search."""
        if not self.query_text.strip():
            return None
        return self.counts_of(
            [i for i in self.items if matches(self.haystacks[self.row_key(i)], self.query_text)]
        )

    def refresh_counts(self) -> None:
        """Show the counts on the tabs (what each would list: the search's matches while one
        is typed) and in the summary line (the whole list, how much of it matches, and the
        sort when its column is left off the screen)."""
        counts = self.counts()
        found = self.search_counts()
        on_tabs = counts if found is None else found
        tabs = self.query_one("#states", Tabs)
        for s in self.STATES:
            tabs.query_one(f"#state-{s}", Tab).label = f"{self.STATE_TITLES[s]} {on_tabs[s]}"
        summary = self.summary(counts)
        if found is not None:
            summary += f" · {found['all']:,} of {counts['all']:,} match the search"
        sort = next((c.title for c in self.columns() if c.key == self.sort_column), None)
        if sort is not None and self.sort_column not in self.shown_keys:  # its arrow is not seen
            summary += f" · sorted by {sort}{self.arrow(self.sort_column or '')}"
        left_out = [c.title for c in self.columns() if c.key not in self.shown_keys]
        if self.shown_keys and left_out:  # a narrow terminal: say which, as the dashboard does
            # its own line: run on after " · ", the wrap left a dangling "·" at 80 columns
            summary += f"\nLeft out at this width: {', '.join(left_out)}"
        self.query_one("#summary", Static).update(summary)

    def visible_rows(self) -> list[T]:
        """The rows of the chosen state that match the search, sorted."""
        rows = [i for i in self.items if self.state == "all" or self.state_of(i) == self.state]
        if self.query_text.strip():
            rows = [i for i in rows if matches(self.haystacks[self.row_key(i)], self.query_text)]
        if self.sort_column is not None:
            column = next(c for c in self.columns() if c.key == self.sort_column)
            rows.sort(key=column.sort_key, reverse=self.sort_reverse)
        return rows

    def render_rows(self) -> None:
        """Redraw the table, keeping the cursor on the same row where possible."""
        table = self.query_one("#audits", DataTable)
        keep = self.current()
        rows = self.visible_rows()
        self.shown = rows[:MAX_ROWS]
        self.fill_table(table, self.shown)
        if keep is not None:
            cursor_to_key(table, self.row_key(keep))
        empty = self.query_one("#empty", Static)
        if rows:
            empty.display = len(rows) > MAX_ROWS
            empty.update(f"Showing {MAX_ROWS} of {len(rows)}: search to narrow the list.")
        else:
            empty.display = True
            empty.update(self.empty_message(bool(self.items)))

    def empty_message(self, anything: bool) -> str:
        """Why the table lists nothing: the search matches none of the state's rows, the
        state has none (``anything``: the list has rows in other states), or the list is
        empty."""
        if self.query_text.strip():
            return NO_MATCH
        if not anything:
            return self.nothing_here()
        why = self.EMPTY_STATES.get(self.state, f"Nothing under {self.STATE_TITLES[self.state]}.")
        return f"{why} [ and ] switch state."

    def fill_table(self, table: DataTable[Any], rows: Sequence[T]) -> None:
        """Put these rows in the table (and the sort arrow on its column's header), the
        columns fitted to the screen: the :attr:`SHRINK` columns narrowed where they must
        be (:attr:`narrowed`, their cells cut with ``…``), and the columns that still do not
        fit left out (:attr:`shown_keys`), so that no heading or cell is cut short."""
        cols = self.columns()
        self.narrowed = {}
        cells: list[Row] = [(self.row_key(i), [self.cell(c.key, i) for c in cols]) for i in rows]
        headings: list[tuple[Cell, str]] = [
            (Text(c.title + self.arrow(c.key)), c.key) for c in cols
        ]
        self.fitted_width = self.size.width
        natural = natural_widths(headings, cells)
        widths = fit_widths(natural, self.size.width - SCROLLBAR, self.SHRINK)
        self.narrowed = {k: w for k, w in widths.items() if w < natural[k]}
        self.shown_keys = fill_table(table, headings, cells, widths=widths)
        table.show_header = bool(rows)  # no rows: the line under the table says why
        table.set_class(not rows, "-empty")

    def arrow(self, key: str) -> str:
        """The sort's arrow for a column's heading (none where the list is not sorted by it)."""
        if key != self.sort_column:
            return ""
        return " ▼" if self.sort_reverse else " ▲"

    def on_resize(self) -> None:
        """A new width: fit the columns to it, keeping the cursor and the view where they are."""
        if not self.loaded or self.size.width == self.fitted_width:
            return
        table = self.query_one("#audits", DataTable)
        refill_in_place(table, lambda: self.fill_table(table, self.shown))
        self.refresh_counts()  # the sorted column may have come or gone

    def view_changed(self) -> None:
        """The state, the search or the sort changed: show the rows (and their counts) again."""
        self.render_rows()
        self.refresh_counts()

    def open_first_match(self) -> None:
        """Enter in the search: open the row under the cursor, if the search found any."""
        if self.query_text.strip() and self.shown:
            self.action_open_audit()

    def current(self) -> T | None:
        """The row under the cursor."""
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
            self.view_changed()
            self.refresh_bindings()

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        if self.loaded:
            self.view_changed()

    @on(Input.Submitted, "#search")
    def search_done(self) -> None:
        # Enter in the search opens the first match. It arrives here, after every
        # character typed before it, rather than through the table's Enter binding,
        # which could run before the last characters reached the search.
        self.query_one("#audits", DataTable).focus()
        self.open_first_match()

    def searching(self) -> bool:
        """Whether the search box has the focus (Enter then belongs to it)."""
        return self.query_one("#search", Input).has_focus

    @on(DataTable.RowSelected, "#audits")
    def row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_audit()

    @on(DataTable.RowHighlighted, "#audits")
    def row_moved(self) -> None:
        self.refresh_bindings()  # what the footer offers depends on the row

    @on(DataTable.HeaderSelected, "#audits")
    def header_clicked(self, event: DataTable.HeaderSelected) -> None:
        key = str(event.column_key.value)
        if key == self.sort_column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = key, False
        self.view_changed()

    # -- actions ------------------------------------------------------------------------
    def action_open_audit(self) -> None:  # pragma: no cover - overridden
        """Open the row under the cursor."""

    def action_move(self, step: int) -> None:
        table = self.query_one("#audits", DataTable)
        if step > 0:
            table.action_cursor_down()
        else:
            table.action_cursor_up()

    def action_jump(self, where: str) -> None:
        jump_row(self.query_one("#audits", DataTable), where)

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
        index = self.STATES.index(self.state)
        new = self.STATES[(index + step) % len(self.STATES)]
        self.query_one("#states", Tabs).active = f"state-{new}"

    def action_sort_next(self) -> None:
        keys = [c.key for c in self.columns()]
        if self.sort_column not in keys:
            self.sort_column = keys[0]
        else:
            self.sort_column = keys[(keys.index(self.sort_column) + 1) % len(keys)]
        self.sort_reverse = False
        self.view_changed()
        title = next(c.title for c in self.columns() if c.key == self.sort_column)
        self.notify(f"Sorted by {title}", timeout=2)

    def action_sort_reverse(self) -> None:
        if self.sort_column is None:
            self.sort_column = self.columns()[0].key
        else:
            self.sort_reverse = not self.sort_reverse
        self.view_changed()

    def action_refresh_list(self) -> None:
        self.load_rows()

    def action_switch_user(self) -> None:
        self.workbench.choose_user()
