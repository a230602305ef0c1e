"""Organisations that identify a family, and their acronyms.

* **Organisations** by grammar: a name before an organisation noun (youth clubs, churches,
  mosques, masjids, gurdwaras, temples, learning centres, playgroups, clubs and groups,
  small businesses: ``Kebab House``, ``Cash & Carry``, clinics, nail bars, garages, inns,
  law firms: ``Adeyemi & Co``), a name after the noun that introduces it (``nursery (Bright
  Beginnings)``, ``club is …``, ``Ysgol …``, ``HMP …``), and the branch written after it.
* **Acronyms** of a school or organisation: written after it (``Chell Heath Academy (CHA)``),
  made of its initials, or shaped like a school's (``at SHS``).
* **Names in capitals** (a police form's fields) are read in title case by the same grammars.

Places of worship named around a head word are in :mod:`.orgs_worship`, organisations named
by a cue or a defined acronym in :mod:`.orgs_cued`, the words around a name that belong to
it in :mod:`.orgs_runs`, the nouns in :mod:`.orgs_nouns`.

Initials of people in minutes are in :mod:`.layer_initials`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from moderator.anonymise.alternation import by_first_letter
from moderator.anonymise.cues import HONORIFICS, LEADING_WORDS
from moderator.anonymise.lexicon import WORD_RE, lower_same_length, phrase_key, word_key
from moderator.anonymise.nearby import matches_in
from moderator.anonymise.orgs_brands import find_branches, national_charity
from moderator.anonymise.orgs_clubs import find_football_clubs
from moderator.anonymise.orgs_cued import find_cued
from moderator.anonymise.orgs_housing import find_housing_associations
from moderator.anonymise.orgs_kinds import find_kinds_after
from moderator.anonymise.orgs_leading import generic_name, name_spans, trim_leading
from moderator.anonymise.orgs_named import find_named_places, joined_firm
from moderator.anonymise.orgs_nouns import (
    COMMUNITIES,
    DENOMINATIONS,
    FUNCTION_WORDS,
    GOING,
    ORG_HINTS_LIKELY_FIRST,
    ORG_KINDS,
    ORG_NOUN,
    SAINTLY,
    SERVICE_TERMS,
    named_trade,
)
from moderator.anonymise.orgs_public import (
    AGENCY_NOUNS,
    SERVICE_NOUNS,
    a_person,
    after_and,
    health_trust,
    public_service,
)
from moderator.anonymise.orgs_runs import (
    capital_runs,
    ends_protected,
    opens_protected,
    protected_inside,
    title_runs,
)
from moderator.anonymise.orgs_runs import with_town as with_town  # (layer_patterns uses it)
from moderator.anonymise.orgs_services import find_named_services
from moderator.anonymise.orgs_single import find_single_word_orgs
from moderator.anonymise.orgs_worship import find_lower_worship, find_worship
from moderator.anonymise.patterns import scan_near, word_positions
from moderator.anonymise.state import State

Add = Callable[[int, int, str, str, int], None]
Trim = Callable[[State, int, int], int]

# a word of a name, or a bracketed qualifier inside it: "Peterhead Fish (North Quay) Ltd"
# (possessive runs, "*+" and "++": what comes after a run of letters is a space and after the
# spaces a letter or a bracket, so giving some back never helps; the engine then does not try)
_NAME = r"(?:(?:[A-Z][\w'’-]*+|\([A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*)?\))[ \t]++(?:(?:of|the|and|&|al|el|de)[ \t]++)?)"
FIRM_HINT_RE = re.compile(r"(?:&|\band)\s+(?:Co|Sons|Partners|Daughters)\b")
# the same without the word boundary before "and": a quick gate (the engine skips to & or a)
_FIRM_GATE_RE = re.compile(r"(?:&|and)\s+(?:Co|Sons|Partners|Daughters)\b")
WORSHIP_HINT_RE = re.compile(
    r"(?:Masjid|Mosque|Gurdwara|Mandir|Temple|Church|[ÉE]glise|Iglesia)(?:\s+|-[a-z]+-)"
    r"(?:[a-z]{1,3}\s+)*[A-ZÀ-Þ]"
)
# the words WORSHIP_HINT_RE needs, a quicker gate than the regex (which starts with a group
# of branches, one of them a class: tried at every position)
_WORSHIP_WORDS = ("Masjid", "Mosque", "Gurdwara", "Mandir", "Temple", "Church", "glise", "Iglesia")
_NAMED_HINT_WORDS = (
    "nursery",
    "playgroup",
    "school",
    "creche",
    "club",
    "church",
    "mosque",
    "gym",
    "group",
)
# the nouns NAMED_AFTER_RE starts with, as written in lower case (its matches start there)
_NAMED_NOUNS = (*(w for w in _NAMED_HINT_WORDS if w != "school"), "pre-school", "preschool")
NAMED_HINT_RE = re.compile(
    r"(?i:nursery|playgroup|pre-?school|creche|club|church|mosque|gym|group)\b"
)
_NOUN = by_first_letter(ORG_NOUN)  # the same nouns, quicker to try after every name
# the same as (?<![\w])(?P<name>(?:(?:St\.?|Saint)\s+)?{_NAME}{{1,4}}?), written to start with
# its capital (found quickly: a pattern that starts with a look-behind is tried everywhere)
_NAME_REST = r"(?:[\w'’-]*+[ \t]++(?:(?:of|the|and|&|al|el|de)[ \t]++)?)"  # _NAME after its capital
ORG_RE = re.compile(
    rf"(?P<name>[A-Z](?<![\w].)(?:(?<=S)(?:t\.?|aint)\s++{_NAME}{{1,4}}?|{_NAME_REST}{_NAME}{{0,5}}?))"
    rf"{_NOUN}"
    rf"(?:\s+(?:{_NOUN}|House|Hall\b|School\b|Co\b|LLP\b|PLC\b|CIC\b))*"  # "Juniors RLFC", "Grill House"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)\s+(?:Company|Troop|Pack|Unit))?"  # "Boys' Brigade 5th Company"
    r"(?:\s+&\s+[A-Z][\w'’-]+)?"  # "Zaman Travel & Cargo"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?(?![\w])"
)
_ONE_NOUN = re.compile(_NOUN)  # "Skate Park": one noun of two words
# more words and a noun after an organisation's noun: "Rathore Brothers Motor Spares"
_LONGER = re.compile(
    rf"(?:[ \t]+(?:[A-Z][\w'’-]*|\([A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*)?\))){{0,2}}?[ \t]+{_NOUN}(?![\w])"
)
_W = r"[\w'’-]"
# "Adeyemi & Co" (its name ends at the empty group "n"), or capitalised words joined by "&"
# ("Hillsborough Tyre & Exhaust", "The Crab & Lobster"; marked by "j"). It starts with its
# capital, outside any group, so the engine skips to capitals (a look-behind is tried everywhere)
FIRM_RE = re.compile(
    rf"[A-Z](?<![\w].)(?:{_W}++[ \t]++(?:[A-Z]{_W}++[ \t]++){{0,2}}(?P<n>)(?:&|and)[ \t]+"
    r"(?:Co|Sons|Partners|Daughters)\b\.?"
    rf"|(?:(?<=T)he[ \t]++(?:[A-Z]{_W}++[ \t]++){{1,3}}|{_W}++[ \t]++(?:[A-Z]{_W}++[ \t]++){{0,2}})"
    rf"&[ \t]++[A-Z]{_W}+(?:[ \t]+[A-Z]{_W}+)?(?P<j>))"
)
# "Jamia Masjid Ghausia", "Guru Nanak Gurdwara Walsall": places of worship named after the noun too
WORSHIP_AFTER_RE = re.compile(
    r"(?<![\w])(?P<name>(?:[A-Z][\w'’-]*[ \t]){0,3}"
    r"(?:Masjid|Mosque|Gurdwara|Mandir|Temple|Church|[ÉE]glise|Iglesia)"
    # "Gurdwara Baba Zorawar Singh Ji", "Masjid-e-Noor Blackburn", "Église de la Grâce Hull"
    r"(?:-[a-z]{1,2}-[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3}"
    r"|(?:[ \t]+(?:(?:de|du|des|la|le)[ \t]+)*[A-ZÀ-ÖØ-Þ][\w'’-]*){1,5}))(?![\w])"
)
_WORSHIP_STREET = re.compile(
    # (the street words the street grammar takes without a number: "Church Square" stays a
    # name here, redacted either way)
    r"(?:Masjid|Mosque|Gurdwara|Mandir|Temple|Church)[ \t]+(?:Road|Street|Lane|Avenue|Close"
    r"|Gardens|Terrace|Drive)\Z"
)
# "nursery (Bright Beginnings Burslem)", "nursery, Tiny Toes Audley,", "club is Biddulph Dolphins"
NAMED_AFTER_RE = re.compile(
    r"(?i:\b(?P<noun>nursery|playgroup|pre-?school|creche|club|church|mosque|gym|group))"
    r"(?:[ \t]*\([ \t]*|,[ \t]*|[ \t]+(?:is|was|called|named)[ \t]+)"
    # "nursery (Little Acorns at Coulby)": a branch named by its place after "at"
    r"(?P<name>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3}(?:[ \t]+at[ \t]+[A-Z][a-z]+(?=\)))?)"
)


def _worship_starts(text: str) -> list[tuple[int, int]]:
    """Where WORSHIP_AFTER_RE's matches can start: from three words before each noun it holds
    (words and blanks only) to the noun."""
    spans = []
    for word in _WORSHIP_WORDS:
        at = text.find(word)
        while at >= 0:
            noun = at - 1 if word == "glise" else at  # ("[ÉE]glise")
            lo, blanks = noun, 0
            while lo > 0 and (text[lo - 1].isalnum() or text[lo - 1] in "_'’- \t"):
                blanks += text[lo - 1] in " \t"
                if blanks > 3:
                    break
                lo -= 1
            spans.append((lo, noun))
            at = text.find(word, at + 1)
    return sorted(spans, key=lambda s: s[1])


# the nouns of a community's own place of meeting
_GATHERING_NOUNS = frozenset({"centre", "center", "hub", "association", "hall", "community"})


def _signed_name(st: State, line: str) -> bool:
    """Whether a line is a person's name alone: a given name and one or two more words."""
    keys = phrase_key(line)
    return 2 <= len(keys) <= 3 and keys[0] in st.lex.given and keys[0] not in st.lex.common


