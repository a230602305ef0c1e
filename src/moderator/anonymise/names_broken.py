"""The record's names broken across a line by a hyphen, as scanned letters are.

Text read from a scanned page keeps the page's hyphenation: ``Zar-`` at the end of one line
and ``lasht`` at the start of the next, or ``Pri- ncess`` where the line break became a
space. Joined up, each is a name of the record; the whole broken word is redacted.
"""

from __future__ import annotations

import re

from moderator.anonymise.layer_known import take_known
from moderator.anonymise.state import State

# the break: a hyphen at a line's end, or a hyphen and a space before a lower-case letter
# ("Pri- ncess"; "Anglo- Saxon" keeps its capital and is left alone); it starts with the
# hyphen, so the engine skips to hyphens (the words either side are read in Python)
_BREAK = re.compile(r"-(?:[ \t]*\r?\n[ \t]*|[ \t](?=[^\W\d_A-Z]))")
_WORD_AFTER = re.compile(r"[^\W\d_]{2,}(?![\w-])")


def find_broken_names(st: State) -> None:
    """A name of the record broken across a line by a hyphen ("Zar-⏎lasht") is that name."""
    text = st.text
    if "-\n" not in text and "- " not in text and "-\r" not in text:
        return
    known = st.known
    for m in _BREAK.finditer(text):
        start = m.start()
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        after = _WORD_AFTER.match(text, m.end())
        if (
            m.start() - start < 2
            or after is None
            or (start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_"))
        ):
            continue
        key = (text[start : m.start()] + after.group()).casefold()
        who = known.ngrams.get((key,))
        if who is None:
            owners = known.surname_owners.get(key)
            who = owners[0] if owners and len(owners) == 1 else (-1 if owners else None)
        if who is not None and st.free(start, after.end()):
            take_known(st, start, after.end(), who)


# a name spelt out letter by letter, as a caller does on the phone: "i o n u t", "Z A V O I"
# (from the space before its first letter: a pattern opening with a look-behind or a class is
# tried at every position or letter of the note, one opening with a space only at spaces)
_SPELT_OUT = re.compile(r" (?P<s>[^\W\d_](?: [^\W\d_]){2,})(?![\w])")


def find_spelt_names(st: State) -> None:
    """A name of the record spelt out letter by letter ("i o n u t zavoianu") is that person."""
    text = st.text
    if " " not in text:
        return
    known = st.known
    for m in _SPELT_OUT.finditer(text):
        word = m.group("s").replace(" ", "").lower()
        start = m.start("s")
        if len(word) < 3 or not st.free(start, m.end()):
            continue
        who = known.ngrams.get((word,))
        if who is None:
            owners = known.surname_owners.get(word)
            who = owners[0] if owners else None
        if who is not None:
            person = known.people[who]
            st.take(start, m.end(), person.kind, person.label, 60, 0.9)
