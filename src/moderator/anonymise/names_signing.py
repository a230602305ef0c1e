"""A message or a note signed with one capital: the writer's initial.

``Good luck! L`` at a note's end, ``Can we talk tomorrow? N`` before a forwarded mail's
line, ``sorry for stressing R`` before ``Sent from my iPhone``: the capital is the worker's
initial where it is theirs (or the child's, inside a note), for a person to confirm. Split
from :mod:`.names_letters` (the ~400-line limit per module).
"""

from __future__ import annotations

import re

from moderator.anonymise.state import State

_SIGNING_LETTER = re.compile(
    r"(?:^|\n|[.!?][ \t]+)[ \t]*(?:[-–~][ \t]*)?([A-Z])\.?[ \t]*(?:x+)?[ \t]*\Z"
)


# a message signed with one capital at a line's end, inside a note: after its last sentence
# ("Can we talk tomorrow? N⏎-----"), or after its last word where a mail's or a chat's next
# part follows ("sorry for stressing R⏎Sent from my iPhone")
_SIGNED_INSIDE = re.compile(
    r"(?:[.!?)][ \t]+|[.!?]\n[ \t]*)([A-Z])\.?[ \t]*(?:x+)?[ \t]*(?=\n)"
    r"|[a-z][ \t]+([A-Z])[ \t]*(?=\n[ \t]*(?:Sent[ \t]+from|-{3,}|From:|On[ \t].{4,40}wrote))"
)


# a capital as _SIGNED_INSIDE's letter is written: then "." and spaces or "x"s to a line's end
_LETTER_AT_LINE_END = re.compile(r"([A-Z])\.?[ \t]*(?:x+)?[ \t]*\n")


def _signed_inside(st: State) -> None:
    """Capitals signing messages inside a note: the worker's or the child's initial, where no
    one else of the record shares it, for a person to confirm."""
    text = st.text
    owners: dict[str, list[tuple[str, str]]] = {}
    for who, (first, _) in st.known.initial_of.items():
        person = st.known.people[who]
        owners.setdefault(first.upper(), []).append((person.kind, person.label))
    # the letters a match can take: every one is followed by what _SIGNED_INSIDE has after its
    # letter ("." and spaces or "x"s, then a line's end), so a note with none of them written
    # so is not scanned (the pattern's "[a-z][ \t]+" branch is tried at most of its letters)
    signing = {k for k, h in owners.items() if k not in "AI" and len(h) == 1}
    signing = {k for k in signing if owners[k][0][0] in ("worker", "child")}
    if not any(m.group(1) in signing for m in _LETTER_AT_LINE_END.finditer(text)):
        return
    for m in _SIGNED_INSIDE.finditer(text):
        group = 1 if m.group(1) else 2
        letter = m.group(group)
        holders = owners.get(letter, [])
        if letter in "AI" or len(holders) != 1 or holders[0][0] not in ("worker", "child"):
            continue
        if st.free(*m.span(group)):
            st.take(m.start(group), m.end(group), holders[0][0], holders[0][1], 50, 0.6)


def find_signing_letter(st: State) -> None:
    """A note signed off with one capital after its last sentence (``Good luck! L``): the
    writer's initial, the worker's where it is theirs, for a person to confirm."""
    if "\n" in st.text.rstrip():
        _signed_inside(st)
    text = st.text.rstrip()
    m = _SIGNING_LETTER.search(text, max(0, len(text) - 12))
    if m is None or m.group(1) in "AI" or not st.free(*m.span(1)):
        return
    worker = st.case.worker.split() if st.case.worker else []
    if worker and worker[0][:1].upper() == m.group(1):
        person = next((p for p in st.known.people if p.kind == "worker"), None)
        if person is not None:
            st.take(m.start(1), m.end(1), "worker", person.label, 50, 0.6)
            return
    st.take(m.start(1), m.end(1), "professional", "sig:" + m.group(1), 45, 0.6)
