"""Firms, practices and schools a dictating worker names in lower case
(``anonymise/orgs_lower.py``, ``anonymise/schools_tails.py``) and a neighbour's house said by
its number (``anonymise/numbers_said.py``)."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for

_FAMILY = (("Dionne Thomas", "mother"), ("Marlon Baptiste", "father"))


def _redact(text: str) -> str:
    return redact_for(text, "Rio Baptiste", _FAMILY, "Femi Adebayo")


@pytest.mark.parametrize(
    ("text", "name"),
    [("mum said she is working nights at brackley road logistics packing parcels", "brackley"),
     ("he works for danby groundworks as a labourer and has been late home", "danby"),
     ("he is a lorry driver for wold freight and was not back until late", "wold"),
     ("she works at the packhouse through marsh labour solutions on a zero hours contract",
      "marsh labour"),
     ("the flat is run by ferndale supported living and her key worker is new", "ferndale"),
     ("agreed mum will take her to the kite house surgery on thursday morning", "kite house")],
)  # fmt: skip
def test_a_firm_or_practice_named_by_its_trade_in_lower_case(text: str, name: str) -> None:
    out = _redact(text + " and i will ring her afterwards to check how it went")
    assert name not in out, out


@pytest.mark.parametrize(
    "text",
    ["agreed mum will take her to the local gp surgery on thursday morning",
     "she was referred for housing solutions and waits to hear about debt solutions",
     "he wants a job in it solutions or in road haulage when he leaves college"],
)  # fmt: skip
def test_a_kind_of_firm_or_practice_stays(text: str) -> None:
    assert _redact(text) == text


@pytest.mark.parametrize(
    ("text", "left"),
    [("the referral came from st aidans catholic primary after she told her teacher", "catholic"),
     ("he moved up to st aidans catholic high school in september and likes it", "high school"),
     ("the dsl at oak moor high school rang and said he had not been in all week", "school"),
     ("a food parcel from st lukes church pantry was dropped off by the volunteers", "pantry")],
)  # fmt: skip
def test_a_school_or_church_named_in_full_in_lower_case(text: str, left: str) -> None:
    out = _redact(text)
    assert "aidans" not in out and "lukes" not in out and left not in out, out


def test_a_neighbour_from_a_house_by_its_number_in_dictation() -> None:
    out = _redact(
        "she was found by a neighbour from number forty nine full stop new paragraph he was"
        " counting from number one to number ten full stop"
    )
    assert "forty nine" not in out and "number one to number ten" in out, out


@pytest.mark.parametrize(
    ("text", "plate"),
    [('photo of a black Audi, partial reg visible "KD7? 0XL", parked outside', "0XL"),
     ("she left in a grey Merc, reg WR1 9 XBN (partial). Child was awake.", "XBN"),
     ("he drives a Seat Leon, part reg YT7l, and sells from it", "YT7l"),
     ("partial reg plate AK68 FH? in the reflection of the window", "AK68"),
     ("I only got part of the reg: LC20. He got in the car.", "LC20")],
)  # fmt: skip
def test_a_plate_in_part_after_its_cue(text: str, plate: str) -> None:
    out = _redact(text)
    assert plate not in out and "[VEHICLE-REG]" in out, out


def test_a_regulation_s_number_is_no_plate() -> None:
    text = "The reg 24 carer had a REG 44 visit; Regulation 7 visit done; reg 24 PLAN agreed."
    assert _redact(text) == text
