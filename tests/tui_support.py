"""Fixed data and helpers for the workbench (TUI) tests: the same database every time."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from moderator.domain.grades import Grade
from moderator.services.audits import assign_audit, save_criterion, submit_audit
from moderator.store import Store, open_store
from tests.helpers import add_case, people

TODAY = date(2020, 2, 10)
"""The date the tests pretend it is (so "overdue" never changes)."""

CASE_TEXT = (
    "Referral from school on [DATE]: [CHILD] (9) arrived with a bruise to the left cheek and "
    "said [PARENT-1]'s partner 'gets angry'. Strategy discussion held the same day with "
    "police and health. Section 47 enquiry started.\n\n"
    "Home visit: [CHILD] seen alone in their bedroom; said they feel safe when [PARENT-1] is "
    "home. Child protection plan agreed at the initial Child Protection Conference; actions "
    "list who does what, but no timescales for the parenting assessment.\n\n"
    "Supervision record: manager asked for the safety plan to be reviewed; no record that it "
    "was."
)


def fixed_clock(store: Store) -> None:
    """Stamp everything with one fixed time, so nothing on screen depends on today."""
    store.clock = lambda: "2020-02-03T09:00:00+00:00"


def build_workbench_db(path: Path) -> Path:
    """A database with a lead, two managers, a moderator and mia's audits in every state.

    Uses whatever rubrics ``MODERATOR_RUBRICS`` points at (the tests' mini rubric).
    """
    with open_store(path) as store:
        fixed_clock(store)
        u = people(store)
        add_case(store, "C-101", text=CASE_TEXT)
        add_case(store, "C-102", team="Safeguarding South", text="[CHILD] seen at school.")
        add_case(store, "C-103", team="Safeguarding South", text="No visits recorded for 8 weeks.")
        add_case(store, "C-104", team="Children in Care", service_area="children_in_care")
        add_case(store, "C-105", team="Safeguarding North")
        add_case(store, "C-106", team="Safeguarding South")
        todo = assign_audit(store, u["lee"], "C-101", "mia", "mini", "2020-02-28")
        draft = assign_audit(store, u["lee"], "C-102", "mia", "mini", "2020-02-07")
        done = assign_audit(store, u["lee"], "C-103", "mia", "mini", "2020-01-31")
        assign_audit(store, u["lee"], "C-104", "max", "mini", "2020-02-28")
        save_criterion(store, u["mia"], draft, "risk", grade=Grade.GOOD, note="Acted on same day.")
        for crit, grade in (
            ("risk", Grade.GOOD),
            ("seen", Grade.GOOD),
            ("plan", Grade.OUTSTANDING),
        ):
            save_criterion(store, u["mia"], done, crit, grade=grade, note="Evidence on file.")
        submit_audit(store, u["mia"], done)
        assert todo
    return path
