"""Audits: assignment, grading with evidence, override, submission, and who may see what.

Roles are enforced here, not in the faces: a manager works on their own
audits; a lead assigns and reads everything; a moderator never obtains a
manager's grades, notes or overall grade for a case before submitting their
own moderation of it (see :func:`can_see_manager_grades`).
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from moderator.domain.grades import Grade
from moderator.domain.rubric import Rubric
from moderator.domain.text import require_plain_text
from moderator.errors import BadInput, NotFound, Refused
from moderator.services.rubrics import ensure_rubric, resolve_rubric, rubric_by_hash
from moderator.services.users import Role, User, get_user, require_role
from moderator.store.db import Store

AuditStatus = Literal["todo", "draft", "submitted"]
MAX_NOTE = 4000
MAX_REASON = 2000


class CriterionEntry(BaseModel):
    """One criterion's grade and evidence note in an audit."""

    criterion: str
    grade: Grade | None = None
    note: str = ""


class AuditSummary(BaseModel):
    """A row of an audit list."""

    model_config = ConfigDict(frozen=True)

    id: int
    case_ref: str
    team: str
    service_area: str
    rubric_id: str
    rubric_title: str
    manager: str
    status: AuditStatus
    graded: int
    total: int
    due: date | None
    submitted_at: str | None
    overall: Grade | None
    """Hidden (None) when the viewer may not see the manager's grades."""
    moderation: str | None = None
    """Moderation state for leads and the audit's manager: None, in progress, or the outcome."""


class OverallView(BaseModel):
    """The overall grade as shown: derived, overridden, and why."""

    derived: Grade | None
    explanation: str
    limited_by: list[str]
    complete: bool
    override: Grade | None
    override_reason: str | None
    final: Grade | None


class AuditDetail(BaseModel):
    """Everything about one audit that the viewer may see."""

    summary: AuditSummary
    case_text: str
    opened: str | None
    rubric_hash: str
    entries: list[CriterionEntry]
    """Empty when the viewer is a moderator who has not yet submitted their own grading."""
    overall: OverallView | None
    blind: bool
    """True when the manager's grading is withheld from this viewer."""
    feedback: list[dict[str, Any]] = []
    """Moderation outcome per criterion, for the manager once reviewed."""

    @property
    def rubric_id(self) -> str:
        return self.summary.rubric_id


# -- helpers ------------------------------------------------------------------


