"""What may follow a given name as its surname, where the lists alone do not say.

* **An everyday word with its capital mid-sentence** (``Lorraine Fell from the refuge``,
  ``Dean Hope``): the person's surname, unless vocabulary, a place or an institution's noun.
* **A word in capitals after a given name with its capital** (``Scott FELL``, ``Lee
  MATHER``), as police and LADO forms write surnames; no acronym (``Mark ASAP``).

* **A word in capitals after a given name in a line in capitals**, where a police form
  names someone (``REPORTED BY: DARREN FISK,``, ``IN COMPANY OF RHYS ANTONY LAMB (DOB``): the
  surname, when no list knows the word, or when a comma or a bracket ends the name; not a
  field's word, an acronym, a kin word or a word of the sentence (``TOLD DARREN SHE``).

* **A record's given name, or the start of one, before the record's surname**, whatever its
  case (``my name is brook tideswell`` for Brooklyn Tideswell): the person, whole.

Split from :mod:`.layer_names` (the ~400-line limit per module).
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import HONORIFICS, INSTITUTION_NOUNS, RELATION_CUES
from moderator.anonymise.layer_initials import in_shouted_line
from moderator.anonymise.lexicon import frequent_word, word_key
from moderator.anonymise.state import State, Tok
from moderator.anonymise.unknown_words import unknown

_WORD_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_]{3,})[ \t]+\Z")


def caps_surname(st: State, given: Tok, tok: Tok) -> bool:
    """A surname in capitals after a given name with its capital, as police and LADO forms
    write them ("Scott FELL"): no acronym, no protected word, no everyday word's given name
    before an unlisted one ("Mark ASAP")."""
    lex = st.lex
    if given.upper or not tok.upper or len(tok.key) < 3 or tok.word.upper() in lex.acronyms:
        return False
    if tok.key in lex.protected_words:
        return False
    return tok.key in lex.surnames or given.key not in lex.common or tok.key not in lex.common


def common_surname(st: State, toks: list[Tok], i: int, j: int) -> bool:
    """Whether the capitalised everyday word after a given name is that person's surname:
    mid-sentence, not vocabulary, not a place or institution noun, not itself starting a
    new clause ("told Sarah Yesterday" is rare; "Lorraine Fell from the refuge" is not)."""
    if j >= len(toks) or j - i != 1:
        return False
    first, t = toks[j - 1], toks[j]
    lex = st.lex
    return (
        first.key in lex.given
        and not first.poss
        and t.cap
        and not t.upper
        and (t.key in lex.common or t.key in _RANK_SURNAMES)
        and t.key not in lex.protected_words
        and t.key not in INSTITUTION_NOUNS
        # a rank after a given name is a surname when no name follows it ("Marie Constable,
        # Welfare Officer"); before one it is the next person's title
        and (t.key not in HONORIFICS or _ends_the_name(st, toks, j))
        and not st.protected[j]
        and st.joined(first, t)
        and st.free(t.start, t.end)
    )


# ranks that are surnames too (Constable, Sergeant, Judge, Inspector)
_RANK_SURNAMES = frozenset({"constable", "sergeant", "judge", "inspector"})


def _ends_the_name(st: State, toks: list[Tok], j: int) -> bool:
    """Whether no capitalised word is written straight after ``toks[j]``."""
    return j + 1 >= len(toks) or not (toks[j + 1].cap and st.joined(toks[j], toks[j + 1]))


def join_given_before_surname(st: State) -> None:
    """A word before a record's surname that is, or begins, the given name of one of that
    surname's owners is that person's given name: the two are one redaction."""
    text = st.text
    known = st.known
    for c in [c for c in st.cands if c.kind in ("child", "family")]:
        owners = known.surname_owners.get(word_key(text[c.start : c.end]))
        if not owners:
            continue
        m = _WORD_BEFORE.search(text, max(0, c.start - 30), c.start)
        if m is None or not st.free(m.start(1), m.end(1)):
            continue
        key = word_key(m.group(1))
        who = known.given_keys.get(key)
        if who is None and len(key) >= 4:
            who = known.short_form(key)
        if who is not None and who in owners:
            st.grow(c, m.start(1), c.end)


# a name in capitals as a police form gives it, with the age or birth date after it: "CONNOR
# BONE (19)", "ADAM PRESCOTT, 26, OF BIRKDALE", "TAYLOR-JAY SPARGO (14)", "KYLE DEAN DOB …"
# (each pattern from its first capital, the look-behind after it: the engine skips to one)
_AGED_CAPITALS = re.compile(
    r"(?P<n>[A-Z](?<![\w'’-][A-Z])[A-Z'’-]+(?:[ \t]+\"[A-Z]+\")?(?:[ \t]+[A-Z][A-Z'’-]+){1,2})"
    r"(?=[ \t]*\((?:AGED[ \t]+)?\d{1,2}\)|,[ \t]*\d{1,2}[ \t]*[,)]|,?[ \t]+\(?D\.?O\.?B\b)"
)
# the same in title case before a birth date: "Patient: Summer Brook DOB 4/5/2019"
_TITLED_BEFORE_DOB = re.compile(
    r"(?P<n>[A-Z](?<![\w'’-][A-Z])[a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){1,2})(?=,?[ \t]+\(?D\.?O\.?B\b)"
)
_DOB_AFTER = re.compile(r",?[ \t]+\(?D\.?O\.?B\b")


_PEOPLE = frozenset({"person", "professional"})


def _unlisted_given(st: State, name: str) -> bool:
    """Two or three words in capitals: a listed surname last, before it words no list holds
    (no English word, name, place or acronym): the given names the lists lack."""
    words = name.split()
    if not 2 <= len(words) <= 3 or '"' in name:
        return False
    keys = [word_key(w) for w in words]
    lex = st.lex
    return keys[-1] in lex.surnames and not any(
        k in lex.words
        or k in lex.common
        or k in lex.protected_words
        or k in lex.given
        or (k,) in lex.places
        or w in lex.acronyms
        for k, w in zip(keys[:-1], words[:-1], strict=True)
    )


def find_aged_capitals(st: State) -> None:
    """Names in capitals before an age or a birth date (see ``_AGED_CAPITALS``): a given name
    first, no acronym or protected word among them, not every word an everyday one."""
    text = st.text
    lex = st.lex
    titled = list(_TITLED_BEFORE_DOB.finditer(text)) if "DOB" in text or "D.O.B" in text else []
    for m in [*_AGED_CAPITALS.finditer(text), *titled]:
        start, end = m.span("n")
        whole = start
        while (space := text.find(" ", start, end)) > 0 and (
            word_key(text[start:space]).split("-")[0] not in lex.given
        ):
            start = space + 1  # "IDENTIFIED AS ADAM PRESCOTT": the name from its given name
        if _unlisted_given(st, text[whole:end]):
            start = whole  # "(DEMETRIUS CLARKE, 17)": a given name no list holds, a surname
        elif start >= end or " " not in text[start:end]:
            start = _after_everyday(st, whole, end)  # "AS ARMAND KOLA (DOB …)": no list's name
            whole = start if start < end else whole
        words = [w for w in text[start:end].split() if not w.startswith('"')]
        keys = [word_key(w) for w in words]
        if len(keys) < 2:
            continue
        first = keys[0].split("-")[0]
        if first not in lex.given and start != whole:
            continue
        dob = _DOB_AFTER.match(text, end) is not None
        if all(k in lex.common for k in keys) and not (dob and first in lex.given):
            continue  # ("MASON PRICE DOB …": a birth date makes everyday words a name)
        if any(w in lex.acronyms for w in words) or any(
            k in lex.protected_words and (n == 0 or (k,) not in lex.places)
            for n, k in enumerate(keys)
        ):  # ("ADAM PRESCOTT, 26": a town as a surname after the given name)
            continue
        st.give_way(start, end, _PEOPLE, 100)  # ("CONNOR" found alone before)
        if not st.free(start, end):
            continue
        kind, ident = "person", "p:" + " ".join(keys)
        st.take(start, end, kind, ident, 50, 0.8)
        st.remember(tuple(keys), kind, ident)


def _after_everyday(st: State, start: int, end: int) -> int:
    """Where the name starts in capitals before a birth date whose given name no list holds:
    after the everyday words opening the run ("IDENTIFIED AS"), if two words or more are left."""
    lex, text = st.lex, st.text
    if _DOB_AFTER.match(text, end) is None:
        return end
    while (space := text.find(" ", start, end)) > 0:
        key = word_key(text[start:space])
        if key not in lex.words and key not in lex.common and key not in _NOT_SURNAMES:
            return start
        start = space + 1
    return end


# the word after a given name in a line in capitals, and what follows it
_SHOUTED_NEXT = re.compile(r"[ \t]+(?P<w>[A-Z][A-Z'’-]*[A-Z])(?![\w'’-])(?P<end>[ \t]*[,(])?")
# a police form's field words and the words a sentence in capitals goes on with
_NOT_SURNAMES = frozenset(
    {"dob", "age", "aged", "veh", "tel", "mob", "mobile", "address", "and", "or", "of", "the"}
    | {"was", "is", "has", "had", "said", "says", "states", "stated", "who", "with", "to", "at"}
    | {"in", "on", "from", "for", "by", "he", "she", "they", "his", "her", "not", "also", "as"}
    | {"then", "when", "but", "if", "so", "did", "does", "got", "went", "came", "left", "told"}
    | {"seen", "saw", "were", "are", "will", "would", "could", "can", "into", "out", "up"}
)
_SHOUTED_PEOPLE = frozenset({"person", "professional"})


def join_shouted_surnames(st: State) -> None:
    """A word in capitals after a person's given name in a line in capitals (see the module)."""
    text = st.text
    lex = st.lex
    for c in [c for c in st.cands if c.kind in _SHOUTED_PEOPLE]:
        written = text[c.start : c.end]
        if not written.isupper() or word_key(written.split()[0]) not in lex.given:
            continue
        m = _SHOUTED_NEXT.match(text, c.end)
        if m is None or not st.free(*m.span("w")) or not in_shouted_line(text, c.start):
            continue
        word = m.group("w")
        key = word_key(word)
        if key in _NOT_SURNAMES or key in RELATION_CUES or key in HONORIFICS:
            continue
        if word in lex.acronyms or key in lex.protected_words or (key,) in lex.places:
            continue
        if (key in lex.common or key in lex.words) and not m.group("end") and frequent_word(key):
            continue  # "SAW DARREN OUTSIDE THE SHOP": a word of the sentence ("PEAT" is rarer)
        st.grow(c, c.start, m.end("w"))


