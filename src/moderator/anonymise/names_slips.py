"""A capitalised word that may be a record's name written another way (split from
:mod:`.layer_known`, round forty-two, at 409 lines): a slip or a short form of a given name
("Kaydn", "Kay" for Kayden, "Ky" for Kyron), unless the word is an everyday or protected word
or an acronym, or another person named in full ("Nicola Frost (NF)" beside Nikolay).
"""

from __future__ import annotations

import re
from functools import lru_cache

from moderator.anonymise.lexicon import Lexicon
from moderator.anonymise.state import State, Tok


def may_be_slip(st: State, key: str, upper: bool) -> bool:
    """Whether a capitalised word that is no name of the record may be one written another
    way: no everyday word, protected word or acronym."""
    return may_be_slip_in(st.lex, key, upper)


# a lower-case word after a word-surname: "Kayden Hope is …" reads as a sentence, not a name
_WORD_NEXT = re.compile(r"[ \t]+[a-z]")


def named_in_full(st: State, toks: list[Tok], i: int) -> bool:
    """Whether a capitalised word none of the record's names holds follows ``toks[i]``, as a
    surname does: a near spelling of a record's given name before it is someone else's."""
    if i + 1 >= len(toks):
        return False
    t, after = toks[i], toks[i + 1]
    return (
        after.cap
        and after.upper == t.upper
        and st.joined(t, after)
        and after.key not in st.known.keys
        and after.key not in st.lex.protected_words
        and (
            after.key not in st.lex.common
            # a surname that is a word ("Frost"), not a sentence going on after it
            or (after.key in st.lex.surnames and not _WORD_NEXT.match(st.text, after.end))
        )
        and not st.protected[i + 1]
    )


def other_surname_after(st: State, toks: list[Tok], i: int) -> bool:
    """Whether the record's given name ``toks[i]`` is followed by a surname that is none of the
    record's (nor a slip for one): another person of the same given name, named in full."""
    if i + 1 >= len(toks) or toks[i].lower:
        return False
    t, after = toks[i], toks[i + 1]
    if not after.cap or after.upper != t.upper or not st.joined(t, after):
        return False
    key = after.key
    lex = st.lex
    known = st.known
    if len(key) < 3 or key in known.second_keys or key in known.keys or key in known.surname_owners:
        return False
    if (
        key in lex.protected_words
        or (key in lex.common and key not in lex.surnames)
        or (key not in lex.surnames and key in lex.words)
        or (key in lex.common and _WORD_NEXT.match(st.text, after.end))
    ):
        return False  # (a surname that is a word counts before no sentence: "Nicola Frost (NF")
    parts = key.split("-")
    if len(parts) > 1 and all(
        p in lex.protected_words or (p in lex.words and p not in lex.surnames) for p in parts
    ):
        return False  # "offer Rukhsana Bengali-speaking IDVA": a describing word, no surname
    if i + 2 < len(toks) and toks[i + 2].key in known.surname_owners:
        return False  # "EBERE ADAOBI OKORO": a middle name, then the record's surname
    return known.near_miss(key) is None


@lru_cache(maxsize=1 << 15)
def may_be_slip_in(lex: Lexicon, key: str, upper: bool) -> bool:
    """:func:`may_be_slip` by the lexicon (cached: the same words recur from note to note)."""
    return not (
        (upper and len(key) < 4)
        or len(key) < 2
        or key in lex.common
        or (key[-1:] == "s" and key[:-1] in lex.common)  # "Says", "Thinks": a verb's form
        or key in lex.protected_words
        or (key[-1:] == "s" and key[:-1] in lex.protected_words)  # "Sundays", not Senait
        or key.upper() in lex.acronyms
    )


_INTERJECTIONS = frozenset({"hi", "ok", "oh", "ah", "eh", "ha", "hm", "yo", "no", "so", "um"})
# nor the two letters a record abbreviates a word with: "St Mary's" is no short form of Stacey
_NO_SHORT_FORMS = _INTERJECTIONS | {
    "st",
    "dr",
    "mr",
    "ms",
    "rd",
    "co",
    "nr",
    "dc",
    "pc",
    "sw",
    "tm",
}


def slip_of(st: State, key: str, upper: bool) -> int | None:
    """Whose name a capitalised word is a slip or a short form of, if anyone's."""
    lex = st.lex
    known = st.known
    if upper:  # in capitals the tables matched the names as written; slips here
        return None if len(key) < 5 or key in lex.given else known.near_miss(key)
    if len(key) == 2:  # "Ky" for Kyron; not "Hi" for Hiba, "Ok" for Okello
        return None if key in _NO_SHORT_FORMS else known.two_letters.get(key)
    if key in lex.given or key in lex.surnames:
        return known.short_form(key)  # "Kay" for Kayla, itself a name
    return known.near_miss(key)  # "Kaydn", "Kay" for Kayden
