"""Small builders for tests: users, cases and audits through the service layer."""

from __future__ import annotations

from types import SimpleNamespace

from moderator.services.cases import store_case
from moderator.services.users import User, add_user, find_user
from moderator.store import Store
from moderator.store.db import now_iso


def add_case(
    store: Store,
    case_ref: str,
    team: str = "Safeguarding North",
    service_area: str = "help_and_protection",
    text: str = "[CHILD] was seen alone.",
) -> None:
    case = SimpleNamespace(
        case_ref=case_ref, team=team, service_area=service_area, opened="2020-01-06", text=text
    )
    with store.transaction():
        store_case(store, case, import_id=None, stamp=now_iso())


def people(store: Store) -> dict[str, User]:
    """A lead, two managers (two teams) and a moderator."""
    add_user(store, None, "lee", "lead")
    add_user(store, "lee", "mia", "manager", team="Safeguarding North")
    add_user(store, "lee", "max", "manager", team="Children in Care")
    add_user(store, "lee", "oli", "moderator", authority="Another Council")
    out = {}
    for n in ("lee", "mia", "max", "oli"):
        u = find_user(store, n)
        assert u is not None
        out[n] = u
    return out
