"""Loading rubric YAML strictly, with every problem as ``file:line:col: message``.

YAML is composed into nodes first so that each value keeps its position; the
pydantic models then validate the plain data, and each validation error is
mapped back to the line of the offending key (not the start of the file).
"""

from __future__ import annotations

import difflib
import os
import re
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from moderator.domain.grades import Grade
from moderator.domain.rubric import Rubric, Source
from moderator.errors import BadInput, NotFound

Path_ = tuple[str | int, ...]
SOURCES_FILE = "sources.yaml"
_DESCRIPTOR_FIELDS = {
    Grade.OUTSTANDING: "outstanding",
    Grade.GOOD: "good",
    Grade.REQUIRES_IMPROVEMENT: "requires_improvement",
    Grade.INADEQUATE: "inadequate",
}


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a rubric file, at a 1-based line and column."""

    file: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.message}"


class RubricFileError(BadInput):
    """One or more problems in rubric files; ``problems`` holds them all."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class _Positions:
    """Where each path in the document starts: key position for mapping entries."""

    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def at(self, path: Sequence[str | int]) -> tuple[int, int]:
        probe = tuple(path)
        while probe:
            if probe in self.marks:
                return self.marks[probe]
            probe = probe[:-1]
        return self.marks.get((), (1, 1))


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


_MAX_NODES = 200_000
"""A rubric is a few hundred nodes; anything near this is an alias bomb, not a rubric."""


class _TooLarge(Exception):
    pass


@dataclass
class _Builder:
    """Turns a composed YAML node tree into plain data, recording key positions."""

    file: str
    pos: _Positions
    problems: list[Problem]
    visited: int = 0
    active: set[int] = field(default_factory=set)
    scalars: yaml.constructor.SafeConstructor = field(
        default_factory=yaml.constructor.SafeConstructor
    )

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.visited += 1
        if self.visited > _MAX_NODES:
            raise _TooLarge
        if id(node) in self.active:  # `&a [*a]`: a structure that contains itself
            line, col = _mark(node)
            self.problems.append(Problem(self.file, line, col, "recursive YAML alias"))
            return None
        if isinstance(node, yaml.MappingNode):
            self.active.add(id(node))
            try:
                return self._mapping(node, path)
            finally:
                self.active.discard(id(node))
        if isinstance(node, yaml.SequenceNode):
            self.active.add(id(node))
            try:
                items = []
                for i, item in enumerate(node.value):
                    self.pos.marks.setdefault((*path, i), _mark(item))
                    items.append(self.build(item, (*path, i)))
                return items
            finally:
                self.active.discard(id(node))
        try:
            return self.scalars.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as exc:
            # an unknown `!tag`, or a date-like value such as 2020-13-45
            line, col = _mark(node)
            what = getattr(exc, "problem", None) or str(exc)
            self.problems.append(Problem(self.file, line, col, f"cannot read value: {what}"))
            return str(node.value)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line, col = _mark(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Problem(self.file, line, col, "keys must be plain words"))
                continue
            # The key as written: `1:` stays "1", `yes:` stays "yes" (YAML 1.1 would say True).
            key = str(key_node.value)
            child = (*path, key)
            if key in out:
                first = self.pos.marks.get(child, (line, col))[0]
                self.problems.append(
                    Problem(self.file, line, col, f"duplicate key {key!r} (first at line {first})")
                )
                continue
            self.pos.marks[child] = (line, col)
            out[key] = self.build(value_node, child)
        return out


_QUOTED_VALUE = re.compile(r"""^\s*(?:- )?[^\s#"'][^#"']*:\s+(["'])""")
_KEY_LINE = re.compile(r"^\s*(?:- )?[A-Za-z_][\w-]*:(?:\s|$)")


