"""Names in a passage a child or a young person typed in lower case.

``i live at the lodge with marcus and tia. becca is my key worker``: a passage written with a
lower-case ``i`` for the pronoun writes everyone's name in lower case too, so the capital that
the name layers look for is missing. In such a passage (a line: a worker's sentences after a child's quoted words are written
as usual), a
lower-case word that the given-name lists hold and that is no everyday word, no word of
the dictionary's commoner half, no protected word and no kin word is a person's name
(``tia``, ``becca``, ``daz``; not ``will``, ``grace``, ``jack``). The evidence is the lists
alone: each is redacted below the review threshold, for the person importing to confirm.
"""

from __future__ import annotations

import re
from functools import lru_cache

from moderator.anonymise.cues import PET_AFTER_RE, PET_BEFORE_RE, RELATION_CUES, ROLE_CUES
from moderator.anonymise.lexicon import frequent_word, word_key
from moderator.anonymise.state import NAME_KINDS, State

# the pronoun "i" in lower case: "i live", "im 12", "i'm", "i dont"
_LOWER_I = re.compile(r"(?:^|[\s.!?,;:(])i(?:[ \t]|['’]m\b|m\b|['’]ve\b|['’]ll\b|d\b)")
_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"(?<![\w'’@.#-])[a-z][a-z'’-]{2,}(?![\w@])")
_CONFIDENCE = 0.65
# a message typed on a phone, after its sender (and time): all in lower case, five words or
# more ("Jaden: mum rang. shes back with lee. dont want nothing to do with her"; the sender
# with an initial too: "Dani W: my mates daughter kayleigh she 19")
_MESSAGE = re.compile(
    r"(?m)^(?:\[?[\d/.,: \t]++\]?[ \t]*)?[^\W\d_][\w.'’-]{0,24}"
    # (and the day and time after the sender: "Kian 22:51:", "Mum Fri 21/2 19:02:")
    r"(?:[ \t](?:[A-Z][a-z]{1,3}[ \t])?(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t])?\d{1,2}[:.]\d\d"
    r"|[ \t]\d{1,4}|[ \t][A-Z]\.?)?:[ \t]+"
    r"(?P<m>[^A-Z\n]*[a-z][^A-Z\n]*)$"
)
# "jess the midwife", "with dave the youth worker": a lower-case given name before its role
_BEFORE_ROLE = re.compile(
    r"(?<![\w'’-])(?P<n>[a-z]{2,})[ \t]+the[ \t]+(?P<r>[a-z]+(?:[ \t]+[a-z]+)?)"
)


# "with coach tony": a club's coach by a given name in lower case
_AFTER_COACH = re.compile(r"(?<![\w'’-])coach[ \t]+(?P<n>[a-z]{3,})(?![\w'’-])")


def _lower_message(line: str, least: int = 5) -> bool:
    m = _MESSAGE.match(line)
    return m is not None and len(m.group("m").split()) >= least


def _dictated(line: str) -> bool:
    """Whether a line is a long passage with no word in capitals and small letters (twelve
    words or more): a note dictated by voice, a message typed at length, read as typed in lower
    case whatever else the note holds ("visit to the nowak family at fourteen ffordd pandy
    ..."). Voice-to-text still writes "I" and letters said ("G P", "IRO") in capitals, and
    capitalises a town, a day or a rank now and then: a line that says its stops ("full
    stop", "comma") may hold one capitalised word in twelve. Otherwise a capital opening the
    line is a typed sentence's."""
    if len(line) < 60 or len(line.split()) < 12:
        return False
    said = None
    if _TITLED.search(line) is not None:
        said = _SAID_MARK.search(line) is not None  # (searched for only then: quick)
        if not said or len(_TITLED.findall(line)) * 12 > len(line.split()):
            return False  # (a capitalised word or two in a line that says its stops is
            # dictated: voice-to-text capitalises a town, a day or a rank now and then)
    if line.lstrip()[:1].isupper() and not (said or _SAID_MARK.search(line)):
        return False  # "A wren was nesting …": a typed sentence
    capitals = sum(ch.isupper() for ch in line)
    return capitals == 0 or capitals * 10 < sum(ch.islower() for ch in line)  # (not shouted)


_TITLED = re.compile(r"[A-Z][a-z]")
# the marks dictation says as words
_SAID_MARK = re.compile(r"\b(?:full[ \t]+stop|new[ \t]+paragraph|new[ \t]+line|comma)\b")


