"""The last steps of the name layers: what joins names found by the layers before.

* **Propagation**: once a name is found with evidence, its other mentions in the same text
  are redacted too, with the same placeholder.
* **Known full names** are kept whole: a redaction cutting through a full name of the record
  gives way to the whole name, as that person.
* **Titles** go with their names ("Mrs Pennant", "PC 2281 Newbold"); **quoted nicknames**
  inside a name ("Jimmy 'Bones' Quilligan") are part of it (:mod:`.names_nicknamed`).
"""

from __future__ import annotations

import re
from itertools import pairwise

from moderator.anonymise.cues import HONORIFICS, NAME_TITLES
from moderator.anonymise.layer_known import take_known
from moderator.anonymise.lexicon import frequent_word, lower_same_length, phrase_key, word_key
from moderator.anonymise.names_around import word_before
from moderator.anonymise.state import NAME_KINDS, State, Tok


def propagate(st: State, toks: list[Tok]) -> None:
    """Other mentions of names found with evidence get the same placeholder."""
    if not st.found:
        return
    common, given, acronyms = st.lex.common, st.lex.given, st.lex.acronyms
    firsts = {k[0] for k in st.found}
    max_n = max(len(k) for k in st.found)
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if t.key not in firsts or (
            not t.cap and (t.key in common or (frequent_word(t.key) and t.key not in given))
        ):  # (in lower case, an everyday word is the word: "Coach Mo" … "the coach")
            i += 1
            continue
        hit = st.longest(toks, i, st.found, max_n)
        if hit is not None:
            size, (kind, ident) = hit
            if size == 1 and len(t.key) < 2:
                pass  # a lone letter found as an initial ("Ms A."): "A skeletal survey" stays
            elif size == 1 and t.upper and t.word in acronyms and not st.text[t.start].islower():
                pass  # "TAF meeting" after "Taf" for Tafadzwa: in capitals, the acronym
            elif size > 1 or not st.protected[i]:
                st.take(t.start, toks[i + size - 1].end, kind, ident, 30)
                i += size
                continue
        i += 1


