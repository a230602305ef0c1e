"""What joins the pieces of an organisation's or address's name found by separate layers.

An organisation is often written with its branch or street ("Bethel Prayer Ministry, Rye
Lane", "Little Puffins Day Nursery, Ladybrook"), its second noun ("Barton Fields Nursery &
Pre-School", "Brixton Base Youth Hub") or a saint's possessive ("St Columba's Church"). The
layers find the pieces (an organisation, then an address; a person's name, then nothing);
left apart, the comma between them and the words they did not reach remain. Here:

* an organisation or school and what follows it after a comma (an address, another
  organisation, or a place no list knows that ends the phrase) become one redaction, as do
  two parts of one address ("Blackthorn Barn, Quernmore Road"); a town the gazetteer knows
  after the comma stays (``Seagull Youth Project, Great Yarmouth``: alone, the town
  identifies no one, and issue #14 counts it swallowed as damage);
* an organisation takes the organisation nouns written after it ("& Pre-School", "Youth
  Hub", "Club");
* a house's name before its street is part of the address, even where taken for a person's;
* a name taken for a person's that is followed by "'s Church" (or another organisation
  noun) is the organisation's name.
"""

from __future__ import annotations

import re
from operator import attrgetter

from moderator.anonymise.addresses_joined import join_address_edges
from moderator.anonymise.alternation import by_first_letter
from moderator.anonymise.cues import HONORIFICS
from moderator.anonymise.layer_orgs import ORG_RE
from moderator.anonymise.lexicon import more_places, phrase_key, word_key
from moderator.anonymise.names_around import opens_sentence
from moderator.anonymise.orgs_at import join_groups_at_venues
from moderator.anonymise.orgs_edges import join_edges
from moderator.anonymise.orgs_nouns import ORG_NOUN
from moderator.anonymise.orgs_placed import (
    place_guessed_names,
    street_named,
    widen_guessed_names,
)
from moderator.anonymise.state import Cand, State

_PLACES = frozenset({"org", "school", "gp_practice"})
_JOINABLE = frozenset(
    {"org", "school", "gp_practice", "address", "postcode", "person", "professional", "worker"}
)
_NAMES = frozenset({"person", "professional", "worker"})
# a place's town after a comma, taken for someone's surname: "… Medical Centre, Holbeach with",
# "… Hotel, La Quellente at the time"
_TOWN_WORD_AFTER = re.compile(
    r"[ \t]*,[ \t]*(?:(?:La|Le|Les|St)[ \t]+)?[A-Z][\w'’-]+(?=[ \t]*(?:[.;:,)\n&]|$|[a-z]|[-–]))"
)
_AND = re.compile(r"[ \t]+&[ \t]+")
_AND_WORD = re.compile(r"[ \t]+(?:&|and)[ \t]+")
_AFTER_PLACE = frozenset({"address", "org", "school", "postcode"})
_COMMA = re.compile(r"[ \t]*,[ \t]*")
_HEAD = (
    r"(?:Church|Chapel|Mosque|Masjid|Gurdwara|Mandir|Temple|Club|Centre|Center|Hub|Group"
    r"|Association|Network|Nursery|Pre-?[Ss]chool|Academy|Primary|School|Mass|Assembly"
    r"|Sixth[ \t]+Form|Hall|Choir|Orchestra|Scouts|Brownies|Guides|Cubs|Beavers|Rainbows"
    r"|Mission|Fellowship)"
)
_MORE_NOUNS = re.compile(
    rf"(?:[ \t]*&[ \t]+[A-Z][\w'’-]*(?:[ \t]+{_HEAD})?|[ \t]+(?:Youth[ \t]+)?{_HEAD})(?![\w])"
)
_NOUN_STARTS = frozenset("&CMGTHANPSYOBRF")  # what _MORE_NOUNS can start with, after its spaces
_POSSESSIVE_NOUN = re.compile(rf"['’]s[ \t]+(?:[A-Z][\w'’-]*[ \t]+)?{_HEAD}(?![\w])")
# a town or street after a comma, ending the phrase: "…Church, Luton, elders aware",
# "…Church, Oke-Iye Parish, Netherton - Pastor", "Kurdistan Barbers, Penny Street."
_TOWN_AFTER = re.compile(
    r"[ \t]*,[ \t]*([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)(?=[ \t]*(?:[.;:,)\n]|$|[ \t][-–]))"
)
_STREET_WORD = re.compile(
    r"[ \t](?:Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Drive|Way|Close|Crescent|Terrace|Parade)$"
)
_START = attrgetter("start")
# a word the organisation grammar leaves out as describing, inside the name: "New", "1st"
_LEADING = re.compile(
    r"(?<![\w'’-])(?:New|Old|Holy|Royal|Great|Little|Red|\d{1,2}(?:st|nd|rd|th))[ \t]+$"
)


