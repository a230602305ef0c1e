"""Layer 2 of the redactor: the record's own people.

Full names, given names, surnames, short forms (Will for William), initials
(K.S., KS), possessives, any letter case, hyphen and apostrophe variants,
one-letter typos. Each person keeps one placeholder throughout.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import FEMALE, HONORIFICS, MALE, ROLE_CUES
from moderator.anonymise.initials_signed import find_dictated_initials, signs_note
from moderator.anonymise.known_said import (  # re-exported: the word-use tests lived here
    _says,
    _word_before,
    introduced,
    named_by_kin,
    named_in_speech,
    rare_in_typed_line,
    subject_in_typed_line,
)
from moderator.anonymise.known_use import used_as_place, used_as_word
from moderator.anonymise.layer_initials import after_article, in_shouted_line
from moderator.anonymise.layer_sounds import sounds_like_known
from moderator.anonymise.lexicon import Lexicon, frequent_word
from moderator.anonymise.names_slips import (
    may_be_slip_in,
    named_in_full,
    other_surname_after,
    slip_of,
)
from moderator.anonymise.nearby import for_text
from moderator.anonymise.patterns import (
    INITIAL_AFTER,
    INITIAL_BEFORE,
    INITIALS_RE,
    clean_left,
)
from moderator.anonymise.state import State, Tok

__all__ = [
    "_word_before",
    "find_known_people",
    "named_in_speech",
    "take_known",
    "used_as_place",
    "used_as_word",
]

_NOT_CAPITALS = re.compile(r"[^A-Z]")
# a message's time after its writer's initials: "MP 10:03: Outside now"
_TIME_AFTER = re.compile(r"[ \t]+\d{1,2}[:.]\d{2}[ \t]*:")
_FIELD_AFTER = re.compile(r"[ \t]+\d|:")
_BY_BEFORE_DATE = re.compile(r"\bby[ \t]+\Z")
_ON_DATE = re.compile(r"[ \t]+(?:on[ \t]+)?\d{1,2}[/.]\d{1,2}")
# what a person does and an acronym does not: "FB said", "PA told me", "AM has unfollowed"
_ACTING = re.compile(
    r"[ \t]+(?:said|says|told|tells|reported|disclosed|stated|agreed|denied|explained|asked"
    r"|confirmed|shared|described|wants|wanted|feels|felt|cried|replied|admitted|alleged"
    r"|refused|mentioned|became|ran|hit|punched|kicked|(?:has|had)[ \t]+(?!been\b)[a-z]+ed)\b"
)


def find_known_people(st: State, toks: list[Tok]) -> None:
    """The record's people: names, short forms, surnames, typos, initials."""
    known = st.known
    lex = st.lex
    common, protected = lex.common, lex.protected_words
    words = lex.words  # a name in lower case that is an everyday word is the word
    firsts, seconds = known.first_keys, known.second_keys
    # a lower-case word none of the tables below holds is nobody's name: skip it quickly
    # (a set: frozenset | dict keys is a set at run time, which compiled code checks)
    names = known.beginnings.keys() | known.surname_owners.keys() | firsts
    beginnings, surname_owners = known.beginnings, known.surname_owners
    taken = st.taken.find  # (st.free, without a call of a method: -1 where nothing is taken)
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        key = t.key
        if not t.cap and key not in names and "-" not in key:
            i += 1
            continue
        if key in firsts and taken(1, t.start, t.end) < 0:
            # a name of several words only if the next word can be the second of one
            longest = known.max_n if i + 1 < n and toks[i + 1].key in seconds else 1
            hit = st.longest(toks, i, known.ngrams, longest)
            if hit is not None and hit[0] == 1 and other_surname_after(st, toks, i):
                # "From: PS Gemma Rowley" beside the worker Gemma Rollins: another person of
                # the same given name, redacted whole as someone else
                j = i + 2  # and a third part ("Pham Thi Hoa")
                if (
                    j < n
                    and toks[j].cap
                    and st.joined(toks[j - 1], toks[j])
                    and toks[j].key not in common
                    and toks[j].key not in protected
                ):
                    j += 1
                keys = tuple(u.key for u in toks[i:j])
                ident = "p:" + " ".join(keys)
                st.take(t.start, toks[j - 1].end, "person", ident, 50, 0.7)
                st.remember(keys, "person", ident)
                i = j
                continue
            if hit is not None:
                size, who = hit
                wordlike = t.lower and (key in words or key in protected)
                spoken = wordlike and (
                    named_in_speech(st, t)
                    or _says(st, t)
                    or introduced(st, t)
                    or subject_in_typed_line(st, t)
                    or rare_in_typed_line(st, t)
                    or named_by_kin(st, t)
                )
                if size > 1 and wordlike and not spoken and not toks[i + 1].lower:
                    # "still has hope Gavin will change": a word in lower case before a
                    # capitalised name is the word (a name's parts share their case)
                    i += 1
                    continue
                if size == 1 and (not wordlike or spoken) and used_as_word(st, toks, i):
                    _keep_known(st, t, who)
                elif size > 1 or not wordlike or spoken:
                    # a word said as a name ("took summer to") is for a person to confirm
                    take_known(st, t.start, toks[i + size - 1].end, who, 0.65 if spoken else None)
                    i += size
                    continue
        if t.lower and key in beginnings and not (key in common or key in protected):
            if taken(1, t.start, t.end) < 0 and (named_in_speech(st, t) or _says(st, t)):
                take_known(st, t.start, t.end, beginnings[key])
            i += 1
            continue
        owners = surname_owners.get(key)
        if owners is None and "-" in key:
            owners = known.hyphenated_owners(key)
        if owners and used_as_word(st, toks, i) and taken(1, t.start, t.end) < 0:
            _keep_known(st, t, owners[0])
        elif owners:
            # a surname that is a word, in lower case, is the word even in quotes: children
            # call people by their given names ("things at home are "strange"")
            if not (t.lower and key in words) and taken(1, t.start, t.end) < 0:
                take_known(st, t.start, t.end, _resolve(st, owners, toks, i))
        elif t.cap:
            eligible = may_be_slip_in(lex, key, t.upper)  # (cached: words recur)
            # "Image 1:" numbering a line is no slip for Imogen, though a letter apart
            if eligible and key in words and st.sent(t) and _FIELD_AFTER.match(st.text, t.end):
                # "Image 1:" numbering a line, "Venue: foster home" naming a field: a word
                # opening one is no slip for Imogen or Van, though near them
                eligible = False
            if eligible and taken(1, t.start, t.end) < 0 and not st.protected[i]:
                # ("Staying Close" is no slip for Chloe: a protected phrase's word)
                sure = None
                slip = slip_of(st, key, t.upper)
                if slip is None:
                    slip, sure = sounds_like_known(st, toks, i)  # "Moose" for Musa, "Muhammad"
                if slip is not None and named_in_full(st, toks, i):
                    slip = None  # "Nicola Frost (NF, HV)" beside Nikolay: another person
                if slip is not None:
                    take_known(st, t.start, t.end, slip, sure)
            elif (
                not eligible
                and key[-1:] == "s"
                and key[:-1] in known.given_keys
                and not t.upper
                and not st.sent(t)
                and taken(1, t.start, t.end) < 0
            ):  # "Went to Poppys school": a possessive of a name that is a word, capitalised
                take_known(st, t.start, t.end, known.given_keys[key[:-1]], 0.7)
            elif not eligible and t.poss and not t.upper and taken(1, t.start, t.end) < 0:
                owner = _clipped_owner(st, key)  # "Kay's been sent home" for Kaydence
                if owner is not None:
                    take_known(st, t.start, t.end, owner, 0.7)
        i += 1
    found = [
        m
        for m in for_text(INITIALS_RE, st.text).finditer(st.text)  # ASCII classes on ASCII notes
        if clean_left(st.text, m.start(), ".")
    ]
    # initials that are also an acronym, seen once where a person writes ("MP 10:03: …"): the
    # person's throughout the note ("copied to record by MP")
    writing = {
        m.group()
        for m in found
        if m.group() in st.lex.acronyms
        and m.group() in known.initials
        and _TIME_AFTER.match(st.text, m.end())
    }
    for m in found:
        letters = _NOT_CAPITALS.sub("", m.group())
        owner = known.initials.get(letters)
        if owner is None or not st.free(m.start(), m.end()):
            continue
        dotted = "." in m.group()
        if (
            not dotted
            and m.group() in st.lex.acronyms
            and m.group() not in writing
            and not _speaking(st.text, m, st.lex.words)
            and not _noting(st.text, m, st.lex)
            and not signs_note(st.text, m.start(), m.end())
            and (m.group().lower() in ROLE_CUES or not _owning(st.text, m))
        ):  # (a role's letters own actions as the role: "SW to send the letter")
            continue  # "IT", "PE": the acronym, unless it opens what someone wrote ("16/1 IT: …")
        if not dotted and st.opens_phrase(m.start(), letters.lower()):
            continue  # "MS Teams" beside a mother M. S.: the protected phrase, not her initials
        if not dotted and letters.lower() in st.lex.common and in_shouted_line(st.text, m.start()):
            continue  # "ALSO KNOWN AS: …" in a form in capitals: the word, not the initials
        if (
            not dotted
            and letters.lower() in _SMALL_WORDS
            and _CAPS_BEFORE.search(st.text, max(0, m.start() - 30), m.start())
            and _CAPS_AFTER.match(st.text, m.end())
        ):
            continue  # "STATEMENT OF TRUTH", "REFERRAL TO MASH": a heading's word, not initials
        take_known(st, m.start(), m.end(), owner)
    for start, end, owner in find_dictated_initials(st):
        take_known(st, start, end, owner)
    if not st.text.isascii() and not all(map(str.isascii, known.initials)):
        _accented_initials(st)
    if "Re:" in st.text or "RE:" in st.text or "(a " in st.text:
        _spaced_initials(st)


