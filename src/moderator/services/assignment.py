"""The audit programme: a lead assigns cases to managers for audit against a rubric."""

from __future__ import annotations

import random
from datetime import date

from moderator.domain.dates import parse_day
from moderator.domain.rubric import Rubric
from moderator.errors import BadInput, NotFound
from moderator.services.rubrics import ensure_rubric, resolve_rubric, rubric_for_service_area
from moderator.services.users import Role, User, get_user, require_role
from moderator.store.db import Store


def parse_due(value: date | str | None) -> date | None:
    """A due date from a date or ``YYYY-MM-DD`` (None stays None)."""
    if value is None or isinstance(value, date):
        return value
    return parse_day(value)


def assign_audit(
    store: Store,
    actor: User,
    case_ref: str,
    manager_name: str,
    rubric_id: str,
    due: date | str | None,
    *,
    programme: str | None = None,
) -> int:
    """A lead assigns one case to a manager for audit against a rubric; returns the audit id."""
    require_role(actor, Role.LEAD, doing="assign audits")
    manager = get_user(store, manager_name)
    if manager.role is not Role.MANAGER:
        raise BadInput(f"{manager.name} is a {manager.role.value}, not a manager")
    rubric = resolve_rubric(rubric_id)
    due_date = parse_due(due)
    case_id = store.scalar("SELECT id FROM cases WHERE case_ref = ?", [case_ref])
    if case_id is None:
        raise NotFound(f"no case {case_ref!r}")
    with store.transaction():
        return _insert_audit(store, actor, case_id, manager, rubric, due_date, programme)


def _insert_audit(
    store: Store,
    actor: User,
    case_id: int,
    manager: User,
    rubric: Rubric,
    due: date | None,
    programme: str | None,
) -> int:
    digest = ensure_rubric(store, rubric)
    stamp = store.now()
    cur = store.execute(
        "INSERT INTO audits (case_id, rubric_hash, manager_id, assigned_by, assigned_at, due,"
        " programme, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'todo', ?)",
        (
            case_id,
            digest,
            manager.id,
            actor.name,
            stamp,
            None if due is None else due.isoformat(),
            programme,
            stamp,
        ),
    )
    audit_id = int(cur.lastrowid or 0)
    store.record_event(
        actor.name,
        "audit.assign",
        "audit",
        audit_id,
        after=manager.name,
        detail={"rubric": rubric.id, "rubric_hash": digest, "due": due, "programme": programme},
    )
    return audit_id


def assign_programme(
    store: Store,
    actor: User,
    *,
    per_manager: int,
    due: date | str,
    rubric_id: str | None = None,
    exclude_own_team: bool = False,
    seed: int | None = None,
    label: str | None = None,
) -> list[int]:
    """A monthly programme: ``per_manager`` random unaudited cases for every manager.

    With ``exclude_own_team`` a manager is never given their own team's cases
    (peer audit). Without ``rubric_id`` each case gets the rubric of its
    service area. Returns the new audit ids.
    """
    require_role(actor, Role.LEAD, doing="assign audits")
    if per_manager < 1:
        raise BadInput("per-manager count must be at least 1")
    due_date = parse_due(due)
    assert due_date is not None
    managers = [
        User.model_validate(r)
        for r in store.rows(
            "SELECT id, name, role, team, authority FROM users WHERE role = 'manager' ORDER BY name"
        )
    ]
    if not managers:
        raise BadInput("there are no managers to assign to (add some with `moderator user add`)")
    rng = random.Random(seed)
    free = store.rows(
        "SELECT c.id, c.team, c.service_area FROM cases c"
        " WHERE NOT EXISTS (SELECT 1 FROM audits a WHERE a.case_id = c.id) ORDER BY c.id"
    )
    rng.shuffle(free)
    taken: set[int] = set()
    programme = label or f"programme {due_date.isoformat()}"
    ids: list[int] = []
    fixed = resolve_rubric(rubric_id) if rubric_id else None
    with store.transaction():
        # Read again under the write lock: a programme run at the same moment has taken some.
        audited = {case_id for (case_id,) in store.execute("SELECT DISTINCT case_id FROM audits")}
        free = [case for case in free if case["id"] not in audited]
        for manager in managers:
            count = 0
            for case in free:
                if count >= per_manager:
                    break
                if case["id"] in taken:
                    continue
                if exclude_own_team and manager.team and case["team"] == manager.team:
                    continue
                rubric = fixed or rubric_for_service_area(case["service_area"])
                ids.append(
                    _insert_audit(store, actor, case["id"], manager, rubric, due_date, programme)
                )
                taken.add(case["id"])
                count += 1
    return ids


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def programme_outcome(store: Store, ids: list[int], *, per_manager: int, due: date) -> str:
    """What assigning a programme did, in a sentence for the lead; when it fell short of
    ``per_manager`` for every manager, why, and who got fewer or none.

    ``Assigned 5 audits, due 2021-01-31; only 5 unaudited cases were left, so 7 managers
    got none.``
    """
    done = f"Assigned {_plural(len(ids), 'audit')}, due {due.isoformat()}"
    managers = [int(r["id"]) for r in store.rows("SELECT id FROM users WHERE role = 'manager'")]
    got: dict[int, int] = dict.fromkeys(managers, 0)
    for audit_id in ids:
        manager = int(store.scalar("SELECT manager_id FROM audits WHERE id = ?", [audit_id]))
        got[manager] = got.get(manager, 0) + 1
    none = sum(1 for n in got.values() if n == 0)
    fewer = sum(1 for n in got.values() if 0 < n < per_manager)
    if not none and not fewer:
        return done + "."
    left = int(
        store.scalar(
            "SELECT count(*) FROM cases c WHERE NOT EXISTS"
            " (SELECT 1 FROM audits a WHERE a.case_id = c.id)"
        )
    )
    if left:
        why = f"the {_plural(left, 'unaudited case')} left are the managers' own teams'"
    else:
        were = "was" if len(ids) == 1 else "were"
        why = f"only {_plural(len(ids), 'unaudited case')} {were} left"
    who = []
    if none:
        who.append(f"{_plural(none, 'manager')} got none")
    if fewer:
        who.append(f"{_plural(fewer, 'manager')} got fewer than {per_manager}")
    return f"{done}; {why}, so {' and '.join(who)}."
