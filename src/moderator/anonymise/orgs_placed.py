"""Organisations the name layers took for a person's name, known by the place written after them.

A run of words no list knows, guessed to be a person's name on weak evidence, is more often a
family's church, temple or group when a place follows it: directly (``Quorvash Menduk
Berkshire``: no one's name ends in a county) or after a comma (``Zbor Quellan Vradej, Tipton``,
``Sri Pelvan Oralam, Crowthorne Road``). Such a guess becomes an organisation's name, so that
the joining of :mod:`.orgs_joined` takes its town, street or address with it. A name that opens
with a given name (``Mehmet Quorlu, Leeds``) stays a person's.
"""

from __future__ import annotations

import re

from moderator.anonymise.lexicon import Lexicon, phrase_key, word_key
from moderator.anonymise.orgs_heads import (
    MORE_HEADS,
    PUBLIC_SERVICES,
    ends_in_head,
    excluded,
    spans_of,
    trimmed,
)
from moderator.anonymise.orgs_unknown import STRONG
from moderator.anonymise.state import UNSURE, Cand, State
from moderator.anonymise.unknown_words import unknown

# one or two capitalised words right after the name, then the phrase goes on in lower case or ends
_PLACE_NEXT = re.compile(
    r"[ \t]+([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)(?=[ \t]*(?:[.;:,)(\n|]|$|[ \t][a-z-–]))"
)
# after a comma: a house number, or one or two words ending the phrase (a place, a street)
_COMMA_NEXT = re.compile(
    r"[ \t]*,[ \t]*(?:\d{1,4}[a-z]?[ \t]+[A-Z]|(?P<w>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)(?=[ \t]*(?:[.;:,)(\n|]|$|[ \t][-–])))"
)
_STREET_END = re.compile(r"(?:Street|Road|Lane|Avenue|Drive|Way|Close|Crescent|Terrace|Row)$")


# what a weak guess may be: a person's name, or an organisation's from an unknown word alone
_GUESSED = frozenset({"person", "org"})


def _guess(lex: Lexicon, text: str, c: Cand) -> int:
    """How many words no list knows a name guessed on weak evidence holds, a person's or an
    organisation's (0 for any other candidate, a single word, or a name that opens with a
    given name)."""
    if c.kind not in _GUESSED or c.confidence >= UNSURE:
        return 0
    words = text[c.start : c.end].split()
    if len(words) < 2 or word_key(words[0]) in lex.given:
        return 0
    return sum(unknown(w, lex) for w in words)


def _place(lex: Lexicon, words: str) -> bool:
    keys = phrase_key(words)
    return keys in lex.places or (
        len(keys) == 2
        and (keys[1],) in lex.places
        and keys[0] in {"north", "south", "east", "west", "mid"}
    )


def place_guessed_names(st: State) -> None:
    """Names guessed for people that a place follows become organisations (see the module)."""
    text = st.text
    lex = st.lex
    for c in st.cands:
        if c.confidence >= UNSURE or c.kind not in _GUESSED:
            continue  # (most candidates: quicker here than in a call)
        unknowns = _guess(lex, text, c)
        if not unknowns:
            continue
        m = _PLACE_NEXT.match(text, c.end)
        if m is not None and _place(lex, m.group(1)) and st.free(c.end, m.end(1)):
            c.kind, c.ident = "org", f"org@{c.start}"
            st.taken[c.end : m.end(1)] = b"\x01" * (m.end(1) - c.end)
            c.end = m.end(1)
        elif (
            c.kind == "person"
            and unknowns >= 2
            and (after := _COMMA_NEXT.match(text, c.end))
            and _placed(lex, after)
        ):
            c.kind, c.ident = "org", f"org@{c.start}"


def _placed(lex: Lexicon, after: re.Match[str]) -> bool:
    """What follows the comma places it: a house number, a place, a street, a word no list
    knows (a village); not another name ("…, Channel Language Line")."""
    words = after.group("w")
    if words is None:
        return True
    return (
        _place(lex, words)
        or bool(_STREET_END.search(words))
        or (" " not in words and unknown(words, lex))
    )


# nouns that end an organisation's name beside those the organisation grammar knows
_MORE_ENDS = frozenset(
    {"hut", "therapies", "unit", "line", "union", "troop", "pathway", "sheds", "bank", "news"}
)
_RIGHT = re.compile(r" (?:(?:of|and|&|for|the|in) )?[A-Z][\w'’-]*")
_LEFT = re.compile(r"[A-Z][\w'’-]* (?:(?:of|and|&|for|the) )?$")
_REPLACEABLE = frozenset({"person", "professional", "address"})
_WIDE = 0.75  # below it, a name taken on weak evidence (a role cue, capitals alone)
_LONGEST_RUN = 160  # characters: no organisation's name is longer


