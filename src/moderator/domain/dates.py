"""Days people type (``YYYY-MM-DD``): one check, and one message saying what is wrong.

A day written in the right form may still not exist (2020-02-31): the message
says so and why, rather than asking again for a form that was already used.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from moderator.domain.limits import EARLIEST_YEAR, LATEST_YEAR
from moderator.errors import BadInput

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
EXAMPLE = "2020-04-01"


def parse_day(text: str) -> date:
    """The day ``text`` names (surrounding spaces ignored).

    Raises:
        BadInput: not written ``YYYY-MM-DD``, or no such day, with a sentence saying which.
    """
    raw = text.strip()
    found = _DAY.fullmatch(raw)
    if found is None:
        try:
            read = date.fromisoformat(raw)  # other ISO 8601 forms are still taken
        except ValueError:
            raise BadInput(
                f"{raw!r} is not a date: dates are written YYYY-MM-DD, e.g. {EXAMPLE}"
            ) from None
        return plausible_day(read, raw)
    year, month, day = (int(part) for part in found.groups())
    if year < 1:
        raise BadInput(f"{raw} is not a date: there is no year 0")
    if not 1 <= month <= 12:
        raise BadInput(f"{raw} is not a date: there is no month {month} (months are 01 to 12)")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise BadInput(f"{raw} is not a date: {calendar.month_name[month]} {year} has {last} days")
    return plausible_day(date(year, month, day), raw)


def plausible_day(day: date, written: str | None = None) -> date:
    """``day`` itself, or BadInput when its year is outside EARLIEST_YEAR..LATEST_YEAR.

    9999-12-31 exists, but as an intervention it made every later report fail (its
    window ran past the calendar's end); no real day of this work is that far off.
    """
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise BadInput(
            f"{written or day.isoformat()} is not a plausible date: "
            f"years {EARLIEST_YEAR} to {LATEST_YEAR} only"
        )
    return day
