"""Identifiers in the layouts people really type, found beside the patterns of layer 1.

NI numbers with dashes or in lower case (``jt-12-34-56-b``), registrations in lower
case or spaced (``yf63 ucv``, ``kp 65 xvj``), e-mail addresses written out
(``name at hotmail dot co dot uk``), social-media handles with underscores or dots,
references with a letter prefix (``CB/2219/C``), and dates without a year, in
words or compact (``14/02``, ``the twelfth of March``, ``03JUN11``, ``Thurs 3rd``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from moderator.anonymise.cues import NUMBER_TEENS, NUMBER_TENS, NUMBER_UNITS
from moderator.anonymise.date_words import find_month_dates, find_month_years
from moderator.anonymise.dates import a_score, an_age_in_months
from moderator.anonymise.dates_loose import find_loose_dates
from moderator.anonymise.handles import file_or_site
from moderator.anonymise.lexicon import lower_text, phrase_key
from moderator.anonymise.nearby import for_text, starting_with_folded
from moderator.anonymise.patterns import NOT_DIGITS, clean_left
from moderator.anonymise.references import case_cue_before
from moderator.anonymise.state import State
from moderator.anonymise.variants_spelt import find_spelt

Add = Callable[[int, int, str, str, int], None]

# two letters, six digits, a letter A-D, in any case, with spaces or dashes between
NI_LOOSE_RE = re.compile(r"(?i:[a-z]{2}([\s-]?)\d{2}\1\d{2}\1\d{2}\1[a-d])(?![\w])")
NI_CUE_RE = re.compile(r"(?i:\bN\.?I\.?(?:\s*(?:no\.?|number|num))?)\s*[:\-]?\s*$")
# current-style registration in any (single) case: "yf63 ucv", "kp 65 xvj"
PLATE_LOOSE_RE = re.compile(r"(?i:[a-z]{2}(\s?)\d{2}\s?[a-z]{3})(?![\w])")
PLATE_CUE_RE = re.compile(
    r"(?i:\b(?:reg(?:istration)?|plate|vrn|car|van|vehicle|motorbike)\b[^.\n]{0,24})$"
)
# "marek dot nowak at hotmail dot co dot uk": an address spelt out to dodge filters (the words
# before "at" possessive: a blank must follow each, so giving letters back never helped, and
# tried at every word, the backtracking was slow)
# "name at hotmail dot co dot uk", "lu.nogueira88 (at) hotmail (dot) com", "inese underscore oz
# at inbox dot lv", "albertina punto gouveia arroba sapo punto pt", "grazyna d z at wp dot pl"
_AT = r"(?:at|\(at\)|\[at\]|arroba|\(arroba\))"
# the digits of a mailbox's name said ("nowak ninety", "jay bird underscore oh eight oh eight")
_SAID_DIGITS = f"(?:zero|oh|{NUMBER_UNITS}|{NUMBER_TEENS}|{NUMBER_TENS}|hundred|double|triple)"
_DOT = r"(?:dot|\(dot\)|\[dot\]|punto|ponto|\(punto\))"
SPELT_EMAIL_RE = re.compile(
    rf"(?i:(?<![\w.])[a-z0-9][\w.'-]*+(?:\s+(?:[a-z0-9]|{_SAID_DIGITS})(?=\s)"
    rf"|\s+(?:{_DOT}|underscore|dash|hyphen)\s+[\w-]++)*+"
    rf"\s+{_AT}\s+[a-z0-9-]+(?:(?:\s+{_DOT}\s+|\.)[a-z]{{2,}})+)"
    r"(?!\s+at\s)(?![\w])"
)
# only "at" spelt, the domain written with its dot: a mailbox's shape (a dot, a digit or an
# underscore in its name) or a mail provider's domain ("booked at booking.com" is no address)
_AT_DOMAIN = re.compile(r"\sat\s+[a-z0-9-]+\.[a-z]{2,}")
_MAILBOX_SHAPE = re.compile(r"[._0-9]")
_AT_MAILER = re.compile(
    r"(?i)\sat\s+(?:gmail|googlemail|hotmail|yahoo|outlook|icloud|live|btinternet|aol|msn"
    r"|protonmail|sky|virginmedia|talktalk|wp|o2|onet|interia|yandex|mail)\."
)
SPELT_EMAIL_HINTS = (" dot ", "(dot)", "[dot]", "(at)", "[at]", " arroba ", " punto ", " ponto ")
# a word with an underscore, or letters and digits joined by dots: how handles look
HANDLE_SHAPE_RE = re.compile(
    r"(?<![\w@.])(?=[\w.]*[A-Za-z])(?:[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*_(?:[\w.]*[A-Za-z0-9_])?"
    r"|(?!(?i:s|ss|para|reg|art|sec|sch|ch|no|pp?|vol|r|rule)\.\d)"  # "s.47", "para.12": law
    r"[A-Za-z]+(?:\.[A-Za-z0-9]+)*\.\d+[A-Za-z0-9]*)(?![\w@])"
)
# a reference: letters, a separator, digits, maybe more parts ("CB/2219/C", "EM-77120"); from its
# first capital, the look-behind after it (the engine skips to capitals)
LETTER_REF_RE = re.compile(
    r"[A-Z](?<![\w/-][A-Z])[A-Z]{0,3}[/-]\d{3,8}(?:[/-][A-Z0-9]{1,6})*(?![\w/-])"
)
# a flat or unit in a named building or estate, with no house number: "Unit 9, Meadow Trading
# Estate", "Flat 12, Hollins Court"
FLAT_NAMED_RE = re.compile(
    r"(?<![\w])(?:Flat|Unit|Apartment|Apt|Room|Suite)\s+\d{1,4}[A-Za-z]?,?\s+"
    r"(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?\s+){1,3}"
    r"(?:Court|House|Estate|Trading\s+Estate|Industrial\s+Estate|Business\s+Park|Tower|Towers"
    r"|Building|Buildings|Mews|Lodge|Point|Heights|Mansions|Gardens|Centre)(?![\w])"
)
# a house's number in a named block, with no flat's word: "temporary accommodation, 4 Ropewalk
# House, Howdon" (not "a 3 Bedroom House": a kind of house)
_NUMBERED_HOUSE_RE = re.compile(
    r"(?<![\w£$/.,-])(?<!(?i:age|ged|ear|yrs| yr)[ \t])(?!(?:19|20)\d\d\b)\d{1,4}[A-Za-z]?,?[ \t]+"
    r"(?!(?:Bed|Bedroom|Bedroomed|Storey|Room|Star)[ \t])(?:[A-Z][a-z'’]+[ \t]+){1,2}House(?![\w'’-])"
)
# a house's number and a street of one word with no street's noun, after a word of living
# there: "her house at 14 Brookside, Raffles", "lives at 3 Kingsmead", "move to 14 Brookside"
_LIVES_AT_NUMBER_RE = re.compile(
    r"(?i:\b(?:lives?|living|lived|house|home|moved?|moving|staying|stays|stay|resides?"
    r"|residing)(?:[ \t]+(?:at|to|in|on))?[ \t]*:?[ \t]+)"
    r"(?P<n>\d{1,4}[A-Za-z]?)[ \t]+(?P<s>[A-Z][a-z]{3,})(?P<t>[ \t]*,[ \t]*[A-Z][a-z]{3,})?"
    r"(?![ \t]+[A-Z0-9])(?![\w'’-])"
)
# what each match of _LIVES_AT_NUMBER_RE starts with (in lower case), where it is tried
_LIVING_STARTS = ("liv", "house", "home", "mov", "stay", "resid")
# an international number other than the UK's: "0048 600 900 123", "+353 87 123 4567"
# any country's prefix, "+48", "0048" or "00 48" (one to three digits), then groups of digits
INTL_PHONE_RE = re.compile(
    r"(?<![\w+])(?:\+|00[ \t]?)(?!44)[1-9]\d{0,2}(?:[\s-]?(?:\(0\)[ \t]?)?\d{2,4}){2,5}(?!\d)"
)
# two-letter words and month/weekday names that a loose plate or NI match might start or end with
_WORDS = frozenset(
    [
        "am",
        "an",
        "as",
        "at",
        "be",
        "by",
        "do",
        "go",
        "he",
        "if",
        "in",
        "is",
        "it",
        "me",
        "my",
        "no",
        "of",
        "on",
        "or",
        "so",
        "to",
        "up",
        "us",
        "we",
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "the",
        "and",
        "for",
        "was",
        "are",
        "but",
        "not",
        "you",
        "all",
        "any",
        "can",
        "had",
        "her",
        "his",
        "one",
        "our",
        "out",
        "day",
        "get",
        "has",
        "him",
        "how",
        "man",
        "new",
        "now",
        "old",
        "see",
        "two",
        "way",
        "who",
        "boy",
        "did",
        "its",
        "let",
        "put",
        "say",
        "she",
        "too",
        "use",
        "yrs",
        "hrs",
        "kgs",
        "mls",
    ]
)


# a Traveller site's plot or pitch, a supported housing unit, after "on", "at", "in", "from"
# or a bracket: "Nanny Kath lives on Plot 8", "MRS LOVERIDGE (PLOT 4)", "the lad in Unit 2"
# (not "Unit 2 of the course")
_PLOT_RE = re.compile(
    r"(?:(?<=\()|(?<=\b[oO][nN] )|(?<=\b[aA][tT] )|(?<=\b[iI][nN] )|(?<=\b[fF][rR][oO][mM] ))"
    r"(?:Plot|PLOT|plot|Pitch|PITCH|pitch|Unit|UNIT)[ \t]+(?:[Nn][Oo]\.?[ \t]*)?\d{1,3}[A-Za-z]?"
    r"(?![\w/-]|\.\d)(?![ \t]+(?i:of|and)\b)"
)


def find_variants(st: State, add: Add) -> None:
    """Add the identifiers written in unusual layouts to layer 1's candidates."""
    text = st.text
    for lo, hi in st.digit_regions():  # every pattern below has digits: look only near them
        _near_digits(st, add, lo, hi)
    if any(w in text for w in ("Flat ", "Unit ", "Apartment ", "Apt ", "Room ", "Suite ")):
        for m in FLAT_NAMED_RE.finditer(text):
            add(m.start(), m.end(), "address", " ".join(m.group().split()[2:]).lower(), 71)
    for m in starting_with_folded(_LIVES_AT_NUMBER_RE, text, _LIVING_STARTS):
        lex = st.lex
        street = m.group("s").lower()
        if street in lex.common or street in lex.protected_words or (street,) in lex.places:
            continue  # "moved to 14 March", "lives at 12 Hours": no street's name
        # its district after a comma goes with it; a town the lists know does not
        district = m.group("t") and phrase_key(m.group("t")) not in lex.places
        add(m.start("n"), m.end() if district else m.end("s"), "address", street, 70)
    if " House" in text:
        for m in _NUMBERED_HOUSE_RE.finditer(text):
            add(m.start(), m.end(), "address", " ".join(m.group().split()[1:]).lower(), 70)
    if any(w in text for w in ("Plot", "PLOT", "plot", "Pitch", "PITCH", "pitch", "Unit", "UNIT")):
        for m in _PLOT_RE.finditer(text):  # a site's plot or pitch, a unit of a block
            add(m.start(), m.end(), "address", "plot:" + " ".join(m.group().lower().split()), 70)
    lower = lower_text(text)  # (once: it was lowered again for each hint)
    if any(hint in lower for hint in SPELT_EMAIL_HINTS):
        for m in SPELT_EMAIL_RE.finditer(text):
            add(m.start(), m.end(), "email", "", 98)
    elif " at " in lower and _AT_DOMAIN.search(lower):
        for m in SPELT_EMAIL_RE.finditer(text):  # "yvonne.charles.fc at gmail.com"
            local = m.group().split()[0]
            if _MAILBOX_SHAPE.search(local) or _AT_MAILER.search(m.group()):
                add(m.start(), m.end(), "email", "", 90)
    if "_" in text or for_text(_DOTTED_DIGIT, text).search(text):
        for m in _handles(text):
            if not _field_name(st, m) and not file_or_site(m.group()):
                add(m.start(), m.end(), "username", "", 86)
    find_spelt(text, add, st.digit_regions())
    for start, end in find_month_dates(text):
        add(start, end, "date", "", 73)
    for start, end in find_month_years(text, st.digit_regions()):
        add(start, end, "date", "", 74)
    for start, end, ymd in find_loose_dates(text, st.digit_regions()):
        if a_score(text, start, end) or an_age_in_months(text, start, end):
            continue  # "scaling: mum 4/10": a score out of ten; "Hope (4/12)": an age
        kind = "date"
        if ymd is not None and any(ymd[1:] == d[1:] and ymd[0] in (None, d[0]) for d in st.dobs):
            kind = "dob"
        add(start, end, kind, "", 74)


