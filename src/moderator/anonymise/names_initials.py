"""Initials that a note gives a person beside their name, and initials written with hyphens.

* **Initials in brackets after a name** (``Fern Castellane (FC, IDVA)``, ``Ms Quentin-Ashperton
  (QA, DSL)``, ``DI Oxenholme (DIO, police chair)``) are that person's, wherever they recur
  (``disclosed to FC``, ``QA: attendance dropped``), when their letters agree with the name:
  drawn in order from its words (a rank's letters too), or its first and last initials. The
  capitals may be of any alphabet (``Łukasz Wiśniewski (ŁW, dad)``) and end in a lower-case
  letter or two (``Steve Brindley (SBr, …)``); a role's letters (``TA``) only when they are
  exactly the name's initials (``Tom Ashworth (TA, HR)``), and not where an article makes
  them the role (``a TA in class``).
* **A surname's initials after a known given name** (``Ember R-K``, ``Teodor A-P``) and a
  **known person's initials with hyphens or spaces** (``H-M T``, ``H.M.T``), or with a
  possessive ``s`` and no apostrophe (``TJs football``), are that person.
* **The full stop of an initial** after a name goes with it (``Renata B.``).
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import HONORIFICS, ROLE_CUES
from moderator.anonymise.layer_initials import after_article, in_shouted_line
from moderator.anonymise.lexicon import whole_words
from moderator.anonymise.names_streets import BRACKETED as _BRACKETED
from moderator.anonymise.names_streets import streets_that_are_people
from moderator.anonymise.nearby import for_text
from moderator.anonymise.state import NAME_KINDS, Cand, State

_HYPHEN_OR_DOT = frozenset("-.")
_LETTERS = re.compile(r"[^\W\d_]+")  # a word's runs of letters (its parts, or an initial's letters)
# "R-K", "A-P", "R.K." after a given name: a surname's initials
_HYPHEN_INITIALS_AFTER = re.compile(r"[ \t]+(?P<i>[A-Z](?:[-.][A-Z]){1,2}\.?)(?![\w'’-])")
# "H-M T", "H.M.T", "J-P": initials written with hyphens, dots or single spaces
_HYPHEN_TAIL = re.compile(r"(?<=[A-Z])(?:[-.][A-Z]){1,2}\.?(?![\w'’-])")
# (each starts with its capital, the look-behind after it: the engine skips to capitals)
# "H-M T", "H.M.T" (initials with hyphens, dots or spaces), "MP-R" (a double-barrelled
# surname's) or "TJs" (with an s), in one scan
# that starts at capitals (the look-behind after the first one)
_INITIALS_FORMS = re.compile(
    r"[A-Z](?<![\w'’.-][A-Z])(?:(?P<s>[A-Z]{1,2}s)|[A-Z]-[A-Z]{1,2}|(?:(?:-|\.[ \t]?|[ \t])[A-Z]){1,3}\.?)"
    r"(?![\w'’-])"
)
_KNOWN = frozenset({"child", "family"})
_KNOWN_OR_WORKER = frozenset({"child", "family", "worker"})
# "KT-L", "YP-D": initials whose last part, after a hyphen, is a double-barrelled surname's
_HYPHENED_PART = re.compile(r"-[A-Z]{1,2}(?![\w'’-])")
_DOT_AFTER_INITIAL = re.compile(r"(?<=[ \t][A-Z])\.(?![\w])")


def _initial_letters(words: list[str]) -> list[str]:
    """The letters a name's words give its initials: each word's and hyphen part's first
    letter; a rank written in capitals gives all its letters (``DI`` Oxenholme: D, I, O)."""
    out: list[str] = []
    for w in words:
        if w.isupper() and len(w) <= 4:
            out.extend(w)
        else:
            out.extend(p[0].upper() for p in _LETTERS.findall(w))
    return out


def _subsequence(letters: str, of: list[str]) -> bool:
    it = iter(of)
    return all(ch in it for ch in letters)


# a title or a rank written with a name gives no initial ("Nurse Helen Tapp (HT)")
_TITLES = frozenset(HONORIFICS) | {"nurse", "coach", "matron", "paramedic", "sister", "pastor"}


def agree_initials(initials: str, name: str) -> bool:
    """Whether initials are plausibly those of ``name`` as written."""
    letters = initials.replace("'", "").replace("’", "").replace("-", "")
    words = name.replace("'", " ").replace("’", " ").split()
    every = _initial_letters(words)
    if len(letters) >= 2 and _subsequence(letters, every) and letters[0] == every[0]:
        return True
    # (a title, a rank and an officer's number are not the name's: "PC 0812 Darren Hope (DH)")
    plain = _initial_letters(_bare_words(name))
    if len(plain) < 2 or len(letters) < 2:
        return False
    return letters[0] == plain[0] and letters[-1] == plain[-1] and _subsequence(letters, every)


def _bare_words(name: str) -> list[str]:
    """A name's words without its title, rank or officer's number."""
    words = name.replace("'", " ").replace("’", " ").split()
    return [w for w in words if w.lower().rstrip(".") not in _TITLES and not w[0].isdigit()]


def _plain_letters(name: str) -> list[str]:
    """The initials of a name's words without its title or rank ("Mr Tom Ashworth": T, A)."""
    return _initial_letters(_bare_words(name))


