"""Dates as people write them in English case records.

One parser serves two purposes: reading the structured date fields of an
import (``parse_date``: strict about impossible dates, lenient about format)
and recognising dates inside free text for redaction (``find_dates`` and
``date_from_match``), where a date of birth written as ``4.3.12`` must be
recognised as the same day as ``2012-03-04``.
"""

from __future__ import annotations

import re
from datetime import date

from moderator.anonymise.lexicon import lower_same_length, lower_text
from moderator.anonymise.nearby import ascii_twins, for_text
from moderator.anonymise.patterns import near_spans, word_positions

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

# Full month names in any case; "May" and abbreviations only capitalised or upper case,
# so that "3 mar" or "2 may" in running lowercase text are not taken for dates.
_MONTH = (
    r"(?:(?i:january|february|march|april|june|july|august|september|october|november|december)"
    r"|May|MAY"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)\.?)"
)
_ORD = r"(?:st|nd|rd|th|ST|ND|RD|TH)?"

# Dates are looked for only where a run of digits starts (found quickly), and month-first
# dates ("March 4th 2012") only after a month's name; both are then matched precisely.
# (each pattern here that scans a whole text starts with one character, not a repeat: the
# regex engine then skips to where it can start instead of trying every position)
_DIGITS = re.compile(r"\d\d*")
DATE_NUM_RE = re.compile(
    # 2012-03-04, 2012/03/04
    r"(?P<iy>\d{4})(?P<isep>[-/.])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})(?![\w/]|[.-]\d)"
    # 04/03/2012, 4.3.12, 04-03-2012 (day first, the same separator twice)
    r"|(?P<nd>\d{1,2})(?P<nsep>[-/.])(?P<nm>\d{1,2})(?P=nsep)(?P<ny>\d{4}|\d{2})(?![\w/]|[.-]\d)"
    # 4th March 2012, 4 Mar 12, 4th of March, 04 March, 13-Jan-24
    rf"|(?P<td>\d{{1,2}}){_ORD}(?:\s+of)?[\s-]+(?P<tm>{_MONTH})(?![a-z])"
    r"(?:,?[\s-]+(?P<ty>\d{4}|['’]\d{2}|(?<=-)\d{2}|\d{2}(?=[,;)]|\.(?!\d)|[ \t]*$|[ \t]{2}))(?!\d))?"
)
# March 4th 2012, March 4, 2012, March 4th
DATE_MONTH_RE = re.compile(
    # "Oct 23rd: home visit" (a colon after an ordinal ends the date; "Mar 10:30" is a time)
    rf"(?P<mm>{_MONTH})\s+(?P<md>\d{{1,2}})(?:(?:st|nd|rd|th|ST|ND|RD|TH)(?![\w])|(?![\w:]))"
    r"(?:,?\s+(?P<my>\d{4})(?!\d))?"
)
_MONTH_BEFORE = re.compile(r"(?<![A-Za-z])([A-Za-z]{3,9})\.?[ \t]+$")


# the first day of a range before a day and month: the "5" of "5-9 June", "5th–9th June"
_RANGE_START = re.compile(r"(?<![\w/.,-])\d{1,2}(?:st|nd|rd|th)?[ \t]*[-–]$")


def starts_cleanly(text: str, start: int) -> bool:
    """Whether a date match at ``start`` begins a token (not inside 12/04/2012/5 or a word)."""
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "/.-_")


# find_dates' patterns, and their twins for a note of ASCII characters only (the same
# matches, their classes tested by table: quicker than by Unicode category)
_FIND = (_DIGITS, _RANGE_START, DATE_NUM_RE, _MONTH_BEFORE, DATE_MONTH_RE)
_FIND_ASCII = ascii_twins(*_FIND)