_DIGIT = re.compile(r"\d")
# What every match of the slower patterns above contains, found quickly from its digits (a
# pattern that starts with letters is tried at every letter of the stretch): an NI number's
# three pairs of digits, a registration's digits and three letters, a reference's digits
_NI_DIGITS = re.compile(r"\d\d[\s-]?\d\d[\s-]?\d\d")
_PLATE_TAIL = re.compile(r"\d\d\s?(?i:[a-z]{3})")
_REF_TAIL = re.compile(r"[/-]\d{3}")
_DOTTED_DIGIT = re.compile(r"\.(?<=[A-Za-z]\.)\d")  # a letter, a dot, a digit (found by its dot)
_HANDLE_MARK = re.compile(r"_|\.(?=\d)")  # what every handle holds: "_", or a dot and a digit


def _field_name(st: State, m: re.Match[str]) -> bool:
    """Whether a name with underscores is an export's field ("also_known_as:", "seen_by:",
    "s47_outcome:"): words joined by underscores, before a colon, or in a table's header row
    ("date,source,event,impact_on_child,recorded_by")."""
    text = st.text
    if "." in m.group():
        return False
    if text[m.end() : m.end() + 1] != ":" and not _in_header_row(text, m.start()):
        return False
    words, common = st.lex.words, st.lex.common  # (not their union: built anew per call)
    return all(
        (key := part.lower()) in words or key in common or (len(part) <= 3 and part.isalnum())
        for part in m.group().split("_")
    )


