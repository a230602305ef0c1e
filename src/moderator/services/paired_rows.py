"""The paired rows themselves, from the database: to export them, or to list the audits
behind a number of the drift report.

The report does not need these (it is built from counts, in
:mod:`moderator.services.reporting`). A lead's rows are read column by column;
a manager's or a moderator's through :func:`moderator.services.moderation.paired_grades`,
which applies the blindness rule to every audit.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from moderator.analysis.inputs import Assignment, ReportFilters
from moderator.services.reporting import (
    JOINS,
    assignments_for,
    filter_sql,
    needs_joins,
    override_details,
)
from moderator.services.rubrics import rubric_by_hash
from moderator.services.users import Role, User, get_user
from moderator.store import Store, open_store

if TYPE_CHECKING:
    from moderator.analysis.drilldown import AuditDrift, Dimension
    from moderator.analysis.pairs import PairedGrades


def lead_paired_grades(
    store: Store, filters: ReportFilters | None = None, *, manager: str | None = None
) -> PairedGrades:
    """Every submitted audit's paired grades, read as columns (the lead's view).

    The moderated grade is the reviewed one: a moderation counts once its
    disagreements have been reviewed, as in
    :func:`~moderator.services.moderation.paired_grades`. Audit-level columns
    are read once per audit and expanded by index; criterion grades are
    streamed in chunks into integer arrays, so 100,000 audits x 12 criteria
    stay well under a second of SQL and a modest amount of memory. Every query
    reads one snapshot, so an audit submitted meanwhile is wholly in or out.
    ``manager`` limits the rows to one manager's audits.
    """
    with store.snapshot():
        return _lead_paired_grades(store, filters, manager)


def _lead_paired_grades(
    store: Store, filters: ReportFilters | None, manager: str | None
) -> PairedGrades:
    import numpy as np

    from moderator.analysis.pairs import Categorical, PairedGrades

    where, params = filter_sql(filters)
    if manager is not None:
        where, params = where + " AND u.name = ?", [*params, manager]
    joins = JOINS
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
        # the joins are needed only to filter by team, rubric or manager (by name)
        + (joins if needs_joins(filters) or manager is not None else " FROM audits a")
        + " JOIN criterion_grades g ON g.audit_id = a.id"
        " LEFT JOIN moderations m ON m.audit_id = a.id AND m.status = 'reviewed'"
        " LEFT JOIN moderation_grades mg ON mg.moderation_id = m.id"
        " AND mg.criterion = g.criterion"
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

    pairs = PairedGrades(
        audit_id=per_audit["audit_id"].take(all_index),
        case_ref=per_audit["case_ref"].take(all_index),
        rubric=per_audit["rubric"].take(all_index),
        manager=per_audit["manager"].take(all_index),
        team=per_audit["team"].take(all_index),
        service_area=per_audit["service_area"].take(all_index),
        criterion=criterion,
        audited_on=dates[all_index],
        manager_grade=np.concatenate([grade, overall]),
        moderated_grade=np.concatenate([moderated_grade, moderated_overall]),
        domain=domain,
    )
    return with_derived_grades(pairs, override_details(store, where, params))


def with_derived_grades(
    pairs: PairedGrades, details: dict[int, tuple[str, int, int]]
) -> PairedGrades:
    """``pairs`` with its ``derived_grade`` column: the derived grade on overridden overall rows."""
    import numpy as np

    derived_of = np.zeros(len(pairs.audit_id.levels), dtype=np.int8)
    for code, label in enumerate(pairs.audit_id.levels):
        if label.isdigit() and int(label) in details:
            derived_of[code] = details[int(label)][2]
    derived = np.where(pairs.is_overall, derived_of[pairs.audit_id.codes], 0).astype(np.int8)
    return replace(pairs, derived_grade=derived)


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
    where, params = filter_sql(filters)
    if user.role is Role.MANAGER:
        where, params = where + " AND a.manager_id = ?", [*params, user.id]
    # Overrides only of audits this user may see the manager's grades of.
    return with_derived_grades(pairs, override_details(store, where, params)), assignments_for(
        store, user
    )


def load_report_inputs(
    db_path: Path, user_name: str | None, filters: ReportFilters | None = None
) -> tuple[PairedGrades, list[Assignment]]:
    """Open the database and load the report inputs for ``user_name`` (see :func:`report_inputs`)."""
    with open_store(db_path, create=False) as store:
        user = get_user(store, user_name)
        return report_inputs(store, user, filters)


def drift_audits(
    store: Store,
    user: User,
    dimension: Dimension,
    key: str,
    *,
    filters: ReportFilters | None = None,
    period: str = "quarter",
) -> list[AuditDrift]:
    """The audits behind one row of the report this user may see (worst drift first).

    For a lead, a manager's or a team's row reads only that manager's or team's rows.
    """
    from moderator.analysis.drilldown import audits_behind

    filters = filters or ReportFilters()
    if user.role is Role.LEAD and dimension in ("manager", "team"):
        if dimension == "team" and key != "(none)":
            narrowed = replace(filters, team=key)
            pairs = lead_paired_grades(store, narrowed)
        else:
            pairs = lead_paired_grades(
                store, filters, manager=key if dimension == "manager" else None
            )
    else:
        pairs, _ = report_inputs(store, user, filters)
    return audits_behind(pairs, dimension, key, filters=filters, period=period)