_COURSE_BEFORE = re.compile(
    r"\b(?:Level[ \t]+\d|NVQ|BTEC|GCSEs?|A[- ]?[Ll]evels?|Diploma[ \t]+in|Certificate[ \t]+in"
    r"|Award[ \t]+in|Foundation[ \t]+in|HNC|HND|T[- ]Level)(?:[ \t]+\d)?[ \t]+\Z"
)
_TITLE_BEFORE = re.compile(r"(?<![\w'’])([A-Za-z]{2,9})\.?[ \t]+(?:\d{2,6}[ \t]+)?\Z")


def _titled_before(text: str, start: int) -> bool:
    """Whether a title or rank stands just before ``start`` ("DS ", "PC 2241 ", "Dr. ")."""
    m = _TITLE_BEFORE.search(text, max(0, start - 20), start)
    return m is not None and m.group(1).lower() in HONORIFICS


def _by_noun(st: State, text: str, found: list[tuple[int, int, int]], add: Add, trim: Trim) -> None:
    """Organisations by the noun their name ends in (``found``: ORG_RE's and FIRM_RE's
    matches, as (start, end of the name, end))."""
    for m_start, name_end, m_end in found:
        start = trim(st, m_start, name_end)
        newline = text.find("\n", start, name_end)
        if newline > 0 and (
            _signed_name(st, text[start:newline]) or text[start:newline].rstrip().endswith(")")
        ):
            # "Lindsey Carver\nHousing Options Officer": a signature's lines; "… Nurse (Health
            # Visitor)\nDartmouth Clinic": a role's line, then the place
            start = text.rfind("\n", start, name_end) + 1
            if start >= name_end:
                continue
        if " and " in text[start:name_end].lower():  # (read in title case: " And ")
            start = after_and(st, start, name_end, m_end)
            if start < 0:
                continue
        keys = phrase_key(text[start:name_end])
        whole = phrase_key(text[start:m_end])
        if not keys or ends_protected(st, whole) or opens_protected(st, start, whole):
            continue
        if _COURSE_BEFORE.search(text, max(0, start - 24), start):
            continue  # "Level 2 Hair and Beauty", "BTEC Health and Social Care": a course
        if keys in st.lex.phrases.get(keys[0], ()) and keys not in st.lex.places:
            continue  # "Triple P Group", "Freedom Programme group": a programme's own group
        noun = word_key(text[name_end:m_end].split()[0]) if m_end > name_end else ""
        # a description before one noun ("Polish Club"); before two, a name ("Pool Rangers FC")
        one = _ONE_NOUN.fullmatch(text, name_end, m_end)
        if (
            noun in _GATHERING_NOUNS
            and COMMUNITIES.intersection(keys)
            and generic_name(st, keys)
            and (one or noun == "community")
        ):
            # "the Kurdish Community Centre", "Sudanese Community Hub": the community's own
            # place in its town, for the person importing to confirm (with its town, surer);
            # "the Polish Club" stays a description, as the first wave decided
            town = with_town(st, m_end)
            end = max(town, m_end)
            add(
                start, end, "org", " ".join(phrase_key(text[start:end])), 58 if town > m_end else 57
            )
            continue
        if generic_name(st, keys) and one and not named_trade(keys, noun):
            town = with_town(st, m_end)
            if (
                town > m_end
                and noun not in SERVICE_NOUNS
                and noun not in AGENCY_NOUNS
                and not protected_inside(st.lex, phrase_key(text[start:town]))
            ):
                # "Kurdish Community Centre Teesside": a description with its town is one place
                add(start, town, "org", " ".join(phrase_key(text[start:town])), 58)
            continue
        one_noun = len(text[name_end:m_end].split()) == 1
        if one_noun and a_person(st, (*keys, noun)):
            continue  # "Amy Chambers", "LADO Hayley Chambers": a noun that is also a surname
        if one_noun and noun in st.lex.surnames and any(k in HONORIFICS for k in keys):
            continue  # "IRO Mrs Beverley Chambers": a titled person, her surname a noun
        if one_noun and len(keys) <= 2 and keys[0] in st.lex.given and _titled_before(text, start):
            continue  # "DS Alan Crew": an officer, his surname a noun no list holds
        kind = ORG_KINDS.get(noun, "org")
        end = m_end
        while (longer := _LONGER.match(text, end)) is not None:
            end = longer.end()  # "Rahmani & Co Immigration Solicitors": the last noun ends it
        # a firm's last noun after a service's is a firm: "Cheshire Valet Services Ltd"
        tail = text[name_end:end]
        last = noun if _ONE_NOUN.fullmatch(tail) else word_key(tail.split()[-1])
        whole_keys = phrase_key(text[start:end])
        if "council" in whole_keys[:-1] or "council's" in whole_keys[:-1]:
            continue  # "Swale Borough Council Housing Options": the council's own service
        if (
            (
                (public_service(st, noun, keys) and public_service(st, last, keys))
                # "Community Dental Service": the kind of care is a noun of firms too
                or (
                    last != noun
                    and noun in SERVICE_TERMS
                    and public_service(st, last, whole_keys[:-1])
                )
            )
            and not named_trade(keys, noun)  # ("Kestrel Building Services": a firm)
        ):
            continue
        if health_trust(st, phrase_key(text[start:end])):
            continue
        town = with_town(st, end, comma=True)
        if town > end:  # with its town, unless a surer layer takes it as a street's
            add(start, town, kind, " ".join(phrase_key(text[start:town])), 58)
        add(start, end, kind, " ".join(phrase_key(text[start:end])), 58)


