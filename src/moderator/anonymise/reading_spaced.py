"""Words a scan broke with a stray space, read whole (:func:`join_spaced`, for
:func:`.reading.reading_of`): a name (``Dani el``, ``Pock lington``, the record's ``Kay den``),
a name in capitals (``HUSSA IN``) and a word of an address (``Lindfie ld House``)."""

from __future__ import annotations

import re
from collections.abc import Callable

from moderator.anonymise.lexicon import frequent_word
from moderator.anonymise.ocr_readings import readings
from moderator.anonymise.patterns import STREET_TYPES
from moderator.anonymise.unknown_words import dictionary

# a name OCR broke with a stray space: a capitalised piece, then one in lower case ("Dani el";
# for the record's own people also one letter either side: "F ox", "Swan n")
_SPACED = re.compile(r"(?<![\w'’.-])([A-Z][a-z]{0,10}) ([a-z]{1,10})(?![\w'’-])")
# and a name in capitals, as police and hospital forms write a surname ("HUSSA IN"): for the
# record's own names only, as capitals' pieces are often words or initials ("MR JO NES")
_SPACED_CAPITALS = re.compile(r"(?<![\w'’.-])([A-Z]{1,10}) ([A-Z]{1,10})(?![\w'’-])")


def join_spaced(
    text: str, is_name: Callable[[str], bool], is_known: Callable[[str], bool] | None = None
) -> tuple[str, list[int]] | None:
    """``text`` with each name OCR broke with a stray space read whole (``Dani el`` as
    ``Daniel``, ``Pock lington``), where the pieces joined are a name and neither piece alone
    is an everyday word (``Her nan`` stays), or are a name of the record's own people
    (``is_known``: ``Log an`` for a child Logan, ``Tar iq``, ``F ox``); and each offset's
    offset in ``text``. None when there is none."""
    cuts: list[int] = []
    scanned: bool | None = None  # (asked once, and only of a note with a candidate)
    for m in _SPACED.finditer(text):
        first, second = m.group(1), m.group(2)
        if _street_broken(text, m, first, second, is_name):
            cuts.append(m.end(1))
            continue
        if is_known is not None and is_known(first + second):
            # (not two of the family's names, "Jo an"; but "Kay den" for a child Kayden, whom
            # "Kay" also names)
            if not is_known(second.capitalize()) and (
                not is_known(first) or (len(second) >= 3 and second not in _NOT_A_PIECE)
            ):
                cuts.append(m.end(1))
            continue
        if (not is_name(first) and _scan_broke(first, second)) or _pieces_of(
            first, second, is_name
        ):
            if scanned is None:
                scanned = _scanned(text)
            if scanned:
                cuts.append(m.end(1))
                continue
        if len(first) < 2 or len(second) < 2:
            continue
        if frequent_word(second) or frequent_word(first.lower()) or not is_name(first + second):
            continue
        if is_name(first) and len(second) > 2 and is_name(second.capitalize()):
            continue  # two names ("Dani el" is one)
        cuts.append(m.end(1))
    if is_known is not None:
        for m in _SPACED_CAPITALS.finditer(text):  # ("HUSSA IN" for a child Hussain)
            first, second = m.group(1), m.group(2)
            if is_known((first + second).capitalize()) and not (
                is_known(first.capitalize()) or is_known(second.capitalize())
            ):
                cuts.append(m.end(1))
        cuts.sort()
    if not cuts:
        return None
    pieces: list[str] = []
    back: list[int] = []
    last = 0
    for cut in cuts:
        pieces.append(text[last:cut])
        back.extend(range(last, cut))
        last = cut + 1
    pieces.append(text[last:])
    back.extend(range(last, len(text) + 1))
    return "".join(pieces), back


# a word with a digit among its small letters ("ca1l", "neighb0ur", "arriva1", "0ct", "Suffo1k")
_DIGIT_IN_WORD = re.compile(
    r"(?<![\w'’-])(?=[A-Za-z01]?[a-z01]*[01])(?=[A-Za-z01]?[a-z01]*[a-z]{2})"
    r"[A-Z]?[a-z01]{2,15}(?![\w'’-])"
)


