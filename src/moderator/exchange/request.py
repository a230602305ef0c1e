"""The request flow: authority A exports a sample as a request pack; authority B opens it.

Every function checks everything it can before writing, then writes in one
transaction, so a refused pack changes nothing. Files are written to a
temporary name and moved into place only after the database has recorded them.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from moderator.domain.rubric import Rubric
from moderator.errors import BadInput, NotFound
from moderator.exchange.manifest import (
    REQUEST,
    PackResult,
    RequestItem,
    RequestPack,
    authority_name,
    check_out_path,
    pack_kind,
    register_pack,
    rubric_refs,
    validate_pack,
)
from moderator.exchange.publish import publish_pack
from moderator.exchange.seal import (
    PACK_FORMAT,
    PACK_SCHEMA_VERSION,
    fingerprint,
    load_or_create_pack_key,
    read_pack,
    return_token,
    seal_request,
)
from moderator.services.rubrics import ensure_rubric, rubric_by_hash
from moderator.services.users import Role, User, get_user, require_role
from moderator.store.db import Store

# -- A: export a request ------------------------------------------------------------------


def export_request(
    store: Store,
    user: User,
    sample_id: int,
    out: Path,
    *,
    key_path: Path,
    authority: str | None = None,
    recipient: str | None = None,
) -> PackResult:
    """Write a moderation request for a sample: rubric(s) and anonymised cases, sealed.

    Takes the sample's moderations that are still to do and unassigned (those
    assigned to a local moderator, started, or already in another pack are
    skipped and listed). They are marked as out in this pack, so no local
    moderator claims them. Never writes a manager's grade, note, overall grade
    or name: each case is built from an explicit list of case fields.
    """
    require_role(user, Role.LEAD, doing="export moderation packs")
    source = authority_name(user, authority)
    check_out_path(out)
    if store.scalar("SELECT 1 FROM samples WHERE id = ?", [sample_id]) is None:
        raise NotFound(f"no sample {sample_id}")
    rows = store.rows(
        "SELECT m.id AS moderation_id, m.status, m.moderator_name, m.pack_id, m.rubric_hash,"
        " a.id AS audit_id, c.case_ref, c.service_area, c.opened, c.closed, c.text"
        " FROM moderations m JOIN audits a ON a.id = m.audit_id JOIN cases c ON c.id = m.case_id"
        " WHERE m.sample_id = ? ORDER BY a.id",
        [sample_id],
    )
    chosen, skipped = [], []
    for r in rows:
        if r["pack_id"] is not None:
            skipped.append(f"audit {r['audit_id']}: already out in pack {r['pack_id']}")
        elif r["status"] != "todo":
            skipped.append(f"audit {r['audit_id']}: already being moderated here ({r['status']})")
        elif r["moderator_name"] is not None:
            skipped.append(f"audit {r['audit_id']}: assigned to {r['moderator_name']} here")
        else:
            chosen.append(r)
    if not chosen:
        raise BadInput(
            f"sample {sample_id} has nothing to send out", details=[f"  - {s}" for s in skipped]
        )
    key = load_or_create_pack_key(key_path)
    pack_id = str(uuid.uuid4())
    created = store.now()
    rubrics = {h: rubric_by_hash(store, h) for h in sorted({r["rubric_hash"] for r in chosen})}
    doc: dict[str, Any] = {
        "format": PACK_FORMAT,
        "manifest": {
            "schema_version": PACK_SCHEMA_VERSION,
            "pack_id": pack_id,
            "kind": REQUEST,
            "created": created,
            "source_authority": source,
            "recipient": recipient,
            "sample_id": sample_id,
            "rubrics": rubric_refs(rubrics),
            "audit_ids": [r["audit_id"] for r in chosen],
            "contains_manager_grades": False,
        },
        "rubrics": {h: r.model_dump(mode="json") for h, r in rubrics.items()},
        "items": [
            {
                "audit_id": r["audit_id"],
                "case_ref": r["case_ref"],
                "service_area": r["service_area"],
                "opened": r["opened"],
                "closed": r["closed"],
                "text": r["text"],
                "rubric_hash": r["rubric_hash"],
            }
            for r in chosen
        ],
        "return_token": return_token(key, pack_id),
    }
    doc["seal"] = seal_request(doc, key)

    def mark() -> None:
        for r in chosen:
            store.execute(
                "UPDATE moderations SET pack_id = ?, source = 'external', updated_at = ?"
                " WHERE id = ? AND status = 'todo' AND pack_id IS NULL",
                (pack_id, created, r["moderation_id"]),
            )

    audit_ids = [r["audit_id"] for r in chosen]
    return publish_pack(
        store,
        out,
        doc,
        result={
            "pack_id": pack_id,
            "kind": REQUEST,
            "items": len(chosen),
            "audit_ids": audit_ids,
            "moderation_ids": [r["moderation_id"] for r in chosen],
            "skipped": skipped,
            "authority": recipient,
            "sample_id": sample_id,
        },
        by=user.name,
        at=created,
        event=(
            "pack.export",
            f"{len(chosen)} cases",
            {
                "kind": REQUEST,
                "sample_id": sample_id,
                "audit_ids": audit_ids,
                "recipient": recipient,
            },
        ),
        mark=mark,
    )


# -- B: open a request ------------------------------------------------------------------------


def _check_request_rubrics(pack: RequestPack, path: Path) -> dict[str, Rubric]:
    rubrics: dict[str, Rubric] = {}
    for digest, body in pack.rubrics.items():
        try:
            rubric = Rubric.model_validate(body)
        except ValidationError as exc:
            raise BadInput(
                f"{path}: rubrics.{digest[:12]}: not a valid rubric ({exc.error_count()} problems)"
            ) from None
        if rubric.content_hash != digest:
            raise BadInput(
                f"{path}: rubrics.{digest[:12]}: the rubric's content does not match its hash"
            )
        rubrics[digest] = rubric
    refs = {(r.id, r.version, r.hash) for r in pack.manifest.rubrics}
    if refs != {(r.id, r.version, h) for h, r in rubrics.items()}:
        raise BadInput(f"{path}: manifest.rubrics: does not match the rubrics in the pack")
    for i, item in enumerate(pack.items):
        if item.rubric_hash not in rubrics:
            raise BadInput(f"{path}: items.{i}.rubric_hash: no such rubric in the pack")
    ids = [item.audit_id for item in pack.items]
    if len(set(ids)) != len(ids) or ids != pack.manifest.audit_ids:
        raise BadInput(f"{path}: manifest.audit_ids: does not match the cases in the pack")
    return rubrics


def open_request(
    store: Store,
    user: User,
    path: Path,
    *,
    moderator: str | None = None,
    expect_fingerprint: str | None = None,
) -> PackResult:
    """Import a request pack from another authority as moderations to do (moderator or lead).

    The cases, the rubric(s) and the return token are stored; each case gets a
    moderation assigned to ``moderator`` (a moderator opening the pack takes
    them by default; a lead leaves them unassigned). With
    ``expect_fingerprint`` the file must have that fingerprint (as read out by
    the sending authority).
    """
    require_role(user, Role.MODERATOR, Role.LEAD, doing="open moderation packs")
    doc, raw = read_pack(path)
    if pack_kind(doc, path) != REQUEST:
        raise BadInput(
            f"{path}: this is a moderation return; the authority that sent the request"
            " imports it with `moderator pack import`"
        )
    pack: RequestPack = validate_pack(RequestPack, doc, path)
    print_fp = fingerprint(raw)
    if expect_fingerprint is not None:
        wanted = re.sub(r"[^0-9a-f]", "", expect_fingerprint.lower())
        if len(wanted) < 8 or not print_fp.replace(" ", "").startswith(wanted):
            raise BadInput(
                f"{path}: fingerprint is {print_fp}, not {expect_fingerprint}:"
                " this is not the file the sender described"
            )
    rubrics = _check_request_rubrics(pack, path)
    manifest = pack.manifest
    known = store.row("SELECT direction, at, by FROM packs WHERE id = ?", [manifest.pack_id])
    if known is not None:
        if known["direction"] == "export":
            raise BadInput(
                f"{path}: this request was exported from this database; the other authority"
                " opens it in theirs"
            )
        raise BadInput(
            f"{path}: request {manifest.pack_id} was already opened here"
            f" ({known['at']}, by {known['by']})"
        )
    assignee: User | None = None
    if moderator:
        assignee = get_user(store, moderator)
        if assignee.role is not Role.MODERATOR:
            raise BadInput(f"{assignee.name} is a {assignee.role.value}, not a moderator")
    elif user.role is Role.MODERATOR:
        assignee = user
    digest = hashlib.sha256(raw).hexdigest()
    team = f"External: {manifest.source_authority}"
    moderation_ids: list[int] = []
    with store.transaction():
        stamp = store.now()
        store.execute(
            "INSERT INTO pack_requests (id, source_authority, source_sample_id, created,"
            " opened_at, opened_by, return_token, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                manifest.pack_id,
                manifest.source_authority,
                manifest.sample_id,
                manifest.created,
                stamp,
                user.name,
                pack.return_token,
                print_fp,
            ),
        )
        for rubric in rubrics.values():
            ensure_rubric(store, rubric)
        for item in pack.items:
            case_id = _store_received_case(store, item, team, manifest.pack_id, stamp)
            cur = store.execute(
                "INSERT INTO moderations (audit_id, case_id, rubric_hash, moderator_id,"
                " moderator_name, status, source, request_id, remote_audit_id, created_at,"
                " updated_at) VALUES (NULL, ?, ?, ?, ?, 'todo', 'received', ?, ?, ?, ?)",
                (
                    case_id,
                    item.rubric_hash,
                    None if assignee is None else assignee.id,
                    None if assignee is None else assignee.name,
                    manifest.pack_id,
                    item.audit_id,
                    stamp,
                    stamp,
                ),
            )
            moderation_id = int(cur.lastrowid or 0)
            moderation_ids.append(moderation_id)
            store.record_event(
                user.name,
                "moderation.create",
                "moderation",
                moderation_id,
                after=None if assignee is None else assignee.name,
                detail={"request": manifest.pack_id, "remote_audit_id": item.audit_id},
                at=stamp,
            )
        register_pack(
            store,
            pack_id=manifest.pack_id,
            direction="import",
            kind=REQUEST,
            by=user.name,
            sample_id=None,
            seal=pack.seal.hmac,
            authority=manifest.source_authority,
            ref=None,
            items=len(pack.items),
            sha256=digest,
            at=stamp,
            event=(
                "pack.open",
                f"{len(pack.items)} cases",
                {
                    "kind": REQUEST,
                    "from": manifest.source_authority,
                    "moderator": None if assignee is None else assignee.name,
                },
            ),
        )
    return PackResult(
        pack_id=manifest.pack_id,
        kind=REQUEST,
        path=str(path),
        fingerprint=print_fp,
        sha256=digest,
        items=len(pack.items),
        audit_ids=list(manifest.audit_ids),
        moderation_ids=moderation_ids,
        authority=manifest.source_authority,
        sample_id=manifest.sample_id,
    )


def _store_received_case(
    store: Store, item: RequestItem, team: str, pack_id: str, stamp: str
) -> int:
    """Store a received case; a reference already used for a different case gets a suffix."""
    ref = item.case_ref
    for candidate in (ref, f"{ref}~{pack_id[:8]}"):
        existing = store.row(
            "SELECT id, text, service_area, team FROM cases WHERE case_ref = ?", [candidate]
        )
        if existing is None:
            cur = store.execute(
                "INSERT INTO cases (case_ref, team, service_area, opened, closed, text,"
                " imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (candidate, team, item.service_area, item.opened, item.closed, item.text, stamp),
            )
            return int(cur.lastrowid or 0)
        if (existing["text"], existing["service_area"], existing["team"]) == (
            item.text,
            item.service_area,
            team,
        ):
            return int(existing["id"])
    raise BadInput(f"case reference {ref!r} clashes with cases already stored here")
