"""The generator: one seeded RNG turns an authority, rubrics and knobs into a plan.

Month by month it makes cases and audits, schedules each audit's grading and
submission, and once a quarter is complete draws its moderation sample and
moderates it blind and reviews it. Chunks come out lazily, so memory stays
flat however many audits are asked for.
"""

from __future__ import annotations

import math
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
    grade_moderation,
    optimism_at,
    practice_level,
    settle,
)
from moderator.synth.model import outcome
from moderator.synth.plan import (
    AuditSpec,
    CaseSpec,
    Chunk,
    GradeSpec,
    ModerationSpec,
    PersonSpec,
    Plan,
    SampleSpec,
    TeamSpec,
)


class Generator:
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

    def _moderate(
        self,
        pending: dict[str, tuple[AuditSpec, dict[str, float]]],
        cutoff: date | None,
        now: datetime,
        chunk: Chunk,
    ) -> None:
        """Quarterly samples of each complete quarter's submitted audits, stratified by manager.

        Takes the sampled-for quarters' audits out of ``pending``. ``cutoff``
        None means the end of the story: the last complete quarters are
        sampled, and the quarter still running gets an interim sample drawn a
        week before 'now' (its moderations are still in progress).
        """
        by_quarter: dict[tuple[int, int], list[AuditSpec]] = {}
        for audit, _truth in pending.values():
            assert audit.submitted_at is not None
            moment = datetime.fromisoformat(audit.submitted_at)
            by_quarter.setdefault((moment.year, (moment.month - 1) // 3), []).append(audit)
        for (year, quarter), members in sorted(by_quarter.items()):
            end = date(year + (quarter == 3), (quarter * 3 + 3) % 12 + 1, 1)
            if cutoff is not None and end > cutoff:
                continue
            drawn = at(first_weekday(end + timedelta(days=6)), 10)
            key = f"{year}-Q{quarter + 1}"
            if drawn > now:
                drawn = at(first_weekday(now.date() - timedelta(days=21)), 10)
                key += " interim"
                members = [a for a in members if (a.submitted_at or "") < stamp(drawn)]
            self._draw(pending, members, key, drawn, now, chunk, hand_picked=False)

    def _draw(
        self,
        pending: dict[str, tuple[AuditSpec, dict[str, float]]],
        members: list[AuditSpec],
        key: str,
        drawn: datetime,
        now: datetime,
        chunk: Chunk,
        *,
        hand_picked: bool,
        count: int | None = None,
        fast: bool = False,
    ) -> None:
        """Draw a sample from ``members`` (stratified by manager, or ``count`` picked) and moderate it."""
        rng = self.rng
        moderators = self.authority.moderators
        truths = {a.key: pending.pop(a.key)[1] for a in members}
        if not moderators or not members or drawn > now:
            return
        sample = SampleSpec(
            key=key,
            drawn_by=self.authority.leads[-1].name,
            drawn_at=stamp(drawn),
            rate=self.coverage,
            seed=rng.randint(1, 999_999),
            hand_picked=hand_picked,
        )
        if count is not None:
            # Inspectors pick cases that test risk: the worse the practice, the likelier.
            def pick_key(audit: AuditSpec) -> float:
                truth = truths[audit.key]
                return sum(truth.values()) / len(truth) + rng.gauss(0, 0.3)

            ranked = sorted(members, key=pick_key, reverse=True)
            sample.audit_keys = [a.key for a in ranked[:count]]
            for audit in members:
                if audit.key not in sample.audit_keys:
                    pending[audit.key] = (audit, truths[audit.key])
        else:
            per_manager: dict[str, list[AuditSpec]] = {}
            for audit in members:
                per_manager.setdefault(audit.manager, []).append(audit)
            for name in sorted(per_manager):
                group = per_manager[name]
                want = self.coverage * len(group) + rng.uniform(-0.5, 0.5)
                k = max(0, min(len(group), math.floor(want + 0.5)))
                sample.audit_keys.extend(a.key for a in rng.sample(group, k))
        sample.audit_keys.sort()
        if not sample.audit_keys:
            return
        chunk.samples.append(sample)
        chosen = {a.key: a for a in members}
        for key_ in sample.audit_keys:
            moderator = moderators[self._turn % len(moderators)]
            self._turn += 1
            chunk.moderations.append(
                self._moderation(
                    chosen[key_], truths[key_], sample, moderator.name, drawn, now, fast=fast
                )
            )

    def hand_pick(
        self,
        pending: dict[str, tuple[AuditSpec, dict[str, float]]],
        when: datetime,
        count: int,
        label: str,
        now: datetime,
        chunk: Chunk,
    ) -> None:
        """A lead hand-picks ``count`` recently submitted audits (cases inspectors chose)."""
        members = [
            audit
            for audit, _truth in pending.values()
            if audit.submitted_at is not None and audit.submitted_at < stamp(when)
        ]
        self._draw(
            pending, members, label, when, now, chunk, hand_picked=True, count=count, fast=True
        )

    def _moderation(
        self,
        audit: AuditSpec,
        truth: dict[str, float],
        sample: SampleSpec,
        moderator: str,
        drawn: datetime,
        now: datetime,
        *,
        fast: bool = False,
    ) -> ModerationSpec:
        rng = self.rng
        mod = ModerationSpec(
            audit_key=audit.key, sample_key=sample.key, moderator=moderator, status="todo"
        )
        blind = grade_moderation(rng, self.facts[audit.rubric_id], truth)
        review = settle(rng, self.facts[audit.rubric_id], audit.grades, blind)
        n = len(blind)
        # Quarterly samples take weeks; a hand-picked one is done within the visit.
        days, review_days = ((0, 1), (1, 2)) if fast else ((8, 35), (3, 14))
        submit_at = drawn + timedelta(
            days=rng.randint(*days), hours=rng.randint(1, 6), minutes=rng.randint(0, 59)
        )
        graded_from = submit_at - timedelta(minutes=3 * n + rng.randint(5, 30))
        reviewed_at = submit_at + timedelta(days=rng.randint(*review_days), hours=rng.randint(0, 5))
        if submit_at > now:
            # Not finished by 'now': about half are part-graded, started in the last few days.
            if rng.random() < 0.5:
                started = max(drawn + timedelta(hours=1), now - timedelta(hours=rng.randint(2, 72)))
                mod.status = "draft"
                mod.graded_from = stamp(started)
                mod.grades = dict(list(blind.items())[: rng.randint(1, max(1, n - 1))])
            return mod
        cache = self.overall[audit.rubric_id]
        mod.grades = blind
        mod.graded_from = stamp(graded_from)
        mod.submitted_at = stamp(submit_at)
        mod.overall = cache.derive({cid: g.grade for cid, g in blind.items()})[0]
        mod.status = "submitted"
        if reviewed_at > now:
            return mod
        agreed = {cid: r.grade for cid, r in review.items()}
        moderated, limited = cache.derive(agreed)
        assert audit.overall is not None
        mod.review = review
        mod.reviewed_at = stamp(reviewed_at)
        mod.reviewed_by = moderator
        mod.moderated_overall = moderated
        mod.outcome = outcome(audit.overall, moderated)
        lower = sum(agreed[cid] > g.grade for cid, g in audit.grades.items())
        titles = [self.rubrics[audit.rubric_id].criterion(c).title for c in limited]
        mod.overall_rationale = text.overall_rationale(
            moderated, audit.overall, lower, len(agreed), titles
        )
        mod.status = "reviewed"
        return mod


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
