"""Round eleven: initials written with hyphens, before a surname, or opening a file note."""

from __future__ import annotations

import pytest

from moderator.anonymise.records import RawCase
from moderator.anonymise.redact import redact_case_text
from tests.helpers import redact_for


def redact(
    text: str,
    child: str = "Maddox Penhale-Rowse",
    family: tuple[tuple[str, str], ...] = (("Dul Bahadar Penhale", "father"),),
    worker: str = "Ottilie Brannagh-Vose",
) -> str:
    """The text redacted for one synthetic record."""
    return redact_for(text, child, family, worker, "R11-1")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Present: MP-R (first 20 mins), mum.", "Present: [CHILD] (first 20 mins), mum."),
        ("19:25 - Ottilie B-V: that's fine.", "19:25 - [WORKER]: that's fine."),
        ("Seen by OB-V today.", "Seen by [WORKER] today."),
    ],
)
def test_a_known_persons_initials_with_a_hyphened_surname_go_whole(
    text: str, expected: str
) -> None:
    assert redact(text) == expected


def test_initials_given_in_brackets_with_a_hyphen_recur_as_that_person() -> None:
    out = redact(
        "Present: Yarrow Tresillian-Dunn (YT-D), DS Jowan Kitto (JK).\nYT-D: threshold met."
    )
    assert "YT-D" not in out
    assert "Tresillian" not in out


def test_initials_in_brackets_after_a_professional_need_only_share_the_first_letter() -> None:
    out = redact("Present: DC Alwen Gorsuch-Baines (ADS, Constabulary).\nADS: nil on PNC.")
    assert "ADS" not in out
    assert "Constabulary" in out  # what follows the initials in the bracket stays


@pytest.mark.parametrize(
    "text", ["dad (DB Penhale) ex-Army", "signed D.B. Penhale", "signed D-B Penhale today"]
)
def test_given_names_initials_before_a_surname_are_that_person(text: str) -> None:
    out = redact(text)
    assert "[FATHER]" in out
    assert "Penhale" not in out
    assert "D" not in out.replace("[FATHER]", "")


def test_initials_opening_a_file_note_are_the_author_even_when_an_acronym() -> None:
    out = redact("[File note 16/1 OB: dad rang.]\nIT: the laptop.", worker="Imelda Treweek")
    # not this worker's initials, but someone's: they sign the entry (round twelve)
    assert out.startswith("[File note [DATE] [PROFESSIONAL]: dad rang.]")
    assert redact("File note 16/1 IT: dad rang.", worker="Imelda Treweek") == (
        "File note [DATE] [WORKER]: dad rang."
    )
    assert "the IT team" in redact("Ask the IT team.", worker="Imelda Treweek")


def test_a_verbs_s_form_at_a_sentences_start_is_no_slip_of_a_name() -> None:
    out = redact("Late x3. Says she takes her brother.", worker="Osric Pellow")
    assert "Says she takes" in out


def test_a_reports_section_numbers_are_not_dates() -> None:
    text = (
        "1. Reason for conference\n1.1 On the 2nd of March she told her teacher.\n"
        "1.2 Children's Social Care and the police met.\n6.4 Dad works nights.\n6.5 NI no. none"
    )
    out = redact(text)
    for number in ("1.1 On", "1.2 Children", "6.4 Dad", "6.5 NI"):
        assert number in out
    assert "the 2nd of March" not in out
    # a chronology's item dated by a day and month still is one
    assert redact("22.1 Robin found the door open.").startswith("[DATE] ")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Attended 4/5 days this week.", "4/5 days"),
        ("Caught the bus 8.05 to school.", "bus 8.05"),
        ("Collected at 3.45 pm.", "at 3.45"),
    ],
)
def test_fractions_of_counts_and_times_are_not_dates(text: str, kept: str) -> None:
    assert kept in redact(text)
    assert "[DATE]" in redact(text.replace(kept, "on 14/02"))


