"""The words around an address that belong to it, once its pieces are found.

The town or village written after an address stays, listed or not, with a comma or before
the postcode: the labelled batches keep it as often as they count it part of the address
(``…, 22 Gosby Road, Quernfleet``, ``19 Gosby Lane Swaffham PE37 …``).

* a compass point ending the street (``15 Grange Road West``) and a building's word after it
  (``Flat 7, Kennet Wharf Lofts``);
* a flat written short before it (``flt 2 61 …``), a Scottish flat's position (``2F1, 16 Bridge Street``), and a house number
  before a street found by its noun alone (``19 Rhes y Felin``);
* a postcode's outward code alone after the address or its town (``214 Mare Street, E8``,
  ``47 Rainham Way, Dagenham RM10``): the district's code, redacted as a postcode (the town
  between stays);
* a postcode's outward code right after a town the place lists know, with no address
  (``in Hull, HU5``, ``Sheffield S2``): the district's code too (not after any other word:
  ``ST5`` is a doctor's grade, ``SS4`` a screenshot, ``CO1`` an exhibit);
* a name guessed for a person that is a street's (``on Half Moon Lane``, ``lives at 2 Aird
  Quellan``) becomes the address it is.
"""

from __future__ import annotations

import re

from moderator.anonymise.addresses_postcodes import POSTCODE_AREAS
from moderator.anonymise.lexicon import more_places, phrase_key
from moderator.anonymise.state import Cand, State

_WORD_AFTER = re.compile(
    r"[ \t]+(?:North|South|East|West|Lofts|Apartments|Mansions|Buildings)"
    r"(?=[ \t]*(?:[.;:,)\n|]|$))"
)
# what a hostel or refuge's address goes on with: its kind in lower case, then a room or flat
# ("Furnival Lodge refuge", "Umpleby House hostel, Flat 4", "… Court supported housing")
_HOUSING_AFTER = re.compile(
    r"(?:[ \t]+(?:refuge|hostel|supported[ \t]+(?:housing|accommodation|lodgings)|foyer"
    r"|b&b|B&B|shelter|bail[ \t]+hostel|mother[ \t]+and[ \t]+baby[ \t]+unit"
    r"|site(?![\w-]|[ \t]+(?:visit|meeting)))"  # "the Monkton Lane site": a Travellers' site
    r")?"
    r"(?:,?[ \t]+(?:Flat|Room|Unit|Pitch|Plot|Bay|Apartment|flat|room|pitch|plot)[ \t]+"
    r"\d{1,4}[a-zA-Z]?(?![\w/%-]|\.\d))?"
)
# a numbered street whose noun a writer put in lower case ("14 Ashton road west"), and the
# side of the town a street's name ends with ("Cowbridge Road East", "ashton road west")
_NUMBERED = re.compile(r"\d{1,4}[a-zA-Z]?,?[ \t]+[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+)?")
_LOWER_TYPE_AFTER = re.compile(
    r"[ \t]+(?:road|street|lane|avenue|drive|crescent|grove|terrace|gardens|walk|way|close)"
    r"(?:[ \t]+(?:east|west|north|south)(?![\w'’-])(?![ \t]+[A-Z]))?(?![\w'’-])"
)
_TYPE_END = re.compile(r"(?i:road|street|lane|avenue|drive|way|crescent|terrace)\Z")
SIDE_AFTER = re.compile(
    r"[ \t]+(?:east|west|north|south|East|West|North|South)(?![\w'’-])(?![ \t]+[A-Z])"
)  # (not a town's first word: "12 High Street West Bromwich")
# a room, flat or pitch after a place a layer read as an organisation's name: where someone
# lives ("Addington Lodge, Room 4", "Shepherds Croft Caravan Park, Pitch 11")
# the places a meeting is held in: a room or unit after them is no one's home
_VENUES = frozenset(
    {"hub", "centre", "center", "offices", "office", "hall", "library", "school", "academy"}
    | {"college", "station", "court", "house", "church", "chambers", "building"}
)
_UNIT_AFTER = re.compile(
    r",[ \t]*(?:Flat|Room|Unit|Pitch|Plot|Bay|Apartment|FLAT|ROOM|UNIT|PITCH|PLOT)[ \t]+"
    r"\d{1,4}[a-zA-Z]?(?![\w/%-]|\.\d)"
)
# a house's name before its street ("The Granary, Wheatear Lane", "Oxlip Lodge, Yarrow Lane"),
# in a signature's fields too ("Mob 07717 … | Riverside House, Main Street")
_HOUSE_NAME_BEFORE = re.compile(
    r"(?:(?<=[,:;(\n|])|(?<=[,:;(|][ \t])|(?<=\b(?:at|to|of)[ \t])|(?<=\baddress[ \t]))"
    r"(?:(?:The|T[ŷy])[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?|(?:[A-Z][a-z]+[ \t]+){1,2}"
    r"(?:House|Lodge|Cottage|Farm|Barn|Mill|Hall|Villa|Grange|Manor|Bungalow|Garth|Croft|Nook|Fold"
    r"|Gables|Haven|Retreat|Steading)"
    # a numbered flat in a named block: "9 Marine Point, Severn Parade"
    r"|\d{1,4}[A-Za-z]?[ \t]+(?:[A-Z][a-z]+[ \t]+){1,2}(?:Point|Heights|Tower|Towers|Apartments"
    r"|Mansions|Buildings|Quay|Wharf|House|Court|Lodge))[ \t]*,[ \t]*\Z"
)
_FLAT_POSITION_BEFORE = re.compile(r"(?<![\w/])(?:\d{1,2}F\d|PF\d|GF\d?)[ \t]*,[ \t]*$")
# a house number before a street found by its noun alone ("19 Rhes y Felin", "4 Heol …")
_NUMBER_BEFORE = re.compile(r"(?<![\w/.:-])\d{1,4}[a-z]?[ \t]+$")


