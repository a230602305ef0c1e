"""``moderator verify``: check the database has not been altered outside moderator."""

from __future__ import annotations

from pathlib import Path

import click

from moderator.cli.common import common_options, emit_json, format_option, resolve, sign_in_as


@click.command("verify")
@format_option("table", "json")
@common_options
@click.pass_context
def verify(ctx: click.Context, fmt: str, db: Path | None, user: str | None) -> None:
    """Check the event log's hash chain, the database's guards, and the log against the data.

    Exit 0 when everything agrees; exit 1 naming the first event or row that does not.

    Examples (on the demo: `moderator demo --build-only demo.db`):

    \b
      moderator verify --db demo.db
      moderator verify --db demo.db --format json
    """
    from moderator.store import open_store
    from moderator.store.verify import verify as run_verify

    db_path, who = resolve(ctx, db, user)
    with open_store(db_path, create=False) as store:
        sign_in_as(ctx, store, who)  # a secured database asks who is checking it
        found = run_verify(store)
    if fmt == "json":
        emit_json(found.model_dump(mode="json"))
    elif found.ok:
        click.echo(
            f"ok: {found.events} events chained intact (head: {found.chain_head}); "
            f"{found.triggers} guards in place; the log agrees with {found.audits} audits "
            f"and {found.moderations} moderations"
        )
    else:
        more = f" ({found.problems - 1} more)" if found.problems > 1 else ""
        click.echo(f"{db_path}: altered outside moderator: {found.problem}{more}", err=True)
    if not found.ok:
        ctx.exit(1)


COMMANDS = [verify]
