"""Whether a known name-word in someone's own words is the person: said, signed, named.

Children's and families' words are written as said, in lower case: a record's name that is
also a word ("summer", "faith", "con") is the person where it is the subject of a typed
sentence, called or signed with ("love u zee", "from faith x"), introduced ("my name is
summer") or inside quoted words without a word before it that makes it the word. Split from
:mod:`.known_use` (the ~400-line limit per module).
"""

from __future__ import annotations

import re

from moderator.anonymise.lexicon import frequent_word
from moderator.anonymise.names_lower import in_typed_line
from moderator.anonymise.state import State, Tok
from moderator.anonymise.unknown_words import a_word, dictionary

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
        "all",
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
    if before == "that" and _word_before(st.text, st.text.rfind("that", 0, t.start)) in _TOLD:
        return in_typed_line(st.text, t.start)  # "he told me … and that dean shouts at mummy"
    if before in _PLACE_BEFORE or before in _WORD_IN_SPEECH_BEFORE:
        return False
    return in_typed_line(st.text, t.start)


# before "that" opening what someone said: "said that", "told me that", "and that"
_TOLD = frozenset({"said", "says", "told", "tells", "me", "us", "him", "her", "and", "explained"})


def named_in_speech(st: State, t: Tok) -> bool:
    """Whether a lower-case name-word stands as a name in someone's quoted words.

    Children's words are written as said: "con gave me…", "reece took summer to his mums".
    Inside quotes on the same line, a known name in lower case is the person unless a
    determiner or preposition makes it a word ("in summer", "the con").
    """
    text = st.text
    if t.lower and _word_before(text, t.start) in _CALLING and in_typed_line(text, t.start):
        return True  # "where are you mason its nearly 10", "love u zee": called by name
    if (
        t.lower
        and _CALLED_AFTER.match(text, t.end)
        and _word_before(text, t.start) not in _WORD_IN_SPEECH_BEFORE
        and _word_before(text, t.start) not in _PLACE_BEFORE
        and in_typed_line(text, t.start)
    ):
        return True  # "summer ur gonna get in trouble", "creepy summer pls dont": called
    if t.lower and _SUBJECT_FIELD.search(text, max(0, t.start - 12), t.start):
        return _LINE_ENDS.match(text, t.end) is not None  # "Subject: poppy": whom it is about
    line = text[text.rfind("\n", 0, t.start) + 1 : t.start]
    inside = line.count('"') % 2 == 1 or line.count("“") > line.count("”")
    if not inside:
        return False
    before = _word_before(text, t.start)
    if before in _PLACE_BEFORE or before in _WORD_IN_SPEECH_BEFORE:
        return False  # "in summer", "ignorance is bliss", "a real jewel"
    if (
        before == "her"
        and t.lower
        and _word_before(text, len(text[: t.start].rstrip(" \t")) - 3) in _HAVING
    ):
        return False  # "mum has lost her faith", "she's lost her joy": hers, the word
    if t.lower and _WORD_OF_AFTER.match(text, t.end) and a_word(t.key):
        return False  # "kept faith with the chart", "by grace of god": the word, not her
    return not (t.key in st.lex.words and _PARTICLE_AFTER.match(text, t.end))  # "march on"


# the words a message calls someone after: "where are you mason", "hi summer", "love u zee"
_CALLING = frozenset(
    {"you", "u", "hi", "hiya", "hey", "yo", "thanks", "thx", "ta", "night", "nite", "morning"}
    | {"bye", "sorry", "soz", "ok", "okay", "cheers", "luv", "babe", "bro"}
)


# the words a message calls someone before: "summer ur gonna…", "mason pls", "grace u ok"
_CALLED_AFTER = re.compile(r"[ \t]+(?:ur|u|pls|plz|please|youre|ure|u're|you're)(?![\w'’])")
# an e-mail's subject that is a name alone: "Subject: poppy"
_SUBJECT_FIELD = re.compile(r"(?:^|\n)(?:Subject|SUBJECT|Re|RE)[ \t]*:[ \t]*\Z")
_LINE_ENDS = re.compile(r"[ \t]*(?:\n|$)")


# before "her", verbs that make it "hers" (not "told her"): "lost her faith", "has her hope"
_HAVING = frozenset(
    {"lost", "lose", "losing", "found", "find", "kept", "keep", "keeps", "has", "had", "have"}
    | {"got", "shares", "shared", "showed", "shows", "hides", "hid", "finds", "loses"}
)


