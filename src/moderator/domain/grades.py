"""Ofsted's four-point grade scale.

Ordered best to worst: Outstanding (1), Good (2), Requires improvement to be
good (3), Inadequate (4). A larger number is a worse grade, so *drift* =
moderated - manager is positive when the manager was more optimistic.
"""

from __future__ import annotations

import re
from enum import IntEnum

from moderator.errors import BadInput


class Grade(IntEnum):
    """One of Ofsted's four grades; the integer value is the grade's rank (1 best)."""

    OUTSTANDING = 1
    GOOD = 2
    REQUIRES_IMPROVEMENT = 3
    INADEQUATE = 4

    @property
    def label(self) -> str:
        """The grade in full words, as Ofsted prints it."""
        return _LABELS[self]

    @property
    def short(self) -> str:
        """A short label for narrow tables."""
        return _SHORT[self]

    def __str__(self) -> str:
        return self.label

    @classmethod
    def parse(cls, value: object) -> Grade:
        """Parse the spellings people use: 1-4, "RI", "requires improvement", any case.

        Raises:
            BadInput: for an unknown spelling, naming it and the accepted forms.
        """
        if isinstance(value, Grade):
            return value
        if isinstance(value, bool):
            raise BadInput(f"not a grade: {value!r} ({ACCEPTED})")
        if isinstance(value, int):
            if 1 <= value <= 4:
                return cls(value)
            raise BadInput(f"not a grade: {value!r} ({ACCEPTED})")
        if isinstance(value, float) and value.is_integer():
            return cls.parse(int(value))
        if isinstance(value, str):
            key = _normalise(value)
            if key in _ALIASES:
                return _ALIASES[key]
        raise BadInput(f"not a grade: {value!r} ({ACCEPTED})")

    @classmethod
    def parse_optional(cls, value: object) -> Grade | None:
        """Like :meth:`parse`, but an empty value (None, "", whitespace) is None."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return cls.parse(value)


_LABELS = {
    Grade.OUTSTANDING: "Outstanding",
    Grade.GOOD: "Good",
    Grade.REQUIRES_IMPROVEMENT: "Requires improvement to be good",
    Grade.INADEQUATE: "Inadequate",
}
_SHORT = {
    Grade.OUTSTANDING: "Outstanding",
    Grade.GOOD: "Good",
    Grade.REQUIRES_IMPROVEMENT: "RI",
    Grade.INADEQUATE: "Inadequate",
}

ACCEPTED = "use 1-4, Outstanding, Good, RI / Requires improvement (to be good), or Inadequate"


def _normalise(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


_ALIASES: dict[str, Grade] = {}
for _grade, _words in {
    Grade.OUTSTANDING: ["1", "outstanding", "o", "out"],
    Grade.GOOD: ["2", "good", "g"],
    Grade.REQUIRES_IMPROVEMENT: [
        "3",
        "ri",
        "r i",
        "requires improvement",
        "requires improvement to be good",
        "requires improvement good",
        "require improvement",
        "requiring improvement",
        "needs improvement",
    ],
    Grade.INADEQUATE: ["4", "inadequate", "inad", "i"],
}.items():
    for _word in _words:
        _ALIASES[_normalise(_word)] = _grade

GRADES: tuple[Grade, ...] = tuple(Grade)
