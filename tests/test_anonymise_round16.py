"""Round sixteen: what batches Z and AA showed and round fifteen left (issue #14)."""

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
    return redact_for(text, child, family, worker, "R16-1")


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("Miss Devlin, Head of Year 9, Danum Vale Academy, wrote.", "Danum Vale"),
        ("Year 10, Witham Vale Academy, Boston. Notification by school.", "Witham Vale"),
        ("He is in Set 3, Brook Park School, since May.", "Brook Park"),
    ],
)
def test_a_year_group_before_a_school_is_no_house_number(text: str, school: str) -> None:
    out = redact(text)
    assert school not in out
    assert "[SCHOOL]" in out
    assert "[ADDRESS]" not in out


def test_a_house_number_with_a_comma_is_still_an_address() -> None:
    out = redact("She now lives at 9, Danum Vale, with her aunt.")
    assert "Danum" not in out
    assert "[ADDRESS]" in out


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("SCHOOL: ROSEWOOD PRIMARY SCHOOL, FOR START OF DAY.", "ROSEWOOD PRIMARY SCHOOL"),
        ("CHILD ATTENDS HOLLINS GRANGE ACADEMY (YEAR 8).", "HOLLINS GRANGE ACADEMY"),
        ("GP: HILLTOP MEDICAL PRACTICE, REGISTERED 2019.", "HILLTOP MEDICAL PRACTICE"),
    ],
)
def test_a_school_or_practice_in_a_police_forms_capitals_is_redacted_whole(
    text: str, school: str
) -> None:
    out = redact(text)
    assert school not in out
    assert not any(word in out for word in school.split()[:1])


@pytest.mark.parametrize(
    "text",
    [
        "CHILD SEEN AT SCHOOL THE NEXT DAY BY OFFICERS.",
        "OPERATION ENCOMPASS ALERT TO THE SCHOOL SENT 02:10.",
        "PLEASE ALERT HER SCHOOL AND THE HEALTH VISITOR.",
    ],
)
def test_a_sentence_in_capitals_ending_in_school_is_no_school(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Police attended Flat 3, 22 Botchergate, Carlisle, at 01:50.", "Botchergate"),
        ("He stays with his nan at 9 Micklegate most weekends.", "Micklegate"),
        ("SUSPECT LOCATED AT 41 PARK ROAD NORTH, MIDDLESBROUGH.", "NORTH"),
        ("The family moved to 14 Station Road East. Mum says", "East"),
    ],
)
def test_streets_of_the_north_and_a_street_with_its_quarter_are_redacted_whole(
    text: str, street: str
) -> None:
    out = redact(text)
    assert street not in out
    assert "[ADDRESS]" in out


@pytest.mark.parametrize(
    "text",
    [
        "The family went to 3 Margate beaches in the summer.",
        "He lives at 12 High Street West Bromwich now.",
    ],
)
def test_a_town_ending_in_gate_or_a_town_after_a_street_stays(text: str) -> None:
    out = redact(text)
    assert "Margate" in out or "West Bromwich" in out


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("OFFICER: PC 6631 LUKE HALE, COWLEY NPT", "HALE"),
        ("Seen by PC 2290 Amy Sterne and DC 4410 Josh Bell.", "Bell"),
    ],
)
def test_an_officers_surname_that_is_also_a_word_follows_a_given_name(text: str, name: str) -> None:
    assert name not in redact(text)


def test_an_officer_named_by_surname_alone_is_not_joined_to_the_verb() -> None:
    out = redact("PC 2281 NEWBOLD ATTENDED THE ADDRESS AT 22:10.")
    assert "NEWBOLD" not in out
    assert "ATTENDED THE ADDRESS" in out


@pytest.mark.parametrize(
    ("text", "ground"),
    [
        ("We met in the car park at Asda in Cortonwood on Sunday.", "Cortonwood"),
        ("She now works at Greggs in Kettlewick Mall, early shifts.", "Kettlewick"),
    ],
)
def test_a_company_with_ground_no_list_knows_is_one_branch(text: str, ground: str) -> None:
    out = redact(text)
    assert ground not in out
    assert "[ORGANISATION]" in out


