from __future__ import annotations

import sqlite3

import pytest

from moderator.domain.grades import Grade
from moderator.errors import BadInput, Refused, UsageProblem
from moderator.services.audits import (
    assign_audit,
    assign_programme,
    get_audit,
    list_audits,
    save_criterion,
    set_override,
    submit_audit,
)
from moderator.services.users import add_user, get_user
from tests.helpers import add_case, people

pytestmark = pytest.mark.usefixtures("mini_rubrics")


def test_only_a_lead_adds_users_once_a_lead_exists(store) -> None:  # type: ignore[no-untyped-def]
    add_user(store, None, "lee", "lead")
    with pytest.raises(Refused):
        add_user(store, None, "sam", "manager")
    add_user(store, "lee", "sam", "manager")
    add_user(store, "lee", "kim", "moderator")
    with pytest.raises(Refused):
        add_user(store, "sam", "zed", "manager")


def test_unknown_user_and_missing_user_are_clear(store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageProblem):
        get_user(store, None)
    with pytest.raises(BadInput, match="no user 'ghost'"):
        get_user(store, "ghost")


def test_full_audit_lifecycle_with_limiting_rule_and_override(store) -> None:  # type: ignore[no-untyped-def]
    u = people(store)
    add_case(store, "C-1")
    audit_id = assign_audit(store, u["lee"], "C-1", "mia", "mini", "2020-02-01")
    assert [a.status for a in list_audits(store, u["mia"])] == ["todo"]

    save_criterion(store, u["mia"], audit_id, "seen", grade=Grade.GOOD, note="Seen alone twice.")
    save_criterion(store, u["mia"], audit_id, "plan", grade=Grade.GOOD, note="Plan has dates.")
    save_criterion(store, u["mia"], audit_id, "risk", grade=Grade.GOOD, note="Risk acted on.")
    detail = get_audit(store, u["mia"], audit_id)
    assert detail.summary.status == "draft"
    assert detail.overall and detail.overall.final is Grade.GOOD

    save_criterion(store, u["mia"], audit_id, "risk", grade=Grade.INADEQUATE)
    detail = get_audit(store, u["mia"], audit_id)
    assert detail.overall and detail.overall.final is Grade.INADEQUATE
    assert "limited by Risk identified and acted on" in detail.overall.explanation

    with pytest.raises(BadInput, match="reason"):
        set_override(store, u["mia"], audit_id, Grade.REQUIRES_IMPROVEMENT, "")
    set_override(store, u["mia"], audit_id, Grade.REQUIRES_IMPROVEMENT, "Risk since managed")
    done = submit_audit(store, u["mia"], audit_id)
    assert done.summary.status == "submitted"
    assert done.summary.overall is Grade.REQUIRES_IMPROVEMENT

    with pytest.raises(Refused, match="read-only"):
        save_criterion(store, u["mia"], audit_id, "seen", grade=Grade.OUTSTANDING)
    kinds = [e["kind"] for e in store.events("audit", audit_id)]
    assert kinds.count("audit.grade") == 4 and kinds[-1] == "audit.submit"
    risk_changes = [
        e
        for e in store.events("audit", audit_id)
        if e["field"] == "risk" and e["kind"] == "audit.grade"
    ]
    assert (risk_changes[-1]["before"], risk_changes[-1]["after"]) == ("Good", "Inadequate")


def test_submitted_audit_is_read_only_in_the_database_too(store) -> None:  # type: ignore[no-untyped-def]
    u = people(store)
    add_case(store, "C-1")
    audit_id = assign_audit(store, u["lee"], "C-1", "mia", "mini", None)
    for c in ("risk", "seen", "plan"):
        save_criterion(store, u["mia"], audit_id, c, grade=Grade.GOOD, note="evidence")
    submit_audit(store, u["mia"], audit_id)
    with pytest.raises(sqlite3.IntegrityError, match="read-only"), store.transaction():
        store.execute("UPDATE criterion_grades SET grade = 1 WHERE audit_id = ?", [audit_id])


def test_submit_needs_every_grade_and_evidence_note(store) -> None:  # type: ignore[no-untyped-def]
    u = people(store)
    add_case(store, "C-1")
    audit_id = assign_audit(store, u["lee"], "C-1", "mia", "mini", None)
    save_criterion(store, u["mia"], audit_id, "risk", grade=Grade.GOOD, note="")
    with pytest.raises(BadInput) as err:
        submit_audit(store, u["mia"], audit_id)
    text = str(err.value)
    assert "no evidence note" in text and "The child seen and heard: not graded" in text


def test_managers_cannot_touch_each_others_audits(store) -> None:  # type: ignore[no-untyped-def]
    u = people(store)
    add_case(store, "C-1")
    audit_id = assign_audit(store, u["lee"], "C-1", "mia", "mini", None)
    with pytest.raises(Refused):
        save_criterion(store, u["max"], audit_id, "risk", grade=Grade.GOOD)
    with pytest.raises(Refused):
        get_audit(store, u["max"], audit_id)
    assert list_audits(store, u["max"]) == []
    with pytest.raises(Refused):
        assign_audit(store, u["mia"], "C-1", "mia", "mini", None)


def test_programme_is_peer_audit_when_asked(store) -> None:  # type: ignore[no-untyped-def]
    u = people(store)
    for i in range(6):
        add_case(store, f"N-{i}", team="Safeguarding North")
        add_case(store, f"K-{i}", team="Children in Care", service_area="children_in_care")
    ids = assign_programme(
        store, u["lee"], per_manager=3, due="2020-03-31", exclude_own_team=True, seed=1
    )
    assert len(ids) == 6
    for name, own in (("mia", "Safeguarding North"), ("max", "Children in Care")):
        mine = list_audits(store, u[name])
        assert len(mine) == 3 and all(a.team != own for a in mine)
