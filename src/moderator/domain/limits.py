"""How big an input may be: the bounds every reader enforces before it does real work.

Each bound is generous for real data (a case note of a few hundred kilobytes,
a sample of a few hundred cases) and small enough that a hostile file is
refused within a second or two, in bounded memory, with a ``file:line`` message.
"""

from __future__ import annotations

import os
import select
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO

from moderator.errors import BadInput

MB = 1024 * 1024
MAX_CASE_FILE_BYTES = 512 * MB
"""A case-system export: tens of thousands of cases with long notes."""
MAX_FIELD_BYTES = 1 * MB
"""One CSV field or one JSONL line's field: a long case history fits; a runaway quote does not."""
MAX_LINE_BYTES = 2 * MB
"""One JSONL line (one case)."""
MAX_PACK_BYTES = 64 * MB
"""A moderation pack: a sample of cases with their full text."""
MAX_RUBRIC_BYTES = 1 * MB
"""A rubric or source registry: a few hundred lines of YAML."""
MAX_DEPTH = 32
"""Nesting of JSON or YAML: real documents need fewer than ten levels."""
MAX_INT_DIGITS = 18
"""Digits in an integer read from JSON: ids and grades, never thousands of digits."""
EARLIEST_YEAR = 1900
LATEST_YEAR = 2199
"""Years a typed day may fall in: any real due date, intervention or report period fits, and
the report's windows around a day (years either side) never run off Python's calendar."""
MAX_EXCLUDE_MONTHS = 1200
"""How far back a sample may leave out moderated cases: a hundred years is "all of them"."""


def nesting_depth(data: Any, limit: int = MAX_DEPTH) -> int:
    """How deeply lists and mappings nest in ``data`` (stops counting past ``limit``).

    Iterative, so a document nested a million deep is measured without recursion.
    """
    deepest = 0
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            deepest = max(deepest, depth)
            if deepest > limit:
                return deepest
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, depth + 1) for child in children)
    return deepest


def bounded_int(digits: str) -> int:
    """An integer from JSON digits (``json.loads(parse_int=...)``); ValueError past the limit.

    Python itself refuses integers over 4,300 digits, with a ValueError from deep
    inside the parser; refusing at a realistic size gives a clear message sooner.
    """
    count = len(digits.lstrip("-"))
    if count > MAX_INT_DIGITS:
        raise ValueError(f"a number of {count} digits (at most {MAX_INT_DIGITS})")
    return int(digits)


PIPE_WAIT_SECONDS = 10.0
"""How long a named pipe may stay silent before it is refused as nobody writing to it."""


def open_for_reading(path: Path, what: str = "file") -> BinaryIO:
    """``path`` opened to read bytes, never waiting forever for a named pipe's writer.

    Opening a FIFO nobody writes to blocks forever. It is opened non-blocking, then
    given ``PIPE_WAIT_SECONDS`` for a writer to send something (``<(cat cases.csv)``
    or a writer that starts a moment later still read in full); a pipe that stays
    silent is refused with a message naming it.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if stat.S_ISFIFO(os.fstat(fd).st_mode) and hasattr(select, "poll"):
            poller = select.poll()
            poller.register(fd, select.POLLIN)
            if not poller.poll(int(PIPE_WAIT_SECONDS * 1000)):
                raise BadInput(
                    f"{path}: a named pipe nothing was written to in "
                    f"{PIPE_WAIT_SECONDS:g} seconds: not a {what}"
                )
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_capped(path: Path, limit: int, what: str) -> bytes:
    """A file's bytes, refusing it once it is bigger than ``limit`` (never reading more).

    Reads at most ``limit + 1`` bytes, so a device or a pipe (``/dev/zero``) is
    refused as quickly as a large file.
    """
    try:
        with open_for_reading(path, what) as f:
            data = f.read(limit + 1)
    except FileNotFoundError:
        raise BadInput(f"{path}: file not found") from None
    except IsADirectoryError:
        raise BadInput(f"{path}: is a directory, not a {what}") from None
    except NotADirectoryError:
        # "cases.jsonl/x": the raw "cannot read: Not a directory" left a new user guessing
        file = next((p for p in reversed(path.parents) if p.is_file()), path.parent)
        raise BadInput(f"{path}: {file} is a file, not a folder") from None
    except OSError as exc:
        raise BadInput(f"{path}: cannot read: {exc.strerror}") from None
    if len(data) > limit:
        raise BadInput(f"{path}: more than {limit // MB} MB: too big for a {what}")
    return data


def capped_lines(stream: IO[str], path: Path, limit: int = MAX_LINE_BYTES) -> Iterator[str]:
    """The lines of a text stream, each read with a size cap (a line without end is refused)."""
    line_no = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        line_no += 1
        if len(line) > limit and not line.endswith("\n"):
            raise BadInput(
                f"{path}:{line_no}: line longer than {limit // MB} MB: not a case export"
            )
        yield line
