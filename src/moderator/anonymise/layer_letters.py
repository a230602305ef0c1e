"""Names in the frame of a message: e-mail headers and sign-offs.

Forwarded e-mails name their people where no cue in the prose would: ``From: Pendlebury,
Verity <…>``, ``To: Drewitt, Fergal (Kent Police); Traveller Education Service``, and sign
off with the writer's name (``Kind regards\\nVerity Pendlebury | DSL | …``). In a header
line, every item is a person (``Surname, Given`` or ``Given Surname``) or an organisation
(capitalised words ending in a service's noun); after a sign-off, the capitalised words that
follow are the writer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from moderator.anonymise.cues import HONORIFICS, INSTITUTION_NOUNS
from moderator.anonymise.lexicon import lower_text, phrase_key
from moderator.anonymise.nearby import matches_in, word_positions
from moderator.anonymise.state import State

# a header field at a line's start in any case, or further along a forwarded line ("> From:")
_HEADER_RE = re.compile(
    r"(?:(?m:^)[ \t>]*(?i:from|to|cc|bcc)|(?<=[ \t>])(?:From|To|Cc|Bcc))[ \t]*:[ \t]*"
    r"(?P<v>[^\n]+?)[ \t]*(?m:$)"
)
_ITEM_RE = re.compile(r"[^;]+")
_SURNAME_FIRST_RE = re.compile(r"[ \t]*(?P<n>[A-Z][\w'’-]+,[ \t]*[A-Z][\w'’-]+)[ \t]*(?:[(<]|$)")
_NAME_RE = re.compile(r"[ \t]*(?P<n>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,3})[ \t]*(?:[(<|,]|$)")
_SIGN_OFF_RE = re.compile(
    r"(?i:\b(?:kind|best|warm|many)[ \t]+(?:regards|wishes|thanks)|\bregards|\bthanks"
    r"|\byours[ \t]+(?:sincerely|faithfully)|\bsigned|\bwritten[ \t]+by|\bcompleted[ \t]+by)"
    r"[ \t]*[:,]?[ \t]*(?:\n[ \t]*){0,2}(?P<n>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,3})"
)
_SIGN_OFF_WORDS = ("regards", "thanks", "wishes", "sincerely", "faithfully", "signed", "n by")
# the words a sign-off starts with: on an ASCII note (case folds only A-Z there) the pattern
# is tried only where one is written (it starts with "\b", so it is tried at every position)
_SIGN_OFF_FIRSTS = ("kind", "best", "warm", "many", "regards", "thanks", "yours", "signed",
                    "written", "completed")  # fmt: skip
_FIELD_END = re.compile(r"[ \t>]+(?:Sent|From|To|Cc|Date|Subject)[ \t]*:")


def find_letter_names(st: State) -> None:
    """People and organisations named in e-mail headers, and the writer after a sign-off."""
    text = st.text
    lex = st.lex
    lower = lower_text(text)
    if any(f in lower for f in ("from:", "to:", "cc:", "from :", "to :")):
        for header in _HEADER_RE.finditer(text):
            value_end = header.end("v")
            cut = _FIELD_END.search(text, header.start("v"), value_end)  # one line, many fields
            if cut is not None:
                value_end = cut.start()
            for item in _ITEM_RE.finditer(text, header.start("v"), value_end):
                _header_item(st, item.start(), item.end())
    signed = any(w in lower for w in _SIGN_OFF_WORDS)
    for m in _sign_offs(text, lower) if signed else ():
        keys = phrase_key(m.group("n"))
        if keys and keys[0] not in lex.common and keys[0] not in lex.protected_words:
            _take_name(st, m.start("n"), m.end("n"), "professional", 0.85)


def _sign_offs(text: str, lower: str) -> Iterable[re.Match[str]]:
    """_SIGN_OFF_RE's matches (tried only where a sign-off's first word is, on an ASCII note)."""
    if not text.isascii():
        return _SIGN_OFF_RE.finditer(text)
    starts = [(at, at) for at, _ in word_positions(lower, _SIGN_OFF_FIRSTS)]
    return matches_in(_SIGN_OFF_RE, starts, text)


def _header_item(st: State, start: int, end: int) -> None:
    text = st.text
    lex = st.lex
    m = _SURNAME_FIRST_RE.match(text, start, end)
    if m is not None:  # "Pendlebury, Verity": an address book's order
        _take_name(st, m.start("n"), m.end("n"), "professional", 0.9)
        return
    m = _NAME_RE.match(text, start, end)
    if m is None:
        return
    keys = phrase_key(m.group("n"))
    if all(k in lex.common or k in lex.protected_words for k in keys):
        return  # "Duty Team", "MASH"
    if keys[-1] in INSTITUTION_NOUNS or keys[-1] in ("service", "services", "team"):
        if st.free(m.start("n"), m.end("n")) and not _protected(st, keys):
            st.take(m.start("n"), m.end("n"), "org", " ".join(keys), 56, 0.8)
        return
    if len(keys) >= 2 and (keys[0] in lex.given or keys[-1] in lex.surnames):
        _take_name(st, m.start("n"), m.end("n"), "professional", 0.9)


def _protected(st: State, keys: tuple[str, ...]) -> bool:
    return any(keys[i:] in st.lex.phrases.get(keys[i], ()) for i in range(len(keys)))


_LAST_WORD = re.compile(r"(?<=\S)[ \t]+(\S+)\Z")
# registrations and degrees written after a signature's name ("Nicola Fenton RN RHV")
_POST_NOMINALS = frozenset(
    ("RN", "RGN", "RMN", "RSCN", "RNLD", "RM", "RHV", "SCPHN", "HV", "BSc", "MSc", "BA", "MA",
     "PGCE", "QTS", "DipSW", "CQSW", "MBE", "OBE", "PhD", "MBBS", "MRCGP", "MRCPCH", "FRCPCH")
)  # fmt: skip


def _take_name(st: State, start: int, end: int, kind: str, confidence: float) -> None:
    """Take a name not taken yet, and remember it for its other mentions."""
    trimmed = False
    while (last := _LAST_WORD.search(st.text, start, end)) is not None and (
        last.group(1) in st.lex.acronyms or last.group(1) in _POST_NOMINALS
    ):
        end, trimmed = last.start(), True  # "Bethany Coulthard RGN SCPHN": letters after a name
    if trimmed and len(st.text[start:end].split()) < 2:
        return  # "Harlow MASH": a place's team, no one's name
    if not st.free(start, end):
        return
    keys = phrase_key(st.text[start:end])
    if not keys or keys[0] in HONORIFICS:
        return
    hit = st.found.get(keys)
    kind, ident = (
        hit if hit else (kind, ("pro:" if kind == "professional" else "p:") + " ".join(keys))
    )
    st.take(start, end, kind, ident, 55, confidence)
    st.remember(keys, kind, ident)
