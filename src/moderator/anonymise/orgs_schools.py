"""Schools named by what is said around them, not by a school's noun.

A note names a child's school by its first word or its acronym once the school is known to
everyone reading it: ``The school (Mallowdene) has told us``, ``School (GBA) ok``,
``Education: LHF attendance 84%``, a child's ``i am in year 5 at Tansyfield``,
``attends KPA``. Such a word is a school's name when the lists know it as no everyday word,
place, acronym or protected word; it is redacted as the school wherever it recurs.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import HONORIFICS
from moderator.anonymise.lexicon import (
    lower_same_length,
    phrase_key,
    whole_words,
    word_key,
)
from moderator.anonymise.nearby import scan_near, word_positions
from moderator.anonymise.orgs_colleges import town_schools, universities
from moderator.anonymise.orgs_named import PUBLIC_WORDS
from moderator.anonymise.orgs_runs import protected_inside
from moderator.anonymise.state import State

_NAME = r"(?P<a>[A-Z][\w'’-]{1,30})"
# "school (Mallowdene)", "School (GBA)", "nursery (Oxlip)" (each pattern is tried only where
# its first word is: a scan of the whole note from every position costs more)
_BRACKET_RE = re.compile(
    r"(?i:school|academy|nursery|college|primary|setting)[ \t]*\([ \t]*"
    r"(?P<a>[A-Z][\w'’-]{1,30}(?:[ \t]+[A-Z][\w'’-]{1,30}){0,2})[ \t]*\)"
)  # ("School (Skinners Park) phoned")
# "year 5 at Tansyfield", "Yr 10 at SFS", "in reception at Gorsebank"
_YEAR_RE = re.compile(
    rf"(?i:y(?:ea)?r[ \t]*\d{{1,2}}|y\d{{1,2}}|reception|nursery|sixth[ \t]+form)[ \t]+at[ \t]+{_NAME}"
    r"(?![ \t]+[A-Z])"
)
# a child's age, year and school in brackets: "(15, Year 10, Croft Valley)", "(Yr 7, Northgate)"
_YEAR_BRACKET_RE = re.compile(
    r"(?i:y(?:ea)?r)[ \t]*\d{1,2},[ \t]*(?P<a>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})[ \t]*\)"
)
# "Education: LHF attendance", "School: KPA", "attends GBA"
_ACRONYM_RE = re.compile(
    r"(?:(?i:education|school|setting|nursery)[ \t]*:|attends)[ \t]*"
    r"(?P<a>[A-Z]{2,5})(?![\w'’&-])"
)
# "School: Hollins Grange (Year 8)", "Nursery: Little Acorns Day Care": a school's field in
# a form, then a name of two words or more to a bracket, a stop or a lower-case word
_FIELD_RE = re.compile(
    r"(?i:school|nursery|college|setting|education[ \t]+setting)[ \t]*:[ \t]*"
    r"(?P<a>[A-Z][\w'’-]*(?:[ \t]+(?:(?:of|the|and|&)[ \t]+)?[A-Z][\w'’-]*){1,5})"
)
_AT_VENUE = re.compile(r"[ \t]+at[ \t]+[A-Z]")  # "Little Wrens at Leek": read with its venue
_STARTS = {
    "school": (_BRACKET_RE, _ACRONYM_RE),
    "academy": (_BRACKET_RE,),
    "nursery": (_BRACKET_RE, _YEAR_RE, _ACRONYM_RE),
    "college": (_BRACKET_RE,),
    "primary": (_BRACKET_RE,),
    "setting": (_BRACKET_RE, _ACRONYM_RE),
    "education": (_ACRONYM_RE,),
    "attends": (_ACRONYM_RE,),
    "y": (_YEAR_RE, _YEAR_BRACKET_RE),  # "year 5", "yr 10", "Y3"
    "reception": (_YEAR_RE,),
    "sixth": (_YEAR_RE,),
}


# "head of year at Bishopston", "DSL Mrs Fazila Bham at Taylor Road", "my teacher at
# eastwood": where a school's staff work is a school, named by its own words (a place too)
_STAFF_AT_RE = re.compile(
    r"(?i:head[ \t]+of[ \t]+year|dsl|designated[ \t]+safeguarding[ \t]+lead|school[ \t]+nurse"
    r"|(?:class[ \t]+|my[ \t]+|form[ \t]+)?teacher|senco|head[ \t]?teacher|deputy[ \t]+head"
    r"|form[ \t]+tutor|learning[ \t]+mentor|pastoral[ \t]+(?:lead|manager)|head[ \t]+of[ \t]+house)"
    r"(?P<who>(?:[ \t,]+(?:Mrs?|Ms|Miss|Dr|Mr)\.?)?(?:[ \t]+[A-Z][\w'’-]+){0,3})[ \t,]+at[ \t]+"
    r"(?P<n>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}|[a-z]{4,20})"
    r"(?=[ \t]*(?:[,.;:)(]|\n|$|[ \t][a-z]))"
)
_STAFF_WORDS = (
    "head",
    "dsl",
    "designated",
    "nurse",
    "teacher",
    "senco",
    "tutor",
    "mentor",
    "pastoral",
)
_STREET_GUESS = frozenset({"address"})
_NOT_SCHOOLS = frozenset({"home", "school", "the", "college", "nursery", "church", "work"})


def _staff_at(text: str, lower: str) -> list[re.Match[str]]:
    """``_STAFF_AT_RE``'s matches, tried only in the 70 characters before each " at "."""
    return scan_near(_STAFF_AT_RE, word_positions(lower, (" at ",)), text, 70, 70)


