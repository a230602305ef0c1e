"""The audits behind a report number agree with the number, under the report's filters."""

from __future__ import annotations

from datetime import date

import pytest

from moderator.analysis.build import build_report
from moderator.analysis.drilldown import audits_behind, period_label
from moderator.analysis.inputs import ReportFilters
from moderator.analysis.pairs import PairedGrades

ROWS = [
    # audit, case, rubric, criterion, manager, team, area, date, manager, moderated
    ("1", "A", "r", "overall", "mia", "North", "hp", "2020-01-15", "Good", "Inadequate"),
    ("1", "A", "r", "risk", "mia", "North", "hp", "2020-01-15", "Good", "Inadequate"),
    ("2", "B", "r", "overall", "mia", "North", "hp", "2020-02-03", "Good", "Good"),
    ("2", "B", "r", "risk", "mia", "North", "hp", "2020-02-03", "Good", "RI"),
    ("3", "C", "r", "overall", "mia", "North", "hp", "2020-04-20", "Good", "RI"),
    ("3", "C", "r", "risk", "mia", "North", "hp", "2020-04-20", "Good", "Good"),
    ("4", "D", "r", "overall", "max", "South", "hp", "2020-03-31", "RI", "Good"),
    ("4", "D", "r", "risk", "max", "South", "hp", "2020-03-31", "RI", "RI"),
    ("5", "E", "r", "overall", "max", "South", "hp", "2020-03-01", "Good", ""),
    ("5", "E", "r", "risk", "max", "South", "hp", "2020-03-01", "Good", ""),
    ("6", "F", "s", "risk", "max", "South", "hp", "2020-03-02", "Good", "Inadequate"),
]


@pytest.fixture
def pairs() -> PairedGrades:
    return PairedGrades.from_rows(ROWS)


def test_a_managers_audits_are_their_moderated_overall_grades_worst_first(
    pairs: PairedGrades,
) -> None:
    got = audits_behind(pairs, "manager", "mia")
    assert [(a.case_ref, a.drift) for a in got] == [("A", 2), ("C", 1), ("B", 0)]
    assert {a.criterion for a in got} == {"overall"}
    assert got[0].audited_on == date(2020, 1, 15)
    report = build_report(pairs)
    mia = next(m for m in report.by_manager if m.key == "mia")
    assert mia.n == len(got)
    assert mia.mean_drift == pytest.approx(sum(a.drift for a in got) / len(got))


def test_unmoderated_audits_are_not_behind_any_number(pairs: PairedGrades) -> None:
    assert [a.case_ref for a in audits_behind(pairs, "manager", "max")] == ["D"]


def test_criterion_keys_match_the_reports_labels(pairs: PairedGrades) -> None:
    report = build_report(pairs)
    keys = [g.key for g in report.by_criterion]
    assert keys == ["r/risk", "s/risk"]  # two rubrics in play: labelled rubric/criterion
    for group in report.by_criterion:
        assert len(audits_behind(pairs, "criterion", group.key)) == group.n
    one_rubric = ReportFilters(rubric="r")
    only_r = build_report(pairs, filters=one_rubric)
    assert [g.key for g in only_r.by_criterion] == ["risk"]
    got = audits_behind(pairs, "criterion", "risk", filters=one_rubric)
    assert [a.case_ref for a in got] == ["A", "B", "D", "C"]


def test_periods_and_filters(pairs: PairedGrades) -> None:
    q1 = audits_behind(pairs, "period", "2020-Q1")
    assert sorted(a.case_ref for a in q1) == ["A", "B", "D"]
    assert [a.case_ref for a in audits_behind(pairs, "period", "2020-03", period="month")] == ["D"]
    assert audits_behind(pairs, "period", "2020-Q1", period="month") == []
    since = ReportFilters(since=date(2020, 2, 1))
    assert [a.case_ref for a in audits_behind(pairs, "manager", "mia", filters=since)] == [
        "C",
        "B",
    ]
    assert [a.case_ref for a in audits_behind(pairs, "team", "South")] == ["D"]
    for g in build_report(pairs, period="month").by_period:
        assert len(audits_behind(pairs, "period", g.key, period="month")) == g.n


def test_period_labels_match_the_report() -> None:
    assert period_label(date(2020, 12, 31), "quarter") == "2020-Q4"
    assert period_label(date(2020, 4, 1), "quarter") == "2020-Q2"
    assert period_label(date(2020, 4, 1), "month") == "2020-04"


def test_no_pairs_no_audits() -> None:
    assert audits_behind(PairedGrades.empty(), "manager", "mia") == []
