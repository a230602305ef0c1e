"""Moderation in the plan: quarterly samples stratified by manager, hand-picked samples,
and each sampled audit's blind grading and review, with their timestamps.
"""

from __future__ import annotations

import math
import random
from datetime import date, datetime, timedelta

from moderator.domain.rubric import Rubric
from moderator.synth import text
from moderator.synth.authority import Authority
from moderator.synth.calendar import at, first_weekday, stamp
from moderator.synth.latent import CriterionFacts, OverallCache, grade_moderation, settle
from moderator.synth.model import outcome
from moderator.synth.plan import AuditSpec, Chunk, ModerationSpec, SampleSpec


class Moderating:
    """The generator's moderation steps (mixed into :class:`~moderator.synth.generator.Generator`).

    They draw from the generator's one RNG, in the generator's order.
    """

    rng: random.Random
    authority: Authority
    coverage: float
    rubrics: dict[str, Rubric]
    facts: dict[str, list[CriterionFacts]]
    overall: dict[str, OverallCache]
    _turn: int

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
