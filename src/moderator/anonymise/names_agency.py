"""Professionals named by what is written around them.

* Before the agency they work for: ``Besnik Çela of Tyneside Interpreting``, ``Domingos
  Mutambara of Derbyshire Constabulary``. Two or three capitalised words that no list knows
  as words or places, before ``of`` and an organisation the redactor found or a public
  service (a run of capitals ending in a force's, a council's or a hospital's noun).
* After a field or words that name who did the work: ``Minute taker: J Okonede-Berr``,
  ``Supervisor: Bláthnaad (BK)``, ``RHI by: Cosmi (Missing Matters Sussex)``, ``Logged by
  KMc``: an initial and a name, a name of one to three words, or initials.
* In a form's name field: ``Name: Lee Sterling   Role: …``, ``Father's name: Dean Hope``,
  whatever words the name is made of.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import HONORIFICS
from moderator.anonymise.lexicon import (
    Lexicon,
    lower_same_length,
    more_places,
    phrase_key,
    whole_words,
    word_key,
)
from moderator.anonymise.nearby import matches_in
from moderator.anonymise.orgs_heads import PUBLIC_SERVICES
from moderator.anonymise.orgs_nouns import COMMUNITIES, DESCRIPTIVE, service_terms_only
from moderator.anonymise.orgs_public import AGENCY_NOUNS, placed, public_service
from moderator.anonymise.state import NAME_KINDS, State

_CAP = "A-ZÀ-ÖØ-ÞĀ-ſ"
_NAME_OF = re.compile(
    rf"(?P<n>[{_CAP}][^\W\d_]+(?:-[{_CAP}][^\W\d_]+)?"
    rf"(?:[ \t]+[{_CAP}][^\W\d_]+(?:-[{_CAP}][^\W\d_]+)?){{1,2}})[ \t]+of[ \t]+(?=[A-Z])"
)
_AGENCY_AFTER = re.compile(r"(?:[A-Z][\w'’&-]*[ \t]+){0,4}(?P<noun>[A-Z][\w'’-]*)")
_ORG_KINDS = ("org", "school", "gp_practice")


def find_people_of_agencies(st: State) -> None:
    """Professionals named before ``of`` and their agency (see the module's text)."""
    text = st.text
    if " of " not in text:
        return
    lex = st.lex
    org_starts = {c.start for c in st.cands if c.kind in _ORG_KINDS}
    for m in matches_in(_NAME_OF, _name_of_starts(text), text):
        start, end = m.span("n")
        if not st.free(start, end) or (start and text[start - 1].isalnum()):
            continue
        words = m.group("n").split()
        keys = [word_key(w) for w in words]
        if any(
            k in lex.words or k in lex.common or k in lex.protected_words or (k,) in lex.places
            for k in keys
        ):
            continue
        if m.end() not in org_starts and not _public_service(text, m.end()):
            continue
        st.take(start, end, "professional", "p:" + " ".join(keys), 50, 0.8)
        st.remember(tuple(keys), "professional", "p:" + " ".join(keys))


_OF_CAPITAL = re.compile(r"of[ \t]+[A-Z]")  # (from its "of": the engine skips to it)

# a given name before "from the … team": "supervised by Dawn from the contact team", "Grace
# from the school nursing service" (found from each "from the")
_FROM_TEAM = re.compile(
    r"[ \t]+from[ \t]+the[ \t]+(?:[\w'’&-]+[ \t]+){0,3}?(?i:team|service|hub|project"
    r"|charity|unit|council|police|school|nursery|college)\b"
)
_NAME_BEFORE = re.compile(r"(?<![\w'’-])(?P<n>[A-Z][a-z]{2,12})\Z")
_NOT_PEOPLE = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september"}
    | {"october", "november", "december", "monday", "tuesday", "wednesday", "thursday"}
    | {"friday", "saturday", "sunday", "today", "yesterday", "someone", "nobody", "everyone"}
)


def find_given_names_from_teams(st: State) -> None:
    """A given name of the lists written before ``from the … team`` (or service, hub, school)
    is a professional, though the name is an everyday word (``Dawn``, ``Grace``, ``Hope``)."""
    text = st.text
    if " from the " not in text:
        return
    lex = st.lex
    at = text.find(" from the ")
    while at >= 0:
        before = _NAME_BEFORE.search(text, max(0, at - 14), at)
        if before is not None and _FROM_TEAM.match(text, at):
            key = word_key(before.group("n"))
            start, end = before.span("n")
            if (
                key in lex.given
                and key not in _NOT_PEOPLE
                and key not in lex.protected_words
                and st.free(start, end)
            ):
                st.take(start, end, "professional", "p:" + key, 46, 0.7)
        at = text.find(" from the ", at + 1)


