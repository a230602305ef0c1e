"""The record's people's names as dictation spells them: by how they sound.

Voice-to-text writes a name it does not know as it hears it, in lower case: ``sean`` for
Shaun, ``twiddle`` for Tweddle, ``sharka doozdova`` for Šárka Duždová, ``kerris`` for
Ceris, ``imraan`` for Imran. None of these is the name as the record spells it, and none is
a word of English. In a dictated line (or one nine words in ten in lower case), a lower-case word of four letters or more that is
no everyday word nor a place is one of the record's people when it sounds like one of their given names
or surnames (the same NYSIIS or Metaphone code, from ``jellyfish``, a dependency already)
and is close to it letter by letter (Jaro-Winkler 0.75 or more, so that a short code alone
does not decide). Letters with a caron are heard as English writes them (``Š`` as ``sh``).
These are guesses: taken with a low confidence, for the import's review.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from itertools import pairwise

import jellyfish

from moderator.anonymise.known_said import KIN_BEFORE_NAME, _word_before
from moderator.anonymise.lexicon import frequent_word, word_key
from moderator.anonymise.names_lower import dictated_lines
from moderator.anonymise.state import State

HEARD_CONFIDENCE = 0.7
_WORD = re.compile(r"(?<![\w'’-])[a-z]{3,20}(?![\w'’-])")
_SPLIT = re.compile(r"[\s-]+")
_PLACE_AFTER = re.compile(
    r"[ \t]+(?:street|road|lane|avenue|close|drive|way|court|grove|crescent|place|terrace|walk"
    r"|gardens|park|green|hill|house|school|primary|academy|estate)\b"
)
_HEARD_AS = str.maketrans({"š": "sh", "ž": "zh", "č": "ch", "ś": "sh", "ż": "zh", "ł": "w"})


@lru_cache(maxsize=4096)
def heard(name: str) -> tuple[str, ...]:
    """A name part in lower case without accents, as written and as English hears its
    letters (``Šárka``: ``sarka``, ``sharka``)."""
    forms = []
    for lowered in (name.lower(), name.lower().translate(_HEARD_AS)):
        plain = unicodedata.normalize("NFD", lowered)
        forms.append("".join(c for c in plain if "a" <= c <= "z"))
    # Welsh and Irish names open as English does not write them: a "c" is always hard
    # (Cerys heard "keris"), and "si" before a vowel is "sh" (Siân heard "sharn", Siobhan)
    forms += [_CELTIC_OPENING.sub(lambda m: _CELTIC[m.group()[:2]], f) for f in forms]
    # and Irish writes a "v" as "bh" or "mh" inside a name (Siobhan heard "shivorn")
    forms += [_IRISH_V.sub("v", f) for f in forms if "bh" in f or "mh" in f]
    # names whose letters English reads otherwise, as they are said (Niamh: "neeve")
    forms += said_forms().get(forms[0], ())
    return tuple(dict.fromkeys(f for f in forms if len(f) >= 3))


@lru_cache(maxsize=1)
def said_forms() -> dict[str, tuple[str, ...]]:
    """``data/said_names.txt``: a name (in lower case, without accents) to the spellings
    dictation and note-takers write for it as it is said."""
    text = resources.files("moderator.anonymise").joinpath("data", "said_names.txt")
    out: dict[str, tuple[str, ...]] = {}
    for line in text.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, said = line.partition(":")
        key = name.strip().lower()
        out[key] = out.get(key, ()) + tuple(s.strip().lower() for s in said.split(",") if s.strip())
    return out


_CELTIC_OPENING = re.compile(r"\A(?:c[eiy]|si(?=[aeiou]))")
_IRISH_V = re.compile(r"(?<=[aeiou])[bm]h")
_CELTIC = {"ce": "ke", "ci": "ki", "cy": "ky", "si": "sh"}
# a dictated "r" after a vowel that English does not sound ("sharn" for Siân, "shivorn")
_UNSOUNDED_R = re.compile(r"(?<=[aeiou])r(?![aeiouy])")


@lru_cache(maxsize=8192)
def sounds_alike(word: str, name: str) -> bool:
    """Whether the dictated ``word`` sounds like the name part ``name`` (see the module)."""
    if word == name:
        return True
    if len(name) < 3:
        return False
    if "r" in word and "r" not in name:
        word = _UNSOUNDED_R.sub("", word)
    same = jellyfish.nysiis(word) == jellyfish.nysiis(name) or (
        jellyfish.metaphone(word) == jellyfish.metaphone(name)
    )
    return same and jellyfish.jaro_winkler_similarity(word, name) >= 0.75


def find_heard_names(st: State) -> None:
    """Lower-case words of dictated lines that sound like the record's people's names."""
    lines = lower_lines(st.text)
    # and anywhere, a word in lower case after a relative's word ("her mum sharn (Siân …)")
    kin = _after_kin(st)
    if not lines and not kin:
        return
    parts = heard_parts(st)
    if not parts:
        return
    words, common, given = st.lex.words, st.lex.common, st.known.given_keys
    places = st.lex.places
    said = _said_by(st)
    text = st.text
    last_end, last_label = -1, ""
    inside = [m for lo, hi in lines for m in _WORD.finditer(text, lo, hi)]
    for a, b in kin:
        if not any(lo <= a < hi for lo, hi in lines):
            m = _WORD.fullmatch(text, a, b)
            if m is not None:
                inside.append(m)
    for m in sorted(inside, key=lambda m: m.start()):
        word = m.group()
        if word in given or len(word) < 4 or not st.free(m.start(), m.end()):
            continue  # (the name as the record spells it: the known layer's)
        if (word,) in places or _PLACE_AFTER.match(text, m.end()):
            continue  # "moved to lincoln", "on teme street": a town, a street
        owners = list(dict.fromkeys(who for name, who in parts if sounds_alike(word, name)))
        if not owners:
            continue
        follows = text[last_end : m.start()] == " "
        # a surname after a given name heard just before is that person's ("shavawn burn")
        owner = next(
            (o for o in owners if follows and st.known.people[o].label == last_label),
            owners[0],
        )
        # one of the spellings a name is said with (data/said_names.txt): "neve" for Niamh
        exact = said.get(word) == owner
        person = st.known.people[owner]
        after_the_same = follows and last_label == person.label
        if (
            (word in words or word in common)
            and not after_the_same
            and not (exact and not frequent_word(word))
        ):
            continue  # "twiddle" is a word, unless it follows "sean" heard as Shaun
            # (and Niamh said "neve", a rare word, is the child)
        if (
            len(word) == 4
            and not after_the_same
            and not exact
            and word not in st.lex.given
            and word not in st.lex.surnames
            and not _named_around(st, m.start(), m.end())
        ):
            continue  # "the white merc": a short word sounds like many names
        st.take(m.start(), m.end(), person.kind, person.label, 50, HEARD_CONFIDENCE)
        last_end, last_label = m.end(), person.label


def _after_kin(st: State) -> list[tuple[int, int]]:
    """Where a word in lower case follows a relative's word after spaces ("mum sharn")."""
    text, words = st.text, st.words()
    return [
        (b[0], b[1])
        for a, b in pairwise(words)
        if a[2] in KIN_BEFORE_NAME
        and b[2].islower()
        and 4 <= len(b[2]) <= 20
        and text[a[1] : b[0]].strip(" \t") == ""
        and a[1] < b[0]
    ]


