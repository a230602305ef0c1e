"""Cold start of the workbench: seconds from a fresh interpreter to the first screen with data.

    .venv/bin/python benchmarks/tui_cold_start.py [--db PATH --as NAME] [--runs 5]

Without ``--db`` it builds a small database with the tests' mini rubric. Each
run is a new process (imports are part of the cost); the app runs headless
and exits as soon as the home screen has drawn the user's audits. In the same
run, alternating with it, a bare Textual app (a table and a footer, nothing
read) is started the same way: the floor, and the ratio to it.
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
import resource, time, sys
t0 = time.perf_counter()

def cpu():
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime

from moderator.tui.app import create_app
cpu0 = cpu()
app = create_app(sys.argv[1], sys.argv[2], remember_user=False)

first = None

async def auto_pilot(pilot):
    global first, cpu1
    import asyncio
    while app.ready_after is None:
        await asyncio.sleep(0.005)
    first = time.perf_counter() - t0
    cpu1 = cpu()
    app.exit()

app.run(headless=True, auto_pilot=auto_pilot, size=(120, 40))
import resource
use = resource.getrusage(resource.RUSAGE_SELF)
peak, cpu = use.ru_maxrss / 1024, use.ru_utime + use.ru_stime
print(
    f"{time.perf_counter() - t0:.4f} {first:.4f} {peak:.0f} {app.ready_after:.4f} {cpu:.4f}"
    f" {cpu1 - cpu0:.4f}"
)
"""

BARE = r"""
import resource, time
t0 = time.perf_counter()

def cpu():
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime

from textual.app import App
from textual.widgets import DataTable, Footer

class Bare(App):
    def __init__(self):
        super().__init__()
        self.created, self.cpu0 = time.perf_counter(), cpu()

    def compose(self):
        yield DataTable()
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.drawn)

    def drawn(self):
        self.first = time.perf_counter() - t0
        self.ready_after = time.perf_counter() - self.created
        self.cpu_ready = cpu() - self.cpu0
        self.exit()

app = Bare()
app.run(headless=True, size=(120, 40))
import resource
use = resource.getrusage(resource.RUSAGE_SELF)
peak, cpu = use.ru_maxrss / 1024, use.ru_utime + use.ru_stime
print(
    f"{time.perf_counter() - t0:.4f} {app.first:.4f} {peak:.0f} {app.ready_after:.4f} {cpu:.4f}"
    f" {app.cpu_ready:.4f}"
)
"""


def run_child(code: str, args: list[str], env: dict[str, str]) -> tuple[float, ...]:
    """One run: process wall time, interpreter start to first screen, peak MB, app creation
    to first screen, CPU seconds of the whole process and from app creation to first screen
    (all threads)."""
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True
    ).stdout.split()
    return (time.perf_counter() - started, *(float(x) for x in out[1:6]))


def build_small_db(path: Path) -> None:
    """A lead, a manager and a dozen audits against the mini rubric."""
    sys.path.insert(0, str(REPO))
    from tests.helpers import add_case, people

    from moderator.domain.rubric_files import use_rubrics_dir
    from moderator.services.audits import assign_audit
    from moderator.store import open_store

    use_rubrics_dir(REPO / "tests" / "data" / "rubrics")  # the faces do this from the settings

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
        ours: list[tuple[float, ...]] = []
        bare: list[tuple[float, ...]] = []
        for _ in range(args.runs):  # alternately, so both see the same machine
            ours.append(run_child(CHILD, [str(db), args.user], env))
            bare.append(run_child(BARE, [], env))
        for label, runs in (("workbench", ours), ("bare Textual app", bare)):
            walls, firsts, peaks, readies, cpus, cpu_readies = zip(*runs, strict=True)
            print(
                f"{label}: first screen with data after median {statistics.median(firsts):.2f}s"
                f" (min {min(firsts):.2f}s; from the app's creation"
                f" {statistics.median(readies):.2f}s; process wall {statistics.median(walls):.2f}s;"
                f" CPU {statistics.median(cpus):.2f}s, of which from the app's creation"
                f" {statistics.median(cpu_readies):.2f}s; peak {max(peaks):.0f} MB; {args.runs} runs)"
            )
        ratio = statistics.median(r[1] for r in ours) / statistics.median(r[1] for r in bare)
        print(f"ratio to the bare app, first screen: {ratio:.2f}x")


if __name__ == "__main__":
    main()
