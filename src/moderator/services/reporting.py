"""Drift-report inputs from the database, as the viewer may see them.

A lead's report covers every submitted audit and is counted by SQLite: a few
``GROUP BY`` queries give the count tables every statistic is computed from
(:mod:`moderator.analysis.counts`), so no paired row crosses into Python.
A manager sees only their own audits, and a moderator only audits whose
moderation they have submitted, through the same blindness check as every
other path (:func:`moderator.services.moderation.paired_grades`); those views
are small and are counted from their rows. The paired rows themselves
(:func:`report_inputs`) are read only to export them or to list the audits
behind a number.
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
    from moderator.analysis.counts import GradeCounts, Overrides
    from moderator.analysis.pairs import PairedGrades

_JOINS = (
    " FROM audits a JOIN cases c ON c.id = a.case_id JOIN users u ON u.id = a.manager_id"
    " JOIN rubrics r ON r.hash = a.rubric_hash"
)


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
    """Audits assigned with a due date (what compliance is measured against), counted:
    one entry per manager, team, due date and outcome (on time, late, not submitted)."""
    sql = (
        "SELECT u.name, coalesce(u.team, c.team) AS team, a.due,"
        " max(substr(a.submitted_at, 1, 10)) AS submitted, count(*) AS n"
        " FROM audits a JOIN users u ON u.id = a.manager_id JOIN cases c ON c.id = a.case_id"
        " WHERE a.due IS NOT NULL"
    )
    params: list[Any] = []
    if user.role is Role.MANAGER:
        sql += " AND a.manager_id = ?"
        params.append(user.id)
    elif user.role is Role.MODERATOR:
        return []
    # The outcome classes keep max(submitted) on the same side of the due date.
    sql += (
        " GROUP BY 1, 2, 3, a.submitted_at IS NULL,"
        " substr(a.submitted_at, 1, 10) <= a.due ORDER BY 1, 2, 3"
    )
    return [
        Assignment(
            manager=r["name"],
            team=r["team"] or "",
            due=date.fromisoformat(r["due"]),
            submitted_on=None if not r["submitted"] else date.fromisoformat(r["submitted"]),
            count=r["n"],
        )
        for r in store.rows(sql, params)
    ]


def lead_counts(store: Store, filters: ReportFilters | None = None) -> GradeCounts:
    """Every submitted audit, counted by SQLite into the report's count tables (the lead's view).

    The moderated grade is the reviewed one: a moderation counts once its
    disagreements have been reviewed, as in
    :func:`~moderator.services.moderation.paired_grades`.
    """
    from moderator.analysis.counts import GradeCounts, audit_counts, criterion_counts

    where, params = _filter_sql(filters)
    audits = store.rows(
        "SELECT u.name, c.team, c.service_area, r.id, substr(a.submitted_at, 1, 7),"
        " a.overall_grade, m.moderated_overall, m.moderated_overall IS NOT NULL, count(*)"
        + _JOINS
        + " LEFT JOIN moderations m ON m.audit_id = a.id AND m.status = 'reviewed'"
        " WHERE a.status = 'submitted'" + where + " GROUP BY 1, 2, 3, 4, 5, 6, 7",
        params,
    )
    grades = store.rows(
        "SELECT a.rubric_hash, g.criterion, g.grade, mg.moderated_grade, count(*)"
        # the joins are needed only to filter by team or rubric
        + (_JOINS if where else " FROM audits a")
        + " JOIN criterion_grades g ON g.audit_id = a.id"
        " LEFT JOIN moderations m ON m.audit_id = a.id AND m.status = 'reviewed'"
        " LEFT JOIN moderation_grades mg ON mg.moderation_id = m.id AND mg.criterion = g.criterion"
        " WHERE a.status = 'submitted' AND g.grade IS NOT NULL" + where + " GROUP BY 1, 2, 3, 4",
        params,
    )
    columns = _columns(audits, 9)
    hashes, criteria, grade, moderated, count = _columns(grades, 5)
    rubric_ids, domains = _rubric_labels(store, hashes, criteria)
    return GradeCounts(
        audits=audit_counts(columns),
        criteria=criterion_counts([rubric_ids, criteria, domains, grade, moderated, count]),
        overrides=override_counts(store, where, params),
    )


def override_counts(
    store: Store, where: str = "", params: list[Any] | None = None, audits: set[int] | None = None
) -> Overrides:
    """Per manager, overall grades set by hand and how many raised or lowered the derived grade.

    Only the overridden audits' criterion grades are read, to derive the grade the
    rubric would have given. ``audits`` limits the count to those audit ids.
    """
    from moderator.analysis.counts import Overrides

    found: dict[int, dict[str, Any]] = {}
    for r in store.rows(
        "SELECT a.id, u.name, a.rubric_hash, a.overall_override, g.criterion, g.grade"
        + _JOINS
        + " JOIN criterion_grades g ON g.audit_id = a.id"
        " WHERE a.status = 'submitted' AND a.overall_override IS NOT NULL" + where,
        params or [],
    ):
        if audits is not None and r["id"] not in audits:
            continue
        entry = found.setdefault(
            r["id"],
            {"manager": r["name"], "hash": r["rubric_hash"], "override": r["overall_override"]},
        )
        entry.setdefault("grades", {})[r["criterion"]] = r["grade"]
    counts: dict[str, list[int]] = {}
    for entry in found.values():
        tally = counts.setdefault(entry["manager"], [0, 0, 0])
        tally[0] += 1
        derived = rubric_by_hash(store, entry["hash"]).derive_overall(entry["grades"])
        if derived is not None and entry["override"] < int(derived.grade):
            tally[1] += 1  # a smaller number is a better grade
        elif derived is not None and entry["override"] > int(derived.grade):
            tally[2] += 1
    return Overrides({name: (c[0], c[1], c[2]) for name, c in counts.items()})


def _columns(rows: list[dict[str, Any]], width: int) -> list[list[Any]]:
    """The rows' values column by column (``width`` columns, even when there are no rows)."""
    if not rows:
        return [[] for _ in range(width)]
    return [list(column) for column in zip(*(r.values() for r in rows), strict=True)]


