"""Each recall and precision mechanism of the redactor, on general cases (issue #14)."""

from __future__ import annotations

import pytest

from moderator.anonymise.redact import redact_case_text
from tests.test_anonymise_redact import make_case, redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NI: ab-12-34-56-c noted.", "NI: [NI-NUMBER] noted."),
        ("Her NI number is zx 98 76 54 a.", "Her NI number is [NI-NUMBER]."),
        ("His car, reg ab12 cde, was outside.", "His car, reg [VEHICLE-REG], was outside."),
        (
            "The van plate was noted as gh 21 xyz today.",
            "The van plate was noted as [VEHICLE-REG] today.",
        ),
        ("Write to jo dot bloggs at gmail dot com please.", "Write to [EMAIL] please."),
        ("Ring 0044 7700 900 222 after six.", "Ring [PHONE] after six."),
        ("Ring 0 7700 900 222 after six.", "Ring [PHONE] after six."),
        ("She moved to WS3  2PQ recently.", "She moved to [POSTCODE] recently."),
        ("He games as dark_wolf_07 online.", "He games as [USERNAME] online."),
        ("Police ref XY/1234/B applies.", "Police ref [CASE-NUMBER] applies."),
        ("Lives at Unit 4, Canal Side Industrial Estate now.", "Lives at [ADDRESS] now."),
        ("Flat 7, 21 Mill Lane is damp.", "[ADDRESS] is damp."),
    ],
)
def test_identifiers_in_their_real_variants(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seen on 3/11 and again w/c 21/06.", "Seen on [DATE] and again [DATE]."),
        ("Review on the second of June.", "Review on [DATE]."),
        ("Review on June the fifth.", "Review on [DATE]."),
        ("Next visit Fri 9th at school.", "Next visit [DATE] at school."),
        ("DOB 04MAR12 on the form.", "DOB [DOB] on the form."),
        ("Mum said it was on the 14th.", "Mum said it was on [DATE]."),
        # not dates: a score, round-the-clock care, a decimal
        ("He scored 7/10 on the scale.", "He scored 7/10 on the scale."),
        ("She needs 24/7 care.", "She needs 24/7 care."),
        ("The walk took 2.5 hours.", "The walk took 2.5 hours."),
    ],
)
def test_dates_without_a_year_in_words_and_compact(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_short_forms_are_linked_to_the_familys_names_both_ways() -> None:
    case = dict(
        child_name="Alexandra Nowak", family=[{"name": "Natasha Nowak", "relationship": "mother"}]
    )
    out = redact("Sasha and her mum Tash came. Lexi is what school calls her.", **case)
    assert out == "[CHILD] and her mum [MOTHER] came. [CHILD] is what school calls her."
    # a known short form finds the full name too
    assert redact("Alexandra was seen.", child_name="Lexi Nowak") == "[CHILD] was seen."


def test_names_as_said_possessives_without_apostrophe_and_lower_case_speech() -> None:
    case = dict(family=[{"name": "Hope Smith", "relationship": "mother"}])
    out = redact(
        'kayden said "hope hit me" and kaydens coat was wet. There is little hope.', **case
    )
    assert out == '[CHILD] said "[MOTHER] hit me" and [CHILD] coat was wet. There is little hope.'


def test_a_known_full_name_never_survives_in_part() -> None:
    case = dict(child_name="Bea Crescent-Moor")
    out = redact("Bea Crescent-Moor and BEA CRESCENT MOOR were seen.", **case)
    assert "Crescent" not in out and "Moor" not in out and "CRESCENT" not in out


def test_initials_from_an_attendance_list_are_redacted_wherever_they_recur() -> None:
    text = "Present: GW (SW), PL (IRO), Leanne Smith (mother)\nGW: summarised.\nPL/GW to review. IRO agreed."
    out = redact(text)
    for initials in ("GW", "PL"):
        assert initials not in out
    assert "(SW)" in out and "(IRO)" in out and "IRO agreed" in out
    assert "[MOTHER]" in out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("He goes to Greenfield Youth Club on Fridays.", "on Fridays"),
        ("They attend Al-Huda Masjid and Ravenscroft Learning Centre.", "They attend"),
        ("The family worship at Holy Trinity Church.", "worship at"),
        ("Dad's solicitors are Okoro & Co.", "solicitors"),
        ("Her nursery (Happy Days Tunstall) is pleased.", "nursery"),
        ("Little Owls Playgroup report she is settled.", "report"),
    ],
)
def test_small_organisations_that_identify_a_family(text: str, kept: str) -> None:
    out = redact(text)
    assert "[ORGANISATION]" in out or "[SCHOOL]" in out, out
    assert kept in out
    for word in ("Greenfield", "Huda", "Ravenscroft", "Trinity", "Okoro", "Happy", "Owls"):
        assert word not in out


def test_descriptions_of_organisations_are_kept() -> None:
    text = "She goes to the Polish Club and a Boxing Club; Youth Offending Team informed."
    assert redact(text) == text


def test_an_acronym_of_a_redacted_school_goes_with_it() -> None:
    out = redact(
        "Meadow Lane Academy (MLA) called. MLA said attendance is 80%. She was at BHS before."
    )
    assert (
        out
        == "[SCHOOL] ([SCHOOL]) called. [SCHOOL] said attendance is 80%. She was at [SCHOOL-2] before."
    )


def test_a_name_that_is_also_a_place_is_kept_where_it_is_the_place() -> None:
    case = dict(child_name="Tyler Leek", family=[{"name": "Jo Leek", "relationship": "mother"}])
    out = redact("Jo moved to Leek in May. Mrs Leek said Tyler likes it. Tyler Leek is 9.", **case)
    assert out == "[MOTHER] moved to Leek in May. [MOTHER] said [CHILD] likes it. [CHILD] is 9."


def test_a_name_that_is_also_a_word_is_kept_where_it_is_the_word() -> None:
    case = dict(child_name="Amber Smith", family=[{"name": "Joy Smith", "relationship": "mother"}])
    out = redact("RAG rating: amber. Joy told me of her joy at the news. Amber is happy.", **case)
    assert out == "RAG rating: amber. [MOTHER] told me of her joy at the news. [CHILD] is happy."


def test_a_professional_named_by_a_place_surname_after_the_role() -> None:
    out = redact("The health visitor Norton and DSL Burton attended; Norton Green is a place.")
    assert out.startswith("The health visitor [PROFESSIONAL] and DSL [PROFESSIONAL-2] attended")
    assert "Norton Green" in out


def test_redactions_carry_a_confidence_and_doubts_are_listed() -> None:
    case = make_case(
        "Kayden moved to Fenton. Leanne's friend Evie visited.", child_name="Kayden Fenton"
    )
    redaction = redact_case_text(case)
    assert all(0 < s.confidence <= 1 for s in redaction.spans)
    doubts = redaction.uncertain()
    assert any(not d.redacted and case.text[d.start : d.end] == "Fenton" for d in doubts)
