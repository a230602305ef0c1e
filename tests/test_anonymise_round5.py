"""Round five of the redactor's mechanisms (issue #14), on general cases with invented
names: the words around a known name that belong to it."""

from __future__ import annotations

import pytest

from tests.test_anonymise_redact import redact

_ORLOVS = dict(
    child_name="Pelinor Vantrask",
    family=[
        {"name": "Quenby Vantrask", "relationship": "mother"},
        {"name": "Drustan Vantrask", "relationship": "father"},
        {"name": "Marigold Okunwe", "relationship": "grandmother"},
    ],
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a child calls a relative is part of the name, in any language or case
        ("Pelinor said mummy quenby cried.", "[CHILD] said [MOTHER] cried."),
        ("He stays with Nana Marigold at weekends.", "He stays with [GRANDPARENT] at weekends."),
        ('Pelinor said "hooyo quenby is sad".', '[CHILD] said "[MOTHER] is sad".'),
        ("Grandmother (Bunica Marigold) helps.", "Grandmother ([GRANDPARENT]) helps."),
        ("pelinor: dont tell mum quenby", "[CHILD]: dont tell [MOTHER]"),
        # an honorific after the name goes with it
        ("Father Drustan (Drustan Sahib) attended.", "Father [FATHER] ([FATHER]) attended."),
        ("Seen with Drustan Vantrask Jnr today.", "Seen with [FATHER] today."),
    ],
)
def test_kinship_forms_of_address_go_with_the_name(text: str, expected: str) -> None:
    assert redact(text, **_ORLOVS) == expected


def test_mum_in_a_workers_narrative_describes_and_stays() -> None:
    assert redact("Mum Quenby works nights.", **_ORLOVS) == "Mum [MOTHER] works nights."


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # a transliteration of the surname after a known given name
        ("Passport reads PELINOR VANTRASC.", "VANTRASC"),
        ("School has him as Pelinor Wantrask.", "Wantrask"),
        # a school name or alias opening brackets before the known surname
        ("Pelinor (Bartleby Vantrask at school) was late.", "Bartleby"),
        # initials before a known surname
        ("Van registered to D J Vantrask.", "D J"),
    ],
)
def test_a_name_written_against_a_known_name_is_part_of_it(text: str, gone: str) -> None:
    out = redact(text, **_ORLOVS)
    assert gone not in out


def test_everyday_words_beside_a_known_name_stay() -> None:
    out = redact("Yesterday Pelinor Played football. Quenby Said no.", **_ORLOVS)
    assert "Yesterday" in out and "Played" in out and "Said" in out


def test_a_couple_by_titles_is_one_redaction() -> None:
    out = redact("Placed with Mr and Mrs Harrowgate-Lusk on Friday.", **_ORLOVS)
    assert "Mr and" not in out and "Harrowgate" not in out
