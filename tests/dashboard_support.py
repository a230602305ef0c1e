"""A database with moderated audits for the drift dashboard tests, built through the services.

Three managers with different stories, over three quarters (2019-Q3 to 2020-Q1):
mia (Safeguarding North) is optimistic on 10 moderated audits; max (Children in
Care) grades like the moderators; noa (Safeguarding South) has only 3
moderated audits, two downgraded: a handful, not enough to flag. A few audits
are not moderated, and some were submitted late, so coverage and compliance
have something to say. Every time stamp is fixed.
"""

from __future__ import annotations

from pathlib import Path

from moderator.domain.grades import Grade
from moderator.services.audits import assign_audit, save_criterion, submit_audit
from moderator.services.moderation import (
    compare_moderation,
    complete_review,
    record_review,
    save_moderation_grade,
    submit_moderation,
)
from moderator.services.sampling import draw_sample
from moderator.services.users import add_user, get_user
from moderator.store import open_store
from tests.helpers import add_case, people
from tests.moderation_helpers import clock

OUT, G, RI, INAD = Grade.OUTSTANDING, Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE

Grades = tuple[Grade, Grade, Grade]
"""risk, seen, plan."""

# (manager, case, submitted on, due, manager's grades, moderator's grades or None)
AUDITS: tuple[tuple[str, str, str, str, Grades, Grades | None], ...] = (
    ("mia", "N-01", "2019-07-10", "2019-07-31", (G, G, G), (INAD, G, RI)),
    ("mia", "N-02", "2019-08-14", "2019-08-31", (G, OUT, G), (RI, G, RI)),
    ("mia", "N-03", "2019-09-03", "2019-08-31", (OUT, G, G), (RI, RI, RI)),
    ("mia", "N-04", "2019-10-08", "2019-10-31", (G, G, G), (INAD, RI, RI)),
    ("mia", "N-05", "2019-10-22", "2019-10-31", (G, G, OUT), (G, G, G)),
    ("mia", "N-06", "2019-11-12", "2019-11-30", (G, G, G), (RI, G, RI)),
    ("mia", "N-07", "2019-12-02", "2019-11-30", (G, OUT, G), (INAD, RI, INAD)),
    ("mia", "N-08", "2020-01-09", "2020-01-31", (G, G, G), (RI, G, RI)),
    ("mia", "N-09", "2020-01-21", "2020-01-31", (G, G, RI), (G, G, RI)),
    ("mia", "N-10", "2020-02-03", "2020-01-31", (OUT, G, G), (RI, G, RI)),
    ("mia", "N-11", "2020-02-04", "2020-02-29", (G, G, G), None),
    ("mia", "N-12", "2020-02-05", "2020-02-29", (G, OUT, G), None),
    ("max", "C-01", "2019-07-16", "2019-07-31", (G, G, RI), (G, G, RI)),
    ("max", "C-02", "2019-08-20", "2019-08-31", (RI, RI, RI), (RI, RI, RI)),
    ("max", "C-03", "2019-10-15", "2019-10-31", (G, G, G), (G, OUT, G)),
    ("max", "C-04", "2019-11-19", "2019-11-30", (INAD, RI, RI), (INAD, RI, RI)),
    ("max", "C-05", "2019-12-10", "2019-12-31", (G, RI, G), (G, RI, RI)),
    ("max", "C-06", "2020-01-14", "2020-01-31", (RI, G, G), (G, G, G)),
    ("max", "C-07", "2020-02-04", "2020-02-29", (G, G, G), None),
    ("noa", "S-01", "2019-09-10", "2019-09-30", (G, G, G), (RI, G, RI)),
    ("noa", "S-02", "2019-12-17", "2019-12-31", (G, G, G), (G, G, G)),
    ("noa", "S-03", "2020-01-28", "2020-01-31", (G, OUT, G), (RI, G, G)),
)

TEAMS = {"mia": "Safeguarding North", "max": "Children in Care", "noa": "Safeguarding South"}
CRITERIA = ("risk", "seen", "plan")


def build_drift_db(path: Path) -> Path:
    """The dashboard's database (uses the tests' mini rubric: ``mini_rubrics`` fixture)."""
    with open_store(path) as store:
        with clock(store, "2019-07-01T09:00:00+00:00"):
            u = people(store)
            add_user(store, "lee", "noa", "manager", team="Safeguarding South")
        noa = get_user(store, "noa")
        managers = {"mia": u["mia"], "max": u["max"], "noa": noa}
        moderated: dict[int, Grades] = {}
        for manager, case_ref, submitted, due, grades, moderator_grades in AUDITS:
            with clock(store, f"{submitted}T10:00:00+00:00"):
                add_case(store, case_ref, team=TEAMS[manager])
                audit_id = assign_audit(store, u["lee"], case_ref, manager, "mini", due)
                for criterion, grade in zip(CRITERIA, grades, strict=True):
                    save_criterion(
                        store, managers[manager], audit_id, criterion, grade=grade, note="On file."
                    )
                submit_audit(store, managers[manager], audit_id)
            if moderator_grades is not None:
                moderated[audit_id] = moderator_grades
        with clock(store, "2020-02-06T09:00:00+00:00"):
            sample = draw_sample(
                store,
                u["lee"],
                rate=0,
                seed=1,
                min_per_manager=0,
                exclude_months=0,
                hand_picked=sorted(moderated),
                moderator="oli",
            )
            for item in sample.items:
                mine = dict(zip(CRITERIA, moderated[item.audit_id], strict=True))
                mid = item.moderation_id
                for criterion, grade in mine.items():
                    save_moderation_grade(
                        store, u["oli"], mid, criterion, grade=grade, note="Moderator's evidence."
                    )
                submit_moderation(store, u["oli"], mid)
                for criterion in compare_moderation(store, u["oli"], mid).to_decide:
                    record_review(
                        store, u["oli"], mid, criterion, mine[criterion], "Descriptor met."
                    )
                complete_review(store, u["oli"], mid)
    return path
