"""Round four of the redactor's mechanisms (issue #14), on general cases: names that are
words told apart by word frequency, organisations, addresses and reference numbers."""

from __future__ import annotations

import pytest

from moderator.anonymise.lexicon import lexicon
from tests.test_anonymise_redact import redact

_THISTLES = dict(
    child_name="Juniper Thistle",
    family=[
        {"name": "Meadow Thistle", "relationship": "mother"},
        {"name": "Stanley Thistle", "relationship": "grandfather"},
    ],
)


@pytest.mark.parametrize("word", ["thistle", "hawthorn", "harvest", "settle", "thrive"])
def test_frequent_english_words_that_are_no_ones_name_are_words(word: str) -> None:
    assert word in lexicon().words


@pytest.mark.parametrize("name", ["jake", "emily", "simone", "vaughn", "stacey", "liam"])
def test_given_names_are_not_words_however_often_films_say_them(name: str) -> None:
    assert name not in lexicon().words


@pytest.mark.parametrize("form", ["jakes", "arias", "emilys"])
def test_a_name_with_s_is_a_possessive_not_a_word(form: str) -> None:
    assert form not in lexicon().words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the family's names that are words, written as the words
        (
            "The thistle by the gate has spread and juniper grows by the shed.",
            "The thistle by the gate has spread and juniper grows by the shed.",
        ),
        ("In spring the meadow floods.", "In spring the meadow floods."),
        # the same words as the names: capitalised, possessive, after a title or kin word
        ("Juniper and Meadow were seen.", "[CHILD] and [MOTHER] were seen."),
        ("Mrs Thistle said the thistle was back.", "[MOTHER] said the thistle was back."),
        ("Meadow's phone was off.", "[MOTHER]'s phone was off."),
    ],
)
def test_the_records_names_that_are_words_are_kept_where_they_are_words(
    text: str, expected: str
) -> None:
    assert redact(text, **_THISTLES) == expected


def test_a_name_in_lower_case_that_is_no_word_is_still_the_person() -> None:
    out = redact(
        "handover: jake ate well, jakes room tidy.",
        child_name="Jake Lomax",
    )
    assert out == "handover: [CHILD] ate well, [CHILD] room tidy."


def test_a_word_after_a_modal_is_a_verb_not_the_person() -> None:
    family = [{"name": "Prosper Adjei", "relationship": "father"}]
    out = redact("Prosper hopes the children will prosper.", family=family)
    assert out == "[FATHER] hopes the children will prosper."


def test_a_name_that_is_a_word_after_a_kin_word_in_speech_is_the_person() -> None:
    out = redact('She wrote "granddad stan is poorly".', **_THISTLES)
    assert "stan" not in out


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Contact is at Brindley Contact Suite on Fridays.", "Brindley Contact Suite"),
        ("Supervised contact, Hollins Family Room, Sat.", "Hollins Family Room"),
        ("Referred to Kelby Housing Options today.", "Kelby Housing Options"),
        ("Dad attends the Radstock Fathers Project weekly.", "Radstock Fathers Project"),
        ("Tickets bought at the Oldgate Travel Bureau.", "Oldgate Travel Bureau"),
        ("She works at Penfold Lane Chemist.", "Penfold Lane Chemist"),
        ("He packs at Tarrant Poultry nights.", "Tarrant Poultry"),
        ("Letter from Quarry Farm Partnership.", "Quarry Farm Partnership"),
        ("Seen by the Halden Missing Team.", "Halden Missing Team"),
        ("ESOL at Fairholme Adult Learning twice a week.", "Fairholme Adult Learning"),
        ("Youth club Netherby Boys' Brigade 3rd Company.", "Netherby Boys' Brigade 3rd Company"),
        ("Advice from Okoro Lane Solicitors LLP.", "Okoro Lane Solicitors LLP"),
        ("Uncle runs Ferozsons Travel & Cargo.", "Ferozsons Travel & Cargo"),
        ("They worship at Masjid-e-Rahma Oldham.", "Masjid-e-Rahma Oldham"),
        ("Mum attends Église de la Paix Leeds.", "Église de la Paix Leeds"),
        ("They attend Living Waters Chapel, Barnfield.", "Living Waters Chapel, Barnfield"),
    ],
)
def test_organisations_by_their_head_noun(text: str, org: str) -> None:
    assert redact(text) == text.replace(org, "[ORGANISATION]")


