"""How grades arise: latent case quality, managers' optimism, blind moderation, review.

All in grade steps (1 = Outstanding ... 4 = Inadequate). Each case has a
latent quality per practice theme; a criterion's *true* grade is its theme's
latent plus a little noise; the moderator grades the truth with small noise;
the manager grades the truth minus their optimism times the criterion's
proneness, and an optimistic manager is reluctant to write Inadequate at all;
after the training date optimism decays towards a floor. At review most
disagreements settle at the moderator's grade.

Every function draws from the caller's seeded generator in a fixed order: the
order is part of what makes a seed reproduce the same dataset.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from moderator.domain.grades import Grade
from moderator.domain.rubric import Rubric, derive_overall_grade
from moderator.synth import text
from moderator.synth.plan import GradeSpec, PersonSpec, ReviewSpec

PRONE_WEIGHT = 1.0
OTHER_WEIGHT = 0.45
TRAINING_FLOOR = 0.25
"""Share of a manager's optimism left long after the training."""
TRAINING_HALF_LIFE_DAYS = 75.0

THEME_OFFSET = {
    "risk": 0.4,
    "plan": 0.5,
    "assessment": 0.2,
    "voice": -0.5,
    "oversight": 0.35,
    "partners": 0.0,
    "permanence": 0.0,
    "health": -0.2,
    "education": 0.1,
    "pathway": 0.15,
    "family": -0.1,
    "general": 0.0,
}


_BY_RANK: tuple[Grade, ...] = (Grade.OUTSTANDING, *Grade)  # index 0 is never used


def clip(value: float) -> Grade:
    """Round a latent grade to the nearest of the four (half rounds towards the worse)."""
    rank = math.floor(value + 0.5)
    return _BY_RANK[1 if rank < 1 else (4 if rank > 4 else rank)]


@dataclass(frozen=True)
class CriterionFacts:
    """What the generator needs to know about a criterion."""

    id: str
    theme: str
    weight: float


def criterion_facts(rubric: Rubric, prone_keywords: Sequence[str]) -> list[CriterionFacts]:
    """Theme and optimism weight of each criterion: 1 when its id contains a prone keyword."""
    out = []
    keys = [k.lower() for k in prone_keywords if k.strip()]
    for domain in rubric.domains:
        for crit in domain.criteria:
            prone = any(k in crit.id.lower() for k in keys)
            out.append(
                CriterionFacts(
                    id=crit.id,
                    theme=text.theme_of(crit.id, crit.title, crit.question, domain.title),
                    weight=PRONE_WEIGHT if prone else OTHER_WEIGHT,
                )
            )
    return out


class OverallCache:
    """``derive_overall_grade`` memoised by grade tuple (the rule is pure)."""

    def __init__(self, rubric: Rubric) -> None:
        self.rubric = rubric
        self.ids = [c.id for c in rubric.criteria]
        self._memo: dict[tuple[int, ...], tuple[Grade, tuple[str, ...]]] = {}

    def derive(self, grades: dict[str, Grade]) -> tuple[Grade, tuple[str, ...]]:
        key = tuple(int(grades.get(cid, 0)) for cid in self.ids)
        found = self._memo.get(key)
        if found is None:
            result = derive_overall_grade(self.rubric, grades)
            assert result is not None
            found = (result.grade, result.limited_by)
            self._memo[key] = found
        return found


def optimism_at(person: PersonSpec, moment: date, training_date: date | None) -> float:
    """A manager's optimism on ``moment``: full before training, decaying after."""
    if training_date is None or moment < training_date:
        return person.optimism
    days = (moment - training_date).days
    decay: float = 0.5 ** (days / TRAINING_HALF_LIFE_DAYS)
    return person.optimism * (TRAINING_FLOOR + (1 - TRAINING_FLOOR) * decay)


def practice_level(moment: date, training_date: date | None) -> float:
    """The authority's latent practice (higher = worse), improving slowly after training."""
    if training_date is None or moment < training_date:
        return 3.3
    days = (moment - training_date).days
    return 3.3 - 0.5 * min(1.0, days / 270)


def grade_audit(
    rng: random.Random,
    facts: Sequence[CriterionFacts],
    latent: dict[str, float],
    optimism: float,
) -> tuple[dict[str, float], dict[str, GradeSpec]]:
    """Each criterion's true latent and the manager's grade and note."""
    truth: dict[str, float] = {}
    grades: dict[str, GradeSpec] = {}
    for fact in facts:
        true_latent = latent[fact.theme] + rng.gauss(0, 0.2)
        truth[fact.id] = true_latent
        grade = clip(true_latent - optimism * fact.weight + rng.gauss(0, 0.35))
        # Optimism bites hardest at the bottom: calling a colleague's work inadequate.
        if grade is Grade.INADEQUATE and rng.random() < min(0.9, 0.7 * optimism):
            grade = Grade.REQUIRES_IMPROVEMENT
        process = grade < clip(true_latent) and rng.random() < 0.75
        note = text.evidence_note(rng, fact.theme, grade, process=process)
        grades[fact.id] = GradeSpec(grade, note)
    return truth, grades


def grade_moderation(
    rng: random.Random, facts: Sequence[CriterionFacts], truth: dict[str, float]
) -> dict[str, GradeSpec]:
    """The moderator's blind grades: the truth with small noise, impact-focused notes."""
    out = {}
    for fact in facts:
        grade = clip(truth[fact.id] + rng.gauss(0, 0.3))
        out[fact.id] = GradeSpec(grade, text.evidence_note(rng, fact.theme, grade, process=False))
    return out


def settle(
    rng: random.Random,
    facts: Sequence[CriterionFacts],
    manager: dict[str, GradeSpec],
    moderator: dict[str, GradeSpec],
) -> dict[str, ReviewSpec]:
    """Settle each disagreement: mostly at the moderator's grade, sometimes the manager's."""
    out = {}
    for fact in facts:
        mine, theirs = manager[fact.id].grade, moderator[fact.id].grade
        if mine == theirs:
            out[fact.id] = ReviewSpec(theirs, None)
            continue
        upheld = rng.random() < 0.85
        agreed = theirs if upheld else mine
        rationale = text.review_rationale(rng, fact.theme, agreed, moderator_upheld=upheld)
        out[fact.id] = ReviewSpec(agreed, rationale)
    return out
