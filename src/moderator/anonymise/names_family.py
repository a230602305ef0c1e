"""The family's names in the other forms records and children write them.

* **A kinship word before a name in lower case**, as a child says it (``"daddy bj said"``,
  ``papa jp``, ``mai rumbi``): the two words are a person, and the name is redacted wherever it
  recurs in lower case (``"bj again"``). A word of English after the kinship word
  (``daddy said``, ``nanny mercy``) stays: a name that is a word needs more evidence.
* **A surname in capitals before a comma and the given names** (``SZETO, Hiu Laam Ophelia``,
  ``BECKFORD, Lascelles Fitzroy``), as hospital and probation systems list people: the
  whole is the record's person with that surname (the one whose given name is among them),
  or another person.
"""

from __future__ import annotations

import re

from moderator.anonymise.lexicon import word_key
from moderator.anonymise.names_around import KIN_TITLES
from moderator.anonymise.references import present
from moderator.anonymise.state import NAME_KINDS, State

_KIN = KIN_TITLES
_LOWER_WORDS = re.compile(r"[a-z]+")
# a child's spellings too: "my best frend kayla-mae"
_FRIENDS = (
    *("friend", "mate", "bestie", "boyfriend", "girlfriend", "bf", "gf"),
    *("frend", "freind", "bff"),
)
_QUOTED = re.compile(r"[\"“]([^\"“”\n]{3,400})[\"”]")
_NAME_AFTER = re.compile(r"[ \t]+(?P<n>[a-zà-ÿ][a-zà-ÿ'’]*(?:-[a-zà-ÿ]+)?)(?![\w'’-])")
# words after a kinship word that are no names though not in the word lists
_NOT_NAMES = frozenset(
    {"ji", "jee", "ko", "ka", "ki", "ne", "se", "ke", "pls", "plz", "u", "ur", "im", "ive", "lol",
     "thx", "gonna", "wanna", "dont", "doesnt", "didnt", "cant", "wont", "isnt", "wasnt", "aint",
     "shes", "hes", "its", "thats", "whats", "theres", "ya", "yh", "yeah", "ok", "okay", "xx"}
)  # fmt: skip
# capitals of the Latin alphabets, as ranges (a class of each letter is checked letter by
# letter: slow); Latin Extended-A and -B hold small letters too, a small imprecision
_CAPITALS = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f"
# the comma after a surname in capitals ("SZETO, Hiu"): from the comma (a literal: quick)
_SURNAME_COMMA = re.compile(rf",[ \t]+(?=[{_CAPITALS}][a-zà-ÿ])")
_LABEL_BEFORE = re.compile(r":[ \t]*$")
# what ends a place's name, never a person's given names
_PLACE_HEADS = frozenset(
    {"hospital", "school", "academy", "college", "practice", "surgery", "centre", "clinic"}
    | {"trust", "unit", "ward", "station", "court", "house", "road", "street", "council"}
)
_GIVEN_NAMES = re.compile(
    rf"[{_CAPITALS}][^\W\d_]+(?:-[{_CAPITALS}][^\W\d_]+)?"
    rf"(?:[ \t][{_CAPITALS}][^\W\d_]+(?:-[{_CAPITALS}][^\W\d_]+)?){{0,3}}"
    r"(?=[ \t]{2}|[ \t]*\n|[ \t]*$|[ \t]*[(.;,|])"
)


def find_family_forms(st: State) -> None:
    """Kinship words before a lower-case name, and surnames in capitals before given names."""
    _kin_named(st)
    _surname_first(st)


def _kin_named(st: State) -> None:
    text = st.text
    names: dict[str, str] = {}
    # a child's words are quoted: only what is between quotes is looked at
    for quote in _QUOTED.finditer(text) if '"' in text or "“" in text else ():
        if " " in quote.group(1):  # a kinship word and a name: not a nickname alone ("Rado")
            _kin_in(st, quote.start(1), quote.end(1), names)
    _friend_named(st, names)
    for name, ident in names.items():
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if (
                (at == 0 or not text[at - 1].isalnum())
                and not text[end : end + 1].isalnum()
                and st.free(at, end)
            ):
                st.take(at, end, "person", ident, 45, 0.75)
            at = text.find(name, end)


