"""Rubric models: rubric -> domains -> criteria, and the overall-grade rule.

A rubric is what a manager audits a case against. Each criterion carries a
descriptor per grade written as observable evidence (Ofsted's 2015 report
criticised descriptors where "it is not clear how findings are to be
measured") and the inspection findings it derives from. Some criteria are
*limiting*: a child left at risk makes the case inadequate whatever else is
good.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from moderator.domain.grades import Grade

Slug = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", min_length=1, max_length=64)
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

SERVICE_AREAS = ("help_and_protection", "children_in_care", "care_leavers")


class _Strict(BaseModel):
    # The schema is built on first use, not at import: the workbench imports the rubric
    # models on its way to the home screen, which validates none of them.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Source(_Strict):
    """A registered source document (an Ofsted report) that findings cite."""

    id: Slug
    title: Text
    authority: Text
    date: Text
    file: Text
    """The document's file name in ``shared/seeds/``."""
    kind: str | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _date_as_text(cls, value: object) -> object:
        # `date: 2020-03-23` unquoted is a date to YAML; it is still the right answer.
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)  # `date: 2019`
        return value


class Finding(_Strict):
    """One inspection finding a criterion derives from."""

    source: Slug
    """Id of a registered source (``rubrics/sources.yaml``)."""
    paragraph: Text
    """Paragraph number (``"127"``) or a locator such as ``"section 'Overview', para 2"``."""
    quote: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=400)]
    """A short verbatim quote from the paragraph."""

    @field_validator("paragraph", mode="before")
    @classmethod
    def _number_as_text(cls, value: object) -> object:
        # `paragraph: 127` is how anyone would write it.
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value

    @property
    def locator(self) -> str:
        """The paragraph as people say it: ``"para 127"``, or the locator as written."""
        return f"para {self.paragraph}" if self.paragraph.isdigit() else self.paragraph


class Descriptors(_Strict):
    """What the evidence looks like at each grade."""

    outstanding: Text
    good: Text
    requires_improvement: Text
    inadequate: Text

    def for_grade(self, grade: Grade) -> str:
        """The descriptor for ``grade``."""
        return {
            Grade.OUTSTANDING: self.outstanding,
            Grade.GOOD: self.good,
            Grade.REQUIRES_IMPROVEMENT: self.requires_improvement,
            Grade.INADEQUATE: self.inadequate,
        }[grade]


class Criterion(_Strict):
    """One thing the auditor judges, with a question and a descriptor per grade."""

    id: Slug
    title: Text
    question: Text
    descriptors: Descriptors
    findings: list[Finding] = Field(min_length=1)
    limiting: bool = False


class Domain(_Strict):
    """A group of criteria (for example "Risk and safety")."""

    id: Slug
    title: Text
    criteria: list[Criterion] = Field(min_length=1)


class OverallMethod(StrEnum):
    """How the overall grade is derived from the criterion grades."""

    MEDIAN = "median"
    """Median, rounded towards the worse grade when it falls between two grades."""
    MEAN = "mean"
    """Mean rank, rounded to the nearest grade; exactly halfway goes to the worse grade."""
    WORST = "worst"
    """The worst criterion grade."""


class LimitingMode(StrEnum):
    """What a limiting criterion does to the overall grade."""

    INADEQUATE = "inadequate"
    """If a limiting criterion is Inadequate, the overall grade is Inadequate."""
    CAP = "cap"
    """The overall grade is never better than the worst limiting criterion."""


class OverallRule(_Strict):
    """The rule that turns criterion grades into the overall grade."""

    method: OverallMethod = OverallMethod.MEDIAN
    limiting_mode: LimitingMode = LimitingMode.INADEQUATE
    limiting_criteria: list[Slug] = Field(default_factory=list)
    """Every criterion marked ``limiting: true`` must be listed here."""


