"""The workbench shows user-supplied names as text: ``Bad [/] name`` crashed it (MarkupError)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList, Static

from moderator.services.audits import assign_audit
from moderator.services.users import add_user, get_user
from moderator.store import open_store
from moderator.tui.screens.home import HomeScreen
from moderator.tui.screens.picker import PickerScreen
from tests.helpers import add_case
from tests.test_tui_grading import make_app, wait_for_screen

pytestmark = pytest.mark.usefixtures("mini_rubrics")

NAME = "Bad [/] name"
TEAM = "[bold]North[/bold] [link=https://evil.example]x[/link]"


@pytest.fixture
def db(tmp_path: Path, mini_rubrics: Path) -> Path:
    from tests.tui_support import build_workbench_db

    path = build_workbench_db(tmp_path / "work.db")
    with open_store(path) as store:
        add_user(store, "lee", NAME, "manager", team=TEAM)
        add_case(store, "C-900", team=TEAM)
        assign_audit(store, get_user(store, "lee"), "C-900", NAME, "mini", "2020-02-28")
    return path


async def test_the_picker_lists_a_name_with_markup_as_typed(db: Path) -> None:
    app = make_app(db, user=None)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_screen(pilot, PickerScreen)
        options = pilot.app.screen.query_one("#users", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any(p.startswith(f"{NAME}  ·  manager  ·  {TEAM}") for p in prompts)


async def test_home_shows_the_name_and_team_as_typed(db: Path) -> None:
    app = make_app(db, user=NAME)
    async with app.run_test(size=(160, 30)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        home = pilot.app.screen
        summary = str(home.query_one("#summary", Static).render())
        assert f"Your audits, {NAME} (manager)" in summary
        table = home.query_one("#audits", DataTable)
        cells = [str(c) for i in range(table.row_count) for c in table.get_row_at(i)]
        assert TEAM in cells


async def test_a_lead_sees_the_manager_named_as_typed(db: Path) -> None:
    app = make_app(db, user="lee")
    async with app.run_test(size=(160, 30)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        table = pilot.app.screen.query_one("#audits", DataTable)
        cells = [str(c) for i in range(table.row_count) for c in table.get_row_at(i)]
        assert NAME in cells
