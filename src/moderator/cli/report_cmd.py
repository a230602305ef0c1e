"""``moderator report``: the drift report, from the database or a paired-grades CSV."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from moderator.cli.common import check_signed_in, common_options, format_option, resolve
from moderator.domain.dates import parse_day
from moderator.errors import BadInput, UsageProblem
from moderator.files import write_private

if TYPE_CHECKING:
    from moderator.analysis.counts import GradeCounts
    from moderator.analysis.inputs import Assignment, ReportFilters
    from moderator.analysis.pairs import PairedGrades
    from moderator.analysis.report import Report
    from moderator.settings import Settings

FORMATS = ("table", "md", "html", "csv", "xlsx", "json", "pack")
DEFAULT_XLSX = Path("report.xlsx")


def _date(_ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return parse_day(value)
    except BadInput as problem:
        raise click.BadParameter(problem.message) from None


@click.command("report")
@click.option(
    "--from-csv",
    "from_csv",
    type=click.Path(dir_okay=False, path_type=Path),
    multiple=True,
    help="Read paired-grades CSV (or .parquet) files instead of the database; "
    "more files may follow.",
)
@click.argument("more_files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@format_option(*FORMATS)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Write to this file instead of standard output (xlsx: default report.xlsx; pack: "
    "a .zip file, or a folder to write evidence-pack-DATE.zip into, default the current one).",
)
@click.option("--since", callback=_date, metavar="YYYY-MM-DD", help="Audits on or after.")
@click.option("--until", callback=_date, metavar="YYYY-MM-DD", help="Audits on or before.")
@click.option("--team", default=None, help="Only this team.")
@click.option("--rubric", default=None, help="Only audits against this rubric id.")
@click.option(
    "--period",
    type=click.Choice(["month", "quarter"]),
    default="quarter",
    show_default=True,
    help="Period of the time breakdown and trend.",
)
@click.option(
    "--target",
    type=click.FloatRange(0, 1),
    default=None,
    help="Coverage target, a share 0-1 (default from the config, else 0.5).",
)
@click.option(
    "--intervention-window",
    "window",
    type=click.IntRange(1, 3660),
    default=180,
    show_default=True,
    metavar="DAYS",
    help="Days compared before and after each intervention.",
)
@common_options
@click.pass_context
def report(
    ctx: click.Context,
    from_csv: tuple[Path, ...],
    more_files: tuple[Path, ...],
    fmt: str,
    out: Path | None,
    since: date | None,
    until: date | None,
    team: str | None,
    rubric: str | None,
    period: str,
    target: float | None,
    window: int,
    db: Path | None,
    user: str | None,
) -> None:
    """The grade-drift report: who, which criteria, which teams, since when, how much is
    moderated.

    Reads the database (as --as NAME), or paired-grades files with --from-csv FILE
    [FILE...] (CSV with columns audit_id,case_ref,rubric,criterion,manager,team,
    service_area,audited_on,manager_grade,moderated_grade; or Parquet with the same
    columns), pooled: a region's authorities' exports together. --format csv writes
    that paired-grades table. --format pack (database only) writes one zip for an
    inspector: the HTML, XLSX and JSON reports, coverage, the sampling seeds and the
    event-log head, with a README. Every column and every key of --format json, and
    the pack: docs/formats.md; every statistic: docs/statistics.md.

    Examples (on the demo: `moderator demo --build-only demo.db`):

    \b
      moderator report --db demo.db --as 'Kenneth Obi'
      moderator report --db demo.db --as 'Kenneth Obi' --period month --since 2020-01-01 --format md
      moderator report --db demo.db --as 'Naomi Okonkwo' --format html --out naomi.html
      moderator report --db demo.db --as 'Kenneth Obi' --format pack --out .
    """
    from moderator.analysis.inputs import ReportFilters

    if since and until and since > until:
        raise UsageProblem(f"--since {since} is after --until {until}")
    if more_files and not from_csv:
        raise UsageProblem("files are read only with --from-csv FILE [FILE...]")
    files = [*from_csv, *more_files]
    filters = ReportFilters(since=since, until=until, team=team, rubric=rubric)
    if fmt == "pack" and files:
        raise UsageProblem("--format pack reads the database, not paired-grades files")
    if out is not None and out.is_dir() and fmt != "pack":
        raise UsageProblem(f"--out {out} is a folder: name a file")
    if out is not None and fmt != "table":
        from moderator.reports.export import extension_problem

        if (problem := extension_problem(fmt, out)) is not None:
            raise UsageProblem(f"--out {problem}")
    if fmt == "csv":
        words = None if files else _csv_words(ctx, db, user)
        _write_csv(_load_pairs(ctx, files, db, user, filters), filters, out, words)
        return
    counts, assignments, source = _load_counts(ctx, files, db, user, filters)
    settings = _settings(ctx, db, user)
    if target is None:
        target = settings.coverage_target

    from moderator.analysis.build import build_report

    now = None
    if not files:  # a demo copy is dated by the demo's own clock, as in the workbench
        from moderator.demo import demo_now

        now = demo_now(resolve(ctx, db, user)[0])
    result = build_report(
        counts,
        assignments=assignments,
        coverage_target=target,
        period=period,
        filters=filters,
        source=source,
        as_of=None if now is None else now.date(),
        generated_at=now,
    )
    if files:
        result = result.model_copy(update={"authority": settings.authority})
    else:
        result = _with_calibration(ctx, db, user, result)
        from moderator.services.report_context import with_context

        db_path, who = resolve(ctx, db, user)
        result = with_context(
            result, db_path, who, filters=filters, authority=settings.authority, window_days=window
        )
    if fmt == "pack":
        from moderator.services.evidence_pack import write_pack

        db_path, who = resolve(ctx, db, user)
        try:
            written = write_pack(result, db_path, who, out or Path.cwd())
        except OSError as exc:
            raise BadInput(f"{out}: cannot write: {exc.strerror or exc}") from exc
        click.echo(f"Wrote {written}", err=True)
        return
    if fmt == "xlsx":
        from moderator.reports import write_xlsx

        path = out or DEFAULT_XLSX
        try:
            write_xlsx(result, path)
        except OSError as exc:
            raise BadInput(f"{path}: cannot write: {exc.strerror or exc}") from exc
        click.echo(f"Wrote {path}", err=True)
        return
    if fmt == "table":
        if out is not None:
            raise UsageProblem("--out needs a file format: md, html, csv, xlsx or json")
        _print_table(result)
        return
    _emit(_render(result, fmt), out)


def _load_counts(
    ctx: click.Context,
    files: list[Path],
    db: Path | None,
    user: str | None,
    filters: ReportFilters,
) -> tuple[GradeCounts, list[Assignment] | None, str]:
    """The count tables the report is built from (filtered), its assignments and its source."""
    if files:
        from moderator.analysis.paired_csv import count_paired_files

        # the file names only: a report never shows where on a disk its data was read
        return count_paired_files(files, filters), None, ", ".join(f.name for f in files)
    db_path, who = resolve(ctx, db, user)
    who = check_signed_in(ctx, db_path, who)
    from moderator.services.reporting import load_report_counts

    counts, assignments = load_report_counts(db_path, who, filters)
    _warn_if_altered(db_path)
    return counts, assignments, "database"


def _with_calibration(
    ctx: click.Context, db: Path | None, user: str | None, result: Report
) -> Report:
    """A report from the database says how many calibration audits it leaves out; a lead's
    carries calibration beside moderation leniency."""
    from moderator.services.calibration_stats import load_with_calibration

    db_path, who = resolve(ctx, db, user)
    return load_with_calibration(db_path, check_signed_in(ctx, db_path, who), result)


def _load_pairs(
    ctx: click.Context, files: list[Path], db: Path | None, user: str | None, filters: ReportFilters
) -> PairedGrades:
    """The paired rows themselves, for ``--format csv`` (filtered again when written)."""
    if files:
        from moderator.analysis.paired_csv import read_paired_files

        return read_paired_files(files)
    db_path, who = resolve(ctx, db, user)
    who = check_signed_in(ctx, db_path, who)
    from moderator.services.paired_rows import load_report_inputs

    pairs = load_report_inputs(db_path, who, filters)[0]
    _warn_if_altered(db_path)
    return pairs


def _warn_if_altered(db_path: Path) -> None:
    """Say on stderr, once, when the event log was altered outside moderator."""
    from moderator.store import open_store
    from moderator.store.chain import check_chain_on_open

    with open_store(db_path, create=False) as store:
        warning = check_chain_on_open(store)
    if warning:
        click.echo(warning, err=True)


def _settings(ctx: click.Context, db: Path | None, user: str | None) -> Settings:
    from moderator.settings import load_settings

    root = ctx.find_root().params
    return load_settings(db=db or root.get("db"), user=user or root.get("user"))


def _render(result: Report, fmt: str) -> str:
    if fmt == "json":
        from moderator.reports import render_json

        return render_json(result) + "\n"
    if fmt == "md":
        from moderator.reports import render_markdown

        return render_markdown(result)
    from moderator.reports import render_html

    return render_html(result)


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        write_private(out, text)
    except OSError as exc:
        raise BadInput(f"{out}: cannot write: {exc.strerror or exc}") from exc
    click.echo(f"Wrote {out}", err=True)


def _csv_words(ctx: click.Context, db: Path | None, user: str | None) -> dict[str, str]:
    """Criterion titles and service-area words for the CSV's human columns."""
    from moderator.services.report_context import report_labels
    from moderator.store import open_store

    db_path, _ = resolve(ctx, db, user)
    with open_store(db_path, create=False) as store:
        labels = report_labels(store)
    return {**labels.service_areas, **labels.criteria}


