"""Organisations and places named in ways the head-noun grammar of :mod:`.layer_orgs` misses.

Welsh schools named after the noun (``Ysgol Bro Tegid``), businesses
with their noun in lower case (``Golden Dragon takeaway``), the estate someone lives on, a
saint's hall or a school by saint and place (``St Luke's Blakenhall``), High schools named
without "School", and names of three capitalised words or more joined by "&" (``The Crab &
Lobster``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from moderator.anonymise.alternation import by_first_letter
from moderator.anonymise.lexicon import Lexicon, frequent_word, phrase_key
from moderator.anonymise.nearby import for_text, hint_spans, near_spans
from moderator.anonymise.orgs_nouns import service_terms_only
from moderator.anonymise.state import State

Add = Callable[[int, int, str, str, int], None]
Trim = Callable[[State, int, int], int]


# Welsh and Gaelic schools, practices and centres are named after the noun: "Ysgol Bro
# Tegid", "Ysgol Gynradd y Garth", "Sgoil … Tuath", "Meddygfa Glan y …", "Canolfan …"
YSGOL_RE = re.compile(
    r"(?<![\w])(?P<noun>Ysgol|Sgoil|Meddygfa|Canolfan|Coleg|Cylch[ \t]+Meithrin|Meithrinfa)"
    r"(?:[ \t]+(?:y|yr|na|[A-ZÀ-ÖØ-Þ][\w'’-]*)){1,4}(?<![ \t]y)(?<!yr)(?<![ \t]na)"
)
_NAMED_AFTER_KINDS = {"Ysgol": "school", "Sgoil": "school", "Meddygfa": "gp_practice",
                      "Coleg": "school", "Meithrinfa": "school"}  # fmt: skip
_WELSH_NOUNS = ("Ysgol", "Sgoil", "Meddygfa", "Canolfan", "Coleg", "Cylch", "Meithrinfa")
# the same in dictation's lower case: "referral came from ysgol maes y dderwen", "on the list at
# cylch meithrin y fflint", "coleg dyfrdwy northop campus" (its name's words in _welsh_end)
_LOWER_WELSH_RE = re.compile(
    r"(?<![\w'’-])(?P<noun>ysgol|coleg|cylch[ \t]+meithrin|meithrinfa)(?=[ \t]+[a-z])"
)
_LOWER_WELSH_WORD = re.compile(r"[ \t]+([a-zâêîôûŵŷ'’-]{1,20})")
# Welsh words of names that English also writes ("pen", "tan", "bro"), and a college's campus
_WELSH_NAME_WORDS = frozenset(
    {"y", "yr", "bro", "pen", "tan", "glan", "cae", "maes", "bryn", "llan", "coed", "nant",
     "cwm", "pant", "rhos", "tref", "ty", "tŷ", "gynradd", "uwchradd", "gymraeg", "gatholig",
     "sant", "santes", "dewi", "mair", "campus", "fawr", "fach", "wen", "gwyn", "las", "goch"}
)  # fmt: skip


def _welsh_end(lex: Lexicon, text: str, m: re.Match[str]) -> int:
    """Where a Welsh school's name in lower case ends: its words run on while they are no
    everyday English word (but for the Welsh words English also writes), up to four; a
    last "y" or "yr" is left out."""
    end, count, last_word_end = m.end("noun"), 0, m.end("noun")
    while count < 4:
        w = _LOWER_WELSH_WORD.match(text, end)
        if w is None:
            break
        word = w.group(1)
        if word not in _WELSH_NAME_WORDS and (word in lex.words or word in lex.common):
            break
        end, count = w.end(), count + 1
        if word not in ("y", "yr"):
            last_word_end = end
    return last_word_end


LOWER_BUSINESS_HINT = re.compile(  # by first letter: the same matches, fewer branches tried
    by_first_letter(
        r"takeaway|chippy|barber|salon|caf|garage|restaurant|bar\b|wash|taxi|cabs|scrap|pub\b"
        r"|launder|laundrette|bakery|bakehouse|grocer|butcher|bookies|gym\b"
    )
)
# the hint's words, or their starts, as written: each match starts with one (found by str.find)
_BUSINESS_STARTS = ("takeaway", "chippy", "bar", "salon", "caf", "garage", "restaurant", "wash",
                    "taxi", "cabs", "scrap", "pub", "launder", "laundrette", "bakery", "bakehouse",
                    "grocer", "butcher", "bookies", "gym")  # fmt: skip
# "Spice Village takeaway", "Regal barbers", "the Feathers pub", "the Wash Hub launderette": a
# business noun written in lower case
LOWER_BUSINESS_RE = re.compile(
    r"(?<![\w])(?:[A-Z][\w'’-]*[ \t]+){1,3}(?:takeaway|chippy|barbers?|salon|cafe|café|garage"
    r"|restaurant|nail[ \t]+bar|car[ \t]+wash|taxis?|cabs|scrap[ \t]?yard|pub|launderette"
    r"|laundrette|bakery|bakehouse|grocery|grocers|butchers?|bookies|gym)(?![\w])"
)


# "lives on Wrenbury estate", "grew up on the Town End Farm estate": the estate someone lives
# on is their address, its word with it ("lads from the Knutton estate" names an area); and
# after a comma, where an address or a firm's site ends in it ("Pembroke Freight, Medway City
# Estate")
ESTATE_RE = re.compile(
    r"(?:\b(?:on|in|off|near|round|around|across|to|for|at|of)[ \t]+|,[ \t]+|\()"
    r"(?:the[ \t]+)?(?P<n>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})"
    r"[ \t]+(?:(?:industrial|trading|business)[ \t]+)?(?:estate|Estate)\b"
)
# the same in a police form's capitals: "AT A PARTY ON THE PENNYWELL ESTATE"
SHOUTED_ESTATE_RE = re.compile(
    r"(?:\b(?:ON|IN|OFF|NEAR|ROUND|AROUND|ACROSS|TO|FOR)|,)[ \t]+(?:THE[ \t]+)?"
    r"(?P<n>[A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’-]+){0,2})[ \t]+ESTATE\b"
)
# a business or retail park named by its place or its own word: "works nights on Anchorage
# Business Park", "seen at Kingsway Retail Park" (where someone works or was seen)
PARK_RE = re.compile(
    r"\b(?:on|in|off|near|at|to|from|round|around|outside)[ \t]+(?:the[ \t]+)?"
    r"(?P<n>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})[ \t]+(?:Business|Retail|Enterprise"
    r"|Technology)[ \t]+(?:Park|Centre|Village)\b"
)
# a block of flats by its name after a word of place: "turned up at Kingsley Court", "drop
# her to Dallow Court", "parked outside Ravensmede Court" (not a court of law: "the Family
# Court", "Luton Crown Court", nor a longer name: "Bury Court & Proceedings Team")
NAMED_COURT_RE = re.compile(
    r"\b(?:at|to|in|from|on|of|near|outside|round|around|behind|into)[ \t]+(?:the[ \t]+)?"
    r"(?P<n>[A-Z][a-z'’]+)[ \t]+Court(?![\w'’-]|[ \t]+(?:[A-Z0-9&(]|and\b|of\b|hearing))"
)
_COURTS_OF_LAW = frozenset(
    {"family", "crown", "county", "magistrates", "magistrates'", "youth", "high", "supreme"}
    | {"combined", "coroners", "coroner's", "district", "appeal", "appeals", "sheriff", "civil"}
    | {"criminal", "juvenile", "tribunal", "the", "a", "an", "this", "that", "same", "next"}
)
# the kinds of estate, not their names: "the Council Estate", "an Industrial Estate"
_KINDS_OF_ESTATE = frozenset(
    {"council", "housing", "local", "new", "old", "private", "industrial", "trading", "business"}
    | {"retail", "social", "same", "big", "whole", "entire", "other", "next", "this", "that"}
)
# "St Cuthbert's Hall", "St Luke's Blakenhall": a saint's hall, or a school by saint and place
# (each starts with its capital, not a look-behind: the engine skips to it)
SAINTS_RE = re.compile(
    r"S(?<![\w]S)t\.?[ \t]+[A-Z][\w]*['’]s[ \t]+(?P<w>Hall|[A-Z][a-z]+)(?![\w'’])"
)
# a street's last word, after a saint's name ("St Peter's Hill"): a street, not a school
_STREET_WORDS = frozenset(
    {"road", "street", "lane", "hill", "avenue", "close", "way", "drive", "crescent", "terrace"}
    | {"place", "square", "walk", "grove", "gardens", "row", "mews", "parade", "rise", "view"}
    | {"gate", "green", "court", "wharf", "quay", "fields"}
)
# "Kingsway Quay High": a secondary school named without "School"
HIGH_RE = re.compile(
    r"[A-Z](?<![\w][A-Z])[\w'’-]+[ \t]+(?:[A-Z][\w'’-]+[ \t]+){0,2}High(?![ \t]+(?:Street|Court|Road|Risk|risk|Sheriff"
    r"|Commission|Dependency|School|Academy|Level|Needs|Priority|St|Rd)\b)(?![\w'’-])"
)


def find_named_places(st: State, add: Add, trim: Trim) -> None:
    """Add the prisons, Welsh and High schools, saints' halls, estates and lower-case
    businesses of the text to layer 1's candidates (``trim`` drops leading everyday words)."""
    text = st.text
    lex = st.lex
    for m in ESTATE_RE.finditer(text) if " estate" in text or " Estate" in text else ():
        keys = phrase_key(m.group("n"))
        # (a named estate of everyday words is one: "the Marsh Farm estate"; a service's
        # word alone is not: "the Council estate")
        if (
            len(keys) > 1
            or not (keys[0] in lex.common or keys[0] in lex.protected_words)
            # "the Ford Estate": its capital names it, an everyday word or not
            or (m.group().endswith("Estate") and keys[0] not in _KINDS_OF_ESTATE)
        ):
            add(m.start("n"), m.end(), "address", " ".join(keys), 66)
    for m in SHOUTED_ESTATE_RE.finditer(text) if " ESTATE" in text else ():
        keys = phrase_key(m.group("n"))
        if keys and keys[0] not in _KINDS_OF_ESTATE and keys[-1] not in _KINDS_OF_ESTATE:
            add(m.start("n"), m.end(), "address", " ".join(keys), 66)
    for m in PARK_RE.finditer(text) if " Park" in text or " Centre" in text else ():
        keys = phrase_key(m.group("n"))
        if keys and keys[0] not in _KINDS_OF_ESTATE and keys not in lex.places:
            add(m.start("n"), m.end(), "address", " ".join(keys), 66)
    for m in NAMED_COURT_RE.finditer(text) if " Court" in text else ():
        key = m.group("n").lower()
        if key in _COURTS_OF_LAW or (key,) in lex.places or key in lex.protected_words:
            continue  # a court of law, or one named by its town ("Bury Court")
        add(m.start("n"), m.end(), "address", key + " court", 62)
    for m in SAINTS_RE.finditer(text) if "St" in text else ():
        word = m.group("w").lower()
        if word in _STREET_WORDS:  # "St Peter's Hill", "St John's Road": a street
            add(m.start(), m.end(), "address", m.group().lower(), 66)
            continue
        if word == "hall" or not (word in lex.common or word in lex.protected_words):
            add(m.start(), m.end(), "org" if word == "hall" else "school", m.group(), 57)
    for m in HIGH_RE.finditer(text) if "High" in text else ():
        start = trim(st, m.start(), m.end())
        keys = phrase_key(text[start : m.end()])[:-1]
        if keys and not all(k in lex.common or k in lex.protected_words for k in keys):
            add(start, m.end(), "school", " ".join(keys), 57)
    if any(noun in text for noun in _WELSH_NOUNS):
        for m in YSGOL_RE.finditer(text):
            noun = m.group("noun")
            kind = _NAMED_AFTER_KINDS.get(noun, "school" if noun.startswith("Cylch") else "org")
            add(m.start(), m.end(), kind, " ".join(phrase_key(m.group())), 60)
    lowered = text if "ysgol" in text or "coleg" in text or "meithrin" in text else ""
    for m in _LOWER_WELSH_RE.finditer(lowered) if lowered else ():
        end = _welsh_end(lex, text, m)
        if end > m.end("noun"):
            add(m.start(), end, "school", " ".join(phrase_key(text[m.start() : end])), 58)
    hints = hint_spans(LOWER_BUSINESS_HINT, text, text, _BUSINESS_STARTS)
    for m in near_spans(for_text(LOWER_BUSINESS_RE, text), hints, text, 80, 12):
        start = trim(st, m.start(), m.end())
        name = text[start : m.end()].rsplit(None, 1)
        if len(name) < 2:
            continue  # "The pub is …": a sentence's first word, dropped, and no name left
        keys = phrase_key(name[0])
        if keys and not all(k in lex.protected_words or k in lex.common for k in keys):
            add(start, m.end(), "org", " ".join(phrase_key(text[start : m.end()])), 56)


