"""The generator: one seeded RNG turns an authority, rubrics and knobs into a plan.

Month by month it makes cases and audits, schedules each audit's grading and
submission, and once a quarter is complete draws its moderation sample and
moderates it blind and reviews it. Chunks come out lazily, so memory stays
flat however many audits are asked for.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, timedelta

from moderator.domain.grades import Grade
from moderator.domain.rubric import Rubric
from moderator.errors import BadInput
from moderator.synth import text
from moderator.synth.authority import Authority, generic_authority
from moderator.synth.calendar import (
    add_months,
    at,
    first_weekday,
    months_from,
    setup_time,
    spread,
    stamp,
)
from moderator.synth.cases import CaseMaker
from moderator.synth.config import DEFAULT_PRONE, SynthConfig
from moderator.synth.latent import (
    OverallCache,
    criterion_facts,
    grade_audit,
    optimism_at,
    practice_level,
)
from moderator.synth.moderating import Moderating
from moderator.synth.plan import (
    AuditSpec,
    CaseSpec,
    Chunk,
    GradeSpec,
    PersonSpec,
    Plan,
    TeamSpec,
)


class Generator(Moderating):
    """Builds a :class:`Plan` from an authority, rubrics and knobs, with one seeded RNG."""

    def __init__(
        self,
        authority: Authority,
        rubrics: dict[str, Rubric],
        *,
        seed: int,
        coverage: float,
        training_date: date | None,
        prone: Sequence[str] = DEFAULT_PRONE,
        raw_cases: bool = False,
        rubric_ids: Sequence[str] | None = None,
        thematic_every: int = 6,
        hand_picked: Sequence[tuple[datetime, int, str]] = (),
    ) -> None:
        if not rubrics:
            raise BadInput("no rubrics are installed to grade against")
        self.authority = authority
        self.rng = random.Random(seed)
        self.seed = seed
        self.coverage = coverage
        self.training_date = training_date
        chosen = dict(rubrics)
        if rubric_ids:
            unknown = [r for r in rubric_ids if r not in rubrics]
            if unknown:
                raise BadInput(
                    f"--rubric: no rubric {', '.join(unknown)} (known: {', '.join(sorted(rubrics))})"
                )
            chosen = {r: rubrics[r] for r in rubric_ids}
        self.rubrics = chosen
        self.facts = {rid: criterion_facts(r, prone) for rid, r in chosen.items()}
        self.overall = {rid: OverallCache(r) for rid, r in chosen.items()}
        self.by_area: dict[str, str] = {}
        for rid in sorted(chosen):
            area = chosen[rid].service_area
            if area and area not in self.by_area:
                self.by_area[area] = rid
        self.thematic = next((rid for rid in sorted(chosen) if not chosen[rid].service_area), None)
        self.fallback = sorted(chosen)[0]
        self.teams = {t.name: t for t in authority.teams}
        self.cases = CaseMaker(self.rng, seed, raw_cases=raw_cases)
        self._turn = 0
        self.thematic_every = thematic_every
        """Every n-th month (from the fourth) is a thematic audit of management oversight."""
        self.hand_picked = sorted(hand_picked)
        """Extra samples: (when, how many, label), picked from recent audits not yet sampled."""

    # -- helpers ---------------------------------------------------------------------------------
    def rubric_for(self, service_area: str, thematic: bool) -> str:
        """The rubric an audit uses: the thematic one in thematic months, else the area's."""
        if thematic and self.thematic:
            return self.thematic
        return self.by_area.get(service_area, self.fallback)

    def new_case(self, team: TeamSpec, opened_before: date) -> tuple[CaseSpec, dict[str, float]]:
        """A case of ``team`` audited from ``opened_before``, with its latent theme qualities."""
        return self.cases.new_case(
            team, opened_before, practice_level(opened_before, self.training_date)
        )

    # -- the whole plan ---------------------------------------------------------------------------------------
    def chunks(
        self,
        *,
        months: list[date],
        per_slot: Callable[[int, PersonSpec], int],
        now: datetime,
    ) -> Iterator[Chunk]:
        """Cases and audits month by month; each quarter's moderation sample once it is complete.

        Chunks come in an order a writer can follow: an audit always arrives
        before its moderation. Memory stays bounded by a few months of audits.
        """
        authority = self.authority
        lead = authority.leads[0]
        pending: dict[str, tuple[AuditSpec, dict[str, float]]] = {}
        number = 0
        for index, month in enumerate(months):
            assigned_day = first_weekday(month)
            due = assigned_day + timedelta(days=21)
            thematic = (
                self.thematic is not None
                and self.thematic_every > 0
                and index % self.thematic_every == 3 % self.thematic_every
            )
            label = assigned_day.strftime("%B %Y")
            programme = (
                f"{label} thematic audit (management oversight)" if thematic else f"{label} audits"
            )
            last = index == len(months) - 1
            chunk = Chunk()
            sequence = 0
            for manager in authority.managers:
                for _ in range(per_slot(index, manager)):
                    sequence += 1
                    number += 1
                    team = self.teams[manager.team or authority.teams[0].name]
                    case, latent = self.new_case(team, assigned_day)
                    chunk.cases.append(case)
                    rubric_id = self.rubric_for(case.service_area, thematic)
                    assigned = at(assigned_day, 9) + timedelta(seconds=sequence)
                    audit = AuditSpec(
                        key=f"A{number:06d}",
                        case_key=case.key,
                        rubric_id=rubric_id,
                        manager=manager.name,
                        assigned_by=lead.name,
                        assigned_at=stamp(assigned),
                        due=due.isoformat(),
                        programme=programme,
                        status="todo",
                    )
                    optimism = optimism_at(manager, assigned_day, self.training_date)
                    truth, grades = grade_audit(self.rng, self.facts[rubric_id], latent, optimism)
                    self._schedule_audit(audit, grades, manager, assigned, due, last, now)
                    chunk.audits.append(audit)
                    if audit.status == "submitted":
                        pending[audit.key] = (audit, truth)
            # A quarter is complete once the month after it has been generated: no audit
            # assigned later can be submitted inside it.
            month_end = add_months(date(month.year, month.month, 1), 1)
            for when, count, label in self.hand_picked:
                if month.replace(day=1) <= when.date() < month_end:
                    self.hand_pick(pending, when, count, label, now, chunk)
            cutoff = None if last else date(month.year, month.month, 1)
            self._moderate(pending, cutoff, now, chunk)
            yield chunk

    def _schedule_audit(
        self,
        audit: AuditSpec,
        grades: dict[str, GradeSpec],
        manager: PersonSpec,
        assigned: datetime,
        due: date,
        last_month: bool,
        now: datetime,
    ) -> None:
        rng = self.rng
        # When would the manager submit? Mostly before the due date; some late.
        if rng.random() < 0.12:
            submit_day = due + timedelta(days=rng.randint(1, 20))
        else:
            submit_day = assigned.date() + timedelta(days=rng.randint(2, 20))
        submit_at = at(submit_day, rng.randint(9, 16), rng.randint(0, 59), rng.randint(0, 59))
        n = len(grades)
        graded_from = submit_at - timedelta(minutes=3 * n + rng.randint(5, 40))
        completes = rng.random() < manager.compliance
        if last_month or not completes or submit_at > now:
            # Still open: nothing, or part of the criteria, graded.
            started = (not last_month and rng.random() < 0.6) or rng.random() < 0.45
            if started and graded_from < now:
                keep = rng.randint(1, max(1, n - 1))
                audit.status = "draft"
                audit.graded_from = stamp(graded_from)
                audit.grades = dict(list(grades.items())[:keep])
            return
        audit.status = "submitted"
        audit.graded_from = stamp(graded_from)
        audit.grades = grades
        derived, limited = self.overall[audit.rubric_id].derive(
            {cid: g.grade for cid, g in grades.items()}
        )
        audit.overall = derived
        # Optimistic managers sometimes talk an Inadequate case up with an override.
        chance = 0.35 if manager.optimism >= 1.0 else 0.03
        if derived in (Grade.INADEQUATE, Grade.REQUIRES_IMPROVEMENT) and rng.random() < (
            chance if limited else chance / 4
        ):
            audit.override = Grade(int(derived) - 1)
            audit.override_reason = text.override_reason(rng)
            audit.override_at = stamp(submit_at - timedelta(minutes=2))
            audit.overall = audit.override
        audit.submitted_at = stamp(submit_at)


