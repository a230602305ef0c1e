"""``moderator calibration``: cases with agreed grades, slipped into managers' programmes."""

from __future__ import annotations

from pathlib import Path

import click

from moderator.cli.common import (
    acting_user,
    common_options,
    format_option,
    open_for,
    print_records,
)
from moderator.domain.dates import parse_day
from moderator.errors import BadInput


@click.group("calibration")
def calibration_group() -> None:
    """Known-grade cases: a panel agrees the grades; managers audit them unannounced.

    Examples (on the demo: `moderator demo --build-only demo.db`):

    \b
      moderator calibration list --db demo.db --as 'Kenneth Obi'
      moderator calibration assign --rate 0.25 --per-manager 4 --due 2021-01-31 --db demo.db --as 'Kenneth Obi'
    """


@calibration_group.command("agree")
@click.argument("case_ref")
@click.option("--rubric", "rubric_id", required=True, help="The rubric the grades are against.")
@click.option(
    "--grades",
    "grades_file",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="CSV of criterion,grade,reason: every criterion of the rubric.",
)
@click.option("--panel", default=None, help="Who agreed the grades (default: you).")
@common_options
@click.pass_context
def agree(
    ctx: click.Context,
    case_ref: str,
    rubric_id: str,
    grades_file: Path,
    panel: str | None,
    db: Path | None,
    user: str | None,
) -> None:
    """Record the panel's agreed grades for CASE_REF, making it a calibration case (leads).

    Examples (on the demo: `moderator demo --build-only demo.db`):

    \b
      moderator calibration agree CASE_REF --rubric help-and-protection --grades agreed.csv --db demo.db --as 'Kenneth Obi'
    """
    from moderator.services.calibration import agree_calibration_case, read_agreed_grades

    grades = read_agreed_grades(grades_file, rubric_id)  # every problem at once, nothing changed
    store, who = open_for(ctx, db, user)
    with store:
        made = agree_calibration_case(
            store, acting_user(store, who), case_ref, rubric_id, grades, panel=panel
        )
    overall = made.overall.label if made.overall else "no overall grade"
    click.echo(f"calibration case {made.id}: {made.case_ref} agreed ({overall})")


@calibration_group.command("assign")
@click.option("--rate", type=float, required=True, help="Share of each programme (0-1).")
@click.option("--per-manager", type=int, default=4, show_default=True, help="Programme size.")
@click.option("--due", required=True, help="Due date (YYYY-MM-DD).")
@click.option("--seed", type=int, default=None, help="Seed for a reproducible draw.")
@click.option("--programme", "label", default=None, help="Programme label (default: by due date).")
@common_options
@click.pass_context
def assign(
    ctx: click.Context,
    rate: float,
    per_manager: int,
    due: str,
    seed: int | None,
    label: str | None,
    db: Path | None,
    user: str | None,
) -> None:
    """Slip calibration cases into every manager's programme, unannounced (leads).

    Examples (on the demo: `moderator demo --build-only demo.db`):

    \b
      moderator calibration assign --rate 0.25 --per-manager 4 --due 2021-01-31 --db demo.db --as 'Kenneth Obi'
    """
    from moderator.services.calibration import slip_calibration

    try:
        due_date = parse_day(due)
    except BadInput as problem:
        raise BadInput(f"--due: {problem.message}") from None
    store, who = open_for(ctx, db, user)
    with store:
        slip = slip_calibration(
            store,
            acting_user(store, who),
            rate=rate,
            per_manager=per_manager,
            due=due_date,
            programme=label or f"programme {due_date.isoformat()}",
            seed=seed,
        )
    click.echo(slip.sentence())


@calibration_group.command("list")
@format_option("table", "json")
@common_options
@click.pass_context
def list_(ctx: click.Context, fmt: str, db: Path | None, user: str | None) -> None:
    """The calibration cases and their agreed grades (leads).

    Examples (on the demo: `moderator demo --build-only demo.db`):

    \b
      moderator calibration list --db demo.db --as 'Kenneth Obi'
      moderator calibration list --db demo.db --as 'Kenneth Obi' --format json
    """
    from moderator.services.calibration import list_calibration_cases

    store, who = open_for(ctx, db, user)
    with store:
        cases = list_calibration_cases(store, acting_user(store, who))
    print_records(
        fmt,
        cases,
        [
            ("id", lambda c: c.id),
            ("case", lambda c: c.case_ref),
            ("rubric", lambda c: c.rubric),
            ("agreed overall", lambda c: c.overall.label if c.overall else "—"),
            ("panel", lambda c: c.panel),
            ("agreed at", lambda c: c.agreed_at[:10]),
        ],
    )


COMMANDS = [calibration_group]
