"""Professionals named after their title or role, however unusual the name, and an initial
written before a name.

The other-name layer weighs each capitalised word; a professional's name after the title
that introduces it is a name whatever its words: an accent (``Pastor Ján Lacko``), parts
that are words (``Named Nurse Morag Lindsay-Birrell``, ``HT Mrs Thora Inkster-Gray``), a
Gaelic particle (``Named Person: Seumas Mac a' Phì``, ``Rev Calum Mac Ille Mhoire``), an
initial (``Paramedic R. Isbister``, ``Logged by: R. Adebanjo-Bright``, ``CONST C. CARVILLE``).
Its other mentions are redacted by :func:`.names_joined.propagate`. An initial with its full
stop before a redacted name goes with it (``T. Dobbing``, ``Ó. Bellingall``).
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import LETTER_LABEL_BEFORE
from moderator.anonymise.lexicon import word_key
from moderator.anonymise.references import present
from moderator.anonymise.state import NAME_KINDS, State, Tok

# capitals of the Latin alphabets, as ranges (a class of each letter is checked letter by
# letter: slow); Latin Extended-A and -B hold small letters too, a small imprecision
_CAPITALS = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f"
_CAP = f"[{_CAPITALS}]"
_WORD = rf"{_CAP}[^\W\d_]*(?:['’]{_CAP}[^\W\d_]*)?(?:-{_CAP}[^\W\d_]*)*"
_PARTICLE = r"(?:a['’]|de|da|van|von|bin|al|el|ap|y)"
# a name: an initial and a surname, or two to four capitalised words (particles between)
_NAME = re.compile(
    rf"(?:Mrs|Mr|Ms|Miss|Dr|Rev|Revd|Fr)?\.?[ \t]*(?P<name>{_CAP}\.[ \t]*{_WORD}"
    rf"|{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_WORD}){{1,3}})(?![\w'’-])"
)
# the titles and fields that introduce a professional by name (found in the lower-case text)
_TITLES = ("pastor", "pastora", "named nurse", "paramedic", "tech", "coach", "ht", "dht", "rev",
           "revd", "minister", "referrer", "logged by", "signed", "named person", "const",
           "constable", "imam", "priest", "midwife", "tutor", "crew", "lead professional",
           "case officer", "supervisor", "wo1", "wo2")  # fmt: skip
_AFTER_TITLE = re.compile(r"[ \t]*:?[ \t]*")
_RANKS = frozenset({"PC", "PS", "DC", "DS", "DI", "DCI", "SGT", "INSP", "CONST", "PCSO", "DR"})
# titles that are practice vocabulary, left whole before the name
_PHRASES = frozenset({"named nurse", "named person", "lead professional", "case officer"})
_OTHER_NAMES = frozenset({"person", "professional"})
_PARTICLES = frozenset({"a'", "a’", "de", "da", "van", "von", "bin", "al", "el", "ap", "y"})
# an initial's full stop before a capital: from the stop (a literal: the engine skips to it)
_INITIAL_DOT = re.compile(rf"\.(?<=(?<![\w'’.-]){_CAP}\.)[ \t]?(?={_CAP})")
_INITIAL_BEFORE = re.compile(rf"(?<![\w'’.-]){_CAP}\.[ \t]?$")


def find_titled_people(st: State) -> None:
    """A name after a professional's title or field (see the module's text)."""
    text = st.text
    lower, titles = present(text, _TITLES)
    for title in titles:
        at = lower.find(title)
        while at >= 0:
            end = at + len(title)
            if (at == 0 or not lower[at - 1].isalnum()) and not lower[end : end + 1].isalnum():
                gap = _AFTER_TITLE.match(text, end)
                m = _NAME.match(text, gap.end()) if gap is not None else None
                if m is not None:
                    _take_name(st, m.start("name"), m.group("name"), title in _PHRASES)
                elif gap is not None and title in _ONE_NAME_TITLES and text[at].isupper():
                    _one_name(st, gap.end())
                if title in _RANK_TITLES and gap is not None:
                    _with_rank(st, at, gap.end())
            at = lower.find(title, end)


# a warrant officer's rank goes with the name: a word and a digit, it says more than a "Mr"
_RANK_TITLES = frozenset({"wo1", "wo2"})


def _with_rank(st: State, at: int, start: int) -> None:
    for c in st.cands:
        if c.start == start and c.kind in _OTHER_NAMES and st.free(at, start):
            st.grow(c, at, c.end)
            return


# titles of faith and of a coach, before a surname alone: "Pastor Grant has offered to help"
# and of a warrant officer: "WO2 Tennant confirmed"
_ONE_NAME_TITLES = frozenset(
    {"pastor", "pastora", "rev", "revd", "imam", "priest", "minister", "wo1", "wo2"}
)
_ONE_NAME = re.compile(rf"(?P<name>{_WORD})(?![\w'’-])(?![ \t]+{_CAP})")


def _one_name(st: State, start: int) -> None:
    """Take the one capitalised word after a title of faith when it is a surname or no
    everyday word (a protected word, an acronym or a word is no name: "Pastor Training")."""
    m = _ONE_NAME.match(st.text, start)
    if m is None or not st.free(m.start(), m.end()):
        return
    key = word_key(m.group())
    lex = st.lex
    if (
        key in lex.protected_words
        or m.group().isupper()
        or ((key in lex.words or key in lex.common) and key not in lex.surnames)
    ):
        return  # ("Pastor Training": a word; "Pastor Grant": a surname that is one too)
    st.take(m.start(), m.end(), "professional", "titled:" + key, 55, 0.8)


def _take_name(st: State, start: int, name: str, phrase: bool) -> None:
    """Take the name (less the everyday words it ends with) as a professional's, with the
    other names' redactions it overlaps ("Named [Nurse Morag] Lindsay-Birrell": the phrase
    stays, "[Rev Calum Mac Ille] Mhoire": the title goes with the name)."""
    lex = st.lex
    parts = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", name)]
    keys = [word_key(w) for _, _, w in parts]
    while (
        len(parts) > 1
        and parts[-1][2].isascii()  # "Phì" is no English word, whatever "phi" is
        and (keys[-1] in lex.words or keys[-1] in lex.protected_words)
    ):
        parts, keys = parts[:-1], keys[:-1]  # "Pastor Ann Lee Church": not "Church"
    ranked = len(parts) > 1 and parts[0][2].isupper() and parts[0][2] in _RANKS
    if ranked:  # "Supervisor: PS Rosevear": the rank stays, the surname is a name
        start, parts, keys = start + parts[1][0], parts[1:], keys[1:]
    initial = "." in parts[0][2]
    if len(parts) < 2 and not (initial or ranked):
        return
    surname = [k for k, p in zip(keys, parts, strict=True) if p[2].lower() not in _PARTICLES][-1]
    if surname in lex.protected_words or (not initial and len(parts) == 2 and surname in lex.words):
        return  # "Named Nurse Service", "coach Red Team": words, not a name
    end = start + parts[-1][1] - parts[0][0]
    if not st.free(start, end):
        inside = [c for c in st.cands if c.start < end and start < c.end]
        if any(c.kind not in _OTHER_NAMES or c.end > end for c in inside):
            return  # the record's people, a place, a date: a surer layer's
        for c in inside:
            st.cands.remove(c)
            st.taken[c.start : c.end] = bytes(c.end - c.start)
            if c.start < start and not phrase:
                start = c.start  # "[Pastor Kwabla] Anterkyi": the title goes with the name
            elif c.start < start:  # "Named [Nurse": the phrase stays, and no later layer takes it
                st.taken[c.start : start] = b"\x01" * (start - c.start)
    ident = "pro:" + " ".join(k for k in keys if k)
    st.take(start, end, "professional", ident, 45, 0.8)
    if len(surname) > 2:
        st.remember((surname,), "professional", ident)


def absorb_initials_before(st: State) -> None:
    """An initial and its full stop before a redacted name go with it ("T. Dobbing"); one
    without its full stop too where a name is expected ("Nov. C O'Neill, HV")."""
    text = st.text
    _bare_initials(st)
    _record_initials(st)
    _surname_comma_given(st)
    found = [m.end() for m in _INITIAL_DOT.finditer(text)]
    if not found:
        return
    starts = {c.start: c for c in st.cands if c.kind in NAME_KINDS}
    for at in found:
        c = starts.get(at)
        initial = _INITIAL_BEFORE.search(text, max(0, at - 3), at) if c is not None else None
        if initial is not None and LETTER_LABEL_BEFORE.search(
            text, max(0, initial.start() - 12), initial.start()
        ):
            continue  # "band C. Ahmad worries", "CLASS A. KACPER": a band's letter, a sentence's end
        if c is not None and initial is not None and st.free(initial.start(), at):
            st.taken[initial.start() : at] = b"\x01" * (at - initial.start())
            c.start = initial.start()


# one capital and a space, right before a name, after a mark that opens a name's place
_BARE_INITIAL = re.compile(rf"(?:^|(?<=[:;,(/–\n])|(?<=[.!?] ))[ \t]*(?P<i>{_CAP})[ \t]$")


def _bare_initials(st: State) -> None:
    text = st.text
    for c in st.cands:
        if c.kind not in NAME_KINDS or c.start < 2 or text[c.start - 1] not in " \t":
            continue
        m = _BARE_INITIAL.search(text, max(0, c.start - 6), c.start)
        if m is None or m.group("i") in "AI" or not st.free(m.start("i"), c.start):
            continue
        st.taken[m.start("i") : c.start] = b"\x01" * (c.start - m.start("i"))
        c.start = m.start("i")


# one to three capitals, each with or without a full stop, that end right before a name
_RUN_BEFORE = re.compile(r"(?<![\w'’.-])(?P<i>(?:[A-Z]\.?[ \t]?){1,3})$")


def _record_initials(st: State) -> None:
    """A record person's given initials before their surname go with it: "M L Chan", "ML Chan",
    "M.L. Chan" for the worker Mei Ling Chan, however the cell before them ends ('",M L Chan').
    Only letters that are the initials of an owner of that surname are taken."""
    text, known = st.text, st.known
    if not known.initials:
        return
    for c in st.cands:
        if c.kind not in NAME_KINDS or c.start < 2 or text[c.start - 1] not in " \t.":
            continue
        word = text[c.start : c.end].split()[0]
        owners = known.surname_owners.get(word_key(word))
        if not owners:
            continue
        m = _RUN_BEFORE.search(text, max(0, c.start - 8), c.start)
        if m is None:
            continue
        letters = "".join(ch for ch in m.group("i") if ch.isalpha())
        if known.initials.get(letters + word[0].upper()) not in owners:
            continue
        if st.free(m.start("i"), c.start):
            st.taken[m.start("i") : c.start] = b"\x01" * (c.start - m.start("i"))
            c.start = m.start("i")


def _surname_comma_given(st: State) -> None:
    """A surname in capitals, a comma and a given name are one person, as a directory writes
    them ("Authorised by MCLEAN, David (TM)")."""
    text = st.text
    if ", " not in text:
        return
    by_start = {c.start: c for c in st.cands if c.kind in NAME_KINDS}
    for a in list(by_start.values()):
        surname = text[a.start : a.end]
        if text[a.end : a.end + 2] != ", " or not surname.isupper() or len(surname) < 3:
            continue
        b = by_start.get(a.end + 2)
        if b is None or word_key(text[b.start : b.end].split()[0]) not in st.lex.given:
            continue
        st.cands.remove(b)
        st.taken[a.end : b.end] = b"\x01" * (b.end - a.end)
        a.end = b.end


_VERBS = frozenset(
    {"will", "said", "says", "may", "can", "has", "had", "was", "is", "would", "could", "did"}
    | {"should", "might", "must", "does", "and", "but", "also", "then"}
)


def surname_after_given(st: State, toks: list[Tok], i: int, j: int) -> bool:
    """Whether the word ``j``, after a title ``i`` and a given name, is the surname however
    everyday ("Mr Stephen Lord", "Mrs Jenny Clay"): not a protected word, same line."""
    u = toks[j]
    return (
        j == i + 2
        and toks[i + 1].key in st.lex.given
        and u.key not in st.lex.protected_words
        # a verb's word is the surname where no clause goes on after it: "Dr Omar Said
        # (paediatrics)", not "Mrs Jenny Said she would"
        and (u.key not in _VERBS or _NO_CLAUSE_AFTER.match(st.text, u.end) is not None)
        and "\n" not in st.text[toks[i + 1].end : u.start]
    )


_NO_CLAUSE_AFTER = re.compile(r"[ \t]*(?:[(,;:)]|\.(?!\w)|\n|\Z)")


# an officer's collar number after their rank and name: "PC S MARCHANT 8812", "DC Amy Lowe
# 4410" (a form's next field is a word, not a number)
_RANK = re.compile(r"(?:PCSO|PC|DC|DS|DI|DCI|PS|SGT|Sgt)\.?[ \t]")
_COLLAR_AFTER = re.compile(r"[ \t]+\d{3,5}(?![\w/.:-]|\.\d|[ \t]*(?:%|am|pm|hrs))")


def join_collar_numbers(st: State) -> None:
    """Widen an officer named by rank to the collar number written after the name."""
    text = st.text
    for c in st.cands:
        if c.kind != "professional" or not _RANK.match(text, c.start):
            continue
        m = _COLLAR_AFTER.match(text, c.end)
        if m is not None and st.free(c.end, m.end()):
            st.grow(c, c.start, m.end())
