"""Cold start of the workbench beside a bare Textual app, in one run: wall and CPU time.

    .venv/bin/python benchmarks/tui_cold_start.py                  # the demo database, a manager
    .venv/bin/python benchmarks/tui_cold_start.py --db PATH --as NAME --runs 9

Each run is a fresh interpreter (imports are part of the cost), headless, 120x40.
The workbench's run ends when the home screen has drawn the user's audits
(``app.ready_after`` set, then one more refresh); the bare app's when its first
screen has drawn. Each child reports its wall time from the first line of the
script and its CPU time (user + system, all threads: the database worker's too)
at that moment, so work started after the first screen is not counted, on either
side. The two alternate run by run, so both see the same machine; medians are
printed, after one unmeasured run of each (bytecode written, files cached). On a
shared, busy machine wall time mostly measures the queue for a core: the CPU ratio
is the fairer figure.

Without ``--db`` it builds the demo database (``moderator demo``'s) in a temporary
folder and starts as a manager of it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

PYTHON = sys.executable
DEMO_MANAGER = "Naomi Okonkwo"

CHILD = r"""
import os, sys, time
started = time.perf_counter()
{imports}
app = {make}

async def auto_pilot(pilot):
    while not ({ready}):
        await pilot.pause(0.002)
    await pilot.pause()
    cpu = os.times()
    print(f"{{time.perf_counter() - started:.4f}} {{cpu.user + cpu.system:.4f}}")
    app.exit()

app.run(headless=True, auto_pilot=auto_pilot, size=(120, 40))
"""

WORKBENCH = CHILD.format(
    imports="from moderator.tui.app import create_app",
    make="create_app(sys.argv[1], sys.argv[2], remember_user=False)",
    ready="app.ready_after is not None",
)
BARE = CHILD.format(imports="from textual.app import App", make="App()", ready="True")


def child_env() -> dict[str, str]:
    """The environment of a child: bytecode may be written, as it is for an installed package.

    With ``PYTHONDONTWRITEBYTECODE`` set (as on the shared machine) every start would
    compile moderator's modules from source, while Textual's come compiled from pip:
    not what a user's start costs.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_child(script: str, *argv: str, cwd: Path | None = None) -> list[float]:
    """Run ``script`` in a fresh interpreter; the numbers on its last line of output."""
    done = subprocess.run(
        [PYTHON, "-c", script, *argv],
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,
        env=child_env(),
    )
    return [float(x) for x in done.stdout.strip().splitlines()[-1].split()]


def measure(db: Path, user: str, runs: int, cwd: Path | None = None) -> dict[str, Any]:
    """Median wall and CPU to the first screen, the workbench and a bare app alternating."""
    ours: list[list[float]] = []
    bare: list[list[float]] = []
    run_child(WORKBENCH, str(db), user, cwd=cwd)  # unmeasured: writes bytecode, warms the disk
    run_child(BARE, cwd=cwd)
    for _ in range(runs):
        ours.append(run_child(WORKBENCH, str(db), user, cwd=cwd))
        bare.append(run_child(BARE, cwd=cwd))
    return {
        "wall": statistics.median(w for w, _ in ours),
        "cpu": statistics.median(c for _, c in ours),
        "bare_wall": statistics.median(w for w, _ in bare),
        "bare_cpu": statistics.median(c for _, c in bare),
        "runs": runs,
    }


def demo_db(folder: Path) -> Path:
    """The demo database in ``folder`` (built once, then reused)."""
    db = folder / "demo.db"
    if not db.exists():
        from moderator.demo import build_demo_db

        build_demo_db(db)
    return db


def describe(m: dict[str, Any]) -> str:
    """One line: wall and CPU, ours beside the bare app's, and the ratios."""
    return (
        f"cold start to the first screen with data, median of {m['runs']}: "
        f"wall {m['wall']:.2f} s vs bare Textual app {m['bare_wall']:.2f} s "
        f"({m['wall'] / m['bare_wall']:.2f}x); CPU {m['cpu']:.2f} s vs {m['bare_cpu']:.2f} s "
        f"({m['cpu'] / m['bare_cpu']:.2f}x)"
    )


Measure = Callable[..., dict[str, Any]]


def command_line(doc: str, user: str, measure: Measure, describe: Callable[..., str]) -> None:
    """The command line this script and ``dashboard_open.py`` share: --db, --as, --runs."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--as", dest="user", default=user)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        # A config file of its own: the user's config (theme, remembered user) stays out.
        os.environ.setdefault("MODERATOR_CONFIG", str(Path(folder) / "config.yaml"))
        db = args.db or demo_db(Path(folder))
        print(describe(measure(db, args.user, args.runs, cwd=Path(folder))))


if __name__ == "__main__":
    command_line(__doc__, DEMO_MANAGER, measure, describe)
