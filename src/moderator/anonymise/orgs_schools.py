"""Schools named by what is said around them, not by a school's noun.

A note names a child's school by its first word or its acronym once the school is known to
everyone reading it: ``The school (Mallowdene) has told us``, ``School (GBA) ok``,
``Education: LHF attendance 84%``, a child's ``i am in year 5 at Tansyfield``,
``attends KPA``. Such a word is a school's name when the lists know it as no everyday word,
place, acronym or protected word; it is redacted as the school wherever it recurs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from moderator.anonymise.layer_orgs import whole_words
from moderator.anonymise.lexicon import lower_same_length, phrase_key, word_key
from moderator.anonymise.nearby import opening_with
from moderator.anonymise.state import State

_NAME = r"(?P<a>[A-Z][\w'’-]{1,30})"
# "school (Mallowdene)", "School (GBA)", "nursery (Oxlip)"
_BRACKET_RE = re.compile(
    rf"\b(?i:school|academy|nursery|college|primary|setting)[ \t]*\([ \t]*{_NAME}[ \t]*\)"
)
# "year 5 at Tansyfield", "Yr 10 at SFS", "in reception at Gorsebank"
_YEAR_RE = re.compile(
    rf"\b(?i:y(?:ea)?r[ \t]*\d{{1,2}}|reception|nursery|sixth[ \t]+form)[ \t]+at[ \t]+{_NAME}"
    r"(?![ \t]+[A-Z])"
)
# "Education: LHF attendance", "School: KPA", "attends GBA"
_ACRONYM_RE = re.compile(
    r"(?:\b(?i:education|school|setting|nursery)[ \t]*:|\battends)[ \t]*"
    r"(?P<a>[A-Z]{2,5})(?![\w'’&-])"
)
_HINTS = ("chool", "ducation", "cademy", "ursery", "ollege", "rimary", "etting", "ttends",
          "eception", "ear", "Yr", "yr", "ixth")  # fmt: skip
# the words each pattern's match starts with, in lower case: it is tried only where one is
# written (opening with \b and a branch, it is tried at every position otherwise)
_STARTS = {
    _BRACKET_RE: ("school", "academy", "nursery", "college", "primary", "setting"),
    _YEAR_RE: ("yr", "year", "reception", "nursery", "sixth"),
    _ACRONYM_RE: ("education", "school", "setting", "nursery", "attends"),
}


def find_schools_by_context(st: State) -> None:
    """Schools named only by what is around them (see the module's text)."""
    text = st.text
    if not any(h in text for h in _HINTS):
        return
    names: set[str] = set()
    for pattern in (_BRACKET_RE, _YEAR_RE, _ACRONYM_RE):
        for m in _matches(pattern, text):
            word = m.group("a")
            if _a_name(st, word):
                names.add(word)
    for word in names:
        for start, end in whole_words(text, word):
            if st.free(start, end):
                st.take(start, end, "school", f"school:{word}", 50)


def _matches(pattern: re.Pattern[str], text: str) -> Iterable[re.Match[str]]:
    """``pattern.finditer(text)``'s matches, tried only where its first words are."""
    return opening_with(pattern, text, lower_same_length(text), _STARTS[pattern])


def _a_name(st: State, word: str) -> bool:
    """Whether ``word`` may be a school's own name: no acronym, word, place or person of
    the record (a school named after a saint or a place is found by its noun)."""
    lex = st.lex
    if any(ch.isdigit() for ch in word):
        return False  # "First School (Y4)": a year group
    key = word_key(word)
    if word.isupper():  # "attends ESOL": a protected word in capitals
        known = word in lex.acronyms or key in lex.protected_words or key in lex.words
        return not known and word not in st.known.initials
    return not (
        key in lex.words
        or key in lex.common
        or key in lex.protected_words
        or phrase_key(word) in lex.places
        or key in st.known.keys
    )
