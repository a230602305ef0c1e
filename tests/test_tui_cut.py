"""No text cut without saying so: a heading or a cell is whole or ends in "…", a number is
never cut, and no column stands half off the screen (the walk-through found "Service ar",
"Te", "D" over "2", "Dri" over "+1."). Also what an empty state tab says, and the sort of a
column left off a narrow screen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.text import Text
from textual.coordinate import Coordinate
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from moderator.tui.screens.listing import ListScreen
from tests.test_tui_grading import settle
from tests.test_tui_layout import (
    LEAD,
    demo_db,
    make_app,
    open_dashboard,
    open_naomis_draft,
    screen_text,
    until,
)

__all__ = ["demo_db"]  # the module's fixture, shared

NUMBER = re.compile(r"^[+\-−]?\d[\d.,%]*$")


def cut_short(table: DataTable) -> list[str]:  # type: ignore[type-arg]
    """What this table shows cut short: a column running past the table's right edge, a
    heading or cell wider than its column and not ending in "…", a number ending in "…"."""
    problems = []
    room = table.scrollable_content_region.width
    used = sum(c.get_render_width(table) for c in table.ordered_columns)
    if used > room:
        problems.append(f"#{table.id}: its columns take {used} cells of {room}: the last is cut")
    for index, column in enumerate(table.ordered_columns):
        width = column.get_render_width(table) - 2 * table.cell_padding
        cells = [table.get_cell_at(Coordinate(r, index)) for r in range(table.row_count)]
        for cell in [column.label, *cells]:
            text = cell.plain if isinstance(cell, Text) else str(cell)
            if cell_len(text) > width:
                problems.append(f"#{table.id} {column.label.plain!r}: {text!r} is cut to {width}")
            if NUMBER.match(text.rstrip("…")) and text.endswith("…"):
                problems.append(f"#{table.id} {column.label.plain!r}: a number cut: {text!r}")
    return problems


async def open_list(pilot: Pilot[None]) -> ListScreen:  # type: ignore[type-arg]
    await until(
        pilot,
        lambda: isinstance(pilot.app.screen, ListScreen) and pilot.app.screen.loaded,
        "the home list did not load",
    )
    screen = pilot.app.screen
    assert isinstance(screen, ListScreen)
    return screen


@pytest.mark.parametrize(
    ("user", "size"),
    [
        ("Naomi Okonkwo", (100, 30)),
        ("Naomi Okonkwo", (80, 24)),
        ("Kenneth Obi", (80, 24)),
        ("Kenneth Obi", (100, 30)),
    ],
    ids=["manager-100x30", "manager-80x24", "lead-80x24", "lead-100x30"],
)
async def test_the_audit_list_cuts_nothing_short(
    demo_db: Path, user: str, size: tuple[int, int]
) -> None:
    async with make_app(demo_db, user).run_test(size=size) as pilot:
        screen = await open_list(pilot)
        table = screen.query_one("#audits", DataTable)
        await until(pilot, lambda: table.row_count > 0, "no rows")
        assert cut_short(table) == [], screen_text(pilot)
        shown = screen_text(pilot)
        assert "Service ar " not in shown, shown
        header = next(line for line in shown.splitlines() if line.startswith(" Case "))
        assert header.split()[-1] in {
            "Case",
            "Manager",
            "State",
            "Progress",
            "Due",
            "Team",
            "Service area",
            "Rubric",
            "area",
        }, header


async def test_an_empty_state_tab_says_there_is_nothing_to_do(demo_db: Path) -> None:
    async with make_app(demo_db, "Naomi Okonkwo").run_test(size=(100, 30)) as pilot:
        screen = await open_list(pilot)
        assert screen.counts()["todo"] == 0  # the demo's manager has started every audit
        await pilot.press("]")  # All -> To do
        await until(pilot, lambda: "No audits to do" in screen_text(pilot), "no word why")
        shown = screen_text(pilot)
        assert "Nothing here matches" not in shown, shown  # no search was typed
        assert not re.search(r"^ Case +State", shown, re.M), shown  # no headings over nothing


async def test_the_sort_is_said_when_its_column_is_off_the_screen(demo_db: Path) -> None:
    async with make_app(demo_db, "Naomi Okonkwo").run_test(size=(80, 24)) as pilot:
        screen = await open_list(pilot)
        for _ in range(6):  # Case, State, Progress, Due, Team, Service area
            await pilot.press("s")
        await until(pilot, lambda: screen.sort_column == "area", "not sorted by service area")
        await until(
            pilot,
            lambda: "sorted by Service area ▲" in screen_text(pilot),
            f"the sort is nowhere:\n{screen_text(pilot)}",
        )


async def show_tab(pilot: Pilot[None], steps: int) -> None:
    for _ in range(steps):
        await pilot.press("]")
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 30), (100, 30)], ids=["80x30", "100x30"])
async def test_the_dashboard_tables_cut_no_heading_or_number(
    demo_db: Path, size: tuple[int, int]
) -> None:
    async with make_app(demo_db, LEAD).run_test(size=size) as pilot:
        screen = await open_dashboard(pilot)
        await show_tab(pilot, 1)  # Managers: "Dri" over "+1." at 80 columns
        managers = screen.query_one("#managers", DataTable)
        assert managers.row_count > 0
        assert cut_short(managers) == [], screen_text(pilot)
        await show_tab(pilot, 1)  # Criteria: "To In"
        criteria = screen.query_one("#criteria-table", DataTable)
        assert cut_short(criteria) == [], screen_text(pilot)


MONTH = re.compile(r"^[A-Z][a-z]{2} \d{2}$")


@pytest.mark.parametrize("size", [(80, 40), (100, 30)], ids=["80x40", "100x30"])
async def test_the_trend_tab_shows_whole_months(demo_db: Path, size: tuple[int, int]) -> None:
    async with make_app(demo_db, LEAD).run_test(size=size) as pilot:
        screen = await open_dashboard(pilot)
        await pilot.press("p")  # by month: more periods than the screen is wide
        await show_tab(pilot, 3)
        await until(pilot, lambda: screen.active_tab() == "tab-trend", "no trend tab")
        await until(pilot, lambda: "per month" in screen_text(pilot), "not by month")
        shown = screen_text(pilot)
        (labels,) = [
            line for line in shown.splitlines() if re.search(r" (Jan|Feb|Mar) \d\d ", line)
        ]
        for label in re.split(r"\s{2,}|(?<=\d) (?=[A-Z])", labels.strip()):
            assert MONTH.match(label), (label, shown)
        assert "the 4 before them are in the table" in shown or size[0] != 100, shown
        for table in ("#periods", "#manager-trends"):
            assert cut_short(screen.query_one(table, DataTable)) == [], shown


async def test_a_long_criterion_title_over_the_note_ends_in_an_ellipsis(demo_db: Path) -> None:

    async with make_app(demo_db, "Naomi Okonkwo").run_test(size=(100, 30)) as pilot:
        await open_naomis_draft(pilot)
        await until(pilot, lambda: "Evidence note · " in screen_text(pilot), "no note heading")
        (line,) = [ln for ln in screen_text(pilot).splitlines() if "Evidence note · " in ln]
        heading = line.split("│")[-1].strip()
        assert heading.endswith("…"), line
        assert heading.startswith("Evidence note · Assessment uses history"), line


async def test_the_dashboard_names_the_columns_it_leaves_out(demo_db: Path) -> None:
    """A column too wide for the screen is left out, not cut; the line under the table says
    which, so that a reader at 80 columns knows Drift and Down exist and how to see them."""
    async with make_app(demo_db, LEAD).run_test(size=(80, 30)) as pilot:
        screen = await open_dashboard(pilot)
        await show_tab(pilot, 1)
        managers = screen.query_one("#managers", DataTable)
        shown = {c.label.plain.strip() for c in managers.ordered_columns}
        note = str(screen.query_one("#managers-more", Static).render())
        every = ("Drift", "Down", "Moderated", "On time", "By hand")
        left_out = [title for title in every if title not in shown]
        assert left_out, shown  # (80 columns hold the leniency, never all of them)
        assert all(title in note for title in left_out), note
        assert "Widen the terminal" in note
    async with make_app(demo_db, LEAD).run_test(size=(200, 40)) as pilot:
        screen = await open_dashboard(pilot)
        await show_tab(pilot, 1)
        assert not screen.query_one("#managers-more", Static).display
