"""Streets named in lower case with no house number, as children and texts write them.

``the bus stop on spotland rd``, ``behind the rec on freeman st``, ``he lives off carr lane``, ``come to pann road``:
after a word of place (``on``, ``off``, ``near``, ``by``, ``along``, ``behind``, ``down``,
``up``, ``round``, ``to``, ``at``, ``of``, ``from``, ``in``), one or two words (the first may have its capital: ``on Conway street``) and
a lower-case street's word (``st``, ``rd``, ``road``,
``lane``, ``ave``…) name a street near the family. A flat or a house by its number alone
(``NEIGHBOUR (FLAT 5)``, ``the neighbour at No 86``, ``a neighbour at 44A``) is an address too. Everyday words before the street's word
are none (``the high st``, ``the main road``, ``our road``, ``a side street``). The evidence is
a pattern of writing: each is redacted below the review threshold, for the person importing
to confirm.
"""

from __future__ import annotations

import re

from moderator.anonymise.addresses_joined import SIDE_AFTER
from moderator.anonymise.cues import NUMBER_TEENS, NUMBER_TENS, NUMBER_UNITS
from moderator.anonymise.nearby import starting_with
from moderator.anonymise.state import State
from moderator.anonymise.unknown_words import unknown

_STREET_WORDS = (
    r"st|rd|road|street|lane|ln|ave|avenue|close|drive|dr|way|crescent|cres|grove|terrace|walk"
    r"|gardens|gdns|place|row|fold|view|court|mews|rise|square|parade|estate"
)
# what every match of _STREET holds (a quick look before the scan)
_STREET_GATE: tuple[str, ...] = (" st", " rd", " ln", "road", "street", "lane", "ave", "close")
_STREET_GATE += (
    "drive",
    " dr",
    "way",
    "cres",
    "grove",
    "terrace",
    "walk",
    "gardens",
    "gdns",
    "place",
    "row",
)
_STREET_GATE += ("fold", "view", "court", "mews", "rise", "square", "parade", "hill", "park")
_STREET_GATE += ("green",)
_STREET_GATE += ("estate",)
# a house's number said before the street: "at forty seven rowan walk", "at nine mill lane"
_SAID_NUMBER = (
    rf"(?:(?:(?:{NUMBER_TENS})(?:[ \t-]+(?:{NUMBER_UNITS}))?|{NUMBER_TEENS}|{NUMBER_UNITS})[ \t]+)?"
)
_NUMBER_FIRST = re.compile(_SAID_NUMBER.removesuffix("?"))
_STREET = re.compile(
    r"(?<![\w'’-])(?:(?:on|off|near|by|along|behind|down|up|round|outside|past)[ \t]+"
    r"(?P<s>(?:[Ss]t\.?[ \t]+)?(?:[A-Za-z][a-z'’-]{2,}[ \t]+)(?:[a-z][a-z'’-]{2,}[ \t]+)?(?:"
    + _STREET_WORDS
    + r"|hill|park|green))|(?:to|at|of|from|in)[ \t]+"  # (after these a park, a hill or a
    # green is a place's: "on wensley green", "off church green east"; "at the green" is not)
    r"(?P<t>"
    + _SAID_NUMBER
    + r"(?:[Ss]t\.?[ \t]+)?(?:[A-Za-z][a-z'’-]{2,}[ \t]+)(?:[a-z][a-z'’-]{2,}[ \t]+)?(?:"
    + _STREET_WORDS
    + r")))(?![\w'’-])"
)
# a road named in lower case with its short word, with no word of place before it: the
# short word says it is a street ("come uxbridge rd tmrw", "cippenham or farnham rd")
_ROAD_SHORT = re.compile(r"(?<![\w'’@.#/-])(?P<w>[a-z][a-z'’-]{2,})[ \t]+rd(?![\w'’@-])")
# a street with its capitals after a word of place, named by a street's word the street
# grammar leaves to context ("round the corner on Orchard Court", "lives off Hillside Way")
_STREET_TITLED = re.compile(
    r"(?<![\w'’-])(?:(?P<on>on)|off|along|round|down|up|in)[ \t]+"
    r"(?P<s>(?:[A-Z][a-z'’-]{2,}[ \t]+){1,2}"
    r"(?:Court|Way|Walk|Row|Rise|View|Square|Gate|Place|Fold|Brow|Mount|Vale|Range|Parade|Heights"
    r"|(?P<nook>End|Cut|Bank|Side|Top|Croft|Garth|Nook|Dene|Chare|Hollow)))(?![\w'’-])"
)
# the street's words every match of _STREET_TITLED ends with, as written (a quick look first)
_TITLED_WORDS = ("Court", "Way", "Walk", "Row", "Rise", "View", "Square", "Gate", "Place",
                 "Fold", "Brow", "Mount", "Vale", "Range", "Parade", "Heights", "End", "Cut",
                 "Bank", "Side", "Top", "Croft", "Garth", "Nook", "Dene", "Chare", "Hollow")  # fmt: skip
