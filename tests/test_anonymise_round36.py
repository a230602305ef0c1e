"""Issue #14, round thirty-six: invented sentences for titles, parents' words and terms."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for
from tests.helpers import redact_sample as redact
from tests.helpers import survives as left


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The order was made by District Judge Pellow on the day.", "District"),
        ("Deputy District Judge Amrit Sandhu listed a hearing.", "District"),
        ("His Honour Judge Tremayne gave directions.", "Honour"),
        ("HER HONOUR JUDGE PENROSE MADE THE ORDER.", "HONOUR"),
        ("Police Constable Yardley attended the address.", "Police"),
        ("Acting DS Kellow is the officer in the case.", "Acting"),
    ],
)
def test_a_judges_or_officers_full_title_goes_with_the_name(text: str, title: str) -> None:
    out = redact(text)
    assert not left(out, title), out
    assert "[PROFESSIONAL]" in out, out


@pytest.mark.parametrize(
    ("text", "force"),
    [
        ("Kent Police PC Raffaella Drummond confirmed the log.", "Kent Police"),
        ("Sussex Police DC Ravi Gallimore was allocated.", "Sussex Police"),
        ("Devon and Cornwall Police Constable Amy Hart attended.", "Cornwall Police"),
    ],
)
def test_a_forces_name_before_an_officer_stays_the_forces(text: str, force: str) -> None:
    out = redact(text)
    assert force in out, out
    assert "[PROFESSIONAL]" in out, out


def test_a_collar_number_with_its_forces_letter_goes() -> None:
    out = redact("Referral from DC Matthew Rayleigh 7714W (MASH) this morning.")
    assert "7714" not in out and "W (" not in out, out
    assert "PC Fry 1130 hrs" not in redact("PC Fry 1130 hrs"), "a time stays beside the name"
    assert "1130 hrs" in redact("Seen by PC Fry 1130 hrs.")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Phone call with mum Kerrianne at 6pm, supervised on speaker.", "mum"),
        ("Contact with dad Jermaine at the family hub went well.", "dad"),
        ("Stacey stays with her mam Bridgetta on the site.", "mam"),
    ],
)
def test_a_parents_word_before_a_written_name_stays(text: str, word: str) -> None:
    out = redact_for(text, "Stacey Pengelly", (("Kerrianne Pengelly", "mother"),), "Jo Tamblyn")
    assert left(out, word), out
    assert "Kerrianne" not in out and "Jermaine" not in out and "Bridgetta" not in out, out


def test_a_parents_word_goes_with_a_name_in_a_childs_lower_case() -> None:
    out = redact_for(
        "i want to see mum kerrianne more and dad jermaine",
        "Stacey Pengelly",
        (("Kerrianne Pengelly", "mother"), ("Jermaine Pengelly", "father")),
        "Jo Tamblyn",
    )
    assert not left(out, "mum") and not left(out, "dad"), out


@pytest.mark.parametrize(
    "text",
    [
        "She has been tearful since February half term.",
        "He has not been in school since Oct half term.",
    ],
)
def test_a_months_half_term_is_a_school_calendar_not_a_date(text: str) -> None:
    out = redact(text)
    assert "half term" in out and "[DATE]" not in out, out


def test_a_month_alone_after_since_is_still_a_date() -> None:
    assert "[DATE]" in redact("She has been tearful since February and sleeps badly.")
