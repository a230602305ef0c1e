"""Names written with a letter for the surname, and given names that are also months.

- **A given name and a surname's initial** (``Sophie T / Gurpreet S (TM)``, ``friends with
  Zara B``, ``handover from Georgia L``, a note signed ``Bev S``): a single capital standing
  alone straight after a given name is that person's surname, and the two are one name. A
  name found already grows over the letter; a given name no layer took (a place or a word
  as well: ``Georgia``) is taken with it, for a person to confirm. The initials the two
  give (``GS``) are then found wherever they recur (:func:`.initials_found.find_named_initials`).
- **A role and a given name that is also a month or a weekday** (``coordinator Jan``, ``driver
  May``): the role says a person follows; a date would have its number.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import CALENDAR_WORDS, RELATION_CUES, ROLE_CUES
from moderator.anonymise.lexicon import Lexicon, phrase_key, word_key
from moderator.anonymise.nearby import scan_near
from moderator.anonymise.orgs_nouns import COMMUNITIES
from moderator.anonymise.state import NAME_KINDS, Cand, State
from moderator.anonymise.unknown_words import unknown

# a capitalised word, one blank, one capital standing alone (a full stop may follow it)
_GIVEN_LETTER = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)[ \t]([A-Z])\.?(?![\w'’&/+@-])")
# what may not follow the letter: a digit or a word joined on ("S 12", "B&Q", "T-shirt")
_AFTER_LETTER = re.compile(r"(?:[ \t]*\d|[&/]|\.[ \t]*[A-Z][a-z])")
_TIMES = CALENDAR_WORDS
_MONTH_NAMES = frozenset({"jan", "may", "june", "april", "august", "julie"})


def _names_by_end(st: State) -> dict[int, list[Cand]]:
    """The note's names by where they end, for :func:`_name_ending` (a note of many names took
    the square of their number looking through every candidate for each)."""
    ends: dict[int, list[Cand]] = {}
    for c in st.cands:
        if c.kind in NAME_KINDS:
            ends.setdefault(c.end, []).append(c)
    return ends


def _name_ending(st: State, end: int, ends: dict[int, list[Cand]]) -> Cand | None:
    """The name that ends at ``end``, from ``ends`` (kept up to date by the caller; each
    checked again here)."""
    if end < 1 or not st.taken[end - 1]:
        return None  # (quick: no name ends where nothing is taken)
    return next((c for c in ends.get(end, ()) if c.end == end and c.kind in NAME_KINDS), None)


_LETTER_GATE = re.compile(r"[a-z][ \t][A-Z](?![\w'’&/+@-])")


def join_surname_letters(st: State) -> None:
    """A given name followed by a capital standing alone is a name (see the module)."""
    text = st.text
    lex = st.lex
    ends = _names_by_end(st)
    for gate in _LETTER_GATE.finditer(text):  # a word, then a letter alone
        word = gate.start()
        while word > 0 and text[word - 1].isalpha():
            word -= 1
        m = _GIVEN_LETTER.match(text, word)
        if m is None or m.end(1) != gate.start() + 1:
            continue
        given, letter = m.group(1), m.group(2)
        key = word_key(given)
        if letter in "AI" and text[m.end() : m.end() + 2].strip()[:1].islower():
            continue  # "told Sophie I was", "Amy A lot": a word, not an initial
        if key in _TIMES:
            continue  # "Tuesday B": a thing lettered
        owner = _name_ending(st, m.end(1), ends)
        after = _AFTER_LETTER.match(text, m.end(2))
        if after is not None and (owner is None or not after.group().strip()[:1].isdigit()):
            # "Room S 12": a thing lettered ("Sam F 4", a person, in a scaling list); "Tara J.
            # Bradwell": a middle initial, for the step that joins it with the surname
            continue
        if owner is not None:
            if owner.start <= m.start(1) and st.free(m.end(1), m.end()):
                st.grow(owner, owner.start, m.end())
                ends.setdefault(owner.end, []).append(owner)
            continue
        if key not in lex.given or key in lex.protected_words or not st.free(m.start(), m.end()):
            continue
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        if line.isupper() and len(line) > 8:
            continue  # a line in capitals: "ROOM B", letters of a form
        st.take(m.start(), m.end(), "person", "p:" + key + letter.lower(), 45, 0.6)
        ends.setdefault(m.end(), []).append(st.cands[-1])


_MONTH_WORD = re.compile(r"(?<![\w'’-])(?:Jan|Ján|May|June|April|August|Julie)(?![\w'’-])")
# the words one of which every match of _MONTH_WORD is (str.find: quicker than its scan,
# which tries the look-behind at every position)
_MONTH_WORDS = ("Jan", "Ján", "May", "June", "April", "August", "Julie")
_ROLE_THEN_NAME = re.compile(r"(?<![\w'’-])([a-z][a-z-]+)[ \t]+([A-Z][a-z]+)(?![\w'’-])")


def find_month_names_after_roles(st: State) -> None:
    """A given name that is also a month after a role (``coordinator Jan``) is that person."""
    text = st.text
    if not any(w in text for w in _MONTH_WORDS) or not _MONTH_WORD.search(text):
        return  # quick: no capitalised month-name to weigh
    for m in _ROLE_THEN_NAME.finditer(text):
        if m.group(1) not in ROLE_CUES or word_key(m.group(2)) not in _MONTH_NAMES:
            continue
        rest = text[m.end() : m.end() + 6].lstrip(" \t")
        if rest[:1].isdigit() or rest[:2].lower() in ("st", "nd", "rd", "th"):
            continue  # "tutor May 2024": a date
        if st.free(m.start(2), m.end(2)):
            st.take(m.start(2), m.end(2), "professional", "p:" + word_key(m.group(2)), 45, 0.6)
    _month_then_surname(st)


_MONTH_THEN_SURNAME = re.compile(
    r"(?<![\w'’-])(?P<g>Jan|Ján|May|June|April|August)[ \t]+"
    r"(?P<s>[A-Z][^\W\d_]+(?:[-'’][A-Z][^\W\d_]+)?)(?![\w'’-])"
)
# what puts a month's name before a word as a date's: "12 June Smith", "since May Jones came"
_DATE_BEFORE = re.compile(
    r"(?:\d(?:st|nd|rd|th)?|\b(?:of|in|on|since|from|until|till|by|during|early|late|mid|end"
    r"|last|next|this|before|after))[ \t]+\Z",
    re.IGNORECASE,
)


def _month_then_surname(st: State) -> None:
    """A given name that is also a month, before a surname: "IRO Jan Ferris", "interpreter Ján
    Kollár", "HV April Cole" (not "12 June Smith visited", nor "since May Jones")."""
    text = st.text
    lex = st.lex
    for m in _MONTH_THEN_SURNAME.finditer(text):
        key = word_key(m.group("s"))
        if key in CALENDAR_WORDS or key in lex.protected_words or key in lex.common:
            continue
        before = text[max(0, m.start() - 30) : m.start()].split()
        role = bool(before) and word_key(before[-1]) in ROLE_CUES
        if key not in lex.surnames and key in lex.words and not role:
            continue  # ("IRO Jan Ferris": after a role, a word that is a surname too)
        if _DATE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        if text[m.end() : m.end() + 3].strip()[:1].isdigit():
            continue
        inside = [c for c in st.cands if c.start < m.end() and m.start() < c.end]
        if any(c.start < m.start() or c.end > m.end() or c.kind not in NAME_KINDS for c in inside):
            continue
        kind, ident = ("professional" if role else "person"), "p:" + " ".join(phrase_key(m.group()))
        if inside:
            kind, ident = inside[0].kind, inside[0].ident
        for c in inside:
            st.cands.remove(c)
            st.taken[c.start : c.end] = bytes(c.end - c.start)
        st.take(m.start(), m.end(), kind, ident, 45, 0.7)


