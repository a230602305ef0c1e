"""Numbers, plates and references said aloud, one character at a time.

Voice-to-text and a worker writing down what was said give an identifier as its characters
spoken: a phone (``oh seven seven double oh nine double oh three one six``, ``oh one four
three four, nine six oh, two two six``, ``plus four four seven ...``), a reference (``two five
zero zero zero six one eight four two seven``, ``c m e two five dash oh four four one``), a
plate in the police alphabet (``charlie alpha seven one delta november golf``) or spelt
(``k e one eight x r t``), a collar number (``collar number two two zero six``). Every shape
the other layers know has digits; these have none, so none of them sees it.

A *run* is a stretch of such words: digits said (``zero``, ``oh``, ``one`` … ``nine``, with
``double`` and ``triple``, and the tens and ``hundred`` of a number said in pairs), letters
of the police alphabet, single letters and the names of letters, joined by spaces, commas,
hyphens or a said ``dash`` or ``slash``. A run is an identifier when

* it says seven digits or more (no count, date, age or time does), or four or more after a
  cue that says a number follows (``number``, ``ref``, ``mobile``, ``collar`` …);
* or it says at least two letters and two digits, four characters in all (a plate, a
  reference: ``foxtrot victor one eight``); ``a`` and ``i`` count as letters only inside a
  run, as they are words at its edges.
"""

from __future__ import annotations

import re

from moderator.anonymise.addresses_postcodes import POSTCODE_AREAS
from moderator.anonymise.cues import NUMBER_TEENS, NUMBER_TENS, NUMBER_UNITS
from moderator.anonymise.references import lowered
from moderator.anonymise.state import State

_UNITS = "zero|oh|" + NUMBER_UNITS
_TEENS, _TENS = NUMBER_TEENS, NUMBER_TENS
_POLICE = (
    "alpha|alfa|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliet|juliett|kilo|lima"
    "|mike|november|oscar|papa|quebec|romeo|sierra|tango|uniform|victor|whiskey|whisky"
    "|x-ray|x[ \t]ray|xray|yankee|zulu"
)
# the names of letters that are no everyday word ("sea", "you", "are", "why" are)
_LETTER_NAMES = "aitch|zed|jay|kay|ess|em|en|ef|gee|pee|tee|vee|dee|bee|cee|ex|double[ \t]you"
_TOKEN = (
    rf"(?:{_POLICE}|{_LETTER_NAMES}|{_UNITS}|{_TEENS}|{_TENS}|hundred|double|triple|[a-z])"
    r"(?![\w'’-])"
)
_SEP = r"(?:[ \t]*[,-][ \t]*|[ \t]+(?:dash|slash|hyphen|stroke|forward[ \t]+slash)[ \t]+|[ \t]+)"
_RUN = re.compile(rf"(?i:(?:plus[ \t]+)?{_TOKEN}(?:{_SEP}{_TOKEN})*)")
# two words of a run side by side, one of them a digit: where a run may be (found quickly)
_PAIR = re.compile(
    rf"(?i:\b(?:{_UNITS})[ \t]*[ \t,-][ \t]*(?:{_UNITS}|double|triple|{_POLICE}|[a-z])\b"
    rf"|\b(?:{_POLICE}|double|triple|[a-z])[ \t]*[ \t,-][ \t]*(?:{_UNITS})\b)"
)
# the word before a run, read back from its start: the run may begin earlier
_BEFORE = re.compile(rf"(?i:(?<![\w'’-])(?:plus[ \t]+|{_TOKEN}{_SEP}))\Z")
_WORD = re.compile(r"[A-Za-z]+(?:[ \t-]ray|[ \t]you)?")
# the words that say a number follows, each with what its number is (the last one before a run
# says which: "police ref given over the phone two five zero ..." is a reference)
_CUES = {
    **dict.fromkeys(("mobile", "phone", "tel", "telephone", "landline", "call", "ring", "text"), "phone"),
    **dict.fromkeys(("reg", "registration", "plate", "car", "van", "vehicle", "taxi"), "plate"),
    **dict.fromkeys(
        ("ref", "reference", "collar", "crime", "log", "incident", "account", "id",
         "extension", "ext", "code", "badge", "nhs", "upn"),
        "reference",
    ),
    **dict.fromkeys(("number", "no", "num"), "number"),  # (a phone's or a reference's)
    **dict.fromkeys(("ni", "insurance"), "ni"),
}  # fmt: skip
_CUE = re.compile(r"(?i:\b(?:" + "|".join(_CUES) + r")\b)")
_UNIT_WORDS = frozenset(_UNITS.split("|"))
_TEEN_WORDS = frozenset(_TEENS.split("|"))
_TENS_WORDS = frozenset(_TENS.split("|"))
_POLICE_WORDS = frozenset(w.replace("[ \t]", " ") for w in _POLICE.split("|"))
_LETTER_WORDS = frozenset(w.replace("[ \t]", " ") for w in _LETTER_NAMES.split("|"))
# what a run said in full takes over from: the guesses inside it
_GIVES_WAY = frozenset({"date", "case_number", "phone", "person", "child", "family", "other"})
_EDGE_WORDS = frozenset({"a", "i", "oh", "double", "triple", "hundred"})  # (not at an edge)


