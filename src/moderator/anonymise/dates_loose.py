"""Dates written loosely in notes: without a year, in words, compactly.

Besides the full dates of :mod:`.dates`, notes write a day and month in figures (``14/02``,
``16.10``), an ordinal day in words with its month (``the twelfth of March``), a compact date
of birth as police and health forms do (``03JUN11``) and an ordinal day after a weekday or a
dating word (``Thurs 3rd``, ``on the 4th``): :func:`find_loose_dates` finds them, with the
(year, month, day) each denotes where it can. They live apart from :mod:`.dates` (whose month
names, two-figure year pivot and calendar check they share) to keep both modules under the
project's limit of about 400 lines.
"""

from __future__ import annotations

import re

from moderator.anonymise.dates import _MONTH, MONTHS, _valid, _year
from moderator.anonymise.lexicon import lower_same_length, lower_text
from moderator.anonymise.nearby import ascii_twins, for_text, plain
from moderator.anonymise.patterns import near_spans, word_positions

_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_ORDINAL = (
    r"(?:(?:twenty|thirty)[\s-])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|thirtieth"
)
# "the twelfth of March", "twenty-first of June", "March the third"
WORDED_DATE_RE = re.compile(
    rf"(?i:(?:the\s+)?(?P<wd>{_ORDINAL})\s+(?:of\s+)?(?P<wm>{_MONTH}))(?![A-Za-z])(?:,?[ \t]+(?:19|20)\d\d(?![\w]))?"
    rf"|(?P<mm2>{_MONTH})\s+the\s+(?P<wd2>(?i:{_ORDINAL}))(?![A-Za-z])"
)
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "03JUN11", "3jun2011": a compact date of birth as police and health forms write it; in
# capitals without its year too ("since 05FEB", "04DEC - seen at home")
COMPACT_DATE_RE = re.compile(
    r"(?<![\w/])(?P<d>\d{1,2})(?P<m>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
    r"(?P<y>\d{2}|\d{4})?(?![\w/])"
)
# "14/02", "3/11", "16.10", "w/c 14/02": day and month without a year
DAY_MONTH_RE = re.compile(
    r"(?P<d>\d(?<![\w/.£$,-]\d)\d?)(?P<sep>[/.])(?P<m>\d{1,2})(?![\w/%]|[.,]\d)"
)
# "Thurs 3rd", "FRI 14TH", "on the 4th", "on 19th": a weekday or "the" and an ordinal day
WEEKDAY_DAY_RE = re.compile(
    r"(?<![\w])(?:(?i:mon|tues?|wed|weds|thu|thur|thurs|fri|sat|sun)(?i:day)?\.?\s+"
    r"|(?<=\bon\s)the\s+|(?<=\bOn\s)the\s+|(?<=\bon )|(?<=\bOn )|(?<=\bON )"
    # "Visit 14th.", "seen 3rd", "review due 21st": a dated event and a day
    r"|(?<=(?i:visit) )|(?<=(?i:seen) )|(?<=(?i:review) )|(?<=\bdue )|(?<=(?i:until) )"
    r"|(?<=(?i:since) )|(?<=\bfrom )|(?<=\bby )|(?<=\bbooked for )"
    # "her birthday (14th)", "my court thing is 23rd is that ok": checked after (_alone)
    r"|(?<=\()|(?<=\bis )"
    # "the evening of 20th", "on the 12th or 13th", a log's line "19th (DW)": checked after
    r"|(?<=\bof )|(?<=\bor )|(?<=\band )|(?<=\n)|^)"
    r"(?:the\s+)?\d{1,2}(?i:st|nd|rd|th)(?![\w])"
)
# not a day but a count of something: "on the 3rd floor", "on the 2nd attempt" (checked after
# the match: the scan below ends each search at the ordinal)
_COUNTED_AFTER = re.compile(
    r"[ \t]+(?i:floors?|times?|attempts?|occasion|go|try|child|one|place|grade|birthday|course"
    r"|dose|round|line|centile|percentile|year|years|class|set|team|generation|century|form"
    r"|in[ \t]+the|baby|pregnancy|stage)\b"
)
# a growth centile, not a day: "dropped from the 50th to the 9th centile"
CENTILE_AFTER = re.compile(r"[^.\n]{0,30}?(?i:centile|percentile)")
# ... or before it: "(9th centile, dropped from 25th)"
CENTILE_BEFORE = re.compile(
    r"(?i:centile|percentile)[^.\n]{0,30}?(?i:from|to)[ \t]+(?:the[ \t]+)?\Z"
)
# numbers before a day/month that make it a score or a fraction, not a date
NOT_A_DATE_BEFORE = re.compile(r"(?i:scor\w*|scal\w*|rated?|rating|out\s+of|level|grade|£)\s*$")
# ... and after it: "attended 4/5 days" (a fraction of a count)
_COUNT_AFTER = re.compile(
    r"[ \t]*(?:(?i:days?|sessions?|lessons?|times|weeks|nights|visits|hours?|minutes|miles)"
    r"|hrs?|mins?|km|kg|kilos?|litres|units|metres|stone|lbs?|pints)\b"
)  # ("4/5 days", "sat 1.5 hours", "3.5kg": a count or a measure)
# a time, not a date, after these: "bus 8.05", "at 3.45"
_TIME_BEFORE = re.compile(
    r"(?i:\b(?:at|bus|train|approx\.?|around|about|time|pick[- ]?up))[ \t]*\Z"
)