_ENDS_IN_NOUN = re.compile(rf"(?:{_HEAD}|Supermarket|Chicken|Barbers|Shop|Cars|Wash)$")
# a house's name before its street: "Blackthorn Barn, Quernmore Road", "The Old Dairy, …"
_HOUSE_BEFORE = re.compile(
    r"(?<![\w'’-])(?:(?:[A-Z][\w'’-]+[ \t]+){1,2}(?:Barn|Farm|Cottage|House|Lodge|Hall|Mill|Villa"
    r"|Grange|Manor|Bungalow|Farmhouse)|The[ \t]+Old[ \t]+[A-Z][\w'’-]+)[ \t]*,[ \t]*$"
)


def _house_names(st: State) -> None:
    text = st.text
    for c in [c for c in st.cands if c.kind == "address"]:
        if "," not in text[max(0, c.start - 3) : c.start]:
            continue
        m = _HOUSE_BEFORE.search(text, max(0, c.start - 48), c.start)
        if m is None:
            continue
        inside = [d for d in st.cands if m.start() < d.end and d.start < c.start]
        if any(d.kind != "person" for d in inside):
            continue  # a known person or an organisation: not a house's name
        for d in inside:
            st.cands.remove(d)
        st.taken[m.start() : c.start] = b"\x01" * (c.start - m.start())
        c.start = min([m.start(), *(d.start for d in inside)])


# a housing provider's noun after a word read as a name (not "Beacon Housing Association"'s
# longer name, which its own grammar reads)
_AND_SURNAME = re.compile(r"[ \t]*&[ \t]*([A-Z][a-z]{2,})(?![\w'’&-]|[ \t]+[A-Z])")
_HOUSE_AFTER = re.compile(r"[ \t](?:House|Lodge)(?![\w'’-]|[ \t]+[A-Z])")
_HOUSING_AFTER = re.compile(r"[ \t](?:Housing|Homes)(?![\w'’-]|[ \t]+[A-Z])")
# a part of an organisation named in lower case after it: its juniors, its refuge, a campus
_LOWER_PART = re.compile(
    r"[ \t]+(?:juniors|seniors|refuge|campus|hall|church|chapel|mosque|takeaway|restaurant"
    r"|cafe|café|salon|gym)(?![\w'’-])"
)
# a qualifier in brackets after a name: "(Kaur Circle)", "(Cheetwood Hill)", "(1st Cawsand)"
_QUALIFIER = re.compile(
    r"[ \t]*\((?P<q>(?:\d{1,2}(?:st|nd|rd|th)[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})\)"
)


_INTERPRETING = re.compile(r"(?i:language|interpret|translat|linguist)")


def _qualified(st: State, a: Cand) -> list[Cand]:
    """An organisation takes the qualifier in brackets after it ("Sikh Women's Aid (Kaur
    Circle)", "Law Clinic (Kirklees)"), not an acronym defined for it ("(CHA)"), nor a
    person's name or title ("(Mrs Okafor)"). The candidates it held, now part of it."""
    m = _QUALIFIER.match(st.text, a.end)
    if m is None:
        return []
    first = m.group("q").split()[0].casefold()
    lex = st.lex
    if m.group("q").isupper() and (first,) not in lex.places:
        return []  # an acronym: "(SGRTES)"; a town in capitals is a qualifier: "(LEEDS)"
    keys = phrase_key(m.group("q"))
    if keys and keys in lex.phrases.get(keys[0], ()):
        return []  # "Heavitree Family Hub (Triple P)": the programme it runs, a term
    inside = [d for d in st.cands if a.end < d.end and d.start < m.end() and d is not a]
    if not inside or any(d.kind not in _PLACES for d in inside):
        if inside:
            return []  # a person, an address or a date in brackets: something else
        if first in HONORIFICS or first in lex.given or first in st.known.keys:
            return []
        if (
            " " not in m.group("q")
            and first in lex.protected_words
            and _INTERPRETING.search(st.text, a.start, a.end)
        ):
            return []  # "Wordbridge Language Services (Arabic)": the language it was booked in
    for d in inside:  # "(Kaur Circle)" taken as an organisation of its own: part of this one
        st.cands.remove(d)
    st.taken[a.end : m.end()] = b"\x01" * (m.end() - a.end)
    a.end = m.end()
    return inside


