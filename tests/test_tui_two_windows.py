"""Two windows on one audit: one grading screen, and the same manager changing the audit
elsewhere (another browser tab or terminal, played by a service call on the same database).

What a window shows and submits is what is saved: a key decided on a stale screen is not
applied, the submit dialog lists the grades as saved when it opens, and a submission the
other window overtook is refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Label, Static

from moderator.domain.grades import Grade
from moderator.errors import SheetChanged
from moderator.services.audits import get_audit, save_criterion, submit_audit
from moderator.services.grade_sheet import AUDIT, sheet_version
from moderator.services.users import get_user
from moderator.store import open_store
from moderator.tui import elsewhere as elsewhere_look
from moderator.tui.screens.dialogs import ConfirmDialog
from moderator.tui.screens.grading import GradingScreen
from moderator.tui.widgets.criterion_list import CriterionList
from moderator.tui.widgets.grade_badge import GradeBadge
from tests.test_tui_burst import until
from tests.test_tui_grading import keys, make_app, open_case, settle, stored
from tests.tui_support import build_workbench_db

pytestmark = pytest.mark.usefixtures("mini_rubrics")

CHANGED = "This audit was changed in another window; showing what is saved now."


@pytest.fixture
def db(tmp_path: Path, mini_rubrics: Path) -> Path:
    return build_workbench_db(tmp_path / "work.db")


@pytest.fixture(autouse=True)
def keys_before_the_look(monkeypatch: pytest.MonkeyPatch) -> None:
    """The screen looks for changes elsewhere every few seconds; these tests press their key
    before it looks (the test that waits for the look sets its own interval)."""
    monkeypatch.setattr(elsewhere_look, "CHECK_ELSEWHERE_S", 3600.0)


def elsewhere(db: Path, audit_id: int, **grades: Grade) -> None:
    """The other window: mia grades (with a note) and saves, on the same database."""
    with open_store(db) as other:
        mia = get_user(other, "mia")
        for crit, grade in grades.items():
            save_criterion(other, mia, audit_id, crit, grade=grade, note="Seen on file.")


async def type_note(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Open the note box, wait for it to take the keys, type ``text`` and close it with Esc:
    on a busy machine keys pressed before the box has the focus went to the list."""
    from textual.widgets import TextArea

    await pilot.press("n")
    await until(pilot, lambda: isinstance(pilot.app.focused, TextArea), "the note box never opened")
    await pilot.press(*keys(text), "escape")


def notes(pilot) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in pilot.app._notifications]


def all_said(pilot) -> str:  # type: ignore[no-untyped-def]
    """Every notice's text (a notice may say more after these words: a key not saved)."""
    return "\n".join(notes(pilot))


def shown_grade(screen: GradingScreen, criterion: str) -> Grade | None:
    """The grade a criterion's row shows."""
    row = screen.query_one("#criteria", CriterionList).row(criterion)
    return row.query_one(".row-grade", GradeBadge).grade


def grades_on(screen: GradingScreen) -> dict[str, Grade | None]:
    return {cid: e.grade for cid, e in screen.entries.items()}


async def test_a_grade_key_after_a_change_elsewhere_is_not_applied_and_the_saved_grades_show(
    db: Path,
) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-102")  # mia's draft: risk Good
        assert screen.sheet is not None
        audit_id = screen.sheet.key
        assert grades_on(screen)["risk"] is Grade.GOOD
        elsewhere(db, audit_id, risk=Grade.OUTSTANDING)
        assert screen.current_id == "seen"
        await pilot.press("4")  # decided on a screen that still says risk is Good
        await until(pilot, lambda: CHANGED in all_said(pilot), "the change elsewhere is shown")
        assert grades_on(screen) == {"risk": Grade.OUTSTANDING, "seen": None, "plan": None}
        assert shown_grade(screen, "risk") is Grade.OUTSTANDING
        assert shown_grade(screen, "seen") is None
        detail, _ = stored(db, "C-102")
        assert {e.criterion: e.grade for e in detail.entries}["seen"] is None  # not applied

        await pilot.press("3")  # decided again, on what is saved: applied
        await settle(pilot)
        assert not screen.pending
    detail, _ = stored(db, "C-102")
    saved = {e.criterion: e.grade for e in detail.entries}
    assert saved == {"risk": Grade.OUTSTANDING, "seen": Grade.REQUIRES_IMPROVEMENT, "plan": None}


