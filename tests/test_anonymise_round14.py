"""Round fourteen: what batch X showed when it was first scored (issue #14)."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for


def redact(
    text: str,
    child: str = "Kieran Oakervee",
    family: tuple[tuple[str, str], ...] = (("Dorcas Oakervee", "mother"),),
    worker: str = "Ignatius Pellowe",
) -> str:
    """The text redacted for one synthetic record."""
    return redact_for(text, child, family, worker, "R14-1")


@pytest.mark.parametrize(
    "text",
    [
        "School rang at 2.15 - K hit a boy at dinner.",
        "Contact was late. K kept asking for his mum.",
        "| 18/12/24 | K arrested for shoplifting |",
        "Dad texts K from a withheld number.",
        "IN THE FAMILY COURT. Re: K (A Child). Final statement.",
    ],
)
def test_the_childs_bare_initial_where_a_person_stands_is_the_child(text: str) -> None:
    out = redact(text)
    assert "[CHILD]" in out
    assert " K " not in f" {out} ".replace("(", " ").replace("|", " ")


@pytest.mark.parametrize(
    "text",
    [
        "Plan B is agreed and vitamin K was given at birth.",
        "The K to M route is closed. Class K are on a trip.",
        "Kieran and a friend sat in rows K and L.",
    ],
)
def test_a_letter_that_names_a_thing_or_a_list_stays(text: str) -> None:
    out = redact(text)
    assert out.replace("[CHILD]", "Kieran") == text


def test_no_bare_initial_when_another_of_the_record_shares_it() -> None:
    out = redact("Mum said K hit a boy.", family=(("Kerry Oakervee", "mother"),))
    assert "K hit" in out
