"""Reference numbers in the forms case systems, police and courts write them.

Beside the cued references of :mod:`.patterns` (``Ref: 4412``): a reference is one by its
shape alone when it is capitals then parts joined by ``-`` or ``/`` with four digits or
more, and the acronym of the unit that owns it is part of it (``FMU case 24/0337``,
``CAD 4412/24DEC23``), as case numbers are written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from moderator.anonymise.lexicon import lower_same_length
from moderator.anonymise.nearby import starting_with_folded
from moderator.anonymise.patterns import CASE_CUE_RE
from moderator.anonymise.state import State

# (Each pattern starts with its first capital, the look-behind after it: the regex engine then
# skips to capitals instead of trying every position.)
# A reference by its shape, without a cue: capitals, then parts joined by "-" or "/", four
# digits or more ("DVDS-SY-4471", "HO/THN/8812", "RF-2231-0045", "CP/24/0193").
REF_SHAPE_RE = re.compile(
    r"[A-Z](?<![\w/-][A-Z])[A-Z]{0,5}(?:[-/](?:[A-Z]{1,6}|\d{1,10}))*[-/]\d{2,10}(?:[-/][A-Z0-9]{1,8})*"
    r"(?![\w/-])"
)
# A unit's acronym before its own reference belongs to it: "FMU case 24/0337", "CAD 4412/24DEC23"
REF_OWNER_RE = re.compile(r"[A-Z](?<![\w][A-Z])[A-Z]{1,4}[ \t]+(?:case[ \t]+)?$")
# a number written with the unit's acronym, as case numbers are: "FMU 24/0337-B"
REF_AFTER_ACRONYM_RE = re.compile(
    r"[A-Z](?<![\w][A-Z])[A-Z]{1,5}[ \t]+(?:case[ \t]+)?(?P<n>\d{2,4}[/-]\d{3,6}(?:-[A-Z0-9]{1,3})?)(?![\w/-])"
)

_YEARS = re.compile(r"(?:19|20)?\d\d[/-](?:19\d\d|20[0-4]\d)")  # (not "24/2088", a serial)
# a plan or a test with its year is no reference: "EHCP-2023", "GCSE/2024", "CAMHS-2024"
_YEAR_TAG = re.compile(r"[A-Z]{1,6}[-/](?:19|20)\d\d")
# acronyms before a number that do not own it: "DOB 24/0337", "NHS", "UPN", "Ref" (a cue)
_NOT_OWNERS = frozenset(
    ["DOB", "NHS", "UPN", "NI", "TEL", "MOB", "REF", "NO", "DATE", "AGED", "PPN", "UCI", "ID"]
)


def ref_owner(text: str, start: int) -> int:
    """Where a reference starting at ``start`` starts with its unit's acronym before it."""
    m = REF_OWNER_RE.search(text, max(0, start - 12), start)
    if m is None or m.group().split()[0] in _NOT_OWNERS:
        return start
    return m.start()


def find_references(
    st: State, lo: int, hi: int, add: Callable[[int, int, str, str, int], None]
) -> None:
    """References by their shape, and numbers written after their unit's acronym, in one
    stretch around digits (``text[lo:hi]``)."""
    text = st.text
    if text.find("/", lo, hi) < 0 and text.find("-", lo, hi) < 0:
        return  # both shapes join their parts with "/" or "-"
    for m in REF_SHAPE_RE.finditer(text, lo, hi):
        if sum(c.isdigit() for c in m.group()) >= 4 and not _YEAR_TAG.fullmatch(m.group()):
            add(m.start(), m.end(), "case_number", "", 80)
    for m in REF_AFTER_ACRONYM_RE.finditer(text, lo, hi):
        if _YEARS.fullmatch(m.group("n")):
            continue  # "GCSE 2024-2025": two years
        if m.group().split()[0] not in _NOT_OWNERS:
            add(m.start(), m.end("n"), "case_number", "", 82)


# the words a CASE_CUE_RE match ends with, before its spaces, ":", "#" or ".": the last
# word before a number is checked with str methods before the pattern is tried at every
# position of the 30 characters before it
_CASE_CUE_ENDS = ("no", "num", "number", "ref", "reference", "id", "case", "crime", "incident",
                  "log", "occurrence", "client", "person", "child", "mosaic", "lcs", "police",
                  "file", "hosp", "hospital", "patient", "booking", "court", "urn", "crn", "cad",
                  "mrn", "report", "ticket", "refs", "references", "ppn", "uci")  # fmt: skip


