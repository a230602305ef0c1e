"""Identifiers a scan misread, and names it broke with a stray space (``anonymise/reading.py``).

OCR reads a figure for a letter and a letter for a figure in postcodes (``0L9 6BG`` for OL9,
``B98 OQT``, ``LAl4 3JY``), in the short groups of an NI number or a date (``JM 84 22 l9 D``,
``l4 / 2 / 25``), and puts a space inside a word. A postcode is read as one when the reading
is a real area's postcode and the note shows a scan's misreadings; a group of one figure and
one letter is read as figures beside another group of figures. A stray space inside a name
of the record's own people is read through even where the pieces are everyday words
(``Log an`` for Logan, ``Tar iq``); two of the family's names side by side stay two.
"""

from __future__ import annotations

import pytest

from tests.helpers import redact_for

CHILD = "Logan Rashid"
FAMILY = (("Tariq Rashid", "father"), ("Dawn Fox", "mother"), ("Ann Rashid", "sister"))
WORKER = "Rachel Okonjo"
SCAN = "Scanned form, OCR text below. Narne of chi1d on the f0rm:\n"


def _redact(text: str) -> str:
    return redact_for(text, CHILD, FAMILY, WORKER)


@pytest.mark.parametrize(
    "postcode", ["0L9 6BG", "B98 OQT", "LAl4 3JY", "0L4 1RB", "SW1A 2AA", "NE2O 4PQ"]
)
def test_a_postcode_a_scan_misread_is_redacted(postcode: str) -> None:
    out = _redact(SCAN + f"Home address: Flat 2, Chadderton, {postcode}\nSeen today.")
    assert postcode not in out and "[POSTCODE]" in out, out


def test_letters_and_figures_that_are_no_postcode_stay() -> None:
    # no scan's misreadings in the note: a code in capitals is what it says
    out = _redact("The M62 OFF ramp was shut; we met at junction 2O of the motorway.")
    assert "M62 OFF" in out, out
    # a scan, but the reading is no area's postcode
    out = _redact(SCAN + "Form QQ9 OHR was used.")
    assert "QQ9 OHR" in out, out


@pytest.mark.parametrize(
    ("written", "kind"),
    [("JM 84 22 l9 D", "[NI-NUMBER]"), ("l4 / 2 / 25", "[DATE]"), ("O3 / 1O / 2014", "[DATE]")],
)
def test_a_short_group_a_scan_misread_is_read_beside_its_figures(written: str, kind: str) -> None:
    out = _redact(SCAN + f"Reference on the letter: {written}\nEnd of form.")
    assert written not in out and kind in out, out


def test_a_date_with_spaced_strokes_is_a_date() -> None:
    out = _redact("Date of incident: 14 / 2 / 25. Score 3 / 10 on the scale.")
    assert "14 / 2 / 25" not in out and "[DATE]" in out, out
    assert "3 / 10" in out, out


@pytest.mark.parametrize(
    ("written", "whose"),
    [("Log an", "[CHILD]"), ("Tar iq", "[FATHER]"), ("Dawn F ox", "[MOTHER]")],
)
def test_a_stray_space_inside_a_record_name_hides_no_part_of_it(written: str, whose: str) -> None:
    out = _redact(SCAN + f'Voice of child: {written} said "I want to stay with mum".')
    assert written.split()[-1] + " said" not in out and whose in out, out


def test_pieces_that_make_no_record_name_stay_words() -> None:
    out = _redact(SCAN + "Sam an hour late. A fox ran by. Dad is at home.")
    assert " an hour late" in out and "Dad is at" in out, out


def test_in_a_scans_note_a_capitalised_word_with_figures_among_its_letters_is_read() -> None:
    text = (
        SCAN + "Referrer: Mrs Sarah Ki1ner, DSL\nI spoke to Miss Gi11 at the gate on Fri 11th "
        "0ct.\nDr Kemi 0ye1owo   Dr P. Nuttal1\nYear1 and Room10 stay."
    )
    out = _redact(text)
    for piece in ("Ki1ner", "Gi11", "0ct", "0ye1owo", "Nuttal1"):
        assert piece not in out, out
    assert "Year1 and Room10 stay" in out, out
    # no scan: one word with a figure is what it says (a handle, a code)
    out = _redact("Her Snapchat is Ki1ner and the code B1ue.")
    assert "B1ue" in out, out


def test_a_ward_before_its_hospital_is_no_surname_and_given_names() -> None:
    out = _redact(SCAN + "Consultant: Dr O. Adeyemi   Ward: NNU, Furness General Hospita1\nNNU.")
    assert out.count("NNU") == 2, out


def test_a_registration_a_scan_misread_is_redacted() -> None:
    out = _redact(SCAN + "Located in the rear of vehic1e NL68 VK0 in the car park; YF68 KL0 too.")
    assert "VK0" not in out and "KL0" not in out and "[VEHICLE-REG]" in out, out


def test_words_in_capitals_are_no_registrations() -> None:
    out = _redact(SCAN + "HE PLAYS SNOOKER ON FRIDAYS AND WATCHES SNOOKER ON TV.")
    assert out.count("SNOOKER") == 2, out


def test_a_name_a_scan_wrote_with_rn_for_m_is_read_whole() -> None:
    out = redact_for(
        SCAN + "Concern: Surnmer came in hungry. Her rnum Arnber was there.\nIRO Trevor Nairn.",
        "Summer Gill",
        (("Amber Gill", "mother"),),
        WORKER,
    )
    assert "Surnmer" not in out and "Arnber" not in out and "Nairn" not in out, out
    assert "[CHILD] came" in out and "[MOTHER] was" in out, out
