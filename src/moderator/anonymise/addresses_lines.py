"""A letter's or a form's address line: the street or building before its town and postcode.

``Norwood Grange, Beverley, East Yorkshire HU17 9AB`` under a surgery's name, ``Castle Way,
Wellingborough NN8 1XB``, ``Term-time: Room 14, Witham View Halls, Lincoln LN5 7QT``: on a
line that ends with a postcode, the parts before the town, parted by commas, are the street
or the building whatever their words; a floor, a suite or a building before the street
joins it (``Level 10, Civic Centre, West Street``). A part that is a place the lists know (the town, a
county), a protected phrase or a person's name (a given name first) is not taken.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import HONORIFICS
from moderator.anonymise.lexicon import more_places, phrase_key
from moderator.anonymise.orgs_runs import protected_inside
from moderator.anonymise.patterns import STREET_TYPES
from moderator.anonymise.state import State

# one part of the line: capitalised words (a joining word between), nothing else
_PART = re.compile(
    r"[ \t]*(?P<p>[A-Z][\w'’-]*(?:[ \t]+(?:of|the|on|upon|and|&)?[ \t]*[A-Z][\w'’-]*){0,3})[ \t]*"
)
_STREET_END = re.compile(
    rf"[ \t](?:{STREET_TYPES}|House|Lodge|Halls?|Farm|Mill|Cottages?|Barn|Manor|Buildings"
    r"|Chambers|Centre)$"
)
# a house's number and its street or building, whatever its last word ("8 Brompton Fields"),
# not an age ("11 YRS")
_NUMBERED = re.compile(
    r"[ \t]*(?P<p>\d{1,4}[A-Za-z]?[ \t]+(?!(?i:yrs?|years?|y/?o|months?|mths?|weeks?|wks)\b)"
    r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})[ \t]*"
)
_BUILDING_PART = re.compile(
    r"[ \t]*(?P<p>(?:Level|Floor|Suite|Room|Unit)[ \t]+\d{1,3}[A-Za-z]?"
    r"|Number[ \t]+(?:One|Two|Three|\d{1,3})[ \t]+[A-Z][\w'’-]*"
    r"|(?:[A-Z][\w'’-]*[ \t]+){1,3}(?:Offices|Office|Centre|Building|House|Tower|Plaza|Chambers))[ \t]*"
)
_LABEL = re.compile(r"[^,:\n]{1,30}:[ \t]*")  # a form's field before the address: "Term-time:"
_STREETS = frozenset({"address", "org"})  # (a building's chambers read as a firm's)


def find_address_lines(st: State) -> None:
    """Take the street or building named before the town on a line ending in a postcode."""
    text = st.text
    for c in [c for c in st.cands if c.kind == "postcode"]:
        # (a signature's fields parted by bars: "Mob 07717 … | Riverside House, Main Street, …")
        line_start = max(text.rfind("\n", 0, c.start), text.rfind("|", 0, c.start)) + 1
        if text[c.end : c.end + 1] not in ("", "\n", " ", "\t", ")", "."):
            continue
        label = _LABEL.match(text, line_start, c.start)
        at = label.end() if label is not None else line_start
        parts = text[at : c.start].split(",")
        if len(parts) < 2:
            continue  # the town alone before the postcode
        offset = at
        bounds: list[tuple[int, int, bool]] = []  # each part's span, and whether a building's
        for part in parts[:-1]:  # (the last part is the town, before the postcode)
            span = _part(st, part, offset)
            offset += len(part) + 1
            if span is not None:
                bounds.append(span)
        # a building, a floor or a suite before the street: "Level 10, Civic Centre, West
        # Street", "Number One Riverside, Smith Street"
        street = None  # the address the parts after this one were joined to
        for start, end, building in reversed(bounds):
            if not building:
                street = next((a for a in st.cands if a.start == start and a.end == end), None)
                # (or what holds it: "[Maddox Yard, 12 Kessel Street]", "[Castle Chambers, 12
                # Cotsford Lane]", read as a barristers' chambers)
                street = street or next(
                    (a for a in st.cands if a.kind in _STREETS and a.start <= start < end <= a.end),
                    None,
                )
            elif street is not None and street.start <= start:
                continue  # the building is inside it already
            elif street is not None and street.kind in _STREETS and st.free(start, end):
                st.grow(street, start, street.end)  # one address, from the building on
            else:
                street = None


def _part(st: State, part: str, offset: int) -> tuple[int, int, bool] | None:
    """Take one part of an address line if it is a street or a numbered house; say where a
    building's part is (taken only before a street)."""
    lex = st.lex
    numbered = _NUMBERED.fullmatch(part)
    if numbered is not None:  # "8 Brompton Fields": a house number, whatever the words after it
        start, end = offset + numbered.start("p"), offset + numbered.end("p")
        if st.free(start, end):
            st.take(start, end, "address", "line:" + part.strip().lower(), 55, 0.75)
        return start, end, False
    building = _BUILDING_PART.fullmatch(part)
    if building is not None:
        return offset + building.start("p"), offset + building.end("p"), True
    m = _PART.fullmatch(part)
    if m is None or not m.group("p"):
        return None
    start = offset + m.start("p")
    keys = phrase_key(m.group("p"))
    end = start + len(m.group("p"))
    if not keys or keys in lex.places or keys in more_places():
        return None  # "Beverley, East Yorkshire": the town and its county
    if len(keys) < 2 or _STREET_END.search(m.group("p")) is None:
        return None  # a district, a role or a department: a street's or a building's word ends it
    if (keys[0] in lex.given and keys[0] not in lex.words) or keys[0] in HONORIFICS:
        return None  # a person's name before the address
    if protected_inside(lex, keys) or all(k in lex.protected_words for k in keys):
        return None  # "Children's Services, Civic Centre": the service's words
    if st.free(start, end):
        st.take(start, end, "address", "line:" + " ".join(keys), 55, 0.75)
    return start, end, False
