"""Opening the database: WAL, foreign keys, migrations, explicit transactions.

The connection runs in autocommit mode and every write that belongs together
goes through :meth:`Store.transaction` (``BEGIN IMMEDIATE`` … ``COMMIT``), so a
crash leaves either all of it or none of it, and two writers queue on the
busy timeout instead of failing. sqlite-utils' own write helpers commit on
their own, so inside a transaction we write with plain SQL.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from moderator.errors import BadInput
from moderator.store.schema import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 10_000


def now_iso() -> str:
    """The current UTC time as ISO 8601 with seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A migrated moderator database. Create with :func:`open_store`."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path
        self.db = sqlite_utils.Database(conn)
        self._lock = threading.RLock()
        self._depth = 0
        self.clock: Callable[[], str] = now_iso
        """Where timestamps come from; loaders of historical data (demo, synth) replace it."""

    def now(self) -> str:
        """The current time as the store records it (see :attr:`clock`)."""
        return self.clock()

    # -- transactions -------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of writes (re-entrant: inner blocks join the outer one)."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")
            finally:
                self._depth = 0

    # -- queries ------------------------------------------------------------
    def rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        """Run a query and return rows as dicts."""
        with self._lock:
            return list(self.db.query(sql, params))

    def row(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> dict[str, Any] | None:
        """The first row of a query, or None."""
        found = self.rows(sql, params)
        return found[0] if found else None

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        """The first column of the first row (None if no row)."""
        with self._lock:
            cur = self.conn.execute(sql, params)
            first = cur.fetchone()
        return None if first is None else first[0]

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        """Execute one statement (call inside :meth:`transaction` for writes)."""
        with self._lock:
            return self.conn.execute(sql, params)

    def executemany(self, sql: str, params: Any) -> sqlite3.Cursor:
        """Execute a statement for many parameter sets (inside a transaction)."""
        with self._lock:
            return self.conn.executemany(sql, params)

    # -- the event log --------------------------------------------------------
    def record_event(
        self,
        actor: str,
        kind: str,
        entity: str,
        entity_id: object = None,
        *,
        field: str | None = None,
        before: object = None,
        after: object = None,
        detail: Mapping[str, Any] | None = None,
        at: str | None = None,
    ) -> None:
        """Append one event. Must be called inside the transaction of the change it records."""
        self.execute(
            "INSERT INTO events (at, actor, kind, entity, entity_id, field, before, after, detail)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                at or self.now(),
                actor,
                kind,
                entity,
                None if entity_id is None else str(entity_id),
                field,
                None if before is None else str(before),
                None if after is None else str(after),
                None if detail is None else json.dumps(detail, sort_keys=True, default=str),
            ),
        )

    def events(self, entity: str | None = None, entity_id: object = None) -> list[dict[str, Any]]:
        """Events, oldest first, optionally for one entity."""
        if entity is None:
            return self.rows("SELECT * FROM events ORDER BY id")
        if entity_id is None:
            return self.rows("SELECT * FROM events WHERE entity = ? ORDER BY id", [entity])
        return self.rows(
            "SELECT * FROM events WHERE entity = ? AND entity_id = ? ORDER BY id",
            [entity, str(entity_id)],
        )

    @property
    def schema_version(self) -> int:
        """The schema version recorded in the database."""
        return int(self.scalar("PRAGMA user_version"))

    def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        with self._lock:
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _migrate(conn: sqlite3.Connection, path: Path | None) -> None:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise BadInput(
            f"{path}: database schema version {version} is newer than this moderator "
            f"understands ({SCHEMA_VERSION}); upgrade moderator"
        )
    for number in range(version, SCHEMA_VERSION):
        # executescript commits first; wrap the migration and its version bump together.
        script = MIGRATIONS[number]
        conn.executescript(
            f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number + 1};\nCOMMIT;"
        )


def open_store(path: Path | str | None, *, create: bool = True) -> Store:
    """Open (and create or migrate) the database at ``path``; ``None`` gives an in-memory one.

    Raises:
        BadInput: the file is not a moderator database, is newer, or cannot be opened.
    """
    db_path = None if path is None else Path(path)
    if db_path is not None:
        if not create and not db_path.exists():
            raise BadInput(f"{db_path}: no such database")
        try:
            db_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BadInput(f"{db_path}: cannot create its folder: {exc.strerror}") from None
    try:
        conn = sqlite3.connect(
            ":memory:" if db_path is None else str(db_path),
            isolation_level=None,
            check_same_thread=False,
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if db_path is not None:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        _migrate(conn, db_path)
    except sqlite3.DatabaseError as exc:
        raise BadInput(f"{db_path}: not a moderator database ({exc})") from None
    return Store(conn, db_path)
