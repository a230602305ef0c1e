"""Schools and workplaces a child writes in lower case after the words that say one follows.

A child's own words name their school without capitals: ``i am in year 6 at martello bay``,
``my school bridgewood junior``, ``at school at peckover fields``, ``tell mr brennan at
barnfield``, ``i go to benhall park skool``. After such a cue (a year group and ``at``; ``my
school``; ``school at``; a teacher's title and surname and ``at``) or before a misspelt or
plain ``school`` in a passage typed in lower case, one to three lower-case words up to the
next word a sentence goes on with are the school's name when one of them is no everyday word
or a place (``barnfield``, ``martello``), or when the last is a word schools are named with
(``springfield park``); ``in year 6 at school`` and ``my school is good`` name none. Each is
redacted below the review threshold, for the person importing to confirm.

The same for the businesses a child names: after ``work at`` or ``shift at`` (``when dale is at
work at oulton tyres``), one to three words with one that is no everyday word or a place, or
ending in a trade's word (``the spice lounge``); after a business's kind and ``called`` (``a
barbers called fade kings``), whatever words follow.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import HONORIFICS
from moderator.anonymise.kin_words import KIN_TITLES
from moderator.anonymise.lexicon import more_places
from moderator.anonymise.names_lower import in_typed_line, typed_lines
from moderator.anonymise.nearby import scan_near, word_positions
from moderator.anonymise.state import State

_CONFIDENCE = 0.65
_WORDS = r"(?P<n>[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+){0,2})"
# the cues, each with the school's name after it ("year 6 at …", "my school …", "school at
# …", "mr brennan at …")
_AFTER_CUE = re.compile(
    r"(?<![\w'’-])(?:(?:year|yr)[ \t]*\d{1,2}[ \t]+at|my[ \t]+(?:school|skool|scool)(?:[ \t]+is)?"
    r"|(?:school|skool|scool)[ \t]+(?:at|is)|(?:mr|mrs|miss|ms|sir)[ \t]+[a-z]+[ \t]+at)[ \t]+"
    + _WORDS
)
# the name before the word "school" misspelt as a child writes it ("benhall park skool")
_BEFORE_SCHOOL = re.compile(
    r"(?<![\w'’-])(?:go[ \t]+to|goes[ \t]+to|at|from)[ \t]+"
    + _WORDS
    + r"[ \t]+(?:skool|scool|skul)\b"
)
# where a child says they go ("i go to akroydon high", "i take her to hilltop infants"), and
# where they are, before a word only schools end in ("them girls at sherwood vale")
_GO_TO = re.compile(
    r"(?<![\w'’-])(?:i|we|he|she|u)[ \t]+(?:go|goes|went)[ \t]+to[ \t]+"
    + _WORDS
    + r"|(?<![\w'’-])take[ \t]+(?:her|him|them|me)[ \t]+to[ \t]+"
    + _WORDS.replace("?P<n>", "?P<t>")
)
_OWNERS = frozenset({"his", "her", "their", "my", "our", "your", "ur", "the", "a"})
_AT = re.compile(r"(?<![\w'’-])(?:at|from)[ \t]+" + _WORDS)
_ONLY_SCHOOLS_END = frozenset(
    {"high", "primary", "junior", "juniors", "infants", "academy", "vale"}
)
_CUES = ("year", "yr", "school", "skool", "scool", "skul", "mr", "mrs", "miss", "ms", "sir")
# the words a sentence goes on with after a name: the name stops before them
_STOPS = frozenset(
    {"and", "but", "my", "i", "in", "on", "with", "where", "because", "cos", "coz", "so",
     "then", "to", "is", "was", "it", "its", "they", "we", "he", "she", "the", "now", "too",
     "lol", "for", "at", "a", "an", "or", "n", "me", "im", "i'm", "when", "wen", "if",
     "are", "has", "had", "have", "got", "gets", "this", "that", "there", "their", "today",
     "tomorrow", "2moro", "tmrw", "yesterday", "again", "every", "all", "not", "no", "yes",
     "ill", "i'll", "will", "wont", "dont", "didnt", "cant", "also", "still", "after",
     "before", "school", "skool", "scool", "skul", "good", "ok", "okay", "fine", "nice",
     "great", "bad", "rubbish", "boring", "fun", "alright", "sometimes", "dad", "mum",
     "mam", "says", "said", "sed", "told", "wants", "nan", "nana"}
)  # fmt: skip
# the last words of schools' names that are also everyday words ("springfield park")
_SCHOOL_ENDS = frozenset(
    {"park", "fields", "field", "vale", "valley", "bay", "hill", "hills", "green", "junior",
     "juniors", "infants", "primary", "high", "academy", "college", "grange", "manor", "wood",
     "woods", "lane", "road", "view", "side", "brook", "meadow", "meadows", "heath", "moor",
     "church", "community", "catholic", "ce", "rc", "cofe", "house", "centre"}
)  # fmt: skip


def _name_words(
    st: State,
    m: re.Match[str],
    ends: frozenset[str],
    any_words: bool = False,
    group: str = "n",
    strict: bool = False,
) -> tuple[int, int] | None:
    """The span of the school's name in the match's words, or None when they name none
    (``strict``: only where its last word is one of ``ends``)."""
    text = st.text
    words = list(re.finditer(r"[a-z][a-z'’-]+", text[m.start(group) : m.end(group)]))
    kept = []
    for w in words:
        if w.group() in _STOPS:
            break
        kept.append(w)
    if strict:  # the name ends with its last word only schools end in ("sherwood vale put")
        while kept and kept[-1].group() not in ends:
            kept.pop()
    if not kept:
        return None
    keys = [w.group().rstrip("'’") for w in kept]
    lex = st.lex
    places = more_places()
    odd = any(
        (k not in lex.words and k not in lex.common and k not in lex.protected_words)
        or (k,) in lex.places
        or (k,) in places
        for k in keys
    )
    named_by_end = (  # "spice lounge", not "hair salon", "chip shop", "car wash"
        len(keys) >= 2
        and keys[-1] in ends
        and not any(k in ends or k in _GENERIC for k in keys[:-1])
    )
    if (not odd or strict) and not any_words and not named_by_end:
        return None
    return m.start(group) + kept[0].start(), m.start(group) + kept[-1].end()


# "at work at …", "works at …", "shift at …"; "a barbers called …"
_WORK_AT = re.compile(
    r"(?<![\w'’-])(?:work|works|working|job|shift|shifts)[ \t]+at[ \t]+(?:the[ \t]+)?" + _WORDS
)
_CALLED = re.compile(
    r"(?<![\w'’-])(?:a|the)[ \t]+(?:barbers?|shop|cafe|café|takeaway|gym|club|salon|garage"
    r"|restaurant|pub|bar|church|mosque|place|chippy|car[ \t]+wash|nail[ \t]+bar)[ \t]+"
    r"(?:called|named)[ \t]+" + _WORDS
)
_WORK_CUES = ("work", "job", "shift", "called", "named")
# words that make a kind of business, not one business ("the car wash", "the corner shop")
_GENERIC = frozenset({"car", "nail", "chip", "corner", "local", "big", "new", "old", "little"})
# the last words of businesses' names that are also everyday words ("the spice lounge")
_TRADE_ENDS = frozenset(
    {"tyres", "nails", "lounge", "hut", "motors", "autos", "cars", "kebabs", "kebab", "pizza",
     "pizzas", "grill", "bakery", "stores", "store", "mart", "market", "salon", "hair",
     "beauty", "fitness", "gym", "foods", "logistics", "express", "barbers", "cuts",
     "plaice", "fisheries", "chippy", "diner", "cafe", "café", "kitchen", "palace", "garden",
     "spice", "tandoori", "balti", "services", "builders", "scaffolding", "recycling"}
)  # fmt: skip


def find_said_workplaces(st: State) -> None:
    """Take the businesses a child names in lower case after a work cue or ``called``."""
    text = st.text
    positions = word_positions(text.lower(), _WORK_CUES)
    if not positions:
        return
    for pattern, any_words in ((_WORK_AT, False), (_CALLED, True)):
        for m in scan_near(pattern, positions, text, 30, 60):
            if not in_typed_line(text, m.start()):
                continue
            span = _name_words(st, m, _TRADE_ENDS, any_words)
            if span is not None and st.free(*span):
                ident = "said:" + text[span[0] : span[1]]
                st.take(span[0], span[1], "org", ident, 50, _CONFIDENCE)


# "Bella's school, Ashford Valley, confirmed": a school's name set off by commas after
# someone's school; "picks me up from brighton hill (school)": a name the child glosses
_APPOSED = re.compile(
    r"(?:['’]s|\b(?i:his|her|their|my|our))[ \t]+(?:school|nursery|college)[ \t]*[,(][ \t]*"
    r"(?P<n>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,3})(?=[ \t]*[,)])"
)  # (and in brackets: "his school (Unity College, Mr Aaron Pickles)")
_GLOSSED = re.compile(
    r"(?<![\w'’-])(?:at|from|to)[ \t]+" + _WORDS + r"[ \t]*\((?:school|nursery|college)\)"
)
# what every match of _APPOSED holds as written (found quickly: it opens with its words)
_APPOSED_HINT = re.compile(r"(?:school|nursery|college)[ \t]*[,(]")


def _named_schools(st: State) -> None:
    """Take a school set off by commas after someone's school, or glossed ``(school)``."""
    text = st.text
    # (a look before each scan for what every match holds: _GLOSSED its noun in brackets)
    apposed = _APPOSED_HINT.search(text) is not None
    glossed = "(school)" in text or "(nursery)" in text or "(college)" in text
    for m in (
        *(_APPOSED.finditer(text) if apposed else ()),
        *(_GLOSSED.finditer(text) if glossed else ()),
    ):
        start, end = m.span("n")
        first = m.group("n").split()[0]
        if first.rstrip(".").lower() in HONORIFICS or first.isupper():
            continue  # "her school, Mrs Banks, said": a teacher; "his school, DSL Ann Fry,"
        if m.group("n").islower() and m.group("n").split()[0] in _OWNERS:
            continue  # "from her mates (school)"
        if st.free(start, end):
            st.take(start, end, "school", "said:" + m.group("n").lower(), 50, _CONFIDENCE)


