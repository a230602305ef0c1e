"""Dated interventions a lead records, so the drift report can say whether they worked."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from moderator.domain.dates import plausible_day
from moderator.domain.text import plain_field
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
    plausible_day(on_date)
    clean_title = plain_field(title, "title", MAX_TITLE, multiline=False)
    clean_detail = plain_field(detail, "detail", MAX_DETAIL, required=False)
    clean_team = plain_field(team, "team", MAX_TITLE, required=False, multiline=False)
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
