"""Whether a known name-word is written as the person, or as a place, a word or in speech.

A record's names are also places ("Stafford"), everyday words ("Joy", "summer") and verbs
("march"); :mod:`.layer_known` asks these tests before it redacts a lone name-word. The tests of
someone's own words (said, signed, introduced, quoted) live in :mod:`.known_said`.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import (
    CALENDAR_WORDS,
    HONORIFICS,
    INSTITUTION_NOUNS,
    RELATION_CUES,
    SPEAKING_VERBS,
)
from moderator.anonymise.known_said import (
    _PLACE_BEFORE,
    _WORD_BEFORE,
    _says,
    _word_before,
    named_in_speech,
    subject_in_typed_line,
)
from moderator.anonymise.lexicon import more_places
from moderator.anonymise.places_said import IN_COUNTY, MOVED_TO, PLACE_GOES_ON
from moderator.anonymise.places_surnamed import surname_as_place
from moderator.anonymise.state import State, Tok
from moderator.anonymise.unknown_words import dictionary

# a place said as one, when a family's surname is also a town: "the town of Selkirk",
# "Selkirk police", "Selkirk Sheriff Court"
_NAMED_PLACE = re.compile(
    r"(?i:\b(?:town|village|city|county|borough|parish|island|isle)[ \t]+of[ \t]+)\Z"
)
_PUBLIC_SERVICE_AFTER = re.compile(
    r"[ \t]+(?i:police|council|sheriff[ \t]+court|magistrates|crown[ \t]+court|county[ \t]+court"
    r"|family[ \t]+court|hospital|library|leisure[ \t]+centre|railway[ \t]+station|job[ \t]?centre)"
    r"(?![\w])"
)

# Words before a name-word that make it a place or a thing: "moved to Stafford", "HMP Stafford",
# "walking in the Dale", "into the lake".
# before "of" and a place: "out of Sudbury", "north of Ipswich", "the centre of Brigg"
_PLACE_OF = frozenset(
    {"out", "outskirts", "north", "south", "east", "west", "centre", "center", "edge", "side",
     "part", "area", "parts", "town", "city", "borough", "county", "heart", "outside", "miles"}
)  # fmt: skip
_DETERMINERS = frozenset(["the", "a", "an", "this", "that"])
_LOWER_AFTER = re.compile(r"[ \t]+[\"“']?[a-z]")


def used_as_place(st: State, toks: list[Tok], i: int) -> bool:
    """Whether a lone name-word is written as a place or a thing, not as the person.

    A known name that is also a place or a word ("Stafford", "Crewe", "Dale", "Lake") is
    kept after a place preposition or a determiner, after "HMP", and after another place
    word ("Westport Lake"); a title or a given name before it makes it the person again.
    """
    t = toks[i]
    lex = st.lex
    if (
        i + 1 < len(toks)
        and t.cap
        and toks[i + 1].cap
        and (t.key, toks[i + 1].key) in lex.places
        and st.joined(t, toks[i + 1])
    ):
        return True  # "Hong Kong": the first word of a place's name, not "Wing-Hong"
    place = t.key in lex.protected_words or (t.key,) in more_places()  # ("in Coleford")
    placeish = place or t.key in lex.common
    if (
        t.cap
        and not t.poss
        and _surname_only(st, t.key)
        and (
            MOVED_TO.search(st.text, max(0, t.start - 40), t.start)
            or IN_COUNTY.match(st.text, t.end)
            or (
                ((t.key,) in lex.places or (t.key,) in more_places())
                and (
                    _NAMED_PLACE.search(st.text, max(0, t.start - 24), t.start)
                    or _PUBLIC_SERVICE_AFTER.match(st.text, t.end)
                )
            )
        )
    ):
        return True  # "moved up to Alston", "Alston, Cumbria": only a place is moved to
    if t.cap and not t.poss and _surname_only(st, t.key):
        before = _word_before(st.text, t.start)
        moved = (
            before in _PLACE_BEFORE
            and before not in _DETERMINERS
            and not (
                before == "to"
                and _word_before(st.text, st.text.rfind(before, 0, t.start)) in SPEAKING_VERBS
            )
        )
        if surname_as_place(st, toks, i, before, moved):
            return True  # "the Forest of Dean", "in Thornton", "Dover Castle" (places_surnamed)
    if t.cap and not t.poss and _surname_only(st, t.key) and _ground(st, toks, i):
        return True  # "walks the dog on the Westwood", "lives on the West Marsh"
    if t.cap and not t.poss and _surname_only(st, t.key) and PLACE_GOES_ON.match(st.text, t.end):
        # "near Darwen town centre", "moved to Ripley in Derbyshire": the town, not the family
        before = _word_before(st.text, t.start)
        if before in _PLACE_BEFORE and before not in _DETERMINERS:
            said = _word_before(st.text, st.text.rfind(before, 0, t.start))
            return not (before == "to" and said in SPEAKING_VERBS)
    if placeish or t.lower:  # (a name that is no word needs no look at the word before)
        before = _word_before(st.text, t.start)
        if (
            before in _DETERMINERS
            and not t.poss
            and not _SUBJECT_OF.match(st.text, t.end)
            and not (before == "that" and t.cap and _LOWER_AFTER.match(st.text, t.end))
        ):  # ("told me that Hope knows": a clause's subject, capitalised inside the sentence)
            return True  # "in the Dale", "into the lake" (but "the Smith boys")
        if place and before in _PLACE_BEFORE:
            # "moved to Stafford", but "spoke to Stafford" is the person
            said = _word_before(st.text, st.text.rfind(before, 0, t.start))
            return not (before == "to" and said in SPEAKING_VERBS)
        if place and before == "of":  # "move out of Sudbury", "the outskirts of Sudbury"
            return _word_before(st.text, st.text.rfind(before, 0, t.start)) in _PLACE_OF
    if i > 0 and placeish and st.joined(toks[i - 1], t):
        prev = toks[i - 1]
        return (
            prev.cap
            and prev.key in lex.protected_words
            and prev.key not in HONORIFICS
            and prev.key not in RELATION_CUES  # "Mum Joy" is the mother
            and prev.key not in CALENDAR_WORDS  # "On Friday Mercy told…": a day, then her
        )
    return False


_ON_THE = re.compile(
    r"(?i:\b(?:on|in|at|across|over|round|around|near|along|onto|off|up)[ \t]+the[ \t]+)\Z"
)
_GROUND_COMPASS = frozenset({"north", "south", "east", "west", "upper", "lower"})
_HOUSEHOLD_AFTER = re.compile(
    r"[ \t]+(?i:family|families|household|boys|girls|kids|children|twins|flat|house|home|place"
    r"|address|property|caravan|case|residence)\b"
)


def _ground(st: State, toks: list[Tok], i: int) -> bool:
    """Whether a surname is a piece of ground: after "on the" (``walks on the Westwood``) or
    after a compass word joined to it (``the West Marsh``), not a household ("the Marsh
    family")."""
    t = toks[i]
    if _HOUSEHOLD_AFTER.match(st.text, t.end):
        return False
    if i + 1 < len(toks) and toks[i + 1].cap and st.joined(t, toks[i + 1]):
        return False  # "on the Westwood Road": a street's (the address rules read it)
    if i > 0 and toks[i - 1].cap and toks[i - 1].key in _GROUND_COMPASS:
        return st.joined(toks[i - 1], t) and not toks[i - 1].upper
    return _ON_THE.search(st.text, max(0, t.start - 12), t.start) is not None


def _surname_only(st: State, key: str) -> bool:
    """Whether a word is one of the record's surnames and none of its given names."""
    known = st.known
    return key in known.surname_owners and key not in known.given_keys


# after a name that is also an everyday word, words that make it the word: "Joy at the news",
# "Hope for the future", "Faith in them"
_WORD_USE_AFTER = re.compile(
    r"[ \t]+(?:(?:at|of|in|on|for|about|over|towards)[ \t]+(?:the|a|an|this|that|his|her|their"
    r"|my|our|them|him|it|us|me|you|all|being|having|[a-z]+ing)"
    # ("Summer in a good mood", "Angel in her own words": a person's state, the name)
    r"(?![^.\n]{0,20}\b(?:mood|temper|strop|clothes|uniform|pyjamas|words|tears|bed)\b)"
    r"|is[ \t]+(?:a|the)"
    # ("Summer is a happy, chatty child": a person described, the name)
    r"(?![^.\n]{0,30}\b(?:child|girl|boy|baby|toddler|teenager|pupil|student|learner|daughter"
    r"|son|sister|brother|sibling|young[ \t]+(?:person|man|woman|lady|carer)|mum|mother"
    # a role a person holds: "Grace is a prefect", "Hope is a member of the choir"
    r"|prefect|monitor|captain|member|leader|friend|carer|fan|player|reader|singer|dancer"
    r"|footballer|swimmer|helper|volunteer|twin|parent|father|dad|grandmother|grandfather"
    r"|cousin|niece|nephew|aunt|uncle|twin|patient|client|resident|care[ \t]+leaver"
    # ("Mason is a victim of …", "Grace is a devout Christian", "Summer is the youngest")
    r"|victim|survivor|[Cc]hristian|[Mm]uslim|[Cc]atholic|[Hh]indu|[Ss]ikh|youngest|eldest|oldest"
    r"|[a-z]+-year-old)\b))\b"
)


# a rating's colour, by the words around it: "RAG: Amber", "rated her Amber", "Amber rating"
_RATED_BEFORE = re.compile(r"(?i:\b(?:rag|rated|rating|graded|grade|scored)\b[^.\n]{0,12})\Z")
_RATING_AFTER = re.compile(
    r"[ \t]*[-/]?[ \t]*(?i:rating|rated|risk|level|flag|alert|traffic|day|zone|status|category)\b"
)


# a rating given after a colon: "Initial risk: AMBER", "RAG at last review: Amber"
_RATED_AFTER_COLON = re.compile(
    r"(?i:\b(?:rag|rating|risk|status|level|grade)\b[^.\n:]{0,24}:[ \t]*)\Z"
)


# another rating's colour on the same line, written the same way: "Money AMBER, Health GREEN"
_COLOUR_UPPER = re.compile(r"(?<![\w'’-])(?:RED|GREEN|AMBER)(?![\w'’-])")
_COLOUR_CAPITAL = re.compile(r"(?<![\w'’-])(?:Red|Green|Amber)(?![\w'’-])")


def _a_rating(text: str, t: Tok) -> bool:
    if (
        _RATED_BEFORE.search(text, max(0, t.start - 30), t.start)
        or _RATING_AFTER.match(text, t.end)
        or _RATED_AFTER_COLON.search(text, max(0, t.start - 40), t.start)
    ):
        return True
    colour = _COLOUR_UPPER if t.upper else _COLOUR_CAPITAL
    line_start = text.rfind("\n", 0, t.start) + 1
    line_end = text.find("\n", t.end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, t.start - 40) : t.start]
    after = text[t.end : min(line_end, t.end + 40)]
    # a list of ratings: the other colour is separated by a comma, a semicolon or a bar
    return any(
        colour.search(part) is not None and any(p in part for p in ",;|/")
        for part in (before, after)
    )


