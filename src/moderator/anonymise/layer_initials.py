"""Initials that minutes and chronologies give to people, redacted wherever they recur.

An attendance list names people by initials and role (``Attendees: RT (SW), DP (TM)``),
also after a sentence on the same line; initials with a role in brackets anywhere
(``JB (HV)``), joined by a slash (``RT/DP to review``), a speaker saying something at a line
start (``DP: agreed``). Less surely, and so at a low confidence: initials listed with commas
(``ICPC - DP, KT``) or after ``by``/``with`` (``Home visit by KB``). Ranks, roles, acronyms
and a form's labels (``DS Ian Fairburn``, ``HV``, ``OIC:``) are not initials.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from moderator.anonymise.cues import RELATION_CUES, ROLE_CUES
from moderator.anonymise.lexicon import Lexicon, lower_text, phrase_key, whole_words
from moderator.anonymise.patterns import near_spans
from moderator.anonymise.state import State

_HEADER = (
    r"[ \t>*•-]*(?:attendees|attendance|present|in\s+attendance|apologies|attended"
    r"|invited|invitees|distribution|circulation|cc)\b[^\n:]{0,20}[:\-][ \t]*(?P<list>[^\n]*)$"
)
HEADER_RE = re.compile(rf"(?im)(?:^|(?<=[.;] )|(?<=[.;]\t)){_HEADER}")
# the same after the note's start, from the line break or ". " before it: a pattern that starts
# with "^" or a look-behind is tried at every position, one that starts with these only at them
_HEADER_AFTER_RE = re.compile(rf"(?im)(?:\n|\.[ \t]|;[ \t]){_HEADER}")
LISTED_INITIALS_RE = re.compile(
    r"(?<![\w(])(?P<i>[A-Z]{2,3})(?![\w])(?:[ \t]*\((?P<role>[^)\n]{1,64})\))?"
)
SPEAKER_RE = re.compile(r"(?m)^[ \t>*•-]*(?P<i>[A-Z]{2,3})[ \t]*:")


# "(Debbie Lawton)": a name in brackets after a role's acronym
# "ID SW;": initials followed by their role's acronym, not a rank before a name
_ROLE_AFTER = re.compile(
    r"[ \t]+(?:SW|TM|SWM|IRO|HV|DSL|SENCO|SENCo|FSW|TA|GP|EWO|IDVA|PA)\b(?![ \t]+[A-Z][a-z])"
)
_PERSON_ROLE = re.compile(
    r"(?i:manager|worker|teacher|officer|nurse|visitor|chair|practitioner|consultant|solicitor"
    r"|advocate|mentor|co-?ordinator|head|paediatrician|midwife|interpreter)"
)
_NAMED_IN_BRACKETS = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+)?[A-Z][a-z]+(?:[ \t]+[A-Z][\w'’-]+)+"
)
# "JB (HV)", "RT (social worker)": initials with a role in brackets, anywhere in the text
ROLE_INITIALS_RE = re.compile(r"(?<![\w(/])(?P<i>[A-Z]{2,3})[ \t]*\((?P<role>[^)\n]{1,30})\)")
# "RT/DP to review", "JB/AN": initials written together with a slash
_NOUN_AFTER = re.compile(r"[ \t]+[a-z]")
SLASHED_RE = re.compile(r"(?<![\w/])(?P<a>[A-Z]{2,3})[ \t]?/[ \t]?(?P<b>[A-Z]{2,3})(?![\w/])")
_SAID_RE = re.compile(r"[ \t]*[a-z]")
# "ICPC - DP, KT, Dr Mensah": initials listed with commas, none of them an acronym
INITIALS_LIST_RE = re.compile(r"(?<![\w/(])[A-Z]{2,3}(?:[ \t]*,[ \t]*[A-Z]{2,3}(?![\w/(])){1,6}")
# "Minute taker: DH", "SW: IC", "Typed by AM:": initials after a role and a colon
ROLE_COLON_RE = re.compile(
    r"(?:(?i:minute[ \t-]?taker|chair|author|written[ \t]+by|signed|completed[ \t]+by|typed[ \t]+by"
    r"|allocated[ \t]+worker)[ \t]*:?|\b(?:SW|TM|SWM|IRO|HV|DSL)[ \t]*:)[ \t]*"
    r"(?P<i>[A-Z]{2,3})(?![\w'’-])"
)
# "Home visit by KB.", "joint visit with RT": initials after the words that name who did it
BY_INITIALS_RE = re.compile(
    r"\b(?:by|with)[ \t]+(?P<i>[A-Z]{2,3})(?![\w'’/&-]|[ \t]+[A-Z])"  # not "by PC Howarth"
)
# line-initial words with a colon that are not speakers: "NB:", "PS:", "FW:"; a message log's
# directions ("17:30 IN: ok", "17:31 OUT: thanks")
_NOT_SPEAKERS = frozenset(
    {"NB", "PS", "PPS", "FW", "FWD", "CC", "BCC", "TO", "RE", "ATT", "URGENT", "IN", "OUT"}
    # a clinical record's headings: presenting complaint, its history, past medical history
    | {"PC", "HPC", "PMH", "DH", "FH", "ROS", "OE", "IMP", "PLAN"}
)
DIRECTIONS = frozenset({"IN", "OUT"})


# police forces and agencies that find and report: "found by BTP", "with GMP" (someone's initials
# only when they are a known person's)
FORCES = frozenset(
    {"BTP", "GMP", "WMP", "MPS", "PSNI", "CPS", "NCA", "TVP", "WYP", "SYP", "NYP", "CID", "HMRC",
     "DVLA", "UKBA", "UKVI", "MOJ", "HMPPS", "NPS"}
)  # fmt: skip
_HEADER_WORDS = ("attend", "present", "apolog", "invite", "distribution", "circulation", "cc")
# (the look-behind after the first capital: a pattern that starts with a class of letters
# is scanned for quickly; one that starts with a look-behind is tried at every position)
_CAPITALS_RE = re.compile(r"[A-Z](?<![\w][A-Z])[A-Z]{1,2}(?![\w])")
_BULLETS = frozenset(" \t>*•-")


def _may_head(text: str, lower: str) -> bool:
    """Whether HEADER_RE may match: a header word, and on a note of ASCII characters one
    that opens a line or follows ". " or "; " (after bullets and blanks, or "in" and blanks).
    A quick test: the pattern starts with "^" or a look-behind, so it is tried everywhere."""
    words = [w for w in _HEADER_WORDS if w in lower]
    if not words or not text.isascii():  # (other letters may fold to a header word's)
        return bool(words)
    for word in words:
        at = lower.find(word)
        while at >= 0:
            if _opens_item(lower, at) or (word == "attend" and _after_in(lower, at)):
                return True
            at = lower.find(word, at + 1)
    return False


def _headers(text: str) -> list[re.Match[str]]:
    """HEADER_RE's matches (each ends its line, so none holds the break or ". " of the next)."""
    first = HEADER_RE.match(text)
    if first is None:
        return list(_HEADER_AFTER_RE.finditer(text))
    return [first, *_HEADER_AFTER_RE.finditer(text, first.end())]


