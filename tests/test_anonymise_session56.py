"""Session 56 of issue #14: the record's initials give way to a protected phrase they open.

A family member whose initials spell the first word of a protected phrase (``MS`` for a
mother Manpreet Sandhu, ``MS Teams``) is redacted where the initials stand for her, not inside
the phrase, whether the initials were read from the record or from a log she signed.
"""

from __future__ import annotations

from tests.helpers import redact_for

FAMILY = (("Manpreet Sandhu", "mother"),)


def _out(text: str) -> str:
    return redact_for(text, "Jasleen Sandhu", FAMILY, "Rhian Pugh", "S56-1")


def test_initials_that_open_a_protected_phrase_are_the_phrase() -> None:
    out = _out("Strategy meeting on MS Teams. MS said she would attend the next one.")
    assert "on MS Teams." in out, out
    assert "[MOTHER] said" in out, out


def test_initials_that_sign_a_log_still_leave_the_phrase() -> None:
    out = _out("10:02 MS: I will join on MS Teams at 3.\n10:05 MS: running late.")
    assert "on MS Teams at" in out, out
    assert "MS:" not in out, out
