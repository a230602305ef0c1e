"""The ``moderator`` command line: a thin face over the service functions.

Exit codes: 0 ok, 1 bad input, 2 usage, 3 refused by role.
"""

from __future__ import annotations

from pathlib import Path

import click

from moderator import __version__
from moderator.cli.common import ModeratorGroup, common_options


@click.group(cls=ModeratorGroup, invoke_without_command=True)
@common_options
@click.version_option(__version__, prog_name="moderator")
@click.pass_context
def cli(ctx: click.Context, db: Path | None, user: str | None) -> None:
    """Case-audit moderation workbench for children's social care.

    With no command, opens the workbench (TUI) on your database.
    `moderator demo` opens it on a fresh copy of the bundled sample audits.
    """
    from moderator.settings import apply_settings, load_settings

    apply_settings(load_settings())
    if ctx.invoked_subcommand is None:
        from moderator.cli.tui_cmd import open_tui

        open_tui(ctx, db, user)


def _register() -> None:
    from moderator.cli import (
        agreement_cmd,
        anonymise_cmd,
        audit_cmd,
        calibration_cmd,
        import_cmd,
        intervention_cmd,
        moderation_cmd,
        pack_cmd,
        report_cmd,
        rubric_cmd,
        sample_cmd,
        serve_cmd,
        synth_cmd,
        tui_cmd,
        user_cmd,
        verify_cmd,
    )

    for module in (
        rubric_cmd,
        user_cmd,
        import_cmd,
        anonymise_cmd,
        audit_cmd,
        sample_cmd,
        moderation_cmd,
        pack_cmd,
        report_cmd,
        tui_cmd,
        synth_cmd,
        agreement_cmd,
        intervention_cmd,
        calibration_cmd,
        verify_cmd,
        serve_cmd,
    ):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="moderator")
