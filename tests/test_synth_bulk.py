"""Bulk synth writes exactly what the services would, refuses real databases, and has a CLI."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from moderator.cli import cli
from moderator.services.rubrics import shipped_rubrics
from moderator.services.users import add_user
from moderator.store import Store, open_store
from moderator.synth.bulk import synthesise, write_plan_bulk
from moderator.synth.config import SynthConfig
from moderator.synth.generator import synthesise_plan
from moderator.synth.replay import replay_plan

TABLES = (
    "users",
    "rubrics",
    "cases",
    "audits",
    "criterion_grades",
    "samples",
    "sample_items",
    "moderations",
    "moderation_grades",
)


def _dump(store: Store, table: str) -> list[dict[str, object]]:
    return store.rows(f"SELECT * FROM {table} ORDER BY 1, 2")


def _events(store: Store, kinds: set[str]) -> list[tuple[object, ...]]:
    marks = ", ".join("?" * len(kinds))
    rows = store.rows(f"SELECT * FROM events WHERE kind IN ({marks})", sorted(kinds))
    # ids and chain hashes differ: the lean log leaves out the services' other events
    skip = {"id", "prev_hash", "hash"}
    return sorted(tuple(r[k] for k in r if k not in skip) for r in rows)  # type: ignore[misc]


def test_bulk_gives_the_same_rows_as_the_services(tmp_path: Path) -> None:
    rubrics = shipped_rubrics()
    config = SynthConfig(audits=90, seed=3, managers=4, teams=2, months=9, coverage=0.5)
    bulk = open_store(tmp_path / "bulk.db")
    services = open_store(tmp_path / "services.db")
    write_plan_bulk(bulk, synthesise_plan(config, rubrics), rubrics)
    replay_plan(services, synthesise_plan(config, rubrics))
    for table in TABLES:
        assert _dump(bulk, table) == _dump(services, table), table
    assert bulk.scalar("SELECT count(*) FROM moderations WHERE status = 'reviewed'") > 5
    # The lean log: every kind bulk writes matches the services' entries of that kind.
    kinds = {r["kind"] for r in bulk.rows("SELECT DISTINCT kind FROM events")}
    assert {"audit.assign", "audit.submit", "moderation.submit", "moderation.reviewed"} <= kinds
    assert _events(bulk, kinds) == _events(services, kinds)


def test_bulk_synth_is_reproducible(tmp_path: Path) -> None:
    rubrics = shipped_rubrics()
    dumps = []
    for name in ("a", "b"):
        store = open_store(tmp_path / f"{name}.db")
        synthesise(store, SynthConfig(audits=120, seed=9), rubrics)
        dumps.append({t: _dump(store, t) for t in TABLES})
    assert dumps[0] == dumps[1]


def test_synth_refuses_a_database_with_data(store: Store) -> None:
    add_user(store, None, "lee", "lead")
    try:
        synthesise(store, SynthConfig(audits=10), shipped_rubrics())
    except Exception as exc:
        assert "already holds users" in str(exc)
    else:  # pragma: no cover - the assertion is the point
        raise AssertionError("synth wrote into a database with users")
    assert store.scalar("SELECT count(*) FROM audits") == 0


def test_cli_synth_writes_the_requested_size(tmp_path: Path) -> None:
    db = tmp_path / "synth.db"
    runner = CliRunner()
    result = runner.invoke(
        cli,
        [
            *("synth", "--audits", "150", "--seed", "4", "--managers", "5", "--teams", "2"),
            *("--db", str(db), "--format", "json"),
        ],
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["audits"] == 150 and summary["cases"] == 150
    store = open_store(db)
    assert store.scalar("SELECT count(*) FROM users WHERE role = 'manager'") == 5
    assert store.scalar("SELECT count(DISTINCT team) FROM cases") == 2
    again = runner.invoke(cli, ["synth", "--audits", "5", "--db", str(db)])
    assert again.exit_code == 1 and "already holds" in again.output


def test_cli_synth_needs_an_explicit_database_and_good_knobs(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(cli, ["synth", "--audits", "5"])
    assert missing.exit_code == 2 and "--db" in missing.output
    bad = runner.invoke(
        cli, ["synth", "--audits", "5", "--optimism", "very", "--db", str(tmp_path / "x.db")]
    )
    assert bad.exit_code == 1 and "--optimism" in bad.output
