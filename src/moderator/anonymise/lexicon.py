"""The word lists the redactor consults, loaded once from ``anonymise/data/``.

* ``given_names.txt`` and ``surnames.txt``: synthetic lists of common names in England,
  evidence that a capitalised word is a person's name;
* ``common_words.txt``: everyday English words (a capitalised one may just start a
  sentence; a known name that is also a word is only redacted where capitalised);
* ``vocabulary.txt``: protected social-work vocabulary, acronyms and place names;
* ``uk_places.txt``: a gazetteer of UK cities, towns and boroughs, kept like the places above;
* ``world_places.txt``: countries, regions and cities abroad that families come from or travel
  to, without those that are also common names;
* ``diminutives.txt``: short forms of given names (William: Will, Bill, Liam), read both
  ways (a known "Lexi" also matches "Alexis" and "Alexandra");
* ``name_frequencies.txt``: given names and surnames of the communities of English towns
  with an order-of-magnitude frequency (people per 100,000), the weight of the evidence;
* ``given_names_more.txt`` and ``surnames_more.txt``: about 5,000 more of each, written from
  general knowledge of the same communities (no list of real people), used only where a
  name is no everyday or protected word, place or acronym, and only where capitalised
  (``Lexicon.rarer``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

# A word: letters, with inner apostrophes (O'Neill, Kayden's) and hyphens (Smith-Jones).
# (Was letters, then apostrophe groups, then hyphen groups with their own apostrophe groups:
# the same words, since each group needs letters after its mark; one possessive repeat is
# quicker than three nested ones, and nothing after it could take back what it matched.)
WORD_RE = re.compile(r"[^\W\d_]++(?:['’`-][^\W\d_]++)*+")
# the same words in a text of ASCII characters only, its letters checked by table instead of
# by Unicode category (nearly twice as quick; most notes are plain ASCII); there a letter is
# [A-Za-z], one test of a bitmap where [^\W\d_] is three tests of categories
_ASCII_WORD_RE = re.compile(WORD_RE.pattern.replace(r"[^\W\d_]", "[A-Za-z]"))
_APOSTROPHES = str.maketrans("", "", "'’`")
# Letters that Unicode does not decompose into a base letter and an accent.
_SPECIAL_LETTERS = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ħ": "h",
        "ı": "i",
        "ŀ": "l",
        "æ": "ae",
        "œ": "oe",
        "ß": "ss",
        "þ": "th",
    }
)


@lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """The form words are compared in: no possessive, case, accents or apostrophes."""
    if len(word) > 3 and word[-2] in "'’`" and word[-1] in "sS":
        word = word[:-2]
    folded = word.casefold()
    if not folded.isascii():
        folded = "".join(
            c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c)
        ).translate(_SPECIAL_LETTERS)
    return folded.translate(_APOSTROPHES)


# the last text lowered, its lower case character for character, and ``text.lower()``: a
# dozen layers lower the same note in turn (about ten instructions a character each time)
_last_lowered: tuple[str, str, str] = ("", "", "")


def lower_same_length(text: str) -> str:
    """``text`` in lower case, character for character (so offsets stay valid)."""
    last = _last_lowered  # (one read, one write of a triple: safe if threads share it)
    if last[0] is text:
        return last[1]
    return _lower(text)[1]


def lower_text(text: str) -> str:
    """``text.lower()``, worked out once for the note that the layers share."""
    last = _last_lowered
    if last[0] is text:
        return last[2]
    return _lower(text)[2]


def _lower(text: str) -> tuple[str, str, str]:
    global _last_lowered
    plain = fold = text.lower()
    if len(fold) != len(text):  # "İ" lowers to two characters: keep such letters as they are
        fold = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    _last_lowered = (text, fold, plain)
    return _last_lowered


# every byte but a letter or a word's inner mark (' ` -) to a space, for words_of
_NOT_WORD_BYTES = bytes(
    b if chr(b).isascii() and (chr(b).isalpha() or chr(b) in "'`-") else 32 for b in range(256)
)


def words_of(text: str) -> list[str]:
    """The words of ``text`` in order (what ``WORD_RE.findall`` gives)."""
    if not text.isascii():
        return WORD_RE.findall(text)  # no groups: words
    # on ASCII: the runs of letters and marks, split at everything else by one translate (no
    # word crosses such a character); a run with a mark is read by the pattern (a mark counts
    # only between letters), the rest are words as they are: quicker than a scan by the regex
    out: list[str] = []
    find = _ASCII_WORD_RE.findall
    for run in text.encode().translate(_NOT_WORD_BYTES).decode().split():
        if run.isalpha():
            out.append(run)
        else:
            out += find(run)
    return out


@lru_cache(maxsize=1 << 15)
def phrase_key(phrase: str) -> tuple[str, ...]:
    """A phrase as the tuple of its word keys (cached: the layers ask again for the same runs
    of words, and the same phrases recur from note to note)."""
    if not phrase.isascii():
        return tuple(map(word_key, WORD_RE.findall(phrase)))
    if "-" in phrase or "'" in phrase or "`" in phrase:
        return tuple(map(word_key, _ASCII_WORD_RE.findall(phrase)))
    # no mark: the words are the runs of letters, split at everything else by one translate
    # (as words_of does; a phrase is short, and the pattern's call costs more than the split)
    return tuple(map(word_key, phrase.encode().translate(_NOT_WORD_BYTES).decode().split()))


@dataclass(frozen=True, eq=False)  # one lexicon, hashed by identity (for caches)
class Lexicon:
    """Every list the redactor uses, as sets of word keys."""

    given: frozenset[str]
    surnames: frozenset[str]
    common: frozenset[str]
    protected_words: frozenset[str]
    """Single-word protected vocabulary (Police, Hanley, Monday, Mum, Snapchat)."""
    phrases: dict[str, tuple[tuple[str, ...], ...]]
    """Multi-word protected phrases by first word key, longest first."""
    places: frozenset[tuple[str, ...]]
    acronyms: frozenset[str]
    """Upper-case acronyms (SW, HV, CP) that are never taken for someone's initials."""
    diminutives: dict[str, tuple[str, ...]]
    fuller: dict[str, tuple[str, ...]]
    """Short form -> the full names it is short for (Lexi -> alexandra, alexis)."""
    frequency: dict[str, int]
    """Name key -> people per 100,000 with that given name or surname (estimated band)."""
    words: frozenset[str]
    """Everyday words (``common`` and the frequent words of English that are rarely names):
    a known name that is one of these is the word where written in lower case."""
    rarer: frozenset[str] = frozenset()
    """Names only the longer lists hold (``given_names_more.txt``, ``surnames_more.txt``):
    names where capitalised, but not looked for in a child's lower-case speech."""
    word_surnames: frozenset[str] = frozenset()
    """Surnames of the longer list that are also everyday words (``bentley``, ``dunne``): a
    surname after a title said in lower case ("miss dunne"), a word elsewhere."""


