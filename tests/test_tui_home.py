"""My audits, the user picker, help, the palette, themes and the lead's programme dialog."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static, Tabs

from moderator.services.audits import list_audits
from moderator.services.users import get_user
from moderator.settings import load_settings
from moderator.store import open_store
from moderator.tui.actions import ACTIONS, SCOPE_TITLES, actions_for, bindings_for, display_keys
from moderator.tui.commands import available_actions
from moderator.tui.screens.help import HelpScreen, help_sections
from moderator.tui.screens.home import HomeScreen
from moderator.tui.screens.picker import PickerScreen
from moderator.tui.screens.queue import QueueScreen
from tests.helpers import add_case
from tests.test_tui_grading import make_app, open_case, settle, wait_for_screen

pytestmark = pytest.mark.usefixtures("mini_rubrics")


@pytest.fixture
def db(tmp_path: Path, mini_rubrics: Path) -> Path:
    from tests.tui_support import build_workbench_db

    return build_workbench_db(tmp_path / "work.db")


def table_cases(home: HomeScreen) -> list[str]:
    table = home.query_one("#audits", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_home_lists_my_audits_with_counts_search_states_and_sorting(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        # drafts first, then to do, then submitted; max's audit is not listed
        assert table_cases(home) == ["C-102", "C-101", "C-103"]
        labels = [str(t.label) for t in home.query_one("#states", Tabs).query("Tab")]
        assert labels == ["All 3", "To do 1", "Drafts 1", "Submitted 1"]
        summary = str(home.query_one("#summary", Static).render())
        assert "1 to do · 1 in draft · 1 submitted · 1 overdue" in summary  # C-102 due 7 Feb

        await pilot.press("right_square_bracket")  # To do
        assert table_cases(home) == ["C-101"]
        await pilot.press("right_square_bracket", "right_square_bracket")  # Submitted
        assert table_cases(home) == ["C-103"]
        await pilot.press("right_square_bracket")  # back to All

        await pilot.press("slash", *"north")  # search as you type: team
        assert table_cases(home) == ["C-101"]
        await pilot.press("escape")
        assert len(table_cases(home)) == 3

        await pilot.click("#audits", offset=(2, 0))  # header "Case": sort ascending
        await pilot.pause()
        assert table_cases(home) == ["C-101", "C-102", "C-103"]
        await pilot.press("r")  # reverse
        assert table_cases(home) == ["C-103", "C-102", "C-101"]


async def test_the_list_refreshes_when_coming_back_from_grading(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_case(pilot, "C-101")
        await pilot.press("2", "escape")
        await wait_for_screen(pilot, HomeScreen)
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        c101 = next(a for a in home.audits if a.case_ref == "C-101")
        assert (c101.status, c101.graded) == ("draft", 1)


async def test_first_start_picker_lists_users_and_remembers_the_choice(db: Path) -> None:
    app = make_app(db, user=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, PickerScreen)
        picker = pilot.app.screen
        assert isinstance(picker, PickerScreen)
        assert [u.name for u in picker.users] == ["lee", "max", "mia", "oli"]
        await pilot.press("down", "down", "enter")  # mia
        await wait_for_screen(pilot, HomeScreen)
        assert pilot.app.screen.user.name == "mia"  # type: ignore[attr-defined]
    assert load_settings().user is None  # not for every database
    assert load_settings().remembered_user(db) == "mia"
    again = make_app(db, user=None)
    async with again.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        assert pilot.app.screen.user.name == "mia"  # type: ignore[attr-defined]


async def test_a_name_picked_on_one_database_is_not_used_on_another(
    db: Path, tmp_path: Path
) -> None:
    """Picking mia on one database: the CLI acts as her there (and says so), nowhere else;
    a secured database's sign-in does not offer her name."""
    from click.testing import CliRunner

    from moderator.cli import cli
    from moderator.services.auth import set_password
    from tests.tui_support import build_workbench_db

    app = make_app(db, user=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, PickerScreen)
        await pilot.press("down", "down", "enter")  # mia
        await wait_for_screen(pilot, HomeScreen)

    here = CliRunner().invoke(cli, ["audit", "list", "--db", str(db), "--format", "json"])
    assert here.exit_code == 0, here.output
    assert "as mia, remembered for this database; --as to choose" in here.stderr
    assert "as mia" not in here.stdout  # the JSON stays clean
    chosen = CliRunner().invoke(cli, ["audit", "list", "--db", str(db), "--as", "max"])
    assert chosen.exit_code == 0 and "remembered" not in chosen.stderr

    other = build_workbench_db(tmp_path / "other" / "work.db")
    there = CliRunner().invoke(cli, ["audit", "list", "--db", str(other)])
    assert there.exit_code == 2  # who is working? nobody was picked on this one
    assert "give --as NAME" in there.stderr and "mia" not in there.output

    with open_store(other) as store:
        lee = get_user(store, "lee")
        set_password(store, lee, "lee", "lee's own passphrase")
    from textual.widgets import Input

    from moderator.tui.screens.signin import SignInScreen

    secured = make_app(other, user=None)
    async with secured.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, SignInScreen)
        assert pilot.app.screen.query_one("#signin-name", Input).value == ""


