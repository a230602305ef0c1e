"""Issue #14, round thirty: invented sentences for the mechanisms read from batches BF and BG."""

from __future__ import annotations

from tests.helpers import redact_for
from tests.helpers import redact_sample as redact
from tests.helpers import survives as left


def test_slurs_a_child_quotes_are_no_names() -> None:
    out = redact("the big boys at school call me pikey and gyppo and laugh")
    assert "pikey and gyppo" in out, out


def test_a_coach_goes_with_the_name_in_any_case() -> None:
    text = (
        "i play football with coach tony on saturdays. Gymnastics after tea, coach Simone "
        "said she is doing well. The coach said no and we went by coach."
    )
    out = redact(text)
    assert not left(out, "tony") and not left(out, "Simone"), out
    assert not left(out, "coach tony") and "coach [" not in out, out
    assert "The coach said no" in out and "by coach." in out, out


def test_a_bands_letter_ends_the_sentence_and_is_no_initial() -> None:
    text = "Housing register made 20/11/24, band C. Ahmad worries. SUPPLY OF CLASS A. KACPER LEFT."
    out = redact_for(text, "Ahmad Noorzai", (("Kacper Nowakowski", "brother"),), "Carys Mountjoy")
    assert "band C. [" in out and "CLASS A. [" in out, out


def test_post_nominal_letters_and_facetime_stay() -> None:
    out = redact(
        "Yours sincerely\n\nDr Anjali Mehtani MBBS MRCGP\nGP Partner. She FaceTimed her Lola."
    )
    assert "MBBS MRCGP" in out and "FaceTimed" in out, out
    assert not left(out, "Mehtani"), out


def test_a_near_spelling_of_a_record_name_before_another_surname_is_someone_else() -> None:
    # "Nicola" is a near spelling of the half-brother Nikolay; with a surname of her own after
    # it she is another person, whose surname is a word ("Frost") and whose initials follow
    text = "Present: Nicola Frost (NF, HV), Mrs Anna Levchenko. Health (NF): weight fine."
    family = (("Galina Dimitrova", "mother"), ("Nikolay Yordanov", "half-brother"))
    out = redact_for(text, "Yoana Dimitrova", family, "Carys Mountjoy")
    assert not left(out, "Frost") and not left(out, "NF"), out


def test_a_role_at_a_school_in_a_sentence_is_no_group_meeting_there() -> None:
    out = redact("Phoned the DSL at The Mountbatten School, Mr Robert Ferris, on 28.5.25.")
    assert out.startswith("Phoned the DSL at ["), out


def test_initials_after_a_titled_name_leave_the_title_out() -> None:
    text = "Nurse Helen Tappley (HT, Looked After Children health)\nActions: HT to offer a date."
    out = redact(text)
    assert not left(out, "HT"), out


def test_a_police_forces_unit_and_a_liaison_service_are_public_services() -> None:
    text = (
        "Attendees: DC Ryan Mallinder (WYP Child Exploitation Team). "
        "Invite GRT Education Liaison (Wakefield Council) to the next meeting."
    )
    out = redact(text)
    assert "WYP Child Exploitation Team" in out and "GRT Education Liaison" in out, out
    assert not left(out, "Mallinder"), out


def test_a_persons_surname_letter_before_a_score_goes_with_the_name() -> None:
    out = redact("Scaling (safety, 0-10): ME 5, JR 4, Sam F 4, Inese 8. Seen in Room S 12.")
    assert not left(out, "F") and "Room S 12" in out, out
