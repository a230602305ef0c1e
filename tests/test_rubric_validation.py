"""`moderator rubric validate`: every broken rubric is named by file, line, column and field.

Each file in tests/data/bad_rubrics/ is broken in one way; the expected problem
points at the offending key (or, for a syntax error, at the quote that caused it),
and the CLI exits 1 without a traceback.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from moderator.cli import cli
from moderator.domain.rubric_files import (
    RubricFileError,
    load_rubric,
    load_rubric_dir,
    validate_paths,
)

DATA = Path(__file__).parent / "data"
BAD = DATA / "bad_rubrics"
MINI = DATA / "rubrics" / "mini.yaml"
SHIPPED = Path(__file__).parent.parent / "rubrics"

# file, line, col, what starts there, message
CASES = [
    (
        "yaml_syntax.yaml",
        33,
        17,
        '"Each action',
        "YAML syntax error: this quote is never closed (the parser gave up at line 38:"
        " expected <block end>, but found '<scalar>')",
    ),
    (
        "missing_descriptor.yaml",
        31,
        9,
        "descriptors:",
        "domains[safety].criteria[plan].descriptors: missing descriptor for Good",
    ),
    (
        "duplicate_criterion_id.yaml",
        28,
        9,
        "id: risk",
        "duplicate criterion id 'risk' (first at line 15)",
    ),
    (
        "unknown_grade.yaml",
        32,
        11,
        "excellent:",
        "domains[safety].criteria[plan].descriptors: unknown grade 'excellent'"
        " (use outstanding, good, requires_improvement, inadequate)",
    ),
    (
        "unregistered_source.yaml",
        37,
        13,
        "source: ofsted-2099",
        "criterion 'plan': finding cites unregistered source 'ofsted-2099'"
        " (register it in sources.yaml)",
    ),
    (
        "limiting_ignored.yaml",
        31,
        9,
        "limiting: true",
        "criterion 'plan' is limiting but overall.limiting_criteria ignores it",
    ),
    (
        "unknown_key.yaml",
        31,
        9,
        "weight: 2",
        "domains[safety].criteria[plan]: unknown key 'weight'",
    ),
    (
        "misspelt_key.yaml",
        31,
        9,
        "qustion:",
        "domains[safety].criteria[plan]: unknown key 'qustion' (did you mean 'question'?)",
    ),
    (
        "duplicate_key.yaml",
        30,
        9,
        "title: Plan",
        "duplicate key 'title' (first at line 29)",
    ),
    (
        "wrong_type.yaml",
        18,
        9,
        "limiting: sometimes",
        "domains[safety].criteria[risk].limiting: must be true or false, not 'sometimes'",
    ),
    (
        "unquoted_version.yaml",
        4,
        1,
        "version: 1.1",
        'version: Input should be a valid string, not the number 1.1 (put it in quotes: "1.1")',
    ),
    (
        "unknown_limiting_criterion.yaml",
        10,
        29,
        "safety-plan",
        "overall.limiting_criteria names unknown criterion 'safety-plan'",
    ),
    (
        "unknown_service_area.yaml",
        5,
        1,
        "service_area: youth_justice",
        "service_area: unknown service area 'youth_justice';"
        " use one of help_and_protection, children_in_care, care_leavers",
    ),
    (
        "missing_field.yaml",
        28,
        9,
        "id: plan",
        "domains[safety].criteria[plan]: missing required field 'question'",
    ),
    ("not_a_mapping.yaml", 1, 1, "#", "a rubric must be a YAML mapping"),
    ("empty.yaml", 1, 1, "#", "file is empty"),
]


def validate(*paths: Path | str) -> Result:
    return CliRunner().invoke(cli, ["rubric", "validate", *map(str, paths)])


def assert_clean_failure(result: Result) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize(("name", "line", "col", "there", "message"), CASES)
def test_each_broken_rubric_is_reported_at_the_offending_key(
    name: str, line: int, col: int, there: str, message: str
) -> None:
    path = BAD / name
    # the position really is the offending key (or quote) in the file
    assert path.read_text(encoding="utf-8").splitlines()[line - 1][col - 1 :].startswith(there)

    result = validate(path)

    assert_clean_failure(result)
    assert result.stderr.splitlines() == [
        f"{path}:{line}:{col}: {message}",
        "1 problem(s) in 1 of 1 file(s)",
    ]
    assert result.stdout == ""


def test_every_broken_rubric_has_an_expected_problem() -> None:
    on_disk = {p.name for p in BAD.glob("*.yaml")} - {"sources.yaml"}
    assert on_disk == {case[0] for case in CASES}


def test_all_problems_in_all_files_are_reported_together() -> None:
    paths = sorted(BAD.glob("*.yaml"))
    result = validate(*paths)
    assert_clean_failure(result)
    lines = result.stderr.splitlines()
    assert lines[-1] == f"{len(CASES)} problem(s) in {len(CASES)} of {len(paths)} file(s)"
    for name, line, col, _, message in CASES:
        assert f"{BAD / name}:{line}:{col}: {message}" in lines


def test_the_shipped_rubrics_and_their_sources_validate() -> None:
    result = validate(*sorted(SHIPPED.glob("*.yaml")))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "5 file(s) valid"
    assert result.stderr == ""


def test_the_test_rubric_validates() -> None:
    result = validate(MINI)
    assert result.exit_code == 0, result.output


def test_a_missing_file_is_exit_1_without_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    result = validate(missing)
    assert_clean_failure(result)
    assert result.stderr.splitlines()[0] == f"{missing}:1:1: file not found"


def test_a_missing_file_in_a_real_process_is_exit_1_without_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    run = subprocess.run(
        [sys.executable, "-m", "moderator", "rubric", "validate", str(missing)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr
    assert f"{missing}:1:1: file not found" in run.stderr


def test_no_path_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["rubric", "validate"])
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe\x00", "not UTF-8 text (byte 0 cannot be decoded)"),
        (b"a: &x [*x]\n", "recursive YAML alias"),
        (b"a: !python/object:os.system ls\n", "cannot read value: could not determine"),
        (b"id: x\n---\nid: y\n", "expected a single document in the stream"),
        (b"id: x\n[a, b]: 1\n", "keys must be plain words"),
    ],
)
def test_hostile_or_odd_files_are_problems_not_crashes(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "odd.yaml"
    path.write_bytes(content)
    result = validate(path)
    assert_clean_failure(result)
    assert message in result.stderr


def test_an_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = validate(path)
    assert_clean_failure(result)
    assert "too large" in result.stderr


def test_a_broken_registry_is_reported_once_however_many_rubrics_use_it(tmp_path: Path) -> None:
    shutil.copy(MINI, tmp_path / "one.yaml")
    text = MINI.read_text(encoding="utf-8").replace("id: mini", "id: mini-two", 1)
    (tmp_path / "two.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(
        "sources:\n  - id: stoke-mv-2020\n    title: A letter\n", encoding="utf-8"
    )
    result = validate(tmp_path / "one.yaml", tmp_path / "two.yaml")
    assert_clean_failure(result)
    registry = tmp_path / "sources.yaml"
    assert result.stderr.splitlines() == [
        f"{registry}:2:5: sources[stoke-mv-2020]: missing required field 'authority'",
        f"{registry}:2:5: sources[stoke-mv-2020]: missing required field 'date'",
        f"{registry}:2:5: sources[stoke-mv-2020]: missing required field 'file'",
        "3 problem(s) in 1 of 2 file(s)",
    ]


def test_two_files_with_one_rubric_id_are_a_problem(tmp_path: Path) -> None:
    shutil.copy(DATA / "rubrics" / "sources.yaml", tmp_path / "sources.yaml")
    shutil.copy(MINI, tmp_path / "a.yaml")
    shutil.copy(MINI, tmp_path / "b.yaml")
    result = validate(tmp_path / "a.yaml", tmp_path / "b.yaml")
    assert_clean_failure(result)
    assert f"{tmp_path / 'b.yaml'}:1:1: rubric id 'mini' is also used by {tmp_path / 'a.yaml'}" in (
        result.stderr
    )
    with pytest.raises(RubricFileError, match="also used by"):
        load_rubric_dir(tmp_path)


def test_load_rubric_raises_with_every_problem() -> None:
    with pytest.raises(RubricFileError) as caught:
        load_rubric(BAD / "missing_descriptor.yaml")
    [problem] = caught.value.problems
    assert (problem.line, problem.col) == (31, 9)
    assert caught.value.exit_code == 1


def test_descriptor_keys_accept_any_grade_spelling(tmp_path: Path) -> None:
    shutil.copy(DATA / "rubrics" / "sources.yaml", tmp_path / "sources.yaml")
    text = MINI.read_text(encoding="utf-8")
    respelt = (
        text.replace("outstanding:", "Outstanding:")
        .replace("requires_improvement:", "RI:")
        .replace("inadequate:", "'Inadequate':")
    )
    assert respelt != text
    (tmp_path / "mini.yaml").write_text(respelt, encoding="utf-8")
    assert load_rubric(tmp_path / "mini.yaml").content_hash == load_rubric(MINI).content_hash


def test_a_grade_given_twice_is_a_problem(tmp_path: Path) -> None:
    shutil.copy(DATA / "rubrics" / "sources.yaml", tmp_path / "sources.yaml")
    text = MINI.read_text(encoding="utf-8").replace(
        "          good: Risks are named", "          RI: twice\n          good: Risks are named", 1
    )
    (tmp_path / "mini.yaml").write_text(text, encoding="utf-8")
    result = validate(tmp_path / "mini.yaml")
    assert_clean_failure(result)
    assert (
        f"{tmp_path / 'mini.yaml'}:22:11: domains[safety].criteria[risk].descriptors:"
        " descriptor for Requires improvement to be good given twice"
    ) in result.stderr


def test_validate_paths_counts_files_and_sorts_problems() -> None:
    problems, count = validate_paths([BAD / "unknown_key.yaml", BAD / "duplicate_key.yaml"])
    assert count == 2
    assert [p.file for p in problems] == [
        str(BAD / "duplicate_key.yaml"),
        str(BAD / "unknown_key.yaml"),
    ]
