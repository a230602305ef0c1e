"""The shipped rubrics cite their sources faithfully.

Every finding's quote must really be in the registered document, and where the
document numbers its paragraphs (the 2015 and 2025 inspection reports), in the
paragraph cited; in the letters, in the section paragraph or bullet cited. The documents live outside the repository (``../shared/seeds`` beside
the checkout, or ``MODERATOR_SEEDS``); without them only the registry checks run.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from moderator.domain.rubric import Rubric
from moderator.domain.rubric_files import load_rubric_dir, load_sources

REPO = Path(__file__).parent.parent
RUBRICS = REPO / "rubrics"
SHIPPED_IDS = {"help-and-protection", "children-in-care", "care-leavers", "management-oversight"}


def _seeds_dir() -> Path | None:
    override = os.environ.get("MODERATOR_SEEDS")
    candidates = [Path(override)] if override else []
    candidates += [REPO.parent / "shared" / "seeds", REPO.parent.parent / "shared" / "seeds"]
    return next((c for c in candidates if c.is_dir()), None)


def _flat(text: str) -> str:
    """Whitespace-insensitive (the 2025 report is hard-wrapped); nothing else is forgiven."""
    return re.sub(r"\s+", " ", text).strip()


def _numbered_paragraphs(text: str) -> dict[str, str]:
    """Paragraphs of a report that numbers them ("127. The local authority's ...")."""
    paragraphs: dict[str, str] = {}
    current: str | None = None
    for line in text.splitlines():
        match = re.match(r"^\s*(\d{1,3})\.\s+(.*)$", line)
        if match:
            current = match.group(1)
            paragraphs[current] = match.group(2)
        elif current is not None:
            paragraphs[current] += " " + line
    return paragraphs


# The 2025 report's text lost some paragraph numbers in conversion (4-21, 38-45);
# these are the 1-based lines where each numbered paragraph starts, counted from
# the numbered paragraphs either side (18 and 8 unnumbered blocks fill the gaps
# exactly). 58 marks the end of paragraph 57.
_ILACS_STARTS = {
    **{1: 61, 2: 67, 3: 74, 4: 82, 5: 87, 6: 92, 7: 100, 8: 105, 9: 111, 10: 116},
    **{11: 122, 12: 127, 13: 134, 14: 140, 15: 146, 16: 152, 17: 156, 18: 160, 19: 164},
    **{20: 168, 21: 172, 22: 183, 23: 192, 24: 197, 25: 202, 26: 207, 27: 214, 28: 220},
    **{29: 226, 30: 230, 31: 235, 32: 238, 33: 245, 34: 253, 35: 258, 36: 263, 37: 267},
    **{38: 278, 39: 282, 40: 286, 41: 292, 42: 300, 43: 304, 44: 311, 45: 319, 46: 328},
    **{47: 332, 48: 344, 49: 351, 50: 359, 51: 367, 52: 373, 53: 383, 54: 389, 55: 395},
    **{56: 401, 57: 408, 58: 416},
}


def _ilacs_paragraphs(text: str) -> dict[str, str]:
    lines = text.splitlines()
    assert lines[_ILACS_STARTS[22] - 1].startswith("22. "), "the 2025 report's text has changed"
    return {
        str(n): " ".join(lines[start - 1 : _ILACS_STARTS[n + 1] - 1])
        for n, start in _ILACS_STARTS.items()
        if n + 1 in _ILACS_STARTS
    }


def _section_passage(text: str, locator: str) -> str | None:
    """The passage a letter's locator names ("'Overview', para 4" or "'Findings', bullet 2").

    Paragraphs are blank-line separated; one that a page break split (it does
    not end a sentence) is joined to the next. Returns None for other locators.
    """
    match = re.fullmatch(r"'(.+?)', (para|bullet) (\d+)", locator)
    if not match:
        return None
    heading, kind, number = match.group(1), match.group(2), int(match.group(3))
    lines = text.splitlines()

    def bare(line: str) -> str:
        return re.sub(r"[#*]", "", line).strip().rstrip("?!").strip()

    start = next((i for i, line in enumerate(lines) if bare(line) == heading), None)
    if start is None:
        return ""
    paragraphs: list[str] = []
    bullets: list[str] = []
    block: list[str] = []
    in_bullet = False

    def flush() -> None:
        if block:
            joined = " ".join(block)
            if paragraphs and not re.search(r"[.:;!?]$", paragraphs[-1]):
                paragraphs[-1] += " " + joined
            else:
                paragraphs.append(joined)
            block.clear()

    for line in lines[start + 1 :]:
        stripped = line.strip()
        if stripped.startswith("### "):
            break
        if re.match(r"^(- |B )", stripped):
            flush()
            bullets.append(stripped[2:])
            in_bullet = True
        elif not stripped:
            flush()
            in_bullet = False
        elif in_bullet:
            bullets[-1] += " " + stripped
        else:
            block.append(stripped)
    flush()
    items = paragraphs if kind == "para" else bullets
    return items[number - 1] if number <= len(items) else ""


@pytest.fixture(scope="module")
def shipped() -> dict[str, Rubric]:
    return load_rubric_dir(RUBRICS)


def test_the_four_rubrics_ship_with_the_right_service_areas(shipped: dict[str, Rubric]) -> None:
    assert set(shipped) == SHIPPED_IDS
    assert shipped["help-and-protection"].service_area == "help_and_protection"
    assert shipped["children-in-care"].service_area == "children_in_care"
    assert shipped["care-leavers"].service_area == "care_leavers"
    assert shipped["management-oversight"].service_area is None


@pytest.mark.parametrize("rubric_id", sorted(SHIPPED_IDS))
def test_each_rubric_has_10_to_12_criteria_in_2_to_4_domains(
    shipped: dict[str, Rubric], rubric_id: str
) -> None:
    rubric = shipped[rubric_id]
    assert 10 <= len(rubric.criteria) <= 12
    assert 2 <= len(rubric.domains) <= 4
    limiting = [c.id for c in rubric.criteria if c.limiting]
    assert limiting, "each rubric has a limiting criterion (risk to the child)"
    assert sorted(rubric.overall.limiting_criteria) == sorted(limiting)


@pytest.mark.parametrize("rubric_id", sorted(SHIPPED_IDS))
def test_every_quote_is_verbatim_in_its_source(shipped: dict[str, Rubric], rubric_id: str) -> None:
    seeds = _seeds_dir()
    if seeds is None:
        pytest.skip("source documents (shared/seeds) not available")
    sources = load_sources(RUBRICS / "sources.yaml")
    texts = {sid: (seeds / src.file).read_text(encoding="utf-8") for sid, src in sources.items()}
    numbered = {
        "stoke-sif-2015": _numbered_paragraphs(texts["stoke-sif-2015"]),
        "stoke-ilacs-2025": _ilacs_paragraphs(texts["stoke-ilacs-2025"]),
    }
    wrong = []
    for criterion in shipped[rubric_id].criteria:
        for finding in criterion.findings:
            where = f"{criterion.id}: {finding.source} {finding.locator}: {finding.quote!r}"
            if _flat(finding.quote) not in _flat(texts[finding.source]):
                wrong.append(f"not in the document: {where}")
            elif finding.source in numbered and finding.paragraph.isdigit():
                paragraph = numbered[finding.source].get(finding.paragraph, "")
                if _flat(finding.quote) not in _flat(paragraph):
                    wrong.append(f"not in that paragraph: {where}")
            else:
                passage = _section_passage(texts[finding.source], finding.paragraph)
                if passage is not None and _flat(finding.quote) not in _flat(passage):
                    wrong.append(f"not in that passage: {where}")
    assert not wrong, "\n".join(wrong)
