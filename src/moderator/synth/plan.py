"""A plan: what the generator decides and the writers apply, in writing order.

People and teams, then chunks (a month of cases and audits, the samples and
moderations that month completes). Every field is what a person would have
recorded, with its historical timestamp; nothing here touches a database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from moderator.domain.grades import Grade


@dataclass
class PersonSpec:
    """A user of the authority (or of the moderating authority)."""

    name: str
    role: str
    team: str | None = None
    authority: str | None = None
    optimism: float = 0.0
    """Managers: grade steps of optimism on risk and planning criteria before training."""
    compliance: float = 0.97
    """Managers: chance an assigned audit is submitted at all (2015: 40% not completing)."""


@dataclass
class TeamSpec:
    """A team and the service areas its cases come from (with weights)."""

    name: str
    areas: tuple[tuple[str, float], ...]
    effect: float = 0.0
    """Shift of the team's true case quality (positive = worse practice)."""


@dataclass
class CaseSpec:
    """One case: anonymised text always; the raw import record only in sample mode."""

    key: str
    """The case reference: the raw ``case_id`` in sample mode, the pseudonym in synth."""
    team: str
    service_area: str
    opened: str
    text: str
    theme_grades: dict[str, Grade]
    raw: dict[str, object] | None = None

    @property
    def case_ref(self) -> str:
        """The stored reference of an already-anonymised case (what ``store_case`` reads)."""
        return self.key


@dataclass
class GradeSpec:
    """A grade and its evidence note."""

    grade: Grade
    note: str


@dataclass
class AuditSpec:
    """A manager's audit of one case, with everything the services would record."""

    key: str
    case_key: str
    rubric_id: str
    manager: str
    assigned_by: str
    assigned_at: str
    due: str
    programme: str
    status: str
    grades: dict[str, GradeSpec] = field(default_factory=dict)
    """In rubric order; partial for drafts, empty for todo."""
    graded_from: str | None = None
    """When grading started; criterion ``i`` is saved at ``graded_from + 3 i`` minutes."""
    override: Grade | None = None
    override_reason: str | None = None
    override_at: str | None = None
    submitted_at: str | None = None
    overall: Grade | None = None
    """The submitted overall grade (derived, or the override)."""


@dataclass
class ReviewSpec:
    """The agreed (moderated) grade for one criterion and, for a disagreement, why."""

    grade: Grade
    rationale: str | None


@dataclass
class ModerationSpec:
    """An external moderator's blind grading of a sampled audit, and its review."""

    audit_key: str
    sample_key: str
    moderator: str
    status: str
    grades: dict[str, GradeSpec] = field(default_factory=dict)
    graded_from: str | None = None
    submitted_at: str | None = None
    overall: Grade | None = None
    """The moderator's blind overall grade (derived)."""
    review: dict[str, ReviewSpec] = field(default_factory=dict)
    reviewed_at: str | None = None
    reviewed_by: str | None = None
    moderated_overall: Grade | None = None
    overall_rationale: str | None = None
    outcome: str | None = None


@dataclass
class SampleSpec:
    """A moderation sample drawn by a lead."""

    key: str
    drawn_by: str
    drawn_at: str
    rate: float
    seed: int
    hand_picked: bool = False
    audit_keys: list[str] = field(default_factory=list)


@dataclass
class Chunk:
    """A slice of a plan in writing order (a month of audits, a quarter's moderations)."""

    cases: list[CaseSpec] = field(default_factory=list)
    audits: list[AuditSpec] = field(default_factory=list)
    samples: list[SampleSpec] = field(default_factory=list)
    moderations: list[ModerationSpec] = field(default_factory=list)


@dataclass
class Plan:
    """People and teams, then the chunks to write in order (a lazy iterator at scale)."""

    authority: str
    moderating_authority: str
    people: list[PersonSpec]
    teams: list[TeamSpec]
    training_date: date | None
    now: str
    """The moment the plan's story stops (the demo's 'today')."""
    chunks: Iterable[Chunk]
    audits_total: int = 0
    started: str = ""
    """When the users were set up: a week before the first programme."""
    """How many audits the chunks hold (for progress reporting)."""

    def merged(self) -> Chunk:
        """All chunks as one (consumes a lazy plan; for small plans)."""
        out = Chunk()
        for chunk in self.chunks:
            out.cases.extend(chunk.cases)
            out.audits.extend(chunk.audits)
            out.samples.extend(chunk.samples)
            out.moderations.extend(chunk.moderations)
        self.chunks = [out]
        return out


def case_batches(chunk: Chunk) -> list[tuple[str, list[CaseSpec]]]:
    """Cases grouped by the day of their first audit's assignment (07:30 that day), in order.

    A case no audit names yet arrives with the latest batch: it waits for the next programme.
    """
    first_use: dict[str, str] = {}
    for audit in chunk.audits:
        first_use.setdefault(audit.case_key, audit.assigned_at)
    fallback = max(first_use.values()) if first_use else "1970-01-01"
    batches: dict[str, list[CaseSpec]] = {}
    for case in chunk.cases:
        when = first_use.get(case.key, fallback)[:10] + "T07:30:00+00:00"
        batches.setdefault(when, []).append(case)
    return sorted(batches.items())
