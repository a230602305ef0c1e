"""A form's field that names a place: ``Placement: Oakwood House``, ``NURSERY: TINY STEPS``.

Forms, minutes and police notifications name where a child lives, learns, prays or is
found in a field of their own: ``Placement:``, ``Venue:``, ``School:``, ``Nursery:``,
``Church:``, ``GP:``, ``Dentist:``, ``Agency:``, ``Provider:``, ``LOCATION:``. The field's
value, to the line's end (or the next field, a bracket, a dash or a full stop), is that
place whatever its words, when it reads as a name: capitalised (or in capitals on a form in
capitals), holding a word that is not an everyday one or ending with a building's noun
(``Willow House``). A value that is a town alone, a protected phrase, a national charity's
name or everyday words (``Foster care``, ``Microsoft Teams``, ``not attending``) is left.
A person found inside the value keeps the span (``GP: Dr Amir Khan``) unless the value ends
with a practice's or an organisation's noun (``GP: Hadwen Health``).
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import HONORIFICS
from moderator.anonymise.lexicon import Lexicon, more_places, phrase_key
from moderator.anonymise.orgs_brands import national_charity
from moderator.anonymise.orgs_runs import protected_inside
from moderator.anonymise.state import NAME_KINDS, State

# the field's label, what kind of place its value names
_KINDS = {
    "placement": "address",
    "placement address": "address",
    "short breaks": "address",
    "venue": "address",
    "location": "address",
    "location found": "address",
    "location of arrest": "address",
    "location of incident": "address",
    "found at": "address",
    "where i live": "address",
    "school": "school",
    "nursery": "school",
    "college": "school",
    "school/nursery": "school",
    "nursery/school": "school",
    "school/college": "school",
    "education": "school",
    "setting": "school",
    "gp": "gp_practice",
    "gp practice": "gp_practice",
    "surgery": "gp_practice",
    "dentist": "org",
    "church": "org",
    "family church": "org",
    "mosque": "org",
    "gurdwara": "org",
    "temple": "org",
    "agency": "org",
    "fostering agency": "org",
    "ifa": "org",
    "provider": "org",
    "employer": "org",
    "workplace": "org",
    "club": "org",
    "youth club": "org",
    "solicitor": "org",
    "solicitors": "org",
    "landlord": "org",
    "housing provider": "org",
}
# the field's label, read back from its colon (the 48 characters before it): at a line's
# start, after a form's two spaces or after a sentence's or a list's stop
_LABEL = re.compile(
    r"(?:^|(?<=\n)|(?<=[ \t]{2})|(?<=[.;|][ \t]))"
    r"(?P<l>(?i:" + "|".join(sorted((re.escape(k) for k in _KINDS), key=len, reverse=True)) + r"))"
    r"(?:[ \t]*\((?:current|name)\))?[ \t]*$"
)
# the value: up to the line's end, two spaces (the form's next field), a bracket, a dash
# between spaces, a semicolon, or a full stop closing a sentence
_VALUE = re.compile(
    r"[ \t]*(?P<v>[^\n(;,?]*?)"
    r"(?=[ \t]*(?:$|\n|[ \t]{2}|\(|,|\?|[ \t][-–][ \t]|;|(?<!\bS[Tt])\.(?:\s|$)))"
)
# a lower-case word other than a name's joining words ends the value
_LOWER_JOIN = re.compile(r"[ \t]+(?!(?:of|and|the|upon|de|la|le|du)\b)[a-z]")
_BUILDING = frozenset(
    {"house", "lodge", "court", "hall", "halls", "manor", "grange", "farm", "cottage"}
)
_ORG_END = frozenset(
    {"health", "surgery", "practice", "care", "centre", "services", "service", "group", "trust"}
)
_ORG_END |= _BUILDING | {"dental", "clinic", "academy", "school", "nursery", "college"}
_SHOUTED_AT = re.compile(r"[ \t]+AT[ \t]")  # "Y9 AT ASHTON PARK" on a form in capitals
_YEAR = re.compile(r"(?i:y(?:ear|r)?[ \t]?\d{1,2})\b")
# words that make a value in capitals a sentence, not a name
_SENTENCE = frozenset({"attends", "attend", "attended", "is", "was", "has", "have", "are", "were"})
_SENTENCE |= {"he", "she", "they", "both", "also", "not", "because", "said", "goes", "go"}
_PUBLIC_END = frozenset({"council", "police", "constabulary", "hospital", "court", "library"})
_PLACES = frozenset({"address", "org", "school", "gp_practice", "public_body"})
_JOINS = frozenset({"of", "&", "and", "the", "@", "at"})
_NOT_VALUES = frozenset({"none", "n/a", "na", "tbc", "unknown", "not", "no", "yes", "see"})


def find_field_places(st: State) -> None:
    """Take the place a form's field names (its value) as the field's kind of place."""
    text = st.text
    if ":" not in text:
        return
    at = text.find(":")
    while at >= 0:
        colon, at = at, text.find(":", at + 1)
        m = _LABEL.search(text, max(0, colon - 48), colon)
        if m is None:
            continue
        v = _VALUE.match(text, colon + 1)
        if v is None or not v.group("v"):
            continue
        written = v.group("v").rstrip(" \t,")
        low = _LOWER_JOIN.search(written) or _SHOUTED_AT.search(written)
        if low is not None:  # "ESOL Entry 3 at City College": the field's value, then more
            written = written[: low.start()]
        start, end = v.start("v"), v.start("v") + len(written)
        kind = _KINDS[m.group("l").lower()]
        if written and _a_name(st.lex, written, kind):
            _take(st, start, end, kind, phrase_key(written))


def _a_name(lex: Lexicon, written: str, kind: str) -> bool:
    """Whether a field's value reads as a place's name, not words, a town or a term of art."""
    words = written.split()
    keys = phrase_key(written)
    if not keys or not 1 <= len(words) <= 7 or keys[0] in _NOT_VALUES:
        return False
    if _YEAR.match(written) or (not words[0][0].isalpha() and kind != "address"):
        return False  # "Education: Y10 at …": the year group
    shouted = written.isupper()
    if shouted and any(k in _SENTENCE for k in keys):
        return False  # "SCHOOL: BOTH CHILDREN ATTEND …": a sentence in capitals
    if not (words[0][0].isupper() or words[0][0].isdigit()) or (
        not shouted and not all(w[0].isupper() or w[0].isdigit() or w in _JOINS for w in words)
    ):
        return False  # "Foster care (in-house)", "not attending": words, not a name
    if keys in lex.places or keys in more_places() or national_charity(written):
        return False  # "Location: Oldham", "Provider: Barnardo's"
    if protected_inside(lex, keys) or any(
        k in HONORIFICS or k in lex.protected_words for k in keys
    ):
        return False
    if any(w.strip(",.") in lex.acronyms for w in words) or keys[-1] in _PUBLIC_END:
        return False  # "ESOL Entry 3", "RTC STENSON ROAD"; "Location: Medway Council"
    odd = [k for k in keys if k.isalpha() and k not in lex.words and k not in lex.common]
    everyday_after = all(k in lex.words or k in lex.common for k in keys[1:])
    if len(odd) == 1 and len(keys) > 1 and _a_place(lex, keys[:1]) and everyday_after:
        return False  # "Wolverton Library", "Knaresborough House": a public place by its town
    # "Microsoft Teams", "Civic Centre": everyday words ("Pool Dental Care" names one)
    return bool(odd) or keys[-1] in _BUILDING or (len(keys) >= 3 and keys[-1] in _ORG_END)


def _a_place(lex: Lexicon, keys: tuple[str, ...]) -> bool:
    return keys in lex.places or keys in more_places()


def _take(st: State, start: int, end: int, kind: str, keys: tuple[str, ...]) -> None:
    """Take the value, in place of the redactions wholly inside it, unless a person leads it
    or something other than a place or a person lies inside or runs past it."""
    inside = [c for c in st.cands if c.start < end and start < c.end]
    if any(c.start < start or c.end > end for c in inside):
        return  # a redaction running past the value: its own reading stands
    if any(c.kind not in NAME_KINDS and c.kind not in _PLACES for c in inside):
        return  # a date, a phone or a postcode inside: not one place's name
    # "GP: Dr Amir Khan": the doctor ("Hadwen Health", "… Service Tewby": a place)
    led = any(c.kind in NAME_KINDS and (c.start == start or c.end < end) for c in inside)
    if led and keys[-1] not in _ORG_END:
        return
    found = [c.kind for c in inside if c.kind in _PLACES]
    for c in inside:
        st.cands.remove(c)
        st.taken[c.start : c.end] = bytes(c.end - c.start)
    # "Venue: … Primary": the school it is, if a layer before knew
    st.take(start, end, found[0] if found else kind, "field:" + " ".join(keys), 55, 0.75)
