"""The record's people greeted, thanked or naming themselves in a message, in any case.

A message greets or thanks its reader by name and a writer names themself at its start:
``thanks gem``, ``hi megan its biddy``, ``helen its ruby can u talk``. There, a given name
of the record or one of its short forms (Gem for Gemma, Biddy for Bridget) is the person
even when it is also an everyday word and written in lower case, which the other layers
leave as the word. Only the record's own names are read so: ``its miles away`` and ``its
mothers day`` stay, as does any word the record's people are not called.
"""

from __future__ import annotations

import re

from moderator.anonymise.layer_known import take_known
from moderator.anonymise.lexicon import word_key
from moderator.anonymise.nearby import matches_in, starting_with_folded, word_positions
from moderator.anonymise.speech import speech_spans, written_by_a_child
from moderator.anonymise.state import State

# a greeting or thanks before a name: "thanks gem", "hiya owen", "morning ruby"
_GREETED = re.compile(
    r"(?i:(?<![\w'’])(?:thanks|thank[ \t]+you|thankyou|ty|cheers|hi|hiya|hey|heya|yo|morning"
    r"|night|nite|love[ \t]+(?:you|u)|luv[ \t]+u|bye|sorry)[ \t]+)(?P<n>[A-Za-z][a-z'’]+)"
)
# what every match of _GREETED starts with, in lower case (where it is tried)
_GREETED_STARTS = (
    "thank", "ty", "cheers", "hi", "hey", "yo", "morning", "night", "nite", "love", "luv",
    "bye", "sorry",
)  # fmt: skip
# a writer naming themself after a greeting, a name or the message's start: "its ruby"
_SELF = re.compile(r"(?i:(?<![\w'’])(?:it['’]?s|this[ \t]+is)[ \t]+)(?P<n>[A-Za-z][a-z]+)")
_SELF_STARTS = ("it", "this")  # (what every match of _SELF starts with, in lower case)
_SELF_BEFORE = re.compile(r"(?:^|[\n\"“:]|(?i:\b(?:hi|hiya|hey|heya|yo)\b)|[a-z]{2,})[ \t,]*\Z")
# a name opening a message, said to its reader: "Tyrell: grace can i ask", "jo, are u free"
_OPENING = re.compile(
    r"(?<=:[ \t])(?P<n>[a-z]{2,})(?=,?[ \t]+(?:(?:can|could|r|are|did|do|have|will)[ \t]+"
    r"(?:i|u|you)|i|im|u|ur|pls|please|sorry)\b)"
)
# what follows a name said to someone: the clause's end, a kiss, or a message's next words
_AFTER = re.compile(
    r"[ \t]*(?:[.,!?;:)\"”'’]|x\b|$)|[ \t]+(?:can|could|i|im|i'm|u|ur|pls|please|sorry|here"
    r"|again|just|its|it's|from|[a-z](?![\w'’]))\b",
    re.M,
)


def find_vocatives(st: State) -> None:
    """Redact the record's given names and their short forms where a message greets, thanks
    or is signed by someone (see the module)."""
    text = st.text
    forms = _forms(st)
    if not forms:
        return
    # each pattern tried only where its matches can start (a greeting's word, "it" or "this",
    # after ": "): the same matches as a scan of the whole text, which tries every position
    found = (
        (_GREETED, starting_with_folded(_GREETED, text, _GREETED_STARTS)),
        (_SELF, starting_with_folded(_SELF, text, _SELF_STARTS)),
        (_OPENING, matches_in(_OPENING, _after_colons(text), text)),
    )
    for pattern, matches in found:
        for m in matches:
            start, end = m.span("n")
            who = forms.get(word_key(m.group("n")))
            if who is None or not st.free(start, end):
                continue
            if pattern is not _OPENING and not _AFTER.match(text, end):
                continue
            if pattern is _SELF and not _SELF_BEFORE.search(
                text, max(0, m.start() - 24), m.start()
            ):
                continue
            take_known(st, start, end, who, 0.7)


def _after_colons(text: str) -> list[tuple[int, int]]:
    """Where a match of _OPENING can start: straight after a colon and a space or a tab."""
    return [(end, end) for _, end in word_positions(text, (": ", ":\t"))]


def _forms(st: State) -> dict[str, int]:
    """Each given name of the record and each of its short forms, to its person."""
    lex = st.lex
    out: dict[str, int] = {}
    for key, who in st.known.given_keys.items():
        if len(key) < 3:
            continue
        out.setdefault(key, who)
        for full in (key, *lex.fuller.get(key, ())):
            for short in lex.diminutives.get(full, ()):
                short_key = word_key(short)
                if len(short_key) >= 3:
                    out.setdefault(short_key, who)
    return out


# a given name and the initial of a surname, in lower case as a child writes: "lily h is my
# best friend", "its nat w from 8H" (not "a" or "i", which are words)
# (not the letters a text writes for a word: "b" be, "c" see, "n" and, "r" are, "u" you)
_NAME_AND_LETTER = re.compile(
    r"(?<![\w'’-])([a-z]{3,})[ \t]([d-hj-mo-qstv-wz])(?=[ \t]+[a-z0-9]|[ \t]*(?:[-–,.!?)]|$))", re.M
)


def find_initialled_lower_names(st: State) -> None:
    """A given name in lower case followed by a surname's initial is a person, in people's
    own words, whatever the name means as a word (``poppy h is my best friend``)."""
    text = st.text
    spans = [(0, len(text))] if written_by_a_child(text) else speech_spans(text, st.lex)
    lex = st.lex
    forms = _forms(st)
    for lo, hi in spans:
        for m in _NAME_AND_LETTER.finditer(text, lo, hi):
            key = m.group(1)
            who = forms.get(key)
            if (who is None and key not in lex.given) or not st.free(m.start(), m.end()):
                continue
            if who is not None:
                take_known(st, m.start(), m.end(), who, 0.7)
                continue
            st.take(m.start(), m.end(), "person", "p:" + key, 45, 0.7)
