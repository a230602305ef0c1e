"""Light-weight inputs to a report: filters and audit assignments.

Kept free of numpy so that services and the CLI can build them without paying
for the numerical imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

PERIODS = ("month", "quarter")


@dataclass(frozen=True)
class ReportFilters:
    """Which audits a report covers. Every field is optional; None means no restriction.

    Attributes:
        since: first ``audited_on`` date included.
        until: last ``audited_on`` date included.
        team: only audits of this team (exact, case-insensitive).
        rubric: only audits against this rubric id (exact, case-insensitive).
    """

    since: date | None = None
    until: date | None = None
    team: str | None = None
    rubric: str | None = None

    def describe(self) -> str:
        """A short phrase for report titles, e.g. ``team Safeguarding North, since 2020-01-01``."""
        parts = []
        if self.team:
            parts.append(f"team {self.team}")
        if self.rubric:
            parts.append(f"rubric {self.rubric}")
        if self.since:
            parts.append(f"since {self.since.isoformat()}")
        if self.until:
            parts.append(f"until {self.until.isoformat()}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Assignment:
    """An audit a manager was asked to complete, for the compliance figures.

    Attributes:
        manager: who was assigned the audit.
        team: the manager's team.
        due: the date the audit was due.
        submitted_on: when it was submitted, or None if it has not been.
        count: how many assignments this one stands for (the database groups
            assignments that share a manager, team, due date and outcome).
    """

    manager: str
    team: str
    due: date
    submitted_on: date | None = None
    count: int = 1