def grow(st: State, c: Cand, end: int) -> None:
    """Extend a candidate to ``end``, taking the characters it gains."""
    st.taken[c.end : end] = b"\x01" * (end - c.end)
    c.end = end


def join_address_edges(st: State) -> None:
    """Addresses take the words around them that are theirs (see the module's doc)."""
    text = st.text
    guessed_streets(st)
    for c in [c for c in st.cands if c.kind == "address"]:
        word = _WORD_AFTER.match(text, c.end)
        if word is not None and st.free(c.end, word.end()):
            grow(st, c, word.end())
        kind = (
            _LOWER_TYPE_AFTER.match(text, c.end)
            if _NUMBERED.fullmatch(text, c.start, c.end)
            else None
        )
        if kind is not None and st.free(c.end, kind.end()):
            grow(st, c, kind.end())  # "14 Ashton road west": the street's noun in lower case
        side = SIDE_AFTER.match(text, c.end) if _TYPE_END.search(text, c.start, c.end) else None
        if side is not None and st.free(c.end, side.end()):
            grow(st, c, side.end())  # "… cowbridge road east and …": the street's side
        housing = _HOUSING_AFTER.match(text, c.end)
        if housing is not None and housing.end() > c.end and st.free(c.end, housing.end()):
            grow(st, c, housing.end())
        house = _HOUSE_NAME_BEFORE.search(text, max(0, c.start - 40), c.start)
        if house is not None and not st.free(house.start(), c.start):
            st.give_way(house.start(), c.start, _PERSON, 60)  # "Ty Gwyna": not a person
        if house is not None and st.free(house.start(), c.start):
            st.taken[house.start() : c.start] = b"\x01" * (c.start - house.start())
            c.start = house.start()
        number = _NUMBER_BEFORE.search(text, max(0, c.start - 6), c.start)
        if number is not None and st.free(number.start(), c.start):
            st.taken[number.start() : c.start] = b"\x01" * (c.start - number.start())
            c.start = number.start()
        short = _FLAT_BEFORE.search(text, max(0, c.start - 12), c.start)
        if short is not None and st.free(short.start(), c.start):
            st.taken[short.start() : c.start] = b"\x01" * (c.start - short.start())
            c.start = short.start()
        outward = _OUTWARD_AFTER.match(text, c.end)
        if (
            outward is not None
            and outward.group("area").upper() in POSTCODE_AREAS
            and st.free(*outward.span("code"))
        ):
            st.take(outward.start("code"), outward.end("code"), "postcode", "", 70, 0.9)
        said = _NUMBER_WORD_BEFORE.search(text, max(0, c.start - 8), c.start)
        if (
            said is not None
            and text[c.start : c.start + 1].isdigit()
            and st.free(said.start(), c.start)
        ):
            st.taken[said.start() : c.start] = b"\x01" * (c.start - said.start())
            c.start = said.start()  # "Mrs Tate at no 11 Raby Gardens": the number's word too
        estate = _ESTATE_AFTER.match(text, c.end)
        if estate is not None:  # "Flat 11, Carley Court, Ford Estate": the estate's name too
            st.give_way(c.end, estate.end(), _PERSON, 60)
            if st.free(c.end, estate.end()):
                grow(st, c, estate.end())
        suburb = _SUBURB_AFTER.match(text, c.end)
        if suburb is not None:  # "63 Wilton Crescent, Shirley, Southampton SO15 …": a place
            st.give_way(suburb.start("n"), suburb.end("n"), _PERSON, 60)
        flat = _FLAT_POSITION_BEFORE.search(text, max(0, c.start - 8), c.start)
        if flat is not None and st.free(flat.start(), c.start):
            st.taken[flat.start() : c.start] = b"\x01" * (c.start - flat.start())
            c.start = flat.start()
    _join_wrapped_addresses(st)
    for c in [c for c in st.cands if c.kind == "org"]:
        before = _UNIT_LINE_BEFORE.search(text, max(0, c.start - 16), c.start)
        if before is not None and st.free(before.start("u"), c.start):
            # "Unit 7, Felaw Maltings, Ipswich": a line of an address that opens with its unit
            st.taken[before.start("u") : c.start] = b"\x01" * (c.start - before.start("u"))
            c.start, c.kind = before.start("u"), "address"
            continue
        unit = _UNIT_AFTER.match(text, c.end)
        if unit is None or not st.free(c.end, unit.end()):
            continue
        head = text[c.start : c.end].rsplit(None, 1)[-1].lower()
        if head not in _VENUES or unit.group()[1:].lstrip()[:1] not in "RrUuBb":
            grow(st, c, unit.end())  # (not "Oldham Civic Centre, Room 7": a meeting's room)
    if any(ch.isdigit() for ch in text):
        _town_outward_codes(st)