# a number with a letter for a digit: "2O25", "O2O", "l6/03/2025", "O7700" (one digit at least,
# and an O or l among the digits)
_LETTER_IN_NUMBER = re.compile(
    r"(?<![\w'’-])(?=[\dOl/:.]*\d)(?=[\dOl/:.]*[Ol])[\dOl]+(?:[/:.][\dOl]+)*(?![\w'’-])"
)


def _scanned(text: str) -> bool:
    """Whether the note shows a scan's misreadings: two or more words with a digit for a
    letter that read with the letter are words ("ca1l", "neighb0ur", "Suffo1k"; a handle's
    "l0vebug" alone, a postcode's or a class's "Y10" are none), or numbers with a letter for
    a digit ("2O25", "l6/03/2025")."""
    seen = 0
    for m in _DIGIT_IN_WORD.finditer(text):
        word = m.group().lower()
        if any(r in dictionary() for r in readings(word)[1:]):
            seen += 1
            if seen >= 2:
                return True
    if "O" in text or "l" in text:
        for m in _LETTER_IN_NUMBER.finditer(text):
            if len(m.group().replace("/", "").replace(":", "").replace(".", "")) >= 3:
                seen += 1
                if seen >= 2:
                    return True
    return False


def _scan_broke(first: str, second: str) -> bool:
    """Whether ``first second``, in a note that shows a scan's misreadings, is one word the scan
    broke with a space: its second piece is no word at all and its first no everyday word
    ("Pock lington", "Yar dley", "T aylor"; not "Her nan", "Pr ice"); the caller asks that the
    first is no name ("Amira texted": a word the dictionary lacks after a name)."""
    return (
        len(second) >= 4  # (not a form's "Bev Rigby ext 4017")
        and second not in dictionary()
        and not frequent_word(first.lower())
    )


def _pieces_of(first: str, second: str, is_name: Callable[[str], bool]) -> bool:
    """Whether ``first second`` are two pieces of one word a scan broke, asked of a note that
    shows a scan's misreadings: joined they are a name or a word the dictionary knows, and
    they are not two words ("Gra nger", "Juni or School", "Me llor", "T aylor"; not "Her nan",
    "Jo an", "Mat thews")."""
    if len(second) < 2 or len(first) + len(second) < 5:
        return False
    words = dictionary()
    if len(first) > 1 and first.lower() in words and second in words:
        return False
    joined = first + second
    return joined.lower() in words or is_name(joined)


# a street's or a building's word after a word a scan broke ("Lindfie ld House", "Quen by
# Walk"), and a street's word broken itself ("6 Tavistock Wa lk,")
_STREET_WORDS = frozenset(w for w in STREET_TYPES.split("|") if len(w) > 3)
# (the street's word written in full: "St" after "Brownies at" is a saint's)
_BUILDING_NEXT = re.compile(
    r"[ \t]+(?:" + "|".join(sorted(_STREET_WORDS | {"House", "Lodge"})) + r")(?![\w'’-])"
    r"(?![ \t]+[A-Z])"  # (the last word of the name: not "the Gurdwara on Tower Road")
)
# the small words a sentence puts before a place, never the end of a broken word
_NOT_A_PIECE = frozenset({"at", "in", "to", "of", "and", "the", "for", "is", "was", "a"})


def _street_broken(
    text: str, m: re.Match[str], first: str, second: str, is_name: Callable[[str], bool]
) -> bool:
    """Whether ``first second`` is one word of an address a scan broke with a space."""
    if first + second in _STREET_WORDS:
        return not frequent_word(first.lower()) and not frequent_word(second)
    return (
        len(second) <= 3
        and second not in _NOT_A_PIECE
        and len(first) >= 3
        and not frequent_word(first.lower())
        and not is_name(first)
        and _BUILDING_NEXT.match(text, m.end()) is not None
    )
