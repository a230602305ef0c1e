"""The words around an organisation's name that belong to it.

A name is a run of capitalised words with the small words of its language inside (``of
the``, ``w``, ``y``, ``-ul-``, ``Sf.``), read from a head word to the left or right; after
it may come a bracketed qualifier (``(Igbo Mission)``, ``(Saturday)``), the town it is in
(``… Pre-school Preston``) or its branch or street after a comma (``, Rookery Road``).
Runs of words in capitals (a police form's fields) are found here to be read in title case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from moderator.anonymise.cues import CALENDAR_WORDS, HONORIFICS
from moderator.anonymise.lexicon import Lexicon, more_places, phrase_key, word_key
from moderator.anonymise.state import State

# the small words of a name, in its languages: "of the", "w" (Polish), "y" (Welsh), "de la"
JOINERS = frozenset(
    {"of", "the", "de", "du", "des", "la", "le", "w", "we", "y", "yr", "e", "ul", "al", "el"}
    | {"di", "da", "do", "dos", "das", "z", "ze", "na", "i", "&", "după", "din", "lui"}
    | {"im.", "św.", "sf.", "sv."}  # "Szkoła Polska im. Kopernika", "Parafia św. Anny"
)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d{1,2}(?:st|nd|rd|th)|&")
_BRACKET = re.compile(r"[ \t]*\((?P<q>[A-Z][\w'’-]*(?:[ \t]+[\w'’-]+){0,3})\)")
_ARTICLE = re.compile(r"(?:al|ar|as|an|at|ad|ash|el|ul)-[^\W\d_]")
_GAP = re.compile(r" {1,2}")  # wider gaps and tabs part columns of a table
OF_NEXT = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z]")  # "Church of God", "Temple of …"
_STOP_AFTER = frozenset({"pastor", "imam", "father", "fr", "rev", "reverend", "elder", "bishop"})


def capital(word: str) -> bool:
    """Whether a word of a name's run starts with a capital (or is an ordinal: "12th", or
    starts with an Arabic article: "al-Tawbah")."""
    return word[:1].isupper() or word[:1].isdigit() or _ARTICLE.match(word) is not None


def words_left(text: str, at: int, limit: int) -> int:
    """Where the capitalised run that ends at ``at`` starts (small joining words inside)."""
    line_start = text.rfind("\n", 0, at) + 1
    # quick: the words of the last 160 characters or so (from after a space, so that no word
    # is cut); the whole line only if the run reaches back to that space
    space = text.rfind(" ", line_start, max(line_start, at - 160))
    if space >= line_start:
        start, whole = _left(text, space + 1, at, limit)
        if not whole:
            return start
    return _left(text, line_start, at, limit)[0]


def _left(text: str, line_start: int, at: int, limit: int) -> tuple[int, bool]:
    """words_left over the words from ``line_start``, and whether it read all of them."""
    start = cursor = at
    taken, joiners = 0, 0
    for m in reversed(list(_WORD.finditer(text, line_start, at))):
        if not _GAP.fullmatch(text, m.end(), cursor):
            break
        word = m.group()
        if word.endswith(".") and (len(word) > 3 or word_key(word) in HONORIFICS):
            break  # a sentence's end or a title, not part of the name ("St." is)
        if capital(word):
            start, taken, joiners = m.start(), taken + 1, 0
        elif word in JOINERS and joiners < 2 and taken:
            joiners += 1  # "of the" between capitalised words: kept if one comes before it
        else:
            break
        cursor = m.start()
        if taken >= limit:
            break
    else:
        return start, True
    return start, False


def words_right(text: str, at: int, limit: int, stop: frozenset[str] = frozenset()) -> int:
    """Where the capitalised run that starts at ``at`` ends (small joining words inside;
    a word of ``stop`` ends it: in a line in capitals, "… QUARNLEY ON SUNDAYS")."""
    end = at
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    pos, taken, joiners = at, 0, 0
    for m in _WORD.finditer(text, at, line_end):
        if m.start() > pos and not _GAP.fullmatch(text, pos, m.start()):
            break
        word = m.group()
        key = word_key(word)
        if key in _STOP_AFTER or key in HONORIFICS or (key in stop and key not in JOINERS):
            break
        if capital(word):
            abbreviation = word.endswith(".") and len(word) <= 3
            if word.endswith(".") and not abbreviation:
                end = m.start() + len(word) - 1  # "… Peterborough." ends the name
                break
            end, taken, joiners = m.end(), taken + 1, 0
        elif word in JOINERS and joiners < 2:
            joiners += 1
        else:
            break
        pos = m.end()
        if taken >= limit:
            break
    return end


def bracket(text: str, end: int) -> int:
    """Past a bracketed qualifier that is part of the name ("(Igbo Mission)", "(Saturday)"),
    not an acronym defined for it ("(CHA)")."""
    m = _BRACKET.match(text, end)
    if m is None or m.group("q").isupper():
        return end
    return m.end()


_COMMA_RUN = re.compile(r"[ \t]*,[ \t]+(?=[A-Z])")
_STREET_END = re.compile(
    r"(?:Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Drive|Way|Close|Crescent|Terrace|Parade|Hill"
    r"|Green|Row|Square|Place|Walk|Grove|Gardens|Park|Assembly|House|Hall|Parish|Branch)$"
)


def comma_branch(st: State, text: str, end: int) -> int:
    """Past the branch or street written after a comma ("…Church of God, Rookery Road",
    "…Mandir, Weymouth St", "…of Prophecy, Govanhill and …"): a street or a branch's
    noun, or a first word no list knows; not "…Church, Mum says" nor a person's name."""
    m = _COMMA_RUN.match(text, end)
    if m is None:
        return end
    branch_end = words_right(text, m.end(), 4)
    run = text[m.end() : branch_end]
    if not run:
        return end
    first = word_key(run.split()[0])
    lex = st.lex
    if _STREET_END.search(run) or not (
        first in lex.protected_words  # a town the gazetteer knows: "…, Leeds" is no branch
        or first in lex.common
        or first in lex.given
        or first in HONORIFICS
        or first in lex.words
        or first in st.known.keys
    ):
        # the branch's words end before a festival, a day or a month: "…Church, Strood
        # Easter trail" is the church at Strood, then its trail at Easter
        for w in re.finditer(r"\S+", run):
            key = word_key(w.group())
            if w.start() and key in _TIME_WORDS:
                return m.end() + len(run[: w.start()].rstrip())
        return branch_end
    return end