def _parse_due(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadInput(f"not a date: {value!r} (use YYYY-MM-DD)") from None


def _audit_row(store: Store, audit_id: int) -> dict[str, Any]:
    row = store.row(
        "SELECT a.*, c.case_ref, c.team, c.service_area, c.text, c.opened, u.name AS manager"
        " FROM audits a JOIN cases c ON c.id = a.case_id JOIN users u ON u.id = a.manager_id"
        " WHERE a.id = ?",
        [audit_id],
    )
    if row is None:
        raise NotFound(f"no audit {audit_id}")
    return row


def can_see_manager_grades(store: Store, user: User, audit_id: int) -> bool:
    """Whether ``user`` may see the manager's grades, notes and overall grade for this audit.

    Leads may; a manager may for their own audits; a moderator only once
    their own moderation of the audit is submitted. Every path that reveals
    manager grades (TUI, CLI, export, pack) goes through this check.
    """
    if user.role is Role.LEAD:
        return True
    if user.role is Role.MANAGER:
        owner = store.scalar("SELECT manager_id FROM audits WHERE id = ?", [audit_id])
        return bool(owner == user.id)
    status = store.scalar(
        "SELECT status FROM moderations WHERE audit_id = ? AND moderator_id = ?",
        [audit_id, user.id],
    )
    return status in ("submitted", "reviewed")


def _may_view(store: Store, user: User, row: dict[str, Any]) -> bool:
    if user.role is Role.LEAD or row["manager_id"] == user.id:
        return True
    if user.role is Role.MODERATOR:
        return (
            store.scalar(
                "SELECT 1 FROM moderations WHERE audit_id = ? AND moderator_id = ?",
                [row["id"], user.id],
            )
            is not None
        )
    return False


def _entries(store: Store, rubric: Rubric, audit_id: int) -> list[CriterionEntry]:
    stored = {
        r["criterion"]: r
        for r in store.rows(
            "SELECT criterion, grade, note FROM criterion_grades WHERE audit_id = ?", [audit_id]
        )
    }
    out = []
    for crit in rubric.criteria:
        r = stored.get(crit.id)
        out.append(
            CriterionEntry(
                criterion=crit.id,
                grade=None if r is None or r["grade"] is None else Grade(r["grade"]),
                note="" if r is None else r["note"],
            )
        )
    return out


def overall_view(
    rubric: Rubric,
    entries: Iterable[CriterionEntry],
    override: Grade | None,
    reason: str | None,
) -> OverallView:
    """Derive the overall grade from entries and combine it with any override."""
    grades = {e.criterion: e.grade for e in entries if e.grade is not None}
    derived = rubric.derive_overall(grades)
    if derived is None:
        return OverallView(
            derived=None,
            explanation="No criteria graded yet",
            limited_by=[],
            complete=False,
            override=override,
            override_reason=reason,
            final=override,
        )
    explanation = derived.explanation
    if override is not None and override != derived.grade:
        explanation = (
            f"{override.label}: overridden ({reason or 'no reason given'}); derived {explanation}"
        )
    return OverallView(
        derived=derived.grade,
        explanation=explanation,
        limited_by=list(derived.limited_by),
        complete=derived.complete,
        override=override,
        override_reason=reason,
        final=override or derived.grade,
    )


def _summary(row: dict[str, Any], rubric: Rubric, visible: bool) -> AuditSummary:
    overall = row.get("overall_grade") if visible else None
    return AuditSummary(
        id=row["id"],
        case_ref=row["case_ref"],
        team=row["team"],
        service_area=row["service_area"],
        rubric_id=rubric.id,
        rubric_title=rubric.title,
        manager=row["manager"],
        status=row["status"],
        graded=int(row.get("graded") or 0) if visible else 0,
        total=len(rubric.criteria),
        due=_parse_due(row.get("due")),
        submitted_at=row.get("submitted_at"),
        overall=None if overall is None else Grade(overall),
        moderation=row.get("moderation") if visible else None,
    )


# -- reading ---------------------------------------------------------------------


def list_audits(
    store: Store,
    user: User,
    *,
    status: str | None = None,
    search: str | None = None,
    manager: str | None = None,
) -> list[AuditSummary]:
    """The audits this user may list: a manager's own, a lead's all, a moderator's moderated ones.

    For a moderator, the manager's progress and overall grade stay hidden until
    their own moderation of that audit is submitted.
    """
    where: list[str] = []
    params: list[Any] = []
    if user.role is Role.MANAGER:
        where.append("a.manager_id = ?")
        params.append(user.id)
    elif user.role is Role.MODERATOR:
        where.append("a.id IN (SELECT audit_id FROM moderations WHERE moderator_id = ?)")
        params.append(user.id)
    if manager and user.role is not Role.MANAGER:
        where.append("u.name = ?")
        params.append(manager)
    if status:
        if status not in ("todo", "draft", "submitted"):
            raise BadInput(f"unknown status {status!r}; use todo, draft or submitted")
        where.append("a.status = ?")
        params.append(status)
    if search:
        where.append("(c.case_ref LIKE ? OR c.team LIKE ? OR c.service_area LIKE ?)")
        like = f"%{search}%"
        params.extend([like, like, like])
    sql = (
        "SELECT a.id, a.rubric_hash, a.status, a.due, a.submitted_at, a.overall_grade,"
        " a.manager_id, c.case_ref, c.team, c.service_area, u.name AS manager,"
        " (SELECT count(*) FROM criterion_grades g WHERE g.audit_id = a.id"
        "   AND g.grade IS NOT NULL) AS graded,"
        " (SELECT coalesce(m.outcome, m.status) FROM moderations m WHERE m.audit_id = a.id)"
        "   AS moderation"
        " FROM audits a JOIN cases c ON c.id = a.case_id JOIN users u ON u.id = a.manager_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY CASE a.status WHEN 'draft' THEN 0 WHEN 'todo' THEN 1 ELSE 2 END,"
        " a.due IS NULL, a.due, a.id"
    )
    out = []
    for row in store.rows(sql, params):
        rubric = rubric_by_hash(store, row["rubric_hash"])
        visible = user.role is not Role.MODERATOR or can_see_manager_grades(store, user, row["id"])
        out.append(_summary(row, rubric, visible))
    return out


def get_audit(store: Store, user: User, audit_id: int) -> AuditDetail:
    """One audit as this user may see it (blind for a moderator who has not submitted)."""
    row = _audit_row(store, audit_id)
    if not _may_view(store, user, row):
        raise Refused(f"{user.name} may not open audit {audit_id}")
    rubric = rubric_by_hash(store, row["rubric_hash"])
    visible = can_see_manager_grades(store, user, audit_id)
    entries = _entries(store, rubric, audit_id) if visible else []
    row["graded"] = sum(e.grade is not None for e in entries)
    row["moderation"] = store.scalar(
        "SELECT coalesce(outcome, status) FROM moderations WHERE audit_id = ?", [audit_id]
    )
    overall = None
    if visible:
        override = None if row["overall_override"] is None else Grade(row["overall_override"])
        overall = overall_view(rubric, entries, override, row["override_reason"])
    feedback: list[dict[str, Any]] = []
    if visible and row["moderation"] in ("agreed", "downgraded", "upgraded"):
        feedback = _feedback(store, rubric, audit_id, entries)
    return AuditDetail(
        summary=_summary(row, rubric, visible),
        case_text=row["text"],
        opened=row["opened"],
        rubric_hash=row["rubric_hash"],
        entries=entries,
        overall=overall,
        blind=not visible,
        feedback=feedback,
    )


def _label(value: object) -> str | None:
    grade = Grade.parse_optional(value)
    return None if grade is None else grade.label


def _feedback(
    store: Store, rubric: Rubric, audit_id: int, entries: list[CriterionEntry]
) -> list[dict[str, Any]]:
    """The reviewed moderation of an audit, per criterion in rubric order, then overall.

    Each row: criterion, title, manager_grade, moderator_grade (blind),
    moderated_grade, drift (moderated − manager, in grade steps), rationale and
    the rubric descriptor of the moderated grade; the last row (criterion
    ``overall``) carries the outcome and any override reason.
    """
    moderation = store.row(
        "SELECT id, overall_grade, moderated_overall, overall_rationale, outcome, moderator_name,"
        " reviewed_at FROM moderations WHERE audit_id = ?",
        [audit_id],
    )
    if moderation is None:
        return []
    graded = {
        r["criterion"]: r
        for r in store.rows(
            "SELECT criterion, grade, moderated_grade, rationale FROM moderation_grades"
            " WHERE moderation_id = ?",
            [moderation["id"]],
        )
    }
    manager = {e.criterion: e.grade for e in entries}
    out: list[dict[str, Any]] = []
    for crit in rubric.criteria:
        g = graded.get(crit.id, {})
        moderated = Grade.parse_optional(g.get("moderated_grade"))
        mine = manager.get(crit.id)
        out.append(
            {
                "criterion": crit.id,
                "title": crit.title,
                "manager_grade": None if mine is None else mine.label,
                "moderator_grade": _label(g.get("grade")),
                "moderated_grade": None if moderated is None else moderated.label,
                "drift": None if mine is None or moderated is None else int(moderated) - int(mine),
                "rationale": g.get("rationale"),
                "descriptor": None if moderated is None else crit.descriptors.for_grade(moderated),
            }
        )
    own_overall = store.scalar("SELECT overall_grade FROM audits WHERE id = ?", [audit_id])
    final = Grade.parse_optional(moderation["moderated_overall"])
    out.append(
        {
            "criterion": "overall",
            "title": "Overall grade",
            "manager_grade": _label(own_overall),
            "moderator_grade": _label(moderation["overall_grade"]),
            "moderated_grade": None if final is None else final.label,
            "drift": None
            if final is None or own_overall is None
            else int(final) - int(own_overall),
            "rationale": moderation["overall_rationale"],
            "descriptor": None,
            "outcome": moderation["outcome"],
            "moderator": moderation["moderator_name"],
            "reviewed_at": moderation["reviewed_at"],
        }
    )
    return out


def audit_rubric(store: Store, audit_id: int) -> Rubric:
    """The exact rubric an audit is graded against."""
    digest = store.scalar("SELECT rubric_hash FROM audits WHERE id = ?", [audit_id])
    if digest is None:
        raise NotFound(f"no audit {audit_id}")
    return rubric_by_hash(store, digest)


# -- assignment -------------------------------------------------------------------


def assign_audit(
    store: Store,
    actor: User,
    case_ref: str,
    manager_name: str,
    rubric_id: str,
    due: date | str | None,
    *,
    programme: str | None = None,
) -> int:
    """A lead assigns one case to a manager for audit against a rubric; returns the audit id."""
    require_role(actor, Role.LEAD, doing="assign audits")
    manager = get_user(store, manager_name)
    if manager.role is not Role.MANAGER:
        raise BadInput(f"{manager.name} is a {manager.role.value}, not a manager")
    rubric = resolve_rubric(rubric_id)
    due_date = _parse_due(due)
    case_id = store.scalar("SELECT id FROM cases WHERE case_ref = ?", [case_ref])
    if case_id is None:
        raise NotFound(f"no case {case_ref!r}")
    with store.transaction():
        return _insert_audit(store, actor, case_id, manager, rubric, due_date, programme)


def _insert_audit(
    store: Store,
    actor: User,
    case_id: int,
    manager: User,
    rubric: Rubric,
    due: date | None,
    programme: str | None,
) -> int:
    digest = ensure_rubric(store, rubric)
    stamp = store.now()
    cur = store.execute(
        "INSERT INTO audits (case_id, rubric_hash, manager_id, assigned_by, assigned_at, due,"
        " programme, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'todo', ?)",
        (
            case_id,
            digest,
            manager.id,
            actor.name,
            stamp,
            None if due is None else due.isoformat(),
            programme,
            stamp,
        ),
    )
    audit_id = int(cur.lastrowid or 0)
    store.record_event(
        actor.name,
        "audit.assign",
        "audit",
        audit_id,
        after=manager.name,
        detail={"rubric": rubric.id, "rubric_hash": digest, "due": due, "programme": programme},
    )
    return audit_id


def assign_programme(
    store: Store,
    actor: User,
    *,
    per_manager: int,
    due: date | str,
    rubric_id: str | None = None,
    exclude_own_team: bool = False,
    seed: int | None = None,
    label: str | None = None,
) -> list[int]:
    """A monthly programme: ``per_manager`` random unaudited cases for every manager.

    With ``exclude_own_team`` a manager is never given their own team's cases
    (peer audit). Without ``rubric_id`` each case gets the rubric of its
    service area. Returns the new audit ids.
    """
    require_role(actor, Role.LEAD, doing="assign audits")
    if per_manager < 1:
        raise BadInput("per-manager count must be at least 1")
    due_date = _parse_due(due)
    assert due_date is not None
    managers = [
        User.model_validate(r)
        for r in store.rows(
            "SELECT id, name, role, team, authority FROM users WHERE role = 'manager' ORDER BY name"
        )
    ]
    if not managers:
        raise BadInput("there are no managers to assign to (add some with `moderator user add`)")
    rng = random.Random(seed)
    free = store.rows(
        "SELECT c.id, c.team, c.service_area FROM cases c"
        " WHERE NOT EXISTS (SELECT 1 FROM audits a WHERE a.case_id = c.id) ORDER BY c.id"
    )
    rng.shuffle(free)
    taken: set[int] = set()
    programme = label or f"programme {due_date.isoformat()}"
    ids: list[int] = []
    fixed = resolve_rubric(rubric_id) if rubric_id else None
    from moderator.services.rubrics import rubric_for_service_area

    with store.transaction():
        # Read again under the write lock: a programme run at the same moment has taken some.
        audited = {case_id for (case_id,) in store.execute("SELECT DISTINCT case_id FROM audits")}
        free = [case for case in free if case["id"] not in audited]
        for manager in managers:
            count = 0
            for case in free:
                if count >= per_manager:
                    break
                if case["id"] in taken:
                    continue
                if exclude_own_team and manager.team and case["team"] == manager.team:
                    continue
                rubric = fixed or rubric_for_service_area(case["service_area"])
                ids.append(
                    _insert_audit(store, actor, case["id"], manager, rubric, due_date, programme)
                )
                taken.add(case["id"])
                count += 1
    return ids


# -- grading -------------------------------------------------------------------------


def _editable_audit(store: Store, user: User, audit_id: int) -> tuple[dict[str, Any], Rubric]:
    row = _audit_row(store, audit_id)
    if row["manager_id"] != user.id:
        raise Refused(f"audit {audit_id} belongs to {row['manager']}; {user.name} may not grade it")
    if row["status"] == "submitted":
        raise Refused(f"audit {audit_id} is submitted and read-only")
    return row, rubric_by_hash(store, row["rubric_hash"])


def _check_criterion(rubric: Rubric, criterion: str) -> None:
    if criterion not in {c.id for c in rubric.criteria}:
        known = ", ".join(c.id for c in rubric.criteria)
        raise BadInput(f"rubric {rubric.id} has no criterion {criterion!r} (criteria: {known})")


def save_criterion(
    store: Store,
    user: User,
    audit_id: int,
    criterion: str,
    *,
    grade: Grade | Literal["keep"] | None = "keep",
    note: str | None = None,
) -> AuditDetail | None:
    """Save a criterion's grade and/or evidence note as a draft (autosave), logging the change.

    ``grade="keep"`` leaves the grade alone; ``None`` clears it. ``note=None``
    leaves the note alone. Returns nothing; call :func:`get_audit` to re-read.
    """
    row, rubric = _editable_audit(store, user, audit_id)
    _check_criterion(rubric, criterion)
    if note is not None and len(note) > MAX_NOTE:
        raise BadInput(f"evidence note is too long ({len(note)} > {MAX_NOTE} characters)")
    note = None if note is None else require_plain_text(note, "evidence note")
    with store.transaction():
        current = store.row(
            "SELECT grade, note FROM criterion_grades WHERE audit_id = ? AND criterion = ?",
            [audit_id, criterion],
        )
        old_grade = None if current is None else current["grade"]
        old_note = "" if current is None else current["note"]
        new_grade = old_grade if grade == "keep" else (None if grade is None else int(grade))
        new_note = old_note if note is None else note
        if current is not None and new_grade == old_grade and new_note == old_note:
            return None
        stamp = store.now()
        store.execute(
            "INSERT INTO criterion_grades (audit_id, criterion, grade, note, updated_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (audit_id, criterion) DO UPDATE SET"
            " grade = excluded.grade, note = excluded.note, updated_at = excluded.updated_at",
            (audit_id, criterion, new_grade, new_note, stamp),
        )
        if row["status"] == "todo":
            store.execute(
                "UPDATE audits SET status = 'draft', updated_at = ? WHERE id = ?", (stamp, audit_id)
            )
        else:
            store.execute("UPDATE audits SET updated_at = ? WHERE id = ?", (stamp, audit_id))
        if new_grade != old_grade:
            store.record_event(
                user.name,
                "audit.grade",
                "audit",
                audit_id,
                field=criterion,
                before=None if old_grade is None else Grade(old_grade).label,
                after=None if new_grade is None else Grade(new_grade).label,
                at=stamp,
            )
        if new_note != old_note:
            # The note's text stays in the audit; the log records that it changed and its size.
            store.record_event(
                user.name,
                "audit.note",
                "audit",
                audit_id,
                field=criterion,
                before=f"{len(old_note)} chars",
                after=f"{len(new_note)} chars",
                at=stamp,
            )
    return None


def set_override(
    store: Store, user: User, audit_id: int, grade: Grade | None, reason: str | None
) -> None:
    """Override the derived overall grade (a written reason is required), or clear it."""
    row, _rubric = _editable_audit(store, user, audit_id)
    reason = require_plain_text((reason or "").strip(), "reason")
    if grade is not None and not reason:
        raise BadInput("overriding the overall grade needs a written reason")
    if len(reason) > MAX_REASON:
        raise BadInput(f"reason is too long ({len(reason)} > {MAX_REASON} characters)")
    old = row["overall_override"]
    with store.transaction():
        stamp = store.now()
        store.execute(
            "UPDATE audits SET overall_override = ?, override_reason = ?, updated_at = ?,"
            " status = CASE status WHEN 'todo' THEN 'draft' ELSE status END WHERE id = ?",
            (None if grade is None else int(grade), reason or None, stamp, audit_id),
        )
        store.record_event(
            user.name,
            "audit.override",
            "audit",
            audit_id,
            field="overall",
            before=None if old is None else Grade(old).label,
            after=None if grade is None else grade.label,
            detail={"reason_chars": len(reason)},
            at=stamp,
        )


def incomplete_reasons(detail: AuditDetail, rubric: Rubric) -> list[str]:
    """Why an audit cannot be submitted yet (empty when it can)."""
    problems = []
    titles = {c.id: c.title for c in rubric.criteria}
    for entry in detail.entries:
        if entry.grade is None:
            problems.append(f"{titles[entry.criterion]}: not graded")
        elif not entry.note.strip():
            problems.append(f"{titles[entry.criterion]}: no evidence note")
    if (
        detail.overall
        and detail.overall.override is not None
        and not detail.overall.override_reason
    ):
        problems.append("overall override has no reason")
    return problems


def submit_audit(store: Store, user: User, audit_id: int) -> AuditDetail:
    """Check completeness (every criterion graded with evidence), then lock the audit."""
    _row, rubric = _editable_audit(store, user, audit_id)
    detail = get_audit(store, user, audit_id)
    problems = incomplete_reasons(detail, rubric)
    if problems:
        raise BadInput(
            f"audit {audit_id} is not complete ({len(problems)} to do)",
            details=[f"  - {p}" for p in problems],
        )
    assert detail.overall is not None and detail.overall.final is not None
    with store.transaction():
        stamp = store.now()
        store.execute(
            "UPDATE audits SET status = 'submitted', overall_grade = ?, submitted_at = ?,"
            " updated_at = ? WHERE id = ?",
            (int(detail.overall.final), stamp, stamp, audit_id),
        )
        store.record_event(
            user.name,
            "audit.submit",
            "audit",
            audit_id,
            field="overall",
            after=detail.overall.final.label,
            at=stamp,
        )
    return get_audit(store, user, audit_id)
