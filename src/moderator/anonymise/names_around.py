"""Words around a redacted name that belong to it (the last step of the name layers).

* **Kinship forms of address**: what a child calls a relative is part of the name
  ("Nana Sheila", "Aunty Buky", "mummy serenity", "hooyo khadra", "bunica Florica"), and so
  are honorific suffixes ("Mannan Sahib", "Donnacha Fennelly Jnr"): left in the text, they
  say who the person is beside the placeholder. The plain "Mum" and "Dad" of a worker's
  narrative ("Mum Mandeep works") describe rather than name, and are left unless in lower
  case, as a child says them.
* **Couples**: "Mr and Mrs Tolleshunt" is one redaction; a professional's initial goes
  with the name ("C. Abercromby-Roe").
* **Neighbours of a known name**: a capitalised word written directly before or after a
  name of the record is another part of that name when it is a name (given names and
  surnames lists), sounds or is spelt like one of the record's names (a transliteration:
  "Hnatiuk" for Hnatyuk, "Shikder" for Sikder), or opens a bracketed alias ("(Howie Qiu)");
  initials before a known surname ("P J Gaffney") are part of it too.
"""

from __future__ import annotations

import re

import jellyfish

from moderator.anonymise.cues import (
    HONORIFICS,
    LETTER_LABEL_BEFORE,
    RELATION_CUES,
    REPORT_VERBS,
    ROLE_CUES,
)
from moderator.anonymise.kin_words import KIN_PAIRS as KIN_PAIRS
from moderator.anonymise.kin_words import KIN_TITLES as KIN_TITLES
from moderator.anonymise.lexicon import word_key
from moderator.anonymise.phonetic import sound
from moderator.anonymise.state import NAME_KINDS, Cand, State

# in a worker's narrative these describe ("Mum Mandeep works"); written as a child says them,
# in lower case, they are part of the name ("mum ngan", "big sonny")
# (and "coach", written before a name as a title is: "with coach dave")
_SPOKEN_KIN = frozenset({"mum", "dad", "mam", "mom", "sis", "bro", "coach"})
# a parent's word goes with a name in a child's lower case ("mum chantelle"); before a
# written name it is the writer's word for the relation ("with mum Kerry", "her mam Bridget";
# the Kurdish uncle's title is written capitalised: "Mam Haidar")
_PARENT_WORDS = frozenset({"mum", "dad", "mam", "mom"})
# what a family calls one of two people of a name: "Big Paddy", "Old Silvanus", "lil kay"
_NICKNAMING = frozenset({"big", "little", "lil", "old", "young", "wee"})
NAME_SUFFIXES = frozenset(
    {"sahib", "saheb", "sahab", "ji", "jee", "jnr", "jr", "junior", "snr", "sr", "senior",
     "bhai", "baji", "bibi", "khanum", "hanim", "bey", "agha", "aga",
     # kinship said after the name in South Asian languages: "Rahima apa", "Khurram papa"
     "apa", "aapa", "appi", "amma", "ammi", "papa", "jaan", "jan", "didi", "bhaiya", "dada",
     "dadi", "nani", "nana", "mama", "mami", "chacha", "chachi", "khala", "phupho", "abbu",
     "anna", "akka", "thatha", "paati", "mamu", "masi", "mausi", "massi", "khalu", "phuppo",
     "phuphi", "bhabhi", "bhabi", "chachu", "taya", "tayi",
     # and in Turkish and Kurdish: "Leyla yenge", "Ayse teyze", "Zehra abla"
     "yenge", "teyze", "abla", "amca", "dayi",
     # and in English after the name, as South Asian English says it: "kuldip aunty"
     "aunty", "auntie", "uncle"}
)  # fmt: skip
# "her mum Leanne" describes the mother as "Mum Leanne" does
_DETERMINED = re.compile(r"(?i:\b(?:her|his|their|my|your|our|the|a|whose|'s|’s))[ \t]+$")
# (the first two letters of each suffix, in any case: a quick look before the regex)
_SUFFIX_STARTS = frozenset(w[:2] for s in NAME_SUFFIXES for w in (s, s.capitalize(), s.upper()))
_PEOPLE = frozenset({"child", "family", "person"})
_KNOWN = frozenset({"child", "family"})
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+)\.?(?![\w'’-])")
_INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-HJ-Z]\.?[ \t]+){1,3}$")
# a professional's initial before the name: "C. Abercromby-Roe" (a role's acronym before
# it, "HV Jane Pike", stays: it is the protected vocabulary an auditor reads)
_ROLE_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z]\.[ \t]*){1,2}$")
_CAPITAL_OR_DOT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ.")
_COUPLE = re.compile(r"(?<![\w])(?i:mr|mrs|ms|dr)\.?[ \t]+(?:and|&)[ \t]+$")


