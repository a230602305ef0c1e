"""Names spelt out letter by letter after a word that spells, as a dictated note or a phone
call records them (the record's own names spelt anywhere: :func:`.names_broken.find_spelt_names`).

A worker dictating checks a name's spelling aloud, and voice-to-text writes the letters one
by one: ``firth spelt f i r t h``, ``he spells it R Y A N``, ``I think that's P I E R S O N``,
``O apostrophe H A R E``. After a word that spells (``spelt``, ``spelled``, ``spells it``,
``that's``), a run of three letters or more standing alone, with ``apostrophe``, ``hyphen`` or
``dash`` between them as said, is a name: the run is taken, and so is the word it spells
where it stands just before the spelling word. A name of the record's people is theirs; any
other is a person's.
"""

from __future__ import annotations

import re

from moderator.anonymise.layer_known import take_known
from moderator.anonymise.state import State

_SPELLING = re.compile(
    r"(?<![\w'’-])(?i:spelt|spelled|spelling|spells[ \t]+it|spell[ \t]+it|that['’]?s|as)[ \t]+"
    r"(?P<run>(?:[A-Za-z][ \t]+(?:(?i:apostrophe|hyphen|dash)[ \t]+)?){2,}[A-Za-z])(?![\w'’-])"
)
# the last words before the spelling word (the name it spells is among them)
_WORDS_BEFORE = re.compile(r"((?:[A-Za-z][\w'’-]*[ \t]+){1,4})\Z")
_SAID_MARKS = frozenset({"apostrophe", "hyphen", "dash"})


def find_cued_spellings(st: State) -> None:
    """Take a name spelt letter by letter, and the word it spells just before."""
    text = st.text
    if "spel" not in text and "that" not in text.lower() and " as " not in text:
        return
    for m in _SPELLING.finditer(text):
        letters = [w for w in m.group("run").split() if w.lower() not in _SAID_MARKS]
        if len(letters) < 3:
            continue
        if not (all(c.isupper() for c in letters) or all(c.islower() for c in letters)):
            continue  # "that's a B and C": a mix is no spelling
        spelt = "".join(letters).lower()
        if spelt in ("abc", "xyz"):
            continue
        owner = _owner(st, spelt)
        start, end = m.span("run")
        _take(st, start, end, owner, spelt)
        before = _WORDS_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if before is None:
            continue
        at = before.start()
        found: list[tuple[int, int, str]] = []
        for word in before.group(1).split():
            at = text.index(word, at)
            found.append((at, at + len(word), word))
            at += len(word)
        for k, (a, b, word) in enumerate(found):
            if _plain(word) == spelt:
                _take(st, a, b, owner, spelt)
            elif k + 1 < len(found) and _plain(word + found[k + 1][2]) == spelt:
                _take(st, a, found[k + 1][1], owner, spelt)  # "o hare" spelt "O apostrophe H A R E"


def _plain(word: str) -> str:
    """A word's letters alone, in lower case ("O'Hare": ``ohare``)."""
    return "".join(c for c in word.lower() if c.isalpha())


def _owner(st: State, spelt: str) -> int | None:
    """Which of the record's people the spelt name names, if any."""
    known = st.known
    if spelt in known.given_keys:
        return known.given_keys[spelt]
    owners = known.surname_owners.get(spelt)
    return owners[0] if owners else None


def _take(st: State, start: int, end: int, owner: int | None, spelt: str) -> None:
    if not st.free(start, end):
        return
    if owner is not None:
        take_known(st, start, end, owner)
    else:
        st.take(start, end, "person", "spelt:" + spelt, 50, 0.8)
