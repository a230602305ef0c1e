"""``moderator agreement``: multi-rater agreement of a calibration exercise."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from moderator.cli.common import acting_user, common_options, format_option, open_for

FORMATS = ("table", "json", "md", "csv")
COLUMNS = (
    ("n_units", "Units"),
    ("n_raters", "Graders"),
    ("n_ratings", "Ratings"),
    ("percent_agreement", "% agree"),
    ("fleiss_kappa", "Fleiss κ"),
    ("alpha_nominal", "α nominal"),
    ("alpha_ordinal", "α ordinal"),
    ("alpha_interval", "α interval"),
    ("ac1", "AC1"),
    ("ac2_quadratic", "AC2 (quadratic)"),
)

SHORT_COLUMNS = (
    ("n_units", "Units"),
    ("percent_agreement", "Agree"),
    ("fleiss_kappa", "κ"),
    ("alpha_nominal", "α nom"),
    ("alpha_ordinal", "α ord"),
    ("alpha_interval", "α int"),
    ("ac1", "AC1"),
    ("ac2_quadratic", "AC2"),
)
"""The terminal table's columns: short enough for 80 columns (docs/statistics.md explains each)."""


def _short(value: object) -> str:
    return "—" if value is None else f"{value:.2f}"


def _cell(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _rows(data: dict[str, object]) -> list[dict[str, object]]:
    overall = data["overall"]
    assert isinstance(overall, dict)
    by_criterion = data["by_criterion"]
    assert isinstance(by_criterion, list)
    return [{"key": "All criteria", **overall}, *by_criterion]


def _markdown(data: dict[str, object]) -> str:
    lines = [
        "# Agreement among graders",
        "",
        "| Criterion | " + " | ".join(label for _, label in COLUMNS) + " |",
        "|---|" + "---:|" * len(COLUMNS),
    ]
    for row in _rows(data):
        lines.append(f"| {row['key']} | " + " | ".join(_cell(row[k]) for k, _ in COLUMNS) + " |")
    return "\n".join(lines) + "\n"


def _text_cell(value: str) -> str:
    # A cell that a spreadsheet would run as a formula is written as text.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _csv(data: dict[str, object]) -> None:
    import csv

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["criterion", *(k for k, _ in COLUMNS)])
    for row in _rows(data):
        key = "overall" if row["key"] == "All criteria" else str(row["key"])
        writer.writerow([_text_cell(key), *("" if row[k] is None else row[k] for k, _ in COLUMNS)])


def _table(data: dict[str, object]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    overall = _rows(data)[0]
    table = Table(
        title=f"Agreement among {overall['n_raters']} graders ({overall['n_ratings']} ratings)",
        title_justify="left",
    )
    table.add_column("Criterion", ratio=1, overflow="fold")
    for _key, label in SHORT_COLUMNS:
        table.add_column(label, justify="right", no_wrap=True)
    for row in _rows(data):
        table.add_row(
            Text(str(row["key"])),
            *(str(row[k]) if k == "n_units" else _short(row[k]) for k, _ in SHORT_COLUMNS),
        )
    console.print(table)
    graders = data["graders"]
    assert isinstance(graders, list)
    if graders:
        g = Table(
            title="Each grader against the reference grade (+ = more optimistic)",
            title_justify="left",
        )
        for label in ("Grader", "Units", "Exact", "Within one", "Mean distance", "95% interval"):
            g.add_column(
                label, justify="left" if label == "Grader" else "right", no_wrap=label == "Grader"
            )
        for row in graders:
            ci = row["mean_distance_ci"]
            g.add_row(
                Text(str(row["rater"])),
                str(row["n"]),
                _cell(row["exact"]),
                _cell(row["within_one"]),
                "—" if row["mean_distance"] is None else f"{row['mean_distance']:+.2f}",
                "—" if ci is None else f"{ci[0]:+.2f} to {ci[1]:+.2f}",
            )
        console.print(g)


@click.command("agreement")
@click.option(
    "--from-csv",
    "from_csv",
    default=None,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Ratings as case_ref,criterion,rater,grade rows (docs/formats.md).",
)
@format_option(*FORMATS)
@common_options
@click.pass_context
def agreement(
    ctx: click.Context, from_csv: Path | None, fmt: str, db: Path | None, user: str | None
) -> None:
    """Agreement among many graders of the same cases (a calibration exercise).

    Percent agreement, Fleiss' kappa, Krippendorff's alpha (nominal, ordinal,
    interval), Gwet's AC1 and AC2 (quadratic), overall and per criterion, and
    each grader's distance from the unit's most common grade. Missing ratings
    are allowed. Without --from-csv: the database's calibration cases as one
    exercise (leads), each manager measured from the panel's agreed grades.
    Definitions: docs/statistics.md.
    """
    if from_csv is not None:
        from moderator.analysis.exercise import exercise_report, read_ratings_csv

        data = exercise_report(read_ratings_csv(from_csv)).as_dict()
    else:
        from moderator.services.calibration_stats import calibration_exercise

        store, who = open_for(ctx, db, user)
        with store:
            data = calibration_exercise(store, acting_user(store, who)).as_dict()
    if fmt == "json":
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
    elif fmt == "md":
        sys.stdout.write(_markdown(data))
    elif fmt == "csv":
        _csv(data)
    else:
        _table(data)


COMMANDS = [agreement]
