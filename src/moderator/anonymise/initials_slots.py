"""The record's people's initials where they spell an acronym, in the places a record writes a
person and an acronym does not stand.

A worker called Peter Morgan signs ``PM``, one called Tanveer Ahmed ``TA``: letters a note also
uses for the afternoon and a teaching assistant, so :mod:`.layer_known` takes such initials
only where a person speaks, signs or owns an action. Records also write their author:

* after a visit: ``Home visit PM: tree up``, ``Joint visit PM and DS Kent``;
* before the stamp of a date or time: ``Received FA 08/02/25``, ``ALLOCATED PM 07/04``,
  ``triage note, HB, 11.03.25``;
* after an allocation or a message's sender: ``allocate to PM.``, ``Email from FA:``,
  ``Reply from HB 10/03``; after ``by`` where the clause ends: ``referral made by NO.``;
* in brackets with a date or time, or beside another person there: ``(MH, Sun 16/03/25
  10:20)``, ``(PG/IT)``, ``(PM, DS Ollie Kent, Mrs Powles)``, ``(AM with TM Rob Ellerby``,
  ``(KA → FA)``; alone in brackets after a stamp: ``24/06/2025 (TM)``.

Only the initials of the record's own people are read so; an acronym written with an article
(``the TA``) or as a word of a sentence stays.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import ROLE_CUES
from moderator.anonymise.layer_known import take_known
from moderator.anonymise.lexicon import Lexicon
from moderator.anonymise.state import State

_LETTERS = re.compile(r"(?<![\w'’.&/-])[A-Z]{2,3}(?![\w'’&-])")
_DAY = r"\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?"
_VISIT_BEFORE = re.compile(
    r"(?i:\b(?:home|joint|school|unannounced|announced|office|virtual|video|hospital|follow-up)"
    r"[ \t]+visit)[ \t]+\Z"
)
_SENDER_BEFORE = re.compile(
    r"(?i:\b(?:allocated(?:[ \t]+to)?|allocate[ \t]+to|re-?allocated[ \t]+to|open[ \t]+to"
    r"|(?:e-?mail|reply|message|text|call)[ \t]+from|received|compiled))[ \t]+\Z"
)
_BY_BEFORE = re.compile(r"\bby[ \t]+\Z")
# what is paid or caused by an acronym's service or condition: "rent paid by HB."
_PAID_BY = re.compile(
    r"(?i:\b(?:paid|funded|covered|caused|affected|met|supported)[ \t]+by)[ \t]+\Z"
)
_STAMP_AFTER = re.compile(rf",?[ \t]+(?:{_DAY}|\d{{1,2}}:\d{{2}})(?![\d])")
_CLAUSE_END = re.compile(r"[ \t]*(?:[.;,)]|:|\n|\Z)")
_VISIT_AFTER = re.compile(r"[ \t]*(?:[.:;,)]|\n|\Z|[ \t](?:and|with)\b)")
_STAMP_BEFORE = re.compile(rf"(?:{_DAY}|\d{{1,2}}:\d{{2}})[ \t]*\([ \t]*\Z")
_BRACKET = re.compile(r"\(([^()\n]{2,80})\)")
_ITEM_SPLIT = re.compile(r"[ \t]*(?:[,/;]|→|->|[ \t]with[ \t]|[ \t]and[ \t])[ \t]*")
_STAMP_IN = re.compile(rf"{_DAY}|\d{{1,2}}:\d{{2}}")
_PERSON_IN = re.compile(
    r"[A-Z]{2,3}|(?:Mr|Mrs|Ms|Miss|Dr|DS|DC|PC|TM|SW|IRO)\.?(?:[ \t]+[A-Z][a-z'’-]+)+"
)


def find_initials_in_slots(st: State) -> None:
    """Take the record's people's initials where a record writes a person (see the module)."""
    known = st.known
    if not known.initials:
        return
    text = st.text
    for m in _LETTERS.finditer(text):
        letters = m.group()
        owner = known.initials.get(letters)
        if owner is None or not st.free(m.start(), m.end()):
            continue
        if _in_slot(st.lex, text, m.start(), m.end()):
            take_known(st, m.start(), m.end(), owner, 0.7)


def _in_slot(lex: Lexicon, text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands where a record writes a person (see the module)."""
    lo = max(0, start - 30)
    if _VISIT_BEFORE.search(text, lo, start) and _VISIT_AFTER.match(text, end):
        return True
    role = text[start:end].lower() in ROLE_CUES  # ("email from GP", "(AH, TM)": the role)
    if (
        not role
        and _SENDER_BEFORE.search(text, lo, start)
        and (_CLAUSE_END.match(text, end) or _STAMP_AFTER.match(text, end))
    ):
        return True
    if (
        not role
        and _BY_BEFORE.search(text, max(0, start - 4), start)
        and not _PAID_BY.search(text, lo, start)
        and _CLAUSE_END.match(text, end)
    ):
        return True
    if not role and _STAMP_AFTER.match(text, end) and _line_or_clause_opens(text, start):
        return True
    return _bracketed(lex, text, start, end, role)


