"""Matches looked for only near cheap hints: a keyword, a bracket, a month's name.

The slow, word-by-word patterns of :mod:`.patterns` (addresses, schools, practices) start
with a look-behind and word loops: slow to try at every position of a long text, quick in
the window around each place a keyword or literal they must contain is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from moderator.anonymise.lexicon import lower_same_length

# each pattern's twin by the pattern's id (a pattern's hash reads its whole compiled code, every
# time: slow for the long ones); the entry holds the pattern, so its id is never reused
_twins: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}
_SPAN = re.Match.span  # a match's (start, end), for map()


# a letter, on a text of ASCII characters only: one test of a bitmap, not three of categories
_LETTER, _ASCII_LETTER = r"[^\W\d_]", "[A-Za-z]"


def _ascii_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    entry = _twins.get(id(pattern))
    if entry is None:
        source = pattern.pattern.replace(_LETTER, _ASCII_LETTER)
        twin = re.compile(source, (pattern.flags & ~re.UNICODE) | re.ASCII)
        entry = _twins[id(pattern)] = (pattern, twin)
    return entry[1]


def plain(text: str) -> bool:
    """Whether ``text`` holds ASCII characters only, none of them the four information
    separators (``\\x1c`` to ``\\x1f``, which Unicode's ``\\s`` matches and ASCII's does not):
    on such a text a pattern and its ASCII twin match alike (``\\w``, ``\\d``, ``\\s`` and
    ``\\b`` differ only on other characters). The last text's answer is kept: the layers ask
    in turn of the same note."""
    global _plain_last
    if text is _plain_last[0]:
        return _plain_last[1]
    answer = text.isascii() and not (
        "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text
    )
    _plain_last = (text, answer)
    return answer


_plain_last = ("", True)


def for_text(pattern: re.Pattern[str], text: str) -> re.Pattern[str]:
    """``pattern``, compiled with ASCII classes when ``text`` is :func:`plain`: the engine
    checks an ASCII class by table instead of by Unicode category, quicker, and most notes are
    plain ASCII. The matches' ``re`` is the twin.
    """
    return _ascii_twin(pattern) if plain(text) else pattern


def ascii_twins(*patterns: re.Pattern[str]) -> tuple[re.Pattern[str], ...]:
    """The patterns as :func:`for_text` gives them for a :func:`plain` text."""
    return tuple(map(_ascii_twin, patterns))


def near(
    pattern: re.Pattern[str], hint: re.Pattern[str], text: str, before: int, after: int
) -> list[re.Match[str]]:
    """Matches of ``pattern`` near each match of the cheap ``hint`` (an anchoring keyword).

    The full patterns of :mod:`.patterns` start with a look-behind and word loops, which are slow to try
    at every position of a long text; trying them only around their keywords is not.
    """
    if plain(text):
        pattern, hint = _ascii_twin(pattern), _ascii_twin(hint)
    return near_spans(pattern, map(_SPAN, hint.finditer(text)), text, before, after)


def near_spans(
    pattern: re.Pattern[str],
    hints: Iterable[tuple[int, int]],
    text: str,
    before: int,
    after: int,
    needs: Callable[[int, int], bool] | None = None,
) -> list[re.Match[str]]:
    """Matches of ``pattern`` near each hint span (in increasing order), as :func:`near`.
    ``needs(lo, hi)``, if given, is false only for a window that can hold no match (a word
    every match has is not in it): the window is then not searched."""
    found: dict[tuple[int, int], re.Match[str]] = {}
    covered = -1
    size = len(text)
    finditer = pattern.finditer
    # (comparisons, not max() and min(): this runs for every hint of every note)
    for start, end in hints:
        lo = start - before
        if lo < covered:
            lo = covered
        if lo < 0:
            lo = 0
        hi = end + after
        if hi > size:
            hi = size
        if needs is None or needs(lo, hi):
            for m in finditer(text, lo, hi):
                found.setdefault(m.span(), m)
        if start > covered:
            covered = start
    if len(found) < 2:
        return list(found.values())
    return [found[k] for k in sorted(found)]


def scan_near(
    pattern: re.Pattern[str],
    hints: Iterable[tuple[int, int]],
    text: str,
    before: int,
    after: int,
) -> list[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` gives, looked for only near the ``hints`` (spans
    in increasing order).

    Unlike :func:`near`, the matches are those of one scan of the whole text (in order, none
    overlapping): each window starts where the last match ended, and a match is taken from
    the window of the last hint before its start (or in it), never cut short by the window's
    end. The same as the whole scan for every match that contains a hint (a literal piece
    each match must contain) no more than ``before`` characters after its start and ends no
    more than ``after`` characters after that hint.
    """
    out: list[re.Match[str]] = []
    pattern = for_text(pattern, text)
    resume = 0
    size = len(text)
    for h_start, h_end in hints:
        lo = max(resume, h_start - before)
        if lo >= h_end:
            continue  # inside the last match: the scan goes on from its end
        for m in pattern.finditer(text, lo, min(size, h_end + after)):
            if m.start() > h_end:
                break  # it holds a later hint, whose window has room for all of it
            out.append(m)
            resume = m.end()
    return out


