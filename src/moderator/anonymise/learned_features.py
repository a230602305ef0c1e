"""The candidates of the learned layer and their general features (:mod:`.learned`).

After the rule layers, the words they left free are grouped into runs: capitalised words
(Title-case, or capitals of two letters or more that are not a known acronym) written together,
bridged by a few small words (``of``, ``the``, ``&``). Each capitalised word of a run is one
candidate, described by features that carry over to a writer the model never read: its shape,
its length, where it stands in the sentence, which lists it is in (given names and their
frequency band, surnames, everyday words, protected words, places, the frequency of the word in
English), the closed-class and cue words around it and their shapes, whether a neighbour is
already redacted and as what, and the run it belongs to. **Nothing records the candidate's
own word**: a feature for "Kayden" would learn the corpus's names, not how names are written.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import cache, lru_cache
from typing import NamedTuple

from moderator.anonymise.cues import (
    HONORIFICS,
    INSTITUTION_NOUNS,
    NAME_TITLES,
    PLACE_PREPOSITIONS,
    PRE_WEAK,
    PUBLIC_SERVICE_NOUNS,
    RELATION_CUES,
    ROLE_CUES,
    SPEAKING_VERBS,
)
from moderator.anonymise.lexicon import _word_counts, lexicon, word_key, words_of
from moderator.anonymise.orgs_nouns import HEALTH_WORDS, ORG_NOUN
from moderator.anonymise.patterns import STREET_TYPES
from moderator.anonymise.state import State, Tok

FEATURE_VERSION = 6
"""Raised whenever a feature changes: a model trained on other features is not used."""

_BRIDGES = frozenset(
    {"of", "the", "and", "&", "de", "da", "van", "von", "le", "la", "y", "al", "el"}
)
_RUN_GAP = re.compile(r"[ \t]+|[ \t]*-[ \t]*|[ \t]*&[ \t]*|['’]s?[ \t]+")
# the words public bodies are named by ("Northumbria Police", "Shetland Islands Council", "Southern
# HSC Trust", "North Yorkshire County Council"): kept, where a small firm's name is not
_PUBLIC = PUBLIC_SERVICE_NOUNS | HEALTH_WORDS | frozenset(
    {"county", "district", "borough", "city", "metropolitan", "islands", "region", "regional",
     "national", "royal", "hospital", "policing", "court", "courts", "tribunal", "probation",
     "trust", "authority"}
)  # fmt: skip
_GLUED = re.compile(r"[ \t]{1,2}|-")


class Candidate(NamedTuple):
    """One capitalised word the rules left free, and what the model is told about it."""

    start: int
    end: int
    run: int
    """Which run of the text it belongs to (runs are numbered in order)."""
    parts: tuple[tuple[str, ...], ...]
    """Its features in groups; most groups are shared by many words (the word's own features
    where it stands, a neighbour's, the run's), so a model scores each group once."""

    @property
    def features(self) -> tuple[str, ...]:
        """Every feature, in one tuple."""
        return tuple(f for part in self.parts for f in part)


class Run(NamedTuple):
    """A run of free words: where it lies and the kind a redaction of it would take."""

    start: int
    end: int
    kind: str


@cache
def _endings() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The organisation-noun and street-noun patterns, compiled on first use: while the layer
    is not wired, an import never pays for compiling the long organisation alternation."""
    return re.compile(rf"(?:{ORG_NOUN})\.?", re.IGNORECASE), re.compile(rf"(?:{STREET_TYPES})\.?")


@cache
def _cue_words() -> frozenset[str]:
    """Closed-class and cue words whose identity a neighbour may carry (not names)."""
    words: set[str] = set(HONORIFICS) | NAME_TITLES | PRE_WEAK | SPEAKING_VERBS
    words |= PLACE_PREPOSITIONS | INSTITUTION_NOUNS | _PUBLIC
    for cue in ROLE_CUES | RELATION_CUES:
        words.update(cue.split())
    lex = lexicon()
    words |= lex.common | lex.protected_words
    return frozenset(words)


