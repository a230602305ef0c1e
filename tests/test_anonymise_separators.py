"""A note holding an information separator (``\\x1c`` to ``\\x1f``, read as a space by Unicode's
``\\s``) is redacted as with a space there: the patterns' ASCII twins, quicker on a note of
ASCII characters only, are not used on it (their ``\\s`` has no separator)."""

from __future__ import annotations

import pytest

from tests.test_anonymise_redact import redact


@pytest.mark.parametrize(
    "text",
    [
        "Mum said the car reg AB12{}CDE was parked outside again.",
        "Jordan lives at 14{}Acacia Avenue, Leeds with his mum.",
        "NHS number 943{}476{}5919 was checked by the GP.",
        "Met on 12{}March 2023 at the office with Kelly Jones.",
    ],
)
@pytest.mark.parametrize("separator", ["\x1c", "\x1d", "\x1e", "\x1f"])
def test_a_separator_is_redacted_as_a_space_is(text: str, separator: str) -> None:
    spaced = redact(text.replace("{}", " "))
    assert "[" in spaced
    assert redact(text.replace("{}", separator)).replace(separator, " ") == spaced