_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)[ \t]$")
_PLACE_CUES = frozenset({"in", "to", "from", "at", "near", "of", "via", "around", "outside"})


# word-names that are more often the word before a capitalised name: "Will Tyson attend?"
_VERB_OR_TIME = CALENDAR_WORDS | {"will", "can", "did", "do", "does", "have", "has", "ask"}


def _word_name(lex: Lexicon, key: str) -> bool:
    """A given name that is an everyday word ("Miles", "Grace"), but no verb or month."""
    return key in lex.common and key not in _VERB_OR_TIME


def join_given_places(st: State) -> None:
    """A given name that is also a place or a word, straight before a surname found on its own,
    is the person's given name (``HV: Beverley Sampson``, ``SW: Miles Tyson``; a month's name
    after kin or a role: ``grandmother June Morgan``), unless a preposition puts a place there
    (``moved to Beverley Sampson's house`` stays as the town it may be)."""
    text = st.text
    lex = st.lex
    for c in list(st.cands):
        if c.kind not in NAME_KINDS or c.start < 3 or not text[c.start].isupper():
            continue
        m = _WORD_BEFORE.search(text, max(0, c.start - 30), c.start)
        if m is None or not st.free(m.start(1), m.end(1)):
            continue
        key = word_key(m.group(1))
        words = text[max(0, m.start(1) - 14) : m.start(1)].split()
        before = word_key(words[-1]) if words else ""
        # a month's name after kin or a role: "grandmother June Morgan", "carer May Hill"
        month = key in CALENDAR_WORDS and (before in RELATION_CUES or before in ROLE_CUES)
        if key not in lex.given or not ((key,) in lex.places or _word_name(lex, key) or month):
            continue
        if before in _PLACE_CUES:
            continue
        st.grow(c, m.start(1), c.end)


