"""The record's people in forms found by sound or by their place beside a name.

* **Pet forms and spellings** (:mod:`.phonetic`): a capitalised word that is no listed name,
  word or place, and sounds like the first syllable of a given name of the record with a
  diminutive ending (``Moose`` for Musa, ``Eefs`` for Aoife), or like the whole name spelt
  another way (``Muhammad`` for Mohammed). Guesses: taken with a low confidence, so the
  import review lists them.
* **Names in brackets beside a name**: ``Musa (Moose)``, ``Nayu (Inaya)``: the other side
  of a bracket next to a known person is that person, and so is every other mention of it.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import HONORIFICS, RELATION_CUES, ROLE_CUES
from moderator.anonymise.layer_orgs import whole_words
from moderator.anonymise.lexicon import word_key
from moderator.anonymise.state import State, Tok

PET_FORM_CONFIDENCE = 0.65
"""A pet form found by sound alone: below :data:`.state.UNSURE`, for a person to confirm."""
SPELLING_CONFIDENCE = 0.8


def sounds_like_known(st: State, toks: list[Tok], i: int) -> tuple[int | None, float | None]:
    """Whose given name the capitalised word ``toks[i]`` is a pet form or spelling of, and
    how sure that is; ``(None, None)`` when it is nobody's."""
    sounds = st.known.sounds
    if not sounds:
        return None, None
    t = toks[i]
    key = t.key
    lex = st.lex
    who = sounds.spelling(key)
    if who is not None:
        return who, SPELLING_CONFIDENCE
    if (
        st.protected[i]
        or t.upper
        or key in lex.given
        or key in lex.surnames
        or (key,) in lex.places
    ):
        return None, None  # a listed name is someone else: Ivy is not Ava
    # part of a longer capitalised name ("Moss Lane", "Castle Mill") is a place or a firm
    if i + 1 < len(toks) and toks[i + 1].cap and st.joined(t, toks[i + 1]):
        return None, None
    if i > 0 and toks[i - 1].cap and st.joined(toks[i - 1], t):
        before = toks[i - 1]
        if not (
            st.sent(before)  # "Later Moose said"
            or before.key in lex.common
            or before.key in HONORIFICS
            or before.key in RELATION_CUES
        ):
            return None, None
    who = sounds.pet_form(key)
    return (who, PET_FORM_CONFIDENCE) if who is not None else (None, None)


_PAIRED_RE = re.compile(
    r"(?<![\w'’-])(?P<a>[^\W\d_][\w'’-]*)[ \t]*\([ \t]*[\"“']?(?P<b>[^\W\d_][\w'’-]*)[\"”']?[ \t]*\)"
)


def find_paired_names(st: State) -> None:
    """A word in brackets beside a known person, or a word a known person's name is in
    brackets after, is that person: ``Musa (Moose)``, ``Wika (Wiktoria)``."""
    text = st.text
    if "(" not in text:
        return
    record = [c for c in st.cands if c.kind in ("child", "family", "worker")]
    if not record:
        return
    ends = {c.end: c for c in record}
    spans = {(c.start, c.end): c for c in record}
    lex = st.lex
    for m in _PAIRED_RE.finditer(text):
        a, b = m.span("a"), m.span("b")
        known = ends.get(a[1])  # "Musa Rahman (Moose)": the name ends before the bracket
        other = b
        if known is None:
            known, other = spans.get(b), a
        if known is None:
            continue
        word = text[other[0] : other[1]]
        key = word_key(word)
        if (
            not word[0].isupper()
            or not st.free(*other)
            or (word.isupper() and len(word) <= 4)  # "JB (HV)": a role, not a name
            or key in lex.common
            or key in lex.protected_words
            or key in HONORIFICS
            or key in ROLE_CUES
            or key in RELATION_CUES
        ):
            continue
        for start, end in whole_words(text, word):  # and wherever else it is written
            if st.free(start, end):
                st.take(start, end, known.kind, known.ident, 60, 0.9)


_SPEECH_RE = re.compile(r"[\"“]([^\"“”\n]{2,300})[\"”]")
_SPOKEN_WORD_RE = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]+")
# in a child's words, a name follows these without a capital: "nanny sue", "uncle gaz"
_KIN_BEFORE = frozenset(
    [
        "nan",
        "nana",
        "nanna",
        "nanny",
        "gran",
        "granny",
        "grandma",
        "grandad",
        "grandpa",
        "uncle",
        "auntie",
        "aunty",
        "aunt",
        "mum",
        "mummy",
        "dad",
        "daddy",
        "cousin",
        "sister",
        "brother",
        "bro",
        "sis",
    ]
)
SPOKEN_NAME_CONFIDENCE = 0.65
"""A name written in lower case in someone's words: likely, for a person to confirm."""


def find_names_in_speech(st: State) -> None:
    """Other people's names as a child says them, in lower case inside quotes: a listed name
    that is no everyday word ("tyler hit me"), or that follows a kinship word ("nanny sue")."""
    text = st.text
    if '"' not in text and "“" not in text:
        return
    lex = st.lex
    for quote in _SPEECH_RE.finditer(text):
        previous = ""
        for m in _SPOKEN_WORD_RE.finditer(text, quote.start(1), quote.end(1)):
            key = word_key(m.group())
            after_kin = previous in _KIN_BEFORE and key not in _KIN_BEFORE
            previous = key
            if len(key) < 3 or key in lex.protected_words or not st.free(m.start(), m.end()):
                continue
            listed = key in lex.given or key in lex.surnames
            if listed and (after_kin or key not in lex.common):
                hit = st.found.get((key,))
                kind, ident = hit if hit else ("person", "p:" + key)
                end = m.start() + len(m.group()) - (2 if m.group()[-2:] in ("'s", "’s") else 0)
                st.take(m.start(), end, kind, ident, 45, SPOKEN_NAME_CONFIDENCE)
                st.remember((key,), kind, ident)
