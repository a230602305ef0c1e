"""The authority a plan is built around: teams, leads, managers and external moderators."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from moderator.synth import names
from moderator.synth.config import SynthConfig, parse_optimism
from moderator.synth.plan import PersonSpec, TeamSpec

TEAM_NAMES = (
    ("Safeguarding North", (("help_and_protection", 1.0),)),
    ("Safeguarding South", (("help_and_protection", 1.0),)),
    ("Children in Care", (("children_in_care", 0.7), ("care_leavers", 0.3))),
    ("Safeguarding East", (("help_and_protection", 1.0),)),
    ("Leaving Care", (("care_leavers", 1.0),)),
    ("Safeguarding West", (("help_and_protection", 1.0),)),
    ("Fostering and Permanence", (("children_in_care", 1.0),)),
    ("Child in Need Central", (("help_and_protection", 1.0),)),
)


def generic_teams(count: int, rng: random.Random) -> list[TeamSpec]:
    """``count`` teams covering the three service areas."""
    teams = []
    for i in range(count):
        base_name, areas = TEAM_NAMES[i % len(TEAM_NAMES)]
        name = base_name if i < len(TEAM_NAMES) else f"{base_name} {i // len(TEAM_NAMES) + 1}"
        teams.append(TeamSpec(name, areas, effect=round(rng.uniform(-0.2, 0.2), 2)))
    return teams


@dataclass
class Authority:
    """The people and teams a plan is built around."""

    name: str
    moderating_authority: str
    teams: list[TeamSpec]
    leads: list[PersonSpec]
    managers: list[PersonSpec]
    moderators: list[PersonSpec]

    @property
    def people(self) -> list[PersonSpec]:
        return [*self.leads, *self.managers, *self.moderators]


def generic_authority(config: SynthConfig, rng: random.Random) -> Authority:
    """A synthetic authority of the configured size."""
    n_managers = config.resolved_managers()
    teams = generic_teams(config.resolved_teams(), rng)
    n_moderators = config.moderators or max(2, min(50, math.ceil(n_managers / 4)))
    staff = names.staff_names(rng, 2 + n_managers + n_moderators)
    optimism = parse_optimism(config.optimism, n_managers, rng)
    leads = [
        PersonSpec(staff[0], "lead", authority=names.AUTHORITY),
        PersonSpec(staff[1], "lead", authority=names.AUTHORITY),
    ]
    managers = [
        PersonSpec(
            staff[2 + i],
            "manager",
            team=teams[i % len(teams)].name,
            authority=names.AUTHORITY,
            optimism=optimism[i],
            compliance=0.97 if i % 7 else 0.85,
        )
        for i in range(n_managers)
    ]
    moderators = [
        PersonSpec(staff[2 + n_managers + i], "moderator", authority=names.MODERATING_AUTHORITY)
        for i in range(n_moderators)
    ]
    return Authority(
        names.AUTHORITY, names.MODERATING_AUTHORITY, teams, leads, managers, moderators
    )


# -- the generator ---------------------------------------------------------------------------------------