PUBLIC_WORDS = frozenset(
    [
        "hospital",
        "council",
        "police",
        "nhs",
        "district",
        "county",
        "borough",
        "constabulary",
        "fire",
        "rescue",
        "ambulance",
        "university",
        "college",
        "court",
        "magistrates",
        "emergency",
        "surgery",
        "practice",
        "library",
        "station",
        "airport",
        "hospice",
        "infirmary",
        "prison",
    ]
)


_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "mx", "rev", "revd", "sir", "lady"})


def joined_firm(st: State, m: re.Match[str], add: Add) -> None:
    """Three capitalised words or more joined by "&" are a business ("Hillsborough Tyre &
    Exhaust", "The Crab & Lobster"), unless they join people or are a public service."""
    lex = st.lex
    words = phrase_key(m.group())  # (FIRM_RE's match of a name joined by "&")
    names = [w for w in words if w != "the"]
    if len(names) < 3 and words[0] != "the" and not _two_surnames(st, names):
        return  # "Temi & Ife", "Tom & Jerry": two names joined are people as often as a firm
    if all(w in lex.given or w in st.known.keys for w in names if w):
        return
    if any(w in _TITLES for w in names):
        return  # "Mr & Mrs Obi", "Dr & Mrs Patel": people
    if any(w in _JOB_WORDS for w in names):
        return  # "Deputy Head & DSL", "Headteacher & Designated Safeguarding Lead": a job
    parts = [[w for w in phrase_key(p) if w != "the"] for p in m.group().split("&")]
    if _couple(lex, parts):
        return  # "Sharon & Gary Pemberton", "Neighbours Pat & Derek Searle": two people
    if (
        all(w in lex.protected_words for w in names)
        or all(_protected_phrase(st, p) or all(w in lex.protected_words for w in p) for p in parts)
        or service_terms_only(names)
        or _protected_phrase(st, names)
        or any(w in PUBLIC_WORDS for w in names)
    ):
        return  # "Accident & Emergency", "Dewsbury & District Hospital": a public service
    # "The Crab & Lobster": a capital "The" is part of a pub's name
    add(m.start(), m.end(), "org", " ".join(names), 57)