NURSERY_STARTS = frozenset({"little", "tiny", "busy", "happy", "bright", "small", "wee"})
# and the colours and crowns pubs are named with: "THE BLACK HORSE INN", "THE ROYAL OAK"
NURSERY_STARTS |= {"black", "white", "red", "green", "blue", "golden", "royal", "grey"}


def _trim_shouted(st: State, start: int, end: int) -> int:
    """In a line in capitals, the everyday words before a name too ("Family Attend …")."""
    start = trim_leading(st, start, end)
    # a verb of going inside the run ends what comes before it: "RILEY ATTENDS TINY STEPS
    # NURSERY" names the child, then the nursery
    for w in WORD_RE.finditer(st.text, start, end):
        if word_key(w.group()) in GOING:
            start = w.end()
    for w in WORD_RE.finditer(st.text, start, end):
        key = word_key(w.group())
        if key not in st.lex.common and key not in LEADING_WORDS and key not in HONORIFICS:
            break
        if SAINTLY.intersection(phrase_key(st.text[w.end() : w.end() + 8])[:1]):
            break  # "ALL SAINTS", "OUR LADY": part of the name
        if key in NURSERY_STARTS:
            break  # "LITTLE ANCHORS DAY NURSERY", "TINY STEPS", "BLACK HORSE INN": their names
        start = w.end()
    while start < end and not st.text[start].isalnum():
        start += 1
    return start


