"""A form of address from the families' languages goes with the name it is said to, as "Mrs"
does, in lower case as those languages write it (``anonymise/names_joined.py``)."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ('Opened with "Dzień dobry, pani Agnieszko" and she relaxed.', "pani"),
        ('She said "Pani Agnieszka is kind" to me.', "Pani"),
        ("We saw la señora Toyne at home.", "señora"),
        ("Herr Toyne phoned the office.", "Herr"),
    ],
)
def test_a_form_of_address_goes_with_a_family_members_name(text: str, address: str) -> None:
    out = redact_for(text, "Rio Toyne", (("Agnieszka Toyne", "mother"),), "Jo Price")
    assert address not in out and "Agnieszk" not in out and "Toyne" not in out, out


def test_a_relations_title_before_a_family_members_name_stays() -> None:
    out = redact_for(
        "Sister Agnieszka said she would help.", "Rio Toyne", (("Agnieszka Toyne", "aunt"),), "Jo"
    )
    assert out.startswith("Sister ["), out


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("she wants to stay with nanny mo at the weekend", "mo"),
        ("Reenie rang about the school run.", "Reenie"),
    ],
)
def test_a_grandparents_generation_short_form_of_a_record_name_goes(text: str, short: str) -> None:
    out = redact_for(text, "Poppy Lawson", (("Maureen Lawson", "grandmother"),), "Jo Price")
    assert short not in out.split() and "[GRANDPARENT" in out, out
