"""A vehicle registration's first four characters, written where a vehicle is named (issue
#14: identifiers in unusual layouts). Plates and sentences are invented."""

from __future__ import annotations

import pytest

from tests.helpers import redact_sample


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ("Police ran registration checks on HT19 Audi seen outside.", "HT19"),
        ("He drives a black Corsa, reg partly visible WV68 in the photo.", "WV68"),
        ("A white van, plate started DK21 F, was outside school.", "DK21 F"),
    ],
)
def test_the_start_of_a_plate_near_a_vehicle_is_redacted(text: str, plate: str) -> None:
    out = redact_sample(text)
    assert plate not in out and "[VEHICLE-REG]" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "Share TN21 with the police when the form is done.",  # no vehicle named
        "The car was parked near the school; TM21 form completed.",  # another clause
        "She is in class SC12 for science and drives her mum mad.",
        "Room BX99 was booked for the core group.",  # 99 is no plate's age
    ],
)
def test_letters_and_two_digits_with_no_vehicle_beside_them_stay(text: str) -> None:
    assert "[VEHICLE-REG]" not in redact_sample(text)
