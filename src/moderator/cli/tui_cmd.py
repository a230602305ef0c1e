"""``moderator`` (no command) and ``moderator demo``: open the workbench."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import click

from moderator.cli.common import common_options, resolve
from moderator.errors import ModeratorError


def _workbench() -> ModuleType:
    """The TUI module; a missing third-party package is one clear error, not a fallback."""
    try:
        from moderator.tui import launch
    except ModuleNotFoundError as exc:
        if exc.name is None or exc.name.split(".")[0] == "moderator":
            raise  # our own module missing is a bug: let the traceback show where
        raise ModeratorError(
            f"the workbench needs the Python package {exc.name!r}, which is not installed"
            " (reinstall moderator with its dependencies: pip install moderator)"
        ) from exc
    return launch


def open_tui(ctx: click.Context, db: Path | None, user: str | None) -> None:
    """Open the TUI on the resolved database as the resolved user."""
    workbench = _workbench()
    db_path, who = resolve(ctx, db, user)
    workbench.run_app(db_path, who)


@click.command("demo")
@click.option(
    "--build-only",
    "build_only",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="PATH",
    help="Only build the demo database at PATH (a new file), print where, and exit.",
)
@click.option("--serve", is_flag=True, help="Open the demo in your web browser instead.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port for --serve.")
@click.option("--no-browser", is_flag=True, help="With --serve: print the address, open nothing.")
@common_options
@click.pass_context
def demo(
    ctx: click.Context,
    build_only: Path | None,
    serve: bool,
    port: int,
    no_browser: bool,
    db: Path | None,
    user: str | None,
) -> None:
    """Open the workbench on a fresh temporary copy of the bundled sample audits.

    Nothing is written outside a temporary folder unless --build-only names a file.
    --serve opens it in a web browser (on this machine only) for people without a terminal.
    """
    if serve:
        from moderator.cli.serve_cmd import serve_demo

        serve_demo(port, open_browser=not no_browser)
        return
    if build_only is not None and build_only.name.startswith("-"):
        # "--build-only --help" would take "--help" for the file's name and build it there
        raise click.BadParameter(
            f"{build_only.name!r} looks like an option, not a file; give a path such as demo.db",
            param_hint="--build-only",
        )
    if build_only is not None:
        from moderator.demo import DEMO_LEAD, build_demo_db
        from moderator.settings import load_settings

        build_demo_db(build_only, source=load_settings().sample_audits)
        click.echo(f"Built the demo database: {build_only}")
        click.echo(f"Try: moderator audit list --db {build_only} --as '{DEMO_LEAD}'")
        return
    _workbench().run_demo(user)


COMMANDS = [demo]