# (the look-ahead at the titles' first letters, implied by the titles themselves, rules out
# most positions before the slower look-behind and alternatives are tried)
# in a form written in capitals these are the relation ("FATHER KNOWN AS …"), not a title
_KIN_TOO = frozenset({"father", "sister", "brother", "bhai"})
# a health role written as a rank goes with the name too ("Nurse Emily Proctor"), though
# it finds no name itself ("the Named Nurse Service")
_RANKS = frozenset({"nurse", "paramedic", "matron", "coach"})
_TITLE_WORDS = sorted(set(HONORIFICS) | NAME_TITLES | _RANKS, key=len, reverse=True)
_LOWER_ADDRESS = frozenset(
    {"pani", "herr", "frau", "sra", "srta", "mme", "mlle", "signora", "signor", "senhor"}
    | {"senhora", "señor", "señora", "alhaji", "alhaja", "hajia"}
    # Lithuanian, Polish, Romanian and Turkish forms of address: "Ponia Petrauskienė",
    # "Doamna Popescu", "Bayan Yılmaz" ("Pan Nowak" only capitalised: a frying pan)
    | {"ponia", "ponas", "doamna", "doamnă", "domnul", "bayan"}
)
# (a title of faith or rank is written capitalised: "Father Costigan", not "his father Tom")
_TITLE_BEFORE = re.compile(
    r"(?=["
    + "".join(sorted({h[0] for h in _TITLE_WORDS} | {h[0].upper() for h in _TITLE_WORDS}))
    + r"])(?<![\w])(?:(?i:"
    + "|".join(sorted(HONORIFICS, key=len, reverse=True))
    + r")|"
    + "|".join(w.capitalize() for w in _TITLE_WORDS if w not in HONORIFICS)
    + "|"
    + "|".join(w.upper() for w in _TITLE_WORDS if w not in HONORIFICS and w not in _KIN_TOO)
    + "|coach(?=[ \t])"  # (a child writes it in lower case: "with coach tony"; no "coach.")
    # forms of address the families' languages write in lower case before a name, no English
    # word ("Dzień dobry, pani Agnieszko", "la señora Ruiz")
    + "|"
    + "|".join(sorted(_LOWER_ADDRESS, key=len, reverse=True))
    + "|"
    + "|".join(sorted((w.capitalize() for w in _LOWER_ADDRESS), key=len, reverse=True))
    + "|Pan"
    + r")\.?[ \t]+(?:(?i:sgt|insp|ds|dc|di|pc|sergeant|inspector|constable)\.?[ \t]+)?"
    r"(?:\d{2,6}[ \t]+)?(?:[A-Z]\.[ \t]*)?$"
)
_TITLED = frozenset({"professional", "person", "worker"})
# a capitalised word right before a nurse's title: a grade goes with the name ("Staff Nurse
# Chloe Radband"), any other makes a role's title ("School Nurse", "Safeguarding Nurse")
_QUALIFIER = re.compile(r"(?<![\w'’-])(?P<q>[A-Z][\w'’-]*)[ \t]+\Z")
_GRADES = frozenset({"staff", "charge", "senior", "student", "deputy", "agency"})
_LAY_TITLES = frozenset({"lady", "lord", "sir", "dame", "mother", "brother", "bhai"})
# the words that make a judge's or an officer's full title go with it: "District Judge Hallam",
# "His Honour Judge Pitt", "Police Constable Jones", "Acting DS Baines"
_JUDGE_BEFORE = re.compile(
    r"(?<![\w])(?:(?i:deputy)[ \t]+)?(?:(?i:district|circuit|designated[ \t]+family)"
    r"|(?i:his|her)[ \t]+(?i:honour))[ \t]+\Z"
)
_OFFICER_BEFORE = re.compile(r"(?<![\w])(?:Acting|ACTING|Temporary|TEMPORARY)[ \t]+\Z")
# ("Police" before a rank spelt out, not after a force's place: "Kent Police PC Drummond")
_POLICE_BEFORE = re.compile(
    r"(?<![\w])(?:(?:Acting|ACTING|Temporary|TEMPORARY"
    r"|Woman|WOMAN|Special|SPECIAL)[ \t]+)?(?:Police|POLICE)[ \t]+\Z"
)
_OFFICER_TITLES = frozenset({"pc", "dc", "ds", "di", "sgt", "ps", "constable", "sergeant",
                             "insp", "inspector", "det", "detective", "dci"})  # fmt: skip


# a word a condition follows, not a title: "has MS.", "with her MS"
_CONDITION_BEFORE = re.compile(r"(?i)(?<![\w-])(?:has|have|had|her|his|their|with)[ \t]+$")


_WORD_BEFORE_TITLE = re.compile(r"([A-Za-z]+)[ \t]+\Z")


