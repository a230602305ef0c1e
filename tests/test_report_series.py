"""Honest time series: gaps for periods with nothing moderated, intervals inside the scale
and left out for a handful of pairs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import numpy as np

from moderator.analysis.build import build_report
from moderator.analysis.pairs import PairedGrades
from moderator.analysis.report import GroupStats
from moderator.analysis.stats import drift_stats
from moderator.reports.svg import trend_svg


def _period(key: str, n: int, drift: float | None, ci: tuple[float, float] | None) -> GroupStats:
    return GroupStats(
        key=key,
        n=n,
        exact_agreement=None,
        adjacent_agreement=None,
        downgraded=None,
        upgraded=None,
        to_inadequate=0,
        mean_drift=drift,
        mean_drift_ci=ci,
        weighted_kappa=None,
        alpha_ordinal=None,
        sign_test_p=None,
        confusion=[[0] * 4 for _ in range(4)],
        not_moderated=0 if n else 1,
    )


def test_no_line_is_drawn_across_an_empty_period_or_a_jump_of_years() -> None:
    periods = [
        _period("2020-Q2", 12, 0.8, (0.4, 1.2)),
        _period("2020-Q3", 10, 0.6, (0.2, 1.0)),
        _period("2020-Q4", 1, 0.0, None),
        _period("2026-Q4", 0, None, None),  # submitted today, nothing moderated yet
        _period("2027-Q1", 6, 0.5, (0.1, 0.9)),
    ]
    chart = trend_svg(periods, "Mean drift by quarter")
    # One line through the three consecutive 2020 quarters; none to 2026 or 2027.
    assert chart.count("<polyline") == 1
    assert chart.count("<circle") == 4  # no point at all for the empty quarter
    assert "2026-Q4: " not in chart
    assert "gaps: nothing moderated" in chart


def test_an_interval_is_not_drawn_for_fewer_than_five_pairs() -> None:
    periods = [_period("2020-Q1", 3, 1.0, (-2.0, 3.0)), _period("2020-Q3", 8, 0.5, (0.1, 0.9))]
    chart = trend_svg(periods, "Mean drift by quarter")
    assert "<polygon" not in chart
    assert chart.count('stroke-width="6"') == 1  # the 8-pair quarter's interval only


def test_intervals_stay_on_the_four_point_scale() -> None:
    # Two pairs, drifts +3 and 0: a Student-t interval alone would run to about ±19.
    stats = drift_stats(np.array([1, 1]), np.array([4, 1]))
    assert stats.mean_drift_ci is not None
    low, high = stats.mean_drift_ci
    assert -3.0 <= low < high <= 3.0


def _rows(months: list[str]) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    for k, month in enumerate(months):
        audit = f"A{k}"
        moderated = 4 if k % 2 else 2
        rows.append(
            (
                audit,
                "C" + audit,
                "r",
                "overall",
                "Ann",
                "T",
                "hp",
                f"{month}-10",
                1,
                moderated,
                None,
            )
        )
    return rows


def test_trend_points_carry_an_interval_only_from_five_pairs_on() -> None:
    months = ["2020-01"] * 2 + ["2020-04"] * 6
    report = build_report(
        PairedGrades.from_rows(_rows(months)), generated_at=datetime(2024, 1, 1, 12, 0)
    )
    [series] = report.trend
    small, large = series.points
    assert (small.period, small.n, small.mean_drift_ci) == ("2020-Q1", 2, None)
    assert large.n == 6 and large.mean_drift_ci is not None
    assert -3.0 <= large.mean_drift_ci[0] <= large.mean_drift_ci[1] <= 3.0