# the same in a police form's capitals: "FOUND AT ADDRESS ON BEACON VIEW, SHEPSHED"
_STREET_SHOUTED = re.compile(
    r"(?<![\w'’-])(?:ON|OFF|ALONG|ROUND|DOWN|UP|(?P<of>OF|FROM))[ \t]+"
    r"(?P<s>(?:[A-Z][A-Z'’-]{2,}[ \t]+){1,2}"
    r"(?:COURT|WAY|WALK|ROW|RISE|VIEW|SQUARE|GATE|PLACE|FOLD|BROW|MOUNT|VALE|RANGE|PARADE))(?![\w'’-])"
)
# (and what every match of _STREET_SHOUTED ends with)
_SHOUTED_WORDS = ("COURT", "WAY", "WALK", "ROW", "RISE", "VIEW", "SQUARE", "GATE", "PLACE",
                  "FOLD", "BROW", "MOUNT", "VALE", "RANGE", "PARADE")  # fmt: skip
# a house number and its street's name after a form's "ADDRESS": "ADDRESS 18A NORTHMEADS (FLAT
# OF …)", "Address: 4 Kingsmead, Harlow" (whatever the street's word, or none)
_ADDRESS_CUED = re.compile(
    r"(?<![\w'’-])(?:ADDRESS|Address|address)[ \t]*:?[ \t]+"
    r"(?P<a>\d{1,4}[A-Za-z]?[ \t]+[A-Z][A-Za-z'’-]{2,}(?:[ \t]+[A-Z][A-Za-z'’-]{2,})?)"
    r"(?=[ \t]*(?:[,(.;\n]|$))"
)
# a block of flats by its name and a lower-case noun: "at Mitchell Hey flats", "around
# Brunswick flats" (not "the Knutton estate": a district's name, as the older batches keep it)
_NAMED_BLOCK = re.compile(
    r"(?<![\w'’-])(?:at|in|around|near|from|outside|behind|to|on|off|the)[ \t]+"
    r"(?P<s>(?:[A-Z][a-z'’-]+[ \t]+){1,2}(?:flats|towers))(?![\w'’-])"
)
_BLOCK_GUESSES = frozenset({"person", "org"})
# a house number and a one-word street before a town: "3 Brambleside, Kettering"
_NUMBER_WORD_TOWN = re.compile(
    r"(?P<a>\d(?<![\w/.£$:-]\d)\d{0,3}[A-Za-z]?[ \t]+[A-Z][a-z]{3,})(?=,[ \t]*(?P<t>[A-Z][a-z]+))"
)
_NOT_STREETS = frozenset(
    {"crown", "family", "magistrates", "county", "high", "youth", "market", "district", "combined"}
    | {"sheriff", "supreme", "appeal", "tennis", "food", "basketball", "netball", "squash"}
    | {"coroners", "coroner's", "civil", "crown's", "royal", "high's"}
)
# "on" or "in" right before a street ("on main street"; not "on the main road")
_ON_BEFORE = re.compile(r"(?<![\w'’-])(?:on|in|off|along)[ \t]+\Z")
# words before a street's word that make it any street, not one
_EVERYDAY = frozenset(
    {"the", "a", "an", "high", "main", "our", "my", "his", "her", "their", "your", "same"}
    | {"this", "that", "side", "back", "busy", "next", "other", "long", "wrong", "right"}
    | {"dirt", "slip", "ring", "private", "quiet", "country", "one", "same", "old", "new"}
    | {"car", "skate", "theme", "play", "retail", "business", "trailer", "caravan", "ball"}
    | {"bus", "train", "taxi", "cycle", "foot", "top", "end", "far", "nearest", "local"}
    | {"half", "part", "all", "whole", "some", "any", "every", "each", "food", "sea"}
    | {"with", "and", "for", "to", "at", "in", "on", "by", "from", "of", "n"}  # "tea with st …"
    | {"council", "housing", "industrial", "big", "small", "posh", "rough", "real"}  # estates
)
_CONFIDENCE = 0.6
_GUESSES = frozenset({"person"})
# a street of one word no list knows, after a word of place: "lives on Lowesmoor", "found
# walking down Micklegate", "ON BOTCHERGATE" (the North's "-gate" streets, estates' roads)
_UNKNOWN_ON = re.compile(
    # (each word from its first letter, the look-behind after it: the engine skips to it)
    r"(?:o(?<![\w'’-]o)(?:n|ff)|a(?<![\w'’-]a)long|d(?<![\w'’-]d)own)[ \t]+"
    r"(?P<s>[A-Z][a-z]{3,})(?![\w'’&-]|[ \t]+[A-Z]|\.[A-Za-z])"
)


