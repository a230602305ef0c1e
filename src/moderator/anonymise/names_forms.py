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
from collections.abc import Mapping
from functools import lru_cache
from operator import attrgetter

from moderator.anonymise.cues import HONORIFICS, NAME_TITLES, RELATION_CUES, ROLE_CUES
from moderator.anonymise.known_said import written_as_word
from moderator.anonymise.lexicon import lexicon, lower_same_length, word_key
from moderator.anonymise.names_around import KIN_TITLES
from moderator.anonymise.state import NAME_KINDS, State

# after a name's letters: a pet ending and a possessive s, then the end of the word (or an
# apostrophe's possessive, which goes with the name when it is built)
_TAIL = re.compile(r"(?:ie|ey|y|i)?s?(?:(?=['’][sS](?!\w))|(?![\w'’`-]))")
_START = attrgetter("start")
_LETTER_BEFORE = re.compile(r"[\w'’`-]")
_NAME_WORD = re.compile(r"[^\W\d_]+")
_LEAST, _SURE = 0.6, 0.8  # names a layer was unsure of still lend their forms, as unsure
# words before a form that make it a word: "the embers", "her jewels", "some brooks"
_DETERMINERS = frozenset(
    {"the", "a", "an", "her", "his", "their", "my", "your", "our", "its", "some", "any", "no",
     "this", "that", "these", "those", "of", "for", "with", "in", "on", "at", "to", "and"}
)  # fmt: skip


@lru_cache(maxsize=1 << 14)
def _skip(key: str) -> bool:
    """Whether a word of a name is no name of its own (a frequent word, a title, a cue)."""
    lex = lexicon()
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


@lru_cache(maxsize=1 << 14)
def _name_forms_of(written: str) -> tuple[tuple[str, str], ...]:
    """The (key, lower-case word) of each word of a redacted name that may be a name (a
    frequent word too: "Brook" gives "brooky"; the word itself is never taken again)."""
    out = []
    for w in _NAME_WORD.findall(written):
        key = word_key(w)
        if not _skip(key) or (len(key) >= 3 and key in lexicon().common and _part_of_name(key)):
            out.append((key, w.lower()))
    return tuple(out)


@lru_cache(maxsize=1 << 14)
def _part_of_name(key: str) -> bool:
    """Whether a frequent word may still be a name (no title, kinship word or cue)."""
    return not (
        key in HONORIFICS
        or key in NAME_TITLES
        or key in KIN_TITLES
        or key in RELATION_CUES
        or key in ROLE_CUES
        or key in lexicon().protected_words
    )


def _forms(st: State) -> dict[str, tuple[str, str, float]]:
    """The single-word name forms of this text, in lower case -> (kind, ident, how sure the
    name written in the text was; 0 for a name of the record the text has not written)."""
    text = st.text
    forms: dict[str, tuple[str, str, float]] = {}
    seen: set[str] = set()
    for c in st.cands:
        if c.kind in NAME_KINDS and c.confidence >= _LEAST:
            written = text[c.start : c.end]
            if written in seen:
                continue  # (a note repeats its names)
            seen.add(written)
            hit = (c.kind, c.ident, min(c.confidence, _SURE))
            for key, lower in _name_forms_of(written):
                forms.setdefault(key, hit)
                forms.setdefault(lower, hit)  # as written, accents and all
    for key, hit in _record_forms(st).items():
        forms.setdefault(key, hit)
    return forms


def _record_forms(st: State) -> dict[str, tuple[str, str, float]]:
    """The record's given names and surnames that are no words (worked out once per record)."""
    known = st.known
    if known.forms is not None:
        return known.forms
    lex = st.lex
    forms: dict[str, tuple[str, str, float]] = {}
    for key, who in known.given_keys.items():
        if not _skip(key) and key not in lex.words:
            person = known.people[who]
            forms.setdefault(key, (person.kind, person.label, 0.0))
    for key, owners in known.surname_owners.items():
        if not _skip(key) and key not in lex.words:
            person = known.people[owners[0]]  # a shared surname is the family's
            shared = len(set(owners)) > 1
            hit = ("family", "FAMILY", 0.0) if shared else (person.kind, person.label, 0.0)
            forms.setdefault(key, hit)
    known.forms = forms
    return forms


