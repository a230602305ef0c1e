"""Generate ``sample_audits/``: the synthetic authority behind ``moderator demo``.

    python -m moderator.synth.sample --out sample_audits [--seed 2092]

The story mirrors Ofsted's 2020 monitoring visit to Stoke-on-Trent: team
managers' audits are "overly optimistic", moderators from another authority
downgrade "the vast majority" (many to inadequate), "only half of all audits
are subject to external moderation", and a "back-to-basics" training
programme begins in March 2020, after which the drift shrinks.

Three teams, nine managers (three clearly optimistic, two accurate, four in
between), two leads, three moderators from another (fictional) authority,
about 150 cases from August 2019 to December 2020. Every name, address and
number is invented (see :mod:`moderator.synth.names`).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from moderator.domain.rubric import Rubric
from moderator.synth import names
from moderator.synth.authority import Authority
from moderator.synth.calendar import at, months_from, setup_time, stamp
from moderator.synth.generator import Generator
from moderator.synth.plan import PersonSpec, Plan, TeamSpec

SEED = 2092
"""Chosen (see README) so this one small realisation tells the 2020 story crisply."""
TRAINING = date(2020, 3, 2)
"""The back-to-basics programme starts (the letter: 'has now begun')."""
VISIT = (2020, 2, 24)
"""The lead hand-picks audits for the monitoring visit of 27 February 2020."""
FIRST_MONTH = date(2019, 8, 1)
MONTHS = 17
NOW = date(2020, 12, 14)
WAITING = 5
"""Cases December's import brought beyond the programme: no audit yet, so the lead can assign."""

TEAMS = [
    TeamSpec("Safeguarding North", (("help_and_protection", 1.0),), effect=0.15),
    TeamSpec("Safeguarding South", (("help_and_protection", 1.0),), effect=0.0),
    TeamSpec("Children in Care", (("children_in_care", 0.65), ("care_leavers", 0.35)), effect=-0.1),
]

# (name, team, optimism before training, compliance, note for users.yaml)
MANAGERS = [
    ("Gillian Hargreaves", "Safeguarding North", 2.0, 0.97, "clearly optimistic"),
    ("Colin Ashworth", "Safeguarding North", 1.8, 0.8, "clearly optimistic; misses audits"),
    ("Naomi Okonkwo", "Safeguarding North", 0.8, 0.97, "somewhat optimistic"),
    ("Rupert Pemberton", "Safeguarding South", 0.9, 0.97, "somewhat optimistic"),
    ("Sunita Sandhu", "Safeguarding South", 0.0, 0.97, "accurate: grades like the moderators"),
    ("Desmond Yardley", "Safeguarding South", 0.8, 0.97, "somewhat optimistic"),
    ("Fiona Blackwood", "Children in Care", 1.9, 0.97, "clearly optimistic"),
    ("Imogen Venables", "Children in Care", 0.0, 0.97, "accurate: grades like the moderators"),
    ("Howard Lockwood", "Children in Care", 0.7, 0.97, "somewhat optimistic"),
]
LEADS = [
    ("Valerie Sutcliffe", "Head of Service: assigns the monthly audits"),
    ("Kenneth Obi", "QA lead: draws the moderation samples"),
]
MODERATORS = ["Miriam Cartwright", "Philip Mensah", "Eleanor Rowbotham"]


def sample_authority() -> tuple[Authority, dict[str, str]]:
    """The demo's authority, and a note on each person for ``users.yaml``."""
    notes: dict[str, str] = {}
    leads = []
    for name, note in LEADS:
        leads.append(PersonSpec(name, "lead", authority=names.AUTHORITY))
        notes[name] = note
    managers = []
    for name, team, optimism, compliance, note in MANAGERS:
        managers.append(
            PersonSpec(
                name,
                "manager",
                team=team,
                authority=names.AUTHORITY,
                optimism=optimism,
                compliance=compliance,
            )
        )
        notes[name] = f"{note} (optimism {optimism} grade steps before training)"
    moderators = [
        PersonSpec(name, "moderator", authority=names.MODERATING_AUTHORITY) for name in MODERATORS
    ]
    for name in MODERATORS:
        notes[name] = "external moderator from another authority"
    authority = Authority(
        names.AUTHORITY, names.MODERATING_AUTHORITY, TEAMS, leads, managers, moderators
    )
    return authority, notes


def sample_plan(rubrics: dict[str, Rubric], seed: int = SEED) -> tuple[Plan, dict[str, str]]:
    """The demo's plan with raw (synthetic) case records, and the users' notes."""
    authority, notes = sample_authority()
    visit = at(date(*VISIT), 11)
    generator = Generator(
        authority,
        rubrics,
        seed=seed,
        coverage=0.5,
        training_date=TRAINING,
        raw_cases=True,
        thematic_every=MONTHS + 1,  # one thematic month: November 2019
        hand_picked=[(visit, 8, "2020-02 monitoring visit")],
    )
    now = at(NOW, 17)
    months = months_from(FIRST_MONTH, MONTHS)
    plan = Plan(
        authority=authority.name,
        moderating_authority=authority.moderating_authority,
        people=authority.people,
        teams=authority.teams,
        training_date=TRAINING,
        now=stamp(now),
        chunks=generator.chunks(months=months, per_slot=lambda _i, _m: 1, now=now),
        started=setup_time(months[0]),
    )
    chunk = plan.merged()
    # Made last, from the same generator, so every case and audit above is unchanged.
    last_month = months[-1]
    for i in range(WAITING):
        case, _latent = generator.new_case(authority.teams[i % len(authority.teams)], last_month)
        chunk.cases.append(case)
    return plan, notes


def main(argv: list[str] | None = None) -> int:
    """Write the sample files (and README figures) to ``--out``."""
    from moderator.services.rubrics import shipped_rubrics
    from moderator.synth.files import write_plan

    parser = argparse.ArgumentParser(prog="python -m moderator.synth.sample", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("sample_audits"))
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    plan, notes = sample_plan(shipped_rubrics(), args.seed)
    write_plan(plan, args.out, notes=notes)
    chunk = plan.merged()
    reviewed = [m for m in chunk.moderations if m.status == "reviewed"]
    down = sum(m.outcome == "downgraded" for m in reviewed)
    inadequate = sum(
        m.outcome == "downgraded" and m.moderated_overall is not None and m.moderated_overall == 4
        for m in reviewed
    )
    print(
        f"wrote {args.out}: {len(chunk.cases)} cases, {len(chunk.audits)} audits,"
        f" {len(chunk.moderations)} moderations ({len(reviewed)} reviewed: {down} downgraded,"
        f" {inadequate} to inadequate); {len(chunk.cases) - len(chunk.audits)} cases wait for"
        " an audit"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())


def raw_case_records(count: int, seed: int = SEED) -> list[dict[str, object]]:
    """``count`` case records in the import format with invented identities (for benchmarks)."""
    from moderator.services.rubrics import shipped_rubrics

    authority, _notes = sample_authority()
    generator = Generator(
        authority, shipped_rubrics(), seed=seed, coverage=0, training_date=TRAINING, raw_cases=True
    )
    out = []
    for i in range(count):
        team = authority.teams[i % len(authority.teams)]
        case, _latent = generator.new_case(team, date(2020, 1, 6))
        assert case.raw is not None
        out.append(case.raw)
    return out