def test_a_company_in_a_known_town_leaves_the_town() -> None:
    out = redact("She now works at Bakkavor in Burslem, early shifts.")
    assert "Bakkavor" not in out
    assert "in Burslem" in out


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("A call from a neighbour at 44A (Mr Karimi) about shouting.", "44A"),
        ("He moved from 12B to his nan's flat.", "12B"),
    ],
)
def test_a_house_number_with_a_letter_after_at_or_from_is_an_address(
    text: str, number: str
) -> None:
    out = redact(text)
    assert number not in out
    assert "[ADDRESS]" in out


@pytest.mark.parametrize(
    "text",
    [
        "Seen at 10 by the nurse; back at 4 for tea.",
        "Her grade went from 4 to 6 in maths.",
    ],
)
def test_a_number_alone_after_at_or_from_is_no_address(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("She said she was going to the shop on Preston Road. Not back.", "Preston Road"),
        ("Mum was seen at home on Marsh Road: worried, no English.", "Marsh Road"),
        ("The nursery on Old London Road rang this afternoon.", "Old London"),
    ],
)
def test_a_street_named_by_an_everyday_word_or_a_town_is_redacted(text: str, street: str) -> None:
    out = redact(text)
    assert street not in out
    assert "[ADDRESS]" in out


@pytest.mark.parametrize(
    "text",
    [
        "They walked down the High Street to the bus station.",
        "Close Road safety work was done in school.",
    ],
)
def test_any_towns_high_street_or_a_street_word_opening_the_phrase_stays(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("School | FB said she was hungry at break.", "FB"),
        ("5. Peers – FB has unfollowed the older boys.", "FB"),
    ],
)
def test_the_childs_initials_that_are_an_acronym_are_the_child_where_they_act(
    text: str, initials: str
) -> None:
    out = redact_for(text, "Frankie Bell", (("Hayley Bell", "mother"),), "Rhian Tyson", "R16-2")
    assert initials not in out
    assert "[CHILD]" in out


@pytest.mark.parametrize(
    "text",
    [
        "Mum uses FB to message the school most days.",
        "The review starts at 9 AM; FB messages are not shared.",
    ],
)
def test_the_same_letters_as_an_acronym_stay(text: str) -> None:
    out = redact_for(text, "Frankie Bell", (("Hayley Bell", "mother"),), "Rhian Tyson", "R16-2")
    assert out == text


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Present: GO Gifty Owusu (midwife), KB Kofi Boateng (dad)", "GO"),
        ("Attendees:\nIT – Ian Tolley, teacher\nSW – Sam Wade (chair)", "IT"),
        ("Present: ME — DC (Mark Evans), PO Paula Ord", "ME"),
    ],
)
def test_initials_right_before_their_own_name_in_a_list_are_that_person(
    text: str, initials: str
) -> None:
    out = redact(text)
    assert initials not in out.replace("[", " ")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('She is in a group chat called "Hessle Rd Mandem" with older boys.', "Mandem"),
        ('Snapchat group "the bn2 fam 💸" has 14 members.', "bn2 fam"),
        ('Her phone has him saved as "Zee 🐐" and no surname.', "Zee"),
        ('Posts tagged by display name "jess w 💕" were shown.', "jess w"),
        ('Chat 1: "Nguyen Fam 🏠" (members: mum, dad, Bao)', "Nguyen Fam"),
    ],
)
def test_a_chats_or_contacts_name_in_quotes_is_a_username(text: str, name: str) -> None:
    out = redact(text)
    assert name not in out
    assert "[USERNAME]" in out


