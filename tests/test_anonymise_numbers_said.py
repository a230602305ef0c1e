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


@pytest.mark.parametrize(
    ("said", "street"),
    [("visit to the family at fourteen ffordd pandy flint on monday", "ffordd pandy"),
     ("visit to the family at number eleven clos y berllan mold after a PPN", "clos y berllan"),
     ("she lives at number four tan y bryn her landline is with me", "tan y bryn")],
)  # fmt: skip
def test_a_welsh_street_named_after_its_noun_said_after_its_number(said: str, street: str) -> None:
    from tests.helpers import redact_for

    out = redact_for(
        f"dictated note new paragraph {said} full stop new paragraph",
        "Osian Roberts",
        (),
        "Jo Hale",
    )
    assert street not in out and "[ADDRESS]" in out, out
    assert "flint" in out or "mold" in out or "landline" in out, out  # the town or what follows


def test_a_welsh_streets_noun_before_an_english_word_is_no_street() -> None:
    from tests.helpers import redact_for

    text = "dictated note new paragraph he said he has two maes trips this week full stop"
    assert redact_for(text, "Osian Roberts", (), "Jo Hale") == text
