"""Names in a note dictated by voice (``anonymise/names_dictated.py``): a long line with no
capital at all is read as typed in lower case, and a name found there takes the title said
before it and the surname said after it, but not the words that go on with the sentence."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for

CHILD = "Zuzanna Nowak"
FAMILY = (("Agnieszka Nowak", "mother"), ("Tomasz Nowak", "father"))
WORKER = "Ceri Humphreys"
OPENING = "home visit note dictated full stop present mum agnieszka and zuzanna who is six comma "


def _dictated(rest: str) -> str:
    return redact_for(OPENING + rest + " full stop next visit in two weeks", CHILD, FAMILY, WORKER)


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("the team manager iwan price rang about the strategy discussion", "iwan price"),
        ("the officer in the case is pc warren toplis bail conditions apply", "pc warren toplis"),
        ("the school attendance officer mrs denise harlow had left a letter", "mrs denise"),
        ("her best friend tyler brooks had been off school too", "tyler brooks"),
        ("she said darren pike is not her partner any more", "darren pike"),
        (
            "the referral came from the school d s l mister olu bankole at nine",
            "mister olu bankole",
        ),
    ],
)
def test_a_dictated_name_takes_its_title_and_surname(said: str, name: str) -> None:
    out = _dictated(said)
    assert name not in out, out
    for word in name.split():
        assert f" {word} " not in out, out


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("she said darren is not her partner any more", "is not her partner"),
        ("mum gave tyler lunch and then went to work", "lunch and then"),
        ("her aunty wont let her go to zaras sleepover on saturday", "sleepover on saturday"),
    ],
)
def test_the_words_after_a_dictated_name_stay(said: str, kept: str) -> None:
    out = _dictated(said)
    assert kept in out, out


def test_a_short_line_in_lower_case_is_no_dictation() -> None:
    # (a heading or a list item in lower case is not read as a dictated passage)
    out = redact_for("Notes\nsaw darren pike\nPlan agreed.", CHILD, FAMILY, WORKER)
    assert "pike" in out, out
