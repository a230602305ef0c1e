"""The learned layer for names written in lower case: dictation and typed-up speech.

A dictated note ("spoke with kye on his own", "mums new partner dean is being checked") writes
every name in lower case, so the capitals that the rules and :mod:`.learned` read are gone.
The rules find such a name only by a cue they list ("her friend …", "nanna …"). This layer
reads the words they left free on a line written in lower case, where the word is a listed
given name or surname, or no word the dictionary knows; and in written prose, a lower-case
word that is a listed name ("mum said jayden and Tamsin …"). It scores each with a logistic
regression over general features: the word's lists and its frequency as a name and as an
English word, its closed-class and cue neighbours, whether a neighbour is redacted and as
what, whether the same word is written capitalised or redacted elsewhere in the note, whether
it is possessive, and whether its line is written in lower case. **Nothing records the word
itself.** Trained by ``python -m moderator.anonymise.train_learned --lower`` into
``data/learned_lower_model.json``. Each word is decided alone; words taken side by side
("poppy armstrong") are one redaction.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from functools import lru_cache

from moderator.anonymise.learned_features import Candidate, Run
from moderator.anonymise.learned_model import ModelSlot, Thresholds
from moderator.anonymise.learned_words import neighbour, word_features
from moderator.anonymise.lexicon import _word_counts, lexicon, word_key
from moderator.anonymise.state import UNSURE, State

LOWER_FEATURE_VERSION = 1
"""Raised whenever a feature changes: a model trained on other features is not used."""
LOWER_MODEL_FILE = "learned_lower_model.json"
_PRIORITY = 30  # below every rule, as the capitalised layer
LOWER_THRESHOLDS = Thresholds(sure=0.85, ask=0.5, keep=0.3, everyday=0.5)
"""The probability bands. A lower-case name is usually also a word ("jack", "sue"), so the
layer asks more than the capitalised one before it redacts: over the thirteen batches no
one had read (FD to FY), with the model trained on the read corpus, redacting from 0.5 found 8
more identifiers and damaged no phrase more; from 0.35, 18 more for 2 phrases damaged (lower-
case lines only, session 69; prose added later found 4 more, none damaged). From 0.3 to 0.5 a
word is kept and listed for the person importing to confirm."""

# a line is written in lower case when, of its words of two letters or more, no more than
# this share is capitalised (the pronoun "I" and a spelt-out name's capitals aside)
_CAPITALS_SHARE = 0.12
_MIN_WORDS = 6
# what dictation says aloud: a note that holds these was spoken to a machine
_DICTATED = ("full stop", "new paragraph", "new line", "comma ")
_AROUND = ((-2, "p2"), (-1, "p1"), (1, "n1"), (2, "n2"))
# a saint's name after "st", and a noun after a determiner, are no one's names
_NOT_BEFORE_A_NAME = frozenset(
    {"st", "saint", "the", "a", "an", "every", "each", "no"}  # (not "is this tyler")
)
_IN_AN_ADDRESS = frozenset({".", "@", "/", "_", "#"})
# a word this frequent in English is left: "said" and "will" are listed given names
_EVERYDAY_COUNT = 500_000
# contractions typed without their apostrophe, which no dictionary lists
_CONTRACTIONS = frozenset(
    {"dont", "didnt", "doesnt", "isnt", "wasnt", "werent", "arent", "aint", "cant", "wont",
     "wouldnt", "couldnt", "shouldnt", "havent", "hasnt", "hadnt", "thats", "theres", "whats",
     "hes", "shes", "ive", "youre", "youve", "theyre", "weve", "im", "id"}
)  # fmt: skip


def lower_lines(text: str) -> list[tuple[int, int]]:
    """Where the lines written in lower case lie (start, end), in order."""
    out: list[tuple[int, int]] = []
    at = 0
    n = len(text)
    while at < n:
        end = text.find("\n", at)
        if end < 0:
            end = n
        words = [w for w in text[at:end].split() if len(w) > 1 and w[0].isalpha()]
        if len(words) >= _MIN_WORDS:
            caps = sum(1 for w in words if w[0].isupper() and not w.isupper())
            if caps <= _CAPITALS_SHARE * len(words):
                out.append((at, end))
        at = end + 1
    return out


@lru_cache(maxsize=1 << 14)
def _candidate_word(word: str) -> bool:
    """Whether a lower-case word may be a name: a listed given name or surname, or no word the
    dictionary knows (three letters or more)."""
    lex = lexicon()
    key = word_key(word)
    if len(key) < 2 or not key.isalpha() or key in _CONTRACTIONS:
        return False
    if _word_counts().get(key, 0) >= _EVERYDAY_COUNT:
        return False  # "said", "will", "may": a name far less often than a word
    if key in lex.given or key in lex.surnames:
        return True
    if key.endswith("s") and len(key) > 3 and key[:-1] in lex.given:
        return True  # a possessive without its apostrophe ("jakes", "mias")
    return len(key) >= 3 and key not in _word_counts() and key not in lex.words


@lru_cache(maxsize=1 << 14)
def _listed_name(word: str) -> bool:
    """Whether a lower-case word in written prose may be a name: a listed given name or
    surname (a word no list names, in prose, is a typing slip or a word of another language)."""
    lex = lexicon()
    key = word_key(word)
    return _candidate_word(word) and (key in lex.given or key in lex.surnames)


@lru_cache(maxsize=1 << 14)
def _own(word: str) -> tuple[str, ...]:
    """A lower-case word's own features: the capitalised layer's word features, read as the
    word would be written as a name, and whether it is a possessive."""
    lex = lexicon()
    feats = [f for f in word_features(word.capitalize()) if not f.startswith("sh=")]
    key = word_key(word)
    if word[-2:-1] in ("'", "’") and word.endswith("s"):
        feats.append("poss=apos")
    elif key.endswith("s") and key[:-1] in lex.given and key not in lex.given:
        feats.append("poss=bare")
    counts = _word_counts().get(key, 0)
    feats.append(f"eng={_band(counts)}")
    flags = [f for f in feats if f.startswith("f=")]
    sig = "+".join(f[2:] for f in flags)
    feats += ["bias", f"sig={sig}", f"sig={sig}&eng={_band(counts)}"]
    return tuple(feats)


def _band(count: int) -> str:
    return str(len(str(count))) if count > 0 else "0"


def candidates(st: State) -> tuple[list[Candidate], list[Run]]:
    """The free lower-case words of the note's lower-case lines that may be names, grouped
    into runs of words written together, with their features."""
    text = st.text
    words = st.words()
    free = st.free
    lines = lower_lines(text)
    starts = [s for s, _, _ in words]
    dictated = "dict=yes" if any(d in text for d in _DICTATED) else "dict=no"
    capital = Counter(w.lower() for _, _, w in words if w[:1].isupper())
    redacted = {text[c.start : c.end].lower() for c in st.cands}
    picked: list[int] = []
    in_lower: set[int] = set()
    for lo, hi in lines:
        i = bisect_left(starts, lo)
        while i < len(words) and words[i][0] < hi:
            in_lower.add(i)
            i += 1
    for i, (s, e, w) in enumerate(words):
        if not w.islower() or (i and words[i - 1][2].lower() in _NOT_BEFORE_A_NAME):
            continue  # ("st george": a church's; "the mason's tools": a noun's)
        if text[s - 1 : s] in _IN_AN_ADDRESS or (
            text[e : e + 1] in _IN_AN_ADDRESS and text[e + 1 : e + 2].isalnum()
        ):
            continue  # a word of a web or e-mail address ("www.wolvercote.gov.uk")
        if (_candidate_word(w) if i in in_lower else _listed_name(w)) and free(s, e):
            picked.append(i)
    if not picked:
        return [], []
    taken = sorted((c.start, c.end, c.kind) for c in st.cands)
    out: list[Candidate] = []
    runs: list[Run] = []
    n = len(words)
    run_of: dict[int, int] = {}
    for i in picked:
        prev = i - 1
        if prev in run_of and text[words[prev][1] : words[i][0]] == " ":
            run_of[i] = run_of[prev]
            runs[run_of[i]] = Run(runs[run_of[i]].start, words[i][1], "person")
        else:
            run_of[i] = len(runs)
            runs.append(Run(words[i][0], words[i][1], "person"))
    size = Counter(run_of.values())
    for i in picked:
        s, e, w = words[i]
        key = word_key(w)
        extra = [dictated, f"run={min(size[run_of[i]], 3)}"]
        if i not in in_lower:
            # a lower-case name in written prose ("mum said jayden and …"): the same lists
            # tell more where the words around it are capitalised
            extra += [
                "line=mixed",
                *(f"mixed&{f}" for f in _own(w) if f.startswith(("f=", "sig=", "eng="))),
            ]
        if capital.get(w.lower()):
            extra.append("doc=capital")
        if w.lower() in redacted or key in redacted:
            extra.append("doc=redacted")
        parts: list[tuple[str, ...]] = [_own(w)]
        for off, tag in _AROUND:
            k = i + off
            if not 0 <= k < n:
                extra.append(f"{tag}=edge")
                continue
            ks, ke, kw = words[k]
            if k in run_of and run_of[k] == run_of[i]:
                extra.append(f"{tag}=run")
                continue
            ident, flag = neighbour(kw)
            parts.append((f"{tag}={ident}", f"{tag}f={flag}"))
            if abs(off) == 1:
                gap = text[ke:s] if off < 0 else text[e:ks]
                if gap.strip(" \t") in (",", ".", ":", "?", "!"):
                    extra.append(f"{tag}punct={gap.strip()}")
                if not free(ks, ke):
                    red = _kind_at(taken, ks)
                    extra.append(f"{tag}red={red}")
                    if gap == " ":
                        extra.append(f"{tag}glued={red}")
        parts.append(tuple(extra))
        out.append(Candidate(s, e, run_of[i], tuple(parts)))
    return out, runs


def _kind_at(taken: list[tuple[int, int, str]], at: int) -> str:
    from bisect import bisect_right

    i = bisect_right(taken, (at, 1 << 62, "")) - 1
    return taken[i][2] if i >= 0 and taken[i][1] > at else "x"


_SLOT: ModelSlot[list[Candidate]] = ModelSlot(LOWER_MODEL_FILE, LOWER_FEATURE_VERSION)
stored_model = _SLOT.stored
using_model = _SLOT.using
collecting = _SLOT.collecting


def find_lower_names(st: State) -> None:
    """Redact, or keep for review, the free lower-case words the model finds likely names."""
    found = _SLOT.collected()
    if found is not None:
        found.append(candidates(st)[0])
        return
    model = _SLOT.active()
    if model is None:
        return
    cands, _ = candidates(st)
    if not cands:
        return
    # each word is decided alone (a listed name beside it may be a word: "said dean"), and
    # the words taken side by side are one redaction
    th = model.thresholds
    text = st.text
    spans: list[tuple[int, int, float]] = []
    for c in cands:
        p = model.grouped(c.parts)
        if p < th.keep:
            continue
        last = spans[-1] if spans else None
        if (
            last is not None
            and last[2] >= th.ask
            and p >= th.ask
            and text[last[1] : c.start] == " "
        ):
            spans[-1] = (last[0], c.end, min(last[2], p))
        else:
            spans.append((c.start, c.end, p))
    for start, end, p in spans:
        if not st.free(start, end):
            continue
        ident = "learned:" + text[start:end].lower()
        if p < th.ask:
            st.keep(start, end, "person", ident, round(0.3 + 0.2 * p, 2))
            continue
        if p >= th.sure:
            sure = UNSURE + (0.95 - UNSURE) * (p - th.sure) / max(1e-9, 1.0 - th.sure)
        else:
            sure = 0.4 + (UNSURE - 0.41) * (p - th.ask) / max(1e-9, th.sure - th.ask)
        st.take(start, end, "person", ident, _PRIORITY, round(sure, 2))