# the small words a heading in capitals writes between its words
_SMALL_WORDS = frozenset(
    {"of", "to", "in", "at", "on", "by", "is", "it", "as", "an", "or", "so", "no", "do", "go"}
    | {"up", "we", "me", "my", "he", "be", "us", "am", "if"}
)
_CAPS_BEFORE = re.compile(r"(?<![\w'’-])[A-Z]{3,}[ \t]+\Z")
_CAPS_AFTER = re.compile(r"[ \t]+[A-Z]{3,}(?![a-z])")


# a court's way to name the children: initials with a space, after "Re:" or before what the
# child is ("Re: P L (a girl, born 08.03.2021) and M L")
_SPACED_INITIALS = re.compile(r"(?<![\w.'’-])([A-Z](?:-[A-Z])?) ([A-Z])(?![\w'’.-])")
_COURTS_CHILD = re.compile(r"[ \t]*\((?:a|an)[ \t]+(?:girl|boy|child|baby|young)\b")
_RE_LINE = re.compile(r"(?:^|\n)[ \t]*(?:Re|RE|In[ \t]+the[ \t]+matter[ \t]+of)[ \t]*:?[^\n]*\Z")


def _spaced_initials(st: State) -> None:
    """A record person's initials written with a space on a court statement's ``Re:`` line or
    before the child's description in brackets: the person (``P L`` for Poppy Lane)."""
    text = st.text
    for m in _SPACED_INITIALS.finditer(text):
        first = m.group(1)  # ("J-J W" for Jay-Jay Wilson: JJW, or JW)
        owner = st.known.initials.get(first.replace("-", "") + m.group(2))
        if owner is None and "-" in first:
            owner = st.known.initials.get(first[0] + m.group(2))
        if owner is None or not st.free(m.start(), m.end()):
            continue
        line = _RE_LINE.search(text, max(0, m.start() - 120), m.start())
        if line is not None or _COURTS_CHILD.match(text, m.end()):
            take_known(st, m.start(), m.end(), owner)


