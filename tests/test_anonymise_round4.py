"""Round four of the redactor's mechanisms (issue #14), on general cases: names that are
words told apart by word frequency, organisations, addresses and reference numbers."""

from __future__ import annotations

import pytest

from moderator.anonymise.lexicon import lexicon
from tests.test_anonymise_redact import redact

_THISTLES = dict(
    child_name="Juniper Thistle",
    family=[
        {"name": "Meadow Thistle", "relationship": "mother"},
        {"name": "Stanley Thistle", "relationship": "grandfather"},
    ],
)


@pytest.mark.parametrize("word", ["thistle", "hawthorn", "harvest", "settle", "thrive"])
def test_frequent_english_words_that_are_no_ones_name_are_words(word: str) -> None:
    assert word in lexicon().words


@pytest.mark.parametrize("name", ["jake", "emily", "simone", "vaughn", "stacey", "liam"])
def test_given_names_are_not_words_however_often_films_say_them(name: str) -> None:
    assert name not in lexicon().words


@pytest.mark.parametrize("form", ["jakes", "arias", "emilys"])
def test_a_name_with_s_is_a_possessive_not_a_word(form: str) -> None:
    assert form not in lexicon().words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the family's names that are words, written as the words
        (
            "The thistle by the gate has spread and juniper grows by the shed.",
            "The thistle by the gate has spread and juniper grows by the shed.",
        ),
        ("In spring the meadow floods.", "In spring the meadow floods."),
        # the same words as the names: capitalised, possessive, after a title or kin word
        ("Juniper and Meadow were seen.", "[CHILD] and [MOTHER] were seen."),
        ("Mrs Thistle said the thistle was back.", "[MOTHER] said the thistle was back."),
        ("Meadow's phone was off.", "[MOTHER]'s phone was off."),
    ],
)
def test_the_records_names_that_are_words_are_kept_where_they_are_words(
    text: str, expected: str
) -> None:
    assert redact(text, **_THISTLES) == expected


def test_a_name_in_lower_case_that_is_no_word_is_still_the_person() -> None:
    out = redact(
        "handover: jake ate well, jakes room tidy.",
        child_name="Jake Lomax",
    )
    assert out == "handover: [CHILD] ate well, [CHILD] room tidy."


def test_a_word_after_a_modal_is_a_verb_not_the_person() -> None:
    family = [{"name": "Prosper Adjei", "relationship": "father"}]
    out = redact("Prosper hopes the children will prosper.", family=family)
    assert out == "[FATHER] hopes the children will prosper."


def test_a_name_that_is_a_word_after_a_kin_word_in_speech_is_the_person() -> None:
    out = redact('She wrote "granddad stan is poorly".', **_THISTLES)
    assert "stan" not in out
