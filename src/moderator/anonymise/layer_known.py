"""Layer 2 of the redactor: the record's own people.

Full names, given names, surnames, short forms (Will for William), initials
(K.S., KS), possessives, any letter case, hyphen and apostrophe variants,
one-letter typos. Each person keeps one placeholder throughout.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import (
    FEMALE,
    HONORIFICS,
    INSTITUTION_NOUNS,
    MALE,
    RELATION_CUES,
    SPEAKING_VERBS,
)
from moderator.anonymise.layer_initials import in_shouted_line
from moderator.anonymise.layer_sounds import sounds_like_known
from moderator.anonymise.patterns import (
    INITIAL_AFTER,
    INITIAL_BEFORE,
    INITIALS_RE,
    clean_left,
)
from moderator.anonymise.places_said import IN_COUNTY, MOVED_TO, PLACE_GOES_ON
from moderator.anonymise.state import State, Tok

_NOT_CAPITALS = re.compile(r"[^A-Z]")


def find_known_people(st: State, toks: list[Tok]) -> None:
    """The record's people: names, short forms, surnames, typos, initials."""
    known = st.known
    lex = st.lex
    common, protected = lex.common, lex.protected_words
    words = lex.words  # a name in lower case that is an everyday word is the word
    firsts, seconds = known.first_keys, known.second_keys
    # a lower-case word none of the tables below holds is nobody's name: skip it quickly
    names = firsts | known.beginnings.keys() | known.surname_owners.keys()
    verdicts: dict[tuple[str, bool], bool] = {}
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        key = t.key
        if not t.cap and key not in names and "-" not in key:
            i += 1
            continue
        if key in firsts and st.free(t.start, t.end):
            # a name of several words only if the next word can be the second of one
            longest = known.max_n if i + 1 < n and toks[i + 1].key in seconds else 1
            hit = st.longest(toks, i, known.ngrams, longest)
            if hit is not None:
                size, who = hit
                wordlike = t.lower and (key in words or key in protected)
                spoken = wordlike and (named_in_speech(st, t) or _says(st, t))
                if size == 1 and (not wordlike or spoken) and used_as_word(st, toks, i):
                    _keep_known(st, t, who)
                elif size > 1 or not wordlike or spoken:
                    # a word said as a name ("took summer to") is for a person to confirm
                    take_known(st, t.start, toks[i + size - 1].end, who, 0.65 if spoken else None)
                    i += size
                    continue
        if t.lower and key in known.beginnings and not (key in common or key in protected):
            if st.free(t.start, t.end) and (named_in_speech(st, t) or _says(st, t)):
                take_known(st, t.start, t.end, known.beginnings[key])
            i += 1
            continue
        owners = known.surname_owners.get(key)
        if owners is None and "-" in key:
            owners = known.hyphenated_owners(key)
        if owners and used_as_word(st, toks, i) and st.free(t.start, t.end):
            _keep_known(st, t, owners[0])
        elif owners:
            if not (t.lower and key in words and not named_in_speech(st, t)) and st.free(
                t.start, t.end
            ):
                take_known(st, t.start, t.end, _resolve(st, owners, toks, i))
        elif t.cap:
            eligible = verdicts.get((key, t.upper))
            if eligible is None:  # a note repeats its words: decide each once
                eligible = verdicts[key, t.upper] = _may_be_slip(st, key, t.upper)
            if eligible and st.free(t.start, t.end):
                sure = None
                slip = _slip_of(st, key, t.upper)
                if slip is None:
                    slip, sure = sounds_like_known(st, toks, i)  # "Moose" for Musa, "Muhammad"
                if slip is not None:
                    take_known(st, t.start, t.end, slip, sure)
        i += 1
    for m in INITIALS_RE.finditer(st.text):
        if not clean_left(st.text, m.start(), "."):
            continue
        letters = _NOT_CAPITALS.sub("", m.group())
        owner = known.initials.get(letters)
        if owner is None or not st.free(m.start(), m.end()):
            continue
        dotted = "." in m.group()
        if not dotted and m.group() in st.lex.acronyms:
            continue
        if not dotted and letters.lower() in st.lex.common and in_shouted_line(st.text, m.start()):
            continue  # "ALSO KNOWN AS: …" in a form in capitals: the word, not the initials
        take_known(st, m.start(), m.end(), owner)


