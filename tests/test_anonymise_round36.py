"""Issue #14, round thirty-six: invented sentences for titles, parents' words and terms."""

from __future__ import annotations

import pytest

from moderator.anonymise.redact import redact_case_text
from tests.helpers import redact_for, sample_case
from tests.helpers import redact_sample as redact
from tests.helpers import survives as left


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The order was made by District Judge Pellow on the day.", "District"),
        ("Deputy District Judge Amrit Sandhu listed a hearing.", "District"),
        ("His Honour Judge Tremayne gave directions.", "Honour"),
        ("HER HONOUR JUDGE PENROSE MADE THE ORDER.", "HONOUR"),
        ("Police Constable Yardley attended the address.", "Police"),
        ("Acting DS Kellow is the officer in the case.", "Acting"),
    ],
)
def test_a_judges_or_officers_full_title_goes_with_the_name(text: str, title: str) -> None:
    out = redact(text)
    assert not left(out, title), out
    assert "[PROFESSIONAL]" in out, out


@pytest.mark.parametrize(
    ("text", "force"),
    [
        ("Kent Police PC Raffaella Drummond confirmed the log.", "Kent Police"),
        ("Sussex Police DC Ravi Gallimore was allocated.", "Sussex Police"),
        ("Devon and Cornwall Police Constable Amy Hart attended.", "Cornwall Police"),
    ],
)
def test_a_forces_name_before_an_officer_stays_the_forces(text: str, force: str) -> None:
    out = redact(text)
    assert force in out, out
    assert "[PROFESSIONAL]" in out, out


def test_a_collar_number_with_its_forces_letter_goes() -> None:
    out = redact("Referral from DC Matthew Rayleigh 7714W (MASH) this morning.")
    assert "7714" not in out and "W (" not in out, out
    assert "PC Fry 1130 hrs" not in redact("PC Fry 1130 hrs"), "a time stays beside the name"
    assert "1130 hrs" in redact("Seen by PC Fry 1130 hrs.")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Phone call with mum Kerrianne at 6pm, supervised on speaker.", "mum"),
        ("Contact with dad Jermaine at the family hub went well.", "dad"),
        ("Stacey stays with her mam Bridgetta on the site.", "mam"),
    ],
)
def test_a_parents_word_before_a_written_name_stays(text: str, word: str) -> None:
    out = redact_for(text, "Stacey Pengelly", (("Kerrianne Pengelly", "mother"),), "Jo Tamblyn")
    assert left(out, word), out
    assert "Kerrianne" not in out and "Jermaine" not in out and "Bridgetta" not in out, out


def test_a_parents_word_goes_with_a_name_in_a_childs_lower_case() -> None:
    out = redact_for(
        "i want to see mum kerrianne more and dad jermaine",
        "Stacey Pengelly",
        (("Kerrianne Pengelly", "mother"), ("Jermaine Pengelly", "father")),
        "Jo Tamblyn",
    )
    assert not left(out, "mum") and not left(out, "dad"), out


@pytest.mark.parametrize(
    "text",
    [
        "She has been tearful since February half term.",
        "He has not been in school since Oct half term.",
    ],
)
def test_a_months_half_term_is_a_school_calendar_not_a_date(text: str) -> None:
    out = redact(text)
    assert "half term" in out and "[DATE]" not in out, out


def test_a_month_alone_after_since_is_still_a_date() -> None:
    assert "[DATE]" in redact("She has been tearful since February and sleeps badly.")


def test_a_chat_speaker_whose_name_is_a_word_is_a_person_where_lines_carry_times() -> None:
    chat = (
        "[28/03/2025, 21:17] Zee 🔥: thats ur problem\n"
        "[28/03/2025, 21:30] Kadir: ye wat time\n"
        "[28/03/2025, 21:31] Zee: 4 by the chippy\n"
        "Kadir says he can handle Zee."
    )
    out = redact(chat)
    assert not left(out, "Zee") and "🔥" not in out, out


