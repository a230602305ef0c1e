"""Where typing goes in a field that opens with text in it: after that text, or over it.

A walk in a real browser found a reopened note taking new words in front of the old ones
(" More.Risk note for one.") and a name typed into the export box after Ctrl+A going in
front of the name offered.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from tests.test_tui_grading import keys, make_app, open_case, settle

pytestmark = pytest.mark.usefixtures("mini_rubrics")


@pytest.fixture
def db(tmp_path: Path, mini_rubrics: Path) -> Path:
    from tests.tui_support import build_workbench_db

    return build_workbench_db(tmp_path / "work.db")


async def test_a_reopened_note_takes_new_words_after_its_text(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-101")
        await pilot.press("n", *keys("Risk note for one."), "escape")
        await pilot.press("j", "k")  # away and back: the note is read into the box again
        await settle(pilot)
        await pilot.press("n", *keys(" More."))
        assert screen.query_one("#note", TextArea).text == "Risk note for one. More."


async def test_ctrl_a_in_the_export_name_box_selects_the_name_offered(tmp_path: Path) -> None:
    from moderator.tui.screens.export import ExportDialog
    from tests.dashboard_support import build_drift_db
    from tests.test_tui_served import open_export, served_app

    app = served_app(build_drift_db(tmp_path / "drift.db"))
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_export(pilot)
        field = dialog.query_one("#export-path", Input)
        assert field.value == "drift-report-2020-02-10.html"
        await pilot.press("tab")  # from the formats to the name
        assert dialog.focused is field and isinstance(pilot.app.screen, ExportDialog)
        await pilot.press("end", "ctrl+a", *keys("mine.html"))
        assert field.value == "mine.html"


async def test_an_export_error_wraps_whole_in_the_dialog(tmp_path: Path) -> None:
    from tests.dashboard_support import build_drift_db
    from tests.test_tui_served import open_export, served_app

    app = served_app(build_drift_db(tmp_path / "drift.db"))
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_export(pilot)
        dialog.query_one("#export-path", Input).value = "../../tmp/evil report.md"
        await pilot.press("ctrl+s")
        await settle(pilot)
        error = dialog.query_one("#export-error")
        said = "Give a file name only (no folders): the report downloads to your browser."
        assert str(error.render()) == said
        assert dialog.query_one("#export-box").region.contains_region(error.region)
        shown = app.export_screenshot()
        assert "your&#160;browser." in shown or "browser." in shown, "the error is cut short"


async def test_help_on_a_submitted_audit_lists_no_grading_key(db: Path) -> None:
    """F1 on a submitted, read-only audit listed 1-4, n and o, which do nothing there."""
    from moderator.tui.screens.grading import GradingScreen
    from tests.test_tui_palette import help_sections

    def grading_keys(sections: dict[str, list[tuple[str, str]]]) -> set[str]:
        title = next(t for t in sections if "rading" in t)
        return {k for k, _d in sections[title]}

    changes = {"1", "4", "x", "n", "m", "o", "Ctrl+S", "Ctrl+Z"}  # grade, note, override, submit

    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-101")  # to do: every grading key works
        listed = grading_keys(await help_sections(pilot))
        assert changes <= listed, listed
        await pilot.press("escape", "escape")
        screen = await open_case(pilot, "C-103")  # submitted: read only
        assert isinstance(screen, GradingScreen) and not screen.editable
        listed = grading_keys(await help_sections(pilot))
        assert not changes & listed, listed
        assert {"c", "j", "Esc"} <= listed, listed  # what still works is listed
