"""Round eight of the redactor's mechanisms (issue #14), on general cases with invented
names: people's initials, professionals by title, the family's names in other forms,
dates as people say them and references by their shape."""

from __future__ import annotations

import pytest

from tests.test_anonymise_redact import redact

_FAMILY = dict(
    child_name="Tamsin Quarrendell",
    family=[{"name": "Orla Quarrendell", "relationship": "mother"}],
)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Orla said they moved to Fenwick in 2018 from the coast.", "2018"),
        ("School history: 2015-16 Larchfield Infants, then home.", "2015-16"),
        ("Orla left her job in the summer of 2022 with Tamsin unwell.", "the summer of 2022"),
        ("Next review summer term 2026. Tamsin to attend.", "summer term 2026"),
        ("autumn half-term 2022  Tamsin stayed with Orla.", "autumn half-term 2022"),
        ("Review the plan Nov half term 2024 with Orla.", "Nov half term 2024"),
        ("Review w/c 14th. Tamsin to be seen.", "w/c 14th"),
        ("EWO note w/e 16/3 Tamsin absent two days.", "w/e 16/3"),
        ("Texts 07/03-08/03 between Orla and Tamsin.", "07/03-08/03"),
        ("Orla was hit on Easter Monday in front of Tamsin.", "Easter Monday"),
        ("SHE ATTENDED THE GROUP ON SATURDAY 9TH WITH TAMSIN.", "SATURDAY 9TH"),
        ("Dated: the twelfth of June 2024. Signed by Orla.", "the twelfth of June 2024"),
    ],
)
def test_dates_said_in_words_and_short_forms_are_redacted(text: str, date: str) -> None:
    out = redact(text, **_FAMILY)
    assert date not in out
    assert "[DATE]" in out


@pytest.mark.parametrize(
    "text",
    [
        "The order was made under the Children Act 1989 and Orla agreed.",
        "Tamsin has been unsettled since half term and since Easter.",
        "Orla pays £2000 a year and scored 1995 points.",
        "Tamsin walks 2019.5 metres a day.",
    ],
)
def test_numbers_and_loose_seasons_that_are_no_dates_stay(text: str) -> None:
    out = redact(text, **_FAMILY)
    assert "[DATE]" not in out


@pytest.mark.parametrize(
    ("text", "number", "placeholder"),
    [
        ("Person on probation: Orla. PNC 12/0345678Q on file.", "12/0345678Q", "[CASE-NUMBER]"),
        ("Orla's PNC: 1988/0012345T was checked.", "1988/0012345T", "[CASE-NUMBER]"),
        ("Letters to Orla via prison number B1234XY at present.", "B1234XY", "[CASE-NUMBER]"),
        ("LOG SERIAL: AB2023110400217 ORLA REPORTED IT.", "AB2023110400217", "[CASE-NUMBER]"),
        ("Police occ 31/44129/23 about Orla.", "31/44129/23", "[CASE-NUMBER]"),
        ("Interpreter booked (job QLS 44172) for Orla.", "QLS 44172", "[CASE-NUMBER]"),
        ("Court No. 23/018822 heard Orla's case.", "23/018822", "[CASE-NUMBER]"),
        ("Uncle drives a taxi, plate KD 3390, for Orla.", "KD 3390", "[CASE-NUMBER]"),
        ("Orla drove off in a blue Ford, AIZ 5521, last night.", "AIZ 5521", "[VEHICLE-REG]"),
        ("Car outside 34-RT-19 (Portuguese plate) was Orla's.", "34-RT-19", "[VEHICLE-REG]"),
        ("Tamsin's UPN K 881 2044 90321 was given.", "K 881 2044 90321", "[UPN]"),
        ("Tamsin SCN: 204 118 337 on the roll.", "204 118 337", "[UPN]"),
    ],
)
def test_references_by_their_shape_or_the_word_before(
    text: str, number: str, placeholder: str
) -> None:
    out = redact(text, **_FAMILY)
    assert number not in out
    assert placeholder in out


