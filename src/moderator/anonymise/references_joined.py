"""The parts of references and phones that layer 1 finds apart, and numbers after an ID cue.

* A police log numbered within its day, ``0412 of 03/06/25`` or ``LOG 0088 OF 17/04/2026``:
  the number and its date are one reference (the date alone says when; both say which),
  though no shape took the number alone (``LOGS 1189 OF 04/08/2023, 0062 OF 25/12/2023``).
* A crime reference with its year before a star: ``25*017784``.
* A number after ``ID`` (four digits or more) or ``#`` (five or more; ``Room #1234`` stays):
  ``Language Line ID 3301978``, ``CPOMS #55127``.
* A phone's extension, ``01782 234 560 ext 212``, goes with it; an extension alone (``ext
  6412``, ``101 ext 450877``) is a phone number, whatever a shape took its digits for.
* A list of numbers after a plural cue (``CPOMS IDs 88214, 88231``, ``police logs 4412 and
  5590``): a reference each.
* A number after a case system's name or ``doc`` (``Mosaic doc 55120``, ``CPOMS 44107``,
  ``LCS, doc 77342``; four digits or more).
* A reference of the same shape right after a reference and ``and``, ``&`` or a comma
  (``SYP refs 14/MP/24/8812 and 14/MP/25/0127``): a reference too.
* Two dates joined by ``and``, ``to`` or a dash, the first without its year (``14 and 21
  July``, ``30 April to 11 May 2024``): one date.
* A court's ``the 4th day of April 2025``: one date.
* Days written as a range before their month (``12-13/03``, ``05-06/04/2025``), and a date's
  two-digit year after its month's name (``10 Jan 23``): one date.
"""

from __future__ import annotations

import re

from moderator.anonymise.lexicon import lower_same_length
from moderator.anonymise.nearby import folds_alike, word_positions
from moderator.anonymise.state import State

_OF = re.compile(r"[ \t]+(?i:of)[ \t]+")
# a log's number before "of" and its date, when no shape took the number ("LOGS 1189 OF …")
_NUMBER_OF = re.compile(r"(?<![\w/.:-])\d{3,5}[ \t]+(?i:of)[ \t]+$")
# a log's cue before its number and "of" ("LOG: 44 OF 06/07/25", "incident 36 of 04/03/2025"):
# the number and the date are the reference, whatever the number's length (the cue stays)
_LOG_CUE = re.compile(
    r"(?<![\w])(?i:logs?|incidents?|inc|serial|occurrence|occ)\.?[ \t]*(?:(?i:no|number)\.?[ \t]*)?"
    r"[:#]?[ \t]*(?P<n>\d{1,5}[ \t]+(?i:of)[ \t]+)$"
)
_YEAR_STAR = re.compile(r"(?<![\w*])\d{2}\*$")
_ID_NUMBER = re.compile(r"(?<![\w])(?:ID|Id|id)[ \t]*[:#.]?[ \t]*(\d{4,10})(?![\w/-])")
_HASH_NUMBER = re.compile(r"(?<![\w#&])#[ \t]?\d{5,10}(?![\w/-])")
_EXT_AFTER = re.compile(r"[ \t]*,?[ \t]*(?i:ext\.?|extension|x)[ \t]*\d{1,6}(?![\w])")
_EXT_ALONE = re.compile(r"(?<![\w])(?:101[ \t]+)?(?i:ext)\.?[ \t]*\d{3,6}(?![\w/-])")
# a hospital's bleep or a pager number: "Safeguarding midwife (bleep 4471)", "Pager: 07623"
_BLEEP = re.compile(
    r"(?<![\w])(?i:bleep|pager)[ \t]*(?:(?i:no|number)\.?)?[ \t]*[:#]?[ \t]*(\d{3,6})(?![\w/-]|\.\d)"
)
_NUMBERS = frozenset({"case_number", "phone", "date"})
# what every match of _ID_NUMBER holds: its word and the first digit of its number (a search
# from "I" or "i", quicker than the pattern's, which tries its look-behind at every position)
_ID_DIGIT = re.compile(r"(?:ID|Id|id)[ \t]*[:#.]?[ \t]*\d")


def _ext_alone(text: str) -> bool:
    """Whether ``text`` has an "ext" in any case with no word's character before it, as every
    match of _EXT_ALONE does (after "101 " or where the look-behind stands): "next" and "text"
    are not scanned. (No letter but E, X and T matches them ignoring case.)"""
    return any(
        at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_")
        for at, _ in word_positions(lower_same_length(text), ("ext",))
    )


