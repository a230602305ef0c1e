"""Round twenty-three: companies people use wherever they live, and other precision and
recall from batches A-AR (issue #14)."""

from __future__ import annotations

import re

import pytest

from moderator.anonymise.redact import redact_case_text
from tests.helpers import redact_sample as redact
from tests.helpers import sample_case
from tests.helpers import survives as left


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Leaving Care Grant paid in. Bank: Monzo. Budget reviewed.", "Monzo"),
        ("Mum spoke via Language Line; she understood the plan.", "Language Line"),
        ("INTERPRETER VIA LANGUAGE LINE. DASH COMPLETED.", "LANGUAGE LINE"),
        ("He sends money home through Western Union every month.", "Western Union"),
        ("Debts: Klarna £240 and a phone contract with Vodafone.", "Klarna"),
    ],
)
def test_a_bank_a_payment_service_or_an_interpreting_agency_alone_is_kept(
    text: str, kept: str
) -> None:
    assert left(redact(text), kept)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Dad works nights at Bakkavor and sleeps in the day.", "Bakkavor"),
        ("The tenancy is with Livv Housing; arrears are £400.", "Livv Housing"),
        ("She is a cleaner for Sodexo at the hospital.", "Sodexo"),
    ],
)
def test_an_employer_or_a_landlord_alone_is_still_redacted(text: str, gone: str) -> None:
    assert not left(redact(text), gone)


def test_a_kept_service_is_listed_for_the_person_importing_to_confirm() -> None:
    case = sample_case("Bank: Monzo. The PA will help with the budget.", family=())
    result = redact_case_text(case)
    assert "Monzo" in result.text
    doubts = [d for d in result.uncertain() if case.text[d.start : d.end] == "Monzo"]
    assert doubts and all(not d.redacted and d.kind == "org" for d in doubts)


def test_a_services_local_branch_is_still_redacted() -> None:
    out = redact("Mum banks at Barclays Tunstall High Street branch.")
    assert not left(out, "Tunstall")


@pytest.mark.parametrize(
    "text",
    [
        "Attendees: RT (Rachel Thorne, SW), DP (Dev Patel, TM).\nActions agreed. Signed RT/DP.",
        "Present: CM (Carys Mountjoy, SW), FI (Farah Iqbal, TM).\nDecisions (FI/CM): visit.",
    ],
)
def test_two_peoples_initials_joined_by_a_slash_are_one_redaction_naming_both(text: str) -> None:
    out = redact(text)
    last = out.splitlines()[-1]
    pair = re.search(r"\[[A-Z0-9-]+/[A-Z0-9-]+\]", last)
    assert pair is not None, last
    assert "/" not in last.replace(pair.group(), "")


def test_a_slash_between_a_name_and_a_word_stays() -> None:
    out = redact("Attendees: RH (Rob Hale, TM).\nProceedings to be considered by RH/legal.")
    assert "/legal" in out


def test_m_and_f_after_names_in_a_police_form_mark_sex_not_initials() -> None:
    out = redact(
        "CHILDREN PRESENT: ROJIN MAHMOUD (F) DOB 21/05/2013; ARAM MAHMOUD (M) DOB 30/10/2016\n"
        "M SAID HE WAS HUNGRY. F WAS ASLEEP.",
        family=(("Rojin Mahmoud", "sister"), ("Aram Mahmoud", "brother")),
    )
    assert "(F)" in out and "(M)" in out and "M SAID" in out


def test_one_letter_after_one_name_is_still_that_persons() -> None:
    out = redact("Inese Bērziņa (M) was seen. M answered the door.")
    assert "M answered" not in out


@pytest.mark.parametrize(
    "text",
    [
        "From: Safeguarding Children Nurse, Royal Bolton Hospital\nPlease treat as a referral.",
        "Kind regards,\nNamed Nurse Safeguarding Children, Bolton NHS Foundation Trust",
    ],
)
def test_an_everyday_word_in_a_roles_title_is_no_name(text: str) -> None:
    assert left(redact(text), "Safeguarding")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("PPN: 25/TS/004187   LOG: 0622 ATTENDING", "25/TS/004187"),
        ("Home Office ref T1098834, UCI 5512-0983-2217. BRP runs out.", "5512-0983-2217"),
        ("Travel paid from his account number 4471 in cash.", "4471"),
        ("Two missing episodes (SYP refs 14/MP/24/8812 and 14/MP/25/0127).", "14/MP/24/8812"),
        ("Two missing episodes (SYP refs 14/MP/24/8812 and 14/MP/25/0127).", "14/MP/25/0127"),
    ],
)
def test_a_reference_after_its_cue_and_the_next_of_the_same_shape_are_redacted(
    text: str, number: str
) -> None:
    out = redact(text)
    assert number not in out
    assert "UCI" in out or "UCI" not in text  # the cue itself stays


