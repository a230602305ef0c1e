"""People's initials in every way minutes, lists and logs write them.

:mod:`.layer_initials` finds two or three plain capitals in minutes; people's initials are
also written with ``Mc``, ``Mac`` or ``O'`` (``KMcG``, ``MO'R``), accents (``KŠ``), dots
(``S.Y.``, ``U.C.``) or a hyphen (``H-I B``). Such initials are a person's, wherever they
recur in the note, when they stand:

* before a role or a name in brackets (``KMcG (Head of Year, …)``, ``U.C. (Zeeshan, 12)``),
  any bracket in an attendance or members list (``DH (health)``);
* after a field that names a person (``Student: DG``, ``Case officer: MP (…)``);
* opening an action (``KMcG - mentoring``) or an attendance list's item before a role
  (``; LH DSL Burrowmoor Academy``, ``| OS DSL … Oriana Scurr``: the name with it too);
* alone at a line's end after a sentence, as a note is signed (``… about it. S.Y.``);
* written with a dot after each letter, anywhere (``a player, J.M.;``, ``Signed: F.A.,
  D.A.``), unless a dotted abbreviation (``U.K.``, ``a.m.``, ``R.I.P.``).

A known acronym (``UC``, ``DSL``) or protected word is no one's initials unless a name that
agrees with the letters is beside it; initials that fold to a known person's (``KŠ``, ``KS``)
are that person.
"""

from __future__ import annotations

import re
import unicodedata

from moderator.anonymise.initials_columns import column_initials, signed_initials
from moderator.anonymise.initials_found import AFTER_A_TIME
from moderator.anonymise.layer_initials import (
    DIRECTIONS,
    _role_kind,
    after_article,
    in_shouted_line,
)
from moderator.anonymise.lexicon import whole_words, word_key
from moderator.anonymise.references import lowered, present
from moderator.anonymise.state import State

# capitals of the Latin alphabets, as ranges (a class of each letter is checked letter by
# letter: slow); Latin Extended-A and -B hold small letters too, a small imprecision
_CAPITALS = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f"
_U = f"[{_CAPITALS}]"
# initials: dotted ("S.Y."), with Mc/Mac/O' ("KMcG", "MO'R"), hyphenated ("H-I B", "D Q-F")
_TOKEN = (
    rf"(?:{_U}\.(?:[ \t]?{_U}\.){{1,3}}|{_U}{{1,2}}(?:Mc|Mac|O['’]){_U}{{1,2}}"
    rf"|{_U}-{_U}(?:[ \t]{_U}(?![\w'’.-]))?|{_U}[ \t]{_U}-{_U}|{_U}{{2,4}})"
)
_EDGE_BEFORE = r"(?<![\w'’.-])"
_EDGE_AFTER = r"(?![\w'’-])"
# (each is tried only at a mark found by str.find: a bracket, a colon, a dash, a line's end)
_TOKEN_BEFORE = re.compile(rf"{_EDGE_BEFORE}(?P<i>{_TOKEN}){_EDGE_AFTER}[ \t]*$")
_ROLE = re.compile(r"\((?P<role>[^()\n]{1,90})\)")
# the fields that name a person: "Student: DG", "Case officer: MP (…)"
_FIELDS = ("student", "pupil", "case officer", "logged by", "worker", "key worker", "named person",
           "lead practitioner", "lead professional", "practitioner", "recorded by", "reviewed by",
           "allocated to", "supervisor", "manager", "author", "minutes", "note taker",
           "interviewer")  # fmt: skip
# (not a rank before a name: "Supervisor: PS Rosevear")
_FIELD_VALUE = re.compile(rf"[ \t]*(?P<i>{_TOKEN}){_EDGE_AFTER}(?![ \t]+[A-Z])")
_ACTION_AFTER = re.compile(r"[ \t]+(?=[a-z])")  # "KMcG - mentoring"
_ACTION_BEFORE = re.compile(r"(?:(?m:^)|[.;:][ \t]{1,2})[ \t>*•]*$")
_SIGNED_BEFORE = re.compile(r"(?:[.!?)\"”][ \t]|(?m:^)[ \t]*)$")
_HEADERS = ("attendees", "attendance", "attended", "present", "members", "apologies",
            "invited", "core")  # fmt: skip
