"""Opening the database: WAL, foreign keys, migrations, explicit transactions.

The connection runs in autocommit mode and every write that belongs together
goes through :meth:`Store.transaction` (``BEGIN IMMEDIATE`` … ``COMMIT``), so a
crash leaves either all of it or none of it, and two writers queue on the
busy timeout instead of failing. sqlite-utils' own write helpers commit on
their own, so inside a transaction we write with plain SQL.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from moderator.errors import BadInput
from moderator.store.chain import append_events, register_functions
from moderator.store.connection import (
    BUSY_TIMEOUT_MS,
    ConnectionPool,
    Result,
    connect,
    create_private_file,
)
from moderator.store.schema import MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    import sqlite_utils

__all__ = ["BUSY_TIMEOUT_MS", "Result", "Store", "now_iso", "open_store"]


def now_iso() -> str:
    """The current UTC time as ISO 8601 with seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A migrated moderator database. Create with :func:`open_store`.

    Safe to share between threads: each thread works on its own connection
    (see :mod:`moderator.store.connection`), so one thread's transaction or
    long read neither cuts short nor blocks another's; every statement run
    through :meth:`execute` is read in full before it returns.
    """

    def __init__(self, pool: ConnectionPool, path: Path | None) -> None:
        self._pool = pool
        self.path = path
        # An in-memory database has one connection: threads take turns on it.
        self._lock: AbstractContextManager[Any] = (
            threading.RLock() if pool.shared else nullcontext()
        )
        self._depth = threading.local()
        self.clock: Callable[[], str] = now_iso
        """Where timestamps come from; loaders of historical data (demo, synth) replace it."""

    @property
    def conn(self) -> sqlite3.Connection:
        """The calling thread's own connection."""
        return self._pool.get()

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils on the calling thread's connection (its writes commit on their own)."""
        # Imported here: sqlite-utils imports pandas (and numpy) whenever they are installed,
        # 0.4 s that every start of the workbench would pay for a helper it never calls.
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    def now(self) -> str:
        """The current time as the store records it (see :attr:`clock`)."""
        return self.clock()

    # -- transactions -------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of writes (re-entrant: inner blocks join the outer one).

        ``BEGIN IMMEDIATE`` takes the write lock first, so whatever the block
        reads to decide what to write cannot change under it.
        """
        with self._begun("BEGIN IMMEDIATE") as conn:
            yield conn

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """Several reads that see one consistent state of the database.

        A deferred transaction: other threads and processes keep writing (WAL),
        none of it is seen until the block ends. Inside a transaction it joins it.
        """
        with self._begun("BEGIN DEFERRED") as conn:
            yield conn

    @contextmanager
    def _begun(self, begin: str) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self.conn
            depth = getattr(self._depth, "n", 0)
            if depth:
                self._depth.n = depth + 1
                try:
                    yield conn
                finally:
                    self._depth.n = depth
                return
            try:
                conn.execute(begin)
            except sqlite3.OperationalError as exc:
                if _read_only(exc):
                    raise self._read_only_error() from None
                # Another writer held the database past the busy timeout.
                raise BadInput(
                    f"{self.path or 'the database'}: busy with another change for over"
                    f" {BUSY_TIMEOUT_MS // 1000} s ({exc}); nothing was changed, try again"
                ) from None
            self._depth.n = 1
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if _read_only(exc):
                    raise self._read_only_error() from None
                raise
            finally:
                self._depth.n = 0

    def _read_only_error(self) -> BadInput:
        """A file that may be read but not written (its mode, a read-only disk or share):
        said plainly instead of SQLite's "attempt to write a readonly database"."""
        return BadInput(f"{self.path or 'the database'} is read-only: nothing was written")

    # -- queries ------------------------------------------------------------
    def rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        """Run a query and return rows as dicts."""
        result = self.execute(sql, params)
        names = [d[0] for d in result.description or ()]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

    def row(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> dict[str, Any] | None:
        """The first row of a query, or None."""
        found = self.rows(sql, params)
        return found[0] if found else None

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        """The first column of the first row (None if no row)."""
        first = self.execute(sql, params).fetchone()
        return None if first is None else first[0]

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Result:
        """Execute one statement and read all its rows (call inside :meth:`transaction` for writes)."""
        with self._lock:
            try:
                return Result(self.conn.execute(sql, params))
            except sqlite3.OperationalError as exc:
                if _read_only(exc):  # a write outside a transaction (inside, the same is said)
                    raise self._read_only_error() from None
                raise

    def executemany(self, sql: str, params: Any) -> Result:
        """Execute a statement for many parameter sets (inside a transaction)."""
        with self._lock:
            try:
                return Result(self.conn.executemany(sql, params))
            except sqlite3.OperationalError as exc:
                if _read_only(exc):  # as :meth:`execute`: said plainly, in or out of a transaction
                    raise self._read_only_error() from None
                raise

    def stream(
        self, sql: str, params: Sequence[Any] | dict[str, Any] = (), size: int = 10_000
    ) -> Iterator[list[Any]]:
        """A large query's rows in chunks of up to ``size``, in bounded memory.

        On a database file it reads on this thread's own connection, so other
        threads keep reading and writing meanwhile; wrap it in :meth:`snapshot`
        with the queries it must agree with. (An in-memory database reads it
        whole under the lock.)
        """
        if self._pool.shared:
            result = self.execute(sql, params)
            while chunk := result.fetchmany(size):
                yield chunk
            return
        cursor = self.conn.execute(sql, params)
        try:
            while chunk := cursor.fetchmany(size):
                yield chunk
        finally:
            cursor.close()

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
        """Append one event to the chained log. Call inside the transaction of the change it records."""
        append_events(
            self,
            [
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
                )
            ],
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
        """Close the store: this thread's connection at once, another thread's when it is done
        with it (see :meth:`ConnectionPool.close`); the last one closed checkpoints the WAL."""
        with self._lock:
            self._pool.close()

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


def _refuse_foreign(path: Path) -> None:
    """Refuse another program's SQLite file before anything (even WAL mode) is written to it."""
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return  # opening it properly gives the clear message
    try:
        version = int(probe.execute("PRAGMA user_version").fetchone()[0])
        foreign = probe.execute(
            "SELECT 1 FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' LIMIT 1"
        ).fetchone()
    except sqlite3.Error:
        return
    finally:
        probe.close()
    if version == 0 and foreign:
        raise BadInput(f"{path}: not a moderator database (it holds another program's tables)")


def _refuse_unusable(path: Path) -> None:
    """Refuse an existing file of 0 bytes rather than quietly making it a database, and
    one this user may not open, as a permissions problem.

    SQLite takes any empty file as an empty database, so ``--db notes.txt`` of a
    file just truncated, or ``--db`` at a placeholder, silently became a new
    moderator database. A new database is made only where no file exists yet
    (this module creates the file and writes its header at once).
    """
    try:
        info = path.stat()
    except OSError:
        return  # no file yet (a new database), or opening it gives the clear message
    if stat.S_ISREG(info.st_mode) and info.st_size == 0:
        raise BadInput(
            f"{path}: an empty file (0 bytes), not a moderator database; nothing was written. "
            "To start a new database, give a path where no file exists yet"
        )
    if stat.S_ISREG(info.st_mode):
        # SQLite would say only "unable to open database file", read as "not a moderator
        # database"; a file this user may not read is a permissions problem: say so.
        try:
            os.close(os.open(path, os.O_RDONLY))
        except PermissionError as exc:
            raise BadInput(f"{path}: cannot open the database: {exc.strerror}") from None
        except OSError:
            return


def _read_only(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLite refusing to write a file it may only read (SQLITE_READONLY
    and its extended codes)."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return bool(code & 0xFF == sqlite3.SQLITE_READONLY)
    return "readonly database" in str(exc)


def _configure(conn: sqlite3.Connection) -> None:
    """Per-connection set-up beyond the pragmas: the SQL functions migrations use."""
    register_functions(conn)


def open_store(path: Path | str | None, *, create: bool = True) -> Store:
    """Open (and create or migrate) the database at ``path``; ``None`` gives an in-memory one.

    Raises:
        BadInput: the file is not a moderator database, is newer, or cannot be opened.
    """
    db_path = None if path is None else Path(path)
    if db_path is not None:
        if not create and not db_path.exists():
            raise BadInput(f"{db_path}: no such database")
        _refuse_unusable(db_path)
        try:
            db_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BadInput(f"{db_path}: cannot create its folder: {exc.strerror}") from None
        try:
            create_private_file(db_path)
        except OSError as exc:
            raise BadInput(f"{db_path}: cannot create it: {exc.strerror}") from None
        _refuse_foreign(db_path)
    try:
        conn = connect(db_path, _configure)
        _migrate(conn, db_path)
    except sqlite3.DatabaseError as exc:
        if _read_only(exc):  # an older file to migrate, or WAL mode to set, on a read-only file
            raise BadInput(f"{db_path} is read-only: nothing was written") from None
        raise BadInput(f"{db_path}: not a moderator database ({exc})") from None
    return Store(ConnectionPool(db_path, conn, configure=_configure), db_path)
