"""Drift over time for the dashboard: mean drift per period as columns above and below zero.

The periods are months (``2020-01``) or quarters (``2020-Q1``), labelled
shortly (``Jan 20``, ``Q1 20``); where periods with nothing moderated lie
between two columns, a break says how many are missing. Drawn in a
:class:`~moderator.tui.widgets.drift_charts.Palette` and pure, like the other
charts.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from rich.text import Text

from moderator.tui.widgets.drift_charts import BLOCKS, Palette


def column_chart(
    points: Sequence[tuple[str, float | None, int]],
    palette: Palette,
    *,
    height: int = 8,
    width: int | None = None,
) -> Text:
    """Mean drift per period as columns above (optimistic) or below (pessimistic) a zero
    line, with the period and the number of moderated audits under each column.

    ``width`` (cells available) widens the columns when there is room. Periods that are
    not next to each other (months or quarters with nothing moderated between them) are
    separated by a break mark saying how many periods are missing.
    """
    labels = [short_period(label) for label, _, _ in points]
    gaps = [period_gap(a, b) for (a, _, _), (b, _, _) in pairwise(points)]
    gap_labels = {i + 1: gap_label(g, points[i][0]) for i, g in enumerate(gaps) if g > 0}
    axis_w = 6
    col = (
        max(
            [
                5,
                *(len(s) for s in labels),
                *(len(f"n={n}") for _, _, n in points),
                *(len(s) for s in gap_labels.values()),
            ]
        )
        + 1
    )
    columns = len(points) + len(gap_labels)
    if width is not None and points:  # spread out when there is room, up to 12 cells a column
        col = max(col, min(12, (width - axis_w) // columns))
    values = [v for _, v, _ in points if v is not None]
    top = max([0.0, *values])
    bottom = min([0.0, *values])
    span = (top - bottom) or 1.0
    up_rows = max(1, round(height * top / span)) if top > 0 else 0
    down_rows = max(1, height - up_rows) if bottom < 0 else 0
    unit = span / max(up_rows + down_rows, 1)
    text = Text()
    muted = palette.fg(palette.muted)

    def axis(value: float | None) -> Text:
        if value is None:
            return Text(" " * axis_w)
        return Text(f"{value:+.1f} ".rjust(axis_w), style=muted)

    def gap(i: int, mark: str) -> None:
        if i in gap_labels:
            text.append(mark.center(col), muted)

    for r in range(up_rows, 0, -1):  # rows above zero, top first
        text.append_text(axis(top if r == up_rows else None))
        for i, (_, v, _) in enumerate(points):
            gap(i, "╎")
            eighths = 0 if v is None or v <= 0 else round(v / unit * 8) - (r - 1) * 8
            ch = BLOCKS[max(0, min(8, eighths))]
            text.append((ch * (col - 2)).center(col), palette.fg(palette.worse))
        text.append("\n")
    text.append_text(axis(0.0))
    line = "".join(("┄" * col if i in gap_labels else "") + "─" * col for i in range(len(points)))
    text.append(line, muted)
    text.append("\n")
    for r in range(1, down_rows + 1):  # rows below zero
        text.append_text(axis(bottom if r == down_rows else None))
        for i, (_, v, _) in enumerate(points):
            gap(i, "╎")
            filled = v is not None and v < 0 and -v / unit > (r - 1) + 0.25
            half = v is not None and v < 0 and -v / unit <= (r - 1) + 0.75
            ch = ("▀" if half else "█") if filled else " "
            text.append((ch * (col - 2)).center(col), palette.fg(palette.better))
        text.append("\n")
    text.append(" " * axis_w)
    for i, label in enumerate(labels):
        if i in gap_labels:
            text.append(gap_labels[i].center(col), muted)
        text.append(label.center(col), "bold")
    text.append("\n" + " " * axis_w)
    for i, (_, v, _) in enumerate(points):
        gap(i, "none")
        text.append(("–" if v is None else f"{v:+.2f}").center(col), palette.fg(palette.text))
    text.append("\n" + " " * axis_w)
    for i, (_, _, n) in enumerate(points):
        gap(i, "n=0")
        text.append(f"n={n}".center(col), muted)
    return text


def _period_index(label: str) -> tuple[int, str] | None:
    """``2020-01`` → (months since year 0, "month"); ``2020-Q1`` → (quarters, "quarter")."""
    year, _, part = label.partition("-")
    if len(year) != 4 or not year.isdigit():
        return None
    if part.startswith("Q") and part[1:].isdigit() and 1 <= int(part[1:]) <= 4:
        return int(year) * 4 + int(part[1:]) - 1, "quarter"
    if part.isdigit() and 1 <= int(part) <= 12:
        return int(year) * 12 + int(part) - 1, "month"
    return None


def period_gap(before: str, after: str) -> int:
    """How many months (or quarters) lie between two period labels (0: next to each other)."""
    a, b = _period_index(before), _period_index(after)
    if a is None or b is None or a[1] != b[1]:
        return 0
    return max(0, b[0] - a[0] - 1)


def gap_label(missing: int, period: str) -> str:
    """A break's label: how many periods are missing (``⋯ 73 mo``)."""
    found = _period_index(period)
    unit = "mo" if found is not None and found[1] == "month" else "qtr"
    return f"⋯{missing} {unit}"


def short_period(label: str) -> str:
    """``2020-Q1`` → ``Q1 20``; ``2020-01`` → ``Jan 20``; anything else unchanged."""
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    year, _, part = label.partition("-")
    if len(year) != 4 or not part:
        return label
    if part.startswith("Q"):
        return f"{part} {year[2:]}"
    if part.isdigit() and 1 <= int(part) <= 12:
        return f"{months[int(part) - 1]} {year[2:]}"
    return label