# "St Hedwig & St Casimir RC Primary": a school named after two saints
_SAINT_BEFORE = re.compile(r"(?<![\w'’-])St\.?[ \t]+[A-Z][\w'’-]*[ \t]+&[ \t]+$")


def _two_saints(st: State, c: Cand) -> None:
    """The first saint of a name of two joins it, even where taken for a person's name."""
    m = _SAINT_BEFORE.search(st.text, max(0, c.start - 40), c.start)
    if m is None:
        return
    inside = [d for d in st.cands if m.start() < d.end and d.start < c.start]
    if any(d.kind not in _PLACES and d.kind != "person" for d in inside):
        return
    for d in inside:
        st.cands.remove(d)
    st.taken[m.start() : c.start] = b"\x01" * (c.start - m.start())
    c.start = m.start()


_COMPASS_AFTER = re.compile(
    r"[ \t]+(?:North|South|East|West|Central)(?=[ \t]*(?:[.;:,)\n|]|[ \t][-–]|$|[ \t][a-z]))"
)
_LETTER_AND = re.compile(r"(?<![\w'’&.-])[A-Z]{1,3}[ \t]?&[ \t]?\Z")
_PLURAL_WORD = re.compile(r"(?<![\w'’-])[A-Z][a-z]{2,}s\Z")
_ONLY_NOUN = re.compile(by_first_letter(ORG_NOUN))  # (one group per first letter: quicker)


def _a_town(st: State, words: str) -> bool:
    """A town or village the gazetteers know: after a comma it stays (see the module)."""
    key = phrase_key(words)
    return key in st.lex.places or key in more_places()


def _merge(st: State, a: Cand, b: Cand) -> None:
    st.cands.remove(b)
    st.taken[a.end : b.end] = b"\x01" * (b.end - a.end)
    a.end = b.end


