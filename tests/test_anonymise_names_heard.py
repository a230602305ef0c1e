"""The record's people's names as dictation spells them, by sound (``anonymise/names_heard.py``).

In a dictated note, a lower-case word that is no everyday word and sounds like a name of the
record's people, and is close to it letter by letter, is that person: ``sean`` for Shaun,
``sharka doozdova`` for Šárka Duždová, ``imraan`` for Imran. A word of English that sounds
like a surname is the person only straight after their given name (``sean twiddle``); a
town or a street stays.
"""

from __future__ import annotations

from moderator.anonymise.names_heard import sounds_alike
from tests.helpers import redact_for

FAMILY = (
    ("Kayleigh Hume", "mother"),
    ("Shaun Tweddle", "mother's partner"),
    ("Šárka Duždová", "grandmother"),
    ("Imran Hume", "uncle"),
    ("Lincoln Hume", "brother"),
)
DICTATED = "dictated home visit full stop present were mum and the baby full stop "


def _redact(text: str) -> str:
    return redact_for(DICTATED + text, "Riley Hume", FAMILY, "Mark Dinning")


def test_names_spelt_as_heard_are_the_record_people() -> None:
    out = _redact(
        "her partner sean twiddle was there full stop sean said he tapped him full stop "
        "nan sharka doozdova came and imraan came later full stop"
    )
    for heard in ("sean", "twiddle", "sharka", "doozdova", "imraan"):
        assert heard not in out, out
    assert "[PARTNER]" in out and "[UNCLE]" in out, out


def test_words_towns_and_streets_that_sound_like_names_stay() -> None:
    out = _redact(
        "we will twiddle our thumbs full stop dad moved to lincoln full stop the cafe on "
        "teme street full stop"
    )
    assert "twiddle our thumbs" in out and "moved to lincoln" in out, out
    for whose in ("[PARTNER]", "[BROTHER]", "[UNCLE]", "[MOTHER]", "[GRANDPARENT]"):
        assert whose not in out, out  # ("teme street" is the street's, if anyone's)


def test_sounds_alike_needs_the_sound_and_the_letters() -> None:
    assert sounds_alike("sean", "shaun") and sounds_alike("doozdova", "duzdova")
    assert not sounds_alike("maxine", "mark")
    assert not sounds_alike("imran", "ian")
