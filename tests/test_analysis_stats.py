"""Drift statistics against published worked examples and established libraries.

Published examples:
- Quadratic-weighted kappa and exact agreement: Stata Base Reference Manual, ``kappa``
  (two radiologists grading 85 xeromammograms, data of Boyd et al. 1982, J Natl Cancer
  Inst 68:357-363): agreement 63.53%; with the quadratic ``w2`` weights, expected
  agreement 84.09%, kappa 0.6714.
- Krippendorff's alpha: K. Krippendorff (2011), "Computing Krippendorff's
  Alpha-Reliability", Annenberg School for Communication: (A) two observers, binary
  data, alpha = 0.095; (C) four observers, twelve units with missing values,
  ordinal alpha = 0.815 (nominal 0.743, interval 0.849).
- Sign test: Arbuthnot (1710), 82 of 82 years with more male christenings, p = 2^-82;
  Zar, Biostatistical Analysis, hind- vs foreleg length of 10 deer, 8 of 10 longer,
  one-sided p = 0.0547 (as worked in Wikipedia, "Sign test").
- t-interval: Student (1908) sleep data (Cushny & Peebles), paired differences; R's
  ``t.test(extra ~ group, data = sleep, paired = TRUE)`` gives the 95% interval
  0.7001142 to 2.4598858 for the mean difference 1.58.
"""

from __future__ import annotations

import math

import krippendorff
import numpy as np
import pytest
from scipy import stats as st
from sklearn.metrics import cohen_kappa_score

from moderator.analysis.stats import (
    confusion_by_group,
    drift_stats,
    mean_interval,
    ordinal_alpha,
    quadratic_kappa,
    sign_test_greater,
    stats_from_confusion,
)

BOYD = [[21, 12, 0, 0], [4, 17, 1, 0], [3, 9, 15, 2], [0, 0, 0, 1]]


