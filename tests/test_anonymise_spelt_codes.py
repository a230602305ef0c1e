"""Identifiers said or spelt a character at a time with words that are also English
(``anonymise/codes_spoken.py``, ``find_said_postcodes``), and what OCR breaks in a house's
number or a name in capitals (``anonymise/reading.py``)."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for

_FAMILY = (("Nasim Akhtar", "mother"), ("Usman Hussain", "brother"))


def _redact(text: str) -> str:
    return redact_for(text, "Fatima Zahra Hussain", _FAMILY, "Sam Ellis")


@pytest.mark.parametrize(
    ("said", "what"),
    [("el you five four are tee", "[POSTCODE]"), ("el you one one dee ex", "[POSTCODE]"),
     ("why oh three one ay bee", "[POSTCODE]"), ("see are two six el em", "[POSTCODE]"),
     ("jay kay four seven two zero nine one see", "[NI-NUMBER]")],
)  # fmt: skip
def test_a_code_said_with_letters_that_are_words(said: str, what: str) -> None:
    out = _redact(f"she gave it as {said} on the phone full stop")
    assert out == f"she gave it as {what} on the phone full stop", out


@pytest.mark.parametrize(
    "text",
    ["she said see you at one two and we went to the shop at four five",
     "are you one of them asked mum why oh why",
     "the score was one one and then two nil"],
)  # fmt: skip
def test_everyday_words_and_numbers_stay(text: str) -> None:
    assert _redact(text) == text


def test_a_postcode_spelt_out_with_spaces() -> None:
    out = _redact("At her flat, 14 Marsh Road, Luton L U 1 1 L S. She is 20; form I A 2 B C")
    assert "L U 1 1 L S" not in out and "[POSTCODE]" in out, out
    assert "I A 2 B C" in out, out  # ("IA" is no postcode area)


@pytest.mark.parametrize(
    "text",
    ["home visit to the mother at l2 Taylors Avenue on Monday",
     "l4 Dudley Street, Grimsby", "Address: Flat l7, Brodie House, Quenby Walk"],
)  # fmt: skip
def test_a_house_number_ocr_misread(text: str) -> None:
    out = _redact(text)
    assert "l2" not in out and "l4" not in out and "l7" not in out, out


def test_a_record_surname_in_capitals_broken_by_a_space() -> None:
    out = _redact("Surname: HUSSA IN        First name(s): Fatima Zahra")
    assert "HUSSA" not in out and "IN " not in out.replace("First", ""), out


def test_capitals_that_only_look_broken_stay() -> None:
    out = _redact("LOOKED AFTER CHILD REVIEW - NO ACTION ON IT")
    assert out == "LOOKED AFTER CHILD REVIEW - NO ACTION ON IT", out


@pytest.mark.parametrize("dash", ["\u2013", "\u2010", "\u2011", "\u2212"])
def test_a_double_name_written_with_another_dash(dash: str) -> None:
    out = redact_for(
        f"Kacey{dash}Leigh Brooks came home late.", "Kacey-Leigh Brooks", (), "Sam Ellis"
    )
    assert "Kacey" not in out and "Leigh" not in out and "Brooks" not in out, out
    assert redact_for("Open Monday\u2013Friday.", "Kacey-Leigh Brooks", (), "Sam Ellis") == (
        "Open Monday\u2013Friday."
    )


@pytest.mark.parametrize("written", ["Sian O'Connor", "Siân O’Connor", "Sian O. ", "Sian O "])
def test_a_given_name_and_one_part_of_a_double_surname(written: str) -> None:
    out = redact_for(
        f"I spoke to {written}today.",
        "Amara Price",
        (("Siân O'Connor-Price", "mother"),),
        "Sam Ellis",
    )
    assert "Connor" not in out and "Sian" not in out and "Siân" not in out, out


@pytest.mark.parametrize(
    "text",
    ["her mobile O77OO 9OO l23 tonight", "mum's mobile ends 4471", "the number ending in 3341"],
)
def test_a_phone_misread_by_a_scan_or_given_by_its_last_digits(text: str) -> None:
    out = _redact(text)
    assert "[PHONE]" in out and not any(d in out for d in ("l23", "4471", "3341")), out


@pytest.mark.parametrize(
    "text", ["the phone call ended 1430", "Room OOLIO 12", "born 2OO5 in 1 lO"]
)
def test_numbers_that_are_no_phone_stay(text: str) -> None:
    assert _redact(text) == text
