"""The words at an organisation's edges that belong to its name, once its pieces are joined.

* ``The`` written with a capital before it inside a sentence (``drinks at The Quellby Inn``);
* its legal form after it (``… Forest School CIC``, ``… Crewing Inc.``, ``… Housing & Co-op``);
* a branch, site or place after a dash, where that is an organisation of its own, a word no
  list knows or a town (``Tarvell Care Homes - Orchardmere``, ``… Youth Service - Le Quellec
  Youth Centre``);
* a district after a comma that no list knows, with the sentence going on (``… Prayer
  Ministry, Bykerley twice``);
* a college's ``of`` and the capitalised words after it (``Hartlepool College of Further
  Education``, ``… College of Arts & Technology``).

Public services named by a place are not organisations here (the organisation layer keeps
them), so nothing is joined to them.
"""

from __future__ import annotations

import re

from moderator.anonymise.addresses_joined import grow
from moderator.anonymise.lexicon import phrase_key, word_key
from moderator.anonymise.state import UNSURE, Cand, State
from moderator.anonymise.unknown_words import unknown

_PLACES = frozenset({"org", "school", "gp_practice"})
_THE_BEFORE = re.compile(r"(?<![\w'’-])(?:The|THE)[ \t]+$")
_LEGAL_AFTER = re.compile(
    r"(?:-op|[ \t]+(?:Ltd|LTD|Limited|CIC|C\.I\.C\.|LLP|Inc|PLC|plc)(?![\w-])\.?)"
)
_DASH_AFTER = re.compile(r"[ \t]+[-–][ \t]+")
# one or two capitalised words after the dash, ending the phrase
_DASH_WORDS = re.compile(
    r"([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)(?=[ \t]*(?:[.;:,)(\n|]|$|[ \t][-–]|[ \t][a-z]))"
)
_ORDINAL_GAP = re.compile(r" \d{1,2}(?:st|nd|rd|th) ")
_STREETS = "Street|Road|Lane|Avenue|Square|Parade|Place|Row|Terrace"
_COMMA_STREET = re.compile(
    rf"[ \t]*,[ \t]*(?:[A-Z][\w'’-]+[ \t]+){{1,2}}(?:{_STREETS}|{_STREETS.upper()})"
    r"(?:[ \t]+(?P<town>[A-Z][\w'’-]+))?(?=[ \t]*(?:[.;:,)\n|]|$|[ \t][-–]|[ \t][a-zA-Z]))"
)
_COMMA_WORD = re.compile(r",[ \t]*([A-Z][\w'’-]+)(?=[ \t]+[a-z])")


def join_edges(st: State) -> None:
    """Organisations take the words at their edges that are part of their names."""
    text = st.text
    orgs = sorted((c for c in st.cands if c.kind in _PLACES), key=lambda c: c.start)
    merged: set[int] = set()  # ids of those joined to the one before (Cand compares by value)
    for c in orgs:
        if id(c) in merged:
            continue
        the = _THE_BEFORE.search(text, max(0, c.start - 6), c.start)
        if (
            the is not None
            and st.free(the.start(), c.start)
            and not _sentence_start(text, the.start())
        ):
            st.taken[the.start() : c.start] = b"\x01" * (c.start - the.start())
            c.start = the.start()
        legal = _LEGAL_AFTER.match(text, c.end)
        if legal is not None:
            inside = [d for d in st.cands if c.end <= d.start < legal.end()]
            if all(d.kind == "org" and d.end <= legal.end() for d in inside):
                for d in inside:  # "… Crewing Inc": its legal form taken for an organisation
                    st.cands.remove(d)
                grow(st, c, legal.end())
        if c.kind == "school":
            _of_after(st, c)
        if c.kind == "org":
            _in_tail(st, c)
        if c.confidence < UNSURE:
            continue
        joined = _beside(st, c) if c.kind != "org" else _dash_branch(st, c) or _beside(st, c)
        if joined is not None:
            merged.add(id(joined))
        if c.kind == "org":
            _comma_district(st, c)
            _comma_street(st, c)


