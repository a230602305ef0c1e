"""Filling a DataTable in one go, with column widths measured from every cell."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable

Cell = str | Text
Row = tuple[str, list[Cell]]
"""A row key and its cells."""


def fill_table(
    table: DataTable[Any],
    columns: list[tuple[Cell, str]],
    rows: list[Row],
    *,
    max_width: dict[str, int] | None = None,
) -> None:
    """Replace the table's columns and rows, keeping the cursor on the same line.

    Column widths are measured here, from every cell: the table's own measuring
    happens after its first paint, and a table refilled while on screen would keep
    cells cut to the width of their headings.
    """
    row = table.cursor_row
    table.clear(columns=True)
    for index, (title, key) in enumerate(columns):
        column = [title, *(cells[index] for _, cells in rows)]
        width = max(cell_len(c.plain if isinstance(c, Text) else c) for c in column)
        if max_width and key in max_width:
            width = min(width, max_width[key])
        table.add_column(title, key=key, width=max(width, 1))
    for key, cells in rows:
        table.add_row(*cells, key=key)
    if table.row_count:
        table.move_cursor(row=max(0, min(row, table.row_count - 1)), animate=False)
