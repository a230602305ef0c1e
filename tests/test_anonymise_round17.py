"""Round seventeen: what batch AD showed and round sixteen left (issue #14)."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for


def redact(
    text: str,
    child: str = "Tamsin Orrell-Quaye",
    family: tuple[tuple[str, str], ...] = (("Gwenllian Orrell", "mother"),),
    worker: str = "Barnaby Trelissick",
) -> str:
    """The text redacted for one synthetic record."""
    return redact_for(text, child, family, worker, "R17-1")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ring (01632 960 540) today.", "Ring ([PHONE]) today."),
        ("Ring (01632) 960540 today.", "Ring [PHONE] today."),
        ("Call Citizens Advice (0808 223 1133).", "([PHONE])."),
    ],
)
def test_a_bracket_around_a_whole_phone_number_stays_in_the_text(text: str, expected: str) -> None:
    assert expected in redact(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kerry said Dean put his fist through it; Dean later said sorry.", "Dean"),
        ("The carers told Mark about the move and he was upset.", "Mark"),
        ("On the phone Bill said that Bill would pay the rent.", "Bill"),
    ],
)
def test_a_given_name_that_is_a_word_with_its_capital_mid_sentence_is_a_person(
    text: str, name: str
) -> None:
    out = redact(text)
    assert name not in out
    assert "[PERSON" in out


@pytest.mark.parametrize(
    "text",
    [
        "The school is rated Amber for attendance.",
        "RAG: home Amber, school Green, health Amber.",
        "She has some hope now. We talked about Hope and fear as a theme.",
    ],
)
def test_a_word_that_is_a_name_stays_where_it_is_a_word(text: str) -> None:
    assert redact(text) == text


def test_a_name_in_a_streets_name_is_the_street_not_a_person() -> None:
    out = redact("They live on Dean Court near the shops.")
    assert "[PERSON" not in out and "Dean" not in out  # the street, an address (round 18)


def test_a_display_name_of_capitals_in_a_chat_with_handles_is_a_person() -> None:
    text = (
        'Other account: zane.k_22 (display name "Z").\n'
        "Z: u still at ur nans?\n"
        "tam.x0: ye til 8\n"
        "Z: ill pick u up after\n"
        "tam.x0: ok\n"
        'She was brought home in a taxi booked by "Z". Plan Z is not needed.'
    )
    out = redact(text)
    assert "\nZ:" not in out and '"Z"' not in out
    assert "Plan Z is not needed" in out


def test_an_interview_typed_out_keeps_its_questions_and_answers() -> None:
    text = "Q: where were you?\nA: at home\nQ: who with?\nA: nobody\nkay.99: hi\nkay.99: bye"
    out = redact(text)
    assert "Q: where were you?" in out and "A: at home" in out


@pytest.mark.parametrize(
    ("text", "couple"),
    [
        ("She is placed with carers Mandy and Steve Crossley since May.", "Mandy and Steve"),
        ("Her neighbours Pat and Derek Searle called the police.", "Pat and Derek"),
        ("He moved from Sue and Alan Drury's home last year.", "Sue and Alan"),
    ],
)
def test_a_couple_named_with_one_surname_is_one_redaction(text: str, couple: str) -> None:
    out = redact(text)
    assert couple not in out and " and [PERSON" not in out
    assert "[PERSON]" in out


def test_a_relation_and_a_named_person_stay_two() -> None:
    out = redact("Mum and Steve Crossley came to the meeting.")
    assert out.startswith("Mum and [PERSON]")


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("i live with auntie deb and uncle gaz now.", "auntie deb", "i live with"),
        ("i go to boxing with coach dev on weds.", "coach dev", "on weds"),
        ("can u ring mrs wood the head on monday.", "mrs wood", "the head"),
        ("i miss home and i miss my dog.", "", "i miss home and i miss my dog."),
    ],
)
def test_a_name_in_a_childs_lower_case_words_goes_with_its_title(
    text: str, gone: str, kept: str
) -> None:
    out = redact(text)
    if gone:
        assert gone.split()[0] not in out and gone.split()[1] not in out
    assert kept in out


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("After a drink at the Feathers pub he was angry.", "Feathers"),
        ("He spends his days at the Wash Hub launderette.", "Wash Hub"),
        ("Mum buys bread at Kowalski bakery most days.", "Kowalski"),
        ("He trains at the Ironworks gym on Fridays.", "Ironworks"),
    ],
)
def test_a_business_named_before_its_lower_case_noun_is_an_organisation(
    text: str, name: str
) -> None:
    out = redact(text)
    assert name not in out and "[ORGANISATION]" in out


def test_an_everyday_word_before_a_business_noun_stays() -> None:
    text = "We met at the Sunday pub quiz, then the gym."
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("She wants a course at Hartlepool College of Further Education.", "Further"),
        ("He is at Burnley College of Sixth Form Studies and of course at work.", "Studies"),
        ("NURSERY: LITTLE ANCHORS DAY NURSERY  REPORTED BY: PC 123", "LITTLE"),
        ("CHILD 1 ATTENDS TINY STEPS NURSERY.", "TINY"),
    ],
)
def test_a_school_or_nursery_keeps_the_words_of_its_name(text: str, gone: str) -> None:
    out = redact(text)
    assert gone not in out
    assert "[SCHOOL]" in out or "[ORGANISATION]" in out


def test_a_college_name_stops_before_the_sentence_goes_on() -> None:
    out = redact("He is at Burnley College of Sixth Form Studies and of course at work.")
    assert out.endswith("and of course at work.")


@pytest.mark.parametrize("before", ["On Friday", "On 4 May", "In November", "Since Tuesday"])
def test_a_record_name_that_is_a_word_after_a_day_or_month_is_the_person(before: str) -> None:
    out = redact_for(
        f"{before} Mercy told her teacher she was tired. She is at the mercy of others.",
        "Mercy Asante",
        (("Abena Asante", "mother"),),
        "Barnaby Trelissick",
        "R17-2",
    )
    assert " Mercy " not in out and "[CHILD] told" in out
    assert "at the mercy of others" in out


@pytest.mark.parametrize(
    "text", ["my name is summer i am 10.", "hi im summer and i am 10.", "everyone calls me summer."]
)
def test_a_record_name_that_is_a_word_is_the_child_where_they_name_themselves(text: str) -> None:
    out = redact_for(
        text + " i like the summer holidays.",
        "Summer Rayner",
        (("Chantelle Rayner", "mother"),),
        "Barnaby Trelissick",
        "R17-3",
    )
    assert "[CHILD]" in out and "i like the summer holidays." in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Police believe this is Dean Marsh, 24, known to them.", "Marsh"),
        ("We think it was Mark Fell, 19 years old, from the estate.", "Fell"),
        ("She was with her friend Liberty Fawcett (14) at the flat.", "Liberty"),
        ("Her friend Favour Okafor came with her.", "Favour"),
    ],
)
def test_a_name_of_everyday_words_with_an_age_or_a_cue_is_a_person(text: str, gone: str) -> None:
    out = redact(text)
    assert gone not in out and "[PERSON]" in out


def test_numbers_between_commas_after_a_word_are_no_age() -> None:
    text = "In Mark 4, 12, it says so."
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "He collects them in a white Toyota Hiace most days.",
        "Dad drives a Kia Ceed and a Transit Custom for work.",
        "Her weight dropped from the 50th to the 9th centile.",
    ],
)
def test_vehicles_and_centiles_are_no_identifiers(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("my best frend is ollie from st marks school he has a dog.", "st marks"),
        ("at school (roman hill) my teacher is kind.", "roman hill"),
        ("He goes to nursery (Little Gems) on Mondays.", "Little Gems"),
    ],
)
def test_a_school_named_in_lower_case_or_in_brackets_is_a_school(text: str, gone: str) -> None:
    out = redact(text)
    assert gone not in out and "[SCHOOL]" in out


@pytest.mark.parametrize(
    "text",
    [
        "I like my old school. Her high school is big.",
        "He told school (DSL) and the school (mainstream) agreed.",
        "Home school (on roll) is fine.",
    ],
)
def test_a_school_word_without_a_name_stays(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Mr Harry Dixon, owner of Dixon's Hardware, did not attend.", "Hardware"),
        ("Her friend Mrs Mirela Ciobanu at Ciobanu Romanian Grocery is kind.", "Grocery"),
        ("Dad works nights at Fenland Fresh Packers, Whittlesey.", "Fenland"),
        ("She came in her tabard from Pallion Bakehouse and sat down.", "Pallion"),
    ],
)
def test_a_firm_named_after_a_person_is_one_organisation(text: str, gone: str) -> None:
    out = redact(text)
    assert gone not in out and "[ORGANISATION]" in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("To be discussed with police (PS Quinton) on Monday.", "Quinton"),
        ("REPORT CREATED BY PS 3390 MARTIN QUINTON AT 06:12", "QUINTON"),
        ("Martin was arrested mid-May 2025 after a fight.", "mid-"),
    ],
)
def test_a_sergeant_and_a_part_of_a_month_are_redacted(text: str, gone: str) -> None:
    assert gone not in redact(text)


def test_a_postscript_is_no_sergeant() -> None:
    text = "PS Remember to bring the form."
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Placement at Flat 2, 9 Purley Centre - agreed by TM.", "Purley"),
        ("Seen with older youths on Kingston Road shops, one vehicle.", "shops"),
        ("Brenda Robson, who lives on the Ford Estate, called.", "Ford"),
    ],
)
def test_an_address_takes_its_building_parade_or_estate(text: str, gone: str) -> None:
    out = redact(text)
    assert gone not in out and "[ADDRESS]" in out


def test_an_estate_of_a_kind_is_no_name() -> None:
    text = "Lads from the Council Estate hang about; he lives on the estate."
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("She admitted his surname is Deighton and he has a Snapchat.", "Deighton"),
        ("The flat belongs to a man she knows as Ash, about 22.", "Ash"),
        ("He is known as Tommo on the estate.", "Tommo"),
        ("She met a lad called Kez at the park.", "Kez"),
    ],
)
def test_a_word_said_to_be_what_someone_is_called_is_their_name(text: str, name: str) -> None:
    out = redact(text)
    assert name not in out and "[" in out


def test_a_service_called_on_the_phone_is_no_name() -> None:
    text = "Mum called Housing and the name is on the Section 47 form."
    assert redact(text) == text


def test_a_possessive_without_its_apostrophe_after_at_is_a_persons_home() -> None:
    out = redact('She said she was "just at connors mates" till late, then "at jakes".')
    assert "connors" not in out and "jakes" not in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Jodie will ring Citizens Advice Torbay this week.", "Torbay"),
        ("A cot came via Baby Basics Doncaster in May.", "Doncaster"),
        ("The deep clean was by Groundwork North East volunteers.", "Groundwork"),
    ],
)
def test_a_national_charitys_local_branch_is_redacted_whole(text: str, gone: str) -> None:
    out = redact(text)
    assert gone not in out and "[ORGANISATION]" in out


def test_a_name_that_is_a_british_spelling_is_the_word_after_a() -> None:
    out = redact_for(
        'She texted "do me a favour and ring the school" and signed it Favour.',
        "Favour Adebayo",
        (("Funmilayo Adebayo", "mother"),),
        "Barnaby Trelissick",
        "R17-4",
    )
    assert "do me a favour and ring" in out and "signed it [CHILD]" in out


def test_a_heading_with_who_wrote_it_in_brackets_is_no_alias() -> None:
    out = redact_for(
        "HOUSE OF WORRYS (oskar wrote) when mum shouts. Musa (Moose) is 4.",
        "Oskar Zielinski",
        (("Musa Zielinski", "brother"),),
        "Barnaby Trelissick",
        "R17-5",
    )
    assert "HOUSE OF WORRYS" in out and "Moose" not in out


def test_initials_the_list_defines_are_the_person_though_they_are_an_acronym() -> None:
    text = (
        "Present:\n"
        "PM  Paul Mobbs, Head, Pakefield Primary School\n"
        "JK  Joanne Kerridge, Social Worker\n\n"
        "JK: Mitchell told PM that he fell at 2 PM.\n"
        "PM: Mitchell is often late.\n"
        "Agreed by JK, PM."
    )
    out = redact(text)
    assert " PM " not in out.replace("2 PM", "") and "PM:" not in out and ", PM." not in out
    assert "at 2 PM." in out


def test_a_holiday_named_beside_its_date_is_the_date_and_stays_a_phrase_elsewhere() -> None:
    out = redact(
        "ON 01/01/2026 (NEW YEARS DAY) A CALL. Police came (24/12, Christmas Eve). "
        "Eve said hi. We talked about Christmas Eve plans."
    )
    assert "NEW YEARS DAY" not in out and ", Christmas Eve)" not in out
    assert "[PERSON] said hi" in out and "about Christmas Eve plans" in out


def test_initials_signed_beside_the_workers_are_someones_though_an_acronym() -> None:
    out = redact("Plan agreed.\n\nBT / AP   Recorded 09/02/2026")
    assert "AP" not in out and "BT" not in out


@pytest.mark.parametrize(
    "text", ["Concern: HBA / FM concern raised.", "Decision by: BT / TM Olu Bankole agreed."]
)
def test_acronyms_read_as_nouns_or_roles_beside_a_slash_stay(text: str) -> None:
    out = redact(text)
    assert ("HBA / FM" in out) or ("/ TM" in out)


def test_a_record_name_that_is_a_word_before_of_or_with_in_speech_is_the_word() -> None:
    out = redact_for(
        'She has "kept faith with the chart" and "by grace of god". She said "faith hit me".',
        "Faith Morris",
        (("Grace Morris", "mother"),),
        "Barnaby Trelissick",
        "R17-6",
    )
    assert "kept faith with the chart" in out and "by grace of god" in out
    assert '"[CHILD] hit me"' in out


def test_a_couple_joined_by_an_ampersand_is_people_not_a_firm() -> None:
    out = redact("Carers: Sharon & Gary Pemberton, 17 Alder Grove. Lunch at Tom & Jerry's Cafe.")
    assert out.startswith("Carers: [PERSON], [ADDRESS].")
    assert "[ORGANISATION]" in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Police informed, CRIS 4410277/25. Carer told.", "4410277"),
        ("Met Police CRIS 4415093/24 20/08/2024 | placement", "4415093"),
        ("COMPACT: 5501/17MAR25 RISK GRADE: HIGH", "5501"),
        ("CHILD COME TO NOTICE MERLIN: 25MER044172    DATE", "044172"),
        ("provisional licence number CLARK905115JJ9YZ on file.", "CLARK9"),
        ('seen: black BMW, part plate "fv21". Then', "fv21"),
    ],
)
def test_police_references_licences_and_part_plates_are_redacted(text: str, gone: str) -> None:
    out = redact(text)
    assert gone not in out


def test_a_word_after_a_reference_stays() -> None:
    assert "RISK GRADE: HIGH" in redact("COMPACT: 5501/17MAR25 RISK GRADE: HIGH")
