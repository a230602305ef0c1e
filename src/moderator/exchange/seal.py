"""Canonical pack files, their seals, and the pack key (see :mod:`moderator.exchange`)."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from contextlib import suppress
from pathlib import Path
from typing import Any

from moderator.domain.limits import (
    MAX_DEPTH,
    MAX_PACK_BYTES,
    MB,
    bounded_int,
    nesting_depth,
    read_capped,
)
from moderator.errors import BadInput
from moderator.files import refuse_unless_regular, write_private

PACK_FORMAT = "moderator-pack"
PACK_SCHEMA_VERSION = 1
SEAL_ALGORITHM = "HMAC-SHA256"
KEY_BYTES = 32
_DOMAIN = b"moderator-pack/v1\n"


# -- canonical form ---------------------------------------------------------------


def canonical_file_bytes(doc: dict[str, Any]) -> bytes:
    """The one byte sequence a pack with this content may have on disk."""
    text = json.dumps(doc, sort_keys=True, indent=1, ensure_ascii=True, allow_nan=False)
    return (text + "\n").encode("ascii")


def sealed_content(doc: dict[str, Any]) -> bytes:
    """What the seal covers: everything but the seal, compact and canonical."""
    body = {k: v for k, v in doc.items() if k != "seal"}
    text = json.dumps(
        body, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False
    )
    return _DOMAIN + text.encode("ascii")


def fingerprint(data: bytes) -> str:
    """A short, readable SHA-256 fingerprint of a file, for checking by phone."""
    digest = hashlib.sha256(data).hexdigest()
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def _hmac(key: bytes, message: bytes) -> str:
    return hmac.new(key, message, hashlib.sha256).hexdigest()


# -- the pack key -------------------------------------------------------------------


def load_pack_key(path: Path) -> bytes:
    """The authority's pack key; a clear error when there is none (nothing is created)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BadInput(
            f"{path}: no pack key here, so no return can be verified: this machine never"
            " exported a moderation pack (or MODERATOR_PACK_KEY_FILE points elsewhere)"
        ) from None
    except OSError as exc:
        raise BadInput(f"{path}: cannot read the pack key: {exc.strerror}") from None
    try:
        key = bytes.fromhex(data.decode("ascii").strip())
    except (UnicodeDecodeError, ValueError):
        raise BadInput(f"{path}: not a pack key (expected {KEY_BYTES * 2} hex digits)") from None
    if len(key) != KEY_BYTES:
        raise BadInput(f"{path}: not a pack key (expected {KEY_BYTES * 2} hex digits)")
    return key


def load_or_create_pack_key(path: Path) -> bytes:
    """The authority's pack key, created (readable by the owner only) on first use."""
    if path.exists():
        return load_pack_key(path)
    key = secrets.token_bytes(KEY_BYTES)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it a moment ago
        return load_pack_key(path)
    except OSError as exc:
        raise BadInput(f"{path}: cannot create the pack key: {exc.strerror}") from None
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(key.hex() + "\n")
    return key


def return_token(key: bytes, pack_id: str) -> str:
    """The per-request secret a return must be sealed with (recomputable from the key)."""
    return _hmac(key, _DOMAIN + b"return-token\n" + pack_id.encode("ascii"))


# -- sealing and checking -------------------------------------------------------------


def seal_request(doc: dict[str, Any], key: bytes) -> dict[str, str]:
    """The seal of a request: its SHA-256 and an HMAC under the exporter's key."""
    content = sealed_content(doc)
    return {
        "alg": SEAL_ALGORITHM,
        "sha256": hashlib.sha256(content).hexdigest(),
        "hmac": _hmac(key, content),
    }


def seal_return(doc: dict[str, Any], token: str) -> dict[str, str]:
    """The seal of a return: its SHA-256 and an HMAC under the request's return token."""
    content = sealed_content(doc)
    return {
        "alg": SEAL_ALGORITHM,
        "sha256": hashlib.sha256(content).hexdigest(),
        "hmac": _hmac(bytes.fromhex(token), content),
    }


def verify_return_seal(doc: dict[str, Any], token: str) -> bool:
    """Whether a return's HMAC was made with ``token`` over exactly this content."""
    seal = doc.get("seal")
    if not isinstance(seal, dict) or not isinstance(seal.get("hmac"), str):
        return False
    expected = _hmac(bytes.fromhex(token), sealed_content(doc))
    return hmac.compare_digest(expected, seal["hmac"])