# names that are times of day or year, and the words that make them the time: "before dawn"
# a building's use before a surname that names buildings too ("Youth Hall", "Church House")
_BUILDING_BEFORE = frozenset(
    {"youth", "church", "village", "town", "community", "scout", "sports", "parish", "memorial"}
    | {"methodist", "market", "civic", "miners", "drill", "concert", "city", "county", "guild"}
)
_POSSESSOR_BEFORE = re.compile(r"\b[a-z]{2,}['’]s[ \t]+\Z")
_TIMES = frozenset({"dawn", "dusk", "summer", "spring", "autumn", "winter", "easter"})
# names that are verbs taking a clause, and the subjects that open one: a name is never
# followed straight by "he" or "this" ("Hope he keeps this up"; "Hope said he…" is the name)
_VERB_NAMES = frozenset({"hope", "will", "may", "mark", "pat", "sue", "rob", "grant", "wade"})
_VERB_SUBJECTS = frozenset({"i", "we", "they", "just", "really", "do", "dont", "don't", "still"})
_SUBJECT_AFTER = re.compile(
    r"[ 	]+(?:he|she|they|you|u|we|it|this|that|these|everyone|everything|all|things)"
    r"(?:['’][a-z]+)?[ 	]"
)
# modal verbs that are names too, and what follows a name but never a modal ("will is", "may
# said", "will and i")
_MODALS = frozenset({"will", "may", "can", "must", "shall"})
_AFTER_A_NAME = frozenset(
    {"is", "was", "has", "had", "and", "said", "says", "told", "tells", "does", "did"}
    | {"or", "who", "whose", "to", "at", "in", "on", "from", "with", "isn't", "wasn't", "hasn't"}
)
_PAGE_NUMBER = re.compile(r"[ \t]+\d{1,3}(?:[ \t]*(?:of|/)[ \t]*\d{1,3})?(?![\w/])")
_NEXT_WORD = re.compile(r"[ \t]+(?:not[ \t]+)?([a-z]+)(?![\w'’-])")


