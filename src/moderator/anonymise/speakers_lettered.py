"""An interview written as a dialogue of letters: ``E: Where did you go?`` / ``N: coventry``.

A return home interview or a police account often writes its two speakers by a letter each,
at the start of their lines. Where two letters or more each open two lines or more with a
colon, they are people: the letter of a record's person whose given name starts with it
(``N`` for the child Nadia) is that person's, another letter a person the note names by
it. ``A``, ``I`` and ``Q`` (a word, and a form's question and answer) are never taken so.
"""

from __future__ import annotations

import re
from collections import Counter

from moderator.anonymise.layer_known import take_known
from moderator.anonymise.state import State

_SPEAKER = re.compile(r"(?m)^(?P<l>[B-HJ-PR-Z])[ \t]*:[ \t]+\S")


def find_lettered_speakers(st: State) -> None:
    """Take the letters that speak a dialogue's lines (see the module's text)."""
    text = st.text
    if ":" not in text:
        return
    spots = [(m.start(), m.group("l")) for m in _SPEAKER.finditer(text)]
    counts = Counter(letter for _, letter in spots)
    speakers = {letter for letter, n in counts.items() if n >= 2}
    if len(speakers) < 2:
        return  # one letter opening lines is a list's or a form's, not a dialogue
    who = _record_people_by_letter(st)
    for at, letter in spots:
        if letter not in speakers or not st.free(at, at + 1):
            continue
        if letter in who:
            take_known(st, at, at + 1, who[letter], 0.7)
        else:
            st.take(at, at + 1, "person", "speaker:" + letter, 52, 0.7)


def _record_people_by_letter(st: State) -> dict[str, int]:
    """The record's people by the first letter of their given name, where one has it alone."""
    firsts: dict[str, list[int]] = {}
    for index, (first, _last) in st.known.initial_of.items():
        firsts.setdefault(first.upper(), []).append(index)
    return {letter: owners[0] for letter, owners in firsts.items() if len(owners) == 1}
