"""What the words before a name say of it, and taking a name found on that evidence.

The other-name layer (:mod:`.layer_names`) weighs the cue before a run of capitalised words
(a role's, a relation's or a weak one) with :func:`cue_before` and takes what it accepts with
:func:`accept`; :func:`find_named_by_role` takes a surname that is also a place right after a
professional's role ("health visitor Norton").
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import (
    INSTITUTION_NOUNS,
    PRE_WEAK,
    RELATION_CUES,
    ROLE_CUES,
    SPEAKING_VERBS,
)
from moderator.anonymise.patterns import FIRST_GAP, INNER_GAP
from moderator.anonymise.state import State, Tok

_GREETINGS = frozenset({"hi", "hiya", "hello", "hey", "dear", "morning", "afternoon", "evening"})
_I_CONTRACTION = re.compile(r"I['’](?:m|ve|ll|d)", re.IGNORECASE)
# a place joined to another by "with", "and" or "&": one authority's name ("Blackburn with Darwen",
# "Redcar and Cleveland", "Brighton & Hove")
_PLACES_JOINED = re.compile(
    r"[ \t]+(?:with|and|&)[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][\w'’]*)*[ \t]+"
    r"(?:Council|Children|Borough|City|Police|Constabulary|Fostering|Family|Youth|Leaving)\b"
)

_WIDE = re.compile(r" {3,}")


def cue_before(st: State, toks: list[Tok], i: int) -> str | None:
    """The kind of cue the words right before ``toks[i]`` give: "role" ("health visitor
    Norton"), "relation" ("neighbour Gary"), "weak" ("and", "spoke to") or none."""
    text = st.text
    words: list[str] = []
    k = i - 1
    pos = toks[i].start
    if k >= 0 and toks[k].cap and (toks[k].key,) in st.lex.places and toks[k].key in st.lex.given:
        k, pos = k - 1, toks[k].start  # "carer Beverley Tonks": a given name that is a town
    while k >= 0 and len(words) < 4:
        t = toks[k]
        gap = text[t.end : pos]
        # "neighbour Gary", "neighbour, Gary", "HV - Sarah"; within the cue only spaces
        pattern = FIRST_GAP if not words else INNER_GAP
        if (t.poss and words) or not pattern.fullmatch(gap) or _WIDE.fullmatch(gap):
            break  # (a wide gap parts two fields: "SW   Supervisor: Marcus Hale")
        words.insert(0, t.key)
        pos = t.start
        k -= 1
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[-size:])
        if phrase in ROLE_CUES:
            return "role"
        if phrase in RELATION_CUES:
            return "relation"
    if words and words[-1] in PRE_WEAK:
        if words[-1] == "to" and (len(words) < 2 or words[-2] not in SPEAKING_VERBS):
            return None  # "went to Barclays", but "spoke to Tyler"
        # "and Tyler": only when the other side of "and" is a name already
        if words[-1] == "and":
            prev = toks[i - 2] if i >= 2 else None
            if prev is None or st.free(prev.start, prev.end):
                return None
        return "weak"
    # "spoke to Tyler", "told Tyler"
    return None


def accept(st: State, chunk: list[Tok], kind: str, confidence: float = 0.95) -> None:
    """Take a run found as a name, with the placeholder of the same words found before."""
    while chunk and chunk[0].key in _GREETINGS:
        chunk = chunk[1:]  # "Hi Imogen": the greeting is no part of her name
    if not chunk or any(_I_CONTRACTION.fullmatch(t.word) for t in chunk):
        return  # "PA: I'm calling", "SW: I've rung": the writer, not a name
    keys = tuple(t.key for t in chunk)
    ident = None
    for size in range(len(keys), 0, -1):
        for s in range(0, len(keys) - size + 1):
            hit = st.found.get(keys[s : s + size])
            if hit is not None and s > 0 and keys[0] in st.lex.given:
                continue  # "Desmond Whyte" after "Marcia Whyte": another of the family
            if hit is not None:
                ident = hit[1]
                if hit[0] == "professional":
                    kind = "professional"
                break
        if ident:
            break
    if ident is None:
        ident = ("pro:" if kind == "professional" else "p:") + " ".join(keys)
    start, end = chunk[0].start, chunk[-1].end
    if not st.free(start, end) or st.text[end : end + 1].isdigit():
        return  # ("WO2 Tressider": letters joined to a digit are a rank's or a code's, no name)
    st.take(start, end, kind, ident, 40, confidence)
    st.remember(keys, kind, ident)


