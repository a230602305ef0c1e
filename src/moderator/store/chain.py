"""The event log as a hash chain: each event seals the one before it.

Every event stores ``prev_hash`` (the hash of the event before it, or
:data:`GENESIS` for the first) and ``hash`` = SHA-256 over ``prev_hash`` and
the event's own content (:func:`event_hash`). Changing, removing or inserting
an event anywhere but at the end breaks every hash after it, so tampering with
the file outside moderator shows up in :func:`check_chain` (``moderator
verify``, and the warning the workbench and report give on opening). The chain
head (:func:`chain_head`) is what a report states it was built on.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from moderator.store.db import Store

GENESIS = "0" * 64
"""The ``prev_hash`` of the first event."""

CONTENT = ("id", "at", "actor", "kind", "entity", "entity_id", "field", "before", "after", "detail")
"""The columns an event's hash covers, in order."""

HASH_FUNCTION = "moderator_event_hash"
"""The SQL function the migration uses to hash the events written before the chain existed."""

_CANONICAL = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
"""One encoder for every event (``json.dumps`` with options would build one per call)."""

EventRow = Sequence[Any]
"""``(at, actor, kind, entity, entity_id, field, before, after, detail)`` as stored."""


def event_hash(prev_hash: str, *content: Any) -> str:
    """SHA-256 (hex) over the previous hash and one event's content (the :data:`CONTENT` columns).

    Canonical form: a compact JSON array, so no two different events can
    serialise alike.
    """
    text = _CANONICAL.encode([prev_hash, *content])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def register_functions(conn: sqlite3.Connection) -> None:
    """Make :func:`event_hash` callable from SQL on this connection (for migrations)."""
    conn.create_function(HASH_FUNCTION, 1 + len(CONTENT), event_hash, deterministic=True)


def append_events(store: Store, rows: Iterable[EventRow]) -> int:
    """Append events to the end of the chain; returns how many. Call inside a transaction.

    The ids are given explicitly (last id + 1 …) because the hash covers the id.
    """
    last = store.execute("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1").fetchone()
    next_id, prev = (1, GENESIS) if last is None else (int(last[0]) + 1, last[1] or GENESIS)
    sealed = []
    for row in rows:
        digest = event_hash(prev, next_id, *row)
        sealed.append((next_id, *row, prev, digest))
        prev = digest
        next_id += 1
    if sealed:
        store.executemany(
            f"INSERT INTO events ({', '.join(CONTENT)}, prev_hash, hash)"
            f" VALUES ({', '.join('?' * (len(CONTENT) + 2))})",
            sealed,
        )
    return len(sealed)


class ChainHead(BaseModel):
    """The last event of the log and its hash: what a report was built on."""

    model_config = ConfigDict(
        defer_build=True
    )  # built when the log is first checked, after the first screen

    event_id: int
    hash: str

    def __str__(self) -> str:
        return f"event {self.event_id}, hash {self.hash[:16]}"


def chain_head(store: Store) -> ChainHead:
    """The chain head now (event 0 and :data:`GENESIS` for an empty log)."""
    last = store.execute("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1").fetchone()
    if last is None:
        return ChainHead(event_id=0, hash=GENESIS)
    return ChainHead(event_id=int(last[0]), hash=last[1] or "")


def check_chain(store: Store, chunk: int = 20_000, *, recent: int | None = None) -> str | None:
    """Recompute the chain; None when every event is intact, else what is first wrong.

    With ``recent`` only the last ``recent`` events are recomputed (linked to
    each other and sealed by their own content): the quick check a report or
    the workbench makes on opening; ``moderator verify`` recomputes them all.
    """
    prev = GENESIS
    columns = ", ".join(CONTENT)
    start = 0
    if recent is not None:
        found = store.execute(
            "SELECT id, prev_hash FROM events ORDER BY id DESC LIMIT 1 OFFSET ?", [recent - 1]
        ).fetchone()
        if found is not None:
            start, prev = int(found[0]) - 1, found[1] or GENESIS
    with store.snapshot():
        for rows in store.stream(
            f"SELECT {columns}, prev_hash, hash FROM events WHERE id > ? ORDER BY id",
            (start,),
            chunk,
        ):
            for row in rows:
                event_id = row[0]
                if row[-2] != prev:
                    return (
                        f"event {event_id}: its link to the event before it is broken"
                        " (an event was removed, inserted or changed before it)"
                    )
                expected = event_hash(prev, *row[: len(CONTENT)])
                if row[-1] != expected:
                    return f"event {event_id}: its content does not match its hash (it was changed)"
                prev = expected
    return None


RECENT_EVENTS = 5_000
"""How many of the latest events the quick check on opening recomputes."""


def check_chain_on_open(store: Store, *, recent: int | None = RECENT_EVENTS) -> str | None:
    """A one-line warning for the workbench and the report when the log was tampered with.

    Quick: the schema's guards must all be present and the latest ``recent``
    events must be intact (a whole-log check is ``moderator verify``).
    """
    from moderator.store.verify import trigger_problem

    problem = trigger_problem(store) or check_chain(store, recent=recent)
    if problem is None:
        return None
    return (
        f"Warning: the audit trail has been altered outside moderator ({problem}); "
        "run `moderator verify` and treat these figures with caution."
    )
