"""The grading workbench driven with the keyboard; results read back from the real database."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Label, TextArea

from moderator.domain.grades import Grade
from moderator.services.audits import get_audit, list_audits
from moderator.services.users import get_user
from moderator.store import open_store
from moderator.tui.app import ModeratorApp, create_app
from moderator.tui.screens.grading import GradingScreen
from moderator.tui.screens.home import HomeScreen
from moderator.tui.screens.listing import ListScreen
from moderator.tui.widgets.overall_bar import OverallBar
from tests.tui_support import TODAY, build_workbench_db

pytestmark = pytest.mark.usefixtures("mini_rubrics")


@pytest.fixture
def db(tmp_path: Path, mini_rubrics: Path) -> Path:
    return build_workbench_db(tmp_path / "work.db")


def make_app(db: Path, user: str | None = "mia") -> ModeratorApp:
    return create_app(db, user, today=lambda: TODAY, cursor_blink=False)


async def settle(pilot: Pilot[None]) -> None:
    """Wait for background work (database writes) and the messages it posts."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def wait_for_screen(pilot: Pilot[None], kind: type) -> None:
    deadline = time.monotonic() + 60  # bounds a hang; no measurement
    while time.monotonic() < deadline:
        await settle(pilot)
        screen = pilot.app.screen
        if isinstance(screen, kind) and (
            not isinstance(screen, ListScreen | GradingScreen)
            or (screen.loaded if isinstance(screen, ListScreen) else screen.sheet is not None)
        ):
            return
        await pilot.pause()
    raise AssertionError(f"{kind.__name__} did not show; on {pilot.app.screen!r}")


async def open_case(pilot: Pilot[None], case_ref: str) -> GradingScreen:
    await wait_for_screen(pilot, ListScreen)
    await pilot.press("slash", *case_ref, "enter")
    await wait_for_screen(pilot, GradingScreen)
    screen = pilot.app.screen
    assert isinstance(screen, GradingScreen)
    assert screen.sheet is not None and screen.sheet.case_ref == case_ref
    return screen


def keys(text: str) -> list[str]:
    """Key names that type ``text``."""
    names = {" ": "space", ".": "full_stop", ",": "comma", "/": "slash"}
    return [names.get(c, c) for c in text]


async def type_note(pilot: Pilot[None], text: str) -> None:
    await pilot.press("n", *keys(text), "escape")


def overall_text(screen: GradingScreen) -> str:
    bar = screen.query_one(OverallBar)
    grade = bar.query_one("#overall-grade")
    why = bar.query_one("#overall-why", Label)
    return f"{grade.render()} {why.render()}"


def stored(db: Path, case_ref: str, user: str = "mia"):  # type: ignore[no-untyped-def]
    with open_store(db) as store:
        me = get_user(store, user)
        audit = next(a for a in list_audits(store, me) if a.case_ref == case_ref)
        return get_audit(store, me, audit.id), store.events("audit", audit.id)


async def test_a_full_audit_by_keyboard_is_stored(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-101")
        # resume point: the first criterion, Risk (limiting)
        assert screen.current_id == "risk"
        await pilot.press("2")
        await type_note(pilot, "Strategy discussion same day.")
        await pilot.press("j", "2")
        await type_note(pilot, "Seen alone at home.")
        await pilot.press("j", "1")
        await type_note(pilot, "Plan with dates, written with the family.")
        await settle(pilot)
        assert overall_text(screen).startswith("Good")

        # Risk to Inadequate: the limiting rule makes the whole case Inadequate, and says why
        await pilot.press("k", "k", "4")
        await settle(pilot)
        text = overall_text(screen)
        assert text.startswith("Inadequate")
        assert "limited by Risk identified and acted on" in text

        # Override to RI with a written reason (the dialog refuses without one)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("up", "ctrl+s")  # derived Inadequate is preselected; RI is above it
        await pilot.pause()
        assert "reason" in str(pilot.app.screen.query_one("#override-error", Label).render())
        await pilot.press(*keys("Risk since managed"))  # the error put the cursor in the reason
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, GradingScreen)
        assert overall_text(screen).startswith("Requires improvement to be good")

        detail, _ = stored(db, "C-101")
        assert detail.summary.status == "draft"
        assert detail.overall is not None and detail.overall.override is Grade.REQUIRES_IMPROVEMENT

        # Submit: confirm, then the screen turns read-only
        await pilot.press("ctrl+s")
        await settle(pilot)  # the dialog opens once what is pending is saved and read back
        await pilot.press("enter")
        await settle(pilot)
        assert screen.sheet is not None and screen.sheet.read_only
        assert screen.has_class("-read-only")
        await pilot.press("1")  # refused quietly: nothing changes
        await settle(pilot)

    detail, events = stored(db, "C-101")
    assert detail.summary.status == "submitted"
    assert detail.summary.overall is Grade.REQUIRES_IMPROVEMENT
    by_criterion = {e.criterion: (e.grade, e.note) for e in detail.entries}
    assert by_criterion == {
        "risk": (Grade.INADEQUATE, "Strategy discussion same day."),
        "seen": (Grade.GOOD, "Seen alone at home."),
        "plan": (Grade.OUTSTANDING, "Plan with dates, written with the family."),
    }
    assert detail.overall is not None
    assert detail.overall.override_reason == "Risk since managed"
    kinds = [e["kind"] for e in events]
    assert kinds[-1] == "audit.submit"
    risk = [e for e in events if e["kind"] == "audit.grade" and e["field"] == "risk"]
    assert [(e["before"], e["after"]) for e in risk] == [(None, "Good"), ("Good", "Inadequate")]


