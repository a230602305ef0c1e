"""Names dictation writes as they are said, and names it breaks into pieces
(``anonymise/data/said_names.txt``, ``anonymise/names_heard.py``,
``anonymise/names_pieces.py``).

Irish, Scottish Gaelic, Welsh and Polish names are not spelt as English says them
(Niamh is said "neeve", Siobhan "shivawn", Wójcik "voychik"), so voice-to-text writes the
sound; and a name it does not know it writes as the pieces it hears ("co valenko")."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for

_LINE = (
    "dictated visit new paragraph i saw {w} at home today and {w} showed me her bedroom full stop"
)


@pytest.mark.parametrize(
    ("child", "said"),
    [("Niamh Kelly", "neve"), ("Niamh Kelly", "neeve"), ("Saoirse Kelly", "seersha"),
     ("Aoife Kelly", "eefa"), ("Caoimhe Kelly", "keeva"), ("Eilidh Kelly", "ailey"),
     ("Mhairi Kelly", "varee"), ("Sinéad Kelly", "shinade")],
)  # fmt: skip
def test_a_gaelic_given_name_written_as_it_is_said(child: str, said: str) -> None:
    out = redact_for(_LINE.format(w=said), child, (("Joanne Kelly", "mother"),), "Ruth Ames")
    assert said not in out, out
    assert out.count("[CHILD]") == 2, out


def test_a_surname_said_after_a_given_name_said_is_the_same_persons() -> None:
    family = (("Siobhan Byrne", "mother"), ("Padraig Byrne", "father"))
    out = redact_for(
        "present mum shavawn burn and dad who had come back from work early new paragraph",
        "Niamh Byrne",
        family,
        "Ruth Ames",
    )
    assert "shavawn" not in out and "burn" not in out, out
    assert "[MOTHER]" in out, out


def test_the_said_form_as_an_everyday_word_stays() -> None:
    family = (("Siobhan Byrne", "mother"),)
    text = (
        "dictated new paragraph she said the burn on her arm was from the iron and the gp"
        " saw it full stop the neve of the glacier was in the book she read"
    )
    out = redact_for(text, "Ruairi Byrne", family, "Ruth Ames")
    assert "the burn on her arm" in out, out


@pytest.mark.parametrize(
    ("child", "pieces"),
    [("Maksym Kovalenko", "co valenko"), ("Agnieszka Nowak", "ag nieszka"),
     ("Oluwaseun Adeyemi", "adey emi")],
)  # fmt: skip
def test_a_name_dictation_broke_into_pieces(child: str, pieces: str) -> None:
    out = redact_for(
        f"visit dictated in the car new paragraph i went to see {pieces} at the flat and"
        " mum made tea full stop",
        child,
        (("Oksana Nowak", "mother"),),
        "Ruth Ames",
    )
    assert pieces not in out, out


def test_words_that_only_together_sound_like_a_name_stay() -> None:
    family = (("Mason Kelly", "brother"), ("Fionn Kelly", "father"))
    text = (
        "dictated new paragraph mum said my son is doing well and the fee on the bus went up"
        " so she walks him to school each day full stop"
    )
    assert redact_for(text, "Niamh Kelly", family, "Ruth Ames") == text


def test_a_place_beside_a_word_is_not_read_as_pieces_of_a_name() -> None:
    family = (("Shaun Lincoln", "father"),)
    text = (
        "dictated new paragraph he said dad lives in lincoln now with his new girlfriend"
        " and he goes there at half term full stop"
    )
    out = redact_for(text, "Jake Lincoln", family, "Ruth Ames")
    assert "lives in lincoln now" in out, out
