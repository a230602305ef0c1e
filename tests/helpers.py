"""Small builders for tests: users, cases and audits through the service layer."""

from __future__ import annotations

import re
from types import SimpleNamespace

from moderator.anonymise.records import RawCase
from moderator.anonymise.redact import redact_case_text
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


def sample_case(
    text: str,
    child: str = "Oluwadamilare Penhaligon",
    family: tuple[tuple[str, str], ...] = (("Ngozi Penhaligon", "mother"),),
    worker: str = "Carys Mountjoy",
    case_id: str = "R-1",
) -> RawCase:
    """One synthetic record (a child, the family as (name, relationship) pairs, the
    allocated worker) whose note is ``text``."""
    return RawCase.model_validate(
        {
            "case_id": case_id,
            "team": "Team",
            "service_area": "help_and_protection",
            "opened": "2024-01-01",
            "worker": worker,
            "child": {"name": child},
            "family": [{"name": n, "relationship": r} for n, r in family],
            "text": text,
        }
    )


def redact_for(
    text: str,
    child: str,
    family: tuple[tuple[str, str], ...],
    worker: str,
    case_id: str = "R-1",
) -> str:
    """``text`` redacted for one synthetic record (see :func:`sample_case`)."""
    return redact_case_text(sample_case(text, child, family, worker, case_id)).text


def redact_sample(
    text: str,
    child: str = "Oluwadamilare Penhaligon",
    family: tuple[tuple[str, str], ...] = (("Ngozi Penhaligon", "mother"),),
    worker: str = "Carys Mountjoy",
) -> str:
    """``text`` redacted for the synthetic record the round files of issue #14 share."""
    return redact_for(text, child, family, worker, "R-1")


def survives(out: str, word: str) -> bool:
    """Whether ``word`` survives in the redacted ``out`` as a whole word."""
    return re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", out) is not None
