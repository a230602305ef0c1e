"""Initials that sign an entry of a log or chronology, and initials doing something.

A school's safeguarding log, a contact record or a chronology opens each entry with its
stamp and its author's initials: ``08/05/2024 08:52 RQ: arrived with no coat``,
``12:30 IG (TA): friend says…``, ``12 Jul 2024 - HB visited``. Minutes and supervision notes
make initials the subject of a sentence: ``EK asked about dad``, ``HJ to chair review``.
Two or three capitals that are no acronym, after a stamp and before a colon or a verb, or
opening a sentence before a verb of reporting, are a person's, and go wherever they recur.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import ROLE_CUES
from moderator.anonymise.initials_more import _note, _take, whose
from moderator.anonymise.layer_initials import _NOT_SPEAKERS, FORCES
from moderator.anonymise.nearby import starting_with_folded
from moderator.anonymise.state import State

# ranks and places that a log's entry may open with ("14:00 PC attended", "09:10 ED: seen")
_NOT_AUTHORS = frozenset({"PC", "PS", "DC", "DS", "DI", "DCI", "SGT", "ED", "AE", "CP", "OT"}) | {
    "VM",
    "TXT",
    "SMS",
    "TEL",
    "PH",
    "EM",
    "HV",
    "SW",  # a log's kinds of entry and roles
}
# (a capital first, as a class: the engine skips to capitals; a repeat first is tried everywhere)
_CAPS_RE = re.compile(r"[A-Z][A-Z]{1,2}(?![\w'’-])")
# a stamp just before: a time ("08:52", "1530hrs"), a date ("08/05/2024", "11/5", "12 Jul 2024",
# "2024-02-26"), then blanks and perhaps a dash
_STAMP_RE = re.compile(
    r"(?:\b\d{1,2}[:.]\d{2}(?:[ \t]*(?:hrs|am|pm))?|\b(?:[01]\d|2[0-3])[0-5]\d(?:hrs)?"
    r"|\b\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\b\d{1,2}(?:st|nd|rd|th)?[ \t]+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}"
    r"(?:[ \t]+\d{2,4})?)[ \t]*(?:[-–:][ \t]*)?\Z"
)
# what follows the author's initials: a colon, a role in brackets and a colon, or a verb
# (a colon before words, not a form's field before its value: "UPN: C846…", "OIC: PC 4417")
_AFTER_STAMP_RE = re.compile(
    r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?:(?=[ \t]*(?:[a-z]|[A-Z][a-z]|\S[ \t]+[a-z]))|[ \t]+(?:[a-z]+ed|spoke|saw|met|rang|called|phoned"
    r"|emailed|texted|visited|attended|to[ \t]+[a-z]+)\b"
)
# what a person does, after an acronym that may be someone's initials ("HB visited"); an
# acronym's document or order is done to ("EHA updated", "ICO granted")
_AGENT_VERB = re.compile(
    r"[ \t]+(?:visited|spoke|saw|met|rang|called|phoned|emailed|texted|attended|asked|said"
    r"|told|reported|advised|explained|to[ \t]+[a-z]+)\b"
)
_CELL_BEFORE = re.compile(r"(?:\A|\||\n)[ \t]*\Z")
_STAMP_AFTER = re.compile(r"[ \t]+(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|w/c)\b")
# a sentence's subject doing what minutes record people doing
_OPENS_RE = re.compile(r"(?:\A|[.;!?][ \t]+|\n[ \t>*•-]*)\Z")
# initials alone on a note's last line (or after its last sentence) sign it: "…10/01/26. RV"
_SIGNATURE_RE = re.compile(r"(?:^|[.!\n][ \t]*|\n)([A-Z]{1,3})\]?[ \t]*\Z")
# "… to be monitored. (JG)\n07/02/24 …": initials in brackets after an entry's last sentence
# (not a heading's acronym: "PUBLIC PROTECTION NOTICE (PPN)")
_ENTRY_SIGNED_RE = re.compile(r"(?<=[.!?\"'”’)])[ \t]*\(([A-Z]{2,3})\)[ \t]*(?:\n|\Z)")
# "… bath and bed by 7. - SP\n": initials after a dash ending an entry sign it too
_ENTRY_DASHED_RE = re.compile(r"(?<=[.!?\"'”’)])[ \t]*[-–—~][ \t]?([A-Z]{2,3})[ \t]*(?:\n|\Z)")
# what every match of _ENTRY_SIGNED_RE and of _ENTRY_DASHED_RE holds (a look before the scan)
_BRACKETED_INITIALS = re.compile(r"\([A-Z]{2,3}\)")
_DASHED_INITIALS = re.compile(r"[-–—~][ \t]?[A-Z]{2,3}[ \t]*(?:\n|\Z)")
# "Decision (AP, 17/03/2025)", "Child's SW note (MT):": who decided or wrote, in brackets
_AUTHOR_RE = re.compile(
    r"\((?P<i>[A-Z]{2,3}),[ \t]*\d{1,2}[/.]\d{1,2}"
    r"|(?i:note|notes|entry|update|record|decision|comment|summary)[ \t]*\((?P<j>[A-Z]{2,3})\)"
)
# what each match of _AUTHOR_RE starts with (in lower case), where it is tried
_AUTHOR_STARTS = ("(", "note", "entry", "update", "record", "decision", "comment", "summary")
# "Rania said (via SH)": an interpreter's initials, in brackets
_VIA_RE = re.compile(r"(?<=\()via[ \t]+([A-Z]{2,3})(?=\))")  # (in brackets: "pays via CMS")
_VERB_RE = re.compile(
    r"[ \t]+(?:asked|said|agreed|advised|explained|reported|confirmed|stated|noted|told"
    r"|visited|spoke|saw|met|rang|phoned|called|emailed|texted|shared|raised|queried"
    r"|suggested|says|feels|thinks|believes|described|recommended|observed|completed"
    r"|will[ \t]+[a-z]+|to[ \t]+(?:chair|visit|contact|complete|arrange|speak|update|liaise"
    r"|share|send|follow|check|review|see|call|phone|email|write|attend|refer|discuss|book"
    r"|ask|make|lead|convene|record|inform|consider|ring|request|apply))\b"
)


def find_logged_initials(st: State) -> None:
    """Initials after an entry's stamp (``08:52 RQ:``) or opening a sentence before a verb
    (``EK asked``), redacted wherever they recur (see the module's text)."""
    text = st.text
    people: dict[str, tuple[str, str]] = {}
    signed: dict[str, int] = {}  # acronyms signing an entry with a colon, how often
    for m in _CAPS_RE.finditer(text):
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "'’-/("):
            continue
        token = m.group()
        if token in _NOT_AUTHORS or token in _NOT_SPEAKERS or token in FORCES:
            continue
        before = text[max(0, start - 24) : start]
        after = _AFTER_STAMP_RE.match(text, m.end()) if _STAMP_RE.search(before) else None
        if after is not None:
            # an acronym signs an entry if it is no role ("IG", "HB": not "GP", "TA") and a
            # role or a verb follows ("IG (TA):", "HB visited"; "IG: posted" is Instagram),
            # or it signs two entries or more
            if token not in st.lex.acronyms or token in st.known.initials:
                _note(st, people, token, "professional")
            elif token.lower() not in ROLE_CUES:
                if after.group().lstrip()[:1] == "(" or _AGENT_VERB.match(after.group()):
                    _note_even_acronym(st, people, token)  # not "EHA updated", "ICO granted"
                else:  # "08:52 PR: …" twice or more: someone signs the log so
                    signed[token] = signed.get(token, 0) + 1
                    if signed[token] == 2:
                        _note_even_acronym(st, people, token)
        elif _CELL_BEFORE.search(before[-4:]) and _STAMP_AFTER.match(text, m.end()):
            # a table's row signed before its stamp: "| RAL 18/01/2024 09:20 | …"
            if token not in st.lex.acronyms or token in st.known.initials:
                _note(st, people, token, "professional")
        elif (
            _OPENS_RE.search(before[-6:])
            and _VERB_RE.match(text, m.end())
            and token.lower() not in ROLE_CUES  # "TM to review": the team manager
        ):
            _note(st, people, token, "professional")
    signature = _SIGNATURE_RE.search(text[-12:])
    if signature is not None and signature.group(1) not in _NOT_AUTHORS:
        _note(st, people, signature.group(1), "professional")  # the note signed "… RV"
    _bracketed_and_via(st, people)
    _take(st, people)


