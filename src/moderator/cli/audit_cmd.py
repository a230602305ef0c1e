"""``moderator audit``: assign, list, show, grade and submit audits from scripts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from moderator.cli.common import (
    acting_user,
    common_options,
    emit_json,
    escape,
    format_option,
    open_for,
    table_console,
)


@click.group("audit")
def audit_group() -> None:
    """Audits: assign (lead), list, show, grade and submit (manager)."""


@audit_group.command("assign")
@click.argument("case_ref")
@click.option("--to", "manager", required=True, help="The manager who will audit the case.")
@click.option("--rubric", "rubric_id", required=True, help="Rubric id (see `rubric list`).")
@click.option("--due", required=True, help="Due date, YYYY-MM-DD.")
@common_options
@click.pass_context
def assign(
    ctx: click.Context,
    case_ref: str,
    manager: str,
    rubric_id: str,
    due: str,
    db: Path | None,
    user: str | None,
) -> None:
    """Assign one case to a manager for audit (lead only)."""
    from moderator.services.audits import assign_audit

    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        audit_id = assign_audit(store, actor, case_ref, manager, rubric_id, due)
    click.echo(f"audit {audit_id}: {case_ref} assigned to {manager} ({rubric_id}), due {due}")


@audit_group.command("programme")
@click.option("--per-manager", type=int, required=True, help="Cases per manager.")
@click.option("--due", required=True, help="Due date, YYYY-MM-DD.")
@click.option(
    "--rubric", "rubric_id", default=None, help="One rubric for all (default: by service area)."
)
@click.option("--peer", is_flag=True, help="Never give a manager their own team's cases.")
@click.option("--seed", type=int, default=None, help="Random seed, for a reproducible draw.")
@common_options
@click.pass_context
def programme(
    ctx: click.Context,
    per_manager: int,
    due: str,
    rubric_id: str | None,
    peer: bool,
    seed: int | None,
    db: Path | None,
    user: str | None,
) -> None:
    """Assign a monthly programme: N random unaudited cases to every manager (lead only)."""
    from moderator.services.audits import assign_programme

    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        ids = assign_programme(
            store,
            actor,
            per_manager=per_manager,
            due=due,
            rubric_id=rubric_id,
            exclude_own_team=peer,
            seed=seed,
        )
    click.echo(f"assigned {len(ids)} audit(s), due {due}")


def _summary_json(s: Any) -> dict[str, Any]:
    data: dict[str, Any] = s.model_dump(mode="json")
    data["overall"] = None if s.overall is None else s.overall.label
    return data


@audit_group.command("list")
@click.option("--status", type=click.Choice(["todo", "draft", "submitted"]), default=None)
@click.option("--search", default=None, help="Filter by case reference, team or service area.")
@click.option("--manager", default=None, help="Only this manager's audits (leads).")
@format_option("table", "json")
@common_options
@click.pass_context
def list_(
    ctx: click.Context,
    status: str | None,
    search: str | None,
    manager: str | None,
    fmt: str,
    db: Path | None,
    user: str | None,
) -> None:
    """List the audits you may see: your own (manager), all (lead), moderated (moderator)."""
    from moderator.services.audits import list_audits

    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        audits = list_audits(store, actor, status=status, search=search, manager=manager)
    if fmt == "json":
        emit_json([_summary_json(a) for a in audits])
        return
    from rich.table import Table

    show_manager = actor.role.value != "manager"
    headers = ["id", "case", "team", "area", "rubric", "status", "progress", "due", "overall"]
    if show_manager:
        headers.insert(5, "manager")
    table = Table(*headers)
    for a in audits:
        cells = [
            str(a.id),
            a.case_ref,
            a.team,
            a.service_area.replace("_", " "),
            a.rubric_id,
            a.status,
            f"{a.graded}/{a.total}",
            "" if a.due is None else a.due.isoformat(),
            "" if a.overall is None else a.overall.label,
        ]
        if show_manager:
            cells.insert(5, a.manager)
        table.add_row(*(escape(c) for c in cells))
    table_console().print(table)
    click.echo(f"{len(audits)} audit(s)")


@audit_group.command("show")
@click.argument("audit_id", type=int)
@format_option("text", "json", default="text")
@common_options
@click.pass_context
def show(ctx: click.Context, audit_id: int, fmt: str, db: Path | None, user: str | None) -> None:
    """Show one audit: case text, grades and notes, derived overall grade.

    A moderator sees the case only (blind) until their own moderation is submitted.
    """
    from moderator.services.audits import audit_rubric, get_audit

    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        detail = get_audit(store, actor, audit_id)
        rubric = audit_rubric(store, audit_id)
    if fmt == "json":
        data = detail.model_dump(mode="json")
        data["summary"] = _summary_json(detail.summary)
        emit_json(data)
        return
    from rich.console import Console
    from rich.panel import Panel
    from rich.table import Table

    out = Console()
    s = detail.summary
    out.print(
        f"[bold]Audit {s.id}[/] · case {s.case_ref} · {s.team} · {s.service_area} · "
        f"{rubric.title} v{rubric.version} · {s.manager} · {s.status}"
    )
    out.print(Panel(escape(detail.case_text), title="Case (anonymised)"))
    if detail.blind:
        out.print(
            "[yellow]Blind: the manager's grading is hidden until you submit your moderation.[/]"
        )
        return
    table = Table("criterion", "grade", "evidence note")
    titles = {c.id: c.title for c in rubric.criteria}
    for e in detail.entries:
        table.add_row(titles[e.criterion], "" if e.grade is None else e.grade.label, escape(e.note))
    out.print(table)
    if detail.overall:
        out.print(f"[bold]Overall:[/] {escape(detail.overall.explanation)}")
    if detail.feedback:
        overall_row = detail.feedback[-1]
        review = Table("criterion", "yours", "moderated", "drift", "rationale", title="Moderation")
        for fb in detail.feedback:
            drift = fb.get("drift")
            review.add_row(
                escape(fb["title"]),
                fb.get("manager_grade") or "",
                fb.get("moderated_grade") or "",
                "" if drift is None else f"{drift:+d}",
                escape(fb.get("rationale") or ("agreed" if drift == 0 else "")),
            )
        out.print(review)
        out.print(
            f"[bold]Moderation outcome:[/] {overall_row.get('outcome')}"
            f" (moderated by {escape(str(overall_row.get('moderator') or ''))})"
        )


@audit_group.command("grade")
@click.argument("audit_id", type=int)
@click.argument("criterion")
@click.argument("grade")
@click.option("--note", default=None, help="Evidence note (required before submitting).")
@common_options
@click.pass_context
def grade(
    ctx: click.Context,
    audit_id: int,
    criterion: str,
    grade: str,
    note: str | None,
    db: Path | None,
    user: str | None,
) -> None:
    """Grade one criterion (1-4, RI, Good, …) with an evidence note; saved as a draft."""
    from moderator.domain.grades import Grade
    from moderator.services.audits import get_audit, save_criterion

    parsed = Grade.parse(grade)
    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        save_criterion(store, actor, audit_id, criterion, grade=parsed, note=note)
        detail = get_audit(store, actor, audit_id)
    assert detail.overall is not None
    click.echo(
        f"audit {audit_id}: {criterion} = {parsed.label}; "
        f"{detail.summary.graded}/{detail.summary.total} graded; overall {detail.overall.explanation}"
    )


@audit_group.command("override")
@click.argument("audit_id", type=int)
@click.argument("grade", required=False)
@click.option("--reason", default=None, help="Why the derived overall grade is wrong (required).")
@click.option("--clear", is_flag=True, help="Remove the override.")
@common_options
@click.pass_context
def override(
    ctx: click.Context,
    audit_id: int,
    grade: str | None,
    reason: str | None,
    clear: bool,
    db: Path | None,
    user: str | None,
) -> None:
    """Override the derived overall grade, with a written reason."""
    from moderator.domain.grades import Grade
    from moderator.services.audits import set_override

    if not clear and grade is None:
        raise click.UsageError("give a GRADE (or --clear)")
    parsed = None if clear else Grade.parse(grade)
    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        set_override(store, actor, audit_id, parsed, reason)
    click.echo(
        f"audit {audit_id}: overall "
        + ("override cleared" if parsed is None else f"overridden to {parsed.label}")
    )


@audit_group.command("submit")
@click.argument("audit_id", type=int)
@common_options
@click.pass_context
def submit(ctx: click.Context, audit_id: int, db: Path | None, user: str | None) -> None:
    """Submit an audit: checks every criterion has a grade and evidence, then locks it."""
    from moderator.services.audits import submit_audit

    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        detail = submit_audit(store, actor, audit_id)
    assert detail.overall is not None and detail.overall.final is not None
    click.echo(f"audit {audit_id} submitted: overall {detail.overall.final.label} (now read-only)")


COMMANDS = [audit_group]
