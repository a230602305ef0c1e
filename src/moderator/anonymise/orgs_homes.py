"""Children's homes, hostels and placements named by one word, and the people who staff them.

A looked-after child's record names the home they live in by its one-word name, with no
noun to say what it is: ``placed at Oakfield since 09/24``, ``missing from Elmwood``, ``Kai
back at Seaward at 04:30``, ``key worker at Larchwood``, ``Foxhall manager Denise``, ``staff
at Marbury won't let her``. The name says where the child lives. After such a cue (a
placement's verb and ``at``; ``missing from``, ``back at``; a home's worker and ``at``) or
before one (the home's ``staff``, ``manager``, ``key worker``), one capitalised word that is no
given name, surname, everyday word, place, festival or national name is the home's. Its other
mentions in the note go with it (``Christmas Day Kai spent at Oakfield``). Each is redacted
below the review threshold, for the person importing to confirm.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import CALENDAR_WORDS
from moderator.anonymise.nearby import starting_with_folded
from moderator.anonymise.orgs_brands import national_charity
from moderator.anonymise.orgs_short import CAPITAL_BEFORE
from moderator.anonymise.state import State

_CONFIDENCE = 0.65
_NAME = r"(?P<n>[A-Z][a-z]{2,}(?:[A-Z][a-z]+)?)(?![\w'’-]|[ \t]+[A-Z])"
# the cues before the name: a placement, a child away from it or back, a worker there
_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:(?:placed|placement|living|staying|stays|resident|accommodated)[ \t]+at"
    r"|missing[ \t]+from|back[ \t]+at"
    r"|(?:key[ \t]?worker|keyworker|manager|staff|carers?)[ \t]+(?:at|from))"
    r"[ \t]+(?:the[ \t]+)?" + _NAME
)  # (the cue opening a sentence too: "Staff at Oakwood recall a car")
# ... and after it: the home's own staff
_AFTER = re.compile(
    r"(?<![\w'’-])(?P<n>[A-Z][a-z]{2,}(?:[A-Z][a-z]+)?)[ \t]+"
    r"(?:staff|manager|key[ \t]?worker|keyworker|home[ \t]+manager)(?![\w'’-])"
)
_GATE = ("placed", "placement", "living", "stay", "resident", "accommodated", "missing",
         "back at", "worker", "manager", "staff", "carer")  # fmt: skip
# what each match of _BEFORE starts with, in lower case (it ignores case there): it is tried
# only where they are written, not at every position of the note
_BEFORE_STARTS = ("placed", "placement", "living", "stay", "resident", "accommodated",
                  "missing", "back", "key", "manager", "staff", "carer")  # fmt: skip
# what each match of _AFTER holds as written (its words are in lower case: case counts)
_AFTER_WORDS = ("staff", "manager", "worker")
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z]{2,}(?:[A-Z][a-z]+)?(?![\w'’-]|[ \t]+[A-Z])")


def _a_home(st: State, word: str) -> bool:
    """Whether a capitalised word can be a home's own name: no word a list knows."""
    key = word.lower()
    lex = st.lex
    return not (
        key in lex.given
        or key in lex.surnames
        or key in lex.common
        or key in lex.words
        or key in lex.protected_words
        or key in CALENDAR_WORDS
        or (key,) in lex.places
        or word.upper() in lex.acronyms
        or national_charity(word)
        or key in st.known.keys
    )


def find_named_homes(st: State) -> None:
    """Redact the one-word names of homes and placements (see the module)."""
    text = st.text
    lower = text.lower()
    if not any(w in lower for w in _GATE):
        return
    names: set[str] = set()
    for m in starting_with_folded(_BEFORE, text, _BEFORE_STARTS):
        names.add(m.group("n"))
    for m in _AFTER.finditer(text) if any(w in text for w in _AFTER_WORDS) else ():
        if CAPITAL_BEFORE.search(text, max(0, m.start() - 30), m.start()) is None:
            names.add(m.group("n"))  # (not "Community Hub manager": a longer name's end)
    homes = {name for name in names if _a_home(st, name)}
    if not homes:
        return
    # every mention, in one pass over the note's capitalised words (not a pass a name: a
    # note of many names stays linear); not where it starts a longer name ("Oakfield House")
    for m in _CAPITALISED.finditer(text):
        if m.group() in homes and st.free(m.start(), m.end()):
            st.take(m.start(), m.end(), "org", "home:" + m.group().lower(), 45, _CONFIDENCE)