def _pairs_from_table(table: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    manager, moderated = [], []
    for i, row in enumerate(table):
        for j, count in enumerate(row):
            manager += [i + 1] * count
            moderated += [j + 1] * count
    return np.array(manager), np.array(moderated)


def test_quadratic_kappa_matches_the_stata_manual_example() -> None:
    manager, moderated = _pairs_from_table(BOYD)
    s = drift_stats(manager, moderated)
    assert s.n == 85
    assert s.exact_agreement == pytest.approx(0.6353, abs=5e-5)  # "Agreement 63.53%"
    assert s.weighted_kappa == pytest.approx(0.6714, abs=5e-5)
    assert quadratic_kappa(BOYD) == pytest.approx(0.6714, abs=5e-5)
    # the expected agreement with w2 weights, 84.09%
    table = np.array(BOYD, dtype=float) / 85
    i, j = np.indices((4, 4))
    expected = (np.outer(table.sum(1), table.sum(0)) * (1 - ((i - j) / 3) ** 2)).sum()
    assert expected == pytest.approx(0.8409, abs=5e-5)


def test_alpha_matches_krippendorff_2011_binary_two_observer_example() -> None:
    a = np.array([0, 1, 0, 0, 0, 0, 0, 0, 1, 0]) + 1  # 0/1 as grades 1/2
    b = np.array([1, 1, 1, 0, 0, 1, 0, 0, 0, 0]) + 1
    assert drift_stats(a, b).alpha_ordinal == pytest.approx(0.095, abs=5e-4)


KRIPPENDORFF_C = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


def _coincidence(data: list[list[int | None]], k: int) -> np.ndarray:
    """Krippendorff's coincidence matrix: each unit's ordered pairs weighted 1/(m_u - 1)."""
    o = np.zeros((k, k))
    for unit in zip(*data, strict=True):
        values = [v for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue
        for x in range(m):
            for y in range(m):
                if x != y:
                    o[values[x] - 1, values[y] - 1] += 1 / (m - 1)
    return o


def test_ordinal_alpha_matches_krippendorff_2011_four_observer_example() -> None:
    o = _coincidence(KRIPPENDORFF_C, 5)
    assert o.sum() == pytest.approx(40)  # 40 pairable values, as in the paper
    assert ordinal_alpha(o) == pytest.approx(0.815, abs=5e-4)
    reference = krippendorff.alpha(
        reliability_data=[[np.nan if v is None else v for v in row] for row in KRIPPENDORFF_C],
        level_of_measurement="ordinal",
    )
    assert ordinal_alpha(o) == pytest.approx(reference, abs=1e-12)


def test_sign_test_matches_textbook_examples() -> None:
    assert sign_test_greater(82, 0) == pytest.approx(2.0**-82, rel=1e-9)  # Arbuthnot
    assert sign_test_greater(8, 2) == pytest.approx(0.0547, abs=5e-5)  # Zar's deer
    # through the report statistics: 8 downgrades, 2 upgrades and some ties (dropped)
    manager = np.array([2] * 8 + [3] * 2 + [2] * 5)
    moderated = np.array([3] * 8 + [2] * 2 + [2] * 5)
    s = drift_stats(manager, moderated)
    assert s.sign_test_p == pytest.approx(56 / 1024)
    assert s.sign_test_p == pytest.approx(st.binomtest(8, 10, 0.5, alternative="greater").pvalue)


def test_t_interval_matches_students_sleep_data() -> None:
    differences = [1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4]
    low_high = mean_interval(differences)
    assert low_high is not None
    assert low_high[0] == pytest.approx(0.7001142, abs=1e-7)
    assert low_high[1] == pytest.approx(2.4598858, abs=1e-7)


def test_drift_interval_is_the_t_interval_of_the_drifts() -> None:
    manager = np.array([1, 2, 2, 3, 3, 2, 1, 4])
    moderated = np.array([2, 2, 4, 3, 4, 3, 3, 4])
    s = drift_stats(manager, moderated)
    d = moderated - manager
    expected = st.t.interval(0.95, d.size - 1, loc=d.mean(), scale=st.sem(d))
    assert s.mean_drift == pytest.approx(d.mean())
    assert s.mean_drift_ci == pytest.approx(expected)


@pytest.mark.parametrize("seed", range(6))
def test_agrees_with_scikit_learn_krippendorff_and_scipy_on_random_data(seed: int) -> None:
    rng = np.random.default_rng(seed)
    for _ in range(50):
        n = int(rng.integers(2, 60))
        manager = rng.integers(1, 5, n)
        moderated = np.clip(manager + rng.integers(-1, 3, n), 1, 4)
        if rng.random() < 0.3:
            moderated = rng.integers(1, 5, n)
        s = drift_stats(manager, moderated)
        kappa = cohen_kappa_score(manager, moderated, weights="quadratic", labels=[1, 2, 3, 4])
        if s.weighted_kappa is None:
            assert math.isnan(kappa)
        else:
            assert s.weighted_kappa == pytest.approx(kappa, abs=1e-12)
        if len(set(manager) | set(moderated)) > 1:
            alpha = krippendorff.alpha(
                reliability_data=[manager, moderated],
                level_of_measurement="ordinal",
                value_domain=[1, 2, 3, 4],
            )
            assert s.alpha_ordinal == pytest.approx(alpha, abs=1e-12)
        else:
            assert s.alpha_ordinal is None
        d = moderated - manager
        down, up = int((d > 0).sum()), int((d < 0).sum())
        if down + up:
            p = st.binomtest(down, down + up, 0.5, alternative="greater").pvalue
            assert s.sign_test_p == pytest.approx(p, rel=1e-9)
        else:
            assert s.sign_test_p is None
        assert s.exact_agreement == pytest.approx((d == 0).mean())
        assert s.adjacent_agreement == pytest.approx((np.abs(d) <= 1).mean())
        assert s.downgraded == pytest.approx((d > 0).mean())
        assert s.upgraded == pytest.approx((d < 0).mean())
        assert s.to_inadequate == int(((moderated == 4) & (manager < 4)).sum())
        assert s.confusion == [
            [int(((manager == i) & (moderated == j)).sum()) for j in range(1, 5)]
            for i in range(1, 5)
        ]


def test_grouped_statistics_equal_statistics_of_each_group() -> None:
    rng = np.random.default_rng(11)
    n = 5000
    manager = rng.integers(1, 5, n)
    moderated = np.where(rng.random(n) < 0.2, 0, np.clip(manager + rng.integers(-1, 2, n), 1, 4))
    groups = rng.integers(0, 7, n)
    stacked = stats_from_confusion(confusion_by_group(manager, moderated, groups, 7))
    for g in range(7):
        alone = drift_stats(manager[groups == g], moderated[groups == g])
        grouped = stacked[g]
        assert grouped.confusion == alone.confusion
        assert grouped.weighted_kappa == pytest.approx(alone.weighted_kappa)
        assert grouped.alpha_ordinal == pytest.approx(alone.alpha_ordinal)
        assert grouped.mean_drift_ci == pytest.approx(alone.mean_drift_ci)


def test_unmoderated_pairs_are_not_counted() -> None:
    s = drift_stats(np.array([2, 2, 3, 1]), np.array([3, 0, 0, 1]))
    assert s.n == 2
    assert s.not_moderated == 2
    assert s.downgraded == 0.5


def test_to_inadequate_counts_only_moves_to_inadequate_from_a_better_grade() -> None:
    manager = np.array([1, 2, 3, 4, 3])
    moderated = np.array([4, 4, 4, 4, 3])
    assert drift_stats(manager, moderated).to_inadequate == 3  # 4 -> 4 is agreement


def test_undefined_statistics_are_none_not_nan() -> None:
    empty = drift_stats(np.array([2, 3]), np.array([0, 0]))
    assert empty.n == 0
    for name in (
        "exact_agreement",
        "adjacent_agreement",
        "downgraded",
        "upgraded",
        "mean_drift",
        "mean_drift_ci",
        "weighted_kappa",
        "alpha_ordinal",
        "sign_test_p",
    ):
        assert getattr(empty, name) is None, name
    assert empty.to_inadequate == 0
    assert empty.confusion == [[0] * 4 for _ in range(4)]

    one = drift_stats(np.array([2]), np.array([3]))
    assert one.mean_drift == 1.0
    assert one.mean_drift_ci is None  # needs two pairs
    assert one.sign_test_p == 0.5

    same_grade = drift_stats(np.array([2, 2, 2]), np.array([2, 2, 2]))
    assert same_grade.weighted_kappa is None  # no expected disagreement
    assert same_grade.alpha_ordinal is None  # one category only
    assert same_grade.sign_test_p is None  # all ties
    assert same_grade.exact_agreement == 1.0

    shifted = drift_stats(np.array([2, 2, 2]), np.array([3, 3, 3]))
    assert shifted.weighted_kappa == 0.0  # defined: expected disagreement is not zero
    assert shifted.alpha_ordinal is not None