@lru_cache(maxsize=4)
def dictated_lines(text: str) -> tuple[tuple[int, int], ...]:
    """Where the note's dictated lines lie (see :func:`_dictated`); cached, as three layers
    ask of the same note."""
    if len(text) < 60:
        return ()
    return tuple(m.span() for m in _LINE.finditer(text) if _dictated(m.group()))


def _all_lower(line: str) -> bool:
    """Whether a line of four words or more has no capital letter: in a note where a passage
    is typed in lower case, the passage's other lines ("my best friend is ruby.")."""
    return len(line.split()) >= 4 and not any(ch.isupper() for ch in line)


# the first words of the role cues: each match _named_by_role takes has one of them (or a
# cue of one word) as the first word of its role, straight after "the"
_ROLE_FIRSTS = frozenset({cue.split()[0] for cue in ROLE_CUES if cue.split()} | ROLE_CUES)
# the word after each "the" (in a look-ahead: a "the" opening that word is found too)
_THE_THEN = re.compile(r"the[ \t]+(?=([a-z]+))")


def _named_by_role(st: State) -> None:
    text = st.text
    lex = st.lex
    if not any(word in _ROLE_FIRSTS for word in _THE_THEN.findall(text)):
        return  # (quick: _BEFORE_ROLE opens with a look-behind, tried at every position)
    for m in _BEFORE_ROLE.finditer(text):
        key = m.group("n")
        role = m.group("r")
        if role not in ROLE_CUES and role.split()[0] not in ROLE_CUES:
            continue
        if key not in lex.given or key in lex.common or key in lex.protected_words:
            continue  # ("will the social worker": the verb)
        if key not in RELATION_CUES and st.free(m.start("n"), m.end("n")):
            st.take(m.start("n"), m.end("n"), "professional", "p:" + key, 45, _CONFIDENCE)


def _named_after_coach(st: State) -> None:
    text = st.text
    lex = st.lex
    for m in _AFTER_COACH.finditer(text):
        key = m.group("n")
        if (
            key in lex.given
            and key not in lex.common
            and key not in lex.protected_words
            and st.free(m.start(), m.end("n"))
        ):
            # the title with the name, as written
            st.take(m.start(), m.end("n"), "professional", "p:" + key, 45, _CONFIDENCE)


# the last text read by typed_lines and its lines: four layers ask in turn of the same note
_last_typed: tuple[str, list[tuple[int, int]]] = ("", [])


def typed_lines(text: str) -> list[tuple[int, int]]:
    """The lines typed in lower case: with a lower-case ``i`` for the pronoun, a phone message
    in lower case, or, where the note has such a line, a line with no capital at all. (The
    same list for the same text, asked again: not to be changed.)"""
    global _last_typed
    last = _last_typed  # (one read, one write of a pair: safe if threads share it)
    if last[0] is text:
        return last[1]
    typed = _LOWER_I.search(text) is not None
    if not typed and not any(m.group("m") for m in _MESSAGE.finditer(text)):
        found: list[tuple[int, int]] = [
            m.span() for m in _LINE.finditer(text) if _dictated(m.group())
        ]
    else:
        lines = list(_LINE.finditer(text))
        # in a chat typed in lower case, its shorter messages too ("Kai: can tyrone come")
        least = 3 if sum(_lower_message(line.group()) for line in lines) >= 2 else 5
        found = [
            line.span()
            for line in lines
            if _LOWER_I.search(text, line.start(), line.end())
            or _lower_message(line.group(), least)
            or (typed and _all_lower(line.group()))
            or _dictated(line.group())
        ]
    _last_typed = (text, found)
    return found


