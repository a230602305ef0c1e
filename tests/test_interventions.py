"""Interventions: leads record them; the before/after comparison matches a Welch t interval."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from moderator.analysis.interventions import drift_difference
from moderator.errors import BadInput, Refused
from moderator.services.interventions import add_intervention, list_interventions
from tests.helpers import people


def test_a_lead_records_an_intervention_and_the_log_keeps_it(store) -> None:  # type: ignore[no-untyped-def]
    who = people(store)
    made = add_intervention(store, who["lee"], date(2020, 9, 1), "  Audit training  ", team="North")
    assert made.title == "Audit training"
    assert [i.title for i in list_interventions(store)] == ["Audit training"]
    events = store.events("intervention")
    assert [(e["actor"], e["kind"], e["after"]) for e in events] == [
        ("lee", "intervention.add", "2020-09-01")
    ]


def test_only_leads_record_interventions_and_bad_titles_change_nothing(store) -> None:  # type: ignore[no-untyped-def]
    who = people(store)
    with pytest.raises(Refused):
        add_intervention(store, who["mia"], date(2020, 9, 1), "Training")
    for bad in ("", "   ", "x" * 500, "Training \x1b]0;pwned\x07"):
        with pytest.raises(BadInput):
            add_intervention(store, who["lee"], date(2020, 9, 1), bad)
    assert list_interventions(store) == []


def _table(drifts: list[int], managers: list[int]) -> np.ndarray:
    conf = np.zeros((4, 4), dtype=np.int64)
    for d, m in zip(drifts, managers, strict=True):
        conf[m - 1, m - 1 + d] += 1
    return conf


@pytest.mark.parametrize("seed", range(8))
def test_drift_difference_equals_welch_t_interval(seed: int) -> None:
    from scipy import stats

    rng = np.random.default_rng(seed)
    groups = []
    for _ in range(2):
        n = int(rng.integers(3, 40))
        manager = rng.integers(1, 5, size=n)
        moderated = np.clip(manager + rng.integers(-1, 3, size=n), 1, 4)
        groups.append((manager, moderated))
    before, after = (_table(list(mo - ma), list(ma)) for ma, mo in groups)
    result = drift_difference(before, after)
    drift_before = groups[0][1] - groups[0][0]
    drift_after = groups[1][1] - groups[1][0]
    welch = stats.ttest_ind(drift_after, drift_before, equal_var=False)
    low, high = welch.confidence_interval(0.95)
    assert result.difference == pytest.approx(drift_after.mean() - drift_before.mean())
    if np.isfinite(low):
        assert result.ci == pytest.approx((low, high), abs=1e-9)


def test_drift_difference_is_undefined_without_both_windows() -> None:
    empty = np.zeros((4, 4), dtype=np.int64)
    some = _table([1, 0, 2], [1, 2, 2])
    assert drift_difference(empty, some).difference is None
    one = _table([1], [2])
    assert drift_difference(one, some).ci is None


def test_an_intervention_dated_9999_is_refused_and_changes_nothing(store) -> None:  # type: ignore[no-untyped-def]
    who = people(store)
    events = len(store.events())
    with pytest.raises(BadInput, match="9999-12-31 is not a plausible date"):
        add_intervention(store, who["lee"], date(9999, 12, 31), "Training")
    assert list_interventions(store) == []
    assert len(store.events()) == events


def test_a_report_still_runs_on_a_database_holding_an_intervention_at_the_calendars_end(
    store,  # type: ignore[no-untyped-def]
) -> None:
    from moderator.services.report_context import intervention_effects

    who = people(store)
    for day in ("9999-12-31", "0001-01-01"):  # written by an older moderator, or by hand
        store.execute(
            "INSERT INTO interventions (on_date, title, detail, team, recorded_by, recorded_at)"
            " VALUES (?, 'Training', NULL, NULL, 'lee', '2020-01-01T00:00:00+00:00')",
            (day,),
        )
    effects = intervention_effects(store, who["lee"], None, 90)
    assert [e.date.isoformat() for e in effects] == ["0001-01-01", "9999-12-31"]
