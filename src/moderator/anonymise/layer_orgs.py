"""Organisations that identify a family, their acronyms, and initials in minutes.

* **Organisations** by grammar: a name before an organisation noun (youth clubs, churches,
  mosques, masjids, gurdwaras, temples, learning centres, playgroups, clubs and groups,
  small businesses: ``Kebab House``, ``Cash & Carry``, law firms: ``Adeyemi & Co``), and a
  name after the noun that introduces it (``nursery (Bright Beginnings)``, ``club is …``).
* **Acronyms** of a school or organisation: written after it (``Chell Heath Academy (CHA)``),
  made of its initials, or shaped like a school's (``at SHS``).
* **Initials in minutes**: the attendance list names people by initials and role
  (``Attendees: RT (SW), DP (TM)``); those initials are redacted wherever they recur
  (``RT/DP to review``, ``DP: agreed``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from moderator.anonymise.cues import HONORIFICS, LEADING_WORDS, RELATION_CUES
from moderator.anonymise.lexicon import WORD_RE, lower_same_length, phrase_key, word_key
from moderator.anonymise.patterns import scan_near, word_positions
from moderator.anonymise.state import State

Add = Callable[[int, int, str, str, int], None]

_NAME = r"(?:[A-Z][\w'’-]*\s+(?:(?:of|the|and|&|al|el|de)\s+)?)"
_ORG_NOUN = (
    r"(?:(?:Youth|Boxing|Football|Rugby|Cricket|Swimming|Social|Sports?|Golf|Tennis|Dance|Karate"
    r"|Judo|Athletic|Running|Cycling|Gymnastics?)\s+(?:Club|Centre|Zone|Project|Academy)"
    r"|Club|Church|Chapel|Cathedral|Mosque|Masjid|Gurdwara|Mandir|Temple|Synagogue"
    r"|Kingdom\s+Hall|(?:Learning|Tuition|Education|Islamic|Community|Family|Resource)\s+Cent(?:re|er)"
    r"|Women['’]?s\s+(?:Group|Centre|Refuge)|Group|Playgroup|Pre-?[Ss]chool|Day\s+Nursery"
    r"|Kebab\s+House|Takeaway|Cash\s+(?:&|and)\s+Carry|Barbers?|Salon|Solicitors|Gym|Madrasa|Madrassa"
    r"|F\.?C\.?|A\.?F\.?C\.?|Juniors|Ministries|Ministry|Forum|Fellowship|Assembly|Tabernacle|Foundation"
    # clubs, venues and small businesses by their head noun: "Felinfoel Youth RFC", "Tolgus Grill
    # House", "Harbour Fish Bar", "Moss Bakery Co", "Gorton Hub Nursery", "Sweet Centre"
    r"|A?R\.?L\.?F\.?C\.?|A?R\.?F\.?C\.?|Rangers|Hub|Grill|Tap|Fish\s+Bar|Chippy|Bakery|Kitchen"
    r"|Cent(?:re|er)|Nursery|Ltd|Limited)"
)
ORG_HINT_RE = re.compile(
    r"(?:Club|Cent(?:re|er)|Zone|Project|Academy|Church|Chapel|Cathedral|Mosque|Masjid|Gurdwara"
    r"|Mandir|Temple|Synagogue|Hall|Group|Playgroup|Pre-?[Ss]chool|Nursery|House|Takeaway|Carry"
    r"|Barbers?|Salon|Solicitors|Gym|Madras+a|F\.?C|Juniors|Ministr|Forum|Fellowship|Assembly"
    r"|Tabernacle|Foundation|Refuge|A?R\.?L?\.?F\.?C|Rangers|Hub|Grill|Tap|Bar|Chippy|Bakery|Kitchen"
    r"|Ltd|Limited)\b"
)
FIRM_HINT_RE = re.compile(r"(?:&|\band)\s+(?:Co|Sons|Partners|Daughters)\b")
# the same without the word boundary before "and": a quick gate (the engine skips to & or a)
_FIRM_GATE_RE = re.compile(r"(?:&|and)\s+(?:Co|Sons|Partners|Daughters)\b")
WORSHIP_HINT_RE = re.compile(r"(?:Masjid|Mosque|Gurdwara|Mandir|Temple|Church)\s+[A-Z]")
_NAMED_HINT_WORDS = (
    "nursery",
    "playgroup",
    "school",
    "creche",
    "club",
    "church",
    "mosque",
    "gym",
    "group",
)
# the nouns NAMED_AFTER_RE starts with, as written in lower case (its matches start there)
_NAMED_NOUNS = (*(w for w in _NAMED_HINT_WORDS if w != "school"), "pre-school", "preschool")
NAMED_HINT_RE = re.compile(
    r"(?i:nursery|playgroup|pre-?school|creche|club|church|mosque|gym|group)\b"
)
ORG_RE = re.compile(
    rf"(?<![\w])(?P<name>(?:(?:St\.?|Saint)\s+)?{_NAME}{{1,4}}?){_ORG_NOUN}"
    rf"(?:\s+(?:{_ORG_NOUN}|House|Co\b))*"  # "Juniors RLFC", "Grill House", "Bakery Co"
    r"(?:\s+of\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?(?![\w])"
)
FIRM_RE = re.compile(
    r"(?<![\w])(?P<name>(?:[A-Z][\w'’-]+\s+){1,3})(?:&|and)\s+(?:Co|Sons|Partners|Daughters)\b\.?"
)
# "Jamia Masjid Ghausia", "Guru Nanak Gurdwara Walsall": places of worship named after the noun too
WORSHIP_AFTER_RE = re.compile(
    r"(?<![\w])(?P<name>(?:[A-Z][\w'’-]*\s+){0,3}(?:Masjid|Mosque|Gurdwara|Mandir|Temple|Church)"
    r"(?:\s+[A-Z][\w'’-]*){1,2})(?![\w])"
)
# "nursery (Bright Beginnings Burslem)", "nursery, Tiny Toes Audley,", "club is Biddulph Dolphins"
NAMED_AFTER_RE = re.compile(
    r"(?i:\b(?P<noun>nursery|playgroup|pre-?school|creche|club|church|mosque|gym|group))"
    r"(?:[ \t]*\([ \t]*|,[ \t]*|[ \t]+(?:is|was|called|named)[ \t]+)"
    r"(?P<name>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})"
)
ACRONYM_AFTER_RE = re.compile(r"[ \t]*\([ \t]*(?P<a>[A-Z]{2,6})[ \t]*\)")
SCHOOL_ACRONYM_RE = re.compile(
    r"(?<=\b(?:at|to) )[A-Z]{1,3}(?:HS|PS|JS)(?![\w])|(?<=\battends )[A-Z]{1,3}(?:HS|PS|JS)(?![\w])"
)
# Words that describe rather than name: "the Polish Club", "a local mosque", "Youth Group".
_DESCRIPTIVE = frozenset(
    [
        "local",
        "community",
        "youth",
        "family",
        "parents",
        "parent",
        "baby",
        "toddler",
        "toddlers",
        "parish",
        "village",
        "town",
        "city",
        "central",
        "north",
        "south",
        "east",
        "west",
        "new",
        "old",
        "the",
        "a",
        "our",
        "their",
        "his",
        "her",
        "polish",
        "turkish",
        "kurdish",
        "somali",
        "romanian",
        "asian",
        "african",
        "caribbean",
        "muslim",
        "sikh",
        "hindu",
        "christian",
        "catholic",
        "methodist",
        "baptist",
        "pentecostal",
        "evangelical",
        "women",
        "womens",
        "men",
        "mens",
        "girls",
        "boys",
        "mums",
        "dads",
        "carers",
        "young",
        "support",
        "breakfast",
        "after",
        "school",
        "homework",
        "holiday",
        "lunch",
        "drop",
        "in",
    ]
)
# literal pieces of the nouns above (case as written), to skip texts that name no organisation
_ORG_HINTS = (
    "Club", "Centre", "Center", "Zone", "Project", "Academy", "Church", "Chapel", "Cathedral",
    "Mosque", "Masjid", "Gurdwara", "Mandir", "Temple", "Synagogue", "Hall", "Group", "group",
    "chool", "Nursery", "nursery", "House", "Takeaway", "Carry", "Barber", "Salon", "Solicitors",
    "Gym", "Madras", "FC", "F.C", "Juniors", "Ministr", "Forum", "Fellowship", "Assembly",
    "Tabernacle", "Foundation", "Refuge", "& Co", "and Co", "Sons", "Partners", "club", "church",
    "mosque", "gym",
    "creche", "Playgroup", "playgroup", "RFC", "R.F.C", "RLFC", "Rangers", "Hub", "Grill", "Tap",
    "Bar", "Chippy", "Bakery", "Kitchen", "Ltd", "Limited",
)  # fmt: skip
_SERVICE_NOUNS = frozenset({"hub", "centre", "center"})
ORG_KINDS = {
    "nursery": "school",
    "playgroup": "school",
    "preschool": "school",
    "pre-school": "school",
    "creche": "school",
}


def generic_name(st: State, keys: tuple[str, ...]) -> bool:
    """A description, not a name: "Polish Club", "Boxing Club", a one-word everyday name."""
    lex = st.lex
    if len(keys) == 1 and keys[0] in lex.common and keys[0] not in lex.surnames:
        return True
    return all(k in _DESCRIPTIVE for k in keys)


def _ends_protected(st: State, whole: tuple[str, ...]) -> bool:
    """Whether the words are a protected phrase after everyday words ("Minutes of Core Group"),
    not after a name ("Hartshill Boxing Club" names one club)."""
    lex = st.lex
    return any(
        whole[k:] in lex.phrases.get(whole[k], ())
        and all(w in lex.common or w in _DESCRIPTIVE for w in whole[:k])
        for k in range(len(whole) - 1)
    )


def _trim_leading(st: State, start: int, end: int) -> int:
    for w in WORD_RE.finditer(st.text, start, end):
        key = w.group().casefold()
        if key in ("st", "saint"):
            break
        if word_key(w.group()) in LEADING_WORDS or key in HONORIFICS or key == "the":
            start = w.end()
            continue
        break
    while start < end and not st.text[start].isalnum():
        start += 1
    return start


def whole_words(text: str, word: str) -> list[tuple[int, int]]:
    """Where ``word`` occurs in ``text`` as a whole word (exact case)."""
    out = []
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        ):
            out.append((at, end))
        at = text.find(word, at + 1)
    return out


def find_organisations(st: State, add: Add) -> None:
    """Add named organisations (by their noun, or named after one) to layer 1's candidates."""
    text = st.text
    if not any(noun in text for noun in _ORG_HINTS):
        return  # quick: none of the nouns that organisations' names end or start with
    firm = _FIRM_GATE_RE.search(text) and FIRM_HINT_RE.search(text)
    firms = list(FIRM_RE.finditer(text)) if firm else []
    for m in list(ORG_RE.finditer(text)) + firms:
        start = _trim_leading(st, m.start(), m.end("name"))
        keys = phrase_key(text[start : m.end("name")])
        whole = phrase_key(text[start : m.end()])
        if not keys or generic_name(st, keys) or _ends_protected(st, whole):
            continue
        noun = word_key(text[m.end("name") : m.end()].split()[0]) if m.end() > m.end("name") else ""
        kind = ORG_KINDS.get(noun, "org")
        if noun in _SERVICE_NOUNS and all(
            k in st.lex.protected_words or k in st.lex.common or k in _DESCRIPTIVE for k in keys
        ):
            continue  # "Hanley Family Hub", "Potteries Centre": a public service or a place
        end = with_town(st, m.end())
        add(start, end, kind, " ".join(phrase_key(text[start:end])), 58)
    worship = WORSHIP_AFTER_RE.finditer(text) if WORSHIP_HINT_RE.search(text) else iter(())
    for m in worship:
        start = _trim_leading(st, m.start(), m.end())
        keys = phrase_key(text[start : m.end()])
        if not generic_name(st, keys) and not _ends_protected(st, keys):
            add(start, m.end(), "org", " ".join(keys), 56)
    lower = lower_same_length(text)
    hinted = any(w in lower for w in _NAMED_HINT_WORDS)  # a quicker gate than a regex
    if not hinted:
        named: Iterable[re.Match[str]] = ()
    elif "ſ" in text:  # a long s, which only the regex's ignoring of case takes for an s
        named = NAMED_AFTER_RE.finditer(text)
    else:  # tried only at the nouns, found with str.find
        named = scan_near(NAMED_AFTER_RE, word_positions(lower, _NAMED_NOUNS), text, 0, 120)
    for m in named:
        keys = phrase_key(m.group("name"))
        if (
            not keys
            or generic_name(st, keys)
            or m.group("name").isupper()
            or keys[0] in st.lex.given
        ):
            continue
        kind = ORG_KINDS.get(m.group("noun").lower(), "org")
        joint = text[m.end("noun") : m.start("name")]
        if "," in joint and kind != "school":
            continue  # "the church, Walsall": a comma after a club or church starts something else
        if all(k in st.lex.protected_words for k in keys):
            continue  # a place: "nursery in Hanley"
        add(m.start("name"), m.end("name"), kind, " ".join(keys), 57)


