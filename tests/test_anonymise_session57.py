"""Session 57 of issue #14: a mobile number grouped by dots is a phone number.

Eleven digits from ``07`` with dots between groups of any size are a UK mobile number
however they are grouped; a date, a time or a version with dots has fewer or other digits and
stays what it is. (The learned layer's reading of everyday words as one name is tested in
``tests/test_anonymise_learned.py``.)
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
