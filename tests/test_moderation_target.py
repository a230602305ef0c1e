"""The moderation as a grading target, the review session's preview, and the manager's feedback (no UI)."""

from __future__ import annotations

import pytest

from moderator.domain.grade_sheet import moderation_outcome
from moderator.domain.grades import Grade
from moderator.errors import Refused
from moderator.services.grading import (
    AuditTarget,
    GradingTarget,
    ModerationFeedback,
    ModerationTarget,
)
from moderator.services.review import Decision, ReviewSession
from moderator.services.sampling import draw_sample
from tests.helpers import people
from tests.moderation_helpers import manager_note, submitted_audit

pytestmark = pytest.mark.usefixtures("mini_rubrics")

G, RI, INAD, OUT = Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE, Grade.OUTSTANDING


@pytest.fixture
def setup(store):  # type: ignore[no-untyped-def]
    """mia's audit (Good, Good, Outstanding → Good) sampled unassigned."""
    u = people(store)
    audit_id = submitted_audit(
        store, u["lee"], u["mia"], "C-1", {"risk": G, "seen": G, "plan": OUT}
    )
    sample = draw_sample(store, u["lee"], rate=1, seed=1)
    mid = sample.items[0].moderation_id
    assert mid is not None
    return store, u, audit_id, mid


def test_a_moderation_is_a_blind_grading_target(setup) -> None:  # type: ignore[no-untyped-def]
    store, u, audit_id, mid = setup
    target = ModerationTarget.open(store, u["oli"], mid)
    assert isinstance(target, GradingTarget)
    sheet = target.load()
    assert (sheet.kind, sheet.case_ref, sheet.status, sheet.owner) == (
        "moderation",
        "C-1",
        "todo",
        "unassigned",
    )
    assert not sheet.read_only and sheet.submit_note and sheet.feedback is None
    # nothing of the manager's grading is in the sheet, in any field
    assert all(e.grade is None and e.note == "" for e in sheet.entries)
    assert sheet.override is None
    dumped = sheet.model_dump_json()
    for criterion in ("risk", "seen", "plan"):
        assert manager_note(audit_id, criterion) not in dumped

    target.save("risk", grade=INAD, note="No safety plan after the bruise.")
    again = target.load()
    assert again.owner == "oli" and again.status == "draft"  # the first grade claims it
    assert target.missing(again.entries, None, None) == [
        "The child seen and heard: not graded",
        "Plan with actions and timescales: not graded",
    ]


def test_a_submitted_moderation_is_read_only_and_others_cannot_grade_it(setup) -> None:  # type: ignore[no-untyped-def]
    store, u, _audit_id, mid = setup
    target = ModerationTarget.open(store, u["oli"], mid)
    for criterion, grade in (("risk", INAD), ("seen", G), ("plan", RI)):
        target.save(criterion, grade=grade, note="on file")
    done = target.submit()
    assert done.read_only and (done.read_only_reason or "").startswith("Submitted")
    with pytest.raises(Refused):
        target.save("risk", grade=G)
    lead_view = ModerationTarget.open(store, u["lee"], mid).load()
    assert lead_view.read_only
    with pytest.raises(Refused):
        ModerationTarget.open(store, u["mia"], mid).load()  # a manager never opens a moderation


def test_review_preview_follows_the_decisions_and_the_limiting_rule(setup) -> None:  # type: ignore[no-untyped-def]
    store, u, _audit_id, mid = setup
    target = ModerationTarget.open(store, u["oli"], mid)
    for criterion, grade in (("risk", INAD), ("seen", G), ("plan", RI)):
        target.save(criterion, grade=grade, note="on file")
    target.submit()
    review = ReviewSession.open(store, u["oli"], mid)
    comparison = review.load()
    assert [r.criterion for r in comparison.rows] == ["risk", "plan", "seen"]  # disagreements first

    nothing = review.preview(comparison, {}, None, None)
    assert nothing.outcome is None and nothing.to_decide == ["risk", "plan"]
    assert review.missing(comparison, {}, None, None) == [
        "Risk identified and acted on: no moderated grade",
        "Plan with actions and timescales: no moderated grade",
    ]

    decisions = {"risk": Decision(INAD, ""), "plan": Decision(G, "Dates are there.")}
    preview = review.preview(comparison, decisions, None, None)
    assert preview.overall.final is INAD and preview.outcome == "downgraded"  # limiting criterion
    assert preview.to_decide == ["risk"]
    assert review.missing(comparison, decisions, None, None) == [
        "Risk identified and acted on: no rationale"
    ]

    override = review.preview(comparison, decisions, RI, "Risk since managed")
    assert override.overall.final is RI and override.outcome == "downgraded"
    assert (
        review.preview(
            comparison, {"risk": Decision(G, "x"), "plan": Decision(G, "y")}, None, None
        ).outcome
        == "agreed"
    )
    assert moderation_outcome(RI, G) == "upgraded" and moderation_outcome(None, G) is None


def test_the_manager_reads_the_outcome_on_their_audit(setup) -> None:  # type: ignore[no-untyped-def]
    store, u, audit_id, mid = setup
    target = ModerationTarget.open(store, u["oli"], mid)
    for criterion, grade in (("risk", INAD), ("seen", G), ("plan", OUT)):
        target.save(criterion, grade=grade, note="on file")
    target.submit()
    review = ReviewSession.open(store, u["oli"], mid)
    review.decide("risk", INAD, "Bruise not followed up: the inadequate descriptor.")
    review.complete()

    sheet = AuditTarget.open(store, u["mia"], audit_id).load()
    feedback = sheet.feedback
    assert isinstance(feedback, ModerationFeedback)
    assert feedback.outcome == "downgraded" and feedback.moderated_overall is INAD
    assert feedback.changed == 1
    risk = feedback.for_criterion("risk")
    assert risk is not None and risk.drift == 2 and risk.rationale and "Bruise" in risk.rationale
    assert feedback.headline().startswith("Moderated by oli on ")
    assert "downgraded, Good → Inadequate (1 of 3 criteria changed)" in feedback.headline()
