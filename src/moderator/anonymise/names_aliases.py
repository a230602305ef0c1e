"""Other names a note gives someone: an alias after "known as" or "aka", and a nickname in
quotes (moved from :mod:`.layer_names`, which scores names on evidence).

An alias is the nearest person's just named before it ("Kayden, known as KJ"), or someone
new after "a girl named"; a short capitalised phrase in quotes that is no vocabulary is a
nickname. Both are remembered for their other mentions.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import HONORIFICS, PET_BEFORE_RE, PUBLIC_SERVICE_NOUNS
from moderator.anonymise.lexicon import lower_same_length, phrase_key, whole_words, word_key
from moderator.anonymise.names_around import KIN_PAIRS, KIN_TITLES
from moderator.anonymise.nearby import for_text, hint_spans, near_spans
from moderator.anonymise.patterns import ALIAS_HINT, ALIAS_RE, QUOTED_RE
from moderator.anonymise.state import NAME_KINDS, Cand, State, Tok

_DETERMINERS = frozenset({"my", "the", "a", "an", "our", "your", "his", "her", "their"})
_NEW_PERSON = re.compile(r"(?i:called|named|calls)")
# the roles a safeguarding partnership names ("Named Nurse", "Named GP", "Named Person")
_NAMED_ROLES = frozenset(
    {"nurse", "doctor", "gp", "midwife", "person", "professional", "lead", "safeguarding"}
)
# ALIAS_HINT's words in lower case, each the start of one or more of them: where the hint can
# match, found by str.find (the regex, branched on common letters, was tried at most of them)
_HINT_STARTS = ("known", "aka", "a.k.a", "nickname", "goes", "call", "name", "street", "referred",
                "english", "western", "uses", "prefers")  # fmt: skip


def find_aliases(st: State, toks: list[Tok]) -> None:
    """A name after "known as", "aka" or "called": the nearest person's, or someone new."""
    lex = st.lex
    text = st.text
    hints = hint_spans(ALIAS_HINT, text, lower_same_length(text), _HINT_STARTS)
    for m in near_spans(for_text(ALIAS_RE, text), hints, text, 12, 50):
        group = "q" if m.group("q") else "w"
        start, end = m.start(group), m.end(group)
        value = m.group(group).strip()
        if not value or not st.free(start, end):
            continue
        keys = phrase_key(value)
        if group == "w" and (
            not keys
            or all(k in lex.common or k in lex.protected_words or k in HONORIFICS for k in keys)
            or keys[0] in lex.protected_words
            or keys[-1] in PUBLIC_SERVICE_NOUNS
            or (value.split()[0].isupper() and keys[0].upper() in lex.acronyms)
        ):  # ("MB (named Dr)": a title, no alias; "called Sussex Police": phoned a service;
            # "called LADO Hayley Chambers": phoned a role)
            continue
        if keys and (all(k in KIN_TITLES for k in keys) or " ".join(keys) in KIN_PAIRS):
            continue  # 'he calls her "Nne"': what he calls his mother, a kin word
        if group == "q" and value.islower() and all(k in lex.protected_words for k in keys):
            continue  # 'Nain calls her "cariad"': an endearment of the vocabulary, in lower
            # case (not 'called "Dari" by his family': a language, and his name)
        if group == "w" and keys[0] in _NAMED_ROLES and m.group()[:5].lower() == "named":
            continue  # "Named Nurse Linda Ferris", "Named Nurse Safeguarding": a role's title
        # "known as", "aka": another name for someone just named; "a girl named": someone new
        new = _NEW_PERSON.match(m.group()) is not None
        if new and PET_BEFORE_RE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "a dog called Rocket": a pet's name says nothing of a family
        kind, ident = ("person", None) if new else _nearest_person(st, m.start())
        if ident is None:
            hit = st.found.get(keys)
            kind, ident = hit if hit else ("person", "p:" + " ".join(keys))
        st.take(start, end, kind, ident, 55)
        if keys:
            st.remember(keys, kind, ident)


