"""The return flow: authority B writes its moderations back; authority A imports them.

As in the request flow, everything is checked before anything is written, and
a refused pack changes nothing.
"""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path
from typing import Any

from moderator.domain.grades import Grade
from moderator.errors import BadInput, NotFound
from moderator.exchange.manifest import (
    REQUEST,
    RETURN,
    PackResult,
    ReturnManifest,
    ReturnPack,
    authority_name,
    check_out_path,
    check_returned_moderation,
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
    load_pack_key,
    read_pack,
    return_token,
    seal_return,
    verify_return_seal,
)
from moderator.services.rubrics import rubric_by_hash
from moderator.services.users import Role, User, get_user, require_role
from moderator.store.db import Store

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
    check_out_path(out)
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
    source = authority_name(user, authority)
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
            "rubrics": rubric_refs(rubrics),
            "audit_ids": [m["audit_id"] for m in moderations],
        },
        "moderations": moderations,
    }
    doc["seal"] = seal_return(doc, request["return_token"])

    def mark() -> None:
        for r in rows:
            store.execute(
                "UPDATE moderations SET returned_in = ?, updated_at = ? WHERE id = ?",
                (pack_id, created, r["id"]),
            )

    return publish_pack(
        store,
        out,
        doc,
        result={
            "pack_id": pack_id,
            "kind": RETURN,
            "items": len(rows),
            "audit_ids": [m["audit_id"] for m in moderations],
            "moderation_ids": [r["id"] for r in rows],
            "skipped": [f"{outstanding} moderation(s) still to grade and submit"]
            if outstanding
            else [],
            "authority": request["source_authority"],
            "request_pack_id": request_id,
        },
        by=user.name,
        at=created,
        event=(
            "pack.return",
            f"{len(rows)} moderations",
            {
                "kind": RETURN,
                "request": request_id,
                "to": request["source_authority"],
                "still_to_do": outstanding,
            },
        ),
        mark=mark,
    )


def _original_ref(store: Store, case_id: int) -> str:
    ref = str(store.scalar("SELECT case_ref FROM cases WHERE id = ?", [case_id]))
    return ref.split("~", 1)[0] if "~" in ref else ref


# -- A: import the return ---------------------------------------------------------------------


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
    if pack_kind(doc, path) != RETURN:
        raise BadInput(
            f"{path}: this is a moderation request; the moderating authority opens it with"
            " `moderator pack open`, and you import the return they send back"
        )
    # The manifest says which request (so which token) seals the pack: check the seal
    # with it before the body is validated, so a forged body is never parsed further.
    manifest: ReturnManifest = validate_pack(ReturnManifest, doc["manifest"], path)
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
    pack: ReturnPack = validate_pack(ReturnPack, doc, path)
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
    checked = [
        check_returned_moderation(store, pack, m, i, path) for i, m in enumerate(pack.moderations)
    ]
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
        register_pack(
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
            event=(
                "pack.import",
                f"{len(pack.moderations)} moderations",
                {
                    "kind": RETURN,
                    "request": manifest.request_pack_id,
                    "from": manifest.source_authority,
                    "audit_ids": ids,
                },
            ),
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
