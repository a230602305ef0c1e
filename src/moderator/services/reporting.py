"""Drift-report inputs from the database, as the viewer may see them.

A lead's report covers every submitted audit and is counted by SQLite: a few
``GROUP BY`` queries give the count tables every statistic is computed from
(:mod:`moderator.analysis.counts`), so no paired row crosses into Python.
A manager sees only their own audits, and a moderator only audits whose
moderation they have submitted, through the same blindness check as every
other path (:func:`moderator.services.moderation.paired_grades`); those views
are small and are counted from their rows. The paired rows themselves
(:mod:`moderator.services.paired_rows`) are read only to export them or to
list the audits behind a number.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from moderator.analysis.inputs import Assignment, ReportFilters
from moderator.services.rubrics import rubric_by_hash
from moderator.services.users import Role, User, get_user
from moderator.store import Store, open_store

if TYPE_CHECKING:
    from moderator.analysis.counts import GradeCounts, Overrides

JOINS = (
    " FROM audits a JOIN cases c ON c.id = a.case_id JOIN users u ON u.id = a.manager_id"
    " JOIN rubrics r ON r.hash = a.rubric_hash"
)


def needs_joins(filters: ReportFilters | None) -> bool:
    """Whether the filters name a team or a rubric, which need cases/users/rubrics joined."""
    return filters is not None and bool(filters.team or filters.rubric)


def filter_sql(
    filters: ReportFilters | None, *, calibration: bool = False
) -> tuple[str, list[Any]]:
    """SQL conditions (each starting `` AND``) and parameters for the report's filters.

    Calibration audits are always left out: they are measured against agreed
    grades (``calibration_stats``), never moderated, so they stay out of drift
    and coverage. ``calibration`` turns that round: only the calibration audits
    the filters take in (to say how many were left out).
    """
    calibration_audit = "EXISTS (SELECT 1 FROM calibration_audits k WHERE k.audit_id = a.id)"
    clauses: list[str] = [calibration_audit if calibration else f"NOT {calibration_audit}"]
    params: list[Any] = []
    if filters is None:
        return "".join(f" AND {c}" for c in clauses), params
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


def calibration_left_out(store: Store, user: User, filters: ReportFilters | None = None) -> int:
    """Submitted calibration audits this user's report would take in but leaves out.

    A manager's own (they see the agreed grades once they submit), every one for a lead,
    none for a moderator (calibration audits are never moderated).
    """
    if user.role is Role.MODERATOR:
        return 0
    where, params = filter_sql(filters, calibration=True)
    if user.role is Role.MANAGER:
        where, params = where + " AND a.manager_id = ?", [*params, user.id]
    sql = "SELECT count(*)" + JOINS + " WHERE a.status = 'submitted'" + where
    return int(store.scalar(sql, params) or 0)


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
    with store.snapshot():  # the counts, all from one moment
        return _lead_counts(store, filters)


def _lead_counts(store: Store, filters: ReportFilters | None) -> GradeCounts:
    from moderator.analysis.counts import GradeCounts, audit_counts, criterion_counts

    where, params = filter_sql(filters)
    # Grouped by ids (names and rubric ids looked up once each), joining users and
    # rubrics only when a filter needs them.
    audits = _grouped(
        store,
        "SELECT a.manager_id, c.team, c.service_area, a.rubric_hash,"
        " substr(a.submitted_at, 1, 7) AS month, a.overall_grade, m.moderated_overall,"
        " m.moderated_overall IS NOT NULL AS moderated, count(*) AS n"
        + (JOINS if needs_joins(filters) else " FROM audits a JOIN cases c ON c.id = a.case_id")
        + " LEFT JOIN moderations m ON m.audit_id = a.id AND m.status = 'reviewed'"
        " WHERE a.status = 'submitted'" + where + " GROUP BY 1, 2, 3, 4, 5, 6, 7",
        params,
    )
    grades = _grouped(
        store,
        "SELECT a.rubric_hash, g.criterion, g.grade, mg.moderated_grade, count(*) AS n"
        # the joins are needed only to filter by team or rubric
        + (JOINS if needs_joins(filters) else " FROM audits a")
        + " JOIN criterion_grades g ON g.audit_id = a.id"
        " LEFT JOIN moderations m ON m.audit_id = a.id AND m.status = 'reviewed'"
        " LEFT JOIN moderation_grades mg ON mg.moderation_id = m.id AND mg.criterion = g.criterion"
        " WHERE a.status = 'submitted' AND g.grade IS NOT NULL" + where + " GROUP BY 1, 2, 3, 4",
        params,
    )
    columns = _columns(audits, 9)
    names = {r["id"]: r["name"] for r in store.rows("SELECT id, name FROM users")}
    columns[0] = [names[i] for i in columns[0]]
    columns[3] = _rubric_labels(store, columns[3], [])[0]
    hashes, criteria, grade, moderated, count = _columns(grades, 5)
    rubric_ids, domains = _rubric_labels(store, hashes, criteria)
    return GradeCounts(
        audits=audit_counts(columns),
        criteria=criterion_counts([rubric_ids, criteria, domains, grade, moderated, count]),
        overrides=override_counts(store, where, params),
    )


def override_details(
    store: Store, where: str = "", params: list[Any] | None = None
) -> dict[int, tuple[str, int, int]]:
    """Submitted audits whose overall grade was set by hand: ``id -> (manager, override, derived)``.

    Only these audits' criterion grades are read, to derive the grade the rubric
    would have given (the override itself when nothing was graded).
    """
    found: dict[int, dict[str, Any]] = {}
    for r in store.rows(
        "SELECT a.id, u.name, a.rubric_hash, a.overall_override, g.criterion, g.grade"
        + JOINS
        + " LEFT JOIN criterion_grades g ON g.audit_id = a.id"
        " WHERE a.status = 'submitted' AND a.overall_override IS NOT NULL" + where,
        params or [],
    ):
        entry = found.setdefault(
            r["id"],
            {"manager": r["name"], "hash": r["rubric_hash"], "override": r["overall_override"]},
        )
        entry.setdefault("grades", {})[r["criterion"]] = r["grade"]
    out: dict[int, tuple[str, int, int]] = {}
    for audit_id, entry in found.items():
        derived = rubric_by_hash(store, entry["hash"]).derive_overall(entry["grades"])
        grade = entry["override"] if derived is None else int(derived.grade)
        out[audit_id] = (entry["manager"], entry["override"], grade)
    return out


def override_counts(store: Store, where: str = "", params: list[Any] | None = None) -> Overrides:
    """Per manager, overall grades set by hand and how many raised or lowered the derived grade."""
    from moderator.analysis.counts import Overrides

    counts: dict[str, list[int]] = {}
    for manager, override, derived in override_details(store, where, params).values():
        tally = counts.setdefault(manager, [0, 0, 0])
        tally[0] += 1
        tally[1] += override < derived  # a smaller number is a better grade
        tally[2] += override > derived
    return Overrides({name: (c[0], c[1], c[2]) for name, c in counts.items()})


def _grouped(store: Store, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    """A GROUP BY's rows, read on this thread's own connection (others keep writing)."""
    return [tuple(row) for chunk in store.stream(sql, params, 50_000) for row in chunk]


def _columns(rows: list[tuple[Any, ...]], width: int) -> list[list[Any]]:
    """The rows' values column by column (``width`` columns, even when there are no rows)."""
    if not rows:
        return [[] for _ in range(width)]
    return [list(column) for column in zip(*rows, strict=True)]