def _shouted(st: State, add: Add) -> None:
    """The organisations written in capitals, read in title case (character for character:
    "NENE GATE ACADEMY" is read as "Nene Gate Academy")."""
    text = st.text
    runs = capital_runs(text)
    if not runs:
        return
    titled = title_runs(text, runs)

    def add_shouted(start: int, end: int, kind: str, ident: str, priority: int) -> None:
        keys = phrase_key(text[start:end])
        if titled[start:end] == text[start:end]:
            return  # not in a line in capitals: read as written
        if FUNCTION_WORDS.intersection(keys):
            # "RETURNED FROM THE FARRIERS ARMS": the name after the last such word, if two
            # words or more ("PULLED HER BY THE HAIR" names nothing)
            after = [w.end() for w in WORD_RE.finditer(text, start, end)
                     if word_key(w.group()) in FUNCTION_WORDS]  # fmt: skip
            start = _trim_shouted(st, after[-1], end)
            keys = phrase_key(text[start:end])
            if len(keys) < 2 or "and" in keys or "the" in keys[1:] or generic_name(st, keys[:-1]):
                return
            ident = " ".join(keys)
        add(start, end, kind, ident, priority)

    for a, b in runs:  # each run alone: the rest of the text is read as written
        find_worship(st, titled, add_shouted, _trim_shouted, shouted=True, within=(a, b))
        _by_noun(st, titled, name_spans(ORG_RE.finditer(titled, a, b)), add_shouted, _trim_shouted)


