"""Writing a grading screen's changes in order, off the UI thread, never losing one.

Each write carries *all* pending changes, so when a newer write supersedes
(cancels) an older one nothing is dropped, and a stale write that finishes
late is skipped by :class:`BatchWriter`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from moderator.domain.grades import Grade

if TYPE_CHECKING:
    from moderator.services.audits import CriterionEntry
    from moderator.services.grading import GradingSheet, GradingTarget


@dataclass
class Batch:
    """Every change not yet confirmed saved, numbered so a late, stale write is skipped."""

    seq: int
    entries: dict[str, CriterionEntry] = field(default_factory=dict)
    override: tuple[Grade | None, str | None] | None = None
    submit: bool = False


class BatchWriter:
    """Writes batches to a target in order (runs on worker threads; touches no widget)."""

    def __init__(self, target: GradingTarget) -> None:
        self.target = target
        self._lock = threading.Lock()
        self._written = 0

    def write(self, batch: Batch) -> GradingSheet | None:
        """Write ``batch`` unless a newer one was written already; submit if asked."""
        with self._lock:
            if batch.seq <= self._written:
                return None
            for criterion, entry in batch.entries.items():
                self.target.save(criterion, grade=entry.grade, note=entry.note)
            if batch.override is not None:
                self.target.set_override(*batch.override)
            self._written = batch.seq
            if batch.submit:
                return self.target.submit()
            return None
