"""The count-table path gives the same report as the row path, on random data.

Every statistic is computed from count tables; the row path (each paired row
counted in Python) is the reference, and its statistics are themselves checked
against scikit-learn, krippendorff and scipy in ``test_analysis_stats.py``.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner

from moderator.analysis.build import build_report
from moderator.analysis.counts import counts_from_pairs, merge_counts
from moderator.analysis.inputs import ReportFilters
from moderator.analysis.leniency import manager_leniency
from moderator.analysis.pairs import PairedGrades, concat
from moderator.analysis.stats import drift_stats
from moderator.cli import cli
from moderator.services.moderation import paired_grades
from moderator.services.paired_rows import lead_paired_grades
from moderator.services.reporting import lead_counts
from moderator.services.users import find_user
from moderator.store import open_store

FIXED = datetime(2024, 5, 1, 9, 30)
GRADES = ["Outstanding", "Good", "Requires improvement to be good", "Inadequate"]


def random_pairs(seed: int, audits: int = 300, prefix: str = "A") -> PairedGrades:
    """Random paired grades: several managers, teams, rubrics, months; some unmoderated."""
    rng = np.random.default_rng(seed)
    rows: list[tuple[Any, ...]] = []
    for a in range(audits):
        manager = f"m{rng.integers(0, 9)}"
        team = f"team{int(manager[1:]) % 3}"
        rubric = ["r1", "r2"][int(rng.integers(0, 2))]
        day = date(2020, 1, 1).toordinal() + int(rng.integers(0, 700))
        moderated = rng.random() < 0.6
        base = (
            f"{prefix}{a}",
            f"C{a}",
            rubric,
            None,
            manager,
            team,
            f"s{a % 2}",
            date.fromordinal(day),
        )
        for criterion in ("overall", "risk", "voice", "plan"):
            mine = int(rng.integers(1, 5))
            theirs = int(np.clip(mine + rng.integers(-1, 3), 1, 4)) if moderated else None
            row = list(base)
            row[3] = criterion
            rows.append((*row, mine, theirs, "" if criterion == "overall" else f"d-{criterion}"))
    return PairedGrades.from_rows(rows)


def _same(a: Any, b: Any, path: str = "") -> None:
    """Equal JSON trees, floats to 1e-9."""
    if isinstance(a, dict):
        assert set(a) == set(b), path
        for k in a:
            _same(a[k], b[k], f"{path}/{k}")
    elif isinstance(a, list):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{path}[{i}]")
    elif isinstance(a, float) and isinstance(b, float):
        assert a == pytest.approx(b, abs=1e-9), path
    else:
        assert a == b, path


def _by_rows(pairs: PairedGrades, group: str, key: str, overall: bool = True) -> Any:
    """The row path for one group: the stats of exactly that group's rows."""
    values = getattr(pairs, group).values()
    rows = (values == key) & (pairs.is_overall if overall else ~pairs.is_overall)
    return drift_stats(pairs.manager_grade[rows], pairs.moderated_grade[rows])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_count_tables_give_every_statistic_of_the_rows(seed: int) -> None:
    pairs = random_pairs(seed)
    report = build_report(counts_from_pairs(pairs), generated_at=FIXED, as_of=date(2022, 1, 1))
    direct = drift_stats(
        pairs.manager_grade[pairs.is_overall], pairs.moderated_grade[pairs.is_overall]
    )
    assert report.overall.confusion == direct.confusion
    assert report.overall.weighted_kappa == pytest.approx(direct.weighted_kappa, abs=1e-9)
    assert report.overall.alpha_ordinal == pytest.approx(direct.alpha_ordinal, abs=1e-9)
    assert report.overall.sign_test_p == pytest.approx(direct.sign_test_p, abs=1e-9)
    assert report.overall.mean_drift_ci == pytest.approx(direct.mean_drift_ci, abs=1e-9)
    assert report.overall.not_moderated == direct.not_moderated
    for group, breakdown in (("team", report.by_team), ("manager", report.by_manager)):
        for g in breakdown:
            rows = _by_rows(pairs, group, g.key)
            assert g.confusion == rows.confusion
            for name in ("mean_drift", "weighted_kappa", "alpha_ordinal", "sign_test_p"):
                assert getattr(g, name) == pytest.approx(getattr(rows, name), abs=1e-9), name
    for g in report.by_domain:
        assert g.confusion == _by_rows(pairs, "domain", g.key, overall=False).confusion


