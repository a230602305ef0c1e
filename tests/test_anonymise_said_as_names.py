"""A record's name that is also a word, in lower case, where the words around make it the person
(``anonymise/known_said.py``): after a relative's word, owning what people own, the subject of
what someone said; and the author's initials that are also an acronym where they sign
(``anonymise/layer_known.py``). The word stays where it is the word."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for

CHILD = "Kai Moss"
FAMILY = (
    ("Chelsea Moss", "mother"),
    ("Dean Firth", "mother's partner"),
    ("Joy Marsh", "maternal grandmother"),
    ("Will Moss", "father"),
    ("Summer Moss", "sister"),
)
WORKER = "Lisa Dunn"
# a dictated note: lower case throughout, a lower-case "i"
OPENING = "home visit i saw chelsea and kai at home full stop "


def _said(rest: str) -> str:
    return redact_for(OPENING + rest, CHILD, FAMILY, WORKER)


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("present were chelsea and her partner dean who gave his surname", " dean "),
        ("joy's sister used to help with the washing", "joy's"),
        ("dean's number is new", "dean's"),
        ("he told me he likes school and that dean shouts at mummy", " dean "),
    ],
)
def test_a_name_that_is_a_word_is_the_person_where_the_words_say_so(said: str, name: str) -> None:
    out = _said(said)
    assert name not in out, out


@pytest.mark.parametrize(
    "said",
    [
        "it was a summer's day and the garden was tidy",
        "dad will pick him up on friday",
        "the dean's list was on the wall",
        "pure joy's end came when the telly broke",
    ],
)
def test_the_word_stays_where_it_is_the_word(said: str) -> None:
    out = _said(said)
    assert said in out, out


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("CASE EXPORT - printed 03/02/2025 by LD\nAddress: withheld", "by [WORKER]"),
        ("| both in one bed | SW LD | Neglect |", "SW [WORKER] |"),
        ("LD summary: pattern of neglect across nine months.", "[WORKER] summary:"),
        ("SW comment (LD): referral copied to the front door.", "([WORKER])"),
        ("Social Worker       LD / Team Manager", "[WORKER] /"),
        ("home visit done nothing of concern LD", "concern [WORKER]"),
    ],
)
def test_the_authors_initials_that_are_an_acronym_go_where_they_sign(
    text: str, written: str
) -> None:
    out = redact_for(text, CHILD, FAMILY, WORKER)
    assert written in out, out


def test_the_acronym_stays_where_it_names_a_need() -> None:
    text = "He has LD and was referred to the LD team. Support by LD services. Rent is paid by LD."
    out = redact_for(text, CHILD, FAMILY, WORKER)
    assert out == text, out