_PERSON = frozenset({"person"})
# a unit, suite or flat opening a line, right before a named place on it
_UNIT_LINE_BEFORE = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?P<u>(?:Unit|UNIT|Suite|SUITE|Flat|FLAT|Block|BLOCK)[ \t]+\d{1,4}[A-Za-z]?,?)[ \t]+$"
)
_COMMA_LINE = re.compile(r",[ \t]*\r?\n[ \t]*")


def _join_wrapped_addresses(st: State) -> None:
    """Two parts of one address that a line's end parted after a comma go as one ("Flat 4,
    Sandy Lane Court,⏎Valley Road"): the comma says the address goes on."""
    text = st.text
    if ",\n" not in text and ", \n" not in text and ",\r\n" not in text:
        return
    addresses = sorted((c for c in st.cands if c.kind == "address"), key=lambda c: c.start)
    starts = {c.start: c for c in addresses}
    gone: set[int] = set()
    for c in addresses:
        if id(c) in gone:
            continue
        gap = _COMMA_LINE.match(text, c.end)
        nxt = starts.get(gap.end()) if gap is not None else None
        while gap is not None and nxt is not None and nxt is not c:
            st.drop(nxt)
            gone.add(id(nxt))
            st.grow(c, c.start, nxt.end)  # (the comma and the line's end between are taken)
            gap = _COMMA_LINE.match(text, c.end)
            nxt = starts.get(gap.end()) if gap is not None else None


