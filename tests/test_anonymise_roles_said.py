"""A professional named after their role in a dictated line (``anonymise/names_roles_said.py``):
``social worker tom heeley``, ``the health visitor is jane``, ``nurse bev o'connor``; the same
words wherever they recur; a role with no name after it stays."""

from __future__ import annotations

from tests.helpers import redact_for


def _redact(text: str) -> str:
    return redact_for(text, "Riley Hume", (("Kayleigh Hume", "mother"),), "Mark Dinning")


def test_a_name_said_after_its_role_is_a_professional_wherever_it_recurs() -> None:
    out = _redact(
        "dictated full stop present social worker tom heeley full stop the health visitor is "
        "jane from the family hub and she is coming full stop tom heeley and i will visit "
        "full stop apologies from nurse bev o'connor school nursing full stop"
    )
    for said in ("tom", "heeley", "jane", "bev", "o'connor"):
        assert said not in out, out
    assert "social worker [" in out and "school nursing" in out and "nurse" not in out, out


def test_a_role_with_no_name_after_it_stays() -> None:
    out = _redact(
        "dictated full stop the teacher was lovely full stop the social worker will visit on "
        "friday full stop the health visitor is coming full stop"
    )
    assert "the teacher was lovely" in out and "social worker will visit" in out, out
    assert "health visitor is coming" in out, out


def test_a_given_name_that_is_a_word_said_after_its_role_before_a_surname() -> None:
    out = _redact(
        "dictated new paragraph chair was team manager mark ellison and her key worker there"
        " is precious mutasa full stop mutasa will ring me full stop"
    )
    for gone in ("mark", "ellison", "precious", "mutasa"):
        assert gone not in out, out


def test_a_word_after_a_role_with_no_surname_stays() -> None:
    text = (
        "dictated new paragraph the social worker will visit next week and the team manager"
        " said yes and the nurse joy was lovely full stop"
    )
    assert _redact(text) == text


def test_a_nurse_named_by_title_and_initial_whatever_her_surname() -> None:
    from tests.helpers import redact_for

    out = redact_for(
        "| Health | RHA done, dentist overdue | Nurse J. Pharaoh, CLA Health |\n"
        "Seen by Nurse J. Pharaoh today; Sister A. Ward came with her.",
        "Riley Hume",
        (("Kayleigh Hume", "mother"),),
        "Mark Dinning",
    )
    assert "Pharaoh" not in out and "Ward" not in out, out
    assert out.count("[PROFESSIONAL]") == 2, out  # the same nurse, the same placeholder
    assert "CLA Health" in out, out


def test_a_relatives_word_with_an_initial_is_no_nursing_title() -> None:
    from tests.helpers import redact_for

    text = "Her sister A. is 12 and the nurse said Hello to her."
    assert redact_for(text, "Riley Hume", (), "Mark Dinning") == text
