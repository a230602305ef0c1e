"""What may follow a given name as its surname, where the lists alone do not say.

* **An everyday word with its capital mid-sentence** (``Lorraine Fell from the refuge``,
  ``Dean Hope``): the person's surname, unless vocabulary, a place or an institution's noun.
* **A word in capitals after a given name with its capital** (``Scott FELL``, ``Lee
  MATHER``), as police and LADO forms write surnames; no acronym (``Mark ASAP``).

Split from :mod:`.layer_names` (the ~400-line limit per module).
"""

from __future__ import annotations

from moderator.anonymise.cues import HONORIFICS, INSTITUTION_NOUNS
from moderator.anonymise.state import State, Tok


def caps_surname(st: State, given: Tok, tok: Tok) -> bool:
    """A surname in capitals after a given name with its capital, as police and LADO forms
    write them ("Scott FELL"): no acronym, no protected word, no everyday word's given name
    before an unlisted one ("Mark ASAP")."""
    lex = st.lex
    if given.upper or not tok.upper or len(tok.key) < 3 or tok.word.upper() in lex.acronyms:
        return False
    if tok.key in lex.protected_words:
        return False
    return tok.key in lex.surnames or given.key not in lex.common or tok.key not in lex.common


def common_surname(st: State, toks: list[Tok], i: int, j: int) -> bool:
    """Whether the capitalised everyday word after a given name is that person's surname:
    mid-sentence, not vocabulary, not a place or institution noun, not itself starting a
    new clause ("told Sarah Yesterday" is rare; "Lorraine Fell from the refuge" is not)."""
    if j >= len(toks) or j - i != 1:
        return False
    first, t = toks[j - 1], toks[j]
    lex = st.lex
    return (
        first.key in lex.given
        and not first.poss
        and t.cap
        and not t.upper
        and t.key in lex.common
        and t.key not in lex.protected_words
        and t.key not in INSTITUTION_NOUNS
        and t.key not in HONORIFICS
        and not st.protected[j]
        and st.joined(first, t)
        and st.free(t.start, t.end)
    )
