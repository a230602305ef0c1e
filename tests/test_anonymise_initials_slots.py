"""The record's people's initials that spell an acronym, where a record writes a person: after
a visit, before a stamp, after an allocation or a sender, after "by" ending a clause, in
brackets beside a date or another person (``anonymise/initials_slots.py``)."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for


def _redact(text: str) -> str:
    return redact_for(text, "Kayden Rowe", (("Leanne Rowe", "mother"),), "Peter Morgan")


@pytest.mark.parametrize(
    "text",
    [
        "17/12 - Home visit PM: Christmas tree up, fridge full.",
        "8/10/24 - Joint visit PM and DS Kent. Home chaotic.",
        "Strategy discussion 07/10/24 (PM, DS Ollie Kent, Mrs Powles). S47 agreed.",
        "Front Door triage 24/03/2025 (PM):\nMum rang back.",
        "Outcome (MASH, PM, 04.03.25): strategy discussion.",
        "FRONT DOOR - ALLOCATED PM 07/04\nOccurrence ref to follow.",
        "Received PM 08/02/25 09:15. Not previously known.",
        "Assessment under s17, allocate to PM. Consult the TM.",
        "19.08.24 - NRM referral made by PM.",
        "Email from PM: yes to the contact plan.",
    ],
)
def test_the_workers_initials_that_spell_an_acronym_go_where_a_person_stands(text: str) -> None:
    out = _redact(text)
    assert "PM" not in out and "[WORKER]" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "The meeting ended at 2 PM 14/03 and mum left.",
        "Contact is at 3 PM.",
        "The PM shift was fine.",
        "See the plan (CP/CIN) from March; (PM/IT) to follow.",
    ],
)
def test_the_acronym_elsewhere_stays(text: str) -> None:
    out = _redact(text)
    assert "PM" in out, out


def test_a_role_or_a_service_after_by_stays() -> None:
    out = redact_for("Rent paid by HB. Referral made by GP.", "Kayden Rowe", (), "Hannah Bright")
    assert "paid by HB" in out and "by GP" in out, out


def test_a_roles_letters_beside_a_name_or_a_stamp_stay_the_role() -> None:
    out = redact_for(
        "Chair: Anna Holroyd (AH, TM)\nFiled by Megan Oldham (MO), SW, 26/02/2025.",
        "Kayden Rowe",
        (("Tina Marsh", "aunt"), ("Sam Walsh", "uncle")),
        "Peter Morgan",
    )
    assert "(AH, TM)" in out or "TM)" in out, out
    assert ", SW, " in out, out
