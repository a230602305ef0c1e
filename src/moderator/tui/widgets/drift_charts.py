"""Small text charts for the drift dashboard, drawn with Rich in the current theme's colours.

Every drawing takes a :class:`Palette` read from the app's theme, so the charts
follow a switch between dark and light (:class:`Chart` redraws on the switch).
The functions are pure: they return Rich renderables and can be tested
without starting the app. The column chart of drift per period is in
:mod:`moderator.tui.widgets.drift_periods`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.console import RenderableType
from rich.measure import Measurement
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.color import Color
from textual.events import Resize
from textual.widgets import Static

from moderator.domain.grades import Grade
from moderator.tui.text import grade_abbrev

BLOCKS = " ▁▂▃▄▅▆▇█"
"""Eighths of a character cell, bottom up (for upward bars and sparklines)."""


@dataclass(frozen=True)
class Palette:
    """The theme colours the charts use.

    Attributes:
        base: the background the charts sit on.
        text: ordinary text.
        muted: secondary text.
        agree: agreement (the heat map's diagonal).
        worse: moderator graded worse than the manager (downgrade, optimism).
        better: moderator graded better (upgrade).
        accent: neutral marks (the estimate, coverage).
    """

    base: Color
    text: Color
    muted: Color
    agree: Color
    worse: Color
    better: Color
    accent: Color

    @classmethod
    def from_variables(cls, variables: dict[str, str]) -> Palette:
        """A palette from a theme's CSS variables (``app.theme_variables``)."""

        def get(name: str, fallback: str) -> Color:
            try:
                return Color.parse(variables.get(name, fallback))
            except Exception:  # a variable such as "auto 60%" is not a colour
                return Color.parse(fallback)

        base = get("surface", "#1e1e1e")
        text = get("foreground", "#e0e0e0")
        return cls(
            base=base,
            text=text,
            muted=base.blend(text, 0.6),
            agree=get("success", "#4ebf71"),
            worse=get("error", "#b93c5b"),
            better=get("primary", "#0178d4"),
            accent=get("accent", "#fea62b"),
        )

    def fg(self, color: Color, *, bold: bool = False) -> Style:
        """Text in ``color``."""
        return Style(color=color.rich_color, bold=bold)

    def cell(self, color: Color, strength: float) -> Style:
        """A heat-map cell: ``color`` blended into the background by ``strength`` (0-1)."""
        back = self.base.blend(color, max(0.0, min(1.0, strength)))
        return Style(color=back.get_contrast_text(0.95).rich_color, bgcolor=back.rich_color)


def heatmap(confusion: Sequence[Sequence[int]], palette: Palette) -> Table:
    """The manager × moderator table: cell shade by count; diagonal agreement,
    above it downgrades, below it upgrades."""
    largest = max((c for row in confusion for c in row), default=0)
    table = Table(
        box=None,
        padding=(0, 1),
        show_edge=False,
        pad_edge=False,
    )
    table.add_column("", no_wrap=True)
    for g in Grade:
        table.add_column(Text(grade_abbrev(g), style="bold"), justify="center", min_width=5)
    table.add_column(Text("Total", style=palette.fg(palette.muted)), justify="right")
    for i, g in enumerate(Grade):
        cells: list[RenderableType] = [Text(g.short, style="bold")]
        for j in range(4):
            count = int(confusion[i][j])
            colour = palette.agree if i == j else palette.worse if j > i else palette.better
            if count == 0:
                cells.append(Text(" · ", style=palette.fg(palette.muted)))
                continue
            strength = 0.25 + 0.65 * (count / largest if largest else 0)
            cells.append(Text(f"{count:,}", style=palette.cell(colour, strength), justify="center"))
        cells.append(Text(f"{sum(confusion[i]):,}", style=palette.fg(palette.muted)))
        table.add_row(*cells)
    return table


def heatmap_title(palette: Palette) -> Text:
    """What the heat map's rows and columns are."""
    return Text.assemble(
        ("Overall grades", "bold"),
        ": manager's grade (rows) × moderator's (columns)",
        style=palette.fg(palette.muted),
    )


def heatmap_legend(confusion: Sequence[Sequence[int]], palette: Palette) -> Text:
    """One line: how many agreed, were downgraded and upgraded, in the heat map's colours."""
    n = sum(int(c) for row in confusion for c in row)
    agreed = sum(int(confusion[i][i]) for i in range(4))
    down = sum(int(confusion[i][j]) for i in range(4) for j in range(4) if j > i)
    up = n - agreed - down

    def part(label: str, count: int, colour: Color) -> Text:
        share = f" ({count / n:.0%})" if n else ""
        return Text.assemble(("■ ", palette.fg(colour)), f"{label} {count:,}{share}")

    return Text("  ").join(
        [
            part("agreed", agreed, palette.agree),
            part("downgraded", down, palette.worse),
            part("upgraded", up, palette.better),
        ]
    )


@dataclass(frozen=True)
class Scale:
    """A horizontal scale for drift values mapped onto ``width`` character cells."""

    low: float
    high: float
    width: int

    @classmethod
    def covering(cls, values: Sequence[float | None], width: int, *, pad: float = 0.25) -> Scale:
        """A scale that shows zero and every value, rounded out to half grades."""
        present = [v for v in values if v is not None and math.isfinite(v)]
        low = min([0.0, *present]) - pad
        high = max([0.0, *present]) + pad
        return cls(math.floor(low * 2) / 2, math.ceil(high * 2) / 2, max(width, 5))

    def position(self, value: float) -> int:
        """The cell a value falls in (clamped to the scale)."""
        span = self.high - self.low or 1.0
        x = round((value - self.low) / span * (self.width - 1))
        return max(0, min(self.width - 1, x))

    def describe(self) -> str:
        """``-1.0 … +2.0``."""
        return f"{self.low:+.1f} … {self.high:+.1f}"

    def header(self) -> Text:
        """The scale's ends and its zero, placed over the cells they label (``-1.0   0   +2.0``)."""
        cells = [" "] * self.width
        low = f"{self.low:+.1f}"
        high = f"{self.high:+.1f}"
        zero = self.position(0.0)
        cells[zero] = "0"
        if zero >= len(low) + 1:
            cells[: len(low)] = list(low)
        if self.width - zero > len(high) + 1:
            cells[self.width - len(high) :] = list(high)
        return Text("".join(cells))


def interval_plot(
    estimate: float | None,
    interval: tuple[float, float] | None,
    scale: Scale,
    palette: Palette,
    *,
    flagged: bool = False,
) -> Text:
    """An interval as a line, the estimate as a marker and zero as a tick, on ``scale``."""
    cells = [" "] * scale.width
    styles: list[Style | None] = [None] * scale.width
    zero = scale.position(0.0)
    line_style = palette.fg(palette.worse if flagged else palette.text)
    if interval is not None:
        a, b = scale.position(interval[0]), scale.position(interval[1])
        for x in range(a, b + 1):
            cells[x] = "─"
            styles[x] = line_style
        cells[a], cells[b] = "├", "┤"
        if a == b:
            cells[a] = "│"
    cells[zero] = "┼" if cells[zero] != " " else "┊"
    styles[zero] = styles[zero] or palette.fg(palette.muted)
    if estimate is not None:
        x = scale.position(estimate)
        cells[x] = "●"
        styles[x] = palette.fg(palette.worse if flagged else palette.accent, bold=True)
    text = Text()
    for ch, style in zip(cells, styles, strict=True):
        text.append(ch, style or "")
    return text


def drift_bar(value: float | None, scale: Scale, palette: Palette) -> Text:
    """A bar from zero to ``value`` on ``scale``: right (worse colour) when the manager was
    more optimistic, left (better colour) when less."""
    cells = [" "] * scale.width
    zero = scale.position(0.0)
    text = Text()
    if value is None:
        cells[zero] = "┊"
        return Text("".join(cells), style=palette.fg(palette.muted))
    end = scale.position(value)
    colour = palette.worse if value > 0 else palette.better
    for x in range(min(zero, end), max(zero, end) + 1):
        cells[x] = "█"
    if end == zero:
        cells[zero] = "│"
    for x, ch in enumerate(cells):
        if ch == "█":
            text.append(ch, palette.fg(colour))
        elif x == zero:
            text.append(ch if ch != " " else "┊", palette.fg(palette.muted))
        else:
            text.append(ch)
    return text


def gauge(rate: float | None, target: float, width: int, palette: Palette) -> Text:
    """A share as a filled bar with the target marked ``┃``."""
    width = max(width, 5)
    if rate is None:
        return Text("░" * width, style=palette.fg(palette.muted))
    filled = round(max(0.0, min(1.0, rate)) * width)
    mark = min(width - 1, round(target * width))
    colour = palette.agree if rate >= target else palette.worse
    text = Text()
    for x in range(width):
        if x == mark:
            text.append("┃", palette.fg(palette.text, bold=True))
        elif x < filled:
            text.append("█", palette.fg(colour))
        else:
            text.append("░", palette.fg(palette.muted))
    return text


def sparkline(values: Sequence[float | None], low: float, high: float) -> str:
    """One character per value, height by value between ``low`` and ``high`` (gaps as space)."""
    span = high - low or 1.0
    out = []
    for v in values:
        if v is None:
            out.append(" ")
            continue
        level = round((v - low) / span * 7) + 1
        out.append(BLOCKS[max(1, min(8, level))])
    return "".join(out)


Drawing = Callable[[Palette, int], RenderableType]
"""Draws a chart for a palette and a width in cells."""


class Chart(Static):
    """A static whose content is drawn from the theme's palette and the widget's width,
    and redrawn when either changes."""

    def __init__(
        self, drawing: Drawing | None = None, *, natural_width: bool = False, **kwargs: Any
    ) -> None:
        """``natural_width``: as wide as the drawing's longest line, never folded (put it
        in a horizontal scroll when it may be wider than the screen)."""
        super().__init__("", **kwargs)
        self.drawing = drawing
        self.natural_width = natural_width

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.redraw())
        self.redraw()

    def on_resize(self, event: Resize) -> None:
        self.redraw()

    def draw(self, drawing: Drawing | None) -> None:
        """Show a new drawing."""
        self.drawing = drawing
        self.redraw()

    def redraw(self) -> None:
        """Draw again with the current theme and width."""
        if not self.is_mounted:
            return
        if self.drawing is None:
            self.update("")
            return
        palette = Palette.from_variables(self.app.theme_variables)
        width = self.content_size.width or self.size.width or 80
        renderable = self.drawing(palette, width)
        if self.natural_width:
            console = self.app.console
            wide = console.options.update_width(10_000)
            measured = Measurement.get(console, wide, renderable).maximum
            if self.styles.width is None or self.styles.width.value != measured:
                self.styles.width = measured
        self.update(renderable)
