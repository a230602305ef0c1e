"""Numbers said in words around a date or an address, as voice-to-text writes them.

A dictated note says the year after the day (``monday the fourteenth of april twenty twenty
five``, ``the ninth of february nineteen ninety``, ``the eleventh of august two thousand and
five``) and the house number before the street (``forty one pelham grove``, ``flat six forty
eight cranmore street``, ``number eleven ...``). The date and the street are found by the
other layers; here each takes the number said beside it, and a street in lower case after a
number said is taken whole in a dictated line.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import NUMBER_TEENS, NUMBER_TENS, NUMBER_UNITS, SPOKEN_YEAR
from moderator.anonymise.lexicon import frequent_word
from moderator.anonymise.names_lower import dictated_lines
from moderator.anonymise.nearby import folds_alike
from moderator.anonymise.references import lowered
from moderator.anonymise.state import State

_UNITS, _TEENS, _TENS = NUMBER_UNITS, NUMBER_TEENS, NUMBER_TENS
_UP_TO_99 = rf"(?:(?:{_TENS})(?:[ \t-]+(?:{_UNITS}))?|{_TEENS}|{_UNITS})"
_SPOKEN_YEAR = re.compile(
    rf"(?i:[ \t]*,?[ \t]+{SPOKEN_YEAR})"
    r"(?![\w'’-])(?![ \t]+(?i:pounds|quid|pence|times|people|miles|minutes|hours|days|weeks)\b)"
)
# a house number said before a street: "forty one", "flat six forty eight", "number eleven"
_SPOKEN_NUMBER_BEFORE = re.compile(
    rf"(?<![\w'’-])(?i:(?:(?:flat|number|no\.|apartment|unit|room)[ \t]+)?"
    rf"{_UP_TO_99}(?:[ \t]+(?:{_UP_TO_99}|hundred(?:[ \t]+and)?))*)[ \t]+\Z"
)
_STREET_WORDS = (
    "road|street|lane|avenue|grove|close|drive|way|crescent|gardens|court|place|terrace|walk"
    "|rise|view|mews|row|square|parade|green|fields|park"
)
# a house number said, then a street in lower case: "forty one pelham grove"
_SAID_ADDRESS = re.compile(
    rf"(?<![\w'’-])(?:(?:flat|number|no\.|apartment|unit|room)[ \t]+)?{_UP_TO_99}"
    rf"(?:[ \t]+{_UP_TO_99})*[ \t]+(?!(?:{_STREET_WORDS}|the|a|an|of|and|to|in|on|at)\b)"
    rf"[a-z][a-z'’-]+(?:[ \t]+(?!(?:the|a|an|of|and|to|in|on|at)\b)[a-z][a-z'’-]+)?"
    rf"[ \t]+(?:{_STREET_WORDS})(?:[ \t]+(?:east|west|north|south))?(?![\w'’-])"
    # or a close named by "the" and a plural after the word "number" or "flat": "number
    # twenty seven the paddocks" (The Willows, The Maltings)
    rf"|(?<![\w'’-])(?:flat|number)[ \t]+{_UP_TO_99}(?:[ \t]+{_UP_TO_99})*[ \t]+the[ \t]+"
    r"[a-z]{3,}s(?![\w'’-])"
    # or a Welsh street, named after its noun: "fourteen ffordd pandy", "number eleven clos y
    # berllan", "number four tan y bryn"
    rf"|(?<![\w'’-])(?:(?:flat|number|no\.)[ \t]+)?{_UP_TO_99}(?:[ \t]+{_UP_TO_99})*[ \t]+"
    r"(?:(?:ffordd|heol|stryd|lon|lôn|clos|rhes|cilgant|llys|rhodfa|maes|bryn)[ \t]+"
    r"(?:(?:y|yr)[ \t]+)?|(?:tan|pen|bryn|maes|cae|ty|tŷ)[ \t]+(?:y|yr)[ \t]+)"
    r"(?P<cy>[a-zâêîôûŵŷ][a-zâêîôûŵŷ'’-]{2,})(?![\w'’-])"
    # or a neighbour's house by its number alone: "the neighbour at number sixteen rang",
    # "mrs scurr from number forty nine"
    rf"|(?:(?<=\bat[ \t])|(?<=\bfrom[ \t]))number[ \t]+{_UP_TO_99}(?:[ \t]+{_UNITS})?(?![\w'’-])"
    r"(?![ \t]+(?:of|percent|per|pounds|times|in|on[ \t]+the[ \t]+list|to[ \t]+number)\b)"
)
_NOT_A_NUMBER_AFTER = frozenset({"no", "any", "some", "every", "each", "which", "that", "this"})
_ANY_NUMBER_WORD = re.compile(rf"(?i:\b(?:{_TENS}|{_TEENS}|{_UNITS}|thousand)\b)")
# the same words as a set: a match of _ANY_NUMBER_WORD is a whole run of word characters, each
# an ASCII letter on a note whose case folds alike (nearby.folds_alike), so in lower case one
# of the note's words of plain letters (references.lowered)
_NUMBER_WORDS = frozenset(f"{_TENS}|{_TEENS}|{_UNITS}|thousand".split("|"))
_DATE_KINDS = frozenset({"date", "dob"})
_GUESSED_PEOPLE = frozenset({"person"})


def widen_said_numbers(st: State) -> None:
    """Give each date the year said after it and each address the number said before it."""
    text = st.text
    if folds_alike(text) and _NUMBER_WORDS.isdisjoint(lowered(text)[1]):
        return  # (most notes say no number in words: a look-up of their words, no scan)
    if _ANY_NUMBER_WORD.search(text) is None:
        return
    for m in (m for a, b in dictated_lines(text) for m in _SAID_ADDRESS.finditer(text, a, b)):
        before = text[max(0, m.start() - 6) : m.start()].split()[-1:]
        if before and before[0].lower() in _NOT_A_NUMBER_AFTER:
            continue  # "no one about ashlawn mews": a pronoun, no house number
        if m.group("cy"):
            if frequent_word(m.group("cy")):
                continue  # "two maes trips": an English word, no street's name
            st.give_way(m.start(), m.end(), _GUESSED_PEOPLE, 60)  # "tan y [bryn]", a name too
        if st.free(m.start(), m.end()):
            st.take(m.start(), m.end(), "address", "said:" + m.group().lower(), 60, 0.8)
    for c in sorted(st.cands, key=lambda c: c.start):
        if c.kind in _DATE_KINDS:
            year = _SPOKEN_YEAR.match(text, c.end)
            if year is not None and st.free(c.end, year.end()):
                st.grow(c, c.start, year.end())
        elif c.kind == "address" and text[c.start : c.end][:1].isalpha():
            said = _SPOKEN_NUMBER_BEFORE.search(text, max(0, c.start - 60), c.start)
            if said is not None and st.free(said.start(), c.start):
                st.grow(c, said.start(), c.end)
