"""Places a dictating or typing worker writes in lower case (``anonymise/addresses_joined.py``,
``anonymise/addresses_said.py``, ``anonymise/numbers_said.py``, ``anonymise/orgs_lower.py``)
and names heard after a relative's word in a line of capitals (``anonymise/names_heard.py``)."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for

_FAMILY = (("Dionne Thomas", "mother"), ("Marlon Baptiste", "father"))


def _redact(text: str) -> str:
    return redact_for(text, "Rio Baptiste", _FAMILY, "Femi Adebayo")


@pytest.mark.parametrize(
    ("text", "left"),
    [("she is renting at flat four ninety one cowbridge road east and is under the drug service",
      "east"),
     ("They live at 14 Ashton road west with the children", "road"),
     ("at the home of her nan number twenty seven the paddocks dunstable on wednesday",
      "paddocks")],
)  # fmt: skip
def test_a_street_s_side_and_noun_in_lower_case_go_with_it(text: str, left: str) -> None:
    out = _redact(text)
    assert left not in out.split(), out


def test_a_direction_after_a_street_in_a_sentence_stays() -> None:
    text = "Mum drove east on the motorway and then walked north to the shops."
    assert _redact(text) == text


def test_a_nursery_named_by_two_words_in_lower_case() -> None:
    out = _redact("younger half sister aged three attends tiny steps nursery on tuesdays")
    assert "tiny steps" not in out and "attends" in out, out


@pytest.mark.parametrize(
    "text",
    ["she goes to a private day nursery near work and loves it",
     "he was at the hospital day nursery and then the local community nursery",
     "the baby room at the nursery was closed so she went to the council run nursery"],
)  # fmt: skip
def test_a_kind_of_nursery_stays(text: str) -> None:
    assert _redact(text) == text


def test_a_heard_name_after_a_relative_s_word_among_capitals() -> None:
    out = redact_for(
        "Eirlys says Cerys's mum sharn (Siân Pritchard) is in rehab at Ty Newydd near Bangor"
        " and Darren has no contact; Cerys wants to live in Wales with Darren's mum.",
        "Cerys Hall",
        (("Darren Hall", "father"), ("Siân Pritchard", "mother")),
        "Hannah Whitlam",
    )
    assert "sharn" not in out, out


def test_a_document_exchange_box_is_an_address() -> None:
    out = _redact("Pattinson & Croft Solicitors | DX 16304 Kidderminster | Our ref: PC/1")
    assert "16304" not in out and "Kidderminster" in out, out


def test_a_neighbour_s_house_by_its_number_in_dictation() -> None:
    out = _redact(
        "she did not give a surname full stop the neighbour at number sixteen rang the police"
        " full stop new paragraph she said it was number one on her list full stop"
    )
    assert "sixteen" not in out and "number one on her list" in out, out


@pytest.mark.parametrize(
    ("text", "piece"),
    [("Address: Flat 5, Lindfie ld House, Cotton Walk, London", "ld"),
     ("Address: 6 Tavistock Wa lk, Dunstable LU5 4AB", "lk"),
     ("Address: 12 Quen by Walk, Oldham", "by")],
)  # fmt: skip
def test_an_address_word_a_scan_broke_with_a_space(text: str, piece: str) -> None:
    out = _redact(text)
    assert piece not in out.split(), out


def test_a_word_in_markdown_bold_is_read_through() -> None:
    out = _redact("Last seen in a grey Audi A3 (partial reg **YS17**...) on Friday.")
    assert "YS17" not in out and "Audi A3" in out, out


@pytest.mark.parametrize(
    ("text", "left"),
    [("HARTLEY OKOYE SOLICITORS\n2nd Floor, 14 Bellenden Parade, London SE15 4RF", "2nd"),
     ("Our office: Suite 3, 12 Cotsford Lane, Peterlee SR8 1AB", "Suite")],
)  # fmt: skip
def test_an_office_s_floor_or_suite_goes_with_its_address(text: str, left: str) -> None:
    out = _redact(text)
    assert left not in out and "[ADDRESS]" in out, out


def test_a_floor_or_room_without_an_address_stays() -> None:
    text = "Meet on the 2nd floor at 10, then Room 6 for the review."
    assert _redact(text) == text


def test_a_green_named_as_a_street_in_lower_case() -> None:
    out = _redact("she sees her mum most weekends at her flat on wensley green full stop")
    assert "wensley" not in out and "[ADDRESS]" in out, out


def test_a_green_that_is_a_colour_or_a_village_s_stays() -> None:
    text = "they walk on the village green and he goes on about being green with envy"
    assert _redact(text) == text
