"""Organisations named by their own words and told apart by what is written after them.

- **A kind of service after the name, in lower case**: ``Inspire recovery service``, ``Ignite
  youth group``, ``Kleenco agency``, ``Bridge to Change alcohol group``, ``Christ the King
  church``. The capitals inside a sentence, before a lower-case word for what the
  organisation is (one or two lower-case words may come between), make the name.
- **A person of the organisation in brackets after it**: ``Forward Leeds (worker Tom
  Booth)``, ``Bristol Drugs Project (worker Sian Evans)``, ``Bilton News (owner Mr Ravi
  Kapoor)``, ``Oasis Care Kent, manager Tracey Bolt``.

Not where the words are a person (a given name first, or one of the record's), a place or a
public service named by one (``Leeds youth group``, ``Wigan Council team``), a time
(``Monday group``), a description only (``Polish community group``, ``Early Help service``)
or a protected phrase. The evidence is a pattern of writing, not a list: each is redacted
below the review threshold, for the person importing to confirm or keep.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from moderator.anonymise.cues import CALENDAR_WORDS, HONORIFICS, RELATION_CUES
from moderator.anonymise.lexicon import phrase_key, word_key
from moderator.anonymise.nearby import scan_near
from moderator.anonymise.orgs_brands import national_charity
from moderator.anonymise.orgs_named import PUBLIC_WORDS
from moderator.anonymise.orgs_nouns import DENOMINATIONS, DESCRIPTIVE, service_terms_only
from moderator.anonymise.orgs_runs import protected_inside
from moderator.anonymise.state import State
from moderator.anonymise.unknown_words import a_word

Add = Callable[[int, int, str, str, int], None]

_KINDS = (
    "agency|service|services|group|project|charity|helpline|church|chapel|mosque|gurdwara"
    "|temple|hall|club|gym|café|cafe|centre|provider|football|boxing|juniors"
    "|youth|nursery|school|college|academy|tenancy|landlord|lettings|foodbank"
    # a home or lodgings a young person lives in: "Ridgeway House children's home", "Cowpen
    # House supported lodgings", "Ashgrove supported housing"
    "|children['’]s[ \t]+home|care[ \t]+home|residential[ \t]+home|lodgings|hostel|refuge"
    "|housing|accommodation"
)
_WORDS = r"[A-Z][\w'’-]*(?:[ \t]+(?:(?:to|of|the|for|in|and|&)[ \t]+)?[A-Z][\w'’-]*){0,4}"
_BEFORE_KIND = re.compile(
    rf"(?<![\w'’-])(?P<n>{_WORDS})(?P<m>(?:[ \t]+[a-z][a-z'’]{{2,12}}){{0,2}})[ \t]+(?:{_KINDS})(?![\w'’-])"
)
_STAFF = "worker|key[ \\t]?worker|project[ \\t]+worker|manager|owner|contact|staff|coach|advocate"
_BEFORE_STAFF = re.compile(
    rf"(?<![\w'’-])(?P<n>{_WORDS})[ \t]*(?:\([ \t]*|,[ \t]+)(?:[a-zA-Z]+[ \t]+)?(?:{_STAFF})[ \t:]"
)
_TIMES = CALENDAR_WORDS | {"weds", "weekend", "summer", "holiday"}
# groups by age or kind, and places a group is named after ("the Rainbows group", "Plumstead
# Manor group": an estate's young people)
_NOT_NAMES = frozenset(
    {"rainbows", "brownies", "guides", "scouts", "cubs", "beavers", "explorers", "cadets"}
    | {"manor", "estate", "park", "village", "green", "road", "street", "lane", "court"}
    | {"perinatal", "elective", "home", "parenting", "online", "virtual", "local", "hospital"}
)
_PRIORITY = 57  # below the review threshold (0.6)


_KIND_WORD = re.compile(rf"[ \t](?:{_KINDS})(?![\w'’-])")
_STAFF_WORD = re.compile(rf"(?:\(|,)[ \t]*(?:[a-zA-Z]+[ \t]+)?(?:{_STAFF})[ \t:]")


def _near(pattern: re.Pattern[str], cue: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """The pattern's matches, tried only in the 80 characters before each cue (a pattern
    opening with capitals tried at every position of a note costs more)."""
    return scan_near(pattern, [c.span() for c in cue.finditer(text)], text, 80, 2)


def find_kinds_after(st: State, add: Add) -> None:
    """Add organisations marked by a lower-case kind or a staff member after them."""
    text = st.text
    for pattern, cue in ((_BEFORE_KIND, _KIND_WORD), (_BEFORE_STAFF, _STAFF_WORD)):
        for m in _near(pattern, cue, text):
            start, end = m.span("n")
            if pattern is _BEFORE_KIND and _described(m.group("m")):
                continue
            if not _inside_sentence(text, start):
                start = _after_verb(text, start, end)  # "Moved to Ridgeway House …"
            if not _inside_sentence(text, start) or not _a_name(st, text[start:end]):
                continue
            if _opens_entry(text, start, end):
                continue  # "Mon - Emailed school (…)": a verb opening a log's entry
            if protected_inside(
                st.lex, phrase_key(text[start:end]) + phrase_key(text[end : m.end()])[:1]
            ):
                continue  # "14/02 - Core group": a protected phrase with its kind (not one
                # after the name: "Ridgeway House children's home")
            if text[end : end + 1] in "'’\"”" or text[start - 1 : start] in "'‘\"“":
                continue  # "the 'Game On' programme": a quoted title
            if st.free(start, end):
                add(start, end, "org", " ".join(phrase_key(text[start:end])), _PRIORITY)


_VERB_TO = re.compile(r"[A-Z][a-z]+[ \t]+(?:to|into|from|at|in)[ \t]+(?=[A-Z])")


def _after_verb(text: str, start: int, end: int) -> int:
    """Where the name starts after a sentence's opening verb and its preposition ("Moved to
    Ridgeway House children's home"); ``start`` itself when it opens otherwise."""
    m = _VERB_TO.match(text, start, end)
    return m.end() if m is not None and a_word(m.group().split()[0].lower()) else start


