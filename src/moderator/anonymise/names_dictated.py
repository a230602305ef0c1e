"""Names in a note dictated by voice: all in lower case, with no stop to mark where a name ends.

Voice-to-text writes ``discussed with team manager iwan price strategy discussion at four``
and ``the officer in the case is pc warren toplis bail conditions are``. The layers for a
child's lower-case messages find the given name (``iwan``, ``warren``); here, in a line with
no capital at all (``names_lower._dictated``), a name found in lower case takes

- the title said before it: ``mrs``, ``mr``, ``miss``, ``ms``, ``pc``, ``pcso``, ``dc``,
  ``d c``, ``dr``, ``doctor``, ``mister``, ``sergeant``;
- the surname said after it: a word of the surname lists, or a word that is no everyday
  word, that is no given name only (``tunde and bisi``: two people) and none of the words
  that follow a name in a sentence (``darren said``, ``jade is``, ``told kim that``); not
  after a name's possessive written without its apostrophe (``zaras sleepover``).
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import RELATION_CUES, ROLE_CUES
from moderator.anonymise.known_said import _word_before
from moderator.anonymise.lexicon import frequent_word, word_key
from moderator.anonymise.names_heard import lower_lines
from moderator.anonymise.names_lower import dictated_lines
from moderator.anonymise.state import NAME_KINDS, State
from moderator.anonymise.unknown_words import dictionary

_TITLE_BEFORE = re.compile(
    r"(?:(?<![\w'’-])(?:mrs|mr|miss|ms|mx|pc|pcso|dc|ds|di|dr|doctor|mister|sergeant|sgt|d c|d s)"
    r"[ \t]+)\Z"
)
_WORD_AFTER = re.compile(r"[ \t]+(?P<w>[a-z][a-z'’-]{2,}[a-z])(?![\w'’@-])")
# what follows a name in a sentence, though a surname list holds some of these words
_NOT_SURNAMES = frozenset(
    [
        "and",
        "but",
        "or",
        "nor",
        "so",
        "then",
        "than",
        "that",
        "this",
        "these",
        "those",
        "the",
        "a",
        "an",
        "to",
        "too",
        "from",
        "at",
        "in",
        "on",
        "of",
        "off",
        "for",
        "with",
        "without",
        "by",
        "about",
        "into",
        "onto",
        "over",
        "under",
        "after",
        "before",
        "since",
        "until",
        "while",
        "who",
        "whom",
        "whose",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "being",
        "has",
        "had",
        "have",
        "having",
        "does",
        "did",
        "do",
        "doing",
        "will",
        "would",
        "can",
        "could",
        "should",
        "shall",
        "may",
        "might",
        "must",
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tells",
        "tell",
        "asked",
        "asks",
        "ask",
        "rang",
        "rings",
        "ring",
        "called",
        "calls",
        "call",
        "came",
        "comes",
        "come",
        "went",
        "goes",
        "go",
        "got",
        "gets",
        "get",
        "gave",
        "gives",
        "give",
        "took",
        "takes",
        "take",
        "made",
        "makes",
        "make",
        "saw",
        "sees",
        "see",
        "knew",
        "knows",
        "know",
        "thinks",
        "thought",
        "think",
        "wants",
        "wanted",
        "want",
        "feels",
        "felt",
        "feel",
        "likes",
        "liked",
        "like",
        "loves",
        "loved",
        "love",
        "lives",
        "lived",
        "live",
        "stays",
        "stayed",
        "stay",
        "works",
        "worked",
        "work",
        "attended",
        "attends",
        "attend",
        "agreed",
        "agrees",
        "agree",
        "reported",
        "reports",
        "report",
        "confirmed",
        "confirms",
        "confirm",
        "explained",
        "explains",
        "explain",
        "showed",
        "shows",
        "show",
        "left",
        "leaves",
        "leave",
        "arrived",
        "arrives",
        "arrive",
        "answered",
        "answers",
        "answer",
        "declined",
        "declines",
        "decline",
        "denied",
        "denies",
        "deny",
        "also",
        "again",
        "now",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "here",
        "there",
        "home",
        "school",
        "too",
        "very",
        "not",
        "never",
        "always",
        "just",
        "only",
        "still",
        "already",
        "who's",
        "full",
        "stop",
        "comma",
        "new",
        "paragraph",
        "colon",
        "she",
        "he",
        "they",
        "we",
        "you",
        "it",
        "him",
        "her",
        "them",
        "his",
        "hers",
        "their",
        "theirs",
        "our",
        "ours",
        "my",
        "mine",
        "your",
        "yours",
        "its",
    ]
)


def _may_follow_as_surname(key: str, protected: frozenset[str]) -> bool:
    """Whether a word after a name may be its surname: none of the words a sentence goes on
    with, no relative's or role's word, no protected word (both layers below ask)."""
    return (
        key not in _NOT_SURNAMES
        and key not in RELATION_CUES
        and key not in ROLE_CUES
        and key not in protected
    )


def join_dictated_names(st: State) -> None:
    """In a dictated line, widen each lower-case name to the title before it and the surname
    after it (see the module)."""
    lines = dictated_lines(st.text)
    if not lines:
        return
    text = st.text
    lex = st.lex
    words = dictionary()
    for c in sorted(st.cands, key=lambda c: c.start):
        if c.kind not in NAME_KINDS or not any(a <= c.start and c.end <= b for a, b in lines):
            continue
        if not text[c.start : c.end].rsplit(None, 1)[-1].islower():
            continue  # (a rank in capitals before it may stay so: "DC neil")
        start, end = c.start, c.end
        title = _TITLE_BEFORE.search(text, max(0, start - 12), start)
        if title is not None and st.free(title.start(), start):
            start = title.start()
        name = text[c.start : c.end]
        after = _WORD_AFTER.match(text, end)
        if after is not None and not (name.endswith("s") and word_key(name[:-1]) in lex.given):
            word = after.group("w")
            key = word_key(word)
            if (
                _may_follow_as_surname(key, lex.protected_words)
                and (key not in lex.given or key in lex.surnames)
                and (key in lex.surnames or key not in words or not frequent_word(key))
                and st.free(after.start("w"), after.end())
            ):
                end = after.end()
        if (start, end) != (c.start, c.end):
            st.grow(c, start, end)


# a rank or title said before a name in lower case, with its given name too short or too
# plain for the lower-case name layers: "police attended pc jo hainsworth reference …"
_TITLED = re.compile(
    r"(?<![\w'’-])(?P<t>(?:detective|police)[ \t]+(?:constable|sergeant|inspector)|[pd][ \t]c|d[ \t][si]"
    r"|pc|pcso|dc|ds|di|sergeant|sgt|inspector|dr|doctor|mrs|mr|miss|ms|mister)[ \t]+"
    r"(?:\d{2,5}[ \t]+)?(?P<g>[a-z][a-z'’-]+)(?:[ \t]+(?P<s>[a-z][a-z'’-]{2,}))?"
    r"(?![\w'’@-])"
)


# "miss" as the verb: after its subject or a helping word ("she will miss swimming")
_MISSING = re.compile(r"\b(?:i|we|you|they|he|she|will|would|to|dont|don['’]t|never)[ \t]+\Z")
_OWNING = frozenset({"my", "your", "his", "her", "our", "their", "a", "the", "this", "that"})
# the titles _TITLED opens with, each with its space: one at least is in the text
_TITLES_SAID: tuple[str, ...] = ("pc ", "pcso ", "dc ", "ds ", "di ", "sergeant ", "sgt ")
_TITLES_SAID += ("inspector ", "dr ")
_TITLES_SAID += (
    "doctor ",
    "mrs ",
    "mr ",
    "miss ",
    "ms ",
    "mister ",
    "d c ",
    "p c ",
    "d s ",
    "d i ",
)
_TITLES_SAID += ("detective ",)
_TITLES_SAID += ("police constable", "police sergeant", "police inspector")
_HONORIFICS_SAID = frozenset({"mrs", "mr", "miss", "ms", "mister", "dr", "doctor"})


def find_titled_dictated(st: State) -> None:
    """In a dictated line or one typed in lower case, a title and the name after it: a given
    name of the lists and a surname (a word of the surname lists or no everyday word), or a
    surname alone after a title or a rank other than "dr" ("mrs bowler", "d c holland"); and
    a rank said in full before a name already taken joins it ("detective constable …")."""
    text = st.text
    if not any(t in text for t in _TITLES_SAID):
        return  # (quick: no title or rank in lower case, as most notes)
    lines = lower_lines(text)
    lex = st.lex
    words = dictionary()

    def surname(word: str, said: bool = False) -> bool:
        key = word_key(word)
        # (said: a rarer word of a protected phrase too, "mrs harlow"; the phrase itself is
        # given back whole at the end, kept_terms.keep_protected_phrases)
        return _may_follow_as_surname(key, frozenset() if said else lex.protected_words) and (
            key in lex.surnames
            or ((key not in words or said) and not frequent_word(key) and len(key) > 2)
        )

    for m in _TITLED.finditer(text):
        # (in a line of another kind, a rank, a given name and a surname in full only:
        # "her instructor is sergeant dave wilde" among capitalised words)
        in_line = any(lo <= m.start() < hi for lo, hi in lines)
        given, last = m.group("g"), m.group("s")
        named = st.overlapping(m.start("g"), m.end("g"))
        if (
            in_line
            and len(named) == 1
            and named[0].kind in NAME_KINDS
            and named[0].start == m.start("g")
            and m.group("t") not in _HONORIFICS_SAID
        ):
            st.grow(named[0], m.start(), named[0].end)  # "detective constable [name]"
            if named[0].kind == "person":
                named[0].kind = "professional"
            continue
        # in a line typed in lower case, a rarer dictionary word after a title is a surname
        # too: the spelling list holds many surnames ("mrs pinchbeck", "miss lowery")
        if (
            in_line
            and last is not None
            and len(named) == 1
            and named[0].kind in NAME_KINDS
            and named[0].end == m.end("g")
            and named[0].start <= m.start("g")
            and given in lex.given
            and surname(last, True)
            and st.free(m.start("s"), m.end("s"))
        ):
            st.grow(named[0], named[0].start, m.end("s"))  # "[mrs denise] harlow": hers
            continue
        if given in lex.given and last is not None and surname(last, in_line):
            start, end = m.start(), m.end("s")
        elif (
            in_line
            and m.group("t") not in ("dr", "doctor")
            and surname(
                given,
                m.group("t") != "miss"
                or not _MISSING.search(text, max(0, m.start() - 8), m.start()),
            )
            and (m.group("t") in _HONORIFICS_SAID or _word_before(text, m.start()) not in _OWNING)
        ):  # ("my pc wood desk": a computer, no constable)
            start, end = m.start(), m.end("g")
        else:
            continue
        if st.free(start, end):
            st.take(start, end, "professional", "dict:" + text[start:end], 50, 0.75)
