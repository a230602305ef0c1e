"""What children and families call their relatives, in the languages of English towns.

A data module: :mod:`.names_around` (which joins a kin word to the name beside it) and
:mod:`.cues` (which reads a kin word before a capitalised word as evidence of a name) both
read it, and neither may import the other.
"""

from __future__ import annotations

# what children and families call their relatives, in the languages of English towns
# kin words said in pairs (Cantonese and Mandarin grandparents): "Por Por", "Gung Gung"
KIN_PAIRS = frozenset(
    {"por por", "gung gung", "nai nai", "ye ye", "lao lao", "ah ma", "ah mah", "ah gong", "ah po"}
    | {"ngin ngin", "yeh yeh", "mah mah", "poh poh", "ah yeh", "ah ngin"}
)
KIN_TITLES = frozenset(
    {
        # English
        "nana", "nanna", "nanny", "nan", "nanan", "granny", "grandma", "grandad", "granda",
        "grandpa", "gran", "grampy", "grandy", "auntie", "aunty", "aunt", "uncle", "mummy",
        "mommy", "mammy", "mama", "mamma", "daddy", "papa", "pops",
        # Slovak, Czech, Albanian, Romanian, Swedish, Yiddish, Hebrew, Sudanese, Somali,
        # Afrikaans, Kannada and Marathi words for grandparents and parents (round 23)
        "babka", "dedko", "mamička", "ocko", "baka", "gjyshe", "buni", "bunico", "mormor",
        "farmor", "morfar", "farfar", "bubbe", "zayde", "savta", "haboba", "habooba", "jidda",
        "abooto", "ayeeyada", "oupa", "ajji", "ajja", "aaji", "ajoba", "phuphi",
        # Nepali grandparents (round 24)
        "bajai", "baje",
        # South Asian
        "ammi", "ammu", "amma", "abbu", "abba", "abu", "nani", "nanu", "dadi", "dada", "chacha",
        "chachi", "chachu", "mamu", "mami", "khala", "khalu", "phupho", "phuppo", "bhai",
        "bhaiya", "baji", "apa", "aapa", "appi", "didi", "bibi", "masi", "mausi", "tayi",
        # Somali, Arabic, Kurdish, Turkish
        "hooyo", "aabo", "abo", "ayeeyo", "awoowe", "eedo", "habo", "adeer", "baba", "kak", "kaka", "xala", "mam", "teyze", "amca", "dayi", "abla", "abi", "ammo", "khalto",
        "jiddo", "teta", "sitto", "abuya", "ummi", "ommi", "tati",
        # Eastern European, Romani
        "bunica", "bunicu", "mamaia", "tataia", "tata", "tato", "mamo", "babcia", "dziadek",
        "babushka", "dedushka", "dido", "bako", "deda", "bica", "mamica", "tetka",
        # West African, Caribbean
        "iya", "maame", "paa", "nne", "nna", "grannie",
        # Southern African (Shona, Ndebele, Zulu)
        "mai", "sekuru", "ambuya", "gogo", "tete", "mbuya",
        # Southern European, Welsh, Irish
        "nonna", "nonno", "yiayia", "papou", "abuela", "abuelo", "tia", "tio", "tante", "oma",
        "opa", "mamgu", "tadcu", "nain", "taid", "mamó", "daideo",
        # Vietnamese, Chinese (Cantonese "Ah Long"), Tagalog
        "anh", "chị", "chi", "em", "cô", "co", "chú", "chu", "bác", "bac", "dì", "cậu", "cau",
        "bà", "ông", "ong", "ah", "kuya", "lola", "lolo", "tita", "tito",
        # more of the languages of English towns: Nepali, Tamil, Malayalam, Sinhala, Bengali,
        # Punjabi, Gujarati, Hindi
        "aama", "buwa", "hajurama", "hajuraama", "hajurbuwa", "hajurba", "bahini", "appa",
        "paati", "thatha", "akka", "thambi", "thangachi", "chithi", "chithappa", "periyamma",
        "periyappa", "athai", "ammamma", "ammachi", "appachan", "ammoomma", "achan", "aachchi",
        "dadu", "didu", "thamma", "mashi", "pishi", "kaku", "jethu", "jethima", "boudi", "dida",
        "bebe", "biji", "bapu", "bapuji", "pitaji", "mataji", "maaji", "dadaji", "dadiji",
        "nanaji", "naniji", "massi", "bhua", "taya", "bhabhi", "bhabi", "jiju", "tauji", "taiji",
        "mamaji", "mamiji", "motiba", "foi",
        # Arabic, Kurdish, Farsi and Dari, Turkish, Somali, Amharic and Tigrinya, West and
        # Southern African
        "jaddah", "jadda", "sitti", "khalo", "khalti", "daya", "dayka", "bavo", "dapir", "bapir",
        "maman", "madarjan", "babajan", "khaleh", "amoo", "babaanne", "anneanne",
        "abti", "eeddo", "habaryar", "aabbe", "emaye", "abaye", "emama", "iyami",
        "nnenne", "paapa", "ugogo", "umkhulu",
        # Polish, Czech and Slovak, Romanian, Lithuanian, Russian and Ukrainian, Hungarian,
        # Albanian, Greek, Italian, Spanish, Portuguese
        "ciocia", "wujek", "wujcio", "dziadzia", "dziadziu", "babunia", "babi", "babička",
        "babicka", "děda", "dědeček", "dedecek", "mamka", "tatka", "maminka", "bunicul",
        "bunicuta", "mamaie", "tataie", "močiutė", "mociute", "senelis", "senele", "babulya",
        "babusia", "babusya", "dedulya", "didus", "nagymama", "nagyi", "nagypapa", "gjyshja",
        "gjyshi", "giagia", "pappous", "pappou", "nonnina", "nonnino", "abuelita", "abuelito",
        "avó", "avô", "avo", "vovó", "vovô", "vovo",
        # Tagalog, Vietnamese, Chinese, Korean, Japanese; English
        "inay", "itay", "nanay", "tatay", "má", "mẹ", "bố", "nainai", "yeye", "laolao", "laoye",
        "popo", "gunggung", "gonggong", "ahma", "ahgong", "umma", "omma", "eomma", "halmeoni",
        "halmoni", "harabeoji", "obaachan", "ojiichan", "grampa", "gramps", "grandpop",
        "nannie", "granma", "gramma", "grandmum", "grandmom",
        # round twenty-six: more of the languages of English towns (Tamil, Malayalam, Telugu,
        # Bengali, Urdu, Turkish, Kurdish, Farsi, Pashto, Tigrinya, Twi, Shona, Swahili,
        # Bulgarian, Slovak, Hungarian, Lithuanian, Latvian, Russian, Albanian, Greek, Italian,
        # Spanish, Portuguese, Tagalog, Mandarin, Nepali, Sinhala, Mauritian Creole, French,
        # Welsh, Irish, Caribbean English and Romani)
        "appamma", "appappa", "ammappa", "appooppan", "valiyamma", "valiyachan", "nanamma",
        "thatayya", "thakuma", "thakurda", "kakima", "mumani", "amto", "amti", "yenge", "enişte",
        "enishte", "dayik", "xalti", "madarbozorg", "pedarbozorg", "ammeh", "daei", "abaji",
        "nyaa", "tror", "akst", "agot", "aboy", "wofa", "sewaa", "amai", "babamukuru",
        "shangazi", "mjomba", "babu", "dyado", "lelya", "chicho", "vuycho", "bate", "strýko",
        "strejko", "strejda", "ujo", "néni", "neni", "bácsi", "bacsi", "tėtis", "tetis", "dėdė",
        "vecmamma", "vectētis", "vectetis", "onkulis", "tyotya", "dyadya", "nëna", "babai",
        "halla", "teto", "xhaxhai", "theia", "theios", "zio", "tía", "tío", "mãe",
        "manang", "manong", "waipo", "waigong", "ayi", "shushu", "maiju", "phupu", "thaththa",
        "seeya", "granmer", "granper", "tonton", "papi", "mémé", "pépé",
        "wncwl", "bamps", "maimeó", "tanty", "dej", "papo",
        # round twenty-eight: Gujarati "Ba" (grandmother, "Baa"), Kurdish "my father"
        "ba", "baa", "bavkem", "daykem",
    }
)  # fmt: skip
