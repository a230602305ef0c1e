"""The record's people in forms found by sound or by their place beside a name.

* **Pet forms and spellings** (:mod:`.phonetic`): a capitalised word that is no listed name,
  word or place, and sounds like the first syllable of a given name of the record with a
  diminutive ending (``Moose`` for Musa, ``Eefs`` for Aoife), or like the whole name spelt
  another way (``Muhammad`` for Mohammed). Guesses: taken with a low confidence, so the
  import review lists them.
* **Names in a child's words** (:func:`find_names_in_speech`). Names in brackets beside a name
  moved to :mod:`.names_paired`.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import (
    HONORIFICS,
    PET_AFTER_RE,
    PET_BEFORE_RE,
    RELATION_CUES,
)
from moderator.anonymise.lexicon import (
    Lexicon,
    _word_counts,
    census_given,
    frequent_word,
    phrase_key,
    word_key,
)
from moderator.anonymise.names_around import KIN_TITLES
from moderator.anonymise.speech import KIN_BEFORE, speech_spans, written_by_a_child
from moderator.anonymise.state import State, Tok
from moderator.anonymise.unknown_words import a_word, dictionary

PET_FORM_CONFIDENCE = 0.65
"""A pet form found by sound alone: below :data:`.state.UNSURE`, for a person to confirm."""
SPELLING_CONFIDENCE = 0.8


def sounds_like_known(st: State, toks: list[Tok], i: int) -> tuple[int | None, float | None]:
    """Whose given name the capitalised word ``toks[i]`` is a pet form or spelling of, and
    how sure that is; ``(None, None)`` when it is nobody's."""
    sounds = st.known.sounds
    if not sounds:
        return None, None
    t = toks[i]
    key = t.key
    lex = st.lex
    who = sounds.spelling(key)
    if who is not None:
        return who, SPELLING_CONFIDENCE
    if (
        st.protected[i]
        or t.upper
        or key in lex.given
        or key in lex.surnames
        or (key,) in lex.places
    ):
        return None, None  # a listed name is someone else: Ivy is not Ava
    # part of a longer capitalised name ("Moss Lane", "Castle Mill") is a place or a firm
    if i + 1 < len(toks) and toks[i + 1].cap and st.joined(t, toks[i + 1]):
        return None, None
    if key in lex.words and _word_counts().get(key, 0) >= _EVERYDAY:
        return None, None  # "Family Law" beside Olivia: an everyday word, no pet form
    if i > 0 and toks[i - 1].cap and st.joined(toks[i - 1], t):
        before = toks[i - 1]
        if not (
            st.sent(before)  # "Later Moose said"
            or before.key in lex.common
            or before.key in HONORIFICS
            or before.key in RELATION_CUES
        ):
            return None, None
    who = sounds.pet_form(key)
    return (who, PET_FORM_CONFIDENCE) if who is not None else (None, None)


# how often a word is in English for a pet form's sound to be the word's: "law" (138,878 in
# pyspellchecker's list), not "del" (7,113, Del for Delroy)
_EVERYDAY = 10000


# one-letter words too: "a bonny wee lass" is the word because of its "a" (the look-behind
# after the first letter: the engine skips to letters instead of trying every position)
# what joins two names a child lists: "dilan n yousif", "me and jayden"
_AND_GAP = re.compile(r"[ \t]+(?:n|an|and|&)[ \t]+")
_SPOKEN_WORD_RE = re.compile(r"[a-z](?<![\w'’-][a-z])[a-z'’-]*")
# a name follows these in speech without a capital: "miss pendry", "pastor bayo"
_SPOKEN_TITLES = frozenset(
    ["miss", "mr", "mrs", "ms", "sir", "pastor", "imam", "father", "brother", "sister", "dr"]
)
_PET_ENDS = ("ie", "y", "ey", "sia", "usia", "ka", "ek", "o", "a", "i")
_PLACE_WORDS = frozenset(["from", "in", "at", "near", "to", "into", "round"])
SPOKEN_NAME_CONFIDENCE = 0.65
"""A name written in lower case in someone's words: likely, for a person to confirm."""