def _lines(name: str) -> list[str]:
    text = resources.files("moderator.anonymise").joinpath("data", name).read_text("utf-8")
    lines = (ln.strip() for ln in text.splitlines())
    return [ln for ln in lines if ln and (ln.startswith("##") or not ln.startswith("#"))]


def _words(name: str) -> frozenset[str]:
    return frozenset(word_key(w) for ln in _lines(name) for w in ln.split())


KEPT_FILE = "vocabulary_kept.txt"
"""The protected phrases learnt from the labelled corpus's phrases to keep (generated)."""


def written_vocabulary() -> frozenset[tuple[str, ...]]:
    """The protected words and phrases written by hand (``vocabulary.txt`` and the places),
    as phrase keys: what :mod:`.kept_vocabulary` builds on."""
    places = ["## places", *_lines("uk_places.txt"), *_lines("world_places.txt")]
    lines = [*_lines("vocabulary.txt"), *places]
    section, out = "practice", set()
    for line in lines:
        if line.startswith("##"):
            section = line.strip("# ").lower()
        elif section != "acronyms" and (key := phrase_key(line)):
            out.add(key)
    return frozenset(out)


@cache
def lexicon() -> Lexicon:
    """The lexicon, read from the package on first use."""
    section = "practice"
    single: set[str] = set()
    multi: dict[str, list[tuple[str, ...]]] = {}
    places: set[tuple[str, ...]] = set()
    acronyms: set[str] = set()
    gazetteer = ["## places", *_lines("uk_places.txt"), *_lines("world_places.txt")]
    # (the phrases the labelled corpus keeps, built by :mod:`.kept_vocabulary`, are practice's)
    vocabulary = [*_lines("vocabulary.txt"), "## practice", *_lines(KEPT_FILE)]
    for line in vocabulary + gazetteer:
        if line.startswith("##"):
            section = line.strip("# ").lower()
            continue
        if section == "acronyms":
            # kept apart from the protected words: "SALT" is an acronym, "Salt" a surname
            acronyms.update(w.upper() for w in line.split())
            continue
        key = phrase_key(line)
        if not key:
            continue
        if section == "places":
            places.add(key)
        if len(key) == 1:
            single.add(key[0])
        else:
            multi.setdefault(key[0], []).append(key)
    diminutives: dict[str, tuple[str, ...]] = {}
    for line in _lines("diminutives.txt"):
        full, _, shorts = line.partition(":")
        # a name may have several lines (the English forms, then another community's)
        name = word_key(full.strip())
        more = tuple(word_key(s.strip()) for s in shorts.split(",") if s.strip())
        diminutives[name] = tuple(dict.fromkeys(diminutives.get(name, ()) + more))
    fuller: dict[str, list[str]] = {}
    for full, forms in diminutives.items():
        for short in forms:
            fuller.setdefault(short, []).append(full)
    frequency, given, surnames = _frequencies()
    given |= _words("given_names.txt")
    surnames |= _words("surnames.txt")
    common = _words("common_words.txt")
    words = common | everyday_words(given | surnames, frequency)
    # the longer lists only where a name is no everyday or protected word, place or acronym
    # (the words are decided from the lists above: "hope" and "rush" stay words)
    taken = words | frozenset(single) | {k[0] for k in places if len(k) == 1}
    taken |= {a.lower() for a in acronyms}
    # the short forms of the table are names too ("Becky", "Liz", "Gaz"), three letters or more
    short_forms = {f for fs in diminutives.values() for f in fs if len(f) >= 3 and f.isalpha()}
    more_given = (
        _words("given_names_more.txt") | _words("given_names_world.txt") | short_forms
    ) - taken
    rarer = (more_given | _words("surnames_more.txt")) - taken - given - surnames
    given |= more_given
    surnames |= _words("surnames_more.txt") - taken
    return Lexicon(
        given=given,
        surnames=surnames,
        common=common,
        protected_words=frozenset(single),
        phrases={k: tuple(sorted(v, key=len, reverse=True)) for k, v in multi.items()},
        places=frozenset(places),
        acronyms=frozenset(acronyms),
        diminutives=diminutives,
        fuller={k: tuple(v) for k, v in fuller.items()},
        frequency=frequency,
        words=words,
        rarer=frozenset(rarer),
        word_surnames=(_words("surnames_more.txt") & taken) - surnames,
    )