# two or three capitals of any alphabet, one of them no ASCII letter: "ŁK" for Łukasz Kowalczyk
_ANY_INITIALS = re.compile(r"(?<![\w'’-])[^\W\d_]{2,3}(?![\w'’-])")


def _accented_initials(st: State) -> None:
    """A record person's initials with a letter outside ASCII (``ŁK``, ``ŞÇ``): the ASCII
    pattern above cannot see them."""
    known = st.known
    for m in _ANY_INITIALS.finditer(st.text):
        written = m.group()
        if written.isascii() or not written.isupper():
            continue
        owner = known.initials.get(written)
        if owner is not None and st.free(m.start(), m.end()):
            take_known(st, m.start(), m.end(), owner)


def _clipped_owner(st: State, key: str) -> int | None:
    """The one known person whose given name begins with ``key`` (three letters or more, an
    everyday word though it is: "Kay" for Kaydence), written capitalised with a possessive."""
    if len(key) < 3:
        return None
    owners = {who for name, who in st.known.given_keys.items() if name.startswith(key)}
    return owners.pop() if len(owners) == 1 else None


# a verb that tells or asks someone, just before initials; an officer after a slash
_TOLD_BEFORE = re.compile(
    r"\b(?:tells|told|asked|asks|informed|informs|emailed|e-mailed|rang|phoned|texted"
    r"|spoke[ \t]+to|visited[ \t]+by|seen[ \t]+by)[ \t]+$"
)
_OFFICER_AFTER = re.compile(r"[ \t]*/[ \t]*(?:DS|DC|PC|DI|PS|Sgt|Mr|Mrs|Ms|Dr)\b")


