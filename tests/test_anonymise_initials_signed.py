"""Initials where a note's heading or end names its author, in a table's column of authors,
and signing as a role (``anonymise/initials_signed.py``, ``anonymise/initials_columns.py``).

The record's worker signs with initials that are often also an acronym or a word (``IT``,
``OT``, ``NO``, ``PA``, ``LD``): in a heading's date line, after a dash before a date or an
action, opening ``note``, after the last sentence before a blank line, and in lower case at
a dictation's end. Elsewhere the same letters stay the acronym or the word.
"""

from __future__ import annotations

import pytest

from tests.helpers import redact_for

CHILD = "Summer Tyson"
FAMILY = (("Kerry Tyson", "mother"),)


def _redact(text: str, worker: str) -> str:
    return redact_for(text, CHILD, FAMILY, worker)


@pytest.mark.parametrize(
    ("worker", "text"),
    [
        ("Imogen Tate", "Case note 24/02/2025 IT - visit to temporary accommodation."),
        ("Owen Tallentire", "09/03/2025 OT - social media posts by father, reported by mum."),
        ("Natalie Osei", "Case note - content shared by family - NO 05/03/2025 16:20\n\nSeen."),
        ("Lucy Dewhurst", "Extract of the contact log (Dec) - LD to review before the review."),
        ("Lucy Dewhurst", "Contact went well.\n\nLD note 03/03/2025:\nReviewed the log."),
        ("Philip Ashburner", "OCR text below, original on file. PA\n\nREFERRAL FORM\nSeen."),
        ("Lucy Dixon", "[LD 12/03/2025: extract from the EHCP final]\nSeen at school."),
        ("Lucy Dixon", "Caseworker: Ann Bell\n-----\nLD note: Mum says the weeks went well."),
    ],
)
def test_the_workers_initials_heading_or_signing_a_note_are_the_worker(
    worker: str, text: str
) -> None:
    out = _redact(text, worker)
    letters = "".join(w[0] for w in worker.split())
    assert f" {letters} " not in f" {out} ".replace("\n", " "), out
    assert "[WORKER]" in out, out


@pytest.mark.parametrize(
    ("worker", "text", "kept"),
    [
        ("Imogen Tate", "IT support fixed the laptop on 24/02/2025.", "IT support"),
        ("Owen Tallentire", "The OT visit is booked. OT to assess the stairs.", "OT visit"),
        ("Lucy Dixon", "He has LD and ADHD; the LD nurse will visit.", "has LD and"),
        ("Natalie Osei", "Did he hit you? NO\n\nShe said no.", "NO"),
        ("Olive Kent", "Mum agreed. OK\n\nNext visit in a week.", "OK"),
    ],
)
def test_the_same_letters_elsewhere_stay_what_they_are(worker: str, text: str, kept: str) -> None:
    out = _redact(text, worker)
    assert kept in out, out


@pytest.mark.parametrize("said", ["end of dictation kb", "end of dictation k b", "dictated by kb."])
def test_the_workers_initials_said_at_a_dictations_end(said: str) -> None:
    out = _redact(f"send the plan to the core group full stop\n\n{said}", "Kirsty Bache")
    assert out.rstrip(".").endswith("[WORKER]"), out
    out = _redact("send the plan full stop end of dictation thanks", "Kirsty Bache")
    assert out.endswith("thanks"), out


def test_initials_in_a_tables_column_of_authors_are_people_wherever_they_recur() -> None:
    text = (
        "| Date | Category | Logged by | Summary |\n|---|---|---|---|\n"
        "| 18/11/24 | Attendance | SO | 3 lates this week |\n"
        "| 02/12/24 | Physical injury | AH | bruise, AH spoke to mum |\n"
        "| 03/12/24 | Neglect | DSL | hungry |\n"
    )
    out = _redact(text, "Sam Ellis")
    assert "| SO |" not in out and "AH" not in out, out
    assert "| DSL |" in out and "Attendance" in out, out
    # a column that names no author: its capitals stay
    out = _redact(
        "| Date | Area | Summary |\n|---|---|---|\n| 18/11/24 | RE | fine |\n", "Sam Ellis"
    )
    assert "| RE |" in out, out


def test_initials_signing_as_a_role_on_their_own_line() -> None:
    out = _redact("4. Next review: 04/08/2025.\nHB / IRO", "Sam Ellis")
    assert "HB" not in out and "/ IRO" in out, out
    out = _redact("Discussed in supervision.\nSW / TM", "Sam Ellis")
    assert "SW / TM" in out, out


@pytest.mark.parametrize(
    ("worker", "text", "kept"),
    [
        ("Jordan McAllister", "weekends full stop\n\nnext steps full stop jm to chase the UC", ""),
        ("Callum Revill", "ask police if it happens again full stop cr", ""),
        ("Craig Hedley", "meeting to be set up full stop dictated by c hedley not checked", "not"),
        ("Amy Moss", "she said so full stop am to ring the school full stop", ""),
    ],
)
def test_the_workers_initials_said_in_a_dictated_note(worker: str, text: str, kept: str) -> None:
    out = _redact(text, worker)
    assert "[WORKER]" in out and kept in out, out
    letters = "".join(w[0] for w in worker.lower().split())
    assert f" {letters} " not in f" {out} ", out


def test_other_letters_in_a_dictated_note_stay() -> None:
    out = _redact("full stop so to speak full stop ok to go full stop", "Amy Moss")
    assert "so to speak" in out and "ok to go" in out, out
