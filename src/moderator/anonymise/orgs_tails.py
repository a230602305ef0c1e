"""The words a school's or a church's name goes on with after the redactor found its core.

* A college's campus is named by its place, written after the college or before it:
  ``Kendal College, Milnthorpe campus``, ``Barnsley College's Honeywell campus``,
  ``the Scarborough campus of Yorkshire Coast College``. The campus's words and the word
  ``campus`` join the school's redaction: the place a young person studies is narrower than
  the college.
* A congregation is named by its saint or its name, its people or its branch, and a word for
  the gathering: ``St Wenceslas Polish parish``, ``the Elim Pentecostal fellowship``, ``the
  parish of St Stanislaus``. A name read as a person's before such a word is the
  congregation's, and the words of the gathering join it.
"""

from __future__ import annotations

import re

from moderator.anonymise.lexicon import more_places, phrase_key, word_key
from moderator.anonymise.orgs_named import PUBLIC_WORDS
from moderator.anonymise.orgs_public import public_service
from moderator.anonymise.orgs_short import CAPITAL_BEFORE
from moderator.anonymise.state import Cand, State
from moderator.anonymise.unknown_words import unknown

_CAP = r"[A-Z][\w'’-]*"
# after a school: its separator, one to three capitalised words and "campus"
_CAMPUS_AFTER = re.compile(
    rf"(?:,[ \t]*|[ \t]*(?P<o>\()[ \t]*|['’]s[ \t]+|[ \t]+)(?:{_CAP}[ \t]+){{1,3}}(?:campus|Campus|CAMPUS)"
    r"(?![\w'’-])(?(o)[ \t]*\)|)"  # (its bracket closed too: "… College (Beeston campus)")
    # the word alone, the campus's name read into the school's: "Sheffield College Peaks Campus"
    r"|[ \t]+(?:Campus|CAMPUS)(?![\w'’-])"
)
# before a school: one to three capitalised words, "campus of" (and "the")
_CAMPUS_BEFORE = re.compile(
    rf"(?<![\w'’-])(?:{_CAP}[ \t]+){{1,3}}(?:campus|Campus|CAMPUS)[ \t]+(?:of|OF)[ \t]+"
    r"(?:(?:the|The|THE)[ \t]+)?$"
)
# a campus named alone: "(Early Childhood Studies, Year 2, Frenchay campus)"
_CAMPUS_ALONE = re.compile(
    rf"(?<![\w'’-])(?P<n>{_CAP}(?:[ \t]+{_CAP})?)[ \t]+(?:campus|Campus)(?![\w'’-])"
)
# a gathering's words after a name: its people or branch, capitalised, then the gathering
_GATHERING_AFTER = re.compile(
    rf"(?:[ \t]+{_CAP}){{0,2}}[ \t]+(?:parish|fellowship|congregation|mission|assembly"
    r"|chaplaincy|community[ \t]+church|church|chapel)(?![\w'’-])"
)
_GATHERING_BEFORE = re.compile(
    r"(?<![\w'’-])(?:parish|Parish|congregation|church|Church|chapel|Chapel)[ \t]+of[ \t]+$"
)
_SAINT = re.compile(r"(?:St\.?|Saint|Sts|SS)[ \t]+[A-Z]")
_GUESSES = frozenset({"person", "org", "address"})


def _grow(st: State, c: Cand, start: int, end: int, below: int = 60) -> bool:
    """Widen ``c`` to ``text[start:end]`` when the rest is free or holds guesses only (of
    a priority under ``below``)."""
    for lo, hi in ((start, c.start), (c.end, end)):
        if hi > lo:
            st.give_way(lo, hi, _GUESSES, below)
    if st.free(start, c.start) and st.free(c.end, end):
        st.grow(c, start, end)
        return True
    return False


def join_campuses(st: State) -> None:
    """A college's campus joins the college's redaction; a campus named alone by a place or
    a name is a place of study of its own (see the module)."""
    text = st.text
    if "ampus" not in text and "AMPUS" not in text:
        return
    for c in [c for c in st.cands if c.kind == "school"]:
        after = _CAMPUS_AFTER.match(text, c.end)
        if after is not None:
            _grow(st, c, c.start, after.end(), 90)  # ("Folly Lane campus": not a street)
        before = _CAMPUS_BEFORE.search(text, max(0, c.start - 60), c.start)
        if before is not None:
            _grow(st, c, before.start(), c.end, 90)
    lex = st.lex
    for m in _CAMPUS_ALONE.finditer(text):
        keys = [word_key(w) for w in m.group("n").split()]
        if any(
            k in lex.common or k in lex.words or k in lex.protected_words
            for k in keys
            if (k,) not in lex.places
        ):
            continue  # "the Main campus", "City campus": no campus's name
        st.give_way(m.start(), m.end(), _GUESSES, 60)
        if st.free(m.start(), m.end()):
            st.take(m.start(), m.end(), "school", "campus:" + " ".join(keys), 50, 0.75)


def join_congregations(st: State) -> None:
    """A name before a gathering's word is a congregation's, with the word (see the module)."""
    text = st.text
    for c in [c for c in st.cands if c.kind in ("person", "org")]:
        after = _GATHERING_AFTER.match(text, c.end)
        person_or_saint = c.kind == "person" or _SAINT.match(text, c.start)
        if after is not None and person_or_saint and _grow(st, c, c.start, after.end()):
            c.kind, c.ident = "org", f"org@{c.start}"
        before = _GATHERING_BEFORE.search(text, max(0, c.start - 20), c.start)
        saint = before is not None and _SAINT.match(text, c.start)
        if before is not None and saint and _grow(st, c, before.start(), c.end):
            c.kind, c.ident = "org", f"org@{c.start}"