def absorb_titles(st: State) -> None:
    """A person's title goes with their name: "Mrs Pennant", "PC 2281 Newbold", "Dr R. Okafor",
    "Fr. Donal Keane" become one placeholder, so that neither the title's sex nor a collar
    number is left; a title of faith or rank makes the person a professional."""
    text = st.text
    gone: set[int] = set()  # redactions freed for the title they were part of
    # (looked for before each name, not over the whole text: a note has few names)
    for c in list(st.cands):
        if c.kind not in NAME_KINDS or id(c) in gone:
            continue
        if c.kind == "person" and _title_of(text[c.start : c.end]):
            c.kind = "professional"  # "Pastor Kwabla Anterkyi" taken whole
        if c.start == 0 or text[c.start - 1] not in " \t." or not _titled_maybe(text, c.start):
            continue
        m = _TITLE_BEFORE.search(text, max(0, c.start - 24), c.start)
        if m is None:
            continue
        title = m.group().split()[0].rstrip(".").lower()
        written = m.group().split()[0]
        if (
            written.isupper()
            and written.endswith(".")
            and _CONDITION_BEFORE.search(text, max(0, m.start() - 8), m.start())
        ):
            continue  # "mum has MS. Summer said …": a condition ends the sentence, no title
        if (
            text[max(0, m.start() - 6) : m.start()].lower() == "named "
            and text[c.start : c.end].split()[0].lower() not in st.lex.words
        ):
            continue  # "Named Nurse Morag Birrell": the partnership's role stays, as a term
        before = _WORD_BEFORE_TITLE.search(text, max(0, m.start() - 20), m.start())
        if (
            # (a title already before the name; "District Judge Aldous" goes whole)
            text[c.start : c.end].split()[0].rstrip(".").lower() in HONORIFICS
            and before is not None
            and (before.group(1).lower(), title) in st.lex.phrases.get(before.group(1).lower(), ())
        ):
            continue  # "your work coach Mr Obi": a role of the vocabulary stays whole
        start = m.start()
        named = text[c.start : c.end].split()
        if title in _RANKS and named[0].lower() in st.lex.words:
            qualifier = _QUALIFIER.search(text, max(0, start - 40), start)
            q = qualifier.group("q").lower() if qualifier is not None else ""
            if len(named) > 1 and (q, title) in st.lex.phrases.get(q, ()):
                continue  # "School Nurse Heather Doxey": the role stays, a term (her name a word)
        elif title in _RANKS:
            qualifier = _QUALIFIER.search(text, max(0, start - 40), start)
            if qualifier is not None and qualifier.group("q").lower() in _GRADES:
                if _QUALIFIER.search(text, max(0, qualifier.start() - 40), qualifier.start()):
                    continue  # "School Staff Nurse Jo Hart": the service's role stays
                start = qualifier.start("q")  # "Staff Nurse Chloe Radband": her grade too
            elif qualifier is not None:
                continue  # "Safeguarding Nurse Lyn Dace": a role's title, said as a term
        qualified = (
            _JUDGE_BEFORE.search(text, max(0, start - 30), start)
            if title == "judge"
            else _OFFICER_BEFORE.search(text, max(0, start - 30), start)
            if title in _OFFICER_TITLES and title not in ("constable", "sergeant", "inspector")
            else _POLICE_BEFORE.search(text, max(0, start - 30), start)
            or _OFFICER_BEFORE.search(text, max(0, start - 30), start)
            if title in ("constable", "sergeant", "inspector")
            else None
        )
        if qualified is not None and not word_before(text, qualified.start())[1][:1].isupper():
            # (the title's words are no organisation of their own: "made by Her Honour")
            inside = [d for d in st.cands if qualified.start() <= d.start and d.end <= start]
            for d in inside:
                st.cands.remove(d)
                st.taken[d.start : d.end] = bytes(d.end - d.start)
            gone.update(id(d) for d in inside)
            start = qualified.start()
        if title in NAME_TITLES and title not in _LOWER_ADDRESS and c.kind not in _TITLED:
            continue  # "Sister Apolonia" of the family: a relation, said beside the placeholder
            # (not "pani Agnieszko": a form of address, as "Mrs" is)
        if c.kind == "person" and _title_of(m.group()):
            c.kind = "professional"  # "Father Costigan", "Det. Sgt Mawby": in their work
        if not st.free(start, c.start):
            gone.update(_free_title(st, start, c.start))  # "Det." taken alone
        if st.free(start, c.start):
            st.taken[start : c.start] = b"\x01" * (c.start - start)
            c.start = start


_TITLE_KEYS = frozenset(
    set(HONORIFICS)
    | NAME_TITLES
    | _RANKS
    | {"sgt", "insp", "ds", "dc", "di", "pc", "sergeant"}
    | {"inspector", "pan"}
    | _LOWER_ADDRESS
)


