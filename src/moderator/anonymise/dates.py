"""Dates as people write them in English case records.

One parser serves two purposes: reading the structured date fields of an
import (``parse_date``: strict about impossible dates, lenient about format)
and recognising dates inside free text for redaction (``find_dates`` and
``date_from_match``), where a date of birth written as ``4.3.12`` must be
recognised as the same day as ``2012-03-04``. Dates written loosely (without a year, in
words, compactly) are found by :mod:`.dates_loose`.
"""

from __future__ import annotations

import re
from datetime import date

from moderator.anonymise.nearby import ascii_twins, plain
from moderator.domain.limits import EARLIEST_YEAR, LATEST_YEAR

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
    # a child's spellings, read after an ordinal ("17th febuary")
    "febuary": 2,
    "feburary": 2,
    "janury": 1,
    "agust": 8,
    "augest": 8,
    "septmber": 9,
    "ocotber": 10,
    "novemeber": 11,
    "decemeber": 12,
    "febrary": 2,
    "janurary": 1,
    "januray": 1,
    "apirl": 4,
    "septemeber": 9,
    "novmber": 11,
    "decmber": 12,
}

# Full month names in any case; "May" and abbreviations only capitalised or upper case,
# so that "3 mar" or "2 may" in running lowercase text are not taken for dates.
_MONTH = (
    r"(?:(?i:january|february|march|april|june|july|august|september|october|november|december)"
    r"|May|MAY"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\.?"
    # in lower case after an ordinal only ("27th sept"; "3 mar" in running text is no date)
    r"|(?<=\d(?:st|nd|rd|th) )(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
    # and after a bare day where the word is no verb ("on 1 feb", "12 sept"; not "3 mar")
    r"|(?<=\d )(?:jan|feb|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
    # "may" only where no verb follows it: "on 3rd may at the bowling", not "the 2nd may be"
    r"|(?<=\d(?:st|nd|rd|th) )may(?=[ \t]*(?:[.,;:!?)\n]|\Z|\d|(?:at|in|on|and|for|till|until)\b))"
    # a child's spellings, no English words, after an ordinal or a bare day ("the 5 of febuary")
    r"|(?:(?<=\d(?:st|nd|rd|th) )|(?<=\d(?:st|nd|rd|th) of )|(?<=\d )|(?<=\d of ))(?i:febuary|feburary|febrary|janury"
    r"|janurary|januray|agust|augest|apirl|septmber|septemeber|ocotber|novemeber|novmber"
    r"|decemeber|decmber)\b)"
)
_ORD = r"(?:st|nd|rd|th|ST|ND|RD|TH)?"

# Dates are looked for only where a run of digits starts (found quickly), and month-first
# dates ("March 4th 2012") only after a month's name; both are then matched precisely.
# (each pattern here that scans a whole text starts with one character, not a repeat: the
# regex engine then skips to where it can start instead of trying every position)
_DIGITS = re.compile(r"\d\d*")
DATE_NUM_RE = re.compile(
    # 2012-03-04, 2012/03/04, and an ISO stamp's time with it (2025-05-06T08:12)
    r"(?P<iy>\d{4})(?P<isep>[-/.])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})(?:T\d\d:\d\d(?::\d\d)?Z?)?(?![\w/]|[.-]\d)"
    # 04/03/2012, 4.3.12, 04-03-2012 (day first, the same separator twice)
    # (and the first of a range of them: "14/04/25-16/04/25"; strokes spaced on a form: "14 / 2 / 25")
    r"|(?P<nd>\d{1,2})(?P<nsep>[-/.]|[ \t]/[ \t])(?P<nm>\d{1,2})(?P=nsep)(?P<ny>\d{4}|\d{2})"
    r"(?![\w/]|[.-]\d(?!\d?[/.]\d{1,2}[/.]\d))"
    # 4th March 2012, 4 Mar 12, 4th of March, 04 March, 13-Jan-24
    rf"|(?P<td>\d{{1,2}}){_ORD}(?:\s+of)?[\s-]+(?P<tm>{_MONTH})(?![A-Za-z])"
    r"(?:,?[\s-]+(?P<ty>\d{4}|['’]\d{2}|(?<=-)\d{2}"
    # a two-digit year where the date ends: a stop, a bracket, the line's end, two spaces, or
    # a chronology's dash ("3 Jan 25 - Kirsty tells HV")
    r"|\d{2}(?=[,;)]|\.(?!\d)|[ \t]*$|[ \t]{2}|[ \t]+[-–][ \t]))(?!\d))?"
)
# March 4th 2012, March 4, 2012, March 4th
DATE_MONTH_RE = re.compile(
    # "Oct 23rd: home visit" (a colon after an ordinal ends the date; "Mar 10:30" is a time)
    # (and a month in lower case before an ordinal day: "dec 9th – CIN meeting")
    rf"(?P<mm>{_MONTH}|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
    r"(?=[ \t]\d{1,2}(?:st|nd|rd|th)(?![\w])))"
    r"\s+(?P<md>\d{1,2})(?:(?:st|nd|rd|th|ST|ND|RD|TH)(?![\w])|(?![\w:]))"
    r"(?:,?\s+(?P<my>\d{4})(?!\d))?"
)
_MONTH_BEFORE = re.compile(r"(?<![A-Za-z])([A-Za-z]{3,9})\.?[ \t]+$")


