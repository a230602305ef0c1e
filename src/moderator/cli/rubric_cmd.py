"""``moderator rubric``: validate, list and show grading rubrics."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from moderator.cli.common import common_options, emit_json, format_option
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


@rubric.command("list")
@format_option("table", "json")
@common_options
def list_rubrics(fmt: str, db: Path | None, user: str | None) -> None:
    """List the shipped rubrics."""
    from moderator.domain.rubric_files import load_rubric_dir

    rubrics = load_rubric_dir()
    if fmt == "json":
        emit_json([_rubric_json(r) for r in rubrics.values()])
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Rubrics", title_justify="left")
    for col in ("id", "title", "version", "criteria", "limiting", "hash"):
        table.add_column(col)
    for r in rubrics.values():
        limiting = sum(c.limiting for c in r.criteria)
        table.add_row(
            r.id, r.title, r.version, str(len(r.criteria)), str(limiting), r.content_hash[:12]
        )
    Console().print(table)


@rubric.command("show")
@click.argument("rubric_id")
@format_option("tree", "json", default="tree")
@common_options
def show(rubric_id: str, fmt: str, db: Path | None, user: str | None) -> None:
    """Print one rubric as a tree (or JSON): domains, criteria, descriptors, findings."""
    from moderator.domain.grades import Grade
    from moderator.domain.rubric_files import load_rubric_dir, load_shipped_sources

    rubrics = load_rubric_dir()
    if rubric_id not in rubrics:
        raise NotFound(f"no rubric {rubric_id!r}; known: {', '.join(sorted(rubrics))}")
    r = rubrics[rubric_id]
    if fmt == "json":
        emit_json(_rubric_json(r))
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.tree import Tree

    sources = load_shipped_sources()
    rule = r.overall
    root = Tree(
        f"[bold]{escape(r.title)}[/] [dim]({r.id} v{r.version}, hash {r.content_hash[:12]})[/]"
    )
    root.add(f"[italic]{escape(r.description)}[/]")
    limiting = ", ".join(rule.limiting_criteria) or "none"
    root.add(
        f"Overall grade: {rule.method.value} of criterion grades, rounded towards the worse grade;"
        f" limiting ({rule.limiting_mode.value}): {limiting}"
    )
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
                src = sources.get(f.source)
                title = f"{src.title} ({src.date})" if src else f.source
                f_node.add(
                    f'{escape(title)}, para {escape(f.paragraph)}: [italic]"{escape(f.quote)}"[/]'
                )
    Console().print(root)


COMMANDS = [rubric]
