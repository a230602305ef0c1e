"""The drift statistics of one set of pairs, as a model: no numpy, cheap to import.

Computed in :mod:`moderator.analysis.stats`; defined in ``docs/statistics.md``.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

K = 4
"""Number of grades."""


class DriftStats(BaseModel):
    """The drift statistics for one set of pairs (see docs). ``None`` = undefined."""

    n: int = Field(description="moderated pairs")
    exact_agreement: float | None
    adjacent_agreement: float | None
    downgraded: float | None
    upgraded: float | None
    to_inadequate: int
    mean_drift: float | None
    mean_drift_ci: tuple[float, float] | None
    weighted_kappa: float | None
    alpha_ordinal: float | None
    sign_test_p: float | None
    confusion: list[list[int]]
    not_moderated: int = Field(0, description="pairs without a moderated grade")

    @property
    def downgraded_count(self) -> int:
        """Number of pairs the moderator graded worse than the manager."""
        return int(sum(self.confusion[i][j] for i in range(K) for j in range(K) if j > i))

    @property
    def upgraded_count(self) -> int:
        """Number of pairs the moderator graded better than the manager."""
        return int(sum(self.confusion[i][j] for i in range(K) for j in range(K) if j < i))

    @property
    def exact_count(self) -> int:
        """Number of pairs on which manager and moderator agreed exactly."""
        return int(sum(self.confusion[i][i] for i in range(K)))
