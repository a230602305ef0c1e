"""The dashboard's text charts, without starting the app."""

from __future__ import annotations

from moderator.tui.widgets.drift_charts import (
    Palette,
    Scale,
    drift_bar,
    gauge,
    heatmap_legend,
    interval_plot,
    sparkline,
)
from moderator.tui.widgets.drift_periods import column_chart, short_period

DARK = Palette.from_variables(
    {"surface": "#1e1e1e", "foreground": "#e0e0e0", "success": "#4ebf71", "error": "#b93c5b"}
)


def test_the_scale_shows_zero_and_every_value() -> None:
    scale = Scale.covering([0.4, 1.6, None], 21)
    assert scale.low <= 0 and scale.high >= 1.6
    assert scale.position(scale.low) == 0 and scale.position(scale.high) == 20
    assert scale.position(99) == 20  # clamped
    header = scale.header().plain
    assert len(header) == 21 and header[scale.position(0.0)] == "0"


def test_an_interval_plot_draws_the_interval_the_estimate_and_zero() -> None:
    scale = Scale(-1.0, 2.0, 31)
    plot = interval_plot(1.0, (0.5, 1.5), scale, DARK, flagged=True).plain
    assert len(plot) == 31
    assert plot[scale.position(0.0)] == "┊"  # zero is outside the interval
    assert plot[scale.position(1.0)] == "●"
    assert plot[scale.position(0.5)] == "├" and plot[scale.position(1.5)] == "┤"
    wide = interval_plot(0.3, (-0.7, 1.4), scale, DARK).plain
    assert wide[scale.position(0.0)] == "┼"  # zero inside the interval: not flagged
    assert interval_plot(None, None, scale, DARK).plain.strip() == "┊"


def test_drift_bars_run_from_zero_to_the_value() -> None:
    scale = Scale(-1.0, 1.0, 21)
    right = drift_bar(0.5, scale, DARK).plain
    left = drift_bar(-0.5, scale, DARK).plain
    assert right.index("█") == scale.position(0.0) and right.rindex("█") == scale.position(0.5)
    assert left.index("█") == scale.position(-0.5) and left.rindex("█") == scale.position(0.0)
    assert "█" not in drift_bar(None, scale, DARK).plain


def test_the_coverage_gauge_marks_the_target() -> None:
    bar = gauge(0.3, 0.5, 20, DARK).plain
    assert bar.index("┃") == 10 and bar.count("█") == 6
    assert gauge(None, 0.5, 10, DARK).plain == "░" * 10


def test_sparkline_and_period_labels() -> None:
    assert sparkline([0.0, 0.5, 1.0, None], 0.0, 1.0) == "▁▅█ "
    assert short_period("2020-Q1") == "Q1 20"
    assert short_period("2019-11") == "Nov 19"
    assert short_period("odd") == "odd"


def test_the_column_chart_labels_every_period_with_its_n() -> None:
    chart = column_chart([("2019-Q4", 0.75, 8), ("2020-Q1", -0.25, 4)], DARK, height=6).plain
    lines = chart.splitlines()
    assert any("Q4 19" in line and "Q1 20" in line for line in lines)
    assert any("n=8" in line and "n=4" in line for line in lines)
    assert any("+0.75" in line and "-0.25" in line for line in lines)
    zero = next(i for i, line in enumerate(lines) if "──" in line)
    assert "█" in "".join(lines[:zero]) and ("█" in lines[zero + 1] or "▀" in lines[zero + 1])


def test_the_heat_map_legend_counts_agreement_and_drift() -> None:
    confusion = [[1, 2, 0, 0], [0, 3, 4, 1], [0, 1, 0, 0], [0, 0, 0, 0]]
    legend = heatmap_legend(confusion, DARK).plain
    assert "agreed 4 (33%)" in legend and "downgraded 7 (58%)" in legend
    assert "upgraded 1 (8%)" in legend


async def test_a_table_refilled_on_screen_fits_its_widest_cell() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    from moderator.tui.widgets.tables import fill_table

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield DataTable(id="t")

    app = One()
    async with app.run_test(size=(60, 10)) as pilot:
        table = app.query_one("#t", DataTable)
        for _ in range(2):  # the second fill happens while the table is on screen
            fill_table(table, [("n", "n"), ("Who", "who")], [("a", ["10", "Gillian Hargreaves"])])
            await pilot.pause()
        assert table.columns["n"].get_render_width(table) >= 2 + 2  # type: ignore[index]
        assert table.columns["who"].get_render_width(table) >= 18 + 2  # type: ignore[index]
        fill_table(table, [("Long", "x")], [("a", ["a" * 40])], widths={"x": 12})
        assert table.columns["x"].width == 12  # type: ignore[index]


def test_a_cut_cell_ends_between_words_where_that_keeps_most_of_it() -> None:
    from moderator.tui.widgets.tables import cut

    def shown(text: str, width: int) -> str:
        plain = cut(text, width).plain
        assert len(plain) <= width
        return plain

    assert shown("Help and protection casework audit", 21) == "Help and protection…"
    assert shown("Management oversight, supervision and audit quality", 21) == (
        "Management oversight…"
    )
    assert shown("Risk identified and acted on", 20) == "Risk identified and…"
    # A name cut at its first word would lose too much: cut within the word.
    assert shown("Gillian Hargreaves", 12) == "Gillian Har…"
    assert shown("Gillian Hargreaves", 18) == "Gillian Hargreaves"
