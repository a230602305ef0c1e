"""Round seventeen: what batch AD showed and round sixteen left (issue #14)."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for


def redact(
    text: str,
    child: str = "Tamsin Orrell-Quaye",
    family: tuple[tuple[str, str], ...] = (("Gwenllian Orrell", "mother"),),
    worker: str = "Barnaby Trelissick",
) -> str:
    """The text redacted for one synthetic record."""
    return redact_for(text, child, family, worker, "R17-1")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ring (01632 960 540) today.", "Ring ([PHONE]) today."),
        ("Ring (01632) 960540 today.", "Ring [PHONE] today."),
        ("Call Citizens Advice (0808 223 1133).", "([PHONE])."),
    ],
)
def test_a_bracket_around_a_whole_phone_number_stays_in_the_text(text: str, expected: str) -> None:
    assert expected in redact(text)
