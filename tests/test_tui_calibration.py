"""A calibration case in the workbench: an ordinary audit until submitted, then the agreed grades."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable

from moderator.domain.grades import Grade
from moderator.services.calibration import agree_calibration_case, slip_calibration_cases
from moderator.services.grading import AuditTarget
from moderator.store import open_store
from moderator.tui.screens.feedback import FeedbackScreen
from moderator.tui.screens.grading import GradingScreen
from moderator.tui.screens.home import HomeScreen
from tests.helpers import add_case, people
from tests.test_tui_grading import make_app, wait_for_screen
from tests.test_tui_loop import screen_text, until
from tests.tui_support import fixed_clock

pytestmark = pytest.mark.usefixtures("mini_rubrics")

REASON = "Panel: no visits for eight weeks; the plan had no timescales."


def _database(path: Path) -> int:
    """mia's programme: one live case and one calibration case; returns the calibration audit."""
    with open_store(path) as store:
        fixed_clock(store)
        u = people(store)
        add_case(store, "C-201", text="[CHILD] seen at home; plan reviewed.")
        add_case(store, "C-202", text="No visits recorded for eight weeks.")
        agree_calibration_case(
            store,
            u["lee"],
            "C-202",
            "mini",
            {c: (Grade.INADEQUATE, REASON) for c in ("risk", "seen", "plan")},
            panel="lee and oli",
        )
        from moderator.services.audits import assign_audit

        assign_audit(store, u["lee"], "C-201", "mia", "mini", "2020-02-28")
        (calibration,) = [
            a
            for a in slip_calibration_cases(
                store, u["lee"], rate=1.0, per_manager=1, due=date(2020, 2, 28), programme="Feb"
            )
            if store.scalar("SELECT manager_id FROM audits WHERE id = ?", [a]) == u["mia"].id
        ]
        return calibration


async def test_a_calibration_case_looks_ordinary_then_shows_the_agreed_grades(
    tmp_path: Path,
) -> None:
    db = tmp_path / "calibration.db"
    audit_id = _database(db)

    async with make_app(db, "mia").run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        table = pilot.app.screen.query_one(DataTable)
        cells = [str(c) for i in range(table.row_count) for c in table.get_row_at(i)]
        listed = " ".join(cells) + screen_text(pilot)
        assert "C-201" in listed and "C-202" in listed
        assert "calibration" not in listed.lower() and "agreed" not in listed.lower()
        await pilot.press("slash", *"C-202", "enter")
        await until(pilot, lambda: isinstance(pilot.app.screen, GradingScreen), "no grading")
        await wait_for_screen(pilot, GradingScreen)
        grading = screen_text(pilot)
        for tell in ("alibration", "lee and oli", REASON[:20], "Agreed", "agreed grade"):
            assert tell not in grading, tell

    # mia grades it (as the service the screen calls would) and submits
    with open_store(db) as store:
        from moderator.services.users import find_user

        mia = find_user(store, "mia")
        assert mia is not None
        target = AuditTarget.open(store, mia, audit_id)
        for criterion in ("risk", "seen", "plan"):
            target.save(criterion, grade=Grade.GOOD, note="Seen on file.")
        target.submit()

    async with make_app(db, "mia").run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("slash", *"C-202", "enter")
        await until(pilot, lambda: isinstance(pilot.app.screen, FeedbackScreen), "no agreed view")
        shown = screen_text(pilot)
        assert "Calibration case" in shown and "lee and oli" in shown
        rows = pilot.app.screen.query_one(DataTable)
        first = [str(c) for c in rows.get_row_at(0)]
        assert first[1:3] == ["Good", "Inad"]
        assert REASON[:20] in shown


async def test_the_leads_dashboard_shows_calibration_beside_leniency(tmp_path: Path) -> None:
    from tests.test_tui_dashboard import open_dashboard
    from tests.tui_support import build_workbench_db

    db = build_workbench_db(tmp_path / "dash.db")
    with open_store(db) as store:
        fixed_clock(store)
        from moderator.services.users import find_user

        lee, mia = find_user(store, "lee"), find_user(store, "mia")
        assert lee is not None and mia is not None
        agree_calibration_case(
            store,
            lee,
            "C-105",
            "mini",
            {c: (Grade.INADEQUATE, REASON) for c in ("risk", "seen", "plan")},
        )
        ids = slip_calibration_cases(
            store, lee, rate=1.0, per_manager=1, due=date(2020, 2, 28), programme="Feb"
        )
        mine = next(
            a
            for a in ids
            if store.scalar("SELECT manager_id FROM audits WHERE id = ?", [a]) == mia.id
        )
        target = AuditTarget.open(store, mia, mine)
        for criterion in ("risk", "seen", "plan"):
            target.save(criterion, grade=Grade.GOOD, note="Seen on file.")
        target.submit()

    async with make_app(db, "lee").run_test(size=(160, 48)) as pilot:
        screen = await open_dashboard(pilot)
        assert screen.report is not None and screen.report.calibration is not None
        table = screen.query_one("#managers", DataTable)
        headers = [str(c.label) for c in table.columns.values()]
        assert "Calibration" in headers  # spelt out in the legend
        row = [str(c) for c in table.get_row("mia")]
        assert row[-1].startswith("+2.0")  # Good where the panel agreed Inadequate
