"""The one grade sheet: the same rules for a manager's audit and a moderator's blind grading."""

from __future__ import annotations

import pytest

from moderator.domain.grade_sheet import (
    CriterionEntry,
    changed_entry,
    incomplete_reasons,
    moderation_outcome,
)
from moderator.domain.grades import Grade
from moderator.errors import BadInput
from moderator.services.audits import assign_audit
from moderator.services.grading import AuditTarget, GradingTarget, ModerationTarget
from moderator.services.review import ReviewSession
from moderator.services.sampling import draw_sample
from tests.helpers import add_case, people
from tests.moderation_helpers import submitted_audit

pytestmark = pytest.mark.usefixtures("mini_rubrics")

G, RI, INAD, OUT = Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE, Grade.OUTSTANDING


@pytest.mark.parametrize(
    ("manager", "moderated", "outcome"),
    [
        (G, G, "agreed"),
        (G, RI, "downgraded"),
        (G, INAD, "downgraded"),
        (RI, G, "upgraded"),
        (INAD, OUT, "upgraded"),
        (None, G, None),
        (G, None, None),
    ],
)
def test_the_outcome_compares_the_moderated_overall_with_the_managers(
    manager: Grade | None, moderated: Grade | None, outcome: str | None
) -> None:
    assert moderation_outcome(manager, moderated) == outcome


def test_a_change_that_changes_nothing_is_not_stored_again() -> None:
    stored = CriterionEntry(criterion="risk", grade=G, note="seen")
    assert changed_entry("risk", stored, "keep", None) is None
    assert changed_entry("risk", stored, G, "seen") is None
    assert changed_entry("risk", stored, "keep", "seen twice") == CriterionEntry(
        criterion="risk", grade=G, note="seen twice"
    )
    assert changed_entry("risk", stored, None, None) == CriterionEntry(
        criterion="risk", grade=None, note="seen"
    )
    # the first touch of a criterion is stored even when it sets nothing
    assert changed_entry("plan", None, "keep", None) == CriterionEntry(criterion="plan")
    with pytest.raises(BadInput, match="evidence note is too long"):
        changed_entry("risk", stored, "keep", "x" * 5000)


def _gappy(target: GradingTarget) -> list[str]:
    """Leave one criterion without a note, one ungraded and a bare override; return the preview."""
    target.save("risk", grade=INAD, note="")
    target.save("plan", grade=G, note="dated plan")
    sheet = target.load()
    return target.missing(sheet.entries, RI, "")


def _submit_problems(target: GradingTarget) -> list[str]:
    with pytest.raises(BadInput, match="is not complete") as err:
        target.submit()
    return [line.strip().removeprefix("- ") for line in err.value.details]


@pytest.mark.parametrize("kind", ["audit", "moderation"])
def test_the_preview_and_the_submission_apply_one_completeness_rule(store, kind: str) -> None:  # type: ignore[no-untyped-def]
    u = people(store)
    target: GradingTarget
    if kind == "audit":
        add_case(store, "C-9")
        audit_id = assign_audit(store, u["lee"], "C-9", "mia", "mini", None)
        target = AuditTarget.open(store, u["mia"], audit_id)
    else:
        submitted_audit(store, u["lee"], u["mia"], "C-9")
        mid = draw_sample(store, u["lee"], rate=1, seed=1).items[0].moderation_id
        assert mid is not None
        target = ModerationTarget.open(store, u["oli"], mid)
    preview = _gappy(target)
    assert preview[:2] == [
        "Risk identified and acted on: no evidence note",
        "The child seen and heard: not graded",
    ]
    # the stored sheet has no override yet, so the submission lists the two gaps only
    assert _submit_problems(target) == preview[:2]
    target.set_override(RI, "risk since managed")
    target.save("risk", note="no safety plan")
    sheet = target.load()
    assert target.missing(sheet.entries, sheet.override, sheet.override_reason) == [
        "The child seen and heard: not graded"
    ]
    assert _submit_problems(target) == ["The child seen and heard: not graded"]
    target.save("seen", grade=G, note="seen alone")
    sheet = target.load()
    assert target.missing(sheet.entries, sheet.override, sheet.override_reason) == []
    done = target.submit()
    assert done.read_only and done.status == "submitted"