_NEXT_WORD = re.compile(r"[ \t]+([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\b")


def with_town(st: State, end: int) -> int:
    """Past a town written after the name ("Little Acorns Pre-school Preston"): part of it."""
    m = _NEXT_WORD.match(st.text, end)
    if m is not None:
        words = phrase_key(m.group(1))
        for size in (len(words), 1):
            if words[:size] in st.lex.places:
                return m.start(1) + len(" ".join(m.group(1).split()[:size]))
    return end


def find_acronyms(st: State) -> None:
    """Acronyms of the schools and organisations taken, wherever they recur."""
    text = st.text
    lex = st.lex
    wanted: dict[str, tuple[str, str]] = {}
    for c in list(st.cands):
        if c.kind not in ("school", "org", "gp_practice"):
            continue
        after = ACRONYM_AFTER_RE.match(text, c.end)
        if after and after.group("a") not in lex.acronyms:
            wanted[after.group("a")] = (c.kind, c.ident)
        words = [w for w in phrase_key(text[c.start : c.end]) if w not in ("the", "of", "and")]
        initials = "".join(w[0] for w in words).upper()
        if len(initials) >= 2 and initials not in lex.acronyms:
            wanted.setdefault(initials, (c.kind, c.ident))
    shaped = "HS" in text or "PS" in text or "JS" in text  # every such acronym ends so
    for m in SCHOOL_ACRONYM_RE.finditer(text) if shaped else ():
        if m.group() not in lex.acronyms:
            wanted.setdefault(m.group(), ("school", "acronym:" + m.group()))
    for acronym, (kind, ident) in wanted.items():
        for start, end in whole_words(text, acronym):
            if st.free(start, end):
                st.take(start, end, kind, ident, 50)


