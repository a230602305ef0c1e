"""Words a scan broke with a stray space, read whole in a note that shows a scan's other
misreadings (issue #14: OCR text). Names, places and sentences are invented."""

from __future__ import annotations

import pytest

from moderator.anonymise.lexicon import lexicon
from moderator.anonymise.reading_spaced import join_spaced
from tests.helpers import redact_sample

# a scanned form: numbers read with letters for digits, words with digits for letters
_SCAN = "D0B: O4/O7/2Ol5   Ref: 2O25/0331\nSeen at 1O:3O by the schoo1 nurse.\n"


def _is_name(word: str) -> bool:
    lex = lexicon()
    return word.lower() in lex.given or word.lower() in lex.surnames


@pytest.mark.parametrize(
    ("line", "whole"),
    [
        ("Referrer: Mrs J. Whit taker (DSL)", "Whit taker"),  # a surname's two pieces
        ("Officer: PC 4471 Dean Hol royd", "Hol royd"),  # a word and a piece
        ("Supervisor: Sgt Anna Me llor", "Me llor"),  # a small word, then no word
        ("Attends Brookfield Juni or School, Year 5", "Juni or"),  # no word, then a word
    ],
)
def test_a_word_a_scan_broke_in_two_is_read_whole(line: str, whole: str) -> None:
    out = redact_sample(_SCAN + line + "\n")
    for piece in whole.split():
        assert piece not in out.split("\n")[2], out


def test_the_pieces_are_read_whole_only_in_a_note_that_shows_a_scan() -> None:
    # (a typed "Me llor" is left as written: a stray space, no scan's misreading to show it)
    text = "Supervisor: Sgt Anna Me llor. Seen at 10:30 by the school nurse."
    assert join_spaced(text, _is_name) is None


@pytest.mark.parametrize("pair", ["Her nan", "Jo an", "Mat thews", "Sam son"])
def test_two_words_are_never_joined_into_one(pair: str) -> None:
    text = _SCAN + f"{pair} came round after tea.\n"
    joined = join_spaced(text, _is_name)
    assert joined is None or pair in joined[0]


def test_a_number_with_letters_for_digits_shows_a_scan() -> None:
    # two such numbers and no word with a digit: still a scanned note
    text = "Date: l6/03/2O25  Tel: O7700\nReferrer: Mrs J. Whit taker (DSL)\n"
    joined = join_spaced(text, _is_name)
    assert joined is not None and "Whittaker" in joined[0]
