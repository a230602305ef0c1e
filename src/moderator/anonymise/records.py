"""Reading a case-system export (the import format of docs/formats.md) strictly and completely.

``read_cases`` reads JSONL (one case per line; a JSON array is also accepted) or
CSV (the same fields flattened), validates every row, and either returns all
the cases or raises one :class:`~moderator.errors.BadInput` listing every
problem as ``file:line: field: message``, with ``line`` the physical line of
the file where the case starts. Nothing is returned from a file with any
problem, so an import built on it is all-or-nothing.

The records read here hold real identities. They live in memory only long
enough to be pseudonymised and redacted (:mod:`moderator.anonymise.pipeline`).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from moderator.anonymise.case_formats import Problems, read_rows
from moderator.anonymise.dates import parse_date
from moderator.domain.text import strip_controls
from moderator.errors import BadInput

ServiceArea = Literal["help_and_protection", "children_in_care", "care_leavers"]
SERVICE_AREAS: tuple[str, ...] = ("help_and_protection", "children_in_care", "care_leavers")

_SERVICE_ALIASES = {
    "help_and_protection": "help_and_protection",
    "help_protection": "help_and_protection",
    "children_in_care": "children_in_care",
    "child_in_care": "children_in_care",
    "cic": "children_in_care",
    "looked_after_children": "children_in_care",
    "lac": "children_in_care",
    "cla": "children_in_care",
    "care_leavers": "care_leavers",
    "care_leaver": "care_leavers",
    "leaving_care": "care_leavers",
}


def _service_area(value: object) -> object:
    if not isinstance(value, str):
        return value
    key = re.sub(r"[\s\-]+", "_", value.strip().lower().replace("&", "and"))
    if key in _SERVICE_ALIASES:
        return _SERVICE_ALIASES[key]
    raise ValueError(
        f'unknown service area "{value}" (expected {", ".join(SERVICE_AREAS[:-1])} or {SERVICE_AREAS[-1]})'
    )


def _blank_to_none(value: object) -> object:
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _required_date(value: object) -> date:
    return parse_date(value)


def _optional_date(value: object) -> date | None:
    value = _blank_to_none(value)
    return None if value is None else parse_date(value)


def _id_text(value: object) -> object:
    """Identifiers exported as JSON numbers (100234, 9434765919) are still identifiers."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


_POSTCODE_FIELD = re.compile(r"^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$")


def _postcode(value: object) -> object:
    value = _blank_to_none(value)
    if not isinstance(value, str):
        return value
    m = _POSTCODE_FIELD.match(value.strip().upper())
    if m is None:
        raise ValueError(f'not a UK postcode: "{value}"')
    return f"{m.group(1)} {m.group(2)}"


def _nhs_number(value: object) -> object:
    value = _blank_to_none(_id_text(value))
    if not isinstance(value, str):
        return value
    digits = re.sub(r"[\s-]", "", value)
    if not re.fullmatch(r"\d{10}", digits):
        raise ValueError(f'not an NHS number (10 digits): "{value}"')
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def _upn(value: object) -> object:
    value = _blank_to_none(value)
    if not isinstance(value, str):
        return value
    compact = re.sub(r"\s", "", value).upper()
    if not re.fullmatch(r"[A-Z]\d{11}[0-9A-Z]", compact):
        raise ValueError(f'not a UPN (a letter then 12 characters): "{value}"')
    return compact