def case_cue_before(text: str, start: int, width: int = 30) -> bool:
    """Whether ``CASE_CUE_RE`` ends at ``start``, in the ``width`` characters before it."""
    lo = max(0, start - width)
    end = start
    while end > lo and (text[end - 1] in ":#." or text[end - 1].isspace()):
        end -= 1
    at = end
    while at > lo and text[at - 1].isalpha():
        at -= 1
    word = text[at:end]  # (a letter other than ASCII may match one of the pattern's in any case)
    if not word or (word.isascii() and not word.lower().endswith(_CASE_CUE_ENDS)):
        return False
    return CASE_CUE_RE.search(text, lo, start) is not None


# (each starts with its first character, the look-behind after it: the engine skips to it)
# (each matched from a literal or a digit, what is before it checked in Python: a pattern that
# opens with a capital or a look-behind is tried at far more places)
# a Police National Computer number, "19/0087431K", "1991/0057112K": from its slash
_PNC_TAIL = re.compile(r"/\d{5,7}[A-Z](?![\w/])")
# a police incident or crime number ("14/33810/21": force, serial, year) or a Criminal Records
# Office number ("110233/09X"), from the slash after its first figures
_INCIDENT_TAIL = re.compile(r"/(?:\d{4,6}/\d\d|\d\d[A-Z])(?![\w/])")
# a force's or a station's code before it: "20WM/117734/25" (two figures and letters)
_FORCE_CODE = re.compile(r"\d\d[A-Z]{1,3}\Z")
# a force's missing-person reference: a year, letters and a serial ("25MIS012877")
_YEAR_LETTERS_SERIAL = re.compile(r"(?<![\w/-])\d\d[A-Z]{2,4}\d{5,8}(?![\w/-])")
# a force's code and its serial alone, no year after it: "25CH/0053817", from the slash
_SERIAL_TAIL = re.compile(r"/\d{5,8}(?![\w/])")
# a prison (NOMS) number ("A4420DK": one capital) or a police serial ("CC2024022100318": two to
# four capitals before nine digits or more), from a capital before a digit
_PRISON_OR_SERIAL = re.compile(r"[A-Z](?:\d{4}[A-Z]{2}|[A-Z]{1,3}\d{9,}|\d{8})(?![\w])")
# (and a passport or identity number: one capital and eight figures, "P00918452")
# a number after the word that says it is one: "No. 24/041889", "occ 42/58771/24",
# "job FLS 33810", "reg: NRPSI 19552", "serial CC…", "taxi plate TB 2211"
_CUED_NUMBER = re.compile(
    r"(?<![\w])(?:No\.|no\.|NO\.|(?i:occ|occurrence|job|reg|plate"
    r"|prison[ \t]+(?:number|no\.?)|uan|custody[ \t]+(?:number|no\.?|ref)))[ \t]*[:#]?[ \t]*"
    # (a custody number has its station's letters inside: "44BA/0611/25")
    r"(?P<n>(?:[A-Z]{1,6}[ \t])?[A-Z]{0,3}\d(?:[\d/-]|[A-Z]{2}/)*\d[A-Z]?)(?![\w/-])"
)
# (a serial is one by its shape; a Home Office application's number follows "UAN")
_CUE_WORDS = ("no.", "occ", "job", "reg", "plate", "prison", "uan", "custody")
# registrations of Northern Ireland ("MIZ 4417": a code ending in Z, or in I after J, O, U
# or X; matched from that letter, the letters before checked in Python) and Portugal
_NI_REG_END = re.compile(r"[IZ][ \t]\d{1,4}(?![\w])")
_PT_REG_TAIL = re.compile(r"-[A-Z]{2}-\d\d(?![\w-])")  # "12-QT-45", from its first hyphen


def _run_before(text: str, at: int, kind: Callable[[str], bool]) -> int:
    """Where the run of characters of one ``kind`` before ``at`` starts (``at`` if none), when
    nothing word-like is before the run; else -1."""
    start = at
    while start > 0 and kind(text[start - 1]):
        start -= 1
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "/-"):
        return -1
    return start


