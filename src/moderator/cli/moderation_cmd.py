"""``moderator sample``, ``moderator moderation …`` and ``moderator pack …``.

Sampling (lead), blind moderation and review (moderator), and the packs
exchanged with another authority. A thin face: every rule (roles, blindness,
completeness, seals) lives in the services and :mod:`moderator.exchange`.
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
    emit_json,
    escape,
    format_option,
    open_for,
)
from moderator.files import write_private


def _key_option(f: Any) -> Any:
    return click.option(
        "--key-file",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help="The authority's pack key (default: your config dir; env MODERATOR_PACK_KEY_FILE).",
    )(f)


def _key_path(key_file: Path | None) -> Path:
    from moderator.settings import default_pack_key_path

    return key_file or default_pack_key_path()


def _grade_text(grade: Any) -> str:
    return "" if grade is None else str(grade.label)


# -- sample ----------------------------------------------------------------------------


@click.command("sample")
@click.option("--rate", type=float, default=None, help="Share of eligible audits, 0-1 (0.1 = 10%).")
@click.option(
    "--seed", type=int, default=None, help="Random seed (recorded; chosen for you if omitted)."
)
@click.option(
    "--min-per-manager",
    type=int,
    default=1,
    show_default=True,
    help="At least this many audits per manager (when they have them).",
)
@click.option(
    "--exclude-months",
    type=int,
    default=6,
    show_default=True,
    help="Leave out cases moderated in the last N months (0: none).",
)
@click.option(
    "--add",
    "hand_picked",
    multiple=True,
    metavar="AUDIT_ID",
    help="Add an audit by hand (repeat, or give a comma-separated list); marked hand-picked.",
)
@click.option("--moderator", default=None, help="Assign the sample to this moderator.")
@click.option("--since", default=None, help="Only audits submitted on or after YYYY-MM-DD.")
@click.option("--dry-run", is_flag=True, help="Show the sample without storing it.")
@click.option("--show", "show_id", type=int, default=None, help="Show a sample already drawn.")
@click.option("--list", "list_all", is_flag=True, help="List the samples drawn so far.")
@format_option("table", "json")
@common_options
@click.pass_context
def sample(
    ctx: click.Context,
    rate: float | None,
    seed: int | None,
    min_per_manager: int,
    exclude_months: int,
    hand_picked: tuple[str, ...],
    moderator: str | None,
    since: str | None,
    dry_run: bool,
    show_id: int | None,
    list_all: bool,
    fmt: str,
    db: Path | None,
    user: str | None,
) -> None:
    """Draw the moderation sample (lead only): reproducible, stratified by manager.

    A random share (--rate) of submitted audits not yet moderated, with at
    least --min-per-manager audits for every manager, leaving out cases
    moderated in the last --exclude-months months. The same --seed on the
    same database draws the same sample. Sampled audits become moderations to
    do, assigned to --moderator or left for any moderator to claim.
    """
    from moderator.services.sampling import draw_sample, get_sample, list_samples

    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        if list_all:
            rows = list_samples(store, actor)
            if fmt == "json":
                emit_json(rows)
                return
            for r in rows:
                click.echo(
                    f"sample {r['id']}: {r['audits']} audit(s) ({r['hand_picked']} hand-picked),"
                    f" rate {r['rate']}, seed {r['seed']}, drawn by {r['drawn_by']} {r['drawn_at']}"
                )
            click.echo(f"{len(rows)} sample(s)")
            return
        if show_id is not None:
            result = get_sample(store, actor, show_id)
        else:
            if rate is None:
                raise click.UsageError("give --rate (the share of audits to sample, 0-1)")
            result = draw_sample(
                store,
                actor,
                rate=rate,
                seed=seed,
                min_per_manager=min_per_manager,
                exclude_months=exclude_months,
                hand_picked=hand_picked,
                moderator=moderator,
                since=since,
                dry_run=dry_run,
            )
    if fmt == "json":
        emit_json(result.model_dump(mode="json"))
        return
    from rich.console import Console
    from rich.table import Table

    out = Console()
    table = Table("audit", "moderation", "case", "manager", "team", "rubric", "how")
    for item in result.items:
        table.add_row(
            *map(
                escape,
                (
                    str(item.audit_id),
                    "" if item.moderation_id is None else str(item.moderation_id),
                    item.case_ref,
                    item.manager,
                    item.team,
                    item.rubric_id,
                    "hand-picked" if item.hand_picked else "random",
                ),
            )
        )
    out.print(table)
    what = "Dry run: would draw" if result.id is None else f"Sample {result.id}:"
    click.echo(
        f"{what} {len(result.items)} audit(s) of {result.eligible} eligible"
        f" (rate {result.rate}, seed {result.seed},"
        f" min {result.params.get('min_per_manager')} per manager,"
        f" excluding cases moderated since {result.params.get('excluded_since') or 'never'})"
        + (f"; assigned to {result.moderator}" if result.moderator else "; unassigned")
    )
    if result.unrepresented:
        click.echo(f"Not represented (no eligible audits): {', '.join(result.unrepresented)}")


# -- moderation ----------------------------------------------------------------------------


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
    from rich.console import Console
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
                    m.service_area,
                    m.rubric_id,
                    m.moderator or ("(in a pack)" if m.external else "(unassigned)"),
                    m.status,
                    f"{m.graded}/{m.total}",
                    m.outcome or "",
                ),
            )
        )
    Console().print(table)
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
    from moderator.services.moderation import get_moderation, moderation_rubric

    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        detail = get_moderation(store, actor, moderation_id)
        rubric = moderation_rubric(store, moderation_id)
    if fmt == "json":
        emit_json(detail.model_dump(mode="json"))
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
        f" {escape(s.service_area)} · {escape(rubric.title)} v{rubric.version} ·"
        f" {s.moderator or 'unassigned'} · {s.status}"
    )
    out.print(Panel(escape(detail.case_text), title="Case (anonymised)"))
    table = Table("criterion", "your grade", "your note")
    titles = {c.id: c.title for c in rubric.criteria}
    for e in detail.entries:
        table.add_row(titles[e.criterion], _grade_text(e.grade), escape(e.note))
    out.print(table)
    out.print(f"[bold]Your overall:[/] {escape(detail.overall.explanation)}")
    if s.status in ("todo", "draft"):
        out.print("[dim]The manager's grading stays hidden until you submit.[/]")
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


@moderation_group.command("grade")
@click.argument("moderation_id", type=int)
@click.argument("criterion")
@click.argument("grade")
@click.option("--note", default=None, help="Evidence note (required before submitting).")
@common_options
@click.pass_context
def grade(
    ctx: click.Context,
    moderation_id: int,
    criterion: str,
    grade: str,
    note: str | None,
    db: Path | None,
    user: str | None,
) -> None:
    """Grade one criterion blind (1-4, RI, Good, …) with an evidence note; saved as a draft."""
    from moderator.domain.grades import Grade
    from moderator.services.moderation import get_moderation, save_moderation_grade

    parsed = Grade.parse(grade)
    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        save_moderation_grade(store, actor, moderation_id, criterion, grade=parsed, note=note)
        detail = get_moderation(store, actor, moderation_id)
    click.echo(
        f"moderation {moderation_id}: {criterion} = {parsed.label};"
        f" {detail.summary.graded}/{detail.summary.total} graded;"
        f" your overall {detail.overall.explanation}"
    )


@moderation_group.command("override")
@click.argument("moderation_id", type=int)
@click.argument("grade", required=False)
@click.option("--reason", default=None, help="Why the derived overall grade is wrong (required).")
@click.option("--clear", is_flag=True, help="Remove the override.")
@common_options
@click.pass_context
def override(
    ctx: click.Context,
    moderation_id: int,
    grade: str | None,
    reason: str | None,
    clear: bool,
    db: Path | None,
    user: str | None,
) -> None:
    """Override your derived overall grade, with a written reason."""
    from moderator.domain.grades import Grade
    from moderator.services.moderation import set_moderation_override

    if not clear and grade is None:
        raise click.UsageError("give a GRADE (or --clear)")
    parsed = None if clear else Grade.parse(grade)
    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        set_moderation_override(store, actor, moderation_id, parsed, reason)
    click.echo(
        f"moderation {moderation_id}: overall "
        + ("override cleared" if parsed is None else f"overridden to {parsed.label}")
    )


@moderation_group.command("submit")
@click.argument("moderation_id", type=int)
@common_options
@click.pass_context
def submit(ctx: click.Context, moderation_id: int, db: Path | None, user: str | None) -> None:
    """Submit your blind grading (every criterion graded with a note); then it is read-only."""
    from moderator.services.moderation import submit_moderation

    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        detail = submit_moderation(store, actor, moderation_id)
    final = detail.overall.final
    click.echo(
        f"moderation {moderation_id} submitted: your overall {_grade_text(final)} (now read-only)"
    )
    if detail.summary.audit_id is not None:
        click.echo(f"next: compare with the manager: moderator moderation review {moderation_id}")
    else:
        click.echo("next: send it back: moderator pack return --out FILE")


def _print_comparison(c: Any) -> None:
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
        out.print(
            f"To decide: {', '.join(c.to_decide)} — moderator moderation review"
            f" {c.moderation_id} CRITERION GRADE --rationale TEXT"
        )
    elif c.status != "reviewed":
        out.print(f"All decided: moderator moderation review {c.moderation_id} --complete")


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
@click.option("--complete", is_flag=True, help="Finish the review (every disagreement decided).")
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
    fmt: str,
    db: Path | None,
    user: str | None,
) -> None:
    """Review a submitted moderation: both gradings side by side, disagreements first.

    With no other arguments, shows the comparison. CRITERION GRADE --rationale
    TEXT records the moderated grade for a disagreement; --overall GRADE
    --reason TEXT overrides the moderated overall grade; --complete finishes
    the review (then the manager sees the outcome). Only after you submit
    your own blind grading (exit 3 before).
    """
    from moderator.domain.grades import Grade
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
    with store:
        actor = acting_user(store, who)
        if criterion is not None and grade is not None:
            record_review(
                store, actor, moderation_id, criterion, Grade.parse(grade), rationale or ""
            )
        if overall_grade or clear_overall:
            parsed = None if clear_overall else Grade.parse(overall_grade)
            set_moderated_overall(store, actor, moderation_id, parsed, reason)
        comparison = (
            complete_review(store, actor, moderation_id)
            if complete
            else compare_moderation(store, actor, moderation_id)
        )
    if fmt == "json":
        data = comparison.model_dump(mode="json")
        emit_json(data)
        return
    _print_comparison(comparison)


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
    from moderator.services.moderation import PAIRED_COLUMNS, paired_grades

    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        rows = paired_grades(store, actor)
    if fmt == "json":
        import json

        text = json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(PAIRED_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        text = buffer.getvalue()
    if out is None:
        click.echo(text, nl=False)
    else:
        write_private(out, text)
        click.echo(f"{len(rows)} row(s) written to {out}", err=True)


# -- packs -----------------------------------------------------------------------------------


@click.group("pack")
def pack_group() -> None:
    """Moderation packs for moderators in another authority (no shared database).

    export (lead) → the other authority opens, grades, returns → import (lead).
    """


def _pack_result(result: Any, fmt: str, lines: list[str]) -> None:
    if fmt == "json":
        emit_json(result.model_dump(mode="json"))
        return
    for line in lines:
        click.echo(line)
    for note in result.skipped:
        click.echo(f"  note: {note}")


@pack_group.command("export")
@click.option("--sample", "sample_id", type=int, required=True, help="The sample to send out.")
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The pack file to write.",
)
@click.option("--authority", default=None, help="Your authority (default: your user's).")
@click.option("--to", "recipient", default=None, help="The moderating authority (recorded).")
@_key_option
@format_option("text", "json", default="text")
@common_options
@click.pass_context
def pack_export(
    ctx: click.Context,
    sample_id: int,
    out: Path,
    authority: str | None,
    recipient: str | None,
    key_file: Path | None,
    fmt: str,
    db: Path | None,
    user: str | None,
) -> None:
    """Write a moderation request (lead): rubric and anonymised cases, sealed; no manager grades."""
    from moderator.exchange.packs import export_request

    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        result = export_request(
            store,
            actor,
            sample_id,
            out,
            key_path=_key_path(key_file),
            authority=authority,
            recipient=recipient,
        )
    _pack_result(
        result,
        fmt,
        [
            f"wrote {out}: request {result.pack_id}, {result.items} case(s) from sample {sample_id}",
            f"fingerprint {result.fingerprint} (read it to the moderating authority)",
        ],
    )


@pack_group.command("open")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--moderator", default=None, help="Assign the cases to this moderator.")
@click.option("--fingerprint", "expect", default=None, help="The fingerprint the sender read out.")
@format_option("text", "json", default="text")
@common_options
@click.pass_context
def pack_open(
    ctx: click.Context,
    file: Path,
    moderator: str | None,
    expect: str | None,
    fmt: str,
    db: Path | None,
    user: str | None,
) -> None:
    """Open a request from another authority: its cases become moderations to do here."""
    from moderator.exchange.packs import open_request

    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        result = open_request(store, actor, file, moderator=moderator, expect_fingerprint=expect)
    _pack_result(
        result,
        fmt,
        [
            f"opened request {result.pack_id} from {result.authority}: {result.items} case(s)"
            f" to moderate (moderations {', '.join(map(str, result.moderation_ids))})",
            f"fingerprint {result.fingerprint} (check it with the sender)",
        ],
    )


@pack_group.command("return")
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The return pack to write.",
)
@click.option("--request", "request_id", default=None, help="Which received request (if several).")
@click.option("--authority", default=None, help="Your authority (default: your user's).")
@click.option(
    "--all", "include_returned", is_flag=True, help="Include moderations already returned."
)
@format_option("text", "json", default="text")
@common_options
@click.pass_context
def pack_return(
    ctx: click.Context,
    out: Path,
    request_id: str | None,
    authority: str | None,
    include_returned: bool,
    fmt: str,
    db: Path | None,
    user: str | None,
) -> None:
    """Write the return pack: your submitted moderations of a received request, sealed."""
    from moderator.exchange.packs import write_return

    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        result = write_return(
            store,
            actor,
            out,
            request_id=request_id,
            authority=authority,
            include_returned=include_returned,
        )
    _pack_result(
        result,
        fmt,
        [
            f"wrote {out}: return {result.pack_id} for request {result.request_pack_id},"
            f" {result.items} moderation(s) for {result.authority}",
            f"fingerprint {result.fingerprint}",
        ],
    )


@pack_group.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--moderator", default=None, help="Give the review to this local moderator account.")
@_key_option
@format_option("text", "json", default="text")
@common_options
@click.pass_context
def pack_import(
    ctx: click.Context,
    file: Path,
    moderator: str | None,
    key_file: Path | None,
    fmt: str,
    db: Path | None,
    user: str | None,
) -> None:
    """Import a return pack (lead): verify its seal, then store the moderations atomically.

    A damaged, truncated, altered, foreign or already imported pack is refused
    (exit 1) and nothing changes.
    """
    from moderator.exchange.packs import import_return

    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        result = import_return(
            store, actor, file, key_path=_key_path(key_file), moderator=moderator
        )
    _pack_result(
        result,
        fmt,
        [
            f"imported return {result.pack_id} from {result.authority}: {result.items}"
            f" moderation(s) for sample {result.sample_id}, ready for review"
            f" (moderations {', '.join(map(str, result.moderation_ids))})",
        ],
    )


@pack_group.command("inspect")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@_key_option
@format_option("text", "json", default="text")
@common_options
def pack_inspect(
    file: Path, key_file: Path | None, fmt: str, db: Path | None, user: str | None
) -> None:
    """Check a pack and show its manifest and fingerprint, touching no database."""
    from moderator.exchange.packs import inspect_pack

    info = inspect_pack(file, key_path=_key_path(key_file))
    if fmt == "json":
        emit_json(info.model_dump(mode="json"))
        return
    m = info.manifest
    click.echo(f"{file}: {info.kind} {m['pack_id']}, intact")
    for k in sorted(m):
        click.echo(f"  {k}: {m[k]}")
    click.echo(f"  fingerprint: {info.fingerprint}")
    if info.sealed_by_this_key is not None:
        click.echo(f"  sealed for your pack key: {'yes' if info.sealed_by_this_key else 'no'}")


@pack_group.command("list")
@format_option("table", "json")
@common_options
@click.pass_context
def pack_list(ctx: click.Context, fmt: str, db: Path | None, user: str | None) -> None:
    """The pack register: packs exported, opened, returned and imported here."""
    from moderator.exchange.packs import list_packs

    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        rows = list_packs(store, actor)
    if fmt == "json":
        emit_json(rows)
        return
    for r in rows:
        click.echo(
            f"{r['at']} {r['direction']:<6} {r['kind']:<18} {r['id']} {r['items']} item(s)"
            f" {r['authority'] or ''} by {r['by']}"
        )
    click.echo(f"{len(rows)} pack(s)")


COMMANDS = [sample, moderation_group, pack_group]
