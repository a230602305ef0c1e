"""Dates named by their month or season, and what is written around a date.

Besides the numbers of :mod:`.dates`, notes date things by a month and a year (``Jan 2024``,
``Aug '23``), by a month alone where a date is plainly meant (``since Sept``, ``review
July``, ``early Nov``, a chronology's ``Dec - …``), by a season or a festival of a year
(``Hallowe'en 2023``, ``Oct half term``). A date also carries what is written with it: the
weekday before it (``Wed 6 March 2024``), the week it starts (``w/c 15/01``), the time after
it (``14 March 2024 08:12``) or before it (``0145 HRS 10/03``), and ``the`` before an
ordinal (``the 9th of April``).
"""

from __future__ import annotations

import re

from moderator.anonymise.dates import MONTHS
from moderator.anonymise.dates_loose import NOT_A_DATE_BEFORE
from moderator.anonymise.lexicon import lower_text
from moderator.anonymise.patterns import near_spans
from moderator.anonymise.references import lowered

# in the lower-cased text (a case-insensitive pattern is three times slower to scan)
_MONTH_WORD_RE = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?")

_MONTH_NAME = (
    r"(?:(?i:january|february|march|april|june|july|august|september|october|november|december)"
    r"|May|MAY|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
    r"|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)\.?)"
)
# "Jan 2024", "Aug '23", "September 2021"
MONTH_YEAR_RE = re.compile(
    rf"(?<![\w'’])(?P<m>{_MONTH_NAME})[ \t]+(?P<y>\d{{4}}|['’]\d{{2}})(?![\w'’])"
)
# a month alone where a date is meant: "since Sept", "review July", "early Nov", "- Dec -"
MONTH_CUE_RE = re.compile(
    r"(?:(?P<cue>(?i:\b(?:since|until|till|from|by|during|review|reviewed|due|booked|planned)))"
    r"[ \t]+|(?P<q>(?i:\b(?:early|mid|late|end[ \t]+of|start[ \t]+of|beginning[ \t]+of)))[ \t]+"
    r"|(?P<li>(?m:^)[ \t>*•]*(?:[-–][ \t]*)?|[-–;][ \t]+))"
    rf"(?P<m>{_MONTH_NAME})(?![\w'’])(?P<tail>[ \t]+(?i:half[ \t-]?term))?"
)
# after a month that heads a list item, what makes it the item's date: "Dec - mother reports"
_ITEM_AFTER = re.compile(r"[ \t]*[-–:]")
# a season or festival of a year: "Hallowe'en 2023", "Christmas 2022", "summer holidays 2021"
SEASON_YEAR_RE = re.compile(
    r"(?<![\w])(?:Christmas|Easter|Hallowe['’]?en|Halloween|Bonfire[ \t]+Night|New[ \t]+Year"
    r"|Eid(?:[ \t]+al-[A-Z]?[a-z]+)?|Diwali|Ramadan|Boxing[ \t]+Day|[Hh]alf[ \t-]?[Tt]erm"
    r"|[Ss]ummer[ \t]+[Hh]olidays?)[ \t]+\d{4}(?![\w])"
)
_YEAR_RE = re.compile(r"(?:1(?<!\d1)9|2(?<!\d2)0)\d\d(?!\d)")  # (?<!\d)(?:19|20): from its digit
_HINTS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
          "christmas", "easter", "hallowe", "halloween", "bonfire", "new year", "eid", "diwali",
          "ramadan", "boxing", "half", "summer")  # fmt: skip


def find_month_dates(text: str) -> list[tuple[int, int]]:
    """Dates written with a month and no day, or as a season of a year."""
    lower = lower_text(text)
    if not any(h in lower for h in _HINTS):
        return []
    # the patterns are tried only around the months' names (a long note has few)
    months = (
        _month_words(lower, lowered(text)[1])
        if text.isascii()
        else [
            m.span()
            for m in _MONTH_WORD_RE.finditer(lower)
            if m.group().rstrip(".") in MONTHS
            and (m.start() == 0 or not lower[m.start() - 1].isalpha())
        ]
    )
    out = [(m.start(), m.end()) for m in near_spans(MONTH_YEAR_RE, months, text, 2, 12)]
    for m in near_spans(MONTH_CUE_RE, months, text, 24, 20):
        if m.group("m").rstrip(".").lower() not in MONTHS:
            continue
        if m.group("tail"):
            continue  # "since Feb half term": a school's calendar, the same for every pupil
        if m.group("li") is not None and not _ITEM_AFTER.match(text, m.end()):
            continue  # "- May we…": a list item's month is its date only before a dash or colon
        end = m.end() - (1 if text[m.end() - 1] == "." else 0)  # "since Sept. Mum": a full stop
        out.append((m.start("q") if m.group("q") else m.start("m"), end))
    years = [m.span() for m in _YEAR_RE.finditer(text)]  # a season is dated by its year
    out += [(m.start(), m.end()) for m in near_spans(SEASON_YEAR_RE, years, text, 24, 0)]
    return out