def _may_be_slip(st: State, key: str, upper: bool) -> bool:
    """Whether a capitalised word that is no name of the record may be one written another
    way: no everyday word, protected word or acronym."""
    lex = st.lex
    return not (
        (upper and len(key) < 4)
        or len(key) < 2
        or key in lex.common
        or key in lex.protected_words
        or key.upper() in lex.acronyms
    )


def _slip_of(st: State, key: str, upper: bool) -> int | None:
    """Whose name a capitalised word is a slip or a short form of, if anyone's."""
    lex = st.lex
    known = st.known
    if upper:  # in capitals the tables matched the names as written; slips here
        return None if len(key) < 5 or key in lex.given else known.near_miss(key)
    if len(key) == 2:  # "Ky" for Kyron
        return known.two_letters.get(key)
    if key in lex.given or key in lex.surnames:
        return known.short_form(key)  # "Kay" for Kayla, itself a name
    return known.near_miss(key)  # "Kaydn", "Kay" for Kayden


def _resolve(st: State, owners: list[int], toks: list[Tok], i: int) -> int:
    if len(set(owners)) == 1:
        return owners[0]
    prev = ""
    if i > 0 and toks[i].start - toks[i - 1].end <= 2:  # "Mrs Smith", "Mrs. Smith"
        prev = toks[i - 1].key
    want = "f" if prev in FEMALE else "m" if prev in MALE else None
    if want:
        for o in owners:
            if st.known.people[o].gender == want:
                return o
    if i > 0 and st.joined(toks[i - 1], toks[i]):  # "Wiktoria Nowak": the person just named
        labels = {st.known.people[o].label: o for o in owners}
        for c in st.cands:
            if c.end == toks[i - 1].end and c.ident in labels:
                return labels[c.ident]
    initial = INITIAL_BEFORE.search(st.text, max(0, toks[i].start - 6), toks[i].start)
    if initial is not None:  # "K. Smith"
        for o in owners:
            if st.known.initial_of.get(o, ("", ""))[0] == initial.group(1):
                return o
    return -1  # shared surname, no way to tell whose: [FAMILY]


def _keep_known(st: State, t: Tok, who: int) -> None:
    """A known name left in the text as a place or a word: a person may still say it is the name."""
    if t.cap:  # "into the lake" is plainly a word; "moved to Stafford" may be the person
        person = st.known.people[who]
        st.keep(t.start, t.end, person.kind, person.label, 0.4)


def _spaced_before(text: str, start: int) -> bool:
    """Whether ``INITIAL_BEFORE`` can end at ``start``: a space or tab, or a line break, before it."""
    return start > 0 and text[start - 1] in " \t\n"


def take_known(st: State, start: int, end: int, who: int, confidence: float | None = None) -> None:
    """Redact ``text[start:end]`` as the record's person ``who`` (-1: a shared surname, whose
    no one can tell), with an initial written beside the name ("K. Smith", "Kayden S.")."""
    text = st.text
    if who >= 0:
        first, last = st.known.initial_of.get(who, ("", ""))
        # "K. Smith" / "K Smith" and "Kayden S." / "Kayden S"
        # (each pattern needs a space or a line break beside the name: look for that first)
        lo = max(0, start - 6)
        m = (
            INITIAL_BEFORE.search(text, lo, start)
            if _spaced_before(text, start) and not text[lo:start].islower()
            else None  # (an initial is a capital letter: none in lower-case words before)
        )
        if m and m.group(1) == first and st.free(m.start(), start):
            start = m.start()
        m = INITIAL_AFTER.match(text, end) if end < len(text) and text[end] in " \t" else None
        if m and m.group(1) == last and st.free(end, m.end(1)):
            end = m.end(1)
        person = st.known.people[who]
        st.take(start, end, person.kind, person.label, 60, confidence)
    else:
        st.take(start, end, "family", "FAMILY", 60)


