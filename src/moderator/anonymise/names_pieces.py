"""The record's people's names that dictation broke into pieces: ``max im co valenko``.

Voice-to-text that does not know a name writes it as the pieces it hears, each a word or
a syllable: ``max im`` for Maksym, ``co valenko`` for Kovalenko, ``lean os`` for Llinos,
``pod rig`` for Pádraig. In a dictated line (:func:`.names_heard.lower_lines`), two or
three lower-case words side by side, joined, that sound like one of the record's name
parts of five letters or more (:func:`.names_heard.sounds_alike`) are that person.

At least one piece must be no everyday word, so that ``my son`` is never read as Mason
nor ``fee on`` (both words) as Fionn; and the joined form must be no word itself. These
are guesses, taken with the heard names' low confidence, for the import's review.
"""

from __future__ import annotations

import re
from itertools import pairwise

from moderator.anonymise.lexicon import frequent_word
from moderator.anonymise.names_heard import (
    HEARD_CONFIDENCE,
    heard_parts,
    lower_lines,
    sounds_alike,
)
from moderator.anonymise.state import State

_PIECE = re.compile(r"(?<![\w'’.-])[a-z]{1,12}(?![\w'’-])")
_SHORTEST_NAME = 5


def find_heard_pieces(st: State) -> None:
    """Two or three lower-case words of a dictated line that together sound like a name."""
    lines = lower_lines(st.text)
    if not lines:
        return
    parts = [(n, who) for n, who in heard_parts(st) if len(n) >= _SHORTEST_NAME]
    if not parts:
        return
    text, words = st.text, st.lex.words
    for lo, hi in lines:
        pieces = list(_PIECE.finditer(text, lo, hi))
        i = 0
        while i < len(pieces) - 1:
            found = _name_from(st, pieces, i, parts, words)
            if found is None:
                i += 1
                continue
            n, who = found
            person = st.known.people[who]
            start, end = pieces[i].start(), pieces[i + n - 1].end()
            st.take(start, end, person.kind, person.label, 50, HEARD_CONFIDENCE)
            i += n


def _name_from(
    st: State,
    pieces: list[re.Match[str]],
    i: int,
    parts: list[tuple[str, int]],
    words: frozenset[str],
) -> tuple[int, int] | None:
    """How many pieces from ``i`` (three, then two) sound like a name part, and whose."""
    text, places = st.text, st.lex.places
    written = {name for name, _ in parts}
    for n in (3, 2):
        run = pieces[i : i + n]
        if len(run) < n:
            continue
        if any(text[a.end() : b.start()] != " " for a, b in pairwise(run)):
            continue  # the pieces of one name follow each other with one space
        if not all(st.free(p.start(), p.end()) for p in run):
            continue
        said = [p.group() for p in run]
        if all(w in words or frequent_word(w) for w in said):
            continue  # "my son", "fee on": every piece a word of its own
        if any(w in written or (w,) in places for w in said):
            continue  # "in lincoln": a name as the record writes it, or a place, is whole
        joined = "".join(said)
        if len(joined) < _SHORTEST_NAME or joined in words:
            continue
        who = next((w for name, w in parts if sounds_alike(joined, name)), None)
        if who is not None:
            return n, who
    return None