def _ni_registration(text: str, at: int) -> int:
    """Where a Northern Irish registration whose code ends at ``at`` starts, or -1."""
    start = at
    while start > 0 and "A" <= text[start - 1] <= "Z":
        start -= 1
    if not 2 <= at + 1 - start <= 3 or (start > 0 and text[start - 1].isalnum()):
        return -1
    if text[at] == "I" and text[at - 1] not in "JOUX":
        return -1
    return start


# a pupil number after its name, in any grouping: "UPN U 870 2899 13076", "SCN: 112 806 443"
_PUPIL_NO = re.compile(
    r"(?<![\w])(?:UPN|SCN|ULN)[ \t]*:?[ \t]*(?P<n>[A-Z]?(?:[ \t]?\d){9,13}[A-Z]?)(?![\w])"
)


def find_numbers_by_shape(st: State) -> None:
    """Police, prison and court numbers by their shape or the word before them, and
    registrations of Northern Ireland and Portugal, where the patterns left them."""
    text = st.text
    found: list[tuple[int, int, str]] = []
    lower, cues = present(text, _CUE_WORDS)
    pupil = "UPN" in text or "SCN" in text or "ULN" in text
    for m in _PNC_TAIL.finditer(text) if "/" in text else ():
        start = _run_before(text, m.start(), str.isdigit)
        if start >= 0 and m.start() - start in (2, 4):
            found.append((start, m.end(), "case_number"))
    # every match holds four digits or more: looked for only in the stretches around digits
    # (a scan from each capital of the whole text costs more)
    for m in (m for lo, hi in st.digit_regions() for m in _PRISON_OR_SERIAL.finditer(text, lo, hi)):
        if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "/-"):
            found.append((m.start(), m.end(), "case_number"))
    for m in _INCIDENT_TAIL.finditer(text) if "/" in text else ():
        start = _run_before(text, m.start(), str.isdigit)
        lead = _FORCE_CODE.search(text, max(0, m.start() - 6), m.start()) if start < 0 else None
        if lead is not None and _run_before(text, lead.start() + 1, str.isdigit) == lead.start():
            found.append((lead.start(), m.end(), "case_number"))  # "20WM/117734/25"
            continue
        if start >= 0 and (
            m.start() - start == 2 if m.group()[-1].isdigit() else 1 <= m.start() - start <= 6
        ):
            found.append((start, m.end(), "case_number"))  # "14/33810/21", "110233/09X"
    for m in _SERIAL_TAIL.finditer(text) if "/" in text else ():
        lead = _FORCE_CODE.search(text, max(0, m.start() - 6), m.start())
        if lead is not None and _run_before(text, lead.start() + 1, str.isdigit) == lead.start():
            found.append((lead.start(), m.end(), "case_number"))  # "25CH/0053817"
    for m in (
        m for lo, hi in st.digit_regions() for m in _YEAR_LETTERS_SERIAL.finditer(text, lo, hi)
    ):
        found.append((m.start(), m.end(), "case_number"))
    for m in _NI_REG_END.finditer(text):
        if (start := _ni_registration(text, m.start())) >= 0:
            found.append((start, m.end(), "vehicle_reg"))
    for m in _PT_REG_TAIL.finditer(text) if "-" in text else ():
        if _run_before(text, m.start(), str.isdigit) == m.start() - 2:
            found.append((m.start() - 2, m.end(), "vehicle_reg"))
    # a cue's number and a pupil number: matched where their words start
    for at in word_starts(lower, cues):
        cue = _CUED_NUMBER.match(text, at)
        if cue is not None and sum(c.isdigit() for c in cue.group("n")) >= 4:
            found.append((cue.start("n"), cue.end("n"), "case_number"))
    for at in word_starts(lower, ("upn", "scn", "uln")) if pupil else ():
        if (pupil_no := _PUPIL_NO.match(text, at)) is not None:
            found.append((pupil_no.start("n"), pupil_no.end("n"), "upn"))
    if "start" in lower or "begin" in lower:
        for m in starting_with_folded(_PLATE_START, text, _PLATE_STARTS):
            found.append((m.start("n"), m.end("n"), "vehicle_reg"))
    if "end" in lower or "part" in lower:
        for m in starting_with_folded(_PLATE_END, text, (*_PLATE_STARTS, "partial")):
            group = "n" if m.group("n") else "p"
            found.append((m.start(group), m.end(group), "vehicle_reg"))
    if "some" in lower or "summat" in lower or ".." in text or "…" in text:
        for m in _PLATE_PART.finditer(text):
            if text[m.end()] in ".…" and not _PLATE_WORD.search(
                text, max(0, m.start() - 30), m.start()
            ):
                continue  # ("SN5.." alone: a code cut short, no plate said)
            found.append((m.start(), m.end("n"), "vehicle_reg"))
    if _VEHICLE_WORD.search(text):
        found += _plates_begun(text)
    for start, end, kind in found:
        if st.free(start, end):
            st.take(start, end, kind, "", 80, 0.9)