def _shape(word: str) -> str:
    """``Xx``, ``XX``, ``xx``, ``Xx-Xx``, ``Xx'Xx``, ``XxXx``: letters by case, runs collapsed."""
    out: list[str] = []
    for ch in word:
        step = "X" if ch.isupper() else "x" if ch.isalpha() else "'" if ch in "’`" else ch
        if not out or step != out[-1]:
            out.append(step)
    return "".join(out)[:6]


def _band(count: int) -> str:
    """A frequency as a coarse band (0, 1-9, 10-99, …)."""
    return str(len(str(count))) if count > 0 else "0"


def _length(n: int) -> str:
    """A word's length as a coarse band: 1, 2, 3, 4-5, 6-8, 9 and more."""
    return next((band for top, band in _LENGTHS if n <= top), "9")


_LENGTHS = ((1, "1"), (2, "2"), (3, "3"), (5, "5"), (8, "8"))


@lru_cache(maxsize=1 << 14)
def word_features(word: str) -> tuple[str, ...]:
    """What a word itself tells, but never which word it is: shape, length, lists, suffix."""
    lex = lexicon()
    key = word_key(word)
    low = word.lower()
    out = [f"sh={_shape(word)}", f"len={_length(len(word))}"]
    flags = []
    if key in lex.given:
        flags.append("given")
    if key in lex.surnames:
        flags.append("sur")
    if key in lex.words:
        flags.append("word")
    if key in lex.common:
        flags.append("common")
    if key in lex.protected_words:
        flags.append("prot")
    if (key,) in lex.places:
        flags.append("place")
    if key in _PUBLIC:
        flags.append("public")
    elif key in INSTITUTION_NOUNS:
        flags.append("inst")
    org_end, street_end = _endings()
    if org_end.fullmatch(word):
        flags.append("orgnoun")
    if street_end.fullmatch(word):
        flags.append("street")
    out += [f"f={f}" for f in flags]
    if not flags:
        out.append("f=none")
    out.append(f"nb={_band(lex.frequency.get(key, 0))}")
    out.append(f"wc={_band(_word_counts().get(low, 0))}")
    if len(low) > 4 and low.isalpha():
        out += [f"s2={low[-2:]}", f"s3={low[-3:]}"]
    return tuple(out)


@lru_cache(maxsize=1 << 14)
def _neighbour(word: str) -> tuple[str, str]:
    """A neighbour's description: its lower-case identity when a cue or closed-class word (or
    the shape of a capitalised one that is a name or an unknown word), and its list flags."""
    key = word_key(word)
    lex = lexicon()
    cues = _cue_words()
    capital = word[:1].isupper()
    if key in cues and not (capital and key not in lex.words and key not in HONORIFICS):
        ident = key
    elif not capital and _word_counts().get(key, 0) >= 20000:
        ident = key  # a frequent lower-case word: closed-class words are all frequent
    else:
        ident = _shape(word)
    kind = "given" if key in lex.given else "sur" if key in lex.surnames else ""
    if key in lex.words:
        kind += "word"
    return ident, kind or "none"


