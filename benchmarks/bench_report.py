"""The drift report at scale, each measure beside its floor or peer in the same run.

    .venv/bin/python benchmarks/bench_report.py --work /tmp/rb             # 10k and 100k audits
    .venv/bin/python benchmarks/bench_report.py --audits 10000 --csv-rows 200000 --runs 1
    .venv/bin/python benchmarks/bench_report.py --quick                    # seconds: checks it runs

Measures, each a median of ``--runs`` fresh processes (imports are part of the cost):

- ``moderator report --format json`` on synth databases of each ``--audits`` size,
  beside the floor: a bare ``sqlite3`` GROUP BY of the paired grades into count
  tables per manager and criterion, also a fresh process (interpreter + query);
- ``moderator report --from-csv`` on a ``--csv-rows`` paired-grades CSV, beside the
  peer (``/work/shared/bench/peer_report.py``: pandas + scikit-learn + krippendorff)
  run with ``--peer-python`` (a virtualenv with those; skipped when absent);
- the drift dashboard's first open on the demo database (key press to the report on
  screen, and to the headline), in a fresh headless app;
- cold start of the workbench to a manager's home on the demo, beside a bare Textual app.

Synth databases and the CSV are kept in ``--work`` and reused. Prints a Markdown table;
``--json FILE`` also writes the figures.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run import _TUI_START as TUI_START  # noqa: E402 - the same cold start as make bench

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

DASHBOARD = r"""
import asyncio, sys, time
from moderator.tui.app import create_app
from moderator.tui.screens.dashboard import DashboardScreen

app = create_app(sys.argv[1], sys.argv[2], remember_user=False)

async def main():
    async with app.run_test(size=(160, 48)) as pilot:
        while app.ready_after is None:
            await pilot.pause(0.005)
        await pilot.pause()
        began, cpu = time.perf_counter(), time.process_time()
        await pilot.press("d")
        headline = None
        while True:
            screen = app.screen
            if isinstance(screen, DashboardScreen):
                if headline is None and screen.report is not None:
                    headline = time.perf_counter() - began
                if screen.loaded:
                    break
            await asyncio.sleep(0.002)
        print(f"{time.perf_counter() - began:.4f} {headline:.4f} {time.process_time() - cpu:.4f}")

