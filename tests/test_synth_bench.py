"""The benchmark runner works (tiny sizes); the real figures are in benchmarks/README.md."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

RUNNER = Path(__file__).parent.parent / "benchmarks" / "run.py"


def test_benchmarks_run_quick(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, str(RUNNER), "--quick", "--only", "synth,grading", "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "| synth 2,000 audits |" in done.stdout
    assert "save_criterion" in done.stdout and "×" in done.stdout
    assert out.is_file() and '"baseline"' in out.read_text(encoding="utf-8")
