"""Issue #14, round forty-seven: invented letters and referrals for a signature after a
blank line, and for a school named in full once and then by its own words."""

from __future__ import annotations

from tests.helpers import redact_for
from tests.helpers import survives as left

FAMILY = (("Ruth Okafor", "mother"), ("Dayo Okafor", "brother"))


def test_a_signature_after_a_blank_line_is_the_writer() -> None:
    text = (
        "I would be happy to attend the strategy discussion.\n\nYours sincerely,\n\n"
        "Lyn Hedging\nSpecialist Community Public Health Nurse (School Nursing)\n"
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Lena Hart")
    assert not left(out, "Lyn") and not left(out, "Hedging"), out
    assert "Specialist Community Public Health Nurse" in out, out


def test_a_signatures_registrations_stay_after_the_name() -> None:
    text = "Thank you.\n\nKind regards,\n\nGwenda Pruett RN RHV\nHealth Visitor\n"
    out = redact_for(text, "Bisi Okafor", FAMILY, "Lena Hart")
    assert not left(out, "Pruett") and "RN RHV" in out, out


def test_a_school_named_in_full_then_by_its_first_word() -> None:
    text = (
        "Referrer: Mrs Jo Tandy, DSL, Quarrendon Lane Junior and Infant School.\n"
        "Sibling: Dayo, Year 1, also at Quarrendon, no concerns there."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Lena Hart")
    assert not left(out, "Quarrendon"), out


def test_a_combined_school_by_its_own_words() -> None:
    text = (
        "Present: Mrs Helen Ashe (DSL), Kettlebrook Combined School.\n"
        "Dayo is in Year 2, also at Kettlebrook, and is doing well."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Lena Hart")
    assert not left(out, "Kettlebrook"), out


def test_a_school_in_capitals_then_in_title_case_with_its_staff() -> None:
    text = (
        "CHILD ATTENDS MORROWFIELD GRANGE PRIMARY.\n"
        "Spoke with Mrs Lucy Penn, Morrowfield Grange DSL, by phone at 10.30."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Lena Hart")
    assert not left(out, "Morrowfield"), out


def test_the_village_a_school_is_named_after_stays_where_it_is_the_place() -> None:
    text = (
        "Dayo attends Grindon Hall School.\n"
        "Nan lives in Grindon and visits daily; the bus from South Grindon is slow."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Lena Hart")
    assert out.count("[SCHOOL]") == 1, out  # (the words may be read as a name; not as the school)


def test_a_council_in_capitals_is_no_schools_short_name() -> None:
    text = "Attends Brackenfield College.\nBRACKENFIELD COUNCIL - PATHWAY PLAN (REVIEW)"
    out = redact_for(text, "Bisi Okafor", FAMILY, "Lena Hart")
    assert "BRACKENFIELD COUNCIL" in out, out


def test_a_firm_or_a_club_in_a_childs_lower_case() -> None:
    text = (
        "sam i got a letter from copperdale lettings today saying i have to be out. "
        "i go to fern hollow boxing tues and thurs. we get pancakes at thistle cafe on saturdays"
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    for name in ("copperdale", "fern hollow", "thistle"):
        assert name not in out, (name, out)


def test_a_sport_or_a_kind_of_cafe_in_lower_case_stays() -> None:
    text = (
        "he asked if he could do boxing again. we met at the cafe, then at hospital cafe. "
        "i go to thai boxing. she took off her fake nails."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert out == text, out


def test_the_minute_taker_named_by_words_is_a_person() -> None:
    text = "Chair: Mrs Ann Okeke (AO)   Minutes: Jade Holt\nMinute taker: Amber Rose (business support)"
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert not left(out, "Holt") and not left(out, "Rose"), out


def test_a_minutes_field_of_roles_or_terms_stays() -> None:
    text = "Supervisor: Team Manager\nMinutes: Summer Term review\nMinute taker: Business Support"
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert out == text, out


def test_a_childs_spelling_of_a_month_after_a_bare_day() -> None:
    text = "my name is bisi. today is the 5 of febuary. my birthday is the 12th of janurary"
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "febuary" not in out and "janurary" not in out, out


def test_streets_named_fields_or_hey_with_a_house_number() -> None:
    text = "Gran, of 8 Tolcarne Fields, is assessed. Neighbour of 48 Plover Hey rang 999."
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert not left(out, "Tolcarne") and not left(out, "Plover"), out


def test_a_forces_code_and_serial_with_no_cue() -> None:
    text = "Police ref for the forced door: 25CH/0053817. Panel on 13/03."
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "0053817" not in out, out


def test_a_schools_name_of_two_words_in_brackets() -> None:
    text = "09:15 Ruth: School (Tenterden Park) phoned he is not there. School (Looked After) ok."
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert not left(out, "Tenterden") and "(Looked After)" in out, out


def test_words_in_brackets_after_a_school_that_are_no_name_stay() -> None:
    text = "SCHOOL: FERNHILL PARK SCHOOL (PER CHILD)\nSCHOOL: EDMONTON COUNTY SCHOOL (SIXTH FORM)"
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "(PER CHILD)" in out and "(SIXTH FORM)" in out, out


def test_a_rank_before_a_given_name_that_is_also_a_town() -> None:
    text = "LAC health review done by Nurse Beverley Tamsett on 20th Feb."
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Nurse" not in out and not left(out, "Beverley"), out


def test_an_agency_after_a_role_in_brackets_after_a_person() -> None:
    text = (
        "RHI by Kirsty Doyle (RHI worker, Safe Harbour Thamesdown). "
        "Present: LO (Nursery manager, Little Sprouts), Jo Tate (SW, Kent Front Door)."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Safe Harbour" not in out and "Little Sprouts" not in out, out
    assert "Kent Front Door" in out, out  # a public service by its place


def test_a_pupil_referral_unit_in_a_police_form() -> None:
    text = "EXCLUDED FROM HEATHFIELD HIGH SCHOOL, NOW ATTENDS THE LARCHES PRU.\nOUTCOME: NFA"
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "LARCHES" not in out, out


def test_terms_of_practice_and_tenancy_stay() -> None:
    text = (
        "Fraser competence documented. Danger Statement & Safety Goal reviewed. Plan: update "
        "the Written Agreement. A flat let on an Assured Shorthold Tenancy; Choice Based "
        "Lettings form done.\nBest wishes, Daniel Okoro, Student Wellbeing Adviser"
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    for term in ("Fraser competence", "Safety Goal", "Written Agreement", "Assured Shorthold",
                 "Choice Based Lettings", "Student Wellbeing Adviser"):  # fmt: skip
        assert term in out, (term, out)
    assert "Okoro" not in out, out


def test_a_name_that_is_a_word_said_as_the_word_in_quoted_speech() -> None:
    text = (
        "Hope said \"I don't want to lose hope but some days I can't get up.\" "
        'Precious had "precious little sleep". Mum: "every child can find joy in learning"'
    )
    family = (("Hope Okafor", "mother"), ("Precious Okafor", "aunt"), ("Joy Okafor", "sister"))
    out = redact_for(text, "Bisi Okafor", family, "Sam Lee")
    assert "lose hope" in out and "precious little" in out and "find joy" in out, out
    assert not left(out, "Hope") and not left(out, "Precious"), out


def test_a_titled_person_whose_surname_is_a_streets_word_is_a_person() -> None:
    text = (
        "PC Natalie Grove (NGr) Derbyshire Constabulary. Spoke to Mrs Amy Lane today. "
        "NGr: agreed. Lives at 4 Anna Way."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "PC " not in out and "NGr" not in out and "Mrs" not in out, out
    assert "[ADDRESS]" in out and "[ADDRESS-2]" not in out, out  # only the house is one


def test_a_house_in_lower_case_on_a_vale_or_a_rise() -> None:
    text = "ok come at 4 to ambers. 12 sorrel vale. her mum is in. i live at 3 kestrel rise"
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "sorrel" not in out and "kestrel" not in out, out


def test_a_year_group_and_a_school_or_a_counted_thing_is_no_house() -> None:
    text = "user: bisi year 8 beaumont fields academy. we have 2 playing fields. a 5 per cent rise"
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "[ADDRESS" not in out and "2 playing fields" in out, out


def test_a_compact_date_in_capitals_without_its_year() -> None:
    text = "Under a safety plan since 05FEB. 04DEC - seen at the dentist. 3mar was a word."
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "05FEB" not in out and "04DEC" not in out and "3mar" in out, out


def test_a_business_named_in_brackets_after_its_kind() -> None:
    text = (
        "She works at the Bury Park launderette (Bright & Clean) in the evenings. Seen near the "
        "chippy on Preston Road (Nell's Plaice) and the supermarket on Mill Bank (Saigon Mart)."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    for name in ("Bright & Clean", "Nell's Plaice", "Saigon Mart"):
        assert name not in out, (name, out)


def test_a_remark_a_year_group_or_an_owner_in_brackets_stays() -> None:
    text = (
        "Tyler Bishop (Y7) came in. CCTV from the shop (CCTV) requested. Charges his phone "
        "at the barbers (Rebin's). Met at the cafe (Kacper's choice)."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "(Y7)" in out and "(CCTV)" in out and "choice)" in out, out
    assert "[ORGANISATION" not in out, out


def test_a_name_of_everyday_words_beside_initials_that_spell_it() -> None:
    text = (
        "Attending: Heather Young TM (HY); Beverley Cooke HV (BC); Minutes: JB (BSO) "
        "Jasmine Bell.\nHY: agreed the plan. BC: weight fine."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    for word in ("Heather", "Young", "Cooke", "Jasmine", "Bell", "HY", "BC"):
        assert not left(out, word), (word, out)


def test_a_person_beside_a_person_after_a_comma_is_no_agency() -> None:
    text = "Health visitor for Kemi Ade, Joanne Tipping, has concerns about immunisations."
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "[ORGANISATION]" not in out and not left(out, "Tipping"), out