# an item opens a line, follows "|" or ";", or a wide gap (items side by side: "SC - mother
#    NR - social worker"); it ends at the next of these
_ITEM = re.compile(
    rf"(?:(?m:^)|(?<=[|;\t])|(?<=\S   ))[ \t>*•-]*(?P<i>{_TOKEN})[ \t]+"
    r"(?P<rest>(?:[^|;\n\t ]|[ ](?![ ]{2}))+)"
)
# a line of an attendance list under its header: initials, then a dash, colon or bracket
# (a rank's number may come between: "DC 3318 SA – Northumbria Police")
_ITEM_LINE = re.compile(rf"[ \t>*•-]*{_TOKEN}{_EDGE_AFTER}(?:[ \t][\w ]{{0,12}}?)?[ \t]*[-–:(,]")
# an attendance list: its header's line, and the next line when the header ends it
_LIST_LINE = re.compile(
    r"(?im)^[ \t>*•-]*(?:attendees|attendance|present|in[ \t]+attendance|attended|members"
    r"|panel[ \t]+members|apologies|invited|core[ \t]+group)\b[^\n:]{0,30}:"
    r"(?:[ \t]*\n[^\n]*|[^\n]*)$"
)
_NAME = re.compile(r"(?:[A-Z][\w'’-]+[ \t]+)+[A-Z][\w'’-]+")


def _list_lines(text: str) -> list[tuple[int, int]]:
    """The spans of ``_LIST_LINE.finditer(text)``, matched only where a line starts (its ``^``:
    the scan tried it at every position), in order from the last match's end."""
    out: list[tuple[int, int]] = []
    at = end = 0
    while at >= 0:
        if at >= end and (m := _LIST_LINE.match(text, at)) is not None:
            end = m.end()
            while end < len(text) and _ITEM_LINE.match(text, end + 1):  # the list's next lines
                nxt = text.find("\n", end + 1)
                end = len(text) if nxt < 0 else nxt
            out.append((m.start(), end))
        at = text.find("\n", at)
        at = at + 1 if at >= 0 else -1
    return out


_GIVEN_FIRST = re.compile(r"[ \t]*(?P<g>[A-Z][\w'’-]+)")


def _letters(token: str) -> str:
    """The capitals of initials, folded to plain letters ("KŠ" -> "KS", "KMcG" -> "KMG")."""
    plain = unicodedata.normalize("NFD", token)
    return "".join(c for c in plain if "A" <= c <= "Z")


