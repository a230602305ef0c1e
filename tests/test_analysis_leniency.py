"""Per-manager leniency: the fairness promises of docs/statistics.md, checked by simulation.

"A manager who grades like the moderators is flagged at most 5% of the time,
even when most colleagues are optimistic, and a manager half a grade optimistic
over 20 moderated audits is flagged at least 80% of the time."

Simulated grading (realistic, integer, clipped to the four-point scale): each
case has a true quality q drawn as 5% Outstanding, 30% Good, 40% Requires
improvement, 25% Inadequate. The moderator grades q, off by one grade either
way on 20% of cases; a manager grades the same way (so a fair manager's grades
are exchangeable with the moderator's, their drift is symmetric about zero, and
they agree exactly with the moderator on about 70% of audits), and an
optimistic manager additionally grades one grade better with probability b,
with b chosen so that the expected drift, after clipping, is exactly the stated
amount. The half-grade optimist's drift then has standard deviation about 0.75.
Noisier grading (30% off by a grade) is checked for false alarms too.
"""

from __future__ import annotations

import itertools

import numpy as np
import numpy.typing as npt
import pytest
from scipy import stats as st

from moderator.analysis.leniency import LEVEL, manager_leniency, sign_flip_p

QUALITY = np.array([0.05, 0.30, 0.40, 0.25])
NOISE = 0.20  # chance a rater is a grade off, either way


def _expected_drift(bias: float, noise: float = NOISE) -> float:
    """Exact expected drift (moderated − manager) after clipping, by enumeration."""
    errs = {-1: noise / 2, 0: 1 - noise, 1: noise / 2}
    total = 0.0
    for q, pq in zip(range(1, 5), QUALITY, strict=True):
        for er, pr in errs.items():
            r = min(4, max(1, q + er))
            for eg, pg in errs.items():
                for b, pb in ((0, 1 - bias), (1, bias)):
                    g = min(4, max(1, q + eg - b))
                    total += pq * pr * pg * pb * (r - g)
    return total


def _bias_for(mean_drift: float, noise: float = NOISE) -> float:
    lo, hi = 0.0, 1.0
    for _ in range(60):
        mid = (lo + hi) / 2
        if _expected_drift(mid, noise) < mean_drift:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


HALF = _bias_for(0.5)
OPTIMISTIC_COLLEAGUE = _bias_for(0.7)


def _drifts(
    rng: np.random.Generator, n: int, bias: float, noise: float = NOISE
) -> npt.NDArray[np.int64]:
    q = rng.choice(np.arange(1, 5), size=n, p=QUALITY)
    steps = np.array([-1, 0, 1])
    p = [noise / 2, 1 - noise, noise / 2]
    r = np.clip(q + rng.choice(steps, size=n, p=p), 1, 4)
    g = np.clip(q + rng.choice(steps, size=n, p=p) - (rng.random(n) < bias), 1, 4)
    return (r - g).astype(np.int64)


FAIR_SIZES = (4, 10, 20, 40)


def _team(
    rng: np.random.Generator,
    colleagues: str,
    noise: float = NOISE,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], int]:
    """Managers 0-7 fair (two each with 4, 10, 20 and 40 audits), 8-11 half a grade
    optimistic (20 audits), 12-23 colleagues with 10-30 audits each: "optimistic" (0.7 of
    a grade), "fair", or "consistent" (every audit downgraded by exactly one grade).
    With optimistic colleagues, 16 of a fair manager's 23 colleagues are optimistic."""
    half = HALF if noise == NOISE else _bias_for(0.5, noise)
    drifts = [_drifts(rng, n, 0.0, noise) for n in FAIR_SIZES for _ in range(2)]
    drifts += [_drifts(rng, 20, half, noise) for _ in range(4)]
    for _ in range(12):
        size = int(rng.integers(10, 31))
        if colleagues == "consistent":
            drifts.append(np.ones(size, dtype=np.int64))
        else:
            bias = OPTIMISTIC_COLLEAGUE if colleagues == "optimistic" else 0.0
            drifts.append(_drifts(rng, size, bias, noise))
    drift = np.concatenate(drifts)
    manager = np.repeat(np.arange(len(drifts)), [len(x) for x in drifts])
    return drift, manager, len(drifts)


