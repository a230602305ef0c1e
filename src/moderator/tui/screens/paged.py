"""A list too long to read at once: the table holds a window of rows, read a page at a time.

A lead's list may hold every audit of an authority. :class:`PagedListScreen`
reads only what is on screen plus a margin: the first page to start with, the
next (or previous) page as the view nears the edge of what is held, the last
page when the user presses End. The database filters, searches and sorts (the
subclass's :meth:`~PagedListScreen.read_page`), counts per state come from one
GROUP BY (:meth:`~PagedListScreen.read_counts`; while a search is typed, one more
counts what it leaves: :meth:`~PagedListScreen.read_matches`), and the line under the table
says where the view is in the whole list ("Audits 1–35 of 100,000").

The window is bounded (a few pages), so scrolling from the first audit to the
last holds no more rows than a screenful or two, and every row of the list can
be reached with the keys and the mouse wheel as before.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from textual.message import Message
from textual.widgets import DataTable, Static
from textual.worker import Worker, WorkerCancelled, WorkerFailed

from moderator.tui.screens.listing import ListScreen
from moderator.tui.widgets.row_table import jump_row
from moderator.tui.widgets.tables import cut

T = TypeVar("T")


@dataclass(frozen=True)
class View:
    """What the list shows: the state tab, the search words and the sort."""

    state: str
    words: str
    sort: str | None
    reverse: bool


class PagedListScreen(ListScreen[T]):
    """A :class:`ListScreen` whose rows stay in the database until they are about to be seen."""

    PAGE_SIZE: ClassVar[int] = 100
    WINDOW_PAGES: ClassVar[int] = 5
    NOUN: ClassVar[str] = "Rows"
    """The word before the position line's numbers ("Audits 1–35 of 100,000")."""

    class PageRead(Message):
        """A page of rows read by a worker (``kind``: replace, after or before the window)."""

        def __init__(
            self,
            ticket: int,
            kind: str,
            offset: int,
            rows: Sequence[Any],
            total: int,
            cursor: int,
            counts: tuple[dict[str, int], dict[str, Any]] | None,
            matched: dict[str, int] | None = None,
        ) -> None:
            super().__init__()
            self.ticket, self.kind, self.start = ticket, kind, offset
            self.rows, self.total, self.cursor, self.counts = list(rows), total, cursor, counts
            self.matched = matched
            """Per state, what the view's search leaves (None: no search, or not counted)."""

    def __init__(self, *args: Any, page_size: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.page_size = max(1, page_size or self.PAGE_SIZE)
        self.window_start = 0
        """Where the first row held stands in the whole list."""
        self.total = 0
        """How many rows the list holds for the current state and search."""
        self.tab_counts: dict[str, int] = {}
        self.matched: dict[str, int] | None = None
        """Per state, what the search on screen leaves (None without a search)."""
        self.ticket = 0
        """The latest read asked for; the answer to any earlier one is stale and dropped."""
        self.waiting = False
        self.settling = False
        self.open_when_read = False

    # -- what a subclass says (these run on a worker thread: no widgets) ---------------------
    @abstractmethod
    def read_counts(self) -> tuple[dict[str, int], dict[str, Any]]:
        """Rows per state (and ``all``), whatever the search, and anything else the list needs.

        Without a search, a state's count is the number of rows its tab lists.
        """

    @abstractmethod
    def read_total(self, view: View) -> int:
        """How many rows match this view."""

    @abstractmethod
    def read_matches(self, view: View) -> dict[str, int]:
        """How many rows the view's search leaves in each state (and ``all``)."""

    @abstractmethod
    def read_page(self, view: View, offset: int, limit: int) -> Sequence[T]:
        """``limit`` rows of this view from ``offset``."""

    # -- reading -----------------------------------------------------------------------------
    def current_view(self) -> View:
        """The state, search and sort on screen now."""
        return View(self.state, self.query_text, self.sort_column, self.sort_reverse)

    def read(
        self, kind: str, offset: int, cursor: int, *, limit: int = 0, everything: bool = False
    ) -> None:
        """Read a page in the background (``everything``: the counts and the total too).

        ``kind`` ``last`` reads the last page; ``cursor`` is where the cursor goes
        for a replacing read (an index in the whole list; -1: the last row).
        """
        fetch = self.next_read(kind, offset, cursor, limit=limit, everything=everything)
        self.run_worker(
            lambda: self.post_message(fetch()),
            thread=True,
            group="page",
            exit_on_error=False,
            name="page",
        )

    def next_read(
        self, kind: str, offset: int, cursor: int, *, limit: int = 0, everything: bool = False
    ) -> Callable[[], PageRead]:
        """The read :meth:`read` asks for, as work for a worker thread that returns its page
        (it becomes the latest read: the answer to any earlier one is dropped)."""
        self.ticket += 1
        self.waiting = True
        ticket, view, total = self.ticket, self.current_view(), self.total
        limit = limit or self.page_size

        def work() -> PagedListScreen.PageRead:
            counts = self.read_counts() if everything else None
            matched = None
            if counts is not None and not view.words.strip():  # no search: a tab's count
                known = counts[0].get(view.state, 0)
            elif view.words.strip() and (everything or kind in ("last", "view")):
                matched = self.read_matches(view)  # the tabs count what the search leaves
                known = matched.get(view.state, 0)
            elif everything or kind in ("last", "view"):
                known = self.read_total(view)
            else:
                known = total
            start = max(0, known - limit) if kind == "last" else min(offset, max(0, known - limit))
            rows = self.read_page(view, start, limit)
            return self.PageRead(ticket, kind, start, rows, known, cursor, counts, matched)

        return work

    def worker_failed(self, worker: Worker[Any], error: BaseException | None) -> None:
        """A read failed (the user has been told): let the next one start."""
        if worker.name == "page":
            self.waiting = False

    def load_rows(self) -> None:
        """Read the counts and the rows held again, keeping the place in the list.

        The place is taken when the rows arrive (``reload``), not now: keys typed while
        they are read move the cursor, and the new rows must not move it back.
        """
        self.read(
            "reload",
            self.window_start,
            0,
            limit=max(len(self.shown), self.page_size),
            everything=True,
        )

    def view_changed(self) -> None:
        """State, search or sort changed: read the first page (and what the search leaves)
        once the keys stop."""
        self.ticket += 1
        self.waiting = True
        ticket = self.ticket

        def settled() -> None:
            if ticket == self.ticket:
                self.read("view", 0, 0)

        self.set_timer(0.05, settled)

    def open_first_match(self) -> None:
        if self.waiting:  # the search's rows are still being read: open when they arrive
            self.open_when_read = True
        else:
            super().open_first_match()

    def counts(self) -> dict[str, int]:
        return self.tab_counts or {s: 0 for s in self.STATES}

    def search_counts(self) -> dict[str, int] | None:
        return self.matched

    # -- the window --------------------------------------------------------------------------
    def on_paged_list_screen_page_read(self, message: PageRead) -> None:
        if message.ticket != self.ticket or not self.is_attached:
            return  # (a page asked for before the user left the list: nothing to show it in)
        self.waiting = False
        if message.counts is not None:
            self.tab_counts = message.counts[0]
            self.rows_loaded(message.counts[1])
        self.total = message.total
        table = self.query_one("#audits", DataTable)
        top: int | None = self.window_start + round(table.scroll_y)
        cursor = self.window_start + (table.cursor_row or 0)
        if message.kind == "after" and message.start == self.window_start + len(self.shown):
            rows, offset = self.shown + message.rows, self.window_start
            if len(rows) <= self.window_limit():  # room for them: just add them at the bottom
                self.append_rows(message.rows)
                return
            rows, offset = rows[-self.window_limit() :], offset + len(rows) - self.window_limit()
        elif message.kind == "before" and message.start + len(message.rows) == self.window_start:
            rows, offset = (message.rows + self.shown)[: self.window_limit()], message.start
        elif message.kind in ("replace", "view", "last", "reload"):
            if message.kind == "reload":  # the row under the cursor now, where it is now
                cursor = self.kept_place(message.rows, message.start, cursor)
            else:
                cursor = message.total - 1 if message.cursor < 0 else message.cursor
            rows, offset, top = message.rows, message.start, None
            if message.matched is not None or not self.query_text.strip():
                self.matched = message.matched  # counted with the view; None once no search
        else:  # an edge read that no longer fits the window: read again from here
            self.call_later(self.check_edges)
            return
        self.items = self.shown = list(rows)
        self.window_start = offset
        self.redraw(cursor, top)
        if not self.loaded:
            self.loaded = True
            self.workbench.mark_ready()
        if message.counts is not None or message.kind in ("replace", "view", "last", "reload"):
            self.refresh_counts()
        self.refresh_bindings()
        if self.open_when_read:
            self.open_when_read = False
            self.open_first_match()

    def kept_place(self, rows: Sequence[T], start: int, cursor: int) -> int:
        """Where the cursor goes in rows read again from ``start``: on the row it is on (by
        key) if they hold it, else at the same place in the list (``cursor``)."""
        current = self.current()
        if current is not None:
            key = self.row_key(current)
            for index, row in enumerate(rows):
                if self.row_key(row) == key:
                    return start + index
        return cursor

    def window_limit(self) -> int:
        """The most rows held: a few pages, and always a few screenfuls."""
        height = self.visible_height()
        return max(self.WINDOW_PAGES * self.page_size, 4 * height + 2 * self.page_size)

    def visible_height(self) -> int:
        """How many rows the table shows at once."""
        table = self.query_one("#audits", DataTable)
        header = 1 if table.show_header else 0
        return max(1, table.scrollable_content_region.height - header)

    def append_rows(self, rows: Sequence[T]) -> None:
        table = self.query_one("#audits", DataTable)
        for item in rows:  # the columns shown, cut as the rows already held are
            cells = [cut(self.cell(k, item), self.narrowed.get(k)) for k in self.shown_keys]
            table.add_row(*cells, key=self.row_key(item))
        self.shown.extend(rows)
        self.settle()

    def redraw(self, cursor: int, top: int | None) -> None:
        """Fill the table with the window; the cursor (and the view's top) stay where they were.

        ``cursor`` and ``top`` are places in the whole list; ``top`` None: scroll to the cursor.
        """
        table = self.query_one("#audits", DataTable)
        self.settling = True
        self.fill_table(table, self.shown)
        if self.shown:
            row = max(0, min(cursor - self.window_start, len(self.shown) - 1))
            table.move_cursor(row=row, animate=False, scroll=top is None)
        self.settle(None if top is None else max(0, top - self.window_start))

    def settle(self, y: int | None = None, tries: int = 10) -> None:
        """Once the table has drawn the window: put its top row at ``y`` (if given), say
        where the view is, and read more if it is near an edge."""
        if not self.is_attached:
            return  # the list was left meanwhile ("u" pressed while it scrolled)
        table = self.query_one("#audits", DataTable)
        self.settling = True

        def settled() -> None:
            # After the table's own scroll to its cursor (queued on the table before this),
            # and once it has measured the rows it now holds.
            if not self.is_attached:
                return  # the list was left meanwhile ("u" pressed while it scrolled)
            if table.virtual_size.height < len(self.shown) and tries > 0:
                self.settle(y, tries - 1)
                return
            if y is not None:
                table.scroll_to(y=y, animate=False, immediate=True)
            self.settling = False
            self.show_position()
            self.check_edges()

        table.call_after_refresh(settled)

    def check_edges(self) -> None:
        """Read the next (or previous) page when the view is within a screenful of the edge."""
        if self.waiting or self.settling or not self.loaded or not self.shown:
            return
        table = self.query_one("#audits", DataTable)
        height = self.visible_height()
        top = round(table.scroll_y)
        end = self.window_start + len(self.shown)
        if end < self.total and top + 2 * height >= len(self.shown):
            self.read("after", end, 0)
        elif self.window_start > 0 and top < height:
            start = max(0, self.window_start - self.page_size)
            self.read("before", start, 0, limit=self.window_start - start)

    def show_position(self) -> None:
        """Say which rows of the whole list are in view, or why there are none."""
        if not self.is_attached:
            return
        empty = self.query_one("#empty", Static)
        empty.display = True
        if not self.total:
            empty.update(self.empty_message(bool(self.counts().get("all"))))
            return
        table = self.query_one("#audits", DataTable)
        first = self.window_start + round(table.scroll_y) + 1
        last = min(
            self.total, first + self.visible_height() - 1, self.window_start + len(self.shown)
        )
        empty.update(f"{self.NOUN} {first:,}–{last:,} of {self.total:,}")

    async def on_mount(self) -> None:  # besides ListLoading's, which reads the first page
        table = self.query_one("#audits", DataTable)
        self.watch(table, "scroll_y", self.scrolled, init=False)

    async def first_rows(self) -> None:
        """Show the first page before the keys that act on it (see :class:`ListLoading`).

        The page is read by the same work as every other (:meth:`next_read`), but handed
        back by the worker rather than posted, so that the keys typed meanwhile (a paste,
        a burst sent the moment the list opens) act on it as soon as it is on screen, in
        order, rather than on an empty table that drops them.
        """
        fetch = self.next_read("reload", 0, 0, everything=True)
        worker = self.run_worker(fetch, thread=True, group="page", exit_on_error=False, name="page")
        try:
            page = await worker.wait()
        except (WorkerFailed, WorkerCancelled):
            pass  # the failure is reported (worker_failed lets the next read start); F5 reads again
        else:
            self.on_paged_list_screen_page_read(page)
        finally:
            self.first_data_shown()

    def scrolled(self, _y: float) -> None:
        if not self.settling and self.is_attached:
            self.show_position()
            self.check_edges()

    def on_resize(self) -> None:
        """A new terminal size shows more or fewer rows: say which, once laid out again."""
        if self.loaded:
            self.call_after_refresh(self.scrolled, 0.0)

    # -- moving ------------------------------------------------------------------------------
    def action_jump(self, where: str) -> None:
        if where == "last" and self.window_start + len(self.shown) < self.total:
            self.read("last", 0, -1)
        elif where == "first" and self.window_start > 0:
            self.read("replace", 0, 0)
        else:
            jump_row(self.query_one("#audits", DataTable), where)