def _two_surnames(st: State, names: list[str]) -> bool:
    """Whether two words joined by "&" are two surnames, neither a given name, an everyday
    or protected word nor a record's name: a firm's ("Brennan & Holt", solicitors)."""
    lex = st.lex
    return len(names) == 2 and all(
        w in lex.surnames
        and w not in lex.given
        and not (w in lex.common and frequent_word(w))
        and w not in lex.protected_words
        and w not in st.known.keys
        for w in names
    )


_JOB_WORDS = frozenset(
    {"deputy", "headteacher", "head", "designated", "safeguarding", "dsl", "senco", "manager"}
    | {"officer", "coordinator", "co-ordinator", "teacher", "practitioner", "lead", "leader"}
)


def _couple(lex: Lexicon, parts: list[list[str]]) -> bool:
    """Whether "&" joins a given name to a given name and a surname: a couple, not a firm
    ("Tom & Jerry's Cafe" ends in a word, and stays a business)."""
    if len(parts) != 2 or not parts[0] or len(parts[1]) != 2:
        return False
    (given, surname), before = parts[1], parts[0][-1]
    return before in lex.given and given in lex.given and surname not in lex.words


def _protected_phrase(st: State, words: list[str]) -> bool:
    """Whether the words are one of the protected phrases."""
    return bool(words) and tuple(words) in st.lex.phrases.get(words[0], ())