def test_words_a_scanned_page_broke_across_lines_are_found_whole() -> None:
    text = (
        "[Scanned]\n4 Tregarthen Str-\neet, Truro\nDate: 26th Feb-\nruary 2024\n"
        "DSL, Polwhele Heath Acad-\nemy\nOur client is con-\ncerned."
    )
    out = redact(text)
    assert "eet" not in out.replace("cerned", "")
    assert "ruary" not in out
    assert "emy" not in out
    assert "con-\ncerned" in out  # the rest of the note stays as written
    assert out.count("[DATE]") == 1


def test_the_records_address_broken_by_a_scan_is_still_found() -> None:
    case = RawCase.model_validate(
        {
            "case_id": "R11-2",
            "team": "Team",
            "service_area": "help_and_protection",
            "opened": "2024-01-01",
            "worker": "Ottilie Brannagh",
            "child": {"name": "Kensa Trudgeon", "address": "Wheal Garth Bungalow, Carthew"},
            "family": [],
            "text": "Re: Kensa, of Wheal Garth Bunga-\nlow, Carthew PL26 8XB",
        }
    )
    red = redact_case_text(case)
    assert "low" not in red.text.replace("Re:", "")
    assert any(case.text[s.start : s.end] == "Wheal Garth Bunga-\nlow" for s in red.spans)


def test_a_surname_that_is_a_word_in_lower_case_is_the_word_even_in_quotes() -> None:
    out = redact(
        'She said things at home are "strange". Mrs Strange agreed.', child="Kerra Strange"
    )
    assert '"strange"' in out
    assert "Mrs Strange" not in out


def test_a_phone_number_ends_at_the_line_before_a_numbered_item() -> None:
    out = redact("1. Mum (mother)  Tel: 07700 900 521\n2. Dad (father)  Tel: 07700 900 522\n")
    assert out.count("[PHONE]") == 2
    assert "\n2. " in out


@pytest.mark.parametrize(
    "text",
    [
        "OFFICER: PC 4471 JENNA CARBIS-MOYLE   DATE: today",
        "Arrested by PC 1198 Tristan Okonjo-Bale at home.",
    ],
)
def test_an_officer_after_a_collar_number_goes_with_given_name_and_surname(text: str) -> None:
    out = redact(text)
    assert "[PROFESSIONAL]" in out
    for part in ("4471", "1198", "CARBIS", "Okonjo", "JENNA", "Tristan"):
        assert part not in out
    assert "DATE:" in out or "at home" in out


@pytest.mark.parametrize(
    "date",
    [
        "18 marca 2024",
        "3 martie 2024",
        "5 de março de 2024",
        "12 kwietnia",
        "2024. március 18.",
        "7 października 2023",
        "14 січня 2024",
    ],
)
def test_a_date_with_its_month_in_another_language_is_a_date(date: str) -> None:
    assert redact(f"Letter dated {date} from the school.") == (
        "Letter dated [DATE] from the school."
    )


def test_a_foreign_months_name_that_is_an_english_word_needs_its_year() -> None:
    assert "4 mars bars" in redact("He ate 4 mars bars.")
    assert "[DATE]" in redact("Seen on 4 mars 2023 in Lyon.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Go to Mrs Pye at No. 9 Penwartha Close. Then home.", "[ADDRESS]. Then home."),
        ("Visit at No 21 Lockhart Rd. today", "[ADDRESS] today"),
        ("Location: Apt 4 Morvah Ct, 11 Alverstone Tce, Penzance", "[ADDRESS], Penzance"),
        ("Home visit, 14 Drumlane Pk, with mum", "[ADDRESS], with mum"),
        ("Flat 6 Martell Ho, 2 Marine Pde, Seaford", "[ADDRESS], Seaford"),
    ],
)
def test_addresses_with_no_and_short_street_words(text: str, expected: str) -> None:
    assert redact(text).endswith(expected)


