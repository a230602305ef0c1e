"""Redacting case text: every identifier becomes a typed placeholder (docs/formats.md).

``redact_case_text(case)`` returns the redacted text and the spans it replaced
(offsets into the original text, never the original values), in four layers
over one shared :class:`~moderator.anonymise.state.State`:

1. **Patterns** (:mod:`.layer_patterns`) (precompiled): e-mail addresses, UK phone numbers, NHS numbers
   with a valid check digit, NI numbers, UPNs, postcodes, vehicle registrations,
   case-system references, full dates (a date equal to a known date of birth
   becomes ``[DOB]``), street addresses, schools and GP practices; plus the
   record's own address, postcode, NHS number, UPN and case id in any spacing.
2. **Known people** (:mod:`.layer_known`) from the record (child, family, worker): full names, given
   names, surnames, short forms (Will for William), initials (K.S., KS),
   possessives, any letter case, hyphen and apostrophe variants, one-letter typos.
   Each person keeps one placeholder throughout: ``[CHILD]``, ``[MOTHER]``,
   ``[SIBLING-2]``, ``[WORKER]``.
3. **Other names** (:mod:`.layer_names`) are scored on evidence rather than capitalisation alone:
   honorifics (Mrs, Dr, PC), the words around them ("neighbour", "mum's
   boyfriend", "health visitor", "known as", "… said", "(neighbour)", "aged 9"),
   embedded lists of common given names and surnames, and whether the word is
   an everyday English word or protected vocabulary. Professionals become
   ``[PROFESSIONAL]``, others ``[PERSON]``, ``[PERSON-2]``, …
4. **Propagation** (:mod:`.names_joined`): once a name is found with evidence, its other
   mentions in the same text are redacted too, with the same placeholder.
5. **Joining** (:mod:`.names_around`, :mod:`.orgs_joined`; aliases in :mod:`.aliases_given`
   after layer 2): the words around a redaction that belong to it (a kinship form of
   address, an honorific suffix, a transliterated surname, an organisation's branch after
   a comma) become part of it.

Protected vocabulary (``data/vocabulary.txt``: Child Protection Conference,
Early Help, section 47, Hanley, …) is never redacted by the heuristics; only a
known identifier of the record overrides it. Town names are kept unless they
are written as part of an address. The layers run in the order :mod:`.layer_order` gives.
"""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import NamedTuple, Protocol

from moderator.anonymise.known import known_people
from moderator.anonymise.layer_order import run_layers
from moderator.anonymise.lexicon import census_given, lexicon, more_places, word_key
from moderator.anonymise.reading import reading_of
from moderator.anonymise.records import RawCase
from moderator.anonymise.state import NAME_KINDS, UNSURE, Cand, State
from moderator.anonymise.unknown_words import dictionary


class Span(NamedTuple):
    """One redaction: ``text[start:end]`` of the original became ``placeholder``."""

    start: int
    end: int
    placeholder: str
    kind: str
    confidence: float = 1.0
    """How sure the redactor is that this was an identifier (0-1)."""


class Doubt(NamedTuple):
    """Something the redactor is unsure of: a redaction it made, or a candidate it kept."""

    start: int
    end: int
    kind: str
    confidence: float
    redacted: bool
    placeholder: str
    """The placeholder it became (redacted) or would become (kept)."""


@dataclass(frozen=True)
class Redaction:
    """A redacted text and what was replaced (offsets into the original; no original values)."""

    text: str
    spans: list[Span]
    kept: list[Doubt] = field(default_factory=list)
    """Candidates looked at and left in the text, likely enough to ask a person about."""

    def counts(self) -> dict[str, int]:
        """How many redactions of each kind (``{"child": 3, "dob": 1, …}``)."""
        return dict(Counter(s.kind for s in self.spans))

    def uncertain(self) -> list[Doubt]:
        """Redactions made and candidates kept with a confidence a person should confirm."""
        made = [
            Doubt(s.start, s.end, s.kind, s.confidence, True, s.placeholder)
            for s in self.spans
            if s.confidence < UNSURE
        ]
        return sorted(made + self.kept, key=lambda d: d.start)


