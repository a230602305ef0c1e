"""Round eighteen: the precision oddities round seventeen left, and what batches AF/AG showed
(issue #14)."""

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
    return redact_for(text, child, family, worker, "R18-1")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Spoke to Amy Chambers at the school about it.", "Amy Chambers"),
        ("Cousin Dean Hall collected them.", "Dean Hall"),
    ],
)
def test_a_given_name_before_an_org_noun_that_is_a_surname_is_a_person(
    text: str, name: str
) -> None:
    out = redact(text)
    assert name not in out
    assert "[PERSON" in out and "[ORGANISATION" not in out


def test_a_firm_named_after_a_surname_stays_an_organisation() -> None:
    out = redact("The barrister is from Smith Chambers in Leeds.")
    assert "[ORGANISATION]" in out and "Smith" not in out


@pytest.mark.parametrize(
    "verb", ["Refer", "Invite", "Signpost", "Encourage", "Remind", "Advise", "Transfer"]
)
def test_an_action_verb_opening_a_plan_line_stays(verb: str) -> None:
    out = redact(f"{verb} Shannon to Housing Options by Friday.")
    assert out.startswith(f"{verb} [PERSON]")


@pytest.mark.parametrize(
    ("text", "pet"),
    [
        ("He has a dog called Rocket who barks at the door.", "Rocket"),
        ("Their staffy named Tyson was in the kitchen.", "Tyson"),
        ("She drew her cat called Biscuit on every page.", "Biscuit"),
    ],
)
def test_a_pet_called_by_name_is_no_person(text: str, pet: str) -> None:
    out = redact(text)
    assert pet in out and "[PERSON" not in out


@pytest.mark.parametrize(
    "text", ["A girl called Destiny was there.", "A boy named Zak was with him."]
)
def test_someone_new_called_by_name_is_still_a_person(text: str) -> None:
    assert "[PERSON]" in redact(text)


def test_an_officers_title_is_no_acronym_of_an_organisation_with_those_initials() -> None:
    out = redact(
        "She goes to Phoenix Club on Fridays. PC Zoe Whitlock attended; PC Whitlock "
        "took a statement."
    )
    assert out.count("[ORGANISATION]") == 1 and "Whitlock" not in out
    assert "[ORGANISATION] [PROFESSIONAL" not in out


def test_initials_after_a_dash_ending_a_log_entry_sign_it() -> None:
    out = redact(
        "Mon 3 Feb\nAte all her tea, bath and bed by 7. - SP\nTues 4 Feb\nNightmare at 2am, "
        "settled after milk. -SP\n"
    )
    assert "SP" not in out and out.count("[PROFESSIONAL]") == 2


def test_an_acronym_after_a_dash_inside_a_line_stays() -> None:
    text = "Referral passed to the team - SW to visit. Health - GP aware."
    assert redact(text) == text
