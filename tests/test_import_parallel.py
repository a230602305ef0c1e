"""A large import is anonymised on several cores and gives exactly what the serial path gives."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from moderator.anonymise.pseudonym import load_or_create_key
from moderator.cli import cli
from moderator.errors import BadInput
from moderator.services.case_pool import CHUNK_CASES, MIN_PARALLEL_CASES
from moderator.services.cases import ImportResult, import_cases
from moderator.store import open_store
from tests.import_support import write_export

# Enough cases for several chunks on each side (this process and a worker).
CASES = 6 * CHUNK_CASES + 5


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_export(tmp_path_factory.mktemp("export") / "cases.jsonl", CASES)


@pytest.fixture(scope="module")
def key(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An existing key: a dry run without one uses a new throwaway key each time."""
    path = tmp_path_factory.mktemp("key") / "pseudonym.key"
    load_or_create_key(path)
    return path


def _steps() -> tuple[list[int], Callable[[int, int], None]]:
    seen: list[int] = []
    return seen, lambda done, _total: seen.append(done)


def _stored(db: Path) -> list[tuple[object, ...]]:
    """Every stored case, byte for byte, bar when and by which import it came."""
    with open_store(db) as store:
        return [
            tuple(r.values())
            for r in store.rows(
                "SELECT case_ref, team, service_area, opened, closed, worker_ref, child_ref,"
                " text, redaction_counts FROM cases ORDER BY id"
            )
        ]


def _one_at_a_time(steps: list[int]) -> bool:
    return steps == list(range(1, len(steps) + 1))


def test_dry_run_previews_and_doubts_are_the_same_on_several_cores(export: Path, key: Path) -> None:
    serial = import_cases(None, None, export, key_path=key, dry_run=True, jobs=1)
    steps, tick = _steps()
    parallel = import_cases(None, None, export, key_path=key, dry_run=True, jobs=2, progress=tick)
    assert parallel.model_dump() == serial.model_dump()
    assert len(parallel.previews) == CASES
    assert parallel.uncertain  # the corpus gives the redactor doubts to compare
    # the workers' chunks were reported as they came back, not case by case
    assert not _one_at_a_time(steps)
    assert steps == sorted(steps)
    assert steps[-1] == CASES


def test_stored_cases_are_byte_identical_on_several_cores(
    export: Path, key: Path, tmp_path: Path
) -> None:
    results: list[ImportResult] = []
    for jobs in (1, 3):
        with open_store(tmp_path / f"jobs{jobs}.db") as store:
            results.append(import_cases(store, None, export, key_path=key, jobs=jobs))
    serial, parallel = results
    assert parallel == serial
    assert parallel.added == CASES
    assert _stored(tmp_path / "jobs3.db") == _stored(tmp_path / "jobs1.db")


def test_strict_refusal_lists_the_same_doubts_and_writes_nothing(
    export: Path, key: Path, tmp_path: Path
) -> None:
    messages = []
    for jobs in (1, 2):
        db = tmp_path / f"jobs{jobs}.db"
        with open_store(db) as store, pytest.raises(BadInput) as refused:
            import_cases(store, None, export, key_path=key, strict=True, jobs=jobs)
        messages.append(str(refused.value))
        assert _stored(db) == []
    assert messages[1] == messages[0]
    assert "nothing was imported" in messages[0]


def test_a_small_file_is_anonymised_here_one_case_at_a_time(key: Path, tmp_path: Path) -> None:
    small = write_export(tmp_path / "small.jsonl", MIN_PARALLEL_CASES - 1)
    steps, tick = _steps()
    import_cases(None, None, small, key_path=key, dry_run=True, progress=tick)
    assert _one_at_a_time(steps)
    assert steps[-1] == MIN_PARALLEL_CASES - 1


def test_review_asks_in_this_process_case_by_case_even_when_jobs_are_given(
    export: Path, tmp_path: Path
) -> None:
    key = tmp_path / "pseudonym.key"
    asked = []
    steps, tick = _steps()

    def review(doubt: object) -> None:
        asked.append(doubt)

    result = import_cases(
        None, None, export, key_path=key, dry_run=True, review=review, jobs=4, progress=tick
    )
    assert asked and len(asked) == len(result.uncertain)
    assert _one_at_a_time(steps)