# in quoted words, words before a name-word that make it the word: "a real jewel"
_DETERMINED_BEFORE = frozenset(
    {"a", "an", "the", "real", "such", "pure", "proper", "absolute", "total", "so", "very",
     "this", "that", "some", "any", "no", "much", "more", "less", "i", "we", "they"}
)  # fmt: skip


_AUXILIARIES = frozenset(
    {"will", "would", "can", "could", "shall", "should", "may", "might", "must", "did"}
    | {"does", "do", "is", "was", "has", "had", "says", "said", "gets", "got", "won't"}
)
_LINKING_BEFORE = frozenset(
    {"is", "was", "are", "were", "be", "been", "being", "feel", "feels", "felt", "look"}
    | {"looks", "looked", "seem", "seems", "seemed", "get", "gets", "got", "getting"}
)


def _census_name(key: str, lex: Lexicon) -> bool:
    """Whether ``key`` is a given name of the census list and no everyday word ("cedric",
    "diana"; not "will", "bill")."""
    return len(key) > 3 and key in census_given() and key not in lex.words and key not in lex.common


_NAMED_AS = re.compile(
    r"(?:my name is|call me|i am called|im called|everyone calls me)[ \t]+([a-z]{2,3})\b"
)


# a word-name used as the word: "keep faith", "my hope", "in summer"
_WORD_BEFORE = frozenset(
    {"keep", "kept", "have", "has", "had", "lose", "lost", "in", "of", "with", "my", "your"}
    | {"our", "their", "his", "her", "its", "no", "some", "any", "all", "for", "last", "this"}
)
# a word-name is the name after these ("pics of her and hope", "tell summer"); after an
# adjective it is the word ("a long summer", "a big storm", "lovely boy" at a line's start)
_NAME_BEFORE = frozenset(
    {"and", "with", "to", "tell", "ask", "see", "saw", "love", "miss", "me", "&", "hi", "hey"}
    | {"from", "after", "bring", "take", "took", "give", "gave", "call", "told", "tells"}
    | {"did", "than", "asked", "text"}
)
# after these a word-name followed by a pronoun is still the name ("dont tell grace she will")
_TELLING = frozenset({"tell", "told", "tells", "ask", "asked", "call", "text", "did", "than"})
# a word-name used as the word: "hope she's ok", "hope so", "will be there"
_VERB_AFTER = re.compile(
    r"[ \t]+(?:she|he|you|they|it|we|i|so|to|that|this|u|ur|be|is|was|not|for|the|a|your)\b"
)


# a word-name opening a clause and doing what a person does: "ash went out", "and dom says",
# "ash n mum are arguing" (the opening checked in the few characters before the word)
_CLAUSE_OPEN = re.compile(
    r"(?:\n|[.!?,;:\"“(\]][ \t]*|(?<![\w'’-])(?:and|n|but|cos|coz|cuz|then|so|when|if)[ \t]+)\Z"
)
_ACTS_AFTER = re.compile(
    r"[ \t]+(?:(?:n|and|&)[ \t]+[a-z]+[ \t]+(?:are|were|r|keep|always)"
    r"|says|said|sed|told|tells|wont|cant|aint|isnt|wasnt|hasnt|took|takes|shouted|shouts"
    r"|screamed|hit|hits|rang|texted|messaged|drove|drives|picked|wants|wanted|knows|knew"
    r"|gave|gives|called|kicked|pushed|grabbed|punched|threw|thinks|thought|lives|loves|hates"
    r"|likes|sent|sends|brought|stayed|stays|drinks|drank|smokes|owes|bought|swore|lied)\b"
)
# what a season or a feeling does too ("summer is coming", "hope was fading"): a person's verb
# only after a name-word no commoner list holds ("ash went out", "dom was off his head")
_ALSO_AFTER = re.compile(
    r"[ \t]+(?:was|is|went|goes|came|comes|has|had|got|gets|never|keeps|kept|left)\b"
)
# what a writer names themself after: "hi its poppy", "im jess"; then the message goes on
_SELF_BEFORE = frozenset({"its", "it's", "it’s", "im", "i'm", "i’m"})
_SELF_AFTER = re.compile(r"[ \t]*(?:[.,!?\n]|\Z|(?:can|pls|please|x+|here|again|lol|u)\b)")


