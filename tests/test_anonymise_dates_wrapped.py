"""Dates whose weekday stands apart from them: at a line's end with the date wrapped to the
next, or before a date a scan misread (``l4th``, ``2O25``); and a day and month written with a
leading zero, which no count's fraction is (``anonymise/date_words.py``,
``anonymise/ocr_numbers.py``, ``anonymise/dates_loose.py``)."""

from __future__ import annotations

import pytest

from tests.helpers import redact_sample


@pytest.mark.parametrize(
    ("text", "weekday"),
    [
        ("Contact agreed from Monday\n20th January at the centre.", "Monday"),
        ("She told the school nurse on Friday\n  13th June that it hurt.", "Friday"),
        ("Will visit Thurs\n24/02 with the family support worker.", "Thurs"),
        ("Conference date: Tuesday l4th January 2O25, held at the civic offices.", "Tuesday"),
        ("0n Wednesday, l9th March he came in with a red mark.", "Wednesday"),
    ],
)
def test_a_weekday_goes_with_its_date_across_a_line_break_or_a_scan(
    text: str, weekday: str
) -> None:
    out = redact_sample(text)
    assert weekday not in out and "[DATE]" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "We sat in the sun\n14/03 visit planned with mum.",
        "He can wait till the wed\n14/03 is the next visit.",
    ],
)
def test_a_lower_case_word_at_a_lines_end_stays_when_a_log_line_opens_with_a_date(
    text: str,
) -> None:
    out = redact_sample(text)
    first_line_end = text.split("\n")[0].split()[-1]
    assert first_line_end in out and "[DATE]" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "After the 18/01 session she cried in the car.",
        "The 03/11 visits were both cancelled.",
    ],
)
def test_a_day_and_month_with_a_leading_zero_are_a_date_before_a_count_word(text: str) -> None:
    out = redact_sample(text)
    assert "[DATE]" in out, out


def test_a_fraction_of_a_count_still_stays() -> None:
    out = redact_sample("She attended 4/5 sessions and 3/4 days this term.")
    assert "4/5 sessions" in out and "3/4 days" in out, out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Baby weighed 4.02 kg at clinic.", "4.02 kg"),
        ("School run on Tues and Thurs.\nEarly March the plan ends.", "Thurs."),
        ("Family time every Sunday.\n12/03 review booked.", "Sunday."),
    ],
)
def test_a_weight_and_a_list_ending_in_a_weekday_stay(text: str, kept: str) -> None:
    out = redact_sample(text)
    assert kept in out, out