@pytest.mark.parametrize(
    "text",
    [
        "Referred to the Community Mental Health Team.",
        "Discussed with the Team Manager.",
        "Children's Services and CAMHS attended; the Local Authority applied.",
        "Stoke Youth Offending Team and the Early Help Team met.",
        "Discussed with the MASH Team and Leeds Housing Options.",
        "The Troubled Families Project and the Sure Start Family Room helped.",
        "London Fire Brigade attended.",
    ],
)
def test_agencies_are_kept(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        # by shape alone: capitals, then parts joined by - or /, four digits or more
        ("Police disclosure requested (DVDS-WM-5812).", "DVDS-WM-5812"),
        ("Tenancy file HO/BRX/7731 was closed.", "HO/BRX/7731"),
        ("Report VPD/N/0021733/23 attached.", "VPD/N/0021733/23"),
        ("Logged as RF-3391-0072 by the desk.", "RF-3391-0072"),
        ("Plan CP/23/0417 agreed.", "CP/23/0417"),
        # after a cue
        ("Hosp No: K5519032 on the ward.", "K5519032"),
        ("Court number ZW24C00123 listed.", "ZW24C00123"),
        # the unit's acronym and "ref" say what the number is and stay (round twenty-two)
        ("LA ref 88231 given.", "88231"),
        ("PPN REF: CC-PPN-2509-33817 sent.", "CC-PPN-2509-33817"),
        ("Unit consultation (FMU case 23/0415) held.", "FMU case 23/0415"),
        ("Reference now FMU 23/0415-C.", "FMU 23/0415-C"),
        ("Arrested. Ref CAD 5521/12JAN24.", "CAD 5521/12JAN24"),
    ],
)
def test_reference_numbers_in_their_real_variants(text: str, ref: str) -> None:
    assert redact(text) == text.replace(ref, "[CASE-NUMBER]")


@pytest.mark.parametrize(
    "text",
    [
        "Covid-19 closed the school in 2020.",
        "Year 10 pupils sat KS4 tests on the A-38 route.",
        "Section 47 enquiry and S.20 agreed.",
    ],
)
def test_shapes_that_are_no_reference_are_kept(text: str) -> None:
    assert "[CASE-NUMBER]" not in redact(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("UPN: K 801200 123456 noted.", "[UPN]"),
        ("NHS 943.476.5919 on file.", "[NHS-NUMBER]"),
        ("NHS 943 476 5919 and 9434765919.", "[NHS-NUMBER]"),
    ],
)
def test_upns_and_nhs_numbers_spaced_and_dotted(text: str, kind: str) -> None:
    out = redact(text)
    assert kind in out and not any(c.isdigit() for c in out)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # a flat, unit, room or pitch, with or without a house number
        ("Viewed Flat 7, Marlow Heights last week.", "Flat 7, Marlow Heights"),
        ("He rents Unit 3, Brookfield Works for his van.", "Unit 3, Brookfield Works"),
        ("Placed at Room 5, Ashdown Lodge B&B tonight.", "Room 5, Ashdown Lodge B&B"),
        ("Family on Pitch 6, Longmoor Site since spring.", "Pitch 6, Longmoor Site"),
        ("Seen at Pitch 3, 12 Orchard Lane today.", "Pitch 3, 12 Orchard Lane"),
        ("Traced at 2/1, 44 Kelvin Street yesterday.", "2/1, 44 Kelvin Street"),
        ("Uncle lives at 9 Hadley Villas now.", "9 Hadley Villas"),
        # house names, with the street after them
        ("Staying at Rose Cottage, Mill Lane with gran.", "Rose Cottage, Mill Lane"),
        ("Nan lives at Tŷ Gwyn, Heol y Felin now.", "Tŷ Gwyn, Heol y Felin"),
        ("They moved to The Old Forge last year.", "The Old Forge"),
        # a street after the words that say someone lives there, in lower case too
        ("Dad now lives on Harcourt Vale Rise.", "Harcourt Vale Rise"),
        ('She said "i live on pennington fold road".', "pennington fold road"),
    ],
)
def test_addresses_in_more_forms(text: str, address: str) -> None:
    assert redact(text) == text.replace(address, "[ADDRESS]")