# a table's header row: three fields or more of lower-case words, joined by commas, tabs or bars
_HEADER_ROW = re.compile(
    r"[ \t|]*[a-z][a-z0-9_ ]*(?:[ \t]*[,\t|][ \t]*[a-z][a-z0-9_ ]*){2,}[ \t|]*"
)


def _in_header_row(text: str, at: int) -> bool:
    """Whether ``text[at]`` lies in a line that is a table's header row (see _HEADER_ROW)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return _HEADER_ROW.fullmatch(text, start, end if end >= 0 else len(text)) is not None


def _handles(text: str) -> list[re.Match[str]]:
    """HANDLE_SHAPE_RE's matches, each tried only where a run of word characters and dots that
    holds an underscore or a dot and a digit starts. (A match is such a run's start, by its
    look-behind, and lies inside the run; the pattern itself, tried at every word's start,
    matches each word, backtracks and fails: slow.)"""
    starts = set()
    last, last_start = -1, -1  # the mark before, and where its run starts
    for mark in _HANDLE_MARK.finditer(text):
        at = mark.start()
        while at > 0 and (text[at - 1].isalnum() or text[at - 1] in "_."):
            at -= 1
            if at == last:  # the run of the mark before: its start, found once ("____…")
                at = last_start
                break
        starts.add(at)
        last, last_start = mark.start(), at
    pattern = for_text(HANDLE_SHAPE_RE, text)  # ASCII classes on an ASCII note: quicker
    return [m for at in sorted(starts) if (m := pattern.match(text, at)) is not None]


def _near_digits(st: State, add: Add, lo: int, hi: int) -> None:
    """The variants that contain digits, in one stretch of text around digits (each pattern
    with ASCII classes on a note of ASCII characters only: the same matches, quicker)."""
    text = st.text
    stretch = text[lo:hi]
    digits = len(stretch) - len(stretch.translate(NOT_DIGITS))
    if digits < 2:
        return  # every variant below has two digits or more
    if digits >= 6 and for_text(_NI_DIGITS, text).search(text, lo, hi):
        _ni_numbers(st, add, lo, hi)
    if for_text(_PLATE_TAIL, text).search(text, lo, hi):
        _plates(st, add, lo, hi)
    if ("/" in stretch or "-" in stretch) and for_text(_REF_TAIL, text).search(text, lo, hi):
        for m in for_text(LETTER_REF_RE, text).finditer(text, lo, hi):
            if case_cue_before(text, m.start()) or (
                _DIGIT.search(m.group(), 2) and len(m.group()) >= 7
            ):
                add(m.start(), m.end(), "case_number", "", 82)
    if digits >= 9 and ("00" in stretch or "+" in stretch):
        for m in for_text(INTL_PHONE_RE, text).finditer(text, lo, hi):
            at = m.start()
            if at >= 2 and text[at - 1] in "-/" and text[at - 2].isalnum():
                continue  # "ML-0043-77812": a reference's digits, not a call to Austria
            if 9 <= sum(c.isdigit() for c in m.group()) <= 15:
                # above the UK shapes (90): "0048 600 123" must not leave its last group
                add(m.start(), m.end(), "phone", "", 91)


def _ni_numbers(st: State, add: Add, lo: int, hi: int) -> None:
    text = st.text
    for m in for_text(NI_LOOSE_RE, text).finditer(text, lo, hi):
        letters = m.group()[:2].lower()
        cue = NI_CUE_RE.search(text, max(0, m.start() - 20), m.start())
        if clean_left(text, m.start()) and (cue or letters not in _WORDS):
            add(m.start(), m.end(), "ni_number", "", 87)


def _plates(st: State, add: Add, lo: int, hi: int) -> None:
    text = st.text
    for m in for_text(PLATE_LOOSE_RE, text).finditer(text, lo, hi):
        value = m.group()
        if not (value.islower() or value.isupper()) or not clean_left(text, m.start()):
            continue
        cue = PLATE_CUE_RE.search(text, max(0, m.start() - 40), m.start())
        tail = value[-3:].lower()
        if (m.group(1) and not cue) or (
            not cue and (value[:2].lower() in _WORDS or tail in _WORDS)
        ):
            continue  # "on 12 may", "at 10 jan": words around a number
        add(m.start(), m.end(), "vehicle_reg", "", 84)