@pytest.mark.parametrize(
    "text",
    [
        'The chat was "really nasty" according to the school.',
        'In the group chat "ur dead!!" was posted at 23:10.',
    ],
)
def test_a_quoted_message_or_description_after_chat_stays(text: str) -> None:
    assert redact(text) == text


def test_the_speakers_of_a_chat_with_times_are_redacted_wherever_they_recur() -> None:
    text = (
        "21/9 00:22 Holl: u can stay as long as u want\n"
        "00:23 Kieran: thank u\n"
        "00:24 Holl: tell miss on mon?? or ill tell her\n"
        "00:27 Holl: ur mum works late\n"
        "Holl was supportive."
    )
    out = redact(text)
    assert "Holl" not in out


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("Aram attends Rosethorn Primary. Rosethorn attendance officer rang.", "Rosethorn"),
        ("Bridgeway Supported Living Ltd wrote. Bridgeway is registered.", "Bridgeway"),
        ("Bumblebees Day Nursery rang; Kelly at Bumblebees confirmed it.", "Bumblebees"),
        ("He attends Thornbury Academy. Thornbury staff said he was fine.", "Thornbury"),
    ],
)
def test_a_places_own_words_recurring_alone_are_that_place(text: str, short: str) -> None:
    out = redact(text)
    assert short not in out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("He attends Thornbury Academy. We went to Thornbury on the bus.", "to Thornbury on"),
        ("Seen at Stourport Medical Practice, Stourport-on-Severn.", "Stourport-on-Severn"),
        ("GP is Star Hill Medical Practice. Nan lives at Flat 2, Kent Court, Star Hill.", ""),
        ("Bridgeway Supported Living Ltd wrote. Bridgeway Road is closed.", "[ADDRESS] is closed"),
    ],
)
def test_a_short_name_that_is_a_town_or_part_of_another_name_stays(text: str, kept: str) -> None:
    assert kept in redact(text)


def test_the_initials_of_a_person_of_the_record_are_no_organisations() -> None:
    out = redact_for(
        "Worker note\nLN has marks on both calves. Mum works at Luxe Nails in town.",
        "Leah Nguyen",
        (("Thi Nguyen", "mother"),),
        "Rhian Tyson",
        "R16-3",
    )
    assert "[CHILD] has marks" in out


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("Seen with interpreter (ID KL2209) on the ward.", "KL2209"),
        ("Letter from the surgery, ODS B82614, about the rash.", "B82614"),
        ("ATHENA: AT25-0071184 OIC: PC 3391 HOLLAND", "0071184"),
        ("The ceiling needs work, job RIV-HU3-7782104 raised.", "7782104"),
        ("Food from the bank, voucher NFB 20931, on Friday.", "20931"),
        ("Matched through Link Maker (profile LM 22871 HR) in May.", "22871"),
        ("Shared with police, log INT 25/RR/1192, today.", "1192"),
        ("MRN: RBH 4471-0093-2   Attendance no. ED25/118703", "4471"),
        ("Ref: PF / PCC / 0117 / 25   Notification received", "0117"),
        ("The ticket was bought by card ending 4417 at 9pm.", "4417"),
        ("Police been, PC Leah Morgan 3412. They have his photo.", "3412"),
    ],
)
def test_references_glued_spaced_or_named_by_what_they_number_are_redacted(
    text: str, ref: str
) -> None:
    out = redact(text)
    assert ref not in out
    assert "[CASE-NUMBER]" in out


@pytest.mark.parametrize(
    "text",
    [
        "They drove up the A5036 and the M62 to junction J10.",
        "Off school with COVID19 for a week in Y2024 planning.",
        "The log was shared with the OIC at 10:30.",
    ],
)
def test_roads_illnesses_and_words_after_a_cue_are_no_references(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "estate"),
    [
        ("Kay grew up on the Pennywell estate and was looked after.", "Pennywell estate"),
        ("Her flat on the Marsh Farm estate has damp.", "Marsh Farm estate"),
        ("His house on the Town End Farm estate is cold.", "Town End Farm estate"),
    ],
)
def test_the_named_estate_someone_lives_on_is_redacted_with_its_word(
    text: str, estate: str
) -> None:
    out = redact(text)
    assert estate.split()[0] not in out
    assert "estate" not in out