# what a child calls a relative is no form of a name ("me and mama", though Mamadou's start)
_KIN_WORDS = KIN_BEFORE | KIN_TITLES | RELATION_CUES


def _acts(text: str, start: int, end: int, common: bool) -> bool:
    """Whether the word at ``text[start:end]`` opens a clause and a person's verb follows
    (``common``: the word is in the commoner list, and "is", "went" are no person's verbs)."""
    return (
        _ACTS_AFTER.match(text, end) is not None
        or (not common and _ALSO_AFTER.match(text, end) is not None)
    ) and (start == 0 or _CLAUSE_OPEN.search(text, max(0, start - 8), start) is not None)


def _names_self(previous: str, text: str, end: int) -> bool:
    """Whether the word ending at ``end`` is the writer's own name: "hi its poppy can u"."""
    return previous in _SELF_BEFORE and _SELF_AFTER.match(text, end) is not None


def find_names_in_speech(st: State) -> None:
    """Names as a child says them, in lower case inside quotes: a pet form of the family's
    names ("lilusia", "clovey"), a listed name that is no everyday word ("tyler hit me"), a
    name after a kinship word ("nanny sue") or a title ("miss pendry", "pastor bayo")."""
    text = st.text
    if written_by_a_child(text):
        spans = [(0, len(text))]  # "my best mate is kieran": a child's own words, all of them
    else:
        spans = speech_spans(text, st.lex)
        if not spans:
            return
    lex = st.lex
    known = st.known
    for lo, hi in spans:  # "my name is tj": the record's person by their initials, said
        for m in _NAMED_AS.finditer(text, lo, hi):
            owner = known.initials.get(m.group(1).upper())
            if owner is not None and st.free(*m.span(1)):
                person = known.people[owner]
                st.take(m.start(1), m.end(1), person.kind, person.label, 60, 0.8)
    pets: set[str] = set()
    for lo, hi in spans:
        previous, title_at, named_end = "", -1, -1
        for m in _SPOKEN_WORD_RE.finditer(text, lo, hi):
            key = word_key(m.group())
            # "a real jewel", "the summer": the word; but "dat a javonte" (that is Javonte) is
            # a name no dictionary holds after a dialect's "a"
            if (
                previous in _DETERMINED_BEFORE
                # ("a favour": a British spelling the American dictionary lacks is a word too)
                and (previous != "a" or a_word(key))
            ) or (
                previous in _LINKING_BEFORE and key in dictionary()
            ):  # ("it's been stormy weather": a word after a linking verb)
                previous, title_at = key, -1
                continue
            # ("mummy will be ok": a verb after the kinship word, though Will is a name)
            previous_word = previous
            after_kin = previous in KIN_BEFORE and key not in KIN_BEFORE | _AUXILIARIES
            placed = previous in _PLACE_WORDS  # "ziggy from shirley": a place
            titled = (
                title_at >= 0
                and key not in lex.common
                and key not in _TEXTED
                # ("her father says", "my brother finds out": a verb, no name)
                and (
                    text[title_at : title_at + 3] not in ("fat", "bro", "sis")
                    or key in lex.given
                    or key in lex.surnames
                    or key not in dictionary()
                )
            )
            start = title_at if titled else m.start()
            previous, title_at = key, (m.start() if key in _SPOKEN_TITLES else -1)
            if len(key) < 3 or key in lex.protected_words or not st.free(start, m.end()):
                continue
            end = m.start() + len(m.group()) - (2 if m.group()[-2:] in ("'s", "’s") else 0)
            listed = (
                key in lex.given or key in lex.surnames or _census_name(key, lex)
            ) and key not in lex.rarer  # ("prasad", "pappa": names, and words a child says)
            if (
                not listed
                and key in lex.rarer
                and named_end >= 0
                and _AND_GAP.fullmatch(text, named_end, m.start())
            ):
                listed = key not in lex.words and key not in lex.common  # "dilan n yousif"
            # "dianas": a possessive without its apostrophe ("at connors": his home, though
            # Connors is a surname too)
            if (not listed or placed) and key[-1:] == "s" and key not in lex.words:
                base = key[:-1]
                if _census_name(base, lex) or (
                    base in lex.given and base not in lex.words and base not in lex.common
                ):
                    listed, placed, end = True, False, m.end()  # ("at dianas": her home)
            # "the marigold pots", "granddad win"; after a kin word too, a function word
            # ("scared for mama and for babusya": no slip for Andrii)
            wordy = key in lex.words and (not after_kin or key in _FUNCTION)
            own = known.given_keys.get(key)  # the record's "faith", "hope": a name, said
            if own is None and len(key) >= 3 and key not in _KIN_WORDS:
                # a form of one: "lily" for Lily-Mae, "poppy" for Poppy-Grace, "ash" for Ashley
                own = known.ngrams.get((key,))
                if own is None and wordy and key not in _FUNCTION:  # ("me and mama": no Andrei)
                    own = known.short_form(key)
            acts = own is not None and _acts(text, m.start(), m.end(), key in lex.common)
            if (
                own is not None
                and not placed
                and not st.opens_phrase(m.start(), key)  # "i love summer holidays"
                and (previous_word not in _WORD_BEFORE or _names_self(previous_word, text, end))
                and (
                    not a_word(key)
                    or previous_word in _NAME_BEFORE
                    or acts
                    or _names_self(previous_word, text, end)
                )
                and (previous_word in _TELLING or acts or not _VERB_AFTER.match(text, m.end()))
            ):
                person = known.people[own]
                st.take(start, end, person.kind, person.label, 60, SPOKEN_NAME_CONFIDENCE)
                continue
            if key in KIN_TITLES and not listed:
                continue  # "since aabo left": what a child calls a relative, not a name
            who = None if listed or wordy else known.near_miss(key)
            if (
                who is None
                and not (listed or wordy or key in lex.common)
                and key.endswith(_PET_ENDS)
            ):
                who = known.sounds.pet_form(key)  # "clovey", "lilusia"; not "cries", "pizza"
            if who is not None and who >= 0:
                person = known.people[who]
                st.take(start, end, person.kind, person.label, 60, SPOKEN_NAME_CONFIDENCE)
                named_end = end
            elif (
                titled
                or (listed and not placed and (after_kin or not (wordy or key in lex.common)))
            ) and (
                previous_word not in ("st", "saint")  # "st georges": a saint's, the school's
            ):
                if (
                    key in pets
                    or PET_BEFORE_RE.search(text, max(0, start - 20), start)
                    or PET_AFTER_RE.match(text, m.end())
                ):
                    pets.add(key)  # "our dog tyson", "bailey (my dog)": a pet's name, and
                    continue  # its other mentions ("under my duvet with bailey")
                ahead = phrase_key(text[start : start + 40])
                if any(ahead[: len(p)] == p for p in lex.phrases.get(key, ())):
                    continue  # "with tawny owl": a protected phrase's first word
                if not titled and _PLACE_NOUN_AFTER.match(text, end):
                    continue  # "kenton vale college": a place's first word, read as one
                named_end = end
                hit = st.found.get((key,))
                kind, ident = hit if hit else ("person", "p:" + key)
                st.take(start, end, kind, ident, 45, SPOKEN_NAME_CONFIDENCE)
                st.remember((key,), kind, ident)


