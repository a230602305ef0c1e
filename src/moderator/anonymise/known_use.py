"""Whether a known name-word is written as the person, or as a place, a word or in speech.

A record's names are also places ("Stafford"), everyday words ("Joy", "summer") and verbs
("march"); :mod:`.layer_known` asks these tests before it redacts a lone name-word.
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
from moderator.anonymise.lexicon import more_places
from moderator.anonymise.names_lower import in_typed_line
from moderator.anonymise.places_said import IN_COUNTY, MOVED_TO, PLACE_GOES_ON
from moderator.anonymise.places_surnamed import surname_as_place
from moderator.anonymise.state import State, Tok
from moderator.anonymise.unknown_words import a_word, dictionary

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
_LOWER_AFTER = re.compile(r"[ \t]+[\"“']?[a-z]")


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


def _surname_only(st: State, key: str) -> bool:
    """Whether a word is one of the record's surnames and none of its given names."""
    known = st.known
    return key in known.surname_owners and key not in known.given_keys


# after a name that is also an everyday word, words that make it the word: "Joy at the news",
# "Hope for the future", "Faith in them"
_WORD_USE_AFTER = re.compile(
    r"[ \t]+(?:(?:at|of|in|on|for|about|over|towards)[ \t]+(?:the|a|an|this|that|his|her|their"
    r"|my|our|them|him|it|us|me|you|all|being|having|[a-z]+ing)|is[ \t]+(?:a|the)"
    # ("Summer is a happy, chatty child": a person described, the name)
    r"(?![^.\n]{0,30}\b(?:child|girl|boy|baby|toddler|teenager|pupil|student|learner|daughter"
    r"|son|sister|brother|sibling|young[ \t]+(?:person|man|woman|lady|carer)|mum|mother"
    # a role a person holds: "Grace is a prefect", "Hope is a member of the choir"
    r"|prefect|monitor|captain|member|leader|friend|carer|fan|player|reader|singer|dancer"
    r"|footballer|swimmer|helper|volunteer|twin|parent|father|dad|grandmother|grandfather"
    r"|cousin|niece|nephew|aunt|uncle|twin|patient|client|resident|care[ \t]+leaver)\b))\b"
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


_COPULAS = frozenset({"was", "is", "are", "were", "be", "been", "being", "so", "very", "too"})


def used_as_word(st: State, toks: list[Tok], i: int) -> bool:
    """Whether a lone known name-word is written as a place or a thing, not as the person:
    :func:`used_as_place`, or a name that is an everyday word opening a sentence and followed
    by a preposition ("Joy at the news was plain"), where its capital proves nothing."""
    if used_as_place(st, toks, i):
        return True
    t = toks[i]
    if st.protected[i] and not t.upper:
        return True  # "Grace period", "Hope Street", "my saving grace": a protected phrase's word
    if t.key == "amber" and _a_rating(st.text, t):
        return True  # "rated her Amber", "Amber traffic-light day": the rating's colour
    if t.upper and t.key in st.lex.words and _word_before(st.text, t.start) in _COPULAS:
        return True  # "HE WAS BLUNT AS EVER": a form in capitals, the word after a copula
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
        and st.sent(t)
        and _WORD_USE_AFTER.match(st.text, t.end) is not None
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
        "quite",
        "too",
        # a linking verb before an adjective: "she looks bonny", "he seemed cheery"
        "looks",
        "looked",
        "seems",
        "seemed",
        "feels",
        "felt",
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


# a child naming themselves or being named: "my name is summer", "im summer", "calls me joy"
_INTRODUCED = re.compile(
    r"(?i:\b(?:my[ \t]+name[ \t]+is|my[ \t]+names|name['’]s|i[ \t]+am|i['’]?m|calls?[ \t]+me"
    r"|call[ \t]+her|call[ \t]+him|called|known[ \t]+as))[ \t]+\Z"
)


# a letter or message signed with the name and a kiss: "from faith x", "love hope xx", "faith x"
_SIGNED_BEFORE = re.compile(r"(?:^|\b(?:from|love|luv|lots[ \t]+of[ \t]+love)[ \t]+)\Z", re.M)
_SIGNED_AFTER = re.compile(r"[ \t]+x{1,4}[ \t]*(?:[\"”]|$)", re.M)


def introduced(st: State, t: Tok) -> bool:
    """Whether a lower-case name-word is what someone is called: "my name is summer", or signs
    with: "from faith x"."""
    text = st.text
    if _SIGNED_AFTER.match(text, t.end) and _SIGNED_BEFORE.search(
        text, max(0, t.start - 20), t.start
    ):
        return True
    return _INTRODUCED.search(text, max(0, t.start - 16), t.start) is not None


_QUOTES_OPEN = '"“‘'


# what follows a person's name as the subject of a child's sentence: "when dale is at work",
# "dale has had cans", "dale to not live with us", "dale shouts"
_SUBJECT_VERB_AFTER = re.compile(
    r"[ \t]+(?:is|was|has|had|does|did|will|wont|won't|cant|can't|dont|don't|doesnt|doesn't"
    r"|didnt|didn't|gets|got|goes|went|comes|came|shouts|shouted|hits|hit|drinks|drank|smokes"
    r"|kicks|kicked|takes|took|makes|made|lets|let|buys|bought|picks|picked|calls|called"
    r"|texts|texted|rings|rang|lives|lived|stays|stayed|to[ \t]+not|and[ \t]+me|and[ \t]+mum)\b"
)


def subject_in_typed_line(st: State, t: Tok) -> bool:
    """Whether a lower-case name-word is the subject of a sentence typed in lower case, with no
    determiner or preposition before it ("when dale is at work", not "the dale is green")."""
    if not t.lower or _SUBJECT_VERB_AFTER.match(st.text, t.end) is None:
        return False
    before = _word_before(st.text, t.start)
    if before in _PLACE_BEFORE or before in _WORD_IN_SPEECH_BEFORE:
        return False
    return in_typed_line(st.text, t.start)


def named_in_speech(st: State, t: Tok) -> bool:
    """Whether a lower-case name-word stands as a name in someone's quoted words.

    Children's words are written as said: "con gave me…", "reece took summer to his mums".
    Inside quotes on the same line, a known name in lower case is the person unless a
    determiner or preposition makes it a word ("in summer", "the con").
    """
    text = st.text
    if t.lower and _word_before(text, t.start) in _CALLING and in_typed_line(text, t.start):
        return True  # "where are you mason its nearly 10", "love u zee": called by name
    line = text[text.rfind("\n", 0, t.start) + 1 : t.start]
    inside = line.count('"') % 2 == 1 or line.count("“") > line.count("”")
    if not inside:
        return False
    before = _word_before(text, t.start)
    if before in _PLACE_BEFORE or before in _WORD_IN_SPEECH_BEFORE:
        return False  # "in summer", "ignorance is bliss", "a real jewel"
    if t.lower and _WORD_OF_AFTER.match(text, t.end) and a_word(t.key):
        return False  # "kept faith with the chart", "by grace of god": the word, not her
    return not (t.key in st.lex.words and _PARTICLE_AFTER.match(text, t.end))  # "march on"


# the words a message calls someone after: "where are you mason", "hi summer", "love u zee"
_CALLING = frozenset(
    {"you", "u", "hi", "hiya", "hey", "yo", "thanks", "thx", "ta", "night", "nite", "morning"}
    | {"bye", "sorry", "soz", "ok", "okay", "cheers", "luv", "babe", "bro"}
)


# after a name that is also a word, in lower case in quoted words: "faith with him", "grace of
# god", "hope for the best" (not "to": "took summer to his mums" is the girl)
_WORD_OF_AFTER = re.compile(r"[ \t]+(?:of|with|for|about|ahead|away|apart)\b")
# in quoted words, before a name that is also a word, words that make it the word
# ("i have faith that", "lost hope", "best summer ever", "show mercy")
_WORD_IN_SPEECH_BEFORE = frozenset(
    {"is", "was", "are", "were", "be", "been", "real", "so", "very", "such", "pure", "total",
     "absolute", "proper", "my", "your", "our", "their", "of", "for", "no", "any", "some",
     "much", "more", "less", "i", "we", "they", "have", "has", "had", "lost", "a", "an", "the",
     "best", "worst", "this", "that", "last", "next", "whole", "every", "show", "showed",
     "shows", "good", "little", "got", "many", "lot", "bit"}
)  # fmt: skip
# after a verb that is also a name: "march on", "rob off", "sue them"
_PARTICLE_AFTER = re.compile(
    r"[ \t]+(?:on|off|up|down|away|out|along|forward|past|through|around|back)\b(?![ \t]*[A-Z])"
)


def written_as_word(text: str, start: int, end: int) -> bool:
    """Whether a lower-case dictionary word at ``start`` is written as the word, by the word
    before it ("it's been stormy weather", "a swift response"): an alias that is also a word
    ("Stormy" for Storm) is the person only where it cannot be the word."""
    word = text[start:end]
    if not word.islower() or word not in dictionary():
        return False
    before = _word_before(text, start)
    return before in _WORD_BEFORE or before in _WORD_IN_SPEECH_BEFORE
