"""The child's initial standing alone: ``- G. attends``, ``K hit a boy``, ``texts J from``.

Where no one else of the record has the child's initial, a capital standing alone as a person
stands (with its full stop, or bare before or after a verb) is the child, for the person
importing to confirm; not a letter that letters a thing (``Plan B.``, ``Vitamin D.``). Split
from :mod:`.names_initials` (the ~400-line limit per module).
"""

from __future__ import annotations

import re

from moderator.anonymise.state import State
from moderator.anonymise.unknown_words import dictionary

# a capital and a full stop standing alone ("smacked R. and", "- G. attends"): no name after
# it, no word before it that letters a thing ("Plan B.", "Vitamin D.", "grade C.")
_LONE_INITIAL = re.compile(r"[A-Z](?<![\w.'’&/-][A-Z])\.(?![\w.'’-])(?![ \t]*[A-Z][a-z])")
_LETTERED_THINGS = frozenset(
    {"plan", "vitamin", "part", "appendix", "grade", "type", "option", "stage", "level", "phase",
     "block", "wing", "ward", "year", "key", "class", "group", "section", "schedule", "annex",
     "unit", "flat", "room", "form", "category", "tier", "band", "page", "exhibit", "item",
     "hep", "hepatitis", "size", "letter", "row", "gate", "platform", "bay", "zone", "route",
     "line", "team", "pod", "wave", "model", "series", "division", "floor", "pitch", "court"}
)  # fmt: skip


def find_lone_initials(st: State) -> None:
    """The child's initial standing alone is the child (for a person to confirm) when no one
    else of the record has that initial: with its full stop (``- G. attends``), or bare where
    a person stands, before a verb or after one (``K hit a boy``, ``texts J from``, ``Re: G
    (A Child)``)."""
    child = st.case.child.name.split()
    if not child:
        return
    letter = child[0][:1].upper()
    others = [m.name.split()[0][:1].upper() for m in st.case.family if m.name.split()]
    _lone_letter(st, letter, others, "child", st.known.people[0].label, bare=True)
    worker = (st.case.worker or "").split()
    # a relative's initial, where no one else of the record has it ("L says neighbours …")
    initials = [letter, *others, *([worker[0][:1].upper()] if worker else [])]
    relatives = [p for p in st.known.people if p.kind == "family"]
    named = [m for m in st.case.family if m.name.split()]
    if len(relatives) == len(named):
        for member, relative in zip(named, relatives, strict=True):
            own = member.name.split()[0][:1].upper()
            # (not M or F, nor the letter of the role's word: "M says", "F drinks" say mother
            # and father whoever is named so)
            if initials.count(own) == 1 and own not in "MF" and own != relative.label[:1]:
                _lone_letter(st, own, [], "family", relative.label, bare=True)
    person = next((p for p in st.known.people if p.kind == "worker"), None)
    if worker and person is not None:  # "Reflection: H. finds this case hard"
        _lone_letter(st, worker[0][:1].upper(), [letter, *others], "worker", person.label)


def _lone_letter(
    st: State, letter: str, others: list[str], kind: str, label: str, bare: bool = False
) -> None:
    """Take ``letter`` standing alone (with its stop, or bare where ``bare``) as one person."""
    text = st.text
    if letter in others or letter in "AI" or letter not in text:
        return
    at = text.find(letter)
    while at >= 0:  # (from the letter: a pattern opening with a look-behind would be tried
        m = _LONE_INITIAL.match(text, at) or (
            (_bare_letter(text, at) or _owner_letter(text, at)) if bare else None
        )
        at = text.find(letter, at + 1)  # (at every position)
        if m is None:
            continue
        end = m.end("l") if "l" in m.re.groupindex else m.end()  # ("J's": the letter alone)
        if not st.free(m.start(), end):
            continue
        before = text[max(0, m.start() - 12) : m.start()].split()
        if before and before[-1].lower().strip(":(") in _LETTERED_THINGS:
            continue
        st.take(m.start(), end, kind, label, 50, 0.6)


# a capital standing alone, no stop: between a sentence's opening or a lower-case word and
# a lower-case word ("- K hit a boy", "texts J from"), or a court's heading ("Re: G (A Child)")
_BARE_LETTER = re.compile(
    r"(?P<l>[B-HJ-Z])(?:['’]s)?(?![\w.'’&/@*+=-])(?=[ \t]+(?:[a-z]{2}|\((?i:a child\b|final|interim)))"
)
_BARE_BEFORE = re.compile(
    r"(?:^|[.!?:;,|(\n\]-][ \t]*|[a-z]{2,}[ \t]+|\bRe[ \t]+|\b\d{1,2}[:.]\d{2}[ \t]+)$"
)  # (or a log's time: "21:10 V asked to go to the shop")


# a capital as an action's owner in minutes: "- Y: attend GP", "RT/Y: explain the offer"
_OWNER_LETTER = re.compile(r"(?P<l>[B-HJ-Z]):[ \t]+[A-Z]?[a-z]")
_OWNER_BEFORE = re.compile(r"(?:(?:^|\n)[ \t]*(?:[-•*][ \t]*)?|(?<![\w/])[A-Z]{2,3}/)\Z")


def _owner_letter(text: str, at: int) -> re.Match[str] | None:
    """A capital owning an action in minutes, at a line's start or after initials and a slash."""
    m = _OWNER_LETTER.match(text, at)
    if m is None or not _OWNER_BEFORE.search(text, max(0, at - 8), at):
        return None
    return m


_LETTER_LISTED = re.compile(r"(?<![\w'’.-])[A-Z],\Z")


def _bare_letter(text: str, at: int) -> re.Match[str] | None:
    if at and (text[at - 1].isalnum() or text[at - 1] in ".'’&/@#£$*+=-"):
        return None
    m = _BARE_LETTER.match(text, at)
    if m is None or not _BARE_BEFORE.search(text[max(0, at - 24) : at]):
        return None
    following = text[m.end() : m.end() + 16].split()
    before = text[max(0, at - 24) : at].rstrip(" \t")
    if before.endswith(",") and (
        not following
        or following[0].strip(".,;:!?").replace("’", "'").lower() not in dictionary()
        or _LETTER_LISTED.search(before)
    ):
        return None  # "Dodford, B romsgrove": a word broken by a scan; "grades A, B in
        # maths": a list of letters; not the child after a comma ("cried at end, B held it")
    if (
        following
        and following[0] in ("and", "or", "to", "of", "in", "&")
        and (len(following) < 2 or len(following[1].strip(".,;:)")) == 1 or following[0] == "of")
    ):
        return None  # "C and D", "C of E", "B to C": letters of a list or a route
    return m