def test_a_sentences_full_stop_after_a_street_is_not_taken_with_it() -> None:
    assert redact("She lives at 9 Penwartha Close. Mum agreed.").endswith("[ADDRESS]. Mum agreed.")
    assert "No. 5 on the list" in redact("We saw No. 5 on the list.")


@pytest.mark.parametrize(
    "text",
    [
        "come to 14 pann road 2nite",
        'mum wrote it as "12 thistle wynd livingston" on the form',
        "addr: 0/2 41 craigallian st glasgow",
    ],
)
def test_an_address_in_lower_case_with_its_house_number(text: str) -> None:
    assert "[ADDRESS]" in redact(text)


def test_a_number_that_counts_something_before_a_street_word_is_no_address() -> None:
    text = "we walked 2 miles down the road and 3 more times along the lane"
    assert redact(text) == text


def test_a_message_logs_directions_are_not_initials() -> None:
    text = "11/03 17:30 IN: ok but not at home\n11/03 17:31 OUT: call me\n12/03 08:45 IN (mum): ok"
    out = redact(text)
    assert "IN: ok" in out and "OUT: call" in out and "IN (mum)" in out
    assert redact("RT: agreed to visit. RT said fine.").count("[PROFESSIONAL]") == 2


@pytest.mark.parametrize(
    "text",
    [
        "Interpreter (Hungarian) by phone.",
        "Officer: Neighbourhood Officer  Tel 01449 557 281",
        "Role: School Nurse   Agency: East Coast Community Healthcare",
        "DVDS (Clare's Law) for mum.",
        "ETE: excluded. RAG: Green. The ELSA will see her.",
    ],
)
def test_languages_form_labels_and_practice_acronyms_are_not_names(text: str) -> None:
    out = redact(text)
    for word in ("Hungarian", "Tel", "Agency", "Clare's Law", "ETE", "RAG", "ELSA"):
        if word in text:
            assert word in out


@pytest.mark.parametrize(
    "text",
    ["I am Pr. Josue Albuquerque-Penne, lead.", "Alhaji Musa Danjuma came.", "Frau Ilse Brandt"],
)
def test_forms_of_address_in_other_languages_go_with_the_name(text: str) -> None:
    out = redact(text)
    for title in ("Pr.", "Alhaji", "Frau"):
        assert title not in out


def test_a_chat_exports_speakers_are_people() -> None:
    text = (
        "02/02/2024, 22:30 - Mum: where are you\n"
        "02/02/2024, 22:31 - Maddox 🇧🇷: at a friend's\n"
        "02/02/2024, 22:35 - Zeca: ok\n"
        "03/02/2024, 00:14 - Teodor Vasile (work phone): fine"
    )
    out = redact(text)
    assert "- Mum: where" in out
    assert "[CHILD]: at a friend's" in out  # the emoji the child signs with goes too
    assert "Zeca" not in out and "Teodor" not in out
    assert "(work phone): fine" in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("06/2016   Family move from Leeds.", "[DATE]   Family move from Leeds."),
        ("Housing  Jun-23  Moved on.", "Housing  [DATE]  Moved on."),
        ("Lived there Jan 2024-21.11.24  then left.", "Lived there [DATE]  then left."),
        ("Date of incident: Fri 16th Feb 24  Time: 20:40", "Date of incident: [DATE]  Time: 20:40"),
        ("family travelled Jan 8th-Feb 2nd) home", "family travelled [DATE]) home"),
        ("the meeting on the sixth because she", "the meeting on [DATE] because she"),
        ("follow up on Thursday the twelfth end", "follow up on [DATE] end"),
        ("Printed 20-Mar-2024 Name:", "Printed [DATE] Name:"),
    ],
)
def test_dates_in_chronologies_forms_and_words(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["on the sixth floor", "scored 3/2020 overall", "The first time."])
def test_ordinals_and_fractions_that_are_not_dates(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "with an interpreter from Tamworth Refugee Welcome; dad back.",
        "assessed by Kinship Connect Kent (assessor away).",
        '"cricket at Gorsley Court Juniors CC" every week',
        "dentist Aldbury Smile Dental. Decisions",
    ],
)
def test_practices_clubs_and_volunteer_groups_by_their_last_word(text: str) -> None:
    assert "[ORGANISATION]" in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "PPN 14/33810/21 raised.",
        "CRO 110233/09X on file.",
        "[ID] P00918452 seen.",
        "tenancy ref ML-0043-77812 - arrears",
    ],
)
def test_police_records_and_identity_numbers_by_their_shape(text: str) -> None:
    assert "[CASE-NUMBER]" in redact(text)
    assert "[PHONE]" not in redact(text)