def _grow(st: State, c: Cand, start: int, end: int) -> None:
    st.taken[start:end] = b"\x01" * (end - start)
    c.start, c.end = min(c.start, start), max(c.end, end)


def _free_or_a_guess(
    st: State, start: int, end: int, gone: set[int], guesses: dict[tuple[int, int], list[Cand]]
) -> bool:
    """Whether ``text[start:end]`` is free, or exactly a word the name layers took for someone
    else's name (freed here: "Bunica" before a known name is the name's kinship word)."""
    if st.free(start, end):
        return True
    for d in guesses.get((start, end), ()):
        if id(d) not in gone and d.start == start and d.end == end:
            st.cands.remove(d)
            gone.add(id(d))
            st.taken[start:end] = bytes(end - start)
            return True
    return False


def word_before(text: str, at: int) -> tuple[int, str]:
    """The letters written just before ``at`` across spaces or tabs, and where they start
    (a quick look-back with string methods: no regex search or loop per letter)."""
    j = at - 1
    if j < 0 or text[j] not in " \t":
        return at, ""
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    parts = text[max(0, j - 40) : j].rsplit(None, 1)
    if not parts:
        return at, ""
    word = parts[-1].lstrip("(\"“'‘[")
    start = j - len(word)
    if not word.isalpha() or (
        start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’-_")
    ):
        return at, ""
    return start, word


# the gap between a name and a word it may join: a space or two ("OFFICIAL - SENSITIVE     STONE,
# K": a form's header and a name in its next column are no one name)
_NEAR_GAP = re.compile(r"[ ]{1,2}")


def absorb_kin_words(st: State) -> None:
    """Kinship forms of address, honorific suffixes and the name-like neighbours of a known
    name go with the name they are written with (one look back per name)."""
    text = st.text
    gone: set[int] = set()  # cands freed for the kinship word before a name
    guesses = _guesses(st)
    n = len(text)
    for c in list(st.cands):
        if c.kind not in NAME_KINDS or (gone and id(c) in gone):
            continue
        if c.kind in _PEOPLE and c.start > 1:
            start, word = word_before(text, c.start)
            key = word.casefold()
            if (
                (key in KIN_TITLES and not (key in _PARENT_WORDS and word.islower()))
                or (key in _NICKNAMING and not _DETERMINED.search(text, max(0, start - 8), start))
                or (
                    key in _SPOKEN_KIN
                    and word.islower()
                    and (key not in _PARENT_WORDS or text[c.start].islower())
                    and not _DETERMINED.search(text, max(0, start - 8), start)
                )
            ) and _free_or_a_guess(st, start, start + len(word), gone, guesses):
                _grow(st, c, start, c.start)
            elif (
                c.kind in _KNOWN
                and _NEAR_GAP.fullmatch(text, start + len(word), c.start)
                and (
                    (word and word[0].isupper())
                    or (c.start > 2 and text[c.start - 2] in _CAPITAL_OR_DOT)
                    or (c.end + 1 < n and text[c.end] in " \t" and text[c.end + 1].isupper())
                )
            ):
                _join_neighbours(st, c, start, word, gone, guesses)
            if key == "and" or text[c.start - 2] == "&":
                m = _COUPLE.search(text, max(0, c.start - 12), c.start)
                if m is not None and st.free(m.start(), c.start):
                    _grow(st, c, m.start(), c.start)
        if c.kind == "professional" and c.start > 2 and text[c.start - 2] == ".":
            m = _ROLE_BEFORE.search(text, max(0, c.start - 8), c.start)
            if m is not None and st.free(m.start(), c.start):
                _grow(st, c, m.start(), c.start)
        if c.end < n and text[c.end] in " \t" and text[c.end + 1 : c.end + 3] in _SUFFIX_STARTS:
            m = _WORD_AFTER.match(text, c.end)
            if m is not None and m.group(1).casefold() in NAME_SUFFIXES and st.free(c.end, m.end()):
                _grow(st, c, c.end, m.end())


def _spelt_like(st: State, key: str) -> bool:
    """Whether ``key`` sounds or is spelt like one of the record's names (a transliteration)."""
    code = sound(key)
    for known in st.known.keys:
        if len(known) < 4 or abs(len(known) - len(key)) > 2:
            continue
        if sound(known) == code:
            return True
        # a letter changed at the start is a spelling ("Wantrask"); more is another name
        allowed = 2 if known[0] == key[0] else 1
        if jellyfish.damerau_levenshtein_distance(known, key) <= allowed:
            return True
    return False


