"""Files only their owner can read: exports, packs, the paired-grades CSV, the config.

Everything moderator writes about cases and grades is created 0600, whatever
the umask says, because a report or pack names managers and grades and sits
in a shared folder more often than anyone intends. (The database is created
0600 by :mod:`moderator.store.connection`; SQLite gives its WAL and
shared-memory files the same permissions.)
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

PRIVATE = 0o600


@contextmanager
def open_private(path: Path | str, mode: str = "w", **kwargs: Any) -> Iterator[Any]:
    """Open ``path`` for writing (``"w"`` text or ``"wb"``), created or truncated, mode 0600.

    An existing file is made private too before anything is written into it.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"open_private writes only: mode {mode!r}")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE)
    try:
        os.fchmod(fd, PRIVATE)
        handle = os.fdopen(fd, mode, **kwargs)
    except BaseException:
        os.close(fd)
        raise
    with handle:
        yield handle


def write_private(path: Path | str, data: str | bytes, *, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``path`` (text as UTF-8), readable and writable by its owner only."""
    if isinstance(data, bytes):
        with open_private(path, "wb") as handle:
            handle.write(data)
    else:
        with open_private(path, "w", encoding=encoding, newline="") as handle:
            handle.write(data)