def test_an_emoji_before_a_speakers_name_goes_with_it() -> None:
    chat = (
        "[14/02/2025, 21:14] Ty: ye wat time\n"
        "[14/02/2025, 21:14] 🔥 Deano 🔥: 7 bells by the chippy\n"
        "[14/02/2025, 21:21] 🔥 Deano 🔥: not my problem\n"
    )
    out = redact(chat)
    assert "Deano" not in out and "🔥" not in out, out


def test_a_forms_field_stays_where_no_time_is_written() -> None:
    out = redact("Plan: review in a month\nOutcome: agreed\nPlan: visit weekly\nOutcome: fine")
    assert "Plan:" in out and "Outcome:" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "Minute taker: Becky Lane (BL)\nBL to circulate the minutes.",
        "Present: Tom Street (TS), social worker; TS agreed to visit.",
    ],
)
def test_a_person_named_like_a_street_is_a_person_where_their_initials_follow(text: str) -> None:
    out = redact(text)
    assert "[ADDRESS]" not in out and "[PERSON]" in out, out
    assert "Lane" not in out and "Street" not in out, out


def test_a_street_named_by_a_given_name_stays_a_street() -> None:
    out = redact("Mum has moved to 14 Victoria Road and likes it.")
    assert "[ADDRESS]" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "CALL FROM NEIGHBOUR MRS JEAN OAKBURN (NO 14) STATING A CHILD WAS CRYING.",
        "FOUND ON THE DOORSTEP OF NO 14. HE SAID MUMMY WAS OUT.",
        "Neighbour Mr Kevin Tarrant (no. 25) heard shouting.",
    ],
)
def test_a_neighbours_house_by_its_number_is_an_address(text: str) -> None:
    assert "[ADDRESS]" in redact(text)


def test_a_meetings_number_is_no_address() -> None:
    out = redact("Review no. 4, held Tuesday. Missing episode no. 3 this quarter.")
    assert "[ADDRESS]" not in out, out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("He works away with his tarmac business, L Boswell Driveways.", "Driveways"),
        ("Dad labours for J Ward & Sons Groundworks most weeks.", "Groundworks"),
        ("She wants her party at Ozzy's Play Barn.", "Play Barn"),
        ("Photos from her communion at St Gerard's. Paddy came late.", "Gerard"),
        ("Her aunt lives nearby on Tanners End and helps.", "Tanners"),
        ("Mum's flat on Trinity Cut is damp.", "Trinity"),
        ("Nan lives on Holly Bank now.", "Holly"),
    ],
)
def test_firms_venues_saints_and_streets_named_by_their_nouns(text: str, gone: str) -> None:
    out = redact(text)
    assert gone not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "The play barn was shut so they went to soft play.",
        "He is on Universal Credit and on Team Green at school.",
        "St Mary's Hospital took the referral.",
    ],
)
def test_everyday_play_benefits_and_a_saints_hospital_stay(text: str) -> None:
    out = redact(text)
    assert "[ADDRESS]" not in out and "[ORGANISATION]" not in out, out


def test_a_term_of_art_on_the_records_address_line_stays_in_the_note() -> None:
    case = sample_case(
        "Yvonne has agreed to Staying Put until July. She lives at 28 Moorway Lane.",
        "Shanice Pellow",
        (("Yvonne Edwards", "foster carer"),),
        "Rebecca Holt",
    )
    child = case.child.model_copy(
        update={"address": "Staying Put, 28 Moorway Lane, Littleover, Derby"}
    )
    out = redact_case_text(case.model_copy(update={"child": child})).text
    assert "Staying Put" in out and "Moorway" not in out, out


def test_a_roles_line_in_a_signature_is_no_part_of_the_clinic_after_it() -> None:
    out = redact(
        "Yours sincerely,\n\nClaire Leyton\n"
        "Specialist Community Public Health Nurse (Health Visitor)\n"
        "Dartmouth Clinic, Health Visiting Service"
    )
    assert "Specialist Community Public Health Nurse (Health Visitor)" in out, out


