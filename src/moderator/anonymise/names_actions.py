"""A given name opening an action of minutes or a plan: ``3. Sue to update the risk
assessment``, ``- Dawn to ring mum``, ``Jade to support Kayla with UC``.

Minutes list who will do what, each item opening with the doer's name and ``to`` and a verb.
A given name of the lists written there is a person, though it is an everyday word (``Sue``,
``Jade``, ``Dawn``, ``Faith``); a month, a day, a season or a relation's word is not (``May
to be reviewed``, ``Mum to attend``). The item opens a line (after its number, dash or
bullet) or follows a full stop.
"""

from __future__ import annotations

import re

from moderator.anonymise.lexicon import word_key
from moderator.anonymise.names_at_agency import lone_given_name
from moderator.anonymise.state import State

# an item's opening: a line's start, its number or bullet, or a sentence's end before it
_ACTION = re.compile(
    r"(?m)(?:^[ \t]*(?:\d{1,2}[.)][ \t]*|[-–•*>][ \t]*)?|(?<=[.;])[ \t]+)"
    r"(?P<n>[A-Z][a-z'’-]{1,12})[ \t]+to[ \t]+(?=[a-z]{2,}\b)(?!(?:"
    + "|".join(
        # the words that follow "to" where no action does: "Said to his friend", "Mark to
        # upper left arm", "May to be reviewed"
        (
            "be",
            "the",
            "a",
            "an",
            "his",
            "her",
            "their",
            "my",
            "your",
            "our",
            "its",
            "him",
            "me",
            "them",
            "us",
            "upper",
            "lower",
            "left",
            "right",
            "form",
            "school",
            "mum",
            "dad",
            "nan",
            "home",
            "do list",
            "and",
            "or",
            "say",
            "date",
        )
    )
    + r")\b)"
)


def find_given_names_with_actions(st: State) -> None:
    """Take a given name opening an action item ("3. Sue to update …") as a professional."""
    text = st.text
    if " to " not in text:
        return
    for m in _ACTION.finditer(text):
        start, end = m.span("n")
        key = word_key(m.group("n"))
        if lone_given_name(st, key) and st.free(start, end):
            st.take(start, end, "professional", "p:" + key, 46, 0.7)
