"""The record's own identifiers (address, postcode, NHS number, UPN, case id) as strings to
look for in its text, in any letter case and spacing; addresses with their town."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from moderator.anonymise.lexicon import Lexicon, lower_same_length, more_places, phrase_key
from moderator.anonymise.patterns import STREET_TYPES
from moderator.anonymise.records import RawCase

_ABBREVIATIONS = {  # street words and their short forms
    "road": "road|rd",
    "street": "street|st",
    "avenue": "avenue|ave|av",
    "lane": "lane|ln",
    "drive": "drive|dr",
    "close": "close|cl",
    "crescent": "crescent|cres",
    "court": "court|ct",
    "place": "place|pl",
    "gardens": "gardens|gdns",
    "terrace": "terrace|terr|ter",
    "square": "square|sq",
    "grove": "grove|gr",
}
_STREET_WORDS = frozenset(t.lower() for t in STREET_TYPES.split("|"))
# each street word's forms, split once (not once per word of every address read)
_ABBREVIATION_FORMS = tuple(alts.split("|") for alts in _ABBREVIATIONS.values())
# (compiled once: a record's literals are worked out for every record read)
_HOUSE_NUMBER = re.compile(r"\d+[a-z]?")
_NOT_DIGIT = re.compile(r"\D")
_LETTERS_OR_DIGITS = re.compile(r"[a-z]+|\d+")


def _street_variants(part: str) -> list[str]:
    """``"12 fenton road"`` -> also ``"12 fenton rd"``, ``"12 fenton rd."``, ``"fenton road"``…"""
    words = part.split()
    variants = [words]
    for i, word in enumerate(words):
        bare = word.rstrip(".")
        for forms in _ABBREVIATION_FORMS:
            if bare in forms:
                variants = [[*v[:i], form, *v[i + 1 :]] for v in variants for form in forms]
                break
    out = [" ".join(v) for v in variants]
    if (
        len(words) >= 2
        and _HOUSE_NUMBER.fullmatch(words[0])
        and any(w.rstrip(".") in _STREET_WORDS for w in words[1:])
    ):
        out += [" ".join(v[1:]) for v in variants]  # the street without the house number
    return sorted(set(out), key=len, reverse=True)


@dataclass
class Literals:
    """The record's own identifiers as lower-case strings to look for, longest first."""

    needles: list[tuple[str, str, int]] = field(default_factory=list)  # text, kind, address part
    address_parts: list[list[str]] = field(default_factory=list)


def literals(case: RawCase, lex: Lexicon) -> Literals:
    """The record's own identifiers to look for, built once per record (read-only)."""
    child = case.child
    return _literals(child.address, child.postcode, child.nhs_number, child.upn, case.case_id, lex)


@lru_cache(maxsize=512)
def _literals(
    address: str | None,
    postcode: str | None,
    nhs_number: str | None,
    upn: str | None,
    case_id: str,
    lex: Lexicon,
) -> Literals:
    lit = Literals()
    if address:
        parts = [" ".join(p.lower().split()) for p in address.split(",") if p.strip()]
        if len(parts) > 1 and _locality(parts[-1]):
            # the town after the street is kept: "moved back to Westport", "Westport Lake"
            parts = parts[:-1]
        while len(parts) > 1 and _locality(parts[-1]) and _place(parts[-1], lex):
            parts = parts[:-1]  # and a district before it: "…Terrace, Shirley, Southampton"
        if parts:
            parts[-1] = _without_trailing_place(parts[-1], lex)
        lit.address_parts = [_street_variants(p) for p in parts]
        # the parts after the last with a number or a street word are towns and districts
        street = max((i for i, p in enumerate(parts) if not _locality(p)), default=len(parts))
        for index, part in enumerate(parts):
            key = phrase_key(part)
            if key in lex.places or len(part) < 4 or (index > street and _locality(part)):
                continue  # a town or district is kept unless written as part of the address
            if key and key in lex.phrases.get(key[0], ()) and not any(c.isdigit() for c in part):
                continue  # "Staying Put, 28 Moorway Lane": the arrangement's term, no place
            for variant in lit.address_parts[index]:
                lit.needles.append((variant, "address", index))
    if postcode:
        pc = postcode.lower()
        lit.needles += [(pc, "postcode", -1), (pc.replace(" ", ""), "postcode", -1)]
    if nhs_number:
        digits = _NOT_DIGIT.sub("", nhs_number)
        for sep in ("", " ", "-"):
            lit.needles.append((sep.join((digits[:3], digits[3:6], digits[6:])), "nhs_number", -1))
    if upn:
        lit.needles.append((upn.lower(), "upn", -1))
    runs = _LETTERS_OR_DIGITS.findall(case_id.lower())
    for sep in ("", "-", " ", "/", "_"):
        lit.needles.append((sep.join(runs), "case_number", -1))
    lit.needles.append((case_id.lower(), "case_number", -1))
    lit.needles += [(r, "case_number", -1) for r in runs if r.isdigit() and len(r) >= 5]
    lit.needles = sorted({n for n in lit.needles if n[0]}, key=lambda n: -len(n[0]))
    return lit


def _locality(part: str) -> bool:
    """Whether an address part names a town or district rather than a street or building
    ("St Helier" is a saint's town, "High St" a street)."""
    words = part.split()
    if words[:1] in (["st"], ["st."]) and 2 <= len(words) <= 3:
        words = words[1:]
    return not any(c.isdigit() for c in part) and not any(w in _STREET_WORDS for w in words)


def _place(part: str, lex: Lexicon) -> bool:
    """Whether an address part is a place the gazetteer knows, or a saint's town."""
    key = phrase_key(part)
    return part.startswith(("st ", "st. ")) or key in lex.places or key in more_places()


def _without_trailing_place(part: str, lex: Lexicon) -> str:
    """The street without a town written after it with no comma ("61 london road
    attleborough"): the words after the last street word, when the gazetteer knows them."""
    words = part.split()
    last = max((i for i, w in enumerate(words) if w in _STREET_WORDS), default=-1)
    if 0 <= last < len(words) - 1 and _place(" ".join(words[last + 1 :]), lex):
        return " ".join(words[: last + 1])
    return part


def _bounded(fold: str, start: int, end: int) -> bool:
    return (start == 0 or not fold[start - 1].isalnum()) and (
        end >= len(fold) or not fold[end].isalnum()
    )


def find_literals(text: str, lit: Literals) -> list[tuple[int, int, str]]:
    """Where the record's identifiers occur, in any letter case; addresses with their town."""
    fold = lower_same_length(text)
    found: list[tuple[int, int, str]] = []
    for needle, kind, part in lit.needles:
        pos = fold.find(needle)
        while pos >= 0:
            end = pos + len(needle)
            if _bounded(fold, pos, end):
                if kind == "address":
                    end = _extend_address(fold, end, lit.address_parts[part + 1 :])
                found.append((pos, end, kind))
            pos = fold.find(needle, pos + 1)
    return found


def _extend_address(fold: str, end: int, following: list[list[str]]) -> int:
    for variants in following:
        j = end
        while j < len(fold) and fold[j] in " ,\t":
            j += 1
        if j == end:
            break
        for v in variants:
            if fold.startswith(v, j) and _bounded(fold, j, j + len(v)):
                end = j + len(v)
                break
        else:
            break
    return end
