"""Places of worship and community schools named around a head word, in any language.

A mosque, church, temple or Saturday school is named by a head word and the capitalised
words around it, in the languages of English towns and in any order: the head first
(``Masjid Siraaj-ul-Furqaan``, ``Biserica Penticostală Betel``, ``Chùa Phật Tổ``, ``Capel
y Gurnos``, ``Sobotnia Szkoła Polska w …``, ``Church of God of Prophecy``), last (``Guru
Nanak Gurdwara``, ``Our Lady of the Fens Travellers Mission``) or both (``Jamia Masjid
Shahjalal``). Small words of those languages join the name (``of the``, ``w``, ``y``,
``-ul-``, ``Sf.``); a bracketed qualifier (``(Igbo Mission)``) and the branch or street
after a comma (``, Rookery Road``) are part of it. The name is read around each head word
the text holds, not by one long pattern over the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from moderator.anonymise.alternation import by_first_letter
from moderator.anonymise.lexicon import phrase_key
from moderator.anonymise.orgs_nouns import COMMUNITIES, DESCRIPTIVE, SAINTLY
from moderator.anonymise.orgs_runs import (
    JOINERS,
    OF_NEXT,
    bracket,
    comma_branch,
    with_town,
    words_left,
    words_right,
)
from moderator.anonymise.state import State

Add = Callable[[int, int, str, str, int], None]
Trim = Callable[[State, int, int], int]

# head words a name follows (in Arabic, Urdu, Punjabi, Romanian, Vietnamese, Welsh, Polish,
# Spanish, Portuguese, French): "Masjid Al-Noor", "Capel Bethel", "Parafia Świętej Anny"
_FIRST = (
    "Masjid|Musjid|Masjed|Jamia|Jamea|Jame|Jamiat|Madrasah|Madrasa|Madrassa|Madressa|Madrassah"
    "|Darul|Markaz|Idara|Anjuman|Gurdwara|Gurudwara|Mandir|Shree|Shri|Biserica|Parohia|Chùa"
    "|Capel|Eglwys|Canolfan|Cylch|Menter|Tîm|Clwb|Neuadd|Kościół|Kosciol|Parafia|Misja|Szkoła"
    "|Szkola|Sobotnia|Polska|Iglesia|Igreja|Église|Eglise|Paroisse|Parroquia|Kirk"
    # Tamil, Thai, Shia, Sufi, Turkish, Bosnian, Ukrainian, German, Dutch, Italian,
    # Portuguese and Spanish places of worship; Romanian, Albanian and Somali schools
    "|Kovil|Koil|Wat|Imambargah|Imambara|Hussainia|Husseiniya|Khanqah|Zawiya|Camii"
    "|Džamija|Dzamija|Cerkiew|Tserkva|Kirche|Kerk|Chiesa|Paróquia|Templo|Mezquita|Școala"
    "|Scoala|Shkolla|Dugsi|Yeshiva"
)
# head words that end a name, in English and others: "Zion Chapel", "Hindu Sabha"
_LAST = (
    "Church|Chapel|Mosque|Masjid|Gurdwara|Mandir|Temple|Mission|Chaplaincy|Tabernacle"
    "|Ministries|Sabha|Bhavan|Vihara|Synagogue|Cathedral|Madrasah|Madrassa|Madrasa"
    "|Kovil|Koil|Pagoda|Camii|Shul|Imambargah|Hussainia|Dugsi|Pentecostal|Fellowship"
)
# as written: "the mosque" is a word, and a line in capitals is read in title case; it starts
# with its capital (the engine skips to the head words' first letters), the letter before it
# looked at afterwards
_HEAD_RE = re.compile(by_first_letter(f"(?:{_FIRST}|{_LAST})") + r"(?![\w'’])")
_TITLE_BEFORE = re.compile(r"(?i:\b(?:mr|mrs|ms|miss|dr)\.?[ \t]+)$")
_JOINER_NEXT = re.compile(r"[ \t]+(?:y|yr|of|de|w|ul)[ \t]")
# what a place of worship's name may say of its kind, no name: its faith, its people
_KINDS = COMMUNITIES | {
    "orthodox", "anglican", "apostolic", "reformed", "united", "free", "gospel", "coptic",
    "adventist", "seventh", "day", "elim", "redeemed", "presbyterian", "lutheran", "quaker",
    "congregational", "roman", "greek", "russian", "church", "christ", "god", "jesus",
}  # fmt: skip
# head words that may be followed by the place's own noun ("… Pentecostal Gospel Hall")
_ADJECTIVE_HEADS = frozenset({"pentecostal", "fellowship"})
_HEAD_AFTER = re.compile(
    r"(?:[ \t]+(?:Gospel|Community|Christian|Church|Hall|Chapel|Assembly|Fellowship|Mission"
    r"|Centre|Tabernacle|Ministries))+(?![\w'’-])"
)
_HALL_AFTER = re.compile(r"[ \t]+(?:Hall|Rooms|Centre)(?![\w'’-])")


def _named_before(text: str, start: int, head: int) -> bool:
    """Whether a word of a name stands before the head word ("Trinity Church"; not "THE
    GURDWARA", a faith's place said in words)."""
    return any(
        k not in ("the", "a", "at", "our", "his", "her") for k in phrase_key(text[start:head])
    )


_FIRST_KEYS = frozenset(w.casefold() for w in _FIRST.split("|"))
_LAST_KEYS = frozenset(w.casefold() for w in _LAST.split("|"))
_KIND_HEADS = _LAST_KEYS | {"hall", "centre"}  # ("Polish Gospel Hall", "Sikh Community Centre")


def describes_a_kind(keys: tuple[str, ...]) -> bool:
    """Whether a place of worship's words say only its kind ("the Catholic Church", "Polish
    Gospel Hall"): a head word, and before it only faiths, peoples and the words of a kind."""
    if not keys or keys[-1] not in _KIND_HEADS:
        return False
    return all(k in _KINDS or k in DESCRIPTIVE or k in _LAST_KEYS for k in keys[:-1])


def _specific(st: State, words: tuple[str, ...]) -> bool:
    """Whether the words name one place, not describe a kind ("the Catholic Church", "Polish
    Saturday School"): a word no everyday list knows, or a town with two words more."""
    lex = st.lex
    names = [w for w in words if w not in _FIRST_KEYS and w not in _LAST_KEYS]
    names = [w for w in names if w not in JOINERS]
    if SAINTLY.intersection(names) or any(
        not (w in lex.protected_words or w in DESCRIPTIVE or w in _KINDS) for w in names
    ):
        return True  # (everyday words too, none a kind of faith: "New Life", "House of Praise")
    return len(words) >= 3 and any((w,) in lex.places for w in names)


def find_worship(
    st: State,
    text: str,
    add: Add,
    trim: Trim,
    shouted: bool = False,
    within: tuple[int, int] | None = None,
) -> None:
    """Add the places of worship and community schools named around a head word in ``text``
    (the text, or, ``shouted``, its lines in capitals written in title case, where an
    everyday word ends a name; the head words ``within`` a stretch) to layer 1's candidates."""
    lex = st.lex
    found = _HEAD_RE.finditer(text, *within) if within else _HEAD_RE.finditer(text)
    for m in found:
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "'’-_"):
            continue  # inside a word
        head = m.group()
        key = head.casefold()
        if _TITLE_BEFORE.search(text, max(0, m.start() - 6), m.start()) or (
            (key in st.known.keys or key in lex.given or key in lex.surnames)
            and not _JOINER_NEXT.match(text, m.end())
        ):
            continue  # "Kirk Ossett", "Mr Capel Jones": a person's name; "Capel y Garth" is not
        start = words_left(text, m.start(), 6)
        end = m.end()
        # "Church of God of Prophecy", "New Testament Church of God": a denomination's name,
        # one place only with its branch after it
        denomination = key not in _FIRST_KEYS and OF_NEXT.match(text, end) is not None
        # a head word of both kinds after a name ends it: "Guru Nanak Gurdwara Punjabi school"
        first = key in _FIRST_KEYS and (key not in _LAST_KEYS or start == m.start())
        if first or denomination:
            end = words_right(text, m.end(), 6, lex.common if shouted else frozenset())
        if (end == m.end() and start == m.start()) or (key == "polska" and end == m.end()):
            continue  # the head word alone: "Mosque", "Polska" (a country)
        if key in _ADJECTIVE_HEADS and (more := _HEAD_AFTER.match(text, end)) is not None:
            end = more.end()  # "Bream Pentecostal Gospel Hall": the hall's noun goes with it
        plain = end
        end = bracket(text, end)
        end = with_town(st, end)  # "… Church Luton", "… (Igbo Mission) Belvedere"
        start = trim(st, start, end)
        hall = _HALL_AFTER.match(text, end) if end == plain else None
        if hall is not None and _named_before(text, start, m.start()):
            end = hall.end()  # "Trinity Church Hall": the church's hall, one place
        words = phrase_key(text[start:end])
        if not words or all(w in _FIRST_KEYS or w in _LAST_KEYS for w in words):
            continue
        branch = comma_branch(st, text, end)
        if branch > end:  # its branch too ("Church of Pentecost, Brixton Hill Assembly")
            add(start, branch, "org", " ".join(words), 58)
        elif denomination or not _specific(st, words) or words in lex.phrases.get(words[0], ()):
            continue  # a description or a protected phrase: "Church of Pentecost" stays
        add(start, end, "org", " ".join(words), 58)


