"""Reading rubric YAML with every value's position, and the problems found as ``file:line:col``.

YAML is composed into nodes first so that each value keeps its position; the
plain data built from them is what the models validate (see
:mod:`moderator.domain.rubric_checks`), and each problem points at its line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from moderator.domain.limits import MAX_DEPTH, MAX_RUBRIC_BYTES, MB, open_for_reading
from moderator.errors import BadInput

DocPath = tuple[str | int, ...]


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
class Positions:
    """Where each path in the document starts: key position for mapping entries."""

    marks: dict[DocPath, tuple[int, int]] = field(default_factory=dict)

    def at(self, path: Sequence[str | int]) -> tuple[int, int]:
        probe = tuple(path)
        while probe:
            if probe in self.marks:
                return self.marks[probe]
            probe = probe[:-1]
        return self.marks.get((), (1, 1))


def _mark(node: yaml.Node | yaml.Event) -> tuple[int, int]:
    mark = node.start_mark
    return (1, 1) if mark is None else (mark.line + 1, mark.column + 1)


_MAX_NODES = 200_000
"""A rubric is a few hundred nodes; anything near this is an alias bomb, not a rubric."""


class _TooLarge(Exception):
    pass


@dataclass
class _Builder:
    """Turns a composed YAML node tree into plain data, recording key positions."""

    file: str
    pos: Positions
    problems: list[Problem]
    visited: int = 0
    active: set[int] = field(default_factory=set)
    scalars: yaml.constructor.SafeConstructor = field(
        default_factory=yaml.constructor.SafeConstructor
    )

    def build(self, node: yaml.Node, path: DocPath) -> Any:
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

    def _mapping(self, node: yaml.MappingNode, path: DocPath) -> dict[str, Any]:
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


def _line_col(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of a character index in ``text``."""
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def _read_text(path: Path) -> str:
    """A rubric file's text: within the size limit, UTF-8, or a problem at its line:col."""
    file = str(path)
    try:
        with open_for_reading(path, "rubric file") as f:
            data = f.read(MAX_RUBRIC_BYTES + 1)
    except BadInput as exc:  # a named pipe nothing was written to
        raise RubricFileError(
            [Problem(file, 1, 1, exc.message.removeprefix(f"{file}: "))]
        ) from None
    except FileNotFoundError:
        raise RubricFileError([Problem(file, 1, 1, "file not found")]) from None
    except IsADirectoryError:
        raise RubricFileError([Problem(file, 1, 1, "is a directory, not a rubric file")]) from None
    except OSError as exc:
        raise RubricFileError([Problem(file, 1, 1, f"cannot read: {exc.strerror}")]) from None
    if len(data) > MAX_RUBRIC_BYTES:
        raise RubricFileError(
            [Problem(file, 1, 1, f"more than {MAX_RUBRIC_BYTES // MB} MB: too big for a rubric")]
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8-sig", errors="replace")
        line, col = _line_col(good, len(good))
        raise RubricFileError(
            [Problem(file, line, col, f"not UTF-8 text (byte {exc.start} cannot be decoded)")]
        ) from None


def _check_depth(file: str, text: str) -> None:
    """Refuse nesting deeper than any rubric needs, at the line where it goes too deep.

    YAML's events come from a state machine, not recursion, so this is safe on
    a document nested thousands deep; composing it would not be.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    line, col = _mark(event)
                    raise RubricFileError(
                        [Problem(file, line, col, f"nested more than {MAX_DEPTH} levels deep")]
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return  # composing reports it, with the same position


def read_yaml(path: Path) -> tuple[Any, Positions, list[Problem]]:
    """A YAML file as plain data, where each value is, and the problems found building it.

    Raises:
        RubricFileError: when the file cannot be read or is not YAML at all.
    """
    file = str(path)
    text = _read_text(path)
    _check_depth(file, text)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        raise RubricFileError([_syntax_problem(file, text, exc)]) from None
    except yaml.reader.ReaderError as exc:  # a control character: say where it is
        line, col = _line_col(text, exc.position)
        raise RubricFileError(
            [Problem(file, line, col, f"control character U+{exc.character:04X} is not allowed")]
        ) from None
    except yaml.YAMLError as exc:
        raise RubricFileError([Problem(file, 1, 1, f"YAML syntax error: {exc}")]) from None
    except RecursionError:  # _check_depth stops this first; kept for safety
        raise RubricFileError([Problem(file, 1, 1, "nested too deeply to be a rubric")]) from None
    pos = Positions()
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
