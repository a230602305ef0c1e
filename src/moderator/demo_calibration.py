"""The demo's calibration: three known-grade cases slipped into every manager's programme.

In November 2019, once the first moderations are reviewed, a panel (the QA
lead with the moderators) agrees the grades of three help-and-protection cases,
taking the moderators' reviewed grades. Each manager then meets those cases
among their ordinary audits in December 2019, April 2020 and October 2020, and
grades them with the optimism they show under moderation (their mean drift so
far, plus noise), so the demo's lenient managers are lenient on calibration
too: two measures that agree, as they should (``docs/statistics.md``,
"Calibration"). The steps run inside the demo's replay, so the event log stays
in time order.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from moderator.synth.replay import Replayer

PANEL_AT = "2019-11-15T10:00:00+00:00"
ROUNDS = (
    (date(2019, 12, 2), date(2019, 12, 16), "December 2019 audits"),
    (date(2020, 4, 1), date(2020, 4, 22), "April 2020 audits"),
    (date(2020, 10, 1), date(2020, 10, 22), "October 2020 audits"),
)
NOTES = (
    "Visits within timescale and recorded.",
    "Plan reviewed at core group; actions have owners.",
    "Management oversight recorded on file.",
    "Child seen alone and their views recorded.",
    "Chronology up to date.",
)
REASON = "Panel: the moderators' reviewed grade; the evidence on file meets this descriptor."
RUBRIC = "help-and-protection"


@dataclass
class _Calibration:
    replayer: Replayer
    rng: random.Random = field(default_factory=lambda: random.Random(2020))
    cases: list[dict[str, Any]] = field(default_factory=list)
    pending: dict[int, list[tuple[str, int]]] = field(default_factory=dict)
    """Round -> (manager, audit id) assigned and waiting to be graded."""

    def agree(self) -> None:
        from moderator.domain.grades import Grade
        from moderator.services.calibration import agree_calibration_case

        store = self.replayer.store
        chosen = store.rows(
            "SELECT m.id AS moderation_id, c.case_ref, a.manager_id FROM moderations m"
            " JOIN audits a ON a.id = m.audit_id JOIN cases c ON c.id = a.case_id"
            " JOIN rubrics r ON r.hash = a.rubric_hash"
            " WHERE m.status = 'reviewed' AND r.id = ? ORDER BY m.reviewed_at LIMIT ?",
            [RUBRIC, len(ROUNDS)],
        )
        lead = self.replayer.user(
            store.scalar("SELECT name FROM users WHERE role = 'lead' ORDER BY id DESC LIMIT 1")
        )
        moderators = [
            r["name"] for r in store.rows("SELECT name FROM users WHERE role = 'moderator' LIMIT 2")
        ]
        for case in chosen:
            grades = store.rows(
                "SELECT criterion, coalesce(moderated_grade, grade) AS g FROM moderation_grades"
                " WHERE moderation_id = ?",
                [case["moderation_id"]],
            )
            made = agree_calibration_case(
                store,
                lead,
                case["case_ref"],
                RUBRIC,
                {r["criterion"]: (Grade(r["g"]), REASON) for r in grades if r["g"]},
                panel=", ".join([lead.name, *moderators]),
            )
            self.cases.append({**case, "calibration_id": made.id})

    def assign(self, round_no: int) -> None:
        from moderator.services.audits import assign_audit

        if round_no >= len(self.cases):
            return
        store = self.replayer.store
        case = self.cases[round_no]
        _, due, programme = ROUNDS[round_no]
        lead = self.replayer.user(
            store.scalar("SELECT name FROM users WHERE role = 'lead' ORDER BY id LIMIT 1")
        )
        managers = store.rows("SELECT id, name FROM users WHERE role = 'manager' ORDER BY name")
        waiting = []
        for manager in managers:
            if manager["id"] == case["manager_id"]:
                continue  # never their own case back
            with store.transaction():
                audit_id = assign_audit(
                    store, lead, case["case_ref"], manager["name"], RUBRIC, due,
                    programme=programme,
                )  # fmt: skip
                store.execute(
                    "INSERT INTO calibration_audits (audit_id, calibration_id) VALUES (?, ?)",
                    (audit_id, case["calibration_id"]),
                )
            waiting.append((manager["name"], audit_id))
        self.pending[round_no] = waiting

    def grade(self, round_no: int) -> None:
        from moderator.domain.grades import Grade
        from moderator.services.grading import AuditTarget

        store = self.replayer.store
        drift = {
            r["name"]: float(r["d"] or 0.0)
            for r in store.rows(
                "SELECT u.name, avg(g.moderated_grade - g2.grade) AS d FROM moderations m"
                " JOIN audits a ON a.id = m.audit_id JOIN users u ON u.id = a.manager_id"
                " JOIN moderation_grades g ON g.moderation_id = m.id"
                " JOIN criterion_grades g2 ON g2.audit_id = a.id AND g2.criterion = g.criterion"
                " WHERE m.status = 'reviewed' GROUP BY u.name"
            )
        }
        for name, audit_id in self.pending.get(round_no, []):
            calibration_id = self.cases[round_no]["calibration_id"]
            agreed = store.rows(
                "SELECT criterion, grade FROM calibration_grades WHERE calibration_id = ?",
                [calibration_id],
            )
            sheet = AuditTarget.open(store, self.replayer.user(name), audit_id)
            shift = drift.get(name, 0.0)
            for row in agreed:
                mine = min(4, max(1, round(row["grade"] - shift + self.rng.gauss(0.0, 0.45))))
                sheet.save(row["criterion"], grade=Grade(mine), note=self.rng.choice(NOTES))
            sheet.submit()


def schedule_demo_calibration(replayer: Replayer) -> None:
    """Schedule the panel and the three rounds in the demo's replay."""
    calibration = _Calibration(replayer)
    replayer.at(PANEL_AT, calibration.agree)
    for number, (assigned, submitted, _) in enumerate(ROUNDS):
        replayer.at(f"{assigned.isoformat()}T08:30:00+00:00", partial(calibration.assign, number))
        replayer.at(f"{submitted.isoformat()}T15:00:00+00:00", partial(calibration.grade, number))