def _frequencies() -> tuple[dict[str, int], frozenset[str], frozenset[str]]:
    """Read ``name_frequencies.txt``: ``given 300: Names…`` / ``surname 100: Names…``."""
    frequency: dict[str, int] = {}
    given: set[str] = set()
    surnames: set[str] = set()
    for line in _lines("name_frequencies.txt"):
        head, _, names = line.partition(":")
        kind, _, band = head.partition(" ")
        keys = [word_key(n) for n in names.split()]
        (given if kind == "given" else surnames).update(keys)
        for key in keys:
            frequency[key] = max(frequency.get(key, 0), int(band))
    return frequency, frozenset(given), frozenset(surnames)


# A word of the frequency list counts as an everyday word from this many occurrences (its
# counts come from a large English corpus: "bramble" 179, "marigold" 157, "settle" 75,178)...
WORD_MIN_COUNT = 100
# ...and, when it is also someone's given name or surname, only when its count is this many
# times the people per 100,000 who bear it: subtitles and novels name people often, so a
# name's count is high too ("jake" 4,937 for 25 people per 100,000 is a name; "forest" 32,064
# for 7 is a word). A name listed with no band counts as this many people: few, since a name
# the census does not know and the bands leave out is a rare one ("Promise", "Storm", "River"
# are words in lower case, "pinky promise", "by the river").
WORD_OVER_NAME = 1000
_UNBANDED_NAME = 30


