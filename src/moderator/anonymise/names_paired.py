"""Names in brackets beside a name (split from :mod:`.layer_sounds`, round forty-two).

``Musa (Moose)``, ``Nayu (Inaya)``, ``Zuzanna (Zuza, Suzie)``: the other side of a bracket next
to a known person is that person, and so is every other mention of it. Not a word, a heading
or a service before a known name in brackets (``North Yorkshire Horizons (Whitby)``, ``CHECKS
(Rebecca)``), nor a class named after the child's year (``(Y4, Maple class)``).
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import HONORIFICS, RELATION_CUES, ROLE_CUES
from moderator.anonymise.lexicon import whole_words, word_key
from moderator.anonymise.names_around import KIN_TITLES
from moderator.anonymise.nearby import for_text
from moderator.anonymise.patterns import near_spans, word_positions
from moderator.anonymise.state import State

# "Musa (Moose)", "Zuzanna (Zuza, Suzie)", "Chinenye (Chichi at home; …)", "Wika (Wiktoria)"
# (a run that can only be followed by the bracket's gap is possessive: no giving back)
_PAIRED_RE = re.compile(
    r"(?<![\w'’-])(?P<a>[^\W\d_][\w'’-]*+)[ \t]*\([ \t]*[\"“']?(?P<b>[^\W\d_][\w'’-]*)[\"”']?"
    r"(?P<more>(?:[ \t]*,[ \t]*[A-Z][\w'’-]*+)*)(?=[ \t]*[),;]|[ \t]+[a-z])"
)
_MORE_RE = re.compile(r"[A-Z][\w'’-]*")
_WORD_GOES_ON = re.compile(r"[ \t]+[a-z]")
_SAID_AFTER = re.compile(r"[ \t]+(?i:wrote|writes|said|says|drew|told|asked|added|typed)\b")


def find_paired_names(st: State) -> None:
    """A word in brackets beside a known person, or a word a known person's name is in
    brackets after, is that person: ``Musa (Moose)``, ``Wika (Wiktoria)``, ``Zuzanna (Zuza,
    Suzie)``; and so is every other mention of it."""
    text = st.text
    if "(" not in text:
        return
    record = [c for c in st.cands if c.kind in ("child", "family", "worker")]
    if not record:
        return
    ends = {c.end: c for c in record}
    spans = {(c.start, c.end): c for c in record}
    brackets = word_positions(text, ("(",))
    for m in near_spans(for_text(_PAIRED_RE, text), brackets, text, 40, 40):
        if _SAID_AFTER.match(text, m.end("b")):
            continue  # "HOUSE OF WORRYS (oskar wrote)": who wrote it, not another name
        known = ends.get(m.end("a"))  # "Musa Rahman (Moose)": the name ends before the bracket
        others = [m.span("b")]
        if known is not None:
            others += [
                (w.start(), w.end())
                for w in _MORE_RE.finditer(text, m.start("more"), m.end("more"))
                if not _WORD_GOES_ON.match(text, w.end())  # ("(Y4, Maple class)": a class)
            ]
        else:
            known, others = spans.get(m.span("b")), [m.span("a")]
            if _surname_beside_a_word(st, m.group("a"), m.group("b")):
                continue  # "North Yorkshire Horizons (Whitby)", "CHECKS (Fairclough)"
        if known is None:
            continue
        for start, end in others:
            word = text[start:end]
            if _alias(st, word, known.ident):
                for at, to in whole_words(text, word):  # and wherever else it is written
                    if st.free(at, to):
                        st.take(at, to, known.kind, known.ident, 60, 0.9)


def _surname_beside_a_word(st: State, word: str, bracketed: str) -> bool:
    """Whether a record's name in brackets follows a word, a heading or a service, not another
    name of the person: "North Yorkshire Horizons (Whitby)" (a town), "CHECKS (Rebecca)",
    "Texts (Rebecca)" (an author); not "Wika (Wiktoria)", "Jenny (Yuxuan)", "Ba (KP)"."""
    key = word_key(bracketed)
    known = st.known
    if (key,) in st.lex.places and key not in known.given_keys:
        return True
    if word.isupper() and len(word) > 4:
        return True  # a heading in capitals, not "IKE (Ikechukwu)"
    before = word_key(word)
    lex = st.lex
    return before in lex.words and before not in lex.given and known.sounds.pet_form(before) is None


# the record's elders, whom a family calls by a kin word (not a sister: "Lolo (Wiktoria)")
_ELDERS = ("GRANDPARENT", "MOTHER", "FATHER", "PARENT", "STEP-PARENT", "AUNT", "UNCLE")


def _alias(st: State, word: str, ident: str) -> bool:
    """Whether a word beside a known person in brackets can be their other name: capitalised,
    no role, relation or vocabulary; an everyday word only if it is also a given name (Pearl);
    capitals only if they begin the person's name (IKE for IKECHUKWU), not a role (HV)."""
    key = word_key(word)
    lex = st.lex
    if not word[0].isupper() or key in HONORIFICS or key in ROLE_CUES or key in RELATION_CUES:
        return False
    if key in KIN_TITLES and ident.startswith(_ELDERS):
        return False  # "Savitaben (Ba)": what the family calls her, a kin word said alone
    who = next((p for p, c in enumerate(st.known.people) if c.label == ident), None)
    given = [k for k, w in st.known.given_keys.items() if w == who]
    if word.upper() in lex.acronyms and any(c.isupper() for c in word[1:]):
        return False  # "Kacey Drury (CiC)": a child in care, no other name
    if word.isupper() and len(word) <= 4:  # "IKE" for Ikechukwu, not "HV"
        return len(key) >= 3 and any(g.startswith(key) for g in given)
    if key in lex.protected_words:
        return False
    # an everyday word only as a given name ("Pearl") or as the name said ("Gray" for Graeme)
    return key not in lex.common or key in lex.given or st.known.sounds.pet_form(key) == who
