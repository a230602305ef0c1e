"""What is wrong with a rubric's content, each problem at the line of the offending key.

Pydantic validates the plain data; its errors are mapped back to positions and
worded for an author ("did you mean ..."); the checks pydantic cannot make
(duplicate ids, citations, limiting criteria) follow.
"""

from __future__ import annotations

import difflib
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from moderator.domain.grades import Grade
from moderator.domain.rubric import Rubric, Source
from moderator.domain.rubric_yaml import DocPath, Positions, Problem
from moderator.errors import BadInput

SOURCES_FILE = "sources.yaml"
_DESCRIPTOR_FIELDS = {
    Grade.OUTSTANDING: "outstanding",
    Grade.GOOD: "good",
    Grade.REQUIRES_IMPROVEMENT: "requires_improvement",
    Grade.INADEQUATE: "inadequate",
}


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


def normalise_descriptors(
    data: Any, file: str, pos: Positions, problems: list[Problem]
) -> set[DocPath]:
    """Accept any grade spelling as a descriptor key; report unknown and missing grades.

    Returns the descriptor paths it reported on, so the model's own "missing field"
    errors for them are not reported a second time.
    """
    handled: set[DocPath] = set()
    if not isinstance(data, dict) or not isinstance(data.get("domains"), list):
        return handled
    for d_i, domain in enumerate(data["domains"]):
        if not isinstance(domain, dict) or not isinstance(domain.get("criteria"), list):
            continue
        for c_i, crit in enumerate(domain["criteria"]):
            if not isinstance(crit, dict) or not isinstance(crit.get("descriptors"), dict):
                continue
            base: DocPath = ("domains", d_i, "criteria", c_i, "descriptors")
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


def pydantic_problems(
    exc: ValidationError,
    file: str,
    pos: Positions,
    data: Any,
    model: type[BaseModel],
    prefix: DocPath = (),
    skip_missing_under: set[DocPath] | None = None,
) -> list[Problem]:
    """Pydantic's errors as problems at the lines of the keys they concern."""
    problems = []
    for err in exc.errors():
        loc = (*prefix, *err["loc"])
        if err["type"] == "missing" and skip_missing_under and loc[:-1] in skip_missing_under:
            continue
        line, col = pos.at(loc)
        problems.append(Problem(file, line, col, _describe({**err, "loc": loc}, data, model)))
    return problems


def semantic_problems(
    rubric: Rubric, file: str, pos: Positions, sources: dict[str, Source] | None
) -> list[Problem]:
    """What pydantic cannot check: duplicate ids, citations, limiting criteria."""
    problems: list[Problem] = []

    def add(path: DocPath, message: str) -> None:
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
            here: DocPath = ("domains", d_i, "criteria", c_i)
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
        path: DocPath = ("overall", "limiting_criteria", i)
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