_TIME_WORDS = frozenset(
    {"easter", "christmas", "diwali", "eid", "ramadan", "monday", "tuesday", "wednesday"}
    | {"thursday", "friday", "saturday", "sunday", "january", "february", "march", "april"}
    | {"june", "july", "august", "september", "october", "november", "december"}
)
_NEXT_WORD = re.compile(r"[ \t]+([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\b")
# a town after a comma, ending the phrase: "Resurrection Power Chapel, Pinehurst;"
_COMMA_TOWN = re.compile(r",[ \t]+([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?=[ \t]*(?:[.;:)(\n]|$))")


def with_town(st: State, end: int, comma: bool = False) -> int:
    """Past a town written after the name ("Little Acorns Pre-school Preston"): part of it;
    with ``comma``, a place no list knows after a comma that ends the phrase too ("Zion
    Chapel, Pinehurst."), but not a town the gazetteer knows ("…, Great Yarmouth"): written
    apart, the town alone identifies no one, and issue #14 counts it swallowed as damage.

    A town the gazetteer knows, or one capitalised word no list knows (not a word, a given
    name, a surname or vocabulary): a branch is named by its place ("Oasis Academy
    Wintringham"), and a person's name after an institution starts with a given name."""
    m = _NEXT_WORD.match(st.text, end) or (_COMMA_TOWN.match(st.text, end) if comma else None)
    if m is None and end and st.text[end - 1].isupper():
        return _shouted_town(st, end)
    if m is not None:
        words = phrase_key(m.group(1))
        if m.re is _COMMA_TOWN and _STREET_END.search(m.group(1)) and len(words) == 2:
            return m.end(1)  # "…Kitchen, Quorn Row": its street after the comma
        if m.re is _COMMA_TOWN and (words in st.lex.places or words in more_places()):
            return end  # "Seagull Youth Project, Great Yarmouth": the town stays
        for size in (len(words), 1):
            if words[:size] in st.lex.places:
                return m.start(1) + len(" ".join(m.group(1).split()[:size]))
        first = words[0]
        lex = st.lex
        if not (
            len(first) < 4
            or first in lex.common
            or first in CALENDAR_WORDS  # "Crediton Family Hub Thursdays"
            or first in lex.given
            or first in lex.surnames
            or first in lex.protected_words
            or first in HONORIFICS
            or first in st.known.keys
            or first.upper() in lex.acronyms
        ):
            return m.start(1) + len(m.group(1).split()[0])
    return end


# a word in capitals after a name in capitals: "VICTORIA ACADEMY WELLINGBOROUGH", "(SUNFLOWER
# CENTRE NORTHAMPTON)"
_NEXT_SHOUTED = re.compile(r"[ \t]+([A-Z]{3,}(?:[ -][A-Z]{2,})*)(?![\w'’-])")
_LAST_WORD = re.compile(r"[A-Z][A-Z'’-]*\Z")


