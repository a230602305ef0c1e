"""Filling a DataTable in one go, with column widths measured from every cell and fitted
to the room the terminal gives."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

Cell = str | Text
Row = tuple[str, list[Cell]]
"""A row key and its cells."""

PADDING = 2
"""Cells a DataTable puts around each column (its ``cell_padding`` on both sides)."""

SCROLLBAR = 2
"""Cells a table's vertical scrollbar takes from its width."""


def cell_width(cell: Cell) -> int:
    """How many terminal cells a table cell's text takes."""
    return cell_len(cell.plain if isinstance(cell, Text) else cell)


def natural_widths(columns: list[tuple[Cell, str]], rows: Sequence[Row]) -> dict[str, int]:
    """Each column's width with nothing cut: its widest cell or its heading."""
    return {
        key: max(1, cell_width(title), *(cell_width(cells[i]) for _, cells in rows))
        for i, (title, key) in enumerate(columns)
    }


def fit_widths(
    natural: dict[str, int], room: int, shrink: Sequence[tuple[str, int]]
) -> dict[str, int]:
    """Column widths that fit ``room`` cells, where they can.

    ``shrink`` says which columns give up room and how far, in turn: ``(key, least)``
    narrows that column towards ``least`` until the table fits. A key may come more
    than once (a long title first to a comfortable width, later to its least). What
    still does not fit scrolls sideways; the columns named first in the table stay whole.
    """
    widths = dict(natural)
    excess = sum(w + PADDING for w in widths.values()) - room
    for key, least in shrink:
        if excess <= 0:
            break
        if key in widths:
            cut = min(excess, max(0, widths[key] - least))
            widths[key] -= cut
            excess -= cut
    return widths


def fit_columns(
    table: DataTable[Any],
    headings: list[tuple[Cell, str]],
    rows: list[Row],
    room: int,
    shrink: Sequence[tuple[str, int]],
) -> tuple[list[Row], dict[str, int]]:
    """Size a table's columns to ``room`` cells: each as wide as its widest cell where there
    is room, the ``shrink`` columns narrower where there is not (:func:`fit_widths`).

    ``headings`` are the columns' titles and keys, in the rows' order. The rows come back
    with the narrowed columns' cells cut, and with them the narrowed columns' widths by key.
    """
    natural = natural_widths(headings, rows)
    widths = fit_widths(natural, room, shrink)
    for key, width in widths.items():
        column = table.columns[ColumnKey(key)]
        column.width, column.auto_width = width, False
    narrowed = {k: w for k, w in widths.items() if w < natural[k]}
    places = {i: narrowed[key] for i, (_, key) in enumerate(headings) if key in narrowed}
    return [(key, cut_row(cells, places)) for key, cells in rows], narrowed


def cut(cell: Cell, width: int | None = None) -> Text:
    """A cell that ends with ``…`` where its column is too narrow for it.

    Given the column's ``width``, a long cell is cut between words where that keeps
    two thirds of the room ("Help and protection…", not "Help and protection c…");
    a name cut that early would lose too much ("Gillian Har…", not "Gillian…").
    """
    text = cell.copy() if isinstance(cell, Text) else Text(cell)
    text.no_wrap = True
    text.overflow = "ellipsis"
    if width is None or cell_len(text.plain) <= width:
        return text
    if width < 2:
        return Text("…"[:width])
    room = width - 1
    kept = text.copy()
    kept.truncate(room, overflow="crop")
    plain = kept.plain
    following = text.plain[len(plain) : len(plain) + 1]
    space = len(plain) if following == " " else plain.rfind(" ")
    if space * 3 >= room * 2 and space < len(plain):  # (right_crop(0) would empty it)
        kept.right_crop(len(plain) - space)
    while kept.plain and kept.plain[-1] in " ,;:·-–":
        kept.right_crop(1)
    kept.append("…")
    return kept


def fill_table(
    table: DataTable[Any],
    columns: list[tuple[Cell, str]],
    rows: list[Row],
    *,
    widths: dict[str, int] | None = None,
) -> None:
    """Replace the table's columns and rows, keeping the cursor on the same line.

    Column widths are measured here, from every cell: the table's own measuring
    happens after its first paint, and a table refilled while on screen would keep
    cells cut to the width of their headings. ``widths`` (from :func:`fit_widths`)
    narrows columns; their cells are cut with ``…``.
    """
    row = table.cursor_row
    natural = natural_widths(columns, rows)
    table.clear(columns=True)
    narrowed: dict[int, int] = {}
    """The narrowed columns' widths, by their place in the row."""
    for index, (title, key) in enumerate(columns):
        width = natural[key]
        if widths and widths.get(key, width) < width:
            width = narrowed[index] = widths[key]
        table.add_column(cut(title, width) if index in narrowed else title, key=key, width=width)
    for key, cells in rows:
        table.add_row(*cut_row(cells, narrowed), key=key)
    if table.row_count:
        table.move_cursor(row=max(0, min(row, table.row_count - 1)), animate=False)


def cut_row(cells: list[Cell], narrowed: dict[int, int]) -> list[Cell]:
    """A row's cells, those of the narrowed columns (width by place) cut to fit."""
    return [cut(c, narrowed[i]) if i in narrowed else c for i, c in enumerate(cells)]
