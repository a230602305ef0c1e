"""moderator's benchmarks, each beside its nearest baseline, in one command.

    .venv/bin/python benchmarks/run.py            # full sizes (a few minutes on 2 cores)
    .venv/bin/python benchmarks/run.py --quick    # tiny sizes: checks the benchmarks run
    .venv/bin/python benchmarks/run.py --only synth,grading --json results.json

Every benchmark runs in a fresh interpreter (so cold starts are cold and peak
memory is its own) and times, in the same run, the nearest baseline:

| benchmark | baseline |
|---|---|
| synth N audits (bulk generator) | bare ``executemany`` of as many rows into a plain table |
| grading: ``save_criterion`` key press to saved, on the synth database | a bare single-row UPSERT transaction |
| ``list_audits`` for the busiest manager; ``get_audit`` | a bare ``SELECT`` of the same rows |
| ``moderator report`` from the synth database | a bare SQLite scan of the paired rows |
| ``moderator report --from-csv`` on 1,000,000 rows | ``csv.reader`` scan (``bench_report_csv.py``) |
| ``import cases`` (anonymise + store) | a plain JSON parse of the import file |
| TUI cold start to first screen | an empty Textual app's start |

Peak memory is each child's ``ru_maxrss`` (``resource.getrusage``).
A benchmark whose feature is not in this build is reported as pending.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
MODERATOR = shutil.which("moderator", path=str(Path(PYTHON).parent)) or "moderator"

FULL = {"audits": 100_000, "csv_rows": 1_000_000, "import_cases": 2_000, "presses": 200}
QUICK = {"audits": 2_000, "csv_rows": 24_000, "import_cases": 30, "presses": 20}


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value


def _median_ms(fn: Callable[[], Any], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


# -- children: one benchmark each, in a fresh interpreter ---------------------------------------------


def child_synth(work: Path, sizes: dict[str, int]) -> dict[str, Any]:
    from moderator.services.rubrics import shipped_rubrics
    from moderator.store import open_store
    from moderator.synth.bulk import synthesise
    from moderator.synth.config import SynthConfig

    db = work / "synth.db"
    store = open_store(db)
    rubrics = shipped_rubrics()
    seconds, result = _timed(
        lambda: synthesise(store, SynthConfig(audits=sizes["audits"], seed=1), rubrics)
    )
    rows = sum(
        store.scalar(f"SELECT count(*) FROM {t}")
        for t in (
            "cases",
            "audits",
            "criterion_grades",
            "moderations",
            "moderation_grades",
            "events",
        )
    )
    store.close()
    peak = _peak_mb()
    # Baseline: the same number of rows, of similar width, with a bare executemany.
    base = sqlite3.connect(work / "baseline.db", isolation_level=None)
    base.execute("PRAGMA journal_mode = WAL")
    base.execute("CREATE TABLE t (a INTEGER, b TEXT, c INTEGER, d TEXT, e TEXT)")
    note = "Visits within timescale and recorded; plan reviewed."
    stamp = "2020-03-02T09:00:00+00:00"

    def bare() -> None:
        base.execute("BEGIN")
        base.executemany(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?)",
            ((i, "risk-identified-and-acted-on", i % 4 + 1, note, stamp) for i in range(rows)),
        )
        base.execute("COMMIT")

    baseline, _ = _timed(bare)
    base.close()
    return {
        "name": f"synth {sizes['audits']:,} audits",
        "seconds": seconds,
        "detail": f"{rows:,} rows ({result.audits / seconds:,.0f} audits/s); db {db.stat().st_size / 1e6:.0f} MB",
        "baseline": f"bare executemany of {rows:,} rows",
        "baseline_seconds": baseline,
        "peak_mb": peak,
    }


def _busy_manager(db: Path) -> tuple[str, int, str]:
    conn = sqlite3.connect(db)
    name, manager_id = conn.execute(
        "SELECT u.name, u.id FROM audits a JOIN users u ON u.id = a.manager_id"
        " GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1"
    ).fetchone()
    lead = conn.execute("SELECT name FROM users WHERE role = 'lead' ORDER BY id LIMIT 1").fetchone()
    conn.close()
    return name, manager_id, lead[0]


def child_grading(work: Path, sizes: dict[str, int]) -> list[dict[str, Any]]:
    from moderator.domain.grades import Grade
    from moderator.services.audits import audit_rubric, get_audit, list_audits, save_criterion
    from moderator.services.users import get_user
    from moderator.store import open_store

    db = work / "synth.db"
    name, manager_id, _lead = _busy_manager(db)
    store = open_store(db)
    manager = get_user(store, name)
    open_audit = store.scalar(
        "SELECT id FROM audits WHERE manager_id = ? AND status != 'submitted' ORDER BY id LIMIT 1",
        [manager_id],
    )
    if open_audit is None:  # every audit submitted: give the manager a fresh one
        raise SystemExit("no open audit to grade in the synth database")
    criterion = audit_rubric(store, open_audit).criteria[0].id
    flip = [Grade.GOOD, Grade.REQUIRES_IMPROVEMENT]
    count = iter(range(10**9))

    def press() -> None:
        i = next(count)
        save_criterion(store, manager, open_audit, criterion, grade=flip[i % 2], note=f"note {i}")

    presses = sizes["presses"]
    save_median, save_p95 = _median_ms(press, presses)
    list_median, _ = _median_ms(lambda: list_audits(store, manager), 10)
    listed = len(list_audits(store, manager))
    open_median, _ = _median_ms(lambda: get_audit(store, manager, open_audit), 50)
    peak = _peak_mb()  # before the lead's list, which holds every audit
    lead = get_user(store, _lead)
    lead_seconds, everything = _timed(lambda: list_audits(store, lead))
    store.close()

    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    other = conn.execute(
        "SELECT id FROM audits WHERE status != 'submitted' AND id != ? ORDER BY id LIMIT 1",
        [open_audit],
    ).fetchone()[0]

    def bare_press() -> None:
        i = next(count)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO criterion_grades (audit_id, criterion, grade, note, updated_at)"
            " VALUES (?, ?, ?, ?, '2020-01-01') ON CONFLICT (audit_id, criterion) DO UPDATE"
            " SET grade = excluded.grade, note = excluded.note",
            (other, criterion, i % 2 + 2, f"note {i}"),
        )
        conn.execute("COMMIT")

    bare_save, _ = _median_ms(bare_press, presses)
    bare_list, _ = _median_ms(
        lambda: conn.execute("SELECT * FROM audits WHERE manager_id = ?", [manager_id]).fetchall(),
        10,
    )
    bare_all, _ = _timed(lambda: conn.execute("SELECT * FROM audits").fetchall())
    bare_open, _ = _median_ms(
        lambda: conn.execute(
            "SELECT * FROM criterion_grades WHERE audit_id = ?", [open_audit]
        ).fetchall(),
        50,
    )
    conn.close()
    return [
        {
            "name": "grading: save_criterion (key press to saved)",
            "ms": save_median,
            "detail": f"median of {presses}; p95 {save_p95:.2f} ms",
            "baseline": "bare single-row UPSERT transaction",
            "baseline_ms": bare_save,
            "peak_mb": peak,
        },
        {
            "name": "list_audits for the busiest manager",
            "ms": list_median,
            "detail": f"{listed} audits",
            "baseline": "bare SELECT of the manager's audits",
            "baseline_ms": bare_list,
            "peak_mb": peak,
        },
        {
            "name": "list_audits as a lead (every audit)",
            "seconds": lead_seconds,
            "detail": f"{len(everything):,} audits, one call",
            "baseline": "bare SELECT of every audit",
            "baseline_seconds": bare_all,
            "peak_mb": _peak_mb(),
        },
        {
            "name": "get_audit (open an audit to grade)",
            "ms": open_median,
            "detail": "median of 50",
            "baseline": "bare SELECT of its criterion grades",
            "baseline_ms": bare_open,
            "peak_mb": peak,
        },
    ]


def _has_command(*words: str) -> bool:
    done = subprocess.run([MODERATOR, *words, "--help"], capture_output=True)
    return done.returncode == 0


def child_report_db(work: Path, sizes: dict[str, int]) -> dict[str, Any]:
    db = work / "synth.db"
    _name, _id, lead = _busy_manager(db)
    out = work / "report.json"
    seconds, _ = _timed(
        lambda: subprocess.run(
            [
                MODERATOR,
                "report",
                "--db",
                str(db),
                "--as",
                lead,
                "--format",
                "json",
                "--out",
                str(out),
            ],
            check=True,
            capture_output=True,
        )
    )
    headline = json.loads(out.read_text(encoding="utf-8")).get("headline", "")
    peak = _peak_mb(resource.RUSAGE_CHILDREN)
    conn = sqlite3.connect(db)
    baseline, rows = _timed(
        lambda: len(
            conn.execute(
                "SELECT g.audit_id, g.criterion, g.grade, mg.moderated_grade, u.name, c.team,"
                " a.submitted_at FROM criterion_grades g JOIN audits a ON a.id = g.audit_id"
                " JOIN users u ON u.id = a.manager_id JOIN cases c ON c.id = a.case_id"
                " LEFT JOIN moderations m ON m.audit_id = a.id"
                " LEFT JOIN moderation_grades mg ON mg.moderation_id = m.id"
                " AND mg.criterion = g.criterion WHERE a.status = 'submitted'"
            ).fetchall()
        )
    )
    conn.close()
    return {
        "name": f"report from the database ({sizes['audits']:,} audits)",
        "seconds": seconds,
        "detail": f"{rows:,} paired rows; fresh process, JSON out. {headline[:70]}",
        "baseline": "bare SQLite scan of the paired rows",
        "baseline_seconds": baseline,
        "peak_mb": peak,
    }


def child_report_csv(work: Path, sizes: dict[str, int]) -> dict[str, Any]:
    sys.path.insert(0, str(HERE))
    import bench_report_csv as csvbench  # the analysis benchmark's generator and baseline

    path = work / "pairs.csv"
    csvbench.generate(path, sizes["csv_rows"])
    baseline, records = _timed(lambda: csvbench.scan(path))
    out = work / "report-csv.json"
    seconds, _ = _timed(
        lambda: subprocess.run(
            [MODERATOR, "report", "--from-csv", str(path), "--format", "json", "--out", str(out)],
            check=True,
            capture_output=True,
        )
    )
    return {
        "name": f"report --from-csv ({records - 1:,} rows)",
        "seconds": seconds,
        "detail": f"CSV {path.stat().st_size / 1e6:.0f} MB; fresh process, JSON out",
        "baseline": "csv.reader scan of the file",
        "baseline_seconds": baseline,
        "peak_mb": _peak_mb(resource.RUSAGE_CHILDREN),
    }


def child_import(work: Path, sizes: dict[str, int]) -> dict[str, Any]:
    from moderator.services.cases import import_cases
    from moderator.store import open_store
    from moderator.synth.sample import raw_case_records

    count = sizes["import_cases"]
    path = work / "cases.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for record in raw_case_records(count, seed=7):
            handle.write(json.dumps(record) + "\n")
    baseline, _ = _timed(
        lambda: [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    )
    store = open_store(work / "import.db")
    seconds, result = _timed(lambda: import_cases(store, None, path, key_path=work / "bench.key"))
    store.close()
    return {
        "name": f"import cases ({count:,} cases)",
        "seconds": seconds,
        "detail": f"{result.added / seconds:,.0f} cases/s; {path.stat().st_size / 1e6:.1f} MB file",
        "baseline": "plain JSON parse of the file",
        "baseline_seconds": baseline,
        "peak_mb": _peak_mb(),
    }


_TUI_START = """
import asyncio, sys, time
started = time.perf_counter()
{imports}
async def main():
    app = {make}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
