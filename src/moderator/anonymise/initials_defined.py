"""Initials a note defines for a person: a letter in brackets, initials after a dash.

* **One letter in brackets after a name** (``Inese Bērziņa (M)``, ``Jason Whalley (mum's
  partner, J)``): a short note then writes that person by the letter alone (``M answered``,
  ``E said J "plays xbox"``): a given name's first letter, or a relation's (M for mum). ``A``
  and ``I`` are words, never taken so. It is redacted where it stands alone as a word.
* **Initials after a dash ending an attendance list's item** (``Chair: Sandra Hulme (IRO) -
  SH``, ``PC Owen Taylor, GMP Rochdale - OT;``): the minutes then write them as the speaker
  (``OT: 3 DA call-outs``). Defined so, they are that person's even where they spell an
  acronym (``OT``, ``LD``, ``CP``), and a name in the item that no other layer took
  (``Minutes: Carl Pilling (minute taker) - CP``) is taken with them.
* **Initials opening an item, then a dash and the name** (``KL - Ms Katie Lam, interpreter``,
  ``HB – DC Harpreet Bains``), or defined by an equals sign (``Key: RH = Rose, CH = Clive``):
  the letters agree with the name (with ``=`` the first letter with a given name's is enough),
  and they are that person's wherever they recur, in slashed lists too (``AR/KW/MI``), even
  where they spell an acronym (``IT``, ``TA``); not after an article (``a TA``) nor in a line
  written in capitals.
"""

from __future__ import annotations

import re

from moderator.anonymise.layer_initials import after_article
from moderator.anonymise.layer_initials import in_shouted_line as in_capitals
from moderator.anonymise.names_initials import agree_initials
from moderator.anonymise.nearby import matches_in, word_positions
from moderator.anonymise.state import NAME_KINDS, Cand, State

# "(M)", "(mum's partner, J)", '("Minh", "M")': one capital, alone or after a description or
# the names a person goes by and a comma, in quotes or not
_LETTER_AFTER = re.compile(r"[ \t]*\((?:[^()\n]{1,40}?,[ \t]*)?[\"“‘']?(?P<i>[B-HJ-Z])[\"”’']?\)")
# a letter standing alone as a word: not part of "A&E", "M6", "J.", "E-mail", "U/S"
_ALONE = r"(?<![\w&/.'’-]){}(?![\w&/-]|\.\w)"
# " - SH" ending an item of a list (a line, or a part of one between semicolons), or before
# the person's role in brackets and a comma ("Tracey Minns - TM (CSC team manager), DS …")
_DASHED = re.compile(
    r"[ \t]+[-–—][ \t]*(?P<i>[A-Z]{2,3})[ \t]*(?=[;|\n]|\Z|\([^()\n]{1,40}\)[ \t]*[,;|\n])"
)
_ITEM_START = re.compile(r"[;|\n]")
# a name the other layers left: two or three capitalised words after the item's field label
_UNTAKEN_NAME = re.compile(
    r"(?m)(?:^|:[ \t]*)(?P<n>[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){1,2})(?=[ \t]*[(,-])"
)


def _letter_spots(text: str, letter: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(_ALONE.format(letter), text)]


def find_defined_initials(st: State) -> None:
    """Letters and initials a note defines for a person (see the module's text)."""
    text = st.text
    if "(" in text:
        defined = [
            (c, m.group("i"))
            for c in [c for c in st.cands if c.kind in NAME_KINDS]
            if (m := _LETTER_AFTER.match(text, c.end)) is not None
        ]
        sexes = _sex_markers(defined)
        for c, letter in defined:
            if letter in sexes:
                continue
            for start, end in _letter_spots(text, letter):
                if st.free(start, end):
                    st.take(start, end, c.kind, c.ident, 52)
        _bracketed_names(st)
    if " - " in text or " – " in text:
        _dashed(st)
    if "-" in text or "–" in text or "=" in text:
        _leading(st)


# a name the other layers left, with its initials in brackets after it (and its role's
# letters between: "Heather Young TM (HY)", "Beverley Cooke HV (BC)"), or before it with the
# role ("JB (BSO) Jasmine Bell")
_NAME_THEN_INITIALS = re.compile(
    r"(?<![\w'’-])(?P<n>[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){1,2})(?:[ \t]+[A-Z]{2,4})?"
    r"[ \t]*\((?P<i>[A-Z]{2,3})\)"
)
_INITIALS_THEN_NAME = re.compile(
    r"(?<![\w'’-])(?P<i>[A-Z]{2,3})[ \t]*\([^()\n]{1,30}\)[ \t]+"
    r"(?P<n>[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){1,2})(?![\w'’-])"
)

