"""Moderation: blind second grading, then a review of each disagreement.

The life of a moderation (one per sampled audit):

``todo`` → ``draft`` (the moderator grades the case blind: grade and note per
criterion, autosaved, every change logged) → ``submitted`` (completeness
checked as for audits; the blind grading is now read-only, in the database
too) → review: the moderator (or a lead) sees both gradings side by side,
records a moderated grade and a rationale for every criterion where they
disagree; agreed criteria keep the agreed grade → ``reviewed`` (the moderated
overall grade is derived by the rubric's rule, overridable with a reason, and
the outcome — agreed, downgraded, upgraded — compares it with the manager's
overall grade; read-only from then on). The manager then reads the outcome and
the rationales on their audit.

Blindness is enforced here, not in the faces: nothing in this module gives a
moderator the manager's grades, notes or overall grade unless
:func:`moderator.services.audits.can_see_manager_grades` says so, and that is
true for a moderator only once their own moderation of that audit is submitted.

Moderations can also come from another authority in a pack (see
:mod:`moderator.exchange`): on the receiving side they have no local audit
(``audit_id`` is None) and are graded with the same functions; their review
happens back at the authority that sent them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Literal

from pydantic import BaseModel

from moderator.domain.grades import Grade
from moderator.domain.rubric import Rubric
from moderator.domain.text import require_plain_text
from moderator.errors import BadInput, NotFound, Refused
from moderator.services.audits import (
    MAX_NOTE,
    MAX_REASON,
    CriterionEntry,
    OverallView,
    can_see_manager_grades,
    overall_view,
)
from moderator.services.rubrics import rubric_by_hash
from moderator.services.users import Role, User, require_role
from moderator.store.db import Store

ModerationStatus = Literal["todo", "draft", "submitted", "reviewed"]
Outcome = Literal["agreed", "downgraded", "upgraded"]
STATUSES: tuple[str, ...] = ("todo", "draft", "submitted", "reviewed")


class ModerationSummary(BaseModel):
    """A row of the moderation queue. Never carries the manager's grading."""

    id: int
    audit_id: int | None
    """The local audit; None for a case received in a pack from another authority."""
    remote_audit_id: int | None = None
    """For a received case: the audit's id at the authority that sent it."""
    source_authority: str | None = None
    """For a received case: the authority that sent it."""
    case_ref: str
    team: str
    service_area: str
    rubric_id: str
    rubric_title: str
    moderator: str | None
    """None while unassigned (any moderator may claim it)."""
    status: ModerationStatus
    graded: int
    total: int
    sample_id: int | None
    external: bool
    """True when the case went out in a pack to another authority's moderators."""
    outcome: Outcome | None = None
    created_at: str
    submitted_at: str | None = None
    reviewed_at: str | None = None


class ModerationDetail(BaseModel):
    """One moderation as its moderator works on it: the case, the rubric, their own grading."""

    summary: ModerationSummary
    case_text: str
    opened: str | None
    rubric_hash: str
    entries: list[CriterionEntry]
    """The moderator's own grades and notes (never the manager's)."""
    overall: OverallView
    editable: bool


class ComparisonRow(BaseModel):
    """One criterion, both gradings side by side, and the review decision."""

    criterion: str
    title: str
    domain: str
    limiting: bool
    manager_grade: Grade | None
    manager_note: str
    moderator_grade: Grade | None
    moderator_note: str
    drift: int | None
    """Moderator grade − manager grade in grade steps (positive: the manager was more optimistic)."""
    agreed: bool
    moderated_grade: Grade | None
    """The review's decision (the agreed grade, automatically, where they agree)."""
    rationale: str | None
    descriptor: str | None
    """The rubric descriptor of the moderated grade: what the rationale answers to."""
    decided: bool


class ModerationComparison(BaseModel):
    """The review screen's data: disagreements first, then agreed criteria."""

    moderation_id: int
    audit_id: int
    case_ref: str
    manager: str
    moderator: str | None
    status: ModerationStatus
    rows: list[ComparisonRow]
    manager_overall: Grade | None
    moderator_overall: Grade | None
    moderated_overall: OverallView
    outcome: Outcome | None
    """The outcome once reviewed, or what it would be now (a preview)."""
    to_decide: list[str]
    """Criteria (ids) still needing a moderated grade and rationale."""

    @property
    def disagreements(self) -> list[ComparisonRow]:
        """The rows where manager and moderator graded differently."""
        return [r for r in self.rows if not r.agreed]


