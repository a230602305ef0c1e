"""A school's kind written after a street or a place (``anonymise/schools_tails.py``):
``castle view first school``, ``greenland lane primary``, ``dere street first``, as dictation
and a child's typing name a school. The whole is one school; a street alone stays an address
and a school's kind after a sentence's end is no part of it."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for


def _redact(text: str) -> str:
    return redact_for(text, "Riley Hume", (("Kayleigh Hume", "mother"),), "Mark Dinning")


@pytest.mark.parametrize(
    "school", ["castle view first school", "greenland lane primary", "dere street first"]
)
def test_a_streets_school_is_one_school(school: str) -> None:
    out = _redact(f"dictated full stop her teacher at {school} said she is tired full stop")
    assert school.split()[-1] not in out.split(), out
    assert "[SCHOOL]" in out and "[ADDRESS]" not in out, out


def test_a_street_alone_stays_an_address_and_a_sentence_ends_it() -> None:
    out = _redact("Mum moved to 12 Castle View. First school visit next week.")
    assert "First school visit" in out and "[ADDRESS]" in out, out