async def test_an_unknown_user_gets_the_picker_with_a_reason(db: Path) -> None:
    app = make_app(db, user="ghost")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, PickerScreen)
        problem = str(pilot.app.screen.query_one("#picker-problem", Static).render())
        assert "no user 'ghost'" in problem


async def test_an_empty_database_says_how_to_add_users(tmp_path: Path) -> None:
    app = make_app(tmp_path / "empty.db", user=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, PickerScreen)
        text = str(pilot.app.screen.query_one("#picker-empty", Static).render())
        assert "moderator user add" in text


async def test_help_is_generated_from_the_action_registry(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_case(pilot, "C-101")
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        shown = set()
        for table in help_screen.query(DataTable):
            shown |= {str(table.get_row_at(i)[1]) for i in range(table.row_count)}
        # every key a manager has in a terminal, and none of another role's (nor the
        # browser tab's Sign out)
        assert "Save everything and sign out" not in shown
        assert shown == {
            a.description for a in ACTIONS if a.for_role("manager") and a.offered(served=False)
        }
        first = help_sections("grading", {})[0]
        assert first[0] == "Grading"
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, HelpScreen)


def help_keys(role: str) -> dict[str, set[str]]:
    """The keys help lists for a role, per section."""
    return {
        title: {display_keys(a) for a in entries}
        for title, entries in help_sections("home", {}, role)
    }


def test_help_lists_only_the_keys_of_the_users_role() -> None:
    manager, lead, moderator = help_keys("manager"), help_keys("lead"), help_keys("moderator")
    # the lead's a (assign), m (sample) and v (samples) are not a manager's keys
    assert {"a", "m", "v"} <= lead["Every audit"]  # the lead's list is titled so
    assert not {"a", "m", "v"} & manager["My audits"]
    assert "Moderation samples (leads)" not in manager
    assert "Disagreement review (moderators)" not in manager
    assert "Import cases (redaction doubts)" not in manager  # Ctrl+O is the lead's
    assert "Import cases (redaction doubts)" in lead
    # a moderator has a queue, not a list of audits to grade or a dashboard
    assert "My audits" not in moderator and "Drift dashboard" not in moderator
    assert "c" in moderator["Moderation queue"]
    # before anyone signs in, every key
    assert {title for title, _ in help_sections(None, {})} == set(SCOPE_TITLES.values())