HEADER_RE = re.compile(
    r"(?im)^[ \t>*•-]*(?:attendees|attendance|present|in\s+attendance|apologies|attended"
    r"|invited|invitees|distribution|circulation|cc)\b[^\n:]{0,20}[:\-][ \t]*(?P<list>[^\n]*)$"
)
LISTED_INITIALS_RE = re.compile(
    r"(?<![\w(])(?P<i>[A-Z]{2,3})(?![\w])(?:[ \t]*\((?P<role>[^)\n]{1,30})\))?"
)
SPEAKER_RE = re.compile(r"(?m)^[ \t>*•-]*(?P<i>[A-Z]{2,3})[ \t]*:")


def find_minutes_initials(st: State) -> None:
    """Initials that an attendance list gives to people, redacted wherever they recur."""
    text = st.text
    if not HEADER_RE.search(text):
        return
    known = st.known
    people: dict[str, str] = {}  # initials -> kind
    for header in HEADER_RE.finditer(text):
        for m in LISTED_INITIALS_RE.finditer(header.group("list")):
            rest = header.group("list")[m.end() : m.end() + 3]
            if not m.group("role") and rest.strip()[:1].isdigit():
                continue  # "DC 2291 Barker": a rank and collar number, not initials
            role = " ".join(phrase_key(m.group("role") or ""))
            relation = role in RELATION_CUES or any(w in RELATION_CUES for w in role.split())
            people.setdefault(m.group("i"), "person" if relation else "professional")
    for m in SPEAKER_RE.finditer(text):
        if m.group("i") not in st.lex.acronyms:
            people.setdefault(m.group("i"), "professional")
    for initials, kind in people.items():
        owner = known.initials.get(initials)
        for start, end in whole_words(text, initials):
            if not st.free(start, end):
                continue
            if owner is not None:
                person = known.people[owner]
                st.take(start, end, person.kind, person.label, 60)
            else:
                st.take(start, end, kind, f"init:{initials}", 52)