# "the Holts", "the Hills'", "the Connors family", "the Delaney lad": a household by its surname
# (and its case: "reallocating the Kowalski case")
_THE_SURNAME = re.compile(
    r"[Tt]he[ \t]+(?P<n>[A-Z][a-z]+?(?:[-'’][A-Z][a-z]+)?)(?P<p>s|es)?(?:['’]s?)?"
    r"(?P<w>[ \t]+(?:family|families|lad|lads|boy|boys|girl|girls|kids|children|household"
    r"|brothers|sisters|twins|house|home|clan|side|case|referral|file))?(?![\w'’-])"
)
_NOT_A_HOUSEHOLD = frozenset(
    {"scouts", "guides", "brownies", "cubs", "beavers", "samaritans", "police", "courts"}
    | {"rangers", "saints", "lords", "commons", "midlands", "meadows", "pines", "gables"}
    | {"hollies", "elms", "limes", "oaks", "willows", "laurels", "cedars", "birches", "hills"}
    | {"woods", "fields", "downs", "dales", "moors", "flats", "towers", "gardens", "greens"}
    | {"mills", "parks", "beeches", "poplars", "grange", "manor", "priory", "lodge", "fosters"}
)
_LANDS = frozenset({"hills", "woods", "fields", "mills", "parks", "greens", "dales"})
# the words after a name no list knows that make it a household's ("the Turlin lads" are
# youths of an estate)
_KIN_GROUPS = frozenset({"family", "families", "household", "twins", "clan"})


