"""Issue #14, round twenty-nine: invented sentences for the mechanisms of this round."""

from __future__ import annotations

from pathlib import Path

import pytest

from moderator.anonymise.evaluate import load_corpus
from moderator.anonymise.redact import redact_case_text
from tests.helpers import redact_for
from tests.helpers import redact_sample as redact
from tests.helpers import survives as left


@pytest.mark.parametrize(
    "text",
    [
        "EMERGENCY FOSTER CARERS MR & MRS ROWLEY VISITED.",
        "SEEN BY MR AND MRS HEATON AT HOME.",
        "Neighbours MR & MRS ASHILL said so.",
    ],
)
def test_a_couple_titled_in_capitals_without_given_names_is_redacted(text: str) -> None:
    # a brother's initials are "MR": the title before the couple's surname reads as them,
    # and joining a couple's names once failed on a title standing alone (an IndexError)
    family = (("Sonia Khatun", "mother"), ("Mahfuz Rahman", "brother"))
    out = redact_for(text, "Tasnim Rahman", family, "Carys Mountjoy")
    surname = text.split("MRS ")[1].split()[0]
    assert not left(out, surname), out


_CORPORA = sorted((Path(__file__).parent / "data").glob("redaction_corpus*.jsonl"))


@pytest.mark.parametrize("path", _CORPORA, ids=lambda p: p.stem.removeprefix("redaction_corpus"))
def test_corpus_notes_in_capitals_and_lower_case_redact_without_error(path: Path) -> None:
    # a police form's capitals and a child's lower case reach grammars written for mixed case:
    # a sample of each batch's notes rewritten so must redact, not fail, and lose the child's
    # full name (the couple's join above failed on four notes in capitals)
    for i, labelled in enumerate(load_corpus(path)):
        case = labelled.case
        for text in [case.text.upper()] * (i % 6 == 0) + [case.text.lower()] * (i % 12 == 3):
            out = redact_case_text(case, text).text
            assert case.child.name.upper() not in out.upper(), case.case_id


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # a header written in title case: a run of words that trimmed to nothing failed
        (
            "Home Office Ref: T1183047/Uasc   Ni No: Sp 48 27 91 C\nAddress: Room 4, 19 Meadow Street, Preston",
            "Meadow",
        ),
        # words parted by tabs: a university's leading words were cut at spaces only
        ("Young\tPerson\tat\tSheffield\tHallam\tUniversity.", "Hallam"),
    ],
)
def test_title_case_headers_and_tabs_redact_without_error(text: str, gone: str) -> None:
    out = redact(text)
    assert not left(out, gone), out
