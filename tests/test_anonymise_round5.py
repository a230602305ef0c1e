"""Round five of the redactor's mechanisms (issue #14), on general cases with invented
names: the words around a known name that belong to it."""

from __future__ import annotations

import pytest

from tests.test_anonymise_redact import redact

_ORLOVS = dict(
    child_name="Pelinor Vantrask",
    family=[
        {"name": "Quenby Vantrask", "relationship": "mother"},
        {"name": "Drustan Vantrask", "relationship": "father"},
        {"name": "Marigold Okunwe", "relationship": "grandmother"},
    ],
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a child calls a relative is part of the name, in any language or case
        ("Pelinor said mummy quenby cried.", "[CHILD] said [MOTHER] cried."),
        ("He stays with Nana Marigold at weekends.", "He stays with [GRANDPARENT] at weekends."),
        ('Pelinor said "hooyo quenby is sad".', '[CHILD] said "[MOTHER] is sad".'),
        ("Grandmother (Bunica Marigold) helps.", "Grandmother ([GRANDPARENT]) helps."),
        ("pelinor: dont tell mum quenby", "[CHILD]: dont tell [MOTHER]"),
        # an honorific after the name goes with it
        ("Father Drustan (Drustan Sahib) attended.", "Father [FATHER] ([FATHER]) attended."),
        ("Seen with Drustan Vantrask Jnr today.", "Seen with [FATHER] today."),
    ],
)
def test_kinship_forms_of_address_go_with_the_name(text: str, expected: str) -> None:
    assert redact(text, **_ORLOVS) == expected


def test_mum_in_a_workers_narrative_describes_and_stays() -> None:
    assert redact("Mum Quenby works nights.", **_ORLOVS) == "Mum [MOTHER] works nights."


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # a transliteration of the surname after a known given name
        ("Passport reads PELINOR VANTRASC.", "VANTRASC"),
        ("School has him as Pelinor Wantrask.", "Wantrask"),
        # a school name or alias opening brackets before the known surname
        ("Pelinor (Bartleby Vantrask at school) was late.", "Bartleby"),
        # initials before a known surname
        ("Van registered to D J Vantrask.", "D J"),
    ],
)
def test_a_name_written_against_a_known_name_is_part_of_it(text: str, gone: str) -> None:
    out = redact(text, **_ORLOVS)
    assert gone not in out


def test_everyday_words_beside_a_known_name_stay() -> None:
    out = redact("Yesterday Pelinor Played football. Quenby Said no.", **_ORLOVS)
    assert "Yesterday" in out and "Played" in out and "Said" in out


def test_a_couple_by_titles_is_one_redaction() -> None:
    out = redact("Placed with Mr and Mrs Harrowgate-Lusk on Friday.", **_ORLOVS)
    assert "Mr and" not in out and "Harrowgate" not in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # an organisation and its street or town after a comma: one redaction, comma and all
        ("Family attend Zarvel Prayer Ministry, Quillon Lane.", ", Quillon"),
        ("Pelinor attends Tumblewick Day Nursery, Hargreave.", "Hargreave"),
        # the second noun of an organisation's name
        ("Seen at Mossbeck Fields Nursery & Pre-School today.", "Pre-School"),
        # a saint's possessive before the organisation noun
        ("Family attend St Orvald's Church every week.", "Church"),
        # associations, networks, outreach services and shops by their head noun
        ("She goes to Drumlane Tamil Women's Association.", "Drumlane"),
        ("Referred to Quarrington Kooth Outreach.", "Quarrington"),
        ("Works at Pellow Farm Shop on Saturdays.", "Pellow"),
    ],
)
def test_organisations_found_in_pieces_are_redacted_whole(text: str, gone: str) -> None:
    out = redact(text, **_ORLOVS)
    assert gone not in out


def test_two_parts_of_an_address_after_a_comma_are_one() -> None:
    out = redact("Placed at Thornwick Barn, Quillon Road with carers.", **_ORLOVS)
    assert "Thornwick" not in out and "," not in out.split("at")[1].split("with")[0]


def test_a_town_after_a_kept_agency_stays() -> None:
    out = redact("Referred to Early Help, Hanley.", **_ORLOVS)
    assert "Early Help" in out and "Hanley" in out


@pytest.mark.parametrize(
    "said",
    [
        "zero seven seven zero zero nine zero zero one four two",
        "oh one two three four five six oh seven eight nine",
        "oh seven seven double oh nine hundred three one two",
        "zero seven seven zero zero, nine hundred, four five six",
    ],
)
def test_a_phone_number_said_in_words_is_a_phone(said: str) -> None:
    out = redact(f"Her other number is {said}, she said.", **_ORLOVS)
    assert out == "Her other number is [PHONE], she said."