def find_households(st: State) -> None:
    """A surname after "the", made plural or followed by a word for the household, is that
    family's (``lived with the Holts``, ``a dispute with the Connors family``, ``the Delaney
    lad``): a listed surname capitalised where an everyday noun would not be. A plural that
    names a place or a group (``the Meadows``, ``the Scouts``) needs the household word."""
    text = st.text
    lex = st.lex
    if "he " not in text:
        return
    for m in _THE_SURNAME.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "'’-_"):
            continue  # ("bathe Hills": the word's start, checked here)
        plural, household = m.group("p"), m.group("w")
        if not plural and not household:
            continue
        start, end = m.span("n")
        if plural:
            end = m.end("p")
        written = text[start:end]
        stem, whole = word_key(m.group("n")), word_key(written)
        if plural == "es" and stem not in lex.surnames and stem + "e" in lex.surnames:
            stem += "e"  # "the Sutcliffes": Sutcliffe's household, not a "Sutcliff"'s
        if whole in lex.surnames:
            stem = whole  # "the Connors family": the surname is plural-looking already
        elif stem not in lex.surnames and not (
            not plural
            and household is not None
            and household.split()[0] in _KIN_GROUPS
            and unknown(m.group("n"), lex)
            and stem not in COMMUNITIES
        ):  # (a name no list knows, before the household's word: "the Chugg family")
            continue
        owned = text[end : end + 1] in ("'", "’")
        if whole in _NOT_A_HOUSEHOLD and not household and not (owned and whole in _LANDS):
            continue  # "the Meadows", "the Fosters' panel", but "the Hills' house"
        if stem in lex.protected_words or (stem,) in lex.places or stem in lex.given:
            continue  # "the Fosters" may be carers, "the Boltons" a town's, "the Jacks"
        after = text[m.end() : m.end() + 3].lstrip(" \t")[:1]
        if after.isupper() or not st.free(start, end):
            continue  # "the Hills Road": a longer name
        st.take(start, end, "person", "p:" + stem, 50, 0.8)


_PAIRED = re.compile(
    r"(?<![\w'’-])([A-Z][a-z]+|[a-z]+)[ \t]+(?:and|&|n)[ \t]+([A-Z][a-z]+|[a-z]+)(?![\w'’-])"
)


def _pairs(text: str) -> list[re.Match[str]]:
    """``_PAIRED``'s matches, tried only around each "and" or "&" (quicker than everywhere)."""
    return scan_near(_PAIRED, [j.span() for j in _JOINT.finditer(text)], text, 30, 40)


_PRONOUNS = frozenset({"i", "we", "you", "u", "they", "he", "she", "it", "ill", "il"})
_JOINT = re.compile(r"[ \t](?:and|&|n)[ \t]+[A-Za-z]")


def join_paired_given(st: State) -> None:
    """A given name joined by "and" to a name found already is a person too, even where it is
    also a word or a month (``carers Jan and Phil Lloyd``, ``(Chinedu and Grace)``, ``Sue and
    Keith Barlow``): for a person to confirm when it is an everyday word."""
    text = st.text
    if " and " not in text and " & " not in text and " n " not in text:
        return
    lex = st.lex
    starts = {c.start: c for c in st.cands if c.kind in NAME_KINDS}
    for m in _pairs(text):
        for mine, other in ((1, 2), (2, 1)):
            owner = starts.get(m.start(other))
            start, end = m.span(mine)
            key = word_key(m.group(mine))
            if owner is None or not st.free(start, end) or key not in lex.given:
                continue
            if m.group(mine).islower() != text[owner.start : owner.end].islower():
                continue  # "i hope and Kyle": a word in lower case beside a capitalised name
            before = text[max(0, start - 6) : start].split()
            if m.group(mine).islower() and before and before[-1].lower() in _PRONOUNS:
                continue  # "i will and keith": a verb after its subject
            if key in _TIMES and text[m.end() : m.end() + 3].strip()[:1].isdigit():
                continue  # "Jan and Feb 2024"
            if key in lex.protected_words and (key,) not in lex.places and key not in _TIMES:
                continue
            sure = 0.6 if key in lex.words or key in lex.common or key in _TIMES else 0.8
            own = st.known.given_keys.get(key)  # "amber and callum": the record's own Amber
            if own is not None:
                person = st.known.people[own]
                st.take(start, end, person.kind, person.label, 50, sure)
                continue
            kind = "professional" if owner.kind == "professional" else "person"
            st.take(start, end, kind, "p:" + key, 45, sure)