def _name_of_starts(text: str) -> list[tuple[int, int]]:
    """Where _NAME_OF's matches can start: in the run of letters, hyphens and blanks before
    each " of " and a capital (a match is such a run's words and its "of"). The pattern is
    then tried there only, not from every capital of the note."""
    spans = []
    for m in _OF_CAPITAL.finditer(text):
        at = m.start()
        if at and text[at - 1] in " \t":
            lo = at
            while lo > 0 and (text[lo - 1].isalnum() or text[lo - 1] in " \t-'’_"):
                lo -= 1
            spans.append((lo, at - 1))
    return spans


# the fields and words that name who did the work, then the name or the initials
_BY_FIELD = re.compile(
    r"(?i:minute[ \t-]?taker|minutes(?:[ \t]+by|(?=[ \t]*:))|note[ \t-]?taker|supervisor|completed[ \t]+by|logged[ \t]+by"
    r"|recorded[ \t]+by|written[ \t]+by|reviewed[ \t]+by|signed(?:[ \t]+by)?|authorised[ \t]+by"
    r"|rhi[ \t]+by|visit[ \t]+by|assessed[ \t]+by|checked(?:[ \t]+by)?|log[ \t]+by"
    r"|sent[ \t]+by|prepared[ \t]+by|referred[ \t]+by|reported[ \t]+by"
    # round forty-eight: work done by someone named after "by" ("review done by Lorraine
    # Spence"), a given name first (see _GIVEN_FIRST)
    r"|done[ \t]+by|carried[ \t]+out[ \t]+by|undertaken[ \t]+by|chaired[ \t]+by"
    r"|facilitated[ \t]+by|delivered[ \t]+by|led[ \t]+by)[ \t]*:?[ \t]*"
    rf"(?P<n>(?:[A-Z]\.?[ \t]+)?[{_CAP}][^\W\d_]+(?:['’-][{_CAP}]?[^\W\d_]+)?"
    rf"(?:[ \t]+[{_CAP}][^\W\d_]+(?:-[{_CAP}][^\W\d_]+)?){{0,2}}"
    r"|[A-Z]{1,3}(?:Mc|Mac|O['’])[A-Z]{0,2}|[A-Z]{2,3}|[A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?)"
    r"(?![\w'’-])"
)
# the fields' first words, as written in lower case: the pattern is tried only at them
_BY_STARTS = ("minute", "note", "supervisor", "completed", "logged", "recorded", "written",
              "reviewed", "signed", "authorised", "rhi", "visit", "assessed", "checked", "log",
              "sent", "prepared", "referred", "reported", "done", "carried", "undertaken",
              "chaired", "facilitated", "delivered", "led")  # fmt: skip
# the cues after which only a given name and a surname are taken: "led by Barnardo's" stays
_GIVEN_FIRST = ("done", "carried", "undertaken", "chaired", "facilitated", "delivered", "led")


def find_people_by_field(st: State) -> None:
    """A name or initials after a field naming who did the work (see the module's text)."""
    text = st.text
    lower = lower_same_length(text)
    lex = st.lex
    found = []
    for word in _BY_STARTS:
        at = lower.find(word)
        while at >= 0:
            if (at == 0 or not lower[at - 1].isalnum()) and (m := _BY_FIELD.match(text, at)):
                found.append(m)
            at = lower.find(word, at + 1)
    for m in found:
        start, end = m.span("n")
        if not st.free(start, end):
            continue
        name = m.group("n")
        words = [w for w in name.replace(".", " ").split() if len(w) > 1]
        if not words and "." in name:  # "Checked R.B.": dotted initials
            words = ["".join(ch for ch in name if ch.isalpha())]
        keys = [word_key(w) for w in words]
        if lower.startswith(_GIVEN_FIRST, m.start()) and (
            len(keys) < 2 or keys[0] not in lex.given or not name.istitle()
        ):
            continue  # "led by Barnardo's", "done by SW"
        # a given name and a surname that is also a word ("Minute taker: Jade Holt")
        given = (
            len(keys) >= 2
            and keys[0] in lex.given
            and (keys[-1] in lex.surnames or keys[-1] not in lex.common)
        )
        if not keys or any(
            (not given and (k in lex.words or k in lex.common))
            or k in lex.protected_words
            or (k,) in lex.places
            or k in HONORIFICS
            for k in keys
        ):
            continue  # "Supervisor: Team Manager", "Logged by Dr …" (the titled layer's)
        if name.isupper() and (name in lex.acronyms or _RANK_NEXT.match(text, end)):
            continue  # "Completed by SW", "SUPERVISOR: PS R. DEVEREUX": a role or a rank
        ident = "p:" + " ".join(keys)
        st.take(start, end, "professional", ident, 50, 0.75)
        st.remember(tuple(keys), "professional", ident)
        initials = _INITIALS_AFTER.match(text, end)
        if initials is not None and initials.group("i")[0] == name[0]:
            for a, b in whole_words(text, initials.group("i")):  # "Bláthnaad (BK)"
                if st.free(a, b):
                    st.take(a, b, "professional", ident, 50, 0.75)


