"""What the record itself says: its people (with placeholders) and its literal identifiers."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, repeat
from operator import itemgetter

from moderator.anonymise.cues import PLACE_JOIN_WORDS
from moderator.anonymise.known_parts import name_parts
from moderator.anonymise.lexicon import Lexicon

# the record's literal identifiers, for layer 1 (they were built here)
from moderator.anonymise.literals import Literals as Literals
from moderator.anonymise.literals import find_literals as find_literals
from moderator.anonymise.literals import literals as literals
from moderator.anonymise.phonetic import PhoneticIndex
from moderator.anonymise.records import RawCase
from moderator.anonymise.unknown_words import dictionary

# The placeholder bases by relationship, first match wins (compiled once: one per family member).
_RELATIONSHIPS = tuple(
    (re.compile(pattern), base)
    for pattern, base in (
        (r"step[\s-]?(?:mother|mum|mom|father|dad|parent)", "STEP-PARENT"),
        (r"partner|boyfriend|girlfriend|husband|wife|fianc", "PARTNER"),
        (r"grand|\bnan|\bgran\b|\bnanna|\bnana", "GRANDPARENT"),
        (r"\baunt", "AUNT"),
        (r"uncle", "UNCLE"),
        (r"brother|sister|sibling|\btwin", "SIBLING"),
        (r"\b(?:mother|mum|mom|mam|mummy)\b", "MOTHER"),
        (r"\b(?:father|dad|daddy)\b", "FATHER"),
        (r"parent", "PARENT"),
        (r"cousin", "COUSIN"),
        (r"\bson\b", "SON"),
        (r"daughter", "DAUGHTER"),
        (r"foster|carer|guardian|kinship|connected", "CARER"),
    )
)
_FEMALE_RELATION = re.compile(
    r"mother|mum|mom|mam|grandma|\bnan|gran\b|aunt|sister|daughter|wife|girlfriend"
)
_MALE_RELATION = re.compile(r"father|dad|grandad|grandpa|uncle|brother|\bson\b|husband|boyfriend")


@lru_cache(maxsize=256)  # relationships recur: "mother", "father", "mum's partner"
def placeholder_for_relationship(relationship: str) -> str:
    """The placeholder base for a family member's relationship to the child."""
    r = relationship.lower()
    return next((base for pattern, base in _RELATIONSHIPS if pattern.search(r)), "RELATIVE")


@lru_cache(maxsize=256)
def _gender(relationship: str) -> str | None:
    r = relationship.lower()
    if _FEMALE_RELATION.search(r):
        return "f"
    if _MALE_RELATION.search(r):
        return "m"
    return None


@dataclass
class Person:
    label: str  # placeholder without brackets: CHILD, MOTHER, WORKER, PERSON…
    kind: str
    gender: str | None = None