def test_an_address_said_with_its_provider_alone_is_an_email() -> None:
    out = redact("Write to quenby vantrask forty-one at gmail please.", **_ORLOVS)
    assert out == "Write to [EMAIL] please."


def test_a_count_in_words_is_no_phone() -> None:
    text = "She has one two three four five reasons, six at most."
    assert redact(text, **_ORLOVS) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She phoned on the 11th, upset.", "She phoned on [DATE], upset."),
        ("Follow-up the 19th: spoke to host.", "Follow-up [DATE]: spoke to host."),
        ("the twenty-eighth   Joint visit.", "[DATE]   Joint visit."),
        ("On Wednesday 14th Pelinor said so.", "On [DATE] [CHILD] said so."),
        (
            "Home alone. 22.1 Pelinor found in the park.",
            "Home alone. [DATE] [CHILD] found in the park.",
        ),
        ("Next visit wk bgn 11/3.", "Next visit [DATE]."),
        ("UPDATE 02/03 0310: found safe.", "UPDATE [DATE]: found safe."),
    ],
)
def test_days_without_a_month_or_year_are_dates(text: str, expected: str) -> None:
    assert redact(text, **_ORLOVS) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It was the 5th time she called.",
        "She came first, the second was late.",
        "He weighs 22.5 kg now.",
        "Dose raised to 2.5 in the morning.",
    ],
)
def test_ordinals_and_decimals_that_are_no_dates_stay(text: str) -> None:
    assert redact(text, **_ORLOVS) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Family attend Ollendar Baptist Church, Wexcombe, elders aware.", "Wexcombe"),
        ("Dad works at Brannock Barbers, Mossel Street.", "Mossel"),
        ("Father works at Tan Loc Supermarket, Quillon Road.", "Tan Loc"),
    ],
)
def test_an_organisations_town_or_street_after_a_comma_is_part_of_it(text: str, gone: str) -> None:
    out = redact(text, **_ORLOVS)
    assert gone not in out
    assert "Quillon" not in out


def test_a_word_after_an_organisations_comma_stays() -> None:
    out = redact("She goes to Ollendar Baptist Church, Mum says.", **_ORLOVS)
    assert out.endswith(", Mum says.")


def test_initials_like_an_acronym_listed_with_a_role_are_someone() -> None:
    text = "Attendees: QV (SW, chair), DT (DSL, Ollendar Fields Nursery)\nDT: attendance good."
    out = redact(text, **_ORLOVS)
    assert "DT" not in out


def test_a_role_acronym_naming_someone_in_brackets_stays() -> None:
    out = redact("Attendees: HV (Jessamy Pike), QV (SW)", **_ORLOVS)
    assert "HV" in out and "Jessamy" not in out


def test_a_professionals_initial_goes_with_the_name() -> None:
    out = redact("Report by C. Abernathy-Lusk, Children's Guardian.", **_ORLOVS)
    assert "C." not in out and "Abernathy" not in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("PELINOR (PELLO) WAS CRYING. Later pello said sorry.", "ello"),
        ("caller says pelinor (pelz) has not come home. pelz was seen.", "pelz"),
        ("Pelinor Vantrask (friends call him Vask / Tresko). Tresko attends.", "Tresko"),
        ("AKA: PELINOR VANTRASK / PEVVY\nPEVVY seen at 23:00.", "PEVVY"),
    ],
)
def test_an_alias_the_note_gives_is_the_persons_everywhere(text: str, gone: str) -> None:
    out = redact(text, **_ORLOVS)
    assert gone not in out and "Vask" not in out


def test_a_role_in_brackets_is_no_alias() -> None:
    out = redact("Quenby (mother) and Drustan (Dad) came. The mother and Dad agreed.", **_ORLOVS)
    assert out == "[MOTHER] (mother) and [FATHER] (Dad) came. The mother and Dad agreed."


@pytest.mark.parametrize("said", ["Big Drustan", "old drustan", "Little Drustan"])
def test_what_a_family_calls_one_of_two_of_a_name_goes_with_it(said: str) -> None:
    out = redact(f"The children said {said} shouted.", **_ORLOVS)
    assert out == "The children said [FATHER] shouted."


def test_a_describing_word_after_a_determiner_stays() -> None:
    out = redact("She said her little Pelinor cried.", **_ORLOVS)
    assert out == "She said her little [CHILD] cried."


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Grandmother attends New Harvest Tabernacle on Sundays.", "New"),
        ("He joined 1st Ollendar Scout Group last year.", "1st"),
    ],
)
def test_a_describing_word_inside_an_organisations_name_is_part_of_it(text: str, gone: str) -> None:
    assert gone not in redact(text, **_ORLOVS)
