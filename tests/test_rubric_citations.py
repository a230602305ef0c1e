"""The shipped rubrics cite their sources faithfully.

Every finding's quote must really be in the registered document, and where the
document numbers its paragraphs (the 2015 inspection report), in the paragraph
cited. The documents live outside the repository (``../shared/seeds`` beside
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
    texts = {
        sid: (seeds / src.file).read_text(encoding="utf-8") for sid, src in sources.items()
    }
    numbered = {"stoke-sif-2015": _numbered_paragraphs(texts["stoke-sif-2015"])}
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
    assert not wrong, "\n".join(wrong)
