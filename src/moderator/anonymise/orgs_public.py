"""Public services among the organisations' names: kept, since anyone may name them.

"Hanley Family Hub", "Stoke Youth Offending Team", a health service's trust, and the
public service on either side of an "and" that joins two names.
"""

from __future__ import annotations

from moderator.anonymise.cues import PUBLIC_SERVICE_NOUNS, ROLE_CUES
from moderator.anonymise.lexicon import phrase_key
from moderator.anonymise.orgs_brands import national_charity
from moderator.anonymise.orgs_nouns import COMMUNITIES, DESCRIPTIVE, HEALTH_WORDS
from moderator.anonymise.state import State

# nouns public services are named by: with only places and everyday words before them
# ("Hanley Family Hub", "Leek Skate Park", "Stoke Youth Offending Team", "Leeds Housing
# Options", "Early Help Project") they name a service anyone may name, not a family's club
SERVICE_NOUNS = frozenset({"hub", "centre", "center", "skate"})
# ...and agencies' nouns, kept with any everyday English words before them ("Troubled
# Families Project", "Community Paediatric Team"), but not with a name ("Ketley Contact Suite")
AGENCY_NOUNS = frozenset(
    {"team", "project", "housing", "learning", "adult", "contact", "family", "support"}
    | {"service", "services", "programme", "integration", "liaison", "fund"}
)


def a_person(st: State, keys: tuple[str, ...]) -> bool:
    """Whether a name ending in a noun that is also a surname is a person's, a given name before
    it and only roles or their acronyms before that ("Amy Chambers", "LADO Hayley Chambers")."""
    lex = st.lex
    return (
        len(keys) >= 2
        and keys[-2] in lex.given
        and keys[-1] in lex.surnames
        and all(k.upper() in lex.acronyms or k in ROLE_CUES for k in keys[:-2])
    )


def service_word(st: State, key: str) -> bool:
    """A word a public service is named by: a place, a practice term or acronym, an
    everyday English word ("Early Help", "MASH", "Troubled Families", "Paediatric")."""
    lex = st.lex
    return (
        key in lex.protected_words
        or key in lex.words
        or key in DESCRIPTIVE
        or key.upper() in lex.acronyms
    )


def after_and(st: State, start: int, name_end: int, m_end: int) -> int:
    """Where a name joined by "and" starts: -1 when the part after "and" is vocabulary ("T.
    Dobbing (SW) and Youth Justice Service"), after "and" when the part before it ends in a
    public service ("Gloucestershire Constabulary and Forest of Dean … Partnership")."""
    text = st.text
    at = max(text.rfind(" and ", start, name_end), text.rfind(" AND ", start, name_end))
    rest = phrase_key(text[at + 5 : m_end])
    if rest and rest in st.lex.phrases.get(rest[0], ()):
        return -1
    if national_charity(text[at + 5 : m_end]):
        return -1  # "Barnardo's and The Prince's Trust": two national names, neither local
    before = phrase_key(text[start:at])
    if before and before[-1] in PUBLIC_SERVICE_NOUNS:
        return at + 5
    if before and before[-1].upper() in st.lex.acronyms and text[start:at].split()[-1].isupper():
        return at + 5  # "MARAC and …", "Offer DAPP and Family Mediation": a term, then the name
    return start


def health_trust(st: State, words: tuple[str, ...]) -> bool:
    """A health service's trust or another statutory body, a public body: "Southern HSC
    Trust", "Wyre Partnership Trust Perinatal Team" (a health word, "trust", and otherwise
    places and everyday words); whatever names it, an NHS trust ("Doncaster and Bassetlaw
    Teaching Hospitals NHS Foundation Trust") and a safeguarding children partnership."""
    if "nhs" in words and "trust" in words:
        return True
    if "safeguarding" in words and words[-1] == "partnership":
        return True
    return (
        "trust" in words
        and not HEALTH_WORDS.isdisjoint(words)
        and all(k in HEALTH_WORDS or service_word(st, k) for k in words)
    )


# the words of a cause a voluntary group is named by
_VOLUNTARY = frozenset(
    {"refugee", "refugees", "asylum", "migrant", "migrants", "women's", "womens"}
    # a charity's cause: "Whitby Furniture Project" (a council has no furniture service)
    | {"furniture"}
)


# a place of study before "Centre" is a college's, where a parent or a young person studies:
# "Hitchin Learning Centre" is named like "Hitchin College", not like "Hitchin Family Hub"
_STUDY = frozenset({"learning", "tuition", "study", "skills"})


def _communitys_own(st: State, noun: str, keys: tuple[str, ...]) -> bool:
    """Whether a community's or a cause's word names a group of its own: with a place
    ("Durham Ukrainian Hub", "Rotherham Refugee Project") or as a hub or centre ("Sudanese
    Community Hub"); before a service's or a team's noun with no place it is a kind of
    public service ("Refugee Wellbeing Service", "Gypsy, Roma and Traveller Education
    Service")."""
    return bool((COMMUNITIES | _VOLUNTARY).intersection(keys)) and (
        noun not in AGENCY_NOUNS or placed(st, keys)
    )


def placed(st: State, keys: tuple[str, ...]) -> bool:
    """Whether a place of one or two words is among ``keys``."""
    places = st.lex.places
    return any((k,) in places for k in keys) or any(
        keys[i : i + 2] in places for i in range(len(keys) - 1)
    )


# the services a council or the NHS runs under its place's name alone
_PLACES_OWN = frozenset({"fostering", "therapies"})
_PLACE_JOINS = frozenset({"and", "&", "north", "south", "east", "west", "central", "city"})


def _only_places(st: State, keys: tuple[str, ...]) -> bool:
    """Whether the words are places and the words joining or placing them, one place at
    least: "Kent", "Kent and Medway", "Central Bedfordshire" (:func:`placed` asks only
    whether a place is among them)."""
    if not keys or keys in st.lex.places:
        return bool(keys)
    places = st.lex.places
    return all((k,) in places or k in _PLACE_JOINS for k in keys) and placed(st, keys)


def public_service(st: State, noun: str, keys: tuple[str, ...]) -> bool:
    """Whether a name before a service's noun names a public service anyone may name."""
    lex = st.lex
    if noun in _STUDY or (keys and keys[-1] in _STUDY and noun in ("centre", "center")):
        return False
    if noun in ("direct", "connect") and len(keys) == 1 and keys in lex.places:
        return True  # "Somerset Direct", "Cornwall Connect": a council's own line
    if noun in _PLACES_OWN and _only_places(st, keys[:-1] if keys[-1:] == ("talking",) else keys):
        return True  # "Kent Fostering", "Kent and Medway Talking Therapies": a county's own
    if (
        noun in SERVICE_NOUNS
        and all(k in lex.protected_words or k in lex.common or k in DESCRIPTIVE for k in keys)
        and not _communitys_own(st, noun, keys)
    ):
        # "Hanley Family Hub", "Potteries Centre": a public service or a place; not a
        # community's or a cause's own ("Durham Ukrainian Hub", "Rotherham Refugee … Project")
        return True
    # "Stoke Youth Offending Team", "Leeds Housing Options"; not "Normanton Roma Support"
    return (
        noun in AGENCY_NOUNS
        and all(service_word(st, k) for k in keys)
        and not _communitys_own(st, noun, keys)
    )