# a flat or a house by its number alone: "NEIGHBOUR (FLAT 5)", "the neighbour at No 86",
# "a neighbour at 44A" (a house number with a letter)
_FLAT_ALONE = re.compile(
    r"(?<![\w'’-])(?:Flat|FLAT|(?:(?<=\()|(?<=\bat )|(?<=\bin )|(?<=\bto )|(?<=\bfrom ))flat)[ \t]+"
    r"\d{1,4}[A-Za-z]?(?![\w%/-]|\.\w)"
)
_FLAT_WORDS = ("Flat", "FLAT", "flat")  # (what every match of _FLAT_ALONE starts with)
# a room by its number where the note is about a hostel, a house of rooms or a refuge: "Mrs
# Nowak in Room 11 says", "A MAN FROM ROOM 2" (not "the meeting in Room 3" of an office)
_ROOM_ALONE = re.compile(
    r"(?:(?<=\b(?:in|at|to|IN|AT|TO) )|(?<=\bfrom )|(?<=\bFROM ))(?:Room|ROOM|room)[ \t]+"
    r"\d{1,3}[A-Za-z]?(?![\w%/-]|\.\w)"
)
_ROOMS_LET = re.compile(
    r"(?i:\b(?:hostel|hmo|b&b|bed[ \t]+and[ \t]+breakfast|refuge|bedsit"
    r"|temporary[ \t]+accommodation|house[ \t]+share|shared[ \t]+house|lodgings|foyer)\b)"
)
_NUMBER_ALONE = re.compile(
    # (each word from its first letter, the look-behind after it: the engine skips to it)
    r"(?:a(?<![\w'’-]a)t|A(?<![\w'’-]A)T|f(?<![\w'’-]f)rom|F(?<![\w'’-]F)ROM|t(?<![\w'’-]t)o"
    r"|T(?<![\w'’-]T)O|o(?<![\w'’-]o)f|O(?<![\w'’-]O)F|o(?<![\w'’-]o)utside"
    r"|O(?<![\w'’-]O)UTSIDE|o(?<![\w'’-]o)pposite|O(?<![\w'’-]O)PPOSITE)[ \t]+"
    r"(?P<n>(?:No|NO|no(?=\.|[ \t]*\d)|Number|number)\.?[ \t]*\d{1,4}[A-Za-z]?|\d{1,4}[A-H])"
    r"(?![\w%/-]|\.\w)(?![ \t]+(?i:bus|route|service|on|in|of))"
)