# Words before a name-word that make it a place or a thing: "moved to Stafford", "HMP Stafford",
# "walking in the Dale", "into the lake".
_PLACE_BEFORE = frozenset(
    [
        "to",
        "in",
        "at",
        "from",
        "near",
        "into",
        "towards",
        "via",
        "outside",
        "around",
        "across",
        "hmp",
        "hmyoi",
        "yoi",
        "the",
        "a",
        "an",
        "this",
        "that",
    ]
)
_DETERMINERS = frozenset(["the", "a", "an", "this", "that"])


def _word_before(text: str, start: int) -> str:
    r"""The word just before ``start`` (within 20 characters), in lower case, or "".

    What ``([^\W\d_]+)[ \t]*$`` searched for in ``text[start - 20 : start]`` gives (its
    ``$`` also before a last line break), read backwards: the search tries every position.
    """
    lo = max(0, start - 20)
    i = start - 1 if start > lo and text[start - 1] == "\n" else start
    while i > lo and text[i - 1] in " \t":
        i -= 1
    j = i
    while j > lo and (c := text[j - 1]).isalnum() and not c.isdecimal() and c != "_":
        j -= 1  # a letter: a word character that is neither a digit nor "_"
    return text[j:i].lower()


def used_as_place(st: State, toks: list[Tok], i: int) -> bool:
    """Whether a lone name-word is written as a place or a thing, not as the person.

    A known name that is also a place or a word ("Stafford", "Crewe", "Dale", "Lake") is
    kept after a place preposition or a determiner, after "HMP", and after another place
    word ("Westport Lake"); a title or a given name before it makes it the person again.
    """
    t = toks[i]
    lex = st.lex
    place = t.key in lex.protected_words
    placeish = place or t.key in lex.common
    if (
        t.cap
        and not t.poss
        and _surname_only(st, t.key)
        and (
            MOVED_TO.search(st.text, max(0, t.start - 40), t.start)
            or IN_COUNTY.match(st.text, t.end)
        )
    ):
        return True  # "moved up to Alston", "Alston, Cumbria": only a place is moved to
    if t.cap and not t.poss and _surname_only(st, t.key) and PLACE_GOES_ON.match(st.text, t.end):
        # "near Darwen town centre", "moved to Ripley in Derbyshire": the town, not the family
        before = _word_before(st.text, t.start)
        if before in _PLACE_BEFORE and before not in _DETERMINERS:
            said = _word_before(st.text, st.text.rfind(before, 0, t.start))
            return not (before == "to" and said in SPEAKING_VERBS)
    if placeish or t.lower:  # (a name that is no word needs no look at the word before)
        before = _word_before(st.text, t.start)
        if before in _DETERMINERS and not t.poss:
            return True  # "in the Dale", "into the lake" (but "the Smith boys")
        if place and before in _PLACE_BEFORE:
            # "moved to Stafford", but "spoke to Stafford" is the person
            said = _word_before(st.text, st.text.rfind(before, 0, t.start))
            return not (before == "to" and said in SPEAKING_VERBS)
    if i > 0 and placeish and st.joined(toks[i - 1], t):
        prev = toks[i - 1]
        return (
            prev.cap
            and prev.key in lex.protected_words
            and prev.key not in HONORIFICS
            and prev.key not in RELATION_CUES  # "Mum Joy" is the mother
        )
    return False


def _surname_only(st: State, key: str) -> bool:
    """Whether a word is one of the record's surnames and none of its given names."""
    known = st.known
    return key in known.surname_owners and key not in known.given_keys


# after a name that is also an everyday word, words that make it the word: "Joy at the news",
# "Hope for the future", "Faith in them"
_WORD_USE_AFTER = re.compile(
    r"[ \t]+(?:(?:at|of|in|on|for|about|over|towards)[ \t]+(?:the|a|an|this|that|his|her|their"
    r"|my|our|them|him|it|us|me|you|all|being|having|[a-z]+ing)|is[ \t]+(?:a|the))\b"
)


