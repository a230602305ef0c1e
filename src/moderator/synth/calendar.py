"""The plan's calendar: months, working days and timestamps as the store writes them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta


def stamp(moment: datetime) -> str:
    """A timestamp as the store writes it (ISO 8601, seconds, UTC)."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def add_months(day: date, months: int) -> date:
    """The same day-of-month ``months`` later (clamped to 28 to stay valid)."""
    index = day.month - 1 + months
    return date(day.year + index // 12, index % 12 + 1, min(day.day, 28))


def first_weekday(day: date) -> date:
    """``day`` or the next Monday-Friday."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def at(day: date, hour: int, minute: int = 0, second: int = 0) -> datetime:
    """A UTC moment on ``day``."""
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=UTC)


def setup_time(first_month: date) -> str:
    """When a plan's users are created: 08:00 a week before its first programme."""
    return stamp(at(first_weekday(first_month), 8) - timedelta(days=7))


def grading_stamp(graded_from: str, index: int) -> str:
    """When criterion ``index`` of an audit or moderation was saved."""
    return stamp(datetime.fromisoformat(graded_from) + timedelta(minutes=3 * index))


def months_from(start: date, count: int) -> list[date]:
    """The first day of ``count`` consecutive months from ``start``."""
    first = date(start.year, start.month, 1)
    return [add_months(first, i) for i in range(count)]


def spread(total: int, slots: int) -> Iterator[int]:
    """``total`` items over ``slots`` as evenly as possible (earlier slots take the remainder)."""
    base, extra = divmod(total, slots)
    for i in range(slots):
        yield base + (1 if i < extra else 0)
