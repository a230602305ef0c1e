"""The note as the layers read it (``anonymise/reading.py``): what a web form, a PDF, a word
processor or a scanner puts inside a note is read through, and each redaction covers the
whole of what it replaces in the note as written.

- a non-breaking or thin space where a space was (``07700⍽900123``, ``17 Mill⍽Road``);
- an invisible character inside a name: a zero-width space, a soft hyphen, a direction mark.
  A record's name must never survive because of what lies inside it;
- mark-up: ``&nbsp;``, ``&amp;``, ``<br>``, ``<b>``;
- a digit OCR read for a letter in a name (``Ke1ly``, ``0livia``), and a capital I for an l
  (``KeIly``), while postcodes, plates and times keep their digits.
"""

from __future__ import annotations

import re

import pytest

from moderator.anonymise.reading import reading_of
from moderator.anonymise.redact import redact_case_text
from tests.helpers import redact_for, sample_case

CHILD = "Tyler Marsh"
FAMILY = (("Kelly Marsh", "mother"), ("Olivia Marsh", "sister"))
WORKER = "Sam Ellis"


def _redact(text: str) -> str:
    return redact_for(text, CHILD, FAMILY, WORKER)


NBSP, THIN, ZWSP, SHY, LRM = "\u00a0", "\u202f", "\u200b", "\u00ad", "\u200e"


@pytest.mark.parametrize("space", [NBSP, THIN, "\u2007"])
def test_a_phone_and_an_address_with_odd_spaces_are_redacted_whole(space: str) -> None:
    text = f"Mum rang from 07700{space}900123 and now lives at Flat{space}2, 17 Mill{space}Road."
    out = _redact(text)
    assert "900123" not in out and "Mill" not in out and "Flat" not in out, out
    assert "[PHONE]" in out and "[ADDRESS]" in out, out


@pytest.mark.parametrize("inside", [ZWSP, SHY, LRM, "\ufeff", "\u2060"])
def test_an_invisible_character_inside_a_record_name_hides_no_part_of_it(inside: str) -> None:
    text = f"Seen with Kel{inside}ly and Ty{inside}ler at home; Kelly{inside} Marsh agreed."
    out = _redact(text)
    for piece in ("Kel", "ly ", "Ty", "ler", "Marsh"):
        assert piece not in out, out
    assert out.count("[MOTHER]") >= 2 and "[CHILD]" in out, out


def test_mark_up_is_read_through_and_kept_as_written_around_the_redactions() -> None:
    text = (
        "Mother's name:<br>Kelly Marsh<br>Address:<br>17 Mill&nbsp;Road, Wrexham<br>"
        "Tel: 07700&nbsp;900123 &amp; <b>Mum</b> says &lt;3 <p class='x'>Kel&shy;ly</p>"
    )
    out = _redact(text)
    assert out == (
        "Mother's name:<br>[MOTHER]<br>Address:<br>[ADDRESS], Wrexham<br>"
        "Tel: [PHONE] &amp; <b>Mum</b> says &lt;3 <p class='x'>[MOTHER]</p>"
    ), out


def test_what_is_no_mark_up_stays_as_written() -> None:
    text = "Tyler wrote <3 to mum & dad; the key is <Kelly> in his phone & ages <5 & >2."
    out = _redact(text)
    assert "<3 to mum & dad" in out and "& ages <5 & >2." in out, out
    assert "Kelly" not in out and "Tyler" not in out, out


@pytest.mark.parametrize(
    ("written", "placeholder"),
    [
        ("Ke1ly", "[MOTHER]"),
        ("KE1LY", "[MOTHER]"),
        ("KeIly", "[MOTHER]"),
        ("0livia", "[SIBLING]"),
        ("Ty1er", "[CHILD]"),
    ],
)
def test_a_record_name_ocr_misread_is_redacted_whole(written: str, placeholder: str) -> None:
    out = _redact(f"The scanned form names {written} as present at the visit.")
    assert written not in out and placeholder in out, out
    assert out.startswith("The scanned form names [") and out.endswith("] as present at the visit.")


def test_a_name_outside_the_record_ocr_misread_is_read_as_a_name() -> None:
    out = _redact("Referral taken by 1sabel Pritchard, neighbour, and Mrs Ange1a Roberts.")
    assert "1sabel" not in out and "Pritchard" not in out and "Ange1a" not in out, out


