"""Numbers said in words beside a date or an address (``anonymise/numbers_said.py``): a
dictated date takes the year said after it, a dictated address the house number said before
it; other numbers in words stay."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for


def _redact(text: str) -> str:
    return redact_for(text, "Ayan Rashid", (("Saima Rashid", "mother"),), "Liam Fairclough")


@pytest.mark.parametrize(
    "year",
    ["twenty twenty five", "nineteen ninety", "two thousand and five", "twenty eighteen"],
)
def test_a_dictated_date_takes_its_year(year: str) -> None:
    out = _redact(f"Visit on Monday the fourteenth of April {year} at four pm with mum.")
    assert year not in out and "[DATE] at four pm" in out, out


def test_a_dictated_address_takes_its_house_number() -> None:
    out = _redact(
        "home visit dictated full stop visit was announced mum saima answered the door at "
        "forty one pelham grove and ayan was home from school full stop"
    )
    assert "forty one" not in out and "pelham" not in out, out
    assert "answered the door at [ADDRESS]" in out, out


@pytest.mark.parametrize(
    "kept",
    ["twenty minutes late", "two thousand pounds", "nineteen times"],
)
def test_other_numbers_in_words_stay(kept: str) -> None:
    out = _redact(f"Seen on 3 March 2025, {kept}, with mum.")
    assert kept in out, out


def test_no_one_is_no_house_number() -> None:
    out = _redact("kai: dont tell no one about ashlawn mews ok")
    assert "no one about" in out, out
