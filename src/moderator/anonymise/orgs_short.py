"""A school's or an organisation's short name, where the note goes on to use it.

A note names a place once in full and then by its own words alone: ``Rose Hill Primary`` …
``Rose Hill attendance officer rang``; ``Bridgeway Supported Living Ltd`` … ``Bridgeway is
registered with Ofsted``; ``Bumblebees Day Nursery`` … ``Kelly at Bumblebees``. Once such a
name is redacted, its words before the noun of its kind (``Primary``, ``Day Nursery``,
``Supported Living Ltd``) are the same place wherever they recur, written as they were and
not run into a longer name (``Rose Hill Road``, ``Stourport-on-Severn``) and not after a comma
(``Sir Evelyn Court, Star Hill``: the place the name was taken from). Words that are one everyday word, a protected
phrase, or a person of the record are no short name. A short name that is also a town
(``Thornbury Academy`` … ``Thornbury``) is the place's only where the words after it say so
(``Thornbury staff``, ``Thornbury said``): elsewhere it is the town, and towns stay.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import HONORIFICS
from moderator.anonymise.lexicon import more_places, phrase_key, whole_words
from moderator.anonymise.state import State
from moderator.anonymise.unknown_words import a_word

_KINDS = frozenset({"school", "org", "gp_practice"})
_GUESSED_PEOPLE = frozenset({"person", "professional"})
# the nouns that say what kind of place a name is, dropped from its end to leave its own words
_KIND_NOUNS = frozenset(
    {"primary", "school", "academy", "college", "nursery", "infants", "infant", "junior"}
    | {"high", "secondary", "grammar", "day", "pre-school", "preschool", "sixth", "form"}
    | {"c", "of", "e", "ce", "rc", "catholic", "church", "community", "free", "federation"}
    | {"supported", "living", "ltd", "limited", "services", "service", "housing", "care"}
    | {"group", "trust", "foundation", "centre", "center", "surgery", "medical", "practice"}
    | {"health", "club", "project", "cic", "charity", "homes", "home", "lodge", "house"}
    | {"association", "partnership", "fc", "afc", "jfc", "and", "&", "the", "unit", "hub"}
    | {"combined", "middle", "first", "special", "specialist", "methodist", "cofe", "pru"}
)
# the words of a place that a school is named after ("Westborough Lane Junior School" …
# "also at Westborough"): its first word alone is the school's too when it is no word
_TOPOGRAPHY = frozenset(
    {"lane", "road", "street", "park", "fields", "field", "hill", "grange", "vale", "wood"}
    | {"green", "avenue", "drive", "way", "meadow", "meadows", "farm", "manor", "heath"}
    | {"moor", "view", "bank", "brook", "valley", "gardens", "village", "hall", "court"}
)
# words after a short name that is also a town that make it the place's: its staff, its
# office, what it said or did
_PLACE_WORDS = re.compile(
    r"[ \t]+(?:staff|attendance|DSL|head|headteacher|teacher|teachers|office|reception|SENCo"
    r"|manager|said|says|reported|confirmed|rang|called|emailed|wrote|have|has|is|are|was|were)\b"
)
# a firm's trade at the end of its name ("Soarside Logistics", "Kestrel Cleaning Services")
_TRADE_ENDS = frozenset(
    {"logistics", "transport", "haulage", "recruitment", "staffing", "foods", "catering"}
    | {"cleaning", "construction", "solutions", "lettings", "properties", "motors", "stores"}
)
_ENDS = _KIND_NOUNS | _TRADE_ENDS  # what is dropped from a name's end to leave its own words
# a capitalised word just before a word: that word ends a longer name (orgs_homes, orgs_tails)
CAPITAL_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]+\Z")
_CAPS_AFTER = re.compile(r"[ \t]+[A-Z]{3}")
# where a school's first word alone is the school: "also at Westborough", "from Fairfield"
_AT_BEFORE = re.compile(r"(?<![A-Za-z])(?i:at|from)[ \t]+\Z")
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z]|-")
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")
_CONFIDENCE = 0.7


_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Za-z]+)\.?[ \t]+\Z")


def _person_before(st: State, start: int) -> bool:
    """Whether a title or a given name comes right before ``start`` ("Mr Karim", "Jagdev
    Bains"): a person's surname, not the place named after them."""
    m = _WORD_BEFORE.search(st.text, max(0, start - 20), start)
    if m is None:
        return False
    word = m.group(1)
    key = word.lower()
    if key in HONORIFICS:
        return True
    dotted = "." in m.group()  # ("cousin Hemin. Gateway ref": a sentence ended there)
    return not dotted and word[:1].isupper() and key in st.lex.given and key not in st.lex.words


def _kind_next(text: str, end: int) -> bool:
    """Whether a noun of a place's kind follows ``end`` in lower case ("… academy")."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and m.group(1) in _KIND_NOUNS


def _own_words(written: str) -> str:
    """The words of a place's name before the nouns of its kind ("Rose Hill" of "Rose Hill
    Primary School"); "" when none are left."""
    words = written.split()
    while words and words[-1].strip(",.()").lower() in _ENDS:
        words.pop()  # ("Soarside Logistics" … "works nights at Soarside")
    while words and words[0].lower() in ("the", "st", "st.", "saint"):
        return ""  # "St Mary's": a saint's name is any number of places'
    return " ".join(words) if 1 <= len(words) <= 3 and len(words) < len(written.split()) else ""


def _lower_case_names(st: State) -> None:
    """A redacted name of two words or more, one of them no English word, written again in
    lower case: the same place ("Brecks Housing" … "a letter from brecks housing")."""
    text = st.text
    seen: set[str] = set()
    for c in [c for c in st.cands if c.kind in _KINDS]:
        written = text[c.start : c.end]
        low = written.lower()
        if low == written or low in seen or " " not in written or not written.isascii():
            continue
        seen.add(low)
        if all(a_word(k) for k in phrase_key(written) if k.isalpha()):
            continue  # "youth club": everyday words
        for start, end in whole_words(text, low):
            st.give_way(start, end, _GUESSED_PEOPLE, 60)  # ("brecks" read as a name)
            if st.free(start, end):
                st.take(start, end, c.kind, c.ident, 50, _CONFIDENCE)


def _shorts(st: State, written: str) -> list[tuple[str, bool]]:
    """A place's own words (:func:`_own_words`) as written, in capitals or in title case as
    the note writes them elsewhere ("ELMHURST FIELDS PRIMARY" … "Elmhurst Fields DSL"), and
    the first of two words named after a place's feature ("Westborough Lane"); each with
    whether it is the own words whole (only those are looked for in lower case too)."""
    short = _own_words(written)
    if not short:
        return []
    out = [(short, True)]
    words = short.split()
    if len(words) == 2 and words[1].lower() in _TOPOGRAPHY:
        key = words[0].lower()
        lex = st.lex
        if not (a_word(key) or key in lex.given or key in lex.common or (key,) in lex.places):
            out.append((words[0], False))
    if short.isupper() and short.isascii():
        out += [(s.title(), whole) for s, whole in out]
    elif short.isascii() and short.replace("'", "").replace("-", "").replace(" ", "").isalpha():
        out += [(s.upper(), whole) for s, whole in out]
    return out


def find_short_forms(st: State) -> None:
    """Take each redacted school's or organisation's own words where they recur alone."""
    text = st.text
    lex = st.lex
    seen: set[str] = set()
    _lower_case_names(st)
    shorts = [
        (c, *s) for c in st.cands if c.kind in _KINDS for s in _shorts(st, text[c.start : c.end])
    ]
    for c, short, whole in shorts:
        if short in seen or len(short) < 5 or not short[:1].isupper():
            continue
        seen.add(short)
        keys = phrase_key(short)
        if len(keys) == 1 and (keys[0] in lex.common or keys[0] in lex.protected_words):
            continue  # "Oasis", "Hope": a word
        if keys in lex.phrases.get(keys[0], ()) or any(k in st.known.keys for k in keys):
            continue  # a protected phrase; a person of the record's name
        town = keys in lex.places or keys in more_places()
        spots = whole_words(text, short)
        if len(keys) == 1 and short.isalpha() and not a_word(keys[0]) and whole:
            # "oakridge staff": in a child's lower case (not "treyew academy", a longer name
            # the school layers read whole)
            spots += [s for s in whole_words(text, short.lower()) if not _kind_next(text, s[1])]
        for start, end in spots:
            if not st.free(start, end) or _NAME_AFTER.match(text, end):
                continue  # "Rose Hill Road", "Stourport-on-Severn": another name
            if text[max(0, start - 3) : start].rstrip(" \t").endswith(",") and not (
                _PLACE_WORDS.match(text, end)
            ):
                continue  # "Sir Evelyn Court, Star Hill": the place it is named after (not
                # "Mrs Green, Elmhurst Fields DSL": its staff)
            if _person_before(st, start):
                continue  # "landlord Mr Karim" of "Karim Lettings": the man it is named after
            if town and not _PLACE_WORDS.match(text, end):
                continue
            if short.isupper() and _CAPS_AFTER.match(text, end):
                continue  # "KIRKLEES COUNCIL": a longer name in capitals
            if not whole and CAPITAL_BEFORE.search(text, max(0, start - 24), start):
                continue  # "South Grindon", "Market Rasen": a longer place's name
            if not whole and not (
                _AT_BEFORE.search(text, max(0, start - 8), start) or _PLACE_WORDS.match(text, end)
            ):
                continue  # "lives in Grindon" (of "Grindon Hall School"): the place
            st.take(start, end, c.kind, c.ident, 50, _CONFIDENCE)