def test_an_estate_named_alone_is_an_address() -> None:
    # (round sixteen kept it as an area; the corpus's guide, docs/redaction-corpus.md, labels
    # an estate named alone an address, and the learned layer reads it so since session 56,
    # for the person importing to confirm; since session 62 with its word, as the corpus's
    # writers label it: "the Pan estate")
    text = "She fears older lads from the Knutton estate."
    assert redact(text) == "She fears older lads from the [ADDRESS]."


@pytest.mark.parametrize(
    ("text", "branch"),
    [
        ("He works at Amazon, Enfield Lock and offered to help.", "Enfield Lock"),
        ("She works at Lidl, Barking Riverside and will take leave.", "Riverside"),
    ],
)
def test_a_companys_branch_after_a_comma_is_part_of_it(text: str, branch: str) -> None:
    out = redact(text)
    assert branch not in out
    assert "[ORGANISATION]" in out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("She works at Greggs, Burslem now.", ", Burslem now"),
        ("She works at Tesco, Mum said, on Saturdays.", ", Mum said"),
        ("He works at Asda, Monday to Friday.", ", Monday to Friday"),
    ],
)
def test_a_town_a_relative_or_a_day_after_a_companys_comma_stays(text: str, kept: str) -> None:
    assert kept in redact(text)


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Dad left early for a shift at Jaguar Land Rover today.", "Jaguar"),
        ("Mum is a care assistant for Bluebird Care on days.", "Bluebird"),
    ],
)
def test_more_national_employers_and_providers_are_organisations(text: str, company: str) -> None:
    assert company not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "He said that is not how the order works.  Contract agreed 1. Letter of apology.",
        "The nurse rang. Info shared with the hospital safeguarding team today.",
    ],
)
def test_an_everyday_word_opening_a_sentence_before_a_verb_is_no_name(text: str) -> None:
    assert redact(text) == text


def test_a_name_no_list_knows_opening_a_sentence_before_a_verb_is_still_a_name() -> None:
    out = redact("Zhaneka said she had not seen him since Friday.")
    assert "Zhaneka" not in out


def test_a_nicknames_everyday_word_in_lower_case_stays_a_word() -> None:
    out = redact('His boxing coach Mo Shafiq ("Coach Mo") rang; the coach said he trains well.')
    assert "the coach said" in out
    assert "Shafiq" not in out


@pytest.mark.parametrize(
    "text",
    [
        "Managed under Working Together 2023 and the local procedures.",
        "In line with Keeping Children Safe in Education 2024 guidance.",
    ],
)
def test_a_guidances_edition_and_a_protected_phrase_after_a_cue_stay(text: str) -> None:
    assert redact(text) == text


def test_a_year_in_running_text_is_still_a_date() -> None:
    assert "2019" not in redact("The father was cautioned in 2019 for a fight.")


@pytest.mark.parametrize(
    "text",
    [
        "Visits every 6 weeks; report to Private Fostering panel in May.",
        "MISSING EPISODE LOG & RETURN HOME INTERVIEW\nYP seen at school.",
        "We went to the Easter trail after church.",
    ],
)
def test_service_phrases_joined_or_after_a_cue_stay(text: str) -> None:
    assert redact(text) == text


def test_a_churchs_place_after_a_comma_stops_before_a_festival() -> None:
    out = redact("We went to St Nicholas Church, Strood Easter trail on Saturday.")
    assert "Easter trail" in out
    assert "Nicholas" not in out


