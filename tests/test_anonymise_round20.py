"""Round twenty: more of what batch AI showed, and what batch AL shows (issue #14)."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for
from tests.helpers import survives as left


def redact(
    text: str,
    child: str = "Tamsin Orrell-Quaye",
    family: tuple[tuple[str, str], ...] = (("Gwenllian Orrell", "mother"),),
    worker: str = "Barnaby Trelissick",
) -> str:
    """The text redacted for one synthetic record."""
    return redact_for(text, child, family, worker, "R20-1")


def test_initials_before_the_name_in_a_present_line_are_that_persons_everywhere() -> None:
    out = redact(
        "Present: TA Tom Ashdown (SW, chair) | CB Claire Bowen (TM)\n\n"
        'Granny said "never." TA acknowledged it. Actions: SR and TA to meet school.'
    )
    assert not left(out, "TA")


@pytest.mark.parametrize(
    "text",
    [
        "Signs of Safety scaling: mum 4/10, dad 5/10, school 7/10.",
        "She rated her mood 3/10 today and her worry 8/10.",
    ],
)
def test_a_score_out_of_ten_on_a_scaling_line_is_no_date(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Seen at home on 4/10 with mum.",
        "Plan: GP for low mood; refer to Early Help - Louise Ord allocated 10/10; review.",
    ],
)
def test_a_day_and_month_elsewhere_is_still_a_date(text: str) -> None:
    assert "[DATE]" in redact(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hi Lee,\n\nThanks for this. I have spoken to the landlord.", "Lee"),
        ("Dear Sandra\n\nPlease see the minutes attached.", "Sandra"),
        ("I will call on Monday.\n\nThanks, Mark\nTeam Manager", "Mark"),
        ("Speak on Friday.\nKind regards, Grace", "Grace"),
    ],
)
def test_a_given_name_after_a_greeting_or_a_sign_off(text: str, name: str) -> None:
    assert not left(redact(text), name)


@pytest.mark.parametrize(
    "text", ["Dear Sir,\nPlease reply.", "Hi all,\nMinutes attached.", "Thanks, All the best"]
)
def test_a_greeting_to_no_one_in_particular_stays(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("BAILED TO 17 MARSH STREET, DARLASTON.", "MARSH STREET"),
        ("LIVES AT 3 JUNIPER CLOSE WITH MOTHER.", "JUNIPER CLOSE"),
        ("ADDRESS: 5 MAYFIELD ROAD, LEEDS.", "MAYFIELD ROAD"),
        ("ATTENDED 12 DECKER ROAD AT 02:00.", "DECKER ROAD"),
    ],
)
def test_a_street_in_capitals_that_starts_with_a_months_letters_is_no_date(
    text: str, street: str
) -> None:
    out = redact(text)
    assert "[ADDRESS]" in out and "[DATE]" not in out and street[3:] not in out


def test_a_date_with_its_month_in_capitals_is_still_a_date() -> None:
    out = redact("SEEN 4 MAR 2024 AND AGAIN ON 17 MARCH.")
    assert out == "SEEN [DATE] AND AGAIN ON [DATE]."


@pytest.mark.parametrize(
    "text",
    [
        "OFFICER: DC 4410 TARA J BRADWELL   SUPERVISOR: DS 2217 OLU ADEWALE",
        "Seen at the station by Tara J. Bradwell on the night.",
    ],
)
def test_a_name_with_a_middle_initial_is_redacted_whole(text: str) -> None:
    out = redact(text)
    assert "BRADWELL" not in out.upper() and not left(out, "J")


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("REPORTING OFFICER: PC 2317 ANDREW PAGE, NORTH EAST TEAM.", "PAGE"),
        ("SUPERVISOR: SGT 1144 R KHALIQ RECEIVED BY HUB", "KHALIQ"),
        ("Reporting officer: PC 2317 Andrew Page. Seen at home.", "Page"),
    ],
)
def test_an_officer_by_rank_and_collar_number_is_redacted_whole(text: str, gone: str) -> None:
    out = redact(text)
    assert not left(out, gone) and "[PROFESSIONAL]" in out


def test_an_officers_name_stops_at_the_next_field() -> None:
    out = redact("OFFICER: DC 4410 TARA J BRADWELL   SUPERVISOR: DS 2217 OLU ADEWALE")
    assert "SUPERVISOR:" in out and "OFFICER:" in out


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("i go to park lane college for english and maths.", "park lane college"),
        ("i want to do boxing proper at west end boxing club with my coach.", "west end boxing"),
    ],
)
def test_a_school_or_club_named_by_two_lower_case_words(text: str, name: str) -> None:
    assert name not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "i go to the sixth form college on mondays.",
        "the after school club is fun on fridays.",
        "my old primary was better than this one.",
    ],
)
def test_a_kind_of_school_in_lower_case_stays(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    "name",
    ["Durham Ukrainian Hub", "Rotherham Refugee Therapy Project", "Normanton Roma Support"],
)
def test_a_communitys_or_causes_group_named_by_its_town_is_an_organisation(name: str) -> None:
    out = redact(f"The family was referred to the {name} last week.")
    assert name not in out and "[ORGANISATION]" in out


@pytest.mark.parametrize("name", ["Hanley Family Hub", "Leeds Youth Offending Team"])
def test_a_public_service_named_by_its_town_stays(name: str) -> None:
    assert name in redact(f"The family was referred to the {name} last week.")


@pytest.mark.parametrize("name", ["Sheffield Furniture Bank", "Leeds Baby Bank"])
def test_a_charitys_bank_of_goods_is_an_organisation(name: str) -> None:
    out = redact(f"New beds came from {name} on Friday.")
    assert name not in out and "[ORGANISATION]" in out


def test_initials_signing_a_log_entry_at_a_lines_end_are_the_carers() -> None:
    out = redact(
        "Carers: Marcia Whyte and Desmond Whyte.\n"
        "Mon - He punched the wall at school. Emailed school to check. MW\n\n"
        "Tues - School confirmed it. MW"
    )
    assert not left(out, "MW")


def test_a_verb_opening_a_log_entry_before_school_is_no_school_name() -> None:
    out = redact("Mon - Emailed school (Head of Year) to check on him.")
    assert "Emailed school" in out


def test_a_short_form_of_a_name_the_note_gives_in_a_childs_lower_case_words() -> None:
    out = redact(
        "Dear judge, i live with my foster carers pam and trev since last august. "
        "trev says theres room.\n\nThe children are placed with Pam and Trevor Kitching."
    )
    assert not left(out, "trev") and not left(out, "pam")


@pytest.mark.parametrize(
    "text",
    [
        "Robin Hale visited. She told me a robin comes to the garden every morning.",
        "Mum Serenity said she has found some serenity since the new plan.",
    ],
)
def test_a_names_word_in_ordinary_prose_stays(text: str) -> None:
    out = redact(text)
    assert ("a robin comes" in out) or ("some serenity" in out)


def test_a_chat_display_names_emoji_go_with_it() -> None:
    out = redact(
        "[21:03] Deano 🚗: just say ur at hers lol\n[21:04] Tamsin: ok\n"
        "[21:05] Deano 🚗: dont be boring"
    )
    assert "🚗" not in out and "Deano" not in out


def test_a_couple_is_one_redaction_though_a_given_name_is_unlisted() -> None:
    out = redact("The children are placed with Pam and Trevor Kitching in Hartlepool.")
    assert " and " not in out.split("placed with")[1].split(" in ")[0]


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("They live in the flat above Hamdi Money Transfer on the high street.", "Hamdi"),
        ("LOCATED AT SAVILE TOWN SERVICE STATION, ARRESTED FOR ASSAULT.", "SAVILE"),
        ("A grant for uniform from Kirby's School Wear was agreed.", "Wear"),
        ("New beds came from the Leeds Furniture Bank.", "Leeds Furniture"),
    ],
)
def test_small_businesses_by_their_trade(text: str, gone: str) -> None:
    assert gone not in redact(text)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Rojin came in on Friday (7th) without a coat.", "(7th)"),
        ("A neighbour's (Mrs Ainsworth, number 14) heard shouting.", "number 14"),
        ("Previous: host home, Hollin Garth, 27 Front Street, Lanchester.", "Hollin Garth"),
    ],
)
def test_a_days_date_in_brackets_a_neighbours_number_and_a_house_name(text: str, gone: str) -> None:
    assert gone not in redact(text)


def test_a_route_number_in_brackets_is_no_house() -> None:
    assert "number 14" in redact("Take the bus (route 5, number 14) to town.")


@pytest.mark.parametrize(
    "address",
    [
        "12 Nagy utca",
        "Strada Florilor 14",
        "Str. Mihai Viteazu nr. 7",
        "Calle Mayor 3",
        "8 rue de la Paix",
        "Gedimino g. 7",
        "Atatürk Caddesi No: 15",
        "Brīvības iela 40",
        "Hauptstraße 5",
    ],
)
def test_a_street_address_abroad_in_its_countrys_grammar(address: str) -> None:
    out = redact(f"Her grandmother's last known address is {address}, abroad.")
    assert address not in out and "[ADDRESS]" in out


@pytest.mark.parametrize(
    "text",
    ["They walked part of the Via Francigena last summer.", "She likes the Rue and Avenue names."],
)
def test_a_foreign_street_word_without_a_house_number_stays(text: str) -> None:
    assert redact(text) == text


def test_two_people_who_share_a_surname_get_two_placeholders() -> None:
    out = redact("Carers: Marcia Whyte and Desmond Whyte, 3 Shroggs View. Marcia rang.")
    assert "[PERSON] and [PERSON-2]" in out and "Whyte" not in out
