"""Report inputs from the database: paired grades and assignments, as the viewer may see them.

A lead's report covers every submitted audit and is read column by column
straight from SQL (100,000 audits x 12 criteria in seconds); a manager sees
only their own audits, and a moderator only audits whose moderation they have
submitted, through the same blindness check as every other path
(:func:`moderator.services.moderation.paired_grades`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from moderator.analysis.inputs import Assignment, ReportFilters
from moderator.services.rubrics import rubric_by_hash
from moderator.services.users import Role, User, get_user
from moderator.store import Store, open_store

if TYPE_CHECKING:
    from moderator.analysis.pairs import PairedGrades


def _filter_sql(filters: ReportFilters | None) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if filters is None:
        return "", params
    if filters.since:
        clauses.append("substr(a.submitted_at, 1, 10) >= ?")
        params.append(filters.since.isoformat())
    if filters.until:
        clauses.append("substr(a.submitted_at, 1, 10) <= ?")
        params.append(filters.until.isoformat())
    if filters.team:
        clauses.append("c.team = ? COLLATE NOCASE")
        params.append(filters.team)
    if filters.rubric:
        clauses.append("r.id = ? COLLATE NOCASE")
        params.append(filters.rubric)
    return "".join(f" AND {c}" for c in clauses), params


def lead_paired_grades(store: Store, filters: ReportFilters | None = None) -> PairedGrades:
    """Every submitted audit's paired grades, read as columns (the lead's view).

    The moderated grade is the reviewed one: a moderation counts once its
    disagreements have been reviewed, as in :func:`~moderator.services.moderation.paired_grades`.
    """
    from moderator.analysis.pairs import PairedGrades

    where, params = _filter_sql(filters)
    base = (
        " FROM audits a JOIN cases c ON c.id = a.case_id JOIN users u ON u.id = a.manager_id"
        " JOIN rubrics r ON r.hash = a.rubric_hash"
        " LEFT JOIN moderations m ON m.audit_id = a.id AND m.status = 'reviewed'"
    )
    criterion_sql = (
        "SELECT a.id, c.case_ref, r.id, g.criterion, u.name, c.team, c.service_area,"
        " substr(a.submitted_at, 1, 10), g.grade, mg.moderated_grade, a.rubric_hash"
        + base
        + " JOIN criterion_grades g ON g.audit_id = a.id"
        " LEFT JOIN moderation_grades mg ON mg.moderation_id = m.id AND mg.criterion = g.criterion"
        " WHERE a.status = 'submitted'" + where
    )
    overall_sql = (
        "SELECT a.id, c.case_ref, r.id, 'overall', u.name, c.team, c.service_area,"
        " substr(a.submitted_at, 1, 10), a.overall_grade, m.moderated_overall, a.rubric_hash"
        + base
        + " WHERE a.status = 'submitted'"
        + where
    )
    rows = store.execute(
        f"{criterion_sql} UNION ALL {overall_sql} ORDER BY 1", [*params, *params]
    ).fetchall()
    if not rows:
        return PairedGrades.empty()
    columns: list[list[Any]] = [list(col) for col in zip(*rows, strict=True)]
    domains: dict[tuple[str, str], str] = {}
    for digest in set(columns[10]):
        rubric = rubric_by_hash(store, digest)
        for domain in rubric.domains:
            for crit in domain.criteria:
                domains[(digest, crit.id)] = domain.id
    domain_col = [
        "" if crit == "overall" else domains.get((digest, crit), "")
        for digest, crit in zip(columns[10], columns[3], strict=True)
    ]
    return PairedGrades.from_columns(
        {
            "audit_id": [str(v) for v in columns[0]],
            "case_ref": columns[1],
            "rubric": columns[2],
            "criterion": columns[3],
            "manager": columns[4],
            "team": columns[5],
            "service_area": columns[6],
            "audited_on": columns[7],
            "manager_grade": columns[8],
            "moderated_grade": columns[9],
            "domain": domain_col,
        },
        source="audit row",
    )


def assignments_for(store: Store, user: User) -> list[Assignment]:
    """Audits assigned with a due date (what compliance is measured against)."""
    sql = (
        "SELECT u.name, coalesce(u.team, c.team) AS team, a.due, a.submitted_at"
        " FROM audits a JOIN users u ON u.id = a.manager_id JOIN cases c ON c.id = a.case_id"
        " WHERE a.due IS NOT NULL"
    )
    params: list[Any] = []
    if user.role is Role.MANAGER:
        sql += " AND a.manager_id = ?"
        params.append(user.id)
    elif user.role is Role.MODERATOR:
        return []
    out = []
    for name, team, due, submitted in store.execute(sql, params):
        out.append(
            Assignment(
                manager=name,
                team=team or "",
                due=date.fromisoformat(due),
                submitted_on=None if not submitted else date.fromisoformat(submitted[:10]),
            )
        )
    return out


def report_inputs(
    store: Store, user: User, filters: ReportFilters | None = None
) -> tuple[PairedGrades, list[Assignment]]:
    """Paired grades and assignments this user may see."""
    from moderator.analysis.pairs import PairedGrades

    if user.role is Role.LEAD:
        return lead_paired_grades(store, filters), assignments_for(store, user)
    from moderator.services.moderation import paired_grades

    rows = paired_grades(store, user)
    pairs = PairedGrades.from_rows(rows) if rows else PairedGrades.empty()
    return pairs, assignments_for(store, user)


def load_report_inputs(
    db_path: Path, user_name: str | None, filters: ReportFilters | None = None
) -> tuple[PairedGrades, list[Assignment]]:
    """Open the database and load the report inputs for ``user_name`` (see :func:`report_inputs`)."""
    with open_store(db_path, create=False) as store:
        user = get_user(store, user_name)
        return report_inputs(store, user, filters)
