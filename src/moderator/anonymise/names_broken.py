"""The record's names broken across a line by a hyphen, as scanned letters are.

Text read from a scanned page keeps the page's hyphenation: ``Zar-`` at the end of one line
and ``lasht`` at the start of the next, or ``Pri- ncess`` where the line break became a
space. Joined up, each is a name of the record; the whole broken word is redacted. A scan
also breaks a word with a space alone (``Stephen Yar dley``): a name found up to the break takes
the rest when the two make a listed name.
"""

from __future__ import annotations

import re

from moderator.anonymise.layer_known import take_known
from moderator.anonymise.lexicon import frequent_word, more_places
from moderator.anonymise.state import NAME_KINDS, State

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
        if len(word) < 3 or not (st.free(start, m.end()) or _give_back_initial(st, start)):
            continue
        who = known.ngrams.get((word,))
        if who is None:
            owners = known.surname_owners.get(word)
            who = owners[0] if owners else None
        if who is not None:
            person = known.people[who]
            st.take(start, m.end(), person.kind, person.label, 60, 0.9)


def _give_back_initial(st: State, start: int) -> bool:
    """Whether the first letter spelt out at ``start`` was read as an initial after a name and
    is given back ("[Shaun Tweddle T] W E D D L E": the name, then its spelling), the rest of
    the spelling being free."""
    over = st.overlapping(start, start + 1)
    if len(over) != 1 or not st.free(start + 1, start + 2):
        return False
    c = over[0]
    if c.kind not in NAME_KINDS or c.end != start + 1 or c.start >= start - 1:
        return False
    end = start
    while end > c.start and st.text[end - 1] in " \t":
        end -= 1
    st.taken[end : c.end] = bytes(c.end - end)
    st.grow(c, c.start, end)
    return True


# the rest of a word a scan broke with a space, in lower case: "Stephen Yar dley", "Dr Kh an"
_SPLIT_TAIL = re.compile(r" ([a-z]{1,6})(?![\w'’-])")
_LAST_PIECE = re.compile(r"(?<![A-Za-z])[A-Z][a-z]{0,6}\Z")


def join_split_surnames(st: State) -> None:
    """A name whose last word a scan broke with a space ("[PC 4196 Stephen Yar] dley"): the
    redaction takes the rest when its last piece is no everyday word or surname alone and,
    joined to the rest, is a surname, a given name or a place the lists hold ("Khan",
    "Pocklington")."""
    text = st.text
    lex = st.lex
    for c in st.cands:
        if c.kind not in NAME_KINDS:
            continue
        tail = _SPLIT_TAIL.match(text, c.end)
        if tail is None:
            continue
        piece = _LAST_PIECE.search(text, c.start, c.end)
        if piece is None:
            continue
        key = piece.group().lower()
        whole = key + tail.group(1)
        if (
            not frequent_word(key)
            and key not in lex.surnames
            and (
                whole in lex.surnames
                or whole in lex.given
                or (whole,) in lex.places
                or (whole,) in more_places()
            )
            and st.free(c.end, tail.end())
        ):
            st.grow(c, c.start, tail.end())