def _write_csv(
    pairs: PairedGrades, filters: ReportFilters, out: Path | None, words: dict[str, str] | None
) -> None:
    from moderator.analysis.build import apply_filters
    from moderator.analysis.pairs import write_paired_csv

    selected = apply_filters(pairs, filters)
    if out is None:
        write_paired_csv(selected, sys.stdout, words)
        sys.stdout.flush()
        return
    try:
        write_paired_csv(selected, out, words)
    except OSError as exc:
        raise BadInput(f"{out}: cannot write: {exc.strerror or exc}") from exc
    click.echo(f"Wrote {out}", err=True)


def _print_table(result: Report) -> None:
    """Headline, summary, the manager × moderator table and per-manager leniency, with rich."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from moderator.cli.common import escape
    from moderator.domain.text import strip_controls
    from moderator.reports.formatting import (
        GRADE_SHORT,
        LENIENCY_COLUMNS,
        STATS_COLUMNS,
        caption,
        fmt,
        managers_by_leniency,
        overrides_line,
        row,
        summary_rows,
        title,
    )

    console = Console()
    console.print(Text(strip_controls(title(result)), style="bold underline"))
    console.print(Text(strip_controls(result.headline), style="bold"))
    if (line := overrides_line(result)) is not None:
        console.print(Text(line))
    console.print(Text(caption(result), style="dim"))
    console.print()

    # Statistics down the side, so the table fits an 80-column terminal.
    summary = Table(title="Summary", title_justify="left")
    summary.add_column("")
    pairs = summary_rows(result)
    for label, _ in pairs:
        summary.add_column(escape(label), justify="right")
    for c in STATS_COLUMNS:
        summary.add_row(c.heading, *(fmt(c.get(stats), c.kind) for _, stats in pairs))
    console.print(summary)

    confusion = Table(
        title="Overall grades: manager (rows) against moderator (columns)", title_justify="left"
    )
    confusion.add_column("Manager / Moderator")
    for label in GRADE_SHORT:
        confusion.add_column(label, justify="right")
    for i, label in enumerate(GRADE_SHORT):
        cells: list[Any] = []
        for j in range(4):
            count = result.overall.confusion[i][j]
            style = "green" if i == j else "red" if j > i and count else ""
            cells.append(Text(f"{count:,}", style=style))
        confusion.add_row(label, *cells)
    console.print(confusion)

    if not result.by_manager:
        console.print(Text("No managers in this report.", style="dim"))
        return
    managers = Table(title="Managers, most lenient first", title_justify="left")
    columns = tuple(
        c
        for c in LENIENCY_COLUMNS
        if c.heading not in ("Exact p", "Downgraded", "To Inadequate", "Overrides", "Raised")
    )
    for c in columns:
        managers.add_column(
            c.heading,
            justify="left" if c.kind == "text" else "right",
            no_wrap=c.kind != "text",
        )
    for m in managers_by_leniency(result):
        cells = [escape(c) for c in row(m, columns)]
        managers.add_row(*cells, style="bold red" if m.optimistic else None)
    console.print(managers)
    overridden = [(m.key, m.overrides) for m in result.by_manager if m.overrides]
    shown = [f"{key} {o.count} ({o.raised} raised)" for key, o in overridden if o.count]
    if shown:
        console.print("Overrides by manager: " + ", ".join(shown) + ".")
    for effect in result.interventions:
        before, after = effect.before.mean_drift, effect.after.mean_drift
        console.print(
            f"Intervention {effect.date.isoformat()} {escape(effect.title)}: mean drift "
            f"{fmt(before, 'signed')} before, {fmt(after, 'signed')} after (change {fmt(effect.drift_difference, 'signed')}, "
            f"95% CI {fmt(effect.drift_difference_ci, 'ci')})."
        )
    cov = result.coverage
    if cov.rate is not None:
        console.print(
            f"Coverage: {cov.moderated:,} of {cov.submitted:,} submitted audits moderated "
            f"({fmt(cov.rate, 'pct')}; target {fmt(cov.target, 'pct')})."
        )
    console.print(
        Text("Full report: --format md | html | xlsx | json | pack --out FILE", style="dim"),
    )


COMMANDS = [report]
