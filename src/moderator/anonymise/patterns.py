"""The patterns the redactor looks for, compiled once.

Each pattern starts with a character class or literal where it can, so the regex engine
skips quickly to plausible starts (a leading look-behind would make it try every position
of a long text); the character before a match is then checked with ``clean_left``. The
slow, word-by-word patterns (addresses, schools, practices) are only tried near their
keywords (``near``, from :mod:`.nearby`).
"""

from __future__ import annotations

import re

from moderator.anonymise.alternation import by_first_letter

# the window helpers live in .nearby; re-exported here, where the layers import them from
from moderator.anonymise.nearby import for_text
from moderator.anonymise.nearby import near as near
from moderator.anonymise.nearby import near_spans as near_spans
from moderator.anonymise.nearby import scan_near as scan_near
from moderator.anonymise.nearby import word_positions as word_positions

# Each pattern starts with a character class or literal, so the regex engine skips quickly to
# plausible starts; the character before a match is checked in Python (``clean_left``).
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def emails(text: str) -> list[re.Match[str]]:
    """What ``EMAIL_RE.finditer(text)`` gives, each match searched for from the start of the
    run of name characters before its "@" (the scan of the whole text tries every word).

    A match's name part runs unbroken up to its "@", so none starts before that run or
    where the last match ended; ``isalnum`` is what the engine's ``\\w`` tests, less "_".
    """
    out: list[re.Match[str]] = []
    pattern = for_text(EMAIL_RE, text)
    pos = 0
    while (at := text.find("@", pos)) >= 0:
        lo = at
        while lo > pos and ((c := text[lo - 1]).isalnum() or c in "_.+'-"):
            lo -= 1
        m = pattern.search(text, lo)
        if m is None:
            break
        out.append(m)
        pos = m.end()
    return out