asyncio.run(main())
print(time.perf_counter() - started)
"""


def child_tui(work: Path, _sizes: dict[str, int]) -> list[dict[str, Any]]:
    from moderator.demo import build_demo_db

    db = work / "demo.db"
    if not db.exists():
        build_demo_db(db)

    def start(imports: str, make: str) -> float:
        code = _TUI_START.format(imports=imports, make=make)
        began = time.perf_counter()
        subprocess.run([PYTHON, "-c", code], check=True, capture_output=True, cwd=work)
        return time.perf_counter() - began

    app = start(
        "from moderator.tui.app import create_app",
        f"create_app({str(db)!r}, 'Gillian Hargreaves', remember_user=False)",
    )
    empty = start("from textual.app import App", "App()")
    results = [
        {
            "name": "TUI cold start to first screen (demo database)",
            "seconds": app,
            "detail": "fresh interpreter: imports, open the database, mount the home screen",
            "baseline": "an empty Textual app's start",
            "baseline_seconds": empty,
            "peak_mb": _peak_mb(resource.RUSAGE_CHILDREN),
        }
    ]
    big = work / "synth.db"
    if big.exists():  # the synth benchmark's database: a lead's home lists every audit
        manager, _id, lead = _busy_manager(big)
        for who, role in ((manager, "manager"), (lead, "lead")):
            seconds = start(
                "from moderator.tui.app import create_app",
                f"create_app({str(big)!r}, {who!r}, remember_user=False)",
            )
            audits = sqlite3.connect(big).execute("SELECT count(*) FROM audits").fetchone()[0]
            results.append(
                {
                    "name": f"TUI cold start as a {role} ({audits:,}-audit database)",
                    "seconds": seconds,
                    "detail": "fresh interpreter to the home screen",
                    "baseline": "an empty Textual app's start",
                    "baseline_seconds": empty,
                    "peak_mb": _peak_mb(resource.RUSAGE_CHILDREN),
                }
            )
    return results


CHILDREN: dict[str, Callable[[Path, dict[str, int]], Any]] = {
    "synth": child_synth,
    "grading": child_grading,
    "report-db": child_report_db,
    "report-csv": child_report_csv,
    "import": child_import,
    "tui": child_tui,
}


def _available(name: str) -> str | None:
    """Why a benchmark cannot run in this build (None when it can)."""
    import importlib.util

    needs = {
        "report-db": ("moderator.analysis.report", "the drift report"),
        "report-csv": ("moderator.analysis.report", "the drift report"),
        "import": ("moderator.anonymise.pipeline", "the anonymising import"),
        "tui": ("moderator.tui.app", "the TUI"),
    }
    if name in needs:
        module, what = needs[name]
        try:
            found = importlib.util.find_spec(module) is not None
        except ModuleNotFoundError:
            found = False
        if not found:
            return f"pending: {what} is not in this build"
    if name == "report-csv" and not (HERE / "bench_report_csv.py").is_file():
        return "pending: benchmarks/bench_report_csv.py is not in this build"
    return None


# -- the parent ------------------------------------------------------------------------------------------


def _run_child(name: str, work: Path, quick: bool) -> list[dict[str, Any]]:
    done = subprocess.run(
        [PYTHON, __file__, "--child", name, "--work", str(work), *(["--quick"] if quick else [])],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        return [{"name": name, "error": " | ".join(tail)}]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    return out if isinstance(out, list) else [out]


def _row(result: dict[str, Any]) -> str:
    if "error" in result:
        return f"| {result['name']} | failed: {result['error']} | | | | |"
    if "pending" in result:
        return f"| {result['name']} | {result['pending']} | | | | |"
    if "ms" in result:
        value, base = result["ms"], result["baseline_ms"]
        shown, base_shown = f"{value:.2f} ms", f"{base:.3f} ms"
    else:
        value, base = result["seconds"], result["baseline_seconds"]
        shown, base_shown = f"{value:.2f} s", f"{base:.2f} s"
    ratio = value / base if base else float("nan")
    return (
        f"| {result['name']} | {shown} | {result['baseline']}: {base_shown} | {ratio:.1f}× |"
        f" {result['peak_mb']:.0f} MB | {result['detail']} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes (a smoke test)")
    parser.add_argument("--only", default="", help=f"comma-separated: {', '.join(CHILDREN)}")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL

    if args.child:
        result = CHILDREN[args.child](args.work, sizes)
        print(json.dumps(result))
        return 0

    names = [n for n in args.only.split(",") if n] or list(CHILDREN)
    unknown = [n for n in names if n not in CHILDREN]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    if {"grading", "report-db"} & set(names) and "synth" not in names:
        names.insert(0, "synth")  # they run on the synth database
    work = args.keep or Path(tempfile.mkdtemp(prefix="moderator-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: list[dict[str, Any]] = []
    print(f"moderator benchmarks ({'quick' if args.quick else 'full'} sizes) in {work}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs\n")
    print("| benchmark | time | baseline | ratio | peak memory | detail |")
    print("|---|---|---|---|---|---|")
    try:
        for name in names:
            why = _available(name)
            found = [{"name": name, "pending": why}] if why else _run_child(name, work, args.quick)
            for result in found:
                print(_row(result), flush=True)
            results.extend(found)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 1 if any("error" in r for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
