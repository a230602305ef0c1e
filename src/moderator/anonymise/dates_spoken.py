"""Dates written as people say them: a bare year, a school term, a week, a festival's day.

Beside the full dates of :mod:`.dates` and the months of :mod:`.date_words`, notes date
things by a year alone in running text (``moved here in 2017``, a school history's
``2016-17``), a term with its year (``summer term 2025``, ``autumn half-term 2023``,
``Oct half term 2024``), a season of a year with ``the`` (``the summer of 2023``), the week a
day starts or ends (``w/c 26th``, ``w/e 23/2``), a range of days and months
(``05/02-06/02``), and Easter's days (``Easter Sunday``, ``Easter Mon``). A term or festival
without its year (``since half term``, ``the summer term``, ``Feb half term``, ``since
Easter``) says when only loosely, as a school's calendar does, and stays.
"""

from __future__ import annotations

import re

from moderator.anonymise.nearby import for_text
from moderator.anonymise.patterns import near_spans
from moderator.anonymise.references import lowered, present, word_starts
from moderator.anonymise.state import State

# a year alone, or a school year ("2016-17", "2019/20"); not part of a number, a reference,
# a price or a version (from its first digit: the engine skips to digits)
_BARE_YEAR = re.compile(
    r"(?:1(?<![\w/.£$€#:,-]1)9[5-9]|2(?<![\w/.£$€#:,-]2)0[0-3])\d"
    r"(?:[-–/](?:\d\d|20[0-3]\d)(?![\w/.-]|\.\d))?(?![\w/:%-]|[.,]\d)"
    # a count, not a year: "1995 points", "2000 words"
    r"(?![ \t]+(?i:points|words|people|pupils|children|families|cases|miles|metres|meters|steps"
    r"|hours|minutes|pounds|calories|times|units|kg|km|ml|mg|euros?|dollars?|quid|lira|lei"
    r"|zloty|naira|rupees|dinars?|afghanis?|birr|shillings|pesos|grams|g)\b)"
)
# the words before a year that make it part of something else: an Act's or a form's year
# ("Children Act 1989"), a guidance's edition, a month or season other layers date with it
# ("Jan 2023")
_NOT_BEFORE = frozenset(
    {"act", "regulations", "order", "rules", "no", "number", "ref", "version", "v", "jan", "feb",
     "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
     "february", "march", "april", "june", "july", "august", "september", "october", "november",
     "december", "spring", "summer", "autumn", "winter", "term", "easter", "christmas", "dob",
     "born", "class", "year", "of", "£", "soa", "children",
     # a guidance's or a report's edition: "Working Together 2023", "KCSIE 2024"
     "together", "education", "kcsie", "guidance", "framework", "procedures", "protocol",
     "policy", "strategy", "standards", "census", "report", "edition"}
)  # fmt: skip
# a term with its year: "summer term 2025", "autumn half-term 2023", "Oct half term 2024",
# "the summer of 2023"
_TERM = re.compile(
    r"(?:(?i:the)[ \t]+)?(?:(?i:early|late|mid|end[ \t]+of|start[ \t]+of)[ \t-]+)?"
    r"(?:(?i:spring|summer|autumn|winter)(?:[ \t]+(?i:half[ \t-]?term|term|holidays?))?"
    r"[ \t]+(?:(?i:of)[ \t]+)?(?:19|20)\d\d"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?[ \t]+(?i:half[ \t-]?term)"
    r"[ \t]+(?:19|20)\d\d)(?![\w])"
)
# (a term without its year, "the summer term", "February half term", says when only as a
# school's calendar does, the same for every pupil: batches A-BA keep it 63 times of 71)
_TERM_WORDS = ("spring", "summer", "autumn", "winter", "half")
_FESTIVAL_WORDS = ("Easter", "EASTER")
# the week a day starts or ends: "w/c 26th", "w/e 23/2", "w/c 3.6"
_WEEK = re.compile(
    r"(?i:w/[ce])[ \t]+(?:\d{1,2}(?:st|nd|rd|th)|\d{1,2}[/.]\d{1,2}(?:[/.](?:\d{4}|\d\d))?)"
    r"(?![\w/]|\.\d)"
)
# a range of days and months: "05/02-06/02", "5/2 - 9/2"
# a range of days and months ("05/02-06/02", "5/2 - 9/2"): from its first slash, the day
# before it checked in Python
_DAY_RANGE = re.compile(r"/\d{1,2}[ \t]*[-–][ \t]*\d{1,2}/\d{1,2}(?![\w/-]|\.\d)")
# Easter's days, and a weekday with its day in capitals ("SUNDAY 10TH")
_FESTIVAL_DAY = re.compile(
    r"(?<![\w])(?:Easter|EASTER)[ \t]+(?i:Sunday|Sun|Monday|Mon|Saturday|Sat|Friday|Fri|Day)"
    r"(?![\w])|(?<![\w])(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY[ \t]+\d{1,2}(?:ST|ND|RD|TH)"
    r"(?![\w])"
)


def find_spoken_dates(st: State) -> None:
    """Bare years, terms, weeks, ranges of days and festival days (see the module's text)."""
    text = st.text
    lower = lowered(text)[0]
    for m in for_text(_BARE_YEAR, text).finditer(text):  # ASCII classes on an ASCII note
        if _word_before(text, m.start()) not in _NOT_BEFORE:
            _take(st, m.start(), m.end())
    # the other shapes are tried only near the words and marks they need
    terms = [(a, a + 6) for a in sorted(word_starts(lower, present(text, _TERM_WORDS)[1]))]
    for m in near_spans(for_text(_TERM, text), terms, text, 24, 24):
        _take(st, m.start(), m.end())
    for a in word_starts(lower, ("w/",)):
        if (week := _WEEK.match(text, a)) is not None:
            _take(st, week.start(), week.end())
    for m in _DAY_RANGE.finditer(text) if "/" in text else ():
        start = m.start()
        while start > m.start() - 2 and start > 0 and text[start - 1].isdigit():
            start -= 1
        month_a = m.group()[1:].split("-")[0].split("–")[0].strip()
        if (
            start < m.start()
            and (start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "/."))
            and 1 <= int(text[start : m.start()]) <= 31
            and 1 <= int(month_a) <= 12
        ):
            _take(st, start, m.end())
    days = [(a, a + 6) for a in word_starts(text, _FESTIVAL_WORDS)]  # as written: capitals
    at = text.find("DAY ")  # "SUNDAY 10TH"
    while at >= 0:
        days.append((at, at + 4))
        at = text.find("DAY ", at + 4)
    for m in near_spans(_FESTIVAL_DAY, sorted(days), text, 9, 24):
        _take(st, m.start(), m.end())


def _word_before(text: str, at: int) -> str:
    """The word (in lower case) or ``£`` just before ``at``, past spaces and full stops."""
    end = at
    while end > 0 and text[end - 1] in " \t.":
        end -= 1
    if end > 0 and text[end - 1] == "£":
        return "£"
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:end].lower()


def _take(st: State, start: int, end: int) -> None:
    """Take a date, with the dates found inside it ("summer of 2023" in "the summer of 2023");
    what else is partly taken (a reference, an address) was decided by a surer layer."""
    if not st.free(start, end):
        inside = [c for c in st.cands if c.start < end and start < c.end]
        if any(c.kind != "date" or c.start < start or c.end > end for c in inside):
            return
        for c in inside:
            st.cands.remove(c)
        st.taken[start:end] = bytes(end - start)
    st.take(start, end, "date", "", 80, 0.85)
