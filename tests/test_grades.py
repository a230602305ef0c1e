from __future__ import annotations

import pytest

from moderator.domain.grades import Grade
from moderator.errors import BadInput


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("Outstanding", Grade.OUTSTANDING),
        ("outstanding", Grade.OUTSTANDING),
        (1, Grade.OUTSTANDING),
        ("1", Grade.OUTSTANDING),
        ("GOOD", Grade.GOOD),
        (" good ", Grade.GOOD),
        ("RI", Grade.REQUIRES_IMPROVEMENT),
        ("ri", Grade.REQUIRES_IMPROVEMENT),
        ("Requires improvement", Grade.REQUIRES_IMPROVEMENT),
        ("Requires improvement to be good", Grade.REQUIRES_IMPROVEMENT),
        ("requires_improvement", Grade.REQUIRES_IMPROVEMENT),
        (3, Grade.REQUIRES_IMPROVEMENT),
        ("Inadequate", Grade.INADEQUATE),
        ("4", Grade.INADEQUATE),
        (4.0, Grade.INADEQUATE),
    ],
)
def test_parses_common_spellings(text: object, grade: Grade) -> None:
    assert Grade.parse(text) is grade


@pytest.mark.parametrize("bad", ["excellent", "5", 0, 5, "", "good-ish", True, None])
def test_unknown_spellings_are_a_clear_error(bad: object) -> None:
    with pytest.raises(BadInput, match="not a grade"):
        Grade.parse(bad)


def test_order_is_best_to_worst_and_prints_full_words() -> None:
    assert sorted([Grade.INADEQUATE, Grade.OUTSTANDING, Grade.GOOD]) == [
        Grade.OUTSTANDING,
        Grade.GOOD,
        Grade.INADEQUATE,
    ]
    assert str(Grade.REQUIRES_IMPROVEMENT) == "Requires improvement to be good"
    assert Grade.INADEQUATE - Grade.GOOD == 2  # drift in grade steps


def test_parse_optional_treats_blank_as_missing() -> None:
    assert Grade.parse_optional("") is None
    assert Grade.parse_optional("  ") is None
    assert Grade.parse_optional("RI") is Grade.REQUIRES_IMPROVEMENT
