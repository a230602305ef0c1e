"""Round sixteen: what batches Z and AA showed and round fifteen left (issue #14)."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for


def redact(
    text: str,
    child: str = "Kieran Oakervee",
    family: tuple[tuple[str, str], ...] = (("Dorcas Oakervee", "mother"),),
    worker: str = "Ignatius Pellowe",
) -> str:
    """The text redacted for one synthetic record."""
    return redact_for(text, child, family, worker, "R16-1")


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("Miss Devlin, Head of Year 9, Danum Vale Academy, wrote.", "Danum Vale"),
        ("Year 10, Witham Vale Academy, Boston. Notification by school.", "Witham Vale"),
        ("He is in Set 3, Brook Park School, since May.", "Brook Park"),
    ],
)
def test_a_year_group_before_a_school_is_no_house_number(text: str, school: str) -> None:
    out = redact(text)
    assert school not in out
    assert "[SCHOOL]" in out
    assert "[ADDRESS]" not in out


def test_a_house_number_with_a_comma_is_still_an_address() -> None:
    out = redact("She now lives at 9, Danum Vale, with her aunt.")
    assert "Danum" not in out
    assert "[ADDRESS]" in out


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("SCHOOL: ROSEWOOD PRIMARY SCHOOL, FOR START OF DAY.", "ROSEWOOD PRIMARY SCHOOL"),
        ("CHILD ATTENDS HOLLINS GRANGE ACADEMY (YEAR 8).", "HOLLINS GRANGE ACADEMY"),
        ("GP: HILLTOP MEDICAL PRACTICE, REGISTERED 2019.", "HILLTOP MEDICAL PRACTICE"),
    ],
)
def test_a_school_or_practice_in_a_police_forms_capitals_is_redacted_whole(
    text: str, school: str
) -> None:
    out = redact(text)
    assert school not in out
    assert not any(word in out for word in school.split()[:1])


@pytest.mark.parametrize(
    "text",
    [
        "CHILD SEEN AT SCHOOL THE NEXT DAY BY OFFICERS.",
        "OPERATION ENCOMPASS ALERT TO THE SCHOOL SENT 02:10.",
        "PLEASE ALERT HER SCHOOL AND THE HEALTH VISITOR.",
    ],
)
def test_a_sentence_in_capitals_ending_in_school_is_no_school(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Police attended Flat 3, 22 Botchergate, Carlisle, at 01:50.", "Botchergate"),
        ("He stays with his nan at 9 Micklegate most weekends.", "Micklegate"),
        ("SUSPECT LOCATED AT 41 PARK ROAD NORTH, MIDDLESBROUGH.", "NORTH"),
        ("The family moved to 14 Station Road East. Mum says", "East"),
    ],
)
def test_streets_of_the_north_and_a_street_with_its_quarter_are_redacted_whole(
    text: str, street: str
) -> None:
    out = redact(text)
    assert street not in out
    assert "[ADDRESS]" in out


@pytest.mark.parametrize(
    "text",
    [
        "The family went to 3 Margate beaches in the summer.",
        "He lives at 12 High Street West Bromwich now.",
    ],
)
def test_a_town_ending_in_gate_or_a_town_after_a_street_stays(text: str) -> None:
    out = redact(text)
    assert "Margate" in out or "West Bromwich" in out


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("OFFICER: PC 6631 LUKE HALE, COWLEY NPT", "HALE"),
        ("Seen by PC 2290 Amy Sterne and DC 4410 Josh Bell.", "Bell"),
    ],
)
def test_an_officers_surname_that_is_also_a_word_follows_a_given_name(text: str, name: str) -> None:
    assert name not in redact(text)


def test_an_officer_named_by_surname_alone_is_not_joined_to_the_verb() -> None:
    out = redact("PC 2281 NEWBOLD ATTENDED THE ADDRESS AT 22:10.")
    assert "NEWBOLD" not in out
    assert "ATTENDED THE ADDRESS" in out
