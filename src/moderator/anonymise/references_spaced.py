"""Reference numbers the other shapes miss: glued, spaced, or named by what they number.

* **Capitals glued to four digits or more** (``KL2209``, ``B82614``, ``AT25-0071184``): two
  capitals or more before four digits, or one before five (a road, ``A5036``, has four at
  most), with any parts joined by ``-`` or ``/`` after them (``RIV-HU3-7782104`` too: a part
  may mix capitals and digits). A registration (``LX19 HNT``) has letters after its digits
  and is read as one before this.
* **Spaced after the word that says what it numbers** (``voucher NFB 20931``, ``profile LM
  22871 HR``, ``card no. HP 0034 7712``, ``log INT 25/RR/1192``, ``MRN: RBH 4471-0093-2``,
  ``Ref: PF / PCC / 0117 / 25``): capitals and figures in groups, up to five, with four digits
  or more in all, to the first word in lower case.
* **An account's number** (``account number 4471``), however short, after its cue.
* **A card's or an account's last digits** (``card ending 4417``, ``account ending in 0093``).
* **An officer's number after their name** (``PC Leah Morgan 3412``), as forms write it after
  the rank and name.
"""

from __future__ import annotations

import re

from moderator.anonymise.nearby import for_text, starting_with, starting_with_folded
from moderator.anonymise.state import State

_GLUED = re.compile(
    r"[A-Z](?<![\w/-][A-Z])[A-Z]{0,3}\d{4,10}(?:[-/][A-Z]{0,4}\d{1,10}[A-Z]{0,2})*(?![\w/-])"
    r"|[A-Z](?<![\w/-][A-Z])[A-Z]{1,5}(?:[-/][A-Z]{1,4}\d{1,3})+[-/]\d{4,10}(?![\w/-])"
)
_CUE = re.compile(
    r"(?i:\b(?:voucher|profile|card[ \t]+(?:no\.?|number)|log|mrn|ref(?:erence)?s?|id|job|claim"
    r"|account[ \t]+(?:no\.?|number)|membership(?:[ \t]+no\.?)?|ods|practice[ \t]+code|athena"
    r"|niche|storm|urn|cris|merlin|compact|pnd|mosaic))(?:[ \t]*[:#.])?[ \t]+(?=[A-Z0-9])"
)
# what each match of _CUE starts with (in lower case), where it is tried
_CUE_STARTS: tuple[str, ...] = (
    "voucher", "profile", "card", "log", "mrn", "ref", "id", "job", "claim", "account",
    "membership", "ods", "practice", "athena", "niche", "storm", "urn", "cris", "merlin",
    "compact", "pnd", "mosaic",
)  # fmt: skip
_GROUP = re.compile(r"[ \t]*(?:/[ \t]*)?([A-Z0-9][A-Z0-9/-]*)(?![\w])")
_ENDING = re.compile(r"(?i:\b(?:card|account|acc|a/c)[ \t]+ending(?:[ \t]+in)?[ \t]+)(\d{4})\b")
# a taxi driver's or a door supervisor's badge, a staff number: "badge 1187", "badge no. 20431"
_BADGE = re.compile(
    r"(?i:\b(?:badge|licence|staff|payroll|collar)[ \t]+(?:no\.?|number|#)?[ \t]*)(\d{3,8})\b"
)
_BADGE_STARTS = ("badge", "licence", "staff", "payroll", "collar")  # (where _BADGE is tried)
# the end of a plate a witness caught: "plate ending -ZTK", "reg ending in 7XK"
_PLATE_ENDING = re.compile(
    r"(?i:\b(?:plate|reg|registration)[ \t]+end(?:ing|s)(?:[ \t]+(?:in|with))?[ \t]*[-:]?[ \t]*)"
    r"([A-Za-z0-9]{2,4})\b"
)
# an officer's collar number after their name, the Met's with its borough's code ("PC Dan Fry
# 2281MS", "DC Amy Reilly 7714W", "SGT KAREN ILLINGWORTH 5409"), not a time ("PC Fry 1130 hrs")
_OFFICER_NUMBER = re.compile(
    r"\b(?:PC|DC|PCSO|DS|DI|Sgt|SGT|PS)[ \t]+(?:[A-Z][A-Za-z'’-]+[ \t]+){1,2}(\d{3,5}(?:[A-Z]{1,2})?)"
    r"(?![\w/]|[ \t]*(?i:hrs|hours|am|pm)\b)"
)
_RANKS = ("PC", "DC", "DS", "DI", "Sgt", "SGT", "PS")  # (where _OFFICER_NUMBER is tried)
# a UK driving licence number: the surname's first five letters (9s after a short one), six
# figures of the birth date, two initials (9 for none), a digit and two check letters
_LICENCE = re.compile(r"[A-Z9](?<![\w][A-Z9])[A-Z9]{4}\d{6}[A-Z9]{2}\d[A-Z]{2}(?![\w])")
# part of a plate a witness caught: 'part plate "fv21"', 'part of the plate: "ov21" something'
_PART_PLATE = re.compile(
    r"(?i:\bplate)[ \t]*(?:seen[ \t]+as|was|:)?[ \t]*[\"“']([A-Za-z]{1,3}\d{1,3}|\d{1,3}[A-Za-z]{1,3})[\"”']"
)
# and without quotes after "partial": "(partial plate NK19)", "part reg: KM6"
_PARTIAL_PLATE = re.compile(
    r"(?i:\bpart(?:ial)?[ \t]+(?:plate|reg(?:istration)?|index))[ \t]*:?[ \t]*"
    r"([A-Za-z]{1,3}\d{1,3}(?:[ \t]?[A-Z]{1,3}(?![\w]))?|\d{1,3}[A-Za-z]{1,3})(?![\w])"
)
# a plate in part or in full after its cue, as a witness or a scan gave it: "partial reg
# visible "CE7? 0XL"", "reg WR1 9 XBN (partial)", "part reg YT7l", "reg plate AK68 FH?": groups
# of capitals, digits and a "?" for what was not seen, opening with a letter as plates do
# (one digit and two capitals at least; not "reg 24 carer", a regulation)
_PLATE_AFTER_CUE = re.compile(
    r"(?<![\w])(?:reg|Reg|REG|registration|Registration|plate|Plate|PLATE)"
    r"(?:[ \t]+(?:no\.?|number|plate|mark|visible|partial|part|seen|as|was|is|of|read|reads))*"
    r"[ \t]*:?[ \t]*[\"“'‘]?"
    r"(?P<n>[A-Z][A-Z0-9?]{1,3}[0-9l?]?(?:[ \t][A-Z0-9?]{1,4}){0,2})(?![\w?-])"
)
_SYSTEMS = frozenset({"storm", "niche", "athena", "cris", "merlin", "pnd", "compact", "mosaic"})
_KIND = "case_number"
_CONFIDENCE = 0.85


