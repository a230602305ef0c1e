"""A record's name that is also a word, and a field's name that looks like a handle: the
word stays where it is used as one (``known_use.py``, ``layer_variants.py``).

- a modal verb that is a child's name (Will, May) before a verb's bare form: ``he "will stop
  going"``, while ``will said`` and ``with will and mum`` are the child;
- a surname ``Page`` in a document's footer: ``Page 1 of 3``;
- a table's header row of fields joined by underscores: ``date,event,impact_on_child``.
"""

from __future__ import annotations

import pytest

from tests.helpers import redact_for


def test_a_modal_verb_that_is_the_child_s_name_stays_before_a_verb() -> None:
    out = redact_for(
        'He said he "will stop going down the river" if dad stops. Will said he may go.',
        "Will Perry",
        (("May Perry", "mother"),),
        "Sam Ellis",
    )
    assert '"will stop going' in out and "[CHILD] said he may go" in out, out


@pytest.mark.parametrize("named", ["i went with will and mum", "will said it was fine"])
def test_the_child_called_will_is_still_redacted_in_lower_case(named: str) -> None:
    out = redact_for(f'He told me "{named}".', "Will Perry", (), "Sam Ellis")
    assert "will" not in out.lower().replace("[child]", ""), out


def test_a_page_number_is_no_surname() -> None:
    out = redact_for(
        "OFFICIAL    Page 1 of 3\nPAGE, Harley  ref 11842\nHarley Page was seen.",
        "Harley Page",
        (("Dean Page", "father"),),
        "Sam Ellis",
    )
    assert "Page 1 of 3" in out and "Harley" not in out, out


def test_a_table_s_header_row_keeps_its_field_names() -> None:
    out = redact_for(
        "date,source,event,impact_on_child,recorded_by\n"
        "2024-06-03,Police,DA call,high,pc_jones\nHer snap is kayla_x07.",
        "Kayla Reid",
        (),
        "Sam Ellis",
    )
    assert "impact_on_child,recorded_by" in out, out
    assert "pc_jones" not in out and "kayla_x07" not in out, out


def test_a_form_s_header_is_not_joined_to_a_name_in_its_next_column() -> None:
    out = redact_for(
        "Minutes\nOFFICIAL - SENSITIVE                          STONE, K   CP ref 77104\n"
        "Kayla Stone attended.",
        "Kayla Stone",
        (("Tina Stone", "mother"),),
        "Sam Ellis",
    )
    assert "OFFICIAL - SENSITIVE" in out and "STONE" not in out, out


def test_a_title_s_name_ends_at_a_form_s_gap() -> None:
    out = redact_for(
        "Yours sincerely\nDr Mark Heston   GMC 6104233\nSafeguarding Lead",
        "Kayla Reid",
        (),
        "Sam Ellis",
    )
    assert "Heston" not in out and "GMC" in out and "6104233" not in out, out


def test_dictations_marks_and_a_hyphenated_places_small_words_are_no_names() -> None:
    from tests.helpers import redact_for

    out = redact_for(
        "dictated full stop she babysits on a friday night new paragraph hoad view nursery "
        "report attendance is fine full stop\nPlaced with gran at Kirkby-in-Furness (SGO).",
        "Lacey Kirkby",
        (("Irene Kirkby", "grandmother"),),
        "Sam Ellis",
    )
    assert "new paragraph" in out and "Kirkby-in-Furness" in out, out
    assert "hoad view" not in out, out


def test_firms_and_services_a_dictated_note_names_in_lower_case() -> None:
    from tests.helpers import redact_for

    out = redact_for(
        "dictated full stop she is going to her solicitor at tyne valley family law on friday "
        "full stop the imam at tynedale islamic centre knows the family full stop an "
        "interpreter was requested through northside language services full stop she studies "
        "criminal law and went to the theatre full stop",
        "Zara Hussain",
        (("Nadia Hussain", "mother"),),
        "Sam Ellis",
    )
    for name in ("tyne valley", "tynedale", "northside"):
        assert name not in out, out
    assert "requested through [" in out and "criminal law" in out and "the theatre" in out, out


def test_greetings_and_thanks_in_families_languages_are_no_names() -> None:
    from tests.helpers import redact_for

    out = redact_for(
        "Mum said shukriya and jazakallah; I said Khuda hafiz and she laughed. Gran said "
        "Diolch and Dziękuję at the door.",
        "Riley Hume",
        (("Kayleigh Hume", "mother"),),
        "Sam Ellis",
    )
    for said in ("shukriya", "jazakallah", "Khuda hafiz", "Diolch", "Dziękuję"):
        assert said in out, out


def test_a_quoted_greeting_or_endearment_is_no_nickname() -> None:
    from tests.helpers import redact_for

    family = (("Rasha Saleh", "mother"), ("Khaled Saleh", "father"))
    out = redact_for(
        'Interpreter by phone. "Ahlan" - Rasha welcomed us; Khaled made tea. I will open with'
        ' "Assalam-o-Alaikum" next time. He said "Labas" and then would not talk. Nain calls'
        ' her "cariad" and she likes it. Sawubona, she said.',
        "Amira Saleh",
        family,
        "Sam Ellis",
    )
    for said in ("Ahlan", "Assalam-o-Alaikum", "Labas", "cariad", "Sawubona"):
        assert said in out, out
    assert "Rasha" not in out and "Khaled" not in out, out


def test_a_quoted_nickname_that_is_no_greeting_is_still_taken() -> None:
    from tests.helpers import redact_for

    out = redact_for(
        'He is known as "Bigz" on the estate and "Jaydee" - Jaylen Cole is his friend.',
        "Amira Saleh",
        (("Rasha Saleh", "mother"),),
        "Sam Ellis",
    )
    assert "Bigz" not in out and "Jaydee" not in out, out


def test_clinical_abbreviations_and_therapies_stay() -> None:
    from tests.helpers import redact_for

    out = redact_for(
        "Investigations: skeletal survey NAD; CT head NAD. Speech and language therapy"
        " (Bobbie Garside, SaLT). Ed Psych review (Dr Tom Ellison) due. ELSA weekly;"
        " Sensory Circuits daily.",
        "Darya Karimi",
        (("Rasha Karimi", "mother"),),
        "Sam Ellis",
    )
    for kept in ("survey NAD", "head NAD", "SaLT", "Ed Psych", "Sensory Circuits"):
        assert kept in out, out
    assert "Garside" not in out and "Ellison" not in out, out


def test_mixed_case_initials_are_no_role() -> None:
    from tests.helpers import redact_for

    out = redact_for(
        "Strategy met, joint investigation (BP/RTa). DS Rob Tandy - RTa (Kent Police).",
        "Darya Karimi",
        (("Rasha Karimi", "mother"),),
        "Sam Ellis",
    )
    assert "RTa" not in out, out
