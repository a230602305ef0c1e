"""``moderator pack …``: moderation packs exchanged with another authority.

A thin face: the seals, manifests and every check live in :mod:`moderator.exchange`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from moderator.cli.common import (
    acting_user,
    common_options,
    echo_text,
    emit_json,
    format_option,
    open_for,
)


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


@click.group("pack")
def pack_group() -> None:
    """Moderation packs for moderators in another authority (no shared database).

    export (lead) → the other authority opens, grades, returns → import (lead).
    """


def _as_actor(
    ctx: click.Context, db: Path | None, user: str | None, action: Any, *args: Any, **kwargs: Any
) -> Any:
    """``action(store, acting user, *args, **kwargs)`` in one session of the database."""
    store, who = open_for(ctx, db, user)
    with store:
        return action(store, acting_user(store, who), *args, **kwargs)


def _pack_result(result: Any, fmt: str, lines: list[str]) -> None:
    if fmt == "json":
        emit_json(result.model_dump(mode="json"))
        return
    for line in lines:
        echo_text(line)
    for note in result.skipped:
        echo_text(f"  note: {note}")


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

    result = _as_actor(
        ctx,
        db,
        user,
        export_request,
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

    result = _as_actor(
        ctx, db, user, open_request, file, moderator=moderator, expect_fingerprint=expect
    )
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

    result = _as_actor(
        ctx,
        db,
        user,
        write_return,
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

    result = _as_actor(
        ctx, db, user, import_return, file, key_path=_key_path(key_file), moderator=moderator
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
    echo_text(f"{file}: {info.kind} {m['pack_id']}, intact")
    for k in sorted(m):
        echo_text(f"  {k}: {m[k]}")
    echo_text(f"  fingerprint: {info.fingerprint}")
    if info.sealed_by_this_key is not None:
        echo_text(f"  sealed for your pack key: {'yes' if info.sealed_by_this_key else 'no'}")


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
        echo_text(
            f"{r['at']} {r['direction']:<6} {r['kind']:<18} {r['id']} {r['items']} item(s)"
            f" {r['authority'] or ''} by {r['by']}"
        )
    echo_text(f"{len(rows)} pack(s)")


COMMANDS = [pack_group]