# -- reading -------------------------------------------------------------------


_SELECT = (
    "SELECT m.*, c.case_ref, c.team, c.service_area, c.text, c.opened,"
    " p.source_authority,"
    " (SELECT count(*) FROM moderation_grades g WHERE g.moderation_id = m.id"
    "   AND g.grade IS NOT NULL) AS graded"
    " FROM moderations m JOIN cases c ON c.id = m.case_id"
    " LEFT JOIN pack_requests p ON p.id = m.request_id"
)


def _row(store: Store, moderation_id: int) -> dict[str, Any]:
    row = store.row(_SELECT + " WHERE m.id = ?", [moderation_id])
    if row is None:
        raise NotFound(f"no moderation {moderation_id}")
    return row


def _summary(row: dict[str, Any], rubric: Rubric) -> ModerationSummary:
    return ModerationSummary(
        id=row["id"],
        audit_id=row["audit_id"],
        remote_audit_id=row["remote_audit_id"],
        source_authority=row.get("source_authority"),
        case_ref=row["case_ref"],
        team=row["team"],
        service_area=row["service_area"],
        rubric_id=rubric.id,
        rubric_title=rubric.title,
        moderator=row["moderator_name"],
        status=row["status"],
        graded=int(row.get("graded") or 0),
        total=len(rubric.criteria),
        sample_id=row["sample_id"],
        external=row["pack_id"] is not None,
        outcome=row["outcome"],
        created_at=row["created_at"],
        submitted_at=row["submitted_at"],
        reviewed_at=row["reviewed_at"],
    )


def _claimable(row: dict[str, Any]) -> bool:
    return row["moderator_id"] is None and row["pack_id"] is None and row["status"] == "todo"


def _may_open(user: User, row: dict[str, Any]) -> bool:
    if user.role is Role.LEAD:
        return True
    if user.role is Role.MODERATOR:
        return row["moderator_id"] == user.id or _claimable(row)
    return False


def moderation_rubric(store: Store, moderation_id: int) -> Rubric:
    """The exact rubric a moderation is graded against (the audit's)."""
    digest = store.scalar("SELECT rubric_hash FROM moderations WHERE id = ?", [moderation_id])
    if digest is None:
        raise NotFound(f"no moderation {moderation_id}")
    return rubric_by_hash(store, digest)


def moderation_queue(
    store: Store, user: User, *, status: str | None = None, include_unassigned: bool = True
) -> list[ModerationSummary]:
    """The moderations this user may work on or oversee.

    A moderator sees their own and (with ``include_unassigned``) the unassigned
    ones they may claim; a lead sees all. Work in progress comes first, then
    to do, then awaiting review, then reviewed.
    """
    require_role(user, Role.MODERATOR, Role.LEAD, doing="see the moderation queue")
    where: list[str] = []
    params: list[Any] = []
    if user.role is Role.MODERATOR:
        if include_unassigned:
            where.append(
                "(m.moderator_id = ? OR (m.moderator_id IS NULL AND m.pack_id IS NULL"
                " AND m.status = 'todo'))"
            )
        else:
            where.append("m.moderator_id = ?")
        params.append(user.id)
    if status:
        if status not in STATUSES:
            raise BadInput(f"unknown status {status!r}; use {', '.join(STATUSES)}")
        where.append("m.status = ?")
        params.append(status)
    sql = (
        _SELECT
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY CASE m.status WHEN 'draft' THEN 0 WHEN 'todo' THEN 1"
        " WHEN 'submitted' THEN 2 ELSE 3 END, m.id"
    )
    return [
        _summary(row, rubric_by_hash(store, row["rubric_hash"])) for row in store.rows(sql, params)
    ]


