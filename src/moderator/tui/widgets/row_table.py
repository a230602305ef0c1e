"""A table of rows whose screen says what Enter (and Home, End, PageUp, PageDown) do.

Textual's ``DataTable`` has keys of its own: Enter selects, Home and End go to the first
and last column, PageUp and PageDown scroll. A screen's binding for the same key is found
only after the focused table's, so the workbench's screens once made theirs *priority*
bindings. A priority binding runs as soon as the app reads the key, while every other key
(j, k, the arrows) first travels through the focused table and up to the screen: in a
burst of keys (a paste, tmux send-keys, a macro) Enter overtook the moves typed before it
and opened the row the cursor started on.

:class:`RowTable` hands those keys to its screen's ordinary bindings instead, so every key
of a list goes the same way and acts in the order it was typed; :func:`jump_row` is what
the screens' Home, End, PageUp and PageDown then do. The other helpers keep a refilled
table's cursor (and view) where the user left it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import DataTable

SELECT = frozenset({"select_cursor"})
"""Enter: the screen opens the row under the cursor."""
JUMPS = frozenset({"scroll_home", "scroll_end", "page_up", "page_down"})
"""Home, End, PageUp, PageDown: the screen's jumps through the list."""


class RowTable(DataTable[Any]):
    """A row-cursor table that leaves Enter (and, with ``jumps``, the jump keys) to its screen."""

    def __init__(self, *, jumps: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("cursor_type", "row")
        kwargs.setdefault("zebra_stripes", True)
        super().__init__(**kwargs)
        self.yielded = SELECT | JUMPS if jumps else SELECT
        """The table's own actions whose keys go to the screen's bindings instead."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.yielded:
            return False  # not this table's key: the screen's binding for it runs
        return super().check_action(action, parameters)


def jump_row(table: DataTable[Any], where: str) -> None:
    """Home/End/PageUp/PageDown on a table, whatever has the focus."""
    if not table.row_count:
        return
    page = max(1, table.scrollable_content_region.height - 1)
    target = {
        "first": 0,
        "last": table.row_count - 1,
        "page-up": table.cursor_row - page,
        "page-down": table.cursor_row + page,
    }[where]
    table.move_cursor(row=max(0, min(target, table.row_count - 1)), animate=False)


def cursor_to_key(table: DataTable[Any], key: str) -> None:
    """Put the cursor on the row with this key, where the table has one."""
    if key in table.rows:
        table.move_cursor(row=table.get_row_index(key), animate=False)


def refill_in_place(table: DataTable[Any], refill: Callable[[], None]) -> None:
    """Fill the table again (``refill``), keeping the cursor on the same line and the view
    where it was."""
    row, y = table.cursor_row, table.scroll_y
    refill()
    if table.row_count:
        table.move_cursor(row=min(row, table.row_count - 1), animate=False, scroll=False)
    table.call_after_refresh(table.scroll_to, y=y, animate=False, immediate=True)
