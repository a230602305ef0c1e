"""The rest of a name a narrow column wrapped onto the next line.

A PDF's table cell, a form's box or a fax's column breaks a name where the line runs out:
``(DSL, Albright⏎Primary School)``, ``GP (Webheath⏎Medical Practice)``, ``attends Little
Acorns, Wolverley⏎Road``, ``Landlord is Kanga⏎Properties``, ``spoke to Mrs Claire⏎Onslow``.
The layers find the first line's part; the note is unwrapped only where it holds wrapped
prose (``reading.py``), so in a form the second line's part is left. Here a redaction that
ends a line takes the words that open the next one when they are

- the head of what it names: a school's, a practice's, a firm's or a street's word
  (``Primary School``, ``Medical Practice``, ``Properties``, ``Road``), for a school, a
  practice, an organisation or an address that does not end in one already;
- or, for a person named with a title and one name, a surname: a capitalised word of the
  surname lists, or no word the dictionary knows, with no capital run after it.
"""

from __future__ import annotations

import re
from functools import cache

from moderator.anonymise.lexicon import frequent_word, word_key
from moderator.anonymise.orgs_nouns import ORG_NOUN
from moderator.anonymise.patterns import STREET_TYPES
from moderator.anonymise.state import NAME_KINDS, Cand, State

_HEADS = (
    r"Primary(?:[ \t]+School|[ \t]+Academy)?|Infant(?:s)?(?:[ \t]+School)?|Junior(?:s)?"
    r"(?:[ \t]+School)?|High(?:[ \t]+School)?|Secondary(?:[ \t]+School)?|School|Academy|College"
    r"|Nursery|Pre-?school|Medical(?:[ \t]+(?:Practice|Centre|Group))?|Surgery|Practice"
    r"|Health[ \t]+Centre|Centre|Properties|Homes|Housing|Lettings|Estates|Solicitors|Church"
    rf"|Mosque|Temple|Gurdwara|Trust|Project|Club|{STREET_TYPES}"
)
_HEAD_NEXT = re.compile(rf"[ \t]*\n[ \t]*({_HEADS})(?![\w'’-])")
_HEAD_AT_END = re.compile(rf"(?:{_HEADS})\Z")
_HEAD_KINDS = frozenset({"school", "gp_practice", "org", "address"})
_SURNAME_NEXT = re.compile(r"[ \t]*\n[ \t]*([A-Z][a-z'’-]{2,}(?:-[A-Z][a-z]+)?)(?![\w'’-])")
_TITLED_ONE = re.compile(
    r"(?:Mrs|Mr|Miss|Ms|Mx|Dr|Nurse|Midwife|PC|DC|Cllr)\.?[ \t]+[A-Z][a-z'’-]+"
)


def join_wrapped_tails(st: State) -> None:
    """Give each redaction that ends a line the head or surname opening the next line."""
    text = st.text
    if "\n" not in text:
        return
    for c in sorted(st.cands, key=lambda c: c.start):
        end = c.end
        if text[end : end + 1] not in ("\n", " ", "\t") or "\n" not in text[end : end + 3]:
            continue  # (most end inside a line)
        written = text[c.start : end]
        head = _HEAD_NEXT.match(text, end)
        if head is not None and _HEAD_AT_END.search(written) is None and st.free(end, head.end()):
            if c.kind in _HEAD_KINDS:
                st.grow(c, c.start, head.end())
            elif (
                c.kind in _FOUND_PEOPLE
                and _ONE_WORD.fullmatch(written)
                and _STREET.fullmatch(head.group(1)) is None
                and _CLOSED.match(text, head.end())
            ):
                # "(DSL, Albright⏎Primary School)": read as a person on its line, a school's
                st.grow(c, c.start, head.end())
                c.kind = _kind_of(head.group(1))
                c.ident = "wrapped:" + " ".join(text[c.start : c.end].lower().split())
        elif c.kind in NAME_KINDS and _TITLED_ONE.fullmatch(written):
            _join_surname(st, c)
        elif (
            c.kind in _ORG_KINDS or (c.kind in _FOUND_PEOPLE and _TWO_WORDS.fullmatch(written))
        ) and not text[end + 1 : end + 2].islower():
            _join_org_noun(st, c)
    for c in st.cands:
        if c.kind in NAME_KINDS and text[c.start - 1 : c.start] == "\n":
            title = _TITLE_ENDING.search(text, max(0, c.start - 12), c.start)
            if title is not None and st.free(title.start(), c.start - 1):
                st.grow(c, title.start(), c.end)  # "(Dr⏎[Catrin Bellis])": her title
                if c.kind == "person" and title.group().split()[0] in _WORKING:
                    c.kind = "professional"


