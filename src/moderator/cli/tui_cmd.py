"""``moderator`` (no command) and ``moderator demo``: open the workbench."""

from __future__ import annotations

from pathlib import Path

import click

from moderator.cli.common import common_options, resolve


def open_tui(ctx: click.Context, db: Path | None, user: str | None) -> None:
    """Open the TUI on the resolved database as the resolved user."""
    db_path, who = resolve(ctx, db, user)
    try:
        from moderator.tui.app import run_app
    except ImportError:  # the workbench is not built yet: show what exists
        click.echo("The grading workbench is not available in this build; showing the rubrics.")
        from moderator.cli.rubric_cmd import list_rubrics

        ctx.invoke(list_rubrics, fmt="table")
        return
    run_app(db_path, who)


@click.command("demo")
@common_options
@click.pass_context
def demo(ctx: click.Context, db: Path | None, user: str | None) -> None:
    """Open the workbench on a fresh temporary copy of the bundled sample audits."""
    try:
        from moderator.tui.app import run_demo
    except ImportError:
        click.echo("The grading workbench is not available in this build; showing the rubrics.")
        from moderator.cli.rubric_cmd import list_rubrics

        ctx.invoke(list_rubrics, fmt="table")
        return
    run_demo(user)


COMMANDS = [demo]
