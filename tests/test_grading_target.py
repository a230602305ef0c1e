"""The grading target behind the grading screen, and the ordered writer, without any UI."""

from __future__ import annotations

import pytest

from moderator.domain.grade_sheet import incomplete_reasons
from moderator.domain.grades import Grade
from moderator.errors import Refused
from moderator.services.audits import CriterionEntry, assign_audit, get_audit
from moderator.services.grading import AuditTarget, GradingTarget
from moderator.tui.screens.grading import Batch, BatchWriter
from tests.helpers import add_case, people

pytestmark = pytest.mark.usefixtures("mini_rubrics")


def _audit(store):  # type: ignore[no-untyped-def]
    u = people(store)
    add_case(store, "C-1")
    return u, assign_audit(store, u["lee"], "C-1", "mia", "mini", "2020-02-01")


def test_an_audit_is_a_grading_target(store) -> None:  # type: ignore[no-untyped-def]
    u, audit_id = _audit(store)
    target = AuditTarget.open(store, u["mia"], audit_id)
    assert isinstance(target, GradingTarget)
    sheet = target.load()
    assert (sheet.kind, sheet.case_ref, sheet.status, sheet.read_only) == (
        "audit",
        "C-1",
        "todo",
        False,
    )
    assert [e.criterion for e in sheet.entries] == ["risk", "seen", "plan"]


def test_someone_elses_or_a_submitted_audit_is_read_only_and_says_why(store) -> None:  # type: ignore[no-untyped-def]
    u, audit_id = _audit(store)
    lead_view = AuditTarget.open(store, u["lee"], audit_id).load()
    assert lead_view.read_only and "Lead view of mia's audit" in (lead_view.read_only_reason or "")
    with pytest.raises(Refused):
        AuditTarget.open(store, u["lee"], audit_id).save("risk", grade=Grade.GOOD)

    mine = AuditTarget.open(store, u["mia"], audit_id)
    for crit in ("risk", "seen", "plan"):
        mine.save(crit, grade=Grade.GOOD, note="on file")
    done = mine.submit()
    assert done.read_only and (done.read_only_reason or "").startswith("Submitted")


def test_incomplete_reasons_names_each_gap() -> None:
    from pathlib import Path

    from moderator.domain.rubric_files import load_rubric

    rubric = load_rubric(Path(__file__).parent / "data" / "rubrics" / "mini.yaml")
    entries = [
        CriterionEntry(criterion="risk", grade=Grade.GOOD, note=" "),
        CriterionEntry(criterion="seen", grade=None, note="seen"),
        CriterionEntry(criterion="plan", grade=Grade.GOOD, note="dated plan"),
    ]
    assert incomplete_reasons(rubric, entries, Grade.GOOD, "") == [
        "Risk identified and acted on: no evidence note",
        "The child seen and heard: not graded",
        "overall override has no reason",
    ]
    done = [
        CriterionEntry(criterion=c, grade=Grade.GOOD, note="x") for c in ("risk", "seen", "plan")
    ]
    assert incomplete_reasons(rubric, done, None, None) == []


def test_a_stale_write_that_finishes_late_never_overwrites_a_newer_one(store) -> None:  # type: ignore[no-untyped-def]
    u, audit_id = _audit(store)
    target = AuditTarget.open(store, u["mia"], audit_id)
    writer = BatchWriter(target, target.version())
    older = Batch(1, {"risk": CriterionEntry(criterion="risk", grade=Grade.GOOD, note="first")})
    newer = Batch(
        2,
        {"risk": CriterionEntry(criterion="risk", grade=Grade.INADEQUATE, note="second")},
        override=(Grade.REQUIRES_IMPROVEMENT, "risk now managed"),
    )
    writer.write(newer)
    writer.write(older)  # the superseded worker's thread got there last
    detail = get_audit(store, u["mia"], audit_id)
    risk = next(e for e in detail.entries if e.criterion == "risk")
    assert (risk.grade, risk.note) == (Grade.INADEQUATE, "second")
    assert detail.overall is not None and detail.overall.override is Grade.REQUIRES_IMPROVEMENT