@pytest.mark.parametrize(
    "email",
    [
        "lu.nogueira88 (at) hotmail (dot) com",
        "elvana.dervishllari (at) gmail.com",
        "albertina punto gouveia arroba sapo punto pt",
        "inese underscore oz at inbox dot lv",
        "grazyna d z at wp dot pl",
    ],
)
def test_e_mail_addresses_written_out_in_their_variants(email: str) -> None:
    assert redact(f"Her e-mail is {email}; call later.") == "Her e-mail is [EMAIL]; call later."


def test_a_town_after_out_of_is_the_town_though_a_surname() -> None:
    out = redact("She wants to move out of Penhale and live nearby.")
    assert "out of [" in out  # Penhale is no town here: the family's name
    case_out = redact("She wants to move out of Sudbury. Mr Sudbury agreed.", child="Kay Sudbury")
    assert "move out of Sudbury" in case_out
    assert "Mr Sudbury" not in case_out


def test_a_rag_rating_in_capitals_before_a_bracket_is_no_initials() -> None:
    assert "71% RED (Traveller Ed. flag)" in redact("Attendance: 71% RED (Traveller Ed. flag)")


def test_a_titled_persons_initials_in_brackets_do_not_make_them_an_organisation() -> None:
    out = redact("Present: Mr Tal Pine (TP).\nTP: no concerns.")
    assert "[PERSON]" in out and "[ORGANISATION]" not in out
    assert "TP" not in out


def test_a_given_name_a_child_says_in_lower_case_and_its_possessive() -> None:
    out = redact('she said "i like it at dianas but dad and cedric shout"')
    assert "dianas" not in out and "cedric" not in out
    assert "at [PERSON]" in out  # her home, by its possessive
    assert '"rob isnt my dad, he robs stuff"' in redact('"rob isnt my dad, he robs stuff"')


def test_the_childs_initial_standing_alone_is_the_child_to_confirm() -> None:
    out = redact('He accepts he "smacked" M. and says it is normal. Plan B. agreed. M. Smith came.')
    assert '"smacked" [CHILD] and' in out
    assert "Plan B. agreed" in out
    assert "[CHILD] Smith" not in out


def test_a_family_surname_that_is_a_village_is_the_village_after_a_place_word() -> None:
    out = redact(
        "He stays with his cousins in Mitcheldean at weekends. Mr Mitcheldean agreed.",
        family=(("Dul Bahadar Penhale", "father"), ("Kaelan Mitcheldean", "cousin")),
    )
    assert "cousins in Mitcheldean" in out
    assert "Mr Mitcheldean" not in out


def test_a_lower_case_title_and_surname_in_a_childs_own_writing() -> None:
    out = redact(
        "who i can talk to: miss tregunne (mentor), my teacher mrs okoneda-rayne. i miss my mum."
    )
    assert "tregunne" not in out and "okoneda" not in out
    assert "i miss my mum" in out


def test_a_weekday_before_a_day_and_month_with_a_dot() -> None:
    assert redact("at the site. Thurs 11.1 - School rang.") == "at the site. [DATE] - School rang."
    assert "Weds 2.5 hours" in redact("Weds 2.5 hours later.")


def test_aliases_after_a_slash_on_a_known_as_line_and_a_discord_tag() -> None:
    out = redact("Known as: Maddox / Maddy / MADZ\nOnline: discord maddz#2209. Room #1234 today.")
    assert "Maddy" not in out and "MADZ" not in out
    assert "maddz#2209" not in out and "[USERNAME]" in out
    assert "Room #1234" in out
    assert "Cases 3 / Four" in redact("Cases 3 / Four")