def _position(text: str, start: int) -> str:
    """Where a word stands: sentence-initial, line-initial, after ``:``, after a quote, or inside."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] == "\n":
        return "line"
    ch = text[i]
    if ch in ".!?":
        return "sent"
    if ch == ":":
        return "colon"
    if ch in "\"“‘'":
        return "quote"
    if ch in "([":
        return "bracket"
    if ch in ",;":
        return "comma"
    if ch in "-–/":
        return "dash"
    return "mid"


def _kind_at(st: State, cands: list[tuple[int, int, str]], at: int) -> str:
    """The kind of the redaction covering character ``at`` (cands sorted by start)."""
    i = bisect_right(cands, (at, 1 << 62, "")) - 1
    return cands[i][2] if i >= 0 and cands[i][1] > at else "x"


@lru_cache(maxsize=1 << 14)
def _capitalised(word: str) -> bool:
    """Title-case, or capitals of two letters or more that are not a known acronym."""
    if len(word) < 2 or not word[0].isupper():
        return False
    if word.isupper():
        return word not in lexicon().acronyms
    return word[1:].islower() or any(c.isupper() for c in word[1:])


def _words_at(text: str) -> list[tuple[int, int, str]]:
    """Every word of the text with where it starts and ends (what lies between two words
    holds no letter, so the first occurrence after the last word is the word itself)."""
    out = []
    find = text.find
    at = 0
    for w in words_of(text):
        at = find(w, at)
        out.append((at, at + len(w), w))
        at += len(w)
    return out


def _runs(st: State, words: list[tuple[int, int, str]], caps: list[bool]) -> list[list[int]]:
    """Capitalised free words written together, bridged by a small word between two."""
    text = st.text
    runs: list[list[int]] = []
    i, n = 0, len(words)
    while i < n:
        if not caps[i]:
            i += 1
            continue
        members = [i]
        j = i + 1
        while j < n and _RUN_GAP.fullmatch(text, words[j - 1][1], words[j][0]):
            if caps[j]:
                members.append(j)
                j += 1
                continue
            s, e, w = words[j]
            if (
                w.lower() in _BRIDGES
                and j + 1 < n
                and caps[j + 1]
                and _RUN_GAP.fullmatch(text, e, words[j + 1][0])
                and st.free(s, e)
            ):
                j += 1
                continue
            break
        runs.append(members)
        i = j
    return runs


def candidates(st: State, toks: list[Tok]) -> tuple[list[Candidate], list[Run]]:
    """The capitalised words the rules left free, grouped into runs, with their features."""
    text = st.text
    protected = {t.start for t, p in zip(toks, st.protected, strict=False) if p}
    words = _words_at(text)
    free = st.free
    caps = [
        w[0].isupper() and _capitalised(w) and s not in protected and free(s, e)
        for s, e, w in words
    ]
    runs = _runs(st, words, caps)
    if not runs:
        return [], []
    lowers = {w for _, _, w in words if w.islower()}
    where_in = {m: _position(text, words[m][0]) for members in runs for m in members}
    cap_mid = Counter(words[m][2] for m, pos in where_in.items() if pos == "mid")
    # a single everyday word opening a sentence or line ("Today", "She") is left unscored:
    # most candidates are such words, and the model never took one
    everyday = st.lex.words
    runs = [
        r
        for r in runs
        if len(r) > 1 or where_in[r[0]] not in _OPENING or word_key(words[r[0]][2]) not in everyday
    ]
    taken = sorted((c.start, c.end, c.kind) for c in st.cands)
    lines: dict[int, str] = {}  # each line's kind, by where it starts
    out: list[Candidate] = []
    spans: list[Run] = []
    n = len(words)
    for r, members in enumerate(runs):
        first, last = words[members[0]], words[members[-1]]
        ends = _ending(last[2])
        size = len(members)
        at = text.rfind("\n", 0, first[0]) + 1
        line = lines.get(at) or lines.setdefault(at, _line_of(text, at))
        run_feats = [f"run={min(size, 4)}", f"rend={ends}", f"after={_after(text, last[1])}"]
        run_feats.append(f"line={line}")
        if all(words[m][2].isupper() for m in members):
            run_feats.append("run=caps")
        # the run's cue and everyday words by name ("Council", "Police", "Trust"): what a
        # public body is called by, not who; names and unknown words only by their shape
        inside = {_neighbour(words[m][2]) for m in members}
        run_feats += sorted({f"rw={ident}" for ident, _ in inside if ident.islower()})
        run_feats += sorted({f"rf={flag}" for _, flag in inside})
        spans.append(Run(first[0], last[1], _kind(last[2], ends)))
        run_part = tuple(run_feats)
        for place, m in enumerate(members):
            s, e, w = words[m]
            pos = where_in[m]
            where = "only" if size == 1 else "first" if not place else "inner"
            if size > 1 and place == size - 1:
                where = "last"
            own, sig, flags = _own(w, pos, where)
            parts = [own, run_part]
            extra = [f"rend={ends}&in={where}", f"line={line}&{sig}"]
            if w.lower() in lowers:
                extra.append("doc=lower")
            if cap_mid.get(w, 0) > (pos == "mid"):
                extra.append("doc=capmid")
            for off, tag in _AROUND:
                k = m + off
                if not 0 <= k < n:
                    extra.append(f"{tag}=edge")
                    continue
                ks, ke, kw = words[k]
                if k in members:
                    parts.append(_beside(tag, kw, True))
                    continue
                parts.append(_beside(tag, kw, False))
                if off == -1:
                    extra.append(f"p1={_neighbour(kw)[0]}&{sig}")
                if not free(ks, ke):
                    red = _kind_at(st, taken, ks)
                    extra.append(f"{tag}red={red}")
                    if off in (-1, 1):
                        extra += [f"{tag}red={red}&{f}" for f in flags]
                        # written against the redaction, as one name ("Petroc Le [Brocq]")
                        a, b = (ke, s) if off < 0 else (e, ks)
                        if _GLUED.fullmatch(text, a, b):
                            extra += [f"{tag}glued={red}", f"{tag}glued={red}&{sig}"]
            parts.append(tuple(extra))
            out.append(Candidate(s, e, r, tuple(parts)))
    return out, spans


_OPENING = frozenset({"sent", "line"})
_AROUND = ((-2, "p2"), (-1, "p1"), (1, "n1"), (2, "n2"))


@lru_cache(maxsize=1 << 14)
def _own(word: str, pos: str, where: str) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    """A word's own features where it stands, its list signature, and its list flags."""
    own = word_features(word)
    flags = tuple(f for f in own if f.startswith("f="))
    sig = "sig=" + "+".join(f[2:] for f in flags) + "|" + _wc(own)
    feats = ["bias", f"pos={pos}", f"in={where}", *own, sig, f"{sig}&pos={pos}"]
    feats += [f"pos={pos}&{f}" for f in flags]
    feats += [f"in={where}&{f}" for f in flags]
    return tuple(feats), sig, flags