def widen_guessed_names(st: State) -> None:
    """A name guessed for a person inside a run of capitalised words that ends in an
    organisation's noun is part of the organisation's name (``Quellan Lakeside Youth Hut``,
    ``Varrow Young Carers Hub`` where ``Hub`` was taken after ``carers``): the run is taken
    whole, the guesses inside it give way."""
    text = st.text
    lex = st.lex
    gone: set[int] = set()  # ids of the guesses a run took (Cand compares by value)
    for c in [c for c in st.cands if c.confidence < _WIDE and c.kind in _NAME_GUESSES]:
        if id(c) in gone or (text[c.end : c.end + 1] != " " and text[c.start - 1 : c.start] != " "):
            continue  # taken into a run already, or no run: nothing written beside it
        start, end = c.start, c.end
        while (m := _RIGHT.match(text, end)) is not None and m.end() - start < 80:
            end = m.end()
        while (m := _LEFT.search(text, max(0, start - 30), start)) is not None:
            if end - m.start() > _LONGEST_RUN:
                break  # (a run no name is as long as: "Aa Aa Aa …" would be walked again
            start = m.start()  # for each guess in it, and a long note take minutes)
        every = spans_of(text, start, end)
        words = trimmed(lex, text, every)
        if len(words) < 2 or (words[0][0], words[-1][1]) == (c.start, c.end):
            continue
        at = every.index(words[0])
        if at and (word_key(text[slice(*every[at - 1])]),) in lex.places:
            words = [every[at - 1], *words]  # the county or town it serves: "Varrow Young …"
        start, end = words[0][0], words[-1][1]
        run = text[start:end]
        keys = phrase_key(run)
        if (
            not keys
            or keys[-1] in PUBLIC_SERVICES
            or not (keys[-1] in _MORE_ENDS or keys[-1] in MORE_HEADS or ends_in_head(run))
        ):
            continue
        if excluded(lex, text, start, end, keys):
            continue
        inside = [d for d in st.cands if d.start < end and start < d.end]
        if any(d.kind not in _REPLACEABLE or d.priority >= 80 for d in inside):
            continue
        for d in inside:
            st.cands.remove(d)
            gone.add(id(d))
        st.taken[start:end] = bytes(end - start)
        st.take(start, end, "org", " ".join(keys), 58, STRONG)


_NAME_GUESSES = frozenset({"person", "professional"})


# the words after a street that make it an organisation's name: capitalised, up to four, with
# the small words between ("Riding for All"); then the phrase goes on in lower case or ends
_AFTER_STREET = re.compile(
    r" ((?:[A-Z][\w'’-]*)(?: (?:(?:for|of|and|&) )?[A-Z][\w'’-]*){0,3})"
    r"(?=[ \t]*(?:[.;:,)(\n|?!]|$|[ \t][-–]|[ \t][a-z]))"
)


# words of a clause going on after a street, in a form in capitals
_CLAUSE_WORDS = frozenset({"and", "then", "was", "were", "is", "are", "but", "when", "where"})


def street_named(st: State) -> None:
    """A street without a house number followed by capitalised words is an organisation
    named after it (``Ottervale Road Riding for All``, ``Quenby Road Salvage``), unless those
    words are a place, a weekday or month, a protected word or a name of the record."""
    text = st.text
    lex = st.lex
    for c in [c for c in st.cands if c.kind == "address"]:
        if text[c.end : c.end + 1] != " " or any(ch.isdigit() for ch in text[c.start : c.end]):
            continue
        m = _AFTER_STREET.match(text, c.end)
        if m is None:
            continue
        keys = phrase_key(m.group(1))
        if m.group(1).isupper() and any(
            k in _CLAUSE_WORDS or (k.endswith("ed") and k in lex.common) for k in keys
        ):
            continue  # "ON CARNFORTH ROAD AND DRIVER ARRESTED": a form in capitals reads on
        if (
            keys in lex.places
            or (keys[0],) in lex.places
            or any(k in lex.protected_words or k in st.known.keys for k in keys)
        ):
            continue
        inside = [d for d in st.cands if c.end < d.end and d.start < m.end()]
        if any(d.kind not in _REPLACEABLE or d.priority >= 80 for d in inside):
            continue
        for d in inside:
            st.cands.remove(d)
        st.taken[c.end : m.end()] = b"\x01" * (m.end() - c.end)
        c.kind, c.ident, c.end, c.confidence = "org", f"org@{c.start}", m.end(), STRONG
