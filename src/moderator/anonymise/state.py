"""The shared state of one redaction: the text, its words, and what is taken so far.

Every layer of the redactor (:mod:`.layer_patterns`, :mod:`.layer_known`,
:mod:`.layer_names`) reads and writes one :class:`State`: candidates are taken
layer by layer and never overlap, so an earlier, surer layer wins.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from operator import attrgetter
from typing import NamedTuple, TypeVar

from moderator.anonymise.cues import (
    HONORIFICS,
    NAME_TITLES,
    PRE_WEAK,
    RELATION_CUES,
    ROLE_CUES,
    SPEAKING_VERBS,
)
from moderator.anonymise.known import known_people
from moderator.anonymise.lexicon import lexicon, phrase_key, word_key, words_of
from moderator.anonymise.patterns import SENTENCE_END, digit_regions
from moderator.anonymise.positions import INDEX_FROM, Cands, Index, explained
from moderator.anonymise.records import RawCase

NAME_KINDS = frozenset({"child", "family", "worker", "person", "professional"})

_V = TypeVar("_V")
_PHRASE_GAP = re.compile(r"(?:['’][sS])?[ \t\n&/-]*")
_KEY = attrgetter("key")  # a Tok's key, for map()
_NAME_GAP = re.compile(r"[ \t]+|[ \t]*,[ \t]*|-")
_SPACES = re.compile(r" {1,2}")  # (three spaces or a tab: a form's gap between fields)
# a prison is a public service: the name after its prefix stays ("HMP Altcourse", "HMYOI
# Polmont"), like any public service named after a place
_NAMED_AFTER = frozenset({"hmp", "hmyoi", "yoi"})


@cache
def _context_words() -> frozenset[str]:
    """Lower-case words the name heuristics look at: cues and the words of protected phrases."""
    words: set[str] = set()
    for phrases in lexicon().phrases.values():
        for phrase in phrases:
            words.update(phrase)
    for cue in ROLE_CUES | RELATION_CUES:
        words.update(cue.split())
    return frozenset(words | PRE_WEAK | SPEAKING_VERBS | set(HONORIFICS))


class Tok(NamedTuple):
    """A word of the text that the name layers look at (offsets into the text).

    A tuple, made with :func:`tuple.__new__` from the shape of its word (worked out once per
    distinct word of a text): notes repeat their words, and a note has hundreds of them.
    """

    start: int
    end: int
    """Where the word ends, without a possessive ``'s``."""
    word: str
    key: str
    cap: bool
    upper: bool
    lower: bool
    poss: bool


@lru_cache(maxsize=1 << 14)
def _shape(word: str) -> tuple[int, tuple[str, str, bool, bool, bool, bool]]:
    """What a word gives its :class:`Tok`, but its start: (length without a possessive, (word,
    key, capitalised, in capitals, in lower case, possessive)). Cached: words recur."""
    poss = len(word) > 3 and word[-2] in "'’`" and word[-1] in "sS"
    cap = word[0].isupper()
    upper = cap and len(word) > 1 and word.isupper()
    return (
        len(word) - (2 if poss else 0),
        (word, word_key(word), cap, upper, (not cap and word.islower()), poss),
    )


_Shape = tuple[int, tuple[str, str, bool, bool, bool, bool]]
# what _general gave each word, across texts (what the words of one record's notes need is
# looked up once): a plain dict, read in tokens() without a call, filled up to a bound
_GENERALS: dict[str, tuple[_Shape | None, str]] = {}
_GENERALS_MAX = 1 << 15


def _general(word: str) -> tuple[_Shape | None, str]:
    """A word's shape if every text keeps it (capitalised, or a word of the cues or protected
    phrases), else None; and its key when it is in lower case (a record's names may want it).
    (Remembered in ``_GENERALS`` by :meth:`State.tokens`.)"""
    if word[0].isupper():
        return _shape(word), ""
    key = word_key(word)
    return (_shape(word) if key in _context_words() else None), key


@dataclass(slots=True, eq=False)  # (slots: quicker to make and read; a note has hundreds)
class Cand:
    """A candidate redaction: ``text[start:end]`` is a ``kind``; equal idents share a placeholder."""

    start: int
    end: int
    kind: str
    ident: str  # who or what: equal idents share a placeholder
    priority: int
    confidence: float = 1.0
    """How sure the redactor is that this is an identifier (0-1)."""


