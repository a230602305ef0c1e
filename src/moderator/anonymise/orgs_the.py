"""Places named "The …" inside a sentence: pubs, children's homes, venues and house names.

``drinking at The Golden Eagle``, ``placed at The Cedars``, ``a session at The Hangout``,
``lives in a flat off The Ridge``, ``completed The Cavern Project``. A capitalised "The"
inside a sentence (after a lower-case word, a digit or a comma) opens a proper name: a
writer gives "the" its capital only when it belongs to the name. Such a name with no noun
the organisation grammar knows (``Inn``, ``Centre``, ``Church``) is still a particular
place, and a pub, a children's home or a house name tells where a family drinks, lives or
is placed.

Not taken: a national name (``The Children's Society``, ``The Prince's Trust``), a phrase the
lists protect or a place they know (``The Wirral``), words that are all practice terms or
acronyms (``The Local Authority``), the state's institutions and the press (``The Court``,
``The Crown``, ``The Guardian``), the pub names every town has (``The Red Lion``, ``The
Royal Oak``: alone they narrow nothing), a weekday or month, a title after a word
for watching, playing or reading (``watched The Lion King``), and lines in capitals (a police
form's words, where every "THE" is capitalised). Each is redacted below the review
threshold, for the person importing to confirm or keep.

A Catholic parish named for Mary is named the same way, by its dedication and what follows
it (``Mass at Our Lady of Lourdes``, ``Our Lady Star of the Sea Filipino Community``, ``Our
Lady of Czestochowa Polish parish``): a particular church, the family's congregation.
"""

from __future__ import annotations

import re

from moderator.anonymise.cues import CALENDAR_WORDS
from moderator.anonymise.institutions import protected_phrase
from moderator.anonymise.layer_initials import in_shouted_line
from moderator.anonymise.lexicon import phrase_key
from moderator.anonymise.orgs_brands import national_charity
from moderator.anonymise.patterns import STREET_TYPES
from moderator.anonymise.state import State

# "The" with its capital after a lower-case word, a digit, a comma or a semicolon, then one to
# five capitalised words ("of" and "&" may join them)
_THE = re.compile(
    r"(?<=[a-z0-9,;] )The(?P<n>(?:[ \t]+(?:(?:of|&)[ \t]+)?[A-Z][\w'’-]*[\w]){1,5})(?![\w'’-])"
)
# a title is watched, played or read, not visited
_TITLE_CUE = re.compile(
    r"(?i)(?:watch(?:ed|es|ing)?|play(?:ed|s|ing)?|read(?:s|ing)?|film|game|book|song|show"
    r"|series|episode|called|named|titled)[ \t]+$"
)
_CAPITALISED_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*[ \t]+$")
_FLAT_BEFORE = re.compile(r"(?i)(?<![\w-])(?:flat|apartment|apt|unit|room)[ \t]+\d+\w?,?[ \t]+$")
_STREET_AFTER = re.compile(
    rf",[ \t]+(?:\d+[A-Za-z]?[ \t]+)?(?:[A-Z][\w'’-]*[ \t]+){{1,3}}(?:{STREET_TYPES})\b"
)
_STREET_END = re.compile(rf"(?:{STREET_TYPES}|Broadway|Strand|Maltings|Granary|Forge)$")
_GUESSES = frozenset({"person"})
# the pub names most common in England: hundreds of towns have each, so alone it narrows
# nothing ("works at The Red Lion"); a rarer name ("The Barking Dog") is one place
_EVERY_TOWNS_PUB = frozenset(
    {"red lion", "royal oak", "crown", "white hart", "swan", "plough", "kings arms", "bell"}
    | {"kings head", "queens head", "white horse", "new inn", "wheatsheaf", "rose and crown"}
    | {"ship", "black horse", "george", "fox", "railway", "star", "bull", "anchor", "lion"}
    | {"greyhound", "cross keys", "white lion", "coach and horses", "green man", "nags head"}
    | {"crown inn", "red lion inn", "bell inn", "plough inn", "ship inn", "railway inn"}
    | {"victoria", "albion", "globe", "angel", "masons arms", "bay horse", "king arms"}
    | {"king head", "queen head", "nag head", "mason arms"}  # (as "King's Head" is read)
)
# institutions of the state and the press, named with "The" by any writer anywhere
_INSTITUTIONS = frozenset(
    {"court", "courts", "crown", "bench", "tribunal", "panel", "council", "authority", "state"}
    | {"government", "police", "home", "office", "department", "ministry", "queen", "king"}
    | {"guardian", "times", "sun", "mirror", "telegraph", "independent", "observer", "star"}
    | {"economist", "express", "echo", "post", "news", "chronicle", "herald", "gazette", "bbc"}
)
_PRIORITY = 55  # below the review threshold: the person importing confirms it


