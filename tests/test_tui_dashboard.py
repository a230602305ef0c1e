"""The drift dashboard driven with the keyboard on a database of moderated audits."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Select, Static, Tab, TabbedContent

from moderator.domain.grades import Grade
from moderator.services.audits import save_criterion, submit_audit
from moderator.services.calibration import agree_calibration_case, slip_calibration_cases
from moderator.services.users import get_user
from moderator.store import open_store
from moderator.tui.actions import actions_for, bindings_for
from moderator.tui.commands import available_actions
from moderator.tui.screens.dashboard import DashboardScreen
from moderator.tui.screens.drift_audits import DriftAuditsScreen
from moderator.tui.screens.export import ExportDialog, with_format
from moderator.tui.screens.feedback import FeedbackScreen
from moderator.tui.screens.home import HomeScreen
from moderator.tui.screens.queue import QueueScreen
from tests.dashboard_support import CRITERIA, build_drift_db
from tests.helpers import add_case
from tests.test_tui_grading import make_app, settle, wait_for_screen
from tests.tui_support import fixed_clock

pytestmark = pytest.mark.usefixtures("mini_rubrics")

HEADLINE = "Moderators downgraded 10 of 19 audits (53%); 3 were rated inadequate."


@pytest.fixture
def db(tmp_path: Path, mini_rubrics: Path) -> Path:
    return build_drift_db(tmp_path / "drift.db")


async def open_dashboard(pilot: Pilot[None]) -> DashboardScreen:
    await wait_for_screen(pilot, HomeScreen)
    await pilot.press("d")
    deadline = time.monotonic() + 60  # bounds a hang; no measurement
    while time.monotonic() < deadline:
        await settle(pilot)
        screen = pilot.app.screen
        if isinstance(screen, DashboardScreen) and screen.loaded:
            return screen
        await pilot.pause()
    raise AssertionError(f"the dashboard did not load; on {pilot.app.screen!r}")


async def wait_for_report(pilot: Pilot[None], screen: DashboardScreen, check) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 60  # bounds a hang; no measurement
    while time.monotonic() < deadline:
        await settle(pilot)
        if screen.report is not None and check(screen.report):
            return
        await pilot.pause()
    raise AssertionError("the report did not update")


def rows(table: DataTable) -> list[list[str]]:  # type: ignore[type-arg]
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def text_of(screen: DashboardScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_a_lead_sees_the_headline_and_drills_from_a_manager_to_an_audit(db: Path) -> None:
    app = make_app(db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        dash = await open_dashboard(pilot)
        assert HEADLINE in text_of(dash, "#dash-headline")
        assert "22 submitted audits, 19 moderated" in text_of(dash, "#dash-caption")

        await pilot.press("right_square_bracket")  # Managers
        assert dash.query_one("#dash-tabs", TabbedContent).active == "tab-managers"
        managers = rows(dash.query_one("#managers", DataTable))
        assert [r[0] for r in managers] == ["mia", "noa", "max"]  # most lenient first
        mia, noa = managers[0], managers[1]
        assert mia[1] == "10" and "optimistic" in mia[4] and "+0.67 to +1.53" in mia[5]
        assert mia[3].count("●") == 1 and "┤" in mia[3]  # interval plot with its marker
        # three audits, two downgraded: shown with n and a wide interval, not flagged
        assert noa[1] == "3" and "within chance" in noa[4] and noa[5].startswith("-")

        await pilot.press("enter")  # the audits behind mia's number
        await settle(pilot)
        drill = pilot.app.screen
        assert isinstance(drill, DriftAuditsScreen)
        listed = rows(drill.query_one("#drift-audits", DataTable))
        assert len(listed) == 10
        assert listed[0] == ["N-01", "2019-07-10", "Good", "Inadequate", "2 down"]
        assert {r[0] for r in listed} == {f"N-{i:02d}" for i in range(1, 11)}  # not N-11, N-12

        await pilot.press("enter")  # a reviewed audit: both gradings side by side
        await wait_for_screen(pilot, FeedbackScreen)
        feedback = pilot.app.screen
        assert isinstance(feedback, FeedbackScreen)
        assert feedback.sheet.case_ref == "N-01" and feedback.sheet.read_only
        assert feedback.feedback.manager_overall is not None

        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is drill
        await pilot.press("escape")
        assert pilot.app.screen is dash
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, HomeScreen)


async def test_a_managers_audits_say_why_their_interval_is_95_not_90(db: Path) -> None:
    # The Managers tab shows leniency with a 90% interval, the audits behind a manager
    # their drift with a 95% one: the drill-down says why, in one line.
    app = make_app(db, "lee")
    async with app.run_test(size=(80, 24)) as pilot:
        dash = await open_dashboard(pilot)
        await pilot.press("right_square_bracket")
        assert dash.query_one("#managers", DataTable).columns  # "90% interval" among them
        await pilot.press("enter")  # mia
        await wait_for_screen(pilot, DriftAuditsScreen)
        drill = pilot.app.screen
        assert isinstance(drill, DriftAuditsScreen)
        assert "(95% +" in str(drill.query_one("#drift-detail", Static).render())
        note = str(drill.query_one("#drift-note", Static).render())
        assert note.startswith("95% is this drift's interval; the dashboard's 90% is the leniency")
        assert drill.query_one("#drift-note").region.height > 0  # in view at 80x24


async def test_criteria_are_worst_first_and_open_their_audits(db: Path) -> None:
    app = make_app(db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        dash = await open_dashboard(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")  # Criteria
        criteria = rows(dash.query_one("#criteria-table", DataTable))
        # titles from the rubric, ranked as the report ranks them, on the lower end of the
        # 95% interval: plan +0.63 (+0.34 to +0.92) before risk +0.74 (+0.29 to +1.19)
        assert [r[0] for r in criteria] == [
            "Plan with actions and timescales",
            "Risk identified and acted on",
            "The child seen and heard",
        ]
        assert criteria[0][2:4] == ["+0.63", "+0.34 to +0.92"] and "█" in criteria[0][4]
        await pilot.press("enter")  # plan
        await settle(pilot)
        drill = pilot.app.screen
        assert isinstance(drill, DriftAuditsScreen)
        assert "Plan with actions" in str(drill.query_one("#drift-title", Static).render())
        detail = str(drill.query_one("#drift-detail", Static).render())
        assert "19 moderated" in detail and "all teams · all dates" in detail
        listed = rows(drill.query_one("#drift-audits", DataTable))
        assert len(listed) == 19
        assert listed[0][:5] == ["N-07", "2019-12-02", "Good", "Inadequate", "2 down"]


async def test_filters_and_the_period_rebuild_the_report(db: Path) -> None:
    app = make_app(db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        dash = await open_dashboard(pilot)
        assert [p.key for p in dash.report.by_period] == ["2019-Q3", "2019-Q4", "2020-Q1"]  # type: ignore[union-attr]

        await pilot.press("p")  # by month
        await wait_for_report(pilot, dash, lambda r: r.period == "month")
        assert len(dash.report.by_period) == 8  # type: ignore[union-attr]
        await pilot.press("p")
        await wait_for_report(pilot, dash, lambda r: r.period == "quarter")

        dash.query_one("#dash-team", Select).value = "Children in Care"
        await wait_for_report(pilot, dash, lambda r: r.filters.team == "Children in Care")
        assert [m.key for m in dash.report.by_manager] == ["max"]  # type: ignore[union-attr]
        assert "7 submitted audits" in text_of(dash, "#dash-caption")
        assert "downgraded 1 of 6 audits" in text_of(dash, "#dash-headline")

        dash.query_one("#dash-team", Select).clear()
        await wait_for_report(pilot, dash, lambda r: r.filters.team is None)
        await pilot.press("f", "tab", *"2020-01-01", "enter")  # since
        await wait_for_report(pilot, dash, lambda r: r.filters.since is not None)
        assert dash.report.overall.n == 5  # type: ignore[union-attr]  # N-08..10, C-06, S-03
        assert "8 submitted audits" in text_of(dash, "#dash-caption")

        # a bad date is refused and changes nothing
        since = dash.query_one("#dash-since", Input)
        since.value = "1st Jan"
        await pilot.press("f", "tab", "enter")
        await settle(pilot)
        assert dash.report.filters.since.isoformat() == "2020-01-01"  # type: ignore[union-attr]
        said = [str(n.message) for n in pilot.app._notifications]
        assert said[-1] == "'1st Jan' is not a date: dates are written YYYY-MM-DD, e.g. 2020-04-01."


async def test_a_day_that_does_not_exist_is_said_so(db: Path) -> None:
    app = make_app(db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        dash = await open_dashboard(pilot)
        await pilot.press("f", "tab", *"2020-02-31", "enter")  # written right, but no such day
        await settle(pilot)
        said = [str(n.message) for n in pilot.app._notifications]
        assert said == ["2020-02-31 is not a date: February 2020 has 29 days."]
        assert dash.report is not None and dash.report.filters.since is None


async def test_a_date_error_goes_once_the_date_is_right(db: Path) -> None:
    app = make_app(db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        dash = await open_dashboard(pilot)
        await pilot.press("f", "tab", *"2020-02-31", "enter")
        await settle(pilot)
        assert [n.severity for n in pilot.app._notifications] == ["warning"]
        await pilot.press("backspace", "backspace", *"29", "enter")
        await wait_for_report(pilot, dash, lambda r: r.filters.since == date(2020, 2, 29))
        assert not list(pilot.app._notifications)  # the error no longer holds


@pytest.mark.parametrize("downloads", [True, False])
async def test_export_offers_the_downloads_folder_else_home(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, downloads: bool
) -> None:
    home = tmp_path / "home"
    (home / "Downloads" if downloads else home).mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    app = make_app(db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_dashboard(pilot)
        await pilot.press("e")
        await wait_for_screen(pilot, ExportDialog)
        offered = pilot.app.screen.query_one("#export-path", Input).value
        folder = home / "Downloads" if downloads else home
        assert offered == str(folder / "drift-report-2020-02-10.html")  # the full path


async def test_export_writes_the_file_and_says_where(db: Path, tmp_path: Path) -> None:
    app = make_app(db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_dashboard(pilot)
        await pilot.press("e")
        await settle(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, ExportDialog)
        path_input = dialog.query_one("#export-path", Input)
        assert path_input.value.endswith("drift-report-2020-02-10.html")
        await pilot.press("down", "down", "down", "down")  # json (html, xlsx, md, csv, json)
        assert path_input.value.endswith("drift-report-2020-02-10.json")
        out = tmp_path / "exports" / "drift.json"
        out.parent.mkdir()
        path_input.value = str(out)
        await pilot.press("ctrl+s")
        for _ in range(50):
            await settle(pilot)
            if out.exists():
                break
        data = json.loads(out.read_text(encoding="utf-8"))
        assert HEADLINE in data["headline"] and data["overall"]["n"] == 19
        await settle(pilot)
        assert any(str(out) in str(n.message) for n in pilot.app._notifications)

        # CSV: the paired grades behind the report
        await pilot.press("e")
        await settle(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-format", OptionList).highlighted = 3
        csv_out = tmp_path / "pairs.csv"
        dialog.query_one("#export-path", Input).value = str(csv_out)
        await pilot.press("ctrl+s")
        for _ in range(50):
            await settle(pilot)
            if csv_out.exists():
                break
        lines = csv_out.read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("audit_id,case_ref,rubric,criterion")
        assert len(lines) == 1 + 22 * 4


async def test_export_asks_before_replacing_a_file(db: Path, tmp_path: Path) -> None:
    existing = tmp_path / "report.html"
    existing.write_text("keep me", encoding="utf-8")
    app = make_app(db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_dashboard(pilot)
        await pilot.press("e")
        await settle(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-path", Input).value = str(existing)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is dialog
        assert "exists" in str(dialog.query_one("#export-error").render())
        assert existing.read_text(encoding="utf-8") == "keep me"
        await pilot.press("ctrl+s")  # again: replace
        for _ in range(50):
            await settle(pilot)
            if existing.read_text(encoding="utf-8") != "keep me":
                break
        assert "<html" in existing.read_text(encoding="utf-8").lower()


async def test_export_refuses_a_file_name_of_another_format(db: Path, tmp_path: Path) -> None:
    app = make_app(db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_dashboard(pilot)
        await pilot.press("e")
        await settle(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.chosen_format() == "html"
        out = tmp_path / "out" / "mismatch.csv"
        out.parent.mkdir()
        dialog.query_one("#export-path", Input).value = str(out)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is dialog  # still asking
        error = str(dialog.query_one("#export-error").render())
        assert "mismatch.csv: the name says CSV but the format is HTML" in error
        assert "mismatch.html" in error
        assert not out.exists()
        dialog.query_one("#export-path", Input).value = str(out.with_suffix(".html"))
        await pilot.press("ctrl+s")
        for _ in range(50):
            await settle(pilot)
            if out.with_suffix(".html").exists():
                break
        assert "<html" in out.with_suffix(".html").read_text(encoding="utf-8").lower()
        assert not out.exists()


async def test_a_manager_sees_only_their_own_drift(db: Path) -> None:
    app = make_app(db, "noa")
    async with app.run_test(size=(120, 40)) as pilot:
        dash = await open_dashboard(pilot)
        assert dash.report is not None
        assert [m.key for m in dash.report.by_manager] == ["noa"]
        assert "Your audits (noa)" in text_of(dash, "#dash-caption")
        assert "downgraded 1 of 3 audits" in text_of(dash, "#dash-headline")
        await pilot.press("right_square_bracket", "enter")
        await settle(pilot)
        drill = pilot.app.screen
        assert isinstance(drill, DriftAuditsScreen)
        assert [r[0] for r in rows(drill.query_one("#drift-audits", DataTable))] == [
            "S-01",  # the one downgrade first, then by date
            "S-02",
            "S-03",
        ]


async def test_a_manager_is_offered_no_team_to_choose_and_is_told_why(db: Path) -> None:
    # A manager's report holds only their own audits (the service layer scopes it so):
    # a team to choose changed no figure. The bar says so instead, and f goes to the dates.
    app = make_app(db, "noa")
    async with app.run_test(size=(120, 40)) as pilot:
        dash = await open_dashboard(pilot)
        assert not dash.query("#dash-filters Select#dash-team")
        fixed = dash.query_one("#dash-team-fixed", Static)
        assert str(fixed.render()) == "your audits only (manager)"
        assert "only their own audits" in str(fixed.tooltip)
        await pilot.press("f")
        assert dash.focused is dash.query_one("#dash-since", Input)
        await pilot.press(*"2020-01-01", "enter")
        await wait_for_report(pilot, dash, lambda r: r.filters.since is not None)
        assert [m.key for m in dash.report.by_manager] == ["noa"]  # type: ignore[union-attr]
        assert dash.report.overall.n == 1  # type: ignore[union-attr]  # S-03


async def test_a_moderator_has_no_dashboard(db: Path) -> None:
    app = make_app(db, "oli")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, QueueScreen)
        ids = {a.id for a, _ in available_actions(pilot.app, pilot.app.screen)}
        assert "home.dashboard" not in ids
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(pilot.app.screen, QueueScreen)


async def test_the_palette_offers_the_dashboards_commands(db: Path) -> None:
    app = make_app(db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        assert "home.dashboard" in {a.id for a, _ in available_actions(pilot.app, pilot.app.screen)}
        dash = await open_dashboard(pilot)
        ids = {a.id for a, _ in available_actions(pilot.app, dash)}
        assert {"dashboard.export", "dashboard.filter", "dashboard.period"} <= ids
        assert "dashboard.open" not in ids  # the overview has no rows to open
        await pilot.press("right_square_bracket")
        ids = {a.id for a, _ in available_actions(pilot.app, dash)}
        assert "dashboard.open" in ids


async def test_an_empty_database_says_there_is_nothing_to_report(tmp_path: Path) -> None:
    from tests.tui_support import build_workbench_db

    db = build_workbench_db(tmp_path / "work.db")
    app = make_app(db, "lee")
    async with app.run_test(size=(80, 24)) as pilot:
        dash = await open_dashboard(pilot)
        assert "None of the 1 submitted audit has been moderated" in text_of(dash, "#dash-headline")
        await pilot.press("right_square_bracket")
        assert rows(dash.query_one("#managers", DataTable))[0][4] == "too few"


def test_dashboard_keys_are_unique_and_labelled() -> None:
    for scope in ("dashboard", "drift-audits"):
        keys = [k for a in actions_for(scope) for k in a.keys.split(",")]
        assert len(keys) == len(set(keys)), scope
        for binding in bindings_for(scope):
            assert binding.id and binding.description


def test_the_export_path_follows_the_format() -> None:
    assert with_format("/tmp/drift-report-2020-02-10.html", "xlsx").endswith(".xlsx")
    assert with_format("notes", "md") == "notes.md"
    assert with_format("keep.txt", "csv") == "keep.txt"  # the user's own extension stays


def test_opening_the_dashboard_module_loads_no_statistics() -> None:
    code = (
        "import sys\n"
        "import moderator.tui.app, moderator.tui.screens.dashboard\n"
        "import moderator.tui.screens.drift_audits, moderator.tui.screens.export\n"
        "print(','.join(m for m in ('numpy', 'scipy', 'openpyxl') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


async def test_a_report_that_cannot_be_built_is_said_so_and_the_last_one_stays(db: Path) -> None:
    app = make_app(db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        dash = await open_dashboard(pilot)
        before = dash.report
        dash.apply(period="fortnight")  # not a period the report knows
        deadline = time.monotonic() + 60  # bounds a hang; no measurement
        while time.monotonic() < deadline:
            await pilot.pause()
            if "could not" in text_of(dash, "#dash-caption"):
                break
        assert "could not be built" in text_of(dash, "#dash-caption")
        assert dash.report is before and HEADLINE in text_of(dash, "#dash-headline")


def _noa_submits_two_calibration_audits(db: Path) -> None:
    """Two calibration cases slipped into every manager's programme; only noa submits hers."""
    with open_store(db) as store:
        fixed_clock(store)
        lee, noa = get_user(store, "lee"), get_user(store, "noa")
        for ref in ("K-01", "K-02"):
            add_case(store, ref, team="Safeguarding South")
            agreed = {c: (Grade.GOOD, "Panel: the plan is sound.") for c in CRITERIA}
            agree_calibration_case(store, lee, ref, "mini", agreed, panel="lee and oli")
        slipped = slip_calibration_cases(
            store, lee, rate=1.0, per_manager=2, due=date(2020, 2, 28), programme="Feb"
        )
        mine = [a for a in slipped if store.scalar(OWNER, [a]) == noa.id]
        assert len(mine) == 2
        for audit_id in mine:
            for criterion in CRITERIA:
                save_criterion(store, noa, audit_id, criterion, grade=Grade.GOOD, note="On file.")
            submit_audit(store, noa, audit_id)