def _named_around(st: State, start: int, end: int) -> bool:
    """Whether a short heard word stands where a name does: after a relative's word ("mum
    sima") or before a surname already taken ("sima iqbal", the record's)."""
    if _word_before(st.text, start) in KIN_BEFORE_NAME:
        return True
    return st.text[end : end + 1] == " " and not st.free(end + 1, end + 2)


# a line mostly in lower case: dictation, or a child's or a texter's typing (voice-to-text
# capitalises a place or a rank now and then: "to the house in Corbridge with DC neil bowman")
_LINE = re.compile(r"[^\n]{40,}")
_CAPITALISED = re.compile(r"(?<![\w'’.-])[A-Z]")
_LOWER_WORD = re.compile(r"(?<![\w'’.-])[a-z]")


@lru_cache(maxsize=4)  # (read by two layers of one note: worked out once)
def lower_lines(text: str) -> list[tuple[int, int]]:
    """The lines of 40 characters or more whose words are nine in ten in lower case, and the
    dictated lines (:func:`.names_lower.dictated_lines`)."""
    out = list(dictated_lines(text))
    for m in _LINE.finditer(text):
        capitals = len(_CAPITALISED.findall(m.group()))
        lower = len(_LOWER_WORD.findall(m.group()))
        if lower >= 8 and capitals * 10 <= lower and m.span() not in out:
            out.append(m.span())
    return out


def _said_by(st: State) -> dict[str, int]:
    """The spellings the record's name parts are said with (``data/said_names.txt``), to
    whose each is."""
    table = said_forms()
    out: dict[str, int] = {}
    for name, who in heard_parts(st):
        for form in table.get(name, ()):
            out.setdefault(form, who)
    return out


def heard_parts(st: State) -> list[tuple[str, int]]:
    """The record's people's name parts as heard, with whose each is (their index in
    ``st.known.people``), found through the names' own words."""
    out: list[tuple[str, int]] = []
    names = [st.case.child.name, *(m.name for m in st.case.family), st.case.worker or ""]
    for name in names:
        written = [w for w in _SPLIT.split(name.strip()) if w]
        owner = next(
            (st.known.given_keys[k] for k in map(word_key, written) if k in st.known.given_keys),
            None,
        )
        if owner is not None:
            out += [(h, owner) for w in written for h in heard(w)]
    return out
