"""Builders for the moderation tests: submitted audits, sampled and moderated through the services."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from moderator.domain.grades import Grade
from moderator.services.audits import assign_audit, save_criterion, set_override, submit_audit
from moderator.services.users import User
from moderator.store import Store
from tests.helpers import add_case

CRITERIA = ("risk", "seen", "plan")


def manager_note(audit_id: int, criterion: str) -> str:
    """A distinctive evidence note, easy to look for in raw bytes."""
    return f"MGRNOTE-{audit_id}-{criterion}-zebra"


def submitted_audit(
    store: Store,
    lead: User,
    manager: User,
    case_ref: str,
    grades: dict[str, Grade] | None = None,
    *,
    override: tuple[Grade, str] | None = None,
    team: str | None = None,
) -> int:
    """A case, assigned to ``manager`` on the mini rubric, graded with notes and submitted."""
    add_case(store, case_ref, team=team or manager.team or "Safeguarding North")
    audit_id = assign_audit(store, lead, case_ref, manager.name, "mini", None)
    grades = grades or {c: Grade.GOOD for c in CRITERIA}
    if override is not None:
        # Before the grades: an override is refused where the rule gives its grade already,
        # but one made earlier may come to equal it as the grades change (tests count those).
        set_override(store, manager, audit_id, override[0], override[1])
    for criterion, grade in grades.items():
        save_criterion(
            store,
            manager,
            audit_id,
            criterion,
            grade=grade,
            note=manager_note(audit_id, criterion),
        )
    submit_audit(store, manager, audit_id)
    return audit_id


def dump(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, for before/after comparisons."""
    tables = [
        r["name"]
        for r in store.rows(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name"
        )
    ]
    return {
        t: [tuple(r) for r in store.conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall()]
        for t in tables
    }


@contextmanager
def clock(store: Store, stamp: str) -> Iterator[None]:
    """Run with the store's clock fixed at ``stamp``."""
    before = store.clock
    store.clock = lambda: stamp
    try:
        yield
    finally:
        store.clock = before