Text = Annotated[str, Field(min_length=1)]
IdText = Annotated[str, BeforeValidator(_id_text), Field(min_length=1)]
OptionalText = Annotated[str | None, BeforeValidator(_blank_to_none)]
RequiredDate = Annotated[date, BeforeValidator(_required_date)]
OptionalDate = Annotated[date | None, BeforeValidator(_optional_date)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Child(_Strict):
    """The child the case is about, as the case system records them."""

    name: Text
    dob: OptionalDate = None
    address: OptionalText = None
    postcode: Annotated[str | None, BeforeValidator(_postcode)] = None
    nhs_number: Annotated[str | None, BeforeValidator(_nhs_number)] = None
    upn: Annotated[str | None, BeforeValidator(_upn)] = None

    @field_validator("dob")
    @classmethod
    def _not_in_future(cls, value: date | None) -> date | None:
        if value is not None and value > date.today():
            raise ValueError(f"date of birth is in the future: {value.isoformat()}")
        return value


class FamilyMember(_Strict):
    """A family member or other significant person named in the record."""

    name: Text
    relationship: Text
    dob: OptionalDate = None


class RawCase(_Strict):
    """One case exactly as exported from the case system (docs/formats.md). Holds real identities."""

    case_id: IdText
    team: Text
    service_area: Annotated[ServiceArea, BeforeValidator(_service_area)]
    opened: RequiredDate
    closed: OptionalDate = None
    key_dates: dict[str, RequiredDate] = Field(default_factory=dict)
    worker: OptionalText = None
    child: Child
    family: list[FamilyMember] = Field(default_factory=list)
    text: str

    _line: int | None = PrivateAttr(default=None)

    @property
    def source_line(self) -> int | None:
        """The physical line of the import file where this case starts (None if not from a file)."""
        return self._line

    @field_validator("closed")
    @classmethod
    def _closed_after_opened(cls, value: date | None, info: ValidationInfo) -> date | None:
        opened = info.data.get("opened")
        if value is not None and isinstance(opened, date) and value < opened:
            raise ValueError(f"closed {value.isoformat()} is before opened {opened.isoformat()}")
        return value


# ---------------------------------------------------------------------------------------------
# Reading files


def _field_name(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts[-1] = f"{parts[-1]}[{item + 1}]" if parts else f"[{item + 1}]"
        else:
            parts.append(item)
    return ".".join(parts) or "case"


def _describe(err: Any) -> str:
    kind = err["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "string_too_short":
        return "must not be empty"
    if kind in ("string_type", "str_type"):
        return f"expected text, got {json.dumps(err.get('input'))}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected an object, got {json.dumps(err.get('input'))[:40]}"
    if kind == "list_type":
        return "expected a list of {name, relationship} objects"
    return str(err["msg"]).removeprefix("Value error, ")


def _plain(data: Any) -> Any:
    """Every string in a row without control characters (NUL, ESC, ...): text is text.

    A case system's export can carry stray control codes; they would reach a
    terminal or a spreadsheet later, so they are removed here, once.
    """
    if isinstance(data, str):
        return strip_controls(data)
    if isinstance(data, dict):
        return {strip_controls(str(k)): _plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    return data


def validate_case(data: Any, line: int, problems: Problems) -> RawCase | None:
    """Validate one decoded row; record its problems and return None if there are any."""
    if not isinstance(data, dict):
        problems.add(line, f"expected a JSON object, got {type(data).__name__}")
        return None
    try:
        case = RawCase.model_validate(_plain(data))
    except ValidationError as exc:
        for err in exc.errors():
            problems.add(line, _describe(err), _field_name(tuple(err["loc"])))
        return None
    case._line = line
    return case


def read_cases(path: Path) -> list[RawCase]:
    """Read and validate every case in a JSONL or CSV export; all or nothing.

    The format is chosen by extension (``.jsonl``/``.json``/``.ndjson`` or
    ``.csv``), otherwise by the first character. Blank lines are skipped.

    Raises:
        BadInput: listing every problem, one per detail line, e.g.
            ``cases.csv:17: child.dob: not a date: "31/02/2012"``; covers an
            empty or unreadable file, non-UTF-8 bytes, invalid JSON, wrong CSV
            columns, missing fields, bad dates, unknown service areas and
            case ids repeated within the file.
    """
    problems = Problems(str(path))
    rows = read_rows(path, problems)
    cases: list[RawCase] = []
    first_seen: dict[str, int] = {}
    for line, data in rows:
        case_id = _id_text(data.get("case_id")) if isinstance(data, dict) else None
        if isinstance(case_id, str) and case_id.strip():
            case_id = case_id.strip()
            if case_id in first_seen:
                problems.add(
                    line, f'duplicate "{case_id}" (first on line {first_seen[case_id]})', "case_id"
                )
            else:
                first_seen[case_id] = line
        case = validate_case(data, line, problems)
        if case is not None:
            cases.append(case)
    problems.raise_if_any()
    if not cases:
        raise BadInput(f"{problems.source}: no cases in the file (only a header or blank lines)")
    return cases
