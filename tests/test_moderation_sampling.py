from __future__ import annotations

import json

import pytest

from moderator.errors import BadInput, Refused
from moderator.services.sampling import draw_sample, get_sample, months_before
from moderator.services.users import add_user, find_user
from tests.helpers import people
from tests.moderation_helpers import clock, submitted_audit

pytestmark = pytest.mark.usefixtures("mini_rubrics")


def _team(store, n_per_manager: dict[str, int]):  # type: ignore[no-untyped-def]
    u = people(store)
    for name in n_per_manager:
        if name not in u:
            add_user(store, "lee", name, "manager", team=f"Team {name}")
            found = find_user(store, name)
            assert found is not None
            u[name] = found
    ids: dict[str, list[int]] = {}
    for name, n in n_per_manager.items():
        ids[name] = [submitted_audit(store, u["lee"], u[name], f"{name}-{i}") for i in range(n)]
    return u, ids


def test_same_seed_gives_the_same_sample_and_another_seed_a_different_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from moderator.store import open_store

    drawn = []
    for run in range(2):
        with open_store(tmp_path / f"m{run}.db") as store:
            u, _ids = _team(store, {"mia": 12, "max": 9, "ann": 3})
            first = draw_sample(store, u["lee"], rate=0.25, seed=7, dry_run=True)
            again = draw_sample(store, u["lee"], rate=0.25, seed=7, dry_run=True)
            other = draw_sample(store, u["lee"], rate=0.25, seed=8, dry_run=True)
            drawn.append([i.audit_id for i in first.items])
            assert [i.audit_id for i in again.items] == drawn[-1]
            assert [i.audit_id for i in other.items] != drawn[-1]
    # Two databases built the same way draw the same sample from the same seed.
    assert drawn[0] == drawn[1]


def test_every_manager_is_represented_and_the_rate_is_honoured(store) -> None:  # type: ignore[no-untyped-def]
    u, ids = _team(store, {"mia": 20, "max": 10, "ann": 2})
    result = draw_sample(store, u["lee"], rate=0.1, seed=3)
    per = {name: sum(i.manager == name for i in result.items) for name in ids}
    # 10% of 32 is 3: mia 2, max 1, ann 0 by share; ann still gets her minimum of 1.
    assert per == {"mia": 2, "max": 1, "ann": 1}
    assert result.eligible == 32 and result.unrepresented == []
    more = draw_sample(store, u["lee"], rate=0, seed=3, min_per_manager=2)
    assert {name: sum(i.manager == name for i in more.items) for name in ids} == {
        "mia": 2,
        "max": 2,
        "ann": 1,  # she had only one audit left
    }


def test_sample_is_recorded_with_who_when_seed_and_params(store) -> None:  # type: ignore[no-untyped-def]
    u, _ids = _team(store, {"mia": 4, "max": 4})
    with clock(store, "2020-03-01T09:00:00+00:00"):
        result = draw_sample(store, u["lee"], rate=0.5, seed=99, moderator="oli")
    assert result.id is not None
    row = store.row("SELECT * FROM samples WHERE id = ?", [result.id])
    assert (row["drawn_by"], row["drawn_at"], row["seed"], row["rate"]) == (
        "lee",
        "2020-03-01T09:00:00+00:00",
        99,
        0.5,
    )
    params = json.loads(row["params"])
    assert params["min_per_manager"] == 1 and params["exclude_months"] == 6
    assert params["moderator"] == "oli"
    event = store.events("sample", result.id)[-1]
    assert event["kind"] == "sample.draw" and event["actor"] == "lee"
    assert json.loads(event["detail"])["audit_ids"] == [i.audit_id for i in result.items]
    statuses = store.rows(
        "SELECT status, moderator_name FROM moderations WHERE sample_id = ?", [result.id]
    )
    assert len(statuses) == len(result.items) == 4
    assert {(r["status"], r["moderator_name"]) for r in statuses} == {("todo", "oli")}
    assert get_sample(store, u["lee"], result.id).items == result.items


def test_already_sampled_audits_are_never_drawn_again(store) -> None:  # type: ignore[no-untyped-def]
    u, _ids = _team(store, {"mia": 6})
    first = draw_sample(store, u["lee"], rate=0.5, seed=1, exclude_months=0)
    second = draw_sample(store, u["lee"], rate=1, seed=1, exclude_months=0)
    assert not {i.audit_id for i in first.items} & {i.audit_id for i in second.items}
    assert len(first.items) + len(second.items) == 6


