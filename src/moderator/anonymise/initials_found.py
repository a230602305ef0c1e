"""A named person's initials, where the note goes on to use them.

Minutes and supervision notes name someone once in full, then write their initials:
``DSL Tamsin Honeybone … TH: phoned mum``, ``Supervisor: Marcus Hale … MH acknowledged the
impact; … by review (MH)``. Once a name of two or three capitalised words is redacted as a
person, its initials (every word giving one, in order; a rank before it gives none) are that
person wherever they stand alone, with the same placeholder. Initials that are also an
acronym or a word (``MH`` for mental health, ``ME``) are taken only where a person stands:
speaking (``ME: no trace``), opening a sentence before a verb (``MH acknowledged``), alone
in brackets (``(MH)``) or right before the name itself in a list (``GO Gifty Owusu``,
``GL — SW (Gareth Lovatt)``). Initials two people share are no one's. Initials an earlier
layer took as someone's alone (an attendance list's) take the named person's placeholder, so
that ``JM`` and ``Jo Marsh`` read as one person.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from moderator.anonymise.cues import HONORIFICS
from moderator.anonymise.layer_initials import after_article, in_shouted_line
from moderator.anonymise.state import NAME_KINDS, Cand, State

# where a person stands: opening a sentence before a lower-case word that is no noun of a
# service ("MH needs", "MH services": the acronym), or alone in brackets
_LOWER_AFTER = re.compile(
    r"[ \t]+(?!(?:needs|services|service|team|support|issues|concerns|assessment|difficulties"
    r"|problems|input|referral|plan|provision|worker|nurse)\b)[a-z]"
)
_SENTENCE_BEFORE = re.compile(r"(?:^|[.;:!?][\"'”’)]?|\n)[ \t]*$")


def _stands_as_person(text: str, start: int, end: int) -> bool:
    """Whether initials that are also an acronym stand where a person does: ``(MH)``, or
    ``MH acknowledged …`` opening a sentence."""
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        return True
    opens = _SENTENCE_BEFORE.search(text, max(0, start - 4), start) is not None
    # opening a sentence before a lower-case word, or signing an entry at a line's end
    # ("… to check. MW")
    return opens and (
        _LOWER_AFTER.match(text, end) is not None or _LINE_END_AFTER.match(text, end) is not None
    )


_LINE_END_AFTER = re.compile(r"[ \t]*(?:\n|\Z)")


# two or three capitals alone (a possessive "'s" may follow: "KM's phone")
_CAPITALS_ALONE = re.compile(
    r"[A-Z]{2,3}(?<![\w'’./-][A-Z]{2})(?<![\w'’./-][A-Z]{3})(?![\w/-]|\.\w|['’](?![sS]\b))"
)


def find_named_initials(st: State) -> None:
    """Initials written alone (``TH: phoned mum``) are those of a person the note names in full
    (``DSL Tamsin Honeybone``), when every word of that name gives one of them, in order."""
    text = st.text
    lex = st.lex
    owners: dict[str, Cand | None] = {}
    titled: dict[str, set[str]] = {}
    titled_owner: dict[str, Cand] = {}
    cautious: set[str] = set()
    for c in st.cands:
        if c.kind not in NAME_KINDS:
            continue
        words = [w for w in text[c.start : c.end].split() if w[:1].isupper()]
        # (a rank or title the name took with it gives no initial: "DC Mark Evans" is ME)
        words = [w for w in words if not (w.isupper() and len(w) <= 4) or len(words) <= 2]
        if len(words) == 3 and words[0].rstrip(".").lower() in HONORIFICS:
            # "Dr Helen Marchant … (HM)": the title gives none either; such initials are the
            # person's only where no other name gives them and they spell no acronym or word
            untitled = words[1][0] + words[2][0]
            titled.setdefault(untitled, set()).add(c.ident)
            titled_owner[untitled] = c
        if not 2 <= len(words) <= 3:
            continue
        letters = "".join(w[0] for w in words)
        seen = owners.get(letters)
        if letters not in owners:
            owners[letters] = c
        elif seen is not None and seen.ident != c.ident:
            owners[letters] = None  # two people with these initials: no one's
    # the redactions by whose they are (one reading of them all, kept up below: a scan of
    # them for each owner grew with the square of a hostile note of made-up names)
    by_ident: dict[str, list[Cand]] = {}
    for c in st.cands:
        by_ident.setdefault(c.ident, []).append(c)
    for letters, idents in titled.items():
        if (
            letters not in owners
            # (initials an earlier layer took as someone's alone stay theirs: "CW - young
            # carer assessment" in minutes is the worker, not "Mrs Carol Webb" the neighbour)
            and f"init:{letters}" not in by_ident
            and len(idents) == 1
            and (
                (letters not in lex.acronyms and letters.lower() not in lex.common)
                # an acronym's or a word's letters only where the list defines them, right
                # before or after the name: "Mrs Halima Begum (DSL, …) HB,"
                or _defined(text, letters, _starts(by_ident, titled_owner[letters]))
                or _defined_after(text, letters, _ends(by_ident, titled_owner[letters]))
            )
        ):
            owners[letters] = titled_owner[letters]
            cautious.add(letters)  # taken only where a person stands ("(HM)", "HM: agreed")
    for letters, owner in owners.items():  # each name's initials, looked for by str.find
        if owner is None:
            continue
        earlier = by_ident.pop(f"init:{letters}", [])
        theirs = by_ident.setdefault(owner.ident, [])
        for c in earlier:  # taken earlier as someone's initials: that person's placeholder
            c.kind, c.ident = owner.kind, owner.ident
            theirs.append(c)
        # an acronym or a word ("ME", "IT") only where it speaks: "ME: no trace on PNC"
        wordlike = worded = letters in lex.acronyms or letters.lower() in lex.common
        wordlike = wordlike or letters in cautious
        starts = _starts(by_ident, owner)
        ends = _ends(by_ident, owner)
        if wordlike and (_defined(text, letters, starts) or _defined_after(text, letters, ends)):
            wordlike = False  # "PM  Paul Mobbs" in the list: "told PM", "Agreed by JK, PM"
        at = text.find(letters)
        while at >= 0:
            m = _CAPITALS_ALONE.match(text, at)
            listed = _in_a_list(text, at, at + len(letters))
            if m is None and listed and not text[at - 1 : at].isalnum():
                m = _LETTERS.match(text, at)  # "JM/AS to review": a slashed list's item
            if (
                m is not None
                and m.group() == letters
                and st.free(at, m.end())
                and not AFTER_A_TIME.search(text, max(0, at - 4), at)
                # the role or the word, though defined: "a TA in class", "SAID IT WAS"
                and not (worded and _a_role_or_word(text, at, m.end()))
                and (
                    not wordlike
                    or listed  # "JM/AS", "Agreed: JM, AS": a list of people's initials
                    or (_SPEAKS.match(text, m.end()) and _opens(text, at))
                    or (
                        _stands_as_person(text, at, m.end())
                        # (a title's name's initials only alone in brackets: "(HM)", not
                        # "PS can you…" or "HO ref:" opening a line)
                        and (letters not in cautious or text[at - 1 : at] == "(")
                    )
                    or _before_the_name(text, m.end(), starts)
                )
            ):
                st.take(at, m.end(), owner.kind, owner.ident, 50, 0.8)
                theirs.append(st.cands[-1])
            at = text.find(letters, at + 1)


def _starts(by_ident: dict[str, list[Cand]], owner: Cand) -> list[int]:
    """Where the owner's name is written (each redaction of the same person), in order."""
    return sorted(c.start for c in by_ident.get(owner.ident, ()))


