"""A lead's list on a large database: the whole list against a page of it, each in a fresh process.

    .venv/bin/python benchmarks/lead_home.py --db PATH --as LEAD [--runs 5]

Measures, each as the median of ``--runs`` calls in its own interpreter (so
its peak memory is its own): ``list_audits`` (every audit, as the lead's home
read them before it paged), beside a bare ``SELECT`` of every audit; the page
queries the lead's home now makes (the counts per state, the first page, the
last page, a search's count and first page, a sort by case). Pages are of 100.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

CHILD = r"""
import resource, statistics, sys, time
from datetime import date
from moderator.services.audit_pages import AuditQuery, count_audits, page_audits
from moderator.services.audits import list_audits
from moderator.services.users import get_user
from moderator.store import open_store

db, name, what, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
store = open_store(db)
lead = get_user(store, name)
total = count_audits(store, lead).total
measures = {
    "list_audits": lambda: list_audits(store, lead),
    "bare": lambda: store.conn.execute("SELECT * FROM audits").fetchall(),
    "counts": lambda: count_audits(store, lead, today=date(2026, 12, 1)),
    "first": lambda: page_audits(store, lead, AuditQuery(), offset=0, limit=100),
    "last": lambda: page_audits(store, lead, AuditQuery(), offset=total - 100, limit=100),
    "search": lambda: (
        count_audits(store, lead, AuditQuery(words="north")),
        page_audits(store, lead, AuditQuery(words="north"), limit=100),
    ),
    "sort": lambda: page_audits(store, lead, AuditQuery(sort="case"), limit=100),
}
times = []
for _ in range(runs):
    started = time.perf_counter()
    measures[what]()
    times.append(time.perf_counter() - started)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{statistics.median(times) * 1000:.1f} {peak:.0f} {total}")
"""

LABELS = {
    "list_audits": "list_audits: every audit (the home before paging)",
    "bare": "floor: bare SELECT * FROM audits",
    "counts": "count_audits: per state and overdue (GROUP BY)",
    "first": "page_audits: first page (100)",
    "last": "page_audits: last page (100)",
    "search": "search 'north': count + first page",
    "sort": "sorted by case: first page",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--as", dest="user", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for what, label in LABELS.items():
        out = subprocess.run(
            [sys.executable, "-c", CHILD, args.db, args.user, what, str(args.runs)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        print(f"| {label} | {float(out[0]):,.1f} ms | {out[1]} MB | {int(out[2]):,} audits |")


if __name__ == "__main__":
    main()