def test_an_events_acronym_before_a_street_in_capitals_stays() -> None:
    out = redact("DATE: SAT 08/03/2025\nLOCATION: RTC STENSON ROAD J/W CRAYTHORNE ROAD, DERBY\n")
    assert "RTC [ADDRESS]" in out and "STENSON" not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "SUBJECT SMELT OF INTOXICANTS, ROADSIDE BREATH 71, ARRESTED DRINK DRIVE, EVIDENTIAL 64.\n",
        "She was accepted at 17, Staying Close to be considered.",
    ],
)
def test_a_reading_or_an_age_before_an_offence_or_a_programme_is_no_house_number(
    text: str,
) -> None:
    assert "[ADDRESS]" not in redact(text)


def test_a_street_named_after_a_protected_place_keeps_its_number() -> None:
    assert "[ADDRESS]" in redact("She lives at 12 Mount Pleasant Road now.")


def test_an_everyday_word_after_another_capitalised_one_mid_sentence_is_no_name() -> None:
    out = redact("UCAS application made for Adult Nursing; offers from two universities.")
    assert "Adult Nursing" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "Visited with Siobhan Keane from the GRT Education Service today.",
        "Visited with Siobhan Keane from the Traveller Education Service today.",
    ],
)
def test_a_communitys_kind_of_service_named_by_no_place_stays(text: str) -> None:
    out = redact(text)
    assert "Education Service" in out and "[ORGANISATION]" not in out, out


def test_a_private_agency_a_person_comes_from_is_still_redacted() -> None:
    out = redact("Visited with Siobhan Keane from Kestrel Education Services today.")
    assert "Kestrel" not in out, out


def test_a_judges_title_read_as_an_organisation_goes_with_the_judge() -> None:
    out = redact("An Interim Care Order was made by Her Honour Judge Penhallow on the day.")
    assert "Honour" not in out and "Judge" not in out and "[ORGANISATION]" not in out, out


def test_a_chains_branch_loses_its_street_and_keeps_the_chain() -> None:
    out = redact("They met at the Costa on Holderness Road after school.")
    assert "Costa" in out and "Holderness" not in out and "[ADDRESS]" in out, out


def test_a_chain_named_with_its_branch_after_a_comma_is_the_branch() -> None:
    # (round forty-three: the batches label "McDonald's, Walworth Road" whole as the branch)
    out = redact("He works at McDonald's, Walworth Road, most nights.")
    assert "McDonald's" not in out and "Walworth" not in out and "[ORGANISATION]" in out, out


def test_a_references_label_after_a_chain_is_no_branch() -> None:
    out = redact("She spoke through the interpreter (Language Line, ID 40817) today.")
    assert "Language Line, ID" in out and "40817" not in out, out


def test_a_landlord_or_a_placements_provider_alone_is_still_redacted() -> None:
    out = redact("The tenancy is with Home Group and the placement is with Keys Group.")
    assert "Home Group" not in out and "Keys Group" not in out, out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Under the Bruising in Non-Mobile Infants protocol I rang the Front Door.", "Infants"),
        ("Subject: Gabija K - Yr 8 - urgent welfare concern", "Yr 8"),
        ("She will complete the Ages and Stages Questionnaire next time.", "Stages Questionnaire"),
        ("(5) Trauma Recovery Model approach agreed by the network.", "Recovery Model"),
        ("Pawel (father, HGV driver, often in Poland) was not seen.", "HGV driver"),
        ("Grandad Hari (ex-2nd Gurkha Rifles, 81) has COPD.", "Gurkha Rifles"),
    ],
)
def test_protocols_tools_and_trades_written_with_capitals_stay(text: str, kept: str) -> None:
    assert kept in redact(text)


