"""Round six of the redactor's mechanisms for people (issue #14), on general cases with
invented names: the record's own people in every form, and professionals with their titles
and initials."""

from __future__ import annotations

import pytest

from moderator.anonymise.redact import redact_case_text
from tests.test_anonymise_redact import make_case, redact

_FAMILY = dict(
    child_name="Quillon Marrowby-Tesk",
    family=[
        {"name": "Ostrava Marrowby", "relationship": "mother"},
        {"name": "Jandrel Tesk", "relationship": "father"},
        {"name": "Oluwabukunmi Tesk", "relationship": "sister"},
        {"name": "Pelham Drusk", "relationship": "grandfather"},
    ],
)


def test_a_possessive_goes_with_the_name_and_reads_the_same() -> None:
    case = make_case("Quillon's school rang. Mrs Hattersby-Lune's note came.", **_FAMILY)
    r = redact_case_text(case)
    assert r.text.startswith("[CHILD]'s school rang.")
    covered = {case.text[s.start : s.end] for s in r.spans}
    assert "Quillon's" in covered  # the whole word is redacted, its grammar kept


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Food parcels from Fr. Anselm Whitgreave.", "Fr."),
        ("Checked the ports alert with Det. Sgt Harrowfield.", "Det."),
        ("Father Cathal Brennigan visited the site.", "Father"),
        ("Dental referral by Sister Morwenna Trelask.", "Sister"),
        ("Pastor Kwabla Anterkyi knows the family.", "Pastor"),
    ],
)
def test_a_title_of_faith_or_rank_goes_with_the_name(text: str, gone: str) -> None:
    out = redact(text, **_FAMILY)
    assert gone not in out and "[PROFESSIONAL]" in out


def test_a_relation_written_as_a_title_stays_beside_the_family_name() -> None:
    assert redact("Sister Oluwabukunmi came too.", **_FAMILY) == "Sister [SIBLING] came too."


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # initials in brackets after a name are that person's wherever they recur
        (
            "Present: Verity Halloran (VH, IDVA), Ms Brackley-Ormond (BO, DSL). "
            "Disclosed to VH on Monday. BO: attendance fell.",
            ["VH", "BO"],
        ),
        ("Present: DI Wethercote (DIW, police chair). Actions: DIW to check.", ["DIW"]),
    ],
)
def test_initials_given_after_a_name_are_that_persons(text: str, gone: list[str]) -> None:
    out = redact(text, **_FAMILY)
    for initials in gone:
        assert initials not in out


def test_a_role_in_brackets_after_a_name_is_no_initials() -> None:
    out = redact("Present: Verity Halloran (SW), Tobin Askew (TM).", **_FAMILY)
    assert "(SW)" in out and "(TM)" in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Quillon M-T moved school.", "M-T"),  # a hyphenated surname's initials
        ("LAC REVIEW - Q M-T - 27/02", "Q M-T"),  # the child's initials with a hyphen
        ("Mum Ostrava M. attended.", "M."),  # an initial's full stop goes with it
        ("QMTs football on Tuesdays.", "QMTs"),  # initials with a possessive s
    ],
)
def test_initials_of_a_known_person_in_other_layouts(text: str, gone: str) -> None:
    assert gone not in redact(text, **_FAMILY)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Quillys football kit was missing.", "Quillys"),  # a pet form's possessive, no '
        ("Jannys van was seen at the site.", "Jannys"),  # a doubled consonant: Janny, Jandrel
        ("Bukkys school called.", "Bukkys"),  # a Yoruba name used without its first part
    ],
)
def test_pet_forms_and_possessives_without_an_apostrophe(text: str, gone: str) -> None:
    assert gone not in redact(text, **_FAMILY)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # a possessive without its apostrophe, in a child's lower case, of a name the note gave
        ('Jandrel (Drel, 40) left. Quillon said "drels phone is broken".', "drels"),
        # a pet form of an alias the note gave in brackets
        ('Ostrava (Ossy) came. Quillon said "i miss ossyie".', "ossyie"),
        # the record's surname, possessive, no apostrophe
        ("Marrowbys flat was cold.", "Marrowbys"),
    ],
)
def test_other_forms_of_a_name_the_note_gave(text: str, gone: str) -> None:
    assert gone not in redact(text, **_FAMILY)


