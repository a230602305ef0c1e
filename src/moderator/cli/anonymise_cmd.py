"""``moderator anonymise FILE``: anonymised cases as JSONL on stdout; touches no database."""

from __future__ import annotations

import json
from pathlib import Path

import click

from moderator.cli.common import common_options


@click.command("anonymise")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--key-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Pseudonym key (default: MODERATOR_KEY_FILE or the config directory; created if absent).",
)
@common_options
def anonymise(file: Path, key_file: Path | None, db: Path | None, user: str | None) -> None:
    """Read cases (JSONL or CSV; docs/formats.md) and write them anonymised, one JSON object per line.

    Identifiers become stable pseudonyms made with a secret key kept outside
    any database; names, dates of birth, addresses and other identifiers in the
    text become typed placeholders such as [CHILD] or [POSTCODE]. The whole file
    is checked first: any problem is reported as file:line: field: message and
    nothing is written (exit 1). --db and --as are accepted and ignored.

    Decisions a person made about the redactor's doubts (``import cases --review`` or
    the workbench's import screen) are remembered beside the key and applied here too,
    so the same words come out the same way as in an import.
    """
    from moderator.anonymise.pipeline import anonymise_case
    from moderator.anonymise.pseudonym import Pseudonymiser, load_or_create_key
    from moderator.anonymise.records import read_cases
    from moderator.anonymise.review import Decisions, decisions_path
    from moderator.settings import default_key_path

    cases = read_cases(file)
    path = key_file or default_key_path()
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
    for case in cases:
        anonymised, _ = anonymise_case(case, pseudonymiser, decisions)
        click.echo(json.dumps(anonymised.model_dump(mode="json"), ensure_ascii=False))


COMMANDS = [anonymise]
