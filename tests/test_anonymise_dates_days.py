"""Days of the month said without a month (``anonymise/dates_days.py``): after a weekday,
dictation writes the ordinal with no mark after it, so the weekday alone dates it."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for


def _redact(text: str) -> str:
    return redact_for(text, "Ayan Rashid", (("Saima Rashid", "mother"),), "Liam Fairclough")


@pytest.mark.parametrize(
    ("said", "left"),
    [
        ("do an unannounced visit on monday the tenth about half three", "on [DATE] about"),
        ("she did these on tuesday the fourth because she was stressed", "on [DATE] because"),
        ("next strategy meeting monday the twenty third book a room", "meeting [DATE] book"),
        ("agreed to meet me tomorrow the seventh at nine thirty", "me tomorrow [DATE] at"),
        # no "the" (session 65)
        ("plan home visit Wednesday sixteenth at five pm", "visit [DATE] at five"),
        ("school check on Wednesday twenty sixth when mum is in", "on [DATE] when"),
    ],
)
def test_a_day_said_after_a_weekday_is_a_date(said: str, left: str) -> None:
    out = _redact(f"dictated note full stop {said} full stop")
    assert left in out, out


@pytest.mark.parametrize("kept", ["on the sixth floor of the tower", "the third time she rang"])
def test_an_ordinal_with_no_weekday_before_it_stays(kept: str) -> None:
    out = _redact(f"seen at home, {kept} and left")
    assert kept in out, out


@pytest.mark.parametrize(
    ("said", "left"),
    [
        ("date of birth fourth of the sixth nineteen ninety one full stop", "birth [DATE] full"),
        ("the review is on the twelfth of the third at ten", "on [DATE] at"),
        ("born the twenty first of the fifth two thousand and nine comma", "born [DATE] comma"),
    ],
)
def test_a_day_and_month_said_as_ordinals_is_a_date(said: str, left: str) -> None:
    out = _redact(f"dictated note full stop {said}")
    assert left in out, out


@pytest.mark.parametrize("kept", ["the first of the month", "the second of the three boys"])
def test_an_ordinal_of_a_thing_stays(kept: str) -> None:
    out = _redact(f"dictated note full stop {kept} full stop")
    assert kept in out, out


@pytest.mark.parametrize(
    "kept",
    ["we meet on Monday first thing to plan it", "on friday second half of the match was better",
     "it was her birthday second and the holiday first"],
)  # fmt: skip
def test_an_ordinal_after_a_weekday_that_dates_nothing_stays(kept: str) -> None:
    out = _redact(f"dictated note full stop {kept} full stop")
    assert kept in out, out
