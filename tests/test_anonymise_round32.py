"""Issue #14, round thirty-two: pubs, colleges' campuses, congregations, learning centres."""

from __future__ import annotations

import pytest

from tests.helpers import redact_sample as redact
from tests.helpers import survives as left


@pytest.mark.parametrize(
    ("text", "pub"),
    [
        ("Uncle was drinking at THE RED LION PH until 2300HRS.", "RED LION"),
        ("He works behind the bar at the Plough in Tadley.", "Plough"),
        ("She said dad was in the Fox and Hounds all afternoon.", "Fox and Hounds"),
        ("MOTHER WORKS AT THE WHITE HART, ALTON.", "WHITE HART"),
        ("Mum works at the Wheatsheaf on Fridays.", "Wheatsheaf"),
        ("She was seen outside the Royal Oak with a man.", "Royal Oak"),
        ("i had 2 cans with my mate at the Feathers thats it", "Feathers"),
        ("They drink at the Three Horseshoes pub every Saturday.", "Three Horseshoes"),
        ("He was barred from the King's Head for fighting.", "King's Head"),
    ],
)
def test_a_pub_where_someone_drinks_or_works_is_redacted(text: str, pub: str) -> None:
    out = redact(text)
    assert not left(out, pub), out
    assert "[ORGANISATION]" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "The Crown offered no evidence at Leeds Crown Court.",
        "The case is listed at the Crown Court in March.",
        "The bell rang at the end of school.",
        "She pointed at the Plough in the night sky.",
        "He went to the Swan for a walk by the river.",  # one sign, no drink or work
    ],
)
def test_a_sign_that_is_no_pub_stays(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("She is doing childcare at Kendal College, Milnthorpe campus on Mondays.", "Milnthorpe"),
        ("He started at the Scarborough campus of Yorkshire Coast College.", "Scarborough"),
        ("Dad has started ESOL at Barnsley College's Honeywell campus.", "Honeywell"),
        ("He is at Hereford Marches College (Folly Lane campus) on Tuesdays.", "Folly Lane"),
    ],
)
def test_a_colleges_campus_goes_with_the_college(text: str, gone: str) -> None:
    out = redact(text)
    assert not left(out, gone) and "campus" not in out, out
    assert "[SCHOOL]" in out, out


def test_a_campus_with_no_college_named_stays() -> None:
    text = "The new campus opened in September; the campus cafe is busy."
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Nan goes to mass at St Wenceslas Polish parish on Sundays.", "Polish parish"),
        ("The family attend the Elim Pentecostal fellowship on Sundays.", "fellowship"),
        ("Nan takes her to the parish of St Stanislaus in Wigan.", "parish of"),
    ],
)
def test_a_congregation_is_redacted_with_the_words_of_its_gathering(text: str, gone: str) -> None:
    out = redact(text)
    assert not left(out, gone), out
    assert "[ORGANISATION]" in out and "[PERSON]" not in out, out


def test_a_persons_name_before_church_said_as_a_place_stays_a_person() -> None:
    out = redact("Mum met Mark Hall at church on Sunday; the church was full.")
    assert "[PERSON] at church on Sunday; the church was full." in out, out


def test_a_church_named_before_a_lower_case_club_stays_redacted() -> None:
    out = redact("Nan volunteers at St Peter's Church youth club.")
    assert not left(out, "St Peter"), out
    assert "youth club" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "Mum goes to ESOL at Ashford Learning Centre twice a week.",
        "ESOL Entry 3 completed at Hitchin Learning Centre in July.",
    ],
)
def test_a_towns_learning_centre_is_a_place_of_study(text: str) -> None:
    out = redact(text)
    assert "Learning Centre" not in out and "[SCHOOL]" in out, out


def test_a_towns_family_hub_and_adult_learning_stay_public_services() -> None:
    text = "Referred to Hanley Family Hub and to Leeds Adult Learning."
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ('He got into a black Audi A3, partial reg "MF70", at the gate.', "MF70"),
        ("a grey Golf, reg he thinks starts YD18. Later she left", "YD18"),
        ("She said the reg ends WXE and it was black.", "WXE"),
        ("The plate ends in 18 KXT.", "18 KXT"),
    ],
)
def test_a_part_of_a_plate_after_its_cue_is_redacted(text: str, plate: str) -> None:
    out = redact(text)
    assert plate not in out and "[VEHICLE-REG]" in out, out


def test_the_end_of_something_said_in_words_is_no_plate() -> None:
    text = "The reg ended with the letters he could not read."
    assert redact(text) == text


def test_a_phones_one_digit_extension_goes_with_it() -> None:
    out = redact("Call the school on 01903 208 441 ext. 3 today.")
    assert "ext" not in out and "[PHONE] today" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "Please call me or write to yvonne.charles.fc at gmail.com today.",
        "write to gemma at hotmail.co.uk please",
    ],
)
def test_an_address_with_only_at_spelt_is_one_email(text: str) -> None:
    out = redact(text)
    assert "[EMAIL] " in out and ".co" not in out and ".com" not in out, out
    assert out.startswith(("Please call me or write to", "write to")), out


def test_a_website_after_at_is_no_email() -> None:
    text = "We booked it at booking.com last week."
    assert redact(text) == text
