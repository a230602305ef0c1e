"""The word-level features of the learned layer (:mod:`.learned_features`): what a word,
and a word beside it, tells without telling which word it is.

A capitalised word is described by its shape, its length, the lists it is in and its
frequency in English; a neighbour by its name only when it is a cue or closed-class word
(``at``, ``Mr``, ``said``, ``Road``), else by its shape and lists. Cached per word: notes
repeat their words.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from moderator.anonymise.cues import (
    HONORIFICS,
    INSTITUTION_NOUNS,
    NAME_TITLES,
    PLACE_PREPOSITIONS,
    PRE_WEAK,
    PUBLIC_SERVICE_NOUNS,
    RELATION_CUES,
    ROLE_CUES,
    SPEAKING_VERBS,
)
from moderator.anonymise.lexicon import _word_counts, lexicon, word_key
from moderator.anonymise.orgs_nouns import HEALTH_WORDS, ORG_NOUN
from moderator.anonymise.patterns import STREET_TYPES

# the words public bodies are named by ("Northumbria Police", "Shetland Islands Council", "Southern
# HSC Trust", "North Yorkshire County Council"): kept, where a small firm's name is not
_PUBLIC = PUBLIC_SERVICE_NOUNS | HEALTH_WORDS | frozenset(
    {"county", "district", "borough", "city", "metropolitan", "islands", "region", "regional",
     "national", "royal", "hospital", "policing", "court", "courts", "tribunal", "probation",
     "trust", "authority"}
)  # fmt: skip


@cache
def _endings() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The organisation-noun and street-noun patterns, compiled on first use: while the layer
    is not wired, an import never pays for compiling the long organisation alternation."""
    return re.compile(rf"(?:{ORG_NOUN})\.?", re.IGNORECASE), re.compile(rf"(?:{STREET_TYPES})\.?")


@cache
def _cue_words() -> frozenset[str]:
    """Closed-class and cue words whose identity a neighbour may carry (not names)."""
    words: set[str] = set(HONORIFICS) | NAME_TITLES | PRE_WEAK | SPEAKING_VERBS
    words |= PLACE_PREPOSITIONS | INSTITUTION_NOUNS | _PUBLIC
    for cue in ROLE_CUES | RELATION_CUES:
        words.update(cue.split())
    lex = lexicon()
    words |= lex.common | lex.protected_words
    return frozenset(words)


def _shape(word: str) -> str:
    """``Xx``, ``XX``, ``xx``, ``Xx-Xx``, ``Xx'Xx``, ``XxXx``: letters by case, runs collapsed."""
    out: list[str] = []
    for ch in word:
        step = "X" if ch.isupper() else "x" if ch.isalpha() else "'" if ch in "’`" else ch
        if not out or step != out[-1]:
            out.append(step)
    return "".join(out)[:6]


def _band(count: int) -> str:
    """A frequency as a coarse band (0, 1-9, 10-99, …)."""
    return str(len(str(count))) if count > 0 else "0"


def _length(n: int) -> str:
    """A word's length as a coarse band: 1, 2, 3, 4-5, 6-8, 9 and more."""
    return next((band for top, band in _LENGTHS if n <= top), "9")


_LENGTHS = ((1, "1"), (2, "2"), (3, "3"), (5, "5"), (8, "8"))


@lru_cache(maxsize=1 << 14)
def word_features(word: str) -> tuple[str, ...]:
    """What a word itself tells, but never which word it is: shape, length, lists, suffix."""
    lex = lexicon()
    key = word_key(word)
    low = word.lower()
    out = [f"sh={_shape(word)}", f"len={_length(len(word))}"]
    flags = []
    if key in lex.given:
        flags.append("given")
    if key in lex.surnames:
        flags.append("sur")
    if key in lex.words:
        flags.append("word")
    if key in lex.common:
        flags.append("common")
    if key in lex.protected_words:
        flags.append("prot")
    if (key,) in lex.places:
        flags.append("place")
    if key in _PUBLIC:
        flags.append("public")
    elif key in INSTITUTION_NOUNS:
        flags.append("inst")
    org_end, street_end = _endings()
    if org_end.fullmatch(word):
        flags.append("orgnoun")
    if street_end.fullmatch(word):
        flags.append("street")
    out += [f"f={f}" for f in flags]
    if not flags:
        out.append("f=none")
    out.append(f"nb={_band(lex.frequency.get(key, 0))}")
    out.append(f"wc={_band(_word_counts().get(low, 0))}")
    if len(low) > 4 and low.isalpha():
        out += [f"s2={low[-2:]}", f"s3={low[-3:]}"]
    return tuple(out)


