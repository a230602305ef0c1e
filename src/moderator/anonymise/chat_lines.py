"""The speakers of a chat typed out line by line: ``zee: u up``, ``00:22 Hol: u can stay``.

A worker copying messages from a phone writes each as ``speaker: message`` on its own line.
Where a note holds three or more such lines by two or more speakers, a speaker that opens two
lines or more is someone in the chat, whatever case they write their name in: a person, or
a username when it holds a digit, a dot or an underscore (``hodan.x``). They are redacted
wherever they recur in the note (``is he linkin zee??``). Not speakers: a form's fields
(``Date: …``, ``Plan: …``: everyday or protected words), roles and relations (``SW:``,
``Mum:``), acronyms and initials (read by the initials rules). In a chat whose other speakers
are handles, or whose messages carry their times, a speaker of one or two capitals (one
capital, with times: ``[31/05 22:14] T: u still on``) (``Z: ill pick u up``) is a display name: it is
redacted where it speaks and where it is quoted (``booked by "Z"``), not as a letter elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter

from moderator.anonymise.cues import HONORIFICS, RELATION_CUES, ROLE_CUES
from moderator.anonymise.layer_known import take_known
from moderator.anonymise.lexicon import whole_words, word_key
from moderator.anonymise.state import NAME_KINDS, State

# a line's speaker (an emoji or two may follow the name), its colon, then the message
# (a message's time may come first, with its day or date: "00:22 Hol: …", "[21/9 00:22] Hol:")
_LINE = re.compile(
    r"(?m)^[ \t]*(?P<t>\[?(?:[A-Z][a-z]{2}[ \t]+)?(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?,?[ \t]+)?"
    r"(?:\d{1,2}[ \t]+[A-Z][a-z]{2,8}[ \t]+)?"  # "[Thu 15 May 23:14]"
    r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:[ \t]?[apAP][mM])?\]?[ \t]*(?:[-–—][ \t]*)?)?"
    r"(?P<e>[^\x00-\x7f\w\s]{1,4}[ \t]+)?"  # an emoji before the name: "🔥 Deano 🔥:"
    r"(?P<n>[^\W\d_][\w.'’-]{0,24}(?:[ \t]\d{2,4}(?=[ \t]*:)"
    r"|[ \t][A-Za-z](?=(?:[ \t]+[^\w\s:]{1,4})?[ \t]*:))?)"  # "mummy T 👑:", "skyeee x:"
    r"(?P<f>[ \t]+[^\w\s:]{1,4})?[ \t]*:[ \t]+\S"
)
_HANDLE = re.compile(r"[\d._]")
_CONFIDENCE = 0.75


def _a_speaker(st: State, name: str, stamped: bool = False) -> bool:
    """Whether a line's speaker is someone; ``stamped``: their lines carry a message's time,
    which a form's field never does (``[28/03 21:17] Zee: …``: a name that is also a word)."""
    lex = st.lex
    if " " in name and name[-1].isupper():  # a word and an initial: "mummy T", "Kyle B"
        first = word_key(name.split()[0])
        return first in RELATION_CUES or (first in lex.given and first not in lex.common)
    if " " in name and name[-2] == " ":  # a name saved with a kiss or a letter: "skyeee x"
        first = word_key(name.split()[0])
        return stamped and len(first) > 2 and _a_speaker(st, name.split()[0], stamped)
    key = word_key(name)
    if len(key) < 2 or (name.isupper() and len(name) <= 4):
        return False  # initials, acronyms: the initials rules read them
    if key in RELATION_CUES or key in ROLE_CUES or key in HONORIFICS:
        return False
    if _HANDLE.search(name):
        return True
    if key in lex.protected_words:
        return False
    if name.islower() and key in lex.given:
        return (
            True  # "holly: ye wats up": a given name typed, though a word ("Holly" may be a field)
        )
    if key in lex.common:
        return False  # a form's field: "Date", "Plan", "Outcome"
    if key in lex.words and key not in lex.given and not name.islower() and not stamped:
        return False  # (a field has its capital; a name typed in a phone may not: "zee")
    return (key,) not in lex.places


