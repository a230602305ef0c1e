"""Writing an outgoing pack: the file and the register entry land together, or neither does."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from moderator.exchange.manifest import PackResult, register_pack
from moderator.exchange.seal import discard_file, fingerprint, place_file, write_pack
from moderator.store.db import Store


def publish_pack(
    store: Store,
    out: Path,
    doc: dict[str, Any],
    *,
    result: dict[str, Any],
    by: str,
    at: str,
    event: tuple[str, str, dict[str, Any]],
    mark: Callable[[], None],
) -> PackResult:
    """Write ``doc`` to ``out``; in one transaction ``mark`` the moderations, register and log it.

    Args:
        result: the :class:`PackResult` fields particular to this pack (``pack_id``,
            ``kind``, ``items``, ids, ``authority``, …); path, fingerprint and
            SHA-256 are filled in here.
        event: the event's kind, its ``after`` text and its detail (see ``register_pack``).
        mark: writes this pack's own changes to the moderations (in the transaction).
    """
    tmp, data = write_pack(out, doc)
    digest = hashlib.sha256(data).hexdigest()
    try:
        with store.transaction():
            mark()
            register_pack(
                store,
                pack_id=result["pack_id"],
                direction="export",
                kind=result["kind"],
                by=by,
                sample_id=result.get("sample_id"),
                seal=doc["seal"]["hmac"],
                authority=result.get("authority"),
                ref=result.get("request_pack_id"),
                items=result["items"],
                sha256=digest,
                at=at,
                event=event,
            )
    except BaseException:
        discard_file(tmp)
        raise
    place_file(tmp, out)
    return PackResult(path=str(out), fingerprint=fingerprint(data), sha256=digest, **result)
