"""Dates written by their day: a chronology's items, weekdays, Roman months, Welsh and Gaelic.

Notes date a chronology's item by its day alone (``14th -``, ``the fifteenth -``, ``Christmas
Eve:``), a day by its weekday (``On Wednesday 14th``, ``Sat 14 - Football``, a child's ``on
wensday 20th``) and a moment by a weekday and a time (``Fri 10:05``); central European notes
write the month in Roman numerals (``8.II.24``), Welsh and Gaelic ones in their languages
(``Dydd Llun 11 Mawrth``, ``16 Sultain``); and a day of the month stands alone mid-sentence
(``phoned on the 11th``, ``on the sixth because…``, ``22.1 Robin found…``):
:func:`find_day_dates` finds them. They live apart from :mod:`.date_words` (whose weekdays'
names they share) to keep that module under the project's limit of about 400 lines.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import NUMBER_TENS, NUMBER_UNITS, SPOKEN_YEAR
from moderator.anonymise.date_words import _WEEKDAY
from moderator.anonymise.dates_loose import CENTILE_AFTER, CENTILE_BEFORE

# a chronology's item dated by its day alone: "14th - sister…", "the fifteenth - Strategy…"
ITEM_DAY_RE = re.compile(
    r"[ \t>*•]*(?:[-–][ \t]*)?(?P<d>(?:[Tt]he[ \t]+)?(?:\d{1,2}(?:st|nd|rd|th)"
    r"|(?i:(?:(?:twenty|thirty)[ \t-])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth"
    r"|eighteenth|nineteenth|twentieth|thirtieth)"
    # a festival's day heading an item: "Christmas Eve: police called"
    r"|Christmas[ \t]+(?:Eve|Day)|Boxing[ \t]+Day|New[ \t]+Year['’]s[ \t]+(?:Eve|Day)"
    r"|Easter[ \t]+(?:Sunday|Monday)|Bonfire[ \t]+Night|Hallowe['’]?en|Halloween))(?=[ \t]*[-–:])"
)
# a month in Roman numerals, as central European notes write it: "8.II.24", "14.XI.2023"
ROMAN_DATE_RE = re.compile(
    r"(?<![\w.])\d{1,2}\.(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.(?:\d{4}|\d{2})(?![\w]|\.\d)"
)
# a weekday with a time, no date: "Voicemail Fri 10:05", "Sat at 9.30am"
WEEKDAY_TIME_RE = re.compile(
    rf"(?<![\w]){_WEEKDAY}\.?,?[ \t]+(?:at[ \t]+)?\d{{1,2}}[:.]\d{{2}}(?:[ \t]*(?i:am|pm))?"
    r"(?![\w]|[:.]\d)"
)
_WELSH_MONTH = (
    r"(?:Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr)"
)
# Scottish Gaelic months, written after the day: "Diluain 16 Sultain"
_GAELIC_MONTH = (
    r"(?:Faoilleach|Gearran|M[àa]rt|Giblean|C[èe]itean|[ÒO]gmhios|Iuchar|L[ùu]nastal|Sultain"
    r"|D[àa]mhair|Samhain|D[ùu]bhlachd)"
)
_GAELIC_DAY = (
    r"(?:Diluain|Dim[àa]irt|Diciadain|Diardaoin|Dihaoine|Disathairne|Did[òo]mhnaich"
    r"|Latha[ \t]+na[ \t]+S[àa]baid)"
)
# Welsh: "Dydd Llun 11 Mawrth", "dydd Gwener 15fed", "12fed Mawrth 2024", "Mehefin 2023",
# "Tachwedd 12"; Gaelic: "16 Sultain"
WELSH_DATE_RE = re.compile(
    r"(?<![\w])(?:(?:[Dd]ydd[ \t]+(?:Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul)[ \t]+)"
    r"\d{1,2}(?:af|il|ydd|ed|fed|eg|ain)?(?:[ \t]+" + _WELSH_MONTH + r")?"
    r"|(?:" + _GAELIC_DAY + r"[ \t]+)?\d{1,2}(?:af|il|ydd|ed|fed|eg|ain)?[ \t]+"
    r"(?:" + _WELSH_MONTH + "|" + _GAELIC_MONTH + r")"
    r"|(?:Ionawr|Chwefror|Ebrill|Mehefin|Gorffennaf|Awst|Hydref|Tachwedd|Rhagfyr)[ \t]+"
    r"(?:\d{4}|\d{1,2}(?![\d:]|\.\d))"
    r")(?:[ \t]+\d{4})?(?![\w])"
)


_ORDINAL = (
    r"(?:\d{1,2}(?:st|nd|rd|th)|(?:twenty|thirty)[ \t-](?:first|second|third|fourth|fifth"
    r"|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth"
    r"|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)"
)
# a day of the month alone, mid-sentence: "phoned on the 11th, …", "Follow-up the 19th:",
# "the twenty-eighth   Joint visit"; not "the 5th time" (a noun after it) nor "the first"
# (from its "he": a pattern opening with a literal is searched for quickly; the "t" and what
# is before it are checked in Python)
THE_DAY_RE = re.compile(
    rf"he[ \t]+(?i:{_ORDINAL})(?=[ \t]*(?:[.,;:)\n–-]|$|\d|[A-Z]"
    r"|(?:at|and|when|after|before|until|to|we|she|he|they|mum|dad|i|with"
    # dictation's marks after it: "goes in on the twenty eighth comma i gave"
    r"|comma|full[ \t]+stop|new[ \t]+(?:paragraph|line))\b))"
)
# a weekday with its day: "On Wednesday 14th Zayaan…" (matched at the weekdays)
# (a bare day number only where a chronology's item goes on: "Sat 14 - Football", "Sun 15:")
WEEKDAY_DAY_RE = re.compile(
    # (its day in brackets too: "on Friday (7th)")
    rf"{_WEEKDAY}\.?,?[ \t]+(?:the[ \t]+)?(?:\((?=\d{{1,2}}(?:st|nd|rd|th)\)))?"
    r"(?:\d{1,2}(?:st|nd|rd|th)(?![\w])\)?"
    # (a weekend's two days together: "Sat 8 & Sun 9")
    rf"|\d{{1,2}}[ \t]+(?:&|and)[ \t]+{_WEEKDAY}\.?[ \t]+\d{{1,2}}(?![\w:.])"
    r"|\d{1,2}(?=[ \t]*(?:[-–—|]|:(?!\d)|\n|\Z)))"
)
# a child's lower case, misspelt too: "on wensday 20th", "tusday 3rd" (an ordinal needed)
_LOWER_WEEKDAY_DAY_RE = re.compile(
    r"(?:mon|tues?|tus|wed|wens|wednes|wends|thu|thur|thurs|fri|satur|sun)(?:day|dy)?"
    r"[ \t]+(?:the[ \t]+)?\d{1,2}(?:st|nd|rd|th)(?![\w])"
)
_LOWER_STARTS = ("mon", "tu", "we", "th", "fri", "sat", "sun")
# a day and month with a dot opening a chronology's item or sentence: "22.1 Robin found…"
# (what comes before it, and that it is a day and a month, are checked in Python: a
# pattern with an optional first character is tried slowly at every position)
DAY_DOT_MONTH_RE = re.compile(r"(\d\d?)\.(\d\d?)(?=[ \t]+[A-Z]|[ \t]*[-–:])")
_DOT_DIGIT = re.compile(r"\.(?=\d)")  # from its literal dot: quicker than from a digit
_WEEKDAY_JUST_BEFORE = re.compile(rf"(?<![\w]){_WEEKDAY}\.?,?[ \t]+\Z")
_ITEM_START = re.compile(r"(?:^|\n|[.!?][ \t]{1,3})[ \t]*$")


# a day of the month alone after a word that dates it: "booked 7th a.m.", "Next: 18th with
# CAMHS", "seen on 3rd by HV"; not "on 2nd floor" (a noun after it); checked at the ordinal
# (starting at its digit, not a look-behind, so the engine skips to digits: what is before it
# and that it is a day of the month are checked in Python)
_ORDINAL_DAY = re.compile(r"\d\d?(?:st|nd|rd|th)(?![\w])")
_DATING_WORD = re.compile(
    r"(?i:\b(?:on|by|from|until|till|before|after|since|booked|due|next:?))[ \t]+$"
)
_DAY_GOES_ON = re.compile(
    r"[ \t]*(?:[.,;:)\n–-]|$|[A-Z]|(?:a\.?m|p\.?m|at|and|when|with|to|for|by|we|she|he|they"
    r"|mum|dad|i)\b)"
)


# a weekday in lower case, as dictation and a child write it, and the days said beside a date
_SAID_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|yesterday)"
)
_NEAR_DAYS = frozenset({"tomorrow", "today", "yesterday"})  # (they stay: "tomorrow [DATE]")
_ORDINAL_WORDS = (
    r"(?:(?:twenty|thirty)[ \t-])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth"
    r"|eighteenth|nineteenth|twentieth|thirtieth"
)
# "on the sixth because…", "Thursday the twelfth": a day in words after a dating word or a
# weekday, before no noun ("on the sixth floor"); found from its "the" (what is before it is
# checked in Python)
_THE_WORDED_DAY = re.compile(
    rf"the[ \t]+(?i:{_ORDINAL_WORDS})(?![\w-])(?=[ \t]*(?:[.,;:)\n–-]|$|(?:at|and|when|after"
    r"|before|until|to|we|she|he|they|with|because|but|so|as|for|i|mum|dad|end)\b))"
)
_DATED_BEFORE = re.compile(
    rf"(?:\b(?i:on|from|until|till|by|since|before|after)|(?P<w>{_WEEKDAY}|{_SAID_WEEKDAY}))"
    r"[ \t]+\Z"
)
# a day in words after a weekday, with no mark after it: "visit on monday the tenth about half
# three", as dictation writes it (a weekday dates the ordinal, whatever word follows)
_THE_WORDED_DAY_ANY = re.compile(rf"the[ \t]+(?i:{_ORDINAL_WORDS})(?![\w-])")


# a day in words straight after a weekday, as dictation says it: "visit Wednesday sixteenth at
# five", "check on Wednesday twenty sixth"; not "Monday first thing" (found from the weekday's
# "day"; the weekday's opening is checked in Python)
_WEEKDAY_WORDED_DAY = re.compile(
    rf"(?i:day)[ \t]+(?i:{_ORDINAL_WORDS})(?![\w-])"
    r"(?![ \t]+(?i:thing|things|time|floor|week|lesson|period|choice|half)\b)"
)
_WEEKDAY_OPENING = re.compile(r"(?<![\w])(?i:mon|tues|wednes|thurs|fri|satur|sun)(?=(?i:day)[ \t])")


# a day and month said as ordinals, with a year said or not: "fourth of the sixth nineteen
# ninety one", "the twelfth of the third" (from "of the", a literal: quick)
_MONTH_ORDINALS = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
)
# (and a year said by its last two figures: "fourth of the ninth eighty nine", "oh nine")
_TWO_FIGURE_YEAR = rf"(?:(?:{NUMBER_TENS})[ \t-]+(?:{NUMBER_UNITS})|oh[ \t-]+(?:{NUMBER_UNITS}))"
_DAY_OF_THE_MONTH = re.compile(
    rf"(?i:(?:the[ \t]+)?(?:{_ORDINAL_WORDS})[ \t]+of[ \t]+the[ \t]+(?:{_MONTH_ORDINALS})"
    rf"(?:[ \t]*,?[ \t]+(?:{SPOKEN_YEAR}|{_TWO_FIGURE_YEAR}))?)(?![\w'’-])"
)
_ORDINAL_BEFORE_OF = re.compile(rf"(?<![\w-])(?i:(?:the[ \t]+)?(?:{_ORDINAL_WORDS}))\Z")


def find_loose_days(text: str) -> list[tuple[int, int]]:
    """Days of the month written without a month or year (:data:`THE_DAY_RE`,
    :data:`DAY_DOT_MONTH_RE`, a dating word before an ordinal; :data:`WEEKDAY_DAY_RE` is
    tried by :func:`find_day_dates`)."""
    out = []
    for day in _ORDINAL_DAY.finditer(text):
        at = day.start()
        if (
            (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in ".,/-_"))
            and 1 <= int(day.group()[:-2]) <= 31
            and _DATING_WORD.search(text, max(0, at - 10), at)
            and _DAY_GOES_ON.match(text, day.end())
        ):
            out.append(day.span())
    at = text.find(" of the ")
    while at >= 0:
        ordinal = _ORDINAL_BEFORE_OF.search(text, max(0, at - 24), at)
        said = _DAY_OF_THE_MONTH.match(text, ordinal.start()) if ordinal is not None else None
        if said is not None and (said.start() == 0 or not text[said.start() - 1].isalnum()):
            out.append(said.span())
        at = text.find(" of the ", at + 8)
    if "the " in text:
        for the in _THE_WORDED_DAY_ANY.finditer(text):
            before = _DATED_BEFORE.search(text, max(0, the.start() - 12), the.start())
            if before is None or (
                not before.group("w") and _THE_WORDED_DAY.match(text, the.start()) is None
            ):
                continue  # "on the sixth floor": no day; "monday the tenth about …" is one
            weekday = before.group("w") and before.group("w").lower() not in _NEAR_DAYS
            out.append((before.start() if weekday else the.start(), the.end()))
    for day in _WEEKDAY_WORDED_DAY.finditer(text):
        if _WEEKDAY_OPENING.search(text, max(0, day.start() - 6), day.start() + 4):
            out.append((text.rfind(" ", 0, day.start()) + 1, day.end()))
    for the in THE_DAY_RE.finditer(text):
        at = the.start() - 1
        if at >= 0 and text[at] in "Tt" and (at == 0 or not text[at - 1].isalnum()):
            out.append((at, the.end()))
    dotted = []
    for near in _DOT_DIGIT.finditer(text):  # at the dots with a digit either side
        dot = near.start()
        if dot == 0 or not text[dot - 1].isdigit():
            continue
        start = dot - 2 if dot >= 2 and text[dot - 2].isdigit() else dot - 1
        m = DAY_DOT_MONTH_RE.match(text, start)
        if (
            m is not None
            and 1 <= int(m.group(1)) <= 31
            and 1 <= int(m.group(2)) <= 12
            and (start == 0 or not (text[start - 1].isalnum() or text[start - 1] in ".,"))
            and (
                _ITEM_START.search(text, max(0, start - 6), start)
                or _WEEKDAY_JUST_BEFORE.search(text, max(0, start - 11), start)  # "Thurs 11.1"
            )
        ):
            dotted.append(m)
    out += [m.span() for m in dotted if not _section_number(text, m, dotted)]
    if "centile" in text:  # "from the 50th to the 9th centile": growth centiles, not days
        out = [
            span
            for span in out
            if not CENTILE_AFTER.match(text, span[1])
            and not CENTILE_BEFORE.search(text, max(0, span[0] - 40), span[0])
        ]
    return out


def _section_number(text: str, m: re.Match[str], dotted: list[re.Match[str]]) -> bool:
    """Whether "1.2" opening an item numbers a report's section: a neighbour "1.1" or "1.3"
    opens another, or a heading "1." does."""
    major, minor = m.group(1), int(m.group(2))
    if any(o.group(1) == major and abs(int(o.group(2)) - minor) == 1 for o in dotted):
        return True
    heading = f"\n{major}. "
    return text.startswith(heading[1:]) or heading in text


def find_day_dates(text: str) -> list[tuple[int, int]]:
    """Dates written by a day alone or in other conventions: a chronology item's ordinal
    (``14th -``, ``the fifteenth -``), a Roman month (``8.II.24``), a weekday with a time
    (``Fri 10:05``), and Welsh dates (``Dydd Llun 11 Mawrth``, ``dydd Gwener 15fed``).

    Each shape is tried only where a plain string find says it may be: at line starts, at
    capitalised weekdays, after a Roman numeral's dot, near Welsh words."""
    out = []
    at = 0
    while at >= 0:  # a chronology's items start lines
        m = ITEM_DAY_RE.match(text, at)
        if m is not None:
            out.append(m.span("d"))
        at = text.find("\n", at)
        at = at + 1 if at >= 0 else -1
    if "I." in text or "V." in text or "X." in text:
        out += [m.span() for m in ROMAN_DATE_RE.finditer(text)]
    for day in _WEEKDAY_STARTS:
        at = text.find(day)
        while at >= 0:
            m = WEEKDAY_TIME_RE.match(text, at) or WEEKDAY_DAY_RE.match(text, at)
            if m is not None and (at == 0 or not text[at - 1].isalnum()):
                out.append(m.span())
            at = text.find(day, at + 1)
    for day in _LOWER_STARTS:
        at = text.find(day)
        while at >= 0:
            m = _LOWER_WEEKDAY_DAY_RE.match(text, at)
            if m is not None and (at == 0 or not text[at - 1].isalnum()):
                out.append(m.span())
            at = text.find(day, at + 1)
    if any(word in text for word in _WELSH_HINTS):
        out += [m.span() for m in WELSH_DATE_RE.finditer(text)]
    if "teen " in text or "ty " in text or "one " in text or "two " in text:
        out += [m.span("d") for m in _SAID_DAY_MONTH.finditer(text)]
    if " l " in text:
        out += [m.span() for m in _OCR_ONE_MONTH.finditer(text)]
    return out + find_loose_days(text)