def test_a_number_of_another_shape_after_a_reference_stays() -> None:
    out = redact("Police log 0412 and 2 officers attended.")
    assert "and 2 officers" in out


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Dated the 4th day of April 2025. I am the allocated social worker.", "4th day of"),
        ("LAST CONTACT FRI 14TH. LIKELY LOCATIONS: TOWN CENTRE.", "14TH"),
        ("Out of hours saw him on 19th and he was well.", "19th"),
    ],
)
def test_a_courts_day_of_a_month_and_ordinals_in_capitals_or_after_on_are_dates(
    text: str, date: str
) -> None:
    out = redact(text)
    assert date not in out and "[DATE]" in out


@pytest.mark.parametrize(
    "text",
    ["Weight on 50th, six-month review.", "He is on 3rd course of antibiotics.", "ON 5TH FLOOR."],
)
def test_an_ordinal_that_counts_something_is_no_date(text: str) -> None:
    assert "[DATE]" not in redact(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [("Mum (in Hull, HU5) has supervised contact.", "HU5"), ("He sleeps in Sheffield S2.", "S2")],
)
def test_an_outward_code_after_a_town_is_a_postcode(text: str, code: str) -> None:
    out = redact(text)
    assert code not in out and "[POSTCODE]" in out


@pytest.mark.parametrize(
    "text",
    [
        "Examined by Dr Priya Menon, ST5 Paediatrics.",
        "ANPR hit on the M62 J26 at night.",
        "Exhibits: CO1 - CO4 attached.",
    ],
)
def test_a_grade_a_road_or_an_exhibit_is_no_postcode(text: str) -> None:
    assert "[POSTCODE]" not in redact(text)


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("She asked them to live with her at 58 Pontefract Ridge for now.", "Pontefract Ridge"),
        ("Carer's address: 30 Greystones Crest, near the park.", "Greystones Crest"),
        ("They moved to 4 Holly Garth last spring.", "Holly Garth"),
    ],
)
def test_more_northern_street_nouns_make_an_address(text: str, street: str) -> None:
    assert street not in redact(text)


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("Spoke to Dane Bank DSL Mrs Alison Prestwich about attendance.", "Dane Bank"),
        ("DSL Mr Kamal Rehman (Clarebank) reports attendance is down.", "Clarebank"),
        ("Northfleet DSL Mr Kieran Dobbs rang. Northfleet will send the log.", "Northfleet"),
    ],
)
def test_a_name_before_a_schools_lead_or_in_brackets_after_them_is_the_school(
    text: str, school: str
) -> None:
    out = redact(text)
    assert school not in out and "[SCHOOL]" in out


def test_a_word_before_a_leads_role_is_no_school() -> None:
    out = redact("Acting DSL Mrs Jo Hart rang. Interim Headteacher Mr Bo Li rang.")
    assert "Acting DSL" in out and "Interim Headteacher" in out


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I go to church with Nan at New Life Pentecostal on Sundays.", "New Life"),
        ("A reference came from Bream Pentecostal Gospel Hall this week.", "Gospel Hall"),
        ("They worship at Living Waters Church in town.", "Living Waters"),
    ],
)
def test_a_church_named_by_everyday_words_is_an_organisation(text: str, name: str) -> None:
    assert name not in redact(text)


def test_a_church_named_by_its_faith_alone_stays() -> None:
    out = redact("She was raised in the Catholic Church and is Pentecostal now.")
    assert "Catholic Church" in out and "Pentecostal now" in out


@pytest.mark.parametrize(
    "text", ["She said a pc called PC Matt Oxley came round.", "A man called Mr Dean Price came."]
)
def test_a_title_and_name_after_called_go_whole(text: str) -> None:
    out = redact(text)
    assert "Oxley" not in out and "Price" not in out


