"""Layer 1 of the redactor: identifiers found by their form.

E-mail addresses, UK phone numbers, NHS numbers with a valid check digit, NI
numbers, UPNs, postcodes, vehicle registrations, case-system references, full
dates (a date equal to a known date of birth becomes ``[DOB]``), street
addresses, schools and GP practices; plus the record's own address, postcode,
NHS number, UPN and case id in any spacing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from moderator.anonymise.addresses import find_unnumbered_addresses
from moderator.anonymise.cues import HONORIFICS, LEADING_WORDS
from moderator.anonymise.date_words import find_day_dates, find_foreign_dates, widen_date
from moderator.anonymise.dates import coordinated_days, date_from_match, find_dates
from moderator.anonymise.known import find_literals, literals
from moderator.anonymise.layer_orgs import find_organisations, generic_name, name_starts, with_town
from moderator.anonymise.layer_variants import find_variants
from moderator.anonymise.lexicon import WORD_RE, lower_same_length, phrase_key, word_key
from moderator.anonymise.nearby import ascii_twins, for_text
from moderator.anonymise.patterns import (
    ADDRESS_RE,
    ADDRESS_START_RE,
    CASE_NUMBER_RE,
    COLLAR_RE,
    FLAT_BEFORE_RE,
    GP_HINT,
    GP_RE,
    HANDLE_CUE_RE,
    HANDLE_CUE_WORDS,
    HANDLE_RE,
    HOME_HINT,
    HOME_RE,
    NHS_CUE_RE,
    NHS_RE,
    NI_RE,
    NON_DIGIT,
    NOT_DIGITS,
    PHONE_RE,
    POSTCODE_AREAS,
    POSTCODE_RE,
    REF_RE,
    SCHOOL_HINT,
    SCHOOL_RE,
    STREET_HINT,
    STREET_RE,
    STREET_TYPES,
    UPN_RE,
    URL_RE,
    VEHICLE_CUE_RE,
    VEHICLE_OLD_RE,
    VEHICLE_RE,
    clean_left,
    emails,
    near,
    nhs_valid,
    phone_ok,
)
from moderator.anonymise.references import case_cue_before, find_references, ref_owner
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
            add(m.start(), m.end(), "url", "", 99)
    for start, end, kind in find_literals(text, literals(st.case, st.lex)):
        add(start, end, kind, "home" if kind == "address" else "", 95)
    for lo, hi in st.digit_regions():
        _numeric(st, lo, hi, add)
        _phones_with_o(text, lo, hi, add)
    if "@" in text:
        for m in for_text(HANDLE_RE, text).finditer(text):
            if clean_left(text, m.start(), "@."):
                add(m.start(), m.end(), "username", "", 90)
    folded = lower_same_length(text)
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
        add(m.start(), m.end(), kind, "", 75)
        for start, end in coordinated_days(text, m):
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
        flat = flat_re.search(text, max(0, start - 20), start)
        found = addr_re.match(text, flat.start() if flat else start)
        if found is not None and _COURT_OR_YEAR.search(found.group()):
            continue  # "(2019, Jedburgh Sheriff Court)": a year and a court, no address
        if found is not None:
            end = _without_town(text, found.start(), found.end())
            # a Scottish flat ("3/2, 19 …") is no date: the prefixed address comes first
            rank = 76 if found.start() < start else 70
            add(found.start(), end, "address", _norm_ident(text[found.start() : end]), rank)
            previous_end = found.end()
    find_unnumbered_addresses(st, text, add)
    for m in near(STREET_RE, STREET_HINT, text, 60, 12):
        words = phrase_key(m.group())
        if (
            words
            and words[0] not in st.lex.common
            and not protected_phrase(st, words, len(words) - 1)
        ):
            add(m.start(), m.end(), "address", _norm_ident(m.group()), 65)
    for pattern, kind, hint in (
        (SCHOOL_RE, "school", SCHOOL_HINT),
        (GP_RE, "gp_practice", GP_HINT),
        (HOME_RE, "address", HOME_HINT),
    ):
        for m in near(pattern, hint, st.text, 110, 40):  # "SEEN AT SCHOOL" names none
            cand = _institution(st, m, kind)
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


def _numeric(st: State, lo: int, hi: int, add: Callable[[int, int, str, str, int], None]) -> None:
    """Identifiers that contain digits, looked for in one stretch around digits."""
    text = st.text
    inward, postcode, phone, nhs, case_number = _SCANS_ASCII if text.isascii() else _SCANS
    stretch = text[lo:hi]
    digits = len(stretch) - len(stretch.translate(NOT_DIGITS))
    if digits < 2:
        return  # "aged 9", "Year 4": every identifier below has two digits or more
    # digits of any script (\d): counted only in ASCII, else taken as many (no gate closes)
    anydigits = digits if stretch.isascii() else 99
    # registrations, NI numbers, references; a collar number after "collar" in lower case
    if _has_capital(stretch) or "collar" in stretch:
        _lettered(st, lo, hi, digits, anydigits, add)
    # in any case ("st1 2ab"); it ends with its inward code, a digit and two letters
    for m in postcode.finditer(text, lo, hi) if inward.search(text, lo, hi) else ():
        area = m.group()[: 2 if m.group()[1].isalpha() else 1].upper()
        if clean_left(text, m.start()) and area in POSTCODE_AREAS:
            add(m.start(), m.end(), "postcode", "", 85)
    if digits < 5:
        return  # phone, NHS and long reference numbers have five digits or more
    for m in phone.finditer(text, lo, hi) if anydigits >= 9 else ():  # nine digits or more
        if clean_left(text, m.start(), "+") and not _joined_left(text, m):
            end = _phone_end(m.group())
            if end:
                add(m.start(), m.start() + end, "phone", "", 90)
    for m in nhs.finditer(text, lo, hi) if anydigits >= 10 else ():  # ten digits
        if not clean_left(text, m.start(), "-"):
            continue
        if nhs_valid(NON_DIGIT.sub("", m.group())) or NHS_CUE_RE.search(
            text, max(0, m.start() - 20), m.start()
        ):
            add(m.start(), m.end(), "nhs_number", "", 88)
    for m in case_number.finditer(text, lo, hi):
        if clean_left(text, m.start(), "/-"):
            add(m.start(), m.end(), "case_number", "", 80)


# what ends every match of POSTCODE_RE (its inward code), searched for from the digit
_INWARD_RE = re.compile(r"\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}(?![A-Za-z0-9])")
# each stretch's scans, and their twins for a plain-ASCII note (same matches, quicker classes)
_SCANS = (_INWARD_RE, POSTCODE_RE, PHONE_RE, NHS_RE, CASE_NUMBER_RE)
_SCANS_ASCII = ascii_twins(*_SCANS)

# a line with capital letters and no lower-case one: a police form's field
_SHOUTED_LINE_RE = re.compile(r"(?m)^[^a-z\n]*[A-Z]{3}[^a-z\n]*$")
# the same line after its newline: a pattern that starts with a literal character is scanned
# for quickly, one that starts with ^ is tried at every position
_SHOUTED_NEXT_RE = re.compile(r"(?m)\n[^a-z\n]*[A-Z]{3}[^a-z\n]*$")


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
        titled = text[start:end].title()
        if len(titled) == end - start:
            parts += [text[last:start], titled]
            last = end
    return "".join([*parts, text[last:]]) if parts else text


# a number with the letter o for a zero, written so to dodge a filter: "o7700 9oo 4o1"
_O_BESIDE_DIGIT = re.compile(r"[\doO](?:(?<=\d)[oO]|(?<=[oO])\d)")  # \d[oO]|[oO]\d
_O_NUMBER = re.compile(r"(?<![\w])[oO0-9](?:[ \t-]?[oO0-9]){9,12}(?![\w])")


def _phone_end(number: str) -> int:
    """How much of a matched number is the phone number: all of it, or all but a last group
    that is no part of it ("07700 900 118 2) Aunt…", "(07700 900 149) 5pm"); 0 for none."""
    for _ in range(2):
        if phone_ok(number):
            return len(number)
        cut = max(number.rfind(" "), number.rfind("\t"), number.rfind("-"))
        if cut <= 0:
            return 0
        number = number[:cut].rstrip(" \t-")
        if number.endswith(")") and "(" not in number:
            number = number[:-1]
    return 0


def _phones_with_o(
    text: str, lo: int, hi: int, add: Callable[[int, int, str, str, int], None]
) -> None:
    """Phone numbers written with o for 0 in one stretch around digits, read with the zeros
    put back (the same length, so the offsets hold)."""
    if not for_text(_O_BESIDE_DIGIT, text).search(text, lo, hi):  # (ASCII classes if it is)
        return
    for m in for_text(_O_NUMBER, text).finditer(text, lo, hi):
        written = m.group()
        if "o" not in written and "O" not in written:
            continue
        number = written.replace("o", "0").replace("O", "0")
        if PHONE_RE.fullmatch(number) and phone_ok(number):
            add(m.start(), m.end(), "phone", "", 90)


def _joined_left(text: str, m: re.Match[str]) -> bool:
    """Whether the digits continue a reference: "GMP-0412-240121" is no phone number."""
    at = m.start()
    return at >= 2 and text[at - 1] in "-/" and text[at - 2].isalnum()


def _has_capital(stretch: str) -> bool:
    """Whether any character is upper case (in plain ASCII, lower-casing changes exactly those)."""
    if stretch.isascii():
        return stretch.lower() != stretch
    return any(c.isupper() for c in stretch)


_CAPITAL_DIGIT = re.compile(r"\d(?:(?<=[A-Z]\d)|(?<=[A-Z]\s\d))")
_LETTERED = (_CAPITAL_DIGIT, NI_RE, UPN_RE, VEHICLE_RE, VEHICLE_OLD_RE, REF_RE, COLLAR_RE)
_LETTERED_ASCII = ascii_twins(*_LETTERED)  # as _SCANS_ASCII


def _lettered(
    st: State,
    lo: int,
    hi: int,
    digits: int,
    anydigits: int,
    add: Callable[[int, int, str, str, int], None],
) -> None:
    """Identifiers of capital letters and digits, in one stretch around digits (``digits``
    ASCII ones; ``anydigits`` of any script, 99 when not counted)."""
    text = st.text
    # an NI number, a UPN and a registration each have a capital before a digit, or a space
    # between: looked for from the digits, once for the four patterns
    capital_digit, ni, upn, vehicle, vehicle_old, ref, collar = (
        _LETTERED_ASCII if text.isascii() else _LETTERED
    )
    lettered = capital_digit.search(text, lo, hi) is not None
    if digits >= 6 and lettered:  # an NI number has six digits, a UPN eleven or twelve
        for pattern, kind in ((ni, "ni_number"), (upn, "upn"))[: 2 if anydigits >= 11 else 1]:
            for m in pattern.finditer(text, lo, hi):
                if clean_left(text, m.start()):
                    add(m.start(), m.end(), kind, "", 88)
    for m in vehicle.finditer(text, lo, hi) if lettered else ():
        if clean_left(text, m.start()):
            add(m.start(), m.end(), "vehicle_reg", "", 88)
    for m in vehicle_old.finditer(text, lo, hi) if lettered else ():
        if clean_left(text, m.start()) and VEHICLE_CUE_RE.search(
            text, max(0, m.start() - 30), m.start()
        ):
            add(m.start(), m.end(), "vehicle_reg", "", 85)
    for m in ref.finditer(text, lo, hi):
        if clean_left(text, m.start(), "/-") and case_cue_before(text, m.start()):
            add(ref_owner(text, m.start()), m.end(), "case_number", "", 81)
    find_references(st, lo, hi, add)
    for m in collar.finditer(text, lo, hi):
        if clean_left(text, m.start()):
            ranked = m.group()[:1] not in "cC"  # "COLLAR 4237": the name came before it
            end = m.end("name") if m.group("name") and ranked else m.end("num")
            name = m.group("name") if ranked and m.group("name") else ""
            second = name.rpartition(" ")[2].lower()
            if " " in name and second in st.lex.words and second not in st.lex.surnames:
                end = m.start("name") + m.group("name").index(" ")  # "PC 2281 NEWBOLD ATTENDED"
            add(m.start("num"), end, "professional", f"collar:{m.group('num')}", 80)


def protected_phrase(st: State, words: tuple[str, ...], longer_than: int = 0) -> bool:
    """Whether the words begin with a protected phrase of more than ``longer_than`` words.

    "Staying Close" is protected as a whole; "Virtual School Head" reaches into
    the word "School"; but "Eaton Park Primary" is a school named after a place.
    """
    return bool(words) and any(
        len(phrase) > longer_than and words[: len(phrase)] == phrase
        for phrase in st.lex.phrases.get(words[0], ())
    )


# a year before a comma, or a court of law where an address has its street's word
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


_GENERIC = frozenset({"local", "central", "new", "main", "general", "family", "community", "city"})


def _institution(st: State, m: re.Match[str], kind: str) -> Cand | None:
    """A school or GP practice, without leading everyday words ("At", "The", "Virtual")."""
    start = m.start()
    name_end = m.end("name")
    lex = st.lex
    for w in WORD_RE.finditer(st.text, start, name_end):
        key = w.group().casefold()
        if key in ("st", "saint") or name_starts(st.text, w.start(), w.group()):
            break
        if word_key(w.group()) in LEADING_WORDS or key in HONORIFICS:
            start = w.end()
            continue
        if w.group().isupper() and w.group() in lex.acronyms:
            start = w.end()  # "GP Vale Royal Surgery": the role before the practice's name
            continue
        break
    while start < name_end and not st.text[start].isalnum():
        start += 1
    if start >= name_end:
        return None
    name = phrase_key(st.text[start:name_end])
    if protected_phrase(st, phrase_key(st.text[start : m.end()]), len(name)):
        return None
    if _HOSPITAL_AFTER.match(st.text, m.end()):
        return None  # "King's College Hospital": a hospital, named like a college
    if (
        len(name) == 1
        and kind != "address"
        and name[0] in lex.common
        and (kind != "gp_practice" or "Medical" not in m.group() or name[0] in _GENERIC)
    ):
        return None  # "Special School", "Local Surgery": generic; "Ford Medical Practice" named
    if kind != "address" and generic_name(st, name):
        return None  # "Polish Saturday School": a description
    end = with_town(st, m.end()) if kind != "address" else m.end()
    return Cand(start, end, kind, " ".join(name), 60, 0.9)


_HOSPITAL_AFTER = re.compile(r"[ \t]+(?:Hospital|Hospice|Infirmary)\b")
_INSTITUTIONS = frozenset({"school", "gp_practice", "org"})  # "Lister Lane Grill" is a firm


def _without_parts_of_institutions(cands: list[Cand]) -> list[Cand]:
    """Drop an address found inside a school's, practice's or firm's name ("Meir Park" in "Meir
    Park Medical Practice"), so that the whole name is redacted as the institution."""
    outer = [c for c in cands if c.kind in _INSTITUTIONS]
    if not outer:
        return cands
    return [
        c
        for c in cands
        if not (
            c.kind == "address"
            and any(o.start <= c.start and c.end <= o.end and o is not c for o in outer)
        )
    ]


_FLAT_PREFIX = re.compile(r"^\s*(?:flat|apartment|apt|unit|room)\s+\d+\w?,?", re.I)


def _norm_ident(text: str) -> str:
    return " ".join(phrase_key(_FLAT_PREFIX.sub("", text)))