# the head words of other languages written in lower case, as a child writes them: "masjid
# ar-rahma feltham" (not English ones: "the church", "the mosque" are words)
_LOWER_HEADS = (
    "masjid", "jamia", "gurdwara", "mandir", "biserica", "parafia", "kościół", "kosciol",
    "chùa", "capel", "eglwys", "dugsi", "kovil", "iglesia", "igreja",
)  # fmt: skip
_LOWER_HEAD_RE = re.compile(
    by_first_letter("(?:" + "|".join(sorted(_LOWER_HEADS, key=len, reverse=True)) + ")")
    + r"(?P<rest>(?:[ \t]+[a-z][\w'’-]*){1,4})"
)
_LOWER_WORD = re.compile(r"[a-z][\w'’-]*")


def find_lower_worship(st: State, add: Add) -> None:
    """A place of worship named in lower case after its head word: the words after it that
    are no English word, or a town ("masjid ar-rahma feltham with hooyo")."""
    text = st.text
    if not any(h in text for h in _LOWER_HEADS):
        return  # quicker than the pattern: most notes name no place of worship in lower case
    lex = st.lex
    for m in _LOWER_HEAD_RE.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "'’-_"):
            continue
        end = m.start("rest")
        for w in _LOWER_WORD.finditer(text, m.start("rest"), m.end()):
            if not ((w.group(),) in lex.places or w.group() not in lex.words):
                break
            end = w.end()
        if end > m.start("rest"):
            add(m.start(), end, "org", " ".join(phrase_key(text[m.start() : end])), 57)
