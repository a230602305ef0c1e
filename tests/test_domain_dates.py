"""Days people type: the one check the workbench and the commands share, and what it says."""

from __future__ import annotations

from datetime import date

import pytest

from moderator.domain.dates import parse_day
from moderator.errors import BadInput


def test_a_day_written_yyyy_mm_dd_is_read() -> None:
    assert parse_day(" 2020-02-29 ") == date(2020, 2, 29)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("2020-02-31", "2020-02-31 is not a date: February 2020 has 29 days"),
        ("2019-02-29", "2019-02-29 is not a date: February 2019 has 28 days"),
        ("2020-04-31", "2020-04-31 is not a date: April 2020 has 30 days"),
        ("2020-13-01", "2020-13-01 is not a date: there is no month 13 (months are 01 to 12)"),
        ("2020-01-00", "2020-01-00 is not a date: January 2020 has 31 days"),
        ("1st Jan", "'1st Jan' is not a date: dates are written YYYY-MM-DD, e.g. 2020-04-01"),
        ("01/04/2020", "'01/04/2020' is not a date: dates are written YYYY-MM-DD, e.g. 2020-04-01"),
    ],
)
def test_what_is_wrong_with_a_date_is_said(text: str, said: str) -> None:
    with pytest.raises(BadInput) as problem:
        parse_day(text)
    assert problem.value.message == said


def test_a_programme_due_on_a_day_that_does_not_exist_says_so() -> None:
    from moderator.services.assignment import parse_due

    with pytest.raises(BadInput, match="June 2020 has 30 days"):
        parse_due("2020-06-31")


@pytest.mark.parametrize("text", ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01"])
def test_a_day_no_one_means_is_refused_with_the_years_allowed(text: str) -> None:
    # 9999-12-31 as an intervention's date made every later report fail with a traceback
    with pytest.raises(BadInput) as problem:
        parse_day(text)
    assert problem.value.message == f"{text} is not a plausible date: years 1900 to 2199 only"


def test_the_first_and_last_plausible_days_are_read() -> None:
    assert parse_day("1900-01-01") == date(1900, 1, 1)
    assert parse_day("2199-12-31") == date(2199, 12, 31)
