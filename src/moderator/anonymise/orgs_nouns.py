"""The nouns organisations' names end in, and the words that describe rather than name.

Kept apart from the grammar of :mod:`.layer_orgs` that uses them: a long list, grown each round.
"""

from __future__ import annotations

ORG_NOUN = (
    r"(?:(?:Youth|Boxing|Football|Rugby|Cricket|Swimming|Social|Sports?|Golf|Tennis|Dance|Karate"
    r"|Judo|Athletic|Running|Cycling|Gymnastics?)\s+(?:Club|Centre|Zone|Project|Academy)"
    r"|Club|Church|Chapel|Cathedral|Mosque|Masjid|Gurdwara|Mandir|Temple|Synagogue"
    r"|Kingdom\s+Hall|(?:Learning|Tuition|Education|Islamic|Community|Family|Resource)\s+Cent(?:re|er)"
    r"|Women['’]?s\s+(?:Group|Centre|Refuge)|Group|Playgroup|Pre-?[Ss]chool|Day\s+Nursery"
    r"|Kebab\s+House|Takeaway|Cash\s+(?:&|and)\s+Carry|Barbers?|Salon|Solicitors|Gym|Madrasa|Madrassa"
    r"|F\.?C\.?|A\.?F\.?C\.?|Juniors|Ministries|Ministry|Forum|Fellowship|Assembly|Tabernacle|Foundation"
    # clubs, venues and small businesses by their head noun: "Felinfoel Youth RFC", "Tolgus Grill
    # House", "Harbour Fish Bar", "Moss Bakery Co", "Gorton Hub Nursery", "Sweet Centre"
    r"|A?R\.?L\.?F\.?C\.?|A?R\.?F\.?C\.?|Rangers|Hub|Grill|Tap|Fish\s+Bar|Chippy|Bakery|Kitchen"
    r"|Cent(?:re|er)|Nursery|Ltd|Limited"
    # businesses and services a family is known at: "Castle Craig Clinic", "Lord Street Nail
    # Bar", "Riverside Motors", "The Priory", "Meadow View Care Home", "Khan Legal"
    r"|Clinic|Priory|(?:Nail|Juice|Sports|Wine|Snack|Shisha|Cocktail)\s+Bar|Nails|Beauty|Hair"
    r"|Barbershop|Tattoo\s+Studio|Studio|Garage|Motors|Autos|Car\s+Wash|Valeting|Cafe|Café"
    r"|Restaurant|Diner|Pizza|Inn|Arms|Tavern|Hotel|Hostel|Food\s*[Bb]ank|Pantry|Stores|Store"
    # a charity's store of goods: "Sheffield Furniture Bank", "Leeds Baby Bank"
    r"|(?:Furniture|Baby|Clothes|Clothing|Uniform|Toy|Bed|Hygiene)\s+Bank|Furniture\s+Scheme"
    # "Hamdi Money Transfer", "Savile Town Service Station", "Kirby's School Wear"
    r"|Money\s+Transfer|(?:Service|Petrol|Filling)\s+Station|School\s*[Ww]ear"
    r"|Supermarket|Off\s+Licen[cs]e|Mini\s+Market|Care\s+Home|Children['’]?s\s+Home|Legal"
    r"|Associates|Accountants|Lettings|Builders|Logistics|Skate\s+Park|Trampoline\s+Park"
    # clubs named by their activity: "Bentilee Boxing", "1st Meir Scouts", "Tunstall Cadets"
    r"|Boxing(?![ \t]+Day)|Kickboxing|Gymnastics|Cadets|Scouts|Brownies|Guides|Beavers|Cubs"
    r"|(?:Dance|Stage|Theatre|Drama)\s+School"
    # groups and small firms by their last word: "Sahara Women's Circle", "Leicester Somali
    # Housing Trust", "Tayside Women's Aid", "Witham Valley Scaffolding", "Luton Homes Direct"
    r"|Trust|Circle|Aid|Base|Collective|Link|Voice|Scaffolding|Laund(?:e)?rette|Deli|Exhaust"
    r"|Direct|Trimming|Tyres|Plumbing|Roofing|Cleaning|Removals|Carpets|Flooring|Windows"
    # services, projects and trades: "Ketley Contact Suite", "Queens Park Family Room", "Thanet
    # Housing Options", "Swindon Men and Change Project", "Brick Lane Travel Bureau", "Gornal
    # Wood Chemist", "Weldon Park Poultry", "Wallop Farm Partnership", "Enfield Missing Team"
    r"|Contact\s+(?:Suite|Room)|Family\s+Room|Housing\s+Options|Project|Bureau|Travel"
    r"|Partnership|Chemists?|Pharmacy|Butchers?|Poultry|Meats|Foods|Grocers?|Palace|Team"
    r"|(?:Adult|Community|Family)\s+Learning|(?:Boys|Girls|Lads)['’]?\s+Brigade"
    # round five: associations, networks and shops ("Glodwick Women's Association", "Slough
    # Kooth Outreach", "Smethwick Cars", "St Editha's Travellers Mass", "Slimbridge Farm Shop")
    r"|Association|Network|Outreach|Liaison|Mass|Parish|Shop|Cars|Spa|(?:Youth\s+)?Football"
    # round six: trades and firms ("Penwith Shellfish Co.", "Thamesvale Family Law LLP",
    # "Sandhar Bros Builders Merchants", "Peterhead Fish Processors"), venues and groups
    # ("Great Snoring Village Hall", "Larkhall Park ABC", "Savile Town Rangers Sunday League",
    # "Thornhill Lees Little Explorers", "Capel y Gurnos Men's Shed"), schools by their
    # short names ("Joyden's Wood Junior", "Ely St Audrey's Infants", "Nene Gate Academy")
    r"|Co\.|Co(?![\w&-])|LLP|Partners|Bros|Brothers|Merchants|Wholesale|Processors|Produce"
    r"|Express|Haulage|Couriers|Outlet|Spares|Traders|Trading|Mission|Chaplaincy"
    r"|(?:Village|Snooker|Church|Community|Memorial|Scout|Miners['’]?)\s+Hall|Shed|League"
    r"|A\.?B\.?C\.?|Explorers|Adventure\s+Playground|Playground|Soft\s+Play|Homes"
    r"|Infants|Infant\s+School|Junior(?:\s+School)?|Grammar(?:\s+School)?|Academy|Primary"
    r"|Secondary(?:\s+School)?|Federation"
    r"|Sixth(?:\s+Form(?:\s+College)?)?|Alternative\s+Provision|Campus|(?:Fried\s+)?Chicken|Support|Services?|Programme|Integration"
    r"|PS|R\.?C\.?\s+Primary"
    # trades and venues a family works or meets at, beyond the batches read so far
    r"|Kebabs|Pizzeria|Balti|Tandoori|Bistro|Brasserie|Patisserie|Superstore|Mini\s*Mart"
    # an agency for work, a parish of the Redeemed Christian Church of God ("Crossway
    # Staffing", "Fountain of Grace RCCG")
    r"|(?:Staffing|Recruitment)(?:\s+(?:Agency|Solutions|Services))?|RCCG(?![ \t]+[A-Z])"
    # a firm of fitters, a charity's fund: "Ullswater Gas", "Faversham Forget-Me-Not Fund"
    r"|Gas|Heating|Fund"
    r"|Minimarket|Convenience\s+Store|Newsagents?|Dry\s+Cleaners|Tailors|Florists?|Jewellers"
    r"|Opticians|Hairdressers|Taxis|Cabs|Private\s+Hire|Construction|Electrical|Joinery"
    r"|Plastering|Decorators|Landscaping|Recycling|Skip\s+Hire|Warehouse|Textiles|Boutique"
    r"|Factory|Kennels|Cattery|Stables|Riding\s+School|Amusements|Arcade|Casino|Bookmakers"
    r"|Guest\s+House|Noodle\s+Bar|Sushi\s+Bar|Coffee\s+(?:Shop|House)|Tea\s+Rooms?"
    r"|Rainbows|Squirrels|Dojo|Martial\s+Arts|(?:Supplementary|Saturday|Sunday)\s+School"
    # round eight: nouns of groups, services and firms beyond the batches before ("Quorvale
    # Community Larder", "Brindle Street Dance Crew", "Marrow Hindu Samaj", "Abbey Community
    # Rooms", "Everword Interpreting", "Pellow Youth Counselling", "Wickham Accordion Band")
    r"|Larder|Crew|Samaj|Sabha|Community\s+Rooms|Interpreting|Counselling|Mediation|Fridge"
    r"|Crewing|Accordion\s+Band|Bell\s+Ringers|Shisha\s+Lounge|Chambers|CIC|CIO|Co-?operative"
    r"|(?:Nursing|Residential)\s+Home|J\.?F\.?C\.?|Y\.?F\.?C\.?|Bar"
    # round eleven: practices, clubs and volunteer groups ("Ospringe Smile Dental", "Gore Court
    # Juniors CC", "Swale Refugee Welcome", "Kinship Connect Kent", "Ashby Befrienders")
    r"|Dental|Dentists?|Dentistry|Orthodontics|Physiotherapy|Physio|Veterinary|Vets"
    r"|C\.?C\.?|Refugee\s+Welcome|Connect|Befrienders|Befriending|Volunteers|Interpreters"
    r"|Translations"
    # round twelve: shelters, gardens, unions and advocacy ("St Jude's Night Shelter", "Seafront
    # Stitch Community Garden", "Igbo Union Leicester", "Speakwell Advocacy Dorset")
    r"|Night\s+Shelter|Shelter|Community\s+Garden|Allotments?|Union|Sanctuary|Advocacy"
    r"|Family\s+Centre"
    # a school by its short name: "Chetwynd Meadow Infant", "St Mary's C of E"
    r"|Infant|C\.?[ \t]?of[ \t]?E\.?(?![\w])|CofE"
    # round fourteen: a comprehensive, a fostering agency, a holiday park ("Bishopston
    # Comprehensive", "Bridgeway Fostering", "Golden Sands Holiday Park")
    r"|Comprehensive(?:\s+School)?|Fostering|(?:Holiday|Caravan)\s+Park"
    # round fifteen: landlords, labs and trades a family's firm is named by ("Hossain
    # Properties", "Cansford Laboratories", "Prestige Facilities", "Swift Car Hire")
    r"|Properties|Estates|Laborator(?:y|ies)|Labs|Facilities|Paving|Surfacing|Tarmac|Rentals"
    r"|(?:Car|Van|Plant|Coach)\s+Hire"
    # round seventeen: shops and packhouses ("Ciobanu Romanian Grocery", "Dixon's Hardware",
    # "Pallion Bakehouse", "Fenland Fresh Packers")
    r"|Grocery|Groceries|Hardware|Bakery|Bakehouse|Packers|Packhouse"
    # round forty-one: tutors, fitters, chip shops and student landlords ("Bright Minds
    # Tuition", "Kingfisher Property Maintenance", "Victoria Fisheries", "HD1 Student Living")
    r"|Tuition|Maintenance|Fisheries|Student\s+(?:Living|Lets|Homes)"
    # round forty-three: packers, tutors, builders and fuel ("Lynn Vale Packing", "Jesmond
    # Tutors", "Lungu Construct", "Kwik Fuel", "Hatcliffe Energy", "Sunbeam Daycare")
    r"|Packing|Tutors|Construct|Fuels?|Energy|Carpentry|Tanning|Daycare|Childminding|Coaching"
    # round twenty-two: a provider of a young person's home ("Beacon Supported Living",
    # "Ashdale Supported Lodgings")
    r"|Supported\s+(?:Living|Lodgings|Housing|Accommodation)"
    r"|(?:Immigration|Family|Criminal|Housing|Employment)\s+Law"
    # round twenty-four: trades and shops ("Preston Park Carwash", "Lake Stores", "Tees Valley
    # Step Up Housing"; not "Solutions": a council's "Housing Solutions" is its service)
    r"|Carwash|Car\s+Wash|Stores|Step\s+Up\s+Housing"
    # a county's football association and a local abuse service ("Kent FA", "West Riding County
    # FA", "Oasis Domestic Abuse Service", "Solent Haven IDVA service")
    r"|(?:County\s+)?FA|Domestic\s+Abuse\s+Services?|DA\s+Service|IDVA\s+Service|IDVA\s+service"
    # round twenty-six: firms named by their trade, and congregations and societies of a
    # community ("Kelmscott Recruitment", "Ashby Distribution", "Fenwick Packaging", "Hollis
    # Auto Parts", "Zion Baptist", "Tamil Welfare Society", "Medhane Alem Congregation")
    r"|Recruitment|Distribution|Packaging|Repairs|(?:Auto|Car|Motor)\s+Parts|Methodist|Baptist"
    r"|Congregation|Society|Engineering|Freight|Vapes|Cuts|Fabrications|Scrap|Metals|Catering"
    r"|Electrics|Fitness|Valet|Tyre"
    # round twenty-seven: a landlord's agent, a tutor's and a builder's firm ("Greenlands
    # Property Management", "Bright Minds Tutoring", "Kestrel Building Contractors")
    r"|(?:Property|Facilities|Estate|Block|Lettings)\s+Management|Tutoring|Contractors"
    # round thirty-six: a family's firm and a children's venue ("L Boswell Driveways", "J Ward
    # Groundworks", "Ozzy's Play Barn", "Jungle Play Centre")
    r"|Driveways|Groundworks|Play\s+(?:Barn|Centre|Center|Zone|Village))"
)
# Words that describe rather than name: "the Polish Club", "a local mosque", "Youth Group".
DESCRIPTIVE = frozenset(
    [
        "local", "wellbeing", "well-being", "perinatal", "community", "youth", "family", "parents", "parent", "baby", "toddler", "toddlers",
        "parish", "village", "town", "city", "county", "fa", "central", "north", "south", "east", "west", "new",
        "old", "the", "a", "our", "their", "his", "her", "polish", "turkish", "kurdish", "somali",
        "romanian", "asian", "african", "caribbean", "muslim", "sikh", "hindu", "christian",
        "catholic", "methodist", "baptist", "pentecostal", "evangelical", "women", "womens", "men",
        "mens", "girls", "boys", "mums", "dads", "carers", "young", "support", "breakfast",
        "saturday", "sunday", "weekend", "supplementary", "language", "thai", "kick", "amateur",
        "after", "school", "homework", "holiday", "lunch", "drop", "in", "private",
    ]
)  # fmt: skip
# the words of a service's description, not its name: a run made of these and DESCRIPTIVE
# only ("Child Exploitation panel", "Registered Manager", "Health & Social Care", "Talking
# Therapies", "Position of Trust") names what is done or who does it, no organisation
SERVICE_TERMS = frozenset(
    [
        "child", "children", "childrens", "children's", "adult", "adults", "exploitation",
        "abuse", "harm", "violence", "domestic", "sexual", "criminal", "contextual", "missing",
        "neglect", "protection", "safeguarding", "welfare", "wellbeing", "health", "mental",
        "emotional", "social", "care", "cared", "leaving", "leavers", "early", "help",
        "intervention", "prevention", "offending", "justice", "education", "learning",
        "inclusion", "attendance", "special", "needs", "disability", "disabilities",
        "therapy", "therapies", "therapeutic", "talking", "counselling", "registered",
        "manager", "managers", "lead", "leads", "officer", "worker", "workers",
        "practitioner", "coordinator", "designated", "panel", "conference", "meeting",
        "review", "plan", "planning", "strategy", "assessment", "service", "services",
        "team", "unit", "position", "trust", "of", "and", "&", "for", "with", "traveller",
        "travellers", "parenting", "behaviour", "substance", "misuse", "alcohol", "drug",
        "drugs", "sexual", "clinical", "nursing", "medical", "life", "skills", "work",
        "employment", "training", "housing", "homeless", "homelessness", "advice",
        "families", "hub", "elective", "home", "emotional", "inclusion", "wellbeing",
        # round twenty-nine: "Fostering Gloucestershire", "Student Services", "Single Point
        # of Access", "Named Nurse", "Young Carers", "Virtual School" name a kind of service
        "fostering", "adoption", "student", "students", "access", "single", "point", "named",
        "nurse", "nurses", "youth", "young", "carers", "carer", "virtual",
        # round thirty-six: the NHS's kinds of care ("Community Dental Service", "Pre-Birth
        # Assessment Team", "Paediatric Audiology")
        "dental", "pre-birth", "prebirth", "antenatal", "postnatal", "perinatal", "maternity",
        "neonatal", "paediatric", "paediatrics", "audiology", "orthoptics", "podiatry",
    ]
)  # fmt: skip


