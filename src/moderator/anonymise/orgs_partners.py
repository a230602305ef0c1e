"""Firms named by their partners' surnames: ``Solicitor at Tait & Farrah``, ``instructed Pym
and Barraclough``, ``accountants Hussain & Rowe``.

Two capitalised surnames joined by ``&`` (or ``and`` after a firm's cue) name a partnership,
a family's solicitors or accountants, which places them. Taken after a word of place or a
firm's cue (``at``, ``with``, ``from``, ``solicitor``, ``instructed``), when neither word is
an everyday word (but a surname), a protected word or a place, not both
everyday words, and one of them at least is no given name (``Tom &
Jerry``, ``Bed & Breakfast``, ``Mr & Mrs`` stay).

``orgs_named.joined_firm`` reads the same grammar first, for two surnames the lists hold and
neither a given name (``Brennan & Holt``); this layer takes what it leaves: a partner's name
no list holds (``Farrah``), a surname that is also a word or a given name (``Rowe``,
``Hussain``), and ``and`` after a firm's cue. The two share no code yet; folding them into one
is left for a later round.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import HONORIFICS
from moderator.anonymise.lexicon import word_key
from moderator.anonymise.state import State

_PAIR = re.compile(
    # (from the first capital, the look-behind after it: the engine skips to a capital)
    r"(?P<a>[A-Z](?<![\w&'’-][A-Z])[a-z'’]+(?:-[A-Z][a-z'’]+)?)[ \t]*(?P<j>&|and)[ \t]*"
    r"(?P<b>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)(?P<t>[ \t]+(?:LLP|Ltd|Solicitors|Law|Legal"
    r"|Associates|Partners|Accountants))?(?![\w'’-])"
)
_CUE = re.compile(
    r"(?i)(?<![\w-])(?:at|with|from|by|of|to|solicitors?|firm|accountants?|lawyers?"
    r"|instructed|represented|barristers?|chambers)[ \t]*[:,(]?[ \t]*$"
)
_FIRM_CUE = re.compile(r"(?i)(?<![\w-])(?:solicitors?|firm|accountants?|lawyers?|instructed)")


def _everyday(st: State, key: str) -> bool:
    """Whether a word is an everyday word, or the plural of one ("Chips")."""
    lex = st.lex
    return any(
        k in lex.words or k in lex.common for k in (key, key[:-1] if key[-1:] == "s" else key)
    )


def find_partners(st: State) -> None:
    """Take partnerships named by two surnames (see the module)."""
    text = st.text
    if "&" not in text and "olicitor" not in text:
        return
    lex = st.lex
    for m in _PAIR.finditer(text):
        if not _CUE.search(text, max(0, m.start() - 24), m.start()):
            continue
        if m.group("j") == "and" and not (
            m.group("t") or _FIRM_CUE.search(text, max(0, m.start() - 40), m.start())
        ):
            continue  # "with Sam and Alex": two people; "solicitors Pym and Barraclough": one firm
        keys = [word_key(m.group("a")), word_key(m.group("b"))]
        if any(
            (_everyday(st, k) and k not in lex.surnames)
            or k in lex.protected_words
            or (k,) in lex.places
            or k in HONORIFICS
            or k in st.known.keys
            for k in keys
        ) or all(k in lex.common for k in keys):
            continue  # ("Bed & Breakfast", "Salt & Pepper": words; a surname may be one too)
        if all(k in lex.given for k in keys):
            continue  # "Tom & Jerry", "Sam & Alex": people
        st.give_way(m.start(), m.end(), frozenset({"person"}), 60)  # ("Hussain" read alone)
        if not st.free(m.start(), m.end()):
            continue
        st.take(m.start(), m.end(), "org", "firm:" + " ".join(keys), 58, 0.75)
