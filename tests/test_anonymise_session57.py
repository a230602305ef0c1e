"""Session 57 of issue #14: a mobile number grouped by dots; a record person's initials that
are also an acronym, where they sign a note.

Eleven digits from ``07`` with dots between groups of any size are a UK mobile number
however they are grouped; a date, a time or a version with dots has fewer or other digits and
stays what it is.

The worker's initials ``HB`` are also housing benefit's: they are hers where they sign a note
(in brackets after ``note``, after ``note`` before its date, alone at a line's end after a
sentence, or before a chat message's colon) and the acronym elsewhere. (The learned layer's
reading of everyday words as one name is tested in ``tests/test_anonymise_learned.py``.)
"""

from __future__ import annotations

import pytest

from tests.helpers import redact_for

FAMILY = (("Donna Ashworth", "mother"),)


def _out(text: str) -> str:
    return redact_for(text, "Kelsey Ashworth", FAMILY, "Rhian Pugh", "S57-1")


@pytest.mark.parametrize(
    "number", ["07.92.33.40.118", "07.700.914.338", "0770.091.4338", "07841.203.557"]
)
def test_a_mobile_number_grouped_by_dots_is_redacted(number: str) -> None:
    out = _out(f"Mum's new mobile is {number} (often off).")
    assert number not in out and "[PHONE]" in out, out
    assert out.endswith("(often off)."), out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Version 07.1234.5678.90 of the plan was shared.", "07.1234.5678.90"),
        ("Weight 07.5 kg at the clinic.", "07.5 kg"),
    ],
)
def test_other_numbers_with_dots_are_no_phone(text: str, kept: str) -> None:
    out = _out(text)
    assert kept in out and "[PHONE]" not in out, out


def test_a_date_with_dots_stays_a_date() -> None:
    out = _out("Seen on 07.11.2023 at home.")
    assert "[PHONE]" not in out and "[DATE]" in out, out


def _worker_out(text: str, worker: str = "Hannah Bevan") -> str:
    return redact_for(text, "Kelsey Ashworth", FAMILY, worker, "S57-2")


@pytest.mark.parametrize(
    "text",
    [
        "MASH note 18/08/2025 (HB): notification read.",
        "Duty note (HB, 11:40): strategy discussion held.",
        "Case note HB 11/03/2025: visit completed.",
        "Mum was upset but calmer by the end. HB\nTues - school rang.",
        "[14/01 09:12] HB: Morning Donna, reminder about today.\n[14/01 09:20] Donna: ok",
    ],
)
def test_initials_that_are_an_acronym_sign_a_note_as_the_worker(text: str) -> None:
    out = _worker_out(text)
    assert "HB" not in out and "[WORKER]" in out, out


def test_the_acronym_stays_where_no_one_signs() -> None:
    text = "Mum is on HB now. Payments from HB stopped. The HB claim is late."
    assert _worker_out(text) == text


def test_a_word_at_a_lines_end_is_no_signature() -> None:
    out = _worker_out("Mum agreed to the plan. OK\nHome visit done.", "Olivia Keane")
    assert "plan. OK" in out, out


def test_a_roles_field_with_a_name_after_its_colon_is_no_message() -> None:
    out = _worker_out("PA: Zara Hussain\nHB: Morning Donna.", "Hannah Bevan")
    assert "[WORKER]: Morning" in out and "PA: [" in out, out


def test_initials_before_what_a_person_does_are_the_person_unless_a_role() -> None:
    out = _worker_out("School, Mr Bhatt and HB attended. Mum applied for HB, HB to follow.")
    assert "and [WORKER] attended" in out, out
    assert "applied for HB, HB to follow" in out, out  # the acronym, where no one acts
    # a role's letters act as the role: "GP attended" is the doctor, not a worker G. P.
    out = _worker_out("The GP attended the meeting.", "Gina Patel")
    assert "GP attended" in out, out
