"""Redaction: every identifier becomes a typed placeholder; social-work vocabulary survives."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from moderator.anonymise.lexicon import lexicon, word_key
from moderator.anonymise.records import RawCase
from moderator.anonymise.redact import Redaction, redact_case_text

CONTRACT_TEXT = (
    "Kayden Smith (DOB 04/03/2012) of 12 Fenton Road, ST1 2AB was seen alone at school on 5 May "
    "2020. Leanne said Kayden's NHS number is 943 476 5919. A Child Protection Conference is due."
)


def make_case(text: str, **changes: Any) -> RawCase:
    data: dict[str, Any] = {
        "case_id": "MOS-100234",
        "team": "Safeguarding North",
        "service_area": "help_and_protection",
        "opened": "2019-04-02",
        "worker": "Jane Doe",
        "child": {
            "name": "Kayden Smith",
            "dob": "2012-03-04",
            "address": "12 Fenton Road, Hanley",
            "postcode": "ST1 2AB",
            "nhs_number": "943 476 5919",
            "upn": None,
        },
        "family": [{"name": "Leanne Smith", "relationship": "mother"}],
        "text": text,
    }
    for key, value in changes.items():
        if key.startswith("child_"):
            data["child"][key.removeprefix("child_")] = value
        else:
            data[key] = value
    return RawCase.model_validate(data)


def redact(text: str, **changes: Any) -> str:
    return redact_case_text(make_case(text, **changes)).text


def test_the_contract_example_keeps_no_identifier() -> None:
    out = redact(CONTRACT_TEXT)
    for identifier in ("Kayden", "Smith", "ST1 2AB", "943 476 5919", "Fenton", "Leanne", "2012"):
        assert identifier not in out
    assert "Child Protection Conference" in out
    assert out.startswith("[CHILD] (DOB [DOB]) of [ADDRESS], [POSTCODE] was seen alone")
    assert "[MOTHER] said [CHILD]'s NHS number is [NHS-NUMBER]" in out
    assert "on [DATE]." in out


def test_spans_point_into_the_original_text() -> None:
    r = redact_case_text(make_case(CONTRACT_TEXT))
    assert isinstance(r, Redaction)
    assert [CONTRACT_TEXT[s.start : s.end] for s in r.spans][:3] == [
        "Kayden Smith",
        "04/03/2012",
        "12 Fenton Road",
    ]
    rebuilt, last = [], 0
    for s in r.spans:
        rebuilt += [CONTRACT_TEXT[last : s.start], s.placeholder]
        last = s.end
    assert "".join([*rebuilt, CONTRACT_TEXT[last:]]) == r.text
    assert r.counts()["child"] == 2


@pytest.mark.parametrize(
    "mention",
    [
        "Kayden",
        "KAYDEN",
        "kayden",
        "Kayden's",
        "Kayden’s",
        "KAYDEN'S",
        "Smith",
        "K.S.",
        "KS",
        "K. Smith",
        "Kayden S",
        "Smith, Kayden",
        "SMITH, Kayden",
        "Kaydn",
        "Kaydens",
    ],
)
def test_the_childs_name_in_any_form(mention: str) -> None:
    out = redact(f"Visit: {mention} was seen at home.", family=[])
    assert re.fullmatch(r"Visit: \[CHILD\](?:['’][sS])? was seen at home\.", out), out


@pytest.mark.parametrize(
    ("name", "mentions"),
    [
        ("Niamh O'Neill", ["O'Neill", "O’Neill", "ONeill", "O'NEILL", "o'neill", "Niamh"]),
        ("Mary-Kate Smith-Jones", ["Smith-Jones", "Smith Jones", "Mary-Kate", "Jones", "MKSJ"]),
        ("Zoë Łukasz", ["Zoe", "ZOË", "Lukasz", "Łukasz's"]),
    ],
)
def test_hyphenated_apostrophe_and_accented_names(name: str, mentions: list[str]) -> None:
    for mention in mentions:
        out = redact(f"Today {mention} said hello.", child_name=name)
        assert out in ("Today [CHILD] said hello.", "Today [CHILD]'s said hello."), mention


def test_family_placeholders_follow_the_relationship() -> None:
    family = [
        {"name": "Leanne Smith", "relationship": "mother"},
        {"name": "Gary Holt", "relationship": "father"},
        {"name": "Tia Smith", "relationship": "sister"},
        {"name": "Ryan Smith", "relationship": "half-brother"},
        {"name": "Brenda Cartlidge", "relationship": "maternal grandmother"},
        {"name": "Dean Platt", "relationship": "mum's partner"},
        {"name": "Sam Cole", "relationship": "parent"},
    ]
    text = "Leanne, Gary, Tia, Ryan, Brenda, Dean and Sam attended. Jane Doe chaired."
    assert redact(text, family=family) == (
        "[MOTHER], [FATHER], [SIBLING-1], [SIBLING-2], [GRANDPARENT], [PARTNER] and "
        "[PARENT-1] attended. [WORKER] chaired."
    )


def test_a_shared_surname_is_resolved_by_title() -> None:
    family = [
        {"name": "Leanne Smith", "relationship": "mother"},
        {"name": "Gary Smith", "relationship": "father"},
    ]
    out = redact("Mrs Smith and Mr Smith disagreed. The Smith family. L. Smith", family=family)
    assert out == "[MOTHER] and [FATHER] disagreed. The [FAMILY] family. [MOTHER]"


def test_the_same_person_keeps_one_placeholder() -> None:
    out = redact(
        "Neighbour Tyrese Walters rang. Later Tyrese said he heard shouting. "
        "Dr Okafor saw Kayden; Dr Okafor's letter followed. Mrs Jenkins also rang."
    )
    assert out == (
        "Neighbour [PERSON] rang. Later [PERSON] said he heard shouting. "
        "[PROFESSIONAL] saw [CHILD]; [PROFESSIONAL]'s letter followed. [PERSON-2] also rang."
    )


@pytest.mark.parametrize(
    "written",
    [
        "04/03/2012",
        "4/3/2012",
        "4.3.12",
        "04-03-2012",
        "2012-03-04",
        "4th March 2012",
        "4 Mar 2012",
        "March 4th, 2012",
        "4th of March 2012",
    ],
)
def test_the_date_of_birth_in_any_format(written: str) -> None:
    assert redact(f"Born {written} at home.") == "Born [DOB] at home."


def test_dates_go_with_their_weekday_and_month_years_but_bare_weekdays_stay() -> None:
    # a month and year, or a weekday written with a date, date something as surely as the
    # day does (the newest labelled batch marks them so, as Safe Harbor de-identification does)
    out = redact(
        "Seen on Tuesday 5th May 2020 and 12/06/21; reviewed in May 2020 and every Monday."
    )
    assert out == "Seen on [DATE] and [DATE]; reviewed in [DATE] and every Monday."
    # a day that borrows its month from the next date is one date with it (round 21)
    assert redact("Missed contact on 2nd and 9th of May.") == "Missed contact on [DATE]."


def test_the_address_and_its_street_but_not_the_town() -> None:
    """The town written after an address is not part of what identifies the home."""
    out = redact(
        "Home: 12 Fenton Road, Hanley. Seen on Fenton Road. Family Hub in Hanley; "
        "she grew up in Fenton. Also 12 FENTON RD."
    )
    assert out == (
        "Home: [ADDRESS], Hanley. Seen on [ADDRESS]. Family Hub in Hanley; she grew up in Fenton. "
        "Also [ADDRESS]."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Postcode st12ab noted.", "Postcode [POSTCODE] noted."),
        ("Moved to WS1 4QT recently.", "Moved to [POSTCODE] recently."),
        ("NHS 9434765919 noted.", "NHS [NHS-NUMBER] noted."),
        ("Sister's NHS number 485 777 3456 noted.", "Sister's NHS number [NHS-NUMBER] noted."),
        ("Mum's NI number QQ 12 34 56 C noted.", "Mum's NI number [NI-NUMBER] noted."),
        ("Call 07700 900123 today.", "Call [PHONE] today."),
        ("Call +44 7700 900123 today.", "Call [PHONE] today."),
        ("Call (01632) 960 440 today.", "Call [PHONE] today."),
        ("Email leanne.smith88@example.co.uk today.", "Email [EMAIL] today."),
        ("Car AB12 CDE outside.", "Car [VEHICLE-REG] outside."),
        ("Van reg P412 XTK outside.", "Van reg [VEHICLE-REG] outside."),
        ("Ref LCS-554321 noted.", "Ref [CASE-NUMBER] noted."),
        ("Crime ref CR/44781/24 noted.", "Crime ref [CASE-NUMBER] noted."),
        ("Her UPN A123456789012 noted.", "Her UPN [UPN] noted."),
        ("Snapchat 'kay_s2012' noted.", "Snapchat '[USERNAME]' noted."),
        ("Case MOS100234 and mos 100234 noted.", "Case [CASE-NUMBER] and [CASE-NUMBER] noted."),
    ],
)
def test_pattern_detected_identifiers(text: str, expected: str) -> None:
    assert redact(text, family=[]) == expected


def test_a_number_failing_the_nhs_check_digit_is_not_an_nhs_number() -> None:
    assert "[NHS-NUMBER]" not in redact("Reading age 943 476 5918 points.", child_nhs_number=None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He attends Westfield Primary School.", "He attends [SCHOOL]."),
        ("At St Mary's C of E Primary today.", "At [SCHOOL] today."),
        ("Moved to Thistley Hough Academy.", "Moved to [SCHOOL]."),
        ("GP is Birchwood Surgery.", "GP is [GP-PRACTICE]."),
        ("Seen at Millfield Medical Centre.", "Seen at [GP-PRACTICE]."),
        ("Health visitor Sarah Cartwright visited.", "Health visitor [PROFESSIONAL] visited."),
        ("PC 4521 Moore attended.", "[PROFESSIONAL] attended."),
        ("The neighbour, Pauline Shenton, rang.", "The neighbour, [PERSON], rang."),
        ("Mum's boyfriend Gaz was there.", "Mum's boyfriend [PERSON] was there."),
        ("A man known as 'Dex' drove.", "A man known as '[PERSON]' drove."),
        ("Jaxon Reid (aged 9) was present.", "[PERSON] (aged 9) was present."),
        ("Brandon said it was fine.", "[PERSON] said it was fine."),
    ],
)
def test_names_not_in_the_record(text: str, expected: str) -> None:
    assert redact(text) == expected


PROTECTED = [
    "The Child Protection Conference agreed a Child Protection Plan.",
    "Early Help was offered via the Family Hub in Hanley.",
    "The Independent Reviewing Officer chaired the LAC review.",
    "A section 47 enquiry and a Strategy Discussion with Staffordshire Police.",
    "PLO letter sent; MASH and CAMHS consulted; Children in Need plan continues.",
    "Seen on Monday in March; contact on Saturdays at the Contact Centre.",
    "Referred to the Virtual School Head and the Youth Offending Team.",
    "She moved from Stoke-on-Trent to Newcastle-under-Lyme, then Longton and Fenton.",
    "Staying Close and Staying Put were discussed with her Personal Adviser.",
    "Will mum attend? Grace and hope are words too. Summer holidays start in July.",
    "He plays Fortnite on his Xbox and uses Snapchat and TikTok.",
    "Young Carers and Sure Start support; Royal Stoke University Hospital A&E.",
]


@pytest.mark.parametrize("text", PROTECTED)
def test_social_work_vocabulary_survives(text: str) -> None:
    assert redact(text, family=[], worker=None) == text


def test_vocabulary_is_a_file_in_the_package() -> None:
    lex = lexicon()
    assert "hanley" in lex.protected_words
    assert ("child", "protection", "conference") in lex.phrases["child"]
    assert ("hanley",) in lex.places


def test_a_known_name_wins_over_vocabulary_where_used_as_a_name() -> None:
    out = redact("Hanley was seen in Hanley. Mrs Hanley agreed.", child_name="Kai Hanley")
    assert out == "[CHILD] was seen in Hanley. [CHILD] agreed."


def test_redacting_other_text_with_the_cases_identifiers() -> None:
    case = make_case("unused")
    assert redact_case_text(case, "Kayden and Leanne.").text == "[CHILD] and [MOTHER]."
    assert redact_case_text(case, "").text == ""


# ----------------------------------------------------------------------------------------------
# Property: a known name never survives, whatever its case or possessive.

_letters = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=10)


def _ordinary(word: str) -> bool:
    lex = lexicon()
    key = word_key(word)
    return key not in lex.common and key not in lex.protected_words and key not in lex.acronyms


TEMPLATES = [
    "{m} was seen at home.",
    "Seen with {m} today.",
    "Mum said {m} is doing well.",
    "{m}'s school called.",
    "{m}’s bedroom was clean.",
    "Visit to {m}, who was upset.",
    "Concerns: {m} ({m}) and {m}.",
]


def _variants(name: str) -> list[str]:
    return [name, name.upper(), name.lower(), name.title(), name.swapcase()]


@settings(max_examples=150, deadline=None)
@given(
    given_name=_letters,
    surname=_letters,
    hyphen=_letters,
    template=st.sampled_from(TEMPLATES),
    form=st.integers(min_value=0, max_value=4),
    part=st.sampled_from(["given", "surname", "full", "hyphenated", "reversed"]),
)
# Found on a fresh clone: a surname that is also a street word went down the address path
# ("Aaa Crescent-Cudal" became "[ADDRESS]-Cudal"). Kept so every run checks it.
@example(
    given_name="aaa",
    surname="crescent",
    hyphen="cudal",
    template="{m} was seen at home.",
    form=0,
    part="full",
)
# Found by a helper's run: a surname that is also a date's ordinal, written alone, went down the
# date path ("Thirtieth-Fcdufsllqa" became "[DATE]-Fcdufsllqa").
@example(
    given_name="aaa",
    surname="thirtieth",
    hyphen="fcdufsllqa",
    template="{m} was seen at home.",
    form=0,
    part="surname",
)
def test_known_names_never_survive(
    given_name: str, surname: str, hyphen: str, template: str, form: int, part: str
) -> None:
    for word in (given_name, surname, hyphen):
        assume(_ordinary(word))
    assume(len({given_name, surname, hyphen}) == 3)
    first, last = given_name.title(), f"{surname.title()}-{hyphen.title()}"
    mention = {
        "given": first,
        "surname": last,
        "full": f"{first} {last}",
        "hyphenated": hyphen.title(),
        "reversed": f"{last}, {first}",
    }[part]
    text = template.format(m=_variants(mention)[form])
    out = redact(text, child_name=f"{first} {last}", family=[], worker=None)
    for word in (given_name, surname, hyphen):
        assert not re.search(rf"(?<![a-z]){word}(?![a-z])", out, re.IGNORECASE), (text, out)


@settings(max_examples=200, deadline=None)
@given(
    pieces=st.lists(
        st.sampled_from(
            [
                *"abcXYZ'’-.,:;()\"0123456789/@+\n\té",
                "İ",
                "Kayden",
                "Smith",
                "Mrs ",
                "Road",
                "School",
                "Primary",
                " ",
                "ST1 2AB",
                "07700",
                "March",
            ]
        ),
        max_size=80,
    )
)
def test_any_text_gives_consistent_spans(pieces: list[str]) -> None:
    case = make_case("".join(pieces))
    text = case.text
    r = redact_case_text(case)
    last = 0
    rebuilt = []
    for s in r.spans:
        assert last <= s.start < s.end <= len(text)
        rebuilt += [text[last : s.start], s.placeholder]
        last = s.end
    assert "".join([*rebuilt, text[last:]]) == r.text
