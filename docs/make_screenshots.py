"""Save SVG screenshots of the real screens on the demo data, for the README.

Run: ``make screenshots`` (or ``.venv/bin/python docs/make_screenshots.py``). Builds the
demo database in a temporary folder, drives the workbench headless with Textual's pilot
as a manager, a moderator and a lead, and writes ``docs/screenshots/*.svg``.
"""

from __future__ import annotations

import asyncio
import tempfile
from datetime import date
from pathlib import Path

from moderator.demo import build_demo_db
from moderator.tui.app import create_app
from moderator.tui.screens.dashboard import DashboardScreen
from moderator.tui.screens.grading import GradingScreen
from moderator.tui.screens.home import HomeScreen
from moderator.tui.screens.listing import ListScreen
from moderator.tui.screens.review import ReviewScreen

OUT = Path(__file__).parent / "screenshots"
SIZE = (140, 40)
TODAY = date(2020, 12, 14)


async def _settle(pilot, screen_type: type, ready=lambda s: True) -> None:  # type: ignore[no-untyped-def]
    for _ in range(200):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.05)
        screen = pilot.app.screen
        if isinstance(screen, screen_type) and ready(screen):
            await pilot.pause(0.3)
            return
    raise RuntimeError(f"{screen_type.__name__} did not appear")


async def _shoot(db: Path, user: str, name: str, keys: list[str], screen_type: type, ready) -> None:  # type: ignore[no-untyped-def]
    app = create_app(db, user, today=lambda: TODAY, cursor_blink=False, remember_user=False)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(pilot, ListScreen, lambda s: s.loaded)  # (a moderator's is the queue)
        await pilot.press(*keys)
        await _settle(pilot, screen_type, ready)
        app.save_screenshot(filename=f"{name}.svg", path=str(OUT))
        print(f"wrote {OUT / (name + '.svg')}")


async def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        build_demo_db(db)
        await _shoot(db, "Naomi Okonkwo", "1-home-manager", [], HomeScreen, lambda s: s.loaded)
        await _shoot(
            db,
            "Naomi Okonkwo",
            "2-grading",
            ["enter"],
            GradingScreen,
            lambda s: s.sheet is not None,
        )
        await _shoot(
            db,
            "Eleanor Rowbotham",
            "3-review",
            ["]", "]", "]", "]", "]", "enter"],  # the queue's "Reviewed" tab, its first row
            ReviewScreen,
            lambda s: s.comparison is not None,
        )
        await _shoot(
            db,
            "Kenneth Obi",
            "4-dashboard",
            ["d"],
            DashboardScreen,
            lambda s: getattr(s, "report", None) is not None,
        )


if __name__ == "__main__":
    asyncio.run(main())
