"""The workbench at the sizes a browser tab gives it (``moderator serve``).

Chromium's textual-serve page asks for these cells (measured as tests/test_browser.py runs it:
headless, ``--window-size``): a 1366x768 window (a laptop) is 151x29; a 1024x640 window (a
small laptop; its page is 1024x497) is 113x23. A walk in a real browser found columns left out
that fitted, names cut beside room, and two of four descriptors out of reach at 1024x497.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from moderator.settings import load_settings
from moderator.tui.app import ModeratorApp, create_app
from moderator.tui.screens.listing import ListScreen
from tests.test_tui_grading import settle
from tests.test_tui_layout import (
    LEAD,
    demo_db,
    open_dashboard,
    open_naomis_draft,
    screen_text,
    until,
    whole_in_view,
)

__all__ = ["demo_db"]  # the module's demo database, shared with the layout tests

LAPTOP = (151, 29)
"""A 1366x768 browser window."""
SMALL_LAPTOP = (113, 23)
"""A 1024x640 browser window (its page 1024x497)."""


def tab_app(db: Path, user: str) -> ModeratorApp:
    """The app as a browser tab runs it (serve_tab's ``served=True``), already signed in."""
    return create_app(load_settings(db=db, user=user), cursor_blink=False, served=True)


def headings(table: DataTable) -> list[str]:  # type: ignore[type-arg]
    return [str(c.label).rstrip(" ▲▼") for c in table.columns.values()]


async def test_the_moderation_queue_at_a_laptops_width_shows_the_rubric(demo_db: Path) -> None:
    """At 1366 wide the queue said "Left out at this width: Rubric" with ~45 columns empty:
    the rubric's title now gives up room (cut with "…") before it is left out."""
    async with tab_app(demo_db, "Eleanor Rowbotham").run_test(size=LAPTOP) as pilot:
        await until(pilot, lambda: isinstance(pilot.app.screen, ListScreen), "no queue")
        await until(pilot, lambda: pilot.app.screen.loaded, "the list did not load")  # type: ignore[attr-defined]
        table = pilot.app.screen.query_one("#audits", DataTable)
        shown = screen_text(pilot)
        assert "Left out" not in shown, shown
        assert headings(table)[-1] == "Rubric", headings(table)
        assert "Help and protection casework" in shown, shown
        width = sum(c.get_render_width(table) for c in table.columns.values())
        assert width <= LAPTOP[0] - 2, f"{width} cells: the table scrolls sideways"


@pytest.mark.parametrize("size", [SMALL_LAPTOP, (113, 29)], ids=["113x23", "113x29"])
async def test_every_descriptor_is_in_view_in_a_small_browser_window(
    demo_db: Path, size: tuple[int, int]
) -> None:
    """At 1024x497 the grading screen showed "1 Outstanding" and "2 Good" and nothing said
    more was below. All four grades and a line of each descriptor are now in view."""
    from moderator.tui.widgets.descriptor_panel import DescriptorPanel

    titles = ("1  Outstanding", "2  Good", "3  Requires improvement", "4  Inadequate")

    def panel_lines() -> list[str]:
        region = pilot.app.screen.query_one(DescriptorPanel).region
        rows = screen_text(pilot).splitlines()[region.y : region.bottom]
        return [row[region.x : region.right].strip() for row in rows]

    def all_in_view() -> bool:
        lines = panel_lines()
        starts = [next((i for i, ln in enumerate(lines) if t in ln), -1) for t in titles]
        if -1 in starts:
            return False
        ends = [*starts[1:], len(lines)]
        return all(b - a >= 2 and lines[a + 1] for a, b in zip(starts, ends, strict=True))

    async with tab_app(demo_db, "Naomi Okonkwo").run_test(size=size) as pilot:
        await open_naomis_draft(pilot)
        await until(
            pilot,
            all_in_view,
            "four grades and their descriptors in view:\n" + "\n".join(panel_lines()),
        )
        shown = screen_text(pilot)
        assert "The assessment lists every previous" in shown, shown
        assert "Evidence note" in shown and "1. Risk identified" in shown, shown


@pytest.mark.parametrize("size", [SMALL_LAPTOP, LAPTOP], ids=["113x23", "151x29"])
async def test_the_managers_names_are_cut_only_when_nothing_else_gives_way(
    demo_db: Path, size: tuple[int, int]
) -> None:
    """In a browser the managers tab cut names to 14 cells ("Rupert Pember…", "Howard
    Lockwo…") to keep its last columns and a wide interval plot. The plot gives way to its
    least first, and a trailing column is left out (and said so) before a name is cut below
    16 cells, as long as the 90% interval stays whole."""
    names = ("Rupert Pemberton", "Howard Lockwood", "Desmond Yardley", "Imogen Venables")
    async with tab_app(demo_db, LEAD).run_test(size=size) as pilot:
        dash = await open_dashboard(pilot)
        await pilot.press("right_square_bracket")  # Managers
        await settle(pilot)
        table = dash.query_one("#managers", DataTable)
        shown = screen_text(pilot)
        assert all(name in shown for name in names), shown
        assert whole_in_view(table, "90% interval"), shown
        assert "+1.01 to +1.59" in shown, shown
        width = sum(c.get_render_width(table) for c in table.columns.values())
        assert width <= size[0] - 2, f"{width} cells: the table scrolls sideways"
        if size == LAPTOP:  # nothing left out at a laptop's width
            assert "Calibration" in headings(table) and "Left out" not in shown, shown