# "Dane Bank DSL Mrs Alison Prestwich", "DSL Mr Kamal Rehman (Clarebank)": the school's name
# written right before its lead's role and name, or in brackets after them
_STAFF_TITLE = (
    r"(?:DSL|SENCo|SENCO|Headteacher|Head[ \t]+[Tt]eacher)[ \t]+(?:Mrs?|Ms|Miss|Dr|Mr)\.?"
)
_NAMED_BEFORE_STAFF_RE = re.compile(
    rf"(?<![\w'’-])(?P<n>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){{0,2}})[ \t]+{_STAFF_TITLE}[ \t]+[A-Z]"
)
# "Chantry Fields (Mr Arif Haque, DSL)": the school before its lead's name and role in brackets
# (from the first capital, the look-behind after it: the engine skips to a capital)
_NAMED_BEFORE_BRACKETED_STAFF_RE = re.compile(
    r"(?P<n>[A-Z](?<![\w'’-][A-Z])[\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})[ \t]*\([ \t]*(?:Mrs?|Ms|Miss|Dr|Mr)\.?"
    r"(?:[ \t]+[A-Z][\w'’-]+){1,3},[ \t]*(?:DSL|SENCo|SENCO|Headteacher|Head[ \t]+[Tt]eacher"
    r"|Deputy[ \t]+Head|Head[ \t]+of[ \t]+Year(?:[ \t]+\d{1,2})?)[ \t]*[),]"
)
# what every match of _NAMED_BEFORE_STAFF_RE and _NAMED_AFTER_STAFF_RE holds (_STAFF_TITLE, its
# "Headteacher" and "Head teacher" as one), and what every match of
# _NAMED_BEFORE_BRACKETED_STAFF_RE ends with: a lead's role and the bracket's end or a comma
_TITLE_THEN_NAME = re.compile(
    r"(?:DSL|SENCo|SENCO|Head[ \t]*[Tt]eacher)[ \t]+(?:Mrs?|Ms|Miss|Dr|Mr)"
)
_ROLE_CLOSING = re.compile(
    r"(?:DSL|SENCo|SENCO|Head[ \t]*[Tt]eacher|Deputy[ \t]+Head|Head[ \t]+of[ \t]+Year"
    r"(?:[ \t]+\d{1,2})?)[ \t]*[),]"
)
_NAMED_AFTER_STAFF_RE = re.compile(
    rf"{_STAFF_TITLE}(?:[ \t]+[A-Z][\w'’-]+){{1,3}}[ \t]*\((?P<n>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){{0,2}})\)"
)


