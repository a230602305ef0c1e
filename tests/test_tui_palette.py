"""The palette and `?` help offer the signed-in role's actions, named as the screens are named.

Read as the user reads them: the palette's entries after typing a search, the help's rows.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from textual.command import CommandList
from textual.pilot import Pilot
from textual.widgets import DataTable, Label

from moderator.tui.actions import actions_for
from moderator.tui.screens.help import HelpScreen
from moderator.tui.screens.home import HomeScreen
from tests.test_tui_grading import make_app, open_case, settle, wait_for_screen
from tests.tui_support import build_workbench_db

pytestmark = pytest.mark.usefixtures("mini_rubrics")


@pytest.fixture
def db(tmp_path: Path, mini_rubrics: Path) -> Path:
    return build_workbench_db(tmp_path / "work.db")


async def palette_entries(pilot: Pilot[None], query: str, expect: str) -> list[str]:
    """Open the palette, type ``query`` and return its entries once one names ``expect``."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query.replace(" ", ""))
    deadline = time.monotonic() + 60  # bounds a hang; no measurement
    entries: list[str] = []
    while time.monotonic() < deadline:
        await pilot.pause()
        found = pilot.app.screen.query(CommandList)
        if found:
            options = found.first()
            entries = [
                str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
            ]
            if any(expect in entry for entry in entries):
                return entries
    raise AssertionError(f"the palette never offered {expect!r} for {query!r}: {entries}")


async def help_sections(pilot: Pilot[None]) -> dict[str, list[tuple[str, str]]]:
    """Open `?` and read it: each section's title and its (key, what it does) rows."""
    await pilot.press("question_mark")
    await wait_for_screen(pilot, HelpScreen)
    await settle(pilot)
    sections: dict[str, list[tuple[str, str]]] = {}
    title = ""
    body = pilot.app.screen.query_one("#help-body")
    for child in body.children:
        if isinstance(child, Label):
            title = str(child.content)
        elif isinstance(child, DataTable):
            rows = [child.get_row_at(i) for i in range(child.row_count)]
            sections[title] = [(str(k), str(d)) for k, d in rows]
    return sections


async def test_a_managers_help_lists_no_key_of_the_leads_import(db: Path) -> None:
    async with make_app(db, "mia").run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        sections = await help_sections(pilot)
        assert "Import cases (redaction doubts)" not in sections, list(sections)
        rows = [d for entries in sections.values() for _k, d in entries]
        assert "Confirm: redact it" not in rows and "Import the file now" not in rows
        assert not [d for d in rows if d.endswith("(lead)")], rows
    async with make_app(db, "lee").run_test(size=(100, 30)) as pilot:  # the lead keeps them
        await wait_for_screen(pilot, HomeScreen)
        sections = await help_sections(pilot)
        assert ("r", "Confirm: redact it") in sections["Import cases (redaction doubts)"]


async def test_a_leads_help_lists_ctrl_o_once_under_everywhere(db: Path) -> None:
    """The lead's help once listed Ctrl+O (import) twice: under "Every audit" and under
    "Everywhere"; no key that works everywhere is listed under a screen as well."""
    async with make_app(db, "lee").run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        sections = await help_sections(pilot)
        imports = [
            (title, key)
            for title, entries in sections.items()
            for key, what in entries
            if what.startswith("Import cases")
        ]
        assert [title for title, _ in imports] == ["Everywhere"], imports
        everywhere = set(sections["Everywhere"])
        for title, entries in sections.items():
            if title != "Everywhere":
                assert not everywhere & set(entries), (title, everywhere & set(entries))


async def test_the_palette_and_help_name_the_leads_list_as_its_title_bar_does(db: Path) -> None:
    async with make_app(db, "lee").run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        assert pilot.app.screen.title == "Every audit"
        entries = await palette_entries(pilot, "Sort by the next column", "Sort by")
        sort = next(e for e in entries if "Sort by the next column" in e)
        assert "Every audit" in sort and "My audits" not in sort, sort
        await pilot.press("escape")
        await wait_for_screen(pilot, HomeScreen)
        sections = await help_sections(pilot)
        assert "Every audit" in sections and "My audits" not in sections, list(sections)
    async with make_app(db, "mia").run_test(size=(80, 24)) as pilot:  # a manager's own list
        await wait_for_screen(pilot, HomeScreen)
        assert pilot.app.screen.title == "My audits"
        entries = await palette_entries(pilot, "Sort by the next column", "Sort by")
        assert "My audits" in next(e for e in entries if "Sort by the next column" in e)


