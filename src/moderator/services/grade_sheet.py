"""Grade sheets in the store: autosave, override, submit and lock, every change logged.

One service for both kinds of sheet (the rules are in
:mod:`moderator.domain.grade_sheet`): a manager's audit (``audits`` and
``criterion_grades``) and a moderator's blind grading (``moderations`` and
``moderation_grades``). Who may change a sheet is decided by its owner module
(:mod:`moderator.services.audits`, :mod:`moderator.services.moderation`),
which hands this module an :class:`OpenSheet` once the user may write to it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from moderator.domain.grade_sheet import (
    CriterionEntry,
    KeepOrGrade,
    OverallView,
    changed_entry,
    check_criterion,
    check_override,
    incomplete_reasons,
    overall_view,
)
from moderator.domain.grades import Grade
from moderator.domain.rubric import Rubric
from moderator.errors import BadInput, Refused, SheetChanged
from moderator.services.users import User
from moderator.store.db import Store


@dataclass(frozen=True)
class SheetKind:
    """Where one kind of sheet is stored, and the word for it in messages and the event log."""

    name: str
    """``audit`` or ``moderation``: the event prefix (``audit.grade``) and the entity."""
    table: str
    grades: str
    key: str
    """The grades table's column naming the sheet."""


AUDIT = SheetKind("audit", "audits", "criterion_grades", "audit_id")
MODERATION = SheetKind("moderation", "moderations", "moderation_grades", "moderation_id")


@dataclass(frozen=True)
class OpenSheet:
    """A sheet the user may change, as read just before the change."""

    kind: SheetKind
    id: int
    row: dict[str, Any]
    """The sheet's own row (``overall_override``, ``override_reason``, ``status``, …)."""
    rubric: Rubric
    before_write: Callable[[str], None] | None = None
    """Called with the time stamp inside the transaction before the first write
    (a moderation is claimed by the first moderator who writes to it)."""
    submit_detail: dict[str, Any] | None = None
    """Extra detail for the submission's event."""
    cannot_submit: str | None = None
    """Why this user may change the sheet but not submit it (None: they may)."""


def read_entries(
    store: Store, kind: SheetKind, rubric: Rubric, sheet_id: int
) -> list[CriterionEntry]:
    """One entry per rubric criterion, in rubric order (empty where nothing is stored)."""
    stored = {
        r["criterion"]: r
        for r in store.rows(
            f"SELECT criterion, grade, note FROM {kind.grades} WHERE {kind.key} = ?", [sheet_id]
        )
    }
    return [_entry(crit.id, stored.get(crit.id)) for crit in rubric.criteria]


def _entry(criterion: str, row: dict[str, Any] | None) -> CriterionEntry:
    if row is None:
        return CriterionEntry(criterion=criterion)
    return CriterionEntry(
        criterion=criterion, grade=Grade.parse_optional(row["grade"]), note=row["note"]
    )


def sheet_overall(store: Store, sheet: OpenSheet) -> OverallView:
    """The sheet's overall grade as stored now: derived, overridden, and why."""
    entries = read_entries(store, sheet.kind, sheet.rubric, sheet.id)
    return overall_view(sheet.rubric, entries, *_override(sheet.row))


def _override(row: dict[str, Any]) -> tuple[Grade | None, str | None]:
    return Grade.parse_optional(row["overall_override"]), row["override_reason"]


def sheet_version(store: Store, kind: SheetKind, sheet_id: int) -> int:
    """Which change the sheet is at: the id of the last event logged for it (0: none yet).

    Every change to a sheet (grade, note, override, claim, submission) is logged in the
    same transaction, so two reads with the same version saw the same sheet. A window
    keeps the version it last read, and a change decided on in that window is written only
    if the sheet is still at it (see ``expected_version`` below).
    """
    return int(
        store.scalar(
            "SELECT COALESCE(MAX(id), 0) FROM events WHERE entity = ? AND entity_id = ?",
            [kind.name, str(sheet_id)],
        )
    )