class Rubric(_Strict):
    """A grading rubric: domains of criteria and the overall-grade rule."""

    id: Slug
    title: Text
    version: Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+){0,2}$")]
    service_area: str | None = None
    description: Text
    overall: OverallRule = OverallRule()
    domains: list[Domain] = Field(min_length=1)

    @field_validator("service_area")
    @classmethod
    def _known_service_area(cls, value: str | None) -> str | None:
        if value is not None and value not in SERVICE_AREAS:
            raise ValueError(
                f"unknown service area {value!r}; use one of {', '.join(SERVICE_AREAS)}"
            )
        return value

    @property
    def criteria(self) -> list[Criterion]:
        """Every criterion, in order, across domains."""
        return [c for d in self.domains for c in d.criteria]

    def criterion(self, criterion_id: str) -> Criterion:
        """The criterion with this id (KeyError if absent)."""
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)

    def domain_of(self, criterion_id: str) -> Domain:
        """The domain a criterion belongs to (KeyError if absent)."""
        for d in self.domains:
            if any(c.id == criterion_id for c in d.criteria):
                return d
        raise KeyError(criterion_id)

    @property
    def content_hash(self) -> str:
        """SHA-256 over the canonical JSON of the rubric: stable across YAML formatting."""
        canonical = json.dumps(self.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def derive_overall(
        self,
        grades: Mapping[str, Grade | int | str | None],
        *,
        pending: str = "graded",
        count_pending: bool = True,
    ) -> OverallGrade | None:
        """Derive the overall grade from criterion grades (see :func:`derive_overall_grade`)."""
        return derive_overall_grade(self, grades, pending=pending, count_pending=count_pending)


@dataclass(frozen=True)
class OverallGrade:
    """A derived overall grade and the one sentence that explains it."""

    grade: Grade
    explanation: str
    limited_by: tuple[str, ...] = ()
    """Ids of the limiting criteria that decided the grade, if any."""
    complete: bool = True
    """False when some criteria are still ungraded (the grade is provisional)."""


def _method_grade(method: OverallMethod, values: list[int]) -> int:
    ordered = sorted(values)
    if method is OverallMethod.WORST:
        return ordered[-1]
    if method is OverallMethod.MEAN:
        # Nearest grade, halves towards the worse grade, in exact integer arithmetic:
        # floor(total / n + 1/2). (Rounding every fraction up would let one RI among
        # nine Goods make the case RI: that is the "worst" method, not a mean.)
        total, n = sum(ordered), len(ordered)
        return (2 * total + n) // (2 * n)
    # Upper median: for an even count the worse of the two middle grades.
    return ordered[len(ordered) // 2]


_METHOD_WORDS = {
    OverallMethod.MEDIAN: "median of {n} (rounded towards the worse grade)",
    OverallMethod.MEAN: "mean of {n} (halfway rounded towards the worse grade)",
    OverallMethod.WORST: "worst of {n}",
}


def derive_overall_grade(
    rubric: Rubric,
    grades: Mapping[str, Grade | int | str | None],
    *,
    pending: str = "graded",
    count_pending: bool = True,
) -> OverallGrade | None:
    """Derive a case's overall grade from its criterion grades under the rubric's rule.

    The method gives a base grade: the median (between two grades, the worse),
    the mean rounded to the nearest grade (halfway: the worse), or the worst; then the limiting criteria apply: in ``inadequate``
    mode an Inadequate limiting criterion makes the whole case Inadequate, in
    ``cap`` mode the overall grade is never better than the worst limiting
    criterion. The explanation names the limiting criteria that decided the
    grade. Ungraded criteria are ignored and the result is marked
    incomplete. Grades for criteria the rubric does not have are ignored.
    Returns None when nothing is graded yet. ``pending`` names what the criteria without a
    grade still wait for in the explanation ("3 not yet graded"); ``count_pending=False``
    leaves that count out, for a screen that counts what is left by its own rule (a review:
    a too-short rationale is not decided either, so a count of grades would disagree).

    Raises:
        BadInput: if a grade is not a recognisable grade.
    """
    known = {c.id for c in rubric.criteria}
    graded: dict[str, Grade] = {}
    for cid, value in grades.items():
        grade = Grade.parse_optional(value)
        if cid in known and grade is not None:
            graded[cid] = grade
    if not graded:
        return None
    complete = len(graded) == len(known)
    rule = rubric.overall
    base = Grade(_method_grade(rule.method, [int(g) for g in graded.values()]))
    count = len(graded)
    reason = _METHOD_WORDS[rule.method].format(
        n=f"{count} criterion grade" if count == 1 else f"{count} criterion grades"
    )
    if not complete and count_pending:
        reason += f"; {len(known) - len(graded)} not yet {pending}"

    limiting = [cid for cid in rule.limiting_criteria if cid in graded]
    if limiting:
        worst_limiting = max(graded[cid] for cid in limiting)
        # In inadequate mode an Inadequate limiting criterion decides the grade whatever
        # the others say, so it is named even when the method gave Inadequate anyway;
        # in cap mode a limiting criterion is named only when it lowered the grade.
        if rule.limiting_mode is LimitingMode.INADEQUATE:
            cap = Grade.INADEQUATE if worst_limiting is Grade.INADEQUATE else None
            decides = cap is not None
        else:
            cap = worst_limiting
            decides = cap > base
        if cap is not None and decides:
            culprits = tuple(cid for cid in limiting if graded[cid] == cap)
            titles = " and ".join(rubric.criterion(cid).title for cid in culprits)
            return OverallGrade(cap, f"{cap.label}: limited by {titles}", culprits, complete)
    return OverallGrade(base, f"{base.label}: {reason}", (), complete)
