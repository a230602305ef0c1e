"""A name a writer corrected: the words before ``sorry``, ``correction`` or ``no it is``.

Dictation corrects itself aloud: ``visit to max im co valenko correction maksym kovalenko``,
``known as vivien sorry vivian``, ``his school saint felix no sorry st felix``. The second
form is the one the layers find (a name of the record, a school); the first is the same
name misheard or misspoken, and says as much. The words right before the correction's cue
are taken as the redaction after it when they sound like it: the same first sound, or
letter by letter close to it (Jaro-Winkler 0.7 or more, from ``jellyfish``). Only the words
written straight before the cue on the same line, never a closed-class word (``to``, ``is``,
``the``) nor a role or kin word (``hooyo``, ``nain``), and at most two words more than the corrected form has.
Guesses: taken with a confidence below :data:`.state.UNSURE`, for the import's review.
"""

from __future__ import annotations

import re

import jellyfish

from moderator.anonymise.kin_words import KIN_TITLES
from moderator.anonymise.lexicon import frequent_word
from moderator.anonymise.state import State

_CONFIDENCE = 0.65
# the cue, written straight before the corrected form (a comma may come either side)
_CUE = re.compile(
    r"(?:\b(?:sorry|correction|i mean|no it is|no it's|no its|no sorry|sorry no|that's|thats)"
    r"|\bno,)[ \t]*,?[ \t]*\Z",
    re.IGNORECASE,
)
# the kinds a correction may name again (not a date's or a number's: "monday sorry tuesday")
_KINDS = frozenset(
    {"child", "family", "person", "professional", "worker", "carer", "school", "org", "address"}
)
_GUESSES = frozenset({"person", "org", "address", "school"})
_WORD_BEFORE = re.compile(r"([A-Za-z][a-z'’]*)[ \t]+\Z")
# words that open or frame a name but are none of it
_STOPS = frozenset(
    {"to", "is", "was", "the", "a", "an", "and", "with", "of", "for", "at", "in", "on", "as",
     "by", "from", "called", "named", "known", "mum", "dad", "mam", "nan", "nana", "nanny",
     "grandad", "brother", "sister", "son", "daughter", "child", "person", "young", "school",
     "visit", "saw", "spoke", "said", "says", "her", "his", "their", "my", "our", "its", "it",
     "i", "we", "he", "she", "they", "name", "surname", "spelt", "spelled", "present",
     "were", "are", "be", "been", "worker", "teacher", "officer", "mr", "mrs", "ms", "miss",
     "dr", "pc", "no", "yes", "sorry", "so", "um", "er", "erm"}
)  # fmt: skip


def find_corrected_names(st: State) -> None:
    """Take the words a correction's cue follows as the corrected redaction after it."""
    text = st.text
    if not any(cue in text for cue in ("sorry", "orrection", "mean", "no it", "that", "no,")):
        return
    for c in sorted(st.cands, key=lambda c: c.start):
        if c.kind not in _KINDS:
            continue
        line = text.rfind("\n", 0, c.start) + 1
        cue = _CUE.search(text, max(line, c.start - 16), c.start)
        if cue is None:
            continue
        corrected = _letters(text[c.start : c.end])
        most = len(text[c.start : c.end].split()) + 2
        start = end = cue.start()
        said: list[str] = []
        starts: list[int] = []
        while len(said) < most:
            m = _WORD_BEFORE.search(text, max(line, start - 30), start)
            if m is None or m.group(1).lower() in _STOPS or m.group(1).lower() in KIN_TITLES:
                break
            said.insert(0, m.group(1))
            starts.insert(0, m.start(1))
            start = m.start(1)
        while text[end - 1 : end] in (" ", "\t", ","):
            end -= 1
        if not corrected:
            continue
        for k in range(len(said), 0, -1):  # the longest run of words that sounds like it
            if _sounds_like(said[-k:], corrected):
                begin = starts[-k]
                st.give_way(begin, end, _GUESSES, 55)  # (a model's or a rule's guess at it)
                if st.free(begin, end):
                    st.take(begin, end, c.kind, c.ident, 50, _CONFIDENCE)
                break


def _sounds_like(said: list[str], corrected: str) -> bool:
    """Whether the words ``said`` may be the corrected form misheard or misspoken."""
    heard = _letters(" ".join(said))
    if all(frequent_word(w.lower()) for w in said) and heard[:1] != corrected[:1]:
        return False  # words of their own, another sound
    if jellyfish.jaro_winkler_similarity(heard, corrected) >= 0.7:
        return True
    return jellyfish.metaphone(heard)[:1] == jellyfish.metaphone(corrected)[:1]


def _letters(written: str) -> str:
    return "".join(ch for ch in written.lower() if ch.isalpha())
