"""A name the given-name lists lack, in a child's lower-case words, found by what it does:
twice the subject of what a person does or is, and then wherever the note writes it
(``anonymise/names_lower.py``; issue #14)."""

from __future__ import annotations

import pytest

from tests.helpers import redact_sample as redact
from tests.helpers import survives as left


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "i want to say about serge. serge is my mums husband. serge shouts at mum when he"
            " thinks im asleep. please dont tell serge i wrote this",
            "serge",
        ),
        (
            "we was at the flat all night. tyzo sorted food. tyzo is like 22 and has a car. i"
            " dont want tyzo to get in trouble",
            "tyzo",
        ),
        (
            "its ok here. reeko picked me up after school. reeko keeps my phone and says im"
            " safe with him",
            "reeko",
        ),
    ],
)
def test_a_name_no_list_holds_is_found_by_what_it_does_twice(text: str, name: str) -> None:
    assert not left(redact(text), name)


@pytest.mark.parametrize(
    "text",
    [
        # once only: a word, not yet a name
        "after school reeko picked me up and we went to the park and got chips",
        # everyday words as subjects ("then said", "it is") stay
        "i said no. then said it again. it is not fair and that is that",
    ],
)
def test_once_or_an_everyday_word_is_no_name(text: str) -> None:
    out = redact(text)
    assert "[PERSON]" not in out, out
