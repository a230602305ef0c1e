"""Round six (issue #14): identifiers in layouts the first layer leaves, and the pieces of
an address or a date found apart, on general cases with invented values."""

from __future__ import annotations

import pytest

from tests.test_anonymise_redact import redact

_HOME = dict(child_address="27 Quillfeather Row, Sandbeck", child_postcode="ZZ9 9ZZ")


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Court ZX24P00917 listed the hearing.", "ZX24P00917"),
        ("Contact numbers: 01706 555 0193, or the office.", "01706 555 0193"),
        ("He calls mum on +291 7 123 456 most nights.", "+291 7 123 456"),
        ("Spring 2022  Family moved to the site.", "Spring 2022"),
        ("In the second week of October dad returned.", "second week of October"),
        ("On the evening of 14th January police attended.", "evening of"),
        ("Date: 25 January 2024 at 16:02:11 GMT", "16:02"),
    ],
)
def test_numbers_and_dates_in_other_layouts(text: str, gone: str) -> None:
    assert gone not in redact(text, **_HOME)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("LATER STOPPED ON HARROWGATE RD AT 23:10.", "HARROWGATE"),
        ("ALT. ADDRESS: FLAT 3, 19 PELLINGTON CLOSE, WALTON.", "PELLINGTON"),
        ("Before that roadside at Fennick Drove, Littleport.", "Fennick"),
        ("rezu: i will come to 27 quillfeather tonite", "quillfeather"),  # the record's street
        ("Dad's c/o address: c/o 4 Holtby Road, Sheringham.", "c/o 4"),
        ("We are at flat nine, 3 Pembrook Street.", "flat nine"),
        ("His yard at Cartwheel Yard, Old Thorley Road.", "Old Thorley Road"),
    ],
)
def test_addresses_in_other_layouts_and_their_pieces(text: str, gone: str) -> None:
    assert gone not in redact(text, **_HOME)


def test_a_court_in_capitals_is_no_street() -> None:
    out = redact("IN THE FAMILY COURT AT MANCHESTER. SEEN AT THE HOSPITAL.", **_HOME)
    assert "FAMILY COURT AT MANCHESTER" in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ('Filo\'s WhatsApp name "Filmona T Gosport" is new.', "Gosport"),
        ("He has been in touch via Facebook (Winstan Fairley JA).", "Winstan"),
        ("Snap raiy.ud-din.e1 and insta too.", "din.e1"),
    ],
)
def test_a_name_or_handle_given_on_a_platform_is_a_username(text: str, gone: str) -> None:
    assert gone not in redact(text, **_HOME)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Local authority reference: LA ref 88231. NHS number pending.", "88231"),
        ("Police called (ref CAD 4471/24SEP) at night.", "SEP"),
        ("She rang from Kumasi on 0044 7700 900 540 today.", "540"),
        ("Notes: his ig wiz.craw.h is private.", "wiz.craw"),
    ],
)
def test_the_parts_around_references_phones_and_handles(text: str, gone: str) -> None:
    assert gone not in redact(text, **_HOME)
