"""Issue #14, round forty-one: invented sentences for a form's field that names a place, a
named building, a Traveller site and its plots, an address line's building parts, and a
street whose first word is a town or a word."""

from __future__ import annotations

import pytest

from tests.helpers import redact_sample as redact
from tests.helpers import survives as left


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Placement: Brackenmoor House\nSchool: none", "Brackenmoor"),
        ("NURSERY: TINY TOTS ACKWORTH LANE\nAGE: 4", "TINY TOTS"),
        ("GP: Wendlow Health\nDentist: none", "Wendlow"),
        ("Venue: Quillerby House (hybrid)", "Quillerby"),
        ("LOCATION: MARSTONGATE\nOFFICER: PC 1123", "MARSTONGATE"),
        ("next appt in May. Dentist: Pool Dental Care.\nEducation", "Pool Dental"),
        ("Provider: Pathway Missing Service Tewby\nRHI done", "Pathway Missing"),
        ("Church: Bethany Gospel Assembly Norbeck Road", "Bethany"),
    ],
)
def test_a_forms_field_naming_a_place_takes_its_value(text: str, name: str) -> None:
    out = redact(text)
    assert not left(out, name), out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Venue: Microsoft Teams", "Microsoft Teams"),
        ("Placement: Foster care (in-house)", "Foster care"),
        ("School: not attending since May", "not attending"),
        ("Location: Oldham", "Oldham"),
        ("Provider: Barnardo's", "Barnardo's"),
        ("Education: ESOL Entry 3 at the college", "ESOL Entry 3"),
        ("Venue: Wolverton Library meeting room.", "Wolverton Library"),
    ],
)
def test_a_fields_everyday_words_a_town_or_a_term_of_art_stay(text: str, kept: str) -> None:
    out = redact(text)
    assert kept in out, out


def test_a_fields_value_stops_before_its_description() -> None:
    out = redact("Placement: Brackenmoor House children's home (Hartfell Care Ltd), Buxton.")
    assert "children's home" in out and not left(out, "Brackenmoor"), out


def test_a_doctor_named_in_a_gp_field_stays_a_person() -> None:
    out = redact("GP: Dr Amira Castellane\nNext review: June")
    assert not left(out, "Castellane") and "[GP-PRACTICE]" not in out, out


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("He was found alone on Rotherford Way at night.", "Rotherford Way"),
        ("Stopped near Princess Marlow Way with a bag.", "Marlow Way"),
        ("Seen on Oldham Way with friends.", "Oldham Way"),
    ],
)
def test_a_way_is_a_street_like_a_road(text: str, street: str) -> None:
    out = redact(text)
    assert not left(out, street), out


@pytest.mark.parametrize(
    "text", ["I DIDNT KNOW THE WAY HOME", "I GOT IN THE WAY", "No Way, said Kai."]
)
def test_the_way_as_a_word_stays(text: str) -> None:
    out = redact(text)
    assert "WAY" in out.upper(), out


def test_a_preposition_before_a_street_in_capitals_stays_outside_it() -> None:
    out = redact("VEHICLE STOPPED ON KELLINGTON ROAD AT 2200HRS.")
    assert "STOPPED ON [ADDRESS]" in out, out


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kai was returned to Brackenridge House by police.", "Brackenridge"),
        ("RETURNED TO QUILLERBY HOUSE BY PC 5521.", "QUILLERBY"),
        ("She is at Fernhollow House rehab in the city.", "Fernhollow"),
        ("We pray at Grace Tabernacle House of Praise on Sundays.", "Tabernacle House"),
    ],
)
def test_a_house_named_by_words_no_list_holds_goes(text: str, name: str) -> None:
    out = redact(text)
    assert not left(out, name), out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("A trip to Buxton Opera House at Christmas.", "Buxton Opera House"),
        ("His father is in HMP Holme House.", "HMP Holme House"),
        ("They watched a film about the White House.", "White House"),
    ],
)
def test_a_house_named_by_everyday_words_or_a_town_stays(text: str, kept: str) -> None:
    # (a house named by a town or a word alone, "Knaresborough House", is the learned
    # layer's to read: tests/test_anonymise_learned.py)
    out = redact(text)
    assert kept in out, out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("The family trailer is on the Penwithick site, no heating.", "Penwithick"),
        ("Nan's trailer is on the Osbrook Lane site (plot 7).", "Osbrook"),
        ("Her trailer is on plot 7 and her sister is on PITCH 12.", "PITCH 12"),
        ("He stays in caravan 114 on the site with his trailer outside.", "caravan 114"),
    ],
)
def test_a_travellers_site_and_its_plots_go(text: str, gone: str) -> None:
    out = redact(text)
    assert not left(out, gone), out


