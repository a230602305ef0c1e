"""Layer 1 of the redactor: identifiers found by their form.

E-mail addresses, UK phone numbers, NHS numbers with a valid check digit, NI
numbers, UPNs, postcodes, vehicle registrations, case-system references, full
dates (a date equal to a known date of birth becomes ``[DOB]``), street
addresses, schools and GP practices; plus the record's own address, postcode,
NHS number, UPN and case id in any spacing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from moderator.anonymise.addresses import find_unnumbered_addresses
from moderator.anonymise.date_words import widen_date
from moderator.anonymise.dates import coordinated_days, date_from_match, find_dates
from moderator.anonymise.dates_days import find_day_dates
from moderator.anonymise.dates_foreign import find_foreign_dates
from moderator.anonymise.digit_identifiers import find_numeric, find_phones_with_o
from moderator.anonymise.handles import (
    GROUP_CUES,
    GROUP_NAME_RE,
    HANDLE_CUE_RE,
    HANDLE_RE,
    SPEAKER_HANDLE_RE,
    find_shaped_handles,
)
from moderator.anonymise.institutions import institution, protected_phrase
from moderator.anonymise.known import find_literals, literals
from moderator.anonymise.layer_orgs import find_organisations
from moderator.anonymise.layer_variants import find_variants
from moderator.anonymise.lexicon import (
    holds_phrase,
    lower_same_length,
    phrase_key,
)
from moderator.anonymise.nearby import for_text
from moderator.anonymise.patterns import (
    ADDRESS_RE,
    ADDRESS_START_RE,
    FLAT_BEFORE_RE,
    GP_HINT,
    GP_RE,
    HANDLE_CUE_WORDS,
    HOME_HINT,
    HOME_RE,
    PUBLIC_URL_RE,
    SCHOOL_HINT,
    SCHOOL_RE,
    STREET_HINT,
    STREET_RE,
    STREET_TYPES,
    URL_RE,
    clean_left,
    emails,
    near,
)
from moderator.anonymise.state import Cand, State, confidence_for


def find_patterns(st: State) -> None:
    text = st.text
    raw: list[Cand] = []

    def add(start: int, end: int, kind: str, ident: str, priority: int) -> None:
        raw.append(Cand(start, end, kind, ident, priority, confidence_for(priority)))

    for m in emails(text):  # (none without an "@")
        add(m.start(), m.end(), "email", "", 100)
    if "www." in text or "://" in text:
        for m in for_text(URL_RE, text).finditer(text):
            if PUBLIC_URL_RE.match(m.group()) is None:  # (a council's site names no one)
                add(m.start(), m.end(), "url", "", 99)
    for start, end, kind in find_literals(text, literals(st.case, st.lex)):
        add(start, end, kind, "home" if kind == "address" else "", 95)
    for lo, hi in st.digit_regions():
        find_numeric(st, lo, hi, add)
        find_phones_with_o(text, lo, hi, add)
    if "@" in text:
        for m in for_text(HANDLE_RE, text).finditer(text):
            if clean_left(text, m.start(), "@."):
                add(m.start(), m.end(), "username", "", 90)
    find_shaped_handles(st, add)
    folded = lower_same_length(text)
    if ": " in text:
        for m in for_text(SPEAKER_HANDLE_RE, text).finditer(text):
            if m.group().rpartition(".")[2] not in _FILE_ENDINGS:  # ("notes.txt: …")
                add(m.start(), m.end(), "username", "", 88)
    if any(word in folded for word in GROUP_CUES):
        for m in for_text(GROUP_NAME_RE, text).finditer(text):
            words = m.group("q").lower().split()
            if len(words) >= 3 and _PRONOUNS.intersection(words):
                continue  # 'told me the group "gave me back some joy"': what it said
            add(m.start("q"), m.end("q"), "username", "", 88)
    for word in HANDLE_CUE_WORDS:  # "Snapchat 'kay_s2012'", "username is …"
        at = folded.find(word)
        while at >= 0:
            cue = HANDLE_CUE_RE.match(text, at)
            at = folded.find(word, at + 1)
            if cue is None:
                continue
            g = "q" if cue.group("q") else "w"
            end = cue.end(g)
            while g == "w" and text[end - 1 : end] == ".":
                end -= 1  # "Roblox name JoJoTreb2013. Notes": the sentence's stop stays
            if cue.group(g) and end - cue.start(g) >= 3:
                add(cue.start(g), end, "username", "", 89)
    for m in find_dates(text):
        ymd = date_from_match(m)
        kind = "date"
        if ymd is not None and any(ymd[1:] == d[1:] and ymd[0] in (None, d[0]) for d in st.dobs):
            kind = "dob"
        days = coordinated_days(text, m)
        if days and text[days[0][1] : m.start()].strip() == "/":
            add(days.pop(0)[0], m.end(), kind, "", 75)  # "1st/2nd Feb": a night's two days
        else:
            add(m.start(), m.end(), kind, "", 75)
        for start, end in days:
            add(start, end, "date", "", 75)
    for start, end in find_day_dates(text):
        add(start, end, "date", "", 73)
    for start, end in find_foreign_dates(text, st.lex.words, st.digit_regions()):
        add(start, end, "date", "", 74)
    find_variants(st, add)
    find_organisations(st, add)
    text = title_shouted(text)  # addresses in a police form's capitals
    previous_end, flat_re, addr_re = 0, for_text(FLAT_BEFORE_RE, text), for_text(ADDRESS_RE, text)
    for number in for_text(ADDRESS_START_RE, text).finditer(text):
        start = number.start()
        if start < previous_end or not clean_left(text, start):
            continue
        if start > 1 and text[start - 1] == ":" and text[start - 2].isdigit():
            continue  # "LOCATED 00:40 ON MARINE ROAD": a time's minutes, no house number
        if _COUNTED_BEFORE.search(text, max(0, start - 12), start):
            continue  # "Head of Year 9, Danum Vale Academy": a year group, no house number
        flat = flat_re.search(text, max(0, start - 20), start)
        found = addr_re.match(text, flat.start() if flat else start)
        if found is not None and _COURT_OR_YEAR.search(found.group()):
            continue  # "(2019, Jedburgh Sheriff Court)": a year and a court, no address
        if found is not None and _INSTITUTION_AFTER.match(text, found.end()):
            continue  # "(6, Rose Hill Primary)": an age, then a school named by a street's word
        if found is not None and holds_phrase(st.lex, phrase_key(found.group())):
            continue  # "left at 17, Staying Close to be considered": an age, then a programme;
            # "BREATH 71, ARRESTED DRINK DRIVE": a reading, then an offence
        gate = found and _GATE_RE.search(found.group())
        if gate and (gate.group().casefold(),) in st.lex.places:
            continue  # "3 Margate": a town, not a street of the North
        if found is not None:
            end = _without_town(text, found.start(), found.end())
            # a Scottish flat ("3/2, 19 …") is no date: the prefixed address comes first
            rank = 76 if found.start() < start else 70
            add(found.start(), end, "address", _norm_ident(text[found.start() : end]), rank)
            previous_end = found.end()
    find_unnumbered_addresses(st, text, add)
    for m in near(STREET_RE, STREET_HINT, text, 60, 12):
        s_start, s_end = m.span()
        first = m.group().split(None, 1)
        if (
            len(first) == 2
            and len(first[1].split()) >= 2
            and st.text[s_start : s_start + len(first[0])] in st.lex.acronyms  # (as written)
        ):
            s_start = m.end() - len(first[1])  # "RTC STENSON ROAD": the event, then the street
        written = text[s_start:s_end]
        words = phrase_key(written)
        while len(words) > 2 and words[0] in _PLACE_PREPOSITIONS:  # "ON BUDSHEAD WAY"
            s_start = text.index(" ", s_start) + 1
            written, words = text[s_start:s_end], words[1:]
        if (
            not words
            or (len(words) > 1 and words[-2] in _DETERMINERS)  # "KNOW THE WAY", "in the Road"
            or words[0] in _INSTITUTION_WORDS  # "Harris Academy Purley Way": the school's
            or holds_phrase(st.lex, words)
            # (a street of three words may open with one: "Lane End Road", "Walk Mill Lane")
            or (_STREET_WORD_ONLY.match(text, s_start) and len(words) < 3)
            or (len(words) > 1 and words[-2] in _VERB_BEFORE)  # "KNOWN TO DRIVE", "Able To Walk"
            or (
                len(words) == 2
                and words[0] in st.lex.given
                and _TITLE_BEFORE_STREET.search(text, max(0, s_start - 16), s_start) is not None
            )  # "PC Natalie Grove", "Mrs Amy Lane": a person, for the name layers
            or (len(words) == 3 and words[0] in _STREET_TITLES and words[1] in st.lex.given)
        ):
            continue
        compass = _COMPASS_AFTER.match(text, s_end) if words[0] in _ANY_STREET else None
        if words[0] in _NUMBER_WORDS and len(words) > 2:
            # "One Angel Square", "Two Kestrel Gardens": a building numbered in words
            add(s_start, s_end, "address", _norm_ident(written), 65)
        elif compass is not None and len(words) == 2:
            # "High Street North", "Main Road South": a town's own street, not any high street
            add(s_start, compass.end(), "address", _norm_ident(text[s_start : compass.end()]), 65)
        elif words[0] not in st.lex.common:
            add(s_start, s_end, "address", _norm_ident(written), 65)
        elif words[0] not in _ANY_STREET:
            # "on Preston Road", "Marsh Road": a street named by an everyday word or a town,
            # for the person importing to confirm
            raw.append(Cand(s_start, s_end, "address", _norm_ident(written), 64, 0.65))
    for pattern, kind, hint in (
        (SCHOOL_RE, "school", SCHOOL_HINT),
        (GP_RE, "gp_practice", GP_HINT),
        (HOME_RE, "address", HOME_HINT),
    ):
        for m in near(pattern, hint, text, 110, 40):  # capitals read titled, as addresses
            cand = institution(st, m, kind)
            if cand is not None:
                raw.append(cand)
    for c in raw:
        if c.kind in ("date", "dob"):  # with its weekday, week, time: "Wed 6 March 2024 15:02"
            c.start, c.end = widen_date(st.text, c.start, c.end)
    raw = _without_parts_of_institutions(raw)
    _widen_home(raw)
    raw.sort(key=lambda c: (-c.priority, -(c.end - c.start), c.start))
    for c in raw:
        if st.free(c.start, c.end):
            st.take(c.start, c.end, c.kind, c.ident, c.priority, c.confidence)


def _protected_whole(st: State, words: tuple[str, ...]) -> bool:
    """Whether the words are one protected phrase, whole ("staying close"; not "mount
    pleasant rd", a street named after a protected place)."""
    return len(words) > 1 and protected_phrase(st, words, len(words) - 1)


# a street's word after these is a verb: "To Drive", "Will Close", "I Walk"
# the words that cannot come just before a street's word ("IN THE WAY", "NO WAY"), and
# those that come before a street, not in its name ("ON BUDSHEAD WAY")
_DETERMINERS = frozenset({"the", "a", "an", "no", "this", "that", "my", "his", "her", "their"})
_DETERMINERS |= {"our", "your", "its", "any", "all", "half", "every", "each", "which", "same"}
_PLACE_PREPOSITIONS = frozenset({"on", "in", "of", "at", "to", "from", "near", "off", "along"})
_PLACE_PREPOSITIONS |= {"via", "onto", "into", "by", "down", "up"}
_INSTITUTION_WORDS = frozenset({"academy", "school", "college", "primary", "surgery", "centre"})
_VERB_BEFORE = frozenset({"to", "will", "would", "can", "could", "not", "must", "i", "we"})
_VERB_BEFORE |= {"you", "they", "he", "she", "did", "does", "and", "or"}
# a sentence's person: a quoted phrase of three words or more holding one is speech
_PRONOUNS = frozenset({"i", "me", "my", "you", "he", "she", "him", "we", "us", "they", "it"})
# a line with capital letters and no lower-case one: a police form's field
_SHOUTED_LINE_RE = re.compile(r"(?m)^[^a-z\n]*[A-Z]{3}[^a-z\n]*$")
# the same line after its newline: a pattern that starts with a literal character is scanned
# for quickly, one that starts with ^ is tried at every position
_SHOUTED_NEXT_RE = re.compile(r"(?m)\n[^a-z\n]*[A-Z]{3}[^a-z\n]*$")


# the letters of a kind of place stay in capitals ("THE ORCHARD PRU", "GRIMSBY DOLPHINS ASC")
_ACRONYM_TITLED = re.compile(r"\b(?:Pru|Asc|Afc|Jfc|Rfc|Abc|Cic|Ce|Rc)\b")
# the small words a sentence in lower case writes small ("TO ANTON JUNIOR SCHOOL AND …" reads
# "to Anton Junior School and …", so that a school's name does not open at the sentence's
# first word); not the first word of the line
_SMALL_TITLED = re.compile(r"(?<=[ \t])(?:To|At|In|On|From|For|With|By|And|Or|Of|Into|Via)\b")


def _upper(m: re.Match[str]) -> str:
    return m.group().upper()


def _lower(m: re.Match[str]) -> str:
    return m.group().lower()


def title_shouted(text: str) -> str:
    """``text`` with its lines in capitals written in title case ("14 BIRCH GROVE" -> "14 Birch
    Grove"), character for character, so that the grammars of addresses read them; the text
    itself when no line is in capitals."""
    parts: list[str] = []
    last = 0
    first = _SHOUTED_LINE_RE.match(text)
    lines = [first.span()] if first else []
    lines += [(m.start() + 1, m.end()) for m in _SHOUTED_NEXT_RE.finditer(text)]
    for start, end in lines:
        titled = _ACRONYM_TITLED.sub(_upper, text[start:end].title())
        titled = _SMALL_TITLED.sub(_lower, titled)
        if len(titled) == end - start:
            parts += [text[last:start], titled]
            last = end
    return "".join([*parts, text[last:]]) if parts else text


# a year before a comma, or a court of law where an address has its street's word
# a number that counts something, not a house: "Year 9, Danum Vale …", "Stage 2 …"
# a street's name that is any street's: "the High Street", "a Main Road", "One Way"
_COMPASS_AFTER = re.compile(r"[ \t]+(?:North|South|East|West)(?![\w'’-])")
_NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"})
_ANY_STREET = frozenset({"high", "the", "a", "an", "one", "this", "that", "ring", "our"})
# a street's word that opens the match as a verb or a heading ("Close Road", "Drive Lane"):
# the match is taken only when the first word is a name's
_STREET_WORD_ONLY = re.compile(r"(?:Close|Drive|Walk|Place|Lane|Mews|Street|Road)\b")
_INSTITUTION_AFTER = re.compile(
    r"[ \t]+(?:Primary|Academy|School|College|Nursery|Infants?|Junior|High[ \t]+School"
    r"|Surgery|Medical|Health[ \t]+Cent|Church|Mosque|Hospital)\b"
)
# a title before a given name and a street's word: the person's name ("PC 2241 Anna Way")
_TITLE_BEFORE_STREET = re.compile(
    r"(?<![\w'’-])(?i:mrs?|ms|miss|mx|dr|pc|dc|ds|di|sgt|pcso|nurse|cllr|rev|revd|fr)\.?"
    r"[ \t]+(?:\d{2,5}[ \t]+)?\Z"
)
_STREET_TITLES = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "pc", "dc", "ds", "di", "sgt", "pcso", "nurse", "cllr"}
)
_FILE_ENDINGS = frozenset({"txt", "pdf", "doc", "docx", "jpg", "jpeg", "png", "csv", "xlsx", "eml"})
_GATE_RE = re.compile(r"\b[A-Z][a-z]{2,}gate\b")
_COUNTED_BEFORE = re.compile(
    r"\b(?i:years?|yr|stage|set|class|group|aged?|level|grade|tier|week|page|para(?:graph)?"
    r"|section|step|item|question|part|chapter|appendix)\.?[ \t]*$"
)
_COURT_OR_YEAR = re.compile(
    r"^(?:19|20)\d\d,|\b(?:Sheriff|Crown|Magistrates['’]?|County|Family|Youth|Coroner['’]?s)"
    r"\s+Court\b"
)
STREET_TYPE_RE = re.compile(rf"\b(?:{STREET_TYPES})\b")


