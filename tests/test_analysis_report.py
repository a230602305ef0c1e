"""Building the drift report: breakdowns, coverage, compliance, headline, JSON contract."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from moderator.analysis.build import build_report
from moderator.analysis.inputs import Assignment, ReportFilters
from moderator.analysis.paired_csv import read_paired_csv
from moderator.analysis.pairs import PairedGrades
from moderator.analysis.report import Report
from moderator.analysis.stats import drift_stats
from tests.report_samples import contract_csv

G = ["Outstanding", "Good", "Requires improvement to be good", "Inadequate"]
TOP = [
    "headline",
    "overall",
    "criteria",
    "by_manager",
    "by_team",
    "by_criterion",
    "by_period",
    "coverage",
    "compliance",
]
STATS = [
    "n",
    "exact_agreement",
    "adjacent_agreement",
    "downgraded",
    "upgraded",
    "to_inadequate",
    "mean_drift",
    "mean_drift_ci",
    "weighted_kappa",
    "alpha_ordinal",
    "sign_test_p",
    "confusion",
]
FIXED = datetime(2024, 5, 1, 9, 30)


def audit(
    audit_id: str,
    manager: str,
    grade: int,
    moderated: int | None,
    *,
    team: str = "North",
    rubric: str = "ilacs",
    on: str = "2024-01-15",
    criteria: dict[str, tuple[int, int | None]] | None = None,
    overall: bool = True,
) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    if overall:
        rows.append(
            (audit_id, "C" + audit_id, rubric, "overall", manager, team, "hp", on, grade, moderated)
        )
    for name, (g, m) in (criteria or {}).items():
        rows.append((audit_id, "C" + audit_id, rubric, name, manager, team, "hp", on, g, m))
    return rows


def build(rows: list[tuple[Any, ...]], **kwargs: Any) -> Report:
    return build_report(PairedGrades.from_rows(rows), generated_at=FIXED, **kwargs)


def test_the_contract_example(tmp_path: Path) -> None:
    report = build_report(read_paired_csv(contract_csv(tmp_path / "pairs.csv")))
    data = json.loads(report.model_dump_json())
    assert all(k in data for k in TOP)
    assert all(k in data["overall"] for k in STATS)
    assert all(k in data["by_manager"][0] for k in ("key", "leniency", "leniency_ci", "optimistic"))
    assert data["overall"]["n"] == 32  # only moderated pairs
    assert data["criteria"]["n"] == 32
    assert data["coverage"]["submitted"] == 40 and data["coverage"]["moderated"] == 32
    assert data["compliance"]["available"] is False and data["compliance"]["by_manager"] == []
    assert Report.model_validate_json(report.model_dump_json()) == report


def test_headline_reads_like_the_inspectors() -> None:
    rows: list[tuple[Any, ...]] = []
    # 24 moderated audits: 15 Good -> Inadequate, 4 Good -> RI, 5 agreed; 26 not moderated.
    plan = [(2, 4)] * 15 + [(2, 3)] * 4 + [(2, 2)] * 5 + [(2, None)] * 26
    for k, (g, m) in enumerate(plan):
        rows += audit(f"A{k}", f"m{k % 10}", g, m)
    report = build(rows)
    assert report.headline.startswith(
        "Moderators downgraded 19 of 24 audits (79%); 15 were rated inadequate. "
        "Only 48% of submitted audits were moderated (target 50%)."
    )
    assert report.overall.to_inadequate == 15
    assert report.coverage.rate == pytest.approx(0.48)
    assert report.coverage.meets_target is False


@pytest.mark.parametrize(
    ("plan", "expected"),
    [
        ([], "There are no submitted audits in this report."),
        (
            [(2, None), (3, None)],
            "None of the 2 submitted audits have been moderated, so grading drift cannot yet "
            "be measured.",
        ),
        ([(2, 4)], "The only moderated audit was downgraded to Inadequate by the moderator."),
        ([(2, 1)], "The only moderated audit was upgraded by the moderator."),
        (
            [(2, 2), (3, 3), (4, 4)],
            "Moderators agreed with the managers' grades on all 3 moderated audits. "
            "100% of submitted audits were moderated (target 50%).",
        ),
        (
            [(3, 2), (3, 3), (2, 2), (2, None)],
            "Moderators downgraded none of the 3 moderated audits and upgraded 1 (33%). "
            "75% of submitted audits were moderated (target 50%).",
        ),
        (
            [(2, 3), (2, 1), (2, 2), (1, None)],
            "Moderators downgraded 1 of 3 audits (33%) and upgraded 1 (33%). "
            "75% of submitted audits were moderated (target 50%).",
        ),
        (
            [(1, 4), (3, 4), (2, 2)],
            "Moderators downgraded 2 of 3 audits (67%); all 2 were rated inadequate. "
            "100% of submitted audits were moderated (target 50%).",
        ),
    ],
)
def test_headline_edge_cases(plan: list[tuple[int, int | None]], expected: str) -> None:
    rows: list[tuple[Any, ...]] = []
    for k, (g, m) in enumerate(plan):
        rows += audit(f"A{k}", f"m{k}", g, m)
    assert build(rows).headline.startswith(expected)


def test_headline_counts_criterion_grades_when_there_are_no_overall_rows() -> None:
    rows = audit("A1", "m", 2, None, overall=False, criteria={"risk": (2, 4), "voice": (2, 2)})
    report = build(rows)
    assert report.headline.startswith("Moderators downgraded 1 of 2 criterion grades (50%)")


def test_headline_names_how_many_managers_are_optimistic() -> None:
    rows: list[tuple[Any, ...]] = []
    for k in range(12):
        rows += audit(f"X{k}", "Optimist", 2, 3)
        rows += audit(f"Y{k}", "Fair", 2, [1, 2, 3][k % 3])
    report = build(rows)
    assert report.headline.endswith(
        "1 of 2 managers' grades are consistently more optimistic than the moderators'."
    )
    by_key = {m.key: m for m in report.by_manager}
    assert by_key["Optimist"].optimistic and not by_key["Fair"].optimistic
    assert report.leniency is not None and report.leniency.optimistic == ["Optimist"]


def test_flag_agrees_with_the_interval_for_every_manager(tmp_path: Path) -> None:
    report = build_report(read_paired_csv(contract_csv(tmp_path / "p.csv")))
    for m in report.by_manager:
        assert m.leniency_ci is not None and m.leniency is not None
        assert m.optimistic == (m.leniency_ci[0] > 0)
        assert m.leniency_ci[0] <= m.leniency <= m.leniency_ci[1]


def test_breakdowns_match_direct_computation() -> None:
    rng = np.random.default_rng(3)
    rows: list[tuple[Any, ...]] = []
    for k in range(300):
        g = int(rng.integers(1, 5))
        m = None if rng.random() < 0.3 else int(np.clip(g + rng.integers(-1, 3), 1, 4))
        rows += audit(
            f"A{k}",
            f"m{k % 7}",
            g,
            m,
            team=f"team {k % 3}",
            on=f"2023-{1 + k % 12:02d}-01",
            criteria={"risk": (g, m), "voice": (g, None if m is None else min(4, g + 1))},
        )
    report = build(rows)
    pairs = PairedGrades.from_rows(rows)
    overall = pairs.is_overall
    for group in report.by_team:
        rows_of = overall & (pairs.team.values() == group.key)
        direct = drift_stats(pairs.manager_grade[rows_of], pairs.moderated_grade[rows_of])
        assert group.confusion == direct.confusion
        assert group.weighted_kappa == pytest.approx(direct.weighted_kappa)
        assert group.not_moderated == direct.not_moderated
    voice = next(g for g in report.by_criterion if g.key == "voice")
    rows_of = pairs.criterion.values() == "voice"
    assert (
        voice.confusion
        == drift_stats(pairs.manager_grade[rows_of], pairs.moderated_grade[rows_of]).confusion
    )
    assert [g.key for g in report.by_criterion] == ["risk", "voice"]
    assert [p.key for p in report.by_period] == ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]
    assert sum(p.n for p in report.by_period) == report.overall.n
    assert sum(m.n for m in report.by_manager) == report.overall.n


def test_monthly_periods_and_trend() -> None:
    rows = audit("A1", "m", 2, 3, on="2024-01-31") + audit("A2", "m", 2, 2, on="2024-02-01")
    rows += audit("A3", "k", 2, 4, on="2024-02-10")
    report = build(rows, period="month")
    assert [p.key for p in report.by_period] == ["2024-01", "2024-02"]
    trend = {t.key: [(p.period, p.n, p.mean_drift) for p in t.points] for t in report.trend}
    assert trend == {"k": [("2024-02", 1, 2.0)], "m": [("2024-01", 1, 1.0), ("2024-02", 1, 0.0)]}


def test_filters_select_audits() -> None:
    rows = audit("A1", "m", 2, 3, team="North", on="2024-01-10")
    rows += audit("A2", "m", 2, 3, team="South", on="2024-03-10", rubric="other")
    rows += audit("A3", "k", 2, 2, team="north", on="2024-06-10")
    assert build(rows, filters=ReportFilters(team="NORTH")).overall.n == 2
    assert build(rows, filters=ReportFilters(since=date(2024, 3, 10))).overall.n == 2
    assert build(rows, filters=ReportFilters(until=date(2024, 3, 9))).overall.n == 1
    assert build(rows, filters=ReportFilters(rubric="Other")).overall.n == 1
    report = build(rows, filters=ReportFilters(team="nobody"))
    assert report.overall.n == 0 and report.by_manager == []
    assert report.headline == "There are no submitted audits in this report."
    assert report.filters.team == "nobody"


def test_criteria_of_different_rubrics_are_kept_apart_and_domains_reported() -> None:
    rows = [
        ("A1", "C1", "ilacs", "risk", "m", "t", "hp", "2024-01-01", 2, 3, "Safety"),
        ("A2", "C2", "jtai", "risk", "m", "t", "hp", "2024-01-01", 2, 2, "Safety"),
        ("A2", "C2", "jtai", "voice", "m", "t", "hp", "2024-01-01", 2, 2, "Voice"),
    ]
    report = build(rows)
    assert [g.key for g in report.by_criterion] == ["ilacs/risk", "jtai/risk", "jtai/voice"]
    assert [(g.key, g.n) for g in report.by_domain] == [("Safety", 2), ("Voice", 1)]


def test_coverage_per_manager_and_team() -> None:
    rows = audit("A1", "m", 2, 3, team="North") + audit("A2", "m", 2, None, team="North")
    rows += audit("A3", "k", 2, None, team="South")
    # an audit without an overall row counts as moderated if any of its grades was
    rows += audit("A4", "k", 2, None, team="South", overall=False, criteria={"risk": (2, 3)})
    report = build(rows, coverage_target=0.5)
    cov = report.coverage
    assert (cov.submitted, cov.moderated, cov.rate, cov.meets_target) == (4, 2, 0.5, True)
    assert [(r.key, r.submitted, r.moderated, r.meets_target) for r in cov.by_manager] == [
        ("k", 2, 1, True),
        ("m", 2, 1, True),
    ]
    assert [(r.key, r.rate) for r in cov.by_team] == [("North", 0.5), ("South", 0.5)]
    assert build(rows, coverage_target=0.75).coverage.meets_target is False


def test_compliance_from_assignments() -> None:
    rows = audit("A1", "m", 2, 3)
    assignments = [
        Assignment("m", "North", date(2024, 1, 31), date(2024, 1, 30)),  # on time
        Assignment("m", "North", date(2024, 1, 31), date(2024, 2, 3)),  # late
        Assignment("m", "North", date(2024, 2, 1), None),  # overdue
        Assignment("m", "North", date(2024, 6, 1), None),  # not yet due
        Assignment("k", "South", date(2024, 1, 31), date(2024, 1, 31)),  # on time (on the day)
    ]
    report = build(rows, assignments=assignments, as_of=date(2024, 3, 1))
    comp = report.compliance
    assert comp.available and comp.as_of == date(2024, 3, 1)
    assert (comp.assigned, comp.submitted, comp.on_time, comp.late, comp.overdue, comp.pending) == (
        5,
        3,
        2,
        1,
        1,
        1,
    )
    assert comp.on_time_rate == pytest.approx(2 / 4)
    m = next(r for r in comp.by_manager if r.key == "m")
    assert m.on_time_rate == pytest.approx(1 / 3)
    south = build(
        rows, assignments=assignments, as_of=date(2024, 3, 1), filters=ReportFilters(team="south")
    ).compliance
    assert [r.key for r in south.by_manager] == ["k"]
    empty = build(rows, assignments=[]).compliance
    assert empty.available and empty.assigned == 0 and empty.on_time_rate is None


def test_undefined_values_are_null_in_json_never_nan() -> None:
    rows = audit("A1", "m", 2, 2) + audit("A2", "k", 3, None)
    text = build(rows).model_dump_json()
    assert "NaN" not in text and "Infinity" not in text
    data = json.loads(text)
    assert data["overall"]["weighted_kappa"] is None
    assert data["overall"]["mean_drift_ci"] is None
    k = next(m for m in data["by_manager"] if m["key"] == "k")
    assert k["n"] == 0 and k["leniency"] is None and k["leniency_ci"] is None
    assert k["optimistic"] is False


def test_bad_period_is_a_usage_problem() -> None:
    from moderator.errors import UsageProblem

    with pytest.raises(UsageProblem):
        build([], period="week")
