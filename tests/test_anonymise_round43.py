"""Issue #14, round forty-three: invented sentences for display names in chats, shops and
charities named with their branch, and the words that must stay."""

from __future__ import annotations

from tests.helpers import redact_for
from tests.helpers import survives as left


def test_a_chat_senders_label_goes_with_the_name() -> None:
    text = (
        'Chat between Tia and "Megan PA Care Leavers".\n'
        "[03/06/2025, 10:01] Tia R: hiya can u ring me\n"
        "[03/06/2025, 10:05] Megan PA Care Leavers: Morning Tia, ringing now\n"
        "[03/06/2025, 10:06] Tia R: ok\n"
        "[03/06/2025, 10:30] Megan PA Care Leavers: Booked for Thursday.\n"
    )
    out = redact_for(text, "Tia Rowe", (("Dawn Rowe", "mother"),), "Megan Hulme")
    assert not left(out, "PA Care Leavers") and not left(out, "Megan"), out
    assert "Booked for Thursday" in out, out


def test_a_sender_saved_with_a_relation_goes_whole() -> None:
    text = (
        'Messages from dad, saved as "Lee B Dad".\n'
        "Lee B Dad 18:02: where is he\n"
        "Stacey 18:05: at mums\n"
        "Lee B Dad 18:06: bring him now\n"
    )
    out = redact_for(
        text, "Finn Barker", (("Stacey Barker", "mother"), ("Lee Barker", "father")), "Ann Hope"
    )
    assert "Dad 18:0" not in out and "[FATHER]" in out, out


def test_a_sender_with_no_name_of_the_note_stays() -> None:
    text = (
        "[03/06/2025, 10:01] Duty Desk: call logged\n"
        "[03/06/2025, 10:05] Tia R: thanks\n"
        "[03/06/2025, 10:06] Duty Desk: passed to team\n"
    )
    out = redact_for(text, "Tia Rowe", (("Dawn Rowe", "mother"),), "Megan Hulme")
    assert "Duty Desk: call logged" in out, out


def test_a_charitys_branch_ends_before_a_day() -> None:
    out = redact_for(
        "Appointment with Citizens Advice Handsworth Thursday 20th at 11am.",
        "Tia Rowe",
        (("Dawn Rowe", "mother"),),
        "Megan Hulme",
    )
    assert not left(out, "Handsworth"), out


def test_a_bureau_by_its_acronym_and_place_is_a_branch() -> None:
    out = redact_for(
        "Advice from Kirkby CAB today about debts. Later he took a CAB home.",
        "Tia Rowe",
        (("Dawn Rowe", "mother"),),
        "Megan Hulme",
    )
    assert not left(out, "Kirkby") and "took a CAB home" in out, out


def test_a_charitys_office_by_its_town_after_a_comma_is_a_branch() -> None:
    out = redact_for(
        "Referred to British Red Cross, Norwich office for family reunion.",
        "Tia Rowe",
        (("Dawn Rowe", "mother"),),
        "Megan Hulme",
    )
    assert not left(out, "Norwich office"), out


def test_a_charitys_cause_after_in_is_its_name() -> None:
    out = redact_for(
        "IDVA from Wearside Women in Need to call. Mum packs at Ridgeway Packaging in Halifax.",
        "Tia Rowe",
        (("Dawn Rowe", "mother"),),
        "Megan Hulme",
    )
    assert not left(out, "in Need") and "in Halifax" in out, out