class DecisionLookup(Protocol):
    """Remembered decisions of a person: ``"redact"``, ``"keep"`` or None for a value."""

    def lookup(self, value: str) -> str | None:
        """The decision taken for ``value`` (as written in the text), if any."""
        ...


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
    "org": "ORGANISATION",
}
_JOINING = re.compile(r"[ \t-]*")  # between two parts of one name
_DATE_RANGE = re.compile(r"[ \t]*[-–][ \t]*")  # "5-9 June": one date
_START = attrgetter("start")
_NUMBERED = frozenset({"person", "professional", "school", "gp_practice", "address", "org"})
# a name's possessive goes with it (labellers mark "Kayden's" whole); the placeholder keeps it
_POSSESSIVE = re.compile(r"['’][sS](?![\w'’])")
_APOSTROPHES = frozenset("'’")
_PLURAL_POSSESSIVE = re.compile(r"['’](?![\w'’])")
# two people's initials joined by a slash ("RT/DP" signing minutes) are one span: labellers
# mark the pair whole, and the placeholder still names both ("[WORKER/PROFESSIONAL-2]")
_INITIALS = re.compile(r"[A-Z][A-Za-z]{0,2}")


def _run(st: State, decisions: DecisionLookup | None = None) -> None:
    run_layers(st)
    if decisions is not None:
        _apply(st, decisions)


def _apply(st: State, decisions: DecisionLookup) -> None:
    """A person's remembered decisions settle what the redactor was unsure of."""
    text = st.text
    for c in list(st.cands):
        if c.confidence < UNSURE:
            decided = decisions.lookup(text[c.start : c.end])
            if decided == "keep":
                st.cands.remove(c)
                st.taken[c.start : c.end] = bytes(c.end - c.start)
            elif decided == "redact":
                c.confidence = 1.0
    for k in list(st.kept):
        decided = decisions.lookup(text[k.start : k.end])
        if decided is not None:
            st.kept.remove(k)
        if decided == "redact" and st.free(k.start, k.end):
            st.take(k.start, k.end, k.kind, k.ident, k.priority, 1.0)


def _build(
    st: State,
    source: str | None = None,
    starts: Sequence[int] | None = None,
    ends: Sequence[int] | None = None,
) -> Redaction:
    """The redacted text and its spans; ``starts`` and ``ends`` map each character of
    ``st.text`` (the note as the layers read it, :mod:`.reading`) to where it starts and ends
    in ``source`` (the note as written)."""
    text = st.text
    offsets: Sequence[int] = starts if starts is not None else []
    if source is None or starts is None or ends is None:
        # (ranges: each offset maps to itself, without a list of them made for every note)
        source, offsets, ends = text, range(len(text) + 1), range(1, len(text) + 2)
    # runs of one person's name parts ("Kayden" "Smith") become one span: [first part, end]
    merged: list[tuple[Cand, int]] = []
    for c in sorted(st.cands, key=_START):
        if merged:
            p, end = merged[-1]
            if p.kind == c.kind and (
                (
                    (p.confidence >= UNSURE) == (c.confidence >= UNSURE)
                    and p.ident == c.ident
                    and c.kind in NAME_KINDS
                    and _JOINING.fullmatch(text, end, c.start)
                )
                or (c.kind == "date" and _DATE_RANGE.fullmatch(text, end, c.start))
            ):
                merged[-1] = (p, c.end)
                continue
        merged.append((c, c.end))
    numbers: dict[str, dict[str, int]] = {}
    spans: list[Span] = []
    out: list[str] = []
    last = 0
    make = tuple.__new__  # a Span without NamedTuple's keyword handling: notes have many
    for c, end in merged:
        placeholder = f"[{_label(c, numbers)}]"
        if (
            text[end : end + 1] in _APOSTROPHES
            and (
                (poss := _POSSESSIVE.match(text, end))
                # a plural's possessive: "at the Akinolas'" (the placeholder reads the same)
                or (text[end - 1 : end] in "sS" and (poss := _PLURAL_POSSESSIVE.match(text, end)))
            )
        ):
            placeholder, end = placeholder + poss.group(), poss.end()
        start, end = offsets[c.start], ends[end - 1]
        if spans and _initials_pair(source, spans[-1], start, end, c.kind):
            first = spans.pop()
            placeholder = f"{first.placeholder[:-1]}/{placeholder[1:]}"
            confidence = min(first.confidence, round(c.confidence, 2))
            spans.append(make(Span, (first.start, end, placeholder, first.kind, confidence)))
            out[-1] = placeholder
            last = end
            continue
        spans.append(make(Span, (start, end, placeholder, c.kind, round(c.confidence, 2))))
        out.append(source[last:start])
        out.append(placeholder)
        last = end
    out.append(source[last:])
    kept = [
        Doubt(
            offsets[k.start],
            ends[k.end - 1],
            k.kind,
            round(k.confidence, 2),
            False,
            f"[{_label(k, numbers)}]",
        )
        for k in st.kept
        if k.confidence >= 0.3 and st.free(k.start, k.end)
    ]
    return Redaction("".join(out), spans, kept)


