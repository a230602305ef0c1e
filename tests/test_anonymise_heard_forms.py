"""The record's names as a dictating worker hears and writes them (``anonymise/names_heard.py``,
``anonymise/known_said.py``) and an agency named after "called" (``anonymise/orgs_lower.py``).

Welsh and Irish names open with letters English reads otherwise (a hard ``C``, ``Si`` as
``sh``), and a dictated "r" after a vowel may stand for no sound (``sharn`` for Siân); a rare
word that is one of the family's names owns what follows its possessive."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for

_FAMILY = (("Darren Hall", "father"), ("Siân Pritchard", "mother"), ("Mason Foley", "brother"))


def _redact(text: str, child: str = "Cerys Hall") -> str:
    return redact_for(text, child, _FAMILY, "Hannah Whitlam")


@pytest.mark.parametrize(
    ("child", "heard"),
    [("Cerys Hall", "keris"), ("Ceri Hall", "kerry"), ("Siobhan Hall", "shivorn"),
     ("Cian Hall", "kian")],
)  # fmt: skip
def test_a_welsh_or_irish_given_name_as_dictation_spells_it(child: str, heard: str) -> None:
    out = _redact(
        f"she is worried about her granddaughter {heard} who lives with her dad and says"
        f" {heard} rang her crying on friday night at about eleven saying dad had gone out",
        child,
    )
    assert heard not in out, out


def test_a_dictated_r_after_a_vowel_that_is_not_sounded() -> None:
    out = _redact(
        "eirlys says the mum sharn is in residential rehab near bangor since before christmas"
    )
    assert "sharn" not in out, out


def test_words_that_only_sound_near_stay() -> None:
    text = "she said the car was parked at the kerb and the shark film was on at the cinema"
    assert _redact(text) == text


def test_a_rare_word_name_owns_what_follows_its_possessive() -> None:
    out = _redact("actions HW to check mason's details, call the school DSL on Monday")
    assert "mason" not in out, out
    assert _redact("the mason's tools were in the van") == "the mason's tools were in the van"


def test_an_agency_called_something() -> None:
    out = _redact(
        "he works nights for an agency called primeforce staffing and dad looks after them"
    )
    assert "primeforce" not in out and "dad looks after them" in out, out


@pytest.mark.parametrize(
    ("said", "gone"),
    [("present detective constable james holland from the police", "detective constable"),
     ("her instructor is sergeant dave wilde she showed me her uniform", "wilde"),
     ("to be seen at school today by d c holland and myself", "holland")],
)  # fmt: skip
def test_a_rank_and_a_name_in_lower_case(said: str, gone: str) -> None:
    out = _redact(said + " and it was a long visit with the children")
    assert gone not in out, out


def test_a_rank_before_an_everyday_word_stays() -> None:
    text = "the sergeant said that he would call back and the pc will come later today"
    assert _redact(text) == text


@pytest.mark.parametrize(
    ("said", "gone"),
    [("the attendance officer mrs denise harlow had left a letter", "harlow"),
     ("she talked with miss lowery head of year eight at break", "lowery"),
     ("the dsl mrs pinchbeck said he was falling asleep in class", "pinchbeck"),
     ("present d s jo rawlinson from the public protection unit", "rawlinson"),
     ("next visit with d s rawlinson to collect the tablet", "rawlinson")],
)  # fmt: skip
def test_a_surname_the_spelling_list_holds_after_a_title_in_lower_case(
    said: str, gone: str
) -> None:
    # the spelling list holds many surnames (and places), which are no everyday words
    out = _redact(said + " and it was a long visit with the children")
    assert gone not in out, out


def test_a_subject_missed_stays_a_subject() -> None:
    text = "she said she will miss swimming and she does not want to miss anything at all"
    assert _redact(text) == text


def test_an_everyday_word_that_sounds_like_a_pet_form_stays() -> None:
    # "law" starts as a short form of Olivia would ("Liv"), but is a word the language uses
    out = redact_for(
        "Copied to the solicitors under Family Law. Olivia was told.",
        "Tyler Marsh",
        (("Olivia Marsh", "sister"),),
        "Sam Ellis",
    )
    assert "Family Law" in out and "Olivia" not in out, out