def _widen_home(raw: list[Cand]) -> None:
    """The record's own address found inside a longer address ("Flat 3, " or "3/2, " before
    it) takes the longer span: the flat is as identifying as the street."""
    homes = [c for c in raw if c.kind == "address" and c.ident == "home"]
    if not homes:
        return
    for d in raw:
        if d.kind != "address" or d.ident == "home":
            continue
        for c in homes:
            if d.start < c.start and c.end <= d.end:
                c.start = d.start


def _without_town(text: str, start: int, end: int) -> int:
    """Where an address ends without the town written after it ("4 Ash Bank Road, Werrington"):
    the town is a place anyone may name, the house and street identify the home. What follows
    the street's comma is a town unless it has a number or a street word of its own."""
    comma = text.rfind(",", start, end)
    if comma > start and STREET_TYPE_RE.search(text, start, comma):
        tail = text[comma + 1 : end]
        if not any(c.isdigit() for c in tail) and not STREET_TYPE_RE.search(tail):
            return comma
    return end


_INSTITUTIONS = frozenset({"school", "gp_practice", "org"})  # "Lister Lane Grill" is a firm


def _without_parts_of_institutions(cands: list[Cand]) -> list[Cand]:
    """Drop an address found inside a school's, practice's or firm's name ("Meir Park" in "Meir
    Park Medical Practice"), so that the whole name is redacted as the institution."""
    outer = sorted((c.start, c.end) for c in cands if c.kind in _INSTITUTIONS)
    if not outer:
        return cands
    # the furthest end of the institutions starting at or before each one's start: an address
    # lies inside one if one starting at or before it ends at or after it (a search, not a
    # look at every institution for every address)
    starts = [a for a, _ in outer]
    furthest = list(accumulate((b for _, b in outer), max))
    return [
        c
        for c in cands
        if not (
            c.kind == "address"
            and (i := bisect_right(starts, c.start)) > 0
            and furthest[i - 1] >= c.end
        )
    ]


_FLAT_PREFIX = re.compile(r"^\s*(?:flat|apartment|apt|unit|room)\s+\d+\w?,?", re.I)


def _norm_ident(text: str) -> str:
    return " ".join(phrase_key(_FLAT_PREFIX.sub("", text)))
