"""Errors that carry the exit code the CLI contract promises (README, Commands).

0 ok, 1 bad input, 2 usage, 3 refused by role. The core raises these; the CLI
prints the message (never a traceback) and exits with the code.
"""

from __future__ import annotations

import re


class ModeratorError(Exception):
    """Base class: a problem the user can act on, with a message fit to print."""

    exit_code = 1

    def __init__(self, message: str, *, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details: list[str] = list(details or [])

    def __str__(self) -> str:
        if not self.details:
            return self.message
        return "\n".join([self.message, *self.details])


class BadInput(ModeratorError):
    """Input that cannot be used: a file, a row, a field. Nothing was changed."""

    exit_code = 1


class RedactorFault(BadInput):
    """The redactor failed on one case's text: a fault in moderator, reported by the case's
    line and id (never its text), with nothing imported."""


class NotFound(BadInput):
    """A named thing (rubric, case, audit, user) does not exist."""


class Refused(ModeratorError):
    """The acting user's role does not allow this (or the record is read-only)."""

    exit_code = 3


class SheetChanged(Refused):
    """A grade sheet changed (in another window, or from the command line) since the change
    being made was decided on: nothing was written; read what is saved and decide again."""


class UsageProblem(ModeratorError):
    """The command was called wrongly (missing user, conflicting options)."""

    exit_code = 2


QUOTE_LIMIT = 40
"""Characters of a file's own content an error quotes (a header cell, a value): no more."""
QUOTES_LISTED = 5
"""Quoted items an error lists in a row before saying how many more there are."""
_QUOTED = r"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\""
_QUOTED_RUN = re.compile(rf"(?:{_QUOTED})(?:, (?:{_QUOTED}))*")


def cap_quoted(text: str) -> str:
    """``text`` with what it quotes cut short: each quoted item (a repr, as in
    ``unknown column(s): 'a', 'b'``) to QUOTE_LIMIT characters with …, and a run of them
    to its first QUOTES_LISTED. A file that is not what it should be (``/etc/passwd`` named
    as a case export) is then not echoed back by the message about it."""

    def one(item: str) -> str:
        if len(item) <= QUOTE_LIMIT + 2:
            return item
        return f"{item[: QUOTE_LIMIT + 1]}…{item[-1]}"

    def run(match: re.Match[str]) -> str:
        items = [one(m.group(0)) for m in re.finditer(_QUOTED, match.group(0))]
        more = len(items) - QUOTES_LISTED
        shown = ", ".join(items[:QUOTES_LISTED])
        return f"{shown}, … ({more} more)" if more > 0 else shown

    return _QUOTED_RUN.sub(run, text)


def with_quotes_capped(error: ModeratorError) -> ModeratorError:
    """``error`` again (same class), its message and details quoting no more than
    :func:`cap_quoted` lets them."""
    capped = type(error)(cap_quoted(error.message), details=[cap_quoted(d) for d in error.details])
    capped.__cause__ = error.__cause__
    return capped