def _speaking(text: str, m: re.Match[str], everyday: frozenset[str] = frozenset()) -> bool:
    """Whether initials are a speaker's or author's: before a colon, after a line's start,
    a date or time, or a table's bar; after "by" before a date ("described by ID on
    22/01/2024"); or before what a person does ("FB said", "AM has unfollowed"). A role's
    field has a name after its colon ("PA: Zara Hussain"); a message opening with an
    ``everyday`` word does not ("[14/01 09:12] FB: Morning Mo")."""
    if _BY_BEFORE_DATE.search(text, max(0, m.start() - 4), m.start()) and _ON_DATE.match(
        text, m.end()
    ):
        return True
    if _TOLD_BEFORE.search(text, max(0, m.start() - 14), m.start()) or _OFFICER_AFTER.match(
        text, m.end()
    ):
        return True  # "tells HB that", "discussion HB / DS Paul Rennison": a person's place
    if (
        _ACTING.match(text, m.end())
        and not text[max(0, m.start() - 2) : m.start()].strip(" \t")[-1:].isdigit()
    ):
        return True  # (not a time: "at 9 AM said")
    if text[m.end() : m.end() + 2] != ": ":
        return False
    named = _NAME_AFTER.match(text, m.end() + 2)
    if named and named.group("first").lower() not in everyday:
        return False  # ("PA: Zara Hussain (ZH)": the role's field, a name after it)
    before = text[max(0, m.start() - 12) : m.start()].rstrip(" \t")
    return not before or before[-1] in "\n|-]" or before[-1].isdigit()  # ("[14/01 09:12] FB:")


# an action item's owner at a line's start: "HB to chase housing", "- TA to do a joint visit"
_LINE_OPENING = re.compile(r"(?:^|\n)[ \t]*(?:[-–•*][ \t]*|\d{1,2}[.)][ \t]*)?\Z")
_TO_DO = re.compile(r"[ \t]+to[ \t]+(?!be\b)[a-z]{2,}")
# a day and month, with a year or not: "17/03", "11/03/2025", "13.01.25"
_DAY = r"\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?"
# a signature ending its line, with a date or not: "- HB, 17/03/2025", "AM, 13/06", "TA / BO"
_SIGNING_BEFORE = re.compile(r"(?:^|\n|[-–—][ \t]*|[A-Z]{2,3}[ \t]*/[ \t]*)\Z")
_SIGNING_AFTER = re.compile(rf"(?:[ \t]*,?[ \t]*{_DAY}|[ \t]*/[ \t]*[A-Z]{{2,3}})?[ \t]*(?:\n|\Z)")
# after "by" or "with", before what tells a person from a thing: "typed up by HB from
# photos", "seen at school by HB today", "joint visit with HB Thurs 12th June"
_BY_OR_WITH = re.compile(r"\b(?:typed[ \t]+(?:up[ \t]+)?by|(?:seen|visited|by|with))[ \t]+\Z")
_PERSON_AFTER_BY = re.compile(
    r"[ \t]+(?:today|yesterday|tomorrow|from[ \t]+(?:photos|screenshots|notes)"
    r"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)"
)


