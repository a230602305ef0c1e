"""A name written again in its own script, in brackets after the name in Latin letters
(``anonymise/names_scripts.py``): Arabic, Gurmukhi and the other scripts with no capitals are
the person just named; words in those scripts said in quotes stay."""

from __future__ import annotations

import pytest

from tests.helpers import redact_for

FAMILY = (("Manpreet Kaur", "mother"), ("Samira Haddad", "aunt"))


def _redact(text: str) -> str:
    return redact_for(text, "Yusuf Haddad", FAMILY, "Joanne Price")


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Yusuf (يوسف) wrote his own name on the card.", "يوسف"),
        ('Met Abdelrahman (عبد الرحمن إسحاق, "Abdo") at the Foyer.', "عبد الرحمن إسحاق"),
        ("Manpreet (ਮਨਪ੍ਰੀਤ ਕੌਰ), who was quiet, nodded.", "ਮਨਪ੍ਰੀਤ ਕੌਰ"),
        ("Child: Tharshan SIVAKUMAR (தர்ஷன்)   Y5", "தர்ஷன்"),
        ("Met Mrs Begum (রুমানা বেগম) on the ward.", "রুমানা বেগম"),
    ],
)
def test_a_name_in_its_own_script_after_the_name_is_redacted(text: str, written: str) -> None:
    out = _redact(text)
    assert written not in out, out
    assert "([" in out, out


def test_the_same_placeholder_stands_for_both_spellings() -> None:
    out = _redact("Samira (سميرة) spoke through the interpreter.")
    assert out.startswith("[AUNT] ([AUNT])"), out


@pytest.mark.parametrize(
    "text",
    [
        'Olena greeted me "Добрий день" and thanked us.',
        'He told Grace in Arabic "السلام عليكم, I am tired".',
        "The card said (شكراً) in her writing.",
    ],
)
def test_words_in_another_script_not_bracketed_after_a_name_stay(text: str) -> None:
    out = _redact(text)
    for word in ("Добрий", "السلام", "شكراً"):
        if word in text:
            assert word in out, out


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("She signs her name\nثنا رشید and spells it out for us.", "ثنا رشید"),
        ("Tahmid wrote his name for me as তাহমিদ and smiled.", "তাহমিদ"),
        ("Her bibi calls her ਮਾਇਆ at home.", "ਮਾਇਆ"),
        ("Name as written on her letter: রুমেনা বেগম (Rumena Begum).", "রুমেনা বেগম"),
    ],
)
def test_a_name_in_another_script_after_the_words_that_name_it_is_redacted(
    written: str, name: str
) -> None:
    out = _redact(written)
    assert name not in out and "[PERSON" in out, out


def test_a_word_in_another_script_said_in_quotes_stays() -> None:
    out = _redact('Olena thanked me - "дякую" - and walked home.')
    assert "дякую" in out, out


def test_a_name_in_another_script_after_a_slash_or_its_languages_cue() -> None:
    from tests.helpers import redact_for

    out = redact_for(
        "Child's name in Arabic as written by Omar in my notebook: عمر الحسن\n\n"
        'Mum (Rubina / روبینہ) was anxious. He said "شكرا" to me.',
        "Tyler Hassan",
        (("Rubina Hassan", "mother"),),
        "Sam Ellis",
    )
    assert "عمر" not in out and "روبینہ" not in out, out
    assert '"شكرا"' in out, out


@pytest.mark.parametrize(
    ("text", "written"),
    [
        # the bracket opens the next line, or the name goes on to it
        ("Met Mrs Haddad\n(سميرة حداد) at the door.", "سميرة حداد"),
        ("Seen Yusuf (يوسف\nحداد) at school.", "يوسف\nحداد"),
        # an age or a relation first, in the bracket or before it
        ("Yusuf (9, يوسف) drew his house.", "يوسف"),
        ("Household\nManpreet Kaur (mother, 34) - ਮਨਪ੍ਰੀਤ\nOthers: none", "ਮਨਪ੍ਰੀਤ"),
        ("YUSUF (9)   يوسف\nattends Year 4", "يوسف"),
    ],
)
def test_a_name_in_its_own_script_after_a_line_break_an_age_or_a_relation(
    text: str, written: str
) -> None:
    out = _redact(text)
    for word in written.split():
        assert word not in out, out


def test_a_name_in_its_own_script_read_in_part_first_is_taken_whole() -> None:
    out = redact_for(
        'At 14:30 Sofiia (Софія\nКоваленко) said "дякую" to the nurses.',
        "Sofiia Kovalenko",
        (),
        "Joanne Price",
    )
    assert "Софія" not in out and "Коваленко" not in out, out
    assert out.count("[CHILD]") == 2 and '"дякую"' in out, out


def test_a_name_in_another_script_after_its_language_and_what_it_is_for() -> None:
    out = _redact("He wrote his name in Pashto for a form: سمیع الله. Then he drew.")
    assert "سمیع" not in out and "الله" not in out, out


def test_words_in_another_script_bracketed_after_a_word_that_is_no_name_stay() -> None:
    out = _redact('The sign (13) - "مرحبا" - hung in the hall. Mum (tired, شكراً) smiled.')
    assert "مرحبا" in out, out
