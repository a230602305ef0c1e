"""Redacting case text: every identifier becomes a typed placeholder (PRODUCT.md §5).

``redact_case_text(case)`` returns the redacted text and the spans it replaced
(offsets into the original text, never the original values), in four layers:

1. **Patterns** (precompiled): e-mail addresses, UK phone numbers, NHS numbers
   with a valid check digit, NI numbers, UPNs, postcodes, vehicle registrations,
   case-system references, full dates (a date equal to a known date of birth
   becomes ``[DOB]``), street addresses, schools and GP practices; plus the
   record's own address, postcode, NHS number, UPN and case id in any spacing.
2. **Known people** from the record (child, family, worker): full names, given
   names, surnames, short forms (Will for William), initials (K.S., KS),
   possessives, any letter case, hyphen and apostrophe variants, one-letter typos.
   Each person keeps one placeholder throughout: ``[CHILD]``, ``[MOTHER]``,
   ``[SIBLING-2]``, ``[WORKER]``.
3. **Other names** are scored on evidence rather than capitalisation alone:
   honorifics (Mrs, Dr, PC), the words around them ("neighbour", "mum's
   boyfriend", "health visitor", "known as", "… said", "(neighbour)", "aged 9"),
   embedded lists of common given names and surnames, and whether the word is
   an everyday English word or protected vocabulary. Professionals become
   ``[PROFESSIONAL]``, others ``[PERSON]``, ``[PERSON-2]``, …
4. **Propagation**: once a name is found with evidence, its other mentions in the
   same text are redacted too, with the same placeholder.

Protected vocabulary (``data/vocabulary.txt``: Child Protection Conference,
Early Help, section 47, Hanley, …) is never redacted by the heuristics; only a
known identifier of the record overrides it. Town names are kept unless they
are written as part of an address.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import NamedTuple, TypeVar

from moderator.anonymise.cues import (
    AGE_AFTER_RE,
    FEMALE,
    HONORIFICS,
    INSTITUTION_NOUNS,
    LEADING_WORDS,
    MALE,
    NON_NAME_ENDINGS,
    PAREN_CUE_RE,
    PLACE_PREPOSITIONS,
    POSSESSED,
    PRE_WEAK,
    RELATION_CUES,
    REPORT_VERBS,
    ROLE_CUES,
    SPEAKING_VERBS,
    WEAK_VERBS,
)
from moderator.anonymise.dates import coordinated_days, date_from_match, find_dates
from moderator.anonymise.known import find_literals, known_people, literals
from moderator.anonymise.lexicon import (
    WORD_RE,
    lexicon,
    lower_same_length,
    phrase_key,
    word_key,
)
from moderator.anonymise.patterns import (
    ADDRESS_RE,
    ADDRESS_START_RE,
    ALIAS_HINT,
    ALIAS_RE,
    CASE_CUE_RE,
    CASE_NUMBER_RE,
    COLLAR_RE,
    EMAIL_RE,
    FIRST_GAP,
    FLAT_BEFORE_RE,
    GP_HINT,
    GP_RE,
    HANDLE_CUE_RE,
    HANDLE_CUE_WORDS,
    HANDLE_RE,
    HOME_HINT,
    HOME_RE,
    INITIAL_AFTER,
    INITIAL_BEFORE,
    INITIALS_RE,
    INNER_GAP,
    NHS_CUE_RE,
    NHS_RE,
    NI_RE,
    NOT_DIGITS,
    PHONE_RE,
    POSTCODE_AREAS,
    POSTCODE_RE,
    QUOTED_RE,
    REF_RE,
    SCHOOL_HINT,
    SCHOOL_RE,
    SENTENCE_END,
    STREET_HINT,
    STREET_RE,
    UPN_RE,
    URL_RE,
    VEHICLE_CUE_RE,
    VEHICLE_OLD_RE,
    VEHICLE_RE,
    clean_left,
    digit_regions,
    near,
    nhs_valid,
    phone_ok,
)
from moderator.anonymise.records import RawCase


class Span(NamedTuple):
    """One redaction: ``text[start:end]`` of the original became ``placeholder``."""

    start: int
    end: int
    placeholder: str
    kind: str


@dataclass(frozen=True)
class Redaction:
    """A redacted text and what was replaced (offsets into the original; no original values)."""

    text: str
    spans: list[Span]

    def counts(self) -> dict[str, int]:
        """How many redactions of each kind (``{"child": 3, "dob": 1, …}``)."""
        return dict(Counter(s.kind for s in self.spans))


# Kinds of identifier and the placeholder each becomes. Kinds in _NUMBERED get -2, -3, …
# for the second and later distinct instance in one text.
PLACEHOLDERS: dict[str, str] = {
    "child": "CHILD",
    "worker": "WORKER",
    "person": "PERSON",
    "professional": "PROFESSIONAL",
    "dob": "DOB",
    "date": "DATE",
    "address": "ADDRESS",
    "postcode": "POSTCODE",
    "nhs_number": "NHS-NUMBER",
    "upn": "UPN",
    "ni_number": "NI-NUMBER",
    "phone": "PHONE",
    "email": "EMAIL",
    "url": "URL",
    "vehicle_reg": "VEHICLE-REG",
    "case_number": "CASE-NUMBER",
    "school": "SCHOOL",
    "gp_practice": "GP-PRACTICE",
    "username": "USERNAME",
}
NAME_KINDS = frozenset({"child", "family", "worker", "person", "professional"})
_NUMBERED = frozenset({"person", "professional", "school", "gp_practice", "address"})

# ---------------------------------------------------------------------------------------------
# The redaction of one text


_V = TypeVar("_V")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+(?:['’][^\W\d_]+)*)")
_PHRASE_GAP = re.compile(r"(?:['’]s)?[ \t\n&/-]*")


@cache
def _context_words() -> frozenset[str]:
    """Lower-case words the name heuristics look at: cues and the words of protected phrases."""
    words: set[str] = set()
    for phrases in lexicon().phrases.values():
        for phrase in phrases:
            words.update(phrase)
    for cue in ROLE_CUES | RELATION_CUES:
        words.update(cue.split())
    return frozenset(words | PRE_WEAK | SPEAKING_VERBS | set(HONORIFICS))


class _Tok:
    __slots__ = ("cap", "end", "key", "lower", "poss", "start", "upper", "word")

    def __init__(self, start: int, word: str) -> None:
        self.start = start
        self.word = word
        self.poss = len(word) > 3 and word[-2] in "'’`" and word[-1] in "sS"
        self.end = start + len(word) - (2 if self.poss else 0)
        self.key = word_key(word)
        self.cap = word[0].isupper()
        self.upper = self.cap and len(word) > 1 and word.isupper()
        self.lower = not self.cap and word.islower()


@dataclass
class _Cand:
    start: int
    end: int
    kind: str
    ident: str  # who or what: equal idents share a placeholder
    priority: int


class _Redactor:
    """One redaction of one text: candidates are taken layer by layer, never overlapping."""

    def __init__(self, case: RawCase, text: str) -> None:
        self.case = case
        self.text = text
        self.lex = lexicon()
        self.known = known_people(case, self.lex)
        self.cands: list[_Cand] = []
        self.taken = bytearray(len(text))  # 1 where a character is already redacted
        dobs = [case.child.dob] + [m.dob for m in case.family]
        self.dobs = {(d.year, d.month, d.day) for d in dobs if d is not None}
        # names found by evidence (word keys -> kind, ident), for their other mentions
        self.found: dict[tuple[str, ...], tuple[str, str]] = {}
        self.protected: list[bool] = []  # per kept word: inside a protected phrase
        self.capitalised: list[int] = []  # indices of the kept words that are capitalised

    # -- bookkeeping ---------------------------------------------------------------------------
    def sent(self, t: _Tok) -> bool:
        """Whether the word starts a sentence, line or list item (so capitals prove little)."""
        text = self.text
        i = t.start - 1
        while i >= 0 and text[i] in " \t":
            i -= 1
        return (
            i < 0
            or text[i] in SENTENCE_END
            or (text[i] in "-–" and (i == 0 or text[i - 1] == "\n"))
        )

    def free(self, start: int, end: int) -> bool:
        return self.taken.find(1, start, end) < 0

    def take(self, start: int, end: int, kind: str, ident: str, priority: int = 50) -> None:
        self.cands.append(_Cand(start, end, kind, ident, priority))
        self.taken[start:end] = b"\x01" * (end - start)

    # -- layer 1: patterns ---------------------------------------------------------------------
    def patterns(self) -> None:
        text = self.text
        raw: list[_Cand] = []

        def add(start: int, end: int, kind: str, ident: str, priority: int) -> None:
            raw.append(_Cand(start, end, kind, ident, priority))

        if "@" in text:
            for m in EMAIL_RE.finditer(text):
                add(m.start(), m.end(), "email", "", 100)
        if "www." in text or "://" in text:
            for m in URL_RE.finditer(text):
                add(m.start(), m.end(), "url", "", 99)
        for start, end, kind in find_literals(text, literals(self.case, self.lex)):
            add(start, end, kind, "home" if kind == "address" else "", 95)
        for lo, hi in digit_regions(text):
            self._numeric(lo, hi, add)
        if "@" in text:
            for m in HANDLE_RE.finditer(text):
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
                if cue.group(g) and len(cue.group(g)) >= 3:
                    add(cue.start(g), cue.end(g), "username", "", 89)
        for m in find_dates(text):
            ymd = date_from_match(m)
            kind = "date"
            if ymd is not None and any(
                ymd[1:] == d[1:] and ymd[0] in (None, d[0]) for d in self.dobs
            ):
                kind = "dob"
            add(m.start(), m.end(), kind, "", 75)
            for start, end in coordinated_days(text, m):
                add(start, end, "date", "", 75)
        previous_end = 0
        for number in ADDRESS_START_RE.finditer(text):
            start = number.start()
            if start < previous_end or not clean_left(text, start):
                continue
            flat = FLAT_BEFORE_RE.search(text, max(0, start - 12), start)
            found = ADDRESS_RE.match(text, flat.start() if flat else start)
            if found is not None:
                add(found.start(), found.end(), "address", _norm_ident(found.group()), 70)
                previous_end = found.end()
        for m in near(STREET_RE, STREET_HINT, text, 60, 12):
            words = phrase_key(m.group())
            if (
                words
                and words[0] not in self.lex.common
                and not self._protected_phrase(words, len(words) - 1)
            ):
                add(m.start(), m.end(), "address", _norm_ident(m.group()), 65)
        for pattern, kind, hint in (
            (SCHOOL_RE, "school", SCHOOL_HINT),
            (GP_RE, "gp_practice", GP_HINT),
            (HOME_RE, "address", HOME_HINT),
        ):
            for m in near(pattern, hint, text, 110, 40):
                cand = self.institution(m, kind)
                if cand is not None:
                    raw.append(cand)
        raw = _without_parts_of_institutions(raw)
        raw.sort(key=lambda c: (-c.priority, -(c.end - c.start), c.start))
        for c in raw:
            if self.free(c.start, c.end):
                self.take(c.start, c.end, c.kind, c.ident, c.priority)

    def _numeric(self, lo: int, hi: int, add: Callable[[int, int, str, str, int], None]) -> None:
        """Identifiers that contain digits, looked for in one stretch around digits."""
        text = self.text
        stretch = text[lo:hi]
        digits = len(stretch) - len(stretch.translate(NOT_DIGITS))
        if digits < 2:
            return  # "aged 9", "Year 4": every identifier below has two digits or more
        if any(c.isupper() for c in stretch):  # registrations, NI numbers, references
            self._lettered(lo, hi, digits, add)
        for m in POSTCODE_RE.finditer(text, lo, hi):  # in any case: "st1 2ab"
            area = m.group()[: 2 if m.group()[1].isalpha() else 1].upper()
            if clean_left(text, m.start()) and area in POSTCODE_AREAS:
                add(m.start(), m.end(), "postcode", "", 85)
        if digits < 5:
            return  # phone, NHS and long reference numbers have five digits or more
        for m in PHONE_RE.finditer(text, lo, hi):
            if clean_left(text, m.start(), "+") and phone_ok(m.group()):
                add(m.start(), m.end(), "phone", "", 90)
        for m in NHS_RE.finditer(text, lo, hi):
            if not clean_left(text, m.start(), "-"):
                continue
            if nhs_valid(re.sub(r"\D", "", m.group())) or NHS_CUE_RE.search(
                text, max(0, m.start() - 20), m.start()
            ):
                add(m.start(), m.end(), "nhs_number", "", 88)
        for m in CASE_NUMBER_RE.finditer(text, lo, hi):
            if clean_left(text, m.start(), "/-"):
                add(m.start(), m.end(), "case_number", "", 80)

    def _lettered(
        self, lo: int, hi: int, digits: int, add: Callable[[int, int, str, str, int], None]
    ) -> None:
        """Identifiers of capital letters and digits, in one stretch around digits."""
        text = self.text
        if digits >= 6:
            for pattern, kind in ((NI_RE, "ni_number"), (UPN_RE, "upn")):
                for m in pattern.finditer(text, lo, hi):
                    if clean_left(text, m.start()):
                        add(m.start(), m.end(), kind, "", 88)
        for m in VEHICLE_RE.finditer(text, lo, hi):
            if clean_left(text, m.start()):
                add(m.start(), m.end(), "vehicle_reg", "", 88)
        for m in VEHICLE_OLD_RE.finditer(text, lo, hi):
            if clean_left(text, m.start()) and VEHICLE_CUE_RE.search(
                text, max(0, m.start() - 30), m.start()
            ):
                add(m.start(), m.end(), "vehicle_reg", "", 85)
        for m in REF_RE.finditer(text, lo, hi):
            if clean_left(text, m.start(), "/-") and CASE_CUE_RE.search(
                text, max(0, m.start() - 30), m.start()
            ):
                add(m.start(), m.end(), "case_number", "", 81)
        for m in COLLAR_RE.finditer(text, lo, hi):
            if clean_left(text, m.start()):
                end = m.end("name") if m.group("name") else m.end("num")
                add(m.start("num"), end, "professional", f"collar:{m.group('num')}", 80)

    def _protected_phrase(self, words: tuple[str, ...], longer_than: int = 0) -> bool:
        """Whether the words begin with a protected phrase of more than ``longer_than`` words.

        "Staying Close" is protected as a whole; "Virtual School Head" reaches into
        the word "School"; but "Eaton Park Primary" is a school named after a place.
        """
        return bool(words) and any(
            len(phrase) > longer_than and words[: len(phrase)] == phrase
            for phrase in self.lex.phrases.get(words[0], ())
        )

    def institution(self, m: re.Match[str], kind: str) -> _Cand | None:
        """A school or GP practice, without leading everyday words ("At", "The", "Virtual")."""
        start = m.start()
        name_end = m.end("name")
        lex = self.lex
        for w in WORD_RE.finditer(self.text, start, name_end):
            key = w.group().casefold()
            if key in ("st", "saint"):
                break
            if word_key(w.group()) in LEADING_WORDS or key in HONORIFICS:
                start = w.end()
                continue
            break
        while start < name_end and not self.text[start].isalnum():
            start += 1
        if start >= name_end:
            return None
        name = phrase_key(self.text[start:name_end])
        if self._protected_phrase(phrase_key(self.text[start : m.end()]), len(name)):
            return None
        if len(name) == 1 and kind != "address" and name[0] in lex.common:
            return None  # "Special School", "Local Surgery": generic, not a named one
        return _Cand(start, m.end(), kind, " ".join(name), 60)

    # -- tokens --------------------------------------------------------------------------------
    def tokens(self) -> list[_Tok]:
        """The words that matter: capitalised ones, and the lower-case words of cues,
        protected phrases and the record's own names. Other lower-case words are left
        out (most of a text); the checks on the gaps between kept words see them."""
        wanted = _context_words() | self.known.keys
        toks = [
            _Tok(m.start(), w)
            for m in WORD_RE.finditer(self.text)
            if (w := m.group())[0].isupper() or word_key(w) in wanted
        ]
        self.protected = [False] * len(toks)
        self.capitalised = [i for i, t in enumerate(toks) if t.cap]
        phrases = self.lex.phrases
        text = self.text
        i = 0
        n = len(toks)
        while i < n:
            first = toks[i].key
            if first in phrases:
                for phrase in phrases[first]:
                    j = i + len(phrase)
                    if (
                        j <= n
                        and tuple(t.key for t in toks[i:j]) == phrase
                        and all(
                            _PHRASE_GAP.fullmatch(text, a.end, b.start)
                            for a, b in pairwise(toks[i:j])
                        )
                    ):
                        for k in range(i, j):
                            self.protected[k] = True
                        i = j - 1
                        break
            i += 1
        return toks

    # -- layer 2: known people -----------------------------------------------------------------
    def known_people(self, toks: list[_Tok]) -> None:
        """The record's people: names, short forms, surnames, typos, initials."""
        known = self.known
        lex = self.lex
        common, protected = lex.common, lex.protected_words
        firsts = known.first_keys
        n = len(toks)
        i = 0
        while i < n:
            t = toks[i]
            key = t.key
            if key in firsts and self.free(t.start, t.end):
                hit = self._longest(toks, i, known.ngrams, known.max_n)
                if hit is not None:
                    size, who = hit
                    if size > 1 or not (t.lower and (key in common or key in protected)):
                        self._take_known(t.start, toks[i + size - 1].end, who)
                        i += size
                        continue
            owners = known.surname_owners.get(key)
            if owners is None and "-" in key:
                owners = known.hyphenated_owners(key)
            if owners:
                if not (t.lower and key in common) and self.free(t.start, t.end):
                    self._take_known(t.start, t.end, self._resolve(owners, toks, i))
            elif (
                t.cap
                and not t.upper
                and len(key) >= 3
                and key not in common
                and key not in protected
                and key not in lex.given
                and key not in lex.surnames
                and self.free(t.start, t.end)
            ):
                slip = known.near_miss(key)  # "Kaydn", "Kay" for Kayden
                if slip is not None:
                    self._take_known(t.start, t.end, slip)
            i += 1
        for m in INITIALS_RE.finditer(self.text):
            if not clean_left(self.text, m.start(), "."):
                continue
            letters = re.sub(r"[^A-Z]", "", m.group())
            owner = known.initials.get(letters)
            if owner is None or not self.free(m.start(), m.end()):
                continue
            dotted = "." in m.group()
            if not dotted and m.group() in self.lex.acronyms:
                continue
            self._take_known(m.start(), m.end(), owner)

    def _adjacent(self, window: list[_Tok]) -> bool:
        for a, b in pairwise(window):
            gap = self.text[a.end : b.start]
            if a.poss or not re.fullmatch(r"[ \t]+|[ \t]*,[ \t]*|-", gap):
                return False
        return True

    def _resolve(self, owners: list[int], toks: list[_Tok], i: int) -> int:
        if len(set(owners)) == 1:
            return owners[0]
        prev = ""
        if i > 0 and toks[i].start - toks[i - 1].end <= 2:  # "Mrs Smith", "Mrs. Smith"
            prev = toks[i - 1].key
        want = "f" if prev in FEMALE else "m" if prev in MALE else None
        if want:
            for o in owners:
                if self.known.people[o].gender == want:
                    return o
        initial = INITIAL_BEFORE.search(self.text, max(0, toks[i].start - 6), toks[i].start)
        if initial is not None:  # "K. Smith"
            for o in owners:
                if self.known.initial_of.get(o, ("", ""))[0] == initial.group(1):
                    return o
        return -1  # shared surname, no way to tell whose: [FAMILY]

    def _longest(
        self, toks: list[_Tok], i: int, table: Mapping[tuple[str, ...], _V], max_n: int
    ) -> tuple[int, _V] | None:
        """The longest run of adjacent, unredacted words from ``toks[i]`` found in ``table``."""
        for size in range(min(max_n, len(toks) - i), 0, -1):
            window = toks[i : i + size]
            hit = table.get(tuple(w.key for w in window))
            if hit is None or (size > 1 and not self._adjacent(window)):
                continue
            if self.free(window[0].start, window[-1].end):
                return size, hit
        return None

    def _take_known(self, start: int, end: int, who: int) -> None:
        text = self.text
        if who >= 0:
            first, last = self.known.initial_of.get(who, ("", ""))
            # "K. Smith" / "K Smith" and "Kayden S." / "Kayden S"
            m = INITIAL_BEFORE.search(text, max(0, start - 6), start)
            if m and m.group(1) == first and self.free(m.start(), start):
                start = m.start()
            m = INITIAL_AFTER.match(text, end)
            if m and m.group(1) == last and self.free(end, m.end(1)):
                end = m.end(1)
            person = self.known.people[who]
            self.take(start, end, person.kind, person.label, 60)
        else:
            self.take(start, end, "family", "FAMILY", 60)

    # -- layer 3: other names ------------------------------------------------------------------
    def aliases(self, toks: list[_Tok]) -> None:
        lex = self.lex
        for m in near(ALIAS_RE, ALIAS_HINT, self.text, 12, 50):
            group = "q" if m.group("q") else "w"
            start, end = m.start(group), m.end(group)
            value = m.group(group).strip()
            if not value or not self.free(start, end):
                continue
            keys = phrase_key(value)
            if group == "w" and (
                not keys
                or all(k in lex.common or k in lex.protected_words for k in keys)
                or keys[0] in lex.protected_words
            ):
                continue
            # "known as", "aka": another name for someone just named; "a girl named": someone new
            new = re.match(r"(?i:called|named|calls)", m.group()) is not None
            kind, ident = ("person", None) if new else self._nearest_person(m.start())
            if ident is None:
                hit = self.found.get(keys)
                kind, ident = hit if hit else ("person", "p:" + " ".join(keys))
            self.take(start, end, kind, ident, 55)
            if keys:
                self._remember(keys, kind, ident)

    def nicknames(self) -> None:
        """A short capitalised phrase in quotes that is not vocabulary is taken for a nickname."""
        text = self.text
        if not any(q in text for q in "'\"“‘"):
            return
        lex = self.lex
        for m in QUOTED_RE.finditer(text):
            start, end = m.start("q"), m.end("q")
            keys = phrase_key(m.group("q"))
            if not keys or not self.free(start, end):
                continue
            if all(k in lex.common or k in lex.protected_words or k in HONORIFICS for k in keys):
                continue
            ident = "p:" + " ".join(keys)
            hit = self.found.get(keys)
            kind, ident = hit if hit else ("person", ident)
            self.take(start, end, kind, ident, 45)
            self._remember(keys, kind, ident)

    def _nearest_person(self, before: int) -> tuple[str, str | None]:
        best: _Cand | None = None
        for c in self.cands:
            if c.kind in NAME_KINDS and c.end <= before and before - c.end <= 40:
                between = self.text[c.end : before]
                if "\n" in between or "." in between.rstrip(". "):
                    continue
                if best is None or c.end > best.end:
                    best = c
        return (best.kind, best.ident) if best else ("person", None)

    def _remember(self, keys: tuple[str, ...], kind: str, ident: str) -> None:
        lex = self.lex
        self.found.setdefault(keys, (kind, ident))
        for k in keys:
            if (
                len(k) >= 3
                and k not in lex.common
                and k not in lex.protected_words
                and k not in HONORIFICS
            ):
                self.found.setdefault((k,), (kind, ident))

    def other_names(self, toks: list[_Tok]) -> None:
        """Runs of up to four capitalised words, redacted when the evidence adds up."""
        n = len(toks)
        done = 0
        for i in self.capitalised:
            if i < done or not self._nameish(toks, i):
                continue
            j = i + 1
            while (
                j < n
                and j - i < 4
                and self._nameish(toks, j)
                and self._joined(toks[j - 1], toks[j])
            ):
                j += 1
            if (
                j < n
                and toks[j - 1].key in self.lex.given
                and toks[j].cap
                and toks[j].key in self.lex.surnames
                and not self.protected[j]
                and self._joined(toks[j - 1], toks[j])
                and self.free(toks[j].start, toks[j].end)
            ):
                j += 1  # "Natalie Fenton": a surname that is also a town, after a given name
            kind, score = self._score(toks, i, j)
            if score >= 3:
                self._accept(toks[i:j], kind)
            done = j

    def honorifics(self, toks: list[_Tok]) -> None:
        """Mrs Jenkins, Dr Patel, PC Moore: the words after a title are a name, whatever they are."""
        n = len(toks)
        for i in self.capitalised:
            t = toks[i]
            kind = HONORIFICS.get(t.key)
            if kind is None or t.poss:
                continue
            j = i + 1
            while j < n and j - i <= 3:
                u = toks[j]
                gap = self.text[toks[j - 1].end : u.start]
                if (
                    not re.fullmatch(r"\.?[ \t]+", gap)
                    or not u.cap
                    or not self.free(u.start, u.end)
                ):
                    break
                if u.key in HONORIFICS or (
                    j > i + 1 and (u.key in self.lex.common and u.key not in self.lex.surnames)
                ):
                    break
                j += 1
                if toks[j - 1].poss:
                    break
            if j > i + 1:
                chunk = toks[i + 1 : j]
                if (
                    len(chunk) == 1
                    and chunk[0].key in self.lex.protected_words
                    and t.key in ("pc", "ds", "di", "dc")
                ):
                    continue
                self._accept(chunk, kind)

    def _nameish(self, toks: list[_Tok], i: int) -> bool:
        t = toks[i]
        if not t.cap or self.protected[i] or not self.free(t.start, t.end):
            return False
        key = t.key
        lex = self.lex
        if key in HONORIFICS or len(key) < 2:
            return False
        if key in lex.protected_words:
            return False
        if key in lex.common and key not in lex.given and key not in lex.surnames:
            return False
        # an acronym, unless it is a listed name written in capitals
        return not (t.upper and key not in lex.given and key not in lex.surnames)

    def _joined(self, a: _Tok, b: _Tok) -> bool:
        return not a.poss and re.fullmatch(r"[ \t]+", self.text[a.end : b.start]) is not None

    def _score(self, toks: list[_Tok], i: int, j: int) -> tuple[str, float]:
        lex = self.lex
        text = self.text
        chunk = toks[i:j]
        first, last = chunk[0], chunk[-1]
        kind = "person"
        score = 0.0
        # the words before
        pre = self._cue_before(toks, i)
        if pre == "role":
            kind, score = "professional", score + 6
        elif pre == "relation":
            score += 5
        elif pre == "weak":
            score += 1
        # what the chunk looks like
        best = 0.0
        for pos, t in enumerate(chunk):
            k = t.key
            is_common = k in lex.common
            if k in lex.given:
                val = 1.0 if is_common else 3.0
                if pos > 0:
                    val = min(val, 2.0)
            elif k in lex.surnames:
                val = 0.5 if is_common else (2.0 if pos > 0 or not self.sent(t) else 1.5)
            else:
                val = 0.5 if pos == 0 and self.sent(t) else 2.0
            best = max(best, val)
        score += best
        if len(chunk) > 1 and all(
            t.key in lex.given or t.key in lex.surnames or t.key not in lex.common for t in chunk
        ):
            score += 1

        def listed(t: _Tok) -> bool:
            return t.key in lex.given or t.key in lex.surnames

        if (last.key in INSTITUTION_NOUNS and not listed(last)) or any(
            t.key.endswith(NON_NAME_ENDINGS) and not listed(t) for t in chunk
        ):
            # "Salvation Army", "Blythe Bridge", "Maternity Grant": an organisation, place or
            # concept (but "Kevin Hall" is a name: Hall is a listed surname)
            score -= 3
        if (
            pre is None
            and i > 0
            and toks[i - 1].key in PLACE_PREPOSITIONS
            and self._joined(toks[i - 1], first)
        ):
            score -= 1.5  # "in Longton", "at Tesco": places follow these more than people
        # the words after (read from the text: verbs are not among the kept words)
        tail = text[last.end : last.end + 60]
        after = _NEXT_WORD.match(text, last.end + (2 if last.poss else 0))
        after_key = word_key(after.group(1)) if after else ""
        if not last.poss:
            if after_key in WEAK_VERBS:
                score += 2
            elif after_key in REPORT_VERBS and (first.key in lex.given or not self.sent(first)):
                score += 1
        elif after_key in POSSESSED:
            score += 2
        m = PAREN_CUE_RE.match(tail) if not last.poss else None
        if m:
            cue = " ".join(phrase_key(m.group("cue")))
            words = cue.split()
            if (
                cue in ROLE_CUES
                or (words and words[-1] in ROLE_CUES)
                or (len(words) > 1 and " ".join(words[:2]) in ROLE_CUES)
            ):
                kind, score = "professional", score + 5
            elif cue in RELATION_CUES or (
                words and (words[-1] in RELATION_CUES or words[0] in RELATION_CUES)
            ):
                score += 4
        if AGE_AFTER_RE.match(tail):
            score += 3
        if len(chunk) == 1 and self.sent(first) and first.key not in lex.given and pre is None:
            score -= 0.5
        return kind, score

    def _cue_before(self, toks: list[_Tok], i: int) -> str | None:
        text = self.text
        words: list[str] = []
        k = i - 1
        pos = toks[i].start
        while k >= 0 and len(words) < 4:
            t = toks[k]
            gap = text[t.end : pos]
            # "neighbour Gary", "neighbour, Gary", "HV - Sarah"; within the cue only spaces
            pattern = FIRST_GAP if not words else INNER_GAP
            if (t.poss and words) or not pattern.fullmatch(gap):
                break
            words.insert(0, t.key)
            pos = t.start
            k -= 1
        for size in range(len(words), 0, -1):
            phrase = " ".join(words[-size:])
            if phrase in ROLE_CUES:
                return "role"
            if phrase in RELATION_CUES:
                return "relation"
        if words and words[-1] in PRE_WEAK:
            if words[-1] == "to" and (len(words) < 2 or words[-2] not in SPEAKING_VERBS):
                return None  # "went to Barclays", but "spoke to Tyler"
            # "and Tyler": only when the other side of "and" is a name already
            if words[-1] == "and":
                prev = toks[i - 2] if i >= 2 else None
                if prev is None or self.free(prev.start, prev.end):
                    return None
            return "weak"
        # "spoke to Tyler", "told Tyler"
        return None

    def _accept(self, chunk: list[_Tok], kind: str) -> None:
        keys = tuple(t.key for t in chunk)
        ident = None
        for size in range(len(keys), 0, -1):
            for s in range(0, len(keys) - size + 1):
                hit = self.found.get(keys[s : s + size])
                if hit is not None:
                    ident = hit[1]
                    if hit[0] == "professional":
                        kind = "professional"
                    break
            if ident:
                break
        if ident is None:
            ident = ("pro:" if kind == "professional" else "p:") + " ".join(keys)
        start, end = chunk[0].start, chunk[-1].end
        if not self.free(start, end):
            return
        self.take(start, end, kind, ident, 40)
        self._remember(keys, kind, ident)

    # -- layer 4: propagation ------------------------------------------------------------------
    def propagate(self, toks: list[_Tok]) -> None:
        """Other mentions of names found with evidence get the same placeholder."""
        if not self.found:
            return
        common = self.lex.common
        firsts = {k[0] for k in self.found}
        max_n = max(len(k) for k in self.found)
        n = len(toks)
        i = 0
        while i < n:
            t = toks[i]
            if t.key not in firsts or (not t.cap and t.key in common):
                i += 1
                continue
            hit = self._longest(toks, i, self.found, max_n)
            if hit is not None:
                size, (kind, ident) = hit
                if size > 1 or not self.protected[i]:
                    self.take(t.start, toks[i + size - 1].end, kind, ident, 30)
                    i += size
                    continue
            i += 1

    # -- output --------------------------------------------------------------------------------
    def run(self) -> Redaction:
        self.patterns()
        toks = self.tokens()
        self.known_people(toks)
        self.aliases(toks)
        self.nicknames()
        self.honorifics(toks)
        self.other_names(toks)
        self.propagate(toks)
        return self.build()

    def build(self) -> Redaction:
        cands = sorted(self.cands, key=lambda c: c.start)
        merged: list[_Cand] = []
        for c in cands:
            if merged:
                p = merged[-1]
                if (
                    p.kind == c.kind
                    and p.ident == c.ident
                    and c.kind in NAME_KINDS
                    and re.fullmatch(r"[ \t-]*", self.text[p.end : c.start])
                ):
                    p.end = c.end
                    continue
            merged.append(_Cand(c.start, c.end, c.kind, c.ident, c.priority))
        numbers: dict[str, dict[str, int]] = {}
        spans: list[Span] = []
        out: list[str] = []
        last = 0
        for c in merged:
            label = self._label(c, numbers)
            spans.append(Span(c.start, c.end, f"[{label}]", c.kind))
            out.append(self.text[last : c.start])
            out.append(f"[{label}]")
            last = c.end
        out.append(self.text[last:])
        return Redaction("".join(out), spans)

    def _label(self, c: _Cand, numbers: dict[str, dict[str, int]]) -> str:
        if c.kind in ("child", "family", "worker"):
            return c.ident
        base = PLACEHOLDERS[c.kind]
        if c.kind not in _NUMBERED:
            return base
        seen = numbers.setdefault(c.kind, {})
        ident = c.ident or f"@{c.start}"
        if ident not in seen:
            seen[ident] = len(seen) + 1
        number = seen[ident]
        return base if number == 1 else f"{base}-{number}"


_INSTITUTIONS = frozenset({"school", "gp_practice"})


def _without_parts_of_institutions(cands: list[_Cand]) -> list[_Cand]:
    """Drop an address found inside a school's or practice's name ("Meir Park" in "Meir Park
    Medical Practice"), so that the whole name is redacted as the institution."""
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


def _norm_ident(text: str) -> str:
    return " ".join(
        phrase_key(re.sub(r"^\s*(?:flat|apartment|apt|unit|room)\s+\d+\w?,?", "", text, flags=re.I))
    )


def redact_case_text(case: RawCase, text: str | None = None) -> Redaction:
    """Redact ``text`` (default: the case's own text) using the case's known identifiers.

    Placeholders are consistent within one call: the same person, school or
    address gets the same placeholder each time it appears. The returned spans
    give offsets into the original text for a dry-run preview; they never hold
    the original values, and nothing here should be persisted except ``.text``.
    """
    source = case.text if text is None else text
    return _Redactor(case, source).run()
