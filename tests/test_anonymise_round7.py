"""Round seven of the redactor's mechanisms (issue #14), on general cases with invented
names: what must stay (public services named after their place, practice vocabulary)."""

from __future__ import annotations

import pytest

from tests.test_anonymise_redact import redact

_FAMILY = dict(
    child_name="Tamsin Quarrendell",
    family=[{"name": "Orla Quarrendell", "relationship": "mother"}],
)


@pytest.mark.parametrize(
    "service",
    [
        "Wenvoe Police",
        "Glasmoor Constabulary",
        "Brackenridge Infirmary",
        "Tolvaddon Council",
    ],
)
def test_a_public_service_named_after_its_place_stays(service: str) -> None:
    out = redact(f"Tamsin was taken to {service} after the incident with Orla.", **_FAMILY)
    assert service in out
    assert "Tamsin" not in out and "Orla" not in out


def test_a_name_before_an_ordinary_noun_is_still_redacted() -> None:
    out = redact("Mum said Ferdie Ockwell rang the school.", **_FAMILY)
    assert "Ockwell" not in out


def test_the_childrens_reporter_is_a_role_not_a_name() -> None:
    out = redact("Mum asked whether the Children's Reporter will call Tamsin.", **_FAMILY)
    assert "Children's Reporter" in out and "Tamsin" not in out


_TOWN_FAMILY = dict(
    child_name="Dashiell Ripponden",
    family=[{"name": "Marisol Ripponden", "relationship": "mother"}],
)


@pytest.mark.parametrize(
    "text",
    [
        "Marisol has moved up to Ripponden to stay with her father.",
        "New address: Lark Cottage, Mill Brow, Ripponden, Yorkshire.",
    ],
)
def test_a_family_surname_written_as_the_town_stays(text: str) -> None:
    out = redact(text, **_TOWN_FAMILY)
    assert "Ripponden" in out and "Marisol" not in out


def test_the_family_surname_as_the_person_is_still_redacted() -> None:
    out = redact("Spoke to Ripponden about the move, then to Dashiell.", **_TOWN_FAMILY)
    assert "Ripponden" not in out and "Dashiell" not in out


def test_a_practice_named_after_two_towns_is_one_redaction() -> None:
    out = redact("GP: Quenby & Swarland Surgery (Dr Hollis Venn) says Tamsin is well.", **_FAMILY)
    assert "Quenby" not in out and "Swarland" not in out and " & " not in out


def test_a_place_with_its_town_after_a_comma_is_one_redaction() -> None:
    # the town is also the worker's surname: found as the worker, it joins the practice
    out = redact(
        "Review at Mardle Lane Medical Centre, Quenby with the nurse.",
        worker="Ossian Quenby",
        **_FAMILY,
    )
    assert "Quenby" not in out
    assert out.startswith("Review at [GP-PRACTICE] with")


@pytest.mark.parametrize("handle", ["orla.q.quarrendell07", "tamsin_quarrendell.art"])
def test_a_handle_with_a_name_inside_is_redacted_whole(handle: str) -> None:
    out = redact(f"She got messages on Snapchat from {handle} last night.", **_FAMILY)
    assert "[USERNAME]" in out
    assert "07" not in out and ".art" not in out and "quarrendell" not in out.lower()


def test_initials_and_sentence_ends_are_not_handles() -> None:
    out = redact("Seen by Orla. Tamsin said S.Y. was kind.", **_FAMILY)
    assert "[USERNAME]" not in out and "Orla" not in out


def test_initials_opening_an_attendance_item_are_that_persons() -> None:
    text = (
        "Present: TQ chair | RW advocate Rosalind Wexcombe, Harbour Advocacy | "
        "Orla mother\nSchool (RW): Tamsin is settled. RW will visit on Friday."
    )
    out = redact(text, **_FAMILY)
    assert "RW" not in out and "Wexcombe" not in out


def test_initials_of_a_role_in_a_list_item_stay() -> None:
    out = redact("Present: SW Hilary Bexworth | HV not present", **_FAMILY)
    assert "SW" in out and "HV" in out