# a trade's or a congregation's noun: one everyday word before it with its capital names one
# place ("Lake Stores", "Royal Grill", "Star Cars", "Grace Fellowship"), where before a
# service's or a venue's noun it describes ("Youth Club", "Duty Team", "Job Centre")
TRADE_NOUNS = frozenset(
    {"stores", "nails", "cars", "taxis", "cabs", "motors", "autos", "tyres", "grill", "cafe"}
    | {"café", "balti", "tandoori", "kebabs", "pizza", "pizzeria", "bakery", "barbers", "salon"}
    | {"solicitors", "lettings", "builders", "roofing", "plumbing", "fellowship", "ministries"}
    | {"chapel", "assembly", "mission", "tabernacle", "inn", "rangers", "rovers", "fc", "ltd"}
    | {"limited", "recruitment", "distribution", "packaging", "carwash", "takeaway", "diner"}
    | {"cuts", "vapes", "valet", "freight", "engineering", "fabrications", "scrap"}
)


# a trade's word before a firm's noun ("Kestrel Building Services", "Sparkle Cleaning Ltd"):
# the one everyday word before both names the firm
TRADE_WORDS = frozenset(
    {"building", "builders", "cleaning", "property", "roofing", "plumbing", "electrical"}
    | {"landscaping", "maintenance", "drainage", "heating", "glazing", "scaffolding", "tree"}
    | {"carpet", "flooring", "removals", "tutoring", "tuition", "decorating"}
)
_FIRM_NOUNS = frozenset({"services", "service", "solutions", "management", "contractors"})
_FIRM_NOUNS |= {"ltd", "limited", "tutoring"}


