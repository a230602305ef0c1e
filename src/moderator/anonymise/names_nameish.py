"""Whether a capitalised word may be part of a name (split from :mod:`.layer_names`, round
forty-two, at 439 lines): by the word alone (no honorific, protected word, acronym, everyday
word that is no name, day of the week), by its place in the note (a short weekday opening a
diary's line), and in capitals (a form's word after a relation's or a role's cue).
"""

from __future__ import annotations

import re
from functools import lru_cache

from moderator.anonymise.cues import HONORIFICS, REPORT_VERBS
from moderator.anonymise.lexicon import Lexicon
from moderator.anonymise.names_cued import cue_before
from moderator.anonymise.state import State, Tok


def nameish(st: State, toks: list[Tok], i: int) -> bool:
    t = toks[i]
    return (
        t.cap
        and _nameish_word(t.key, t.upper, st.lex)
        and not st.protected[i]
        and st.free(t.start, t.end)
        and not (t.key in _SHORT_DAYS and _a_day(st.text, t))
        and not _mixed_acronym(st, t.word)
    )


def _mixed_acronym(st: State, word: str) -> bool:
    """Whether a word of capitals and a last small letter is a listed acronym ("SENCo",
    "SENDCo", "CiC" written so): a role, not a name."""
    return (
        len(word) > 2
        and word[1].isupper()
        and not word.isupper()
        and word.upper() in st.lex.acronyms
    )


# weekdays written short that are names too (Thu, a Vietnamese given name; Sun; Sat)
_SHORT_DAYS = frozenset({"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"})
_DAY_AFTER = re.compile(r"[ \t]*(?:[:–]|-[ \t]|&[ \t]*[A-Z][a-z]{1,4}\b|\d)")
_DAY_BEFORE = re.compile(
    r"(?:(?:^|\n)[ \t>*•-]*|\b(?:Mon|Tue|Tues|Wed|Thu|Thurs?|Fri|Sat|Sun)[ \t]*[&,/-][ \t]*)\Z"
)


def _a_day(text: str, t: Tok) -> bool:
    """Whether a short weekday is the day: a diary's ``Thu:``, ``Tue & Thu``, ``Thu 12/3``."""
    return _DAY_AFTER.match(text, t.end) is not None or (
        _DAY_BEFORE.search(text, max(0, t.start - 12), t.start) is not None
    )


@lru_cache(maxsize=1 << 14)
def _nameish_word(key: str, upper: bool, lex: Lexicon) -> bool:
    """Whether a capitalised word may be part of a name, by the word alone (cached: words
    recur, and the lexicon is one)."""
    if key in HONORIFICS or len(key) < 2:
        return False
    if key in lex.protected_words or (upper and key.upper() in lex.acronyms):
        return False  # ("ELSA", "ED" in capitals: the acronyms, though Elsa and Ed are names)
    if "-" in key and _protected_compound(key, lex):
        return False  # "Tigrinya-speaking", "Roma-led"
    if key in lex.common and key not in lex.given and key not in lex.surnames:
        return False
    if key in _PLURAL_DAYS:
        return False  # "Akosua Thursdays and Fridays": the days she has them
    if upper and key in REPORT_VERBS:
        return False  # "MUM SAID THE…": the verb in capitals, though Said is a name too
    if upper and len(key) <= 4 and key in lex.rarer:
        return False  # "SIM", "TESS": a short name of the longer lists, or an acronym
    # an acronym, unless it is a listed name written in capitals
    return not (upper and key not in lex.given and key not in lex.surnames)


def _protected_compound(key: str, lex: Lexicon) -> bool:
    """Whether a hyphenated word is a protected word and everyday words after it."""
    head, *rest = key.split("-")
    return head in lex.protected_words and all(
        (w in lex.common or w in lex.words) and w not in lex.given and w not in lex.surnames
        for w in rest
    )


def shouted(st: State, toks: list[Tok], i: int) -> bool:
    t = toks[i]
    return (
        t.upper
        and not st.protected[i]
        and st.free(t.start, t.end)
        and t.key not in st.lex.protected_words
        and t.key not in HONORIFICS
        and t.word not in st.lex.acronyms
        and t.key not in st.lex.common  # "HEALTH VISITOR NOTE": a heading
        # "MOTHER WORKS NIGHTS": an everyday word that is no name either
        and (t.key not in st.lex.words or t.key in st.lex.given or t.key in st.lex.surnames)
        # "MUM SAID THE…": a verb of saying in capitals, though Said is a name too
        and (t.key not in REPORT_VERBS or t.key in st.known.keys)
    )


def shouted_after_cue(st: State, toks: list[Tok], i: int) -> bool:
    """A word in capitals right after a relation or role cue ("found with", "neighbour")."""
    return shouted(st, toks, i) and cue_before(st, toks, i) in ("relation", "role")


_PLURAL_DAYS = frozenset({"mondays", "tuesdays", "wednesdays", "thursdays", "fridays"})
_PLURAL_DAYS |= {"saturdays", "sundays"}
