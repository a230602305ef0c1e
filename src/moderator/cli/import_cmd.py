"""``moderator import cases``: anonymise and store a case-system export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from moderator.cli.common import (
    common_options,
    emit_json,
    format_option,
    jobs_option,
    keep_demo_clock,
    resolve_settings,
    sign_in_as,
)

if TYPE_CHECKING:
    from moderator.anonymise.review import Decision, Doubtful


@click.group("import")
def import_group() -> None:
    """Bring data in (cases from a case-system export)."""


@import_group.command("cases")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Show what would be redacted; write nothing.")
@click.option(
    "--strict",
    is_flag=True,
    help="Refuse (exit 1) while the redactor has doubts nobody has decided.",
)
@click.option(
    "--review",
    is_flag=True,
    help="Ask about each doubt (r: redact, k: keep, s: skip, q: stop asking); remembered.",
)
@click.option(
    "--key-file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Pseudonymisation key (default: your config dir; env MODERATOR_KEY_FILE).",
)
@jobs_option
@format_option("table", "json")
@common_options
@click.pass_context
def cases(
    ctx: click.Context,
    file: Path,
    dry_run: bool,
    strict: bool,
    review: bool,
    key_file: Path | None,
    jobs: int | None,
    fmt: str,
    db: Path | None,
    user: str | None,
) -> None:
    """Import cases (JSONL or CSV, format in docs/formats.md), atomically.

    Identifiers become keyed pseudonyms and free text is redacted on the way
    in; real identities never reach the database. A file with any bad row
    imports nothing. Re-importing the same file adds nothing twice.

    What the redactor is unsure of is listed in context by --dry-run, asked
    about one by one with --review (decisions are remembered for this
    authority as keyed hashes beside the pseudonym key), and refused by --strict.

    Examples (on the demo: `moderator demo --build-only demo.db`):

    \b
      moderator import cases sample_audits/cases.jsonl --dry-run --db demo.db --as 'Kenneth Obi'
      moderator import cases sample_audits/cases.jsonl --review --db demo.db --as 'Kenneth Obi'
    """
    from rich.console import Console
    from rich.progress import Progress

    from moderator.services.cases import import_cases
    from moderator.store import open_store

    settings = resolve_settings(ctx, db, user)
    db_path, who = settings.db_path(), settings.user
    key_path = key_file or settings.key_path()
    key_existed = key_path.exists()
    err = Console(stderr=True)
    store = None if dry_run and not db_path.exists() else open_store(db_path)
    try:
        if store is not None:
            keep_demo_clock(store, db_path)
            who = sign_in_as(ctx, store, who)
        with Progress(console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("Finding the doubts" if review else "Importing cases", total=None)

            def tick(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            # --review first lists every doubt (as the workbench's import screen does), so
            # that it can number them and say which places one decision settles.
            doubts = (
                _all_doubts(file, key_path, jobs or settings.import_jobs, tick) if review else []
            )
            result = import_cases(
                store,
                who,
                file,
                key_path=key_path,
                dry_run=dry_run,
                strict=strict,
                review=_ask(err, bar.stop, doubts) if review else None,
                progress=None if review else tick,
                jobs=jobs or settings.import_jobs,
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
        _print_doubts(out, result.uncertain)
        if result.throwaway_key:
            out.print(
                f"No pseudonym key at {escape(str(key_path))} yet: this dry run used a key held"
                " in memory only, so its case references differ from the real import's"
                + ". The real import creates the key."
            )
        written = []
        if not key_existed and key_path.exists():
            written.append(f"created the pseudonym key {escape(str(key_path))}")
        if result.decided:
            written.append(f"remembered {result.decided} decision(s) beside the key")
        out.print(
            f"Dry run: {result.read} case(s) read; {result.added} would be added,"
            f" {result.skipped} already present. "
            + (
                f"No case was imported; {' and '.join(written)}."
                if written
                else "Nothing was written."
            )
        )
        return
    out.print(
        f"Imported {result.added} case(s) into {db_path}"
        + (f"; {result.skipped} already present (skipped)" if result.skipped else "")
        + (
            f"; {result.unresolved} redaction doubt(s) left as the redactor chose"
            if result.unresolved
            else ""
        )
    )


def _print_doubts(out: Any, doubts: list[Doubtful]) -> None:
    """The redactor's open doubts in context (dry run: the operator's screen only)."""
    from rich.markup import escape

    if not doubts:
        out.print("No redaction doubts: nothing needs a person's decision.")
        return
    out.print(f"[bold]{len(doubts)} redaction doubt(s)[/] for a person to decide (--review):")
    for d in doubts:
        state = f"redacted as {d.placeholder}" if d.redacted else f"kept (would be {d.placeholder})"
        out.print(
            f"   line {d.line}: {d.kind}, confidence {d.confidence:.2f}, {escape(state)}: "
            f"{escape(d.context())}"
        )


def _all_doubts(
    file: Path, key_path: Path, jobs: int, progress: Callable[[int, int], None]
) -> list[Doubtful]:
    """Every doubt in the file not yet decided, in the order --review asks about them."""
    from moderator.services.cases import import_cases

    found = import_cases(
        None, None, file, key_path=key_path, dry_run=True, jobs=jobs, progress=progress
    )
    return found.uncertain


def _ask(
    err: Any, pause: Callable[[], None], doubts: list[Doubtful]
) -> Callable[[Doubtful], Decision | None]:
    """Ask about one doubt at a time on the terminal; keys r/y redact, k/n keep, s skip, q quit.

    ``doubts`` are all the file's doubts: each is asked as "doubt N of M", and a decision
    says every place the same words are written, which it settles at once (as the
    workbench's import screen says it).
    """
    from moderator.tui.screens.import_text import decision_said

    stopped = False
    seen = 0  # doubts are asked in the listing's order: look for the next one from here

    def number(d: Doubtful) -> int | None:
        nonlocal seen
        where = (d.line, d.kind, d.before, d.value, d.after)
        for n in range(seen, len(doubts)):
            o = doubts[n]
            if (o.line, o.kind, o.before, o.value, o.after) == where:
                seen = n + 1
                return n + 1
        return None

    def said(d: Doubtful, decision: Decision) -> str:
        return decision_said(
            doubts if d.value in (o.value for o in doubts) else [d], d.value, decision
        )

    def ask(d: Doubtful) -> Decision | None:
        nonlocal stopped
        if stopped:
            return None
        pause()
        from rich.markup import escape

        now = "redacted" if d.redacted else "kept"
        n = number(d)
        which = f"doubt {n} of {len(doubts)}, " if n is not None else ""
        err.print(
            f"{which}line {d.line} ({d.kind}, {now}, confidence {d.confidence:.2f}): "
            f"{escape(d.context())}"
        )
        err.print(escape("  [r]edact  [k]eep  [s]kip  [q]uit asking ? "), end="")
        while True:
            key = click.getchar().lower()
            if key in ("r", "y"):
                err.print(escape(said(d, "redact")), soft_wrap=True)
                return "redact"
            if key in ("k", "n"):
                err.print(escape(said(d, "keep")), soft_wrap=True)
                return "keep"
            if key in ("s", "\r", "\n", " "):
                err.print("skipped")
                return None
            if key == "q":
                err.print("stopped asking")
                stopped = True
                return None

    return ask


COMMANDS = [import_group]