def _ends(by_ident: dict[str, list[Cand]], owner: Cand) -> list[int]:
    """Where each redaction of the owner's name ends."""
    return [c.end for c in by_ident.get(owner.ident, ())]


def _a_role_or_word(text: str, start: int, end: int) -> bool:
    """Whether initials that spell an acronym or a word are written as one: after an article
    ("a TA in class") or in a line in capitals ("SAID IT WAS"), not alone in brackets."""
    bracketed = text[start - 1 : start] == "(" and text[end : end + 1] == ")"
    return after_article(text, start) or (not bracketed and in_shouted_line(text, start))


# between initials and the name they stand for, in an attendance list: "GO Gifty Owusu",
# "TH – Tamsin Honeybone", "GL — SW (Gareth Lovatt)"
_TO_THE_NAME = re.compile(r"[ \t]*(?:[-–—:][ \t]*)?(?:[A-Za-z/&.,' \t]{1,30}\()?")


def _before_the_name(text: str, end: int, starts: list[int]) -> bool:
    """Whether initials ending at ``end`` stand right before their own name (one of
    ``starts``, in order), as an attendance list writes them."""
    m = _TO_THE_NAME.match(text, end)
    if m is None:
        return False
    # (the starts between the initials and the gap's end, found by halving: a hostile note
    # repeating one name and its initials thousands of times asked of every start each time)
    i = bisect_right(starts, end)
    while i < len(starts) and starts[i] <= m.end():
        if "\n" not in text[end : starts[i]]:
            return True
        i += 1
    return False


