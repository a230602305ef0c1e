"""Football clubs named as supporters and players name them, with no ``FC``.

A place followed by a club's word is a club: ``Tranmere Rovers``, ``Crewe Alexandra``,
``Wigan Athletic``, ``bradford city`` in a child's words. A town's own words (``Town``,
``City``, ``County``, ``Borough``) make a club only beside football (``play for``,
``supports``, ``match``, ``season ticket``…) or in lower case, and never before another
capitalised word (``Bradford City Council``, ``Leeds City Centre``). A few names clubs go by
(``Man City``, ``Latics``) are clubs alone. Where a child plays or whom they support narrows
where they live: each is redacted below the review threshold, for the person importing to
confirm or keep.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from moderator.anonymise.lexicon import phrase_key, word_key
from moderator.anonymise.nearby import scan_near, starting_with
from moderator.anonymise.orgs_nouns import ORG_NOUN
from moderator.anonymise.state import State

Add = Callable[[int, int, str, str, int], None]

_CLUB_WORDS = (
    "United|Utd|Rovers|Athletic|Albion|Wanderers|Villa|Rangers|Celtic|Argyle|Orient|Alexandra"
    "|Hotspur|Wednesday|Stanley|Dons|Vale|Harriers|Dynamos|Town|City|County|Borough"
    # teams of a place's juniors and amateurs ("Hexthorpe Lions", "Ashfield Vikings")
    "|Lions|Tigers|Vikings|Eagles|Hawks|Falcons|Panthers|Wolves|Sharks|Colts|Juniors"
    # round forty-eight: "head coach at Basingstoke Otters", "Grimsby Dolphins"
    "|Otters|Dolphins|Bears|Bulldogs|Foxes|Stags|Hornets|Swifts|Titans|Warriors|Raiders"
    "|Spartans|Pumas|Jaguars|Kestrels|Phoenix"
)
# a team's squad by its age, after the team: "Brimington Rovers U16", "Faversham Colts U11s",
# "Medway Mavericks Under 12s" name one squad (the batches since BJ label it with the team);
# "the under 12s" alone says how old the players are
_AGE_GROUP = re.compile(r"[ \t]+(?:U|[Uu]nder[ \t]?)\d{1,2}s?(?![\w'’-])")
_FC = re.compile(r"[ \t]+(?:[AJ]?FC|[aj]?fc)(?![\w'’-])")
_TOWN_WORDS = frozenset({"town", "city", "county", "borough"})
# one to three words of a place, then the club's word (as written, or all in lower case)
_CLUB_RE = re.compile(
    rf"(?<![\w'’-])(?P<p>(?:[A-Z][a-z'’-]+[ \t]){{1,3}}|(?:[a-z]+[ \t]){{1,3}})"
    rf"(?P<w>{_CLUB_WORDS}|{_CLUB_WORDS.lower()})(?![\w'’-])"
)
_NICKNAMES = re.compile(
    r"(?<![\w'’-])(?:Man[ \t]+(?:City|Utd|United)|Latics|Baggies|Spurs)(?![\w'’-])"
)
_FOOTBALL = re.compile(
    r"(?i:play(?:s|ed|ing)?[ \t]+for|support(?:s|er|ers)?|fan\b|football|match|season[ \t]+ticket"
    r"|trials?\b|academy|scout(?:ed)?|signed[ \t]+for|kit\b|goal|game\b|footballer|shirt)"
)
_PRIORITY = 57  # below the review threshold (0.6)


def find_football_clubs(st: State, add: Add) -> None:
    """Add football clubs named by their place and club word, or by a nickname (see module)."""
    text = st.text
    for m in starting_with(_NICKNAMES, text, ("Man", "Latics", "Baggies", "Spurs")):
        if st.free(*m.span()):
            add(m.start(), m.end(), "org", " ".join(phrase_key(m.group())), _PRIORITY)
    for m in _clubs(text):
        words = m.group("p").split()
        place = _place_end(st, words) or _team_name(st, text, m, words)
        if place is None:
            continue
        start = m.start("p") + m.group("p").index(place[0])
        written = text[start : m.end()]
        keys = phrase_key(written)
        if keys in st.lex.phrases.get(keys[0], ()):
            continue  # a club the vocabulary keeps ("Newcastle United": writers keep it)
        if m.group("p").islower() != m.group("w").islower():
            continue  # "in the city": a word in lower case before a club's capital, or back
        end = m.end()
        if (fc := _FC.match(text, end)) is not None:
            end = fc.end()  # "longton lions fc"
        age = _AGE_GROUP.match(text, end)
        end = end if age is None else age.end()
        if (
            end == m.end()
            and text[end : end + 2].strip()[:1].isupper()
            and text[end] == " "
            and m.group("w").lower() not in _TEAM_ONLY  # ("… Rovers Sundays": a team's)
        ):
            continue  # "Bradford City Council", "Leeds City Centre"
        town_word = m.group("w").lower() in _TOWN_WORDS
        if town_word and not written.islower():
            near = text[max(0, start - 60) : m.end() + 40]
            if not _FOOTBALL.search(near):
                continue  # "Mansfield Town" beside no football: the town, or its council
        if (
            town_word
            and written.islower()
            and not _FOOTBALL.search(text[max(0, start - 60) : start])
        ):
            continue  # "in leeds city": a child's words about the town
        if st.free(start, end):
            add(start, end, "org", " ".join(phrase_key(written)), _PRIORITY)


TEAM_WORDS = frozenset(w.lower() for w in _CLUB_WORDS.split("|")) | {"fc", "afc", "jfc", "rfc"}


def join_age_groups(st: State) -> None:
    """A team's squad by its age goes with the team found before it (``… Rovers U16``), which
    is an organisation even where a layer read it as a person's name."""
    text = st.text
    if " U" not in text:
        return
    for c in list(st.cands):
        if (
            c.kind not in ("org", "person")
            or word_key(text[c.start : c.end].split()[-1]) not in TEAM_WORDS
        ):
            continue
        age = _AGE_GROUP.match(text, c.end)
        if age is not None and st.free(c.end, age.end()):
            st.grow(c, c.start, age.end())
            c.kind = "org"


