"""A school's or a GP practice's name found by its noun: where it starts and whether it is one.

The school and practice grammars of :mod:`.patterns` match a run of capitalised words before a
noun (``Primary``, ``Academy``, ``Surgery``); :func:`institution` trims the sentence's words
before the name (``At``, ``The``, a child's name before ``ATTENDS`` in a police form's capitals),
keeps a name's first word that is also a word (``SHAW RIDGE PRIMARY``), and turns away
descriptions, protected phrases and hospitals named like colleges. Split from
:mod:`.layer_patterns` (the ~400-line limit per module).
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import HONORIFICS, LEADING_WORDS
from moderator.anonymise.dates import MONTHS
from moderator.anonymise.layer_orgs import NURSERY_STARTS, with_town
from moderator.anonymise.lexicon import WORD_RE, phrase_key, word_key
from moderator.anonymise.orgs_leading import generic_name, name_starts
from moderator.anonymise.orgs_nouns import FUNCTION_WORDS, GOING
from moderator.anonymise.state import Cand, State


def protected_phrase(st: State, words: tuple[str, ...], longer_than: int = 0) -> bool:
    """Whether the words begin with a protected phrase of more than ``longer_than`` words.

    "Staying Close" is protected as a whole; "Virtual School Head" reaches into
    the word "School"; but "Eaton Park Primary" is a school named after a place.
    """
    return bool(words) and any(
        len(phrase) > longer_than and words[: len(phrase)] == phrase
        for phrase in st.lex.phrases.get(words[0], ())
    )


_GENERIC = frozenset({"local", "central", "new", "main", "general", "family", "community", "city"})


# a line that is one name in capitals (checked up to the name's end; the line must end there)
_A_LINE = re.compile(r"[A-Z][A-Z'’&. -]*")


def _line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _named_next(st: State, at: int, end: int) -> bool:
    """Whether the word after ``at`` (before ``end``) is no everyday word: a name that is also
    a word then begins a school's name ("SHAW RIDGE PRIMARY", "HOLLY BANK SCHOOL")."""
    w = WORD_RE.search(st.text, at, end)
    return w is not None and w.group().casefold() not in st.lex.common


def institution(st: State, m: re.Match[str], kind: str) -> Cand | None:
    """A school or GP practice, without leading everyday words ("At", "The", "Virtual")."""
    start = m.start()
    name_end = m.end("name")
    lex = st.lex
    newline = st.text.rfind("\n", start, name_end)
    if newline >= 0:
        start = newline + 1  # "CONFIDENTIAL⏎Valley Road Surgery": a line above is no part of it
    shouted = st.text[start:name_end].isupper()  # a police form's line, read titled
    line_start = start if newline >= 0 else _line_start(st.text, start)
    if (
        shouted
        and _A_LINE.fullmatch(st.text, line_start, m.end())
        and st.text[m.end() :].lstrip(" \t")[:1] in ("", "\n")  # (the line ends there)
        and not any(
            w in GOING or w in FUNCTION_WORDS for w in phrase_key(st.text[line_start : m.end()])
        )
    ):
        shouted = False  # "TRINITY VIEW MEDICAL CENTRE" alone on a line: a letter's heading
    if shouted:  # "RILEY ATTENDS TINY STEPS NURSERY": a child, then the nursery
        for w in WORD_RE.finditer(st.text, start, name_end):
            if w.group().casefold() in GOING:
                start = w.end()
    for w in WORD_RE.finditer(st.text, start, name_end):
        key = w.group().casefold()
        if key in ("st", "saint") or name_starts(st.text, w.start(), w.group()):
            break
        if word_key(w.group()) in LEADING_WORDS or key in HONORIFICS:
            if key in HONORIFICS and kind == "address":
                return None  # "Mrs Tina Lodge", "boss Mr Stuart Lodge": a person, titled
            start = w.end()
            continue
        if (
            shouted
            and (key in lex.common or key in MONTHS)
            and key not in NURSERY_STARTS
            and not (
                (key in lex.surnames or key in lex.given) and _named_next(st, w.end(), name_end)
            )
        ):
            start = w.end()  # "CHILD SEEN AT SCHOOL", "ENROLLED SEPT AT": everyday words
            continue  # (not "LITTLE ACORNS NURSERY": a nursery's name starts so)
        if w.group().isupper() and w.group() in lex.acronyms:
            start = w.end()  # "GP Vale Royal Surgery": the role before the practice's name
            continue
        break
    while start < name_end and not st.text[start].isalnum():
        start += 1
    if start >= name_end:
        return None
    name = phrase_key(st.text[start:name_end])
    if kind == "address" and any(w in HONORIFICS for w in name):
        return None  # "boss Mr Stuart Lodge": a titled person
    if shouted and (
        (len(name) == 1 and _POSSESSIVE_END.search(st.text, start, name_end))
        or any(
            w in lex.common
            and w not in _JOINING
            and w not in _NAMING
            and not (i == 0 and len(name) > 1 and (w in lex.surnames or w in lex.given))
            for i, w in enumerate(name)
        )
    ):
        return None  # "ENCOMPASS ALERT TO BROOKLYN'S SCHOOL": a sentence, not a school's name
    if protected_phrase(st, phrase_key(st.text[start : m.end()]), len(name)):
        return None
    if _phrase_runs_past(st, start, m.end()):
        return None  # "Family on Free School Meals": the noun is a protected phrase's word
    if _HOSPITAL_AFTER.match(st.text, m.end()):
        return None  # "King's College Hospital": a hospital, named like a college
    end = with_town(st, m.end()) if kind != "address" else m.end()
    if (
        kind == "school"
        and end == m.end()
        and name[0] != "royal"  # ("Royal College of Nursing", "Royal Academy of Dance": national)
        and (of := _OF_SUBJECT.match(st.text, end))
    ):
        end = of.end()  # "Sumner School of Motoring", "Stars Academy of Dance": its subject
    if end > m.end() and kind == "school" and not _SHOUTED_OR_SPACED.search(st.text, m.end(), end):
        # "City College Norwich", "Lakes College West Cumbria": named by its town
        return Cand(start, end, kind, " ".join(name), 60, 0.9)
    if (
        len(name) == 1
        and kind != "address"
        and name[0] in lex.common
        and (kind != "gp_practice" or "Medical" not in m.group() or name[0] in _GENERIC)
        # ("Stone Health Centre", "Wells Surgery": a town's practice, though the town is a word)
        and (shouted or (name[0],) not in lex.places)
    ):
        return None  # "Special School", "Local Surgery": generic; "Ford Medical Practice" named
    if kind != "address" and generic_name(st, name):
        return None  # "Polish Saturday School": a description
    return Cand(start, end, kind, " ".join(name), 60, 0.9)


