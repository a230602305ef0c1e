"""Round twenty-four: recall and precision from batches A-AS and the new batches AT and AU
(issue #14)."""

from __future__ import annotations

import pytest

from tests.helpers import redact_sample as redact
from tests.helpers import survives as left


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("i play for hartburn tigers on saturdays and coach is safe", "hartburn tigers"),
        ("he trains at marsden boxing most nights", "marsden boxing"),
        ("nan takes me to the shree ganesh temple on fridays", "ganesh temple"),
        ("mum works at kaylees nails in town", "kaylees nails"),
        ("she goes to thornaby young carers club on tuesdays", "thornaby young carers club"),
        ("we go to church (bethel pentecostal church) every sunday", "bethel pentecostal"),
        ("i play for lowfield lions fc on sundays", "lowfield lions fc"),
    ],
)
def test_a_club_a_gym_a_temple_or_a_salon_in_lower_case_is_redacted(text: str, gone: str) -> None:
    out = redact(text)
    assert not any(left(out, w) for w in gone.split() if w not in ("young", "club", "fc"))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("she is at after-school club until 5 on weekdays", "after-school club"),
        ("He wants to go to the maths club at school.", "maths club"),
        ("i like tigers and lions at the zoo", "tigers and lions"),
        ("Mum wks nails @ a salon in town.", "wks nails"),
        ("he has been doing kids boxing since may", "kids boxing"),
    ],
)
def test_a_kind_of_club_or_an_everyday_phrase_is_kept(text: str, kept: str) -> None:
    assert kept in redact(text)


def test_a_club_named_in_capitals_before_its_head_is_one_name_with_it() -> None:
    out = redact("Nikola to be offered the Clifton Park boxing club (free).")
    assert "[ORGANISATION] club" not in out and not left(out, "Clifton")


@pytest.mark.parametrize(
    ("text", "couple"),
    [
        (
            "Placement: foster carers Mr Dean & Mrs Kerry Alston, Eston.",
            "Mr Dean & Mrs Kerry Alston",
        ),
        ("Carers: Mr Ivor and Mrs Gwen Pritchard, 4 Heol Isaf.", "Mr Ivor and Mrs Gwen Pritchard"),
        ("Carers: Tracey and Huw Bevan, 27 Cefn Road, Newport.", "Tracey and Huw Bevan"),
    ],
)
def test_a_couple_given_one_surname_is_one_redaction_titled_or_not(text: str, couple: str) -> None:
    out = redact(text)
    assert not any(left(out, w) for w in couple.split() if w not in ("and", "&"))
    assert " and [" not in out and " & [" not in out


def test_a_titled_person_beside_an_untitled_pair_is_not_joined_to_them() -> None:
    out = redact("Pat and Mrs Searle came to the meeting with Mr Gale.")
    assert not left(out, "Searle") and not left(out, "Gale")
