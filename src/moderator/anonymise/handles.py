"""Online handles found in pieces: a name inside ``mani.k.jaswal09`` or ``dyf.pennar.boxing``.

The name layers redact the part of a handle that is a name; the rest of the handle (the
dots, initials, digits and words glued to it) identifies the person as well, so the whole
handle becomes one username redaction. A handle is also found by its shape alone
(``find_shaped_handles``): figures glued to letters, or a part that is no everyday word,
joined by a dot or an underscore.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from operator import attrgetter

from moderator.anonymise.lexicon import whole_words
from moderator.anonymise.state import State

HANDLE_RE = re.compile(r"@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}(?<!\.)")
HANDLE_CUE_RE = re.compile(
    r"(?i:\b(?:user(?:\s?name)?|handle|gamer\s?tag|account|profile|screen\s?name|snapchat|instagram"
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
            and not _TWO_DIGITS_AFTER.fullmatch(text, c.end, end)
        ):
            continue  # "Smith2": needs a handle's joint, not a typo's digit ("Tomek85" is one)
        inside = {id(d) for d in st.cands if d is not c and start <= d.start and d.end <= end}
        if inside:
            gone |= inside
            st.cands[:] = [d for d in st.cands if id(d) not in inside]
        if any(d.start < end and start < d.end for d in st.cands if d is not c):
            continue  # overlaps another redaction partly: leave both as they are
        st.taken[start:end] = b"\x01" * (end - start)
        c.start, c.end, c.kind, c.ident = start, end, "username", f"handle:{text[start:end]}"


_TWO_DIGITS_AFTER = re.compile(r"\d{2,4}")
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


# where a handle may be: a letter or digit, a dot, a letter or digit, with no space
# ("tia.bxo", "lee.h1984"); the token around it is read in Python
_GLUE = re.compile(r"[A-Za-z0-9]\.[A-Za-z0-9]")
_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._")
# what ends a file's name or a web address: not a handle ("notes.docx", "gov.uk")
_NOT_HANDLE_ENDS = frozenset(
    {"com", "uk", "org", "net", "gov", "nhs", "io", "me", "tv", "co", "ac", "sch", "police",
     "txt", "pdf", "doc", "docx", "xls", "xlsx", "csv", "jpg", "jpeg", "png", "gif", "mp4",
     "mov", "heic", "zip", "msg", "eml", "html", "htm", "ppt", "pptx", "odt", "rtf"}
)  # fmt: skip
_DOT_DIGIT = re.compile(r"\.\d")
_PIECES = re.compile(r"[A-Za-z]+|\d+")
_LETTER_DIGIT = re.compile(r"[A-Za-z]\d|\d[A-Za-z]")
# a web address without "www." or "://": a domain, then a path ("facebook.com/tuan.le.2291")
_PATHED = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|co\.uk|org|net|uk|io|me|tv)/\S*[\w/]")


def file_or_site(token: str) -> bool:
    """Whether a dotted token is a file's name or a web address ("visit_notes.docx")."""
    last = token.rpartition(".")[2].lower()
    return "." in token and (last in _NOT_HANDLE_ENDS or token.lower().startswith("www"))


def find_shaped_handles(st: State, add: Callable[[int, int, str, str, int], None]) -> None:
    """Online names of dotted lower-case parts, by their shape, without a cue: figures glued
    to letters or a part that is no everyday word ("tia.bxo", "lee.h1984", "paignton.exposed";
    a word with an underscore, or a dot before figures, is ``layer_variants``' shape). Not a
    sentence that lost its space ("ok.see", "no.then": every part a word), nor initials
    ("e.g.", "a.m."), numbers ("1.5kg"), files ("notes.docx") or web addresses, which are
    redacted whole with their path ("facebook.com/tuan.le.2291")."""
    text = st.text
    words = st.lex.words
    seen_to = 0
    for m in _GLUE.finditer(text):
        if m.start() < seen_to:
            continue
        start, end = m.start(), m.end()
        while start > 0 and text[start - 1] in _TOKEN_CHARS:
            start -= 1
        while end < len(text) and text[end] in _TOKEN_CHARS:
            end += 1
        seen_to = end
        if text[start - 1 : start] in ("@", "/", "#", "-", "\\") or text[end : end + 1] in (
            "@",
            "/",
            "-",
            "\\",
            "#",
        ):
            if text[end : end + 1] == "/" and (path := _PATHED.match(text, start)):
                add(start, path.end(), "url", "", 98)
                seen_to = path.end()
            continue  # an e-mail, a web address, a reference: their own patterns
        while end > start and text[end - 1] == ".":
            end -= 1  # the sentence's stop
        token = text[start:end]
        if not token[:1].isalpha() or len(token) < 4:
            continue
        pieces = _PIECES.findall(token)
        if file_or_site(token):
            continue
        if "_" in token or not token.islower() or _DOT_DIGIT.search(token):
            continue  # layer_variants' shapes; "St.John", "Mr.Smith": initials, titles
        glued = _LETTER_DIGIT.search(token) is not None
        odd = any(len(p) >= 3 and p.isalpha() and p.lower() not in words for p in pieces)
        if glued or odd:
            add(start, end, "username", "", 89)
    if _DIGITS_AFTER_LETTERS.search(text):
        _glued_handles(st, add)


# a handle of letters and a year or two figures, all one word ("kaydog2015", "dazzab99",
# "gazzaH1971"): its first letter in lower case, its letters no word ("covid19", "year10")
_GLUED_HANDLE = re.compile(
    r"[a-z](?<![\w@./#:-][a-z])[a-z]{2,}[A-Z]?[a-z]*(?:19|20)?\d\d(?![\w@/-]|\.\w)"
)
_DIGITS_AFTER_LETTERS = re.compile(r"[a-z]{3}\d\d")


def _glued_handles(st: State, add: Callable[[int, int, str, str, int], None]) -> None:
    words = st.lex.words
    for m in _GLUED_HANDLE.finditer(st.text):
        letters = m.group().rstrip("0123456789").lower()
        if letters in words or letters in _COUNTED:
            continue  # "covid19", "room12": a word and a number
        add(m.start(), m.end(), "username", "", 89)


_COUNTED = frozenset({"covid", "year", "room", "flat", "unit", "plot", "page", "step", "level"})


# a handle's or a contact's name without the emoji or marks after it: "Big T 🔥" is "Big T"
_HANDLE_CORE = re.compile(r"[\w@][\w@.'’ -]*[\w]")


def repeat_handles(st: State) -> None:
    """A handle or a contact's saved name, found once (``Contact saved as "Big T 🔥"``), is the
    same person wherever it recurs as whole words: a chat's speaker (``Big T: yo``)."""
    text = st.text
    seen: set[str] = set()
    for c in [c for c in st.cands if c.kind == "username"]:
        core = _HANDLE_CORE.search(text, c.start, c.end)
        if core is None or len(core.group()) < 3 or core.group() in seen:
            continue
        if len(seen) >= 64:
            break  # (each is looked for through the whole note: a list of handles stops here)
        seen.add(core.group())
        for start, end in whole_words(text, core.group()):
            if st.free(start, end):
                st.take(start, end, "username", c.ident, 70, 0.9)