def find_dates(text: str) -> list[re.Match[str]]:
    """Every date written in ``text``, in order."""
    found: list[re.Match[str]] = []
    end = 0
    digits_re, range_re, num_re, before_re, month_re = _FIND_ASCII if text.isascii() else _FIND
    for run in digits_re.finditer(text):
        start = run.start()
        if start < end:
            continue
        ranged = not starts_cleanly(text, start) and range_re.search(text, max(0, start - 8), start)
        if not (ranged or starts_cleanly(text, start)):
            m = num_re.match(text, start) if text[start - 1] == "-" else None
            if m is not None and m.group("ny") and text[start - 5 : start - 1].isdigit():
                found.append(m)  # "Jan 2024-21.11.24": a full date ending a range
                end = m.end()
            continue
        m = num_re.match(text, start)
        if ranged and (m is None or not m.group("td")):
            continue  # "5-9 June" is a range of days; "12-3" alone is not a date
        if (
            m is not None
            and m.group("td")
            and "-" in m.group()
            and start >= 4
            and text[start - 1] == " "
            and text[start - 2].isalpha()
            and (hint := before_re.search(text, max(0, start - 12), start)) is not None
            and hint.group(1).lower() in MONTHS
        ):
            m = None  # "Jan 8th-Feb 2nd": the month before the day is its month
        if m is None and start >= 4 and text[start - 1] in " \t" and text[start - 2].isalpha():
            # "March 4th 2012": a month's name just before the digits
            hint = before_re.search(text, max(0, start - 12), start)
            if (
                hint is not None
                and hint.group(1).lower() in MONTHS
                and (
                    starts_cleanly(text, hint.start())
                    # "Jan 8th-Feb 2nd": the second month of a range
                    or (text[hint.start() - 1] == "-" and end == hint.start() - 1)
                )
            ):
                m = month_re.match(text, hint.start())
        if m is not None:
            found.append(m)
            end = m.end()
    found.sort(key=lambda m: m.start())
    return found


_COORDINATED_DAY = re.compile(r"(?<![\w.,/])(\d{1,2})(?:st|nd|rd|th)?\s*(?:,|and|&|or|to|-|–)\s*$")


def coordinated_days(text: str, m: re.Match[str]) -> list[tuple[int, int]]:
    """Days written before a "4th March" date and sharing its month: the 2nd in "2nd and 9th of May"."""
    out: list[tuple[int, int]] = []
    if not m.groupdict().get("td"):
        return out
    end = m.start()
    while True:
        hit = _COORDINATED_DAY.search(text, max(0, end - 12), end)
        if hit is None or not 1 <= int(hit.group(1)) <= 31:
            return out
        day_end = hit.end(1)
        while day_end < hit.end() and text[day_end].isalpha():
            day_end += 1  # the ordinal suffix
        out.append((hit.start(1), day_end))
        end = hit.start()


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    digits = text.lstrip("'’")
    value = int(digits)
    if len(digits) == 2:
        # Case records span children and their grandparents: pivot two-digit years on today.
        pivot = date.today().year % 100 + 1
        value += 2000 if value <= pivot else 1900
    return value


def date_from_match(m: re.Match[str]) -> tuple[int | None, int, int] | None:
    """The (year, month, day) a date match denotes; year is None when not written.

    Returns None when the digits cannot be a calendar day (e.g. 13/13/2012); such a
    match is still a date-like string and is redacted, it just matches no known date.
    """
    groups = m.groupdict()
    if groups.get("iy"):
        y, mo, d = int(groups["iy"]), int(groups["im"]), int(groups["id"])
    elif groups.get("nd"):
        d, mo = int(groups["nd"]), int(groups["nm"])
        y = _year(groups["ny"]) or 0
    elif groups.get("td"):
        d, mo = int(groups["td"]), MONTHS[groups["tm"].rstrip(".").lower()]
        return _valid(_year(groups["ty"]), mo, d)
    else:
        d, mo = int(groups["md"]), MONTHS[groups["mm"].rstrip(".").lower()]
        return _valid(_year(groups["my"]), mo, d)
    return _valid(y, mo, d)