def find_more_initials(st: State) -> None:
    """Initials with ``Mc``/``O'``, accents, dots or hyphens, and plain ones in the places
    :mod:`.layer_initials` does not look (see the module's text), redacted where they recur."""
    text = st.text
    people: dict[str, tuple[str, str]] = {}  # initials as written -> (kind, ident)
    lower, words = lowered(text)
    headed = any(h in words for h in _HEADERS)
    lists = _list_lines(text) if headed else []

    def in_list(at: int) -> bool:
        return any(a <= at < b for a, b in lists)

    for p in _marks(text, "("):
        before = _TOKEN_BEFORE.search(text, max(0, p - 16), p)
        bracket = _ROLE.match(text, p) if before is not None else None
        if before is None or bracket is None:
            continue
        token, role = before.group("i"), bracket.group("role")
        given = _GIVEN_FIRST.match(role)
        who = st.known.given_keys.get(word_key(given.group("g"))) if given else None
        if who is not None and "." in token:  # "U.C. (Zeeshan, 12)": the record's person
            person = st.known.people[who]
            people.setdefault(token, (person.kind, person.label))
            continue
        # "MP (Merrick …)", and after the role: "NO (school nurse, Nadia Osei)"
        pieces = (role, *role.split(",")[1:])
        if any(
            (named := _NAME.match(piece.strip())) is not None
            and _a_name(st, token, named.group().split())
            for piece in pieces
        ):
            people.setdefault(token, ("professional", f"init:{token}"))
            continue
        if _a_word(st, token):
            continue  # "DSL (…)", "LOG (…)": an acronym or a word, whatever the bracket says
        kind = _role_kind(role)
        if kind is not None or in_list(p):
            _note(st, people, token, kind or "professional")
    fields = present(text, _FIELDS)[1]  # the fields whose words the note holds
    for p in _marks(text, ":", anywhere=True) if fields else ():
        field = lower[max(0, p - 20) : p].rstrip(" \t")
        if field.endswith(fields) and (m := _FIELD_VALUE.match(text, p + 1)) is not None:
            _note(st, people, m.group("i"), "professional")
    for p in [*_marks(text, " - "), *_marks(text, " – ")]:
        before = _TOKEN_BEFORE.search(text, max(0, p - 16), p + 1)
        if (
            before is not None
            and _ACTION_AFTER.match(text, p + 2)
            and _ACTION_BEFORE.search(text, max(0, before.start() - 6), before.start())
        ):
            _note(st, people, before.group("i"), "professional")
    for p in [*_marks(text, "\n"), len(text)]:
        before = _TOKEN_BEFORE.search(text, max(0, p - 16), p)
        if before is None or not _SIGNED_BEFORE.search(
            text, max(0, before.start() - 4), before.start()
        ):
            continue
        token = before.group("i")
        if _letters(token) != token or not token.isalpha():
            _note(st, people, token, "professional")  # "S.Y.", "H-I B": not "OK"
    for token in column_initials(text) if "|" in text or "\t" in text or "," in text else ():
        _note(st, people, token, "professional")  # "| Logged by |" column's "AH"
    for token in signed_initials(text):  # "HB / IRO": initials, though "HB" is an acronym too
        if token not in people and token.lower() not in st.lex.common:
            people[token] = whose(st, token, "professional", token)
    for a, b in lists:
        _list_items(st, people, a, b)
    if ". " in text or ".," in text or ".;" in text or ".\n" in text:
        _dotted(st, people)
    _take(st, people)


# initials written with a dot after each letter, anywhere ("a player, J.M.;", "two, AF and
# R.M.", "Signed: F.A., D.A."): a person's, unless they are a dotted abbreviation
# (from the first capital, the look-behind after it: the engine skips to a capital)
_DOTTED = re.compile(r"[A-Z](?<![\w.][A-Z])\.(?:[ \t]?[A-Z]\.){1,2}(?![\w])")
_ABBREVIATIONS = frozenset(
    {"UK", "US", "USA", "EU", "AM", "PM", "NB", "EG", "IE", "RIP", "DOB", "PS", "BA", "MA",
     "MP", "AKA", "PTO", "VIP", "TV", "ID", "OK", "PE", "RE", "ASAP", "CC", "GP", "PC", "DC",
     "BC", "AD", "UN", "QC", "KC", "JP", "MD", "PHD", "MSC", "BSC", "BBC", "NHS", "ETA", "RSVP",
     "AWOL", "DIY", "ST", "NO", "MR", "MRS", "MS", "DR"}
)  # fmt: skip


def _dotted(st: State, people: dict[str, tuple[str, str]]) -> None:
    for m in _DOTTED.finditer(st.text):
        token = m.group()
        letters = _letters(token)
        if token in people or letters in _ABBREVIATIONS:
            continue
        people[token] = whose(st, letters, "person", letters)


def _list_items(st: State, people: dict[str, tuple[str, str]], a: int, b: int) -> None:
    """Attendance items opening with initials before a role (``LH DSL Burrowmoor …``), with
    the item's name whose letters agree (``OS DSL … Oriana Scurr``)."""
    text = st.text
    for m in _ITEM.finditer(text, a, b):
        token, rest = m.group("i"), m.group("rest")
        words = rest.lstrip("-–: \t").split()  # "NR – DSL, …", "KM - Health Visitor"
        if not words:
            continue
        role = words[0] if words[0].isupper() else " ".join(words[:3])
        if _role_kind(role) is None and not (words[0].isupper() and words[0] in st.lex.acronyms):
            continue
        for i in range(len(words)):
            window = next(
                (words[i:j] for j in (i + 2, i + 3) if _a_name(st, token, words[i:j])), None
            )
            if window is None:
                continue
            at = text.find(" ".join(window), m.start("rest"), m.end("rest"))
            ident = f"init:{token}"
            people.setdefault(token, ("professional", ident))
            if at >= 0 and st.free(at, at + len(" ".join(window))):
                st.take(at, at + len(" ".join(window)), "professional", ident, 52)
            break
        else:
            _note(st, people, token, "professional")