def find_organisations(st: State, add: Add) -> None:
    """Add named organisations (by their noun, or named after one) to layer 1's candidates."""
    text = st.text
    find_branches(st, add)  # "Citizens Advice Nuneaton": before the place is read as kept
    find_football_clubs(st, add)
    find_named_places(st, add, trim_leading)
    find_worship(st, text, add, trim_leading)
    find_lower_worship(st, add)
    find_cued(st, add)
    find_named_services(st, add)
    find_single_word_orgs(st, add)
    find_kinds_after(st, add)
    find_housing_associations(st, add)
    _shouted(st, add)
    if "&" not in text and not any(noun in text for noun in ORG_HINTS_LIKELY_FIRST):
        return  # quick: none of the nouns that organisations' names end or start with
    firm = "&" in text or (_FIRM_GATE_RE.search(text) and FIRM_HINT_RE.search(text))
    firms = list(FIRM_RE.finditer(text)) if firm else []
    for m in firms:
        if m.start("j") >= 0:
            joined_firm(st, m, add)
    firm_names = [(m.start(), m.start("n"), m.end()) for m in firms if m.start("n") >= 0]
    _by_noun(st, text, [*name_spans(ORG_RE.finditer(text)), *firm_names], add, trim_leading)
    hint = any(w in text for w in _WORSHIP_WORDS) and WORSHIP_HINT_RE.search(text)
    worship = matches_in(WORSHIP_AFTER_RE, _worship_starts(text), text) if hint else []
    for m in worship:
        if _WORSHIP_STREET.search(m.group()):
            continue  # "Church Road", "Temple Street": a street named after the building
        start = trim_leading(st, m.start(), m.end())
        keys = phrase_key(text[start : m.end()])
        if not generic_name(st, keys) and not ends_protected(st, keys):
            add(start, m.end(), "org", " ".join(keys), 56)
    lower = lower_same_length(text)
    hinted = any(w in lower for w in _NAMED_HINT_WORDS)  # a quicker gate than a regex
    if not hinted:
        named: Iterable[re.Match[str]] = ()
    elif "ſ" in text:  # a long s, which only the regex's ignoring of case takes for an s
        named = NAMED_AFTER_RE.finditer(text)
    else:  # tried only at the nouns, found with str.find
        named = scan_near(NAMED_AFTER_RE, word_positions(lower, _NAMED_NOUNS), text, 0, 120)
    for m in named:
        keys = phrase_key(m.group("name"))
        if (
            not keys
            or generic_name(st, keys)
            or m.group("name").isupper()
            or keys[0] in st.lex.given
        ):
            continue
        kind = ORG_KINDS.get(m.group("noun").lower(), "org")
        joint = text[m.end("noun") : m.start("name")]
        if "," in joint and kind != "school":
            continue  # "the church, Walsall": a comma after a club or church starts something else
        if all(k in st.lex.protected_words for k in keys):
            continue  # a place: "nursery in Hanley"
        if all(k in DENOMINATIONS for k in keys):
            continue  # a faith's branch: "Church (Eritrean Orthodox, Bristol)"
        if keys in st.lex.phrases.get(keys[0], ()) or national_charity(m.group("name")):
            continue  # a programme or a national name: "parenting group (Triple P)"
        add(m.start("name"), m.end("name"), kind, " ".join(keys), 57)