def _modal_use(text: str, end: int, words: frozenset[str]) -> bool:
    """Whether the word ending at ``end`` is followed by a verb's bare form, as a modal is."""
    nxt = _NEXT_WORD.match(text, end)
    if nxt is None:
        return False
    word = nxt.group(1)
    return (
        word not in _AFTER_A_NAME
        and not word.endswith("ed")
        and not (word.endswith("s") and not word.endswith("ss"))
        and word in words
    )


_TIME_BEFORE = frozenset({"before", "after", "until", "till", "since", "during"})
_COPULAS = frozenset({"was", "is", "are", "were", "be", "been", "being", "so", "very", "too"})


def used_as_word(st: State, toks: list[Tok], i: int) -> bool:
    """Whether a lone known name-word is written as a place or a thing, not as the person:
    :func:`used_as_place`, or a name that is an everyday word opening a sentence and followed
    by a preposition ("Joy at the news was plain"), where its capital proves nothing."""
    t = toks[i]
    if t.lower and _word_before(st.text, t.start) == "that" and subject_in_typed_line(st, t):
        return False  # "he told me … and that dean shouts at mummy": whom it is about
    if used_as_place(st, toks, i):
        return True
    if st.protected[i] and (not t.upper or _surname_only(st, t.key)):
        # "Grace period", "Hope Street", "my saving grace": a protected phrase's word; in
        # capitals too when the word is only a surname ("FOSTER CARER LOG", the Fosters')
        return True
    if (
        i > 0
        and t.cap
        and toks[i - 1].key in _BUILDING_BEFORE
        and toks[i - 1].cap
        and st.joined(toks[i - 1], t)
        and _surname_only(st, t.key)
    ):
        return True  # "St Michael's Youth Hall", "the Village Hall": a building, the Halls' name
    if (
        t.key in _VERB_NAMES
        and not t.upper
        and _SUBJECT_AFTER.match(st.text, t.end)
        and (st.sent(t) or _word_before(st.text, t.start) in _VERB_SUBJECTS)
    ):
        return True  # "Hope he keeps this up", "we hope this helps": the verb, a clause after
        # (not "told Sue that", "visit Hope this week": the name, an object)
    if t.key == "page" and _PAGE_NUMBER.match(st.text, t.end):
        return True  # "Page 1 of 3": a document's page, not the Pages
    if t.lower and t.key in _MODALS and _modal_use(st.text, t.end, st.lex.words):
        return True  # 'he "will stop going"', "we may need": the verb before a verb, not Will
    if t.key in _TIMES and _word_before(st.text, t.start) in _TIME_BEFORE:
        return True  # "got home before dawn", "until summer": a time of day or year
    if t.key == "amber" and _a_rating(st.text, t):
        return True  # "rated her Amber", "Amber traffic-light day": the rating's colour
    if t.upper and t.key in st.lex.words and _word_before(st.text, t.start) in _COPULAS:
        return True  # "HE WAS BLUNT AS EVER": a form in capitals, the word after a copula
    if (
        t.lower
        and t.key in st.lex.words
        and _POSSESSOR_BEFORE.search(st.text, t.start - 24, t.start)
    ):
        return True  # "everyone's patience", "the family's hope": a thing someone has
    if t.lower and t.key in dictionary() and _infinitive(st.text, t.start):
        return True  # "we had to wade through": a verb
    # "her indigo hoodie", "asked for comfort", "has bold claims": the word, not the name
    before = _word_before(st.text, t.start) if t.lower else ""
    if (
        before in _WORD_BEFORE
        # a word no dictionary holds after "of", "for" or "has" is the name ("the mother of
        # ionut"); after a determiner it may be a word of another language ("her haf")
        and (before in _DETERMINED or t.key in st.lex.words or t.key in dictionary())
        and not named_in_speech(st, t)
        and not _says(st, t)
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
        and t.key not in _COUNTED_THINGS
        and st.sent(t)
        and _WORD_USE_AFTER.match(st.text, t.end) is not None
    )