def _digits(s: str) -> int:
    return sum(c.isdigit() for c in s)


def _letters(s: str) -> int:
    return sum(c.isalpha() for c in s)


def _take(st: State, start: int, end: int, confidence: float = _CONFIDENCE) -> None:
    if st.free(start, end):
        st.take(start, end, _KIND, "", 80, confidence)


def find_spaced_references(st: State) -> None:
    """Take the references of the module's forms."""
    text = st.text
    if "ending" in text or "ENDING" in text:
        for m in _PLATE_ENDING.finditer(text):
            shaped = any(c.isdigit() for c in m.group(1)) or m.group(1).isupper()
            if shaped and st.free(m.start(1), m.end(1)):  # ("ending was": a word, no plate)
                st.take(m.start(1), m.end(1), "vehicle_reg", "", 80, 0.8)
    if not any(c.isdigit() for c in text):
        return
    for m in for_text(_GLUED, text).finditer(text):
        head = m.group().split("-")[0].split("/")[0]
        letters, digits = _letters(head), _digits(head)
        if (letters >= 2 and digits >= 4) or digits >= 5 or "-" in m.group() or "/" in m.group():
            _take(st, m.start(), m.end())
    for m in starting_with_folded(for_text(_CUE, text), text, _CUE_STARTS):
        end, digits, groups = m.end(), 0, 0
        at = m.end()
        while groups < 5:
            g = _GROUP.match(text, at)
            if g is None or "\n" in text[at : g.start(1)] or text[g.end() : g.end() + 1] == ":":
                break  # (a line's end; a form's next field, "OIC:")
            word = not _digits(g.group(1)) and len(g.group(1)) > 3
            if groups and (word or not st.free(g.start(1), g.end(1))):
                break  # a word or a date after the number: "5501/17MAR25 RISK GRADE"
            digits += _digits(g.group(1))
            groups += 1
            at = end = g.end()
        letters = _letters(text[m.end() : end])
        slashed = "/" in text[m.end() : end] and digits >= 6  # "CRIS 4410277/25"
        account = m.group()[:1] in "aA"  # "account number 4471": any number of four digits
        # a police or council system's log ("STORM 1133", "Niche 20418"): its number alone
        system = m.group()[0].isupper() and m.group().strip(" \t:#.").lower() in _SYSTEMS
        if (
            digits >= 4
            and (groups >= 2 or letters >= 1 or slashed or account or system)
            and letters <= 6
        ):
            _take(st, m.end(), end)
    for m in _LICENCE.finditer(text):
        if sum(c.isalpha() for c in m.group()[:5]) >= 2:  # (a surname's letters, not all 9s)
            _take(st, m.start(), m.end(), 0.9)
    if "plate" in text or "Plate" in text or "PLATE" in text:
        for m in (*_PART_PLATE.finditer(text), *_PARTIAL_PLATE.finditer(text)):
            if st.free(m.start(1), m.end(1)):
                st.take(m.start(1), m.end(1), "vehicle_reg", "", 80, 0.8)
    elif "part" in text or "PART" in text:
        for m in _PARTIAL_PLATE.finditer(text):  # ("partial reg NK19")
            if st.free(m.start(1), m.end(1)):
                st.take(m.start(1), m.end(1), "vehicle_reg", "", 80, 0.8)
    if "reg" in text or "plate" in text or "REG" in text:
        for m in _PLATE_AFTER_CUE.finditer(text):
            n = m.group("n").rstrip()
            if (
                any(c.isdigit() for c in n)
                and sum(c.isupper() for c in n) >= 2
                and st.free(m.start("n"), m.start("n") + len(n))
            ):
                st.take(m.start("n"), m.start("n") + len(n), "vehicle_reg", "", 78, 0.75)
    for m in starting_with_folded(for_text(_ENDING, text), text, ("card", "acc", "a/c")):
        _take(st, m.start(1), m.end(1))
    for m in starting_with_folded(for_text(_BADGE, text), text, _BADGE_STARTS):
        _take(st, m.start(1), m.end(1), 0.8)
    for m in starting_with(for_text(_OFFICER_NUMBER, text), text, _RANKS):
        _take(st, m.start(1), m.end(1), 0.8)


