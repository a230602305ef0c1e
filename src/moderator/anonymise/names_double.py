"""The second part of a record person's double given name, however it is written.

A double given name (``Ellie-Mae``, ``Lily Rose``) is written with a space where the record
has a hyphen, and dictation spells its second part as it sounds (``ellie may`` for
Ellie-Mae, ``lily rows``): the first part is found as the person's name, and the second,
often an everyday word (``may``, ``rose``, ``grace``), is left beside it. Where the first
part is taken as the person and the word after it is the second part, or sounds like it,
the redaction grows over it; where both parts are written as the record has them, in any
case (``lily rose``), they are the person though each is a word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from moderator.anonymise.state import NAME_KINDS, State

# (with its possessive: "ellie may's bedroom")
_NEXT_WORD = re.compile(r"[ \t-]{1,2}(?P<w>[^\W\d_]{2,20})(?:['’]s)?(?![\w'’-])")
_SPLIT = re.compile(r"[ \t-]+")


@lru_cache(maxsize=4096)
def sound(word: str) -> str:
    """A rough sound of a name's part: vowel endings alike, doubled letters single, a
    silent ``h`` gone (``mae`` and ``may``, ``leigh`` and ``lee``, ``ann`` and ``anne``)."""
    w = re.sub(r"eigh$", "ee", word.lower())  # "leigh" as "lee"
    w = re.sub(r"(?<=[a-z])h(?=[^aeiouy]|$)", "", w)  # "sarah", "hannah": the h unsaid
    w = re.sub(r"(?:ae|ay|ai|ei|ey)$", "A", w)
    w = re.sub(r"(?:ee|ea|ie|i|y)$", "I", w)
    w = re.sub(r"e$", "", w)
    w = re.sub(r"(.)\1", r"\1", w)
    return w


def _doubles(st: State) -> list[tuple[str, str]]:
    """The record's double given names as (first part, second part), in lower case."""
    names = [st.case.child.name, *(m.name for m in st.case.family), st.case.worker or ""]
    out = []
    for name in names:
        words = _SPLIT.split(name.strip().lower())
        if len(words) >= 3 or (len(words) == 2 and "-" in name.split()[0]):
            out.append((words[0], words[1]))
    return out


def join_double_given(st: State) -> None:
    """Grow a record person's first given part over the second written after it."""
    doubles = _doubles(st)
    if not doubles:
        return
    text = st.text
    lowered = text.lower()
    for first, second in doubles:
        want = sound(second)
        at = lowered.find(first)
        while at >= 0:
            end = at + len(first)
            m = _NEXT_WORD.match(text, end)
            if (
                m is not None
                and (at == 0 or not text[at - 1].isalnum())
                and sound(m.group("w")) == want
                and st.free(m.start("w"), m.end("w"))
            ):
                owner = next((c for c in st.cands if c.start <= at < c.end and c.end == end), None)
                if owner is not None and owner.kind in NAME_KINDS:
                    st.grow(owner, owner.start, m.end("w"))  # (the 's after it: the placeholder's)
                elif (
                    owner is None
                    and m.group("w").lower() == second
                    and st.free(at, end)
                    and (who := st.known.given_keys.get(first)) is not None
                ):  # "lily rose" in lower case: both parts written, the person though words
                    person = st.known.people[who]
                    st.take(at, m.end("w"), person.kind, person.label, 60)
            at = lowered.find(first, end)