# "CPOMS IDs 88214, 88231, 88260", "police logs 4412 and 5590": a plural cue and its list
_LISTED = re.compile(
    r"(?<![\w])(?i:ids|logs|refs|references|numbers|nos\.?|incidents|crime[ \t]+refs)[ \t]*:?[ \t]*"
    r"(?P<l>\d{4,10}(?:(?:,[ \t]*|[ \t]+(?i:and|&)[ \t]+)\d{4,10})+)(?![\w/-])"
)


# "Mosaic doc 55120", "CPOMS 44107", "LCS, doc 77342": a document's number in a case system
_SYSTEM_NUMBER = re.compile(
    r"(?:(?i:doc|document)|CPOMS|Cpoms|Mosaic|MOSAIC|LCS|EHM|SystmOne|EMIS|Eclipse|ICS)"
    r"[ \t]*(?:(?i:no|number|ref)\.?)?[ \t]*:?[ \t]*(\d{4,10}(?:-\d{2,8})?)(?![\w/-])"
)
# what every match of _SYSTEM_NUMBER holds (or its "doc", in the lower case) and _LISTED's
# cues (in the lower case): a note without any is not scanned (see join_reference_parts)
_SYSTEM_WORDS = ("CPOMS", "Cpoms", "Mosaic", "MOSAIC", "LCS", "EHM", "SystmOne", "EMIS",
                 "Eclipse", "ICS")  # fmt: skip
_DIGIT_RUN = re.compile(r"\d+")  # (compiled once, not per list found)
_LISTED_CUES = ("ids", "logs", "refs", "references", "numbers", "nos", "incidents")


# "12-13/03", "05-06/04/2025": days as a range, then the month (and year)
_DAY_RANGE = re.compile(r"(\d{1,2})[-–](\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\w/]|[-–.]\d)")
_YEAR = re.compile(r"\d{4}|\d/\d{1,2}/\d")  # a date complete in itself: "…May 2020", "12/06/21"
_BETWEEN_DATES = re.compile(r"[ \t]+(?:and|&|to|or|until|till)[ \t]+|[ \t]*[-–][ \t]*")
_DAY_OF = re.compile(r"(?<![\w])(?:the[ \t]+)?\d{1,2}(?i:st|nd|rd|th)?[ \t]+day[ \t]+of[ \t]+$")
_TWO_DIGIT_YEAR = re.compile(r"[ \t]+\d{2}(?![\w:./-]|[ \t]*(?i:am|pm|years|yrs|hours|mins))")


def _join_dates(st: State) -> None:
    text = st.text
    if "/" in text:
        for m in _DAY_RANGE.finditer(text):
            if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_/.:-"):
                continue  # (inside a number or a reference: its start, checked here)
            first, last, month = int(m.group(1)), int(m.group(2)), m.group(3)
            if not (1 <= first < last <= 31 and 1 <= int(month) <= 12):
                continue
            if m.group(4) or month[0] == "0" or len(m.group(1)) == 2:  # ("5-7/12": months old)
                st.give_way(m.start(), m.end(), _NUMBERS, 100)
                if st.free(*m.span()):
                    st.take(m.start(), m.end(), "date", "", 75)
    dates = sorted((c for c in st.cands if c.kind == "date"), key=lambda c: c.start)
    joined = dates[:1]
    # whether the date being joined holds a year: known as it grows, not read again from its
    # start each time (a run of thousands of "04/03 and 14/3 and …" took minutes)
    complete = bool(dates) and _YEAR.search(text, dates[0].start, dates[0].end) is not None
    for d in dates[1:]:
        c = joined[-1]
        if not complete and _BETWEEN_DATES.fullmatch(text, c.end, d.start):
            st.cands.remove(d)  # "14 and 21 July", "30 April to 11 May 2024": one date
            st.grow(c, c.start, d.end)
        else:
            joined.append(d)
        complete = _YEAR.search(text, d.start, d.end) is not None  # (what c now ends with)
    for c in st.cands:
        if c.kind == "date" and text[c.start : c.start + 1].isalpha():
            day = _DAY_OF.search(text, max(0, c.start - 24), c.start)
            if day is not None and st.free(day.start(), c.start):
                st.grow(c, day.start(), c.end)  # "the 4th day of April 2025": one date
        if c.kind == "date" and text[c.end - 1 : c.end].isalpha():
            year = _TWO_DIGIT_YEAR.match(text, c.end)
            if year is not None and st.free(c.end, year.end()):
                st.grow(c, c.start, year.end())


# the next item of a list after a reference: "and", "&" or a comma, then a token with a digit
_NEXT_ITEM = re.compile(r"(?:[ \t]*,[ \t]*|[ \t]+(?:and|&)[ \t]+)([A-Z0-9][A-Z0-9/-]*)(?![\w/-])")
_DIGIT = re.compile(r"\d")
_CAPITAL = re.compile(r"[A-Z]")


