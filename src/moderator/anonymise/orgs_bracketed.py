"""A business named in brackets after the word for its kind.

``the chippy on Preston Road (Rita's Plaice)``, ``at the Bury Park launderette (Clean &
Fresh)``, ``the Chinese takeaway (Lucky Star)``, ``the supermarket on Mill Bank (Saigon
Mart)``: a note says what kind of place it is, then its name in brackets. The capitalised
words in the brackets are the business's name, whatever words they are, unless they are an
acronym, a year group, a remark or its owner (``(CCTV)``, ``(Y7)``, ``(Kacper's choice)``: a
name's words are capitalised; ``(Rebin's)``) or a protected phrase or a place. Each is redacted as an
organisation, below the review threshold, for the person importing to confirm.
"""

from __future__ import annotations

import re

from moderator.anonymise.lexicon import more_places, phrase_key
from moderator.anonymise.nearby import starting_with_folded
from moderator.anonymise.orgs_runs import protected_inside
from moderator.anonymise.state import State

_KINDS = ("chippy", "takeaway", "launderette", "laundrette", "shop", "cafe", "café", "barber",
          "barbers", "newsagents",
          "salon", "garage", "car wash", "pub", "restaurant", "bakery", "mini-market",
          "minimarket", "mini market", "newsagent", "off licence", "off-licence", "hotel", "gym",
          "supermarket", "store", "warehouse", "factory", "depot")  # fmt: skip
_BRACKETED = re.compile(
    r"(?<![\w'’-])(?i:chippy|takeaway|launderette|laundrette|shop|cafe|café|barbers?|salon"
    r"|garage|car[ \t]+wash|pub|restaurant|bakery|mini[ -]?market|minimarket|newsagents?"
    r"|off[ -]licence|hotel|gym|supermarket|store|warehouse|factory|depot)"
    # its street or town may come between ("the shop on Oakwood Drive (Nisa Local)")
    r"(?:[ \t]+(?:on|in|at|near)[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})?[ \t]*\("
    r"(?P<n>[A-Z][\w'’-]*(?:[ \t]+(?:&[ \t]+|and[ \t]+|of[ \t]+|the[ \t]+)?[A-Z][\w'’-]*){0,4})"
    r"\)"
)
_CONFIDENCE = 0.6


def find_bracketed_businesses(st: State) -> None:
    """Take each business's name in brackets after its kind (see the module's text)."""
    text = st.text
    if "(" not in text:
        return
    lex = st.lex
    for m in starting_with_folded(_BRACKETED, text, _KINDS):
        start, end = m.span("n")
        name = m.group("n")
        if len(name) < 4 or (
            " " not in name and (name.isupper() or any(c.isdigit() for c in name))
        ):
            continue  # "(CCTV)", "(Y7)": an acronym or a year group
        if " " not in name and name.endswith(("'s", "’s")):
            continue  # "Barbers (Rebin's)": the person whose it is
        keys = phrase_key(name)
        if not keys or keys in lex.places or keys in more_places() or protected_inside(lex, keys):
            continue
        if all(k in lex.protected_words for k in keys):
            continue
        if st.free(start, end):
            st.take(start, end, "org", "shop:" + " ".join(keys), 50, _CONFIDENCE)
