"""Sample data shared by the report tests (not a test module)."""

from __future__ import annotations

import csv
from pathlib import Path

G = ["Outstanding", "Good", "Requires improvement to be good", "Inadequate"]


def contract_csv(path: Path) -> Path:
    """The example of /work/shared/checks/contract, written the same way."""
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
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
            ]
        )
        for i in range(40):
            mg = 1 + i % 3
            common = [f"m{i % 4}", f"t{i % 2}", "help_and_protection", f"2020-0{1 + i % 9}-10"]
            w.writerow(
                [
                    f"A{i}",
                    f"C{i}",
                    "r",
                    "overall",
                    *common,
                    G[mg - 1],
                    G[min(3, mg + (i % 2))] if i % 5 else "",
                ]
            )
            w.writerow(
                [f"A{i}", f"C{i}", "r", "risk", *common, mg, min(4, mg + 1) if i % 5 else ""]
            )
    return path
