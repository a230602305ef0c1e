"""Redaction speed on the labelled corpus: notes per second, by wall clock and by CPU time.

``python benchmarks/redaction_speed.py`` redacts every note of
``tests/data/redaction_corpus*.jsonl`` five times, then the same notes made about 1 KB long
(each text repeated), and prints both rates. CPU time is the fair figure on a shared
machine: wall-clock rates fall with the load of other people's work.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from moderator.anonymise.evaluate import load_corpus  # noqa: E402
from moderator.anonymise.records import RawCase  # noqa: E402
from moderator.anonymise.redact import redact_case_text  # noqa: E402


def _rate(cases: list[RawCase], rounds: int = 5) -> tuple[float, float, float]:
    redact_case_text(cases[0])  # the word lists load once, before timing
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for case in cases:
            redact_case_text(case)
    n = rounds * len(cases)
    size = sum(len(c.text) for c in cases) / len(cases)
    return n / (time.perf_counter() - wall), n / (time.process_time() - cpu), size


def main() -> None:
    """Print notes/second for the corpus as written and for ~1 KB notes."""
    paths = sorted((ROOT / "tests" / "data").glob("redaction_corpus*.jsonl"))
    cases = [c.case for p in paths for c in load_corpus(p)]
    longer = [
        c.model_copy(update={"text": " ".join([c.text] * (1 + 1000 // max(1, len(c.text))))})
        for c in cases
    ]
    for label, batch in (("corpus notes", cases), ("~1 KB notes", longer)):
        wall, cpu, size = _rate(batch)
        print(
            f"{label:<13} mean {size:5.0f} chars: {cpu:6.0f} notes/s CPU time, {wall:6.0f} wall clock"
        )


if __name__ == "__main__":
    main()
