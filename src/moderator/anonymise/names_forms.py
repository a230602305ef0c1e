"""Other forms of a name already found: possessives without an apostrophe and pet forms.

Once a note has named a person (the record's own people, an alias it gives them, a name
found with evidence), the same name written as a child or a hurried worker writes it is
that person too, in any case: a possessive without its apostrophe (``polas phone``,
``Yilings NHS number``, ``embers mood``) or a pet form made with ``-y``/``-ie``/``-ey``
(``brooky`` for Brook). A form that is an everyday word is taken only where it is not used as
one: never after a determiner (``the embers``, ``her jewels``), never a frequent word.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import HONORIFICS, NAME_TITLES, RELATION_CUES, ROLE_CUES
from moderator.anonymise.lexicon import word_key
from moderator.anonymise.names_around import KIN_TITLES
from moderator.anonymise.state import NAME_KINDS, State

_WORD = re.compile(r"(?<![\w'’`-])[^\W\d_]{3,}(?![\w'’`-])")
_LAST_LETTERS = frozenset("sySYeiEI")
_NAME_WORD = re.compile(r"[^\W\d_]+")
_PET_ENDINGS = ("y", "ie", "ey", "i")
_LEAST, _SURE = 0.6, 0.8  # names a layer was unsure of still lend their forms, as unsure
# words before a form that make it a word: "the embers", "her jewels", "some brooks"
_DETERMINERS = frozenset(
    {"the", "a", "an", "her", "his", "their", "my", "your", "our", "its", "some", "any", "no",
     "this", "that", "these", "those", "of", "for", "with", "in", "on", "at", "to", "and"}
)  # fmt: skip


def _stems(key: str) -> list[str]:
    """The name forms a word may be written from: ``polas`` -> pola, ``brooky`` -> brook."""
    stems = []
    base = key[:-1] if key.endswith("s") else key
    if base != key:
        stems.append(base)
    for ending in _PET_ENDINGS:
        if base.endswith(ending) and len(base) - len(ending) >= 3:
            stems.append(base[: -len(ending)])
    return stems


def _skip(st: State, key: str) -> bool:
    lex = st.lex
    return (
        len(key) < 3
        or key in lex.common
        or key in lex.protected_words
        or key in HONORIFICS
        or key in NAME_TITLES
        or key in KIN_TITLES
        or key in RELATION_CUES
        or key in ROLE_CUES
    )


def _forms(st: State) -> dict[str, tuple[str, str, float]]:
    """The single-word name forms of this text -> (kind, ident, how sure the name written in
    the text was; 0 for a form of the record's tables the text has not written)."""
    text = st.text
    forms: dict[str, tuple[str, str, float]] = {}
    for c in st.cands:
        if c.kind in NAME_KINDS and c.confidence >= _LEAST:
            for w in _NAME_WORD.findall(text[c.start : c.end]):
                key = word_key(w)
                if not _skip(st, key):
                    forms.setdefault(key, (c.kind, c.ident, min(c.confidence, _SURE)))
    known = st.known
    for ngram, who in known.ngrams.items():
        if len(ngram) == 1 and not _skip(st, ngram[0]) and ngram[0] not in st.lex.words:
            person = known.people[who]
            forms.setdefault(ngram[0], (person.kind, person.label, 0.0))
    for key, owners in known.surname_owners.items():
        if not _skip(st, key) and key not in st.lex.words:
            person = known.people[owners[0]]  # a shared surname is the family's
            who = person.label if len(set(owners)) == 1 else "FAMILY"
            forms.setdefault(key, ("family" if who == "FAMILY" else person.kind, who, 0.0))
    return forms


def find_name_forms(st: State) -> None:
    """Other mentions of names the text has written (a given name joined to a known surname,
    "Malachy"), their possessives without an apostrophe and their pet forms."""
    text = st.text
    lex = st.lex
    forms: dict[str, tuple[str, str, float]] | None = None
    known_keys = st.known.keys
    for m in _WORD.finditer(text):
        if not st.free(m.start(), m.end()):
            continue
        word = m.group()
        key = word_key(word)
        if key in lex.common or key in lex.protected_words:
            continue
        if forms is None:
            forms = _forms(st)  # (built once, for the first word that may be a form)
        hit = forms.get(key)
        if hit is not None and key not in known_keys:  # (the record's names: layer 2 decided)
            if not (hit[2] and (word[0].isupper() or key not in lex.words)):
                continue
            if not (key in lex.words and _after_determiner(text, m.start())):
                st.take(m.start(), m.end(), hit[0], hit[1], 52, hit[2])
            continue
        if word[-1] not in _LAST_LETTERS:
            continue
        for stem in _stems(key):
            hit = forms.get(stem)
            if hit is None:
                continue
            kind, ident, sure = hit
            if (key in lex.words or key in known_keys) and (
                not sure or _after_determiner(text, m.start())
            ):
                break  # "the embers", "her jewels": the word
            st.take(m.start(), m.end(), kind, ident, 52, sure or _SURE)
            break


def _after_determiner(text: str, at: int) -> bool:
    before = text[max(0, at - 12) : at].split()
    return bool(before) and before[-1].lower() in _DETERMINERS
