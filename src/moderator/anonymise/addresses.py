"""Addresses written without a house number before a street, found by their grammar.

Beside the numbered addresses of :mod:`.layer_patterns` (``Flat 3, 45 Station Road``):

* a flat, unit, room or pitch in a named building or site (``Flat 11, Sovereign Quay``,
  ``Pitch 2, Ryehill Site``, ``Unit 4, Pennyroyal Works``);
* a house name, with the street after it (``Rose Cottage, Mill Lane``, ``Tŷ Newydd, Lôn
  Bryncelyn``, ``The Old Forge``), and a Welsh street named after its noun (``Heol y Felin``);
* a street after the words that say someone lives there (``lives on Sutton Valence Rise``),
  in lower case too (``her house on allerton grange way``).

The town written after an address is left, as for numbered addresses.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from moderator.anonymise.lexicon import lower_same_length, phrase_key
from moderator.anonymise.nearby import for_text
from moderator.anonymise.patterns import CAPWORD, STREET_TYPES, near_spans
from moderator.anonymise.state import State

Add = Callable[[int, int, str, str, int], None]

_BUILDING = rf"(?:{STREET_TYPES}|House|Lodge|Point|Block|Estate|Centre)"
PREFIXED_RE = re.compile(
    r"(?<![\w])(?:Flat|Apartment|Apt|Unit|Room|Pitch|Plot|Caravan|Chalet|Static|Bungalow|Maisonette|Annexe)\s+(?:\d{1,4}|[A-Z])"
    r"[A-Za-z]?(?:/\d+)?,?\s+"
    rf"(?:{CAPWORD}\s+){{0,3}}{_BUILDING}(?:\s+B&B)?(?![\w])"
)
_WELSH_STREET = r"(?:Lôn|Heol|Ffordd|Stryd|Rhes)\s+(?:[Yy]\s+)?[A-Z][\w'’-]+"
_STREET = rf"(?:(?:{CAPWORD}\s+){{1,3}}(?:{STREET_TYPES})|{_WELSH_STREET})(?![\w])"
# residential nouns only: "Hill Farm" or "Meadow House" may be a business or a service
HOUSE_RE = re.compile(
    rf"(?<![\w])(?:(?:The\s+)?(?:{CAPWORD}\s+){{1,2}}(?:Cottages?|Farmhouse|Bungalow|Forge)"
    r"|Tŷ\s+[A-Z][\w'’-]+)"
    rf"(?:,?\s+{_STREET})?(?![\w])"
)
WELSH_STREET_RE = re.compile(rf"(?<![\w]){_WELSH_STREET}(?![\w])")
_LIVES = (
    r"(?:lives?|living|lived|moved|moving|staying|stays|house|home|flat|address|arrived"
    r"|placed|bailed|housed|accommodated|placement|residential|respite)"
)
# (also a building of flats or rooms: "moved to c/o Sheepshanks Court", "c/o Umpleby House")
LIVES_ON_RE = re.compile(
    rf"(?:\b{_LIVES}\s+(?:(?:on|at|in|to)\s+)?(?:c/o\s+)?|c/o\s+)"
    rf"(?P<s>(?:{CAPWORD}\s+){{1,3}}(?:{STREET_TYPES}|House|Lodge|Hall|Villas))(?![\w])"
)
_LOWER_TYPES = (
    "road|street|way|lane|avenue|close|crescent|drive|grove|rise|gardens|terrace|court|place"
)
LIVES_ON_LOWER_RE = re.compile(
    rf"\b{_LIVES}\s+(?:on|at|in)\s+(?P<s>(?:[a-z]+\s+){{1,3}}(?:{_LOWER_TYPES}))\b"
)
# a street abroad or in the Channel Islands, named by its noun first: "12 Rue des Frères",
# "7 Clos de Gouray", "ul. Ogrodowa 14"; the house number makes it an address
_ABROAD_NOUNS = r"(?:Rue|Clos|Route|Chemin|Impasse|Ruelle|Rua|Calle|Via|Strada|Ulica)"
ABROAD_RE = re.compile(
    rf"(?<![\w])(?:\d{{1,4}}[a-z]?,?\s+{_ABROAD_NOUNS}\s+(?:(?:de|des|du|de\s+la|d'|da|do|dos|das|di|del|della)\s*)?"
    r"[A-Z][\w'’-]+|ul\.\s+[A-Z][\w'’-]+\s+\d{1,4}[a-z]?)(?![\w])"
)
_ABROAD: tuple[str, ...] = ("Rue ", "Clos ", "Route ", "Chemin ", "Impasse ", "Ruelle ", "Rua ")
_ABROAD += ("Calle ", "Via ", "Strada ", "Ulica ", "ul. ")
_BOX_OR_NUMBER = re.compile(
    r"(?:\b(?:at|from|to|of)[ \t]+(?=[Nn]o\.))?"
    r"(?P<a>\b(?i:P\.?[ \t]?O\.?[ \t]*Box)[ \t]*\d{1,6}\b"
    r"|\bDX[ \t]*\d{3,6}\b(?![/.-]\d)"  # a firm's document exchange box: "DX 16304 Kidderminster"
    r"|(?<=(?i:at|om|to|of) )[Nn][Oo]\.[ \t]*\d{1,4}[a-z]?(?![\w/.-]))"
)
_PREFIXES: tuple[str, ...] = (
    "Flat",
    "Apartment",
    "Apt",
    "Unit",
    "Room",
    "Pitch",
    "Plot",
    "Caravan",
    "Bungalow",
    "Maisonette",
    "Annexe",
)
_PREFIXES += ("Chalet", "Static", "Tŷ")
# a plot, pitch or caravan of a site, by its number alone after "on", "in" or "at"
_SITE_PREFIXES = ("Plot", "Pitch", "Caravan", "Chalet", "Static")
_ON_A_SITE = re.compile(
    r"\b(?:on|in|at|to|from|On|In|At)[ \t]+(?P<a>(?:Plot|Pitch|Caravan|Chalet|Static)[ \t]+\d{1,3}"
    r"[A-Za-z]?)(?![\w/.-])"
)
_WELSH = ("Lôn", "Heol", "Ffordd", "Stryd", "Rhes")
_HOUSES = ("Cottage", "Farmhouse", "Bungalow", "Forge")
_CUES: tuple[str, ...] = ("live", "living", "moved", "moving", "stay", "house", "home", "flat")
_CUES += ("address", "c/o", "arrived", "placed", "bailed", "housed", "accommodated")
_CUES += ("placement", "residential", "respite")  # "in residential at Oakfield House"


def _at(text: str, words: tuple[str, ...]) -> list[int]:
    """Where each of ``words`` starts in ``text`` (str.find: far quicker than a regex scan)."""
    out = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            out.append(at)
            at = text.find(word, at + 1)
    return sorted(out)


def find_unnumbered_addresses(st: State, text: str, add: Add) -> None:
    """Add addresses without a house number before the street (``text`` is the note, its
    lines in capitals written in title case so that the grammar reads them)."""
    found: list[tuple[re.Match[str] | None, int]] = []
    # a flat in a named building outranks the building's own name ("Ashdown Lodge")
    found += [(PREFIXED_RE.match(text, at), 72) for at in _at(text, _PREFIXES)]
    found += [(HOUSE_RE.match(text, at), 69) for at in _at(text, ("Tŷ",))]
    houses = [(at, at + 6) for at in _at(text, _HOUSES)]
    house_re = for_text(HOUSE_RE, text)  # its twin on an ASCII note: quicker classes
    found += [(m, 69) for m in near_spans(house_re, houses, text, 40, 60)] if houses else []
    found += [(WELSH_STREET_RE.match(text, at), 69) for at in _at(text, _WELSH)]
    for at in _at(text, _SITE_PREFIXES):  # "lives on Plot 8", "in Caravan 22": a site's own
        m = _ON_A_SITE.search(text, max(0, at - 6), at + 14)
        if m is not None and m.start("a") == at:
            found.append((m, 68))
    for m, rank in found:
        if m is not None:
            end = m.end("a") if m.re is _ON_A_SITE else None
            start = m.start("a") if m.re is _ON_A_SITE else m.start()
            if end is None:
                end = _village(st, text, m) if m.re is HOUSE_RE or m.re is house_re else m.end()
            add(start, end, "address", _ident(text[start:end]), rank)
    if "flat " in text:
        find_lower_flats(st, add)
    find_lower_streets(st, add)
    # a post office box or a document exchange's, and a house of the same street by its number
    # ("neighbour at no. 14")
    for at in _at(text, ("Box", "BOX", "no.", "No.", "NO.", "DX")):
        m = _BOX_OR_NUMBER.search(text, max(0, at - 14), at + 12)
        if m is not None and m.start() <= at < m.end():
            add(m.start("a"), m.end("a"), "address", _ident(m.group("a")), 66)
    for at in _at(text, _ABROAD):  # the house number is before the noun: look a little back
        m = ABROAD_RE.search(text, max(0, at - 7), at + 80)
        if m is not None and m.start() <= at:
            add(m.start(), m.end(), "address", _ident(m.group()), 69)
    lex = st.lex
    for at in _at(lower_same_length(text), _CUES):
        m = LIVES_ON_RE.match(text, at)
        if m is not None:
            words = phrase_key(m.group("s"))
            if not all(w in lex.common or w in lex.protected_words for w in words[:-1]):
                add(m.start("s"), m.end("s"), "address", _ident(m.group("s")), 66)
            continue
        m = LIVES_ON_LOWER_RE.match(text, at)
        if m is not None:
            words = phrase_key(m.group("s"))
            if words[0] not in lex.words and words[0] not in lex.protected_words:
                add(m.start("s"), m.end("s"), "address", _ident(m.group("s")), 60)


# "flat 9 tetlow court lower earley", "flat 1/l 8 lossie wynd close": an address in lower
# case, from its flat to where the phrase ends (a quote, a stop, a comma, a line's end)
LOWER_FLAT_RE = re.compile(
    r"(?<![\w])flat[ \t]+(?:\d{1,4}[a-z]?|[a-z]\d?)(?:/[a-z0-9]{1,2})?,?"
    r"(?P<w>(?:[ \t]+[a-z0-9]+(?:['’-][a-z]+)?){2,8}?)(?=[ \t]*(?:[\"”'’.,;:)\n|]|$)|[ \t]+(?:[A-Z]{1,2}\d|as[ \t]))"
)
# words an address in lower case does not hold: a sentence's ("… the flat 3 times a week")
_NOT_ADDRESS = frozenset(
    {"the", "a", "an", "to", "and", "with", "for", "in", "on", "at", "was", "is", "he", "she"}
    | {"his", "her", "they", "their", "times", "weeks", "days", "months", "years", "ago", "i"}
    | {"of", "but", "or", "it", "we", "you", "has", "had", "have", "been", "from", "when"}
)


def find_lower_flats(st: State, add: Add) -> None:
    """Addresses in lower case that start with their flat ("flat 6 lipson vale house")."""
    text = st.text
    at = text.find("flat ")
    while at >= 0:
        m = LOWER_FLAT_RE.match(text, at)
        at = text.find("flat ", at + 5)
        if m is None:
            continue
        words = m.group("w").split()
        lex = st.lex
        if _NOT_ADDRESS.intersection(words) or all(w.isdigit() or w in lex.words for w in words):
            continue
        add(m.start(), m.end(), "address", _ident(m.group()), 66)


# "14 pann road", "31 pow st", "6 pottersgate wynd": a house number and a street in lower case
# (from the street's word, looked for first: few notes have one in lower case)
_LOWER_STREET_WORDS = (" road", " rd", " street", " st", " lane", " ln", " avenue", " ave",
                       " close", " crescent", " cres", " grove", " gardens", " gdns", " terrace",
                       " wynd", " mews", " drive", " court", " ct", " av", " way", " walk",
                       " place", " row", " view", " top", " brow", " croft", " causeway",
                       " vale", " rise", " fold", " hey", " fields", " green")  # fmt: skip
_LOWER_STREET_WORD_RE = re.compile(
    " (?:" + "|".join(w[1:] for w in _LOWER_STREET_WORDS) + r")(?![\w'’-])"
)
LOWER_STREET_RE = re.compile(
    r"(?:\d{1,2}/\d{1,2}[ \t]+)?(?P<n>\d{1,4}[a-z]?),?[ \t]+(?P<w>(?:[a-z][a-z'’-]+[ \t]+){1,3}?)"
    r"(?P<t>road|rd|street|st|lane|ln|avenue|ave|close|crescent|cres|grove|gardens|gdns"
    r"|terrace|wynd|mews|drive|court|ct|av|way|walk|place|row|view|top|brow|croft|causeway"
    r"|vale|rise|fold|hey|fields|green)"
    r"(?![\w'’-])"
)
# words a number's phrase holds when it counts something ("3 more times down the lane")
_COUNTED = frozenset(
    {"miles", "mile", "times", "minutes", "mins", "hours", "days", "weeks", "months", "years",
     "kids", "children", "people", "doors", "houses", "more", "other", "down", "up", "along",
     "off", "near", "past", "by", "into", "onto", "towards", "across", "round", "around",
     "min", "km", "metre", "metres", "foot", "feet", "step", "steps", "second", "seconds",
     "pound", "quid", "hour", "day", "week", "month", "year", "one", "two", "lane", "bus",
     # hours and other units written short: "free 30 hrs place", "10 secs walk"
     "hrs", "hr", "secs", "sec", "wks", "wk", "yrs", "yr", "mths", "mth", "mos"}
)  # fmt: skip


_YEAR_BEFORE = re.compile(r"(?i:year|yr|y|class|set|group)[ \t]*\Z")
_SCHOOL_AFTER = re.compile(r"[ \t]+(?i:academy|school|primary|college|high|juniors|infants)\b")
# "my mate's on 23 fox st", "come to mine 31 bank top": where someone lives, said
_AT_HOME = re.compile(r"(?:\bon|\bat|\bto|\bmine|\bfrom|\bis|\blives|\blive|:)[ \t]+$")


def find_lower_streets(st: State, add: Add) -> None:
    """Addresses in lower case with a house number ("come to 14 pann road")."""
    text = st.text
    lex = st.lex
    for word in _LOWER_STREET_WORD_RE.finditer(text):  # the street words that end a word
        at, after = word.span()
        if not any(ch.isdigit() for ch in text[max(0, at - 40) : at]):
            continue  # no house number before it
        m = next(  # the street that ends at this word (not an earlier one in the window)
            (
                s
                for s in LOWER_STREET_RE.finditer(text, max(0, at - 40), after + 1)
                if s.end() == after
            ),
            None,
        )
        if m is None or (
            m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "/.:£-")
        ):
            continue  # (inside a number or a reference)
        words = m.group("w").split()
        if _NOT_ADDRESS.intersection(words) or _COUNTED.intersection(words):
            continue
        if _YEAR_BEFORE.search(text, max(0, m.start() - 8), m.start()) or _SCHOOL_AFTER.match(
            text, m.end()
        ):
            continue  # "year 8 beaumont fields academy": a year group and a school
        short = m.group("t") in ("st", "ln", "ave", "cres", "gdns", "mews", "ct", "av", "way")
        short = short or m.group("t") in ("walk", "row", "view", "top", "place", "rise", "fold")
        short = short or m.group("t") in ("hey", "fields", "green")  # ("2 playing fields")
        if (
            short
            and all(w in lex.words for w in words)
            and not _AT_HOME.search(text, max(0, m.start() - 12), m.start())
        ):
            continue  # "2 pow st", "10 min walk": a short street word needs a name or a cue
        add(m.start(), m.end(), "address", _ident(m.group()), 64)


def widen_lower_flats(st: State) -> None:
    """An address taken shorter than its lower-case form (the record's own address matched
    in part: "flat 1b hardwick granaries"): the rest of its words join it."""
    text = st.text
    for c in st.cands:
        if c.kind == "address" and text.startswith("flat ", c.start):
            m = LOWER_FLAT_RE.match(text, c.start)
            if m is not None and m.end() > c.end and st.free(c.end, m.end()):
                st.taken[c.end : m.end()] = b"\x01" * (m.end() - c.end)
                c.end = m.end()


_VILLAGE = re.compile(r",[ \t]+([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?![\w'’-])")


def _village(st: State, text: str, m: re.Match[str]) -> int:
    """A house name with no street is found by its village: "Orchard Cottage, Bosbury"."""
    if "," in m.group():
        return m.end()  # "Rose Cottage, Mill Lane": the street places it; a town after stays
    v = _VILLAGE.match(text, m.end())
    if v is None:
        return m.end()
    words = phrase_key(v.group(1))
    lex = st.lex
    if words in lex.places or (words[0],) in lex.places:
        return v.end()
    if any(w in lex.words or w in lex.given or w in lex.surnames for w in words):
        return m.end()  # "Ivy Cottage, Mum says…": not a place
    return v.end()


def _ident(address: str) -> str:
    return " ".join(phrase_key(address))
