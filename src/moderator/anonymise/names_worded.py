"""A given name that is also an everyday word, written with its capital inside a sentence.

``Kerry said Dean put his fist through it``, ``a man she knows as Ash``, ``She has Ash on
Snapchat``: ``dean`` and ``ash`` are words, so the other-name layer, which weighs a word
that is a name and a word at little, leaves them unless a cue stands beside them. But an
everyday word has no capital in the middle of a sentence; a listed given name that has one
there, on its own (no capitalised word joined before or after it, so not ``Ash Grove`` or
``Dean Court``), is a person:

* where the note writes it with its capital more than once (a person a note talks about
  recurs; a sentence's first word counts here), or
* where a verb of saying or doing follows it (``Dean said``, ``Dean put``), or a verb of
  saying stands right before it (``told Dean``).

Not where the word also stands in lower case in the same note and the capital is seen only
once (a heading's word), not a month, day or colour of a rating (``rated Amber``), not
protected vocabulary or one of the record's people (the known layer reads those). Each is
redacted below the review threshold: the person importing confirms it.

:func:`find_called_names` reads the other way a note gives a name whatever its words: right
after words that say it is what someone is called (``his surname is Deighton``, ``a man she
knows as Ash``, ``known as Tommo``, ``a lad called Kez``), a capitalised word is the name.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import CALENDAR_WORDS, HONORIFICS, WEAK_VERBS
from moderator.anonymise.lexicon import word_key
from moderator.anonymise.state import State, Tok

_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+\Z")
# a rating's colour or a grade, not a person: "rated Amber", "RAG: Amber", "Amber rating"
_RATING_BEFORE = frozenset({"rag", "rated", "rating", "graded", "grade", "risk", "level"})
_RATING_AFTER = frozenset({"rating", "rated", "risk", "level", "flag", "alert"})
# verbs a person does right after their name ("Dean put", "Dean minds"), beyond saying
_DOING = frozenset(
    {"put", "puts", "went", "goes", "came", "comes", "lives", "lived", "works", "worked"}
    | {"minds", "wants", "wanted", "took", "takes", "left", "gave", "gives", "picked", "drove"}
    | {"drives", "broke", "threw", "sent", "knows", "knew", "buys", "bought", "sells", "sold"}
    | {"collected", "visited", "visits", "stays", "stayed", "brought", "made", "makes"}
)
_RATED = re.compile(r"\b(?:RAG|Red|Green|RED|GREEN|AMBER)\b")
_CONFIDENCE = 0.62


def find_worded_names(st: State, toks: list[Tok]) -> None:
    """Redact lone capitalised given names that are also words, mid-sentence (see the module)."""
    lex = st.lex
    text = st.text
    n = len(toks)
    seen: dict[str, list[int]] = {}
    written: dict[str, int] = {}  # how often each is written with its capital, anywhere
    for i in st.capitalised:
        t = toks[i]
        key = t.key
        if t.upper or key not in lex.given or key not in lex.common or len(key) < 3:
            continue
        if key in lex.protected_words or key in CALENDAR_WORDS or key in HONORIFICS:
            continue
        written[key] = written.get(key, 0) + 1
        if key in st.known.keys or st.protected[i] or not st.free(t.start, t.end) or st.sent(t):
            continue
        if i > 0 and toks[i - 1].cap and st.joined(toks[i - 1], t):
            continue  # part of a longer capitalised name: "Dean Court", "Ash Grove"
        if i + 1 < n and toks[i + 1].cap and st.joined(t, toks[i + 1]):
            continue
        seen.setdefault(key, []).append(i)
    if "amber" in seen and _RATED.search(text):
        del seen["amber"]  # a table of ratings: "| Amber |", "home Amber, school Green"
    for key, where in seen.items():
        lower = re.search(rf"(?<![\w'’-]){key}(?![\w'’-])", text) is not None
        for i in where:
            t = toks[i]
            if _rating(text, t):
                continue
            if (written[key] > 1 and not lower) or _acts(text, t):
                st.take(t.start, t.end, "person", "p:" + key, 40, _CONFIDENCE)
                st.remember((key,), "person", "p:" + key)


def _acts(text: str, t: Tok) -> bool:
    """Whether a verb of saying or doing follows the word, or one of saying stands before."""
    after = _NEXT_WORD.match(text, t.end + (2 if t.poss else 0))
    if after and not t.poss and (after.group(1) in WEAK_VERBS or after.group(1) in _DOING):
        return True
    before = _WORD_BEFORE.search(text, max(0, t.start - 20), t.start)
    return before is not None and word_key(before.group(1)) in {"told", "asked", "texted"}


def _rating(text: str, t: Tok) -> bool:
    before = _WORD_BEFORE.search(text, max(0, t.start - 20), t.start)
    after = _NEXT_WORD.match(text, t.end)
    if before is not None and word_key(before.group(1)) in _RATING_BEFORE:
        return True
    return after is not None and after.group(1) in _RATING_AFTER


# words that say the next is what someone is called: "his surname is Deighton", "a man she
# knows as Ash", "known as Tommo", "a lad called Kez" (not "a dog called Rocket", nor "called
# Mum": the phone's verb)
_CALLED = re.compile(
    r"(?i:\b(?:sur)?name[ \t]+(?:is|was)|\bnickname[ \t]+(?:is|was)|\bknown[ \t]+as"
    r"|\bknows?[ \t]+(?:him|her|them)?[ \t]*as|\bgoes[ \t]+by"
    r"|\b(?:man|woman|boy|girl|lad|lads|guy|friend|someone|somebody|male|female|person)"
    r"[ \t]+(?:called|named))[ \t]+\Z"
)
_CALLED_CONFIDENCE = 0.7
_CALLED_ENDS = ("is", "was", "as", "by", "called", "named")  # (in lower case: _CALLED's last words)


def _after_called(text: str, at: int) -> bool:
    """Whether ``_CALLED`` ends right before ``at`` (in the 30 characters before it). Tried
    only after a space or a tab and a word it can end with: a capitalised word of a note
    is seldom so (on an ASCII end; any other is tried, as the engine folds some letters
    to ASCII ones)."""
    window = text[max(0, at - 30) : at]
    words = window.rstrip(" \t")
    if len(words) == len(window):
        return False
    end = words[-6:]
    if end.isascii() and not end.lower().endswith(_CALLED_ENDS):
        return False
    return _CALLED.search(text, max(0, at - 30), at) is not None


def find_called_names(st: State, toks: list[Tok]) -> None:
    """A capitalised word right after words that say it is what someone is called."""
    text = st.text
    lex = st.lex
    if " as " not in text and "name" not in text and " called " not in text and " by " not in text:
        return
    for i in st.capitalised:
        t = toks[i]
        key = t.key
        if not st.free(t.start, t.end) or st.protected[i] or key in lex.protected_words:
            continue
        if key in CALENDAR_WORDS or key in HONORIFICS or (key,) in lex.places or len(key) < 2:
            continue
        if not _after_called(text, t.start):
            continue
        end = t.end
        if i + 1 < len(toks) and toks[i + 1].cap and st.joined(t, toks[i + 1]):
            end = toks[i + 1].end  # "known as Big Kez"
        ident = "p:" + key
        st.take(t.start, end, "person", ident, 45, _CALLED_CONFIDENCE)
        st.remember((key,), "person", ident)