def find_name_forms(st: State) -> None:
    """Other mentions of names the text has written (a given name joined to a known surname,
    "Malachy"), their possessives without an apostrophe and their pet forms."""
    forms = _forms(st)
    if not forms:
        return
    text = st.text
    # words of protected phrases stay ("Christmas Eve" where someone is called Eve)
    protected = {t.start for t, p in zip(st._toks, st.protected, strict=True) if p}
    # the text in lower case with what is redacted blanked out: the names already redacted
    # (most occurrences of each form) are not found again
    pieces, last = [], 0
    for c in sorted(st.cands, key=_START):
        if c.start >= last:
            pieces += [text[last : c.start], "\x00" * (c.end - c.start)]
            last = c.end
    folded = lower_same_length("".join([*pieces, text[last:]]))
    for at, end, form in _occurrences(folded, forms):
        if st.free(at, end) and at not in protected:
            _take_form(st, at, end, form, forms[form])


_FIND_LIMIT = 50_000_000
"""Forms times characters past which each word's start is looked up instead of each form
searched for: a hostile note of thousands of made-up names (the same answers, in the same
order; a note of a few dozen forms is quicker searched for)."""
# where a word starts: a word character with none of a word's before it
_WORD_START = re.compile(r"(?<![\w'’`-])\w")


def _occurrences(folded: str, forms: Mapping[str, object]) -> list[tuple[int, int, str]]:
    """Each form written at a word's start with its tail (:data:`_TAIL`): (where, where the
    tail ends, the form), in the forms' order, then the text's."""
    found: list[tuple[int, int, int, str]] = []
    order = {form: i for i, form in enumerate(forms)}
    searched = list(forms)
    if len(forms) * len(folded) > _FIND_LIMIT:
        letters = {form for form in forms if form.isalpha()}
        searched = [form for form in forms if form not in letters]
        lengths = sorted({len(form) for form in letters})
        for w in _WORD_START.finditer(folded):
            at = w.start()
            for size in lengths:
                form = folded[at : at + size]
                if len(form) < size:
                    break
                if form in letters:
                    tail = _TAIL.match(folded, at + size)
                    if tail is not None:
                        found.append((order[form], at, tail.end(), form))
    for form in searched:  # (a form of letters alone is found only at a word's start: the
        at = folded.find(form)  # search, which goes on after each find, skips none there)
        while at >= 0:
            end = at + len(form)
            if at == 0 or not _LETTER_BEFORE.match(folded, at - 1):
                tail = _TAIL.match(folded, end)
                if tail is not None:
                    found.append((order[form], at, tail.end(), form))
            at = folded.find(form, end)
    found.sort()
    return [(at, end, form) for _, at, end, form in found]


def _take_form(st: State, start: int, end: int, form: str, hit: tuple[str, str, float]) -> None:
    text = st.text
    lex = st.lex
    word = text[start:end]
    key = word_key(word)
    if key in lex.common or key in lex.protected_words or written_as_word(text, start, end):
        return  # (and "it's been stormy weather": the word, by the word before it)
    if word in lex.acronyms:
        return  # "TAF meeting" after "Taf" for Tafadzwa: in capitals, the acronym
    kind, ident, sure = hit
    if end - start == len(form):  # the name itself: only one the record's tables lack
        if key in st.known.keys or not sure or not (word[0].isupper() or key not in lex.words):
            return
        if key in lex.words and _after_determiner(text, start):
            return
        st.take(start, end, kind, ident, 52, sure)
        return
    wordlike = key in lex.words or key in st.known.keys or form in lex.common
    if _after_determiner(text, start) and (wordlike or word.islower()):
        return  # "the embers", "her jewels", "in the reeds": the word
    if word.islower() and _after_subject(text, start):
        return  # "he robs stuff": a verb
    if wordlike and not sure:
        return
    st.take(start, end, kind, ident, 52, sure or _SURE)


_SUBJECTS = frozenset(
    {"i", "he", "she", "it", "they", "we", "you", "who", "u", "everyone", "everybody"}
    | {"someone", "somebody", "nobody", "mum", "dad", "mam", "nan", "school", "family"}
)


def _after_subject(text: str, at: int) -> bool:
    before = text[max(0, at - 10) : at].split()
    return bool(before) and before[-1].lower() in _SUBJECTS


def _after_determiner(text: str, at: int) -> bool:
    before = text[max(0, at - 12) : at].split()
    return bool(before) and before[-1].lower() in _DETERMINERS