# a family's plot, pitch or bay on a site by its number: "lives on Plot 4", "OF PLOT 3,",
# "(PLOT 2)", "– BAY 3 SAME SITE", "evicted from plot 4, Park Hall Yard"
_PLOT = re.compile(
    r"(?:(?<=\b(?:on|at|of|to|in|ON|AT|OF|TO|IN) )|(?<=\bfrom )|(?<=\bFROM )|(?<=[(–-] )"
    r"|(?<=\())(?:PLOT|Plot|plot|PITCH|Pitch|pitch|BAY|Bay)[ \t]+\d{1,3}[A-Za-z]?(?![\w/%-]|\.\d)"
)
# (the words every match of _PLOT starts with, where it is tried)
_PLOT_WORDS = ("PLOT", "Plot", "plot", "PITCH", "Pitch", "pitch", "BAY", "Bay")
# a neighbour's house by its number after their name, in brackets: "(Mrs Ainsworth, number 14)",
# "MR KEVIN TAYLOR (NO 25)", "(Mr Len Cammish, flat 3)", "Mrs Pam Tuttle (Room 2)"
_NUMBER_AFTER_NAME = re.compile(
    r"(?:,[ \t]+|[ \t]*\([ \t]*)(?P<n>(?:Number|number|NUMBER|No\.?|no\.?|NO\.?|[Ff]lat|FLAT|[Rr]oom|ROOM)"
    r"[ \t]*\d{1,4}[A-Za-z]?)(?=[ \t]*\))"
)


# a street of the North named by its "gate" (a way, in Old Norse), in lower case after a word
# of place: "a flat on botchergate", "meet me on kirkgate", "grandma on appletongate"
_GATE_STREET = re.compile(
    r"(?<![\w'’-])(?:on|off|along|round|down|up|near|by|to|at|from|in)[ \t]+"
    r"(?P<s>[a-z]{3,}gate)(?![\w'’@-])"
)


def _named(st: State, word: str) -> bool:
    """Whether a lower-case word before a street's word names it: a place, or no word."""
    return word not in _EVERYDAY and ((word,) in st.lex.places or unknown(word.title(), st.lex))