async def test_submitting_an_incomplete_audit_lists_what_is_missing_and_changes_nothing(
    db: Path,
) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-101")
        await pilot.press("3")  # graded, but no evidence note
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        body = str(pilot.app.screen.query_one(".dialog-body").render())
        assert "Risk identified and acted on: no evidence note" in body
        assert "The child seen and heard: not graded" in body
        await pilot.press("enter")  # OK: back on the first missing criterion
        await pilot.pause()
        assert pilot.app.screen is screen and screen.current_id == "risk"
    detail, _ = stored(db, "C-101")
    assert detail.summary.status == "draft"


async def test_a_note_is_saved_when_leaving_without_waiting_for_the_pause(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_case(pilot, "C-101")
        await pilot.press("n", *"Quick", "escape", "escape")  # leave at once
        await wait_for_screen(pilot, HomeScreen)
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        # the list shows the audit as a draft now
        row = next(a for a in home.audits if a.case_ref == "C-101")
        assert row.status == "draft"
    detail, _ = stored(db, "C-101")
    assert {e.criterion: e.note for e in detail.entries}["risk"] == "Quick"


async def test_notes_save_after_a_pause_in_typing(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-101")
        await pilot.press("n", *"Typed")
        # No key leaves the field: poll the database until the pause in typing has saved it.
        deadline = time.monotonic() + 60  # bounds a hang; no measurement
        while time.monotonic() < deadline:
            detail, events = stored(db, "C-101")
            if {e.criterion: e.note for e in detail.entries}.get("risk") == "Typed":
                break
            await pilot.pause()
        else:
            raise AssertionError("the note was never saved after the pause in typing")
        await settle(pilot)
        assert not screen.pending
        # Saved after the pause, not at every key press (a stalled machine may add a save).
        notes = [e for e in events if e["kind"] == "audit.note" and e["field"] == "risk"]
        assert 1 <= len(notes) < len("Typed") and notes[-1]["after"] == "5 chars"


async def test_reopening_resumes_the_draft_where_it_was_left(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-101")
        await pilot.press("2")
        await type_note(pilot, "Done")
        await pilot.press("j", "3")
        await settle(pilot)
        await pilot.press("escape")
        await wait_for_screen(pilot, HomeScreen)
        screen = await open_case(pilot, "C-101")
        assert screen.current_id == "seen"  # graded but no note yet
        assert screen.entries["risk"].note == "Done"
        assert screen.query_one("#note", TextArea).text == ""


async def test_clicking_a_descriptor_sets_the_grade(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_case(pilot, "C-101")
        await pilot.click("#choice-3")
        await settle(pilot)
        assert screen.entries["risk"].grade is Grade.REQUIRES_IMPROVEMENT
    detail, _ = stored(db, "C-101")
    assert {e.criterion: e.grade for e in detail.entries}["risk"] is Grade.REQUIRES_IMPROVEMENT


async def test_a_lead_sees_an_audit_read_only(db: Path) -> None:
    app = make_app(db, "lee")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-102")
        assert screen.sheet is not None and screen.sheet.read_only
        assert "Lead view" in (screen.sheet.read_only_reason or "")
        await pilot.press("1")
        await settle(pilot)
        assert screen.entries["risk"].grade is Grade.GOOD
        assert screen.check_action("grade", (1,)) is False


async def test_a_note_is_saved_when_it_loses_focus(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-101")
        await pilot.press("n", *keys("Blurred"), "tab")  # focus moves on: no waiting
        await settle(pilot)
        assert not screen.pending
        detail, _ = stored(db, "C-101")
        assert {e.criterion: e.note for e in detail.entries}["risk"] == "Blurred"


async def test_the_not_ready_list_says_which_key_goes_on_and_the_override_dialog_how_to_reach_the_reason(
    db: Path,
) -> None:
    """A new user was told "Not ready to submit: 3 to do" with nothing on how to get to
    them, and in the override dialog could not tell how to get from the grades to the
    reason. The list now names the key to the next to do; the dialog says Tab moves there."""
    from textual.widgets import Static

    from moderator.tui.screens.dialogs import MessageDialog, OverrideDialog
    from tests.test_tui_burst import until

    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-101")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, MessageDialog), "no message")
        said = " ".join(str(s.render()) for s in pilot.app.screen.query(Static))
        assert "Not ready to submit: 3 to do" in said
        assert "m goes to the next one" in said, said
        await pilot.press("escape")
        await until(pilot, lambda: pilot.app.screen is screen, "the message did not close")
        await pilot.press("o")
        await until(pilot, lambda: isinstance(pilot.app.screen, OverrideDialog), "no dialog")
        said = " ".join(str(s.render()) for s in pilot.app.screen.query(Static))
        assert "Tab moves to the reason" in said, said
