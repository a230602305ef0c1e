"""Acronyms of the schools and organisations a note names, wherever they recur.

An acronym defined right after a name (``Hollins Park Academy (HPA)``), and the initials of a
name taken (``Kidsgrove Academy`` is ``KA``, and ``TKA`` with its article), are that school
or organisation everywhere in the note; so is a school's acronym after ``at`` or ``attends``
(``at SHS``). Split from :mod:`.layer_orgs` (the ~400-line limit per module).
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import HONORIFICS
from moderator.anonymise.lexicon import phrase_key, whole_words
from moderator.anonymise.nearby import matches_in
from moderator.anonymise.state import State

ACRONYM_AFTER_RE = re.compile(r"[ \t]*\([ \t]*(?P<a>[A-Z]{2,6})[ \t]*\)")
# the acronym after a name's tail a later step joins to it: "Highview Grammar for Girls (GHGG)"
_TAIL_ACRONYM_RE = re.compile(
    r"(?P<tail>[ \t]+(?:for|of|and|&)(?:[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*){1,2})"
    r"[ \t]*\([ \t]*(?P<a>[A-Z]{2,6})[ \t]*\)"
)
# "at SHS", "attends KJS": its first capital, then the look-behind (so the engine skips to
# capitals; with the look-behind first it was tried at every position)
SCHOOL_ACRONYM_RE = re.compile(
    r"[A-Z](?:(?<=\b(?:at|to) [A-Z])|(?<=\battends [A-Z]))[A-Z]{0,2}(?:HS|PS|JS)(?![\w])"
)


def _acronym_starts(text: str) -> list[tuple[int, int]]:
    """Where SCHOOL_ACRONYM_RE's matches can start: one to three letters before each "HS", "PS"
    or "JS" (every such acronym ends so; the pattern is tried at every capital otherwise)."""
    spans = []
    for tail in ("HS", "PS", "JS"):
        at = text.find(tail)
        while at >= 0:
            spans.append((max(0, at - 3), at - 1))
            at = text.find(tail, at + 1)
    return sorted(spans)


def _initials_fit(acronym: str, name: str) -> bool:
    """Whether ``acronym``'s letters start the words of ``name`` in order, from its first."""
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    if not initials or acronym[:1] != initials[0]:
        return False
    at = 0
    for letter in acronym:
        at = initials.find(letter, at) + 1
        if not at:
            return False
    return True


def _a_name(st: State, word: str) -> bool:
    """Whether ``word`` (in capitals) is a name: the record's people's, or a listed one."""
    key = word.casefold()
    return key in st.known.keys or key in st.lex.given or key in st.lex.surnames


def find_acronyms(st: State) -> None:
    """Acronyms of the schools and organisations taken, wherever they recur."""
    text = st.text
    lex = st.lex
    wanted: dict[str, tuple[str, str]] = {}
    for c in list(st.cands):
        if c.kind not in ("school", "org", "gp_practice"):
            continue
        after = ACRONYM_AFTER_RE.match(text, c.end)
        tail = None if after else _TAIL_ACRONYM_RE.match(text, c.end)
        if tail and _initials_fit(tail.group("a"), text[c.start : tail.end("tail")]):
            wanted[tail.group("a")] = (c.kind, c.ident)
        # defined right after a school's name, even an acronym the lists know ("(ESA)") when
        # its letters are the name's ("Ancholme College (ESOL)" is the course, not the college)
        # (not a pupil's name in capitals: "CASTLE HILL PRIMARY (ANDREI)", unless it fits)
        if after and (
            (after.group("a") not in lex.acronyms and not _a_name(st, after.group("a")))
            or (c.kind == "school" and _initials_fit(after.group("a"), text[c.start : c.end]))
        ):
            wanted[after.group("a")] = (c.kind, c.ident)
        keys = phrase_key(text[c.start : c.end])
        head = text[c.start : c.end].split()[0]
        if (  # "BAE Systems (Barrow)" is "BAE" alone later: a name's word in capitals
            len(head) >= 3
            and head.isalpha()
            and head.isupper()
            and not text[c.start : c.end].isupper()
            and head not in lex.acronyms
            and head.lower() not in lex.protected_words
        ):
            wanted.setdefault(head, (c.kind, c.ident))
        words = [w for w in keys if w not in ("the", "of", "and")]
        initials = "".join(w[0] for w in words).upper()
        # "The Kidsgrove Academy" is "TKA" as often as "KA"
        forms = [initials, "T" + initials] if keys[:1] == ("the",) else [initials]
        if c.kind == "school" and len(initials) >= 4:  # "Holy Martyrs of Oakworth Catholic
            forms += [initials[:k] for k in range(3, len(initials))]  # Primary" is "HMO"
        for form in forms:  # (not a person's of the record: "LN" is Leah Nguyen, not Luxe Nails)
            if form.lower() in HONORIFICS:
                continue  # "Park Close" is not "PC": PC, DC, DS are officers' titles
            if len(form) >= 2 and form not in lex.acronyms and form not in st.known.initials:
                wanted.setdefault(form, (c.kind, c.ident))
    for m in matches_in(SCHOOL_ACRONYM_RE, _acronym_starts(text), text):
        if m.group() not in lex.acronyms:
            wanted.setdefault(m.group(), ("school", "acronym:" + m.group()))
    for acronym, (kind, ident) in wanted.items():
        for start, end in whole_words(text, acronym):
            if st.free(start, end):
                st.take(start, end, kind, ident, 50)
