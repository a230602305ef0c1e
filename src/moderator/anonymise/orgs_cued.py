"""Organisations named by what is said around them rather than by a noun of their own.

* **Acronyms defined in the note**: a capitalised run followed by its initials in brackets
  (``Tettenhall Wood High (TWH)``, ``Ely St Audrey's Infants (ESA)``, ``St Werburgh & St
  Etheldreda's Primary (SWSE)``) is a school or organisation; the acronym alone later is
  found with it (:func:`.orgs_acronyms.find_acronyms`). A person's initials (``Jocasta Thwaite
  (JT)``), the practice's acronyms (``(CPP)``, ``(IDVA)``) and agencies named by a place and
  everyday words (``Stoke Youth Offending Team (SYOT)``) are not.
* **A workplace or firm after its cue**: ``works at``, ``works nights at``, ``employer:``,
  ``runs``, ``owns``, ``solicitor:`` before two capitalised words or more (``runs Harbour
  Char Sui House``, ``solicitor: Bamber & Coupe``), with its street after a comma; not a
  person, a chain, pub or place named by words the lists know (``works at Tesco Extra``,
  ``works at The Red Lion``; but a town and two words or more are a local firm: ``works at
  Fenland Fresh Salads``), nor a public service (``works at Pinderfields Hospital``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from moderator.anonymise.cues import HONORIFICS
from moderator.anonymise.lexicon import lower_same_length, phrase_key, word_key
from moderator.anonymise.orgs_named import PUBLIC_WORDS
from moderator.anonymise.orgs_public import public_service
from moderator.anonymise.orgs_runs import JOINERS, comma_branch, words_left, words_right
from moderator.anonymise.patterns import word_positions
from moderator.anonymise.state import State

Add = Callable[[int, int, str, str, int], None]

_DEFINED = re.compile(r" \((?P<a>[A-Z]{2,7})\)")
_SCHOOL_WORDS = frozenset(
    {"primary", "infants", "infant", "junior", "juniors", "high", "academy", "school"}
    | {"grammar", "college", "form"}
)
# read in a lower-case copy of the text; it starts with its letters, not a word boundary
# (which would be tried at every position), the letter before it looked at afterwards
_CUE = re.compile(
    r"(?:works?(?:[ \t]+(?:nights|days|shifts|part-time|full-time))?[ \t]+(?:at|for)"
    r"|works?(?:[ \t]+(?:nights|days))?[ \t]+as[ \t]+an?[ \t]+(?:[a-z-]+[ \t]+){1,3}(?:at|for|with)"
    r"|working[ \t]+(?:at|for)|employed[ \t]+(?:at|by)|employer[ \t]*(?:is|:|-)|runs|owns"
    r"|(?:driver|guard|cleaner|technician|mechanic|chef|labourer|packer|picker|apprentice)"
    r"[ \t]+(?:at|for|with)|agency,|took[ \t]+(?:nights|shifts|a[ \t]+job)[ \t]+at|shifts?[ \t]+at"
    r"|job[ \t]+(?:at|with)"  # "her job at Fresh Fields Packing"
    # a business named after its kind: "runs a takeaway, Spice of Roker,", "salon (Glow)"
    r"|(?:takeaway|restaurant|salon|garage|cafe|café|barbers)[ \t]*[,(]"
    r"|solicitors?[ \t]*(?::|-|is|are)?)[ \t]+"
)
# the firm in brackets after its role: "her employer (Fresh Catch Processing)", "the landlord
# (Teesside Lets)"
_BRACKET_CUE = re.compile(r"(?:employer|landlord|letting[ \t]+agents?)[ \t]*\([ \t]*")
# each cue starts with one
_CUE_WORDS = ("work", "employ", "runs", "owns", "solicitor", "driver", "guard", "cleaner",
              "technician", "mechanic", "chef", "labourer", "packer", "picker", "apprentice",
              "agency", "took", "shift", "landlord", "letting", "job", "takeaway",
              "restaurant", "salon", "garage", "cafe", "café", "barbers")  # fmt: skip


_BUSINESS_NOUNS = ("takeaway", "restaurant", "salon", "garage", "cafe", "café", "barbers")
# a capitalised word just before a business's noun: its own name ("Golden Dragon takeaway")
_NAMED_BEFORE = re.compile(r"[A-Z][\w'’&-]*[ \t]+\Z")


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in JOINERS and w != "&").upper()


def _person_or_agency(st: State, words: list[str], school: bool) -> bool:
    """Whether the words are a person's name or (unless a ``school``'s) an agency named by
    places and everyday words."""
    keys = [word_key(w) for w in words if w not in JOINERS and w != "&"]
    lex = st.lex
    if not keys or keys[0] in HONORIFICS or keys[0] in lex.given or keys[0] in st.known.keys:
        return True
    last = keys[-1]
    if len(keys) <= 3 and not (
        last in _SCHOOL_WORDS or (last in lex.words and last not in lex.surnames)
    ):
        return True  # "Jocasta Thwaite (JT)": a name ends in a noun ("… Wood High (TWH)")
    return not school and all(
        k in lex.protected_words or k in lex.words or k.upper() in lex.acronyms for k in keys
    )


def _defined_acronyms(st: State, add: Add) -> None:
    text = st.text
    lex = st.lex
    for m in _DEFINED.finditer(text):
        acronym = m.group("a")
        if acronym in lex.acronyms:
            continue
        start = words_left(text, m.start("a") - 1, 8)  # the words before " ("
        spans = [w for w in re.finditer(r"\S+", text[start : m.start()])]
        words = [w.group() for w in spans]
        for i in range(len(words) - 1):
            if words[i] in JOINERS or words[i] == "&":
                continue
            initials = _initials(words[i:])
            if not (
                initials == acronym
                or (len(acronym) >= 3 and initials.startswith(acronym))
                or (acronym.startswith(initials) and len(acronym) == len(initials) + 1)
            ):
                continue
            kind = "school" if word_key(words[-1]) in _SCHOOL_WORDS else "org"
            if _person_or_agency(st, words[i:], kind == "school") or (
                i and word_key(words[i - 1]).rstrip(".") in HONORIFICS  # "Mr Tal Pine (TP)"
            ):
                break
            begin = start + spans[i].start()
            # surer than a school's grammar: the initials confirm where the name starts
            add(begin, m.start(), kind, " ".join(phrase_key(text[begin : m.start()])), 61)
            break


def _cued_workplaces(st: State, add: Add) -> None:
    text = st.text
    lex = st.lex
    folded = lower_same_length(text)
    for at, _ in word_positions(folded, _CUE_WORDS):  # tried only where a cue's word is
        m = _CUE.match(folded, at) or _BRACKET_CUE.match(folded, at)
        if m is None or not text[m.end() : m.end() + 1].isupper():
            continue
        if at and (text[at - 1].isalnum() or text[at - 1] == "-"):
            continue  # inside a word: "reruns", "Multi-Agency"
        if folded[at] == "a" and text[at] != "a":
            continue  # "AGENCY", "Agency": a heading's or a name's word, not "an agency,"
        business = m.group().rstrip(" \t,(").endswith(_BUSINESS_NOUNS)
        if business and _NAMED_BEFORE.search(text, max(0, at - 30), at):
            continue  # "Golden Dragon takeaway, Front Street": the name before, a street after
        end = words_right(text, m.end(), 5)
        words = text[m.end() : end].split()
        keys = [word_key(w) for w in words if w not in JOINERS and w != "&"]
        if len(keys) < 2 or keys[0] in HONORIFICS or keys[0] in lex.given:
            continue
        if keys[0] in st.known.keys and keys[-1] in st.known.keys:
            continue  # one of the record's people
        # after a job's name the words are a firm ("a bus driver with Preston Bus"); after
        # "works at" alone they may be a pub or a shop the lists know ("The Red Lion")
        job = (
            " as " in m.group()
            or not m.group().startswith(("work", "employ", "runs", "owns"))
            or m.re is _BRACKET_CUE  # "employer (Fresh Catch Processing)": a firm's name
        )
        placed = (  # "Fenland Fresh Salads", "Fenland Blooms"; not "Exmouth Youth Enquiry Service"
            len(keys) >= 2
            and (keys[0],) in lex.places
            and not public_service(st, keys[-1], tuple(keys[:-1]))
        )
        if any(k in PUBLIC_WORDS for k in keys) or (
            not placed
            and all(
                k in lex.protected_words or (k,) in lex.places or (k in lex.words and not job)
                for k in keys
            )
        ):
            continue  # "works at Pinderfields Hospital", "at Tesco Extra", "at The Red Lion"
        ident = " ".join(keys)
        branch = comma_branch(st, text, end) if not business else end
        if branch > end:
            add(m.end(), branch, "org", ident, 58)
        add(m.end(), end, "org", ident, 58)


def find_cued(st: State, add: Add) -> None:
    """Add organisations defined with their acronym, and workplaces and firms after their
    cue, to layer 1's candidates."""
    text = st.text
    if "(" in text:
        _defined_acronyms(st, add)
    _cued_workplaces(st, add)
