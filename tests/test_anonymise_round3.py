"""Round three of the redactor's mechanisms (issue #14), on general cases: names the record
gives in other forms, initials, organisations, dates and identifiers, names that are words."""

from __future__ import annotations

import pytest

from tests.test_anonymise_redact import redact


@pytest.mark.parametrize("form", ["Cal", "Calla"])
def test_a_short_form_of_the_childs_own_name_is_the_child(form: str) -> None:
    # the child is the record's first person: its short forms count like anyone else's
    out = redact(f"Then {form} was absent. {form} came back.", child_name="Callan Doig")
    assert out == "Then [CHILD] was absent. [CHILD] came back."
