"""A firm named after a person: the person's name and the firm's noun are one organisation.

``Dixon's Hardware``, ``Ciobanu Romanian Grocery``, ``Fenland Fresh Packers``: a family's
firm or shop carries a surname, and the name layers take the surname (``Dixon``, one of the
note's people) or read the words before the noun as a person (``Fresh Packers``). Where a
person's redaction is followed, with or without ``'s``, by capitalised words that end in an
organisation's noun (``Hardware``, ``Grocery``, ``Roofing``, ``Cars``), or itself ends in
such a noun and is no listed surname (``Chambers``, ``Homes`` stay people), the whole is one
organisation, with the capitalised words joined before it (``Fenland``). A name of several
words before the noun is a person beside a place (``Revd K. Asamoeh Church of …``) unless
it is written as the owner's (``Harry Dixon's Hardware``).
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import HONORIFICS
from moderator.anonymise.lexicon import phrase_key, word_key
from moderator.anonymise.orgs_nouns import ORG_NOUN
from moderator.anonymise.state import Cand, State
from moderator.anonymise.unknown_words import a_word

_NOUN_END = re.compile(rf"(?:{ORG_NOUN})")
_FIRM_AFTER = re.compile(r"(?:['’]s)?((?:[ \t]+[A-Z][\w'’&-]*){1,3})")
_CAPITAL_BEFORE = re.compile(r"(?:[A-Z][\w'’-]*[ \t]+){1,2}\Z")
_PEOPLE = frozenset({"person", "professional"})
# a centre's or a hub's name after words of English read as a person's ("Pear Tree Family
# Centre"), not an NHS trust's ("Great Western Hospitals NHS Foundation Trust")
_CENTRE_AFTER = re.compile(r"(?:[ \t]+[A-Z][\w'’-]*)?[ \t]+(?:Centre|Hub|Club|Project)\Z")


def _ends_in_noun(words: str) -> bool:
    last = words.split()[-1]
    return _NOUN_END.fullmatch(last) is not None


def join_people_to_firms(st: State) -> None:
    """Join a person's name to the firm's noun after it (see the module)."""
    text = st.text
    lex = st.lex
    for c in [c for c in st.cands if c.kind in _PEOPLE]:
        written = text[c.start : c.end]
        m = _FIRM_AFTER.match(text, c.end)
        one = len(written.split()) == 1 or (m is not None and m.group().startswith(("'", "’")))
        # (or words of English read as a name: "Pear Tree Family Centre", "Bank Quay Family
        # Centre"; a person's two names are no everyday words)
        one = one or (
            m is not None
            and _CENTRE_AFTER.match(m.group(1)) is not None
            and all(a_word(k) for k in phrase_key(written))
        )
        if m is not None and one and st.free(m.start(1), m.end(1)):
            words = m.group(1)
            for cut in range(len(words.split()), 0, -1):
                part = " ".join(words.split()[:cut])
                if _ends_in_noun(part):
                    end = text.find(part, m.start(1)) + len(part)
                    _as_firm(st, c, c.start, end)
                    break
            continue
        last = written.split()[-1] if written.split() else ""
        if (
            len(written.split()) > 1
            and _NOUN_END.fullmatch(last)
            and word_key(last) not in lex.surnames
            and word_key(last) not in lex.given
            # "DS Alan Crew": an officer by his rank and given name ("Mr Pizza" is the firm)
            and not (
                len(written.split()) > 2
                and word_key(written.split()[0]) in HONORIFICS
                and word_key(written.split()[1]) in lex.given
            )
        ):
            before = _CAPITAL_BEFORE.search(text, max(0, c.start - 40), c.start)
            start = c.start
            if before is not None and st.free(before.start(), c.start):
                start = before.start()
            _as_firm(st, c, start, c.end)


def _as_firm(st: State, c: Cand, start: int, end: int) -> None:
    st.cands.remove(c)
    st.taken[c.start : c.end] = bytes(c.end - c.start)
    st.take(start, end, "org", " ".join(phrase_key(st.text[start:end])), 55, c.confidence)
