"""Protected phrases the layers took anyway (``anonymise/kept_terms.py``,
``keep_protected_phrases``; ``anonymise/orgs_at.py``): a programme, a role or a service of the
protected vocabulary stays in the text whichever layer read it as a name or a group's name,
while a branch named with a town, and the record's own people, are still redacted."""

from __future__ import annotations

from tests.helpers import redact_for

_FAMILY = (("Dani Hurst", "mother"), ("Craig Hurst", "father"))


def _redact(text: str) -> str:
    return redact_for(text, "Tayla Hurst", _FAMILY, "Sam Ellis")


def test_a_programme_run_at_a_venue_is_no_group_of_that_name() -> None:
    out = _redact("Dani has self-referred to the\nFreedom Programme at Brindlecote Family Hub.\n")
    assert "Freedom Programme at" in out, out
    assert "Brindlecote" not in out, out


def test_a_role_in_the_vocabulary_between_a_name_and_a_hospital_stays() -> None:
    out = _redact(
        "Present: Dr Aisha Mir, Named Doctor Safeguarding, Royal Oldham Hospital; PC Dean Orme"
    )
    assert "Named Doctor Safeguarding" in out, out
    assert "Aisha" not in out and "Mir," not in out and "Orme" not in out, out


def test_a_programme_in_a_minutes_line_stays() -> None:
    out = _redact("- AN - Craig referred to Respect-accredited programme - TF - Dani to go")
    assert "Respect-accredited programme" in out, out
    assert "Craig" not in out and "Dani" not in out, out


def test_a_national_name_with_a_town_is_still_a_branch() -> None:
    out = _redact("Debt advice through Citizens Advice Great Yarmouth; bailiff action stopped.")
    assert "Citizens Advice Great Yarmouth" not in out, out


def test_the_record_s_own_name_inside_a_phrase_is_still_redacted() -> None:
    out = redact_for(
        "Mrs Young said the Young Carers Assessment was done with Kelly Young.",
        "Tayla Young",
        (("Kelly Young", "mother"),),
        "Sam Ellis",
    )
    assert "Kelly" not in out and "Mrs Young" not in out, out
