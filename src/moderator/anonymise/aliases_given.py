"""Aliases a note gives to the record's people, redacted in every case and spelling.

A note names a person and gives the name they go by in brackets after it ("TADHG (TAIG)",
"sterling (sterl)", "Tanjim (Tanju)"), or lists their names after a cue ("AKA: … / CHECHE",
"friends call him Lesyk / Sashko"). No table of nicknames lists such forms, but the note
says whose they are: each becomes that person's, wherever it recurs, in capitals or in
a child's lower case ("tanju says…").
"""

from __future__ import annotations

import re
from operator import attrgetter

from moderator.anonymise.cues import PET_BEFORE_RE, RELATION_CUES, ROLE_CUES
from moderator.anonymise.known_said import written_as_word
from moderator.anonymise.lexicon import lower_same_length
from moderator.anonymise.state import State

_KNOWN = frozenset({"child", "family"})
_START = attrgetter("start")
_WORD = r"[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*"
# "Tanjim (Tanju)", "TADHG (TAIG)", "Erik (Eriko, 7)", 'Kendra-Ann ("Kend")'
_BRACKETED = re.compile(rf"[\"”'’]?[ \t]*\([ \t]*[\"“'‘]?(?P<a>{_WORD})[\"”'’]?[ \t]*[,)]")
# "AKA: X Y / CHECHE", "friends call him Lesyk / Sashko", "known as Bex or Becca"
# (matched where str.find finds a cue's first letters: an alternation of cues is slow to scan)
_CUE_STARTS = ("aka", "a.k.a", "known as", "call")
_CUED = re.compile(
    r"(?i:(?:aka|a\.k\.a\.?|known[ \t]+as|calls?[ \t]+(?:him|her)|called)(?![\w]))[ \t]*:?[ \t]*"
    rf"(?P<list>{_WORD}(?:[ \t]+{_WORD})?(?:[ \t]*(?:/|,|\bor\b)[ \t]*{_WORD}(?:[ \t]+{_WORD})?)*)"
)
_ITEM = re.compile(rf"{_WORD}(?:[ \t]+{_WORD})?")


def _alias_ok(st: State, word: str) -> bool:
    lex = st.lex
    key = word.casefold()
    parts = key.split("-")
    return not (
        len(key) < 3
        # "(ex-Army, now security)", "(part-time)": a describing word of words, no alias
        or (
            len(parts) > 1
            and all(p in lex.words or p in lex.common or p in lex.protected_words for p in parts)
        )
        or parts[0] in ("ex", "former", "non")
        or key in lex.common
        or key in lex.words
        or key in lex.protected_words
        or key in RELATION_CUES
        or key in ROLE_CUES
        or word.upper() in lex.acronyms
    )


def _word_alias(st: State, word: str, name: str) -> bool:
    """Whether a capitalised word in brackets after a name is a short form of it that happens
    to be a word ("Kay" for Kaydon, "Brook" for Bronx): the same first two letters."""
    lex = st.lex
    key = word.casefold()
    return (
        len(key) >= 3
        and word[0].isupper()
        and not word.isupper()
        and key[:2] == name[:2].casefold()
        and key not in lex.protected_words
        and key not in RELATION_CUES
        and key not in ROLE_CUES
        and word.upper() not in lex.acronyms
    )


def _protected_short(st: State, word: str, name: str) -> bool:
    """A protected word in brackets after a name that is its short form ("Darius IONESCU
    (Dari)": a language, and what he is called): the name's first four letters or more."""
    key = word.casefold()
    return (
        len(key) >= 4
        and word[0].isupper()
        and not word.isupper()
        and key in st.lex.protected_words
        and name.casefold().startswith(key)
    )


# what follows a language's or a people's name, not a person's ("Dari interpreter")
_AS_LANGUAGE = re.compile(r"[ \t-]*(?i:interpret|speak|language|translat|community|heritage)")


def _take_short_form(st: State, alias: str, kind: str, ident: str) -> None:
    """Take each capitalised ``alias`` of the note, but where a language's word follows it."""
    text = st.text
    at = text.find(alias)
    while at >= 0:
        end = at + len(alias)
        whole = (at == 0 or not text[at - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        )
        if whole and st.free(at, end) and not _AS_LANGUAGE.match(text, end):
            st.take(at, end, kind, ident, 60, 0.8)
        at = text.find(alias, end)


def _cues(text: str, lower: str) -> list[re.Match[str]]:
    found = []
    for cue in _CUE_STARTS:
        at = lower.find(cue)
        while at >= 0:
            m = _CUED.match(text, at) if at == 0 or not lower[at - 1].isalnum() else None
            if m is not None:
                found.append(m)
            at = lower.find(cue, at + 1)
    return found


def find_given_aliases(st: State) -> None:
    """Aliases given in brackets after a known person's name, or listed after a cue."""
    text = st.text
    aliases: dict[str, tuple[str, str]] = {}  # folded alias -> kind, ident
    short_forms: dict[str, tuple[str, str]] = {}  # a protected word as a short form, as written
    known = [c for c in st.cands if c.kind in _KNOWN]
    for c in known:
        if "(" not in text[c.end : c.end + 3]:
            continue
        m = _BRACKETED.match(text, c.end)
        shouted = m is not None and m.group("a").isupper() and not text[c.start : c.end].isupper()
        initials = c.end - c.start <= 3 and text[c.start : c.end].isupper()
        shouted = shouted or initials  # "MB (MGM)": initials and a role
        if m is not None and not shouted and _alias_ok(st, m.group("a")):  # not "MB (MGM)"
            aliases.setdefault(lower_same_length(m.group("a")), (c.kind, c.ident))
        elif (
            m is not None
            and not shouted
            and _protected_short(st, m.group("a"), text[c.start : c.end])
        ):
            short_forms.setdefault(m.group("a"), (c.kind, c.ident))
        elif (
            m is not None
            and not shouted
            and _word_alias(st, m.group("a"), text[c.start : c.end])
            and st.free(m.start("a"), m.end("a"))
        ):  # "Kaydon (Kay)", "Bronx (Brook)": a word as a name, taken here only, as written
            st.take(m.start("a"), m.end("a"), c.kind, c.ident, 60, 0.8)
    lower = lower_same_length(text)
    cues = _cues(text, lower) if known else []
    if cues:
        known.sort(key=_START)
    for m in cues:
        if PET_BEFORE_RE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "has a parrot called mithu": a pet's name, nobody's alias
        # the person named before the cue, or in the list ("AKA: <name> / CHECHE")
        before = [c for c in known if c.start < m.end() and m.start() - c.end < 160]
        if not before or "\n" in text[before[-1].end : m.start()]:
            continue  # whose names they are is not said on the line
        owner = before[-1]
        for item in _ITEM.finditer(m.group("list")):
            words = item.group().split()
            if len(words) == 1 and _alias_ok(st, words[0]):
                aliases.setdefault(lower_same_length(words[0]), (owner.kind, owner.ident))
    for alias, (kind, ident) in short_forms.items():
        _take_short_form(st, alias, kind, ident)
    if not aliases:
        return
    folded = lower
    for alias, (kind, ident) in aliases.items():
        at = folded.find(alias)
        while at >= 0:
            end = at + len(alias)
            whole = (at == 0 or not folded[at - 1].isalnum()) and (
                end == len(folded) or not folded[end].isalnum()
            )
            if whole and st.free(at, end) and not written_as_word(text, at, end):
                st.take(at, end, kind, ident, 60)
            at = folded.find(alias, end)
