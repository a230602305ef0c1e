"""Per-manager leniency: how optimistic each manager's overall grades are, fairly.

Two different questions get two different tools.

**Is this manager optimistic?** (``optimistic`` and ``interval``) is answered
from the manager's own moderated audits only, so a manager is judged on their
own grading, never on their colleagues'. "Grades like the moderators" means the
manager's and the moderator's grades of an audit are exchangeable, so the
manager's drift is symmetric about zero. The flag is a one-sided test at 5% of
that, built so that its false-alarm rate is at most 5% *whatever the team looks
like and however few audits there are*:

1. A Student-t interval for the manager's mean overall drift at 90% two-sided
   (so "lower end above zero" is a one-sided 5% test), using
   ``max(own variance, pooled within-manager variance)`` with the manager's own
   n − 1 degrees of freedom. With a handful of audits a manager's drifts are
   often identical by chance (three downgrades of exactly one grade have
   variance 0 and a naive interval of [1, 1]); the pooled variance says how
   much audit-to-audit noise to expect. Taking the larger can only widen the
   interval.
2. The exact one-sided sign-flip (randomisation) test of Fisher (1935) for the
   same mean: under symmetry every pattern of signs of the drifts is equally
   likely, so ``p = P(Σ εᵢ|dᵢ| ≥ Σ dᵢ)`` over independent fair signs εᵢ,
   computed exactly by convolving the binomial counts of drifts of size 1, 2
   and 3. It is valid for every n and every symmetric drift distribution,
   where the t-test on integer grades runs slightly above 5% (about 5-6% at
   20 audits in simulation).
3. If the exact test cannot exclude zero, the interval is extended to reach
   zero. The interval is then the union of the t-interval and the values the
   exact test cannot exclude, so it still covers at least 90%, and "the whole
   interval is above zero" is the same event as "both tests say optimistic".

Nothing about colleagues' drift enters except the variance floor, which only
widens. Shrinking the *interval* towards a high team mean, as a textbook
empirical-Bayes posterior interval would, brands fair managers in optimistic
teams: in ``tests/test_analysis_leniency.py`` it flags about 10% of fair
managers where most colleagues are optimistic, against about 2% for this
flag. With fewer than five audits the exact test cannot reach 5% (2⁻⁴ > 0.05),
so nobody is flagged on a handful of cases.

**How lenient, as a single number?** (``estimate``, shown as ``leniency``) is
the manager's mean drift shrunk towards the overall mean by normal-normal
empirical Bayes (DerSimonian-Laird between-manager variance, weights
``1/(se² + τ²)``), so a manager with three audits is not ranked top or bottom
on noise. The shrinkage is *limited translation* (Efron & Morris 1972,
"Limiting the risk of Bayes and empirical Bayes estimators"): the estimate
never moves more than one standard error from the manager's own mean, and it is
kept inside the manager's interval, so a fair manager in an optimistic team is
not shown as optimistic by borrowing their colleagues' drift.

Power (simulated in the tests): with moderators and managers each a grade off
on 20% of cases (a fair manager agrees exactly with the moderator on about 70%
of audits; drift standard deviation about 0.75) a manager half a grade
optimistic over 20 moderated audits is flagged about 83% of the time (81-85%
across team make-ups and seeds). Noisier grading lowers that for any valid
test: with each grader a grade off on 30% of cases (σ about 0.83) it is about
75%, and even knowing σ exactly a 5% test has power Φ(0.5·√20/σ − 1.645),
below 80% once σ exceeds about 0.9. The price of a guaranteed false-alarm rate
on integer grades is that the exact test is conservative (about 1-3% actual
rather than 5%), which costs a few points of power.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

LEVEL = 0.90
"""Two-sided level of the leniency interval: the flag is a one-sided 5% test."""

MAX_STEP = 3
"""The largest possible drift in grade steps (Outstanding to Inadequate)."""


@dataclass(frozen=True)
class Leniency:
    """One manager's leniency.

    Attributes:
        n: moderated overall grades.
        own_mean: the manager's own mean overall drift (None if n = 0).
        estimate: the mean drift after limited-translation shrinkage (None if n = 0).
        interval: the 90% interval for the manager's own mean drift (None if n < 2).
        p_optimistic: exact one-sided sign-flip p-value for optimism (None if n = 0).
        optimistic: True only when the whole interval is above zero.
    """

    n: int
    own_mean: float | None
    estimate: float | None
    interval: tuple[float, float] | None
    p_optimistic: float | None
    optimistic: bool


@dataclass(frozen=True)
class LeniencyTable:
    """Leniency for every manager, and what the estimates were shrunk towards.

    Attributes:
        managers: one entry per manager code.
        centre: the (precision-weighted) overall mean drift the estimates are
            shrunk towards; None when fewer than two managers can be compared.
        between_sd: the estimated spread of true leniency between managers (τ).
        level: the two-sided level of the intervals.
    """

    managers: list[Leniency]
    centre: float | None
    between_sd: float | None
    level: float


def manager_leniency(
    drift: npt.NDArray[Any],
    manager: npt.NDArray[Any],
    n_managers: int,
    *,
    level: float = LEVEL,
    weights: npt.NDArray[Any] | None = None,
) -> LeniencyTable:
    """Leniency for each manager code ``0 <= m < n_managers``.

    Everything below is a function of each manager's counts of drifts -3…+3
    (their sums and sums of squares, and the counts by size for the exact
    test), so ``weights`` lets a count table stand in for the audits.

    Args:
        drift: moderated − manager overall grade (integers), one per moderated audit
            (or per cell of a count table).
        manager: the manager code of each drift.
        n_managers: number of manager codes.
        level: two-sided interval level (0.90: the flag is a one-sided 5% test).
        weights: how many audits each drift stands for (None: one each).
    """
    from moderator.analysis.stats import t_quantile

    d = np.rint(np.asarray(drift, dtype=np.float64)).astype(np.int64)
    m = np.asarray(manager, dtype=np.int64)
    w = np.ones(d.shape, dtype=np.float64) if weights is None else np.asarray(weights, np.float64)
    n = np.rint(np.bincount(m, weights=w, minlength=n_managers)[:n_managers])
    total = np.bincount(m, weights=d * w, minlength=n_managers)[:n_managers]
    total_sq = np.bincount(m, weights=(d * d) * w, minlength=n_managers)[:n_managers]
    has = n > 0
    mean = np.where(has, total / np.where(has, n, 1.0), np.nan)
    two = n >= 2
    own_var = np.where(
        two,
        np.maximum((total_sq - n * np.nan_to_num(mean) ** 2) / np.maximum(n - 1, 1), 0.0),
        np.nan,
    )
    df = np.where(two, n - 1, 0.0)
    pooled = float((df * np.nan_to_num(own_var)).sum() / df.sum()) if df.sum() > 0 else math.nan

    # Spread used for the interval: never below what colleagues' audits show is typical.
    var = np.where(two, np.fmax(own_var, pooled), pooled)
    se = np.sqrt(var / np.where(has, n, 1.0))
    tcrit = t_quantile((1 + level) / 2, np.where(two, n - 1, 1.0))
    low = np.where(two, mean - tcrit * se, np.nan)
    high = np.where(two, mean + tcrit * se, np.nan)

    # Counts of |drift| = 1, 2, 3 and the signed sum, per manager, for the exact test.
    size_counts = np.stack(
        [
            np.rint(np.bincount(m, weights=w * (np.abs(d) == k), minlength=n_managers))[:n_managers]
            for k in (1, 2, 3)
        ],
        axis=1,
    )
    alpha = (1 - level) / 2

    estimate, centre, tau = _shrink(mean, se, has & np.isfinite(se))

    out: list[Leniency] = []
    for k in range(n_managers):
        if not has[k]:
            out.append(Leniency(0, None, None, None, None, False))
            continue
        counts = [int(c) for c in size_counts[k]]
        p_up, p_down = _sign_flip_tails(counts, round(float(total[k])))
        interval = None
        if two[k] and math.isfinite(low[k]) and math.isfinite(high[k]):
            lo, hi = float(low[k]), float(high[k])
            if p_up > alpha:  # the exact test cannot exclude zero from above
                lo = min(lo, 0.0)
            if p_down > alpha:  # ... nor from below
                hi = max(hi, 0.0)
            interval = (lo, hi)
        shown = float(estimate[k]) if math.isfinite(estimate[k]) else float(mean[k])
        if interval is not None:
            shown = min(max(shown, interval[0]), interval[1])
        out.append(
            Leniency(
                n=int(n[k]),
                own_mean=float(mean[k]),
                estimate=shown,
                interval=interval,
                p_optimistic=p_up,
                optimistic=interval is not None and interval[0] > 0,
            )
        )
    return LeniencyTable(managers=out, centre=centre, between_sd=tau, level=level)


def sign_flip_p(size_counts: list[int], signed_sum: int) -> float:
    """Exact one-sided p-value ``P(Σ εᵢ|dᵢ| ≥ signed_sum)`` for fair random signs εᵢ.

    Args:
        size_counts: how many drifts have size 1, 2, 3 (zeros carry no sign).
        signed_sum: the observed sum of the drifts.
    """
    return _sign_flip_tails(size_counts, signed_sum)[0]


def _sign_flip_tails(size_counts: list[int], signed_sum: int) -> tuple[float, float]:
    """``(P(S ≥ s), P(S ≤ s))`` for ``S = Σ εᵢ|dᵢ|``, exactly, by convolution."""
    dist = np.ones(1)
    offset = 0
    for size, count in enumerate(size_counts, start=1):
        if count <= 0:
            continue
        spaced = np.zeros(2 * size * count + 1)
        spaced[:: 2 * size] = _binomial_half(count)  # -size*count ... size*count, step 2*size
        dist = np.convolve(dist, spaced)
        offset += size * count
    at = signed_sum + offset  # index of s in dist
    upper = 1.0 if at <= 0 else 0.0 if at >= dist.size else float(dist[at:].sum())
    lower = 1.0 if at >= dist.size - 1 else 0.0 if at < 0 else float(dist[: at + 1].sum())
    return min(1.0, upper), min(1.0, lower)


@lru_cache(maxsize=512)
def _binomial_half(count: int) -> npt.NDArray[np.float64]:
    """The Binomial(count, ½) probabilities of 0..count successes."""
    from scipy import special

    k = np.arange(count + 1, dtype=np.float64)
    log_pmf = (
        special.gammaln(count + 1.0)
        - special.gammaln(k + 1.0)
        - special.gammaln(count - k + 1.0)
        - count * np.log(2.0)
    )
    pmf: npt.NDArray[np.float64] = np.exp(log_pmf)
    pmf.setflags(write=False)
    return pmf


def _shrink(
    mean: npt.NDArray[np.float64], se: npt.NDArray[np.float64], usable: npt.NDArray[np.bool_]
) -> tuple[npt.NDArray[np.float64], float | None, float | None]:
    """Limited-translation empirical-Bayes estimates (own mean where shrinkage is undefined),
    the centre they are shrunk towards and the between-manager standard deviation."""
    estimate = mean.copy()
    idx = np.flatnonzero(usable)
    if idx.size < 2:
        return estimate, None, None
    x = mean[idx]
    s2 = se[idx] ** 2
    if np.any(s2 <= 0):
        # No variation anywhere: nothing to weigh the means against, so show the
        # managers' own means.
        return estimate, None, None
    w = 1.0 / s2
    fixed = float((w * x).sum() / w.sum())
    q = float((w * (x - fixed) ** 2).sum())
    c = float(w.sum() - (w**2).sum() / w.sum())
    tau2 = max(0.0, (q - (idx.size - 1)) / c) if c > 0 else 0.0
    w_star = 1.0 / (s2 + tau2)
    centre = float((w_star * x).sum() / w_star.sum())
    factor = s2 / (s2 + tau2)  # B: the share of the way towards the centre
    pull = np.clip(factor * (centre - x), -se[idx], se[idx])
    estimate[idx] = x + pull
    return estimate, centre, math.sqrt(tau2)