def test_short_numbers_after_a_cue_word_stay() -> None:
    out = redact("Orla is no. 2 on the list; job 45 done; reg 12 class.", **_FAMILY)
    assert "[CASE-NUMBER]" not in out


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        (
            "Present: Orla (mum), PTMcK (Head of Year, Larchfield Academy)\n"
            "Actions: PTMcK - mentoring for Tamsin.",
            "PTMcK",
        ),
        ("Present: DO'B (Traveller Education), Orla (mum)\nDO'B: offered tuition.", "DO'B"),
        ("Student: WQ\nWQ weighed Tamsin with Orla present.", "WQ"),
        ("Case officer: VN (Vesna Nordqvist, police)\nVN: Tamsin spoke openly.", "VN"),
        ("Panel members: TK (SW), RX (health)\nRX to refer Tamsin.", "RX"),
        ("Orla said she was frightened for Tamsin. R.Y.\nFollow-up: none.", "R.Y."),
        ("Contact Orla on her mobile about Tamsin.\nQ-E D", "Q-E D"),
    ],
)
def test_initials_of_people_in_minutes_and_logs_are_redacted(text: str, initials: str) -> None:
    out = redact(text, **_FAMILY)
    assert initials not in out


def test_initials_opening_an_attendance_item_go_with_the_name_they_stand_for() -> None:
    text = (
        "Attendance (initials as used below):\n"
        "  ZA chair | HW DSL Hesper Wollaton, Larchfield Academy | Orla mother\n"
        "School (HW): Tamsin reads well."
    )
    out = redact(text, **_FAMILY)
    assert "HW" not in out and "Hesper" not in out and "Wollaton" not in out


def test_initials_with_an_accent_are_the_family_members_they_fold_to() -> None:
    out = redact(
        "Attended: TŠ (mum), KV (SW)\nTŠ says Pavla sleeps badly.",
        child_name="Pavla Šmídová",
        family=[{"name": "Tereza Šmídová", "relationship": "mother"}],
    )
    assert "TŠ" not in out and "[MOTHER]" in out


def test_dotted_initials_before_a_known_given_name_are_that_person() -> None:
    out = redact(
        "Children: T.Q. (Tamsin, 9), P.Q. (Idris, 12) are both at the refuge.",
        child_name="Tamsin Quarrendell",
        family=[{"name": "Idris Quarrendell", "relationship": "brother"}],
    )
    assert "P.Q." not in out


def test_a_known_childs_initials_in_brackets_after_the_full_name_are_the_child() -> None:
    out = redact(
        "child Tamsin-Rose Quarrendell (TJ), DOB 1.2.2015 | TJ attends Fridays |",
        child_name="Tamsin-Rose Quarrendell",
    )
    assert "TJ" not in out


@pytest.mark.parametrize(
    "text",
    [
        "IRD (Inter-agency Referral Discussion) held with Orla about Tamsin.",
        "Orla gave consent for Tamsin. OK\n",
        "Present: DSL (Larchfield Academy), Orla (mum)",
    ],
)
def test_acronyms_words_and_ranks_are_no_ones_initials(text: str) -> None:
    out = redact(text, **_FAMILY)
    for word in ("IRD", "OK", "DSL"):
        if word in text:
            assert word in out


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Church: Pastor Ľubo Halčák willing to support Orla.", "Ľubo Halčák"),
        ("Safeguarding: Named Nurse Ailsa Cornforth-Ware bleeped about Tamsin.", "Cornforth-Ware"),
        ("Named Person: Ruairidh Mac a' Ghobhainn, DHT at the school.", "Ghobhainn"),
        ("Crew: Paramedic T. Wolstenholme / tech Ianto Brace. Orla present.", "Wolstenholme"),
        ("Logged by: F. Oyelaran-Pike\nTamsin arrived late.", "Oyelaran-Pike"),
        ("OIC: CONST D. QUAYNOR 2284 SPOKE TO ORLA.", "QUAYNOR"),
        ("Tamsin rows Saturdays | coach Wendeline Ashby-Strode |", "Ashby-Strode"),
    ],
)
def test_a_name_after_a_professionals_title_is_redacted(text: str, name: str) -> None:
    out = redact(text, **_FAMILY)
    assert name not in out
    assert "[PROFESSIONAL]" in out