@dataclass
class Known:
    """The record's people as lookup tables of word keys."""

    ngrams: dict[tuple[str, ...], int] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    surname_owners: dict[str, list[int]] = field(default_factory=dict)
    initials: dict[str, int] = field(default_factory=dict)
    given_keys: dict[str, int] = field(default_factory=dict)
    initial_of: dict[int, tuple[str, str]] = field(default_factory=dict)  # first, last letter
    max_n: int = 1

    keys: frozenset[str] = frozenset()
    """Every word key of every known name."""
    first_keys: frozenset[str] = frozenset()
    """The first word keys of the names (a word not among them starts no name)."""
    second_keys: frozenset[str] = frozenset()
    """The second word keys of the names of two words or more."""
    two_letters: dict[str, int] = field(default_factory=dict)
    """The first two letters of a given name, for a two-letter short form ("Ky")."""
    beginnings: dict[str, int] = field(default_factory=dict)
    """The first four letters or more of a given name ("harv"), for names written as said."""
    _near: dict[str, int] = field(default_factory=dict)
    _surname_near: dict[str, int] = field(default_factory=dict)
    _misses: dict[str, int | None] = field(default_factory=dict)
    forms: dict[str, tuple[str, str, float]] | None = None
    """The given names and surnames that are no words, as :mod:`.names_forms` looks for their
    other forms (worked out there, once per record)."""
    sounds: PhoneticIndex = field(default_factory=lambda: PhoneticIndex({}))
    """The given names by sound, for pet forms and spellings no table lists (Moose, Eefs)."""

    def finish(self) -> None:
        """Build the lookup tables once every person is registered."""
        self.sounds = PhoneticIndex(self.given_keys)
        # (chain and map: the keys gathered without a generator's frame per item)
        self.keys = frozenset(
            chain(chain.from_iterable(self.ngrams), self.surname_owners, self.beginnings)
        )
        self.first_keys = frozenset(map(_FIRST, self.ngrams))
        self.second_keys = frozenset(k[1] for k in self.ngrams if len(k) > 1)
        real = self.given_keys.keys() | self.surname_owners.keys()
        # every (form, who) in order, then one dict in which the first of each form wins (what
        # a setdefault per form gave; only looked up, so the order of its keys is no matter)
        pairs: list[tuple[str, int]] = list(self._near.items())
        extend = pairs.extend
        for ngram, who in self.ngrams.items():
            # typos of the names as written, not of every derived form (jakes, jakey…)
            if len(ngram) != 1 or len(ngram[0]) < 5 or ngram[0] not in real:
                continue
            extend(zip(_typo_forms(ngram[0]), repeat(who)))
        # a surname spelt another way ("Noorzay" for Noorzai) is its first owner's (looked
        # up apart, for words no dictionary holds: "panel" is one slip from Patel too)
        self._surname_near = {
            form: owners[0]
            for key, owners in reversed(self.surname_owners.items())
            if len(key) >= 5 and "-" not in key
            for form in _typo_forms(key)
        }
        for key, who in self.given_keys.items():
            extend(zip(_start_end_forms(key), repeat(who)))
            if len(key) >= 4:
                self.two_letters.setdefault(key[:2], who)  # "Ky" for Kyron
        pairs.reverse()
        self._near = dict(pairs)

    def near_miss(self, key: str) -> int | None:
        """Whose name ``key`` is one slip away from (a letter added, lost, changed or swapped),
        or the start of (at least three letters of a given name), or a pet form of that start
        (Simi for Simran, Jassi for Jaswant, Roksi for Roksana)."""
        if key in self._misses:  # a note repeats its words: decide each once
            return self._misses[key]
        who = self._misses[key] = self._near_miss(key)
        return who

    def _near_miss(self, key: str) -> int | None:
        # 0 is the child: compare with None, never by truth
        near = self._near
        get = near.get
        who = get("^" + key)
        if who is None:
            who = get("$" + key)
        if who is not None:
            return who
        # (only the endings that end in the key's last letter, in their order)
        for suffix in _PET_SUFFIXES_BY_LAST.get(key[-1:], ()):
            if key.endswith(suffix) and len(key) - len(suffix) >= 3:
                stem = key[: -len(suffix)]
                who = get("^" + stem)
                if who is None and len(stem) >= 4 and stem[-1] == stem[-2] not in "aeiou":
                    who = self._starts(stem[:-1])  # a doubled consonant: Natty, Dammy, Tommo
                if who is not None:
                    return who
        if len(key) >= 3 and key.endswith("sh"):  # Presh for Precious, Osh for Osian
            who = get("^" + key[:-1])
            if who is None:
                who = self._short_start(key[:-1])
            if who is not None:
                return who
        if not 4 <= len(key) <= _LONGEST_WORD:
            return None  # (no name is that long: a note's run of letters is no typo of one)
        # the key and its deletions in the order of ``_deletions(key) | {key}`` (what
        # _typo_forms holds); looked through one by one only if one of them is in the table
        forms = _typo_forms(key)
        if not near.keys().isdisjoint(forms):
            for variant in forms:
                who = get(variant)
                if who is not None:
                    return who
        surnames = self._surname_near
        if (
            len(key) >= 5
            and "-" not in key
            and not surnames.keys().isdisjoint(forms)
            and key not in dictionary()
        ):
            for variant in forms:
                who = surnames.get(variant)
                if who is not None:
                    return who
        if len(key) >= 5 and key[-1] == "s" and key[-2] not in "s'":
            return self._near_miss(key[:-1])  # a possessive without its apostrophe: "Yordis"
        return None

    def _starts(self, stem: str) -> int | None:
        """Whose given name, or a part of it, begins with ``stem`` (three letters or more)."""
        if len(stem) < 3:
            return None
        for k, who in self.given_keys.items():
            if any(part.startswith(stem) for part in _given_parts(k)):
                return who
        return None

    def _short_start(self, stem: str) -> int | None:
        """Whose given name begins with the two letters ``stem``."""
        if len(stem) != 2:
            return None
        return next((who for k, who in self.given_keys.items() if k.startswith(stem)), None)

    def short_form(self, key: str) -> int | None:
        """Whose given name ``key`` begins (at least three letters): "Kay" for Kayla."""
        return self._near.get(f"^{key}")

    def hyphenated_owners(self, key: str) -> list[int] | None:
        """Owners of a hyphenated word one of whose parts is a known name ("Smith-Jones"); none
        for a place's name joined by a small word ("Kirkby-in-Furness", "Stratford-upon-Avon",
        "Barrow-in-Furness"), whoever is called Kirkby."""
        owners = None
        parts = key.split("-")
        if any(p in PLACE_JOIN_WORDS for p in parts[1:-1]):
            return None
        for part in parts:
            if (part,) in self.ngrams:
                return [self.ngrams[(part,)]]
            owners = self.surname_owners.get(part) or owners
        return owners


