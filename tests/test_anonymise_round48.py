"""Issue #14, round forty-eight: invented notes for work done by a named person, and for the
terms of practice the writers keep."""

from __future__ import annotations

from tests.helpers import redact_for
from tests.helpers import survives as left

FAMILY = (("Ruth Okafor", "mother"), ("Dayo Okafor", "brother"))


def test_work_done_by_a_given_name_and_a_surname() -> None:
    text = "Harper's 27-month review done by Lorraine Spence on 18th Feb. Chaired by Jo Hart (IRO)."
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert not left(out, "Spence") and not left(out, "Hart"), out


def test_work_done_by_an_agency_or_a_role_stays() -> None:
    text = "The group is led by Barnardo's. Work done by SW. Assessment carried out by the team."
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "[PROFESSIONAL" not in out, out


def test_roles_front_doors_and_clinics_stay() -> None:
    text = (
        "Referral through First Contact. No longer in contact with the Teenage Pregnancy "
        "midwife. cc: GP; Safeguarding Children Nurse Specialist, Mrs Pam Raine. DC 1187 Sam "
        "Patel, CAIT (SP). Seen at the Refugee Health Clinic. Referred to Healthy Young Minds.\n"
        "STRATEGY DISCUSSION - NON-MOBILE INFANT WITH BRUISING"
    )
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    for term in ("First Contact", "Teenage Pregnancy", "Nurse Specialist", "CAIT",
                 "Refugee Health Clinic", "Healthy Young Minds", "NON-MOBILE INFANT"):  # fmt: skip
        assert term in out, (term, out)
    assert "Raine" not in out and "Patel" not in out, out


def test_a_local_team_named_by_its_place_and_an_animal() -> None:
    text = "Roles: head coach at Tadley Otters (paid). I play netball for the Brent Bulldogs."
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Otters" not in out and "Bulldogs" not in out, out


def test_a_logs_date_with_its_weekday_after_it() -> None:
    text = "SW: Olivia Carter\n10/2 Mon 0650 up, wet bed again.\n13/2 Thurs LAC health review."
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "Mon" not in out and "Thurs" not in out and "LAC health review" in out, out


def test_a_missing_persons_reference_of_year_letters_and_serial() -> None:
    text = "Police MISPER ref for Sunday is 25MIS012877. Also (MISPER 24MIS004411)."
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "012877" not in out and "004411" not in out, out


def test_a_named_leisure_centre_in_lower_case_not_the_towns() -> None:
    text = "badminton club at st crispins leisure centre. we met outside workington leisure centre"
    out = redact_for(text, "Bisi Okafor", FAMILY, "Sam Lee")
    assert "crispins" not in out and "workington leisure centre" in out, out
