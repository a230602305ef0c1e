"""Dated interventions a lead records, so the drift report can say whether they worked."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from moderator.errors import BadInput
from moderator.services.users import Role, User, require_role
from moderator.store.db import Store

MAX_TITLE = 120
MAX_DETAIL = 2_000


class Intervention(BaseModel):
    """Something done on a date to change practice (training, a new tool, a practice week)."""

    id: int
    on_date: date
    title: str
    detail: str | None = None
    team: str | None = None
    """The team it was aimed at; None = the whole service."""
    recorded_by: str


def _clean(value: str | None, field: str, limit: int, *, required: bool) -> str | None:
    text = (value or "").strip()
    if not text:
        if required:
            raise BadInput(f"{field}: must not be empty")
        return None
    if len(text) > limit:
        raise BadInput(f"{field}: at most {limit} characters")
    if any((ord(ch) < 32 and ch not in "\n\t") or 127 <= ord(ch) < 160 for ch in text):
        raise BadInput(f"{field}: control characters are not allowed")
    return text


def add_intervention(
    store: Store,
    user: User,
    on_date: date,
    title: str,
    *,
    detail: str | None = None,
    team: str | None = None,
) -> Intervention:
    """Record an intervention (leads only); the event log keeps who and when."""
    require_role(user, Role.LEAD, doing="record interventions")
    clean_title = _clean(title, "title", MAX_TITLE, required=True)
    clean_detail = _clean(detail, "detail", MAX_DETAIL, required=False)
    clean_team = _clean(team, "team", MAX_TITLE, required=False)
    with store.transaction():
        cur = store.execute(
            "INSERT INTO interventions (on_date, title, detail, team, recorded_by, recorded_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (on_date.isoformat(), clean_title, clean_detail, clean_team, user.name, store.now()),
        )
        new_id = int(cur.lastrowid or 0)
        store.record_event(
            user.name,
            "intervention.add",
            "intervention",
            new_id,
            after=on_date.isoformat(),
            detail={"team": clean_team},
        )
    return Intervention(
        id=new_id,
        on_date=on_date,
        title=clean_title or "",
        detail=clean_detail,
        team=clean_team,
        recorded_by=user.name,
    )


def list_interventions(store: Store) -> list[Intervention]:
    """Every intervention, oldest first."""
    rows = store.rows(
        "SELECT id, on_date, title, detail, team, recorded_by FROM interventions"
        " ORDER BY on_date, id"
    )
    return [Intervention.model_validate(row) for row in rows]