def _month_words(lower: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """The months' names ``_MONTH_WORD_RE`` keeps in an ASCII note's lower case (whole words,
    a full stop after), each that the note's words hold found by ``str.find``: quicker than
    the pattern, which branches twelve ways at every position of the note."""
    spans = []
    for month in (m for m in MONTHS if m in words):
        at = lower.find(month)
        while at >= 0:
            end = at + len(month)
            if (at == 0 or not lower[at - 1].isalpha()) and not "a" <= lower[end : end + 1] <= "z":
                spans.append((at, end + 1 if lower.startswith(".", end) else end))
            at = lower.find(month, at + 1)
    return sorted(spans)


_WEEKDAY_BEFORE = re.compile(
    r"(?<![\w])(?i:mon|tues?|wed|weds|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday)\.?,?[ \t]+(?:the[ \t]+)?$"
    # a weekday with its capital at a line's end, the date in figures wrapped to the next
    # ("from Monday / 20th January"; not "in the sun" / "14/03 visit", a log's next line, nor
    # "Thurs." / "Early March", a list's end)
    r"|(?<![\w])(?:Mon|Tues?|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day)?[ \t]*\n[ \t]*$"
)
_WEEK_BEFORE = re.compile(
    r"(?<![\w])(?i:w/c|w/b|w/e|wc|wb|week[ \t]+(?:commencing|beginning|of)"
    r"|wk[ \t]+(?:bgn|beg|begin|beginning|com|comm|commencing))\.?:?[ \t]*$"
)
_THE_BEFORE = re.compile(r"(?<![\w])the[ \t]+$")
# an ordinal day where a date starts ("the 5th of May"), compiled once, not on every call
_ORDINAL_START = re.compile(r"\d{1,2}(?:st|nd|rd|th)")
_TIME_BEFORE = re.compile(
    r"(?<![\w:.])(?:\d{1,2}[:.]\d{2}|\d{4}[ \t]*(?i:hrs|hours))[ \t]+(?:on[ \t]+)?$"
)
_TIME_AFTER = re.compile(
    r",?[ \t]+(?:at[ \t]+)?(?:\d{1,2}:\d{2}(?:[ \t]*(?i:am|pm|hrs))?|\d{4}[ \t]*(?i:hrs)"
    # a police log's 24-hour time: "02/03 0310"
    r"|(?:[01]\d|2[0-3])[0-5]\d(?![\d/.]))(?![\w]|:\d)"
)


def widen_date(text: str, start: int, end: int) -> tuple[int, int]:
    """The date at ``text[start:end]`` with its weekday, week, ``the`` and time."""
    for pattern in (_WEEKDAY_BEFORE, _WEEK_BEFORE, _TIME_BEFORE):
        m = pattern.search(text, max(0, start - 24), start)
        if m is not None and ("\n" not in m.group() or text[start : start + 1].isdigit()):
            start = m.start()
    if text[start : start + 2].isdigit() or text[start : start + 1].isdigit():
        m = _THE_BEFORE.search(text, max(0, start - 6), start)
        if m is not None and _ORDINAL_START.match(text, start, end):
            start = m.start()
    m = _TIME_AFTER.match(text, end) or _WEEKDAY_AFTER.match(text, end)
    if m is not None:
        end = m.end()  # "14/03/2025 at 10:30", "17th March (Mon)"
    return start, end


_WEEKDAY = (
    r"(?:Mon|Tues?|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun|Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday)"
)
# "17th March (Mon)", and a log's day after its date: "13/2 Thurs LAC health review"
_WEEKDAY_AFTER = re.compile(rf"[ \t]*\({_WEEKDAY}\.?\)|[ \t]+{_WEEKDAY}\.?(?![\w'’-])")


# a month and year in figures: "06/2016", "11/2018" (a year of this century or the last)
_MONTH_YEAR_NUM = re.compile(r"(?:0?[1-9]|1[0-2])/(?:19|20)\d\d(?![\w/]|[.-]\d)")
_SLASH_YEAR = re.compile(r"/(?:19|20)\d\d(?![\w/]|[.-]\d)")  # (found from its slash)
# a month's short name and a year of two figures: "Jun-23", "Jan-17"
_MONTH_DASH_YEAR = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG"
    r"|SEPT?|OCT|NOV|DEC)-\d\d(?![\w/-])"
)
_DASH_YEAR = re.compile(r"-\d\d(?![\w/-])")


def find_month_years(text: str, regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A month and year in figures ("06/2016") and a short month with a two-figure year
    ("Jun-23"), in the stretches around the note's digits."""
    out: list[tuple[int, int]] = []
    for slash in (d for lo, hi in regions for d in _SLASH_YEAR.finditer(text, lo, hi)):
        my = _MONTH_YEAR_NUM.match(text, max(0, slash.start() - 2), slash.end())
        if my is None or my.end() != slash.end():
            my = _MONTH_YEAR_NUM.match(text, max(0, slash.start() - 1), slash.end())
        if my is None or my.end() != slash.end():
            continue
        if (
            my.start() == 0 or not (text[my.start() - 1].isalnum() or text[my.start() - 1] in "/.-")
        ) and not NOT_A_DATE_BEFORE.search(text, max(0, my.start() - 14), my.start()):
            out.append(my.span())  # "06/2016   Family move…"
    for lo, hi in regions:  # "Housing  Jun-23", found from its dash and figures
        for dash in _DASH_YEAR.finditer(text, lo, hi):
            at = dash.start()
            mon = _MONTH_DASH_YEAR.match(text, max(0, at - 3), dash.end()) or (
                _MONTH_DASH_YEAR.match(text, max(0, at - 4), dash.end())  # "Sept-22"
            )
            if (
                mon is not None
                and mon.end() == dash.end()
                and (
                    mon.start() == 0
                    or not (text[mon.start() - 1].isalnum() or text[mon.start() - 1] == "-")
                )
            ):
                out.append(mon.span())
    return out
