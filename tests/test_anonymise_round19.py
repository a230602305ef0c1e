"""Round nineteen: what batch AI (West Midlands, East of England) showed (issue #14)."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for
from tests.helpers import survives as left


def redact(
    text: str,
    child: str = "Tamsin Orrell-Quaye",
    family: tuple[tuple[str, str], ...] = (("Gwenllian Orrell", "mother"),),
    worker: str = "Barnaby Trelissick",
) -> str:
    """The text redacted for one synthetic record."""
    return redact_for(text, child, family, worker, "R19-1")


@pytest.mark.parametrize(
    ("listed", "later", "initials"),
    [
        ("KL - Ms Katie Lam, Cantonese interpreter", "Minutes shared via KL.", "KL"),
        ("HB – DC Harpreet Bains (police)", "Joint visit JC/HB on 15/05. HB to serve it.", "HB"),
        ("AR - Alison Rudland, Team Manager (chair)", "Review: 6 Nov. AR/KW/MI.", "AR"),
        ("IT - Imogen Tarrant (allocated SW)", "Joint visit IT/HB next week.", "IT"),
        ("TA - Tom Ashdown (SW, chair)", "TA acknowledged the discrimination.", "TA"),
    ],
)
def test_initials_opening_an_attendance_item_before_the_name_are_that_persons(
    listed: str, later: str, initials: str
) -> None:
    out = redact(f"Present:\n{listed}\nJC - Jasmine Coyle (SW)\n\n{later}")
    assert not left(out, initials)


def test_initials_defined_with_an_equals_sign_are_that_persons() -> None:
    out = redact("Carers' log. Key: RH = Rose, CH = Clive\nSat | RH | Quiet day. | CH")
    assert not left(out, "RH") and not left(out, "CH") and "Clive" not in out


@pytest.mark.parametrize(
    "text",
    [
        "Present:\nTA - Tom Ashdown (SW)\n\nShe has a TA in class for maths.",
        "Present:\nIT - Imogen Tarrant (SW)\n\nSCHOOL SAID IT WAS FINE.",
    ],
)
def test_defined_initials_leave_the_role_after_an_article_and_words_in_capitals(
    text: str,
) -> None:
    out = redact(text)
    assert "a TA in class" in out or "IT WAS FINE" in out


def test_initials_before_a_dash_that_do_not_match_the_name_stay() -> None:
    out = redact("Agenda:\nCP - Child Protection Plan review\n\nCP plan continues.")
    assert "CP plan continues" in out


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("what i want: my best friend is ruby and we play out.", ["ruby"]),
        ("i like school. my frends are sabina and vanesa from my class.", ["sabina", "vanesa"]),
        ("i like it here. evry one calls me meimei or may at school.", ["meimei", "may"]),
        ("i like it here. i can go to temis house for a sleepover.", ["temis"]),
        ("i like it. dad works at the car wash with uncle laco.", ["laco"]),
        ("i like it here. my best mate is kaci-leigh from year 6.", ["kaci-leigh"]),
    ],
)
def test_a_childs_lower_case_names_after_the_words_that_introduce_a_person(
    line: str, names: list[str]
) -> None:
    out = redact(f"Tamsin's own words:\n\n{line}")
    for name in names:
        assert not left(out, name), out


@pytest.mark.parametrize(
    "line",
    [
        "i like it here. my friend is nice and kind to me.",
        "i like it here. mum calls me lazy when i sleep in.",
        "i like it here. i go to my mums house and my friends house.",
        "i like it here. we stayed at the previous flat in the summer.",
    ],
)
def test_words_after_those_cues_that_are_no_names_stay(line: str) -> None:
    out = redact(f"Tamsin's own words:\n\n{line}")
    assert line in out


def test_a_lower_case_line_beside_a_typed_one_is_read_as_typed() -> None:
    out = redact("what i want\nmy best teacher is great and tia sits with me at lunch.")
    assert not left(out, "tia")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("i see mum at the contact centre on wensday 20th.", "wensday 20th"),
        ("i see dad on tusday 3rd at the centre.", "tusday 3rd"),
        ("i want to go to her birthday on 3rd may at the bowling.", "3rd may"),
        ("my birthday is 17th febuary and i will be 12.", "17th febuary"),
        ("Sat 14 - Football with the team.\nSun 15 - quiet day.", "Sat 14"),
    ],
)
def test_dates_a_child_or_a_log_writes_their_own_way(text: str, date: str) -> None:
    out = redact(text)
    assert date not in out and "[DATE]" in out


@pytest.mark.parametrize(
    "text",
    ["On Sat 14 young people sat their exams.", "i may go there on saturday if mum lets me."],
)
def test_a_weekday_or_may_without_a_day_of_the_month_stays(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("DEVICE SEIZED, EXHIBIT TJB/1. SUBSCRIBER CHECKS REQUESTED.", "TJB/1"),
        ("Her phone was seized as exhibit HB/1 and HB/2 by the officer.", "HB/2"),
    ],
)
def test_a_police_exhibits_number_with_an_officers_initials_is_redacted(
    text: str, ref: str
) -> None:
    out = redact(text)
    assert ref not in out and "[CASE-NUMBER]" in out


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("i live above the golden dragon takeaway on my road.", "golden dragon takeaway"),
        ("dad works in the kitchen at sheba grill till late.", "sheba grill"),
        ("we go to new life church on sundays.", "new life church"),
    ],
)
def test_a_business_or_church_named_by_two_lower_case_words(text: str, name: str) -> None:
    out = redact(text)
    assert name not in out and "[ORGANISATION]" in out


@pytest.mark.parametrize(
    "text",
    [
        "we get food from the chinese takeaway on fridays.",
        "we got the new pizza takeaway last night.",
        "he hit her with a belt after church on sunday.",
    ],
)
def test_a_kind_of_business_or_a_word_before_church_stays(text: str) -> None:
    assert redact(text) == text


def test_the_records_street_word_takes_the_street_type_written_after_it() -> None:
    from moderator.anonymise.records import RawCase
    from moderator.anonymise.redact import redact_case_text

    case = RawCase.model_validate(
        {
            "case_id": "R19-2",
            "team": "Team",
            "service_area": "help_and_protection",
            "opened": "2024-01-01",
            "worker": "Barnaby Trelissick",
            "child": {"name": "Tamsin Orrell", "address": "61 Heybarnes Close, Birmingham"},
            "family": [],
            "text": "i do the shopping at the mini market on heybarnes road after school.",
        }
    )
    out = redact_case_text(case).text
    assert "heybarnes" not in out and " road" not in out
