"""Loading rubric YAML strictly, with every problem as ``file:line:col: message``.

YAML is composed into nodes first so that each value keeps its position; the
pydantic models then validate the plain data, and each validation error is
mapped back to the line of the offending key (not the start of the file).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from moderator.domain.rubric import Rubric, Source
from moderator.domain.rubric_checks import (
    SOURCES_FILE,
    normalise_descriptors,
    pydantic_problems,
    semantic_problems,
)
from moderator.domain.rubric_yaml import Problem, RubricFileError, read_yaml
from moderator.errors import NotFound

__all__ = [
    "SOURCES_FILE",
    "Problem",
    "RubricFileError",
    "find_sources",
    "is_sources_file",
    "load_rubric",
    "load_rubric_dir",
    "load_shipped_sources",
    "load_sources",
    "shipped_rubrics_dir",
    "validate_paths",
]


def load_sources(path: Path) -> dict[str, Source]:
    """Load a source registry (``sources.yaml``: a list under ``sources``).

    Raises:
        RubricFileError: listing every problem, each at its line and column.
    """
    path = Path(path)
    data, pos, problems = read_yaml(path)
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
            problems.extend(pydantic_problems(exc, file, pos, data, Source, ("sources", i)))
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
        data, pos, problems = read_yaml(path)
    except RubricFileError as exc:
        return _Checked(None, list(exc.problems))
    file = str(path)
    problems = [*problems, *registry_problems]
    if not isinstance(data, dict):
        return _Checked(None, [*problems, Problem(file, 1, 1, "a rubric must be a YAML mapping")])
    handled = normalise_descriptors(data, file, pos, problems)
    try:
        rubric = Rubric.model_validate(data)
    except ValidationError as exc:
        problems.extend(pydantic_problems(exc, file, pos, data, Rubric, (), handled))
        return _Checked(None, problems)
    problems.extend(semantic_problems(rubric, file, pos, sources))
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
    read_yaml(path)  # an unreadable rubric is reported before its registry
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


_chosen_rubrics_dir: Path | None = None


def use_rubrics_dir(directory: Path | None) -> None:
    """Use ``directory`` in place of the shipped rubrics (None: the shipped ones again).

    The faces call this with the configured rubrics directory (the domain reads no settings).
    """
    global _chosen_rubrics_dir
    _chosen_rubrics_dir = None if directory is None else Path(directory)


def shipped_rubrics_dir() -> Path:
    """Where the rubrics in use live: the directory the faces chose, the wheel's data, or the repo."""
    if _chosen_rubrics_dir is not None:
        return _chosen_rubrics_dir
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