# a plate's first four characters (two letters, the age's two digits: 02-25, 51-75), and
# any of its last letters seen,
# as notes write what a witness or a check saw: "registration checks on YS17 Audi"
_PLATE_BEGUN = re.compile(
    r"(?<![\w£$/-])[A-Z]{2}(?:0[2-9]|1\d|2[0-5]|5[1-9]|6\d|7[0-5])(?:[ \t][A-Z]{1,3})?(?![\w/-])"
)
# the words that say a vehicle: its own words and the makes and models notes name
_VEHICLE_WORD = re.compile(
    r"\b(?:[Cc]ar|[Vv]an|[Vv]ehicle|[Mm]otorbike|[Mm]oped|[Tt]axi|[Rr]eg(?:istration)?|[Pp]lates?"
    r"|VRN|Audi|BMW|Ford|Vauxhall|Volkswagen|VW|Golf|Polo|Fiesta|Focus|Transit|Corsa|Astra"
    r"|Insignia|Mercedes|Toyota|Yaris|Nissan|Qashqai|Juke|Honda|Civic|Kia|Hyundai|Peugeot"
    r"|Renault|Clio|Citro[eë]n|Fiat|Punto|Skoda|Octavia|Seat|Ibiza|Volvo|Mazda|Lexus|Jaguar"
    r"|Range Rover|Land Rover|Mini|Tesla)\b"
)


def _plates_begun(text: str) -> list[tuple[int, int, str]]:
    """A plate's first four characters within a few words of a vehicle's word, the same
    sentence ("share YF68 with SYP" names no vehicle: it stays)."""
    out: list[tuple[int, int, str]] = []
    for m in _PLATE_BEGUN.finditer(text):
        before = re.split(r"[.!?;:\n]", text[max(0, m.start() - 24) : m.start()])[-1]
        after = re.split(r"[.!?;:\n]", text[m.end() : m.end() + 25])[0]
        if _VEHICLE_WORD.search(before) or _VEHICLE_WORD.match(after.lstrip(" \t(,")):
            out.append((m.start(), m.end(), "vehicle_reg"))
    return out


# the part of a plate a witness saw, the rest trailing off: "ND21 something", "KN2..",
# "bd18 kx.." (letters and digits of a plate's start, in one case, not a word)
_PLATE_PART = re.compile(
    r"(?<![\w£$])(?:[A-Z]{2}\d{1,2}(?:[ \t]?[A-Z]{1,2})?|[a-z]{2}\d{1,2}(?:[ \t]?[a-z]{1,2})?)"
    r"(?P<n>)(?=\.{2,}|…|[ \t]+(?:something|summat|sumthing|somethin)\b)"
)
_PLATE_WORD = re.compile(r"(?i:plate|reg\b|registration)")
# what each match of _PLATE_START starts with (in lower case), where it is tried; _PLATE_END's
# start with these or "partial"
_PLATE_STARTS = ("plate", "reg")
# the start of a plate a witness saw: "plate starts VN68", "reg starting \"hy66\""
_PLATE_START = re.compile(
    r"(?i:\b(?:plate|reg|registration)(?:[ \t]+(?:number|no\.?))?"
    # "reg he thinks starts YD18", "reg was possibly starting"
    r"(?:[ \t]+(?:he|she|they|i|we)[ \t]+(?:thinks?|thought|said|says|believes?|remembers?))?"
    r"(?:[ \t]+(?:was|is|possibly|maybe|probably))?"
    r"[ \t]+(?:starts|starting|started|begins|beginning|began)"
    r"(?:[ \t]+with)?[ \t]*[\"“'‘]?)(?P<n>[A-Za-z]{2}[ \t]?\d{2}(?:[ \t]?[A-Z]{1,3})?)(?![\w])"
)
# the end of a plate, or a part of one said to be partial: "reg ends WXE", "partial reg
# \"MF70\"" (an end in capitals only: "ends with the" is no plate)
_PLATE_END = re.compile(
    r"(?i:\b(?:plate|reg|registration)(?:[ \t]+(?:number|no\.?))?"
    r"(?:[ \t]+(?:he|she|they|i|we)[ \t]+(?:thinks?|thought|said|says|believes?|remembers?))?"
    r"[ \t]+(?:ends|ending|ended)(?:[ \t]+(?:with|in))?[ \t]*[\"“'‘]?)"
    r"(?P<n>(?:\d{2}[ \t]?)?[A-Z]{3})(?![\w])"
    r"|(?i:\b(?:partial[ \t]+(?:plate|reg|registration)|(?:plate|reg|registration)[ \t]+part)"
    r"(?:[ \t]+(?:number|no\.?))?[ \t]*"
    r"(?:of|was|is)?[ \t]*:?[ \t]*[\"“'‘]?)(?P<p>[A-Za-z]{2}[ \t]?\d{2}(?:[ \t]?[A-Z]{1,3})?)"
    r"(?![\w])"
)