# a day and month written with a dot and a one-digit month ("16.6") is a date only where a
# date is expected: after a word that dates something, or heading a line ("16.6 - visit")
_DATE_CUE_BEFORE = re.compile(
    r"(?i:\b(?:on|note|notes|review|reviewed|visit|visited|seen|meeting|conference|dated?|from"
    r"|until|till|since|by|w/c|held|contact|call|called|entry|icpc|rcpc|cin|lac|strategy"
    r"|discussion|incident|planned|booked|due|next|last|appointment|appt|discussed|rang|phoned"
    r"|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun"  # "Wed 12.3": a log's day
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)[ \t]*:?[ \t]*)\Z"
)  # (\Z, not $: a cue word ending the line before, "conference⏎1.1", is a heading's)
_LINE_HEAD_DATE = re.compile(r"[ \t]*[-–:]")


def _dotted_date(text: str, m: re.Match[str]) -> bool:
    line_start = text.rfind("\n", 0, m.start()) + 1
    if not text[line_start : m.start()].strip() and _LINE_HEAD_DATE.match(text, m.end()):
        return True
    pair = _DATE_LIST_BEFORE.search(text, max(0, m.start() - 16), m.start())
    if pair is not None and not NOT_A_DATE_BEFORE.search(
        text, max(0, pair.start() - 14), pair.start()
    ):
        return True  # "on 04/03 and 14.3": the second date of a pair (not "scored 4/10 and 3.5")
    return _DATE_CUE_BEFORE.search(text, max(0, m.start() - 16), m.start()) is not None


_DATE_LIST_BEFORE = re.compile(
    r"(?<![\w./])\d{1,2}(?:/\d{1,2}(?:/\d{2,4})?|(?i:st|nd|rd|th))[ \t]*(?:,|and|&|or)[ \t]*\Z"
)


_ORDINAL_STEMS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth", "tenth", "eleventh", "twelfth", "teenth", "tieth")  # fmt: skip
_COMPACT_HINT = re.compile(r"\d(?:[A-Za-z]{3}\d|[A-Z]{3}(?![\w/]))")
_ORDINAL_DAY = re.compile(r"\d(?i:st|nd|rd|th)\b")
_ORDINAL_PARTS = re.compile(r"[\s-]+")  # "twenty-first": compiled once, not per call
_LOOSE = (_COMPACT_HINT, COMPACT_DATE_RE, DAY_MONTH_RE, _ORDINAL_DAY)
_LOOSE_ASCII = ascii_twins(*_LOOSE)  # as dates._FIND_ASCII