def used_as_word(st: State, toks: list[Tok], i: int) -> bool:
    """Whether a lone known name-word is written as a place or a thing, not as the person:
    :func:`used_as_place`, or a name that is an everyday word opening a sentence and followed
    by a preposition ("Joy at the news was plain"), where its capital proves nothing."""
    if used_as_place(st, toks, i):
        return True
    t = toks[i]
    # "her indigo hoodie", "asked for comfort", "has bold claims": the word, not the name
    if (
        t.lower
        and not named_in_speech(st, t)
        and not _says(st, t)
        and _word_before(st.text, t.start) in _WORD_BEFORE
    ):
        return True
    j = i + 1  # "Buxton Opera House": the first word of a place's name
    while (
        j < len(toks)
        and j - i <= 3
        and toks[j].cap
        and not toks[j].upper  # a line in capitals says nothing by its capitals
        and st.joined(toks[j - 1], toks[j])
    ):
        j += 1
    if j > i + 1 and toks[j - 1].key in INSTITUTION_NOUNS and toks[j - 1].key not in st.known.keys:
        return _word_before(st.text, t.start) not in HONORIFICS
    return (
        t.cap
        and not t.poss
        and t.key in st.lex.common
        and st.sent(t)
        and _WORD_USE_AFTER.match(st.text, t.end) is not None
    )


# lower-case words before a name-word that make it the word: "her indigo hoodie", "for comfort"
_WORD_BEFORE = frozenset(
    [
        "her",
        "his",
        "their",
        "my",
        "your",
        "our",
        "the",
        "a",
        "an",
        "this",
        "that",
        "some",
        "any",
        "for",
        "of",
        "has",
        "have",
        "had",
        "more",
        "less",
        "no",
        "very",
        "so",
        # an intensifier before a noun: "a real jewel", "such bliss", "pure joy"
        "real",
        "such",
        "proper",
        "absolute",
        "pure",
        "total",
        # a verb after a modal: "the family will prosper", "could settle"
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "might",
        "must",
    ]
)


_SAYS = re.compile(r"[ \t]+(?:said|says|told|tells|asked|asks|shouted|cried|replied)\b")


def _says(st: State, t: Tok) -> bool:
    """Whether a speech verb follows the word: "harv said…"."""
    return _SAYS.match(st.text, t.end) is not None


_QUOTES_OPEN = '"“‘'


def named_in_speech(st: State, t: Tok) -> bool:
    """Whether a lower-case name-word stands as a name in someone's quoted words.

    Children's words are written as said: "con gave me…", "reece took summer to his mums".
    Inside quotes on the same line, a known name in lower case is the person unless a
    determiner or preposition makes it a word ("in summer", "the con").
    """
    text = st.text
    line = text[text.rfind("\n", 0, t.start) + 1 : t.start]
    inside = line.count('"') % 2 == 1 or line.count("“") > line.count("”")
    if not inside:
        return False
    before = _word_before(text, t.start)
    if before in _PLACE_BEFORE or before in _WORD_IN_SPEECH_BEFORE:
        return False  # "in summer", "ignorance is bliss", "a real jewel"
    return not (t.key in st.lex.words and _PARTICLE_AFTER.match(text, t.end))  # "march on"


# in quoted words, before a name that is also a word, words that make it the word
_WORD_IN_SPEECH_BEFORE = frozenset(
    {"is", "was", "are", "were", "be", "been", "real", "so", "very", "such", "pure", "total",
     "absolute", "proper", "my", "your", "our", "their", "of", "for"}
)  # fmt: skip
# after a verb that is also a name: "march on", "rob off", "sue them"
_PARTICLE_AFTER = re.compile(
    r"[ \t]+(?:on|off|up|down|away|out|along|forward|past|through|around|back)\b(?![ \t]*[A-Z])"
)