async def test_a_manager_pressing_help_sees_no_lead_keys(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("question_mark")
        await wait_for_screen(pilot, HelpScreen)
        rows = set()
        for table in pilot.app.screen.query(DataTable):
            rows |= {str(table.get_row_at(i)[1]) for i in range(table.row_count)}
        assert not [r for r in rows if r.endswith("(lead)")]
        assert "Work as someone else" in rows


async def test_question_mark_on_the_user_picker_opens_help(db: Path) -> None:
    app = make_app(db, user=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, PickerScreen)
        picker = pilot.app.screen
        await pilot.press("m", "i")  # typing finds a name...
        await pilot.press("question_mark")  # ...and ? still opens the help the footer offers
        await wait_for_screen(pilot, HelpScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, PickerScreen)
        assert picker.query_one("#find", Input).value == "mi"
        assert [u.name for u in picker.shown] == ["mia"]


def test_every_binding_has_an_id_a_label_and_a_unique_key_per_scope() -> None:
    ids = [a.id for a in ACTIONS]
    assert len(ids) == len(set(ids))
    for scope in SCOPE_TITLES:
        for served in (False, True):  # a key unique where it is offered (a tab's Ctrl+O)
            keys = [
                k
                for a in actions_for(scope)  # type: ignore[arg-type]
                if a.offered(served=served)
                for k in a.keys.split(",")
            ]
            assert len(keys) == len(set(keys)), (scope, served)
        for binding in bindings_for(scope):  # type: ignore[arg-type]
            assert binding.id and binding.description


async def test_palette_offers_what_makes_sense_here(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        home_ids = {a.id for a, _ in available_actions(pilot.app, pilot.app.screen)}
        assert "home.open" in home_ids and "app.theme" in home_ids
        assert "home.assign" not in home_ids  # a manager does not assign
        assert not any(i.startswith("grading.") for i in home_ids)

        screen = await open_case(pilot, "C-103")  # submitted: read-only
        ids = {a.id for a, _ in available_actions(pilot.app, screen)}
        # nothing to write on it: neither a grade nor a note is offered (as on the key bar)
        assert "grading.case" in ids
        assert "grading.note" not in ids and "grading.grade-1" not in ids
        await pilot.press("escape")
        screen = await open_case(pilot, "C-101")
        ids = {a.id for a, _ in available_actions(pilot.app, screen)}
        assert {"grading.grade-1", "grading.override", "grading.submit"} <= ids

        # running a palette entry does what the key does
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Grade the criterion Good".replace(" ", ""))
        await wait_for_palette_match(pilot, "Good")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.entries["risk"].grade is not None and int(screen.entries["risk"].grade) == 2


async def wait_for_palette_match(pilot: Pilot[None], words: str) -> None:
    """Poll until the command palette's search has a highlighted match naming ``words``."""
    from textual.command import CommandList

    deadline = time.monotonic() + 60  # bounds a hang; no measurement
    while time.monotonic() < deadline:
        await pilot.pause()
        found = pilot.app.screen.query(CommandList)
        if found:
            results = found.first()
            index = results.highlighted
            if index is not None and words in str(results.get_option_at_index(index).prompt):
                return
    raise AssertionError(f"the command palette never offered {words!r}")


async def test_theme_toggle_is_remembered(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        assert pilot.app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        assert pilot.app.theme == "textual-light"
    assert load_settings().theme == "textual-light"
    app = make_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        assert pilot.app.theme == "textual-light"


async def test_a_lead_assigns_a_monthly_programme_from_a_dialog(db: Path) -> None:
    with open_store(db) as store:
        for i in range(4):
            add_case(store, f"S-{i}", team="Safeguarding South")
    app = make_app(db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("backspace", "1")  # one case per manager
        await pilot.press("tab", "ctrl+a", "ctrl+k", *"2020-03-31")
        await pilot.press("ctrl+s")
        await settle(pilot)
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        assert len(home.audits) == 6
    with open_store(db) as store:
        for name, own_team in (("mia", "Safeguarding North"), ("max", "Children in Care")):
            me = get_user(store, name)
            new = [a for a in list_audits(store, me) if a.due and a.due.isoformat() == "2020-03-31"]
            assert len(new) == 1 and new[0].team != own_team  # peer audit by default


async def test_a_manager_cannot_open_the_programme_dialog(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)


async def test_keys_can_be_remapped_by_binding_id(db: Path) -> None:
    from moderator.tui.app import create_app
    from tests.tui_support import TODAY

    settings = load_settings(db=db, user="mia").model_copy(update={"keys": {"home.sort": "o"}})
    app = create_app(settings, today=lambda: TODAY, cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        await pilot.press("o")
        assert home.sort_column == "case"


def footer_text(pilot: Pilot[None]) -> str:
    from moderator.tui.widgets.footer import Footer

    return pilot.app.screen.query_one(Footer).render().plain


async def test_the_key_bar_shows_the_screens_keys_and_a_click_presses_one(db: Path) -> None:
    from moderator.tui.widgets.footer import Footer

    settings = load_settings(db=db, user="mia").model_copy(update={"keys": {"home.sort": "o"}})
    from moderator.tui.app import create_app
    from tests.tui_support import TODAY

    app = create_app(settings, today=lambda: TODAY, cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        bar = footer_text(pilot)
        assert "? Help" in bar and "o Sort" in bar and "s Sort" not in bar  # the remap shows
        assert bar.rstrip().endswith("Commands")  # the palette's key at the right edge
        await pilot.click(Footer, offset=(bar.index("Help"), 0))
        await wait_for_screen(pilot, HelpScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, HomeScreen)
        await pilot.click(Footer, offset=(footer_text(pilot).index("Commands"), 0))
        await wait_for_palette(pilot)


async def wait_for_palette(pilot: Pilot[None]) -> None:
    from textual.command import CommandPalette

    deadline = time.monotonic() + 60  # bounds a hang; no measurement
    while time.monotonic() < deadline:
        if isinstance(pilot.app.screen, CommandPalette):
            return
        await pilot.pause()
    raise AssertionError(f"the command palette did not open; on {pilot.app.screen!r}")


async def test_the_title_bar_follows_the_screen_and_its_icon_opens_the_palette(db: Path) -> None:
    from moderator.tui.widgets.header import Header

    def title() -> str:
        return pilot.app.screen.query_one(Header).render().plain

    app = make_app(db)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        assert "My audits — mia · manager" in title()
        await open_case(pilot, "C-101")
        deadline = time.monotonic() + 60  # bounds a hang; no measurement
        while (
            time.monotonic() < deadline
        ):  # the grading screen names the audit once its sheet is read
            if "C-101" in title():
                break
            await pilot.pause()
        assert "C-101" in title() and "mia" in title()
        await pilot.click(Header, offset=(1, 0))
        await wait_for_palette(pilot)


async def test_clicking_a_highlighted_row_opens_the_audit(db: Path) -> None:
    from moderator.tui.screens.grading import GradingScreen

    app = make_app(db)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await pilot.click("#audits", offset=(3, 2))  # second row: C-101 highlighted...
        assert isinstance(pilot.app.screen, HomeScreen)
        await pilot.click("#audits", offset=(3, 2))  # ...and a click on it opens it
        await wait_for_screen(pilot, GradingScreen)
        assert pilot.app.screen.sheet.case_ref == "C-101"  # type: ignore[attr-defined]


async def test_a_moderator_is_told_where_blind_grading_happens(db: Path) -> None:
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_screen(pilot, QueueScreen)
        home = pilot.app.screen
        assert isinstance(home, QueueScreen)
        assert "moderate" in str(home.query_one("#summary", Static).render())


def test_the_demo_database_holds_the_sample_audits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from moderator.tui.launch import prepare_demo_database

    monkeypatch.delenv("MODERATOR_RUBRICS")  # the sample audits are graded on the shipped rubrics
    notice = prepare_demo_database(tmp_path / "demo.db")
    assert notice is None
    store = open_store(tmp_path / "demo.db")
    assert store.scalar("SELECT count(*) FROM audits") > 100
    store.close()


async def test_a_file_that_is_not_a_database_stops_the_app_with_the_reason(tmp_path: Path) -> None:
    from moderator.errors import BadInput

    bad = tmp_path / "notes.db"
    bad.write_text("this is not sqlite\n" * 100)
    app = make_app(bad)
    async with app.run_test(size=(100, 30)) as pilot:
        deadline = time.monotonic() + 60  # bounds a hang; no measurement
        while time.monotonic() < deadline:
            await pilot.pause()
            if app.fatal is not None:
                break
    assert isinstance(app.fatal, BadInput) and "not a moderator database" in str(app.fatal)
    assert app.return_code == 1


async def test_the_tabs_count_what_the_search_leaves(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)

        def labels() -> list[str]:
            return [str(t.label) for t in home.query_one("#states", Tabs).query("Tab")]

        def summary() -> str:
            return str(home.query_one("#summary", Static).render())

        await pilot.press("slash", *"north")  # one audit left: C-101, to do
        assert table_cases(home) == ["C-101"]
        assert labels() == ["All 1", "To do 1", "Drafts 0", "Submitted 0"]
        # the line above still counts the whole list, and says how much of it is shown
        assert "1 to do · 1 in draft · 1 submitted" in summary()
        assert "1 of 3 match the search" in summary()
        await pilot.press("escape")
        assert labels() == ["All 3", "To do 1", "Drafts 1", "Submitted 1"]
        assert "match the search" not in summary()