# a piece of text every match of each holds, quick to look for: the initials in brackets, and
# the bracket's end before the name's first two words
_BRACKETED = re.compile(r"\([A-Z]{2,3}\)")
_NAME_AFTER = re.compile(r"\)[ \t]+[A-Z][a-z'’-]+[ \t]+[A-Z]")


def _bracketed_names(st: State) -> None:
    """A given name and a surname beside initials that spell them, that no layer took
    (their words are everyday words: "Heather Young (HY)"): the person, and the initials
    theirs wherever they recur."""
    text = st.text
    lex = st.lex
    spelt: dict[str, str] = {}
    for pattern, piece in ((_NAME_THEN_INITIALS, _BRACKETED), (_INITIALS_THEN_NAME, _NAME_AFTER)):
        for m in pattern.finditer(text) if piece.search(text) else ():  # (quick: none)
            start, end = m.span("n")
            name, initials = m.group("n"), m.group("i")
            words = name.lower().split()
            if words[0] not in lex.given or not st.free(start, end):
                continue
            if words[-1] not in lex.surnames and (
                words[-1] in lex.words or words[-1] in lex.common
            ):
                continue  # "Summer Term (ST)": words that spell their letters
            if len(initials) != len(words) or not agree_initials(initials, name):
                continue
            ident = "p:" + name.lower()
            st.take(start, end, "professional", ident, 50, 0.8)
            spelt.setdefault(initials, ident)
    for initials, ident in spelt.items():  # (each once: a long list repeats them)
        for a, b in _letter_spots(text, initials):
            if st.free(a, b):
                st.take(a, b, "professional", ident, 52)


def _sex_markers(defined: list[tuple[Cand, str]]) -> frozenset[str]:
    """``M`` and ``F`` when they mark people's sex (``ROJIN MAHMOUD (F) DOB …; ARAM MAHMOUD
    (M)``), not one person's letter: both are given, or one is given to two people."""
    owners: dict[str, set[str]] = {}
    for c, letter in defined:
        if letter in "MF":
            owners.setdefault(letter, set()).add(c.ident)
    if len(owners) == 2 or any(len(idents) > 1 for idents in owners.values()):
        return frozenset("MF")
    return frozenset()


def _dashed(st: State) -> None:
    text = st.text
    for m in _DASHED.finditer(text):
        initials = m.group("i")
        if not st.free(m.start("i"), m.end("i")):
            continue
        before = text.rfind("\n", 0, m.start())
        semi = max(text.rfind(";", 0, m.start()), text.rfind("|", 0, m.start()))
        item = max(before, semi) + 1
        owner = next(
            (
                c
                for c in st.cands
                if c.kind in NAME_KINDS
                and item <= c.start < m.start()
                and " " in text[c.start : c.end]
                and agree_initials(initials, text[c.start : c.end])
            ),
            None,
        )
        if owner is None:
            name = _UNTAKEN_NAME.search(text, item, m.start())
            if name is None or not agree_initials(initials, name.group("n")):
                continue
            if name.group("n").split()[0].lower() not in st.lex.given:
                continue  # "Deputy Head - DH": a role, not a name
            if not st.free(name.start("n"), name.end("n")):
                continue
            ident = "p:" + name.group("n").lower()
            st.take(name.start("n"), name.end("n"), "professional", ident, 50, 0.8)
            kind = "professional"
        else:
            kind, ident = owner.kind, owner.ident
        for start, end in _letter_spots(text, initials):
            if st.free(start, end):
                st.take(start, end, kind, ident, 52)


# initials opening a line or an item (after bullets, ";" or "|"), then a dash and a name;
# or initials anywhere before "=" and a name
_LEADING = re.compile(
    r"(?m)(?:(?:^|[;|])[ \t>*•-]*(?P<i>[A-Z]{2,3}|[A-Z](?:[A-Z][a-z]|[a-z][A-Z]))[ \t]*[-–—]"
    r"|(?<![\w/])(?P<e>[A-Z]{2,3}|[A-Z](?:[A-Z][a-z]|[a-z][A-Z]))[ \t]*=)"
    r"[ \t]*(?P<t>(?:(?:Mrs|Mr|Ms|Miss|Mx|Dr|Cllr|DC|DS|DI|PC|PS|Sgt|Insp)\.?[ \t]+(?:\d{2,5}[ \t]+)?)?)"
    r"(?P<n>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})"
)