# names that are things one counts (a gem, a plant, a bird): as words they need an article
# to open a sentence ("A ruby on the ring"), so a capital opening one is the name ("Ruby on a
# Child Protection plan", "Holly at contact"); unlike "Joy at the news", "Summer in the park"
_COUNTED_THINGS = frozenset(
    {"ruby", "jade", "crystal", "holly", "ivy", "poppy", "daisy", "jasmine", "violet", "iris"}
    | {"willow", "hazel", "pearl", "ebony", "saffron", "sienna", "olive", "heather", "lily"}
    | {"robin", "rowan", "aspen", "juniper", "clover", "bluebell", "primrose", "marigold"}
    | {"tulip", "fern", "wren", "kestrel", "raven", "phoenix", "jasper", "opal", "coral"}
)


# verbs before "to" that make the lower-case word after it a verb: "had to wade", "want to march"
_INFINITIVE_BEFORE = frozenset(
    {"had", "have", "has", "having", "need", "needs", "needed", "want", "wants", "wanted"}
    | {"going", "used", "able", "try", "tried", "trying", "got", "ought", "supposed"}
)


def _infinitive(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows "to" after a verb that takes one ("had to …")."""
    if _word_before(text, start) != "to":
        return False
    return _word_before(text, text.rfind("to", 0, start)) in _INFINITIVE_BEFORE


# lower-case words before a name-word that make it the word: "her indigo hoodie", "for comfort"
# a verb after a capitalised name-word after "that": the name is the clause's subject ("we
# agreed that Gift will attend"), "that" no determiner
_SUBJECT_OF = re.compile(
    r"[ \t]+(?:will|would|was|is|has|had|can|could|should|may|might|must|said|says|did|does"
    r"|wants|wanted|needs|needed|went|goes)\b"
)
_DETERMINED = frozenset({"her", "his", "their", "my", "your", "our", "the", "a", "an", "this"})
