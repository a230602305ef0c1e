"""A calibration exercise: many graders, the same cases; who agrees, and how far each grader is.

Input is long-format ratings, one row per (case, criterion, grader): the CSV
``case_ref,criterion,rater,grade`` described in ``docs/formats.md``. A unit is
one criterion of one case. ``overall`` pools every unit; ``by_criterion``
takes each criterion's units alone. Each grader's distance is measured from
the unit's reference grade: the agreed grade where a panel set one, otherwise
the unit's most common grade (a unit whose most common grade is tied has no
reference and is left out of the distances).
"""

from __future__ import annotations

import csv
import io
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from moderator.analysis.agreement import Counts, MultiRaterAgreement, multi_rater_agreement
from moderator.domain.grades import Grade
from moderator.domain.limits import MB, read_capped
from moderator.errors import BadInput

GRADE_VALUES = tuple(float(g.value) for g in Grade)
"""All four grades, observed or not: the weights and chance terms need every category."""

REQUIRED_COLUMNS = ("case_ref", "criterion", "rater", "grade")
MAX_FIELD_CHARS = 4_096
MAX_RATINGS_BYTES = 64 * MB
"""A ratings file: many graders of a few hundred cases fit many times over."""
"""A case reference, criterion, grader or grade longer than this is not one."""


@dataclass(frozen=True)
class Rating:
    """One grader's grade for one criterion of one case."""

    case_ref: str
    criterion: str
    rater: str
    grade: Grade


@dataclass(frozen=True)
class GraderDistance:
    """How far one grader sits from the reference grades.

    ``mean_distance`` is reference − grader in grade steps, the same sign as
    drift: positive means the grader was more optimistic than the reference.
    """

    rater: str
    n: int
    exact: float | None
    within_one: float | None
    mean_distance: float | None
    mean_distance_ci: tuple[float, float] | None

    def as_dict(self) -> dict[str, object]:
        """The JSON shape."""
        return {
            "rater": self.rater,
            "n": self.n,
            "exact": self.exact,
            "within_one": self.within_one,
            "mean_distance": self.mean_distance,
            "mean_distance_ci": None
            if self.mean_distance_ci is None
            else list(self.mean_distance_ci),
        }


@dataclass(frozen=True)
class ExerciseReport:
    """Agreement overall and per criterion, and each grader's distance."""

    overall: MultiRaterAgreement
    by_criterion: dict[str, MultiRaterAgreement]
    graders: list[GraderDistance] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of ``moderator agreement --format json`` (``docs/formats.md``)."""
        return {
            "overall": self.overall.as_dict(),
            "by_criterion": [
                {"key": key, **stats.as_dict()} for key, stats in self.by_criterion.items()
            ],
            "graders": [g.as_dict() for g in self.graders],
        }


def _counts(
    keys: list[tuple[str, str]], ratings: Mapping[tuple[str, str], list[Rating]]
) -> tuple[Counts, int]:
    table = np.zeros((len(keys), len(GRADE_VALUES)), dtype=np.float64)
    raters: set[str] = set()
    for row, key in enumerate(keys):
        for rating in ratings[key]:
            table[row, int(rating.grade) - 1] += 1
            raters.add(rating.rater)
    return table, len(raters)


def _agreement(
    keys: list[tuple[str, str]], by_unit: Mapping[tuple[str, str], list[Rating]]
) -> MultiRaterAgreement:
    table, n_raters = _counts(keys, by_unit)
    return multi_rater_agreement(table, GRADE_VALUES, n_raters=n_raters)


def reference_grade(ratings: list[Rating]) -> Grade | None:
    """The unit's most common grade, or None when two grades tie for most common."""
    tally = Counter(r.grade for r in ratings).most_common()
    if not tally or (len(tally) > 1 and tally[0][1] == tally[1][1]):
        return None
    return tally[0][0]


def _t_interval(values: list[int]) -> tuple[float, float] | None:
    from scipy import stats

    n = len(values)
    if n < 2:
        return None
    mean = sum(values) / n
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    half = float(stats.t.ppf(0.975, n - 1)) * sd / math.sqrt(n)
    return (mean - half, mean + half)


