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

    Both queries read one snapshot, so an audit submitted meanwhile is wholly
    in or wholly out; other threads keep writing while it reads.

    The moderated grade is the reviewed one: a moderation counts once its
    disagreements have been reviewed, as in
    :func:`~moderator.services.moderation.paired_grades`. Audit-level columns
    are read once per audit and expanded by index; criterion grades are
    streamed in chunks into integer arrays, so 100,000 audits x 12 criteria
    stay well under a second of SQL and a modest amount of memory.
    """
    with store.snapshot():
        return _lead_paired_grades(store, filters)


def _lead_paired_grades(store: Store, filters: ReportFilters | None) -> PairedGrades:
    import numpy as np

    from moderator.analysis.pairs import Categorical, PairedGrades

    where, params = _filter_sql(filters)
    joins = (
        " FROM audits a JOIN cases c ON c.id = a.case_id JOIN users u ON u.id = a.manager_id"
        " JOIN rubrics r ON r.hash = a.rubric_hash"
    )
    audits = store.execute(
        "SELECT a.id, c.case_ref, r.id, u.name, c.team, c.service_area,"
        " substr(a.submitted_at, 1, 10), a.overall_grade,"
        " (SELECT m.moderated_overall FROM moderations m"
        "   WHERE m.audit_id = a.id AND m.status = 'reviewed'), a.rubric_hash"
        + joins
        + " WHERE a.status = 'submitted'"
        + where
        + " ORDER BY a.id",
        params,
    ).fetchall()
    if not audits:
        return PairedGrades.empty()
    cols = list(zip(*audits, strict=True))
    audit_ids = np.asarray(cols[0], dtype=np.int64)

    def categorical(values: tuple[Any, ...]) -> Categorical:
        return Categorical.from_values(["" if v is None else str(v) for v in values])

    per_audit = {
        "audit_id": categorical(cols[0]),
        "case_ref": categorical(cols[1]),
        "rubric": categorical(cols[2]),
        "manager": categorical(cols[3]),
        "team": categorical(cols[4]),
        "service_area": categorical(cols[5]),
    }
    hashes = categorical(cols[9])
    dates = np.asarray(cols[6], dtype="datetime64[D]")
    overall = np.asarray(cols[7], dtype=np.int8)
    moderated_overall = np.asarray([v or 0 for v in cols[8]], dtype=np.int8)

    criteria: dict[str, int] = {}
    rows_audit: list[Any] = []
    rows_crit: list[Any] = []
    rows_grade: list[Any] = []
    rows_moderated: list[Any] = []
    chunks = store.stream(
        "SELECT g.audit_id, g.criterion, g.grade, mg.moderated_grade"
        # the joins are needed only to filter by team or rubric
        + (joins if where else " FROM audits a")
        + " JOIN criterion_grades g ON g.audit_id = a.id"
        " LEFT JOIN moderations m ON m.audit_id = a.id AND m.status = 'reviewed'"
        " LEFT JOIN moderation_grades mg ON mg.moderation_id = m.id AND mg.criterion = g.criterion"
        " WHERE a.status = 'submitted' AND g.grade IS NOT NULL" + where,
        params,
        200_000,
    )
    for chunk in chunks:
        ids, crits, grades, moderated = zip(*chunk, strict=True)
        rows_audit.append(np.asarray(ids, dtype=np.int64))
        rows_crit.append(
            np.fromiter(
                (criteria.setdefault(c, len(criteria)) for c in crits),
                dtype=np.int32,
                count=len(crits),
            )
        )
        rows_grade.append(np.asarray(grades, dtype=np.int8))
        rows_moderated.append(np.asarray([m or 0 for m in moderated], dtype=np.int8))
    if rows_audit:
        index = np.searchsorted(audit_ids, np.concatenate(rows_audit)).astype(np.int64)
        crit_codes = np.concatenate(rows_crit)
        grade = np.concatenate(rows_grade)
        moderated_grade = np.concatenate(rows_moderated)
    else:
        index = np.zeros(0, dtype=np.int64)
        crit_codes = np.zeros(0, dtype=np.int32)
        grade = moderated_grade = np.zeros(0, dtype=np.int8)

    # One overall row per audit after the criterion rows.
    n_audits = len(audit_ids)
    all_index = np.concatenate([index, np.arange(n_audits, dtype=np.int64)])
    overall_code = len(criteria)
    crit_levels = (*criteria, "overall")
    criterion = Categorical(
        np.concatenate([crit_codes, np.full(n_audits, overall_code, dtype=np.int32)]),
        crit_levels,
    )

    # The rubric domain of each criterion row, looked up once per (rubric, criterion).
    domain_levels: dict[str, int] = {"": 0}
    lut = np.zeros((len(hashes.levels), len(crit_levels)), dtype=np.int32)
    for h_code, digest in enumerate(hashes.levels):
        rubric = rubric_by_hash(store, digest)
        for dom in rubric.domains:
            for crit in dom.criteria:
                if crit.id in criteria:
                    code = domain_levels.setdefault(dom.id, len(domain_levels))
                    lut[h_code, criteria[crit.id]] = code
    domain = Categorical(lut[hashes.codes[all_index], criterion.codes], tuple(domain_levels))

    return PairedGrades(
        **{name: cat.take(all_index) for name, cat in per_audit.items()},
        criterion=criterion,
        audited_on=dates[all_index],
        manager_grade=np.concatenate([grade, overall]),
        moderated_grade=np.concatenate([moderated_grade, moderated_overall]),
        domain=domain,
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
        with store.snapshot():  # the figures and the compliance from one moment
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