URL_RE = re.compile(r"\b(?:https?://|www\.)[^\s<>()\"']+[^\s<>()\"'.,;:!?]")
# a public body's site, its address alone: "www.nottinghamcity.gov.uk", "https://www.nhs.uk/"
PUBLIC_URL_RE = re.compile(
    r"(?i:(?:https?://)?(?:[a-z0-9-]+\.)*(?:gov|nhs|police|parliament)\.uk"
    r"|(?:https?://)?(?:[a-z0-9-]+\.)*gov\.(?:wales|scot))/?\Z"
)
PHONE_RE = re.compile(
    # (the +44 and 0044 branches written out: a pattern that starts with literal characters is
    # scanned for quickly, one that starts with a group or a repeat is tried at every position)
    r"(?:\+44[\s-]?(?:\(0\)[\s-]?)?|0044[\s-]?(?:\(0\)[\s-]?)?|\(0|0 ?)\d(?:[ \t\-)]{0,2}\d|[ \t]?[‐‑‒–—][ \t]?\d){8,10}(?!\d)"
)  # (no line break between the digits: "07700 900 521⏎2. Dad…" is a number and a list item)
NHS_RE = re.compile(r"\d\d\d(?:[\s-]?\d{3}[\s-]?|\.\d{3}\.)\d{4}(?![\w-])")  # "603.881.2290" too
NHS_CUE_RE = re.compile(r"(?i:NHS(?:\s*(?:no\.?|number|num|#))?)\s*[:\-]?\s*$")
# Any two letters: real prefixes exclude some (D, F, I, Q, U, V) but example numbers such as
# QQ 12 34 56 C are what people type into notes, and the shape alone is distinctive.
# (its six digits in pairs, in threes or together: "ZH 114 702 D")
# (and the temporary number some employers issue: TN, the date of birth, M or F)
NI_RE = re.compile(
    r"[A-Z](?:[A-Z]\s?\d(?:[ \t]?\d){5}\s?[A-D]|(?<=T)N(?:[ \t]?\d\d){3}[ \t]?[MF])(?![\w])"
)
UPN_RE = re.compile(r"[A-HJ-NP-TV-Z] ?\d(?: ?\d){10} ?[0-9A-Z](?![\w])")  # "N 302118 765004"
VEHICLE_RE = re.compile(r"[A-Z][A-Z]\d{2}\s?[A-Z]{3}(?![\w])")
# Older registrations (P123 ABC, ABC 123P) only where the words before say it is a vehicle.
VEHICLE_OLD_RE = re.compile(
    r"[A-Z](?:[ \t]?\d{1,3}\s?[A-Z]{3}|[A-Z]{2}\s?\d{1,3}[ \t]?[A-Z])(?![\w])"
)
VEHICLE_CUE_RE = re.compile(
    r"(?i:\b(?:reg(?:istration)?(?:\s+(?:no\.?|number|plate))?|car|vehicle|van|plate|vrn|motorbike)"
    r"\b[\s:.-]*(?:is\s+|was\s+|of\s+)?)$"
)
CASE_NUMBER_RE = re.compile(
    r"[A-Z\d](?:(?<=[A-Z])[A-Z]{1,4}[-/]?\d{5,12}|(?<=[A-Z])[A-Z]{0,3}/\d{2,6}/\d{2,6}|(?<=\d)\d{5,})"
    r"(?![\w/-])"
)
REF_RE = re.compile(r"[A-Z0-9][A-Z0-9/-]{2,}(?<=\d)|[A-Z0-9][A-Z0-9/-]*\d[A-Z0-9/-]*[A-Z0-9]")
CASE_CUE_RE = re.compile(
    r"(?i:\b(?:(?:case|crime|incident|log|occurrence|client|person|child|mosaic|lcs|police|file"
    r"|hosp(?:ital)?|patient|booking|court|student|pupil|member|customer|tenant|interpreter)"
    r"\s*(?:no\.?|number|num|ref(?:erence)?|id|#)|ref(?:erence)?s?(?:\s*(?:no\.?|number))?|crime"
    r"|mosaic|lcs|log|incident|occurrence|urn|crn|cad|mrn|case|report|booking|ppn|uci"
    r"|account\s*(?:no\.?|number)"
    r"|ticket(?:\s*(?:no\.?|number|ref))?)\s*[:#.]?\s*"
    r"|\b(?:no|id|number)\s*[:#]\s*)$"  # any form's "no:": "Form no: FYYC-IR-024", "PPN NO:"
)
_COLLAR_NAME = r"[A-Z][A-Za-z'’]+(?:-[A-Z][A-Za-z'’]+)?"
# "PC 4471 Jenne Carbas-Moyla", "PC 1198 TRISTRIM OKONJA-BALE": a given name and a surname
# after the number (one space between them: a form's next field is further off; two where a
# scan doubled it, "PC 3317 Nicola  Bainbridge", unless a label's colon ends the second word:
# "PC 2241 Smith  Station: Hull")
# "COLLAR 4237", "collar no. 2290": the number a form gives after the officer's name
COLLAR_RE = re.compile(
    r"(?:PC|DC|PCSO|DS|DI|Sgt|PS|(?i:collar)(?:[ \t]*(?i:no\.?|number|num|#))?[ \t]*[:.]?)"
    r"\s?(?P<num>\d{3,5}(?:[A-Z]{2})?)\b"  # (the Met's: "4471LX", with its borough's code)
    rf"(?:\s+(?P<name>{_COLLAR_NAME}(?: {_COLLAR_NAME}|  {_COLLAR_NAME}(?![\w'’-]*[ \t]*:))?))?"
)

STREET_TYPES = (
    r"Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Cl|Crescent|Cres|Court|Ct|Grove|Gr"
    r"|Place|Pl|Gardens|Gdns|Terrace|Terr|Way|Walk|Rise|View|Square|Sq|Hill|Row|Mews|Parade"
    r"|Green|Vale|Croft|Bank|Meadows?|Chase|Fold|Park|Boulevard|Wharf|Quay|Yard|Grange|Heights"
    r"|Vennel|Wynd|Brae|Loan|Gait|Cottages|Lanes|Parkway|Circus|Approach|Nook|Dale"
    r"|Villas|Site|Works|Tower|Buildings|Mansions|Tce|Pde|Pk|Hse|Ho|Blvd|Cotts|Ride"
    r"|Top|Brow|Side|End|Hollow|Causeway"  # the North's "Bank Top", "Dock Brow", "Lake Side"
    r"|Ridge|Crest|Mount|Garth|Mead|Dene|Chare|Glade|Knoll|Leys|Spur"
    r"|Passage|Flats|Promenade|Esplanade"  # "12 Albemarle Passage", "14 Wellington Flats"
    r"|Fields|Hey"  # "8 Ryton Fields", "48 Kestrel Hey"
)
# the street words written short, after which an address's full stop is the abbreviation's
# ("Balby Rd."), not the sentence's ("… Pentowan Close. Then")
_SHORT_STREETS = ("Rd", "St", "Ave", "Ln", "Dr", "Cl", "Cres", "Ct", "Gr", "Pl", "Gdns", "Terr",
                  "Sq", "Tce", "Pde", "Pk", "Hse", "Ho", "Blvd", "Cotts")  # fmt: skip
