"""Names spelt out letter by letter in dictation (``anonymise/names_spelt.py``), and places a
dictated note names in lower case (``anonymise/orgs_lower.py``): saints' churches, "little …"
nurseries, practices, estates, businesses "called" something; and a town's Main Street."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for

CHILD = "Kai Moss"
FAMILY = (("Chelsea Moss", "mother"), ("Dean Firth", "mother's partner"))
WORKER = "Gemma Liddle"
OPENING = "home visit dictated i saw chelsea and kai full stop "


def _said(rest: str) -> str:
    return redact_for(OPENING + rest + " full stop end of dictation", CHILD, FAMILY, WORKER)


@pytest.mark.parametrize(
    ("said", "gone"),
    [
        ("mums new partner is called ryan she thinks he spells it R Y A N", ["ryan", "R Y A N"]),
        ("dad is liam I think that's P I E R S O N but need to check", ["P I E R S O N"]),
        ("his coach is mick o hare spelt O apostrophe H A R E", ["o hare", "H A R E"]),
        ("partner dean gave his surname as firth spelt f i r t h", ["firth", "f i r t h"]),
    ],
)
def test_a_name_spelt_letter_by_letter_goes_with_the_word_it_spells(
    said: str, gone: list[str]
) -> None:
    out = _said(said)
    for piece in gone:
        assert piece not in out, out


def test_letters_that_spell_nothing_stay() -> None:
    out = _said("his grades were good and that's a b c done and he spells it well")
    assert "that's a b c done" in out and "spells it well" in out, out


@pytest.mark.parametrize(
    ("said", "gone"),
    [
        ("a friend from church at st columba's could help", "columba"),
        ("at st marys he was fine", "st marys"),
        ("kai was not at little owls nursery today", "owls"),
        ("he is registered at flatt walks medical group", "flatt walks"),
        ("the midwife at the bevan house practice rang", "bevan house"),
        ("we visited on the hirst moor estate unannounced", "hirst moor"),
        ("she works at the shop called alimentara dacia on saturdays", "alimentara"),
    ],
)
def test_a_place_named_in_lower_case_is_redacted(said: str, gone: str) -> None:
    out = _said(said)
    assert gone not in out, out


@pytest.mark.parametrize(
    "said",
    [
        "we walk past the church to the shop",
        "moved to st helens last year",
        "st johns ambulance came",
        "he works on the industrial estate and good practice is shared",
        "the little village nursery is shut",
        "the shop called me back",
    ],
)
def test_everyday_words_and_towns_stay(said: str) -> None:
    out = _said(said)
    for word in ("church", "helens", "ambulance", "industrial", "practice", "village", "shop"):
        if word in said:
            assert word in out, out


def test_a_towns_main_street_is_an_address() -> None:
    text = "Criminal damage to a bus shelter, Main Street, Egremont, on the night."
    out = redact_for(text, CHILD, FAMILY, WORKER)
    assert "Main Street" not in out and "Egremont" in out, out


def test_the_workers_letters_said_before_the_end_of_dictation_go() -> None:
    out = redact_for(
        "i will ring the school full stop gemma liddle social worker g l end of dictation",
        CHILD,
        FAMILY,
        WORKER,
    )
    assert "g l end" not in out and "[WORKER] end of dictation" in out, out


@pytest.mark.parametrize(
    ("said", "gone"),
    [
        ("section forty seven home visit nineteen march to the flat", "nineteen march"),
        ("the police attended pc jo hainsworth reference to follow", "jo hainsworth"),
        ("i met mrs bowler from next door at the gate", "bowler"),
        ("he works on main street early shifts", "main street"),
    ],
)
def test_dictations_dates_titles_and_streets_go(said: str, gone: str) -> None:
    out = _said(said)
    assert gone not in out, out


@pytest.mark.parametrize(
    "said",
    [
        "three may attend and two march past the school",
        "we drove down the main road to the shop",
        "the doctor said mr and mrs were out",
    ],
)
def test_numbers_before_months_and_the_main_road_stay(said: str) -> None:
    out = _said(said)
    assert said in out, out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Sibling contact to increase to weekly from l Feb.\nDental next.", "l Feb"),
        ("UPN: W91459O361O49      Gender: M", "W91459O361O49"),
    ],
)
def test_a_scanners_letters_for_figures_in_a_date_or_a_upn(text: str, gone: str) -> None:
    out = redact_for(text, CHILD, FAMILY, WORKER)
    assert gone not in out, out