def _shape(written: str) -> str:
    """A reference's shape: each digit 9, each capital A (``14/MP/24/8812`` → ``99/AA/99/9999``)."""
    return _CAPITAL.sub("A", _DIGIT.sub("9", written))


def _same_shape_after(st: State) -> None:
    text = st.text
    for c in [c for c in st.cands if c.kind == "case_number"]:
        while (m := _NEXT_ITEM.match(text, c.end)) is not None:
            written = m.group(1)
            if _shape(written) != _shape(text[c.start : c.end]) or not st.free(*m.span(1)):
                break
            st.take(m.start(1), m.end(1), "case_number", "", 80)
            c = st.cands[-1]


def join_reference_parts(st: State) -> None:
    """Join and take the parts above (see the module)."""
    text = st.text
    by_start = {c.start: c for c in st.cands}
    for c in list(st.cands):
        if c.kind == "case_number":
            of = _OF.match(text, c.end)
            date = by_start.get(of.end()) if of is not None else None
            if of is not None and date is not None and date.kind in ("date", "dob"):
                st.cands.remove(date)
                st.grow(c, c.start, date.end)
            star = _YEAR_STAR.search(text, max(0, c.start - 3), c.start)
            if star is not None and st.free(star.start(), c.start):
                st.grow(c, star.start(), c.end)
        elif c.kind in ("date", "dob") and text[c.start - 4 : c.start].lower() == " of ":
            number = _NUMBER_OF.search(text, max(0, c.start - 12), c.start)
            at = number.start() if number is not None else -1
            cue = _LOG_CUE.search(text, max(0, c.start - 36), c.start)
            if cue is not None:
                at = cue.start("n")  # "LOG: 44 OF 06/07/25": a short number after its cue
            if at >= 0 and st.free(at, c.start):
                c.kind = "case_number"  # "LOGS 1189 OF 04/08/2023": a log numbered in its day
                st.grow(c, at, c.end)
        elif c.kind == "phone" and text[c.end : c.end + 1] in (" ", ",", "\t"):
            ext = _EXT_AFTER.match(text, c.end)
            if ext is not None and st.free(c.end, ext.end()):
                st.grow(c, c.start, ext.end())
    _join_dates(st)
    _same_shape_after(st)
    lower = text.lower()
    # the scans below of a pattern that holds a word (str.find over the note is far quicker
    # than the pattern's scan, which tries its look-behind and branches at every position)
    # only when the word is in the note; on a note whose case does not fold alike, always (a
    # letter may match case-insensitively without its ASCII form, as "ſ" does s): on any other
    # note, in ASCII or not ("’", "é"), the lower case holds every word the patterns find
    # (nearby.folds_alike; its lower case is the note's, character for character)
    plain = folds_alike(text)
    system = not plain or "doc" in lower or any(w in text for w in _SYSTEM_WORDS)
    for m in _SYSTEM_NUMBER.finditer(text) if system else ():
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
            continue  # ("endoc 1234": a word's inside)
        if st.free(*m.span(1)):
            st.take(m.start(1), m.end(1), "case_number", "", 80)
    if ("ID" in text or "id" in text or "Id" in text) and _ID_DIGIT.search(text):
        for m in _ID_NUMBER.finditer(text):
            if st.free(*m.span(1)):
                st.take(m.start(1), m.end(1), "case_number", "", 80)
    if "#" in text:
        for m in _HASH_NUMBER.finditer(text):
            if st.free(*m.span()):
                st.take(m.start(), m.end(), "case_number", "", 80)
    listed = not plain or any(w in lower for w in _LISTED_CUES)
    for m in _LISTED.finditer(text) if listed else ():
        for n in _DIGIT_RUN.finditer(text[m.start("l") : m.end("l")]):
            start, end = m.start("l") + n.start(), m.start("l") + n.end()
            if st.free(start, end):
                st.take(start, end, "case_number", "", 80)
    if "ext" in lower and _ext_alone(text):
        for m in _EXT_ALONE.finditer(text):
            st.give_way(m.start(), m.end(), _NUMBERS, 100)
            if st.free(*m.span()):
                st.take(m.start(), m.end(), "phone", "", 80)
    if "bleep" in lower or "pager" in lower:
        for m in _BLEEP.finditer(text):
            st.give_way(m.start(1), m.end(1), _NUMBERS, 100)
            if st.free(*m.span(1)):
                st.take(m.start(1), m.end(1), "phone", "", 80)
