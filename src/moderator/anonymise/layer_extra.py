"""Identifiers in layouts the first layer leaves, and the pieces around what it found.

Run after layer 1 (:func:`find_extra_identifiers`) and after the name layers
(:func:`join_identifier_parts`):

* **Court case numbers** (``CF24P00511``: court, year, case type, serial) and **phone
  numbers** in other groupings (``01706 496 0311``; ``+291 7 123 456`` abroad).
* **Dates as a period** (``Spring 2021``, ``second week of October``) and the words that
  make a date one moment (``the evening of 14th January``, ``… 2024 at 16:02:11 GMT``).
* **Streets in a form's capitals** (``STOPPED ON LINCOLN RD``, ``FLAT 3, 19 MILLCROFT CLOSE``)
  and **the record's own street** written short or in lower case (``112 ormesby``,
  ``yard on bramblewick``).
* **An address's pieces** found apart become one (:mod:`.addresses_pieces`): a house name and
  its street (``Ty Clyd, Lon Cefnwerthyn``), a street after the comma (``Cartwheel Yard, Old
  Thorley Road``), the ``c/o`` or ``flat nine`` before it, a house number in words (``seven
  Wellmeadow Brae``).
* **A handle's tail** (``raiy.ud-din.e1``) and a **name given on a platform** in quotes or
  brackets (``WhatsApp name "Filmona T Gosport"``, ``via Facebook (Winstanley JA)``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import attrgetter

from moderator.anonymise.addresses_pieces import addresses_taken_for_names, grow_address
from moderator.anonymise.lexicon import (
    holds_phrase,
    lexicon,
    lower_same_length,
    phrase_key,
    word_key,
)
from moderator.anonymise.nearby import folds_alike
from moderator.anonymise.patterns import STREET_TYPES
from moderator.anonymise.references import word_starts as _word_starts
from moderator.anonymise.references_joined import join_reference_parts
from moderator.anonymise.state import Cand, State

_START = attrgetter("start")

# (each pattern starts with its first character, any look-behind after it: the engine skips
# to that character instead of trying every position)
_COURT_NO = re.compile(r"[A-Z](?<![\w/-][A-Z])[A-Z]\d{2}[A-Z]\d{5}(?![\w/-])")
# "01706 496 0311", "0161 496 0832 ": a number from 0 in three groups, ten to twelve digits
_PHONE_GROUPS = re.compile(r"0(?<![\w+]0)\d{3,4}[ \t]\d{3}[ \t]\d{4}(?![\w])")
# a UK number typed with a space anywhere, even between every digit ("07 5 1 2 6 6 0 9 3 4
# 8", "01204 33 18 84"): eleven digits (or a twelfth, mistyped, where every digit stands
# apart) from 01, 02, 03 or 07
_PHONE_SPACED = re.compile(r"0(?<![\w+]0)[1237](?:[ \t]?\d){9}(?:(?<=\d[ \t]\d)[ \t]\d)?(?![\w])")
_DIGIT_AFTER = re.compile(r"[ \t]\d")
# a handle before its platform in brackets: "courtneyb2004 (Instagram)", "kay.x_ (TikTok)"
_ON_PLATFORMS: tuple[str, ...] = ("instagram", "insta", "ig", "snapchat", "snap", "tiktok")
_ON_PLATFORMS += ("facebook", "fb", "twitter", "whatsapp", "discord", "xbox", "psn", "threads")
_ON_PLATFORMS += ("youtube",)
_HANDLE_BEFORE_PLATFORM = re.compile(
    r"(?<![\w@.])(?=[\w.]*[\d._])[A-Za-z][\w.]{2,29}(?<!\.)[ \t]*\("
    rf"(?i:{'|'.join(_ON_PLATFORMS)})\)"
)
# how each match of _HANDLE_BEFORE_PLATFORM ends, in lower case (a look before the scan)
_BRACKETED_PLATFORMS = tuple(f"({p})" for p in _ON_PLATFORMS)
# an e-mail address typed with spaces round its "@": "dawnbrook1985 @ hotmail.co.uk"
_EMAIL_SPACED = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][\w.+-]*[ \t]@[ \t][A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?![\w])"
)
# "+291 7 123 456", "+48 22 555 0133": a country code and its groups
_PHONE_ABROAD = re.compile(r"\+(?<![\w+]\+)\d{1,3}(?:[ \t]\d{1,4}){2,4}(?![\w])")
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
)
_SEASONS = ("spring", "summer", "autumn", "winter")
_SEASON_YEAR = re.compile(
    r"(?:(?:early|late|mid)[ \t-])?(?i:spring|summer|autumn|winter)[ \t]+(?:of[ \t]+)?"
    r"(?:19|20)\d\d(?![\w])"
)
_PERIOD_WORDS = frozenset({"early", "late", "mid"})
_WEEK_OF = re.compile(rf"(?i:week[ \t]+(?:of|in))[ \t]+{_MONTHS}(?:[ \t]+(?:19|20)\d\d)?(?![\w])")
_WEEK_ORDINAL_BEFORE = re.compile(
    r"(?<![\w])(?i:(?:the[ \t]+)?(?:first|second|third|fourth|last|1st|2nd|3rd|4th))[ \t]+$"
)
_MOMENT_BEFORE = re.compile(
    r"(?i:the[ \t]+(?:morning|afternoon|evening|night|early[ \t]+hours)[ \t]+of)[ \t]+$"
)
_TIME_AFTER = re.compile(
    r"[ \t]+(?:at[ \t]+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:[ \t]?(?:GMT|BST|UTC|am|pm))?(?![\w:])"
)
_CAPS_TYPES = "|".join(t.upper() for t in STREET_TYPES.split("|")) + "|DROVE|RW"
_CAPS_STREET = re.compile(
    r"\d(?<![\w/:]\d)\d{0,3}[A-Z]?,?[ \t]+"  # (not a time's minutes: "00:40 ON …")
    r"(?!(?:AND|OR|TO|OF|FOR|WITH)[ \t])"  # ("ACT 1989 AND HARLEY GREEN": a year)
    rf"(?:[A-Z][A-Z'’-]+[ \t]+){{1,3}}(?:{_CAPS_TYPES})(?![\w])"
)
_CAPS_FLAT_BEFORE = re.compile(r"(?:FLAT|UNIT|APARTMENT|APT|ROOM)[ \t]+\d{1,4}[A-Z]?,?[ \t]+$")
# without a number, after "STOPPED ON", "SEEN AT": a road's own words only (not "COURT")
_CAPS_ROAD = re.compile(
    r"(?:ON|AT|NEAR|FROM)(?<![\w](?:ON|AT))(?<![\w](?:NEAR|FROM)) (?!THE )"
    r"(?P<s>(?:[A-Z][A-Z'’-]+[ \t]+){1,2}"
    r"(?:RD|ROAD|STREET|ST|AVENUE|AVE|LANE|LN|DRIVE|DR|CLOSE|CRESCENT|GROVE|RISE|WAY|TERRACE"
    r"|DROVE|RW|BRAE|WYND|MEWS|PARADE|ROW|WALK))(?![\w])"
)
# a street's word in capitals: the gate before the patterns' scans
# (each word starts with two capitals: the look-ahead rules out most spaces with one test, before
# the thirty words are tried)
_CAPS_STREET_WORD = re.compile(
    r" (?=[A-Z][A-Z])(?:RD|ROAD|STREET|ST|AVENUE|AVE|LANE|DRIVE|CLOSE|CRESCENT|GROVE|RISE|WAY|TERRACE|COURT"
    r"|DROVE|RW|BRAE|WYND|MEWS|PARADE|ROW|WALK|PLACE|GARDENS|HILL|VIEW|SQUARE|GREEN)\b"
)
_MORE_TYPES = re.compile(
    r"(?<![\w])(?:\d{1,4}[A-Za-z]?,?[ \t]+)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?[ \t]+(?:Drove|Rw)"
    r"(?![\w])"
)
_PLATFORM_NAME = re.compile(
    r"(?i:whatsapp|facebook|fb|instagram|insta|snapchat|snap|tiktok|messenger)"
    r"(?:[ \t]+(?i:name|account|profile|handle))?(?:[ \t]+(?i:is|as))?[ \t]*:?[ \t]*"
    r"(?:\"(?P<q>[^\"\n]{2,40})\"|“(?P<c>[^”\n]{2,40})”|\((?P<b>[^)\n]{2,40})\))"
)
_PLATFORMS = ("whatsapp", "facebook", "fb", "insta", "snap", "tiktok", "messenger")
_JOINED_KINDS = frozenset({"address", "date", "dob", "case_number", "phone", "username"})
_PHONE_GROUP_AFTER = re.compile(r"[ \t]\d{3,4}(?![\w])")
_REF_TAIL = re.compile(r"(?:(?<=\d)[A-Z]{2,4}|(?:/[A-Z0-9]{1,6})+)(?![\w/])")
_SHORT_PLATFORMS = ("ig", "insta", "snap")
# "his ig wiz.craw.h", "snap: kay.s.2012": a handle with dots after a platform's short name
_DOTTED_HANDLE = re.compile(
    r"(?i:ig|insta|snap)[ \t]*:?[ \t]+(?P<h>[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)+)(?![\w@])"
)
_HANDLE_TAIL = re.compile(r"[-.][\w]+(?:[-.][\w]+)*(?<![.])")


# the last digits of a phone, said so: "her mobile ends in 4471", "phone number ending 3341"
_PHONE_ENDING = re.compile(
    r"\b(?:mobile|phone|number|tel|landline|mob)\b[^.\n]{0,16}?\bend(?:s|ing)(?:[ \t]+(?:in|with))?"
    r"[ \t]+(?:'|‘)?(?P<d>\d{3,4})\b(?![.,]?\d)"
)


def find_extra_identifiers(st: State) -> None:
    """Court numbers, phones in other groupings, periods of dates, streets in capitals and
    the record's own street written short: taken where layer 1 left them."""
    text = st.text
    lower = lower_same_length(text)
    # a court number only in the stretches around digits (it starts at any capital: the whole
    # text is slower to scan); the phones scan all of it, quicker from their "0" and "+"
    for lo, hi in st.digit_regions():
        for m in _COURT_NO.finditer(text, lo, hi):
            _take(st, m.start(), m.end(), "case_number", 0.95)
    for m in _PHONE_GROUPS.finditer(text):
        _take(st, m.start(), m.end(), "phone", 0.95)
    for m in _EMAIL_SPACED.finditer(text) if " @ " in text else ():
        _take_over(st, m.start(), m.end(), "email")
    # (every match ends with a platform in brackets: looked for first in the note's lower case)
    bracketed = any(p in lower for p in _BRACKETED_PLATFORMS) if folds_alike(text) else "(" in text
    for m in _HANDLE_BEFORE_PLATFORM.finditer(text) if bracketed else ():
        end = m.start() + len(m.group().split("(")[0].rstrip(" \t"))
        _take(st, m.start(), end, "username", 0.9)
    for m in _PHONE_SPACED.finditer(text):
        gaps = m.group().count(" ") + m.group().count("\t")
        digits = sum(ch.isdigit() for ch in m.group())
        if digits == 12 and gaps < 10:
            continue  # "07700 900 118 2) Aunt": a list's next number, not a twelfth digit
        if gaps >= 2 and not _DIGIT_AFTER.match(text, m.end()):  # (the plain layouts are read)
            _take_over(st, m.start(), m.end(), "phone")
    for lo, hi in st.digit_regions() if " end" in lower else ():
        for m in _PHONE_ENDING.finditer(lower, max(0, lo - 40), hi):
            _take(st, m.start("d"), m.end("d"), "phone", 0.85)  # "mobile ending 4471"
    if "+" in text:
        for m in _PHONE_ABROAD.finditer(text):
            if 7 <= sum(ch.isdigit() for ch in m.group()) <= 13:
                _take(st, m.start(), m.end(), "phone", 0.9)
    for at in _word_starts(lower, _SEASONS):
        early = lower[max(0, at - 6) : at].strip(" -\t") in _PERIOD_WORDS  # "early spring 2021"
        season = _SEASON_YEAR.match(text, max(0, at - 6) if early else at)
        if season is not None:
            _take(st, season.start(), season.end(), "date", 0.9)
    for at in _word_starts(lower, ("week",)):
        week = _WEEK_OF.match(text, at)
        ordinal = _WEEK_ORDINAL_BEFORE.search(text, max(0, at - 14), at) if week else None
        if week is not None and ordinal is not None:
            _take(st, ordinal.start(), week.end(), "date", 0.9)
    if _CAPS_STREET_WORD.search(text):
        for m in _CAPS_STREET.finditer(text):
            if holds_phrase(st.lex, phrase_key(m.group())):
                continue  # "BREATH 71, ARRESTED DRINK DRIVE": a reading, then an offence
            flat = _CAPS_FLAT_BEFORE.search(text, max(0, m.start() - 16), m.start())
            _take(st, flat.start() if flat else m.start(), m.end(), "address", 0.9)
        for m in _CAPS_ROAD.finditer(text):
            _take(st, m.start("s"), m.end("s"), "address", 0.9)
    for suffix in (" Drove", " Rw"):
        at = text.find(suffix)
        while at >= 0:
            # (the window takes one more character: its end is the look-ahead's end too)
            street = _MORE_TYPES.search(text, max(0, at - 40), at + len(suffix) + 1)
            if street is not None and street.end() == at + len(suffix):
                _take(st, street.start(), street.end(), "address", 0.85)
            at = text.find(suffix, at + 1)
    if "exhib" in lower or "exh" in lower:
        # a police exhibit's number carries the seizing officer's initials: "EXHIBIT TJB/1"
        for m in _EXHIBIT.finditer(text):
            _take(st, m.start("r"), m.end("r"), "case_number", 0.9)
    _own_street(st, lower)