def _marks(text: str, mark: str, anywhere: bool = False) -> list[int]:
    """Where ``mark`` occurs in the text (``anywhere``) or after a capital or a full stop (past
    spaces), as initials before it end: the only places their patterns are tried."""
    out = []
    at = text.find(mark)
    while at >= 0:
        if anywhere:
            if at and not text[at - 1].isdigit():  # not a time's colon ("10:40")
                out.append(at)
            at = text.find(mark, at + 1)
            continue
        end = at
        while end > 0 and text[end - 1] in " \t":
            end -= 1
        # (a full stop only after a capital: "S.Y." ends so, a sentence seldom does)
        if end > 1 and (
            text[end - 1].isupper() or (text[end - 1] == "." and text[end - 2].isupper())
        ):
            out.append(at)
        at = text.find(mark, at + 1)
    return out


def _a_name(st: State, token: str, words: list[str]) -> bool:
    """Whether ``words`` are a person's name that the initials ``token`` stand for: capitalised
    words, none an everyday word or acronym ("Inter-agency Referral Discussion" is none)."""
    if len(words) < 2 or not all(w[:1].isupper() and not w.isupper() for w in words):
        return False
    if any(word_key(w) in st.lex.common for w in words):
        return False
    letters = _letters(token)
    return letters[0] == _letters(words[0][:1]) and letters[-1] == _letters(words[-1][:1])


def _a_word(st: State, token: str) -> bool:
    """Whether plain capitals are an acronym or a word, not the record's people's initials."""
    plain = token.isalpha() and token.isascii() and token.isupper()
    word = plain and (
        token in st.lex.acronyms
        or token.lower() in st.lex.protected_words
        or (len(token) > 2 and token.lower() in st.lex.words)  # "TEXT LOG (mum's phone)"
    )
    return word and token not in st.known.initials


def _note(st: State, people: dict[str, tuple[str, str]], token: str, kind: str) -> None:
    """Keep ``token`` as a person's initials unless it is an acronym or a word."""
    letters = _letters(token)
    if len(letters) < 2 or token in people:
        return
    if _a_word(st, token):
        return
    if token.replace(".", "") in st.known.initials:
        people[token] = whose(st, token.replace(".", ""), kind, token)
    elif letters in st.known.initials or token not in DIRECTIONS:  # ("IN (mum): ok": a log's)
        people[token] = whose(st, letters, kind, token)


def whose(st: State, letters: str, kind: str, token: str) -> tuple[str, str]:
    """The kind and placeholder of initials: the record's person whose they are, or someone
    the note names by ``token`` alone (as ``kind``)."""
    owner = st.known.initials.get(letters)
    if owner is None:
        return kind, f"init:{token}"
    person = st.known.people[owner]
    return person.kind, person.label


def _take(st: State, people: dict[str, tuple[str, str]]) -> None:
    text = st.text
    for token, (kind, ident) in people.items():
        # initials that spell a role or a word: not after an article ("a TA in class") nor
        # in a line written in capitals ("SAID IT WAS")
        worded = token in st.lex.acronyms or token.lower() in st.lex.common
        for start, end in whole_words(text, token):
            if not st.free(start, end) or (
                token in ("AM", "PM") and AFTER_A_TIME.search(text, max(0, start - 3), start)
            ):
                continue
            if worded and (after_article(text, start) or in_shouted_line(text, start)):
                continue
            if st.opens_phrase(start, token.lower()):
                continue  # "MS Teams", though MS wrote the log: the protected phrase
            st.take(start, end, kind, ident, 52)