# a title and a name, both in lower case, outside quotes too ("my teacher mrs okoneda-rayne",
# "miss tregunne (learning mentor)"): a child's own writing
# (a police officer's rank or a doctor's title too: "the police lady pc morling", "dr anand")
_LOWER_TITLED = re.compile(
    r"(?:mr|mrs|miss|ms|mx|pc|dc|sgt|dr|doctor|mister|nurse)\.?[ \t]+"
    r"(?P<n>(?:(?:de|da|van|von|al|el|le|la|du|di|del|della|dos|das)[ \t]+(?=[a-z]{3})"
    r"|o[ \t]+(?=[a-z]{4}))?"  # ("doctor o rourke": O'Rourke said)
    r"[a-zß-ɏ][a-zß-ɏ'’]+(?:-[a-zß-ɏ][a-zß-ɏ'’]+)?"
    r"|[b-hj-tv-z](?![\w'’.-]))"  # ("mr b is there", "esp not miss g": a teacher's initial)
)
_LOWER_TITLES = (
    "mr",
    "mrs",
    "miss",
    "ms",
    "mx",
    "pc",
    "dc",
    "sgt",
    "dr",
    "doctor",
    "mister",
    "nurse",
)
_WORKING_TITLES = frozenset({"pc", "dc", "sgt", "dr", "doctor", "nurse"})
_OWNED = re.compile(r"\b(?:my|his|her|your|their|our|a|the|new|old)[ \t]+\Z")


