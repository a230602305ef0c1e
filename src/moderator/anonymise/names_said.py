"""Names a child writes in lower case after the words that introduce a person.

A child's own words name people without capitals, but with the same cues as anyone: ``my
best friend is ruby``, ``my frends are sabina and vanesa``, ``everyone calls me meimei or
may``, ``i can go to lilys house``, ``the car wash with uncle laco``, ``living with kuldip aunty``. After such a cue, a
lower-case word is a name when the given-name lists hold it, or when it is no frequent word
of English (``amahle``, ``laco``): ``my friend is nice`` and ``calls me lazy`` name no one. A
possessive without its apostrophe before ``house`` (``lilys``, ``temis``) is a name when the
word without its ``s`` is one of those. Each is redacted below the review threshold, for the
person importing to confirm, and remembered, so its other mentions are taken too.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import RELATION_CUES, ROLE_CUES
from moderator.anonymise.lexicon import frequent_word, lower_same_length, word_count
from moderator.anonymise.names_lower import typed_lines
from moderator.anonymise.nearby import scan_near, word_positions
from moderator.anonymise.state import State
from moderator.anonymise.unknown_words import a_word

_CONFIDENCE = 0.65
_NAME = r"[a-zà-ÿ][a-zà-ÿ'’-]+"
# "my best friend is ruby", "my frends are sabina and vanesa", "my best mate is kaci-leigh"
_FRIEND = re.compile(
    r"(?<![\w'’-])(?:best[ \t]+)?(?:friend|frend|freind|fren|mate|bestie|bff|boyfriend|girlfriend)s?"
    rf"[ \t]+(?:is|are|was|were|called|named|iz)[ \t]+(?P<a>{_NAME})(?:[ \t]+(?!(?:and|or|n)\b)(?P<b>[a-z][a-z'’-]*))?"
    rf"(?:[ \t]+(?:and|n|&)[ \t]+(?P<c>{_NAME}))?"
)
# "everyone calls me meimei or may", "they call me jj"
_CALLED = re.compile(
    rf"(?<![\w'’-])calls?[ \t]+me[ \t]+(?P<a>{_NAME})(?:[ \t]+(?:or|and|n)[ \t]+(?P<c>{_NAME}))?"
)
# "me n kyle n jonno", "me and zed n little t": the people a child was with, listed after
# "me" (a letter after "lil", "little" or "big" is a name: "lil t")
_NAME_OR_LIL = rf"(?:(?:lil|little|big)[ \t]+[a-z](?![\w'’-])|{_NAME})"
_WITH_ME = re.compile(
    rf"(?<![\w'’-])me[ \t]+(?:n|an|and|&|wiv|w)[ \t]+(?P<a>{_NAME_OR_LIL})"
    r"(?:[ \t]+(?!(?:and|or|n|an)\b)(?P<b>[a-z][a-z'’-]*))?"
    rf"(?:[ \t]*(?:,|n|an|and|&)[ \t]+(?P<c>{_NAME_OR_LIL}))?"
    rf"(?:[ \t]*(?:,|n|an|and|&)[ \t]+(?P<d>{_NAME_OR_LIL}))?"
)
# "one called k-dawg", "hes called deezy", "some lad called dreads or summat"
_CALLED_THEM = re.compile(
    r"(?<![\w'’-])(?:one|lad|guy|boy|girl|man|bloke|fella|kid|he|hes|he's|she|shes|she's"
    rf"|someone)[ \t]+(?:is[ \t]+)?called[ \t]+(?P<a>{_NAME})(?:[ \t]+(?:or|and|n)[ \t]+(?P<c>{_NAME}))?"
)
_LIL = re.compile(r"(?:lil|little|big)[ \t]+[a-z]")
# "uncle laco", "auntie bev", "nanny mercy"
_KIN = re.compile(
    r"(?<![\w'’-])(?:uncle|auntie|aunty|aunt|nanny|nan|nana|nanna|grandad|grandpa|granny|grandma"
    rf"|cousin)[ \t]+(?P<a>{_NAME})"
)
# "kuldip aunty", "balbir uncle", "imran bhai": a name before the kin word, as South Asian
# English writes it
_KIN_AFTER = re.compile(
    rf"(?<![\w'’-])(?P<a>{_NAME})[ \t]+(?:aunty|auntie|uncle|bhai|bhaiya|baji|didi|apa|ji|chacha"
    r"|chachi|mamu|mami|phupho|khala)(?![\w'’-])"
)
# "i can go to lilys house", "at temis house"
_HOUSE = re.compile(r"(?<![\w'’-])(?P<a>[a-zà-ÿ][a-zà-ÿ-]+s)[ \t]+(?:house|flat|place)\b")
_KIN_AFTER_WORDS: tuple[str, ...] = (
    " aunty",
    " auntie",
    " uncle",
    " bhai",
    " baji",
    " didi",
    " apa",
    " ji",
)
_KIN_AFTER_WORDS += (" chacha", " chachi", " mamu", " mami", " phupho", " khala")
_NOT_NAMES = frozenset(
    [
        "a",
        "an",
        "the",
        "my",
        "his",
        "her",
        "their",
        "our",
        "your",
        "so",
        "not",
        "very",
        "really",
        "from",
        "in",
        "at",
        "on",
        "to",
        "with",
        "and",
        "or",
        "also",
        "still",
        "just",
        "only",
        "is",
        "are",
        "was",
        "called",
        "named",
        "me",
        "him",
        "them",
        "us",
        "it",
        "this",
        "that",
        "there",
        "here",
        "who",
        "what",
        "when",
        "going",
        "coming",
        "gone",
        "being",
        "always",
        "never",
        "sometimes",
        "nice",
        "kind",
        "funny",
        "mean",
        "dont",
        "cant",
        "wont",
        "isnt",
        "didnt",
        "im",
        "its",
        "aint",
        "frend",
        "freind",
        "fren",
        "frends",
        "freinds",
        "cuz",
        "cuzzy",
        "cuzzie",
    ]
)


def _nameable(st: State, key: str, cue: str) -> bool:
    """Whether a lower-case word after a cue is read as a name."""
    if key in _NOT_NAMES or key in RELATION_CUES or key in ROLE_CUES or len(key) < 2:
        return False
    if cue == "with" and _LIL.fullmatch(key):
        return True  # "me n lil t"
    if cue in ("with", "named"):  # a list of who a child was with, "a lad called …":
        # a nickname that is a rarer word is the person's ("me n zed", "called dreads")
        lex = st.lex
        if (key in lex.rarer or key in lex.given) and word_count(key) < 200_000:
            return True  # ("me n grace"; not "me an said theres")
        return (
            not frequent_word(key)
            and key.replace("-", "").isalpha()
            and key not in lex.protected_words
            and key not in lex.common
        )
    lex = st.lex
    if key in lex.rarer or (key in lex.given and (cue != "kin" or key not in lex.common)):
        return True
    return (
        not frequent_word(key)
        and key.replace("-", "").isalpha()
        and key not in lex.words
        and key not in lex.common
        and key not in lex.protected_words
    )


def find_said_names(st: State) -> None:
    """Take the lower-case names after the cues of a child's own words (see the module)."""
    text = st.text
    lower = lower_same_length(text)  # (offsets as in the text)
    found: list[tuple[int, int, str]] = []
    # each pattern is tried only near its cue's words, found with str.find
    friends = word_positions(lower, ("friend", "frend", "freind", "fren", "mate", "bestie", "bff"))
    if friends:
        found += _matches(st, scan_near(_FRIEND, friends, text, 6, 60), "friend")
    calls = word_positions(lower, ("call",))
    if calls:
        found += _matches(st, scan_near(_CALLED, calls, text, 0, 50), "called")
    mes = word_positions(lower, ("me",))
    if mes:
        found += _matches(st, scan_near(_WITH_ME, mes, text, 0, 60), "with")
    called = word_positions(lower, ("called",))
    if called:
        found += _matches(st, scan_near(_CALLED_THEM, called, text, 12, 40), "named")
    kin = word_positions(lower, ("uncle", "aunt", "nan", "gran", "cousin"))
    if kin:
        found += _matches(st, scan_near(_KIN, kin, text, 0, 40), "kin")
    kin_after = word_positions(lower, _KIN_AFTER_WORDS)
    if kin_after:
        found += [  # (a listed given name only: "becuase uncle saleh", "wiv uncle phuc")
            (start, end, key)
            for start, end, key in _matches(
                st, scan_near(_KIN_AFTER, kin_after, text, 30, 10), "kin"
            )
            if key in st.lex.given or key in st.lex.rarer
        ]
    homes = word_positions(lower, (" house", " flat", " place"))
    for m in scan_near(_HOUSE, homes, text, 40, 10) if homes else ():
        key = m.group("a")[:-1]
        if key in _NOT_NAMES:
            continue
        whole = m.group("a")  # ("previous flat", "upstairs flat": words, not names)
        named = key in st.lex.given or (
            len(key) >= 3 and _nameable(st, whole, "house") and _nameable(st, key, "house")
        )
        if named and key not in RELATION_CUES and whole not in RELATION_CUES:
            found.append((m.start("a"), m.end("a"), key))
    for start, end, key in found:
        if st.free(start, end):
            st.take(start, end, "person", "p:" + key, 45, _CONFIDENCE)
            st.remember((key,), "person", "p:" + key)
            continue
        taken = next((c for c in st.cands if c.start == start and c.end < end), None)
        if taken is not None and st.free(taken.end, end):
            st.grow(taken, start, end)  # "connor h": the name found already, its initial too