# every byte but a-z as a space: the words of plain letters are then the runs ``split`` gives
# (one pass in C, no match objects: quicker than ``findall(r"[a-z]+")``)
_NOT_LOWER_LETTER = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
_LOWER_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=8)
def lowered(text: str) -> tuple[str, frozenset[str]]:
    """The text in lower case and its words of plain letters, worked out once per text for
    the layers that look for words (a search of a long text per word costs more than this)."""
    lower = lower_same_length(text)  # (offsets into it are offsets into the text)
    # each other character becomes one "?" and so one space: it ends a word as it did before
    plain = lower.encode("ascii", "replace").translate(_NOT_LOWER_LETTER)
    return lower, frozenset(plain.decode("ascii").split())


def present(text: str, phrases: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The lower-case text and those of ``phrases`` whose first word it holds."""
    lower, words = lowered(text)
    return lower, tuple(p for p, first in _firsts(phrases) if first in words)


@lru_cache(maxsize=32)
def _firsts(phrases: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((p, (_LOWER_WORD.findall(p) or [""])[0]) for p in phrases)


def word_starts(lower: str, words: tuple[str, ...]) -> list[int]:
    """Where each of ``words`` starts a word of the (lower-case) text, word by word."""
    out = []
    for word in words:
        at = lower.find(word)
        while at >= 0:
            if at == 0 or not lower[at - 1].isalnum():
                out.append(at)
            at = lower.find(word, at + 1)
    return out


_LETTERS_AFTER = re.compile(r"-[A-Z]{1,3}(?![\w-])")
# a reference that a scanned page's OCR spaced out after its cue: "Our ref: WCC/FS/24/ 7710",
# "Ref: DFCF/ 24/0 3318", "Ref: WCF /FS/ 24-0 3318" (the last digits split by a space)
_SPACED_REF = re.compile(
    r"(?i:ref(?:erence)?(?:[ \t]*no\.?)?[ \t]*:[ \t]*)"
    r"(?P<r>[A-Z]{2,6}(?:[ \t]?/[ \t]?[A-Z0-9]{1,6}(?:-[A-Z0-9]{1,6})?){1,4}"
    r"(?:(?<=[/-]\d)|(?<=[/-]\d\d)|(?<=/)[ \t]?\d)?(?:[ \t]\d{3,5})?)(?![\w/])"
)
# a reference of digits in groups after its cue: "claim ref 7729 4410 83" (not a date after it)
_GROUPED_REF = re.compile(
    r"(?i:ref(?:erence)?(?:[ \t]*no\.?)?[ \t]*:?[ \t]*)"
    r"(?P<r>\d{3,6}(?:[ \t]\d{2,6}){1,3})(?![\w/.:-])(?![ \t]+(?i:jan|feb|mar|apr|may|jun|jul"
    r"|aug|sep|oct|nov|dec))"
)
_LETTERS_BEFORE = re.compile(r"(?<![\w-])[A-Z]{2,4}[ \t]\Z")
# a police log's or an incident's word before its number: "rang 101 (log 0093)", "incident 0187"
_LOG_BEFORE = re.compile(
    r"(?<![\w-])(?:[Ll]og|LOG|[Ii]ncident|INCIDENT)[ \t]+(?:[Nn]o\.?[ \t]*)?\Z"
)


# a reference of mixed-case letters or with a space before its digits, after its cue: "Child
# ref WSCC 2024-00417", "Ref ChAD-2402-1163"
# an authority's own prefix in mixed case: "Ref: BwD-CP-25-0917", "Ref: BwD S47/26/004"
_MIXED_REF = re.compile(
    r"(?i:ref(?:erence)?(?:[ \t]*no\.?)?[ \t]*[:.]?[ \t]*)"
    # ("Our ref: DrN/SG/0714": a writer's initials in mixed case, parts joined by slashes)
    r"(?P<r>[A-Za-z]{2,6}(?:-[A-Za-z0-9]{1,6}){2,5}|[A-Za-z]{2,6}(?:/[A-Za-z0-9]{1,6}){2,5}"
    r"|[A-Za-z]{2,6}[ \t][A-Z]\d{1,3}(?:/\d{1,6}){1,3})"
    r"(?![\w/-])"
)
# a letter's own reference of its writer's and typist's initials, after "Our ref" or "Your ref":
# "Our ref: DRK/MMcD", "Your ref: SW/kl" (each part begins with a capital; no digits needed)
_INITIALS_REF = re.compile(
    r"(?i:ref)[ \t]*[:.]?[ \t]*(?P<r>[A-Z][A-Za-z]{1,4}/[A-Za-z]{2,5}(?:/[A-Za-z]{2,5})?)(?![\w/-])"
)
_LETTERED_REF = re.compile(
    r"(?i:ref(?:erence)?(?:[ \t]*no\.?)?[ \t]*[:.]?[ \t]*)"
    r"(?P<r>[A-Za-z]{2,6}(?:[ \t]\d{2,6}(?:[/-]\d{2,6})+|-\d{2,6}(?:-\d{2,6})+))(?![\w/-])"
)


def widen_references(st: State) -> None:
    """A reference number takes a suffix of capitals after a hyphen ("88231-SO") and a prefix
    of capitals right after its cue ("hospital no. RWW 0887213")."""
    text = st.text
    spaced = []
    lower = lower_same_length(text) if "ef" in text or "EF" in text else ""
    at = lower.find("ref")
    while at >= 0:  # each pattern starts with its cue: tried only where "ref" is
        if at == 0 or not lower[at - 1].isalnum():
            spaced += [
                m
                for p in (_SPACED_REF, _LETTERED_REF, _MIXED_REF, _GROUPED_REF)
                if (m := p.match(text, at))
            ]
            if lower[max(0, at - 4) : at] == "our ":  # "Our ref", "Your ref"
                m = _INITIALS_REF.match(text, at)
                if m is not None:  # (the initials read as people's give way to it)
                    st.give_way(*m.span("r"), frozenset({"person", "professional"}), 80)
                if m is not None and st.free(*m.span("r")):
                    st.take(m.start("r"), m.end("r"), "case_number", "", 80)
        at = lower.find("ref", at + 1)
    for m in spaced:
        start, end = m.span("r")
        inside = [c for c in st.cands if c.start < end and start < c.end]
        if any(ch.isdigit() for ch in m.group("r")) and all(
            c.kind == "case_number" and start <= c.start and c.end <= end for c in inside
        ):
            for c in inside:
                st.cands.remove(c)
            st.taken[start:end] = bytes(end - start)
            if st.free(start, end):
                st.take(start, end, "case_number", "", 80)
    for c in st.cands:
        if c.kind != "case_number":
            continue
        after = _LETTERS_AFTER.match(text, c.end)
        if after is not None and st.free(c.end, after.end()):
            st.taken[c.end : after.end()] = b"\x01" * (after.end() - c.end)
            c.end = after.end()
        before = _LETTERS_BEFORE.search(text, max(0, c.start - 5), c.start)
        if (
            before is not None
            and st.free(before.start(), c.start)
            and case_cue_before(text, before.start())
        ):
            st.taken[before.start() : c.start] = b"\x01" * (c.start - before.start())
            c.start = before.start()
        log = _LOG_BEFORE.search(text, max(0, c.start - 12), c.start)
        if (
            log is not None
            and st.free(log.start(), c.start)
            and not text[max(0, log.start() - 7) : log.start()].lower().endswith("police ")
        ):  # ("Police log 1234": the practice's phrase stays)
            st.grow(c, log.start(), c.end)  # "(log 0093 of 23/02)": the log's word is its name