def _kin_in(st: State, lo: int, hi: int, names: dict[str, str]) -> None:
    """A kinship word before a lower-case name in ``text[lo:hi]`` (a quotation)."""
    text = st.text
    said = text[lo:hi].lower()
    kin = _KIN.intersection(_LOWER_WORDS.findall(said))
    lex = st.lex
    for word in kin:
        at = said.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not said[at - 1].isalnum()) and not said[end : end + 1].isalnum():
                m = _NAME_AFTER.match(text, lo + end, hi)
                name = m.group("n") if m is not None else ""
                if (
                    m is not None
                    and len(name) >= 2
                    and name not in _KIN
                    and word_key(name) not in _NOT_NAMES  # "Baba doesn't"
                    and not _a_word(name, lex.words)
                    and st.free(lo + at, m.end())
                ):
                    ident = names.setdefault(name, f"kin:{name}")
                    st.take(lo + at, m.end(), "person", ident, 45, 0.75)
            at = said.find(word, end)


def _friend_named(st: State, names: dict[str, str]) -> None:
    """A lower-case name after a friend's word, in a child's or a text's words ("my friend
    tsitsi", "I use friend jurga phone"): the name is a person."""
    text = st.text
    lower, friends = present(text, _FRIENDS)
    for word in friends:
        at = lower.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not lower[at - 1].isalnum()) and not lower[end : end + 1].isalnum():
                m = _NAME_AFTER.match(text, end)
                name = m.group("n") if m is not None else ""
                if (
                    m is not None
                    and len(name) >= 3
                    and name not in _KIN
                    and name not in _NOT_NAMES
                    and not _a_word(name, st.lex.words)
                    and st.free(m.start("n"), m.end())
                ):
                    ident = names.setdefault(name, f"kin:{name}")
                    st.take(m.start("n"), m.end(), "person", ident, 45, 0.7)
            at = lower.find(word, end)


def _a_word(name: str, words: frozenset[str]) -> bool:
    """Whether a lower-case word is English, in a form the lists hold or inflected
    ("loves", "cried", "shouting")."""
    key = word_key(name)
    if key in words:
        return True
    for ending in ("s", "es", "ed", "d", "ing"):
        if key.endswith(ending) and key[: -len(ending)] in words:
            return True
    return False


def _surname_first(st: State) -> None:
    text = st.text
    known = st.known
    for m in _SURNAME_COMMA.finditer(text) if "," in text else ():
        start = m.start()
        while start > 0 and (text[start - 1].isupper() or text[start - 1] in "-'’"):
            start -= 1
        surname = text[start : m.start()]
        if len(surname) < 3 or (start > 0 and text[start - 1].isalnum()):
            continue
        given = _GIVEN_NAMES.match(text, m.end())
        if given is None:
            continue
        end = given.end()
        key = word_key(surname)
        owners = known.surname_owners.get(key, [])
        if not owners and (
            surname in st.lex.acronyms
            or key in st.lex.words
            or not _LABEL_BEFORE.search(text, max(0, start - 4), start)
        ):
            continue  # "CHILD, Named Person", "HALIFAX, West Yorkshire": no one's name
        givens = [word_key(w) for w in given.group().split()]
        if not owners and givens[-1] in _PLACE_HEADS:
            continue  # "Ward: NNU, Furness General Hospital": a ward and its hospital
        who = next((known.given_keys[g] for g in givens if g in known.given_keys), None)
        if who is None and owners:
            who = owners[0]
        inside = [c for c in st.cands if c.start < end and start < c.end]
        if any(c.start < start or c.end > end for c in inside):
            continue
        for c in inside:
            st.cands.remove(c)
        st.taken[start:end] = bytes(end - start)
        if who is not None:
            person = known.people[who]
            st.take(start, end, person.kind, person.label, 60)
        else:
            st.take(start, end, "person", "p:" + key, 45, 0.75)


