"""A professional named after their role in a dictated line: ``social worker tom heeley``.

Dictation introduces the people at a meeting or a visit by role and name, all in lower case:
``social worker tom heeley``, ``the health visitor is sam from prudhoe family hub``,
``nurse bev o'connor`` (a role of one word goes with the name, as a title). After a role (:data:`.cues.ROLE_CUES`), perhaps with
``is`` or ``was``, a given name of the lists that is no everyday word, with the word after it
when that is no everyday word either (the surname), is a professional. The same words are
redacted wherever they recur in the note (``tom heeley and i will visit``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from moderator.anonymise.cues import ROLE_CUES
from moderator.anonymise.names_lower import dictated_lines
from moderator.anonymise.state import NAME_KINDS, State

_CONFIDENCE = 0.7
_ROLES = sorted((r for r in ROLE_CUES if len(r) > 3), key=len, reverse=True)
_ROLE_THEN_NAME = re.compile(
    r"(?<![\w'’-])(?P<r>" + "|".join(re.escape(r).replace(r"\ ", r"[ \t]+") for r in _ROLES) + r")"
    r"(?:[ \t]+(?:there[ \t]+)?(?:is|was))?[ \t]+(?P<g>[a-z]{2,15})(?:[ \t]+(?P<s>[a-z][a-z'’-]{1,20}))?"
    r"(?![\w'’-])"
)


def _overlapping(text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """Each role and the words after it, the next search starting at the words: in "chair
    was team manager mark ellison" the role "chair" is tried, then "team manager"."""
    pos = lo
    while (m := _ROLE_THEN_NAME.search(text, pos, hi)) is not None:
        yield m
        pos = m.start("g")


def find_role_named(st: State) -> None:
    """Take a lower-case name after its role in a dictated line (see the module)."""
    lines = dictated_lines(st.text)
    if not lines:
        return
    text, lex = st.text, st.lex
    found: dict[str, str] = {}
    for lo, hi in lines:
        for m in _overlapping(text, lo, hi):
            given = m.group("g")
            if given not in lex.given:
                continue
            end = m.end("g")
            surname = m.group("s")
            if surname and not (
                surname in lex.words or surname in lex.common or surname in lex.protected_words
            ):
                end = m.end("s")
            elif given in lex.words or given in lex.common:
                continue  # "team manager will visit": a word; but "team manager mark ellison",
                # a given name that is a word too, before a surname that is none
            if (given in lex.words or given in lex.common) and (
                end == m.end("g") or (surname not in lex.surnames and len(surname or "") < 4)
            ):
                continue  # ("the doctor said mr and mrs": "said" a name too, "mr" no surname)
            # a role of one word is said as a title, and goes with the name ("nurse bev
            # o'connor", "coach fitzroy"); a longer one is not ("social worker tom heeley")
            titled = (
                " " not in m.group("r")
                and "\t" not in m.group("r")
                and not m.group(0)[len(m.group("r")) :]
                .lstrip()
                .startswith(("is ", "was ", "there "))
            )
            start = m.start() if titled else m.start("g")
            taken = st.starting_at(m.start("s")) if surname and end == m.end("s") else None
            if (
                taken is not None
                and taken.kind in NAME_KINDS
                and st.free(start, m.end("g"))
                and (given in lex.words or given in lex.common)
            ):
                st.grow(taken, start, taken.end)  # "key worker there is precious [mutasa]"
                continue
            if st.free(start, end):
                name = text[m.start("g") : end]
                ident = found.setdefault(name, "said:" + name)
                st.take(start, end, "professional", ident, 45, _CONFIDENCE)
    for name, ident in found.items():  # the same name wherever it recurs in the note
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if (
                (at == 0 or not text[at - 1].isalnum())
                and (end == len(text) or not text[end].isalnum())
                and st.free(at, end)
            ):
                st.take(at, end, "professional", ident, 45, _CONFIDENCE)
            at = text.find(name, end)
