"""Agreement and drift statistics for (manager grade, moderated grade) pairs.

Every statistic here is a function of the 4×4 confusion table (rows = the
manager's grade Outstanding…Inadequate, columns = the moderated grade), so a
breakdown over any number of groups is one ``bincount`` over
``group * 16 + cell`` followed by array arithmetic on a ``(groups, 4, 4)``
stack. Only moderated pairs count; rows without a moderated grade (0) are
ignored.

Definitions (grades are 1 = Outstanding … 4 = Inadequate; drift = moderated − manager):

- ``n``: moderated pairs.
- ``exact_agreement``: share with drift 0; ``adjacent_agreement``: |drift| ≤ 1.
- ``downgraded`` / ``upgraded``: share with drift > 0 / < 0 (a downgrade means the
  manager was more optimistic than the moderator).
- ``to_inadequate``: the number of pairs *moderated to* Inadequate, i.e. the
  moderator graded Inadequate where the manager had given a better grade
  (Outstanding, Good or Requires improvement). Pairs both graded Inadequate are
  agreement, not a finding, so they are not counted. This is the "were rated
  inadequate" of the Ofsted finding the product is built around.
- ``mean_drift`` with a 95% Student-t interval ``mean ± t(0.975, n−1)·s/√n``
  (undefined for n < 2).
- ``weighted_kappa``: Cohen's (1968) weighted kappa with quadratic disagreement
  weights ``(i−j)²`` over the fixed categories 1–4:
  ``1 − Σ w·observed / Σ w·expected``, expected = outer product of the margins / n.
  Undefined when the expected disagreement is 0 (both raters used one and the
  same grade throughout).
- ``alpha_ordinal``: Krippendorff's alpha with the ordinal metric for two coders
  and no missing values (Krippendorff 2011, "Computing Krippendorff's
  alpha-reliability"): coincidence matrix ``o = C + Cᵀ``, ordinal
  ``δ²(c,k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²``,
  ``α = 1 − (N − 1)·Σ o·δ² / Σ n_c·n_k·δ²`` with N = 2n pairable values.
  Undefined when every value falls in one category.
- ``sign_test_p``: one-sided exact sign test for optimism: ties (drift 0) are
  dropped, and p = P(X ≥ downgrades) for X ~ Binomial(downgrades + upgrades, ½),
  as ``scipy.stats.binomtest(k, n, 0.5, alternative="greater")``. Undefined when
  every pair is a tie.

Undefined values are ``None``; no NaN ever leaves this module.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

from moderator.analysis.drift_stats import DriftStats as DriftStats

K = 4
"""Number of grades."""

_I, _J = np.indices((K, K))
_DRIFT = (_J - _I).astype(np.float64)  # moderated (column) - manager (row)
_QUADRATIC = _DRIFT**2

ConfusionStack = npt.NDArray[np.int64]
"""Confusion tables, shape ``(groups, 4, 4)``."""


def confusion_by_group(
    manager: npt.NDArray[Any],
    moderated: npt.NDArray[Any],
    groups: npt.NDArray[Any] | None = None,
    n_groups: int = 1,
    weights: npt.NDArray[Any] | None = None,
) -> ConfusionStack:
    """Confusion tables per group, shape ``(n_groups, 4, 4)``.

    Args:
        manager: manager grades 1-4.
        moderated: moderated grades 1-4, or 0 (not moderated: ignored).
        groups: a group code ``0 <= g < n_groups`` per pair (None: one group).
        n_groups: number of groups.
        weights: how many pairs each entry stands for (None: one each), so that
            already-counted cells of a count table roll up the same way as rows.
    """
    manager = np.asarray(manager)
    moderated = np.asarray(moderated)
    keep = moderated > 0
    cell = (manager[keep].astype(np.int64) - 1) * K + (moderated[keep].astype(np.int64) - 1)
    if groups is not None:
        cell = np.asarray(groups)[keep].astype(np.int64) * (K * K) + cell
    w = None if weights is None else np.asarray(weights, dtype=np.float64)[keep]
    counts = np.bincount(cell, weights=w, minlength=n_groups * K * K)
    return np.rint(counts[: n_groups * K * K]).reshape(n_groups, K, K).astype(np.int64)


def unmoderated_by_group(
    moderated: npt.NDArray[Any],
    groups: npt.NDArray[Any] | None = None,
    n_groups: int = 1,
    weights: npt.NDArray[Any] | None = None,
) -> npt.NDArray[np.int64]:
    """Pairs without a moderated grade, per group (``weights`` as in :func:`confusion_by_group`)."""
    missing = np.asarray(moderated) == 0
    w = None if weights is None else np.asarray(weights, dtype=np.float64)[missing]
    codes = (
        np.zeros(int(missing.sum()), dtype=np.int64)
        if groups is None
        else np.asarray(groups)[missing]
    )
    counts = np.bincount(codes, weights=w, minlength=n_groups)[:n_groups]
    return np.rint(counts).astype(np.int64)


def drift_stats(manager: npt.NDArray[Any], moderated: npt.NDArray[Any]) -> DriftStats:
    """All statistics for one set of pairs (moderated grade 0 = not moderated)."""
    conf = confusion_by_group(manager, moderated)
    return stats_from_confusion(conf, unmoderated_by_group(moderated))[0]


def stats_from_confusion(
    conf: ConfusionStack, not_moderated: npt.NDArray[np.int64] | None = None
) -> list[DriftStats]:
    """Statistics for each table of a ``(groups, 4, 4)`` stack (vectorised over groups)."""
    conf = np.asarray(conf, dtype=np.int64)
    if conf.ndim == 2:
        conf = conf[None]
    g = conf.shape[0]
    c = conf.astype(np.float64)
    n = c.sum(axis=(1, 2))
    has = n > 0
    safe_n = np.where(has, n, 1.0)

    exact = np.trace(c, axis1=1, axis2=2) / safe_n
    adjacent = (c * (np.abs(_DRIFT) <= 1)).sum(axis=(1, 2)) / safe_n
    down_count = (c * (_DRIFT > 0)).sum(axis=(1, 2))
    up_count = (c * (_DRIFT < 0)).sum(axis=(1, 2))
    to_inadequate = conf[:, : K - 1, K - 1].sum(axis=1)

    sum_d = (c * _DRIFT).sum(axis=(1, 2))
    sum_d2 = (c * _DRIFT**2).sum(axis=(1, 2))
    mean = sum_d / safe_n
    ci = drift_intervals(n, sum_d, sum_d2)

    kappa = quadratic_kappa_stack(c)
    alpha = ordinal_alpha_stack(c + np.transpose(c, (0, 2, 1)))

    ties_dropped = down_count + up_count
    sign_p = np.where(
        ties_dropped > 0,
        binomial_upper_tail(down_count, np.maximum(ties_dropped, 1)),
        np.nan,
    )

    missing = np.zeros(g, dtype=np.int64) if not_moderated is None else not_moderated
    out: list[DriftStats] = []
    for k in range(g):
        defined = bool(has[k])
        out.append(
            DriftStats(
                n=int(n[k]),
                exact_agreement=_num(exact[k]) if defined else None,
                adjacent_agreement=_num(adjacent[k]) if defined else None,
                downgraded=_num(down_count[k] / n[k]) if defined else None,
                upgraded=_num(up_count[k] / n[k]) if defined else None,
                to_inadequate=int(to_inadequate[k]),
                mean_drift=_num(mean[k]) if defined else None,
                mean_drift_ci=_pair(ci[0][k], ci[1][k]),
                weighted_kappa=_num(kappa[k]),
                alpha_ordinal=_num(alpha[k]),
                sign_test_p=_num(min(1.0, float(sign_p[k]))) if ties_dropped[k] > 0 else None,
                confusion=conf[k].tolist(),
                not_moderated=int(missing[k]),
            )
        )
    return out


def drift_summary(
    conf: ConfusionStack,
) -> tuple[npt.NDArray[np.float64], ...]:
    """Per table of a stack: n, mean drift, its 95% interval (low, high) and the share
    downgraded, as arrays (NaN where undefined): the few figures of a trend line,
    without the rest of :func:`stats_from_confusion`."""
    c = np.asarray(conf, dtype=np.float64)
    n = c.sum(axis=(1, 2))
    safe_n = np.where(n > 0, n, 1.0)
    sum_d = (c * _DRIFT).sum(axis=(1, 2))
    low, high = drift_intervals(n, sum_d, (c * _QUADRATIC).sum(axis=(1, 2)))
    mean = np.where(n > 0, sum_d / safe_n, np.nan)
    down = np.where(n > 0, (c * (_DRIFT > 0)).sum(axis=(1, 2)) / safe_n, np.nan)
    return n, mean, low, high, down


MAX_DRIFT = float(K - 1)
"""No pair can drift further than Outstanding to Inadequate, so no interval reaches past it."""


def drift_intervals(
    n: npt.NDArray[Any], total: npt.NDArray[Any], total_sq: npt.NDArray[Any]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """95% intervals for mean drifts, clipped to the scale (−3 … +3 grade steps): with a
    handful of pairs the Student-t interval alone can claim drifts no audit could have.

    Where every pair has the same drift d (no spread: the Student-t interval would have no
    width, as if five agreeing pairs proved the mean exactly) the interval is the range of
    means the pairs leave possible instead: at most a share p = 1 − 0.025^(1/n) of all such
    pairs (the 97.5% Clopper-Pearson bound for none seen in n) may drift otherwise, at worst
    as far as the scale allows, so d − p·(d + 3) … d + p·(3 − d).
    """
    low, high = mean_intervals(n, total, total_sq, level=0.95)
    n = np.asarray(n, dtype=np.float64)
    total = np.asarray(total, dtype=np.float64)
    total_sq = np.asarray(total_sq, dtype=np.float64)
    same = (n >= 2) & (total_sq * n == total**2)  # counts: exact in floating point
    if same.any():
        safe_n = np.where(n > 0, n, 1.0)
        d = total / safe_n
        share = 1.0 - 0.025 ** (1.0 / safe_n)
        low = np.where(same, d - share * (d + MAX_DRIFT), low)
        high = np.where(same, d + share * (MAX_DRIFT - d), high)
    return np.clip(low, -MAX_DRIFT, MAX_DRIFT), np.clip(high, -MAX_DRIFT, MAX_DRIFT)


def mean_intervals(
    n: npt.NDArray[Any],
    total: npt.NDArray[Any],
    total_sq: npt.NDArray[Any],
    *,
    level: float = 0.95,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Student-t intervals for means from counts, sums and sums of squares (NaN where n < 2).

    ``mean ± t((1 + level)/2, n − 1) · s/√n`` with the sample standard deviation s.
    """
    n = np.asarray(n, dtype=np.float64)
    total = np.asarray(total, dtype=np.float64)
    total_sq = np.asarray(total_sq, dtype=np.float64)
    ok = n >= 2
    safe_n = np.where(ok, n, 2.0)
    mean = total / safe_n
    var = np.maximum((total_sq - safe_n * mean**2) / (safe_n - 1), 0.0)
    half = t_quantile((1 + level) / 2, safe_n - 1) * np.sqrt(var / safe_n)
    low = np.where(ok, mean - half, np.nan)
    high = np.where(ok, mean + half, np.nan)
    return low, high