def _take_everywhere(st: State, initials: str, c: Cand, role: bool = False) -> None:
    text = st.text
    for start, end in whole_words(text, initials):
        if (
            role
            and text[start - 1 : start] != "("
            and (after_article(text, start) or in_shouted_line(text, start))
        ):
            continue  # "a TA in class": the role
        if st.free(start, end):
            st.take(start, end, c.kind, c.ident, 52)


def find_bracketed_initials(st: State) -> None:
    """Initials in brackets after a redacted name are that person's, wherever they recur.
    A given name kept as a word (``Mark``, ``Max``) followed by initials that begin with its
    letter (``Mark (MW, student SW)``) is the person's name, and the initials theirs."""
    text = st.text
    lex = st.lex
    for k in list(st.kept):
        if k.kind not in NAME_KINDS or "(" not in text[k.end : k.end + 3]:
            continue
        m = _BRACKETED.match(text, k.end)
        initials = m.group("i") if m is not None else ""
        if (
            m is not None
            and 2 <= len(initials) <= 3
            and initials.isupper()
            and initials[0] == text[k.start]
            and initials not in lex.acronyms
            and st.free(k.start, k.end)
        ):
            start = m.start("i")
            # initials a layer took already say whose they are ("MW" as a professional's)
            theirs = next((c for c in st.cands if c.start == start and c.kind in NAME_KINDS), None)
            kind, ident = (theirs.kind, theirs.ident) if theirs is not None else (k.kind, k.ident)
            st.kept.remove(k)
            st.take(k.start, k.end, kind, ident, 52, 0.8)
            if theirs is None:
                _take_everywhere(st, initials, st.cands[-1])
    streets_that_are_people(st)
    people = [c for c in st.cands if c.kind in NAME_KINDS]
    by_end = {c.end: c for c in people}
    for c in people:
        word = (
            _WORD_BEFORE_BRACKET.match(text, c.end) if "(" not in text[c.end : c.end + 3] else None
        )
        if word is not None and st.free(c.end, word.end()):
            end = word.end()  # "PC 0812 Darren Hope (DH)": a surname that is a word, then initials
        elif "(" in text[c.end : c.end + 3]:
            end = c.end
        else:
            continue
        m = _BRACKETED.match(text, end)
        if m is None or not st.free(m.start("i"), m.end("i")):
            continue
        initials = m.group("i")
        capitals = initials.rstrip("abcdefghijklmnopqrstuvwxyz")
        if (
            len(initials) - len(capitals) > 2
            or sum(ch.isupper() for ch in capitals) < 2
            or not all(ch.isupper() or ch in "'’-" for ch in capitals)
        ):
            continue  # "(Mum, …)", "(McD)": a word or a name, not initials
        name = text[_name_start(st, c, by_end) : end]
        if initials.lower() in ROLE_CUES:
            # "Tom Ashworth (TA, HR)": a role's letters that are exactly the name's initials
            # are the person's there, and where no article or capitals make them the role
            if capitals == "".join(_plain_letters(name)):
                _take_everywhere(st, initials, c, role=True)
            continue
        if initials in lex.acronyms and len(initials) < 2:
            continue
        if end > c.end:
            if capitals != "".join(_plain_letters(name)):
                continue  # the word after the name is its surname only if the initials say so
            st.grow(c, c.start, end)
            if c.ident.startswith("collar:"):  # the officer is known by name now, as later
                c.ident = "p:" + " ".join(_bare_words(name)).lower()
        if agree_initials(capitals, name) or (  # "Kiera-Brielle Musbury (KJ)": what they call her
            # (or "DC Alid Gwynfar-Bainis (ADS, Suffolk Constabulary)": the initials a note
            # gives a named person, from the first letter of their given name)
            " " in name and initials[0] == name[0] and initials not in lex.acronyms
        ):
            _take_everywhere(st, initials, c)


