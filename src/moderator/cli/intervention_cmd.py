"""``moderator intervention``: dated interventions the drift report compares before and after."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from moderator.cli.common import (
    acting_user,
    common_options,
    format_option,
    open_for,
    print_records,
)
from moderator.domain.dates import parse_day
from moderator.errors import BadInput


def _date(_ctx: click.Context, _param: click.Parameter, value: str) -> date:
    try:
        return parse_day(value)
    except BadInput as problem:
        raise click.BadParameter(problem.message) from None


@click.group("intervention")
def intervention_group() -> None:
    """Training, a new audit tool, a practice week: dated, so the report can say if it worked."""


@intervention_group.command("add")
@click.option("--date", "on_date", required=True, callback=_date, help="When (YYYY-MM-DD).")
@click.option("--title", required=True, help="What was done, in a few words.")
@click.option("--detail", default=None, help="More about it (optional).")
@click.option("--team", default=None, help="The team it was aimed at (default: everyone).")
@common_options
@click.pass_context
def add(
    ctx: click.Context,
    on_date: date,
    title: str,
    detail: str | None,
    team: str | None,
    db: Path | None,
    user: str | None,
) -> None:
    """Record an intervention (leads only)."""
    from moderator.services.interventions import add_intervention

    store, who = open_for(ctx, db, user)
    with store:
        made = add_intervention(
            store, acting_user(store, who), on_date, title, detail=detail, team=team
        )
    click.echo(f"recorded intervention {made.id}: {made.on_date.isoformat()}")


@intervention_group.command("list")
@format_option("table", "json")
@common_options
@click.pass_context
def list_(ctx: click.Context, fmt: str, db: Path | None, user: str | None) -> None:
    """List the interventions, oldest first."""
    from moderator.services.interventions import list_interventions

    store, _who = open_for(ctx, db, user)
    with store:
        found = list_interventions(store)
    print_records(
        fmt,
        found,
        [
            ("date", lambda i: i.on_date.isoformat()),
            ("title", lambda i: i.title),
            ("team", lambda i: i.team or "everyone"),
            ("recorded by", lambda i: i.recorded_by),
        ],
    )


COMMANDS = [intervention_group]
