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
from typing import NamedTuple

from moderator.anonymise.learned_words import (
    beside,
    body,
    capitalised,
    ending,
    neighbour,
    own_features,
    run_kind,
)
from moderator.anonymise.lexicon import word_key
from moderator.anonymise.state import State, Tok

FEATURE_VERSION = 7
"""Raised whenever a feature changes: a model trained on other features is not used."""

_BRIDGES = frozenset(
    {"of", "the", "and", "&", "de", "da", "van", "von", "le", "la", "y", "al", "el"}
)
_RUN_GAP = re.compile(r"[ \t]+|[ \t]*-[ \t]*|[ \t]*&[ \t]*|['’]s?[ \t]+")
_GLUED = re.compile(r"[ \t]{1,2}|-")
_COMMA = re.compile(r"[ \t]*,[ \t]*")


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
    if ch == "(":
        return "bracket"
    if ch == "[":
        return "square"  # a writer's own placeholder ("[HEALTH]", "[TEAM]")
    if ch in ",;":
        return "comma"
    if ch in "-–/":
        return "dash"
    return "mid"


def _kind_at(st: State, cands: list[tuple[int, int, str]], at: int) -> str:
    """The kind of the redaction covering character ``at`` (cands sorted by start)."""
    i = bisect_right(cands, (at, 1 << 62, "")) - 1
    return cands[i][2] if i >= 0 and cands[i][1] > at else "x"


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


# weekdays and the short forms of days and months, which name no one (not "May", "June")
_CALENDAR = frozenset(
    {"mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"feb", "apr", "aug", "sep", "sept", "oct", "nov", "dec"}  # ("Jan", "Jun": names too)
)


def candidates(st: State, toks: list[Tok]) -> tuple[list[Candidate], list[Run]]:
    """The capitalised words the rules left free, grouped into runs, with their features."""
    text = st.text
    protected = {t.start for t, p in zip(toks, st.protected, strict=False) if p}
    words = st.words()
    free = st.free
    caps = [
        w[0].isupper() and capitalised(w) and s not in protected and free(s, e) for s, e, w in words
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
        if (
            len(r) > 1 or where_in[r[0]] not in _OPENING or word_key(words[r[0]][2]) not in everyday
        )
        and not all(word_key(words[m][2]) in _CALENDAR for m in r)  # "Tue & Thu": days
    ]
    taken = sorted((c.start, c.end, c.kind) for c in st.cands)
    lines: dict[int, str] = {}  # each line's kind, by where it starts
    out: list[Candidate] = []
    spans: list[Run] = []
    n = len(words)
    for r, members in enumerate(runs):
        member = set(members)  # (a set: a hostile run of thousands of words)
        first, last = words[members[0]], words[members[-1]]
        ends = ending(last[2])
        size = len(members)
        at = text.rfind("\n", 0, first[0]) + 1
        line = lines.get(at) or lines.setdefault(at, _line_of(text, at))
        run_feats = [f"run={min(size, 4)}", f"rend={ends}", f"after={_after(text, last[1])}"]
        run_feats.append(f"line={line}")
        if all(words[m][2].isupper() for m in members):
            run_feats.append("run=caps")
        # the run's cue and everyday words by name ("Council", "Police", "Trust"): what a
        # public body is called by, not who; names and unknown words only by their shape
        inside = {neighbour(words[m][2]) for m in members}
        run_feats += sorted({f"rw={ident}" for ident, _ in inside if ident.islower()})
        run_feats += sorted({f"rf={flag}" for _, flag in inside})
        run_feats.append(body(tuple(words[m][2] for m in members)))
        spans.append(Run(first[0], last[1], run_kind(last[2], ends)))
        run_part = tuple(run_feats)
        for place, m in enumerate(members):
            s, e, w = words[m]
            pos = where_in[m]
            where = "only" if size == 1 else "first" if not place else "inner"
            if size > 1 and place == size - 1:
                where = "last"
            own, sig, flags = own_features(w, pos, where)
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
                if k in member:
                    parts.append(beside(tag, kw, True))
                    continue
                parts.append(beside(tag, kw, False))
                if off == -1:
                    extra.append(f"p1={neighbour(kw)[0]}&{sig}")
                if not free(ks, ke):
                    red = _kind_at(st, taken, ks)
                    extra.append(f"{tag}red={red}")
                    if off in (-1, 1):
                        extra += [f"{tag}red={red}&{f}" for f in flags]
                        # written against the redaction, as one name ("Petroc Le [Brocq]")
                        a, b = (ke, s) if off < 0 else (e, ks)
                        if _GLUED.fullmatch(text, a, b):
                            extra += [f"{tag}glued={red}", f"{tag}glued={red}&{sig}"]
                        elif _COMMA.fullmatch(text, a, b):
                            # after a comma, as a town after an address ("[12 Mill Lane], Fishlake")
                            extra += [f"{tag}comma={red}", f"{tag}comma={red}&{sig}"]
            parts.append(tuple(extra))
            out.append(Candidate(s, e, r, tuple(parts)))
    return out, spans


_OPENING = frozenset({"sent", "line"})
_AROUND = ((-2, "p2"), (-1, "p1"), (1, "n1"), (2, "n2"))


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
    return ch if ch in ",.:;()[]|\t-/&" else "other"


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
