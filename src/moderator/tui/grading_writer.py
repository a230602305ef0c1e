"""Writing a grading screen's changes in order, off the UI thread, never losing one.

Each write carries *all* pending changes, so when a newer write supersedes
(cancels) an older one nothing is dropped, and a stale write that finishes
late is skipped by :class:`BatchWriter`.

A change is written only while the sheet is as this window last read it (its
version, :attr:`~moderator.services.grading.GradingSheet.version`): when another
window (or the command line) changed it meanwhile, nothing is written and the
writer reads what is saved instead, for the screen to show (:attr:`Outcome.changed`).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from moderator.domain.grades import Grade
from moderator.errors import SheetChanged

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
    submit_version: int | None = None
    """The version the user confirmed submitting (as the dialog showed it)."""
    reread: bool = False
    """Read the sheet back after writing (for the submit dialog: what is saved now)."""
    generation: int = 0
    """How many times the screen had been told the sheet changed elsewhere when it made
    this batch: a batch made before the screen showed the latest change is not written."""


@dataclass
class Outcome:
    """What a write did."""

    sheet: GradingSheet | None = None
    """The sheet read back: after submitting, when asked, or when it had changed."""
    changed: bool = False
    """The sheet had changed elsewhere: nothing of the batch was written; ``sheet`` is it now."""
    generation: int = 0
    """The writer's count of changes seen elsewhere (for the next batches)."""


class BatchWriter:
    """Writes batches to a target in order (runs on worker threads; touches no widget)."""

    def __init__(self, target: GradingTarget, version: int) -> None:
        self.target = target
        self.version = version
        """The version this window last read or wrote."""
        self.generation = 0
        """How many times a write found the sheet changed elsewhere."""
        self._lock = threading.Lock()
        self._written = 0

    def write(self, batch: Batch) -> Outcome:
        """Write ``batch`` unless a newer one was written already; submit if asked."""
        with self._lock:
            if batch.seq <= self._written:
                return Outcome(generation=self.generation)
            if batch.generation != self.generation:
                # decided on the screen before it showed what changed elsewhere: dropped
                self._written = batch.seq
                return self._reread()
            try:
                return self._write(batch)
            except SheetChanged:
                self._written = batch.seq  # dropped: the user decides again on what is saved
                self.generation += 1
                return self._reread()

    def check(self) -> Outcome | None:
        """The sheet read again if it changed elsewhere since this window last read or wrote
        it (None if not): one indexed query when nothing changed."""
        with self._lock:
            if self.target.version() == self.version:
                return None
            self.generation += 1
            return self._reread()

    def _reread(self) -> Outcome:
        sheet = self.target.load()
        self.version = sheet.version
        return Outcome(sheet, changed=True, generation=self.generation)

    def _write(self, batch: Batch) -> Outcome:
        target = self.target
        if batch.entries or batch.override is not None:
            # one transaction: another window cannot land between two of the batch's changes
            self.version = target.save_all(
                batch.entries.values(), batch.override, expected=self.version
            )
        self._written = batch.seq
        if batch.submit:
            sheet = target.submit(
                expected=self.version if batch.submit_version is None else batch.submit_version
            )
            self.version = sheet.version
            return Outcome(sheet, generation=self.generation)
        if batch.reread:
            sheet = target.load()
            if sheet.version != self.version:
                self.generation += 1
                changed = True
            else:
                changed = False
            self.version = sheet.version
            return Outcome(sheet, changed=changed, generation=self.generation)
        return Outcome(generation=self.generation)
