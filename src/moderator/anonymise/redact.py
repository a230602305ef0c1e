"""Redacting case text: every identifier becomes a typed placeholder (PRODUCT.md §5).

``redact_case_text(case)`` returns the redacted text and the spans it replaced
(offsets into the original text, never the original values), in four layers:

1. **Patterns** (precompiled): e-mail addresses, UK phone numbers, NHS numbers
   with a valid check digit, NI numbers, UPNs, postcodes, vehicle registrations,
   case-system references, full dates (a date equal to a known date of birth
   becomes ``[DOB]``), street addresses, schools and GP practices; plus the
   record's own address, postcode, NHS number, UPN and case id in any spacing.
2. **Known people** from the record (child, family, worker): full names, given
   names, surnames, short forms (Will for William), initials (K.S., KS),
   possessives, any letter case, hyphen and apostrophe variants, one-letter typos.
   Each person keeps one placeholder throughout: ``[CHILD]``, ``[MOTHER]``,
   ``[SIBLING-2]``, ``[WORKER]``.
3. **Other names** are scored on evidence rather than capitalisation alone:
   honorifics (Mrs, Dr, PC), the words around them ("neighbour", "mum's
   boyfriend", "health visitor", "known as", "… said", "(neighbour)", "aged 9"),
   embedded lists of common given names and surnames, and whether the word is
   an everyday English word or protected vocabulary. Professionals become
   ``[PROFESSIONAL]``, others ``[PERSON]``, ``[PERSON-2]``, …
4. **Propagation**: once a name is found with evidence, its other mentions in the
   same text are redacted too, with the same placeholder.

Protected vocabulary (``data/vocabulary.txt``: Child Protection Conference,
Early Help, section 47, Hanley, …) is never redacted by the heuristics; only a
known identifier of the record overrides it. Town names are kept unless they
are written as part of an address.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from moderator.anonymise.dates import coordinated_days, date_from_match, find_dates
from moderator.anonymise.lexicon import WORD_RE, Lexicon, lexicon, phrase_key, word_key
from moderator.anonymise.records import RawCase


class Span(NamedTuple):
    """One redaction: ``text[start:end]`` of the original became ``placeholder``."""

    start: int
    end: int
    placeholder: str
    kind: str


@dataclass(frozen=True)
class Redaction:
    """A redacted text and what was replaced (offsets into the original; no original values)."""

    text: str
    spans: list[Span]

    def counts(self) -> dict[str, int]:
        """How many redactions of each kind (``{"child": 3, "dob": 1, …}``)."""
        return dict(Counter(s.kind for s in self.spans))


# Kinds of identifier and the placeholder each becomes. Kinds in _NUMBERED get -2, -3, …
# for the second and later distinct instance in one text.
PLACEHOLDERS: dict[str, str] = {
    "child": "CHILD",
    "worker": "WORKER",
    "person": "PERSON",
    "professional": "PROFESSIONAL",
    "dob": "DOB",
    "date": "DATE",
    "address": "ADDRESS",
    "postcode": "POSTCODE",
    "nhs_number": "NHS-NUMBER",
    "upn": "UPN",
    "ni_number": "NI-NUMBER",
    "phone": "PHONE",
    "email": "EMAIL",
    "url": "URL",
    "vehicle_reg": "VEHICLE-REG",
    "case_number": "CASE-NUMBER",
    "school": "SCHOOL",
    "gp_practice": "GP-PRACTICE",
    "username": "USERNAME",
}
NAME_KINDS = frozenset({"child", "family", "worker", "person", "professional"})
_NUMBERED = frozenset({"person", "professional", "school", "gp_practice", "address"})

# ---------------------------------------------------------------------------------------------
# Patterns (compiled once)

_POSTCODE_AREAS = (
    "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY "
    "E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE "
    "LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL "
    "SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE"
).split()
_AREAS = frozenset(_POSTCODE_AREAS)

# Each pattern starts with a character class or literal, so the regex engine skips quickly to
# plausible starts; the character before a match is checked in Python (``_clean_left``).
POSTCODE_RE = re.compile(
    r"[A-Za-z][A-Za-z]?\d[A-Za-z\d]?\s?\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}(?![A-Za-z0-9])"
)
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
URL_RE = re.compile(r"\b(?:https?://|www\.)[^\s<>()\"']+[^\s<>()\"'.,;:!?]")
PHONE_RE = re.compile(r"(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(0|0)\d(?:[\s\-)]{0,2}\d){8,10}(?!\d)")
NHS_RE = re.compile(r"\d{3}[\s-]?\d{3}[\s-]?\d{4}(?![\w-])")
NHS_CUE_RE = re.compile(r"(?i:NHS)(?:\s*(?:no\.?|number|num|#))?\s*[:\-]?\s*$")
# Any two letters: real prefixes exclude some (D, F, I, Q, U, V) but example numbers such as
# QQ 12 34 56 C are what people type into notes, and the shape alone is distinctive.
NI_RE = re.compile(r"[A-Z][A-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D](?![\w])")
UPN_RE = re.compile(r"[A-HJ-NP-TV-Z]\d{11}[0-9A-Z](?![\w])")
VEHICLE_RE = re.compile(r"[A-Z][A-Z]\d{2}\s?[A-Z]{3}(?![\w])")
# Older registrations (P123 ABC, ABC 123P) only where the words before say it is a vehicle.
VEHICLE_OLD_RE = re.compile(r"[A-Z](?:\d{1,3}\s?[A-Z]{3}|[A-Z]{2}\s?\d{1,3}[A-Z])(?![\w])")
VEHICLE_CUE_RE = re.compile(
    r"(?i:\b(?:reg(?:istration)?(?:\s+(?:no\.?|number|plate))?|car|vehicle|van|plate|vrn|motorbike)"
    r"\b[\s:.-]*(?:is\s+|was\s+|of\s+)?)$"
)
CASE_NUMBER_RE = re.compile(
    r"[A-Z\d](?:(?<=[A-Z])[A-Z]{1,4}[-/]?\d{5,10}|(?<=[A-Z])[A-Z]{0,3}/\d{2,6}/\d{2,6}|(?<=\d)\d{5,})"
    r"(?![\w/-])"
)
REF_RE = re.compile(r"[A-Z0-9][A-Z0-9/-]{2,}(?<=\d)|[A-Z0-9][A-Z0-9/-]*\d[A-Z0-9/-]*[A-Z0-9]")
CASE_CUE_RE = re.compile(
    r"(?i:\b(?:(?:case|crime|incident|log|occurrence|client|person|child|mosaic|lcs|police|file)"
    r"\s*(?:no\.?|number|num|ref(?:erence)?|id|#)|ref(?:erence)?(?:\s*(?:no\.?|number))?|crime|mosaic"
    r"|lcs)\s*[:#.]?\s*)$"
)
COLLAR_RE = re.compile(
    r"(?:PC|DC|PCSO|DS|DI|Sgt|PS)\s?(?P<num>\d{3,5})\b(?:\s+(?P<name>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?))?"
)

_STREET_TYPES = (
    r"Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Cl|Crescent|Cres|Court|Ct|Grove|Gr"
    r"|Place|Pl|Gardens|Gdns|Terrace|Terr|Way|Walk|Rise|View|Square|Sq|Hill|Row|Mews|Parade"
    r"|Green|Vale|Croft|Bank|Meadows?|Chase|Fold|Park|Boulevard|Wharf|Quay|Yard|Grange|Heights"
)
_STREET_HINT = re.compile(
    r"(?:Road|Rd|Street|Avenue|Ave|Lane|Ln|Drive|Close|Cl|Crescent|Cres|Court|Ct|Grove|Gr"
    r"|Place|Pl|Gardens|Gdns|Terrace|Terr|Way|Walk|Rise|View|Square|Sq|Hill|Row|Mews|Parade"
    r"|Green|Vale|Croft|Bank|Meadows?|Chase|Fold|Park|Boulevard|Wharf|Quay|Yard|Grange|Heights)\b"
)
_CAPWORD = r"[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*"
ADDRESS_RE = re.compile(
    r"(?<![\w])(?:(?:Flat|Apartment|Apt|Unit|Room)\s+\d+[A-Za-z]?,?\s+)?"
    r"\d{1,4}[A-Za-z]?(?:-\d{1,4}[A-Za-z]?)?,?\s+"
    rf"(?:{_CAPWORD}\s+){{1,3}}(?:{_STREET_TYPES})\.?(?![\w])"
    rf"(?:,\s*{_CAPWORD}(?:[\s-](?:on|upon|under|in|le|{_CAPWORD})){{0,3}}(?![\w]))?"
)
STREET_RE = re.compile(
    rf"(?<![\w])(?:{_CAPWORD}\s+){{1,2}}"
    r"(?:Road|Street|Avenue|Lane|Drive|Close|Crescent|Grove|Gardens|Terrace|Mews|Rd|Ave)(?![\w])"
)
_SCHOOL_HINT = re.compile(
    r"(?:Primary|School|Academy|College|Nursery|Infant|Junior|PRU|Sixth|Pupil)\b"
)
SCHOOL_RE = re.compile(
    r"(?<![\w])(?P<name>(?:(?:St\.?|Saint)\s+)?(?:[A-Z][\w'’&-]*\s+){1,4}?)"
    r"(?:(?:C\s?of\s?E|CE|C\.E\.|RC|R\.C\.|Catholic|Church\s+of\s+England|Methodist|Community"
    r"|Free|Special|Infants?|Junior|Nursery|Primary|Secondary|High|Grammar|Technical|Business"
    r"|and|&)\s+)*"
    r"(?:Primary\s+School|Primary\s+Academy|Infants?\s+School|Junior\s+School|Nursery\s+School"
    r"|High\s+School|Secondary\s+School|Grammar\s+School|Academy|College|School|Sixth\s+Form"
    r"|Pupil\s+Referral\s+Unit|PRU|Infants|Nursery"
    r"|Primary(?!\s+(?:Mental|Care|Health|Prevention|Need|Carer|Worker|Team|School|Academy)\b))"
    r"(?![\w])"
)
_GP_HINT = re.compile(r"(?:Surgery|Practice|Medical|Health|Centre|Dental)\b")
GP_RE = re.compile(
    r"(?<![\w])(?P<name>(?:[A-Z][\w'’&-]*\s+){1,4}?)"
    r"(?:Medical\s+Cent(?:re|er)|Medical\s+Practice|(?:Primary\s+)?(?:Health|Care)\s+Cent(?:re|er)"
    r"|Family\s+Practice|Group\s+Practice|Dental\s+(?:Care|Practice|Surgery|Cent(?:re|er))"
    r"|Surgery|Practice)(?![\w])"
)
# A short capitalised phrase in quotes is usually a nickname ('Dex', 'Big Mo').
QUOTED_RE = re.compile(
    r"(?<![\w])['\"“‘](?P<q>[A-Z][\w’-]*(?:[ \t]+[A-Z][\w’-]*){0,2})['\"”’](?![\w])"
)
_HOME_HINT = re.compile(r"(?:Home|Lodge|Hostel)\b")
HOME_RE = re.compile(
    r"(?<![\w])(?P<name>(?:[A-Z][\w'’&-]*\s+){1,3}?)"
    r"(?:Children['’]?s\s+Home|Care\s+Home|Residential\s+Home|Lodge|Hostel)(?![\w])"
)
HANDLE_RE = re.compile(r"@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}(?<!\.)")
HANDLE_CUE_RE = re.compile(
    r"(?i:\b(?:user\s?name|handle|gamer\s?tag|account|profile|screen\s?name|snapchat|instagram"
    r"|tiktok|facebook|twitter|discord|xbox|psn|whatsapp|insta|snap)(?:\s+(?:is|was|of|name))?"
    r"\s*:?\s*)(?:[\"'“‘](?P<q>[^\"'”’\s]{2,30})[\"'”’]|(?P<w>@?[\w.]*[\d_.][\w.]*))"
)
INITIALS_RE = re.compile(r"[A-Z](?:(?:\.\s?[A-Z]){1,3}\.?|[A-Z]{1,2})(?![\w])")
_ALIAS_HINT = re.compile(
    r"(?:known|Known|KNOWN|aka|AKA|Aka|a\.k\.a|nickname|Nickname|goes|calls|called|Called|named"
    r"|Named|street|Street)\b"
)
ALIAS_RE = re.compile(
    r"(?i:\b(?:also\s+known\s+as|known\s+as|aka|a\.k\.a\.?|nicknamed|nickname(?:\s+is)?|goes\s+by"
    r"|calls\s+(?:him|her|them)sel(?:f|ves)|calls(?:\s+(?:him|her|them))?|called|named(?:\s+(?:him|her|them|one|the\s+\w+))?(?:\s+as)?|referred\s+to\s+as|street\s+name(?:\s+is)?))"
    r"\s*:?\s*(?:[\"'“‘](?P<q>[^\"'”’\n]{1,30})[\"'”’]|(?P<w>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?))"
)


def _near(
    pattern: re.Pattern[str], hint: re.Pattern[str], text: str, before: int, after: int
) -> list[re.Match[str]]:
    """Matches of ``pattern`` near each match of the cheap ``hint`` (an anchoring keyword).

    The full patterns below start with a look-behind and word loops, which are slow to try
    at every position of a long text; trying them only around their keywords is not.
    """
    found: dict[tuple[int, int], re.Match[str]] = {}
    covered = -1
    for h in hint.finditer(text):
        lo = max(0, h.start() - before, covered)
        hi = min(len(text), h.end() + after)
        for m in pattern.finditer(text, lo, hi):
            found.setdefault((m.start(), m.end()), m)
        covered = max(covered, h.start())
    return [found[k] for k in sorted(found)]


def _clean_left(text: str, start: int, also: str = "") -> bool:
    """Whether nothing word-like (or in ``also``) touches a match on its left."""
    if start == 0:
        return True
    c = text[start - 1]
    return not (c.isalnum() or c == "_" or c in also)


_FIRST_GAP = re.compile(r"[ \t]*[,:]?[ \t]*|[ \t]+[-–][ \t]+")
_INNER_GAP = re.compile(r"[ \t]+|-")
_INITIAL_BEFORE = re.compile(r"(?<![\w.])([A-Z])\.?[ \t]+$")
_INITIAL_AFTER = re.compile(r"[ \t]+([A-Z])\.?(?![\w])")
_SENTENCE_END = frozenset('.!?:;\n"“”(•*')

# Words around a name that say who it is.
HONORIFICS = {
    "mr": "person",
    "mrs": "person",
    "ms": "person",
    "miss": "person",
    "mx": "person",
    "dr": "professional",
    "doctor": "professional",
    "prof": "professional",
    "professor": "professional",
    "pc": "professional",
    "dc": "professional",
    "ds": "professional",
    "di": "professional",
    "sgt": "professional",
    "sergeant": "professional",
    "insp": "professional",
    "inspector": "professional",
    "pcso": "professional",
    "constable": "professional",
    "cllr": "professional",
    "councillor": "professional",
    "rev": "professional",
    "reverend": "professional",
    "judge": "professional",
}
_FEMALE = {"mrs", "ms", "miss"}
_MALE = {"mr"}
ROLE_CUES = frozenset(
    " ".join(phrase_key(p))
    for p in (
        "health visitor, hv, school nurse, nurse, midwife, teacher, class teacher, form tutor, "
        "tutor, head teacher, headteacher, head, deputy head, senco, dsl, safeguarding lead, "
        "designated safeguarding lead, social worker, sw, iro, independent reviewing officer, "
        "personal adviser, personal advisor, pa, key worker, keyworker, family support worker, "
        "fsw, support worker, youth worker, yot worker, camhs worker, camhs practitioner, "
        "practitioner, therapist, counsellor, psychologist, psychiatrist, paediatrician, "
        "consultant, gp, officer, police officer, pcso, detective, solicitor, barrister, "
        "guardian, children's guardian, cafcass officer, manager, team manager, tm, atm, "
        "practice manager, head of service, advocate, mentor, learning mentor, housing officer, "
        "probation officer, idva, isva, lado, chair, conference chair, interpreter, "
        "supervising social worker, ssw, ewo, education welfare officer, worker, nursery worker, "
        "childminder, health worker, dentist, pharmacist, ta, teaching assistant, coach, pastor, "
        "imam, vicar, priest, caseworker, case worker, duty worker, officer in the case, oic, "
        "midwife, student social worker, dr, doctor, pastoral lead, pastoral manager, "
        "attendance officer, designated teacher, outreach worker, play worker, speech therapist"
    ).split(",")
)
RELATION_CUES = frozenset(
    " ".join(phrase_key(p))
    for p in (
        "neighbour, neighbours, next door neighbour, boyfriend, girlfriend, partner, ex-partner, "
        "ex, husband, wife, ex-husband, ex-wife, fiance, fiancé, fiancée, friend, best friend, "
        "family friend, cousin, aunt, auntie, aunty, uncle, nan, nana, nanny, gran, grandma, "
        "grandad, granddad, grandmother, grandfather, grandparent, stepdad, step-dad, stepfather, "
        "stepmum, step-mum, stepmother, brother, sister, half-brother, half-sister, "
        "stepbrother, stepsister, son, daughter, baby, mum, mother, dad, father, lodger, carer, "
        "foster carer, babysitter, associate, peer, classmate, sibling, niece, nephew, "
        "godmother, godfather, landlord, landlady, man, woman, male, female, adult, lad, boy, "
        "girl, mate, flatmate, housemate, relative, twin, child, infant, toddler, brother-in-law, "
        "sister-in-law, mother-in-law, father-in-law, kinship carer, special guardian, "
        "connected person, visitor, victim, perpetrator, alleged perpetrator, suspect, youngster, "
        "young person, sons, daughters, children, named, called, brother called, sister called, "
        "carers, foster carers, parents, friends, grandparents, cousins, siblings, brothers, "
        "sisters, aunts, uncles, neighbour's, friend's, partner's, boyfriend's, girlfriend's"
    ).split(",")
)
REPORT_VERBS = frozenset(
    "said says stated states reported reports told tells explained explains disclosed discloses "
    "shared shares confirmed confirms advised advises agreed agrees asked asks denied denies "
    "admitted admits described describes alleged alleges mentioned mentions added informed "
    "informs refused refuses cried shouted screamed texted messaged rang phoned emailed replied "
    "responded presented appeared attended arrived left lives lived visited visits threatened "
    "hit punched kicked assaulted smacked slapped pushed grabbed was is has had will would "
    "wants wanted feels felt thinks thought became becomes".split()
)
_WEAK_VERBS = frozenset(
    "said says stated reported told explained disclosed shared confirmed advised agreed asked "
    "denied admitted described alleged mentioned added informed refused cried shouted texted "
    "messaged rang phoned replied responded threatened hit punched kicked assaulted smacked "
    "slapped pushed grabbed".split()
)
_PRE_WEAK = frozenset(
    "with and visited saw met told asked contacted phoned rang texted messaged by from "
    "spoke speak speaking to".split()
)
_POSSESSED = frozenset(
    "mum mother dad father house home flat address partner boyfriend girlfriend car brother "
    "sister son daughter children kids baby friend friends nan family room bedroom phone care "
    "school mobile wife husband ex parents behaviour mates".split()
)
# Words that head the name of an organisation or place, and endings English nouns have and
# names rarely do: evidence that a capitalised phrase is not a person.
_INSTITUTION_NOUNS = frozenset(
    "centre center army service services team unit house hall court trust council group project "
    "club foundation partnership hub network alliance association society church chapel hospital "
    "clinic ward office station library park market shop store hotel pub inn bar cafe stadium "
    "arena college school academy nursery university company ltd limited co plc agency board "
    "panel committee forum programme scheme campaign fund charity home homes lodge estate "
    "road street avenue lane way close drive order act plan assessment".split()
)
_NON_NAME_ENDINGS = (
    "ship", "ment", "tion", "sion", "ness", "ity", "ance", "ence", "ism", "ist", "ive", "ous",
    "ful", "less", "able", "ible", "ical", "ology", "ware", "ing", "ings", "ies", "hood",
)
# Words that may precede a school or practice name without being part of it ("At", "The").
_LEADING_WORDS = frozenset(
    "a an the at to from in on into and or but of for by with attends attended attending "
    "attend visited visit called contacted rang phoned his her their its our my your this that "
    "new old former current previous local both said says told then when while whilst "
    "mum dad nursery school college academy primary via".split()
)
_NAME_SKIP = frozenset(
    "baby unborn child infant unknown mr mrs ms miss mx dr jr jnr snr sr junior senior the of".split()
)
_RELATIONSHIP_WORDS = frozenset(
    "mum mother dad father nan nana gran grandma grandad grandmother grandfather aunt auntie "
    "uncle cousin brother sister sibling partner boyfriend girlfriend stepdad stepmum son "
    "daughter neighbour friend carer".split()
)
_PAREN_CUE_RE = re.compile(
    r"\s*[(,]\s*(?:(?:the|a|an|his|her|their|my|mum'?s|dad'?s|mother'?s|father'?s|[A-Z]\w*['’]s)\s+)?"
    r"(?P<cue>[A-Za-z][A-Za-z'’-]*(?:\s+[A-Za-z][A-Za-z'’-]*)?)"
)
_AGE_AFTER_RE = re.compile(
    r"\s*[(,]?\s*(?:aged?\s*)\d{1,2}\b|\s*\(\s*\d{1,2}\s*(?:yrs?|years?)?\s*\)"
)

# ---------------------------------------------------------------------------------------------
# Known people


def placeholder_for_relationship(relationship: str) -> str:
    """The placeholder base for a family member's relationship to the child."""
    r = relationship.lower()
    if re.search(r"step[\s-]?(?:mother|mum|mom|father|dad|parent)", r):
        return "STEP-PARENT"
    if re.search(r"partner|boyfriend|girlfriend|husband|wife|fianc", r):
        return "PARTNER"
    if re.search(r"grand|\bnan|\bgran\b|\bnanna|\bnana", r):
        return "GRANDPARENT"
    if re.search(r"\baunt", r):
        return "AUNT"
    if "uncle" in r:
        return "UNCLE"
    if re.search(r"brother|sister|sibling|\btwin", r):
        return "SIBLING"
    if re.search(r"\b(?:mother|mum|mom|mam|mummy)\b", r):
        return "MOTHER"
    if re.search(r"\b(?:father|dad|daddy)\b", r):
        return "FATHER"
    if "parent" in r:
        return "PARENT"
    if "cousin" in r:
        return "COUSIN"
    if re.search(r"\bson\b", r):
        return "SON"
    if "daughter" in r:
        return "DAUGHTER"
    if re.search(r"foster|carer|guardian|kinship|connected", r):
        return "CARER"
    return "RELATIVE"