# the small words of a sentence: a quoted phrase holding one is speech
_SPEECH_WORDS = frozenset(
    {"for", "to", "is", "was", "me", "my", "i", "you", "your", "and", "of", "in", "on", "at"}
    | {"he", "she", "it", "we", "they", "not", "no", "do", "don't", "dont", "him", "her", "us"}
)


_GROUP_AFTER = re.compile(
    r"[ \t]*(?:group|club|session|sessions|course|programme|project|class|classes|service)\b"
)


def find_nicknames(st: State) -> None:
    """A short capitalised phrase in quotes that is not vocabulary is taken for a nickname."""
    text = st.text
    if not any(q in text for q in "'\"“‘"):
        return
    lex = st.lex
    for m in QUOTED_RE.finditer(text):
        start, end = m.start("q"), m.end("q")
        keys = phrase_key(m.group("q"))
        if not keys or not st.free(start, end):
            continue
        if all(k in lex.common or k in lex.protected_words or k in HONORIFICS for k in keys):
            continue
        if all(k in KIN_TITLES for k in keys) or " ".join(keys) in KIN_PAIRS:
            continue  # '("Bajai")', '("Por Por")' after a grandmother's name: what she is called
        if keys[0] in _DETERMINERS and len(keys) > 1:
            keys = keys[1:]  # "My Three Houses": a tool's name after "my"
        if any(k in _SPEECH_WORDS for k in keys[1:]):
            continue  # '"SCARED FOR AMMI"', '"Leave Me Alone"': words said, not a nickname
        if keys in lex.phrases.get(keys[0], ()):
            continue  # a programme's name in quotes ("Triple P") is vocabulary, not a nickname
        if _GROUP_AFTER.match(text, m.end()):
            continue  # 'the "Mums Together" group': a group's name, no one's nickname
        ident = "p:" + " ".join(keys)
        hit = st.found.get(keys)
        kind, ident = hit if hit else ("person", ident)
        st.take(start, end, kind, ident, 45)
        st.remember(keys, kind, ident)


def _nearest_person(st: State, before: int) -> tuple[str, str | None]:
    best: Cand | None = None
    for c in st.cands:
        if c.kind in NAME_KINDS and c.end <= before and before - c.end <= 40:
            between = st.text[c.end : before]
            if "\n" in between or "." in between.rstrip(". "):
                continue
            if best is None or c.end > best.end:
                best = c
    return (best.kind, best.ident) if best else ("person", None)


# more aliases after one found, on a "known as" line: "Known as: Gelay / Jelly", "Ain / NAZ"
_SLASHED_ALIAS = re.compile(r"[ \t]*/[ \t]*(?P<n>[A-Z][\w'’-]*)")
_KNOWN_AS = re.compile(r"(?i:known\s+as|alias|a\.?k\.?a\.?|nicknames?)")


def join_slashed_aliases(st: State) -> None:
    """Aliases written after a found one with slashes, on a line that says they are aliases,
    are the same person's."""
    text = st.text
    if "/" not in text:
        return
    for c in [c for c in st.cands if c.kind in NAME_KINDS]:
        m = _SLASHED_ALIAS.match(text, c.end)
        if m is None:
            continue
        line = text[text.rfind("\n", 0, c.start) + 1 : c.start]
        if not _KNOWN_AS.search(line):
            continue
        while m is not None and st.free(m.start("n"), m.end("n")):
            st.take(m.start("n"), m.end("n"), c.kind, c.ident, 50, 0.8)
            m = _SLASHED_ALIAS.match(text, m.end())
    _bracketed_slashes(st)


# "Mum Tetiane (Tanye / Tatiane)": forms of a known name in brackets after it, slashed
_BRACKETED_FORMS = re.compile(r"[ \t]*\((?P<forms>[A-Z][\w'’-]*(?:[ \t]*/[ \t]*[A-Z][\w'’-]*)+)\)")
_FORM = re.compile(r"[A-Z][\w'’-]*")