# endings that make a pet form of a name's beginning: Jassi, Simi, Roksi, Danny, Jessie,
# Natka, Pasha, Lils, Codes, Mela
_FIRST = itemgetter(0)  # a name's first word key, for map()
_PET_SUFFIXES = ("sha", "si", "sy", "zy", "ie", "ey", "ka", "es", "y", "i", "o", "a", "s", "u")
# the same endings by their last letter, each list in the order above
_PET_SUFFIXES_BY_LAST = {
    last: tuple(s for s in _PET_SUFFIXES if s[-1] == last)
    for last in {s[-1] for s in _PET_SUFFIXES}
}
# a Yoruba given name's first part, a praise of God, is left off in everyday use:
# Oluwadamilare is Damilare, Dami, Dammy
_NAME_PREFIXES = ("oluwa",)
_LONGEST_WORD = 64
"""Letters in the longest word read as a misspelt name: the forms of a longer one with a
letter dropped cost the square of its length to make ("Ab-Ab-Ab-…" took seconds)."""


@lru_cache(maxsize=4096)
def _given_parts(key: str) -> tuple[str, ...]:
    """A given name and the parts it is used by: each part of a hyphenated name, and the name
    without a prefix left off in everyday use (cached: names recur)."""
    parts = {key, *key.split("-")}
    for prefix in _NAME_PREFIXES:
        parts.update(
            p[len(prefix) :]
            for p in list(parts)
            if p.startswith(prefix) and len(p) > len(prefix) + 3
        )
    return tuple(parts)


@lru_cache(maxsize=4096)
def _deletions(key: str) -> frozenset[str]:
    """``key`` with one letter dropped, every way (cached: the same names recur in every case)."""
    return frozenset(key[:i] + key[i + 1 :] for i in range(len(key)))


@lru_cache(maxsize=4096)
def _typo_forms(key: str) -> tuple[str, ...]:
    """A name and every way of writing it with one letter dropped (cached: names recur)."""
    return tuple(_deletions(key) | {key})


@lru_cache(maxsize=4096)
def _start_end_forms(key: str) -> tuple[str, ...]:
    """A given name's beginnings (``^kay`` for Kayden, also of each part of Lily-Rose) and,
    for a long name, its endings (``$celle`` for Marcelle), as :meth:`Known.near_miss`
    looks them up (cached: names recur)."""
    forms = []
    for part in _given_parts(key):  # Lily-Rose: "Lil…" as well
        forms += [f"^{part[:size]}" for size in range(max(3, len(part) - 4), len(part))]
    if len(key) >= 6:  # the end of a long name: "Celle" for Marcelle
        forms += [f"${key[-size:]}" for size in range(4, len(key) - 1)]
    return tuple(forms)


