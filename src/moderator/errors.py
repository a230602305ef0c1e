"""Errors that carry the exit code the CLI contract promises (README, Commands).

0 ok, 1 bad input, 2 usage, 3 refused by role. The core raises these; the CLI
prints the message (never a traceback) and exits with the code.
"""

from __future__ import annotations


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
