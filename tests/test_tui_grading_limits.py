"""The grading screen at its limits: a note longer than the box takes, and the override's reason
(kept when the dialog is closed, typed at its end, long enough to say why).

A pasted note over the limit is refused with one message naming the criterion; a note that
grows over it another way is kept in the box, marked not saved, and never sent to be saved
(where each key retried it and stacked another copy of the refusal over the screen).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.pilot import Pilot
from textual.widgets import Label, TextArea

from moderator.cli import cli
from moderator.domain.grade_sheet import MAX_NOTE
from moderator.domain.grades import Grade
from moderator.errors import BadInput
from moderator.services.audits import set_override
from moderator.services.users import get_user
from moderator.store import open_store
from moderator.tui.screens.dialogs import OverrideDialog
from moderator.tui.screens.grading import GradingScreen
from moderator.tui.screens.home import HomeScreen
from moderator.tui.widgets.criterion_list import CriterionList
from tests.test_tui_burst import until
from tests.test_tui_grading import keys, make_app, open_case, settle, stored
from tests.test_tui_review_typing import paste_then

pytestmark = pytest.mark.usefixtures("mini_rubrics")

RISK = "Risk identified and acted on"


@pytest.fixture
def db(tmp_path: Path, mini_rubrics: Path) -> Path:
    from tests.tui_support import build_workbench_db

    return build_workbench_db(tmp_path / "work.db")


def notices(pilot: Pilot[None]) -> list[str]:
    """The messages showing now, title and text."""
    return [f"{n.title}: {n.message}" for n in pilot.app._notifications]


def stored_note(db: Path, criterion: str = "risk") -> str:
    detail, _ = stored(db, "C-101")
    return {e.criterion: e.note for e in detail.entries}.get(criterion, "")


def label(screen: GradingScreen) -> str:
    return str(screen.query_one("#note-label", Label).render())


def row_mark(screen: GradingScreen, criterion: str = "risk") -> str:
    row = screen.query_one("#criteria", CriterionList).row(criterion)
    return str(row.query_one(".row-note", Label).render())


async def test_a_paste_over_the_limit_is_refused_once_naming_the_criterion(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-101")
        await pilot.press("n", *keys("Seen"))
        await until(pilot, lambda: stored_note(db) == "Seen", "the short note saved")
        paste_then(pilot, "x" * 5275)  # 5,279 with what is typed
        await until(pilot, lambda: any("Not pasted" in n for n in notices(pilot)), "a refusal")
        note = screen.query_one("#note", TextArea)
        assert note.text == "Seen"  # the box never holds more than it can save
        refusals = [n for n in notices(pilot) if "Not pasted" in n]
        assert len(refusals) == 1 and RISK in refusals[0] and "4,000" in refusals[0]
        # the keys after it act as keys, and bring no message of a failed save
        await pilot.press("escape", "2", "j", "ctrl+z")
        await settle(pilot)
        assert not [
            n
            for n in notices(pilot)
            if "Not done" in n or ("Not pasted" not in n and "too long" in n)
        ]
        assert screen.entries["risk"].grade is None  # ctrl+z undid the 2
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(pilot.app.screen, HomeScreen), "back on the list")
    assert stored_note(db) == "Seen"


async def test_a_note_grown_over_the_limit_is_kept_unsaved_and_esc_says_why(db: Path) -> None:
    """Text that reaches the box another way (its own paste, Ctrl+V) is not sent to be saved:
    one message names the criterion, the row and the label say not saved, keys bring no
    stack of failures, and Esc on the list says why it stays before leaving without it."""
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-101")
        await pilot.press("n")
        note = screen.query_one("#note", TextArea)
        note.insert("y" * (MAX_NOTE + 279))
        await until(pilot, lambda: "NOT SAVED" in label(screen), "the note marked not saved")
        assert f"{MAX_NOTE + 279:,}" in label(screen)
        assert row_mark(screen) != "✎"  # the row does not claim a saved note
        await pilot.press("escape", "2", "j", "k", "ctrl+z", "2")
        await settle(pilot)
        shown = notices(pilot)
        assert not [n for n in shown if "Not done" in n]
        too_long = [n for n in shown if "too long" in n.lower()]
        assert len(too_long) == 1 and RISK in too_long[0], shown
        assert note.text == "y" * (MAX_NOTE + 279)  # back on Risk: the text is still there
        await pilot.press("escape")
        await until(pilot, lambda: any("Esc again" in n for n in notices(pilot)), "Esc explained")
        assert pilot.app.screen is screen
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(pilot.app.screen, HomeScreen), "back on the list")
    assert stored_note(db) == ""
    detail, _ = stored(db, "C-101")
    assert {e.criterion: e.grade for e in detail.entries}["risk"] is Grade.GOOD


async def override_dialog(pilot: Pilot[None]) -> OverrideDialog:
    await pilot.press("o")
    await until(pilot, lambda: isinstance(pilot.app.screen, OverrideDialog), "the dialog")
    dialog = pilot.app.screen
    assert isinstance(dialog, OverrideDialog)
    return dialog


async def test_esc_in_the_override_dialog_keeps_the_reason_for_next_time(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-101")
        await override_dialog(pilot)
        await pilot.press("3", *keys("Risk now managed well"), "escape")
        await until(pilot, lambda: pilot.app.screen is screen, "the dialog closed")
        assert any("kept" in n for n in notices(pilot)), notices(pilot)
        dialog = await override_dialog(pilot)
        reason = dialog.query_one("#override-reason", TextArea)
        assert reason.text == "Risk now managed well"


async def test_typing_in_a_reopened_override_goes_after_the_saved_reason(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-101")
        await override_dialog(pilot)
        await pilot.press("3", *keys("Risk now managed"), "ctrl+s")
        await until(pilot, lambda: screen.override_reason == "Risk now managed", "override set")
        dialog = await override_dialog(pilot)
        await pilot.press("3", *keys(" since May"))
        reason = dialog.query_one("#override-reason", TextArea)
        assert reason.text == "Risk now managed since May"


async def test_a_short_override_reason_is_refused_in_the_dialog(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-101")
        dialog = await override_dialog(pilot)
        await pilot.press("3", *keys("short"), "ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is dialog
        error = str(dialog.query_one("#override-error", Label).render())
        assert "10 characters" in error
        assert screen.override is None


def test_a_short_override_reason_is_refused_by_the_service_and_the_cli(db: Path) -> None:
    detail, _ = stored(db, "C-101")
    audit_id = detail.summary.id
    with open_store(db) as store:
        mia = get_user(store, "mia")
        with pytest.raises(BadInput, match="10 characters"):
            set_override(store, mia, audit_id, Grade.GOOD, "short")
    result = CliRunner().invoke(
        cli,
        ["audit", "override", str(audit_id), "RI", "--reason", "x", "--db", str(db)],
        env={"MODERATOR_USER": "mia"},
    )
    assert result.exit_code != 0 and "10 characters" in result.output, result.output
    assert stored(db, "C-101")[0].overall is None or stored(db, "C-101")[0].overall.override is None


def test_audit_override_help_has_examples() -> None:
    result = CliRunner().invoke(cli, ["audit", "override", "--help"])
    assert result.exit_code == 0
    assert "Examples" in result.output and "moderator audit override" in result.output


async def test_ctrl_q_with_a_note_over_the_limit_says_so_before_quitting(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-101")
        await pilot.press("n")
        screen.query_one("#note", TextArea).insert("z" * (MAX_NOTE + 1))
        await until(pilot, lambda: "NOT SAVED" in label(screen), "the note marked not saved")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: any("Esc again" in n for n in notices(pilot)), "said why")
        assert pilot.app.is_running and pilot.app.screen is screen
        await pilot.press("ctrl+q")
        await until(pilot, lambda: not pilot.app.is_running, "quit the second time")


async def test_esc_held_by_a_failed_save_says_why_and_the_failure_shows_once(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-101")
        assert screen.writer is not None

        def refuse(batch: object) -> object:
            raise BadInput("the database is read-only")

        screen.writer.write = refuse  # type: ignore[method-assign,assignment]
        await pilot.press("2", "j", "3", "escape")
        await until(pilot, lambda: any("Not left" in n for n in notices(pilot)), "Esc explained")
        assert pilot.app.screen is screen
        failures = [n for n in notices(pilot) if "read-only" in n]
        assert len(failures) == 1, notices(pilot)
