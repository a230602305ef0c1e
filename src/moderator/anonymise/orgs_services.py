"""Organisations named by everyday words, after a word that says someone came from or went to
one: ``employed via Engage Education``, ``staff from Nexus Staffing``, ``RHI by Safe and
Sound``, ``a group at Bridge to Change``, ``landlord Clarion Housing``.

No noun of the organisation grammar ends these names and every word is one the lists know,
so neither the noun grammar nor the unknown-word rule sees them. After ``via``, ``from``,
``through``, ``by``, ``with``, ``at``, ``to``, ``landlord``, ``provider`` or ``agency``, a run of
two to five capitalised words inside a sentence (not opening it, not in capitals) is such a
name unless it is a person (a given name first, one of the record's people), a place, a public
service (a council's, the police's, the health service's or a court's word anywhere in it), a
protected phrase or protected words only (``Core Group``, ``Early Help``), or a time (a
weekday or month inside). The evidence is weak: each is redacted below the review threshold,
for the person importing to confirm or keep.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from moderator.anonymise.cues import HONORIFICS, NAME_TITLES, RELATION_CUES
from moderator.anonymise.lexicon import phrase_key, word_key
from moderator.anonymise.nearby import starting_with_folded
from moderator.anonymise.orgs_brands import national_charity
from moderator.anonymise.orgs_named import PUBLIC_WORDS
from moderator.anonymise.orgs_nouns import DENOMINATIONS, service_terms_only
from moderator.anonymise.orgs_runs import JOINERS, protected_inside, words_right
from moderator.anonymise.state import State
from moderator.anonymise.unknown_words import dictionary

Add = Callable[[int, int, str, str, int], None]

# the cue in any case, then the run's capital letter (looked ahead at, not taken)
_CUE = re.compile(
    r"(?<![\w'’-])(?i:via|from|through|by|with|at|to|landlord|provider|agency)[ \t]+"
    r"(?:(?i:the)[ \t]+)?(?=[A-Z])"
)
# what every match of _CUE starts with, in lower case (where it is tried)
_CUE_STARTS = ("via", "from", "through", "by", "with", "at", "to", "landlord", "provider", "agency")
# the nouns that make "The …" after a cue an organisation's name, not a pub's or a house's
_THE_NOUNS = frozenset(
    {"project", "centre", "center", "trust", "foundation", "group", "clinic", "service"}
    | {"services", "hub", "club", "academy", "partnership", "network", "unit", "collective"}
)
_TIMES = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"january", "february", "march", "april", "june", "july", "august", "september"}
    | {"october", "november", "december", "christmas", "easter", "year", "term", "half"}
)
_KIN = RELATION_CUES | NAME_TITLES | frozenset(HONORIFICS) | {"aunt", "auntie", "uncle", "baby"}
# words of public services beyond the organisation layer's own list
_PUBLIC = frozenset(
    {"office", "justice", "work", "health", "unit", "courts", "team"}
    | {"probation", "prison", "hmp", "trust", "nhs", "camhs", "social", "children's", "fire"}
    | {"ambulance", "authority", "department", "ministry", "mental", "parliament", "army"}
    | {"royal", "consulate", "embassy", "options", "safeguarding", "infirmary", "clinic"}
    | {"nurse", "hub", "partnership", "force", "assessment"}  # "Family Nurse", "Border Force"
    # a law, a scheme or a benefit: "Protection from Eviction Act", "via Healthy Start"
    | {"act", "help", "scheme", "start", "allowance", "benefit", "credit", "grant", "order"}
)
_PLACE_NOUNS = frozenset(
    {"park", "fair", "arboretum", "castle", "wood", "bridges", "beach", "pier", "common"}
    | {"fields", "lake", "reservoir", "moor", "gardens", "zoo", "airport", "station", "bay"}
    | {"hill", "green", "valley", "forest", "manor", "estate", "village", "island", "road"}
    | {"street", "lane", "avenue", "square", "market", "bridge", "co-op", "cottage", "farm"}
    | {"cottages", "farmhouse", "barn", "bungalow", "rectory", "vicarage", "mill", "court"}
    | {"flats", "towers", "mansions", "caravan", "site", "yard", "close", "crescent", "way"}
    | {"town", "city", "centre"}
)
_ACTIVITIES = frozenset(
    {"boxing", "kickboxing", "football", "swimming", "dance", "dancing", "karate", "judo"}
    | {"gymnastics", "rugby", "cricket", "taekwondo", "lessons", "class", "classes", "drama"}
    | {"cookery", "music", "art", "choir", "prayers", "school", "club", "camp"}
)
_LONGER = re.compile(r"[ \t]+(?:and|&)[ \t]+[A-Z]")
_PRIORITY = 57  # below the review threshold (0.6)


def _service(st: State, words: list[str]) -> bool:
    """Whether the capitalised words may name a private or voluntary organisation."""
    lex = st.lex
    keys = [word_key(w) for w in words if w.lower() not in JOINERS and w != "and"]
    if len(keys) < 2 or any(w.isupper() for w in words):  # capitals, or an initial
        return False
    if any(k in _KIN or (k in lex.given and k not in lex.words) for k in keys) or any(
        k in st.known.keys for k in keys
    ):
        return False  # a person ("with Aunt Mary"): the name layers find them
    if len(keys) == 2 and keys[0] in lex.given and keys[1] not in lex.words:
        return False  # "RHI by Jade Morton": a given name that is a word, and a surname
    if any(k in PUBLIC_WORDS or k in _PUBLIC or k in _TIMES or k in _PLACE_NOUNS for k in keys):
        return False  # a public service, a time, a park or a town's fair
    if keys[-1] in _ACTIVITIES:
        return False  # "goes to Thai Boxing": what, not who
    if national_charity(" ".join(words)):
        return False  # "referred to Women's Aid": a national charity alone stays
    joined = tuple(keys)
    if (keys[0],) in lex.places or joined in lex.places or joined[:2] in lex.places:
        return False  # a place, or a venue named by its town ("Walsall Arboretum")
    if all(k in lex.protected_words for k in keys) or service_terms_only(keys):
        return False  # "Core Group", "Talking Therapies", "Registered Manager"
    if all(k in DENOMINATIONS for k in keys):
        return False  # a faith's branch: "with the Eritrean Orthodox fellowship"
    words_known = dictionary()
    if not all(k in lex.words or k in words_known or (k,) in lex.places for k in keys):
        return False  # a word no list knows: a name, for the name and unknown-word layers
    return not protected_inside(lex, joined)


def _ends_a_phrase(st: State, before: int, at: int, end: int) -> bool:
    """Whether a protected phrase starts before the cue and runs into the words after it."""
    keys = phrase_key(st.text[max(0, before - 40) : end])
    size = len(phrase_key(st.text[at:end]))
    first = len(keys) - size  # the run's first word
    phrases = st.lex.phrases
    return any(
        keys[k : k + len(p)] == p and k + len(p) > first
        for k in range(first)
        for p in phrases.get(keys[k], ())
    )


def find_named_services(st: State, add: Add) -> None:
    """Add organisations named by everyday words after their cue (see the module)."""
    text = st.text
    # (tried only at the cues' words: the same matches as a scan of every position)
    for m in starting_with_folded(_CUE, text, _CUE_STARTS):
        at = m.end()
        end = words_right(text, at, 5)
        words = text[at:end].split()
        while words and (words[-1].lower() in JOINERS or words[-1] in ("and", "&")):
            end = text.rindex(words.pop(), at, end)  # "… Sound and": the joiner stays
        if len(words) < 2 or not _service(st, words) or not st.free(at, end):
            continue
        if _LONGER.match(text, end):
            continue  # cut short ("Royal Devon and Exeter …")
        if text[max(0, at - 4) : at] == "The ":
            if (at > 4 and text[at - 5] not in " \t(") or not (
                len(words) >= 3 or words[-1].lower() in _THE_NOUNS
            ):
                continue  # a pub's or a house's name ("at The Red Lion"): any town has one
            at -= 4  # "to The Haven Project": a capital "The" inside a sentence is the name's
        if _ends_a_phrase(st, m.start(), at, end):
            continue  # "Working Together to Safeguard Children": a protected phrase's end
        ahead = phrase_key(text[at : at + 80])
        if ahead and any(ahead[: len(p)] == p for p in st.lex.phrases.get(ahead[0], ())):
            continue  # "Keeping Children Safe in Education": a protected phrase's start
        add(at, end, "org", " ".join(phrase_key(text[at:end])), _PRIORITY)