OWNER = "SELECT manager_id FROM audits WHERE id = ?"


async def test_the_dashboard_says_how_many_calibration_audits_it_leaves_out(db: Path) -> None:
    _noa_submits_two_calibration_audits(db)
    app = make_app(db, "noa")
    async with app.run_test(size=(120, 40)) as pilot:
        dash = await open_dashboard(pilot)
        # Her list has five submitted audits; the dashboard counts three and says why.
        caption = text_of(dash, "#dash-caption")
        assert "3 submitted audits (2 calibration audits not counted), 3 moderated" in caption
        assert "2 calibration audits not counted" in text_of(dash, "#coverage")
    app = make_app(db, "mia")  # hers are not submitted: nothing is left out, nothing is said
    async with app.run_test(size=(120, 40)) as pilot:
        dash = await open_dashboard(pilot)
        assert "12 submitted audits, 10 moderated" in text_of(dash, "#dash-caption")
        assert "calibration" not in text_of(dash, "#dash-caption")
    app = make_app(db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        dash = await open_dashboard(pilot)
        assert "(2 calibration audits not counted)" in text_of(dash, "#dash-caption")


async def test_the_queues_tabs_count_what_the_search_leaves(db: Path) -> None:
    app = make_app(db, "oli")  # 19 reviewed moderations; three are of S- cases
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, QueueScreen)
        queue = pilot.app.screen
        assert isinstance(queue, QueueScreen)

        def label(state: str) -> str:
            return str(queue.query_one(f"#state-{state}", Tab).label)

        assert (label("all"), label("reviewed")) == ("All 19", "Reviewed 19")
        await pilot.press("slash", *"s-0")
        await settle(pilot)
        assert (label("all"), label("reviewed"), label("todo")) == (
            "All 3",
            "Reviewed 3",
            "To do 0",
        )
        assert "3 of 19 match the search" in text_of(queue, "#summary")  # type: ignore[arg-type]
        await pilot.press("escape")
        await settle(pilot)
        assert label("all") == "All 19"