# the next item of a list after a reference: "refs 06/OL/11342/23, 06/OL/5531/24"
_LISTED_NEXT = re.compile(
    r"[ \t]*(?:,|;|&|and\b|or\b)[ \t]*(?:(?:and|or)[ \t]+)?([A-Z0-9][A-Za-z0-9/.-]*[A-Za-z0-9])"
    r"(?![\w/-])"
)
_DIGIT_RUN = re.compile(r"\d+")
_LETTER_RUN = re.compile(r"[A-Za-z]+")


def _loose_shape(s: str) -> str:
    """A reference's shape with each run of digits or letters as one: "99/A/9/9"."""
    return _LETTER_RUN.sub("A", _DIGIT_RUN.sub("9", s))


def find_listed_references(st: State) -> None:
    """A reference listed after another of the same shape ("refs 06/OL/11342/23,
    06/OL/5531/24"): each of four digits or more, in parts joined by ``/`` or ``-``."""
    text = st.text
    for c in [c for c in st.cands if c.kind == "case_number"]:
        shape = _loose_shape(text[c.start : c.end])
        if shape.count("/") + shape.count("-") < 1:
            continue
        end = c.end
        while (m := _LISTED_NEXT.match(text, end)) is not None:
            s, e = m.span(1)
            if _loose_shape(m.group(1)) != shape or _digits(m.group(1)) < 4 or not st.free(s, e):
                break
            _take(st, s, e)
            end = e
