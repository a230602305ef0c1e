"""``moderator moderation …``: the queue, blind grading, and the review of disagreements.

A thin face: every rule (roles, blindness, completeness) lives in the services;
the grading verbs are shared with ``moderator audit`` (:mod:`moderator.cli.grading_verbs`).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import click

from moderator.cli.common import (
    acting_user,
    common_options,
    criterion_cell,
    criterion_column,
    emit_json,
    entries_with_titles,
    escape,
    format_option,
    open_for,
    table_console,
)
from moderator.cli.grading_verbs import (
    SheetVerbs,
    add_grading_verbs,
    expect_version_option,
    what_next_if_changed,
)
from moderator.domain.service_areas import service_area_label
from moderator.errors import BadInput
from moderator.files import write_private


def _grade_text(grade: Any) -> str:
    return "" if grade is None else str(grade.label)


@click.group("moderation")
def moderation_group() -> None:
    """Moderation: your queue, blind grading, submit, then review disagreements."""


@moderation_group.command("list")
@click.option(
    "--status", type=click.Choice(["todo", "draft", "submitted", "reviewed"]), default=None
)
@click.option("--mine", is_flag=True, help="Only moderations assigned to you (not claimable ones).")
@format_option("table", "json")
@common_options
@click.pass_context
def list_(
    ctx: click.Context,
    status: str | None,
    mine: bool,
    fmt: str,
    db: Path | None,
    user: str | None,
) -> None:
    """Your moderation queue (moderator: yours and unassigned ones; lead: all)."""
    from moderator.services.moderation import moderation_queue

    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        queue = moderation_queue(store, actor, status=status, include_unassigned=not mine)
    if fmt == "json":
        emit_json([m.model_dump(mode="json") for m in queue])
        return
    from rich.table import Table

    table = Table(
        "id", "audit", "case", "area", "rubric", "moderator", "status", "progress", "outcome"
    )
    for m in queue:
        audit = (
            str(m.audit_id)
            if m.audit_id is not None
            else f"{m.remote_audit_id} @ {m.source_authority or 'external'}"
        )
        table.add_row(
            *map(
                escape,
                (
                    str(m.id),
                    audit,
                    m.case_ref,
                    service_area_label(m.service_area),
                    m.rubric_id,
                    m.moderator or ("(in a pack)" if m.external else "(unassigned)"),
                    m.status,
                    f"{m.graded}/{m.total}",
                    m.outcome or "",
                ),
            )
        )
    table_console().print(table)
    click.echo(f"{len(queue)} moderation(s)")


@moderation_group.command("show")
@click.argument("moderation_id", type=int)
@format_option("text", "json", default="text")
@common_options
@click.pass_context
def show(
    ctx: click.Context, moderation_id: int, fmt: str, db: Path | None, user: str | None
) -> None:
    """Show a moderation: the case and your own grading (never the manager's)."""
    from moderator.services.grade_sheet import MODERATION, sheet_version
    from moderator.services.moderation import get_moderation, moderation_rubric

    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        detail = get_moderation(store, actor, moderation_id)
        rubric = moderation_rubric(store, moderation_id)
        # what `moderation submit --expect-version` compares with, as `audit show` gives it
        version = sheet_version(store, MODERATION, moderation_id)
    if fmt == "json":
        data = detail.model_dump(mode="json")
        data["version"] = version
        entries_with_titles(data, rubric)
        emit_json(data)
        return
    from rich.console import Console
    from rich.panel import Panel
    from rich.table import Table

    out = Console()
    s = detail.summary
    origin = (
        f"audit {s.audit_id}"
        if s.audit_id is not None
        else f"audit {s.remote_audit_id} from {s.source_authority}"
    )
    out.print(
        f"[bold]Moderation {s.id}[/] · {origin} · case {escape(s.case_ref)} ·"
        f" {escape(service_area_label(s.service_area))} · {escape(rubric.title)} v{rubric.version} ·"
        f" {s.moderator or 'unassigned'} · {s.status}"
    )
    out.print(Panel(escape(detail.case_text), title="Case (anonymised)"))
    table = Table(criterion_column(rubric), "your grade", "your note")
    titles = {c.id: c.title for c in rubric.criteria}
    for e in detail.entries:
        table.add_row(
            criterion_cell(titles[e.criterion], e.criterion), _grade_text(e.grade), escape(e.note)
        )
    out.print(table)
    out.print(f"[bold]Your overall:[/] {escape(detail.overall.explanation)}")
    if s.status in ("todo", "draft"):
        out.print("[dim]The manager's grading stays hidden until you submit.[/]")
        out.print(
            f"Version {version}: `moderator moderation submit {s.id} --expect-version {version}`"
            " submits only if nothing changed since this was shown."
        )
    elif s.status == "submitted" and s.audit_id is not None:
        out.print(f"[dim]Submitted: review it with `moderator moderation review {s.id}`.[/]")


@moderation_group.command("claim")
@click.argument("moderation_id", type=int)
@common_options
@click.pass_context
def claim(ctx: click.Context, moderation_id: int, db: Path | None, user: str | None) -> None:
    """Take an unassigned moderation from the queue."""
    from moderator.services.moderation import claim_moderation

    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        claim_moderation(store, actor, moderation_id)
    click.echo(f"moderation {moderation_id} is yours")


def _moderation_target(store: Any, actor: Any, moderation_id: int) -> Any:
    from moderator.services.grading import ModerationTarget

    return ModerationTarget.open(store, actor, moderation_id)


def _after_submit(store: Any, actor: Any, moderation_id: int) -> list[str]:
    from moderator.services.moderation import get_moderation

    if get_moderation(store, actor, moderation_id).summary.audit_id is not None:
        return [f"next: compare with the manager: moderator moderation review {moderation_id}"]
    return ["next: send it back: moderator pack return --out FILE"]


add_grading_verbs(
    moderation_group,
    SheetVerbs(
        noun="moderation",
        overall="your overall",
        target=_moderation_target,
        grade_help=(
            "Grade one criterion blind (1-4, RI, Good, …) with an evidence note; saved as a draft."
            " CRITERION is the id `moderation show` gives under each title. Prints the new"
            " version, for the next --expect-version.\n\n"
            "Examples (on the demo: `moderator demo --build-only demo.db`):\n\n"
            "\b\n"
            "  moderator moderation grade 69 health-needs-met RI --note 'Review health"
            " assessment a month overdue' --db demo.db --as 'Eleanor Rowbotham'\n"
            "  moderator moderation grade 69 education-and-pep Good --note 'In college with a"
            " bursary' --db demo.db --as 'Eleanor Rowbotham'"
        ),
        override_help=(
            "Override your derived overall grade, with a written reason (10 characters or"
            " more); --clear removes the override.\n\n"
            "Examples (on the demo: `moderator demo --build-only demo.db`):\n\n"
            "\b\n"
            "  moderator moderation override 69 RI --reason 'Risk not yet managed: no safety"
            " plan on file' --db demo.db --as 'Eleanor Rowbotham'\n"
            "  moderator moderation override 69 --clear --db demo.db --as 'Eleanor Rowbotham'"
        ),
        submit_help=(
            "Submit your blind grading (every criterion graded with a note); then it is read-only."
        ),
        after_submit=_after_submit,
    ),
)


def _why_undecided(row: Any) -> str:
    """Why a disagreement is still to decide, in a few words."""
    from moderator.domain.grade_sheet import MIN_RATIONALE

    if row.moderated_grade is None:
        return "no moderated grade"
    if not (row.rationale or "").strip():
        return "no rationale"
    return f"rationale too short, at least {MIN_RATIONALE} characters"


def _print_comparison(c: Any, saved: bool = False) -> None:
    from rich.console import Console
    from rich.table import Table

    out = Console()
    out.print(
        f"[bold]Moderation {c.moderation_id}[/] · audit {c.audit_id} · case {escape(c.case_ref)}"
        f" · manager {escape(c.manager)} · moderator {escape(c.moderator or '')} · {c.status}"
    )
    table = Table("criterion", "manager", "moderator", "drift", "moderated", "rationale")
    for r in c.rows:
        mark = "" if r.agreed else "[bold red]≠[/] "
        table.add_row(
            f"{mark}{escape(r.title)}" + (" [red](limiting)[/]" if r.limiting else ""),
            f"{_grade_text(r.manager_grade)}\n[dim]{escape(r.manager_note)}[/]",
            f"{_grade_text(r.moderator_grade)}\n[dim]{escape(r.moderator_note)}[/]",
            "" if r.drift is None else f"{r.drift:+d}",
            ("agreed: " if r.agreed else "")
            + _grade_text(r.moderated_grade)
            + ("" if r.descriptor is None else f"\n[dim]{escape(r.descriptor)}[/]"),
            escape(r.rationale or ("" if r.decided else "to decide")),
        )
    out.print(table)
    o = c.moderated_overall
    out.print(
        f"Overall: manager {_grade_text(c.manager_overall)} · moderator (blind)"
        f" {_grade_text(c.moderator_overall)} · moderated {escape(o.explanation)}"
    )
    if c.outcome:
        label = "Outcome" if c.status == "reviewed" else "Outcome if completed now"
        out.print(f"[bold]{label}: {c.outcome}[/]")
    if c.to_decide and c.status != "reviewed":
        left = [r for r in c.rows if r.criterion in c.to_decide]
        out.print(
            f"To decide ({len(left)}): "
            + ", ".join(f"{r.criterion} ({_why_undecided(r)})" for r in left)
            + f" — moderator moderation review {c.moderation_id} CRITERION GRADE --rationale TEXT",
            markup=False,
        )
    elif c.status != "reviewed":
        out.print(f"All decided: moderator moderation review {c.moderation_id} --complete")
    if c.status == "reviewed":
        return
    if saved:  # as `moderation grade` says it: the version the next --expect-version takes
        out.print(f"saved (version {c.version})")
    else:
        out.print(
            f"Version {c.version}: add `--expect-version {c.version}` to save only if nothing"
            " changed since this was shown."
        )


@moderation_group.command("review")
@click.argument("moderation_id", type=int)
@click.argument("criterion", required=False)
@click.argument("grade", required=False)
@click.option(
    "--rationale", default=None, help="Why this grade: which descriptor the evidence meets."
)
@click.option(
    "--overall", "overall_grade", default=None, help="Override the moderated overall grade."
)
@click.option("--reason", default=None, help="Why the moderated overall grade is overridden.")
@click.option("--clear-overall", is_flag=True, help="Remove the moderated overall override.")
@click.option(
    "--complete",
    is_flag=True,
    help="Finish the review (every disagreement decided, each rationale 10 characters or more).",
)
@expect_version_option("moderation", "Save")
@format_option("text", "json", default="text")
@common_options
@click.pass_context
def review(
    ctx: click.Context,
    moderation_id: int,
    criterion: str | None,
    grade: str | None,
    rationale: str | None,
    overall_grade: str | None,
    reason: str | None,
    clear_overall: bool,
    complete: bool,
    expect_version: int | None,
    fmt: str,
    db: Path | None,
    user: str | None,
) -> None:
    """Review a submitted moderation: both gradings side by side, disagreements first.

    With no other arguments, shows the comparison. CRITERION GRADE --rationale
    TEXT records the moderated grade for a disagreement; --overall GRADE
    --reason TEXT overrides the moderated overall grade; --complete finishes
    the review (then the manager sees the outcome). Only after you submit
    your own blind grading (exit 3 before). Shows the version, and each change
    prints the new one, for --expect-version.
    """
    from moderator.domain.grades import Grade
    from moderator.services.grade_sheet import MODERATION, sheet_version
    from moderator.services.moderation import (
        compare_moderation,
        complete_review,
        record_review,
        set_moderated_overall,
    )

    if (criterion is None) != (grade is None):
        raise click.UsageError("give both CRITERION and GRADE to record a decision")
    if overall_grade and clear_overall:
        raise click.UsageError("--overall and --clear-overall contradict each other")
    store, who = open_for(ctx, db, user)
    saved = False
    expected = expect_version  # each change in this command expects the one before it
    with store, what_next_if_changed("moderation", moderation_id, "review"):
        actor = acting_user(store, who)
        if criterion is not None and grade is not None:
            recorded = record_review(
                store,
                actor,
                moderation_id,
                criterion,
                Grade.parse(grade),
                rationale or "",
                expected_version=expected,
            )
            saved, expected = True, None if expected is None else recorded.version
            row = next(r for r in recorded.rows if r.criterion == criterion)
            if not row.decided:  # saved as a draft: say why it is not decided, at once
                from moderator.domain.grade_sheet import MIN_RATIONALE

                click.echo(
                    f"{row.title}: {_grade_text(row.moderated_grade)} saved as a draft. Rationale too short"
                    f" (at least {MIN_RATIONALE} characters, spaces not counted): this"
                    " criterion is not decided yet.",
                    err=True,
                )
        if overall_grade or clear_overall:
            parsed = None if clear_overall else Grade.parse(overall_grade)
            overridden = set_moderated_overall(
                store, actor, moderation_id, parsed, reason, expected_version=expected
            )
            saved, expected = True, None if expected is None else overridden.version
        comparison = (
            complete_review(store, actor, moderation_id, expected_version=expected)
            if complete
            else compare_moderation(store, actor, moderation_id)
        )
        version = sheet_version(store, MODERATION, moderation_id)
    comparison = comparison.model_copy(update={"version": version})
    if fmt == "json":
        data = comparison.model_dump(mode="json")
        emit_json(data)
        return
    _print_comparison(comparison, saved)


@moderation_group.command("export")
@format_option("csv", "json", default="csv")
@click.option(
    "--out", type=click.Path(path_type=Path, dir_okay=False), default=None, help="Write to a file."
)
@common_options
@click.pass_context
def export(
    ctx: click.Context, fmt: str, out: Path | None, db: Path | None, user: str | None
) -> None:
    """Export paired grades (manager vs moderated) as the paired-grades CSV or JSON.

    Only what you may see: all (lead), your own audits (manager), or the
    audits whose moderation you have submitted (moderator).
    """
    from moderator.analysis.pairs import HEADER
    from moderator.domain.text import spreadsheet_cell
    from moderator.services.moderation import paired_grades

    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        rows = paired_grades(store, actor)
    if fmt == "json":
        import json

        text = json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(HEADER), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: spreadsheet_cell(v) for k, v in r.items()} for r in rows)
        text = buffer.getvalue()
    if out is None:
        click.echo(text, nl=False)
    else:
        try:
            write_private(out, text)
        except OSError as exc:
            raise BadInput(f"{out}: cannot write: {exc.strerror or exc}") from exc
        click.echo(f"{len(rows)} row(s) written to {out}", err=True)


COMMANDS = [moderation_group]
