"""Names in a note dictated by voice (``anonymise/names_dictated.py``): a long line with no
capital at all is read as typed in lower case, and a name found there takes the title said
before it and the surname said after it, but not the words that go on with the sentence."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for

CHILD = "Zuzanna Nowak"
FAMILY = (("Agnieszka Nowak", "mother"), ("Tomasz Nowak", "father"))
WORKER = "Ceri Humphreys"
OPENING = "home visit note dictated full stop present mum agnieszka and zuzanna who is six comma "


def _dictated(rest: str) -> str:
    return redact_for(OPENING + rest + " full stop next visit in two weeks", CHILD, FAMILY, WORKER)


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("the team manager iwan price rang about the strategy discussion", "iwan price"),
        ("the officer in the case is pc warren toplis bail conditions apply", "pc warren toplis"),
        ("the school attendance officer mrs denise harlow had left a letter", "mrs denise"),
        ("her best friend tyler brooks had been off school too", "tyler brooks"),
        ("she said darren pike is not her partner any more", "darren pike"),
        (
            "the referral came from the school d s l mister olu bankole at nine",
            "mister olu bankole",
        ),
    ],
)
def test_a_dictated_name_takes_its_title_and_surname(said: str, name: str) -> None:
    out = _dictated(said)
    assert name not in out, out
    for word in name.split():
        assert f" {word} " not in out, out


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("she said darren is not her partner any more", "is not her partner"),
        ("mum gave tyler lunch and then went to work", "lunch and then"),
        ("her aunty wont let her go to zaras sleepover on saturday", "sleepover on saturday"),
    ],
)
def test_the_words_after_a_dictated_name_stay(said: str, kept: str) -> None:
    out = _dictated(said)
    assert kept in out, out


def test_a_short_line_in_lower_case_is_no_dictation() -> None:
    # (a heading or a list item in lower case is not read as a dictated passage)
    out = redact_for("Notes\nsaw darren pike\nPlan agreed.", CHILD, FAMILY, WORKER)
    assert "pike" in out, out


def test_a_dictated_line_with_i_and_letters_said_in_capitals_is_still_dictated() -> None:
    out = redact_for(
        "plan early help refusal noted I will refer to the idva service and the G P and ask "
        "health visitor lisa bentley to do a joint visit with me next week full stop",
        "Ayan Rashid",
        (("Saima Rashid", "mother"),),
        "Liam Fairclough",
    )
    assert "bentley" not in out and "lisa" not in out, out


@pytest.mark.parametrize(
    ("said", "gone"),
    [
        ("he is on nights at hollinwood meats and sends most of it home", "hollinwood"),
        ("the housing officer from brindle homes is chasing a new one", "brindle"),
        ("he works evenings at raja spice on the high street", "raja"),
    ],
)
def test_a_firm_named_in_lower_case_by_its_trade_is_redacted(said: str, gone: str) -> None:
    out = redact_for(said, "Ayan Rashid", (("Saima Rashid", "mother"),), "Liam Fairclough")
    assert gone not in out and "[ORGANISATION]" in out, out


@pytest.mark.parametrize(
    "kept", ["the care homes meeting", "went to the garage", "a big warehouse"]
)
def test_a_trade_s_word_after_everyday_words_stays(kept: str) -> None:
    out = redact_for(f"mum said {kept} was fine", "Ayan Rashid", (), "Liam Fairclough")
    assert kept in out, out


@pytest.mark.parametrize(
    ("said", "gone"),
    [
        ("actions ask IRO miss dunne about adding family time", "dunne"),
        ("medical today with doctor fairclough at three pm", "fairclough"),
        ("the housing officer mr de souza is chasing a new one", "souza"),
    ],
)
def test_a_title_said_in_lower_case_takes_the_surname_after_it(said: str, gone: str) -> None:
    out = redact_for(said, "Ayan Rashid", (), "Liam Fairclough")
    assert gone not in out.lower().replace("[", ""), out


@pytest.mark.parametrize("kept", ["i miss dunne so much", "saw the doctor today"])
def test_a_verb_or_a_role_before_a_word_is_no_title(kept: str) -> None:
    out = redact_for(f"she said {kept}", "Ayan Rashid", (), "Sam Ellis")
    assert kept in out, out


def test_a_rank_in_capitals_before_a_dictated_name_takes_the_surname() -> None:
    from tests.helpers import redact_for

    out = redact_for(
        "dictated visit full stop i went to the house with DC neil bowman from the "
        "safeguarding unit full stop",
        "Riley Hume",
        (("Kayleigh Hume", "mother"),),
        "Mark Dinning",
    )
    assert "neil" not in out and "bowman" not in out, out


def test_a_dictated_line_may_hold_a_capitalised_town_or_day() -> None:
    from tests.helpers import redact_for

    out = redact_for(
        "dictated full stop nadia said zara has been staying with her at her flat flat three "
        "eighteen priestley court since Tuesday night after a big argument at home with her "
        "dad full stop she said imraan took her phone full stop\n"
        "A wren was nesting in the garden when we arrived and the children were at school.",
        "Zara Hussain",
        (("Nadia Hussain", "mother"), ("Imran Hussain", "father"), ("Wren Hussain", "sister")),
        "Mark Dinning",
    )
    assert "priestley court" not in out and "imraan" not in out, out
    assert "A wren was nesting" in out, out


def test_a_role_spelt_letter_by_letter_after_a_name_is_no_initial() -> None:
    from tests.helpers import redact_for

    out = redact_for(
        "dictated full stop present were mrs bev tweddle d s l at the school full stop "
        "copied exactly: hi jess its summer p i am using jakes phone",
        "Riley Hume",
        (("Kayleigh Hume", "mother"),),
        "Mark Dinning",
    )
    assert "d s l at" in out and "tweddle" not in out, out
    assert " p i am" not in out, out