_SHOUTED_OR_SPACED = re.compile(r"\n|[ \t]{2}")
# what a school is of, capitalised: "of Motoring", "of Further Education", "of St Luke"
_OF_SUBJECT = re.compile(
    r"[ \t]+of[ \t]+(?:St\.?[ \t]+)?[A-Z][\w'’-]+(?:[ \t]+(?:(?:and|&)[ \t]+)?[A-Z][\w'’-]+){0,3}"
    r"(?![\w'’-])"
)


_PUNCTUATION = re.compile(r"[,.;:()\[\]\n]")


def _phrase_runs_past(st: State, start: int, end: int) -> bool:
    """Whether a protected phrase opening at a word of ``text[start:end]`` goes on past its end
    ("Free School Meals" from "Free" in "Family on Free School")."""
    text = st.text
    inside = len(phrase_key(text[start:end]))
    stop = _PUNCTUATION.search(text, end, end + 40)  # a phrase goes on only within the clause
    after = stop.start() if stop else min(len(text), end + 40)
    for w in WORD_RE.finditer(text, start, end):
        keys = phrase_key(text[w.start() : after])
        within = len(phrase_key(text[w.start() : end]))
        if (
            any(len(p) > within and keys[: len(p)] == p for p in st.lex.phrases.get(keys[0], ()))
            and within <= inside
        ):
            return True
    return False


_JOINING = frozenset({"of", "the", "and", "de", "la", "le", "on", "upon", "under", "in", "st"})
# everyday words schools and practices are named with, in a police form's capitals too:
# "HOLYCROFT PARK COLLEGE", "COVENTRY ROAD MEDICAL PRACTICE"
_NAMING = frozenset(
    {"park", "road", "lane", "hill", "green", "grove", "vale", "field", "fields", "wood",
     "bridge", "street", "farm", "view", "meadow", "meadows", "brook", "heath", "gate", "way",
     "valley", "castle", "bank", "cross", "church", "mill", "north", "south", "east", "west"}
)  # fmt: skip
_POSSESSIVE_END = re.compile(r"['’]S?\s*$")
_HOSPITAL_AFTER = re.compile(r"[ \t]+(?:Hospital|Hospice|Infirmary)\b")
