"""End-to-end ``moderator import cases`` speed: one process against every core.

``python benchmarks/import_speed.py`` writes about 2,000 synthetic notes of about 1 KB
(the labelled corpus's records, each note repeated to length; no real data), then runs
the installed ``moderator`` script on them into a fresh database each time, serially
(``MODERATOR_IMPORT_JOBS=1``) and with the default (every core, up to eight), alternately,
3 runs each. It prints the median wall-clock and CPU time of each (CPU time includes the
worker processes) and the notes per second, with the machine's load before and after:
on a shared machine the wall-clock figures move with other people's work.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.import_support import write_export  # noqa: E402

MODES = {"serial": "1", "parallel": None}
"""Each mode's ``MODERATOR_IMPORT_JOBS`` (None: not set, the default choice)."""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _import_once(export: Path, workdir: Path, run: int, jobs: str | None) -> tuple[float, float]:
    """One CLI import into a fresh database: (wall seconds, CPU seconds of it and its workers)."""
    db, key = workdir / f"run{run}.db", workdir / "pseudonym.key"
    env = {k: v for k, v in os.environ.items() if k != "MODERATOR_IMPORT_JOBS"}
    if jobs is not None:
        env["MODERATOR_IMPORT_JOBS"] = jobs
    script = Path(sys.executable).with_name("moderator")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "moderator"]
    cpu, wall = _children_cpu(), time.perf_counter()
    subprocess.run(
        [*command, "import", "cases", str(export), "--db", str(db), "--key-file", str(key)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    elapsed, used = time.perf_counter() - wall, _children_cpu() - cpu
    db.unlink()
    return elapsed, used


def main() -> None:
    """Print the medians of serial and parallel imports, notes/s by wall clock and CPU time."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--jobs",
        default=None,
        help="the parallel runs' MODERATOR_IMPORT_JOBS (default: unset, the import's own choice,"
        " which stays serial below its thresholds; give 2 to time two processes on a small file)",
    )
    args = parser.parse_args()
    MODES["parallel"] = args.jobs
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        export = write_export(workdir / "cases.jsonl", args.cases, note_chars=1000)
        size = export.stat().st_size / args.cases
        print(f"{args.cases} notes, {size:.0f} bytes a record; {os.cpu_count()} CPUs")
        print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
        times: dict[str, list[tuple[float, float]]] = {mode: [] for mode in MODES}
        for run in range(args.runs):
            for mode, jobs in MODES.items():
                times[mode].append(_import_once(export, workdir, run, jobs))
        print("load average after:  {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    for mode, runs in times.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        print(
            f"{mode:<9} wall {wall:6.2f} s = {args.cases / wall:5.0f} notes/s;"
            f"  CPU {cpu:6.2f} s = {args.cases / cpu:5.0f} notes/s of CPU"
        )


if __name__ == "__main__":
    main()
