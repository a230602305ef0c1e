"""Benchmark: ``moderator report --from-csv FILE --format json`` on a 1,000,000-row CSV.

Generates a seeded paired-grades CSV (about 83,000 audits × 12 rows: the overall
grade and eleven criteria, 300 managers in 20 teams, half the audits moderated,
three years of dates, a ``domain`` column) in a temporary directory, then times:

- the baseline: a plain ``csv.reader`` scan of the same file (the least any CSV
  reader in Python can do), and
- the report command end to end (a fresh process: start-up, reading, every
  statistic and breakdown, the per-manager leniency, JSON out).

and prints both times and their ratio. Usage::

    .venv/bin/python benchmarks/bench_report_csv.py [--rows N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

GRADES = ["Outstanding", "Good", "Requires improvement to be good", "Inadequate"]
HEADER = [
    "audit_id",
    "case_ref",
    "rubric",
    "criterion",
    "manager",
    "team",
    "service_area",
    "audited_on",
    "manager_grade",
    "moderated_grade",
    "domain",
]
AREAS = ["help_and_protection", "children_in_care", "care_leavers"]


def generate(path: Path, rows: int, seed: int = 20240501) -> None:
    """Write a realistic paired-grades CSV with ``rows`` data rows (rounded to whole audits)."""
    rng = np.random.default_rng(seed)
    criteria = ["overall"] + [f"criterion_{k:02d}" for k in range(1, 12)]
    domains = ["overall"] + [f"domain_{1 + k // 4}" for k in range(11)]
    n_audits = rows // len(criteria)
    manager = rng.integers(0, 300, n_audits)
    optimism = rng.choice([0.0, 0.3, 0.6], size=300, p=[0.5, 0.3, 0.2])
    moderated = rng.random(n_audits) < 0.5
    day = np.datetime64("2021-01-01") + rng.integers(0, 3 * 365, n_audits)
    quality = rng.choice([1, 2, 3, 4], size=(n_audits, len(criteria)), p=[0.05, 0.3, 0.4, 0.25])
    noise = rng.choice([-1, 0, 1], size=(2, n_audits, len(criteria)), p=[0.1, 0.8, 0.1])
    bias = rng.random((n_audits, len(criteria))) < optimism[manager][:, None]
    mod_grade = np.clip(quality + noise[0], 1, 4)
    mgr_grade = np.clip(quality + noise[1] - bias, 1, 4)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for a in range(n_audits):
            m = int(manager[a])
            base = [f"AUD-{a:07d}", f"CASE-{a:07d}", "ilacs-2023", None, f"manager_{m:03d}",
                    f"team_{m % 20:02d}", AREAS[m % 3], str(day[a])]  # fmt: skip
            for c, name in enumerate(criteria):
                base[3] = name
                writer.writerow(
                    [
                        *base,
                        GRADES[mgr_grade[a, c] - 1],
                        GRADES[mod_grade[a, c] - 1] if moderated[a] else "",
                        domains[c],
                    ]
                )


def scan(path: Path) -> int:
    """The baseline: read every record with csv.reader and do nothing else."""
    with open(path, newline="", encoding="utf-8") as handle:
        return sum(1 for _ in csv.reader(handle))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, default=None, help="write the CSV here and keep it")
    args = parser.parse_args()
    moderator = shutil.which("moderator", path=str(Path(sys.executable).parent)) or "moderator"
    workdir = Path(tempfile.mkdtemp(prefix="bench-report-"))
    try:
        path = (args.keep or workdir) / "pairs.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        generate(path, args.rows)
        print(
            f"generated {path} ({path.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - started:.1f} s"
        )

        started = time.perf_counter()
        records = scan(path)
        baseline = time.perf_counter() - started
        print(f"baseline csv.reader scan of {records - 1:,} rows: {baseline:.2f} s")

        out = workdir / "report.json"
        started = time.perf_counter()
        subprocess.run(
            [moderator, "report", "--from-csv", str(path), "--format", "json", "--out", str(out)],
            check=True,
            capture_output=True,
        )
        elapsed = time.perf_counter() - started
        print(f"moderator report --from-csv … --format json: {elapsed:.2f} s")
        print(f"ratio to the baseline scan: {elapsed / baseline:.1f}×")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