def join_organisation_parts(st: State) -> None:
    """Organisations and addresses found in pieces become one redaction each."""
    text = st.text
    lex = st.lex
    _house_names(st)
    place_guessed_names(st)
    widen_guessed_names(st)
    street_named(st)
    join_groups_at_venues(st)
    for c in [c for c in st.cands if c.kind in ("person", "professional")]:
        noun = _ENDS_IN_NOUN.search(text, max(c.start, c.end - 12), c.end)
        if noun is not None and ORG_RE.fullmatch(text, c.start, c.end):
            c.kind, c.ident = "org", f"org@{c.start}"  # "Hung Fat Supermarket": no one's name
            continue
        housing = _HOUSING_AFTER.match(text, c.end)
        partner = _AND_SURNAME.match(text, c.end) if housing is None else None
        if (
            partner is not None
            and " " not in text[c.start : c.end].strip()
            and word_key(text[c.start : c.end]) in lex.surnames
            and word_key(partner.group(1)) not in lex.given
            and (word_key(partner.group(1)),) not in lex.places
            and word_key(partner.group(1)) not in HONORIFICS
        ):
            housing = partner  # "Hallam & Reed": two surnames joined by "&", a firm's name
        if housing is None and " " not in text[c.start : c.end].strip():
            housing = _HOUSE_AFTER.match(text, c.end)  # "Oakwood House": a home, no surname
            if housing is not None and word_key(text[c.start : c.end]) in lex.given:
                housing = None  # ("Rachel House": a hospice named after someone, or a person)
        if housing is not None and st.free(c.end, housing.end()):
            # "Beacon Housing", "Radnor Homes": a landlord read as a name, its noun left
            c.kind, c.ident, c.end = "org", f"org@{c.start}", housing.end()
            st.taken[housing.start() : housing.end()] = b"\x01" * (housing.end() - housing.start())
            continue
        if text[c.end : c.end + 1] not in ("'", "’"):
            continue
        m = _POSSESSIVE_NOUN.match(text, c.end)
        if m is not None and st.free(c.end, m.end()):
            c.kind, c.ident, c.end = "org", f"org@{c.start}", m.end()
            st.taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    for c in [c for c in st.cands if c.kind in _PLACES]:
        if text.startswith("St", c.start) and "&" in text[max(0, c.start - 4) : c.start]:
            _two_saints(st, c)
        lettered = _LETTER_AND.search(text, max(0, c.start - 6), c.start)
        if lettered is not None and st.free(lettered.start(), c.start):
            st.taken[lettered.start() : c.start] = b"\x01" * (c.start - lettered.start())
            c.start = lettered.start()  # "R&K Lettings": the partners' letters, then the firm
        m = _LEADING.search(text, max(0, c.start - 12), c.start)
        # an ordinal is part of the name even where a sentence or list item opens: "; 1st …"
        if (
            m is not None
            and st.free(m.start(), c.start)
            and (m.group()[0].isdigit() or not opens_sentence(text, m.start()))
        ):
            st.taken[m.start() : c.start] = b"\x01" * (c.start - m.start())
            c.start = m.start()  # "attends New Testament Church", "1st Frampton Scout Group"
    # (the record's people, most of a note's redactions, join nothing here: left out)
    cands = sorted((c for c in st.cands if c.kind in _JOINABLE), key=_START)
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        if (
            b is not None
            and a.kind in _NAMES
            and b.kind in _PLACES
            and _AND.fullmatch(text, a.end, b.start)
            and " " not in text[a.start : a.end]
        ):
            # "Feniton & Whimple Surgery": the first of two towns a practice is named after
            st.cands.remove(a)
            st.taken[a.start : b.start] = b"\x01" * (b.start - a.start)
            b.start = a.start
            del cands[i]
            continue
        if (
            b is not None
            and a.kind in _PLACES
            and b.kind in _JOINABLE
            and _AND_WORD.fullmatch(text, a.end, b.start)
            and (
                _ONLY_NOUN.fullmatch(text, b.start, b.end)
                # "Royton Tyres and Exhausts": a firm's two trades, the second read as a name
                or (
                    _PLURAL_WORD.fullmatch(text, b.start, b.end) is not None
                    and _PLURAL_WORD.search(text, max(a.start, a.end - 20), a.end) is not None
                )
            )
        ):
            # "Pellow School & Sixth Form", "… Masjid and Community Hall": the second part has
            # no name (or was taken for one)
            _merge(st, a, b)
            del cands[i + 1]
            continue
        if a.kind not in _PLACES and a.kind != "address":
            i += 1
            continue
        if a.kind in _PLACES and text[a.end : a.end + 2].lstrip(" \t")[:1] in _NOUN_STARTS:
            m = _MORE_NOUNS.match(text, a.end)
            if m is not None and st.free(a.end, m.end()):
                st.taken[a.end : m.end()] = b"\x01" * (m.end() - a.end)
                a.end = m.end()
        if (
            a.kind in _PLACES
            and (low := _LOWER_PART.match(text, a.end))
            and st.free(a.end, low.end())
        ):
            st.taken[a.end : low.end()] = b"\x01" * (low.end() - a.end)
            a.end = low.end()  # "… Rowing Club juniors", "… Women's Aid refuge"
        if a.kind in _PLACES and "(" in text[a.end : a.end + 3]:
            for d in _qualified(st, a):
                cands.remove(d)
        b = cands[i + 1] if i + 1 < len(cands) else None
        joins = (
            b is not None
            and b.start - a.end < 8
            and _COMMA.fullmatch(text, a.end, b.start) is not None
        )
        if (
            joins
            and b is not None
            and (
                (a.kind in _PLACES and b.kind in _AFTER_PLACE)
                or (a.kind == "address" and b.kind == "address")
                # "Saigon Community Link, Quorbury": a branch's place taken for a surname
                or (
                    a.kind in _PLACES
                    and b.kind == "person"
                    and _TOWN_AFTER.match(text, a.end)
                    and not _a_town(st, text[b.start : b.end])
                )
                or (
                    a.kind in _PLACES
                    and b.kind in _NAMES
                    and (town := _TOWN_WORD_AFTER.match(text, a.end)) is not None
                    and town.end() == b.end
                )
            )
        ):
            _merge(st, a, b)
            del cands[i + 1]
            continue
        # (a town the gazetteer knows after a comma is left out: "Seagull Youth Project, Great
        # Yarmouth", "Flat 4, Magdalen House, Colchester"; alone it identifies no one)
        compass = _COMPASS_AFTER.match(text, a.end) if a.kind in _PLACES else None
        if compass is not None and st.free(a.end, compass.end()):  # "… Group East": a branch
            st.taken[a.end : compass.end()] = b"\x01" * (compass.end() - a.end)
            a.end = compass.end()
        if a.kind in _PLACES and "," in text[a.end : a.end + 2]:
            m = _TOWN_AFTER.match(text, a.end)
            if m is not None and st.free(a.end, m.end()) and not _a_town(st, m.group(1)):
                key = m.group(1).split()[0].casefold()
                if _STREET_WORD.search(m.group(1)) or (
                    key not in lex.common and key not in lex.words and key not in HONORIFICS
                ):
                    st.taken[a.end : m.end()] = b"\x01" * (m.end() - a.end)
                    a.end = m.end()
        i += 1
    join_address_edges(st)
    join_edges(st)
