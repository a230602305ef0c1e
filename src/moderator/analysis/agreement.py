"""Agreement among many graders of the same cases (calibration exercises).

Every coefficient here is a function of one table: ``counts[i, k]``, the number
of graders who put unit *i* (a case × criterion) in category *k*. Missing
ratings are simply absent from the counts, so units graded by different
numbers of graders are fine. Definitions are in ``docs/statistics.md``
("Agreement among many graders"); in short, with ``r_i`` the ratings of unit
*i*, the units with two or more ratings (``n₂`` of them) and ``q`` categories:

- percent agreement ``pa = 1/n₂ Σ_i Σ_k r_ik (r_ik − 1) / (r_i (r_i − 1))``
  (Gwet 2014, §2.5; weighted: ``r_ik`` paired with ``Σ_l w_kl r_il``);
- category shares ``π_k = 1/n₁ Σ_i r_ik / r_i`` over the units rated at all;
- Fleiss' kappa (Fleiss 1971, generalised to missing ratings by Gwet):
  ``pe = Σ_k π_k²``, ``κ = (pa − pe) / (1 − pe)``;
- Gwet's AC1 and AC2 (quadratic weights ``1 − (k − l)² / (q − 1)²``):
  ``pe = T_w / (q (q − 1)) · Σ_k π_k (1 − π_k)`` with ``T_w = Σ w``;
- Krippendorff's alpha (nominal, ordinal, interval) from the coincidence
  matrix ``o_ck = Σ_i r_ic (r_ik − [c = k]) / (r_i − 1)``:
  ``α = 1 − (n − 1) Σ o·δ² / Σ n_c n_k δ²`` (Krippendorff 2011).

The categories are always all of them (for grades: all four), observed or not:
AC1/AC2's chance agreement and the quadratic weights depend on ``q``. Note that
Krippendorff's *ordinal* metric (ranks by observed frequency) is not Gwet's
*ordinal* weights; AC2 here uses quadratic weights only.

A coefficient that the data cannot define (no unit with two ratings, a zero
denominator) is ``None``, never a made-up number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Counts = npt.NDArray[np.float64]
"""Units × categories: how many graders gave each unit each category."""


@dataclass(frozen=True)
class MultiRaterAgreement:
    """Agreement of many graders over a set of units (one criterion, or all)."""

    n_units: int
    """Units (case × criterion) with at least one rating."""
    n_raters: int
    """Distinct graders who rated at least one of these units."""
    n_ratings: int
    percent_agreement: float | None
    fleiss_kappa: float | None
    alpha_nominal: float | None
    alpha_ordinal: float | None
    alpha_interval: float | None
    ac1: float | None
    ac2_quadratic: float | None

    def as_dict(self) -> dict[str, int | float | None]:
        """The JSON shape (``docs/formats.md``, agreement JSON)."""
        return {
            "n_units": self.n_units,
            "n_raters": self.n_raters,
            "n_ratings": self.n_ratings,
            "percent_agreement": self.percent_agreement,
            "fleiss_kappa": self.fleiss_kappa,
            "alpha_nominal": self.alpha_nominal,
            "alpha_ordinal": self.alpha_ordinal,
            "alpha_interval": self.alpha_interval,
            "ac1": self.ac1,
            "ac2_quadratic": self.ac2_quadratic,
        }


def _finite(value: float) -> float | None:
    return float(value) if np.isfinite(value) else None


def _ratio(num: float, den: float) -> float | None:
    if den == 0:
        return None
    return _finite(num / den)


def identity_weights(q: int) -> Counts:
    """Weights of exact agreement only."""
    return np.eye(q, dtype=np.float64)


def quadratic_weights(values: Sequence[float]) -> Counts:
    """Gwet's quadratic agreement weights ``1 − (x_k − x_l)² / (max − min)²``."""
    x = np.asarray(values, dtype=np.float64)
    span = float(x.max() - x.min())
    if span == 0:
        return identity_weights(len(x))
    return np.asarray(1.0 - (x[:, None] - x[None, :]) ** 2 / span**2, dtype=np.float64)


def _rated(counts: Counts) -> Counts:
    return np.asarray(counts[counts.sum(axis=1) > 0], dtype=np.float64)


def weighted_percent_agreement(counts: Counts, weights: Counts) -> float | None:
    """Gwet's (weighted) percent agreement over the units with two or more ratings."""
    r = counts.sum(axis=1)
    pairable = r >= 2
    if not pairable.any():
        return None
    c = counts[pairable]
    ri = r[pairable]
    star = c @ weights.T  # r*_ik = Σ_l w_kl r_il
    per_unit = (c * (star - 1.0)).sum(axis=1) / (ri * (ri - 1.0))
    return _finite(float(per_unit.mean()))