def _rubric_labels(
    store: Store, hashes: list[Any], criteria: list[Any]
) -> tuple[list[str], list[str]]:
    """The rubric id and the criterion's domain for each (rubric hash, criterion)."""
    known: dict[str, tuple[str, dict[str, str]]] = {}
    for digest in set(hashes):
        rubric = rubric_by_hash(store, digest)
        known[digest] = (rubric.id, {c.id: d.id for d in rubric.domains for c in d.criteria})
    ids = [known[h][0] for h in hashes]
    domains = [known[h][1].get(c, "") for h, c in zip(hashes, criteria, strict=True)]
    return ids, domains


def report_counts(
    store: Store, user: User, filters: ReportFilters | None = None
) -> tuple[GradeCounts, list[Assignment]]:
    """The count tables and assignments of the report this user may see."""
    if user.role is Role.LEAD:
        return lead_counts(store, filters), assignments_for(store, user)
    from moderator.analysis.build import apply_filters
    from moderator.analysis.counts import counts_from_pairs

    pairs, assignments = report_inputs(store, user, filters)
    where, params = _filter_sql(filters)
    if user.role is Role.MANAGER:
        where, params = where + " AND a.manager_id = ?", [*params, user.id]
    visible = {int(a) for a in pairs.audit_id.levels if a.isdigit()}
    overrides = override_counts(store, where, params, audits=visible)
    return counts_from_pairs(apply_filters(pairs, filters), overrides), assignments


def load_report_counts(
    db_path: Path, user_name: str | None, filters: ReportFilters | None = None
) -> tuple[GradeCounts, list[Assignment]]:
    """Open the database and count the report for ``user_name`` (see :func:`report_counts`)."""
    with open_store(db_path, create=False) as store:
        user = get_user(store, user_name)
        return report_counts(store, user, filters)


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