_ESTATE_AFTER = re.compile(r",[ \t]*(?:[A-Z][a-z'’-]+[ \t]+){1,2}Estate(?![\w'’-])")
# a district between an address and its town or postcode: no one's name
_SUBURB_AFTER = re.compile(
    r",[ \t]*(?P<n>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)(?=,?[ \t]+(?:[A-Z]{1,2}\d{1,2}[A-Z]?[ \t]+\d[A-Z]{2}"
    r"|[A-Z][a-z]+,?[ \t]+[A-Z]{1,2}\d))"
)
# a postcode's outward code alone after an address, its town between or not, before the end of
# the clause ("…, E8.", "…, Dagenham RM10.", "…, SW8, THE HOME OF"); not a full postcode's
# start, nor a road's number ("the A1") or a form's year ("Y10")
_OUTWARD_AFTER = re.compile(
    r"(?:,?[ \t]+(?:[A-Z][A-Za-z'’-]+[ \t]+){0,2}?)?,?[ \t]*"
    r"(?P<code>(?P<area>[A-Z]{1,2})\d{1,2}[A-Z]?)(?![\w-]|[ \t]+\d[A-Z]{2}\b|\.\d"
    # an Act's section, not a postcode: "… AND ARRESTED S39 ASSAULT", "S47 enquiry"
    r"|[ \t]+(?i:assault|enquir|inquir|investigation|offence|wounding|order|medical|strategy))"
)


# an outward code alone ("HU5"): not a full postcode's start, a road's ("M62 J26") or a part
# (from its first capital, the look-behind after it: the engine skips to capitals)
_OUTWARD_ALONE = re.compile(
    r"(?P<area>[A-Z](?<![\w/.-][A-Z])[A-Z]?)\d{1,2}[A-Z]?(?![\w/-]|[ \t]+(?:\d[A-Z]{2}|J\d)\b|\.\d)"
)
# the town right before it: one or two capitalised words, then a comma or a space
_TOWN_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+)?),?[ \t]+$")


def _town_outward_codes(st: State) -> None:
    text = st.text
    places = st.lex.places
    for m in _OUTWARD_ALONE.finditer(text):
        if m.group("area") not in POSTCODE_AREAS or not st.free(m.start(), m.end()):
            continue
        town = _TOWN_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if town is None:
            continue
        keys = phrase_key(town.group(1))
        if any(keys[i:] in places or keys[i:] in more_places() for i in range(len(keys))):
            st.take(m.start(), m.end(), "postcode", "", 70, 0.85)


_STREET_END = re.compile(r"[ \t](?:Lane|Road|Street|Esplanade|Avenue|Drive|Crescent|Terrace)$")
_WORD_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][a-z]+[ \t]$")
# a house number after the words that give an address: "lives at 2 …", "moved to 14 …"
_NUMBER_AFTER_CUE = re.compile(r"(?:\bat|\bto|\baddress:?)[ \t]+(\d{1,4}[a-z]?)[ \t]+$")
# a flat written short before the address: "flt 2 61 …", "Flat 3, 9 …"
_NUMBER_WORD_BEFORE = re.compile(r"(?<![\w])(?:[Nn][Oo]\.?|[Nn]umber|NUMBER)[ \t]*$")
_FLAT_BEFORE = re.compile(
    # (the flat's number or letter, not a word: "has a flat at 12 Mill Road" keeps "flat at")
    r"(?<![\w])(?:(?:[Ff]lat|[Aa]pt|[Uu]nit|Suite|Block)\.?[ \t]+(?:\d\w{0,2}|[A-Za-z](?!\w)),?"
    r"|[Ff]lt\.?(?:[ \t]+\w{1,3},?)?)[ \t]+$"
)


def guessed_streets(st: State) -> None:
    """A name guessed for a person that ends in a street's noun (``Moon Lane`` in ``on Half
    Moon Lane``), or that follows a house number after ``at`` or ``to`` (``lives at 2 Aird
    Quellan``), is an address; the capitalised word before the first joins it."""
    text = st.text
    for c in st.cands:
        if c.kind != "person" or c.confidence >= 0.75:
            continue
        if _STREET_END.search(text, c.start, c.end):
            before = _WORD_BEFORE.search(text, max(0, c.start - 20), c.start)
            if before is not None and st.free(before.start(), c.start):
                st.taken[before.start() : c.start] = b"\x01" * (c.start - before.start())
                c.start = before.start()
            c.kind, c.ident = "address", f"address@{c.start}"
            continue
        number = _NUMBER_AFTER_CUE.search(text, max(0, c.start - 16), c.start)
        if number is not None and st.free(number.start(1), c.start):
            st.taken[number.start(1) : c.start] = b"\x01" * (c.start - number.start(1))
            c.kind, c.ident, c.start = "address", f"address@{c.start}", number.start(1)
