"""A quoted nickname inside or beside a name is part of it: ``Jimmy 'Bones' Quilligan``,
``"Deano" - Dean Hollis``, and an alias in brackets after a name (``Dean Hollis ("DH")``).
Split from :mod:`.names_joined` (the ~400-line limit per module).
"""

from __future__ import annotations

import re

from moderator.anonymise.lexicon import phrase_key, word_key
from moderator.anonymise.names_around import KIN_PAIRS, KIN_TITLES
from moderator.anonymise.orgs_runs import protected_inside
from moderator.anonymise.state import NAME_KINDS, Cand, State

_PEOPLE = frozenset({"person", "professional", "child", "family"})
_RECORDS = frozenset({"child", "family"})  # (a surname the record's people share: "[FAMILY]")
_QUOTES = frozenset("'\"“‘")
_DASH_OR_BRACKET = frozenset("-–(")

_NICKNAMED_BEFORE = re.compile(
    r"(?<![\w])(?P<a>[A-Z][\w'’-]+)[ \t]+['\"“‘][^'\"“”‘’\n]{1,20}['\"”’][ \t]+$"
)


def join_quoted_nicknames(st: State) -> None:
    """A nickname in quotes inside a name is part of it: "Jimmy 'Bones' Quilligan" is one
    person, quotes and all, when the name after it is redacted."""
    text = st.text
    for after in [c for c in st.cands if c.kind in NAME_KINDS]:
        if after.start < 4 or text[after.start - 2] not in "'\"”’":
            continue  # quick: no closing quote just before the name
        m = _NICKNAMED_BEFORE.search(text, max(0, after.start - 50), after.start)
        if m is None:
            continue
        first = word_key(m.group("a"))
        if st.free(*m.span("a")) and (first in st.lex.common or first in st.lex.protected_words):
            continue  # "He said 'Hello' Tom": no name before the quotes
        inside = [d for d in st.cands if m.start() <= d.start and d.end <= after.end]
        if any(d.kind not in NAME_KINDS for d in inside):
            continue
        for d in inside:
            st.cands.remove(d)
        st.taken[m.start() : after.end] = bytes(after.end - m.start())
        st.take(m.start(), after.end, after.kind, after.ident, after.priority, after.confidence)
    _join_nicknames_around(st)


# 'Yohannes "Sonny" Weldemariam': a quoted nickname and the surname after a name
_NICKNAME_AFTER = re.compile(
    r"[ \t]+['\"“‘][^'\"“”‘’\n]{1,20}['\"”’][ \t]+(?P<s>[A-Z][\w'’-]+)(?![\w'’-])"
)
# '"JAYDEE" - JAYLEN …', '"Big T" (Tayyab …)': a quoted nickname given before the name
_QUOTED_BEFORE = re.compile(r"['\"“‘][^'\"“”‘’\n]{1,20}['\"”’][ \t]*(?:[-–]|\()[ \t]*$")


def _join_nicknames_around(st: State) -> None:
    """A quoted nickname with the surname after it, or given before the name with a dash or
    a bracket, is one redaction with the name."""
    text = st.text
    lex = st.lex
    gone: set[int] = set()  # redactions merged into another
    for c in [c for c in st.cands if c.kind in _PEOPLE]:
        if "(" in text[c.end : c.end + 2] and id(c) not in gone:
            gone |= _bracketed_alias(st, c)
            if id(c) in gone:
                continue  # (merged into the name with its brackets)
            _quoted_alias(st, c)
        quoted_after = text[c.end + 1 : c.end + 2] in _QUOTES
        dashed_before = c.start > 2 and text[c.start - 2 : c.start].strip()[-1:] in _DASH_OR_BRACKET
        if not (quoted_after or dashed_before) or id(c) in gone:
            continue  # quick: no quote after the name, no dash or bracket before it
        m = _NICKNAME_AFTER.match(text, c.end) if quoted_after else None
        if m is not None and st.free(*m.span("s")):
            key = word_key(m.group("s"))
            if key not in lex.common and key not in lex.protected_words:
                gone |= _merge(st, c, c.start, m.end())
                continue
        if dashed_before:
            q = _QUOTED_BEFORE.search(text, max(0, c.start - 30), c.start)
            said = phrase_key(q.group()) if q is not None else ()
            if said and (
                protected_inside(lex, said) or all(k in lex.protected_words for k in said)
            ):
                continue  # '"Three Houses" – Alfie': a tool's name before the child's;
                # '"Ahlan" - Rasha welcomed us': a greeting
            if said and all(k in KIN_TITLES for k in said):
                continue  # '"Hajurama" (Kamala Gurung)': what she is called, then her name
            if q is not None:
                end = c.end + 1 if text[c.end : c.end + 1] == ")" and "(" in q.group() else c.end
                gone |= _merge(st, c, q.start(), end)


