"""Reports from the database: the lead's fast column path agrees with the row path,
filters apply, and roles limit what a report may include."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from moderator.analysis.build import build_report
from moderator.analysis.inputs import ReportFilters
from moderator.cli import cli
from moderator.domain.grades import Grade
from moderator.services.moderation import (
    compare_moderation,
    complete_review,
    paired_grades,
    record_review,
    save_moderation_grade,
    submit_moderation,
)
from moderator.services.paired_rows import lead_paired_grades, report_inputs
from moderator.services.sampling import draw_sample
from moderator.store import open_store
from tests.helpers import people
from tests.moderation_helpers import submitted_audit

pytestmark = pytest.mark.usefixtures("mini_rubrics")
G, RI, INAD = Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE


def _moderate_all(store, u) -> None:  # type: ignore[no-untyped-def]
    sample = draw_sample(store, u["lee"], rate=1, seed=3, moderator="oli")
    for item in sample.items:
        mid = item.moderation_id
        for crit, grade in {"risk": INAD, "seen": G, "plan": RI}.items():
            save_moderation_grade(store, u["oli"], mid, crit, grade=grade, note="moderator note")
        submit_moderation(store, u["oli"], mid)
        mine = {"risk": INAD, "seen": G, "plan": RI}
        for crit in compare_moderation(store, u["oli"], mid).to_decide:
            record_review(store, u["oli"], mid, crit, mine[crit], f"descriptor for {crit} is met")
        complete_review(store, u["oli"], mid)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "m.db"
    with open_store(path) as store:
        u = people(store)
        submitted_audit(store, u["lee"], u["mia"], "C-1", {"risk": G, "seen": G, "plan": G})
        submitted_audit(store, u["lee"], u["mia"], "C-2", {"risk": G, "seen": G, "plan": RI})
        submitted_audit(store, u["lee"], u["max"], "C-3", {"risk": INAD, "seen": G, "plan": RI})
        _moderate_all(store, u)
    return path


def _as_tuples(pairs) -> list[tuple[str, str, int, int]]:  # type: ignore[no-untyped-def]
    return sorted(
        zip(
            [str(a) for a in pairs.audit_id.values()],
            list(pairs.criterion.values()),
            [int(g) for g in pairs.manager_grade],
            [int(g) for g in pairs.moderated_grade],
            strict=True,
        )
    )


def test_lead_column_path_matches_the_row_path(db: Path) -> None:
    from moderator.analysis.pairs import PairedGrades
    from moderator.services.users import find_user

    with open_store(db) as store:
        lee = find_user(store, "lee")
        assert lee is not None
        fast = lead_paired_grades(store)
        slow = PairedGrades.from_rows(paired_grades(store, lee))
    assert len(fast) == 12  # 3 audits x (3 criteria + overall)
    assert _as_tuples(fast) == _as_tuples(slow)
    report = build_report(fast)
    assert report.overall.n == 3
    assert report.overall.downgraded == pytest.approx(2 / 3)
    assert {d.key for d in report.by_domain} >= {"safety", "practice"}  # type: ignore[attr-defined]


def test_report_command_reads_the_database(db: Path) -> None:
    result = CliRunner().invoke(cli, ["report", "--db", str(db), "--as", "lee", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["overall"]["n"] == 3
    assert "downgraded 2 of 3" in data["headline"]
    assert data["compliance"] is not None


def test_filters_and_roles(db: Path) -> None:
    from moderator.services.users import find_user

    with open_store(db) as store:
        lee, mia, oli = (find_user(store, n) for n in ("lee", "mia", "oli"))
        assert lee and mia and oli
        team_only = lead_paired_grades(store, ReportFilters(team="Children in Care"))
        assert set(team_only.manager.values()) == {"max"}
        mine, _ = report_inputs(store, mia)
        assert set(mine.manager.values()) == {"mia"}
        moderated, assignments = report_inputs(store, oli)
        assert len(moderated) == 12 and assignments == []


def test_overrides_are_counted_against_the_stored_overrides(tmp_path: Path) -> None:
    path = tmp_path / "o.db"
    good = {"risk": G, "seen": G, "plan": G}
    with open_store(path) as store:
        u = people(store)
        why = "the file shows more than the criteria capture"
        submitted_audit(store, u["lee"], u["mia"], "C-1", good, override=(Grade.OUTSTANDING, why))
        submitted_audit(store, u["lee"], u["mia"], "C-2", good, override=(RI, why))
        submitted_audit(store, u["lee"], u["max"], "C-3", good)
        submitted_audit(store, u["lee"], u["max"], "C-4", good, override=(G, why))
        stored = store.rows(
            "SELECT u.name, a.overall_override FROM audits a JOIN users u ON u.id = a.manager_id"
            " WHERE a.overall_override IS NOT NULL"
        )
    derived = int(G)  # every criterion Good: the rubric derives Good
    expected: dict[str, dict[str, int]] = {}
    for r in stored:
        e = expected.setdefault(r["name"], {"count": 0, "raised": 0, "lowered": 0})
        e["count"] += 1
        e["raised"] += r["overall_override"] < derived
        e["lowered"] += r["overall_override"] > derived
    assert expected == {
        "mia": {"count": 2, "raised": 1, "lowered": 1},
        "max": {"count": 1, "raised": 0, "lowered": 0},
    }

    def report(who: str) -> dict[str, Any]:
        result = CliRunner().invoke(
            cli, ["report", "--db", str(path), "--as", who, "--format", "json"]
        )
        assert result.exit_code == 0, result.output
        return json.loads(result.output)  # type: ignore[no-any-return]

    lead = report("lee")
    assert lead["overall"]["overrides"] == {"count": 3, "raised": 1, "lowered": 1}
    assert {m["key"]: m["overrides"] for m in lead["by_manager"]} == expected
    mine = report("mia")
    assert mine["overall"]["overrides"] == expected["mia"]
    assert [m["key"] for m in mine["by_manager"]] == ["mia"]
    line = "Overrides: 3 overall grades were set by hand; 1 better than the grade the rubric"
    for fmt in ("md", "html"):
        args = ["report", "--db", str(path), "--as", "lee", "--format", fmt]
        assert line in " ".join(CliRunner().invoke(cli, args).output.split())
    table = CliRunner().invoke(cli, ["report", "--db", str(path), "--as", "lee"]).output
    assert "mia 2 (1 raised)" in " ".join(table.split())
    # The paired-grades CSV carries them (derived_grade on overridden overall rows).
    out = tmp_path / "pairs.csv"
    args = ["report", "--db", str(path), "--as", "lee", "--format", "csv", "--out", str(out)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    # the human columns (criterion_title, service_area_label) follow the ones read back
    assert ",domain,derived_grade," in out.read_text().splitlines()[0] + ","
    result = CliRunner().invoke(cli, ["report", "--from-csv", str(out), "--format", "json"])
    assert json.loads(result.output)["overall"]["overrides"] == lead["overall"]["overrides"]