# before "miss" the verb ("i miss wood"; "my teacher is miss ferguson" is the title)
_MISSING = re.compile(
    r"\b(?:i|we|you|they|he|she|will|would|to|ll|dont|don['’]t|really|gonna|never|still|also)[ \t]+\Z"
)
# a place's noun a word or two after a name-word said in lower case
_PLACE_NOUN_AFTER = re.compile(
    r"(?:[ \t]+(?!(?:is|in|at|on|from|to|the|a|an|my|his|her|was|and|or|goes|went|go|by"
    r"|after|before|with)\b)[a-z]+){0,2}[ \t]+(?:college|school|academy|primary|high|nursery|surgery"
    r"|church|mosque|centre|center|park|hospital|road|street|lane|estate)\b"
)
_FUNCTION = frozenset({"the", "and", "but", "who", "was", "had", "has", "his", "her", "not", "can"})
_FUNCTION |= {"she", "he", "they", "we", "you", "it", "him", "them", "hes", "shes", "its"}
# a texter's spellings after "brother" or "sister", no name: "her brother alot", "sister thank"
_TEXTED = frozenset({"alot", "hes", "shes", "im", "ur", "wat", "dont", "cant", "aint", "innit"})


def find_lower_titled(st: State) -> None:
    """A lower-case title (or an officer's rank, or "dr") before a lower-case surname no
    dictionary holds is a person."""
    text = st.text
    lex = st.lex
    for title in _LOWER_TITLES:
        at = text.find(title + " ")
        if at < 0:
            at = text.find(title + ". ")
        while at >= 0:
            m = None if at and text[at - 1].isalpha() else _LOWER_TITLED.match(text, at)
            if (
                m is not None
                and title in _WORKING_TITLES
                and _OWNED.search(text, max(0, at - 8), at)
            ):
                m = None  # "my pc games": the computer
            at_next = text.find(title + " ", at + 1)
            if m is not None:
                name = m.group("n")
                key = word_key(name.split()[-1])  # ("mr de souza": the surname after "de")
                initial = len(key) == 1 and title in ("mr", "mrs", "miss", "ms")
                if title == "nurse" and not (
                    (key in lex.surnames or key in lex.rarer) and "-" not in key
                ):
                    pass  # "nurse" before a listed surname only ("school nurse drop-in")
                elif (
                    (len(key) > 2 or initial)
                    and key not in KIN_TITLES  # "i miss mamka": the verb, and a kin word
                    and (title != "miss" or not _MISSING.search(text, max(0, at - 12), at))
                    and (
                        initial
                        or (
                            key not in lex.words
                            and key not in lex.common
                            and key not in dictionary()
                        )
                        # a surname of the longer lists the spelling list also holds: "doctor
                        # o rourke"
                        or key in lex.rarer
                        # "ring mrs wood": a listed surname after a title that is no verb
                        or (key in lex.surnames and key not in _FUNCTION)
                        # "ask miss dunne", "mr bentley": a surname that is a rarer word
                        or (key in lex.word_surnames and not frequent_word(key))
                        or (key,) in lex.places  # "not mrs ealing": a place's name, hers
                    )
                    and name.islower()
                    and st.free(m.start(), m.end())
                ):
                    hit = st.found.get((key,))
                    working = "professional" if title in _WORKING_TITLES else "person"
                    kind, ident = hit if hit else (working, "p:" + key)
                    st.take(m.start(), m.end(), kind, ident, 45, SPOKEN_NAME_CONFIDENCE)
                    st.remember((key,), kind, ident)
            at = at_next
