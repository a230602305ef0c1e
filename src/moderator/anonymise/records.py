"""Reading a case-system export (PRODUCT.md §7 import format) strictly and completely.

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

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterator
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

from moderator.anonymise.dates import parse_date
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
    """One case exactly as exported from the case system (PRODUCT.md §7). Holds real identities."""

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


_JSON_SUFFIXES = {".jsonl", ".json", ".ndjson"}
_CSV_SUFFIXES = {".csv"}

CSV_REQUIRED = ("case_id", "team", "service_area", "opened", "child_name", "text")
CSV_OPTIONAL = (
    "closed",
    "worker",
    "child_dob",
    "child_address",
    "child_postcode",
    "child_nhs_number",
    "child_upn",
    "family",
)
_KEY_DATE_PREFIX = "key_date_"
_FAMILY_ITEM = re.compile(r"^\s*(?P<name>[^()]+?)\s*\(\s*(?P<rel>[^()]+?)\s*\)\s*$")


class _Problems:
    """Problems collected while reading one file, rendered as ``file:line: field: message``."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.lines: list[tuple[int, str]] = []
        self.rows_seen = 0

    def add(self, line: int, message: str, field: str | None = None) -> None:
        where = f"{field}: " if field else ""
        self.lines.append((line, f"{self.source}:{line}: {where}{message}"))

    def raise_if_any(self) -> None:
        if not self.lines:
            return
        n = len(self.lines)
        rows = len({line for line, _ in self.lines})
        of = f" of {self.rows_seen}" if self.rows_seen >= rows else ""
        raise BadInput(
            f"{self.source}: {n} problem{'s' if n != 1 else ''} in {rows}{of} "
            f"case{'s' if (self.rows_seen or rows) != 1 else ''}; no cases were read",
            details=[text for _, text in sorted(self.lines, key=lambda t: t[0])],
        )


def _read_text(path: Path, problems: _Problems) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BadInput(f"{problems.source}: file not found") from None
    except IsADirectoryError:
        raise BadInput(f"{problems.source}: is a directory, not a case file") from None
    except OSError as exc:
        raise BadInput(f"{problems.source}: cannot read: {exc.strerror}") from None
    if data.startswith(b"\xef\xbb\xbf"):  # Excel's UTF-8 byte-order mark
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Report every line that is not UTF-8, with the offending byte, then stop.
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            col = len(raw[: exc.start].decode("utf-8", errors="replace")) + 1
            problems.add(
                number,
                f"not UTF-8: byte 0x{raw[exc.start]:02X} at column {col} "
                "(save the export as UTF-8)",
            )
    problems.raise_if_any()
    raise AssertionError("unreachable: undecodable file without an undecodable line")


def _looks_like_json(path: Path, text: str) -> bool:
    suffix = path.suffix.lower()
    if suffix in _JSON_SUFFIXES:
        return True
    if suffix in _CSV_SUFFIXES:
        return False
    return text.lstrip()[:1] in ("{", "[")


def _json_rows(text: str, problems: _Problems) -> Iterator[tuple[int, Any]]:
    stripped = text.lstrip()
    if stripped.startswith("["):
        yield from _json_array_rows(text, problems)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        problems.rows_seen += 1
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.add(number, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        yield number, value


def _json_array_rows(text: str, problems: _Problems) -> Iterator[tuple[int, Any]]:
    """A JSON array of case objects; each case keeps the line where its object starts."""
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        problems.add(exc.lineno, f"invalid JSON: {exc.msg} (column {exc.colno})")
        return
    if not isinstance(items, list):
        problems.add(1, "expected a JSON array of cases or one JSON object per line")
        return
    decoder = json.JSONDecoder()
    pos = text.index("[") + 1
    for item in items:
        while text[pos] in " \t\r\n,":
            pos += 1
        _, end = decoder.raw_decode(text, pos)
        problems.rows_seen += 1
        yield text.count("\n", 0, pos) + 1, item
        pos = end


def _csv_rows(text: str, problems: _Problems) -> Iterator[tuple[int, Any]]:
    header_line = next((ln for ln in text.splitlines() if ln.strip()), "")
    delimiter = max(
        ",;\t", key=lambda d: (("case_id" in header_line.split(d)), header_line.count(d))
    )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    header_at = 1
    previous_end = 0
    for values in reader:
        start = previous_end + 1
        previous_end = reader.line_num
        if not values or all(not v.strip() for v in values):
            continue
        if header is None:
            header = [re.sub(r"[\s.]+", "_", v.strip().lower()) for v in values]
            header_at = start
            if not _check_header(header, start, problems):
                return
            continue
        problems.rows_seen += 1
        if len(values) != len(header):
            problems.add(
                start,
                f"{len(values)} values but the header (line {header_at}) has {len(header)} columns",
            )
            continue
        row = dict(zip(header, values, strict=True))
        family = _parse_family(row.pop("family", ""), start, problems)
        yield start, _unflatten(row, family)


def _check_header(header: list[str], line: int, problems: _Problems) -> bool:
    known = set(CSV_REQUIRED) | set(CSV_OPTIONAL)
    duplicated = sorted(h for h, n in Counter(header).items() if n > 1)
    missing = [c for c in CSV_REQUIRED if c not in header]
    unknown = [h for h in header if h not in known and not h.startswith(_KEY_DATE_PREFIX)]
    if duplicated:
        problems.add(line, f"column(s) given twice: {', '.join(duplicated)}")
    if missing:
        problems.add(line, f"missing column(s): {', '.join(missing)}")
    if unknown:
        problems.add(
            line,
            f"unknown column(s): {', '.join(repr(u) for u in unknown)} (expected "
            f"{', '.join(CSV_REQUIRED + CSV_OPTIONAL)}, or key_date_<name>)",
        )
    return not (duplicated or missing or unknown)


def _parse_family(cell: str, line: int, problems: _Problems) -> list[dict[str, str]]:
    """Members from ``Name (relationship); …``; unreadable items are reported and left out."""
    members: list[dict[str, str]] = []
    for item in cell.split(";"):
        if not item.strip():
            continue
        m = _FAMILY_ITEM.match(item)
        if m is None:
            problems.add(
                line,
                f'cannot read "{item.strip()}" (write Name (relationship); Name (relationship))',
                "family",
            )
            continue
        members.append({"name": m.group("name"), "relationship": m.group("rel")})
    return members


def _unflatten(row: dict[str, str], family: list[dict[str, str]]) -> dict[str, Any]:
    out: dict[str, Any] = {"child": {}, "family": family, "key_dates": {}}
    for column, value in row.items():
        if column.startswith("child_"):
            out["child"][column.removeprefix("child_")] = value
        elif column.startswith(_KEY_DATE_PREFIX):
            if value.strip():
                out["key_dates"][column.removeprefix(_KEY_DATE_PREFIX)] = value
        else:
            out[column] = value
    return out


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


def validate_case(data: Any, line: int, problems: _Problems) -> RawCase | None:
    """Validate one decoded row; record its problems and return None if there are any."""
    if not isinstance(data, dict):
        problems.add(line, f"expected a JSON object, got {type(data).__name__}")
        return None
    try:
        case = RawCase.model_validate(data)
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
    problems = _Problems(str(path))
    text = _read_text(path, problems)
    if not text.strip():
        raise BadInput(f"{problems.source}: empty file: no cases to read")
    rows = _json_rows(text, problems) if _looks_like_json(path, text) else _csv_rows(text, problems)
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