def _neighbour_is_name(
    st: State, word: str, cand_text: str, bracketed: bool, before_surname: bool = False
) -> bool:
    lex = st.lex
    key = word.casefold()
    if (
        len(key) < 3
        or not word[0].isupper()
        or (cand_text.isupper() != word.isupper() and len(cand_text) > 1)
        or key in lex.common
        or (key in lex.words and not before_surname)
        or key in lex.protected_words
        or key in HONORIFICS
        or key in KIN_TITLES
        or key in RELATION_CUES
        or key in ROLE_CUES
        or key in REPORT_VERBS  # "MOTHER … STATES TARIQ HUSSAIN LEFT": the verb
        or word.upper() in lex.acronyms
    ):
        return False
    if key in st.known.keys:
        return True
    # a capitalised word that is no frequent word, written before the record's own surname
    # mid-sentence, is a given name the record does not give ("on roll as Alexei Vovchenko")
    return (
        bracketed
        or before_surname
        or key in lex.given
        or key in lex.surnames
        or _spelt_like(st, key)
    )


def _join_neighbours(
    st: State, c: Cand, start: int, word: str, gone: set[int], guesses: _Guesses
) -> None:
    """A name-like word written against a known name of the record is part of that name
    (a guess of the name layers that it is someone else's gives way)."""
    text = st.text
    cand_text = text[c.start : c.end]
    for _ in range(2):  # "MALACHY JOSEF WARDE-MAUHAN": two given names the record lacks
        if not (word and word[0].isupper()):
            break
        guess = (
            None if st.free(start, c.start) else _guess_at(guesses, start, start + len(word), gone)
        )
        if guess is None and not st.free(start, c.start):
            break
        opened = start > 0 and text[start - 1] in "(\"“'‘"
        surname = _surname_alone(st, cand_text)
        if not (
            (not opens_sentence(text, start) or opened)
            and (
                _neighbour_is_name(st, word, cand_text, opened, surname)
                or _given_before_known(st, word, cand_text)
            )
        ):
            break
        if guess is not None:
            st.cands.remove(guess)
            gone.add(id(guess))
            st.taken[guess.start : guess.end] = bytes(guess.end - guess.start)
        _grow(st, c, start, c.start)
        start, word = word_before(text, c.start)
    if cand_text[:1].isupper() and c.start > 2 and text[c.start - 2] in _CAPITAL_OR_DOT:
        m = _INITIALS_BEFORE.search(text, max(0, c.start - 10), c.start)
        if (
            m is not None
            and st.free(m.start(), c.start)
            and not opens_sentence(text, m.start())
            and not LETTER_LABEL_BEFORE.search(text, max(0, m.start() - 12), m.start())
        ):
            _grow(st, c, m.start(), c.start)
    if c.end + 1 < len(text) and text[c.end] in " \t" and text[c.end + 1].isupper():
        m = _WORD_AFTER.match(text, c.end)
        if (
            m is not None
            and st.free(c.end, m.end(1))
            and _neighbour_is_name(st, m.group(1), cand_text, False)
        ):
            _grow(st, c, c.end, m.end(1))


_Guesses = dict[tuple[int, int], list[Cand]]


def _guesses(st: State) -> _Guesses:
    """The guesses of a person's name by their span, in the candidates' order: looked up
    for each name joined, where looking through every candidate each time made a note of
    thousands of names cost the square of their number."""
    found: _Guesses = {}
    for d in st.cands:
        if d.kind == "person":
            found.setdefault((d.start, d.end), []).append(d)
    return found


def _guess_at(guesses: _Guesses, start: int, end: int, gone: set[int]) -> Cand | None:
    """A weak guess of a person's name exactly at ``start:end``, the rest up to the known
    name free ("ORRIN" in "ZEBEDIAH ORRIN MARROWBY-TESK", found before it was joined). The
    guesses were listed when this pass began: it removes only those in ``gone``, and what it
    widens spans more than the one word asked for, so each is checked again here."""
    for d in guesses.get((start, end), ()):
        if id(d) not in gone and d.start == start and d.end == end and d.priority < 60:
            return d
    return None


def _given_before_known(st: State, word: str, cand_text: str) -> bool:
    """Whether a capitalised word that is no word at all ("Jayson") is written mid-sentence
    before a single known name word ("Ho"): another name of that person."""
    key = word.casefold()
    return (
        " " not in cand_text
        and word_key(cand_text) in st.known.keys
        and len(key) >= 3
        and word[0].isupper()
        and key not in st.lex.words
        and key not in st.lex.common
        and key not in st.lex.protected_words
        and word.upper() not in st.lex.acronyms
        and (word.isupper() == cand_text.isupper() or len(cand_text) < 3)
    )


def _surname_alone(st: State, cand_text: str) -> bool:
    """Whether a redaction is the record's surname alone (no given name of the record)."""
    key = word_key(cand_text.rsplit(None, 1)[-1])
    known = st.known
    return key in known.surname_owners and key not in known.given_keys


def opens_sentence(text: str, at: int) -> bool:
    """Whether ``at`` opens a sentence or line (a capital there proves nothing)."""
    i = at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;"