@pytest.mark.parametrize(
    "kept",
    ["ME1 1QN", "LA15 8AF", "at 11am", "at 10am", "KE11 YMA", "Year 11", "B1ll0ws Lane"],
)
def test_digits_that_are_no_misread_letters_stay(kept: str) -> None:
    text = f"Noted: {kept}. Tyler was seen."
    reading = reading_of(text, lambda word: word.lower() in {"liam", "mel", "kelly", "bill"})
    assert reading is None or kept in reading.text


def test_the_spans_cover_what_they_replace_in_the_note_as_written() -> None:
    text = f"Mum Kel{ZWSP}ly rang on 07700&nbsp;900123.<br>Ty{SHY}ler was at school."
    case = sample_case(text, CHILD, FAMILY, WORKER)
    redaction = redact_case_text(case)
    replaced = {text[s.start : s.end]: s.placeholder for s in redaction.spans}
    assert replaced == {
        f"Kel{ZWSP}ly": "[MOTHER]",
        "07700&nbsp;900123": "[PHONE]",
        f"Ty{SHY}ler": "[CHILD]",
    }, replaced


def test_a_plain_note_reads_as_written() -> None:
    assert reading_of("Tyler was seen at home with Kelly on 3/11.", None) is None


@pytest.mark.parametrize(
    ("written", "placeholder"),
    [
        ("Tel 0l352 7l4 900 for the duty desk.", "[PHONE]"),
        ("Tel O7737 5O2 l88 for the duty desk.", "[PHONE]"),
        ("Seen on O4/O8 for the duty desk.", "[DATE]"),
        ("Seen on l9.5.25 for the duty desk.", "[DATE]"),
        # a date with more letters than digits (session 65)
        ("Born O2/ll/2Ol8 for the duty desk.", "[DATE]"),
    ],
)
def test_a_number_ocr_misread_with_letters_is_redacted(written: str, placeholder: str) -> None:
    out = _redact(written)
    assert placeholder in out and out.endswith(" for the duty desk."), out
    assert not any(ch.isdigit() for ch in out.replace(placeholder, "")), out


def test_a_reference_opening_with_a_letter_o_keeps_it() -> None:
    reading = reading_of("The Home Office ref on the letter is O1187340/4 today.", None)
    assert reading is None or "O1187340/4" in reading.text


_WRAPPED = (
    "Strategy discussion held at the Guildhall with partners from health and education, where Ms\n"
    "Popescu said that the school had raised concerns in writing with the paediatrician, Dr\n"
    "Catrin Bellis, who had seen the child on the ward the day after she was brought in by the\n"
    "police; the family support worker from Hafan Glyd had also visited the home on two occasions\n"
    "and found it warm and clean, with food in the cupboards and beds made up for the children.\n"
)


def test_a_name_a_pdf_wrapped_across_lines_is_redacted_whole() -> None:
    out = _redact(_WRAPPED)
    assert "Popescu" not in out and "Catrin" not in out and "Bellis" not in out, out
    assert "occasions\nand found it warm" in out, "the note keeps its lines as written"


@pytest.mark.parametrize(
    "lines",
    [
        "Designated Teacher: Mr Conor Maguire at the school for the last three years or so\n"
        "Virtual School adviser: Ms Yetunde Bankole\n",
        "ARRESTED AT HOME BY OFFICERS FROM THE NEIGHBOURHOOD TEAM, LAST KNOWN 9B WOOD STREET\n"
        "CHILDREN PRESENT: ALFIE\n",
    ],
)
def test_lines_of_a_form_are_not_run_together(lines: str) -> None:
    note = _WRAPPED + lines
    reading = reading_of(note, None)
    assert reading is not None and lines in reading.text


def test_a_name_ocr_broke_with_a_stray_space_is_redacted_whole() -> None:
    out = _redact("Located by PC Dani el LLOYD at the station; HV Cl aire Donnelly rang.")
    assert "el LLOYD" not in out and " el " not in out and "aire" not in out, out