_LETTERS = re.compile(r"[A-Z]{2,3}(?![\w-])")
# the initials next to others in a list: "JM/AS", "TA/CB", "Agreed: JM, AS"
_LISTED_BEFORE = re.compile(r"(?<![\w'’.-])[A-Z]{2,3}(?:/|,[ \t]|[ \t]&[ \t])\Z")
_LISTED_AFTER = re.compile(r"(?:/|,[ \t]|[ \t]&[ \t])[A-Z]{2,3}(?![\w'’-])")


def _in_a_list(text: str, start: int, end: int) -> bool:
    """Whether initials stand beside other initials in a list ("JM/AS", "GF, AS")."""
    return (
        _LISTED_BEFORE.search(text, max(0, start - 6), start) is not None
        or _LISTED_AFTER.match(text, end) is not None
    )


AFTER_A_TIME = re.compile(r"\d[ \t]?\Z")  # "2 PM", "10 AM": a time, not initials


def _defined(text: str, letters: str, starts: list[int]) -> bool:
    """Whether the note's attendance list defines the initials as someone's, written right
    before their name ("PM  Paul Mobbs, Head"): then they are that person wherever they
    stand alone, though they are also an acronym."""
    at = text.find(letters)
    while at >= 0:
        end = at + len(letters)
        if _CAPITALS_ALONE.match(text, at) and _before_the_name(text, end, starts):
            line = text.rfind("\n", 0, at) + 1
            before = text[line:at].rstrip()
            # opening a line of the list, or an item of one ("Present: TA Tom Ashdown | CB …")
            if not before or before.endswith(("|", ";", ":")):
                return True
        at = text.find(letters, at + 1)
    return False


# between a name and its initials written after it in a list: a role in brackets, a dash
# ("Sinead Riches (school nurse) SR;", "Jo Hart – SW – JH"); then the item ends
_NAME_TO_LETTERS = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:[-–—][ \t]*)?")
_ITEM_END = re.compile(r"[ \t]*(?:[;,|]|\.(?!\w)|\n|\Z)")


def _defined_after(text: str, letters: str, ends: list[int]) -> bool:
    """Whether an attendance list writes the initials right after their owner's name,
    closing the item: "Sinead Riches (school nurse) SR; Apologies: …"."""
    for end in ends:
        m = _NAME_TO_LETTERS.match(text, end)
        if m is None or not text.startswith(letters, m.end()):
            continue
        after = m.end() + len(letters)
        if _CAPITALS_ALONE.match(text, m.end()) and _ITEM_END.match(text, after):
            return True
    for end in ends:  # or in brackets closing the item: "Dr Akash Mehta, paediatrician (AM);"
        m = _ITEM_TO_BRACKET.match(text, end)
        if m is None or not text.startswith(letters + ")", m.end()):
            continue
        if _ITEM_END.match(text, m.end() + len(letters) + 1):
            return True
    return False


_ITEM_TO_BRACKET = re.compile(r"[^;\n|()]{0,80}?\(")


_SPEAKS = re.compile(r":[ \t]+[a-z]")  # what someone said, not a field's value ("GP: Ballaugh")


def _opens(text: str, at: int) -> bool:
    """Whether only blanks stand between ``at`` and a line's start or a sentence's end."""
    before = text[max(0, at - 4) : at].rstrip(" \t")
    return not before or before[-1] in ".\n|;"
