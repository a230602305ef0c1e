"""Issue #14, round thirty-three: invented sentences for the mechanisms read from batch BJ."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for
from tests.helpers import redact_sample as redact
from tests.helpers import survives as left


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        ("Solicitor at Tait & Farrah (ref TF/YH/2217) helping with the visa.", "Farrah"),
        ("Dad instructed solicitors Hussain and Rowe last week.", "Rowe"),
        ("She is speaking to a solicitor at Pym & Barraclough on Friday.", "Barraclough"),
    ],
)
def test_a_firm_named_by_two_partners_is_an_organisation(text: str, firm: str) -> None:
    out = redact(text)
    assert not left(out, firm) and "[ORGANISATION]" in out, out


@pytest.mark.parametrize(
    "text",
    ["They stayed at a Bed & Breakfast.", "She went with Sam and Alex to the park."],
)
def test_two_words_or_two_people_joined_are_no_firm(text: str) -> None:
    assert "[ORGANISATION]" not in redact(text)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("I'll ring Crossway Staffing for you about the shifts.", "Crossway"),
        ("She goes to youth group at Fountain of Grace RCCG with mum.", "Fountain of Grace"),
        ("Moved to temporary accommodation, 4 Ropewalk House, Howdon.", "Ropewalk"),
    ],
)
def test_agencies_parishes_and_numbered_houses_are_redacted(text: str, gone: str) -> None:
    out = redact(text)
    assert not left(out, gone), out


@pytest.mark.parametrize(
    "text",
    ["They live in a 3 Bedroom House now.", "In 2024 Carlton House was sold to a developer."],
)
def test_a_kind_of_house_or_a_year_before_a_house_is_no_address(text: str) -> None:
    out = redact(text)
    # (a house named by a word no list holds is redacted since round forty-one: the year
    # before it stays a year, not the house's number)
    assert "[ADDRESS]" not in out or " [ADDRESS] was sold" in out, out
    assert "2024" not in text or "2024" in out or "[DATE] [ADDRESS]" in out, out


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("She wants to see her sister before her birthday (14th). I said I'd ask.", "14th"),
        ("also my court thing is 23rd is that ok", "23rd"),
    ],
)
def test_a_day_alone_in_brackets_or_after_is_is_a_date(text: str, day: str) -> None:
    out = redact(text)
    assert day not in out and "[DATE]" in out, out


@pytest.mark.parametrize(
    "text", ["She is 2nd in the class.", "He came 3rd (3rd of 20) in the race."]
)
def test_a_place_in_a_race_or_class_is_no_date(text: str) -> None:
    assert "[DATE]" not in redact(text)


def test_a_lower_case_surnames_letter_before_a_pause_goes_with_the_name() -> None:
    out = redact("i go out on saturdays with my friend aleena r - she is funny")
    assert "[PERSON] -" in out and " r -" not in out, out


def test_the_letters_texts_write_words_with_stay_after_a_name() -> None:
    out = redact("callum r u coming out later")
    assert " r u coming" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "Referred to the Refugee Wellbeing Service, first appointment Tues.",
        "Support from the Gypsy, Roma and Traveller Education Service continues.",
    ],
)
def test_a_kind_of_public_service_named_by_a_community_and_no_place_stays(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "She goes to Durham Ukrainian Hub on Fridays.",
        "Referred to Rotherham Refugee Support Project.",
    ],
)
def test_a_communitys_group_with_its_place_is_an_organisation(text: str) -> None:
    assert "[ORGANISATION]" in redact(text)


def test_a_plates_part_after_reg_part_is_redacted() -> None:
    out = redact("saw a silver VW Golf, reg part NU21, drop her at the end of the road")
    assert "NU21" not in out and "[VEHICLE-REG]" in out, out


def test_a_condition_after_has_is_no_title_before_the_childs_name() -> None:
    out = redact_for(
        "Mum has MS. Summer also said mum drinks. Support for mum with her MS and drinking.",
        "Summer Wood",
        (("Dawn Wood", "mother"),),
        "Carys Mountjoy",
    )
    assert "Mum has MS. [CHILD] also said" in out and "her MS and drinking" in out, out


def test_a_describing_word_after_a_records_given_name_is_no_surname() -> None:
    out = redact_for(
        "Offer Rukhsana Bengali-speaking IDVA support; Rukhsana agreed.",
        "Sumaiya Miah",
        (("Rukhsana Begum", "mother"),),
        "Carys Mountjoy",
    )
    assert "[MOTHER] Bengali-speaking IDVA" in out, out


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Reece wants a trip to Dover Castle in the summer. Castle said yes.", "Dover Castle"),
        ("Dad (lives in Walker, Newcastle) rang. Mr Walker said no.", "Walker, Newcastle"),
    ],
)
def test_a_records_surname_in_a_places_name_is_the_place(text: str, place: str) -> None:
    out = redact_for(
        text,
        "Reece Castle",
        (("Kelly Castle", "mother"), ("Dean Walker", "father")),
        "Carys Mountjoy",
    )
    assert place in out, out
    assert "[FAMILY] said" in out or "[FATHER] said" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "I have made a referral to Kooth and asked the practice nurse to see her.",
        "Plan: Kooth, Young Minds resources, fortnightly visits.",
    ],
)
def test_national_services_alone_or_listed_stay(text: str) -> None:
    assert redact(text) == text


def test_a_given_name_and_a_town_as_surname_after_from_is_a_person() -> None:
    out = redact("eVisa set up with help from Emma Stroud at the law firm.")
    assert not left(out, "Stroud") and "[PERSON]" in out, out


def test_the_initials_in_brackets_say_the_word_after_a_name_is_its_surname() -> None:
    out = redact("Present: Nurse Lindsay Park (LP, school nurse), Dr Fiona Hall.")
    assert not left(out, "Park"), out
    # no person: a park (redacted since round fifty-seven as the place, listed for review)
    assert redact("I went to Lindsay Park today.") == "I went to [ADDRESS] today."


def test_a_describing_word_in_brackets_after_a_name_is_no_alias() -> None:
    out = redact_for(
        "Dad Bhim Gurung (ex-Army, now a security guard) and mum Sita came. Army life was hard.",
        "Prabin Gurung",
        (("Bhim Gurung", "father"), ("Sita Gurung", "mother")),
        "Carys Mountjoy",
    )
    assert "(ex-Army, now" in out and "Army life" in out, out


def test_a_programmes_own_group_stays() -> None:
    text = "They agreed to Triple P Group starting next month."
    assert redact(text) == text
