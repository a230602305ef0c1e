"""``moderator user``: who works here and in which role."""

from __future__ import annotations

from pathlib import Path

import click

from moderator.cli.common import (
    acting_user,
    common_options,
    echo_text,
    format_option,
    open_for,
    print_records,
    read_secret,
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
    """Add a user. Once the database has a lead, only a lead (--as) may add users.

    The first user (a lead) starts a new database when there is none at --db.
    """
    from moderator.services.users import add_user

    store, who = open_for(ctx, db, user, create=True)
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
    print_records(
        fmt,
        users,
        [
            ("name", lambda u: u.name),
            ("role", lambda u: u.role.value),
            ("team", lambda u: u.team),
            ("authority", lambda u: u.authority),
        ],
    )


@user_group.command("password")
@click.argument("name")
@common_options
@click.pass_context
def password(ctx: click.Context, name: str, db: Path | None, user: str | None) -> None:
    """Set NAME's password; the first password secures the database.

    In an open database a lead secures it by setting their own password first
    (--as LEAD). After that everyone signs in: anyone may change their own
    password; a lead may set anyone's, which stays temporary until its owner
    chooses their own. Asked twice on a terminal; with --password-stdin,
    standard input holds your own password on the first line (once the
    database is secured) and then the new password.
    """
    from moderator.errors import UsageProblem
    from moderator.services.auth import is_secured, set_password

    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who) if who else None
        was_secured = is_secured(store)
        new = read_secret(ctx, f"New password for {name}", confirm=True)
        if new is None:
            raise UsageProblem(
                "no new password: give it on standard input with --password-stdin, "
                "or run the command in a terminal to be asked"
            )
        temporary = set_password(store, actor, name, new)
    if temporary:
        click.echo(f"temporary password set for {name}: they choose their own at next sign-in")
    else:
        click.echo(f"password set for {name}")
    if not was_secured:
        click.echo("this database is now secured: every command and workbench signs in")


COMMANDS = [user_group]