def test_a_form_that_is_a_word_after_a_determiner_stays_the_word() -> None:
    family = dict(child_name="Ember Ravensholt", family=[])
    out = redact("Ember sat by the fire. Only the embers were left.", **family)
    assert "the embers were left" in out
    out = redact("Ember was quiet. Her worker says embers mood lifts there.", **family)
    assert "embers" not in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # kinship said after the name, in South Asian languages
        ('Mum (Ostrava, "Ostrava apa" to her sister) came.', "apa"),
        ('Quillon said "pelham papa is kind".', "papa"),
        # Vietnamese and Cantonese kinship and familiar forms before the name
        ("anh quillon oi, come home", "anh"),
        ('Known as "Ah Quillon" at home.', "Ah "),
    ],
)
def test_kinship_words_of_more_languages_go_with_the_name(text: str, expected: str) -> None:
    assert expected not in redact(text, **_FAMILY)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # given names the record lacks, written before its surname, and their later mentions
        ("IN THE MATTER OF ZEBEDIAH ORRIN MARROWBY-TESK. Zebediah is 9.", "Zebediah"),
        ("Quillon (on roll as Quinlan Marrowby-Tesk) is in Year 5.", "Quinlan"),
    ],
)
def test_given_names_before_the_records_surname_are_the_persons(text: str, gone: str) -> None:
    out = redact(text, **_FAMILY)
    assert gone not in out and gone.upper() not in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # a short form in brackets that happens to be a word, and a pet form of it
        ('Quillon (Quill) is 9. Mum said "quilly is good".', ["(Quill)", "quilly"]),
        # a name in brackets after a quoted alias
        ('Known as "Quill" (Kwill) at school.', ["Kwill"]),
        # a given name the record lacks before a one-word name of the record
        ("Also written as Tesk, or Ravi Tesk. Ravi attends Year 5.", ["Ravi"]),
    ],
)
def test_aliases_written_beside_a_name(text: str, gone: list[str]) -> None:
    out = redact(text, **_FAMILY)
    for word in gone:
        assert word not in out


@pytest.mark.parametrize(
    "text",
    [
        "He robs stuff from the shop.",  # a verb after a subject, not "rob"'s possessive
        "The book is about a heron in the reeds.",  # after a determiner: the word
    ],
)
def test_forms_of_names_that_are_words_stay_where_they_are_words(text: str) -> None:
    family = dict(
        child_name="Robin Reed",
        family=[{"name": "Rob Reed", "relationship": "father"}],
    )
    assert redact(text, **family) == text


def test_a_relation_in_a_form_in_capitals_is_no_title() -> None:
    out = redact("MOTHER WORKS NIGHTS. FATHER KNOWN AS BAZ.", **_FAMILY)
    assert "MOTHER WORKS NIGHTS" in out and "FATHER" in out


_WORDY = dict(
    child_name="Garnet Ashby",
    family=[
        {"name": "Blossom Ashby", "relationship": "mother"},
        {"name": "Harbin Wensley", "relationship": "father"},
    ],
)


@pytest.mark.parametrize(
    "kept",
    [
        "march on",  # a verb and its particle in quoted words
        "a real garnet",  # after an intensifier and a determiner
        "is blossom",  # after a copula in quoted words
    ],
)
def test_a_family_name_that_is_a_word_stays_where_it_is_the_word(kept: str) -> None:
    text = f'Garnet said "we {kept} like soldiers".'
    assert kept in redact(text, **_WORDY)


def test_a_surname_that_is_a_town_stays_where_it_is_the_town() -> None:
    out = redact("Dad lived near Wensley town centre; he moved to Wensley in Derbyshire.", **_WORDY)
    assert "near Wensley town centre" in out and "to Wensley in Derbyshire" in out
    assert "[FATHER]" in redact("Mr Wensley moved to Leeds.", **_WORDY)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Found by BTP at Euston; BTP ref 2291.", "by BTP"),  # a police force, not initials
        ("Outcome: s.47 enquiry; para.12 applies.", "s.47"),  # a section of law, no username
        ("We're at ML11 0DJ. Ye can get me at the shop.", "Ye can"),  # no "DJ" title
        ("Pastor Kodwo Manteaw prays. The pastor at the church knows.", "The pastor"),
    ],
)
def test_words_that_look_like_identifiers_stay(text: str, kept: str) -> None:
    assert kept in redact(text, **_WORDY)


def test_initials_that_spell_a_word_in_a_form_in_capitals_stay_the_word() -> None:
    out = redact("AGE 15 ALSO KNOWN AS: BAZ. AS SEEN BY PC.", child_name="Amrit Sandhu-Grewal")
    assert "KNOWN AS" in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ('Seen with Tesfay "Sonny" Weldekidan near the market.', "Weldekidan"),
        ('ASSOCIATES: "JAYDEE" - JAYLEN DANQUAH-REAVES (18), DRIVES A VAN.', "JAYDEE"),
        ('He hangs around with "Big T" (Tayyib Raqib-Cole) after school.', "Big T"),
    ],
)
def test_a_quoted_nickname_is_one_redaction_with_the_name(text: str, gone: str) -> None:
    assert gone not in redact(text, **_FAMILY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person's initials in brackets are the person's, never an organisation's acronym
        # (these two cases were the organisations round's: "(JT)" kept as no organisation)
        (
            "Allocated worker Jocasta Thwaite (JT) visited.",
            "Allocated worker [PROFESSIONAL] ([PROFESSIONAL]) visited.",
        ),
        ("Chair: Mrs Yolande Ferrabee (YF)", "Chair: [PERSON] ([PERSON])"),
    ],
)
def test_a_persons_initials_in_brackets_are_the_persons(text: str, expected: str) -> None:
    assert redact(text) == expected