def synthesise_plan(config: SynthConfig, rubrics: dict[str, Rubric]) -> Plan:
    """The plan for ``moderator synth``: anonymised cases only (no identities, even invented).

    The chunks are generated lazily, a month at a time, so memory stays flat
    however many audits are asked for.
    """
    config.validate()
    rng = random.Random(config.seed)
    authority = generic_authority(config, rng)
    months = months_from(config.start, config.months)
    managers = authority.managers
    counts = list(spread(config.audits, len(months) * len(managers)))
    slot_of = {m.name: i for i, m in enumerate(managers)}

    def per_slot(month_index: int, manager: PersonSpec) -> int:
        return counts[month_index * len(managers) + slot_of[manager.name]]

    generator = Generator(
        authority,
        rubrics,
        seed=config.seed,
        coverage=config.coverage,
        training_date=config.resolved_training(),
        prone=config.criteria,
        rubric_ids=config.rubrics,
    )
    now = at(months[-1] + timedelta(days=14), 17)
    return Plan(
        authority=authority.name,
        moderating_authority=authority.moderating_authority,
        people=authority.people,
        teams=authority.teams,
        training_date=generator.training_date,
        now=stamp(now),
        chunks=generator.chunks(months=months, per_slot=per_slot, now=now),
        audits_total=config.audits,
        started=setup_time(months[0]),
    )
