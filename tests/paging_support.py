"""A database with a few hundred audits in every state, for the list's paging tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from moderator.domain.grades import Grade
from moderator.services.audits import assign_audit, save_criterion, submit_audit
from moderator.store import open_store
from tests.helpers import add_case, people
from tests.tui_support import fixed_clock

TEAMS = ("Safeguarding North", "Safeguarding South", "Children in Care")
AREAS = ("help_and_protection", "children_in_care", "care_leavers")


def build_many_audits(path: Path, count: int) -> Path:
    """``count`` audits for mia and max: every 5th submitted, every 7th in draft, some undated.

    Case ``P-0000`` … in order; due dates spread over two months (every 11th none).
    """
    with open_store(path) as store:
        fixed_clock(store)
        u = people(store)
        for i in range(count):
            ref = f"P-{i:04d}"
            add_case(store, ref, team=TEAMS[i % 3], service_area=AREAS[i % 3])
            manager = u["mia"] if i % 2 == 0 else u["max"]
            due = None if i % 11 == 0 else f"2020-0{2 + i % 2}-{1 + i % 28:02d}"
            audit_id = assign_audit(store, u["lee"], ref, manager.name, "mini", due)
            if i % 5 == 0:
                for crit in ("risk", "seen", "plan"):
                    save_criterion(store, manager, audit_id, crit, grade=Grade.GOOD, note="Seen.")
                submit_audit(store, manager, audit_id)
            elif i % 7 == 0:
                save_criterion(store, manager, audit_id, "risk", grade=Grade.GOOD, note="Acted.")
    return path


_BUILT: dict[int, Path] = {}


def many_audits_db(folder: Path, cache: Path, count: int = 300) -> Path:
    """A fresh copy of the ``count``-audit database (built once per test session in ``cache``)."""
    if count not in _BUILT or not _BUILT[count].exists():
        _BUILT[count] = build_many_audits(cache / f"many-{count}.db", count)
    copy = folder / "many.db"
    shutil.copyfile(_BUILT[count], copy)
    return copy