def _agree_mixed(initials: str, name: str) -> bool:
    """Whether initials with a lower-case letter are ``name``'s: each capital opens a word of
    it in order (a title may go before them), each small letter follows the capital before
    it in that word, and the last capital opens the surname."""
    words = name.replace(".", " ").split()
    at, word, pos = 0, "", 0
    for letter in initials:
        if letter.isupper():
            while at < len(words) and words[at][:1] != letter:
                at += 1
            if at == len(words):
                return False
            word, pos, at = words[at], 1, at + 1
        elif word[pos : pos + 1] == letter:
            pos += 1
        else:
            return False
    return word == words[-1]


def _leading_matches(text: str) -> list[re.Match[str]]:
    """What ``_LEADING.finditer(text)`` gives. Without an "=", a match starts at a line's start,
    a ";" or a "|": the pattern is tried only there, not at every position of the note."""
    if "=" in text:
        return list(_LEADING.finditer(text))
    starts = [(end, end) for _, end in word_positions(text, ("\n",))]
    starts += [(at, at) for at, _ in word_positions(text, (";", "|"))]
    return matches_in(_LEADING, sorted([(0, 0), *starts]), text)


def _leading(st: State) -> None:
    text = st.text
    for m in _leading_matches(text):
        initials = m.group("i") or m.group("e")
        name = m.group("n")
        if not initials.isupper():
            # "SMu – Mrs Sabera Mulla", "DSt - DS Neil Stainer", "SWh = Sandra Whitlock": a
            # word's second letter tells two people of the same initials apart
            agree = _agree_mixed(initials, m.group("t") + name)
        elif m.group("i"):
            agree = agree_initials(initials, m.group("t") + name)
        else:  # "RH = Rose": the given name's letter first
            agree = initials[0] == name[0] and name.split()[0].lower() in st.lex.given
        if not agree or in_capitals(text, m.start()):
            continue
        owner = next(
            (c for c in st.cands if c.kind in NAME_KINDS and c.start <= m.start("n") < c.end),
            None,
        )
        if owner is not None:
            kind, ident = owner.kind, owner.ident
        elif name.split()[0].lower() in st.lex.given and st.free(m.start("n"), m.end("n")):
            kind, ident = "professional", "p:" + name.lower()
            st.take(m.start("t"), m.end("n"), kind, ident, 50, 0.8)
        else:
            continue
        for spot in re.finditer(rf"(?<![\w&.'’-]){initials}(?![\w&'’-]|\.\w)", text):
            if after_article(text, spot.start()):
                continue  # "a TA in class": the role
            if st.free(spot.start(), spot.end()) and not in_capitals(text, spot.start()):
                st.take(spot.start(), spot.end(), kind, ident, 52)


# initials written in mixed case before the name they stand for: "KAsh (Karen Ashby, LADO)",
# "SO'N (Siobhan O'Neill)" (two capitals at least, a small letter among them)
# (from the first capital, the look-behind after it: the engine skips to a capital)
_MIXED_BEFORE = re.compile(r"(?P<i>[A-Z](?<![\w'’-][A-Z])[A-Za-z'’]{1,5})[ \t]*\((?=[A-Z])")


def _spells(initials: str, words: list[str]) -> bool:
    """Whether mixed-case initials are a name's letters: the given name's first and the
    surname's start ("KAsh": Karen Ashby), or each word's first letters and more."""
    letters = initials.replace("'", "").replace("’", "").lower()
    names = [w.replace("'", "").replace("’", "").lower() for w in words]
    if len(names) < 2 or not letters.startswith(names[0][:1]):
        return False
    rest = letters[1:]
    return bool(rest) and names[-1].startswith(rest)


def find_mixed_initials(st: State) -> None:
    """Mixed-case initials defined before a person's name in brackets, wherever they recur."""
    text = st.text
    if "(" not in text:
        return
    for m in _MIXED_BEFORE.finditer(text):
        initials = m.group("i")
        capitals = sum(ch.isupper() for ch in initials)
        if capitals < 2 or initials.isupper() or initials[1:].islower():
            continue  # "KA" (other layers'), "Karen (…)": a word
        person = next((c for c in st.cands if c.start == m.end() and c.kind in NAME_KINDS), None)
        if person is None or not _spells(initials, text[person.start : person.end].split()[-2:]):
            continue
        for w in re.finditer(rf"(?<![\w'’-]){re.escape(initials)}(?![\w'’-])", text):
            if st.free(w.start(), w.end()):
                st.take(w.start(), w.end(), person.kind, person.ident, 50, 0.8)