def _matches(st: State, matches: list[re.Match[str]], cue: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for m in matches:
        for group in ("a", "b", "c", "d"):
            if group not in m.re.groupindex or m.group(group) is None:
                continue
            key = m.group(group).lower()
            if group == "b":  # a second word: a surname or an initial ("lily wu", "ollie p")
                initial = len(key) == 1 and key not in ("i", "a")  # "connor h"
                if not initial and (
                    key in _NOT_NAMES
                    or key in st.lex.common
                    or not (key in st.lex.surnames or not frequent_word(key))
                ):
                    continue
                out[-1] = (out[-1][0], m.end(group), out[-1][2])
                continue
            if not _nameable(st, key, cue):
                break
            out.append((m.start(group), m.end(group), key))
    return out


_LOWER_WORD = re.compile(r"(?<![\w'’@.#-])[a-z][a-z]{2,}(?![\w'’@-])")


def find_short_forms_said(st: State) -> None:
    """A lower-case word that is a person's given name found in the note, or its start (a
    short form: ``trev`` for Trevor, ``pam`` for Pamela), possessive too (``at pams``), is that
    person: a child writing about the people the note names (``my foster carers pam and
    trev``), in the lines typed in lower case. Not a word of the dictionary."""
    text = st.text
    firsts: dict[str, tuple[str, str]] = {}
    for c in st.cands:
        if c.kind in ("person", "professional", "worker", "family", "child"):
            words = text[c.start : c.end].split()
            for w in words[:1] if len(words) > 1 else words:
                if w[:1].isupper() and w[1:2].islower() and len(w) >= 3:
                    firsts.setdefault(
                        w.lower().rstrip("'’s") if w.endswith(("'s", "’s")) else w.lower(),
                        (c.kind, c.ident),
                    )
    if not firsts:
        return
    lex = st.lex
    spans = typed_lines(text)
    matches = [m for start, end in spans for m in _LOWER_WORD.finditer(text, start, end)]
    for m in matches:
        word = m.group()
        for key in (word, word[:-1]) if word.endswith("s") else (word,):
            if key in lex.common or key in lex.words or frequent_word(key) or key in _NOT_NAMES:
                continue
            if a_word(key):
                continue  # "a robin comes to the garden", "found some serenity": the word
            hit = firsts.get(key) or next(
                (v for g, v in firsts.items() if len(g) > len(key) >= 3 and g.startswith(key)),
                None,
            )
            if hit is not None and st.free(m.start(), m.end()):
                st.take(m.start(), m.end(), hit[0], hit[1], 44, _CONFIDENCE)
                break
