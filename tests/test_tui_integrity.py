"""The workbench says, once and visibly, when its database was altered outside moderator."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.test_tui_grading import make_app, wait_for_screen
from tests.test_tui_loop import until
from tests.tui_support import build_workbench_db

pytestmark = pytest.mark.usefixtures("mini_rubrics")


def _notices(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


async def test_an_altered_log_is_announced_and_an_untouched_one_is_not(tmp_path: Path) -> None:
    from moderator.tui.screens.home import HomeScreen

    db = build_workbench_db(tmp_path / "w.db")
    async with make_app(db, "lee").run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        # The check starts a moment after the list is drawn: wait until it has run.
        await until(pilot, lambda: pilot.app.integrity_checked, "the integrity check never ran")
        await pilot.app.workers.wait_for_complete()
        assert not any("altered" in n for n in _notices(pilot.app))

    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("UPDATE events SET actor = 'someone else' WHERE id = 3")
    conn.commit()
    conn.close()
    async with make_app(db, "lee").run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await until(
            pilot, lambda: any("altered" in n for n in _notices(pilot.app)), "no integrity warning"
        )
        assert sum("altered" in n for n in _notices(pilot.app)) == 1
