"""Case text, evidence notes and review rationales in the social-work register.

Case text is assembled from sentences chosen by the case's *true* quality on
each practice theme, so what an auditor reads supports the grade a careful
moderator gives. The same templates render two ways: with synthetic names,
dates and addresses (the raw import file of ``sample_audits/``, which the
import path then redacts) or with placeholders such as ``[CHILD]`` (the
already-anonymised text ``moderator synth`` stores: synth data never contains
identities, not even invented ones).

The phrase tables (openings, sentences per theme and grade band, evidence
notes, review rationales) are data: ``synth/data/phrases.yaml``, read once on
first use.

Evidence notes never carry a name: managers and moderators write about the
anonymised case they see.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from moderator.domain.grades import Grade

# -- themes -------------------------------------------------------------------------

THEMES = (
    "risk",
    "plan",
    "assessment",
    "voice",
    "oversight",
    "partners",
    "permanence",
    "health",
    "education",
    "pathway",
    "family",
    "general",
)


# -- the phrase tables ----------------------------------------------------------------

Bank = tuple[str, ...]


@dataclass(frozen=True)
class Phrases:
    """The phrase tables, as read from ``data/phrases.yaml`` (order matters: see there)."""

    theme_keywords: tuple[tuple[str, str], ...]
    placeholders: dict[str, str]
    pronouns: dict[str, dict[str, str]]
    openings: dict[str, Bank]
    history: Bank
    sentences: dict[str, dict[str, Bank]]
    area_themes: dict[str, Bank]
    closings: Bank
    impact_notes: dict[str, dict[str, Bank]]
    process_notes: Bank
    review_upheld: Bank
    review_conceded: Bank
    override_reasons: Bank


def _banks(table: Mapping[str, Any]) -> dict[str, Bank]:
    return {key: tuple(value) for key, value in table.items()}


@cache
def phrases() -> Phrases:
    """The phrase tables, read on first use (the file ships inside the package)."""
    raw = yaml.safe_load(files("moderator.synth").joinpath("data/phrases.yaml").read_text("utf-8"))
    return Phrases(
        theme_keywords=tuple((k, t) for k, t in raw["theme_keywords"]),
        placeholders=dict(raw["placeholders"]),
        pronouns={g: dict(words) for g, words in raw["pronouns"].items()},
        openings=_banks(raw["openings"]),
        history=tuple(raw["history"]),
        sentences={theme: _banks(bands) for theme, bands in raw["sentences"].items()},
        area_themes=_banks(raw["area_themes"]),
        closings=tuple(raw["closings"]),
        impact_notes={theme: _banks(bands) for theme, bands in raw["impact_notes"].items()},
        process_notes=tuple(raw["process_notes"]),
        review_upheld=tuple(raw["review_upheld"]),
        review_conceded=tuple(raw["review_conceded"]),
        override_reasons=tuple(raw["override_reasons"]),
    )


def theme_of(*texts: str) -> str:
    """The practice theme a criterion is about, from its id, title or question."""
    for text in texts:
        low = text.lower().replace("-", " ").replace("_", " ")
        for keyword, theme in phrases().theme_keywords:
            if keyword in low:
                return theme
    return "general"


def band(grade: Grade | int) -> str:
    """The sentence bank for a grade: good (1-2), ri (3) or inad (4)."""
    g = int(grade)
    return "good" if g <= 2 else ("ri" if g == 3 else "inad")


def render(template: str, slots: Mapping[str, str]) -> str:
    """Fill ``{slot}`` markers; unknown markers are left as they are."""
    return re.sub(r"\{(\w+)\}", lambda m: slots.get(m.group(1), m.group(0)), template)


def pronouns(gender: str) -> dict[str, str]:
    """``{he}``, ``{his}`` ... as they read for a child of ``gender`` (``f`` or ``m``)."""
    return dict(phrases().pronouns[gender])


def case_text(
    rng: random.Random,
    service_area: str,
    theme_grades: Mapping[str, Grade],
    slots: Mapping[str, str],
) -> str:
    """A case summary whose content supports the given true grade per theme."""
    p = phrases()
    parts = [render(rng.choice(p.openings[service_area]), slots)]
    if service_area == "help_and_protection":
        parts.append(render(rng.choice(p.history), slots))
    for theme in p.area_themes[service_area]:
        grade = theme_grades.get(theme)
        if grade is None:
            continue
        parts.append(render(rng.choice(p.sentences[theme][band(grade)]), slots))
    parts.append(render(rng.choice(p.closings), slots))
    return " ".join(parts)


def anonymised_slots(gender: str, age: int, n_refs: int) -> dict[str, str]:
    """Slots for already-anonymised text: placeholders for every identifier."""
    slots = dict(phrases().placeholders)
    slots.update(pronouns(gender))
    slots["age"] = str(age)
    slots["n_refs"] = str(n_refs)
    return slots


# -- evidence notes and rationales --------------------------------------------------------


def evidence_note(rng: random.Random, theme: str, grade: Grade, *, process: bool) -> str:
    """An evidence note for a criterion grade: impact-focused, or process-focused when optimistic."""
    if process:
        return rng.choice(phrases().process_notes)
    notes = phrases().impact_notes
    bank = notes.get(theme, notes["general"])
    text = rng.choice(bank[band(grade)])
    if grade is Grade.OUTSTANDING:
        text = "Exemplary. " + text
    return text


def review_rationale(
    rng: random.Random, theme: str, agreed: Grade, *, moderator_upheld: bool
) -> str:
    """Why a disagreement was settled at ``agreed``."""
    if moderator_upheld:
        impact = evidence_note(rng, theme, agreed, process=False)
        return render(
            rng.choice(phrases().review_upheld),
            {
                "impact": impact,
                "impact_lower": impact[0].lower() + impact[1:],
                "label": agreed.label,
            },
        )
    return render(rng.choice(phrases().review_conceded), {"label": agreed.label})


def override_reason(rng: random.Random) -> str:
    """Why an optimistic manager talked an overall grade up."""
    return rng.choice(phrases().override_reasons)


def overall_rationale(
    agreed: Grade, manager: Grade, downgraded: int, criteria: int, limited_by: list[str]
) -> str:
    """The sentence a moderator records for the moderated overall grade."""
    if agreed == manager:
        head = f"Overall {agreed.label} agreed with the manager."
    elif agreed > manager:
        head = f"Overall moderated from {manager.label} to {agreed.label}."
    else:
        head = f"Overall moderated up from {manager.label} to {agreed.label}."
    detail = f" {downgraded} of {criteria} criteria graded lower at review."
    if limited_by:
        detail += f" Limited by: {', '.join(limited_by)}."
    return head + detail