def _gender(relationship: str) -> str | None:
    r = relationship.lower()
    if re.search(
        r"mother|mum|mom|mam|grandma|\bnan|gran\b|aunt|sister|daughter|wife|girlfriend", r
    ):
        return "f"
    if re.search(r"father|dad|grandad|grandpa|uncle|brother|\bson\b|husband|boyfriend", r):
        return "m"
    return None


@dataclass
class _Person:
    label: str  # placeholder without brackets: CHILD, MOTHER, WORKER, PERSON…
    kind: str
    gender: str | None = None


@dataclass
class _Known:
    """The record's people as lookup tables of word keys."""

    ngrams: dict[tuple[str, ...], int] = field(default_factory=dict)
    people: list[_Person] = field(default_factory=list)
    surname_owners: dict[str, list[int]] = field(default_factory=dict)
    initials: dict[str, int] = field(default_factory=dict)
    given_keys: dict[str, int] = field(default_factory=dict)
    initial_of: dict[int, tuple[str, str]] = field(default_factory=dict)  # first, last letter
    max_n: int = 1


def _name_words(name: str) -> list[str]:
    return [m.group() for m in WORD_RE.finditer(name) if word_key(m.group()) not in _NAME_SKIP]


def _register(known: _Known, name: str, person: _Person, lex: Lexicon) -> None:
    words = _name_words(name)
    if not words:
        return
    index = len(known.people)
    known.people.append(person)
    keys = [word_key(w) for w in words]

    def add(key: tuple[str, ...]) -> None:
        if key and all(len(k) >= 2 for k in key):
            known.ngrams.setdefault(key, index)
            known.max_n = max(known.max_n, len(key))

    given, surname = keys[:-1] or keys, keys[-1] if len(keys) > 1 else None
    add(tuple(keys))
    if surname:
        add((given[0], surname))
        add((surname, *given))
        add((surname, given[0]))
        known.surname_owners.setdefault(surname, []).append(index)
        for part in surname.split("-"):
            if part != surname and len(part) >= 3:
                known.surname_owners.setdefault(part, []).append(index)
    for g in given:
        add((g,))
        known.given_keys.setdefault(g, index)
        for short in lex.diminutives.get(g, ()):
            add((short,))
        for part in g.split("-"):
            if part != g and len(part) >= 3:
                add((part,))
    # O'Neill written "O Neill", Smith-Jones written "Smith Jones"
    for word in words:
        split = tuple(word_key(p) for p in re.split(r"['’`\-]", word) if p)
        if len(split) > 1:
            add(split)
    letters = [p[0].upper() for w in words for p in re.split(r"[-‐–]", w) if p and p[0].isalpha()]
    if len(letters) >= 2:
        known.initials.setdefault("".join(letters), index)
        known.initials.setdefault(letters[0] + letters[-1], index)
        known.initial_of[index] = (letters[0], letters[-1])


