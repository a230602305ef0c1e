"""A shop, a place of worship or a club named with the street it is on.

``Chicken Cottage on Queensway``, ``Masjid-e-Noor on Randal Street``, ``the Costcutter on
Commercial Way``, ``Lidl on the High Road``: a business is told from the chain's other
branches by its street, and the two together point at the family's streets. Where a
capitalised name (or a redacted organisation, school or street read as one) stands right
before ``on`` and a street right after it (a redacted street, or capitalised words ending in
a street's word: ``Queensway``, ``Fishergate``, ``Green Lanes``), the whole is one
organisation. Not a person on a street (``Dad on Church Road``, ``Mr Patel on …``), nor a
day, nor a sentence's verb (``lives on``).
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import HONORIFICS, RELATION_CUES
from moderator.anonymise.lexicon import phrase_key
from moderator.anonymise.orgs_brands import national_charity
from moderator.anonymise.state import NAME_KINDS, Cand, State

_ON = re.compile(r"[ \t]+on[ \t]+(?:the[ \t]+)?")
_RUN_BEFORE = re.compile(r"(?:[A-Z][\w'’&-]*[ \t]+){0,4}[A-Z][\w'’&-]*\Z")
_STREET_AFTER = re.compile(
    r"(?:[A-Z][\w'’-]*[ \t]+){0,3}(?:[A-Z][\w'’-]*(?:way|gate|side|lanes|road|street|hill)"
    r"|(?:Road|Street|Lane|Lanes|Avenue|Way|Hill|Parade|Broadway|Boulevard|Row|Square|Place"
    r"|Drive|Crescent|Terrace|Walk|Gate|Green|Rise))(?![\w'’-])"
)
_TIMES = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today"}
)
_PLACE_KINDS = frozenset({"org", "school", "gp_practice", "address"})


class _Index:
    """The candidates by where they start and end, in the order the state holds them (looked
    up for each "on", not searched: a note of many shops and streets holds thousands)."""

    def __init__(self, cands: list[Cand]) -> None:
        self.by_start: dict[int, list[Cand]] = {}
        self.by_end: dict[int, list[Cand]] = {}
        self.longest = 0
        for c in cands:
            self.add(c)

    def add(self, c: Cand) -> None:
        self.by_start.setdefault(c.start, []).append(c)
        self.by_end.setdefault(c.end, []).append(c)
        self.longest = max(self.longest, c.end - c.start)

    def drop(self, c: Cand) -> None:
        self.by_start[c.start].remove(c)
        self.by_end[c.end].remove(c)

    def starting(self, at: int) -> Cand | None:
        found = self.by_start.get(at)
        return found[0] if found else None

    def ending(self, at: int) -> Cand | None:
        found = self.by_end.get(at)
        return found[0] if found else None

    def overlapping(self, start: int, end: int) -> list[Cand]:
        return [
            c
            for at in range(max(0, start - self.longest), end)
            for c in self.by_start.get(at, ())
            if c.end > start
        ]


def find_orgs_on_streets(st: State) -> None:
    """Join a business and the street it is on into one organisation (see the module)."""
    text = st.text
    if " on " not in text:
        return
    lex = st.lex
    index = _Index(st.cands)
    for m in _ON.finditer(text):
        left_c = index.ending(m.start())
        if left_c is not None:
            if left_c.kind not in _PLACE_KINDS:
                continue  # "Mr Patel on Church Road": a person
            start = left_c.start
        else:
            run = _RUN_BEFORE.search(text, max(0, m.start() - 80), m.start())
            if run is None or not st.free(run.start(), m.start()):
                continue
            keys = phrase_key(run.group())
            if not keys or keys[0] in RELATION_CUES or keys[0] in HONORIFICS:
                continue  # "Dad on Church Road"
            if any(k in _TIMES for k in keys) or all(k in lex.protected_words for k in keys):
                continue
            if len(keys) == 1 and (keys[0] in lex.common or _opens(text, run.start())):
                continue  # "He on …", "Today on …": one everyday word
            start = run.start()
        right_c = index.starting(m.end())
        if left_c is None and national_charity(text[start : m.start()]):
            # "the Costa on Holderness Road": a chain anyone uses stays, its street goes
            street = _STREET_AFTER.match(text, m.end())
            if right_c is None and street is not None and st.free(m.end(), street.end()):
                ident = "street:" + " ".join(phrase_key(street.group()))
                st.take(m.end(), street.end(), "address", ident, 55, 0.75)
                index.add(st.cands[-1])
            continue
        if right_c is not None and right_c.kind in _PLACE_KINDS:
            end = right_c.end
        else:
            street = _STREET_AFTER.match(text, m.end())
            if street is None or not st.free(m.end(), street.end()):
                continue
            end = street.end()
        inside = index.overlapping(start, end)
        if any(c.kind in NAME_KINDS for c in inside):
            continue
        ident = left_c.ident if left_c is not None and left_c.kind == "org" else ""
        for c in inside:
            st.cands.remove(c)
            index.drop(c)
            st.taken[c.start : c.end] = bytes(c.end - c.start)
        st.take(start, end, "org", ident or " ".join(phrase_key(text[start:end])), 55, 0.75)
        index.add(st.cands[-1])


def _opens(text: str, at: int) -> bool:
    """Whether ``at`` opens a sentence or a line."""
    before = text[max(0, at - 3) : at].rstrip(" \t")
    return not before or before[-1] in ".!?:\n\"'“("


# a business's lower-case noun after its name, and the street after a comma: "Golden Dragon
# restaurant, Gerrard Street", "The Bean Counter café, Lowfield Street", "Zet Transport,
# Tottenham Hale" (the street a redaction already; a town after the comma stays)
_NOUN_TAIL = re.compile(
    r"[ \t]+(?:restaurant|café|cafe|takeaway|pub|shop|salon|barbers?|bakery|launderette|garage"
    r"|car[ \t]+wash|gym|chippy|supermarket|store)(?![\w'’-])"
)
_COMMA = re.compile(r",[ \t]*")


def join_orgs_to_streets(st: State) -> None:
    """A business's lower-case noun, and a street redacted after a comma, go with its name."""
    text = st.text
    # the first candidate starting at each place, as _cand_at finds it (looked up, not searched
    # for each organisation: a note of many may hold thousands)
    starts: dict[int, Cand] = {}
    for d in st.cands:
        starts.setdefault(d.start, d)
    for c in [c for c in st.cands if c.kind == "org"]:
        tail = _NOUN_TAIL.match(text, c.end)
        if tail is not None and st.free(c.end, tail.end()):
            st.grow(c, c.start, tail.end())
        comma = _COMMA.match(text, c.end)
        if comma is None:
            continue
        street = starts.get(comma.end())
        if street is not None and street.kind == "address" and "\n" not in text[c.end : street.end]:
            st.cands.remove(street)
            del starts[street.start]
            for d in st.cands:  # (the next candidate starting there, if any)
                if d.start == street.start:
                    starts[d.start] = d
                    break
            st.taken[c.end : street.end] = b"\x01" * (street.end - c.end)
            c.end = street.end