def check_unchanged(store: Store, sheet: OpenSheet, expected_version: int | None) -> None:
    """Refuse (SheetChanged) when the sheet is no longer at ``expected_version`` (None: any).

    Call inside the transaction of the change, so nothing can slip in between.
    """
    if expected_version is None:
        return
    if sheet_version(store, sheet.kind, sheet.id) != expected_version:
        raise SheetChanged(
            f"{sheet.kind.name} {sheet.id} was changed elsewhere since it was read;"
            " nothing was saved"
        )


def _still_open(store: Store, sheet: OpenSheet) -> dict[str, Any]:
    """The sheet's row as it is now, inside the transaction; Refused once it is submitted."""
    row = store.row(
        f"SELECT status, overall_override, override_reason FROM {sheet.kind.table} WHERE id = ?",
        [sheet.id],
    )
    if row is None or row["status"] in ("submitted", "reviewed"):
        raise Refused(f"{sheet.kind.name} {sheet.id} is submitted and read-only")
    return row


def _begin(store: Store, sheet: OpenSheet, stamp: str) -> None:
    """The first write of a change: claim if need be, and a sheet to do becomes a draft."""
    if sheet.before_write is not None:
        sheet.before_write(stamp)
    store.execute(
        f"UPDATE {sheet.kind.table} SET updated_at = ?,"
        " status = CASE status WHEN 'todo' THEN 'draft' ELSE status END WHERE id = ?",
        (stamp, sheet.id),
    )


def _label(grade: Grade | None) -> str | None:
    return None if grade is None else grade.label


def save_entry(
    store: Store,
    user: User,
    sheet: OpenSheet,
    criterion: str,
    *,
    grade: KeepOrGrade = "keep",
    note: str | None = None,
    expected_version: int | None = None,
) -> int:
    """Autosave one criterion's grade and/or evidence note as a draft, logging each change.

    ``grade="keep"`` leaves the grade alone, ``None`` clears it; ``note=None``
    leaves the note alone. A change that changes nothing writes nothing. With
    ``expected_version``, nothing is written (SheetChanged) unless the sheet is still
    at that version. Returns the sheet's version after the change.
    """
    kind = sheet.kind
    check_criterion(sheet.rubric, criterion)
    with store.transaction():
        check_unchanged(store, sheet, expected_version)
        _still_open(store, sheet)
        row = store.row(
            f"SELECT grade, note FROM {kind.grades} WHERE {kind.key} = ? AND criterion = ?",
            [sheet.id, criterion],
        )
        current = None if row is None else _entry(criterion, row)
        new = changed_entry(criterion, current, grade, note)
        if new is None:
            return sheet_version(store, kind, sheet.id)
        old = current or CriterionEntry(criterion=criterion)
        stamp = store.now()
        _begin(store, sheet, stamp)
        store.execute(
            f"INSERT INTO {kind.grades} ({kind.key}, criterion, grade, note, updated_at)"
            f" VALUES (?, ?, ?, ?, ?) ON CONFLICT ({kind.key}, criterion) DO UPDATE SET"
            " grade = excluded.grade, note = excluded.note, updated_at = excluded.updated_at",
            (sheet.id, criterion, None if new.grade is None else int(new.grade), new.note, stamp),
        )
        if new.grade != old.grade:
            store.record_event(
                user.name,
                f"{kind.name}.grade",
                kind.name,
                sheet.id,
                field=criterion,
                before=_label(old.grade),
                after=_label(new.grade),
                at=stamp,
            )
        if new.note != old.note:
            # The note's text stays on the sheet; the log records that it changed and its size.
            store.record_event(
                user.name,
                f"{kind.name}.note",
                kind.name,
                sheet.id,
                field=criterion,
                before=f"{len(old.note)} chars",
                after=f"{len(new.note)} chars",
                at=stamp,
            )
        return sheet_version(store, kind, sheet.id)


