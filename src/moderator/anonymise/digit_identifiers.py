"""Identifiers written with digits, looked for in each stretch of a note around its digits.

Postcodes (``ST1 2AB``, ``st1 2ab``), UK phone numbers (``07700 900118``), with ``o`` put for
a zero to dodge a filter (``o7700 9oo 4o1``), NHS numbers with a valid check digit or after
their cue (``NHS No. 464 145 0501``) and case numbers; and those of capital letters and
digits: NI numbers (``QQ 12 34 56 C``), UPNs, vehicle registrations (``KE70 RUF``),
references after a case cue, and a police officer's collar number (``PC 2281 Newbold``).
A stretch with too few digits for any of them is passed over at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from moderator.anonymise.addresses_postcodes import POSTCODE_AREAS, POSTCODE_RE
from moderator.anonymise.nearby import ascii_twins, for_text, plain
from moderator.anonymise.patterns import (
    CASE_NUMBER_RE,
    COLLAR_RE,
    NHS_CUE_RE,
    NHS_RE,
    NI_RE,
    NON_DIGIT,
    NOT_DIGITS,
    PHONE_RE,
    REF_RE,
    UPN_RE,
    VEHICLE_CUE_RE,
    VEHICLE_OLD_RE,
    VEHICLE_RE,
    clean_left,
    nhs_valid,
    phone_ok,
)
from moderator.anonymise.references import case_cue_before, find_references, ref_owner
from moderator.anonymise.state import State


def find_numeric(
    st: State, lo: int, hi: int, add: Callable[[int, int, str, str, int], None]
) -> None:
    """Identifiers that contain digits, looked for in one stretch around digits."""
    text = st.text
    inward, postcode, phone, nhs, case_number = _SCANS_ASCII if plain(text) else _SCANS
    stretch = text[lo:hi]
    digits = len(stretch) - len(stretch.translate(NOT_DIGITS))
    if digits < 2:
        return  # "aged 9", "Year 4": every identifier below has two digits or more
    # digits of any script (\d): counted only in ASCII, else taken as many (no gate closes)
    anydigits = digits if stretch.isascii() else 99
    # registrations, NI numbers, references; a collar number after "collar" in lower case;
    # a reference after its cue and an NI number in a stretch all in lower case ("calls to
    # the address - log 1409 (noise), ref 46-1112-0633", "is it jp 284491 c")
    if _has_capital(stretch) or "collar" in stretch or digits >= 4:
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
            begin = m.start()
            if end and text[begin] == "(" and ")" not in m.group()[:end]:
                begin += 1  # "(01803 528 540)": the bracket holds the number, not its code
            if end:
                add(begin, m.start() + end, "phone", "", 90)
    if "." in stretch and anydigits >= 11:
        # a mobile number grouped by dots ("07.92.33.40.118", "07.700.914.338"): eleven
        # digits from 07 (a date or a time with dots has fewer)
        for m in _DOTTED_MOBILE.finditer(text, lo, hi):
            if len(NON_DIGIT.sub("", m.group())) == 11 and clean_left(text, m.start(), "+"):
                add(m.start(), m.end(), "phone", "", 90)
    for m in nhs.finditer(text, lo, hi) if anydigits >= 10 else ():  # ten digits
        if not clean_left(text, m.start(), "-"):
            continue
        if nhs_valid(NON_DIGIT.sub("", m.group())) or NHS_CUE_RE.search(
            text, max(0, m.start() - 20), m.start()
        ):
            add(m.start(), m.end(), "nhs_number", "", 88)
    if anydigits >= 10 and ("NHS" in text or "nhs" in text or "Nhs" in text):
        # after its cue, an NHS number grouped any way ("NHS No 538 120 648 8")
        for m in _NHS_GROUPED.finditer(text, lo, hi):
            if clean_left(text, m.start(), "-") and NHS_CUE_RE.search(
                text, max(0, m.start() - 20), m.start()
            ):
                add(m.start(), m.end(), "nhs_number", "", 88)
    for m in case_number.finditer(text, lo, hi):
        if clean_left(text, m.start(), "/-"):
            add(m.start(), m.end(), "case_number", "", 80)


_DOTTED_MOBILE = re.compile(r"07\d{0,3}(?:\.\d{1,4}){2,5}(?![\d.]?\d)")
# ten digits in groups of any size, one space, dot or hyphen between (an NHS number after
# its cue: the usual 3-3-4 is NHS_RE's)
_NHS_GROUPED = re.compile(r"\d(?:[ \t.-]?\d){9}(?![\w-])")
# what ends every match of POSTCODE_RE (its inward code), searched for from the digit
_INWARD_RE = re.compile(r"\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}(?![A-Za-z0-9])")
# each stretch's scans, and their twins for a plain-ASCII note (same matches, quicker classes)
_SCANS = (_INWARD_RE, POSTCODE_RE, PHONE_RE, NHS_RE, CASE_NUMBER_RE)
_SCANS_ASCII = ascii_twins(*_SCANS)


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


def find_phones_with_o(
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


# an NI number in lower case, its prefix one HMRC issues (no d, f, i, q, u or v; no o second)
_NI_LOWER = re.compile(
    r"(?<![\w])(?!bg|gb|kn|nk|nt|tn|zz)[a-ceghj-pr-tw-z][a-ceghj-npr-tw-z]"
    r"[ \t]?\d(?:[ \t]?\d){5}[ \t]?[a-d](?![\w])"
)
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
        _LETTERED_ASCII if plain(text) else _LETTERED
    )
    lettered = capital_digit.search(text, lo, hi) is not None
    if digits >= 6 and lettered:  # an NI number has six digits, a UPN eleven or twelve
        for pattern, kind in ((ni, "ni_number"), (upn, "upn"))[: 2 if anydigits >= 11 else 1]:
            for m in pattern.finditer(text, lo, hi):
                if clean_left(text, m.start()):
                    add(m.start(), m.end(), kind, "", 88)
    if digits >= 6:  # an NI number written in lower case: "is it jp 284491 c"
        for m in _NI_LOWER.finditer(text, lo, hi):
            if clean_left(text, m.start()):
                add(m.start(), m.end(), "ni_number", "", 86)
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
            first = name.partition(" ")[0].lower()
            if (
                " " in name
                and second in (st.lex.common if first in st.lex.given else st.lex.words)
                and second not in st.lex.surnames
            ):
                end = m.start("name") + m.group("name").index(" ")  # "PC 2281 NEWBOLD ATTENDED"
            add(m.start("num"), end, "professional", f"collar:{m.group('num')}", 80)


# the rest of an international number written in pairs: "+33 7 55 41 20 98" (the pattern
# stopped at the UK length)
_PAIRS_AFTER = re.compile(r"(?:[ .-]\d{2,3})+(?![\w/])")


def join_phone_tails(st: State) -> None:
    """An international phone's last digit groups go with it, up to fifteen digits in all."""
    text = st.text
    for c in list(st.cands):
        if c.kind != "phone" or text[c.start] != "+":
            continue
        m = _PAIRS_AFTER.match(text, c.end)
        if m is None or not st.free(c.end, m.end()):
            continue
        if sum(ch.isdigit() for ch in text[c.start : m.end()]) <= 15:
            st.grow(c, c.start, m.end())


# a UK number broken by a line's end where a form or an e-mail wrapped it: "(tel. 07960⏎225
# 781)"; the first line's part is too short to be a number, the two parts make one
_WRAPPED_PHONE = re.compile(
    r"(?<![\w+])(?P<a>0\d{2,5}(?:[ \t]\d{1,4})?)[ \t]*\r?\n[ \t]*(?P<b>\d{1,4}(?:[ \t]\d{1,4}){0,2})(?![\w/.:]\d|[\w/:])"
)


def join_wrapped_phones(st: State) -> None:
    """A phone number split over two lines, taken whole when the two parts make exactly a UK
    number (eleven digits from 01, 02, 03, 07 or 08) and neither part is one alone: a full
    number before a line's end is left with the next line ("07700 900 521⏎2. Dad")."""
    text = st.text
    if "\n" not in text:
        return
    for m in for_text(_WRAPPED_PHONE, text).finditer(text):
        first, second = NON_DIGIT.sub("", m.group("a")), NON_DIGIT.sub("", m.group("b"))
        if len(first) + len(second) != 11 or first[1] not in "12378" or len(first) < 4:
            continue
        if st.free(m.start(), m.end()):
            st.take(m.start(), m.end(), "phone", "", 88)