def _valid(y: int | None, mo: int, d: int) -> tuple[int | None, int, int] | None:
    try:
        date(y or 2000, mo, d)  # 2000 is a leap year, so 29 February without a year is fine
    except ValueError:
        return None
    return (y, mo, d)


_FIELD_FORMS = re.compile(
    r"^\s*(?:"
    r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|(?P<nd>\d{1,2})(?P<nsep>[-/.])(?P<nm>\d{1,2})(?P=nsep)(?P<ny>\d{4})"
    rf"|(?P<td>\d{{1,2}}){_ORD}(?:\s+of)?[\s-]+(?P<tm>{_MONTH})[\s,-]+(?P<ty>\d{{4}})"
    rf"|(?P<mm>{_MONTH})\s+(?P<md>\d{{1,2}}){_ORD},?\s+(?P<my>\d{{4}})"
    r")\s*$"
)


def parse_date(value: object) -> date:
    """Parse a structured date field: ISO ``2012-03-04`` or UK ``04/03/2012``, ``4 March 2012``.

    Day comes before month in numeric forms (this is an English case system).
    Two-digit years are refused here: in a date of birth 1912 and 2012 are both plausible.

    Raises:
        ValueError: with a message naming the value, e.g. ``not a date: "31/02/2012"``.
    """
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    m = _FIELD_FORMS.match(value)
    if m is None:
        raise ValueError(
            f'not a date: "{value}" (use 2012-03-04, 04/03/2012 or 4 March 2012)'
            if value.strip()
            else "empty date"
        )
    g = m.groupdict()
    if g["iy"]:
        y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
    elif g["nd"]:
        y, mo, d = int(g["ny"]), int(g["nm"]), int(g["nd"])
    elif g["td"]:
        y, mo, d = int(g["ty"]), MONTHS[g["tm"].rstrip(".").lower()], int(g["td"])
    else:
        y, mo, d = int(g["my"]), MONTHS[g["mm"].rstrip(".").lower()], int(g["md"])
    try:
        return date(y, mo, d)
    except ValueError:
        raise ValueError(f'not a date: "{value}"') from None


# -- dates written loosely in notes: without a year, in words, compact --------------------------
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
    rf"(?i:(?:the\s+)?(?P<wd>{_ORDINAL})\s+(?:of\s+)?(?P<wm>{_MONTH}))(?![a-z])(?:,?[ \t]+(?:19|20)\d\d(?![\w]))?"
    rf"|(?P<mm2>{_MONTH})\s+the\s+(?P<wd2>(?i:{_ORDINAL}))(?![a-z])"
)
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "03JUN11", "3jun2011": a compact date of birth as police and health forms write it
COMPACT_DATE_RE = re.compile(
    r"(?<![\w/])(?P<d>\d{1,2})(?P<m>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
    r"(?P<y>\d{2}|\d{4})(?![\w/])"
)
# "14/02", "3/11", "16.10", "w/c 14/02": day and month without a year
DAY_MONTH_RE = re.compile(
    r"(?P<d>\d(?<![\w/.£$,-]\d)\d?)(?P<sep>[/.])(?P<m>\d{1,2})(?![\w/%]|[.,]\d)"
)
# "Thurs 3rd", "Tue 8th", "on the 4th": a weekday or "the" and an ordinal day
WEEKDAY_DAY_RE = re.compile(
    r"(?<![\w])(?:(?i:mon|tues?|wed|weds|thu|thur|thurs|fri|sat|sun)(?i:day)?\.?\s+"
    r"|(?<=\bon\s)the\s+|(?<=\bOn\s)the\s+"
    # "Visit 14th.", "seen 3rd", "review due 21st": a dated event and a day
    r"|(?<=(?i:visit) )|(?<=(?i:seen) )|(?<=(?i:review) )|(?<=\bdue )|(?<=(?i:until) )"
    r"|(?<=(?i:since) )|(?<=\bfrom )|(?<=\bby )|(?<=\bbooked for ))"
    r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)(?![\w])"
)
# not a day but a count of something: "on the 3rd floor", "on the 2nd attempt" (checked after
# the match: the scan below ends each search at the ordinal)
_COUNTED_AFTER = re.compile(
    r"[ \t]+(?i:floor|time|attempt|occasion|go|try|child|one|place|grade|birthday)\b"
)
# numbers before a day/month that make it a score or a fraction, not a date
NOT_A_DATE_BEFORE = re.compile(r"(?i:scor\w*|scal\w*|rated?|rating|out\s+of|level|grade|£)\s*$")
# ... and after it: "attended 4/5 days" (a fraction of a count)
_COUNT_AFTER = re.compile(r"[ \t]+(?i:days?|sessions?|lessons?|times|weeks|nights|visits)\b")
# a time, not a date, after these: "bus 8.05", "at 3.45"
_TIME_BEFORE = re.compile(
    r"(?i:\b(?:at|bus|train|approx\.?|around|about|time|pick[- ]?up))[ \t]*\Z"
)


