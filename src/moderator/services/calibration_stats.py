"""Each manager's distance from the agreed grades of the calibration cases they audited.

The database counts (manager, month, manager's grade, agreed grade) over the
criterion grades of submitted calibration audits; the arithmetic is in
:mod:`moderator.analysis.calibration`.
"""

from __future__ import annotations

from pathlib import Path

from moderator.analysis.calibration import CalibrationSummary, summarise_calibration
from moderator.services.users import Role, get_user
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


def load_calibration_summary(db_path: Path, user_name: str | None) -> CalibrationSummary | None:
    """The summary for a lead's report; None for anyone else (calibration cases stay unseen)."""
    with open_store(db_path, create=False) as store:
        user = get_user(store, user_name)
        if user.role is not Role.LEAD:
            return None
        if store.scalar("SELECT 1 FROM calibration_audits LIMIT 1") is None:
            return None
        return calibration_summary(store)