def _register(known: Known, name: str, person: Person, lex: Lexicon) -> None:
    parts = name_parts(name)
    if parts is None:
        return
    index = len(known.people)
    known.people.append(person)
    keys = list(parts.keys)

    def add(key: tuple[str, ...]) -> None:
        # one-letter words only inside a longer name ("O Neill"), never alone
        if key and all(key) and (len(key) > 1 or len(key[0]) >= 2):
            known.ngrams.setdefault(key, index)
            known.max_n = max(known.max_n, len(key))

    given, surname = keys[:-1] or keys, keys[-1] if len(keys) > 1 else None
    add(tuple(keys))
    if len(keys) > 1:
        add(("".join(keys).replace("-", ""),))  # run together: "KaydenSmith"
    if surname:
        add((given[0], surname))
        add((surname, *given))
        add((surname, given[0]))
        known.surname_owners.setdefault(surname, []).append(index)
        for part in surname.split("-"):
            if part != surname and len(part) >= 3:
                known.surname_owners.setdefault(part, []).append(index)
    for g in given:
        add((g,))
        known.given_keys.setdefault(g, index)
        for short in lex.diminutives.get(g, ()):
            add((short,))
        for part in g.split("-"):
            if part != g and len(part) >= 3:
                add((part,))
    # O'Neill written "O Neill", Smith-Jones written "Smith Jones"
    for split in parts.splits:
        add(split)
    for initials in parts.initials:
        known.initials.setdefault(initials, index)
    if parts.initial_of is not None:
        known.initial_of[index] = parts.initial_of


def _register_variants(known: Known, lex: Lexicon) -> None:
    """Forms derived from every given name, added after all the real names so that none
    displaces one: the full names a short form stands for and their other short forms
    (Lexi, Alexis), pet forms (Jakey, Jessy), possessives written without an apostrophe
    (jakes, mias) and beginnings of four letters or more (harv for Harvey)."""
    for key, who in list(known.given_keys.items()):
        # each part of a hyphenated given name has its short forms too ("Amelia-Rose": Millie)
        for part in _given_parts(key) if "-" in key else (key,):
            for form in _variant_forms(part, lex):
                known.ngrams.setdefault((form,), who)
        for size in range(4, len(key)):  # taken only in lower case, as said: "harv said"
            if "-" not in key[:size]:
                known.beginnings.setdefault(key[:size], who)


# the honorifics Gujarati and Hindi speakers join to a given name (sister, brother, respect)
_HONORIFIC_SUFFIXES = ("ben", "bhai", "ji")


@lru_cache(maxsize=4096)
def _variant_forms(key: str, lex: Lexicon) -> tuple[str, ...]:
    """The forms derived from one given name (cached: the lexicon is loaded once, names recur)."""
    forms = set(lex.diminutives.get(key, ()))
    for full in lex.fuller.get(key, ()):
        forms.add(full)
        forms.update(lex.diminutives.get(full, ()))
    for form in [key, *forms]:
        if len(form) < 3:
            continue
        forms.add(form + "s")
        if form[-1] not in "aeiouy":
            forms.update((form + "y", form + "ie", form + "ey"))
    if key in lex.common:  # "Mark": not "marks", "marky"
        forms = {f for f in forms if not f.startswith(key)}
    if len(key) >= 3 and key.isalpha():  # "Hetalben", "Jigneshbhai": a name and its honorific
        forms.update(key + suffix for suffix in _HONORIFIC_SUFFIXES)
    return tuple(sorted(f for f in forms if len(f) >= 2 and f not in lex.common))


def known_people(case: RawCase, lex: Lexicon) -> Known:
    """The record's people as lookup tables, built once per set of people: a record's texts
    (its case text, a preview and then the import) share them. Read-only once built."""
    family = tuple((m.name, m.relationship) for m in case.family)
    return _known_people(case.child.name, family, case.worker, lex)


@lru_cache(maxsize=512)
def _known_people(
    child: str, family: tuple[tuple[str, str], ...], worker: str | None, lex: Lexicon
) -> Known:
    known = Known()
    _register(known, child, Person("CHILD", "child"), lex)
    labels = [placeholder_for_relationship(relationship) for _, relationship in family]
    totals = Counter(labels)
    seen: Counter[str] = Counter()
    for (name, relationship), label in zip(family, labels, strict=True):
        seen[label] += 1
        numbered = f"{label}-{seen[label]}" if totals[label] > 1 or label == "PARENT" else label
        _register(known, name, Person(numbered, "family", _gender(relationship)), lex)
    if worker:
        _register(known, worker, Person("WORKER", "worker"), lex)
    _register_variants(known, lex)
    # A surname shared by several people is resolved per mention (honorific, else family).
    known.finish()
    return known