# How sure each layer is, by the priority it takes its candidates with: a checked pattern or
# the record's own people (0.95+) down to a quoted nickname or a name on weak evidence.
_CONFIDENCE_BY_PRIORITY = ((85, 0.98), (75, 0.92), (70, 0.85), (60, 0.95), (58, 0.8), (57, 0.6),
                           (55, 0.85), (52, 0.8), (50, 0.7), (45, 0.6), (40, 0.75), (0, 0.8))  # fmt: skip
UNSURE = 0.7
"""Below this confidence a redaction, or above 0.3 a kept candidate, is for a person to confirm."""


@cache
def confidence_for(priority: int) -> float:
    """The default confidence of a candidate taken with ``priority``."""
    return next(c for p, c in _CONFIDENCE_BY_PRIORITY if priority >= p)


class State:
    """One redaction of one text: candidates are taken layer by layer, never overlapping."""

    def __init__(self, case: RawCase, text: str) -> None:
        self.case = case
        self.text = text
        self.lex = lexicon()
        self.known = known_people(case, self.lex)
        self.cands: Cands[Cand] = Cands()
        self._index: Index[Cand] | None = None  # where the redactions lie, once there are many
        self.taken = bytearray(len(text))  # 1 where a character is already redacted
        dobs = [case.child.dob] + [m.dob for m in case.family]
        self.dobs = {(d.year, d.month, d.day) for d in dobs if d is not None}
        # names found by evidence (word keys -> kind, ident), for their other mentions
        self.found: dict[tuple[str, ...], tuple[str, str]] = {}
        self.protected: list[bool] = []  # per kept word: inside a protected phrase
        # each protected phrase written in the note: where it starts and ends, its word keys
        self.protected_phrases: list[tuple[int, int, tuple[str, ...]]] = []
        self.capitalised: list[int] = []  # indices of the kept words that are capitalised
        # candidates looked at and left in the text, with how likely they are identifiers
        self.kept: Cands[Cand] = Cands()
        self._kept_at: tuple[int, set[int]] = (0, set())  # (kept's changes, where each starts)
        self._digit_regions: list[tuple[int, int]] | None = None
        self._toks: list[Tok] = []  # what tokens() gave, and their keys
        self._keys: list[str] = []
        self._words: list[tuple[int, int, str]] | None = None  # every word, where it lies

    def keep(self, start: int, end: int, kind: str, ident: str, confidence: float) -> None:
        """Note a candidate left in the text, for a person to confirm or reject."""
        changes, starts = self._kept_at
        if changes != self.kept.changes:  # (a layer removed one: where they start, again)
            starts = {k.start for k in self.kept}
            self._kept_at = (self.kept.changes, starts)
        if start not in starts:  # (a set: a scan of the list each time grew with its square)
            list.append(self.kept, Cand(start, end, kind, ident, 0, confidence))
            starts.add(start)

    def sent(self, t: Tok) -> bool:
        """Whether the word starts a sentence, line or list item (so capitals prove little)."""
        text = self.text
        i = t.start - 1
        while i >= 0 and text[i] in " \t":
            i -= 1
        return (
            i < 0
            or text[i] in SENTENCE_END
            or (text[i] in "-–" and (i == 0 or text[i - 1] == "\n"))
        )

    def digit_regions(self) -> list[tuple[int, int]]:
        """The stretches around the text's digits (:func:`.patterns.digit_regions`), found once."""
        if self._digit_regions is None:
            self._digit_regions = digit_regions(self.text)
        return self._digit_regions

    def free(self, start: int, end: int) -> bool:
        """Whether no character of ``text[start:end]`` is taken yet."""
        return self.taken.find(1, start, end) < 0

    def take(
        self,
        start: int,
        end: int,
        kind: str,
        ident: str,
        priority: int = 50,
        confidence: float | None = None,
    ) -> None:
        """Redact ``text[start:end]`` as ``kind``; later layers cannot take these characters."""
        sure = confidence_for(priority) if confidence is None else confidence
        c = Cand(start, end, kind, ident, priority, sure)
        list.append(self.cands, c)  # (the state's own change: its index keeps up)
        if self._index is not None:
            self._index.add(c)
        self.taken[start:end] = b"\x01" * (end - start)

    def grow(self, c: Cand, start: int, end: int) -> None:
        """Widen the candidate ``c`` to ``text[start:end]`` (which holds it), taking the rest."""
        self.taken[start:end] = b"\x01" * (end - start)
        index = self._index
        if index is not None:
            index.drop(c)
        c.start, c.end = start, end
        if index is not None:
            index.add(c)

    def give_way(self, start: int, end: int, kinds: frozenset[str], below: int) -> None:
        """Drop the guesses overlapping ``text[start:end]`` if every one lies wholly inside it,
        is of one of ``kinds`` and weaker than ``below``: a surer reading takes the span."""
        if not any(self.taken[start:end]):
            return  # no redaction there (each is marked taken): nothing to give way, and no
            # scan of every redaction for each call, which a hostile note makes quadratic
        inside = self.overlapping(start, end)
        if inside and all(
            c.kind in kinds and c.priority < below and start <= c.start and c.end <= end
            for c in inside
        ):
            for c in inside:
                list.remove(self.cands, c)  # (the state's own change: its index keeps up)
                if self._index is not None:
                    self._index.drop(c)
                self.taken[c.start : c.end] = bytes(c.end - c.start)

    def drop(self, c: Cand) -> None:
        """Remove the redaction ``c`` from the list (its characters stay taken: a layer joining
        it to another takes them over), keeping the index of a long text's redactions."""
        list.remove(self.cands, c)  # (the state's own change: its index keeps up)
        if self._index is not None:
            self._index.drop(c)

    def starting_at(self, at: int) -> Cand | None:
        """The first redaction, in the list's order, that starts at ``at`` (from the index of a
        long text's many: a layer asking this for each of thousands is then no scan of all)."""
        if len(self.cands) >= INDEX_FROM:
            if self.taken[at : at + 1] != b"\x01":
                return None  # (every redaction's characters are taken: none starts here)
            return next((c for c in self.overlapping(at, at + 1) if c.start == at), None)
        return next((c for c in self.cands if c.start == at), None)

    def overlapping(self, start: int, end: int) -> list[Cand]:
        """The redactions overlapping ``text[start:end]``: from the index of a long text's
        many (:mod:`.positions`), checked; else all read."""
        cands = self.cands
        found: list[Cand] | None = None
        if len(cands) >= INDEX_FROM:
            index = self._index
            if index is None or index.changes != cands.changes:
                index = self._index = Index(cands)
            if index.ok:
                found = index.around(start, end)
                if explained(self.taken, start, end, found):
                    return found
        every = [c for c in cands if c.start < end and start < c.end]
        if found is not None and len(every) != len(found):
            self._index = None  # (one moved: index them again; else a taken character that
            # no redaction holds, which the next ask would find again)
        return every

    def tokens(self) -> list[Tok]:
        """The words that matter: capitalised ones, and the lower-case words of cues,
        protected phrases and the record's own names. Other lower-case words are left
        out (most of a text); the checks on the gaps between kept words see them."""
        names = self.known.keys
        # decide once per distinct word, not per occurrence (notes repeat their words)
        shapes: dict[str, _Shape | None] = {}
        generals, general = _GENERALS, _GENERALS.get
        toks: list[Tok] = []
        keys: list[str] = []  # each kept word's key, and which kept words are capitalised
        capitalised: list[int] = []
        make = tuple.__new__
        find = self.text.find
        at = 0
        every: list[tuple[int, int, str]] = []  # (every word, for :meth:`words`)
        place = every.append
        # the words in order, each found where the last ended (what lies between holds no
        # letter, so the first occurrence is the word itself): quicker than match objects
        for w in words_of(self.text):
            at = find(w, at)
            place((at, at + len(w), w))
            if w in shapes:
                shape = shapes[w]
            else:
                g = general(w)
                if g is None:
                    g = _general(w)
                    if len(generals) < _GENERALS_MAX:
                        generals[w] = g
                shape, wk = g
                if shape is None and wk in names:
                    shape = _shape(w)
                shapes[w] = shape
            if shape is not None:
                # unpacked and built as one tuple: quicker than a starred tuple display
                size, (word, key, cap, upper, lower, poss) = shape
                if cap:
                    capitalised.append(len(toks))
                toks.append(make(Tok, (at, at + size, word, key, cap, upper, lower, poss)))
                keys.append(key)
            at += len(w)
        self._words = every
        self.protected = [False] * len(toks)
        self.protected_phrases = []
        self.capitalised = capitalised
        phrases = self.lex.phrases
        text = self.text
        self._toks, self._keys = toks, keys
        n = len(toks)
        # phrases may overlap: "Safeguarding Children Nurse" and "Nurse Specialist" protect
        # "Safeguarding Children Nurse Specialist" together
        for i in [i for i, first in enumerate(keys) if first in phrases]:
            for phrase in phrases[keys[i]]:
                j = i + len(phrase)
                if (
                    j <= n
                    and tuple(keys[i:j]) == phrase
                    and all(
                        _PHRASE_GAP.fullmatch(text, a.end, b.start) for a, b in pairwise(toks[i:j])
                    )
                ):
                    for at in range(i, j):
                        self.protected[at] = True
                    self.protected_phrases.append((toks[i].start, toks[j - 1].end, phrase))
                    break
        if "HM" in text or "YOI" in text:
            for i in [i for i, key in enumerate(keys) if key in _NAMED_AFTER]:
                self._protect_name_after(i + 1)
        return toks

    def words(self) -> list[tuple[int, int, str]]:
        """Every word of the text (:func:`.lexicon.words_of`) with where it starts and ends,
        found once (by :meth:`tokens`, which reads them all)."""
        if self._words is None:
            self.tokens()
        assert self._words is not None
        return self._words

    def opens_phrase(self, start: int, first: str) -> bool:
        """Whether a protected phrase starts at ``start`` with the word key ``first``:
        a word or initials that open one ("summer holidays", "MS Teams" beside a mother M. S.)."""
        phrases = self.lex.phrases.get(first)
        if not phrases:
            return False
        keys = phrase_key(self.text[start : start + 80])
        return any(keys[: len(p)] == p for p in phrases)

    def _protect_name_after(self, j: int) -> None:
        """Mark up to three capitalised words written straight after word ``j - 1`` as
        protected."""
        toks, text = self._toks, self.text
        end = min(j + 3, len(toks))
        while j < end and toks[j].cap and _SPACES.fullmatch(text, toks[j - 1].end, toks[j].start):
            self.protected[j] = True
            j += 1

    def adjacent(self, window: list[Tok]) -> bool:
        """Whether the words are written as one name: spaces, a comma or a hyphen between."""
        for a, b in pairwise(window):
            if a.poss or not _NAME_GAP.fullmatch(self.text, a.end, b.start):
                return False
        return True

    def longest(
        self, toks: list[Tok], i: int, table: Mapping[tuple[str, ...], _V], max_n: int
    ) -> tuple[int, _V] | None:
        """The longest run of adjacent, unredacted words from ``toks[i]`` found in ``table``."""
        # the words' keys, worked out once by :meth:`tokens` for its own list of words
        keys = self._keys if toks is self._toks else list(map(_KEY, toks))
        for size in range(min(max_n, len(toks) - i), 0, -1):
            hit = table.get(tuple(keys[i : i + size]))
            if hit is None:
                continue
            window = toks[i : i + size]
            if size > 1 and not self.adjacent(window):
                continue
            if self.free(window[0].start, window[-1].end):
                return size, hit
        return None

    def remember(self, keys: tuple[str, ...], kind: str, ident: str) -> None:
        """Keep a name found with evidence (and its distinctive words) for its other mentions."""
        lex = self.lex
        self.found.setdefault(keys, (kind, ident))
        for k in keys:
            if (
                len(k) >= 3
                and k not in lex.common
                and k not in lex.protected_words
                and k not in HONORIFICS
                and k not in NAME_TITLES  # "Pastor Kodwo …": not every "pastor"
            ):
                self.found.setdefault((k,), (kind, ident))

    def joined(self, a: Tok, b: Tok) -> bool:
        """Whether ``b`` follows ``a`` with only spaces between (and ``a`` is no possessive)."""
        return not a.poss and _SPACES.fullmatch(self.text, a.end, b.start) is not None
