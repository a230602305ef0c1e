"""The realism model: reproducible, the requested shape, the 2020 pattern, no identities."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

import pytest

from moderator.errors import BadInput
from moderator.services.rubrics import shipped_rubrics
from moderator.synth import names
from moderator.synth.config import SynthConfig, parse_optimism
from moderator.synth.generator import synthesise_plan


def _plan(**kwargs: object):  # type: ignore[no-untyped-def]
    config = SynthConfig(**{"audits": 300, "seed": 7, **kwargs})  # type: ignore[arg-type]
    return synthesise_plan(config, shipped_rubrics()).merged()


def test_same_seed_same_plan_and_another_seed_differs() -> None:
    one, two, other = _plan(), _plan(), _plan(seed=8)
    assert [(a.key, a.case_key, a.manager, a.grades, a.submitted_at) for a in one.audits] == [
        (a.key, a.case_key, a.manager, a.grades, a.submitted_at) for a in two.audits
    ]
    assert [c.text for c in one.cases] == [c.text for c in two.cases]
    assert [c.text for c in one.cases] != [c.text for c in other.cases]


def test_plan_has_the_requested_shape() -> None:
    chunk = _plan(audits=240, managers=6, teams=2, months=12, coverage=0.5)
    assert len(chunk.audits) == 240 and len(chunk.cases) == 240
    assert len({a.manager for a in chunk.audits}) == 6
    assert len({c.team for c in chunk.cases}) == 2
    months = {a.assigned_at[:7] for a in chunk.audits}
    assert len(months) == 12
    submitted = [a for a in chunk.audits if a.status == "submitted"]
    sampled = {m.audit_key for m in chunk.moderations}
    assert 0.4 <= len(sampled) / len(submitted) <= 0.6
    # every submitted audit is complete; drafts are partial; todo ones have no grades
    rubrics = shipped_rubrics()
    for audit in chunk.audits:
        total = len(rubrics[audit.rubric_id].criteria)
        if audit.status == "submitted":
            assert len(audit.grades) == total and audit.overall is not None
        elif audit.status == "draft":
            assert 0 < len(audit.grades) < total
        else:
            assert not audit.grades


def test_coverage_zero_means_no_moderation() -> None:
    chunk = _plan(coverage=0)
    assert chunk.moderations == [] and chunk.samples == []


def test_synth_cases_carry_placeholders_never_names() -> None:
    chunk = _plan(audits=200)
    pools = set(names.GIRLS + names.BOYS + names.WOMEN + names.MEN + names.SURNAMES)
    pattern = re.compile(r"\b(" + "|".join(sorted(pools)) + r")\b")
    assert all("[CHILD]" in c.text for c in chunk.cases)
    leaked = [m.group(0) for c in chunk.cases for m in [pattern.search(c.text)] if m]
    assert leaked == []
    assert all(c.raw is None for c in chunk.cases)


def test_optimism_concentrates_in_risk_and_planning_and_shrinks_after_training() -> None:
    chunk = _plan(audits=3000, seed=11, training_date=date(2020, 3, 2))
    audits = {a.key: a for a in chunk.audits}
    reviewed = [m for m in chunk.moderations if m.status == "reviewed"]
    assert len(reviewed) > 500
    downgraded = sum(m.outcome == "downgraded" for m in reviewed)
    to_inadequate = sum(m.outcome == "downgraded" and m.moderated_overall == 4 for m in reviewed)
    assert downgraded / len(reviewed) > 0.5  # most moderated audits downgraded
    assert to_inadequate / len(reviewed) > 0.3  # many to inadequate

    prone: list[int] = []
    other: list[int] = []
    before: list[int] = []
    after: list[int] = []
    for m in reviewed:
        audit = audits[m.audit_key]
        assert audit.submitted_at is not None
        for criterion, entry in audit.grades.items():
            drift = int(m.review[criterion].grade) - int(entry.grade)
            (
                prone if re.search("risk|plan|strateg|contingen|permanen", criterion) else other
            ).append(drift)
        overall = int(m.moderated_overall or 0) - int(audit.overall or 0)
        (before if audit.submitted_at < "2020-03-02" else after).append(overall)
    assert sum(prone) / len(prone) > 1.5 * sum(other) / len(other) > 0
    assert sum(after) / len(after) < 0.75 * sum(before) / len(before)


def test_optimism_is_per_manager() -> None:
    chunk = _plan(audits=2000, seed=5, managers=4, optimism="1.8,0", training_date=date(2030, 1, 1))
    audits = {a.key: a for a in chunk.audits}
    drift: dict[str, list[int]] = defaultdict(list)
    for m in chunk.moderations:
        if m.status == "reviewed":
            audit = audits[m.audit_key]
            drift[audit.manager].append(int(m.moderated_overall or 0) - int(audit.overall or 0))
    means = sorted(sum(v) / len(v) for v in drift.values())
    assert means[0] < 0.25 and means[1] < 0.25  # the two accurate managers
    assert means[2] > 0.6 and means[3] > 0.6  # the two optimistic ones


@pytest.mark.parametrize(
    ("spec", "expected"),
    [("none", [0.0, 0.0, 0.0]), ("0.5", [0.5, 0.5, 0.5]), ("1,0", [1.0, 0.0, 1.0])],
)
def test_optimism_spec(spec: str, expected: list[float]) -> None:
    assert parse_optimism(spec, 3) == expected


def test_bad_knobs_are_refused_with_the_option_named() -> None:
    with pytest.raises(BadInput) as caught:
        SynthConfig(audits=10, optimism="lots", coverage=1.5).validate()
    text = str(caught.value)
    assert "--optimism" in text and "--coverage" in text
    with pytest.raises(BadInput, match="--rubric"):
        synthesise_plan(SynthConfig(audits=10, rubrics=("nope",)), shipped_rubrics())
