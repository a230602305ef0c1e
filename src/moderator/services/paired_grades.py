"""Paired grades: the manager's and the moderated grade per audit and criterion, for export."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from moderator.domain.grades import Grade
from moderator.services.audits import can_see_manager_grades
from moderator.services.rubrics import rubric_by_hash
from moderator.services.users import Role, User
from moderator.store.db import Store


def paired_grades(store: Store, user: User) -> list[dict[str, Any]]:
    """Manager and moderated grades per audit × criterion (the paired-grades rows).

    One row per criterion and one ``overall`` row for every submitted audit the
    user may see the manager's grades of: all for a lead, their own for a
    manager, and for a moderator only the audits whose moderation they have
    submitted. ``moderated_grade`` is filled once the review is complete.
    Grades are in full words.
    """
    params: list[Any] = []
    # Calibration audits are measured against agreed grades, not moderation.
    where = (
        "a.status = 'submitted'"
        " AND NOT EXISTS (SELECT 1 FROM calibration_audits k WHERE k.audit_id = a.id)"
    )
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
        # Keys in the CSV column order (analysis.pairs.HEADER), so rows are written as built.
        head = {"audit_id": a["id"], "case_ref": a["case_ref"], "rubric": rubric.id}
        who = {
            "manager": a["manager"],
            "team": a["team"],
            "service_area": a["service_area"],
            "audited_on": (a["submitted_at"] or "")[:10],
        }
        grades = [(c.id, manager.get(c.id), moderated.get(c.id)) for c in rubric.criteria]
        grades.append(("overall", a["overall_grade"], a["moderated_overall"] if reviewed else None))
        out.extend(
            {
                **head,
                "criterion": criterion,
                **who,
                "manager_grade": _label(mine),
                "moderated_grade": _label(theirs),
            }
            for criterion, mine, theirs in grades
        )
    return out


def _label(value: Any) -> str:
    grade = Grade.parse_optional(value)
    return "" if grade is None else grade.label
