"""``moderator import cases``: anonymise and store a case-system export."""

from __future__ import annotations

from pathlib import Path

import click

from moderator.cli.common import common_options, emit_json, format_option, resolve, sign_in_as


@click.group("import")
def import_group() -> None:
    """Bring data in (cases from a case-system export)."""


@import_group.command("cases")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Show what would be redacted; write nothing.")
@click.option(
    "--key-file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Pseudonymisation key (default: your config dir; env MODERATOR_KEY_FILE).",
)
@format_option("table", "json")
@common_options
@click.pass_context
def cases(
    ctx: click.Context,
    file: Path,
    dry_run: bool,
    key_file: Path | None,
    fmt: str,
    db: Path | None,
    user: str | None,
) -> None:
    """Import cases (JSONL or CSV, format in docs/formats.md), atomically.

    Identifiers become keyed pseudonyms and free text is redacted on the way
    in; real identities never reach the database. A file with any bad row
    imports nothing. Re-importing the same file adds nothing twice.
    """
    from rich.console import Console
    from rich.progress import Progress

    from moderator.services.cases import import_cases
    from moderator.settings import default_key_path
    from moderator.store import open_store

    db_path, who = resolve(ctx, db, user)
    key_path = key_file or default_key_path()
    err = Console(stderr=True)
    store = None if dry_run and not db_path.exists() else open_store(db_path)
    try:
        if store is not None:
            who = sign_in_as(ctx, store, who)
        with Progress(console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("Importing cases", total=None)

            def tick(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            result = import_cases(
                store, who, file, key_path=key_path, dry_run=dry_run, progress=tick
            )
    finally:
        if store is not None:
            store.close()
    if fmt == "json":
        emit_json(result.model_dump(mode="json"))
        return
    out = Console()
    if dry_run:
        from moderator.cli.common import escape

        for p in result.previews:
            out.print(f"[bold]line {p.line} → {p.case_ref}[/]: {len(p.redactions)} redaction(s)")
            for kind, placeholder, original in p.redactions:
                out.print(f"   {escape(placeholder):<16} {kind:<12} {escape(original)!r}")
        out.print(
            f"Dry run: {result.read} case(s) read; {result.added} would be added,"
            f" {result.skipped} already present. Nothing was written."
        )
        return
    out.print(
        f"Imported {result.added} case(s) into {db_path}"
        + (f"; {result.skipped} already present (skipped)" if result.skipped else "")
    )


COMMANDS = [import_group]