@pytest.mark.parametrize("kept", ["Her nan rang my mobile", "Mum said Tom is fine"])
def test_a_word_and_a_word_are_not_joined_into_a_name(kept: str) -> None:
    reading = reading_of(f"{kept} today.", lambda word: word.lower() in {"hernan", "tomis"})
    assert reading is None or kept in reading.text


def test_a_scan_s_misread_words_are_read_as_the_words_they_were() -> None:
    out = _redact(
        "SCANNED REFERRAL\nPatient: RASHlD, Amir of F1at 2, 51 Cranbourne Street, Rochdale.\n"
        "GP: RlVERSlDE H0USE MEDlCAL GR0UP. Family friend Sadia lqbal attended."
    )
    assert "RASHlD" not in out and "Cranbourne" not in out, out
    assert "RlVERSlDE" not in out and "lqbal" not in out, out


@pytest.mark.parametrize("kept", ["her snap is l0vebug", "the B1ue team", "lmao"])
def test_one_word_with_a_digit_is_no_scan(kept: str) -> None:
    text = f"Noted: {kept}. Tyler was seen."
    reading = reading_of(text, lambda word: word.lower() in {"kelly"})
    assert reading is None or kept in reading.text


@pytest.mark.parametrize(
    ("written", "gone", "placeholder"),
    [
        (
            "Present: Tyler Marsh (child), Ms Jane Pike (DSL, Albright\nPrimary School).",
            "Primary",
            "[SCHOOL]",
        ),
        ("Follow-up: GP (Webheath\nMedical Practice) to review.", "Medical", "[GP-PRACTICE]"),
        ("Contact: Mrs Claire\nOnslow (foster carer) rang.", "Onslow", "[PERSON]"),
        # an organisation's noun, one word before it at most (session 64)
        (
            "Placed with Ann Cole (agency foster carer, Harbour\nFostering), since May.",
            "Fostering",
            "[ORGANISATION]",
        ),
        (
            "Copied to the father's solicitors, Dunmore Keeling\nFamily Law.",
            "Law",
            "[ORGANISATION]",
        ),
        # a school or a practice whose name a column broke before its head (session 65)
        ("Not seen by the GP (Ladywell Road\nSurgery) since May.", "Ladywell", "[GP-PRACTICE]"),
        ("DT Mr Ravi Shah (Catford\nHill School), SSW Tom Ives.", "Catford", "[SCHOOL]"),
        ("English classes are at Arrowdale\nCollege, on Mondays.", "Arrowdale", "[SCHOOL]"),
        ('She said "I miss my friends from Moorfield\nPrimary".', "Primary", "[SCHOOL]"),
        # a title a line ended, before the name
        (
            "Seen for a medical at the hospital (Dr\nPriya Ramsay) this morning.",
            "Dr",
            "[PROFESSIONAL]",
        ),
    ],
)
def test_a_name_a_column_wrapped_onto_the_next_line_is_redacted_whole(
    written: str, gone: str, placeholder: str
) -> None:
    out = _redact(written)
    assert gone not in out and placeholder in out, out


@pytest.mark.parametrize(
    "kept",
    ["Seen with Tyler\nRoad safety discussed", "Spoke to Mrs Claire\nMum was there",
     "Attendance\nSchool reports are good.", "Concerns raised by Health\nSchool nurse to visit."],
)  # fmt: skip
def test_a_line_opening_with_a_word_is_not_joined_to_the_name_before_it(kept: str) -> None:
    out = _redact(kept)
    assert kept.split("\n")[1] in out, out


@pytest.mark.parametrize(
    "written",
    ["Seen by Gemma Royle\nSocial Services: not involved.",
     "Supervision booked with the Named Nurse.\nCB",
     "Organisation: Brookfield\nServices: none offered."],
)  # fmt: skip
def test_what_opens_the_next_line_is_not_taken_into_a_person_or_a_field(written: str) -> None:
    out = _redact(written)
    assert "Social Services" in out or "Named Nurse." in out or "Services:" in out, out


def test_a_name_a_scan_broke_with_a_space_is_redacted_whole() -> None:
    out = _redact("She has not attended the GP (Dr Kh an, Beech Surgery) since May.")
    assert " an," not in out and "Kh" not in out, out


def test_a_word_after_a_name_is_not_joined_to_it() -> None:
    out = _redact("We met Mrs Smith an hour later and Mr Bell and the family.")
    assert "an hour later" in out and "and the family" in out, out