async def test_help_on_the_grading_screen_shows_every_key_the_palette_offers_there(
    db: Path,
) -> None:
    """At 80x24 the grading screen's keys are all in view when `?` opens, Ctrl+Z among them."""
    from moderator.tui.commands import available_actions
    from moderator.tui.screens.help import HelpScreen
    from tests.test_tui_keys import screen_lines

    async with make_app(db, "mia").run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, "C-101")
        offered = {a.description for a, _ in available_actions(pilot.app, screen)}
        assert "Undo the last grade change (saved and logged like any change)" in offered
        await pilot.press("question_mark")
        await wait_for_screen(pilot, HelpScreen)
        await settle(pilot)
        shown = "\n".join(screen_lines(pilot))
        grading = {a.description for a in actions_for("grading")}
        missing = [d for d in offered & grading if d not in shown]
        assert not missing, shown
        assert "Ctrl+Z" in shown


# -- the override dialog: digits pick, the rule's own grade is refused --------------------------


async def test_a_digit_in_the_override_dialog_picks_that_grade(db: Path) -> None:
    from textual.widgets import OptionList, TextArea

    from moderator.tui.screens.dialogs import OverrideDialog
    from moderator.tui.screens.grading import GradingScreen

    async with make_app(db, "mia").run_test(size=(100, 30)) as pilot:
        screen = await open_case(pilot, "C-102")  # the draft: risk is Good, so the rule: Good
        await pilot.press("o")
        await wait_for_screen(pilot, OverrideDialog)
        await pilot.press("4")
        await settle(pilot)
        dialog = pilot.app.screen
        assert dialog.query_one("#override-grade", OptionList).highlighted == 3  # Inadequate
        assert dialog.query_one("#override-reason", TextArea).has_focus  # on to the reason
        await pilot.press(*"Nosafetyplan", "ctrl+s")
        await wait_for_screen(pilot, GradingScreen)
        await settle(pilot)
        assert screen.override is not None and screen.override.label == "Inadequate"


async def test_a_reason_typed_after_a_tab_too_many_is_not_lost(db: Path) -> None:
    from textual.widgets import Button, TextArea

    from moderator.tui.screens.dialogs import OverrideDialog
    from moderator.tui.screens.grading import GradingScreen

    async with make_app(db, "mia").run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, "C-102")  # the rule gives Good
        await pilot.press("o")
        await wait_for_screen(pilot, OverrideDialog)
        dialog = pilot.app.screen
        await pilot.press("4", "tab")  # the digit moved on to the reason; Tab on to a button
        await settle(pilot)
        assert isinstance(dialog.focused, Button)
        await pilot.press(*"No safety plan")
        await settle(pilot)
        reason = dialog.query_one("#override-reason", TextArea)
        assert reason.text == "No safety plan" and reason.has_focus
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, GradingScreen)
        await settle(pilot)
        assert screen.override is not None and screen.override.label == "Inadequate"
        assert screen.override_reason == "No safety plan"