# the first day of a range before a day and month: the "5" of "5-9 June", "5th–9th June", and
# of a night's two days: "1st/2nd Feb"
_RANGE_START = re.compile(r"(?<![\w/.,-])\d{1,2}(?:st|nd|rd|th)?[ \t]*[-–/]$")


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
    digits_re, range_re, num_re, before_re, month_re = _FIND_ASCII if plain(text) else _FIND
    for run in digits_re.finditer(text):
        start = run.start()
        if start < end:
            continue
        ranged = not starts_cleanly(text, start) and range_re.search(text, max(0, start - 8), start)
        if not (ranged or starts_cleanly(text, start)):
            m = num_re.match(text, start) if text[start - 1] in "-–" else None
            if (
                m is not None
                and m.group("ny")
                and (
                    text[start - 5 : start - 1].isdigit()
                    or (found and found[-1].end() == start - 1 and found[-1].group("ny"))
                )
            ):
                # "Jan 2024-21.11.24", "14/04/25-16/04/25": a full date ending a range
                found.append(m)
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
        if m is not None and a_score(text, m.start(), m.end()):
            continue  # "Signs of Safety scaling: mum 4/10, dad 5/10": scores out of ten
        if m is not None and an_age_in_months(text, m.start(), m.end()):
            continue  # "Zainab Iqbal (9/12)": a baby's age
        if m is not None:
            found.append(m)
            end = m.end()
    found.sort(key=lambda m: m.start())
    return found


_A_SCORE = re.compile(r"(?:10|[0-9](?:\.5)?)/10")
# a scale's words anywhere on the line before the score; a mood's or a worry's close before it
_SCALE_WORDS = ("scal", "score", "rated", "rating", "rate ", "out of")
_SCALED_WORDS = ("mood", "worry", "wellbeing")


def a_score(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a score out of ten ("4/10") on a line that speaks of a
    scale or a score ("Signs of Safety scaling: mum 4/10"), not a date."""
    if not _A_SCORE.fullmatch(text, start, end):
        return False
    # (the line's words up to the score, the nearest forty characters for a mood's or a worry's)
    line = text[text.rfind("\n", 0, start) + 1 : start].lower()
    near = line[-40:]
    return any(w in line for w in _SCALE_WORDS) or any(w in near for w in _SCALED_WORDS)


# a baby's age in months, as health notes write it: "(9/12)", "4/12 old"
_MONTHS_OLD = re.compile(r"(?:[1-9]|1[01])/12")
_NAMED_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]*\($")


def an_age_in_months(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a baby's age in months ("9/12") in brackets right after a
    name ("Zainab Iqbal (9/12)", "baby Hope (4/12)") or before "old", not a date."""
    if not _MONTHS_OLD.fullmatch(text, start, end):
        return False
    if text[end : end + 4] == " old":
        return True
    return (
        text[end : end + 1] == ")"
        and _NAMED_BEFORE.search(text, max(0, start - 30), start) is not None
    )


_COORDINATED_DAY = re.compile(
    r"(?<![\w.,/])(\d{1,2})(?:st|nd|rd|th)?\s*(?:,|and|&|or|to|-|–|/)\s*$"
)


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
        ValueError: with a message naming the value, e.g. ``not a date: "31/02/2012"``, or
        ``not a plausible date`` for a year outside 1900 to 2199.
    """
    if isinstance(value, date):
        return _plausible(value, value.isoformat())
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
        day = date(y, mo, d)
    except ValueError:
        raise ValueError(f'not a date: "{value}"') from None
    return _plausible(day, value)


def _plausible(day: date, written: str) -> date:
    """``day``, or ValueError when no case of this work is dated in its year (9999-12-31
    would run a report's windows past the calendar's end; docs/formats.md)."""
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise ValueError(
            f'not a plausible date: "{written}" (years {EARLIEST_YEAR} to {LATEST_YEAR} only)'
        )
    return day