@pytest.mark.parametrize(
    "text",
    [
        'Mum told me it is her hope that Hope "knows I never stopped trying".',
        "The carer said that Hope sleeps well now.",
    ],
)
def test_a_childs_word_name_after_that_as_the_clauses_subject_is_the_child(text: str) -> None:
    out = redact_for(text, "Hope Ridley", (("Kayleigh Ridley", "mother"),), "Rhian Tyson", "R16-4")
    assert "[CHILD]" in out
    assert "her hope that" in out or "said that" in out


def test_that_hope_in_lower_case_stays_a_word() -> None:
    text = "There is still that hope of a return home."
    assert redact_for(text, "Hope Ridley", (), "Rhian Tyson", "R16-4") == text


def test_a_family_members_full_name_that_reads_as_a_street_is_that_person() -> None:
    out = redact_for(
        "Harvey sees his nan (Patricia Lane) monthly.",
        "Harvey Lane",
        (("Patricia Lane", "paternal grandmother"),),
        "Rhian Tyson",
        "R16-5",
    )
    assert "[ADDRESS]" not in out
    assert "Patricia" not in out


@pytest.mark.parametrize("kin", ["Nanna", "Granny", "Grandpa", "Nanan"])
def test_a_kin_title_before_a_short_form_that_is_a_word_makes_it_the_person(kin: str) -> None:
    out = redact_for(
        f'Harvey sees "{kin} Pat" on Sundays. {kin} Pat has him overnight.',
        "Harvey Lane",
        (("Patricia Lane", "paternal grandmother"),),
        "Rhian Tyson",
        "R16-5",
    )
    assert "Pat" not in out


def test_given_names_in_a_passage_typed_in_lower_case_are_names() -> None:
    text = (
        "my name is kieran. i live at the lodge with marcus and tia and the staff. becca is "
        "my key worker. i miss my mum she lives with her boyfreind daz."
    )
    out = redact(text)
    for name in ("tia", "becca", "daz"):
        assert name not in out.split()


def test_words_and_saints_in_a_lower_case_passage_stay() -> None:
    text = "i will hope for the best and say grace at tea. we pray to st george."
    assert redact(text) == text


def test_a_saints_school_a_child_goes_to_is_no_persons_name() -> None:
    # (round 28: "i go to st georges" names the school the child goes to, as batch AB labels it)
    out = redact("i go to st georges now. i will hope for the best and say grace at tea.")
    assert "[PERSON]" not in out
    assert "hope for the best" in out and "grace at tea" in out


def test_a_worker_line_after_a_childs_lower_case_words_is_read_as_usual() -> None:
    text = '"i dont like it when daddy shouts."\nMum said she has found some serenity now.'
    assert "found some serenity" in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Respite with a link carer (the Sadlers in Stowford) was agreed.",
        "He stays with the Jenkinses next door at weekends.",
    ],
)
def test_another_familys_surname_made_plural_after_the_is_redacted(text: str) -> None:
    out = redact(text)
    assert "Sadler" not in out and "Jenkins" not in out


@pytest.mark.parametrize(
    "text",
    [
        "She is on the council's Homes for Ukraine list.",
        "They moved to the Midlands near the Pennines.",
        "She met him at the Potteries Centre.",
    ],
)
def test_plural_places_programmes_and_words_after_the_stay(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ('Known as "Pops", online "p0ppz.xo" and more.', "p0ppz"),
        ('TikTok videos of her tagged by "selhurst.gyalz" were seen.', "selhurst"),
        ("11 members, 28/6 mikey.b02: who got her on here kels.xo: shes safe", "kels.xo"),
    ],
)
def test_handles_online_tagged_or_speaking_in_a_chat_are_usernames(text: str, handle: str) -> None:
    out = redact(text)
    assert handle not in out
    assert "[USERNAME]" in out


@pytest.mark.parametrize(
    "text",
    [
        "She was online for hours, i.e.: all night.",
        "See the attached notes.txt: nothing new.",
    ],
)
def test_online_abbreviations_and_files_before_a_colon_stay(text: str) -> None:
    assert redact(text) == text


