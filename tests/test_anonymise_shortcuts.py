"""The redactor's shortcuts for speed find exactly what the slow way found.

Each shortcut replaces a regex scan or search with something quicker; these tests hold
each one against the scan it replaced, on the labelled corpus and on awkward strings.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from moderator.anonymise.dates_loose import find_loose_dates
from moderator.anonymise.digit_identifiers import _has_capital
from moderator.anonymise.evaluate import load_corpus
from moderator.anonymise.layer_known import _word_before
from moderator.anonymise.layer_orgs import _NAMED_NOUNS, NAMED_AFTER_RE
from moderator.anonymise.lexicon import lower_same_length
from moderator.anonymise.patterns import digit_regions, scan_near, word_positions

DATA = Path(__file__).parent / "data"
TEXTS = [c.case.text for p in sorted(DATA.glob("redaction_corpus*.jsonl")) for c in load_corpus(p)]
AWKWARD = [
    "Her nursery (Bright Beginnings Burslem) and the club is Biddulph Dolphins.",
    "nursery, Tiny Toes Audley, then Group Named Sunday Club called Little Stars",
    "club club Club is Club Is Rovers Club, club (Juniors) GROUP named Hope",
    "PRE-SCHOOL called Acorns; preschool is Oaks; the church, Walsall; gym named Pulse",
    "",
]


def _spans(matches: list[re.Match[str]]) -> list[tuple[int, int, str | None, str | None]]:
    return [(m.start(), m.end(), m.group("noun"), m.group("name")) for m in matches]


@pytest.mark.parametrize("repeat", [1, 4])
def test_names_after_a_noun_are_found_as_by_one_scan(repeat: int) -> None:
    for text in [*TEXTS, *AWKWARD]:
        text = " ".join([text] * repeat)
        lower = lower_same_length(text)
        quick = scan_near(NAMED_AFTER_RE, word_positions(lower, _NAMED_NOUNS), text, 0, 120)
        assert _spans(quick) == _spans(list(NAMED_AFTER_RE.finditer(text))), text


def test_the_word_before_is_what_the_regex_found() -> None:
    pattern = re.compile(r"([^\W\d_]+)[ \t]*$")
    rng = random.Random(14)
    alphabet = "ab Z \t1_²é.-’\nİ"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        start = rng.randint(0, len(text))
        m = pattern.search(text, max(0, start - 20), start)
        assert _word_before(text, start) == (m.group(1).lower() if m else ""), (text, start)


def test_a_capital_is_seen_as_before() -> None:
    samples = ["ab 12", "AB 12", "st1 2ab", "É 12", "ǅ 4", "ß 1", "", "12 34", "x\u0130 5"]
    rng = random.Random(5)
    samples += ["".join(rng.choice("aZ1 é_Éǅ") for _ in range(8)) for _ in range(2000)]
    for s in samples:
        assert _has_capital(s) == any(c.isupper() for c in s), s


def test_digit_stretches_merge_as_before() -> None:
    def one_by_one(text: str, before: int, after: int) -> list[tuple[int, int]]:
        regions: list[tuple[int, int]] = []
        for m in re.finditer(r"\d+", text):
            lo, hi = max(0, m.start() - before), min(len(text), m.end() + after)
            if regions and lo <= regions[-1][1]:
                regions[-1] = (regions[-1][0], hi)
            else:
                regions.append((lo, hi))
        return regions

    rng = random.Random(3)
    for _ in range(5000):
        text = "".join(rng.choice("a" * 30 + "1 ٣") for _ in range(rng.randint(0, 300)))
        before, after = rng.choice([(25, 25), (3, 10), (0, 0), (40, 5)])
        assert digit_regions(text, before, after) == one_by_one(text, before, after), text


def test_loose_dates_near_digits_are_all_the_loose_dates() -> None:
    extra = ["w/c 14/02, 3/11 and 16.10; scored 7/10; 03JUN11; Thurs 3rd; on the 4th " * 3]
    for text in [*TEXTS, *extra]:
        assert find_loose_dates(text, digit_regions(text)) == find_loose_dates(text), text