_COUPLE_GAP = re.compile(r"[ \t]+(?:and|&)[ \t]+")
_COUPLE_KINDS = frozenset({"person", "professional", "family"})
_COUPLE_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx"})


def join_couples(st: State) -> None:
    """A couple named with one surname is one redaction: ``carers Mandy and Steve Crossley``,
    ``neighbours Pat and Derek Searle``. Where a lone given name (``Mandy``) and a full name
    (``Steve Crossley``) are joined by ``and`` or ``&``, both people of the note rather than the
    record's, the two and the ``and`` between become one span: a reader cannot tell the couple's
    shared surname from the pair, and a labeller of the couple marks them whole. Two of the
    record's family written so (``Janet & Phil Greenwood``, both foster carers) are one span
    too, whose placeholder names both: ``[FOSTER-CARER-1 & FOSTER-CARER-2]``."""
    text = st.text
    if " and " not in text and " & " not in text:
        return
    lex = st.lex
    ordered = sorted((c for c in st.cands if c.kind in _COUPLE_KINDS), key=lambda c: c.start)
    by_start = {c.start: c for c in ordered}
    for first in ordered:
        gap = _COUPLE_GAP.match(text, first.end)
        second = by_start.get(gap.end()) if gap else None
        if gap is None or second is None or first not in st.cands or second not in st.cands:
            continue
        rest = by_start.get(second.end + 1)
        # "Bev & Kev Moorhouse": "Kev" and "Moorhouse", one person's, are one name
        same = rest is not None and rest.ident == second.ident and rest in st.cands
        if rest is not None and same and text[second.end] == " ":
            st.cands.remove(rest)
            st.grow(second, second.start, rest.end)
        given = text[first.start : first.end]
        names = text[second.start : second.end].split()
        titled = [w for w in (given.split()[0], names[0]) if word_key(w) in _COUPLE_TITLES]
        if len(titled) == 2:  # "Mr Gary & Mrs Tracey Hampson": both titled, or neither
            if len(given.split()) < 2:
                continue  # "MR & MRS ROWLEY": a title alone, no given name to join
            given, names = given.split(None, 1)[1], names[1:]
        elif titled:
            continue
        if " " in given or len(names) < 2:
            continue
        if first.kind == second.kind == "family":
            if first.ident != second.ident:  # two of the record's family: both placeholders
                _join(st, first, second, "family", f"{first.ident} & {second.ident}")
            elif word_key(given) != word_key(names[0]):
                # "Carol and Steve Pennington": the record's carer and her partner, whom the
                # shared surname gave her placeholder; one span, as the couple are labelled
                _join(st, first, second, "family", first.ident)
            continue
        if "family" in (first.kind, second.kind):
            continue
        if word_key(given) not in lex.given and (
            word_key(given) in lex.common or not given[:1].isupper() or given.isupper()
        ):
            continue  # a given name the lists lack ("Pam") is one all the same, found so
        first_name = word_key(names[0])
        if first_name not in lex.given and (
            first_name in lex.surnames or first_name in lex.common or not names[0].istitle()
        ):  # "Pat and Dr Searle", "Mandy and Crossley Homes" (but "Tracey and Huw Bevan")
            continue
        ident = "couple:" + " ".join(word_key(w) for w in (given, *names))
        _join(st, first, second, second.kind, ident)


def _join(st: State, first: Cand, second: Cand, kind: str, ident: str) -> None:
    """Take ``first``, the ``and`` and ``second`` as one span."""
    st.cands.remove(first)
    st.cands.remove(second)
    st.taken[first.start : second.end] = bytes(second.end - first.start)
    st.take(first.start, second.end, kind, ident, 45, min(first.confidence, second.confidence))
