"""Identifiers a layout splits and people a note names in its margins: a phone number wrapped
over two lines, a phone number a scan misread, a title glued to a spreadsheet's comma, a
record person's initials before their surname or closing the note, and a lower-case title
before a surname a spelling list also holds (``anonymise/digit_identifiers.py``,
``anonymise/ocr_numbers.py``, ``anonymise/names_joined.py``, ``anonymise/names_titled.py``,
``anonymise/initials_slots.py``, ``anonymise/layer_sounds.py``)."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for, redact_sample, survives


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("Aunt (mobile 07812\n449 306) will collect him.", ("07812", "449 306")),
        ("Contact: Dad on 01632\n960 118 after six.", ("01632", "960 118")),
        ("Tel 0161 49\n6 2273 - ask for the duty desk.", ("0161 49", "2273")),
    ],
)
def test_a_phone_number_wrapped_over_two_lines_is_taken_whole(
    text: str, pieces: tuple[str, ...]
) -> None:
    out = redact_sample(text)
    assert "[PHONE]" in out, out
    assert not any(p in out for p in pieces), out


@pytest.mark.parametrize(
    "text",
    [
        "Ring 07700 900 521\n2. Dad said he would attend.",  # a whole number, then a list's item
        "Ring 0116\n24 hours later he had not called.",  # too few digits to make one number
        "Room 0207\n12 children attended the group.",
    ],
)
def test_a_line_that_follows_a_number_is_not_joined_to_it(text: str) -> None:
    out = redact_sample(text)
    second = text.split("\n")[1].split()[0]
    assert second in out, out


def test_a_phone_number_a_scan_misread_is_taken() -> None:
    out = redact_sample("Referrer: DC 5521 Amy Threlfall   Tel: Ol13 496 O7l2\nFax follows.")
    assert "Ol13" not in out and "O7l2" not in out and "[PHONE]" in out, out


def test_a_score_written_with_letters_for_digits_is_no_phone() -> None:
    out = redact_sample("Scored 1O/10 on the wellbeing scale; l0 0l on the second.")
    assert "[PHONE]" not in out, out


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("2025-01-09,Health,\"seen in ED, 'fell off bike'\",Sr Gwen Makepeace", "Sr"),
        ('2025-01-10,Police,"attended the address",PC Tobias Renwick 4471', "PC"),
    ],
)
def test_a_title_right_after_a_spreadsheets_comma_goes_with_the_name(text: str, title: str) -> None:
    out = redact_sample(text)
    assert not survives(out, title), out
    assert "Makepeace" not in out and "Renwick" not in out, out


@pytest.mark.parametrize(
    "written",
    ["M L Chan", "M.L. Chan", 'belt",M L Chan', "R J Chan"],
)
def test_a_record_persons_initials_before_their_surname_go_with_it(written: str) -> None:
    worker = "Rui Jie Chan" if written.startswith("R") else "Mei Lan Chan"
    out = redact_for(f"Seen at school. {written}", "Tyrese Hallam", (), worker)
    assert out.endswith(("school. [WORKER]", '",[WORKER]')), out


def test_other_initials_before_a_record_surname_stay() -> None:
    out = redact_for("Spoke to A Chan at the desk.", "Tyrese Hallam", (), "Mei Lan Chan")
    assert survives(out, "A"), out


@pytest.mark.parametrize(
    ("text", "worker"),
    [
        ("next steps section 47 visit at four pm review friday fourth april d w", "Dana Whitlock"),
        ("dictated by the social worker for the leaving care team end of note k o", "Kemi Oduya"),
        ("Phone: mum 07503 994 216 (new). PO'R", "Padraig O'Riordan"),
        ("Visit completed, plan unchanged. d.w.", "Dana Whitlock"),
    ],
)
def test_the_authors_initials_that_close_a_note_are_taken(text: str, worker: str) -> None:
    out = redact_for(text, "Tyrese Hallam", (), worker)
    assert out.rstrip().endswith("[WORKER]"), out


@pytest.mark.parametrize(
    "text",
    [
        "the visit ended at ten am",  # a word that ends a sentence, not the author's letters
        "next visit with the school d w",  # letters of no record person
    ],
)
def test_a_notes_last_letters_of_no_record_person_stay(text: str) -> None:
    out = redact_for(text, "Tyrese Hallam", (), "Adam Marsh")
    assert out == text, out


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("no injuries recorded nurse arkwright has seen him twice", "arkwright"),
        ("gp is doctor o reilly at the practice on the corner", "reilly"),
    ],
)
def test_a_lower_case_title_before_a_rare_surname_is_a_person(text: str, name: str) -> None:
    out = redact_sample(text)
    assert name not in out, out


def test_a_lower_case_nurse_before_an_everyday_word_stays() -> None:
    text = (
        "the nurse said she would ring. the school nurse team will visit; nurse led clinic; "
        "she missed two nurse drop-ins and the school nurse enuresis clinic"
    )
    assert redact_sample(text) == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tyrese went to the park with his friend Rocky and came back late.", "Rocky"),
        ("She said her boyfriend Buddy picks her up after college.", "Buddy"),
        ("The neighbour Candy rang the duty line about the shouting.", "Candy"),
    ],
)
def test_an_everyday_word_capitalised_after_a_relation_is_a_name(text: str, name: str) -> None:
    out = redact_for(text, "Tyrese Hallam", (), "Adam Marsh")
    assert not survives(out, name), out


@pytest.mark.parametrize(
    "text",
    [
        "Mum went with her friend Christmas shopping in town.",
        "Her friend. Sunny days help her mood.",
        "Her partner Home Office interview is next week.",
    ],
)
def test_a_capitalised_word_after_a_relation_that_is_no_name_stays(text: str) -> None:
    out = redact_for(text, "Tyrese Hallam", (), "Adam Marsh")
    assert out == text, out


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("she said the boyfriend was born on the third of the seventh eighty four", "eighty four"),
        ("dob given as fifth of the eleventh oh seven by the aunt", "oh seven"),
    ],
)
def test_a_date_said_as_ordinals_takes_its_two_figure_year(text: str, year: str) -> None:
    out = redact_sample(text)
    assert year not in out and ("[DATE]" in out or "[DOB]" in out), out


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("she is staying at thirty two larkspur walk with her aunt", "larkspur"),
        ("he moved back to twenty one quarry avenue last week", "quarry avenue"),
    ],
)
def test_a_house_number_said_in_words_goes_with_its_street(text: str, street: str) -> None:
    out = redact_sample(text)
    assert street not in out and "[ADDRESS]" in out, out
    assert "thirty two" not in out and "twenty one" not in out, out


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("She works nights; Ponia Vaitkienė looks after the baby.", "Ponia"),
        ("I rang Doamna Ionescu about the school run.", "Doamna"),
        ("Pan Wiśniewski answered the door.", "Pan"),
    ],
)
def test_a_form_of_address_in_the_familys_language_goes_with_the_name(
    text: str, title: str
) -> None:
    family = (
        ("Rasa Vaitkienė", "mother"),
        ("Elena Ionescu", "grandmother"),
        ("Jan Wiśniewski", "father"),
    )
    out = redact_for(text, "Tyrese Hallam", family, "Adam Marsh")
    assert not survives(out, title), out


def test_a_frying_pan_stays_a_pan() -> None:
    family = (("Jan Wiśniewski", "father"),)
    out = redact_for(
        "He cooked with a frying pan Wiśniewski bought.", "Tyrese Hallam", family, "Adam Marsh"
    )
    assert survives(out, "pan"), out


def test_a_number_said_before_a_street_word_alone_is_no_house() -> None:
    text = "Please keep the notes in one place so the team can find them."
    assert redact_sample(text) == text


def test_an_address_line_opening_with_its_unit_goes_whole() -> None:
    text = "HARTWELL LAW\nUnit 3, Orchard Maltings, Ipswich IP2 8SJ\nDear Sir"
    out = redact_sample(text)
    assert "Unit 3" not in out and "Maltings" not in out, out


def test_an_address_wrapped_after_a_comma_is_one_address() -> None:
    text = "Address (current)\nFlat 9, Harbour View Court,\nQuay Road, Whitby YO21 1AA\nNext field"
    out = redact_sample(text)
    assert "Harbour" not in out and "Quay" not in out, out
    assert "],\n[" not in out, out  # no comma left between the two parts


def test_an_officers_collar_number_a_scan_misread_goes_with_the_officer() -> None:
    out = redact_sample("Reporting officer: DS l2O4 Mark Hale   Station: Central\nFax follows.")
    assert "l2O4" not in out and "Hale" not in out and "[PROFESSIONAL]" in out, out