def _known_people(case: RawCase, lex: Lexicon) -> _Known:
    known = _Known()
    _register(known, case.child.name, _Person("CHILD", "child"), lex)
    labels = [placeholder_for_relationship(m.relationship) for m in case.family]
    totals = Counter(labels)
    seen: Counter[str] = Counter()
    for member, label in zip(case.family, labels, strict=True):
        seen[label] += 1
        numbered = f"{label}-{seen[label]}" if totals[label] > 1 or label == "PARENT" else label
        _register(
            known, member.name, _Person(numbered, "family", _gender(member.relationship)), lex
        )
    if case.worker:
        _register(known, case.worker, _Person("WORKER", "worker"), lex)
    # A surname shared by several people is resolved per mention (honorific, else family).
    return known


# ---------------------------------------------------------------------------------------------
# The record's literal identifiers


_ABBREVIATIONS = {  # street words and their short forms
    "road": "road|rd",
    "street": "street|st",
    "avenue": "avenue|ave|av",
    "lane": "lane|ln",
    "drive": "drive|dr",
    "close": "close|cl",
    "crescent": "crescent|cres",
    "court": "court|ct",
    "place": "place|pl",
    "gardens": "gardens|gdns",
    "terrace": "terrace|terr|ter",
    "square": "square|sq",
    "grove": "grove|gr",
}
_STREET_WORDS = frozenset(t.lower() for t in _STREET_TYPES.split("|"))