def _shouted_town(st: State, end: int) -> int:
    """Past a town the gazetteer knows written in capitals straight after a name in
    capitals (its last word in capitals too): part of the name, as in title case. Only a
    known place: a police form's next word in capitals is mostly an everyday one."""
    text = st.text
    if _LAST_WORD.search(text, max(0, end - 40), end) is None:
        return end
    m = _NEXT_SHOUTED.match(text, end)
    if m is None:
        return end
    written = m.group(1).split()
    words = phrase_key(m.group(1))
    for size in range(min(len(words), 3), 0, -1):
        if words[:size] in st.lex.places or words[:size] in more_places():
            return m.start(1) + len(" ".join(written[:size]))
    return end


# two words in capitals or more, wherever written: a police form's fields, a name in a list
# (it starts with its capital, not a look-behind, so the engine skips to capitals; its first
# word is at most 60 letters: tried from each letter of a longer one, "A.A.A.…" took seconds)
_CAPITALS_RUN = re.compile(
    r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]{1,60}+(?:[ \t]+(?:&|\(?[A-ZÀ-ÖØ-Þ0-9][A-ZÀ-ÖØ-Þ0-9'’.-]*\)?))+(?![\w'’@])"
)


@lru_cache(maxsize=2)  # the organisation layers ask twice for one note's runs
def capital_runs(text: str) -> tuple[tuple[int, int], ...]:
    """Where runs of words in capitals are (not inside a word or an address: "x@AB CD")."""
    return tuple(
        m.span()
        for m in _CAPITALS_RUN.finditer(text)
        if not (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "'’.@-"))
        and len(m.group().title()) == m.end() - m.start()  # "ß" would change the offsets
    )


def title_runs(text: str, runs: Iterable[tuple[int, int]]) -> str:
    """``text`` with its ``runs`` of words in capitals in title case, character for character
    ("NENE GATE ACADEMY" -> "Nene Gate Academy"), so the grammars read them."""
    parts: list[str] = []
    last = 0
    for a, b in runs:
        parts += [text[last:a], text[a:b].title()]
        last = b
    return "".join([*parts, text[last:]])


def heading(text: str, start: int, end: int) -> bool:
    """A heading: followed by ":" or alone on its line."""
    after = text[end : end + 2].lstrip(" \t")
    if after.startswith(":"):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip(" \t.")


def protected_inside(lex: Lexicon, keys: tuple[str, ...]) -> bool:
    """Whether a protected phrase is among the words."""
    for i, k in enumerate(keys):
        for phrase in lex.phrases.get(k, ()):
            if keys[i : i + len(phrase)] == phrase:
                return True
    return False


def ends_protected(st: State, whole: tuple[str, ...]) -> bool:
    """Whether the words are a protected phrase after everyday words ("Minutes of Core Group"),
    not after a name ("Hartshill Boxing Club" names one club)."""
    lex = st.lex
    return any(
        whole[k:] in lex.phrases.get(whole[k], ())
        and all(w in lex.common for w in whole[:k])  # "Red Hall Amateur Boxing Club" names one
        for k in range(len(whole) - 1)
    )


def opens_protected(st: State, start: int, whole: tuple[str, ...]) -> bool:
    """Whether a protected phrase starts with the match, or inside it, and runs past it
    ("Universal Partnership Plus": the grammar stops at its noun, "Partnership")."""
    after = phrase_key(st.text[start : start + 120])
    phrases = st.lex.phrases
    # (or one starting inside it: "Consider Family Group" before "Conference")
    return any(
        k + len(p) > len(whole)
        and after[k : k + len(p)] == p
        and all(w in st.lex.common for w in whole[:k])  # ("Cheshire West Family Group …")
        for k in range(len(whole))
        for p in phrases.get(whole[k], ())
    )


def done_verb(st: State, at: int, key: str) -> bool:
    """An everyday word in the past tense opening a sentence: what was done, not a name."""
    lex = st.lex
    return (
        key.endswith("ed")
        and key in lex.words
        and key not in lex.given
        and key not in lex.surnames
        and st.text[max(0, at - 3) : at].rstrip(" \t")[-1:] in ("", ".", "\n")
    )


# a letter's marking words, written on a line of their own above an address
_MARKINGS = frozenset({"private", "confidential", "official", "sensitive", "restricted", "and"})


def marking_line(line: str) -> bool:
    """Whether a line is a marking or a heading in capitals ("CONFIDENTIAL", "Private &
    Confidential"), which no name runs on from."""
    words = phrase_key(line)
    return bool(words) and (line.isupper() or all(w in _MARKINGS for w in words))
