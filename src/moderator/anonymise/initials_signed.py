"""Where a note's heading or its end names its author by initials.

A case note's heading gives its date and its author's initials (``Case note 24/02/2025 IT -
visit to temporary accommodation``, ``09/03/2025 OT - social media posts``, ``… shared by
family - NO 05/03/2025 16:20``, ``LD note 03/03/2025:``), an action hands work to them
after a dash (``(Dec-Feb) - LD to review``), and a typed note is signed after its last
sentence (``… original on file. PA`` before a blank line). Dictation ends with the author's
initials in lower case (``end of dictation kb``, ``end of dictation c f``).

The letters there may also be a word or an acronym (``IT``, ``OT``, ``NO``, ``PA``, ``LD``);
these places are where a person's initials stand and an acronym does not, and are used only
for the initials of the record's own people (:mod:`.layer_known`).
"""

from __future__ import annotations

import re

from moderator.anonymise.state import State

_DAY = r"\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?"
# "Case note 24/02/2025 IT - …", "File note 13/01/25 IT:": note, a date, the initials
_NOTE_DATE_BEFORE = re.compile(rf"(?i:\bnote)[ \t]+{_DAY}[ \t]+\Z")
# "09/03/2025 OT - …" at a line's start: a date, the initials, a dash
_LINE_DATE_BEFORE = re.compile(rf"(?:^|\n)[ \t]*{_DAY}(?:[ \t]+\d{{1,2}}[:.]\d{{2}})?[ \t]+\Z")
_DASH_OR_COLON_AFTER = re.compile(r"[ \t]*(?:[-–—][ \t]|:)")
# "… by family - NO 05/03/2025 16:20" ending its line: a dash, the initials, a date
_DASH_BEFORE = re.compile(r"[ \t][-–—][ \t]+\Z")
_DATE_ENDING_LINE = re.compile(rf"[ \t]+{_DAY}(?:[ \t]+\d{{1,2}}[:.]\d{{2}})?[ \t]*(?:\n|\Z)")
# "LD note 03/03/2025:" opening a line: the initials, note, a date
_LINE_START = re.compile(r"(?:^|\n)[ \t]*\[?[ \t]*\Z")
_NOTE_AFTER = re.compile(rf"[ \t]+note(?:[ \t]+(?:{_DAY}|\()|[ \t]*:)")
# "[LD 12/03/2025: extract from …": the initials opening a bracketed stamp, a date after them
_BRACKET_BEFORE = re.compile(r"(?:^|\n)[ \t]*\[[ \t]*\Z")
_DATE_AFTER = re.compile(rf"[ \t]+{_DAY}\b")
# "- LD to review before …": an action after a dash
_TO_DO = re.compile(r"[ \t]+to[ \t]+(?!be\b)[a-z]{2,}")
# a typed note signed after its last sentence, before a blank line or the note's end
_STOP_BEFORE = re.compile(r"[a-z]\.[ \t]+\Z")
_REPLIES = frozenset({"ok", "no", "so", "hi", "ta", "oh", "um", "ah", "eh", "ha", "ye", "ya"})
_BLOCK_END = re.compile(r"[ \t]*(?:\n[ \t]*\n|\n?\Z)")


def signs_note(text: str, start: int, end: int) -> bool:
    """Whether the initials ``text[start:end]`` stand where a note's heading or its end puts
    its author (see the module). After the last sentence they must end a block (``… on
    file. PA`` before a blank line): "Mum agreed. OK" goes on."""
    lo = max(0, start - 24)
    if _NOTE_DATE_BEFORE.search(text, lo, start) and _DASH_OR_COLON_AFTER.match(text, end):
        return True
    if _LINE_DATE_BEFORE.search(text, lo, start) and _DASH_OR_COLON_AFTER.match(text, end):
        return True
    if _DASH_BEFORE.search(text, max(0, start - 6), start) and (
        _DATE_ENDING_LINE.match(text, end) or _TO_DO.match(text, end)
    ):
        return True
    if _LINE_START.search(text, max(0, start - 4), start) and _NOTE_AFTER.match(text, end):
        return True
    if _BRACKET_BEFORE.search(text, max(0, start - 4), start) and _DATE_AFTER.match(text, end):
        return True
    if _STOP_BEFORE.search(text, max(0, start - 6), start):
        return text[start:end].lower() not in _REPLIES and bool(_BLOCK_END.match(text, end))
    return False


# the end of a dictation, then the author's initials in lower case, spaced or not
_DICTATION_END = re.compile(
    r"\b(?:end[ \t]+of[ \t]+dictation|dictated[ \t]+by)[ \t,.:]+"
    r"(?P<i>[a-z](?:[ \t]?[a-z]){1,2})[ \t.]*(?=\n|\Z)",
    re.I,
)


# in a dictated note, initials handed an action after a sentence's end ("full stop jm to chase
# the …"), or closing the note after its last full stop ("… if it happens again full stop cr")
_SAID_ACTION = re.compile(
    r"(?:full[ \t]+stop|new[ \t]+(?:paragraph|line)|\n)[ \t,]*(?:next[ \t]+steps?[ \t]+"
    r"(?:full[ \t]+stop[ \t]+)?)?(?P<i>[a-z]{2,3})[ \t]+to[ \t]+(?!be\b)[a-z]{3,}"
)
# the letters said just before the dictation's end: "gemma liddle social worker g l end of
# dictation"
_BEFORE_END = re.compile(
    r"(?<![\w'’-])(?P<i>[a-z](?:[ \t][a-z]){1,2})[ \t,.]+end[ \t]+of[ \t]+dictation\b", re.I
)
_SAID_LAST = re.compile(r"full[ \t]+stop[ \t\n]+(?P<i>[a-z]{2,3})[ \t.]*\Z")
# "dictated by c hedley": an initial before the surname said
_DICTATED_BY = re.compile(r"dictated[ \t]+by[ \t]+(?P<i>[a-z])[ \t]+(?P<s>[a-z][a-z'-]+)\b")


def find_dictated_initials(st: State) -> list[tuple[int, int, int]]:
    """The record's people's initials said in a dictated note: at its end (``end of dictation
    kb``, ``… full stop cr``), handed an action (``full stop jm to chase``), or before the
    surname (``dictated by c hedley``): (start, end, person) for each, where the letters
    are a known person's initials."""
    found: list[tuple[int, int, int]] = []
    lowered = st.text.lower()
    if "dictat" not in lowered and "full stop" not in lowered:
        return found
    for pattern in (_SAID_ACTION, _SAID_LAST):
        for m in pattern.finditer(st.text):
            owner = st.known.initials.get(m.group("i").upper())
            if owner is not None and st.free(m.start("i"), m.end("i")):
                found.append((m.start("i"), m.end("i"), owner))
    for m in _DICTATED_BY.finditer(st.text):
        owner = st.known.surname_owners.get(m.group("s"), [None])[0]
        first = st.known.initial_of.get(owner, ("", ""))[0] if owner is not None else ""
        if owner is not None and first.lower() == m.group("i") and st.free(*m.span("i")):
            found.append((m.start("i"), m.end("i"), owner))
    for m in (*_DICTATION_END.finditer(st.text), *_BEFORE_END.finditer(st.text)):
        letters = m.group("i").replace(" ", "").replace("\t", "").upper()
        owner = st.known.initials.get(letters)
        if owner is not None and st.free(m.start("i"), m.end("i")):
            found.append((m.start("i"), m.end("i"), owner))
    return found
