"""Words the screens share: service areas, statuses and grades as people say them."""

from __future__ import annotations

from rich.text import Text

from moderator.domain.grades import Grade
from moderator.domain.service_areas import SERVICE_AREAS, service_area_label
from moderator.services.audit_pages import STATUS_LABELS

__all__ = ["SERVICE_AREAS", "grade_label", "service_area_label", "status_label"]

STATUSES = STATUS_LABELS
"""The audit states in words (the same words the lists search for in the database)."""


def status_label(value: str) -> str:
    """``todo`` → ``To do``."""
    return STATUSES.get(value, value.capitalize())


def grade_label(grade: Grade | None, *, short: bool = False) -> str:
    """A grade in words (``—`` when there is none)."""
    if grade is None:
        return "—"
    return grade.short if short else grade.label


ABBREVIATIONS = {1: "Out", 2: "Good", 3: "RI", 4: "Inad"}


def grade_abbrev(grade: Grade | None) -> str:
    """A grade in four letters at most, for narrow lists (``Out``, ``Good``, ``RI``, ``Inad``)."""
    return "—" if grade is None else ABBREVIATIONS[int(grade)]


def grade_class(grade: Grade | None) -> str:
    """The CSS class that colours a grade: ``-g1`` … ``-g4``, or ``-ungraded``."""
    return "-ungraded" if grade is None else f"-g{int(grade)}"


def drift_text(drift: int | None) -> Text:
    """Drift in grade steps, coloured: downgrade, agreement, upgrade."""
    if drift is None:
        return Text("—", style="dim")
    if drift == 0:
        return Text("agreed", style="bold green")
    style = "bold red" if drift > 0 else "bold yellow"
    return Text(drift_words(drift), style=style)


def drift_words(drift: int) -> str:
    """A drift as the workbench writes it everywhere: ``2 down``, ``1 up``, ``agreed``.

    The review screens said "+1 down" and the lead's list of audits "+2": one form now."""
    if drift == 0:
        return "agreed"
    return f"{abs(drift)} {'down' if drift > 0 else 'up'}"
