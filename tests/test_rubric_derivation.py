"""The overall grade, the content hash, and `rubric list` / `rubric show` output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from moderator.cli import cli
from moderator.domain.grades import Grade
from moderator.domain.rubric import OverallGrade, Rubric, derive_overall_grade
from moderator.domain.rubric_files import load_rubric, load_rubric_dir
from moderator.errors import BadInput

DATA = Path(__file__).parent / "data"
MINI = DATA / "rubrics" / "mini.yaml"
SHIPPED = Path(__file__).parent.parent / "rubrics"

# the grades by initial, so the cases read like an audit sheet
O, G, RI, I = Grade.OUTSTANDING, Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE  # noqa: E741


def make_rubric(
    n: int, *, method: str = "median", mode: str = "inadequate", limiting: tuple[int, ...] = ()
) -> Rubric:
    """A rubric with criteria c0..c{n-1}; the criteria at `limiting` indexes are limiting."""

    def criterion(i: int) -> dict[str, Any]:
        return {
            "id": f"c{i}",
            "title": f"Criterion {i}",
            "question": "Is it so?",
            "limiting": i in limiting,
            "descriptors": {
                "outstanding": "always",
                "good": "mostly",
                "requires_improvement": "sometimes",
                "inadequate": "never",
            },
            "findings": [{"source": "s", "paragraph": "1", "quote": "a finding"}],
        }

    return Rubric.model_validate(
        {
            "id": "r",
            "title": "R",
            "version": "1",
            "description": "for tests",
            "overall": {
                "method": method,
                "limiting_mode": mode,
                "limiting_criteria": [f"c{i}" for i in limiting],
            },
            "domains": [{"id": "d", "title": "D", "criteria": [criterion(i) for i in range(n)]}],
        }
    )


def grades_for(*grades: Grade | None) -> dict[str, Grade | None]:
    return {f"c{i}": g for i, g in enumerate(grades)}


def derive(rubric: Rubric, *grades: Grade | None) -> OverallGrade:
    result = derive_overall_grade(rubric, grades_for(*grades))
    assert result is not None
    return result


# --- methods -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("grades", "expected"),
    [
        ((G,), G),
        ((O, G, RI), G),  # odd count: the middle grade
        ((G, RI), RI),  # even count: between Good and RI, the worse
        ((O, G, RI, I), RI),
        ((O, O, G, G), G),
        ((G, G, RI, RI), RI),
        ((O, O, O, I), O),  # the median ignores one outlier (limiting criteria do not)
    ],
)
def test_median_rounds_towards_the_worse_grade_for_even_counts(
    grades: tuple[Grade, ...], expected: Grade
) -> None:
    assert derive(make_rubric(len(grades)), *grades).grade is expected


@pytest.mark.parametrize(
    ("grades", "expected"),
    [
        ((G,) * 9 + (RI,), G),  # mean 2.1: nearest is Good (one RI does not sink nine Goods)
        ((G, RI), RI),  # mean 2.5: exactly halfway goes to the worse grade
        ((O, G, G), G),  # mean 1.67
        ((O, O, G), O),  # mean 1.33
        ((RI, I), I),  # mean 3.5
        ((G, RI, I), RI),  # mean 3.0
    ],
)
def test_mean_rounds_to_the_nearest_grade_halfway_to_the_worse(
    grades: tuple[Grade, ...], expected: Grade
) -> None:
    assert derive(make_rubric(len(grades), method="mean"), *grades).grade is expected


def test_worst_takes_the_worst_grade() -> None:
    result = derive(make_rubric(3, method="worst"), O, O, I)
    assert result.grade is I
    assert result.explanation == "Inadequate: worst of 3 criterion grades"


def test_the_explanation_says_how_the_grade_was_derived() -> None:
    result = derive(make_rubric(4), O, G, G, RI)
    assert (
        result.explanation == "Good: median of 4 criterion grades (rounded towards the worse grade)"
    )
    assert result.limited_by == ()
    assert result.complete


# --- limiting criteria ---------------------------------------------------------------------


def test_an_inadequate_limiting_criterion_makes_the_case_inadequate() -> None:
    rubric = load_rubric(MINI)
    result = derive_overall_grade(rubric, {"risk": I, "seen": O, "plan": O})
    assert result is not None
    assert result.grade is I
    assert result.explanation == "Inadequate: limited by Risk identified and acted on"
    assert result.limited_by == ("risk",)


def test_in_inadequate_mode_a_limiting_criterion_short_of_inadequate_does_not_cap() -> None:
    rubric = make_rubric(3, limiting=(0,))
    result = derive(rubric, RI, G, G)
    assert result.grade is G
    assert result.limited_by == ()


def test_a_non_limiting_inadequate_criterion_is_just_one_grade_among_many() -> None:
    rubric = make_rubric(3, limiting=(0,))
    assert derive(rubric, G, I, G).grade is G


def test_cap_mode_caps_the_grade_at_the_worst_limiting_criterion() -> None:
    rubric = make_rubric(4, mode="cap", limiting=(0,))
    result = derive(rubric, RI, O, O, O)
    assert result.grade is RI
    assert result.explanation == "Requires improvement to be good: limited by Criterion 0"
    assert result.limited_by == ("c0",)


def test_cap_mode_never_improves_a_grade() -> None:
    rubric = make_rubric(3, mode="cap", limiting=(0,))
    result = derive(rubric, G, I, I)
    assert result.grade is I
    assert result.limited_by == ()


def test_every_limiting_criterion_that_decided_the_grade_is_named() -> None:
    rubric = make_rubric(4, limiting=(0, 2))
    result = derive(rubric, I, O, I, O)
    assert result.explanation == "Inadequate: limited by Criterion 0 and Criterion 2"
    assert result.limited_by == ("c0", "c2")


def test_a_shipped_practice_rubric_is_limited_by_risk() -> None:
    rubric = load_rubric_dir(SHIPPED)["help-and-protection"]
    grades: dict[str, Grade | None] = {c.id: G for c in rubric.criteria}
    grades["risk-identified-and-acted-on"] = I
    result = derive_overall_grade(rubric, grades)
    assert result is not None
    assert result.grade is I
    assert result.explanation == "Inadequate: limited by Risk identified and acted on"


# --- incomplete and odd input --------------------------------------------------------------


def test_ungraded_criteria_make_the_grade_provisional() -> None:
    result = derive(make_rubric(4), G, None, RI)
    assert result.grade is RI  # median of Good and RI
    assert not result.complete
    assert result.explanation == (
        "Requires improvement to be good: median of 2 criterion grades"
        " (rounded towards the worse grade); 2 not yet graded"
    )


def test_an_inadequate_limiting_criterion_decides_even_before_the_rest_are_graded() -> None:
    result = derive(make_rubric(3, limiting=(0,)), I, None, None)
    assert result.grade is I
    assert not result.complete
    assert result.limited_by == ("c0",)


def test_nothing_graded_gives_no_overall_grade() -> None:
    rubric = make_rubric(3)
    assert derive_overall_grade(rubric, {}) is None
    assert derive_overall_grade(rubric, grades_for(None, None)) is None


def test_grades_may_be_spelt_as_people_write_them_and_unknown_criteria_are_ignored() -> None:
    rubric = make_rubric(3)
    result = derive_overall_grade(rubric, {"c0": "RI", "c1": 2, "c2": "Good", "elsewhere": 4})
    assert result is not None
    assert result.grade is G
    assert result.complete


def test_a_grade_that_is_not_a_grade_is_bad_input() -> None:
    with pytest.raises(BadInput, match="not a grade"):
        derive_overall_grade(make_rubric(1), {"c0": "excellent"})


def test_the_rubric_method_is_the_same_rule() -> None:
    rubric = make_rubric(2)
    assert rubric.derive_overall(grades_for(G, RI)) == derive(rubric, G, RI)


_grade = st.sampled_from(list(Grade))


@given(
    grades=st.lists(_grade, min_size=1, max_size=12),
    method=st.sampled_from(["median", "mean", "worst"]),
    mode=st.sampled_from(["inadequate", "cap"]),
    which=st.integers(min_value=0, max_value=11),
    worse_by=st.integers(min_value=1, max_value=3),
)
def test_a_worse_criterion_grade_never_improves_the_overall_grade(
    grades: list[Grade], method: str, mode: str, which: int, worse_by: int
) -> None:
    rubric = make_rubric(len(grades), method=method, mode=mode, limiting=(0,))
    before = derive(rubric, *grades)
    i = which % len(grades)
    worse = list(grades)
    worse[i] = Grade(min(4, grades[i] + worse_by))
    after = derive(rubric, *worse)
    assert after.grade >= before.grade
    assert min(grades) <= before.grade <= max(grades)


# --- content hash --------------------------------------------------------------------------


def test_content_hash_is_stable_across_yaml_formatting(tmp_path: Path) -> None:
    original = load_rubric(MINI)
    data = yaml.safe_load(MINI.read_text(encoding="utf-8"))
    (tmp_path / "sources.yaml").write_text(
        (DATA / "rubrics" / "sources.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    flow = tmp_path / "flow.yaml"
    flow.write_text(yaml.safe_dump(data, default_flow_style=True, width=60), encoding="utf-8")
    block = tmp_path / "block.yaml"
    text = "# a comment\n\n" + yaml.safe_dump(
        data, sort_keys=True, default_style='"', allow_unicode=True, width=40
    )
    block.write_text(text, encoding="utf-8")
    assert MINI.read_text(encoding="utf-8") not in (flow.read_text(), block.read_text())
    assert load_rubric(flow).content_hash == original.content_hash
    assert load_rubric(block).content_hash == original.content_hash
    assert len(original.content_hash) == 64


def test_content_hash_changes_when_a_descriptor_changes(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(
        (DATA / "rubrics" / "sources.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    text = MINI.read_text(encoding="utf-8")
    edited = text.replace("Risks are named and acted on promptly", "Risks are named and acted on")
    assert edited != text
    (tmp_path / "mini.yaml").write_text(edited, encoding="utf-8")
    assert load_rubric(tmp_path / "mini.yaml").content_hash != load_rubric(MINI).content_hash


# --- rubric list / show --------------------------------------------------------------------


def run(*args: str) -> Result:
    return CliRunner(env={"COLUMNS": "200"}).invoke(cli, ["rubric", *args])


def test_rubric_list_json_lists_the_shipped_rubrics() -> None:
    result = run("list", "--format", "json")
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    shipped = load_rubric_dir(SHIPPED)
    assert [r["id"] for r in listed] == sorted(shipped)
    for entry in listed:
        rubric = shipped[entry["id"]]
        assert entry["content_hash"] == rubric.content_hash
        assert entry["criteria_count"] == len(rubric.criteria)
        assert entry["title"] == rubric.title
        assert entry["service_area"] == rubric.service_area


@pytest.mark.parametrize(
    "rubric_id", ["help-and-protection", "children-in-care", "care-leavers", "management-oversight"]
)
def test_rubric_show_json_has_every_criterion_with_descriptors_and_findings(
    rubric_id: str,
) -> None:
    result = run("show", rubric_id, "--format", "json")
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    rubric = load_rubric_dir(SHIPPED)[rubric_id]
    assert shown["id"] == rubric_id
    assert shown["content_hash"] == rubric.content_hash
    criteria = [c for d in shown["domains"] for c in d["criteria"]]
    assert [c["id"] for c in criteria] == [c.id for c in rubric.criteria]
    for c in criteria:
        assert set(c["descriptors"]) == {
            "outstanding",
            "good",
            "requires_improvement",
            "inadequate",
        }
        assert all(text.strip() for text in c["descriptors"].values())
        assert c["findings"]
        for f in c["findings"]:
            assert f["source"] and f["paragraph"] and f["quote"]
    assert shown["overall"]["limiting_criteria"] == [c.id for c in rubric.criteria if c.limiting]


def test_rubric_show_tree_has_every_criterion_title_and_the_rule() -> None:
    result = run("show", "help-and-protection")
    assert result.exit_code == 0, result.output
    rubric = load_rubric_dir(SHIPPED)["help-and-protection"]
    for criterion in rubric.criteria:
        assert criterion.title in result.stdout
    assert "LIMITING" in result.stdout
    assert "Limiting: Risk identified and acted on; Strategy discussions and thresholds" in (
        result.stdout
    )
    assert rubric.content_hash[:12] in result.stdout
    assert "Requires improvement to be good:" in result.stdout  # descriptors in full words
    assert "stoke-mv-2020, 'Overview', para 1" in result.stdout


def test_rubric_show_accepts_a_file_path_for_a_draft() -> None:
    result = run("show", str(MINI))
    assert result.exit_code == 0, result.output
    assert "Mini rubric for tests" in result.stdout
    assert "The child seen and heard" in result.stdout


def test_rubric_show_of_an_unknown_id_names_the_known_ones() -> None:
    result = run("show", "nope")
    assert result.exit_code == 1
    assert "no rubric 'nope'; known: care-leavers, children-in-care" in result.stderr
    assert "Traceback" not in result.output


def test_moderator_rubrics_points_at_another_rubric_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("MODERATOR_RUBRICS", str(DATA / "rubrics"))
    result = run("list", "--format", "json")
    assert [r["id"] for r in json.loads(result.stdout)] == ["mini"]
    monkeypatch.setenv("MODERATOR_RUBRICS", str(tmp_path / "nowhere"))
    result = run("list")
    assert result.exit_code == 1
    assert "no rubrics directory" in result.stderr


def test_rubric_commands_take_db_and_as_after_their_name(tmp_path: Path) -> None:
    result = run("list", "--db", str(tmp_path / "x.db"), "--as", "sam", "--format", "json")
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "x.db").exists()  # listing rubrics touches no database
