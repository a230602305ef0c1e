"""One Store shared by the workbench's threads: a long report and a stream of autosaves
run at once, neither blocks nor corrupts the other."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from moderator.analysis.build import build_report
from moderator.domain.grades import Grade
from moderator.services.grading import AuditTarget
from moderator.services.reporting import report_counts
from moderator.services.rubrics import shipped_rubrics
from moderator.services.users import Role, User, find_user
from moderator.store import Store, open_store
from moderator.synth.bulk import synthesise
from moderator.synth.config import SynthConfig

WAIT_S = 120  # a generous bound for a busy machine: reached only when something is stuck


@pytest.fixture(scope="module")
def synth_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("synth") / "synth.db"
    with open_store(path) as store:
        synthesise(store, SynthConfig(audits=600, seed=11), shipped_rubrics())
    return path


def _users(store: Store) -> tuple[User, list[tuple[User, int]]]:
    lead_name = store.scalar("SELECT name FROM users WHERE role = 'lead' ORDER BY id")
    drafts = store.rows(
        "SELECT a.id, u.name FROM audits a JOIN users u ON u.id = a.manager_id"
        " WHERE a.status != 'submitted' ORDER BY a.id LIMIT 3"
    )
    lead = find_user(store, lead_name)
    assert lead is not None and lead.role is Role.LEAD and len(drafts) == 3
    managers = [(find_user(store, d["name"]), d["id"]) for d in drafts]
    return lead, [(m, i) for m, i in managers if m is not None]


def _figures(store: Store, lead: User) -> dict[str, Any]:
    counts, assignments = report_counts(store, lead)  # the path of the CLI and the dashboard
    report = build_report(counts, assignments=assignments, as_of=None)
    dumped = report.model_dump(mode="json")
    dumped.pop("generated_at", None)
    return dumped


def test_a_report_and_autosaves_at_once_are_both_right_and_saves_never_wait(
    synth_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(synth_db)
    lead, managers = _users(store)
    quiet = _figures(store, lead)

    report_reading = threading.Event()
    saves_done = threading.Event()
    stored: list[tuple[int, str, int]] = []
    original_stream = store.stream

    def paused_stream(*args: Any, **kwargs: Any) -> Iterator[list[Any]]:
        # The report holds its read open here until the autosaves are all stored:
        # if a report blocked autosaves, this would never be released.
        for n, chunk in enumerate(original_stream(*args, **kwargs)):
            if n == 0:
                report_reading.set()
                assert saves_done.wait(WAIT_S), "autosaves did not get through during the report"
            yield chunk

    monkeypatch.setattr(store, "stream", paused_stream)
    results: dict[str, Any] = {}

    def run_report() -> None:
        try:
            results["report"] = _figures(store, lead)
        except BaseException as exc:  # reported to the main thread below
            results["report_error"] = exc
            saves_done.set()

    def run_autosaves() -> None:
        try:
            assert report_reading.wait(WAIT_S)
            for manager, audit_id in managers:
                target = AuditTarget.open(store, manager, audit_id)
                for round_ in range(2):
                    for crit in (c.id for c in target.rubric.criteria):
                        grade = Grade(1 + (len(stored) + round_) % 4)
                        target.save(crit, grade=grade, note=f"evidence for {crit}, pass {round_}")
                        stored.append((audit_id, crit, int(grade)))
                # Submitting one while the report reads must not leak into that report.
                if audit_id == managers[0][1]:
                    target.submit()
        except BaseException as exc:
            results["saves_error"] = exc
        finally:
            saves_done.set()

    threads = [threading.Thread(target=run_report), threading.Thread(target=run_autosaves)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(WAIT_S * 2)
    assert not results.get("saves_error"), results.get("saves_error")
    assert not results.get("report_error"), results.get("report_error")
    assert results["report"] == quiet

    last: dict[tuple[int, str], int] = {}
    for audit_id, crit, grade in stored:
        last[(audit_id, crit)] = grade
    with open_store(synth_db) as fresh:
        for (audit_id, crit), grade in last.items():
            assert (
                fresh.scalar(
                    "SELECT grade FROM criterion_grades WHERE audit_id = ? AND criterion = ?",
                    (audit_id, crit),
                )
                == grade
            )
        status = fresh.scalar("SELECT status FROM audits WHERE id = ?", (managers[0][1],))
        assert status == "submitted"
        assert _figures(fresh, lead) != quiet  # the submitted audit counts from now on
    store.close()


def test_a_thread_sees_only_committed_writes_of_another(tmp_path: Path) -> None:
    store = open_store(tmp_path / "m.db")
    inside = threading.Event()
    release = threading.Event()
    seen: list[int] = []

    def writer() -> None:
        with store.transaction():
            store.record_event("w", "x", "thing", 1)
            inside.set()
            assert release.wait(WAIT_S)

    t = threading.Thread(target=writer)
    t.start()
    assert inside.wait(WAIT_S)
    seen.append(len(store.events()))  # the writer's transaction is open: not visible
    release.set()
    t.join(WAIT_S)
    seen.append(len(store.events()))
    assert seen == [0, 1]
    store.close()


def test_an_in_memory_store_is_shared_by_threads(tmp_path: Path) -> None:
    store = open_store(None)
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(20):
                with store.transaction():
                    store.record_event(f"t{n}", "x", "thing", i)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(WAIT_S)
    assert errors == []
    assert len(store.events()) == 60
    store.close()


# Run in a child process: before the fix, closing the store while another thread
# was starting a query crashed the whole interpreter (SIGSEGV), runner and all.
_CLOSE_UNDER_QUERIES = """
import sys, threading
from pathlib import Path
from moderator.store import open_store

for trial in range(int(sys.argv[2])):
    store = open_store(Path(sys.argv[1] + f".{trial}"))
    busy = threading.Event()
    outcome = []

    def report():
        done = 0
        try:
            while True:  # a report's many queries, until the store goes away
                store.scalar(
                    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000)"
                    " SELECT count(*) FROM c"
                )
                done += 1
                if done == 50:
                    busy.set()
        except Exception as exc:
            outcome.append(type(exc).__name__)

    worker = threading.Thread(target=report)
    worker.start()
    assert busy.wait(120)
    store.close()  # the workbench quitting while a report is still reading
    worker.join(120)
    assert not worker.is_alive()
    print(outcome[0], open_store(Path(sys.argv[1] + f".{trial}")).scalar("PRAGMA integrity_check"))
"""


def test_closing_the_store_while_another_thread_queries_does_not_crash(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _CLOSE_UNDER_QUERIES, str(tmp_path / "q.db"), "30"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    # Each time the reading thread was told, cleanly, that the store had closed,
    # and the file opens again intact.
    assert done.stdout.splitlines() == ["ProgrammingError ok"] * 30
