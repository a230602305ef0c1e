"""A group named with the place it meets at: ``Little Wrens at Quorvale Community Centre``.

A nursery, club or group often has no noun of its own and is written with its venue after
``at``; the venue found by the other layers, the name before it is the group's, one
redaction with it: after a field's or list's opening (``Nursery: …``, ``; …``, ``| …``)
two capitalised words or more, or an organisation already found (``Brindle Food Hub at St
Anne's``), where the venue is also a town or a word no list knows (``… at Franche``).
"""

from __future__ import annotations

import re
from itertools import pairwise

from moderator.anonymise.lexicon import phrase_key
from moderator.anonymise.state import Cand, State
from moderator.anonymise.unknown_words import unknown

_PLACES = frozenset({"org", "school"})
_WORD = r"[A-Z][\w'’-]*"
# the group's name before " at ": capitalised words (small words between), at its end
_BEFORE_AT = re.compile(
    rf"(?:^|(?<=[:;|(\n])|(?<=[:;|(\n][ \t])|(?<=[:;|(][ \t]{{2}})|(?<=-[ \t]))"
    rf"(?P<x>{_WORD}(?:[ \t]+(?:(?:of|the|and|&)[ \t]+)?{_WORD}){{1,4}})[ \t]+at[ \t]+$"
)
# an event held at a place, not a group meeting there ("First Holy Communion at St Joseph's")
_EVENTS = frozenset({"communion", "christening", "baptism", "confirmation", "wedding"})
_EVENTS |= {"funeral", "service", "mass", "party", "prayers", "celebration", "vigil", "nikah"}
_VENUES = frozenset({"org", "school", "person"})
# after a field's opening, a name at a town ending the phrase: "Nursery: Little Wrens at Leek."
_FIELD_AT = re.compile(
    rf"(?P<x>{_WORD}(?:[ \t]+{_WORD}){{1,3}})[ \t]+at[ \t]+"
    rf"(?P<v>{_WORD}(?:[ \t]+{_WORD})?)(?=[ \t]*(?:[.;,)\n|]|$))"
)
# a venue that is a town or an unknown word, ending the phrase ("… at Franche)")
_VENUE = re.compile(rf"({_WORD}(?:[ \t]+{_WORD})?)(?=[ \t]*(?:[.;:,)\n|]|$))")


def join_groups_at_venues(st: State) -> None:
    """Join the group's name before ``at`` to the venue after it (see the module's doc)."""
    text = st.text
    if " at " not in text:
        return
    _two_found(st)
    for c in sorted((c for c in st.cands if c.kind in _PLACES), key=lambda c: c.start):
        _before_venue(st, c)
    for c in [c for c in st.cands if c.kind in _PLACES]:
        _venue_after(st, c)
    at = text.find(": ")
    while at >= 0:  # tried only after a field's opening (the pattern starts with a look-behind)
        m = _FIELD_AT.match(text, at + 2)
        if m is not None:
            _named_at_town(st, m)
        at = text.find(": ", at + 2)


def _two_found(st: State) -> None:
    """An organisation at another, or at a saint's hall taken for a name: one redaction
    ("Brindle Girls' Club at Quorvale Community Centre", "… Food Hub at St Anne's")."""
    text = st.text
    cands = sorted((c for c in st.cands if c.kind in _VENUES), key=lambda c: c.start)
    for a, b in pairwise(cands):
        if a.kind in _PLACES and text[a.end : b.start] == " at " and a in st.cands:
            if b.kind not in _PLACES and not text.startswith("St", b.start):
                continue
            st.cands.remove(b)
            st.taken[a.end : b.end] = b"\x01" * (b.end - a.end)
            a.end, a.kind = b.end, "org"


def _named_at_town(st: State, m: re.Match[str]) -> None:
    """After a field's opening, a name at a town: "Nursery: Little Wrens at Franche."."""
    text = st.text
    start, end = m.start("x"), m.end()
    if not st.free(start, end):
        return
    venue = m.group("v")
    keys = phrase_key(m.group("x"))
    if all(_described(st, k) for k in keys):
        return
    if phrase_key(venue) in st.lex.places or all(unknown(w, st.lex) for w in venue.split()):
        st.take(start, end, "org", " ".join(phrase_key(text[start:end])), 58)


def _described(st: State, key: str) -> bool:
    """An everyday or protected word, or a known acronym (``ESOL``): no group's name."""
    lex = st.lex
    return key in lex.protected_words or key in lex.common or key.upper() in lex.acronyms


def _before_venue(st: State, venue: Cand) -> None:
    """``X at <venue>``: X, written after a field's or list's opening, joins the venue."""
    text = st.text
    if not text.endswith(" at ", 0, venue.start):
        return
    line_start = text.rfind("\n", 0, venue.start) + 1
    m = _BEFORE_AT.search(text, max(line_start, venue.start - 80), venue.start)
    if m is None or not st.free(m.start("x"), venue.start):
        return
    keys = phrase_key(m.group("x"))
    if all(_described(st, k) for k in keys) or keys[-1] in _EVENTS:
        return  # "Youth Club at …", "ESOL and Maths at …", "First Holy Communion at …": no group
    if keys in st.lex.phrases.get(keys[0], ()):
        return  # "Freedom Programme at …": a protected programme, run at a venue, is no group
    words = m.group("x").split()
    if any(w in st.lex.acronyms for w in words) or (
        keys[0].endswith(("ed", "ing")) and keys[0] in st.lex.words
    ):
        return  # "Phoned the DSL at The Mountbatten School": a sentence, a role at a school
    st.taken[m.start("x") : venue.start] = b"\x01" * (venue.start - m.start("x"))
    venue.start = m.start("x")
    venue.kind = "org"


def _venue_after(st: State, group: Cand) -> None:
    """``<group> at Franche``: a town or an unknown word after the group is where it meets."""
    text = st.text
    if not text.startswith(" at ", group.end):
        return
    at = group.end + 4
    m = _VENUE.match(text, at)
    if m is None or not st.free(group.end, m.end()):
        return
    keys = phrase_key(m.group(1))
    if keys in st.lex.places or all(unknown(w, st.lex) for w in m.group(1).split()):
        st.taken[group.end : m.end()] = b"\x01" * (m.end() - group.end)
        group.end = m.end()