def find_lower_streets(st: State) -> None:
    """Redact streets named in lower case after a word of place (see the module)."""
    text = st.text
    streets = any(w in text for w in _STREET_GATE)
    for m in _STREET.finditer(text) if streets else ():  # (quick: no street's word at all)
        group = "s" if m.group("s") else "t"
        start, end = m.span(group)
        number = _NUMBER_FIRST.match(text, start, end) if group == "t" else None
        words = text[number.end() if number else start : end].split()  # (the street's words)
        if number is not None and (len(words) < 2 or any(w in st.lex.common for w in words[:-1])):
            continue  # "said to one more road": a number and everyday words, no house
        if number is None and len(words) == 3 and words[0] == "the" and _named(st, words[1]):
            words, start = words[1:], start + 4  # "on the bath road": a road named by a place
        if len(words) == 3 and words[1] == "high" and _named(st, words[0]):
            words = [words[0], "st"]  # "on ashby high st": a town's high street (the key)
        elif (
            len(words) == 2
            and words[0] == "main"
            and _ON_BEFORE.search(text, max(0, start - 8), start) is not None
        ):
            pass  # "works on main street": a town's own street ("the main road" is any road)
        elif any(w.strip(".") in _EVERYDAY for w in words[:-1]) or words[0].lower() in _NOT_STREETS:
            continue  # "the high st"; "to youth court", "at crown court": a court
        if words[-1] == "green" and not any(_named(st, w.lower()) for w in words[:-1]):
            continue  # "on about being green", "on bottle green paint": the colour
        side = SIDE_AFTER.match(text, end)  # ("cowbridge road east")
        if side is not None and st.free(end, side.end()):
            end = side.end()
        st.give_way(start, end, _GUESSES, 61)  # "freeman st": the street, not a person
        if st.free(start, end):
            st.take(start, end, "address", "street:" + " ".join(words), 45, _CONFIDENCE)
    for m in _ROAD_SHORT.finditer(text) if " rd" in text else ():  # "come uxbridge rd tmrw"
        word = m.group("w")
        if word.lower() in _EVERYDAY or word.lower() in _NOT_STREETS or not _named(st, word):
            continue  # "the main rd", "the ring rd": any town's road
        st.give_way(m.start(), m.end(), _GUESSES, 61)
        if st.free(m.start(), m.end()):
            st.take(m.start(), m.end(), "address", "street:" + word + " rd", 45, _CONFIDENCE)
    titled = any(w in text for w in _TITLED_WORDS)
    for m in _STREET_TITLED.finditer(text) if titled else ():  # (quick: no such word)
        words = m.group("s").split()
        keys = [w.lower() for w in words[:-1]]
        if keys[0] in _NOT_STREETS or all(k in st.lex.protected_words for k in keys):
            continue  # "on Crown Court day", "on Market Place"
        if m.group("nook") and not m.group("on"):
            continue  # "lives on Green End", not "walked along Dogger Bank"
        start, end = m.span("s")
        st.give_way(start, end, _GUESSES, 61)
        if st.free(start, end):
            st.take(start, end, "address", "street:" + " ".join(words).lower(), 45, _CONFIDENCE)
    for m in _GATE_STREET.finditer(text) if "gate" in text else ():
        word = m.group("s")
        if (word,) in st.lex.places or not unknown(word.title(), st.lex):
            continue  # "to margate", "to investigate": a town, a word
        start, end = m.span("s")
        st.give_way(start, end, _GUESSES, 61)
        if st.free(start, end):
            st.take(start, end, "address", "street:" + word, 45, _CONFIDENCE)
    shouted = "ON " in text or "OFF " in text or "OF " in text or "FROM " in text
    shouted = shouted and any(w in text for w in _SHOUTED_WORDS)
    for m in _STREET_SHOUTED.finditer(text) if shouted else ():
        keys = [w.lower() for w in m.group("s").split()[:-1]]
        if keys[0] in _NOT_STREETS or all(k in st.lex.protected_words for k in keys):
            continue  # "ON CROWN COURT DAY", "ON MARKET PLACE"
        if m.group("of") and any(k in st.lex.words or k in st.lex.common for k in keys):
            continue  # "(15) OF RAVENDALE COURT", not "OF THE COURT", "FROM MAGISTRATES COURT"
        start, end = m.span("s")
        st.give_way(start, end, _BLOCK_GUESSES, 61)
        if st.free(start, end):
            st.take(start, end, "address", "street:" + " ".join(keys), 45, _CONFIDENCE)
    for m in _ADDRESS_CUED.finditer(text) if "ddress" in text or "DDRESS" in text else ():
        start, end = m.span("a")
        st.give_way(start, end, _BLOCK_GUESSES, 61)
        if st.free(start, end):
            st.take(start, end, "address", "street:" + m.group("a").lower(), 45, 0.75)
    for m in (
        _NAMED_BLOCK.finditer(text)
        if ("flats" in text or "estate" in text or "towers" in text)
        else ()
    ):
        start, end = m.span("s")
        keys = [w.lower() for w in m.group("s").split()[:-1]]
        if all(k in st.lex.protected_words or k in st.lex.common for k in keys):
            continue  # "the Council estate", "the new flats"
        st.give_way(start, end, _BLOCK_GUESSES, 61)
        if st.free(start, end):
            st.take(start, end, "address", "block:" + " ".join(keys), 45, _CONFIDENCE)
    for m in _UNKNOWN_ON.finditer(text):
        word = m.group("s")
        key = word.lower()
        if key in st.lex.given or key in st.lex.surnames or not unknown(word.title(), st.lex):
            continue  # "on Snapchat", "on Medikinet", "sat on Ayaan": a word or a name
        if st.free(*m.span("s")):
            st.take(m.start("s"), m.end("s"), "address", "street:" + key, 45, _CONFIDENCE)
    for m in _NUMBER_WORD_TOWN.finditer(text):
        word = m.group("a").split()[-1].lower()
        if (m.group("t").lower(),) not in st.lex.places or word in st.lex.words:
            continue  # "12 March, Leeds", "3 Pupils, Hanley": no street
        if word in st.lex.common or word in st.lex.protected_words or (word,) in st.lex.places:
            continue
        if st.free(*m.span("a")):
            st.take(m.start("a"), m.end("a"), "address", "street:" + word, 45, _CONFIDENCE)
    if "lat " in text or "LAT " in text:  # ("flat 8" in lower case in brackets or after at/in)
        for m in starting_with(_FLAT_ALONE, text, _FLAT_WORDS):  # (tried only where they are)
            if st.free(*m.span()):
                end = _building_after(st, m.end())
                st.take(m.start(), end, "address", "flat:" + m.group().split()[-1], 45, 0.75)
    if ("oom " in text or "OOM " in text) and _ROOMS_LET.search(text):
        for m in _ROOM_ALONE.finditer(text):
            if st.free(*m.span()):
                st.take(m.start(), m.end(), "address", "room:" + m.group().split()[-1], 45, 0.7)
    if "lot " in text or "LOT " in text or "itch " in text or "ITCH " in text or "ay " in text:
        _plots(st)
    for m in _NUMBER_ALONE.finditer(text):
        if st.free(*m.span("n")):
            st.take(m.start("n"), m.end("n"), "address", "house:" + m.group("n"), 45, 0.75)
    _numbered_people(st)
    _units_again(st)
    if (
        "umber" in text
        or "UMBER" in text
        or "o." in text
        or "o " in text
        or "O " in text
        or ("lat " in text or "LAT " in text or "oom " in text or "OOM " in text)
    ):
        ends = {c.end for c in st.cands if c.kind in ("person", "professional", "family")}
        # (a match is taken only where a name ends, and ends with a bracket: else none is)
        for m in _NUMBER_AFTER_NAME.finditer(text) if ends and ")" in text else ():
            if m.start() in ends and st.free(*m.span("n")):
                st.take(m.start("n"), m.end("n"), "address", "house:" + m.group("n"), 45, 0.75)


