"""Numbers, postcodes and registrations a scan misread, read as they were written
(:mod:`.reading` reads a note through them).

OCR reads a figure for a letter and a letter for a figure: ``2O417``, ``l9.5.25``, ``O77OO 9OO
l23``, ``Flat l7``, a postcode ``0L9 OHR``, a plate ``NL68 VK0``. Each function gives the text
with those characters read as what they stand for, the same length, so that every offset of
the reading is an offset of the note as written. Split from :mod:`.reading` (the ~400-line
limit per module).
"""

from __future__ import annotations

import re

from moderator.anonymise.addresses_postcodes import POSTCODE_AREAS, POSTCODE_RE
from moderator.anonymise.patterns import STREET_TYPES

# a number, a date or a time OCR read with letters for some digits ("2O417", "l784",
# "O4/O8", "l9.5.25", "22:4O", "0l352 7l4 900"): two digits or more, no more letters than
# digits, and no other letter around
_OCR_NUMBER = re.compile(
    r"(?<![A-Za-z0-9])(?=[0-9OolI/.:]*[0-9])[0-9OolI]+(?:[/.:][0-9OolI]+){0,2}(?![A-Za-z0-9])"
)
OCR_NUMBER_HINT = re.compile(r"[0-9][OolI]|[OolI][0-9]")
_AS_DIGIT = str.maketrans("OolI", "0011")
# what a misread first digit may open: a date, a time, a phone number's first group
# a whole date, day/month/year, once read with its digits
_DATE_SHAPE = re.compile(r"(?:0?[1-9]|[12]\d|3[01])([/.])(?:0?[1-9]|1[0-2])\1(?:\d{2}|\d{4})")
_LEADING_LETTER_OK = re.compile(r"\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{1,2}[:.]\d{2}|0[1-9]\d{3}")


def ocr_numbers(text: str) -> str:
    """``text`` with each number OCR misread read with its digits (the same length)."""
    chars: list[str] | None = None
    for m in _OCR_NUMBER.finditer(text):
        found = m.group()
        digits = sum(c.isdigit() for c in found)
        letters = sum(c in "OolI" for c in found)
        a = m.start()
        house = len(found) <= 3 and _a_house_number(text, a, m.end())
        run_on = a >= 2 and text[a - 1] in " \t" and (chars or text)[a - 2].isdigit()
        if (
            found[0] in "OolI"
            and not run_on  # ("O7737 5O2 l88": a phone's next group)
            and not _LEADING_LETTER_OK.fullmatch(found.translate(_AS_DIGIT))
            and not (len(found) == 2 and _beside_digits(text, a, m.end()))
            and not house  # ("Flat l7", "l4 Dudley Street")
        ):
            continue  # "O1187340/4": a reference may open with a letter O
        if (
            letters
            and (
                digits >= 2
                or (digits == 1 and (house or run_on or _beside_digits(text, a, m.end())))
            )
            and (
                digits >= letters
                or run_on
                or _opens_phone(text, found, m.end())
                or _DATE_SHAPE.fullmatch(found.translate(_AS_DIGIT)) is not None
            )
        ):  # ("O77OO 9OO l23": a phone's first group and the groups after it; "O2/ll/2Ol8",
            # a date whatever its letters)
            if chars is None:
                chars = list(text)
            chars[m.start() : m.end()] = found.translate(_AS_DIGIT)
    return text if chars is None else "".join(chars)


def _opens_phone(text: str, found: str, end: int) -> bool:
    """Whether ``found`` reads as a phone's first group ("O77OO", "Ol632") with another
    group of digits (or misread digits) after it."""
    read = found.translate(_AS_DIGIT)
    return (
        len(found) in (5, 6)
        and read[0] == "0"
        and read[1] != "0"
        and _NEXT_GROUP.match(text, end) is not None
    )


_NEXT_GROUP = re.compile(r"[ \t]?[0-9OolI]{3,6}(?![A-Za-z])")


# where a short number is a house's or a flat's: after "Flat", before a street's name
_FLAT_BEFORE = re.compile(r"(?:Flat|FLAT|Apartment|Apt|Unit|Room|No)\.?[ \t]+\Z")
_STREET_AFTER = re.compile(rf"[ \t]+(?:[A-Z][a-z'’]+[ \t\n]+){{1,3}}(?:{STREET_TYPES})(?![\w'’-])")


