"""Organisations written all in lower case, as children and texts write them.

``bedworth rfc``, ``catshill vale surgery``, ``boston pioneer youth club``, ``bromsgrove
baptist``, ``little owls pre-school dodford``: a head noun of a club, practice, place of worship,
school or firm in lower case, after one to three lower-case words of which one at least is a
place or no everyday word (so ``the youth club`` and ``my old school`` stay). A place written
straight after the head goes with it. Looked for from the head word (a note rarely has one).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from moderator.anonymise.lexicon import Lexicon, frequent_word, more_places, phrase_key, word_key
from moderator.anonymise.nearby import starting_with_folded
from moderator.anonymise.orgs_clubs import TEAM_WORDS
from moderator.anonymise.references import lowered
from moderator.anonymise.state import UNSURE, State

# head words and the kind of name they end
_HEADS: dict[str, str] = {
    "surgery": "gp_practice",
    "medical centre": "gp_practice",
    "medical practice": "gp_practice",
    "health centre": "gp_practice",
    # session 62: "registered at flatt walks medical group", "the bevan house practice"
    "medical group": "gp_practice",
    "practice": "gp_practice",
    # "on the hirst moor estate" (not "the industrial estate": everyday words)
    "estate": "address",
    "primary": "school",
    "pru": "school",
    "academy": "school",
    "juniors": "school",
    "infants": "school",
    "college": "school",
    "pre-school": "school",
    "preschool": "school",
    "nursery": "school",
    "school": "school",  # ("st marks school"; "my old school", "high school" stay: no name)
}
_ORG_HEADS = (
    "playgroup", "creche", "logistics", "contracting", "rfc", "afc", "fc", "jfc", "abc", "baptist", "methodist",
    "pentecostal", "mosque", "masjid", "gurdwara", "mandir", "church", "chapel", "youth club",
    "boxing club", "football club", "cricket club", "community centre", "takeaway", "barbers",
    "rovers", "united", "harriers", "colts", "foodbank", "food bank",
    "grill", "mini market", "minimarket", "cafe", "café", "restaurant", "chippy", "bakery",
    "club", "boxing", "kickboxing", "gym", "temple", "nails", "tigers", "lions", "bulls", "dynamos",
    "rangers",
    # round twenty-six: teams and trades a child or a text names ("oakfield vikings", "pellow
    # tyres", "kingsmead lettings")
    "vikings", "eagles", "hawks", "falcons", "panthers", "wolves", "sharks", "athletic",
    "wanderers", "albion", "tyres", "lettings", "motors", "stores", "carwash", "car wash",
    "taxis", "cabs", "kebabs", "pizza",
    # round twenty-seven
    "nursing home", "shop",
    # round thirty-nine: "at cobholm youth hub"
    "youth hub",
    # round forty-nine: "badminton at st crispins leisure centre"
    "leisure centre", "sports centre",
    # session sixty: trades and services a dictated note names ("thirty hours at gill banks
    # garage", "nights at hollinwood meats", "the housing officer from brindle homes")
    "garage", "autos", "joinery", "foods", "meats", "butchers", "builders", "roofing",
    "scaffolding", "construction", "plumbing", "homes", "pantry", "spice",
    "tandoori", "carpets", "removals", "recycling", "warehouse", "packaging",
    # session sixty-one: the firms, centres and services a dictated note names ("her solicitor
    # at tyne valley family law", "the imam at tynedale islamic centre", "an interpreter
    # through northside language services", "drama club at the montgomery youth theatre")
    "solicitors", "family law", "law", "islamic centre", "cultural centre",
    "language services", "interpreting services", "youth theatre", "theatre", "drama group",
    "dance academy", "dance school",
    # session sixty-three: agencies and landlords ("nights for primeforce staffing")
    "staffing", "housing association", "lettings agency",
    # session sixty-four: firms a dictated note names by their trade ("nights at sky freight
    # logistics", "a labourer for mcgovern groundworks", "run by oakfield supported living")
    "groundworks", "haulage", "freight", "solutions", "supported living",
)  # fmt: skip
# a team's or a club's word: the words before it name a club unless everyday words ("sankey
# vikings", "springfield rovers", "headland boxing club"; not "the power rangers")
_TEAMS = TEAM_WORDS | {"bulls", "boxing club", "football club", "cricket club", "rugby club"}
_TEAMS |= {"judo club", "karate club", "swimming club"}
# a business's or a church's head: two words before it name one though both are everyday
# words ("the golden dragon takeaway", "new life church"; not "the chinese takeaway")
# two words before a head that name a kind of place, not one place ("the sixth form college")
_KINDS_OF_PLACE = frozenset(
    {"sixth form", "further education", "after school", "pupil referral", "special needs"}
    | {"breakfast club", "community primary", "junior school", "infant school", "youth work"}
)
_SHOPS = frozenset(
    {"takeaway", "grill", "mini market", "minimarket", "cafe", "café", "restaurant", "chippy"}
    | {"bakery", "barbers"}
)
_NAMED_BY_TWO = _SHOPS | frozenset(
    {"church", "chapel", "mosque", "masjid"}
    | {"college", "primary", "academy", "infants", "juniors", "pru", "boxing club"}
    | {"football club", "youth club"}
    # round forty-seven: "i go to ore valley boxing", "a letter from vale lettings"
    | {"boxing", "kickboxing", "lettings", "motors", "tyres", "taxis", "cabs"}
    # session 63: "tiny steps nursery" (not "the private day nursery": _PLAIN_NURSERY)
    | {"nursery", "pre-school", "preschool"}
    # session 64: a firm or a practice named by two everyday words ("sky freight logistics",
    # "the bell house surgery"; not "the gp surgery", "the local dental practice": _PLAIN_FIRM)
    | {"logistics", "freight", "haulage", "solutions", "groundworks", "surgery", "practice"}
)
# the words that say what kind of firm or practice it is, not which one
_PLAIN_FIRM = frozenset(
    {"gp", "gps", "doctors", "doctor's", "doctors'", "dental", "dentist", "dentists", "vets"}
    | {"local", "village", "family", "general", "medical", "health", "nhs", "main", "same"}
    | {"other", "walk", "in", "out", "hours", "private", "practice", "surgery", "it", "web"}
    | {"software", "tech", "business", "storage", "road", "sea", "air", "rail", "building"}
    | {"housing", "money", "debt", "energy", "care", "home", "legal", "learning", "print"}
)
# the words that say what kind of nursery it is, not which one
_PLAIN_NURSERY = frozenset(
    {"day", "private", "council", "baby", "babies", "work", "workplace", "hospital", "funded"}
    | {"free", "hours", "time", "full", "part", "plant", "plants", "tree", "trees", "garden"}
    | {"two", "three", "year", "olds", "sure", "start", "montessori", "forest", "nhs"}
)
# a firm's or a cafe's head after one everyday word, the name's, where a preposition comes
# right before it ("from vale lettings", "pancakes at bramble cafe"; not "at the cafe",
# "at the hospital cafe", "at school cafe": a kind of place, below)
_NAMED_BY_ONE = frozenset(
    {"lettings", "motors", "tyres", "taxis", "cabs", "cafe", "café", "bakery"}
    # session 64: "a lorry driver for fen freight", "a labourer for mcgovern groundworks"
    | {"freight", "haulage", "logistics", "groundworks", "solutions"}
)
# a school's faith between its saint and its head ("st brendans catholic primary")
_FAITHS = frozenset({"catholic", "rc", "cofe", "methodist", "anglican", "junior", "infant"})
_SAINT_BEFORE = re.compile(r"(?<![\w'’-])(st|saint)[ \t]\Z")
_FIRM_HEADS = frozenset(
    {"logistics", "freight", "haulage", "solutions", "groundworks", "surgery", "practice"}
)
# a street's word after the head: "church st", "chapel road" are streets, not the church
_STREET_AFTER = re.compile(r"[ \t]+(?i:st|street|rd|road|lane|ln|close|walk|row|hill|view|way)\b")
_LITTLE_HEADS = frozenset({"nursery", "pre-school", "preschool", "playgroup", "creche"})
# what "little … nursery" says of a nursery that is no name ("the little ones nursery")
_LITTLE_PLAIN = frozenset({"one", "ones", "kids", "children", "people", "baby", "babies", "local"})
_PLAIN_PLACES = frozenset(
    {"school", "hospital", "station", "park", "beach", "work", "college", "town", "village"}
    | {"street", "corner", "family", "kids", "youth", "community", "breakfast", "internet"}
    | {"chip", "kebab", "pizza", "car", "greasy", "sandwich", "museum", "library", "church"}
    | {"garden", "centre", "leisure", "sports", "seaside", "motorway", "hotel", "cat", "dog"}
)
# the heads of trades, named by what they sell as often as not
_TRADES = _SHOPS | {"kebabs", "pizza", "nursing home", "shop"}
_ALL_HEADS = tuple(sorted((*_HEADS, *_ORG_HEADS), key=len, reverse=True))
# the heads of one plain word in lower case: a match of one's pattern (a space before it, no
# word character after) is one of the note's words (references.lowered), a look-up; the
# others are looked for as written
_HEAD_FIRSTS = frozenset(h.split()[0] for h in _ALL_HEADS)
_WORD_HEADS = frozenset(h for h in _ALL_HEADS if h.isascii() and h.isalpha() and h.islower())


@lru_cache(maxsize=64)
def _head_re(head: str) -> re.Pattern[str]:
    """The pattern of one head word, after its space ("(?P<h>…)" the head)."""
    return re.compile(" (?P<h>" + re.escape(head).replace("\\ ", "[ \\t]") + r")(?![\w'’-])")


_WORD_BEFORE = re.compile(r"[a-z][a-z'’-]*\Z")
_AFTER = re.compile(r"[ \t]([a-z][a-z'’-]+)(?![\w'’-])")
# words that end the name going back: what a sentence puts before a name
_STOPS = frozenset(
    {"the", "a", "an", "at", "to", "my", "his", "her", "our", "their", "your", "in", "on",
     "from", "with", "and", "of", "for", "by", "is", "was", "go", "goes", "went", "i", "we",
     "he", "she", "they", "it", "this", "that", "old", "new", "local", "big", "little", "after",
     "before", "not", "since", "till", "until", "about", "like", "into", "near", "outside",
     "behind", "than", "or", "but", "so", "no", "any", "some",
     # round forty-seven: what a sentence does before a sport ("could do boxing", "lets me do
     # boxing", "can start boxing")
     "do", "doing", "does", "did", "me", "him", "them", "us", "you", "start", "started",
     "starting", "try", "tried", "play", "playing", "fake", "remove",
     # the marks dictation says: "new paragraph hoad view nursery", "comma health visitor"
     "paragraph", "comma", "stop", "line",
     # prepositions and a request before a service: "requested through northside language …"
     "through", "via", "requested", "referred", "booked", "called",
     # the ways a walk passes a place: "walk along church st", "past the chapel"
     "along", "past", "opposite", "around", "round", "across", "towards", "beside", "down",
     "up", "over",
     # session 63: what a child does at a nursery ("attends tiny steps nursery")
     "attends", "attend", "attended", "attending", "joined", "joins", "loves", "likes", "hates",
     # and what a sentence has before one ("Ayaan now has nursery funding")
     "has", "have", "had", "now", "gets", "got", "get", "needs", "need", "wants", "want",
     "will", "would", "could", "should", "can", "may", "might", "are", "be", "been"}
)  # fmt: skip


def _without_overrun(found: list[re.Match[str]]) -> list[re.Match[str]]:
    """``found`` less each match that another starts inside (or at its end) and goes on past:
    only the matches starting there are looked at, not all (a long note of heads took
    seconds)."""
    spans = sorted((n.start(), n.end()) for n in found)
    starts = [a for a, _ in spans]
    return [
        m
        for m in found
        if not any(
            spans[k][1] > m.end()
            for k in range(bisect_left(starts, m.start()), bisect_right(starts, m.end()))
        )
    ]


def find_lower_organisations(st: State) -> None:
    """Add organisations, schools and practices written all in lower case."""
    text = st.text
    lex = st.lex
    places = more_places()
    note_words = lowered(text)[1]
    # quick: most notes hold none of them (a head left out here has no match)
    heads = [h for h in _ALL_HEADS if (h in note_words if h in _WORD_HEADS else h in text)]
    for m in _head_re("club").finditer(text) if " club" in text else ():
        _capitalised_name(st, m)  # ("after-school club" in lower case is no name)
    if "(" in text:
        _bracketed_after_school(st)
    if "st " in text or "saint " in text:
        _lower_saints(st, places)
    if " called " in text or " named " in text:
        _called(st)
    if not heads:
        return
    found = [m for h in heads for m in _head_re(h).finditer(text)]
    # the head goes on: "longton lions fc", "clifton park boxing club" (the longer is the head)
    found = _without_overrun(found)
    for m in sorted(found, key=lambda m: m.start()):
        start = m.start() + 1
        words: list[tuple[int, str]] = []
        at = m.start()
        stop = ""
        while len(words) < 3:
            w = _WORD_BEFORE.search(text, max(0, at - 24), at)
            stop = w.group() if w is not None else ""
            if w is None or w.group() in _STOPS or (w.start() and text[w.start() - 1] not in " ("):
                if w is not None and w.group() in ("little", "old", "new", "big") and words:
                    words.insert(0, (w.start(), w.group()))  # "little owls …": part of it
                break
            if w.start() and text[w.start() - 1] == "(":  # "(mount calvary church)": its first
                words.insert(0, (w.start(), w.group()))
                break
            words.insert(0, (w.start(), w.group()))
            at = w.start() - 1
            if at < 0 or text[at] != " ":
                break
        if not words:
            continue
        if len(words) == 3 and words[1][1] in _FAITHS:
            saint = _SAINT_BEFORE.search(text, max(0, words[0][0] - 8), words[0][0])
            if saint is not None:  # "st brendans catholic high school": four words
                words.insert(0, (saint.start(), saint.group(1)))
        keys = [word_key(w) for _, w in words]
        start, end = words[0][0], m.end()
        after = _AFTER.match(text, end)
        placed_after = after is not None and (
            phrase_key(after.group(1)) in places or phrase_key(after.group(1)) in lex.places
        )
        if placed_after and after is not None:
            end = after.end()  # "… pre-school dodford": its village
        head = " ".join(m.group("h").split())
        plain = [k for k in keys if k not in ("little", "old", "new", "big")]
        named = (
            placed_after
            or keys[0] in ("st", "saint")
            or (
                head in _NAMED_BY_TWO
                and len(keys) >= 2
                and " ".join(keys[-2:]) not in _KINDS_OF_PLACE
                and not (head in _FIRM_HEADS and any(k in _PLAIN_FIRM for k in keys))
                and (len(plain) >= 2 or (keys[0] == "new" and head in ("church", "chapel")))
                and not (
                    head in _LITTLE_HEADS
                    and any(
                        k in _PLAIN_NURSERY or k in _PLAIN_PLACES or k in _LITTLE_PLAIN
                        for k in keys
                    )
                )
            )
            or any((k,) in lex.places or (k,) in places or _no_word(k, lex) for k in keys)
            or (head in _TEAMS and not any(k in lex.common or frequent_word(k) for k in keys))
            or (
                # "at little owls nursery", "little acorns pre-school": the usual way to
                # name a nursery is "little" and one word (not "little village nursery")
                head in _LITTLE_HEADS
                and len(keys) == 2
                and keys[0] == "little"
                and keys[1] not in _PLAIN_PLACES
                and keys[1] not in _STOPS
                and keys[1] not in _LITTLE_PLAIN
            )
            or (
                head in _NAMED_BY_ONE
                and len(keys) == 1
                and (
                    stop in ("at", "from", "to", "with") or (stop == "for" and head in _FIRM_HEADS)
                )
                and keys[0] not in _PLAIN_PLACES
                and keys[0] not in _PLAIN_FIRM
                and keys[0] not in _STOPS
            )
        )
        if not named or any(
            k in lex.protected_words
            and (k,) not in lex.places
            and k not in _FAITHS
            and (k not in _HEAD_FIRSTS or k == keys[0])  # ("st michaels church pantry")
            for k in keys
        ):
            continue
        if _STREET_AFTER.match(text, m.end()):
            continue  # "church st", "chapel lane": the head names a street, for the address layers
        if head in ("leisure centre", "sports centre") and all(
            (k,) in lex.places or (k,) in places for k in keys
        ):
            continue  # "outside Workington leisure centre": the town's own, a public place
        kind = _HEADS.get(head, "org")
        if st.free(start, end):
            st.take(start, end, kind, "lower:" + " ".join(keys), 50, 0.75)
    for m in found:
        _capitalised_name(st, m)


# a church or school named by its saint, in lower case and with no head: "a friend from church
# at st columba's", "he was fine at st marys" (a dictated note or a child's words)
_LOWER_SAINT = re.compile(
    r"(?<![\w'’-])(?:st|saint)[ \t]+(?P<n>[a-z][a-z]{2,})(?:'s|’s|s)(?![\w'’-])"
)


def _lower_saints(st: State, places: frozenset[tuple[str, ...]]) -> None:
    """A saint's name with its possessive after a lower-case "st": not a town ("st helens",
    "st albans"), nor a street's short word before an everyday word ("church st bus stop")."""
    lex = st.lex
    for m in _LOWER_SAINT.finditer(st.text):
        name = m.group("n")
        whole = ("st", m.group().split()[-1].lower())
        if whole in lex.places or whole in places or ("saint", whole[1]) in lex.places:
            continue
        if name not in lex.given and (
            name in lex.common or frequent_word(name) or name in lex.protected_words
        ):
            continue  # "st ones", "st things": no saint ("st marys" is one)
        before = _WORD_BEFORE.search(st.text, max(0, m.start() - 24), max(0, m.start() - 1))
        if before is not None and m.start() - 1 == before.end() and before.group() not in _STOPS:
            continue  # "church st barrys shop": a street's short word, then a name
        after = _AFTER.match(st.text, m.end())
        if after is not None and (after.group(1) in _HEAD_FIRSTS or after.group(1) in _FAITHS):
            continue  # "st marks school", "st brendans catholic primary": the head's layer
        if _STREET_AFTER.match(st.text, m.end()):
            continue  # "on st oswalds rd": a street, for the address layers
        if st.text.startswith(" ambulance", m.end()):
            continue  # "st johns ambulance": the national charity
        if st.free(m.start(), m.end()):
            st.take(m.start(), m.end(), "org", "lower:st " + name, 50, 0.7)


