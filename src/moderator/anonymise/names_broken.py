"""The record's names broken across a line by a hyphen, as scanned letters are.

Text read from a scanned page keeps the page's hyphenation: ``Zar-`` at the end of one line
and ``lasht`` at the start of the next, or ``Pri- ncess`` where the line break became a
space. Joined up, each is a name of the record; the whole broken word is redacted.
"""

from __future__ import annotations

import re

from moderator.anonymise.layer_known import take_known
from moderator.anonymise.state import State

# a word broken by a hyphen at a line's end, or by a hyphen and a space before a lower-case
# continuation ("Pri- ncess"; "Anglo- Saxon" keeps its capital and is left alone)
_BROKEN = re.compile(
    r"(?<![\w-])([^\W\d_]{2,})-(?:[ \t]*\n[ \t]*([^\W\d_]{2,})|[ \t]([^\W\d_A-Z][^\W\d_]+))(?![\w-])"
)


def find_broken_names(st: State) -> None:
    """A name of the record broken across a line by a hyphen ("Zar-⏎lasht") is that name."""
    text = st.text
    if "-\n" not in text and "- " not in text and "-\r" not in text:
        return
    known = st.known
    for m in _BROKEN.finditer(text):
        tail = m.group(2) or m.group(3)
        key = (m.group(1) + tail).casefold()
        who = known.ngrams.get((key,))
        if who is None:
            owners = known.surname_owners.get(key)
            who = owners[0] if owners and len(owners) == 1 else (-1 if owners else None)
        if who is not None and st.free(m.start(), m.end()):
            take_known(st, m.start(), m.end(), who)
