"""The drift report at scale, each measure beside its floor or peer in the same run.

    .venv/bin/python benchmarks/bench_report.py --work /tmp/rb --peer-python /tmp/peer/bin/python \
        --audits 10000,100000,1000000 --db 1000000=/tmp/s1m.db --csv-rows 1000000,10000000
    .venv/bin/python benchmarks/bench_report.py --quick                    # seconds: checks it runs

Each measure is the median of ``--runs`` fresh processes (``--runs-large`` from a million
audits or ten million CSV rows), and each process is measured alone (``wait4``): wall
time, CPU time (user + system, all its threads) and peak resident memory.

- ``moderator report --format json`` on synth databases of each ``--audits`` size (built
  once in ``--work`` with seed 7, or given with ``--db SIZE=PATH``), beside the floor: a
  bare ``sqlite3`` GROUP BY of the paired grades into count tables per manager and
  criterion, also a fresh process (interpreter + query);
- ``moderator report --from-csv`` on paired-grades CSVs of each ``--csv-rows`` size,
  beside the peer (``/work/shared/bench/peer_report.py``: pandas + scikit-learn +
  krippendorff) run with ``--peer-python``, its address space capped at
  ``--peer-memory-gb``; when the peer is absent or cannot hold the file, beside a bare
  ``csv.reader`` scan of it instead;
- the drift dashboard's first open on the demo database (``dashboard_open.py``) and the
  cold start to a manager's home beside a bare Textual app (``tui_cold_start.py``).

Prints a Markdown table; ``--json FILE`` also writes the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # the sibling scripts: tui_cold_start, dashboard_open
from tui_cold_start import child_env  # noqa: E402 - bytecode allowed, as when installed

PYTHON = sys.executable
MODERATOR = shutil.which("moderator", path=str(Path(PYTHON).parent)) or "moderator"
PEER = Path("/work/shared/bench/peer_report.py")

FLOOR = r"""
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
rows = conn.execute(
    "SELECT u.name, g.criterion, g.grade, mg.moderated_grade, count(*)"
    " FROM audits a JOIN users u ON u.id = a.manager_id"
    " JOIN criterion_grades g ON g.audit_id = a.id"
    " LEFT JOIN moderations m ON m.audit_id = a.id AND m.status = 'reviewed'"
    " LEFT JOIN moderation_grades mg ON mg.moderation_id = m.id AND mg.criterion = g.criterion"
    " WHERE a.status = 'submitted' GROUP BY 1, 2, 3, 4"
).fetchall()
print(len(rows))
"""


@dataclass
class Run:
    """One fresh process: wall seconds, CPU seconds (user + system), peak resident MB."""

    wall: float
    cpu: float
    peak_mb: float
    out: str = ""
    failed: str | None = None


def run(argv: list[str], cwd: Path | None = None, memory_gb: float | None = None) -> Run:
    """Run ``argv`` and measure it alone (``wait4``: its own CPU and peak memory).

    ``memory_gb`` caps the process's address space: a peer that cannot hold the data
    fails with a MemoryError instead of pushing the shared machine into swap.
    """

    def cap() -> None:
        if memory_gb is not None:
            limit = int(memory_gb * 2**30)
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    began = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen(
            argv, stdout=out, stderr=err, cwd=cwd, env=child_env(), preexec_fn=cap
        )
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - began
        out.seek(0)
        err.seek(0)
        result = Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.read())
        if child.returncode != 0:
            last = (err.read().strip().splitlines() or ["(no message)"])[-1]
            result.failed = f"exit {child.returncode}: {last[:160]}"
    return result


def median_run(runs: int, argv: list[str], **kwargs: Any) -> Run:
    """``runs`` fresh processes; the medians of each figure (the first failure, if any)."""
    done = [run(argv, **kwargs) for _ in range(runs)]
    failed = next((r for r in done if r.failed), None)
    if failed is not None:
        return failed
    return Run(
        statistics.median(r.wall for r in done),
        statistics.median(r.cpu for r in done),
        statistics.median(r.peak_mb for r in done),
        done[-1].out,
    )


def _lead(db: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(db)
    (name,) = conn.execute("SELECT name FROM users WHERE role = 'lead' ORDER BY id").fetchone()
    conn.close()
    return str(name)


def synth_db(work: Path, audits: int, given: dict[int, Path]) -> Path:
    """A synth database of ``audits`` audits: given with ``--db``, else built once in ``work``."""
    if audits in given:
        return given[audits]
    db = work / f"synth-{audits}.db"
    if not db.exists():
        run([MODERATOR, "synth", "--audits", str(audits), "--db", str(db), "--seed", "7"])
    return db


def _result(name: str, ours: Run, floor: str, theirs: Run, detail: str) -> dict[str, Any]:
    return {
        "name": name,
        "seconds": ours.wall,
        "cpu": ours.cpu,
        "peak_mb": ours.peak_mb,
        "baseline": floor,
        "baseline_seconds": theirs.wall,
        "baseline_cpu": theirs.cpu,
        "baseline_peak_mb": theirs.peak_mb,
        "detail": detail,
    }


def bench_db(work: Path, audits: int, runs: int, given: dict[int, Path]) -> dict[str, Any]:
    db = synth_db(work, audits, given)
    out = work / f"report-{audits}.json"
    argv = [MODERATOR, "report", "--db", str(db), "--as", _lead(db), "--format", "json"]
    ours = median_run(runs, [*argv, "--out", str(out)])
    floor = median_run(runs, [PYTHON, "-c", FLOOR, str(db)])
    report = json.loads(out.read_text(encoding="utf-8"))
    return _result(
        f"report, {report_audits(db):,}-audit synth database",
        ours,
        "sqlite3 GROUP BY into count tables per manager and criterion",
        floor,
        f"{report['overall']['n'] + report['criteria']['n']:,} moderated pairs; "
        f"floor gives {int(floor.out):,} count cells; {db.stat().st_size / 1e6:,.0f} MB database",
    )


def report_audits(db: Path) -> int:
    """How many audits the database holds."""
    import sqlite3

    conn = sqlite3.connect(db)
    (count,) = conn.execute("SELECT count(*) FROM audits").fetchone()
    conn.close()
    return int(count)


SCAN = "import csv, sys\nprint(sum(1 for _ in csv.reader(open(sys.argv[1], newline=''))))"


def bench_csv(
    work: Path, rows: int, runs: int, peer_python: Path | None, peer_gb: float
) -> dict[str, Any]:
    sys.path.insert(0, str(HERE))
    import bench_report_csv as csvbench

    path = work / f"pairs-{rows}.csv"
    if not path.exists():
        csvbench.generate(path, rows)
    out = work / f"report-csv-{rows}.json"
    ours = median_run(
        runs, [MODERATOR, "report", "--from-csv", str(path), "--format", "json", "--out", str(out)]
    )
    detail = f"{path.stat().st_size / 1e6:,.0f} MB CSV"
    if peer_python is not None and peer_python.exists() and PEER.exists():
        peer = median_run(runs, [str(peer_python), str(PEER), str(path)], memory_gb=peer_gb)
        if peer.failed is None:
            return _result(
                f"report --from-csv, {rows:,} rows", ours, "peer: pandas + sklearn", peer, detail
            )
        detail += f"; the pandas peer failed within {peer_gb:g} GB ({peer.failed})"
    scan = median_run(runs, [PYTHON, "-c", SCAN, str(path)])
    return _result(f"report --from-csv, {rows:,} rows", ours, "csv.reader scan", scan, detail)


def bench_tui(work: Path, runs: int) -> list[dict[str, Any]]:
    import dashboard_open
    import tui_cold_start

    os.environ.setdefault("MODERATOR_CONFIG", str(work / "config.yaml"))
    db = tui_cold_start.demo_db(work)
    dash = dashboard_open.measure(db, dashboard_open.DEMO_LEAD, runs, cwd=work)
    cold = tui_cold_start.measure(db, tui_cold_start.DEMO_MANAGER, runs, cwd=work)
    return [
        {
            "name": "dashboard first open, demo database",
            "seconds": dash["report_wall"],
            "cpu": dash["report_cpu"],
            "baseline": "target",
            "baseline_seconds": 1.0,
            "detail": dashboard_open.describe(dash),
        },
        {
            "name": "cold start to a manager's home, demo database",
            "seconds": cold["wall"],
            "cpu": cold["cpu"],
            "baseline": "a bare Textual app's start",
            "baseline_seconds": cold["bare_wall"],
            "baseline_cpu": cold["bare_cpu"],
            "detail": tui_cold_start.describe(cold),
        },
    ]


def _row(r: dict[str, Any]) -> str:
    ratio = r["seconds"] / r["baseline_seconds"] if r.get("baseline_seconds") else float("nan")
    cpu = ""
    if r.get("cpu") and r.get("baseline_cpu"):
        cpu = f"{r['cpu']:.2f} s / {r['baseline_cpu']:.2f} s = {r['cpu'] / r['baseline_cpu']:.2f}×"
    memory = f"{r['peak_mb']:,.0f} MB" if r.get("peak_mb") else ""
    if r.get("baseline_peak_mb"):
        memory += f" / {r['baseline_peak_mb']:,.0f} MB"
    return (
        f"| {r['name']} | {r['seconds']:.2f} s | {r['baseline']}: {r['baseline_seconds']:.2f} s"
        f" | {ratio:.2f}× | {cpu} | {memory} | {r['detail']} |"
    )


def _given_dbs(values: list[str]) -> dict[int, Path]:
    """``--db SIZE=PATH`` options: existing synth databases to use for those sizes."""
    given = {}
    for value in values:
        size, _, path = value.partition("=")
        given[int(size)] = Path(path)
    return given


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--audits", default="10000,100000", help="synth sizes, comma-separated")
    parser.add_argument("--csv-rows", default="1000000", help="CSV sizes, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per measure")
    parser.add_argument(
        "--runs-large", type=int, default=1, help="processes per measure from 1M audits/10M rows"
    )
    parser.add_argument("--db", action="append", default=[], help="SIZE=PATH: use this database")
    parser.add_argument("--peer-python", type=Path, default=None, help="python with pandas etc.")
    parser.add_argument("--peer-memory-gb", type=float, default=10.0, help="the peer's memory cap")
    parser.add_argument("--only", default="db,csv,tui", help="which of db, csv, tui")
    parser.add_argument("--work", type=Path, default=None, help="keep databases and files here")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one run")
    args = parser.parse_args(argv)
    if args.quick:
        args.audits, args.csv_rows, args.runs = "300", "12000", 1
    work = args.work or Path(tempfile.mkdtemp(prefix="moderator-report-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    given = _given_dbs(args.db)
    only = set(args.only.split(","))

    def runs(size: int, large: int) -> int:
        return args.runs_large if size >= large else args.runs

    results: list[dict[str, Any]] = []
    print(
        "| measure | wall time (median) | floor / peer (wall) | wall ratio | CPU: ours / theirs"
        " | peak memory: ours / theirs | detail |"
    )
    print("|---|---|---|---|---|---|---|")
    try:
        jobs: list[Any] = []
        if "db" in only:
            jobs += [
                lambda n=int(n): [bench_db(work, n, runs(n, 1_000_000), given)]
                for n in args.audits.split(",")
            ]
        if "csv" in only:
            jobs += [
                lambda n=int(n): [
                    bench_csv(work, n, runs(n, 10_000_000), args.peer_python, args.peer_memory_gb)
                ]
                for n in args.csv_rows.split(",")
            ]
        if "tui" in only:
            jobs.append(lambda: bench_tui(work, 1 if args.quick else 5))
        for job in jobs:
            for result in job():
                print(_row(result), flush=True)
                results.append(result)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