# a place of business named after "called", in lower case: "the polish and romanian shop
# called alimentara dacia", "a club called kells abc"
_CALLED = re.compile(
    r"(?<![\w'’-])(?P<h>shop|cafe|café|business|restaurant|takeaway|club|gym|church|company|firm"
    r"|charity|centre|nursery|school|pub|bar|salon|garage|mosque|group|agency|employer|landlord"
    r"|association|project|service|practice|team|academy|college|agent|agents)[ \t]+(?:called|named)"
    r"[ \t]+(?P<n>[a-z][\w'’-]*(?:[ \t]+[a-z][\w'’-]*){0,2})"
)
_CALLED_STOPS = _STOPS | {"he", "she", "they", "who", "which", "where", "full", "comma", "now"}


def _called(st: State) -> None:
    """A lower-case name after a business's or a club's word and "called": up to three words,
    to the first word a sentence goes on with, one of them no everyday word."""
    lex = st.lex
    for m in _CALLED.finditer(st.text):
        words = m.group("n").split()
        kept = []
        for w in words:
            if w in _CALLED_STOPS:
                break
            kept.append(w)
        if not kept or not any(_no_word(word_key(w), lex) for w in kept):
            continue
        start = m.start("n")
        end = start + len(" ".join(kept))
        if st.text[start:end] != " ".join(kept):
            end = st.text.index(kept[-1], start) + len(kept[-1])
        kind = "school" if m.group("h") in ("nursery", "school") else "org"
        if st.free(start, end):
            st.take(start, end, kind, "lower:" + " ".join(kept), 50, 0.7)


