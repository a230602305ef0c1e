"""Runs of capitalised words that hold a word no English list knows: something private.

A run of two or more capitalised words in running text (joined by single spaces; ``of``,
``and``, ``&``, ``for``, ``the`` between them) with a capitalised word of three letters or
more that is no English word, no protected word, no acronym, no place and not in the
spelling dictionary at all names a family's club, firm, group or person the other layers did
not know: ``Fernvale Larder``, ``Quorlish Crew``, ``Marvane Samaj``. Found after every other
layer, on what they left.

Not taken: headings (followed by ``:`` or filling their line), protected phrases, public
services named by a place (``… Police``, ``… CAMHS``), parks and countries, and the protected
words at a run's edges (``IRO Vendra Quill``: the IRO stays). A run with an organisation's
head noun is taken at the organisation layer's confidence; one without, on weaker evidence,
below ``UNSURE``, for a person to confirm. A run of dictionary words only, a place and an
organisation's noun (``Tipton Green Family Hub``), is kept as a candidate for review.
Runs in capitals (a police form's fields) are read in title case when an organisation's head
noun ends them (``ILLYRIA CAR WASH KEYHAM``).
"""

from __future__ import annotations

import re

from moderator.anonymise.addresses import widen_lower_flats
from moderator.anonymise.cues import HONORIFICS, LEADING_WORDS
from moderator.anonymise.lexicon import Lexicon, more_places, phrase_key, word_key
from moderator.anonymise.orgs_brands import national_charity
from moderator.anonymise.orgs_charities import place_sector_run, sector_run
from moderator.anonymise.orgs_heads import (
    CONNECTORS,
    MORE_HEADS,
    PLACES_OF_LEISURE,
    PUBLIC_SERVICES,
    SCHOOL_HEADS,
    ends_in_head,
    excluded,
    run_kind,
    spans_of,
    trimmed,
)
from moderator.anonymise.orgs_nouns import DESCRIPTIVE, ORG_NOUN, service_terms_only
from moderator.anonymise.orgs_public import AGENCY_NOUNS, a_person, placed, public_service
from moderator.anonymise.orgs_runs import capital_runs, heading
from moderator.anonymise.state import State
from moderator.anonymise.unknown_words import unknown

# a capitalised word (Latin capitals with their accents), and the small words between two
_CAP = r"[A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĞĠĢĤĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŜŞŠŢŤŪŮŰŲŴŶŸŹŻŽ]"
# (at most 61 letters and never cut short: a pattern tried from each letter of a longer
# "word" read it to its end each time, and "AAAA…" took seconds a page)
_WORD = rf"{_CAP}[\w'’-]{{0,60}}+(?![\w'’-])"
RUN_RE = re.compile(rf"{_WORD}(?: (?:(?:of|and|&|for|the) )?{_WORD})+")
STRONG = 0.8  # an unknown word and an organisation's head noun
WEAK = 0.6  # an unknown word alone: for a person to confirm
_KEPT = 0.4  # a place and an organisation's noun, every word known


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\S+", text[start:end])]


def find_unknown_runs(st: State) -> None:
    """Redact the runs of capitalised words holding an unknown word (see the module's doc)."""
    text = st.text
    lex = st.lex
    for m in RUN_RE.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "'’@.-_/"):
            continue
        _consider(st, lex, m.start(), m.end())
    _shouted_runs(st, lex)
    if "flat " in text:
        widen_lower_flats(st)


