"""The realism model behind the sample audits and ``moderator synth``.

One seeded generator produces a *plan*: people, cases, audits with grades and
evidence notes, moderation samples, blind moderations and reviews, all with
historical timestamps. Two writers apply a plan: :mod:`moderator.synth.replay`
through the service functions (the demo), and :mod:`moderator.synth.bulk`
with bulk inserts (large synthetic databases). Both produce the same rows.

How grades arise (all in grade steps, 1 = Outstanding ... 4 = Inadequate):

- each case has a latent quality ``z`` (authority baseline, team effect, case
  noise); each practice theme (risk, plan, voice ...) shifts it, so plans are
  worse than direct work, as in the 2020 letter; the case text is written from
  these theme grades;
- a criterion's *true* grade is its theme's latent plus a little noise;
- the moderator grades the true latent with small noise (blind);
- the manager grades the true latent minus their *optimism* times the
  criterion's *proneness* (1 for risk and planning criteria, 0.45 otherwise),
  plus noise, and an optimistic manager is reluctant to write Inadequate at
  all; after the training date optimism decays towards a floor;
- at review most disagreements settle at the moderator's grade, some at the
  manager's; the moderated overall grade is derived with the rubric's rule.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from moderator.domain.grades import Grade
from moderator.domain.rubric import Rubric, derive_overall_grade
from moderator.errors import BadInput
from moderator.synth import names, text

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


def stamp(moment: datetime) -> str:
    """A timestamp as the store writes it (ISO 8601, seconds, UTC)."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


_BY_RANK: tuple[Grade, ...] = (Grade.OUTSTANDING, *Grade)  # index 0 is never used


def _clip(value: float) -> Grade:
    """Round a latent grade to the nearest of the four (half rounds towards the worse)."""
    rank = math.floor(value + 0.5)
    return _BY_RANK[1 if rank < 1 else (4 if rank > 4 else rank)]


# -- the plan ------------------------------------------------------------------------------


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


# -- configuration ---------------------------------------------------------------------------


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