# a scouting or guiding group, named by its number and place: "3rd cowes scouts",
# "1st Hartlepool Brownies", "14th Swindon (St Mark's) Cubs"
_TROOP = re.compile(
    r"(?i)(?<![\w-])\d{1,2}(?:st|nd|rd|th)[ \t]+(?:[A-Za-z(][\w'’()-]*[ \t]+){1,3}"
    r"(?:scouts|scout[ \t]+group|cubs|brownies|guides|beavers|rainbows|explorers)(?![\w-])"
)


_GUESSES = frozenset({"person", "org"})


def find_troops(st: State) -> None:
    """Add scouting and guiding groups named by number and place (cased or not)."""
    text = st.text
    folded = text.lower()
    if not any(w in folded for w in ("scout", "cubs", "brownies", "guides", "beavers", "rainbows")):
        return
    for m in _TROOP.finditer(text):
        st.give_way(m.start(), m.end(), _GUESSES, 100)  # ("Cowes Scouts" read alone first)
        if st.free(m.start(), m.end()):
            st.take(m.start(), m.end(), "org", "troop:" + m.group().lower(), 50, 0.8)


# a school's name in brackets after the word: "at school (roman hill)", "nursery (Little Gems)"
_SCHOOL_BRACKET = re.compile(
    r"(?i:\b(?:school|nursery|college|academy|primary))[ \t]*\((?P<n>[A-Za-z][A-Za-z'’ -]{2,40})\)"
)
_SCHOOL_STARTS = ("school", "nursery", "college", "academy", "primary")


