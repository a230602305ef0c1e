"""A person named before the agency they work for: ``Besnik Çela of Tyneside Interpreting``,
``Domingos Mutambara of Derbyshire Constabulary``.

Two or three capitalised words that no list knows as words or places, before ``of`` and an
organisation the redactor found or a public service (a run of capitals ending in a force's,
a council's or a hospital's noun), are a professional's name.
"""

from __future__ import annotations

import re

from moderator.anonymise.lexicon import word_key
from moderator.anonymise.orgs_unknown import PUBLIC_SERVICES
from moderator.anonymise.state import State

_CAP = "A-ZÀ-ÖØ-ÞĀ-ſ"
_NAME_OF = re.compile(
    rf"(?P<n>[{_CAP}][^\W\d_]+(?:-[{_CAP}][^\W\d_]+)?"
    rf"(?:[ \t]+[{_CAP}][^\W\d_]+(?:-[{_CAP}][^\W\d_]+)?){{1,2}})[ \t]+of[ \t]+(?=[A-Z])"
)
_AGENCY_AFTER = re.compile(r"(?:[A-Z][\w'’&-]*[ \t]+){0,4}(?P<noun>[A-Z][\w'’-]*)")
_ORG_KINDS = ("org", "school", "gp_practice")


def find_people_of_agencies(st: State) -> None:
    """Professionals named before ``of`` and their agency (see the module's text)."""
    text = st.text
    if " of " not in text:
        return
    lex = st.lex
    org_starts = {c.start for c in st.cands if c.kind in _ORG_KINDS}
    for m in _NAME_OF.finditer(text):
        start, end = m.span("n")
        if not st.free(start, end) or (start and text[start - 1].isalnum()):
            continue
        words = m.group("n").split()
        keys = [word_key(w) for w in words]
        if any(
            k in lex.words or k in lex.common or k in lex.protected_words or (k,) in lex.places
            for k in keys
        ):
            continue
        if m.end() not in org_starts and not _public_service(text, m.end()):
            continue
        st.take(start, end, "professional", "p:" + " ".join(keys), 50, 0.8)
        st.remember(tuple(keys), "professional", "p:" + " ".join(keys))


def _public_service(text: str, at: int) -> bool:
    """Whether a run of capitalised words at ``at`` ends in a public service's noun."""
    for m in _AGENCY_AFTER.finditer(text, at, at + 80):
        if m.start() != at:
            return False
        return any(word_key(w) in PUBLIC_SERVICES for w in m.group().split())
    return False