def _consider(st: State, lex: Lexicon, start: int, end: int) -> None:
    if st.taken.find(0, start, end) < 0:
        return  # taken whole already (most runs: the people of the record)
    words = st.text[start:end].split(" ")
    if (
        len(words) <= 3
        and st.text[start - 2 : start] != ", "  # ("Omega Parcel Hub, Great Sankey": its branch)
        and phrase_key(st.text[start:end]) in more_places()
    ):
        return  # "moved to Great Sankey": a village the larger place list knows, kept
    keys = phrase_key(st.text[start:end])
    if (
        len(keys) >= 2
        and keys[-1] in AGENCY_NOUNS
        and not placed(st, keys)
        and public_service(st, keys[-1], keys[:-1])
    ):
        return  # "Refugee Wellbeing Service": a kind of service, named by no place
    if not any(unknown(w, lex) for w in words):
        if _named_centre(st, lex, start, end) and st.free(start, end):
            st.take(start, end, "org", " ".join(phrase_key(st.text[start:end])), 45, WEAK)
            return
        if len(words) >= 3:
            sector_run(st, lex, start, end)  # "Refugee Action Torquell": a known place last
        place_sector_run(st, lex, start, end)  # "Derby Carers Centre": the place first
        if len(words) < 3 or word_key(words[0]) not in lex.protected_words:
            return  # quick: nothing to redact, nor a place's organisation to keep
    spans = spans_of(st.text, start, end)
    if not st.free(start, end) and _headed(st, lex, spans):
        _retake(st, lex, spans)
        return
    for piece in _free_pieces(st, spans):
        if not _joins_neighbour(st, lex, piece):
            _piece(st, lex, piece)


_NEIGHBOURS = frozenset({"org", "school", "gp_practice"})


def _joins_neighbour(st: State, lex: Lexicon, piece: list[tuple[int, int]]) -> bool:
    """Unknown words left beside an organisation found in the same run are its own
    ("Zbor Quorvesk Nádeje": the last word was not taken with the rest)."""
    text = st.text
    if not all(unknown(text[a:b], lex) for a, b in piece):
        return False
    start, end = piece[0][0], piece[-1][1]
    for c in st.cands:
        if c.kind in _NEIGHBOURS and (c.end == start - 1 or c.start == end + 1):
            if c.end == start - 1:
                st.taken[c.end : end] = b"\x01" * (end - c.end)
                c.end = end
            else:
                st.taken[start : c.start] = b"\x01" * (c.start - start)
                c.start = start
            return True
    return False


# what a run with an unknown word and a head noun takes over: weaker guesses inside it
# ("Offwell Equine Therapy" as a person's name, "Estover Street" as a street before "Dance Crew")
_REPLACEABLE = frozenset({"person", "professional", "address"})


def _headed(st: State, lex: Lexicon, spans: list[tuple[int, int]]) -> bool:
    """Whether a run ends in an organisation's head noun and holds an unknown word."""
    text = st.text
    run = text[spans[0][0] : spans[-1][1]]
    last = word_key(text[slice(*spans[-1])])
    if last in PUBLIC_SERVICES or not any(unknown(text[a:b], lex) for a, b in spans):
        return False
    if a_person(st, phrase_key(run)):
        return False  # "(LADO Hayley Chambers)": a person, her surname a head noun
    return last in MORE_HEADS or ends_in_head(run)


def _retake(st: State, lex: Lexicon, spans: list[tuple[int, int]]) -> None:
    """A run partly taken by weaker guesses (a person's name, a street) is one organisation's
    name: the guesses wholly inside it give way, and its free words join it."""
    text = st.text
    spans = trimmed(lex, text, spans)
    if len(spans) < 2:
        return
    start, end = spans[0][0], spans[-1][1]
    keys = phrase_key(text[start:end])
    if excluded(lex, text, start, end, keys):
        return
    for c in list(st.cands):
        if start <= c.start and c.end <= end and c.kind in _REPLACEABLE and c.priority < 80:
            st.cands.remove(c)
            st.taken[c.start : c.end] = bytes(c.end - c.start)
    ident = " ".join(keys)
    for piece in _free_pieces(st, spans):
        if word_key(text[slice(*piece[-1])]) in CONNECTORS:
            continue  # "Ms Raza of Raza & Co": what comes before "of" is another name
        while piece and word_key(text[slice(*piece[0])]) in CONNECTORS:
            piece = piece[1:]
        if piece:
            kind = "school" if keys[-1] in SCHOOL_HEADS else "org"
            st.take(piece[0][0], piece[-1][1], kind, ident, 58, STRONG)