def add_months(day: date, months: int) -> date:
    """The same day-of-month ``months`` later (clamped to 28 to stay valid)."""
    index = day.month - 1 + months
    return date(day.year + index // 12, index % 12 + 1, min(day.day, 28))


def first_weekday(day: date) -> date:
    """``day`` or the next Monday-Friday."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def at(day: date, hour: int, minute: int = 0, second: int = 0) -> datetime:
    """A UTC moment on ``day``."""
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=UTC)


def setup_time(first_month: date) -> str:
    """When a plan's users are created: 08:00 a week before its first programme."""
    return stamp(at(first_weekday(first_month), 8) - timedelta(days=7))


def grading_stamp(graded_from: str, index: int) -> str:
    """When criterion ``index`` of an audit or moderation was saved."""
    return stamp(datetime.fromisoformat(graded_from) + timedelta(minutes=3 * index))


# -- rubric facts ---------------------------------------------------------------------------------


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


# -- the authority ------------------------------------------------------------------------------------

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
        self.raw_cases = raw_cases
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
        self._case_no = 0
        self._turn = 0
        self.thematic_every = thematic_every
        """Every n-th month (from the fourth) is a thematic audit of management oversight."""
        self.hand_picked = sorted(hand_picked)
        """Extra samples: (when, how many, label), picked from recent audits not yet sampled."""
        self._refs: set[str] = set()

    # -- helpers ---------------------------------------------------------------------------------
    def rubric_for(self, service_area: str, thematic: bool) -> str:
        """The rubric an audit uses: the thematic one in thematic months, else the area's."""
        if thematic and self.thematic:
            return self.thematic
        return self.by_area.get(service_area, self.fallback)

    def optimism_at(self, person: PersonSpec, moment: date) -> float:
        """A manager's optimism on ``moment``: full before training, decaying after."""
        if self.training_date is None or moment < self.training_date:
            return person.optimism
        days = (moment - self.training_date).days
        decay: float = 0.5 ** (days / TRAINING_HALF_LIFE_DAYS)
        return person.optimism * (TRAINING_FLOOR + (1 - TRAINING_FLOOR) * decay)

    def practice_level(self, moment: date) -> float:
        """The authority's latent practice (higher = worse), improving slowly after training."""
        if self.training_date is None or moment < self.training_date:
            return 3.3
        days = (moment - self.training_date).days
        return 3.3 - 0.5 * min(1.0, days / 270)

    # -- cases -----------------------------------------------------------------------------------------
    def new_case(self, team: TeamSpec, opened_before: date) -> tuple[CaseSpec, dict[str, float]]:
        """A case of ``team`` with its latent theme qualities and text."""
        rng = self.rng
        areas, weights = zip(*team.areas, strict=True)
        area = rng.choices(areas, weights)[0]
        z = self.practice_level(opened_before) + team.effect + rng.gauss(0, 0.55)
        latent = {th: z + THEME_OFFSET[th] + rng.gauss(0, 0.45) for th in text.THEMES}
        theme_grades = {th: _clip(v) for th, v in latent.items()}
        opened = opened_before - timedelta(days=rng.randint(30, 400))
        age = {
            "help_and_protection": rng.randint(1, 16),
            "children_in_care": rng.randint(3, 17),
            "care_leavers": rng.randint(18, 22),
        }[area]
        gender = rng.choice("fm")
        n_refs = rng.randint(3, 9)
        self._case_no += 1
        if self.raw_cases:
            case = self._raw_case(area, team.name, opened, age, gender, n_refs, theme_grades)
        else:
            ref = f"C-{self.seed % 100000:05d}-{self._case_no:07d}"
            slots = text.anonymised_slots(gender, age, n_refs)
            case = CaseSpec(
                key=ref,
                team=team.name,
                service_area=area,
                opened=opened.isoformat(),
                text=text.case_text(rng, area, theme_grades, slots),
                theme_grades=theme_grades,
            )
        return case, latent

    def _raw_case(
        self,
        area: str,
        team: str,
        opened: date,
        age: int,
        gender: str,
        n_refs: int,
        theme_grades: dict[str, Grade],
    ) -> CaseSpec:
        rng = self.rng
        while True:
            ref = f"MOS-{rng.randint(100000, 999999)}"
            if ref not in self._refs:
                self._refs.add(ref)
                break
        surname = rng.choice(names.SURNAMES)
        first = rng.choice(names.GIRLS if gender == "f" else names.BOYS)
        sibling = rng.choice(names.GIRLS + names.BOYS)
        while sibling == first:
            sibling = rng.choice(names.GIRLS + names.BOYS)
        mother = names.Person(rng.choice(names.WOMEN), surname, "mother")
        partner = names.Person(rng.choice(names.MEN), rng.choice(names.SURNAMES), "partner")
        dob = opened - timedelta(days=365 * age + rng.randint(0, 360))
        street_no = rng.randint(1, 180)
        address = f"{street_no} {rng.choice(names.STREETS)}, {rng.choice(names.DISTRICTS)}"
        post = names.postcode(rng)
        worker = f"{rng.choice(names.WOMEN + names.MEN)} {rng.choice(names.SURNAMES)}"
        school = rng.choice(names.SCHOOLS)
        prof_role = rng.choice(names.PROFESSIONAL_ROLES)
        prof = f"{prof_role} {rng.choice(names.SURNAMES)}"
        nhs = names.nhs_number(rng)
        pupil = names.upn(rng) if age < 18 else None
        phone = names.phone(rng)

        def day(d: date) -> str:
            return f"{d.day} {d.strftime('%B %Y')}"

        slots = {
            "child": first,
            "child_full": f"{first} {surname}",
            "mother": mother.first,
            "mother_full": mother.name,
            "partner": partner.first,
            "partner_full": partner.name,
            "sibling": sibling,
            "dob": dob.strftime("%d/%m/%Y"),
            "address": address,
            "postcode": post,
            "school": school,
            "gp": rng.choice(names.GP_PRACTICES),
            "prof": prof,
            "worker": worker,
            "date1": day(opened),
            "date2": day(opened - timedelta(days=rng.randint(60, 700))),
            "date3": day(opened + timedelta(days=rng.randint(10, 25))),
            "phone": phone,
            "nhs": nhs,
            "upn": pupil or "not recorded",
            "linked_ref": f"MOS-{rng.randint(100000, 999999)}",
            "age": str(age),
            "n_refs": str(n_refs),
            **text.PRONOUNS[gender],
        }
        body = text.case_text(rng, area, theme_grades, slots)
        family = [
            {"name": mother.name, "relationship": "mother"},
            {"name": f"{sibling} {surname}", "relationship": "sibling"},
            {
                "name": partner.name,
                "relationship": "father" if "father" in body else "mother's partner",
            },
        ]
        raw: dict[str, object] = {
            "case_id": ref,
            "team": team,
            "service_area": area,
            "opened": opened.isoformat(),
            "worker": worker,
            "child": {
                "name": f"{first} {surname}",
                "dob": dob.isoformat(),
                "address": address,
                "postcode": post,
                "nhs_number": nhs,
                "upn": pupil,
            },
            "family": family,
            "text": body,
        }
        return CaseSpec(
            key=ref,
            team=team,
            service_area=area,
            opened=opened.isoformat(),
            text=body,
            theme_grades=theme_grades,
            raw=raw,
        )

    # -- grades ------------------------------------------------------------------------------------------
    def grade_audit(
        self,
        rubric_id: str,
        latent: dict[str, float],
        manager: PersonSpec,
        moment: date,
    ) -> tuple[dict[str, float], dict[str, GradeSpec]]:
        """Each criterion's true latent and the manager's grade and note."""
        rng = self.rng
        optimism = self.optimism_at(manager, moment)
        truth: dict[str, float] = {}
        grades: dict[str, GradeSpec] = {}
        for fact in self.facts[rubric_id]:
            true_latent = latent[fact.theme] + rng.gauss(0, 0.2)
            truth[fact.id] = true_latent
            grade = _clip(true_latent - optimism * fact.weight + rng.gauss(0, 0.35))
            # Optimism bites hardest at the bottom: calling a colleague's work inadequate.
            if grade is Grade.INADEQUATE and rng.random() < min(0.9, 0.7 * optimism):
                grade = Grade.REQUIRES_IMPROVEMENT
            process = grade < _clip(true_latent) and rng.random() < 0.75
            note = text.evidence_note(rng, fact.theme, grade, process=process)
            grades[fact.id] = GradeSpec(grade, note)
        return truth, grades

    def grade_moderation(self, rubric_id: str, truth: dict[str, float]) -> dict[str, GradeSpec]:
        """The moderator's blind grades: the truth with small noise, impact-focused notes."""
        rng = self.rng
        out = {}
        for fact in self.facts[rubric_id]:
            grade = _clip(truth[fact.id] + rng.gauss(0, 0.3))
            out[fact.id] = GradeSpec(
                grade, text.evidence_note(rng, fact.theme, grade, process=False)
            )
        return out

    def review(
        self,
        rubric_id: str,
        manager: dict[str, GradeSpec],
        moderator: dict[str, GradeSpec],
    ) -> dict[str, ReviewSpec]:
        """Settle each disagreement: mostly at the moderator's grade, sometimes the manager's."""
        rng = self.rng
        out = {}
        for fact in self.facts[rubric_id]:
            mine, theirs = manager[fact.id].grade, moderator[fact.id].grade
            if mine == theirs:
                out[fact.id] = ReviewSpec(theirs, None)
                continue
            upheld = rng.random() < 0.85
            agreed = theirs if upheld else mine
            rationale = text.review_rationale(rng, fact.theme, agreed, moderator_upheld=upheld)
            out[fact.id] = ReviewSpec(agreed, rationale)
        return out

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
                    truth, grades = self.grade_audit(rubric_id, latent, manager, assigned_day)
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
            audit.override_reason = rng.choice(text.OVERRIDE_REASONS)
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
        blind = self.grade_moderation(audit.rubric_id, truth)
        review = self.review(audit.rubric_id, audit.grades, blind)
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


def outcome(manager: Grade, moderated: Grade) -> str:
    """``downgraded`` when the moderated grade is worse than the manager's, and so on."""
    if moderated > manager:
        return "downgraded"
    if moderated < manager:
        return "upgraded"
    return "agreed"


def months_from(start: date, count: int) -> list[date]:
    """The first day of ``count`` consecutive months from ``start``."""
    first = date(start.year, start.month, 1)
    return [add_months(first, i) for i in range(count)]


def spread(total: int, slots: int) -> Iterator[int]:
    """``total`` items over ``slots`` as evenly as possible (earlier slots take the remainder)."""
    base, extra = divmod(total, slots)
    for i in range(slots):
        yield base + (1 if i < extra else 0)


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