asyncio.run(main())
"""


CPU: dict[str, float] = {}
"""CPU seconds (user + system) of the last :func:`_median`'s runs, median: on a shared,
busy machine wall time mostly measures the queue for a core; CPU time does not."""


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(argv: list[str], cwd: Path | None = None) -> tuple[float, str]:
    began, cpu = time.perf_counter(), _cpu()
    done = subprocess.run(argv, check=True, capture_output=True, text=True, cwd=cwd)
    CPU["last"] = _cpu() - cpu
    return time.perf_counter() - began, done.stdout


def _median(runs: int, argv: list[str], cwd: Path | None = None) -> tuple[float, str]:
    times, cpus, out = [], [], ""
    for _ in range(runs):
        seconds, out = _run(argv, cwd)
        times.append(seconds)
        cpus.append(CPU["last"])
    CPU["median"] = statistics.median(cpus)
    return statistics.median(times), out


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _lead(db: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(db)
    (name,) = conn.execute("SELECT name FROM users WHERE role = 'lead' ORDER BY id").fetchone()
    conn.close()
    return str(name)


def synth_db(work: Path, audits: int) -> Path:
    """A synth database of ``audits`` audits in ``work`` (built once, then reused)."""
    db = work / f"synth-{audits}.db"
    if not db.exists():
        _run([MODERATOR, "synth", "--audits", str(audits), "--db", str(db), "--seed", "7"])
    return db


def bench_db(work: Path, audits: int, runs: int) -> dict[str, Any]:
    db = synth_db(work, audits)
    out = work / f"report-{audits}.json"
    argv = [MODERATOR, "report", "--db", str(db), "--as", _lead(db), "--format", "json"]
    seconds, _ = _median(runs, [*argv, "--out", str(out)])
    cpu = CPU["median"]
    peak = _peak_mb()
    floor, cells = _median(runs, [PYTHON, "-c", FLOOR, str(db)])
    report = json.loads(out.read_text(encoding="utf-8"))
    return {
        "name": f"report, {audits:,}-audit synth database",
        "seconds": seconds,
        "baseline": "sqlite3 GROUP BY into count tables per manager and criterion",
        "baseline_seconds": floor,
        "cpu": cpu,
        "baseline_cpu": CPU["median"],
        "peak_mb": peak,
        "detail": f"{report['overall']['n'] + report['criteria']['n']:,} moderated pairs; "
        f"floor gives {int(cells):,} count cells; {db.stat().st_size / 1e6:.0f} MB database",
    }


def bench_csv(work: Path, rows: int, runs: int, peer_python: Path | None) -> dict[str, Any]:
    sys.path.insert(0, str(HERE))
    import bench_report_csv as csvbench

    path = work / f"pairs-{rows}.csv"
    if not path.exists():
        csvbench.generate(path, rows)
    out = work / f"report-csv-{rows}.json"
    seconds, _ = _median(
        runs, [MODERATOR, "report", "--from-csv", str(path), "--format", "json", "--out", str(out)]
    )
    peak = _peak_mb()
    result: dict[str, Any] = {
        "name": f"report --from-csv, {rows:,} rows",
        "seconds": seconds,
        "cpu": CPU["median"],
        "peak_mb": peak,
        "detail": f"{path.stat().st_size / 1e6:.0f} MB CSV",
    }
    if peer_python is not None and peer_python.exists() and PEER.exists():
        peer, _ = _median(runs, [str(peer_python), str(PEER), str(path)])
        result.update(
            baseline="peer: pandas + scikit-learn + krippendorff",
            baseline_seconds=peer,
            baseline_cpu=CPU["median"],
        )
    else:
        began = time.perf_counter()
        csvbench.scan(path)
        scan = time.perf_counter() - began
        result.update(baseline="csv.reader scan (no peer venv)", baseline_seconds=scan)
    return result


def bench_dashboard(work: Path, runs: int) -> list[dict[str, Any]]:
    from moderator.demo import build_demo_db

    db = work / "demo.db"
    if not db.exists():
        build_demo_db(db)
    opened, headline, busy = [], [], []
    for _ in range(runs):
        _, out = _run([PYTHON, "-c", DASHBOARD, str(db), _lead(db)], cwd=work)
        total, first, cpu = (float(x) for x in out.split())
        opened.append(total)
        headline.append(first)
        busy.append(cpu)
    app_script = TUI_START.format(
        imports="from moderator.tui.app import create_app",
        make=f"create_app({str(db)!r}, 'Naomi Okonkwo', remember_user=False)",
    )
    bare_script = TUI_START.format(imports="from textual.app import App", make="App()")
    app, app_cpu = _median(runs, [PYTHON, "-c", app_script], cwd=work)[0], CPU["median"]
    bare, bare_cpu = _median(runs, [PYTHON, "-c", bare_script], cwd=work)[0], CPU["median"]
    return [
        {
            "name": "dashboard first open, demo database",
            "seconds": statistics.median(opened),
            "baseline": "target",
            "baseline_seconds": 1.0,
            "peak_mb": _peak_mb(),
            "detail": f"key press to the report on screen; headline after "
            f"{statistics.median(headline):.2f} s; the app's CPU meanwhile "
            f"{statistics.median(busy):.2f} s (all threads)",
        },
        {
            "name": "cold start to a manager's home, demo database",
            "seconds": app,
            "cpu": app_cpu,
            "baseline": "a bare Textual app's start",
            "baseline_seconds": bare,
            "baseline_cpu": bare_cpu,
            "peak_mb": _peak_mb(),
            "detail": "fresh interpreter: imports, database, home screen",
        },
    ]


def _row(r: dict[str, Any]) -> str:
    ratio = r["seconds"] / r["baseline_seconds"] if r.get("baseline_seconds") else float("nan")
    cpu = ""
    if r.get("cpu") and r.get("baseline_cpu"):
        cpu = f"{r['cpu']:.2f} s / {r['baseline_cpu']:.2f} s = {r['cpu'] / r['baseline_cpu']:.2f}×"
    return (
        f"| {r['name']} | {r['seconds']:.2f} s | {r['baseline']}: {r['baseline_seconds']:.2f} s"
        f" | {ratio:.2f}× | {cpu} | {r['peak_mb']:.0f} MB | {r['detail']} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--audits", default="10000,100000", help="synth sizes, comma-separated")
    parser.add_argument("--csv-rows", default="1000000", help="CSV sizes, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per measure")
    parser.add_argument("--peer-python", type=Path, default=None, help="python with pandas etc.")
    parser.add_argument("--only", default="db,csv,tui", help="which of db, csv, tui")
    parser.add_argument("--work", type=Path, default=None, help="keep databases and files here")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one run")
    args = parser.parse_args(argv)
    if args.quick:
        args.audits, args.csv_rows, args.runs = "300", "12000", 1
    work = args.work or Path(tempfile.mkdtemp(prefix="moderator-report-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    only = set(args.only.split(","))
    results: list[dict[str, Any]] = []
    print(
        "| measure | wall time (median) | floor / peer (wall) | wall ratio | CPU: ours / theirs"
        " | peak memory | detail |"
    )
    print("|---|---|---|---|---|---|---|")
    try:
        jobs: list[Any] = []
        if "db" in only:
            jobs += [
                lambda n=int(n): [bench_db(work, n, args.runs)] for n in args.audits.split(",")
            ]
        if "csv" in only:
            jobs += [
                lambda n=int(n): [bench_csv(work, n, args.runs, args.peer_python)]
                for n in args.csv_rows.split(",")
            ]
        if "tui" in only:
            jobs.append(lambda: bench_dashboard(work, args.runs))
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