def grader_distances(
    by_unit: Mapping[tuple[str, str], list[Rating]],
    agreed: Mapping[tuple[str, str], Grade] | None = None,
) -> list[GraderDistance]:
    """Each grader's distance from the agreed (else modal) grade of the units they graded."""
    steps: dict[str, list[int]] = defaultdict(list)
    for key, ratings in by_unit.items():
        reference = (agreed or {}).get(key) or (
            reference_grade(ratings) if len(ratings) > 1 else None
        )
        if reference is None:
            continue
        for rating in ratings:
            steps[rating.rater].append(int(reference) - int(rating.grade))
    out = []
    for rater in sorted(steps):
        values = steps[rater]
        n = len(values)
        out.append(
            GraderDistance(
                rater=rater,
                n=n,
                exact=sum(v == 0 for v in values) / n,
                within_one=sum(abs(v) <= 1 for v in values) / n,
                mean_distance=sum(values) / n,
                mean_distance_ci=_t_interval(values),
            )
        )
    return out


def exercise_report(
    ratings: Iterable[Rating], agreed: Mapping[tuple[str, str], Grade] | None = None
) -> ExerciseReport:
    """Agreement overall and per criterion, and graders' distances, from ratings."""
    by_unit: dict[tuple[str, str], list[Rating]] = defaultdict(list)
    for rating in ratings:
        by_unit[(rating.case_ref, rating.criterion)].append(rating)
    keys = list(by_unit)
    criteria = sorted({criterion for _, criterion in keys})
    return ExerciseReport(
        overall=_agreement(keys, by_unit),
        by_criterion={c: _agreement([k for k in keys if k[1] == c], by_unit) for c in criteria},
        graders=grader_distances(by_unit, agreed),
    )


def _field(path: Path, line: int, row: Mapping[str, str | None], name: str) -> str:
    value = (row.get(name) or "").strip()
    if len(value) > MAX_FIELD_CHARS:
        raise BadInput(f"{path}:{line}: {name}: longer than {MAX_FIELD_CHARS} characters")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise BadInput(f"{path}:{line}: {name}: control characters are not allowed")
    return value


def read_ratings_csv(path: Path) -> Iterator[Rating]:
    """Ratings from a ``case_ref,criterion,rater,grade`` CSV; empty grades are missing ratings.

    Raises:
        BadInput: naming the file, line and field of the first problem.
    """
    seen: dict[tuple[str, str, str], int] = {}
    data = read_capped(path, MAX_RATINGS_BYTES, "ratings file")
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise BadInput(
            f"{path}:{line}: not UTF-8 text ({exc.reason} at byte {exc.start})"
        ) from None
    reader = csv.DictReader(io.StringIO(content, newline=""))
    row_start = 1  # where the record being read starts, for csv's own errors
    try:
        header = reader.fieldnames or []
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise BadInput(
                f"{path}:1: missing column(s) {', '.join(missing)}; the header must name "
                f"{','.join(REQUIRED_COLUMNS)} (see docs/formats.md)"
            )
        row_start = reader.line_num + 1
        rows = 0
        for row in reader:
            line = reader.line_num
            row_start = line + 1
            rows += 1
            if None in row:
                raise BadInput(f"{path}:{line}: more fields than the header has columns")
            case_ref, criterion, rater, text = (
                _field(path, line, row, name) for name in REQUIRED_COLUMNS
            )
            for name, value in (
                ("case_ref", case_ref),
                ("criterion", criterion),
                ("rater", rater),
            ):
                if not value:
                    raise BadInput(f"{path}:{line}: {name}: empty")
            if not text:
                continue  # a missing rating: allowed
            try:
                grade = Grade.parse(text)
            except BadInput as exc:
                raise BadInput(f"{path}:{line}: grade: {exc}") from None
            key = (case_ref, criterion, rater)
            if key in seen:
                raise BadInput(
                    f"{path}:{line}: rater {rater!r} graded {case_ref} / {criterion} "
                    f"already on line {seen[key]}"
                )
            seen[key] = line
            yield Rating(case_ref, criterion, rater, grade)
    except csv.Error as exc:
        raise BadInput(f"{path}:{row_start}: not a readable CSV row ({exc})") from None
    # Nothing to measure is not an agreement of 0 graders: say so, as the other importers do.
    if not rows:
        raise BadInput(
            f"{path}:{row_start}: no ratings (only a header; rows are "
            f"{','.join(REQUIRED_COLUMNS)}, see docs/formats.md)"
        )
    if not seen:
        raise BadInput(f"{path}: grade: no ratings (every row's grade is empty)")