def _titled_maybe(text: str, start: int) -> bool:
    """Whether the word before a name can end a title: a title, a collar number or an initial
    (a quick look before the slower search of :data:`_TITLE_BEFORE`)."""
    before = text[max(0, start - 12) : start].split()
    if not before:
        return False
    # (a spreadsheet's cell after a comma without a space: '…door'",Sr Mandy Crooks')
    last = before[-1].rpartition(",")[2].strip(".(\"'“‘[").lower()
    return last in _TITLE_KEYS or last.isdigit() or (len(last) == 1 and last.isalpha())


def _title_of(written: str) -> bool:
    """Whether ``written`` opens with a title of faith or rank ("Pastor", "Fr.", "Det.")."""
    first = written.split(None, 1)[0].rstrip(".").lower() if written.strip() else ""
    return first in NAME_TITLES and first not in _LAY_TITLES and written[:1].isupper()


def _free_title(st: State, start: int, end: int) -> set[int]:
    """Free the name-kind redactions that lie wholly inside a title written before a name."""
    inside = [d for d in st.cands if start <= d.start and d.end <= end and d.kind in NAME_KINDS]
    for d in inside:
        st.cands.remove(d)
        st.taken[d.start : d.end] = bytes(d.end - d.start)
    return {id(d) for d in inside}


_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _name_at(folded: str, at: int, words: list[str]) -> int:
    """The end of the name whose words start at ``at`` (any spacing or hyphens), or -1."""
    pos = at
    for n, word in enumerate(words):
        if n:
            gap = pos
            while pos < len(folded) and folded[pos] in " \t\n-":
                pos += 1
            if pos == gap:
                return -1
        if not folded.startswith(word, pos):
            return -1
        pos += len(word)
    return pos if pos == len(folded) or not folded[pos].isalnum() else -1


def keep_known_names_whole(st: State) -> None:
    """A known full name never survives in part, whatever words it is made of.

    "Aaa Crescent-Cudal" looks like a street ("Aaa Crescent") to the patterns; a redaction
    that cuts through a full name of the record gives way to the whole name, as that person.
    """
    text = st.text
    case = st.case
    folded = lower_same_length(text)
    names = [case.child.name, *(m.name for m in case.family), case.worker or ""]
    # a hyphenated part alone too: "Thirtieth-Fcdufsllqa" must not become "[DATE]-Fcdufsllqa"
    names += [part for name in names for part in name.split() if "-" in part.strip("-")]
    for name in names:
        words = [lower_same_length(w) for w in _NAME_WORD.findall(name)]
        if len(words) < 2:
            continue
        spots = []
        at = folded.find(words[0])
        while at >= 0:
            end = _name_at(folded, at, words) if at == 0 or not folded[at - 1].isalnum() else -1
            if end > 0:
                spots.append((at, end))
            at = folded.find(words[0], at + 1)
        for start, end in spots:
            inside = [c for c in st.cands if c.start < end and start < c.end]
            if inside and all(
                c.start <= start
                and end <= c.end
                and (c.kind in NAME_KINDS or (c.start, c.end) != (start, end))
                for c in inside
            ):
                continue  # already redacted whole (by this person or a wider span); but
                # "Patricia Lane" read as a street alone is the person
            who = st.known.ngrams.get(phrase_key(name))
            if who is None and " " not in name.strip():  # a hyphenated surname alone: its owner
                owners = st.known.hyphenated_owners(word_key(name))
                who = owners[0] if owners and len(set(owners)) == 1 else None
            for c in inside:
                st.cands.remove(c)
                st.taken[c.start : c.end] = bytes(c.end - c.start)
                start, end = min(start, c.start), max(end, c.end)
            if who is None:
                st.take(start, end, "family", "FAMILY", 60)
            else:
                take_known(st, start, end, who)


# a middle initial between two parts of one name: "TARA J BRADWELL", "Tara J. Bradwell"
_MIDDLE_INITIAL = re.compile(r"[ \t]+[A-Z]\.?[ \t]+")
_INITIAL_FIRST = re.compile(r"[A-Z]\.?[ \t]")