def verify_request_hmac(doc: dict[str, Any], key: bytes) -> bool:
    """Whether a request was sealed with ``key`` (the exporter checking its own pack)."""
    seal = doc.get("seal")
    if not isinstance(seal, dict) or not isinstance(seal.get("hmac"), str):
        return False
    return hmac.compare_digest(_hmac(key, sealed_content(doc)), seal["hmac"])


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def read_pack(path: Path) -> tuple[dict[str, Any], bytes]:
    """Read a pack file and check it is whole and unaltered: (content, raw bytes).

    Checks, in order: the file can be read and is not too big (read with a cap,
    so a stream without end is refused quickly); it is complete JSON with no
    number over 18 digits and no nesting deeper than 32; it is exactly in canonical form (so no byte can change unnoticed);
    it is a moderator pack; its SHA-256 seal matches its content. The HMAC is
    checked by the caller, who knows which key or token applies.

    Raises:
        BadInput: naming the file and what is wrong; nothing has been changed.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file") from None
    except OSError as exc:
        raise BadInput(f"{path}: cannot read: {exc.strerror}") from None
    if size > MAX_PACK_BYTES:  # refused from its size alone, before reading a byte
        raise BadInput(
            f"{path}: {size // MB} MB is more than a moderation pack can be"
            f" ({MAX_PACK_BYTES // MB} MB)"
        )
    # Capped, because a device or a pipe (/dev/zero) has no size to check first.
    raw = read_capped(path, MAX_PACK_BYTES, "moderation pack")
    if not raw.strip():
        raise BadInput(f"{path}: empty file, not a moderation pack")
    try:
        text = raw.decode("ascii")
        doc = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constants,
            parse_int=bounded_int,
        )
    except RecursionError:
        raise BadInput(f"{path}: nested more than {MAX_DEPTH} levels deep: not a pack") from None
    except UnicodeDecodeError as exc:
        raise BadInput(
            f"{path}: byte {exc.start}: not ASCII, so the pack was altered or damaged"
        ) from None
    except json.JSONDecodeError as exc:
        where = f"{path}:{exc.lineno}:{exc.colno}"
        # A canonical pack always ends with its closing brace: without one, it was cut short.
        if not text.rstrip().endswith("}") or exc.pos >= len(text.rstrip()):
            raise BadInput(
                f"{where}: the pack ends too early (truncated or incompletely copied)"
            ) from None
        raise BadInput(f"{where}: not a readable pack ({exc.msg}): altered or damaged") from None
    except ValueError as exc:
        raise BadInput(f"{path}: not a readable pack ({exc}): altered or damaged") from None
    if nesting_depth(doc) > MAX_DEPTH:
        raise BadInput(f"{path}: nested more than {MAX_DEPTH} levels deep: not a pack")
    if not isinstance(doc, dict) or doc.get("format") != PACK_FORMAT:
        raise BadInput(f'{path}: not a moderator pack (no "format": "{PACK_FORMAT}")')
    if canonical_file_bytes(doc) != raw:
        raise BadInput(
            f"{path}: the file is not byte-for-byte as moderator wrote it:"
            " it was edited, re-saved or damaged; ask for it to be sent again"
        )
    seal = doc.get("seal")
    if not isinstance(seal, dict) or seal.get("alg") != SEAL_ALGORITHM:
        raise BadInput(f"{path}: seal: missing or not {SEAL_ALGORITHM}")
    digest = hashlib.sha256(sealed_content(doc)).hexdigest()
    if not isinstance(seal.get("sha256"), str) or not hmac.compare_digest(digest, seal["sha256"]):
        raise BadInput(f"{path}: seal: the content does not match its seal (altered or damaged)")
    return doc, raw


def write_pack(path: Path, doc: dict[str, Any]) -> tuple[Path, bytes]:
    """Write a pack to a temporary file beside ``path``: (temporary path, bytes).

    The caller moves it into place with :func:`os.replace` once the database
    has recorded the pack, so a failure leaves neither a file nor a record.
    """
    data = canonical_file_bytes(doc)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        refuse_unless_regular(path)  # os.replace would put the pack in place of a pipe or device
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        write_private(tmp, data)
    except OSError as exc:
        raise BadInput(f"{path}: cannot write: {exc.strerror}") from None
    return tmp, data


def place_file(tmp: Path, out: Path) -> None:
    """Move a written pack into place (the temporary file is removed if that fails)."""
    try:
        refuse_unless_regular(out)
        os.replace(tmp, out)
    except OSError as exc:
        with suppress(OSError):
            tmp.unlink()
        raise BadInput(f"{out}: cannot write: {exc.strerror}") from None


def discard_file(tmp: Path) -> None:
    """Remove a temporary pack file that will not be used."""
    with suppress(OSError):
        tmp.unlink()