def test_a_chain_read_as_a_name_is_given_back() -> None:
    out = redact("Her hair strand test through Lextox was arranged last week.")
    assert "Lextox" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "Her mobile is 07 5 1 2 6 6 0 9 3 4 8 if you need her.",
        "The office is on 01204 33 18 84 or 07 3 8 1 2 2 4 5 0 6.",
    ],
)
def test_a_phone_number_typed_with_spaces_anywhere_goes_whole(text: str) -> None:
    out = redact(text)
    assert "[PHONE]" in out and not any(ch.isdigit() for ch in out), out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("SITE VISIT, MR JOHN-JOE MAUGHAN OF PLOT 3, REPORTING A MALE", "PLOT 3"),
        ("MARY WARD (GRANDMOTHER) – BAY 3 SAME SITE\nSITE MANAGER CALLED", "BAY 3"),
        ("Family were evicted from plot 4, Park Hall Yard (council site).", "plot 4"),
        ("Granny lives on Plot 4 and helps every morning.", "Plot 4"),
    ],
)
def test_a_plot_pitch_or_bay_on_a_site_by_its_number_is_an_address(text: str, gone: str) -> None:
    out = redact(text)
    assert gone not in out and "[ADDRESS]" in out, out
    assert "SITE MANAGER" in out or "MANAGER" not in text, out


def test_a_plot_of_a_story_stays() -> None:
    out = redact("We talked about the plot of the film and bay windows.")
    assert "[ADDRESS]" not in out, out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Dr Claire Whiteside (Paediatric Registrar, Royal Bolton Hospital) wrote.", "Registrar"),
        ("Seen by Amy Sturgess (Independent Return Interviewer) on Monday.", "Interviewer"),
        ("Tina was referred to the Community Dental Service in June.", "Dental Service"),
        ("LC: referral to the Pre-Birth Assessment Team by Friday.", "Pre-Birth Assessment"),
        ("If the placement ends: Swale Borough Council Housing Options, with PA.", "Options"),
        ("He bids on Hull City Council's Choice Based Lettings each week.", "Lettings"),
    ],
)
def test_roles_and_public_services_named_by_their_kind_of_care_stay(text: str, kept: str) -> None:
    out = redact(text)
    assert kept in out and "[ORGANISATION]" not in out, out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Ospringe Smile Dental is her dentist.", "Smile"),
        ("He works for Evergreen Cleaning Services on nights.", "Evergreen"),
    ],
)
def test_a_private_practice_or_firm_named_by_a_kind_of_care_is_still_redacted(
    text: str, gone: str
) -> None:
    assert gone not in redact(text)


def test_an_email_typed_with_spaces_round_its_at_goes() -> None:
    out = redact("Her email on our system is dawnbrook1985 @ hotmail.co.uk if needed.")
    assert "[EMAIL]" in out and "hotmail" not in out, out
    assert "Meet @ 5" in redact("Meet @ 5 by the gates.")


def test_a_handle_before_its_platform_in_brackets_is_a_username() -> None:
    out = redact("Contact: courtneyb2004 (Instagram) and kay.x_ (TikTok).")
    assert "courtneyb2004" not in out and "kay.x_" not in out, out
    assert "Year 10 (Snapchat)" in redact("She is in Year 10 (Snapchat) group chats.")


def test_a_street_in_capitals_after_of_is_an_address() -> None:
    out = redact("FRIEND LUKAS JANKOWSKI (15) OF RAVENDALE COURT SPOKEN TO\nNEXT")
    assert "RAVENDALE" not in out, out
    assert "OF THE BEACON VIEW PLAN" in redact("HEARD OF THE BEACON VIEW PLAN.\nNEXT")


def test_a_practice_named_alone_on_a_line_in_capitals_goes_whole() -> None:
    out = redact("Dear Sir,\nTRINITY VIEW MEDICAL CENTRE\nChurch Street, Gainsborough\n")
    assert "TRINITY" not in out, out
    assert "WHAT HAS SCHOOL ALREADY DONE" in redact("WHAT HAS SCHOOL ALREADY DONE\nlots")


def test_a_date_written_for_two_nights_goes_whole() -> None:
    out = redact("He has lived there since the night of 19/20 March 2025 when police came.")
    assert "19/20" not in out and "[DATE]" in out, out