@pytest.mark.parametrize(
    "text",
    [
        "They walked past Hill Farm to the park.",
        "She lives in the main road flats, she said.",
        "Mum lives on the High Street.",
    ],
)
def test_places_that_are_no_address_are_kept(text: str) -> None:
    assert "[ADDRESS]" not in redact(text)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Chronology\nNov 4th: home visit, flat cold.", "Nov 4th"),
        ("Chronology\n9th - school rang about bruising.", "9th"),
        ("Chronology\nthe twentieth - Strategy discussion held.", "the twentieth"),
        ("Second bruise seen 3.IV.23 by nursery.", "3.IV.23"),
        ("Voicemail Tues 16:40: please ring back.", "Tues 16:40"),
        ("Sent: Mon, 4 Mar 2024 at 09:12 by the host.", "Mon, 4 Mar 2024 at 09:12"),
        ("CYFARFOD Dydd Mercher 6 Mawrth yn yr ysgol.", "Dydd Mercher 6 Mawrth"),
        ("Next meeting: dydd Iau 21ain.", "dydd Iau 21ain"),
        ("Chronology\nBoxing Day: police called to the flat.", "Boxing Day"),
    ],
)
def test_dates_by_day_alone_and_in_other_conventions(text: str, date: str) -> None:
    assert redact(text) == text.replace(date, "[DATE]")


@pytest.mark.parametrize(
    "text",
    [
        "She scored 9th in the race and came home.",
        "Open Monday to Friday; the clinic shuts at noon.",
        "Chapter IV. She read it twice.",
    ],
)
def test_ordinals_and_weekdays_that_date_nothing_are_kept(text: str) -> None:
    assert "[DATE]" not in redact(text)


def test_a_hospital_named_like_a_college_is_kept() -> None:
    text = "Grandad is in St Mary's College Hospital this week."
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "name", "placeholder"),
    [
        ("He drinks at The Ferret Tap most nights.", "The Ferret Tap", "[ORGANISATION]"),
        ("She is doing well at The Moorside Academy now.", "The Moorside Academy", "[SCHOOL]"),
        ("They attend Our Lady of Lourdes Church.", "Our Lady of Lourdes Church", "[ORGANISATION]"),
    ],
)
def test_a_capitalised_the_inside_a_sentence_is_part_of_the_name(
    text: str, name: str, placeholder: str
) -> None:
    assert redact(text) == text.replace(name, placeholder)


def test_the_opening_a_sentence_is_not_part_of_the_name() -> None:
    assert redact("The Ferret Tap is closed.") == "The [ORGANISATION] is closed."


def test_a_handle_after_posts_as_is_a_username() -> None:
    out = redact("Aunt posts on Facebook as jo.anne.k22 asking for money.")
    assert out == "Aunt posts on Facebook as [USERNAME] asking for money."


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Mum confirmed on o7700 9oo 123 (written so).", "o7700 9oo 123"),
        ("Ring O161 496 O123 after six.", "O161 496 O123"),
    ],
)
def test_a_phone_written_with_o_for_zero(text: str, phone: str) -> None:
    assert redact(text) == text.replace(phone, "[PHONE]")


def test_a_reference_with_zeros_is_not_read_as_a_phone_with_os() -> None:
    assert redact("Police log GMP-0412-240121 noted.") == "Police log [CASE-NUMBER] noted."


def test_a_name_that_english_rarely_uses_as_a_word_is_the_person_in_lower_case() -> None:
    assert "rowan" not in lexicon().words  # a name first, whatever films say
    out = redact("daily log - mon: rowan up at 7, ate well.", child_name="Rowan Pike")
    assert out == "daily log - mon: [CHILD] up at 7, ate well."


def test_the_acronym_of_a_school_named_with_the_recurs_redacted() -> None:
    out = redact("She is doing well at The Moorside Academy. TMA say she is settled.")
    assert out == "She is doing well at [SCHOOL]. [SCHOOL] say she is settled."


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Staying at Orchard Cottage, Kimbolton since spring.", "Orchard Cottage, Kimbolton"),
        ("Staying at Orchard Cottage, Mum says, for now.", "Orchard Cottage"),
    ],
)
def test_a_house_name_with_no_street_takes_its_village(text: str, address: str) -> None:
    assert redact(text) == text.replace(address, "[ADDRESS]")


def test_a_nurserys_branch_after_at_in_brackets_is_part_of_its_name() -> None:
    out = redact("Seen at nursery (Tiny Steps at Marton). Mum collected.")
    assert out == "Seen at nursery ([SCHOOL]). Mum collected."