def find_line_speakers(st: State) -> None:
    """Redact the recurring speakers of a chat typed line by line (see the module)."""
    text = st.text
    if text.count(":") < 3:
        return
    lines = [m for m in _LINE.finditer(text)]
    if len(lines) < 3:
        return
    said = Counter(m.group("n") for m in lines)
    if len(said) < 2:
        return
    handles = any(_HANDLE.search(name) and _a_speaker(st, name) for name in said)
    stamped = {m.group("n") for m in lines if m.group("t")}  # a phone's messages, with times
    for name, count in said.items():
        if count < 2:
            continue
        who = st.known.given_keys.get(word_key(name)) if name.islower() else None
        if who is not None:  # "summer: ye shes doin my hair": the record's child, typing
            _take_record_speaker(st, name, who, [m for m in lines if m.group("n") == name])
            continue
        if (handles or (name in stamped and len(name) == 1)) and _initial(name):
            _take_initial(st, name, [m.start("n") for m in lines if m.group("n") == name])
            continue
        if not _a_speaker(st, name, name in stamped):
            _sign_with_emoji(st, [m for m in lines if m.group("n") == name])
            continue
        kind = "username" if _HANDLE.search(name) else "person"
        ident = "p:" + word_key(name)
        forms = {name, name.capitalize(), name.lower()} if kind == "person" else {name}
        for form in forms:
            for start, end in whole_words(text, form):
                if st.free(start, end):
                    st.take(start, end, kind, ident, 45, _CONFIDENCE)
        if kind == "person":
            st.remember((word_key(name),), kind, ident)
        _sign_with_emoji(st, [m for m in lines if m.group("n") == name])


def _take_record_speaker(st: State, name: str, who: int, lines: list[re.Match[str]]) -> None:
    """A record person's given name speaking in lower case, though it is a word (``summer``,
    ``hope``): the person where they speak, and where the chat's lines name them again (``is
    this summer that knows jase``), from the chat's first speaker to its last; not in the
    note's other lines (``over the summer``)."""
    text = st.text
    # the chat: from the first line of a speaker who speaks twice or more to the last's
    lines_all = list(_LINE.finditer(text))
    again = Counter(m.group("n") for m in lines_all)
    spoken = [m for m in lines_all if again[m.group("n")] > 1]
    first, last = spoken[0].start(), text.find("\n", spoken[-1].start())
    for start, end in whole_words(text, name):
        if first <= start and (last < 0 or end <= last) and st.free(start, end):
            take_known(st, start, end, who, _CONFIDENCE)
    _sign_with_emoji(st, lines)


def _sign_with_emoji(st: State, lines: list[re.Match[str]]) -> None:
    """The emoji a speaker signs with go with their name where it is redacted there."""
    starts = {c.start: c for c in st.cands if c.kind in NAME_KINDS}
    for m in lines:
        c = starts.get(m.start("n"))
        if c is None or c.end != m.end("n"):
            continue
        start = m.start("e") if m.group("e") else c.start
        end = m.end("f") if m.group("f") and not m.group("f").strip().isascii() else c.end
        if (start, end) != (c.start, c.end) and st.free(start, c.start) and st.free(c.end, end):
            st.grow(c, start, end)


# a speaker of one or two capitals in a chat with handles: a display name ("Z", "JT"), not
# the questions and answers of an interview typed out
_NOT_INITIALS = frozenset({"Q", "A", "QU", "ANS", "SW", "TM", "PC", "DC", "HV", "GP"})


def _initial(name: str) -> bool:
    return name.isupper() and name.isalpha() and len(name) <= 2 and name not in _NOT_INITIALS


def _take_initial(st: State, name: str, starts: list[int]) -> None:
    """A chat's display name of capitals: redacted where it speaks and where it is quoted
    (``booked by "Z"``), not wherever the letter stands."""
    text = st.text
    ident = "p:" + name.lower()
    spots = [(at, at + len(name)) for at in starts]
    for quote in ('"', "“", "'", "‘"):
        close = {"“": "”", "‘": "’"}.get(quote, quote)
        needle = quote + name + close
        at = text.find(needle)
        while at >= 0:
            spots.append((at + 1, at + 1 + len(name)))
            at = text.find(needle, at + 1)
    for start, end in spots:
        if st.free(start, end):
            st.take(start, end, "person", ident, 45, _CONFIDENCE)