def _free_pieces(st: State, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The stretches of the run's words not yet taken (a taken word parts the run)."""
    pieces: list[list[tuple[int, int]]] = [[]]
    for a, b in spans:
        if st.free(a, b):
            pieces[-1].append((a, b))
        elif pieces[-1]:
            pieces.append([])
    return [p for p in pieces if p]


def _piece(st: State, lex: Lexicon, words: list[tuple[int, int]]) -> None:
    text = st.text
    if not any(unknown(text[a:b], lex) for a, b in words):
        _maybe_keep(st, lex, words)
        return
    words = trimmed(lex, text, words)  # no protected word, title, month or town at an edge
    if len(words) < 2:
        return
    start, end = words[0][0], words[-1][1]
    run = text[start:end]
    keys = phrase_key(run)
    if len(keys) < 2 or not any(unknown(text[a:b], lex) for a, b in words):
        return
    if excluded(lex, text, start, end, keys) or service_terms_only(keys):
        return  # (and "Children and Family Wellbeing Service": what is done, not who)
    if " and " in run and all(national_charity(part) for part in run.split(" and ")):
        return  # "Kooth and Young Carers": two national names
    if keys[-1] in PUBLIC_SERVICES or (
        keys[-1].upper() in lex.acronyms and keys[-1] not in MORE_HEADS
    ):
        return
    if keys[-1] in PLACES_OF_LEISURE:
        return
    head = keys[-1] in MORE_HEADS or ends_in_head(run)
    kind = run_kind(keys, lex, head)
    ident = " ".join(keys)
    if head or kind in ("school", "address", "gp_practice"):
        st.take(start, end, kind, ident, 58, STRONG)
    elif any(text[a:b].lower() in CONNECTORS for a, b in words):
        return  # "Appleby and Ballinasloe": two places, not one name
    elif (
        len(words) == 2
        and unknown(text[slice(*words[0])], lex)
        and not unknown(text[slice(*words[1])], lex)
    ):
        # an unknown word before an everyday noun ("Glenbourne Unit", "Oulton Broad"): as
        # often a place or a public service as a family's: for the person importing to decide
        st.keep(start, end, kind, ident, _KEPT)
    else:
        st.take(start, end, kind, ident, 45, WEAK)


# a family or community centre's, a contact centre's or a youth hub's noun ending a run
_COMMUNITY_HEAD = re.compile(
    r"[ \t](?:Family|Contact|Children['’]s|Community|Youth)[ \t]+(?:Centre|Hub|Club)\Z"
)


# words before a centre's noun that name none ("the Family Contact Centre", "For Children's
# Hub")
_NO_NAME = frozenset({"family", "contact", "community", "youth", "childrens", "children", "for"})
_NO_NAME |= frozenset({"and", "of", "at", "to", "in", "our", "local", "main", "new", "old"})


def _named_centre(st: State, lex: Lexicon, start: int, end: int) -> bool:
    """A centre named by words of English that name no place ("Park End Family Centre",
    "The Limes Family Centre", "Blue Anchor Family Centre"): a local centre, more often
    written as a family's organisation than as a public service; taken on weak evidence,
    for the person importing to confirm. Named by a place it is a public service and stays."""
    run = st.text[start:end]
    head = _COMMUNITY_HEAD.search(run)
    if head is None or run.isupper() or heading(st.text, start, end):
        return False
    name = phrase_key(run[: head.start()])
    if name[:1] == ("the",):
        name = name[1:]
    return (
        bool(name)
        and not any(
            (k,) in lex.places or k in lex.protected_words or k in PUBLIC_SERVICES or k in _NO_NAME
            for k in name
        )
        and name not in lex.places
    )


def _maybe_keep(st: State, lex: Lexicon, words: list[tuple[int, int]]) -> None:
    """A place and an organisation's noun, every word known ("Tipton Green Family Hub"):
    likely a family's club or a public service; a person importing decides."""
    text = st.text
    if len(words) < 3:
        return
    start, end = words[0][0], words[-1][1]
    run = text[start:end]
    keys = phrase_key(run)
    if not keys or keys[0] not in lex.protected_words or (keys[0],) not in lex.places:
        return
    if keys[-1] in PUBLIC_SERVICES or keys[-1] in PLACES_OF_LEISURE or not ends_in_head(run):
        return  # "… Police", "… Skate Park": public services and places of leisure stay
    if heading(text, start, end) or run.isupper() or keys[1:] in lex.phrases.get(keys[1], ()):
        return  # a heading, capitals, or a place's public service ("… Children's Services")
    st.keep(start, end, "org", " ".join(keys), _KEPT)


def _shouted_runs(st: State, lex: Lexicon) -> None:
    """In a run in capitals, the name's words before an organisation's head noun and a town
    after it, with an unknown word among them ("ILLYRIA CAR WASH KEYHAM")."""
    text = st.text
    for a, b in capital_runs(text):
        titled = _title(text[a:b])
        if not any(unknown(w, lex) for w in titled.split()):
            continue  # quick: an organisation's name here holds an unknown word
        for head in _SHOUTED_HEAD_RE.finditer(titled):
            words = [(a + x, a + y) for x, y in _words(titled, 0, head.start())]
            first = len(words)
            while first and word_key(text[slice(*words[first - 1])]) in DESCRIPTIVE:
                first -= 1  # "… COMMUNITY COLLEGE": everyday words of the noun
            described = first
            while first and _name_word(lex, text[slice(*words[first - 1])].title()):
                first -= 1
            if first == described:
                continue
            start, end = words[first][0], a + head.end()
            named = [text[slice(*w)].title() for w in words[first:]]
            after = _NEXT_SHOUTED.match(text, end)
            if after is not None and after.end() <= b:
                word = after.group(1).title()
                if unknown(word, lex) or (word_key(word),) in lex.places:
                    end = after.end()
                    named.append(word)
            if any(unknown(w, lex) for w in named) and st.free(start, end):
                kind = "school" if word_key(head.group()) in _SHOUTED_SCHOOLS else "org"
                st.take(start, end, kind, " ".join(phrase_key(text[start:end])), 58, STRONG)


def _title(run: str) -> str:
    """``run`` in title case, of the same length, with an apostrophe's ``s`` kept small
    (``str.title`` makes "WOMEN'S" "Women'S", which no list knows)."""
    titled = run.title()
    if "'" not in run and "’" not in run:
        return titled
    chars = list(titled)
    for i in range(1, len(chars)):
        if chars[i - 1] in "'’" and i < len(chars) and chars[i].isupper():
            chars[i] = chars[i].lower()
    return "".join(chars)


def _name_word(lex: Lexicon, word: str) -> bool:
    """A word of a name in capitals: no everyday word ("Illyria", "Keyham"; not "From")."""
    key = word_key(word)
    return (
        len(key) >= 3
        and key.isalpha()
        and key not in lex.words
        and key not in lex.common
        and key not in LEADING_WORDS
        and key not in HONORIFICS
        and key.upper() not in lex.acronyms
    )


_SHOUTED_HEAD_RE = re.compile(rf"(?<=[ \t])(?:{ORG_NOUN}|College|School|High)(?![\w])")
_SHOUTED_SCHOOLS = frozenset({"college", "school", "high", "academy", "primary", "junior"})
_NEXT_SHOUTED = re.compile(r"[ \t]+([A-Z][A-Z'’-]+)(?![\w])")
