"""The rest of a name the layers found only the start of (docs/formats.md, "Redaction").

Two general tails, looked at once every layer has spoken:

- **particles**: a name's lower-case particles and the surname after them
  (``Tobiah van der Merwe``, ``Inês dos Santos``, ``Hamid bin Yusof``, ``Aoife ní Bhriain``,
  ``Karim al-Rashid``) belong to the name, however many particles there are;
- **a surname that is also a place**: a capitalised place written straight after someone's
  name with nothing between (``Bersaba Winsford``) is that person's surname, not the town.
  A place after a comma or a preposition stays (``Amy, Winsford``; ``Amy in Winsford``), and so
  does a place that starts a longer capitalised run (``Amy Winsford Library``), which is
  someone else's business (an organisation or a street).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from moderator.anonymise.cues import HONORIFICS, RELATION_CUES, ROLE_CUES
from moderator.anonymise.lexicon import word_key
from moderator.anonymise.orgs_brands import national_charity
from moderator.anonymise.state import NAME_KINDS, Cand, State
from moderator.anonymise.unknown_words import dictionary

_CAPITALS = "A-ZÀ-ÖØ-ÞĀ-ſ"
# one to three particles, then a capitalised surname (hyphenated parts allowed)
_PARTICLES = (
    r"(?:van|von|der|den|de|del|della|degli|di|da|das|dos|du|la|le|ter|ten|zu|y|e"
    r"|bin|binti|bint|ibn|ben|ap|ferch|ó|ní|nic|mac|uí|al-|el-|ul-|ud-|ul|ud)"
)
_TAIL_RE = re.compile(
    rf"[ \t]+(?:{_PARTICLES}(?:[ \t]+|(?<=-)))+"
    rf"(?P<s>[{_CAPITALS}][^\W\d_]+(?:['’-][{_CAPITALS}][^\W\d_]+)?)(?![\w'’])"
)
# a capitalised word straight after a name: a place that may be the person's surname
_PLACE_AFTER_RE = re.compile(
    rf"[ \t](?P<s>[{_CAPITALS}][a-zà-ÿ]+(?:-[{_CAPITALS}][a-zà-ÿ]+)?)(?![\w'’-])"
    r"(?![ \t]+[A-Z0-9])"
)
# the kinds a place after the name can join: someone found by evidence, not the record's own
# people (their surnames are known) nor initials
_PLACE_KINDS = frozenset({"person", "professional"})


def join_name_tails(st: State) -> None:
    """Extend found names over their particles and surname, and over a place used as a surname."""
    text = st.text
    merged: set[int] = set()  # ids of names merged into the name before them
    for c in list(st.cands):
        if c.kind not in NAME_KINDS or text[c.end : c.end + 1] not in (" ", "\t"):
            continue
        if id(c) in merged:
            continue
        m = _TAIL_RE.match(text, c.end) if text[c.end + 1 : c.end + 2].islower() else None
        if m is not None and st.free(c.end, m.start("s")) and not _lower_only(text, c.start, c.end):
            if st.free(m.start("s"), m.end()):
                _extend(st, c, m.end())
                continue
            after = _name_at(st, m.start("s"))
            if after is not None:  # the surname was found on its own: one name, one placeholder
                st.cands.remove(after)
                merged.add(id(after))
                _extend(st, c, max(m.end(), after.end))
                continue
        if c.kind not in _PLACE_KINDS or not text[c.start].isupper():
            continue
        m = _PLACE_AFTER_RE.match(text, c.end)
        if m is None or not st.free(c.end, m.end()):
            continue
        if (word_key(m.group("s")),) in st.lex.places and " " not in text[c.start : c.end]:
            _extend(st, c, m.end())


# a surname's initial after a name in a child's or a text's lower case: "ella t says", "my
# mate ollie b", "daria k, she is"; not the letters texts write words with ("amy i think",
# "kerry u there", "jay n kai", "callum r u", "love u x")
_LOWER_INITIAL = re.compile(
    # (not the first of three letters said one by one: "mrs bev tweddle d s l", a role spelt
    # out; "its summer p i am", "from idil m x" are a name's initial)
    r"[ \t](?:(?P<l>[bdfghjklmpqstvwzBCDFGHJKLMNPQRSTVWZ])\.?(?![\w'’@-])(?![ \t]+[A-Za-z][ \t]+[A-Za-z](?![\w'’@-]))"
    # the letters texts write words with, only where a pause follows ("my friend aleena r -")
    r"|(?P<t>[rcnyRNY])(?=[ \t]*[-–,;:)]|[ \t]*\n|[ \t]*$))"
)


def join_lower_initials(st: State) -> None:
    """A name written in lower case takes the initial after it (see ``_LOWER_INITIAL``)."""
    text = st.text
    for c in st.cands:
        if c.kind not in NAME_KINDS or not text[c.start : c.end].islower():
            continue
        m = _LOWER_INITIAL.match(text, c.end)
        if m is not None and st.free(c.end, m.end()):
            _extend(st, c, m.end())


# a rank or a title and one initial, found as a name: the word after it is the surname, an
# everyday word too ("SGT K BRIGHT", "Sgt K Bright", "Mrs J Hope"); not a sentence's word
_TITLED_INITIAL = re.compile(
    r"(?<![\w])(?i:" + "|".join(sorted({*HONORIFICS, "revd"}, key=len, reverse=True)) + ")"
    r"\.?[ \t]+[A-Z]\.?\Z"
)
_SURNAME_AFTER = re.compile(r"[ \t]+(?P<s>[A-Z][a-zA-Z'’-]+)(?![\w'’-])")
_SENTENCE_WORDS = frozenset(
    {"said", "says", "and", "or", "to", "from", "at", "in", "on", "was", "is", "will", "has"}
    | {"had", "who", "the", "of", "for", "with", "by", "as", "then", "also", "would", "not"}
)


# a nursing title, one initial and a capitalised word: a nurse named as a title names her
# ("Nurse J. Pharaoh", "Midwife K. Moss"), whatever the word, as "Mrs J. Hope" does
_NURSE_INITIAL = re.compile(
    r"(?<![\w])(?:Nurse|Midwife|Sister|Matron)[ \t]+[A-Z]\.?[ \t]+[A-Z][a-z'’-]{2,}(?![\w'’-])"
)


def join_titled_initial_surnames(st: State) -> None:
    """A name found as a title and an initial takes the word after it as its surname."""
    text = st.text
    if "Nurse" in text or "Midwife" in text or "Sister" in text or "Matron" in text:
        for nurse in _NURSE_INITIAL.finditer(text):
            surname = word_key(nurse.group().rsplit(None, 1)[-1])
            if surname not in _SENTENCE_WORDS and st.free(*nurse.span()):
                ident = "titled:" + " ".join(nurse.group().lower().split())
                st.take(nurse.start(), nurse.end(), "professional", ident, 60, 0.8)
    for c in st.cands:
        if c.kind not in NAME_KINDS or not _TITLED_INITIAL.search(text, c.start, c.end):
            continue
        m = _SURNAME_AFTER.match(text, c.end)
        if m is None or word_key(m.group("s")) in _SENTENCE_WORDS or not st.free(c.end, m.end()):
            continue
        _extend(st, c, m.end())


# a capitalised word after a name, then the bracketed initials of the whole: "Nurse Lindsay
# Park (LP, school nurse)", "Dawn Marsh (DM)" (the initials say the word is the surname)
_WORD_THEN_INITIALS = re.compile(r"[ \t]+(?P<w>[A-Z][a-z'’-]+)[ \t]*\((?P<i>[A-Z]{2,3})[,)/ \t]")


def join_surnames_by_initials(st: State) -> None:
    """A name takes the capitalised word after it when the initials after that word in
    brackets are the name's and the word's first letters (see ``_WORD_THEN_INITIALS``)."""
    text = st.text
    if "(" not in text:
        return
    for c in st.cands:
        if c.kind not in NAME_KINDS:
            continue
        m = _WORD_THEN_INITIALS.match(text, c.end)
        if m is None or not st.free(m.start("w"), m.end("w")):
            continue
        letters = "".join(w[0] for w in text[c.start : c.end].split() if w[:1].isupper())
        initials = m.group("i")
        if initials[-1] == m.group("w")[0] and letters.endswith(initials[:-1]):
            _extend(st, c, m.end("w"))


def _lower_only(text: str, start: int, end: int) -> bool:
    """A name written in lower case (a child's words) takes no particles: ``amy de`` is speech."""
    return text[start:end].islower()


def _extend(st: State, c: Cand, end: int) -> None:
    st.taken[c.end : end] = b"\x01" * (end - c.end)
    c.end = end


def _name_at(st: State, start: int) -> Cand | None:
    """The name found on its own that starts at ``start``, if any."""
    return next((c for c in st.cands if c.start == start and c.kind in NAME_KINDS), None)


# "HV S. Fowlds", "Added by C. Yellowlees": one capital and a full stop, then a surname
# ("L Bird" with no full stop too, where a name is expected: see find_initialled_names)
_INITIALLED_RE = re.compile(
    rf"[A-Z](?:\.[ \t]?|[ \t])[{_CAPITALS}][a-zà-ÿ]+(?:[-'’][{_CAPITALS}][a-zà-ÿ]+)?(?![\w'’-])"
)
# a line that signs the note: an everyday word after an initial there is a surname
_SIGNED_LINE = re.compile(
    r"(?i:signed|reviewed|author|authorised|approved|completed by|checked by|handover)"
)
# "teacher mrs Ogle": a title in lower case, as a child or a hurried text writes it
_LOWER_TITLE_RE = re.compile(
    rf"(?:mrs?|ms|miss|dr)\.?[ \t]+[{_CAPITALS}][a-zà-ÿ]+(?:-[{_CAPITALS}][a-zà-ÿ]+)?(?![\w'’-])"
)
# (each pattern starts with the letters it needs, so the engine skips to them; the character
# before the match is looked at afterwards: a look-behind first would be tried everywhere)
_BEFORE_NAME = frozenset(".’'_-/")  # (glued to a slash: a reference's letter, "24/118374/Y")
_NAME_EXPECTED = re.compile(r"(?:[(,:;|/–]|\bby|\bwith|\bto|\n)[ \t]*\Z")


class _SigningLines:
    """Whether a signing word stands on a line before a position, read once for the note (a
    line read again from its start for each initial made a long line's note quadratic)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._ends: list[int] | None = None
        self._starts: list[int] = []
        self._lines: list[int] = []

    def before(self, at: int) -> bool:
        if self._ends is None:
            found = list(_SIGNED_LINE.finditer(self._text))
            self._ends = [m.end() for m in found]
            self._starts = [m.start() for m in found]
            self._lines = [i for i, ch in enumerate(self._text) if ch == "\n"] if found else []
        k = bisect_right(self._ends, at) - 1
        if k < 0:
            return False
        # no line's end between the word and ``at``: on the same line
        n = bisect_right(self._lines, self._starts[k])
        return n == len(self._lines) or self._lines[n] >= at


def find_initialled_names(st: State) -> None:
    """A surname after one initial and a full stop (``S. Fowlds``), or after a title written in
    lower case (``mrs Ogle``), is someone's name when the word is no everyday word or place;
    an everyday word or a place is one too on a signing line, or with a role after it
    (``B. Tunstall, IRO``), and an everyday word after an initial in brackets (``(A. Moss)``)."""
    text = st.text
    lex = st.lex
    signing = _SigningLines(text)
    for pattern in (_INITIALLED_RE, _LOWER_TITLE_RE, _INITIALLED_CAPITALS_RE):
        for m in pattern.finditer(text):
            start, end = m.span()
            if start and (text[start - 1].isalnum() or text[start - 1] in _BEFORE_NAME):
                continue
            surname = m.group().split()[-1].split(".")[-1]
            key = word_key(surname)
            titled = pattern is _LOWER_TITLE_RE  # after a title an everyday word is a surname
            dotted = not titled and text[start + 1] == "."
            if pattern is _INITIALLED_CAPITALS_RE and (key in lex.words or key not in lex.surnames):
                continue  # "A. OK", "B. THEN": a name in capitals must be a listed surname
            # an everyday word after an initial is a surname where a name is expected: "(J.
            # Hammond)", "by J. Hammond", "Signed: J. Hammond"; not "Plan B. Then"
            near = _NAME_EXPECTED.search(text, max(0, start - 4), start) is not None
            signed = signing.before(start) and (dotted or near)
            role = dotted and _role_after(text, end)
            expected = titled or signed or role or near
            if not titled and not dotted and not expected:
                continue  # "Plan B Then": an initial without its full stop needs the place
            sure = signed or role or (dotted and expected and text[start - 1 : start] == "(")
            if (
                (not titled and key in lex.common and not sure)
                or (not expected and key in lex.words)
                or ((key in lex.protected_words or (key,) in lex.places) and not sure)
                or surname.upper() in lex.acronyms
            ):
                continue
            if st.free(start, end):
                st.take(start, end, "person", "p:" + key, 45, 0.8)
                continue
            owner = next((c for c in st.cands if c.start == start and c.end < end), None)
            if owner is not None and owner.kind in NAME_KINDS and st.free(owner.end, end):
                st.grow(owner, start, end)  # "Signed C. Mason": the initial was taken alone


# "K. ROWLANDS": an initial and a surname in capitals (a form's or a shouted line's)
_INITIALLED_CAPITALS_RE = re.compile(r"[A-Z]\.[ \t]?[A-Z]{3,}(?:[-'’][A-Z]+)?(?![\w'’-])")
_ROLE_AFTER_RE = re.compile(
    r"[ \t]*(?:,|\(|[-–][ \t])[ \t]*([A-Za-z][\w ]{1,30}?)[ \t]*(?:[),.;\n]|$)"
)


def _role_after(text: str, end: int) -> bool:
    """Whether a role follows the name: ``, IRO``, ``(Team Manager)``, ``- social worker``."""
    m = _ROLE_AFTER_RE.match(text, end)
    return m is not None and " ".join(word_key(w) for w in m.group(1).split()) in ROLE_CUES


# a chat export's speaker, as directories write names: "04/12/2024 09:03 Nettleship, Osyth
# (Police): on it." (a time or date first, the agency in brackets, a colon after)
_SPEAKER = (
    r"[ \t]*(?:[\[(]?[0-9][0-9/.:, -]{3,20}[\])]?[ \t]+)?"
    rf"(?P<n>[{_CAPITALS}][a-zà-ÿ'’]+(?:-[{_CAPITALS}][a-zà-ÿ'’]+)?,[ \t]+[{_CAPITALS}][a-zà-ÿ'’-]+)"
    r"(?P<a>[ \t]+\([^()\n]{1,30}\))?[ \t]*:"
)
_SPEAKER_RE = re.compile(_SPEAKER)  # (matched at the note's start)
# the same after a newline, found from it: a pattern that starts with "^" is tried at every
# position, one that starts with "\n" only at line breaks (a match holds none: none is skipped)
_NEXT_SPEAKER_RE = re.compile("\n" + _SPEAKER)


def find_listed_speakers(st: State) -> None:
    """A speaker written ``Surname, Given`` at the start of a chat line is a person (a
    professional when an agency follows in brackets), when neither word is everyday or a place."""
    text = st.text
    if ", " not in text:
        return
    lex = st.lex
    first = _SPEAKER_RE.match(text)
    for m in (
        [first, *_NEXT_SPEAKER_RE.finditer(text)] if first else _NEXT_SPEAKER_RE.finditer(text)
    ):
        start, end = m.span("n")
        keys = [word_key(w) for w in m.group("n").replace(",", " ").split()]
        if not st.free(start, end):
            st.give_way(start, end, NAME_KINDS, 80)  # "Osyth (Police)": its given name alone
        if not st.free(start, end) or any(
            k in lex.words or k in lex.common or k in lex.protected_words or (k,) in lex.places
            for k in keys
        ):
            continue
        kind = "professional" if m.group("a") else "person"
        st.take(start, end, kind, "p:" + " ".join(keys), 45, 0.8)
        st.remember(tuple(keys), kind, "p:" + " ".join(keys))


# a chat export's speaker after its date and time: "21/02/2024, 19:20 - Kay 💅: ye" (WhatsApp),
# up to the colon (found from the " - " after the time: few notes are chat exports)
_CHAT_SPEAKER_RE = re.compile(
    r"\d\d?/\d\d?/\d{2,4},?[ \t]+\d\d?:\d\d(?::\d\d)?(?:[ \t]*[APap][Mm])?[ \t]+-[ \t]+"
    r"(?P<n>[^:\n()]{1,40}?)[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?:"
)
_SPEAKER_NAME = re.compile(rf"[{_CAPITALS}][^\W\d_]*(?:['’ -][^\W\d_]+){{0,3}}")


def find_chat_speakers(st: State) -> None:
    """The speaker of a chat export's message is a person: a name found there takes the
    emoji written after it ("Kay 💅"), and a capitalised name no layer took is taken (to be
    confirmed) unless it is an everyday or protected word, a role or a relation ("Mum")."""
    text = st.text
    if " - " not in text or ":" not in text:
        return
    found = []
    at = text.find(" - ")
    while at >= 0:  # a chat line's " - " comes after its time ("19:20 - ")
        if at >= 3 and (
            (text[at - 3] == ":" and text[at - 2 : at].isdigit())
            or text[at - 2 : at].lower() in ("am", "pm")
        ):
            line = text.rfind("\n", 0, at) + 1
            m = _CHAT_SPEAKER_RE.search(text, line, at + 48)
            if m is not None:
                found.append(m)
        at = text.find(" - ", at + 3)
    if not found:
        return
    lex = st.lex
    starts = {c.start: c for c in st.cands if c.kind in NAME_KINDS}
    for m in found:
        start, end = m.span("n")
        c = starts.get(start)
        if c is not None:
            rest = text[c.end : end]
            if rest.strip() and not any(ch.isalnum() for ch in rest) and st.free(c.end, end):
                st.taken[c.end : end] = b"\x01" * (end - c.end)
                c.end = end  # "Kay 💅": the emoji the person signs with goes with the name
            continue
        name = _SPEAKER_NAME.match(text, start, end)
        if name is None or not st.free(start, name.end()):
            continue
        keys = [word_key(w) for w in name.group().split()]
        if any(
            (k in lex.common and k not in lex.given)  # ("Kay", "Will": names where one speaks)
            or k in lex.protected_words
            or k in RELATION_CUES
            or k in ROLE_CUES
            for k in keys
        ) or all(k in lex.words and k not in lex.given for k in keys):
            continue
        st.take(start, name.end(), "person", "p:" + " ".join(keys), 45, 0.75)
        st.remember(tuple(keys), "person", "p:" + " ".join(keys))


# a surname written first, with a comma, at a field's start: "Authorised by: Tighe, Fiona (TM)"
_SURNAME_FIRST = re.compile(
    rf"(?:^|(?<=[\n:;|(])|(?<=\bby))[ \t]*(?P<s>[{_CAPITALS}][a-zà-ÿ'’]+"
    rf"(?:-[{_CAPITALS}][a-zà-ÿ'’]+)?|[{_CAPITALS}]{{2,}}(?:-[{_CAPITALS}]{{2,}})?),[ \t]*\Z"
)


def join_surnames_written_first(st: State) -> None:
    """A capitalised word and a comma before a given name found alone, at a field's start,
    is that person's surname ("Tighe, Fiona (TM)"), unless it is a word or a place."""
    text = st.text
    if ", " not in text:
        return
    lex = st.lex
    for c in st.cands:
        if c.kind not in ("person", "professional") or c.start < 3 or text[c.start - 2] != ",":
            continue
        m = _SURNAME_FIRST.search(text, max(0, c.start - 40), c.start)
        if m is None or not st.free(m.start("s"), m.end("s")):
            continue
        key = word_key(m.group("s"))
        if key in lex.words or key in lex.common or key in lex.protected_words:
            continue
        if (key,) in lex.places or key in HONORIFICS or len(key) < 2:
            continue  # ("Hi, Millie came in": a greeting)
        if len(key) < 3 and not m.group("s").isupper():
            continue  # (a surname of two letters is written in capitals: "NG, Chon-Hea")
        if m.group("s").isupper() and m.group("s") in lex.acronyms:
            continue  # ("SW, Kerry Hale": a role)
        if key in dictionary() and key not in lex.surnames:
            continue  # a word of English, not a surname the lists know
        if national_charity(m.group("s")):
            continue  # "Kooth, Young Minds resources": a list of services
        st.taken[m.start("s") : c.start] = b"\x01" * (c.start - m.start("s"))
        c.start = m.start("s")
