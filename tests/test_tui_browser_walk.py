"""What a walk in a real browser tab (``moderator serve``) found, at the sizes a tab gives
the workbench (see tests/test_tui_browser_sizes.py): dialogs opened scrolled past their
question, a key that did nothing without a word, and notices that said too little or stayed
too long."""

from __future__ import annotations

import shutil
from pathlib import Path

from moderator.domain.grades import Grade
from moderator.services.audits import get_audit, save_criterion
from moderator.services.users import get_user
from moderator.store import open_store
from moderator.tui.screens.dialogs import ConfirmDialog
from tests.test_tui_browser_sizes import SMALL_LAPTOP, tab_app
from tests.test_tui_layout import LEAD, demo_db, open_naomis_draft, screen_text, until

__all__ = ["demo_db"]  # the layout tests' demo database


def naomis_draft_graded(demo_db: Path, tmp_path: Path) -> Path:
    """A copy of the demo with Naomi's draft graded in full (it has 8 to do), long lines
    among its grades (a criterion's title and "Requires improvement" wrap in the dialog)."""
    db = tmp_path / "demo.db"
    shutil.copy(demo_db, db)
    with open_store(db) as store:
        naomi = get_user(store, "Naomi Okonkwo")
        (audit_id,) = store.conn.execute(
            "SELECT id FROM audits WHERE status = 'draft' AND manager_id = ?", [naomi.id]
        ).fetchone()
        for entry in get_audit(store, naomi, audit_id).entries:
            if entry.grade is None:
                save_criterion(
                    store,
                    naomi,
                    audit_id,
                    entry.criterion,
                    grade=Grade.REQUIRES_IMPROVEMENT,
                    note="On file.",
                )
    return db


async def test_the_submit_dialog_opens_at_its_question_in_a_small_browser_window(
    demo_db: Path, tmp_path: Path
) -> None:
    """At 113x23 Ctrl+S's dialog opened scrolled to its Submit button: "Submit this audit?"
    and "Overall grade: …" were out of view. It opens at the top, the button focused."""
    db = naomis_draft_graded(demo_db, tmp_path)
    async with tab_app(db, "Naomi Okonkwo").run_test(size=SMALL_LAPTOP) as pilot:
        await open_naomis_draft(pilot)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog), "no dialog")
        shown = screen_text(pilot)
        assert "Submit this audit?" in shown, shown
        assert "Overall grade:" in shown, shown
        assert pilot.app.focused is not None and pilot.app.focused.id == "confirm"
        await pilot.press("ctrl+s")  # Submit, from the top
        await until(pilot, lambda: not isinstance(pilot.app.screen, ConfirmDialog), "not submitted")


async def test_ctrl_o_on_the_leads_list_in_a_browser_tab_says_where_import_runs(
    demo_db: Path,
) -> None:
    """In a tab Ctrl+O on the lead's list did nothing, without a word (the tab reads no
    file on the server): it says where the import runs."""
    from moderator.tui.actions import IMPORT_ON_SERVER
    from moderator.tui.screens.home import HomeScreen

    async with tab_app(demo_db, LEAD).run_test(size=SMALL_LAPTOP) as pilot:
        await until(pilot, lambda: isinstance(pilot.app.screen, HomeScreen), "no lead's list")
        await until(pilot, lambda: pilot.app.screen.loaded, "the list did not load")  # type: ignore[attr-defined]
        await pilot.press("ctrl+o")
        await until(
            pilot,
            lambda: IMPORT_ON_SERVER in [n.message for n in pilot.app._notifications],
            "Ctrl+O said nothing",
        )
        assert isinstance(pilot.app.screen, HomeScreen)