def named_trade(keys: tuple[str, ...], noun: str) -> bool:
    """One everyday word before a trade's noun (see TRADE_NOUNS), or before a trade's word
    and a firm's noun (see TRADE_WORDS): a name, not a description."""
    if len(keys) == 2 and keys[1] in TRADE_WORDS and noun in _FIRM_NOUNS:
        keys = keys[:1]
    elif noun not in TRADE_NOUNS:
        return False
    return (
        len(keys) == 1
        and keys[0] not in DESCRIPTIVE
        and keys[0] not in SERVICE_TERMS
        and keys[0] not in _PUBLIC  # ("Council Building Services": the council's own)
    )


_PUBLIC = frozenset({"council", "borough", "district", "nhs", "police", "hospital", "university"})


def service_terms_only(keys: tuple[str, ...] | list[str]) -> bool:
    """Whether every word describes a service (see SERVICE_TERMS): no organisation's name."""
    return bool(keys) and all(k in SERVICE_TERMS or k in DESCRIPTIVE for k in keys)


# literal pieces of the nouns above (case as written), to skip texts that name no organisation
ORG_HINTS = (
    "Club", "Centre", "Center", "Zone", "Project", "Academy", "Church", "Chapel", "Cathedral",
    "Mosque", "Masjid", "Gurdwara", "Mandir", "Temple", "Synagogue", "Hall", "Group", "group",
    "chool", "Nursery", "nursery", "House", "Takeaway", "Carry", "Barber", "Salon", "Solicitors",
    "Gym", "Madras", "FC", "F.C", "Juniors", "Ministr", "Forum", "Fellowship", "Assembly",
    "Tabernacle", "Foundation", "Refuge", "& Co", "and Co", "Sons", "Partners", "club", "church",
    "mosque", "gym", "Transfer",
    "creche", "Playgroup", "playgroup", "RFC", "R.F.C", "RLFC", "Rangers", "Hub", "Grill", "Tap",
    "Bar", "Chippy", "Bakery", "Kitchen", "Ltd", "Limited", "Clinic", "Priory", "Nails", "Beauty",
    "Hair", "Studio", "Garage", "Motors", "Autos", "Wash", "Valeting", "Caf", "Restaurant", "Diner",
    "Pizza", "Inn", "Arms", "Tavern", "Hotel", "Hostel", "ank", "Pantry", "Store", "Market",
    "Supermarket",
    "Licen", "Home", "Legal", "Associates", "Accountants", "Lettings", "Builders",
    "Logistics", "Park", "Boxing", "Kickboxing", "Gymnastics", "Cadets", "Scouts", "Brownies", "Guides",
    "Beavers", "Cubs", "Trust", "Circle", "Aid", "Base", "Collective", "Link", "Voice",
    "Scaffolding", "Laund", "Deli", "Exhaust", "Direct", "Trimming", "Tyres", "Plumbing",
    "Roofing", "Cleaning", "Removals", "Carpets", "Flooring", "Windows", "Suite", "Room",
    "Options", "Bureau", "Travel", "Partnership", "Chemist", "Pharmacy", "Butcher", "Poultry",
    "Meats", "Foods", "Grocer", "Palace", "Team", "Learning", "Brigade", "glise", "Iglesia", "Kirk",
    "Association", "Network", "Outreach", "Liaison", "Mass", "Parish", "Shop", "Cars", "Spa",
    "Football", "Co", "LLP", "Partners", "Bros", "Brothers", "Merchants", "Wholesale",
    "Processors", "Produce", "Express", "Haulage", "Couriers", "Outlet", "Spares", "Traders",
    "Trading", "Mission", "Chaplaincy", "Shed", "League", "ABC", "A.B.C", "Explorers",
    "Playground", "Soft Play", "Homes", "Infant", "Junior", "Grammar", "Primary", "Sixth",
    "Provision", "Campus",
    "Chicken", "Support", "Service", "Programme", "Integration", "PS", "Kebabs", "Pizzeria",
    "Balti", "Tandoori", "Staffing", "Recruitment", "RCCG", "Gas", "Heating", "Fund", "Bistro", "Brasserie", "Patisserie", "Mart", "Newsagent", "Cleaners",
    "Tailors", "Florist", "Jewellers", "Opticians", "Hairdressers", "Taxis", "Cabs", "Hire",
    "Construction", "Electrical", "Joinery", "Plastering", "Decorators", "Landscaping",
    "Recycling", "Warehouse", "Textiles", "Boutique", "Factory", "Kennels", "Cattery",
    "Stables", "Amusements", "Arcade", "Casino", "Bookmakers", "Coffee", "Tea Room",
    "Rainbows", "Squirrels", "Dojo", "Martial", "Larder", "Crew", "Samaj", "Sabha", "Rooms",
    "Interpreting", "Counselling", "Mediation", "Fridge", "Band", "Ringers", "Lounge",
    "Chambers", "CIC", "CIO",
    # rounds eleven and twelve's nouns (the regex is tried only when a hint is in the note)
    "Dental", "Dentist", "Orthodont", "Physio", "Veterinary", "Vets", "CC", "C.C", "Welcome",
    "Connect", "Befriend", "Volunteers", "Interpreters", "Translations", "Shelter", "Garden",
    "Allotment", "Union", "Sanctuary", "Advocacy", "Secondary", "Federation", "operative",
    "Nursing", "Residential", "JFC", "J.F.C", "YFC", "Y.F.C", "Crewing", "Superstore",
    "Minimarket", "of E", "CofE", "Comprehensive", "Fostering", "Holiday Park", "Caravan Park",
    "Properties", "Estates", "Laborator", "Labs", "Facilities", "Paving", "Surfacing", "Tarmac",
    "Rentals", "Hire", "Grocer", "Hardware", "Bakehouse", "Packers", "Packhouse", "Supported",
    " Law", "Carwash", "Stores", "Step Up", "FA", "Abuse Serv", "DA Serv", "IDVA serv",
    "IDVA Serv", "Recruitment", "Distribution", "Packaging", "Repairs", "Parts", "Methodist",
    "Baptist", "Congregation", "Society", "Engineering", "Freight", "Vape", "Cuts", "Fabrications",
    "Scrap", "Metals", "Catering", "Electrics", "Fitness", "Valet", "Tyre", "Tutoring",
    "Driveways", "Groundworks", "Play ", "Furniture", "Tuition", "Maintenance", "Fisheries", "Student ",
    "Packing", "Tutors", "Construct", "Fuel", "Energy", "Carpentry", "Tanning", "Daycare",
    "Childminding", "Coaching",
)  # fmt: skip
# words that make a church's name one parish's, though everyday: "All Saints", "Our Lady of …"
SAINTLY = frozenset({"saint", "saints", "st", "holy", "lady", "christ", "sacred", "blessed"})
# ORG_HINTS with the ones most notes hold first (the gate that reads them stops at the first)
_LIKELY = ("chool", "Co", "Academy", "Primary", "Nursery", "Club", "Home", "Bar", "Centre", "ank")
ORG_HINTS_LIKELY_FIRST = (
    *(h for h in _LIKELY if h in ORG_HINTS),
    *(h for h in ORG_HINTS if h not in _LIKELY),
)
# communities a service may be named by: "Normanton Roma Support Hub" is no public agency
# of a place but a community's, and narrows a family to it
COMMUNITIES = frozenset(
    {"roma", "romani", "gypsy", "traveller", "travellers", "kurdish", "somali", "polish"}
    | {"romanian", "eritrean", "ethiopian", "sikh", "muslim", "islamic", "hindu", "tamil"}
    | {"bengali", "bangladeshi", "pakistani", "kashmiri", "punjabi", "chinese", "vietnamese"}
    | {"african", "caribbean", "ghanaian", "nigerian", "congolese", "afghan", "syrian", "arab"}
    | {"jewish", "ukrainian", "lithuanian", "latvian", "slovak", "czech", "turkish", "iranian"}
    | {"yemeni", "sudanese", "yoruba", "igbo", "filipino", "nepali", "albanian", "irish"}
    | {"grt"}  # Gypsy, Roma and Traveller: "the GRT Education Service"
    # round forty-two: more of England's communities ("Hastings Bangla Centre")
    | {"bangla", "gujarati", "indian", "portuguese", "brazilian", "bulgarian", "hungarian"}
    | {"russian", "jamaican", "zimbabwean", "kenyan", "ugandan", "iraqi", "kosovan", "moldovan"}
    | {"estonian", "korean", "persian", "urdu", "arabic", "sri", "lankan", "hong", "cantonese"}
)
# a faith's branch, said of a family, not a place of worship: "(Eritrean Orthodox)",
# "Syro-Malabar Catholics", "Polish Catholic", "Sunni Muslim"
DENOMINATIONS = COMMUNITIES | frozenset(
    {"orthodox", "catholic", "catholics", "coptic", "syro-malabar", "syro", "malabar"}
    | {"pentecostal", "methodist", "baptist", "anglican", "sunni", "shia", "ahmadiyya"}
    | {"evangelical", "protestant", "christian", "christians", "greek", "russian", "roman"}
    | {"adventist", "apostolic", "church", "of", "the", "england", "mar", "thoma"}
)
# words a name in capitals does not hold, though a sentence does ("… HER BY THE HAIR")
FUNCTION_WORDS = frozenset(
    {"her", "his", "him", "she", "he", "they", "them", "we", "me", "my", "i", "by", "at", "to"}
    | {"in", "on", "into", "from", "with", "was", "is", "were", "said", "says", "when", "for"}
)
# a health service's trust is a public body ("… Partnership Trust", "… HSC Trust")
HEALTH_WORDS = frozenset({"health", "hsc", "nhs", "healthcare", "partnership", "hospitals"})
# the kind of place an organisation's noun names (the rest are organisations)
ORG_KINDS = {
    "ps": "school",
    "rc": "school",
    "sixth": "school",
    "alternative": "school",
    "infants": "school",
    "infant": "school",
    "junior": "school",
    "grammar": "school",
    "academy": "school",
    "primary": "school",
    "secondary": "school",
    "federation": "school",
    "comprehensive": "school",
    "nursery": "school",
    "playgroup": "school",
    "preschool": "school",
    "pre-school": "school",
    "creche": "school",
    "learning": "school",  # "Bournemouth Learning Centre": a place of study
    "tuition": "school",
}


# verbs of going to a school or a club: in a line in capitals they end the words before a
# name ("RILEY ATTENDS TINY STEPS NURSERY" names the child, then the nursery)
GOING = frozenset(
    {"attends", "attended", "attending", "attend", "goes", "went", "visits", "visited"}
    | {"joined", "joins", "enrolled", "transferred", "moved", "excluded", "left"}
)