def _initials_pair(source: str, before: Span, start: int, end: int, kind: str) -> bool:
    """Whether ``source[start:end]``, of ``kind``, and the span ``before`` are two people's
    initials with only a slash between them."""
    return (
        before.end == start - 1
        and source[start - 1] == "/"
        and kind in NAME_KINDS
        and before.kind in NAME_KINDS
        and _INITIALS.fullmatch(source, start, end) is not None
        and _INITIALS.fullmatch(source, before.start, before.end) is not None
    )


def _label(c: Cand, numbers: dict[str, dict[str, int]]) -> str:
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


_FROZEN: list[bool] = []


def _freeze_tables() -> None:
    """Load the redactor's word lists and move them, with everything else alive now, out of
    the garbage collector's sight (``gc.freeze``): they live as long as the process, and each
    full collection while notes are redacted would otherwise walk their hundred thousand
    entries again (a few per cent of the work per note, measured with cachegrind)."""
    lexicon()
    more_places()
    census_given()
    dictionary()
    gc.freeze()
    _FROZEN.append(True)


def redact_case_text(
    case: RawCase, text: str | None = None, decisions: DecisionLookup | None = None
) -> Redaction:
    """Redact ``text`` (default: the case's own text) using the case's known identifiers.

    Placeholders are consistent within one call: the same person, school or
    address gets the same placeholder each time it appears. The returned spans
    give offsets into the original text for a dry-run preview; they never hold
    the original values, and nothing here should be persisted except ``.text``.
    Each span carries a confidence; :meth:`Redaction.uncertain` lists what a person
    should confirm, and ``decisions`` (remembered answers) settle those already seen.
    """
    source = case.text if text is None else text
    if not _FROZEN:
        _freeze_tables()
    reading = reading_of(source, _name_test(case), _known_test(case))
    if reading is None:
        st = State(case, source)
        _run(st, decisions)
        return _build(st)
    # the note as the layers read it (mark-up, invisible characters, a scan's broken words and
    # misread letters read through: reading.py); what they find is mapped back to the note
    st = State(case, reading.text)
    _run(st, decisions)
    return _build(st, source, reading.starts, reading.ends)


def _known_test(case: RawCase) -> Callable[[str], bool]:
    """Whether a word is a name of the record's own people (a given name or a surname of
    three letters or more: "Logan", "Fox")."""
    known = known_people(case, lexicon()).keys

    def is_known(word: str) -> bool:
        return len(word) >= 3 and word_key(word) in known

    return is_known


def _name_test(case: RawCase) -> Callable[[str], bool]:
    """Whether a word is a name: one of the record's people's, a first name or surname that is
    no everyday word, or a place's ("FAILSW0RTH" read as the town)."""
    lex = lexicon()
    known = known_people(case, lex).keys

    def is_name(word: str) -> bool:
        key = word_key(word)
        return (
            key in known
            or ((key in lex.given or key in lex.surnames) and key not in lex.common)
            or (key,) in lex.places
        )

    return is_name