def _owning(text: str, m: re.Match[str]) -> bool:
    """Whether initials stand where a person does and an acronym does not: an action item's
    owner at a line's start, a signature ending a line, or after "by" or "with" before a day
    ("seen by HB today"). Only for the record's own people, whose initials these are."""
    start, end = m.start(), m.end()
    if _LINE_OPENING.search(text, max(0, start - 8), start) and _TO_DO.match(text, end):
        return True
    if _SIGNING_BEFORE.search(text, max(0, start - 8), start) and _SIGNING_AFTER.match(text, end):
        return True
    typed = text.rfind("typed", max(0, start - 12), start) >= 0
    return bool(
        _BY_OR_WITH.search(text, max(0, start - 14), start)
        and (typed or _PERSON_AFTER_BY.match(text, end))
    )


# a given name and a surname: "PA: Zara Hussain" is a role's field, not the PA speaking
_NAME_AFTER = re.compile(
    r"(?:Mrs?|Ms|Miss|Dr)?\.?[ \t]?(?P<first>[A-Z][a-z'’-]+)[ \t]+[A-Z][a-z'’-]+"
)
# a note's author in brackets after it, or after it before the note's date: "MASH note
# 18/08/2025 (HB):", "Duty note (EP, 11:40)", "Case note HB 11/03/2025", "File note IT 13/01/25"
_NOTE_BRACKET = re.compile(
    rf"(?i:\b(?:note|comment|entry|summary|update|analysis))[ \t]+(?:{_DAY}[ \t]+)?\([ \t]*\Z"
)
# the author's initials after the role's words or "by", closing a field or a line: "| SW LD |",
# "Social Worker   HR / 12/03", "printed 03/02/2025 by LD"; or opening their summary ("LD
# summary: …"); or ending the note after its last words ("nothing of concern HR")
_ROLE_OR_BY_BEFORE = re.compile(
    r"(?:\bSW|\bSocial[ \t]+Worker"
    r"|\b(?i:printed|typed|written|recorded|entered|completed|logged|updated|prepared|scanned"
    r"|compiled|created|authored|pasted)\b[^.\n]{0,20}?(?<![\w'’-])by):?[ \t]+\Z"
)  # ("paid by HB": housing benefit, who pays; "printed 03/02/2025 by LD": who wrote)
_FIELD_ENDS = re.compile(r"[ \t]*(?:[|/,;)\n]|\.?[ \t]*\Z)")
_OWN_SUMMARY_AFTER = re.compile(r"[ \t]+(?i:summary|comment|analysis|note|update)[ \t]*:")
_LAST_WORDS_BEFORE = re.compile(r"(?<![\w'’-])(?P<w>[a-z]{2,})[ \t]+\Z")
_NOT_LAST = frozenset({"to", "with", "from", "the", "a", "an", "and", "or", "of", "for", "at"})
_BRACKET_AFTER = re.compile(r"[ \t]*[,)]")
_NOTE_BEFORE = re.compile(r"(?i:\bnote)[ \t]+\Z")
_DATE_AFTER = re.compile(rf"[ \t]+{_DAY}\b")
# what a person does and an acronym does not, after initials that are no role or title ("GP
# advised", "PC attended": the role's letters)
_PERSON_VERB_AFTER = re.compile(
    r"[ \t]+(?:attended|visited|rang|phoned|emailed|texted|met|spoke|chaired)\b"
)
# a signature ending a line after a sentence's end: "I'll ring mum this morning. DA"
_SENTENCE_BEFORE = re.compile(r"[a-z][.!?][ \t]+\Z")
_LINE_END = re.compile(r"[ \t]*(?:\n|\Z)")


