"""Moderation packs out and back: export, open, return, import (see :mod:`moderator.exchange`).

The flows live in :mod:`~moderator.exchange.request` (A exports, B opens) and
:mod:`~moderator.exchange.returns` (B returns, A imports); this module is the
one place the commands import them from, plus reading a pack without a database.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from moderator.exchange.manifest import (
    REQUEST,
    RETURN,
    PackInfo,
    PackResult,
    RequestPack,
    ReturnPack,
    StrictModel,
    pack_kind,
    validate_pack,
)
from moderator.exchange.request import export_request, open_request
from moderator.exchange.returns import import_return, write_return
from moderator.exchange.seal import (
    SEAL_ALGORITHM,
    fingerprint,
    load_pack_key,
    read_pack,
    return_token,
    verify_request_hmac,
    verify_return_seal,
)
from moderator.services.users import Role, User, require_role
from moderator.store.db import Store

# -- reading ------------------------------------------------------------------------------


def inspect_pack(path: Path, *, key_path: Path | None = None) -> PackInfo:
    """Check a pack and show its manifest without touching any database.

    Raises BadInput when the file is damaged or altered (as every command would).
    """
    doc, raw = read_pack(path)
    kind = pack_kind(doc, path)
    model: type[StrictModel] = RequestPack if kind == REQUEST else ReturnPack
    pack = validate_pack(model, doc, path)
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
