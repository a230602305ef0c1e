"""A letter's or a form's address line: the street or building before its town and postcode.

``Norwood Grange, Beverley, East Yorkshire HU17 9AB`` under a surgery's name, ``Castle Way,
Wellingborough NN8 1XB``, ``Term-time: Room 14, Witham View Halls, Lincoln LN5 7QT``: on a
line that ends with a postcode, the parts before the town, parted by commas, are the street
or the building whatever their words. A part that is a place the lists know (the town, a
county), a protected phrase or a person's name (a given name first) is not taken.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import HONORIFICS
from moderator.anonymise.lexicon import more_places, phrase_key
from moderator.anonymise.orgs_runs import protected_inside
from moderator.anonymise.patterns import STREET_TYPES
from moderator.anonymise.state import State

# one part of the line: capitalised words (a joining word between), nothing else
_PART = re.compile(
    r"[ \t]*(?P<p>[A-Z][\w'’-]*(?:[ \t]+(?:of|the|on|upon|and|&)?[ \t]*[A-Z][\w'’-]*){0,3})[ \t]*"
)
_STREET_END = re.compile(
    rf"[ \t](?:{STREET_TYPES}|House|Lodge|Halls?|Farm|Mill|Cottages?|Barn|Manor|Buildings"
    r"|Chambers|Centre)$"
)
_LABEL = re.compile(r"[^,:\n]{1,30}:[ \t]*")  # a form's field before the address: "Term-time:"


def find_address_lines(st: State) -> None:
    """Take the street or building named before the town on a line ending in a postcode."""
    text = st.text
    lex = st.lex
    for c in [c for c in st.cands if c.kind == "postcode"]:
        line_start = text.rfind("\n", 0, c.start) + 1
        if text[c.end : c.end + 1] not in ("", "\n", " ", "\t", ")", "."):
            continue
        label = _LABEL.match(text, line_start, c.start)
        at = label.end() if label is not None else line_start
        parts = text[at : c.start].split(",")
        if len(parts) < 2:
            continue  # the town alone before the postcode
        offset = at
        for part in parts[:-1]:  # (the last part is the town, before the postcode)
            m = _PART.fullmatch(part)
            start = offset + (m.start("p") if m else 0)
            offset += len(part) + 1
            if m is None or not m.group("p"):
                continue
            keys = phrase_key(m.group("p"))
            end = start + len(m.group("p"))
            if not keys or keys in lex.places or keys in more_places():
                continue  # "Beverley, East Yorkshire": the town and its county
            if len(keys) < 2 or _STREET_END.search(m.group("p")) is None:
                continue  # a district, a role or a department: a street's or a building's word ends it
            if (keys[0] in lex.given and keys[0] not in lex.words) or keys[0] in HONORIFICS:
                continue  # a person's name before the address
            if protected_inside(lex, keys) or all(k in lex.protected_words for k in keys):
                continue  # "Children's Services, Civic Centre": the service's words
            if st.free(start, end):
                st.take(start, end, "address", "line:" + " ".join(keys), 55, 0.75)
