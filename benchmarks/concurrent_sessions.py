"""Many people at once: N signed-in sessions (processes) grading against one secured database.

    .venv/bin/python benchmarks/concurrent_sessions.py                  # 20 sessions x 200 presses
    .venv/bin/python benchmarks/concurrent_sessions.py --sessions 4 --presses 20   # seconds

Each session is its own process, as each browser tab of ``moderator serve`` is:
it opens the database, signs in with its own password (argon2id), opens its
audit through ``AuditTarget`` (what the grading screen uses) and then, for each
"key press", saves a new grade for the next criterion exactly as the grading
screen's worker does, timing from the press to the committed transaction. All
sessions start together. Afterwards the database is checked: every session's
last grade for every criterion is stored (nothing lost), one row per criterion
(nothing duplicated), and one ``audit.grade`` event per press; any
``database is locked`` error is counted.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import queue
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

RUBRIC = "help-and-protection"


def password_of(name: str) -> str:
    """Each synthetic manager's password (benchmark data, not a real secret)."""
    return f"{name} grades carefully"


def build(db: Path, sessions: int) -> None:
    """A secured database: a lead and ``sessions`` managers, each with one audit to do."""
    from moderator.services.audits import assign_audit
    from moderator.services.auth import set_password
    from moderator.services.cases import store_case
    from moderator.services.users import add_user, get_user
    from moderator.store import open_store
    from moderator.store.db import now_iso

    with open_store(db) as store:
        add_user(store, None, "Lead", "lead")
        lead = get_user(store, "Lead")
        set_password(store, lead, "Lead", password_of("Lead"))
        for i in range(sessions):
            name = f"Manager {i:02d}"
            add_user(store, "Lead", name, "manager", team="Bench Team")
            case = argparse.Namespace(
                case_ref=f"C-B{i:03d}",
                team="Bench Team",
                service_area="help_and_protection",
                opened="2020-01-06",
                text="[CHILD] was seen alone; the plan has dates.",
            )
            with store.transaction():
                store_case(store, case, import_id=None, stamp=now_iso())
            assign_audit(store, lead, case.case_ref, name, RUBRIC, "2030-01-01")
            set_password(store, lead, name, password_of(name))


def session(db: str, name: str, presses: int, start: Any, out: Any) -> None:
    """One person: sign in, open their audit, press grade keys; report latencies and errors."""
    from moderator.domain.grades import Grade
    from moderator.services.audits import list_audits
    from moderator.services.auth import sign_in
    from moderator.services.grading import AuditTarget
    from moderator.store import open_store

    latencies: list[float] = []
    locked = 0
    last: dict[str, int] = {}
    with open_store(Path(db)) as store:
        began = time.perf_counter()
        user = sign_in(store, name, password_of(name)).user
        signing_in = time.perf_counter() - began
        [audit] = list_audits(store, user)
        target = AuditTarget.open(store, user, audit.id)
        criteria = [e.criterion for e in target.load().entries]
        start.wait()
        for press in range(presses):
            criterion = criteria[press % len(criteria)]
            grade = (last.get(criterion, 0) % 4) + 1  # always a change: one event per press
            began = time.perf_counter()
            try:
                target.save(criterion, grade=Grade(grade), note=None)
            except sqlite3.OperationalError as exc:
                locked += "locked" in str(exc)
                continue
            latencies.append(time.perf_counter() - began)
            last[criterion] = grade
    out.put(
        {
            "name": name,
            "sign_in": signing_in,
            "audit": audit.id,
            "latencies": latencies,
            "locked": locked,
            "last": last,
        }
    )


def check(db: Path, results: list[dict[str, Any]]) -> dict[str, int]:
    """Compare what the sessions saved with what the database holds."""
    from moderator.store import open_store

    lost = duplicated = wrong_events = 0
    with open_store(db) as store:
        for r in results:
            rows = store.rows(
                "SELECT criterion, grade FROM criterion_grades WHERE audit_id = ?", [r["audit"]]
            )
            stored: dict[str, list[int]] = {}
            for row in rows:
                stored.setdefault(row["criterion"], []).append(row["grade"])
            for criterion, grade in r["last"].items():
                got = stored.get(criterion, [])
                lost += got != [grade] and len(got) <= 1
                duplicated += len(got) > 1
            events = store.scalar(
                "SELECT count(*) FROM events WHERE kind = 'audit.grade' AND entity_id = ?",
                [str(r["audit"])],
            )
            wrong_events += abs(int(events) - len(r["latencies"]))
    return {"lost": lost, "duplicated": duplicated, "event_mismatches": wrong_events}


def run(sessions: int, presses: int, folder: Path) -> dict[str, Any]:
    """Build the database, run the sessions together, check the result."""
    db = folder / "concurrent.db"
    build(db, sessions)
    ctx = mp.get_context("spawn")  # fresh interpreters, as separate workbench processes are
    start = ctx.Barrier(sessions + 1)
    out = ctx.Queue()
    procs = [
        ctx.Process(target=session, args=(str(db), f"Manager {i:02d}", presses, start, out))
        for i in range(sessions)
    ]
    for p in procs:
        p.start()
    # Every session signs in and opens its audit, then all start grading together.
    start.wait()
    began = time.perf_counter()
    results = []
    while len(results) < len(procs):
        try:
            results.append(out.get(timeout=5))
        except queue.Empty:
            if not any(p.is_alive() for p in procs):
                raise SystemExit("a session died before reporting (see its traceback)") from None
    for p in procs:
        p.join()
    wall = time.perf_counter() - began
    latencies = sorted(x for r in results for x in r["latencies"])
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {
        "sessions": sessions,
        "presses_per_session": presses,
        "saved": len(latencies),
        "p50_ms": round(statistics.median(latencies) * 1000, 2),
        "p95_ms": round(q[94] * 1000, 2),
        "max_ms": round(latencies[-1] * 1000, 2),
        "database_locked_errors": sum(r["locked"] for r in results),
        "grading_wall_s": round(wall, 2),
        "sign_in_p50_ms": round(statistics.median(r["sign_in"] for r in results) * 1000, 1),
        **check(db, results),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--json", type=Path, default=None, help="Also write the figures here.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="moderator-concurrent-") as folder:
        figures = run(args.sessions, args.presses, Path(folder))
    text = json.dumps(figures, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    failed = figures["lost"] or figures["duplicated"] or figures["event_mismatches"]
    sys.exit(1 if failed or figures["database_locked_errors"] else 0)


if __name__ == "__main__":
    main()
