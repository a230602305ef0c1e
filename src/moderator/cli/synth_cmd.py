"""``moderator synth``: a synthetic, realistic dataset of any size (demo, training, benchmarks)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import click

from moderator.cli.common import check_signed_in, common_options, emit_json, format_option, resolve


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"not a date: {value!r} (use YYYY-MM-DD)") from None


@click.command("synth")
@click.option("--audits", type=click.IntRange(min=1), required=True, help="How many audits.")
@click.option(
    "--seed", type=int, default=0, show_default=True, help="Random seed (same seed, same data)."
)
@click.option(
    "--managers",
    type=click.IntRange(min=1),
    help="Managers (default: one per 50 audits, at least 9).",
)
@click.option(
    "--teams", type=click.IntRange(min=1), help="Teams (default: one per three managers)."
)
@click.option(
    "--moderators",
    type=click.IntRange(min=1),
    help="External moderators (default: one per four managers).",
)
@click.option(
    "--coverage",
    type=click.FloatRange(0, 1),
    default=0.5,
    show_default=True,
    help="Share of submitted audits sampled for moderation each quarter.",
)
@click.option(
    "--optimism",
    default="2020",
    show_default=True,
    help="Managers' optimism in grade steps: 2020 (a third clearly optimistic, a sixth"
    " accurate), none, one number, or a list like 1.5,0.8,0 given to managers in turn.",
)
@click.option(
    "--training-date",
    callback=_date,
    metavar="YYYY-MM-DD",
    help="When 'back-to-basics' training starts; optimism decays after it (default: month 12).",
)
@click.option(
    "--criteria",
    default=",".join(
        ("risk", "safe", "protect", "harm", "threshold", "strateg", "plan", "contingen", "permanen")
    ),
    show_default=True,
    help="Words in criterion ids where optimism concentrates (comma-separated).",
)
@click.option(
    "--rubric",
    "rubric_ids",
    multiple=True,
    metavar="ID",
    help="Use only these rubrics (repeatable).",
)
@click.option(
    "--start", callback=_date, metavar="YYYY-MM-DD", help="First month (default 2019-04)."
)
@click.option(
    "--months", type=click.IntRange(min=1), default=24, show_default=True, help="Months of audits."
)
@format_option("table", "json")
@common_options
@click.pass_context
def synth(
    ctx: click.Context,
    audits: int,
    seed: int,
    managers: int | None,
    teams: int | None,
    moderators: int | None,
    coverage: float,
    optimism: str,
    training_date: date | None,
    criteria: str,
    rubric_ids: tuple[str, ...],
    start: date | None,
    months: int,
    fmt: str,
    db: Path | None,
    user: str | None,
) -> None:
    """Write a synthetic, realistic dataset into a new database.

    Managers grade anonymised cases with a per-manager optimism concentrated
    in risk and planning criteria; about --coverage of submitted audits are
    moderated blind by moderators from another authority and reviewed; after
    --training-date the optimism shrinks. Cases are generated already
    anonymised ([CHILD], [MOTHER] ...): synth data never holds identities.

    The database must be new or empty (synth never mixes with real records).
    `--as` is accepted for uniformity; synth creates its own users.
    """
    from moderator.errors import UsageProblem
    from moderator.services.rubrics import shipped_rubrics
    from moderator.store import open_store
    from moderator.synth.bulk import synthesise
    from moderator.synth.config import SynthConfig

    root_db = ctx.find_root().params.get("db")
    if db is None and root_db is None:
        raise UsageProblem("synth needs --db PATH: a new database to write (never your own)")
    db_path, who = resolve(ctx, db, user, create=True)
    check_signed_in(ctx, db_path, who)
    config = SynthConfig(
        audits=audits,
        seed=seed,
        managers=managers,
        teams=teams,
        moderators=moderators,
        coverage=coverage,
        optimism=optimism,
        training_date=training_date,
        criteria=tuple(c.strip() for c in criteria.split(",") if c.strip()),
        rubrics=rubric_ids or None,
        months=months,
        **({"start": start} if start else {}),
    )
    config.validate()
    rubrics = shipped_rubrics()
    store = open_store(db_path)
    began = time.perf_counter()
    try:
        if fmt == "json":
            result = synthesise(store, config, rubrics)
        else:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

            with Progress(
                "[progress.description]{task.description}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                transient=True,
            ) as bar:
                task = bar.add_task("audits", total=audits)
                result = synthesise(
                    store, config, rubrics, lambda done, total: bar.update(task, completed=done)
                )
    finally:
        store.close()
    seconds = time.perf_counter() - began
    summary = {
        "db": str(db_path),
        "seed": seed,
        "users": result.users,
        "cases": result.cases,
        "audits": result.audits,
        "submitted": result.submitted,
        "samples": result.samples,
        "moderations": result.moderations,
        "reviewed": result.reviewed,
        "events": result.events,
        "seconds": round(seconds, 2),
    }
    if fmt == "json":
        emit_json(summary)
        return
    click.echo(
        f"Wrote {result.audits:,} audits ({result.submitted:,} submitted) of {result.cases:,}"
        f" cases by {result.users:,} users; {result.moderations:,} moderations"
        f" ({result.reviewed:,} reviewed) in {result.samples:,} samples; {result.events:,}"
        f" events. {seconds:.1f} s.\nDatabase: {db_path}"
    )


COMMANDS = [synth]
