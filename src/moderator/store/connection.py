"""SQLite connections: one per thread, each configured the same way.

The workbench runs database jobs on worker threads. SQLite connections are
not meant to be shared between threads mid-statement: a cursor read by one
thread while another rolls back is cut short, and one thread's uncommitted
writes are visible to the other's reads. So each thread gets a connection of
its own (:class:`ConnectionPool`) on the same file; WAL lets readers and one
writer work at once, so a long report never blocks an autosave. An in-memory
database exists only inside its one connection, so there the threads share it
under a lock and every statement is read to the end before the lock is let go
(:class:`Result`).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

BUSY_TIMEOUT_MS = 10_000

Configure = Callable[[sqlite3.Connection], None]


def create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only, if it does not exist yet.

    SQLite gives the WAL and shared-memory files the database file's own
    permissions, so creating the database 0600 keeps all three private.
    """
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def connect(path: Path | None, configure: Configure | None = None) -> sqlite3.Connection:
    """A new connection with moderator's settings (WAL, FULL sync, foreign keys, busy wait).

    ``synchronous = FULL``: a grade the workbench reports as saved survives a
    power cut, not only a crash of the program.
    """
    conn = sqlite3.connect(
        ":memory:" if path is None else str(path),
        isolation_level=None,
        check_same_thread=False,
        timeout=BUSY_TIMEOUT_MS / 1000,
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if path is not None:
            conn.execute("PRAGMA journal_mode = WAL").fetchall()
            conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        if configure is not None:
            configure(conn)
    except BaseException:
        conn.close()
        raise
    return conn


class Result:
    """A statement's rows, read in full while its connection was held.

    Quacks like the :class:`sqlite3.Cursor` callers used (``fetchone``,
    ``fetchall``, ``fetchmany``, iteration, ``lastrowid``, ``rowcount``,
    ``description``), but holds no open statement, so it is safe to read after
    the lock is released and leaves no read transaction open behind it.
    """

    __slots__ = ("_pos", "_rows", "description", "lastrowid", "rowcount")

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._rows: list[Any] = cursor.fetchall()
        self._pos = 0
        self.description = cursor.description
        self.lastrowid = cursor.lastrowid
        self.rowcount = cursor.rowcount

    def fetchone(self) -> Any:
        """The next row, or None."""
        if self._pos >= len(self._rows):
            return None
        self._pos += 1
        return self._rows[self._pos - 1]

    def fetchmany(self, size: int = 1) -> list[Any]:
        """Up to ``size`` more rows (empty when done)."""
        chunk = self._rows[self._pos : self._pos + size]
        self._pos += len(chunk)
        return chunk

    def fetchall(self) -> list[Any]:
        """Every row not read yet."""
        rest = self._rows[self._pos :]
        self._pos = len(self._rows)
        return rest

    def __iter__(self) -> Iterator[Any]:
        while (row := self.fetchone()) is not None:
            yield row


class ConnectionPool:
    """One connection per thread on one database file (or one shared in-memory connection).

    A thread's connection is kept for the thread's life; when a thread has
    ended, its idle connection is handed to the next new thread rather than
    opened again (the workbench starts a thread per job).
    """

    def __init__(self, path: Path | None, first: sqlite3.Connection, configure: Configure) -> None:
        self.path = path
        self._configure = configure
        self._local = threading.local()
        self._guard = threading.Lock()
        self._owned: list[tuple[weakref.ref[threading.Thread], sqlite3.Connection]] = []
        self.shared = path is None
        """True for an in-memory database: one connection that callers must lock."""
        self.closed = False
        self._adopt(first)

    def _adopt(self, conn: sqlite3.Connection) -> sqlite3.Connection:
        with self._guard:
            if self.closed:
                # The pool was closed while this thread was opening its connection.
                conn.close()
                raise sqlite3.ProgrammingError("Cannot operate on a closed database.")
            self._owned.append((weakref.ref(threading.current_thread()), conn))
        self._local.conn = conn
        return conn

    def get(self) -> sqlite3.Connection:
        """The calling thread's connection (opened, or taken over from an ended thread)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        if self.closed:
            raise sqlite3.ProgrammingError("Cannot operate on a closed database.")
        if self.shared:
            only = self._owned[0][1]
            self._local.conn = only
            return only
        with self._guard:
            for i, (thread_ref, idle) in enumerate(self._owned):
                thread = thread_ref()
                if (thread is None or not thread.is_alive()) and not idle.in_transaction:
                    self._owned[i] = (weakref.ref(threading.current_thread()), idle)
                    self._local.conn = idle
                    return idle
        return self._adopt(connect(self.path, self._configure))

    def close(self) -> None:
        """Close the connections no other thread is using; let go of the rest.

        Closing a connection while another thread is inside one of its
        statements crashes the process: SQLite frees what the running statement
        is using (a report still counting when the workbench quits). So this
        closes the calling thread's connection and those of threads that have
        ended. A connection of a thread still running is only let go of: it
        closes when its last reference goes, which is here if the thread is
        idle, or when its statement returns if not. Either way that thread's
        next :meth:`get` raises, as for any closed database. The last
        connection to close checkpoints the WAL.
        """
        me = threading.current_thread()
        with self._guard:
            self.closed = True
            owned, self._owned = self._owned, []
        for thread_ref, conn in owned:
            thread = thread_ref()
            if self.shared or thread is me or thread is None or not thread.is_alive():
                conn.close()
        del owned
        self._local = threading.local()