def test_cases_moderated_within_the_window_are_excluded(store) -> None:  # type: ignore[no-untyped-def]
    u = people(store)
    with clock(store, "2020-01-10T09:00:00+00:00"):
        old = submitted_audit(store, u["lee"], u["mia"], "C-1")
        draw_sample(store, u["lee"], rate=0, seed=1, hand_picked=[old])
    # A second audit of the same case, months later.
    from moderator.services.audits import assign_audit, save_criterion, submit_audit

    with clock(store, "2020-05-01T09:00:00+00:00"):
        again = assign_audit(store, u["lee"], "C-1", "mia", "mini", None)
        for c in ("risk", "seen", "plan"):
            from moderator.domain.grades import Grade

            save_criterion(store, u["mia"], again, c, grade=Grade.GOOD, note="n")
        submit_audit(store, u["mia"], again)
        other = submitted_audit(store, u["lee"], u["mia"], "C-2")
    # Close the first moderation so only the window (not "still open") excludes the case.
    with store.transaction():
        store.execute(
            "UPDATE moderations SET status = 'reviewed', submitted_at = ?, reviewed_at = ?"
            " WHERE audit_id = ?",
            ("2020-02-01T09:00:00+00:00", "2020-02-01T09:00:00+00:00", old),
        )
    with clock(store, "2020-07-15T09:00:00+00:00"):  # 5½ months after the review
        inside = draw_sample(store, u["lee"], rate=1, seed=1, dry_run=True)
        wider = draw_sample(store, u["lee"], rate=1, seed=1, dry_run=True, exclude_months=4)
    assert [i.audit_id for i in inside.items] == [other]
    assert inside.params["excluded_since"] == "2020-01-15"
    assert sorted(i.audit_id for i in wider.items) == [again, other]
    with clock(store, "2020-08-02T09:00:00+00:00"):  # more than six months after
        later = draw_sample(store, u["lee"], rate=1, seed=1, dry_run=True)
    assert sorted(i.audit_id for i in later.items) == [again, other]


def test_open_moderations_exclude_their_case_whatever_the_window(store) -> None:  # type: ignore[no-untyped-def]
    u = people(store)
    with clock(store, "2019-01-10T09:00:00+00:00"):
        first = submitted_audit(store, u["lee"], u["mia"], "C-1")
        draw_sample(store, u["lee"], rate=1, seed=1)
    from moderator.domain.grades import Grade
    from moderator.services.audits import assign_audit, save_criterion, submit_audit

    second = assign_audit(store, u["lee"], "C-1", "mia", "mini", None)
    for c in ("risk", "seen", "plan"):
        save_criterion(store, u["mia"], second, c, grade=Grade.GOOD, note="n")
    submit_audit(store, u["mia"], second)
    result = draw_sample(store, u["lee"], rate=1, seed=1, dry_run=True)
    assert first != second and result.items == []


def test_hand_picked_audits_are_marked_and_checked(store) -> None:  # type: ignore[no-untyped-def]
    u, ids = _team(store, {"mia": 5, "max": 5})
    chosen = ids["max"][2]
    result = draw_sample(store, u["lee"], rate=0, seed=5, min_per_manager=1, hand_picked=[chosen])
    flags = {i.audit_id: i.hand_picked for i in result.items}
    assert flags[chosen] is True
    # Max's hand-picked audit counts towards his minimum; mia gets one at random.
    assert sum(not f for f in flags.values()) == 1
    stored = store.rows(
        "SELECT audit_id, hand_picked FROM sample_items WHERE sample_id = ?", [result.id]
    )
    assert {r["audit_id"]: bool(r["hand_picked"]) for r in stored} == flags
    with pytest.raises(BadInput, match="already sampled"):
        draw_sample(store, u["lee"], rate=0, seed=5, hand_picked=[chosen])
    with pytest.raises(BadInput, match="no such audit"):
        draw_sample(store, u["lee"], rate=0, seed=5, hand_picked=["9999"])


def test_only_submitted_audits_are_sampled(store) -> None:  # type: ignore[no-untyped-def]
    from moderator.services.audits import assign_audit
    from tests.helpers import add_case

    u, ids = _team(store, {"mia": 2})
    add_case(store, "D-1")
    draft = assign_audit(store, u["lee"], "D-1", "mia", "mini", None)
    result = draw_sample(store, u["lee"], rate=1, seed=1, dry_run=True)
    assert sorted(i.audit_id for i in result.items) == ids["mia"]
    with pytest.raises(BadInput, match="not submitted"):
        draw_sample(store, u["lee"], rate=1, seed=1, hand_picked=[draft])
    assert "max" in result.unrepresented


def test_only_a_lead_draws_and_bad_parameters_change_nothing(store) -> None:  # type: ignore[no-untyped-def]
    u, _ids = _team(store, {"mia": 2})
    with pytest.raises(Refused):
        draw_sample(store, u["oli"], rate=0.5, seed=1)
    with pytest.raises(Refused):
        draw_sample(store, u["mia"], rate=0.5, seed=1)
    with pytest.raises(BadInput, match="rate"):
        draw_sample(store, u["lee"], rate=1.5, seed=1)
    with pytest.raises(BadInput, match="not a moderator"):
        draw_sample(store, u["lee"], rate=0.5, seed=1, moderator="mia")
    assert store.scalar("SELECT count(*) FROM samples") == 0
    assert store.scalar("SELECT count(*) FROM moderations") == 0


def test_months_before_clamps_the_day() -> None:
    assert months_before("2020-08-31T10:00:00+00:00", 6) == "2020-02-29"
    assert months_before("2021-01-15", 13) == "2019-12-15"
    assert months_before("2020-03-01T00:00:00", 0) == "2020-03-01"


def test_an_exclusion_window_of_a_hundred_million_months_is_one_message(store) -> None:  # type: ignore[no-untyped-def]
    # 'sample --exclude-months 100000000' printed a traceback (year -8331313 is out of range)
    u, _ids = _team(store, {"mia": 2})
    events = len(store.events())
    with pytest.raises(BadInput, match=r"--exclude-months: at most 1200 \(a hundred years\)"):
        draw_sample(store, u["lee"], rate=0.5, seed=1, exclude_months=100_000_000)
    assert store.scalar("SELECT count(*) FROM samples") == 0
    assert len(store.events()) == events
    assert draw_sample(store, u["lee"], rate=0.5, seed=1, exclude_months=1200).id is not None
