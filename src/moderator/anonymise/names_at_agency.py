"""A given name written alone right before the organisation its owner works at.

``help from Adeel at Rahman Yasin Solicitors``, ``with help from Shahida at the Bangladeshi
Women's Association``, ``Jade from [a firm found]``: once an earlier layer has taken the
organisation, school or practice, a given name of the lists just before ``at`` or ``from``
and it is a person there, a professional, though the name is an everyday word. Mid-sentence
only (after a word in lower case or a bracket), so that a heading or a sentence's opening
word ("Summer at Kingsway …") is not read as one; months, days and seasons are never names
here.
"""

from __future__ import annotations

import re

from moderator.anonymise.lexicon import word_key
from moderator.anonymise.state import State

_ORG_KINDS = frozenset({"org", "school", "gp_practice"})
# a given name, then "at" or "from" (and "the"), ending where the organisation starts
_NAME_AT = re.compile(r"(?<![\w'’-])(?P<n>[A-Z][a-z]{2,12})[ \t]+(?:at|from)[ \t]+(?:the[ \t]+)?\Z")
# what stands before the name: a word in lower case, or a bracket or comma
_MID_SENTENCE = re.compile(r"(?:(?<![\w'’-])[a-z][a-z'’-]*[ \t]+|[(,][ \t]*)\Z")
# words written like a given name that name no one here: months, days, seasons, a relation
NOT_PEOPLE = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september"}
    | {"october", "november", "december", "monday", "tuesday", "wednesday", "thursday"}
    | {"friday", "saturday", "sunday", "summer", "spring", "autumn", "winter", "easter"}
    | {"christmas", "today", "tomorrow", "yesterday", "someone", "nobody", "everyone", "staff"}
    | {"mum", "dad", "mummy", "daddy", "nan", "nana", "nanna", "grandma", "grandad", "school"}
)


def lone_given_name(st: State, key: str) -> bool:
    """Whether ``key``, written alone, can be a given name here: one of the lists, no month,
    day, season or relation's word, no protected word and no place."""
    lex = st.lex
    return (
        key in lex.given
        and key not in NOT_PEOPLE
        and key not in lex.protected_words
        and (key,) not in lex.places
    )


def find_given_names_at_agencies(st: State) -> None:
    """Take a given name written right before ``at``/``from`` and an organisation found."""
    text = st.text
    for c in [c for c in st.cands if c.kind in _ORG_KINDS]:
        m = _NAME_AT.search(text, max(0, c.start - 24), c.start)
        if m is None:
            continue
        start, end = m.span("n")
        if (
            lone_given_name(st, word_key(m.group("n")))
            and _MID_SENTENCE.search(text, max(0, start - 24), start) is not None
            and st.free(start, end)
        ):
            key = word_key(m.group("n"))
            st.take(start, end, "professional", "p:" + key, 46, 0.7)
