"""Two leads at the same instant, in two processes on one database file: a sample draw
and an audit programme each choose inside their write transaction, so nothing is
chosen twice, and the one that finds nothing left is told so (exit 1), no traceback."""

from __future__ import annotations

import multiprocessing
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

import pytest

from moderator.errors import ModeratorError
from moderator.store import open_store
from tests.helpers import add_case, people
from tests.moderation_helpers import submitted_audit

pytestmark = pytest.mark.usefixtures("mini_rubrics")
WAIT_S = 120


def _lead_acts(path: str, what: str, rate: float, seed: int, barrier: Barrier, out: Any) -> None:
    """In a child process: open the database, wait for the other lead, then act at once."""
    from moderator.services.assignment import assign_programme
    from moderator.services.sampling import draw_sample
    from moderator.services.users import get_user

    try:
        store = open_store(path)
        lead = get_user(store, "lee")
        barrier.wait(WAIT_S)
        if what == "sample":
            result = draw_sample(store, lead, rate=rate, seed=seed, min_per_manager=0)
            out.put(("ok", [item.audit_id for item in result.items]))
        else:
            ids = assign_programme(store, lead, per_manager=2, due="2030-01-31", seed=seed)
            out.put(("ok", ids))
        store.close()
    except ModeratorError as exc:  # what the CLI prints with exit code 1
        out.put(("refused", f"{type(exc).__name__}: {exc}"))
    except BaseException as exc:
        out.put(("crashed", repr(exc)))


def _at_once(path: Path, what: str, rate: float = 0.5) -> list[tuple[str, Any]]:
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    out = ctx.Queue()
    procs = [
        ctx.Process(target=_lead_acts, args=(str(path), what, rate, seed, barrier, out))
        for seed in (1, 2)
    ]
    for p in procs:
        p.start()
    results = [out.get(timeout=WAIT_S) for _ in procs]
    for p in procs:
        p.join(WAIT_S)
    return results


@pytest.fixture
def submitted(tmp_path: Path) -> Path:
    path = tmp_path / "m.db"
    with open_store(path) as store:
        u = people(store)
        for i in range(8):
            submitted_audit(store, u["lee"], u["mia" if i % 2 else "max"], f"C-{i}")
    return path


def test_two_samples_drawn_at_the_same_instant_never_take_an_audit_twice(
    submitted: Path,
) -> None:
    results = _at_once(submitted, "sample", rate=0.5)
    assert [r for r in results if r[0] == "crashed"] == []
    drawn = [a for status, ids in results if status == "ok" for a in ids]
    assert len(drawn) == len(set(drawn)) > 0
    with open_store(submitted) as store:
        assert store.scalar("SELECT count(*) FROM moderations") == len(drawn)
        assert store.scalar("SELECT count(DISTINCT audit_id) FROM moderations") == len(drawn)


def test_when_one_sample_takes_everything_the_other_is_refused_clearly(submitted: Path) -> None:
    results = sorted(_at_once(submitted, "sample", rate=1.0))
    assert [status for status, _ in results] == ["ok", "refused"]
    assert len(results[0][1]) == 8
    assert "nothing to sample" in results[1][1]
    with open_store(submitted) as store:
        assert store.scalar("SELECT count(*) FROM samples") == 1


def test_two_programmes_at_the_same_instant_never_assign_a_case_twice(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with open_store(path) as store:
        people(store)
        for i in range(10):
            add_case(store, f"C-{i}")
    results = _at_once(path, "programme")
    assert [status for status, _ in results] == ["ok", "ok"]
    with open_store(path) as store:
        assert store.scalar("SELECT count(*) FROM audits") == 8  # 2 managers x 2, twice
        assert store.scalar("SELECT count(DISTINCT case_id) FROM audits") == 8
