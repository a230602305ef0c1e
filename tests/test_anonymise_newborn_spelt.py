"""A newborn's name as a hospital writes it (``anonymise/names_newborn.py``), and a name of the
record spelt out after it, whose first letter an earlier layer read as an initial
(``anonymise/names_broken.py``)."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for

FAMILY = (("Marta Kesteven", "mother"), ("Dale Ormerod", "father"))


def _redact(text: str) -> str:
    return redact_for(text, "Ellis Kesteven", FAMILY, "Joanne Price")


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Name on the cot: Baby boy KESTEVEN, ward 3, born at 06:10", "Baby boy"),
        ("Transfer letter re KESTEVEN, Baby Girl, to the special care unit", "Baby Girl"),
        ("Baby KESTEVEN fed well overnight.", "Baby"),
    ],
)
def test_a_newborns_hospital_name_goes_whole(text: str, gone: str) -> None:
    out = _redact(text)
    assert gone not in out and "KESTEVEN" not in out, out


def test_the_word_baby_before_a_name_in_a_sentence_stays() -> None:
    out = _redact("Mum said the baby Ellis slept through.")
    assert "the baby [" in out, out


@pytest.mark.parametrize(
    ("text", "spelt"),
    [
        ("Dad gave his name as Dale Ormerod O R M E R O D when asked", "R M E"),
        ("spoke to ellis kesteven K E S T E V E N about school", "E S T"),
        ("mum is marta m a r t a on the form", "a r t"),
    ],
)
def test_a_record_name_spelt_after_the_name_goes_with_it(text: str, spelt: str) -> None:
    out = redact_for(text, "Ellis Kesteven", FAMILY, "Jo Price")
    assert spelt not in out, out


def test_letters_after_a_name_that_spell_no_name_of_the_record_stay() -> None:
    out = _redact("Seen Dale Ormerod T O D A Y at home.")
    assert "O D A" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "CONFIDENTIAL        KESTEVEN, E & M        ref 40021",
        "2023-11-20,FOSTER (IFA),Ormerod D & E",
    ],
)
def test_a_households_initials_after_its_surname_go_with_it(text: str) -> None:
    out = _redact(text)
    assert "& M" not in out and "& E" not in out, out


def test_a_services_pair_of_letters_after_a_name_stays() -> None:
    out = _redact("Ellis Kesteven, A & E said he could go home.")
    assert "A & E" in out, out
