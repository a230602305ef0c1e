from __future__ import annotations

import sqlite3

import pytest

from moderator.domain.grades import Grade
from moderator.errors import BadInput, Refused
from moderator.services.audits import get_audit, list_audits
from moderator.services.moderation import (
    claim_moderation,
    compare_moderation,
    complete_review,
    get_moderation,
    moderation_queue,
    paired_grades,
    record_review,
    save_moderation_grade,
    set_moderated_overall,
    set_moderation_override,
    submit_moderation,
)
from moderator.services.sampling import draw_sample
from moderator.services.users import add_user, find_user
from tests.helpers import people
from tests.moderation_helpers import manager_note, submitted_audit

pytestmark = pytest.mark.usefixtures("mini_rubrics")

G, RI, INAD, OUT = Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE, Grade.OUTSTANDING


@pytest.fixture
def setup(store):  # type: ignore[no-untyped-def]
    """One submitted audit (mia: all Good, overall Good), sampled for oli."""
    u = people(store)
    audit_id = submitted_audit(
        store, u["lee"], u["mia"], "C-1", {"risk": G, "seen": G, "plan": OUT}
    )
    sample = draw_sample(store, u["lee"], rate=1, seed=1, moderator="oli")
    moderation_id = sample.items[0].moderation_id
    assert moderation_id is not None
    return store, u, audit_id, moderation_id


def _grade_all(store, user, mid, grades) -> None:  # type: ignore[no-untyped-def]
    for criterion, grade in grades.items():
        save_moderation_grade(
            store, user, mid, criterion, grade=grade, note=f"moderator evidence {criterion}"
        )


def test_moderator_works_blind_until_they_submit(setup) -> None:  # type: ignore[no-untyped-def]
    store, u, audit_id, mid = setup
    oli = u["oli"]
    # Every path a moderator has to the audit is blind before submission.
    detail = get_audit(store, oli, audit_id)
    assert detail.blind and detail.entries == [] and detail.overall is None
    assert detail.summary.overall is None and detail.summary.graded == 0
    assert detail.feedback == []
    [listed] = list_audits(store, oli)
    assert listed.overall is None and listed.graded == 0 and listed.moderation is None
    mod = get_moderation(store, oli, mid)
    dumped = mod.model_dump_json()
    assert "MGRNOTE" not in dumped and "zebra" not in dumped
    assert all(e.grade is None and e.note == "" for e in mod.entries)
    assert mod.case_text == "[CHILD] was seen alone." and mod.editable
    with pytest.raises(Refused, match="not submitted"):
        compare_moderation(store, oli, mid)
    assert paired_grades(store, oli) == []

    _grade_all(store, oli, mid, {"risk": INAD, "seen": G, "plan": RI})
    with pytest.raises(Refused, match="not submitted"):
        compare_moderation(store, oli, mid)
    assert get_audit(store, oli, audit_id).blind

    submitted = submit_moderation(store, oli, mid)
    assert submitted.summary.status == "submitted" and not submitted.editable
    seen = get_audit(store, oli, audit_id)
    assert not seen.blind and seen.entries[0].note == manager_note(audit_id, "risk")