def _street_variants(part: str) -> list[str]:
    """``"12 fenton road"`` -> also ``"12 fenton rd"``, ``"12 fenton rd."``, ``"fenton road"``…"""
    words = part.split()
    variants = [words]
    for i, word in enumerate(words):
        bare = word.rstrip(".")
        for full, alts in _ABBREVIATIONS.items():
            forms = alts.split("|")
            if bare in forms:
                variants = [
                    [*v[:i], form, *v[i + 1 :]]
                    for v in variants
                    for f in forms
                    for form in ((f, f + ".") if f != full else (f,))
                ]
                break
    out = [" ".join(v) for v in variants]
    if (
        len(words) >= 2
        and re.fullmatch(r"\d+[a-z]?", words[0])
        and any(w.rstrip(".") in _STREET_WORDS for w in words[1:])
    ):
        out += [" ".join(v[1:]) for v in variants]  # the street without the house number
    return sorted(set(out), key=len, reverse=True)


@dataclass
class _Literals:
    """The record's own identifiers as lower-case strings to look for, longest first."""

    needles: list[tuple[str, str, int]] = field(default_factory=list)  # text, kind, address part
    address_parts: list[list[str]] = field(default_factory=list)


def _literals(case: RawCase, lex: Lexicon) -> _Literals:
    lit = _Literals()
    child = case.child
    if child.address:
        parts = [" ".join(p.lower().split()) for p in child.address.split(",") if p.strip()]
        lit.address_parts = [_street_variants(p) for p in parts]
        for index, part in enumerate(parts):
            if phrase_key(part) in lex.places or len(part) < 4:
                continue  # a town is kept unless written as part of the address
            for variant in lit.address_parts[index]:
                lit.needles.append((variant, "address", index))
    if child.postcode:
        pc = child.postcode.lower()
        lit.needles += [(pc, "postcode", -1), (pc.replace(" ", ""), "postcode", -1)]
    if child.nhs_number:
        digits = re.sub(r"\D", "", child.nhs_number)
        for sep in ("", " ", "-"):
            lit.needles.append((sep.join((digits[:3], digits[3:6], digits[6:])), "nhs_number", -1))
    if child.upn:
        lit.needles.append((child.upn.lower(), "upn", -1))
    runs = re.findall(r"[a-z]+|\d+", case.case_id.lower())
    for sep in ("", "-", " ", "/", "_"):
        lit.needles.append((sep.join(runs), "case_number", -1))
    lit.needles.append((case.case_id.lower(), "case_number", -1))
    lit.needles += [(r, "case_number", -1) for r in runs if r.isdigit() and len(r) >= 5]
    lit.needles = sorted({n for n in lit.needles if n[0]}, key=lambda n: -len(n[0]))
    return lit