def find_said_schools(st: State) -> None:
    """Take the schools a child names in lower case after a school's cue (see the module)."""
    text = st.text
    lower = text.lower()
    if "school" in lower or "nursery" in lower or "college" in lower:
        _named_schools(st)
    _gone_to(st)
    positions = word_positions(lower, _CUES)
    if not positions:
        return
    found = [*scan_near(_AFTER_CUE, positions, text, 10, 60)]
    if "skool" in lower or "scool" in lower or "skul" in lower:
        found += _BEFORE_SCHOOL.finditer(text)
    for m in found:
        if not in_typed_line(text, m.start()):
            continue
        span = _name_words(st, m, _SCHOOL_ENDS)
        if span is not None and st.free(*span):
            st.take(span[0], span[1], "school", "said:" + text[span[0] : span[1]], 50, _CONFIDENCE)


def _gone_to(st: State) -> None:
    """A school a child says they go to, or are at, in a passage typed in lower case."""
    text = st.text
    found: list[tuple[re.Match[str], frozenset[str], str]] = []
    for a, b in typed_lines(text):  # (only there: the lines typed in lower case)
        found += [
            (m, _SCHOOL_ENDS, "n" if m.group("n") else "t") for m in _GO_TO.finditer(text, a, b)
        ]
        found += [(m, _ONLY_SCHOOLS_END, "n") for m in _AT.finditer(text, a, b)]
    for m, ends, group in found:
        words = m.group(group).split()
        if any(w.rstrip("s'’") in KIN_TITLES or w in KIN_TITLES for w in words):
            continue  # "i go to nans", "take her to nanny sues": a relative's home
        span = _name_words(st, m, ends, group=group, strict=ends is _ONLY_SCHOOLS_END)
        if span is None or len(text[span[0] : span[1]].split()) < 2:
            continue  # "i go to madrasa", "we went to coventry": one word names no school
        keys = tuple(text[span[0] : span[1]].split())
        if keys[0] in _OWNERS or keys in st.lex.places or keys in more_places():
            continue  # "i go to his house", "take me to leicester city"
        if st.free(*span):
            st.take(span[0], span[1], "school", "said:" + text[span[0] : span[1]], 50, _CONFIDENCE)
