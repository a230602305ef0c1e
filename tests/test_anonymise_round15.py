"""Round fifteen: what batches Y and Z showed (issue #14)."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for


def redact(
    text: str,
    child: str = "Kieran Oakervee",
    family: tuple[tuple[str, str], ...] = (("Dorcas Oakervee", "mother"),),
    worker: str = "Ignatius Pellowe",
) -> str:
    """The text redacted for one synthetic record."""
    return redact_for(text, child, family, worker, "R15-1")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Carer's assessment for mum by Derby Carers Centre next week.", "Derby Carers Centre"),
        ("Given the number of Plymouth Domestic Abuse Service today.", "Plymouth Domestic"),
        ("Dad completed 10 weeks with Lancashire Women last month.", "Lancashire Women"),
        ("She spent the night at Bristol Foyer after the row.", "Bristol Foyer"),
        ("Mum was signposted to Suffolk Refugee Support for ESOL.", "Suffolk Refugee"),
        ("The Sunderland Carers Centre worker visited.", "Sunderland Carers"),
        ("Vouchers from Luton Foodbank were collected.", "Luton Foodbank"),
    ],
)
def test_a_local_charity_named_by_its_place_first_is_redacted(text: str, name: str) -> None:
    out = redact(text)
    assert name not in out
    assert "[ORGANISATION]" in out


@pytest.mark.parametrize(
    "text",
    [
        "Seen at Leeds Children's Services and the Derby Family Hub today.",
        "She moved to Derby in the summer; Carers came twice.",
        "Walked along Dogger Bank and the Bristol Channel.",
    ],
)
def test_a_councils_service_or_a_place_alone_stays(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Landlord Mr Barnett (Barnett Properties) says he will fix it.", "Barnett Properties"),
        ("Hair-strand results from Cansford Laboratories are awaited.", "Laboratories"),
        ("He works for Ward Bros Tarmac & Paving, his dad's firm.", "Paving"),
        ("A taxi from Swift Car Hire brought him back.", "Swift Car Hire"),
    ],
)
def test_a_firm_named_by_its_owner_and_trade_is_redacted_whole(text: str, name: str) -> None:
    out = redact(text)
    assert name not in out
    assert "[ORGANISATION]" in out


@pytest.mark.parametrize(
    "text",
    [
        "We are in the Public Law Outline (PLO) now; a letter before proceedings went.",
        "Private Law proceedings continue and Family Law advice was given.",
        "They want more Facilities at the park and cheaper Rentals in town.",
    ],
)
def test_the_law_and_everyday_trade_words_stay(text: str) -> None:
    assert redact(text) == text
