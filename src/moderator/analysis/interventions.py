"""Did it work? Drift in a window before and after a dated intervention.

An intervention (training, a new audit tool, a practice week) is compared on
the moderated overall grades of audits submitted in the ``window_days`` before
its date and the ``window_days`` from its date on. The difference in mean
drift (after − before; negative = managers became less optimistic) has a
Welch interval, since the two windows hold different audits of unequal
spread. Both windows' figures come from 4×4 tables of counts, like every other
drift statistic (``docs/statistics.md``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

K = 4
_DRIFT = (np.arange(K)[None, :] - np.arange(K)[:, None]).astype(np.float64)
"""Drift of each cell: moderated (column) − manager (row)."""


@dataclass(frozen=True)
class DriftDifference:
    """After − before in mean drift, with a Welch 95% interval (None when undefined)."""

    difference: float | None
    ci: tuple[float, float] | None


def _moments(conf: npt.NDArray[np.int64]) -> tuple[int, float | None, float | None]:
    n = int(conf.sum())
    if n == 0:
        return 0, None, None
    mean = float((conf * _DRIFT).sum()) / n
    if n < 2:
        return n, mean, None
    var = float((conf * (_DRIFT - mean) ** 2).sum()) / (n - 1)
    return n, mean, var


def drift_difference(
    before: npt.NDArray[np.int64], after: npt.NDArray[np.int64], level: float = 0.95
) -> DriftDifference:
    """Mean drift after minus before, from the two windows' 4×4 tables, with a Welch interval."""
    from scipy import stats

    n1, m1, v1 = _moments(np.asarray(before))
    n2, m2, v2 = _moments(np.asarray(after))
    if m1 is None or m2 is None:
        return DriftDifference(None, None)
    diff = m2 - m1
    if v1 is None or v2 is None:
        return DriftDifference(diff, None)
    a, b = v1 / n1, v2 / n2
    se = math.sqrt(a + b)
    if se == 0:
        return DriftDifference(diff, (diff, diff))
    df = (a + b) ** 2 / (a**2 / (n1 - 1) + b**2 / (n2 - 1))
    half = float(stats.t.ppf(0.5 + level / 2, df)) * se
    return DriftDifference(diff, (diff - half, diff + half))
