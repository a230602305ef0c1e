"""The sample files' line formats, and strict readers that name file, line and field.

Each line of ``audits.jsonl`` and ``moderations.jsonl`` is validated against
its model; problems read ``file:line: field: message``.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError, field_validator

from moderator.domain.grades import Grade
from moderator.domain.limits import MAX_PACK_BYTES
from moderator.errors import BadInput
from moderator.yaml_files import load_yaml_file

USERS = "users.yaml"
SAMPLES = "samples.yaml"
CASES = "cases.jsonl"
AUDITS = "audits.jsonl"
MODERATIONS = "moderations.jsonl"

MAX_SAMPLE_YAML_BYTES = MAX_PACK_BYTES
"""``samples.yaml`` of a large synthetic authority lists every sampled audit, as a pack does."""


class _Line(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _grade(value: object) -> Grade:
    try:
        return Grade.parse(value)
    except BadInput as exc:
        raise ValueError(str(exc)) from None


GradeWord = Annotated[Grade, BeforeValidator(_grade)]
"""A grade in a sample file: words or 1-4, as :meth:`Grade.parse` reads them."""


class GradeLine(_Line):
    grade: GradeWord
    note: str


class OverrideLine(_Line):
    grade: GradeWord
    reason: str
    at: str


class AuditLine(_Line):
    audit: str
    case_id: str
    rubric: str
    manager: str
    assigned_by: str
    assigned_at: str
    due: date
    programme: str
    status: str
    graded_from: str | None = None
    grades: dict[str, GradeLine] = {}
    override: OverrideLine | None = None
    submitted_at: str | None = None
    overall: GradeWord | None = None

    @field_validator("status")
    @classmethod
    def _status(cls, value: str) -> str:
        if value not in ("todo", "draft", "submitted"):
            raise ValueError("must be todo, draft or submitted")
        return value


class ReviewLine(_Line):
    agreed: GradeWord
    rationale: str


class ModerationLine(_Line):
    audit: str
    sample: str
    moderator: str
    status: str
    graded_from: str | None = None
    grades: dict[str, GradeLine] = {}
    submitted_at: str | None = None
    overall: GradeWord | None = None
    review: dict[str, ReviewLine] = {}
    reviewed_by: str | None = None
    reviewed_at: str | None = None
    moderated_overall: GradeWord | None = None
    outcome: str | None = None
    overall_rationale: str | None = None

    @field_validator("status")
    @classmethod
    def _status(cls, value: str) -> str:
        if value not in ("todo", "draft", "submitted", "reviewed"):
            raise ValueError("must be todo, draft, submitted or reviewed")
        return value


# -- reading -------------------------------------------------------------------------------------


def problems_of(path: Path, line: int, exc: ValidationError) -> list[str]:
    """Each validation error of a line as ``file:line: field: message``."""
    out = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"]) or "line"
        message = error["msg"].removeprefix("Value error, ")
        out.append(f"{path}:{line}: {where}: {message}")
    return out


def read_jsonl(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """The JSON objects of a JSONL file with their line numbers (all bad lines in one error)."""
    if not path.is_file():
        raise BadInput(f"{path}: no such file")
    out = []
    problems = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            problems.append(f"{path}:{number}: line: not JSON ({exc.msg})")
            continue
        if not isinstance(data, dict):
            problems.append(f"{path}:{number}: line: expected a JSON object")
            continue
        out.append((number, data))
    if problems:
        raise BadInput(f"{path}: {len(problems)} bad line(s)", details=problems)
    return out


def read_yaml(path: Path) -> dict[str, Any]:
    """A YAML file holding a mapping (``users.yaml``, ``samples.yaml``)."""
    if not path.is_file():
        raise BadInput(f"{path}: no such file")
    # As the config file is read: a key given twice is refused with its line, not
    # quietly the last one kept.
    data = load_yaml_file(path, MAX_SAMPLE_YAML_BYTES, "sample file", "sample file")
    if not isinstance(data, dict):
        raise BadInput(f"{path}:1: expected a mapping")
    return data
