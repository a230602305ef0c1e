"""Session 58 of issue #14: the record's names in the short forms and the lower case of a
chat; a town's practice whose name is also a word.

In a chat or a child's own writing the family's names are written small and short: ``ash``
for Ashley, ``dom`` for Dominik, ``poppy`` for Poppy-Grace. Where such a form is also a word
it is the person only where it is used as a name: opening a clause before what a person
does, after a word that takes a person, or where the writer names themself (``its poppy``).
The same words used as words stay. After a record person's name in lower case, the record's
surname is the person's too, though it is a word (``lexi brook``).
"""

from __future__ import annotations

import pytest

from tests.helpers import redact_for

FAMILY = (("Joy Lincoln", "mother"), ("Ashley Marsh", "mother's partner"))


def _chat(
    text: str, child: str = "Poppy-Grace Lincoln", family: tuple[tuple[str, str], ...] = FAMILY
) -> str:
    return redact_for(text, child, family, "Gemma Hart", "S58-1")


@pytest.mark.parametrize(
    ("message", "form"),
    [
        ("19:51 Poppy: ye im in my room. ash n mum are arguing again", "ash"),
        ("20:31 Poppy: its calmed down. ash went out in the van", "ash"),
        ("20:40 Poppy: and ash says he will be back", "ash"),
        ("19:42 Poppy: hi gemma its poppy can u come tmrw", "poppy"),
    ],
)
def test_a_record_name_form_used_as_a_name_in_a_chat_is_redacted(message: str, form: str) -> None:
    out = _chat(message)
    assert f" {form} " not in out, out
    assert "[PARTNER]" in out or "[CHILD]" in out, out


@pytest.mark.parametrize(
    ("message", "word"),
    [
        ("19:51 Poppy: the bonfire was all ash by the morning", "all ash"),
        ("19:52 Poppy: i picked a poppy for nan at the park", "a poppy"),
        ("19:53 Poppy: me and mum went to the shop", "me and mum"),
    ],
)
def test_the_same_words_used_as_words_stay(message: str, word: str) -> None:
    out = _chat(message)
    assert word in out, out


def test_and_is_no_short_form_of_a_name_beginning_with_it() -> None:
    family = (("Andrei Lungu", "brother"),)
    out = _chat('Denisa said: "me and mama had a fight last night"', "Denisa Lungu", family)
    assert "me and mama had a fight" in out, out


def test_a_record_surname_after_a_record_name_in_lower_case_goes_with_it() -> None:
    family = (("Joy Brook", "mother"),)
    out = _chat(
        "Her words, copied exactly: my name is lexi brook im 9. We walked by the brook.",
        "Alexis Brook",
        family,
    )
    assert "lexi" not in out and "[CHILD] im 9" in out, out
    assert "walked by the brook." in out, out


def test_a_town_s_practice_is_redacted_though_the_town_is_a_word() -> None:
    out = _chat("Registered at Stone Health Centre and seen at Wells Surgery on Friday.")
    assert "Stone" not in out and "Wells" not in out, out
    assert out.count("[GP-PRACTICE") == 2, out


@pytest.mark.parametrize("text", ["Seen at the Local Surgery.", "A Special School place."])
def test_a_practice_or_school_named_by_a_plain_word_stays(text: str) -> None:
    assert _chat(text) == text


@pytest.mark.parametrize("unit", ["Bungalow 2", "Maisonette 5", "Annexe 1"])
def test_a_bungalow_or_maisonette_number_goes_with_its_street(unit: str) -> None:
    out = _chat(f"Nan lives at {unit}, Kestrel Court, and visits on Sundays. The bungalow is cold.")
    assert out.startswith("Nan lives at [ADDRESS], and visits"), out
    assert "The bungalow is cold." in out, out


@pytest.mark.parametrize(
    ("line", "pub"),
    [
        ("ARGUMENT STARTED AT A FAMILY MEAL AT THE STAR INN, STONE.", "STAR INN"),
        ("HE HAD BEEN DRINKING AT THE FLEECE ON ST NICHOLAS STREET SINCE 4PM.", "FLEECE"),
    ],
)
def test_a_pub_in_a_police_form_s_capitals_is_redacted(line: str, pub: str) -> None:
    out = _chat(f"POLICE NOTIFICATION\n{line}\nOFFICER: PC 4471")
    assert pub not in out and "[ORGANISATION]" in out, out


def test_capitals_that_are_no_pub_stay() -> None:
    text = "POLICE NOTIFICATION\nSEEN AT THE CROWN COURT. THE RED LION WAS CLOSED.\n"
    assert "THE CROWN COURT" in _chat(text) and "THE RED LION WAS CLOSED" in _chat(text)


_WORD_NAMES = (("Joy Tanner", "mother"), ("Hope Tanner", "maternal aunt"))
_FAITH = (("Faith Tanner", "paternal grandmother"),)


@pytest.mark.parametrize(
    ("said", "word"),
    [
        ('His tutor said "he has lost his joy this term".', "lost his joy this term"),
        ('Her nan said "the baby is the only joy I have got".', "the only joy I have got"),
        ('His nan said "I just hope they listen to her".', "I just hope they listen"),
        ('His nan said "it is too precious to sell".', "too precious to sell"),
        ('He told his TA "mum has lost her faith in everything".', "lost her faith in"),
    ],
)
def test_a_record_name_that_is_a_word_stays_a_word_in_quoted_words(said: str, word: str) -> None:
    family = (*_WORD_NAMES, *_FAITH, ("Precious Tanner", "paternal aunt"))
    out = redact_for(said, "Kai Tanner", family, "Gemma Hart", "S58-2")
    assert word in out, out


@pytest.mark.parametrize("text", ["Hope he keeps this up.", "Hope this is useful to you."])
def test_hope_opening_a_wish_is_the_verb(text: str) -> None:
    assert redact_for(text, "Kai Tanner", _WORD_NAMES, "Gemma Hart", "S58-3") == text


@pytest.mark.parametrize(
    "text", ["Hope said she would come.", "I advised Hope that the plan stands."]
)
def test_hope_as_the_aunt_is_redacted(text: str) -> None:
    out = redact_for(text, "Kai Tanner", _WORD_NAMES, "Gemma Hart", "S58-4")
    assert "Hope" not in out and "[AUNT]" in out, out


def test_a_nurse_s_role_stays_before_a_name_that_is_a_word() -> None:
    out = _chat("Other agencies: School Nurse Heather Doxey and Family Nurse Rose Parr.")
    assert "School Nurse [PROFESSIONAL]" in out and "Family Nurse [PROFESSIONAL-2]" in out, out


def test_hours_written_short_are_no_house_number() -> None:
    out = _chat(
        "He has missed 4 sessions, so his free 30 hrs place is at risk. Lives at 30 birch place."
    )
    assert "free 30 hrs place is at risk" in out and "Lives at [ADDRESS]." in out, out


def test_told_her_then_a_record_name_is_the_person() -> None:
    out = redact_for('Kai said "I told her faith was coming".', "Kai Tanner", _FAITH, "Gemma Hart")
    assert "faith" not in out and "[GRANDPARENT]" in out, out
