"""Issue #14, rounds fifty-six on (session 53): invented notes for surnames written in lower
case after a given name, as children and chats write them."""

from __future__ import annotations

from tests.helpers import redact_for

FAMILY = (("Ruth Okafor", "mother"), ("Dayo Okafor", "brother"))


def test_a_surname_in_lower_case_after_a_given_name_goes_with_it() -> None:
    text = (
        "Kyle: whose that\nMia: zara kowalski from year 11. hes mate is callum fairclough\n"
        "Mia: i saw zara kowalski at the park"
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "kowalski" not in out and "fairclough" not in out, out


def test_a_word_after_a_lower_case_name_stays() -> None:
    # "hart" is a surname and a word, "said" and "from" are words: a child's sentence goes on
    text = "Mia: i saw kelsey hart at the park. zara said she went from there with jade"
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "hart at the park" in out and "said she went from" in out, out


def test_a_given_name_and_surname_read_apart_become_one_person() -> None:
    text = "Tianna: i went round to see becca oconnor after school. becca oconnor is my mate"
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "oconnor" not in out and "becca" not in out, out
    assert "[PERSON] after school" in out and "[PERSON] is my mate" in out, out


def test_a_business_noun_opening_a_sentence_is_no_business() -> None:
    text = (
        "Mum met him there.\nThe pub is the Red Lion. The chippy was shut. Zorbas chippy was open."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "The pub is" in out and "The chippy was shut" in out, out
    assert "Zorbas" not in out, out


def test_a_town_in_capitals_after_a_name_in_capitals_is_the_names() -> None:
    text = (
        "SCHOOL BELIEVED TO BE MEADOWCROFT ACADEMY WELLINGBOROUGH.\n"
        "REFERRAL TO IDVA SERVICE (BLUEBELL CENTRE NORTHAMPTON).\n"
        "FAMILY ATTEND GREENFIELD ACADEMY IN DERBY."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "WELLINGBOROUGH" not in out and "NORTHAMPTON" not in out, out
    assert "MEADOWCROFT" not in out and "BLUEBELL" not in out, out
    assert "IN DERBY" in out, out  # a town after a preposition is a place, not the name


def test_a_local_branch_or_office_after_a_comma_goes_with_the_name() -> None:
    text = (
        "Referral to Halden Refugee Project, Slough branch. Mum used Tenant Voice Network, "
        "Bracknell office. Letter from Probation Service, Stroud office. Letter from Kent "
        "County Council, Broadstairs office."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Slough branch" not in out and "Bracknell office" not in out, out
    assert "Tenant Voice" not in out, out
    # a public service's office is anyone's to name
    assert "Probation Service, Stroud office" in out, out
    assert "Kent County Council, Broadstairs office" in out, out


def test_a_pitch_or_room_after_a_place_someone_lives_goes_with_it() -> None:
    text = (
        "Address: Shepherds Croft Caravan Park, Pitch 11. Placed at Addington Lodge, Room 4 "
        "on Monday. Conference venue: Malvern Family Hub, Room 2."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Pitch 11" not in out and "Room 4" not in out, out
    assert "Room 2" in out, out  # a meeting's room is no one's home


def test_a_building_numbered_in_words_is_an_address() -> None:
    text = "Venue: One Kestrel Square. Her office is at Two Angel Square. It was a one way street."
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Kestrel" not in out and "Angel" not in out, out
    assert "[PERSON]" not in out and "one way street" in out, out


def test_a_home_named_by_one_word_goes_wherever_it_is_named() -> None:
    text = (
        "09/10 First night missing from Brackenholt. Found by police 02:00.\n"
        "Christmas Day spent at Brackenholt. Later placed at Wrenfold House.\n"
        "Thursday: back at Quillbeck at 04:30. Tamsworth manager rang about him."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Brackenholt" not in out and "Quillbeck" not in out, out
    assert "Tamsworth" not in out and "Wrenfold House" not in out, out


def test_a_festival_or_a_longer_names_end_after_a_homes_cue_stays() -> None:
    text = (
        "He is coming back at Easter. The Community Hub manager rang. Staff at Tesco saw "
        "him. Placed at Wrenfold House."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "back at Easter" in out and "Community Hub manager" in out, out
    assert "Staff at Tesco" in out, out


def test_a_workers_initials_that_are_an_acronym_go_where_a_person_stands() -> None:
    text = (
        "SNAPCHAT MESSAGES - typed up by HB from photos mum took.\n"
        "Skye to be seen at school by HB today.\n"
        "- HB to chase the landlord.\n"
        "Front Door screening - HB, 17/03/2025\n"
        "Mum gets HB and UC. Rent is paid by HB."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Hannah Bell")
    assert "typed up by [WORKER]" in out and "by [WORKER] today" in out, out
    assert "- [WORKER] to chase" in out and "screening - [WORKER]," in out, out
    # Housing Benefit stays where the letters name it
    assert "Mum gets HB and UC" in out and "paid by HB." in out, out


def test_a_roles_letters_owning_an_action_stay() -> None:
    text = "Recommendations:\n1. SW to send letter to the school.\n- SW to visit Friday."
    out = redact_for(text, "Bisi Okafor", (("Sara Walsh", "aunt"),), "Hannah Bell")
    assert "SW to send letter" in out and "SW to visit" in out, out


def test_a_block_of_flats_named_court_after_a_word_of_place_is_an_address() -> None:
    text = (
        "I will drop her to Dallow Court as usual. Slept in a stairwell at Hanover Court. "
        "Order made at the Family Court in Luton. Hearing at Luton Crown Court."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Dallow" not in out and "Hanover" not in out, out
    assert "the Family Court in Luton" in out and "Luton Crown Court" in out, out


def test_a_saints_street_and_a_flats_named_block_are_addresses() -> None:
    text = (
        "Come into the office on St Peter's Hill. He lives on St John's Road now.\n"
        "Police found him at the flat, Flat 18, Harrington Lofts. He goes to St Luke's "
        "Blakenhall."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Peter" not in out and "John" not in out and "Harrington" not in out, out
    assert "[PERSON]" not in out and "[SCHOOL]" in out and "[SCHOOL-2]" not in out, out


def test_a_road_named_in_lower_case_with_rd_needs_no_word_of_place() -> None:
    text = "Kev: come wexcombe rd tmrw 4. the one in cippenham or tarrant rd. the main rd was shut"
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "wexcombe" not in out and "tarrant" not in out, out
    assert "the main rd was shut" in out, out


def test_a_sentences_verb_before_the_name_of_a_place_stays() -> None:
    text = "She is fine. Uses the Kingsway Pantry on Fridays. Family attend Christ the King Church."
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Uses the [ORGANISATION] on Fridays" in out, out
    assert "Christ" not in out, out


def test_a_record_childs_name_that_is_a_word_speaking_in_a_chat_is_the_child() -> None:
    text = (
        "Over the summer holidays she was fine.\n"
        "Jase: u still at ur nans\nsummer: ye shes doin my hair\nJase: dont ignore me\n"
        "Unknown 07934 662 071: is this summer that knows jase\nsummer: who is this"
    )
    out = redact_for(text, "Summer Wragg", (("Joanne Wragg", "mother"),), "Sam Lee")
    assert "[CHILD]: ye shes" in out and "is this [CHILD] that" in out, out
    assert "Over the summer holidays" in out, out


def test_a_childs_name_that_is_a_counted_thing_opening_a_sentence_is_the_child() -> None:
    text = "Case discussion\nTG summarised: Ruby on a Child Protection plan since May."
    out = redact_for(text, "Ruby Thorpe", (("Joanne Thorpe", "mother"),), "Sam Lee")
    assert "Ruby" not in out, out
    out = redact_for(
        "Joy at the news was plain.", "Ruby Thorpe", (("Joy Thorpe", "mother"),), "Sam Lee"
    )
    assert "Joy at the news" in out, out


def test_ukrainian_and_russian_short_forms_of_the_records_names() -> None:
    text = "Daria (she likes Dasha) came to school today. Dasha was not hurt. Pasha rang."
    family = (("Olena Bondarenko", "mother"), ("Pavlo Bondarenko", "father"))
    out = redact_for(text, "Daria Bondarenko", family, "Sam Lee")
    assert "Dasha" not in out and "Pasha" not in out, out


def test_a_courts_spaced_initials_of_the_records_children() -> None:
    text = (
        "IN THE FAMILY COURT AT PETERBOROUGH\nRe: P L (a girl, born 08.03.2021) and M L\n"
        "STATEMENT OF SOCIAL WORKER. Plan A B was agreed."
    )
    family = (("Chloe Lane", "mother"), ("Mason Lane", "brother"))
    out = redact_for(text, "Poppy Lane", family, "Sam Lee")
    assert "Re: [CHILD] (a girl" in out and "and [SIBLING]" in out, out
    assert "Plan A B was agreed" in out, out
    out = redact_for("hi its dez im writing this", "Destiny Clarke", FAMILY, "Sam Lee")
    assert "dez" not in out, out


def test_a_firms_own_word_before_a_town_is_a_local_firm() -> None:
    text = (
        "She has a package of care through Carewatch Rotherham. Owed back pay from agency "
        "(StaffLink Wisbech). Referred to Wellbeing Norfolk. He is at HMYOI Werrington."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Carewatch" not in out and "StaffLink" not in out, out
    assert "Wellbeing Norfolk" in out and "HMYOI Werrington" in out, out
