"""Identifiers said a character at a time (``anonymise/codes_spoken.py``): phones, references,
plates in the police alphabet and spelt letters are redacted whole; counts, times, dates'
numbers and a cry of "oh" stay."""

from __future__ import annotations

import re

import pytest

from tests.helpers import redact_for


def _redact(text: str) -> str:
    return redact_for(text, "Ayan Rashid", (("Saima Rashid", "mother"),), "Liam Fairclough")


@pytest.mark.parametrize(
    ("said", "placeholder"),
    [
        ("oh seven seven double oh nine double oh three one six", "[PHONE]"),
        ("oh one four three four, nine six oh, two two six", "[PHONE]"),
        ("zero seven nine one one four oh three two two six", "[PHONE]"),
        ("plus four four seven seven one two three four five six seven eight", "[PHONE]"),
        ("oh seven seven hundred nine hundred two one one", "[PHONE]"),
    ],
)
def test_a_phone_said_digit_by_digit_is_redacted(said: str, placeholder: str) -> None:
    out = _redact(f"mum gave her new number as {said} and asked us to text first")
    assert placeholder in out, out
    assert "seven" not in out and "nine" not in out and "four" not in out, out
    assert "and asked us to text first" in out, out


@pytest.mark.parametrize(
    "said",
    [
        "two five zero zero zero six one eight four two seven",
        "c m e two five dash oh four four one",
        "l u two two c oh oh five one three",
        "K one seven seven two zero four nine eight",
    ],
)
def test_a_reference_said_aloud_is_redacted(said: str) -> None:
    out = _redact(f"police ref given over the phone {said} for the strategy meeting")
    assert re.search(r"over the phone \[[A-Z-]+\] for the strategy meeting", out), out


@pytest.mark.parametrize(
    "said",
    [
        "charlie alpha seven one delta november golf",
        "foxtrot victor one eight",
        "k e one eight x r t",
        "lima kilo one seven x ray papa delta",
    ],
)
def test_a_plate_said_aloud_is_redacted(said: str) -> None:
    out = _redact(f"the car's reg was {said}, a silver hatchback")
    assert "reg was [VEHICLE-REG], a silver hatchback" in out, out


def test_a_collar_number_said_aloud_is_redacted() -> None:
    out = _redact("spoke to the officer, collar number two two zero six, who agreed")
    assert "two two zero six" not in out and "[CASE-NUMBER]" in out, out


@pytest.mark.parametrize(
    "kept",
    [
        "she counted one two three four five six seven eight out loud",
        "oh one of them said two or three times",
        "we met at ten fifteen and left at eleven",
        "we played golf at the hotel by the delta",
        "she scored nine out of ten and then seven out of ten",
    ],
)
def test_counts_and_words_stay(kept: str) -> None:
    out = _redact(f"on the visit {kept} with ayan")
    assert kept in out, out


def test_an_email_said_aloud_takes_the_digits_of_its_name() -> None:
    out = _redact("her email is agnieszka dot nowak ninety at wp dot pl and she said")
    assert "nowak" not in out and "ninety" not in out, out
    assert "her email is [EMAIL] and she said" in out, out


@pytest.mark.parametrize(
    "said", ["t k four four one eight two seven c", "S T six four two nine one seven B"]
)
def test_a_national_insurance_number_said_aloud_is_redacted_with_its_letters(said: str) -> None:
    out = _redact(f"his national insurance number is {said} I have checked it with the letter")
    assert "number is [NI-NUMBER] I have checked" in out, out