def everyday_words(names: frozenset[str], frequency: dict[str, int]) -> frozenset[str]:
    """The words of English frequent enough to be read as words, not names, in lower case.

    From pyspellchecker's English frequency list (an MIT-licensed package with no
    dependencies, 160,000 words with their counts). Its counts come from subtitles and books,
    which name people too: the name lexicons and the census given names, with how many
    people bear each name, decide which frequent words are names. A name with ``s`` added
    ("jakes", "arias") is a possessive written without its apostrophe, not a word.
    """
    bands = dict(_census_given())
    for name in names:
        bands[name] = max(bands.get(name, 0), frequency.get(name, _UNBANDED_NAME))
    words = set()
    for word, count in _word_counts().items():
        if count < WORD_MIN_COUNT or len(word) < 3 or not word.isalpha():
            continue
        if count < WORD_OVER_NAME * bands.get(word, 0):
            continue
        if word[-1] == "s" and word[:-1] in bands:
            continue
        words.add(word)
    return frozenset(words)


@cache
def more_places() -> frozenset[tuple[str, ...]]:
    """``uk_places_more.txt``: towns and villages beyond the gazetteer, as phrase keys, read
    once; only for a family's surname that is also a place, where a note puts it after a place
    word."""
    return frozenset(phrase_key(line) for line in _lines("uk_places_more.txt"))


@cache
def census_given() -> frozenset[str]:
    """The census list's given names (keys), read once: names a child may say in lower case."""
    return frozenset(_census_given())


def _census_given() -> dict[str, int]:
    """``census_given_names.txt``: given name -> people per 100,000 (``band: names…`` lines)."""
    bands: dict[str, int] = {}
    for line in _lines("census_given_names.txt"):
        band, _, names = line.partition(":")
        for name in names.split():
            bands[name] = int(band)
    return bands


@cache  # the lexicon and the unknown-word rule both read it: load the list once a process
def _word_counts() -> dict[str, int]:
    """Word -> occurrences in pyspellchecker's English frequency list (read once, lazily)."""
    from spellchecker import SpellChecker  # imported here: only the redactor needs it

    return dict(SpellChecker(language="en", distance=1).word_frequency.dictionary)


def word_count(key: str) -> int:
    """How often ``key`` occurs in pyspellchecker's English frequency list (0 if never)."""
    return _word_counts().get(key, 0)


@lru_cache(maxsize=1 << 15)
def frequent_word(key: str) -> bool:
    """Whether ``key`` is an everyday English word by its count in pyspellchecker's list
    (3,000 or more: "contract", "vehicle", "coach"; but also "jack", "grace": callers ask the
    name lists first)."""
    return _word_counts().get(key, 0) >= 3000


def holds_phrase(lex: Lexicon, words: tuple[str, ...]) -> bool:
    """Whether the words after a house number are one protected phrase of two words or more,
    or hold one after their first word: the street's word is then the phrase's ("Staying
    Close"; "Arrested Drink Drive"; not "Mount Pleasant Road", a street named after a place)."""

    def opens(at: int, whole: bool) -> bool:
        return any(
            len(p) > 1 and words[at : at + len(p)] == p and (not whole or len(p) == len(words))
            for p in lex.phrases.get(words[at], ())
        )

    if not words:
        return False
    return opens(0, True) or any(opens(i, False) for i in range(1, len(words) - 1))


def whole_words(text: str, word: str) -> list[tuple[int, int]]:
    """Where ``word`` occurs in ``text`` as a whole word (exact case)."""
    out = []
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        ):
            out.append((at, end))
        at = text.find(word, at + 1)
    return out