def _simulate(
    colleagues: str, teams: int, seed: int, noise: float = NOISE
) -> tuple[np.ndarray, np.ndarray]:
    """Flags of fair managers (rows: teams × 2, columns: FAIR_SIZES) and of optimists."""
    rng = np.random.default_rng(seed)
    fair = np.zeros((teams, 2, len(FAIR_SIZES)), dtype=bool)
    half = np.zeros((teams, 4), dtype=bool)
    for t in range(teams):
        drift, manager, k = _team(rng, colleagues, noise)
        flags = np.array([r.optimistic for r in manager_leniency(drift, manager, k).managers])
        fair[t] = flags[:8].reshape(len(FAIR_SIZES), 2).T
        half[t] = flags[8:12]
    return fair.reshape(teams * 2, len(FAIR_SIZES)), half.ravel()


def test_the_simulated_managers_are_what_they_claim() -> None:
    assert _expected_drift(0.0) == pytest.approx(0.0, abs=1e-12)
    assert _expected_drift(HALF) == pytest.approx(0.5, abs=1e-9)
    rng = np.random.default_rng(1)
    sample = _drifts(rng, 200_000, HALF)
    assert sample.mean() == pytest.approx(0.5, abs=0.01)
    assert 0.7 < sample.std() < 0.8  # realistic spread, not a best case
    fair = _drifts(rng, 200_000, 0.0)
    assert fair.mean() == pytest.approx(0.0, abs=0.01)
    assert 0.65 < (fair == 0).mean() < 0.75


@pytest.mark.parametrize("colleagues", ["optimistic", "fair", "consistent"])
def test_fair_managers_are_rarely_flagged_and_optimists_usually_are(colleagues: str) -> None:
    fair, half = _simulate(colleagues, teams=500, seed=len(colleagues))
    false_alarm = fair.mean()
    assert false_alarm <= 0.05, (
        f"fair managers flagged {false_alarm:.1%} with {colleagues} colleagues"
    )
    for size, rate in zip(FAIR_SIZES, fair.mean(axis=0), strict=True):
        assert rate <= 0.05, f"fair manager with {size} audits flagged {rate:.1%}"
    power = half.mean()
    assert power >= 0.80, (
        f"half-grade optimists flagged only {power:.1%} with {colleagues} colleagues"
    )


def test_noisier_grading_still_rarely_flags_fair_managers() -> None:
    # Moderators and managers a grade off on 30% of cases: power at 20 audits falls
    # (to about 75%, as it must for any valid test at this spread) but fairness holds.
    for colleagues in ("optimistic", "consistent"):
        fair, half = _simulate(colleagues, teams=200, seed=99, noise=0.30)
        assert fair.mean(axis=0).max() <= 0.05
        assert half.mean() > 0.6


def _posterior_flags(drift: np.ndarray, manager: np.ndarray, k: int) -> np.ndarray:
    """What a plain empirical-Bayes posterior interval would flag (the approach not taken)."""
    n = np.bincount(manager, minlength=k).astype(float)
    mean = np.bincount(manager, weights=drift, minlength=k) / n
    sq = np.bincount(manager, weights=drift.astype(float) ** 2, minlength=k)
    var = (sq - n * mean**2) / (n - 1)
    pooled = ((n - 1) * var).sum() / (n - 1).sum()
    s2 = pooled / n
    w = 1 / s2
    fixed = (w * mean).sum() / w.sum()
    q = (w * (mean - fixed) ** 2).sum()
    tau2 = max(1e-9, (q - (k - 1)) / (w.sum() - (w**2).sum() / w.sum()))
    centre = (mean / (s2 + tau2)).sum() / (1 / (s2 + tau2)).sum()
    b = s2 / (s2 + tau2)
    post_mean = centre + (1 - b) * (mean - centre)
    post_sd = np.sqrt((1 - b) * s2)
    return post_mean - st.norm.ppf((1 + LEVEL) / 2) * post_sd > 0


def test_a_posterior_interval_would_brand_fair_managers_in_an_optimistic_team() -> None:
    # Why the flag uses each manager's own data: shrinking the interval towards an
    # optimistic team's mean flags many fair managers.
    rng = np.random.default_rng(7)
    branded = []
    for _ in range(100):
        drift, manager, k = _team(rng, "optimistic")
        branded.append(_posterior_flags(drift, manager, k)[:8].mean())
    assert np.mean(branded) > 0.08  # against the 5% promised (and about 2% delivered)