def _bracketed_and_via(st: State, people: dict[str, tuple[str, str]]) -> None:
    """Initials in brackets or after a dash ending a log's entry (``… safe". (AB)``, ``… by 7.
    - SP``), an acronym too when
    they sign two entries; initials an interpreter is named by (``said (via SH)``)."""
    text = st.text
    signed: dict[str, int] = {}
    # (each pattern opens with a look-behind, tried at every position: only where the note
    # holds what each of its matches does, the bracketed or the dashed initials)
    dashed = (
        _ENTRY_DASHED_RE.finditer(text)
        if ("-" in text or "–" in text) and _DASHED_INITIALS.search(text)
        else ()
    )
    bracketed = _ENTRY_SIGNED_RE.finditer(text) if _BRACKETED_INITIALS.search(text) else ()
    for m in (*bracketed, *dashed):
        token = m.group(1)
        if token in _NOT_AUTHORS or token.lower() in ROLE_CUES:
            continue
        signed[token] = signed.get(token, 0) + 1
        if token not in st.lex.acronyms or token in st.known.initials:
            _note(st, people, token, "professional")
        elif signed[token] == 2:
            _note_even_acronym(st, people, token)
    for m in starting_with_folded(_AUTHOR_RE, text, _AUTHOR_STARTS) if "(" in text else ():
        token = m.group("i") or m.group("j")
        if token in _NOT_AUTHORS or token.lower() in ROLE_CUES:
            continue
        if token not in st.lex.acronyms:
            _note(st, people, token, "professional")
        elif m.group("i"):  # a date after it: who signed, even initials that spell an acronym
            _note_even_acronym(st, people, token)
    if "via " in text:
        for m in _VIA_RE.finditer(text):
            token = m.group(1)
            if token not in st.lex.acronyms and token not in _NOT_AUTHORS:
                _note(st, people, token, "professional")


def _note_even_acronym(st: State, people: dict[str, tuple[str, str]], token: str) -> None:
    """Keep ``token`` as a person's initials, an acronym too: a stamp and a colon say so."""
    if token not in people:
        people[token] = whose(st, token, "professional", token)