def _bounded(fold: str, start: int, end: int) -> bool:
    return (start == 0 or not fold[start - 1].isalnum()) and (
        end >= len(fold) or not fold[end].isalnum()
    )


def _find_literals(text: str, lit: _Literals) -> list[tuple[int, int, str]]:
    """Where the record's identifiers occur, in any letter case; addresses with their town."""
    fold = text.lower()
    if len(fold) != len(text):  # a character whose lower case is longer: compare char by char
        fold = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    found: list[tuple[int, int, str]] = []
    for needle, kind, part in lit.needles:
        pos = fold.find(needle)
        while pos >= 0:
            end = pos + len(needle)
            if _bounded(fold, pos, end):
                if kind == "address":
                    end = _extend_address(fold, end, lit.address_parts[part + 1 :])
                found.append((pos, end, kind))
            pos = fold.find(needle, pos + 1)
    return found


def _extend_address(fold: str, end: int, following: list[list[str]]) -> int:
    for variants in following:
        j = end
        while j < len(fold) and fold[j] in " ,\t":
            j += 1
        if j == end:
            break
        for v in variants:
            if fold.startswith(v, j) and _bounded(fold, j, j + len(v)):
                end = j + len(v)
                break
        else:
            break
    return end


# ---------------------------------------------------------------------------------------------
# The redaction of one text


class _Tok:
    __slots__ = ("cap", "end", "key", "lower", "poss", "start", "upper", "word")

    def __init__(self, start: int, word: str) -> None:
        self.start = start
        self.word = word
        self.poss = len(word) > 3 and word[-2] in "'’`" and word[-1] in "sS"
        self.end = start + len(word) - (2 if self.poss else 0)
        self.key = word_key(word)
        self.cap = word[0].isupper()
        self.upper = self.cap and len(word) > 1 and word.isupper()
        self.lower = not self.cap and word.islower()


@dataclass
class _Cand:
    start: int
    end: int
    kind: str
    ident: str  # who or what: equal idents share a placeholder
    priority: int


def _nhs_valid(digits: str) -> bool:
    if len(digits) != 10 or len(set(digits)) == 1:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _phone_ok(s: str) -> bool:
    digits = re.sub(r"\D", "", s)
    if s.lstrip().startswith("+"):
        digits = digits[2:]
        if "(0)" in s:
            digits = digits.lstrip("0")
        return len(digits) in (9, 10)
    return len(digits) in (10, 11)


