"""One browser tab's workbench (``moderator serve`` runs this for every tab).

The tab starts with nobody signed in, whatever the server's config says, and
never writes the server's config: every tab picks or signs in for itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from moderator.tui.app import ModeratorApp


def tab_app(db: Path, *, demo: bool = False) -> ModeratorApp:
    """The workbench of one browser tab: nobody signed in, nothing remembered, and told it
    is in a browser (which keeps Ctrl+T and Ctrl+Q for itself: the tab signs out, not quits)."""
    from moderator.settings import load_settings
    from moderator.tui.app import create_app

    settings = load_settings(db=db).model_copy(update={"user": None})
    notice = "A fresh copy of the sample audits, gone when the server stops." if demo else None
    return create_app(settings, notice=notice, remember_user=False, served=True)


@click.command()
@click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--demo", is_flag=True, help="The demo: say so once on start.")
def main(db: Path, demo: bool) -> None:
    """Run the workbench for one browser tab."""
    app = tab_app(db, demo=demo)
    app.run()
    if app.fatal is not None:  # the database could not be opened: say why, as the CLI does
        raise click.ClickException(str(app.fatal))


if __name__ == "__main__":
    main()
