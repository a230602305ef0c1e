"""Issue #14, round forty: invented sentences for a person before their agency, initials in
mixed case, and a chat's speaker named by a kin word and an initial."""

from __future__ import annotations

from tests.helpers import redact_sample as redact
from tests.helpers import survives as left


def test_a_given_name_and_a_surname_after_by_are_a_person_then_their_agency() -> None:
    out = redact("RHI by Jade Morwick, Horizon Missing Service, on 03/12.")
    assert not left(out, "Morwick") and not left(out, "Horizon"), out
    assert "[PERSON]" in out or "[PROFESSIONAL]" in out, out


def test_a_place_named_after_a_cue_stays_an_organisations_reading() -> None:
    out = redact("Help came from Rose Hill today, then from Amber Valley.")
    assert "Rose Hill" in out and "Amber Valley" in out, out


def test_mixed_case_initials_defined_before_a_name_go_wherever_they_recur() -> None:
    text = (
        "Attendees: KAsh (Karen Ashdown, LADO, chair), NS (Nadia Shah, SW).\n"
        "3. KAsh to consider notifying the employer.\nTel KAsh 01926 742 905."
    )
    out = redact(text)
    assert "KAsh" not in out, out


def test_a_word_with_capitals_before_other_words_in_brackets_stays() -> None:
    out = redact("Seen at McDonalds (Station Road) with friends.")
    assert "McDonalds" in out, out


def test_a_chat_speaker_named_by_a_kin_word_and_an_initial_goes() -> None:
    text = (
        'Carer saw a Snapchat chat with "mummy T 👑".\n'
        "mummy T 👑: hi baby u ok\n"
        "kiki: ye just bored\n"
        "mummy T 👑: u still coming sat\n"
        "kiki: ye if i can get out"
    )
    out = redact(text)
    assert "mummy T" not in out, out
    assert "kiki" not in out, out


def test_a_forms_lettered_fields_are_no_speakers() -> None:
    text = "Plan A: stay home\nPlan A: go out\nPlan B: call\nkiki: ok\nkiki: fine"
    out = redact(text)
    assert out.count("Plan A:") == 2, out


def test_a_police_reference_with_its_forces_code_goes_without_a_cue() -> None:
    out = redact("Police ref for today 20WM/117734/25, the same as before.")
    assert "117734" not in out and "20WM" not in out, out


def test_a_firm_after_someones_job_at_goes() -> None:
    out = redact("Mum leaves at 6am for her job at Fresh Meadow Packing on the estate.")
    assert not left(out, "Packing"), out


def test_a_street_named_after_in_or_on_with_its_own_word_goes() -> None:
    out = redact("The Corsa was parked on Roedale Heights; he stays at a mate's in Sorrel Court.")
    assert not left(out, "Roedale") and not left(out, "Sorrel"), out
    kept = redact("Listed in Crown Court, then in Coroners Court and in Family Court.")
    assert "Crown Court" in kept and "Coroners Court" in kept and "Family Court" in kept, kept
