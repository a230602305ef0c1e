"""Running the workbench: ``moderator`` on a database, ``moderator demo`` on the samples.

The CLI imports this module only when it opens the workbench, so the other commands
never import Textual.
"""

from __future__ import annotations

from pathlib import Path

from moderator.tui.app import ModeratorApp, create_app


def _run(app: ModeratorApp) -> None:
    app.run()
    if app.fatal is not None:
        raise app.fatal


def run_app(db_path: Path, user: str | None) -> None:
    """``moderator``: the workbench on ``db_path`` as ``user``.

    Raises:
        ModeratorError: the database could not be opened (the CLI prints it).
    """
    _run(create_app(db_path, user))


def prepare_demo_database(path: Path) -> None:
    """Fill ``path`` with the sample audits (the configured folder, else the bundled one)."""
    from moderator.demo import build_demo_db
    from moderator.settings import apply_settings, load_settings

    settings = load_settings()
    apply_settings(settings)
    build_demo_db(path, source=settings.sample_audits)


def run_demo(user: str | None) -> None:
    """``moderator demo``: the workbench on a fresh temporary copy of the sample audits."""
    import tempfile

    from moderator.settings import load_settings

    with tempfile.TemporaryDirectory(prefix="moderator-demo-") as folder:
        db_path = Path(folder) / "demo.db"
        prepare_demo_database(db_path)
        settings = load_settings().model_copy(update={"db": db_path, "user": user})
        _run(create_app(settings, remember_user=False))
