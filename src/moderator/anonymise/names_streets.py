"""A given name and a street's word taken as a street, with the person's initials after it in
brackets (``Becky Lane (BL)``): a person, there and wherever the same words were taken as a
street (moved out of :mod:`.names_initials`, which keeps to the project's limit of about 400
lines)."""

from __future__ import annotations

import re

from moderator.anonymise.state import State

# initials in brackets after a name (shared with :mod:`.names_initials`)
# "(FC, IDVA)", "(QA)", "(YP-D)": a hyphen joins the initials of a double-barrelled surname
# (capitals of any alphabet, "(ŁW, dad)"; a lower-case letter or two may end them where two
# people share the capitals: "Steve Brindley (SBr, Derby Homes)")
BRACKETED = re.compile(
    r"[ \t]*\([ \t]*(?P<i>[^\W\d_](?:[^\W\d_'’]|-(?=[^\W\d_])){1,5})(?=[ \t]*[,)])"
)


def streets_that_are_people(st: State) -> None:
    """A given name and a street's word taken as a street ("Becky Lane", "Tom Street") is a
    person where their initials follow in brackets ("Becky Lane (BL)"), and wherever else the
    same words are taken as a street in the note."""
    text = st.text
    lex = st.lex
    named: dict[str, str] = {}
    for c in st.cands:
        if c.kind != "address" or "(" not in text[c.end : c.end + 3]:
            continue
        words = text[c.start : c.end].split()
        m = BRACKETED.match(text, c.end)
        if (
            m is None
            or not 2 <= len(words) <= 3
            or not all(w[:1].isupper() and w.isalpha() for w in words)
            or words[0].lower() not in lex.given
            or m.group("i") != "".join(w[0] for w in words)
        ):
            continue
        named[" ".join(words).casefold()] = "p:" + " ".join(words).casefold()
    if not named:
        return
    for c in st.cands:
        key = " ".join(text[c.start : c.end].split()).casefold()
        if c.kind == "address" and key in named:
            c.kind, c.ident = "person", named[key]