def test_a_councils_site_and_a_plot_without_a_site_stay() -> None:
    out = redact("The Rochdale Council site has a warden; the caravan is on the Council Site.")
    assert "Rochdale" in out, out
    out = redact("Planning: plot 7 of the new housing estate is for sale.")
    assert "plot 7" in out, out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        (
            "Oldham Children's Services, Level 10, Civic Centre, Wexley Street, Oldham OL1 1UT",
            "Level 10",
        ),
        ("Civic Offices, Quarrington Square, Portsmouth PO1 2AL | 023 9284 1173", "Civic Offices"),
        ("Number One Riverside, Smith Street, Rochdale OL16 1XU", "Riverside"),
        # a suite before a building read as a firm, or a yard (session 65)
        ("Suite 3, Castle Chambers, 12 Cotsford Lane, Peterlee SR8 1QH", "Suite 3"),
        ("Suite 4, Maddox Yard, 12 Kessel Street, London N1 2AB", "Suite 4"),
        (
            "carers Dee and Phil Marwood, 8 Brompton Fields, Northallerton DL6 1XP (in-house)",
            "Brompton",
        ),
    ],
)
def test_an_address_lines_numbered_house_and_the_building_before_its_street_go(
    text: str, gone: str
) -> None:
    out = redact(text)
    assert not left(out, gone), out


def test_a_building_before_the_town_alone_and_an_age_stay() -> None:
    out = redact("Children's Services, Civic Centre, Oldham OL1 1UT")
    assert "Civic Centre" in out, out
    out = redact("CHILD: AMELIA BASSETT, 11 YRS, STOKE ST7 1AA")
    assert "11 YRS" in out, out


def test_initials_after_an_officers_name_with_a_word_for_a_surname_are_theirs() -> None:
    text = "Present: PC 0812 Darren Hope (DH), NW (Nick Wilkes).\n2. DH: pursue the breach."
    out = redact(text)
    assert "DH" not in out and not left(out, "Hope"), out


def test_a_dialogue_of_letters_takes_its_speakers_and_leaves_questions_and_answers() -> None:
    text = (
        "RHI, private room, 55 mins\n\n"
        "E: Where did you go on Friday?\n"
        "O: coventry. to my mates\n"
        "E: How did you get there?\n"
        "O: train\n"
        "Q: any other concerns\n"
        "A: no"
    )
    out = redact(text, child="Oluwadamilare Penhaligon")
    assert "\nE:" not in out and "\nO:" not in out, out
    assert "[CHILD]: train" in out, out
    assert "Q: any" in out and "A: no" in out, out