@pytest.mark.parametrize(
    ("header", "gone"),
    [("**From:** Lloyd-Evans, Bethan &lt;b.lloyd-evans@school.example.org&gt;<br>", "Lloyd"),
     ("From: Archer, Beth &lt;b.archer@school.example.org&gt;", "Archer")],
)  # fmt: skip
def test_a_sender_written_surname_first_beside_an_escaped_address(header: str, gone: str) -> None:
    out = _redact(header + "\nSee below about the missing episode.")
    assert gone not in out, out


@pytest.mark.parametrize(
    ("scanned", "gone"),
    [
        # the second part of a double-barrelled name: the record's child's, anyone's
        ("Mon O3/O2  School ok. Ellie-R0se ate all her tea and did reading.", "0se"),
        ("Seen by Dr Sarah Lloyd-J0nes at the c1inic on O3/O2.", "0nes"),
        # a surname straight after an initial's stop
        ("Signed: C.Donnel1y   Date: O1/O4/25   Ref: 0l/223", "Donnel1y"),
        # the Irish O' read as a zero
        ("Wed 5.2.25  Teacher Mrs 0'Leary at the schoo1 said Tyler hit a boy.", "Leary"),
        ("Yours sincerely\nBridget 0'Mahony  RGN SCPHN (HV)   Date: O1/O4/25", "0'"),
        # the Arabic article read with a one
        ("Dear Mr and Mrs A1-Hamwi,\nYour son's attendance is 74.6%, bel0w the 1eve1.", "A1-"),
    ],
)
def test_a_scans_digit_in_a_joined_or_prefixed_name_hides_no_part_of_it(
    scanned: str, gone: str
) -> None:
    out = redact_for(scanned, "Ellie-Rose Marsh", FAMILY, WORKER)
    assert gone not in out, out


def test_an_officers_names_a_scan_set_two_spaces_apart_go_with_the_collar_number() -> None:
    out = _redact("Officer: PC 3317 Nico1a  Bainbridge    Stat1on: Peterlee")
    assert "Bainbridge" not in out and "Nico" not in out, out
    # a form's next field after two spaces stays a field
    out = _redact("Officer: PC 2241 Smith  Station: Hull Central")
    assert "Station: Hull Central" in out, out


@pytest.mark.parametrize(
    ("scanned", "gone"),
    [
        (
            "Following a 999 ca1l from a neighbour, Mrs Jean Pock lington at no. 25 (co1d).",
            "lington",
        ),
        (
            'One known as "TAZ" (T aylor Pr ice, D0B O9/l2/2OO5) was at the bui1ding, co1d.',
            "aylor",
        ),
        # a name of the record's own people whose first piece is also one ("Kay" for Kayden)
        ("On arriva1 officers found Kay den (8) in the front yard in pyjarnas, co1d.", "den"),
    ],
)
def test_a_name_a_scan_broke_with_a_space_into_pieces_that_are_no_words_is_redacted(
    scanned: str, gone: str
) -> None:
    out = redact_for(scanned, "Kayden Marsh", FAMILY, WORKER)
    assert re.search(rf"\b{gone}\b", out) is None, out


def test_words_are_not_joined_as_a_scans_where_the_note_shows_no_scan() -> None:
    # no word read with a digit: "texted" (no word of the dictionary) stays apart from the name
    out = redact_for(
        "Kayden texted his mum at 9pm from the B10 bus.", "Kayden Marsh", FAMILY, WORKER
    )
    assert "[CHILD] texted his mum" in out, out
    # in a scan's note, a form's abbreviation after a name stays the phone's
    out = _redact("Nurse informed: Bev Rigby ext 4O17. Mum ca1led at 9.3O from the rai1way.")
    assert "ext" not in out.replace("[PHONE]", ""), out


def test_a_name_in_a_scans_note_keeps_apart_from_a_word_the_dictionary_lacks() -> None:
    # British spellings and new words are missing from the dictionary the joins consult
    out = redact_for(
        "Mum ca1led at 9.3O from the rai1way. Amira texted her after, Amira organised it.",
        "Kayden Marsh",
        (("Amira Marsh", "mother"),),
        WORKER,
    )
    assert "texted her" in out and "organised it" in out, out
