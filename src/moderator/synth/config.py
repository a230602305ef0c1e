"""The realism knobs of ``moderator synth``, checked before anything is generated."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date

from moderator.errors import BadInput
from moderator.synth.calendar import add_months

DEFAULT_PRONE = (
    "risk",
    "safe",
    "protect",
    "harm",
    "threshold",
    "strateg",
    "plan",
    "contingen",
    "permanen",
)
"""Words in criterion ids marking where optimism concentrates (risk and planning criteria)."""


@dataclass(frozen=True)
class SynthConfig:
    """The realism knobs."""

    audits: int
    seed: int = 0
    managers: int | None = None
    teams: int | None = None
    moderators: int | None = None
    coverage: float = 0.5
    optimism: str = "2020"
    training_date: date | None = None
    criteria: tuple[str, ...] = DEFAULT_PRONE
    start: date = date(2019, 4, 1)
    months: int = 24
    rubrics: tuple[str, ...] | None = None

    def resolved_managers(self) -> int:
        """Managers: as given, else about one per 50 audits (at least 9)."""
        if self.managers is not None:
            return self.managers
        return max(9, min(5000, round(self.audits / 50)))

    def resolved_teams(self) -> int:
        """Teams: as given, else one per three managers (at least 3)."""
        if self.teams is not None:
            return self.teams
        return max(3, math.ceil(self.resolved_managers() / 3))

    def resolved_training(self) -> date:
        """The training date: as given, else eleven months in (March 2020 by default)."""
        if self.training_date is not None:
            return self.training_date
        return add_months(self.start, 11)

    def validate(self) -> None:
        """Refuse impossible knobs with one clear message each."""
        problems = []
        if self.audits < 1:
            problems.append("--audits: must be at least 1")
        if self.managers is not None and self.managers < 1:
            problems.append("--managers: must be at least 1")
        if self.teams is not None and self.teams < 1:
            problems.append("--teams: must be at least 1")
        if self.teams is not None and self.teams > self.resolved_managers():
            problems.append("--teams: cannot exceed the number of managers")
        if not 0 <= self.coverage <= 1:
            problems.append("--coverage: must be between 0 and 1")
        if self.months < 1:
            problems.append("--months: must be at least 1")
        try:
            parse_optimism(self.optimism, 1)
        except BadInput as exc:
            problems.append(str(exc))
        if problems:
            raise BadInput("synth: bad settings", details=problems)


def parse_optimism(spec: str, managers: int, rng: random.Random | None = None) -> list[float]:
    """Each manager's optimism (grade steps on risk and planning criteria, before training).

    ``spec`` is ``2020`` (about a third clearly optimistic at 1.4-1.7, a sixth
    accurate at 0, the rest between 0.9 and 1.2: the pattern of the 2020
    letter), ``none`` (everyone accurate), one number (everyone the same), or
    a comma-separated list of numbers given to the managers in turn.
    """
    spec = spec.strip().lower()
    if spec == "none":
        return [0.0] * managers
    if spec == "2020":
        rng = rng or random.Random(0)
        out = []
        for i in range(managers):
            kind = i % 6
            if kind in (0, 3):
                out.append(round(rng.uniform(1.4, 1.7), 2))
            elif kind == 5:
                out.append(0.0)
            else:
                out.append(round(rng.uniform(0.9, 1.2), 2))
        return out
    try:
        values = [float(part) for part in spec.split(",") if part.strip()]
    except ValueError:
        raise BadInput(
            f"--optimism: {spec!r} is not 2020, none, a number, or a comma-separated list of numbers"
        ) from None
    if not values:
        raise BadInput("--optimism: empty")
    if any(not -3 <= v <= 3 for v in values):
        raise BadInput("--optimism: values must be between -3 and 3 grade steps")
    return [values[i % len(values)] for i in range(managers)]
