"""Layout guards for the drift dashboard at 80×24 and 160×48 (fixed data, clock and today).

Regenerate after an intended change with
``pytest tests/test_tui_dashboard_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.dashboard_support import build_drift_db
from tests.test_tui_dashboard import open_dashboard
from tests.test_tui_grading import make_app, settle

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]


@pytest.fixture
def db(tmp_path: Path, mini_rubrics: Path) -> Path:
    return build_drift_db(tmp_path / "snap.db")


def on_tab(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        await open_dashboard(pilot)
        if keys:
            await pilot.press(*keys)
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_dashboard_overview_snapshot(snap_compare, db: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(db, "lee"), terminal_size=size, run_before=on_tab())


@pytest.mark.parametrize("size", SIZES)
def test_dashboard_managers_snapshot(snap_compare, db: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(
        make_app(db, "lee"), terminal_size=size, run_before=on_tab("right_square_bracket")
    )


def test_dashboard_trend_snapshot(snap_compare, db: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(
        make_app(db, "lee"), terminal_size=(160, 48), run_before=on_tab("left_square_bracket")
    )
