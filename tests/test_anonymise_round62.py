"""Issue #14, round sixty-two (session 55): what batches DX and DY showed, each mechanism with
invented cases."""

from __future__ import annotations

from tests.helpers import redact_for

FAMILY = (("Ruth Okafor", "mother"), ("Dayo Okafor", "brother"))


def test_words_going_on_a_public_services_name_are_no_person() -> None:
    out = redact_for(
        "Checked on the Police National Computer. Council Tax Support applied for.",
        "Bisi Okafor",
        FAMILY,
        "Sam Lee",
    )
    assert "Police National Computer" in out, out
    assert "Council Tax Support" in out, out


def test_a_person_after_a_police_role_is_still_a_person() -> None:
    out = redact_for("Police Constable Amy Hartwell attended.", "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Hartwell" not in out, out


def test_a_northern_street_named_by_its_gate_in_lower_case() -> None:
    text = (
        "hes got a flat on quarrygate now. meet me on fellingate after. "
        "school to investigate. she went to margate with nan."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "quarrygate" not in out and "fellingate" not in out, out
    assert "investigate" in out, out  # a word
    assert "margate" in out, out  # a town, kept as towns are


def test_a_charitys_region_or_place_in_brackets_goes_with_it() -> None:
    text = (
        "She sees Freedom from Torture (North West) and Mind (Leeds) weekly. "
        "Mind (Monday) was full. Young Carers (Tamworth) will call."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "North West" not in out and "(Leeds)" not in out, out
    assert "Mind (Monday)" in out, out  # a day, no branch
    assert "Young Carers" in out, out  # a kind of service, kept with its place
