"""Online handles found in pieces: a name inside ``mani.k.jaswal09`` or ``dyf.pennar.boxing``.

The name layers redact the part of a handle that is a name; the rest of the handle (the
dots, initials, digits and words glued to it) identifies the person as well, so the whole
handle becomes one username redaction.
"""

from __future__ import annotations

import re
from operator import attrgetter

from moderator.anonymise.state import State

HANDLE_RE = re.compile(r"@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}(?<!\.)")
HANDLE_CUE_RE = re.compile(
    r"(?i:\b(?:user\s?name|handle|gamer\s?tag|account|profile|screen\s?name|snapchat|instagram"
    r"|tiktok|facebook|twitter|discord|xbox|psn|whatsapp|insta|snap|roblox|fortnite|minecraft"
    r"|steam|youtube|twitch|telegram|online|tagged\s+by|(?:drill|rap|stage)\s+name)"
    r"(?:\s+(?:is|was|of|name|as)){0,2}"
    r"\s*:?\s*)(?:[\"'“‘](?P<q>[^\"'”’\s]{2,30})[\"'”’]|(?P<w>@?[\w.]*(?:[\d_]|\.(?=\w))[\w.]*))"
)

# a chat's or a contact's name in quotes, spaces and emoji allowed: group chat "8G lads no
# teachers", Snapchat group called "the bn2 fam 💸", saved in her phone as "Zee 🐐", display
# name "jess w 💕", Chat 1: "Nguyen Fam 🏠"
GROUP_NAME_RE = re.compile(
    r"(?i:\b(?:(?:group[ \t]+)?chat(?:[ \t]+\d{1,2})?|group|page|channel|server"
    r"|display[ \t]+name|contact[ \t]+name|saved[ \t]+(?:in[ \t]+(?:her|his|their|my|the)"
    r"[ \t]+(?:phone|contacts)[ \t]+)?as)(?:[ \t]+(?:called|named|name))?[ \t]*:?[ \t]*)"
    r"[\"“](?P<q>[^\"“”\n?!]{2,40})[\"”]"  # (a message quoted asks or shouts)
)
GROUP_CUES = ("chat", "group", "page", "channel", "server", "display name", "contact name", "saved")

# a chat's speaker by their handle, before the colon of what they wrote: "mikey.b02: who got",
# "kels.xo: shes safe" (two letters or more each side of a dot; not "i.e.:", nor a form's
# field with an underscore, "seen_by:")
SPEAKER_HANDLE_RE = re.compile(r"(?<![\w@./-])[a-z][a-z0-9_]+(?:\.[a-z0-9_]{2,})+(?=:[ \t])")

# a handle: word characters joined by dots or underscores, with no space inside
_HANDLE = re.compile(r"[A-Za-z0-9][\w.]*[A-Za-z0-9]")
# what makes a run of characters a handle rather than a word or a sentence's end: an inner
# dot or underscore between word characters, or digits glued to letters
_JOINT = re.compile(r"[A-Za-z0-9][._][A-Za-z0-9]|[A-Za-z][0-9]|[0-9][A-Za-z]")
_NAMES = frozenset({"person", "professional", "child", "family", "worker"})
_START = attrgetter("start")


def join_handles(st: State) -> None:
    """A name redacted inside a handle takes the whole handle, as a username."""
    text = st.text
    if "." not in text and "_" not in text:
        return
    gone: set[int] = set()  # candidates a handle took (by identity: a list lookup per name
    # compared every candidate field by field, a tenth of the redactor's time on long notes)
    # only a name glued to more word characters, a dot or an underscore can be in a handle
    glued = [
        c
        for c in st.cands
        if c.kind in _NAMES
        and (
            (c.start > 0 and (text[c.start - 1].isalnum() or text[c.start - 1] in "._"))
            or text[c.end : c.end + 1].isalnum()
            or text[c.end : c.end + 1] in ("_", ".")
        )
    ]
    for c in sorted(glued, key=_START):
        if id(c) in gone:
            continue
        start, end = c.start, c.end
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._"):
            start -= 1
        while end < len(text) and (text[end].isalnum() or text[end] in "._"):
            end += 1
        if (start, end) == (c.start, c.end) or text[start - 1 : start] in ("@", "/"):
            continue
        if text[end : end + 1] in ("@", "/"):
            continue  # an email or web address: their own patterns
        m = _HANDLE.search(text, start, end)
        if m is None or " " in m.group() or not _JOINT.search(m.group()):
            continue
        start, end = m.start(), m.end()
        if start > c.start or end < c.end or "." in text[c.end - 1 : c.end]:
            continue  # "S.Y.", "Dr.": initials and titles end in a dot
        if (
            not text[start:end].islower()
            and "." not in text[start:end]
            and "_" not in text[start:end]
        ):
            continue  # "Smith2": needs a handle's joint, not a typo's digit
        inside = {id(d) for d in st.cands if d is not c and start <= d.start and d.end <= end}
        if inside:
            gone |= inside
            st.cands[:] = [d for d in st.cands if id(d) not in inside]
        if any(d.start < end and start < d.end for d in st.cands if d is not c):
            continue  # overlaps another redaction partly: leave both as they are
        st.taken[start:end] = b"\x01" * (end - start)
        c.start, c.end, c.kind, c.ident = start, end, "username", f"handle:{text[start:end]}"


# a Discord tag: a name and four figures after "#" ("hoiying#2209")
_DISCORD_TAG = re.compile(r"#\d{4}(?![\w#])")


def find_tagged_handles(st: State) -> None:
    """A user name with its Discord tag is a username whole ("hoiying#2209")."""
    text = st.text
    if "#" not in text:
        return
    for tag in _DISCORD_TAG.finditer(text):
        start = tag.start()
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_."):
            start -= 1
        if (
            tag.start() - start >= 2
            and (start == 0 or text[start - 1] in " \t\n(\"'“:@")
            and st.free(start, tag.end())
        ):
            st.take(start, tag.end(), "username", "", 86)