# given names in brackets after a titled surname: "Mr and Mrs Seabright (Glorie & Nevilla)"
_TITLED_GIVEN = re.compile(
    r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?(?:[ \t]+(?:and|&)[ \t]+(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?)?"
    rf"[ \t]+[{_CAP}][\w'’-]+[ \t]*\((?P<a>[{_CAP}][^\W\d_]+)"
    rf"(?:[ \t]*(?:&|and)[ \t]*(?P<b>[{_CAP}][^\W\d_]+))?\)"
)


def find_given_names_of_titled(st: State) -> None:
    """Given names in brackets after a titled surname are those people's, wherever they
    recur (``Mr and Mrs Seabright (Glorie & Nevilla)``; not ``Mrs Ray (Mum)``)."""
    text = st.text
    if "(" not in text or "M" not in text:
        return
    lex = st.lex
    for m in _TITLED_GIVEN.finditer(text):
        if m.start() and text[m.start() - 1].isalnum():
            continue  # (its word boundary, checked here: the scan is quicker without it)
        for group in ("a", "b"):
            name = m.group(group)
            if name is None:
                continue
            key = word_key(name)
            mixed = name[1:] != name[1:].lower()  # "SENCo", "CiC": an acronym's own case
            if (
                name.isupper()
                or key in lex.words
                or key in lex.common
                or (mixed and name.upper() in lex.acronyms)
            ):
                continue  # "Mrs Haldane (DHT)", "Mrs Ghosh (SENCo)": her role; "(Mum)": words
            if key in lex.protected_words:
                continue
            ident = "p:" + key
            for a, b in whole_words(text, name):
                if st.free(a, b):
                    st.take(a, b, "person", ident, 50, 0.8)


_RANK_NEXT = re.compile(r"[ \t]+[A-Z]")
_INITIALS_AFTER = re.compile(r"[ \t]*\((?P<i>[A-Z]{2,3})\)")


def _public_service(text: str, at: int) -> bool:
    """Whether a run of capitalised words at ``at`` ends in a public service's noun."""
    for m in _AGENCY_AFTER.finditer(text, at, at + 80):
        if m.start() != at:
            return False
        return any(word_key(w) in PUBLIC_SERVICES for w in m.group().split())
    return False


# "Liz from Brighter Futures", "Ewa from Language Empire": the agency a person came from
_FROM_AGENCY = re.compile(
    rf"[ \t]+from[ \t]+(?P<o>(?:the[ \t]+)?[{_CAP}][\w'’&-]*(?:[ \t]+[{_CAP}][\w'’&-]*){{1,3}})"
    r"(?![ \t]*[A-Z])"
)
_PEOPLE = ("person", "professional")
# "Precious Ncube (Nexus Staffing)", "Phil Garside, Positive Steps (RHI service)": the
# agency a person works for, in brackets or after a comma, ending there
_BESIDE_AGENCY = re.compile(
    rf"(?:[ \t]*\([ \t]*|,[ \t]+)(?P<o>[{_CAP}][\w'’&-]*(?:[ \t]+(?:&[ \t]+)?[{_CAP}][\w'’&-]*){{1,4}})"
    r"(?=[ \t]*(?:[,;)(]|\.(?:\s|$)|\n|$))"
)
# "Kirsty Doyle (RHI worker, Safe Steps Berkshire)", "SJ (IDVA, Hearthstone West Kent)": a
# role, then the agency, in the brackets after a person
_ROLED_AGENCY = re.compile(
    r"[ \t]*\([ \t]*(?P<r>[A-Za-z][\w'’ \t-]{0,38}?)[ \t]*,[ \t]*"
    rf"(?P<o>[{_CAP}][\w'’&-]*(?:[ \t]+(?:&[ \t]+)?[{_CAP}][\w'’&-]*){{1,4}})[ \t]*\)"
)
# the same after a person's name opening the brackets: "LC (Louise Carr, IDVA, Safe Space
# Cumbria)"
_ROLED_AGENCY_INSIDE = re.compile(
    r"[ \t]*,[ \t]*(?P<r>[A-Za-z][\w'’ \t-]{0,38}?)[ \t]*,[ \t]*"
    rf"(?P<o>[{_CAP}][\w'’&-]*(?:[ \t]+(?:&[ \t]+)?[{_CAP}][\w'’&-]*){{1,4}})[ \t]*\)"
)
_SERVICE_ENDS = frozenset({"services", "service", "safeguarding", "door", "locality", "team"})
_PUBLIC_BESIDE = frozenset(
    {"service", "station", "hub", "partner", "policing", "paediatrics", "options", "team"}
    | {"council", "police", "nhs", "hospital", "ed", "unit", "court", "justice", "health"}
    | {"royal", "healthcare", "nursing", "probation", "prison", "school", "college"}
    | {"army", "navy", "raf", "forces", "military"}  # "(Army Welfare Service)"
)
# the words a role ends with: "(Roma Support Worker, …)" names a job, not an agency
_ROLE_ENDS = frozenset(
    {"worker", "officer", "manager", "teacher", "nurse", "visitor", "adviser", "advisor"}
    | {"practitioner", "coordinator", "co-ordinator", "lead", "assistant", "chair", "carer"}
    | {"carers", "mentor", "therapist", "consultant", "doctor", "solicitor", "interpreter"}
    | {"volunteer", "coach", "keyworker", "head", "director", "leader", "midwife", "sw", "tm"}
    # round thirty-six: "(Paediatric Registrar, Royal Bolton Hospital)", "(Independent Return
    # Interviewer)": a role's title before the employer, not an agency
    | {"registrar", "paediatrician", "interviewer", "psychologist", "psychiatrist", "clinician"}
    | {"advocate", "tutor", "counsellor", "caseworker", "dietitian", "physiotherapist"}
    | {"pharmacist", "surgeon", "matron", "paramedic", "lecturer", "receptionist", "navigator"}
    | {"administrator", "secretary", "supervisor", "reviewer", "investigator", "senco"}
)


def _brand_service(st: State, keys: tuple[str, ...]) -> bool:
    """Whether a service's name opens with a word of its own, no place's, no public or
    protected word's ("Pathways Missing Service"; not "Blackpool Missing Service", "Youth
    Justice Service")."""
    head = keys[0]
    return not (
        (head,) in st.lex.places
        or (head,) in more_places()
        or head in st.lex.protected_words
        or head in st.lex.common
        or head in DESCRIPTIVE
        or any(keys[: len(p)] == p for p in st.lex.phrases.get(head, ()))  # "Troubled Families"
    )


def _private(st: State, written: str, keys: tuple[str, ...]) -> bool:
    """Whether words beside a person may name a private agency: not a role, a grade, a
    public service's words or acronyms ("ST5 Paediatrics", "Blackpool FGC Service")."""
    if keys[-1] == "service" and len(keys) >= 3 and _brand_service(st, keys):
        keys = keys[:-1]  # "Jess Tovell, Compass Missing Service": a provider's own name
    return not (
        keys[-1] in _ROLE_ENDS
        or written.isupper()
        or any(ch.isdigit() for ch in written)
        or any(k in _PUBLIC_BESIDE or k in PUBLIC_SERVICES or k in HONORIFICS for k in keys)
        or any(w.isupper() and len(w) > 1 for w in written.split())  # "GMP", "Meir SNT"
    )


def find_agencies_people_come_from(st: State) -> None:
    """Two to four capitalised words after a person and ``from`` are the organisation they
    came from, unless they are a place, a protected phrase or a public service; two to five
    in brackets or after a comma, ending there, are the agency they work for (weaker: for
    the person importing to confirm), unless a role's words."""
    text = st.text
    lex = st.lex
    for c in [c for c in st.cands if c.kind in _PEOPLE]:
        m = _FROM_AGENCY.match(text, c.end)
        sure = 0.75
        if m is None:
            m, sure = _BESIDE_AGENCY.match(text, c.end), 0.6
        if m is None:
            inside = text[c.start - 1 : c.start] == "("
            m = (_ROLED_AGENCY_INSIDE.match(text, c.end) if inside else None) or (
                _ROLED_AGENCY.match(text, c.end)
            )
        if m is not None and m.re is not _FROM_AGENCY and m.re is not _BESIDE_AGENCY:
            role = m.group("r").split()
            keys = phrase_key(m.group("o"))
            if not (word_key(role[-1]) in _ROLE_ENDS or role[0] in lex.acronyms) or (
                (keys[0],) in lex.places or (keys[0],) in more_places() or keys[-1] in _SERVICE_ENDS
            ):
                m = None  # ("(mother, Ruth Okafor)": no role; "(SW, Kent Front Door)",
                # "(Solicitor, Legal Services)": a public service by its place or its words
        if m is None or not st.free(*m.span("o")):
            continue
        keys = phrase_key(m.group("o"))
        if keys[:1] == ("the",):
            keys = keys[1:]
        if not keys or (sure < 0.75 and not _private(st, m.group("o"), keys)):
            continue
        if (
            sure < 0.75
            and len(keys) == 2
            and keys[0] in lex.given
            and keys[0] not in lex.common
            and m.group("o").istitle()
        ):
            # "Health visitor for Alfie, Joanne Tipping, has concerns": a person beside
            # the other, not an agency
            st.take(*m.span("o"), "professional", "p:" + " ".join(keys), 50, 0.7)
            continue
        if (
            keys in lex.places
            or keys in more_places()
            or keys in lex.phrases.get(keys[0], ())
            or all(k in lex.protected_words for k in keys)
            or any(k in PUBLIC_SERVICES for k in keys)
            or _council_service(lex, keys)
            or not _OPERATION.isdisjoint(keys[:2])  # "Wirral Op Medusa": a police operation
            or (
                len(keys) >= 2
                and COMMUNITIES.intersection(keys)
                and keys[-1] in AGENCY_NOUNS
                and not placed(st, keys)
                and public_service(st, keys[-1], keys[:-1])
            )  # "from the GRT Education Service": a community's kind of service, by no place
        ):
            continue
        st.take(*m.span("o"), "org", "from:" + " ".join(keys), 50, sure)


_OPERATION = frozenset({"op", "operation"})


def _council_service(lex: Lexicon, keys: tuple[str, ...]) -> bool:
    """Whether the words are a place's and a kind of service's only: a council's own service
    ("Fostering Gloucestershire", "Derby Fostering"), a public service named by a place."""
    rest = [k for k in keys if (k,) not in lex.places]
    return 0 < len(rest) < len(keys) and service_terms_only(rest)


# a form's name field, then the name: "Name: Lee Sterling   Role: …", "Full name: …"; not a
# school's, a team's or a practice's name ("School name:")
_NAME_FIELD = re.compile(
    r"(?:^|(?<=[\n|\t])|(?<=  ))[ \t]*(?i:(?:full|first|given|preferred|maiden|known|father['’]s"
    r"|mother['’]s|carer['’]s|partner['’]s|person['’]s|subject|alleged[ \t]+perpetrator['’]s)"
    r"[ \t]+)?(?i:name)[ \t]*:[ \t]*"
    r"(?P<n>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})(?![\w'’-])"
)


def find_named_in_fields(st: State) -> None:
    """A person named in a form's name field (``Name: Lee Sterling``), whatever words the name
    is made of, unless it is a form's word for none (``Name: Unknown``), a protected word or
    the field's next label run into it."""
    text = st.text
    if "ame" not in text:
        return
    lex = st.lex
    for m in _NAME_FIELD.finditer(text):
        start, end = m.span("n")
        words = m.group("n").split()
        while words and (words[-1].endswith(":") or text[end : end + 1] == ":"):
            words.pop()  # "Name: Kevin Brown Role: …": the next field's label
            end = start + len(" ".join(words))
        keys = [w.lower() for w in words]
        if not keys or keys[0] in _NOT_NAMES or any(k in lex.protected_words for k in keys):
            continue
        inside = [c for c in st.cands if c.start < end and start < c.end]
        if inside and all(
            c.kind in NAME_KINDS and start <= c.start and c.end <= end for c in inside
        ):  # "Name: Lee Sterling" where "Mr Sterling" was found: the whole name, as him
            first = inside[0]
            for c in inside:
                st.cands.remove(c)
                st.taken[c.start : c.end] = bytes(c.end - c.start)
            st.take(start, end, first.kind, first.ident, 50, 0.8)
        elif st.free(start, end):
            st.take(start, end, "person", "p:" + " ".join(keys), 50, 0.8)


_NOT_NAMES = frozenset({"unknown", "not", "none", "n/a", "na", "tbc", "withheld", "no", "see"})