async def test_a_note_typed_after_a_change_elsewhere_is_not_written_over_it(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-102")
        assert screen.sheet is not None
        elsewhere(db, screen.sheet.key, seen=Grade.GOOD)
        await type_note(pilot, "Stale")
        await until(pilot, lambda: CHANGED in all_said(pilot), "the change elsewhere is shown")
        assert screen.entries["seen"].note == "Seen on file."
    detail, _ = stored(db, "C-102")
    assert {e.criterion: e.note for e in detail.entries}["seen"] == "Seen on file."


async def test_the_submit_dialog_lists_the_grades_as_saved_not_as_the_stale_screen_had_them(
    db: Path,
) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-102")
        assert screen.sheet is not None
        # the other window changes risk and completes the audit
        elsewhere(db, screen.sheet.key, risk=Grade.INADEQUATE, seen=Grade.GOOD, plan=Grade.GOOD)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, ConfirmDialog)  # no dialog on a stale screen
        assert CHANGED in all_said(pilot)
        assert grades_on(screen)["risk"] is Grade.INADEQUATE

        await pilot.press("ctrl+s")  # the user decides again, on what is saved
        await settle(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmDialog)
        body = str(dialog.query_one(".dialog-body", Static).render())
        assert "Risk identified and acted on: Inadequate" in body
        assert "The child seen and heard: Good" in body
        assert "Overall grade: Inadequate" in body
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.sheet.read_only
    detail, _ = stored(db, "C-102")
    assert detail.summary.status == "submitted"
    assert detail.summary.overall is Grade.INADEQUATE


async def test_a_submission_overtaken_after_the_dialog_opened_is_refused_and_writes_nothing(
    db: Path,
) -> None:
    with open_store(db) as store:
        mia = get_user(store, "mia")
        audit_id = next(
            a for a in (1, 2, 3) if get_audit(store, mia, a).summary.case_ref == "C-102"
        )
    elsewhere(db, audit_id, seen=Grade.GOOD, plan=Grade.GOOD)  # complete before opening
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-102")
        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "Risk identified and acted on: Good" in str(
            dialog.query_one(".dialog-body", Static).render()
        )
        elsewhere(db, audit_id, risk=Grade.OUTSTANDING)  # while the dialog is open
        await pilot.press("ctrl+s")  # Submit: what was confirmed is no longer what is saved
        await settle(pilot)
        assert pilot.app.screen is screen
        assert "Not submitted. " + CHANGED in all_said(pilot)
        assert screen.sheet is not None and not screen.sheet.read_only
        assert grades_on(screen)["risk"] is Grade.OUTSTANDING
    detail, events = stored(db, "C-102")
    assert detail.summary.status == "draft"
    assert "audit.submit" not in [e["kind"] for e in events]