@lru_cache(maxsize=1 << 14)
def _beside(tag: str, word: str, in_run: bool) -> tuple[str, ...]:
    """What a neighbour at ``tag`` (p2, p1, n1, n2) tells: by name if a cue word, else shape."""
    ident, flag = _neighbour(word)
    if in_run:
        return (f"{tag}=run:{ident}", f"{tag}f={flag}", f"{tag}end={_ending(word)}")
    return (f"{tag}={ident}", f"{tag}f={flag}")


def _wc(own: tuple[str, ...]) -> str:
    return next((f for f in own if f.startswith("wc=")), "wc=0")


@lru_cache(maxsize=1 << 12)
def _ending(word: str) -> str:
    """What the last word of a run says it names: a firm or group, a street, or neither."""
    org_end, street_end = _endings()
    if org_end.fullmatch(word):
        return "org"
    return "street" if street_end.fullmatch(word) else "none"


def _kind(word: str, ends: str) -> str:
    """The placeholder a run takes by its last word: an organisation (a firm's noun, a public
    body's or an institution's), an address (a street noun), else a person."""
    if ends != "none":
        return "org" if ends == "org" else "address"
    key = word_key(word)
    return "org" if key in _PUBLIC or key in INSTITUTION_NOUNS else "person"


def _after(text: str, end: int) -> str:
    """What follows a run: a possessive, punctuation, a bracket, a table cell's end, a number."""
    rest = text[end : end + 3]
    if rest[:1] in ("'", "’"):
        return "poss"
    ch = rest.lstrip(" ")[:1]
    if not ch or ch == "\n":
        return "eol"
    if ch.isdigit():
        return "digit"
    if ch.isalpha():
        return "word"
    return ch if ch in ",.:;()|\t-/&" else "other"


def _line_of(text: str, at: int) -> str:
    """The kind of the line starting at ``at``: a table row, a form in capitals, a heading,
    or prose."""
    b = text.find("\n", at)
    line = text[at : b if b >= 0 else len(text)]
    if "|" in line or "\t" in line:
        return "table"
    letters = sum(map(str.isalpha, line))
    if letters > 8 and sum(map(str.isupper, line)) > 0.7 * letters:
        return "caps"
    if len(line) < 40 and not line.rstrip().endswith("."):
        return "short"
    return "prose"
