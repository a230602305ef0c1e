"""The redactor's general mechanisms for text it was never tuned on (issue #14, round two):
pet forms made from the record's names, organisations by their head noun, a gazetteer of
UK places, phones with any country prefix, and names in capitals after a cue."""

from __future__ import annotations

import pytest

from moderator.anonymise.redact import redact_case_text
from tests.test_anonymise_redact import make_case


def _redact(text: str, child: str = "Kayden Smith", family: str = "Leanne Smith") -> str:
    case = make_case(
        text,
        child_name=child,
        family=[{"name": family, "relationship": "mother"}],
    )
    return redact_case_text(case).text


@pytest.mark.parametrize(
    ("child", "text", "expected"),
    [
        ("Natalia Nowak", "Natka did not come home.", "[CHILD] did not come home."),
        ("Poppy Hirst", "Pops was tired.", "[CHILD] was tired."),
        ("Cody Hirst", "Codes was upset.", "[CHILD] was upset."),
        ("Lily-Rose Hirst", "Lils said no.", "[CHILD] said no."),
        ("Osian Hirst", "Osh plays rugby.", "[CHILD] plays rugby."),
        ("Marcelle Hirst", "Celle went out.", "[CHILD] went out."),
    ],
)
def test_pet_forms_are_made_from_the_records_names(child: str, text: str, expected: str) -> None:
    assert _redact(text, child=child) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He plays for Moorside Juniors RLFC on Sundays.",
        "They ate at the Tolgus Grill House.",
        "Mum works at Bretton Bakery Co.",
        "Seen at Kersal Youth Hub.",
        "Dad works at Pontnewydd Tyre Centre.",
        "She trains at Felinfoel Youth RFC.",
    ],
)
def test_organisations_are_found_by_their_head_noun(text: str) -> None:
    out = _redact(text)
    assert "[ORGANISATION]" in out
    assert not any(
        w in out for w in ("Moorside", "Tolgus", "Bretton", "Kersal", "Pontnewydd", "Felinfoel")
    )


def test_a_town_after_a_nursery_belongs_to_its_name_but_the_town_alone_is_kept() -> None:
    out = _redact("She goes to Bright Sparks Nursery Preston. They moved to Preston.")
    assert out == "She goes to [SCHOOL]. They moved to Preston."


def test_public_services_named_after_a_place_are_kept() -> None:
    assert _redact("Seen at Hanley Family Hub.") == "Seen at Hanley Family Hub."
    assert _redact("Went to the Town Centre.") == "Went to the Town Centre."


def test_a_surname_that_is_a_town_is_kept_where_it_is_the_town() -> None:
    out = _redact("Dad moved to Halifax. Kayden Halifax is 9.", child="Kayden Halifax")
    assert out == "Dad moved to Halifax. [CHILD] is 9."


@pytest.mark.parametrize(
    ("mother", "text", "expected"),
    [
        ("Sheila Tynemouth", "They moved to Tynemouth.", "They moved to Tynemouth."),
        ("Sheila Ripley", "Sheila moved to Ripley.", "[MOTHER] moved to Ripley."),
        (
            "Sheila Darwen",
            "She lived near Darwen town centre.",
            "She lived near Darwen town centre.",
        ),
        ("Selby Okoro", "Selby wants to move to Selby.", "[MOTHER] wants to move to Selby."),
        (
            "Leanne Smith",
            "Work on Teesside with Hertfordshire lads.",
            "Work on Teesside with Hertfordshire lads.",
        ),
    ],
)
def test_towns_counties_and_regions_stay_where_they_are_places(
    mother: str, text: str, expected: str
) -> None:
    # the gazetteer names counties and regions as well as towns: a family member named like a
    # place is redacted as a person and the place stays where the text uses it as one
    assert _redact(text, family=mother) == expected


def test_a_town_as_a_surname_after_a_given_name_is_a_name() -> None:
    out = _redact("Family practitioner Joe Mansfield will visit.")
    assert "Mansfield" not in out and "Joe" not in out


@pytest.mark.parametrize(
    "phone",
    [
        "0048 600 123 456",
        "00 48 512 777 303",
        "+48 509 222 111",
        "00263 77 212 3456",
        "0035 1912 345 678",
    ],
)
def test_phones_with_any_country_prefix(phone: str) -> None:
    assert _redact(f"Call {phone} today.") == "Call [PHONE] today."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Found with TARIQ AZAM (19) in town.", "Found with [PERSON] (19) in town."),
        ("Seen with Keiran Pole near the shops.", "Seen with [PERSON] near the shops."),
        ("Found with CAMHS staff.", "Found with CAMHS staff."),
    ],
)
def test_names_after_cue_verbs(text: str, expected: str) -> None:
    assert _redact(text) == expected
