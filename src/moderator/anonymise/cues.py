"""Words around a name that say who it is, and words that say a phrase is not a person."""

from __future__ import annotations

import re

from moderator.anonymise.cues_relations import RELATIONS
from moderator.anonymise.kin_words import KIN_TITLES
from moderator.anonymise.lexicon import phrase_key


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


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
    "ps": "professional",  # a police sergeant: "PS Quinton", "PS 3390 MARTIN QUINTON"
    "dci": "professional",
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
    "hhj": "professional",
    "dj": "professional",
    "recorder": "professional",  # a part-time judge: "ICO (Recorder Trudgeon)"
    # the forces' ranks: "Capt. Nirmal Thapa", "Cpl Dan Lee" (a family in service housing)
    "capt": "professional",
    "maj": "professional",
    "lt": "professional",
    "cpl": "professional",
    "lcpl": "professional",
    "col": "professional",
    # the other ranks' short forms: "SSgt Tom Rees", "Pte Kyle Ward" (a warrant officer's
    # "WO2", a word with its digit, is a title of names_titled)
    "ssgt": "professional",
    "csgt": "professional",
    "pte": "professional",
    "spr": "professional",
    "gnr": "professional",
    "tpr": "professional",
    "bdr": "professional",
    "lbdr": "professional",
}
# titles of faith, rank and address written before a professional's or another person's name
# ("Fr. Donal Keane", "Sister Ann Pryce", "Det. Sgt Mawby", "Pandit Ravi Joshi"); they go with
# the name (a title left beside a placeholder narrows who it was), but find no name alone
NAME_TITLES = frozenset(
    {"fr", "father", "sister", "brother", "pastor", "elder", "imam", "pandit", "bishop",
     "canon", "rabbi", "deacon", "sheikh", "shaykh", "ustadh", "maulana", "moulana", "granthi",
     "bhai", "det", "detective", "supt", "superintendent", "ch", "chief", "apostle", "evangelist",
     "prophet", "reverend", "rev", "revd", "sr", "cllr", "lady", "lord", "sir", "dame", "qari",
     "hafiz", "ustaz", "mufti", "ven", "venerable", "swami", "giani", "vicar", "chaplain",
     # forms of address in the families' languages ("pani Krystyna", "Pr. Josué", "Alhaji Musa")
     "pr", "pani", "sra", "srta", "herr", "frau", "mme", "mlle", "signora", "signor", "senhor",
     "senhora", "señor", "señora", "alhaji", "alhaja", "hajia", "haji", "hajji"}
)  # fmt: skip
FEMALE = {"mrs", "ms", "miss"}
MALE = {"mr"}
ROLE_CUES = frozenset(
    " ".join(phrase_key(p))
    for p in [
        "health visitor",
        " hv",
        " school nurse",
        " nurse",
        " midwife",
        " teacher",
        " class teacher",
        " form tutor",
        " tutor",
        " head teacher",
        " headteacher",
        " head",
        " deputy head",
        " senco",
        " dsl",
        " safeguarding lead",
        " designated safeguarding lead",
        " social worker",
        " sw",
        " iro",
        " independent reviewing officer",
        " personal adviser",
        " personal advisor",
        " pa",
        " key worker",
        " keyworker",
        " family support worker",
        " fsw",
        " support worker",
        " youth worker",
        " yot worker",
        " camhs worker",
        " camhs practitioner",
        " practitioner",
        " therapist",
        " counsellor",
        " psychologist",
        " psychiatrist",
        " paediatrician",
        " consultant",
        " gp",
        " officer",
        " police officer",
        " pcso",
        " detective",
        " solicitor",
        " barrister",
        " guardian",
        " children's guardian",
        " cafcass officer",
        " manager",
        " team manager",
        " tm",
        " atm",
        " practice manager",
        " head of service",
        " advocate",
        " mentor",
        " learning mentor",
        " housing officer",
        " probation officer",
        " idva",
        " isva",
        " lado",
        " chair",
        " conference chair",
        " interpreter",
        " supervising social worker",
        " ssw",
        " ewo",
        " education welfare officer",
        " worker",
        " nursery worker",
        " childminder",
        " health worker",
        " dentist",
        " pharmacist",
        " ta",
        " teaching assistant",
        " coach",
        " driver",
        " taxi driver",
        " coordinator",
        " co-ordinator",
        " instructor",
        " trainer",
        " receptionist",
        " caretaker",
        " chaplain",
        " pastor",
        " imam",
        " vicar",
        " priest",
        " caseworker",
        " case worker",
        " duty worker",
        " officer in the case",
        " oic",
        " midwife",
        " student social worker",
        " dr",
        " doctor",
        " pastoral lead",
        " pastoral manager",
        " attendance officer",
        " designated teacher",
        " outreach worker",
        " play worker",
        " speech therapist",
    ]
)
# the agency a professional is listed for in brackets: "Mordecai (school)", "Asha (health)"
AGENCY_CUES = frozenset(
    {"school", "health", "police", "housing", "nursery", "college", "education", "probation",
     "camhs", "yot", "yjs", "la", "gp", "hospital", "ward", "ed", "a&e", "cafcass",
     "early help", "children's services", "social care", "csc", "edt", "mash", "dwp",
     "school nursing", "midwifery", "health visiting", "sen", "send", "virtual school",
     "family support", "youth service", "youth work", "youth justice", "housing association"}
)  # fmt: skip
# (the list is long: it lives in cues_relations.py), and the kin words of the languages of
# English towns of four letters or more ("teta Mirela", "hooyo Faduma"; the shorter, "ah",
# "em", "co", are words of other languages too), but for those that are names and nicknames
# too ("Lola", "Bibi", "Lolo (Wiktoria)")
_KIN_NAMES = frozenset({"bebe", "bibi", "dida", "lola", "lolo", "nana"})
RELATION_CUES = RELATIONS | {k for k in KIN_TITLES if len(k) >= 4 and k not in _KIN_NAMES}
REPORT_VERBS = _words(
    "said says stated states reported reports told tells explained explains disclosed discloses "
    "shared shares confirmed confirms advised advises agreed agrees asked asks denied denies "
    "admitted admits described describes alleged alleges mentioned mentions added informed "
    "informs refused refuses cried shouted screamed texted messaged rang phoned emailed replied "
    "responded presented appeared attended arrived left lives lived visited visits threatened "
    "hit punched kicked assaulted smacked slapped pushed grabbed was is has had will would "
    "wants wanted feels felt thinks thought became becomes"
)
WEAK_VERBS = _words(
    "said says stated reported told explained disclosed shared confirmed advised agreed asked "
    "denied admitted described alleged mentioned added informed refused cried shouted texted "
    "messaged rang phoned replied responded threatened hit punched kicked assaulted smacked "
    "slapped pushed grabbed"
)
PRE_WEAK = _words(
    "with and visited saw met told asked contacted phoned rang texted messaged to "
    "spoke speak speaking to"
)
POSSESSED = _words(
    "mum mother dad father house home flat address partner boyfriend girlfriend car brother "
    "sister son daughter children kids baby friend friends nan family room bedroom phone care "
    "school mobile wife husband ex parents behaviour mates"
)
# Words that head the name of an organisation or place, and endings English nouns have and
# names rarely do: evidence that a capitalised phrase is not a person.
INSTITUTION_NOUNS = _words(
    "centre center army service services team unit house hall court trust council group project "
    "club foundation partnership hub network alliance association society church chapel hospital "
    "clinic ward office station library park market shop store hotel pub inn bar cafe stadium "
    "arena college school academy nursery university company ltd limited co plc agency board "
    "panel committee forum programme scheme campaign fund charity home homes lodge estate "
    "road street avenue lane way close drive order act plan assessment hospice surgery pharmacy "
    "prison mosque temple gurdwara bridge heath moor ford gate cross end bank vale green wood "
    "field fields hill common marsh bay valley village town city retail shopping precinct grant "
    "allowance benefit payment credit manor castle tower towers mill farm abbey grange wharf quay "
    "dock heights gardens"
)
# Nouns of public services named after the place they serve ("Northumbria Police",
# "Cumberland Infirmary", "Wyre Council"): the words before them are a place, never a person.
PUBLIC_SERVICE_NOUNS = _words("police constabulary infirmary council")
# "to" is a cue only after these ("spoke to Tyler"); "went to Barclays" is a place.
SPEAKING_VERBS = _words(
    "spoke speak speaks speaking talked talk talks talking said says explained explain wrote "
    "write introduced listened reported disclosed disclose lied apologised chatted replied"
)
# Words before a capitalised word that point to a place rather than a person.
PLACE_PREPOSITIONS = _words("in at near into towards from outside around")
NON_NAME_ENDINGS = (
    "ship",
    "ment",
    "tion",
    "sion",
    "ness",
    "ity",
    "ance",
    "ence",
    "ism",
    "ist",
    "ive",
    "ous",
    "ful",
    "less",
    "able",
    "ible",
    "ical",
    "ology",
    "ware",
    "ing",
    "ings",
    "ies",
    "hood",
)
# Words that may precede a school or practice name without being part of it ("At", "The").
LEADING_WORDS = _words(
    "a an the at to from in on into and or but of for by with attends attended attending "
    "attend visited visit called contacted rang phoned his her their its our my your this that "
    "new old former current previous local both said says told then when while whilst "
    "mum dad nursery school college academy primary via also now still currently previously "
    "formerly since joined moved left started starts transferred"
)
NAME_SKIP = _words(
    "baby unborn child infant unknown mr mrs ms miss mx dr jr jnr snr sr junior senior the of"
)
PAREN_CUE_RE = re.compile(
    r"\s*[(,]\s*(?:(?:the|a|an|his|her|their|my|mum'?s|dad'?s|mother'?s|father'?s|[A-Z]\w*['’]s)\s+)?"
    r"(?P<cue>[A-Za-z][A-Za-z'’-]*(?:\s+[A-Za-z][A-Za-z'’-]*)?)"
)
AGE_AFTER_RE = re.compile(
    r"\s*[(,]?\s*(?:aged?\s*)\d{1,2}\b|\s*\(\s*\d{1,2}\s*(?:yrs?|years?)?\s*\)"
    r"|[ \t]*,[ \t]*\d{1,2}(?:[ \t]*(?:yrs?|years?(?:[ \t]+old)?|y/?o))?[ \t]*[,;.)](?!\d)"
)  # ("Dean Marsh, 24, known to police": an age between commas)


