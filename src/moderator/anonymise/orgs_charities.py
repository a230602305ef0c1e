"""Charities and community groups named by everyday words and the place they serve.

``Refugee Action Torquell``, ``Kenyan Community Isle of Quell``, ``Romani Roots Dorset``: every
word is known, so the unknown-word rule does not see them, and the place at the end hides the
organisation's noun from the organisation grammar. A run of capitalised words that ends in a
place the gazetteer knows and holds a word of the voluntary sector (``Action``, ``Support``,
``Community``, ``Advice``, ``Roots``, ``Welcome``) is such a group: redacted below the review
threshold, for the person importing to confirm. Public services named by a place stay (a
council's, the police's, the health service's, a court's or a school's words anywhere in the
run), as do headings and runs in capitals.

The place comes first as often (``Derby Carers Centre``, ``Lancashire Women``, ``Bristol
Foyer``, ``Plymouth Domestic Abuse Service``): a run that opens with a place the gazetteer
knows and goes on with words of the voluntary sector only (carers, women, refugees, a foyer,
a mosque, a food or baby bank, a domestic abuse service) names a local charity, where the
same place before ``Family Hub`` or ``Children's Services`` names the council's own service,
which stays. Redacted below the review threshold too.
"""

from __future__ import annotations

from moderator.anonymise.lexicon import Lexicon, phrase_key
from moderator.anonymise.orgs_runs import heading, protected_inside
from moderator.anonymise.state import State

_SECTOR = frozenset(
    {"action", "support", "community", "advice", "roots", "futures", "welcome", "refugee"}
    | {"refugees", "carers", "network", "union", "alliance", "forum", "aid", "chapter"}
)
# words of public services: the run is an agency's, which the project keeps
_PUBLIC = frozenset(
    {"council", "police", "constabulary", "nhs", "camhs", "court", "probation", "prison"}
    | {"hmp", "justice", "hospital", "trust", "health", "school", "college", "university"}
    | {"services", "service", "housing", "education", "social", "children's", "team", "unit"}
    | {"fire", "ambulance", "visiting", "authority", "county", "borough", "city", "district"}
)
WEAK = 0.6
# the words after a place that make a run a local charity's name ("Derby Carers Centre"):
# one of these, with only the words of _TAIL_MORE beside it
_TAIL_SECTOR = frozenset(
    {"carers", "women", "women's", "womens", "refugee", "refugees", "foyer", "mosque"}
    | {"masjid", "gurdwara", "mandir", "faiths", "foodbank", "recovery", "abuse", "dv"}
    | {"zone", "bank", "violence", "drugs", "people's"}
)
_TAIL_MORE = frozenset(
    {"centre", "center", "together", "association", "aid", "refuge", "support", "council"}
    | {"action", "of", "young", "partnership", "collective", "domestic", "service"}
    | {"services", "independent", "youth", "baby", "food", "group", "network", "forum"}
    | {"central", "jamia", "jamie", "grand", "and", "&", "project"}
)


def _place_end(lex: Lexicon, keys: tuple[str, ...]) -> int:
    """How many words at the end of the run name a place (0 if none)."""
    for size in (3, 2, 1):
        if len(keys) > size and keys[-size:] in lex.places:
            return size
    return 0


def sector_run(st: State, lex: Lexicon, start: int, end: int) -> None:
    """Take the run ``text[start:end]`` (every word known) if it is a voluntary group named
    with its place (see the module's doc)."""
    text = st.text
    keys = phrase_key(text[start:end])
    size = _place_end(lex, keys)
    if not size or len(keys) - size < 2 or _SECTOR.isdisjoint(keys[:-size]):
        return
    if not _PUBLIC.isdisjoint(keys) or not st.free(start, end):
        return
    run = text[start:end]
    if run.isupper() or heading(text, start, end) or protected_inside(lex, keys[:-size]):
        return
    st.take(start, end, "org", " ".join(keys), 45, WEAK)


def place_sector_run(st: State, lex: Lexicon, start: int, end: int) -> None:
    """Take the run ``text[start:end]`` (every word known) if it is a local charity named by
    its place first (see the module's doc)."""
    text = st.text
    if text.startswith("The ", start):
        start += 4  # "the Sunderland Carers Centre worker"
    cut = text.find(" for ", start, end)
    end = end if cut < 0 else cut  # "… Refugee Support for ESOL"
    keys = phrase_key(text[start:end])
    size = next((n for n in (3, 2, 1) if len(keys) > n and keys[:n] in lex.places), 0)
    tail = keys[size:]
    if (
        not size
        or _TAIL_SECTOR.isdisjoint(tail)
        or not _TAIL_MORE.issuperset(k for k in tail if k not in _TAIL_SECTOR)
    ):
        return
    if tail[-1] in ("bank", "zone", "abuse") and len(tail) == 1:
        return  # "Dogger Bank", "Leeds Zone": a place's own word
    run = text[start:end]
    if not st.free(start, end) or run.isupper() or heading(text, start, end):
        return
    if keys in lex.places or keys in lex.phrases.get(keys[0], ()):
        return
    st.take(start, end, "org", " ".join(keys), 45, WEAK)
