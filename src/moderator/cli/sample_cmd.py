"""``moderator sample``: draw the moderation sample (lead), list and show samples."""

from __future__ import annotations

from pathlib import Path

import click

from moderator.cli.common import (
    acting_user,
    common_options,
    echo_text,
    emit_json,
    escape,
    format_option,
    open_for,
    resolve_settings,
)


@click.command("sample")
@click.option(
    "--rate",
    type=float,
    default=None,
    help="Share of eligible audits, 0-1 (0.1 = 10%; default from the config, else 0.5).",
)
@click.option(
    "--seed",
    type=int,
    default=None,
    help="Random seed (recorded; default from the config, else chosen for you).",
)
@click.option(
    "--min-per-manager",
    type=int,
    default=None,
    help="At least this many audits per manager when they have them (default from the config,"
    " else 1).",
)
@click.option(
    "--exclude-months",
    type=int,
    default=None,
    help="Leave out cases moderated in the last N months (0: none; default from the config,"
    " else 6).",
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
    min_per_manager: int | None,
    exclude_months: int | None,
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
    from moderator.services.sampling import (
        BY_HAND,
        draw_sample,
        get_sample,
        list_samples,
        rate_text,
    )

    def rate_words(rate: float, audits: int, hand_picked: int) -> str:
        """``rate 50%``, or ``by hand`` for hand-picked audits alone (as the workbench says)."""
        text = rate_text(rate, audits, hand_picked)
        return text if text == BY_HAND else f"rate {text}"

    store, who = open_for(ctx, db, user)
    with store:
        actor = acting_user(store, who)
        if list_all:
            rows = list_samples(store, actor)
            if fmt == "json":
                emit_json(rows)
                return
            for r in rows:
                echo_text(
                    f"sample {r['id']}: {r['audits']} audit(s) ({r['hand_picked']} hand-picked),"
                    f" {rate_words(r['rate'], r['audits'], r['hand_picked'])}, seed {r['seed']},"
                    f" drawn by {r['drawn_by']} {r['drawn_at']}"
                )
            echo_text(f"{len(rows)} sample(s)")
            return
        if show_id is not None:
            result = get_sample(store, actor, show_id)
        else:
            defaults = resolve_settings(ctx, db, user).sample
            result = draw_sample(
                store,
                actor,
                rate=defaults.rate if rate is None else rate,
                seed=defaults.seed if seed is None else seed,
                min_per_manager=(
                    defaults.min_per_manager if min_per_manager is None else min_per_manager
                ),
                exclude_months=(
                    defaults.exclude_months if exclude_months is None else exclude_months
                ),
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
    said = rate_words(result.rate, len(result.items), sum(i.hand_picked for i in result.items))
    if result.eligible is None:  # planned with the sample data: drawn by rate and seed alone
        how = f" (planned with the sample data: {said}, seed {result.seed})"
        pool = ""
    else:
        pool = f" of {result.eligible} eligible"
        how = (
            f" ({said}, seed {result.seed},"
            f" min {result.params.get('min_per_manager')} per manager,"
            f" excluding cases moderated since {result.params.get('excluded_since') or 'never'})"
        )
    echo_text(
        f"{what} {len(result.items)} audit(s){pool}{how}"
        + (f"; assigned to {result.moderator}" if result.moderator else "; unassigned")
    )
    if result.unrepresented:
        echo_text(f"Not represented (no eligible audits): {', '.join(result.unrepresented)}")


COMMANDS = [sample]