def test_moderation_autosaves_logs_and_locks_on_submit(setup) -> None:  # type: ignore[no-untyped-def]
    store, u, _audit_id, mid = setup
    oli = u["oli"]
    save_moderation_grade(store, oli, mid, "risk", grade=G)
    save_moderation_grade(store, oli, mid, "risk", grade=INAD, note="No safety plan.")
    assert get_moderation(store, oli, mid).summary.status == "draft"
    events = [
        (e["kind"], e["field"], e["before"], e["after"])
        for e in store.events("moderation", mid)
        if e["kind"].startswith("moderation.")
    ]
    assert ("moderation.grade", "risk", None, "Good") in events
    assert ("moderation.grade", "risk", "Good", "Inadequate") in events
    assert ("moderation.note", "risk", "0 chars", "15 chars") in events

    with pytest.raises(BadInput) as err:
        submit_moderation(store, oli, mid)
    assert "The child seen and heard: not graded" in str(err.value)
    _grade_all(store, oli, mid, {"seen": G, "plan": RI})
    with pytest.raises(BadInput, match="reason"):
        set_moderation_override(store, oli, mid, RI, " ")
    set_moderation_override(store, oli, mid, RI, "Risk was managed within a day")
    done = submit_moderation(store, oli, mid)
    assert done.overall.final is RI
    with pytest.raises(Refused, match="read-only"):
        save_moderation_grade(store, oli, mid, "seen", grade=OUT)
    # The database itself refuses to change a submitted blind grading.
    with pytest.raises(sqlite3.IntegrityError, match="read-only"), store.transaction():
        store.execute("UPDATE moderation_grades SET grade = 1 WHERE moderation_id = ?", [mid])
    with pytest.raises(sqlite3.IntegrityError, match="read-only"), store.transaction():
        store.execute("UPDATE moderations SET overall_grade = 1 WHERE id = ?", [mid])


def test_review_disagreements_first_then_outcome_for_the_manager(setup) -> None:  # type: ignore[no-untyped-def]
    store, u, audit_id, mid = setup
    oli = u["oli"]
    _grade_all(store, oli, mid, {"risk": INAD, "seen": G, "plan": RI})
    submit_moderation(store, oli, mid)

    comparison = compare_moderation(store, oli, mid)
    assert [r.criterion for r in comparison.rows] == ["risk", "plan", "seen"]
    by = {r.criterion: r for r in comparison.rows}
    assert (by["plan"].drift, by["risk"].drift, by["seen"].drift) == (2, 2, 0)
    assert by["seen"].agreed and by["seen"].moderated_grade is G and by["seen"].decided
    assert by["risk"].manager_note == manager_note(audit_id, "risk")
    assert comparison.to_decide == ["risk", "plan"] and comparison.outcome is None
    assert comparison.manager_overall is G and comparison.moderator_overall is INAD

    with pytest.raises(BadInput, match="rationale"):
        record_review(store, oli, mid, "risk", INAD, "  ")
    with pytest.raises(BadInput, match="agreed"):
        record_review(store, oli, mid, "seen", RI, "no")
    with pytest.raises(BadInput, match="not complete") as err:
        complete_review(store, oli, mid)
    assert "Risk identified and acted on: no moderated grade" in str(err.value)

    after = record_review(
        store, oli, mid, "risk", INAD, "Meets 'a known risk was not acted on': no safety plan."
    )
    risk = next(r for r in after.rows if r.criterion == "risk")
    assert risk.descriptor and risk.descriptor.startswith("A known risk was not acted on")
    record_review(store, oli, mid, "plan", G, "On reflection the plan has timescales.")
    preview = compare_moderation(store, oli, mid)
    assert preview.to_decide == [] and preview.outcome == "downgraded"
    assert preview.moderated_overall.final is INAD  # the limiting criterion decides

    done = complete_review(store, oli, mid)
    assert done.status == "reviewed" and done.outcome == "downgraded"
    stored = store.rows(
        "SELECT criterion, moderated_grade, rationale FROM moderation_grades"
        " WHERE moderation_id = ? ORDER BY criterion",
        [mid],
    )
    assert [(r["criterion"], r["moderated_grade"]) for r in stored] == [
        ("plan", 2),
        ("risk", 4),
        ("seen", 2),
    ]
    kinds = [e["kind"] for e in store.events("moderation", mid)]
    assert kinds.count("moderation.review") == 2 and kinds[-1] == "moderation.reviewed"

    # The manager reads the outcome and the rationale on their audit.
    mine = get_audit(store, u["mia"], audit_id)
    assert mine.summary.moderation == "downgraded"
    rows = {f["criterion"]: f for f in mine.feedback}
    assert rows["risk"]["moderated_grade"] == "Inadequate" and rows["risk"]["drift"] == 2
    assert rows["risk"]["rationale"].startswith("Meets 'a known risk")
    assert (
        rows["plan"]["moderated_grade"] == "Good" and rows["plan"]["manager_grade"] == "Outstanding"
    )
    assert rows["overall"]["outcome"] == "downgraded"
    assert rows["overall"]["moderated_grade"] == "Inadequate"

    # Reviewed is read-only, in the services and in the database.
    with pytest.raises(Refused, match="read-only"):
        record_review(store, oli, mid, "risk", RI, "changed my mind")
    with pytest.raises(sqlite3.IntegrityError, match="read-only"), store.transaction():
        store.execute("UPDATE moderation_grades SET rationale = 'x' WHERE moderation_id = ?", [mid])
    pairs = paired_grades(store, u["lee"])
    overall = next(p for p in pairs if p["criterion"] == "overall")
    assert (overall["manager_grade"], overall["moderated_grade"]) == ("Good", "Inadequate")