SHORT_STREET_DOT = r"(?:\.(?:" + "|".join(f"(?<={w}\\.)" for w in _SHORT_STREETS) + "))?"
STREET_HINT = re.compile(
    r"(?:Road|Street|Avenue|Lane|Drive|Close|Crescent|Grove|Gardens|Terrace|Mews|Rd|Ave"
    r"|Boulevard|Promenade|Esplanade|Square|Parade|Way)\b"
)
# Where a house number may start an address: a number followed by a space, comma or letter
# (not 12/04 or 10:30), possibly after "Flat 3, ".
ADDRESS_START_RE = re.compile(r"\d\d{0,3}(?=[A-Za-z]?,?\s+[A-Z]|-\d)")
# a flat, unit or pitch before the house number ("Flat 3, ", "Pitch 4, "; Scottish "3/2, ")
# a floor of an office building before its number: "2nd Floor, 14 Bellenden Parade"
_FLOOR = (
    r"(?:Ground|First|Second|Third|Fourth|Fifth|Top|Lower|Upper|\d{1,2}(?:st|nd|rd|th))\s+Floor,?"
)
FLAT_PREFIX = rf"(?:(?:Flat|Apartment|Apt|Unit|Room|Suite|Studio|Pitch|Plot|Caravan|Chalet|Bungalow|Maisonette|Annexe)\s+(?:\d+|[A-Z])[A-Za-z]?(?:/\d+)?,?|\d{{1,2}}/\d{{1,2}},|No\.?(?=\s+\d)|{_FLOOR})"
FLAT_BEFORE_RE = re.compile(
    rf"(?:{FLAT_PREFIX}\s+|(?:Flat|Apartment|Apt|Unit|Room|Suite|Studio|Pitch|Plot|Caravan|Chalet|Bungalow|Maisonette|Annexe|No\.?)\s+)$"
)
CAPWORD = r"[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*"
# "of" inside a street's name, after a title or an island: "Prince of Wales Road", "Duke of
# York Street", "Isle of Wight Close" (not "Meeting of Hope Street residents")
_OF = (
    r"(?:(?:(?<=Prince[ \t])|(?<=Princess[ \t])|(?<=Duke[ \t])|(?<=Duchess[ \t])|(?<=Earl[ \t])"
    r"|(?<=Isle[ \t])|(?<=Lord[ \t])|(?<=King[ \t])|(?<=Queen[ \t]))(?i:of)[ \t]+(?=[A-Z]))?"
)
# a street of the North named with its old word for a way: "22 Botchergate", "9 Micklegate"
FUSED_GATE = r"[A-Z][a-z]{2,}gate"
ADDRESS_RE = re.compile(
    rf"(?<![\w/])(?:{FLAT_PREFIX}\s+)?"
    r"\d{1,4}[A-Za-z]?(?:-\d{1,4}[A-Za-z]?)?,?\s+"
    rf"(?:(?:{CAPWORD}[ \t]+{_OF}){{1,3}}(?:{STREET_TYPES}){SHORT_STREET_DOT}|{FUSED_GATE})(?![\w])"
    r"(?:[ \t]+(?:North|South|East|West)(?![\w]|[ \t]+[A-Z]))?"  # "41 Park Road North"
    rf"(?:,[ \t]*{CAPWORD}(?:[ \t-](?:on|upon|under|in|le|{CAPWORD})){{0,3}}(?![\w]))?"
)
STREET_RE = re.compile(
    rf"(?<![\w])(?:{CAPWORD}[ \t]+{_OF}){{1,2}}"
    r"(?:Road|Street|Avenue|Lane|Drive|Close|Crescent|Grove|Gardens|Terrace|Mews|Rd|Ave"
    r"|Boulevard|Promenade|Esplanade|Square|Parade|Way)(?![\w])"
)
SCHOOL_HINT = re.compile(
    r"(?:Primary|School|Academy|College|Nursery|Infant|Junior|PRU|Sixth|Pupil)\b"
)
SCHOOL_RE = re.compile(
    # (words joined by a space or two: a line's end or a table's wide gap parts two names)
    r"(?<![\w])(?P<name>(?:(?:St\.?|Saint)[ \t]{1,2})?(?:[A-Z][\w'’&-]*[ \t]{1,2}(?:(?:on|upon|under|of|in|the|and|&|de|la|le)[ \t]{1,2})?){1,4}?)"
    r"(?:(?:C\s?of\s?E|CE|C\.E\.|RC|R\.C\.|Catholic|Church\s+of\s+England|Methodist|Community"
    r"|Free|Special|Infants?|Junior|Nursery|Primary|Secondary|High|Grammar|Technical|Business"
    r"|and|&)[ \t]{1,2})*"
    r"(?:Primary\s+School|Primary\s+Academy|Infants?\s+School|Junior\s+School|Nursery\s+School"
    r"|High\s+School|Secondary\s+School|Grammar\s+School|Academy|College|School"
    r"|Sixth\s+Form(?:\s+(?:College|Centre))?"
    r"|Pupil\s+Referral\s+Unit|PRU|Infants|Nursery"
    r"|Primary(?!\s+(?:Mental|Care|Health|Prevention|Need|Carer|Worker|Team|School|Academy)\b))"
    r"(?![\w])(?![ \t]+(?:Wear|Uniforms?|Outfitters)\b)"  # "Kirby's School Wear": a shop
)
GP_HINT = re.compile(r"(?:Surgery|Practice|Medical|Health\s+Cent|Care\s+Cent|Dental|Wellbeing)")
GP_RE = re.compile(
    r"(?<![\w])(?P<name>(?:[A-Z][\w'’&-]*\s+){1,4}?)"
    r"(?:Medical\s+Cent(?:re|er)|Medical\s+Practice|(?:Primary\s+)?(?:Health|Care)\s+Cent(?:re|er)"
    r"|(?:Health\s+(?:&|and)\s+)?Wellbeing\s+Cent(?:re|er)|Family\s+Practice|Group\s+Practice|Dental\s+(?:Care|Practice|Surgery|Cent(?:re|er))"
    r"|Surgery|Practice)(?![\w])"
)
# A short capitalised phrase in quotes is usually a nickname ('Dex', 'Big Mo').
QUOTED_RE = re.compile(
    r"['\"“‘](?<![\w]['\"“‘])(?P<q>[A-Z][\w’-]*(?:[ \t]+[A-Z][\w’-]*){0,2})['\"”’](?![\w])"
)
HOME_HINT = re.compile(r"(?:Children['’]?s\s+Home|Care\s+Home|Residential\s+Home|Lodge|Hostel)\b")
HOME_RE = re.compile(
    r"(?<![\w])(?P<name>(?:[A-Z][\w'’&-]*\s+){1,3}?)"
    r"(?:Children['’]?s\s+Home|Care\s+Home|Residential\s+Home|Lodge|Hostel)(?![\w])"
)
# (a run of capitals that fails the look-ahead fails shorter too: possessive, no retries)
INITIALS_RE = re.compile(r"[A-Z](?:(?:\.\s?[A-Z]){1,3}\.?|[A-Z]{1,3}+)(?![\w])")
ALIAS_HINT = re.compile(  # branched on the first letter: one test per letter of the text
    by_first_letter(
        r"(?:known|Known|KNOWN|aka|AKA|Aka|a\.k\.a|nickname|Nickname|goes|calls|called|Called"
        r"|named|Named|street|Street|name|referred|English|Western|uses|prefers)"
    )
    + r"\b"
)
ALIAS_RE = re.compile(
    r"(?i:\b(?:also\s+known\s+as|known\s+as|aka|a\.k\.a\.?|nicknamed|nickname(?:\s+is)?|goes\s+by"
    r"|calls\s+(?:him|her|them)sel(?:f|ves)|calls(?:\s+(?:him|her|them))?|called|named(?:\s+(?:him|her|them|one|the\s+\w+))?(?:\s+as)?|referred\s+to\s+as|name\s+(?:is|was|to)|street\s+name(?:\s+is)?"
    r"|(?:english|western|chosen|preferred)\s+name(?:\s+is)?"
    r"|(?<=\()(?:uses|prefers)(?:\s+the\s+name)?))"  # "(uses Kelvin)": the name he goes by
    r"\s*:?\s*(?:[\"'“‘](?P<q>[^\"'”’\n]{1,30})[\"'”’]"
    # (a title and the name after it: "a pc called PC Matt Oxley")
    r"|(?P<w>(?:(?:PC|DC|DS|DI|PCSO|Sgt|Mrs?|Ms|Miss|Dr)\.?[ \t]+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?))"
)