_WORD_BEFORE_BRACKET = re.compile(r"[ \t]+[A-Z][a-z'’-]+(?=[ \t]?\()")


def _name_start(st: State, c: Cand, by_end: dict[int, Cand]) -> int:
    """Where the name ``c`` ends starts: a given name taken apart from the surname ``c``
    ("Liam" "Marchment", one person) is part of it, for the initials after it to agree."""
    text = st.text
    for gap in (1, 2):
        d = by_end.get(c.start - gap)
        if d is not None and d.ident == c.ident and text[d.end : c.start].strip(" \t-") == "":
            return d.start
    return c.start


# initials opening an item of an attendance list, before the role and name they stand for:
# "| JA GTLO Juno Armitstead, …", "; PV interpreter (Mr Ilie Vornicu)"
# (from the separator before them: a pattern that starts with "^" or a look-behind is tried at
# every position, one that starts with a class only at its characters; the note's start apart)
_LISTED_FIRST = re.compile(r"[ \t]*(?P<i>[A-Z]{2,3})[ \t]+(?=[A-Za-z])")
_LISTED = re.compile(r"[|;\n]" + _LISTED_FIRST.pattern)
_ITEM_END = re.compile(r"[|;\n]")


def find_listed_initials(st: State) -> None:
    """Initials opening a list item are those of the redacted name in that item, when their
    letters agree with it; they are that person wherever they recur ("School (JA): …")."""
    text = st.text
    if "|" not in text and ";" not in text:
        return
    lex = st.lex
    first = _LISTED_FIRST.match(text)
    for m in [first, *_LISTED.finditer(text)] if first else _LISTED.finditer(text):
        initials = m.group("i")
        if initials.lower() in ROLE_CUES or initials in lex.acronyms:
            continue
        if not st.free(m.start("i"), m.end("i")):
            continue
        stop = _ITEM_END.search(text, m.end())
        end = stop.start() if stop is not None else len(text)
        for c in st.cands:
            if (
                c.kind in NAME_KINDS
                and m.end() <= c.start < end
                and " " in text[c.start : c.end]
                and agree_initials(initials, text[c.start : c.end])
            ):
                _take_everywhere(st, initials, c)
                break


# "DB Gureng", "D-L Bright", "D.B. Gureng": a person's given names by their initials, before
# the surname (searched in the few characters before a redacted surname, up to it)
_GIVEN_INITIALS_BEFORE = re.compile(
    r"(?<![\w'’.-])[A-Z](?:(?:[-.][ \t]?|[ \t])?[A-Z]){1,2}\.?[ \t]+$"
)


def join_given_initials(st: State) -> None:
    """Initials before a surname of the record are the person whose given names they are
    ("DB Gureng" for Dul Bahadar Gureng, "D-L Bright" for Dawn-Lee Bright), whole."""
    text = st.text
    case = st.case
    by_key: dict[tuple[str, str], int] | None = None
    people = st.known.people
    for c in st.cands:
        if c.kind not in _KNOWN:
            continue
        before = text[max(0, c.start - 3) : c.start]  # quick: a capital or a dot just before
        if (
            len(before) < 2
            or before[-1] not in " \t"
            or not (before[-2].isupper() or before[-2] == ".")
        ):
            continue
        m = _GIVEN_INITIALS_BEFORE.search(text, max(0, c.start - 9), c.start)
        if m is None:
            continue
        letters = "".join(_LETTERS.findall(m.group()))
        if by_key is None:
            by_key = _by_given_initials(case.child.name, *(p.name for p in case.family))
        who = by_key.get((letters, text[c.start : c.end].lower()))
        if who is None:
            continue
        inside = [o for o in st.cands if m.start() <= o.start and o.end <= m.end()]
        if any(o.kind not in NAME_KINDS for o in inside):
            continue
        for o in inside:
            st.cands.remove(o)
        st.taken[m.start() : c.start] = b"\x01" * (c.start - m.start())
        c.start, c.kind, c.ident = m.start(), people[who].kind, people[who].label