def category_shares(counts: Counts) -> Counts:
    """``π_k``: each unit's share of category k, averaged over the rated units."""
    rated = _rated(counts)
    if len(rated) == 0:
        return np.zeros(counts.shape[1])
    return np.asarray((rated / rated.sum(axis=1, keepdims=True)).mean(axis=0), dtype=np.float64)


def fleiss_kappa(counts: Counts) -> float | None:
    """Fleiss' (1971) kappa, with Gwet's treatment of missing ratings."""
    pa = weighted_percent_agreement(counts, identity_weights(counts.shape[1]))
    if pa is None:
        return None
    pi = category_shares(counts)
    pe = float((pi**2).sum())
    return _ratio(pa - pe, 1.0 - pe)


def gwet_ac(counts: Counts, weights: Counts) -> float | None:
    """Gwet's AC1 (identity weights) or AC2 (any other weights)."""
    pa = weighted_percent_agreement(counts, weights)
    if pa is None:
        return None
    q = counts.shape[1]
    if q < 2:
        return None
    pi = category_shares(counts)
    pe = float(weights.sum()) / (q * (q - 1)) * float((pi * (1.0 - pi)).sum())
    return _ratio(pa - pe, 1.0 - pe)


def coincidences(counts: Counts) -> Counts:
    """Krippendorff's coincidence matrix over the pairable units."""
    r = counts.sum(axis=1)
    pairable = r >= 2
    c = counts[pairable]
    scale = 1.0 / (r[pairable] - 1.0)
    o = np.einsum("i,ic,ik->ck", scale, c, c)
    o -= np.diag((c * scale[:, None]).sum(axis=0))
    return np.asarray(o, dtype=np.float64)


def _delta_squared(metric: str, values: Counts, marginals: Counts) -> Counts:
    q = len(values)
    if metric == "nominal":
        return 1.0 - np.eye(q)
    if metric == "interval":
        return np.asarray((values[:, None] - values[None, :]) ** 2, dtype=np.float64)
    if metric == "ordinal":
        cumulative = np.concatenate([[0.0], np.cumsum(marginals)])
        c, k = np.indices((q, q))
        lo, hi = np.minimum(c, k), np.maximum(c, k)
        between = cumulative[hi + 1] - cumulative[lo]
        return np.asarray((between - (marginals[c] + marginals[k]) / 2.0) ** 2, dtype=np.float64)
    raise ValueError(f"unknown metric {metric!r}")


def krippendorff_alpha(counts: Counts, values: Sequence[float], metric: str) -> float | None:
    """Krippendorff's alpha with the ``nominal``, ``ordinal`` or ``interval`` metric."""
    o = coincidences(counts)
    marginals = o.sum(axis=1)
    n = float(marginals.sum())
    if n <= 1:
        return None
    delta = _delta_squared(metric, np.asarray(values, dtype=np.float64), marginals)
    expected = float((np.outer(marginals, marginals) * delta).sum())
    if expected == 0:
        return None
    observed = float((o * delta).sum())
    return _finite(1.0 - (n - 1.0) * observed / expected)


def multi_rater_agreement(
    counts: Counts, values: Sequence[float], *, n_raters: int
) -> MultiRaterAgreement:
    """Every multi-rater coefficient for one table of counts.

    Args:
        counts: units × categories, in the order of ``values``.
        values: the numeric value of each category (grades: 1, 2, 3, 4), all
            of them whether observed or not.
        n_raters: distinct graders behind the counts (reported, not used).
    """
    table = np.asarray(counts, dtype=np.float64)
    q = len(values)
    return MultiRaterAgreement(
        n_units=int((table.sum(axis=1) > 0).sum()),
        n_raters=n_raters,
        n_ratings=int(table.sum()),
        percent_agreement=weighted_percent_agreement(table, identity_weights(q)),
        fleiss_kappa=fleiss_kappa(table),
        alpha_nominal=krippendorff_alpha(table, values, "nominal"),
        alpha_ordinal=krippendorff_alpha(table, values, "ordinal"),
        alpha_interval=krippendorff_alpha(table, values, "interval"),
        ac1=gwet_ac(table, identity_weights(q)),
        ac2_quadratic=gwet_ac(table, quadratic_weights(values)),
    )
