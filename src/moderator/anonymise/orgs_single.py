"""Organisations named by one word, after a word that says a family was sent to or works at one.

``referral to GDASS``, ``Referred to Shekinah (money advice)``, ``has a job at Dunelm``,
``works evenings at KFC``, ``tenancy with Orbit``, ``signposted to The Rendezvous``, ``robbed
outside Queensgate``. One capitalised word (or an acronym) holds no organisation's noun for
the grammar to see, and no run of words for the unknown-word rule; but after a referral, a
job, a tenancy or ``outside``, a word with its capital inside a sentence is most often the
organisation's or venue's own name.

Not taken: a word the lists know as a service's or a public body's (``referral to Housing``,
``referred to Paediatrics``, ``referral to Prevent``, ``CAMHS``), a person (a given name, one of
the record's people), a place the gazetteer knows (``outside Leeds``), a time, a relation (``works for Mum``),
a longer name (the other layers read runs of capitals), and lines in capitals (a police
form's words). The evidence is a pattern of writing, not a list: each is redacted below the
review threshold, for the person importing to confirm or keep.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from moderator.anonymise.cues import CALENDAR_WORDS, HONORIFICS, LEADING_WORDS, RELATION_CUES
from moderator.anonymise.lexicon import lower_same_length, word_key
from moderator.anonymise.nearby import folds_alike, matches_in, word_positions
from moderator.anonymise.orgs_brands import national_charity
from moderator.anonymise.orgs_named import PUBLIC_WORDS
from moderator.anonymise.orgs_nouns import SERVICE_TERMS
from moderator.anonymise.state import State

Add = Callable[[int, int, str, str, int], None]

_CUE = re.compile(
    r"(?<![\w'’-])(?i:referr(?:al|ed)[ \t]+(?:on[ \t]+)?to|refer[ \t]+(?:her|him|them)?[ \t]*to"
    r"|signposted[ \t]+to|(?:a|her|his)[ \t]+job[ \t]+(?:at|with)|works?[ \t]+(?:at|for)"
    r"|working[ \t]+(?:at|for)|employed[ \t]+(?:by|at)|shifts?[ \t]+at|tenancy[ \t]+with"
    r"|housed[ \t]+by|landlord(?:[ \t]+is)?[ \t]*:?|provider[ \t]*:|results[ \t]+from"
    r"|outside)[ \t]+"
)
# what each cue starts with (in lower case), where _CUE is tried; "a job", "her job" and "his
# job" from the word before each "job"
_CUE_STARTS: tuple[str, ...] = (
    "refer", "signposted", "work", "employed", "shift", "tenancy", "housed", "landlord",
    "provider", "results", "outside",
)  # fmt: skip
# the name: one capitalised word or acronym ("the" before it kept only with its capital),
# ending a phrase (no capitalised word after it)
_NAME = re.compile(
    r"(?P<the>The[ \t]+)?(?P<n>[A-Z][\w'’&-]*[\w])(?![\w'’&-])(?![ \t]+(?:(?:of|and|the|for|in)[ \t]+|&[ \t]+)?[A-Z0-9])"
)
# services and departments referred to by their own word: no organisation's name
_SERVICES = frozenset(
    {"prevent", "channel", "paediatrics", "paeds", "midwifery", "maternity", "physio"}
    | {"physiotherapy", "audiology", "orthopaedics", "dermatology", "neurology", "psychiatry"}
    | {"psychology", "gynaecology", "dietetics", "radiology", "cardiology", "oncology", "adults"}
    | {"immigration", "benefits", "jobcentre", "probation", "court", "courts", "school"}
    | {"college", "nursery", "university", "hospital", "a&e", "gp", "gps", "dentist", "dental"}
    | {"optician", "opticians", "pharmacy", "camhs", "ambulance", "police", "council", "home"}
    | {"homes", "cafcass", "ofsted", "nhs", "duty", "triage", "mash", "edt", "yot", "yos"}
    | {"yjs", "children's", "childrens", "social", "services", "dwp", "hmrc", "portage"}
    | {"reablement", "respite", "fostering", "adoption", "panel", "legal", "solicitors"}
)
_PRIORITY = 57  # confidence 0.6: below the review threshold
_PEOPLE = RELATION_CUES | frozenset(HONORIFICS) | LEADING_WORDS


def _shouted(text: str, at: int) -> bool:
    """Whether the cue stands in a line written in capitals (a police form's field)."""
    line_start = text.rfind("\n", 0, at) + 1
    line = text[line_start : text.find("\n", at) if "\n" in text[at:] else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 8 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _a_name(st: State, word: str) -> bool:
    """Whether one capitalised word after a cue may be an organisation's own name."""
    lex = st.lex
    key = word_key(word)
    if word.isupper() and (word in lex.acronyms or len(word) < 2):
        return False  # "referral to CAMHS": the lists' acronyms name services
    if key in _SERVICES or key in SERVICE_TERMS or key in PUBLIC_WORDS or key in CALENDAR_WORDS:
        return False
    if national_charity(word):
        return False  # "referral to Kooth": a national service, kept alone as the lists keep it
    if key in _PEOPLE or key in st.known.keys or (key in lex.given and key not in lex.words):
        return False  # a person, or one of the record's: the name layers read them
    return (key,) not in lex.places and (word.isupper() or key not in lex.protected_words)


def _cues(text: str) -> list[re.Match[str]]:
    """What ``_CUE.finditer(text)`` gives, the pattern tried only where a cue starts (found in
    the text's lower case: see :func:`.nearby.folds_alike`; any other text is scanned whole)."""
    if not folds_alike(text):
        return list(_CUE.finditer(text))
    lower = lower_same_length(text)
    spans = [(at, at) for at, _ in word_positions(lower, _CUE_STARTS)]
    for at, _ in word_positions(lower, ("job",)):
        before = at
        while before > 0 and text[before - 1] in " \t":
            before -= 1
        if before < at:  # "a", "her" or "his" ends where the spaces start
            spans.append((max(0, before - 3), before - 1))
    return matches_in(_CUE, sorted(spans), text)


def find_single_word_orgs(st: State, add: Add) -> None:
    """Add one-word organisations after a referral, a job or a tenancy (see the module)."""
    text = st.text
    for cue in _cues(text):
        m = _NAME.match(text, cue.end())
        if m is None or _shouted(text, cue.start()):
            continue
        start = m.start() if m.group("the") else m.start("n")
        end = m.end("n")
        if text[end : end + 1] == "'" or not _a_name(st, m.group("n")):
            continue
        if st.free(start, end):
            add(start, end, "org", word_key(m.group("n")), _PRIORITY)