def _padded(m: re.Match[str]) -> bool:
    """Whether a day or month is written with a leading zero ("the 18/01 session", "03/11
    visits"): a date's way; a count's fraction is not written so ("4/5 sessions")."""
    return any(len(g) == 2 and g.startswith("0") for g in (m.group("d"), m.group("m")))


def _ordinal_value(word: str) -> int:
    parts = _ORDINAL_PARTS.split(word.lower())
    base = {"twenty": 20, "thirty": 30}.get(parts[0], 0) if len(parts) > 1 else 0
    return base + _ORDINAL_WORDS[parts[-1]]


def find_loose_dates(
    text: str, digit_regions: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, tuple[int | None, int, int] | None]]:
    """Dates written without a year, in words or compactly, with their (year, month, day).

    ``find_dates`` covers full dates; these are the shapes that notes use besides:
    ``14/02``, ``16.10``, ``the twelfth of March``, ``03JUN11``, ``Thurs 3rd``, ``the 4th``.
    ``digit_regions`` (:func:`.patterns.digit_regions` of the text, if known) are where the
    shapes with digits are looked for: each lies in one, with room on both sides.
    """
    regions = [(0, len(text))] if digit_regions is None else digit_regions
    out: list[tuple[int, int, tuple[int | None, int, int] | None]] = []
    lower = lower_text(text)  # (the note's, lowered once for the layers)
    if any(stem in lower for stem in _ORDINAL_STEMS):  # quick: no ordinal word, no worded date
        # only around month names: trying the ordinals at every position of a long note is slow
        folded = lower_same_length(text)  # (offsets kept)
        months = word_positions(folded, _MONTH_STEMS)
        # on an ASCII note (where case folds only A-Z), a window with no ordinal holds no match
        ordinal = (
            (lambda lo, hi: any(s in folded[lo:hi] for s in _ORDINAL_STEMS))
            if text.isascii()
            else None
        )
        for m in near_spans(for_text(WORDED_DATE_RE, text), months, text, 40, 30, ordinal):
            word, month = (
                (m.group("wd"), m.group("wm"))
                if m.group("wd")
                else (m.group("wd2"), m.group("mm2"))
            )
            ymd = _valid(None, MONTHS[month.rstrip(".").lower()], _ordinal_value(word))
            out.append((m.start(), m.end(), ymd))
    compact_hint, compact_re, day_month, ordinal_day = _LOOSE_ASCII if plain(text) else _LOOSE
    compact = any(compact_hint.search(text, lo, hi) for lo, hi in regions)
    for m in compact_re.finditer(text) if compact else ():
        if m.group("y") is None and not m.group("m").isupper():
            continue  # ("3mar" in lower case: no date without its year)
        year = _year(m.group("y")) if m.group("y") else None
        ymd = _valid(year, MONTHS[m.group("m").lower()], int(m.group("d")))
        if ymd is not None:
            out.append((m.start(), m.end(), ymd))
    for m in (d for lo, hi in regions for d in day_month.finditer(text, lo, hi)):
        day, month = int(m.group("d")), int(m.group("m"))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        if m.group("sep") == "." and len(m.group("m")) != 2 and not _dotted_date(text, m):
            continue  # "2.5 hours", "1.5": a decimal, not a date
        if (
            m.group() == "24/7"
            or NOT_A_DATE_BEFORE.search(text, max(0, m.start() - 14), m.start())
            or (_COUNT_AFTER.match(text, m.end()) and not (m.group("sep") == "/" and _padded(m)))
            or (
                m.group("sep") == "."
                and _TIME_BEFORE.search(text, max(0, m.start() - 10), m.start())
            )
        ):
            continue  # "scored 7/10", "4/5 days", "bus 8.05"
        out.append((m.start(), m.end(), _valid(None, month, day)))
    if any(ordinal_day.search(text, lo, hi) for lo, hi in regions):
        out += [(m.start(), m.end(), None) for m in _weekday_days(text)]
        for m in _ORDINAL_LIST.finditer(text) if "(" in text else ():
            if _MONTH_BEFORE_LIST.search(text, max(0, m.start() - 12), m.start()) is None:
                continue  # ("floors (1st and 2nd)": a month before them says they are days)
            out += [
                (d.start(), d.end(), None)
                for d in _ORDINAL_END.finditer(text, m.start(), m.end())
                if int(d.group()[:-2]) <= 31
            ]
    return out


