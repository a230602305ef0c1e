"""Moderation packs out and back: export, open, return, import (see :mod:`moderator.exchange`).

Every function checks everything it can before writing, then writes in one
transaction, so a refused pack changes nothing. Files are written to a
temporary name and moved into place only after the database has recorded them.
"""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from contextlib import suppress
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from moderator.domain.grades import Grade
from moderator.domain.rubric import Rubric
from moderator.errors import BadInput, NotFound
from moderator.exchange.seal import (
    PACK_FORMAT,
    PACK_SCHEMA_VERSION,
    SEAL_ALGORITHM,
    fingerprint,
    load_or_create_pack_key,
    load_pack_key,
    read_pack,
    return_token,
    seal_request,
    seal_return,
    verify_request_hmac,
    verify_return_seal,
    write_pack,
)
from moderator.services.audits import MAX_NOTE, MAX_REASON
from moderator.services.rubrics import ensure_rubric, rubric_by_hash
from moderator.services.users import Role, User, get_user, require_role
from moderator.store.db import Store

REQUEST = "moderation-request"
RETURN = "moderation-return"

Hex64 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
PackId = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Seal(_Strict):
    """The seal block of a pack."""

    alg: Literal["HMAC-SHA256"]
    sha256: Hex64
    hmac: Hex64


class RubricRef(_Strict):
    """Which rubric, which version, which exact content."""

    id: Name
    version: Name
    hash: Hex64


class RequestManifest(_Strict):
    """What a request pack is: read it without reading the cases."""

    schema_version: int
    pack_id: PackId
    kind: Literal["moderation-request"]
    created: Name
    source_authority: Name
    recipient: Name | None
    sample_id: int
    rubrics: list[RubricRef] = Field(min_length=1)
    audit_ids: list[int] = Field(min_length=1)
    contains_manager_grades: Literal[False]


class RequestItem(_Strict):
    """One anonymised case to moderate: no manager, no grades, no notes."""

    audit_id: int
    case_ref: Name
    service_area: Name
    opened: str | None
    closed: str | None
    text: str
    rubric_hash: Hex64


class RequestPack(_Strict):
    """A whole request pack."""

    format: Literal["moderator-pack"]
    manifest: RequestManifest
    rubrics: dict[str, dict[str, Any]]
    items: list[RequestItem] = Field(min_length=1)
    return_token: Hex64
    seal: Seal


class ReturnGrade(_Strict):
    """One criterion as the external moderator graded it."""

    criterion: Name
    grade: int = Field(ge=1, le=4)
    note: Annotated[str, StringConstraints(max_length=MAX_NOTE)]


class ReturnModeration(_Strict):
    """One audit's external moderation."""

    audit_id: int
    case_ref: Name
    rubric_hash: Hex64
    moderator: Name
    grades: list[ReturnGrade] = Field(min_length=1)
    overall_grade: int = Field(ge=1, le=4)
    overall_override: int | None = Field(default=None, ge=1, le=4)
    override_reason: Annotated[str, StringConstraints(max_length=MAX_REASON)] | None = None
    submitted_at: Name


class ReturnManifest(_Strict):
    """What a return pack is and which request it answers."""

    schema_version: int
    pack_id: PackId
    kind: Literal["moderation-return"]
    created: Name
    request_pack_id: PackId
    source_authority: Name
    request_authority: Name
    sample_id: int
    rubrics: list[RubricRef] = Field(min_length=1)
    audit_ids: list[int] = Field(min_length=1)


class ReturnPack(_Strict):
    """A whole return pack."""

    format: Literal["moderator-pack"]
    manifest: ReturnManifest
    moderations: list[ReturnModeration] = Field(min_length=1)
    seal: Seal


class PackResult(BaseModel):
    """What a pack command did."""

    pack_id: str
    kind: str
    path: str
    fingerprint: str
    sha256: str
    items: int
    audit_ids: list[int]
    """Audit ids at the exporting authority."""
    moderation_ids: list[int] = []
    """Moderations created or filled in this database."""
    skipped: list[str] = []
    authority: str | None = None
    """The other party (for a request written: the recipient, if named)."""
    sample_id: int | None = None
    request_pack_id: str | None = None


