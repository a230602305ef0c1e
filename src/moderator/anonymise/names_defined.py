"""Names a note defines by another name beside them: the definition says they are names.

* A word in quotes said to *be* a person just named: ``"kez" is Keziah Morgan``,
  ``'J' = Jermaine``, or with their name in brackets after it (``"JUNIOR" (JUNIOR ST
  CLAIR-MCKENZIE)``): the quoted word is that person's other name, wherever written.
* A capitalised word said to be thought or believed to be a person: ``Jordy thought to be
  Jordan Pike``, ``Dex (believed to be Dexter Hall)``.
* The spellings a note gives after ``also spelt`` (``spelled``, ``written``, ``recorded
  as``): ``Lăcătuș (also spelt Lacatus / Lakatos on maternity records)``; each is the
  person's name just before.
* A surname a note believes: ``Marcus (surname believed Tennant)``, ``surname possibly
  Hayes``, ``surname unknown, maybe Doyle``.

Each is taken as the person it defines (their kind and identity) and remembered for its
other mentions; a word that is a protected term or an everyday word in lower case is not.
"""

from __future__ import annotations

import re

from moderator.anonymise.lexicon import lower_same_length, phrase_key, whole_words
from moderator.anonymise.state import NAME_KINDS, Cand, State

# a quoted word or two, then "is"/"=" and a name a layer took: '"kez" is Keziah Morgan'
_QUOTED_IS = re.compile(
    r"[\"“‘'](?<![\w'’][\"“‘'])(?P<q>[A-Za-z][\w'’.-]{0,20}(?: [A-Za-z][\w'’.-]{0,20})?)[\"”’'][ \t]+"
    r"(?:is|was|=|means|is probably|is believed to be)[ \t]+(?=\S)"
    r"|[\"“‘'](?<![\w'’][\"“‘'])(?P<b>[A-Za-z][\w'’.-]{1,20}(?: [A-Za-z][\w'’.-]{0,20})?)[\"”’']"
    r"[ \t]*\((?=\w)"
)
# a capitalised word, then "thought/believed to be" and a name: "Jordy thought to be Jordan",
# "Rico - believed to be Enrico Baptiste", "Dean is believed to be Dean Vowles" (the cue
# found first, the word before it checked there)
_TO_BE = re.compile(r"(?:thought|believed|understood|known)[ \t]+to[ \t]+be[ \t]+(?=[A-Z])")
_BEFORE_TO_BE = re.compile(
    r"(?<![\w'’-])(?P<q>[A-Z][a-z][\w'’-]{1,20})[ \t]+(?:\(|[-–][ \t]*)?(?:(?:is|was)[ \t]+)?\Z"
)
# the other spellings of a name just given: "(also spelt Lacatus / Lakatos on …)"
_ALSO_SPELT = re.compile(
    r"(?i:also[ \t]+(?:spelt|spelled|written|recorded[ \t]+as|known[ \t]+on[ \t]+\w+[ \t]+as))"
    r"[ \t]*:?[ \t]*"
)
_SPELLING = re.compile(r"(?P<n>[A-Z][\w'’-]+)(?P<sep>[ \t]*(?:/|,|\bor\b)[ \t]*)?")
# a surname the writer believes: "(surname believed Tennant)", "surname possibly Hayes"
_SURNAME_BELIEVED = re.compile(
    r"(?i:surname)[ \t]+(?:is[ \t]+)?(?:believed|possibly|maybe|may[ \t]+be|thought[ \t]+to[ \t]+be"
    r"|unknown,?[ \t]+(?:maybe|possibly|perhaps)|perhaps|probably|given[ \t]+as)[ \t]+"
    r"(?:to[ \t]+be[ \t]+)?(?P<n>[A-Z][a-z][\w'’-]+)(?![\w'’-])"
)
# a short form said to be a person named in full: "Lew is Lewys Parry, 14"
_NEXT_WORD = re.compile(r"[A-Z][a-z]+")
# (from the first capital, the look-behind after it: the engine skips to a capital)
_SHORT_IS = re.compile(r"(?P<q>[A-Z](?<![\w'’-][A-Z])[a-z]{1,8})[ \t]+is[ \t]+(?=[A-Z][a-z])")
_CUES = ("to be", "also", "ALSO", "Also", "urname", "URNAME", " is ")


