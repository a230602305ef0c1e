"""Words no list knows: the evidence of ``orgs_unknown`` that a capitalised run is a name.

A capitalised word of three letters or more is *unknown* when it is no everyday or common
word, no protected word, acronym, phrase or place of the lexicon, and not in
pyspellchecker's English list at all, whatever its count (``Fernvale``, ``Quorlish``).
"""

from __future__ import annotations

from functools import cache, lru_cache

from moderator.anonymise.lexicon import Lexicon, _word_counts, lexicon, word_key


@cache
def dictionary() -> frozenset[str]:
    """Every word of pyspellchecker's English list, whatever its count (read once)."""
    return frozenset(_word_counts())


def unknown(word: str, lex: Lexicon | None = None) -> bool:
    """Whether a capitalised word of 3+ letters is no word any list or dictionary knows."""
    return _unknown_word(word, lex or lexicon())


# (cached per word as written: the organisation layers ask about the same capitalised words
# again and again, and the checks of its letters and its key cost more than a look-up)
@lru_cache(maxsize=1 << 16)
def _unknown_word(word: str, lex: Lexicon) -> bool:
    if len(word) < 3 or not word[:1].isupper() or word.isupper():
        return False
    if any(c.isupper() for c in word[1:]):  # "OASys", "McCall": forms, not plain words
        return False
    return _unknown_key(word_key(word), lex)


@lru_cache(maxsize=1 << 16)  # bounded: an import of a whole authority meets many words
def _unknown_key(key: str, lex: Lexicon) -> bool:
    words = dictionary()
    return not (
        key in lex.words
        or key in lex.common
        or key in lex.protected_words
        or key.upper() in lex.acronyms
        or key in lex.phrases
        or (key,) in lex.places
        or key in words
        or not key.replace("-", "").isalpha()
        or ("-" in key and all(part in words for part in key.split("-") if part))
    )


def a_word(key: str) -> bool:
    """Whether a lower-case key is in the English dictionary, in its British spelling too
    ("favour", "honour", "colour": the list holds "favor"; "centre", "organise")."""
    words = dictionary()
    if key in words:
        return True
    if key.endswith("our") and key[:-2] + "r" in words:
        return True
    if key.endswith("re") and key[:-2] + "er" in words:
        return True
    return key.endswith(("ise", "ised", "ising")) and key.replace("is", "iz") in words
