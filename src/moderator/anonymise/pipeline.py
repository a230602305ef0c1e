"""From a raw case-system record to an anonymised case (docs/formats.md).

``anonymise_case`` keeps only what an auditor needs and nothing that identifies
the child, family or worker: pseudonymous references from a keyed hash, the
team and service area, key dates of the case, and the redacted text with a
count of what was redacted. The raw record is not kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from moderator.anonymise.pseudonym import Pseudonymiser
from moderator.anonymise.records import RawCase, ServiceArea
from moderator.anonymise.redact import DecisionLookup, Redaction, redact_case_text


class AnonymisedCase(BaseModel):
    """A case as it may be stored and shared: pseudonyms and redacted text only."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    case_ref: str
    """The case's pseudonym (``C-…``), stable across imports with the same key."""
    team: str
    service_area: ServiceArea
    opened: date
    closed: date | None = None
    key_dates: dict[str, date] = Field(default_factory=dict)
    """Milestones of the case (strategy discussion, conference…), as the export named them."""
    worker_ref: str | None = None
    """The allocated worker's pseudonym (``W-…``), if the export named one."""
    child_ref: str
    """The child's pseudonym (``P-…``)."""
    text: str
    """The case text with every identifier replaced by a typed placeholder."""
    redaction_counts: dict[str, int] = Field(default_factory=dict)
    """How many identifiers of each kind were redacted from the text."""


def anonymise_case(
    case: RawCase, pseudonymiser: Pseudonymiser, decisions: DecisionLookup | None = None
) -> tuple[AnonymisedCase, Redaction]:
    """Pseudonymise and redact one case.

    Returns the anonymised case and the :class:`Redaction` (spans into the
    original text, for a dry-run preview; not to be stored). ``decisions``
    are a person's remembered answers to the redactor's doubts.
    """
    redaction = redact_case_text(case, decisions=decisions)
    anonymised = AnonymisedCase(
        case_ref=pseudonymiser.case_ref(case.case_id),
        team=case.team,
        service_area=case.service_area,
        opened=case.opened,
        closed=case.closed,
        key_dates=dict(case.key_dates),
        worker_ref=pseudonymiser.worker_ref(case.worker) if case.worker else None,
        child_ref=pseudonymiser.person_ref("child", case.child.name, case.child.dob),
        text=redaction.text,
        redaction_counts=redaction.counts(),
    )
    return anonymised, redaction


def anonymise_cases(
    cases: Iterable[RawCase], pseudonymiser: Pseudonymiser
) -> Iterator[tuple[AnonymisedCase, Redaction]]:
    """``anonymise_case`` over many cases, lazily, in order."""
    for case in cases:
        yield anonymise_case(case, pseudonymiser)