async def test_an_override_to_the_rules_own_grade_is_refused_and_says_why(db: Path) -> None:
    from textual.widgets import TextArea

    from moderator.tui.screens.dialogs import OverrideDialog

    async with make_app(db, "mia").run_test(size=(100, 30)) as pilot:
        screen = await open_case(pilot, "C-102")  # the rule gives Good
        await pilot.press("o")
        await wait_for_screen(pilot, OverrideDialog)
        dialog = pilot.app.screen
        await pilot.press("2")  # Good: what the rule gives already
        await settle(pilot)
        error = str(dialog.query_one("#override-error", Label).render())
        assert "already gives Good" in error, error
        dialog.query_one("#override-reason", TextArea).focus()
        await pilot.press(*"Itisgood", "ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is dialog  # not accepted
        assert "already gives Good" in str(dialog.query_one("#override-error", Label).render())
        await pilot.press("escape")
        await settle(pilot)
        assert screen.override is None


# -- the palette offers every action of the role, from any screen --------------------------------


async def choose(pilot: Pilot[None], query: str, expect: str) -> str:
    """Search the palette for ``query`` and choose the entry naming ``expect``; its help line."""
    entries = await palette_entries(pilot, query, expect)
    first = entries[pilot.app.screen.query_one(CommandList).highlighted or 0]
    assert expect in first, entries  # the entry chosen is the one the user reads
    await pilot.press("enter")
    return first


async def until_screen(pilot: Pilot[None], kind: type, what: str) -> None:
    deadline = time.monotonic() + 60  # bounds a hang; no measurement
    while time.monotonic() < deadline:
        await settle(pilot)
        if isinstance(pilot.app.screen, kind):
            return
        await pilot.pause()
    raise AssertionError(f"{what}; on {pilot.app.screen!r}")


@pytest.mark.parametrize("user", ["lee", "mia"])
async def test_export_from_the_palette_on_the_list_opens_the_dashboard_and_exports(
    tmp_path: Path, mini_rubrics: Path, user: str
) -> None:
    from moderator.tui.screens.dashboard import DashboardScreen
    from moderator.tui.screens.export import ExportDialog
    from tests.dashboard_support import build_drift_db

    db = build_drift_db(tmp_path / "drift.db")
    async with make_app(db, user).run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        entry = await choose(pilot, "export", "Export the report")
        assert "Drift dashboard" in entry, entry
        await until_screen(pilot, ExportDialog, "the export form never opened")
        assert isinstance(pilot.app.screen_stack[-2], DashboardScreen)


async def test_the_palette_goes_back_to_an_open_dashboard_from_the_audits_behind_it(
    tmp_path: Path, mini_rubrics: Path
) -> None:
    from moderator.tui.screens.dashboard import DashboardScreen
    from moderator.tui.screens.drift_audits import DriftAuditsScreen
    from moderator.tui.screens.export import ExportDialog
    from tests.dashboard_support import build_drift_db

    db = build_drift_db(tmp_path / "drift.db")
    async with make_app(db, "lee").run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("d")
        await until_screen(pilot, DashboardScreen, "no dashboard")
        dashboard = pilot.app.screen
        await pilot.press("right_square_bracket")  # the managers
        deadline = time.monotonic() + 60
        while not isinstance(pilot.app.screen, DriftAuditsScreen):
            assert time.monotonic() < deadline, "the audits behind the number never opened"
            await settle(pilot)
            await pilot.press("enter")
            await pilot.pause()
        await choose(pilot, "export", "Export the report")
        await until_screen(pilot, ExportDialog, "the export form never opened")
        assert pilot.app.screen_stack[-2] is dashboard  # the same dashboard, not a new one


async def test_a_moderator_finds_the_reviews_actions_with_how_to_get_there(db: Path) -> None:
    from moderator.tui.screens.queue import QueueScreen

    async with make_app(db, "oli").run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, QueueScreen)
        await palette_entries(pilot, "review", "Complete the review")  # no "No matches"
        await pilot.press("escape")
        await wait_for_screen(pilot, QueueScreen)
        entry = await choose(pilot, "complete", "Complete the review")
        assert "To review" in entry, entry
        deadline = time.monotonic() + 60
        while not [n for n in pilot.app._notifications if "To review" in str(n.message)]:
            assert time.monotonic() < deadline, "choosing it said nothing"
            await pilot.pause()
        assert isinstance(pilot.app.screen, QueueScreen)  # nothing chosen for the user


async def test_a_manager_grading_finds_the_lists_sort_and_a_leads_keys_stay_hidden(
    db: Path,
) -> None:
    async with make_app(db, "mia").run_test(size=(80, 24)) as pilot:
        await open_case(pilot, "C-101")
        entry = await choose(pilot, "sort", "Sort by the next column")
        assert "My audits" in entry
        await until_screen(pilot, HomeScreen, "not back on the list")
        from moderator.tui.commands import ActionCommands, elsewhere_actions

        offered = {a.id for a in elsewhere_actions(pilot.app, pilot.app.screen)}
        assert "dashboard.export" in offered and "review.complete" not in offered
        assert not [i for i in offered if i.startswith(("samples.", "import."))], offered
        assert ActionCommands  # the provider the app registers


# -- at 80x24 the override and sample dialogs show their buttons -------------------------------


@pytest.mark.parametrize("dialog", ["override", "sample"])
async def test_the_override_and_sample_dialogs_show_their_buttons_at_80x24(
    db: Path, dialog: str
) -> None:
    from moderator.tui.screens.dialogs import OverrideDialog
    from moderator.tui.screens.sample_dialog import SampleDialog
    from tests.test_tui_keys import screen_lines

    def buttons(first: str) -> list[str]:
        """The dialog's line of buttons, above the key bar (which names its keys too)."""
        above_the_bar = screen_lines(pilot)[:-1]
        return [line for line in above_the_bar if first in line and "Cancel" in line]

    async with make_app(db, "mia" if dialog == "override" else "lee").run_test(
        size=(80, 24)
    ) as pilot:
        if dialog == "override":
            await open_case(pilot, "C-101")
            await pilot.press("o")
            await wait_for_screen(pilot, OverrideDialog)
        else:
            await wait_for_screen(pilot, HomeScreen)
            await pilot.press("m")
            await wait_for_screen(pilot, SampleDialog)
        await settle(pilot)
        first = "Override" if dialog == "override" else "Draw"
        assert buttons(first), "\n".join(screen_lines(pilot))
