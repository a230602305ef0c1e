"""National organisations: charities, their local branches and companies.

A national voluntary organisation named alone (``referred to Women's Aid``) says little of
where a family lives: it is kept, and listed below the review threshold for the person
importing to confirm (the decision is remembered for the authority). A name that is also a
kind of service (``Young Carers``, ``Sure Start``, ``Macmillan`` nurses; ``=`` in the list)
stays when alone, and one that is an everyday word (``Mind``, ``Refuge``; ``~``) is taken
alone only capitalised inside a sentence. Written with a local name beside it, it is one
branch, and that gives the family's area away and is redacted above the threshold:
``Home-Start Vale Royal``, ``Catch22 Cheshire Prevention``, ``Angus Citizens Advice
Bureau``, ``Launceston & Tamar Women's Aid``. ``data/national_orgs.txt`` lists the national
names. The capitalised words right after one (``in`` may come first; ``&`` and ``of`` may
join them; no comma, no other lower-case word) or right before it are its branch's name when
one of them is a place (either place list) or a word no list knows
(:func:`.unknown_words.unknown`); names that are everyday words (``Mind``, ``Refuge``, marked
``~``) need a place. A title, a kin word or a heading's colon ends the words; the whole name
is taken as an organisation.

Companies (``!`` in the list: shops, chains, employers, landlords, placement providers) are
redacted even alone: where someone works, shops or rents narrows who they are. Alone, a
company is redacted below the review threshold, for the person importing to keep if they
judge it harmless (the decision is remembered). A company that people use wherever they live
(``$``: a bank, a money-transfer or payment service, an interpreting agency, a phone
network) says no more than a national charity does, and is kept alone the same way
(``Bank: Monzo``, ``via Language Line``); its branch is still redacted. After a company,
``in`` starts a sentence's place (``works at Greggs in Burslem``: the town stays, as towns
do), unless no list knows the place's words (``Asda in Cortonwood``): that is the branch's
own ground.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib import resources

from moderator.anonymise.alternation import by_first_letter
from moderator.anonymise.cues import CALENDAR_WORDS, HONORIFICS, NAME_TITLES, RELATION_CUES
from moderator.anonymise.lexicon import Lexicon, lexicon, more_places, phrase_key, word_key
from moderator.anonymise.state import State
from moderator.anonymise.unknown_words import dictionary, unknown

_WORD = r"[A-Z][\w'’-]*"
# the words after a national name: "in" first, then capitalised words joined by one space,
# " & " or " of " (a comma, a full stop or any other lower-case word ends them)
_AFTER_RE = re.compile(rf"(?:[ \t]+in)?((?:[ \t]+(?:(?:&|of)[ \t]+)?{_WORD}){{1,4}})")
_WORDS_RE = re.compile(rf"(?:&|of)|{_WORD}")
# a branch after a comma: one to three capitalised words, then no more of them
_COMMA_AFTER_RE = re.compile(rf",[ \t]+({_WORD}(?:[ \t]+{_WORD}){{0,2}})(?![\w'’-])(?![ \t]+[A-Z])")
# the words before one: capitalised, joined by one space or " & "
_BEFORE_RE = re.compile(rf"((?:{_WORD}[ \t]+(?:&[ \t]+)?){{1,3}})$")
_STOP = frozenset(HONORIFICS) | NAME_TITLES | RELATION_CUES | {"mum", "dad", "nan", "the"}
_PRIORITY = 56
_STREET_WORDS = frozenset({"road", "street", "lane", "avenue", "way", "drive", "parade", "square"})
_NUMBERS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"})
_RUN = re.compile(r"\w+")
_PIECE = re.compile(r"[A-Za-z0-9_]+")
# the pieces of a note: its bytes split at all but ASCII word characters (UTF-8's others too)
_HEAD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_NOT_HEAD = bytes(b if chr(b) in _HEAD_CHARS else 32 for b in range(256))
_JOINS = frozenset("_'’-")  # (with letters and digits: no national name opens after one)
_HEADS: set[str] = set()  # filled by _national(): the ASCII heads that open national names,
_needs: dict[str, set[frozenset[str]]] = {}  # and by head, the pieces each of its names needs
_ALONE = 57  # a company named alone: redacted, below the review threshold (0.6)
CHARITY_ALONE = 0.4  # a national charity named alone: kept, listed for review
Add = Callable[[int, int, str, str, int], None]


@cache
def _national() -> tuple[
    re.Pattern[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]
]:
    """The national names as one pattern (longest first; as written and in capitals, and a
    company's in lower case where that is no everyday word), the everyday ones, the
    companies that are redacted alone, the kinds of service and the services kept alone (all
    in lower case)."""
    lines = resources.files("moderator.anonymise").joinpath("data", "national_orgs.txt")
    names = [ln.strip() for ln in lines.read_text("utf-8").splitlines()]
    names = [n for n in names if n and not n.startswith("#")]
    companies = frozenset(n[1:].lower() for n in names if n.startswith("!"))
    services = frozenset(n[1:].lower() for n in names if n.startswith("$"))
    kinds = frozenset(n[1:].lower() for n in names if n.startswith("="))
    lex, words = lexicon(), dictionary()
    # a company named by an everyday word ("Boots", "Torus") is one only as an everyday
    # charity is: capitalised inside a sentence, or with a place beside it
    everyday = frozenset(n[1:].lower() for n in names if n.startswith("~")) | {
        c for c in companies | services if c in lex.words or c in words
    }
    forms = set()
    named = companies | services  # (each union made once: the word lists are large)
    for name in (n.lstrip("~!=$") for n in names):
        forms |= {name, name.upper()}
        low = name.lower()
        if (
            low in named
            and low not in lex.common
            and low not in lex.words
            and low not in words
            and low.split()[0] not in _NUMBERS
        ):
            forms.add(low)  # "near the big tesco", but not "her two sisters"
    ordered = sorted(forms, key=len, reverse=True)
    # (the apostrophe as written, curled or left out: "Women's Aid", "Womens Aid")
    alternation = "|".join(map(_escaped, ordered))
    quick = by_first_letter(f"(?:{alternation})")  # one branch per first letter: quicker
    pattern = re.compile(rf"(?<![\w'’-]){quick}(?![\w-])")
    for form in ordered:
        for run in _first_runs(form):
            _needs.setdefault(_head(run), set()).add(_pieces(form))
    _HEADS.update(_needs)
    return pattern, everyday, companies, kinds, services


def _escaped(form: str) -> str:
    return re.escape(form).replace("'", "['’]?")


def _pieces(form: str) -> frozenset[str]:
    """The runs of ASCII word characters a text holds whole wherever it has ``form``: all but
    those beside an apostrophe, which may be left out (``Womens``)."""
    return frozenset(
        m.group()
        for m in _PIECE.finditer(form)
        if form[m.start() - 1 : m.start()] != "'" and form[m.end() : m.end() + 1] != "'"
    )


def _head(run: str) -> str:
    """A run up to its first character outside ASCII (``Caff`` of ``Caffè``)."""
    return run if run.isascii() else run[: next(i for i, c in enumerate(run) if not c.isascii())]


def _first_runs(form: str) -> set[str]:
    """The runs of word characters a text may open ``form`` with: its first run, and that run
    joined to the next where the apostrophe between is left out (``Barnardos``)."""
    run = _RUN.match(form)
    if run is None:
        raise ValueError(f"a national name opens with a letter or digit: {form!r}")
    runs = {run.group()}
    rest = form[run.end() :]
    if rest[:1] == "'" and _RUN.match(rest, 1):
        runs |= {run.group() + more for more in _first_runs(rest[1:])}
    return runs


def national_names(text: str) -> list[re.Match[str]]:
    """The matches the national names' pattern finds in ``text`` (``finditer``), tried only
    where a name can open: the engine would try the 26,000-character alternation at every
    word of the note. A match opens a run of word characters (the look-behind), whose ASCII
    head opens a name, and the text holds each run the name holds whole; the note's runs are
    its bytes split at every byte but an ASCII word character's (one translate)."""
    pattern = _national()[0]
    pieces = set(text.encode().translate(_NOT_HEAD).decode().split())
    heads = [h for h in _HEADS.intersection(pieces) if any(n <= pieces for n in _needs[h])]
    spots: list[int] = []
    for head in heads:
        at = text.find(head)
        while at >= 0:
            before, after = text[at - 1 : at], text[at + len(head) : at + len(head) + 1]
            if not (before.isalnum() or before in _JOINS) and after not in _HEAD_CHARS:
                spots.append(at)
            at = text.find(head, at + 1)
    out: list[re.Match[str]] = []
    resume = 0
    for at in sorted(spots):
        if at >= resume and (m := pattern.match(text, at)) is not None:
            out.append(m)
            resume = m.end()
    return out


def _is_place(lex: Lexicon, keys: tuple[str, ...]) -> bool:
    return keys in lex.places or keys in more_places()


def _local(lex: Lexicon, words: list[str], place_only: bool) -> bool:
    """Whether the words hold a place (1 to 3 words) or, unless ``place_only``, an unknown word."""
    keys = tuple(word_key(w) for w in words)
    for size in (3, 2, 1):
        for i in range(len(keys) - size + 1):
            if _is_place(lex, keys[i : i + size]):
                return True
    return not place_only and any(unknown(w, lex) for w in words)


def _after(st: State, end: int, company: bool) -> tuple[int, list[str]]:
    """Where the capitalised words after a national name ending at ``end`` end, and the words.
    A company's ``in`` starts a sentence's place (``works at Greggs in Burslem``), not a
    branch's name (``Mind in Mid Cheshire``)."""
    text = st.text
    m = _AFTER_RE.match(text, end)
    if not m:
        return end, []
    kept: list[str] = []
    stop = end
    for w in _WORDS_RE.finditer(text, m.start(1), m.end()):
        if w.group() in ("&", "of"):
            continue
        if word_key(w.group()) in _STOP or text[w.end() : w.end() + 1] == ":":
            break
        if w.group().lower() in CALENDAR_WORDS:
            break  # a day: "Citizens Advice Handsworth Thursday 20th"
        kept.append(w.group())
        stop = w.end()
    if company and text[m.start() : m.start(1)].strip():
        # "Greggs in Burslem": a town stays; "Asda in Cortonwood": a name no list knows
        # is the branch's own ground
        local = not _local(st.lex, kept, True) and any(unknown(w, st.lex) for w in kept)
        return (stop, kept) if local else (end, [])
    return stop, kept


def _after_comma(st: State, end: int) -> tuple[int, list[str]]:
    """A company's branch after a comma (``Amazon, Enfield Lock``, ``Spar, Stoney Stanton
    Road``): capitalised words to a lower-case word or a stop, none of them everyday, kin or
    a title, that are no town the lists know (``Greggs, Burslem``: the town stays)."""
    m = _COMMA_AFTER_RE.match(st.text, end)
    if m is None:
        return end, []
    if _national()[0].match(st.text, m.start(1)):
        return end, []  # "Tesco, Primark and Boots": a list of companies
    words = m.group(1).split()
    keys = tuple(word_key(w) for w in words)
    first = keys[0]
    if first in st.lex.common or first in _STOP or _leading(st.lex, first):
        return end, []  # "Tesco, Mum said", "Asda, Monday to Friday"
    if words[0].isupper() and len(words[0]) <= 4 and len(words) == 1:
        return end, []  # "Language Line, ID 40817": a reference's label
    if _is_place(st.lex, keys):
        return end, []
    return m.end(1), words


# a charity's office named by its place after a comma: "British Red Cross, Norwich office"
_OFFICE_AFTER_RE = re.compile(
    rf",[ \t]+({_WORD}(?:[ \t]+{_WORD}){{0,2}})[ \t]+(?:office|branch|hub|shop|centre|project)\b"
)


def _office_after(st: State, end: int) -> tuple[int, list[str]]:
    """A charity's office after a comma, by a place the lists know."""
    m = _OFFICE_AFTER_RE.match(st.text, end)
    if m is None or not _is_place(st.lex, tuple(word_key(w) for w in m.group(1).split())):
        return end, []
    return m.end(), m.group(1).split()


def _leading(lex: Lexicon, key: str) -> bool:
    """A word before a national name that is not its branch's: a title, kin or a protected
    word that is no place ("Mum's", "Referral", "IDVA")."""
    return key in _STOP or (key in lex.protected_words and (key,) not in lex.places)


def _before(st: State, start: int) -> tuple[int, list[str]]:
    """Where the capitalised words before a national name starting at ``start`` start, and
    the words (titles, kin and protected words at their front left out)."""
    text = st.text
    line = text.rfind("\n", 0, start) + 1
    m = _BEFORE_RE.search(text, max(line, start - 60), start)
    if not m:
        return start, []
    words = [w for w in _WORDS_RE.finditer(text, m.start(1), start) if w.group() != "&"]
    ands = [k for k, w in enumerate(words) if w.group() in ("AND", "OR", "TO")]
    if ands:
        words = words[ands[-1] + 1 :]  # "REFERRED TO MARAC AND BLACK COUNTRY WOMEN'S AID"
    while words and _leading(st.lex, word_key(words[0].group())):
        words.pop(0)  # "Mum's Women's Aid worker"
    return (words[0].start() if words else start), [w.group() for w in words]


# a charity's region or place in brackets: "Freedom from Torture (North West)", "Mind (Leeds)"
_BRACKET_AFTER_RE = re.compile(rf"[ \t]*\(({_WORD}(?:[ \t]+{_WORD}){{0,2}})\)")
_REGION_WORDS = frozenset({"north", "south", "east", "west", "central", "midlands", "mid"})


def _region_after(st: State, end: int) -> tuple[int, list[str]]:
    """A charity's branch named in brackets after it, by its region or a place the lists
    know; the brackets go with it."""
    m = _BRACKET_AFTER_RE.match(st.text, end)
    if m is None:
        return end, []
    words = m.group(1).split()
    keys = tuple(word_key(w) for w in words)
    if not (all(k in _REGION_WORDS for k in keys) or _is_place(st.lex, keys)):
        return end, []
    return m.end(), words


def find_branches(st: State, add: Add) -> None:
    """Add national charities written with their local branch's name (see the module)."""
    _, everyday, companies, kinds, services = _national()
    text = st.text
    for m in national_names(text):
        name = m.group().replace("’", "'").lower()
        if (name in companies or name in services) and m.group() in st.lex.acronyms:
            continue  # "Walsall CEX team": a term of the work, not the shop CeX
        place_only = name in everyday
        company = name in companies or name in services
        end, after = _after(st, m.end(), company)
        if company and not after:
            end, after = _after_comma(st, m.end())
            if after and name in services and not m.group().isupper():
                # "McDonald's, Walworth Road": a chain's branch by its ground (a street, a
                # shopping centre), the two together
                if st.free(m.start(), end):
                    ident = " ".join(phrase_key(st.text[m.start() : end]))
                    add(m.start(), end, "org", ident, _PRIORITY)
                continue
        if not company and not after:
            end, after = _office_after(st, m.end())
        if not company and not after and name not in kinds:  # ("Young Carers (Tamworth)")
            end, after = _region_after(st, m.end())
        start, before = _before(st, m.start())
        if after and word_key(after[0]) in st.known.surname_owners:
            continue  # "Brook Tideswell": the record's child, not a charity's branch
        if _local(st.lex, before, place_only) or _local(st.lex, after, place_only):
            priority = _PRIORITY
        elif (not before or m.group().isupper()) and _alone(st, m, name, everyday, kinds):
            if name not in companies:  # a charity or a service alone: kept, to confirm
                ident = " ".join(phrase_key(m.group()))
                st.keep(m.start(), m.end(), "org", ident, CHARITY_ALONE)
                continue
            start, end, priority = m.start(), m.end(), _ALONE  # for the person to confirm
        else:
            continue
        if st.free(start, end):
            add(start, end, "org", " ".join(phrase_key(text[start:end])), priority)


def _alone(
    st: State, m: re.Match[str], name: str, everyday: frozenset[str], kinds: frozenset[str]
) -> bool:
    """Whether a national name with no branch is taken alone: not a kind of service, and an
    everyday word only capitalised inside a sentence (not opening it, not in capitals)."""
    if name in kinds:
        return False
    if name not in everyday:
        return True
    written, text = m.group(), st.text
    before = text[max(0, m.start() - 3) : m.start()].rstrip(" \t")
    opening = not before or before[-1] in ".!?:\n\"'‘“([-•*|"
    return not written.isupper() and not opening


@cache
def charity_names() -> frozenset[str]:
    """The names kept alone: the national charities' and the services' that people use
    wherever they live (not the other companies'), in lower case with ``'``."""
    lines = resources.files("moderator.anonymise").joinpath("data", "national_orgs.txt")
    names = [ln.strip() for ln in lines.read_text("utf-8").splitlines()]
    kept = {n.lstrip("~=$").lower() for n in names if n and not n.startswith(("#", "!"))}
    return frozenset(kept | {n.replace("'", "") for n in kept})  # ("womens aid" too)


def national_name(written: str) -> bool:
    """Whether ``written`` is, whole, a national name of any kind: a charity's, a service's or
    a company's ("Costa", "Barnardo's")."""
    return _national()[0].fullmatch(written) is not None


def national_charity(written: str) -> bool:
    """Whether ``written`` is, whole, a name kept alone: a national charity's or a
    service's that people use wherever they live (not another company's)."""
    return national_name(written) and written.replace("’", "'").lower() not in _national()[2]