_EXHIBIT = re.compile(
    r"(?i:exhibits?|exh)\.?(?:[ \t]+(?i:ref|no|number))?\.?:?[ \t]+"
    r"(?P<r>[A-Z]{2,4}/\d{1,3}(?:[ \t]*(?:,|&|and)[ \t]*[A-Z]{2,4}/\d{1,3})*)(?![\w/])"
)


def _take(st: State, start: int, end: int, kind: str, sure: float) -> None:
    if st.free(start, end):
        st.take(start, end, kind, "", 80, sure)


_HOUSE_NUMBER = re.compile(r"(?<![\w/])(\d{1,4}[a-z]?)[ \t]+$")


@lru_cache(maxsize=512)
def _street_words(address: str) -> tuple[str, ...]:
    """The distinctive first word of each numbered street of an address (cached: a record's
    texts share it): "ormesby" of "112 Ormesby Way"; none that is an everyday word."""
    lex = lexicon()
    out = []
    for part in address.split(","):
        words = part.split()
        if len(words) < 2 or not words[0][:1].isdigit():
            continue
        name = word_key(words[1])
        if len(name) >= 5 and not (
            name in lex.common or name in lex.words or name in lex.protected_words
        ):
            out.append(name)
    return tuple(out)


def _own_street(st: State, lower: str) -> None:
    """The record's own street by its distinctive word, any case, with a house number before
    it if written ("112 ormesby", "stay at his yard on bramblewick")."""
    for name in _street_words(st.case.child.address or ""):
        at = lower.find(name)
        while at >= 0:
            end = at + len(name)
            if (at == 0 or not lower[at - 1].isalnum()) and (
                end == len(lower) or not lower[end].isalnum()
            ):
                start = at
                m = _HOUSE_NUMBER.search(lower, max(0, at - 8), at)
                if m is not None:
                    start = m.start()
                kind = _TYPE_AFTER.match(st.text, end)
                if kind is not None:
                    end = kind.end()  # "heybarnes road": the street word too, whichever it is
                if st.free(start, end):
                    st.take(start, end, "address", "home", 80, 0.9)
            at = lower.find(name, end)