def find_schools_by_staff(st: State) -> None:
    """The place a school's staff member is "at" is a school (see ``_STAFF_AT_RE``), and so
    is a name right before a lead's role and name or in brackets after them (see
    ``_NAMED_BEFORE_STAFF_RE``), wherever its name recurs; unless it is a person of the record,
    a public service, a protected phrase or everyday words ("Acting DSL Mrs …")."""
    text = st.text
    names: set[str] = set()
    if "DSL" in text or "SENC" in text or "Head" in text:
        # (each pattern scanned only where the note holds its role as its matches write it)
        titled = _TITLE_THEN_NAME.search(text) is not None
        bracketed = _ROLE_CLOSING.search(text) is not None
        for pattern, holds in (
            (_NAMED_BEFORE_STAFF_RE, titled),
            (_NAMED_AFTER_STAFF_RE, titled),
            (_NAMED_BEFORE_BRACKETED_STAFF_RE, bracketed),
        ):
            for m in pattern.finditer(text) if holds else ():
                keys = phrase_key(m.group("n"))
                if _school_name(st, m.group("n")) and not (
                    all(k in st.lex.common or k in st.lex.protected_words for k in keys)
                    or (len(keys) == 1 and keys[0] in st.lex.words)  # "Acting", "Interim"
                ):
                    names.add(m.group("n"))
    lower = lower_same_length(text)
    if " at " in lower and any(w in lower for w in _STAFF_WORDS):
        names |= {m.group("n") for m in _staff_at(text, lower) if _school_name(st, m.group("n"))}
    if names:
        _take_everywhere(st, {name: name.lower() for name in names})


def _school_name_of_words(st: State, name: str) -> bool:
    """A school's name of two words or three, not a state said in words ("Looked After",
    "Home Educated", "Not Attending": an everyday verb's form in it)."""
    return _school_name(st, name) and not any(
        len(k) >= 6 and k.endswith(("ed", "ing")) and k in st.lex.words for k in phrase_key(name)
    )


def _school_name(st: State, name: str) -> bool:
    """Whether ``name``, found where a school's is, may be one: not a person of the record, a
    word in lower case, a public service or protected words."""
    lex = st.lex
    keys = phrase_key(name)
    if not keys or keys[0] in _NOT_SCHOOLS or any(k in st.known.keys for k in keys):
        return False
    if name.islower() and (keys[0] in lex.words or keys[0] in lex.common):
        return False  # "my teacher at break": a word
    # "at Core Group", "at Wigan Council": vocabulary, a public service
    return not (
        (all(k in lex.protected_words for k in keys) and keys not in lex.places)
        or protected_inside(lex, keys)
        or any(k in PUBLIC_WORDS for k in keys)
    )


def find_schools_by_context(st: State) -> None:
    """Schools named only by what is around them (see the module's text), and the words a
    school's name goes on with (:func:`widen_schools`); universities too."""
    town_schools(st)
    universities(st)
    widen_schools(st)
    text = st.text
    lower = lower_same_length(text)
    names: set[str] = set()
    for word, patterns in _STARTS.items():
        at = lower.find(word)
        while at >= 0:
            if at == 0 or not lower[at - 1].isalnum():
                for pattern in patterns:
                    m = pattern.match(text, at)
                    a = m.group("a") if m is not None else ""
                    if " " in a and not _bracket_words(st, a):
                        continue
                    if a and _a_name(st, a) and (" " not in a or _school_name_of_words(st, a)):
                        names.add(a)
            at = lower.find(word, at + 1)
    for at in _field_starts(lower):
        m = _FIELD_RE.match(text, at)
        if m is not None and _a_field_name(st, m.group("a")) and not _AT_VENUE.match(text, m.end()):
            names.add(m.group("a"))
    _take_everywhere(st, {word: word for word in names})


_SCHOOL_LETTERS = frozenset({"CP", "CE", "RC", "JI", "J&I", "VC", "VA"})


def _bracket_words(st: State, name: str) -> bool:
    """Whether words in brackets after a school's word may be its name: each capitalised
    (not "(SIXTH FORM)", "(BOTH CHILDREN)"; a school's letters may end it: "Meadow CP"),
    no title or given name first ("School (Mr Rhys Pendleton)": its staff)."""
    words = name.split()
    if not all(w[1:].islower() or (i and w in _SCHOOL_LETTERS) for i, w in enumerate(words)):
        return False
    first = word_key(words[0])
    return first not in HONORIFICS and first not in st.lex.given