# pets by their kind ("a dog called Rocket", "Biscuit the cat") and toys ("her teddy Dewi"): a
# pet's or a toy's name, not a person
PETS = (
    r"(?:dog|dogs|puppy|pup|cat|cats|kitten|rabbit|bunny|hamster|guinea\s+pig|gerbil|horse"
    r"|pony|snake|lizard|bearded\s+dragon|tortoise|fish|budgie|parrot|ferret|rat|staffy|staffie"
    r"|bulldog|terrier|spaniel|collie|husky|pet"
    r"|teddy|teddy\s+bear|soft\s+toy|cuddly\s+toy|doll|dolly)"  # and a child's toys
)
PET_BEFORE_RE = re.compile(rf"(?i:\b{PETS}\s+(?:(?:is|was)\s+)?)$")  # before "called" / "named"
PET_NAMED_RE = re.compile(rf"(?i:\b{PETS}\s+(?:(?:is|was)\s+)?(?:called|named)\s+)$")
# after a pet's name: "Bruno the dog", "bailey (my dog)"
PET_AFTER_RE = re.compile(
    rf"[ \t]+the[ \t]+(?i:{PETS})\b|[ \t]*\((?i:(?:my|our|the|his|her|their)[ \t]+{PETS})\)"
)


CALENDAR_WORDS = frozenset(
    {"jan", "feb", "mar", "apr", "may", "june", "jun", "july", "jul", "aug", "sept", "sep"}
    | {"oct", "nov", "dec", "january", "february", "march", "april", "august", "september"}
    | {"october", "november", "december", "monday", "tuesday", "wednesday", "thursday"}
    | {"friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs"}
    | {"fri", "sat", "sun", "christmas", "easter", "mondays", "tuesdays", "wednesdays"}
    | {"thursdays", "fridays", "saturdays", "sundays"}
)
"""Months and weekdays, whole and short, and the feasts: words of a time, not of a name."""


