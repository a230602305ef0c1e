"""Where people's own words are in a note, read as speech by the sound and name layers.

Inside quotes; a chat export's messages (``[15/02/2026, 23:44] Faith: …``) and messages after
their writer's name with no time (``Courtney: cant do tmrw``; the writer a given name, kin,
``me`` or ``SW``, not a form's field such as ``Reflection:``); runs of lines opening in lower
case, as a child writes them (``my best frends are evie and maddison``); and a whole note
written in lower case. In a child's words a name follows kin, friends and ``called`` without
a capital (``nanny sue``, ``my best freind grace``, ``coach is called dan``): ``KIN_BEFORE``.
"""

from __future__ import annotations

import re

from moderator.anonymise.lexicon import Lexicon, word_key

_SPEECH_RE = re.compile(r"[\"“]([^\"“”\n]{2,300})[\"”]")

# in a child's words, a name follows these without a capital: "nanny sue", "uncle gaz"
KIN_BEFORE = frozenset(
    [
        "nan",
        "nana",
        "nanna",
        "nanny",
        "gran",
        "granny",
        "grandma",
        "grandad",
        "granddad",
        "grandpa",
        "uncle",
        "auntie",
        "aunty",
        "aunt",
        "mum",
        "mummy",
        "mam",
        "mammy",
        "mama",
        "ammi",
        "abbu",
        "dad",
        "daddy",
        "cousin",
        "sister",
        "brother",
        "bro",
        "sis",
        # friends and partners, as children spell them: "my best freind grace"
        "friend",
        "freind",
        "frend",
        "frnd",
        "mate",
        "bestie",
        "bezzie",
        "bff",
        "pal",
        "boyfriend",
        "girlfriend",
        "boyfreind",
        "girlfreind",
        "bf",
        "gf",
        # "coach is called dan", "a lad named kai"
        "called",
        "named",
        "coach",
    ]
)

# a message's words in a chat export: "[15/02/2026, 23:44] Faith: …", "21/02/2024, 19:20 -
# Kay: …" (the header up to the speaker's colon is no speech)
_CHAT_LINE = re.compile(
    r"^[ \t]*\[?\d{1,2}/\d{1,2}/\d{2,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]*[-–]?[ \t]*"
    r"[^:\n]{1,40}:[ \t]*(?P<m>[^\n]+)"
    # a phone's message with its time, its day or date before it: "[17/02, 21:14] Lace: …",
    # "Tue 3 Jun 18:22 Abena: …", "21:03 - Sumaiya: …"
    r"|^[ \t]*\[?(?:[A-Z][a-z]{2}[ \t]+)?(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?,?[ \t]+"
    r"|\d{1,2}[ \t]+[A-Z][a-z]{2,8}[ \t]+)?\d{1,2}:\d{2}\]?[ \t]*[-–]?[ \t]*"
    r"[A-Za-z][^:\n]{0,30}:[ \t]+(?P<n>[^\n]*[a-z][^\n]*)",
    re.MULTILINE,
)


def speech_spans(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Where people's own words are: inside quotes, a chat message's words, and lines written
    in lower case as a child writes them."""
    spans = [q.span(1) for q in _SPEECH_RE.finditer(text)] if '"' in text or "“" in text else []
    if ":" in text and "/" in text:
        spans += [m.span("m") for m in _CHAT_LINE.finditer(text) if m.group("m")]
    if ":" in text:
        spans += [
            m.span("n")
            for m in _CHAT_LINE.finditer(text)
            if m.group("n") is not None and _lower_message(m.group("n"), 3)
        ]
    if " i " in text or "my " in text:
        spans += _lower_blocks(text)
    if ":" in text:
        spans += [
            _said(m)
            for m in _PLAIN_CHAT.finditer(text)
            if _lower_message(m.group("m")) and _writer(lex, m.group("s"))
        ]
    return spans


# "Courtney: cant do tmrw", "amir: ur the one": a message after its writer's name, no time
_PLAIN_CHAT = re.compile(
    r"^[ \t]*(?P<s>[A-Za-z][\w'’-]*(?:[ \t][A-Za-z][\w'’-]*){0,2}):[ \t]*(?P<m>[^\n]+)", re.M
)
_FIRST_PERSON = re.compile(r"(?:^|[\s-])(?:i|im|my|me|ur|u)(?=[\s,.!?]|$)")


def _writer(lex: Lexicon, writer: str) -> bool:
    """Whether a message's label names its writer (``Courtney``, ``amir``, ``Mum``), not a
    form's field (``Reflection``, ``Outcome``)."""
    key = word_key(writer.split()[0])
    return key in lex.given or key in KIN_BEFORE or key in ("me", "sw", "worker")


def _lower_message(message: str, words: int = 4) -> bool:
    """Whether a message is written in lower case, as texts are (``words`` words or more)."""
    # (the words and the first letter first: each is needed, and quicker than the capitals'
    # count, a test of every character, which most messages then never reach)
    if len(message.split()) < words or not _opens_lower(message):
        return False
    capitals = sum(1 for ch in message if ch.isupper())
    return capitals * 25 < len(message)


_FIRST_LETTER = re.compile(r"[^\W\d_]")


def _opens_lower(line: str) -> bool:
    """Whether the first letter of a line is in lower case (``my best frends``, ``- ammi``)."""
    first = _FIRST_LETTER.search(line)
    return first is not None and first.group().islower()


def _said(m: re.Match[str]) -> tuple[int, int]:
    """A message's words; with its writer's name when that is in lower case too (``amir:``)."""
    return (m.start("s") if m.group("s").islower() else m.start("m"), m.end("m"))


_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-Þ]")


def _lower_blocks(text: str) -> list[tuple[int, int]]:
    """Runs of lines written in lower case, as a child writes (each line almost without a
    capital, the run forty characters or more and in the first person)."""
    spans: list[tuple[int, int]] = []
    at, start = 0, -1
    for line in [*text.split("\n"), ""]:
        lower = _opens_lower(line) and len(_CAPITAL.findall(line)) * 50 < len(line)
        if lower and start < 0:
            start = at
        elif not lower and start >= 0:
            block = text[start : at - 1]
            if len(block) > 40 and _FIRST_PERSON.search(block):
                spans.append((start, at - 1))
            start = -1
        at += len(line) + 1
    return spans


def written_by_a_child(text: str) -> bool:
    """Whether a note is written in lower case throughout, as a child writes (the pronoun "i"
    in lower case, hardly a capital): its words are read as speech."""
    if " i " not in text and not text.startswith("i "):
        return False
    capitals = sum(1 for ch in text if ch.isupper())
    return capitals * 50 < len(text)
