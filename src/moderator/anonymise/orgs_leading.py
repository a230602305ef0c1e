"""The words before an organisation's name, and which of them belong to it.

A run of capitals found before an organisation's noun often begins with the sentence's own
words (``Attends``, ``the``, ``Consulted``, a title and a person's name before ``of``); they are
trimmed, except where a name starts with an everyday word: ``Our Lady of …``, a capital
``The`` inside a sentence, ``New`` opening a congregation's name (``New Covenant Church``).
Split from :mod:`.layer_orgs` (the ~400-line limit per module).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from moderator.anonymise.cues import HONORIFICS, LEADING_WORDS, NAME_TITLES, ROLE_CUES
from moderator.anonymise.lexicon import WORD_RE, word_key
from moderator.anonymise.orgs_nouns import DESCRIPTIVE, service_terms_only
from moderator.anonymise.orgs_runs import done_verb, marking_line
from moderator.anonymise.state import State


def generic_name(st: State, keys: tuple[str, ...]) -> bool:
    """A description, not a name: "Polish Club", "Boxing Club", a one-word everyday name."""
    lex = st.lex
    if len(keys) == 1 and keys[0] in lex.common and keys[0] not in lex.surnames:
        return True
    return all(k in DESCRIPTIVE for k in keys) or service_terms_only(keys)


def trim_leading(st: State, start: int, end: int) -> int:
    for w in WORD_RE.finditer(st.text, start, end):
        key = w.group().casefold()
        if key in ("st", "saint") or name_starts(st.text, w.start(), w.group()):
            break
        if word_key(w.group()) in LEADING_WORDS or key in HONORIFICS or key == "the":
            start = w.end()
        elif done_verb(st, w.start(), key):  # "Consulted Children and Families Hub"
            start = w.end()
            continue
        elif (
            st.text.startswith(" the ", w.end())
            and key.endswith(("s", "ed"))
            and (key in st.lex.words or key in st.lex.common)
        ):  # "Uses the Kingsway Pantry": a sentence's verb, then the name (not "Christ the King")
            start = w.end()
            continue
        elif w.group().isupper() and key in ROLE_CUES and st.text[w.end() : end].strip():
            start = w.end()  # "SSW Devon Fostering": the worker's role, then the service
            continue
        break
    while start < end and not st.text[start].isalnum():
        start += 1
    part = _PART_OF.match(st.text, start, end)
    if part is not None:
        start = part.end()  # "the forecourt of Kwik Fuel": a part of the place, then its name
    of = _PERSON_OF.match(st.text, start, end)
    if of is not None and _TITLED.search(st.text, max(0, start - 6), start):
        start = of.end()  # "Mr Jaswal of Rushden Lettings": the firm starts after "of"
    elif _titled_with_initials(st.text, start) and (surname := _ONE_WORD.match(st.text, start)):
        start = surname.end()  # "Revd K. Asamoeh-Boatang Church of …": his name first
    return start


_PART_OF = re.compile(
    r"(?i:forecourt|car[ \t]+park|front|back|rear|side|corner|entrance|doorway|steps|outside)"
    r"[ \t]+(?i:of)[ \t]+(?:(?i:the)[ \t]+)?"
)
_PERSON_OF = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}[ \t]+of[ \t]+")
_TITLED = re.compile(r"(?i:\b(?:mr|mrs|ms|miss|dr)\.?[ \t]+)$")
_TITLE_INITIALS = re.compile(r"\b([A-Z][a-z]{1,6})\.?[ \t]+(?:[A-Z]\.[ \t]*)+$")
_ONE_WORD = re.compile(r"[A-Z][\w'’-]*[ \t]+")


def _titled_with_initials(text: str, start: int) -> bool:
    """Whether a title and initials stand just before ``start`` ("Revd K. ", "Dr A. B. ")."""
    m = _TITLE_INITIALS.search(text, max(0, start - 16), start)
    return m is not None and (
        m.group(1).casefold() in HONORIFICS or m.group(1).casefold() in NAME_TITLES
    )


_NEW_CONGREGATION = re.compile(
    r"New[ \t]+[A-Z][a-z]+[ \t]+(?:Church|Fellowship|Chapel|Ministries|Assembly|Tabernacle)\b"
)


def name_starts(text: str, at: int, word: str) -> bool:
    """Whether ``word`` at ``at`` starts a name although it is an everyday word: "Our Lady
    of …", and a capitalised "The" inside a sentence ("drinking at The Killie Tap", "doing
    well at The Kidsgrove Academy"), part of the name as written."""
    if word == "Our":
        return text.startswith(" Lady", at + 3)
    if word == "New":  # "New Covenant Church", "New Hope Fellowship": a congregation's name
        return _NEW_CONGREGATION.match(text, at) is not None
    if word != "The":
        return False
    i = at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i >= 0 and (text[i].isalnum() or text[i] == ",")


# a person's initials in brackets after their name, inside a run of capitalised words
_PERSON_INITIALS = re.compile(r"\((?P<i>[A-Z]{2,3})\)[ \t]+")


def _initials_of(before: str, m: re.Match[str]) -> bool:
    """Whether the initials ``m`` holds are the first letters of the words just before it."""
    words = before.split()[-len(m.group("i")) :]
    return "".join(w[:1] for w in words) == m.group("i")


_FIELD_GAP = re.compile(r" {3,}|\t[ \t]*")


def name_spans(found: Iterable[re.Match[str]]) -> list[tuple[int, int, int]]:
    """ORG_RE's matches as (start, end of the name, end); a name that runs across a form's
    fields (three spaces or a tab between words: "Child: Tianne Hanry  (Teo)   Legal status",
    "Allocated SW: Hannah Okafor   Team Manager: …") starts after the last gap, and one whose
    last gap is right before its noun names nothing."""
    out = []
    for m in found:
        start = m.start()
        end = m.end()
        if "   " in m.group() or "\t" in m.group():
            gaps = list(_FIELD_GAP.finditer(m.string, start, m.end("name")))
            if gaps:
                # the fields before the last gap may hold a name of their own ("…   Aelwyd
                # Advice Anglesey   Marared Mosque"): read them alone
                out += name_spans(m.re.finditer(m.string, start, gaps[-1].start()))
            if gaps and gaps[-1].end() >= m.end("name"):
                continue  # the noun itself after the gap: no name left before it
            if gaps:
                start = gaps[-1].end()  # the name starts after the last field's gap
            gap = _FIELD_GAP.search(m.string, m.end("name"), end)
            end = gap.start() if gap else end  # "… Boxing Club    Venue: …": the next field
        newline = m.string.rfind("\n", start, m.end("name"))
        if newline >= 0 and marking_line(m.string[start:newline]):
            start = newline + 1  # "CONFIDENTIAL⏎Valley Road Surgery": a heading, then the name
            if start >= m.end("name"):
                continue
        initials = _PERSON_INITIALS.search(m.string, start, m.end("name"))
        if initials is not None and _initials_of(m.string[start : initials.start()], initials):
            start = initials.end()  # "Anita Kerr (AK) Family Support Worker": a person, a role
            if start >= m.end("name"):
                continue
        out.append((start, m.end("name"), end))
    return out
