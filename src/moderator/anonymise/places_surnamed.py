"""A record's surname said alone where it names a place (rounds thirty-three to thirty-five).

A family called Dean, Preston, Walker, Castle or Thornton shares its surname with places, and
a surname said alone with nothing of a person around it is the place:

* after a land's name ``… of`` (``the Forest of Dean``, ``the Vale of Glamorgan``);
* before a postcode (``14 Ribble Mews, Preston PR1 8JD``);
* after an address and a comma, the clause ending there (``140 Pembroke Parade, Hayes.``;
  not ``stopped on Victoria St, Dobbs smelt of alcohol``, where it opens the next clause);
* alone in brackets, a town the lists know (``North Yorkshire Horizons (Whitby)``);
* after ``in``, ``near`` or ``outside`` (``placed with the Thorntons in Thornton``, ``a job out
  near Singleton``): no one is "in" a surname said alone, and the village may be one no list
  holds;
* after a word of place and before a town the lists know (``lives in Walker, Newcastle``);
* after a place's name the lists know, as its landmark (``a trip to Dover Castle``);
* as the landscape word of a place no list holds, after a word of place (``found at
  Hemlington Lake``, ``walked up to Kinder Moor``) or after a street (``3 Fenby Avenue, Holme
  Wood``), and after "the" and an everyday word (``went to the Piece Hall``): not when the
  word before is a given name.

:func:`.known_use.used_as_place` asks this module once it knows the word is the record's
surname only, capitalised and no possessive.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import HONORIFICS
from moderator.anonymise.state import State, Tok

# a land or a town named "… of" a word: "the Forest of Dean", "the Vale of Glamorgan"
_NAMED_LAND_BEFORE = re.compile(
    r"(?<![\w-])(?:Forest|Vale|Isle|City|Port|Bay|Firth|Duchy|Royal[ \t]+Borough)[ \t]+of[ \t]+\Z"
)
_COMMA_BEFORE = re.compile(r",[ \t]*\Z")
_CLAUSE_ENDS = re.compile(r"[ \t]*(?:[.,;:)\n]|$)")
# words before which a surname said alone is a place, never its owner
_ONLY_PLACES_AFTER = frozenset({"in", "near", "nr", "around", "outside"})
# a postcode after a town: "Preston PR1 8JD"
_POSTCODE_AFTER = re.compile(r"[ \t]+[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}(?![\w])")
# a town after a comma: "Walker, Newcastle"
# a surname that is a landscape's word ("Lake", "Moor") names a place after "at X"
_LANDSCAPE = frozenset(
    {"lake", "moor", "hill", "wood", "woods", "park", "green", "brook", "bridge", "marsh"}
    | {"heath", "dale", "vale", "cliff", "cliffs", "beck", "fell", "common", "water", "quay"}
    | {"field", "fields", "meadow", "meadows", "valley", "reservoir", "pool", "sands", "bay"}
)
_WORD_BEFORE = re.compile(r"(?<![\w-])([a-z]+)[ \t]+\Z")
_PLACE_WORDS = frozenset({"at", "near", "nr", "in", "to", "from", "around", "past", "by"})
_TOWN_AFTER = re.compile(r"[ \t]*,[ \t]*([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)\b")


def surname_as_place(st: State, toks: list[Tok], i: int, before: str, moved: bool) -> bool:
    """Whether the record's surname ``toks[i]`` names a place (see the module). ``before`` is
    the lower-case word before it; ``moved`` whether that is a word of place a person is not
    spoken to after ("lives in", not "spoke to")."""
    t = toks[i]
    text = st.text
    lex = st.lex
    if _NAMED_LAND_BEFORE.search(text, max(0, t.start - 16), t.start) or (
        _POSTCODE_AFTER.match(text, t.end)
    ):
        return True
    comma = _COMMA_BEFORE.search(text, max(0, t.start - 4), t.start)
    if (
        comma is not None
        and _CLAUSE_ENDS.match(text, t.end)
        and any(c.kind == "address" and c.end == comma.start() for c in st.cands)
    ):
        return True
    if (
        text[t.start - 1 : t.start] == "("
        and text[t.end : t.end + 1] == ")"
        and (t.key,) in lex.places
    ):
        return True  # "North Yorkshire Horizons (Whitby)": a service's branch, by its town
    if before in _ONLY_PLACES_AFTER and not (
        i + 1 < len(toks) and toks[i + 1].cap and st.joined(t, toks[i + 1])
    ):
        return True
    town = _TOWN_AFTER.match(text, t.end)
    if moved and town is not None and tuple(town.group(1).lower().split()) in lex.places:
        return True
    if i > 0 and st.joined(toks[i - 1], t):
        prev = toks[i - 1]
        if _landmark(st, toks, i):
            return True
        return (
            prev.cap
            and not prev.upper
            and (prev.key,) in lex.places
            and prev.key not in lex.given
            and prev.key not in st.known.keys
            and prev.key not in HONORIFICS
        )
    return False


def _landmark(st: State, toks: list[Tok], i: int) -> bool:
    """Whether ``toks[i]``, a surname, ends a place's name: a landscape's word after a word of
    place ("at Hemlington Lake") or after a street and a comma ("…, Holme Wood, BD4"), any
    after "the" and an everyday word ("the Piece Hall"); not "at Jenny Lake's" nor "to Aunty
    Jo Hill"."""
    t, prev = toks[i], toks[i - 1]
    if not prev.cap or prev.upper:
        return False
    lex = st.lex
    if (
        prev.key in lex.given
        or prev.key in lex.surnames
        or prev.key in st.known.keys
        or prev.key in HONORIFICS
        or t.poss
    ):
        return False
    m = _WORD_BEFORE.search(st.text, max(0, prev.start - 12), prev.start)
    if m is not None and m.group(1) == "the" and prev.key in lex.words:
        return True  # "to the Piece Hall", "the Corn Exchange": a landmark's name
    if m is not None and m.group(1) in _PLACE_WORDS and t.key in _LANDSCAPE:
        return True
    comma = _COMMA_BEFORE.search(st.text, max(0, prev.start - 4), prev.start)
    # a district after a street: "3 Fenby Avenue, Holme Wood, BD4 9QE"
    return (
        comma is not None
        and t.key in _LANDSCAPE
        and any(c.kind == "address" and c.end == comma.start() for c in st.cands)
    )