def test_the_title_stays_when_an_earlier_layer_took_part_of_it() -> None:
    out = redact("Safeguarding: Named Nurse Morwenna Pellow-Birch bleeped.", **_FAMILY)
    assert "Named Nurse" in out and "Pellow-Birch" not in out


@pytest.mark.parametrize(
    "text",
    [
        "The Named Nurse Service was told about Tamsin.",
        "Orla's coach Red Team plays on Sundays.",
    ],
)
def test_words_after_a_title_are_no_name(text: str) -> None:
    assert "[PROFESSIONAL]" not in redact(text, **_FAMILY)


def test_an_initial_before_the_workers_surname_goes_with_it() -> None:
    out = redact("Signed Ó. Pettigrove  Dated 19/02/2024", worker="Órla Pettigrove")
    assert "Ó." not in out and "[WORKER]" in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ('Tamsin said "daddy kx hit mum" and later "kx again".', "kx"),
        ('Tamsin: "papa tj pushed mama into the door".', "papa tj"),
        ('Tamsin wrote: "i want to see mai orla more".', "mai orla"),
    ],
)
def test_a_kinship_word_before_a_lower_case_name_is_a_person(text: str, gone: str) -> None:
    out = redact(text, **_FAMILY)
    assert gone not in out


@pytest.mark.parametrize(
    "text",
    [
        'Tamsin said "mama doesnt believe me".',
        'Text from Tamsin: "daddy pls come" and "abbu loves you".',
    ],
)
def test_a_kinship_word_before_an_everyday_word_stays(text: str) -> None:
    out = redact(text, **_FAMILY)
    for word in ("doesnt", "pls", "loves"):
        if word in text:
            assert word in out


def test_a_surname_in_capitals_before_the_given_names_is_the_records_person() -> None:
    out = redact(
        "Patient: QUARRENDELL, Wai Ling Tamsin   CHI: 2303195237",
        child_name="Tamsin Quarrendell",
    )
    assert "Wai Ling" not in out and out.startswith("Patient: [CHILD]")


def test_a_surname_in_capitals_after_a_label_is_a_person_when_unknown() -> None:
    out = redact("Person on probation: OKONKWO-BELL, Chidubem Arthur   CRN X449172", **_FAMILY)
    assert "Chidubem" not in out and "OKONKWO-BELL" not in out


def test_a_place_in_capitals_before_a_county_stays() -> None:
    out = redact("Moved to HALIFAX, West Yorkshire with Orla.", **_FAMILY)
    assert "HALIFAX, West Yorkshire" in out


def test_a_known_given_name_takes_a_surname_the_record_does_not_hold() -> None:
    out = redact("Mum Orla (Orla Ní Bhraonáin on her visa) works nights.", **_FAMILY)
    assert "Bhraonáin" not in out


def test_a_known_given_name_before_an_everyday_word_or_place_keeps_it() -> None:
    out = redact("Orla Said no. Tamsin London trip was cancelled.", **_FAMILY)
    assert "Said" in out and "London" in out


def test_a_short_form_before_the_full_name_in_brackets_is_that_person() -> None:
    out = redact("pres: Orla (m), Tam (Tamsin) - Tam on roll at school. Tam said hello.", **_FAMILY)
    assert "Tam " not in out and "Tam)" not in out


def test_a_lower_case_name_after_a_friends_word_is_a_person() -> None:
    out = redact('Tamsin: "my friend zuvarashe from church knows". Orla met zuvarashe.', **_FAMILY)
    assert "zuvarashe" not in out


def test_a_word_after_a_friends_word_stays() -> None:
    out = redact('Tamsin: "my friend from school said so".', **_FAMILY)
    assert "from school said" in out
