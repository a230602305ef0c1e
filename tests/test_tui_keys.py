"""What the key bar and help offer is what works: read-only sheets, dialogs, the picker, export.

The bar is read as the user sees it, from the bottom line of the terminal (a dialog draws
over the screen behind it), not from a widget's own idea of its keys.
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Input

from moderator.tui.screens.export import ExportDialog
from moderator.tui.screens.help import HelpScreen
from moderator.tui.screens.listing import ListScreen
from moderator.tui.screens.picker import PickerScreen
from tests.test_tui_grading import make_app, open_case, settle, wait_for_screen

pytestmark = pytest.mark.usefixtures("mini_rubrics")


@pytest.fixture
def db(tmp_path: Path, mini_rubrics: Path) -> Path:
    from tests.tui_support import build_workbench_db

    return build_workbench_db(tmp_path / "work.db")


def screen_lines(pilot: Pilot[None]) -> list[str]:
    """The terminal as the user sees it, line by line (dialogs drawn over what is behind)."""
    app = pilot.app
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True)
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text().splitlines()[:height]


def key_bar(pilot: Pilot[None]) -> str:
    """The bottom line of the terminal: the keys offered now."""
    return screen_lines(pilot)[-1]


async def until(pilot: Pilot[None], check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 60  # bounds a hang; no measurement
    while time.monotonic() < deadline:
        await settle(pilot)
        if check():
            return
        await pilot.pause()
    raise AssertionError(f"{what}; the key bar: {key_bar(pilot)!r}")


# -- 1. a read-only sheet offers no key that cannot act on it ---------------------------------


@pytest.mark.parametrize(
    ("user", "case_ref"),
    [("mia", "C-103"), ("lee", "C-102")],  # her own submitted audit; a lead's view of a draft
)
async def test_a_read_only_sheet_does_not_offer_writing_a_note(
    db: Path, user: str, case_ref: str
) -> None:
    app = make_app(db, user)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, case_ref)
        assert screen.sheet is not None and screen.sheet.read_only
        await until(pilot, lambda: "Case" in key_bar(pilot), "the bar never showed")
        bar = key_bar(pilot)
        for word in ("Note", "Grade", "Override", "Submit", "Next to do"):
            assert word not in bar
        assert "esc Back" in bar and "c Case" in bar
        note = screen.query_one("#note")
        await pilot.press("n")
        await settle(pilot)
        assert not note.has_focus  # n does nothing it was not offered for


async def test_an_editable_sheet_still_offers_the_note(db: Path) -> None:
    app = make_app(db, "mia")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-101")
        await until(pilot, lambda: "n Note" in key_bar(pilot), "no n Note on a draft")
        await pilot.press("n")
        await settle(pilot)
        assert screen.query_one("#note").has_focus


# -- 2. a dialog's key bar shows the dialog's keys, not those of the screen behind ------------


async def test_a_dialog_shows_its_own_keys_not_those_of_the_screen_behind(db: Path) -> None:
    from moderator.tui.screens.dialogs import MessageDialog, OverrideDialog

    app = make_app(db, "mia")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-101")
        await until(pilot, lambda: "n Note" in key_bar(pilot), "no n Note on a draft")
        behind = ("Note", "Override", "Submit", "Next to do", "Case")

        await pilot.press("o")  # the override dialog
        await until(pilot, lambda: isinstance(pilot.app.screen, OverrideDialog), "no dialog")
        await until(pilot, lambda: "Cancel" in key_bar(pilot), "the dialog's keys never showed")
        bar = key_bar(pilot)
        assert "esc Cancel" in bar and "^s Override" in bar and "^q Quit" in bar  # quit too
        assert not [word for word in behind if word in bar.replace("^s Override", "")], bar
        await pilot.press("escape")
        await until(pilot, lambda: pilot.app.screen is screen, "the dialog did not close")
        await until(pilot, lambda: "n Note" in key_bar(pilot), "the sheet's keys did not return")

        await pilot.press("ctrl+s")  # not ready: the list of what is missing
        await until(pilot, lambda: isinstance(pilot.app.screen, MessageDialog), "no message")
        await until(pilot, lambda: "Close" in key_bar(pilot), "the dialog's keys never showed")
        assert not [word for word in behind if word in key_bar(pilot)], key_bar(pilot)


async def test_each_dialog_names_what_ctrl_s_does_there(db: Path, drift_db: Path) -> None:
    """The bar said "^s OK" on every dialog, which says nothing of what the key does: it
    names the dialog's own action, or leaves Ctrl+S off where a key shown does the same
    (Enter exports; Esc closes a message). The key named still does it."""
    from moderator.tui.screens.dialogs import MessageDialog, OverrideDialog, ProgrammeDialog
    from moderator.tui.screens.listing import ListScreen
    from moderator.tui.screens.sample_dialog import SampleDialog

    async def shows(dialog: type, key: str, words: str) -> str:
        await pilot.press(key)
        await until(pilot, lambda: isinstance(pilot.app.screen, dialog), f"no {dialog}")
        await until(pilot, lambda: words in key_bar(pilot), f"{words!r} is not on the bar")
        return key_bar(pilot)

    async with make_app(db, "mia").run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-101")
        await until(pilot, lambda: "n Note" in key_bar(pilot), "no n Note on a draft")
        bar = await shows(OverrideDialog, "o", "^s Override")
        assert "OK" not in bar, bar
        await pilot.press("ctrl+s")  # it overrides: no reason yet, so it asks for one
        await until(
            pilot,
            lambda: "Write the reason" in "\n".join(screen_lines(pilot)),
            "Ctrl+S did not try to override",
        )
        await pilot.press("escape")
        await until(pilot, lambda: pilot.app.screen is screen, "the dialog did not close")
        bar = await shows(MessageDialog, "ctrl+s", "esc Close")
        assert "^s" not in bar and "OK" not in bar and "Cancel" not in bar, bar

    async with make_app(db, "lee").run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, ListScreen)
        await until(pilot, lambda: pilot.app.screen.loaded, "the list did not load")  # type: ignore[attr-defined]
        bar = await shows(SampleDialog, "m", "^s Draw")
        assert "OK" not in bar, bar
        await pilot.press("escape")
        await wait_for_screen(pilot, ListScreen)
        bar = await shows(ProgrammeDialog, "a", "^s Assign")
        assert "OK" not in bar, bar

    async with make_app(drift_db, "lee").run_test(size=(120, 40)) as pilot:
        await open_export(pilot)
        await until(pilot, lambda: "⏎ Export" in key_bar(pilot), "Enter is not offered")
        assert "^s" not in key_bar(pilot) and "OK" not in key_bar(pilot), key_bar(pilot)


async def test_the_help_shows_its_own_keys_not_those_of_the_screen_behind(db: Path) -> None:
    app = make_app(db, "mia")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_case(pilot, "C-101")
        await until(pilot, lambda: "n Note" in key_bar(pilot), "no n Note on a draft")
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen), "no help")
        await until(pilot, lambda: "Close" in key_bar(pilot), "help's keys never showed")
        assert "Note" not in key_bar(pilot)


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_opens_over_a_dialog_with_the_dialogs_keys_first(db: Path, key: str) -> None:
    """? and F1 did nothing while a dialog was open. They open help over it, the dialog's
    keys first; closing help leaves the dialog as it was, still open."""
    from moderator.tui.screens.dialogs import OverrideDialog

    async with make_app(db, "mia").run_test(size=(120, 40)) as pilot:
        await open_case(pilot, "C-101")
        await until(pilot, lambda: "n Note" in key_bar(pilot), "no n Note on a draft")
        await pilot.press("o")
        await until(pilot, lambda: isinstance(pilot.app.screen, OverrideDialog), "no dialog")
        dialog = pilot.app.screen
        await until(pilot, lambda: "? Help" in key_bar(pilot), "the dialog does not offer help")
        await pilot.press("down")  # a grade chosen, to find again after help
        chosen = dialog.query_one("#override-grade").highlighted  # type: ignore[attr-defined]
        await pilot.press(key)
        await until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen), "no help")
        first = pilot.app.screen.query(".help-section").first().render()
        assert str(first) == "Dialogs", first
        rows = help_rows(pilot)
        assert "Close without changing anything" in rows, rows
        await pilot.press("escape")
        await until(pilot, lambda: pilot.app.screen is dialog, "help did not go back to it")
        assert dialog.query_one("#override-grade").highlighted == chosen  # type: ignore[attr-defined]
        await until(pilot, lambda: "^s Override" in key_bar(pilot), "the dialog's keys are gone")


async def test_a_sample_drawn_while_help_covers_the_dialog_closes_the_dialog_not_help(
    db: Path,
) -> None:
    """The draw runs in the background: if it ends while help is open over the dialog, the
    dialog closes once help does (closing "it" at once closed help instead, leaving the
    dialog open to draw the same sample twice)."""
    from moderator.tui.screens.listing import ListScreen
    from moderator.tui.screens.sample_dialog import SampleDialog

    async with make_app(db, "lee").run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, ListScreen)
        await until(pilot, lambda: pilot.app.screen.loaded, "the list did not load")  # type: ignore[attr-defined]
        await pilot.press("m")
        await until(pilot, lambda: isinstance(pilot.app.screen, SampleDialog), "no dialog")
        dialog = pilot.app.screen
        assert isinstance(dialog, SampleDialog)
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen), "no help")
        help_screen = pilot.app.screen
        dialog.post_message(SampleDialog.Drawn(None))  # type: ignore[arg-type]
        await settle(pilot)
        assert pilot.app.screen is help_screen  # help stays until its reader closes it
        await pilot.press("escape")
        await until(
            pilot, lambda: isinstance(pilot.app.screen, ListScreen), "the dialog stayed open"
        )


# -- 3. help on the user picker describes the picker ------------------------------------------


def help_rows(pilot: Pilot[None]) -> set[str]:
    rows: set[str] = set()
    for table in pilot.app.screen.query(DataTable):
        rows |= {str(table.get_row_at(i)[1]) for i in range(table.row_count)}
    return rows


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_on_the_user_picker_describes_the_picker(db: Path, key: str) -> None:
    app = make_app(db, user=None)  # nobody signed in yet
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, PickerScreen)
        await pilot.press(key)
        await wait_for_screen(pilot, HelpScreen)
        rows = help_rows(pilot)
        assert "Work as the selected user" in rows and "Save everything and quit" in rows
        lead_only = [r for r in rows if "(lead" in r]
        assert not lead_only, lead_only
        for elsewhere in ("Open the drift dashboard", "Claim the selected", "Open the selected"):
            assert not [r for r in rows if r.startswith(elsewhere)], rows


async def test_help_on_the_picker_opened_by_a_lead_with_u_describes_the_picker(db: Path) -> None:
    app = make_app(db, "lee")
    async with app.run_test(size=(100, 30)) as pilot:
        from moderator.tui.screens.listing import ListScreen

        await wait_for_screen(pilot, ListScreen)
        await pilot.press("u")
        await wait_for_screen(pilot, PickerScreen)
        await pilot.press("question_mark")
        await wait_for_screen(pilot, HelpScreen)
        rows = help_rows(pilot)
        assert "Keep working as you were (when switching user with u)" in rows
        assert not [r for r in rows if r.startswith("Open the drift dashboard")], rows


async def test_help_on_the_picker_says_how_to_find_and_move(db: Path) -> None:
    """Help listed only Enter, Esc and the app's keys: not that typing finds a user (j and
    k too: they type), nor the arrows that move through the list."""
    app = make_app(db, user=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, PickerScreen)
        await pilot.press("question_mark")
        await wait_for_screen(pilot, HelpScreen)
        rows = help_rows(pilot)
        finding = [r for r in rows if r.startswith("Find a user: type a name, role or team")]
        assert finding and "j and k too" in finding[0], rows
        assert {"Next user (in the search too)", "Previous user (in the search too)"} <= rows
        lines = "\n".join(screen_lines(pilot))
        assert "Type" in lines and "↓" in lines and "↑" in lines


@pytest.mark.parametrize("width", [80, 100])
async def test_the_picker_offers_enter_while_typing_a_search(db: Path, width: int) -> None:
    """Once a letter was typed (the search has the focus) the bar lost "⏎ Choose", at any
    width, though Enter there chooses the one user found."""
    app = make_app(db, user=None)
    async with app.run_test(size=(width, 24)) as pilot:
        await wait_for_screen(pilot, PickerScreen)
        picker = pilot.app.screen
        assert isinstance(picker, PickerScreen)
        await until(pilot, lambda: "⏎ Choose" in key_bar(pilot), "no Choose on the list")
        await pilot.press("m", "i")
        await until(pilot, lambda: picker.focused is picker.query_one("#find"), "no search")
        await until(pilot, lambda: "⏎ Choose" in key_bar(pilot), "no Choose in the search")
        assert key_bar(pilot).startswith(" ? Help  ⏎ Choose"), key_bar(pilot)
        await pilot.press("enter")
        await wait_for_screen(pilot, ListScreen)
        assert pilot.app.screen.user.name == "mia"  # type: ignore[attr-defined]


async def test_down_in_the_picker_search_moves_to_the_next_user(db: Path) -> None:
    app = make_app(db, user=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, PickerScreen)
        picker = pilot.app.screen
        assert isinstance(picker, PickerScreen)
        await pilot.press("m")  # max, mia and oli (a moderator)
        await until(pilot, lambda: len(picker.shown) == 3, "the search found no three")
        await pilot.press("down")
        await pilot.press("enter")
        await wait_for_screen(pilot, ListScreen)
        assert pilot.app.screen.user.name == "mia"  # type: ignore[attr-defined]


# -- 4. Enter on the export form exports --------------------------------------------------------


@pytest.fixture
def drift_db(tmp_path: Path, mini_rubrics: Path) -> Path:
    from tests.dashboard_support import build_drift_db

    return build_drift_db(tmp_path / "drift.db")


async def open_export(pilot: Pilot[None], *, from_home: bool = True) -> ExportDialog:
    from tests.test_tui_dashboard import open_dashboard

    if from_home:
        await open_dashboard(pilot)
    await pilot.press("e")
    await until(pilot, lambda: isinstance(pilot.app.screen, ExportDialog), "no export dialog")
    dialog = pilot.app.screen
    assert isinstance(dialog, ExportDialog)
    return dialog


async def test_enter_on_the_export_form_exports(drift_db: Path, tmp_path: Path) -> None:
    app = make_app(drift_db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_export(pilot)
        await until(pilot, lambda: "⏎ Export" in key_bar(pilot), "Enter is not offered")
        out = tmp_path / "drift.json"
        dialog.query_one("#export-path", Input).value = str(out)
        await pilot.press("down", "down", "down", "down")  # json, on the list of formats
        assert dialog.query_one("#export-format").has_focus
        await pilot.press("enter")
        await until(pilot, out.exists, "Enter on the format list did not export")
        assert json.loads(out.read_text(encoding="utf-8"))["headline"]

        dialog = await open_export(pilot, from_home=False)  # Enter in the file field too
        md = tmp_path / "drift.md"
        await pilot.press("down", "down", "tab")  # md, then the file
        path = dialog.query_one("#export-path", Input)
        assert path.has_focus
        path.value = str(md)
        await pilot.press("enter")
        await until(pilot, md.exists, "Enter in the file field did not export")


async def test_enter_on_cancel_in_the_export_form_cancels(drift_db: Path, tmp_path: Path) -> None:
    app = make_app(drift_db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_export(pilot)
        dialog.query_one("#cancel", Button).focus()
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(pilot.app.screen, ExportDialog), "still open")
        assert not list(tmp_path.glob("drift-report-*"))


async def test_ctrl_p_in_help_opens_the_command_search_its_title_offers(db: Path) -> None:
    from textual.command import CommandPalette

    app = make_app(db, "mia")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_case(pilot, "C-101")
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen), "no help")
        await pilot.press("ctrl+p")
        await until(
            pilot, lambda: isinstance(pilot.app.screen, CommandPalette), "Ctrl+P did nothing"
        )