# after a name that is also a word, in lower case in quoted words: "faith with him", "grace of
# god", "hope for the best" (not "to": "took summer to his mums" is the girl)
# ("precious little sleep", "precious few")
_WORD_OF_AFTER = re.compile(r"[ \t]+(?:of|with|for|about|ahead|away|apart|little|few)\b")
# in quoted words, before a name that is also a word, words that make it the word
# ("i have faith that", "lost hope", "best summer ever", "show mercy")
_WORD_IN_SPEECH_BEFORE = frozenset(
    {"is", "was", "are", "were", "be", "been", "real", "so", "very", "such", "pure", "total",
     "absolute", "proper", "my", "your", "our", "their", "of", "for", "no", "any", "some",
     "much", "more", "less", "i", "we", "they", "have", "has", "had", "lost", "a", "an", "the",
     "best", "worst", "this", "that", "last", "next", "whole", "every", "show", "showed",
     "shows", "good", "little", "got", "many", "lot", "bit", "all",
     # round forty-seven: "i dont want to lose hope", "we need hope", "without hope"
     "lose", "losing", "need", "needs", "needed", "without", "feel", "felt", "keep", "keeping",
     "hold", "holding", "find", "finding", "bring", "brings", "bringing",
     # session 58: "lost his joy", "i just hope", "i am precious about", "too precious",
     # "the only joy i've got"
     "his", "just", "am", "too", "only"}
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


# words before a rare word that make it the word: "the wiki", "a mason", "his ruby ring"
_DETERMINED_BEFORE = frozenset(
    {"the", "a", "an", "my", "your", "his", "her", "our", "their", "this", "that", "some"}
    | {"any", "no", "its", "every", "each", "red", "green", "blue", "white", "black", "pink"}
)


def rare_in_typed_line(st: State, t: Tok) -> bool:
    """Whether a known name in lower case that is a rare English word ("wiki", "mason",
    "rubes"; not "summer", "hope") is the person in a line typed in lower case, where
    no determiner makes it the word ("mama: wiki kochanie", "in front of mason")."""
    return (
        t.lower
        and not frequent_word(t.key)
        and _word_before(st.text, t.start) not in _DETERMINED_BEFORE
        and in_typed_line(st.text, t.start)
    )


# the words for a relative or partner that a family names someone after: "her partner dean",
# "mum joy", "his brother grant" (in a dictated note, all in lower case)
KIN_BEFORE_NAME = frozenset(
    {"mum", "mam", "mom", "mummy", "dad", "daddy", "partner", "boyfriend", "girlfriend"}
    | {"husband", "wife", "fiance", "fiancee", "sister", "brother", "nan", "nana", "nanna"}
    | {"gran", "grandad", "grandma", "uncle", "aunt", "auntie", "aunty", "cousin", "stepdad"}
    | {"stepmum", "carer", "son", "daughter"}
)
# a word that is also a helping verb is the verb after a relative: "dad will pick him up"
_HELPING = frozenset({"will", "may", "can", "must", "might", "did", "does", "do", "had", "has"})
# what a person's possessive names: "joy's sister", "dean's number" (not "summer's day")
_OWNED_AFTER = re.compile(
    r"(?:'s|’s)[ \t]+(?:sister|brother|mum|mam|dad|nan|partner|boyfriend|girlfriend|friend"
    r"|number|phone|mobile|house|flat|room|bedroom|car|van|boots|jacket|name|dog|family"
    r"|son|daughter|baby|kids|children|mother|father|place|address|birthday)\b"
)


def named_by_kin(st: State, t: Tok) -> bool:
    """Whether a known name-word in lower case is named after a relative's word ("her partner
    dean", "mum joy") or owns what a person owns ("joy's sister", "dean's number")."""
    if not t.lower:
        return False
    text = st.text
    if t.key not in _HELPING and _word_before(text, t.start) in KIN_BEFORE_NAME:
        return text[max(0, t.start - 1) : t.start] in (" ", "\t")
    owns = _OWNED_AFTER.match(text, t.end) is not None or (
        # a rare word owns anything ("mason's details"): few things belong to a mason
        not frequent_word(t.key) and _POSSESSIVE_AFTER.match(text, t.end) is not None
    )
    return owns and _word_before(text, t.start) not in _DETERMINED_BEFORE


_POSSESSIVE_AFTER = re.compile(r"(?:'s|’s)[ \t]+[a-z]")