def _rubric_labels(
    store: Store, hashes: list[Any], criteria: list[Any]
) -> tuple[list[str], list[str]]:
    """The rubric id of each hash, and the domain of each (hash, criterion) when criteria
    are given (an empty list: rubric ids only)."""
    known: dict[str, tuple[str, dict[str, str]]] = {}
    for digest in set(hashes):
        rubric = rubric_by_hash(store, digest)
        known[digest] = (rubric.id, {c.id: d.id for d in rubric.domains for c in d.criteria})
    ids = [known[h][0] for h in hashes]
    domains = [known[h][1].get(c, "") for h, c in zip(hashes, criteria, strict=False)]
    return ids, domains


def report_counts(
    store: Store, user: User, filters: ReportFilters | None = None
) -> tuple[GradeCounts, list[Assignment]]:
    """The count tables and assignments of the report this user may see."""
    if user.role is Role.LEAD:
        with store.snapshot():  # the figures and the compliance from one moment
            return lead_counts(store, filters), assignments_for(store, user)
    from moderator.analysis.build import apply_filters
    from moderator.analysis.counts import counts_from_pairs
    from moderator.services.paired_rows import report_inputs

    pairs, assignments = report_inputs(store, user, filters)
    counts = counts_from_pairs(apply_filters(pairs, filters))
    if user.role is Role.MANAGER:
        # their leniency as their lead reads it: estimated among the authority's managers
        counts = replace(counts, leniency_from=lead_counts(store, filters).audits)
    return counts, assignments


def load_report_counts(
    db_path: Path, user_name: str | None, filters: ReportFilters | None = None
) -> tuple[GradeCounts, list[Assignment]]:
    """Open the database and count the report for ``user_name`` (see :func:`report_counts`)."""
    with open_store(db_path, create=False) as store:
        user = get_user(store, user_name)
        return report_counts(store, user, filters)


def criterion_titles(store: Store) -> dict[str, str]:
    """Criterion titles keyed as the report keys criteria: ``id`` and ``rubric/id``."""
    titles: dict[str, str] = {}
    for r in store.rows("SELECT DISTINCT rubric_hash FROM audits WHERE status = 'submitted'"):
        rubric = rubric_by_hash(store, r["rubric_hash"])
        for criterion in rubric.criteria:
            titles.setdefault(criterion.id, criterion.title)
            titles[f"{rubric.id}/{criterion.id}"] = criterion.title
    return titles


def load_report_libraries() -> None:
    """Import what building a report needs (numpy, scipy.special, the report builder) now,
    on the calling thread: about half a second of CPU that a first report otherwise pays.

    The workbench calls this in the background once a list is on screen, so that the drift
    dashboard's first open does not wait for the imports.
    """
    from moderator.analysis.build import build_report  # noqa: F401 - for its import
    from moderator.analysis.stats import load_special_functions

    load_special_functions()
