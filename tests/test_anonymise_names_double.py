"""The second part of a record person's double given name (``anonymise/names_double.py``):
written with a space for the hyphen, or spelt as it sounds in dictation (``ellie may`` for
Ellie-Mae); the same word elsewhere stays the word."""

from __future__ import annotations

import pytest

from moderator.anonymise.names_double import sound
from tests.helpers import redact_for


def _redact(text: str, child: str) -> str:
    return redact_for(text, child, (("Jodie Forster", "mother"),), "Sam Ellis")


@pytest.mark.parametrize(
    ("child", "written"),
    [("Ellie-Mae Forster", "ellie may"), ("Ellie-Mae Forster", "Ellie May"),
     ("Lily Rose Forster", "lily rose"), ("Ava-Leigh Forster", "ava lee")],
)  # fmt: skip
def test_the_second_part_goes_with_the_first(child: str, written: str) -> None:
    out = _redact(
        f"present were mum and {written} full stop {written} showed me her room full stop", child
    )
    assert written.split()[1] not in out.replace("[", " ").split(), out
    assert out.count("[CHILD]") == 2, out


def test_the_word_elsewhere_stays() -> None:
    out = _redact(
        "In May she was ill; ellie may go to nursery. A rose in May.", "Ellie-Mae Forster"
    )
    assert "In May" in out and "A rose in May" in out, out


def test_parts_that_sound_alike() -> None:
    assert sound("mae") == sound("may") == sound("mai")
    assert sound("leigh") == sound("lee")
    assert sound("anne") == sound("ann")
    assert sound("rose") != sound("ruby")


def test_the_second_part_with_its_possessive_goes_too() -> None:
    out = _redact("I saw ellie may's bedroom, mattress on the floor full stop", "Ellie-Mae Forster")
    assert "[CHILD]'s bedroom" in out and "may" not in out, out