def test_moderated_overall_override_needs_a_reason_and_sets_the_outcome(setup) -> None:  # type: ignore[no-untyped-def]
    store, u, _audit_id, mid = setup
    oli = u["oli"]
    _grade_all(store, oli, mid, {"risk": G, "seen": G, "plan": OUT})
    submit_moderation(store, oli, mid)
    assert compare_moderation(store, oli, mid).to_decide == []
    with pytest.raises(BadInput, match="reason"):
        set_moderated_overall(store, oli, mid, OUT, "")
    set_moderated_overall(store, oli, mid, OUT, "Exceptional direct work with the child")
    done = complete_review(store, oli, mid)
    assert done.outcome == "upgraded" and done.moderated_overall.final is OUT


def test_agreement_everywhere_is_agreed(setup) -> None:  # type: ignore[no-untyped-def]
    store, u, _audit_id, mid = setup
    _grade_all(store, u["oli"], mid, {"risk": G, "seen": G, "plan": OUT})
    submit_moderation(store, u["oli"], mid)
    assert complete_review(store, u["oli"], mid).outcome == "agreed"


def test_who_may_do_what(setup) -> None:  # type: ignore[no-untyped-def]
    store, u, audit_id, mid = setup
    add_user(store, "lee", "ada", "moderator")
    ada = find_user(store, "ada")
    assert ada is not None
    with pytest.raises(Refused):
        get_moderation(store, u["mia"], mid)  # a manager never opens moderations
    with pytest.raises(Refused):
        get_moderation(store, ada, mid)  # assigned to oli
    with pytest.raises(Refused):
        save_moderation_grade(store, ada, mid, "risk", grade=G)
    with pytest.raises(Refused):
        save_moderation_grade(store, u["lee"], mid, "risk", grade=G)  # leads don't grade
    with pytest.raises(Refused):
        get_audit(store, ada, audit_id)
    assert moderation_queue(store, ada) == []
    with pytest.raises(Refused):
        moderation_queue(store, u["mia"])
    _grade_all(store, u["oli"], mid, {"risk": G, "seen": G, "plan": OUT})
    submit_moderation(store, u["oli"], mid)
    with pytest.raises(Refused):
        compare_moderation(store, ada, mid)
    assert compare_moderation(store, u["lee"], mid).rows  # a lead may review too


def test_unassigned_moderations_are_claimed_by_the_first_moderator(store) -> None:  # type: ignore[no-untyped-def]
    u = people(store)
    add_user(store, "lee", "ada", "moderator")
    ada = find_user(store, "ada")
    assert ada is not None
    submitted_audit(store, u["lee"], u["mia"], "C-1")
    submitted_audit(store, u["lee"], u["max"], "C-2")
    sample = draw_sample(store, u["lee"], rate=1, seed=1)
    first, second = (i.moderation_id for i in sample.items)
    assert first is not None and second is not None
    assert [m.id for m in moderation_queue(store, u["oli"])] == [first, second]
    assert all(m.moderator is None for m in moderation_queue(store, ada))
    # Opening an unassigned moderation is blind, so any moderator may look.
    assert get_moderation(store, ada, first).editable
    save_moderation_grade(store, u["oli"], first, "risk", grade=G)
    claim_moderation(store, ada, second)
    assert [m.id for m in moderation_queue(store, u["oli"])] == [first]
    assert [m.id for m in moderation_queue(store, ada)] == [second]
    with pytest.raises(Refused, match="assigned to oli"):
        claim_moderation(store, ada, first)
    kinds = [e["kind"] for e in store.events("moderation", first)]
    assert "moderation.claim" in kinds


