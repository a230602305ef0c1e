"""A synth run for a given seed is the same dataset, release after release.

The digests below were taken before the generator was split into modules; a
change here means `moderator synth --seed N` no longer reproduces yesterday's
data (benchmarks, training sets and bug reports depend on that). If a change to
the output is intended, say so in the commit and update the digests.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from click.testing import CliRunner

from moderator.cli import cli
from moderator.services.rubrics import shipped_rubrics
from moderator.store import open_store
from moderator.synth.bulk import synthesise
from moderator.synth.config import SynthConfig

# The columns synth fills, by table (rubric hashes and bodies left out: they
# follow the shipped rubric files, not the generator).
COLUMNS = {
    "users": "id, name, role, team, authority, created_at",
    "cases": "id, case_ref, team, service_area, opened, closed, worker_ref, child_ref, text",
    "audits": "id, case_id, manager_id, assigned_by, assigned_at, due, programme, status,"
    " overall_override, override_reason, overall_grade, submitted_at, updated_at",
    "criterion_grades": "audit_id, criterion, grade, note, updated_at",
    "samples": "id, drawn_by, drawn_at, seed, rate, params",
    "sample_items": "sample_id, audit_id, hand_picked",
    "moderations": "id, audit_id, case_id, sample_id, moderator_id, moderator_name, status,"
    " overall_grade, overall_override, override_reason, moderated_overall, moderated_override,"
    " overall_rationale, outcome, created_at, submitted_at, reviewed_at, reviewed_by, updated_at",
    "moderation_grades": "moderation_id, criterion, grade, note, moderated_grade, rationale,"
    " updated_at",
    "events": "id, at, actor, kind, entity, entity_id, field, before, after, detail",
}
PINNED_ROWS = "d325005c09617fe5"
PINNED_PAIRS = "c52b920b564aac47"  # with derived_grade and the human columns (criterion_title,
# service_area_label); 72593acf… before the human columns, d707ed6d… before derived_grade


def _digest(chunks: list[str]) -> str:
    h = hashlib.sha256()
    for chunk in chunks:
        h.update(chunk.encode("utf-8"))
    return h.hexdigest()[:16]


def test_synth_rows_for_a_seed_are_pinned(tmp_path: Path) -> None:
    store = open_store(tmp_path / "synth.db")
    try:
        synthesise(store, SynthConfig(audits=200, seed=7), shipped_rubrics())
        rows = [
            repr((table, tuple(row.values())))
            for table, columns in COLUMNS.items()
            for row in store.rows(f"SELECT {columns} FROM {table} ORDER BY 1, 2")
        ]
    finally:
        store.close()
    assert len(rows) > 3000
    assert _digest(rows) == PINNED_ROWS


def test_synth_paired_grades_for_a_seed_are_pinned(tmp_path: Path) -> None:
    db = tmp_path / "synth.db"
    runner = CliRunner()
    made = runner.invoke(
        cli, ["synth", "--audits", "200", "--seed", "7", "--db", str(db), "--format", "json"]
    )
    assert made.exit_code == 0, made.output
    lead = open_store(db)
    try:
        name = lead.scalar("SELECT name FROM users WHERE role = 'lead' ORDER BY id LIMIT 1")
    finally:
        lead.close()
    pairs = runner.invoke(cli, ["report", "--db", str(db), "--as", str(name), "--format", "csv"])
    assert pairs.exit_code == 0, pairs.output
    assert pairs.output.count("\n") > 1000
    assert _digest([pairs.output]) == PINNED_PAIRS