# a surname after a known given name: "Peigi MacSween", "Reece GURNEY", "Liliia Grigorenko"
_SURNAME_AFTER = re.compile(
    rf"[ \t]+(?P<s>[{_CAPITALS}][^\W\d_]*(?:['’][{_CAPITALS}][^\W\d_]*)?(?:-[{_CAPITALS}][^\W\d_]*)?)"
    r"(?![\w'’-])"
)
_KNOWN_KINDS = frozenset({"child", "family"})
# a short form before the full name in brackets: "Mar (Marley)"
_SHORT_BEFORE = re.compile(rf"(?<![\w'’-])(?P<s>[{_CAPITALS}][a-z]{{1,5}})[ \t]*\($")


def join_other_surnames(st: State) -> None:
    """A known person's given name written with a surname the record does not hold (another
    form, a visa's spelling, an alias) takes the surname; a short form written before the
    person's name in brackets (``Mar (Marley)``) is that person wherever it recurs."""
    text = st.text
    lex = st.lex
    known = st.known
    shorts: dict[str, tuple[str, str]] = {}
    for c in [c for c in st.cands if c.kind in _KNOWN_KINDS]:
        bracketed = text[c.start - 1 : c.start] == "(" and c.start > 1
        # quick: a capital after one space or tab, or a bracket before
        if not bracketed and not (
            text[c.end : c.end + 1] in " \t" and text[c.end + 1 : c.end + 2].isupper()
        ):
            continue
        name = text[c.start : c.end]
        if bracketed:
            before = _SHORT_BEFORE.search(text, max(0, c.start - 9), c.start)
            if (
                before is not None
                and name.lower().startswith(before.group("s").lower())
                and st.free(before.start("s"), before.end("s"))
            ):
                shorts.setdefault(before.group("s"), (c.kind, c.ident))
        if " " in name:
            continue
        m = _SURNAME_AFTER.match(text, c.end)
        if m is None or not st.free(m.start("s"), m.end("s")):
            continue
        key = word_key(m.group("s"))
        if (
            key in lex.words
            or key in lex.protected_words
            or key in lex.given
            or (key,) in lex.places
            or key in known.keys
            or m.group("s") in lex.acronyms
        ):
            continue
        st.taken[c.end : m.end()] = b"\x01" * (m.end() - c.end)
        c.end = m.end()
    for short, (kind, ident) in shorts.items():
        at = text.find(short)
        while at >= 0:
            end = at + len(short)
            if (
                (at == 0 or not text[at - 1].isalnum())
                and not text[end : end + 1].isalnum()
                and st.free(at, end)
            ):
                st.take(at, end, kind, ident, 55)
            at = text.find(short, end)


_PLURAL_FAMILY = re.compile(r"[Tt]he[ \t]+(?P<n>[A-Z][\w'’-]*?)(?:s|es)\b")


def find_family_plurals(st: State) -> None:
    """A record's surname made plural after "the" is the family ("The Blooms have no GP"),
    also where the surname is an everyday word."""
    text = st.text
    if "he " not in text:
        return
    owners = st.known.surname_owners
    for m in _PLURAL_FAMILY.finditer(text):
        if m.start() and text[m.start() - 1].isalnum():
            continue  # ("bathe Smiths": its word boundary, checked here)
        who = owners.get(word_key(m.group("n")))
        start, end = m.start("n"), m.end()
        if who and st.free(start, end):
            st.take(start, end, "family", "FAMILY", 60)


_MAIDEN = re.compile(r"(?:[Nn][ée]e|NEE|NÉE)\.?[ \t]+(?P<s>[A-Z][\w'’-]+)")


def find_maiden_names(st: State) -> None:
    """The surname after "née" is the person's before it ("BRIDGET BLUNT NEE FURLONG"),
    unless it is a protected word."""
    text = st.text
    if "ee " not in text and "EE " not in text and "ée " not in text:
        return
    ends = {c.end: c for c in st.cands if c.kind in NAME_KINDS}
    for m in _MAIDEN.finditer(text):
        if m.start() and text[m.start() - 1].isalnum():
            continue
        start, end = m.span("s")
        if not st.free(start, end) or word_key(m.group("s")) in st.lex.protected_words:
            continue
        at = m.start()
        while at > 0 and text[at - 1] in " \t,(":
            at -= 1
        owner = ends.get(at)  # the person named just before
        if owner is not None:
            st.take(start, end, owner.kind, owner.ident, 60)
        else:
            st.take(start, end, "person", "p:" + word_key(m.group("s")), 55)
