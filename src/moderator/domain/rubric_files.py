"""Loading rubric YAML strictly, with every problem as ``file:line:col: message``.

YAML is composed into nodes first so that each value keeps its position; the
pydantic models then validate the plain data, and each validation error is
mapped back to the line of the offending key (not the start of the file).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from moderator.domain.grades import Grade
from moderator.domain.rubric import Rubric, Source
from moderator.errors import BadInput

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


def _construct(
    node: yaml.Node, path: Path_, pos: _Positions, problems: list[Problem], file: str
) -> Any:
    """Turn a composed node into plain data, recording positions and duplicate keys."""
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = yaml.safe_load(yaml.serialize(key_node)) if key_node.value != "" else ""
            if isinstance(key, bool | int | float):
                key = str(key_node.value)
            child = (*path, key)
            line, col = _mark(key_node)
            if key in out:
                problems.append(Problem(file, line, col, f"duplicate key {key!r}"))
                continue
            pos.marks[child] = (line, col)
            out[key] = _construct(value_node, child, pos, problems, file)
        return out
    if isinstance(node, yaml.SequenceNode):
        items = []
        for i, item in enumerate(node.value):
            pos.marks[(*path, i)] = _mark(item)
            items.append(_construct(item, (*path, i), pos, problems, file))
        return items
    return yaml.safe_load(yaml.serialize(node))


def _read_yaml(path: Path) -> tuple[Any, _Positions, list[Problem]]:
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8")
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
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or exc.context or "invalid YAML"
        raise RubricFileError([Problem(file, line, col, f"YAML syntax error: {what}")]) from None
    except yaml.YAMLError as exc:
        raise RubricFileError([Problem(file, 1, 1, f"YAML syntax error: {exc}")]) from None
    pos = _Positions()
    problems: list[Problem] = []
    if root is None:
        raise RubricFileError([Problem(file, 1, 1, "file is empty")])
    pos.marks[()] = _mark(root)
    data = _construct(root, (), pos, problems, file)
    return data, pos, problems


def _describe(error: Any) -> str:
    loc = [str(p) for p in error["loc"]]
    where = ".".join(loc) if loc else "document"
    kind = error["type"]
    if kind == "missing":
        return f"{where}: missing required field {loc[-1]!r}"
    if kind == "extra_forbidden":
        return f"{where}: unknown key {loc[-1]!r}"
    msg = str(error["msg"])
    msg = msg.removeprefix("Value error, ")
    return f"{where}: {msg}"


def _pydantic_problems(exc: ValidationError, file: str, pos: _Positions) -> list[Problem]:
    problems = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        line, col = pos.at(loc)
        problems.append(Problem(file, line, col, _describe(err)))
    return problems


def _normalise_descriptors(data: Any, file: str, pos: _Positions, problems: list[Problem]) -> None:
    """Accept any grade spelling as a descriptor key; report unknown and missing grades."""
    if not isinstance(data, dict):
        return
    for d_i, domain in enumerate(data.get("domains") or []):
        if not isinstance(domain, dict):
            continue
        for c_i, crit in enumerate(domain.get("criteria") or []):
            if not isinstance(crit, dict) or not isinstance(crit.get("descriptors"), dict):
                continue
            base: Path_ = ("domains", d_i, "criteria", c_i, "descriptors")
            fixed: dict[str, Any] = {}
            for key, value in crit["descriptors"].items():
                try:
                    grade = Grade.parse(str(key).replace("_", " "))
                except BadInput:
                    line, col = pos.at((*base, key))
                    problems.append(
                        Problem(
                            file,
                            line,
                            col,
                            f"{'.'.join(map(str, base))}: unknown grade {key!r} "
                            "(use outstanding, good, requires_improvement, inadequate)",
                        )
                    )
                    continue
                name = _DESCRIPTOR_FIELDS[grade]
                if name in fixed:
                    line, col = pos.at((*base, key))
                    problems.append(
                        Problem(file, line, col, f"descriptor for {grade.label} given twice")
                    )
                    continue
                pos.marks[(*base, name)] = pos.at((*base, key))
                fixed[name] = value
            for grade, name in _DESCRIPTOR_FIELDS.items():
                if name not in fixed and not any(
                    p.message.startswith(f"{'.'.join(map(str, base))}: unknown grade")
                    for p in problems
                ):
                    line, col = pos.at(base)
                    problems.append(
                        Problem(
                            file,
                            line,
                            col,
                            f"{'.'.join(map(str, base))}: missing descriptor for {grade.label}",
                        )
                    )
            crit["descriptors"] = fixed


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
            add(("domains", d_i, "id"), f"duplicate domain id {domain.id!r}")
        seen_domains.setdefault(domain.id, d_i)
        for c_i, crit in enumerate(domain.criteria):
            here: Path_ = ("domains", d_i, "criteria", c_i)
            if crit.id in seen_criteria:
                first = pos.at(
                    ("domains", seen_criteria[crit.id][0], "criteria", seen_criteria[crit.id][1])
                )
                add((*here, "id"), f"duplicate criterion id {crit.id!r} (first at line {first[0]})")
            seen_criteria.setdefault(crit.id, (d_i, c_i))
            if sources is not None:
                for f_i, finding in enumerate(crit.findings):
                    if finding.source not in sources:
                        add(
                            (*here, "findings", f_i, "source"),
                            f"finding cites unregistered source {finding.source!r} "
                            f"(register it in {SOURCES_FILE})",
                        )
            if crit.limiting and crit.id not in rubric.overall.limiting_criteria:
                add(
                    (*here, "limiting"),
                    f"criterion {crit.id!r} is limiting but overall.limiting_criteria ignores it",
                )
    for i, cid in enumerate(rubric.overall.limiting_criteria):
        path: Path_ = ("overall", "limiting_criteria", i)
        if cid not in seen_criteria:
            add(path, f"overall.limiting_criteria names unknown criterion {cid!r}")
        else:
            d_i, c_i = seen_criteria[cid]
            if not rubric.domains[d_i].criteria[c_i].limiting:
                add(path, f"overall.limiting_criteria names {cid!r}, which is not marked limiting")
    return problems


def load_sources(path: Path) -> dict[str, Source]:
    """Load a source registry (``sources.yaml``: a list under ``sources``)."""
    data, pos, problems = _read_yaml(path)
    file = str(path)
    if not isinstance(data, dict) or "sources" not in data:
        raise RubricFileError([*problems, Problem(file, 1, 1, "expected a 'sources:' list")])
    if not isinstance(data["sources"], list):
        line, col = pos.at(("sources",))
        raise RubricFileError([*problems, Problem(file, line, col, "'sources' must be a list")])
    extra = [k for k in data if k != "sources"]
    for key in extra:
        line, col = pos.at((key,))
        problems.append(Problem(file, line, col, f"unknown key {key!r}"))
    registry: dict[str, Source] = {}
    for i, item in enumerate(data["sources"]):
        try:
            src = Source.model_validate(item)
        except ValidationError as exc:
            for err in exc.errors():
                loc = ("sources", i, *err["loc"])
                line, col = pos.at(loc)
                problems.append(
                    Problem(file, line, col, _describe({**err, "loc": ("sources", i, *err["loc"])}))
                )
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
    return path.name == SOURCES_FILE


def find_sources(rubric_path: Path) -> Path | None:
    """The registry beside a rubric file, else the shipped one."""
    beside = rubric_path.parent / SOURCES_FILE
    if beside.is_file():
        return beside
    shipped = shipped_rubrics_dir() / SOURCES_FILE
    return shipped if shipped.is_file() else None


def load_rubric(path: Path, sources: dict[str, Source] | None = None) -> Rubric:
    """Load and validate one rubric file; raise :class:`RubricFileError` listing every problem.

    ``sources`` is the registry citations are checked against; when omitted
    the ``sources.yaml`` beside the file (or the shipped one) is used.
    """
    path = Path(path)
    if sources is None:
        registry_path = find_sources(path)
        if registry_path is None:
            raise RubricFileError(
                [
                    Problem(
                        str(path), 1, 1, f"no {SOURCES_FILE} beside the rubric to check citations"
                    )
                ]
            )
        sources = load_sources(registry_path)
    data, pos, problems = _read_yaml(path)
    file = str(path)
    if not isinstance(data, dict):
        raise RubricFileError([*problems, Problem(file, 1, 1, "a rubric must be a YAML mapping")])
    _normalise_descriptors(data, file, pos, problems)
    try:
        rubric = Rubric.model_validate(data)
    except ValidationError as exc:
        raise RubricFileError([*problems, *_pydantic_problems(exc, file, pos)]) from None
    problems.extend(_semantic_problems(rubric, file, pos, sources))
    if problems:
        raise RubricFileError(problems)
    return rubric


def validate_paths(paths: Iterable[Path]) -> tuple[list[Problem], int]:
    """Validate rubric (and source registry) files; return every problem and the count checked."""
    problems: list[Problem] = []
    count = 0
    for raw in paths:
        path = Path(raw)
        count += 1
        try:
            if is_sources_file(path):
                load_sources(path)
            else:
                load_rubric(path)
        except RubricFileError as exc:
            problems.extend(exc.problems)
    return problems, count


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
    """Load every rubric in a directory (default: the shipped ones), keyed by id."""
    directory = directory or shipped_rubrics_dir()
    registry_path = directory / SOURCES_FILE
    sources = load_sources(registry_path) if registry_path.is_file() else {}
    rubrics: dict[str, Rubric] = {}
    problems: list[Problem] = []
    for path in sorted(directory.glob("*.yaml")):
        if is_sources_file(path):
            continue
        try:
            rubric = load_rubric(path, sources)
        except RubricFileError as exc:
            problems.extend(exc.problems)
            continue
        if rubric.id in rubrics:
            problems.append(Problem(str(path), 1, 1, f"rubric id {rubric.id!r} used twice"))
        rubrics[rubric.id] = rubric
    if problems:
        raise RubricFileError(problems)
    return rubrics


def load_shipped_sources() -> dict[str, Source]:
    """The shipped source registry."""
    return load_sources(shipped_rubrics_dir() / SOURCES_FILE)
