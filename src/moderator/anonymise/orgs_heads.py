"""How a run of capitalised words is read: the last words that say what it names, its edges.

An organisation's head noun ends a family's club, firm or group (``… Larder``, ``… Crew``,
``… Community Rooms``); a public service named by a place (``Wyreford Police``), a place of
leisure or of the land (``Thornbury Park``, ``Kelder Water``), a school, a street or a GP
practice ends names of other kinds. The protected words, titles, acronyms and small words at
a run's edges (``IRO Vendra Quill``: the IRO) are no part of a name, and a heading, a run in
capitals, a protected phrase or a public body's name is no family's. Shared by the runs of
:mod:`.orgs_unknown` and :mod:`.orgs_placed`; it lives apart from :mod:`.orgs_unknown` to keep
that module under the project's limit of about 400 lines.
"""

from __future__ import annotations

import re

from moderator.anonymise.alternation import by_first_letter
from moderator.anonymise.cues import HONORIFICS, LEADING_WORDS
from moderator.anonymise.lexicon import Lexicon, word_key
from moderator.anonymise.orgs_nouns import ORG_NOUN
from moderator.anonymise.orgs_runs import heading, protected_inside
from moderator.anonymise.unknown_words import unknown

# the small words a run holds between two of its capitalised words ("Raza & Co")
CONNECTORS = frozenset({"of", "and", "&", "for", "the"})
# an organisation's head noun at the end of a run, and the nouns the lists do not hold yet
_HEAD_RE = re.compile(by_first_letter(ORG_NOUN))  # (one group per first letter: quicker)
MORE_HEADS = frozenset(
    {"larder", "crew", "crewing", "samaj", "cic", "inc", "rooms", "interpreting", "counselling"}
    | {"housing", "transport", "space", "fair", "mediation", "therapy"}
    | {"kitchen", "cafe", "company", "enterprises", "society", "sangat", "sabha", "committee"}
    | {"carers", "advice", "alliance", "works", "yard", "farm", "fitness", "tuition"}
    | {"rescue", "action", "movement", "fund", "charity", "care", "bar", "llc", "youth"}
    | {"co-operative", "cooperative", "associados", "associates", "gmbh", "sarl", "srl"}
)
# public services named by a place: the project keeps them ("Wyreford Police")
PUBLIC_SERVICES = frozenset(
    {"police", "hospital", "council", "court", "courts", "infirmary", "constabulary", "mash"}
    | {"camhs", "yjs", "nhs", "yos", "cafcass", "probation", "prison", "hmp", "fire", "ambulance"}
    | {"university", "college"}
)
# "HMP Holme House", "Lakeview Police Station": a public body's run, whatever its last word
_PUBLIC_ANYWHERE = frozenset({"hmp", "hmyoi", "police", "nhs", "constabulary", "council"})
# places of leisure and the land: their names stay ("Thornbury Park", "Kelder Water")
PLACES_OF_LEISURE = frozenset(
    {"park", "gardens", "garden", "woods", "wood", "beach", "pier", "lake", "forest", "common"}
    | {"water", "reservoir", "valley", "hill", "hills", "moor", "fields", "green", "bay"}
    | {"island", "islands", "river", "country", "republic", "kingdom", "estate"}
)
SCHOOL_HEADS = frozenset(
    {
        "school",
        "academy",
        "primary",
        "infants",
        "juniors",
        "sixth",
        "secondary",
        "federation",
        "college",
        "nursery",
    }
)
_ADDRESS_HEADS = frozenset(
    {"street", "road", "lane", "avenue", "drive", "close", "crescent", "terrace", "mews"}
    | {"court", "way", "row", "grove", "place", "walk", "wynd", "gate", "rise", "square"}
)
_GP_HEADS = frozenset({"surgery", "practice"})


def _edge_word(lex: Lexicon, key: str) -> bool:
    """A word that is no part of a name at a run's edge: "IRO", "Mum", a month, a town."""
    return (
        key in lex.protected_words
        or key.upper() in lex.acronyms
        or key in HONORIFICS
        or key in LEADING_WORDS
        or key in CONNECTORS
    )


def spans_of(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the words of a run (joined by single spaces) are."""
    out = []
    for word in text[start:end].split(" "):
        out.append((start, start + len(word)))
        start += len(word) + 1
    return out


def run_kind(keys: tuple[str, ...], lex: Lexicon, head: bool) -> str:
    """What a run names, by its words: a school, a GP practice, a street, a person, or else
    an organisation (``head``: it ends in an organisation's head noun)."""
    last = keys[-1]
    if last in SCHOOL_HEADS or keys[-2:] == ("sixth", "form"):
        return "school"
    if last in _GP_HEADS:
        return "gp_practice"
    if last in _ADDRESS_HEADS:
        return "address"
    if not head and (
        keys[0] in lex.given or keys[0] in HONORIFICS or (len(keys) > 1 and keys[1] in lex.given)
    ):
        return "person"  # (and "Nurse Ebony Cloagh": a role, then a given name)
    return "org"


def ends_in_head(run: str) -> bool:
    """Whether a run (words joined by single spaces) ends in an organisation's head noun
    (its last one to four words: "Centre", "Community Rooms"; tried only there: quick)."""
    words = run.split(" ")
    return any(
        _HEAD_RE.fullmatch(" ".join(words[-size:])) for size in range(1, min(4, len(words)) + 1)
    )


def excluded(lex: Lexicon, text: str, start: int, end: int, keys: tuple[str, ...]) -> bool:
    """A heading, a run in capitals, a protected phrase or a public body's name."""
    return (
        text[start:end].isupper()
        or keys[0] in ("op", "operation")  # "Op Makesafe": a police operation's code name
        or heading(text, start, end)
        or protected_inside(lex, keys)
        or not _PUBLIC_ANYWHERE.isdisjoint(keys)
    )


def trimmed(lex: Lexicon, text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The run without the words at its edges that are no part of a name."""

    def edge(span: tuple[int, int]) -> bool:
        word = text[slice(*span)]
        return _edge_word(lex, word_key(word)) and not unknown(word, lex)

    while words and edge(words[0]):
        words = words[1:]
    while words and edge(words[-1]) and not _head_word(text[slice(*words[-1])]):
        words = words[:-1]
    return words


def _head_word(word: str) -> bool:
    """An organisation's head noun, though an acronym too ("… CIC", "… LLC")."""
    return word_key(word) in MORE_HEADS