@pytest.mark.parametrize("seed", [4, 5])
def test_weighted_leniency_equals_leniency_over_the_audits(seed: int) -> None:
    rng = np.random.default_rng(seed)
    drift = rng.integers(-3, 4, 400)
    manager = rng.integers(0, 7, 400)
    by_audit = manager_leniency(drift, manager, 7)
    cells, counts = np.unique(np.stack([drift, manager], axis=1), axis=0, return_counts=True)
    by_count = manager_leniency(cells[:, 0], cells[:, 1], 7, weights=counts)
    assert by_count.centre == pytest.approx(by_audit.centre, abs=1e-9)
    for a, b in zip(by_audit.managers, by_count.managers, strict=True):
        assert (a.n, a.optimistic) == (b.n, b.optimistic)
        assert b.estimate == pytest.approx(a.estimate, abs=1e-9)
        assert b.p_optimistic == pytest.approx(a.p_optimistic, abs=1e-9)
        if a.interval is None:
            assert b.interval is None
        else:
            assert b.interval == pytest.approx(a.interval, abs=1e-9)


def test_several_sources_add_up_and_keep_their_audits_apart() -> None:
    one, two = random_pairs(7, 120), random_pairs(8, 80)  # the same audit ids in both
    pooled = build_report(merge_counts([counts_from_pairs(one), counts_from_pairs(two)]))
    assert pooled.audits == 200
    assert pooled.overall.n == build_report(one).overall.n + build_report(two).overall.n
    renamed = random_pairs(8, 80, prefix="B")
    assert pooled.by_manager == build_report(concat([one, renamed])).by_manager


def test_filters_apply_before_counting() -> None:
    pairs = random_pairs(9)
    filters = ReportFilters(since=date(2020, 6, 1), team="TEAM1")
    report = build_report(pairs, filters=filters, generated_at=FIXED)
    assert {m.key for m in report.by_manager} <= {"m1", "m4", "m7"}
    assert all(p.key >= "2020-Q2" for p in report.by_period)


@pytest.fixture(scope="module")
def synth_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("synth") / "s.db"
    result = CliRunner().invoke(
        cli, ["synth", "--audits", "400", "--db", str(path), "--seed", "11"]
    )
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize(
    "filters",
    [ReportFilters(), ReportFilters(since=date(2000, 1, 1), until=date(2100, 1, 1))],
)
def test_the_databases_group_by_gives_the_row_paths_report(
    synth_db: Path, filters: ReportFilters
) -> None:
    with open_store(synth_db, create=False) as store:
        lead = next(
            u
            for u in (find_user(store, r["name"]) for r in store.rows("SELECT name FROM users"))
            if u is not None and u.role.value == "lead"
        )
        counts = lead_counts(store, filters)
        rows = lead_paired_grades(store)
        assert len(rows) == len(PairedGrades.from_rows(paired_grades(store, lead)))
    kwargs: dict[str, Any] = {"generated_at": FIXED, "as_of": date(2030, 1, 1), "filters": filters}
    fast = json.loads(build_report(counts, **kwargs).model_dump_json())
    slow = json.loads(build_report(rows, **kwargs).model_dump_json())
    assert fast["overall"]["overrides"]["count"] > 0  # synth overrides some overall grades
    assert fast["overall"]["n"] > 20
    _same(fast, slow)


def test_the_audits_behind_a_managers_row_are_read_for_that_manager_only(synth_db: Path) -> None:
    from moderator.services.paired_rows import drift_audits

    with open_store(synth_db, create=False) as store:
        name = store.scalar("SELECT name FROM users WHERE role = 'lead' ORDER BY id")
        lead = find_user(store, name)
        assert lead is not None
        counts = lead_counts(store)
        report = build_report(counts)
        busiest = max(report.by_manager, key=lambda m: m.n)
        behind = drift_audits(store, lead, "manager", busiest.key)
    assert len(behind) == busiest.n > 0
    assert {a.manager for a in behind} == {busiest.key}