_ORDINAL_END = re.compile(r"\d\d?(?i:st|nd|rd|th)(?![\w])")  # how every WEEKDAY_DAY_RE ends


# days listed alone in brackets after their month: "2 missing in Feb (7th and 22nd)",
# "in March (3rd, 9th & 20th)"
_ORDINAL_LIST = re.compile(
    r"\(\d{1,2}(?i:st|nd|rd|th)(?:(?:,[ \t]*|[ \t]+(?:and|&)[ \t]+)\d{1,2}(?i:st|nd|rd|th))+\)"
)


_MONTH_BEFORE_LIST = re.compile(rf"(?<![A-Za-z])(?:{_MONTH})[ \t]*\Z")


# what follows a day said alone after "is": the clause goes on or ends ("is 23rd is that ok")
_CLAUSE_GOES_ON = re.compile(r"[ \t]*(?:[,.;:!?)\n]|$|(?:is|was|and|at|so|but|if|or)\b)")


_LINE_HEAD_DAY = re.compile(r"[ \t]*(?:\(|[-–:]|$)", re.M)
_JOIN_BEFORE = re.compile(r"(?<![\w'’-])(?:or|and)[ \t]+\Z")
_DAY_BEFORE_JOIN = re.compile(
    r"(?:\b[Oo]n[ \t]+(?:the[ \t]+)?|\bthe[ \t]+)\d{1,2}(?:st|nd|rd|th)[ \t]+(?:or|and)[ \t]+\Z"
)


def _alone(text: str, m: re.Match[str]) -> bool:
    """Whether a day after a bracket is alone in it ("(14th)"), and a day after "is" a day
    ("is 23rd is that ok", not "she is 2nd in the class": a place is the first three)."""
    before = text[m.start() - 1 : m.start()] if m.start() else ""
    if before == "(":
        return text[m.end() : m.end() + 1] == ")"
    if before in ("", "\n"):  # a log's line opening with its day: "19th (DW)", "20th - call"
        return _LINE_HEAD_DAY.match(text, m.end()) is not None
    if _JOIN_BEFORE.search(text, max(0, m.start() - 5), m.start()):
        # "the 12th or 13th": after another day only
        return _DAY_BEFORE_JOIN.search(text, max(0, m.start() - 16), m.start()) is not None
    if text[max(0, m.start() - 3) : m.start()] == "is " and m.group()[:1].isdigit():
        return int(m.group()[:-2]) > 3 and _CLAUSE_GOES_ON.match(text, m.end()) is not None
    return True


def _weekday_days(text: str) -> list[re.Match[str]]:
    """``WEEKDAY_DAY_RE.finditer(text)``, tried only before each ordinal day: a match is the
    ordinal and what comes before it in letters, dots and spaces (the weekday, "the"), so
    it starts after the last other character before the ordinal."""
    out = []
    resume = 0  # where the last match ended: the scan of the whole text goes on from there
    weekday_re = for_text(WEEKDAY_DAY_RE, text)
    for day in for_text(_ORDINAL_END, text).finditer(text):
        lo = day.start()
        while lo > resume and (
            text[lo - 1].isalpha() or text[lo - 1].isspace() or text[lo - 1] == "."
        ):
            lo -= 1
        m = weekday_re.search(text, lo, day.end())
        if (
            m is not None
            and int(day.group()[:-2]) <= 31  # ("weight on 50th": a centile)
            and not _COUNTED_AFTER.match(text, m.end())
            and not CENTILE_AFTER.match(text, m.end())
            and not CENTILE_BEFORE.search(text, max(0, m.start() - 40), m.start())
            and _alone(text, m)
        ):
            out.append(m)
            resume = m.end()
    return out