def find_spoken_codes(st: State) -> None:
    """Take the identifiers said a character at a time (see the module)."""
    text = st.text
    done = 0
    for pair in _PAIR.finditer(text):
        if pair.start() < done:
            continue
        start = pair.start()
        while (back := _BEFORE.search(text, max(0, start - 30), start)) is not None:
            start = back.start()
        run = _RUN.match(text, start)
        if run is None:  # (cannot be: the pair itself is a run)
            continue
        done = run.end()
        _take_run(st, run.start(), run.end())


def _take_run(st: State, start: int, end: int) -> None:
    """Take ``text[start:end]``, trimmed of the words that are no part of a code at its edges,
    if what it says is an identifier's."""
    text = st.text
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text, start, end)]
    plus = words[0][0] if words and words[0][2] == "plus" else None
    if plus is not None:
        words.pop(0)
    while words and (words[0][2] in _EDGE_WORDS - {"oh"} or _said(words, 0) is None):
        words.pop(0)
    while words and words[-1][2] in _EDGE_WORDS - {"oh", "hundred"}:
        words.pop()
    if words and words[0][2] == "oh" and (len(words) < 2 or _said(words, 1) != "digit"):
        words.pop(0)  # "oh one of them": a cry, not a nought
    if len(words) < 3:
        return
    digits = letters = 0
    for i in range(len(words)):
        what = _said(words, i)
        if what == "digit":
            digits += 1
        elif what == "pair":
            digits += 2
        elif what == "letter":
            letters += 1
    a, b = words[0][0] if plus is None else plus, words[-1][1]
    cues = [m.group().lower() for m in _CUE.finditer(text, max(0, a - 40), a)]
    said = [_CUES[c] for c in cues] if "\n" not in text[max(0, a - 40) : a] else []
    # the last cue says what follows, unless one before says more: "reg number", "NI number"
    cue = next((k for k in ("plate", "ni") if k in said), said[-1] if said else None)
    if not (digits >= 7 or (cue and digits >= 4) or (letters >= 2 and digits >= 2)):
        return
    if not letters and _counting(words):
        return  # "she counted one two three four five six seven": a count, not a number
    if letters:
        kind = {"plate": "vehicle_reg", "ni": "ni_number"}.get(cue or "", "case_number")
    elif plus is not None or (
        words[0][2] in ("oh", "zero")
        and (cue in ("phone", "number") or (digits >= 10 and cue is None))
    ):
        kind = "phone"  # (a number in this country starts with its nought)
    elif cue == "phone" and "reference" not in said:
        kind = "phone"  # "i can ring nan on nine zero zero eight five nine": a local number
    else:
        kind = "case_number"
    if not st.free(a, b):
        # a phone's or a reference's digits found first ("t k [four four one eight two seven]
        # c"): the run said in full takes them over, its letters with them
        st.give_way(a, b, _GIVES_WAY, 100)
        if not st.free(a, b):
            return
    st.take(a, b, kind, "", 84, 0.85)


def _said(words: list[tuple[int, int, str]], i: int) -> str | None:
    """What the ``i``-th word says: ``digit``, ``pair`` (two digits: a ten, ``double``),
    ``letter``, or None (no part of a code: ``plus`` is read apart)."""
    word = words[i][2]
    if word in _UNIT_WORDS:
        return "digit"
    if word in ("double", "triple"):
        return None if i + 1 >= len(words) or words[i + 1][2] not in _UNIT_WORDS else "pair"
    if word in _TEEN_WORDS or word in _TENS_WORDS or word == "hundred":
        return "pair"
    if word in _POLICE_WORDS or word in _LETTER_WORDS or len(word) == 1:
        return "letter"
    return None


def _counting(words: list[tuple[int, int, str]]) -> bool:
    """Whether the digits said go up one at a time from one (a count, said aloud)."""
    said = [w for _, _, w in words]
    return said == _COUNT[: len(said)]


_COUNT = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


# A postcode or an NI number said a character at a time (``el you five four are tee``, ``jay
# kay four seven two zero nine one see``) may use the names of letters that are everyday words
# ("you", "are", "see", "why", "oh"), which no run above reads as letters. Here the words around
# a digit said beside another code word are read by the shape they must have instead: a
# postcode's (its area one the Royal Mail uses) or an NI number's, every word one character.
_NAMED = {
    "ay": "A", "bee": "B", "see": "C", "sea": "C", "cee": "C", "dee": "D", "ee": "E", "ef": "F",
    "eff": "F", "gee": "G", "aitch": "H", "haitch": "H", "eye": "I", "jay": "J", "kay": "K",
    "el": "L", "ell": "L", "em": "M", "en": "N", "oh": "O", "pee": "P", "queue": "Q", "cue": "Q",
    "are": "R", "ar": "R", "ess": "S", "tee": "T", "tea": "T", "you": "U", "vee": "V",
    "ex": "X", "why": "Y", "zed": "Z", "zee": "Z",
}  # fmt: skip
_DIGIT_OF = {w: str(i) for i, w in enumerate(_COUNT[:9], 1)} | {"zero": "0", "oh": "0"}
_A_WORD = re.compile(r"[A-Za-z]+")
# a postcode's characters by kind (L a letter, D a digit), and an NI number's; longest first
_SHAPES = (
    ("ni_number", "LLDDDDDDL"), ("ni_number", "LLDDDDDD"), ("postcode", "LLDDDLL"),
    ("postcode", "LLDLDLL"), ("postcode", "LDDDLL"), ("postcode", "LLDDLL"),
    ("postcode", "LDLDLL"), ("postcode", "LDDLL"),
)  # fmt: skip
_NI_LAST = frozenset("ABCD")
_NOT_NI_FIRST = frozenset("DFIQUV")


