"""Schools, colleges and universities named by their town or their own name.

* a school or college named by its town, whole: ``Reading College``, ``Oldham Sixth Form
  College``, ``Batley Girls' High School`` (the town alone stays where no school's noun
  follows it);
* a university: ``University of Nottingham``, ``Nottingham Trent University``, and by its
  town and a short word, as a technical college is: ``Falmouth Uni``, ``Halesowen Tech``;
* a college named after its noun: ``College of West Anglia`` and its acronym, not a
  profession's body (``Royal College of Nursing``, ``College of Policing``).

Where a young person studies narrows who they are as a school does.
"""

from __future__ import annotations

import re

from moderator.anonymise.lexicon import more_places, phrase_key, whole_words, word_key
from moderator.anonymise.nearby import scan_near
from moderator.anonymise.orgs_acronyms import ACRONYM_AFTER_RE
from moderator.anonymise.state import State

# "Reading College", "Oldham Sixth Form College", "Batley Girls' High School": a school or
# college named by its town, whole (the town alone stays where no school's noun follows it)
_TOWN_SCHOOL_RE = re.compile(
    r"(?<![\w'’-])(?P<p>(?:[A-Z][a-z'’]+[ \t]){1,3}?)(?P<n>(?:Sixth[ \t]+Form[ \t]+)?College"
    r"|Academy|(?:(?:Girls|Boys)['’]?[ \t]+)?(?:High|Grammar|Community|Secondary|Infant|Junior)"
    r"[ \t]+School|Pupil[ \t]+Referral[ \t]+(?:Unit|Service)|Primary(?:[ \t]+School)?)(?![\w'’-])"
)
_SCHOOLS = frozenset({"school", "org"})


_SCHOOL_NOUN = re.compile(r"(?:College|Academy|School|Referral|Primary)(?![\w'’-])")


def _town_school_matches(text: str) -> list[re.Match[str]]:
    """``_TOWN_SCHOOL_RE``'s matches, tried only in the 80 characters before each noun."""
    return scan_near(_TOWN_SCHOOL_RE, [n.span() for n in _SCHOOL_NOUN.finditer(text)], text, 80, 20)


def town_schools(st: State) -> None:
    """Schools and colleges named by their town: "Reading College", "Batley Girls' High School"."""
    text = st.text
    if (
        "College" not in text
        and "School" not in text
        and "Academy" not in text
        and ("Primary" not in text and "Referral" not in text)
    ):
        return
    for m in _town_school_matches(text):
        words = m.group("p").split()
        for size in (3, 2, 1):
            if len(words) >= size and tuple(word_key(w) for w in words[-size:]) in st.lex.places:
                start = m.start("p") + m.group("p").rindex(words[-size])
                st.give_way(start, m.end(), _SCHOOLS, 100)
                if st.free(start, m.end()):
                    st.take(
                        start, m.end(), "school", " ".join(phrase_key(text[start : m.end()])), 55
                    )
                break


# "University of Nottingham", "Nottingham Trent University", "De Montfort University": where
# a young person studies, as a school is (not a university hospital, a public body)
_UNIVERSITY_RE = re.compile(
    r"(?<![\w'’-])(?:University[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][a-z'’]+(?:[ \t]+[A-Z][a-z'’]+)?"
    r"|(?:[A-Z][a-z'’]+[ \t]+){1,3}University)(?![\w'’-])"
    r"(?![ \t]+(?:Hospitals?|NHS|Trust|Teaching|Medical|Health))"
)


_GAP = re.compile(r"[ \t]")


# a college named after its noun: "College of West Anglia", "City College of Haringey"; not a
# professional body's ("Royal College of Nursing", "College of Policing": a word after "of")
_COLLEGE_OF_RE = re.compile(
    r"(?<![\w'’-])(?<!Royal[ \t])College[ \t]+of[ \t]+(?:the[ \t]+)?"
    r"(?P<n>[A-Z][a-z'’]+(?:[ \t]+[A-Z][a-z'’]+){0,2})(?![\w'’-])"
)
_COMPASS = frozenset({"north", "south", "east", "west", "central", "mid", "greater"})


def _colleges(st: State) -> None:
    text = st.text
    for m in _COLLEGE_OF_RE.finditer(text):
        first = word_key(m.group("n").split()[0])
        if first in st.lex.words and first not in _COMPASS and (first,) not in st.lex.places:
            continue  # "College of Policing", "College of Paramedics": a profession's body
        if not st.free(m.start(), m.end()):
            continue
        ident = " ".join(phrase_key(m.group()))
        st.take(m.start(), m.end(), "school", ident, 55, 0.8)
        short = ACRONYM_AFTER_RE.match(text, m.end())  # "College of West Anglia (CWA)"
        if short is not None:
            for a, b in whole_words(text, short.group("a")):
                if st.free(a, b):
                    st.take(a, b, "school", ident, 55, 0.8)


# a university or a technical college by its town and a short word: "Falmouth Uni",
# "Halesowen Tech" (the town one of the lists knows)
_SHORT_RE = re.compile(
    r"(?<![\w'’-])(?P<p>[A-Z][a-z'’]+(?:[ \t]+[A-Z][a-z'’]+)?)[ \t]+(?:Uni|Tech)(?![\w'’-])"
)


def _short_forms(st: State) -> None:
    for m in _SHORT_RE.finditer(st.text):
        keys = tuple(word_key(w) for w in m.group("p").split())
        place = next((keys[i:] for i in range(len(keys)) if keys[i:] in st.lex.places), None)
        if place is None and keys[-1:] not in more_places():
            continue
        start = (
            m.start("p")
            if place is None
            else m.end("p") - len(" ".join(m.group("p").split()[-len(place) :]))
        )
        if st.free(start, m.end()):
            st.take(
                start, m.end(), "school", " ".join(phrase_key(st.text[start : m.end()])), 55, 0.8
            )


def universities(st: State) -> None:
    """Universities and colleges by their names and short forms ("University of Nottingham",
    "College of West Anglia", "Falmouth Uni")."""
    text = st.text
    if "College of" in text:
        _colleges(st)
    if " Uni" in text or " Tech" in text:
        _short_forms(st)
    if "University" not in text:
        return
    for m in _UNIVERSITY_RE.finditer(text):
        start = m.start()
        while not text.startswith("University", start):
            gap = _GAP.search(text, start, m.end())  # (a tab between the words, too)
            word = text[start : gap.start() if gap else m.end()]
            key = word_key(word)
            if (key not in st.lex.common and key not in st.lex.words) or (key,) in st.lex.places:
                break
            start += len(word) + 1  # "Attends", "The": no part of the name
        if text.startswith("University", start) and not text.startswith("University of", start):
            continue  # ("Attends University"): no name left
        if st.free(start, m.end()):
            st.take(start, m.end(), "school", " ".join(phrase_key(text[start : m.end()])), 55, 0.8)
