"""The dashboard's tables and key figures show the overrides of the report on screen."""

from __future__ import annotations

from rich.console import Console

from moderator.analysis.build import build_report
from moderator.analysis.counts import Overrides, counts_from_pairs
from moderator.tui.widgets.drift_panels import key_figures
from moderator.tui.widgets.drift_tables import manager_table
from tests.test_analysis_counts import random_pairs
from tests.test_tui_drift_charts import DARK


def _text(renderable: object) -> str:
    console = Console(width=100, record=True)
    console.print(renderable)
    return console.export_text()


def test_overrides_per_manager_and_overall() -> None:
    counts = counts_from_pairs(random_pairs(3, 60), Overrides({"m1": (2, 1, 0), "m4": (1, 0, 1)}))
    report = build_report(counts)
    _, columns, rows = manager_table(report, DARK, 15, is_lead=True)
    assert columns[-1] == ("By hand", "overrides")  # spelt out in the legend
    shown = {key: str(cells[-1]) for key, cells in rows}
    assert shown["m1"] == "2 (1 better)"
    assert shown["m4"] == "1 (0 better)" and shown["m2"] == "0"
    figures = [" ".join(line.split()) for line in _text(key_figures(report, DARK, 60)).splitlines()]
    # Each number says what it counts: no bare "3 (1)" a lead has to decode.
    assert "Set by hand 3" in figures
    assert "… better than derived 1" in figures
    assert "… worse than derived 1" in figures


def test_no_override_record_shows_a_dash() -> None:
    report = build_report(counts_from_pairs(random_pairs(3, 30)))
    _, _, rows = manager_table(report, DARK, 15, is_lead=True)
    assert {str(cells[-1]) for _, cells in rows} == {"–"}
    assert "Set by hand" not in _text(key_figures(report, DARK, 60))
