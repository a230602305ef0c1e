"""Issue #14, round fifty: invented notes for agencies named after a role's word, and for
groups whose name ends in ``Youth``."""

from __future__ import annotations

from tests.helpers import redact_for

FAMILY = (("Ruth Okafor", "mother"), ("Dayo Okafor", "brother"))


def test_an_agency_after_a_roles_word_is_no_person() -> None:
    text = (
        "Present: DK (Recovery worker, Riverside Recovery Project), Jo Hart (SW). "
        "Also (support worker, Brookvale Carers Trust)."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    # the agency goes, but its words are not a person's: the role's words elsewhere stay
    assert "Riverside" not in out and "Brookvale" not in out, out
    assert "(Recovery worker," in out and "(support worker," in out, out
    assert "[PROFESSIONAL] worker" not in out, out


def test_a_person_named_after_a_roles_word_still_goes() -> None:
    text = "Present: (support worker, Bryony Castle) and HV Paula Grange."
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Castle" not in out and "Grange" not in out, out


def test_a_group_whose_name_ends_in_youth() -> None:
    text = (
        "Return Home Interview offered via Waypoint Youth. He plays for Strood Albion Youth. "
        "The Youth Justice Service and Early Help youth work were discussed."
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Waypoint" not in out and "Albion" not in out, out
    assert "Youth Justice Service" in out and "Early Help youth work" in out, out