_NOT_NAMES = frozenset({"roll", "only", "am", "pm", "days", "mornings", "afternoons", "term"})


def _bracketed_after_school(st: State) -> None:
    """A name in brackets right after a school's word: two words or more, or one no list
    knows; not a role, a year group or a kind of school ("school (DSL)", "(mainstream)")."""
    text = st.text
    lex = st.lex
    for m in starting_with_folded(_SCHOOL_BRACKET, text, _SCHOOL_STARTS):
        name = m.group("n")
        if text[m.start()].isupper() and name.split()[-1].lower() not in ("campus", "site"):
            continue  # "Danum Vale Academy (written report)": a named school, then a remark
        keys = phrase_key(name)
        if not keys or any(k in lex.protected_words or k.upper() in lex.acronyms for k in keys):
            continue
        if any(keys[:n] in lex.phrases.get(keys[0], ()) for n in range(2, len(keys) + 1)):
            continue  # "Academy (alternative provision)": a protected phrase, what it is
        if len(keys) < 2 and (keys[0] in lex.words or keys[0] in lex.common):
            continue
        if any(k in _STOPS or k in _NOT_NAMES for k in keys):
            continue  # "school (on roll)", "nursery (am only)"
        start, end = m.span("n")
        if st.free(start, end) or all(
            c.kind in ("person", "org") and c.confidence < 0.8
            for c in st.cands
            if c.start < end and start < c.end
        ):
            for c in [c for c in st.cands if c.start < end and start < c.end]:
                st.cands.remove(c)
                st.taken[c.start : c.end] = bytes(c.end - c.start)
            st.take(start, end, "school", "lower:" + " ".join(keys), 50, 0.62)


