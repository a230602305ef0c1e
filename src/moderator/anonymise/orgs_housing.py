"""Housing associations named by their own words before ``Housing``.

``Coastline Housing have served a notice``, ``tenancy with Leeds Federated Housing``,
``(Six Town Housing)``: a landlord that could place a family, named by words that are not a
council's (``Lambeth Housing``, ``Leicester City Council Housing``: a place alone, or a
council's word, is the council's own service, which stays) nor a team's (``Private Sector
Housing``). Redacted for the person importing to confirm.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from moderator.anonymise.lexicon import phrase_key
from moderator.anonymise.state import State

Add = Callable[[int, int, str, str, int], None]

_NAMED_HOUSING = re.compile(
    r"(?<![\w'’&-])((?:[A-Z][a-z]+[ \t]+){1,3})Housing(?![\w'’-])(?![ \t]*[A-Z(])"
)
# words that make the name a council's, a team's or a kind of housing
_NOT_A_LANDLORD = frozenset(
    {"private", "sector", "council", "city", "borough", "county", "community", "social"}
    | {"supported", "emergency", "temporary", "sheltered", "student", "affordable", "asylum"}
    | {"the", "and", "our", "your", "their", "his", "her", "for", "re", "about", "local"}
    | {"public", "housing", "specialist", "homeless", "options", "district", "metropolitan"}
)


def find_housing_associations(st: State, add: Add) -> None:
    """Add housing associations named by their own words (see the module)."""
    text = st.text
    if "Housing" not in text:
        return
    lex = st.lex
    for m in _NAMED_HOUSING.finditer(text):
        keys = phrase_key(m.group(1))
        if not keys or _NOT_A_LANDLORD.intersection(keys):
            continue
        if all((k,) in lex.places for k in keys) or keys in lex.places:
            continue  # "Lambeth Housing", "Bury Housing": the council's
        if keys in lex.phrases.get(keys[0], ()):
            continue
        add(m.start(), m.end(), "org", " ".join((*keys, "housing")), 57)
