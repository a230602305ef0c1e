"""Names after a title: ``Mrs Jenkins``, ``Dr Patel``, ``PC Moore``, ``Ms A. Bright``.

The words after an honorific are a name whatever they are, up to a full stop after a whole
word, another title, an everyday word that is no surname (unless an initial comes before
it), a police force after an officer's name, or an agency's acronym after a full name.
Split from :mod:`.layer_names` (the ~400-line limit per module).
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import HONORIFICS
from moderator.anonymise.layer_names import _public_service
from moderator.anonymise.names_cued import accept
from moderator.anonymise.names_titled import surname_after_given
from moderator.anonymise.state import State, Tok

_TITLE_GAP = re.compile(r"\.?[ \t]+")
_FIELD_GAP = re.compile(r"\t|   ")  # (three spaces or a tab between a name's words: a form's)


_PARTICLES = frozenset({"le", "la", "de", "du", "da", "di", "van", "von", "der", "den", "del"})


def find_honorifics(st: State, toks: list[Tok]) -> None:
    """Mrs Jenkins, Dr Patel, PC Moore: the words after a title are a name, whatever they are."""
    n = len(toks)
    for i in st.capitalised:
        t = toks[i]
        kind = HONORIFICS.get(t.key)
        if kind is None or t.poss or (t.start > 0 and st.text[t.start - 1].isalnum()):
            continue  # (a title glued to a number is none: the "DJ" of a postcode "ML11 0DJ")
        if st.protected[i] and t.upper:
            continue  # "MS Teams": a protected phrase's capitals, no title
        j = i + 1
        while j < n and j - i <= 3:
            u = toks[j]
            gap = _TITLE_GAP.fullmatch(st.text, toks[j - 1].end, u.start)
            if gap is None or not u.cap or not st.free(u.start, u.end):
                break
            if j > i + 1 and _FIELD_GAP.search(gap.group()):
                break  # "Dr Mark Heston   GMC 6104233": a form's next field, not his name
            if st.text[toks[j - 1].end] == "." and j > i + 1 and len(toks[j - 1].word) > 1:
                break  # "Mrs Thora Inkster-Gray. Dictated": a full stop ends the name
            initial = len(toks[j - 1].key) == 1 and st.text[toks[j - 1].end] == "."
            # after a surname's particle the next word is the surname's: "Mrs Annette Le Page"
            initial = initial or (j > i + 1 and toks[j - 1].key in _PARTICLES)
            if u.key in HONORIFICS or (
                (j > i + 1 or t.key == "ps")  # "PS Remember…": a postscript, not a sergeant
                and (u.key in st.lex.common and u.key not in st.lex.surnames)
                and not surname_after_given(st, toks, i, j)
                and not initial  # "Ms A. Bright": after an initial, the surname, whatever
            ):
                break
            if j > i + 1 and (u.key,) in st.lex.places and _public_service(st, toks, j + 1):
                break  # "DS Grenfell Cheshire Police": the force after the officer's name
            if j > i + 2 and u.key.upper() in st.lex.acronyms and u.key not in st.lex.surnames:
                break  # "Ms Ottilii Cardwell-Hames Cafcass": her agency after her name
            j += 1
            if toks[j - 1].poss:
                break
        if j > i + 1:
            chunk = toks[i + 1 : j]
            if (
                len(chunk) == 1
                and chunk[0].key in st.lex.protected_words
                and (chunk[0].key,) not in st.lex.places  # "PC Poole" is an officer
                and t.key in ("pc", "ds", "di", "dc")
            ):
                continue
            accept(st, chunk, kind)