def test_a_capital_the_inside_a_sentence_is_part_of_the_name_after_a_cue() -> None:
    out = redact("Mum is in rehab at The Priory Hayes Grove until May.")
    assert "Priory" not in out
    assert "at [ORGANISATION] until" in out


def test_the_at_a_sentences_start_is_not_taken_with_a_name() -> None:
    out = redact("The Haven Project rang. She goes to the Haven Project weekly.")
    assert out.startswith("The ")


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("School: Hollins Grange (Year 8). Attendance 91%.", "Hollins Grange"),
        ("School: Bournemouth Learning Centre (PRU) — DSL on leave.", "Bournemouth Learning"),
        ("SCHOOL: QUEENS GLEN HIGH. REFERRED TO CHILDREN'S SOCIAL CARE.", "QUEENS GLEN"),
        ("Her sister is at Queen Elizabeth Sixth Form College now.", "Sixth Form College"),
    ],
)
def test_a_school_in_a_forms_field_or_a_sixth_form_college_is_redacted_whole(
    text: str, school: str
) -> None:
    out = redact(text)
    assert school not in out
    assert "[SCHOOL]" in out


@pytest.mark.parametrize(
    "text",
    [
        "School: Home Educated since the spring.",
        "School: Virtual School Head to attend.",
        "SCHOOL: QUEENS GLEN HIGH. REFERRED TO CHILDREN'S SOCIAL CARE.",
    ],
)
def test_what_a_school_field_holds_that_is_no_name_stays(text: str) -> None:
    out = redact(text)
    assert "Home Educated" in out or "Virtual School Head" in out or "SOCIAL CARE" in out


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Seen by learning mentor Mrs Jo Fell weekly.", "Fell"),
        ("Her aunt Viv Wood has her at weekends.", "Wood"),
    ],
)
def test_short_given_names_make_an_everyday_word_after_them_a_surname(text: str, name: str) -> None:
    out = redact(text)
    assert name not in out


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Person subject of allegation\nName: Lee Sterling   Role: coach", "Lee Sterling"),
        ("Father's name: Dean Hope\nDOB: unknown", "Dean Hope"),
        ("Name: Lee Sterling   Role: coach. Mr Sterling was suspended.", "Lee"),
    ],
)
def test_a_name_in_a_forms_name_field_is_a_person_whatever_its_words(text: str, name: str) -> None:
    out = redact(text)
    assert name not in out
    assert "Role: coach" in out or "DOB" in out


@pytest.mark.parametrize(
    "text",
    ["Name: Unknown male, about 20.", "School name: see the referral."],
)
def test_a_name_field_with_no_name_stays(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Older boys chased him outside Chicken Cottage on Queensway.", "Queensway"),
        ("Support from the imam at Masjid-e-Noor on Randal Street helps.", "Randal"),
        ("Her key ran out; the Costcutter on Commercial Way was shut.", "Commercial Way"),
    ],
)
def test_a_business_named_with_the_street_it_is_on_is_one_organisation(
    text: str, gone: str
) -> None:
    out = redact(text)
    assert gone not in out
    assert "[ORGANISATION]" in out
    assert "] on [" not in out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Dad on Church Road was seen by police.", "Dad on"),
        ("Mum lives on Fairfax Road now.", "lives on"),
        ("Friday on Fairfax Road: visit done.", "Friday on"),
    ],
)
def test_a_relative_a_verb_or_a_day_before_on_a_street_stays(text: str, kept: str) -> None:
    assert kept in redact(text)


@pytest.mark.parametrize(
    "text", ["Mum lives on Church Road now.", "He was seen on Temple Street at 2am."]
)
def test_a_street_named_after_a_place_of_worship_is_an_address(text: str) -> None:
    out = redact(text)
    assert "[ADDRESS]" in out
    assert "[ORGANISATION]" not in out


def test_a_place_of_worship_is_still_an_organisation() -> None:
    assert "[ORGANISATION]" in redact("They go to St Mary's Church on Sundays.")
