"""``moderator anonymise FILE``: anonymised cases as JSONL on stdout; touches no database."""

from __future__ import annotations

import json
from pathlib import Path

import click

from moderator.cli.common import common_options, jobs_option, resolve_settings
from moderator.errors import BadInput, RedactorFault, with_quotes_capped


@click.command("anonymise")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--key-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Pseudonym key (default: MODERATOR_KEY_FILE or the config directory; created if absent).",
)
@jobs_option
@common_options
@click.pass_context
def anonymise(
    ctx: click.Context,
    file: Path,
    key_file: Path | None,
    jobs: int | None,
    db: Path | None,
    user: str | None,
) -> None:
    """Read cases (JSONL or CSV; docs/formats.md) and write them anonymised, one JSON object per line.

    Identifiers become stable pseudonyms made with a secret key kept outside
    any database; names, dates of birth, addresses and other identifiers in the
    text become typed placeholders such as [CHILD] or [POSTCODE]. The whole file
    is checked first: any problem is reported as file:line: field: message and
    nothing is written (exit 1). --db and --as are accepted and ignored.

    Decisions a person made about the redactor's doubts (``import cases --review`` or
    the workbench's import screen) are remembered beside the key and applied here too,
    so the same words come out the same way as in an import. A large file is anonymised
    on every free core, like an import; the objects still come out in the file's order.
    """
    from moderator.anonymise.pseudonym import Pseudonymiser, load_or_create_key
    from moderator.anonymise.records import read_cases
    from moderator.anonymise.review import Decisions, decisions_path
    from moderator.services.case_pool import (
        anonymise_in_pool,
        anonymise_one,
        line_of,
        processes_for,
    )

    settings = resolve_settings(ctx, db, user)
    try:
        cases = read_cases(file)
    except BadInput as exc:  # quoting a header cell: never a long run of the file's content
        raise with_quotes_capped(exc) from exc.__cause__
    path = key_file or settings.key_path()
    existed = path.exists()
    key = load_or_create_key(path)
    pseudonymiser = Pseudonymiser(key)
    decisions = Decisions.load(key, decisions_path(path))
    if not existed:
        click.echo(
            f"created a new pseudonym key at {path}; keep it safe and out of any database "
            "(the same key gives the same pseudonyms on every import)",
            err=True,
        )
    chars = sum(len(case.text or "") for case in cases)
    processes = processes_for(jobs or settings.import_jobs, len(cases), chars)
    try:
        if processes > 1:
            outcomes = anonymise_in_pool(
                cases, pseudonymiser, decisions, dry_run=False, workers=processes - 1
            )
        else:
            outcomes = [
                anonymise_one(case, line_of(case, i), pseudonymiser, decisions, dry_run=False)
                for i, case in enumerate(cases)
            ]
    except RedactorFault as fault:  # named by line and case; the file's path added here
        raise BadInput(f"{file}: {fault.message}") from None
    for anonymised in (outcome.case for outcome in outcomes):
        click.echo(json.dumps(anonymised.model_dump(mode="json"), ensure_ascii=False))


COMMANDS = [anonymise]
