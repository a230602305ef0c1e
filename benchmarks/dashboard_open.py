"""The drift dashboard's first open on the demo database: key press to headline and to report.

    .venv/bin/python benchmarks/dashboard_open.py                 # demo database, a lead, 5 runs
    .venv/bin/python benchmarks/dashboard_open.py --db PATH --as NAME --runs 9

Each run is a fresh headless workbench (160x48) started as a lead; once the home list
is on screen, ``d`` is pressed and two moments are taken: the headline set on the
dashboard (the report built from the count tables on a worker thread) and the whole
report drawn (tables and charts, one refresh later). For each: wall time from the key
press and the CPU time the process spent meanwhile (user + system, every thread:
numpy and scipy load then, in the worker). Medians are printed beside the same run's
bare Textual app start (``tui_cold_start.py``), a yardstick of how fast the machine
was at the time, and the target of 1 s.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tui_cold_start import BARE, command_line, run_child

DEMO_LEAD = "Valerie Sutcliffe"

CHILD = r"""
import asyncio, os, sys, time
from moderator.tui.app import create_app
from moderator.tui.screens.dashboard import DashboardScreen

app = create_app(sys.argv[1], sys.argv[2], remember_user=False)

def cpu():
    t = os.times()
    return t.user + t.system

async def auto_pilot(pilot):
    while app.ready_after is None:
        await pilot.pause(0.002)
    await pilot.pause()
    if sys.argv[3] == "warm":  # the user reads the list first: the libraries load meanwhile
        while "scipy.special" not in sys.modules or app.workers:
            await asyncio.sleep(0.01)
    loaded = int("scipy.special" in sys.modules)
    began, busy = time.perf_counter(), cpu()
    await pilot.press("d")
    headline = None
    while True:
        screen = app.screen
        if isinstance(screen, DashboardScreen):
            if headline is None and screen.report is not None:
                headline = (time.perf_counter() - began, cpu() - busy)
            if screen.loaded:
                break
        await asyncio.sleep(0.002)
    await pilot.pause()  # drawn
    done = (time.perf_counter() - began, cpu() - busy)
    print(f"{headline[0]:.4f} {headline[1]:.4f} {done[0]:.4f} {done[1]:.4f} {loaded}")
    app.exit()

app.run(headless=True, auto_pilot=auto_pilot, size=(160, 48))
"""


def measure(db: Path, user: str, runs: int, cwd: Path | None = None) -> dict[str, Any]:
    """Medians of ``runs`` first opens (headline and whole report), and of a bare app's start."""
    opens: list[list[float]] = []
    soon: list[list[float]] = []
    bare: list[list[float]] = []
    run_child(CHILD, str(db), user, "warm", cwd=cwd)  # unmeasured: bytecode, disk cache
    for _ in range(runs):
        opens.append(run_child(CHILD, str(db), user, "warm", cwd=cwd))
        soon.append(run_child(CHILD, str(db), user, "soon", cwd=cwd))
        bare.append(run_child(BARE, cwd=cwd))

    def median(rows: list[list[float]], column: int) -> float:
        return statistics.median(row[column] for row in rows)

    return {
        "headline_wall": median(opens, 0),
        "headline_cpu": median(opens, 1),
        "report_wall": median(opens, 2),
        "report_cpu": median(opens, 3),
        "soon_headline_wall": median(soon, 0),
        "soon_report_wall": median(soon, 2),
        "soon_report_cpu": median(soon, 3),
        "soon_preloaded": sum(int(row[4]) for row in soon),
        "bare_wall": median(bare, 0),
        "bare_cpu": median(bare, 1),
        "runs": runs,
    }


def describe(m: dict[str, Any]) -> str:
    """One line: both moments, wall and CPU, beside the bare app and the 1 s target."""
    return (
        f"dashboard first open, median of {m['runs']}: headline after {m['headline_wall']:.2f} s "
        f"wall / {m['headline_cpu']:.2f} s CPU; whole report drawn after "
        f"{m['report_wall']:.2f} s wall / {m['report_cpu']:.2f} s CPU (target 1 s); pressed "
        f"as soon as the list shows (the libraries already loaded in {m['soon_preloaded']} of "
        f"{m['runs']} runs: a busy machine draws the list slowly): headline after "
        f"{m['soon_headline_wall']:.2f} s, report after {m['soon_report_wall']:.2f} s wall / "
        f"{m['soon_report_cpu']:.2f} s CPU; "
        f"bare Textual app start in the same run: {m['bare_wall']:.2f} s wall / "
        f"{m['bare_cpu']:.2f} s CPU"
    )


if __name__ == "__main__":
    command_line(__doc__, DEMO_LEAD, measure, describe)