_TYPE_AFTER = re.compile(rf"[ \t]+(?i:{STREET_TYPES})(?![\w'’-])")


_HOLIDAY_AFTER = re.compile(
    r"[ \t]*[(,][ \t]*(?P<h>(?i:christmas[ \t]+(?:eve|day)|boxing[ \t]+day"
    r"|new[ \t]+year['’]?s[ \t]+(?:eve|day)|easter[ \t]+(?:sunday|monday)|bonfire[ \t]+night"
    r"|hallowe['’]?en|valentine['’]?s[ \t]+day|mother['’]?s[ \t]+day|father['’]?s[ \t]+day))"
    r"(?![\w'’-])"
)
_PART_OF_MONTH = re.compile(r"(?<![\w-])(?i:mid|early|late|end)-\Z")
_DAYS_BEFORE = re.compile(
    r"(?<![\w/.-])\d{1,2}[/-]\d{1,2}(?:st|nd|rd|th)?[ \t]+\Z"
)  # "19/20 March"


def join_identifier_parts(st: State) -> None:
    """An address's pieces found apart become one, dates take the words that make them a
    moment, handles their tail, and a name given on a platform is a username."""
    text = st.text
    addresses_taken_for_names(st)
    gone: set[int] = set()  # addresses joined to the one before them
    for c in sorted([c for c in st.cands if c.kind in _JOINED_KINDS], key=_START):
        if id(c) in gone:
            continue
        if c.kind == "address":
            grow_address(st, c, gone)
        elif c.kind in ("date", "dob"):
            # (quick looks first: "of " before the date, a digit or " at " after it)
            if text[max(0, c.start - 3) : c.start].lower() == "of ":
                m = _MOMENT_BEFORE.search(text, max(0, c.start - 30), c.start)
                if m is not None and st.free(m.start(), c.start):
                    st.grow(c, m.start(), c.end)
            if text[max(0, c.start - 1) : c.start] == "-":
                m = _PART_OF_MONTH.search(text, max(0, c.start - 7), c.start)
                if m is not None and st.free(m.start(), c.start):
                    st.grow(c, m.start(), c.end)  # "mid-May 2025", "early-March"
            if text[max(0, c.start - 1) : c.start] == " " and text[c.start : c.start + 1].isalpha():
                m = _DAYS_BEFORE.search(text, max(0, c.start - 8), c.start)
                if m is not None and st.free(m.start(), c.start):
                    st.grow(c, m.start(), c.end)  # "the night of 19/20 March 2025": both days
            holiday = _HOLIDAY_AFTER.match(text, c.end)
            if holiday is not None and st.free(*holiday.span("h")):
                # "24/12, Christmas Eve", "01/01/2026 (NEW YEARS DAY)": the same day, named
                st.take(holiday.start("h"), holiday.end("h"), c.kind, "", 80, c.confidence)
            after = text[c.end : c.end + 4]
            if after[1:2].isdigit() or after == " at ":
                t = _TIME_AFTER.match(text, c.end)
                if t is not None and st.free(c.end, t.end()):
                    st.grow(c, c.start, t.end())
        elif c.kind == "case_number":
            _grow_reference(st, c)
        elif c.kind == "phone" and text[c.end : c.end + 1] == " ":
            g = _PHONE_GROUP_AFTER.match(text, c.end)  # "0044 7700 900 540": its last group
            digits = sum(ch.isdigit() for ch in text[c.start : c.end])
            if g is not None and digits + len(g.group().strip()) <= 14 and st.free(*g.span()):
                st.grow(c, c.start, g.end())
        elif c.kind == "username" and text[c.end : c.end + 1] in ("-", "."):
            m = _HANDLE_TAIL.match(text, c.end)
            if m is not None and st.free(c.end, m.end()):
                st.grow(c, c.start, m.end())
    join_reference_parts(st)  # "0412 of 03/06/25", "ext 212", "ID 77214"
    lower = lower_same_length(text)
    for at in _cue_positions(lower, _SHORT_PLATFORMS):
        m = _DOTTED_HANDLE.match(text, at)
        if m is not None and st.free(*m.span("h")):
            st.take(m.start("h"), m.end("h"), "username", "", 80, 0.9)
    for at in _cue_positions(lower, _PLATFORMS):
        named = _PLATFORM_NAME.match(text, at)
        if named is not None:
            part = next(p for p in ("q", "c", "b") if named.group(p) is not None)
            start, end = named.span(part)
            if any(ch.isupper() for ch in named.group(part)) and not _all_taken(st, start, end):
                _take_over(st, start, end, "username")


_cue_positions = _word_starts


def _grow_reference(st: State, c: Cand) -> None:
    """A reference takes the letters or parts glued after it ("4471/24SEP", "24/0451/GL").
    The unit's acronym and "ref" before it stay ("PPN ref", "LAC ref 88231"): they say what
    the number is, as the practice's acronyms do elsewhere, not whose it is."""
    text = st.text
    t = _REF_TAIL.match(text, c.end)
    if t is not None and t.end() > c.end and st.free(c.end, t.end()):
        st.grow(c, c.start, t.end())


def _all_taken(st: State, start: int, end: int) -> bool:
    return all(st.taken[start:end])


def _take_over(st: State, start: int, end: int, kind: str) -> None:
    """Take ``text[start:end]`` whole, replacing the redactions inside it."""
    inside = [d for d in st.cands if start <= d.start and d.end <= end]
    if any(d.start < start < d.end or d.start < end < d.end for d in st.cands):
        return  # a redaction crosses the edge: leave it as it is
    for d in inside:
        st.cands.remove(d)
    st.taken[start:end] = bytes(end - start)
    st.take(start, end, kind, "", 80, 0.9)
