"""Cold start of the workbench: seconds from a fresh interpreter to the first screen with data.

    .venv/bin/python benchmarks/tui_cold_start.py [--db PATH --as NAME] [--runs 5]

Without ``--db`` it builds a small database with the tests' mini rubric. Each
run is a new process (imports are part of the cost); the app runs headless
and exits as soon as the home screen has drawn the user's audits.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CHILD = r"""
import time, sys
t0 = time.perf_counter()
from moderator.tui.app import create_app
app = create_app(sys.argv[1], sys.argv[2], remember_user=False)

async def auto_pilot(pilot):
    import asyncio
    while app.ready_after is None:
        await asyncio.sleep(0.005)
    app.exit()

app.run(headless=True, auto_pilot=auto_pilot, size=(120, 40))
print(f"{time.perf_counter() - t0:.4f} {app.ready_after:.4f}")
"""


def build_small_db(path: Path) -> None:
    """A lead, a manager and a dozen audits against the mini rubric."""
    sys.path.insert(0, str(REPO))
    from tests.helpers import add_case, people

    from moderator.services.audits import assign_audit
    from moderator.store import open_store

    with open_store(path) as store:
        lee = people(store)["lee"]
        for i in range(12):
            add_case(store, f"C-{i:03d}")
            assign_audit(store, lee, f"C-{i:03d}", "mia", "mini", "2020-02-28")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--as", dest="user", default="mia")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as folder:
        env.setdefault("MODERATOR_CONFIG", str(Path(folder) / "config.yaml"))
        db = args.db
        if db is None:
            env["MODERATOR_RUBRICS"] = str(REPO / "tests" / "data" / "rubrics")
            os.environ["MODERATOR_RUBRICS"] = env["MODERATOR_RUBRICS"]
            db = Path(folder) / "bench.db"
            build_small_db(db)
        totals, readies = [], []
        for _ in range(args.runs):
            started = time.perf_counter()
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(db), args.user],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            ).stdout.split()
            wall = time.perf_counter() - started
            totals.append(wall)
            readies.append(float(out[1]))
        print(
            f"cold start to first screen with data: median {statistics.median(totals):.2f}s "
            f"(process wall time, {args.runs} runs; min {min(totals):.2f}s); "
            f"app creation to data on screen: median {statistics.median(readies):.2f}s"
        )


if __name__ == "__main__":
    main()