# the flat, room, plot or unit an address found opens with: "Plot 6, Cuckoo Lane Traveller Site"
_UNIT_OPENING = re.compile(
    r"(?i:flat|room|plot|pitch|unit|apartment|apt)\.?[ \t]*\d{1,4}[A-Za-z]?\b"
)


def _units_again(st: State) -> None:
    """The unit an address found opens with, named again alone: the same home ("police
    attended Plot 6", "a neighbour, Mrs Pam Tuttle (Room 2)" where "Room 2, 14 … Road" is the
    record's)."""
    text = st.text
    units = set()
    for c in st.cands:
        m = _UNIT_OPENING.match(text, c.start, c.end) if c.kind == "address" else None
        if m is not None and m.end() < c.end:  # (the whole address, not the unit alone)
            units.add(" ".join(m.group().split()))
    for unit in units:
        word, number = unit.split()[0], unit.split()[-1]
        pattern = re.compile(
            rf"(?<![\w'’-])(?i:{re.escape(word)})[ \t]*{re.escape(number)}(?![\w/%-]|\.\d)"
        )
        for m in pattern.finditer(text):
            if st.free(*m.span()):
                st.take(m.start(), m.end(), "address", "unit:" + unit.lower(), 45, 0.7)


def _plots(st: State) -> None:
    """A plot, pitch or bay by its number (see ``_PLOT``), or its word before an address a
    layer took from the number ("plot [4, Park Hall Yard]")."""
    text = st.text
    for m in starting_with(_PLOT, text, _PLOT_WORDS):
        word_end = m.start() + len(m.group().split()[0])
        number = m.end() - len(m.group().split()[-1])
        c = next((c for c in st.cands if c.start == number and c.kind == "address"), None)
        if c is not None and st.free(m.start(), word_end):
            st.grow(c, m.start(), c.end)
        elif st.free(*m.span()):
            st.take(m.start(), m.end(), "address", "plot:" + m.group().lower(), 45, 0.75)


