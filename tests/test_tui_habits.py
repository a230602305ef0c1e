"""Workbench habits: the palette from anywhere, undo, list keys, type-to-find, the sample dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, OptionList, Select

from moderator.domain.grades import Grade
from moderator.services.audits import get_audit, list_audits
from moderator.services.sampling import draw_sample
from moderator.services.users import add_user, get_user
from moderator.store import open_store
from moderator.tui.commands import anywhere_actions
from moderator.tui.screens.home import HomeScreen
from moderator.tui.screens.picker import PickerScreen
from moderator.tui.screens.sample_dialog import SampleDialog
from tests.helpers import add_case
from tests.test_tui_grading import make_app, open_case, settle, wait_for_screen
from tests.test_tui_home import wait_for_palette_match
from tests.test_tui_loop import until
from tests.tui_support import build_workbench_db, fixed_clock

pytestmark = pytest.mark.usefixtures("mini_rubrics")


@pytest.fixture
def db(tmp_path: Path, mini_rubrics: Path) -> Path:
    return build_workbench_db(tmp_path / "work.db")


async def test_ctrl_z_puts_back_the_grade_a_stray_digit_replaced(db: Path) -> None:
    async with make_app(db).run_test(size=(120, 40)) as pilot:
        grading = await open_case(pilot, "C-102")  # the draft: risk is Good
        await pilot.press("k", "k", "k")  # to the top: risk
        await pilot.press("4")
        await settle(pilot)
        assert grading.entries["risk"].grade is Grade.INADEQUATE
        await pilot.press("j", "ctrl+z")  # the cursor moved on; undo finds the criterion
        await settle(pilot)
        assert grading.entries["risk"].grade is Grade.GOOD
        assert grading.current_id == "risk"
        await pilot.press("escape")
        await wait_for_screen(pilot, HomeScreen)
    with open_store(db) as store:
        mia = get_user(store, "mia")
        audit = next(a for a in list_audits(store, mia) if a.case_ref == "C-102")
        grades = {e.criterion: e.grade for e in get_audit(store, mia, audit.id).entries}
        assert grades["risk"] is Grade.GOOD
        # the undo is a change like any other: in the log after the stray grade
        changes = [
            e["after"]
            for e in store.events("audit", audit.id)
            if e["field"] == "risk" and e["kind"].endswith("grade")
        ]
        assert changes[-2:] == ["Inadequate", "Good"]


async def test_the_palette_offers_the_roles_actions_from_any_screen(db: Path) -> None:
    async with make_app(db, "lee").run_test(size=(120, 40)) as pilot:
        await open_case(pilot, "C-101")  # a lead reading an audit
        offered = {a.id for a in anywhere_actions(pilot.app, pilot.app.screen)}
        assert {"home.sample", "home.assign", "home.samples", "home.dashboard"} <= offered
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Draw a moderation sample".replace(" ", ""))
        await wait_for_palette_match(pilot, "sample")  # a condition, not a fixed wait
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(pilot.app.screen, SampleDialog), "no dialog")
        assert isinstance(pilot.app.screen_stack[-2], HomeScreen)  # it went back to the list
    async with make_app(db, "mia").run_test(size=(120, 40)) as pilot:
        await open_case(pilot, "C-101")
        offered = {a.id for a in anywhere_actions(pilot.app, pilot.app.screen)}
        assert "home.sample" not in offered and "home.dashboard" in offered  # a manager


async def test_home_end_and_pages_move_in_lists(db: Path) -> None:
    with open_store(db) as store:
        fixed_clock(store)
        lee = get_user(store, "lee")
        from moderator.services.audits import assign_audit

        for i in range(40):
            add_case(store, f"P-{i:02d}")
            assign_audit(store, lee, f"P-{i:02d}", "mia", "mini", "2020-03-31")
    async with make_app(db).run_test(size=(100, 24)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        table = pilot.app.screen.query_one("#audits", DataTable)
        await pilot.press("end")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("pagedown")
        assert table.cursor_row > 5
        await pilot.press("pageup")
        assert table.cursor_row == 0


async def test_the_user_picker_finds_as_you_type(db: Path) -> None:
    async with make_app(db, None).run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, PickerScreen)
        picker = pilot.app.screen
        assert isinstance(picker, PickerScreen)
        await pilot.press("o", "l")  # typed on the list: goes to the search
        assert picker.query_one("#find", Input).value == "ol"
        assert [u.name for u in picker.shown] == ["oli"]
        assert picker.query_one("#users", OptionList).option_count == 1
        await pilot.press("enter")
        await until(pilot, lambda: pilot.app.user is not None, "nobody chosen")  # type: ignore[attr-defined]
        assert pilot.app.user.name == "oli"  # type: ignore[attr-defined]


async def test_the_sample_dialog_offers_moderators_only_and_keeps_values_on_error(
    db: Path,
) -> None:
    with open_store(db) as store:
        add_user(store, "lee", "ola", "moderator", authority="Another Council")
    async with make_app(db, "lee").run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("m")
        await until(pilot, lambda: isinstance(pilot.app.screen, SampleDialog), "no dialog")
        dialog = pilot.app.screen
        await settle(pilot)
        select = dialog.query_one("#moderator", Select)
        values = [value for _label, value in select._options]  # type: ignore[attr-defined]
        assert values == ["", "ola", "oli"]  # any moderator (the default), then moderators only
        assert select.value == ""
        dialog.query_one("#seed", Input).value = "9"
        dialog.query_one("#exclude-months", Input).value = "0"
        dialog.query_one("#rate", Input).value = "0.5"
        # someone samples the one submitted audit behind the dialog: the draw is refused
        with open_store(db) as store:
            draw_sample(store, get_user(store, "lee"), rate=1, seed=1)
        await pilot.press("enter")
        await until(
            pilot,
            lambda: "Not drawn" in str(dialog.query_one("#sample-error").render()),
            "no inline error",
        )
        assert pilot.app.screen is dialog  # still open, with what was typed
        assert dialog.query_one("#seed", Input).value == "9"
        assert dialog.query_one("#rate", Input).value == "0.5"
