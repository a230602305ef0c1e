"""Identifiers spelt out or spaced so that no pattern of digits finds them.

A voicemail transcribed as said gives a phone number in words (``oh seven seven double oh,
nine double oh, two one four``) or digit by digit (``0 7 7 double 0, 9 …``); forms space
out registrations (``K E 7 0  R U F``) and pupil numbers (``Y667 0124 5890 3``); references
come in lower case with slashes (``int/ch/2024/55871``) or as letters and groups of digits
(``SCN 084 331 902``); an e-mail address is spelt with spaces in its name (``vaughn w 1982
at hotmail dot co dot uk``); a handle is written before the platform (``ly.marchbank
Facebook``) or in brackets after it (``Instagram (indi.frith.x)``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from moderator.anonymise.lexicon import lower_text
from moderator.anonymise.nearby import for_text
from moderator.anonymise.patterns import near_spans, word_positions

Add = Callable[[int, int, str, str, int], None]

_DIGIT_WORD = r"(?:\d|oh|o|zero|nought|one|two|three|four|five|six|seven|eight|nine)"
# "nine hundred" is three digits as a voicemail says them
_SPOKEN_DIGITS_RE = re.compile(
    rf"(?i:(?<![\w])(?:(?:double|triple)[ \t]+)?{_DIGIT_WORD}(?:[ \t]+hundred)?"
    rf"(?:[ \t,.-]+(?:(?:double|triple)[ \t]+)?{_DIGIT_WORD}(?:[ \t]+hundred)?){{5,}}(?![\w]))"
)
# a local number said after a cue to ring it: "i can ring nan on nine zero zero eight five nine"
_RING_CUE_RE = re.compile(
    r"(?i:\b(?:ring|call|phone|text|number|tel|mobile|landline|contact)\b[^.\n]{0,20})\Z"
)
_DIGIT_TOKEN_RE = re.compile(
    rf"(?i:(?:(?P<times>double|triple)[ \t]+)?{_DIGIT_WORD}(?P<hundred>[ \t]+hundred)?)"
)
# a number said from its first word: "zero seven…", "oh one one five…"
_SPOKEN_START_RE = re.compile(r"(?i:\b(?:zero|oh|nought)[ \t,]+(?:one|seven|two|three|oh|zero)\b)")
SPACED_PLATE_RE = re.compile(
    r"(?i:[a-z](?<![\w][a-z])[ \t][a-z][ \t]\d[ \t]\d[ \t]{1,3}[a-z][ \t][a-z][ \t][a-z])(?![\w])"
)
# (these start with a letter, the look-behind after it: the engine skips to the letters)
SPACED_UPN_RE = re.compile(
    r"[A-HJ-NP-TV-Z](?<![\w][A-HJ-NP-TV-Z])\d{3}[ \t]\d{4}[ \t]\d{4}[ \t]?\d(?![\w])"
)
# "SCN 084 331 902": a few capitals and three groups of digits or more
GROUPED_REF_RE = re.compile(
    r"[A-Z](?<![\w][A-Z])[A-Z]{1,3}[ \t]+\d{3,4}(?:[ \t]+\d{3,4}){2,}(?![\w])"
)
# "int/ch/2024/55871": a reference in lower case, in parts joined by slashes, after "ref"
SLASHED_REF_RE = re.compile(
    r"(?i:\bref(?:erence)?\.?[ \t]*:?[ \t]*)(?P<r>[a-z]{2,5}(?:/[a-z0-9]{1,8}){2,})(?![\w/])"
)
# (its words before "at" possessive: a blank follows each, and none of them is "at", so giving
# letters or words back never matched; tried at every word, that backtracking was slow)
SPACED_EMAIL_RE = re.compile(
    r"(?P<e>[a-z0-9](?<![\w][a-z0-9])[a-z0-9]*+(?:[ \t]+(?!at\b)[a-z0-9-]++){1,3}+[ \t]+at[ \t]+"
    r"(?:(?i:hotmail|gmail|yahoo|outlook|icloud|live|btinternet|aol|sky|virginmedia|ymail"
    r"|protonmail|googlemail)(?:[ \t]+dot[ \t]+[a-z]{2,})+"
    # "errol blackstock sixty-two at gmail": the provider alone says it is an address
    # (not before its domain written with dots: "sonia at hotmail.co.uk" is read by its shape)
    r"|(?i:hotmail|gmail|yahoo|icloud|btinternet|protonmail|googlemail)(?![ \t]+dot\b|\.[a-z])))"
    r"(?![\w])"
)
_NOT_IN_EMAIL = frozenset(
    ["me", "at", "is", "on", "to", "email", "mail", "her", "his", "their", "my", "at", "be"]
)
HANDLE_BEFORE_RE = re.compile(
    r"(?<![\w@.])(?P<h>[a-z][\w]*\.[\w.]*[\w])[ \t]+(?i:on[ \t]+)?"
    r"(?i:facebook|instagram|insta|snapchat|snap|tiktok|twitter)\b"
)
HANDLE_BRACKET_RE = re.compile(
    r"(?i:\b(?:facebook|instagram|insta|snapchat|snap|tiktok|twitter))[ \t]*\([ \t]*"
    # ("Snapchat (callumr1der)": letters and a digit, or an underscore, say it is a handle too)
    r"(?P<h>@?[\w]+(?:\.[\w]+)+|@?[A-Za-z]+\d[\w]*|@?\w*_\w+)[ \t]*\)"
)
_PLATFORMS = ("facebook", "instagram", "insta", "snap", "tiktok", "twitter")
_SPACED_SINGLE = re.compile(r"\d(?<![\w]\d)[ \t]+\d(?![\w])")  # look-behind second: quicker
# (from its first character, a digit or a capital, as a class: the engine skips to one; the
# alternation first was tried at every position of each stretch)
_GROUPED = re.compile(r"[\dA-Z](?:(?<=\d)\d{3}|(?<=[A-Z])[A-Z][ \t]\d{3})[ \t]\d{3}")


def find_spelt(text: str, add: Add, regions: list[tuple[int, int]]) -> None:
    """Add the spelt-out and spaced identifiers to layer 1's candidates; those with digits
    are looked for only in ``regions``, the stretches around the text's digits."""
    lower = lower_text(text)
    spaced, grouped = for_text(_SPACED_SINGLE, text), for_text(_GROUPED, text)  # quicker if ASCII
    single = any(spaced.search(text, lo, hi) for lo, hi in regions)  # "0 7 7", "K E 7 0"
    if (
        single
        or "double" in lower
        or "triple" in lower
        or (
            ("zero" in lower or "oh " in lower or "nought" in lower)
            and _SPOKEN_START_RE.search(text)
        )
    ):
        for m in _SPOKEN_DIGITS_RE.finditer(text):
            digits = sum(
                {"double": 2, "triple": 3}.get((t.group("times") or "").lower(), 1)
                + (2 if t.group("hundred") else 0)
                for t in _DIGIT_TOKEN_RE.finditer(m.group())
            )
            if 10 <= digits <= 13 or (
                6 <= digits <= 9 and _RING_CUE_RE.search(text, max(0, m.start() - 40), m.start())
            ):
                add(m.start(), m.end(), "phone", "", 89)
    for m in SPACED_PLATE_RE.finditer(text) if single else ():
        add(m.start(), m.end(), "vehicle_reg", "", 87)
    for lo, hi in regions:
        if grouped.search(text, lo, hi) is None:  # "0124 5890", "SCN 084 331"
            continue
        for m in SPACED_UPN_RE.finditer(text, max(0, lo - 6), hi):
            add(m.start(), m.end(), "upn", "", 87)
        for m in GROUPED_REF_RE.finditer(text, max(0, lo - 6), hi):
            add(m.start(), m.end(), "case_number", "", 80)
    refs = word_positions(lower, ("ref",))
    for m in near_spans(SLASHED_REF_RE, refs, text, 1, 50) if "/" in text else ():
        add(m.start("r"), m.end("r"), "case_number", "", 80)
    spelt = " dot " in lower or any(p in lower for p in ("gmail", "hotmail", "yahoo", "icloud"))
    for m in SPACED_EMAIL_RE.finditer(text) if spelt else ():
        start = m.start("e")
        while True:  # "email me at vaughn w 1982 at …": the name starts after the cue words
            word = re.match(r"[^\s]+[ \t]+", text[start : m.end()])
            if word is None or word.group().strip().lower() not in _NOT_IN_EMAIL:
                break
            start += word.end()
        add(start, m.end(), "email", "", 99)  # wins over the shorter spelt address
    platforms = any(w in lower for w in _PLATFORMS)
    for pattern in (HANDLE_BEFORE_RE, HANDLE_BRACKET_RE) if platforms else ():
        for m in pattern.finditer(text):
            add(m.start("h"), m.end("h"), "username", "", 86)
