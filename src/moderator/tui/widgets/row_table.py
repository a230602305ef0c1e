"""A table of rows whose screen says what Enter (and Home, End, PageUp, PageDown) do.

Textual's ``DataTable`` has keys of its own: Enter selects, Home and End go to the first
and last column, PageUp and PageDown scroll. A screen's binding for the same key is found
only after the focused table's, so the workbench's screens once made theirs *priority*
bindings. A priority binding runs as soon as the app reads the key, while every other key
(j, k, the arrows) first travels through the focused table and up to the screen: in a
burst of keys (a paste, tmux send-keys, a macro) Enter overtook the moves typed before it
and opened the row the cursor started on.

:class:`RowTable` hands those keys to its screen's ordinary bindings instead, so every key
of a list goes the same way and acts in the order it was typed.
"""

from __future__ import annotations

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