async def test_a_key_after_the_audit_was_submitted_elsewhere_shows_it_submitted(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-102")  # mia's draft
        assert screen.sheet is not None
        elsewhere(db, screen.sheet.key, seen=Grade.GOOD, plan=Grade.GOOD)
        with open_store(db) as other:
            submit_audit(other, get_user(other, "mia"), screen.sheet.key)
        await pilot.press("4")
        await settle(pilot)
        # a walk found "changed in another window; showing what is saved now": not that
        # it was submitted, nor that nothing can change now
        assert "Submitted in another window; it is now read-only." in all_said(pilot)
        assert CHANGED not in all_said(pilot)
        assert not any(n.title == "Not allowed" for n in pilot.app._notifications)
        assert screen.sheet.read_only and screen.sheet.status == "submitted"
        assert grades_on(screen) == {"risk": Grade.GOOD, "seen": Grade.GOOD, "plan": Grade.GOOD}
        assert str(screen.query_one("#save-state", Label).render()) != "✗ Not saved"
        assert "Submitted" in str(screen.query_one("#banner", Static).render())
        assert "Submitted" in str(screen.query_one("#case-meta", Static).render())
        assert screen.check_action("grade", (1,)) is False
        await pilot.press("3")  # once more, on a read-only screen: says why nothing happened
        await settle(pilot)
        said = [n for n in pilot.app._notifications if n.title == "Read-only"]
        assert said and said[-1].message.startswith("Nothing changed: submitted ")
        assert grades_on(screen)["seen"] is Grade.GOOD


def test_the_service_refuses_a_submission_when_the_audit_changed_since_it_was_read(
    db: Path,
) -> None:
    with open_store(db) as store:
        mia = get_user(store, "mia")
        audit_id = next(
            a for a in (1, 2, 3) if get_audit(store, mia, a).summary.case_ref == "C-102"
        )
        for crit in ("seen", "plan"):
            save_criterion(store, mia, audit_id, crit, grade=Grade.GOOD, note="x")
        confirmed = sheet_version(store, AUDIT, audit_id)
        save_criterion(store, mia, audit_id, "risk", grade=Grade.INADEQUATE)
        with pytest.raises(SheetChanged, match="changed elsewhere"):
            submit_audit(store, mia, audit_id, expected_version=confirmed)
        assert get_audit(store, mia, audit_id).summary.status == "draft"
        submit_audit(store, mia, audit_id, expected_version=sheet_version(store, AUDIT, audit_id))
        assert get_audit(store, mia, audit_id).summary.status == "submitted"


async def test_an_open_audit_shows_a_change_made_in_another_window_without_a_key(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(elsewhere_look, "CHECK_ELSEWHERE_S", 0.2)
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-102")
        assert screen.sheet is not None
        elsewhere(db, screen.sheet.key, risk=Grade.OUTSTANDING)
        await until(
            pilot,
            lambda: shown_grade(screen, "risk") is Grade.OUTSTANDING,
            "the change made elsewhere shown",
        )
        assert CHANGED in all_said(pilot)
        await pilot.press("3")  # on what is saved now: applied
        await settle(pilot)
    detail, _ = stored(db, "C-102")
    saved = {e.criterion: e.grade for e in detail.entries}
    assert saved == {"risk": Grade.OUTSTANDING, "seen": Grade.REQUIRES_IMPROVEMENT, "plan": None}


async def test_two_workbenches_on_one_audit_a_stale_key_is_not_saved(db: Path) -> None:
    """Two apps (two browser tabs) as the same manager on the same audit."""
    tab_a, tab_b = make_app(db), make_app(db)
    async with tab_a.run_test(size=(120, 40)) as a, tab_b.run_test(size=(120, 40)) as b:
        screen_a = await open_case(a, "C-102")
        screen_b = await open_case(b, "C-102")
        await b.press("k", "1")  # tab B: risk to Outstanding
        await settle(b)
        assert shown_grade(screen_b, "risk") is Grade.OUTSTANDING
        await a.press("k", "4")  # tab A still shows risk Good and decides Inadequate
        await settle(a)
        assert CHANGED in all_said(a)
        assert shown_grade(screen_a, "risk") is Grade.OUTSTANDING
    detail, _ = stored(db, "C-102")
    assert {e.criterion: e.grade for e in detail.entries}["risk"] is Grade.OUTSTANDING


def note_label(screen: GradingScreen) -> str:
    return str(screen.query_one("#note-label", Label).render()).lower()


async def test_a_note_refused_by_a_change_elsewhere_comes_back_into_the_box_unsaved(
    db: Path,
) -> None:
    """The other window changed another criterion: the note typed here is not lost; it is
    back in the box, marked not saved, and Esc in the box saves it."""
    from textual.widgets import TextArea

    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-102")
        assert screen.sheet is not None
        elsewhere(db, screen.sheet.key, risk=Grade.OUTSTANDING)
        assert screen.current_id == "seen"
        await type_note(pilot, "Met at school")
        await until(pilot, lambda: CHANGED in all_said(pilot), "the change elsewhere is shown")
        assert shown_grade(screen, "risk") is Grade.OUTSTANDING
        assert screen.query_one("#note", TextArea).text == "Met at school"
        assert "not saved" in note_label(screen)
        assert any("note for The child seen and heard was not saved" in n for n in notes(pilot))
        detail, _ = stored(db, "C-102")
        assert {e.criterion: e.note for e in detail.entries}["seen"] == ""  # not yet

        await pilot.press("n", "escape")  # the user keeps it, on what is saved now
        await settle(pilot)
        assert "not saved" not in note_label(screen)
    detail, _ = stored(db, "C-102")
    saved = {e.criterion: (e.grade, e.note) for e in detail.entries}
    assert saved["seen"] == (None, "Met at school")
    assert saved["risk"][0] is Grade.OUTSTANDING


async def test_a_note_refused_because_the_same_note_changed_elsewhere_is_shown_not_lost(
    db: Path,
) -> None:
    """The other window wrote this very note: the box shows what is saved, and the text
    typed here is in the message, to save again if it is still wanted."""
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-102")
        assert screen.sheet is not None
        elsewhere(db, screen.sheet.key, seen=Grade.GOOD)
        await type_note(pilot, "Stale")
        await settle(pilot)
        assert screen.entries["seen"].note == "Seen on file."
        lost = [n for n in notes(pilot) if "Stale" in n]
        assert lost and "not saved" in lost[0]
    detail, _ = stored(db, "C-102")
    assert {e.criterion: e.note for e in detail.entries}["seen"] == "Seen on file."


def test_grades_written_together_are_all_saved_or_none_when_another_window_writes_between(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Grades keyed fast go in one batch: the other window cannot land between two of them
    and leave the batch half saved (it waits for the batch, or gives up, and nothing of the
    batch is lost either way)."""
    from moderator.domain.grade_sheet import CriterionEntry
    from moderator.errors import BadInput
    from moderator.services import grade_sheet, grading
    from moderator.services.grading import AuditTarget
    from moderator.tui.grading_writer import Batch, BatchWriter

    real = grade_sheet.save_entry
    seen: list[str] = []

    def save_then_the_other_window_writes(*args, **kwargs):  # type: ignore[no-untyped-def]
        version = real(*args, **kwargs)
        if not seen:
            seen.append("once")
            with open_store(db) as other:
                other.conn.execute("PRAGMA busy_timeout = 50")  # a window that gives up
                try:
                    save_criterion(other, get_user(other, "mia"), audit_id, "risk", note="Other.")
                except BadInput:
                    seen.append("the other window waited on the batch")
        return version

    monkeypatch.setattr(grade_sheet, "save_entry", save_then_the_other_window_writes)
    monkeypatch.setattr(grading, "save_entry", save_then_the_other_window_writes)
    with open_store(db) as store:
        mia = get_user(store, "mia")
        audit_id = next(
            a for a in (1, 2, 3) if get_audit(store, mia, a).summary.case_ref == "C-102"
        )
        target = AuditTarget.open(store, mia, audit_id)
        writer = BatchWriter(target, target.version())
        batch = {
            "seen": CriterionEntry(criterion="seen", grade=Grade.GOOD, note="Seen."),
            "plan": CriterionEntry(criterion="plan", grade=Grade.GOOD, note="Planned."),
        }
        writer.write(Batch(1, batch))
        saved = {e.criterion: e.grade for e in get_audit(store, mia, audit_id).entries}
    assert (saved["seen"], saved["plan"]) in ((Grade.GOOD, Grade.GOOD), (None, None))
    assert saved == {"risk": Grade.GOOD, "seen": Grade.GOOD, "plan": Grade.GOOD}


async def test_a_note_given_back_stays_when_the_other_window_changes_the_audit_again(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import TextArea

    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "C-102")
        assert screen.sheet is not None
        elsewhere(db, screen.sheet.key, risk=Grade.OUTSTANDING)
        await type_note(pilot, "Met at school")
        await settle(pilot)
        assert screen.query_one("#note", TextArea).text == "Met at school"
        monkeypatch.setattr(elsewhere_look, "CHECK_ELSEWHERE_S", 0.2)
        screen.set_interval(0.2, screen.look_elsewhere)  # the look, now rather than in an hour
        elsewhere(db, screen.sheet.key, plan=Grade.GOOD)
        await until(
            pilot, lambda: shown_grade(screen, "plan") is Grade.GOOD, "the second change shown"
        )
        await settle(pilot)
        assert screen.query_one("#note", TextArea).text == "Met at school"
        assert "not saved" in note_label(screen)


async def test_a_grade_key_refused_by_a_change_elsewhere_says_it_was_not_saved(
    db: Path,
) -> None:
    """The notice said only that the audit was changed elsewhere: it says the key pressed
    here was not saved, which grade for which criterion (at a small browser tab's size)."""
    app = make_app(db)
    async with app.run_test(size=(113, 23)) as pilot:
        screen = await open_case(pilot, "C-102")
        assert screen.sheet is not None
        elsewhere(db, screen.sheet.key, risk=Grade.OUTSTANDING)
        assert screen.current_id == "seen"
        await pilot.press("4")
        await until(pilot, lambda: CHANGED in "".join(notes(pilot)), "no word of the change")
        said = next(n for n in notes(pilot) if CHANGED in n)
        assert "your 4 for The child seen and heard was not saved." in said, said