def _described(between: str) -> bool:
    """Whether the lower-case words between name and kind make a sentence, not a kind
    (``Tom went to the group``: a verb or an article between)."""
    return any(w in _SENTENCE_WORDS for w in between.split())


_SENTENCE_WORDS = frozenset(
    {"the", "a", "an", "to", "and", "or", "is", "was", "went", "at", "from", "after", "before"}
    | {"on", "in", "every", "each", "this", "next", "last", "with", "for", "by", "her", "his"}
    | {"their", "our", "my", "your", "its", "not", "no", "has", "had", "have", "are", "were"}
)


def _opens_entry(text: str, start: int, end: int) -> bool:
    """Whether one word after a dash is a verb in the past opening a log's entry."""
    word = text[start:end]
    return (
        text[max(0, start - 2) : start] in (" -", "- ", " –", "– ")
        and " " not in word
        and word.endswith("ed")
        and a_word(word.lower())
    )


def _inside_sentence(text: str, start: int) -> bool:
    """Whether the name stands inside a sentence, after a lower-case word or a bracket or
    comma, not opening a line or a sentence (where every word has its capital)."""
    before = text[max(0, start - 3) : start].rstrip(" \t")
    if not before:
        return False
    if before[-1] in "(,;:" or before.endswith((" -", " –")):
        return True
    return before[-1].isalpha() and before[-1].islower()


def _a_name(st: State, written: str) -> bool:
    """Whether capitalised words may be an organisation's own name (see the module)."""
    lex = st.lex
    keys = phrase_key(written)
    if not keys or (written.isupper() and len(keys) == 1 and written in lex.acronyms):
        return False
    if any(k in PUBLIC_WORDS or k in _TIMES or k in _NOT_NAMES for k in keys):
        return False
    if service_terms_only(keys):
        return False
    first = keys[0]
    if (first in lex.given and first not in lex.words) or first in st.known.keys:
        return False  # a person: "Tom went to the group"
    if first in HONORIFICS or first in RELATION_CUES or any(k in st.known.keys for k in keys):
        return False
    if all(
        k in DESCRIPTIVE or (k,) in lex.places or k in lex.protected_words or k in DENOMINATIONS
        for k in keys
    ):
        return False  # "Polish community group", "Leeds youth group", "Eritrean Orthodox service"
    if keys in lex.places or protected_inside(lex, keys) or national_charity(written):
        return False
    return not (len(keys) == 1 and word_key(written) in lex.surnames and first not in lex.words)