async def test_the_filter_fields_stand_apart_and_the_focused_one_shows(db: Path) -> None:
    """'Team your audits only (manager) From YYYY-MM-DD to YYYY-MM-DD' ran together at 80x24,
    and which field had the focus could not be seen."""
    from tests.test_tui_keys import screen_lines

    app = make_app(db, "noa")
    async with app.run_test(size=(80, 24)) as pilot:
        dash = await open_dashboard(pilot)
        line = next(li for li in screen_lines(pilot) if "From" in li and "Team" in li)
        assert "(manager)  " in line and "YYYY-MM-DD  " in line, line  # a gap between fields
        await pilot.press("f")  # the filters: the From field
        await settle(pilot)
        since, until = dash.query_one("#dash-since", Input), dash.query_one("#dash-until", Input)
        assert since.has_focus
        assert since.rich_style.bgcolor != until.rich_style.bgcolor  # the focused one stands out
        assert until.rich_style.bgcolor != dash.query_one("#dash-filters").rich_style.bgcolor


async def test_an_export_error_goes_once_the_form_changes(db: Path, tmp_path: Path) -> None:
    """At 80x24 "There is no folder …" stayed on after the path or the format was changed."""
    app = make_app(db, "lee")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dashboard(pilot)
        await pilot.press("e")
        await settle(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, ExportDialog)
        field = dialog.query_one("#export-path", Input)

        def error() -> str:
            return str(dialog.query_one("#export-error").render())

        field.value = str(tmp_path / "missing" / "report.html")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "There is no folder" in error()
        field.focus()
        await pilot.press("end", "backspace")  # the path changed
        await settle(pilot)
        assert error() == ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert error() != ""
        dialog.query_one("#export-format", OptionList).focus()
        await pilot.press("down")  # the format changed
        await settle(pilot)
        assert error() == ""


async def test_the_heading_s_figures_are_whole_at_80x24(db: Path) -> None:
    """At 80x24 "Every manager · 14 submitted audits (2 calibration audits not counted), 1…"
    was cut; README promises a figure is never cut short."""
    _noa_submits_two_calibration_audits(db)
    app = make_app(db, "lee")
    async with app.run_test(size=(80, 24)) as pilot:
        dash = await open_dashboard(pilot)
        caption = text_of(dash, "#dash-caption")
        lines = dash.query_one("#dash-caption", Static).content_region
        assert len(caption) <= lines.width * lines.height, caption
        assert "(2 calibration not counted)" in caption and "moderated" in caption