def test_cli_jobs_option_gives_the_serial_result(export: Path, tmp_path: Path) -> None:
    key = tmp_path / "pseudonym.key"
    load_or_create_key(key)  # without it each dry run would use its own throwaway key
    outputs = []
    for jobs in ("1", "2"):
        run = CliRunner().invoke(
            cli,
            [
                *("import", "cases", str(export), "--dry-run", "--key-file", str(key)),
                *("--format", "json", "--jobs", jobs, "--db", str(tmp_path / "none.db")),
            ],
        )
        assert run.exit_code == 0, run.output
        outputs.append(json.loads(run.output))
    assert outputs[1] == outputs[0]
    bad = CliRunner().invoke(cli, ["import", "cases", str(export), "--jobs", "0"])
    assert bad.exit_code == 2


def test_python_dash_m_moderator_imports_on_several_cores(export: Path, tmp_path: Path) -> None:
    """Worker processes start afresh and import the entry point again: it must not rerun."""
    db = tmp_path / "m.db"
    run = subprocess.run(
        [
            *(sys.executable, "-m", "moderator", "import", "cases", str(export)),
            *("--key-file", str(tmp_path / "key"), "--db", str(db), "--jobs", "2"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert f"Imported {CASES} case(s)" in run.stdout
    assert "Traceback" not in run.stderr
    assert len(_stored(db)) == CASES


class RefusingDecisions:
    """Remembered decisions that fail on one value (pickled into the worker processes)."""

    def __init__(self, value: str) -> None:
        self.value = value

    def lookup(self, value: str) -> str | None:
        if value == self.value:
            raise BadInput(f"cases.jsonl: cannot decide about {value!r}")
        return None


def test_a_workers_error_is_the_one_the_serial_path_raises(export: Path, key: Path) -> None:
    from moderator.anonymise.pseudonym import Pseudonymiser, load_or_create_key
    from moderator.anonymise.records import read_cases
    from moderator.services.case_pool import anonymise_in_pool, anonymise_one, line_of

    doubts = import_cases(None, None, export, key_path=key, dry_run=True, jobs=1).uncertain
    first_line: dict[str, int] = {}
    for d in doubts:
        first_line.setdefault(d.value, d.line)
    # a doubt first met in the last chunk: the first chunk a worker is given
    value = next(v for v, line in first_line.items() if line > CASES - 5)
    decisions = RefusingDecisions(value)
    raw_cases = read_cases(export)
    pseudonymiser = Pseudonymiser(load_or_create_key(key))
    with pytest.raises(BadInput) as serial:
        for i, raw in enumerate(raw_cases):
            anonymise_one(raw, line_of(raw, i), pseudonymiser, decisions, dry_run=False)
    with pytest.raises(BadInput) as parallel:
        anonymise_in_pool(raw_cases, pseudonymiser, decisions, dry_run=False, workers=1)
    assert str(parallel.value) == str(serial.value)
    assert parallel.value.__cause__ is None


def test_the_automatic_choice_stays_serial_for_little_text_and_on_busy_cores() -> None:
    """Many short notes are seconds' work at most: a worker's start would cost more than it
    saves. A number given is used as given (never more processes than chunks)."""
    from moderator.services.case_pool import MIN_PARALLEL_CHARS, processes_for, usable_cpus

    many = MIN_PARALLEL_CASES * 4
    assert processes_for(None, many, chars=MIN_PARALLEL_CHARS - 1) == 1
    assert processes_for(None, MIN_PARALLEL_CASES - 1, chars=MIN_PARALLEL_CHARS * 10) == 1
    assert 1 <= processes_for(None, many, chars=MIN_PARALLEL_CHARS) <= min(usable_cpus(), 8)
    assert processes_for(3, many) == 3
    assert processes_for(8, CHUNK_CASES * 2) == 2


def test_a_command_just_finished_does_not_keep_an_idle_machine_on_one_core() -> None:
    """The load average still holds the dry run that ended a moment ago; what runs now (this
    process alone) shows the cores free. Work that goes on now keeps them taken, and a burst
    of short processes the minute's average does not show takes none."""
    from moderator.services.case_pool import cpus_left

    assert cpus_left(2, 1.05, running=1) == 2  # the dry run just finished: both cores free
    assert cpus_left(2, 1.05, running=2) == 1  # someone else's job still runs
    assert cpus_left(4, 0.3, running=6) == 4  # a moment's burst, no load over the minute
    assert cpus_left(2, 3.7, running=None) == 1  # no /proc: the average alone, at least one
    assert cpus_left(8, 2.9, running=None) == 6