def mean_interval(
    values: npt.NDArray[Any] | list[float], *, level: float = 0.95
) -> tuple[float, float] | None:
    """The Student-t interval for the mean of ``values`` (None for fewer than 2 values)."""
    x = np.asarray(values, dtype=np.float64)
    low, high = mean_intervals(
        np.array([x.size]), np.array([x.sum()]), np.array([(x**2).sum()]), level=level
    )
    return _pair(low[0], high[0])


def quadratic_kappa_stack(c: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Quadratic-weighted kappa for each k×k table of a stack (NaN where undefined)."""
    c = np.asarray(c, dtype=np.float64)
    if c.ndim == 2:
        c = c[None]
    k = c.shape[1]
    i, j = np.indices((k, k))
    w = ((i - j) ** 2).astype(np.float64)
    n = c.sum(axis=(1, 2))
    rows = c.sum(axis=2)
    cols = c.sum(axis=1)
    observed = (c * w).sum(axis=(1, 2))
    expected = np.einsum("gi,ij,gj->g", rows, w, cols) / np.where(n > 0, n, 1.0)
    ok = (n > 0) & (expected > 0)
    return np.where(ok, 1.0 - observed / np.where(ok, expected, 1.0), np.nan)


def quadratic_kappa(table: npt.NDArray[Any] | list[list[int]]) -> float | None:
    """Quadratic-weighted Cohen's kappa of one k×k table (rows rater A, columns rater B)."""
    return _num(quadratic_kappa_stack(np.asarray(table, dtype=np.float64))[0])


def ordinal_alpha_stack(o: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Krippendorff's ordinal alpha from each coincidence matrix of a stack (NaN if undefined).

    ``o[c, k]`` is the coincidence matrix of Krippendorff (2011): for every unit with
    ``m_u`` pairable values, each ordered pair of values from different coders adds
    ``1/(m_u − 1)``. For two coders and no missing values it is ``C + Cᵀ``.
    """
    o = np.asarray(o, dtype=np.float64)
    if o.ndim == 2:
        o = o[None]
    k = o.shape[1]
    n_c = o.sum(axis=2)  # (g, k) values per category
    total = n_c.sum(axis=1)  # N
    cum = np.cumsum(n_c, axis=1)
    lo = np.minimum(*np.indices((k, k)))
    hi = np.maximum(*np.indices((k, k)))
    # Σ_{g=c..k} n_g = cum[hi] - cum[lo] + n[lo]
    between = cum[:, hi] - cum[:, lo] + n_c[:, lo]
    delta2 = (between - (n_c[:, lo] + n_c[:, hi]) / 2.0) ** 2
    delta2[:, np.arange(k), np.arange(k)] = 0.0
    observed = (o * delta2).sum(axis=(1, 2))
    expected = np.einsum("gc,gck,gk->g", n_c, delta2, n_c)
    ok = (total > 1) & (expected > 0)
    return np.where(ok, 1.0 - (total - 1) * observed / np.where(ok, expected, 1.0), np.nan)


def ordinal_alpha(coincidence: npt.NDArray[Any] | list[list[float]]) -> float | None:
    """Krippendorff's ordinal alpha from one coincidence matrix (None if undefined)."""
    return _num(ordinal_alpha_stack(np.asarray(coincidence, dtype=np.float64))[0])


def sign_test_greater(positive: int, negative: int) -> float | None:
    """One-sided exact sign test p-value, P(X ≥ positive), X ~ Bin(positive + negative, ½).

    Ties are assumed already dropped. None when there is nothing left to test.
    """
    total = positive + negative
    if total <= 0:
        return None
    return _num(min(1.0, float(binomial_upper_tail(np.array([positive]), np.array([total]))[0])))


# scipy.special rather than scipy.stats: the same functions (scipy.stats calls these),
# for a third of the import time, which every report and the dashboard's first open pay.


def load_special_functions() -> None:
    """Import ``scipy.special`` now, on the calling thread (about a fifth of a second of CPU).

    The workbench calls this in the background once a list is on screen, so that the
    drift dashboard's first open does not wait for the import.
    """
    from scipy import special  # noqa: F401


def binomial_upper_tail(k: npt.NDArray[Any], n: npt.NDArray[Any]) -> npt.NDArray[np.float64]:
    """``P(X ≥ k)`` for ``X ~ Binomial(n, ½)``, elementwise (``binom.sf(k − 1, n, ½)``)."""
    from scipy import special

    k = np.rint(np.asarray(k, dtype=np.float64)).astype(np.int64)
    n = np.rint(np.asarray(n, dtype=np.float64)).astype(np.int64)
    tail = special.bdtrc(np.maximum(k - 1, 0), n, 0.5)
    return np.asarray(np.where(k <= 0, 1.0, tail), dtype=np.float64)


def t_quantile(q: float, df: npt.NDArray[Any]) -> npt.NDArray[np.float64]:
    """Student-t quantile ``t.ppf(q, df)``, elementwise in ``df``."""
    from scipy import special

    return np.asarray(special.stdtrit(np.asarray(df, dtype=np.float64), q), dtype=np.float64)


def _num(x: Any) -> float | None:
    value = float(x)
    return value if math.isfinite(value) else None


def _pair(low: Any, high: Any) -> tuple[float, float] | None:
    a, b = _num(low), _num(high)
    if a is None or b is None:
        return None
    return (a, b)