def find_named_by_role(st: State, toks: list[Tok]) -> None:
    """A surname that is also a place, right after a role: "health visitor Norton", "DSL Burton".

    Place names are protected vocabulary, so the other-name layer never weighs them; after a
    professional's role, a listed surname not followed by another capitalised word (which
    would make it "Norton Green", a place) is that professional.
    """
    lex = st.lex
    for i in st.capitalised:
        t = toks[i]
        if (
            t.upper
            or t.key not in lex.protected_words
            or t.key not in lex.surnames
            or not st.free(t.start, t.end)
            or cue_before(st, toks, i) != "role"
        ):
            continue
        if i + 1 < len(toks) and toks[i + 1].cap and st.joined(t, toks[i + 1]):
            continue
        if _PLACES_JOINED.match(st.text, t.end):
            continue  # "Team Manager, Blackburn with Darwen Children's Services": a council
        accept(st, [t], "professional", 0.8)


# "disruption re Banks", "intel re Mills;": someone a note is about, by surname, after "re"
_REGARDING = re.compile(r"(?<![\w'’-])re[ \t]+\Z")


def find_regarding(st: State, toks: list[Tok]) -> None:
    """A listed surname, capitalised alone after "re" mid-sentence, is the person the action is
    about ("disruption letter re Banks", "speak to the shop re Mills"), not a word: a note
    writes "re housing" in lower case. Not a place, a month, a protected word or the start of
    a longer capitalised name ("re Banks Road"); for a person to confirm."""
    lex = st.lex
    text = st.text
    for i in st.capitalised:
        t = toks[i]
        if (
            t.upper
            or t.key not in lex.surnames
            or t.key in lex.protected_words
            or (t.key,) in lex.places
            or st.protected[i]
            or not _REGARDING.search(text, max(0, t.start - 4), t.start)
            or not st.free(t.start, t.end)
        ):
            continue
        if i + 1 < len(toks) and toks[i + 1].cap and st.joined(t, toks[i + 1]):
            continue  # "re Banks Road", "re Mills Family Centre": a longer name
        accept(st, [t], "person", 0.6)


# the relations after which a capitalised everyday word is the person's name ("her friend
# Rocky"); kin words are left out (what follows "tell mummy" is the child's "I", a service's
# word follows "baby" or "youth")
_FRIENDS = re.compile(
    r"(?<![\w'’-])(?:friend|mate|pal|bestie|boyfriend|girlfriend|bf|gf|neighbour|neighbor|cousin"
    r"|partner|fiancee?|fiancée?|ex)[ \t]\Z",
    re.IGNORECASE,
)


def find_word_names_after_relations(st: State, toks: list[Tok]) -> None:
    """An everyday word capitalised in mid-sentence right after a friend's or a neighbour's
    relation is that person's name: "her friend Rocky", "his mate Buddy", "neighbour Candy".
    The other-name layer passes over everyday words (most are headings' or sentences' first
    words); here the capital has no other reason. Not a protected word or place, not a
    service's noun, not the first word of a longer capitalised name ("her friend Rocky Road's
    café"); for a person to confirm."""
    lex = st.lex
    text = st.text
    for i in st.capitalised:
        t = toks[i]
        if (
            t.upper
            or len(t.key) < 3
            or t.key not in lex.common
            or t.key in lex.given
            or t.key in lex.surnames
            or t.key in lex.protected_words
            or t.key in INSTITUTION_NOUNS
            or (t.key,) in lex.places
            or st.protected[i]
            or not _FRIENDS.search(text, max(0, t.start - 12), t.start)
            or not st.free(t.start, t.end)
        ):
            continue
        if i + 1 < len(toks) and toks[i + 1].cap and st.joined(t, toks[i + 1]):
            continue
        accept(st, [t], "person", 0.6)