def find_defined_names(st: State) -> None:
    """Take the names a note defines by a person's name beside them (see the module)."""
    text = st.text
    quoted = any(q in text for q in "\"“‘'")
    if not quoted and not any(cue in text for cue in _CUES):
        return
    for m in _QUOTED_IS.finditer(text) if quoted else ():
        person = _person_at(st, m.end())
        if person is not None:  # ('"JUNIOR" (JUNIOR ST CLAIR-MCKENZIE)': the name in brackets)
            _take_everywhere(st, m.group("q") or m.group("b"), person)
    for cue in _TO_BE.finditer(text) if "to be" in text else ():
        before = _BEFORE_TO_BE.search(text, max(0, cue.start() - 32), cue.start())
        person = _person_at(st, cue.end())
        if before is None or person is None:
            continue
        written = phrase_key(text[person.start : person.end])
        if not _protected(st, before.group("q")) or phrase_key(before.group("q"))[0] in written:
            _take_everywhere(st, before.group("q"), person)  # "Dean is believed to be Dean Vowles"
    shorts: set[str] = set()
    for m in _SHORT_IS.finditer(text) if " is " in text else ():
        short = m.group("q").casefold()
        nxt = _NEXT_WORD.match(text, m.end())
        # "Lew is Lewys Parry": the word that opens the given name is its short form (the
        # words compared first, the person looked for only then)
        if (
            nxt is None
            or short in shorts
            or len(shorts) >= 32
            or nxt.group().casefold() == short
            or not nxt.group().casefold().startswith(short)
        ):
            continue
        person = _person_at(st, m.end())
        if person is not None:
            shorts.add(short)
            _take_everywhere(st, m.group("q"), person)
    for m in _ALSO_SPELT.finditer(text) if "lso" in text or "LSO" in text else ():
        person = _person_before(st, m.start())
        at = m.end()
        while person is not None:
            spelling = _SPELLING.match(text, at)
            if spelling is None:
                break
            if not _protected(st, spelling.group("n")):
                _take_everywhere(st, spelling.group("n"), person)
            if not spelling.group("sep"):
                break
            at = spelling.end()
    for m in _SURNAME_BELIEVED.finditer(text) if "urname" in text or "URNAME" in text else ():
        if _protected(st, m.group("n")):
            continue
        person = _person_before(st, m.start())
        kind, ident = (person.kind, person.ident) if person else ("person", "p:" + m.group("n"))
        if st.free(*m.span("n")):
            st.take(m.start("n"), m.end("n"), kind, ident, 55)
            st.remember(phrase_key(m.group("n")), kind, ident)


def _protected(st: State, word: str) -> bool:
    keys = phrase_key(word)
    lex = st.lex
    return not keys or any(k in lex.protected_words or k in lex.common for k in keys)


def _person_at(st: State, at: int) -> Cand | None:
    """The person a layer took starting at ``at`` (after "is", "thought to be")."""
    return next((c for c in st.cands if c.start == at and c.kind in NAME_KINDS), None)


def _person_before(st: State, at: int) -> Cand | None:
    """The person a layer took last before ``at`` on its line, within 40 characters
    (``Lăcătuș (also spelt …``, ``Marcus (surname believed …``)."""
    best: Cand | None = None
    for c in st.cands:
        if c.kind in NAME_KINDS and c.end <= at and at - c.end <= 40:
            if "\n" in st.text[c.end : at]:
                continue
            if best is None or c.end > best.end:
                best = c
    return best


def _take_everywhere(st: State, name: str, person: Cand) -> None:
    """Take ``name`` as ``person`` wherever written whole (any case), and remember it."""
    keys = phrase_key(name)
    if not keys or any(k in st.lex.protected_words for k in keys):
        return
    lowered = lower_same_length(st.text)
    for start, end in whole_words(lowered, name.lower()):
        if st.free(start, end):
            st.take(start, end, person.kind, person.ident, 55)
    st.remember(keys, person.kind, person.ident)
