"""``moderator user``: who works here and in which role."""

from __future__ import annotations

from pathlib import Path

import click

from moderator.cli.common import (
    common_options,
    echo_text,
    emit_json,
    escape,
    format_option,
    open_for,
)


@click.group("user")
def user_group() -> None:
    """Users and roles (manager, moderator, lead)."""


@user_group.command("add")
@click.argument("name")
@click.option(
    "--role",
    type=click.Choice(["manager", "moderator", "lead"]),
    required=True,
    help="What the user may do.",
)
@click.option("--team", default=None, help="The user's team (for peer audit and reports).")
@click.option("--authority", default=None, help="The user's authority (external moderators).")
@common_options
@click.pass_context
def add(
    ctx: click.Context,
    name: str,
    role: str,
    team: str | None,
    authority: str | None,
    db: Path | None,
    user: str | None,
) -> None:
    """Add a user. Once the database has a lead, only a lead (--as) may add users."""
    from moderator.services.users import add_user

    store, who = open_for(ctx, db, user)
    with store:
        created = add_user(store, who, name, role, team=team, authority=authority)
    echo_text(f"added {created.name} ({created.role.value})")


@user_group.command("list")
@format_option("table", "json")
@common_options
@click.pass_context
def list_(ctx: click.Context, fmt: str, db: Path | None, user: str | None) -> None:
    """List users and their roles."""
    from moderator.services.users import list_users

    store, _who = open_for(ctx, db, user)
    with store:
        users = list_users(store)
    if fmt == "json":
        emit_json([u.model_dump(mode="json") for u in users])
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("name", "role", "team", "authority")
    for u in users:
        table.add_row(*(escape(v) for v in (u.name, u.role.value, u.team or "", u.authority or "")))
    Console().print(table)


COMMANDS = [user_group]