# a local branch or office, after a comma: "Berkshire Women's Aid, Bracknell office",
# "Nationwide, Dudley Street branch" (the place that makes a national name a family's own)
_BRANCH_AFTER = re.compile(
    rf",[ \t]+{_CAP}(?:[ \t]+{_CAP}){{0,2}}[ \t]+(?:branch|office)(?![\w'’-])"
)
# the capitalised run before the comma: the organisation's name
_NAME_BEFORE = re.compile(rf"(?<![\w'’-])(?:{_CAP}[ \t]+(?:&[ \t]+|of[ \t]+)?){{0,5}}{_CAP}\Z")
_BRANCH_KINDS = frozenset({"org", "school", "gp_practice"})


def join_branches(st: State) -> None:
    """An organisation's local branch or office written after it joins its redaction (see
    ``_BRANCH_AFTER``), and so does the name before it when no layer took it: a national name
    with its branch is one place. Not a public service's office (a word of ``PUBLIC_WORDS`` in
    the name, "Kent County Council, Broadstairs office", or a service's name,
    "Probation Service, Stroud office") nor a person's ("Jo Hart, Leeds office")."""
    text = st.text
    if "branch" not in text and "office" not in text:
        return
    ending = {c.end: c for c in reversed(st.cands)}  # (the first found ending there)
    for m in _BRANCH_AFTER.finditer(text):
        c = ending.get(m.start())
        if c is not None:
            if c.kind in _BRANCH_KINDS and _grow(st, c, c.start, m.end()):
                ending.setdefault(c.end, c)
            continue
        name = _NAME_BEFORE.search(text, max(0, m.start() - 90), m.start())
        if name is None:
            continue
        start = name.start()
        while (w := re.match(r"(?:The|THE|To|At|From|Via|With)[ \t]+", text[start:])) is not None:
            start += w.end()  # "The Prince's Trust, …": the article is no part of the name
        keys = [word_key(w) for w in text[start : m.start()].split()]
        if len(keys) < 2 or any(k in PUBLIC_WORDS for k in keys) or keys[0] in st.lex.given:
            continue  # one word ("Referral, Slough office"), a public body's, a person's
        if m.group().endswith("office") and public_service(st, keys[-1], tuple(keys[:-1])):
            continue  # "Probation Service, Stroud office": a public service's (a branch is not)
        if st.free(start, m.end()):
            st.take(start, m.end(), "org", "branch:" + " ".join(keys), 55, 0.75)
            ending.setdefault(m.end(), st.cands[-1])


# a firm's or an agency's own word, then a town the gazetteers know: a local branch or a
# local firm ("Carewatch Rotherham", "StaffLink Wisbech", "S2S Northampton")
_BRAND_TOWN = re.compile(
    r"(?<![\w'’&-])(?P<b>[A-Z][a-z]*[A-Z0-9][A-Za-z0-9]*|[A-Z][a-z]{3,})[ \t]+"
    r"(?P<t>[A-Z][a-z]+(?:[ \t-][A-Z][a-z]+)?)(?![\w'’-]|[ \t]+[A-Z0-9&(])"
)
# counties and nations: a service named after one is a public one ("Wellbeing Norfolk")
_COUNTIES = frozenset(
    {"norfolk", "suffolk", "surrey", "somerset", "kent", "essex", "devon", "cornwall", "dorset"}
    | {"wiltshire", "hampshire", "sussex", "berkshire", "oxfordshire", "buckinghamshire"}
    | {"hertfordshire", "bedfordshire", "cambridgeshire", "northamptonshire", "rutland"}
    | {"leicestershire", "nottinghamshire", "derbyshire", "lincolnshire", "staffordshire"}
    | {"shropshire", "herefordshire", "worcestershire", "warwickshire", "gloucestershire"}
    | {"cheshire", "lancashire", "cumbria", "northumberland", "durham", "yorkshire"}
    | {"merseyside", "teesside", "tyneside", "humberside", "cymru", "wales", "england"}
    | {"scotland", "london", "midlands", "lincs", "notts", "herts", "bucks", "oxon", "wilts"}
)


def find_brands_with_towns(st: State) -> None:
    """A word no list knows (or written with a capital or a digit inside: ``StaffLink``,
    ``S2S``) straight before a town the gazetteers know, with no capitalised word before
    it, is a local firm or an agency's branch: redacted whole, for the person importing to
    confirm. Not a name (``Kowalski Rotherham``: listed surnames are left to the name
    layers), a place (``Castleford Rotherham``) or a word."""
    text = st.text
    lex = st.lex
    for m in _BRAND_TOWN.finditer(text):
        brand, town = m.group("b"), m.group("t")
        key = brand.lower()
        place = phrase_key(town)
        if place not in lex.places and place not in more_places():
            continue
        if place[-1] in _COUNTIES or (brand.isupper() and not any(map(str.isdigit, brand))):
            continue  # "Wellbeing Norfolk", "HMYOI Werrington", "RUH Bath": public services
        shaped = any(ch.isupper() or ch.isdigit() for ch in brand[1:])
        if not (shaped or unknown(brand, lex)) or key in lex.given or key in lex.surnames:
            continue
        if (key,) in lex.places or brand.upper() in lex.acronyms:
            continue
        if CAPITAL_BEFORE.search(text, max(0, m.start() - 30), m.start()) is not None:
            continue  # the end of a longer name: "Anna Wiśniewska Rotherham"
        if st.free(m.start(), m.end()):
            st.take(m.start(), m.end(), "org", "branch:" + key + " " + town.lower(), 45, 0.65)
