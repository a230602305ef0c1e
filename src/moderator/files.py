"""Files only their owner can read: exports, packs, the paired-grades CSV, the config.

Everything moderator writes about cases and grades is created 0600, whatever
the umask says, because a report or pack names managers and grades and sits
in a shared folder more often than anyone intends. (The database is created
0600 by :mod:`moderator.store.connection`; SQLite gives its WAL and
shared-memory files the same permissions.)
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

PRIVATE = 0o600
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


class NotRegularFile(OSError):
    """An output path that exists and is not a regular file (a named pipe, a device).

    An ``OSError``, so every writer's ``cannot write: {strerror}`` names it.
    """


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a file"


def refuse_unless_regular(path: Path | str) -> None:
    """Raise :class:`NotRegularFile` when ``path`` exists and is not a regular file.

    Writing a report into a named pipe waits for ever for a reader; into a device
    (``/dev/sda``) it does damage. An output is a new or an existing regular file.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError:
        return  # opening it reports the problem
    if not stat.S_ISREG(mode):
        _refuse(path, mode)


def _refuse(path: Path | str, mode: int) -> None:
    raise NotRegularFile(
        errno.EINVAL, f"it is {_kind(mode)}, not a regular file; name a file to write", str(path)
    )


@contextmanager
def open_private(path: Path | str, mode: str = "w", **kwargs: Any) -> Iterator[Any]:
    """Open ``path`` for writing (``"w"`` text or ``"wb"``), created or truncated, mode 0600.

    An existing file is made private too before anything is written into it. Anything
    that exists and is not a regular file is refused (:func:`refuse_unless_regular`);
    it is opened non-blocking, so a pipe put there since is refused too, not waited on.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"open_private writes only: mode {mode!r}")
    refuse_unless_regular(path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _NONBLOCK, PRIVATE)
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a named pipe without a reader (made just now)
            _refuse(path, stat.S_IFIFO)
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            _refuse(path, info.st_mode)
        os.set_blocking(fd, True)
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