def test_a_handful_of_downgrades_is_not_a_flag() -> None:
    # One to four audits, each downgraded by exactly one grade: own spread zero,
    # colleagues show ordinary audit-to-audit noise.
    rng = np.random.default_rng(3)
    others = np.concatenate([_drifts(rng, 20, 0.0) for _ in range(5)])
    for few in (1, 2, 3, 4):
        drift = np.concatenate([np.ones(few, dtype=np.int64), others])
        manager = np.concatenate([np.zeros(few, dtype=np.int64), np.repeat(np.arange(1, 6), 20)])
        result = manager_leniency(drift, manager, 6).managers[0]
        assert result.n == few
        assert not result.optimistic
        if few == 1:
            assert result.interval is None
        else:
            assert result.interval is not None and result.interval[0] <= 0 < result.interval[1]
    # ...and even colleagues with no spread at all do not make four out of four a flag
    consistent = np.ones(60, dtype=np.int64)
    drift = np.concatenate([np.ones(4, dtype=np.int64), consistent])
    manager = np.concatenate([np.zeros(4, dtype=np.int64), np.repeat([1, 2, 3], 20)])
    result = manager_leniency(drift, manager, 4).managers
    assert not result[0].optimistic
    assert result[0].p_optimistic == pytest.approx(1 / 16)
    assert result[1].optimistic  # twenty out of twenty is


def test_the_exact_sign_flip_test_matches_enumeration() -> None:
    rng = np.random.default_rng(8)
    for _ in range(40):
        d = rng.integers(-3, 4, size=int(rng.integers(1, 11)))
        signs = np.array(list(itertools.product([-1, 1], repeat=d.size)))
        flipped = (signs * np.abs(d)).sum(axis=1)
        expected = (flipped >= d.sum()).mean()
        counts = [int((np.abs(d) == k).sum()) for k in (1, 2, 3)]
        assert sign_flip_p(counts, int(d.sum())) == pytest.approx(expected, abs=1e-12)
    # Arbuthnot (1710): 82 years out of 82 with more boys christened, p = 2^-82
    assert sign_flip_p([82, 0, 0], 82) == pytest.approx(2.0**-82, rel=1e-9)


def test_consistent_downgrades_over_many_audits_are_a_flag() -> None:
    rng = np.random.default_rng(4)
    drift = np.concatenate([np.ones(12, dtype=np.int64), _drifts(rng, 60, 0.0)])
    manager = np.concatenate([np.zeros(12, dtype=np.int64), np.repeat([1, 2, 3], 20)])
    result = manager_leniency(drift, manager, 4).managers
    assert result[0].optimistic
    assert result[0].interval is not None and result[0].interval[0] > 0
    assert result[0].own_mean == 1.0


def test_shrinkage_moves_towards_the_team_but_stays_inside_the_interval() -> None:
    rng = np.random.default_rng(5)
    drift = np.concatenate([_drifts(rng, 6, 0.0), *[_drifts(rng, 20, 0.9) for _ in range(6)]])
    manager = np.repeat(np.arange(7), [6, 20, 20, 20, 20, 20, 20])
    table = manager_leniency(drift, manager, 7)
    result = table.managers
    assert table.centre is not None and 0.5 < table.centre < 0.9
    overall = table.centre
    for r in result:
        assert r.own_mean is not None and r.estimate is not None and r.interval is not None
        assert r.interval[0] <= r.estimate <= r.interval[1]
        # towards the overall mean, never past it
        assert abs(r.estimate - overall) <= abs(r.own_mean - overall) + 1e-12
    fair = result[0]
    assert fair.own_mean is not None and fair.estimate is not None
    assert fair.estimate > fair.own_mean  # pulled up by an optimistic team...
    assert not fair.optimistic  # ...but not branded by it


def test_managers_without_moderated_audits_have_no_numbers() -> None:
    result = manager_leniency(np.array([1, 0, 1]), np.array([1, 1, 1]), 3).managers
    assert result[0].n == 0 and result[0].estimate is None and result[0].interval is None
    assert result[0].own_mean is None and not result[0].optimistic
    assert result[2].n == 0
    # a single manager: nothing to shrink towards
    assert result[1].estimate == pytest.approx(2 / 3)


def test_no_variation_anywhere_gives_finite_numbers() -> None:
    result = manager_leniency(np.zeros(10), np.repeat([0, 1], 5), 2).managers
    for r in result:
        assert r.estimate == 0.0
        assert r.interval == (0.0, 0.0)
        assert not r.optimistic
