"""Terms the layers may take for names that a note uses as the practice's vocabulary.

A national charity's name a layer took whole (:func:`keep_national_charities`), a kin
word said alone (:func:`keep_kin_words`) and a pet's or a toy's name (:func:`keep_pets`) are
given back the same way.

A police operation's name (``Op Rowan``, ``Operation Sceptre``, ``OPERATION ENCOMPASS``) is a
force's programme, the same for every family it meets: whatever a layer took inside it (the
name read as an organisation or a person) is given back, and noted as kept for the person
importing to see. Run last, after every join, so that nothing takes it again.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import PETS
from moderator.anonymise.lexicon import phrase_key, word_key
from moderator.anonymise.names_around import KIN_PAIRS, KIN_TITLES
from moderator.anonymise.nearby import starting_with, starting_with_folded
from moderator.anonymise.orgs_brands import CHARITY_ALONE, charity_names
from moderator.anonymise.state import NAME_KINDS, Cand, State

_OPERATION = re.compile(
    r"(?<![\w])(?:Op|OP|Operation|OPERATION)\.?[ \t]+(?P<n>[A-Z][A-Za-z]+(?:[ \t]+[A-Z][a-z]+)?)"
    r"(?![\w'’-])"
)


def keep_police_operations(st: State) -> None:
    """Give back what the layers took inside a police operation's name (see the module)."""
    text = st.text
    if "Op" not in text and "OP" not in text:
        return
    for m in _OPERATION.finditer(text):
        inside = [c for c in st.cands if m.start() <= c.start and c.end <= m.end()]
        for c in inside:
            if c.kind in ("child", "family", "worker"):
                break  # one of the record's own people, named like an operation
        else:
            for c in inside:
                _give_back(st, c, c.kind, 0.3)


# (a school or an address too, where a national name was read by its last word: "the Naval
# Families Federation" as a school federation, "at work on Wightlink" as a street)
_CHARITY_KINDS = frozenset({"org", "person", "professional", "school", "address"})
# kin words that are also given names: alone they may be a friend's name ("Tia", "Lola", "Abi")
_NAME_LIKE_KIN = frozenset(
    {"tia", "tio", "lola", "lolo", "mai", "abi", "em", "ah", "chi", "anh", "co", "cô", "chu", "chú",
     "bac", "bác", "ong", "ông", "cau", "cậu", "dì", "iya", "nna", "nne", "paa", "abo", "abu",
     "kak", "kaka", "bebe", "bibi", "didi", "pops", "ba", "bà", "tati"}
)  # fmt: skip
# and the Cantonese and Mandarin ones written in two words
KIN_ALONE = (KIN_TITLES - _NAME_LIKE_KIN) | KIN_PAIRS
"""What a family calls a relative (``Babi``, ``Amma``, ``Hajurama``), said without a name."""


def keep_kin_words(st: State) -> None:
    """Give back a kin word the layers took alone as a name: ``"I want Babi to stay"`` says
    only that she is a grandmother, not who she is. So does a kin word the note gives beside
    her name (``Halina Nowak ("Babcia")``, ``Biji (Mohinder Kaur)``, ``known to the family as
    Biji``): every family's grandmother may be called so, and her name is redacted where it
    is written. A word that is one of the record's own people's names (a mother called Nana)
    stays redacted; a kin word written with a name (``Nana Joan``) was taken with it and is
    not alone."""
    known = st.known
    text = st.text
    alone: dict[str, list[Cand]] = {}
    for c in st.cands:
        if c.end - c.start > 12:
            continue
        key = " ".join(phrase_key(text[c.start : c.end]))
        if c.kind not in NAME_KINDS and not (c.kind == "org" and key in KIN_PAIRS):
            continue  # (a pair read as a firm's name: "Por Por")
        if (
            (key in KIN_ALONE or key.replace("-", "") in KIN_ALONE)  # ("Po-po" for "popo")
            and key not in known.given_keys
            and key not in known.surname_owners
            and (key,) not in known.ngrams
        ):
            alone.setdefault(key, []).append(c)
    for group in alone.values():
        for c in group:
            _give_back(st, c, c.kind, 0.3)


# a pet's or a toy's name: after its kind ("our dog tyson", 'her teddy "Dewi"', "a cat called
# Biscuit"), or before it ("Bruno the dog", "bailey (my dog)")
_PET_NAME_RE = re.compile(
    rf"(?i:(?<![\w-]){PETS})[ \t]+(?:(?:is|was)[ \t]+)?(?:(?i:called|named)[ \t]+)?[\"“'‘]?"
    r"(?P<n>[A-Za-z][\w'’-]+)"
    rf"|(?P<m>[A-Za-z][\w'’-]+)(?:[ \t]+the[ \t]+(?i:{PETS})(?![\w-])"
    rf"|[ \t]*\((?i:(?:my|our|the|his|her|their)[ \t]+{PETS})\))"
)
_PET_HINT = re.compile(rf"(?i:(?<![\w-]){PETS}(?![\w-]))")
# what each match of _PET_HINT starts with (in lower case), where it is tried
_PET_STARTS: tuple[str, ...] = (
    "dog", "pup", "cat", "kitten", "rabbit", "bunny", "hamster", "guinea", "gerbil",
    "horse", "pony", "snake", "lizard", "bearded", "tortoise", "fish", "budgie",
    "parrot", "ferret", "rat", "staff", "bulldog", "terrier", "spaniel", "collie",
    "husky", "pet", "teddy", "soft", "cuddly", "doll",
)  # fmt: skip


