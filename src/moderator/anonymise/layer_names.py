"""Layers 3 and 4 of the redactor: other names, found on evidence, then propagated.

Names are scored on evidence rather than capitalisation alone: honorifics (Mrs,
Dr, PC), the words around them ("neighbour", "health visitor", "… said",
"(neighbour)", "aged 9"), lists of common given names and surnames, and whether
the word is everyday English or protected vocabulary. Once a name is found with
evidence, its other mentions in the same text get the same placeholder.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import (
    AGE_AFTER_RE,
    AGENCY_CUES,
    INSTITUTION_NOUNS,
    NON_NAME_ENDINGS,
    PAREN_CUE_RE,
    PET_AFTER_RE,
    PET_NAMED_RE,
    PLACE_PREPOSITIONS,
    POSSESSED,
    PUBLIC_SERVICE_NOUNS,
    RELATION_CUES,
    REPORT_VERBS,
    ROLE_CUES,
    WEAK_VERBS,
)
from moderator.anonymise.lexicon import (
    Lexicon,
    frequent_word,
    more_places,
    phrase_key,
    word_key,
)
from moderator.anonymise.names_around import KIN_PAIRS, KIN_TITLES
from moderator.anonymise.names_cued import accept, cue_before
from moderator.anonymise.names_nameish import nameish, shouted, shouted_after_cue
from moderator.anonymise.names_surnames import caps_surname, common_surname
from moderator.anonymise.state import State, Tok

# a capitalised word after a run that makes the run part of a place's or school's name
_PLACE_AFTER = INSTITUTION_NOUNS | frozenset({"primary", "junior", "juniors", "infants"})
_AND_SERVICE = re.compile(
    r"[ \t]+(?:and|&)[ \t]+(?:[A-Z][\w'’-]+[ \t]+){1,2}(?:Police|Constabulary|Council)\b"
)
_POSSESSIVE_BEFORE = re.compile(r"\b(?:[Hh]er|[Hh]is|[Mm]y|[Oo]ur|[Tt]heir|[Yy]our)[ \t]+\Z")
_TITLE_GAP = re.compile(r"\.?[ \t]+")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+(?:['’][^\W\d_]+)*)")


def find_other_names(st: State, toks: list[Tok]) -> None:
    """Runs of up to four capitalised words, redacted when the evidence adds up."""
    lex = st.lex
    n = len(toks)
    done = 0
    kept = {k.start for k in st.kept}  # the record's names kept as places or words
    for i in st.capitalised:
        if i < done:
            continue
        # a name in capitals ("Found with TARIQ AZAM") counts when a cue announces a person
        shouting = toks[i].upper and shouted_after_cue(st, toks, i)
        if not (shouting or nameish(st, toks, i)):
            continue
        j = i + 1
        while (
            j < n
            and j - i < 4
            and (nameish(st, toks, j) or (shouting and shouted(st, toks, j)))
            and st.joined(toks[j - 1], toks[j])
        ):
            j += 1
        if (
            j < n
            and toks[j - 1].key in st.lex.given
            and toks[j].cap
            and (
                toks[j].key in st.lex.surnames
                or (toks[j].key,) in st.lex.places
                or (toks[j - 1].upper and shouted(st, toks, j))  # "DANIEL WHITTAKER"
                or caps_surname(st, toks[j - 1], toks[j])  # "Scott FELL", "Lee MATHER"
                # a people's word as a surname, where no noun follows it: "The IRO is Chloe
                # Cornish.", not "Ahmed Kurdish interpreter"
                or (toks[j].key in _PEOPLES_SURNAMES and _NO_NOUN_AFTER.match(st.text, toks[j].end))
            )
            and not st.protected[j]
            and st.joined(toks[j - 1], toks[j])
            and st.free(toks[j].start, toks[j].end)
        ):
            j += 1  # "Natalie Fenton", "Joe Mansfield": a town as a surname, after a given name
        elif common_surname(st, toks, i, j) or _role_place_surname(st, toks, i, j):
            j += 1  # "Lorraine Fell", "Dean Hope": an everyday word as a surname
        if _public_service(st, toks, j) or _after_public_service(st, toks, i, j):
            done = j
            continue
        if kept and any(toks[k].start in kept for k in range(i + 1, j)):
            done = j  # "to the Piece Hall": the record's surname, kept there as a place's
            continue
        if (
            j == i + 1
            and toks[i].key in _COMPASS
            and j < n
            and (toks[j].key,) in lex.places
            and st.joined(toks[i], toks[j])
        ):
            done = j + 1  # "West Suffolk Hospital", "North Tyneside": a place, not a name
            continue
        if (
            j == i + 2
            and toks[i + 1].key == "ward"
            and _HOSPITAL_WARD.search(st.text, max(0, toks[i].start - 60), toks[i].start)
        ):
            done = j  # "West Suffolk Hospital, Rainbow Ward", "on Puffin Ward": a ward
            continue
        if (
            j == i + 1
            and toks[i].key in KIN_TITLES
            and _POSSESSIVE_BEFORE.search(st.text, max(0, toks[i].start - 8), toks[i].start)
        ):
            done = j  # "talked about her Lola back home": her grandmother, a kin word
            continue
        if j == i + 2 and f"{toks[i].key} {toks[i + 1].key}" in KIN_PAIRS:
            done = j  # '("Por Por")': what the children call their grandmother
            continue
        if (
            toks[i].key in ("st", "saint")
            and toks[j - 1].poss
            and j > i + 1
            and (
                j == n
                or not toks[j].cap
                or st.text[toks[j - 1].end + 2 : toks[j].start].strip()  # "St Gerard's. Paddy"
            )  # ("St Mary's College Hospital": a longer name)
        ):
            # "church at St Anne's", "was at St Peter's": a saint's church or school, no person
            st.take(toks[i].start, toks[j - 1].end + 2, "org", "saint:" + toks[j - 1].key, 40, 0.6)
            done = j
            continue
        if _agency_before_town(st, toks, i, j):
            # "refers to Pathweys Recovery Doncaster": a local agency named with its town; a
            # public one ("University Hospitals Plymouth") is left, and neither is a person
            if not any(t.key in _PUBLIC_WORDS for t in toks[i:j]):
                keys = " ".join(t.key for t in toks[i : j + 1])
                st.take(toks[i].start, toks[j].end, "org", "org:" + keys, 40, 0.6)
                done = j + 1
            else:
                done = j
            continue
        kind, score = _score(st, toks, i, j)
        if score >= 3:
            # weak evidence (a score of 3) is for a person to confirm; 5 or more is sure
            accept(st, toks[i:j], kind, min(0.95, 0.5 + 0.06 * score))
        elif score >= 1.5 and any(t.key in lex.given or t.key in lex.surnames for t in toks[i:j]):
            ident = "p:" + " ".join(t.key for t in toks[i:j])
            st.keep(toks[i].start, toks[j - 1].end, kind, ident, 0.3 + 0.1 * (score - 1.5))
        done = j


_APOSTROPHE_GAP = re.compile(r"['’][ \t]+")
# after a possessive: a capitalised noun or a street, the name of a shop ("Sami's Market",
# "Marco's on Gayton Road")
_NAMED_AFTER_POSS = re.compile(r"['’]s?[ \t]+(?:on[ \t]+)?[A-Z]")
_SAINTS_SERVICES = PUBLIC_SERVICE_NOUNS | {"hospital", "hospice"}


# the words of a place that are surnames too ("Imogen Park", "Jo Lane"), read as one only
# where a role announces a person
_PLACE_SURNAMES = frozenset(
    {"park", "lane", "hill", "wood", "green", "field", "fields", "marsh", "hall", "house"}
    | {"street", "ford", "heath", "moor", "cross", "bank", "banks", "bridge", "mill", "mills"}
    | {"castle", "grange", "dale", "gates", "brooks", "church", "chapel", "temple", "wells"}
)


def _role_place_surname(st: State, toks: list[Tok], i: int, j: int) -> bool:
    """Whether the place's word after a given name is the person's surname, because a role
    stands before the name or in brackets after it ("via DSL Imogen Park", "Imogen Park
    (DSL)"; not "at Victoria Park")."""
    if j != i + 1 or j >= len(toks):
        return False
    first, t = toks[i], toks[j]
    lex = st.lex
    if not (
        first.key in lex.given
        and first.key not in lex.common
        and not first.poss
        and t.cap
        and not t.upper
        and t.key in _PLACE_SURNAMES
        and not st.protected[j]
        and st.joined(first, t)
        and st.free(t.start, t.end)
    ):
        return False
    if cue_before(st, toks, i) == "role":
        return True
    m = PAREN_CUE_RE.match(st.text, t.end + (2 if t.poss else 0))
    if m is None or not m.group().lstrip().startswith("("):
        return False
    words = phrase_key(m.group("cue"))
    return bool(words) and (" ".join(words) in ROLE_CUES or words[-1] in ROLE_CUES)


def _after_public_service(st: State, toks: list[Tok], i: int, j: int) -> bool:
    """Whether the run goes on the name of a public service before it, with no given name in
    it and no role announcing a person ("the Police National Computer", "Council Tax
    Reduction"; not "Police Constable Amy Hart", where the role is the cue)."""
    if i == 0 or not toks[i - 1].cap or toks[i - 1].key not in PUBLIC_SERVICE_NOUNS:
        return False
    if not st.joined(toks[i - 1], toks[i]) or cue_before(st, toks, i) is not None:
        return False
    return not any(t.key in st.lex.given for t in toks[i:j])


def _public_service(st: State, toks: list[Tok], j: int) -> bool:
    """Whether the run ending before ``toks[j]`` names a public service ("Northumbria Police",
    "Cumberland Infirmary"): its last word, or the word joined after it, is such a noun."""
    if toks[j - 1].key in PUBLIC_SERVICE_NOUNS or _AND_SERVICE.match(st.text, toks[j - 1].end):
        return True  # (and "Avon and Somerset Police": two places, one force)
    if j < len(toks) and toks[j].key in PUBLIC_SERVICE_NOUNS and st.joined(toks[j - 1], toks[j]):
        return True
    if (
        j < len(toks)
        and toks[j].key in _HOSPITALS
        and toks[j].cap
        and st.joined(toks[j - 1], toks[j])
    ):
        return True  # "paediatrician, Castle Hill Hospital": a hospital's name, not a person
    # "St Thomas' Hospital", "St Mary's Hospital": a saint's name with its apostrophe, then the
    # service's noun
    return (
        j < len(toks)
        and toks[j].key in _SAINTS_SERVICES
        and (
            _APOSTROPHE_GAP.fullmatch(st.text, toks[j - 1].end, toks[j].start) is not None
            or (j >= 2 and toks[j - 1].poss and toks[j - 2].key in ("st", "saint"))
        )
    )


# before a hospital's ward: the hospital's name and a comma, or "on" / "to" / "the"
_HOSPITAL_WARD = re.compile(
    r"(?:(?i:hospital|infirmary|royal|general)[ \t]*,[ \t]*|\b(?:on|to|the|from)[ \t]+)\Z"
)
_COMPASS = frozenset(
    {"north", "south", "east", "west", "mid", "central", "greater", "upper", "lower"}
)


_LANGUAGE_AFTER = frozenset(
    {"interpreter", "interpreters", "translator", "speaker", "speakers", "speaking", "language"}
)
_CODE_NAMED = frozenset({"op", "operation", "programme", "scheme"})
_PEOPLES_SURNAMES = frozenset(
    {"english", "irish", "welsh", "scott", "french", "cornish", "dutch", "fleming", "norman"}
)
_AMPERSAND_ACRONYM = re.compile(r"&[A-Z]")
_HOSPITALS = frozenset({"hospital", "hospitals", "hospice"})
_PUBLIC_WORDS = frozenset({"university", "hospital", "hospitals", "nhs", "college", "council"})


def _agency_before_town(st: State, toks: list[Tok], i: int, j: int) -> bool:
    """Whether the run ``toks[i:j]`` ends in an everyday word that is no name and a town
    follows it, joined: an agency's name with its town ("Phoenix Recovery Luton")."""
    lex = st.lex
    return (
        j - i > 1
        and j < len(toks)
        and toks[j].cap
        and (toks[j].key,) in lex.places
        and st.joined(toks[j - 1], toks[j])
        and toks[j - 1].key in lex.words
        and not listed_word(lex, toks[j - 1].key)
        and st.free(toks[i].start, toks[j].end)
    )


_NUMBER_AFTER = re.compile(r"[ \t]+\d")
_NO_NOUN_AFTER = re.compile(r"[ \t]*(?:[(,;:)]|\.(?!\w)|\n|\Z)")
# the last word of an agency's or a firm's name, never of a person's
_AGENCY_HEADS = frozenset({"project", "projects", "trust", "group", "network", "partnership",
                           "foundation", "charity", "society", "association", "agency",
                           "alliance", "forum", "company", "ltd", "limited", "plc", "campaign",
                           "programme", "scheme", "service", "services", "hub"})  # fmt: skip


def listed_word(lex: Lexicon, key: str) -> bool:
    """Whether ``key`` is a listed given name or surname."""
    return key in lex.given or key in lex.surnames


def _word(lex: Lexicon, key: str) -> bool:
    """An everyday word of four letters or more and no listed name: "contract", "vehicle" (not
    "jack", "grace"; not "Ba", a grandmother)."""
    return len(key) > 3 and frequent_word(key) and key not in lex.given and key not in lex.surnames


def _score(st: State, toks: list[Tok], i: int, j: int) -> tuple[str, float]:
    lex = st.lex
    text = st.text
    chunk = toks[i:j]
    first, last = chunk[0], chunk[-1]
    kind = "person"
    score = 0.0
    if len(chunk) > 1 and (
        first.key in _CODE_NAMED
        or (len(chunk) == 2 and first.key == "project")  # "WYP Project Sentinel"
        or (len(chunk) > 2 and chunk[1].key in _CODE_NAMED and (first.key,) in st.lex.places)
    ):
        # "Op Encompass", "Operation Sceptre", "Halton Op Skylark": a programme's code name
        return kind, 0.0
    if PET_NAMED_RE.search(text, max(0, first.start - 40), first.start) or PET_AFTER_RE.match(
        text, last.end
    ):
        return kind, 0.0  # "a dog called Rocket", "Biscuit the cat": a pet's name
    if (
        _AMPERSAND_ACRONYM.match(text, last.end)
        or text[max(0, first.start - 1) : first.start] == "&"
    ):
        return kind, 0.0  # "RD&E", "B&Q": an acronym's letters, glued to an ampersand
    if (
        len(chunk) > 1
        and last.key in _AGENCY_HEADS
        and first.key not in lex.given
        and not listed_word(lex, last.key)
    ):
        # "(Recovery worker, Riverside Recovery Project)": an organisation's name, even after
        # a role's word; a named person ends in a name ("worker, Jane Hall")
        return kind, 0.0
    # the words before
    pre = cue_before(st, toks, i)
    if pre == "role":
        kind, score = "professional", score + 6
    elif pre == "relation":
        score += 5
    elif pre == "weak":
        score += 1
    # what the chunk looks like
    best = 0.0
    for pos, t in enumerate(chunk):
        k = t.key
        is_common = k in lex.common
        if k in lex.given:
            val = 1.0 if is_common else 3.0
            if pos > 0:
                val = min(val, 2.0)
        elif k in lex.surnames:
            val = 0.5 if is_common else (2.0 if pos > 0 or not st.sent(t) else 1.5)
        else:
            val = 0.5 if pos == 0 and st.sent(t) else 2.0
        best = max(best, val)
    score += best
    if len(chunk) > 1 and all(
        t.key in lex.given or t.key in lex.surnames or t.key not in lex.common for t in chunk
    ):
        score += 1

    def listed(t: Tok) -> bool:
        return listed_word(lex, t.key)

    given_first = len(chunk) == 2 and first.key in lex.given and first.key not in lex.common
    if (last.key in INSTITUTION_NOUNS and not listed(last)) or any(
        t.key.endswith(NON_NAME_ENDINGS)
        and not listed(t)
        and not (given_first and t is last and t.key not in lex.words)  # "Chloe Vance"
        for t in chunk
    ):
        # "Salvation Army", "Blythe Bridge", "Maternity Grant": an organisation, place or
        # concept (but "Kevin Hall" is a name: Hall is a listed surname)
        score -= 3
    if pre is None and len(chunk) == 1 and _word(lex, first.key):
        score -= 1  # "Contract", "Info", "Sleepover": an everyday word alone
    if len(chunk) == 1 and _word(lex, first.key) and _NUMBER_AFTER.match(text, last.end):
        score -= 3  # "with Type 1 diabetes", "at Level 2": an everyday word and its number
    if (
        len(chunk) == 1
        and j < len(toks)
        and toks[j].cap
        and toks[j].key in lex.common
        and not listed_word(lex, toks[j].key)
        and st.joined(first, toks[j])
        and first.key in lex.words
        and not listed_word(lex, first.key)
    ):
        score -= 3  # "From: Safeguarding Children Nurse": an everyday word in a role's title
    if (
        pre != "role"
        and len(chunk) == 1
        and i > 1
        and toks[i - 1].cap
        and not toks[i - 2].cap  # (mid-sentence, after a word in lower case: "made for Adult")
        and st.joined(toks[i - 2], toks[i - 1])
        and st.joined(toks[i - 1], first)
        and toks[i - 1].key in lex.words
        and toks[i - 1].key not in lex.given
        and first.key in lex.words
        and first.key not in lex.given
        and first.key not in lex.surnames
        and not listed_word(lex, first.key)
    ):
        # "made for Adult Nursing": an everyday word after another capitalised one, a course's
        # or a service's name, not a person's (even after a relation's word: "an adult")
        score -= 3
    if (
        pre is None
        and i > 0
        and toks[i - 1].key in PLACE_PREPOSITIONS
        and st.joined(toks[i - 1], first)
    ):
        # "in Longton", "at Tesco": places follow these more than people; a town the larger
        # gazetteer knows ("in Dukinfield, mother at …", "at Ashton") is the town
        keys = tuple(t.key for t in chunk)
        if (
            last.poss
            and not last.upper
            and not _NAMED_AFTER_POSS.match(text, last.end)
            and all(
                listed_word(lex, t.key) and t.key not in lex.common and (t.key,) not in lex.places
                for t in chunk
            )
        ):
            pass  # "sat in Gianni's", "chips from Mario's": someone's home or their shop
        elif keys in more_places():
            score -= 4
        elif not (
            len(chunk) == 2
            and first.key in lex.given
            and first.key not in lex.common
            and (first.key,) not in lex.places
            and (last.key in lex.surnames or (last.key,) in lex.places)
        ):
            score -= 1.5  # (but "help from Emma Stroud": a given name and a surname, a person)
    # the words after (read from the text: verbs are not among the kept words)
    tail = text[last.end : last.end + 60]
    after = _NEXT_WORD.match(text, last.end + (2 if last.poss else 0))
    after_key = word_key(after.group(1)) if after else ""
    if len(chunk) == 1 and after_key in _LANGUAGE_AFTER:
        score -= 5  # "a Shona interpreter", "Shona speakers": the language, not Shona
    if not last.poss:
        if after_key in WEAK_VERBS:
            score += 2
            if st.sent(first) and first.key not in lex.common and not _word(lex, first.key):
                score += 1  # "Tanisha said": no cue needed; "Contract agreed": a word
        elif after_key in REPORT_VERBS and (first.key in lex.given or not st.sent(first)):
            score += 1
        if after and after.group(1)[0].isupper() and after_key in _PLACE_AFTER:
            score -= 3  # "Crow Nest Park", "Rothwell Victoria Junior": a place or a school
    elif after_key in POSSESSED:
        score += 2
    m = PAREN_CUE_RE.match(tail) if not last.poss else None
    if m:
        cue = " ".join(phrase_key(m.group("cue")))
        words = cue.split()
        if (
            cue in ROLE_CUES
            or (words and words[-1] in ROLE_CUES)
            or (len(words) > 1 and " ".join(words[:2]) in ROLE_CUES)
        ):
            kind, score = "professional", score + 5
        elif cue in RELATION_CUES or (
            words and (words[-1] in RELATION_CUES or words[0] in RELATION_CUES)
        ):
            score += 4
        elif (
            cue in AGENCY_CUES
            and m.group().lstrip().startswith("(")
            and all(t.word[1:].islower() for t in chunk)  # not "SystmOne (Health Visiting)"
        ):
            kind, score = "professional", score + 4  # "Mordecai (school)" in a list
    if AGE_AFTER_RE.match(tail):
        score += 3
    if len(chunk) == 1 and st.sent(first) and first.key not in lex.given and pre is None:
        score -= 0.5
    return kind, score
