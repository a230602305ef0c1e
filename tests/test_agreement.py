"""Multi-rater agreement (calibration exercises): published worked examples and reference libraries."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from moderator.analysis.agreement import multi_rater_agreement
from moderator.cli import cli

# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the reliability
# data with missing values: 4 coders × 12 units, values 1–5. Gwet's irrCAC ships the
# same data as `cac.raw4raters`. None = the coder did not rate the unit.
KRIPPENDORFF_2011 = [
    [1, 1, None, 1],
    [2, 2, 3, 2],
    [3, 3, 3, 3],
    [3, 3, 3, 3],
    [2, 2, 2, 2],
    [1, 2, 3, 4],
    [4, 4, 4, 4],
    [1, 1, 2, 1],
    [2, 2, 2, 2],
    [None, 5, 5, 5],
    [None, None, 1, 1],
    [None, None, 3, None],
]

# Fleiss (1971): 30 patients, 6 psychiatrists, 5 diagnoses (counts per category).
FLEISS_1971 = [
    [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
    [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
    [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
    [0, 0, 5, 0, 1], [3, 0, 0, 1, 2], [5, 1, 0, 0, 0], [0, 2, 0, 4, 0], [1, 0, 2, 0, 3],
    [0, 0, 0, 0, 6], [0, 1, 0, 5, 0], [0, 2, 0, 1, 3], [2, 0, 0, 4, 0], [1, 0, 0, 4, 1],
    [0, 5, 0, 1, 0], [4, 0, 0, 0, 2], [0, 2, 0, 4, 0], [1, 0, 5, 0, 0], [0, 0, 0, 0, 6],
]  # fmt: skip


def _counts(rows: list[list[int | None]], q: int) -> np.ndarray:
    table = np.zeros((len(rows), q))
    for i, row in enumerate(rows):
        for value in row:
            if value is not None:
                table[i, value - 1] += 1
    return table


def test_krippendorff_2011_example_with_missing_ratings() -> None:
    result = multi_rater_agreement(_counts(KRIPPENDORFF_2011, 5), [1, 2, 3, 4, 5], n_raters=4)
    # Krippendorff (2011) publishes 0.743 (nominal), 0.815 (ordinal), 0.849 (interval).
    assert result.alpha_nominal == pytest.approx(0.743, abs=5e-4)
    assert result.alpha_ordinal == pytest.approx(0.815, abs=5e-4)
    assert result.alpha_interval == pytest.approx(0.849, abs=5e-4)
    # Gwet (2014) via irrCAC's documented output on the same data.
    assert result.percent_agreement == pytest.approx(0.8181818, abs=1e-7)
    assert result.ac1 == pytest.approx(0.77544, abs=5e-6)
    assert result.fleiss_kappa == pytest.approx(0.76117, abs=5e-6)
    assert (result.n_units, result.n_ratings) == (12, 41)


def test_fleiss_1971_example() -> None:
    result = multi_rater_agreement(np.array(FLEISS_1971, float), [1, 2, 3, 4, 5], n_raters=6)
    # Fleiss (1971) reports 0.430; R's irr::kappam.fleiss gives 0.4302445.
    assert result.fleiss_kappa == pytest.approx(0.4302445, abs=1e-7)


def test_gwet_2014_distribution_of_six_raters() -> None:
    # The first 15 patients of the table above, as Gwet (2014) and irrCAC's
    # `distrib.6raters` use them: AC1 0.4448007, Fleiss 0.4139265, alpha 0.4204384.
    result = multi_rater_agreement(np.array(FLEISS_1971[:15], float), [1, 2, 3, 4, 5], n_raters=6)
    assert result.ac1 == pytest.approx(0.4448007, abs=1e-7)
    assert result.fleiss_kappa == pytest.approx(0.4139265, abs=1e-7)
    assert result.alpha_nominal == pytest.approx(0.4204384, abs=1e-7)
    assert result.percent_agreement == pytest.approx(0.5511111, abs=1e-7)


def _random_ratings(seed: int, *, missing: float, skip_grade: int | None) -> list[list[int | None]]:
    rng = np.random.default_rng(seed)
    n_units, n_raters = int(rng.integers(5, 30)), int(rng.integers(2, 7))
    grades = [g for g in (1, 2, 3, 4) if g != skip_grade]
    truth = rng.choice(grades, size=n_units)
    rows: list[list[int | None]] = []
    for t in truth:
        row: list[int | None] = []
        for _ in range(n_raters):
            if rng.random() < missing:
                row.append(None)
            else:
                value = int(np.clip(t + rng.integers(-1, 2), 1, 4))
                row.append(value if value != skip_grade else int(t))
        rows.append(row)
    return rows


def _gwet_from_raw(rows: list[list[int | None]], weights: np.ndarray) -> dict[str, float]:
    """Gwet (2014), chapter 2, written out over raw ratings one unit at a time.

    An independent second reading of the formulas (loops over raw ratings, not the
    count-table algebra of the module under test), beside irrCAC itself below.
    """
    q = weights.shape[0]
    rated = [[v for v in row if v is not None] for row in rows]
    rated = [r for r in rated if r]
    pairable = [r for r in rated if len(r) >= 2]
    pa_terms = []
    for r in pairable:
        total = 0.0
        for k in range(1, q + 1):
            r_k = sum(1 for v in r if v == k)
            r_star = sum(weights[k - 1, v - 1] for v in r)
            total += r_k * (r_star - 1)
        pa_terms.append(total / (len(r) * (len(r) - 1)))
    pa = sum(pa_terms) / len(pa_terms)
    pi = [
        sum(sum(1 for v in r if v == k) / len(r) for r in rated) / len(rated)
        for k in range(1, q + 1)
    ]
    pe_ac = weights.sum() / (q * (q - 1)) * sum(p * (1 - p) for p in pi)
    pe_fleiss = sum(weights[k, m] * pi[k] * pi[m] for k in range(q) for m in range(q))
    return {
        "pa": pa,
        "ac": (pa - pe_ac) / (1 - pe_ac),
        "fleiss": (pa - pe_fleiss) / (1 - pe_fleiss),
    }


def test_ac2_quadratic_on_the_krippendorff_data_equals_irrcac() -> None:
    # irrCAC 0.4.4, CAC(data, weights="quadratic").gwet() on the data above: 0.9140007236.
    result = multi_rater_agreement(_counts(KRIPPENDORFF_2011, 5), [1, 2, 3, 4, 5], n_raters=4)
    assert result.ac2_quadratic == pytest.approx(0.9140007236, abs=1e-9)


@pytest.mark.parametrize("seed", range(12))
def test_equal_to_reference_implementations_on_random_data(seed: int) -> None:
    import krippendorff

    from moderator.analysis.agreement import identity_weights, quadratic_weights

    # Every other data set leaves a grade unused: the four grades must still count.
    rows = _random_ratings(seed, missing=0.2, skip_grade=1 if seed % 2 else None)
    ours = multi_rater_agreement(_counts(rows, 4), [1, 2, 3, 4], n_raters=len(rows[0]))
    data = np.array([[np.nan if v is None else v for v in row] for row in rows], float).T
    for metric, value in (
        ("nominal", ours.alpha_nominal),
        ("ordinal", ours.alpha_ordinal),
        ("interval", ours.alpha_interval),
    ):
        expected = krippendorff.alpha(
            reliability_data=data, level_of_measurement=metric, value_domain=[1, 2, 3, 4]
        )
        assert value == pytest.approx(expected, abs=1e-6), metric
    plain = _gwet_from_raw(rows, identity_weights(4))
    quadratic = _gwet_from_raw(rows, quadratic_weights([1, 2, 3, 4]))
    assert ours.percent_agreement == pytest.approx(plain["pa"], abs=1e-9)
    assert ours.ac1 == pytest.approx(plain["ac"], abs=1e-9)
    assert ours.fleiss_kappa == pytest.approx(plain["fleiss"], abs=1e-9)
    assert ours.ac2_quadratic == pytest.approx(quadratic["ac"], abs=1e-9)


@pytest.mark.parametrize("seed", range(12))
def test_equal_to_irrcac_on_random_data(seed: int) -> None:
    irrcac = pytest.importorskip(
        "irrCAC.raw", reason="make installs irrCAC with --no-deps (pip install --no-deps irrCAC)"
    )
    import pandas as pd

    rows = _random_ratings(seed, missing=0.2, skip_grade=1 if seed % 2 else None)
    ours = multi_rater_agreement(_counts(rows, 4), [1, 2, 3, 4], n_raters=len(rows[0]))
    frame = pd.DataFrame(rows, dtype=float)
    plain = irrcac.CAC(frame, categories=[1, 2, 3, 4], digits=12)
    quadratic = irrcac.CAC(frame, weights="quadratic", categories=[1, 2, 3, 4], digits=12)
    assert ours.ac1 == pytest.approx(plain.gwet()["est"]["coefficient_value"], abs=1e-6)
    assert ours.fleiss_kappa == pytest.approx(plain.fleiss()["est"]["coefficient_value"], abs=1e-6)
    assert ours.percent_agreement == pytest.approx(plain.gwet()["est"]["pa"], abs=1e-6)
    assert ours.alpha_nominal == pytest.approx(
        plain.krippendorff()["est"]["coefficient_value"], abs=1e-6
    )
    assert ours.ac2_quadratic == pytest.approx(
        quadratic.gwet()["est"]["coefficient_value"], abs=1e-6
    )


@pytest.mark.parametrize("seed", range(6))
def test_fleiss_equal_to_statsmodels_on_complete_data(seed: int) -> None:
    from statsmodels.stats.inter_rater import fleiss_kappa

    rows = _random_ratings(100 + seed, missing=0.0, skip_grade=None)
    table = _counts(rows, 4)
    ours = multi_rater_agreement(table, [1, 2, 3, 4], n_raters=len(rows[0]))
    assert ours.fleiss_kappa == pytest.approx(fleiss_kappa(table, method="fleiss"), abs=1e-6)


def test_undefined_values_are_null() -> None:
    one_rating_each = np.array([[1, 0, 0, 0], [0, 1, 0, 0]], float)
    result = multi_rater_agreement(one_rating_each, [1, 2, 3, 4], n_raters=2)
    assert result.percent_agreement is None and result.fleiss_kappa is None
    assert result.alpha_ordinal is None and result.ac1 is None
    everyone_good = np.array([[0, 3, 0, 0], [0, 3, 0, 0]], float)
    result = multi_rater_agreement(everyone_good, [1, 2, 3, 4], n_raters=3)
    assert result.percent_agreement == 1.0
    assert result.fleiss_kappa is None  # chance agreement is 1: kappa undefined
    assert result.alpha_nominal is None
    assert result.ac1 == 1.0


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ratings.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_agreement_command_json_shape_and_grader_distances(tmp_path: Path) -> None:
    lines = ["case_ref,criterion,rater,grade"]
    for case in ("C1", "C2", "C3"):
        for criterion in ("plan", "voice"):
            lines += [
                f"{case},{criterion},panel-a,Requires improvement",
                f"{case},{criterion},panel-b,3",
                f"{case},{criterion},optimist,Good",
            ]
    path = _write(tmp_path, "\n".join(lines) + "\n")
    result = CliRunner().invoke(cli, ["agreement", "--from-csv", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    keys = {"n_units", "n_raters", "n_ratings", "percent_agreement", "fleiss_kappa",
            "alpha_nominal", "alpha_ordinal", "alpha_interval", "ac1", "ac2_quadratic"}  # fmt: skip
    assert keys <= set(data["overall"])
    assert [c["key"] for c in data["by_criterion"]] == ["plan", "voice"]
    assert data["overall"]["n_units"] == 6 and data["overall"]["n_ratings"] == 18
    graders = {g["rater"]: g for g in data["graders"]}
    assert graders["optimist"]["mean_distance"] == 1.0  # one grade better than the panel
    assert graders["panel-a"]["exact"] == 1.0


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("case_ref,criterion,grade\nC1,plan,2\n", ":1: missing column(s) rater"),
        ("case_ref,criterion,rater,grade\nC1,plan,ann,7\n", ":2: grade: not a grade"),
        ("case_ref,criterion,rater,grade\nC1,plan,ann,2\nC1,plan,ann,3\n", "already on line 2"),
        ("case_ref,criterion,rater,grade\nC1,,ann,2\n", ":2: criterion: empty"),
        ("case_ref,criterion,rater,grade\nC1,plan,a\x1b]0;x\x07,2\n", ":2: rater: control"),
    ],
)
def test_agreement_command_bad_input(tmp_path: Path, body: str, message: str) -> None:
    path = _write(tmp_path, body)
    result = CliRunner().invoke(cli, ["agreement", "--from-csv", str(path)])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