def _opens_item(lower: str, at: int) -> bool:
    """Whether only bullets and blanks stand between ``at`` and a line's start or ". "."""
    while at > 0 and lower[at - 1] in _BULLETS:
        at -= 1
    return at == 0 or lower[at - 1] in ".;\n"


def _after_in(lower: str, at: int) -> bool:
    """Whether "in" and blanks that open an item stand before ``at`` ("in attendance")."""
    start = at
    while start > 0 and lower[start - 1].isspace():
        start -= 1
    return 2 <= start < at and lower[start - 2 : start] == "in" and _opens_item(lower, start - 2)


def _person_named(lex: Lexicon, inside: str) -> bool:
    """Whether brackets hold a person's name (``HV (Debbie Lawton)``), not an organisation's
    (``AP (Change Grow Live)``): a title or a given name first."""
    if not _NAMED_IN_BRACKETS.fullmatch(inside):
        return False
    first = inside.split()[0].rstrip(".").lower()
    return first in ("mr", "mrs", "ms", "miss", "dr") or first in lex.given


def _spelt_out(initials: str, inside: str) -> bool:
    """Whether the brackets spell the letters out (``CGL (Change Grow Live)``): an acronym."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", inside) if w[0].isupper()]
    return "".join(w[0] for w in words).upper().startswith(initials)


def _role_kind(role: str) -> str | None:
    """ "professional" for a role ("HV", "social worker"), "person" for a relation ("mum")."""
    words = phrase_key(role)
    role_key = " ".join(words)
    if role_key in RELATION_CUES or any(w in RELATION_CUES for w in words):
        return "person"
    if role_key in ROLE_CUES or any(w in ROLE_CUES for w in words):
        return "professional"
    return None


def find_minutes_initials(st: State) -> None:
    """Initials that minutes give to people, redacted wherever they recur: an attendance list
    (``Attendees: RT (SW), DP (TM)``), initials with a role in brackets (``JB (HV)``), a
    speaker at the start of a line (``DP: agreed``), initials joined by a slash (``RT/DP``)."""
    text = st.text
    lex = st.lex
    # every pattern below is tried only around runs of capitals that are no acronym
    hints = [
        (m.start(), m.end())
        for m in _CAPITALS_RE.finditer(text)
        if m.group() not in lex.acronyms or m.group() in st.known.initials
    ]
    if not hints:
        return  # quick: every run of two or three capitals is an acronym ("SW", "GP")
    # each pattern needs a mark beside the initials: "(" for a role, ":" for a speaker…
    beside: dict[str, list[tuple[int, int]]] = {mark: [] for mark in "(:/,<"}
    for start, end in hints:
        right = text[end : end + 2].lstrip(" \t")[:1]
        left = text[max(0, start - 2) : start].rstrip(" \t")[-1:]
        for mark in {right, left}:
            if mark in beside:
                beside[mark].append((start, end))
        if text[max(0, start - 6) : start].rstrip(" \t").endswith(("by", "with")):
            beside["<"].append((start, end))
    people: dict[str, str] = {}  # initials -> kind
    for m in near_spans(ROLE_INITIALS_RE, beside["("], text, 0, 40):
        kind = _role_kind(m.group("role"))
        known_initials = m.group("i") in st.known.initials  # "TA (father)"
        if kind is not None and (
            known_initials
            or m.group("i") not in lex.acronyms
            or _PERSON_ROLE.search(m.group("role"))  # "PR (Team Manager)": a person's role
        ):
            people.setdefault(m.group("i"), kind)
    lower = lower_text(text)
    for header in _headers(text) if _may_head(text, lower) else ():
        for m in LISTED_INITIALS_RE.finditer(header.group("list")):
            rest = header.group("list")[m.end() : m.end() + 3]
            if (
                not m.group("role")
                and (rest.strip()[:1].isdigit() or rest[1:2].isupper())
                and not _ROLE_AFTER.match(header.group("list"), m.end())
            ):
                continue  # "DC 2291 Barker", "DS Ian Fairburn": a rank, not initials ("ID SW" are)
            listed_with_role = (  # "DT (DSL, Barton Fields Nursery)": initials like an acronym
                m.group("role") is not None
                and m.group("i").lower() not in ROLE_CUES
                and not _person_named(lex, m.group("role"))
                and not _spelt_out(m.group("i"), m.group("role"))
            )
            acronym = m.group("i") in lex.acronyms and m.group("i") not in st.known.initials
            if acronym and not listed_with_role:
                continue  # "HV (Debbie Lawton)", "DSL": a role
            kind = _role_kind(m.group("role") or "") or "professional"
            people.setdefault(m.group("i"), kind)
    for m in near_spans(SPEAKER_RE, beside[":"], text, 8, 8):
        # without an attendance list, a speaker says something ("DP: agreed to…"); a
        # form's label is followed by its value ("OIC: DC 2290")
        said = people or _SAID_RE.match(text, m.end())
        if said and m.group("i") not in lex.acronyms and m.group("i") not in _NOT_SPEAKERS:
            people.setdefault(m.group("i"), "professional")
    for m in near_spans(SLASHED_RE, beside["/"], text, 5, 8):
        pair = (m.group("a"), m.group("b"))
        if any(p in people or p in st.known.initials for p in pair) or not any(
            p in lex.acronyms for p in pair
        ):
            known = [p in people or p in st.known.initials for p in pair]
            # ("JH / AP" signing off: beside the worker's initials, AP is someone's too; not a
            # role, "GA / TM Olu Bankole", nor an acronym read as a noun, "HBA / FM concern")
            noun = _NOUN_AFTER.match(text, m.end()) is not None
            if (" " in m.group() or "\t" in m.group()) and (noun or not any(known)):
                continue  # spaced ("HBA / FM concern"): only beside someone's known initials
            for p, other in zip(pair, reversed(known), strict=True):
                if p not in lex.acronyms or (other and p.lower() not in ROLE_CUES and not noun):
                    people.setdefault(p, "professional")
    for m in near_spans(INITIALS_LIST_RE, beside[","], text, 30, 36):
        items = re.findall(r"[A-Z]{2,3}", m.group())
        if not any(i in lex.acronyms for i in items) and not in_shouted_line(text, m.start()):
            for i in items:
                people.setdefault(i, "professional?")
    for m in near_spans(ROLE_COLON_RE, beside[":"], text, 24, 8):
        people.setdefault(m.group("i"), "professional")
    for m in near_spans(BY_INITIALS_RE, beside["<"], text, 6, 12):
        if m.group("i") in FORCES and m.group("i") not in st.known.initials:
            continue  # "Found by BTP at Euston": the police, not a person
        if m.group("i") not in lex.acronyms and not in_shouted_line(text, m.start()):
            people.setdefault(m.group("i"), "professional?")
    _take_initials(st, people)


_ARTICLE_BEFORE = re.compile(r"(?i:\b(?:a|an|the|her|his|their|our|my|your)[ \t]+)$")


def after_article(text: str, at: int) -> bool:
    """Whether an article or a possessive stands right before ``at`` ("a TA in class": a
    role, not someone's initials)."""
    return _ARTICLE_BEFORE.search(text, max(0, at - 8), at) is not None


def in_shouted_line(text: str, at: int) -> bool:
    """Whether the line is written in capitals (its longer words, not its initials).

    Each line is read once a text: a layer asks of every match in a note, and a hostile note of
    one long line with thousands of matches would have the whole line read again for each
    (session 57: 5.4 s for 100,000 characters of "The Oakwood House Step Forward Recovery
    rang", 15 times as long as for 20,000)."""
    breaks, lines = _lines_of(text)
    i = bisect_left(breaks, at)  # the first line break at or after ``at`` ends its line
    start = breaks[i - 1] + 1 if i else 0
    shouted = lines.get(start)
    if shouted is None:
        end = breaks[i] if i < len(breaks) else len(text)
        words: list[str] = _LONG_WORD.findall(text, start, end)
        shouted = lines[start] = sum(w.isupper() for w in words) > 0.6 * len(words)
    return shouted


_LONG_WORD = re.compile(r"[A-Za-z]{4,}")
_LINE_BREAK = re.compile(r"\n")
# the texts last asked about (a layer may ask of a lowered copy too): each with where its line
# breaks are and what is known of its lines, by where each starts
_LINES: list[tuple[str, list[int], dict[int, bool]]] = []


def _lines_of(text: str) -> tuple[list[int], dict[int, bool]]:
    for seen, breaks, lines in _LINES:
        if seen is text:
            return breaks, lines
    known: dict[int, bool] = {}
    entry = (text, [m.start() for m in _LINE_BREAK.finditer(text)], known)
    _LINES.insert(0, entry)
    del _LINES[4:]
    return entry[1], entry[2]


def _take_initials(st: State, people: dict[str, str]) -> None:
    known = st.known
    for initials, kind in people.items():
        owner = known.initials.get(initials)
        if owner is None and (initials in DIRECTIONS or initials.lower() in st.lex.common):
            continue  # "IN (mum): ok" (a message log's), "71% RED (flag…)": words in capitals
        for start, end in whole_words(st.text, initials):
            if not st.free(start, end):
                continue
            if owner is not None:
                person = known.people[owner]
                st.take(start, end, person.kind, person.label, 60)
            elif kind.endswith("?"):  # only a word before: for a person to confirm
                st.take(start, end, kind[:-1], f"init:{initials}", 52, 0.6)
            else:
                st.take(start, end, kind, f"init:{initials}", 52)