# a title ending a line, after a bracket, a comma or a space
# (no stop after it: "booked with Named Nurse.⏎CB" ends a sentence, then a signature)
_TITLE_ENDING = re.compile(r"(?<=[ (,\t])(?:Dr|Mrs|Mr|Miss|Ms|Mx|PC|DC|DS|Cllr)[ \t]*\n\Z")
_ORG_KINDS = frozenset({"org", "school", "gp_practice"})
_WORKING = frozenset({"Dr", "PC", "DC", "DS"})


@cache
def _org_next() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """An organisation's noun opening the next line (one capitalised word may come before it:
    "Women's Aid", "Family Law"), and one ending a name (compiled on first use)."""
    nouns = rf"(?:{ORG_NOUN})"
    nxt = re.compile(
        rf"[ \t]*\n[ \t]*((?:[A-Z][\w'’-]+[ \t]+)?(?=[A-Z])(?i:{nouns}))(?![\w'’-])(?![ \t]*:)"
    )
    return nxt, re.compile(rf"(?i:{nouns})\Z")


def _join_org_noun(st: State, c: Cand) -> None:
    """Give an organisation that ends a line the noun of its kind opening the next line
    ("[Hafan Glyd]⏎Women's Aid", "[Compass]⏎Fostering)"), when it ends in none and a name's
    end follows (a bracket, a comma, a stop, the line's end); not a form's next field."""
    text = st.text
    nxt, ends = _org_next()
    m = nxt.match(text, c.end)
    if (
        m is None
        or ends.search(text, c.start, c.end) is not None
        or not _CLOSED.match(text, m.end())
        or not st.free(c.end, m.end())
    ):
        return
    if c.kind in _FOUND_PEOPLE:
        first = word_key(text[c.start : c.end].split()[0])
        if first in st.lex.given or st.opens_phrase(m.start(1), word_key(m.group(1).split()[0])):
            return  # "[Gemma Royle]⏎Social Services.": a person, then a public service
    st.grow(c, c.start, m.end())
    if c.kind in _FOUND_PEOPLE:  # "[Carr Lindsey]⏎Family Law": read as a person on its line
        c.kind = "org"
        c.ident = "wrapped:" + " ".join(text[c.start : c.end].lower().split())


def _join_surname(st: State, c: Cand) -> None:
    """Give ``c`` (a title and one name) the surname opening the next line, if it is one."""
    text = st.text
    lex = st.lex
    nxt = _SURNAME_NEXT.match(text, c.end)
    if nxt is None or text[nxt.end() : nxt.end() + 1] == ":":
        return  # (a form's next field: "Mum:")
    key = word_key(nxt.group(1))
    if (
        (key not in lex.surnames and frequent_word(key))
        or key in lex.common
        or key in lex.protected_words
        or (key,) in lex.places
    ):
        return
    if not st.free(c.end, nxt.end()):
        other = st.starting_at(nxt.start(1))
        if other is None or other.kind not in NAME_KINDS or other.end != nxt.end():
            return
        st.drop(other)  # "Mrs Claire⏎Onslow": one person, not two
    st.grow(c, c.start, nxt.end())


def _kind_of(head: str) -> str:
    """What a wrapped name is by the head word opening its second line."""
    first = head.split()[0].lower()
    if first in _SCHOOL_HEADS:
        return "school"
    if first in _PRACTICE_HEADS:
        return "gp_practice"
    return "address" if _STREET.fullmatch(head) else "org"


_SCHOOL_HEADS = frozenset(
    {"primary", "infant", "infants", "junior", "juniors", "high", "secondary", "school"}
    | {"academy", "college", "nursery", "preschool", "pre-school"}
)
_PRACTICE_HEADS = frozenset({"medical", "surgery", "practice", "health"})
_STREET = re.compile(rf"(?:{STREET_TYPES})")
_FOUND_PEOPLE = frozenset({"person", "professional"})  # (not the record's own people)
_CLOSED = re.compile(r"[ \t]*(?:[),.;:\n]|\Z)")  # what closes a name in a list or brackets
_ONE_WORD = re.compile(r"[A-Z][a-z'’-]{2,}")
_TWO_WORDS = re.compile(r"[A-Z][a-z'’-]{2,}(?:[ \t]+[A-Z][a-z'’-]{2,})?")