# a day said as a number before its month, as dictation writes it: "home visit nineteen
# march", "twenty one march" (not "may": "three may attend")
_SAID_DAY_MONTH = re.compile(
    r"(?<![\w-])(?i:on|from|until|till|since|by|visit|dated|before|after|date|call|meeting"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)[ \t]+"
    r"(?P<d>(?i:(?:twenty|thirty)[ \t-](?:one|two|three|four|five|six|seven|eight|nine)"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)[ \t]+"
    r"(?i:january|february|march|april|june|july|august|september|october|november|december"
    r"|(?-i:May)))(?![\w-])"
)
# a day of one figure read by a scanner as a letter "l" before a month: "from l Feb."
_OCR_ONE_MONTH = re.compile(
    r"(?<![\w-])l[ \t]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"(?:uary|ruary|ch|il|e|y|ust|tember|ober|ember)?(?![\w-])"
)


_WEEKDAY_STARTS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WELSH_HINTS = (
    *("ydd ", "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai ", "Mehefin", "Gorffennaf"),
    *("Awst", "Medi ", "Hydref", "Tachwedd", "Rhagfyr"),
    *("Faoilleach", "Gearran", "Màrt", "Mart ", "Giblean", "itean", "gmhios", "Iuchar"),
    "nastal",
    *("Sultain", "mhair", "Samhain", "bhlachd"),
)
