"""Filling a DataTable in one go, with column widths measured from every cell and fitted
to the room the terminal gives."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable

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
    """Column widths that fit ``room`` cells: the columns that are shown, and how wide.

    ``shrink`` says which columns give up room and how far, in turn: ``(key, least)``
    narrows that column towards ``least`` until the table fits. A key may come more
    than once (a long title first to a comfortable width, later to its least). What
    still does not fit is left out, from the last column: a column half off the screen
    would show a heading or a number cut short ("Te", "+1."), with nothing to say so.
    The first column is always shown; the result's keys are the columns to show.
    """
    keys = list(natural)
    while True:
        widths = shrunk({k: natural[k] for k in keys}, room, shrink)
        if len(keys) == 1 or table_width(widths) <= room:
            return widths
        keys.pop()


def table_width(widths: dict[str, int]) -> int:
    """The cells a table of columns this wide takes, their padding included."""
    return sum(w + PADDING for w in widths.values())


def shrunk(natural: dict[str, int], room: int, shrink: Sequence[tuple[str, int]]) -> dict[str, int]:
    """The columns narrowed in the order of ``shrink`` until they fit ``room``, if they can."""
    widths = dict(natural)
    excess = table_width(widths) - room
    for key, least in shrink:
        if excess <= 0:
            break
        if key in widths:
            cut = min(excess, max(0, widths[key] - least))
            widths[key] -= cut
            excess -= cut
    return widths


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
    room: int | None = None,
) -> list[str]:
    """Replace the table's columns and rows, keeping the cursor on the same line.

    Column widths are measured here, from every cell: the table's own measuring
    happens after its first paint, and a table refilled while on screen would keep
    cells cut to the width of their headings. ``widths`` (from :func:`fit_widths`)
    narrows columns, their headings and cells cut with ``…``, and leaves out the
    columns it lacks; given only the ``room`` the table has, the columns that do not
    fit whole are left out. Returns the keys of the columns shown.
    """
    row = table.cursor_row
    natural = natural_widths(columns, rows)
    if widths is None and room is not None:
        widths = fit_widths(natural, room, ())
    table.clear(columns=True)
    narrowed: dict[int, int] = {}
    """The narrowed columns' widths, by their place in the row."""
    shown: list[int] = []
    """The places of the columns shown."""
    for index, (title, key) in enumerate(columns):
        if widths is not None and key not in widths:
            continue
        shown.append(index)
        width = natural[key]
        if widths and widths.get(key, width) < width:
            width = narrowed[index] = widths[key]
        table.add_column(cut(title, width) if index in narrowed else title, key=key, width=width)
    for key, cells in rows:
        cells = cut_row(cells, narrowed)
        table.add_row(*(cells[i] for i in shown), key=key)
    if table.row_count:
        table.move_cursor(row=max(0, min(row, table.row_count - 1)), animate=False)
    return [columns[i][1] for i in shown]


def cut_row(cells: list[Cell], narrowed: dict[int, int]) -> list[Cell]:
    """A row's cells, those of the narrowed columns (width by place) cut to fit."""
    return [cut(c, narrowed[i]) if i in narrowed else c for i, c in enumerate(cells)]