def keep_pets(st: State) -> None:
    """Give back a pet's or a toy's name wherever a layer took it for a person's: a family's
    dog or a child's teddy is named at one mention by its kind, and its other mentions are
    the same animal or toy (``our dog tyson`` … ``tyson was barking``). A name that is one of
    the record's own people's stays redacted."""
    text = st.text
    if not starting_with_folded(_PET_HINT, text, _PET_STARTS):
        return
    known = st.known
    pets = set()
    for m in _PET_NAME_RE.finditer(text):
        key = word_key(m.group("n") or m.group("m"))
        if key in st.lex.common or key in known.given_keys or key in known.surname_owners:
            continue  # "the dog was", "Mum's dog": no name
        pets.add(key)
    if not pets:
        return
    for c in list(st.cands):
        if c.kind == "person" and " ".join(phrase_key(text[c.start : c.end])) in pets:
            _give_back(st, c, c.kind, 0.3)


# a regulation's or an article's number: "Reg 24" (a connected person's approval), "Art 8"
# (the right to family life); the abbreviations are given names too (Reginald, Arthur)
_NUMBERED_TERM = re.compile(r"(?<![\w'’-])(?:Reg|REG|Art|ART)\.?[ \t]+\d")
_TERMS = ("Reg", "REG", "Art", "ART")
# the five daily prayers and Friday's: "after Isha prayer", "Fajr namaz"; several are given
# names too (Isha, Asr), but before the word for prayer they name the time of day
_PRAYER_TIME = re.compile(
    r"(?<![\w'’-])(?i:fajr|fajar|zuhr|zohr|zuhar|dhuhr|duhr|asr|asar|maghrib|magrib|isha|esha"
    r"|ishaa|jummah|jumma|jumah|jumuah|jumu'ah|taraweeh|tarawih|tahajjud)"
    r"(?=[ \t]+(?i:prayers?|namaz|namaaz|salah|salaah|salat|jamaat|jamat)\b)"
)
# what each match of _PRAYER_TIME starts with (in lower case), where it is tried
_PRAYER_STARTS: tuple[str, ...] = (
    "fajr", "fajar", "zuhr", "zohr", "zuhar", "dhuhr", "duhr", "asr", "asar", "maghrib",
    "magrib", "isha", "esha", "jum", "taraw", "tahajjud",
)  # fmt: skip


def keep_numbered_terms(st: State) -> None:
    """Give back a regulation's number's abbreviation, or a prayer's name before the word for
    prayer, that a layer took alone as a person's name (see the patterns above). A record's
    own person so named stays redacted elsewhere; only this word, so written, is kept."""
    text = st.text
    spots = [(m.start(), m.start() + 3) for m in starting_with(_NUMBERED_TERM, text, _TERMS)]
    spots += [m.span() for m in starting_with_folded(_PRAYER_TIME, text, _PRAYER_STARTS)]
    for start, end in spots:
        for c in [c for c in st.cands if c.start == start and c.end == end]:
            if c.kind in NAME_KINDS:
                _give_back(st, c, c.kind, 0.3)


def keep_national_charities(st: State) -> None:
    """Give back a national charity's or a chain's name a layer took whole as a name or an
    organisation (``Karma Nirvana``, ``Lextox`` read as a person's name): named alone it says
    nothing of where a family lives (:mod:`.orgs_brands`), and is listed for the person
    importing instead."""
    text = st.text
    names = charity_names()
    for c in list(st.cands):
        if c.kind not in _CHARITY_KINDS or c.end - c.start < 4:
            continue
        written = text[c.start : c.end]
        if (
            # one word (Brook, Mind, Refuge) may be a name too, unless a capital inside it
            # or capitals throughout say it is none (GamCare, NSPCC)
            (
                " " in written
                or written.isupper()
                or any(ch.isupper() for ch in written[1:])
                or _no_name(st, written)  # "Lextox", "Greggs": no name nor word a person has
            )
            and written[:1].isupper()
            and written.replace("’", "'").lower() in names
            and not any(word_key(w) in st.known.keys for w in written.split())
        ):
            _give_back(st, c, "org", CHARITY_ALONE)


# what a protected phrase gives back when a layer took it (not the record's people, not an
# address: the places' names a note writes as an address stay with the address grammar)
_PHRASE_KINDS = frozenset({"org", "person", "professional", "school", "gp_practice"})


def keep_protected_phrases(st: State) -> None:
    """Give back what a layer took wholly inside one protected phrase of two words or more
    (``Freedom Programme``, ``Young Carers``, ``Sensory Circuits``): the layers that read
    runs of capitals, a word's company or the learned model do not each look the phrase up.
    Not a place's name (the address grammar reads those), not two phrases together
    (``Citizens Advice`` and a town: a branch), and not where a word of it is one of the
    record's own names; noted as kept for the person importing to see."""
    places = st.lex.places  # (the phrases were found by the tokens the layers ran on)
    spans = [(a, b) for a, b, keys in st.protected_phrases if keys not in places]
    if not spans:
        return
    text = st.text
    for c in list(st.cands):
        if (
            c.kind in _PHRASE_KINDS
            and any(a <= c.start and c.end <= b for a, b in spans)
            and not any(word_key(w) in st.known.keys for w in text[c.start : c.end].split())
        ):
            _give_back(st, c, c.kind, 0.3)


def _no_name(st: State, written: str) -> bool:
    """Whether one word is neither a given name, a surname nor an everyday word."""
    key = word_key(written)
    lex = st.lex
    return key not in lex.given and key not in lex.surnames and key not in lex.words


def _give_back(st: State, c: Cand, kind: str, confidence: float) -> None:
    """Leave ``c`` in the text, noted as a kept candidate of ``kind`` for the person importing."""
    st.cands.remove(c)
    st.taken[c.start : c.end] = bytes(c.end - c.start)
    st.keep(c.start, c.end, kind, c.ident, confidence)
