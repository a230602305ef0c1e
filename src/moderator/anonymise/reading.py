"""The note as the redactor's layers read it, and where each of its characters lies in the note
as written.

Text pasted out of a web form, a PDF or a word processor, or read off a scanned page, carries
things a reader looks through but a pattern does not: a non-breaking space between a house
number and its street (``17 Mill Road``), an invisible zero-width space or soft hyphen inside
a name (``Kel<ZWSP>ly``), mark-up (``Kelly Marsh<br>``, ``Mill&nbsp;Road``, ``**Kelly**``), a
word a scan broke across a line (``Str-⏎eet``), an en dash inside a double name
(``Kacey–Leigh``) and digits OCR read for letters (``Ke1ly``). The layers run on a *reading*
of the note with these taken out, and every redaction they find is mapped back to the
characters of the note as written, so that the whole of a name is replaced,
whatever lies inside it. The note as written is never changed elsewhere: what is not
redacted is kept exactly.

The map is two lists: ``starts[i]`` is where the reading's character ``i`` starts in the
note, ``ends[i]`` where it ends (an entity ``&amp;`` read as ``&`` spans five characters).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from moderator.anonymise.broken_words import join_broken_words
from moderator.anonymise.lexicon import frequent_word
from moderator.anonymise.ocr_readings import CAPITALS_WITH_L, NOT_AFTER_L, readings
from moderator.anonymise.reading_numbers import (
    OCR_NUMBER_HINT,
    OCR_PLATE,
    OCR_POSTCODE,
    ocr_numbers,
    ocr_plates,
    ocr_postcodes,
)
from moderator.anonymise.reading_spaced import join_spaced

# characters a reader does not see: soft hyphen, zero-width spaces and joiners, the word
# joiner, a byte-order mark, the marks that turn the direction of text
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff" + "".join(
    chr(c) for c in range(0x202A, 0x202F)
)
# spaces of other widths, read as a plain space (no-break, thin, figure, ideographic ...)
_SPACES = "\u00a0\u1680" + "".join(chr(c) for c in range(0x2000, 0x200B)) + "\u202f\u205f\u3000"
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
# tags of the mark-up case systems and e-mail exports carry: those that end a line become a
# line's end, a table cell's a space, the rest (bold, a link, a span) nothing
_BLOCK_TAGS = frozenset({"br", "p", "div", "li", "ul", "ol", "tr", "table", "tbody", "thead"})
_BLOCK_TAGS |= {f"h{n}" for n in range(1, 7)}
_CELL_TAGS = frozenset({"td", "th"})
_INLINE_TAGS = frozenset({"b", "i", "u", "em", "strong", "span", "font", "a", "small", "sup"})
_TAG = r"</?(?P<tag>[A-Za-z][A-Za-z0-9]{0,9})(?:[ \t][^<>\n]{0,300})?/?>"  # (no tag spans lines)
# Markdown's bold, on a word's edge ("partial reg **YS17**", "**Kelly Marsh** (mother)")
_BOLD = r"\*\*(?=\w)|(?<=[\w.)])\*\*"
# a dash of another width inside a double name, as a word processor or a PDF writes it
# ("Kacey–Leigh", "Smith‐Jones"): read as a hyphen
_DASHES = "\u2010\u2011\u2012\u2013\u2212"
_DASH = f"(?<=[^\\W\\d_])[{_DASHES}](?=[^\\W\\d_])"
_TRIGGER = re.compile(f"[{_INVISIBLE}{_SPACES}]|{_ENTITY}|{_TAG}|{_BOLD}|{_DASH}")

# a word OCR may have read with digits for letters ("Ke1ly", "0livia", "Ty1er") or a capital
# I for an l ("KeIly"): letters and those digits, with at least two letters
_OCR_WORD = re.compile(
    r"(?<![\w@'’.-])(?=[A-Za-z015]*[A-Za-z][A-Za-z015]*[A-Za-z])[A-Za-z015]{3,20}(?![\w@])"
)
# a digit OCR may have read for a letter inside a word, a capital I for an l, or a small l for
# a capital I
_OCR_HINT = re.compile(
    r"[A-Za-z][015]|(?<![\w])[015][a-z]|[a-z]I[a-z]|[A-Z]l[A-Z]|(?<![\w])l[bcdfghjkmnpqrstvwxz]"
)
# a capitalised word with a 0 or a 1 among its small letters ("Ki1ner", "0ye1owo", "R0e")
_CAPITALISED_01 = re.compile(r"[A-Z0](?=[a-z01]*[a-z])[a-z01]{2,18}")
_AS_LOWER = str.maketrans("01", "ol")  # what each digit may be, opening a word
# the second part of a double-barrelled name or a surname after an initial's stop, which
# _OCR_WORD does not start at ("Ellie-R0se", "C.Donnel1y"; not "ME1-2", "a.b1c")
_OCR_JOINED_WORD = re.compile(
    r"(?:(?<=[a-z]-)|(?<=(?<![\w.])[A-Z]\.))"
    r"(?=[A-Za-z015]*[a-z][A-Za-z015]*[a-z])[A-Z][A-Za-z015]{2,19}(?![\w@])"
)
# a name's prefix OCR read with a digit: "0'Leary" (O'), "A1-Hamwi" (Al-), "E1-Masri" (El-)
_OCR_PREFIX = re.compile(r"(?<![\w'’.-])(?:0(?=['’][A-Z][a-z])|[AE]1(?=-[A-Z][a-z]{2}))")


@dataclass(frozen=True, slots=True)
class Reading:
    """A note as the layers read it: ``text``, and where each character lies in the note as
    written (``starts``; ``ends``, each with one entry more than ``text`` has characters)."""

    text: str
    starts: Sequence[int]
    ends: Sequence[int]


def reading_of(
    source: str,
    is_name: Callable[[str], bool] | None = None,
    is_known: Callable[[str], bool] | None = None,
) -> Reading | None:
    """The note ``source`` as the layers read it (see the module), or None when it reads as
    written. ``is_name`` says whether a word is a name: a word OCR misread is read as the name
    it becomes (``Ke1ly`` as ``Kelly``) only when it is one. ``is_known`` says whether a word
    is a name of the record's own people: a stray space inside one is read through even
    where its pieces are everyday words (``Log an`` for a child Logan)."""
    text, starts, ends = source, None, None
    if _TRIGGER.search(source) is not None:
        text, starts, ends = _unmarked(source)
    joined = join_broken_words(text) if "-" in text and "\n" in text else None
    if joined is not None:
        text, (starts, ends) = joined[0], _through(joined[1], starts, ends)
    spaced = join_spaced(text, is_name, is_known) if is_name is not None and " " in text else None
    if spaced is not None:
        text, (starts, ends) = spaced[0], _through(spaced[1], starts, ends)
    read_m = _read_rn(text, is_name) if is_name is not None and "rn" in text else None
    if read_m is not None:
        old_starts = starts if starts is not None else range(len(text) + 1)
        old_ends = ends if ends is not None else range(1, len(text) + 2)
        read, back, widened = read_m  # (an "m" read for "rn" ends where the "n" did)
        starts = [old_starts[b] for b in back]
        ends = [old_ends[b + 1] if i in widened else old_ends[b] for i, b in enumerate(back)]
        text = read
    same = text  # what follows changes characters, never their number
    if is_name is not None and _OCR_HINT.search(text) is not None:
        text = _ocr_read(text, is_name) or text
    if OCR_NUMBER_HINT.search(text) is not None:
        text = ocr_numbers(text)
    if OCR_POSTCODE.search(text) is not None and len(_OCR_HINT.findall(source)) >= 2:
        text = ocr_postcodes(text)
    if OCR_PLATE.search(text) is not None and len(_OCR_HINT.findall(source)) >= 2:
        text = ocr_plates(text)
    if "\n" in text:
        text = _unwrapped(text)
        text = _heads_unwrapped(text)
    if starts is None or ends is None:
        if text is same:
            return None
        return Reading(text, range(len(text) + 1), range(1, len(text) + 2))
    return Reading(text, starts, ends)


# a line a PDF wrapped: long, ending in a word with no stop, the next starting with a letter
_WRAPPED_LINE = re.compile(r"^[^\n]{55,110}[A-Za-z,)]\n(?=[A-Za-z(])", re.M)
# a line break inside a name a PDF wrapped: after a title or a capitalised word, before one
_BREAK_IN_NAME = re.compile(
    r"(?<=[A-Za-z])(?<![.:;!?])[ \t]*\n(?=[ \t]*[A-Z][a-z'’A-Z-]*(?:[ \t,.]|$))", re.M
)


# a line break a narrow column put inside a school's, a practice's or a college's name: after a
# capitalised word, before the head that ends the name, and the name closes there
# ("Ladywell Road⏎Surgery)", "at Arrowdale⏎College, Redditch campus"); not "Attendance⏎School
# reports", which runs on, nor "Surgery:", a form's field
_HEADS_NEXT = (
    r"(?:Primary|Infants?|Juniors?|High[ \t]+School|School|Academy|College|Nursery|Surgery"
    r"|Medical[ \t]+(?:Practice|Centre)|Health[ \t]+Centre|Practice)"
    r"(?:[ \t]+(?:School|Academy))?[ \t]*(?:[),.;\"”'’\n]|\Z)"
)
_HEAD_BREAK = re.compile(
    r"(?<![\w'’-])[A-Z][a-z'’-]+[ \t]*\n(?=[ \t]*" + _HEADS_NEXT + ")"
    # or one more word before the head, when the name opened after a bracket or "at"
    # ("(Catford⏎Hill School)"; not a signature's "Safeguarding Lead⏎Wyebridge Academy")
    r"|(?:(?<=\()|(?<=\bat[ \t])|(?<=\bfrom[ \t]))[A-Z][a-z'’-]+[ \t]*\n"
    r"(?=[ \t]*[A-Z][a-z'’-]+[ \t]+" + _HEADS_NEXT + ")"
)


def _heads_unwrapped(text: str) -> str:
    """``text`` with each line break inside a school's, practice's or college's name
    (``_HEAD_BREAK``) read as a space (the same length)."""
    if _HEAD_BREAK.search(text) is None:
        return text
    chars = list(text)
    for m in _HEAD_BREAK.finditer(text):
        chars[m.start() + m.group().index("\n")] = " "
    return "".join(chars)


def _unwrapped(text: str) -> str:
    """``text`` with the line breaks a PDF put inside a name read as spaces (the same length),
    where at least three of its lines are wrapped; else ``text``."""
    for wrapped, _ in enumerate(_WRAPPED_LINE.finditer(text), 1):
        if wrapped >= 3:
            break
    else:
        return text
    chars: list[str] | None = None
    for m in _BREAK_IN_NAME.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        last = text[line_start : m.start()].rstrip().rsplit(None, 1)[-1:]
        if not last or not (last[0][:1].isupper() or last[0].rstrip(".").lower() in _TITLES):
            continue
        line = text[line_start : m.start()]
        if len(line) < 40 or "|" in line or "\t" in line:
            continue  # a short line (a heading, an item of a list, a signature), a table's row
        letters = [c for c in line if c.isalpha()]
        if sum(c.islower() for c in letters) < len(letters) / 2:
            continue  # a form in capitals: each line its own field
        if _NEW_ITEM.match(text, m.end()):
            continue  # the next line opens a field, a dated entry or a message
        titled = last[0].rstrip(".").lower() in _TITLES
        if not titled and (len(line) < 55 or not _CONTINUED.match(text, m.end())):
            continue  # a name runs on only into a line that goes on with the sentence

        if chars is None:
            chars = list(text)
        newline = m.group().index("\n")
        chars[m.start() + newline] = " "
    return text if chars is None else "".join(chars)


# a line that opens an item of its own: a field's label ("Allocated SW: Ruth"), a dated entry
# ("Tues 7/10 19:50", "Dad 18:06:")
_NEW_ITEM = re.compile(
    r"[ \t]*(?:[^\n:]{1,30}:(?:[ \t]|$)|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?[ \t]+\d|[^\n]{0,20}\d{1,2}[:.]\d{2}\b)",
    re.M,
)
# a line going on with a sentence: words in title case, then a word in lower case
_CONTINUED = re.compile(
    r"[ \t]*[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)*(?:,?[ \t]+[a-z(]|[.;:)][ \t]+[A-Za-z(])"
)  # ("Masjid⏎Noor-ul-Huda. In …", "(Lea Vale⏎Health Centre) has …": the name ends the sentence)
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "pc", "dc", "ds", "di", "sgt", "nurse"})


def _through(
    back: list[int], starts: Sequence[int] | None, ends: Sequence[int] | None
) -> tuple[list[int], list[int]]:
    """The map of a reading made from another by dropping characters (``back``: each
    offset's offset in that reading), through that reading's own map, if it has one."""
    if starts is None or ends is None:
        return back, [b + 1 for b in back]
    return [starts[b] for b in back], [ends[b] for b in back]


def _unmarked(source: str) -> tuple[str, list[int], list[int]]:
    """``source`` with invisible characters, odd spaces, entities and tags read through."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last = 0
    for m in _TRIGGER.finditer(source):
        a, b = m.span()
        found = m.group()
        if found in _INVISIBLE or found == "**":
            read = ""
        elif found in _DASHES:
            read = "-"
        elif found in _SPACES:
            read = " "
        elif found.startswith("&"):
            read = html.unescape(found)
            read = " " if read in _SPACES else "" if read in _INVISIBLE else read
            if read == found or len(read) > 2 or not read.isprintable():
                continue  # not an entity, or one that reads as a control character
        else:
            tag = (m.group("tag") or "").lower()
            if tag in _BLOCK_TAGS:
                read = "\n"
            elif tag in _CELL_TAGS:
                read = " "
            elif tag in _INLINE_TAGS:
                read = ""
            else:
                continue  # "<3", "<Kelly>": not mark-up this reads through
        out.append(source[last:a])
        starts.extend(range(last, a))
        ends.extend(range(last + 1, a + 1))
        out.append(read)
        starts.extend([a] * len(read))
        ends.extend([b] * len(read))
        last = b
    out.append(source[last:])
    starts.extend(range(last, len(source) + 1))
    ends.extend(range(last + 1, len(source) + 2))
    return "".join(out), starts, ends


def _ocr_read(text: str, is_name: Callable[[str], bool]) -> str | None:
    """``text`` with each word OCR misread as a name read as that name (the same length), or
    None when there is none."""
    fixes: list[tuple[int, str]] = []
    words: list[tuple[int, str]] = []  # read as everyday words: kept if a scan's (two or more)
    plain: list[tuple[int, str]] = []  # a capitalised word read with letters, in a scan's note
    for m in _OCR_PREFIX.finditer(text):
        fixes.append((m.start(), m.group().replace("0", "O").replace("1", "l")))
    found = [*_OCR_WORD.finditer(text), *_OCR_JOINED_WORD.finditer(text)]
    for m in sorted(found, key=lambda m: m.start()):
        word = m.group()
        named_form = word[0].isupper() and word[1].islower()  # "Gi11", "Nuttal1": a name's
        if not named_form and (
            word[-1] in "015" or sum(c.isalpha() for c in word) < 2 + (len(word) > 3)
        ):
            continue  # "ME1", "CA11": a postcode's district, a plate's part; "11am": a time
        body = word[1:]
        if (
            not any(c in "015" for c in word)
            and not ("I" in body and body.replace("I", "").islower())
            and not CAPITALS_WITH_L.fullmatch(word)
            and not (word[0] == "l" and word[1] in NOT_AFTER_L)
        ):
            continue  # letters alone: a misread capital I only inside lower case ("KeIly"), a
            # small l only inside capitals ("RASHlD", "PRlMARY")
        read_as = readings(word)
        named = (
            next((r for r in read_as if r != word and is_name(r)), None) if len(word) > 3 else None
        )
        if named is not None:
            fixes.append((m.start(), named))
            continue
        said = next((r for r in read_as if r != word and frequent_word(r.lower())), None)
        if said is None and CAPITALS_WITH_L.fullmatch(word):
            said = read_as[0]  # "RlVERSlDE": a capital word's small l is OCR's, whatever word
        if said is not None and not frequent_word(word.lower()):
            words.append((m.start(), said))  # "F1at", "H0USE", "P0LICE", "MEDlCAL"
        elif said is None and _CAPITALISED_01.fullmatch(word):
            plain.append((m.start(), word[0].replace("0", "O") + word[1:].translate(_AS_LOWER)))
    if len(words) + len(fixes) >= 2:
        fixes += words + plain  # (one alone may be a handle's or a code's: "l0vebug", "B1ue")
        # and in a scan's note a capitalised word with 0 or 1 among small letters is read with
        # letters, name or not: "Ki1ner", "0ye1owo", "R0e", "0ct"
    if not fixes:
        return None
    chars = list(text)
    for at, reading in fixes:
        chars[at : at + len(reading)] = reading
    return "".join(chars)


# a word with "rn" where a scan read an "m" ("Surnmer", "Arnber", "Sarnuel")
_RN_WORD = re.compile(r"(?<![\w'’-])[A-Za-z]*rn[A-Za-z]*(?![\w'’-])")


def _read_rn(text: str, is_name: Callable[[str], bool]) -> tuple[str, list[int], set[int]] | None:
    """``text`` with each word a scan wrote with ``rn`` for an ``m`` read with the ``m``, where
    the note shows a scan's misreadings and the word read so is a name and as written is none
    (``Surnmer`` as Summer); each offset's offset in ``text``; and the offsets of the ``m``
    so read, each standing for two characters. None when there is none."""
    if len(_OCR_HINT.findall(text)) < 2:
        return None
    cuts: list[int] = []  # where an "rn" is read as "m": the "n" is dropped from the reading
    for m in _RN_WORD.finditer(text):
        word = m.group()
        if len(word) < 4 or is_name(word) or frequent_word(word.lower()):
            continue
        at = word.find("rn")
        while at >= 0:
            read = word[:at] + "m" + word[at + 2 :]
            if is_name(read):
                cuts.append(m.start() + at + 1)
                break
            at = word.find("rn", at + 1)
    if not cuts:
        return None
    chars = list(text)
    back: list[int] = []
    widened: set[int] = set()
    pieces: list[str] = []
    last = 0
    for cut in cuts:
        chars[cut - 1] = "m"
        pieces.append("".join(chars[last:cut]))
        back.extend(range(last, cut))
        widened.add(len(back) - 1)
        last = cut + 1
    pieces.append("".join(chars[last:]))
    back.extend(range(last, len(text) + 1))
    return "".join(pieces), back, widened