_CLUB_WORD = re.compile(rf"[ \t](?:{_CLUB_WORDS}|{_CLUB_WORDS.lower()})(?![\w'’-])")


def _clubs(text: str) -> list[re.Match[str]]:
    """``_CLUB_RE``'s matches, tried only in the 60 characters before each club word."""
    return scan_near(_CLUB_RE, [w.span() for w in _CLUB_WORD.finditer(text)], text, 60, 2)


# a club's word no town, person or thing is called: after any name, beside football, a team
_TEAM_ONLY = frozenset(
    {"rovers", "athletic", "albion", "wanderers", "rangers", "harriers", "dynamos", "colts"}
    | {"lions", "tigers", "vikings", "eagles", "hawks", "falcons", "panthers", "wolves"}
    | {"sharks", "otters", "dolphins", "bulldogs", "foxes", "stags", "hornets", "swifts"}
    | {"titans", "warriors", "raiders", "spartans", "pumas", "jaguars", "kestrels"}
)
_BEFORE_TEAM = frozenset({"the", "and", "for", "with", "at", "to", "in", "from", "of", "v", "vs"})


def _team_name(st: State, text: str, m: re.Match[str], words: list[str]) -> list[str] | None:
    """The capitalised words before a team's own word ("Hampton Park Rovers") where football
    is written just before them: a local team named by no town the gazetteer knows."""
    if m.group("w").lower() not in _TEAM_ONLY or m.group("p").islower():
        return None
    while words and word_key(words[0]) in _BEFORE_TEAM:
        words = words[1:]
    start = max(0, m.start() - 60, *(text.rfind(stop, 0, m.start()) + 1 for stop in ".!?\n"))
    if not words or not _FOOTBALL.search(text, start, m.start()):
        return None  # (football said in the same sentence, before the team)
    return words


def _place_end(st: State, words: list[str]) -> list[str] | None:
    """The last one to three words that are a place (``Tranmere``, ``West Ham``), if any."""
    for size in (3, 2, 1):
        if len(words) < size:
            continue
        tail = words[-size:]
        if tuple(word_key(w) for w in tail) in st.lex.places:
            return tail
    return None


# a group's or a congregation's noun in lower case after the name a layer took: "the Shree
# Pashupatinath temple group", "Al-Noor Sisters group", "the Bethel congregation"
_LOWER_HEAD = re.compile(
    r"[ \t]+(?:(?:temple|prayer|bible|study|support|mums|women's|womens|youth|parents)[ \t]+)?"
    r"(?:group|fellowship|congregation|temple|church|mosque|gurdwara|mandir|club|centre|hall)"
    r"(?![\w'’-])"
)


_NOUN_END = re.compile(rf"(?<![\w'’-])(?:{ORG_NOUN})\Z")


def join_lower_heads(st: State) -> None:
    """Widen an organisation to the group's noun after it in lower case, which its name's
    own words end in no organisation's noun (see ``_LOWER_HEAD``)."""
    text = st.text
    for c in st.cands:
        if c.kind != "org" or _NOUN_END.search(text, c.start, c.end):
            continue  # "Quarnley Baptist Church youth group": the church's activity, apart
        m = _LOWER_HEAD.match(text, c.end)
        if m is not None and st.free(c.end, m.end()):
            st.grow(c, c.start, m.end())