def _no_word(key: str, lex: Lexicon) -> bool:
    """A word no list knows, as a name is: not "after-school" (two everyday words), nor an
    abbreviation without a vowel ("wks nails")."""
    if key in lex.words or key in lex.common or not any(c in "aeiouy" for c in key):
        return False
    return not all(p in lex.words or p in lex.common for p in key.split("-"))


_CAPITALISED_BEFORE = re.compile(r"(?:[A-Z][\w'’-]*[ \t]){1,3}\Z")
# (a dash between blanks opens a log's entry: "Mon - Emailed school (…)")
_SENTENCE_BEFORE = re.compile(r"(?:\A|[.!?:;\n\"“(]|[ \t][-–—]|\b(?:I|She|He|We|They))[ \t]*\Z")


def _capitalised_name(st: State, m: re.Match[str]) -> None:
    """A name of capitalised words before a head written in lower case: "started at Little
    Acorns nursery", "goes to Tiny Tots playgroup" (not opening a sentence, none of them a
    protected word: "the Polish club" stays)."""
    text = st.text
    name = _CAPITALISED_BEFORE.search(text, max(0, m.start() - 60), m.start() + 1)
    if name is None:
        return
    start, end = name.start(), m.end()
    if _SENTENCE_BEFORE.search(text, max(0, start - 6), start):
        return
    inside = [c for c in st.cands if c.start < end and start < c.end]
    if any(c.start < start or c.kind not in ("person", "org") for c in inside):
        return  # taken by a surer layer, or reaching before the name
    keys = phrase_key(text[start : m.start()])
    lex = st.lex
    head = " ".join(m.group("h").split())
    whole = phrase_key(text[start:end])
    if whole in lex.phrases.get(whole[0], ()):
        return  # "Breakfast club": a phrase of the vocabulary, whole
    protected = [k in lex.protected_words and (k,) not in lex.places for k in keys]
    # a trade's name may hold a protected word beside others ("Spice Garden takeaway"); all
    # of them protected describe it ("the Indian restaurant")
    if not keys or (all(protected) if head in _TRADES else any(protected)):
        # ("the Polish club", "Roma Pentecostal church": no name, and a guess that it was one
        # goes; "St Peter's Church youth club": a name a surer layer read is left to it)
        for c in inside:
            if c.confidence < UNSURE:
                st.cands.remove(c)
                st.taken[c.start : c.end] = bytes(c.end - c.start)
        return
    for c in inside:  # a guess that "Tiny Tots" is a person, or "Hilltop Boxing" a name alone
        st.cands.remove(c)
        st.taken[c.start : c.end] = bytes(c.end - c.start)
    st.take(start, end, _HEADS.get(head, "org"), "named:" + " ".join(keys), 50, 0.75)