def test_paired_grades_follow_the_blindness_rule(store) -> None:  # type: ignore[no-untyped-def]
    u = people(store)
    a1 = submitted_audit(store, u["lee"], u["mia"], "C-1")
    a2 = submitted_audit(store, u["lee"], u["max"], "C-2")
    sample = draw_sample(store, u["lee"], rate=1, seed=1, moderator="oli")
    lead_rows = paired_grades(store, u["lee"])
    assert {r["audit_id"] for r in lead_rows} == {a1, a2} and len(lead_rows) == 8
    assert all(r["moderated_grade"] == "" for r in lead_rows)
    assert {r["audit_id"] for r in paired_grades(store, u["mia"])} == {a1}
    assert paired_grades(store, u["oli"]) == []
    m1 = next(i.moderation_id for i in sample.items if i.audit_id == a1)
    _grade_all(store, u["oli"], m1, {"risk": G, "seen": G, "plan": G})
    submit_moderation(store, u["oli"], m1)
    assert {r["audit_id"] for r in paired_grades(store, u["oli"])} == {a1}


@pytest.mark.parametrize("rationale", ["r", "  r  ", "Good ok", "r Manager"])
def test_a_review_will_not_complete_on_a_rationale_too_short_to_be_one(setup, rationale) -> None:  # type: ignore[no-untyped-def]
    """A stray key saved as a rationale (``r``) does not let the review complete, and
    the refusal names the criterion and says what is needed; nothing is changed."""
    store, u, audit_id, mid = setup
    oli = u["oli"]
    _grade_all(store, oli, mid, {"risk": INAD, "seen": G, "plan": OUT})
    submit_moderation(store, oli, mid)
    record_review(store, oli, mid, "risk", INAD, rationale)  # recorded as typed, so far
    assert compare_moderation(store, oli, mid).to_decide == ["risk"]
    before = store.rows("SELECT * FROM moderations"), store.rows("SELECT * FROM moderation_grades")
    events = len(store.events("moderation", mid))
    with pytest.raises(BadInput, match="not complete") as err:
        complete_review(store, oli, mid)
    shown = "\n".join([str(err.value), *err.value.details])
    assert "Risk identified and acted on: the rationale" in shown
    assert "too short" in shown and "which descriptor the evidence meets" in shown
    assert "10 characters or more" in shown
    after = store.rows("SELECT * FROM moderations"), store.rows("SELECT * FROM moderation_grades")
    assert after == before and len(store.events("moderation", mid)) == events
    assert get_audit(store, u["mia"], audit_id).feedback == []

    # Ten characters, spaces not counted, are enough.
    record_review(store, oli, mid, "risk", INAD, "No safety plan")
    assert complete_review(store, oli, mid).status == "reviewed"


def test_a_moderation_graded_in_another_window_refuses_a_change_decided_on_the_old_read(
    setup,  # type: ignore[no-untyped-def]
) -> None:
    from moderator.errors import SheetChanged
    from moderator.services.grading import ModerationTarget

    store, u, _audit_id, mid = setup
    window_a = ModerationTarget.open(store, u["oli"], mid)
    read = window_a.load()
    save_moderation_grade(store, u["oli"], mid, "risk", grade=INAD)  # window B
    with pytest.raises(SheetChanged):
        window_a.save("risk", grade=G, expected=read.version)
    with pytest.raises(SheetChanged):
        window_a.submit(expected=read.version)
    now = window_a.load()
    assert {e.criterion: e.grade for e in now.entries}["risk"] is INAD
    assert now.status == "draft"
    assert window_a.save("risk", grade=G, expected=now.version) > now.version
