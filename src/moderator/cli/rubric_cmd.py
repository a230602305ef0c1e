"""``moderator rubric``: validate, list and show grading rubrics."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from moderator.cli.common import common_options, emit_json, format_option, table_console
from moderator.errors import NotFound


@click.group("rubric")
def rubric() -> None:
    """Grading rubrics: validate, list, show."""


@rubric.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@common_options
def validate(paths: tuple[Path, ...], db: Path | None, user: str | None) -> None:
    """Validate rubric files (and sources.yaml); problems print as file:line:col: message.

    Exit 0 when every file is valid, 1 otherwise.
    """
    from moderator.domain.rubric_files import validate_paths

    problems, count = validate_paths(paths)
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        files = len({p.file for p in problems})
        click.echo(f"{len(problems)} problem(s) in {files} of {count} file(s)", err=True)
        raise SystemExit(1)
    click.echo(f"{count} file(s) valid")


def _rubric_json(rubric: Any) -> dict[str, Any]:
    data: dict[str, Any] = rubric.model_dump(mode="json")
    data["content_hash"] = rubric.content_hash
    data["criteria_count"] = len(rubric.criteria)
    return data


def _rule_words(rubric: Any) -> str:
    """The overall-grade rule in one sentence, for people."""
    rule = rubric.overall
    method = {
        "median": "the median of the criterion grades (between two grades, the worse one)",
        "mean": "the mean of the criterion grades, to the nearest grade (halfway: the worse one)",
        "worst": "the worst criterion grade",
    }[rule.method.value]
    if not rule.limiting_criteria:
        return f"Overall grade: {method}."
    titles = "; ".join(rubric.criterion(cid).title for cid in rule.limiting_criteria)
    one = len(rule.limiting_criteria) == 1
    if rule.limiting_mode.value == "inadequate":
        effect = f"if {'it' if one else 'any of these'} is Inadequate, the case is Inadequate"
    else:
        effect = f"the case is graded no better than {'it' if one else 'the worst of these'}"
    return f"Overall grade: {method}. Limiting: {titles} ({effect})."


def _is_path(rubric_id: str) -> bool:
    return rubric_id.endswith((".yaml", ".yml")) or "/" in rubric_id


def _load_one(rubric_id: str) -> tuple[Any, dict[str, Any]]:
    """A shipped rubric by id, or a rubric file by path (to preview a draft), and its sources."""
    from moderator.domain.rubric_files import (
        find_sources,
        load_rubric,
        load_rubric_dir,
        load_shipped_sources,
        load_sources,
    )

    if _is_path(rubric_id):
        registry = find_sources(Path(rubric_id))
        sources = load_sources(registry) if registry else {}
        return load_rubric(Path(rubric_id), sources if registry else None), sources
    rubrics = load_rubric_dir()
    if rubric_id not in rubrics:
        raise NotFound(f"no rubric {rubric_id!r}; known: {', '.join(sorted(rubrics)) or 'none'}")
    return rubrics[rubric_id], dict(load_shipped_sources())


@rubric.command("list")
@format_option("table", "json")
@common_options
def list_rubrics(fmt: str, db: Path | None, user: str | None) -> None:
    """List the shipped rubrics (JSON: every rubric in full, with its content hash).

    `moderator rubric show ID` prints one as a tree, with its content hash.
    """
    from moderator.domain.rubric_files import load_rubric_dir

    rubrics = load_rubric_dir()
    if fmt == "json":
        emit_json([_rubric_json(r) for r in rubrics.values()])
        return
    from rich.table import Table

    table = Table(title="Rubrics", title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("title")
    table.add_column("service area")
    table.add_column("criteria")
    table.add_column("version")
    for r in rubrics.values():
        limiting = sum(c.limiting for c in r.criteria)
        area = (r.service_area or "any").replace("_", " ")
        table.add_row(
            r.id,
            r.title,
            area,
            f"{len(r.criteria)} ({limiting} limiting)",
            r.version,
        )
    table_console().print(table)


@rubric.command("show")
@click.argument("rubric_id", metavar="ID")
@format_option("tree", "json", default="tree")
@common_options
def show(rubric_id: str, fmt: str, db: Path | None, user: str | None) -> None:
    """Print one rubric as a tree (or JSON): domains, criteria, descriptors, findings.

    ID is a shipped rubric's id (see `moderator rubric list`) or the path of a
    rubric file, to preview a draft.
    """
    from moderator.domain.grades import Grade

    r, sources = _load_one(rubric_id)
    if fmt == "json":
        emit_json(_rubric_json(r))
        return
    from rich.console import Console
    from rich.tree import Tree

    from moderator.cli.common import escape

    area = (r.service_area or "any service area").replace("_", " ")
    root = Tree(
        f"[bold]{escape(r.title)}[/] [dim]({r.id} v{r.version}, {area},"
        f" hash {r.content_hash[:12]})[/]"
    )
    root.add(f"[italic]{escape(r.description)}[/]")
    root.add(escape(_rule_words(r)))
    cited: list[str] = []
    for domain in r.domains:
        d_node = root.add(f"[bold cyan]{escape(domain.title)}[/] [dim]{domain.id}[/]")
        for c in domain.criteria:
            tag = " [bold red]LIMITING[/]" if c.limiting else ""
            c_node = d_node.add(f"[bold]{escape(c.title)}[/]{tag} [dim]{c.id}[/]")
            c_node.add(f"[yellow]?[/] {escape(c.question)}")
            g_node = c_node.add("Descriptors")
            for g in Grade:
                g_node.add(f"[bold]{g.label}[/]: {escape(c.descriptors.for_grade(g))}")
            f_node = c_node.add("Derived from")
            for f in c.findings:
                if f.source not in cited:
                    cited.append(f.source)
                f_node.add(
                    f'[dim]{escape(f.source)}[/], {escape(f.locator)}: [italic]"{escape(f.quote)}"[/]'
                )
    s_node = root.add("[bold]Sources[/]")
    for sid in cited:
        src = sources.get(sid)
        label = f"{src.title} ({src.authority}, {src.date})" if src else "not registered"
        s_node.add(f"[dim]{escape(sid)}[/]: {escape(label)}")
    Console().print(root)


COMMANDS = [rubric]
