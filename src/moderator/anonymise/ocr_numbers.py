"""Dates, NHS numbers and phone numbers in text read from a scanned page, where letters stand for digits.

Optical character recognition reads a ``1`` as ``l`` or ``I`` and a ``0`` as ``O`` or ``o``:
``1lth March 2024``, ``17/04/2O13``, ``NHS No. 464 l45 0501``, ``Tel: Ol16 248 39l7``. In a word made of digits and
those letters (with at least one real digit, an ordinal's ending allowed), each such letter
is read as its digit, in a copy of the text of the same length; the date, NHS number and
phone patterns then run on the copy, and what they find over a letter read as a digit is redacted
in the text itself. Nothing else reads the copy.
"""

from __future__ import annotations

import re

from moderator.anonymise.date_words import widen_date
from moderator.anonymise.dates import date_from_match, find_dates
from moderator.anonymise.patterns import COLLAR_RE, NHS_RE, PHONE_RE, nhs_valid, phone_ok
from moderator.anonymise.state import State

# a word of digits and the letters OCR puts for them, with a real digit in it ("2O13",
# "l45", "1lth"); it starts at a character that may be a digit
_MIXED = re.compile(r"[0-9lIoO]+(?:st|nd|rd|th)?(?![\w])")
_AS_DIGITS = str.maketrans("lIoO", "1100")
# a pupil number after its label, a letter and twelve figures, some read as letters
# ("UPN: W91459O361O49")
_OCR_UPN = re.compile(r"\bUPN\b[^\w\n]{0,6}(?P<u>[A-Z][0-9lIoO]{12}[A-Z]?)(?![\w])")
_NOT_DIGIT = re.compile(r"\D")  # (compiled once, not per number read)
_GATE = re.compile(r"\d[lIoO]|[lIoO]\d")
# an ASCII note's bytes mapped to "0" (a digit), "l" (a letter OCR puts for one) or " ":
# one C pass and two substring finds, where the regex tries two branches at every character
_GATE_TABLE = bytes(
    ord("0") if chr(i).isdigit() else ord("l") if chr(i) in "lIoO" else ord(" ") for i in range(256)
)


def _gate(text: str) -> bool:
    """Whether a digit stands beside a letter OCR puts for one, anywhere in ``text``."""
    if not text.isascii():
        return _GATE.search(text) is not None
    mapped = text.encode("ascii").translate(_GATE_TABLE)
    return b"0l" in mapped or b"l0" in mapped


def find_ocr_numbers(st: State) -> None:
    """Dates, NHS numbers and phones with letters read for digits, redacted as written."""
    text = st.text
    if not _gate(text):
        return  # quick: no digit beside a letter OCR puts for one (most notes)
    if "UPN" in text:
        for m in _OCR_UPN.finditer(text):
            digits = sum(c.isdigit() for c in m.group("u"))
            if digits >= 8 and st.free(*m.span("u")):
                st.take(m.start("u"), m.end("u"), "upn", "", 74)
    pieces: list[str] = []
    last = 0
    read: list[tuple[int, int]] = []
    for m in _MIXED.finditer(text):
        word = m.group()
        core = word[:-2] if word[-2:] in ("st", "nd", "rd", "th") else word
        if (
            (m.start() > 0 and text[m.start() - 1].isalpha())
            or not any(c.isdigit() for c in core)
            or core.isdigit()
        ):
            continue
        pieces += [text[last : m.start()], core.translate(_AS_DIGITS), word[len(core) :]]
        last = m.end()
        read.append((m.start(), m.start() + len(core)))
    if not read:
        return
    copy = "".join([*pieces, text[last:]])
    found = [(m.start(), m.end(), _date_kind(st, m)) for m in find_dates(copy)]
    for m in NHS_RE.finditer(copy):
        if nhs_valid(_NOT_DIGIT.sub("", m.group())):
            found.append((m.start(), m.end(), "nhs_number"))
    for m in COLLAR_RE.finditer(copy):  # "Supervisor: PS l104 Abbie Game": an officer, whole
        if m.group("name"):
            found.append((m.start(), m.end(), "professional"))
    for m in PHONE_RE.finditer(copy):  # "Tel: Ol16 248 39l7"
        left = copy[m.start() - 1 : m.start()]
        if not (left.isalnum() or left in "+-/") and phone_ok(m.group()):
            found.append((m.start(), m.end(), "phone"))
    for start, end, kind in found:
        if kind in ("date", "dob"):  # "Tuesday l4th January 2O25": its weekday too
            start, end = widen_date(text, start, end)
        if any(start < b and a < end for a, b in read) and st.free(start, end):
            st.take(start, end, kind, "", 74)


def _date_kind(st: State, m: re.Match[str]) -> str:
    """``dob`` for a date of birth of the record's people, else ``date``."""
    ymd = date_from_match(m)
    if ymd is not None and any(ymd[1:] == d[1:] and ymd[0] in (None, d[0]) for d in st.dobs):
        return "dob"
    return "date"