# a surname in capitals after a given name in title case, as forms write them ("Wesley
# CAMPBELL-HART, 34", "Darius IONESCU (Dari)"): three letters or more, or two joined by a
# hyphen, before a comma, a bracket, a full stop or the line's end
_CAPITAL_SURNAME = re.compile(
    r"[ \t]+(?P<w>[A-Z]{3,}(?:[-'’][A-Z]{2,})*|[A-Z]{2,}-[A-Z]{2,})(?=[ \t]*(?:[,(.;:]|$))",
    re.MULTILINE,
)


def join_capital_surnames(st: State) -> None:
    """A word in capitals after a person's given name in title case is their surname."""
    text = st.text
    lex = st.lex
    for c in [c for c in st.cands if c.kind in _SHOUTED_PEOPLE]:
        written = text[c.start : c.end]
        if written.isupper() or not written[:1].isupper() or " " in written.strip():
            continue  # (a line in capitals is read by join_shouted_surnames)
        m = _CAPITAL_SURNAME.match(text, c.end)
        if m is None or not st.free(*m.span("w")):
            continue
        word = m.group("w")
        key = word_key(word)
        if word in lex.acronyms or key in lex.protected_words or (key,) in lex.places:
            continue  # "Jade NHS", "Sarah MASH", "Tom LEEDS"
        if key in _NOT_SURNAMES or key in RELATION_CUES or key in HONORIFICS:
            continue
        if "-" not in word and key not in lex.surnames and frequent_word(key):
            continue  # "Jade SAID", "Mo LEFT": a word of the sentence in capitals
        st.grow(c, c.start, m.end("w"))


# a word no list knows before an age: "Shawn is Deshawn, 16 or 17", "with Jermaine (19)"
_AGED_WORD = re.compile(
    r"(?<![\w'’-])(?P<n>[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)(?:,[ \t]*|[ \t]*\()"
    r"(?:1\d|[2-9]\d)(?:[ \t]*(?:or|-|/)[ \t]*\d\d)?(?=[ \t]*(?:\)|,|or\b|years?\b|yrs?\b|y/o\b))"
)


def find_aged_words(st: State) -> None:
    """A capitalised word no list or dictionary knows, just before an age, is someone's name
    (redacted and remembered for its other mentions, for a person to confirm)."""
    text = st.text
    lex = st.lex
    for m in _AGED_WORD.finditer(text):
        start, end = m.span("n")
        key = word_key(m.group("n"))
        if not st.free(start, end) or (key,) in lex.places or not unknown(m.group("n"), lex):
            continue
        st.take(start, end, "person", "p:" + key, 45, 0.7)
        st.remember((key,), "person", "p:" + key)