def test_a_greeting_a_field_and_a_roles_label_are_no_short_form_of_the_record() -> None:
    out = redact(
        "Hi Mr Chowdhury - forwarding as agreed.\nVenue: foster home.\nPA: Zara Hussain (ZH)",
        child="Nguyen Van Minh",
        family=(("Hiba Raza", "sister"), ("Parveen Akhtar", "former foster carer")),
    )
    assert out.startswith("Hi ") and "Venue:" in out and "PA:" in out


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("He drew his family with Babka bigger than everyone else.", "Babka"),
        ('He talked about his village and his grandmother "Haboba".', "Haboba"),
        ("i miss mamka and my cousin in town", "mamka"),
        ("She phones Mormor in Malmö on Sundays.", "Mormor"),
    ],
)
def test_more_kin_words_said_alone_are_kept(text: str, word: str) -> None:
    assert left(redact(text), word)


def test_a_town_of_the_larger_gazetteer_after_in_is_no_name_though_a_relation_follows() -> None:
    out = redact("Dad works at a takeaway in Dukinfield, mother at the hospital.")
    assert "in Dukinfield" in out


@pytest.mark.parametrize(
    "text",
    [
        "Plan for the review on 4 March: EHA updated with his words.",
        "the nineteenth of October 2023 – ICO granted at the family court.",
        "Dean (TM, CWD) will chair. OCSE Team informed. DBT group offered.",
    ],
)
def test_an_acronym_after_a_stamp_or_in_a_list_is_no_ones_initials(text: str) -> None:
    out = redact(text)
    assert all(a in out for a in ("EHA", "ICO", "CWD", "OCSE", "DBT") if a in text)


def test_an_acronym_in_capitals_is_not_a_short_name_found_in_mixed_case() -> None:
    out = redact(
        "Her brother Taf Moyo is settled; Taf likes school. TAF meeting on Friday.",
        family=(("Tafadzwa Moyo", "brother"),),
    )
    assert "TAF meeting" in out and "Taf likes" not in out


def test_a_national_charity_for_african_families_is_kept_alone() -> None:
    assert left(redact("Referral to AFRUCA for the family was made."), "AFRUCA")


def test_initials_after_a_stamp_before_a_visit_are_still_someones() -> None:
    out = redact("Attendees: HB (Holly Birch, SW).\n12 Jul 2024 - HB visited the family.")
    assert "HB visited" not in out


def test_a_language_that_is_also_a_name_before_interpreter_is_the_language() -> None:
    assert "Shona interpreter" in redact("Mum was seen at home with a Shona interpreter.")
    assert "Shona" not in redact("Her friend Shona came round after school.")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("She was referred to GamCare for help with betting debts.", "GamCare"),
        ("A leaflet from the Lullaby Trust on safer sleep was given.", "Lullaby Trust"),
        ("The Matching Panel met and the CPN visited.", "Matching Panel"),
    ],
)
def test_more_national_charities_and_practice_terms_are_kept(text: str, kept: str) -> None:
    assert left(redact(text), kept)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Nanny Carol's dog is called Biscuit and sleeps on Tyler's bed.", "Biscuit"),
        ("dada jan has a parrot called mithu. mithu talks.", "mithu"),
        ("Mrs Ghosh (SENCo) rang about the reading plan.", "SENCo"),
        ("He had new AirPods and would not say who bought them.", "AirPods"),
    ],
)
def test_a_pets_name_a_roles_acronym_and_a_brand_are_no_one(text: str, kept: str) -> None:
    assert left(redact(text), kept)


def test_two_surnames_joined_by_an_ampersand_are_a_firm_and_two_given_names_stay_people() -> None:
    out = redact("Father's solicitors: Brennan & Holt. Honey & Phil visited.")
    assert "Brennan" not in out and "Holt" not in out and "Honey & " in out


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("She studies nursing at the University of Nottingham now.", "Nottingham"),
        ("Brother (19, University of Hertfordshire) may visit.", "Hertfordshire"),
        ("He attends Nottingham Trent University part time.", "Trent"),
    ],
)
def test_a_university_where_someone_studies_is_redacted_as_a_school(text: str, name: str) -> None:
    out = redact(text)
    assert name not in out and "[SCHOOL]" in out


def test_a_university_hospital_and_university_alone_stay() -> None:
    text = "Seen at Royal Stoke University Hospital. She wants to go to University."
    assert redact(text) == text