def matches_in(
    pattern: re.Pattern[str], spans: Iterable[tuple[int, int]], text: str
) -> list[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` gives when no match can start outside the
    ``spans`` (lo, hi: inclusive, in increasing order): the pattern is tried at each of their
    positions after the last match's end. For a pattern that starts with a look-behind, tried at
    every position of a long text, when a keyword it holds marks the few places it can start."""
    out: list[re.Match[str]] = []
    resume = 0
    for lo, hi in spans:
        at = max(lo, resume)
        while at <= hi:
            m = pattern.match(text, at)
            if m is None:
                at += 1
                continue
            out.append(m)
            resume = at = max(m.end(), at + 1)
    return out


def starting_with(
    pattern: re.Pattern[str], text: str, starts: Iterable[str]
) -> list[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` gives, for a pattern each of whose matches starts
    with one of ``starts`` as written (case counts): the pattern is tried only where they are
    (str.find), in order, from the last match's end. For a pattern that opens with a
    look-behind, which the engine would otherwise try at every position of the text."""
    return matches_in(pattern, [(at, at) for at, _ in word_positions(text, starts)], text)


def starting_with_folded(
    pattern: re.Pattern[str], text: str, starts: Iterable[str]
) -> list[re.Match[str]]:
    """As :func:`starting_with`, for a pattern that ignores case where its matches start:
    ``starts`` in lower case, found in the text's lower case (see :func:`folds_alike`; any
    other text is scanned whole)."""
    if not folds_alike(text):
        return list(pattern.finditer(text))
    spans = [(at, at) for at, _ in word_positions(lower_same_length(text), starts)]
    return matches_in(pattern, spans, text)


def folds_alike(text: str) -> bool:
    """Whether the lower case of ``text`` (:func:`.lexicon.lower_same_length`) holds a word in
    lower case wherever a pattern ignoring case finds that word in ``text``: unless the text has
    one of the three letters the engine takes for another's case that do not lower to it
    ("İ" and "ı" for an "i", "ſ" for an "s"; the kelvin sign lowers to its "k")."""
    return text.isascii() or ("İ" not in text and "ı" not in text and "ſ" not in text)


def word_positions(lower: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Where any of ``words`` occurs in the lower-cased text, in order (str.find: no regex)."""
    spans = []
    for word in words:
        at = lower.find(word)
        while at >= 0:
            spans.append((at, at + len(word)))
            at = lower.find(word, at + 1)
    return sorted(spans)


def hint_spans(
    hint: re.Pattern[str], text: str, where: str, starts: Iterable[str]
) -> list[tuple[int, int]]:
    """The spans of ``hint.finditer(text)`` (with :func:`for_text`'s classes), when each of its
    matches starts with one of ``starts`` as written in ``where`` (``text`` or its lower case:
    the same offsets). The hint is matched only there, in order, from the last match's end: for
    a hint branched on common first letters, which the engine tries at most letters of a note."""
    hint = for_text(hint, text)
    spans: list[tuple[int, int]] = []
    end = 0  # (a scan goes on from a match's end: no match starts inside another)
    for at, _ in word_positions(where, starts):
        if at >= end and (m := hint.match(text, at)) is not None:
            spans.append(m.span())
            end = m.end()
    return spans
