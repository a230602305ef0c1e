"""The case-import file formats: bytes to rows, each with the line where it starts.

JSONL (one case per line; a JSON array is also accepted) or CSV (the same
fields flattened; see ``docs/formats.md``). Every reader is bounded: the
file's size, a line's and a field's length, nesting depth and the digits of a
number are capped (:mod:`moderator.domain.limits`), and whatever breaks a
bound is one ``file:line`` problem, never a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from moderator.domain.limits import (
    MAX_CASE_FILE_BYTES,
    MAX_DEPTH,
    MAX_FIELD_BYTES,
    MAX_LINE_BYTES,
    MB,
    bounded_int,
    nesting_depth,
    read_capped,
)
from moderator.errors import BadInput

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


class Problems:
    """Problems collected while reading one file, rendered as ``file:line: field: message``."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.lines: list[tuple[int, str]] = []
        self.rows_seen = 0

    def add(self, line: int, message: str, field: str | None = None) -> None:
        """Record one problem at a line of the file."""
        where = f"{field}: " if field else ""
        self.lines.append((line, f"{self.source}:{line}: {where}{message}"))

    def raise_if_any(self) -> None:
        """Raise one BadInput listing every problem, if there are any."""
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


def read_rows(path: Path, problems: Problems) -> Iterator[tuple[int, Any]]:
    """The decoded rows of a case file, each with the line where it starts.

    Problems go to ``problems``; a problem that stops reading altogether (an
    unreadable or oversized file, a CSV field past the limit) raises BadInput.
    """
    text = _read_text(path, problems)
    if not text.strip():
        raise BadInput(f"{problems.source}: empty file: no cases to read")
    if _looks_like_json(path, text):
        return _json_rows(text, problems)
    return _csv_rows(text, problems)


def _load_json(text: str) -> Any:
    """``json.loads`` with bounded numbers and nesting; ValueError says what is wrong."""
    try:
        value = json.loads(text, parse_int=bounded_int)
    except RecursionError:
        raise ValueError(f"nested more than {MAX_DEPTH} levels deep") from None
    if nesting_depth(value) > MAX_DEPTH:
        raise ValueError(f"nested more than {MAX_DEPTH} levels deep")
    return value


def _json_problem(exc: ValueError) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"invalid JSON: {exc.msg} (column {exc.colno})"
    return f"cannot read: {exc}"


def _read_text(path: Path, problems: Problems) -> str:
    data = read_capped(path, MAX_CASE_FILE_BYTES, "case file")
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


def _json_rows(text: str, problems: Problems) -> Iterator[tuple[int, Any]]:
    stripped = text.lstrip()
    if stripped.startswith("["):
        yield from _json_array_rows(text, problems)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        problems.rows_seen += 1
        if len(line) > MAX_LINE_BYTES:
            problems.add(number, f"line longer than {MAX_LINE_BYTES // MB} MB: not one case")
            continue
        try:
            value = _load_json(line)
        except ValueError as exc:
            problems.add(number, _json_problem(exc))
            continue
        yield number, value


def _json_array_rows(text: str, problems: Problems) -> Iterator[tuple[int, Any]]:
    """A JSON array of case objects; each case keeps the line where its object starts."""
    try:
        items = _load_json(text)
    except ValueError as exc:
        problems.add(exc.lineno if isinstance(exc, json.JSONDecodeError) else 1, _json_problem(exc))
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


def _csv_rows(text: str, problems: Problems) -> Iterator[tuple[int, Any]]:
    header_line = next((ln for ln in text.splitlines() if ln.strip()), "")
    delimiter = max(
        ",;\t", key=lambda d: (("case_id" in header_line.split(d)), header_line.count(d))
    )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    header_at = 1
    previous_end = 0
    rows = _guarded(reader, problems)
    if rows and _quote_left_open(text, delimiter):
        opened = rows[-2][1] + 1 if len(rows) > 1 else 1
        problems.add(opened, "a quote opened on this line is never closed")
        problems.raise_if_any()
    for values, end in rows:
        start = previous_end + 1
        previous_end = end
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


def _quote_left_open(text: str, delimiter: str) -> bool:
    """Whether the file ends inside a quoted field: the lenient reader takes the rest of the
    file into it, which would import every line after the quote as one case's text."""
    if '"' not in text:
        return False
    strict = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    previous = csv.field_size_limit(MAX_FIELD_BYTES)
    try:
        for _ in strict:
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    finally:
        csv.field_size_limit(previous)
    return False


def _guarded(reader: Any, problems: Problems) -> list[tuple[list[str], int]]:
    """Every CSV row with the line it ends on; a field past the limit ends reading with its line.

    Long case notes are real, so fields may be up to 1 MB (Python's default is
    128 KB). The limit is process-wide, so it is raised only while this file is
    read and put back at once: other CSV readers keep their own.
    """
    previous = csv.field_size_limit(MAX_FIELD_BYTES)
    try:
        return [(values, reader.line_num) for values in reader]
    except csv.Error as exc:
        line = reader.line_num
        if "field larger than field limit" in str(exc):
            problems.add(
                line, f"a field longer than {MAX_FIELD_BYTES // MB} MB (an unclosed quote?)"
            )
        else:
            problems.add(line, f"not readable CSV: {exc}")
        problems.raise_if_any()
        raise AssertionError("unreachable: a problem was just added") from None
    finally:
        csv.field_size_limit(previous)


def _check_header(header: list[str], line: int, problems: Problems) -> bool:
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


def _parse_family(cell: str, line: int, problems: Problems) -> list[dict[str, str]]:
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