def save_override(
    store: Store,
    user: User,
    sheet: OpenSheet,
    grade: Grade | None,
    reason: str | None,
    *,
    expected_version: int | None = None,
) -> int:
    """Override the derived overall grade (a written reason is required), or clear it.

    ``expected_version`` as for :func:`save_entry`; returns the version after the change.
    """
    reason = check_override(grade, reason, derived=sheet_overall(store, sheet).derived)
    kind = sheet.kind
    with store.transaction():
        check_unchanged(store, sheet, expected_version)
        _still_open(store, sheet)
        stamp = store.now()
        _begin(store, sheet, stamp)
        store.execute(
            f"UPDATE {kind.table} SET overall_override = ?, override_reason = ? WHERE id = ?",
            (None if grade is None else int(grade), reason or None, sheet.id),
        )
        store.record_event(
            user.name,
            f"{kind.name}.override",
            kind.name,
            sheet.id,
            field="overall",
            before=_label(Grade.parse_optional(sheet.row["overall_override"])),
            after=_label(grade),
            detail={"reason_chars": len(reason)},
            at=stamp,
        )
        return sheet_version(store, kind, sheet.id)


def save_entries(
    store: Store,
    user: User,
    sheet: OpenSheet,
    entries: Mapping[str, tuple[KeepOrGrade, str | None]],
    override: tuple[Grade | None, str | None] | None = None,
    *,
    expected_version: int | None = None,
) -> int:
    """Several criteria (``{criterion: (grade, note)}``, as :func:`save_entry` takes them) and
    the override, as one change: all written in one transaction, or none of it.

    Grades keyed fast are saved together; another window's change can then not land between
    two of them and leave half of them saved. With ``expected_version``, nothing is written
    (SheetChanged) unless the sheet is still at that version. Returns the version after.
    """
    with store.transaction():
        check_unchanged(store, sheet, expected_version)
        for criterion, (grade, note) in entries.items():
            save_entry(store, user, sheet, criterion, grade=grade, note=note)
        if override is not None:
            save_override(store, user, sheet, *override)
        return sheet_version(store, sheet.kind, sheet.id)


def submit_sheet(
    store: Store, user: User, sheet: OpenSheet, *, expected_version: int | None = None
) -> Grade:
    """Check completeness, then lock the sheet with its final overall grade (returned).

    Everything is read inside the submission's transaction, so what is checked is what is
    locked. With ``expected_version`` (the version the user confirmed, as a submit dialog
    showed it), nothing is written unless the sheet is still at that version.

    Raises:
        Refused: the user may not submit this sheet, or it is submitted already.
        SheetChanged: the sheet is no longer at ``expected_version``; nothing is changed.
        BadInput: listing everything still missing; nothing is changed.
    """
    if sheet.cannot_submit is not None:
        raise Refused(sheet.cannot_submit)
    kind = sheet.kind
    with store.transaction():
        check_unchanged(store, sheet, expected_version)
        row = _still_open(store, sheet)
        entries = read_entries(store, kind, sheet.rubric, sheet.id)
        override, reason = _override(row)
        problems = incomplete_reasons(sheet.rubric, entries, override, reason)
        if problems:
            raise BadInput(
                f"{kind.name} {sheet.id} is not complete ({len(problems)} to do)",
                details=[f"  - {p}" for p in problems],
            )
        final = overall_view(sheet.rubric, entries, override, reason).final
        assert final is not None  # complete: every criterion is graded
        stamp = store.now()
        store.execute(
            f"UPDATE {kind.table} SET status = 'submitted', overall_grade = ?, submitted_at = ?,"
            " updated_at = ? WHERE id = ?",
            (int(final), stamp, stamp, sheet.id),
        )
        store.record_event(
            user.name,
            f"{kind.name}.submit",
            kind.name,
            sheet.id,
            field="overall",
            after=final.label,
            detail=sheet.submit_detail,
            at=stamp,
        )
    return final