# a day and month written with a dot and a one-digit month ("16.6") is a date only where a
# date is expected: after a word that dates something, or heading a line ("16.6 - visit")
_DATE_CUE_BEFORE = re.compile(
    r"(?i:\b(?:on|note|notes|review|reviewed|visit|visited|seen|meeting|conference|dated?|from"
    r"|until|till|since|by|w/c|held|contact|call|called|entry|icpc|rcpc|cin|lac|strategy"
    r"|discussion|incident|planned|booked|due|next|last|appointment|appt)[ \t]*:?[ \t]*)\Z"
)  # (\Z, not $: a cue word ending the line before, "conference⏎1.1", is a heading's)
_LINE_HEAD_DATE = re.compile(r"[ \t]*[-–:]")


def _dotted_date(text: str, m: re.Match[str]) -> bool:
    line_start = text.rfind("\n", 0, m.start()) + 1
    if not text[line_start : m.start()].strip() and _LINE_HEAD_DATE.match(text, m.end()):
        return True
    return _DATE_CUE_BEFORE.search(text, max(0, m.start() - 16), m.start()) is not None


_ORDINAL_STEMS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth", "tenth", "eleventh", "twelfth", "teenth", "tieth")  # fmt: skip
_COMPACT_HINT = re.compile(r"\d[A-Za-z]{3}\d")
_ORDINAL_DAY = re.compile(r"\d(?:st|nd|rd|th)\b")
_LOOSE = (_COMPACT_HINT, COMPACT_DATE_RE, DAY_MONTH_RE, _ORDINAL_DAY)
_LOOSE_ASCII = ascii_twins(*_LOOSE)  # as _FIND_ASCII


def _ordinal_value(word: str) -> int:
    parts = re.split(r"[\s-]+", word.lower())
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
    compact_hint, compact_re, day_month, ordinal_day = _LOOSE_ASCII if text.isascii() else _LOOSE
    compact = any(compact_hint.search(text, lo, hi) for lo, hi in regions)
    for m in compact_re.finditer(text) if compact else ():
        ymd = _valid(_year(m.group("y")), MONTHS[m.group("m").lower()], int(m.group("d")))
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
            or _COUNT_AFTER.match(text, m.end())
            or (
                m.group("sep") == "."
                and _TIME_BEFORE.search(text, max(0, m.start() - 10), m.start())
            )
        ):
            continue  # "scored 7/10", "4/5 days", "bus 8.05"
        out.append((m.start(), m.end(), _valid(None, month, day)))
    if any(ordinal_day.search(text, lo, hi) for lo, hi in regions):
        out += [(m.start(), m.end(), None) for m in _weekday_days(text)]
    return out


_ORDINAL_END = re.compile(r"\d\d?(?:st|nd|rd|th)(?![\w])")  # how every WEEKDAY_DAY_RE ends


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
        if m is not None and not _COUNTED_AFTER.match(text, m.end()):
            out.append(m)
            resume = m.end()
    return out