def _own_entries(store: Store, rubric: Rubric, moderation_id: int) -> list[CriterionEntry]:
    stored = {
        r["criterion"]: r
        for r in store.rows(
            "SELECT criterion, grade, note FROM moderation_grades WHERE moderation_id = ?",
            [moderation_id],
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


def get_moderation(store: Store, user: User, moderation_id: int) -> ModerationDetail:
    """One moderation: the case text, the rubric, and the moderator's own grading only.

    It never carries the manager's grades, notes or overall grade, whoever asks
    (a lead reads those with the audit, a moderator in the review after submitting).
    """
    row = _row(store, moderation_id)
    if not _may_open(user, row):
        raise Refused(f"{user.name} may not open moderation {moderation_id}")
    rubric = rubric_by_hash(store, row["rubric_hash"])
    entries = _own_entries(store, rubric, moderation_id)
    override = None if row["overall_override"] is None else Grade(row["overall_override"])
    overall = overall_view(rubric, entries, override, row["override_reason"])
    editable = (
        user.role is Role.MODERATOR
        and row["status"] in ("todo", "draft")
        and (row["moderator_id"] == user.id or _claimable(row))
    )
    return ModerationDetail(
        summary=_summary(row, rubric),
        case_text=row["text"],
        opened=row["opened"],
        rubric_hash=row["rubric_hash"],
        entries=entries,
        overall=overall,
        editable=editable,
    )


# -- blind grading ------------------------------------------------------------------


def _claim(store: Store, user: User, row: dict[str, Any], stamp: str) -> None:
    """Take an unassigned moderation (inside the caller's transaction)."""
    cur = store.execute(
        "UPDATE moderations SET moderator_id = ?, moderator_name = ?, updated_at = ?"
        " WHERE id = ? AND moderator_id IS NULL",
        (user.id, user.name, stamp, row["id"]),
    )
    if cur.rowcount != 1:  # someone else claimed it a moment ago
        raise Refused(f"moderation {row['id']} was just claimed by another moderator")
    store.record_event(
        user.name, "moderation.claim", "moderation", row["id"], after=user.name, at=stamp
    )


def claim_moderation(store: Store, user: User, moderation_id: int) -> ModerationDetail:
    """A moderator takes an unassigned moderation from the queue."""
    require_role(user, Role.MODERATOR, doing="claim a moderation")
    row = _row(store, moderation_id)
    if row["moderator_id"] == user.id:
        return get_moderation(store, user, moderation_id)
    if not _claimable(row):
        who = row["moderator_name"] or "another authority's moderators"
        raise Refused(f"moderation {moderation_id} is assigned to {who}")
    with store.transaction():
        _claim(store, user, row, store.now())
    return get_moderation(store, user, moderation_id)


def _editable(store: Store, user: User, moderation_id: int) -> tuple[dict[str, Any], Rubric]:
    require_role(user, Role.MODERATOR, doing="grade a moderation")
    row = _row(store, moderation_id)
    if row["status"] in ("submitted", "reviewed"):
        raise Refused(f"moderation {moderation_id} is submitted and read-only")
    if row["moderator_id"] != user.id and not _claimable(row):
        who = row["moderator_name"] or "another authority's moderators"
        raise Refused(
            f"moderation {moderation_id} is assigned to {who}; {user.name} may not grade it"
        )
    return row, rubric_by_hash(store, row["rubric_hash"])


def _check_criterion(rubric: Rubric, criterion: str) -> None:
    if criterion not in {c.id for c in rubric.criteria}:
        known = ", ".join(c.id for c in rubric.criteria)
        raise BadInput(f"rubric {rubric.id} has no criterion {criterion!r} (criteria: {known})")


def _begin(store: Store, user: User, row: dict[str, Any], stamp: str) -> None:
    if row["moderator_id"] is None:
        _claim(store, user, row, stamp)
    store.execute(
        "UPDATE moderations SET updated_at = ?,"
        " status = CASE status WHEN 'todo' THEN 'draft' ELSE status END WHERE id = ?",
        (stamp, row["id"]),
    )


def save_moderation_grade(
    store: Store,
    user: User,
    moderation_id: int,
    criterion: str,
    *,
    grade: Grade | Literal["keep"] | None = "keep",
    note: str | None = None,
) -> None:
    """Autosave one criterion's blind grade and/or note, logging each change.

    ``grade="keep"`` leaves the grade alone, ``None`` clears it; ``note=None``
    leaves the note alone. An unassigned moderation is claimed by the first
    moderator who grades it.
    """
    row, rubric = _editable(store, user, moderation_id)
    _check_criterion(rubric, criterion)
    if note is not None and len(note) > MAX_NOTE:
        raise BadInput(f"note is too long ({len(note)} > {MAX_NOTE} characters)")
    note = None if note is None else require_plain_text(note, "evidence note")
    with store.transaction():
        current = store.row(
            "SELECT grade, note FROM moderation_grades WHERE moderation_id = ? AND criterion = ?",
            [moderation_id, criterion],
        )
        old_grade = None if current is None else current["grade"]
        old_note = "" if current is None else current["note"]
        new_grade = old_grade if grade == "keep" else (None if grade is None else int(grade))
        new_note = old_note if note is None else note
        if current is not None and new_grade == old_grade and new_note == old_note:
            return
        stamp = store.now()
        _begin(store, user, row, stamp)
        store.execute(
            "INSERT INTO moderation_grades (moderation_id, criterion, grade, note, updated_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (moderation_id, criterion) DO UPDATE SET"
            " grade = excluded.grade, note = excluded.note, updated_at = excluded.updated_at",
            (moderation_id, criterion, new_grade, new_note, stamp),
        )
        if new_grade != old_grade:
            store.record_event(
                user.name,
                "moderation.grade",
                "moderation",
                moderation_id,
                field=criterion,
                before=None if old_grade is None else Grade(old_grade).label,
                after=None if new_grade is None else Grade(new_grade).label,
                at=stamp,
            )
        if new_note != old_note:
            store.record_event(
                user.name,
                "moderation.note",
                "moderation",
                moderation_id,
                field=criterion,
                before=f"{len(old_note)} chars",
                after=f"{len(new_note)} chars",
                at=stamp,
            )


def set_moderation_override(
    store: Store, user: User, moderation_id: int, grade: Grade | None, reason: str | None
) -> None:
    """Override the moderator's derived overall grade (a reason is required), or clear it."""
    row, _rubric = _editable(store, user, moderation_id)
    reason = require_plain_text((reason or "").strip(), "reason")
    if grade is not None and not reason:
        raise BadInput("overriding the overall grade needs a written reason")
    if len(reason) > MAX_REASON:
        raise BadInput(f"reason is too long ({len(reason)} > {MAX_REASON} characters)")
    old = row["overall_override"]
    with store.transaction():
        stamp = store.now()
        _begin(store, user, row, stamp)
        store.execute(
            "UPDATE moderations SET overall_override = ?, override_reason = ?, updated_at = ?"
            " WHERE id = ?",
            (None if grade is None else int(grade), reason or None, stamp, moderation_id),
        )
        store.record_event(
            user.name,
            "moderation.override",
            "moderation",
            moderation_id,
            field="overall",
            before=None if old is None else Grade(old).label,
            after=None if grade is None else grade.label,
            detail={"reason_chars": len(reason)},
            at=stamp,
        )


def incomplete_moderation(detail: ModerationDetail, rubric: Rubric) -> list[str]:
    """Why a moderation cannot be submitted yet (empty when it can)."""
    titles = {c.id: c.title for c in rubric.criteria}
    problems = []
    for entry in detail.entries:
        if entry.grade is None:
            problems.append(f"{titles[entry.criterion]}: not graded")
        elif not entry.note.strip():
            problems.append(f"{titles[entry.criterion]}: no evidence note")
    if detail.overall.override is not None and not detail.overall.override_reason:
        problems.append("overall override has no reason")
    return problems


def submit_moderation(store: Store, user: User, moderation_id: int) -> ModerationDetail:
    """Check completeness (every criterion graded with a note), then lock the blind grading.

    After this the moderator may see the manager's grading and review the disagreements.
    """
    row, rubric = _editable(store, user, moderation_id)
    if row["moderator_id"] != user.id:
        raise Refused(f"moderation {moderation_id} is not assigned to {user.name}; grade it first")
    detail = get_moderation(store, user, moderation_id)
    problems = incomplete_moderation(detail, rubric)
    if problems:
        raise BadInput(
            f"moderation {moderation_id} is not complete ({len(problems)} to do)",
            details=[f"  - {p}" for p in problems],
        )
    final = detail.overall.final
    assert final is not None
    with store.transaction():
        stamp = store.now()
        store.execute(
            "UPDATE moderations SET status = 'submitted', overall_grade = ?, submitted_at = ?,"
            " updated_at = ? WHERE id = ?",
            (int(final), stamp, stamp, moderation_id),
        )
        store.record_event(
            user.name,
            "moderation.submit",
            "moderation",
            moderation_id,
            field="overall",
            after=final.label,
            detail={"audit_id": row["audit_id"]},
            at=stamp,
        )
    return get_moderation(store, user, moderation_id)


# -- review -------------------------------------------------------------------------


def _reviewable(store: Store, user: User, moderation_id: int) -> tuple[dict[str, Any], Rubric]:
    """The moderation, if ``user`` may see both gradings of it; else Refused."""
    require_role(user, Role.MODERATOR, Role.LEAD, doing="review a moderation")
    row = _row(store, moderation_id)
    if row["audit_id"] is None:
        raise BadInput(
            f"moderation {moderation_id} came in a pack from "
            f"{row.get('source_authority') or 'another authority'}; it is reviewed there,"
            " after you send it back with `moderator pack return`"
        )
    if user.role is Role.MODERATOR and row["moderator_id"] != user.id:
        raise Refused(f"moderation {moderation_id} is not {user.name}'s")
    if row["status"] in ("todo", "draft"):
        raise Refused(
            f"moderation {moderation_id} is not submitted yet: the manager's grading stays"
            " hidden until the blind grading is submitted"
        )
    # The one blindness check, whatever the status says.
    if not can_see_manager_grades(store, user, row["audit_id"]):
        raise Refused(f"{user.name} may not see the manager's grading of audit {row['audit_id']}")
    return row, rubric_by_hash(store, row["rubric_hash"])


def _outcome(manager: Grade | None, moderated: Grade | None) -> Outcome | None:
    if manager is None or moderated is None:
        return None
    if moderated == manager:
        return "agreed"
    return "downgraded" if moderated > manager else "upgraded"


def _comparison(store: Store, row: dict[str, Any], rubric: Rubric) -> ModerationComparison:
    audit = store.row(
        "SELECT a.overall_grade, u.name AS manager FROM audits a"
        " JOIN users u ON u.id = a.manager_id WHERE a.id = ?",
        [row["audit_id"]],
    )
    assert audit is not None
    manager_rows = {
        r["criterion"]: r
        for r in store.rows(
            "SELECT criterion, grade, note FROM criterion_grades WHERE audit_id = ?",
            [row["audit_id"]],
        )
    }
    moderator_rows = {
        r["criterion"]: r
        for r in store.rows(
            "SELECT criterion, grade, note, moderated_grade, rationale FROM moderation_grades"
            " WHERE moderation_id = ?",
            [row["id"]],
        )
    }
    rows: list[ComparisonRow] = []
    for crit in rubric.criteria:
        mg = manager_rows.get(crit.id, {})
        md = moderator_rows.get(crit.id, {})
        manager_grade = Grade.parse_optional(mg.get("grade"))
        moderator_grade = Grade.parse_optional(md.get("grade"))
        agreed = manager_grade is not None and manager_grade == moderator_grade
        decided_grade = Grade.parse_optional(md.get("moderated_grade"))
        rationale = md.get("rationale") or None
        moderated = manager_grade if agreed else decided_grade
        rows.append(
            ComparisonRow(
                criterion=crit.id,
                title=crit.title,
                domain=rubric.domain_of(crit.id).title,
                limiting=crit.limiting,
                manager_grade=manager_grade,
                manager_note=mg.get("note") or "",
                moderator_grade=moderator_grade,
                moderator_note=md.get("note") or "",
                drift=(
                    None
                    if manager_grade is None or moderator_grade is None
                    else int(moderator_grade) - int(manager_grade)
                ),
                agreed=agreed,
                moderated_grade=moderated,
                rationale=rationale,
                descriptor=None if moderated is None else crit.descriptors.for_grade(moderated),
                decided=agreed or (decided_grade is not None and bool(rationale)),
            )
        )
    order = {r.criterion: i for i, r in enumerate(rows)}
    rows.sort(key=lambda r: (r.agreed, -abs(r.drift or 0), order[r.criterion]))
    moderated_entries = [
        CriterionEntry(criterion=r.criterion, grade=r.moderated_grade) for r in rows
    ]
    override = Grade.parse_optional(row["moderated_override"])
    moderated_overall = overall_view(rubric, moderated_entries, override, row["overall_rationale"])
    manager_overall = Grade.parse_optional(audit["overall_grade"])
    if row["status"] == "reviewed":
        outcome: Outcome | None = row["outcome"]
    else:
        complete = all(r.decided for r in rows)
        outcome = _outcome(manager_overall, moderated_overall.final) if complete else None
    return ModerationComparison(
        moderation_id=row["id"],
        audit_id=row["audit_id"],
        case_ref=row["case_ref"],
        manager=audit["manager"],
        moderator=row["moderator_name"],
        status=row["status"],
        rows=rows,
        manager_overall=manager_overall,
        moderator_overall=Grade.parse_optional(row["overall_grade"]),
        moderated_overall=moderated_overall,
        outcome=outcome,
        to_decide=[r.criterion for r in rows if not r.decided],
    )


def compare_moderation(store: Store, user: User, moderation_id: int) -> ModerationComparison:
    """Both gradings side by side, disagreements first (only after the blind grading is submitted).

    Refused for a moderator before they submit, and for anyone but the
    moderation's own moderator or a lead.
    """
    row, rubric = _reviewable(store, user, moderation_id)
    return _comparison(store, row, rubric)


def _open_review(store: Store, user: User, moderation_id: int) -> tuple[dict[str, Any], Rubric]:
    row, rubric = _reviewable(store, user, moderation_id)
    if row["status"] == "reviewed":
        raise Refused(f"moderation {moderation_id} is reviewed and read-only")
    return row, rubric


def record_review(
    store: Store,
    user: User,
    moderation_id: int,
    criterion: str,
    grade: Grade,
    rationale: str,
) -> ModerationComparison:
    """Record the moderated grade and its rationale for one disagreement.

    The rationale is required: it should say which rubric descriptor the
    evidence meets (the comparison shows the descriptor of the chosen grade).
    Criteria where manager and moderator agree take the agreed grade and
    cannot be decided here.
    """
    row, rubric = _open_review(store, user, moderation_id)
    _check_criterion(rubric, criterion)
    rationale = require_plain_text((rationale or "").strip(), "rationale")
    if not rationale:
        raise BadInput(
            f"{rubric.criterion(criterion).title}: a disagreement needs a rationale"
            " (which descriptor does the evidence meet, and why?)"
        )
    if len(rationale) > MAX_NOTE:
        raise BadInput(f"rationale is too long ({len(rationale)} > {MAX_NOTE} characters)")
    comparison = _comparison(store, row, rubric)
    current = next(r for r in comparison.rows if r.criterion == criterion)
    if current.agreed:
        raise BadInput(
            f"{current.title}: manager and moderator agreed ({current.moderated_grade}); "
            "the agreed grade stands"
        )
    old = store.row(
        "SELECT moderated_grade, rationale FROM moderation_grades"
        " WHERE moderation_id = ? AND criterion = ?",
        [moderation_id, criterion],
    )
    if old is None:
        raise BadInput(f"{current.title}: the moderator did not grade this criterion")
    with store.transaction():
        stamp = store.now()
        store.execute(
            "UPDATE moderation_grades SET moderated_grade = ?, rationale = ?, updated_at = ?"
            " WHERE moderation_id = ? AND criterion = ?",
            (int(grade), rationale, stamp, moderation_id, criterion),
        )
        store.execute("UPDATE moderations SET updated_at = ? WHERE id = ?", (stamp, moderation_id))
        store.record_event(
            user.name,
            "moderation.review",
            "moderation",
            moderation_id,
            field=criterion,
            before=Grade.parse_optional(old["moderated_grade"]),
            after=grade.label,
            detail={
                "manager": None if current.manager_grade is None else current.manager_grade.label,
                "moderator": (
                    None if current.moderator_grade is None else current.moderator_grade.label
                ),
                "rationale_chars": len(rationale),
            },
            at=stamp,
        )
    return compare_moderation(store, user, moderation_id)


def set_moderated_overall(
    store: Store, user: User, moderation_id: int, grade: Grade | None, reason: str | None
) -> ModerationComparison:
    """Override the derived moderated overall grade (a reason is required), or clear it."""
    row, _rubric = _open_review(store, user, moderation_id)
    reason = require_plain_text((reason or "").strip(), "reason")
    if grade is not None and not reason:
        raise BadInput("overriding the moderated overall grade needs a written reason")
    if len(reason) > MAX_REASON:
        raise BadInput(f"reason is too long ({len(reason)} > {MAX_REASON} characters)")
    old = row["moderated_override"]
    with store.transaction():
        stamp = store.now()
        store.execute(
            "UPDATE moderations SET moderated_override = ?, overall_rationale = ?, updated_at = ?"
            " WHERE id = ?",
            (None if grade is None else int(grade), reason or None, stamp, moderation_id),
        )
        store.record_event(
            user.name,
            "moderation.review_override",
            "moderation",
            moderation_id,
            field="overall",
            before=None if old is None else Grade(old).label,
            after=None if grade is None else grade.label,
            detail={"reason_chars": len(reason)},
            at=stamp,
        )
    return compare_moderation(store, user, moderation_id)


def complete_review(store: Store, user: User, moderation_id: int) -> ModerationComparison:
    """Finish the review: every disagreement decided with a rationale, then lock it.

    Agreed criteria take the agreed grade; the moderated overall grade is
    derived from the moderated criterion grades by the rubric's rule (or the
    override, with its reason); the outcome compares it with the manager's
    overall grade. The manager can then read the outcome on their audit.
    """
    row, rubric = _open_review(store, user, moderation_id)
    comparison = _comparison(store, row, rubric)
    problems = [
        f"  - {r.title}: {'no moderated grade' if r.moderated_grade is None else 'no rationale'}"
        f" (manager {r.manager_grade}, moderator {r.moderator_grade})"
        for r in comparison.rows
        if not r.decided
    ]
    overall = comparison.moderated_overall
    if overall.override is not None and not overall.override_reason:
        problems.append("  - moderated overall override has no reason")
    if problems:
        raise BadInput(
            f"review of moderation {moderation_id} is not complete ({len(problems)} to do)",
            details=problems,
        )
    final = overall.final
    assert final is not None
    outcome = _outcome(comparison.manager_overall, final)
    with store.transaction():
        stamp = store.now()
        for r in comparison.rows:
            if r.agreed:
                store.execute(
                    "UPDATE moderation_grades SET moderated_grade = ?, updated_at = ?"
                    " WHERE moderation_id = ? AND criterion = ?",
                    (int(r.moderated_grade or 0), stamp, moderation_id, r.criterion),
                )
        store.execute(
            "UPDATE moderations SET status = 'reviewed', moderated_overall = ?, outcome = ?,"
            " reviewed_at = ?, reviewed_by = ?, updated_at = ? WHERE id = ?",
            (int(final), outcome, stamp, user.name, stamp, moderation_id),
        )
        store.record_event(
            user.name,
            "moderation.reviewed",
            "moderation",
            moderation_id,
            field="overall",
            before=None if comparison.manager_overall is None else comparison.manager_overall.label,
            after=final.label,
            detail={
                "audit_id": row["audit_id"],
                "outcome": outcome,
                "disagreements": len(comparison.disagreements),
            },
            at=stamp,
        )
    return compare_moderation(store, user, moderation_id)


# -- export ---------------------------------------------------------------------------

PAIRED_COLUMNS = (
    "audit_id",
    "case_ref",
    "rubric",
    "criterion",
    "manager",
    "team",
    "service_area",
    "audited_on",
    "manager_grade",
    "moderated_grade",
)


def paired_grades(store: Store, user: User) -> list[dict[str, Any]]:
    """Manager and moderated grades per audit × criterion (PRODUCT.md §7 paired-grades rows).

    One row per criterion and one ``overall`` row for every submitted audit the
    user may see the manager's grades of: all for a lead, their own for a
    manager, and for a moderator only the audits whose moderation they have
    submitted. ``moderated_grade`` is filled once the review is complete.
    Grades are in full words.
    """
    params: list[Any] = []
    where = "a.status = 'submitted'"
    if user.role is Role.MANAGER:
        where += " AND a.manager_id = ?"
        params.append(user.id)
    elif user.role is Role.MODERATOR:
        where += " AND a.id IN (SELECT audit_id FROM moderations WHERE moderator_id = ?)"
        params.append(user.id)
    audits = store.rows(
        "SELECT a.id, a.rubric_hash, a.overall_grade, a.submitted_at, c.case_ref, c.team,"
        " c.service_area, u.name AS manager, m.id AS moderation_id, m.status AS m_status,"
        " m.moderated_overall"
        " FROM audits a JOIN cases c ON c.id = a.case_id JOIN users u ON u.id = a.manager_id"
        " LEFT JOIN moderations m ON m.audit_id = a.id"
        f" WHERE {where} ORDER BY a.id",
        params,
    )
    # Two bulk reads rather than two queries per audit: a lead exports everything.
    manager_grades: dict[int, dict[str, int | None]] = defaultdict(dict)
    for r in store.rows(
        "SELECT g.audit_id, g.criterion, g.grade FROM criterion_grades g"
        f" JOIN audits a ON a.id = g.audit_id WHERE {where}",
        params,
    ):
        manager_grades[r["audit_id"]][r["criterion"]] = r["grade"]
    moderated_grades: dict[int, dict[str, int | None]] = defaultdict(dict)
    for r in store.rows(
        "SELECT m.audit_id, g.criterion, g.moderated_grade FROM moderation_grades g"
        " JOIN moderations m ON m.id = g.moderation_id JOIN audits a ON a.id = m.audit_id"
        f" WHERE m.status = 'reviewed' AND {where}",
        params,
    ):
        moderated_grades[r["audit_id"]][r["criterion"]] = r["moderated_grade"]
    out: list[dict[str, Any]] = []
    for a in audits:
        # The one blindness check, for every audit a non-lead would get.
        if user.role is not Role.LEAD and not can_see_manager_grades(store, user, a["id"]):
            continue
        rubric = rubric_by_hash(store, a["rubric_hash"])
        reviewed = a["m_status"] == "reviewed"
        manager = manager_grades.get(a["id"], {})
        moderated = moderated_grades.get(a["id"], {}) if reviewed else {}
        base = {
            "audit_id": a["id"],
            "case_ref": a["case_ref"],
            "rubric": rubric.id,
            "manager": a["manager"],
            "team": a["team"],
            "service_area": a["service_area"],
            "audited_on": (a["submitted_at"] or "")[:10],
        }
        for crit in rubric.criteria:
            out.append(
                {
                    **base,
                    "criterion": crit.id,
                    "manager_grade": _label(manager.get(crit.id)),
                    "moderated_grade": _label(moderated.get(crit.id)),
                }
            )
        out.append(
            {
                **base,
                "criterion": "overall",
                "manager_grade": _label(a["overall_grade"]),
                "moderated_grade": _label(a["moderated_overall"] if reviewed else None),
            }
        )
    return [{k: r[k] for k in PAIRED_COLUMNS} for r in out]


def _label(value: Any) -> str:
    grade = Grade.parse_optional(value)
    return "" if grade is None else grade.label


def moderation_of_audit(store: Store, user: User, audit_id: int) -> tuple[int, str]:
    """The id and status of this moderator's moderation of an audit.

    Raises:
        Refused: the user has no moderation of this audit.
    """
    row = store.row(
        "SELECT id, status FROM moderations WHERE audit_id = ? AND moderator_id = ?",
        [audit_id, user.id],
    )
    if row is None:
        raise Refused(f"{user.name} has no moderation of audit {audit_id}")
    return int(row["id"]), str(row["status"])
