"""Round fourteen: what batch X showed when it was first scored (issue #14)."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for


def redact(
    text: str,
    child: str = "Kieran Oakervee",
    family: tuple[tuple[str, str], ...] = (("Dorcas Oakervee", "mother"),),
    worker: str = "Ignatius Pellowe",
) -> str:
    """The text redacted for one synthetic record."""
    return redact_for(text, child, family, worker, "R14-1")


@pytest.mark.parametrize(
    "text",
    [
        "School rang at 2.15 - K hit a boy at dinner.",
        "Contact was late. K kept asking for his mum.",
        "| 18/12/24 | K arrested for shoplifting |",
        "Dad texts K from a withheld number.",
        "IN THE FAMILY COURT. Re: K (A Child). Final statement.",
    ],
)
def test_the_childs_bare_initial_where_a_person_stands_is_the_child(text: str) -> None:
    out = redact(text)
    assert "[CHILD]" in out
    assert " K " not in f" {out} ".replace("(", " ").replace("|", " ")


@pytest.mark.parametrize(
    "text",
    [
        "Plan B is agreed and vitamin K was given at birth.",
        "The K to M route is closed. Class K are on a trip.",
        "Kieran and a friend sat in rows K and L.",
    ],
)
def test_a_letter_that_names_a_thing_or_a_list_stays(text: str) -> None:
    out = redact(text)
    assert out.replace("[CHILD]", "Kieran") == text


def test_no_bare_initial_when_another_of_the_record_shares_it() -> None:
    out = redact("Mum said K hit a boy.", family=(("Kerry Oakervee", "mother"),))
    assert "K hit" in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Supervision - Sophie T / Gurpreet S (TM). GS reminded SW of the plan.", "GS"),
        ("She is friends with Zara B and Hana from the mosque.", "Zara B"),
        ("HANDOVER from Georgia L to the new worker.", "Georgia L"),
        ("Next contact 09/10/24.\nBev S", "Bev S"),
        ("Supervision - Sophie T / Gurpreet S (TM).", "Sophie T"),
    ],
)
def test_a_given_name_and_a_surnames_initial_is_one_name(text: str, gone: str) -> None:
    out = redact(text)
    assert gone not in out
    assert " S " not in out and " L " not in out


@pytest.mark.parametrize(
    "text",
    [
        "Meet in Room B on Tuesday B block.",
        "ROOM B IS FREE FOR THE MEETING.",
        "Ellie got a grade C in maths.",
    ],
)
def test_a_lettered_room_or_grade_is_no_surname(text: str) -> None:
    assert redact(text).replace("[PERSON]", "Ellie") == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Signed C. Mason", "Mason"),
        ("Next review 28/10/2025. B. Tunstall, IRO", "Tunstall"),
        ("LADO (A. Moss) decision: threshold met.", "Moss"),
        ("OIC DC 4410 K. ROWLANDS, ONLINE CSEA TEAM.", "ROWLANDS"),
        ("HV: Beverley Sampson, 0-19 Service.", "Beverley"),
        ("Referral made (coordinator Jan) for the panel.", "Jan"),
        ("Taxi (Ace Cars, driver Pete) to school.", "Pete"),
    ],
)
def test_a_surname_after_an_initial_or_a_name_after_a_role_is_a_person(
    text: str, gone: str
) -> None:
    assert gone not in redact(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("She moved to Beverley Sampson's old flat.", "Beverley"),
        ("The tutor May 2024 report was good.", "tutor [DATE] report"),
        ("Plan B. Then we reviewed it.", "Then"),
    ],
)
def test_a_place_a_date_or_a_sentence_after_a_letter_stays(text: str, kept: str) -> None:
    assert kept in redact(text)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Kelsey has lived with the Bishops since age 11.", "Bishops"),
        ('"I want to stay with Ruth and Phil" (the Holts).', "Holts"),
        ("Leon may return to the Hills' tonight.", "Hills"),
        ("There was a dispute with the Connors family in April.", "Connors"),
        ("He mentioned a match with the Delaney lad.", "Delaney"),
        ("Neighbours the Clarksons called the police.", "Clarksons"),
    ],
)
def test_a_household_named_by_its_surname_is_redacted(text: str, gone: str) -> None:
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "We walked in the Hills and then went to the Scouts.",
        "The Brownies met the Guides at the Pines.",
        "The Fosters' panel was moved.",
    ],
)
def test_a_place_or_a_group_after_the_stays(text: str) -> None:
    assert redact(text) == text


def test_initials_listed_with_an_organisation_in_brackets_are_a_person() -> None:
    text = (
        "Present: OB (SW), JR (HV), AP (Change Grow Live), HB (Leicester City Early Help)\n"
        "AP reports mum engaging weekly. HB to send the plan."
    )
    out = redact(text)
    assert "AP" not in out and "HB" not in out


def test_an_acronym_spelt_out_or_a_role_with_a_name_in_brackets_stays() -> None:
    out = redact("Attendees: CGL (Change Grow Live), HV (Debbie Lawton), SW (Ignatius Pellowe).")
    assert "HV (" in out and "SW (" in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        (
            "All About Me (her words):\n\nmy name is kieran\nmy best frends are evie and maddison\n",
            "evie",
        ),
        (
            "HOUSE OF GOOD THINGS\n- ammi makes the best biryani\n- my freind musa from madrasa\n",
            "musa",
        ),
        ("i like my room and my best freind grace is next door and we play out.", "grace"),
        ("Courtney: he went to his mam jackie shes nice tbh but he is off his head", "jackie"),
    ],
)
def test_a_name_in_a_childs_lower_case_lines_or_a_texted_message_is_redacted(
    text: str, gone: str
) -> None:
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Reflection: mother was warm with me, gave peace of mind about her plans.",
        "Working at expected. She has done me a favour by helping peers.",
    ],
)
def test_a_forms_field_or_a_workers_sentence_is_not_read_as_speech(text: str) -> None:
    out = redact(text, child="Kieran Peace Oakervee", family=(("Favour Oakervee", "sister"),))
    assert out == text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("NRM referral to be considered at Child Exploitation panel.", "Child Exploitation"),
        ("Concerns to be raised with the Registered Manager, Mrs Dawn Fielding.", "Registered"),
        ("KM engaging with Talking Therapies; says mood better.", "Talking Therapies"),
        ("She is at Lincoln College (Health & Social Care) on placement.", "Health & Social"),
        ("Allegation meets threshold; Position of Trust. Evaluation next.", "Position of Trust"),
    ],
)
def test_a_services_description_is_no_organisation(text: str, kept: str) -> None:
    assert kept in redact(text)


def test_an_organisation_named_by_everyday_words_after_a_cue_is_still_redacted() -> None:
    out = redact("Agency staff from Nexus Staffing covered the shift.")
    assert "Nexus Staffing" not in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Missing overnight 12-13/03, returned by taxi.", "12-13/03"),
        ("Texts from 05-06/04/2025 copied as sent.", "05-06/04/2025"),
        ("| 10 Jan 23 | Final Care Order |", "10 Jan 23"),
        ("Screenshots saved as Mosaic doc 55120 on file.", "55120"),
        ("Scanned into LCS, doc 77342, today.", "77342"),
        ("Logged on CPOMS 44107 by the DSL.", "44107"),
    ],
)
def test_a_day_range_a_two_digit_year_or_a_systems_document_number_is_redacted(
    text: str, gone: str
) -> None:
    out = redact(text)
    assert gone not in out and not any(ch.isdigit() for ch in out.replace("[", ""))


def test_an_age_in_months_written_as_a_range_stays() -> None:
    assert "5-7/12" in redact("Infants aged 5-7/12 attend the group.")


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Omar's head of year at Bishopston, Mr Paul Strong, logged it.", "Bishopston"),
        ("Inform DSL Mrs Fazila Bham at Taylor Road today.", "Taylor Road"),
        ("School nurse Sally Quinn at Chantry will see her.", "Chantry"),
        ("mr barker my teacher at eastwood lets me help", "eastwood"),
    ],
)
def test_where_a_schools_staff_member_works_is_a_school(text: str, gone: str) -> None:
    out = redact(text)
    assert gone not in out and "[SCHOOL]" in out


@pytest.mark.parametrize(
    "text",
    [
        "The teacher at home was kind.",
        "The DSL at Core Group agreed.",
        "Her teacher at Wigan Council training said so.",
    ],
)
def test_a_meeting_a_home_or_a_public_service_after_a_staff_member_is_no_school(
    text: str,
) -> None:
    assert "[SCHOOL]" not in redact(text)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("He wants to play for Mansfield Town one day.", "Mansfield Town"),
        ("be a footballer for bradford city - and be rich", "bradford city"),
        ("Talked about Latics and the match on Saturday.", "Latics"),
        ("He is a Leeds United fan.", "Leeds United"),
        ("FOSTER CARER DAILY RECORD - Bridgeway Fostering", "Bridgeway"),
        ("Siblings: Omar (14, Bishopston Comprehensive).", "Bishopston"),
        ("We'll be at Golden Sands Holiday Park, 2nd-6th June.", "Golden Sands"),
        ("She has a tenancy with Torus in Hanley.", "Torus"),
    ],
)
def test_a_club_a_fostering_agency_a_park_or_a_shop_named_by_a_word_is_redacted(
    text: str, gone: str
) -> None:
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Bradford City Council rang about the housing.",
        "Mum shops in Mansfield town centre.",
        "Boots were muddy after the walk.",
    ],
)
def test_a_council_a_town_or_an_everyday_word_stays(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Mum is at Inspire recovery service three days a week.", "Inspire"),
        ("Faith agreed to keep going to Ignite youth group on Fridays.", "Ignite"),
        ("Dad works through Kleenco agency on nights.", "Kleenco"),
        ("He agreed to attend Bridge to Change alcohol group.", "Bridge to Change"),
        ("Sober since June per Forward Leeds (worker Tom Booth).", "Forward Leeds"),
        ("Charlie does a paper round for Bilton News (owner Mr Ravi Kapoor).", "Bilton News"),
    ],
)
def test_an_organisation_marked_by_its_kind_or_its_worker_after_it_is_redacted(
    text: str, gone: str
) -> None:
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Plan: refer to Perinatal Mental Health team and the Polish community group.",
        "She joined the Rainbows group and the 'Game On' programme.",
        "She boxes at the club on Tue & Thu after school.",
        "Referral to CAMHS service and to Leeds youth group.",
    ],
)
def test_a_team_a_kind_of_group_a_title_or_a_time_before_a_kind_stays(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Rio wants to go back to Reading College soon.", "Reading College"),
        ("Hira attends Oldham Sixth Form College (A-levels).", "Oldham"),
        ("Callum's school (Oldham Pupil Referral Service) rang.", "Oldham"),
        ("Nan lives at 31 Lodge Causeway with her dog.", "Lodge Causeway"),
        ("i went to my mate ethans on 23 fox st and stayed", "fox st"),
        ("just come to mine 31 bank top, ill get him", "bank top"),
        ("Summer: 31 bowers av. dont tell my mum", "bowers av"),
    ],
)
def test_a_school_named_by_its_town_or_a_street_said_in_lower_case_is_redacted(
    text: str, gone: str
) -> None:
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "it was a 10 min walk and we had 2 big rows about it",
        "She went to Leeds Magistrates Court and then to Wigan Infirmary.",
    ],
)
def test_a_distance_a_count_or_a_public_service_by_its_town_stays(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Tags to be shared with carers Jan and Phil Lloyd for online safety.", "Jan"),
        ("Carers: Mr & Mrs Obi (Chinedu and Grace), Orange Grove Fostercare.", "Grace"),
        ("He wants to stay forever with Mark and Denise Holloway.", "Mark"),
    ],
)
def test_a_given_name_joined_to_a_found_name_is_a_person(text: str, gone: str) -> None:
    assert gone not in redact(text)


def test_a_pair_of_months_or_of_titles_is_no_person_and_no_firm() -> None:
    out = redact("Jan and Feb 2024 were hard; Mr & Mrs Obi came.")
    assert "[DATE]" in out and "ORGANISATION" not in out


def test_a_note_signed_with_one_letter_is_signed_by_its_writer() -> None:
    out = redact("Mobile 07742 815 063. Good luck! I", worker="Lucy Bennett")
    assert out.endswith("Good luck! I")
    out = redact("Lovely really, just chaotic! L", worker="Lucy Bennett")
    assert out.endswith("[WORKER]")


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("i stay with sue and keith now and its ok", "sue"),
        ("tom i aint goin back to pat n steves tonite", "pat"),
        ("i go footy on sundays and my mate is called rob and hes sound", "rob"),
    ],
)
def test_a_word_name_in_a_childs_words_beside_a_name_or_after_called_is_a_person(
    text: str, gone: str
) -> None:
    assert f" {gone} " not in f" {redact(text)} "


def test_a_verb_after_its_subject_stays_beside_a_name() -> None:
    assert "i will and" in redact("i will and keith will too")


@pytest.mark.parametrize(
    "text",
    [
        "Case IP24C00377 - Re K (Final Order). [4] K is now 9.",
        "No. EX25C00214 Re K (a child, aged 7) POSITION STATEMENT",
        "[27] I make a care order. K's mother will have contact.",
    ],
)
def test_the_childs_initial_in_a_judgments_heading_and_paragraphs_is_the_child(text: str) -> None:
    out = redact(text)
    assert "[CHILD]" in out and " K " not in f" {out} " and "K's" not in out


def test_the_workers_initial_with_its_stop_is_the_worker() -> None:
    text = "Reflection: H. finds this case hard. (3) H. to attend the PEP."
    out = redact(text, worker="Hollie Sparrow")
    assert out.count("[WORKER]") == 2