def in_typed_line(text: str, at: int) -> bool:
    """Whether the line holding ``text[at]`` is typed in lower case (as :func:`typed_lines`
    reads a line: a lower-case ``i``, a message in lower case, or no capital at all where the
    note has a lower-case ``i``)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)]
    if _LOWER_I.search(line) or _lower_message(line) or _dictated(line):
        return True
    return _all_lower(line) and _LOWER_I.search(text) is not None


# a given name that is also a word, opening a clause in lower case and doing what only a
# person does: "lee shouts at mummy", "and sue knows", "dale sed"; or after "dear" (the verb
# or "dear" found first, the name before or after it checked there: quick)
# (from the first space before the verb: what stands before it is checked in Python; a match
# from any later space of a run of them would be tried again to the run's end)
_PERSON_VERB = re.compile(
    r"[ \t](?<![ \t][ \t])[ \t]*(?:shouts|shouted|says|said|sed|knows|knew|told|tells|picked|took|takes"
    r"|gave|gives|wants|wanted|drove|drives|hits|sorted|rang|texted"
    # session 66: what a person does to a child or a mother ("serge pushed mum")
    r"|pushed|pushes|kicked|slapped|punched|grabbed|threatened|hurts|hurt|swears|lets|keeps)\b"
)
# and what anyone or anything is or has: evidence only for a word the lists lack, counted with
# the verbs above ("serge is my mums husband", "serge has a car")
_BEING = re.compile(r"[ \t](?<![ \t][ \t])[ \t]*(?:is|was|has|had|isnt|wasnt)\b")
_SUBJECT_BEFORE = re.compile(
    r"(?:^|[.!?,;:\"“(\n][ \t]*|(?<![\w'’-])(?:and|n|but|cos|coz|dear|then)[ \t]+)"
    r"(?P<n>[a-z]{3,})(?:['’]s)?\Z"
)
_LOWER_END = frozenset("abcdefghijklmnopqrstuvwxyz'’")
_DEAR = re.compile(r"(?<![\w'’-])dear[ \t]+(?P<n>[a-z]{3,})(?=[ \t]*[,\n])")


def _subjects(st: State) -> None:
    """A lower-case given name that is also a word, said to do what a person does."""
    text = st.text
    lex = st.lex
    spans = [
        m.span("n")
        for v in _PERSON_VERB.finditer(text)
        if v.start()
        and text[v.start() - 1] in _LOWER_END
        and (m := _SUBJECT_BEFORE.search(text, max(0, v.start() - 24), v.start())) is not None
    ]
    if "dear" in text:
        spans += [m.span("n") for m in _DEAR.finditer(text)]
    unlisted: dict[str, list[tuple[int, int]]] = {}
    being = [
        m.span("n")
        for v in _BEING.finditer(text)
        if v.start()
        and text[v.start() - 1] in _LOWER_END
        and (m := _SUBJECT_BEFORE.search(text, max(0, v.start() - 24), v.start())) is not None
        and text[m.start("n") : m.end("n")] not in lex.given
    ]
    for start, end in spans + being:
        key = text[start:end]
        if key in lex.protected_words or key in RELATION_CUES:
            continue  # ("nana said": a kin word)
        if key not in lex.given:
            # a name the lists lack ("serge shouts … serge pushed mum"): twice the subject of
            # what a person does, and no everyday word ("she said", "then said": everyday)
            if not frequent_word(key) and key not in lex.common:
                unlisted.setdefault(key, []).append((start, end))
            continue
        if st.free(start, end):
            st.take(start, end, "person", "p:" + key, 45, _CONFIDENCE)
    for key, found in unlisted.items():
        if len(found) >= 2:  # and then the name wherever the note writes it so
            for m in re.finditer(rf"(?<![\w'’@.#-]){key}(?![\w'’@-])", text):
                if st.free(m.start(), m.end()):
                    st.take(m.start(), m.end(), "person", "p:" + key, 45, _CONFIDENCE)


def find_lower_passage_names(st: State) -> None:
    """Take the given names written in lower case in passages typed in lower case."""
    text = st.text
    lex = st.lex
    if " the " in text:
        _named_by_role(st)
    if "coach " in text:
        _named_after_coach(st)
    _subjects(st)
    pets: set[str] = set()
    for start, end in typed_lines(text):
        for w in _WORD.finditer(text, start, end):
            word = w.group()
            forms = [word]  # and its possessive without an apostrophe: "kelseys"
            if word.endswith(("'s", "’s")):
                forms.append(word[:-2])
            elif word.endswith("s"):
                forms.append(word[:-1])
            if text[max(0, w.start() - 3) : w.start()].lower() in ("st ", "st."):
                continue  # "st georges": a saint's name, the school's or the church's
            if word in pets or PET_BEFORE_RE.search(text, max(0, w.start() - 20), w.start()):
                pets.add(word)
                continue  # "our dog tyson": a pet's name, and its other mentions
            if PET_AFTER_RE.match(text, w.end()):
                pets.add(word)
                continue  # "bailey (my dog)"
            for k in forms:
                if (
                    k in lex.given
                    and k not in lex.words
                    and k not in lex.common
                    and k not in lex.protected_words
                    and k not in RELATION_CUES
                    and not frequent_word(k)
                    and st.free(w.start(), w.end())
                ):
                    st.take(w.start(), w.end(), "person", "p:" + k, 45, _CONFIDENCE)
                    break


# before a word: what makes it a verb or a thing, not a name ("to sue", "the dean", "a ray")
_NOT_A_NAME_BEFORE = frozenset(
    {"to", "a", "an", "the", "will", "would", "can", "could", "may", "might", "should", "not"}
    | {"have", "has", "had", "big", "my", "your", "our", "his", "her", "their", "its", "of"}
    | {"in", "some", "any", "no", "real", "great", "little", "such", "much", "more", "what"}
)  # fmt: skip
_RECORD_KINDS = frozenset({"child", "family", "worker"})


def repeat_record_words(st: State) -> None:
    """A record's name that is a word (``sue``, ``dean``), once taken in a passage typed in
    lower case, is the person's at its other mentions in such passages too, and so is its
    possessive without an apostrophe (``sues nephew``), unless a word before it makes it a
    verb or a thing (``to sue``, ``the dean``)."""
    text = st.text
    lower = [
        c
        for c in st.cands
        if c.kind in _RECORD_KINDS and text[c.start : c.end].isalpha() and text[c.start].islower()
    ]
    if not lower:
        return
    lines = typed_lines(text)
    if not lines:
        return
    by_word = {text[c.start : c.end]: c for c in lower if in_typed_line(text, c.start)}
    for start, end in lines:
        for w in _WORD.finditer(text, start, end):
            word = w.group()
            c = by_word.get(word) or (by_word.get(word[:-1]) if word.endswith("s") else None)
            if c is None or not st.free(w.start(), w.end()):
                continue
            before = text[max(0, w.start() - 8) : w.start()].split()
            if before and before[-1].lower() in _NOT_A_NAME_BEFORE:
                continue
            st.take(w.start(), w.end(), c.kind, c.ident, 45, _CONFIDENCE)


# a lower-case word straight after a name found in lower case: its surname if the surname
# lists hold it ("luke bartlett from year 11", "kelsey o'hara said")
# a surname by its shape alone, whatever the lists hold: "mckee", "o'brien"
_SURNAME_SHAPE = re.compile(r"(?:mc|o['’])[a-z]{3,}")
_LOWER_SURNAME_AFTER = re.compile(r"[ \t](?P<s>[a-z][a-z'’-]{2,}[a-z])(?![\w'’@-])")


def join_lower_surnames(st: State) -> None:
    """A name written in lower case takes the surname written after it in lower case, when
    that word is in the surname lists and is no word of the dictionary, no given name and no
    protected word (``luke bartlett``; not ``kelsey hart``, ``amy said``, ``jade ryan``: a word,
    or two given names); after one of the record's people, any of the record's surnames,
    word or not (``lexi brook`` for Alexis Brook)."""
    text = st.text
    lex = st.lex
    merged: set[int] = set()  # ids of names merged into the name before them
    starting = {(c.start, c.end): c for c in st.cands}  # (one look-up a name, not a scan)
    for c in list(st.cands):
        if id(c) in merged or c.kind not in NAME_KINDS or not text[c.start : c.end].islower():
            continue
        m = _LOWER_SURNAME_AFTER.match(text, c.end)
        if m is None:
            continue
        after = starting.get((m.start("s"), m.end()))
        if after is not None and id(after) in merged:
            after = None
        if after is not None:
            if (
                after.kind in NAME_KINDS
                and (c.kind in _RECORD_KINDS or after.kind not in _RECORD_KINDS)
                and word_key(m.group("s")) in lex.surnames
            ):  # "becca oconnor", each read alone: one name (not "jackie [the family's name]")
                st.cands.remove(after)
                merged.add(id(after))
                st.grow(c, c.start, m.end())
            continue
        word = m.group("s")
        key = word[:-2] if word.endswith(("'s", "’s")) else word
        if c.kind in _RECORD_KINDS and key in st.known.surname_owners and st.free(c.end, m.end()):
            st.grow(c, c.start, m.end())  # "lexi brook": the record's surname, though a word
        elif (
            (key in lex.surnames or _SURNAME_SHAPE.fullmatch(key) is not None)
            and key not in lex.words
            and key not in lex.common
            and key not in lex.given
            and key not in lex.protected_words
            and key not in RELATION_CUES
            and key not in ROLE_CUES
            and not frequent_word(key)
            and st.free(c.end, m.end())
        ):
            st.grow(c, c.start, m.end())
