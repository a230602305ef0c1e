"""Dates whose month is named in another language, as the families' letters write them.

Notes quote and copy letters in the families' own languages: ``18 marca 2024``, ``5 de março
de 2024``, ``3 martie``, ``2024. március 18.``. :func:`find_foreign_dates` finds a day with a
month from the list in ``data/foreign_months.txt`` (a month that is also an English word, or
short, only with a year). It lives apart from :mod:`.date_words` (the English month names and
seasons) and :mod:`.dates_days` (the Welsh and Gaelic dates of the UK's own notes) to keep those
modules under the project's limit of about 400 lines.
"""

from __future__ import annotations

import re
from importlib import resources

from moderator.anonymise.references import lowered

# months in the languages of the families' letters, as a date writes them after its day
_FOREIGN_MONTHS = frozenset(
    ln.strip()
    for ln in resources.files("moderator.anonymise")
    .joinpath("data", "foreign_months.txt")
    .read_text("utf-8")
    .splitlines()
    if ln.strip() and not ln.startswith("#")
)
_ASCII_FOREIGN_MONTHS = frozenset(m for m in _FOREIGN_MONTHS if m.isascii())
# "18 marca 2024", "5 de março de 2024", "3 martie", "2024. március 18." (the month's word
# is checked against the list in Python)
_FOREIGN_DATE_RE = re.compile(
    r"(?P<d>\d{1,2})\.?[ \t]+(?:de[ \t]+)?(?P<m>[^\W\d_]{3,12})\.?"
    r"(?:[ \t]+(?:de[ \t]+)?(?P<y>(?:19|20)\d\d)(?!\d))?"
    r"|(?P<y2>(?:19|20)\d\d)\.?[ \t]+(?P<m2>[^\W\d_]{3,12})[ \t]+(?P<d2>\d{1,2})\.?(?!\d)"
)


def find_foreign_dates(
    text: str, words: frozenset[str], regions: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Dates with a month named in another language (``_FOREIGN_MONTHS``); a month's name
    that is also an English word (``words``: "mart", "mars") or short ("mai") only with a
    year. Looked for in ``regions``, the stretches around the note's digits."""
    if text.isascii() and _ASCII_FOREIGN_MONTHS.isdisjoint(lowered(text)[1]):
        return []  # quick: no month of another language among the note's words
    out = []
    for m in (d for lo, hi in regions for d in _FOREIGN_DATE_RE.finditer(text, lo, hi)):
        month = (m.group("m") or m.group("m2")).lower()
        if month not in _FOREIGN_MONTHS or not 1 <= int(m.group("d") or m.group("d2")) <= 31:
            continue
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "/.-"):
            continue
        dated = m.group("y") or m.group("y2")
        if not dated and (len(month) < 5 or month in words):
            continue
        end = m.end() if dated or text[m.end() - 1] != "." else m.end() - 1
        out.append((m.start(), end))
    return out