def test_handles_after_a_games_or_music_name_cue_and_the_sentences_stop_stays() -> None:
    out = redact("His Roblox name JoJoTreb2013. Notes. drill name ADOT41 Order.")
    assert out == "His Roblox name [USERNAME]. Notes. drill name [USERNAME] Order."


def test_towns_after_the_records_address_and_words_in_a_form_in_capitals() -> None:
    case = RawCase.model_validate(
        {
            "case_id": "R11-3",
            "team": "Team",
            "service_area": "help_and_protection",
            "opened": "2024-01-01",
            "worker": "Ottilie Brannagh",
            "child": {
                "name": "Martyn Blunt",
                "address": "14b Knutsford Walk, Latchford, Warrington",
            },
            "family": [],
            "text": (
                "Address visited: 14b Knutsford Walk, Latchford, Warrington. "
                'VICTIM STATED "HE WAS BLUNT AS EVER". MR BLUNT ARRESTED.'
            ),
        }
    )
    out = redact_case_text(case).text
    assert "[ADDRESS], Latchford, Warrington" in out  # a district and a town stay
    assert "WAS BLUNT AS EVER" in out and "MR BLUNT" not in out


def test_an_interpreting_services_bracket_names_the_language_not_a_branch() -> None:
    out = redact("Booked via Wordbridge Language Services (Arabic). Also Law Clinic (Kirklees).")
    assert "(Arabic)" in out and "Kirklees" not in out


@pytest.mark.parametrize(
    ("text", "placeholder"),
    [
        ("rugby at bedworth rfc with his mates", "[ORGANISATION]"),
        ("GP: catshill vale surgery. Next", "[GP-PRACTICE]"),
        ("i go boston pioneer youth club on fridays", "[ORGANISATION]"),
    ],
)
def test_organisations_written_all_in_lower_case(text: str, placeholder: str) -> None:
    assert placeholder in redact(text)


@pytest.mark.parametrize(
    "text", ["we went to the youth club", "my old school", "the first primary school"]
)
def test_lower_case_heads_without_a_name_stay(text: str) -> None:
    assert redact(text) == text


def test_initials_alone_are_those_of_the_person_the_note_names_in_full() -> None:
    out = redact(
        "Told DSL Tamsin Honeyfield.\n14:05 | Action | TH: phoned mum. Passed to TH. The PC came."
    )
    assert "TH" not in out and "The PC came" in out
    two = redact("Told Tamsin Honeyfield and Tobias Hartwell.\nTH: phoned mum.")
    assert "[PERSON]: phoned" not in two and "[PERSON-2]: phoned" not in two  # no one's


def test_a_known_name_no_dictionary_holds_is_the_person_after_of_and_spelt_out() -> None:
    out = redact(
        "i am the mother of ionut i o n u t zavoianu. Her haf holiday.",
        child="Ionut Zavoianu",
    )
    assert "ionut" not in out and "i o n u t" not in out and "zavoianu" not in out
    assert "We have a b c tests" in redact("We have a b c tests")


def test_a_reference_takes_its_lettered_suffix_and_the_capitals_after_its_cue() -> None:
    out = redact("Hospital no. RWW 0887213, passed on. LA ref 88231-SO. Signed.")
    assert "RWW" not in out and "-SO" not in out
    assert out.endswith("Signed.")


def test_a_name_that_is_a_word_as_the_subject_after_that_is_the_person() -> None:
    out = redact("We agreed that Gift will attend. The gift was nice.", child="Gift Chisanga")
    assert "that [CHILD] will attend" in out and "The gift was nice" in out


def test_a_village_the_larger_place_list_knows_is_no_organisation() -> None:
    assert "moved to Great Sankey with" in redact("Dad has moved to Great Sankey with his partner.")