# a profile's name with its number, after the platform: "on facebook as shane hunter 77"
_PROFILE_BEFORE = re.compile(
    r"(?i:\b(?:facebook|fb|insta(?:gram)?|snap(?:chat)?|tiktok|twitter|x|account|profile)"
    r"[ \t]+(?:as|is|called|named|name)[ \t]*:?[ \t]*)\Z"
)
_NUMBER_AFTER = re.compile(
    r"[ \t]?\d{1,4}(?![\w'’-])(?![ \t]+(?:times?|days?|weeks?|hours?|mins?|minutes?|years?|months?)\b)"
)


# emoji (and their joiners and variation selectors) a display name carries before its colon
# or closing quote: "kiki 💕: where r u", "Chat with \"Deano 🚗\""
_EMOJI_AFTER = re.compile(
    "[ \t]?[\u2600-\u27bf\U0001f000-\U0001faff][\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]*"
    '(?=[ \t]*[:"”])'
)


def join_profile_numbers(st: State) -> None:
    """A person's name given as a profile's, with the profile's number after it, is the
    profile: the number goes with the name ("on facebook as [FATHER] 77" leaves the 77). So
    are the emoji a display name carries ("kiki 💕: where r u")."""
    text = st.text
    for c in list(st.cands):
        if c.kind not in NAME_KINDS:
            continue
        emoji = _EMOJI_AFTER.match(text, c.end)
        if emoji is not None and st.free(c.end, emoji.end()):
            st.grow(c, c.start, emoji.end())
            continue
        m = _NUMBER_AFTER.match(text, c.end)
        if m is None or not st.free(c.end, m.end()):
            continue
        if _PROFILE_BEFORE.search(text, max(0, c.start - 30), c.start):
            st.grow(c, c.start, m.end())


# a message's sender with its time: "[12/05/2025, 09:20] Louise PA Leaving Care: Morning",
# "Jay K Dad 18:02: where is he"; the sender is two to five words
_STAMPED_SENDER = re.compile(
    r"(?m)^[ \t]*(?:(?P<t>\[[^\]\n]{4,30}\]|\d{1,2}[:.]\d{2})[ \t]*(?:[-–][ \t]*)?)?"
    r"(?P<n>[^\W\d_][\w'’.-]*(?:[ \t][\w'’.&-]+){1,4}?)"
    r"(?P<a>[ \t]+\d{1,2}[:.]\d{2})?[ \t]*:[ \t]+\S"
)


def grow_display_names(st: State) -> None:
    """A chat's sender saved under a name and a label is a display name, all of it:
    ``Louise PA Leaving Care: Morning`` or ``Jay K Dad 18:02: where is he`` leaves no
    ``PA Leaving Care`` or ``K Dad`` once the name is redacted. The sender must speak twice
    with a message's time, and a name found in the note must open it; the display name is
    then redacted where it is quoted too (``saved as "Jay K Dad"``)."""
    text = st.text
    if text.count(":") < 4:
        return
    said: Counter[str] = Counter()
    spots: dict[str, list[int]] = {}
    for m in _STAMPED_SENDER.finditer(text):
        if m.group("t") is None and m.group("a") is None:
            continue
        said[m.group("n")] += 1
        spots.setdefault(m.group("n"), []).append(m.start("n"))
    if not said:
        return
    starts = {c.start: c for c in st.cands if c.kind in NAME_KINDS}
    for sender, count in said.items():
        if count < 2 or len(sender) > 40:
            continue
        for at in spots[sender]:
            c = starts.get(at)
            if c is None or c.end >= at + len(sender) or not st.free(c.end, at + len(sender)):
                continue
            st.grow(c, at, at + len(sender))
            for quote, close in (('"', '"'), ("“", "”")):
                for start, end in whole_words(text, quote + sender + close):
                    inner = starts.get(start + 1)
                    if inner is not None and st.free(inner.end, end - 1):
                        st.grow(inner, start + 1, end - 1)
                    elif st.free(start + 1, end - 1):
                        st.take(start + 1, end - 1, c.kind, c.ident, c.priority, c.confidence)
