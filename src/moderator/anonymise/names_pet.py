"""Pet forms of the record's given names that no table lists and no cue introduces.

The layers before find a pet form made from a name's beginning when it is written with a
capital (``Domas`` for Dominykas). Two forms were left (docs/formats.md, "Redaction"):

- **the same forms in lower case**, as a child or a parent texting writes them (``where is
  domis``), taken only when the word is in no English dictionary at all, so ``ore``, ``sky``
  and ``bonny`` stay words;
- **a pet form of a name's middle or end** with an ending of endearment, as Portuguese,
  Spanish, Slavic, Irish and Yoruba families make them (``Tildinha`` for Matilde, ``Tunde``
  and ``Tundey`` for Babatunde, ``Sasha`` is already the beginning's), taken when the word is in
  no dictionary and its stem, four letters or more, is inside one person's given name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from operator import methodcaller

from moderator.anonymise.layer_known import take_known
from moderator.anonymise.lexicon import word_key
from moderator.anonymise.nearby import for_text
from moderator.anonymise.references import lowered
from moderator.anonymise.state import State
from moderator.anonymise.unknown_words import dictionary

# (its first letter before the look-behind: the engine then skips to letters, and tries the
# look-behind at a letter only)
_WORD_RE = re.compile(r"[^\W\d_](?<![\w'’@./-][^\W\d_])[^\W\d_]{3,}(?![\w@/-]|['’]\w\w|\.\w)")
# endings of endearment, longest first, and none: the stem alone may be the form
_ENDINGS = (
    "inhas", "inhos", "inha", "inho", "ochka", "enka", "usia", "unia", "chen", "ita", "ito",
    "ina", "ino", "een", "tje", "ka", "ek", "ik", "ie", "ey", "sy", "ya", "ag", "as", "is",
    "us", "os", "es", "y", "i", "o", "a", "u", "s", "",
)  # fmt: skip
_START = methodcaller("start")
# more words no dictionary knows than this, and one scan of the note is quicker than a search
# for each (the same matches: a match is a whole run of letters, never inside another)
_MANY_UNKNOWN = 50
_LOWER_SURE = 0.8  # a lower-case word no dictionary knows that is one of the family's names
_INNER_SURE = 0.75  # a stem inside a given name: likely, and shown as such

# words written short that no dictionary holds: "20 mins late" is no pet form of "Minh"
_SHORTENED = frozenset({"mins", "min", "hrs", "hr", "secs", "yrs", "wks", "mths", "approx"})
_SHORTENED |= {"appt", "appts", "info", "admin", "asap", "msgs", "pics", "vids", "convo"}


def find_pet_forms(st: State) -> None:
    """Redact the record's given names in lower-case pet forms and in pet forms of their middle."""
    known = st.known
    if not known.given_keys:
        return
    text = st.text
    lex = st.lex
    counts = dictionary()
    for m in _candidates(text, counts):
        word = m.group()
        if word.lower() in counts or word.lower() in _SHORTENED:  # most words: one look-up
            continue
        start, end = m.span()
        if not st.free(start, end):
            continue
        key = word_key(word)
        if (
            key in counts
            or key in lex.words
            or key in lex.common
            or key in lex.protected_words
            or (key,) in lex.places
            or word.upper() in lex.acronyms
        ):
            continue
        who = _owner(known.given_keys, key)
        if who is not None:
            take_known(st, start, end, who, _LOWER_SURE if word.islower() else _INNER_SURE)


def _candidates(text: str, counts: frozenset[str]) -> Iterable[re.Match[str]]:
    """_WORD_RE's matches, or on an ASCII note those of them no dictionary knows (in order).

    A match is a whole run of letters, so in lower case one of the note's words
    (:func:`.references.lowered`): only the few words the dictionary lacks are looked for, by
    ``str.find``, each place checked by the pattern, instead of a scan of every word."""
    pattern = for_text(_WORD_RE, text)  # ASCII classes on an ASCII note
    if not text.isascii():
        return pattern.finditer(text)
    lower, words = lowered(text)
    wanted = [w for w in words if len(w) >= 4 and w not in counts]
    if len(wanted) > _MANY_UNKNOWN:  # one scan, not a search of the whole note for each word
        unknown = frozenset(wanted)
        return [m for m in pattern.finditer(text) if m.group().lower() in unknown]
    found = []
    for word in wanted:
        at = lower.find(word)
        while at >= 0:
            m = pattern.match(text, at)
            if m is not None and m.end() == at + len(word):
                found.append(m)
            at = lower.find(word, at + 1)
    return sorted(found, key=_START)


def _owner(given: dict[str, int], key: str) -> int | None:
    """Whose given name holds ``key``'s stem: four letters or more anywhere in it, or three at
    its start with an ending after them (``Kayo`` for Kayode). Nobody's if two names hold it."""
    for ending in _ENDINGS:
        if not key.endswith(ending):
            continue
        stem = key[: len(key) - len(ending)]
        if len(stem) < 3 or (len(stem) == 3 and not ending):
            continue
        if len(stem) == 3:
            owners = {who for name, who in given.items() if name.startswith(stem)}
        else:
            owners = {who for name, who in given.items() if stem in name and stem != name}
        if len(owners) == 1:
            return owners.pop()
    return None
