"""``moderator audit``: assign, list, show, grade and submit audits from scripts."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from moderator.cli.common import (
    acting_user,
    common_options,
    criterion_cell,
    criterion_column,
    echo_text,
    emit_json,
    entries_with_titles,
    escape,
    format_option,
    open_for,
    table_console,
)
from moderator.cli.grading_verbs import SheetVerbs, add_grading_verbs
from moderator.domain.service_areas import service_area_label


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
    echo_text(f"audit {audit_id}: {case_ref} assigned to {manager} ({rubric_id}), due {due}")


@audit_group.command("programme")
@click.option("--per-manager", type=int, required=True, help="Cases per manager.")
@click.option("--due", required=True, help="Due date, YYYY-MM-DD.")
@click.option(
    "--rubric", "rubric_id", default=None, help="One rubric for all (default: by service area)."
)
@click.option("--peer", is_flag=True, help="Never give a manager their own team's cases.")
@click.option("--seed", type=int, default=None, help="Random seed, for a reproducible draw.")
@click.option(
    "--calibration-rate",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="Also slip calibration cases in, unannounced, as this share of each programme.",
)
@common_options
@click.pass_context
def programme(
    ctx: click.Context,
    per_manager: int,
    due: str,
    rubric_id: str | None,
    peer: bool,
    seed: int | None,
    calibration_rate: float,
    db: Path | None,
    user: str | None,
) -> None:
    """Assign a monthly programme: N random unaudited cases to every manager (lead only).

    With --calibration-rate, calibration cases (agreed with `calibration agree`)
    are slipped in as well; nothing marks them to the manager until they submit.
    """
    from moderator.services.assignment import programme_outcome
    from moderator.services.audits import assign_programme
    from moderator.services.calibration import slip_calibration_cases

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
        due_date = date.fromisoformat(due.strip())
        # the workbench's sentence: how many, and why a manager got fewer or none
        said = programme_outcome(store, ids, per_manager=per_manager, due=due_date)
        slipped = []
        if calibration_rate > 0:
            slipped = slip_calibration_cases(
                store,
                actor,
                rate=calibration_rate,
                per_manager=per_manager,
                due=due_date,
                programme=f"programme {due_date.isoformat()}",
                seed=seed,
            )
    if slipped:
        cases = "calibration case" if len(slipped) == 1 else "calibration cases"
        said += f" Also slipped in {len(slipped)} {cases}, unannounced."
    click.echo(said)


def _summary_json(s: Any) -> dict[str, Any]:
    data: dict[str, Any] = s.model_dump(mode="json")
    data["overall"] = None if s.overall is None else s.overall.label
    return data


@audit_group.command("list")
@click.option("--status", type=click.Choice(["todo", "draft", "submitted"]), default=None)
@click.option("--search", default=None, help="Filter by case reference, team or service area.")
@click.option("--manager", default=None, help="Only this manager's audits (leads).")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    help="At most this many audits (a page of a long list; default: all).",
)
@click.option(
    "--offset",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="With --limit: skip this many first (the next page starts at offset + limit).",
)
@format_option("table", "json")
@common_options
@click.pass_context
def list_(
    ctx: click.Context,
    status: str | None,
    search: str | None,
    manager: str | None,
    limit: int | None,
    offset: int,
    fmt: str,
    db: Path | None,
    user: str | None,
) -> None:
    """List the audits you may see: your own (manager), all (lead), moderated (moderator)."""
    from moderator.services.audits import list_audits

    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        audits = list_audits(
            store,
            actor,
            status=status,
            search=search,
            manager=manager,
            limit=limit,
            offset=offset if limit is not None else 0,
        )
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
            service_area_label(a.service_area),
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
    if limit is not None and len(audits) == limit:
        click.echo(f"{len(audits)} audit(s) from {offset}; more with --offset {offset + limit}")
    else:
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
    from moderator.services.calibration import calibration_feedback
    from moderator.services.grade_sheet import AUDIT, sheet_version

    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        detail = get_audit(store, actor, audit_id)
        rubric = audit_rubric(store, audit_id)
        # Empty for every audit until it is submitted: nothing marks a calibration case before.
        agreed = calibration_feedback(store, actor, audit_id)
        version = sheet_version(store, AUDIT, audit_id)
    if fmt == "json":
        data = detail.model_dump(mode="json")
        data["version"] = version
        entries_with_titles(data, rubric)
        data["summary"] = _summary_json(detail.summary)
        data["calibration"] = [a.model_dump(mode="json") for a in agreed]
        emit_json(data)
        return
    from rich.console import Console
    from rich.panel import Panel
    from rich.table import Table

    out = Console()
    s = detail.summary
    out.print(
        f"[bold]Audit {s.id}[/] · case {escape(s.case_ref)} · {escape(s.team)} ·"
        f" {escape(service_area_label(s.service_area))} ·"
        f" {escape(rubric.title)} v{escape(rubric.version)} ·"
        f" {escape(s.manager)} · {s.status}"
    )
    out.print(Panel(escape(detail.case_text), title="Case (anonymised)"))
    if detail.blind:
        out.print(
            "[yellow]Blind: the manager's grading is hidden until you submit your moderation.[/]"
        )
        return
    table = Table(criterion_column(rubric), "grade", "evidence note")
    titles = {c.id: c.title for c in rubric.criteria}
    for e in detail.entries:
        table.add_row(
            criterion_cell(titles[e.criterion], e.criterion),
            "" if e.grade is None else e.grade.label,
            escape(e.note),
        )
    out.print(table)
    if detail.overall:
        out.print(f"[bold]Overall:[/] {escape(detail.overall.explanation)}")
    if s.status in ("todo", "draft"):
        out.print(
            f"Version {version}: `moderator audit submit {s.id} --expect-version {version}`"
            " submits only if nothing changed since this was shown."
        )
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
    if agreed:
        panel = Table(
            "criterion", "yours", "agreed", "distance", "the panel's reason",
            title="A calibration case: the grades a panel agreed for it",
        )  # fmt: skip
        for a in agreed:
            panel.add_row(
                escape(a.title),
                "" if a.manager_grade is None else a.manager_grade.label,
                a.agreed_grade.label,
                "" if a.distance is None else f"{a.distance:+d}",
                escape(a.reason),
            )
        out.print(panel)


def _audit_target(store: Any, actor: Any, audit_id: int) -> Any:
    from moderator.services.grading import AuditTarget

    return AuditTarget.open(store, actor, audit_id)


add_grading_verbs(
    audit_group,
    SheetVerbs(
        noun="audit",
        overall="overall",
        target=_audit_target,
        grade_help=(
            "Grade one criterion (1-4, RI, Good, …) with an evidence note; saved as a draft."
            " CRITERION is the id `audit show` gives under each title. Prints the new version,"
            " for the next --expect-version.\n\n"
            "Examples (on the demo: `moderator demo --build-only demo.db`):\n\n"
            "\b\n"
            "  moderator audit grade 171 timeliness Good --note 'Visits within timescales"
            " throughout' --db demo.db --as 'Naomi Okonkwo'\n"
            "  moderator audit grade 171 child-seen-and-heard RI --note 'Seen but not alone'"
            " --db demo.db --as 'Naomi Okonkwo'"
        ),
        override_help=(
            "Override the derived overall grade, with a written reason (10 characters or"
            " more); --clear removes the override.\n\n"
            "Examples (on the demo: `moderator demo --build-only demo.db`):\n\n"
            "\b\n"
            "  moderator audit override 171 RI --reason 'Risk now managed: safety plan agreed"
            " with police' --db demo.db --as 'Naomi Okonkwo'\n"
            "  moderator audit override 171 --clear --db demo.db --as 'Naomi Okonkwo'"
        ),
        submit_help="Submit an audit: checks every criterion has a grade and evidence, then locks it.",
    ),
)


COMMANDS = [audit_group]