def _bracketed_slashes(st: State) -> None:
    """Capitalised words in brackets after a known person's name, slashed, none an everyday
    word, are that person's other forms (a short form, a spelling), wherever they recur."""
    text = st.text
    lex = st.lex
    for c in [c for c in st.cands if c.kind in ("child", "family", "worker")]:
        m = _BRACKETED_FORMS.match(text, c.end)
        if m is None:
            continue
        forms = _FORM.findall(m.group("forms"))
        if any(
            f.isupper() or word_key(f) in lex.words or word_key(f) in lex.protected_words
            for f in forms
        ):
            continue  # ("(EWO/SW)": roles; "(Mum/Dad)": words)
        for form in forms:
            for start, end in whole_words(text, form):
                if st.free(start, end):
                    st.take(start, end, c.kind, c.ident, 50, 0.8)


# "Przemak (Przemysłew Kołodziejczak)": a short form, then the full name in brackets
_SHORT_THEN_BRACKET = re.compile(r"(?<![\w'’-])(?P<s>[A-Z][^\W\d_]{2,})[ \t]*\($")


def join_short_forms_before_names(st: State) -> None:
    """A capitalised word before a found person's full name in brackets, that shares its
    first four letters with the given name and is no everyday word, is that person's short
    form, wherever it recurs; and a full name in brackets after a found name or nickname is
    that person's (``"Bazza" (Barry Nute)``)."""
    text = st.text
    lex = st.lex
    for c in [c for c in st.cands if c.kind in NAME_KINDS]:
        if c.start < 3 or text[c.start - 1] != "(" or " " not in text[c.start : c.end]:
            continue
        m = _SHORT_THEN_BRACKET.search(text, max(0, c.start - 24), c.start)
        if m is None:
            continue
        short = m.group("s")
        given = text[c.start : c.end].split()[0]
        key = word_key(short)
        if key[:4] != word_key(given)[:4] or key in lex.words or key in lex.protected_words:
            continue
        for start, end in whole_words(text, short):
            if st.free(start, end):
                st.take(start, end, c.kind, c.ident, 50, 0.8)
    _full_names_in_brackets(st)


# 'Nana "Bev" (Beverley Hunter)', 'Dev (Devon Reid - mum's friend)': the full name in brackets
# after a name or a quoted nickname found
_BRACKETED_FULL = re.compile(
    r"[\"”’']?[ \t]*\([ \t]*(?P<n>[A-Z][^\W\d_][\w'’-]*(?:[ \t]+[A-Z][\w'’-]+){1,2})"
    r"[ \t]*(?=\)|[ \t]+[-–]|,)"
)
_ROLE_WORDS = frozenset(
    {"worker", "manager", "officer", "teacher", "visitor", "carer", "carers", "nurse", "lead"}
    | {"adviser", "advisor", "practitioner", "interpreter", "assistant", "mentor", "service"}
)


def _full_names_in_brackets(st: State) -> None:
    """A given name and surname in brackets right after a found name or nickname are the same
    person's full name, wherever it recurs; not a role, a place or protected words."""
    text = st.text
    lex = st.lex
    searched: set[tuple[str, str]] = set()  # (a name written many times is looked for once)
    for c in [c for c in st.cands if c.kind in NAME_KINDS]:
        if "(" not in text[c.end : c.end + 4]:
            continue
        m = _BRACKETED_FULL.match(text, c.end)
        if m is None:
            continue
        name = m.group("n")
        keys = phrase_key(name)
        if (
            len(keys) < 2
            or keys[-1] in _ROLE_WORDS
            or any(w.isupper() for w in name.split())
            or all(k in lex.protected_words or (k,) in lex.places for k in keys)
            or not (keys[0] in lex.given or keys[-1] in lex.surnames)
        ):
            continue
        if (name, c.ident) in searched:
            continue
        searched.add((name, c.ident))
        for start, end in whole_words(text, name):
            if st.free(start, end):
                st.take(start, end, c.kind, c.ident, 55, 0.85)