DIGITS_RE = re.compile(r"\d+")
NON_DIGIT = re.compile(r"\D")
# runs of digits with at most 50 other characters between: one stretch of digit_regions()
# (\d\d* and not \d+: a pattern that starts with one character is scanned for quickly)
_DIGIT_CLUSTER_RE = re.compile(r"\d\d*(?:\D{0,50}\d+)*")
_DIGIT_CLUSTER_ASCII = re.compile(_DIGIT_CLUSTER_RE.pattern, re.ASCII)  # for_text's twin
NOT_DIGITS = str.maketrans("", "", "0123456789")
HANDLE_CUE_WORDS = (
    "user",
    "handle",
    "gamer",
    "account",
    "profile",
    "screen",
    "snap",
    "insta",
    "tiktok",
    "facebook",
    "twitter",
    "discord",
    "xbox",
    "psn",
    "whatsapp",
    "roblox",
    "fortnite",
    "minecraft",
    "steam",
    "youtube",
    "twitch",
    "telegram",
    "drill",
    "rap name",
    "stage name",
    "online",
    "tagged",
)


def digit_regions(text: str, before: int = 25, after: int = 25) -> list[tuple[int, int]]:
    """Stretches of text around its digits, merged: where every numeric identifier must lie.

    Phone, NHS, NI and case numbers, postcodes, registrations and dates all contain a
    digit; scanning only these stretches (with a margin wide enough for "+44 (0)",
    "September " or " ABC") is much faster than scanning the whole text for each.
    """
    # runs of digits at most before + after apart share a stretch: the regex joins them
    gap = before + after
    cluster = _DIGIT_CLUSTER_RE if gap == 50 else re.compile(rf"\d+(?:\D{{0,{gap}}}\d+)*")
    if cluster is _DIGIT_CLUSTER_RE and text.isascii():  # each character is tested: by table
        cluster = _DIGIT_CLUSTER_ASCII
    size = len(text)
    return [
        (max(0, m.start() - before), min(size, m.end() + after)) for m in cluster.finditer(text)
    ]