def _line_or_clause_opens(text: str, start: int) -> bool:
    """Whether the initials follow a comma, a line's start or a word that names a note
    ("Received", "note,") rather than a sentence's article ("the TA 10:30")."""
    before = text[max(0, start - 12) : start].rstrip(" \t")
    if not before or before.endswith(("\n", ",", "-", "–", "(")):
        return True
    last = before.split()[-1].lower() if before.split() else ""
    return last in {"note", "triage", "entry", "decision", "outcome", "update", "allocated"}


def _bracketed(lex: Lexicon, text: str, start: int, end: int, role: bool) -> bool:
    """Initials as one item of a bracket that also holds a date, a time or another person,
    or alone in brackets straight after a stamp; a role's letters only alone after a stamp
    ("Chair: Anna Holroyd (AH, TM)": her role)."""
    open_at = text.rfind("(", max(0, start - 80), start)
    if open_at < 0 or "\n" in text[open_at:start] or ")" in text[open_at:start]:
        return False
    m = _BRACKET.match(text, open_at)
    if m is None or m.end() < end:
        return False
    inner = m.group(1)
    items = [i.strip() for i in _ITEM_SPLIT.split(inner) if i.strip()]
    own = text[start:end]
    if own not in items:
        return False
    if len(items) == 1:
        return _STAMP_BEFORE.search(text, max(0, open_at - 24), open_at + 1) is not None
    if role:
        return False
    others = [i for i in items if i != own]
    return any(
        _STAMP_IN.search(i) or (_PERSON_IN.fullmatch(i) and i not in lex.acronyms) for i in others
    )  # ("(PG/IT)", "(PM, DS Ollie Kent)"; not "(CP/CIN)", two acronyms)


# a note's last word: initials spaced or stopped in either case ("r t", "l.b."), or together in
# capitals, an apostrophe kept ("LO'C"), after a space, a mark or a line's start
_CLOSING = re.compile(
    r"(?:(?<=[ \t\n.,;:)\-–])|\A)(?P<i>[A-Za-z](?:[ \t.][A-Za-z]){1,3}\.?|[A-Z](?:['’]?[A-Z]){1,3})\Z"
)


def find_closing_initials(st: State) -> None:
    """The record's people's initials that end a note, its author's as a dictated or typed
    note signs off ("… cp team end of note r t", "Phone: 07503 … (new). LO'C"); a word that
    ends a sentence is never read so ("… at 10 am"), only spaced letters or capitals."""
    known = st.known
    if not known.initials:
        return
    text = st.text.rstrip()
    m = _CLOSING.search(text, max(0, len(text) - 12))
    if m is None:
        return
    letters = "".join(ch for ch in m.group("i") if ch.isalpha()).upper()
    owner = known.initials.get(letters)
    if owner is None:
        return
    start, end = m.span("i")
    if st.free(start, end):
        take_known(st, start, end, owner, 0.7)
        return
    for c in st.cands:  # "LO" of "LO'C" taken already as the person's two initials: the rest too
        if c.start == start and c.end < end and st.free(c.end, end):
            st.grow(c, start, end)
            return
