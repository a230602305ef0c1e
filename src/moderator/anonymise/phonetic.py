"""Names of the record as they sound: pet forms and spellings no table lists.

A family calls Musa "Moose", Aoife "Eefs", Ava "Avs", Wiktoria "Wika", Inaya "Nayu",
Oskar "Oskarek", Gary "Gaz". None is a beginning or an ending of the name as written, so
the tables of short forms and the letter-by-letter checks in :mod:`.known` miss them; they
are the name's first syllable *as it sounds*, with a diminutive ending. This module
compares sounds, not letters: the Metaphone code of a word (``jellyfish``, a small,
well-kept library of phonetic and edit-distance functions with compiled code and no model
to download), without its leading vowels, so that "Eef" and "Aoife" both sound as ``F``.

A word matches a given name of the record when, once a diminutive ending is taken off,
its sound begins with the sound of the name's first syllable and is itself a beginning of
the name's sound (``Moose`` → ``moos`` → ``MS``; ``Musa`` → ``MS``, first syllable
``mus`` → ``MS``). A spelling or transliteration of the whole name (Muhammad for Mohammed)
sounds the same and is close letter by letter (Jaro-Winkler). These are guesses: the
redactor takes them with a low confidence, so the import review lists them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import jellyfish

_VOWELS = frozenset("aeiouy")
# Endings that make a pet form, longest first: Polish (Oskarek, Wika, Kasia), Russian
# (Sashenka), Spanish and Portuguese (Juanito), Irish (Roisineen), English (Avs, Moose,
# Jakey, Lils), Scots (Cal-ie).
_DIMINUTIVE_ENDINGS = tuple(
    sorted(
        [
            "ushka",
            "enka",
            "eczka",
            "unia",
            "usia",
            "ulek",
            "unio",
            "ito",
            "ita",
            "inho",
            "inha",
            "een",
            "ek",
            "ka",
            "ko",
            "cia",
            "sia",
            "sha",
            "ie",
            "ey",
            "sy",
            "si",
            "es",
            "y",
            "s",
            "a",
            "o",
            "i",
            "u",
            "e",
        ],
        key=len,
        reverse=True,
    )
)
# English pet forms put a z in place of the first syllable's consonant: Gaz, Baz, Shaz, Dazza
_Z_ENDINGS = ("zza", "zzy", "zz", "z")


@lru_cache(maxsize=1 << 14)
def sound(word: str) -> str:
    """The Metaphone code of a lower-case word without its leading vowels ("aoife" -> "F")."""
    code = jellyfish.metaphone(word)
    return code.lstrip("AEIOU")


def first_syllable(name: str) -> str:
    """The first syllable of a name as written: consonants, vowels, one consonant after
    ("musa" -> "mus", "aoife" -> "aoif", "wiktoria" -> "wik", "inaya" -> "in")."""
    i = 0
    while i < len(name) and name[i] not in _VOWELS:
        i += 1
    while i < len(name) and name[i] in _VOWELS:
        i += 1
    return name[: i + 1]


@dataclass(frozen=True)
class _Name:
    key: str
    who: int
    whole: str  # the sound of the whole name
    first: str  # the sound of its first syllable
    bare: str  # the sound of the first syllable without its last consonant ("ga" of Gary)


class PhoneticIndex:
    """The given names of the record by sound, to match pet forms and spellings against."""

    def __init__(self, given: dict[str, int]) -> None:
        self._names: list[_Name] = []
        self._pets: dict[str, int | None] = {}  # a note repeats its words: decide each once
        self._spellings: dict[str, int | None] = {}
        for key, who in given.items():
            self._names += [_Name(part, who, *sounds) for part, sounds in _sounds_of(key)]

    def __bool__(self) -> bool:
        return bool(self._names)

    def pet_form(self, key: str) -> int | None:
        """Whose given name ``key`` (lower case, not itself a listed name) is a pet form of."""
        if key not in self._pets:
            self._pets[key] = self._pet_form(key)
        return self._pets[key]

    def _pet_form(self, key: str) -> int | None:
        if len(key) < 3 or not key.isalpha():
            return None
        heard_stems = [(stem, sound(stem)) for stem in _stems(key)]
        matches = [
            name
            for name in self._names
            if len(key) <= max(len(name.key) + 2, 7)  # pet forms are short
            and _starts_alike(key, name.key)
            and any(
                (heard.startswith(name.first) or (len(heard) >= 2 and heard == name.bare))
                and name.whole.startswith(heard)
                # one consonant is thin evidence: the stem must start like the name too
                and (len(heard) >= 2 or _starts_alike(stem, name.key))
                for stem, heard in heard_stems
                if heard
            )
        ]
        if matches:  # Avs sounds like Ava and like Aoife: the closer spelling wins
            return max(matches, key=lambda n: jellyfish.jaro_winkler_similarity(key, n.key)).who
        for ending in _Z_ENDINGS:
            stem = key[: -len(ending)]
            if key.endswith(ending) and len(stem) >= 2:
                heard = sound(stem)
                for name in self._names:
                    if heard and heard == name.bare and stem[0] == name.key[0]:
                        return name.who
        return None

    def spelling(self, key: str) -> int | None:
        """Whose given name ``key`` is another spelling of: the same sound, close letters
        (Muhammad for Mohammed, Katarzina for Katarzyna), never a different name."""
        if key not in self._spellings:
            self._spellings[key] = self._spelling(key)
        return self._spellings[key]

    def _spelling(self, key: str) -> int | None:
        if len(key) < 4 or not key.isalpha() or not self._names:
            return None
        heard = sound(key)
        for name in self._names:
            if (
                name.whole == heard
                and key[0] == name.key[0]
                and key != name.key
                and _same_ending(key, name.key)  # "Deano" is no spelling of "Dawn"
                and jellyfish.jaro_winkler_similarity(key, name.key) >= 0.8
            ):
                return name.who
        return None


def _same_ending(a: str, b: str) -> bool:
    """Whether two spellings end alike: the same letter, or a vowel each (Katie, Katy)."""
    return a[-1] == b[-1] or (a[-1] in "aeiouy" and b[-1] in "aeiouy")


@lru_cache(maxsize=4096)
def _sounds_of(key: str) -> tuple[tuple[str, tuple[str, str, str]], ...]:
    """The parts of a given name (itself and its hyphenated parts) with their sounds: whole,
    first syllable, first syllable without its last consonant (cached: names recur)."""
    out = []
    for part in {key, *key.split("-")}:
        if len(part) < 3 or not part.isalpha():
            continue
        syllable = first_syllable(part)
        whole, first = sound(part), sound(syllable)
        if whole and first:
            bare = sound(syllable[:-1]) if syllable[-1] not in _VOWELS else first
            out.append((part, (whole, first, bare)))
    return tuple(out)


def _stems(key: str) -> list[str]:
    stems = [key]
    for ending in _DIMINUTIVE_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 2:
            stems.append(key[: -len(ending)])
    return stems


def _starts_alike(a: str, b: str) -> bool:
    """Both begin with a vowel, or with the same letter, or ``a`` begins where ``b`` does
    after its first vowel (Nayu for Inaya)."""
    return (
        a[0] == b[0] or (a[0] in _VOWELS and b[0] in _VOWELS) or (b[0] in _VOWELS and a[0] == b[1])
    )