def _unclosed_quote(text: str, before_line: int) -> tuple[int, int] | None:
    """Where a value opens a quote that runs on over later keys (1-based line, col), if any.

    A quote left open swallows the lines after it, so the parser only complains
    several lines later; pointing at the quote is what helps the author.
    """
    lines = text.splitlines()
    found = None
    for i, line in enumerate(lines[: max(before_line - 1, 0)]):
        match = _QUOTED_VALUE.match(line)
        if not match:
            continue
        quote = match.group(1)
        rest = "\n".join([line[match.end() :], *lines[i + 1 :]])
        # the quoted text: "..." with backslash escapes, or '...' with '' for a quote
        # (possessive, so '' is never mistaken for the closing quote)
        body = r'(?:[^"\\]|\\.)*+"' if quote == '"' else r"(?:[^']|'')*+'"
        closing = re.match(body, rest, re.DOTALL)
        swallowed = rest[: closing.end()] if closing else rest
        if any(_KEY_LINE.match(later) for later in swallowed.split("\n")[1:]):
            found = (i + 1, match.end())
    return found


def _syntax_problem(file: str, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = exc.problem or exc.context or "invalid YAML"
    if exc.problem and exc.context and not exc.context.startswith("while"):
        what = f"{exc.context}, {exc.problem}"  # "expected a single document ..., but found ..."
    quote = _unclosed_quote(text, line)
    if quote is not None:
        return Problem(
            file,
            *quote,
            f"YAML syntax error: this quote is never closed (the parser gave up at line {line}:"
            f" {what})",
        )
    return Problem(file, line, col, f"YAML syntax error: {what}")


def _read_yaml(path: Path) -> tuple[Any, _Positions, list[Problem]]:
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RubricFileError([Problem(file, 1, 1, "file not found")]) from None
    except IsADirectoryError:
        raise RubricFileError([Problem(file, 1, 1, "is a directory, not a rubric file")]) from None
    except UnicodeDecodeError as exc:
        raise RubricFileError(
            [Problem(file, 1, 1, f"not UTF-8 text (byte {exc.start} cannot be decoded)")]
        ) from None
    except OSError as exc:
        raise RubricFileError([Problem(file, 1, 1, f"cannot read: {exc.strerror}")]) from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        raise RubricFileError([_syntax_problem(file, text, exc)]) from None
    except yaml.YAMLError as exc:
        raise RubricFileError([Problem(file, 1, 1, f"YAML syntax error: {exc}")]) from None
    pos = _Positions()
    problems: list[Problem] = []
    if root is None:
        raise RubricFileError([Problem(file, 1, 1, "file is empty")])
    pos.marks[()] = _mark(root)
    try:
        data = _Builder(file, pos, problems).build(root, ())
    except _TooLarge:
        raise RubricFileError(
            [Problem(file, 1, 1, "document too large (or too many aliases) to be a rubric")]
        ) from None
    return data, pos, problems


def _field(loc: Sequence[str | int], data: Any) -> str:
    """A readable name for a location: list items by their ``id`` where they have one.

    ``("domains", 0, "criteria", 2)`` becomes ``domains[safety].criteria[risk]``; an
    item without an id is numbered from 1 (``findings[#2]``).
    """
    parts: list[str] = []
    node = data
    for step in loc:
        if isinstance(step, int):
            item = node[step] if isinstance(node, list) and 0 <= step < len(node) else None
            ident = item.get("id") if isinstance(item, dict) else None
            parts.append(f"[{ident}]" if isinstance(ident, str) and ident else f"[#{step + 1}]")
            node = item
        else:
            parts.append(("." if parts else "") + str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return "".join(parts) or "document"


def _model_at(model: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The pydantic model that validates the mapping at ``loc`` (for "did you mean")."""
    current: Any = model
    for step in loc:
        if isinstance(step, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        else:
            if not (isinstance(current, type) and issubclass(current, BaseModel)):
                return None
            info = current.model_fields.get(step)
            if info is None:
                return None
            current = info.annotation
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _describe(error: Any, data: Any, model: type[BaseModel]) -> str:
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "missing":
        return f"{_field(loc[:-1], data)}: missing required field {loc[-1]!r}"
    if kind == "extra_forbidden":
        hint = ""
        known = _model_at(model, loc[:-1])
        if known is not None:
            close = difflib.get_close_matches(str(loc[-1]), list(known.model_fields), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"{_field(loc[:-1], data)}: unknown key {loc[-1]!r}{hint}"
    msg = str(error["msg"]).removeprefix("Value error, ")
    value = error.get("input")
    if kind in ("bool_parsing", "bool_type"):
        return f"{_field(loc, data)}: must be true or false, not {value!r}"
    if kind == "string_type" and isinstance(value, int | float) and not isinstance(value, bool):
        msg += f', not the number {value!r} (put it in quotes: "{value}")'
    return f"{_field(loc, data)}: {msg}"


def _normalise_descriptors(
    data: Any, file: str, pos: _Positions, problems: list[Problem]
) -> set[Path_]:
    """Accept any grade spelling as a descriptor key; report unknown and missing grades.

    Returns the descriptor paths it reported on, so the model's own "missing field"
    errors for them are not reported a second time.
    """
    handled: set[Path_] = set()
    if not isinstance(data, dict) or not isinstance(data.get("domains"), list):
        return handled
    for d_i, domain in enumerate(data["domains"]):
        if not isinstance(domain, dict) or not isinstance(domain.get("criteria"), list):
            continue
        for c_i, crit in enumerate(domain["criteria"]):
            if not isinstance(crit, dict) or not isinstance(crit.get("descriptors"), dict):
                continue
            base: Path_ = ("domains", d_i, "criteria", c_i, "descriptors")
            where = _field(base, data)
            handled.add(base)
            fixed: dict[str, Any] = {}
            unknown = False
            # positions as written, before any spelling is renamed to its field
            written = {key: pos.at((*base, key)) for key in crit["descriptors"]}
            for key, value in crit["descriptors"].items():
                line, col = written[key]
                try:
                    grade = Grade.parse(str(key).replace("_", " "))
                except BadInput:
                    unknown = True
                    problems.append(
                        Problem(
                            file,
                            line,
                            col,
                            f"{where}: unknown grade {key!r} "
                            "(use outstanding, good, requires_improvement, inadequate)",
                        )
                    )
                    continue
                name = _DESCRIPTOR_FIELDS[grade]
                if name in fixed:
                    problems.append(
                        Problem(
                            file, line, col, f"{where}: descriptor for {grade.label} given twice"
                        )
                    )
                    continue
                pos.marks[(*base, name)] = (line, col)
                fixed[name] = value
            if not unknown:  # after a misspelt grade, "missing" would only repeat it
                line, col = pos.at(base)
                for grade, name in _DESCRIPTOR_FIELDS.items():
                    if name not in fixed:
                        problems.append(
                            Problem(
                                file, line, col, f"{where}: missing descriptor for {grade.label}"
                            )
                        )
            crit["descriptors"] = fixed
    return handled


def _pydantic_problems(
    exc: ValidationError,
    file: str,
    pos: _Positions,
    data: Any,
    model: type[BaseModel],
    prefix: Path_ = (),
    skip_missing_under: set[Path_] | None = None,
) -> list[Problem]:
    problems = []
    for err in exc.errors():
        loc = (*prefix, *err["loc"])
        if err["type"] == "missing" and skip_missing_under and loc[:-1] in skip_missing_under:
            continue
        line, col = pos.at(loc)
        problems.append(Problem(file, line, col, _describe({**err, "loc": loc}, data, model)))
    return problems


def _semantic_problems(
    rubric: Rubric, file: str, pos: _Positions, sources: dict[str, Source] | None
) -> list[Problem]:
    problems: list[Problem] = []

    def add(path: Path_, message: str) -> None:
        line, col = pos.at(path)
        problems.append(Problem(file, line, col, message))

    seen_domains: dict[str, int] = {}
    seen_criteria: dict[str, tuple[int, int]] = {}
    for d_i, domain in enumerate(rubric.domains):
        if domain.id in seen_domains:
            first = pos.at(("domains", seen_domains[domain.id], "id"))[0]
            add(
                ("domains", d_i, "id"), f"duplicate domain id {domain.id!r} (first at line {first})"
            )
        seen_domains.setdefault(domain.id, d_i)
        for c_i, crit in enumerate(domain.criteria):
            here: Path_ = ("domains", d_i, "criteria", c_i)
            if crit.id in seen_criteria:
                f_d, f_c = seen_criteria[crit.id]
                first = pos.at(("domains", f_d, "criteria", f_c, "id"))[0]
                add((*here, "id"), f"duplicate criterion id {crit.id!r} (first at line {first})")
            seen_criteria.setdefault(crit.id, (d_i, c_i))
            if sources is not None:
                for f_i, finding in enumerate(crit.findings):
                    if finding.source not in sources:
                        add(
                            (*here, "findings", f_i, "source"),
                            f"criterion {crit.id!r}: finding cites unregistered source "
                            f"{finding.source!r} (register it in {SOURCES_FILE})",
                        )
            if crit.limiting and crit.id not in rubric.overall.limiting_criteria:
                add(
                    (*here, "limiting"),
                    f"criterion {crit.id!r} is limiting but overall.limiting_criteria ignores it",
                )
    listed: set[str] = set()
    for i, cid in enumerate(rubric.overall.limiting_criteria):
        path: Path_ = ("overall", "limiting_criteria", i)
        if cid in listed:
            add(path, f"overall.limiting_criteria lists {cid!r} twice")
        listed.add(cid)
        if cid not in seen_criteria:
            add(path, f"overall.limiting_criteria names unknown criterion {cid!r}")
        else:
            d_i, c_i = seen_criteria[cid]
            if not rubric.domains[d_i].criteria[c_i].limiting:
                add(path, f"overall.limiting_criteria names {cid!r}, which is not marked limiting")
    return problems


def load_sources(path: Path) -> dict[str, Source]:
    """Load a source registry (``sources.yaml``: a list under ``sources``).

    Raises:
        RubricFileError: listing every problem, each at its line and column.
    """
    path = Path(path)
    data, pos, problems = _read_yaml(path)
    file = str(path)
    if not isinstance(data, dict) or "sources" not in data:
        raise RubricFileError([*problems, Problem(file, 1, 1, "expected a 'sources:' list")])
    if not isinstance(data["sources"], list):
        line, col = pos.at(("sources",))
        raise RubricFileError([*problems, Problem(file, line, col, "'sources' must be a list")])
    for key in data:
        if key != "sources":
            line, col = pos.at((key,))
            problems.append(Problem(file, line, col, f"unknown key {key!r}"))
    registry: dict[str, Source] = {}
    for i, item in enumerate(data["sources"]):
        try:
            src = Source.model_validate(item)
        except ValidationError as exc:
            problems.extend(_pydantic_problems(exc, file, pos, data, Source, ("sources", i)))
            continue
        if src.id in registry:
            line, col = pos.at(("sources", i, "id"))
            problems.append(Problem(file, line, col, f"duplicate source id {src.id!r}"))
        registry[src.id] = src
    if problems:
        raise RubricFileError(problems)
    return registry


def is_sources_file(path: Path) -> bool:
    """True for a source registry rather than a rubric (by name)."""
    return Path(path).name == SOURCES_FILE


def find_sources(rubric_path: Path) -> Path | None:
    """The registry beside a rubric file, else the shipped one."""
    beside = Path(rubric_path).parent / SOURCES_FILE
    if beside.is_file():
        return beside
    shipped = shipped_rubrics_dir() / SOURCES_FILE
    return shipped if shipped.is_file() else None


@dataclass
class _Checked:
    rubric: Rubric | None
    problems: list[Problem]
    id_mark: tuple[int, int] = (1, 1)


def _check_rubric(
    path: Path, sources: dict[str, Source] | None, registry_problems: Sequence[Problem] = ()
) -> _Checked:
    """Every problem in one rubric file. ``sources=None`` skips the citation check."""
    try:
        data, pos, problems = _read_yaml(path)
    except RubricFileError as exc:
        return _Checked(None, list(exc.problems))
    file = str(path)
    problems = [*problems, *registry_problems]
    if not isinstance(data, dict):
        return _Checked(None, [*problems, Problem(file, 1, 1, "a rubric must be a YAML mapping")])
    handled = _normalise_descriptors(data, file, pos, problems)
    try:
        rubric = Rubric.model_validate(data)
    except ValidationError as exc:
        problems.extend(_pydantic_problems(exc, file, pos, data, Rubric, (), handled))
        return _Checked(None, problems)
    problems.extend(_semantic_problems(rubric, file, pos, sources))
    return _Checked(rubric, problems, pos.at(("id",)))


def _registry_problems(path: Path, sources: dict[str, Source] | None) -> list[Problem]:
    if sources is None and find_sources(path) is None:
        return [Problem(str(path), 1, 1, f"no {SOURCES_FILE} beside the rubric to check citations")]
    return []


def load_rubric(path: Path, sources: dict[str, Source] | None = None) -> Rubric:
    """Load and validate one rubric file; raise :class:`RubricFileError` listing every problem.

    ``sources`` is the registry citations are checked against; when omitted
    the ``sources.yaml`` beside the file (or the shipped one) is used.
    """
    path = Path(path)
    _read_yaml(path)  # an unreadable rubric is reported before its registry
    if sources is None:
        registry_path = find_sources(path)
        if registry_path is not None:
            sources = load_sources(registry_path)
    checked = _check_rubric(path, sources, _registry_problems(path, sources))
    if checked.problems or checked.rubric is None:
        raise RubricFileError(checked.problems)
    return checked.rubric


def validate_paths(paths: Iterable[Path]) -> tuple[list[Problem], int]:
    """Validate rubric (and source registry) files; return every problem and the count checked.

    Each registry is read once, and its problems are reported once however many
    rubrics rely on it. Two files giving the same rubric id is a problem too.
    """
    problems: set[Problem] = set()
    registries: dict[Path, dict[str, Source] | None] = {}
    ids: dict[str, str] = {}
    count = 0
    for raw in paths:
        path = Path(raw)
        count += 1
        if is_sources_file(path):
            try:
                load_sources(path)
            except RubricFileError as exc:
                problems.update(exc.problems)
            continue
        registry_path = find_sources(path)
        sources: dict[str, Source] | None = None
        if registry_path is not None:
            key = registry_path.resolve()
            if key not in registries:
                try:
                    registries[key] = load_sources(registry_path)
                except RubricFileError as exc:
                    problems.update(exc.problems)
                    registries[key] = None  # citations cannot be checked
            sources = registries[key]
        checked = _check_rubric(
            path,
            sources,
            [] if registry_path else _registry_problems(path, None),
        )
        problems.update(checked.problems)
        if checked.rubric is not None:
            rid = checked.rubric.id
            if rid in ids and ids[rid] != str(path):
                line, col = checked.id_mark
                problems.add(
                    Problem(str(path), line, col, f"rubric id {rid!r} is also used by {ids[rid]}")
                )
            ids.setdefault(rid, str(path))
    return sorted(problems), count


def shipped_rubrics_dir() -> Path:
    """Where the shipped rubrics live: ``MODERATOR_RUBRICS``, the wheel's data, or the repo."""
    override = os.environ.get("MODERATOR_RUBRICS")
    if override:
        return Path(override)
    here = Path(__file__).resolve()
    packaged = here.parents[1] / "_data" / "rubrics"
    if packaged.is_dir():
        return packaged
    return here.parents[3] / "rubrics"


def load_rubric_dir(directory: Path | None = None) -> dict[str, Rubric]:
    """Load every rubric in a directory (default: the shipped ones), keyed by id.

    Raises:
        NotFound: if the directory does not exist.
        RubricFileError: listing every problem in every file, if any is invalid.
    """
    directory = Path(directory) if directory is not None else shipped_rubrics_dir()
    if not directory.is_dir():
        raise NotFound(f"no rubrics directory at {directory}")
    registry_path = directory / SOURCES_FILE
    sources = load_sources(registry_path) if registry_path.is_file() else {}
    rubrics: dict[str, Rubric] = {}
    first_file: dict[str, str] = {}
    problems: list[Problem] = []
    for path in sorted(directory.glob("*.yaml")):
        if is_sources_file(path):
            continue
        checked = _check_rubric(path, sources)
        problems.extend(checked.problems)
        if checked.rubric is None or checked.problems:
            continue
        rubric = checked.rubric
        if rubric.id in rubrics:
            line, col = checked.id_mark
            problems.append(
                Problem(
                    str(path),
                    line,
                    col,
                    f"rubric id {rubric.id!r} is also used by {first_file[rubric.id]}",
                )
            )
            continue
        rubrics[rubric.id] = rubric
        first_file[rubric.id] = str(path)
    if problems:
        raise RubricFileError(problems)
    return rubrics


def load_shipped_sources() -> dict[str, Source]:
    """The shipped source registry."""
    return load_sources(shipped_rubrics_dir() / SOURCES_FILE)