def _a_house_number(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands where a house's or a flat's number does ("Flat l7",
    "l4 Dudley Street"): a letter opening it is then a misread digit too."""
    return (
        _FLAT_BEFORE.search(text, max(0, start - 12), start) is not None
        or _STREET_AFTER.match(text, end) is not None
    )


# a number's other group beside a short one ("NI 84 22 l9 D", "l4 / 2 / 25"): digits after a
# space or a date's stroke
_DIGITS_BEFORE = re.compile(r"(?<![A-Za-z0-9])[0-9]{1,4}[ \t]?[ /.:-][ \t]?\Z")
_DIGITS_AFTER = re.compile(r"[ \t]?[ /.:-][ \t]?[0-9]{1,4}(?![A-Za-z0-9])")


def _beside_digits(text: str, start: int, end: int) -> bool:
    """Whether a group of one digit and one letter OCR misread (``l9``) stands in a number,
    beside another group of digits."""
    return bool(
        _DIGITS_BEFORE.search(text, max(0, start - 8), start) or _DIGITS_AFTER.match(text, end)
    )


# a postcode OCR read with figures for letters or letters for figures ("0L9 OHR", "LAl4 3JY",
# "B98 OQT"): an outward code and an inward code of the right lengths with a space between,
# in capitals and the characters OCR confuses, a figure among them; not a number's last
# groups ("07833 904 561 OFF")
OCR_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])(?<![0-9][ \t])(?=[^ ]*[0-9]|[^ ]* [0-9])(?P<out>[A-Z015][A-Z015]?[0-9OlI][A-Z0-9lI]?)"
    r"[ ]{1,2}(?P<in>[0-9OlI][A-Z015]{2})(?![A-Za-z0-9])"
)
_AS_LETTER = str.maketrans("015", "OIS")


def ocr_postcodes(text: str) -> str:
    """``text`` with each postcode OCR misread read as the postcode (the same length), where
    the reading is a postcode of a real area and differs from what is written."""
    chars: list[str] | None = None
    for m in OCR_POSTCODE.finditer(text):
        out, inward = m.group("out"), m.group("in")
        area = out[:2] if len(out) > 2 and not out[1].isdigit() and out[1] not in "OlI" else out[:1]
        read_area = area.translate(_AS_LETTER)
        rest = out[len(area) :]
        read_out = read_area + rest[0].translate(_AS_DIGIT) + rest[1:].replace("l", "1")
        read_in = inward[0].translate(_AS_DIGIT) + inward[1:].translate(_AS_LETTER)
        if read_out + read_in == out + inward or not read_area.isalpha():
            continue
        if read_area not in POSTCODE_AREAS or not POSTCODE_RE.fullmatch(f"{read_out} {read_in}"):
            continue
        if chars is None:
            chars = list(text)
        chars[m.start("out") : m.end("out")] = read_out
        chars[m.start("in") : m.end("in")] = read_in
    return text if chars is None else "".join(chars)


# a registration OCR read with a figure for a letter or a letter for a figure ("NL68 VK0",
# "YF68 KL0"): two letters, two figures (one at least a figure as written: not "SNOOKER"),
# three letters with two of them plain letters, a figure or a small l among them
OCR_PLATE = re.compile(
    r"(?<![A-Za-z0-9])(?P<a>[A-Z]{2})(?P<d>(?=[0-9OlI]?[0-9])[0-9OlI]{2})"
    r"(?P<b>[ ]?(?=(?:[015]?[A-Z]){2})[A-Z015]{3})(?![A-Za-z0-9])"
)


def ocr_plates(text: str) -> str:
    """``text`` with each registration OCR misread read as one (the same length), where the
    reading differs from what is written and has a letter OCR could not have misread."""
    chars: list[str] | None = None
    for m in OCR_PLATE.finditer(text):
        read = (
            m.group("a").translate(_AS_LETTER)
            + m.group("d").translate(_AS_DIGIT)
            + m.group("b").translate(_AS_LETTER)
        )
        if read == m.group() or (
            POSTCODE_RE.fullmatch(m.group()) and m.group("a") in POSTCODE_AREAS
        ):
            continue  # ("WR11 1DX": a real area's postcode as written)
        if chars is None:
            chars = list(text)
        chars[m.start() : m.end()] = read
    return text if chars is None else "".join(chars)