@lru_cache(maxsize=1 << 14)
def neighbour(word: str) -> tuple[str, str]:
    """A neighbour's description: its lower-case identity when a cue or closed-class word (or
    the shape of a capitalised one that is a name or an unknown word), and its list flags."""
    key = word_key(word)
    lex = lexicon()
    cues = _cue_words()
    capital = word[:1].isupper()
    if key in cues and not (capital and key not in lex.words and key not in HONORIFICS):
        ident = key
    elif not capital and _word_counts().get(key, 0) >= 20000:
        ident = key  # a frequent lower-case word: closed-class words are all frequent
    else:
        ident = _shape(word)
    kind = "given" if key in lex.given else "sur" if key in lex.surnames else ""
    if key in lex.words:
        kind += "word"
    return ident, kind or "none"


@lru_cache(maxsize=1 << 14)
def capitalised(word: str) -> bool:
    """Title-case, or capitals of two letters or more that are not a known acronym."""
    if len(word) < 2 or not word[0].isupper():
        return False
    if word.isupper():
        return word not in lexicon().acronyms
    return word[1:].islower() or any(c.isupper() for c in word[1:])


@lru_cache(maxsize=1 << 14)
def own_features(word: str, pos: str, where: str) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    """A word's own features where it stands, its list signature, and its list flags."""
    own = word_features(word)
    flags = tuple(f for f in own if f.startswith("f="))
    sig = "sig=" + "+".join(f[2:] for f in flags) + "|" + _wc(own)
    feats = ["bias", f"pos={pos}", f"in={where}", *own, sig, f"{sig}&pos={pos}"]
    feats += [f"pos={pos}&{f}" for f in flags]
    feats += [f"in={where}&{f}" for f in flags]
    return tuple(feats), sig, flags


@lru_cache(maxsize=1 << 14)
def beside(tag: str, word: str, in_run: bool) -> tuple[str, ...]:
    """What a neighbour at ``tag`` (p2, p1, n1, n2) tells: by name if a cue word, else shape."""
    ident, flag = neighbour(word)
    if in_run:
        return (f"{tag}=run:{ident}", f"{tag}f={flag}", f"{tag}end={ending(word)}")
    return (f"{tag}={ident}", f"{tag}f={flag}")


def _wc(own: tuple[str, ...]) -> str:
    return next((f for f in own if f.startswith("wc=")), "wc=0")


@lru_cache(maxsize=1 << 12)
def ending(word: str) -> str:
    """What the last word of a run says it names: a firm or group, a street, or neither."""
    org_end, street_end = _endings()
    if org_end.fullmatch(word):
        return "org"
    return "street" if street_end.fullmatch(word) else "none"


def run_kind(word: str, ends: str) -> str:
    """The placeholder a run takes by its last word: an organisation (a firm's noun, a public
    body's or an institution's), an address (a street noun), else a person."""
    if ends != "none":
        return "org" if ends == "org" else "address"
    key = word_key(word)
    return "org" if key in _PUBLIC or key in INSTITUTION_NOUNS else "person"


@lru_cache(maxsize=1 << 12)
def body(words: tuple[str, ...]) -> str:
    """What a run's words say of the body it names, never which: whether a place is among them,
    what its last word is (a public service's noun, an institution's, a firm's or group's, or
    none) and whether a public service's noun is inside it. "Doncaster Royal Infirmary", a
    public service named by a place, is kept; "Doncaster Young Carers Hub" is not."""
    lex = lexicon()
    place = any((word_key(w),) in lex.places for w in words)
    keys = [word_key(w) for w in words]
    last = keys[-1]
    if last in _PUBLIC:
        tail = "public"
    elif last in INSTITUTION_NOUNS:
        tail = "inst"
    else:
        tail = ending(words[-1])
    inside = any(k in _PUBLIC for k in keys[:-1])
    return f"body={'place' if place else 'none'}&{tail}&{'public' if inside else 'none'}"