# a charity's name going on with "in" and a word: "Wearside Women in Need", "Families in Crisis"
_IN_TAILS = frozenset({"need", "crisis", "christ", "distress", "touch", "action", "recovery"})
_IN_WORD = re.compile(r"[ \t]+in[ \t]+([A-Z][a-z]+)(?=[ \t]*(?:[.;:,)(\n|]|$|[ \t][-–a-z]))")


def _in_tail(st: State, c: Cand) -> None:
    """An organisation's ``in`` and a word of a charity's cause after it are its name's (not
    a town: ``a charity in Leeds``, ``a packer in Eye``)."""
    m = _IN_WORD.match(st.text, c.end)
    if m is None or not st.free(c.end, m.end()):
        return
    if word_key(m.group(1)) in _IN_TAILS:
        grow(st, c, m.end())


# what a college's name goes on with: "… College of Further Education", "… of Arts & Technology"
_OF_AFTER = re.compile(
    r"[ \t]+of[ \t]+(?:[A-Z][\w'’-]+|and|&)(?:[ \t]+(?:[A-Z][\w'’-]+|and|&)){0,4}(?<![ \t]and)(?<!&)"
)
_OF_ENDS = ("College", "COLLEGE", "Institute", "INSTITUTE")


def _of_after(st: State, c: Cand) -> None:
    """A college's name after its noun: "Hartlepool College of Further Education"."""
    text = st.text
    if not text.endswith(_OF_ENDS, c.start, c.end):
        return
    m = _OF_AFTER.match(text, c.end)
    if m is not None and st.free(c.end, m.end()):
        grow(st, c, m.end())


def _sentence_start(text: str, at: int) -> bool:
    """Whether ``at`` opens a sentence (after a stop, or the text's start); a list's item
    after ";" or a line's start is no sentence: its "The" is the name's."""
    i = at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in ".!?"


def _dash_branch(st: State, c: Cand) -> Cand | None:
    """A branch after a dash: an organisation found there (returned: it is now part of this
    one), or a word no list knows, or a town."""
    text = st.text
    dash = _DASH_AFTER.match(text, c.end)
    if dash is None:
        return None
    nxt = st.starting_at(dash.end())
    if nxt is not None:
        if nxt.kind not in _PLACES:
            return None
        st.drop(nxt)
        grow(st, c, nxt.end)
        return nxt
    words = _DASH_WORDS.match(text, dash.end())
    if words is not None and st.free(dash.end(), words.end(1)):
        found = words.group(1)
        lex = st.lex
        if phrase_key(found) in lex.places or all(unknown(w, lex) for w in found.split()):
            grow(st, c, words.end(1))
    return None


def _beside(st: State, c: Cand) -> Cand | None:
    """Two pieces of one name written with a space between, the second an organisation's
    or a guess ("Seaton & Colyton Young" "Carers", "… Sea Cadets" "TS Carbrooke", a
    college's "… Teviot" "Campus")."""
    text = st.text
    if text[c.end : c.end + 1] != " ":
        return None
    gap = _ORDINAL_GAP.match(text, c.end)  # "… Scouts 3rd Quellby Troop": a unit's number
    at = gap.end() if gap is not None else c.end + 1
    if not text[at : at + 1].isupper():
        return None
    nxt = st.starting_at(at)
    if nxt is None or not (nxt.kind == "org" or (nxt.confidence < UNSURE and nxt.kind != "date")):
        return None
    if gap is not None and not st.free(c.end, at):
        return None
    st.drop(nxt)
    grow(st, c, nxt.end)
    return nxt


def _comma_street(st: State, c: Cand) -> None:
    """A street after a comma, with its town, the sentence going on ("…, High Street Kirkby
    where he works"): where the organisation is."""
    text = st.text
    m = _COMMA_STREET.match(text, c.end)
    if m is None or not st.free(c.end, m.end()):
        return
    town = m.group("town")
    if town is not None and (word_key(town),) not in st.lex.places and not unknown(town, st.lex):
        return
    grow(st, c, m.end())


def _comma_district(st: State, c: Cand) -> None:
    """A district no list knows after a comma, the sentence going on ("…, Bykerley twice")."""
    text = st.text
    m = _COMMA_WORD.match(text, c.end)
    if m is not None and unknown(m.group(1), st.lex) and st.free(c.end, m.end(1)):
        grow(st, c, m.end(1))