# words a letter grades or names, so that "band C." ends a sentence, not an initial before
# a name ("band C. Ahmad worries", "SUPPLY OF CLASS A. KACPER WAS …")
LETTER_LABEL_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:band|class|grade|category|level|tier|priority|type|group|stage|plan"
    r"|option|part|phase|block|wing|zone|bay|room|section|appendix|schedule)[ \t]+\Z"
)


# numbers said in words, for the layers that read dictation (numbers_said.py, codes_spoken.py,
# an e-mail spelt aloud in layer_variants.py)
NUMBER_UNITS = "one|two|three|four|five|six|seven|eight|nine"
NUMBER_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
NUMBER_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UP_TO_99 = rf"(?:(?:{NUMBER_TENS})(?:[ \t-]+(?:{NUMBER_UNITS}))?|{NUMBER_TEENS}|{NUMBER_UNITS})"
SPOKEN_YEAR = (
    rf"(?:(?:nineteen|twenty)[ \t-]+(?:(?:{NUMBER_TENS})(?:[ \t-]+(?:{NUMBER_UNITS}))?"
    rf"|{NUMBER_TEENS}|oh[ \t-]+(?:{NUMBER_UNITS}))|two[ \t]+thousand(?:[ \t]+and)?[ \t]+{_UP_TO_99})"
)
"""A year said in words (``nineteen ninety one``, ``two thousand and five``), as a pattern."""


# the small words inside a town's hyphenated name ("Kirkby-in-Furness", "Stratford-upon-Avon"),
# which no person's double-barrelled surname holds
PLACE_JOIN_WORDS = frozenset(
    {"in", "on", "upon", "under", "le", "by", "en", "super", "the", "next", "sur"}
)
PLACE_JOINED_RE = re.compile(r"(?i)[a-z]-(?:" + "|".join(sorted(PLACE_JOIN_WORDS)) + r")-[a-z]")
"""A hyphenated name joined by one of :data:`PLACE_JOIN_WORDS`: a town's, no one's."""