def clean_left(text: str, start: int, also: str = "") -> bool:
    """Whether nothing word-like (or in ``also``) touches a match on its left."""
    if start == 0:
        return True
    c = text[start - 1]
    return not (c.isalnum() or c == "_" or c in also)


# between a cue and the name: "neighbour, Gary", "HV - Sarah", "her mam is Bethan"
FIRST_GAP = re.compile(r"[ \t]*[,:(]?[ \t]*|[ \t]+[-–][ \t]+|[ \t]+(?:is|was)[ \t]+")
INNER_GAP = re.compile(r"[ \t]+|-")
INITIAL_BEFORE = re.compile(r"(?<![\w.])([A-Z])\.?[ \t]+$")
INITIAL_AFTER = re.compile(r"[ \t]+([A-Z])\.?(?![\w]|['’][A-Za-z])")  # (not "O'Connor"'s O)
SENTENCE_END = frozenset('.!?:;\n"“”(•*')


def nhs_valid(digits: str) -> bool:
    if len(digits) != 10 or len(set(digits)) == 1:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def phone_ok(s: str) -> bool:
    digits = NON_DIGIT.sub("", s)
    if s.lstrip().startswith(("+", "0044")):
        digits = digits[4:] if s.lstrip().startswith("0044") else digits[2:]
        if "(0)" in s:
            digits = digits.lstrip("0")
        return len(digits) in (9, 10)
    return len(digits) in (10, 11)
