"""A name the writer corrected aloud: the words before "sorry" or "correction" are the
corrected name misheard (issue #14: dictation). Names and sentences are invented."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for


@pytest.mark.parametrize(
    ("text", "child", "misheard"),
    [
        ("present were mum and tee go sorry, tiago in the kitchen", "Tiago Marsh", "tee go"),
        ("spoke to ree ann sorry rhian at the door full stop", "Rhian Pugh", "ree ann"),
        ("foster carer jan ice correction janice lowther rang at ten", "Tamsin Obi", "jan ice"),
        ("i spoke to mister oh beer sorry mr obi about the plan", "Tamsin Obi", "oh beer"),
    ],
)
def test_the_words_a_correction_follows_are_the_corrected_name(
    text: str, child: str, misheard: str
) -> None:
    out = redact_for(text, child, (), "Gary Pell")
    for piece in misheard.split():
        assert f" {piece} " not in f" {out} ", out


@pytest.mark.parametrize(
    "text",
    [
        # a kin word before the cue is no part of the name
        "he wants to see his hooyo sorry branwen pryce tomorrow full stop",
        # a date or a shop corrected is no name, and the words before it stay
        "we went to the shop sorry the big tesco and then home full stop",
        "i will see them on monday sorry tuesday at school full stop",
    ],
)
def test_words_before_a_correction_that_are_no_name_stay(text: str) -> None:
    out = redact_for(text, "Branwen Pryce", (), "Gary Pell")
    for word in ("hooyo", "shop", "monday"):
        if word in text:
            assert word in out, out