class PackInfo(BaseModel):
    """A pack's manifest and checks, read without any database."""

    path: str
    kind: str
    manifest: dict[str, Any]
    fingerprint: str
    sha256: str
    intact: bool
    sealed_by_this_key: bool | None
    """For your own request, or a return to it: whether your pack key verifies it (None: no key)."""


# -- helpers -------------------------------------------------------------------------


def _validate(model: type[_Strict], doc: dict[str, Any], path: Path) -> Any:
    try:
        return model.model_validate(doc)
    except ValidationError as exc:
        details = []
        for error in exc.errors()[:20]:
            loc = ".".join(str(p) for p in error["loc"]) or "(pack)"
            details.append(f"{path}: {loc}: {error['msg']}")
        raise BadInput(f"{path}: not a valid moderation pack", details=details) from None


def _kind(doc: dict[str, Any], path: Path) -> str:
    manifest = doc.get("manifest")
    if not isinstance(manifest, dict):
        raise BadInput(f"{path}: manifest: missing")
    version = manifest.get("schema_version")
    if isinstance(version, int) and version > PACK_SCHEMA_VERSION:
        raise BadInput(
            f"{path}: manifest.schema_version: {version} is newer than this moderator"
            f" understands ({PACK_SCHEMA_VERSION}); upgrade moderator"
        )
    if version != PACK_SCHEMA_VERSION:
        raise BadInput(f"{path}: manifest.schema_version: expected {PACK_SCHEMA_VERSION}")
    kind = manifest.get("kind")
    if kind not in (REQUEST, RETURN):
        raise BadInput(f"{path}: manifest.kind: unknown pack kind {kind!r}")
    return str(kind)


def _place(tmp: Path, out: Path) -> None:
    try:
        os.replace(tmp, out)
    except OSError as exc:
        with suppress(OSError):
            tmp.unlink()
        raise BadInput(f"{out}: cannot write: {exc.strerror}") from None


def _discard(tmp: Path) -> None:
    with suppress(OSError):
        tmp.unlink()


def _check_out(out: Path) -> None:
    if out.is_dir():
        raise BadInput(f"{out}: is a folder; give a file name for the pack")


def _authority(user: User, authority: str | None) -> str:
    name = (authority or user.authority or "").strip()
    if not name:
        raise BadInput(
            "which authority is this? give --authority NAME (or add it to your user with"
            " `moderator user add NAME --role ... --authority NAME`)"
        )
    return name


def _rubric_refs(rubrics: dict[str, Rubric]) -> list[dict[str, str]]:
    return [
        {"id": r.id, "version": r.version, "hash": h}
        for h, r in sorted(rubrics.items(), key=lambda kv: (kv[1].id, kv[0]))
    ]


