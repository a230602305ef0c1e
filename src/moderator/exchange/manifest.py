"""What a pack is: its manifest and body as strict models, and how a pack is registered.

The models validate a pack's decoded content (see :mod:`moderator.exchange`
for the format and threat model): no string may hold a control character, and
a returned moderation must match what was sent. The helpers are shared by the
request and return flows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from moderator.domain.grades import Grade
from moderator.domain.rubric import Rubric
from moderator.domain.text import control_character
from moderator.errors import BadInput
from moderator.exchange.seal import PACK_SCHEMA_VERSION
from moderator.services.audits import MAX_NOTE, MAX_REASON
from moderator.services.rubrics import rubric_by_hash
from moderator.services.users import User
from moderator.store.db import Store

REQUEST = "moderation-request"
RETURN = "moderation-return"

Hex64 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
PackId = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Seal(StrictModel):
    """The seal block of a pack."""

    alg: Literal["HMAC-SHA256"]
    sha256: Hex64
    hmac: Hex64


class RubricRef(StrictModel):
    """Which rubric, which version, which exact content."""

    id: Name
    version: Name
    hash: Hex64


class RequestManifest(StrictModel):
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


class RequestItem(StrictModel):
    """One anonymised case to moderate: no manager, no grades, no notes."""

    audit_id: int
    case_ref: Name
    service_area: Name
    opened: str | None
    closed: str | None
    text: str
    rubric_hash: Hex64


class RequestPack(StrictModel):
    """A whole request pack."""

    format: Literal["moderator-pack"]
    manifest: RequestManifest
    rubrics: dict[str, dict[str, Any]]
    items: list[RequestItem] = Field(min_length=1)
    return_token: Hex64
    seal: Seal


class ReturnGrade(StrictModel):
    """One criterion as the external moderator graded it."""

    criterion: Name
    grade: int = Field(ge=1, le=4)
    note: Annotated[str, StringConstraints(max_length=MAX_NOTE)]


class ReturnModeration(StrictModel):
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


class ReturnManifest(StrictModel):
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


class ReturnPack(StrictModel):
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


def validate_pack(model: type[StrictModel], doc: dict[str, Any], path: Path) -> Any:
    """``doc`` as ``model``, or BadInput listing the first problems as ``file: field: message``."""
    found = _control_character(doc)
    if found is not None:
        where, char = found
        raise BadInput(f"{path}: {where}: contains the control character {char}; text only")
    try:
        return model.model_validate(doc)
    except ValidationError as exc:
        details = []
        for error in exc.errors()[:20]:
            loc = ".".join(str(p) for p in error["loc"]) or "(pack)"
            details.append(f"{path}: {loc}: {error['msg']}")
        raise BadInput(f"{path}: not a valid moderation pack", details=details) from None


def _control_character(doc: Any) -> tuple[str, str] | None:
    """The first string in a pack holding a control character: (where, which), or None."""
    stack: list[tuple[str, Any]] = [("", doc)]
    while stack:
        where, node = stack.pop()
        if isinstance(node, str):
            bad = control_character(node)
            if bad is not None:
                return where or "(pack)", bad
        elif isinstance(node, dict):
            stack.extend((f"{where}.{k}".lstrip("."), v) for k, v in reversed(node.items()))
            stack.extend((f"{where}.{k}".lstrip(".") + " (key)", k) for k in node)
        elif isinstance(node, list):
            stack.extend(
                (f"{where}.{i}".lstrip("."), v) for i, v in reversed(list(enumerate(node)))
            )
    return None


def pack_kind(doc: dict[str, Any], path: Path) -> str:
    """The pack's kind (request or return), after checking its schema version."""
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


def check_out_path(out: Path) -> None:
    """Refuse a folder as the file to write a pack to."""
    if out.is_dir():
        raise BadInput(f"{out}: is a folder; give a file name for the pack")


def authority_name(user: User, authority: str | None) -> str:
    """The authority writing a pack: given, else the user's own; a clear error when neither."""
    name = (authority or user.authority or "").strip()
    if not name:
        raise BadInput(
            "which authority is this? give --authority NAME (or add it to your user with"
            " `moderator user add NAME --role ... --authority NAME`)"
        )
    return name


def rubric_refs(rubrics: dict[str, Rubric]) -> list[dict[str, str]]:
    """The manifest's rubric list, in a stable order."""
    return [
        {"id": r.id, "version": r.version, "hash": h}
        for h, r in sorted(rubrics.items(), key=lambda kv: (kv[1].id, kv[0]))
    ]


def register_pack(
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
    event: tuple[str, str, dict[str, Any]],
) -> None:
    """Record a pack in the append-only pack register and the event log (in the caller's transaction).

    ``event`` is the event's kind, its ``after`` text and its detail (the SHA-256 is added).
    """
    store.execute(
        "INSERT INTO packs (id, direction, kind, at, by, sample_id, seal, authority, ref, items,"
        " sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (pack_id, direction, kind, at, by, sample_id, seal, authority, ref, items, sha256),
    )
    event_kind, after, detail = event
    store.record_event(
        by, event_kind, "pack", pack_id, after=after, detail={**detail, "sha256": sha256}, at=at
    )


def check_returned_moderation(
    store: Store, pack: ReturnPack, m: ReturnModeration, i: int, path: Path
) -> tuple[dict[str, Any], Rubric]:
    """One returned moderation checked against what was sent: (its row here, its rubric).

    Refused when the audit was not in the request, is already moderated, names
    another case or rubric version, misses a grade or note, or its overall grade
    does not follow from its criterion grades.
    """
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
