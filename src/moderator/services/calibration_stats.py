"""Each manager's distance from the agreed grades of the calibration cases they audited.

The database counts (manager, month, manager's grade, agreed grade) over the
criterion grades of submitted calibration audits; the arithmetic is in
:mod:`moderator.analysis.calibration`.
"""

from __future__ import annotations

from pathlib import Path

from moderator.analysis.calibration import (
    CalibrationSummary,
    beside_moderation,
    summarise_calibration,
)
from moderator.analysis.exercise import ExerciseReport, Rating, exercise_report
from moderator.analysis.inputs import ReportFilters
from moderator.analysis.report import Report
from moderator.domain.grades import Grade
from moderator.services.reporting import calibration_left_out
from moderator.services.rubrics import rubric_by_hash
from moderator.services.users import Role, User, get_user, require_role
from moderator.store.db import Store, open_store


def calibration_summary(store: Store) -> CalibrationSummary:
    """Calibration agreement overall and per manager, with each manager's quarterly trend."""
    rows = store.rows(
        "SELECT u.name AS manager, substr(a.submitted_at, 1, 7) AS month,"
        " g.grade AS mine, k.grade AS agreed, count(*) AS n"
        " FROM calibration_audits ka JOIN audits a ON a.id = ka.audit_id"
        " JOIN users u ON u.id = a.manager_id"
        " JOIN criterion_grades g ON g.audit_id = a.id AND g.grade IS NOT NULL"
        " JOIN calibration_grades k ON k.calibration_id = ka.calibration_id"
        "  AND k.criterion = g.criterion"
        " WHERE a.status = 'submitted' GROUP BY 1, 2, 3, 4"
    )
    audits = {
        r["name"]: r["n"]
        for r in store.rows(
            "SELECT u.name, count(*) AS n FROM calibration_audits ka"
            " JOIN audits a ON a.id = ka.audit_id JOIN users u ON u.id = a.manager_id"
            " WHERE a.status = 'submitted' GROUP BY u.name"
        )
    }
    return summarise_calibration(rows, audits)


def with_calibration(store: Store, user: User, report: Report) -> Report:
    """The report with how many submitted calibration audits its figures leave out, and for a
    lead calibration set beside moderation leniency.

    Calibration results stay unseen by anyone but leads, so only a lead's report carries
    them; a manager learns only how many of their own submitted audits were left out (each
    was shown to them as calibration once submitted).
    """
    if store.scalar("SELECT 1 FROM calibration_audits LIMIT 1") is None:
        return report
    f = report.filters
    filters = ReportFilters(since=f.since, until=f.until, team=f.team, rubric=f.rubric)
    update: dict[str, object] = {"calibration_left_out": calibration_left_out(store, user, filters)}
    if user.role is Role.LEAD:
        summary = calibration_summary(store)
        update["calibration"] = beside_moderation(summary, report.by_manager)
    return report.model_copy(update=update)


def load_with_calibration(db_path: Path, user_name: str | None, report: Report) -> Report:
    """:func:`with_calibration` on the database at ``db_path``."""
    with open_store(db_path, create=False) as store:
        return with_calibration(store, get_user(store, user_name), report)


def calibration_exercise(store: Store, user: User) -> ExerciseReport:
    """Every submitted calibration audit as one exercise: many managers, the same cases.

    Leads only. The reference for each grader's distance is the panel's agreed
    grade; the agreement figures are over the managers' grades alone.
    """
    require_role(user, Role.LEAD, doing="see calibration results")
    rows = store.rows(
        "SELECT c.case_ref, g.criterion, u.name AS rater, g.grade, k.grade AS agreed,"
        " kc.rubric_hash"
        " FROM calibration_audits ka JOIN audits a ON a.id = ka.audit_id"
        " JOIN cases c ON c.id = a.case_id JOIN users u ON u.id = a.manager_id"
        " JOIN criterion_grades g ON g.audit_id = a.id AND g.grade IS NOT NULL"
        " JOIN calibration_grades k ON k.calibration_id = ka.calibration_id"
        "  AND k.criterion = g.criterion"
        " JOIN calibration_cases kc ON kc.id = ka.calibration_id"
        " WHERE a.status = 'submitted' ORDER BY c.case_ref, g.criterion, u.name"
    )
    titles: dict[tuple[str, str], str] = {}
    for r in rows:  # criteria by their titles, as people read them
        key = (r["rubric_hash"], r["criterion"])
        if key not in titles:
            titles[key] = rubric_by_hash(store, r["rubric_hash"]).criterion(r["criterion"]).title
    ratings = [
        Rating(
            r["case_ref"],
            titles[(r["rubric_hash"], r["criterion"])],
            r["rater"],
            Grade(r["grade"]),
        )
        for r in rows
    ]
    agreed = {
        (r["case_ref"], titles[(r["rubric_hash"], r["criterion"])]): Grade(r["agreed"])
        for r in rows
    }
    return exercise_report(ratings, agreed)