def _kept(st: State, written: str, keys: tuple[str, ...]) -> bool:
    """Whether the name after "The" is one the lists keep (see the module)."""
    lex = st.lex
    if national_charity(written) or national_charity(written[4:]):
        return True
    if " ".join(keys) in _EVERY_TOWNS_PUB:
        return True
    for words in (("the", *keys), keys):
        if words in lex.places or protected_phrase(st, words, len(words) - 1):
            return True
    return all(
        k in _INSTITUTIONS
        or k in lex.protected_words
        or k.upper() in lex.acronyms
        or k in CALENDAR_WORDS
        for k in keys
    )


def find_the_names(st: State) -> None:
    """Take "The …" names inside a sentence (see the module)."""
    text = st.text
    if "The " not in text:
        return
    for m in _THE.finditer(text):
        start, end = m.start(), m.end()
        keys = phrase_key(m.group("n"))
        if not keys or _TITLE_CUE.search(text, max(0, start - 12), start):
            continue
        if _CAPITALISED_BEFORE.search(text, max(0, start - 40), start):
            continue  # "Off The Record", "Queen Elizabeth The Queen Mother": inside a longer name
        if in_shouted_line(text, start) or _kept(st, m.group(), keys):
            continue
        flat = _FLAT_BEFORE.search(text, max(0, start - 20), start)
        if flat is not None:
            start = flat.start()  # "Flat 3, The Old Co-op": a house's name, with its flat
        st.give_way(start, end, _GUESSES, 60)  # ("The Golden Eagle" read as a person first)
        if st.free(start, end):
            street = (
                flat is not None
                or _STREET_END.search(m.group("n"))
                or _STREET_AFTER.match(text, end)  # "The Old Dairy, Quellan Lane": a house
            )
            kind = "address" if street else "org"
            st.take(start, end, kind, "the:" + " ".join(keys), _PRIORITY, 0.55)


# "Our Lady of Lourdes", "Our Lady Star of the Sea", "Our Lady and St Bega's", with the
# capitalised words after it and a parish's or a church's word
_OUR_LADY = re.compile(
    r"Our[ \t]+Lady(?P<n>(?:[ \t]+(?:of|the|and|&|St\.?)(?![\w'’-])|[ \t]+[A-Z][\w'’-]*)+)"
    r"(?P<w>[ \t]+(?:parish|church|congregation|community))?"
)
_DEVOTION = re.compile(
    r"(?i:picture|statue|icon|image|painting|medal|prayers?|prays?|praying)[ \t]+(?:of|to)?[ \t]*$"
)
_TRAILING = re.compile(r"(?:[ \t]+(?:of|the|and|&))+$")
_ORGS = frozenset({"person", "org"})


def find_our_lady(st: State) -> None:
    """Take a parish named "Our Lady of …" with the words that go on its name (see the module)."""
    text = st.text
    if "Our Lady" not in text:
        return
    for m in _OUR_LADY.finditer(text):
        start = m.start()
        end = m.end("w") if m.group("w") else m.end("n")
        if not m.group("w"):
            trail = _TRAILING.search(text, start, end)
            end = trail.start() if trail else end
        if end - start <= len("Our Lady") or in_shouted_line(text, start):
            continue
        if _DEVOTION.search(text, max(0, start - 20), start):
            continue  # "a picture of Our Lady of Vailankanni": Mary, not a church
        st.give_way(start, end, _ORGS, 60)  # ("Lourdes" read as a person first)
        if st.free(start, end):
            st.take(start, end, "org", "ourlady:" + " ".join(phrase_key(text[start:end])), 58)