def _by_given_initials(*names: str) -> dict[tuple[str, str], int]:
    """(initials of the given names, surname) -> which of ``names`` it is."""
    by_key: dict[tuple[str, str], int] = {}
    for index, name in enumerate(names):
        words = name.split()
        if len(words) > 1:
            given = "".join(p[0].upper() for w in words[:-1] for p in _LETTERS.findall(w))
            by_key.setdefault((given, words[-1].lower()), index)
    return by_key


def _surname_letters(st: State) -> dict[str, str]:
    """Each known person's placeholder label -> the initials of their surname's parts."""
    case = st.case
    out: dict[str, str] = {}
    names = [
        case.child.name,
        *(m.name for m in case.family),
        *([case.worker] if case.worker else []),
    ]
    labels = [p.label for p in st.known.people]
    for name, label in zip(names, labels, strict=False):
        words = name.split()
        if len(words) > 1:
            out.setdefault(label, "".join(p[0].upper() for p in _LETTERS.findall(words[-1])))
    return out


def find_initials_forms(st: State) -> None:
    """A surname's initials after a known given name, a known person's initials written with
    hyphens or spaces or with a possessive ``s``, and an initial's full stop."""
    text = st.text
    surnames: dict[str, str] | None = None
    for c in st.cands:
        if c.kind not in NAME_KINDS:
            continue
        after = text[c.end : c.end + 3]
        if after[:1] == "." and _DOT_AFTER_INITIAL.match(text, c.end) and st.free(c.end, c.end + 1):
            st.taken[c.end] = 1
            c.end += 1  # "Renata B.": the initial's full stop
            continue
        if c.kind not in _KNOWN_OR_WORKER or (
            after[2:3] not in _HYPHEN_OR_DOT and after[:1] != "-"
        ):
            continue  # quick: no "R-K" after the name, no "-K" after its "R"
        if after[:1] == "-" and _extend_hyphened(st, c):
            continue
        m = _HYPHEN_INITIALS_AFTER.match(text, c.end)
        if m is None:
            tail = _HYPHEN_TAIL.match(text, c.end) if text[c.end - 2 : c.end - 1] == " " else None
            if tail is not None and st.free(c.end, tail.end()):
                st.taken[c.end : tail.end()] = b"\x01" * (tail.end() - c.end)
                c.end = tail.end()  # "R" taken with the name ("Kayden R"), "-K" left
            continue
        if surnames is None:
            surnames = _surname_letters(st)
        letters = "".join(_LETTERS.findall(m.group("i")))
        if letters == surnames.get(c.ident) and st.free(c.end, m.end()):
            st.taken[c.end : m.end()] = b"\x01" * (m.end() - c.end)
            c.end = m.end()
    _initials_written_apart(st)


def _extend_hyphened(st: State, c: Cand) -> bool:
    """Initials taken as a known person's ("KT" of Kristjan Tamm-Lepik) take the hyphened
    part after them when all the letters are that person's initials too ("KT-L")."""
    text = st.text
    written = text[c.start : c.end]
    if not (2 <= len(written) <= 3 and written.isalpha() and written.isupper()):
        return False
    m = _HYPHENED_PART.match(text, c.end)
    if m is None or not st.free(c.end, m.end()):
        return False
    person = st.known.initials.get(written + m.group()[1:])
    if person is None or st.known.people[person].label != c.ident:
        return False
    st.taken[c.end : m.end()] = b"\x01" * (m.end() - c.end)
    c.end = m.end()
    return True


def _initials_written_apart(st: State) -> None:
    """A known person's initials with hyphens, dots or spaces ("H-M T") or an ``s`` ("TJs")."""
    known = st.known
    for m in for_text(_INITIALS_FORMS, st.text).finditer(st.text):  # quicker classes if ASCII
        if m.group("s") is not None:  # "TJs": no acronym ("GPs")
            letters = m.group()[:-1]
            if letters in st.lex.acronyms:
                continue
        else:
            letters = "".join(_LETTERS.findall(m.group()))
            if len(letters) < 3:
                continue
        who = known.initials.get(letters)
        if who is not None and st.free(m.start(), m.end()):
            _take_person(st, m.start(), m.end(), who)


def _take_person(st: State, start: int, end: int, who: int) -> None:
    person = st.known.people[who]
    st.take(start, end, person.kind, person.label, 60)