def test_the_rule_names_every_gap_in_rubric_order(store) -> None:  # type: ignore[no-untyped-def]
    u = people(store)
    add_case(store, "C-8")
    audit_id = assign_audit(store, u["lee"], "C-8", "mia", "mini", None)
    rubric = AuditTarget.open(store, u["mia"], audit_id).rubric
    entries = [CriterionEntry(criterion="plan", grade=G, note="  ")]  # the others never touched
    assert incomplete_reasons(rubric, entries, OUT, "   ") == [
        "Risk identified and acted on: not graded",
        "The child seen and heard: not graded",
        "Plan with actions and timescales: no evidence note",
        "overall override has no reason",
    ]


def test_the_review_preview_and_its_completion_apply_one_rule(store) -> None:  # type: ignore[no-untyped-def]
    u = people(store)
    submitted_audit(store, u["lee"], u["mia"], "C-7", {"risk": G, "seen": G, "plan": OUT})
    mid = draw_sample(store, u["lee"], rate=1, seed=1).items[0].moderation_id
    assert mid is not None
    blind = ModerationTarget.open(store, u["oli"], mid)
    for criterion, grade in (("risk", INAD), ("seen", G), ("plan", RI)):
        blind.save(criterion, grade=grade, note="on file")
    blind.submit()
    review = ReviewSession.open(store, u["oli"], mid)

    def both() -> tuple[list[str], list[str]]:
        comparison = review.load()
        stored = comparison.moderated_overall
        preview = review.missing(comparison, {}, stored.override, stored.override_reason)
        with pytest.raises(BadInput, match="not complete") as err:
            review.complete()
        # the completion adds both gradings to each line, for the command line
        return preview, [
            line.strip().removeprefix("- ").split(" (manager")[0] for line in err.value.details
        ]

    preview, completion = both()
    assert (
        preview
        == completion
        == [
            "Risk identified and acted on: no moderated grade",
            "Plan with actions and timescales: no moderated grade",
        ]
    )
    review.decide("risk", INAD, "No safety plan after the bruise.")
    with pytest.raises(BadInput, match="needs a written reason"):
        review.set_override(RI, " ")
    preview, completion = both()
    assert preview == completion == ["Plan with actions and timescales: no moderated grade"]
    review.decide("plan", G, "Dates are there.")
    done = review.complete()
    assert done.status == "reviewed" and done.outcome == moderation_outcome(
        G, done.moderated_overall.final
    )


@pytest.mark.parametrize("kind", ["audit", "moderation", "review"])
def test_an_override_to_the_grade_the_rule_gives_is_refused(store, kind: str) -> None:  # type: ignore[no-untyped-def]
    """One rule for the workbench and the command line: an override gives another grade."""
    u = people(store)
    submitted_audit(store, u["lee"], u["mia"], "C-6", {"risk": G, "seen": G, "plan": OUT})
    target: GradingTarget | ReviewSession
    if kind == "audit":
        add_case(store, "C-9")
        target = AuditTarget.open(
            store, u["mia"], assign_audit(store, u["lee"], "C-9", "mia", "mini", None)
        )
        target.save("risk", grade=INAD, note="no plan")  # the rule gives Inadequate
    else:
        mid = draw_sample(store, u["lee"], rate=1, seed=1).items[0].moderation_id
        assert mid is not None
        blind = ModerationTarget.open(store, u["oli"], mid)
        blind.save("risk", grade=INAD, note="no plan")
        target = blind
        if kind == "review":
            for criterion, grade in (("seen", G), ("plan", OUT)):
                blind.save(criterion, grade=grade, note="on file")
            blind.submit()
            target = ReviewSession.open(store, u["oli"], mid)
            target.decide("risk", INAD, "No safety plan after the bruise.")
    with pytest.raises(BadInput, match="rule already gives Inadequate: an override must give"):
        target.set_override(INAD, "it is inadequate")
    target.set_override(RI, "risk since managed")  # another grade is accepted