def join_middle_initials(st: State) -> None:
    """Two names with only a middle initial between them are one person's name, whole
    ("DC 4410 TARA J BRADWELL": the rank's number split the name from its surname)."""
    text = st.text
    names = sorted((c for c in st.cands if c.kind in NAME_KINDS), key=lambda c: c.start)
    gone: set[int] = set()
    for a, b in pairwise(names):
        if id(a) in gone:
            continue
        gap = text[a.end : b.start]
        joined = _MIDDLE_INITIAL.fullmatch(gap) is not None or (
            gap in (" ", "\t") and _INITIAL_FIRST.match(text, b.start) is not None
        )
        if not joined or "\n" in gap:
            continue
        st.cands.remove(b)
        gone.add(id(b))
        st.grow(a, a.start, b.end)
    lex = st.lex
    for c in [c for c in st.cands if c.kind in NAME_KINDS]:
        m = _INITIAL_AND_SURNAME.match(text, c.end)
        if m is None or not st.free(m.start(), m.end()):
            continue
        key = m.group("s").lower()
        if key in lex.surnames or (
            key not in lex.common and key not in lex.words and key not in lex.protected_words
            and m.group("s").upper() not in lex.acronyms and (key,) not in lex.places
            and not frequent_word(key)
        ):  # fmt: skip
            st.grow(c, c.start, m.end())  # "TARA J BRADWELL": the surname after the initial


_INITIAL_AND_SURNAME = re.compile(r"[ \t]+[A-Z]\.?[ \t]+(?P<s>[A-Z][A-Za-z'’-]{2,})(?![\w'’-])")


# a police officer by rank and collar number, initials and surname: "SGT 1144 R KHALIQ",
# "PC 2317 Andrew Page", "DC 4410 TARA J BRADWELL" (the number says it is an officer)
_OFFICER = re.compile(
    r"(?<![\w])(?:PCSO|PC|DC|DS|DI|DCI|PS|SGT|Sgt|Sergeant|Insp|INSP)\.?[ \t]+\d{2,6}(?:[A-Z]{2})?[ \t]+"
    r"(?P<n>(?:[A-Z]\.?[ \t]){0,2}[A-Z][A-Za-z'’-]+(?:[ \t](?:[A-Z]\.?[ \t])?[A-Z][A-Za-z'’-]+){0,2})"
    r"(?![\w:])"
)
_NOT_SURNAMES = frozenset(
    {"and", "or", "of", "the", "at", "to", "in", "on", "for", "with", "by", "from", "said",
     "says", "stated", "states", "was", "is", "has", "had", "received", "attended", "arrested",
     "reported", "team", "unit", "station", "police", "hub", "officer"}
)  # fmt: skip


def find_numbered_officers(st: State) -> None:
    """An officer named by rank, collar number, initials and surname is one professional,
    whole, though the surname is a word (``PC 2317 ANDREW PAGE``)."""
    text = st.text
    if not any(
        r in text for r in ("PC", "DC", "DS", "DI", "PS", "SGT", "Sgt", "Serg", "Insp", "INSP")
    ):
        return
    for m in _OFFICER.finditer(text):
        words = m.group("n").split()
        keep = 0
        for i, w in enumerate(words):
            if w.lower().rstrip(".") in _NOT_SURNAMES or (
                len(w) > 1 and w.upper() in st.lex.acronyms and w.lower() not in st.lex.surnames
            ):
                break
            keep = i + 1
        if keep == 0 or len(words[keep - 1].rstrip(".")) < 2:
            continue  # an initial alone: no surname
        end = m.start("n")
        for w in words[:keep]:
            end = text.find(w, end) + len(w)
        start = m.start()
        inside = [c for c in st.cands if c.start < end and start < c.end]
        if any(c.kind not in NAME_KINDS and c.kind != "org" for c in inside):
            continue
        for c in inside:
            st.cands.remove(c)
            st.taken[c.start : c.end] = bytes(c.end - c.start)
            start, end = min(start, c.start), max(end, c.end)
        ident = "p:" + " ".join(w.lower() for w in words[:keep])
        st.take(start, end, "professional", ident, 60, 0.9)