def _field_starts(lower: str) -> list[int]:
    """Where a school's field may start: before each ":" its word."""
    out = []
    at = lower.find(":")
    while at >= 0:
        line = lower.rfind("\n", 0, at) + 1
        for word in ("school", "nursery", "college", "setting"):
            start = lower.rfind(word, max(line, at - 24), at)
            if start >= 0 and lower[start + len(word) : at].strip() == "":
                out.append(start)
                break
        at = lower.find(":", at + 1)
    return out


def _a_field_name(st: State, name: str) -> bool:
    """Whether the words after a school's field are a name: not only everyday, protected or
    public words or a place (``School: Home Educated``, ``School: Virtual School``)."""
    lex = st.lex
    keys = [k for k in phrase_key(name) if k not in ("of", "the", "and")]
    if any(k in st.known.keys for k in keys) or tuple(keys) in lex.phrases.get(keys[0], ()):
        return False
    if any(k in PUBLIC_WORDS or k in ("council", "virtual") for k in keys):
        return False
    if tuple(keys) in lex.places:
        return False
    # a place's name with the nouns of a school is one ("Bournemouth Learning Centre")
    return any((k,) in lex.places for k in keys) or not all(
        k in lex.common or k in lex.protected_words or k in lex.words for k in keys
    )


def _take_everywhere(st: State, names: dict[str, str]) -> None:
    """Take each school's name (keys) wherever it recurs, under its ident (values): the
    longest first ("YSGOL PENYCAE HEIGHTS" whole before "YSGOL" alone)."""
    for name, ident in sorted(names.items(), key=lambda item: -len(item[0])):
        for start, end in whole_words(st.text, name):
            # a street's name a staff member is at is their school's ("at Taylor Road")
            st.give_way(start, end, _STREET_GUESS, 65)
            if st.free(start, end):
                st.take(start, end, "school", f"school:{ident}", 50)


# a school's name goes on past its noun: "Plymouth High School for Girls", "Harris Academy
# Purley Way" (a trust's academy named by its street or district), to a lower-case word or
# a stop
_SCHOOL_TAIL = re.compile(
    r"[ \t]+(?:for[ \t]+(?:Girls|Boys)|(?P<w>(?:[A-Z][a-z'’-]+[ \t]+){0,2}[A-Z][a-z'’-]+))"
    r"(?=[ \t]*(?:[,.;:)(]|\n|$|[ \t][a-z]))"
)


def widen_schools(st: State) -> None:
    """Take the words a school's name goes on with after its noun (see ``_SCHOOL_TAIL``),
    unless they are protected words ("Academy Trust") or a person's name."""
    text = st.text
    for c in [c for c in st.cands if c.kind == "school"]:
        m = _SCHOOL_TAIL.match(text, c.end)
        if m is None or not st.free(c.end, m.end()):
            continue
        if m.group("w") and "Academy" not in text[c.start : c.end]:
            continue  # only an academy is named on by its street or district
        keys = phrase_key(text[c.end : m.end()])
        if keys[:1] != ("for",) and any(
            k in st.lex.protected_words or k in st.lex.given for k in keys
        ):
            continue
        st.taken[c.end : m.end()] = b"\x01" * (m.end() - c.end)
        c.end = m.end()


def _a_name(st: State, word: str) -> bool:
    """Whether ``word`` may be a school's own name: no acronym, word, place or person of
    the record (a school named after a saint or a place is found by its noun)."""
    lex = st.lex
    if any(ch.isdigit() for ch in word):
        return False  # "First School (Y4)": a year group
    key = word_key(word)
    if word.isupper():  # "attends ESOL": a protected word in capitals
        known = word in lex.acronyms or key in lex.protected_words or key in lex.words
        return not known and word not in st.known.initials and key not in st.known.keys
    return not (
        key in lex.words
        or key in lex.common
        or key in lex.protected_words
        or phrase_key(word) in lex.places
        or key in st.known.keys
    )