def _read_char(word: str) -> tuple[str | None, str | None]:
    """The letter and the digit a word may say (either may be None)."""
    w = word.lower()
    letter = w[0].upper() if w in _POLICE_WORDS or len(w) == 1 else _NAMED.get(w)
    return letter, _DIGIT_OF.get(w)


# a postcode spelt out with a space after every character ("L U 1 1 L S")
_SPACED_POSTCODE = re.compile(
    r"(?<![\w'’.-])(?P<area>[A-Z](?: [A-Z])?) [0-9](?: [0-9A-Z])? [0-9] [A-Z] [A-Z](?![\w'’-])"
)


# what every spelt postcode has (its inward code's end), looked for first: a quick search
_SPACED_GATE = re.compile(r"[0-9] [A-Z] [A-Z](?![\w'’-])")
# the names of letters no everyday word has: a code said aloud has one or more of them
_RARE_LETTERS = (frozenset(_NAMED) - {"see", "sea", "oh", "are", "you", "why", "tea", "eye"}) | (
    _POLICE_WORDS
)


def find_said_postcodes(st: State) -> None:
    """Take a postcode or an NI number said a character at a time (see above), and a postcode
    spelt out with a space after each character."""
    text = st.text
    for m in _SPACED_POSTCODE.finditer(text) if _SPACED_GATE.search(text) else ():
        if m.group("area").replace(" ", "") in POSTCODE_AREAS and st.free(m.start(), m.end()):
            st.take(m.start(), m.end(), "postcode", "", 84, 0.85)
    if _RARE_LETTERS.isdisjoint(lowered(text)[1]):
        return  # (quick: no letter said by a name no everyday word has, as most notes)
    done = 0
    for pair in _PAIR.finditer(text):
        if pair.start() < done:
            continue
        lo = max(0, pair.start() - 80)
        words = [
            (m.start(), m.end(), m.group()) for m in _A_WORD.finditer(text, lo, pair.end() + 80)
        ]
        at = next(i for i, w in enumerate(words) if w[1] > pair.start())
        first = last = at
        while first > 0 and _joined(text, words[first - 1], words[first]):
            first -= 1
        while last + 1 < len(words) and _joined(text, words[last], words[last + 1]):
            last += 1
        done = words[last][1]
        _take_shaped(st, words[first : last + 1])


def _joined(text: str, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Whether ``b`` follows ``a`` after spaces only and both may say a character."""
    return (
        text[a[1] : b[0]].strip(" \t") == ""
        and _read_char(a[2]) != (None, None)
        and _read_char(b[2]) != (None, None)
    )


def _take_shaped(st: State, words: list[tuple[int, int, str]]) -> None:
    """Take the longest stretch of ``words`` that says a postcode or an NI number."""
    chars = [_read_char(w) for _, _, w in words]
    i = 0
    while i < len(words):
        for kind, shape in _SHAPES:
            said = _shaped(chars[i : i + len(shape)], shape)
            if said is not None and _valid(kind, said):
                a, b = words[i][0], words[i + len(shape) - 1][1]
                st.give_way(a, b, _GIVES_WAY | {"case_number", "vehicle_reg"}, 100)
                if st.free(a, b):
                    st.take(a, b, kind, "", 84, 0.85)
                i += len(shape) - 1
                break
        i += 1


def _shaped(chars: list[tuple[str | None, str | None]], shape: str) -> str | None:
    """The characters said, read as ``shape`` (L a letter, D a digit), or None."""
    if len(chars) < len(shape):
        return None
    out = []
    for (letter, digit), kind in zip(chars, shape, strict=False):
        c = letter if kind == "L" else digit
        if c is None:
            return None
        out.append(c)
    return "".join(out)


def _valid(kind: str, said: str) -> bool:
    """Whether a postcode's area is one in use, or an NI number's letters may open one."""
    if kind == "postcode":
        area = said[:2] if said[1].isalpha() else said[:1]
        return area in POSTCODE_AREAS
    return (
        said[0] not in _NOT_NI_FIRST
        and said[1] not in _NOT_NI_FIRST | {"O"}
        and (len(said) == 8 or said[-1] in _NI_LAST)
    )