# 'Kathy (Kathleen) Ward', 'Oluwaseun ("Seun") Adebayo': another name in brackets, then the
# surname
_BRACKETED_AFTER = re.compile(
    r"[ \t]*\([ \t]*['\"“‘]?(?P<a>[^()'\"“”‘’\n]{1,25})['\"”’]?[ \t]*\)[ \t]+"
    r"(?P<s>[A-Z][^\W\d_]+(?:[-'’][^\W\d_]+)*)(?![\w'’-])"
)


def _bracketed_alias(st: State, c: Cand) -> set[int]:
    """A name, another name in brackets and the surname after it are one person's, one
    redaction: the brackets' other name is redacted as a name, and the surname is the same
    person's or no word the lists know."""
    text = st.text
    m = _BRACKETED_AFTER.match(text, c.end)
    if m is None:
        return set()
    a_start, a_end = m.span("a")
    if st.free(a_start, a_end) or not any(
        d.kind in NAME_KINDS and a_start <= d.start and d.end <= a_end
        for d in st.overlapping(a_start, a_end)
    ):
        return set()  # "Kathy (aunt) Ward": no other name inside (quick: nothing taken there)
    s_start, s_end = m.span("s")
    after = st.starting_at(s_start)
    if after is not None:
        shared = word_key(m.group("s")) in st.known.surname_owners
        if after.ident != c.ident and not (shared and {after.kind, c.kind} <= _RECORDS):
            return set()  # another person's name after the brackets
    elif not st.free(s_start, s_end) or " " in text[c.start : c.end].strip():
        return set()  # (a full name before the brackets: "Haydan Lom-Wadswarth (Cheik Hee) Y4")
    else:
        key = word_key(m.group("s"))
        if key in st.lex.common or key in st.lex.protected_words or key in st.lex.words:
            return set()
        s_end = m.end("s")
    return _merge(st, c, c.start, max(s_end, after.end if after is not None else s_end))


# 'Declan Mulcahy ("Dec")': what the person is called, quoted in brackets after the name
_QUOTED_ALIAS = re.compile(r"[ \t]*\([ \t]*['\"“‘](?P<a>[^()'\"“”‘’\n]{1,20})['\"”’][ \t]*\)")


def _quoted_alias(st: State, c: Cand) -> None:
    """Take the quoted alias in brackets after a person's name as that person's, unless it
    is a word for a relative ('Anita ("Nanny")' names her by no name)."""
    m = _QUOTED_ALIAS.match(st.text, c.end)
    if m is None or not st.free(*m.span("a")):
        return
    said = phrase_key(m.group("a"))
    lex = st.lex
    if (
        not said
        or all(k in KIN_TITLES for k in said)
        or " ".join(said) in KIN_PAIRS  # '("Por Por")': what the children call her
        or protected_inside(lex, said)
    ):
        return
    if all(k in lex.words and k not in lex.given and k not in lex.surnames for k in said):
        return  # 'a code word agreed with Nusrat ("pharmacy")': a word, not what she is called
    st.take(m.start("a"), m.end("a"), c.kind, c.ident, c.priority, c.confidence)


def _merge(st: State, c: Cand, start: int, end: int) -> set[int]:
    """``text[start:end]`` becomes one redaction as ``c``, if only names lie inside it; the
    ids of the redactions it replaced."""
    around = st.overlapping(start, end)  # (each one inside, or reaching in, overlaps it)
    inside = [d for d in around if start <= d.start and d.end <= end]
    if any(d.kind not in NAME_KINDS for d in inside) or any(
        d.start < start < d.end or d.start < end < d.end for d in around
    ):
        return set()
    for d in inside:
        st.drop(d)
    st.taken[start:end] = bytes(end - start)
    st.take(start, end, c.kind, c.ident, c.priority, c.confidence)
    return {id(d) for d in inside}