class _Redactor:
    def __init__(self, case: RawCase, text: str) -> None:
        self.case = case
        self.text = text
        self.lex = lexicon()
        self.known = _known_people(case, self.lex)
        self.cands: list[_Cand] = []
        self.taken = bytearray(len(text))  # 1 where a character is already redacted
        dobs = [case.child.dob] + [m.dob for m in case.family]
        self.dobs = {(d.year, d.month, d.day) for d in dobs if d is not None}
        self.found: dict[
            tuple[str, ...], tuple[str, str]
        ] = {}  # discovered name key -> kind, ident
        self.person_tokens: list[tuple[int, int, str, str]] = []

    # -- bookkeeping ---------------------------------------------------------------------------
    def sent(self, t: _Tok) -> bool:
        """Whether the word starts a sentence, line or list item (so capitals prove little)."""
        text = self.text
        i = t.start - 1
        while i >= 0 and text[i] in " \t":
            i -= 1
        return (
            i < 0
            or text[i] in _SENTENCE_END
            or (text[i] in "-–" and (i == 0 or text[i - 1] == "\n"))
        )

    def free(self, start: int, end: int) -> bool:
        return self.taken.find(1, start, end) < 0

    def take(self, start: int, end: int, kind: str, ident: str, priority: int = 50) -> None:
        self.cands.append(_Cand(start, end, kind, ident, priority))
        self.taken[start:end] = b"\x01" * (end - start)

    # -- layer 1: patterns ---------------------------------------------------------------------
    def patterns(self) -> None:
        text = self.text
        raw: list[_Cand] = []

        def add(start: int, end: int, kind: str, ident: str, priority: int) -> None:
            raw.append(_Cand(start, end, kind, ident, priority))

        if "@" in text:
            for m in EMAIL_RE.finditer(text):
                add(m.start(), m.end(), "email", "", 100)
        if "www." in text or "://" in text:
            for m in URL_RE.finditer(text):
                add(m.start(), m.end(), "url", "", 99)
        for start, end, kind in _find_literals(text, _literals(self.case, self.lex)):
            add(start, end, kind, "home" if kind == "address" else "", 95)
        for m in PHONE_RE.finditer(text):
            if _clean_left(text, m.start(), "+") and _phone_ok(m.group()):
                add(m.start(), m.end(), "phone", "", 90)
        for m in NHS_RE.finditer(text):
            if not _clean_left(text, m.start(), "-"):
                continue
            digits = re.sub(r"\D", "", m.group())
            if _nhs_valid(digits) or NHS_CUE_RE.search(text, max(0, m.start() - 20), m.start()):
                add(m.start(), m.end(), "nhs_number", "", 88)
        for pattern, kind in ((NI_RE, "ni_number"), (UPN_RE, "upn"), (VEHICLE_RE, "vehicle_reg")):
            for m in pattern.finditer(text):
                if _clean_left(text, m.start()):
                    add(m.start(), m.end(), kind, "", 88)
        for m in POSTCODE_RE.finditer(text):
            area = m.group()[: 2 if m.group()[1].isalpha() else 1].upper()
            if _clean_left(text, m.start()) and area in _AREAS:
                add(m.start(), m.end(), "postcode", "", 85)
        for m in VEHICLE_OLD_RE.finditer(text):
            if _clean_left(text, m.start()) and VEHICLE_CUE_RE.search(
                text, max(0, m.start() - 30), m.start()
            ):
                add(m.start(), m.end(), "vehicle_reg", "", 85)
        for m in REF_RE.finditer(text):
            if _clean_left(text, m.start(), "/-") and CASE_CUE_RE.search(
                text, max(0, m.start() - 30), m.start()
            ):
                add(m.start(), m.end(), "case_number", "", 81)
        for m in CASE_NUMBER_RE.finditer(text):
            if _clean_left(text, m.start(), "/-"):
                add(m.start(), m.end(), "case_number", "", 80)
        if "@" in text:
            for m in HANDLE_RE.finditer(text):
                if _clean_left(text, m.start(), "@."):
                    add(m.start(), m.end(), "username", "", 90)
        for m in HANDLE_CUE_RE.finditer(text):
            g = "q" if m.group("q") else "w"
            if m.group(g) and len(m.group(g)) >= 3:
                add(m.start(g), m.end(g), "username", "", 89)
        for m in COLLAR_RE.finditer(text):
            if _clean_left(text, m.start()):
                end = m.end("name") if m.group("name") else m.end("num")
                add(m.start("num"), end, "professional", f"collar:{m.group('num')}", 80)
        for m in find_dates(text):
            ymd = date_from_match(m)
            kind = "date"
            if ymd is not None and any(
                ymd[1:] == d[1:] and ymd[0] in (None, d[0]) for d in self.dobs
            ):
                kind = "dob"
            add(m.start(), m.end(), kind, "", 75)
            for start, end in coordinated_days(text, m):
                add(start, end, "date", "", 75)
        for m in _near(ADDRESS_RE, _STREET_HINT, text, 90, 60):
            add(m.start(), m.end(), "address", _norm_ident(m.group()), 70)
        for m in _near(STREET_RE, _STREET_HINT, text, 60, 12):
            words = phrase_key(m.group())
            if words and words[0] not in self.lex.common and not self._protected_phrase(words):
                add(m.start(), m.end(), "address", _norm_ident(m.group()), 65)
        for pattern, kind, hint in (
            (SCHOOL_RE, "school", _SCHOOL_HINT),
            (GP_RE, "gp_practice", _GP_HINT),
            (HOME_RE, "address", _HOME_HINT),
        ):
            for m in _near(pattern, hint, text, 110, 40):
                cand = self.institution(m, kind)
                if cand is not None:
                    raw.append(cand)
        raw.sort(key=lambda c: (-c.priority, -(c.end - c.start), c.start))
        for c in raw:
            if self.free(c.start, c.end):
                self.take(c.start, c.end, c.kind, c.ident, c.priority)

    def _protected_phrase(self, words: tuple[str, ...], longer_than: int = 0) -> bool:
        """Whether the words begin with a protected phrase of more than ``longer_than`` words.

        "Staying Close" is protected as a whole; "Virtual School Head" reaches into
        the word "School"; but "Eaton Park Primary" is a school named after a place.
        """
        return bool(words) and any(
            len(phrase) > longer_than and words[: len(phrase)] == phrase
            for phrase in self.lex.phrases.get(words[0], ())
        )

    def institution(self, m: re.Match[str], kind: str) -> _Cand | None:
        """A school or GP practice, without leading everyday words ("At", "The", "Virtual")."""
        start = m.start()
        name_end = m.end("name")
        lex = self.lex
        for w in WORD_RE.finditer(self.text, start, name_end):
            key = w.group().casefold()
            if key in ("st", "saint"):
                break
            if word_key(w.group()) in _LEADING_WORDS or key in HONORIFICS:
                start = w.end()
                continue
            break
        while start < name_end and not self.text[start].isalnum():
            start += 1
        if start >= name_end:
            return None
        name = phrase_key(self.text[start:name_end])
        if self._protected_phrase(phrase_key(self.text[start : m.end()]), len(name)):
            return None
        if name and kind != "address" and all(k in lex.common for k in name):
            return None  # "Forest School", "Sunday School": generic, not a named school
        return _Cand(start, m.end(), kind, " ".join(name), 60)

    # -- tokens --------------------------------------------------------------------------------
    def tokens(self) -> list[_Tok]:
        toks = [_Tok(m.start(), m.group()) for m in WORD_RE.finditer(self.text)]
        self.protected = [False] * len(toks)
        phrases = self.lex.phrases
        i = 0
        n = len(toks)
        while i < n:
            first = toks[i].key
            if first in phrases:
                for phrase in phrases[first]:
                    j = i + len(phrase)
                    if j <= n and tuple(t.key for t in toks[i:j]) == phrase:
                        for k in range(i, j):
                            self.protected[k] = True
                        i = j - 1
                        break
            i += 1
        return toks

    # -- layer 2: known people -----------------------------------------------------------------
    def known_people(self, toks: list[_Tok]) -> None:
        known = self.known
        lex = self.lex
        common = lex.common
        firsts = {k[0] for k in known.ngrams}
        owners_of = known.surname_owners
        n = len(toks)
        i = 0
        while i < n:
            t = toks[i]
            key = t.key
            if (
                key not in firsts
                and key not in owners_of
                and (
                    not t.cap
                    or "-" in key
                    or key in common
                    or key in lex.given
                    or key in lex.surnames
                    or key in lex.protected_words
                )
                and "-" not in key
            ):
                i += 1
                continue
            if not self.free(t.start, t.end):
                i += 1
                continue
            matched = False
            for size in range(min(known.max_n, n - i), 0, -1):
                window = toks[i : i + size]
                who = known.ngrams.get(tuple(w.key for w in window))
                if who is None:
                    continue
                if size > 1 and not self._adjacent(window):
                    continue
                if size == 1 and t.lower and (t.key in common or t.key in self.lex.protected_words):
                    continue
                end = window[-1].end
                if not self.free(t.start, end):
                    continue
                self._take_known(t.start, end, who)
                matched = True
                i += size
                break
            if matched:
                continue
            # surname alone (or a hyphenated word containing a known name)
            key = t.key
            owners = known.surname_owners.get(key)
            if owners is None and "-" in key:
                for part in key.split("-"):
                    if (part,) in known.ngrams:
                        owners = [known.ngrams[(part,)]]
                        break
                    owners = known.surname_owners.get(part) or owners
            if owners and not (t.lower and key in common):
                self._take_known(t.start, t.end, self._resolve(owners, toks, i))
            elif t.cap and not t.upper and len(key) >= 3:
                who = self._fuzzy(key)
                if who is not None:
                    self._take_known(t.start, t.end, who)
            i += 1
        for m in INITIALS_RE.finditer(self.text):
            if not _clean_left(self.text, m.start(), "."):
                continue
            letters = re.sub(r"[^A-Z]", "", m.group())
            who = known.initials.get(letters)
            if who is None or not self.free(m.start(), m.end()):
                continue
            dotted = "." in m.group()
            if not dotted and (m.group() in self.lex.acronyms or len(letters) > 3):
                continue
            self._take_known(m.start(), m.end(), who)

    def _adjacent(self, window: list[_Tok]) -> bool:
        for a, b in zip(window, window[1:], strict=False):
            gap = self.text[a.end : b.start]
            if a.poss or not re.fullmatch(r"[ \t]+|[ \t]*,[ \t]*|-", gap):
                return False
        return True

    def _resolve(self, owners: list[int], toks: list[_Tok], i: int) -> int:
        if len(set(owners)) == 1:
            return owners[0]
        prev = toks[i - 1].key if i > 0 else ""
        want = "f" if prev in _FEMALE else "m" if prev in _MALE else None
        if want:
            for o in owners:
                if self.known.people[o].gender == want:
                    return o
        return -1  # shared surname, no way to tell whose: [FAMILY]

    def _fuzzy(self, key: str) -> int | None:
        lex = self.lex
        if (
            key in lex.common
            or key in lex.protected_words
            or key in lex.given
            or key in lex.surnames
        ):
            return None
        for name, who in self.known.ngrams.items():
            if len(name) != 1:
                continue
            k = name[0]
            if len(k) >= 5 and abs(len(k) - len(key)) <= 1 and _within_one_edit(k, key):
                return who
            if (
                3 <= len(key) < len(k) <= len(key) + 4
                and k.startswith(key)
                and k in self.known.given_keys
            ):
                return who
        return None

    def _take_known(self, start: int, end: int, who: int) -> None:
        text = self.text
        if who >= 0:
            first, last = self.known.initial_of.get(who, ("", ""))
            # "K. Smith" / "K Smith" and "Kayden S." / "Kayden S"
            m = _INITIAL_BEFORE.search(text, max(0, start - 6), start)
            if m and m.group(1) == first and self.free(m.start(), start):
                start = m.start()
            m = _INITIAL_AFTER.match(text, end)
            if m and m.group(1) == last and self.free(end, m.end(1)):
                end = m.end(1)
            person = self.known.people[who]
            self.take(start, end, person.kind, person.label, 60)
        else:
            self.take(start, end, "family", "FAMILY", 60)

    # -- layer 3: other names ------------------------------------------------------------------
    def aliases(self, toks: list[_Tok]) -> None:
        lex = self.lex
        for m in _near(ALIAS_RE, _ALIAS_HINT, self.text, 12, 50):
            group = "q" if m.group("q") else "w"
            start, end = m.start(group), m.end(group)
            value = m.group(group).strip()
            if not value or not self.free(start, end):
                continue
            keys = phrase_key(value)
            if group == "w" and (
                not keys
                or all(k in lex.common or k in lex.protected_words for k in keys)
                or keys[0] in lex.protected_words
            ):
                continue
            kind, ident = self._nearest_person(m.start())
            if ident is None:
                kind, ident = "person", "p:" + " ".join(keys)
            self.take(start, end, kind, ident, 55)
            if keys:
                self._remember(keys, kind, ident)

    def nicknames(self) -> None:
        """A short capitalised phrase in quotes that is not vocabulary is taken for a nickname."""
        text = self.text
        if not any(q in text for q in "'\"“‘"):
            return
        lex = self.lex
        for m in QUOTED_RE.finditer(text):
            start, end = m.start("q"), m.end("q")
            keys = phrase_key(m.group("q"))
            if not keys or not self.free(start, end):
                continue
            if all(k in lex.common or k in lex.protected_words or k in HONORIFICS for k in keys):
                continue
            ident = "p:" + " ".join(keys)
            hit = self.found.get(keys)
            kind, ident = hit if hit else ("person", ident)
            self.take(start, end, kind, ident, 45)
            self._remember(keys, kind, ident)

    def _nearest_person(self, before: int) -> tuple[str, str | None]:
        best: _Cand | None = None
        for c in self.cands:
            if c.kind in NAME_KINDS and c.end <= before and before - c.end <= 40:
                between = self.text[c.end : before]
                if "\n" in between or "." in between.rstrip(". "):
                    continue
                if best is None or c.end > best.end:
                    best = c
        return (best.kind, best.ident) if best else ("person", None)

    def _remember(self, keys: tuple[str, ...], kind: str, ident: str) -> None:
        lex = self.lex
        self.found.setdefault(keys, (kind, ident))
        for k in keys:
            if (
                len(k) >= 3
                and k not in lex.common
                and k not in lex.protected_words
                and k not in HONORIFICS
            ):
                self.found.setdefault((k,), (kind, ident))

    def other_names(self, toks: list[_Tok]) -> None:
        n = len(toks)
        i = 0
        while i < n:
            t = toks[i]
            if not self._nameish(toks, i):
                i += 1
                continue
            j = i + 1
            while (
                j < n
                and j - i < 4
                and self._nameish(toks, j)
                and self._joined(toks[j - 1], toks[j])
            ):
                j += 1
            chunk = toks[i:j]
            kind, score = self._score(toks, i, j)
            if score >= 3:
                self._accept(chunk, kind)
            i = j if j > i else i + 1

    def honorifics(self, toks: list[_Tok]) -> None:
        """Mrs Jenkins, Dr Patel, PC Moore: the words after a title are a name, whatever they are."""
        n = len(toks)
        for i, t in enumerate(toks):
            kind = HONORIFICS.get(t.key)
            if kind is None or not t.cap or t.poss:
                continue
            if (
                t.key
                in (
                    "doctor",
                    "constable",
                    "inspector",
                    "sergeant",
                    "judge",
                    "councillor",
                    "professor",
                    "reverend",
                )
                and t.lower
            ):
                continue
            j = i + 1
            while j < n and j - i <= 3:
                u = toks[j]
                gap = self.text[toks[j - 1].end : u.start]
                if (
                    not re.fullmatch(r"\.?[ \t]+", gap)
                    or not u.cap
                    or not self.free(u.start, u.end)
                ):
                    break
                if u.key in HONORIFICS or (
                    j > i + 1 and (u.key in self.lex.common and u.key not in self.lex.surnames)
                ):
                    break
                j += 1
                if toks[j - 1].poss:
                    break
            if j > i + 1:
                chunk = toks[i + 1 : j]
                if (
                    len(chunk) == 1
                    and chunk[0].key in self.lex.protected_words
                    and t.key in ("pc", "ds", "di", "dc")
                ):
                    continue
                self._accept(chunk, kind)

    def _nameish(self, toks: list[_Tok], i: int) -> bool:
        t = toks[i]
        if not t.cap or self.protected[i] or not self.free(t.start, t.end):
            return False
        key = t.key
        lex = self.lex
        if key in HONORIFICS or len(key) < 2:
            return False
        if key in lex.protected_words:
            return False
        if key in lex.common and key not in lex.given and key not in lex.surnames:
            return False
        if t.upper and key not in lex.given and key not in lex.surnames:
            return False  # an acronym
        return True

    def _joined(self, a: _Tok, b: _Tok) -> bool:
        return not a.poss and re.fullmatch(r"[ \t]+", self.text[a.end : b.start]) is not None

    def _score(self, toks: list[_Tok], i: int, j: int) -> tuple[str, float]:
        lex = self.lex
        text = self.text
        chunk = toks[i:j]
        first, last = chunk[0], chunk[-1]
        kind = "person"
        score = 0.0
        # the words before
        pre = self._cue_before(toks, i)
        if pre == "role":
            kind, score = "professional", score + 6
        elif pre == "relation":
            score += 5
        elif pre == "weak":
            score += 1
        # what the chunk looks like
        best = 0.0
        for pos, t in enumerate(chunk):
            k = t.key
            is_common = k in lex.common
            if k in lex.given:
                val = 1.0 if is_common else 3.0
                if pos > 0:
                    val = min(val, 2.0)
            elif k in lex.surnames:
                val = 0.5 if is_common else (2.0 if pos > 0 or not self.sent(t) else 1.5)
            else:
                val = 0.5 if pos == 0 and self.sent(t) else 2.0
            best = max(best, val)
        score += best
        if len(chunk) > 1 and all(
            t.key in lex.given or t.key in lex.surnames or t.key not in lex.common for t in chunk
        ):
            score += 1
        listed = any(t.key in lex.given or t.key in lex.surnames for t in chunk)
        if not listed and (
            last.key in _INSTITUTION_NOUNS or any(t.key.endswith(_NON_NAME_ENDINGS) for t in chunk)
        ):
            score -= 3  # "Salvation Army", "Special Guardianship": an organisation or a concept
        # the words after
        after = toks[j] if j < len(toks) else None
        tail = text[last.end : last.end + 60]
        if (
            after is not None
            and re.fullmatch(r"[ \t]+", text[last.end : after.start])
            and not last.poss
        ):
            if after.key in _WEAK_VERBS:
                score += 2
            elif after.key in REPORT_VERBS and (first.key in lex.given or not self.sent(first)):
                score += 1
        if last.poss and after is not None and after.key in _POSSESSED:
            score += 2
        m = _PAREN_CUE_RE.match(tail) if not last.poss else None
        if m:
            cue = " ".join(phrase_key(m.group("cue")))
            words = cue.split()
            if (
                cue in ROLE_CUES
                or (words and words[-1] in ROLE_CUES)
                or (len(words) > 1 and " ".join(words[:2]) in ROLE_CUES)
            ):
                kind, score = "professional", score + 5
            elif cue in RELATION_CUES or (
                words and (words[-1] in RELATION_CUES or words[0] in RELATION_CUES)
            ):
                score += 4
        if _AGE_AFTER_RE.match(tail):
            score += 3
        if len(chunk) == 1 and self.sent(first) and first.key not in lex.given and pre is None:
            score -= 0.5
        return kind, score

    def _cue_before(self, toks: list[_Tok], i: int) -> str | None:
        text = self.text
        words: list[str] = []
        k = i - 1
        pos = toks[i].start
        while k >= 0 and len(words) < 4:
            t = toks[k]
            gap = text[t.end : pos]
            # "neighbour Gary", "neighbour, Gary", "HV - Sarah"; within the cue only spaces
            pattern = _FIRST_GAP if not words else _INNER_GAP
            if t.poss and words or not pattern.fullmatch(gap):
                break
            words.insert(0, t.key)
            pos = t.start
            k -= 1
        for size in range(len(words), 0, -1):
            phrase = " ".join(words[-size:])
            if phrase in ROLE_CUES:
                return "role"
            if phrase in RELATION_CUES:
                return "relation"
        if words and words[-1] in _PRE_WEAK:
            # "and Tyler": only when the other side of "and" is a name already
            if words[-1] == "and":
                prev = toks[i - 2] if i >= 2 else None
                if prev is None or self.free(prev.start, prev.end):
                    return None
            return "weak"
        # "spoke to Tyler", "told Tyler"
        return None

    def _accept(self, chunk: list[_Tok], kind: str) -> None:
        keys = tuple(t.key for t in chunk)
        ident = None
        for size in range(len(keys), 0, -1):
            for s in range(0, len(keys) - size + 1):
                hit = self.found.get(keys[s : s + size])
                if hit is not None:
                    ident = hit[1]
                    if hit[0] == "professional":
                        kind = "professional"
                    break
            if ident:
                break
        if ident is None:
            ident = ("pro:" if kind == "professional" else "p:") + " ".join(keys)
        start, end = chunk[0].start, chunk[-1].end
        if not self.free(start, end):
            return
        self.take(start, end, kind, ident, 40)
        self._remember(keys, kind, ident)

    # -- layer 4: propagation ------------------------------------------------------------------
    def propagate(self, toks: list[_Tok]) -> None:
        if not self.found:
            return
        lex = self.lex
        n = len(toks)
        i = 0
        max_n = max(len(k) for k in self.found)
        while i < n:
            t = toks[i]
            if not self.free(t.start, t.end) or (t.lower and t.key in lex.common):
                i += 1
                continue
            for size in range(min(max_n, n - i), 0, -1):
                window = toks[i : i + size]
                hit = self.found.get(tuple(w.key for w in window))
                if hit is None or (size > 1 and not self._adjacent(window)):
                    continue
                if size == 1 and (self.protected[i] or (not t.cap and t.key in lex.common)):
                    continue
                end = window[-1].end
                if self.free(t.start, end):
                    self.take(t.start, end, hit[0], hit[1], 30)
                    i += size - 1
                break
            i += 1

    # -- output --------------------------------------------------------------------------------
    def run(self) -> Redaction:
        self.patterns()
        toks = self.tokens()
        self.known_people(toks)
        self.aliases(toks)
        self.nicknames()
        self.honorifics(toks)
        self.other_names(toks)
        self.propagate(toks)
        return self.build()

    def build(self) -> Redaction:
        cands = sorted(self.cands, key=lambda c: c.start)
        merged: list[_Cand] = []
        for c in cands:
            if merged:
                p = merged[-1]
                if (
                    p.kind == c.kind
                    and p.ident == c.ident
                    and c.kind in NAME_KINDS
                    and re.fullmatch(r"[ \t-]*", self.text[p.end : c.start])
                ):
                    p.end = c.end
                    continue
            merged.append(_Cand(c.start, c.end, c.kind, c.ident, c.priority))
        numbers: dict[str, dict[str, int]] = {}
        spans: list[Span] = []
        out: list[str] = []
        last = 0
        for c in merged:
            label = self._label(c, numbers)
            spans.append(Span(c.start, c.end, f"[{label}]", c.kind))
            out.append(self.text[last : c.start])
            out.append(f"[{label}]")
            last = c.end
        out.append(self.text[last:])
        return Redaction("".join(out), spans)

    def _label(self, c: _Cand, numbers: dict[str, dict[str, int]]) -> str:
        if c.kind in ("child", "family", "worker"):
            return c.ident
        base = PLACEHOLDERS[c.kind]
        if c.kind not in _NUMBERED:
            return base
        seen = numbers.setdefault(c.kind, {})
        ident = c.ident or f"@{c.start}"
        if ident not in seen:
            seen[ident] = len(seen) + 1
        number = seen[ident]
        return base if number == 1 else f"{base}-{number}"


def _norm_ident(text: str) -> str:
    return " ".join(
        phrase_key(re.sub(r"^\s*(?:flat|apartment|apt|unit|room)\s+\d+\w?,?", "", text, flags=re.I))
    )


def _within_one_edit(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    if la > lb:
        return a[i + 1 :] == b[i:]
    return a[i:] == b[i + 1 :]


def redact_case_text(case: RawCase, text: str | None = None) -> Redaction:
    """Redact ``text`` (default: the case's own text) using the case's known identifiers.

    Placeholders are consistent within one call: the same person, school or
    address gets the same placeholder each time it appears. The returned spans
    give offsets into the original text for a dry-run preview; they never hold
    the original values, and nothing here should be persisted except ``.text``.
    """
    source = case.text if text is None else text
    return _Redactor(case, source).run()