_NUMBERED_AFTER = re.compile(r",[ \t]+\d{1,4}[A-Za-z]?[ \t]+")
# a house number before words a layer read as a person's name, a town or a postcode after:
# "3 Oak Furrow, Tiptree", "5 Peregrine Drift, Springfield, CM1 7FZ" (a street's word no
# list holds); a person's name never follows a house number and comes before a town
_NUMBER_BEFORE = re.compile(r"(?<![\w/.£$:-])\d{1,4}[A-Za-z]?[ \t]+$")
_PLACE_AFTER = re.compile(r",[ \t]*(?:[A-Z][a-z]{2,}|[A-Z]{1,2}\d)")
_BEFORE_NUMBER = re.compile(r"(?:^|[,:(\n]|\b(?:at|to|in|of|from|At))[ \t]*$")


def _numbered_people(st: State) -> None:
    """Read a person's name with a house number before it and a town after as a street."""
    text = st.text
    for c in [c for c in st.cands if c.kind == "person"]:
        number = _NUMBER_BEFORE.search(text, max(0, c.start - 7), c.start)
        if number is None or not _PLACE_AFTER.match(text, c.end):
            continue
        if not 2 <= len(text[c.start : c.end].split()) <= 3 or "\n" in text[c.start : c.end]:
            continue
        if not _BEFORE_NUMBER.search(text, max(0, number.start() - 6), number.start()):
            continue  # "Year 3 Amy Lee, Hillside": a class, no house number
        if c.ident.startswith(("child", "family")) or not st.free(number.start(), c.start):
            continue
        st.cands.remove(c)
        st.take(
            number.start(), c.end, "address", "street:" + text[c.start : c.end].lower(), 45, 0.6
        )


_COMMA_AFTER = re.compile(r",[ \t]*")
# the last words of a block of flats' name
_BLOCKS = frozenset(
    {"Lofts", "Apartments", "Heights", "Tower", "Towers", "Mansions", "Buildings", "Quay"}
    | {"Wharf", "House", "Court", "Lodge", "Point"}
)


def _building_after(st: State, end: int) -> int:
    """Where a flat's address ends: with the numbered building a comma after it, where a
    layer read the building as an organisation or a person ("Flat 2, 9 Purley Centre")."""
    m = _NUMBERED_AFTER.match(st.text, end)
    if m is None:  # "Flat 18, Harrington Lofts": a named block, read as a person's name
        m = _COMMA_AFTER.match(st.text, end)
    elif not st.free(end, m.end()):
        return end
    at = m.end() if m is not None else -1
    nxt = next((c for c in st.cands if c.start == at and c.kind in ("org", "person")), None)
    if nxt is None:
        return end
    block = st.text[nxt.start : nxt.end].split()[-1:]
    if m is not None and m.re is _COMMA_AFTER and not _BLOCKS.intersection(block):
        return end  # (after a comma alone, only a block's name: "Flat 2, Jo Smith said")
    st.cands.remove(nxt)
    st.taken[nxt.start : nxt.end] = bytes(nxt.end - nxt.start)
    return nxt.end