def _register(
    store: Store,
    *,
    pack_id: str,
    direction: str,
    kind: str,
    by: str,
    sample_id: int | None,
    seal: str,
    authority: str | None,
    ref: str | None,
    items: int,
    sha256: str,
    at: str,
) -> None:
    store.execute(
        "INSERT INTO packs (id, direction, kind, at, by, sample_id, seal, authority, ref, items,"
        " sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (pack_id, direction, kind, at, by, sample_id, seal, authority, ref, items, sha256),
    )


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
    source = _authority(user, authority)
    _check_out(out)
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
            "rubrics": _rubric_refs(rubrics),
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
    tmp, data = write_pack(out, doc)
    digest = hashlib.sha256(data).hexdigest()
    try:
        with store.transaction():
            for r in chosen:
                store.execute(
                    "UPDATE moderations SET pack_id = ?, source = 'external', updated_at = ?"
                    " WHERE id = ? AND status = 'todo' AND pack_id IS NULL",
                    (pack_id, created, r["moderation_id"]),
                )
            _register(
                store,
                pack_id=pack_id,
                direction="export",
                kind=REQUEST,
                by=user.name,
                sample_id=sample_id,
                seal=doc["seal"]["hmac"],
                authority=recipient,
                ref=None,
                items=len(chosen),
                sha256=digest,
                at=created,
            )
            store.record_event(
                user.name,
                "pack.export",
                "pack",
                pack_id,
                after=f"{len(chosen)} cases",
                detail={
                    "kind": REQUEST,
                    "sample_id": sample_id,
                    "audit_ids": [r["audit_id"] for r in chosen],
                    "sha256": digest,
                    "recipient": recipient,
                },
                at=created,
            )
    except BaseException:
        _discard(tmp)
        raise
    _place(tmp, out)
    return PackResult(
        pack_id=pack_id,
        kind=REQUEST,
        path=str(out),
        fingerprint=fingerprint(data),
        sha256=digest,
        items=len(chosen),
        audit_ids=[r["audit_id"] for r in chosen],
        moderation_ids=[r["moderation_id"] for r in chosen],
        skipped=skipped,
        authority=recipient,
        sample_id=sample_id,
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
    if _kind(doc, path) != REQUEST:
        raise BadInput(
            f"{path}: this is a moderation return; the authority that sent the request"
            " imports it with `moderator pack import`"
        )
    pack: RequestPack = _validate(RequestPack, doc, path)
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
        _register(
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
        )
        store.record_event(
            user.name,
            "pack.open",
            "pack",
            manifest.pack_id,
            after=f"{len(pack.items)} cases",
            detail={
                "kind": REQUEST,
                "from": manifest.source_authority,
                "sha256": digest,
                "moderator": None if assignee is None else assignee.name,
            },
            at=stamp,
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


# -- B: write the return ----------------------------------------------------------------------


def write_return(
    store: Store,
    user: User,
    out: Path,
    *,
    request_id: str | None = None,
    authority: str | None = None,
    include_returned: bool = False,
) -> PackResult:
    """Write a return pack with the submitted moderations of a received request (moderator or lead).

    Only submitted moderations go back; by default those not already sent in
    an earlier return (``include_returned`` sends them all again). Sealed with
    the request's return token, so the requesting authority can verify it.
    """
    require_role(user, Role.MODERATOR, Role.LEAD, doing="return moderation packs")
    _check_out(out)
    if request_id is None:
        pending = store.rows(
            "SELECT DISTINCT request_id FROM moderations WHERE request_id IS NOT NULL"
            " AND status = 'submitted'" + ("" if include_returned else " AND returned_in IS NULL")
        )
        if not pending:
            raise BadInput("nothing to return: no submitted moderations from a received pack")
        if len(pending) > 1:
            ids = ", ".join(r["request_id"] for r in pending)
            raise BadInput(
                f"more than one request has moderations to return; give --request ({ids})"
            )
        request_id = str(pending[0]["request_id"])
    request = store.row("SELECT * FROM pack_requests WHERE id = ?", [request_id])
    if request is None:
        raise NotFound(f"no received request {request_id}")
    source = _authority(user, authority)
    rows = store.rows(
        "SELECT * FROM moderations WHERE request_id = ? AND status = 'submitted'"
        + ("" if include_returned else " AND returned_in IS NULL")
        + " ORDER BY remote_audit_id",
        [request_id],
    )
    outstanding = store.scalar(
        "SELECT count(*) FROM moderations WHERE request_id = ? AND status IN ('todo', 'draft')",
        [request_id],
    )
    if not rows:
        raise BadInput(
            f"nothing to return for request {request_id}: {outstanding} still to grade"
            " and submit" + ("" if include_returned else " (already returned ones need --all)")
        )
    rubrics = {h: rubric_by_hash(store, h) for h in sorted({r["rubric_hash"] for r in rows})}
    moderations = []
    for r in rows:
        grades = store.rows(
            "SELECT criterion, grade, note FROM moderation_grades WHERE moderation_id = ?"
            " ORDER BY criterion",
            [r["id"]],
        )
        moderations.append(
            {
                "audit_id": r["remote_audit_id"],
                "case_ref": _original_ref(store, r["case_id"]),
                "rubric_hash": r["rubric_hash"],
                "moderator": r["moderator_name"] or user.name,
                "grades": [
                    {"criterion": g["criterion"], "grade": g["grade"], "note": g["note"]}
                    for g in grades
                ],
                "overall_grade": r["overall_grade"],
                "overall_override": r["overall_override"],
                "override_reason": r["override_reason"],
                "submitted_at": r["submitted_at"],
            }
        )
    pack_id = str(uuid.uuid4())
    created = store.now()
    doc: dict[str, Any] = {
        "format": PACK_FORMAT,
        "manifest": {
            "schema_version": PACK_SCHEMA_VERSION,
            "pack_id": pack_id,
            "kind": RETURN,
            "created": created,
            "request_pack_id": request_id,
            "source_authority": source,
            "request_authority": request["source_authority"],
            "sample_id": request["source_sample_id"],
            "rubrics": _rubric_refs(rubrics),
            "audit_ids": [m["audit_id"] for m in moderations],
        },
        "moderations": moderations,
    }
    doc["seal"] = seal_return(doc, request["return_token"])
    tmp, data = write_pack(out, doc)
    digest = hashlib.sha256(data).hexdigest()
    try:
        with store.transaction():
            for r in rows:
                store.execute(
                    "UPDATE moderations SET returned_in = ?, updated_at = ? WHERE id = ?",
                    (pack_id, created, r["id"]),
                )
            _register(
                store,
                pack_id=pack_id,
                direction="export",
                kind=RETURN,
                by=user.name,
                sample_id=None,
                seal=doc["seal"]["hmac"],
                authority=request["source_authority"],
                ref=request_id,
                items=len(rows),
                sha256=digest,
                at=created,
            )
            store.record_event(
                user.name,
                "pack.return",
                "pack",
                pack_id,
                after=f"{len(rows)} moderations",
                detail={
                    "kind": RETURN,
                    "request": request_id,
                    "to": request["source_authority"],
                    "sha256": digest,
                    "still_to_do": outstanding,
                },
                at=created,
            )
    except BaseException:
        _discard(tmp)
        raise
    _place(tmp, out)
    return PackResult(
        pack_id=pack_id,
        kind=RETURN,
        path=str(out),
        fingerprint=fingerprint(data),
        sha256=digest,
        items=len(rows),
        audit_ids=[m["audit_id"] for m in moderations],
        moderation_ids=[r["id"] for r in rows],
        skipped=[f"{outstanding} moderation(s) still to grade and submit"] if outstanding else [],
        authority=request["source_authority"],
        request_pack_id=request_id,
    )


def _original_ref(store: Store, case_id: int) -> str:
    ref = str(store.scalar("SELECT case_ref FROM cases WHERE id = ?", [case_id]))
    return ref.split("~", 1)[0] if "~" in ref else ref


# -- A: import the return ---------------------------------------------------------------------


def _check_moderation(
    store: Store, pack: ReturnPack, m: ReturnModeration, i: int, path: Path
) -> tuple[dict[str, Any], Rubric]:
    where = f"{path}: moderations.{i} (audit {m.audit_id})"
    row = store.row(
        "SELECT m.id, m.status, m.pack_id, m.rubric_hash, m.sample_id, c.case_ref"
        " FROM moderations m JOIN cases c ON c.id = m.case_id WHERE m.audit_id = ?",
        [m.audit_id],
    )
    if row is None or row["pack_id"] != pack.manifest.request_pack_id:
        raise BadInput(
            f"{where}: this audit was not sent out in request {pack.manifest.request_pack_id}"
        )
    if row["status"] != "todo":
        raise BadInput(f"{where}: already moderated here ({row['status']}); nothing was imported")
    if row["case_ref"] != m.case_ref:
        raise BadInput(f"{where}: case_ref: {m.case_ref!r} is not the case that was sent")
    if row["rubric_hash"] != m.rubric_hash:
        raise BadInput(
            f"{where}: rubric_hash: graded against a different rubric version"
            f" ({m.rubric_hash[:12]}, sent {row['rubric_hash'][:12]})"
        )
    rubric = rubric_by_hash(store, row["rubric_hash"])
    criteria = [c.id for c in rubric.criteria]
    got = [g.criterion for g in m.grades]
    if sorted(got) != sorted(criteria) or len(set(got)) != len(got):
        raise BadInput(
            f"{where}: grades: expected one grade for each of {', '.join(criteria)};"
            f" got {', '.join(got)}"
        )
    if any(not g.note.strip() for g in m.grades):
        raise BadInput(f"{where}: grades: every criterion needs its evidence note")
    derived = rubric.derive_overall({g.criterion: Grade(g.grade) for g in m.grades})
    assert derived is not None
    expected = m.overall_override or int(derived.grade)
    if m.overall_grade != expected:
        raise BadInput(
            f"{where}: overall_grade: {Grade(m.overall_grade).label} does not follow from the"
            f" criterion grades ({derived.explanation})"
        )
    if m.overall_override is not None and not (m.override_reason or "").strip():
        raise BadInput(f"{where}: override_reason: an overridden overall grade needs a reason")
    return row, rubric


def import_return(
    store: Store,
    user: User,
    path: Path,
    *,
    key_path: Path,
    moderator: str | None = None,
) -> PackResult:
    """Verify a return pack and store its moderations as submitted, atomically (lead only).

    Refused, changing nothing, when the file is damaged, truncated or altered
    in any byte; when it answers a request this database did not export, or is
    sealed with another authority's key; when it was imported before; when an
    audit was not in the request, is already moderated, or was graded against
    another rubric version. The moderations are then reviewed here (by a lead,
    or by ``moderator``: a local moderator account given the review).
    """
    require_role(user, Role.LEAD, doing="import moderation packs")
    doc, raw = read_pack(path)
    if _kind(doc, path) != RETURN:
        raise BadInput(
            f"{path}: this is a moderation request; the moderating authority opens it with"
            " `moderator pack open`, and you import the return they send back"
        )
    pack: ReturnPack = _validate(ReturnPack, doc, path)
    manifest = pack.manifest
    request = store.row(
        "SELECT * FROM packs WHERE id = ? AND direction = 'export' AND kind = ?",
        [manifest.request_pack_id, REQUEST],
    )
    if request is None:
        raise BadInput(
            f"{path}: answers request {manifest.request_pack_id}, which this database did not"
            " export (a pack for another authority or another database?)"
        )
    key = load_pack_key(key_path)
    if not verify_return_seal(doc, return_token(key, manifest.request_pack_id)):
        raise BadInput(
            f"{path}: seal: does not verify with this authority's pack key: the pack was"
            " altered, or it was not made from our request"
        )
    seen = store.row("SELECT at, by FROM packs WHERE id = ?", [manifest.pack_id])
    if seen is not None:
        raise BadInput(
            f"{path}: return {manifest.pack_id} was already imported ({seen['at']}, by"
            f" {seen['by']}); nothing was changed"
        )
    if manifest.sample_id != request["sample_id"]:
        raise BadInput(
            f"{path}: manifest.sample_id: the request was for sample {request['sample_id']}"
        )
    ids = [m.audit_id for m in pack.moderations]
    if len(set(ids)) != len(ids) or ids != manifest.audit_ids:
        raise BadInput(f"{path}: manifest.audit_ids: does not match the moderations in the pack")
    checked = [_check_moderation(store, pack, m, i, path) for i, m in enumerate(pack.moderations)]
    refs = {(r.id, r.version, r.hash) for r in manifest.rubrics}
    used = {(rub.id, rub.version, row["rubric_hash"]) for row, rub in checked}
    if refs != used:
        raise BadInput(f"{path}: manifest.rubrics: does not match the rubrics the audits use")
    assignee: User | None = None
    if moderator:
        assignee = get_user(store, moderator)
        if assignee.role is not Role.MODERATOR:
            raise BadInput(f"{assignee.name} is a {assignee.role.value}, not a moderator")
    digest = hashlib.sha256(raw).hexdigest()
    with store.transaction():
        stamp = store.now()
        for (row, _rubric), m in zip(checked, pack.moderations, strict=True):
            external = f"{m.moderator} ({manifest.source_authority})"
            for g in m.grades:
                store.execute(
                    "INSERT INTO moderation_grades (moderation_id, criterion, grade, note,"
                    " updated_at) VALUES (?, ?, ?, ?, ?)",
                    (row["id"], g.criterion, g.grade, g.note, stamp),
                )
                store.record_event(
                    external,
                    "moderation.grade",
                    "moderation",
                    row["id"],
                    field=g.criterion,
                    after=Grade(g.grade).label,
                    detail={"pack": manifest.pack_id},
                    at=stamp,
                )
            store.execute(
                "UPDATE moderations SET status = 'submitted', moderator_id = ?, moderator_name = ?,"
                " overall_grade = ?, overall_override = ?, override_reason = ?, submitted_at = ?,"
                " source = 'external', updated_at = ? WHERE id = ? AND status = 'todo'",
                (
                    None if assignee is None else assignee.id,
                    external if assignee is None else assignee.name,
                    m.overall_grade,
                    m.overall_override,
                    m.override_reason,
                    m.submitted_at,
                    stamp,
                    row["id"],
                ),
            )
            store.record_event(
                external,
                "moderation.submit",
                "moderation",
                row["id"],
                field="overall",
                after=Grade(m.overall_grade).label,
                detail={
                    "audit_id": m.audit_id,
                    "pack": manifest.pack_id,
                    "review_by": None if assignee is None else assignee.name,
                },
                at=stamp,
            )
        _register(
            store,
            pack_id=manifest.pack_id,
            direction="import",
            kind=RETURN,
            by=user.name,
            sample_id=manifest.sample_id,
            seal=pack.seal.hmac,
            authority=manifest.source_authority,
            ref=manifest.request_pack_id,
            items=len(pack.moderations),
            sha256=digest,
            at=stamp,
        )
        store.record_event(
            user.name,
            "pack.import",
            "pack",
            manifest.pack_id,
            after=f"{len(pack.moderations)} moderations",
            detail={
                "kind": RETURN,
                "request": manifest.request_pack_id,
                "from": manifest.source_authority,
                "audit_ids": ids,
                "sha256": digest,
            },
            at=stamp,
        )
    return PackResult(
        pack_id=manifest.pack_id,
        kind=RETURN,
        path=str(path),
        fingerprint=fingerprint(raw),
        sha256=digest,
        items=len(pack.moderations),
        audit_ids=ids,
        moderation_ids=[row["id"] for row, _ in checked],
        authority=manifest.source_authority,
        sample_id=manifest.sample_id,
        request_pack_id=manifest.request_pack_id,
    )


# -- reading ------------------------------------------------------------------------------


def inspect_pack(path: Path, *, key_path: Path | None = None) -> PackInfo:
    """Check a pack and show its manifest without touching any database.

    Raises BadInput when the file is damaged or altered (as every command would).
    """
    doc, raw = read_pack(path)
    kind = _kind(doc, path)
    model: type[_Strict] = RequestPack if kind == REQUEST else ReturnPack
    pack = _validate(model, doc, path)
    sealed: bool | None = None
    if key_path is not None and key_path.exists():
        key = load_pack_key(key_path)
        if isinstance(pack, RequestPack):
            sealed = verify_request_hmac(doc, key)
        else:
            sealed = verify_return_seal(doc, return_token(key, pack.manifest.request_pack_id))
    return PackInfo(
        path=str(path),
        kind=kind,
        manifest=pack.manifest.model_dump(mode="json"),
        fingerprint=fingerprint(raw),
        sha256=hashlib.sha256(raw).hexdigest(),
        intact=True,
        sealed_by_this_key=sealed,
    )


def list_packs(store: Store, user: User) -> list[dict[str, Any]]:
    """The pack register: every pack exported, opened, returned or imported here."""
    require_role(user, Role.LEAD, Role.MODERATOR, doing="list moderation packs")
    return store.rows(
        "SELECT id, direction, kind, at, by, authority, ref, sample_id, items, sha256"
        " FROM packs ORDER BY at, id"
    )


__all__ = [
    "REQUEST",
    "RETURN",
    "SEAL_ALGORITHM",
    "PackInfo",
    "PackResult",
    "export_request",
    "import_return",
    "inspect_pack",
    "list_packs",
    "open_request",
    "write_return",
]