def _noting(text: str, m: re.Match[str], lex: Lexicon) -> bool:
    """Whether initials sign a note: in brackets after ``note`` (a date between), after
    ``note`` before a date, or alone at a line's end after a sentence (not a word there:
    "Mum agreed. OK"). Only for the record's own people, whose initials these are."""
    start, end = m.start(), m.end()
    if _NOTE_BRACKET.search(text, max(0, start - 24), start) and _BRACKET_AFTER.match(text, end):
        return True
    if _NOTE_BEFORE.search(text, max(0, start - 8), start) and _DATE_AFTER.match(text, end):
        return True
    if _ROLE_OR_BY_BEFORE.search(text, max(0, start - 48), start) and _FIELD_ENDS.match(text, end):
        return True
    if (start == 0 or text[start - 1] == "\n") and _OWN_SUMMARY_AFTER.match(text, end):
        return True
    if not text[end:].strip():
        last = _LAST_WORDS_BEFORE.search(text, max(0, start - 20), start)
        if last is not None and last.group("w") not in _NOT_LAST:
            return True
    letters = m.group().lower()
    if (
        letters not in ROLE_CUES
        and letters not in HONORIFICS
        and not after_article(text, start)
        and _PERSON_VERB_AFTER.match(text, end)
    ):
        return True  # "Mr Bhatt and HB attended", "HB visited with the interpreter"
    return (
        m.group().lower() not in lex.common
        and m.group().lower() not in lex.words
        and not frequent_word(m.group().lower())
        and _SENTENCE_BEFORE.search(text, max(0, start - 6), start) is not None
        and _LINE_END.match(text, end) is not None
    )


def _resolve(st: State, owners: list[int], toks: list[Tok], i: int) -> int:
    if len(set(owners)) == 1:
        return owners[0]
    prev = ""
    if i > 0 and toks[i].start - toks[i - 1].end <= 2:  # "Mrs Smith", "Mrs. Smith"
        prev = toks[i - 1].key
    want = "f" if prev in FEMALE else "m" if prev in MALE else None
    if want:
        for o in owners:
            if st.known.people[o].gender == want:
                return o
    if (
        i > 0
        and st.joined(toks[i - 1], toks[i])  # "Wiktoria Nowak": the person just named
        and st.taken[toks[i - 1].end - 1]  # (quick: no name ends there unless it is taken)
    ):
        labels = {st.known.people[o].label: o for o in owners}
        for c in st.cands:
            if c.end == toks[i - 1].end and c.ident in labels:
                return labels[c.ident]
    initial = INITIAL_BEFORE.search(st.text, max(0, toks[i].start - 6), toks[i].start)
    if initial is not None:  # "K. Smith"
        for o in owners:
            if st.known.initial_of.get(o, ("", ""))[0] == initial.group(1):
                return o
    return -1  # shared surname, no way to tell whose: [FAMILY]


def _keep_known(st: State, t: Tok, who: int) -> None:
    """A known name left in the text as a place or a word: a person may still say it is the name."""
    if t.cap:  # "into the lake" is plainly a word; "moved to Stafford" may be the person
        person = st.known.people[who]
        st.keep(t.start, t.end, person.kind, person.label, 0.4)


def _spaced_before(text: str, start: int) -> bool:
    """Whether ``INITIAL_BEFORE`` can end at ``start``: a space or tab, or a line break, before it."""
    return start > 0 and text[start - 1] in " \t\n"


def take_known(st: State, start: int, end: int, who: int, confidence: float | None = None) -> None:
    """Redact ``text[start:end]`` as the record's person ``who`` (-1: a shared surname, whose
    no one can tell), with an initial written beside the name ("K. Smith", "Kayden S.")."""
    text = st.text
    if who >= 0:
        first, last = st.known.initial_of.get(who, ("", ""))
        # "K. Smith" / "K Smith" and "Kayden S." / "Kayden S"
        # (each pattern needs a space or a line break beside the name: look for that first)
        lo = max(0, start - 6)
        m = (
            INITIAL_BEFORE.search(text, lo, start)
            if _spaced_before(text, start) and not text[lo:start].islower()
            else None  # (an initial is a capital letter: none in lower-case words before)
        )
        if m and m.group(1) == first and st.free(m.start(), start):
            start = m.start()
        m = INITIAL_AFTER.match(text, end) if end < len(text) and text[end] in " \t" else None
        if m and m.group(1) == last and st.free(end, m.end(1)):
            end = m.end(1)
        person = st.known.people[who]
        st.take(start, end, person.kind, person.label, 60, confidence)
    else:
        st.take(start, end, "family", "FAMILY", 60)