def test_one_letter_opening_lines_is_a_list_not_a_dialogue() -> None:
    out = redact("Options:\nB: stay with nan\nB: review in May\nC: return home")
    assert "B: stay" in out, out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The family are supported by the Naval Families Federation.", "Naval Families Federation"),
        ("Dad is at work on Wightlink until Friday.", "Wightlink"),
        ("She has joined a British Heart Foundation walk.", "British Heart Foundation"),
        ("He posts on Lemon8 most nights.", "Lemon8"),
    ],
)
def test_a_national_service_named_alone_stays(text: str, kept: str) -> None:
    out = redact(text)
    assert kept in out, out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Church at St Aldhelm's on Sunday with her nan.", "Aldhelm's"),
        ("She goes to Polish mass at St Thomas of Canterbury on Sundays.", "Canterbury"),
        ("First Holy Communion at St Joseph the Worker in May.", "Worker"),
        ("Saturday school at St Mary Star of the Sea hall.", "Star of the Sea"),
        ("Mass at St Peter and St Paul every week.", "Paul"),
    ],
)
def test_a_saints_dedication_named_alone_is_a_church_not_a_person(text: str, gone: str) -> None:
    out = redact(text)
    assert not left(out, gone) and "[ORGANISATION]" in out and "[PERSON]" not in out, out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("They moved to St Helens in May.", "St Helens"),
        ("She was born at St Mary's Hospital.", "St Mary's Hospital"),
        ("The party is on St Patrick's Day.", "St Patrick's Day"),
        ("First Holy Communion at St Joseph the Worker in May.", "First Holy Communion"),
    ],
)
def test_a_saints_town_hospital_day_and_a_longer_name_stay(text: str, kept: str) -> None:
    out = redact(text)
    assert kept in out, out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Mum works at Nails by Leanne on Hesters Way.", "Leanne"),
        ("Haircut at Fades by Kofi (pocket money).", "Fades"),
        ("Agency: Severn Foster Care (SSW Leanne Woodall)", "Severn"),
        ("KB (Karen Bowles, SSW, Foster Care Partners) attended.", "Partners"),
        ("Supervising social worker: Funmi Adeyemi (Foster Plus NW)", "Plus"),
    ],
)
def test_a_trade_by_its_owner_and_a_fostering_agencys_brand_go(text: str, gone: str) -> None:
    out = redact(text)
    assert not left(out, gone), out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("She is in Local Authority Foster Care.", "Foster Care"),
        ("The Foster Care Agreement was signed.", "Foster Care Agreement"),
        ("Telford & Wrekin Council Fostering Service agreed.", "Fostering Service"),
        ("RHI by Amy on Friday.", "RHI by"),
    ],
)
def test_a_kind_of_care_a_councils_fostering_and_a_record_by_someone_stay(
    text: str, kept: str
) -> None:
    out = redact(text)
    assert kept in out, out


def test_a_record_name_that_is_a_word_after_tell_or_did_is_the_name_in_a_chat() -> None:
    family = (("Grace Penhaligon", "mother"), ("Pat Penhaligon", "grandmother"))
    out = redact(
        "lexi: dont tell grace she will grass me up\nlexi: did grace find out", family=family
    )
    assert "grace" not in out, out
    out = redact("lexi: by the grace of god it was ok", family=family)
    assert "grace" in out, out


def test_a_name_in_capitals_before_a_birth_date_goes_whatever_list_holds_it() -> None:
    out = redact(
        "MALES IDENTIFIED AS ARMAND KOLA (DOB 11/02/2003) AND ERJON BEQIRI (DOB 04/09/2001)."
    )
    assert "KOLA" not in out and "BEQIRI" not in out and "IDENTIFIED AS" in out, out
    for text in ("SEEN WITH A MALE (DOB UNKNOWN)", "THE BLUE CAR DOB", "AS AS DOB"):
        assert redact(text).startswith(text.split(" (")[0].split(" DOB")[0]), text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("DUMPED OFF SWAN YARD INDUSTRIAL ESTATE AT 2200", "SWAN YARD"),
        ("ARRANGED TO MEET HER AT WESTGATE RETAIL PARK.", "WESTGATE"),
        ("He drives for a firm on Quarrington Trading Estate.", "Quarrington"),
    ],
)
def test_an_industrial_estate_or_business_park_goes(text: str, gone: str) -> None:
    out = redact(text)
    assert not left(out, gone), out


def test_a_park_alone_is_redacted_for_a_person_to_confirm() -> None:
    # kept as a public place until round fifty-seven, which redacts it below the review
    # threshold: the later batches label such parks 75 times to 31
    out = redact("Found selling vapes at Crow Nest Park with a friend.")
    assert "Crow Nest" not in out and "with a friend" in out, out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Repairs raised, contractor Kingfisher Property Maintenance to attend.", "Kingfisher"),
        ("She rents through the landlord Castlegate Student Living.", "Castlegate"),
        ("He runs Quillby Minds Tuition from home.", "Quillby"),
    ],
)
def test_a_tutor_a_fitter_and_a_student_landlord_by_their_noun_go(text: str, gone: str) -> None:
    out = redact(text)
    assert not left(out, gone), out


def test_tuition_and_maintenance_as_words_stay() -> None:
    out = redact("Her tuition is paid. Home Tuition was offered. Routine Maintenance due.")
    assert "Home Tuition" in out and "Routine Maintenance" in out, out
